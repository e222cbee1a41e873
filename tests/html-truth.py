#!/usr/bin/env python3
"""Compare htmldump's text of gipgen html/wordhtml pages with their truth.

usage: html-truth.py DUMPDIR TRUTHDIR

For each DUMPDIR/NNNNNN.txt (htmldump's output for NNNNNN.html) reads
TRUTHDIR/NNNNNN.tsv and checks the rule the table parser relies on: in the
table holding 申请人情况 every line has 10 TAB-separated cells and the last
7 cells of its data lines (after the 3 header lines) are the t3 values in
truth order; in the table holding 行政复议 every line has 15 cells and the
data line (the 4th) holds the 15 t4 values.  Prints one line per page that
fails, then "pages N ok M"; exits 1 if any page fails.
"""
import os
import sys

T4COLS = ('upheld', 'corrected', 'other', 'pending', 'total')
T4ROWS = ('review', 'suit.direct', 'suit.after')


def blocks(text):
    """Runs of non-blank lines, as lists of cell lists."""
    out, cur = [], []
    for line in text.split('\n'):
        if line.strip() == '':
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(line.split('\t'))
    if cur:
        out.append(cur)
    return out


def norm(v):
    return v.replace(',', '').replace('，', '').replace(' ', '')


def truth(path):
    t3, t4 = {}, {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            tab, row, col, val = line.rstrip('\n').split('\t')
            if tab == 't3':
                t3.setdefault(row, {})[col] = val
            elif tab == 't4':
                t4[(row, col)] = val
    return t3, t4


def check(text, t3, t4):
    bl = blocks(text)
    heads = [''.join(b[0]).replace(' ', '') if len(b[0]) > 1 else ''
             for b in bl]
    b3 = [b for b, h in zip(bl, heads) if '申请人情况' in h]
    b4 = [b for b, h in zip(bl, heads) if '行政复议' in h]
    if len(b3) != 1 or len(b4) != 1:
        return 'found %d t3 and %d t4 tables' % (len(b3), len(b4))
    b3, b4 = b3[0], b4[0]
    for i, cells in enumerate(b3):
        if len(cells) != 10:
            return 't3 line %d has %d cells' % (i + 1, len(cells))
    for i, cells in enumerate(b4):
        if len(cells) != 15:
            return 't4 line %d has %d cells' % (i + 1, len(cells))
    data = b3[3:]
    if len(data) != len(t3):
        return 't3 has %d data lines, truth %d rows' % (len(data), len(t3))
    for cells, (row, cols) in zip(data, t3.items()):
        got = [norm(v) for v in cells[3:]]
        want = list(cols.values())
        if got != want:
            return 't3 row %s: %s != %s' % (row, got, want)
    if len(b4) != 4:
        return 't4 has %d lines' % len(b4)
    got = [norm(v) for v in b4[3]]
    want = [t4[(r, c)] for r in T4ROWS for c in T4COLS]
    if got != want:
        return 't4: %s != %s' % (got, want)
    return None


def main():
    dump, tdir = sys.argv[1:3]
    n = ok = 0
    for name in sorted(os.listdir(dump)):
        if not name.endswith('.txt'):
            continue
        n += 1
        with open(os.path.join(dump, name), encoding='utf-8') as f:
            text = f.read()
        t3, t4 = truth(os.path.join(tdir, name[:-4] + '.tsv'))
        err = check(text, t3, t4)
        if err:
            print('%s: %s' % (name[:-4], err))
        else:
            ok += 1
    print('pages %d ok %d' % (n, ok))
    return 0 if n > 0 and ok == n else 1


if __name__ == '__main__':
    sys.exit(main())
