#!/usr/bin/env bats
# Every command in the EXAMPLES of every manual page runs (STYLE.md 3).
#
# In a page's EXAMPLES section, a line of a .Bd -literal block that starts
# with "$ " is a command; it goes on over the next lines while a line ends
# in "|", "\", "&&" or "||".  Other lines of the blocks are output shown to
# the reader.  A .Dl line is a command too.  Each command runs in bash -o
# pipefail, in a scratch directory holding a copy of samples/, the same
# reports filed as archive/PROVINCE/NAME.txt and in reports/, one of them
# as report.txt, and their cells in cells.tsv, with the programs on PATH.  It
# fails if it exits with status 2 or more (141, a closed pipe, is fine) or
# writes to stderr a line the page does not show.

load helper

# Write each command of page $1 to $2/cmd.LINE and the shown lines to
# $2/shown, with the mdoc escapes undone.
extract() {
	awk -v dir="$2" '
	function unescape(s) {
		gsub(/\\&/, "", s); gsub(/\\-/, "-", s)
		gsub(/\\\(aq/, "\047", s); gsub(/\\\(dq/, "\"", s)
		gsub(/\\\(ga/, "`", s); gsub(/\\\(ti/, "~", s)
		gsub(/\\\(ha/, "^", s); gsub(/\\e/, "\\", s)
		return s
	}
	function more(s) { return s ~ /(\||\\|&&)[ \t]*$/ }
	/^\.Sh / { ex = ($0 ~ /^\.Sh EXAMPLES/); lit = 0; next }
	!ex { next }
	/^\.Dl / {
		file = sprintf("%s/cmd.%05d", dir, NR)
		print unescape(substr($0, 5)) > file
		next
	}
	/^\.Bd / { lit = ($0 ~ /-literal/); next }
	/^\.Ed/ { lit = 0; next }
	!lit || /^\.\\"/ { next }
	{ s = unescape($0) }
	cont {
		print s >> file
		cont = more(s)
		next
	}
	/^\$ / {
		file = sprintf("%s/cmd.%05d", dir, NR)
		print substr(s, 3) > file
		cont = more(s)
		next
	}
	{ print s >> (dir "/shown") }
	' "$1"
	touch "$2/shown"
}

# The samples as an archive filed by province, and their cells.
make_archive() {
	local s=$1/samples
	mkdir -p "$1"/archive/shanxi "$1"/archive/henan "$1"/archive/ningxia
	cp "$s"/000_*.txt "$s"/004_*.txt "$1"/archive/shanxi/
	cp "$s"/001_*.txt "$s"/002_*.txt "$1"/archive/henan/
	cp "$s"/003_*.txt "$1"/archive/ningxia/
	cp -R "$s" "$1"/reports
	cp "$s"/004_*.txt "$1"/report.txt
	gip-tables "$s"/*.txt >"$1"/cells.tsv
}

# Run the examples of man/$1; report each failure with the page's line.
run_examples() {
	local page=$TOP/man/$1 dir=$BATS_TEST_TMPDIR/$1 f n=0 bad=0 status

	[ -f "$page" ] || fail "man/$1: no such page"
	mkdir -p "$dir/work"
	cp -R "$SAMPLES" "$dir/work/samples"
	make_archive "$dir/work"
	extract "$page" "$dir"
	for f in "$dir"/cmd.*; do
		[ -e "$f" ] || break
		n=$((n + 1))
		status=0
		(cd "$dir/work" && timeout 60 bash -o pipefail "$f" \
		    >"$dir/out" 2>"$dir/err" </dev/null) || status=$?
		if [ "$status" -ge 2 ] && [ "$status" != 141 ] ||
		    grep -qvxF -f "$dir/shown" "$dir/err"; then
			bad=$((bad + 1))
			printf 'man/%s:%d: status %d: %s\n' "$1" \
			    "$((10#${f##*.}))" "$status" "$(cat "$f")"
			grep -vxF -f "$dir/shown" "$dir/err" | sed 's/^/  /'
		fi
	done
	[ "$n" -gt 0 ] || fail "man/$1: no \"\$ \" commands in EXAMPLES"
	[ "$bad" -eq 0 ] || fail "man/$1: $bad of $n examples failed"
}

@test "every manual page has a test of its examples here" {
	local page name missing=

	for page in "$TOP"/man/*.[1-9]; do
		[ -e "$page" ] || continue
		name=${page##*/}
		grep -qx "	run_examples $name" "$BATS_TEST_FILENAME" ||
		    missing="$missing $name"
	done
	[ -z "$missing" ] || fail "no examples test for:$missing"
}

@test "the examples of gip.7 run" {
	run_examples gip.7
}

@test "the examples of gip.5 run" {
	run_examples gip.5
}

@test "the examples of gip-sections.1 run" {
	run_examples gip-sections.1
}

@test "the examples of gip-tables.1 run" {
	run_examples gip-tables.1
}

@test "the examples of gip-check.1 run" {
	run_examples gip-check.1
}

@test "the examples of gip-sum.1 run" {
	run_examples gip-sum.1
}
