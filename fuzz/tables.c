/*
 * libFuzzer target: gip-tables' reading of one text report (decode,
 * sections, table regions, layouts, t2/t3/t4 extraction, template, meta)
 * and its prose figures: the calls the program makes, without printing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "err.h"
#include "exact.h"
#include "extract.h"
#include "input.h"
#include "prose.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-tables");
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct extract x;
	struct prose_fig fig[64];
	struct gip_doc doc;

	if (size == 0 || size > GIP_MAX_INPUT)
		return 0;
	if (gip_doc_from_bytes(&doc, "fuzz", (const char *)data, size) < 0)
		return 0;
	exact_copy(&doc);
	extract_report(&doc, NULL, NULL, 0, &x);
	prose_scan(doc.text, doc.len, 1, fig, 64);
	free(doc.text);
	gip_doc_free(&doc);
	return 0;
}
