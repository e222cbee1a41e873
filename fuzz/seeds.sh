#!/bin/sh
# Seed corpora for the fuzz targets, made fresh (never committed): reports
# from samples/, tests/data/ and a small gipgen set in three encodings for
# the text targets; cells TSV that bin/gip-tables prints for them, and the
# check fixtures, for the cells target; in fuzz/corpus/seeds-text and
# seeds-cells.  The fuzzers' own corpora are fuzz/corpus/TARGET, kept
# between runs.
set -eu
cd "$(dirname "$0")/.."
shared=${GIP_SHARED:-../shared}
gen=$shared/corpus/gen/gipgen.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p fuzz/corpus/seeds-text fuzz/corpus/seeds-cells
cp samples/*.txt tests/data/*.txt fuzz/corpus/seeds-text/
if [ -f "$gen" ]; then
	python3 "$gen" --out "$tmp/gen" --count 40 --seed 5 \
	    --encodings utf8,gb18030,utf16le >/dev/null
	for f in "$tmp"/gen/*.txt; do
		cp "$f" "fuzz/corpus/seeds-text/gipgen-$(basename "$f")"
	done
else
	echo "seeds.sh: $gen not found, no gipgen seeds" >&2
fi
[ -x bin/gip-tables ] || make -s WERROR=-Werror bin/gip-tables
for f in samples/*.txt "$tmp"/gen/*.txt; do
	[ -f "$f" ] || continue
	bin/gip-tables "$f" 2>/dev/null \
	    >"fuzz/corpus/seeds-cells/$(basename "$f" .txt).tsv" || true
done
cp tests/data/*.tsv fuzz/corpus/seeds-cells/
for t in decode sections tables cells; do
	mkdir -p "fuzz/corpus/$t"
done
echo "seeds.sh: $(ls fuzz/corpus/seeds-text | wc -l) text," \
    "$(ls fuzz/corpus/seeds-cells | wc -l) cells seeds"
