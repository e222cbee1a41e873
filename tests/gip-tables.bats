#!/usr/bin/env bats
# gip-tables: cells of the three tables and meta, every layout.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# The t2/t3/t4 cells and template of a report, as truth files have them.
cells_of() {
	gip-tables -q "$1" | awk -F'\t' '$2 != "meta" && $2 != "prose" ||
	    $3 == "template" { print $2 "\t" $3 "\t" $4 "\t" $5 }'
}

truth_of() {
	awk -F'\t' '$1 != "meta" || $2 == "template"' "$1"
}

@test "every cell of the five seed reports matches the hand-checked truth" {
	need_shared "seed-truth"
	for f in "$SAMPLES"/*.txt; do
		name=$(basename "$f" .txt)
		cells_of "$f" | sort >got
		truth_of "$SHARED/corpus/truth/$name.tsv" | sort >want
		run diff want got
		assert_success
	done
}

@test "the meta rows of seed 004 give title, org, year, template, date" {
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$SAMPLES/004_d40ac86c24e87fe8.txt' | cut -f 1-5"
	s=$SAMPLES/004_d40ac86c24e87fe8.txt
	assert_output "$(printf '%s\tmeta\ttitle\t-\t吕梁市离石区人民政府2020年政府信息公开年度报告
%s\tmeta\torg\t-\t吕梁市离石区人民政府
%s\tmeta\tyear\t-\t2020
%s\tmeta\ttemplate\t-\t2019
%s\tmeta\tdate\t-\t2021-01-18' "$s" "$s" "$s" "$s" "$s")"
}

@test "the 2021 template is told from the tables of a 2020 report" {
	run -0 --separate-stderr gip-tables -t meta \
	    "$SAMPLES/003_dbbcdc9ed14344e0.txt"
	assert_line --partial $'meta\ttemplate\t-\t2021'
	assert_line --partial $'meta\tyear\t-\t2020'
}

@test "amounts in 亿元 and with a spaced 万元 are converted to 万元" {
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$SAMPLES/000_123c809bf521ceaa.txt' '$SAMPLES/004_d40ac86c24e87fe8.txt' |
	    grep amount | cut -f 2-5"
	assert_output "$(printf 't2\t20.9.procure\tamount\t2700
t2\t20.9.procure\tamount\t97541')"
}

@test "a short row is placed only where its identity fixes the cells" {
	run -0 --separate-stderr sh -c \
	    "gip-tables -t t3 '$DATA/t3-short-row.txt' | grep -P '\t3\.1\t' |
	    cut -f 3-5"
	assert_output "$(printf '3.1\tnatural\t?
3.1\tcommercial\t?
3.1\tresearch\t0
3.1\tsocial\t0
3.1\tlegal\t0
3.1\tother\t0
3.1\ttotal\t5')"
	assert_equal "$stderr" "gip-tables: $DATA/t3-short-row.txt:55: t3 row 3.1: 6 values for 7 columns, 2 cells written as ?"
}

@test "a short row of zeros is placed: every placement gives the same cells" {
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$SAMPLES/002_13db19b5b2c6c511.txt' | grep -P '\t3\.3\.1\t' |
	    cut -f 4-5"
	assert_output "$(printf 'natural\t0\ncommercial\t0\nresearch\t0
social\t0\nlegal\t0\nother\t0\ntotal\t0')"
	assert_equal "$stderr" ""
}

@test "-q silences the warnings but not the status" {
	run -0 --separate-stderr gip-tables -q "$DATA/t3-short-row.txt"
	assert_equal "$stderr" ""
	run -2 --separate-stderr gip-tables -q "$DATA/no-tables.txt"
}

@test "a report with no table is a warning, status 2, the others still read" {
	run -2 --separate-stderr gip-tables -t t4 "$DATA/no-tables.txt" \
	    "$SAMPLES/004_d40ac86c24e87fe8.txt"
	assert_equal "$stderr" "gip-tables: $DATA/no-tables.txt: no table found"
	assert_line --index 5 --partial $'t4\tsuit.direct\tupheld\t1'
	assert_equal "${#lines[@]}" 15
}

@test "-t selects tables and -H prints a header line" {
	run -0 --separate-stderr gip-tables -H -t t4 \
	    "$SAMPLES/001_ae6a0c619a70167d.txt"
	assert_line --index 0 $'source\ttbl\trow\tcol\tvalue\tline'
	assert_equal "${#lines[@]}" 16
}

@test "-t rejects an unknown table" {
	run -2 --separate-stderr gip-tables -t t9 "$DATA/no-tables.txt"
	assert_equal "${stderr_lines[0]}" \
	    "gip-tables: unknown table 't9' (meta, t2, t3, t4, prose)"
	assert_equal "${stderr_lines[1]%% *}" "usage:"
}

@test "standard input is read as -, with no argument or with -" {
	gip-tables "$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2-5 >want
	gip-tables <"$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2-5 >got1
	gip-tables - <"$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2-5 >got2
	run cmp want got1
	assert_success
	run cmp want got2
	assert_success
	run -0 sh -c "gip-tables - <'$SAMPLES/004_d40ac86c24e87fe8.txt' |
	    cut -f 1 | sort -u"
	assert_equal "$output" "-"
}

@test "GB18030, UTF-16LE and UTF-16BE reports give the same cells as UTF-8" {
	s=$SAMPLES/004_d40ac86c24e87fe8.txt
	gip-tables "$s" | cut -f 2-5 >want
	iconv -f UTF-8 -t GB18030 "$s" >gb.txt
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$s"; } >le.txt
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$s"; } >be.txt
	sed 's/$/\r/' "$s" >crlf.txt
	for f in gb le be crlf; do
		gip-tables $f.txt | cut -f 2-5 >got
		run cmp want got
		assert_success
	done
}

@test "mojibake (GB18030 or UTF-8 read as Latin-1 or Windows-1252) is read as it was written" {
	# tests/data/mojibake-*.txt: samples/001 through iconv -t GB18030 |
	# iconv -f latin1, through iconv -f latin1, and GB18030 through
	# Windows-1252 (with a line of characters whose first byte is 0x81-0x9F)
	gip-tables "$SAMPLES/001_ae6a0c619a70167d.txt" | cut -f 2-5 >want
	for f in gb18030 utf8 cp1252; do
		run -0 --separate-stderr gip-tables "$DATA/mojibake-$f.txt"
		printf '%s\n' "$output" | cut -f 2-5 >got
		run cmp want got
		assert_success
	done
	run -0 --separate-stderr gip-tables "$DATA/mojibake-cp1252.txt"
	assert_equal "$stderr" "gip-tables: $DATA/mojibake-cp1252.txt: mojibake: GB18030 text that a program read as Latin-1 or Windows-1252 and wrote again as UTF-8; read as GB18030"
}

@test "text with Latin-1 letters beside its Chinese is no mojibake" {
	{ printf 'Café résumé naïve façade déjà vu à la carte crème brûlée\n%.0s' 1 2 3 4 5 6; cat "$SAMPLES/001_ae6a0c619a70167d.txt"; } >latin.txt
	gip-tables "$SAMPLES/001_ae6a0c619a70167d.txt" | cut -f 2-5 >want
	run -0 --separate-stderr gip-tables latin.txt
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | cut -f 2-5 | grep -v '^meta' >got
	grep -v '^meta' want >want2
	run cmp want2 got
	assert_success
}

@test "every layout of a generated corpus is read fully and rightly" {
	need_shared
	python3 "$SHARED/corpus/gen/gipgen.py" --out c --count 70 --seed gt \
	    --encodings utf8,gb18030,utf16le --jobs 2 >/dev/null
	run -0 python3 "$SHARED/corpus/score.py" --truth c --text c \
	    --index c/index.tsv --cmd "$GIP_BIN/gip-tables"
	assert_line "cell recall: 100.0% precision: 100.0% reports fully right: 100.0%"
	assert_line "template detection: 100.0%"
}

@test "HTML and Word HTML pages are read directly, every cell" {
	need_shared
	python3 "$SHARED/corpus/gen/gipgen.py" --out h --count 30 --seed gh \
	    --layouts html,wordhtml --encodings utf8,gb18030,utf16le \
	    --jobs 2 >/dev/null
	for f in h/*.html; do cp "$f" "${f%.html}.txt"; done
	run -0 python3 "$SHARED/corpus/score.py" --truth h --text h \
	    --cmd "$GIP_BIN/gip-tables"
	assert_line "cell recall: 100.0% precision: 100.0% reports fully right: 100.0%"
}

@test "pages rendered from the seeds' truth with row and column spans give every cell" {
	need_shared "seed-truth"
	mkdir p w
	for t in "$SHARED"/corpus/truth/*.tsv; do
		name=$(basename "$t" .tsv)
		python3 "$TOP/tests/html-render.py" -o p/$name.txt "$t" \
		    "$SAMPLES/$name.txt"
		python3 "$TOP/tests/html-render.py" --word -o w/$name.txt \
		    "$t" "$SAMPLES/$name.txt"
	done
	for d in p w; do
		run -0 python3 "$SHARED/corpus/score.py" \
		    --truth "$SHARED/corpus/truth" --text $d \
		    --cmd "$GIP_BIN/gip-tables"
		assert_line "cell recall: 100.0% precision: 100.0% reports fully right: 100.0%"
	done
}

@test "the prose figures are printed as the prose table" {
	run -0 --separate-stderr sh -c "gip-tables -t prose \
	    '$SAMPLES/000_123c809bf521ceaa.txt' | cut -f 1-5"
	s=$SAMPLES/000_123c809bf521ceaa.txt
	assert_output "$(printf '%s\tprose\treceived\t-\t2
%s\tprose\tclosed\t-\t2' "$s" "$s")"
}

@test "prose is read outside the tables, and after a table in its section" {
	# The t3 row 四、结转下年度继续办理 (0件 ... 1件) is no sentence:
	# read as prose it gave pending 0; the sentence after it gives 1.
	run -0 --separate-stderr sh -c "gip-tables -t prose \
	    '$DATA/prose-after-table.txt' | cut -f 2-6"
	assert_output "$(printf 'prose\treceived\t-\t3066\t6
prose\tpending\t-\t1\t44')"
}

@test "a missing file is an error naming it; the status is 2" {
	run -2 --separate-stderr gip-tables nosuch.txt
	assert_equal "$stderr" \
	    "gip-tables: nosuch.txt: No such file or directory"
}

@test "--help and --version print to standard output" {
	run -0 gip-tables --help
	assert_line --index 0 \
	    "usage: gip-tables [-1Hq] [--csv] [--bom] [--view] [-t tables] [file ...]"
	run -0 gip-tables --version
	assert_output --regexp '^gip-tables \(gip\) [0-9.]+$'
}

@test "a write error gives status 2 and a message" {
	run -2 --separate-stderr sh -c \
	    "gip-tables '$SAMPLES/004_d40ac86c24e87fe8.txt' >/dev/full"
	assert_equal "$stderr" "gip-tables: write error: No space left on device"
}

@test "a closed pipe ends quietly" {
	run --separate-stderr sh -c \
	    "gip-tables '$SAMPLES'/*.txt '$SAMPLES'/*.txt | head -1"
	assert_equal "$stderr" ""
	assert_equal "${#lines[@]}" 1
}

@test "wrapped labels of a space-aligned table are joined column by column" {
	# "（三）不予公" / "开" and "1.属于国家秘" / "密" interleave line by line.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/spaced-t3-wrapped.txt' | grep -P '\t3\.3\.[12]\t' |
	    cut -f 3-5"
	assert_output "$(printf '3.3.1\tnatural\t\n3.3.1\tcommercial\t
3.3.1\tresearch\t\n3.3.1\tsocial\t\n3.3.1\tlegal\t0\n3.3.1\tother\t0
3.3.1\ttotal\t0\n3.3.2\tnatural\t0\n3.3.2\tcommercial\t
3.3.2\tresearch\t\n3.3.2\tsocial\t\n3.3.2\tlegal\t\n3.3.2\tother\t
3.3.2\ttotal\t0')"
}

# Renderings of published pages: every t2/t3 cell of a trimmed rendering.
render_cells() {
	gip-tables -q "$DATA/render-$1.txt" | cut -f 2-5 |
	    awk -F'\t' '$1 != "meta" && $1 != "prose"' | sort >got
	run diff "$DATA/render-$1.cells" got
	assert_success
}

@test "html2text: '_' padding and spilled U+FFFD bytes around numbers" {
	render_cells html2text
}

@test "html2text: a row over several lines is joined cell by cell" {
	render_cells html2text-wrapped
}

@test "html2text without rules: columns by byte, numbers glued to labels" {
	render_cells html2text-spaced
}

@test "pandoc -t plain: table 2 as one dashed simple table per block" {
	# Ten rule lines of dashes and no bar: spaced text, not a bordered
	# table (which would read bar lines only, and found none).
	render_cells pandoc-t2-blocks
}

@test "pandoc -t plain: grid frames blanked, nested grids read by position" {
	# The page in a layout table (every line in "| … |"), table 2's
	# blocks as grids of cells with spans printed as empty cells.
	render_cells pandoc-grid
}

@test "pandoc -t plain: a simple table inside a one-cell grid frame" {
	render_cells pandoc-frame
}

@test "pandoc -t plain: a rule column without a title, a short row not placed" {
	# 本年制发件数 spans two grid columns (the third has no title); 111
	# stands under 本年废止件数 but is the row's third cell (现行有效).
	run -0 --separate-stderr sh -c "gip-tables '$DATA/render-pandoc-titlegap.txt' |
	    cut -f 2-5 | grep -P '^t2\t20\.1\.normative|enforce'"
	assert_output "$(printf 't2\t20.1.normative\tissued\t?
t2\t20.1.normative\trepealed\t?\nt2\t20.1.normative\tvalid\t?
t2\t20.6.enforce\tdecisions\t0')"
	assert_equal "$(echo "$stderr" | grep -c "no title stands over")" 1
}

@test "pandoc -t plain: a short row placed by its grid columns where they tell" {
	# 11526 in the last grid column is the last value; 0 in the first
	# the first; 76 in the fourth of five may be the second or the third.
	render_cells pandoc-gridgap
}

@test "pandoc -t plain: t3 rows the grid contradicts are unread, not misplaced" {
	# Data cells span other grid columns than the titles (a label one
	# column short, a value over two): 7 stands in 自然人's column, and
	# the reader's columns, off by one there, made it 商业企业.
	render_cells pandoc-t3-shifted
}

@test "pandoc's [TABLE] placeholder: the table's rows unread, no false alarm" {
	# t3 and t4 of a Word page, too wide for pandoc's grid: [TABLE].
	run -0 --separate-stderr sh -c "gip-tables '$DATA/render-pandoc-placeholder.txt' |
	    cut -f 2,5 | awk -F'\t' '\$1 == \"t3\" || \$1 == \"t4\"' | sort | uniq -c"
	assert_output "$(printf '    175 t3\t?\n     15 t4\t?')"
	assert_equal "$(echo "$stderr" | grep -c "placeholder \[TABLE\]")" 2
	run -0 sh -c "gip-tables -q '$DATA/render-pandoc-placeholder.txt' |
	    gip-check -q"
}

@test "every table a [TABLE] placeholder: the rows of the template for the report's year, no false alarm" {
	# pandoc's Markdown of a Word page (its default wrapping): every table
	# too wide, nothing read to tell the template.  t2 then had no row
	# (each of its rows is one template's) and t3 only the rows both
	# have, so gip-check found t2 missing and 2019's row 3.6 missing.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/pandoc-placeholders-only.txt' |
	    cut -f 2,3 | grep -E '^t(2|3)	(20\.9|3\.6)' | sort -u | tr '\n' ' '"
	assert_output "$(printf 't3\t3.6.1 t3\t3.6.2 t3\t3.6.3 ')"
	[[ $stderr == *"t2: no table read tells the report's template: the rows of the 2021 template, the one for 2023"* ]]
	run -0 sh -c "gip-tables -q '$DATA/pandoc-placeholders-only.txt' |
	    gip-check -q"
	# a report for 2020: 2019's rows, 20.9 (procurement) and 3.6
	sed 's/2023/2020/' "$DATA/pandoc-placeholders-only.txt" >"$BATS_TEST_TMPDIR/r2020.txt"
	run -0 sh -c "gip-tables '$BATS_TEST_TMPDIR/r2020.txt' 2>/dev/null |
	    cut -f 2,3 | grep -E '^t(2|3)	(20\.9|3\.6)' | sort -u | tr '\n' ' '"
	assert_output "$(printf 't2\t20.9.procure t3\t3.6 ')"
	run -0 sh -c "gip-tables -q '$BATS_TEST_TMPDIR/r2020.txt' | gip-check -q"
}

@test "pandoc's [TABLE] placeholder inside the page's layout frame (| [TABLE] |) is one too" {
	# pandoc -t plain of a page whose layout table holds the report: the
	# report inside a frame of | ... |, t3 and t4 each a framed [TABLE].
	run -0 --separate-stderr sh -c "gip-tables '$DATA/pandoc-plain-framed-table.txt' |
	    cut -f 2,5 | awk -F'\t' '\$1 == \"t3\" || \$1 == \"t4\"' | sort | uniq -c"
	assert_output "$(printf '    175 t3\t?\n     15 t4\t?')"
	run -0 sh -c "gip-tables -q '$DATA/pandoc-plain-framed-table.txt' |
	    gip-check -q"
}

@test "an ASCII grid with merged cells is no pandoc frame: read as bordered" {
	# Its caption rows span the columns; the rules below them have the
	# columns' corners, and those columns alone would be a regular grid.
	gip-tables -q "$DATA/grid-ascii-merged.txt" | cut -f 2-5 |
	    awk -F'\t' '$1 == "t2"' | sort >got
	run diff "$DATA/grid-ascii-merged.cells" got
	assert_success
}

@test "pdftotext -layout: a t2 row with a number in every column is placed in order" {
	# The real 淮安市 2024 report: numbers are not under their header words.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-layout-t2.txt' | cut -f 2-5 | head -6"
	assert_output "$(printf 't2\t20.1.rules\tissued\t1
t2\t20.1.rules\trepealed\t0\nt2\t20.1.rules\tvalid\t11
t2\t20.1.normative\tissued\t8\nt2\t20.1.normative\trepealed\t26
t2\t20.1.normative\tvalid\t66')"
	assert_equal "$stderr" ""
}

@test "units and separators in cells: 3件, 2笔, 4条, 5人次, 1,234, 1,234.5万元" {
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/units-in-cells.txt' | cut -f 3-5"
	assert_output "$(printf '20.1.rules\tissued\t0\n20.1.rules\trepealed\t0
20.1.rules\tvalid\t1234\n20.1.normative\tissued\t3
20.1.normative\trepealed\t0\n20.1.normative\tvalid\t12
20.5.license\tdecisions\t2\n20.6.penalty\tdecisions\t4
20.6.enforce\tdecisions\t5\n20.8.fee\tamount\t1234.5')"
	assert_equal "$stderr" ""
}

@test "lynx: t2 column titles one space apart are columns of their own" {
	# 信息内容   本年制发件数 本年废止件数 现行有效件数 / 规章  0  0  0
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-tight.txt' | cut -f 3-5 | head -6"
	assert_output "$(printf '20.1.rules\tissued\t0\n20.1.rules\trepealed\t0
20.1.rules\tvalid\t0\n20.1.normative\tissued\t0
20.1.normative\trepealed\t18\n20.1.normative\tvalid\t0')"
	assert_equal "$stderr" ""
}

@test "lynx: t4 titles spaced out letter by letter give the columns" {
	# 结 果 维 持 结 果 纠 正 …: one space between letters and titles
	# alike; the titles spell the columns, each value under its own.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/lynx-t4-letters.txt' | cut -f 3-5 | grep -v '	\$'"
	assert_output "$(printf 'review\tpending\t1\nreview\ttotal\t1
suit.direct\tupheld\t0\nsuit.direct\tcorrected\t0
suit.after\tcorrected\t0\nsuit.after\ttotal\t0')"
	assert_equal "$stderr" ""
}

@test "spaced: a narrow t2 block read in the width model its t3 shows clearly" {
	# Values far right under wrapped titles (上一年项目 / 数量): in
	# characters they would stand under no title; t3 of the same text
	# is clearly in display columns, and so is t2.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/spaced-t2-doc-width.txt' | cut -f 3-5 | grep -v '	\$'"
	assert_output "$(printf '20.1.normative\ttotal\t23
20.5.license\tdecisions\t4919\n20.5.other\tdecisions\t3066
20.6.penalty\tdelta\t0\n20.6.penalty\tdecisions\t567
20.6.enforce\tdecisions\t23\n20.8.fee\tdelta\t1
20.9.procure\tcount\t3\n20.9.procure\tamount\t719.14')"
	assert_equal "$stderr" ""
}

@test "lynx: t2 values out of order under joined titles are unread, not swapped" {
	# 行政处罚 21 16 under 上一年项目数量 本年 / 增/减 处理决定数量 (a table
	# lynx could not align): by the titles' positions 21 went to 处理决定
	# and 16 to 上一年; values never change order, so the row is unread.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-joined-order.txt' | cut -f 3-5 | grep '^20.6'"
	assert_output "$(printf '20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?
20.6.penalty\tdecisions\t?\n20.6.enforce\tprev\t0
20.6.enforce\tdelta\t20\n20.6.enforce\tdecisions\t54')"
	[[ "$stderr" == *"t2 row 20.6.penalty: 2 values for 3 columns, not placed"* ]]
}

@test "lynx: columns counted in characters place values under their titles" {
	# lynx lays tables out one column per character, CJK included: the
	# blank 本年制发件数 cell is only spaces, 20 and 11 stand under the
	# next two titles.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-chars.txt' | cut -f 3-5 | grep '^20.1.normative'"
	assert_output "$(printf '20.1.normative\tissued\t
20.1.normative\trepealed\t20\n20.1.normative\tvalid\t11')"
	assert_equal "$stderr" ""
}

# The t3 cells of a fixture, no warning.
t3_cells() {
	gip-tables -t t3 "$DATA/$1.txt" 2>err | cut -f 3-5 >got
	run diff "$DATA/$1.cells" got
	assert_success
	run cat err
	assert_output ""
}

@test "a wide t3 printed by position: titles over three lines, blanks as spaces" {
	t3_cells wide-t3
}

@test "a wide t3 whose values are right-aligned under wide titles" {
	# 83 stands under the right end of 法律服务机构, nearer the centre
	# of 其他 than of its own title.
	t3_cells wide-t3-right
}

@test "lynx: a t3 left-aligned in character columns" {
	t3_cells lynx-t3-left
}

@test "a wide t3 left-aligned under wide titles: 1 under 其他, not 法律服务机构" {
	# 1 starts where 其他 starts, two columns right of the right end of
	# 法律服务机构: the left edges fit every value, the right edges not.
	t3_cells wide-t3-left-wide-titles
}

@test "a wide t3 with one row off its columns: the other rows by their titles" {
	# lynx prints (七)总计's 10 right after its label: the table as a
	# whole does not line up under the titles, each other row does.
	# (3.7's 10 is a natural person's by 1 + 2 = 3.7 + 4: 9 + 1 + 0.)
	gip-tables -t t3 "$DATA/wide-t3-row-off.txt" 2>err | cut -f 3-5 >got
	run diff "$DATA/wide-t3-row-off.cells" got
	assert_success
	run cat err
	assert_output ""
}

@test "lynx: rows printed joined are not placed under titles they meet by chance" {
	# Titles and rows one space apart: 4．保护第三方合法权益 0 puts its 0
	# under 社会公益组织 only by chance.
	gip-tables -t t3 "$DATA/lynx-t3-joined-titles.txt" 2>err |
	    cut -f 3-5 | grep '^3\.3\.4' >got
	run grep -c '?' got
	assert_output 0
	run grep 'row 3.3.4' err
	assert_failure
}

@test "w3m: a tall box row's numbers under a wrapped label, labels over two columns" {
	t3_cells w3m-t3-tall-row
}

@test "w3m: a tall t2 row's values a line below its label fill its cells" {
	# 其他对外管理服 / 3 0 0 / 务事项: the values, not the blank top line.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/w3m-t2-tall.txt' | cut -f 3-5 | grep '^20.5.other'"
	assert_output "$(printf '20.5.other\tprev\t3\n20.5.other\tdelta\t0
20.5.other\tdecisions\t0')"
	[ -z "$stderr" ]
}

@test "w3m: a tall t2 row's values partly on its label's line, partly below, fill its cells" {
	# 其他对外管理服务事 | | 21 | over | 0 | | 3225 |: the cells aligned
	# at the top print on the label's line, the others a line below;
	# 3225 was dropped.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/w3m-t2-tall-mixed.txt' | cut -f 3-5 | grep '^20.5.other'"
	assert_output "$(printf '20.5.other\tprev\t0\n20.5.other\tdelta\t21
20.5.other\tdecisions\t3225')"
	[ -z "$stderr" ]
}

@test "w3m: a number wrapped at its thousands separator in a box cell" {
	t3_cells w3m-t3-wrapped-number
}

@test "w3m: an amount's unit wrapped under it in a box cell" {
	# "41772000" over "元" is 4177.2 万元, not 41772000 万元.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/w3m-t2-wrapped-unit.txt' | cut -f 3-5"
	assert_output "$(printf '20.9.procure\tcount\t345\n20.9.procure\tamount\t4177.2')"
	[ -z "$stderr" ]
}

@test "w3m: units wrapped under their numbers in narrow columns" {
	t3_cells w3m-t3-wrapped-units
}

@test "w3m: a box cell's unit wrapped under its number, the row's numbers a line below" {
	# 3.4.1: 106 on the first line, 90 10 … and 106's 条 on the second.
	t3_cells w3m-t3-box-units
}

@test "a wide t3 whose long labels end one space before the first column" {
	# 2.其他法律行政法规 ends just left of 自然人: its blank is a blank,
	# not a cell the label hides.
	t3_cells wide-t3-label-to-column
}

@test "lynx: Word table cells one per paragraph, blank lines count the empty cells" {
	# 规章 '' 0 0: two blank lines before the first 0 are one empty
	# cell; t3 row 1 prints 19, 4, then four empty cells, then 23.
	run -0 --separate-stderr sh -c "gip-tables \
	    '$DATA/lynx-word-paragraphs.txt' | cut -f 2-5 |
	    grep -E '^t[23]	(20.1.rules|1|2)	'"
	assert_output "$(printf 't2\t20.1.rules\tmade\t\nt2\t20.1.rules\tpublished\t0
t2\t20.1.rules\ttotal\t0\nt3\t1\tnatural\t19\nt3\t1\tcommercial\t4
t3\t1\tresearch\t\nt3\t1\tsocial\t\nt3\t1\tlegal\t\nt3\t1\tother\t
t3\t1\ttotal\t23\nt3\t2\tnatural\t1\nt3\t2\tcommercial\t
t3\t2\tresearch\t\nt3\t2\tsocial\t0\nt3\t2\tlegal\t\nt3\t2\tother\t
t3\t2\ttotal\t1')"
	[ -z "$stderr" ]
}

@test "lynx: t2 titles wrapped into one another, rows placed by the template" {
	# The titles read as one or two columns; 0 0 10 and 4 3 325 are
	# whole rows of the template the titles name (本年制发件数: 2021).
	run -0 --separate-stderr sh -c "gip-tables \
	    '$DATA/lynx-t2-short-header.txt' | cut -f 3-5 |
	    grep -E '^20.(1.normative|5.license|9.procure)'"
	assert_output "$(printf '20.1.normative\tissued\t0
20.1.normative\trepealed\t0\n20.1.normative\tvalid\t10
20.5.license\tprev\t4\n20.5.license\tdelta\t3\n20.5.license\tdecisions\t325
20.9.procure\tcount\t0\n20.9.procure\tamount\t0')"
	[ -z "$stderr" ]
}

# The template and t2 cells of a 2021 fixture whose t3 keeps 2019's one
# （六） row: only the t2 titles, read whole, say 2021.
t2_2021_cells() {
	run -0 --separate-stderr sh -c "gip-tables '$DATA/$1' | cut -f 2-5 |
	    grep -E '^(meta	template|t2)'"
	assert_output "$(printf 'meta\ttemplate\t-\t2021
t2\t20.1.normative\tissued\t4\nt2\t20.1.normative\trepealed\t0
t2\t20.1.normative\tvalid\t168\nt2\t20.5.license\tdecisions\t1692
t2\t20.6.penalty\tdecisions\t522\nt2\t20.6.enforce\tdecisions\t40
t2\t20.8.fee\tamount\t0')"
	[ -z "$stderr" ]
}

@test "lynx: t2 titles in pieces one per line are joined by the template's words" {
	# 本年制 / 发件数 / 本年废 / 止件数 / 现行有效件数 are three titles,
	# 本年处理决定 / 数量 one; ") 项" ends a wrapped caption, no title.
	t2_2021_cells lynx-t2-title-pieces.txt
}

@test "w3m: a t2 title begun on the box line above 信息内容" {
	# │ │ 本年制 │ 本年废 │ │ / │信息内容│ │ │现行有效件数│ / │ │发件数│止件数│ │
	t2_2021_cells w3m-t2-title-above.txt
}

# The t2 cells of rows matching $2 in fixture $1, no warning.
t2_rows() {
	run -0 --separate-stderr sh -c "gip-tables -t t2 '$DATA/$1' |
	    cut -f 3-5 | grep -E '$2'"
	[ -z "$stderr" ]
}

@test "pdftotext -layout: t2 titles wrapped in stacks packed against another title" {
	# 本年废 现行有 / 信息内容 本年制发件数 / 止件数 效件数: 本年废 lies
	# within 本年制发件数's span; it stacks with 止件数 (same left edge).
	t2_rows pdftotext-t2-stacked-titles.txt '^20.1.rules'
	assert_output "$(printf '20.1.rules\tissued\t\n20.1.rules\trepealed\t3
20.1.rules\tvalid\t0')"
}

@test "pdftotext -layout: t2 title pieces stacked right-aligned make one title" {
	# 现行有效 / 件数 end at one column (neither left edges nor centres
	# together): read as four titles, the block took the 2019
	# template's columns and 20.1's cells were missing.
	t2_rows pdftotext-t2-title-right-aligned.txt '^20.1.normative'
	assert_output "$(printf '20.1.normative\tissued\t10
20.1.normative\trepealed\t1\n20.1.normative\tvalid\t207')"
}

@test "pdftotext -layout: numbers of a tall row printed above its label leave its blanks unread" {
	# Chromium centres a tall row's cells: 71项 (其他对外管理服务事项's
	# 上一年) prints under 行政许可's numbers, 642项 (行政处罚's) above
	# its label.  Those rows' blank cells are not known blank.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-values-above.txt' | cut -f 3-5 |
	    grep -E '^20.(5.other|6.penalty)'"
	assert_output "$(printf '20.5.other\tprev\t?\n20.5.other\tdelta\t8
20.5.other\tdecisions\t7624\n20.6.penalty\tprev\t?
20.6.penalty\tdelta\t0\n20.6.penalty\tdecisions\t66')"
	[[ "$stderr" == *"t2 row 20.6.penalty: numbers printed near it may be its own"* ]]
}

@test "pdftotext -layout: t2 titles printed into one another leave the block unread, no column lost" {
	# 现行有 / 本年废止件数 / 效件数 over one another: read in display
	# columns (the text without its form feeds: no print), two titles
	# read as one column named for one of them; 9 stood under it, the
	# 现行有效件数 cells were left out.  Every column of the template is
	# written, ?.
	tr -d '\f' <"$DATA/pdftotext-t2-titles-into-one.txt" >noprint.txt
	run -0 --separate-stderr sh -c "gip-tables -t t2 noprint.txt |
	    cut -f 3-5 | grep '^20.1.normative'"
	assert_output "$(printf '20.1.normative\tissued\t?
20.1.normative\trepealed\t?\n20.1.normative\tvalid\t?')"
	[[ "$stderr" == *"t2 row 20.1.normative: its header names 2 of its columns, written as ?"* ]]
}

@test "pdftotext -layout: a print's t2 values in the gaps go by how its full rows stand: left of their titles" {
	# A browser's print: <td> values left-aligned in wide cells under
	# <th> titles centred; 39, 5843, 6, 1466 and 1 stand in the gaps
	# between titles (read in display columns, or by the nearest
	# title's centre, each went one column left).  The full rows
	# (行政处罚 0 9 48, 政府集中采购 548 0) stand wholly left of their
	# own titles: so does every value, in the gap before its title.
	# 行政强制's 0 and 309 overlap 行政处罚's 9 and 48.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-left-values.txt' | cut -f 3-5 |
	    grep -v '^20.1.normative'"
	assert_output "$(printf '20.1.rules\tmade\t\n20.1.rules\tpublished\t
20.1.rules\ttotal\t39\n20.5.license\tprev\t\n20.5.license\tdelta\t
20.5.license\tdecisions\t5843\n20.5.other\tprev\t\n20.5.other\tdelta\t6
20.5.other\tdecisions\t1466\n20.6.penalty\tprev\t0\n20.6.penalty\tdelta\t9
20.6.penalty\tdecisions\t48\n20.6.enforce\tprev\t\n20.6.enforce\tdelta\t0
20.6.enforce\tdecisions\t309\n20.8.fee\tprev\t1\n20.8.fee\tdelta\t
20.9.procure\tcount\t548\n20.9.procure\tamount\t0')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a print's t2 values in the gaps go by how its full rows stand: just past their titles" {
	# Centred values pdftotext pushed right: 规范性文件 55 55 78 over
	# their titles; 行政处罚's 0 stands just past 本年增(减)'s end, far
	# from 处理决定数量: it is 本年增(减)'s.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-drift-right.txt' | cut -f 3-5 | grep '^20.6'"
	assert_output "$(printf '20.6.penalty\tprev\t\n20.6.penalty\tdelta\t0
20.6.penalty\tdecisions\t16\n20.6.enforce\tprev\t\n20.6.enforce\tdelta\t0
20.6.enforce\tdecisions\t')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a print's t2 value in a gap, its full rows standing neither way, is unread" {
	# The same print without its full rows' evidence: 行政强制 0 309
	# alone in the block, the others removed.
	sed '/^ *行政处罚/d; /^ *政府集中采购/d' "$DATA/pdftotext-t2-left-values.txt" >gap.txt
	run -0 --separate-stderr sh -c "gip-tables -t t2 gap.txt | cut -f 3-5 |
	    grep '^20.5.other'"
	assert_output "$(printf '20.5.other\tprev\t?\n20.5.other\tdelta\t?
20.5.other\tdecisions\t?')"
	[[ "$stderr" == *"t2 row 20.5.other: 2 values for 3 columns, not placed (a print: no title or full row's value over each of them), written as ?"* ]]
}

@test "lynx: a t2 table joined one space apart, blanks printing nothing, leaves rows with blanks unread" {
	# Cells with line breaks: lynx joins each row's cells by one space
	# and an empty cell prints nothing (行政处罚 | | | 16 as 行政处罚 16);
	# 16 went under 上一年项目数量, whose title stood one space after
	# 信息内容 as 16 after 行政处罚.  Full rows keep their order; a
	# row of zeros (行政事业性收费 0) is 0 wherever its zero stood.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-joined-blanks.txt' | cut -f 3-5 | grep '^20.[68]'"
	assert_output "$(printf '20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?
20.6.penalty\tdecisions\t?\n20.6.enforce\tprev\t1\n20.6.enforce\tdelta\t0
20.6.enforce\tdecisions\t321\n20.8.fee\tprev\t0\n20.8.fee\tdelta\t0')"
	[[ "$stderr" == *"t2 row 20.6.penalty: 1 values for 3 columns, not placed (cells joined one space apart, blanks printed as nothing)"* ]]
}

@test "w3m: a t2 table whose values do not line up with its full rows' leaves rows with blanks unread" {
	# w3m lays out in display columns; this table, read one column per
	# character, shifts each row by its label's CJK: 行政许可's 0 11
	# stand apart from 其他对外管理服务事项's 147 2 0, and by the
	# titles' centres 7 of 行政强制 went under 本年增/减 (上一年项目数量's).
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/w3m-t2-width-shift.txt' | cut -f 3-5 | grep '^20.6.enforce'"
	assert_output "$(printf '20.6.enforce\tprev\t?\n20.6.enforce\tdelta\t?
20.6.enforce\tdecisions\t?')"
	[[ "$stderr" == *"t2 row 20.6.enforce: 2 values for 3 columns, not placed (a value of the table stands where no value of its block's full row does"* ]]
}

@test "lynx: t2 values one a line, -6 and -1 among them, are cells, not page numbers" {
	# lynx prints a Word table one centred cell a line; -6 and -1 alone
	# on their lines were taken for page numbers ("- 1 -") and dropped,
	# and 行政许可 16 0 read as two values for three columns.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-cell-lines.txt' | cut -f 3-5 |
	    grep -E '^20.(5.license|8)'"
	assert_output "$(printf '20.5.license\tprev\t16\n20.5.license\tdelta\t-6
20.5.license\tdecisions\t0\n20.8.fee\tprev\t3\n20.8.fee\tdelta\t-1')"
	assert_equal "$stderr" ""
}

@test "lynx: t2 values one a line at one place leave rows with blanks unread" {
	# Every cell centred at one place, one a line, an empty cell printing
	# nothing: 行政事业性收费 3 (-1 left out here) stood nearer
	# 本年增's centre and went there.  Positions that put a row's values
	# one over another tell no column.
	sed '/^ *-1$/{N;d}' "$DATA/lynx-t2-cell-lines.txt" >short.txt
	run -0 --separate-stderr sh -c "gip-tables -t t2 short.txt |
	    cut -f 3-5 | grep '^20.8'"
	assert_output "$(printf '20.8.fee\tprev\t?\n20.8.fee\tdelta\t?')"
	[[ "$stderr" == *"t2 row 20.8.fee: 1 values for 2 columns, not placed (values one a line at one place, blanks printed as nothing)"* ]]
}

@test "lynx: a t2 table whose cells span other columns than its titles leaves rows with blanks unread" {
	# Word's spans: 3,321 (colspan 2) starts under the second half of
	# 本年增/减, where no value of the block's full row stands; 行政处罚's
	# label takes two grid columns, so its 21 (上一年项目数量, the second
	# cell) stands under 本年增.  Only the count of cells tells, and
	# blanks print nothing: rows with blanks unread, full rows in order.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-spans.txt' | cut -f 3-5 | grep '^20.[56]'"
	assert_output "$(printf '20.5.license\tprev\t?\n20.5.license\tdelta\t?
20.5.license\tdecisions\t?\n20.5.other\tprev\t33\n20.5.other\tdelta\t14
20.5.other\tdecisions\t7276\n20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?
20.6.penalty\tdecisions\t?\n20.6.enforce\tprev\t?\n20.6.enforce\tdelta\t?
20.6.enforce\tdecisions\t?')"
	[[ "$stderr" == *"t2 row 20.6.penalty: 2 values for 3 columns, not placed (a value of the table stands where no value of its block's full row does: cells spanning other columns)"* ]]
}

@test "lynx, w3m: a t2 row with blanks whose positions disagree with its header is unread" {
	# Word tables whose data cells span other grid columns than the
	# header's (VARIANTS.md): lynx and w3m print each cell at its own
	# grid column and blanks as nothing, so the positions of a row with
	# blanks may lie.  Where they disagree with the header, the row is
	# unread rather than guessed; each row below was read wrong before.
	# 行政规范性文件 (colspan 2) reaches past 本年制发件数's start: its 29
	# is the first cell (issued), not repealed.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-label-past-title.txt' | cut -f 3-5 | grep '^20.1'"
	assert_output "$(printf '20.1.rules\tissued\t\n20.1.rules\trepealed\t
20.1.rules\tvalid\t\n20.1.normative\tissued\t?\n20.1.normative\trepealed\t?
20.1.normative\tvalid\t?')"
	[[ "$stderr" == *"t2 row 20.1.normative: 2 values for 3 columns, not placed (its positions disagree with its header's: cells spanning other columns)"* ]]
	# Titles joined from lynx's wrapped pieces stand out of order (增/减
	# left of 上一年项目数量): 119 is prev, not decisions.
	run -0 --separate-stderr sh -c "gip-tables -t t2 '$DATA/lynx-t2-titles-out-of-order.txt' |
	    cut -f 3-5 | grep '^20.5.license'"
	assert_output "$(printf '20.5.license\tprev\t?\n20.5.license\tdelta\t?
20.5.license\tdecisions\t?')"
	# 106 stands between 本年废 and 现行有效件数, nearer the first but in
	# the second's column: valid, not repealed.
	run -0 --separate-stderr sh -c "gip-tables -t t2 '$DATA/w3m-t2-between-titles.txt' |
	    cut -f 3-5 | grep '^20.1.normative'"
	assert_output "$(printf '20.1.normative\tissued\t?
20.1.normative\trepealed\t?\n20.1.normative\tvalid\t?')"
	# 111 stands where the full row's 456 (decisions) does, its nearest
	# title 本年增: decisions, not delta.  Rows that agree stay read.
	run -0 --separate-stderr sh -c "gip-tables -t t2 '$DATA/w3m-t2-other-pin.txt' |
	    cut -f 3-5 | grep -E '^20.(5.other|6.penalty|8.fee)'"
	assert_output "$(printf '20.5.other\tprev\t50\n20.5.other\tdelta\t
20.5.other\tdecisions\t\n20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?
20.6.penalty\tdecisions\t?\n20.8.fee\tprev\t2\n20.8.fee\tdelta\t')"
}

@test "pdftotext -layout: a print's t2 is read one column per character" {
	# The print itself (form feeds): pdftotext sets one character a
	# column, and so 现行有 / 效件数 stack apart from 本年废止件数, 9
	# under them.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-titles-into-one.txt' | cut -f 3-5 |
	    grep '^20.1.normative'"
	assert_output "$(printf '20.1.normative\tissued\t
20.1.normative\trepealed\t\n20.1.normative\tvalid\t9')"
}

@test "pdftotext -layout: t4 titles printed one letter a line give the columns" {
	# 结 / 果 / 维 / 持 down a narrow column, the next titles' letters
	# beside them; each stack that spells a title is a column.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-stacked-letters.txt' | cut -f 3-5 | grep -v '	\$'"
	assert_output "$(printf 'review\tpending\t0\nreview\ttotal\t0
suit.direct\tupheld\t0\nsuit.direct\tother\t1\nsuit.direct\ttotal\t1
suit.after\tcorrected\t0\nsuit.after\ttotal\t0')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a value between two rows, read with the row above, leaves the next row's blanks unread" {
	# 行政许可 0 / 47 / 其他对外管理服务事项 545: 47 is the next row's
	# 上一年; read with 行政许可 it left that row unplaced, and the next
	# row's blank 上一年 is not known blank.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-value-between.txt' | cut -f 3-5 |
	    grep '^20.5.other'"
	assert_output "$(printf '20.5.other\tprev\t?\n20.5.other\tdelta\t?
20.5.other\tdecisions\t545')"
	[[ "$stderr" == *"t2 row 20.5.other: numbers printed near it may be its own"* ]]
}

@test "pdftotext -layout: a t2 number below its label and left of the label line's goes under its title" {
	# 政府集中采购   412.5万元 / (a line below, further left) 9: in line
	# order 412.5 went to the count and 9 to the amount, two wrong
	# values and a false alarm (count not a whole number).
	gip-tables -q -t t2 "$DATA/pdftotext-t2-value-below-left.txt" |
	    cut -f 3-5 | grep '^20.9' >got
	run cat got
	assert_output "$(printf '20.9.procure\tcount\t9\n20.9.procure\tamount\t412.5')"
	# With a column left blank the number below may be the next row's
	# (47 under 行政许可 0): not placed.
	gip-tables -q -t t2 "$DATA/pdftotext-t2-value-between.txt" |
	    cut -f 3-5 | grep '^20.5.license' >got
	run cat got
	assert_output "$(printf '20.5.license\tprev\t?\n20.5.license\tdelta\t?\n20.5.license\tdecisions\t?')"
}

@test "pdftotext -layout: a number over a t2 row under one of the row's values makes the row unread" {
	# 27项 over 行政处罚 284项 0项: the block read one column per
	# character put 284 under 本年增/减 (a wrong value) and 27 under
	# 处理决定数量, over 0: the positions contradict each other.
	# A page of the print: pdftotext ends it in a form feed.
	{ cat "$DATA/pdftotext-t2-number-over-row-contradicts.txt"
	  printf '\f'; } >print.txt
	run -0 --separate-stderr sh -c "gip-tables -t t2 print.txt |
	    cut -f 3-5 | grep '^20.6.penalty'"
	assert_output "$(printf '20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?\n20.6.penalty\tdecisions\t?')"
	# (Its titles as wide as their CJK on the page, 284 stands under
	# two of them: not placed by them in the first place.)
	[[ "$stderr" == *"t2 row 20.6.penalty: 2 values for 3 columns, not placed (a print: no title or full row's value over each of them)"* ]]
	# Without it (no print), 284 stands where no value of the block's
	# full row does: unread too.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-number-over-row-contradicts.txt' | cut -f 3-5 |
	    grep '^20.6.penalty'"
	assert_output "$(printf '20.6.penalty\tprev\t?\n20.6.penalty\tdelta\t?\n20.6.penalty\tdecisions\t?')"
}

@test "pdftotext -layout: a row's numbers nearer the next label than its own make both rows unread" {
	# 规章 / (blank) / 10 / 规范性文件: a print centres a row's cells, so
	# 10 may be either row's; it was 规章's, a wrong value each.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-value-nearer-below.txt' | cut -f 3-5 |
	    grep '^20.1'"
	assert_output "$(printf '20.1.rules\tmade\t?\n20.1.rules\tpublished\t?
20.1.rules\ttotal\t?\n20.1.normative\tmade\t?
20.1.normative\tpublished\t?\n20.1.normative\ttotal\t?')"
	[[ "$stderr" == *"t2 row 20.1.normative: numbers printed near it may be its own"* ]]
}

@test "pdftotext -layout: a t2 number on a line between a row and a next row printing none is unread" {
	# A Chromium print's table 2 (its page's form feed kept): 行政许可
	# 2件, then 160件 on a line of its own, then 其他对外管理服务事项
	# with nothing.  160 is 其他's, centred in its cell a line above its
	# label; read as 行政许可's 处理决定数量, a wrong value.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-number-above-bare-next.txt' | cut -f 3-5 |
	    grep -E '^20\.5\.' | cut -f 3 | tr '\n' ' '"
	assert_output " 2 ? ? ? ? "
	[[ $stderr == *"t2 row 20.5.license: numbers on a line below its label, above the next row's that has none, may be either's"* ]]
}

@test "pdftotext -layout: a t2 title cut at its single spaces keeps its place" {
	# 采购总金额（单位：万元，保留 4 位小数） read one column per
	# character is four cells; joined, 0.00 stands under it.
	t2_rows pdftotext-t2-title-cut.txt '^20.9.procure'
	assert_output "$(printf '20.9.procure\tcount\t\n20.9.procure\tamount\t0')"
}

@test "pdftotext -layout: a unit one space after the number is the number's" {
	# 4439000 元 under 本年收费金额(单位：万元) is 443.9 万元.
	t2_rows pdftotext-t2-unit-apart.txt '^20.8.fee'
	assert_output "$(printf '20.8.fee\tamount\t443.9')"
}

@test "lynx: a narrow t2 laid out one column per character" {
	# 规范性文件          1     236: under 本年废止件数 and 现行有效件数
	# counted in characters (CJK one column), as lynx lays it out; in
	# display columns they stand under the first two titles.
	t2_rows lynx-t2-char-columns.txt '^20.1.normative'
	assert_output "$(printf '20.1.normative\tissued\t
20.1.normative\trepealed\t1\n20.1.normative\tvalid\t236')"
}

@test "spaced t2: values right-aligned in columns wider than their titles stay in display columns" {
	# "规范性文件                0           15": one number under a
	# title counted in characters is chance, not a lynx layout.
	t2_rows spaced-t2-right-aligned.txt '^20.1.normative'
	assert_output "$(printf '20.1.normative\tissued\t0\n20.1.normative\trepealed\t15\n20.1.normative\tvalid\t')"
}

@test "spaced t3: a title with a space inside spans both its words" {
	# 法律 服务机构 (and 科研 机构): 20, right-aligned under the whole
	# title, ends where 服务机构 ends; with 法律 alone as the title it
	# stood nearer 其他's end and went to other.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/spaced-t3-title-inner-space.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.1)	(legal|other)'"
	assert_output "$(printf '1\tlegal\t20\n1\tother\t\n3.1\tlegal\t16\n3.1\tother\t')"
}

@test "spaced t4: three numbers a row under fifteen titles are not a narrow t2 block" {
	# The narrow-block rule above (one column per character wins a tie)
	# once took t4's "1 ... 1 ... 0", right-aligned under 结果维持, 总计
	# and the second 结果维持, for one column to the right of each.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/spaced-t4-three-numbers.txt' | cut -f 3-5 | grep -v '	$'"
	assert_output "$(printf 'review\tupheld\t1\nreview\ttotal\t1\nsuit.direct\tupheld\t0')"
}

@test "spaced t4: titles spaced out and wrapped count for no column when the width model is chosen" {
	# 结 果 维 / 持: in characters single letters, in display columns
	# whole cells; counted only there they made t4 look aligned in
	# characters, and 8 of 15 cells were written as ?.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/spaced-t4-letters-wrapped.txt' | cut -f 3-5 | grep -v '	$'"
	assert_output "$(printf 'review\tother\t0\nsuit.direct\tother\t0
suit.direct\tpending\t0\nsuit.direct\ttotal\t0\nsuit.after\tupheld\t2
suit.after\tother\t1\nsuit.after\tpending\t0\nsuit.after\ttotal\t3')"
	[ -z "$stderr" ]
}

@test "lynx: a joined row's spaces count its empty cells" {
	# Cells one space apart, an empty cell a space of its own:
	# "9           9" is 9, five empty cells, 9; a row short of seven
	# is padded with blanks only where it then adds up.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-joined-blanks.txt' | cut -f 3-5 |
	    grep -E '^(1|3.1)	' | cut -f 3 | tr '\n' ,"
	assert_output "9,,,,,,9,4,,,,,0,4,"
	[ -z "$stderr" ]
}

@test "lynx: a joined t4 row's spaces count its empty cells" {
	# "3 1   2 6     0   0         0": one space apart, an empty cell two
	# spaces more, the row's last blanks left out; 15 cells counted that
	# add up are placed.  A row short of 15 (a blank lost) stays unread,
	# but for 复议后起诉: every placement that adds up leaves its cells 0
	# or blank (the 0 of its 总计 may stand in any), which count alike,
	# so they are written 0.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/lynx-t4-joined.txt' | cut -f 5 | tr '\n' ,"
	assert_output "3,1,,2,6,,,0,,0,,,,,0,"
	[ -z "$stderr" ]
	run -0 --separate-stderr sh -c "sed 's/3 1   2 6/3 1 2 6/' \
	    '$DATA/lynx-t4-joined.txt' | gip-tables -t t4 | cut -f 5 |
	    tr '\n' ,"
	assert_output "?,?,?,?,?,?,?,?,?,?,0,0,0,0,0,"
}

@test "lynx: a Word t4 of blanks only: 15 titles one per paragraph, no number" {
	# lynx prints each cell as a centred paragraph; the titles stand on
	# one another (no columns), and a row of blanks prints nothing.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/lynx-t4-blank-paragraphs.txt' | cut -f 5 | tr '\n' ,"
	assert_output ",,,,,,,,,,,,,,,"
	# A title short, the header is not whole: nothing is made up.
	run --separate-stderr sh -c "awk '/总计/ && !d { d = 1; next } 1' \
	    '$DATA/lynx-t4-blank-paragraphs.txt' | gip-tables -t t4 | wc -l"
	assert_output 0
}

@test "lynx: joined rows: a wrapped item label ending in its marker is no number" {
	# "（四）无法提供 1．本机关不" / "掌握相关政府信息 2 2": 1．本机关不 was
	# taken for the line's number, the label lost its item and row 3.4.1
	# was dropped without a word.  Its total is fixed by its identity,
	# its 2 a natural person's by the table's: 3.7 holds 2 for natural
	# persons and 0 elsewhere, and the other rows 3.x hold nothing.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-joined-item-wrap.txt' | cut -f 3,5 | grep '^3.4.1' |
	    cut -f 2 | tr '\n' ,"
	assert_output "2,,,,,,2,"
}

@test "lynx: a joined t2 row under titles in pieces: its spaces count the empty cells" {
	# 信息内容 上一年 / 项目数量 本年增/减 处理决定数量 are three titles
	# without positions; "行政处罚 211   2" is 211, one empty cell, 2.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-joined-blanks.txt' | cut -f 3-5 | grep '^20.6.penalty'"
	assert_output "$(printf '20.6.penalty\tprev\t211
20.6.penalty\tdelta\t\n20.6.penalty\tdecisions\t2')"
	[ -z "$stderr" ]
}

@test "lynx: Word table's last row, blank lines after it and -1 in a cell" {
	# Two blank lines part the table from the next block's caption: no
	# cell; "-1" alone on its line is a cell, not a page number.
	run -0 --separate-stderr sh -c "gip-tables \
	    '$DATA/lynx-word-table-end.txt' | cut -f 3-5 |
	    grep '^20.6.enforce'"
	assert_output "$(printf '20.6.enforce\tprev\t70
20.6.enforce\tdelta\t-1\n20.6.enforce\tdecisions\t12')"
	[ -z "$stderr" ]
}

@test "w3m: a tall row's values on different lines of the row are one row" {
	# Row 1 prints 9 and 0 on its first line, 84 … 93 on its second.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/w3m-t3-vmiddle.txt' | cut -f 3-5 | head -14"
	assert_output "$(printf '1\tnatural\t84\n1\tcommercial\t9\n1\tresearch\t0
1\tsocial\t0\n1\tlegal\t0\n1\tother\t0\n1\ttotal\t93
2\tnatural\t5\n2\tcommercial\t1\n2\tresearch\t0\n2\tsocial\t0
2\tlegal\t0\n2\tother\t0\n2\ttotal\t6')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a bare page number before the form feed is no value" {
	# The 淮安市 2024 t2 with its footer "-3-" printed as a bare "3".
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-bare-page-number.txt' | cut -f 3-5 |
	    grep '^20.5'"
	assert_output "$(printf '20.5.license\tdecisions\t447228')"
	assert_equal "$stderr" ""
}

@test "a space-aligned t4 with wrapped titles stays in display columns" {
	# 结果维 / 持: the titles' words are short, so counted in characters
	# they would look as aligned as the numbers; the numbers stand under
	# the titles only in display columns.
	gip-tables -t t4 "$DATA/spaced-t4-wrapped-titles.txt" 2>err |
	    cut -f 3-5 >got
	run diff "$DATA/spaced-t4-wrapped-titles.cells" got
	assert_success
	run cat err
	assert_output ""
}

@test "w3m: a t4 left-aligned under titles of unequal width" {
	# Left-aligned values under titles of unequal width stand as near
	# the centre of the title before theirs (总计  结果维持) as of their
	# own: at the centres two fell to one column.
	gip-tables -t t4 "$DATA/w3m-t4-left.txt" 2>err | cut -f 3-5 >got
	run diff "$DATA/w3m-t4-left.cells" got
	assert_success
	run cat err
	assert_output ""
}

@test "cells of a row seen but not placed are written as ? (t2, t3, t4)" {
	run -0 --separate-stderr sh -c "gip-tables -t t2,t3,t4 \
	    '$DATA/unread-cells.txt' | cut -f 2-5 | grep -P '\t\?\$' |
	    cut -f 1,2 | uniq -c | awk '{print \$1, \$2, \$3}'"
	assert_output "3 t2 20.6.enforce
2 t3 3.1
5 t4 review
5 t4 suit.direct
5 t4 suit.after"
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'written as ?')" 3
	run -0 sh -c "gip-tables -t t2 '$DATA/unread-cells.txt' 2>/dev/null |
	    grep -c '	20.6.enforce	'"
	assert_output 3
}

# Rows whose labels were torn away (VARIANTS.md): numbers placed by the
# template's order when the gap fits and the row's identity confirms.
torn_t3() {
	gip-tables -q -t t3 "$DATA/$1.txt" | cut -f 2-5 | sort >got
	run diff "$DATA/$1.cells" got
	assert_success
}

@test "pdftotext without -layout: rows glued to the row above get their own numbers" {
	torn_t3 torn-pdftotext
}

@test "Markdown: an unlabelled number row, its label lines away, is placed by order" {
	torn_t3 torn-markdown
}

@test "torn numbers that do not add up are not placed: ? and a warning" {
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/torn-unconfirmed.txt' | cut -f 3-5 | grep '^3\.2	'"
	assert_output "$(printf '3.2\tnatural\t?\n3.2\tcommercial\t?
3.2\tresearch\t?\n3.2\tsocial\t?\n3.2\tlegal\t?\n3.2\tother\t?
3.2\ttotal\t?')"
	assert_equal "$stderr" "gip-tables: $DATA/torn-unconfirmed.txt:54: t3 row 3.2: numbers printed apart from its label do not add up, not placed
gip-tables: $DATA/torn-unconfirmed.txt:54: t3 row 3.2: 7 values for 7 columns, not placed, written as ?"
}

@test "2021 report without 规章, with 2019's single （六） row and a misspelt 3.3.2 label" {
	gip-tables -q "$DATA/omitrows-2021.txt" | cut -f 2-5 |
	    grep -v -P '^prose|^meta\t(title|org|year|date)' | sort >got
	run diff "$DATA/omitrows-2021.cells" got
	assert_success
	run grep -c -P '^t3\t3\.3\.2\t' got
	assert_output 7
}

@test "t2: a row ending in the header's own empty cell keeps its leading blank" {
	# | 信息内容 | 上一年项目数量 | 本年增 |  |  over  | 行政事业性收费 |  | 3 |  |
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/t2-header-trailing-blank.txt' | grep 20.8.fee | cut -f 3-5"
	assert_output "$(printf '20.8.fee\tprev\t\n20.8.fee\tdelta\t3')"
}

@test "pdftotext without -layout: row 1 glued to the header words, rows 2 and 3.1 torn" {
	torn_t3 torn-pdftotext-header
}

@test "pdftotext -layout: a t2 column title begun on the line above 信息内容" {
	#                    本年制
	#           信息内容          本年废止件数     现行有效件数
	#                    发件数
	gip-tables -q -t t2 "$DATA/t2-header-above.txt" | cut -f 2-5 | sort >got
	run diff "$DATA/t2-header-above.cells" got
	assert_success
}

@test "pdftotext -layout: a t2 column title on the line below 信息内容 alone" {
	#           信息内容             本年废      现行有效
	#                    本年制发件数
	#                                止件数        件数
	gip-tables -q -t t2 "$DATA/t2-header-below.txt" | cut -f 2-5 | sort >got
	run diff "$DATA/t2-header-below.cells" got
	assert_success
}

@test "unlabelled number rows that do not fit the gap are not placed, and said so" {
	# Two unlabelled rows after 3.1 where only 3.2 is without numbers:
	# neither is placed, and 3.2, printed but not read, is written as ?.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/torn-toomany.txt' | awk -F'\t' '\$3 == \"3.2\" { print \$5 }' |
	    sort -u"
	assert_output '?'
	assert_equal "$stderr" "gip-tables: $DATA/torn-toomany.txt:54: t3: 4 numbers without a row label, not placed
gip-tables: $DATA/torn-toomany.txt:55: t3: 4 numbers without a row label, not placed
gip-tables: $DATA/torn-toomany.txt:53: t3 row 3.2: not found, and its place (lines 53-55) prints 8 numbers more than the rows read there: written as ?"
}

# Tables printed in reading order (VARIANTS.md): a table's labels in one
# run, its numbers apart, row by row or column by column; placed by the
# template's order only when the count fits and the identities confirm.
colmajor_t3() {
	gip-tables -q -t t3 "$DATA/$1.txt" | cut -f 2-5 | sort >got
	run diff "$DATA/colmajor.cells" got
	assert_success
}

@test "pdftotext without -layout: t3's numbers in blocks, one column of k rows a block" {
	# 总计 / 927 / 974 ... rows 1-3.2 one a block; then 7 blocks of 9
	# (3.3.1-3.4.1), a page break, 7 blocks of 5, 14 alone, 7 pairs
	colmajor_t3 colmajor-pdftotext
}

@test "pdftotext without -layout: t3's blocks around a bare page number are read without it" {
	# ... 0 / (blank) / 3 / \f3.要求提供公开出版物: the 3 is the page's
	colmajor_t3 colmajor-folio
}

@test "pdfminer-like: each column of a part of t3 in the same blocks, column after column" {
	# 927 / 100 / 286 / 83 / (9 rows) for each column, then page two
	colmajor_t3 colmajor-pdfminer
}

@test "numbers in reading order that no reading adds up are not placed: ? and a warning" {
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/colmajor-unconfirmed.txt' | cut -f 3-5 | grep '^3\.4\.3	'"
	assert_output "$(printf '3.4.3\tnatural\t?\n3.4.3\tcommercial\t?
3.4.3\tresearch\t?\n3.4.3\tsocial\t?\n3.4.3\tlegal\t?\n3.4.3\tother\t?
3.4.3\ttotal\t?')"
	[[ "$stderr" == "gip-tables: $DATA/colmajor-unconfirmed.txt:24: t3: 161 numbers for 23 rows printed apart from their labels: no reading in the template's order adds up, not placed by order"* ]]
}

@test "t3 of zeros only, in irregular blocks: every reading gives the same cells" {
	run -0 sh -c "gip-tables -q -t t3 '$DATA/colmajor-zeros.txt' |
	    cut -f 5 | sort | uniq -c"
	assert_output "    175 0"
}

@test "t3 of zeros only, two a block: many readings, all the same cells, read at once" {
	run -0 sh -c "gip-tables -q -t t3 '$DATA/colmajor-zeros-pairs.txt' |
	    cut -f 5 | sort | uniq -c"
	assert_output "    175 0"
}

@test "pdftotext without -layout: a t2 block's labels, then all its numbers: unread, row or column order unknown" {
	# 行政许可 / 其他对外管理服务事项 / header / 321 0 20963 4 0 27:
	# row by row or column by column (pdftotext prints both), nothing
	# tells which (VARIANTS.md, readorder.h)
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/torn-pdftotext.txt' | cut -f 2-5 | sort"
	assert_output "$(cat "$DATA/torn-pdftotext-t2.cells")"
	assert_line "$(printf 't2\t20.5.license\tdecisions\t?')"
	assert_line "$(printf 't2\t20.5.other\tprev\t?')"
	# 行政强制 / 2 / -1 / 0: -1 alone on its line is a value, not a
	# page number; right after its label, as many as its columns
	assert_line "$(printf 't2\t20.6.enforce\tdelta\t-1')"
	# 行政事业性收费 / titles / 0 / 0: numbers alike, in any order
	assert_line "$(printf 't2\t20.8.fee\tprev\t0')"
	assert_equal "$(printf '%s\n' "$stderr" | grep -c 'not known to be its own in that order')" 2
}

@test "plain pdftotext: a page's last number after its page number is a value" {
	# 行政许可 / -2- / 本年处理决定数量 / 1536 / form feed: 1536 was taken
	# for a bare page number and the cell came out blank, no warning.
	gip-tables -q -t t2 "$DATA/pdftotext-plain-number-after-page-number.txt" |
	    cut -f 3-5 | grep '^20.5' >got
	run cat got
	assert_output "$(printf '20.5.license\tdecisions\t1536')"
}

@test "plain pdftotext: t2 titles one per line, a block's number before its label" {
	# 信息内容 / 本年制发件数 / 本年废止件数 / 现行有效件数 / 规章 / 0 / 0 / 0
	# 信息内容 / 本年处理决定数量 / 550 / 行政许可  (洪泽区 2023, real)
	gip-tables -q -t t2 "$DATA/t2-plain-pdftotext.txt" | cut -f 2-5 |
	    sort >got
	run diff "$DATA/t2-plain-pdftotext.cells" got
	assert_success
	run -0 sh -c "gip-tables -t meta '$DATA/t2-plain-pdftotext.txt' |
	    grep -P '\ttemplate\t' | cut -f 5"
	assert_output 2021
}

@test "Markdown: a label row of empty cells, then its numbers unlabelled" {
	# |  | （二）部分公开（…） |  |  | … |   then   | 8 | 2 | 0 |  |  |  | 10 |
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/torn-markdown-blankrow.txt' | cut -f 3-5 | grep '^3\.2	'"
	assert_output "$(printf '3.2\tnatural\t8\n3.2\tcommercial\t2
3.2\tresearch\t0\n3.2\tsocial\t\n3.2\tlegal\t\n3.2\tother\t
3.2\ttotal\t10')"
	assert_equal "$stderr" ""
}

@test "plain pdftotext: a header word among t4's numbers (… 0 0 0 / 总计 / 0)" {
	# 洪泽区 2023, real: fourteen numbers, 总计, the fifteenth.
	gip-tables -q -t t4 "$DATA/t4-plain-pdftotext.txt" | cut -f 2-5 |
	    sort >got
	run diff "$DATA/t4-plain-pdftotext.cells" got
	assert_success
	# As printed, with the form feeds that end its pages: a print read
	# without its layout, whose order inside t4's numbers need not be
	# the columns' (a Chromium print: 0 0 0 1 1 for 1 0 0 0 1, adding up
	# either way): unread (VARIANTS.md, readorder.h)
	{ cat "$DATA/t4-plain-pdftotext.txt"; printf '\f'; } >paged.txt
	run -0 sh -c "gip-tables -q -t t4 paged.txt | cut -f 5 | sort | uniq -c"
	assert_output "     15 ?"
}

@test "t3 in TAB rows ending in a TAB: a row whose first value is blank keeps its columns" {
	# Every line ends in a TAB, so a full row is eight cells; （七）总计
	# spans two label cells and its natural persons' cell is empty.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/tabrow-t3-trailing-tab.txt' | cut -f 3-5 | grep '^3.7	' |
	    cut -f 3 | tr '\n' ,"
	assert_output ",6,0,0,1,2,26,"
	assert_equal "$stderr" ""
}

@test "TAB rows ending in a TAB: a row's blank first value is no padding" {
	# Every t3 row ends in a TAB; row 3.4.1's natural persons' cell is
	# empty, so it has an empty cell at both ends: the other rows say the
	# last is the TAB, and its broken identity is found, not hidden as ?.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/tabrow-t3-trailing-tab-blank-first.txt' |
	    grep -P '\t3\.4\.1\t' | cut -f 5 | tr '\n' ,"
	assert_output ",3,0,0,0,4,33,"
	assert_equal "$stderr" ""
	run -1 sh -c "gip-tables '$DATA/tabrow-t3-trailing-tab-blank-first.txt' |
	    gip-check -q"
}

@test "t2 TAB row ragged after its label, ending under the header's empty title" {
	# 行政事业性收费<TAB><TAB><NBSP><TAB>4<TAB> under a header whose last
	# title is empty: one empty cell of label padding, blank, 4, the cell
	# under the empty title; not 4 under 上一年项目数量.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/tabrow-t2-ragged-header-trail.txt' | grep 20.8.fee |
	    cut -f 4,5"
	assert_output "$(printf 'prev\t\ndelta\t4')"
	assert_equal "$stderr" ""
}

@test "t4 in TAB rows with a data row of TABs only: 15 blank cells" {
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/tabrow-t4-blank.txt' | cut -f 3-5"
	assert_output "$(printf '%s\n' review suit.direct suit.after |
	    while read -r r; do
		for c in upheld corrected other pending total; do
			printf '%s\t%s\t\n' "$r" "$c"
		done
	    done)"
}

@test "t4 printed by position with a data row of blanks only: 15 blank cells" {
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/spaced-t4-blank.txt' | cut -f 3-5"
	assert_output "$(printf '%s\n' review suit.direct suit.after |
	    while read -r r; do
		for c in upheld corrected other pending total; do
			printf '%s\t%s\t\n' "$r" "$c"
		done
	    done)"
	assert_equal "$stderr" ""
}

@test "TAB rows: a label's span padding before the values, a trailing TAB after" {
	# Row 4's label spans three columns: two empty cells follow it, and
	# a trailing TAB ends the row; the other rows show where values begin.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/tabrow-label-span-padding.txt' | grep -P '\t4\t' | cut -f 4,5"
	assert_output "$(printf 'natural\t0\ncommercial\t\nresearch\t\nsocial\t
legal\t\nother\t1\ntotal\t')"
	assert_equal "$stderr" ""
}

@test "a bold mark cut by a line break (**1,778*<br>*) is a mark, not text" {
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pipe-bold-split-by-br.txt' | grep -P '\t3\.1\t' | cut -f 4,5"
	assert_output "$(printf 'natural\t1778\ncommercial\t0\nresearch\t0
social\t0\nlegal\t0\nother\t0\ntotal\t1778')"
}

@test "pdftotext -layout: t3 columns from the numbers when titles are packed" {
	# 商业企业 科研机构 社会公益组织 … one space apart, over no numbers;
	# every row has blanks: the rows' numbers fall into seven columns.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-packed-titles.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.7)	' | grep -v '	$'"
	assert_output "$(printf '1\tnatural\t6\n1\ttotal\t6\n3.7\tnatural\t7
3.7\tcommercial\t0\n3.7\tsocial\t0\n3.7\tother\t0\n3.7\ttotal\t7')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: t3 columns from the numbers when titles stand a character a line" {
	# 自 / 然 / 人 stacked, 总 / 计: no title is found whole.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-stacked-titles.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.7)	' | grep -v '	$'"
	assert_output "$(printf '1\tnatural\t8\n1\tcommercial\t3\n1\ttotal\t11
3.7\tnatural\t9\n3.7\tcommercial\t3\n3.7\tother\t0\n3.7\ttotal\t12')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: t3 rows that drift part by part take the columns of their part" {
	# The rows drift right with their labels part by part: each part's
	# rows take the seven columns their numbers agree on, where the
	# table's identities (3.7 = the rows 3.x, 1 + 2 = 3.7 + 4) confirm
	# the columns of rows with numbers other than 0.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-drifting-rows.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.1)	' | grep -v '	$'"
	assert_output "$(printf '1\tnatural\t34\n1\tcommercial\t1\n1\tresearch\t0
1\tlegal\t3\n1\tother\t1\n1\ttotal\t39\n3.1\tnatural\t23\n3.1\tcommercial\t1
3.1\tlegal\t2\n3.1\ttotal\t26')"
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: t3 rows placed by their part's columns stay unread when no identity confirms them" {
	# Rows 1 to 3.4 agree on seven columns, but 3.7 and 4 drift apart
	# and are unread: no column identity can confirm where 853 and 112
	# stand, so row 1 keeps ? where a number other than 0 may stand.
	# (Its social column holds 0 in every reading that adds up: read
	# blank, as 0 counts, by the identities: t3fill.c.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-drifting-unconfirmed.txt' | cut -f 3-5 |
	    grep -E '^1	'"
	assert_output "$(printf '1\tnatural\t?\n1\tcommercial\t?\n1\tresearch\t?
1\tsocial\t0\n1\tlegal\t0\n1\tother\t\n1\ttotal\t965')"
}

@test "pdftotext -layout: a t3 row on two lines is read only as its identity allows" {
	# A tall row prints a value on the label's first line and the rest
	# on the next, each line shifted on its own: in line order row 1
	# read 85 83 0 1 0 0 1, the total in 自然人.  Of the ways the two
	# lines interleave only 83 0 1 0 0 1 85 adds up; row 3.2's 0 may
	# stand in any of its first four columns by its own identity, and
	# the table's column identities choose 6 0 1 (once row 3.6's 0 0,
	# printed above its label, are its own: t3split.c).
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-tall-rows.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.2)	' | cut -f 3 | tr '\n' ' '"
	assert_output "83 0 1 0 0 1 85 6 0 1 0 0 0 7 "
}

@test "pdftotext -layout: a t3 row with blanks on two lines is not read in line order" {
	# Row 1 prints 0 on the label's first line and 7 0 7 on the next;
	# in line order its 7 went to 商业企业 and the 0 to 自然人, and the
	# total row 3.7 (7 above, 7 0 0 0 0 0 below) read 7 in 商业企业
	# and 0 as its total.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-tall-blanks.txt' | cut -f 3-5 |
	    grep -E '^(1	natural|3\.7)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? 7 0 0 0 0 0 7 "
}

@test "pdftotext -layout: t3 values printed a line above their row's label are that row's" {
	# Chromium centres a row's cells: row 2's 2 and 1 print on the line
	# after row 1's seven, row 3.3.2's 2 on the line after row 3.3.1's,
	# both a line above the row's label.  Read with the row above, that
	# row had 9 (8) values for 7 columns and both rows were unread.
	# Split off, each row has seven and adds up.  Each line is shifted
	# by its own label (2 and 1 stand left of row 1's 5): how the two
	# lines interleave, the columns' spacing tells, taken from row 1,
	# printed on one line (t3_tall_by_shift).
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-values-above-label.txt' | cut -f 3-5 |
	    grep -E '^(1|2|3\.3\.[12])	' | cut -f 3 | tr '\n' ' '"
	assert_output "5 1 0 0 0 0 6 2 0 1 0 0 0 3 4 0 0 0 0 0 4 1 0 0 0 0 2 3 "
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: t3 rows printed a line low take their first line from above their label" {
	# Numbers and units wrapped in narrow cells (0 over 个) make each
	# row a line taller than its label, and Chromium centres the row:
	# its other and total print on the line above its label, the first
	# row's after the header.  Read as printed, each row took the next
	# row's: row 1 read 9 0 0 0 0 0 4 (row 2's total), and gip-check
	# raised t3-row on sound numbers.  Now each row whose last line of
	# numbers, given to the next row, makes both add up gives it on;
	# the first row takes the header's.  How the two lines interleave
	# only the identities tell: 0 of the line above may be any of the
	# first two, those stay unread.  The last row shown gets a line it
	# cannot use (the table is cut after it): unread, not read wrong.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-rows-a-line-low.txt' | cut -f 3-5 |
	    grep -E '^(1|2|3\.1|3\.3\.[34])	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? 0 0 0 0 9 ? ? 0 0 0 0 4 ? ? 0 0 0 0 5 0 0 0 0 0 0 0 ? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 3.3.4: 9 values for 7 columns, not placed"* ]]
}

@test "pdftotext -layout: a t3 row placed by position with its total blank, its last number their sum, is unread" {
	# A table with blanks, each line shifted by its label: the columns
	# came out one off, and row 1's 66 6 72 was read 66 in natural, 6 in
	# legal, 72 in other, the total blank; gip-check raised errors on
	# sound numbers.  A row does not print counts without their total:
	# where its last number is the sum of the others, the row is unread.
	# (The fixture's 3.7 prints 65 for 66, so that 3.6's last line, 3.7's
	# 6 72, stays with 3.6 and no other reading of the table applies.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-total-left-blank.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.5\.1)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? ? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 1: placed by position, its total is blank though its last number is the sum of the others"* ]]
}

@test "pdftotext -layout: a t3 row with blanks gives the next row its line of numbers printed above that row's label" {
	# Blank cells print nothing; 3.7's 6 and 72 print on the line above
	# its label, read as 3.6's last line: 3.6 read 0 6 72 in legal,
	# other and total, 3.7 had its parts only.  3.6 without that line
	# ends in the sum of the others (0 0), with it not, and 3.7 with it
	# first is a row of seven that adds up: the line is 3.7's.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-blanks-line-low.txt' | cut -f 3-5 |
	    grep -E '^(3\.6|3\.7)	' | cut -f 3 | tr '\n' ' '"
	assert_output "0 0 0 0 0 0 0 ? ? ? ? ? ? 72 "
}

@test "pdftotext -layout: a t3 row of zeros whose numbers print on its neighbour's line is unread, not a false alarm" {
	# A Chromium print: 3.7's 6 1 7 print on the line above its label,
	# kept by 3.6.3 (which places only its total, 7); 3.7's own line
	# holds 0 0, read as a row of zeros.  3.7 = the sum of 3.x and
	# 1 + 2 = 3.7 + 4 then fail on a sound report: both rows unread.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-zeros-row-numbers-apart.txt' | cut -f 3-5 |
	    grep -E '^(3\.6\.3|3\.7)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? ? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 3.7: read as zeros, the table's identities fail"* ]]
	run -0 sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-zeros-row-numbers-apart.txt' 2>/dev/null |
	    gip-check | grep -c -E 't3-(sum7|bal)	error' || true"
	assert_output 0
}

@test "pdftotext -layout: a t3 row of seven that stacks two lines' numbers in one column and does not add up is unread" {
	# 3.7 prints 4400 1175 0 0 277 5852 on its line; row 4's total 55
	# prints on the line below it, under 5852.  Read as 3.7's seventh
	# value, 3.7's total was 55: a false alarm on a sound report.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-stacked-numbers-short-total.txt' | cut -f 3-5 |
	    grep -E '^3\.7	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 3.7: two of its numbers stand in one column"* ]]
}

@test "pdftotext -layout: a t3 row placed in its lines' order, not left to right, where the identities fail is unread" {
	# Row 1 prints a 0 on its label's line, right of the rest, and
	# 4 2 0 0 0 6 on the line below: read 0 4 2 0 0 0 6, which adds up,
	# but 1 + 2 = 3.7 + 4 fails in three columns on a sound report, and
	# another merge of the two lines (4 2 0 0 0 0 6) makes them hold.
	# (pdftotext-t3-tall-by-columns-broken.txt: no other merge holds,
	# the report's error is reported.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-lines-out-of-order.txt' | cut -f 3-5 |
	    grep -E '^1	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 1: its numbers come from lines out of their left to right order"* ]]
}

@test "pdftotext -layout: a blank t3 row whose label a group label interleaved is told by the rows' order" {
	# 1.属于国家秘密 wraps, and the group label's column (（三）不予公
	# 开) prints between its lines: (三)1.属于国家秘不予公密 names no
	# row, and 3.3.1 was called left out (an error, the row being
	# required) although it is printed, blank.  Between 3.2 and 3.3.2
	# it is the one marked row: 3.3.1, blank.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-blank-row-interleaved.txt' | cut -f 3-5 |
	    grep -E '^3\.3\.1	' | cut -f 2,3 | tr '\n' ' '"
	assert_output "natural	 commercial	 research	 social	 legal	 other	 total	 "
}

@test "pdftotext -layout: a line of t3 numbers that may be either of two rows' leaves both unread" {
	# 3.其他 0 0 0, a blank line, 82 0 82, (七)总计 0 0 0 0: 3.6.3 adds
	# up with the line and without it, and 3.7 with it first is a row
	# of seven that adds up.  Read with 3.6.3, 3.6.3's total was 82 and
	# 3.7's 0 (a false alarm on sound numbers).  Nothing tells: both
	# rows are unread, with a warning.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-line-either-row.txt' | cut -f 3-5 |
	    grep -E '^(3\.6\.3|3\.7)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? ? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 3.7: a line of numbers between rows 3.6.3 and 3.7 may be either's (both readings add up)"* ]]
}

@test "pdftotext -layout: sparse t3 rows printed a line low are unread, not given a row's numbers" {
	# Chromium centres each cell: 831 over 件 prints 831 on the line
	# above row 1's label (the header's last line), 508 between rows 2
	# and 3.1.  Rows with blanks add up whatever they get: row 1 read
	# its lone 0 as a row of 0s, row 2 took 3.1's 508 as its total.
	# 件 stands under each a line below the next row's values, which
	# carry 件: 831 and 508 are rows 1's and 3.1's (t3units.c).  Placed
	# by position alone, those rows stay unread where the identities
	# cannot confirm them.  Row 2 keeps its lone 0件, not 3.1's 508.
	# (The identities read what every reading that adds up agrees on:
	# the totals, and 0 in the column other; t3fill.c.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-rows-a-line-low-sparse.txt' | cut -f 3-5 |
	    grep -E '^(1|2|3\.1)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? 0 831 0 0 0 0 0 0 0 ? ? ? ? ? 0 508 "
	[[ $stderr == *"t3 row 1: its 3 numbers read by the table's identities"* ]]
	[[ $stderr == *"t3 row 3.1: its 3 numbers read by the table's identities"* ]]
}

@test "pdftotext -layout: a tall t3 row's lines are the grid's, not told by x order alone" {
	# 3.4.1 prints 149 on its label's first line, 22 on the next and
	# 127 0 0 0 0 on the one after, each line shifted by its own label:
	# 127 stands right of 22, and the two lines were read as one, 22
	# before 127 (natural 22, commercial 127: the truth swapped).  On
	# lines of their own they interleave in many ways that add up:
	# where the readings disagree the cells are unread.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-tall-lines-by-grid.txt' | cut -f 3-5 |
	    grep -E '^3\.4\.1	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? 149 "
}

@test "pdftotext -layout: 无 spaced out inside a t3 label is a letter of it, not a blank cell" {
	# 4. 无 正 当 理 由 大 量 (a justified label's characters spaced
	# out): 无 alone read as a blank cell, the row's first value, so
	# that natural was blank and the 5 printed under it went further
	# right.  Label text stands right of it: it is the label's.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-spaced-label-none-sign.txt' | cut -f 3-5 |
	    grep -E '^3\.5\.4	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? 6 "
}

@test "pdftotext -layout: t3 column titles one space apart in a print place no value" {
	# 商业企业 科研机构 社会公益组织 法律服务机构 其他: pdftotext sets
	# the words after a line's first one space apart, whatever their
	# distance in the page, so the titles stand left of their columns:
	# rows 1, 3.1 and 3.7 put their social 2 in legal alike, and no
	# identity could tell.  Such titles are no anchors: rows that
	# nothing else places are unread.  (Their column other holds 0 in
	# every reading the table's identities allow: read blank, t3fill.c.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-titles-flowed.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.1)	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ?  77 ? ? ? ? ?  56 "
}

@test "pdftotext -layout: row 3.6.3 is told by 3.其他 with the units printed below it" {
	# 0 over 个 in narrow cells: the line of units below 3．其他 joins
	# its label (3.其他个个), which was told as no row; 3.7 then kept its
	# first line of numbers (0 9) and read its total 0, a false alarm.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-other-row-units.txt' | cut -f 3-5 |
	    grep -E '^(3\.6\.3|3\.7)	' | cut -f 3 | tr '\n' ' '"
	assert_output "0 0 0 0 0 0 0 ? ? 0 0 0 0 9 "
}

@test "lynx: a t3 value between two columns' values is unread" {
	# lynx prints row 3.2's total a character left of the other rows'
	# totals, as near the values of 其他 as of 总计 (their titles are
	# stacked, four columns apart): it was read as 其他.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-between-columns.txt' | cut -f 3-5 |
	    grep -E '^3\.2	' | cut -f 3 | tr '\n' ' '"
	# (Its first value stands off the columns, left of 自然人 by more
	# than half the table: the row is read in order, where every
	# reading that adds up agrees, so its total is known; the 3 is a
	# natural person's by the table's identities: 3.7 holds its 12 for
	# natural persons only.)
	assert_output "3      3 "
}

@test "t3 rows whose key words were broken are told by the template's order" {
	# lynx wraps `8. 属于行政查` / `询事项 0 0 0 0 0 0 0` at the margin,
	# so the second line joins the marker's cell (8.询事项属于行政查);
	# pdftotext interleaves the label area's columns (果(三)不1、属于
	# 国家秘予公开密).  Each stands alone between two rows told by their
	# labels, where the template has one row: it is that row, no longer
	# dropped.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-label-wrapped-at-margin.txt' | cut -f 3,5 |
	    grep -E '^3\.3\.8	' | cut -f 2 | tr '\n' ' '"
	assert_output "0 0 0 0 0 0 0 "
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-label-columns-interleaved.txt' | cut -f 3,5 |
	    grep -E '^3\.3\.1	' | cut -f 2 | tr '\n' ' '"
	assert_output "0 0 0 0 0 0 0 "
}

@test "pdftotext -layout: a t3 row that takes the next row's label and values" {
	# 3.1's marker printed spaced, `( 一 ) 予 以`, starts no row: row 2
	# takes its label and numbers (0 0 0 5 19 24), and read 24 as its
	# own total; 3.1 was left out.  Now row 2 is unread and 3.1 written
	# as unread.  Where row 2's own seven stand on a line of their own
	# (44 10 0 0 0 0 54, then 3.1's 458 a line above 3.1's label), row
	# 2 keeps them and 3.1 gets its 458 back (t3split.c): 373 + 85.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-spaced-marker.txt' | cut -f 3,5 |
	    grep -E '^(2|3\.1)	' | cut -f 2 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? ? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 2: its label runs into row 3.1's"* ]]
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-spaced-marker-own-line.txt' | cut -f 3,5 |
	    grep -E '^(2|3\.1)	' | cut -f 2 | tr '\n' ' '"
	assert_output "44 10 0 0 0 0 54 373 85 0 0 0 0 458 "
	# Where row 2's seven and 3.1's are told apart as numbers printed
	# apart from 3.1's label (torn.c), 3.1's seven stand on two lines
	# (3 0 0 0 1 4 under a 0): read as a tall row, not in line order
	# (0 3 0 0 0 1 4).
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-spaced-marker-torn.txt' | cut -f 3,5 |
	    grep -E '^3\.1	' | cut -f 2 | tr '\n' ' '"
	assert_output "? ? 0 0 ? ? 4 "
}

@test "pdftotext -layout: t4 numbers on two lines are read left to right" {
	# The tall data row prints some numbers a line higher than others;
	# gathered line by line they were out of column order.
	# A page begins between its titles and its numbers: placed by the
	# identities, in the order left to right.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-two-lines.txt' | cut -f 5 | tr '\n' ' '"
	assert_output "2 1 0 0 3 0 0 1 0 1 2 0 0 0 2 "
	[[ "$stderr" == *"t4: a page begins between the column titles and the numbers: placed by the identities only"* ]]
}

@test "pdftotext -layout: a print's t4 is read one column per character" {
	# Titles one letter a line (结 / 果 / 维 / 持): read in display
	# columns the letters of a column drift apart with the CJK letters
	# left of them on each line, no title was spelt and the row was
	# unread; in characters each stack spells its title.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-stacked-print.txt' | cut -f 5 | tr '\n' ' '"
	assert_output "1  1  2   0   1  1  2 "
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: t4's two lines of titles set apart: no wrong value, no false alarm" {
	# 行政复议's five titles a line above 行政诉讼's ten, each line set
	# in its own scale: 总计's 2 stood nearer 直接起诉's 结果维持 (read
	# there, review 2 = 0 and a false alarm).  A value may be its
	# nearest title's or a near one's (further left under a packed line
	# of titles); the placements that add up decide, unread where they
	# differ.  The 0 adds up under 尚未审结 and 总计 alike: where they
	# differ only by 0 or blank, which count alike, 0 is written.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-title-lines-apart.txt' | cut -f 5 | tr '\n' ,"
	assert_output "2,,,,2,,,,0,0,,,,,,"
	[ -z "$stderr" ]
	run sh -c "gip-tables '$DATA/pdftotext-t4-title-lines-apart.txt' \
	    2>/dev/null | gip-check -q | awk -F '\t' '\$3 == \"error\" &&
	    \$4 ~ /^t4/'"
	assert_output ""
}

@test "pdftotext -layout: values right of a packed line of t4 titles are no wrong value" {
	# Titles one space apart are set narrower than the row: 直接起诉's
	# 总计 0 stood right under 复议后起诉's 结果纠正 (read there: 0 where
	# blank was printed, and blank where 0 was).  Placements within a
	# column and a half to the left that add up decide; where they
	# differ the cell is unread, or 0 where they differ by 0 or blank.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-packed-titles.txt' | cut -f 5 | tr '\n' ,"
	assert_output "2,,?,?,3,0,0,,,0,0,0,,,,"
}

@test "pdftotext -layout: a t2 line of numbers as near the next row's label is either row's" {
	# 规章 / 1 1 / 规范性文件 15: the next row's cells centred a line
	# apart put its 1 1 under 规章 as near as under its own label; read
	# as 规章's they were two wrong values and two lost.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-numbers-between-rows.txt' | cut -f 5 |
	    tr '\n' ,"
	assert_output "?,?,?,?,?,15,"
	[[ "$stderr" == *"numbers printed near it may be its own"* ]]
}

@test "pdftotext -layout: a print's t4 row over a page break is placed by the identities only" {
	# The titles end one page, 0 1 0 1 begin the next: pdftotext sets
	# each page's text columns from its own words, so read in characters
	# 1 went under 复议后起诉's 其他结果 (a wrong value, a false alarm).
	# 0 1 0 1 leave sure only the cells that every placement that adds
	# up leaves 0 or blank (written 0; they count alike); the rest are
	# unread.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-page-between.txt' | cut -f 5 | tr '\n' ' '"
	assert_output "0 ? ? 0 ? ? ? ? 0 ? ? ? ? 0 ? "
	[[ "$stderr" == *"t4: a page begins between the column titles and the numbers: placed by the identities only"* ]]
}

@test "pdftotext -layout: a print's t4 numbers on two lines are put left to right even when line order adds up" {
	# 0 (结果纠正) a line above 1 (结果维持): in line order 0 1 0 0 1 adds
	# up too, and 1 went to 结果纠正, 0 to 结果维持.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/pdftotext-t4-tall-print.txt' | cut -f 5 | head -5 |
	    tr '\n' ' '"
	assert_output "1 0 0 0 1 "
}

@test "pdftotext -layout: a print's t2 rows on another page than their titles are not placed by position" {
	# 第二十条第（六）项's titles end a page, its rows begin the next:
	# 行政强制 0 0 read under the titles of the page before went to
	# 上一年项目数量 and 本年增/减, 414 (处理决定数量, a line above) lost.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-page-between.txt' | cut -f 3-5 |
	    grep '^20.6.enforce'"
	assert_output "$(printf '20.6.enforce\tprev\t?\n20.6.enforce\tdelta\t?
20.6.enforce\tdecisions\t?')"
	[[ "$stderr" == *"t2 row 20.6.enforce: 2 values for 3 columns, not placed (a print: a page begins between its block's titles and it)"* ]]
}

@test "t4 values in line order that add up are not reordered by position" {
	# lynx prints a Word table's cells one per line, all at one
	# position: ordering them by x would permute 22 5 0 4 (a group's
	# sum does not see it).
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/lynx-t4-cell-paragraphs.txt' | grep suit.after | cut -f 5 |
	    tr '\n' ,"
	assert_output "22,5,0,4,31,"
}

@test "pdftotext -layout: a t3 row of seven printed further right gives no columns to the others" {
	# Stacked column titles, rows drifting row by row; the one row of
	# seven (七)总计 stands about five characters right of the others.
	# Its points were taken as the columns: 7 0个 0个 7个 (natural,
	# research, other, total) read natural 7, commercial 0, legal 0,
	# other 7, and gip-check raised t3-row on sound numbers.  (Row 1's
	# 7 is natural in every reading the table's identities allow, its
	# research 0 read blank as the commercial and social: t3fill.c.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-drifting-full-row.txt' | awk -F'\t' '\$3 == 1' |
	    cut -f 4,5 | tr '\t\n' ' '"
	assert_output "natural 7 commercial  research  social  legal 0 other 0 total 7 "
	gip-tables "$DATA/pdftotext-t3-drifting-full-row.txt" 2>/dev/null >cells
	run gip-check cells
	refute_line --regexp "	t3-(row|bal)	error	"
}

@test "pdftotext -layout: a tall t3 row that several readings add up is read by the table's column identities" {
	# 3.4.1 prints 0 on its label's first line and 680 0 0 0 0 680 on
	# the next: 680 and 0 may stand in natural or commercial, both add
	# up.  Only 680 in natural keeps 3.7 = the rows 3.x and 1 + 2 =
	# 3.7 + 4 in every column, with the table's other rows.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-tall-by-columns.txt' | awk -F'\t' '\$3 == \"3.4.1\"' |
	    cut -f 5 | tr '\n' ' '"
	assert_output "680 0 0 0 0 0 680 "
	assert_equal "$stderr" ""
	# 3.7 printed one more (3485): no reading makes the columns add
	# up, so they choose nothing; the positions of the row's two lines,
	# each shifted as a whole under the columns of a row printed on one
	# line, fit one way only (t3_tall_by_shift), and the broken 3.7 is
	# reported, not hidden.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-tall-by-columns-broken.txt' |
	    awk -F'\t' '\$3 == \"3.4.1\"' | cut -f 5 | tr '\n' ' '"
	assert_output "680 0 0 0 0 0 680 "
	gip-tables "$DATA/pdftotext-t3-tall-by-columns-broken.txt" \
	    2>/dev/null >cells
	run gip-check cells
	assert_line --partial "t3-sum7	error	t3:3.7=sum(3.1-3.6):natural	3484	3485"
}

@test "lynx: a t3 row with a value far off the columns is not read by them" {
	# lynx printed row 1's first value just after its label (`一、本年
	# 新收政府信息公开申请数量  1`) and the others a column left of their
	# own: by the titles' columns 1 0 0 1 (natural, research, other,
	# total) read natural 1, commercial 0, legal 0, other 1, and
	# gip-check raised t3-row and t3-bal on sound numbers.  (Read in
	# order, where the table's identities agree: 3.7 holds its 1 for
	# natural persons, so does row 1.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-row-off-the-columns.txt' | awk -F'\t' '\$3 == 1' |
	    cut -f 5 | tr '\n' ' '"
	assert_output "1 0 0 0 0 0 1 "
	gip-tables "$DATA/lynx-t3-row-off-the-columns.txt" 2>/dev/null >cells
	run gip-check cells
	refute_line --regexp "	t3-(row|bal)	error	"
}

@test "lynx: a t3 row with blanks that position puts a column off is read by the identities" {
	# A Word table whose row 4 spans other grid columns than the header
	# (an empty cell first, 1条 over two): lynx prints `1条 2条 3条` where
	# the 2 stands nearer 社会公益组织 than 科研机构.  By position row 4
	# read commercial 1, social 2, total 3, and gip-check raised t3-bal
	# in research and social on sound numbers.  Only research 2 makes
	# 1 + 2 = 3.7 + 4 hold: read so.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-blanks-column-off.txt' | awk -F'\t' '\$3 == 4' |
	    cut -f 5 | tr '\n' ' '"
	assert_output " 1 2    3 "
	gip-tables "$DATA/lynx-t3-blanks-column-off.txt" 2>/dev/null >cells
	run gip-check cells
	refute_line --regexp "	t3-(row|bal|sum[0-9]*)	error	"
	# Row 1 with blanks too: its 2 in social and row 4's in research
	# hold as well as the other way round; the cells that differ are
	# unread in both rows, and nothing is called an error.  (Row 1's
	# legal and other are 0 in every reading of the whole table.)
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-blanks-column-off-either.txt' |
	    awk -F'\t' '\$3 == 1 || \$3 == 4' | cut -f 5 | tr '\n' ' '"
	assert_output "14 1 ? ? 0 0 17  1 ? ?   3 "
	[[ "$stderr" == *"column-off-either.txt:32: t3 row 4: placed by position with blanks, the table's identities fail; the readings that hold disagree, cells written as ?"* ]]
	gip-tables "$DATA/lynx-t3-blanks-column-off-either.txt" 2>/dev/null >cells
	run gip-check cells
	refute_line --regexp "	t3-(row|bal|sum[0-9]*)	error	"
}

@test "a t3 row printed but not found is unread where its place prints numbers left over" {
	# 3．�� 69 14 0 0 0 2 85 (the label lost to U+FFFD, as converters
	# leave it), then the header repeated by a page break: the row is
	# not found, its seven numbers are over in its place.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/print-t3-lost-row-garbled.txt' | awk -F'\t' '\$3 == \"3.6.3\"' |
	    cut -f 4,5 | tr '\t\n' ' '"
	assert_output "natural ? commercial ? research ? social ? legal ? other ? total ? "
	[[ "$stderr" == *"print-t3-lost-row-garbled.txt:60: t3 row 3.6.3: not found, and its place (lines 60-74) prints 7 numbers more than the rows read there: written as ?"* ]]
}

@test "a t3 row that runs into its header repeated after a page break is read" {
	# 3．其他 69 14 0 0 0 2 85, then the header again: the header's lines
	# continued the row's label (3.其他(本列数据的勾稽关系…)申请人情况…),
	# which named no row; the label before the header does.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/print-t3-lost-row.txt' | awk -F'\t' '\$3 == \"3.6.3\"' |
	    cut -f 5 | tr '\n' ' '"
	assert_output "69 14 0 0 0 2 85 "
	assert_equal "$stderr" ""
}

@test "a t3 row left out of a print stays missing: no numbers are left over" {
	gip-tables "$DATA/print-t3-row-left-out.txt" 2>/dev/null >cells
	run grep -c "	t3	3.3.1	" cells
	assert_output 0
	run -1 gip-check cells
	assert_line --partial "missing	error	t3:3.3.1	"
}

@test "a t3 row left out at a page break stays missing: the page number is no row's number" {
	# 3.3.2, the page's footer (— 4 — or a bare 4 before the form
	# feed), then 3.4 on the next page: 3.3.3 is left out.  The page
	# number counted as a number left over in 3.3.3's place, and the
	# row was written unread (?) in place of missing.
	for f in pagebreak-t3-row-left-out pagebreak-t3-row-left-out-bare; do
		gip-tables "$DATA/$f.txt" 2>stderr >cells
		run grep -c "	t3	3.3.3	" cells
		assert_output 0
		run cat stderr
		refute_output --partial "3.3.3"
		run -1 gip-check cells
		assert_line --partial "missing	error	t3:3.3.3	"
	done
}

@test "t4 values one a line broken off by other text are unread, not zero" {
	# A 0 then </td> <td> and the next value: the 14 cells after the
	# break were taken as blank and the identities "confirmed" zeros
	# where 1 stands further on.
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/t4-row-broken-off.txt' | cut -f 5 | sort -u"
	assert_output "?"
	[[ "$stderr" == *"row is not whole"* ]]
}

@test "plain pdftotext: a line of t4 titles among the numbers is passed over" {
	# 1 0 0 0 1 1 0 0 / 总计 / 0 1 / 结果维持 结果纠正 其他结果 尚未审结 /
	# 0 0 0 0 / 总计 / 0: the titles' line ended the row at 10 values.
	# Without its form feeds (not known for a print) it is read in order;
	# as printed, unread (the test above)
	tr -d '\f' <"$DATA/torn-pdftotext-header.txt" >noff.txt
	run -0 --separate-stderr sh -c "gip-tables -t t4 noff.txt |
	    cut -f 5 | tr '\n' ' '"
	assert_output "1 0 0 0 1 1 0 0 0 1 0 0 0 0 0 "
	run -0 --separate-stderr sh -c "gip-tables -t t4 \
	    '$DATA/torn-pdftotext-header.txt' | cut -f 5 | sort -u"
	assert_output "?"
}

@test "pdftotext -layout: t3 titles wrapped a piece a line in narrow columns give the columns" {
	# 自然 over 人, 其 over 他, 总 over 计: no title was found whole, the
	# rows drift at the bottom, so neither titles nor numbers gave
	# columns and every row with a blank was unread.  The pieces
	# stacked in one column make the title; rows that fit them are
	# placed, the drifted ones stay unread.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-titles-wrapped.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.3\.6)	' | grep -v '	$'"
	assert_output "$(printf '1\tnatural\t90\n1\ttotal\t90
3.3.6\tnatural\t18\n3.3.6\tresearch\t0\n3.3.6\tlegal\t0\n3.3.6\tother\t0
3.3.6\ttotal\t18')"
}

@test "pdftotext -layout: a t3 row fitting wrapped titles whose total does not add up is unread" {
	# 三、本 572 0 prints a line above （一）予以公开 0 572: row 2 takes
	# the line, 3.1 keeps 0 and 572 alone, which fit other and total.
	# Placed so, its natural was blank and gip-check found an error in
	# sound numbers.  A print's row placed row by row is kept only when
	# its total adds up.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-titles-wrapped-row-short.txt' | cut -f 3-5 |
	    grep -E '^3\.1	' | cut -f 3 | tr '\n' ' '"
	assert_output "? ? ? ? ? ? ? "
	[[ $stderr == *"t3 row 3.1: 2 values for 7 columns, not placed"* ]]
}

@test "pdftotext -layout: a t2 amount whose unit is printed apart, over its label, is the row's" {
	# Chromium prints 450 and 637.53 万元 a line above 政府集中采购; the
	# word 万元 made the line a label of no row, and the row was
	# written blank: 20.9's cells wrong, not unread.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-unit-above-label.txt' | cut -f 3-5 |
	    grep '^20\.9' | cut -f 3 | tr '\n' ' '"
	assert_output "450 637.53 "
}

@test "pdftotext -layout: a t3 value wrapped around its row's line, number above and unit below, is the row's" {
	# Chromium centres 186件, too wide for its column, in a tall row:
	# 186 prints a line above （四）… 2、没有现成信息… 183件 0件 3件 and 件
	# a line below, at the same place.  The 186 went to the row above
	# (3.4.1) or read as a line no row took: 3.4.1 and 3.4.2 were
	# unread as "rows printed a line low".  The number with its unit is
	# the row's between; rows with such values wait for the identities.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-value-wrapped-around-row.txt' | cut -f 3-5 |
	    grep -E '^(3\.4\.1|3\.5\.1)	' | cut -f 3 | sort | uniq -c | tr -s ' '"
	assert_output " 14 0"
	[[ $stderr != *"rows printed a line low"* ]]
}

@test "pdftotext -layout: a single t3 row (六)其他处理 wrapped around its numbers is row 3.6" {
	# `(六) 其` over the row's numbers over `他处理`: the label's pieces
	# are joined by position, (六) 他处理 其, which named no row.  In a
	# 2021 report keeping the 2019 row, gip-check then found 3.6.1-3.6.3
	# missing, an error on sound numbers.  The marker with exactly the
	# letters of 其他处理 names 3.6, as (七) with 总计's names 3.7.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-single-36-wrapped.txt' | cut -f 3-5 |
	    grep -E '^3\.6	' | cut -f 3 | sort | uniq -c | tr -s ' '"
	assert_output " 7 0"
}

@test "lynx: a t3 row put a column off is read by 1 + 2 = 3.7 + 4 while a 3.x row is unread" {
	# A lynx rendering (cut down) whose row 3.1 prints 5 values for 7
	# columns (unread) and whose row 4 prints `1条` at 74, between the
	# natural and commercial columns of rows printed at other widths.
	# By position row 4 read natural 1: 1 + 2 = 3.7 + 4 failed in two
	# columns on sound numbers.  The unread 3.1 leaves 3.7 = sum 3.x
	# unchecked, not 1 + 2 = 3.7 + 4: the row's readings are tried.
	gip-tables "$DATA/lynx-t3-blanks-part-unread.txt" 2>/dev/null >cells
	run gip-check cells
	refute_line --regexp "	t3-(row|bal|sum[0-9]*)	error	"
	run -0 sh -c "awk -F'\t' '\$3 == 4 && \$4 == \"natural\"' cells | cut -f 5"
	refute_output "1"
}

@test "lynx: t3 cells one space apart, blanks as nothing, placed where the table's identities agree" {
	# A lynx rendering (cut down) of a table lynx could not lay out:
	# each row's cells one space apart, blank cells printed as nothing
	# (`一、本年新收… 68 13 0 3 84` for 7 columns).  Only one reading
	# of the whole table keeps total = the sum of the parts, 3.7 = the
	# sum of rows 3.x and 1 + 2 = 3.7 + 4: every cell is read, and each
	# as the report printed it (.truth.tsv, blank = 0).
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/lynx-t3-joined-blanks.txt' | cut -f 2-5 |
	    awk -F'\t' 'NR == FNR { t[\$2 FS \$3] = \$4; next }
	    { n++; if (\$4 == \"?\") q++; else if (\$4 + 0 != t[\$2 FS \$3] + 0) w++ }
	    END { print n, q + 0, w + 0 }' \
	    '$DATA/lynx-t3-joined-blanks.truth.tsv' -"
	assert_output "161 0 0"
}

@test "pandoc: t3 rows set by pandoc's spans, off their titles, placed by the table's identities" {
	# pandoc -t plain (cut down) sets each row's cells by its own spans:
	# rows 3.1, 3.2 and 4 stand under other columns' titles, so the
	# check against the table's grid left them unread.  The identities
	# place them (one reading keeps them all): every cell read, each as
	# the report printed it.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pandoc-t3-spans-solved.txt' | cut -f 2-5 |
	    awk -F'\t' 'NR == FNR { t[\$2 FS \$3] = \$4; next }
	    { n++; if (\$4 == \"?\") q++; else if (\$4 + 0 != t[\$2 FS \$3] + 0) w++ }
	    END { print n, q + 0, w + 0 }' \
	    '$DATA/pandoc-t3-spans-solved.truth.tsv' -"
	assert_output "175 0 0"
}

@test "pandoc: a t3 row read by position that no reading of the identities keeps is unread, not wrong" {
	# pandoc (cut down) printed row 4's 1 under 自然人 though it is a
	# commercial firm's: 1 + 2 = 3.7 + 4 says natural 76 + 0 = 76 + 0.
	# With 3.7 unread nothing checked it: natural 1 was written.  No
	# reading of the table keeps the identities with row 4 as placed,
	# so the rows placed by position with blanks are read in order
	# too; none is written wrong (their cells that the readings do not
	# agree on are unread).
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pandoc-t3-row-off-title.txt' | cut -f 2-5 |
	    awk -F'\t' 'NR == FNR { t[\$2 FS \$3] = \$4; next }
	    \$4 != \"?\" && \$4 + 0 != t[\$2 FS \$3] + 0 { w++ }
	    END { print w + 0 }' \
	    '$DATA/pandoc-t3-row-off-title.truth.tsv' -"
	assert_output "0"
}

@test "lynx: a t2 row of zeros short of its columns is zeros, wherever they stood" {
	# `行政规范性文件 0件` under three titles, lynx printing blanks as
	# nothing: which column the 0 is in is unknown, but every cell of
	# the row counts 0 (was unread).
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/lynx-t2-zero-short.txt' | grep '20.1.normative' |
	    cut -f 5 | tr '\n' ' '"
	assert_output "0 0 0 "
}

@test "html2text: a t2 row of zeros whose label may hold a number is not taken for zeros" {
	# html2text (cut down) cuts cells by byte: `|行政事业|___14___|___0___|`
	# reads as one value, 0, for two columns; 14 went with the label.
	# Rows of zeros are 0 in every cell only where the reader knows all
	# of a row's values (lynx's joined rows, spans): here unread.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/html2text-t2-number-by-label.txt' | grep 20.8.fee |
	    cut -f 5 | tr '\n' ' '"
	assert_output "? ? "
}

@test "pdftotext -layout: t3 rows with blanks that drift off their titles are read by the table's identities" {
	# Each row's numbers drift with its label (16 under 自然人 in row 1,
	# 1 five columns further left in row 3.5.1), so position places
	# none of rows 1, 3.1, 3.5.1 and 3.5.2.  Of the readings that keep
	# their numbers in order, the total last, only one makes every
	# column add up (3.7 = the rows 3.x, 1 + 2 = 3.7 + 4): read so.
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$DATA/pdftotext-t3-blanks-by-identities.txt' | cut -f 3-5 |
	    grep -E '^(1|3\.1|3\.5\.1)	' | cut -f 3 | tr '\n' ' '"
	assert_output "16     0 16 14      14 1      1 "
	[[ $stderr == *"t3 row 3.5.1: its 2 numbers read by the table's identities"* ]]
}

@test "pdftotext -layout: a t2 row's number printed over its label, below a full row, is its own" {
	# Chromium centres each cell of a row in its height: the 0 of
	# 行政规范性文件's one-line cell beside cells of three lines prints on
	# the line above the label's, under 规章's full row.  It is the next
	# row's: it goes in among that row's numbers by position.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-value-over-next-label.txt' | cut -f 3-5 |
	    tr '\t\n' '  '"
	assert_output "20.1.rules issued 0 20.1.rules repealed 0 20.1.rules valid 0 20.1.normative issued 0 20.1.normative repealed 0 20.1.normative valid 229 "
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a t2 value under the second half of its CJK title is under it" {
	# pdftotext sets each word at the text column of its place, one
	# column a character, but a CJK glyph takes two columns' width on
	# the page: 0 stands under the end of 上一年项目数量, seven characters
	# that fill fourteen columns, past its seventh.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-value-under-title-end.txt' | cut -f 3-5 |
	    tr '\t\n' '  '"
	assert_output "20.8.fee prev 0 20.8.fee delta  "
	assert_equal "$stderr" ""
}

@test "pdftotext -layout: a t2 caption wrapped inside its item is no column title" {
	# 第二十条第( / 一)项 over the header: the caption's rest is not a
	# title of the block (it made the header four columns, none placed).
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-t2-caption-cut-in-item.txt' | cut -f 3-5 |
	    tr '\t\n' '  '"
	assert_output "20.1.rules issued 0 20.1.rules repealed  20.1.rules valid 0 20.1.normative issued 1 20.1.normative repealed 1 20.1.normative valid 1 "
	assert_equal "$stderr" ""
}
