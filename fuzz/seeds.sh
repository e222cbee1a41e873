#!/bin/sh
# Seed corpora for the fuzz targets, made fresh (never committed): the
# tables part of the reports in samples/ and of a small gipgen set (some
# re-encoded), and the fixtures of tests/data/, for the text targets; cells TSV that bin/gip-tables prints for them, and the
# check fixtures, for the cells target; in fuzz/corpus/seeds-text and
# seeds-cells; converters' renderings for the doctext target, in
# seeds-render (below).  The fuzzers' own corpora are fuzz/corpus/TARGET, kept
# between runs.
set -eu
cd "$(dirname "$0")/.."
shared=${GIP_SHARED:-../shared}
gen=$shared/corpus/gen/gipgen.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The text seeds are small: a report cut to its title lines and sections
# 二 to 四 (the three tables, 3-8 KB in UTF-8, where whole reports are
# 6-20 KB), so that the targets run fast under -max_len=8192 (run.sh);
# some are re-encoded as GB 18030 and UTF-16 for the decoder.
[ -x bin/gip-sections ] || make -s WERROR=-Werror bin/gip-sections
tables_part() {
	bin/gip-sections "$1" 2>/dev/null | awk -F'\t' '$2 == 0 { e0 = $5 }
	    $2 == 2 { s2 = $4 } $2 == 4 { e4 = $5 }
	    END { if (e4) print e0 + 0, s2, e4 }' | {
		read -r e0 s2 e4 || return 1
		awk -v a="$e0" -v b="$s2" -v c="$e4" \
		    'NR <= a || (NR >= b && NR <= c)' "$1"
	}
}

rm -rf fuzz/corpus/seeds-text
mkdir -p fuzz/corpus/seeds-text fuzz/corpus/seeds-cells
cp tests/data/*.txt fuzz/corpus/seeds-text/
for f in samples/*.txt; do
	tables_part "$f" >"$tmp/cut" && [ -s "$tmp/cut" ] &&
	    cp "$tmp/cut" "fuzz/corpus/seeds-text/sample-$(basename "$f")"
done
if [ -f "$gen" ]; then
	python3 "$gen" --out "$tmp/gen" --count 40 --seed 5 \
	    --encodings utf8 >/dev/null
	n=0
	for f in "$tmp"/gen/*.txt; do
		n=$((n + 1))
		out=fuzz/corpus/seeds-text/gipgen-$(basename "$f")
		tables_part "$f" >"$tmp/cut" && [ -s "$tmp/cut" ] || continue
		case $((n % 4)) in
		1) iconv -f UTF-8 -t GB18030 "$tmp/cut" >"$out" ;;
		2) iconv -f UTF-8 -t UTF-16 "$tmp/cut" >"$out" ;;
		*) cp "$tmp/cut" "$out" ;;
		esac
	done
else
	echo "seeds.sh: $gen not found, no gipgen seeds" >&2
fi
# Renderings (fuzz/doctext.c, the way a text file takes through
# document.c): gipgen pages with the real-world variants as the
# converters print them -- lynx, w3m, pandoc -t plain, html2text
# (render.sh), pandoc's Markdown writers, and pdftotext -layout, -raw and
# plain of a Chromium print -- in fuzz/corpus/seeds-render.  Their
# tables parts run to 100 KB and more (Word's markup kept as attributes
# or raw HTML), and Markdown's lines need not be the report's, so each
# is cut by bytes (render-cut.py): its first lines and a window of
# about 8 KB at each table, and the tables part too where that is
# smaller.  A converter that is missing is left out.
rm -rf fuzz/corpus/seeds-render
mkdir -p fuzz/corpus/seeds-render
render=$shared/corpus/gen/render.sh
have() { command -v "$1" >/dev/null 2>&1; }
if [ -f "$gen" ] && [ -f "$render" ]; then
	python3 "$gen" --out "$tmp/pages" --count 6 --seed 6 \
	    --layouts html,wordhtml --variants all --encodings utf8 >/dev/null
	bash "$render" -j 2 -r lynx,w3m,pandoc,html2text "$tmp/pages" \
	    2>/dev/null || true
	for f in "$tmp"/pages/*.html; do
		b=${f%.html}
		have pandoc || break
		for w in gfm markdown markdown_strict commonmark; do
			pandoc -f html -t "$w" --wrap=none "$f" \
			    -o "$b.$w.txt" 2>/dev/null || rm -f "$b.$w.txt"
		done
	done
	# Chromium prints two pages (about a second each)
	if have chromium && have pdftotext; then
		for f in $(ls "$tmp"/pages/*.html | head -n 2); do
			b=${f%.html}
			timeout 120 chromium --headless --no-sandbox \
			    --disable-gpu --no-first-run \
			    --no-pdf-header-footer \
			    --user-data-dir="$tmp/chrome" \
			    --print-to-pdf="$b.pdf" "file://$f" \
			    >/dev/null 2>&1 || continue
			pdftotext -q -layout "$b.pdf" "$b.layout.txt" || true
			pdftotext -q -raw "$b.pdf" "$b.raw.txt" || true
			pdftotext -q "$b.pdf" "$b.plain.txt" || true
			# pdftohtml's positioned, XML and flowed forms
			# (src/report/pdfhtml.c)
			if have pdftohtml; then
				pdftohtml -q -s -i -noframes -stdout \
				    "$b.pdf" >"$b.p2hs.txt" 2>/dev/null || true
				pdftohtml -q -xml -i -stdout \
				    "$b.pdf" >"$b.p2hxml.txt" 2>/dev/null || true
				pdftohtml -q -i -noframes -stdout \
				    "$b.pdf" >"$b.p2hflow.txt" 2>/dev/null || true
			fi
		done
	fi
	for f in "$tmp"/pages/*.*.txt; do
		[ -f "$f" ] || continue
		out=fuzz/corpus/seeds-render/$(basename "$f" .txt)
		python3 fuzz/render-cut.py "$f" "$out"
		tables_part "$f" >"$tmp/cut" && [ -s "$tmp/cut" ] &&
		    [ "$(wc -c <"$tmp/cut")" -le 8192 ] &&
		    cp "$tmp/cut" "$out.tables.txt"
	done
else
	echo "seeds.sh: $gen or $render not found, no rendering seeds" >&2
fi
# pdftohtml's forms and mojibake, as the fixtures hold them
cp tests/data/pdfhtml-*.html tests/data/pdfhtml-*.xml \
    tests/data/mojibake-*.txt fuzz/corpus/seeds-render/ 2>/dev/null || true
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
for t in decode sections tables cells docx pdf doctext; do
	mkdir -p "fuzz/corpus/$t"
done
echo "seeds.sh: $(ls fuzz/corpus/seeds-text | wc -l) text," \
    "$(ls fuzz/corpus/seeds-cells | wc -l) cells," \
    "$(ls fuzz/corpus/seeds-render | wc -l) rendering," \
    "$(ls fuzz/corpus/seeds-docx | wc -l) docx seeds"
