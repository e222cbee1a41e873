#!/usr/bin/env bats
# Prints read without their layout (VARIANTS.md, src/report/readorder.h):
# `pdftotext FILE.pdf` and `pdftotext -raw` print a table cell by cell in
# reading order.  A cell is written only where that order confirms it,
# else '?' (gip(5)); never a wrong value.  The fixtures are Chromium
# prints of generated reports (gipgen --variants all --errors 0.2), prose
# cut short; NAME.tsv is the generator's truth for their tables.
load helper

# The t2-t4 cells of gip-tables on fixture $1 against its truth: how many
# are wrong, unread and right, one line; the wrong ones before it.  A 0
# for a blank is right: both count 0 in every identity and every sum,
# and without its layout a print may not tell them apart (roplace.h).
sound() {
	gip-tables -q "$DATA/$1.txt" | cut -f 2-5 | grep '^t[234]	' |
	    awk -F '\t' 'NR == FNR { t[$1 " " $2 " " $3] = $4; next }
		{ k = $1 " " $2 " " $3
		  if ($4 == "?") u++
		  else if ((k in t) && (t[k] == $4 || t[k] == "" && $4 == "0"))
			r++
		  else { w++; print "wrong " k " " $4 " want " t[k] } }
		END { printf "wrong %d unread %d right %d\n", w, u, r }' \
	    "$DATA/$1.tsv" -
}

@test "pdftotext: a table taken apart by the reading order is unread, not misread" {
	# t2's 20.6 block prints 行政处罚 / 行政强制 / titles / 8 / 210 / 0:
	# the three numbers after 行政强制 are 行政处罚's; t3 in blocks
	# with its blank cells gone
	run -0 sound readorder-plain-scrambled
	assert_output "wrong 0 unread 198 right 0"
}

@test "pdftotext: a row's label printed past the table is unread, not left out" {
	# (六)其他处理 comes after table 4's caption: the row is printed
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-row-past-table.txt' |
	    cut -f 3-5 | grep '^3\.6	' | sort -u -k3"
	assert_output "$(printf '3.6\tnatural\t?')"
	run -0 sound readorder-plain-row-past-table
	assert_line --index 0 --regexp '^wrong 0 '
	# no "required row missing" error for it
	run sh -c "gip-tables -q '$DATA/readorder-plain-row-past-table.txt' |
	    gip-check -q | grep -c 't3:3\.6.*Required row'"
	assert_output 0
}

@test "pdftotext: tables of one number (zeros) and rows right after their labels are read" {
	# t4's 15 zeros come in pieces between its titles: whatever the
	# order, every cell is 0; t3 likewise.  t2 rows whose label is
	# followed by exactly its numbers
	# (20.5.other's 0 13 0 is unread: 行政许可's numbers came before
	# the block's caption, and in such a block pdftotext may order a
	# row's numbers otherwise, readorder-plain-block-order)
	run -0 sound readorder-plain-zeros
	assert_output "wrong 0 unread 18 right 180"
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-zeros.txt' |
	    cut -f 2-5 | grep '^t4	' | cut -f 4 | sort | uniq -c"
	assert_output "     15 0"
}

@test "pdftotext -raw: rows with blank cells are read where every placement agrees" {
	# 二、上年结转政府信息公开申请数量 0 0 0: which three of seven
	# columns is unknown, but each cell is 0 or blank: 0.
	# 一、本年新收… 60 0 60: total = the sum of the parts puts the last
	# 60 in 总计 and makes 其他 0 or blank; the first 60 may be any of
	# five columns, the column identities leave three: unread.  A row
	# without numbers between two labels is blank
	run -0 sound readorder-raw-blanks
	assert_output "wrong 0 unread 42 right 144"
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-blanks.txt' |
	    cut -f 3-5 | grep '^2	' | cut -f 3 | sort -u"
	assert_output "0"
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-blanks.txt' |
	    cut -f 3-5 | grep '^1	' | cut -f 2,3 | tr '\\t\\n' ':,'"
	assert_output "natural:?,commercial:?,research:?,social:,legal:,other:0,total:60,"
}

@test "pdftotext -raw: a row's numbers after its label over several lines are its own" {
	# 规章 0 / 0 / 0: the row's three numbers, one line each
	run -0 sound readorder-raw-rows
	assert_output "wrong 0 unread 0 right 198"
}

@test "pdftotext -layout is read by position, not in reading order" {
	# the same report as readorder-plain-zeros, laid out: columns
	# apart by two spaces or more
	run -0 sound readorder-layout
	assert_output --regexp '^wrong 0 unread [0-3] right 19[5-8]$'
	run -0 sh -c "gip-tables '$DATA/readorder-layout.txt' 2>&1 >/dev/null"
	refute_output --partial 'without its layout'
}

@test "pdftotext -raw: a row's last number on the next line, a unit apart from its number" {
	# t4: 13 2 2 0 17 6 2 3 0 11 4 0 0 1 / 5 (the 5 went second before);
	# 政府集中采购 4 661.1 万元
	run -0 sound readorder-raw-line-below
	assert_output "wrong 0 unread 0 right 198"
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-line-below.txt' |
	    cut -f 3-5 | grep -e '^suit.after	total' -e '^20.9'"
	assert_output "$(printf '20.9.procure\tcount\t4\n20.9.procure\tamount\t661.1\nsuit.after\ttotal\t5')"
}

@test "pdftotext: table 4's right part below the next section's heading is its own" {
	# 复议后起诉, its titles and five zeros come after
	# 五、存在的主要问题及改进情况 and （一）存在的主要问题
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-t4-past-section.txt' |
	    cut -f 2-5 | grep '^t4	' | cut -f 4 | sort | uniq -c"
	assert_output "     15 0"
	run -0 sound readorder-plain-t4-past-section
	assert_line --regexp '^wrong 0 '
}

@test "pdftotext: numbers after a label up to a title of one of its columns are unread" {
	# 规范性文件 / 0 / 0 / 210 / 对外公开总数量: that column's number
	# may come after its title (a Chromium print: 规范性文件 / 12 / 0 /
	# 12 / 对外公开总数量 / 0 / 210, 0 the row above's)
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-title-after.txt' |
	    cut -f 3-5 | grep '^20\.1\.normative' | cut -f 3 | sort -u"
	assert_output "?"
	run -0 sound readorder-plain-title-after
	assert_line --regexp '^wrong 0 '
}

@test "pdftotext: table 4's numbers in its order are not its columns' order: unread" {
	# … 总计 / 0 0 0 0 0 0 0 0 1 1 for 复议后起诉 1 0 0 0 1: read in
	# order it made 0 0 0 1 1, which adds up as well
	run -0 sound readorder-plain-t4-order
	assert_line --regexp '^wrong 0 '
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-t4-order.txt' |
	    cut -f 2-5 | grep '^t4	' | cut -f 4 | sort -u"
	assert_output "?"
}

@test "pdftotext: a t2 block with a column's title right before a number is unread" {
	# 上一年项目数量 / 0 / 行政许可 / 其他对外管理服务事项 / 4 / 0 / 2094:
	# the 0 is 其他对外管理服务事项's, the 4 0 after it not its first two
	run -0 sound readorder-plain-title-led
	assert_line --regexp '^wrong 0 '
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-title-led.txt' |
	    cut -f 3-5 | grep '^20\.5\.other' | cut -f 3 | sort -u"
	assert_output "?"
}

@test "pdftotext: a t3 row whose label comes after table 4's caption is printed, not missing" {
	# 四、结转下年度继续办理 printed past 四、政府信息公开行政复议…: the
	# row is found there; with it the table's zeros are all its cells
	run sh -c "gip-tables -q '$DATA/readorder-plain-row-after-table.txt' |
	    gip-check | grep -c 'missing.*t3:4'"
	assert_output 0
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-row-after-table.txt' |
	    cut -f 2-5 | grep '^t3	4	' | cut -f 4 | sort -u"
	assert_output "0"
	run -0 sound readorder-plain-row-after-table
	assert_line --regexp '^wrong 0 '
}

@test "pdftotext -raw: a row's first number at a page's top, after the form feed, is its own" {
	# table 4's fifteen numbers one a line, 件 apart, the first on the
	# next page: ^L1 / 件 / 0 / 件 …
	run -0 sound readorder-raw-page-first
	assert_output "wrong 0 unread 0 right 183"
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-page-first.txt' |
	    cut -f 3-5 | grep '^review	total'"
	assert_output "$(printf 'review\ttotal\t1')"
}

@test "pdftotext -raw: table 3's column identities place a row's numbers among its blanks" {
	# 一、本年新收… 607 149 0 36 792: five numbers for seven columns,
	# many placements add up along the row; 1+2 = 3.7+4 and 3.7 = the
	# sum of 3.1-3.6 in each column leave one (the 0 is one of 科研机构,
	# 社会公益组织 and 法律服务机构, blank the others: all 0)
	run -0 sound readorder-raw-columns
	assert_line --index 0 --regexp '^wrong 0 '
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-columns.txt' |
	    cut -f 3-5 | grep '^1	' | cut -f 2,3 | tr '\\t\\n' ':,'"
	assert_output "natural:607,commercial:149,research:0,social:0,legal:0,other:36,total:792,"
}

@test "pdftotext: tables with blank cells that print no count but 0 are 0 in every cell" {
	# without -raw, blank cells leave nothing and the order says
	# nothing, but every number from table 3's caption to the prose
	# after table 4 is 0 (2022年,… begins the prose): each cell is 0 or
	# blank (table 2's blocks are not all zeros: unread)
	run -0 sound readorder-plain-zeros-blanks
	assert_output "wrong 0 unread 14 right 176"
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-zeros-blanks.txt' |
	    cut -f 2-5 | grep '^t[34]	' | cut -f 4 | sort | uniq -c"
	assert_output "    176 0"
	# table 4's numbers past 五、存在的主要问题及改进情况 and its titles
	# (0 … 1 0 1 0 2) are its own: not a table of zeros
	run -0 sound readorder-plain-t4-after-heading
	assert_line --index 0 --regexp '^wrong 0 '
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-t4-after-heading.txt' |
	    cut -f 2-5 | grep '^t4	' | cut -f 4 | sort -u"
	assert_output "?"
}

@test "pdftotext: a t2 block whose numbers are not all between its captions is unread" {
	# 行政处罚's 0 / 0 / 54 come above 第二十条第（六）项, and after
	# 行政强制 come 0 / 37 / 2 for 0 2 37: pdftotext put its numbers in
	# another order than their columns'
	run -0 sound readorder-plain-block-order
	assert_line --index 0 --regexp '^wrong 0 '
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-block-order.txt' |
	    cut -f 3-5 | grep '^20\.6\.enforce' | cut -f 3 | sort -u"
	assert_output "?"
}

@test "pdftotext: （七）总 / 计 wrapped and a 2021 report's single （六）其他处理 are rows, not missing" {
	# the rows' labels come after table 4's caption; 3.7 has no key
	# word and its label wraps; 3.6 is the 2019 row kept in a 2021
	# report for 3.6.1-3.6.3 (a warning, not a missing row's error)
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-other-row.txt' |
	    cut -f 3 | grep -x -e 3.6 -e 3.7 | sort | uniq -c"
	assert_output "$(printf '      7 3.6\n      7 3.7')"
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-other-row.txt' |
	    gip-check -q"
	refute_output --partial 'error'
	run -0 sound readorder-plain-other-row
	assert_line --index 0 --regexp '^wrong 0 '
}
