/*
 * Test driver for src/prose.c: print the prose figures of each report
 * FILE as cells TSV (table "prose", col "-"), as gip-tables would, with
 * the line of each figure as a trailing comment field when -l is given.
 */
#include <stdio.h>
#include <string.h>

#include "../src/err.h"
#include "../src/input.h"
#include "../src/prose.h"
#include "../src/tsv.h"

int
main(int argc, char *argv[])
{
	struct prose_fig figs[64];
	struct gip_doc doc;
	char v[32];
	int i, k, n, lines = argc > 1 && strcmp(argv[1], "-l") == 0;

	gip_init("prose-scan");
	for (i = 1 + lines; i < argc; i++) {
		if (gip_doc_read(&doc, argv[i]) != 0)
			continue;
		n = prose_scan(doc.text, doc.len, 1, figs, 64);
		for (k = 0; k < n; k++) {
			snprintf(v, sizeof v, "%ld", figs[k].value);
			if (lines)
				printf("%ld\t", figs[k].line);
			tsv_cell(stdout, argv[i], "prose", figs[k].row, "-",
			    v);
		}
		gip_doc_free(&doc);
	}
	return gip_finish();
}
