/* The cells of one report as they are found, and its warnings. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "tables.h"
#include "tmpl.h"

void
tables_reset(struct tables *t, const char *file, int quiet)
{
	t->file = file;
	t->quiet = quiet;
	t->t3_2019 = t->t3_2021 = t->t2_2019 = t->t2_2021 = 0;
	t->tpl = 0;
	t->ncell = 0;
}

void
tables_add(struct tables *t, const char *table, const char *row,
    const char *col, long line, const char *val)
{
	struct tcell *c;
	size_t n;

	if (t->ncell == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->cell = gip_xrealloc(t->cell, t->cap * sizeof *t->cell);
	}
	c = &t->cell[t->ncell++];
	c->table = table;
	c->row = row;
	c->col = col;
	c->line = line;
	n = strnlen(val, sizeof c->val - 1);	/* as snprintf, cheaper */
	memcpy(c->val, val, n);
	c->val[n] = '\0';
}

void
tables_warn(struct tables *t, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (t->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gip_warn(t->file, line, "%s", msg);
}

/*
 * The template, from the tables themselves: t3's （六） (one row or three)
 * is the strongest signal, t2's column headers and rows the next.
 */
unsigned
tables_template(const struct tables *t)
{
	int v19 = 2 * t->t3_2019 + t->t2_2019;
	int v21 = 2 * t->t3_2021 + t->t2_2021;

	if (v19 == 0 && v21 == 0)
		return 0;
	return v21 > v19 ? TPL_2021 : TPL_2019;
}
