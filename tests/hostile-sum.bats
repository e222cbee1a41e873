#!/usr/bin/env bats
# Hostile input for gip-sum, which reads cells TSV with the same reader as
# gip-check (src/cells.c).  Written before gip-sum landed on this branch;
# kept apart from hostile.bats so that it runs once the program is merged.

load helper
bats_require_minimum_version 1.5.0

SAMPLE=$SAMPLES/000_123c809bf521ceaa.txt

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "gip-sum: a cells line of 4 fields is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt3\t1\t1\n' >four.tsv
	run -2 --separate-stderr gip-sum four.tsv
	[ "$stderr" = 'gip-sum: four.tsv:2: 4 fields, want 5 or 6' ]
}

@test "gip-sum: a cells line of 7 fields is named by line" {
	printf 'a\tt3\t1\tnatural\t1\t2\tx\n' >seven.tsv
	run -2 --separate-stderr gip-sum seven.tsv
	[ "$stderr" = 'gip-sum: seven.tsv:1: 7 fields, want 5 or 6' ]
}

@test "gip-sum: an unknown table key is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt5\t1\tnatural\t1\n' >t5.tsv
	run -2 --separate-stderr gip-sum t5.tsv
	[ "$stderr" = "gip-sum: t5.tsv:2: unknown table 't5'" ]
}

@test "gip-sum: a NUL byte in a cells line is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt3\t1\tot\0her\t1\n' >nul.tsv
	run -2 --separate-stderr gip-sum nul.tsv
	[ "$stderr" = 'gip-sum: nul.tsv:2: NUL byte in line' ]
}

@test "gip-sum: an ELF binary stops at its first line" {
	cp /bin/true true.bin
	run -2 --separate-stderr gip-sum true.bin
	[ "$stderr" = 'gip-sum: true.bin:1: NUL byte in line' ]
}

@test "gip-sum: a 30-digit value is out of range, named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt3\t1\tlegal\t%s\n' \
	    123456789012345678901234567890 >big.tsv
	run -2 --separate-stderr gip-sum big.tsv
	[ "$stderr" = "gip-sum: big.tsv:2: value '123456789012345678901234567890' out of range" ]
}

@test "gip-sum: 1,234 and full-width digits in cells are not numbers" {
	printf 'a\tt3\t1\tnatural\t1,234\n' >comma.tsv
	run -2 --separate-stderr gip-sum comma.tsv
	[ "$stderr" = "gip-sum: comma.tsv:1: value '1,234' is not a number" ]
	printf 'a\tt3\t1\tnatural\t１２３\n' >wide.tsv
	run -2 --separate-stderr gip-sum wide.tsv
	[ "$stderr" = "gip-sum: wide.tsv:1: value '１２３' is not a number" ]
}

@test "gip-sum: a header line in the middle is skipped like the first" {
	gip-tables "$SAMPLE" >plain.tsv
	{ head -40 plain.tsv; printf 'source\ttable\trow\tcol\tvalue\n'
	    tail -n +41 plain.tsv; } >middle.tsv
	gip-sum plain.tsv >want
	run -0 --separate-stderr gip-sum middle.tsv
	[ "$stderr" = '' ]
	assert_output "$(cat want)"
	[ -s want ]
}

@test "gip-sum: a missing file is trouble named by file" {
	run -2 --separate-stderr gip-sum missing.tsv
	[ "$stderr" = 'gip-sum: missing.tsv: No such file or directory' ]
}

@test "gip-sum: a directory is a directory" {
	mkdir dir
	run -2 --separate-stderr gip-sum dir
	[ "$stderr" = 'gip-sum: dir: is a directory' ]
}

@test "gip-sum: a read error is trouble named by file" {
	run -2 --separate-stderr gip-sum /proc/self/mem
	[ "$stderr" = 'gip-sum: /proc/self/mem: Input/output error' ]
}

@test "gip-sum: a full disk is a write error, status 2" {
	gip-tables "$SAMPLE" >cells.tsv
	run -2 --separate-stderr sh -c 'gip-sum cells.tsv >/dev/full'
	[ "$stderr" = 'gip-sum: write error: No space left on device' ]
}

@test "gip-sum, gip-check: CRLF cells read like LF, lines across read blocks too" {
	gip-tables "$SAMPLES"/*.txt >one.tsv
	# ten copies under other sources: 670 KB in CRLF, ten 64 KiB reads,
	# each ending inside a line
	for i in 1 2 3 4 5 6 7 8 9 10; do sed "s/^/$i-/" one.tsv; done >lf.tsv
	sed 's/$/\r/' lf.tsv >crlf.tsv
	[ "$(wc -c <crlf.tsv)" -gt 600000 ]
	gip-sum -g source lf.tsv >sum.lf
	gip-sum -g source crlf.tsv >sum.crlf
	[ "$(wc -l <sum.lf)" -gt 1000 ]
	cmp sum.lf sum.crlf
	gip-check lf.tsv >check.lf
	gip-check crlf.tsv >check.crlf
	cmp check.lf check.crlf
}

@test "gip-sum: a report, gip-sections output or findings given as cells say so" {
	run -2 --separate-stderr gip-sum "$SAMPLE"
	[ "$stderr" = "gip-sum: $SAMPLE:1: 1 field, want 5 or 6 (not cells: a report? run gip-tables on it first)" ]
	gip-sections "$SAMPLE" >sections.tsv
	run -2 --separate-stderr gip-sum sections.tsv
	[ "$stderr" = "gip-sum: sections.tsv:1: unknown table '0' (gip-sections output, not cells: gip-tables writes cells)" ]
	gip-tables "$SAMPLE" | gip-check -r blanks >findings.tsv || true
	run -2 --separate-stderr gip-sum findings.tsv
	[ "$stderr" = "gip-sum: findings.tsv:1: 8 fields, want 5 or 6 (gip-check findings, not cells)" ]
}
