/*
 * gip-tables: the three standard tables (主动公开, 依申请, 复议诉讼) and the
 * meta data of each report, as cells TSV (SPEC.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "html.h"
#include "input.h"
#include "layout.h"
#include "meta.h"
#include "prose.h"
#include "sections.h"
#include "tables.h"
#include "text.h"
#include "tmpl.h"
#include "tsv.h"

enum { SEL_META = 1, SEL_T2 = 2, SEL_T3 = 4, SEL_T4 = 8, SEL_PROSE = 16,
	SEL_ALL = 31 };

static int	 with_header;		/* -H */
static int	 quiet;			/* -q */
static unsigned	 selected = SEL_ALL;	/* -t */

struct region {
	size_t	from, to;
	long	line;			/* line number of `from` */
};

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

/* Is this line where table `which` begins (its caption or header)? */
static int
is_anchor(int which, const char *s, size_t n)
{
	char key[512];

	if (n > 1500)
		return 0;
	text_norm(key, s, n < sizeof key - 1 ? n : sizeof key - 1,
	    TEXT_LABEL);
	switch (which) {
	case 2:
		/* 第二十 alone: the caption may wrap after it. */
		return strstr(key, "第二十") || strstr(key, "信息内容");
	case 3:
		return strstr(key, "勾稽关系") || strstr(key, "申请人情况") ||
		    (strstr(key, "本年新收") && strlen(key) < 150);
	default:
		return strstr(key, "行政复议") && strlen(key) <= 60;
	}
}

/* Move r.from to table `which`'s first line; 0 if there is none. */
static int
narrow_to_anchor(const char *text, struct region *r, int which)
{
	size_t pos = r->from, at;
	const char *s;
	size_t n;
	long line = r->line;

	while (at = pos, gip_next_line(text, r->to, &pos, &s, &n)) {
		if (is_anchor(which, s, n)) {
			r->from = at;
			r->line = line;
			return 1;
		}
		line++;
	}
	return 0;
}

static long
line_at(const char *text, size_t off)
{
	long line = 1;
	const char *p = text, *end = text + off;

	while ((p = memchr(p, '\n', end - p)) != NULL)
		p++, line++;
	return line;
}

/*
 * Where table `which` (2, 3, 4) is: inside its section when the heading
 * was found, else from its caption up to the next section or table.
 */
static int
table_region(const struct gip_doc *doc, const struct gip_section *sec,
    int which, struct region *r)
{
	int k;

	if (sec[which].found) {
		r->from = sec[which].body;
		r->to = sec[which].end;
		r->line = sec[which].first_line + 1;
		narrow_to_anchor(doc->text, r, which);
		return 1;
	}
	r->from = 0;
	for (k = which - 1; k >= 1; k--)
		if (sec[k].found) {
			r->from = sec[k].body;
			break;
		}
	r->to = doc->len;
	for (k = which + 1; k <= 6; k++)
		if (sec[k].found) {
			r->to = sec[k].start;
			break;
		}
	r->line = line_at(doc->text, r->from);
	return narrow_to_anchor(doc->text, r, which);
}

static int
read_table(const struct gip_doc *doc, const struct gip_section *sec,
    int which, struct tables *t)
{
	static struct grid g;
	struct region r;
	enum layout kind;

	if (!table_region(doc, sec, which, &r))
		return 0;
	kind = layout_detect(doc->text + r.from, r.to - r.from);
	layout_read(kind, doc->text + r.from, r.to - r.from, r.line, &g);
	if (which == 2)
		return t2_extract(&g, t);
	if (which == 3)
		return t3_extract(&g, t);
	return t4_extract(&g, t);
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
process(const struct gip_doc *doc)
{
	static struct tables t;
	struct gip_section sec[SECTIONS_MAX + 1];
	struct meta m;
	int found;

	tables_reset(&t, doc->name, quiet);
	sections_split(doc->text, doc->len, sec);
	found = read_table(doc, sec, 3, &t);
	found += read_table(doc, sec, 4, &t);
	found += read_table(doc, sec, 2, &t);
	t.tpl = tables_template(&t);
	t2_emit(&t);
	meta_find(doc->text, doc->len, sec[1].found ? sec[1].start : 0, &m);
	if (found == 0)
		gip_error(doc->name, 0, "no table found");
	print_report(doc, &m, &t);
	if (selected & SEL_PROSE)
		print_prose(doc);
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
	struct gip_doc doc;
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
		if (gip_doc_read(&doc, argv[i]) == 0 && html_doc(&doc) == 0)
			process(&doc);
		gip_check_output(stdout);
	}
	return gip_finish();
}
