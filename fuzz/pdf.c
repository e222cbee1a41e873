/*
 * libFuzzer target: the PDF reader's layout (src/report/pdf*.c) from
 * pdftotext -bbox-layout output, and what gip-tables does with it
 * (doctables, extraction, meta).  The input is the XHTML pdftotext would
 * print: its words carry text a PDF chose, so any bytes may be in them.
 * pdftotext itself is not run here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "extract.h"
#include "input.h"
#include "pdf.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-pdf");
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct doctables dt;
	static struct extract x;
	static struct pdf pg;
	struct gip_doc doc = {0};
	char *copy = malloc(size + 1);

	if (copy == NULL)
		abort();
	memcpy(copy, data, size);	/* exact, for ASan */
	copy[size] = '\0';
	doc.name = "fuzz";
	doctables_reset(&dt);
	if (pdf_from_bbox(&doc, copy, size, &dt, &pg) == 0) {
		char *text = malloc(doc.len + 1);

		if (text == NULL)
			abort();
		memcpy(text, doc.text, doc.len + 1);
		doc.text = text;
		extract_report(&doc, &dt, NULL, 0, &x);
		free(text);
	}
	free(copy);
	return 0;
}
