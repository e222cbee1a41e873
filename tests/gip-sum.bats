#!/usr/bin/env bats
# gip-sum: grouping, meta rows, the 3.6 roll-up, exactness, errors, merging.
load helper
bats_require_minimum_version 1.5.0

# The whole of stderr, given in pieces joined by spaces.
stderr_is() {
	assert_equal "$stderr" "$*"
}

# Cells written with '|' for TAB, so blank values stay visible.
tsv() {
	tr '|' '\t'
}

# Two small reports of each template, in one file.
reports() {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
a/x/1.txt|meta|title|-|甲2019年报告
a/x/1.txt|meta|year|-|2019
a/x/1.txt|meta|template|-|2019
a/x/1.txt|t3|1|natural|3
a/x/1.txt|t3|3.6|natural|1
a/x/1.txt|t3|3.7|natural|
b/y/2.txt|meta|year|-|2021
b/y/2.txt|meta|template|-|2021
b/y/2.txt|t3|1|natural|5
b/y/2.txt|t3|3.6.1|natural|1
b/y/2.txt|t3|3.6.3|natural|2
b/y/2.txt|t3|3.7|natural|
a/z/3.txt|meta|year|-|2021
a/z/3.txt|meta|template|-|2019
a/z/3.txt|t3|1|natural|7
a/z/3.txt|t3|3.6|natural|
EOF
}

setup_file() {
	export CORPUS=$BATS_FILE_TMPDIR/corpus
	have_shared || return 0
	python3 "$SHARED/corpus/gen/gipgen.py" --out "$CORPUS" --count 200 \
	    --seed sum >/dev/null
	(cd "$CORPUS" && awk 'BEGIN { OFS = "\t" } { print FILENAME, $0 }' \
	    0*.tsv) >"$BATS_FILE_TMPDIR/cells.tsv"
}

@test "without grouping every report goes into one group named all" {
	reports
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|3
all|meta|blanks|-|3
all|t3|1|natural|15
all|t3|3.6|natural|4
all|t3|3.6.1|natural|1
all|t3|3.6.3|natural|2
all|t3|3.7|natural|
EOF
)"
}

@test "-g year makes one group per year with its meta year row" {
	reports
	run -0 --separate-stderr gip-sum -g year "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
2019|meta|year|-|2019
2019|meta|reports|-|1
2019|meta|blanks|-|1
2019|t3|1|natural|3
2019|t3|3.6|natural|1
2019|t3|3.7|natural|
2021|meta|year|-|2021
2021|meta|reports|-|2
2021|meta|blanks|-|2
2021|t3|1|natural|12
2021|t3|3.6|natural|3
2021|t3|3.6.1|natural|1
2021|t3|3.6.3|natural|2
2021|t3|3.7|natural|
EOF
)"
}

@test "-g template groups by the template the report states" {
	reports
	run -0 --separate-stderr gip-sum -g template "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
2019|meta|template|-|2019
2019|meta|reports|-|2
2019|meta|blanks|-|2
2019|t3|1|natural|10
2019|t3|3.6|natural|1
2019|t3|3.7|natural|
2021|meta|template|-|2021
2021|meta|reports|-|1
2021|meta|blanks|-|1
2021|t3|1|natural|5
2021|t3|3.6|natural|3
2021|t3|3.6.1|natural|1
2021|t3|3.6.3|natural|2
2021|t3|3.7|natural|
EOF
)"
}

@test "-g with two fields joins their values with a slash in field order" {
	reports
	run -0 --separate-stderr gip-sum -g template,year \
	    "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
2019/2019|meta|template|-|2019
2019/2019|meta|year|-|2019
2019/2019|meta|reports|-|1
2019/2019|meta|blanks|-|1
2019/2019|t3|1|natural|3
2019/2019|t3|3.6|natural|1
2019/2019|t3|3.7|natural|
2019/2021|meta|template|-|2019
2019/2021|meta|year|-|2021
2019/2021|meta|reports|-|1
2019/2021|meta|blanks|-|1
2019/2021|t3|1|natural|7
2019/2021|t3|3.6|natural|
2021/2021|meta|template|-|2021
2021/2021|meta|year|-|2021
2021/2021|meta|reports|-|1
2021/2021|meta|blanks|-|1
2021/2021|t3|1|natural|5
2021/2021|t3|3.6|natural|3
2021/2021|t3|3.6.1|natural|1
2021/2021|t3|3.6.3|natural|2
2021/2021|t3|3.7|natural|
EOF
)"
}

@test "-g title puts a report without that meta row in the group named -" {
	reports
	run -0 --separate-stderr sh -c 'gip-sum -g title "$1" | cut -f1,2,3,5' \
	    sh "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
-|meta|reports|2
-|meta|blanks|2
-|t3|1|12
-|t3|3.6|3
-|t3|3.6.1|1
-|t3|3.6.3|2
-|t3|3.7|
甲2019年报告|meta|title|甲2019年报告
甲2019年报告|meta|reports|1
甲2019年报告|meta|blanks|1
甲2019年报告|t3|1|3
甲2019年报告|t3|3.6|1
甲2019年报告|t3|3.7|
EOF
)"
}

@test "-g org groups by the issuing body, keys sorted by their bytes" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
1|meta|org|-|乙局
1|t4|review|total|2
2|meta|org|-|甲局
2|t4|review|total|1
3|meta|org|-|乙局
3|t4|review|total|4
EOF
	run -0 --separate-stderr gip-sum -g org "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
乙局|meta|org|-|乙局
乙局|meta|reports|-|2
乙局|meta|blanks|-|0
乙局|t4|review|total|6
甲局|meta|org|-|甲局
甲局|meta|reports|-|1
甲局|meta|blanks|-|0
甲局|t4|review|total|1
EOF
)"
}

@test "-G groups by the capture of a regular expression on the source" {
	reports
	run -0 --separate-stderr sh -c \
	    'gip-sum -G "^(\\w+)/" "$1" | grep -v -e 3.6 -e 3.7' \
	    sh "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
a|meta|reports|-|2
a|meta|blanks|-|2
a|t3|1|natural|10
b|meta|reports|-|1
b|meta|blanks|-|1
b|t3|1|natural|5
EOF
)"
}

@test "-G joins several captures with slashes and puts -g fields after" {
	reports
	run -0 --separate-stderr sh -c \
	    'gip-sum -G "^(\\w+)/(\\w+)/" -g year "$1" | grep reports' \
	    sh "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
a/x/2019|meta|reports|-|1
a/z/2021|meta|reports|-|1
b/y/2021|meta|reports|-|1
EOF
)"
}

@test "-G without a capture group uses the whole match" {
	reports
	run -0 --separate-stderr sh -c \
	    'gip-sum -G "[0-9]\\.txt$" "$1" | grep reports' \
	    sh "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
1.txt|meta|reports|-|1
2.txt|meta|reports|-|1
3.txt|meta|reports|-|1
EOF
)"
}

@test "-G stops with the line of a source it does not match" {
	reports
	run -2 --separate-stderr gip-sum -G '^a/' "$BATS_TEST_TMPDIR/in.tsv"
	assert_output ''
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/in.tsv:7: source 'b/y/2.txt'" \
	    "does not match -G"
}

@test "an invalid -G pattern is refused with status 2" {
	run -2 --separate-stderr gip-sum -G '(' /dev/null
	stderr_is 'gip-sum: -G: missing closing parenthesis at offset 1'
}

@test "an unknown -g field is refused with status 2" {
	run -2 --separate-stderr gip-sum -g year,colour /dev/null
	stderr_is "gip-sum: -g: unknown field 'colour'"
}

@test "-g source regroups gip-sum output by its group keys" {
	reports
	gip-sum -G '^(\w+)/' "$BATS_TEST_TMPDIR/in.tsv" >"$BATS_TEST_TMPDIR/a"
	run -0 --separate-stderr gip-sum -g source "$BATS_TEST_TMPDIR/a"
	assert_output "$(cat "$BATS_TEST_TMPDIR/a")"
}

@test "a report is the run of lines with one source, counted per run" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
r|t4|review|total|1
r|t4|review|upheld|1
s|t4|review|total|1
r|t4|review|total|1
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv" \
	    "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|6
all|meta|blanks|-|0
all|t4|review|upheld|2
all|t4|review|total|6
EOF
)"
}

@test "meta reports and blanks of gip-sum output add up when summed again" {
	reports
	gip-sum -g year "$BATS_TEST_TMPDIR/in.tsv" >"$BATS_TEST_TMPDIR/a"
	run -0 --separate-stderr sh -c 'gip-sum "$1" "$1" | grep meta' \
	    sh "$BATS_TEST_TMPDIR/a"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|6
all|meta|blanks|-|6
EOF
)"
}

@test "a cell blank in every report stays blank and counts in blanks" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
1|t3|3.2|legal|
1|t3|3.2|other|
2|t3|3.2|legal|
2|t3|3.2|other|4
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|2
all|meta|blanks|-|3
all|t3|3.2|legal|
all|t3|3.2|other|4
EOF
)"
}

@test "3.6.1 to 3.6.3 of a report without 3.6 roll up into 3.6" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
2021|t3|3.6.1|total|1
2021|t3|3.6.2|total|
2021|t3|3.6.3|total|4
2019|t3|3.6|total|10
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|2
all|meta|blanks|-|1
all|t3|3.6|total|15
all|t3|3.6.1|total|1
all|t3|3.6.2|total|
all|t3|3.6.3|total|4
EOF
)"
}

@test "summing a sum again does not roll 3.6.x into 3.6 a second time" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
2021|t3|3.6.1|total|1
2021|t3|3.6.3|total|4
EOF
	gip-sum "$BATS_TEST_TMPDIR/in.tsv" >"$BATS_TEST_TMPDIR/a"
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/a"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|1
all|meta|blanks|-|0
all|t3|3.6|total|5
all|t3|3.6.1|total|1
all|t3|3.6.3|total|4
EOF
)"
}

@test "the prose figures are summed like table cells" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
1|prose|suit|-|2
1|prose|received|-|52
2|prose|received|-|8
2|prose|review|-|
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|2
all|meta|blanks|-|1
all|prose|received|-|60
all|prose|review|-|
all|prose|suit|-|2
EOF
)"
}

@test "rows come in template order, unknown rows after them sorted" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
1|t4|review|total|1
1|t3|9.9|total|1
1|t3|10|total|1
1|t3|4|zz|1
1|t3|4|total|1
1|t3|1|natural|1
1|t2|20.1.rules|valid|1
1|t2|20.1.rules|made|1
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|1
all|meta|blanks|-|0
all|t2|20.1.rules|made|1
all|t2|20.1.rules|valid|1
all|t3|1|natural|1
all|t3|4|total|1
all|t3|4|zz|1
all|t3|10|total|1
all|t3|9.9|total|1
all|t4|review|total|1
EOF
)"
}

@test "amounts with four decimals and negative deltas add exactly" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
1|t2|20.9.procure|amount|0.0001
1|t2|20.5.license|delta|-3
2|t2|20.9.procure|amount|97541.9999
2|t2|20.5.license|delta|1
3|t2|20.9.procure|amount|2700.25
3|t2|20.5.license|delta|2
EOF
	run -0 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|3
all|meta|blanks|-|0
all|t2|20.5.license|delta|0
all|t2|20.9.procure|amount|100242.25
EOF
)"
}

@test "a 30-digit value is rejected by the reader with its line" {
	printf 'a\tt2\t20.8.fee\tamount\t1\na\tt2\t20.8.fee\tamount\t%s\n' \
	    123456789012345678901234567890 >"$BATS_TEST_TMPDIR/in.tsv"
	run -2 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output ''
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/in.tsv:2: value" \
	    "'123456789012345678901234567890' out of range"
}

@test "a sum beyond the fixed-point range stops with status 2" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
a|t2|20.8.fee|amount|9223372036854
b|t2|20.8.fee|amount|9223372036854
EOF
	run -2 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output ''
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/in.tsv:2: sum of t2 20.8.fee" \
	    "amount overflows"
}

@test "a malformed line stops the sum with its file and line" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
a|t3|1|natural|1
a|t3|1|natural
EOF
	run -2 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	assert_output ''
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/in.tsv:2: 4 fields, want 5"
}

@test "a meta reports row that is not a count is refused" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
all|meta|reports|-|2.5
EOF
	run -2 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/in.tsv"
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/in.tsv:1: meta reports '2.5' is" \
	    "not a count"
}

@test "a missing file stops the sum with status 2" {
	run -2 --separate-stderr gip-sum "$BATS_TEST_TMPDIR/none.tsv"
	assert_output ''
	stderr_is "gip-sum: $BATS_TEST_TMPDIR/none.tsv: No such file or directory"
}

@test "with no file gip-sum reads stdin" {
	printf 'a\tt4\treview\ttotal\t3\n' >"$BATS_TEST_TMPDIR/in.tsv"
	run -0 --separate-stderr sh -c 'gip-sum <"$1"' sh "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|1
all|meta|blanks|-|0
all|t4|review|total|3
EOF
)"
}

@test "- among the files reads stdin in its place" {
	printf 'a\tt4\treview\ttotal\t3\n' >"$BATS_TEST_TMPDIR/in.tsv"
	run -0 --separate-stderr sh -c 'gip-sum "$1" - "$1" <"$1"' sh \
	    "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
all|meta|reports|-|3
all|meta|blanks|-|0
all|t4|review|total|9
EOF
)"
}

@test "-H writes a header line and a header line in the input is skipped" {
	tsv >"$BATS_TEST_TMPDIR/in.tsv" <<'EOF'
source|table|row|col|value
a|t4|review|total|3
EOF
	run -0 --separate-stderr gip-sum -H "$BATS_TEST_TMPDIR/in.tsv"
	assert_output "$(tsv <<'EOF'
source|table|row|col|value
all|meta|reports|-|1
all|meta|blanks|-|0
all|t4|review|total|3
EOF
)"
}

@test "a full output device gives status 2" {
	need_shared
	run -2 --separate-stderr sh -c 'gip-sum "$1" >/dev/full' sh \
	    "$BATS_FILE_TMPDIR/cells.tsv"
	stderr_is 'gip-sum: write error: No space left on device'
}

@test "a reader that stops early ends gip-sum quietly" {
	need_shared
	run -0 --separate-stderr sh -c \
	    'gip-sum -g source "$1" | head -1' sh "$BATS_FILE_TMPDIR/cells.tsv"
	assert_output "$(printf '000000.tsv\tmeta\treports\t-\t1')"
	stderr_is ''
}

@test "--help prints the usage line and --version the version" {
	run -0 --separate-stderr sh -c 'gip-sum --help; gip-sum --version'
	assert_output "usage: gip-sum [-H] [-g fields] [-G regex] [file ...]
gip-sum (gip) 0.1.0"
}

@test "the totals of a gipgen corpus equal those computed from its truth" {
	need_shared
	cd "$CORPUS"
	mkdir "$BATS_TEST_TMPDIR/got" "$BATS_TEST_TMPDIR/want"
	for g in all year template year,template org; do
		opt="-g $g"
		[ "$g" = all ] && opt=
		gip-sum $opt "$BATS_FILE_TMPDIR/cells.tsv" | sort \
		    >"$BATS_TEST_TMPDIR/got/$g"
		python3 "$BATS_TEST_DIRNAME/sum-oracle.py" $opt 0*.tsv |
		    sort >"$BATS_TEST_TMPDIR/want/$g"
	done
	run -0 --separate-stderr diff -r "$BATS_TEST_TMPDIR/got" \
	    "$BATS_TEST_TMPDIR/want"
	assert_output ''
	pairs=$(awk -F'\t' 'NR > 1 { print $4 "/" $3 }' index.tsv | sort -u |
	    wc -l)
	run -0 grep -c reports "$BATS_TEST_TMPDIR/got/year,template"
	assert_output "$pairs"
}

@test "sums of file batches from parallel --pipe merge to the single run" {
	need_shared
	need_cmd parallel
	cd "$CORPUS"
	gip-sum -g year,template "$BATS_FILE_TMPDIR/cells.tsv" \
	    >"$BATS_TEST_TMPDIR/whole"
	run -0 --separate-stderr sh -c 'ls 0*.tsv | parallel --pipe -N23 \
	    "xargs awk -v OFS=\"\t\" \"{ print FILENAME, \\\$0 }\" |
	    gip-sum -g year,template" | gip-sum -g year,template |
	    cmp - "$1" && echo same' sh "$BATS_TEST_TMPDIR/whole"
	assert_output same
}

@test "sums of parts merge to the single run whatever the grouping" {
	need_shared
	need_cmd parallel
	cd "$CORPUS"
	for g in all template org source; do
		opt="-g $g"
		[ "$g" = all ] && opt=
		gip-sum $opt "$BATS_FILE_TMPDIR/cells.tsv" \
		    >"$BATS_TEST_TMPDIR/whole.$g"
		ls 0*.tsv | parallel -N17 "awk -v OFS='\t' \
		    '{ print FILENAME, \$0 }' {} | gip-sum $opt" |
		    gip-sum $opt >"$BATS_TEST_TMPDIR/parts.$g"
	done
	run -0 --separate-stderr sh -c 'cd "$1" && for g in all template \
	    org source; do cmp whole.$g parts.$g || exit 1; done; echo same' \
	    sh "$BATS_TEST_TMPDIR"
	assert_output same
}

@test "a sum of sums merges a single run's groups into one total" {
	need_shared
	gip-sum "$BATS_FILE_TMPDIR/cells.tsv" >"$BATS_TEST_TMPDIR/whole"
	run -0 --separate-stderr sh -c 'gip-sum -g year,template "$1" |
	    gip-sum | cmp - "$2" && echo same' sh "$BATS_FILE_TMPDIR/cells.tsv" \
	    "$BATS_TEST_TMPDIR/whole"
	assert_output same
}
