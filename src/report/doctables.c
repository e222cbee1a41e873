/* Tables of structured documents (doctables.h). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doctables.h"
#include "err.h"
#include "ints.h"
#include "utf8.h"
#include "value.h"

struct doctable *
doctables_add(struct doctables *dt, long first_line)
{
	struct doctable *t;

	if (dt->n == dt->cap) {
		dt->cap = dt->cap ? dt->cap * 2 : 8;
		dt->t = gip_xrealloc(dt->t, dt->cap * sizeof *dt->t);
		memset(dt->t + dt->n, 0, (dt->cap - dt->n) * sizeof *dt->t);
	}
	t = &dt->t[dt->n++];
	grid_reset(&t->g);
	t->first_line = t->last_line = first_line;
	return t;
}

/*
 * A count with a unit word after it that value.c may not know (2笔,
 * 4条): digits, then one or two characters.  A list marker (3.其他,
 * 2、其他) is not one.
 */
static int
is_count_with_unit(const char *p)
{
	uint32_t cp;
	int n = 0;

	if (*p == '-' || *p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return 0;
	while ((*p >= '0' && *p <= '9') || ((*p == ',' || *p == '.') &&
	    p[1] >= '0' && p[1] <= '9'))
		p++;
	while (*p == ' ')
		p++;
	if (strncmp(p, "、", 3) == 0 || strncmp(p, "．", 3) == 0)
		return 0;
	while (*p != '\0' && (unsigned char)*p >= 0x80 && n < 3) {
		p += utf8_decode(p, strlen(p), &cp);
		n++;
	}
	return *p == '\0' && n >= 1 && n <= 2;
}

/* Does a cell hold a value (a number, a blank) rather than a label? */
static int
is_value_cell(const char *text)
{
	struct value v;

	value_parse(text, &v);
	return v.kind != V_TEXT || is_count_with_unit(text);
}

/* What align needs to know of a row. */
struct rowkind {
	int	nvalue;		/* value cells at its end; 0: not a data row */
	int	label_x1;	/* right edge of its last label cell, or -1 */
};

static void
row_kind(const struct grid *g, const struct grow *r, struct rowkind *k)
{
	const struct gcell *c = grid_cells(g, r);
	int n = r->ncell;

	k->nvalue = 0;
	while (k->nvalue < n && is_value_cell(c[n - 1 - k->nvalue].text))
		k->nvalue++;
	k->label_x1 = k->nvalue < n ? c[n - 1 - k->nvalue].x1 : -1;
}

/*
 * The edges of the header rows' cells [from, to), sorted, each once:
 * consecutive edges bound the header's columns.  Returns how many.
 */
static int
header_edges(const struct grid *g, int from, int to, int **edge)
{
	int i, k, n = 0, m = 0;

	for (i = from; i < to; i++)
		n += 2 * g->row[i].ncell;
	*edge = gip_xmalloc((n ? n : 1) * sizeof **edge);
	for (i = from, n = 0; i < to; i++)
		for (k = 0; k < g->row[i].ncell; k++) {
			(*edge)[n++] = g->cell[g->row[i].first + k].x0;
			(*edge)[n++] = g->cell[g->row[i].first + k].x1;
		}
	ints_sort(*edge, (size_t)n);
	for (i = 0; i < n; i++)
		if (m == 0 || (*edge)[i] != (*edge)[m - 1])
			(*edge)[m++] = (*edge)[i];
	return m;
}

/*
 * Align the data rows [from, to) under the header rows [head, from).  The
 * header's value columns are those right of its first column (the one
 * over the labels: 信息内容) or of where the shortest label ends, if that
 * is further left; a label may span into the first value column (行政处罚
 * over two grid columns).  A table without labels (t4) has only value
 * columns.
 */
static void
align_block(struct grid *g, const struct rowkind *kind, int head, int from,
    int to)
{
	int *edge, nedge, i, k, first, labels = INT_MAX;
	struct gcell *c;

	nedge = header_edges(g, head, from, &edge);
	for (i = from; i < to; i++)
		if (kind[i].label_x1 >= 0 && kind[i].label_x1 < labels)
			labels = kind[i].label_x1;
	if (labels == INT_MAX)
		labels = INT_MIN;
	else if (nedge > 1 && edge[1] < labels)
		labels = edge[1];
	for (first = 0; first < nedge - 1 && edge[first] < labels; first++)
		;
	for (i = from; i < to && nedge > 1; i++) {
		if (kind[i].nvalue != nedge - 1 - first)
			continue;
		c = &g->cell[g->row[i].first + g->row[i].ncell] - kind[i].nvalue;
		for (k = 0; k < kind[i].nvalue; k++) {
			c[k].x0 = edge[first + k];
			c[k].x1 = edge[first + k + 1];
		}
	}
	free(edge);
}

void
doctable_align(struct doctable *t)
{
	struct grid *g = &t->g;
	struct rowkind *kind;
	int i, head, from;

	kind = gip_xmalloc((g->nrow ? g->nrow : 1) * sizeof *kind);
	for (i = 0; i < g->nrow; i++)
		row_kind(g, &g->row[i], &kind[i]);
	for (i = 0; i < g->nrow; ) {
		for (head = i; i < g->nrow && kind[i].nvalue == 0; i++)
			;
		for (from = i; i < g->nrow && kind[i].nvalue > 0; i++)
			;
		if (from > head && i > from)
			align_block(g, kind, head, from, i);
	}
	free(kind);
}

void
doctables_reset(struct doctables *dt)
{
	dt->n = 0;
	dt->title_line = 0;
}

void
doctables_free(struct doctables *dt)
{
	int i;

	for (i = 0; i < dt->cap; i++)
		grid_free(&dt->t[i].g);
	free(dt->t);
	memset(dt, 0, sizeof *dt);
}
