/* The cells of one report as they are found, and its warnings. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "hash.h"
#include "tables.h"
#include "tmpl.h"

void
tables_reset(struct tables *t, const char *file, int quiet)
{
	t->file = file;
	t->quiet = quiet;
	t->nwarn = 0;
	t->nt2row = t->nt3key = t->nt3solved = 0;
	t->tpl = 0;
	t->t2heads[0] = t->t2heads[1] = 0;
	t->print = 0;
	t->ntitlegap = 0;
	t->npage = 0;
	t->ncell = 0;
}

/*
 * pdftotext -layout sets each page's text columns from that page's
 * words alone: positions on two pages are not comparable.  A form feed
 * begins the line it starts (pdftotext's), else the line after it.
 */
void
tables_pages(struct tables *t, const char *text, size_t len)
{
	const char *p = text, *e = text + len, *ff, *nl;
	long line = 1;

	t->npage = 0;
	while ((ff = memchr(p, '\f', (size_t)(e - p))) != NULL) {
		for (; (nl = memchr(p, '\n', (size_t)(ff - p))) != NULL;
		    p = nl + 1)
			line++;
		if (t->npage == t->pagecap) {
			t->pagecap = t->pagecap ? t->pagecap * 2 : 64;
			t->page = gip_xrealloc(t->page, t->pagecap *
			    sizeof *t->page);
		}
		t->page[t->npage++] = ff == p ? line : line + 1;
		p = ff + 1;
	}
}

int
tables_page_between(const struct tables *t, long a, long b)
{
	int i;

	for (i = 0; i < t->npage && t->page[i] <= b; i++)
		if (t->page[i] > a)
			return 1;
	return 0;
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
	/* cut as snprintf would; values are a few bytes: a loop, no call */
	for (n = 0; n < sizeof c->val - 1 && val[n] != '\0'; n++)
		c->val[n] = val[n];
	c->val[n] = '\0';
}

void
tables_warn(struct tables *t, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	t->nwarn++;
	if (t->quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	gip_warn(t->file, line, "%s", msg);
}

/* "table\0row" into key (room for size); its length, 0 if too long. */
static size_t
row_key(char *key, size_t size, const char *table, const char *row)
{
	size_t nt = strlen(table) + 1, nr = strlen(row);

	if (nt + nr > size)
		return 0;
	memcpy(key, table, nt);
	memcpy(key + nt, row, nr);
	return nt + nr;
}

/*
 * Templates a row of table has in the template table (0: none).  This
 * runs for every row of every report: the template's rows are hashed
 * once, by table and row, to the templates of all rows of that key.
 */
static unsigned
row_templates(const char *table, const char *row)
{
	static struct hash idx = HASH_INIT;	/* key -> index into tpl */
	static unsigned *tpl;
	char key[64];
	size_t i, k, n;

	if (tpl == NULL) {
		tpl = gip_xmalloc(tmpl_nrows * sizeof *tpl);
		for (i = 0; i < tmpl_nrows; i++) {
			tpl[i] = 0;
			if ((n = row_key(key, sizeof key, tmpl_rows[i].table,
			    tmpl_rows[i].row)) == 0)
				gip_fatal("template row %s too long",
				    tmpl_rows[i].row);
			k = hash_put(&idx, key, n, i);
			tpl[k] |= tmpl_rows[i].templates;
		}
	}
	if ((n = row_key(key, sizeof key, table, row)) == 0 ||
	    !hash_find(&idx, key, n, &k))
		return 0;
	return tpl[k] & (TPL_2019 | TPL_2021);
}

/*
 * The template, from what the tables print: rows and column headers that
 * only one template has vote for it.  t3's （六） (one row or three) is
 * the strongest signal and counts twice, once for the table; each t2 row
 * and each column of a t2 header understood count once; a t2 header cut
 * past reading whose title words name one template only counts twice
 * (of its columns, one title or two survive: 现行有效 of three).  2021's rows win
 * over a lone 2019 row in t3 (a group label read as a row).
 */
unsigned
tables_template(const struct tables *t)
{
	int v19 = 0, v21 = 0, t3_19 = 0, t3_21 = 0, i, k;
	const struct t2row *p;
	unsigned tpl;

	for (i = 0; i < t->nt3key; i++) {
		tpl = row_templates("t3", t->t3key[i]);
		t3_19 |= tpl == TPL_2019;
		t3_21 |= tpl == TPL_2021;
	}
	if (t3_21)
		v21 += 2;
	else if (t3_19)
		v19 += 2;
	for (i = 0; i < t->nt2row; i++) {
		p = &t->t2row[i];
		tpl = row_templates("t2", p->key);
		v19 += tpl == TPL_2019;
		v21 += tpl == TPL_2021;
		for (k = 0; p->headed && k < p->h.ncol; k++) {
			v19 += p->h.col[k].templates == TPL_2019;
			v21 += p->h.col[k].templates == TPL_2021;
		}
	}
	v19 += 2 * t->t2heads[0];
	v21 += 2 * t->t2heads[1];
	if (v19 == 0 && v21 == 0)
		return 0;
	return v21 > v19 ? TPL_2021 : TPL_2019;
}
