/*
 * libFuzzer target: decoding a report (gip_doc_from_bytes) and normalising
 * its lines (text_norm) with each flag alone and in the sets the tools use.
 * Checks the promises callers rely on: the decoded text is UTF-8 with LF
 * line ends and NUL-terminated, and normalising never lengthens a line,
 * not even one cut in the middle of a character as callers cut them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "text.h"
#include "utf8.h"

static const unsigned flag_sets[] = {
	TEXT_FOLD, TEXT_MARKS, TEXT_JOIN, TEXT_SQUEEZE, TEXT_TRIM,
	TEXT_LABEL, TEXT_CLEAN
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-decode");
	return 0;
}

/*
 * dst ends exactly n + 1 bytes on, at the end of its allocation, so that
 * ASan sees any overrun.
 */
static void
norm_with(char *dst, const char *s, size_t n, const unsigned *flags,
    size_t nflags)
{
	size_t i, o;

	for (i = 0; i < nflags; i++) {
		o = text_norm(dst, s, n, flags[i]);
		if (o > n || dst[o] != '\0')
			abort();
	}
}

/*
 * A line under every flag set, and cut short by one and two bytes under
 * those callers cut with.  One allocation a line, its end where each
 * output ends: the cut ones are written one and two bytes in.
 */
static void
norm_line(const char *s, size_t n)
{
	static const unsigned cut_sets[] = {TEXT_LABEL, TEXT_CLEAN};
	char *dst = malloc(n + 1);

	if (dst == NULL)
		abort();
	norm_with(dst, s, n, flag_sets, sizeof flag_sets / sizeof flag_sets[0]);
	if (n > 1)
		norm_with(dst + 1, s, n - 1, cut_sets, 2);
	if (n > 2)
		norm_with(dst + 2, s, n - 2, cut_sets, 2);
	free(dst);
}

static void
check_doc(const struct gip_doc *doc)
{
	if (doc->text[doc->len] != '\0' ||
	    memchr(doc->text, '\r', doc->len) != NULL ||
	    utf8_valid_prefix(doc->text, doc->len) != doc->len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gip_doc doc;
	const char *line;
	size_t pos = 0, n;

	if (size == 0 || size > GIP_MAX_INPUT)
		return 0;
	if (gip_doc_from_bytes(&doc, "fuzz", (const char *)data, size) < 0)
		return 0;
	check_doc(&doc);
	while (gip_next_line(doc.text, doc.len, &pos, &line, &n)) {
		norm_line(line, n);
	}
	gip_doc_free(&doc);
	return 0;
}
