#!/usr/bin/env bats
# Inputs the fuzz targets found crashing or timing out (tests/fuzz/README.md), run through
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

@test "a print whose t3 rows have many readings that hold is read in well under a second" {
	# The tables fuzz target timed out in CI (2026-12-05, libFuzzer's
	# 10 s): this mutated print has seven t3 rows left unread, 10 to 15
	# readings each, and t3fill.c tried every combination, 2 M of them
	# formatted and parsed as text: 3.4 s in a release build.  It now
	# asks, for each reading of a row, whether any reading of the table
	# with it holds (544 steps), which gives the same cells.
	run -0 --separate-stderr timeout 2 gip-tables -t t3 t3fill-search-slow.txt
	[ "$(printf '%s\n' "$output" | grep -cP '\t3\.7\ttotal\t827\t')" = 1 ]
	[[ $stderr == *"t3 row 3.7: its 6 numbers read by the table's identities"* ]]
}

@test "a cell joined to by thousands of wrapped lines is read in linear time" {
	# Found by timing mutants of the fuzz seeds (2026-12-05): every
	# line joined to a cell cleaned and stored the cell's whole text
	# again (grid.c grid_append_text), so 24,000 short lines under one
	# cell took about 10 s in a release build.  A cell is joined to
	# until it holds 2 KiB (a label reads no more).  The 8 KB input is
	# fuzz/regress/doctext/'s; here its wrapped lines are many more.
	{ head -n 5 grid-cell-joined-lines.txt
	  yes 'a b' | head -n 24000
	  sed -n '6,$p' grid-cell-joined-lines.txt | grep -vx 'a'
	} >"$BATS_TEST_TMPDIR/joined.txt"
	run -0 --separate-stderr timeout 5 gip-tables "$BATS_TEST_TMPDIR/joined.txt"
	[[ $output == *$'\tt2\t20.1.rules\tmade\t?\t'* ]]
}

@test "a line of thousands of grid corners is read in linear time" {
	# Found by timing mutants (2026-12-05): gridframe.c took each +
	# followed by a rule for a grid's corner and walked its line, and
	# the lines above and below, from their start to its column: 32,000
	# corners on a line (128 KB) took 8 s in a release build.  The walks
	# go on from where the last one on the line stopped.
	awk 'BEGIN { n = 32000
		for (i = 0; i < 2 * n; i++) printf "x"; print ""
		for (i = 0; i < n; i++) printf " +-+"; print ""
		for (i = 0; i < n; i++) printf "|a|"; print ""
		for (i = 0; i < n; i++) printf " +-+"; print "" }' \
	    >"$BATS_TEST_TMPDIR/corners.txt"
	run -2 --separate-stderr timeout 5 gip-tables "$BATS_TEST_TMPDIR/corners.txt"
	[ "$output" = '' ]
	[[ $stderr == *'no table found'* ]]
}

@test "the inputs that once took long run through the doctext fuzz target" {
	# fuzz/regress/doctext/ (read first by every fuzz run): t3guard.c's
	# readings, lrow.c's keys of many words, gridframe.c's corners,
	# grid.c's joined cell; each 40-120 ms before, under 5 ms now.
	for f in "$TOP"/fuzz/regress/doctext/*; do
		run timeout 5 gip-tables "$f"
		[ "$status" -le 2 ]
	done
	[ -x "$TOP/fuzz/bin/doctext" ] ||
	    skip "no $TOP/fuzz/bin/doctext (built by make fuzz)"
	run -0 timeout 60 "$TOP/fuzz/bin/doctext" "$TOP"/fuzz/regress/doctext/*
}

@test "a line matched to a template label near the label's end reads nothing past it" {
	# The tables and doctext fuzz targets found it at once (2026-12-05,
	# a mutated pdftotext print): readorder.c same_but_parens compared
	# three bytes of the label for a full-width parenthesis where fewer
	# were left (ASan: a read past a global).  make check-asan runs it
	# under the sanitizers; the tables target replays it when make fuzz
	# built it.
	run -0 --separate-stderr gip-tables readorder-label-end.txt
	[[ $output == *$'\tt3\t3.3.3\tnatural\t?\t'* ]]
	[ -x "$TOP/fuzz/bin/tables" ] ||
	    skip "no $TOP/fuzz/bin/tables (built by make fuzz)"
	run -0 "$TOP/fuzz/bin/tables" "$TOP"/fuzz/regress/tables/*
}
