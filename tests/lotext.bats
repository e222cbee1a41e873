#!/usr/bin/env bats
# gip-tables on LibreOffice's text export (soffice --headless --convert-to
# "txt:Text (encoded):UTF8"): one cell paragraph a line, no TABs, a cell of
# &nbsp; a line of one U+00A0 (src/report/lotext.c).  The fixture is a
# gipgen Word-HTML page so converted, cut to sections 二 to 四; the .cells
# are the generator's truth for each table.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Table $2's cells of fixture $1 (table row col value) against
# $1.$2.cells, a blank and 0 alike as score.py counts them (the
# identities make a blank of a placed row 0).
table_cells() {
	gip-tables -q "$DATA/$1.txt" | cut -f 2-5 |
	    awk -F'\t' -v t="$2" -v OFS='\t' '$1 == t { if ($4 == "") $4 = 0; print }' |
	    sort >got
	awk -F'\t' -v OFS='\t' '{ if ($4 == "") $4 = 0; print }' \
	    "$DATA/$1.$2.cells" | sort >want
	run diff want got
	assert_success
}

@test "LibreOffice text t2: a row's &nbsp; cells, a line of U+00A0 each, are its blanks" {
	# 规章 / U+00A0 / U+00A0 / U+00A0, 行政规范性文件 / 7 / U+00A0 / 7
	table_cells lo-text-tables t2
}

@test "LibreOffice text t3: seven cells a row, blanks as U+00A0 lines" {
	table_cells lo-text-tables t3
}

@test "LibreOffice text t4: &nbsp; cells under the last title open the data row" {
	# 总计 / U+00A0 ×4 / 0件 / 1件 / U+00A0 / …: the four blanks are
	# the data row's first cells, 行政复议's
	table_cells lo-text-t4 t4
	# no finding on t4 (t2 and t3 are cut away: those are absent)
	gip-tables "$DATA/lo-text-t4.txt" | gip-check -q | cut -f 2,4 >got
	run grep t4 got
	assert_failure
}

@test "LibreOffice text: no cell unread; gip-check finds just the broken identities" {
	run -0 gip-tables "$DATA/lo-text-tables.txt"
	refute_output --partial $'\t?\t'
	gip-tables "$DATA/lo-text-tables.txt" | gip-check -q | cut -f 4 >got
	run -0 cat got
	assert_output $'t3:3.7=sum(3.1-3.6):natural\nt3:total=sum(natural-other):3.3.3'
}

@test "LibreOffice text t3: an empty <td></td> prints an empty line, a cell too" {
	# (一)予以公开 / 8 / 0 / (empty) / 0 / 0 / (empty) / 8; the page's
	# lines of U+00A0 alone (its &nbsp; paragraphs) say LibreOffice
	table_cells lo-text-empty t3
}

@test "LibreOffice text t4: empty lines for empty cells, the data row by count" {
	# 总计 / 0 / (empty) ×3 / 0 / 2 / …
	table_cells lo-text-empty t4
}

@test "LibreOffice text t2: a number below &nbsp; cells is its row's, not the next label's" {
	# 规章 / U+00A0 / U+00A0 / 0 / 规范性文件 / 52: the 0 is 规章's total
	table_cells lo-text-t2 t2
}

@test "LibreOffice text without &nbsp;: told by t3's titles one a line, empty lines are cells" {
	# no line of U+00A0; 自然人 / 商业企业 / 科研机构 / … alone on their
	# lines, no form feed; 规章 / 0 / (empty) / (empty)
	table_cells lo-text-plain t4
	gip-tables -q "$DATA/lo-text-plain.txt" | cut -f 2-5 |
	    awk -F'\t' '$1 == "t2" && $2 ~ /^20\.1\./' | sort >got
	awk -F'\t' '$2 ~ /^20\.1\./' "$DATA/lo-text-plain.t2.cells" |
	    sort >want
	run diff want got
	assert_success
}
