/*
 * Section 三's rows whose values run over into the row above (t3.h).
 * pdftotext -layout prints a browser's or a word processor's print of a
 * table: a row's cells are centred vertically, and a baseline shifted
 * by a wrapped label or a unit prints some of a row's values a line
 * above the line its label starts on.  That line has no label of the
 * row, so it is read as the last line of the row above: that row shows
 * more than seven values, this one fewer.
 */
#include <string.h>

#include "t3.h"

/* Are all of a row's values numbers with a position? */
static int
numbers_with_positions(const struct lrow *lr)
{
	int k;

	for (k = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind != V_NUMBER || lr->val[k].x0 < 0)
			return 0;
	return 1;
}

/* Do values v[0..n) stand left to right, none overlapping? */
static int
left_to_right(const struct vcell *v, int n)
{
	int k;

	for (k = 1; k < n; k++)
		if (v[k].x0 < v[k - 1].x1)
			return 0;
	return 1;
}

/*
 * Can seven values be one row, the first `lead` printed on a line of
 * their own: in order on one line and total = the sum of the parts, or
 * on several lines (t3tall.c) with a reading that adds up?
 */
static int
one_row(const struct lrow *lr, int lead)
{
	struct slots s;
	long long n[T3COLS];

	if (lr->nval != T3COLS)
		return 0;
	if (lead == 0 && left_to_right(lr->val, T3COLS))
		return place_counts(lr->val, T3COLS, n) &&
		    place_check_total(n, T3COLS);
	return t3_place_lines(lr, lead, &s, NULL) != PLACE_NONE;
}

/*
 * Row a shows seven values and more, row b, the next row printed, the
 * rest of fourteen: when a's eighth value begins a line (it stands left
 * of the seventh's end: values in line order) and both rows, so split,
 * are a row each that adds up, the values from the eighth on are b's,
 * printed before its own.  Returns how many b got (0: none).
 */
static int
split_pair(struct lrow *a, struct lrow *b)
{
	static struct lrow ta, tb;	/* large: not on the stack */
	int extra = a->nval - T3COLS, k;

	if (extra <= 0 || b->nval + extra != T3COLS ||
	    !numbers_with_positions(a) || !numbers_with_positions(b) ||
	    a->val[T3COLS].x0 >= a->val[T3COLS - 1].x1)
		return 0;
	memcpy(&ta, a, sizeof ta);
	ta.nval = ta.numbers = T3COLS;
	memcpy(&tb, b, sizeof tb);
	for (k = 0; k < extra; k++)
		tb.val[k] = a->val[T3COLS + k];
	for (k = 0; k < b->nval; k++)
		tb.val[extra + k] = b->val[k];
	tb.nval = tb.numbers = T3COLS;
	tb.merged = 1;
	if (!one_row(&ta, 0) || !one_row(&tb, extra))
		return 0;
	memcpy(a->val, ta.val, sizeof a->val);
	a->nval = a->numbers = T3COLS;
	memcpy(b->val, tb.val, sizeof b->val);
	b->nval = b->numbers = T3COLS;
	b->merged = 1;
	return extra;
}

/*
 * Give each row the values that ran over into the row above it
 * (split_pair), for the rows found (key) in a space-aligned table whose
 * positions come from a converter (not a PDF read directly, whose
 * lines are the page's own): lead[j] (set by the caller to 0) is how
 * many values row j got, printed on lines of their own before its own
 * values, wherever they stand (each line is shifted by its own label).
 * Returns how many rows got values back.
 */
int
t3_split_runover(struct lrow *rows, const char **key, int n, int *lead)
{
	int i, j, moved = 0;

	for (i = 0; i < n; i++) {
		if (!key[i] || rows[i].nval <= T3COLS)
			continue;
		for (j = i + 1; j < n && !key[j]; j++)
			if (rows[j].numbers > 0)
				break;
		if (j < n && key[j] && (lead[j] = split_pair(&rows[i],
		    &rows[j])) > 0)
			moved++;
	}
	return moved;
}
