#!/usr/bin/env bats
# src/html.c through tests/htmldump: HTML pages as report text.
# In expected text → stands for TAB and ␌ for a form feed.

bats_require_minimum_version 1.5.0
load helper

HTMLDUMP=$TOP/tests/htmldump
[ -x "$GIP_BIN/htmldump" ] && HTMLDUMP=$GIP_BIN/htmldump

tabs() {
	sed 's/→/\t/g; s/␌/\f/g'
}

@test "rowspan and colspan become empty cells and every row has 10 cells" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-rowspan.html"
	assert_output "$(tabs <<'EOF'
三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）→→→申请人情况→→→→→→
→→→自然人→法人或其他组织→→→→→总计
→→→→商业企业→科研机构→社会公益组织→法律服务机构→其他→
一、本年新收政 府信息公开申请数量→→→5→1→0→0→0→0→6
三、本年度办理结果→（一）予以公开→→3→→→→0→0→3
→（三）不予公开→1.属于国家秘密→1→0→0→0→0→0→1
→→2.其他法律行政法规禁止公开→1→1→0→0→0→0→2
→（七）总计→→5→1→0→0→0→0→6

四、政府信息公开行政复议、行政诉讼情况
EOF
)"
	assert_equal "$stderr" ""
}

@test "word spans rejoin, list numbers stay, conditionals and o:p vanish" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-word-spans.html"
	assert_output "$(cat <<'EOF'
一、 总体情况
本年度收到申请52件，（三）不予公开1件。
四、政 府
EOF
)"
}

@test "a layout table around tables gives its text as lines" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-nested-layout.html"
	assert_output "$(tabs <<'EOF'
二、主动公开政府信息情况

第二十条第（一）项→→→
信息内容→本年制发件数→本年废止件数→现行有效件数
规章→0→0→4

三、收到和处理政府信息公开申请情况
浏览次数：1532
EOF
)"
}

@test "word's misaligned-columns row of empty cells is dropped" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-misaligned.html"
	assert_output "$(tabs <<'EOF'
第二十条第（八）项→
行政事业性收费→12.5
EOF
)"
}

@test "entities are decoded and nbsp is a space, blank cells are empty" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-entities.html"
	assert_output "$(tabs <<'EOF'
二〇二一年一月十八日 A&B <1> 一"x"

规章→→→→1,234

结束
EOF
)"
}

@test "a page-break br or style gives a form-feed line" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-pagebreak.html"
	assert_output "$(tabs <<'EOF'
- 3 -
␌
四、政府信息公开行政复议、行政诉讼情况
␌
五、存在的主要问题及改进情况
第一行
第二行
EOF
)"
}

@test "paragraphs, br and white space inside a cell join with one space" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-cell-paragraphs.html"
	assert_output "$(tabs <<'EOF'
（二）部分公开 （区分处理的，只计这一情形，不计其他情形）→本年新 制作数量→a b c
EOF
)"
}

@test "head, script, style, comments and display:none are not text" {
	run -0 --separate-stderr "$HTMLDUMP" "$DATA/html-hidden.html"
	assert_output "$(cat <<'EOF'
正文
一、总体情况 and more words
EOF
)"
}

@test "a GBK page whose meta says gb2312 reads as the decoded text" {
	iconv -f UTF-8 -t GB18030 "$DATA/html-gbk.utf8.html" \
	    >"$BATS_TEST_TMPDIR/html-gbk.html"
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/html-gbk.html"
	assert_output "$(tabs <<'EOF'
二〇二一年 黄庄镇人民政府

规章→0
EOF
)"
}

@test "a UTF-16 page with a gb2312 meta reads the same" {
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE \
	    "$DATA/html-gbk.utf8.html"; } >"$BATS_TEST_TMPDIR/html-16.html"
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/html-16.html"
	assert_output "$(tabs <<'EOF'
二〇二一年 黄庄镇人民政府

规章→0
EOF
)"
}

@test "broken markup is repaired, colspan=0 counts as 1" {
	printf '<table><tr><td>a<td>b<tr><td colspan=0>c</table>x' \
	    >"$BATS_TEST_TMPDIR/broken.html"
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/broken.html"
	assert_output "$(tabs <<'EOF'
a→b
c→

x
EOF
)"
}

@test "huge spans cannot make unbounded text" {
	need_cmd python3
	python3 -c "print('<table><tr><td colspan=99999 rowspan=99999>x'
	    '</td></tr>' + '<tr><td>y</td></tr>' * 200000 + '</table>')" \
	    >"$BATS_TEST_TMPDIR/wide.html"
	run -2 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/wide.html"
	assert_output ""
	assert_equal "$stderr" \
	    "htmldump: $BATS_TEST_TMPDIR/wide.html: html: text longer than 31449080 bytes"
}

@test "a page nested 300 deep is read whole, past 4096 with a warning" {
	need_cmd python3
	python3 -c "print('<p>a</p>' + '<div>' * 300 + 'b' + '</div>' * 300 +
	    '<p>c</p>')" >"$BATS_TEST_TMPDIR/d300.html"
	python3 -c "print('<p>a</p>' + '<div>' * 5000 + 'b' + '</div>' * 5000 +
	    '<p>c</p>')" >"$BATS_TEST_TMPDIR/d5000.html"
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/d300.html"
	assert_output $'a\nb\nc'
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/d5000.html"
	assert_output $'a\nc'
	assert_equal "$stderr" "htmldump: $BATS_TEST_TMPDIR/d5000.html: html: elements nested deeper than 4096 levels were not read"
}

@test "a blank page gives no text" {
	printf ' \n\n' >"$BATS_TEST_TMPDIR/blank.html"
	run -0 --separate-stderr "$HTMLDUMP" "$BATS_TEST_TMPDIR/blank.html"
	assert_output ""
	assert_equal "$stderr" ""
}

@test "gipgen html and wordhtml pages: t3 rows 10 cells, t4 15, values true" {
	need_shared
	gen=$SHARED/corpus/gen/gipgen.py
	dir=$BATS_TEST_TMPDIR/corpus
	python3 "$gen" --out "$dir" --count 40 --layouts html,wordhtml \
	    --encodings utf8,gb18030,utf16le --seed html-bats >/dev/null
	mkdir "$dir/dump"
	for f in "$dir"/*.html; do
		b=${f##*/}
		"$HTMLDUMP" "$f" >"$dir/dump/${b%.html}.txt"
	done
	run -0 python3 "$TOP/tests/html-truth.py" "$dir/dump" "$dir"
	assert_output "pages 40 ok 40"
}

@test "html-render pages of the five seed truths read back whole" {
	need_shared "seed-truth"
	dir=$BATS_TEST_TMPDIR/seeds
	mkdir -p "$dir/dump"
	for f in "$SHARED"/corpus/truth/*.tsv; do
		b=${f##*/}
		b=${b%.tsv}
		python3 "$TOP/tests/html-render.py" -o "$dir/$b.html" "$f" \
		    "$SHARED/corpus/seeds/$b.txt"
		python3 "$TOP/tests/html-render.py" --word -o "$dir/w$b.html" "$f"
		cp "$f" "$dir/$b.tsv"
		cp "$f" "$dir/w$b.tsv"
	done
	for f in "$dir"/*.html; do
		b=${f##*/}
		"$HTMLDUMP" "$f" >"$dir/dump/${b%.html}.txt"
	done
	run -0 python3 "$TOP/tests/html-truth.py" "$dir/dump" "$dir"
	assert_output "pages 10 ok 10"
}

@test "html-render pages of both templates, rows missing, read back whole" {
	need_shared
	dir=$BATS_TEST_TMPDIR/text
	python3 "$SHARED/corpus/gen/gipgen.py" --out "$dir" --count 30 \
	    --layouts tabrow --errors 0.6 --seed html-render >/dev/null
	mkdir -p "$dir/r/dump"
	for f in "$dir"/[0-9]*.tsv; do
		b=${f##*/}
		b=${b%.tsv}
		python3 "$TOP/tests/html-render.py" -o "$dir/r/$b.html" "$f" \
		    "$dir/$b.txt"
		cp "$f" "$dir/r/"
		"$HTMLDUMP" "$dir/r/$b.html" >"$dir/r/dump/$b.txt"
	done
	cut -f3 "$dir/index.tsv" | sort -u | tr '\n' ' ' >"$dir/templates"
	assert_equal "$(cat "$dir/templates")" "2019 2021 template "
	grep -q 'missing' "$dir/index.tsv"
	run -0 python3 "$TOP/tests/html-truth.py" "$dir/r/dump" "$dir/r"
	assert_output "pages 30 ok 30"
}

@test "htmldump -g: a table's visible cells with their grid columns, values under the header's columns, empty rows left out" {
	run -0 --separate-stderr "$HTMLDUMP" -g "$DATA/html-cell-spans.html"
	assert_output "$(cat <<'EOF2'
table 6-12
6	0-20:第二十条第(一)项
7	0-4:信息内容	4-8:本年制发件数	8-16:本年废止件数	16-20:现行有效件数
8	0-4:规章	4-8:3	8-16:0	16-20:12
9	0-4:行政规范性文件	4-8:5	8-16:1	16-20:
10	0-20:第二十条第(五)项
11	0-4:信息内容	4-20:本年处理决定数量
12	0-8:行政许可	4-20:25
table 16-21
16	0-12:(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)	12-40:申请人情况
17	12-16:自然人	16-36:法人或其他组织	36-40:总计
18	16-20:商业企业	20-24:科研机构	24-28:社会公益组织	28-32:法律服务机构	32-36:其他
19	0-8:一、本年新收政府信息公开申请数量	12-16:4	16-20:1	20-24:0	24-28:	28-32:0	32-36:0	36-40:5
20	0-4:三、本年度办理结果	4-8:(一)予以公开	12-16:3	16-20:	20-24:0	24-28:0	28-32:0	32-36:0	36-40:3
21	4-8:(三)不予公开	8-12:1.属于国家秘密	12-16:1	16-20:	20-24:1	24-28:0	28-32:0	32-36:0	36-40:2
table 25-28
25	0-20:行政复议	20-60:行政诉讼
26	0-4:结果维持	4-8:结果纠正	8-12:其他结果	12-16:尚未审结	16-20:总计	20-40:未经复议直接起诉	40-60:复议后起诉
27	20-24:结果维持	24-28:结果纠正	28-32:其他结果	32-36:尚未审结	36-40:总计	40-44:结果维持	44-48:结果纠正	48-52:其他结果	52-56:尚未审结	56-60:总计
28	0-4:1	4-8:0	8-12:0	12-16:0	16-20:1	20-24:0	24-28:0	28-32:0	32-36:0	36-40:0	40-44:0	44-48:0	48-52:	52-56:0	56-60:0
title line 1
EOF2
)"
	assert_equal "$stderr" ""
}

@test "gip-tables: Word data cells spanning otherwise than the header are one value each" {
	run -0 --separate-stderr gip-tables "$DATA/html-cell-spans.html"
	assert_equal "$stderr" ""
	run -0 bash -c "gip-tables '$DATA/html-cell-spans.html' |
	    awk -F'\t' '\$2 != \"meta\" { print \$2, \$3, \$4, \$5 }' |
	    sed 's/ \$//' | paste -sd'|'"
	assert_output "$(printf '%s|' \
	    't2 20.1.rules issued 3' 't2 20.1.rules repealed 0' \
	    't2 20.1.rules valid 12' 't2 20.1.normative issued 5' \
	    't2 20.1.normative repealed 1' 't2 20.1.normative valid' \
	    't2 20.5.license decisions 25' \
	    't3 1 natural 4' 't3 1 commercial 1' 't3 1 research 0' \
	    't3 1 social' 't3 1 legal 0' 't3 1 other 0' 't3 1 total 5' \
	    't3 3.1 natural 3' 't3 3.1 commercial' 't3 3.1 research 0' \
	    't3 3.1 social 0' 't3 3.1 legal 0' 't3 3.1 other 0' \
	    't3 3.1 total 3' \
	    't3 3.3.1 natural 1' 't3 3.3.1 commercial' 't3 3.3.1 research 1' \
	    't3 3.3.1 social 0' 't3 3.3.1 legal 0' 't3 3.3.1 other 0' \
	    't3 3.3.1 total 2' \
	    't4 review upheld 1' 't4 review corrected 0' 't4 review other 0' \
	    't4 review pending 0' 't4 review total 1' \
	    't4 suit.direct upheld 0' 't4 suit.direct corrected 0' \
	    't4 suit.direct other 0' 't4 suit.direct pending 0' \
	    't4 suit.direct total 0' 't4 suit.after upheld 0' \
	    't4 suit.after corrected 0' 't4 suit.after other' \
	    't4 suit.after pending 0' 't4 suit.after total 0' | sed 's/|$//')"
}

@test "gipgen html and wordhtml pages with spans: every cell read directly, template right" {
	[ -d "$SHARED/corpus" ] || skip "no ../shared corpus"
	dir=$BATS_TEST_TMPDIR/spans
	python3 "$SHARED/corpus/gen/gipgen.py" --out "$dir" --count 40 \
	    --layouts html,wordhtml --variants spans,omitrows \
	    --encodings utf8,gb18030,utf16le --seed html-spans >/dev/null
	grep -q 'v:spans' "$dir/index.tsv"
	mkdir "$dir/t" "$dir/o"
	for f in "$dir"/*.html; do
		b=${f##*/}
		b=${b%.html}
		ln -s "$f" "$dir/t/$b.html.txt"
		gip-tables "$f" >"$dir/o/$b.html.tsv"
	done
	run -0 python3 "$SHARED/corpus/score.py" --truth "$dir" --text "$dir/t" \
	    --outputs "$dir/o"
	assert_line "template detection: 100.0%"
	assert_line "cell recall: 100.0% precision: 100.0% reports fully right: 100.0%"
}

@test "gip-tables: the only row of a block, its label over two grid columns, values under the header" {
	printf '<html><body><p>二、主动公开政府信息情况</p><table>%s%s%s</table>%s\n' \
	    '<tr><td colspan=5>第二十条第（一）项</td></tr>' \
	    '<tr><td>信息内容</td><td>本年制发件数</td><td colspan=2>本年废止件数</td><td>现行有效件数</td></tr>' \
	    '<tr><td colspan=2>规范性文件</td><td>33</td><td></td><td>12</td></tr>' \
	    '<p>三、收到和处理政府信息公开申请情况</p></body></html>' \
	    >"$BATS_TEST_TMPDIR/label.html"
	run -0 --separate-stderr gip-tables -t t2 "$BATS_TEST_TMPDIR/label.html"
	assert_output "$(printf '%s\tt2\t20.1.normative\t%s\n' \
	    "$BATS_TEST_TMPDIR/label.html" 'issued	33' \
	    "$BATS_TEST_TMPDIR/label.html" 'repealed	' \
	    "$BATS_TEST_TMPDIR/label.html" 'valid	12')"
}
