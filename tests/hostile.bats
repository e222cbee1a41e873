#!/usr/bin/env bats
# Hostile input: every program on input no report should be, each case
# asserting the status and the message (file, and line where one applies).
# Big inputs are made here, in $BATS_TEST_TMPDIR, and run bounded in time
# and (except under ASan, which reserves terabytes of address space) in
# memory.

load helper
bats_require_minimum_version 1.5.0

MINIMAL=$DATA/report-minimal.txt
SAMPLE=$SAMPLES/000_123c809bf521ceaa.txt
T3ROW1='一、本年新收政府信息公开申请数量'

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Run a program with at most 20 s and about 200 MB of address space.
bounded() {
	if ! grep -q -a __asan_init "$(command -v "$1")"; then
		ulimit -v 200000
	fi
	timeout 20 "$@"
}

# The minimal report with the t3 row 本年新收 given these cells.
with_row1() {
	sed "s/^$T3ROW1.*/$T3ROW1\t\t$1/" "$MINIMAL" >"$2"
}

# The row 本年新收 as gip-tables prints it for file $1 (seven values).
row1_cells() {
	local f=$1 c
	shift
	for c in natural commercial research social legal other total; do
		printf '%s\tt3\t1\t%s\t%s\n' "$f" "$c" "$1"
		shift
	done
}

@test "gip-sections: an empty file is trouble named by file" {
	: >empty.txt
	run -2 --separate-stderr gip-sections empty.txt
	assert_output ''
	[ "$stderr" = 'gip-sections: empty.txt: empty file' ]
}

@test "gip-tables: an empty file is trouble named by file" {
	: >empty.txt
	run -2 --separate-stderr gip-tables empty.txt
	assert_output ''
	[ "$stderr" = 'gip-tables: empty.txt: empty file' ]
}

@test "gip-check: an empty cells file holds no report and no trouble" {
	: >empty.tsv
	run -0 --separate-stderr gip-check empty.tsv
	assert_output ''
	[ "$stderr" = '' ]
}

@test "gip-sections: a file of white space has no heading" {
	printf '  \n\t\n\n \r\n' >space.txt
	run -2 --separate-stderr gip-sections space.txt
	assert_output ''
	[ "$stderr" = 'gip-sections: space.txt: no section heading found' ]
}

@test "gip-tables: a file of white space has no table" {
	printf '  \n\t\n\n \r\n' >space.txt
	run -2 --separate-stderr gip-tables space.txt
	assert_output ''
	[ "$stderr" = 'gip-tables: space.txt: no table found' ]
}

@test "gip-check: a line of white space is not a cell, named by line" {
	printf '  \n' >space.tsv
	run -2 --separate-stderr gip-check space.tsv
	assert_output ''
	[ "$stderr" = 'gip-check: space.tsv:1: 1 field, want 5 or 6 (not cells: a report? run gip-tables on it first)' ]
}

@test "gip-sections: an ELF binary is refused as not a report" {
	cp /bin/true true.bin
	run -2 --separate-stderr gip-sections true.bin
	assert_output ''
	[ "$stderr" = 'gip-sections: true.bin: binary file, not a report' ]
}

@test "gip-tables: an ELF binary is refused as not a report" {
	cp /bin/true true.bin
	run -2 --separate-stderr gip-tables true.bin
	assert_output ''
	[ "$stderr" = 'gip-tables: true.bin: binary file, not a report' ]
}

@test "gip-check: an ELF binary stops at its first line" {
	cp /bin/true true.bin
	run -2 --separate-stderr gip-check true.bin
	assert_output ''
	[ "$stderr" = 'gip-check: true.bin:1: NUL byte in line' ]
}

@test "gip-tables: NUL bytes in a text make it binary" {
	{ head -5 "$MINIMAL"; printf 'a\0b\n'; tail -n +6 "$MINIMAL"; } >nul.txt
	run -2 --separate-stderr gip-tables nul.txt
	assert_output ''
	[ "$stderr" = 'gip-tables: nul.txt: binary file, not a report' ]
}

@test "gip-sections: control bytes in the first 4 KiB make a text binary" {
	{ head -5 "$MINIMAL"; printf '\001\002\003\004\005\006\007\010%.0s' $(seq 600)
	    printf '\n'; tail -n +6 "$MINIMAL"; } >ctl.txt
	run -2 --separate-stderr gip-sections ctl.txt
	assert_output ''
	[ "$stderr" = 'gip-sections: ctl.txt: binary file, not a report' ]
}

@test "gip-sections: TAB, VT, FF, CR and ESC do not make a text binary" {
	{ head -5 "$MINIMAL"; printf '\t\v\f\r\033 %.0s' $(seq 800)
	    printf '\n'; tail -n +6 "$MINIMAL"; } >space.txt
	run --separate-stderr gip-sections space.txt
	[ "$status" -eq 0 ]
	[[ "$stderr" != *binary* ]]
}

@test "gip-check: a NUL byte in a cells line is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt3\t1\tot\0her\t1\n' >nul.tsv
	run -2 --separate-stderr gip-check nul.tsv
	assert_output ''
	[ "$stderr" = 'gip-check: nul.tsv:2: NUL byte in line' ]
}

@test "gip-sections: invalid UTF-8 is a warning naming the line, with output" {
	{ head -7 "$MINIMAL"; printf '好\377\376坏\n'; tail -n +8 "$MINIMAL"; } \
	    >bad.txt
	run -0 --separate-stderr gip-sections bad.txt
	[ "$stderr" = 'gip-sections: bad.txt:8: 2 undecodable bytes (as UTF-8) replaced by U+FFFD' ]
	[ "${#lines[@]}" = 7 ]
	assert_line "$(printf 'bad.txt\t3\t三、收到和处理政府信息公开申请情况\t12\t16')"
}

@test "gip-sections: UTF-16 cut to an odd byte count warns at its last line" {
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$SAMPLE"; printf A; } \
	    >odd.txt
	gip-sections "$SAMPLE" | cut -f 2- >want
	run -0 --separate-stderr gip-sections odd.txt
	[ "$stderr" = 'gip-sections: odd.txt:414: 1 undecodable byte (as UTF-16LE) replaced by U+FFFD' ]
	[ "$(printf '%s\n' "$output" | cut -f 2-)" = "$(cat want)" ]
}

@test "gip-tables: a GB18030 report gives the cells of its UTF-8 original" {
	iconv -f UTF-8 -t GB18030 "$SAMPLE" >gb.txt
	cp "$SAMPLE" utf8.txt
	gip-tables utf8.txt | cut -f 2- >want
	run -0 --separate-stderr gip-tables gb.txt
	[ "$stderr" = '' ]
	[ "$(printf '%s\n' "$output" | cut -f 2-)" = "$(cat want)" ]
	[ "${#lines[@]}" -gt 100 ]
}

@test "gip-sections: LF, CRLF and CR mixed in one file end lines alike" {
	awk 'BEGIN { ORS = ""; e[0] = "\r\n"; e[1] = "\n"; e[2] = "\r" }
	    { print $0 e[NR % 3] }' "$SAMPLE" >mixed.txt
	gip-sections "$SAMPLE" | cut -f 2- >want
	run -0 --separate-stderr gip-sections mixed.txt
	[ "$stderr" = '' ]
	[ "$(printf '%s\n' "$output" | cut -f 2-)" = "$(cat want)" ]
}

@test "gip-tables: a 50 MB single line is refused by its size" {
	head -c 50000000 /dev/zero | tr '\0' a >line.txt
	run -2 --separate-stderr bounded gip-tables line.txt
	assert_output ''
	[ "$stderr" = 'gip-tables: line.txt: larger than 16 MiB, not read' ]
}

@test "gip-sections: a 50 MB single line on stdin is refused by its size" {
	head -c 50000000 /dev/zero | tr '\0' a >line.txt
	run -2 --separate-stderr bounded gip-sections <line.txt
	assert_output ''
	[ "$stderr" = 'gip-sections: -: larger than 16 MiB, not read' ]
}

@test "gip-tables: a 15 MB report without a line end is read, bounded" {
	head -c 15000000 /dev/zero | tr '\0' a >line.txt
	run -2 --separate-stderr bounded gip-tables line.txt
	assert_output ''
	[ "$stderr" = 'gip-tables: line.txt: no table found' ]
}

@test "gip-sections: 100,000 headings give each section once" {
	awk 'BEGIN { split("一、总体情况 二、主动公开政府信息情况 " \
	    "三、收到和处理政府信息公开申请情况 " \
	    "四、政府信息公开行政复议、行政诉讼情况 " \
	    "五、存在的主要问题及改进情况 六、其他需要报告的事项", h, " ")
	    for (i = 0; i < 100000; i++) print h[i % 6 + 1] }' >heads.txt
	run -0 --separate-stderr bounded gip-sections heads.txt
	[ "$stderr" = '' ]
	assert_output "$(printf '%s\n' \
	    'heads.txt	1	一、总体情况	1	1' \
	    'heads.txt	2	二、主动公开政府信息情况	2	2' \
	    'heads.txt	3	三、收到和处理政府信息公开申请情况	3	3' \
	    'heads.txt	4	四、政府信息公开行政复议、行政诉讼情况	4	4' \
	    'heads.txt	5	五、存在的主要问题及改进情况	5	5' \
	    'heads.txt	6	六、其他需要报告的事项	6	100000')"
}

@test "gip-tables: 300,000 table rows are read bounded, the cut warned" {
	awk 'BEGIN { for (i = 0; i < 300000; i++)
	    print "本年新收\t1\t2\t3\t4\t5\t6\t21" }' >rows.txt
	run -0 --separate-stderr bounded gip-tables -t t3 rows.txt
	[ "$stderr" = 'gip-tables: rows.txt:2000: t3: only the first 2000 rows read' ]
	[ "$(printf '%s\n' "$output" | cut -f 1-5)" = \
	    "$(row1_cells rows.txt 1 2 3 4 5 6 21)" ]
}

@test "gip-tables: a 30-digit count is passed on as written" {
	with_row1 '123456789012345678901234567890\t0\t0\t0\t0\t0\t1' n.txt
	run -0 --separate-stderr gip-tables -t t3 n.txt
	[ "$stderr" = '' ]
	assert_line --partial \
	    "$(printf 'n.txt\tt3\t1\tnatural\t123456789012345678901234567890\t')"
}

@test "gip-check: a 30-digit value is out of range, named by line" {
	printf 'n.txt\tt3\t1\tnatural\t1\nn.txt\tt3\t1\tlegal\t%s\n' \
	    123456789012345678901234567890 >big.tsv
	run -2 --separate-stderr gip-check big.tsv
	assert_output ''
	[ "$stderr" = "gip-check: big.tsv:2: value '123456789012345678901234567890' out of range" ]
}

@test "a negative count is extracted and is a negative error" {
	with_row1 '-1\t0\t0\t0\t0\t0\t-1' n.txt
	gip-tables -t t3 n.txt >cells.tsv
	assert_equal "$(grep -c "	1	natural	-1	" cells.tsv)" 1
	run -1 --separate-stderr gip-check -r negative cells.tsv
	output=$(cut -f1-7 <<<"$output")
	assert_output "$(printf '%s\n' \
	    'n.txt	negative	error	t3:1:natural	>=0	-1	negative count' \
	    'n.txt	negative	error	t3:1:total	>=0	-1	negative count')"
}

@test "a fractional count is extracted and is not a whole number" {
	with_row1 '1.5\t0\t0\t0\t0\t0\t1.5' n.txt
	gip-tables -t t3 n.txt >cells.tsv
	run -1 --separate-stderr gip-check -r negative cells.tsv
	output=$(cut -f1-7 <<<"$output")
	assert_output "$(printf '%s\n' \
	    'n.txt	negative	error	t3:1:natural	>=0	1.5	count not a whole number' \
	    'n.txt	negative	error	t3:1:total	>=0	1.5	count not a whole number')"
}

@test "gip-tables: 1,234 with a thousands comma is 1234" {
	with_row1 '1,234\t0\t0\t0\t0\t0\t1,234' n.txt
	run -0 --separate-stderr gip-tables -t t3 n.txt
	[ "$stderr" = '' ]
	[ "$(printf '%s\n' "$output" | head -7 | cut -f 1-5)" = \
	    "$(row1_cells n.txt 1234 0 0 0 0 0 1234)" ]
}

@test "gip-tables: full-width digits １２３ are 123" {
	with_row1 '１２３\t0\t0\t0\t0\t0\t１２３' n.txt
	run -0 --separate-stderr gip-tables -t t3 n.txt
	[ "$stderr" = '' ]
	[ "$(printf '%s\n' "$output" | head -7 | cut -f 1-5)" = \
	    "$(row1_cells n.txt 123 0 0 0 0 0 123)" ]
}

@test "gip-tables: a row with twice the columns is warned, not placed" {
	with_row1 '1\t0\t0\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\t1' n.txt
	run -0 --separate-stderr gip-tables -t t3 n.txt
	[ "$stderr" = 'gip-tables: n.txt:12: t3 row 1: 15 values for 7 columns, not placed, written as ?' ]
	[ "$(printf '%s\n' "$output" | head -7 | cut -f 1-5)" = \
	    "$(row1_cells n.txt '?' '?' '?' '?' '?' '?' '?')" ]
	assert_line --partial "$(printf 'n.txt\tt3\t2\ttotal\t0\t')"
}

@test "gip-tables: a report that is only tables gives their cells" {
	grep "$(printf '\t')" "$MINIMAL" >tables.txt
	run -0 --separate-stderr gip-tables -t t3 tables.txt
	[ "$stderr" = '' ]
	[ "$(printf '%s\n' "$output" | head -7 | cut -f 1-5)" = \
	    "$(row1_cells tables.txt 1 0 0 0 0 0 1)" ]
	[ "${#lines[@]}" = 28 ]
}

@test "gip-check: a cells line of 4 fields is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt3\t1\t1\n' >four.tsv
	run -2 --separate-stderr gip-check four.tsv
	[ "$stderr" = 'gip-check: four.tsv:2: 4 fields, want 5 or 6' ]
}

@test "gip-check: a cells line of 7 fields is named by line" {
	printf 'a\tt3\t1\tnatural\t1\t2\tx\n' >seven.tsv
	run -2 --separate-stderr gip-check seven.tsv
	[ "$stderr" = 'gip-check: seven.tsv:1: 7 fields, want 5 or 6' ]
}

@test "gip-check: an unknown table key is named by line" {
	printf 'a\tt3\t1\tnatural\t1\na\tt5\t1\tnatural\t1\n' >t5.tsv
	run -2 --separate-stderr gip-check t5.tsv
	[ "$stderr" = "gip-check: t5.tsv:2: unknown table 't5'" ]
}

@test "gip-check: a header line in the middle is skipped like the first" {
	gip-tables "$SAMPLE" >plain.tsv
	{ head -40 plain.tsv; printf 'source\ttable\trow\tcol\tvalue\n'
	    tail -n +41 plain.tsv; } >middle.tsv
	gip-check plain.tsv >want || true
	run --separate-stderr gip-check middle.tsv
	[ "$status" = "$(gip-check plain.tsv >/dev/null; echo $?)" ]
	[ "$stderr" = '' ]
	assert_output "$(cat want)"
}

@test "gip-tables: a file its user may not read is trouble named by file" {
	cp "$MINIMAL" secret.txt
	chmod 000 secret.txt
	chmod 755 .
	# root reads any file: run as nobody, from here (a relative name
	# needs no search permission on the directories above).
	if [ "$(id -u)" = 0 ]; then
		run -2 --separate-stderr setpriv --reuid=65534 --regid=65534 \
		    --clear-groups gip-tables secret.txt
	else
		run -2 --separate-stderr gip-tables secret.txt
	fi
	assert_output ''
	[ "$stderr" = 'gip-tables: secret.txt: Permission denied' ]
}

@test "gip-tables: a read error (even as root) is trouble named by file" {
	run -2 --separate-stderr gip-tables /proc/self/mem
	assert_output ''
	[ "$stderr" = 'gip-tables: /proc/self/mem: Input/output error' ]
}

@test "gip-check: a read error (even as root) is trouble named by file" {
	run -2 --separate-stderr gip-check /proc/self/mem
	assert_output ''
	[ "$stderr" = 'gip-check: /proc/self/mem: Input/output error' ]
}

@test "every program says a directory is a directory" {
	mkdir dir
	run -2 --separate-stderr gip-sections dir
	[ "$stderr" = 'gip-sections: dir: is a directory' ]
	run -2 --separate-stderr gip-tables dir
	[ "$stderr" = 'gip-tables: dir: is a directory' ]
	run -2 --separate-stderr gip-check dir
	[ "$stderr" = 'gip-check: dir: is a directory' ]
}

@test "gip-sections: a missing file is trouble, the next file is read" {
	cp "$MINIMAL" here.txt
	run -2 --separate-stderr gip-sections missing.txt here.txt
	[ "$stderr" = 'gip-sections: missing.txt: No such file or directory' ]
	[ "${#lines[@]}" = 7 ]
}

@test "gip-check: a missing file is trouble named by file" {
	run -2 --separate-stderr gip-check missing.tsv
	[ "$stderr" = 'gip-check: missing.tsv: No such file or directory' ]
}

@test "every program says a full disk is a write error, status 2" {
	run -2 --separate-stderr sh -c "gip-sections -b '$SAMPLE' >/dev/full"
	[ "$stderr" = 'gip-sections: write error: No space left on device' ]
	run -2 --separate-stderr sh -c "gip-tables '$SAMPLE' >/dev/full"
	[ "$stderr" = 'gip-tables: write error: No space left on device' ]
	run -2 --separate-stderr sh -c \
	    "gip-check '$DATA/check-row-total-wrong.tsv' >/dev/full"
	[ "$stderr" = 'gip-check: write error: No space left on device' ]
}

@test "gip-check -p: a full disk is a write error though stderr is buffered" {
	run -2 --separate-stderr sh -c \
	    "gip-check -p '$DATA/check-sound-2019.tsv' >/dev/full"
	[ "$stderr" = 'gip-check: write error: No space left on device' ]
}

@test "a closed output pipe ends every program without a word" {
	local i files=()
	for i in $(seq 300); do
		files+=("$SAMPLE")
	done
	gip-tables "${files[@]}" 2>/dev/null | head -3000 >cells.tsv
	run --separate-stderr sh -c 'gip-sections -b "$@" | head -1' sh \
	    "${files[@]}"
	[ "$stderr" = '' ]
	run --separate-stderr sh -c 'gip-tables "$@" | head -1' sh \
	    "${files[@]}"
	[ "$stderr" = '' ]
	for i in $(seq 30); do cat cells.tsv; done >many.tsv
	run --separate-stderr sh -c 'gip-check -p many.tsv | head -1'
	[ "$stderr" = '' ]
}

@test "gip-tables: a report just under 16 MiB is read bounded" {
	local i
	for i in $(seq 2100); do cat "$SAMPLE"; done | head -c 16000000 >big.txt
	run -0 --separate-stderr bounded gip-tables big.txt
	[ "$stderr" = 'gip-tables: big.txt:833017: 1 undecodable byte (as UTF-8) replaced by U+FFFD' ]
	# The copies are read as the reports they are, each whole.
	[ "$(printf '%s\n' "${lines[@]}" | cut -f 1 | uniq -c |
	    awk '$1 != 204 || $2 !~ /^big\.txt#[0-9]+$/' | wc -l)" = 0 ]
	[ "${#lines[@]}" = $((2017 * 204)) ]
}
