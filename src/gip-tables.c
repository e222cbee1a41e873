/*
 * gip-tables: the three standard tables (主动公开, 依申请, 复议诉讼) and the
 * meta data of each report, as cells TSV or CSV (gip(5)), or a readable
 * view of them (--view).  An input that holds several reports gives each
 * its own source, NAME#k (gip(7)).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "err.h"
#include "extract.h"
#include "lfcount.h"
#include "num.h"
#include "opts.h"
#include "prose.h"
#include "rec.h"
#include "sections.h"
#include "split.h"
#include "tmpl.h"
#include "view.h"

static const struct gip_cli cli = {
	"usage: gip-tables [-1Hq] [--csv] [--bom] [--view] [-t tables] "
	    "[file ...]",
	"Read the standard tables and meta data of government information\n"
	    "disclosure annual reports; write cells (source tbl row col value\n"
	    "line) as TSV.",
	"  -q, --quiet         no warnings, errors only\n"
	"  -t, --tables LIST   only these (meta,t2,t3,t4,prose)\n"
	"  -1, --one-report    read each input as one report, never split\n"
	"      --view          print each report's tables for reading, with\n"
	"                      the template's labels, not cells\n",
	"write RFC 4180 CSV, header included",
	NULL
};

enum { SEL_META = 1, SEL_T2 = 2, SEL_T3 = 4, SEL_T4 = 8, SEL_PROSE = 16,
	SEL_ALL = 31 };

/* The most reports one input is read as; a volume has dozens. */
#define MAX_PARTS	4096

static int	 with_header;		/* -H */
static int	 quiet;			/* -q */
static int	 one_report;		/* -1: never split an input */
static int	 view;			/* --view */
static long	 line_base;		/* lines before the report's part */
static unsigned	 selected = SEL_ALL;	/* -t */
static struct rec_out out;

static unsigned
parse_tables(const char *arg)
{
	char *copy = gip_xstrdup(arg), *tok, *save = NULL;
	unsigned sel = 0;
	int k;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL,
	    ",", &save)) {
		/* SEL_* bits follow the template's order of table names */
		if ((k = tmpl_table_index(tok)) < 0) {
			fprintf(stderr, "%s: unknown table '%s' (meta, t2, t3, "
			    "t4, prose)\n", gip_prog, tok);
			gip_usage();
		}
		sel |= 1u << k;
	}
	free(copy);
	return sel;
}

/* A line of the report (0: unknown) as a line of the input. */
static long
input_line(long line)
{
	return line > 0 ? line + line_base : 0;
}

static void
print_meta(const char *row, const char *value, long line)
{
	if (value[0] != '\0')
		rec_cell(&out, row, "-", value, input_line(line));
}

/* Which of t2, t3, t4 (0, 1, 2) a cell's table is; -1: none. */
static int
table_rank(const char *table)
{
	/* "t2", "t3", "t4": the second byte tells them */
	if (table[0] == 't' && table[1] >= '2' && table[1] <= '4' &&
	    table[2] == '\0')
		return table[1] - '2';
	return -1;
}

/*
 * The cells of the tables selected, t2, t3, t4 in this order, each in
 * the order read.  extract_report adds each table's cells in one run
 * (t3, t4, then t2): the runs of cells of one table name are found
 * first, then printed table by table without a test a cell.
 */
static void
print_tables(const char *source, const struct tables *t)
{
	enum { MAXRUNS = 64 };
	struct { int from, to, rank; } run[MAXRUNS];
	const struct tcell *c, *end;
	const char *name = NULL;
	int i, k, n = 0;

	for (i = 0; i < t->ncell; i++) {
		if (t->cell[i].table == name)
			continue;
		name = t->cell[i].table;
		if (n > 0)
			run[n - 1].to = i;
		if (n == MAXRUNS)
			break;
		run[n].from = i;
		run[n++].rank = table_rank(name);
	}
	if (n > 0)
		run[n - 1].to = i;
	for (k = 0; k < 3; k++) {
		if (!(selected & (SEL_T2 << k)))
			continue;
		for (i = 0; i < n; i++) {
			if (run[i].rank != k)
				continue;
			c = &t->cell[run[i].from];
			rec_cells_of(&out, source, c->table);
			for (end = &t->cell[run[i].to]; c < end; c++)
				rec_cell(&out, c->row, c->col, c->val,
				    input_line(c->line));
		}
		/* more runs than MAXRUNS: the rest a cell at a time */
		for (i = n > 0 ? run[n - 1].to : 0; i < t->ncell; i++) {
			c = &t->cell[i];
			if (table_rank(c->table) != k)
				continue;
			rec_cells_of(&out, source, c->table);
			rec_cell(&out, c->row, c->col, c->val,
			    input_line(c->line));
		}
	}
}

static void
print_report(const char *source, const struct meta *m,
    const struct tables *t)
{
	if (selected & SEL_META) {
		rec_cells_of(&out, source, "meta");
		print_meta("title", m->title, m->title_line);
		print_meta("org", m->org, m->org_line);
		print_meta("year", m->year, m->year_line);
		print_meta("template", tmpl_name(t->tpl), 0);
		print_meta("date", m->date, m->date_line);
	}
	print_tables(source, t);
}

/* Add the figures of text[from..to), first line `line`, to fig. */
static int
prose_piece(const char *text, size_t from, size_t to, long line,
    struct prose_fig *fig, int n)
{
	struct prose_fig got[64];
	int i, j, k;

	k = prose_scan(text + from, to - from, line, got, 64);
	for (i = 0; i < k; i++) {
		for (j = 0; j < n; j++)
			if (fig[j].row == got[i].row &&
			    fig[j].value == got[i].value)
				break;
		if (j == n && n < 64)
			fig[n++] = got[i];
	}
	return n;
}

/*
 * The figures the prose states, for gip-check to compare (gip(5)): the
 * text outside the tables read.  A table scanned as prose is one long
 * sentence of key words and numbers; its unit-suffixed cells ("0件")
 * gave figures that only repeated (or misread) the cells.
 */
static void
print_prose(const char *source, const struct gip_doc *doc,
    const struct extract *x)
{
	struct prose_fig fig[64];
	struct region r[3], tmp;
	char v[NUM_LONGLEN];
	size_t at = 0;
	long line = 1;
	int i, j, n = 0, nr = 0;

	for (i = 0; i < 3; i++)
		if (x->where[i].to > x->where[i].from)
			r[nr++] = x->where[i];
	for (i = 1; i < nr; i++)	/* by start */
		for (j = i; j > 0 && r[j].from < r[j - 1].from; j--)
			tmp = r[j], r[j] = r[j - 1], r[j - 1] = tmp;
	for (i = 0; i < nr; i++) {
		if (r[i].from > at)
			n = prose_piece(doc->text, at, r[i].from, line, fig, n);
		if (r[i].to > at) {
			line = r[i].line + (long)lf_count(doc->text +
			    r[i].from, r[i].to - r[i].from);
			at = r[i].to;
		}
	}
	if (at < doc->len || nr == 0)
		n = prose_piece(doc->text, at, doc->len, line, fig, n);
	rec_cells_of(&out, source, "prose");
	for (i = 0; i < n; i++) {
		rec_cell(&out, fig[i].row, "-", num_decimal(v, fig[i].value),
		    input_line(fig[i].line));
	}
}

/* One report: doc (whole or a part), printed under source; sec: its
 * sections if known. */
static void
process(const char *source, const struct gip_doc *doc,
    const struct doctables *dt, const struct gip_section *sec)
{
	static struct extract x;

	extract_report(doc, dt, sec, quiet, &x);
	if (view) {
		view_report(stdout, source, line_base, &x.m, &x.t);
		return;
	}
	print_report(source, &x.m, &x.t);
	if (selected & SEL_PROSE)
		print_prose(source, doc, &x);
	rec_flush(&out);	/* before the next warning or output check */
}

/*
 * Every report of one input: NAME alone, or NAME#1, NAME#2, ...  A part
 * is read on its own, its lines counted from 1 (the tables of an HTML
 * page moved to match) and reported as the input's.
 */
static void
process_input(struct document *d)
{
	static struct report_part part[MAX_PARTS];
	static struct sections_heads hs;
	static char *buf;
	static size_t cap;
	struct gip_section sec[SECTIONS_MAX + 1];
	struct gip_doc one;
	char source[4096];
	int i, n;

	if (one_report) {
		process(d->doc.name, &d->doc, &d->tables, NULL);
		return;
	}
	hs.no_titles = 1;	/* the sections' titles are not printed */
	/* Most inputs are one report: their headings are all it takes
	 * (sections_scan), not split_reports' walk over every line. */
	if (sections_scan(d->doc.text, d->doc.len, &hs) == 0) {
		part[0].from = 0;
		part[0].to = d->doc.len;
		part[0].line = 1;
		n = 1;
	} else
		n = split_reports(d->doc.text, d->doc.len, part, MAX_PARTS,
		    &hs);
	if (n == MAX_PARTS)
		gip_warn(d->doc.name, 0, "%d reports or more: the rest read as "
		    "the last", MAX_PARTS);
	if (n == 1) {
		split_part_sections(d->doc.text, &part[0], NULL, &hs, sec);
		process(d->doc.name, &d->doc, &d->tables, sec);
		return;
	}
	for (i = 0; i < n; i++) {
		split_part_sections(d->doc.text, &part[i],
		    i + 1 < n ? &part[i + 1] : NULL, &hs, sec);
		split_part_doc(&d->doc, &part[i], &one, &buf, &cap);
		snprintf(source, sizeof source, "%s#%d", d->doc.name, i + 1);
		line_base = part[i].line - 1;
		gip_line_offset(line_base);
		split_shift_tables(&d->tables, -line_base);
		process(source, &one, &d->tables, sec);
		split_shift_tables(&d->tables, line_base);
		gip_line_offset(0);
		line_base = 0;
		gip_check_output(stdout);
	}
}

static void
parse_options(int argc, char *argv[])
{
	enum { OPT_VIEW = OPT_TOOL };
	static const struct option longopts[] = {
		GIP_COMMON_LONGOPTS,
		{"quiet",	no_argument,		NULL, 'q'},
		{"tables",	required_argument,	NULL, 't'},
		{"one-report",	no_argument,		NULL, '1'},
		{"view",	no_argument,		NULL, OPT_VIEW},
		{NULL, 0, NULL, 0}
	};
	struct gip_common o = {0};
	int c;

	gip_cli(&cli);
	while ((c = gip_getopt(argc, argv, "1qt:", longopts, &o)) != -1) {
		switch (c) {
		case 'q': quiet = 1; break;
		case 't': selected = parse_tables(optarg); break;
		case '1': one_report = 1; break;
		case OPT_VIEW: view = 1; break;
		default: gip_usage();
		}
	}
	with_header = o.header || o.csv;
	if (view && (with_header || o.bom)) {
		fprintf(stderr, "%s: --view prints text, not records: no -H, "
		    "--csv or --bom\n", gip_prog);
		gip_usage();
	}
	rec_init(&out, stdout, o.csv ? REC_CSV : REC_TSV, o.bom);
}

int
main(int argc, char *argv[])
{
	static const char *const header[6] = {"source", "tbl", "row", "col",
	    "value", "line"};
	static char outbuf[1 << 16];
	static struct document d;
	int i;

	gip_init("gip-tables");
	/* Cells are many and short: fewer, larger writes to a pipe. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	parse_options(argc, argv);
	if (with_header)
		rec_write(&out, header, 6);
	if (optind == argc)
		argv[argc++] = "-";
	for (i = optind; i < argc; i++) {
		if (document_read(&d, argv[i]) == 0)
			process_input(&d);
		gip_check_output(stdout);
	}
	return gip_finish();
}
