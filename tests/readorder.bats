#!/usr/bin/env bats
# Prints read without their layout (VARIANTS.md, src/report/readorder.h):
# `pdftotext FILE.pdf` and `pdftotext -raw` print a table cell by cell in
# reading order.  A cell is written only where that order confirms it,
# else '?' (gip(5)); never a wrong value.  The fixtures are Chromium
# prints of generated reports (gipgen --variants all --errors 0.2), prose
# cut short; NAME.tsv is the generator's truth for their tables.
load helper

# The t2-t4 cells of gip-tables on fixture $1 against its truth: how many
# are wrong, unread and right, one line; the wrong ones before it.
sound() {
	gip-tables -q "$DATA/$1.txt" | cut -f 2-5 | grep '^t[234]	' |
	    awk -F '\t' 'NR == FNR { t[$1 " " $2 " " $3] = $4; next }
		{ k = $1 " " $2 " " $3
		  if ($4 == "?") u++
		  else if ((k in t) && t[k] == $4) r++
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
	run -0 sound readorder-plain-zeros
	assert_output "wrong 0 unread 15 right 183"
	run -0 sh -c "gip-tables -q '$DATA/readorder-plain-zeros.txt' |
	    cut -f 2-5 | grep '^t4	' | cut -f 4 | sort | uniq -c"
	assert_output "     15 0"
}

@test "pdftotext -raw: rows with blank cells are unread unless their identity places them" {
	# 二、上年结转政府信息公开申请数量 0 0 0: which three of seven
	# columns is unknown (0 or blank, read as 0 before); a row without
	# numbers between two labels is blank.  (Cells every reading the
	# table's identities allow agrees on are read: t3fill.c.)
	run -0 sound readorder-raw-blanks
	assert_output "wrong 0 unread 153 right 33"
	run -0 sh -c "gip-tables -q '$DATA/readorder-raw-blanks.txt' |
	    cut -f 3-5 | grep '^2	' | cut -f 3 | sort -u"
	assert_output "?"
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
