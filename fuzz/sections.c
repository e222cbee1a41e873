/*
 * libFuzzer target: gip-sections' splitter on decoded text, checking that
 * the sections it returns lie inside the text and in order, and that the
 * sections of each report of the input, taken from the headings noted
 * while splitting it, are those sections_split finds in a copy of the
 * report's text; that sections_scan's one report is split_reports';
 * and that the hand matcher of headings agrees with their pattern.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "sections.h"
#include "split.h"
#include "text.h"
#include "exact.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-sections");
	return 0;
}

static void
check_sections(const struct gip_section *sec, size_t len)
{
	size_t prev = 0;
	int i;

	for (i = 0; i <= SECTIONS_MAX; i++) {
		if (!sec[i].found)
			continue;
		if (sec[i].start < prev || sec[i].start > sec[i].body ||
		    sec[i].body > sec[i].end || sec[i].end > len ||
		    sec[i].first_line < 1 ||
		    sec[i].first_line > sec[i].last_line + 1 ||
		    memchr(sec[i].title, '\0', sizeof sec[i].title) == NULL)
			abort();
		prev = sec[i].end;
	}
}

/*
 * sections_scan, which gip-sections asks first: when it finds one
 * report, split_reports must find one too, and the sections of it from
 * the scan's headings must be split_reports' (hs as it left them).
 */
static void
check_scan(const struct gip_doc *doc, int parts,
    const struct report_part *part, const struct sections_heads *hs)
{
	static struct sections_heads scan;
	struct gip_section sec[SECTIONS_MAX + 1], want[SECTIONS_MAX + 1];
	struct report_part whole = { 0, doc->len, 1 };
	int found, wanted;

	if (sections_scan(doc->text, doc->len, &scan) != 0)
		return;
	if (parts != 1 || part[0].to != doc->len || scan.lines != hs->lines)
		abort();
	found = split_part_sections(doc->text, &whole, NULL, &scan, sec);
	wanted = split_part_sections(doc->text, &part[0], NULL, hs, want);
	if (found != wanted || memcmp(sec, want, sizeof sec) != 0)
		abort();
}

/*
 * The hand matcher of headings against the pattern it stands for, on
 * each line of the input as it is and in its TEXT_LABEL form.
 */
static void
check_labels(const struct gip_doc *doc)
{
	char label[512];
	const char *line;
	size_t pos = 0, n, m;

	while (gip_next_line(doc->text, doc->len, &pos, &line, &n)) {
		if (n >= sizeof label)
			continue;
		if (sections_label(line, n) != sections_label_re(line, n))
			abort();
		m = text_norm(label, line, n, TEXT_LABEL);
		if (sections_label(label, m) != sections_label_re(label, m))
			abort();
	}
}

/* The most parts compared; the rest of the input is in the last. */
#define MAX_PARTS	64

static void
check_parts(const struct gip_doc *doc)
{
	static struct report_part part[MAX_PARTS];
	static struct sections_heads hs;
	struct gip_section sec[SECTIONS_MAX + 1], want[SECTIONS_MAX + 1];
	size_t n;
	char *copy;
	int i, k, found, wanted;

	k = split_reports(doc->text, doc->len, part, MAX_PARTS, &hs);
	/* sections_scan passes over a line by its marker's number: a
	 * heading's number must be that. */
	for (i = 0; i < hs.n; i++)
		if (hs.h[i].k != hs.h[i].marker)
			abort();
	for (i = 0; i < k; i++) {
		found = split_part_sections(doc->text, &part[i],
		    i + 1 < k ? &part[i + 1] : NULL, &hs, sec);
		n = part[i].to - part[i].from;
		if ((copy = malloc(n + 1)) == NULL)
			abort();
		memcpy(copy, doc->text + part[i].from, n);
		copy[n] = '\0';
		wanted = sections_split(copy, n, want);
		if (found != wanted || memcmp(sec, want, sizeof sec) != 0)
			abort();
		free(copy);
	}
	check_scan(doc, k, part, &hs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gip_section sec[SECTIONS_MAX + 1];
	struct gip_doc doc;

	if (size == 0 || size > GIP_MAX_INPUT)
		return 0;
	if (gip_doc_from_bytes(&doc, "fuzz", (const char *)data, size) < 0)
		return 0;
	exact_copy(&doc);
	sections_split(doc.text, doc.len, sec);
	check_sections(sec, doc.len);
	check_parts(&doc);
	check_labels(&doc);
	free(doc.text);
	gip_doc_free(&doc);
	return 0;
}
