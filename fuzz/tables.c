/*
 * libFuzzer target: gip-tables on one report, through the program's own
 * process() (decode, sections, layout detection and reading, t2/t3/t4
 * extraction, meta, prose, printing).  The program is included whole,
 * its main renamed, so the target runs exactly the code the tool runs;
 * stdout goes to /dev/null.
 */
#define main gip_tables_main
#include "../src/gip-tables.c"
#undef main

#include <stdint.h>
#include "exact.h"

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
	struct gip_doc doc;

	if (size == 0 || size > GIP_MAX_INPUT)
		return 0;
	if (gip_doc_from_bytes(&doc, "fuzz", (const char *)data, size) < 0)
		return 0;
	exact_copy(&doc);
	process(&doc);
	free(doc.text);
	gip_doc_free(&doc);
	return 0;
}
