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
	run -0 --separate-stderr gip-tables -t meta \
	    "$SAMPLES/004_d40ac86c24e87fe8.txt"
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
	    grep amount | cut -f 2-"
	assert_output "$(printf 't2\t20.9.procure\tamount\t2700
t2\t20.9.procure\tamount\t97541')"
}

@test "a short row is placed only where its identity fixes the cells" {
	run -0 --separate-stderr sh -c \
	    "gip-tables -t t3 '$DATA/t3-short-row.txt' | grep -P '\t3\.1\t' |
	    cut -f 3-"
	assert_output "$(printf '3.1\tresearch\t0
3.1\tsocial\t0
3.1\tlegal\t0
3.1\tother\t0
3.1\ttotal\t5')"
	assert_equal "$stderr" "gip-tables: $DATA/t3-short-row.txt:55: t3 row 3.1: 6 values for 7 columns, 2 cells left out"
}

@test "a short row of zeros is placed: every placement gives the same cells" {
	run -0 --separate-stderr sh -c "gip-tables -t t3 \
	    '$SAMPLES/002_13db19b5b2c6c511.txt' | grep -P '\t3\.3\.1\t' |
	    cut -f 4-"
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
	assert_line --index 0 $'source\ttable\trow\tcol\tvalue'
	assert_equal "${#lines[@]}" 16
}

@test "-t rejects an unknown table" {
	run -2 --separate-stderr gip-tables -t t9 "$DATA/no-tables.txt"
	assert_equal "$stderr" \
	    "gip-tables: unknown table 't9' (meta, t2, t3, t4, prose)"
}

@test "standard input is read as -, with no argument or with -" {
	gip-tables "$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2- >want
	gip-tables <"$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2- >got1
	gip-tables - <"$SAMPLES/004_d40ac86c24e87fe8.txt" | cut -f 2- >got2
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
	gip-tables "$s" | cut -f 2- >want
	iconv -f UTF-8 -t GB18030 "$s" >gb.txt
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$s"; } >le.txt
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$s"; } >be.txt
	sed 's/$/\r/' "$s" >crlf.txt
	for f in gb le be crlf; do
		gip-tables $f.txt | cut -f 2- >got
		run cmp want got
		assert_success
	done
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
	run -0 --separate-stderr gip-tables -t prose \
	    "$SAMPLES/000_123c809bf521ceaa.txt"
	s=$SAMPLES/000_123c809bf521ceaa.txt
	assert_output "$(printf '%s\tprose\treceived\t-\t2
%s\tprose\tclosed\t-\t2' "$s" "$s")"
}

@test "a missing file is an error naming it; the status is 2" {
	run -2 --separate-stderr gip-tables nosuch.txt
	assert_equal "$stderr" \
	    "gip-tables: nosuch.txt: No such file or directory"
}

@test "--help and --version print to standard output" {
	run -0 gip-tables --help
	assert_output "usage: gip-tables [-Hq] [-t tables] [file ...]"
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
	    cut -f 3-"
	assert_output "$(printf '3.3.1\tnatural\t\n3.3.1\tcommercial\t
3.3.1\tresearch\t\n3.3.1\tsocial\t\n3.3.1\tlegal\t0\n3.3.1\tother\t0
3.3.1\ttotal\t0\n3.3.2\tnatural\t0\n3.3.2\tcommercial\t
3.3.2\tresearch\t\n3.3.2\tsocial\t\n3.3.2\tlegal\t\n3.3.2\tother\t
3.3.2\ttotal\t0')"
}

# Renderings of published pages: every t2/t3 cell of a trimmed rendering.
render_cells() {
	gip-tables -q "$DATA/render-$1.txt" | cut -f 2- |
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

@test "pdftotext -layout: a t2 row with a number in every column is placed in order" {
	# The real 淮安市 2024 report: numbers are not under their header words.
	run -0 --separate-stderr sh -c "gip-tables -t t2 \
	    '$DATA/pdftotext-layout-t2.txt' | cut -f 2- | head -6"
	assert_output "$(printf 't2\t20.1.rules\tissued\t1
t2\t20.1.rules\trepealed\t0\nt2\t20.1.rules\tvalid\t11
t2\t20.1.normative\tissued\t8\nt2\t20.1.normative\trepealed\t26
t2\t20.1.normative\tvalid\t66')"
	assert_equal "$stderr" ""
}
