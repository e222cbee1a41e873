#!/usr/bin/env bats
# Reports that PDF-to-Markdown extractors (MinerU, marker) wrote: text
# with HTML <table> elements among its lines, pipe tables whose headers
# the extractor flattened.

load helper

@test "text holding HTML tables is read with their cells" {
	# MinerU's Markdown: prose lines, <table> elements with tags on
	# lines of their own or a row to a line, spans included.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-html-tables.md' |
	    grep -E '	t[24]	' | cut -f 5 | tr '\n' ' '"
	assert_output "0 0 0 11 0 11 0 0 0 1 1 0 0 0 0 0 2 0 0 0 2 "
	assert_equal "$stderr" ""
}

@test "text holding HTML tables: prose around them stays text, < and all" {
	run -0 --separate-stderr gip-sections -s 0 "$DATA/md-html-tables.md"
	assert_output --partial "如有疑问请联系 <办公室>，电话 a<b>c。"
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$DATA/md-html-tables.md' | grep -E '	(title|org)	' | cut -f 5"
	assert_output "$(printf '%s\n' \
	    2023年兴口区机关事务服务中心政府信息公开工作年度报告 \
	    兴口区机关事务服务中心)"
}

@test "a text report whose prose names <table> stays text" {
	# No <td> inside: not a table, so not read as HTML; its cells and
	# their lines are those of the text.
	local f=$BATS_TEST_TMPDIR/prose.txt
	cp "$SAMPLES/001_ae6a0c619a70167d.txt" "$f"
	printf '注：网页版以<table>标签排版，见附件</table>。\n' >>"$f"
	run -0 diff <(gip-tables "$SAMPLES/001_ae6a0c619a70167d.txt" |
	    cut -f 2-) <(gip-tables "$f" | cut -f 2-)
}

@test "a table of one Markdown pipe row is read by its bars" {
	# t3 as an extractor left it: the one row, header flattened away or
	# kept as a second pipe row.  Read by position, its bars were taken
	# for cells: "0 values for 7 columns".
	local f
	for f in md-flat-tables md-flat-t3-header; do
		run -0 --separate-stderr sh -c "gip-tables -t t3 \
		    '$DATA/$f.txt' | awk -F '\t' '\$3 == 1' | cut -f 5 |
		    tr '\n' ' '"
		assert_output "35 2 0 1 0 0 38 "
		assert_equal "$stderr" ""
	done
}

@test "t4 flattened to 15 numbers under 行政复议行政诉讼 is read when the identities confirm the order" {
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/md-flat-tables.txt' | cut -f 5 | tr '\n' ' '"
	assert_output "2 1 0 1 4 0 0 1 0 1 3 0 0 2 5 "
	assert_equal "$stderr" ""
	# t3 holds its row 1 only: gip-check has errors, but none on t4
	# (before, t4:table-missing).
	run -1 --separate-stderr sh -c "gip-tables '$DATA/md-flat-tables.txt' |
	    gip-check"
	refute_output --partial "	t4"
}

@test "t4 flattened to 15 numbers that do not add up is unread, not a false alarm" {
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/md-flat-t4-unconfirmed.txt' | cut -f 5 | sort -u"
	assert_output "?"
	[[ "$stderr" == *"no column titles"* ]]
}

@test "gipgen pages as extractors' Markdown: HTML tables read right, no wrong number" {
	need_shared "extractor Markdown"
	local d=$BATS_TEST_TMPDIR/md s
	mkdir -p "$d"
	python3 "$SHARED/corpus/gen/gipgen.py" --out "$d" --count 30 \
	    --seed mdx --layouts html,wordhtml --variants all >/dev/null
	for s in mineru spans marker flat; do
		python3 "$BATS_TEST_DIRNAME/md-extract.py" $s "$d"/*.html
	done
	rm "$d"/*.html
	python3 "$SHARED/corpus/score.py" --truth "$d" --text "$d" \
	    --cmd "$GIP_BIN/gip-tables" --details --wrong 1000 >"$d/score" 2>&1
	# HTML tables with their spans: every cell
	run awk '$1 == "spans" { print $3, $4 }' "$d/score"
	assert_output "100.0% 100.0%"
	# t4 flattened to one line over a pipe row: every cell
	run awk '$1 == "flat" { print $9 }' "$d/score"
	assert_output "100.0%"
	# spans dropped (mineru): cells may be ? but never a wrong number
	run awk '/^[0-9]/ { r = $2 } r == "mineru" && /want/ &&
	    !/got .\?.$/ && !/got None$/' "$d/score"
	assert_output ""
}

@test "Markdown with inline HTML, escapes and entities (pandoc -t gfm of a Word page) is read" {
	# The file starts with <div> (it was taken for an HTML page: no table
	# found), cells hold Word's <span style=...> (a tag over two lines),
	# \( \> \* escapes, &nbsp;, a comment over lines, # headings.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-inline-html.md' |
	    cut -f 2-6"
	assert_output "$(printf '%s\n' \
	    'meta	title	-	某县民政局2023年政府信息公开工作年度报告	15' \
	    'meta	org	-	某县民政局	15' \
	    'meta	year	-	2023	15' \
	    'meta	template	-	2021	' \
	    't2	20.1.rules	issued	0	31' \
	    't2	20.1.rules	repealed	0	31' \
	    't2	20.1.rules	valid	0	31' \
	    't2	20.1.normative	issued	5	32' \
	    't2	20.1.normative	repealed	1	32' \
	    't2	20.1.normative	valid	23	32' \
	    't3	1	natural	35	36' \
	    't3	1	commercial	2	36' \
	    't3	1	research	0	36' \
	    't3	1	social	1	36' \
	    't3	1	legal	0	36' \
	    't3	1	other	0	36' \
	    't3	1	total	38	36')"
	assert_equal "$stderr" ""
	run -0 --separate-stderr sh -c "gip-sections '$DATA/md-inline-html.md' |
	    cut -f 2-5 | sed -n 2p"
	assert_output "1	一、总体情况	20	23"
}

@test "Markdown holding pipe tables and HTML tables reads both" {
	# pandoc -t gfm writes a table without spans as a pipe table and one
	# with spans as HTML; the pipe tables were lost beside the HTML ones.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pipe-and-html.md' |
	    grep -E '	t[23]	' | cut -f 5 | tr '\n' ' '"
	assert_output "0 0 0 4 1 17 236 5 1 0 0 0 0 6 "
	assert_equal "$stderr" ""
}

@test "a pipe cell's kind told from its bytes is the kind of its normalised text" {
	# mdspan.c reads most cells' kinds (blank, value, text) from their
	# first bytes, leaning on what text_norm and value_parse make of
	# them; tests/mdkinds.c compares the two on cells built from the
	# bytes that matter.  Built from the libraries of `make all`.
	[ -f "$TOP/src/report/libreport.a" ] && [ -f "$TOP/src/core/libcore.a" ] ||
	    skip "libraries not built (make all): test skipped"
	need_cmd cc
	cc -std=c11 -O2 -D_GNU_SOURCE -I"$TOP/src/core" -I"$TOP/src/report" \
	    -o "$BATS_TEST_TMPDIR/mdkinds" "$TOP/tests/mdkinds.c" \
	    "$TOP/src/report/libreport.a" "$TOP/src/core/libcore.a"
	run -0 "$BATS_TEST_TMPDIR/mdkinds"
	assert_output ""
}

@test "pipe tables whose merged cells the converter spread out are read back, or unread where two readings differ" {
	# pandoc writes a cell spanning two columns as its text and an empty
	# cell: rows had "4 values for 3 columns" (t2) and "9 values for 7"
	# (t3), all unread.
	run -0 --separate-stderr sh -c "gip-tables \
	    '$DATA/md-spans-flattened.md' | grep -E '	t[23]	' | cut -f 5 |
	    tr '\n' ' '"
	assert_output "0 0 0 2 0 84    ? ? ? 3 1 0 0 0 0 4 0 0 0 0 0 0 0 1 1 0 0 0 0 2 "
	# 行政强制's 18 may be its change or its decisions: unread, said so
	assert_equal "$stderr" "gip-tables: $DATA/md-spans-flattened.md:18: pipe table row: its 4 cells make 3 values in more than one way (merged cells spread out by the converter), written as ?"
}

@test "Markdown whose only markup is raw HTML (pandoc -t gfm of pdftohtml's page) is read by its lines" {
	# It starts with <span> and <div> tags: read as an HTML page, each
	# <div>'s text ran into one paragraph and no table was found.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pdftohtml.md' |
	    grep -E '	t2	' | cut -f 3-6 | tr '\n' ' '"
	assert_output "$(printf '%s\t%s\t%s\t%s ' \
	    20.1.rules issued 0 29 20.1.rules repealed 0 29 \
	    20.1.rules valid 0 29 20.1.normative issued 0 37 \
	    20.1.normative repealed 5 37 20.1.normative valid 5 37 \
	    20.5.license decisions 550 51 20.6.penalty decisions 4119 69 \
	    20.6.enforce decisions 195 73)"
	assert_equal "$stderr" ""
}

@test "Markdown emphasis around labels and numbers (*3*, _0_, ***5***) is its text" {
	# Before, italic or underscored cells were text: 规章's row was
	# lost, 行政规范性文件's unread, t3's row 1 not found.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-emphasis.md' |
	    grep -E '	t[23]	' | cut -f 5 | tr '\n' ' '"
	assert_output "0 0 0 5 1 23 35 2 0 1 0 0 38 "
	assert_equal "$stderr" ""
}

@test "pipe tables whose merged cells are repeated in every column they cover (docling) are read as spans" {
	# Before: titles repeated made columns of their own: cells written
	# twice or four times (20.1.rules issued, 20.6.penalty decisions),
	# rows unread.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-spans-repeated.md' |
	    grep '	t2	' | cut -f 3-5 | tr '\t\n' ': '"
	assert_output "20.1.rules:issued:0 20.1.rules:repealed:0 20.1.rules:valid:0 20.1.normative:issued: 20.1.normative:repealed:24 20.1.normative:valid:8 20.6.penalty:decisions:460 20.6.enforce:decisions:1 "
	assert_equal "$stderr" ""
}

@test "Markdown wrapped inside inline HTML (pandoc without --wrap=none) keeps each element's text on its first line" {
	# <span\nstyle=...> was not taken for a tag, and a heading wrapped
	# inside its spans came apart: no section heading found.
	run -0 --separate-stderr sh -c "gip-sections '$DATA/md-wrapped-spans.md' |
	    cut -f 2,4,5 | sed -n '2,4p'"
	assert_output "$(printf '1\t6\t13\n2\t14\t25\n3\t26\t33')"
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-wrapped-spans.md' |
	    grep '	t2	' | cut -f 5,6 | tr '\t\n' ': '"
	assert_output "0:23 0:23 0:23 3:24 2:24 17:24 "
	assert_equal "$stderr" ""
}

@test "a block narrower than its pipe table, blanks after the last bar, is read by position" {
	# t2's (八) and (九) use 2 of the table's 3 value columns; a U+3000
	# after a row's last bar made a cell: the rows were taken for
	# spread-out spans and unread.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-narrow-blocks.md' |
	    grep '	t2	' | cut -f 5 | tr '\n' ' '"
	assert_output "   1  1  1  0 "
	assert_equal "$stderr" ""
}

@test "pandoc's own Markdown: bracketed spans, attribute blocks and fenced divs are no text" {
	# pandoc -f html -t markdown of a Word page: [规章]{style="..."} in
	# every grid table cell, {#id} after headings, ::: {.WordSection1},
	# a backslash hard break.  Left in, the attributes split labels from
	# rows and values from units: "no table found".
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pandoc-attributes.md' |
	    grep '	t2	' | cut -f 5,6 | tr '\t\n' ': '"
	assert_output "0:16 0:16 0:16 1:18 0:18 12:18 35:24 8:30 0:32 1.5:38 "
	assert_equal "$stderr" ""
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$DATA/md-pandoc-attributes.md' | grep -E '	(title|org|year)	' |
	    cut -f 5 | tr '\n' ' '"
	assert_output "兴口区审计局2022年政府信息公开工作年度报告 兴口区审计局 2022 "
	run -0 --separate-stderr sh -c "gip-sections '$DATA/md-pandoc-attributes.md' |
	    cut -f 3 | sed -n '2,3p' | tr '\n' ' '"
	assert_output "一、总体情况 二、主动公开政府信息情况 "
}

@test "pandoc's own Markdown: a multiline table's escapes and hard breaks keep its columns" {
	# t3 as a multiline table (columns by position under dashed rules):
	# `1\. 属于国家秘密`, `\"`, `本年制\` at a cell's line end.  Left in,
	# they shifted the columns after them: rows unread, a required row
	# missing and a false alarm.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pandoc-multiline.md' |
	    gip-check"
	assert_output ""
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pandoc-multiline.md' |
	    grep -c '	t3	.*	0	[0-9]'"
	assert_output "175"
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-pandoc-multiline.md' |
	    grep -E '	t2	20\.(1\.normative|5|6)' | cut -f 5 | tr '\n' ' '"
	assert_output "27 2 93 9292 0 68 "
}

@test "pandoc's own Markdown wrapped at 72 columns: attributes across a grid cell's lines" {
	# pandoc -f html -t markdown (default --wrap=auto) of a Word page:
	# each grid cell's text wrapped in its column, a span's
	# `[第二十条第]{s` going on `tyle="font-size` on the cell's next
	# line, a paragraph's `[2021]{lang="EN-US"` on the next line.  Read
	# a line at a time, every cell was attribute junk: t2 missing, a
	# false alarm.  A value's line is where its cell's text begins.
	run -0 --separate-stderr sh -c "gip-tables \
	    '$DATA/pandoc-md-wrapped-grid-t2.md' |
	    grep '	t2	' | cut -f 5,6 | tr '\t\n' ': '"
	assert_output ":72 :72 :72 1:84 0:84 1:84 10147:106 907:150 :163 0:194 "
	assert_equal "$stderr" ""
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$DATA/pandoc-md-wrapped-grid-t2.md' |
	    grep -E '	(title|org|year)	' | cut -f 5 | tr '\n' ' '"
	assert_output "长山市信访局2021年政府信息公开工作年度报告 长山市信访局 2021 "
}

@test "pandoc's own Markdown wrapped at 72 columns: a table wider than its frame is unread" {
	# A Word page's table in a one-column grid frame, laid out by pandoc
	# as a table far wider than the frame and broken at the frame's
	# width, its attributes with it: its columns cannot be told again.
	# Its section holds it as pandoc's placeholder [TABLE] (unread), not
	# as junk ("no table found", an org of dashes).
	run -0 --separate-stderr gip-tables "$DATA/pandoc-md-wrapped-wide-t2.md"
	assert_equal "$stderr" \
	    "gip-tables: $DATA/pandoc-md-wrapped-wide-t2.md:43: t2: no table read tells the report's template: the rows of the 2021 template, the one for 2023, written
gip-tables: $DATA/pandoc-md-wrapped-wide-t2.md:43: t2 replaced by the converter's placeholder [TABLE]: its rows written as ?"
	refute_output --partial -- "---"
}

@test "pandoc's own Markdown wrapped at 72 columns: a paragraph's attributes over two lines" {
	# `[2020]{lang="EN-US"` / `style="font-size:22.0pt"}年…` and a list
	# number's `[[一、[` / `]{style=...}`: read a line at a time the
	# title, the org, the year and every section heading were lost.
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$DATA/pandoc-md-wrapped-paragraphs.md' |
	    grep -E '	(title|org|year)	' | cut -f 5,6 | tr '\t\n' ': '"
	assert_output "永昌县自然资源局2020年政府信息公开工作年度报告:3 永昌县自然资源局:3 2020:3 "
	run -0 --separate-stderr sh -c "gip-sections \
	    '$DATA/pandoc-md-wrapped-paragraphs.md' | cut -f 2,4 | sed -n 2p"
	assert_output "1	26"
}
