#!/usr/bin/env python3
"""linecheck.py [--within N] CELLS: every cell's line field (gip(5)) leads
to its value.  Sources are the input files (NAME#k is read as NAME).  A table
or prose cell with a value must show that value's digits on its line, or with
--within N on one of the N lines from it (the row's first line, for rows whose
values go on below their labels).  Prose figures stated in words (未收到:
0) and amounts printed in another unit are looked for by their digits.  Prints
the cells that fail and a summary; exit 1 if any does, or if no cell had a
line."""
import codecs, re, sys

def decode(b):
    for bom, enc in ((codecs.BOM_UTF8, 'utf-8-sig'), (codecs.BOM_UTF16_LE, 'utf-16'),
                     (codecs.BOM_UTF16_BE, 'utf-16')):
        if b.startswith(bom):
            return b.decode(enc)
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gb18030', 'replace')

files = {}
def lines_of(path):
    if path not in files:
        t = decode(open(path, 'rb').read())
        files[path] = re.split('\r\n|\r|\n', t)
    return files[path]

FOLD = str.maketrans('０１２３４５６７８９．', '0123456789.')
def shown(value, text):
    flat = re.sub(r'[\s,，\u3000]', '', text).translate(FOLD)
    if value in flat:
        return True
    digits = value.replace('.', '').strip('0')
    return digits != '' and (len(digits) > 1 or '.' in value) and digits in flat.replace('.', '')

args = sys.argv[1:]
within = 1
if args[0] == '--within':
    within, args = int(args[1]), args[2:]
ok = bad = 0
for rec in open(args[0], encoding='utf-8'):
    f = rec.rstrip('\n').split('\t')
    if len(f) != 6:
        print('not 6 fields: %r' % rec[:80]); bad += 1; continue
    if f[1] == 'meta' or f[4] in ('', '?') or (f[1] == 'prose' and f[4] == '0'):
        continue
    path, n = f[0].split('#')[0], int(f[5] or 0)
    ls = lines_of(path)
    if n >= 1 and any(shown(f[4].lstrip('-'), ls[k]) for k in range(n - 1, min(n - 1 + within, len(ls)))):
        ok += 1
        continue
    bad += 1
    if bad <= 10:
        print('%s:%d: %s %s %s = %s: %r' % (path, n, f[1], f[2], f[3], f[4],
              ls[n - 1][:100] if 1 <= n <= len(ls) else None))
print('linecheck: %d cells on their line, %d not' % (ok, bad), file=sys.stderr)
sys.exit(1 if bad or not ok else 0)
