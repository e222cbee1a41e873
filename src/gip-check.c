/*
 * gip-check: check the cells of annual reports against the identities of
 * their template and for plausibility (gip(7)), and write findings
 * (gip(5)).  A report is a run of cells with the same source; it is
 * checked when the run ends, so memory is bounded by one report plus a
 * few numbers per body and year for the rules that compare years.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "findings.h"
#include "ident.h"
#include "model.h"
#include "shape.h"
#include "stated.h"
#include "tsv.h"
#include "years.h"

#define USAGE	"usage: gip-check [-Hpq] [-r rules] [file ...]\n"

static int opt_header, opt_pass;

static void
usage(void)
{
	fputs(USAGE, stderr);
	exit(GIP_TROUBLE);
}

static void
help(void)
{
	int i;

	fputs(USAGE, stdout);
	puts("Check cells TSV against the template identities; "
	    "write findings TSV.\n\n"
	    "  -H        write a header line before the findings\n"
	    "  -p        pass the cells of reports without errors to stdout;\n"
	    "            findings go to stderr\n"
	    "  -q        report errors only, no warnings\n"
	    "  -r rules  check only these rules (comma list)\n"
	    "  --help, --version\n");
	fputs("\nrules:", stdout);
	for (i = 0; i < fnd_nrules(); i++)
		printf(" %s", fnd_rule_name(i));
	putchar('\n');
	exit(gip_finish());
}

static unsigned long
parse_rules(const char *list)
{
	unsigned long mask = 0;
	const char *p = list, *e;
	char name[64];
	size_t n;
	int i;

	for (; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, ",");
		n = (size_t)(e - p);
		snprintf(name, sizeof name, "%.*s", (int)n, p);
		if (n >= sizeof name || (i = fnd_rule(name)) < 0) {
			fprintf(stderr, "%s: unknown rule '%.*s'\n", gip_prog,
			    (int)n, p);
			usage();
		}
		mask |= 1ul << i;
	}
	return mask;
}

static void
pass_cell(const char *source, const char *table, const char *row,
    const char *col, const char *value)
{
	tsv_cell(stdout, source, table, row, col, value);
}

static void
report_end(struct report *r)
{
	struct broken b[IDENT_MAXBROKEN];
	struct idvals v;
	unsigned tpl;
	int n;

	r->active = 0;
	tpl = report_tpl(r);
	if (!r->sum) {
		check_template(r, tpl);
		check_missing(r, tpl);
	}
	check_negative(r, tpl);
	ident_load(r, tpl, &v);
	n = ident_eval(&v, b);
	ident_report(r, tpl, b, n);
	if (fnd_on(R_DIGITS))
		ident_digits(r, &v, b, n);
	ident_free(&v);
	count_blanks(r);
	if (!r->sum) {
		check_prose(r);
		check_year(r, tpl);
		check_years(r, tpl);
	}
	if (r->nerrors)
		gip_status(GIP_FOUND);
	else if (opt_pass)
		report_kept(r, pass_cell);
	gip_check_output(stdout);
}

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct report *r = arg;

	if (r->active && strcmp(r->source, rec->field[CELL_SOURCE]) != 0)
		report_end(r);
	if (!r->active)
		report_begin(r, rec);
	if (opt_pass)
		report_keep(r, rec);
	report_take(r, rec);
	return 0;
}

/* A report cut short by bad input is not checked: its rows would be. */
static void
process(struct report *r, const char *path)
{
	if (cells_read(path, on_cell, r) == 0 && r->active)
		report_end(r);
	r->active = 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	static char errbuf[1 << 16];
	struct report r;
	int c, i;

	gip_init("gip-check");
	fnd_init(stdout);
	while ((c = getopt_long(argc, argv, "Hpqr:", longopts, NULL)) != -1)
		switch (c) {
		case 'H': opt_header = 1; break;
		case 'p': opt_pass = 1; break;
		case 'q': fnd_quiet(1); break;
		case 'r': fnd_select(parse_rules(optarg)); break;
		case 'h': help(); break;
		case 'V': gip_version(); break;
		default: usage();
		}
	if (opt_pass) {
		fnd_init(stderr);
		setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
	}
	if (opt_header)
		fnd_header();
	report_init(&r);
	if (optind == argc)
		process(&r, "-");
	for (i = optind; i < argc; i++)
		process(&r, argv[i]);
	if (opt_pass)
		gip_check_output(stderr);
	return gip_finish();
}
