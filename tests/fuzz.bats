#!/usr/bin/env bats
# Inputs the fuzz targets found crashing (tests/fuzz/README.md), run through
# the programs; under make check-asan the sanitizers watch them too.

load helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$DATA/fuzz"
}

@test "a caption line cut inside a character does not overrun its key" {
	# Its last line, "本年新收 1", names t3 row 1 with one number: the
	# number cannot be placed in seven columns, so its cells are unread.
	run -0 --separate-stderr gip-tables anchor-cut-character.txt
	[ "$stderr" = 'gip-tables: anchor-cut-character.txt:5: t3 row 1: 1 values for 7 columns, not placed, written as ?' ]
	[ "$(printf '%s\n' "${lines[@]}" | cut -f 1-5)" = "$(printf '%s\n' \
	    'anchor-cut-character.txt	meta	title	-	某县2020年政府信息公开工作年度报告' \
	    'anchor-cut-character.txt	meta	org	-	某县' \
	    'anchor-cut-character.txt	meta	year	-	2020'
	    for c in natural commercial research social legal other total; do
		printf 'anchor-cut-character.txt\tt3\t1\t%s\t?\n' $c
	    done)" ]
}

@test "a t2 label cut inside a character does not overrun its buffer" {
	run -0 --separate-stderr gip-tables -t t2,t4 \
	    tables-label-cut-character.txt
	[ "$stderr" = '' ]
	[ "${#lines[@]}" = 25 ]
	assert_line --partial "$(printf 'tables-label-cut-character.txt\tt2\t20.6.penalty\tdecisions\t1042\t')"
	assert_line --partial "$(printf 'tables-label-cut-character.txt\tt4\tsuit.after\ttotal\t2\t')"
}

@test "the report the decode target crashed on has meta and no table" {
	run -2 --separate-stderr gip-tables norm-cut-character.txt
	[ "$stderr" = 'gip-tables: norm-cut-character.txt: no table found' ]
	[ "$(printf '%s\n' "${lines[@]}" | cut -f 1-5)" = "$(printf '%s\n' \
	    'norm-cut-character.txt	meta	title	-	某某县2020年政府信息公开工作年度报告' \
	    'norm-cut-character.txt	meta	org	-	某某县' \
	    'norm-cut-character.txt	meta	year	-	2020')" ]
}

@test "an amount of 0元 does not trim zeros before its first digit" {
	run -0 --separate-stderr gip-tables -t t2 t2-amount-zero-yuan.txt
	[ "$stderr" = 'gip-tables: t2-amount-zero-yuan.txt:4: 2 undecodable bytes (as UTF-16LE) replaced by U+FFFD' ]
	[ "${#lines[@]}" = 9 ]
	assert_line --partial "$(printf 't2-amount-zero-yuan.txt\tt2\t20.8.fee\tamount\t0\t')"
}

@test "a number glued to the start of a word does not read before the word" {
	# The tables target found it: U+FFFD runs at a cell's start.
	# Row 3.3.2's label holds numbers html2text wrote over it, and the
	# next rows' glued on: nine for seven columns, unread.
	run -0 --separate-stderr gip-tables glued-number-at-word-start.txt
	[ "$stderr" = 'gip-tables: glued-number-at-word-start.txt:2: 64 undecodable bytes (as UTF-8) replaced by U+FFFD
gip-tables: glued-number-at-word-start.txt:5: t3 row 3.3.2: 9 values for 7 columns, not placed, written as ?' ]
	[ "${#lines[@]}" = 21 ]
}

@test "the text targets' dictionary holds the template's labels as they are" {
	# fuzz/labels.dict is made from src/core/tmpl.c by fuzz/dict.sh: a
	# template change without remaking it would fuzz with stale labels.
	need_cmd python3
	run -0 sh "$TOP/fuzz/dict.sh" "$BATS_TEST_TMPDIR/labels.dict"
	run -0 cmp "$BATS_TEST_TMPDIR/labels.dict" "$TOP/fuzz/labels.dict"
	# 本年新收 (t3 row 1's label) is among them, as \x escapes
	run -0 grep -c '^"\\xE6\\x9C\\xAC\\xE5\\xB9\\xB4\\xE6\\x96\\xB0\\xE6\\x94\\xB6' \
	    "$TOP/fuzz/labels.dict"
}

@test "the inputs that once crashed the pdf fuzz target run clean through it" {
	# pdftotext drops words off the page, so the programs cannot be
	# given these; make asan builds the target with a plain main().
	[ -x "$GIP_BIN/replay-pdf" ] ||
	    skip "no $GIP_BIN/replay-pdf (built by make asan; run make check-asan)"
	run -0 "$GIP_BIN/replay-pdf" "$BATS_TEST_DIRNAME"/../fuzz/regress/pdf/*
}

@test "mutated renderings that once crashed gip-tables are read or refused, never a crash" {
	# Found by mutating pandoc, html2text and Markdown renderings
	# (2026-12-05; the last one by the tables fuzz target in CI): a grid
	# row with no cells after an html2text caption
	# (h2tblock.c read its first cell), and a pandoc t3 whose first
	# column title was not found (dashcols.c took column -1).  Under
	# make check-asan these run through the sanitizers (the tables fuzz
	# target reads them from fuzz/regress/tables/).
	for f in dashcols-first-title-missing.txt \
	    h2tblock-row-without-cells.txt h2tblock-fuzz-crash.txt; do
		run gip-tables "$f"
		[ "$status" -le 2 ] || { echo "$f: status $status"; false; }
		[[ "$output" != *"Sanitizer"* && "$output" != *"runtime error"* ]]
	done
}

@test "a table whose first rows have no cells, in a grid that never held one, is read without undefined behaviour" {
	# The doctext fuzz target found it (2026-12-05): Word's HTML table
	# rows among text, mutated; two cell-less rows of a bordered table
	# gave grid_cells NULL + 0 (grid.c), which clang's UBSan reports
	# (gcc's does not, so the fuzz target itself replays the input when
	# make fuzz built it; fuzz/run.sh reads fuzz/regress/doctext/ first).
	run -2 --separate-stderr gip-tables grid-rows-without-cells.txt
	[ "$output" = '' ]
	[ "${stderr##*$'\n'}" = 'gip-tables: grid-rows-without-cells.txt: no table found' ]
	[ -x "$TOP/fuzz/bin/doctext" ] ||
	    skip "no $TOP/fuzz/bin/doctext (built by make fuzz)"
	run -0 "$TOP/fuzz/bin/doctext" "$TOP"/fuzz/regress/doctext/*
}
