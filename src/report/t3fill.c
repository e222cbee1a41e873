/*
 * A print's t3 rows left unread completed by the table's identities
 * (t3.h).  pdftotext -layout sets each word in a text column of its
 * own making: it pushes a word right past every word left of it on the
 * page, so a row's numbers drift off their titles by what its label and
 * the lines around it print, and a row with blank cells (printed as
 * nothing) cannot be placed by position.  Its numbers are still in
 * order, its last the total.  Every order-keeping reading of such rows
 * that keeps each row's total the sum of its parts is tried together:
 * where the readings that make every column hold (3.7 = the sum of rows
 * 3.x, 1 + 2 = 3.7 + 4) agree on a cell, it is read so; the others stay
 * unread (gip(5)).  Nothing is read where no reading holds (a report's
 * error, or a row read otherwise) or where the search grows too large.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tables.h"
#include "t3.h"

/* Rows completed at most, readings of a row (C(7, 3) = 35 at most),
 * and steps of the search before it gives up. */
#define FILL_MAXROWS	16
#define FILL_MAXREAD	35
#define FILL_MAXSTEPS	200000L

struct fillrow {
	int		row;
	int		nread;
	long long	v[FILL_MAXREAD][T3COLS];	/* blank 0 */
	unsigned char	blank[FILL_MAXREAD][T3COLS];
	/* The readings some reading of the whole table that holds has. */
	unsigned char	feasible[FILL_MAXREAD];
	/* Their agreement. */
	long long	first[T3COLS];
	unsigned char	same[T3COLS], allblank[T3COLS];
};

struct fill {
	int		nf, found;
	int		pin, pinread;	/* f[pin] read as pinread only */
	long		steps;
	struct t3_counts c;	/* the table, the rows completed as read */
	struct fillrow	*f;
	int		cur[FILL_MAXROWS];	/* the reading f[i] is read as */
	int		is3x[FILL_MAXROWS];	/* f[i] is a row 3.x */
	int		first3x;	/* index in f of the first 3.x row */
	long long	r37[T3COLS];	/* row 3.7, once known */
	long long	fixed3x[T3COLS];	/* rows 3.x not completed */
	long long	part[T3COLS];	/* and those completed so far */
	unsigned char	known[T3COLS];	/* r37 and fixed3x both known */
};

/* The numbers of row lr as counts into num; 0 if one is not a plain
 * count (t3_cell_count's terms). */
static int
row_counts(const struct lrow *lr, long long *num)
{
	const char *p;
	size_t len;
	int j;

	if (lr->nval < 1 || lr->nval > T3COLS)
		return 0;
	for (j = 0; j < lr->nval; j++) {
		if (lr->val[j].v.kind != V_NUMBER)
			return 0;
		p = lr->val[j].v.num;
		len = strlen(p);
		if (len == 0 || len > 12 || strspn(p, "0123456789") != len)
			return 0;
		num[j] = strtoll(p, NULL, 10);
	}
	return 1;
}

/*
 * The readings of row i: its m numbers in order into m of the seven
 * slots, the total the sum of the parts, each cell the reader placed
 * already (s) kept as it is, blank or not; readings alike in their
 * counts are one.
 */
static int
row_readings(const struct lrow *lr, const struct slots *s,
    struct fillrow *fr)
{
	long long num[T3COLS], v[T3COLS], sum, c;
	unsigned char blank[T3COLS];
	unsigned mask;
	int k, j, m = lr->nval, r, bits, ok;

	if (!row_counts(lr, num))
		return 0;
	fr->nread = 0;
	for (mask = 0; mask < 1u << T3COLS; mask++) {
		for (bits = 0, k = 0; k < T3COLS; k++)
			bits += mask >> k & 1;
		if (bits != m)
			continue;
		for (k = 0, j = 0, sum = 0, ok = 1; k < T3COLS; k++) {
			blank[k] = !(mask >> k & 1);
			v[k] = blank[k] ? 0 : num[j++];
			if (k < T3COLS - 1)
				sum += v[k];
			if (s->set[k] && (!t3_cell_count(s, k, &c) ||
			    c != v[k] || blank[k] != (s->val[k][0] == '\0')))
				ok = 0;
		}
		if (!ok || sum != v[T3COLS - 1])
			continue;
		for (r = 0; r < fr->nread &&
		    memcmp(fr->v[r], v, sizeof v) != 0; r++)
			;
		if (r < fr->nread) {
			/* alike: blank and 0 differ only; a cell that
			 * may be either is 0 (as roplace.c writes it) */
			for (k = 0; k < T3COLS; k++)
				fr->blank[r][k] &= blank[k];
			continue;
		}
		memcpy(fr->v[fr->nread], v, sizeof v);
		memcpy(fr->blank[fr->nread], blank, sizeof blank);
		fr->nread++;
	}
	return fr->nread > 0;
}

/* Row f[at] read as its reading r. */
static void
put(struct fill *q, int at, int r)
{
	const struct fillrow *fr = &q->f[at];
	int k;

	q->cur[at] = r;
	for (k = 0; k < T3COLS; k++)
		q->c.v[fr->row][k] = fr->v[r][k];
}

/* The agreement of the feasible readings of row fr. */
static void
agree(struct fillrow *fr)
{
	int r, k, seen = 0;

	for (r = 0; r < fr->nread; r++) {
		if (!fr->feasible[r])
			continue;
		for (k = 0; k < T3COLS; k++) {
			if (!seen) {
				fr->first[k] = fr->v[r][k];
				fr->same[k] = 1;
				fr->allblank[k] = fr->blank[r][k];
				continue;
			}
			fr->same[k] &= fr->v[r][k] == fr->first[k];
			fr->allblank[k] &= fr->blank[r][k];
		}
		seen = 1;
	}
}

/* Do rows 3.x, those completed so far, stay within row 3.7 (counts
 * are never negative); at the last, equal it? */
static int
parts_fit(const struct fill *q, int last)
{
	int k;

	for (k = 0; k < T3COLS; k++)
		if (q->known[k] && (q->fixed3x[k] + q->part[k] > q->r37[k] ||
		    (last && q->fixed3x[k] + q->part[k] != q->r37[k])))
			return 0;
	return 1;
}

/* Row 3.7's counts (after the rows before the 3.x were completed): a
 * column whose cell is unread, or all when the row is absent, is not
 * known (the parts are not held to it). */
static void
row37(struct fill *q)
{
	int i, k;

	for (i = 0; i < q->c.n && q->c.role[i] != T3_ROLE_37; i++)
		;
	for (k = 0; k < T3COLS; k++)
		if (i == q->c.n || !q->c.known[i][k])
			q->known[k] = 0;
		else
			q->r37[k] = q->c.v[i][k];
}

/* Does 1 + 2 = 3.7 + 4 hold (or stay unchecked) in every column? */
static int
named_rows_balance(const struct fill *q)
{
	long long r37;
	int k, have37;

	for (k = 0; k < T3COLS; k++)
		if (t3_counts_balance(&q->c, k, &r37, &have37) == 0)
			return 0;
	return 1;
}

/* Is there a reading of rows f[at..] that, with the rows before as
 * put, makes every column hold?  (f[pin] read as pinread only; the
 * reading found is left in cur.) */
static int
holds(struct fill *q, int at)
{
	struct fillrow *fr;
	int r, k, ok;

	if (++q->steps > FILL_MAXSTEPS)
		return 0;
	if (at == q->first3x && q->first3x < q->nf) {
		/* rows 1, 2, 3.7 and 4 are read: where they do not add
		 * up, no reading of the rows 3.x after them can */
		if (!named_rows_balance(q))
			return 0;
		row37(q);
	}
	if (at == q->nf) {
		/* a column with an unread cell holds nothing to it */
		for (k = 0; k < T3COLS; k++)
			if (t3_counts_column(&q->c, k) == 0)
				return 0;
		return 1;
	}
	fr = &q->f[at];
	for (r = 0; r < fr->nread; r++) {
		if (at == q->pin && r != q->pinread)
			continue;
		put(q, at, r);
		if (q->is3x[at]) {
			for (k = 0; k < T3COLS; k++)
				q->part[k] += fr->v[r][k];
			ok = parts_fit(q, at + 1 == q->nf) && holds(q, at + 1);
			for (k = 0; k < T3COLS; k++)
				q->part[k] -= fr->v[r][k];
		} else
			ok = holds(q, at + 1);
		if (ok)
			return 1;
	}
	return 0;
}

/*
 * Which readings of each row some reading of the whole table that holds
 * has: a cell all of them agree on is what every such reading of the
 * table reads, the others are unread.  Each reading found feasible
 * shows its whole table's readings feasible too, so most rows need no
 * search of their own.  0 when none holds or the search grew too large.
 */
static int
find_feasible(struct fill *q)
{
	int i, r, j;

	q->pin = -1;
	for (i = -1; i < q->nf; i++)
		for (r = 0; r < (i < 0 ? 1 : q->f[i].nread); r++) {
			if (i >= 0 && q->f[i].feasible[r])
				continue;
			q->pin = i;
			q->pinread = r;
			if (holds(q, 0)) {
				q->found++;
				for (j = 0; j < q->nf; j++)
					q->f[j].feasible[q->cur[j]] = 1;
			} else if (i < 0)
				return 0;	/* no reading holds */
			if (q->steps > FILL_MAXSTEPS)
				return 0;
		}
	return q->found > 0;
}

/* The counts of the rows 3.x not completed, into q->fixed3x; a column
 * where one is unread is not known. */
static void
fixed_parts(struct fill *q, const unsigned char *in)
{
	int i, k;

	memset(q->fixed3x, 0, sizeof q->fixed3x);
	for (i = 0; i < q->c.n; i++) {
		if (in[i] || q->c.role[i] != T3_ROLE_PART)
			continue;
		for (k = 0; k < T3COLS; k++)
			if (q->c.known[i][k])
				q->fixed3x[k] += q->c.v[i][k];
			else
				q->known[k] = 0;
	}
}

/* The agreed cells of a completed row into s: the others unread. */
static int
agreed(const struct fillrow *fr, struct slots *s)
{
	int k, all = 1;

	memset(s, 0, sizeof *s);
	s->n = T3COLS;
	for (k = 0; k < T3COLS; k++) {
		if (!fr->same[k]) {
			all = 0;
			continue;
		}
		s->set[k] = 1;
		/* blank in some readings and 0 in others: a 0 printed in
		 * one of the columns, blank the rest; either reads 0, and
		 * 0 is written (as roplace.c and t4order.c do) */
		if (!fr->allblank[k])
			snprintf(s->val[k], VALUE_MAX, "%lld", fr->first[k]);
	}
	return all;
}

void
t3_fill_by_identities(struct tables *t, const struct lrow *rows,
    const char **key, int n, struct slots *sb, int *pb,
    const unsigned char *cand)
{
	struct fillrow *f;
	struct fill q = {0};
	unsigned char *in;
	int i, j, k, pass, found, any = 0;

	for (i = 0; i < n; i++)
		any |= cand[i];
	if (!any)
		return;
	in = gip_xmalloc(n + 1);
	memset(in, 0, n + 1);
	f = gip_xmalloc(FILL_MAXROWS * sizeof *f);
	q.f = f;
	/* rows 1, 2, 3.7 and 4 first, so that 3.7 is known before the
	 * parts are tried against it */
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			q.first3x = q.nf;
		for (i = 0; i < n; i++) {
			if (!cand[i] || !key[i] || (t3_role(key[i]) == T3_ROLE_PART) != pass)
				continue;
			if (q.nf == FILL_MAXROWS)
				goto out;	/* not all of them: none */
			/* a row no reading of which adds up stays unread */
			if (!row_readings(&rows[i], &sb[i], &f[q.nf]))
				continue;
			in[i] = 1;
			f[q.nf].row = i;
			q.is3x[q.nf] = pass;
			q.nf++;
		}
	}
	/* the rows completed count whatever their reader made of them,
	 * every cell known (put gives the counts) */
	t3_counts_read(&q.c, key, n, sb, pb);
	for (j = 0; j < q.nf; j++) {
		i = f[j].row;
		q.c.role[i] = t3_role(key[i]);
		for (k = 0; k < T3COLS; k++)
			q.c.known[i][k] = 1;
	}
	memset(q.known, 1, sizeof q.known);
	fixed_parts(&q, in);
	memset(q.part, 0, sizeof q.part);
	for (j = 0; j < q.nf; j++)
		memset(f[j].feasible, 0, sizeof f[j].feasible);
	found = find_feasible(&q);
	t3_counts_free(&q.c);
	if (!found)
		goto out;
	for (j = 0; j < q.nf; j++) {
		agree(&f[j]);
		i = f[j].row;
		pb[i] = agreed(&f[j], &sb[i]) ? PLACE_ALL : PLACE_DOUBTED;
		tables_warn(t, rows[i].line, "t3 row %s: its %d numbers read "
		    "by the table's identities (the readings that make every "
		    "column add up%s)", key[i], rows[i].nval,
		    pb[i] == PLACE_ALL ? "" : "; where they disagree, "
		    "written as " CELL_UNREAD);
	}
out:
	free(in);
	free(f);
}
