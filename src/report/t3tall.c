/*
 * Section 三's tall rows (t3.h): a row whose cells pdftotext -layout
 * printed on two or three lines.  It centres each cell of a row
 * vertically, so a row with a wrapped label prints some of its values
 * on the label's first line, the others on the next, and it shifts each
 * line by its own amount (the width it counts for the label's Han
 * characters): a value may stand left of its left neighbour of the other
 * line.  Each line keeps its own values in order; how the lines
 * interleave, neither the line order nor the positions say.
 */
#include <stdio.h>
#include <string.h>

#include "t3.h"

#define TALL_MAXRUNS	3

/* The readings that satisfy the row's identity, and where they agree. */
struct readings {
	struct place_agree a;
	struct t3_readings *keep;	/* the distinct ones, or NULL */
};

/*
 * Split the values v[from..to), in line order, into the lines they were
 * printed on: a value that does not stand right of the one before begins
 * a new line.  Adds the lines at start/len from *n on; 0 for more than
 * TALL_MAXRUNS in all or a value without a position.
 */
static int
runs_of(const struct lrow *lr, int from, int to, unsigned brk, int *start,
    int *len, int *n)
{
	int i;

	for (i = from; i < to; i++) {
		if (lr->val[i].x0 < 0)
			return 0;
		if (i == from || lr->val[i].x0 < lr->val[i - 1].x1 ||
		    (i < 32 && brk >> i & 1)) {
			if (*n == TALL_MAXRUNS)
				return 0;
			start[*n] = i;
			len[(*n)++] = 0;
		}
		len[*n - 1]++;
	}
	return 1;
}

/*
 * The lines of a row's values (start and len per line): those before
 * `lead` were printed on lines of their own (t3split.c), apart from the
 * others, whatever their positions; a value k with bit k of brk set
 * begins a line of the grid (t3_line_breaks).  Returns how many lines,
 * or 0.
 */
static int
line_runs(const struct lrow *lr, int lead, unsigned brk, int *start,
    int *len)
{
	int n = 0;

	if (!runs_of(lr, 0, lead, brk, start, len, &n) ||
	    !runs_of(lr, lead, lr->nval, brk, start, len, &n))
		return 0;
	return n;
}

/*
 * Is the row one with its values on two or three lines, in order on
 * each: at most seven values in two or three runs, a line with two at
 * least?  (lynx prints a narrow table's cells one a line, at one place:
 * a run for each value, and its line order is the columns' order.)
 */
int
t3_tall_row(const struct lrow *lr, unsigned brk)
{
	int start[TALL_MAXRUNS], len[TALL_MAXRUNS], n;

	if (lr->nval > T3COLS || lr->nval < 2 || !lr->merged)
		return 0;
	n = line_runs(lr, 0, brk, start, len);
	return n >= 2 && n < lr->nval;
}

/* Keep the reading among the distinct ones (out: NULL for none). */
static void
reading_keep(struct t3_readings *out, const long long *v,
    const unsigned char *blank)
{
	int j, k;

	for (j = 0; j < out->n; j++)
		if (memcmp(out->v[j], v, sizeof out->v[j]) == 0) {
			for (k = 0; k < T3COLS; k++)
				out->blank[j][k] &= blank[k];
			return;
		}
	if (out->n == T3_TALL_MAXREAD) {
		out->full = 1;
		return;
	}
	memcpy(out->v[out->n], v, sizeof out->v[0]);
	memcpy(out->blank[out->n], blank, sizeof out->blank[0]);
	out->n++;
}

static void
reading_add(struct readings *r, const long long *v, const unsigned char *blank)
{
	if (r->keep)
		reading_keep(r->keep, v, blank);
	place_agree_add(&r->a, v, blank, T3COLS);
}

/*
 * The values v[0..nv) in this order in every way they can stand in the
 * seven columns (the others blank): those whose total is the sum of the
 * parts are readings.  0 when a value is not a count.
 */
static int
add_placements(const struct vcell *v, int nv, struct readings *r)
{
	long long n[T3COLS];
	unsigned char blank[T3COLS];
	unsigned mask;
	int k, i;

	for (mask = 0; mask < 1u << T3COLS; mask++) {
		if (__builtin_popcount(mask) != nv)
			continue;
		for (k = i = 0; k < T3COLS; k++) {
			n[k] = 0;
			blank[k] = 1;
			if (!(mask >> k & 1))
				continue;
			if (!place_counts(&v[i], 1, &n[k]))
				return 0;
			blank[k] = v[i++].v.kind == V_BLANK;
		}
		if (place_check_total(n, T3COLS))
			reading_add(r, n, blank);
	}
	return 1;
}

/*
 * Every interleaving of the lines' values, each line's in its order, is
 * placed (add_placements).  `at` values are taken so far into order[];
 * next[j] is line j's next value.
 */
static int
interleave(const struct lrow *lr, const int *start, const int *len, int nrun,
    int *next, int *order, int at, struct readings *r)
{
	struct vcell v[T3COLS];
	int j, k;

	if (at == lr->nval) {
		for (k = 0; k < at; k++)
			v[k] = lr->val[order[k]];
		return add_placements(v, at, r);
	}
	for (j = 0; j < nrun; j++) {
		if (next[j] == len[j])
			continue;
		order[at] = start[j] + next[j]++;
		k = interleave(lr, start, len, nrun, next, order, at + 1, r);
		next[j]--;
		if (!k)
			return 0;
	}
	return 1;
}

/*
 * A tall row (t3_tall_row): every interleaving of its lines, its values
 * in every set of columns that keeps that order, that its identity
 * (total = the sum of the parts) allows is a reading; a cell is placed
 * where all readings agree, the others are unknown.  PLACE_NONE
 * when no reading adds up or a value is not a count.  The distinct
 * readings go to *out (NULL: not wanted) for t3_choose_tall.
 */
static int
place_runs(const struct lrow *lr, int lead, unsigned brk, struct slots *s,
    struct t3_readings *out);

int
t3_place_tall(const struct lrow *lr, unsigned brk, struct slots *s,
    struct t3_readings *out)
{
	return place_runs(lr, 0, brk, s, out);
}

/*
 * The same for a row whose first `lead` values were printed on lines
 * of their own (t3_split_runover): they interleave with the others
 * whatever their positions.
 */
int
t3_place_lines(const struct lrow *lr, int lead, struct slots *s,
    struct t3_readings *out)
{
	return place_runs(lr, lead, 0, s, out);
}

static int
place_runs(const struct lrow *lr, int lead, unsigned brk, struct slots *s,
    struct t3_readings *out)
{
	int start[TALL_MAXRUNS], len[TALL_MAXRUNS], next[TALL_MAXRUNS] = {0};
	int order[T3COLS], nrun;
	struct readings r = {0};

	if (out)
		out->n = out->full = 0;
	r.keep = out;
	memset(s, 0, sizeof *s);
	s->n = T3COLS;
	nrun = lr->nval > T3COLS ? 0 : line_runs(lr, lead, brk, start, len);
	if (nrun == 0 ||
	    !interleave(lr, start, len, nrun, next, order, 0, &r) || r.a.ncand == 0)
		return PLACE_NONE;
	return place_agree_slots(&r.a, T3COLS, s);
}

/*
 * Positions, each line shifted on its own: a row printed on one line
 * with seven numbers left to right shows the columns' spacing, which
 * every line keeps whatever its shift.  The found row nearest row i
 * printed so gives ref[] (each column's centre, doubled: x0 + x1);
 * 0 when there is none.
 */
int
t3_tall_reference(const struct lrow *rows, const char **key, int n, int i,
    int *ref)
{
	int d, j, k, ok;

	for (d = 1; d < n; d++) {
		for (j = i - d; j <= i + d; j += 2 * d) {
			if (j < 0 || j >= n || !key[j] || rows[j].merged ||
			    rows[j].nval != T3COLS || rows[j].numbers != T3COLS)
				continue;
			for (k = 0, ok = 1; k < T3COLS && ok; k++)
				ok = rows[j].val[k].x0 >= 0 && (k == 0 ||
				    rows[j].val[k].x0 >= rows[j].val[k - 1].x1);
			if (!ok)
				continue;
			for (k = 0; k < T3COLS; k++)
				ref[k] = rows[j].val[k].x0 + rows[j].val[k].x1;
			return 1;
		}
	}
	return 0;
}

/* The ways one line's values stand under the reference columns, the
 * line shifted as a whole: the columns each way takes. */
struct line_ways {
	int		n;
	unsigned	mask[T3COLS];
	signed char	col[T3COLS][T3COLS];
};

/* The reference column within tol of x, or -1 (none, or two). */
static int
column_at(const int *ref, int x, int tol)
{
	int k, at = -1;

	for (k = 0; k < T3COLS; k++)
		if (x - ref[k] <= tol && ref[k] - x <= tol) {
			if (at >= 0)
				return -1;
			at = k;
		}
	return at;
}

static void
ways_of_line(const struct lrow *lr, int start, int len, const int *ref,
    int tol, struct line_ways *w)
{
	int c0, i, k, shift, prev, ok;
	unsigned mask;

	w->n = 0;
	for (c0 = 0; c0 < T3COLS; c0++) {
		shift = ref[c0] - (lr->val[start].x0 + lr->val[start].x1);
		mask = 0;
		for (i = 0, prev = -1, ok = 1; i < len && ok; i++) {
			k = column_at(ref, lr->val[start + i].x0 +
			    lr->val[start + i].x1 + shift, tol);
			ok = k > prev;
			if (ok) {
				w->col[w->n][i] = (signed char)k;
				mask |= 1u << k;
				prev = k;
			}
		}
		if (ok)
			w->mask[w->n++] = mask;
	}
}

/* Count the ways the lines' ways combine, no two values in one column
 * (at most two counted), the first in pick[]. */
static int
combine(const struct line_ways *w, int nrun, int at, unsigned used,
    int *way, int *pick)
{
	int j, found = 0;

	if (at == nrun) {
		if (pick[0] < 0)
			memcpy(pick, way, nrun * sizeof *way);
		return 1;
	}
	for (j = 0; j < w[at].n && found < 2; j++) {
		if (w[at].mask[j] & used)
			continue;
		way[at] = j;
		found += combine(w, nrun, at + 1, used | w[at].mask[j], way,
		    pick);
	}
	return found;
}

/*
 * A row on several lines (the first `lead` values on lines of their
 * own; brk: as for line_runs) placed by position: each line, shifted as a whole, stands under
 * the reference columns (t3_tall_reference) in some ways; when exactly
 * one way of all lines together puts its seven values in the seven
 * columns and the row then adds up, the row is placed so.  PLACE_ALL, or PLACE_NONE with s untouched.
 */
int
t3_tall_by_shift(const struct lrow *lr, int lead, unsigned brk,
    const int *ref, struct slots *s)
{
	struct line_ways w[TALL_MAXRUNS];
	int start[TALL_MAXRUNS], len[TALL_MAXRUNS], way[TALL_MAXRUNS];
	int pick[TALL_MAXRUNS], nrun, j, i, k, gap, tol;
	struct vcell v[T3COLS];
	unsigned char has[T3COLS] = {0};
	long long cnt[T3COLS];
	struct slots out;

	/* Seven values: with blanks, a line of two fits many places, and
	 * a row printed further right (pdftotext shifts parts of a table
	 * by their labels) fits the wrong ones. */
	if (lr->nval != T3COLS)
		return PLACE_NONE;
	for (i = 0; i < lr->nval; i++)
		if (lr->val[i].v.kind != V_NUMBER)
			return PLACE_NONE;
	nrun = line_runs(lr, lead, brk, start, len);
	if (nrun < 2)
		return PLACE_NONE;
	/* Within a third of the narrowest gap: no value near two columns. */
	for (k = 1, gap = 1 << 30; k < T3COLS; k++)
		if (ref[k] - ref[k - 1] < gap)
			gap = ref[k] - ref[k - 1];
	if (gap < 3)
		return PLACE_NONE;
	tol = gap / 3;
	for (j = 0; j < nrun; j++)
		ways_of_line(lr, start[j], len[j], ref, tol, &w[j]);
	pick[0] = -1;
	if (combine(w, nrun, 0, 0, way, pick) != 1)
		return PLACE_NONE;
	for (j = 0; j < nrun; j++)
		for (i = 0; i < len[j]; i++) {
			k = w[j].col[pick[j]][i];
			v[k] = lr->val[start[j] + i];
			has[k] = 1;
		}
	for (k = 0; k < T3COLS; k++)
		if (!has[k] || !place_counts(&v[k], 1, &cnt[k]))
			cnt[k] = 0;
	if (!place_check_total(cnt, T3COLS))
		return PLACE_NONE;
	memset(&out, 0, sizeof out);
	out.n = T3COLS;
	for (k = 0; k < T3COLS; k++) {
		out.set[k] = 1;
		if (has[k])
			strcpy(out.val[k], v[k].v.num);
	}
	*s = out;
	return PLACE_ALL;
}
