/*
 * Test driver for src/html.c: prints html_to_text's output for each file
 * (or stdin), read and decoded as every gip tool reads a report.
 */
#include <stdio.h>

#include "err.h"
#include "html.h"
#include "input.h"

int
main(int argc, char *argv[])
{
	struct gip_doc doc;
	char *text;
	size_t len;
	int i;

	gip_init("htmldump");
	for (i = 1; i < argc || i == 1; i++) {
		if (gip_doc_read(&doc, i < argc ? argv[i] : "-") < 0)
			continue;
		if (html_to_text(doc.name, doc.text, doc.len, &text, &len) < 0)
			continue;
		fwrite(text, 1, len, stdout);
	}
	return gip_finish();
}
