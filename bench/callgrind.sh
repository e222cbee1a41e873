#!/bin/sh
# Instructions executed (callgrind Ir) by gip-tables and gip-check on a
# small fixed corpus: a measure for before/after comparisons that does
# not depend on machine noise.
set -e
here=$(cd "$(dirname "$0")" && pwd)
bin=${GIP_BIN:-$here/../bin}
dir=$here/corpus-small
out=$here/out
gen=${GIPGEN:-/work/shared/corpus/gen/gipgen.py}

[ -f "$dir/000049.txt" ] || python3 "$gen" --out "$dir" --count 50 \
	--seed callgrind --encodings utf8 >/dev/null
mkdir -p "$out"
cd "$dir"
ir() {
	name=$1
	shift
	valgrind --tool=callgrind --callgrind-out-file="$out/cg.$name" \
		"$@" >"$out/$name.out" 2>"$out/$name.err" || true
	printf '%-14s %15s Ir\n' "$name" \
		"$(sed -n 's/^totals: //p' "$out/cg.$name")"
}
ir gip-sections "$bin/gip-sections" ./*.txt
ir gip-tables "$bin/gip-tables" ./*.txt
"$bin/gip-tables" ./*.txt >"$out/small-cells.tsv" 2>/dev/null || true
ir gip-check "$bin/gip-check" "$out/small-cells.tsv"
[ ! -x "$bin/gip-sum" ] || ir gip-sum "$bin/gip-sum" "$out/small-cells.tsv"
echo "(callgrind_annotate $out/cg.NAME for the functions)"
