/*
 * The floor under any cells reader built on libcsv: the cells TSV parsed
 * by the parser src/cells.c sets up (TAB, no quoting, no space
 * trimming, LF ends a record), in 64 KiB blocks, with callbacks that
 * only count.  bench.py times it beside gip-check and gip-sum; whatever a
 * tool does with a cell comes on top of this.
 *
 *	csv-floor FILE
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

#include "cells.h"

static size_t fields, records;

static void
on_field(void *s, size_t n, void *arg)
{
	(void)s, (void)n, (void)arg;
	fields++;
}

static void
on_record(int c, void *arg)
{
	(void)c, (void)arg;
	records++;
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 16];
	struct csv_parser *p;
	FILE *fp;
	size_t n;

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: csv-floor FILE\n");
		return 2;
	}
	p = cells_parser();
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(p, buf, n, on_field, on_record, NULL) != n)
			return 2;
	csv_fini(p, on_field, on_record, NULL);
	fclose(fp);
	printf("%zu records, %zu fields\n", records, fields);
	return 0;
}
