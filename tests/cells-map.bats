#!/usr/bin/env bats
# The cells reader of gip-check and gip-sum: a regular file of 256 KiB or
# more is mapped and read where it lies, anything else (a smaller file, a
# pipe, a terminal, a memory stream) read in blocks; both must give the
# same records, messages and status.

load helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Every way of giving a file: named (mapped), stdin from the file (mapped),
# a pipe (read in blocks); stdout, stderr and status must agree.
same_all_ways() {
	local tool=$1 f=$2 a b c
	shift 2
	a=$("$tool" "$@" "$f" 2>&1; echo "rc=$?")
	b=$("$tool" "$@" <"$f" 2>&1; echo "rc=$?")
	c=$(cat "$f" | "$tool" "$@" 2>&1; echo "rc=$?")
	# stdin is named '-' in messages
	[ "$(printf '%s' "$a" | sed "s|$f|-|g")" = "$b" ]
	[ "$b" = "$c" ]
}

# Cells of the samples under several sources: lines short and long (past
# the 64 bytes the short-line scan takes), escapes, 1.4 MB in all.
make_cells() {
	gip-tables "$SAMPLES"/*.txt >one.tsv
	for i in $(seq 1 20); do
		sed "s/^/$i-/" one.tsv
		printf '%s\tmeta\torg\t-\ta\\\\b\\tc%s\t\n' "$i-$(head -c 70 \
		    /dev/zero | tr '\0' x)" "$i"
	done >cells.tsv
	[ "$(wc -c <cells.tsv)" -gt 1000000 ]
}

@test "cells mapped and piped: the same findings, passed cells and sums" {
	make_cells
	same_all_ways gip-check cells.tsv
	same_all_ways gip-check cells.tsv -p
	same_all_ways gip-check cells.tsv -e --summary
	same_all_ways gip-sum cells.tsv -g year
	same_all_ways gip-sum cells.tsv --csv -g source
}

@test "cells mapped and piped: CRLF, a BOM, no last LF, a last line of any length" {
	make_cells
	sed 's/$/\r/' cells.tsv >crlf.tsv
	same_all_ways gip-check crlf.tsv -p
	{ printf '\357\273\277'; cat cells.tsv; } >bom.tsv
	same_all_ways gip-sum bom.tsv -g year
	# the file (mapped: over 256 KiB) cut after each of the last 70 bytes
	# of a line: the last line short or long, whole or cut, the file's
	# end anywhere in a page
	n=$(head -n 6000 cells.tsv | wc -c)
	[ "$n" -gt 262144 ]
	for k in $(seq $((n - 70)) $((n + 2))); do
		head -c "$k" cells.tsv >cut.tsv
		same_all_ways gip-check cut.tsv -p
	done
}

@test "cells mapped and piped: an empty file and a file of one short line" {
	: >empty.tsv
	same_all_ways gip-check empty.tsv
	same_all_ways gip-sum empty.tsv
	run -0 --separate-stderr gip-check empty.tsv
	assert_output ''
	[ "$stderr" = '' ]
	printf 'r\tt3\t1\tnatural\t1' >one.tsv
	same_all_ways gip-check one.tsv
	same_all_ways gip-sum one.tsv
}

@test "cells mapped and piped: the first bad line stops both alike" {
	make_cells
	head -n 6000 cells.tsv >bad.tsv
	printf 'x\tt3\t1\tnatural\tone\t7\n' >>bad.tsv
	tail -n 100 cells.tsv >>bad.tsv
	same_all_ways gip-check bad.tsv
	same_all_ways gip-sum bad.tsv
	{ head -n 6000 cells.tsv; printf 'x\tt3\t1\tna\0tural\t1\t7\n'; } >nul.tsv
	[ "$(wc -c <bad.tsv)" -gt 262144 ]
	same_all_ways gip-check nul.tsv
	run -2 --separate-stderr gip-check nul.tsv
	[ "$stderr" = "gip-check: nul.tsv:6001: NUL byte in line" ]
}

@test "cells mapped and piped: a line over 1 MiB is refused alike" {
	{ printf 'r\tmeta\torg\t-\t'; head -c 1200000 /dev/zero | tr '\0' y
	    printf '\t3\n'; } >long.tsv
	same_all_ways gip-check long.tsv
	run -2 --separate-stderr gip-check long.tsv
	[ "$stderr" = "gip-check: long.tsv:1: line longer than 1024 KiB" ]
}

@test "cells on stdin from a file are read from where the file stands" {
	make_cells
	tail -n +2 cells.tsv >rest.tsv
	{ read -r first; gip-check -p && echo rc=0 || echo "rc=$?"; } \
	    <cells.tsv >out 2>&1
	{ gip-check -p && echo rc=0 || echo "rc=$?"; } <rest.tsv >want 2>&1
	cmp out want
	grep -q "^rc=1$" out
}

@test "a cells file cut short while it is read is trouble, not a crash" {
	need_cmd truncate
	make_cells
	for i in 1 2 3 4; do cat cells.tsv; done >big.tsv
	# gip-check -p blocks on the full pipe, the file is cut, then read on
	run -0 bash -c 'gip-check -p big.tsv 2>err | { head -c 1 >/dev/null
	    truncate -s 0 big.tsv; cat >/dev/null; }; echo "${PIPESTATUS[0]}"'
	assert_output 2
	run tail -n 1 err
	assert_output "gip-check: big.tsv: cut short while being read (the file changed, or a read error)"
}

@test "an unknown table after every known one is named, an empty one too" {
	printf 'x\tt3\t1\tnatural\t1\nx\tmeta\torg\t-\ta\nx\tt2\t20.1.rules\tmade\t1\nx\tprose\treceived\t-\t3\nx\tt4\treview\tupheld\t1\nx\tt3\t1\tnatural\t1\nx\tt9\t1\t1\t1\n' >t9.tsv
	run -2 --separate-stderr gip-check t9.tsv
	[ "$stderr" = "gip-check: t9.tsv:7: unknown table 't9'" ]
	printf 'x\tt3\t1\tnatural\t1\nx\t\t1\t2\t3\n' >empty-table.tsv
	run -2 --separate-stderr gip-sum empty-table.tsv
	[ "$stderr" = "gip-sum: empty-table.tsv:2: unknown table ''" ]
}
