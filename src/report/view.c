/* One report's tables for reading (view.h). */
#include <stdio.h>
#include <string.h>

#include "tmpl.h"
#include "utf8.h"
#include "view.h"

/* Shown for a cell the report's tables did not give at all. */
#define ABSENT	"-"

static size_t
width(const char *s)
{
	return utf8_width(s, strlen(s));
}

/* s padded with spaces to w display columns, on the left or right. */
static void
put_padded(FILE *fp, const char *s, size_t w, int right)
{
	size_t have = width(s);

	if (right)
		for (; have < w; have++)
			putc(' ', fp);
	fputs(s, fp);
	if (!right)
		for (; have < w; have++)
			putc(' ', fp);
}

static const struct tcell *
find_cell(const struct tables *t, const char *table, const char *row,
    const char *col)
{
	int i;

	for (i = 0; i < t->ncell; i++)
		if (strcmp(t->cell[i].row, row) == 0 &&
		    strcmp(t->cell[i].col, col) == 0 &&
		    strcmp(t->cell[i].table, table) == 0)
			return &t->cell[i];
	return NULL;
}

static const char *
value_of(const struct tables *t, const struct tmpl_row *r, const char *col)
{
	const struct tcell *c = find_cell(t, r->table, r->row, col);

	return c == NULL ? ABSENT : c->val;
}

/* The input line a row was read from: its first cell's that has one. */
static long
row_line(const struct tables *t, const struct tmpl_row *r)
{
	const struct tcell *c;
	int k;

	for (k = 0; r->cols[k] != NULL; k++)
		if ((c = find_cell(t, r->table, r->row, r->cols[k])) != NULL &&
		    c->line > 0)
			return c->line;
	return 0;
}

static int
same_cols(const struct tmpl_row *a, const struct tmpl_row *b)
{
	int k;

	for (k = 0; a->cols[k] != NULL && b->cols[k] != NULL; k++)
		if (strcmp(a->cols[k], b->cols[k]) != 0)
			return 0;
	return a->cols[k] == NULL && b->cols[k] == NULL;
}

/*
 * Rows rows[0..n) share their columns: one block, a heading line of the
 * column labels and a line per row, each column as wide as its widest.
 */
static void
view_block(FILE *fp, const struct tables *t, long base,
    const struct tmpl_row **rows, int n)
{
	size_t lw = 0, cw[TMPL_MAXCOLS] = {0}, w;
	const struct tmpl_row *r0 = rows[0];
	char num[24];
	int i, k;

	for (i = 0; i < n; i++) {
		if ((w = width(rows[i]->label)) > lw)
			lw = w;
		for (k = 0; r0->cols[k] != NULL; k++) {
			w = width(tmpl_col_label(r0->table, rows[i]->row,
			    r0->cols[k]));
			if (w > cw[k])
				cw[k] = w;
			if ((w = width(value_of(t, rows[i], r0->cols[k]))) >
			    cw[k])
				cw[k] = w;
		}
	}
	put_padded(fp, "", lw, 0);
	for (k = 0; r0->cols[k] != NULL; k++) {
		fputs("  ", fp);
		put_padded(fp, tmpl_col_label(r0->table, r0->row, r0->cols[k]),
		    cw[k], 1);
	}
	fputs("  行\n", fp);
	for (i = 0; i < n; i++) {
		put_padded(fp, rows[i]->label, lw, 0);
		for (k = 0; r0->cols[k] != NULL; k++) {
			fputs("  ", fp);
			put_padded(fp, value_of(t, rows[i], r0->cols[k]),
			    cw[k], 1);
		}
		num[0] = '\0';
		if (row_line(t, rows[i]) > 0)
			snprintf(num, sizeof num, "%ld", base +
			    row_line(t, rows[i]));
		fprintf(fp, "  %s\n", num);
	}
}

/* One table of the template tpl, its rows grouped by their columns. */
static void
view_table(FILE *fp, const struct tables *t, long base, unsigned tpl,
    int which)
{
	const struct tmpl_row *rows[64];
	size_t i;
	int n = 0;

	fprintf(fp, "\n%s %s\n", tmpl_tables[which].table,
	    tmpl_tables[which].section);
	for (i = 0; i < tmpl_nrows; i++) {
		if (strcmp(tmpl_rows[i].table, tmpl_tables[which].table) != 0 ||
		    !(tmpl_rows[i].templates & tpl))
			continue;
		if (n > 0 && (n == 64 || !same_cols(rows[0], &tmpl_rows[i]))) {
			view_block(fp, t, base, rows, n);
			n = 0;
		}
		rows[n++] = &tmpl_rows[i];
	}
	if (n > 0)
		view_block(fp, t, base, rows, n);
}

void
view_report(FILE *fp, const char *source, long line_base,
    const struct meta *m, const struct tables *t)
{
	/* Without a template told, the 2021 one: most reports use it. */
	unsigned tpl = t->tpl ? t->tpl : TPL_2021;
	int k;

	fprintf(fp, "== %s\n", source);
	fprintf(fp, "标题 title     %s\n", m->title);
	fprintf(fp, "机关 org       %s\n", m->org);
	fprintf(fp, "年度 year      %s\n", m->year);
	fprintf(fp, "模板 template  %s%s\n", tmpl_name(t->tpl),
	    t->tpl ? "" : "(unknown)");
	fprintf(fp, "日期 date      %s\n", m->date);
	for (k = 0; k < 3; k++)
		view_table(fp, t, line_base, tpl, k);
	fputc('\n', fp);
}
