/*
 * Section 三's rows whose values run over into the row above (t3.h).
 * pdftotext -layout prints a browser's or a word processor's print of a
 * table: a row's cells are centred vertically, and a baseline shifted
 * by a wrapped label or a unit prints some of a row's values a line
 * above the line its label starts on.  That line has no label of the
 * row, so it is read as the last line of the row above: that row shows
 * more than seven values, this one fewer (split_pair), or, where every
 * row is printed so, each row shows seven that do not add up
 * (shift_lines).  Only the row identities confirm a move.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
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

/* Is any of values v[0..n) a number other than 0 (a line of 0s read
 * with either row counts the same)? */
static int
some_nonzero(const struct vcell *v, int n)
{
	int k;

	for (k = 0; k < n; k++)
		if (v[k].v.kind != V_NUMBER || !value_is_zero(v[k].v.num))
			return 1;
	return 0;
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
 * Where a row's last line of numbers begins among its values, as the
 * grid's lines from the row's first to `end` (the next row's first,
 * exclusive) show it: the index of its first value, 0 when the row's
 * numbers are on one line, -1 when the lines do not give the row's
 * values in order (*at: the grid row to look from, moved on); *mask:
 * bit k for each value k < 32 that begins a line.
 */
static int
line_starts(const struct grid *g, const struct lrow *r, long end, int *at,
    unsigned *mask)
{
	static struct lrow ln;	/* large: not on the stack */
	int k, i, got = 0, start = 0;

	*mask = 0;

	while (*at < g->nrow && g->row[*at].line < r->line)
		(*at)++;
	for (k = *at; k < g->nrow && (end < 0 || g->row[k].line < end); k++) {
		lrow_split(g, &g->row[k], &ln);
		if (ln.numbers == 0)
			continue;
		if (got > 0)
			start = got, *mask |= got < 32 ? 1u << got : 0;
		for (i = 0; i < ln.nval; i++) {
			if (ln.val[i].v.kind != V_NUMBER)
				continue;
			if (got == r->nval || ln.val[i].x0 != r->val[got].x0 ||
			    strcmp(ln.val[i].v.num, r->val[got].v.num) != 0)
				return -1;
			got++;
		}
	}
	return got == r->nval ? start : -1;
}

static int
last_line_start(const struct grid *g, const struct lrow *r, long end,
    int *at)
{
	unsigned mask;

	return line_starts(g, r, end, at, &mask);
}

/*
 * Which of each row's values begin a line of the grid, rows[i]'s lines
 * being the grid's from its first to the next row's first: bit k of
 * brk[i] for value k (k < 32), 0 where the lines do not give the row's
 * values in order.  Without them a tall row's lines are told by the
 * values' x order alone, and a lower line whose first value stands
 * right of the upper line's last reads as one line with it (`22` over
 * `127 0 0 0 0`, each line shifted by its own label): the order of the
 * two lines' values taken as printed.
 */
void
t3_line_breaks(const struct grid *g, const struct lrow *rows, int n,
    unsigned *brk)
{
	int i, at = 0;

	for (i = 0; i < n; i++)
		if (rows[i].numbers == 0 || rows[i].overflow ||
		    line_starts(g, &rows[i], i + 1 < n ? rows[i + 1].line :
		    -1, &at, &brk[i]) < 0)
			brk[i] = 0;
}

/* Seven values: `lead` from a line above, then the row's own from..to. */
static int
with_lead(const struct vcell *lead, int nlead, const struct lrow *r,
    int from, int to, struct lrow *out)
{
	int k;

	if (nlead + to - from != T3COLS)
		return 0;
	memcpy(out, r, sizeof *out);
	for (k = 0; k < nlead; k++)
		out->val[k] = lead[k];
	for (k = from; k < to; k++)
		out->val[nlead + k - from] = r->val[k];
	out->nval = out->numbers = T3COLS;
	out->merged |= nlead > 0;
	return one_row(out, nlead);
}

/*
 * Rows printed a line low (Chromium centres a row's cells: numbers and
 * units wrapped in narrow cells make them a line taller than the label,
 * so some of each row's numbers print on the line above its label): each
 * row's last line of numbers is the next row's first, the first row's
 * on the header's last line.  Read as printed, rows of seven added up
 * wrong (9 0 0 0 0 0 0): numbers in the wrong row.  Top down, a row
 * gives its last line to the next when it then is a row of seven that
 * adds up and not as it stands, and the next row, with that line first,
 * is one too; the first row takes the header's last line of numbers
 * when only that makes it so.  A row with blanks gives its last line on
 * when its last number is then the sum of the others and not before
 * (the next row still a row of seven that adds up).  rows[] is changed,
 * lead[] set.
 */
/* Is the last of values v[0..n), all counts, more than one, the sum of
 * the others, as a row with blanks prints its total? */
static int
last_sums(const struct vcell *v, int n)
{
	long long c[LROW_MAXVAL];
	int k;

	if (n < 2)
		return 0;
	for (k = 0; k < n; k++)
		if (v[k].v.kind != V_NUMBER || !place_counts(&v[k], 1, &c[k]) ||
		    c[k] > 999999999999LL)
			return 0;
	return place_check_total(c, n);
}

/*
 * A row with blanks (fewer than seven values) as a row without its last
 * line of numbers (from on): its last number is then the sum of the
 * others, and not with that line.  out: the row so.
 */
static int
blanks_without(const struct lrow *r, int from, struct lrow *out)
{
	if (from >= T3COLS || !last_sums(r->val, from) ||
	    last_sums(r->val, r->nval))
		return 0;
	memcpy(out, r, sizeof *out);
	out->nval = out->numbers = from;
	return 1;
}

/* Put n values before a row's own (as many as there is room for). */
static void
prepend(struct lrow *r, const struct vcell *v, int n)
{
	if (r->nval + n > LROW_MAXVAL)
		n = LROW_MAXVAL - r->nval;
	memmove(r->val + n, r->val, r->nval * sizeof *r->val);
	memcpy(r->val, v, n * sizeof *v);
	r->nval += n;
	r->numbers += n;
	r->merged = 1;
}

/*
 * Could a row with blanks end with or without its last line of numbers
 * (from on), its last number the sum of the others either way, while
 * the next row, with that line first, is a row of seven that adds up
 * and is none as it stands (`3.其他 0 0 0` / `82 0 82` / `(七)总计 0 0 0
 * 0`: a blank line between tells nothing; both readings add up)?
 */
static int
line_either(const struct lrow *r, int from, const struct lrow *next)
{
	static struct lrow with;	/* large: not on the stack */

	return from > 0 && r->nval < T3COLS && next->nval < T3COLS &&
	    last_sums(r->val, from) && last_sums(r->val, r->nval) &&
	    with_lead(r->val + from, r->nval - from, next, 0, next->nval,
	    &with);
}

static void
shift_lines(const struct grid *g, struct lrow *rows, const char **key,
    int n, int *lead, int *doubt)
{
	static struct lrow mine, next;	/* large: not on the stack */
	struct vcell carry[T3COLS];
	int *tail, i, j, at = 0, ncarry = 0, given = 0, from, nk, low = 0;

	tail = gip_xmalloc((n + 1) * sizeof *tail);
	for (i = 0; i < n; i++)
		tail[i] = rows[i].numbers > 0 && !rows[i].overflow ?
		    last_line_start(g, &rows[i], i + 1 < n ? rows[i + 1].line :
		    -1, &at) : -1;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !key[j]; j++)
			;
		if (!key[i]) {
			/* The header's last line of numbers, just above a
			 * first row that does not add up as it stands. */
			ncarry = given = 0;
			if (j == i + 1 && j < n && tail[i] >= 0 &&
			    rows[i].nval - tail[i] < T3COLS &&
			    !one_row(&rows[j], 0)) {
				ncarry = rows[i].nval - tail[i];
				memcpy(carry, rows[i].val + tail[i],
				    ncarry * sizeof *carry);
			}
			continue;
		}
		/* A row as it stands, with the line above if it has one. */
		if (ncarry > 0 ? with_lead(carry, ncarry, &rows[i], 0,
		    rows[i].nval, &mine) : one_row(&rows[i], 0)) {
			if (ncarry > 0)
				rows[i] = mine, lead[i] = ncarry;
			ncarry = given = 0;
			continue;
		}
		/* Else its last line goes on, when the row is one without
		 * it and the next row, with it first, is one as it stands or
		 * without its own last line. */
		from = tail[i];
		if (from <= 0 || j >= n ||
		    (!with_lead(carry, ncarry, &rows[i], 0, from, &mine) &&
		    (ncarry > 0 || !blanks_without(&rows[i], from, &mine))) ||
		    (!with_lead(rows[i].val + from, rows[i].nval - from,
		    &rows[j], 0, rows[j].nval, &next) &&
		    (tail[j] <= 0 || !with_lead(rows[i].val + from,
		    rows[i].nval - from, &rows[j], 0, tail[j], &next)))) {
			/* A line either row's: both unread, not read
			 * wrong (the row's numbers as they stand). */
			if (ncarry == 0 && j < n && line_either(&rows[i],
			    from, &rows[j]))
				doubt[i] = j + 1, doubt[j] = i + 1;
			/* The header's last line of numbers no row took:
			 * the rows are printed a line low, and a row with
			 * blanks adds up whatever it gets (`0` alone reads
			 * as a row of 0s).  The first row is unread, and so
			 * is each row with a line of numbers of its own
			 * after its first, with the next (the line is
			 * either's).  A line of 0s is either's alike. */
			if (ncarry > 0 && !given &&
			    some_nonzero(carry, ncarry))
				low = 1, doubt[i] = -(i + 1);
			else if (low && from > 0 && j < n &&
			    some_nonzero(rows[i].val + from,
			    rows[i].nval - from))
				doubt[i] = -(j + 1), doubt[j] = -(i + 1);
			/* A line the row above gave on is this row's
			 * still: read with it, the row is unread where its
			 * lines do not tell. */
			if (ncarry > 0 && given)
				prepend(&rows[i], carry, ncarry),
				    lead[i] = ncarry;
			ncarry = given = 0;
			continue;
		}
		nk = rows[i].nval - from;
		memcpy(carry, rows[i].val + from, nk * sizeof *carry);
		rows[i] = mine, lead[i] = ncarry;
		ncarry = nk, given = 1;
	}
	free(tail);
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
t3_split_runover(const struct grid *g, struct lrow *rows, const char **key,
    int n, int *lead, int *doubt)
{
	int i, j, moved = 0;

	shift_lines(g, rows, key, n, lead, doubt);

	for (i = 0; i < n; i++) {
		if (!key[i] || rows[i].nval <= T3COLS || lead[i])
			continue;
		for (j = i + 1; j < n && !key[j]; j++)
			if (rows[j].numbers > 0)
				break;
		if (j < n && key[j] && !lead[j] && (lead[j] = split_pair(&rows[i],
		    &rows[j])) > 0)
			moved++;
	}
	return moved;
}
