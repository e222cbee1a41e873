/*
 * The floor under any cells reader built on libcsv: the cells TSV parsed
 * with the settings src/cells.c uses (TAB, no quoting, no space
 * trimming, LF ends a record), from memory, with callbacks that only
 * count.  bench.py times it beside gip-check and gip-sum; whatever a
 * tool does with a cell comes on top of this.
 *
 *	csv-floor FILE
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

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

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int
is_term(unsigned char c)
{
	return c == '\n';
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 16];
	struct csv_parser p;
	FILE *fp;
	size_t n;

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: csv-floor FILE\n");
		return 2;
	}
	if (csv_init(&p, 0) != 0)
		return 2;
	csv_set_delim(&p, '\t');
	csv_set_quote(&p, '\0');
	csv_set_space_func(&p, no_space);
	csv_set_term_func(&p, is_term);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n)
			return 2;
	csv_fini(&p, on_field, on_record, NULL);
	csv_free(&p);
	fclose(fp);
	printf("%zu records, %zu fields\n", records, fields);
	return 0;
}
