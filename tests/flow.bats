#!/usr/bin/env bats
# The audit workflow (issue 15) on the report side: the line field, several
# reports in one input, gip-sections -s with file names, CSV, the readable
# view, long options and help, man gip, make demo's packages.
load helper

T=$'\t'
S4=$SAMPLES/004_d40ac86c24e87fe8.txt
S0=$SAMPLES/000_123c809bf521ceaa.txt

setup() {
	cd "$BATS_TEST_TMPDIR"
}

need_gen() {
	[ -f "$SHARED/corpus/gen/gipgen.py" ] ||
	    skip "no generator: $SHARED/corpus/gen/gipgen.py"
}

# --- the line field ---

@test "every cell has six fields, the sixth a line number or empty" {
	gip-tables "$SAMPLES"/*.txt >cells.tsv
	run awk -F'\t' 'NF != 6 || $6 !~ /^[0-9]*$/' cells.tsv
	assert_output ''
	# Table cells always know their line.
	run awk -F'\t' '$2 ~ /^t[234]$/ && $6 == ""' cells.tsv
	assert_output ''
}

@test "the line of a cell shows its value: one-line rows of three layouts" {
	need_gen
	python3 "$SHARED/corpus/gen/gipgen.py" --out c --count 45 \
	    --seed lines --layouts tabrow,grid,pipe \
	    --encodings utf8,gb18030,utf16le --jobs 2 >/dev/null
	gip-tables c/*.txt >cells.tsv 2>/dev/null
	run -0 python3 "$TOP/tests/linecheck.py" cells.tsv
	assert_output --partial ' cells on their line, 0 not'
}

@test "the line of a cell is its row's: the samples (one cell per line)" {
	gip-tables "$SAMPLES"/*.txt >cells.tsv
	run -0 python3 "$TOP/tests/linecheck.py" --within 12 cells.tsv
	assert_output --partial ' cells on their line, 0 not'
}

@test "the line of a cell is its row's: wrapped and one-cell-per-line rows" {
	need_gen
	python3 "$SHARED/corpus/gen/gipgen.py" --out c --count 30 \
	    --seed lines2 --layouts cellline,spaced --jobs 2 >/dev/null
	gip-tables c/*.txt >cells.tsv 2>/dev/null
	# The value is on the row's first line or on the lines below it.
	run -0 python3 "$TOP/tests/linecheck.py" --within 12 cells.tsv
	assert_output --partial ' cells on their line, 0 not'
}

@test "the line field leads to the cell in a real report (file:line)" {
	run -0 sh -c "gip-tables -t t3 '$S4' | awk -F'\t' '\$3 == \"3.7\" &&
	    \$4 == \"total\" { print \$6 }'"
	line=$output
	[ "$line" -gt 0 ]
	run -0 sed -n "${line}p" "$S4"
	assert_output --partial '总计'
}

@test "-H names the cells fields as SQL takes them: source tbl row col value line" {
	run -0 gip-tables -H -t meta "$S4"
	assert_line -n 0 "source${T}tbl${T}row${T}col${T}value${T}line"
}

# --- several reports in one input ---

@test "two reports joined by cat are read as two, each as its own file" {
	gip-tables "$S0" "$S4" >sep.tsv
	cat "$S0" "$S4" >both.txt
	run -0 --separate-stderr gip-tables both.txt
	printf '%s\n' "${lines[@]}" >cat.tsv
	run -0 python3 "$TOP/tests/catcmp.py" cat.tsv both.txt sep.tsv \
	    "$S0" "$S4"
	run -0 sh -c "cut -f 1 cat.tsv | uniq"
	assert_output "both.txt#1
both.txt#2"
}

@test "-1 reads a joined file as one report" {
	cat "$S0" "$S4" >both.txt
	run -0 sh -c "gip-tables -1 both.txt | cut -f 1 | uniq"
	assert_output "both.txt"
}

@test "gipgen --concat (form feeds) and plain cat: every report as alone" {
	need_gen
	python3 "$SHARED/corpus/gen/gipgen.py" --out g --concat g.cat \
	    --count 60 --seed flowcat --variants all --jobs 2 >/dev/null
	gip-tables g/*.txt >sep.tsv 2>/dev/null
	gip-tables g.cat >cat.tsv 2>/dev/null
	run -0 python3 "$TOP/tests/catcmp.py" cat.tsv g.cat sep.tsv g/*.txt
	# Without form feeds: the files with LF line ends, joined by cat (a
	# CR at one file's end and an LF at the next one's would join lines).
	mkdir lf
	for f in g/*.txt; do
		python3 -c 'import sys, re; sys.stdout.write(re.sub("\r\n?", "\n",
		    open(sys.argv[1], encoding="utf-8").read()))' "$f" \
		    >"lf/${f#g/}"
	done
	gip-tables lf/*.txt >lfsep.tsv 2>/dev/null
	cat lf/*.txt >plain.txt
	gip-tables plain.txt >plain.tsv 2>/dev/null
	run -0 python3 "$TOP/tests/catcmp.py" plain.tsv plain.txt lfsep.tsv \
	    lf/*.txt
}

@test "a single report is never split: 300 generated, samples, seeds, fixtures" {
	need_gen
	python3 "$SHARED/corpus/gen/gipgen.py" --out c --count 300 \
	    --seed nosplit --variants all --layouts all --jobs 2 >/dev/null
	ls "$DATA"/*.txt "$DATA"/*.html | grep -v /volume- >fixtures
	run -0 sh -c "gip-tables -q c/0*.txt c/0*.html '$SAMPLES'/*.txt \
	    \$(cat fixtures) 2>/dev/null | cut -f 1 | grep -c '#' || true"
	assert_output 0
	run -0 sh -c "gip-sections c/0*.txt \$(cat fixtures) 2>/dev/null |
	    cut -f 1 | grep -c '#' || true"
	assert_output 0
}

@test "real PDFs through pdftotext: no report split, three joined are three" {
	command -v pdftotext >/dev/null || skip "no pdftotext"
	ls "$SHARED"/corpus/real/*.pdf >/dev/null 2>&1 || skip "no real PDFs"
	for f in "$SHARED"/corpus/real/*.pdf; do
		b=$(basename "$f" .pdf)
		pdftotext -layout "$f" "$b.layout.txt"
		pdftotext "$f" "$b.raw.txt"
	done
	gip-tables -q ./*.layout.txt ./*.raw.txt >sep.tsv || true
	run -0 sh -c "cut -f 1 sep.tsv | grep -c '#' || true"
	assert_output 0
	cat ./*.layout.txt >volume.txt
	gip-tables -q volume.txt >vol.tsv || true
	run -0 python3 "$TOP/tests/catcmp.py" vol.tsv volume.txt sep.tsv \
	    ./*.layout.txt
}

@test "headings repeated without a title or page break are one report" {
	# As a table of contents repeated, or the hostile heads of hostile.bats.
	for i in 1 2 3 4 5; do
		printf '一、总体情况\n二、主动公开政府信息情况\n'
		printf '三、收到和处理政府信息公开申请情况\n'
		printf '四、政府信息公开行政复议、行政诉讼情况\n'
		printf '五、存在的主要问题及改进情况\n六、其他需要报告的事项\n'
		seq 30
	done >heads.txt
	run -0 sh -c "gip-sections heads.txt | cut -f 1 | uniq"
	assert_output heads.txt
}

@test "a table of contents listing the six headings does not split a report" {
	{
		printf '目录\n'
		printf '一、总体情况\n二、主动公开政府信息情况\n'
		printf '三、收到和处理政府信息公开申请情况\n'
		printf '四、政府信息公开行政复议、行政诉讼情况\n'
		printf '五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n'
		cat "$S4"
	} >toc.txt
	# (The tables are then looked for after the contents' headings and
	# not found: a known limit, not a split.)
	run -2 sh -c "gip-tables toc.txt 2>/dev/null | cut -f 1 | uniq;
	    exit \${PIPESTATUS:-2}"
	run -0 sh -c "gip-tables toc.txt 2>/dev/null | cut -f 1 | uniq"
	assert_output toc.txt
	run -0 sh -c "gip-sections toc.txt | cut -f 1 | uniq"
	assert_output toc.txt
}

@test "messages about a joined report name the input's line" {
	printf '第一行\n' >a.txt
	cat "$DATA/t3-short-row.txt" >>a.txt
	gip-tables "$DATA/t3-short-row.txt" >/dev/null 2>want.err
	cat "$S4" "$DATA/t3-short-row.txt" >both.txt
	n=$(wc -l <"$S4")
	run -0 --separate-stderr gip-tables both.txt
	line=$(sed 's/^[^:]*:[^:]*:\([0-9]*\):.*/\1/' want.err)
	assert_equal "$stderr" "$(sed "s|^gip-tables: [^:]*:[0-9]*:|gip-tables: both.txt:$((line + n)):|" want.err)"
}

@test "gip-sections: joined reports give each report's sections, input lines" {
	m=$DATA/report-minimal.txt
	gip-sections "$m" >one.tsv
	cat "$m" "$m" "$m" >three.txt
	n=$(wc -l <"$m")
	run -0 gip-sections three.txt
	assert_output "$(for k in 1 2 3; do
		awk -F'\t' -v OFS='\t' -v d=$(((k - 1) * n)) -v k=$k '
		    { $1 = "three.txt#" k; $4 += d; $5 += d; print }' one.tsv
	done)"
	run -0 gip-sections -s 1 three.txt
	assert_output "$(for k in 1 2 3; do
		gip-sections -s 1 "$m" | sed "s|^|three.txt#$k:|"; done)"
}

# --- gip-sections -s with file names ---

@test "gip-sections -s 6 a b names each line's file, as grep -H" {
	run -0 gip-sections -s 6 "$S0" "$S4"
	want=$( { gip-sections -s 6 "$S0" | sed "s|^|$S0:|"
	    gip-sections -s 6 "$S4" | sed "s|^|$S4:|"; } )
	assert_output "$want"
}

@test "gip-sections -s: --no-filename and --with-filename force, as grep -h/-H" {
	run -0 gip-sections -s 6 --no-filename "$S0" "$S4"
	assert_output "$(gip-sections -s 6 "$S0"; gip-sections -s 6 "$S4")"
	run -0 gip-sections -s 6 --with-filename "$S4"
	assert_output "$(gip-sections -s 6 "$S4" | sed "s|^|$S4:|")"
}

# --- CSV ---

@test "--csv: python's csv module reads the TSV's values, header first" {
	gip-tables "$SAMPLES"/*.txt >cells.tsv
	gip-tables --csv "$SAMPLES"/*.txt >cells.csv
	run -0 python3 - <<'EOF'
import csv
def unescape(s):
    return s.replace('\\t', '\t').replace('\\n', '\n').replace('\\r', '\r').replace('\\\\', '\\')
tsv = [[unescape(f) for f in l.rstrip('\n').split('\t')] for l in open('cells.tsv', encoding='utf-8')]
rows = list(csv.reader(open('cells.csv', encoding='utf-8', newline='')))
assert rows[0] == ['source', 'tbl', 'row', 'col', 'value', 'line'], rows[0]
assert rows[1:] == tsv, 'differ'
print(len(tsv))
EOF
	[ "$output" -gt 1000 ]
}

@test "--csv: sqlite3 .import --csv loads the same values as the TSV" {
	command -v sqlite3 >/dev/null || skip "no sqlite3"
	gip-tables "$SAMPLES"/*.txt >cells.tsv
	gip-tables --csv "$SAMPLES"/*.txt >cells.csv
	run -0 sqlite3 -separator "$T" :memory: '.import --csv cells.csv cells' \
	    'select source, tbl, row, col, value, line from cells'
	printf '%s\n' "${lines[@]}" >db.tsv
	run diff cells.tsv db.tsv
	assert_success
}

@test "--csv quotes a field with a comma or a quote, RFC 4180" {
	sed 's/^某某县人民政府办公室$/某某县,"人民政府"办公室/' \
	    "$DATA/report-minimal.txt" >q.txt
	run -0 sh -c 'gip-tables --csv -t meta q.txt | sed -n 3p'
	assert_output $'q.txt,meta,org,-,"某某县,""人民政府""办公室",1\r'
}

@test "--bom writes a UTF-8 byte order mark first, once" {
	run -0 sh -c "gip-tables --csv --bom '$S4' '$S0' | head -c 3 | od -An -tx1"
	assert_output ' ef bb bf'
	bom=$(printf '\357\273\277')
	run -0 sh -c "gip-tables --csv --bom '$S4' '$S0' | grep -c '$bom'"
	assert_output 1
	run -0 sh -c "gip-tables --bom -t t3 '$S4' | head -c 3 | od -An -tx1"
	assert_output ' ef bb bf'
}

@test "gip-sections --csv: header and quoted bodies load in python's csv" {
	gip-sections -b "$S4" >s.tsv
	gip-sections --csv -b "$S4" >s.csv
	run -0 python3 - <<'EOF'
import csv
def unescape(s):
    return s.replace('\\t', '\t').replace('\\n', '\n').replace('\\r', '\r').replace('\\\\', '\\')
tsv = [[unescape(f) for f in l.rstrip('\n').split('\t')] for l in open('s.tsv', encoding='utf-8')]
rows = list(csv.reader(open('s.csv', encoding='utf-8', newline='')))
assert rows[0] == ['source', 'section', 'title', 'first_line', 'last_line', 'body'], rows[0]
assert rows[1:] == tsv
print(len(tsv))
EOF
	assert_output 7
}

# --- the readable view ---

@test "--view shows t3 with the template's labels, columns aligned by width" {
	run -0 gip-tables --view "$S4"
	assert_line "== $S4"
	assert_line --regexp '^ +自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计  行$'
	assert_line --regexp '^（七）总计 +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+  [0-9]+$'
	# Every line of the t3 block ends its last value column at the same
	# display column: the header, 23 rows (2019 template).
	run -0 sh -c "gip-tables --view '$S4' |
	    sed -n '/^t3 /,/^\$/p' | sed '1d;\$d' | sed 's/  [0-9行]*\$//' |
	    python3 -c '
import sys, unicodedata
for l in sys.stdin:
    l = l.rstrip(\"\\n\")
    print(sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in l))' |
	    sort -u | wc -l"
	assert_output 1
}

@test "--view gives each row the input line it was read from" {
	line=$(gip-tables -t t3 "$S4" | awk -F'\t' '$3 == "3.7" { print $6; exit }')
	run -0 sh -c "gip-tables --view '$S4' | grep '^（七）总计'"
	assert_output --regexp "  $line\$"
}

@test "--view refuses record options with the usage" {
	run -2 --separate-stderr gip-tables --view --csv "$S4"
	assert_equal "${stderr_lines[1]%% *}" "usage:"
}

# --- options, help, man gip, demo ---

@test "gip-tables and gip-sections take the long options of gip(7)" {
	run -0 gip-tables --header --quiet --tables=meta "$S4"
	assert_line -n 0 "source${T}tbl${T}row${T}col${T}value${T}line"
	run -0 gip-sections --header --section=6 "$S4" || true
	run -2 --separate-stderr gip-sections --header --section=6 "$S4"
	run -0 gip-sections --header --body "$S4"
	assert_line -n 0 "source${T}section${T}title${T}first_line${T}last_line${T}body"
}

@test "--help: the usage line, the options, -h and -V, in one style" {
	for p in gip-tables gip-sections gip-check gip-sum; do
		run -0 --separate-stderr $p --help
		assert_line -n 0 --regexp "^usage: $p "
		assert_line '  -H, --header        write a header line first'
		assert_line '  -h, --help          this help'
		assert_line '  -V, --version       the version'
		assert_line "See $p(1) and gip(7)."
		run -0 --separate-stderr $p -h
		assert_line -n 0 --regexp "^usage: $p "
	done
}

@test "a bad argument prints the usage line, status 2" {
	run -2 --separate-stderr gip-tables --tables=t9 "$S4"
	assert_equal "${stderr_lines[1]%% *}" "usage:"
	run -2 --separate-stderr gip-tables --nosuch
	assert_equal "${stderr_lines[1]%% *}" "usage:"
	run -2 --separate-stderr gip-sections --section=9 "$S4"
	assert_equal "${stderr_lines[1]%% *}" "usage:"
}

@test "man gip opens the overview gip(7); man 5 gip the formats" {
	command -v man >/dev/null || skip "no man"
	make -C "$TOP" -s install DESTDIR="$BATS_TEST_TMPDIR/inst" \
	    PREFIX=/usr >/dev/null
	export MANPATH=$BATS_TEST_TMPDIR/inst/usr/share/man
	run -0 sh -c 'man -P cat gip 2>/dev/null | head -1'
	assert_output --regexp '^GIP\(7\) '
	run -0 sh -c 'man -P cat 5 gip 2>/dev/null | head -1'
	assert_output --regexp '^GIP\(5\) '
	run -0 man -w 7 gip
}

@test "make demo needs the build packages only, make check the test ones" {
	mkdir fake
	# dpkg-query that knows only the four libraries; not root.
	printf '#!/bin/sh\ncase "$3" in libpcre2-dev|libcsv-dev|libxml2-dev|libzip-dev) echo "install ok installed";; esac\n' >fake/dpkg-query
	printf '#!/bin/sh\necho 1000\n' >fake/id
	chmod +x fake/dpkg-query fake/id
	PATH=$PWD/fake:$PATH run -0 --separate-stderr sh "$TOP/scripts/deps" build
	PATH=$PWD/fake:$PATH run -1 --separate-stderr sh "$TOP/scripts/deps" test
	assert_equal "${stderr_lines[1]}" "  apt-get install -y poppler-utils poppler-data bats bats-assert bats-support mandoc parallel sqlite3 fonts-wqy-zenhei"
	run -0 make -C "$TOP" -n demo
	assert_line 'sh scripts/deps build'
	refute_line 'sh scripts/deps test'
}

@test "the README says where the programs are and how to put them on PATH" {
	run -0 grep -F 'export PATH="$PWD/bin:$PATH"' "$TOP/README.md"
	run -0 grep -F 'held back' "$TOP/README.md"
	run -0 grep -F 'held back' "$TOP/man/gip.7"
}

@test "comments in src/ cite gip(5)/gip(7), never SPEC.md or TEMPLATES.md" {
	run grep -rnE 'SPEC\.md|TEMPLATES\.md|SPEC (key|order|col)' "$TOP/src" \
	    --include='*.[ch]'
	assert_output ''
}

@test "a compiled volume: two departments' reports, signature above title" {
	# VARIANTS.md, "Several reports in one input".
	f=$DATA/volume-two-departments.txt
	run -0 sh -c "gip-tables -t meta '$f' | cut -f 1,3,5"
	assert_output "$(printf '%s\n' \
	    "$f#1${T}title${T}某某县人民政府办公室2020年政府信息公开工作年度报告" \
	    "$f#1${T}org${T}某某县人民政府办公室" "$f#1${T}year${T}2020" \
	    "$f#1${T}date${T}2021-01-20" \
	    "$f#2${T}title${T}某某县财政局2020年政府信息公开工作年度报告" \
	    "$f#2${T}org${T}某某县财政局" "$f#2${T}year${T}2020" \
	    "$f#2${T}date${T}2021-01-22")"
	# The same without the page break between them.
	tr -d '\f' <"$f" >noff.txt
	run -0 sh -c "gip-tables -t meta noff.txt | cut -f 1,3,5 |
	    sed 's/^noff.txt/${f//\//\\/}/'"
	assert_output "$(gip-tables -t meta "$f" | cut -f 1,3,5)"
	run -0 sh -c "gip-sections -s 1 '$f' | grep 主动公开政府信息"
	assert_output "$f#1:本年度主动公开政府信息216条。
$f#2:本年度主动公开政府信息35条。"
}

@test "HTML pages joined into one file: each page's tables as alone" {
	need_gen
	python3 "$SHARED/corpus/gen/gipgen.py" --out h --concat h.cat \
	    --count 12 --seed hcat --layouts html,wordhtml --jobs 2 >/dev/null
	gip-tables -q -t t2,t3,t4 h/*.html >sep.tsv || true
	gip-tables -q -t t2,t3,t4 h.cat >cat.tsv || true
	# Lines are of the text made from the pages: compare fields 2-5.
	run -0 sh -c "cut -f 1 cat.tsv | uniq | wc -l"
	assert_output 12
	k=0
	for f in h/*.html; do
		k=$((k + 1))
		diff <(grep "^$f$T" sep.tsv | cut -f 2-5) \
		    <(grep "^h.cat#$k$T" cat.tsv | cut -f 2-5)
	done
}

@test "a bad option or a missing argument: the program's name, what is wrong, the usage line" {
	for p in gip-tables gip-sections gip-check gip-sum; do
		run -2 --separate-stderr $p --no-such-option
		assert_equal "${stderr%%$'\n'*}" "$p: unknown option --no-such-option"
		assert_equal "$(printf '%s\n' "$stderr" | sed -n 2p | cut -d' ' -f1,2)" "usage: $p"
		assert_output ""
	done
	run -2 --separate-stderr gip-sum --group
	assert_equal "${stderr%%$'\n'*}" "gip-sum: missing argument for --group"
	run -2 --separate-stderr gip-tables -t
	assert_equal "${stderr%%$'\n'*}" "gip-tables: missing argument for -t"
}
