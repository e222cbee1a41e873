#!/usr/bin/env python3
"""catcmp.py CATCELLS CATNAME SEPCELLS FILE...: the cells gip-tables gave for
CATNAME (a concatenation of FILE... in order, decoded to UTF-8) must be, report
k under CATNAME#k, the cells of FILE k, with its lines moved by the lines of the
files before it.  Prints the differences and a summary; exit 1 on any."""
import sys, collections, re
catcells, catname, sepcells, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def load(path):
    d = collections.defaultdict(list)
    for l in open(path, encoding='utf-8'):
        f = l.rstrip('\n').split('\t')
        d[f[0]].append(f[1:])
    return d
cat, sep = load(catcells), load(sepcells)
def lines_in(path):
    b = open(path, 'rb').read()
    for bom, enc in ((b'\xef\xbb\xbf', 'utf-8-sig'), (b'\xff\xfe', 'utf-16'), (b'\xfe\xff', 'utf-16')):
        if b.startswith(bom): t = b.decode(enc); break
    else:
        try: t = b.decode('utf-8')
        except UnicodeDecodeError: t = b.decode('gb18030', 'replace')
    return len(re.findall('\r\n|\r|\n', t))
offset, bad = 0, 0
for k, path in enumerate(files, 1):
    want = [c[:4] + [str(int(c[4]) + offset) if c[4] else ''] for c in sep[path]]
    got = cat.get('%s#%d' % (catname, k), [])
    if got != want:
        bad += 1
        if bad <= 5:
            print('report %d (%s): %d cells, want %d; first difference:' % (k, path, len(got), len(want)))
            for g, w in zip(got + [None] * len(want), want + [None] * len(got)):
                if g != w: print('  got ', g, '\n  want', w); break
    offset += lines_in(path)
extra = set(cat) - {'%s#%d' % (catname, k) for k in range(1, len(files) + 1)}
print('catcmp: %d reports, %d differ, %d extra sources %s' % (len(files), bad, len(extra), sorted(extra)[:3]), file=sys.stderr)
sys.exit(1 if bad or extra else 0)
