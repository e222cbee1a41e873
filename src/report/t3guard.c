/*
 * Rows placed by position with blanks (t3.h): lynx -dump and pandoc -t
 * plain print a blank cell as nothing, and each row's columns drift with
 * its label's width or its cells' spans, so a row of fewer numbers than
 * columns may stand a column off.  The table's identities (3.7 = the
 * sum of rows 3.x, 1 + 2 = 3.7 + 4 in each column) then fail on a
 * report whose numbers are sound: a false alarm.  Where they fail, the
 * readings of such rows that keep their numbers in order (the last the
 * total) are tried: where some make every column hold, the cells they
 * all agree on are read so and the others are unread (gip(5)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tables.h"
#include "t3.h"
#include "value.h"

/* Most rows and combinations of their readings tried. */
#define GUARD_MAXROWS	32
#define GUARD_MAXCOMBOS	4096

/* One doubted row: its numbers' counts, and the readings tried. */
struct doubted {
	int		row, m, nmask;
	unsigned	orig;		/* the slots position gave */
	unsigned	cur;		/* the reading in the counts */
	long long	num[T3COLS];
	unsigned	mask[64];	/* slots of the parts, 6 bits */
	/* Agreement of the readings that hold. */
	long long	first[T3COLS];
	unsigned char	blank[T3COLS], same[T3COLS];
};

/* Does any column's identity fail?  (fail[k] set for each.) */
static int
any_fails(const struct t3_counts *c, int *fail)
{
	int k, any = 0;

	for (k = 0; k < T3COLS; k++) {
		fail[k] = t3_counts_column(c, k) == 0;
		any |= fail[k];
	}
	return any;
}

/*
 * Is row i doubted: placed by position (bypos) in full from fewer
 * numbers than columns, its last number the total and its total the
 * sum of its parts (else no reading of it adds up), a part not 0?  Its
 * numbers then go to d.
 */
static int
doubted_row(const struct lrow *lr, const struct slots *s, int placed,
    struct doubted *d)
{
	long long sum = 0, v;
	int k, m = 0, nonzero = 0;

	if (placed != PLACE_ALL || lr->numbers <= 1 || lr->numbers >= T3COLS)
		return 0;
	for (k = 0; k < T3COLS; k++) {
		if (!t3_cell_count(s, k, &v))
			return 0;
		if (s->val[k][0] == '\0')
			continue;
		if (m == T3COLS)
			return 0;
		d->num[m++] = v;
	}
	if (m != lr->numbers || s->val[T3COLS - 1][0] == '\0')
		return 0;
	for (d->orig = 0, k = 0; k < T3COLS - 1; k++)
		if (s->val[k][0] != '\0')
			d->orig |= 1u << k;
	for (k = 0; k < m - 1; k++)
		sum += d->num[k], nonzero |= d->num[k] != 0;
	if (!nonzero || sum != d->num[m - 1])
		return 0;
	d->m = m;
	return 1;
}

/* The readings of d: every set of m - 1 of the six parts' slots. */
static void
readings(struct doubted *d)
{
	unsigned mask;
	int bits, k;

	d->nmask = 0;
	for (mask = 0; mask < 64; mask++) {
		for (bits = 0, k = 0; k < T3COLS - 1; k++)
			bits += mask >> k & 1;
		if (bits == d->m - 1)
			d->mask[d->nmask++] = mask;
	}
}

/* Is slot k blank in reading `mask` (the total, the last, never)? */
static int
blank_in(unsigned mask, int k)
{
	return k < T3COLS - 1 && !(mask >> k & 1);
}

/*
 * Put reading `mask` of d into the counts, as the slots of that reading
 * would read (a blank slot counts 0): the search changes numbers, not
 * text, as t3fill.c's does (formatting and parsing each reading of
 * each row, and reading every row's counts again for each combination,
 * was 4,096 times the table's text: 10-40 ms on a mutated print).
 */
static void
put_reading(struct t3_counts *c, struct doubted *d, unsigned mask)
{
	int k, i = 0;

	d->cur = mask;
	for (k = 0; k < T3COLS; k++) {
		c->known[d->row][k] = 1;
		if (k == T3COLS - 1)
			c->v[d->row][k] = d->num[d->m - 1];
		else
			c->v[d->row][k] = blank_in(mask, k) ? 0 : d->num[i++];
	}
}

/* Add d's reading in the counts to its agreement (the first when ncand
 * is 0). */
static void
agree(struct doubted *d, const struct t3_counts *c, int ncand)
{
	long long v;
	int k;

	for (k = 0; k < T3COLS; k++) {
		v = c->v[d->row][k];
		if (ncand == 0) {
			d->first[k] = v;
			d->blank[k] = blank_in(d->cur, k);
			d->same[k] = 1;
		} else if (v != d->first[k] ||
		    d->blank[k] != blank_in(d->cur, k))
			d->same[k] = 0;
	}
}

/* The cells all readings that hold agree on into s, the others unread. */
static int
agreed(const struct doubted *d, struct slots *s)
{
	int k, placed = PLACE_ALL;

	memset(s, 0, sizeof *s);
	s->n = T3COLS;
	for (k = 0; k < T3COLS; k++) {
		if (!d->same[k]) {
			placed = PLACE_DOUBTED;
			continue;
		}
		s->set[k] = 1;
		if (!d->blank[k])
			snprintf(s->val[k], VALUE_MAX, "%lld", d->first[k]);
	}
	return placed;
}

/* The search for readings that hold: the doubted rows, how many
 * combinations tried and how many held. */
struct search {
	int		nd, tried, found;
	struct t3_counts c;
	struct doubted	*d;
};

/* Change `left` more of the rows from row `from` on to another reading
 * each, and count the combinations after which every column holds. */
static void
change_rows(struct search *q, int from, int left)
{
	struct doubted *d;
	int i, j, fail[T3COLS];

	if (left == 0) {
		if (++q->tried > GUARD_MAXCOMBOS || any_fails(&q->c, fail))
			return;
		for (i = 0; i < q->nd; i++)
			agree(&q->d[i], &q->c, q->found);
		q->found++;
		return;
	}
	for (i = from; i < q->nd && q->tried <= GUARD_MAXCOMBOS; i++) {
		d = &q->d[i];
		for (j = 0; j < d->nmask; j++) {
			if (d->mask[j] == d->orig)
				continue;
			put_reading(&q->c, d, d->mask[j]);
			change_rows(q, i + 1, left - 1);
		}
		put_reading(&q->c, d, d->orig);
	}
}

/*
 * Rows placed by position with blanks (bypos) whose numbers stand in a
 * column whose identities fail: another reading of one of them, else
 * of two, may make every column hold.  The fewest changes that do are
 * taken (position is evidence too): the cells all such readings agree
 * on are read so, the others are unread.  Where none holds, the numbers
 * contradict each other whichever columns these rows' numbers take (a
 * report's error, a row left out, or a row read otherwise): the rows
 * stay as position put them, and the error is the report's.
 */
void
t3_guard_blanks(struct tables *t, const struct lrow *rows, const char **key,
    int n, struct slots *sb, int *pb, const int *bypos)
{
	struct doubted d[GUARD_MAXROWS];
	struct search q = {0, 0, 0, {0}, d};
	int i, k, fail[T3COLS], hit, size, placed;

	/* the slots stay as they are until the search is over */
	t3_counts_read(&q.c, key, n, sb, pb);
	if (!any_fails(&q.c, fail)) {
		t3_counts_free(&q.c);
		return;
	}
	for (i = 0; i < n && q.nd < GUARD_MAXROWS; i++) {
		if (!key[i] || !bypos[i] || pb[i] == PLACE_UNSEEN ||
		    !doubted_row(&rows[i], &sb[i], pb[i], &d[q.nd]))
			continue;
		for (hit = 0, k = 0; k < T3COLS - 1; k++)
			hit |= fail[k] && sb[i].val[k][0] != '\0' &&
			    strcmp(sb[i].val[k], "0") != 0;
		if (!hit)
			continue;
		d[q.nd].row = i;
		d[q.nd].cur = d[q.nd].orig;	/* as the counts read it */
		readings(&d[q.nd]);
		q.nd++;
	}
	/* One row changed is at most GUARD_MAXROWS * 20 readings: all
	 * tried; two, within GUARD_MAXCOMBOS. */
	for (size = 1; size <= 2 && q.found == 0 && q.tried <=
	    GUARD_MAXCOMBOS; size++) {
		q.tried = 0;
		change_rows(&q, 0, size);
	}
	t3_counts_free(&q.c);
	for (i = 0; i < q.nd; i++) {
		if (q.found == 0 || q.tried > GUARD_MAXCOMBOS)
			continue;
		placed = agreed(&d[i], &sb[d[i].row]);
		pb[d[i].row] = placed;
		if (placed == PLACE_DOUBTED)
			tables_warn(t, rows[d[i].row].line, "t3 row %s: placed "
			    "by position with blanks, the table's identities "
			    "fail; the readings that hold disagree, cells "
			    "written as %s", key[d[i].row], CELL_UNREAD);
	}
}

/* Are row lr's numbers all 0, fewer than its columns (read as a row of
 * zeros and blanks: zeros read into any blank give the same counts)? */
static int
zeros_only(const struct lrow *lr)
{
	int k;

	if (lr->numbers == 0 || lr->numbers >= T3COLS)
		return 0;
	for (k = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind == V_NUMBER &&
		    !value_is_zero(lr->val[k].v.num))
			return 0;
	return 1;
}

/* Are row lr's values from more than one line out of their left to
 * right order (the first line's right of the next's)?  The order they
 * were placed in is then the lines', which need not be the columns'. */
static int
lines_out_of_x_order(const struct lrow *lr)
{
	int k;

	for (k = 1; k < lr->nval; k++)
		if (lr->val[k].x0 >= 0 && lr->val[k - 1].x0 >= 0 &&
		    lr->val[k].x0 < lr->val[k - 1].x0)
			return 1;
	return 0;
}

/* The order-keeping merges of a row's lines: the search's state. */
struct merge {
	const char	**key;
	int		 n, row, nrun, start[T3COLS + 1], used[T3COLS];
	long long	 num[T3COLS], cur[T3COLS];
	struct slots	*sb;
	const int	*pb;
	int		 found;
};

/* any_fails on the table as its slots hold it now. */
static int
slots_fail(const char **key, int n, const struct slots *sb, const int *pb,
    int *fail)
{
	struct t3_counts c;
	int any;

	t3_counts_read(&c, key, n, sb, pb);
	any = any_fails(&c, fail);
	t3_counts_free(&c);
	return any;
}

/* Is m's merge another reading than the row's, one that adds up and
 * makes every column of the table hold? */
static int
merge_holds(struct merge *m)
{
	struct slots *s = &m->sb[m->row], keep = m->sb[m->row];
	long long sum = 0, v;
	int k, fail[T3COLS], same = 1, holds;

	for (k = 0; k < T3COLS - 1; k++)
		sum += m->cur[k];
	if (sum != m->cur[T3COLS - 1])
		return 0;
	for (k = 0; k < T3COLS; k++)
		if (!t3_cell_count(s, k, &v) || v != m->cur[k])
			same = 0;
	if (same)
		return 0;
	for (k = 0; k < T3COLS; k++) {
		s->set[k] = 1;
		snprintf(s->val[k], VALUE_MAX, "%lld", m->cur[k]);
	}
	holds = !slots_fail(m->key, m->n, m->sb, m->pb, fail);
	*s = keep;
	return holds;
}

/* Try every merge from value `at` on, until one holds (merge_holds). */
static void
merge_from(struct merge *m, int at)
{
	int r;

	if (m->found)
		return;
	if (at == T3COLS) {
		m->found = merge_holds(m);
		return;
	}
	for (r = 0; r < m->nrun; r++)
		if (m->start[r] + m->used[r] < m->start[r + 1]) {
			m->cur[at] = m->num[m->start[r] + m->used[r]];
			m->used[r]++;
			merge_from(m, at + 1);
			m->used[r]--;
		}
}

/*
 * Is row i a print's row of seven numbers from lines out of left to
 * right order (each line's numbers left to right, the next line's
 * starting left of the last) that another merge of its lines' numbers,
 * each line's kept in order, would make a row that adds up and a table
 * whose every column holds?  Then its lines' order placed it, and the
 * identities say that may be wrong; where no other merge holds, the
 * numbers contradict each other whichever way: the report's error.
 */
static int
other_order_holds(const struct lrow *rows, const char **key, int n,
    struct slots *sb, const int *pb, int i)
{
	const struct lrow *lr = &rows[i];
	struct merge m = {key, n, i, 0, {0}, {0}, {0}, {0}, sb, pb, 0};
	int k;

	if (lr->nval != T3COLS || lr->numbers != T3COLS ||
	    !lines_out_of_x_order(lr))
		return 0;
	for (k = 0; k < T3COLS; k++) {
		if (lr->val[k].x0 < 0 ||
		    !place_counts(&lr->val[k], 1, &m.num[k]) ||
		    m.num[k] > 999999999999LL)
			return 0;
		if (k == 0 || lr->val[k].x0 < lr->val[k - 1].x0)
			m.start[m.nrun++] = k;
	}
	if (m.nrun > 3)		/* at most 7! / (2! 2! 3!) = 210 merges */
		return 0;
	m.start[m.nrun] = T3COLS;
	merge_from(&m, 0);
	return m.found;
}

/* Did row i of a print keep numbers it could not place: a cell unread,
 * or more numbers than columns (lines of another row's)? */
static int
unsure_neighbour(const struct lrow *rows, const char **key, int n,
    const struct slots *sb, const int *pb, int i)
{
	int k;

	if (i < 0 || i >= n || !key[i] || pb[i] == PLACE_UNSEEN)
		return 0;
	if (rows[i].numbers > T3COLS)
		return 1;
	for (k = 0; k < T3COLS; k++)
		if (!sb[i].set[k])
			return 1;
	return 0;
}

/* The keyed row before (step -1) or after (step 1) row i, or -1. */
static int
keyed_next(const char **key, int n, int i, int step)
{
	for (i += step; i >= 0 && i < n; i += step)
		if (key[i])
			return i;
	return -1;
}

void
t3_guard_print_rows(struct tables *t, const struct lrow *rows,
    const char **key, int n, struct slots *sb, int *pb)
{
	int i, j, k, fail[T3COLS], hit, step;
	unsigned char *doubted;

	if (!slots_fail(key, n, sb, pb, fail))
		return;
	doubted = gip_xmalloc(n + 1);
	memset(doubted, 0, n + 1);
	for (i = 0; i < n; i++) {
		if (!key[i] || pb[i] == PLACE_UNSEEN ||
		    pb[i] == PLACE_DOUBTED)
			continue;
		if (pb[i] == PLACE_ALL && other_order_holds(rows, key, n,
		    sb, pb, i))
			doubted[i] |= 4;
		if (!zeros_only(&rows[i]))
			continue;
		for (hit = 0, k = 0; k < T3COLS; k++)
			hit |= fail[k] && sb[i].set[k];
		for (step = -1; hit && step <= 1; step += 2) {
			j = keyed_next(key, n, i, step);
			if (unsure_neighbour(rows, key, n, sb, pb, j))
				doubted[i] |= 1, doubted[j] |= 2;
		}
	}
	/* (All decided first: a row made unread here is no unsure
	 * neighbour of the next.)  The neighbour may hold the zeros' row's
	 * numbers: what it placed of them is as unsure. */
	for (i = 0; i < n; i++) {
		if (!doubted[i])
			continue;
		if (doubted[i] == 4)
			tables_warn(t, rows[i].line, "t3 row %s: its numbers "
			    "come from lines out of their left to right order, "
			    "the table's identities fail, and another order of "
			    "its lines' numbers would make them hold: written "
			    "as %s", key[i], CELL_UNREAD);
		else if (doubted[i] & 1)
			tables_warn(t, rows[i].line, "t3 row %s: read as "
			    "zeros, the table's identities fail, and a row "
			    "next to it kept numbers it could not place (a "
			    "print may set a row's numbers on its neighbour's "
			    "line): written as %s", key[i], CELL_UNREAD);
		else
			tables_warn(t, rows[i].line, "t3 row %s: it kept "
			    "numbers it could not place, next to a row read "
			    "as zeros where the table's identities fail (some "
			    "may be that row's): written as %s", key[i],
			    CELL_UNREAD);
		pb[i] = PLACE_DOUBTED;
		memset(&sb[i], 0, sizeof sb[i]);
		sb[i].n = T3COLS;
	}
	free(doubted);
}
