/*
 * Test driver for src/report/html.c: prints the report text html_read
 * makes of each file (or stdin), read and decoded as every gip tool reads
 * a report.  With -g it prints the tables it hands over instead: for each
 * table a line "table FIRST-LAST", then one line per row, its report-text
 * line and its cells as x0-x1:text, TAB-separated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctables.h"
#include "err.h"
#include "html.h"
#include "input.h"

static void
print_tables(const struct doctables *dt)
{
	const struct doctable *t;
	const struct gcell *c;
	int i, j, k;

	for (i = 0; i < dt->n; i++) {
		t = &dt->t[i];
		printf("table %ld-%ld\n", t->first_line, t->last_line);
		for (j = 0; j < t->g.nrow; j++) {
			printf("%ld", t->g.row[j].line);
			c = grid_cells(&t->g, &t->g.row[j]);
			for (k = 0; k < t->g.row[j].ncell; k++)
				printf("\t%d-%d:%s", c[k].x0, c[k].x1,
				    c[k].text);
			putchar('\n');
		}
	}
	if (dt->title_line)
		printf("title line %ld\n", dt->title_line);
}

int
main(int argc, char *argv[])
{
	struct gip_doc doc;
	struct html_text text = { 0 };
	struct doctables dt = { 0 };
	int i = 1, grids = 0;

	gip_init("htmldump");
	if (argc > 1 && strcmp(argv[1], "-g") == 0)
		grids = 1, i++;
	for (; i < argc || i == 1 + grids; i++) {
		doctables_reset(&dt);
		if (gip_doc_read(&doc, i < argc ? argv[i] : "-") < 0)
			continue;
		if (html_read(doc.name, doc.text, doc.len, &text, &dt) < 0)
			continue;
		if (grids)
			print_tables(&dt);
		else
			fwrite(text.p, 1, text.len, stdout);
	}
	free(text.p);
	doctables_free(&dt);
	return gip_finish();
}
