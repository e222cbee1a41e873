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
runs_of(const struct lrow *lr, int from, int to, int *start, int *len,
    int *n)
{
	int i;

	for (i = from; i < to; i++) {
		if (lr->val[i].x0 < 0)
			return 0;
		if (i == from || lr->val[i].x0 < lr->val[i - 1].x1) {
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
 * others, whatever their positions.  Returns how many lines, or 0.
 */
static int
line_runs(const struct lrow *lr, int lead, int *start, int *len)
{
	int n = 0;

	if (!runs_of(lr, 0, lead, start, len, &n) ||
	    !runs_of(lr, lead, lr->nval, start, len, &n))
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
t3_tall_row(const struct lrow *lr)
{
	int start[TALL_MAXRUNS], len[TALL_MAXRUNS], n;

	if (lr->nval > T3COLS || lr->nval < 2 || !lr->merged)
		return 0;
	n = line_runs(lr, 0, start, len);
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
int
t3_place_tall(const struct lrow *lr, struct slots *s, struct t3_readings *out)
{
	return t3_place_lines(lr, 0, s, out);
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
	int start[TALL_MAXRUNS], len[TALL_MAXRUNS], next[TALL_MAXRUNS] = {0};
	int order[T3COLS], nrun;
	struct readings r = {0};

	if (out)
		out->n = out->full = 0;
	r.keep = out;
	memset(s, 0, sizeof *s);
	s->n = T3COLS;
	nrun = lr->nval > T3COLS ? 0 : line_runs(lr, lead, start, len);
	if (nrun == 0 ||
	    !interleave(lr, start, len, nrun, next, order, 0, &r) || r.a.ncand == 0)
		return PLACE_NONE;
	return place_agree_slots(&r.a, T3COLS, s);
}
