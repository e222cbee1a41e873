#!/usr/bin/env bats
# gip-check: the rules, the options, the stream, trouble.

load helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "a sound 2019 report gives no finding and status 0" {
	run -0 --separate-stderr gip-check "$DATA/check-sound-2019.tsv"
	assert_output ''
	[ "$stderr" = '' ]
}

@test "a sound 2021 report gives no finding and status 0" {
	run -0 --separate-stderr gip-check "$DATA/check-sound-2021.tsv"
	assert_output ''
}

@test "a wrong row total is one t3-row error, not also a balance error" {
	run -1 --separate-stderr gip-check "$DATA/check-row-total-wrong.tsv"
	assert_output "$(printf 'r19\tt3-row\terror\tt3:total=sum(natural-other):1\t1\t2\tthe six applicant columns add up to 1, the total says 2')"
}

@test "rows 1+2 that differ from rows 3.7+4 are t3-bal errors per column" {
	run -1 --separate-stderr gip-check "$DATA/check-balance-broken.tsv"
	assert_output "$(printf 'r19\tt3-bal\terror\tt3:1+2=3.7+4:natural\t2\t1\trows 1+2 (received, carried over) make 2, rows 3.7+4 (handled, carried forward) 1
r19\tt3-bal\terror\tt3:1+2=3.7+4:total\t2\t1\trows 1+2 (received, carried over) make 2, rows 3.7+4 (handled, carried forward) 1')"
}

@test "parts that do not add up to row 3.7 are t3-sum7 errors" {
	run -1 --separate-stderr gip-check "$DATA/check-sum7-broken.tsv"
	assert_output "$(printf 'r19\tt3-sum7\terror\tt3:3.7=sum(3.1-3.6):natural\t2\t1\trows 3.1 to 3.6 add up to 2, row 3.7 says 1
r19\tt3-sum7\terror\tt3:3.7=sum(3.1-3.6):total\t2\t1\trows 3.1 to 3.6 add up to 2, row 3.7 says 1')"
}

@test "a wrong t4 total is a t4-sum error" {
	run -1 --separate-stderr gip-check "$DATA/check-t4-total-wrong.tsv"
	assert_output "$(printf 'r19\tt4-sum\terror\tt4:total=sum(upheld-pending):suit.direct\t1\t2\tupheld+corrected+other+pending make 1, the total says 2')"
}

@test "a missing t3 row is an error and counts as 0 in the identities" {
	run -1 --separate-stderr gip-check "$DATA/check-row-missing.tsv"
	assert_output "$(printf 'r19\tmissing\terror\tt3:row-missing:3.3.4\t-\t-\trequired row missing; its cells count as 0
r19\tt3-sum7\terror\tt3:3.7=sum(3.1-3.6):natural\t0\t1\trows 3.1 to 3.6 add up to 0, row 3.7 says 1
r19\tt3-sum7\terror\tt3:3.7=sum(3.1-3.6):total\t0\t1\trows 3.1 to 3.6 add up to 0, row 3.7 says 1')"
}

@test "a missing table is an error" {
	run -1 --separate-stderr gip-check "$DATA/check-table-missing.tsv"
	assert_output "$(printf 'r19\tmissing\terror\tt4:table-missing\t-\t-\trequired table missing')"
}

@test "a 2021 row in a 2019 report is a template error" {
	run -1 --separate-stderr gip-check \
	    "$DATA/check-template-row-2021-in-2019.tsv"
	assert_output "$(printf 'r19\ttemplate\terror\tt3:3.6.1\t2019\t2021\trow of the 2021 template in a 2019 report')"
}

@test "a negative count is an error but a negative delta is not" {
	run -1 --separate-stderr gip-check "$DATA/check-negative-count.tsv"
	assert_output "$(printf 'r19\tnegative\terror\tt2:20.6.penalty:decisions\t>=0\t-1\tnegative count')"
}

@test "blank zeros are one warning per table and no error" {
	run -0 --separate-stderr gip-check "$DATA/check-blank-zeros.tsv"
	assert_output "$(printf 'r19\tblank\twarn\tt3:blank\t-\t135\t135 blank cells counted as 0 (the first: t3:1:commercial)
r19\tblank\twarn\tt4:blank\t-\t11\t11 blank cells counted as 0 (the first: t4:review:upheld)')"
}

@test "a blank total whose parts are not 0 is an error and a warning says why" {
	run -1 --separate-stderr gip-check "$DATA/check-blank-total.tsv"
	assert_output "$(printf 'r19\tt3-row\terror\tt3:total=sum(natural-other):1\t1\t0\tthe six applicant columns add up to 1, the total says 0
r19\tblank\twarn\tt3:1:total\t-\t\ttotal not stated; counted as 0, which breaks t3:total=sum(natural-other):1')"
}

@test "digits of two cells run together are told when the split fixes all" {
	run -0 --separate-stderr gip-check -r digits \
	    "$DATA/check-digits-run-together.tsv"
	assert_output "$(printf 'r19\tdigits\twarn\tt3:1:natural\t600|17\t60017\tlooks like 600 and 17 run together; with 17 in commercial every identity holds')"
}

@test "no digits warning when the neighbour cell holds a number" {
	run -0 --separate-stderr gip-check -r digits \
	    "$DATA/check-digits-neighbour-filled.tsv"
	assert_output ''
}

@test "a prose figure that differs from its cell is a warning" {
	run -0 --separate-stderr gip-check "$DATA/check-prose-disagrees.tsv"
	assert_output "$(printf 'r19\tprose\twarn\tprose:received=t3:1:total\t1\t2\tthe text states 2 applications received, the table 1')"
}

@test "prose figures that equal their cells give no finding" {
	run -0 --separate-stderr gip-check "$DATA/check-prose-agrees.tsv"
	assert_output ''
}

@test "the 2019 template in a report for 2022 is a year warning" {
	run -0 --separate-stderr gip-check "$DATA/check-year-2019-in-2022.tsv"
	assert_output "$(printf 'r19\tyear\twarn\tmeta:template\t2021\t2019\t2019 template in a report for 2022; the 2021 template applies from 2021')"
}

@test "consecutive years of one body that disagree give carry and valid" {
	run -0 --separate-stderr gip-check "$DATA/check-two-years-disagree.tsv"
	assert_output "$(printf 'body-2022\tcarry\twarn\tt3:2:natural\t3\t2\tcarried over from 2021: 2, but body-2021 carried 3 forward
body-2022\tcarry\twarn\tt3:2:total\t3\t2\tcarried over from 2021: 2, but body-2021 carried 3 forward
body-2022\tvalid\twarn\tt2:20.1.normative:valid\t23\t22\tvalid 22, but 2021'"'"'s valid plus issued minus repealed make 23')"
}

@test "the later year first gives the same carry finding" {
	tac_reports() {
		grep '^body-2022' "$DATA/check-two-years-disagree.tsv"
		grep '^body-2021' "$DATA/check-two-years-disagree.tsv"
	}
	tac_reports >reversed.tsv
	run -0 --separate-stderr gip-check -r carry reversed.tsv
	assert_output "$(printf 'body-2022\tcarry\twarn\tt3:2:natural\t3\t2\tcarried over from 2021: 2, but body-2021 carried 3 forward
body-2022\tcarry\twarn\tt3:2:total\t3\t2\tcarried over from 2021: 2, but body-2021 carried 3 forward')"
}

@test "consecutive years of one body that agree give no finding" {
	run -0 --separate-stderr gip-check "$DATA/check-two-years-agree.tsv"
	assert_output ''
}

@test "-q reports errors only" {
	run -1 --separate-stderr gip-check -q "$DATA/check-blank-total.tsv"
	assert_output "$(printf 'r19\tt3-row\terror\tt3:total=sum(natural-other):1\t1\t0\tthe six applicant columns add up to 1, the total says 0')"
}

@test "-r checks only the rules named" {
	run -0 --separate-stderr gip-check -r t4-sum,blank \
	    "$DATA/check-row-total-wrong.tsv"
	assert_output ''
}

@test "-r with an unknown rule is trouble" {
	run -2 --separate-stderr gip-check -r t3-row,nosuch \
	    "$DATA/check-sound-2019.tsv"
	assert_output ''
	[ "$stderr" = "gip-check: unknown rule 'nosuch'
usage: gip-check [-Hpq] [-r rules] [file ...]" ]
}

@test "-H writes a header line before the findings" {
	run -1 --separate-stderr gip-check -H "$DATA/check-t4-total-wrong.tsv"
	assert_output "$(printf 'source\trule\tseverity\twhere\texpected\tactual\tmessage
r19\tt4-sum\terror\tt4:total=sum(upheld-pending):suit.direct\t1\t2\tupheld+corrected+other+pending make 1, the total says 2')"
}

@test "-p passes the cells of sound reports and puts findings on stderr" {
	sed 's/^r19/bad/' "$DATA/check-t4-total-wrong.tsv" >mixed.tsv
	cat "$DATA/check-sound-2019.tsv" >>mixed.tsv
	run -1 --separate-stderr gip-check -p mixed.tsv
	assert_output "$(cat "$DATA/check-sound-2019.tsv")"
	[ "$stderr" = "$(printf 'bad\tt4-sum\terror\tt4:total=sum(upheld-pending):suit.direct\t1\t2\tupheld+corrected+other+pending make 1, the total says 2')" ]
}

@test "-p passes reports with warnings only" {
	run -0 --separate-stderr gip-check -p "$DATA/check-prose-agrees.tsv"
	assert_output "$(cat "$DATA/check-prose-agrees.tsv")"
}

@test "no file argument reads stdin" {
	run -1 --separate-stderr sh -c \
	    'gip-check <"$1"' sh "$DATA/check-t4-total-wrong.tsv"
	assert_output --partial "$(printf 'r19\tt4-sum\terror')"
}

@test "- reads stdin among files" {
	run -1 --separate-stderr sh -c 'gip-check "$1" - <"$2"' sh \
	    "$DATA/check-sound-2019.tsv" "$DATA/check-row-total-wrong.tsv"
	assert_output --partial "$(printf 'r19\tt3-row\terror')"
}

@test "a line of 4 fields is trouble with its file and line" {
	run -2 --separate-stderr gip-check "$DATA/check-bad-4-fields.tsv"
	assert_output ''
	[ "$stderr" = "gip-check: $DATA/check-bad-4-fields.tsv:4: 4 fields, want 5 or 6" ]
}

@test "a line field that is not a number is trouble with its file and line" {
	run -2 --separate-stderr gip-check "$DATA/check-bad-6-fields.tsv"
	[ "$stderr" = "gip-check: $DATA/check-bad-6-fields.tsv:4: line 'extra' is not a line number" ]
}

@test "an unknown table is trouble with its file and line" {
	run -2 --separate-stderr gip-check "$DATA/check-bad-unknown-table.tsv"
	[ "$stderr" = "gip-check: $DATA/check-bad-unknown-table.tsv:3: unknown table 't9'" ]
}

@test "a value that is not a number is trouble with its file and line" {
	run -2 --separate-stderr gip-check "$DATA/check-bad-value.tsv"
	[ "$stderr" = "gip-check: $DATA/check-bad-value.tsv:5: value 'one' is not a number" ]
}

@test "a bad file does not stop the check of the next one" {
	run -2 --separate-stderr gip-check "$DATA/check-bad-value.tsv" \
	    "$DATA/check-t4-total-wrong.tsv"
	assert_output --partial "$(printf 'r19\tt4-sum\terror')"
}

@test "a header line in the middle of the stream is skipped" {
	run -0 --separate-stderr gip-check "$DATA/check-header-in-middle.tsv"
	assert_output ''
	[ "$stderr" = '' ]
}

@test "a missing file is trouble" {
	run -2 --separate-stderr gip-check nosuch.tsv
	[ "$stderr" = "gip-check: nosuch.tsv: No such file or directory" ]
}

@test "a full output device gives status 2" {
	run -2 --separate-stderr sh -c \
	    'gip-check "$1" >/dev/full' sh "$DATA/check-blank-zeros.tsv"
	assert_output ''
	[[ "$stderr" == 'gip-check: write error: No space left on device' ]]
}

@test "a closed pipe ends gip-check quietly" {
	for i in $(seq 0 999); do
		sed "s/^r19/s$i/" "$DATA/check-blank-zeros.tsv"
	done >many.tsv
	run -0 --separate-stderr sh -c 'gip-check many.tsv | head -1'
	assert_output --partial "$(printf 's0\tblank\twarn')"
	[ "$stderr" = '' ]
}

@test "--version prints the version" {
	run -0 --separate-stderr gip-check --version
	assert_output 'gip-check (gip) 0.1.0'
}

@test "--help names every rule" {
	run -0 --separate-stderr gip-check --help
	assert_line 'rules: missing template negative blank year digits prose t3-bal t3-sum7 t3-row t4-sum carry valid'
}

@test "the EXAMPLES of the manual run" {
	cp "$DATA/check-row-total-wrong.tsv" cells.tsv
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$TOP/man/gip-check.1" \
	    >examples
	[ "$(wc -l <examples)" -eq 3 ]
	while read -r cmd; do
		run -1 sh -c "$cmd"
	done <examples
	run -0 cat findings.tsv
	assert_output "$(printf 'r19\tt3-row\terror\tt3:total=sum(natural-other):1\t1\t2\tthe six applicant columns add up to 1, the total says 2')"
	[ ! -s sound.tsv ]
}

@test "the prose of seed 000 disagrees with its table" {
	seed=000_123c809bf521ceaa
	gip-tables "$SAMPLES/$seed.txt" >seed.tsv
	run -0 --separate-stderr gip-check -r prose seed.tsv
	assert_output "$(printf '%s\tprose\twarn\tprose:received=t3:1:total\t0\t2\tthe text states 2 applications received, the table 0
%s\tprose\twarn\tprose:closed=t3:3.7:total\t0\t2\tthe text states 2 applications handled, the table 0' "$SAMPLES/$seed.txt" "$SAMPLES/$seed.txt")"
}

@test "a gip-sum total of sound reports of both templates checks clean" {
	gip-tables "$SAMPLES"/*.txt | gip-sum >sum.tsv
	run -0 --separate-stderr gip-check sum.tsv
	assert_output ""
	gip-tables "$SAMPLES"/*.txt | gip-sum -g year,template >sum.tsv
	run -0 --separate-stderr gip-check sum.tsv
	assert_output ""
}
