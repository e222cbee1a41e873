#!/usr/bin/env python3
"""Totals of gipgen truth files, computed apart from gip-sum.

The oracle of tests/gip-sum.bats and bench/sum.sh.  Each truth file
(cells TSV without the source column) is one report whose source is the
file's path, as `awk '{print FILENAME "\t" $0}'` makes it.  Prints the
cells `gip-sum -g FIELDS` must print for them, in no particular order:
compare sorted.

usage: sum-oracle.py [-g FIELDS] FILE.tsv...
"""
import sys
from collections import defaultdict
from decimal import Decimal

ROLLUP = {"3.6.1", "3.6.2", "3.6.3"}


def canonical(d):
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def read_report(path):
    meta, cells = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            table, row, col, value = line.rstrip("\n").split("\t")
            if table == "meta":
                meta.setdefault(row, value)
            else:
                cells.append((table, row, col, value))
    meta["source"] = path
    return meta, cells


def add_report(group, cells):
    has36 = any(t == "t3" and r == "3.6" for t, r, _, _ in cells)
    group["reports"] += 1
    for table, row, col, value in cells:
        keys = [(table, row, col)]
        if table == "t3" and row in ROLLUP and not has36:
            keys.append(("t3", "3.6", col))
        if value == "":
            group["blanks"] += 1
        for k in keys:
            group["seen"].add(k)
            if value != "":
                group["sum"][k] += Decimal(value)


def main(argv):
    fields = []
    if argv[:1] == ["-g"]:
        fields, argv = argv[1].split(","), argv[2:]
    groups = {}
    for path in argv:
        meta, cells = read_report(path)
        key = "/".join(meta.get(f) or "-" for f in fields) or "all"
        if key not in groups:
            groups[key] = {"reports": 0, "blanks": 0, "seen": set(),
                           "sum": defaultdict(Decimal),
                           "meta": {f: meta.get(f) for f in fields}}
        add_report(groups[key], cells)
    for key, g in groups.items():
        for f, v in g["meta"].items():
            if f != "source" and v:
                print(f"{key}\tmeta\t{f}\t-\t{v}")
        print(f"{key}\tmeta\treports\t-\t{g['reports']}")
        print(f"{key}\tmeta\tblanks\t-\t{g['blanks']}")
        for k in g["seen"]:
            v = canonical(g["sum"][k]) if k in g["sum"] else ""
            print("\t".join((key,) + k + (v,)))


if __name__ == "__main__":
    main(sys.argv[1:])
