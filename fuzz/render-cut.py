#!/usr/bin/env python3
"""Seeds of the doctext fuzz target from one converter's rendering
(fuzz/seeds.sh): the first lines (the title) and a window of about 8 KB
at each of the three tables, found by a label every converter prints
whole, starting a little above it (the section heading, the caption and
column titles).  Cut at line starts where lines are short, else at a
character boundary; written as OUT.t2.txt, OUT.t3.txt, OUT.t4.txt.

Usage: render-cut.py RENDERING OUT"""
import sys

MAX = 8192
ANCHORS = (('t2', '第二十条'.encode()), ('t3', '本年新收'.encode()),
           ('t4', '维持'.encode()))


def char_start(b, i):
    """i moved forward to the start of a UTF-8 character."""
    while i < len(b) and b[i] & 0xC0 == 0x80:
        i += 1
    return i


def char_end(b, i):
    """i moved back so that b[:i] ends with a whole character."""
    j = i
    while j > 0 and b[j - 1] & 0xC0 == 0x80:
        j -= 1
    if j > 0 and b[j - 1] >= 0xC0:
        lead = b[j - 1]
        need = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if i - (j - 1) < need:
            return j - 1
    return i


def main():
    src, out = sys.argv[1], sys.argv[2]
    b = open(src, 'rb').read()
    head = b''
    for line in b.split(b'\n'):
        if line.strip():
            head = line[:400] + b'\n'
            break
    for name, word in ANCHORS:
        at = b.find(word)
        if name == 't4':    # the one after 本年新收, in table 4
            t3 = b.find(ANCHORS[1][1])
            at = b.find(word, t3 + 1) if t3 >= 0 else at
        if at < 0:
            continue
        start = max(0, at - 1500)
        nl = b.find(b'\n', start, at)
        start = nl + 1 if 0 <= nl < start + 300 else char_start(b, start)
        room = MAX - len(head)
        piece = b[start:start + room]
        if start + room < len(b):
            nl = piece.rfind(b'\n')
            piece = piece[:nl + 1] if nl > room // 2 else \
                piece[:char_end(piece, len(piece))]
        open('%s.%s.txt' % (out, name), 'wb').write(head + piece)


main()
