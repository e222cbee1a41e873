#!/bin/sh
# Seed corpora for the fuzz targets, made fresh (never committed): reports
# from samples/, tests/data/ and a small gipgen set in three encodings for
# the text targets; cells TSV that bin/gip-tables prints for them, and the
# check fixtures, for the cells target.  Corpora go in fuzz/corpus/TARGET;
# what the fuzzers add there is kept between runs.
set -eu
cd "$(dirname "$0")/.."
shared=${GIP_SHARED:-../shared}
gen=$shared/corpus/gen/gipgen.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p fuzz/corpus/text fuzz/corpus/cells
cp samples/*.txt tests/data/*.txt fuzz/corpus/text/
if [ -f "$gen" ]; then
	python3 "$gen" --out "$tmp/gen" --count 40 --seed 5 \
	    --encodings utf8,gb18030,utf16le >/dev/null
	for f in "$tmp"/gen/*.txt; do
		cp "$f" "fuzz/corpus/text/gipgen-$(basename "$f")"
	done
else
	echo "seeds.sh: $gen not found, no gipgen seeds" >&2
fi
[ -x bin/gip-tables ] || make -s WERROR=-Werror bin/gip-tables
for f in samples/*.txt "$tmp"/gen/*.txt; do
	[ -f "$f" ] || continue
	bin/gip-tables "$f" >"fuzz/corpus/cells/$(basename "$f" .txt).tsv" \
	    2>/dev/null || true
done
cp tests/data/*.tsv fuzz/corpus/cells/
for t in decode sections tables; do
	mkdir -p "fuzz/corpus/$t"
done
echo "seeds.sh: $(ls fuzz/corpus/text | wc -l) text," \
    "$(ls fuzz/corpus/cells | wc -l) cells seeds"
