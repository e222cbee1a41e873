/*
 * Section 三's columns by position (t3.h): anchors from the column titles
 * or from rows of seven numbers, and how well the rows fit them.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ints.h"
#include "t3.h"
#include "tmpl.h"

/* Right edges of rows with all seven numbers: the columns, if they agree. */
int
t3_anchors_from_full_rows(const struct lrow *rows, const char **key, int n,
    int *anchor)
{
	static int xs[T3COLS][512];
	int nfull = 0, i, k;

	for (i = 0; i < n && nfull < 512; i++) {
		if (!key[i] || rows[i].nval != T3COLS ||
		    rows[i].numbers != T3COLS)
			continue;
		for (k = 0; k < T3COLS; k++)
			xs[k][nfull] = rows[i].val[k].x1;
		nfull++;
	}
	if (nfull == 0)
		return 0;
	for (k = 0; k < T3COLS; k++) {
		ints_sort(xs[k], (size_t)nfull);
		anchor[k] = xs[k][nfull / 2];
	}
	return 1;
}

/*
 * The groups the numbers of the rows fall into by one edge (PLACE_*):
 * points at most `slack` apart are one group.  Returns how many, the
 * first T3COLS of them (their middle points) in anchor.
 */
static int
number_groups(const struct lrow *rows, const char **key, int n, int slack,
    int min_support, int edge, int *anchor)
{
	int *xs = NULL, i, j, m, k, start, cap = 0;

	for (m = i = 0; i < n; i++)
		for (j = 0; key[i] && j < rows[i].nval; j++) {
			if (rows[i].val[j].v.kind != V_NUMBER)
				continue;
			if (m == cap) {
				cap = cap ? cap * 2 : 256;
				xs = gip_xrealloc(xs, cap * sizeof *xs);
			}
			xs[m++] = place_x(&rows[i].val[j], edge);
		}
	if (m == 0) {
		free(xs);
		return 0;
	}
	ints_sort(xs, (size_t)m);
	for (k = 0, start = 0, i = 1; i <= m; i++) {
		if (i < m && xs[i] - xs[i - 1] <= slack)
			continue;
		/* Strict (min_support > 1): a group wider than the slack
		 * is numbers drifting, not one column; a group of fewer
		 * numbers, one that nothing else confirms. */
		if (min_support > 1 && (xs[i - 1] - xs[start] > slack ||
		    i - start < min_support))
			k = T3COLS;
		if (k < T3COLS)
			anchor[k] = xs[(start + i - 1) / 2];
		k++;
		start = i;
	}
	free(xs);
	return k;
}

/*
 * Positions as printed (a PDF): the numbers of one column share their
 * left edge, right edge or centre, as the column aligns them.  When the
 * numbers of all rows fall into exactly seven such groups by one of
 * those points, they are the columns, blanks and all (*edge: PLACE_*).
 * Points at most `slack` apart are one group (pdftotext -layout puts a
 * number one character left or right of its column's others), no wider
 * than the slack and of at least `support` numbers when support > 1.
 */
int
t3_anchors_from_columns(const struct lrow *rows, const char **key, int n,
    int slack, int support, int *anchor, int *edge)
{
	static const int edges[] = {PLACE_LEFT, PLACE_RIGHT, PLACE_CENTRE};
	int e;

	for (e = 0; e < 3; e++)
		if (number_groups(rows, key, n, slack, support, edges[e], anchor) ==
		    T3COLS) {
			*edge = edges[e];
			return 1;
		}
	return 0;
}

/*
 * Could the numbers of these rows be printed in one set of columns: at
 * most seven groups by some edge, no row with two numbers in one?
 */
int
t3_one_frame(const struct lrow *rows, const char **key, int n, int slack)
{
	static const int edges[] = {PLACE_LEFT, PLACE_RIGHT, PLACE_CENTRE};
	int at[T3COLS], e, i, j, k, d, fits, ng;
	unsigned used;

	for (e = 0; e < 3; e++) {
		ng = number_groups(rows, key, n, slack, 1, edges[e], at);
		if (ng == 0)
			return 1;
		if (ng > T3COLS)
			continue;
		for (fits = 1, i = 0; i < n && fits; i++)
			for (used = 0, j = 0; key[i] && j < rows[i].nval; j++) {
				if (rows[i].val[j].v.kind != V_NUMBER)
					continue;
				k = place_nearest(at, ng,
				    place_x(&rows[i].val[j], edges[e]), &d);
				if (used & 1u << k)
					fits = 0;
				used |= 1u << k;
			}
		if (fits)
			return 1;
	}
	return 0;
}

/*
 * How far right a title beginning at cell j reaches: over the cells
 * after it, a space or two apart, that go on with its template title
 * (`科研 机构`, `法律 服务机构`: a title with a space inside is two cells,
 * and a value right-aligned under the whole title stood nearer the next
 * one's end than its first piece's).
 */
static int
title_end(const struct gcell *c, int ncell, int j, const char *title)
{
	char text[128];
	size_t len;
	int hi = c[j].x1;

	len = strnlen(c[j].text, sizeof text - 1);	/* cut as snprintf */
	memcpy(text, c[j].text, len);
	text[len] = '\0';
	for (j++; j < ncell && c[j].x0 - hi <= 2 && c[j].text[0] != '\0';
	    j++) {
		len = strlen(text);
		if (len + strlen(c[j].text) >= sizeof text)
			break;
		memcpy(text + len, c[j].text, strlen(c[j].text) + 1);
		if (strncmp(title, text, strlen(text)) != 0)
			break;
		hi = c[j].x1;
	}
	return hi;
}

#define STACK_ROWS	4	/* lines from one piece of a title to the next */

/* Does cell c stand over [lo, hi), within a character either way? */
static int
stands_over(const struct gcell *c, int lo, int hi)
{
	return c->x0 >= 0 && c->x0 <= hi + 2 && c->x1 >= lo - 2 &&
	    (c->x0 >= lo - 2 || c->x1 <= hi + 2);
}

/*
 * A title wrapped in its narrow column, a piece a line (`自然` over `人`,
 * `法` over `律` over `服`…, `其` over `他`): from cell j of row i, the
 * cells below it, each within a character of the pieces above and at
 * most STACK_ROWS lines further down, whose texts go on with the
 * column's template title.  1 with [*lo, *hi) the pieces' extent when
 * they make its head word (其他: the whole title, as it is in
 * 法人或其他组织), the start of the title being no word of the header
 * otherwise.
 */
static int
stacked_title(const struct grid *g, int i, int j, const char *title,
    const char *word, int whole, int *lo, int *hi)
{
	char text[128];
	const struct gcell *c = grid_cells(g, &g->row[i]), *d;
	size_t len = strlen(c[j].text), m, tl = strlen(title);
	int r, last = i, x0 = c[j].x0, x1 = c[j].x1, pieces = 1, q, hit;

	if (len == 0 || len >= tl || x0 < 0 ||
	    strncmp(title, c[j].text, len) != 0)
		return 0;
	memcpy(text, c[j].text, len + 1);
	for (r = i + 1; r < g->nrow && r - last <= STACK_ROWS && len < tl;
	    r++) {
		d = grid_cells(g, &g->row[r]);
		for (hit = 0, q = 0; q < g->row[r].ncell && !hit; q++) {
			m = strlen(d[q].text);
			if (m == 0 || len + m > tl || !stands_over(&d[q], x0,
			    x1) || strncmp(title + len, d[q].text, m) != 0)
				continue;
			memcpy(text + len, d[q].text, m + 1);
			len += m;
			x0 = d[q].x0 < x0 ? d[q].x0 : x0;
			x1 = d[q].x1 > x1 ? d[q].x1 : x1;
			last = r, pieces++, hit = 1;
		}
	}
	if (pieces < 2 || !(whole ? len == tl : t3_has_prefix(text, word)))
		return 0;
	*lo = x0, *hi = x1;
	return 1;
}

/* The columns the titles 自然人 商业 科研 社会 法律 其他 总计 cover, [lo,
 * hi) (其他 alone: it is in 法人或其他组织), on one line or stacked a
 * piece a line (stacked_title): 1 when all seven are there. */
int
t3_title_spans(const struct grid *g, int *lo, int *hi)
{
	const char *words[T3COLS], *title;
	struct gcell *c;
	int i, j, k, found = 0;

	for (k = 0; k < T3COLS; k++) {
		lo[k] = hi[k] = -1;
		words[k] = tmpl_head_word("t3", t3_cols[k]);
	}
	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			for (k = 0; k < T3COLS; k++)
				if (lo[k] < 0 && (k == 5 ?
				    strcmp(c[j].text, words[k]) == 0 :
				    t3_has_prefix(c[j].text, words[k]))) {
					lo[k] = c[j].x0;
					hi[k] = title_end(c,
					    g->row[i].ncell, j,
					    tmpl_col_label("t3", "1",
					    t3_cols[k]));
					found++;
				}
	}
	for (k = 0; k < T3COLS && found < T3COLS; k++) {
		title = tmpl_col_label("t3", "1", t3_cols[k]);
		for (i = 0; lo[k] < 0 && i < g->nrow; i++)
			for (j = 0; lo[k] < 0 && j < g->row[i].ncell; j++)
				if (stacked_title(g, i, j, title, words[k],
				    k == 5, &lo[k], &hi[k]))
					found++;
	}
	return found == T3COLS;
}

/*
 * Do two neighbouring column titles stand on one line one space apart?
 * pdftotext -layout sets a line's first word at its place and the words
 * after it one space apart whatever their distance in the page, so in a
 * print's text such titles stand left of their columns, more so the
 * further right (`商业企业 科研机构 社会公益组织 法律服务机构 其他`):
 * placed by them, every row's social went to legal alike, and no
 * identity can tell.  (lynx sets every cell at its place.)
 */
int
t3_titles_flowed(const struct grid *g)
{
	const char *words[T3COLS];
	struct gcell *c;
	int i, j, k;

	for (k = 0; k < T3COLS; k++)
		words[k] = tmpl_head_word("t3", t3_cols[k]);
	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j + 1 < g->row[i].ncell; j++)
			for (k = 0; k + 1 < T3COLS; k++)
				if (t3_has_prefix(c[j].text, words[k]) &&
				    t3_has_prefix(c[j + 1].text, words[k + 1]) &&
				    c[j + 1].x0 - c[j].x1 <= 2)
					return 1;
	}
	return 0;
}

/* Column headers' centres, right or left edges (edge: PLACE_*). */
int
t3_anchors_from_header(const struct grid *g, int edge, int *anchor)
{
	int lo[T3COLS], hi[T3COLS], k;

	if (!t3_title_spans(g, lo, hi))
		return 0;
	for (k = 0; k < T3COLS; k++)
		anchor[k] = place_x(&(struct vcell){.x0 = lo[k], .x1 = hi[k]},
		    edge);
	return 1;
}

/*
 * Anchors are only trusted where the numbers line up under them: columns
 * at least 3 apart, no row with two numbers under one column, and nearly
 * every number within a column's width of one (header words are centred,
 * numbers right-aligned in columns of unequal width).  lynx's unaligned
 * rows and numbers printed one per line fail this and are placed in
 * order instead.
 */
int
t3_anchors_usable(const int *anchor, const struct lrow *rows, const char **key,
    int n, int edge)
{
	int k, i, j, x, d, gap = 1 << 30, near = 0, all = 0;
	unsigned used;

	for (k = 1; k < T3COLS; k++) {
		if (anchor[k] - anchor[k - 1] < 3)
			return 0;
		if (anchor[k] - anchor[k - 1] < gap)
			gap = anchor[k] - anchor[k - 1];
	}
	for (i = 0; i < n; i++) {
		if (!key[i])
			continue;
		for (used = 0, j = 0; j < rows[i].nval; j++) {
			x = place_x(&rows[i].val[j], edge);
			k = place_nearest(anchor, T3COLS, x, &d);
			if (used & 1u << k)
				return 0;
			used |= 1u << k;
			near += d <= gap;
			all++;
		}
	}
	return near * 10 >= all * 9;
}

/* How many values stand exactly (within one column) at an anchor. */
static int
anchors_hit(const int *anchor, const struct lrow *rows, const char **key,
    int n, int edge)
{
	int i, j, d, hit = 0;

	for (i = 0; i < n; i++)
		for (j = 0; key[i] && j < rows[i].nval; j++) {
			place_nearest(anchor, T3COLS,
			    place_x(&rows[i].val[j], edge), &d);
			hit += d <= 1;
		}
	return hit;
}

/*
 * Anchors from the column titles, the values centred, right- or
 * left-aligned under them as the titles are: 1 if one way is usable.
 * Of the usable ways the one that puts most values exactly under their
 * titles wins: left-aligned numbers under wide titles are also near
 * the right edges of the titles to their left.
 */
int
t3_anchors_from_titles(const struct grid *g, const struct lrow *rows,
    const char **key, int n, int *anchor, int *edge)
{
	int e, hit, best = -1, at[T3COLS];

	for (e = PLACE_CENTRE; e <= PLACE_LEFT; e++)
		if (t3_anchors_from_header(g, e, at) &&
		    t3_anchors_usable(at, rows, key, n, e) &&
		    (hit = anchors_hit(at, rows, key, n, e)) > best) {
			best = hit;
			*edge = e;
			memcpy(anchor, at, sizeof at);
		}
	if (best < 0)
		*edge = PLACE_CENTRE;
	return best >= 0;
}

/*
 * Columns found from the numbers (a PDF) are the table's columns only if
 * each stands nearest its own title (taken at the same edge) when the
 * titles are there: numbers shifted in some rows (a Word table's data
 * cells spanning otherwise than its header) make a group of their own.
 */
int
t3_columns_under_titles(const struct grid *g, const int *anchor, int edge)
{
	int title[T3COLS], k, d;

	if (!t3_anchors_from_header(g, edge, title))
		return 1;
	for (k = 0; k < T3COLS; k++)
		if (place_nearest(title, T3COLS, anchor[k], &d) != k)
			return 0;
	return 1;
}

/*
 * Positions as printed, numbers away from their titles (a Word table
 * whose data cells span other columns than its header: its PDF centres
 * a number between two titles, so no anchor is usable): a row's values,
 * left to right, go to columns left to right, each as near its column's
 * title (anchor) as that order allows.
 */
int
t3_place_in_order(const struct lrow *r, const int *anchor, struct slots *s)
{
	long best[LROW_MAXVAL + 1][T3COLS + 1], d;
	struct vcell at[T3COLS];
	int i, k, m = r->nval;

	if (m > T3COLS)
		return PLACE_NONE;
	for (k = 0; k <= T3COLS; k++)
		best[0][k] = 0;
	for (i = 1; i <= m; i++) {
		best[i][0] = LONG_MAX / 2;
		for (k = 1; k <= T3COLS; k++) {
			d = labs((long)place_x(&r->val[i - 1], PLACE_CENTRE) -
			    anchor[k - 1]);
			best[i][k] = best[i][k - 1];
			if (best[i - 1][k - 1] + d < best[i][k])
				best[i][k] = best[i - 1][k - 1] + d;
		}
	}
	/* Back from the end: each value where its cost was taken, put
	 * exactly under its anchor for place_by_anchor. */
	for (i = m, k = T3COLS; i > 0; k--)
		if (best[i][k] != best[i][k - 1]) {
			at[i - 1] = r->val[i - 1];
			at[i - 1].x0 = at[i - 1].x1 = anchor[k - 1];
			i--;
		}
	return place_by_anchor(at, m, anchor, T3COLS, PLACE_CENTRE, s);
}

/*
 * Where each column stands, [lo, hi): with titles (tlo, thi; NULL when
 * there are none) the columns its title and the values printed at its
 * anchor cover, else half-way to the anchors beside it.  A long label
 * may end one space before the first column: the half-way span would
 * reach over it.
 */
void
t3_column_extents(const int *tlo, const int *thi, const struct lrow *rows,
    const char **key, int n, const int *anchor, int edge, int *lo, int *hi)
{
	int k, i, j, d, gap = 1 << 30, left, right;

	for (k = 1; k < T3COLS; k++)
		if (anchor[k] - anchor[k - 1] < gap)
			gap = anchor[k] - anchor[k - 1];
	for (k = 0; k < T3COLS; k++) {
		left = k > 0 ? anchor[k] - anchor[k - 1] : anchor[1] - anchor[0];
		right = k < T3COLS - 1 ? anchor[k + 1] - anchor[k] : left;
		lo[k] = tlo ? tlo[k] : anchor[k] - left / 2;
		hi[k] = thi ? thi[k] : anchor[k] + right / 2;
	}
	if (!tlo)
		return;
	for (i = 0; i < n; i++)
		for (j = 0; key[i] && j < rows[i].nval; j++) {
			if (rows[i].val[j].x0 < 0)
				continue;
			k = place_nearest(anchor, T3COLS,
			    place_x(&rows[i].val[j], edge), &d);
			if (d * 2 > gap)
				continue;
			if (rows[i].val[j].x0 < lo[k])
				lo[k] = rows[i].val[j].x0;
			if (rows[i].val[j].x1 > hi[k])
				hi[k] = rows[i].val[j].x1;
		}
}

/*
 * A column is blank only where the row shows nothing in it: label text
 * reaching into a column's extent (a label cut and spilled into the
 * values, digits glued to a word) leaves that column unknown.  Returns
 * how many.
 */
int
t3_unknown_under(struct slots *s, const int *lo, const int *hi,
    const struct lrow *lr)
{
	int k, j, dropped = 0;

	for (k = 0; k < s->n; k++) {
		if (!s->set[k] || s->val[k][0] != '\0')
			continue;
		for (j = 0; j < lr->nseg; j++)
			if (lr->seg[j].x0 < hi[k] && lr->seg[j].x1 > lo[k]) {
				s->set[k] = 0;
				dropped++;
				break;
			}
	}
	return dropped;
}

/*
 * Does a value of the row stand under another column's title than the
 * one its anchor gives?  The position then says two things, and the row
 * is not read by position.
 */
int
t3_against_titles(const struct lrow *r, const int *anchor, int edge,
    const int *tlo, const int *thi)
{
	int j, k, at, d;

	for (j = 0; j < r->nval; j++) {
		if (r->val[j].x0 < 0)
			continue;
		at = place_nearest(anchor, T3COLS, place_x(&r->val[j], edge),
		    &d);
		for (k = 0; k < T3COLS; k++)
			if (k != at && r->val[j].x0 < thi[k] &&
			    r->val[j].x1 > tlo[k])
				return 1;
	}
	return 0;
}

/*
 * Anchors from the column titles at the edge that puts most values
 * exactly under them, whether or not the whole table lines up (lynx
 * shifts some rows of a table with spans): 0 without the titles, or
 * when fewer than three values in four stand so (rows lynx printed
 * joined, a space between numbers, meet a title only by chance).
 */
int
t3_anchors_best_edge(const struct grid *g, const struct lrow *rows,
    const char **key, int n, int *anchor, int *edge)
{
	int e, i, hit, best = -1, all = 0, at[T3COLS];

	for (e = PLACE_CENTRE; e <= PLACE_LEFT; e++)
		if (t3_anchors_from_header(g, e, at) &&
		    (hit = anchors_hit(at, rows, key, n, e)) > best) {
			best = hit;
			*edge = e;
			memcpy(anchor, at, sizeof at);
		}
	for (i = 0; i < n; i++)
		all += key[i] ? rows[i].nval : 0;
	return best > 0 && best * 4 >= all * 3;
}

/* Does each value of the row stand exactly (within one column) at an
 * anchor of its own? */
int
t3_row_fits(const struct lrow *r, const int *anchor, int edge)
{
	unsigned used = 0;
	int j, k, d;

	if (r->nval == 0)
		return 0;
	for (j = 0; j < r->nval; j++) {
		if (r->val[j].x0 < 0)
			return 0;
		k = place_nearest(anchor, T3COLS, place_x(&r->val[j], edge),
		    &d);
		if (d > 1 || (used & 1u << k))
			return 0;
		used |= 1u << k;
	}
	return 1;
}

/*
 * Where the values of each column stand (the median of the points of the
 * values nearest its anchor, the anchor where none is): titles centred
 * over numbers that lynx prints a character or two left or right of
 * each other say less than the numbers do.
 */
void
t3_value_points(const struct lrow *rows, const char **key, int n,
    const int *anchor, int edge, int *point)
{
	int *xs, cnt[T3COLS] = {0}, i, j, k, d, m = 0;

	for (i = 0; i < n; i++)
		m += key[i] ? rows[i].nval : 0;
	xs = gip_xmalloc((m + 1) * T3COLS * sizeof *xs);
	for (i = 0; i < n; i++)
		for (j = 0; key[i] && j < rows[i].nval; j++) {
			if (rows[i].val[j].x0 < 0 ||
			    rows[i].val[j].v.kind != V_NUMBER)
				continue;
			k = place_nearest(anchor, T3COLS,
			    place_x(&rows[i].val[j], edge), &d);
			xs[k * (m + 1) + cnt[k]++] = place_x(&rows[i].val[j],
			    edge);
		}
	for (k = 0; k < T3COLS; k++) {
		point[k] = anchor[k];
		if (cnt[k] == 0)
			continue;
		ints_sort(xs + k * (m + 1), (size_t)cnt[k]);
		point[k] = xs[k * (m + 1) + cnt[k] / 2];
	}
	free(xs);
}

/*
 * A value standing about as near the values of one column as of another
 * (point: t3_value_points; lynx puts some rows a character or two left or
 * right of the others) says nothing about which of the two it is in:
 * both cells are unknown.  Returns how many cells were made unknown.
 */
int
t3_unknown_between(struct slots *s, const struct lrow *r, const int *point,
    int edge)
{
	int j, k, x, d, d1, k1, d2, k2, dropped = 0;

	for (j = 0; j < r->nval; j++) {
		if (r->val[j].x0 < 0 || r->val[j].v.kind != V_NUMBER)
			continue;
		x = place_x(&r->val[j], edge);
		k1 = k2 = -1;
		d1 = d2 = INT_MAX;
		for (k = 0; k < T3COLS; k++) {
			d = abs(point[k] - x);
			if (d < d1)
				d2 = d1, k2 = k1, d1 = d, k1 = k;
			else if (d < d2)
				d2 = d, k2 = k;
		}
		if (k2 < 0 || d2 - d1 > 1)
			continue;
		dropped += s->set[k1] + s->set[k2];
		s->set[k1] = s->set[k2] = 0;
	}
	return dropped;
}
