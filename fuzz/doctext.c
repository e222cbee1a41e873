/*
 * libFuzzer target: the whole way a text file takes through gip-tables.
 * The `tables` target hands extract_report the decoded text; a user's
 * file first goes through document_open's text branch (document.h):
 * pandoc's attributes and fenced divs (mdattr.c), grid frames
 * (gridframe.c), the Markdown reader (markdown.c, mdspan.c, mdpipe.c),
 * HTML pages and tables among text lines (html.c, mdhtml.c).  Then, as
 * gip-tables does, the input is split into its reports, each read
 * (html2text's boxes, pandoc's dashed columns, pdftotext's reading
 * order, unprinted tables ...) and printed as cells with its prose
 * figures.  src/gip-tables.c is included whole with main renamed, so the
 * printing is the program's own and nothing was moved for the target.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define main	gip_tables_main
#include "../src/gip-tables.c"
#undef main

#include "exact.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-doctext");
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	rec_init(&out, stdout, REC_TSV, 0);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct document d;	/* reused, as gip-tables does */
	char *input, *made = NULL;

	if (size == 0 || size > GIP_MAX_INPUT)
		return 0;
	if (gip_doc_from_bytes(&d.doc, "fuzz", (const char *)data, size) < 0)
		return 0;
	/* Word files and PDFs are the docx and pdf targets' */
	if (d.doc.kind != GIP_KIND_TEXT)
		return 0;
	exact_copy(&d.doc);
	input = d.doc.text;
	if (document_open(&d) == 0) {
		/* The Markdown and HTML readers' text lies in buffers with
		 * room to spare: the tables are read from an exact copy. */
		if (d.doc.text != input) {
			exact_copy(&d.doc);
			made = d.doc.text;
		}
		process_input(&d);
	}
	free(made);
	free(input);
	return 0;
}
