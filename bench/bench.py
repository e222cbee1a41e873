#!/usr/bin/env python3
"""gip benchmarks: wall time (median of several runs), MB/s, ratio to
grep -c, cells/s and peak RSS, each tool against the one-liners a user
would write, over one fixed gipgen corpus (bench/README.md)."""
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("GIP_BIN", os.path.join(ROOT, "bin"))
CORPUS = os.path.join(HERE, "corpus")
OUT = os.path.join(HERE, "out")
GEN = os.environ.get("GIPGEN", "/work/shared/corpus/gen/gipgen.py")
# The Python script a user would write instead (issue 16's speed anchor):
# it reads the same reports joined by form feeds on stdin.
PY_BASELINE = os.environ.get("PY_BASELINE", os.path.join(
    os.path.dirname(os.path.dirname(GEN)), "..", "bench", "py_baseline.py"))
COUNT, SEED = 8400, "bench"
RUNS = int(os.environ.get("RUNS", "7"))
FULL = "*.txt"
SUBSET = "000[0-8]*.txt"	# 900 reports, about 10 MB
LABEL = "本年新收"


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, cwd=CORPUS, **kw)


def corpus():
    last = os.path.join(CORPUS, "%06d.txt" % (COUNT - 1))
    if not os.path.exists(last):
        subprocess.run([sys.executable, GEN, "--out", CORPUS, "--count",
                        str(COUNT), "--seed", SEED, "--encodings", "utf8"],
                       check=True)
    os.makedirs(OUT, exist_ok=True)


def size(glob):
    r = sh("cat %s | wc -c" % glob, capture_output=True, text=True)
    return int(r.stdout)


def quiet(cmd):
    """Every process of the pipeline writes to /dev/null."""
    return "{ " + cmd + "; } >/dev/null 2>&1"


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def median_time(cmd):
    """Median wall and median CPU (user + sys, all processes) seconds."""
    sh(quiet(cmd))		# warm the page cache
    wall, used = [], []
    for _ in range(RUNS):
        c0, t0 = cpu(), time.perf_counter()
        sh(quiet(cmd))
        wall.append(time.perf_counter() - t0)
        used.append(cpu() - c0)
    return statistics.median(wall), statistics.median(used)


def peak_rss(cmd):
    """Largest max RSS (KB) of the processes of cmd, via GNU time."""
    parts = cmd.split(" | ")
    worst = 0
    for i, p in enumerate(parts):
        parts2 = list(parts)
        parts2[i] = "/usr/bin/time -f '%%M' -o %s/rss %s" % (OUT, p)
        sh(quiet(" | ".join(parts2)))
        with open(os.path.join(OUT, "rss")) as f:
            worst = max(worst, int(f.read().split()[-1]))
    return worst


def g(name):
    return os.path.join(BIN, name)


def text_cases():
    c = [("wc -l", "wc -l %s"),
         ("grep -c", "grep -c " + LABEL + " %s"),
         ("awk", "awk '/" + LABEL + "/ { n++ } END { print n }' %s"),
         ("gip-sections", g("gip-sections") + " %s"),
         ("gip-tables", g("gip-tables") + " %s"),
         ("gip-tables | gip-check",
          g("gip-tables") + " %s | " + g("gip-check"))]
    if os.path.exists(g("gip-sum")):
        c.append(("gip-tables | gip-sum",
                  g("gip-tables") + " %s | " + g("gip-sum")))
    if os.path.exists(PY_BASELINE):
        c.append(("py_baseline.py <joined", "python3 " + PY_BASELINE +
                  " <" + os.path.join(OUT, "joined.txt")))
    return c


def join_reports():
    """The corpus as one stream of form-feed separated reports, for the
    Python baseline (made once per run, not timed)."""
    with open(os.path.join(OUT, "joined.txt"), "wb") as out:
        for i, f in enumerate(sorted(x for x in os.listdir(CORPUS)
                                     if x.endswith(".txt"))):
            if i:
                out.write(b"\f")
            with open(os.path.join(CORPUS, f), "rb") as r:
                out.write(r.read())


def cells_cases(cells):
    c = [("wc -l", "wc -l " + cells),
         ("grep -c", "grep -c '\tt3\t' " + cells),
         ("awk", "awk -F'\t' '{ s += $5 } END { print s }' " + cells),
         ("reader alone", os.path.join(HERE, "cells-floor") + " " + cells),
         ("gip-check", g("gip-check") + " " + cells)]
    if os.path.exists(g("gip-sum")):
        c.append(("gip-sum", g("gip-sum") + " " + cells))
    return c


def table(title, cases, mb, ncells=None):
    print("\n" + title + "\n")
    head = "| command | wall s | CPU s | MB/s | × grep wall | × grep CPU |"
    head += " cells/s |" if ncells else ""
    head += " max RSS KB, 10 MB | max RSS KB, full |"
    print(head)
    print("|---" * (head.count("|") - 1) + "|")
    res = {}
    for name, cmd in cases:
        res[name] = median_time(cmd % FULL if "%s" in cmd else cmd)
    wbase, cbase = res["grep -c"]
    for name, cmd in cases:
        wall, used = res[name]
        row = "| `%s` | %.3f | %.3f | %.0f | %.2f | %.2f |" % (
            name, wall, used, mb / wall, wall / wbase, used / cbase)
        if ncells:
            row += " %.1f M |" % (ncells / wall / 1e6)
        small = peak_rss(cmd % SUBSET) if "%s" in cmd else "–"
        full = peak_rss(cmd % FULL if "%s" in cmd else cmd)
        print(row + " %s | %s |" % (small, full))
        sys.stdout.flush()


def main():
    corpus()
    nfiles = len([f for f in os.listdir(CORPUS) if f.endswith(".txt")])
    mb = size(FULL) / 1e6
    print("corpus: %s, %d reports, %.1f MB (subset %s: %.1f MB), %d runs"
          % (CORPUS, nfiles, mb, SUBSET, size(SUBSET) / 1e6, RUNS))
    join_reports()
    table("reports (one process over all files, output to /dev/null)",
          text_cases(), mb)
    cells = os.path.join(OUT, "cells.tsv")
    sh(g("gip-tables") + " " + FULL + " >" + cells + " 2>/dev/null")
    ncells = sum(1 for _ in open(cells, "rb"))
    cmb = os.path.getsize(cells) / 1e6
    print("\ncells: %d cells, %.1f MB (gip-tables output over the corpus)"
          % (ncells, cmb))
    table("cells TSV", cells_cases(cells), cmb, ncells)


if __name__ == "__main__":
    main()
