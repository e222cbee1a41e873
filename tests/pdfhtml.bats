#!/usr/bin/env bats
# PDFs turned into HTML or XML by poppler's pdftohtml (src/report/pdfhtml.c).
# The fixtures are pdftohtml 22.02's renderings of tests/data/pdf-positions.pdf:
#   pdfhtml-positions.html  pdftohtml -s -i -noframes  (positioned runs)
#   pdfhtml-positions.xml   pdftohtml -xml -i          (runs with boxes)
#   pdfhtml-flow.html       pdftohtml -i -noframes     (reading order)
# and pdfhtml-flow-chromium.html, pdfhtml-flow-permuted.html: the flowed
# form of generated reports printed by Chromium, with their truth (.tsv).
# Read by position, the first two must give the PDF's own cells.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

table_cells() {
	gip-tables -q "$1" | awk -F'\t' '$2 != "meta" && $2 != "prose" {
	    print $2 "\t" $3 "\t" $4 "\t" $5 }'
}

@test "pdftohtml -s: the positioned runs are laid out as the PDF's words" {
	table_cells "$DATA/pdfhtml-positions.html" >got
	run diff got "$DATA/pdf-positions.tsv"
	assert_success
}

@test "pdftohtml -s: a font class defined on an earlier page is found by its number" {
	# page 2 uses ft21, ft22: fonts 1 and 2, defined as .ft11, .ft12
	grep -q 'class="ft21"' "$DATA/pdfhtml-positions.html"
	! grep -q '\.ft21{' "$DATA/pdfhtml-positions.html"
	table_cells "$DATA/pdfhtml-positions.html" | grep -P '^t3\t3\.7\t' >got
	grep -P '^t3\t3\.7\t' "$DATA/pdf-positions.tsv" >want
	run diff got want
	assert_success
}

@test "pdftohtml -xml: the runs and their boxes are read as the PDF's words" {
	table_cells "$DATA/pdfhtml-positions.xml" >got
	run diff got "$DATA/pdf-positions.tsv"
	assert_success
}

@test "pdftohtml's flowed text: cells the reading order does not confirm are ?, none wrong" {
	table_cells "$DATA/pdfhtml-flow.html" >got
	# every value given is the PDF's; the rest are unread, never guessed
	run awk -F'\t' 'NR == FNR { v[$1 FS $2 FS $3] = $4; next }
	    $4 != "?" && v[$1 FS $2 FS $3] != $4 { print; bad++ }
	    END { exit bad > 0 }' "$DATA/pdf-positions.tsv" got
	assert_success
	grep -qP '\t\?$' got
	run -0 sh -c "gip-tables -q '$DATA/pdfhtml-flow.html' | gip-check -q"
}

@test "pdftohtml's flowed text of a Chromium print: no wrong value, no false alarm" {
	table_cells "$DATA/pdfhtml-flow-chromium.html" >got
	run awk -F'\t' 'NR == FNR { v[$1 FS $2 FS $3] = $4; next }
	    $4 != "?" && v[$1 FS $2 FS $3] != $4 { print; bad++ }
	    END { exit bad > 0 }' "$DATA/pdfhtml-flow-chromium.tsv" got
	assert_success
	run -0 sh -c "gip-tables -q '$DATA/pdfhtml-flow-chromium.html' | gip-check -q"
}

@test "pdftohtml's flowed text: a row whose numbers came out of column order is ?" {
	# row 3.4.1 prints 40 0 0 0 0 0 40 and came out as 0 0 40 0 0 0 40
	table_cells "$DATA/pdfhtml-flow-permuted.html" >got
	run awk -F'\t' 'NR == FNR { v[$1 FS $2 FS $3] = $4; next }
	    $4 != "?" && v[$1 FS $2 FS $3] != $4 { print; bad++ }
	    END { exit bad > 0 }' "$DATA/pdfhtml-flow-permuted.tsv" got
	assert_success
	run grep -P '^t3\t3\.4\.1\tresearch\t\?$' got
	assert_success
}

@test "pdftohtml's pages are told by their generator, not the file name" {
	cp "$DATA/pdfhtml-positions.html" report.txt
	table_cells report.txt >got
	run diff got "$DATA/pdf-positions.tsv"
	assert_success
}

@test "pdftohtml renderings of the real PDFs read exactly (-s, -c, -xml)" {
	need_shared real-pdf
	need_cmd pdftohtml
	local f b form
	for f in "$SHARED"/corpus/real/*.pdf; do
		b=$(basename "$f" .pdf)
		for form in "-s" "-c -s" "-xml"; do
			# shellcheck disable=SC2086
			pdftohtml -q -i -noframes $form -enc UTF-8 "$f" out >/dev/null 2>&1
			[ -f out.xml ] && mv out.xml out.html
			table_cells out.html | sort >got
			awk -F'\t' '$1 != "meta"' "${f%.pdf}.tsv" | sort >want
			run diff want got
			[ "$status" -eq 0 ] || echo "$b ($form): $output" >&2
			assert_success
			rm -f out*
		done
	done
}
