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
