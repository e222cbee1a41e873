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
# Word seeds (fuzz/docx.c): a first byte 1 and a whole .docx, or 0 and
# its parts document.xml NUL numbering.xml NUL styles.xml.
mkdir -p fuzz/corpus/seeds-docx
python3 tests/make-docx.py "$tmp/docx"
python3 - "$tmp/docx" fuzz/corpus/seeds-docx <<'PY'
import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
for fn in sorted(os.listdir(src)):
    data = open(os.path.join(src, fn), 'rb').read()
    open(os.path.join(dst, 'file-' + fn), 'wb').write(b'\x01' + data)
    try:
        z = zipfile.ZipFile(os.path.join(src, fn))
        parts = [z.read(p) if p in z.namelist() else b'' for p in
                 ('word/document.xml', 'word/numbering.xml', 'word/styles.xml')]
    except (zipfile.BadZipFile, OSError):
        continue
    if len(parts[0]) < 1 << 20:
        open(os.path.join(dst, 'parts-' + fn), 'wb').write(
            b'\x00' + b'\x00'.join(parts))
PY
# PDF seeds (fuzz/pdf.c): pdftotext -bbox-layout output of the fixtures
# and the real PDFs beside the clone, when pdftotext is there.
mkdir -p fuzz/corpus/seeds-pdf
if command -v pdftotext >/dev/null 2>&1; then
	for f in tests/data/pdf-positions.pdf ../shared/corpus/real/*.pdf; do
		[ -f "$f" ] || continue
		pdftotext -q -bbox-layout "$f" \
		    "fuzz/corpus/seeds-pdf/$(basename "$f" .pdf).html" || true
	done
fi
for t in decode sections tables cells docx pdf; do
	mkdir -p "fuzz/corpus/$t"
done
echo "seeds.sh: $(ls fuzz/corpus/seeds-text | wc -l) text," \
    "$(ls fuzz/corpus/seeds-cells | wc -l) cells," \
    "$(ls fuzz/corpus/seeds-docx | wc -l) docx seeds"
