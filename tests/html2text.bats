#!/usr/bin/env bats
# gip-tables on html2text's ruled tables (Debian html2text 1.3.2a, -utf8):
# rows laid out in characters, written in bytes (src/report/h2tbox.c).
# The fixtures are gipgen pages rendered by render.sh, cut to one table;
# the .cells are the generator's truth for that table.

load helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# Table $2's cells of fixture $1, as the truth has them (table row col
# value), against $1.cells.
table_cells() {
	gip-tables -q "$DATA/$1.txt" | cut -f 2-5 |
	    awk -F'\t' -v t="$2" '$1 == t' | sort >got
	run diff "$DATA/$1.cells" got
	assert_success
}

@test "html2text t3: numbers freed of a cut label's remains, labels restored" {
	# |一、本年新收政府信息公开申|9�|_ �|…, |3._要求提供公开|0�|_0�|…,
	# |（二）部分公开（区�|_ |__ �|…|0�|�计其他情形）
	table_cells h2t-box-t3 t3
}

@test "html2text t2 (2021): labels cut to a character, by the block's order" {
	# |规�|___0__|, |行�|�___46�_|, a caption's item past the last bar
	# (|_______第二十条第�|�一）项), a header cut to |本年|本|现行|
	table_cells h2t-box-t2 t2
}

@test "html2text t2 (2019): a row of blanks shows only its label's remains" {
	# |其他对�|�管理| 务�|项____| is 其他对外管理服务事项, all blank;
	# |行政许�|27_____| _____| _____|, a unit after a space (1件___)
	table_cells h2t-box-t2-2019 t2
}

@test "html2text t2: a block that left a row out, a caption cut before its bracket" {
	# |行政�|6个�|…| alone in block (一): 行政规范性文件, 规章 left out;
	# |第二十条第（八|�� 项 and |行政�|0元性收费| (元, then remains)
	table_cells h2t-box-t2-omitted t2
}

@test "html2text unruled t4: numbers glued among cut titles, all fifteen found, read in order" {
	# 0个 0个 0个 0个 0�0    0个 0个 0 …: each number with its count
	# word a cell at its byte column (0�0: two), fifteen for fifteen
	gip-tables -q "$DATA/h2t-spaced-t4.txt" | awk -F'\t' '$2 == "t4"' |
	    cut -f 5 | sort | uniq -c | awk '{ print $1, $2 }' >got
	run cat got
	assert_output "15 0"
}

@test "html2text unruled t3: a label cut at a character's edge is its row" {
	# (六)其他处         0       0    0 …: 其他处理 lost its 理
	gip-tables -q "$DATA/h2t-spaced-t3-edge.txt" |
	    awk -F'\t' '$2 == "t3" && $3 == "3.6" { print $4, $5 }' >got
	run cat got
	assert_output "natural 0
commercial 0
research 0
social 0
legal 0
other 0
total 0"
}

@test "html2text unruled t3: 2021's 3.6.1 and 3.6.2, numbers written over their labels, both read" {
	# 1.申请人无正当理由逾期不补0���0�…(六��2.申请人逾期未按收费通知要0���…
	# every number at its column's byte (3.6.2: 用、 under a 0, 0、)
	gip-tables -q "$DATA/h2t-spaced-t3-glued.txt" |
	    awk -F'\t' '$2 == "t3" && ($3 == "3.6.1" || $3 == "3.6.2")' |
	    cut -f 3,5 | sort | uniq -c | awk '{ print $1, $2, $3 }' >got
	run cat got
	assert_output "7 3.6.1 0
7 3.6.2 0"
}

@test "html2text t3: a row of blanks is not joined by the row below it" {
	# |1、申请人无正当理由逾期不|���|…| (all blank) over |(六)�|2、申请人
	# 逾期未按收费通知|���|0缴|…: 3.6.2 began a row of its own
	table_cells h2t-box-t3-blankrow t3
}

@test "html2text t2: an amount with a character cut right after it is unread" {
	# |行政事业性收�|118000�|�: the cut 元 says 118000 元 (11.8 万元)
	gip-tables -q "$DATA/h2t-box-t2-unitcut.txt" |
	    awk -F'\t' '$2 == "t2" && $3 == "20.8.fee" { print $4, $5 }' >got
	run cat got
	assert_output "amount ?"
}

@test "html2text t2: captions wrapped before their closing bracket, the header after them" {
	# |第二十条第（一     | / |）_项______| / |信�|本年|本年|现行|…;
	# |第二十条第�|五 / |）_项____|
	table_cells h2t-box-t2-caption t2
}

@test "html2text t2: the first caption's numeral cut by a bar opens block (一)" {
	# |_________第二十条第（�|�） 项, then |行政�|_16件|__4件|_16件|
	table_cells h2t-box-t2-numeral-cut t2
}

@test "html2text t2 garbled: numbers over cut labels, the template by its cut titles" {
	# 第二十条第（一） 项 / 信息本年�本年�现行有效件数 / 规范0��文�0�     1,
	# 行政0��可, 行政3��罚 / 行政�533�: numbers at their byte columns, the
	# labels by their remains and their block's order, 2021's columns
	# by 现行有效 and 收费金额 though t3 keeps 2019's (六) row
	table_cells h2t-t2-garbled t2
	run -0 sh -c "gip-tables -q '$DATA/h2t-t2-garbled.txt' | gip-check -q"
}

@test "html2text t2: a report leaving t2 out, or naming it in prose only, still lacks it" {
	# The same report without t2's lines (7-19); with a sentence that
	# names its captions and titles; with its captions alone.
	sed '7,19d' "$DATA/h2t-t2-garbled.txt" >out.txt
	sed '7,19c\
第二十条第（一）项：本年制发规范性文件0件，废止0件，现行有效1件；第二十条第（五）项：行政许可处理决定数量0件；第二十条第（八）项：收费金额0万元。' \
	    "$DATA/h2t-t2-garbled.txt" >prose.txt
	awk 'NR < 7 || NR > 19 || /^第二十条/' "$DATA/h2t-t2-garbled.txt" >captions.txt
	for f in out prose captions; do
		run -1 sh -c "gip-tables -q $f.txt | gip-check -q"
		assert_equal "$(echo "$output" | cut -f 2-4 |
		    grep -c 'missing	error	t2:table-missing')" 1
	done
}

# Fixture $1's t3: each of rows $2… written (seven cells, values or ?),
# and gip-check finds no t3 error (the numbers as printed are sound).
t3_rows_sound() {
	local f="$DATA/$1.txt" r
	shift
	gip-tables -q "$f" 2>/dev/null | awk -F"\t" '$2 == "t3"' | cut -f 3 | sort |
	    uniq -c | awk '{ print $2, $1 }' >rows
	for r in "$@"; do
		run grep -x "$r 7" rows
		assert_success
	done
	run sh -c "gip-tables -q '$f' 2>/dev/null | gip-check -q | cut -f 2-4 |
	    grep '	error	t3'"
	assert_output ""
}

@test "html2text unruled t3: a group marker whose bracket was cut begins its row" {
	# （一�0予以公开, （六�0其他处理, （七�0总计 joined the row above:
	# 3.1, 3.6 and 3.7 were missing (gip-check: error)
	t3_rows_sound h2t-spaced-t3-group-cut 3.1 3.6 3.7 3.3.4
	# (三)不�4.保护第三方合法权益: the group's label cut after its
	# bracket joined 3.3.3's row, 3.3.4 missing
	t3_rows_sound h2t-spaced-t3-group-label-cut 3.3.3 3.3.4
}

@test "html2text unruled t3: a number glued before a cut is written over the label" {
	# 一、本年新收43�府信息…   7 0 …: 43 is row 1's natural, read blank
	# once; its byte column is natural's
	gip-tables -q "$DATA/h2t-spaced-t3-number-glued.txt" |
	    awk -F'\t' '$2 == "t3" && $3 == "1" { print $5 }' | paste -sd' ' >got
	run cat got
	assert_output "43 7 0 0 0 0 50"
	t3_rows_sound h2t-spaced-t3-number-glued 1 3.7
}

@test "html2text unruled t3: a group label cut at an edge or under an item's begins the item's row" {
	# (三) 不4.保护第三方合法权益 joined 3.3.3's row, 三、本年度办�2.重复申请
	# 3.5.1's: four rows unread, and the table's columns not found
	table_cells h2t-spaced-t3-group-edge t3
}

@test "html2text unruled t3: a right-aligned number's padding over the label, its remains after" {
	# 2．其他法律行� 0��� 0禁  0公   0 …: `0公` begins a cell (the padding's
	# two spaces), the row was unread
	table_cells h2t-spaced-t3-padded t3
}

@test "html2text unruled t3: three digits written over one whole character leave the row unread" {
	# 一、本年新收政府信息公开申560数量 …  6  69  0  635: no U+FFFD, the
	# row's values printed off its columns; read so, 6 was commercial's
	gip-tables -q "$DATA/h2t-spaced-t3-number-whole-char.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t3" && $3 == "1" { print $5 }' | paste -sd' ' >got
	run cat got
	assert_output "? ? ? ? ? ? ?"
	run sh -c "gip-tables -q '$DATA/h2t-spaced-t3-number-whole-char.txt' \
	    2>/dev/null | gip-check -q | cut -f 2-4 | grep 'error	t3'"
	assert_output ""
}

@test "html2text unruled t3: empty cells printed as &nbsp; are blanks at their columns" {
	# 一、本年新收�3�府信息公开申请数量 \u00a0 … \u00a0 3 (a span's cell
	# over the item column), （二）部分公开（区分处理的，只讈\u00a0\uFFFD…:
	# blanks were spaces, and the rows fell short of seven (unread)
	gip-tables -q "$DATA/h2t-spaced-t3-nbsp.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t3" && ($3 == "1" || $3 == "3.2" ||
	    $3 == "3.6.2" || $3 == "3.7") { print $3, $5 }' |
	    awk '{ v[$1] = v[$1] "|" $2 } END { print v["1"]; print v["3.2"];
	    print v["3.6.2"]; print v["3.7"] }' >got
	run cat got
	assert_output "|3||||||3
|||||||
||0|||||0
|3|0|0|0|||3"
}

@test "html2text unruled t3: a group's label right before its item's marker begins the item's row" {
	# （三）4.保护第三方合法权益, （五）3.要求提供公开出版物: the group's
	# rowspan printed on an item's line; each joined the row above
	table_cells h2t-spaced-t3-nbsp t3
}

@test "html2text unruled t3: a label running under blank columns hides no number there" {
	# 1．本机关不掌握相关政府信息 (to byte 79) over natural's column (77):
	# html2text writes a number over the label, so nothing there is blank,
	# not unknown
	table_cells h2t-spaced-t3-label-over-blanks t3
}

@test "html2text unruled t3: numbers written over a cut label read at their byte columns" {
	# 1．本机关不掌握相�142��0�信5��  0        4      0  151,
	# 5．属于三类内部事�0信�0�   0 …: were unread (a number in the label)
	table_cells h2t-spaced-t3-written-over t3
}

@test "html2text unruled t3: (六)其 cut at a character's edge or under a number is 3.6" {
	# （六）其         28  0 …; (六)其0��处理   0 0 …
	t3_rows_sound h2t-spaced-t3-bracket-edge 3.6 3.7
	t3_rows_sound h2t-spaced-t3-other-glued 3.6 3.7
}

@test "html2text t3: 2021's group label (六)其他 on an item's wrapped line" {
	# |1.申请人无正 | … | (六)其他�|处理其政府信息公 |: the cut group
	# label began the row's label and named it 2019's 3.6, 3.6.1 missing
	table_cells h2t-box-t3-group-wrapped t3
}

@test "html2text t3: a restored label wrapped over lines above its numbers" {
	# |1. 申请人无正 |    | / |当理由逾期不补正、 |    | / |行政机关不再处
	# | 22 | 0 | …: 3.6.1 and 3.6.2 were read blank, their numbers lost
	table_cells h2t-box-t3-label-first t3
}

@test "html2text t3: a wrapped label's remains under a row's numbers leave them numbers" {
	# |5、要求行政机�|2��|0��|…| over |重新出具已获取|���|�___|…|: the
	# remains joined the numbers' cells, which read as text: 3.5.5 unread
	table_cells h2t-box-t3-remains-under-numbers t3
}

@test "html2text t3: a number with a full-width comma cut by the bar is unread" {
	# |136|1，4|6: 1，426 is five columns but seven bytes; 14 was read
	gip-tables -q "$DATA/h2t-box-t3-comma-cut.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t3" && $3 == "3.7" { print $4, $5 }' >got
	run cat got
	assert_output "natural 1290
commercial 
research 0
social 0
legal 0
other 136
total ?"
}

@test "html2text unruled t4: numbers glued by their count words, each at its byte column" {
	# 39个0个 0个 0个 39 28个1 …: no data row was found, t4 absent (error);
	# a number with its count word is a cell (28个1: two), and the
	# fifteen add up row by row
	gip-tables -q "$DATA/h2t-spaced-t4-glued.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t4"' | cut -f 5 | paste -sd' ' >got
	run cat got
	assert_output "39 0 0 0 39 28 1 0 2 31 5 3 0 1 9"
}

@test "html2text t2 garbled, its titles cut too: captions each over a 信息… header make it printed" {
	# 第二十条第（一）项 / 信息�本年�本�现行有 / 行政�57件��1件257件:
	# one column title survives whole (收费金额); the headers' corners
	# 信息内容 begin the line after each caption
	run sh -c "gip-tables -q '$DATA/h2t-t2-garbled-cornered.txt' 2>/dev/null |
	    gip-check -q | cut -f 2-4 | grep 'error	t2'"
	assert_output ""
	# without the headers and rows, captions alone: still absent
	grep -av '^信息\|^行政' "$DATA/h2t-t2-garbled-cornered.txt" >bare.txt
	run sh -c "gip-tables -q bare.txt 2>/dev/null | gip-check -q |
	    cut -f 2-4 | grep -c 'missing	error	t2:table-missing'"
	assert_output 1
}

@test "html2text unruled t2 (2021): labels cut to 行政, named by their block's order" {
	# 行政�765� / 行政�359� under 第二十条第（六）项: 行政处罚, 行政强制;
	# 规范�1文件0      2, 行政�927.35�收费: the rows were left out
	table_cells h2t-spaced-t2-cut t2
}

@test "html2text unruled t2 (2019): cut labels named by their own text, a number a word apart" {
	# 行政许�55, 其他对�0管理�0�务事1344, 政府集�5采购 2945300元: the
	# rows were left out, without a warning
	table_cells h2t-spaced-t2-cut-2019 t2
}

@test "html2text unruled t2: a cut label's numbers are not the row of blanks above" {
	# 规章 (blanks) / 规范1个���1�1个: 规范 named no row; its numbers were
	# 规章's (wrong values).  The block's order names it now; a label
	# that nothing names (文件) still gives 规章 none of its numbers.
	table_cells h2t-spaced-t2-cut-blankrow t2
	sed 's/^规范1/文件1/' "$DATA/h2t-spaced-t2-cut-blankrow.txt" >in.txt
	run grep -c '^文件1' in.txt
	assert_output 1
	gip-tables -q in.txt 2>/dev/null |
	    awk -F'\t' '$2 == "t2" && $3 == "20.1.rules" { print $5 }' |
	    paste -sd' ' >got
	run cat got
	assert_output "  "
}

@test "html2text unruled t2: a number glued into a row's label is unread, not blank" {
	# 其他对外管理服务事424个: 424 written over the label's end; the row
	# was read blank
	gip-tables -q "$DATA/h2t-spaced-t2-glued.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t2" && $3 == "20.5.other" { print $4, $5 }' >got
	run cat got
	assert_output "prev ?
delta ?
decisions ?"
}

@test "html2text t2: an amount under a title whose 万 the bar cut is unread" {
	# |信息|采购|采购总金额�|万 / |______|______|元）___|: 元 alone made
	# 1132.3 (万元) 0.11323
	gip-tables -q "$DATA/h2t-box-t2-unit-title-cut.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t2" && $3 == "20.9.procure" { print $4, $5 }' >got
	run cat got
	assert_output "count 1
amount ?"
}

@test "html2text t2: an amount whose unit, after a space, the bar cut is unread" {
	# |政府|21中�|60129_�|�: 60129 元 (6.0129 万元) was read 60129 万元
	gip-tables -q "$DATA/h2t-box-t2-unit-apart-cut.txt" 2>/dev/null |
	    awk -F'\t' '$2 == "t2" && $3 == "20.9.procure" && $4 == "amount" { print $5 }' >got
	run cat got
	assert_output "?"
}
