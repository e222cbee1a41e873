#!/usr/bin/env bats
# gip-sections: the six section headings of a report, as sections TSV.
load helper
bats_require_minimum_version 1.5.0

T=$'\t'

# The rows every fixture made from report-minimal.txt gives, standard titles.
minimal_rows() {
	cat <<EOF
$1${T}0${T}${T}1${T}5
$1${T}1${T}一、总体情况${T}6${T}8
$1${T}2${T}二、主动公开政府信息情况${T}9${T}10
$1${T}3${T}三、收到和处理政府信息公开申请情况${T}11${T}15
$1${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}16${T}17
$1${T}5${T}五、存在的主要问题及改进情况${T}18${T}19
$1${T}6${T}六、其他需要报告的事项${T}20${T}21
EOF
}

usage_line="usage: gip-sections [-1bH] [--csv] [--bom] [--with-filename | --no-filename] [-s N] [file ...]"

# --- the five real reports ---

@test "seed 000 (Word numbering 6、, indented headings) has six sections" {
	cd "$SAMPLES"
	run -0 --separate-stderr gip-sections 000_123c809bf521ceaa.txt
	f=000_123c809bf521ceaa.txt
	assert_output "$f${T}0${T}${T}1${T}8
$f${T}1${T}一、总体情况${T}9${T}21
$f${T}2${T}二、主动公开政府信息情况${T}22${T}96
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}97${T}358
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}359${T}403
$f${T}5${T}五、存在的主要问题及改进情况${T}404${T}411
$f${T}6${T}6、其他需要报告的事项${T}412${T}414"
	[ -z "$stderr" ]
}

@test "seed 001 (t3 rows 一、 to 四、 in section 三) has six sections" {
	cd "$SAMPLES"
	run -0 --separate-stderr gip-sections 001_ae6a0c619a70167d.txt
	f=001_ae6a0c619a70167d.txt
	assert_output "$f${T}0${T}${T}1${T}4
$f${T}1${T}一、总体情况${T}5${T}14
$f${T}2${T}二、主动公开政府信息情况${T}15${T}35
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}36${T}65
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}66${T}72
$f${T}5${T}五、存在的主要问题及改进情况${T}73${T}82
$f${T}6${T}六、其他需要报告的事项${T}83${T}85"
	[ -z "$stderr" ]
}

@test "seed 002 has six sections" {
	cd "$SAMPLES"
	run -0 --separate-stderr gip-sections 002_13db19b5b2c6c511.txt
	f=002_13db19b5b2c6c511.txt
	assert_output "$f${T}0${T}${T}1${T}4
$f${T}1${T}一、总体情况${T}5${T}24
$f${T}2${T}二、主动公开政府信息情况${T}25${T}45
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}46${T}76
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}77${T}83
$f${T}5${T}五、存在的主要问题及改进情况${T}84${T}93
$f${T}6${T}六、其他需要报告的事项${T}94${T}97"
	[ -z "$stderr" ]
}

@test "seed 003 (2、 with a space, 其他需要报告事项 without 的) has six sections" {
	cd "$SAMPLES"
	run -0 --separate-stderr gip-sections 003_dbbcdc9ed14344e0.txt
	f=003_dbbcdc9ed14344e0.txt
	assert_output "$f${T}0${T}${T}1${T}4
$f${T}1${T}一、总体情况${T}5${T}28
$f${T}2${T}2、主动公开政府信息情况${T}29${T}77
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}78${T}397
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}398${T}443
$f${T}5${T}五、存在的主要问题及改进情况${T}444${T}446
$f${T}6${T}六、其他需要报告事项${T}447${T}449"
	[ -z "$stderr" ]
}

@test "seed 004 (six titles listed inline in the introduction) has six sections" {
	cd "$SAMPLES"
	run -0 --separate-stderr gip-sections 004_d40ac86c24e87fe8.txt
	f=004_d40ac86c24e87fe8.txt
	assert_output "$f${T}0${T}${T}1${T}10
$f${T}1${T}一、总体情况${T}11${T}28
$f${T}2${T}二、主动公开政府信息情况${T}29${T}49
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}50${T}80
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}81${T}87
$f${T}5${T}五、存在的主要问题及改进情况${T}88${T}109
$f${T}6${T}六、其他需要报告的事项${T}110${T}116"
	[ -z "$stderr" ]
}

# --- heading variants ---

@test "headings numbered 1、 to 6、, with or without a space, are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-arabic.txt
	f=heading-arabic.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}1、总体情况${T}6${T}8
$f${T}2${T}2、主动公开政府信息情况${T}9${T}10
$f${T}3${T}3、收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}4、政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}5、存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}6、其他需要报告的事项${T}20${T}21"
}

@test "headings numbered 1. to 6. are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-arabic-dot.txt
	f=heading-arabic-dot.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}1.总体情况${T}6${T}8
$f${T}2${T}2.主动公开政府信息情况${T}9${T}10
$f${T}3${T}3.收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}4.政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}5.存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}6.其他需要报告的事项${T}20${T}21"
}

@test "headings numbered 一. to 六., with or without a space, are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-cn-dot.txt
	f=heading-cn-dot.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一. 总体情况${T}6${T}8
$f${T}2${T}二.主动公开政府信息情况${T}9${T}10
$f${T}3${T}三. 收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}四.政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}五. 存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}六.其他需要报告的事项${T}20${T}21"
}

@test "headings numbered （一） and (二) are found, titles folded to ASCII" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-paren.txt
	f=heading-paren.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}(一)总体情况${T}6${T}8
$f${T}2${T}(二) 主动公开政府信息情况${T}9${T}10
$f${T}3${T}(三)收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}(四) 政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}(五)存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}(六) 其他需要报告的事项${T}20${T}21"
}

@test "headings indented with U+3000 are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-indented.txt
	assert_output "$(minimal_rows heading-indented.txt)"
}

@test "headings in **bold** or after a bookmark are found, marks removed" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-marks.txt
	assert_output "$(minimal_rows heading-marks.txt)"
}

@test "headings with spaced-out letters are found, letters joined" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-spaced.txt
	assert_output "$(minimal_rows heading-spaced.txt)"
}

@test "reworded headings (被申请行政复议, 工作存在的, 报告事项) are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-reworded.txt
	f=heading-reworded.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一、总体情况${T}6${T}8
$f${T}2${T}二、主动公开政府信息情况${T}9${T}10
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}四、因政府信息公开工作被申请行政复议和提起行政诉讼情况${T}16${T}17
$f${T}5${T}五、政府信息公开工作存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}六、其他需要报告事项${T}20${T}21"
}

@test "Word list numbering as lynx prints it (一、      总体情况) is found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-list-numbering.txt
	f=heading-list-numbering.txt
	sp='      '
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一、${sp}总体情况${T}6${T}8
$f${T}2${T}二、${sp}主动公开政府信息情况${T}9${T}10
$f${T}3${T}三、${sp}收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}四、${sp}政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}五、${sp}存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}六、${sp}其他需要报告的事项${T}20${T}21"
}

@test "a heading after a form feed (page break) is found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-after-page-break.txt
	assert_output "$(minimal_rows heading-after-page-break.txt)"
}

@test "headings framed by pandoc's |, html2text's ***** or Markdown ## are found" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections heading-renderer-remains.txt
	f=heading-renderer-remains.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一、总体情况${T}6${T}8
$f${T}2${T}二、主动公开政府信息情况${T}9${T}10
$f${T}3${T}3、   endif]>收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}五、存在的主要问题及改进情况${T}18${T}19
$f${T}6${T}六、其他需要报告的事项${T}20${T}21"
}

# --- what is not a heading ---

@test "section 三's table rows 一、 to 四、 and prose sub-headings are no headings" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections report-minimal.txt
	assert_output "$(minimal_rows report-minimal.txt)"
}

@test "t3 row 四、结转下年度 is not taken for a missing section 四" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections t3-rows-without-section-four.txt
	f=t3-rows-without-section-four.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一、总体情况${T}6${T}8
$f${T}2${T}二、主动公开政府信息情况${T}9${T}10
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}11${T}16
$f${T}5${T}五、存在的主要问题及改进情况${T}17${T}18
$f${T}6${T}六、其他需要报告的事项${T}19${T}20"
}

@test "an introduction listing the six titles inline is no heading" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections intro-inline-titles.txt
	assert_output "$(minimal_rows intro-inline-titles.txt)"
}

@test "a missing section 六 has no row and 五 runs to the end" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections section-six-missing.txt
	f=section-six-missing.txt
	assert_output "$f${T}0${T}${T}1${T}5
$f${T}1${T}一、总体情况${T}6${T}8
$f${T}2${T}二、主动公开政府信息情况${T}9${T}10
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}11${T}15
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}16${T}17
$f${T}5${T}五、存在的主要问题及改进情况${T}18${T}20"
}

@test "a report without any heading is named in a warning, status 2" {
	cd "$DATA"
	run -2 --separate-stderr gip-sections no-headings.txt report-minimal.txt
	assert_output "$(minimal_rows report-minimal.txt)"
	[ "$stderr" = "gip-sections: no-headings.txt: no section heading found" ]
}

# --- options ---

@test "-H prints a header line first" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections -H report-minimal.txt
	assert_output "source${T}section${T}title${T}first_line${T}last_line
$(minimal_rows report-minimal.txt)"
}

@test "-b adds each section's text after its heading, escaped" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections -b report-minimal.txt
	f=report-minimal.txt
	assert_output "$f${T}0${T}${T}1${T}5${T}某某县人民政府办公室\\n2020年政府信息公开工作年度报告\\n\\n本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项六部分组成。
$f${T}1${T}一、总体情况${T}6${T}8${T}（一）主动公开方面\\n本年度主动公开政府信息216条。
$f${T}2${T}二、主动公开政府信息情况${T}9${T}10${T}规章\\t0\\t0\\t0
$f${T}3${T}三、收到和处理政府信息公开申请情况${T}11${T}15${T}一、本年新收政府信息公开申请数量\\t\\t1\\t0\\t0\\t0\\t0\\t0\\t1\\n二、上年结转政府信息公开申请数量\\t\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\n三、本年度办理结果\\t(一) 予以公开\\t1\\t0\\t0\\t0\\t0\\t0\\t1\\n四、结转下年度继续办理\\t\\t0\\t0\\t0\\t0\\t0\\t0\\t0
$f${T}4${T}四、政府信息公开行政复议、行政诉讼情况${T}16${T}17${T}0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0\\t0
$f${T}5${T}五、存在的主要问题及改进情况${T}18${T}19${T}一是公开内容不够全面。四是培训不足。
$f${T}6${T}六、其他需要报告的事项${T}20${T}21${T}无。"
}

@test "-H -b names the body column in the header" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections -H -b report-minimal.txt
	assert_line -n 0 "source${T}section${T}title${T}first_line${T}last_line${T}body"
	assert_line -n 7 "report-minimal.txt${T}6${T}六、其他需要报告的事项${T}20${T}21${T}无。"
}

@test "-s 3 prints section 三's text, heading included" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections -s 3 report-minimal.txt
	assert_output "三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量${T}${T}1${T}0${T}0${T}0${T}0${T}0${T}1
二、上年结转政府信息公开申请数量${T}${T}0${T}0${T}0${T}0${T}0${T}0${T}0
三、本年度办理结果${T}(一) 予以公开${T}1${T}0${T}0${T}0${T}0${T}0${T}1
四、结转下年度继续办理${T}${T}0${T}0${T}0${T}0${T}0${T}0${T}0"
}

@test "--section=0 prints the front matter" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections --section=0 report-minimal.txt
	assert_output "某某县人民政府办公室
2020年政府信息公开工作年度报告

本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项六部分组成。"
}

@test "-s 6 prints nothing for a report without section 六" {
	cd "$DATA"
	run -0 --separate-stderr gip-sections -s 6 section-six-missing.txt
	assert_output ""
	[ -z "$stderr" ]
}

@test "-s 7 is refused with the usage, status 2" {
	run -2 --separate-stderr gip-sections -s 7 "$DATA/report-minimal.txt"
	assert_output ""
	[ "$stderr" = "gip-sections: -s: section must be 0 to 6: 7
$usage_line" ]
}

@test "-s with -b is refused, status 2" {
	run -2 --separate-stderr gip-sections -b -s 3 "$DATA/report-minimal.txt"
	assert_output ""
	[ "$stderr" = "gip-sections: -s prints text, not records: no -b, -H, --csv or --bom
$usage_line" ]
}

@test "an unknown option prints the usage, status 2" {
	run -2 --separate-stderr gip-sections -x
	assert_output ""
	[ "$stderr" = "gip-sections: unknown option -x
$usage_line" ]
}

@test "--help prints the usage and the options on stdout" {
	run -0 --separate-stderr gip-sections --help
	assert_line -n 0 "$usage_line"
	assert_line "      --no-filename   -s: never (grep -h)"
	[ -z "$stderr" ]
}

@test "--version prints the version" {
	run -0 --separate-stderr gip-sections --version
	assert_output "gip-sections (gip) 0.1.0"
}

@test "the usage matches the man page's SYNOPSIS" {
	run -0 --separate-stderr sh -c "mandoc -Tascii '$TOP/man/gip-sections.1' |
	    col -b | sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;\$d' |
	    tr -s ' \t\n' '   ' | sed 's/^ //; s/ \$//'"
	assert_output "${usage_line#usage: }"
}
# --- inputs ---

@test "no file argument reads stdin, named -" {
	run -0 --separate-stderr sh -c "gip-sections < '$DATA/report-minimal.txt'"
	assert_output "$(minimal_rows -)"
}

@test "- among files reads stdin in its place" {
	cd "$DATA"
	run -0 --separate-stderr sh -c \
	    'cat report-minimal.txt | gip-sections - section-six-missing.txt'
	assert_line -n 0 "-${T}0${T}${T}1${T}5"
	assert_line -n 6 "-${T}6${T}六、其他需要报告的事项${T}20${T}21"
	assert_line -n 12 "section-six-missing.txt${T}5${T}五、存在的主要问题及改进情况${T}18${T}20"
	[ "${#lines[@]}" -eq 13 ]
}

@test "a GB18030 report gives the same sections" {
	cd "$BATS_TEST_TMPDIR"
	iconv -f UTF-8 -t GB18030 "$DATA/report-minimal.txt" > gb.txt
	run -0 --separate-stderr gip-sections gb.txt
	assert_output "$(minimal_rows gb.txt)"
	[ -z "$stderr" ]
}

@test "a UTF-16LE report with BOM gives the same sections" {
	cd "$BATS_TEST_TMPDIR"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE \
	    "$DATA/report-minimal.txt"; } > le.txt
	run -0 --separate-stderr gip-sections le.txt
	assert_output "$(minimal_rows le.txt)"
}

@test "a UTF-16BE report with BOM gives the same sections" {
	cd "$BATS_TEST_TMPDIR"
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE \
	    "$DATA/report-minimal.txt"; } > be.txt
	run -0 --separate-stderr gip-sections be.txt
	assert_output "$(minimal_rows be.txt)"
}

@test "a UTF-8 report with BOM gives the same sections" {
	cd "$BATS_TEST_TMPDIR"
	{ printf '\357\273\277'; cat "$DATA/report-minimal.txt"; } > bom.txt
	run -0 --separate-stderr gip-sections bom.txt
	assert_output "$(minimal_rows bom.txt)"
}

@test "CRLF line ends give the same sections" {
	cd "$BATS_TEST_TMPDIR"
	sed 's/$/\r/' "$DATA/report-minimal.txt" > crlf.txt
	run -0 --separate-stderr gip-sections crlf.txt
	assert_output "$(minimal_rows crlf.txt)"
}

@test "CR, CRLF and CR CR LF line ends at every offset of a 32-byte step give the text of LF" {
	# the decoder copies 32 bytes at a time and drops or turns each CR
	# it meets: a line of k filler bytes puts the next line end at
	# every offset of a step
	cd "$BATS_TEST_TMPDIR"
	for k in $(seq 0 40); do
		printf '%*s\n' "$k" '' | tr ' ' x
	done > filler.txt
	cat filler.txt "$DATA/report-minimal.txt" > lf.txt
	sed 's/$/\r/' lf.txt > crlf.txt
	tr '\n' '\r' < lf.txt > cr.txt
	sed 's/$/\r\r/' lf.txt > crcrlf.txt
	gip-sections -s 0 lf.txt > lf.out
	gip-sections -b lf.txt | cut -f2- > lf.rows
	for f in crlf cr; do
		run -0 --separate-stderr gip-sections -s 0 $f.txt
		assert_output "$(cat lf.out)"
		run -0 --separate-stderr gip-sections -b $f.txt
		[ "$(printf '%s\n' "$output" | cut -f2-)" = "$(cat lf.rows)" ]
	done
	# CR CR LF: two line ends, a blank line after each line
	run -0 --separate-stderr gip-sections -s 0 crcrlf.txt
	assert_output "$(sed 's/$/\n/' lf.out | sed '$d')"
}

@test "a NUL byte anywhere in a long text makes it binary, the last byte too" {
	cd "$BATS_TEST_TMPDIR"
	for i in 1 2 3 4 5 6 7 8 9; do cat "$DATA/report-minimal.txt"; done > long.txt
	n=$(wc -c < long.txt)
	for at in 4200 $((n - 40)) $((n - 1)); do
		{ head -c "$at" long.txt; printf '\0'; tail -c +"$((at + 2))" long.txt; } > nul.txt
		[ "$(wc -c < nul.txt)" -eq "$n" ]
		run -2 --separate-stderr gip-sections nul.txt
		[ "$stderr" = 'gip-sections: nul.txt: binary file, not a report' ]
	done
}

@test "headings after runs of blanks, | and U+3000 across 64-byte blocks give the same sections" {
	# gip-sections finds line starts and the blanks after them 64
	# bytes at a time: lines begin at every offset of a block here, and
	# their blanks run into the next block.
	cd "$BATS_TEST_TMPDIR"
	local i=0 want="" prefix
	for prefix in " " "       " "$(printf '%60s' '')" "$(printf '%63s' '')" \
	    "$(printf '%64s' '')" "$(printf '%70s' '')" "| | | | | | | | | | | | " \
	    $'\t\t\t' "　　" $'\302\240' $' |\343\200\200 \302\240|' \
	    "$(printf '%61s' '')　"; do
		i=$((i + 1))
		sed "s/^/$prefix/" "$DATA/report-minimal.txt" > pad$i.txt
		want="$want$(minimal_rows pad$i.txt)
"
	done
	run -0 --separate-stderr gip-sections pad?.txt pad??.txt
	assert_output "${want%
}"
}

@test "CR line ends give the same sections" {
	cd "$BATS_TEST_TMPDIR"
	tr '\n' '\r' < "$DATA/report-minimal.txt" > cr.txt
	run -0 --separate-stderr gip-sections cr.txt
	assert_output "$(minimal_rows cr.txt)"
}

# --- bad input ---

@test "invalid UTF-8 is named by line in a warning and the report still works" {
	cd "$BATS_TEST_TMPDIR"
	sed '7s/^/\xff/' "$DATA/report-minimal.txt" > bad.txt
	run -0 --separate-stderr gip-sections bad.txt
	assert_output "$(minimal_rows bad.txt)"
	[ "$stderr" = "gip-sections: bad.txt:7: 1 undecodable byte (as UTF-8) replaced by U+FFFD" ]
}

@test "an empty file is reported, status 2" {
	cd "$BATS_TEST_TMPDIR"
	: > empty.txt
	run -2 --separate-stderr gip-sections empty.txt
	assert_output ""
	[ "$stderr" = "gip-sections: empty.txt: empty file" ]
}

@test "a binary file is reported, status 2" {
	run -2 --separate-stderr gip-sections /bin/true
	assert_output ""
	[ "$stderr" = "gip-sections: /bin/true: binary file, not a report" ]
}

@test "a directory is reported, status 2" {
	cd "$BATS_TEST_TMPDIR"
	mkdir dir
	run -2 --separate-stderr gip-sections dir
	assert_output ""
	[ "$stderr" = "gip-sections: dir: is a directory" ]
}

@test "a missing file is reported and the next file still printed, status 2" {
	cd "$DATA"
	run -2 --separate-stderr gip-sections no-such-file.txt report-minimal.txt
	assert_output "$(minimal_rows report-minimal.txt)"
	[ "$stderr" = "gip-sections: no-such-file.txt: No such file or directory" ]
}

@test "a file over 16 MiB is refused, status 2" {
	cd "$BATS_TEST_TMPDIR"
	truncate -s 17M big.txt
	run -2 --separate-stderr gip-sections big.txt
	assert_output ""
	[ "$stderr" = "gip-sections: big.txt: larger than 16 MiB, not read" ]
}

@test "a 50 MB single line on stdin is refused, status 2" {
	run -2 --separate-stderr sh -c \
	    'head -c 50000000 /dev/zero | tr "\0" x | gip-sections'
	assert_output ""
	[ "$stderr" = "gip-sections: -: larger than 16 MiB, not read" ]
}

# --- output ---

@test "a full output device gives status 2 and a message" {
	run -2 --separate-stderr sh -c \
	    "gip-sections '$DATA/report-minimal.txt' >/dev/full"
	[ "$stderr" = "gip-sections: write error: No space left on device" ]
}

@test "a closed pipe ends gip-sections quietly" {
	cd "$SAMPLES"
	run -0 --separate-stderr bash -c \
	    'gip-sections $(for i in $(seq 300); do echo *.txt; done) | head -1'
	assert_output "000_123c809bf521ceaa.txt${T}0${T}${T}1${T}8"
	[ -z "$stderr" ]
}

# --- the man page's examples ---

man_examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh/s/^\.Dl //p' "$TOP/man/gip-sections.1" |
	    sed 's/\\e/\\/g'
}

examples_dir() {
	cd "$BATS_TEST_TMPDIR"
	cp "$DATA/report-minimal.txt" report.txt
	mkdir reports
	cp "$SAMPLES"/*.txt reports/
}

@test "the man page has exactly the examples tested here" {
	run -0 --separate-stderr man_examples
	assert_output "gip-sections report.txt
gip-sections -s 3 report.txt | grep 申请
gip-sections -s 6 reports/*.txt | grep -v ':$'
gip-sections reports/*.txt | cut -f 2 | sort | uniq -c"
}

@test "man example: gip-sections report.txt" {
	examples_dir
	run -0 --separate-stderr bash -c "$(man_examples | sed -n 1p)"
	assert_output "$(minimal_rows report.txt)"
}

@test "man example: gip-sections -s 3 report.txt | grep 申请" {
	examples_dir
	run -0 --separate-stderr bash -c "$(man_examples | sed -n 2p)"
	assert_output "三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量${T}${T}1${T}0${T}0${T}0${T}0${T}0${T}1
二、上年结转政府信息公开申请数量${T}${T}0${T}0${T}0${T}0${T}0${T}0${T}0"
}

@test "man example: section 六 of several reports, each line named" {
	examples_dir
	run -0 --separate-stderr bash -c "$(man_examples | sed -n 3p)"
	assert_line -n 0 --regexp '^reports/000_[0-9a-f]+\.txt:.*其他需要报告'
	assert_equal "$(printf '%s\n' "${lines[@]}" | grep -cv '^reports/')" 0
}

@test "man example: count of reports per section" {
	examples_dir
	run -0 --separate-stderr bash -c "$(man_examples | sed -n 4p)"
	assert_output "      5 0
      5 1
      5 2
      5 3
      5 4
      5 5
      5 6"
}

# --- a generated corpus ---

# Reports whose text (decoded like gipgen writes it) has a section 六 heading.
reports_with_six() {
	python3 - "$@" <<'EOF'
import re, sys
head = re.compile(r'^(?:[六6][、.．]|[（(]六[）)])其他需要报告')
for name in sys.argv[1:]:
    b = open(name, 'rb').read()
    if b[:2] in (b'\xff\xfe', b'\xfe\xff'):
        t = b.decode('utf-16')
    else:
        try:
            t = b.decode('utf-8-sig')
        except UnicodeDecodeError:
            t = b.decode('gb18030')
    lines = t.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    if any(head.match(re.sub(r'[\s*]', '', l)) for l in lines):
        print(name)
EOF
}

@test "all six sections are found in 60 generated reports, 六 where it exists" {
	need_shared
	cd "$BATS_TEST_TMPDIR"
	python3 "$SHARED/corpus/gen/gipgen.py" --out g --count 60 --seed 1 \
	    --encodings utf8,utf8bom,gb18030,utf16le,utf16be >/dev/null
	cd g
	reports_with_six *.txt > with-six
	run -0 --separate-stderr bash -c "gip-sections *.txt |
	    awk -F'\t' '{ s[\$1] = s[\$1] \$2 } END { for (f in s) print f, s[f] }' |
	    sort"
	[ -z "$stderr" ]
	[ "${#lines[@]}" -eq 60 ]
	[ "$(grep -c ' 0123456$' <<<"$output")" -eq "$(wc -l < with-six)" ]
	[ "$(grep -c ' 012345$' <<<"$output")" -eq $((60 - $(wc -l < with-six))) ]
	[ "$(grep ' 0123456$' <<<"$output" | cut -d' ' -f1)" = "$(cat with-six)" ]
	[ "$(wc -l < with-six)" -eq 55 ]
}
