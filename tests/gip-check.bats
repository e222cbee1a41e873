#!/usr/bin/env bats
# gip-check: the rules, the verdicts, the options, the stream, trouble.

load helper
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# One findings line: source rule severity cells expected actual message [line]
fnd() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" \
	    "$6" "$7" "${8:-}"
}

ROWTOTAL="the six applicant columns add up to"
BAL="rows 1+2 (received, carried over) make 2, rows 3.7+4 (handled, carried forward) 1"
SUM7="rows 3.1 to 3.6 add up to"
T4="upheld+corrected+other+pending make 1, the total says 2"

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
	assert_output "$(fnd r19 t3-row error 't3:total=sum(natural-other):1' 1 2 "$ROWTOTAL 1, the total says 2")"
}

@test "rows 1+2 that differ from rows 3.7+4 are t3-bal errors per column" {
	run -1 --separate-stderr gip-check "$DATA/check-balance-broken.tsv"
	assert_output "$(fnd r19 t3-bal error t3:1+2=3.7+4:natural 2 1 "$BAL"
fnd r19 t3-bal error t3:1+2=3.7+4:total 2 1 "$BAL")"
}

@test "parts that do not add up to row 3.7 are t3-sum7 errors" {
	run -1 --separate-stderr gip-check "$DATA/check-sum7-broken.tsv"
	assert_output "$(fnd r19 t3-sum7 error 't3:3.7=sum(3.1-3.6):natural' 2 1 "$SUM7 2, row 3.7 says 1"
fnd r19 t3-sum7 error 't3:3.7=sum(3.1-3.6):total' 2 1 "$SUM7 2, row 3.7 says 1")"
}

@test "a wrong t4 total is a t4-sum error" {
	run -1 --separate-stderr gip-check "$DATA/check-t4-total-wrong.tsv"
	assert_output "$(fnd r19 t4-sum error 't4:total=sum(upheld-pending):suit.direct' 1 2 "$T4")"
}

@test "a required t3 row missing is an error; the identity it breaks says so" {
	run -1 --separate-stderr gip-check "$DATA/check-row-missing.tsv"
	assert_output "$(fnd r19 missing error t3:3.3.4 - - 'Required row of the 2019 template not in the report; its cells count as 0'
fnd r19 t3-sum7 error 't3:3.7=sum(3.1-3.6):natural' 0 1 "$SUM7 0, row 3.7 says 1; row 3.3.4 is not in the report (counted as 0)"
fnd r19 t3-sum7 error 't3:3.7=sum(3.1-3.6):total' 0 1 "$SUM7 0, row 3.7 says 1; row 3.3.4 is not in the report (counted as 0)")"
}

@test "a t2 row left out is a warning only: status 0" {
	run -0 --separate-stderr gip-check "$DATA/check-2021-no-rules-row.tsv"
	assert_output "$(fnd r21-norules omitted warn t2:20.1.rules - - 'Row of the 2021 template not in the report; its cells count as 0')"
}

@test "a 2021 report with the single 2019 row 3.6 warns once and sums it" {
	run -0 --separate-stderr gip-check "$DATA/check-2021-single-36.tsv"
	assert_output "$(fnd r21-36 template warn t3:3.6 2021 2019 'row of the 2019 template in a 2021 report, in place of 3.6.1, 3.6.2, 3.6.3')"
}

@test "an identity whose sum is out of range says so, never wraps" {
	sed 's/^\(r19\tt3\t3\.[12]\tnatural\t\)0$/\19000000000000/' \
	    "$DATA/check-sound-2019.tsv" >big.tsv
	run -1 --separate-stderr gip-check -r t3-sum7 big.tsv
	assert_output "$(fnd r19 t3-sum7 error 't3:3.7=sum(3.1-3.6):natural' - - 'a sum out of range')"
}

@test "a missing table is an error" {
	run -1 --separate-stderr gip-check "$DATA/check-table-missing.tsv"
	assert_output "$(fnd r19 missing error t4:table-missing - - 'required table missing')"
}

@test "a 2021 row in a 2019 report is a template warning" {
	run -0 --separate-stderr gip-check \
	    "$DATA/check-template-row-2021-in-2019.tsv"
	assert_output "$(fnd r19 template warn t3:3.6.1 2019 2021 'row of the 2021 template in a 2019 report')"
}

@test "unread cells warn and the identities on them are not checked" {
	run -0 --separate-stderr gip-check "$DATA/check-unread.tsv"
	assert_output "$(fnd r21-unread unread warn t3:3.3.4 - '?' '7 cells printed but not read; not checked: t3-sum7 natural, commercial, research, social, legal, other, total; t3-row 3.3.4')"
}

@test "a negative count is an error but a negative delta is not" {
	run -1 --separate-stderr gip-check "$DATA/check-negative-count.tsv"
	assert_output "$(fnd r19 negative error t2:20.6.penalty:decisions '>=0' -1 'negative count')"
}

@test "blank zeros are no finding unless asked for, then one per report" {
	run -0 --separate-stderr gip-check "$DATA/check-blank-zeros.tsv"
	assert_output ''
	run -0 --separate-stderr gip-check -r +blanks "$DATA/check-blank-zeros.tsv"
	assert_output "$(fnd r19 blanks warn blank - 146 '146 blank cells counted as 0 (the first: t3:1:commercial)')"
}

@test "a blank total whose parts are not 0 is an error and a warning says why" {
	run -1 --separate-stderr gip-check "$DATA/check-blank-total.tsv"
	assert_output "$(fnd r19 t3-row error 't3:total=sum(natural-other):1' 1 0 "$ROWTOTAL 1, the total says 0"
fnd r19 blank warn t3:1:total - '' 'total not stated; counted as 0, which breaks t3:total=sum(natural-other):1')"
}

@test "digits of two cells run together are told when the split fixes all" {
	run -0 --separate-stderr gip-check -r digits \
	    "$DATA/check-digits-run-together.tsv"
	assert_output "$(fnd r19 digits warn t3:1:natural '600|17' 60017 'looks like 600 and 17 run together; with 17 in commercial every identity holds')"
}

@test "no digits warning when the neighbour cell holds a number" {
	run -0 --separate-stderr gip-check -r digits \
	    "$DATA/check-digits-neighbour-filled.tsv"
	assert_output ''
}

@test "a prose figure that differs from its cell is a warning" {
	run -0 --separate-stderr gip-check "$DATA/check-prose-disagrees.tsv"
	assert_output "$(fnd r19 prose warn prose:received=t3:1:total 1 2 'the text states 2 applications received, the table 1')"
}

@test "prose figures that equal their cells give no finding" {
	run -0 --separate-stderr gip-check "$DATA/check-prose-agrees.tsv"
	assert_output ''
}

@test "the 2019 template in a report for 2022 is a year warning" {
	run -0 --separate-stderr gip-check "$DATA/check-year-2019-in-2022.tsv"
	assert_output "$(fnd r19 year warn meta:template 2021 2019 '2019 template in a report for 2022; the 2021 template applies from 2021')"
}

@test "consecutive years of one body that disagree give carry and valid" {
	run -0 --separate-stderr gip-check "$DATA/check-two-years-disagree.tsv"
	assert_output "$(fnd body-2022 carry warn t3:2:natural 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward'
fnd body-2022 carry warn t3:2:total 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward'
fnd body-2022 valid warn t2:20.1.normative:valid 23 22 "valid 22, but 2021's valid plus issued minus repealed make 23")"
}

@test "the later year first gives the same carry finding" {
	grep '^body-2022' "$DATA/check-two-years-disagree.tsv" >reversed.tsv
	grep '^body-2021' "$DATA/check-two-years-disagree.tsv" >>reversed.tsv
	run -0 --separate-stderr gip-check -r carry reversed.tsv
	assert_output "$(fnd body-2022 carry warn t3:2:natural 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward'
fnd body-2022 carry warn t3:2:total 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward')"
}

@test "consecutive years of one body that agree give no finding" {
	run -0 --separate-stderr gip-check "$DATA/check-two-years-agree.tsv"
	assert_output ''
}

@test "findings name the line the report printed the cells on" {
	run -1 --separate-stderr gip-check "$DATA/check-lines.tsv"
	assert_output "$(fnd 'vol.txt#2' t3-sum7 error 't3:3.7=sum(3.1-3.6):natural' 2 1 "$SUM7 2, row 3.7 says 1" 275
fnd 'vol.txt#2' t3-sum7 error 't3:3.7=sum(3.1-3.6):total' 2 1 "$SUM7 2, row 3.7 says 1" 281)"
	# the line is the one of row 3.7's cell in the report
	run -0 awk -F'\t' '$3 == "3.7" && $4 == "natural" { print $6 }' \
	    "$DATA/check-lines.tsv"
	assert_output 275
}

@test "-e writes file:line: severity: rule: message, the #k of a volume cut" {
	run -1 --separate-stderr gip-check -e "$DATA/check-lines.tsv"
	assert_output "vol.txt:275: error: t3-sum7: $SUM7 2, row 3.7 says 1 (t3:3.7=sum(3.1-3.6):natural)
vol.txt:281: error: t3-sum7: $SUM7 2, row 3.7 says 1 (t3:3.7=sum(3.1-3.6):total)"
	run -0 --separate-stderr gip-check --editor "$DATA/check-prose-disagrees.tsv"
	assert_output "r19: warning: prose: the text states 2 applications received, the table 1 (prose:received=t3:1:total)"
}

@test "-q hides the warnings about form, keeps prose, year and carry" {
	{
		cat "$DATA/check-2021-single-36.tsv"
		sed 's/^r19/pr/' "$DATA/check-prose-disagrees.tsv"
		sed 's/^r19/yr/' "$DATA/check-year-2019-in-2022.tsv"
		sed 's/^r19/bl/' "$DATA/check-blank-total.tsv"
		cat "$DATA/check-two-years-disagree.tsv"
	} >mix.tsv
	run -1 --separate-stderr gip-check -q mix.tsv
	assert_output "$(fnd pr prose warn prose:received=t3:1:total 1 2 'the text states 2 applications received, the table 1'
fnd yr year warn meta:template 2021 2019 '2019 template in a report for 2022; the 2021 template applies from 2021'
fnd bl t3-row error 't3:total=sum(natural-other):1' 1 0 "$ROWTOTAL 1, the total says 0"
fnd body-2022 carry warn t3:2:natural 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward'
fnd body-2022 carry warn t3:2:total 3 2 'carried over from 2021: 2, but body-2021 carried 3 forward'
fnd body-2022 valid warn t2:20.1.normative:valid 23 22 "valid 22, but 2021's valid plus issued minus repealed make 23")"
}

@test "-r checks only the rules named" {
	run -0 --separate-stderr gip-check -r t4-sum,blank \
	    "$DATA/check-row-total-wrong.tsv"
	assert_output ''
	run -1 --separate-stderr gip-check --rules=t3-row \
	    "$DATA/check-row-total-wrong.tsv"
	assert_output --partial "$(printf 'r19\tt3-row\terror')"
}

@test "-r -rule leaves one rule out of the default ones" {
	run -1 --separate-stderr gip-check -r -blank "$DATA/check-blank-total.tsv"
	assert_output "$(fnd r19 t3-row error 't3:total=sum(natural-other):1' 1 0 "$ROWTOTAL 1, the total says 0")"
	run -0 --separate-stderr gip-check -r -t3-row,-blank \
	    "$DATA/check-blank-total.tsv"
	assert_output ''
}

@test "-r with an unknown rule is trouble" {
	run -2 --separate-stderr gip-check -r t3-row,nosuch \
	    "$DATA/check-sound-2019.tsv"
	assert_output ''
	[ "$stderr" = "gip-check: unknown rule 'nosuch'
usage: gip-check [-eHpq] [--csv] [--bom] [--summary] [-r rules] [file ...]" ]
}

@test "-r '' and -r with an empty name are trouble, not a check of nothing" {
	run -2 --separate-stderr gip-check -r '' "$DATA/check-t4-total-wrong.tsv"
	assert_output ''
	[ "${stderr%%$'\n'*}" = "gip-check: -r: no rule named" ]
	run -2 --separate-stderr gip-check -r 't3-row,' \
	    "$DATA/check-t4-total-wrong.tsv"
	[ "${stderr%%$'\n'*}" = "gip-check: -r: empty rule name" ]
}

@test "-H writes a header line whose names work unquoted in SQL" {
	run -1 --separate-stderr gip-check -H "$DATA/check-t4-total-wrong.tsv"
	assert_output "$(fnd source rule severity cells expected actual message line
fnd r19 t4-sum error 't4:total=sum(upheld-pending):suit.direct' 1 2 "$T4")"
}

@test "--csv writes RFC 4180 CSV with a header; sqlite3 and python read it" {
	command -v sqlite3 >/dev/null || skip "no sqlite3"
	run -1 --separate-stderr gip-check --csv "$DATA/check-lines.tsv"
	assert_line --index 0 $'source,rule,severity,cells,expected,actual,message,line\r'
	gip-check --csv "$DATA/check-lines.tsv" >f.csv || true
	gip-check "$DATA/check-lines.tsv" >f.tsv || true
	run -0 sqlite3 db.sqlite '.import --csv f.csv findings' \
	    'select source, rule, severity, cells, expected, actual, line from findings;'
	assert_output "$(cut -f1-6,8 f.tsv | tr '\t' '|')"
	run -0 python3 -c 'import csv, sys
rows = list(csv.reader(open("f.csv", newline="", encoding="utf-8")))
tsv = [l.rstrip("\n").split("\t") for l in open("f.tsv", encoding="utf-8")]
sys.exit(rows[1:] != tsv)'
}

@test "--bom puts a UTF-8 byte order mark before the CSV" {
	run -1 --separate-stderr gip-check --csv --bom "$DATA/check-t4-total-wrong.tsv"
	[ "${output:0:7}" = $'\xef\xbb\xbfsource' ]
}

@test "--summary tells reports read, with errors, with warnings" {
	{
		sed 's/^r19/ok/' "$DATA/check-sound-2019.tsv"
		sed 's/^r19/pr/' "$DATA/check-prose-disagrees.tsv"
		sed 's/^r19/bl/' "$DATA/check-blank-total.tsv"
	} >three.tsv
	run -1 --separate-stderr gip-check --summary three.tsv
	[ "$stderr" = "gip-check: 3 reports read, 1 with errors, 2 with warnings" ]
}

@test "-p passes the cells of sound reports, says how many it held back" {
	sed 's/^r19/bad/' "$DATA/check-t4-total-wrong.tsv" >mixed.tsv
	cat "$DATA/check-sound-2019.tsv" >>mixed.tsv
	run -1 --separate-stderr gip-check -p mixed.tsv
	assert_output "$(cat "$DATA/check-sound-2019.tsv")"
	[ "$stderr" = "$(fnd bad t4-sum error 't4:total=sum(upheld-pending):suit.direct' 1 2 "$T4")
gip-check: 1 of 2 reports held back for their errors (-p): their cells were not passed on" ]
	run -1 --separate-stderr gip-check --pass --summary mixed.tsv
	[ "${stderr##*$'\n'}" = "gip-check: 2 reports read, 1 with errors, 0 with warnings, 1 held back" ]
}

@test "-p passes reports with warnings only, and says nothing more" {
	run -0 --separate-stderr gip-check -p "$DATA/check-prose-agrees.tsv"
	assert_output "$(cat "$DATA/check-prose-agrees.tsv")"
	[ "$stderr" = '' ]
}

@test "-p keeps the line field of the cells" {
	awk 'BEGIN { OFS = "\t" } { print $0, NR + 7 }' \
	    "$DATA/check-sound-2019.tsv" >ok.tsv
	run -0 --separate-stderr gip-check -p ok.tsv
	assert_output "$(cat ok.tsv)"
}

@test "-p passes escaped and long fields, with and without a line field, as they came" {
	# escapes are undone when read and made again when passed on; a
	# field too long for the pass buffer goes by the record writer
	awk 'BEGIN { OFS = "\t" }
	    $3 == "title" { $5 = "a\\tb\\\\c\\nd" }
	    $3 == "org" { s = $5; while (length(s) < 1500) s = s "x"; $5 = s }
	    NR % 2 { print $0, NR + 7; next } { print }' \
	    "$DATA/check-sound-2019.tsv" >ok.tsv
	grep -q 'a\\tb\\\\c\\nd' ok.tsv
	run -0 --separate-stderr gip-check -p ok.tsv
	assert_output "$(cat ok.tsv)"
}

@test "a report given instead of cells is told so" {
	run -2 --separate-stderr gip-check "$SAMPLES/003_dbbcdc9ed14344e0.txt"
	[ "$stderr" = "gip-check: $SAMPLES/003_dbbcdc9ed14344e0.txt:1: 1 field, want 5 or 6 (not cells: a report? run gip-tables on it first)" ]
	run -2 --separate-stderr gip-check "$DATA/html-entities.html"
	[ "$stderr" = "gip-check: $DATA/html-entities.html:1: 1 field, want 5 or 6 (not cells: a report? run gip-tables on it first)" ]
}

@test "a sections stream given instead of cells is told so" {
	gip-sections "$SAMPLES/004_d40ac86c24e87fe8.txt" >sections.tsv
	run -2 --separate-stderr gip-check <sections.tsv
	[ "$stderr" = "gip-check: -:1: unknown table '0' (gip-sections output, not cells: gip-tables writes cells)" ]
}

@test "findings given back to gip-check are told so" {
	gip-check "$DATA/check-lines.tsv" >findings.tsv || true
	run -2 --separate-stderr gip-check findings.tsv
	[ "$stderr" = "gip-check: findings.tsv:1: 8 fields, want 5 or 6 (gip-check findings, not cells)" ]
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
	    'gip-check "$1" >/dev/full' sh "$DATA/check-row-missing.tsv"
	assert_output ''
	[[ "$stderr" == 'gip-check: write error: No space left on device' ]]
}

@test "a closed pipe ends gip-check quietly" {
	for i in $(seq 0 999); do
		sed "s/^r19/s$i/" "$DATA/check-row-missing.tsv"
	done >many.tsv
	run -0 --separate-stderr sh -c 'gip-check many.tsv | head -1'
	assert_output --partial "$(printf 's0\tmissing\terror')"
	[ "$stderr" = '' ]
}

@test "the long options are the short ones" {
	run -1 --separate-stderr gip-check --header --quiet \
	    "$DATA/check-blank-total.tsv"
	assert_output "$(fnd source rule severity cells expected actual message line
fnd r19 t3-row error 't3:total=sum(natural-other):1' 1 0 "$ROWTOTAL 1, the total says 0")"
	run -2 --separate-stderr gip-check --nosuch "$DATA/check-blank-total.tsv"
	[ "${stderr##*$'\n'}" = "usage: gip-check [-eHpq] [--csv] [--bom] [--summary] [-r rules] [file ...]" ]
}

@test "--version prints the version" {
	run -0 --separate-stderr gip-check --version
	assert_output 'gip-check (gip) 0.1.0'
}

@test "--help names every rule with its marks" {
	run -0 --separate-stderr gip-check --help
	assert_line 'rules: missing(e) omitted(q) template(q) unread negative(e) blank(q) blanks(q)(o) digits prose year t3-bal(e) t3-sum7(e) t3-row(e) t4-sum(e) carry valid'
}

@test "the EXAMPLES of the manual run" {
	cp "$DATA/check-row-total-wrong.tsv" cells.tsv
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$TOP/man/gip-check.1" \
	    >examples
	[ "$(wc -l <examples)" -eq 4 ]
	while read -r cmd; do
		run -1 sh -c "$cmd"
	done <examples
	run -0 cat findings.tsv
	assert_output "$(fnd r19 t3-row error 't3:total=sum(natural-other):1' 1 2 "$ROWTOTAL 1, the total says 2")
gip-check: 1 of 1 reports held back for their errors (-p): their cells were not passed on"
	[ ! -s sound.tsv ]
	run -0 cat errors.txt
	assert_output "r19: error: t3-row: $ROWTOTAL 1, the total says 2 (t3:total=sum(natural-other):1)"
}

@test "the prose of seed 000 disagrees with its table" {
	seed=000_123c809bf521ceaa
	gip-tables "$SAMPLES/$seed.txt" >seed.tsv
	run -0 --separate-stderr sh -c 'gip-check -r prose seed.tsv | cut -f1-7'
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
