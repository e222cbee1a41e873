#!/bin/sh
# Benchmark of gip-sum against the awk one-liner a user would write.
#
#   bench/sum.sh [CORPUS]
#
# CORPUS is a gipgen directory (made with 10,000 reports in $TMPDIR when
# not given).  Its truth files become one cells stream; gip-sum -g year
# sums it, and so does awk.  Prints the machine, whether gip-sum's totals
# equal the oracle's (tests/sum-oracle.py on the truth files), cells/s
# (best of RUNS runs) and peak RSS, for the stream once and ten times over.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${GIP_SHARED:-$top/../shared}
tmp=${TMPDIR:-/tmp}/gip-sum-bench.$$
runs=${RUNS:-5}
corpus=${1:-}
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

if [ -z "$corpus" ]; then
	corpus=$tmp/corpus
	python3 "$shared/corpus/gen/gipgen.py" --out "$corpus" --count 10000 \
	    --seed bench >/dev/null
fi
make -s -C "$top" bin/gip-sum
sum=$top/bin/gip-sum

(cd "$corpus" && find . -name '0*.tsv' | sort | sed 's|^\./||' |
    xargs awk 'BEGIN { OFS = "\t" } { print FILENAME, $0 }') >"$tmp/x1"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/x1"; done >"$tmp/x10"

echo "machine: $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo |
    cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "corpus: $corpus, $(ls "$corpus" | grep -c '^0.*\.tsv$') reports"

"$sum" -g year "$tmp/x1" | sort >"$tmp/got"
(cd "$corpus" && find . -name '0*.tsv' | sort | sed 's|^\./||' |
    xargs python3 "$top/tests/sum-oracle.py" -g year) | sort >"$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then same=yes; else same=no; fi
echo "totals equal the truth sums: $same"

# awk: the same sum without meta rows, blanks or roll-up (less work).
awk_sum='$2 != "meta" { k = $2 FS $3 FS $4; s[k] += $5 }
    END { for (k in s) print k, s[k] }'

# Best wall and CPU (user+sys) times of $runs runs of "$@" <file, and
# the peak RSS.  Both times: on a shared VM wall time includes steal.
measure() {
	file=$1
	shift
	wall= cpu=
	for r in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" <"$file" \
		    >/dev/null
		read -r w u s rss <"$tmp/t"
		c=$(echo "$u + $s" | bc)
		if [ -z "$wall" ] || [ "$(echo "$w < $wall" | bc)" = 1 ]; then
			wall=$w
		fi
		if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc)" = 1 ]; then
			cpu=$c
		fi
	done
	echo "$wall $cpu $rss"
}

# Millions of cells per second.
rate() {
	echo "$1 / $2 / 1000000" | bc -l | xargs printf '%.1f'
}

for n in 1 10; do
	cells=$(wc -l <"$tmp/x$n")
	bytes=$(wc -c <"$tmp/x$n")
	for prog in gip-sum awk; do
		if [ "$prog" = gip-sum ]; then
			set -- "$sum" -g year
		else
			set -- awk -F '\t' "$awk_sum"
		fi
		set -- $(measure "$tmp/x$n" "$@")
		echo "$prog x$n: $cells cells, $bytes bytes;" \
		    "wall $1 s, $(rate "$cells" "$1") M cells/s;" \
		    "cpu $2 s, $(rate "$cells" "$2") M cells/s; peak RSS $3 KiB"
	done
done
