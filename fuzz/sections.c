/*
 * libFuzzer target: gip-sections' splitter on decoded text, checking that
 * the sections it returns lie inside the text and in order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "sections.h"
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
	free(doc.text);
	gip_doc_free(&doc);
	return 0;
}
