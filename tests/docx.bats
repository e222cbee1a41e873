#!/usr/bin/env bats
# Word files (src/report/docx.c) and inputs told by content
# (src/core/input.c).  The fixtures tests/data/docx-* are written by
# tests/make-docx.py; the first test checks that they still are.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

REPORT=$DATA/docx-report.docx

# A command's output cut to the first five fields (the line field is
# tested on its own); its exit status kept.
five() {
	local rc=0

	"$@" >five.out || rc=$?
	cut -f1-5 five.out
	return $rc
}

# The t2/t3/t4 cells of a report, without the source and line fields.
table_cells() {
	gip-tables -q "$1" | awk -F'\t' '$2 != "meta" && $2 != "prose" {
	    print $2 "\t" $3 "\t" $4 "\t" $5 }'
}

@test "the docx fixtures are what tests/make-docx.py writes" {
	command -v python3 >/dev/null || skip "python3 not installed"
	python3 "$TOP/tests/make-docx.py" made
	for f in made/*; do
		run cmp "$f" "$DATA/$(basename "$f")"
		assert_success
	done
}

@test "every table cell of the Word report: spans, merges, blanks" {
	table_cells "$REPORT" | sort >got
	sort "$DATA/docx-report.tsv" >want
	run diff want got
	assert_success
	run -0 --separate-stderr five gip-tables "$REPORT"
	assert_equal "$stderr" ""
}

@test "a data row whose cells span other columns than its header: k-th value, k-th column" {
	run -0 five gip-tables -t t2 "$REPORT"
	assert_line "$REPORT	t2	20.1.rules	issued	2"
	assert_line "$REPORT	t2	20.1.rules	repealed	"
	assert_line "$REPORT	t2	20.1.rules	valid	40"
	assert_line "$REPORT	t2	20.1.normative	issued	26"
	assert_line "$REPORT	t2	20.1.normative	repealed	3"
}

@test "the template and year of the Word report" {
	run -0 five gip-tables -t meta "$REPORT"
	assert_line "$REPORT	meta	template	-	2021"
	assert_line "$REPORT	meta	year	-	2023"
}

@test "headings that exist only as Word list numbers are found" {
	run -0 --separate-stderr gip-sections "$REPORT"
	assert_output "$(printf '%s\t0\t\t1\t3
%s\t1\t一、总体情况\t4\t8
%s\t2\t二、主动公开政府信息情况\t9\t25
%s\t3\t三、收到和处理政府信息公开申请情况\t26\t56
%s\t4\t四、政府信息公开行政复议、行政诉讼情况\t57\t65
%s\t5\t五、存在的主要问题及改进情况\t66\t68
%s\t6\t六、其他需要报告的事项\t69\t72' "$REPORT" "$REPORT" "$REPORT" \
	    "$REPORT" "$REPORT" "$REPORT" "$REPORT")"
}

@test "paragraphs: sub-list numbers, TAB kept, bullets, hidden and deleted runs left out" {
	run -0 gip-sections -s 1 "$REPORT"
	assert_output "$(printf '一、总体情况
（一）主动公开\t情况
本年度主动公开政府信息1200条。
（二）依申请公开
全年收到申请若干件。')"
	run -0 gip-sections -s 5 "$REPORT"
	assert_output "五、存在的主要问题及改进情况
一是公开内容不够全面。
二是解读形式单一。"
}

@test "table rows as lines: cells by TAB on the grid, a cell's paragraphs joined" {
	run -0 gip-sections -s 2 "$REPORT"
	assert_line "$(printf '信息内容\t本年制发件数\t本年废止件数\t\t现行有效件数')"
	assert_line "$(printf '规章\t\t2\t\t40')"
	run -0 gip-sections -s 3 "$REPORT"
	assert_line "$(printf '一、本年新收政府信息公开申请数量\t\t\t\t3\t1\t4\t\t0\t8')"
}

@test "a layout table around a table: its cell is read as page content" {
	run -0 gip-sections -s 4 "$REPORT"
	assert_line "单位：件"
	assert_line "$(printf '1\t0\t\t1\t2\t3\t\t0\t0\t3\t0\t1\t0\t0\t1')"
	run -0 five gip-tables -t t4 "$REPORT"
	assert_line "$REPORT	t4	suit.direct	upheld	3"
}

@test "a cell of a Word file carries the line of its row in the report text" {
	run -0 gip-tables -t t4 "$REPORT"
	assert_line "$REPORT	t4	review	upheld	1	63"
	for k in 0 1 2 3 4 5 6; do gip-sections -s $k "$REPORT"; done >text
	run sed -n 63p text
	assert_output "$(printf '1\t0\t\t1\t2\t3\t\t0\t0\t3\t0\t1\t0\t0\t1')"
}

@test "a Word file is told by its content, not its name" {
	cp "$REPORT" report.txt
	table_cells report.txt | sort >got
	sort "$DATA/docx-report.tsv" >want
	run diff want got
	assert_success
}

@test "a zip bomb is refused, exit 2, the other inputs read" {
	run -2 --separate-stderr five gip-tables -t meta "$DATA/docx-bomb.docx" \
	    "$REPORT"
	assert_line "$REPORT	meta	template	-	2021"
	assert_equal "$stderr" "gip-tables: $DATA/docx-bomb.docx: word/document.xml inflates more than 500 times its size (a zip bomb?), not read"
}

@test "a document.xml with a DTD (entities that multiply) is refused" {
	run -2 --separate-stderr five gip-tables "$DATA/docx-entities.docx"
	assert_output ""
	assert_equal "$stderr" "gip-tables: $DATA/docx-entities.docx: word/document.xml is not well-formed XML, or has a DTD"
}

@test "a document.xml over 16 MiB inflated is refused" {
	command -v python3 >/dev/null || skip "python3 not installed"
	python3 - <<'PY'
import random, zipfile
random.seed(1)
# two letters at random: about 1 bit a byte, far below the ratio cap
body = ''.join(random.choice('ab') for _ in range((16 << 20) + 4096))
with zipfile.ZipFile('big.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', '<w:document><w:t>%s</w:t>'
               '</w:document>' % body)
PY
	run -2 --separate-stderr five gip-tables big.docx
	assert_equal "$stderr" "gip-tables: big.docx: word/document.xml larger than 16 MiB inflated, not read"
}

@test "a label merged down rows past the 16 MiB text cap is refused, no crash" {
	command -v python3 >/dev/null || skip "python3 not installed"
	# a 9 MiB label (random letters: far below the zip ratio cap) and
	# two w:vMerge continuations: the second copied the first's text
	# from beyond the capped cell store
	python3 - <<'PY'
import random, zipfile
random.seed(1)
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
label = ''.join(random.choices('ab', k=9 << 20))
cont = ('<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>')
with zipfile.ZipFile('merged.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', '<w:document xmlns:w="%s"><w:body>'
               '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/>'
               '</w:tcPr><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc></w:tr>'
               '%s</w:tbl></w:body></w:document>' % (W, label, cont * 2))
PY
	run -2 --separate-stderr five gip-tables merged.docx "$REPORT"
	assert_line --partial "$REPORT	meta	template	-	2021"
	assert_equal "$stderr" "gip-tables: merged.docx: text longer than 16 MiB, not read"
}

@test "a Word file over 16 MiB with a photo in it is read; a zip over 64 MiB is not" {
	command -v python3 >/dev/null || skip "python3 not installed"
	python3 - "$REPORT" <<'PY'
import os, sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile('photo.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    for name in src.namelist():
        z.writestr(name, src.read(name))
    z.writestr('word/media/image1.jpeg', os.urandom(20 << 20))
PY
	run -0 --separate-stderr five gip-tables -t meta photo.docx
	assert_line "photo.docx	meta	template	-	2021"
	printf 'PK\003\004' >huge.docx
	truncate -s 65M huge.docx
	run -2 --separate-stderr five gip-tables huge.docx
	assert_equal "$stderr" "gip-tables: huge.docx: larger than 64 MiB, not read"
	run -2 --separate-stderr five gip-tables - <huge.docx
	assert_equal "$stderr" "gip-tables: -: larger than 64 MiB, not read"
}

@test "an Office file that is not a Word document, and a damaged one" {
	run -2 --separate-stderr five gip-tables "$DATA/docx-sheet.docx" \
	    "$DATA/docx-broken.docx"
	assert_output ""
	assert_equal "$stderr" "gip-tables: $DATA/docx-sheet.docx: an Office file without word/document.xml, not a Word document
gip-tables: $DATA/docx-broken.docx: damaged zip archive: Not a zip archive"
}

@test "an old binary .doc names the conversion, exit 2, the other inputs read" {
	run -2 --separate-stderr five gip-tables -t meta "$DATA/docx-old.doc" \
	    "$REPORT"
	assert_line "$REPORT	meta	template	-	2021"
	assert_equal "$stderr" "gip-tables: $DATA/docx-old.doc: an old binary Word or WPS file (.doc, .wps); convert it first, e.g. soffice --headless --convert-to docx FILE"
	run -2 --separate-stderr gip-sections "$DATA/docx-old.doc"
	assert_output ""
	assert_equal "$stderr" "gip-sections: $DATA/docx-old.doc: an old binary Word or WPS file (.doc, .wps); convert it first, e.g. soffice --headless --convert-to docx FILE"
}

@test "a password-protected Word file says so" {
	run -2 --separate-stderr five gip-tables "$DATA/docx-locked.docx"
	assert_output ""
	assert_equal "$stderr" "gip-tables: $DATA/docx-locked.docx: a password-protected Office file; save it without a password first"
}

@test "a PDF is recognised by its content and not decoded as text" {
	cp "$DATA/docx-pdf.pdf" report.txt
	run -2 --separate-stderr five gip-tables report.txt
	assert_output ""
	assert_equal "$stderr" "gip-tables: report.txt: a PDF that pdftotext cannot read (damaged, truncated or password-protected)"
}

@test "a folder that mixes text, HTML and Word reports reads them all" {
	cp "$SAMPLES/004_d40ac86c24e87fe8.txt" a.txt
	cp "$DATA/html-rowspan.html" b.html
	cp "$REPORT" c.docx
	run -0 --separate-stderr five gip-tables -t meta ./*
	assert_line --partial "a.txt	meta	template	-	2019"
	assert_line --partial "c.docx	meta	template	-	2021"
	run -0 --separate-stderr five gip-tables -t t3 b.html
	assert_line --partial "b.html	t3	1	natural	5"
}

# gipgen pages (every data row spread over other grid columns in half of
# them: v:spans) converted to Word as publishers do, read back whole.
convert_and_score() {
	local conv=$1 f

	[ -f "$SHARED/corpus/gen/gipgen.py" ] || skip "no $SHARED/corpus/gen"
	python3 "$SHARED/corpus/gen/gipgen.py" --out h --count 12 \
	    --seed docx --layouts html,wordhtml --variants spans,omitrows \
	    --jobs 2 >/dev/null
	mkdir -p "$conv" t
	if [ "$conv" = soffice ]; then
		soffice -env:UserInstallation="file://$PWD/profile" --headless \
		    --convert-to 'docx:MS Word 2007 XML' --outdir soffice \
		    h/*.html >/dev/null 2>&1
	else
		for f in h/*.html; do
			pandoc -f html -t docx -o "pandoc/$(basename "$f" .html).docx" "$f"
		done
	fi
	# named .txt: read as Word by content (score.py globs .txt)
	for f in "$conv"/*.docx; do
		cp "$f" "t/$(basename "$f" .docx).$conv.txt"
	done
	run -0 python3 "$SHARED/corpus/score.py" --truth h --text t \
	    --cmd "$GIP_BIN/gip-tables"
	assert_line --regexp "^$conv +12 +100.0% +100.0% +100.0% +100.0%"
	assert_line "cell recall: 100.0% precision: 100.0% reports fully right: 100.0%"
}

@test "gipgen pages converted to Word by LibreOffice: every cell, the template" {
	command -v soffice >/dev/null || skip "LibreOffice not installed"
	convert_and_score soffice
}

@test "gipgen pages converted to Word by pandoc: every cell, the template" {
	command -v pandoc >/dev/null || skip "pandoc not installed"
	convert_and_score pandoc
}

@test "the five seed reports saved as Word by LibreOffice: the cells of their text" {
	command -v soffice >/dev/null || skip "LibreOffice not installed"
	# plain text into Word: paragraphs with TABs, empty paragraphs for
	# blank lines (one cell per line needs them), no Word tables
	soffice -env:UserInstallation="file://$PWD/profile" --headless \
	    --convert-to 'docx:MS Word 2007 XML' \
	    --infilter='Text (encoded):UTF8,LF,,,' --outdir w \
	    "$SAMPLES"/*.txt >/dev/null 2>&1
	for f in "$SAMPLES"/*.txt; do
		name=$(basename "$f" .txt)
		gip-tables -q "$f" | cut -f2-5 >want
		gip-tables -q "w/$name.docx" | cut -f2-5 >got
		run diff want got
		assert_success
		[ "$(wc -l <got)" -gt 150 ] || fail "$name: few cells"
	done
}

@test "libzip and libxml2 are loaded when a document needs them, not at every start" {
	command -v readelf >/dev/null || skip "no readelf"
	# the sanitizer builds link them whole: only the programs of make all
	[ "$GIP_BIN" = "$TOP/bin" ] || skip "not the bin/ programs"
	for p in gip-sections gip-tables; do
		run readelf -d "$GIP_BIN/$p"
		[ "$status" -eq 0 ]
		if grep -Eq 'NEEDED.*(libzip|libxml2)' <<<"$output"; then
			echo "$p loads libzip or libxml2 at start"
			return 1
		fi
	done
	# and a Word file and an HTML page are still read, after a text
	five gip-tables "$TOP/samples/000_123c809bf521ceaa.txt" "$REPORT" \
	    "$DATA/html-cell-spans.html" >out
	grep -q 'docx-report.docx	t3	1	total	[0-9]' out
	grep -q 'html-cell-spans.html	t3	1	total	' out
}
