#!/usr/bin/env bats
# src/report/meta.c through gip-tables -t meta: title, org, year, date
# as reports and site pages print them.  The fixtures hold no tables, so
# gip-tables also says "no table found" (exit 2).

bats_require_minimum_version 1.5.0
load helper

meta() {
	run -2 --separate-stderr gip-tables -t meta "$DATA/$1"
	output=$(printf '%s\n' "$output" | cut -f3,5)
}

@test "a title broken over three lines is joined; the date under it is read" {
	meta meta-title-three-lines.txt
	assert_output "$(printf '%s\t%s\n' \
	    title 庆江市怀丰区统计局2024年度政府信息公开工作报告 \
	    org 庆江市怀丰区统计局 year 2024 date 2025-01-04)"
}

@test "the org between a leading year and 政府信息公开" {
	meta meta-year-first.txt
	assert_output "$(printf '%s\t%s\n' \
	    title 2019年沁州区退役军人事务局政府信息公开年度报告 \
	    org 沁州区退役军人事务局 year 2019)"
}

@test "a signature of the name alone gives the org when the report names it" {
	meta meta-signature-name.txt
	assert_output "$(printf '%s\t%s\n' \
	    title 2021年政府信息公开工作年度报告 org 大都街道办事处 year 2021)"
}

@test "a closing word is no signature" {
	printf '2021年政府信息公开工作年度报告\n一、总体情况\n无\n特此报告\n' \
	    >"$BATS_TEST_TMPDIR/close.txt"
	run -2 --separate-stderr gip-tables -t meta "$BATS_TEST_TMPDIR/close.txt"
	assert_output "$(printf '%s\tmeta\t%s\t-\t%s\t1\n' \
	    "$BATS_TEST_TMPDIR/close.txt" title 2021年政府信息公开工作年度报告 \
	    "$BATS_TEST_TMPDIR/close.txt" year 2021)"
}

@test "a site page: navigation and breadcrumb are passed over, the date is found above the footer" {
	meta html-site-chrome.html
	assert_output "$(printf '%s\t%s\n' \
	    title 2020年政府信息公开工作年度报告 org 金坪市太沙县民政局 \
	    year 2020 date 2021-01-24)"
}

@test "a breadcrumb is never the title, even first on the page" {
	printf '<html><body><p>当前位置：首页 &gt; 政务公开 &gt; 年度报告</p>%s\n' \
	    '<p>某某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>' \
	    >"$BATS_TEST_TMPDIR/crumb.html"
	run -2 --separate-stderr gip-tables -t meta "$BATS_TEST_TMPDIR/crumb.html"
	assert_output --partial "title	-	某某局2021年政府信息公开工作年度报告"
	assert_output --partial "org	-	某某局"
}

@test "a sentence about dates under the title is no date; a signature right-aligned far out is read" {
	{
		printf '%80s福兴县水利局2024年度政府信息公开工作报告\n\n' ''
		printf '本报告由福兴县水利局编制。本报告中所列数据的统计\n'
		printf '期限自2024年1月1日起至2024年12月31日止。\n\n一、总体情况\n无。\n\n'
		printf '%190s福兴县水利局\n\n%196s2025年1月20日\n\n' '' ''
	} >"$BATS_TEST_TMPDIR/w3m.txt"
	run -2 --separate-stderr gip-tables -t meta "$BATS_TEST_TMPDIR/w3m.txt"
	assert_output --partial "date	-	2025-01-20"
	printf '%s\n' 福兴县水利局2024年度政府信息公开工作报告 \
	    '期限自2024年1月1日起至2024年12月31日止。' 一、总体情况 无。 \
	    >"$BATS_TEST_TMPDIR/sentence.txt"
	run -2 --separate-stderr gip-tables -t meta "$BATS_TEST_TMPDIR/sentence.txt"
	refute_output --partial "	date	"
}

@test "a page whose title is a plain paragraph after long navigation: its <title> says where" {
	meta html-title-plain.html
	assert_output "$(printf '%s\t%s\n' \
	    title 金坪市太沙县民政局2020年政府信息公开工作年度报告 \
	    org 金坪市太沙县民政局 year 2020)"
}

@test "a printed page: a title broken inside 报告, the site's furniture under it" {
	# 德门县农业农村局 2021 年度政府信息公开工作报 / 告 / 来源：… 浏览次数：
	# 4849 【字体：大 中 小】: the title is joined across 报告; neither the
	# furniture nor the preamble's 本报告 is part of it.
	meta meta-print-furniture.txt
	assert_output "$(printf '%s\t%s\n' \
	    title 德门县农业农村局2021年度政府信息公开工作报告 \
	    org 德门县农业农村局 year 2021)"
}

@test "a print that lost its title: no title from the preamble, the year from the statistics period" {
	# 本报告依据…, …年度报告格式〉的通知…, 其他需要报告的事项 are sentences;
	# 统计期 / 限自 2023 年 1 月 1 日起 gives the year.
	meta meta-print-no-title.txt
	assert_output "$(printf 'year\t2023')"
}

@test "no title and no statistics period: the year that opens section 一" {
	meta meta-print-opening-year.txt
	assert_output "$(printf 'year\t2024')"
}

@test "furniture after the title on its line leaves the title whole" {
	printf '%s\n' '某某局2023年政府信息公开工作年度报告     来源：某某局   浏览次数：12' \
	    '' '一、总体情况' '' '无' >"$BATS_TEST_TMPDIR/ft.txt"
	run -2 --separate-stderr gip-tables -t meta "$BATS_TEST_TMPDIR/ft.txt"
	assert_output --partial "title	-	某某局2023年政府信息公开工作年度报告	1"
}
