#!/usr/bin/env bats
# Reports that PDF-to-Markdown extractors (MinerU, marker) wrote: text
# with HTML <table> elements among its lines, pipe tables whose headers
# the extractor flattened.

load helper

@test "text holding HTML tables is read with their cells" {
	# MinerU's Markdown: prose lines, <table> elements with tags on
	# lines of their own or a row to a line, spans included.
	run -0 --separate-stderr sh -c "gip-tables '$DATA/md-html-tables.md' |
	    grep -E '	t[24]	' | cut -f 5 | tr '\n' ' '"
	assert_output "0 0 0 11 0 11 0 0 0 1 1 0 0 0 0 0 2 0 0 0 2 "
	assert_equal "$stderr" ""
}

@test "text holding HTML tables: prose around them stays text, < and all" {
	run -0 --separate-stderr gip-sections -s 0 "$DATA/md-html-tables.md"
	assert_output --partial "如有疑问请联系 <办公室>，电话 a<b>c。"
	run -0 --separate-stderr sh -c "gip-tables -t meta \
	    '$DATA/md-html-tables.md' | grep -E '	(title|org)	' | cut -f 5"
	assert_output "$(printf '%s\n' \
	    2023年兴口区机关事务服务中心政府信息公开工作年度报告 \
	    兴口区机关事务服务中心)"
}

@test "a text report whose prose names <table> stays text" {
	# No <td> inside: not a table, so not read as HTML; its cells and
	# their lines are those of the text.
	local f=$BATS_TEST_TMPDIR/prose.txt
	cp "$SAMPLES/001_ae6a0c619a70167d.txt" "$f"
	printf '注：网页版以<table>标签排版，见附件</table>。\n' >>"$f"
	run -0 diff <(gip-tables "$SAMPLES/001_ae6a0c619a70167d.txt" |
	    cut -f 2-) <(gip-tables "$f" | cut -f 2-)
}
