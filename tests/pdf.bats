#!/usr/bin/env bats
# PDF files read by position (src/report/pdf*.c).  The fixtures
# tests/data/pdf-* are written by tests/make-pdf.py; the first test checks
# that they still are.  Reading a PDF needs pdftotext (poppler-utils).

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# The t2/t3/t4 cells of a report, without the source and line fields.
table_cells() {
	gip-tables -q "$1" | awk -F'\t' '$2 != "meta" && $2 != "prose" {
	    print $2 "\t" $3 "\t" $4 "\t" $5 }'
}

@test "the pdf fixtures are what tests/make-pdf.py writes" {
	need_cmd python3
	python3 "$TOP/tests/make-pdf.py" made
	for f in made/*; do
		run cmp "$f" "$DATA/$(basename "$f")"
		assert_success
	done
}

@test "every cell of a PDF by position: blanks, wraps, a vertical label, a page break" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-positions.pdf" >got
	run diff got "$DATA/pdf-positions.tsv"
	assert_success
}

@test "tight PDF tables: group labels against item labels, a row's numbers on two lines, t4's header run together" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-labels.pdf" | grep '^t[34]' >got
	run diff got "$DATA/pdf-labels.tsv"
	assert_success
}

@test "t2 header cells spread over lines; t3 header repeated on the next page, a label cut by the break, 8 / 件 wrapped; t4 numbers at cell edges" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-repeat.pdf" >got
	run diff got "$DATA/pdf-repeat.tsv"
	assert_success
}

@test "values at the top of cells taller than a line go with the row below them, not the row above" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-valign.pdf" | grep -E '^t2|^t3	3\.(6\.3|7)	' >got
	grep -E '^t2|^t3	3\.(6\.3|7)	' "$DATA/pdf-valign.tsv" >want
	run diff got want
	assert_success
}

@test "a row marker spaced out as three words ( 一 ) keeps its numeral: the row is found, its numbers its own" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-valign.pdf" | grep -E '^t3	(2|3\.1)	' >got
	grep -E '^t3	(2|3\.1)	' "$DATA/pdf-valign.tsv" >want
	run diff got want
	assert_success
}

@test "a header repeated on the next page is left out though its lines fall otherwise there (a tall cell a hair above or below)" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-tallhead.pdf" >got
	run diff got "$DATA/pdf-tallhead.tsv"
	assert_success
	run -0 gip-sections -s 3 "$DATA/pdf-tallhead.pdf"
	assert_equal "$(printf '%s\n' "$output" | grep -c '本列数据')" 1
}

@test "a value at the top of its cell beside a group label's first line (三、本  1) goes with the row label below" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-tallhead.pdf" | grep -E '^t3	(2|3\.1)	' >got
	grep -E '^t3	(2|3\.1)	' "$DATA/pdf-tallhead.tsv" >want
	run diff got want
	assert_success
}

# pdf-chromium-group.pdf: Chromium's print of the t3 table of a gipgen
# page (seed pdfd3, report 000035, --layouts html,wordhtml --variants all
# --errors 0.2, cut down to its heading and t3), .tsv its t3 truth.
@test "a group label of three lines beside two rows' labels joins neither row to the other; numbers between a label's lines stay its" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-chromium-group.pdf" | grep '^t3' >got
	run diff got "$DATA/pdf-chromium-group.tsv"
	assert_success
}

@test "a PDF's meta and sections come from its text" {
	need_cmd pdftotext
	run -0 gip-tables -t meta "$DATA/pdf-positions.pdf"
	assert_line --partial "	meta	title	-	河海县测绘局2023年政府信息公开工作年度报告"
	assert_line --partial "	meta	template	-	2021"
	run -0 gip-sections -b "$DATA/pdf-positions.pdf"
	assert_equal "$(printf '%s\n' "$output" | cut -f2 | tr '\n' ' ')" \
	    "0 1 2 3 4 5 6 "
}

@test "a PDF on stdin reads as the file does" {
	need_cmd pdftotext
	gip-tables -q "$DATA/pdf-positions.pdf" | cut -f2-5 >file.out
	gip-tables -q - <"$DATA/pdf-positions.pdf" | cut -f2-5 >stdin.out
	run cmp file.out stdin.out
	assert_success
}

@test "the real PDFs: every truth cell, read from the PDF" {
	need_shared real-pdf
	need_cmd pdftotext
	local f n=0
	for f in "$SHARED"/corpus/real/*.pdf; do
		table_cells "$f" | sort >got
		grep -v '^#' "${f%.pdf}.tsv" | grep -v '^meta' | sort >want
		run comm -13 got want
		assert_output ""
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
}

@test "a scanned PDF (no text layer) says to OCR it, status 2, the other inputs read" {
	need_cmd pdftotext
	run -2 --separate-stderr gip-tables -t meta "$DATA/pdf-scanned.pdf" \
	    "$DATA/pdf-positions.pdf"
	assert_line --partial "meta	year	-	2023"
	[[ "$stderr" == *"pdf-scanned.pdf: a PDF without text"*"OCR"* ]]
}

@test "a truncated PDF is a clear error, status 2" {
	need_cmd pdftotext
	run -2 --separate-stderr gip-tables "$DATA/pdf-broken.pdf"
	assert_output ""
	assert_equal "$stderr" "gip-tables: $DATA/pdf-broken.pdf: a PDF that pdftotext cannot read (damaged, truncated or password-protected)"
}

@test "without pdftotext a PDF is a clear error naming the package" {
	run -2 --separate-stderr env PATH=/nonexistent "$GIP_BIN/gip-tables" \
	    "$DATA/pdf-positions.pdf"
	assert_output ""
	[[ "$stderr" == *"pdftotext is not installed: install poppler-utils"* ]]
}

# Issue 17's measure, small: generated reports printed to PDF by
# LibreOffice, read back.  The target is 99.5 % of cells; these 16 give
# 100 % (300 give 99.6 % found, 99.8 % right, template 100 %: most of the
# rest are rows LibreOffice's export clips, not in the PDF at all), so
# this guards against going back, at 99 %.
@test "generated reports printed to PDF: cells found and right, template detected" {
	[ "${GIP_ACCURACY:-}" != skip ] || skip "GIP_ACCURACY=skip: accuracy test skipped"
	need_shared pdf-accuracy
	need_cmd pdftotext soffice fc-list
	[ -n "$(fc-list :lang=zh)" ] || skip "no CJK font (fonts-wqy-zenhei): test skipped"
	python3 "$SHARED/corpus/gen/gipgen.py" --out gen --count 16 \
	    --layouts html,wordhtml --variants all --seed pdf >/dev/null
	(cd gen && soffice -env:UserInstallation="file://$BATS_TEST_TMPDIR/lo" \
	    --headless --convert-to pdf --outdir ../pdf ./*.html >/dev/null 2>&1)
	mkdir text
	for f in pdf/*.pdf; do
		cp "$f" "text/$(basename "$f" .pdf).pdf.txt"
	done
	run -0 python3 "$SHARED/corpus/score.py" --truth gen --text text \
	    --cmd "$GIP_BIN/gip-tables"
	assert_line --regexp '^template detection: 100.0%$'
	recall=$(printf '%s\n' "$output" | sed -n 's/^cell recall: \([0-9.]*\)%.*/\1/p')
	[ "${recall%.*}" -ge 99 ]
}

@test "a t2 value of a directly read PDF between two titles (a cell spanning other columns) is unread, not put under the next title" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-t2span.pdf" | grep '^t2	20\.1\.' >got
	# 规章's full row in order; 规范性文件's 7 stands over no title
	grep '20\.1\.rules' "$DATA/pdf-t2span.tsv" >want
	printf 't2\t20.1.normative\t%s\t?\n' issued repealed valid >>want
	run diff got want
	assert_success
}

# pdf-stacked.pdf (tests/make-pdf.py): t3's header words where Chromium
# printed them (gipgen seed direct6dev, 000006), t4 likewise narrow.
@test "titles one character a line at the lines' pitch are one title each; header cells stacked over them stay apart; a row of numbers low on the page is no page number" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-stacked.pdf" | grep -v '^t3	3\.1	' >got
	grep -v '^t3	3\.1	' "$DATA/pdf-stacked.tsv" >want
	run diff got want
	assert_success
}

@test "a t3 total centred between 其他 and 总计 (a cell spanning both), the total column blank and the last number the sum: the row is unread, not its total under 其他" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-stacked.pdf" | grep '^t3	3\.1	' | cut -f4 |
	    sort -u >got
	run cat got
	assert_output "?"
}

# pdf-pitch.pdf (tests/make-pdf.py): t3's header words where Chromium
# printed them (gipgen seed ptplain-dev2, 000057).
@test "header cells stacked a little further apart than the lines of a wrapped cell stay apart: t3's titles are all there; t4's counts wrapped around the row's line (13 / 个) beside counts with units are that row's" {
	need_cmd pdftotext
	table_cells "$DATA/pdf-pitch.pdf" >got
	run diff got "$DATA/pdf-pitch.tsv"
	assert_success
}
