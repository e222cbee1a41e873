/*
 * An HTML table (htmlctx.h): read into its rows of visible cells placed
 * on the table's grid as a browser places them (rowspan, colspan),
 * written into the report text as one line per row with a TAB between
 * grid columns, and handed over as a doctable (doctables.h).
 */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "doctables.h"
#include "err.h"
#include "htmlctx.h"

/* A rowspan or colspan: 1 when absent or below 1, capped. */
static size_t
span_attr(xmlNode *n, const char *name)
{
	const char *v = html_attr(n, name);
	long x;

	if (v == NULL)
		return 1;
	x = strtol(v, NULL, 10);
	if (x < 1)
		return 1;
	return x > HTML_MAX_SPAN ? HTML_MAX_SPAN : (size_t)x;
}

/* Room for need elements of size bytes in p (*cap of them now). */
static void *
grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	if (*cap < need)
		*cap = need;
	return gip_xrealloc(p, (size_t)*cap * size);
}

/* Read one cell into the table at the first grid column not covered by
 * a rowspan from above, from *col on. */
static void
read_cell(struct ctx *c, struct htable *t, xmlNode *td, int *col)
{
	size_t cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
	struct sink *s = &t->text;
	size_t off;
	int j, k;

	while (*col < HTML_MAX_COLS && t->cover[*col] > 0)
		(*col)++;
	if (*col >= HTML_MAX_COLS)
		return;
	if (cs > (size_t)(HTML_MAX_COLS - *col))
		cs = HTML_MAX_COLS - *col;
	for (j = *col; j < *col + (int)cs; j++)
		t->cover[j] = (int)rs;
	off = s->len;
	s->start = s->len;
	s->space = s->nl = s->wide = 0;
	c->cur = s;
	html_walk_children(c, td);
	c->cur = &c->doc;
	t->cell = grow(t->cell, &t->cellcap, t->ncell + 1, sizeof *t->cell);
	k = t->ncell++;
	t->cell[k].off = off;
	t->cell[k].len = s->len - off;
	t->cell[k].x0 = *col;
	t->cell[k].x1 = *col += (int)cs;
	t->row[t->nrow - 1].n++;
	if (*col > t->width)
		t->width = *col;
}

/* The cells of a row, also where broken markup wrapped them. */
static void
row_cells(struct ctx *c, struct htable *t, xmlNode *n, int *col)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_is_elem(n, "td") || html_is_elem(n, "th"))
			read_cell(c, t, n, col);
		else if (!html_is_elem(n, "tr") && !html_is_elem(n, "table") &&
		    c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			row_cells(c, t, n, col);
			c->depth--;
		}
	}
}

static void
read_row(struct ctx *c, struct htable *t, xmlNode *tr)
{
	int col = 0, j;

	t->row = grow(t->row, &t->rowcap, t->nrow + 1, sizeof *t->row);
	t->row[t->nrow].first = t->ncell;
	t->row[t->nrow].n = 0;
	t->row[t->nrow++].line = 0;
	row_cells(c, t, tr, &col);
	for (j = 0; j < t->width; j++)
		if (t->cover[j] > 0)
			t->cover[j]--;
}

static void
read_rows(struct ctx *c, struct htable *t, xmlNode *n)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || html_is_elem(n, "caption"))
			continue;
		if (html_is_elem(n, "tr")) {
			read_row(c, t, n);
		} else if (c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			read_rows(c, t, n);
			c->depth--;
		}
	}
}

static int
row_has_text(const struct htable *t, const struct hrow *r)
{
	int k;

	for (k = 0; k < r->n; k++)
		if (t->cell[r->first + k].len > 0)
			return 1;
	return 0;
}

/* Each row with some text as a line, a TAB between grid columns (a
 * cell's text in its first column, nothing in the others); rows of
 * empty cells are not written. */
static void
write_rows(struct ctx *c, struct htable *t)
{
	const struct hcell *h;
	struct hrow *r;
	int i, k, x;

	for (i = 0; i < t->nrow; i++) {
		r = &t->row[i];
		if (!row_has_text(t, r))
			continue;
		r->line = html_doc_line(c);
		for (x = 0, k = 0; x < t->width; x++) {
			if (x > 0)
				hsink_put(c, &c->doc, "\t", 1);
			if (k == r->n || t->cell[r->first + k].x0 != x)
				continue;
			h = &t->cell[r->first + k++];
			hsink_put(c, &c->doc, t->text.p + h->off, h->len);
		}
		hsink_put(c, &c->doc, "\n", 1);
		c->doc.start = c->doc.len;
	}
}

/* The written rows as a doctable, their value cells under the header. */
static void
hand_over(struct ctx *c, const struct htable *t)
{
	struct doctable *d = NULL;
	const struct hrow *r;
	const struct hcell *h;
	int i, k;

	for (i = 0; i < t->nrow && !c->full; i++) {
		r = &t->row[i];
		if (r->line == 0)
			continue;
		if (d == NULL)
			d = doctables_add(c->dt, r->line);
		d->last_line = r->line;
		grid_new_row(&d->g, r->line);
		for (k = 0; k < r->n; k++) {
			h = &t->cell[r->first + k];
			grid_add_cell(&d->g, t->text.p + h->off, h->len,
			    h->x0 * DOCTABLE_COLW, h->x1 * DOCTABLE_COLW);
		}
	}
	if (d == NULL)
		return;
	d->g.positional = 1;
	doctable_align(d);
}

/* A table without tables inside: its caption, then its rows, with a
 * blank line before and after. */
void
html_table(struct ctx *c, xmlNode *tab)
{
	struct htable *t = c->tab;
	xmlNode *n;

	html_blank_line(c);
	for (n = tab->children; n; n = n->next)
		if (html_is_elem(n, "caption"))
			html_walk(c, n);
	html_line_end(c);
	t->ncell = t->nrow = t->width = 0;
	hsink_reset(c, &t->text);
	memset(t->cover, 0, sizeof t->cover);
	read_rows(c, t, tab);
	write_rows(c, t);
	if (c->dt)
		hand_over(c, t);
	html_blank_line(c);
}
