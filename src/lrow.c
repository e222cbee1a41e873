/*
 * Merging line-rows into table rows.  A row starts where a label cell
 * starts with a row marker; lines without one continue the row above
 * (wrapped labels, numbers printed on the middle line of a tall row).
 */
#include <stddef.h>
#include <string.h>

#include "err.h"
#include "lrow.h"
#include "text.h"

static void
label_add(char *dst, const char *s)
{
	size_t have = strlen(dst), n = strlen(s);
	char tmp[LROW_LABEL];

	n = text_norm(tmp, s, n < sizeof tmp - 1 ? n : sizeof tmp - 1,
	    TEXT_LABEL);
	if (have + n + 1 > LROW_LABEL)
		n = LROW_LABEL - have - 1;
	memcpy(dst + have, tmp, n);
	dst[have + n] = '\0';
}

static void
add_value(struct lrow *lr, const struct value *v, const struct gcell *c)
{
	if (lr->nval == LROW_MAXVAL) {
		lr->overflow = 1;
		return;
	}
	lr->val[lr->nval].v = *v;
	lr->val[lr->nval].x0 = c->x0;
	lr->val[lr->nval].x1 = c->x1;
	lr->nval++;
	lr->numbers += v->kind == V_NUMBER;
}

/*
 * One line-row as label and values.  With explicit cells the values are
 * the cells after the last label cell; with positions, every number.
 */
void
lrow_split(const struct grid *g, const struct grow *r, struct lrow *lr)
{
	struct gcell *c = grid_cells(g, r);
	struct value v;
	int i, last = -1;

	memset(lr, 0, offsetof(struct lrow, val));
	lr->numbers = lr->overflow = 0;
	lr->line = r->line;
	for (i = 0; i < r->ncell; i++) {
		value_parse(c[i].text, &v);
		if (v.kind == V_TEXT)
			last = i;
	}
	for (i = 0; i < r->ncell; i++) {
		value_parse(c[i].text, &v);
		if (v.kind == V_TEXT) {
			if (lr->first[0] == '\0')
				label_add(lr->first, c[i].text);
			label_add(lr->label, c[i].text);
		} else if (g->positional ? c[i].text[0] != '\0' : i > last)
			add_value(lr, &v, &c[i]);
	}
}

static int
any_label_starts(const struct grid *g, const struct grow *r,
    lrow_starts_fn starts)
{
	struct gcell *c = grid_cells(g, r);
	struct value v;
	char key[LROW_LABEL];
	int i;

	for (i = 0; i < r->ncell; i++) {
		value_parse(c[i].text, &v);
		if (v.kind != V_TEXT)
			continue;
		key[0] = '\0';
		label_add(key, c[i].text);
		if (starts(key))
			return 1;
	}
	return 0;
}

/* Fold line-row `next` into the row `cur` it continues. */
static void
merge_into(struct lrow *cur, const struct lrow *next, int positional)
{
	int i, take;

	label_add(cur->label, next->label);
	if (cur->first[0] == '\0')
		memcpy(cur->first, next->first, sizeof cur->first);
	take = positional ? next->numbers > 0 : cur->numbers == 0 &&
	    next->numbers > 0;
	if (!positional && take)
		cur->nval = cur->numbers = 0;
	if (!take && !(cur->nval == 0 && !positional))
		return;
	for (i = 0; i < next->nval; i++)
		if (!positional || next->val[i].v.kind == V_NUMBER)
			add_value(cur, &next->val[i].v, &(struct gcell){
			    NULL, next->val[i].x0, next->val[i].x1});
}

/*
 * Build the logical rows of a grid; *out is reused between calls.  Only
 * layouts that wrap rows over lines have continuation lines; with explicit
 * cells one has the cells of the line above, and a line shaped otherwise
 * (a header repeated after a page break) is a row of its own.  Stops
 * after LROW_MAXROWS rows.
 */
int
lrow_build(const struct grid *g, lrow_starts_fn starts, struct lrow **out)
{
	static struct lrow *rows, tmp;
	static int cap;
	int i, n = 0, newrow, width = -1;

	for (i = 0; i < g->nrow; i++) {
		lrow_split(g, &g->row[i], &tmp);
		newrow = n == 0 || !g->wraps ||
		    any_label_starts(g, &g->row[i], starts);
		if (!newrow && !g->positional && (g->row[i].ncell != width ||
		    (tmp.numbers > 0 && rows[n - 1].numbers > 0)))
			newrow = 1;
		width = g->row[i].ncell;
		if (!newrow) {
			merge_into(&rows[n - 1], &tmp, g->positional);
			continue;
		}
		if (n == LROW_MAXROWS)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			rows = gip_xrealloc(rows, cap * sizeof *rows);
		}
		rows[n++] = tmp;
	}
	*out = rows;
	return n;
}
