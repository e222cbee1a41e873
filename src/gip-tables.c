/*
 * gip-tables: the three standard tables (主动公开, 依申请, 复议诉讼) and the
 * meta data of each report, as cells TSV (SPEC.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "err.h"
#include "extract.h"
#include "prose.h"
#include "tmpl.h"
#include "tsv.h"

enum { SEL_META = 1, SEL_T2 = 2, SEL_T3 = 4, SEL_T4 = 8, SEL_PROSE = 16,
	SEL_ALL = 31 };

static int	 with_header;		/* -H */
static int	 quiet;			/* -q */
static unsigned	 selected = SEL_ALL;	/* -t */

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-Hq] [-t tables] [file ...]\n", gip_prog);
	if (fp == stdout)
		exit(gip_finish());
	exit(status);
}

static unsigned
parse_tables(const char *arg)
{
	static const char *const names[] = {"meta", "t2", "t3", "t4",
	    "prose"};
	char *copy = gip_xstrdup(arg), *tok, *save = NULL;
	unsigned sel = 0, k;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL,
	    ",", &save)) {
		for (k = 0; k < 5 && strcmp(tok, names[k]) != 0; k++)
			;
		if (k == 5)
			gip_fatal("unknown table '%s' (meta, t2, t3, t4, prose)",
			    tok);
		sel |= 1u << k;
	}
	free(copy);
	return sel;
}

static void
print_meta(const char *name, const char *row, const char *value)
{
	if (value[0] != '\0')
		tsv_cell(stdout, name, "meta", row, "-", value);
}

static void
print_report(const struct gip_doc *doc, const struct meta *m,
    const struct tables *t)
{
	static const char *const order[] = {"t2", "t3", "t4"};
	int i, k;

	if (selected & SEL_META) {
		print_meta(doc->name, "title", m->title);
		print_meta(doc->name, "org", m->org);
		print_meta(doc->name, "year", m->year);
		print_meta(doc->name, "template", tmpl_name(t->tpl));
		print_meta(doc->name, "date", m->date);
	}
	for (k = 0; k < 3; k++) {
		if (!(selected & (SEL_T2 << k)))
			continue;
		for (i = 0; i < t->ncell; i++)
			if (strcmp(t->cell[i].table, order[k]) == 0)
				tsv_cell(stdout, doc->name, t->cell[i].table,
				    t->cell[i].row, t->cell[i].col,
				    t->cell[i].val);
	}
}

/* The figures the prose states, for gip-check to compare (gip.5). */
static void
print_prose(const struct gip_doc *doc)
{
	struct prose_fig fig[64];
	char v[32];
	int i, n;

	n = prose_scan(doc->text, doc->len, 1, fig, 64);
	for (i = 0; i < n; i++) {
		snprintf(v, sizeof v, "%ld", fig[i].value);
		tsv_cell(stdout, doc->name, "prose", fig[i].row, "-", v);
	}
}

static void
process(const struct document *d)
{
	static struct extract x;

	extract_report(&d->doc, &d->tables, quiet, &x);
	print_report(&d->doc, &x.m, &x.t);
	if (selected & SEL_PROSE)
		print_prose(&d->doc);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	static char outbuf[1 << 16];
	static struct document d;
	int c, i;

	gip_init("gip-tables");
	/* Cells are many and short: fewer, larger writes to a pipe. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	while ((c = getopt_long(argc, argv, "Hqt:", longopts, NULL)) != -1) {
		switch (c) {
		case 'H': with_header = 1; break;
		case 'q': quiet = 1; break;
		case 't': selected = parse_tables(optarg); break;
		case 'h': usage(stdout, 0); break;
		case 'V': gip_version(); break;
		default: usage(stderr, GIP_TROUBLE);
		}
	}
	if (with_header)
		fputs("source\ttable\trow\tcol\tvalue\n", stdout);
	if (optind == argc)
		argv[argc++] = "-";
	for (i = optind; i < argc; i++) {
		if (document_read(&d, argv[i]) == 0)
			process(&d);
		gip_check_output(stdout);
	}
	return gip_finish();
}
