/*
 * Rows of table 3 printed without the positions of their blanks (t3.h):
 * lynx -dump of a table it cannot lay out prints each row's cells one
 * space apart and blank cells as nothing, `一、本年新收… 513 136 0 649`,
 * so a row of four numbers may stand in any four of the seven columns
 * in order.  The row's own identity rarely decides; the table's do
 * (3.7 = the sum of rows 3.x and 1 + 2 = 3.7 + 4 in each column).  Every
 * reading of the table that keeps all identities is searched; a cell is
 * placed where all of them agree on its count, and stays unread where
 * they do not (identities cannot tell columns whose counts could all
 * trade places), where none does (a report whose numbers contradict
 * each other: nothing is guessed), or where the search is too large.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "t3.h"

/* Order-keeping readings of one row: at most C(7, 3) = 35. */
#define SOLVE_MAXCAND	35
/* Steps of the search before it gives up (all rows stay unread). */
#define SOLVE_MAXSTEPS	200000L

struct cand {
	long long	v[T3COLS];
	unsigned	mask;
};

struct var {
	int		row;		/* index into rows/key */
	int		ncand;
	struct cand	c[SOLVE_MAXCAND];
	unsigned char	used[SOLVE_MAXCAND];	/* in some solution */
	int		seen;		/* solutions reaching it */
	int		first;		/* its first solution's reading */
	unsigned char	same[T3COLS];	/* all solutions the same count */
};

struct solve {
	int		 nvar;
	struct var	*var;
	long long	 (*val)[T3COLS];	/* per row: current counts */
	int		*known;			/* per row: counts set */
	int		 r1, r2, r37, r4;	/* row indices, -1 absent */
	int		*leaf;			/* rows 3.x but 3.7 */
	int		 nleaf;
	long		 steps;
	int		 gave_up;
	int		 undecided;		/* cells still agreeing */
};

static int
key_row(const char **key, int n, const char *row)
{
	int i, at = -1;

	for (i = 0; i < n; i++)
		if (key[i] && t3_same_key(key[i], row)) {
			if (at >= 0)
				return -2;	/* printed twice */
			at = i;
		}
	return at;
}

/* Row i's seven counts from its slots: 0 when one is not known. */
static int
row_counts(const struct slots *s, long long *v)
{
	int k;

	for (k = 0; k < T3COLS; k++)
		if (!t3_cell_count(s, k, &v[k]))
			return 0;
	return 1;
}

/* Does a reading keep the cells the row's placement already knew? */
static int
keeps_known(const struct slots *s, const long long *v)
{
	long long w;
	int k;

	for (k = 0; k < T3COLS; k++)
		if (s->set[k] && (!t3_cell_count(s, k, &w) || w != v[k]))
			return 0;
	return 1;
}

/* Row r's readings: its values in order in any of the seven columns,
 * total = the sum of the parts, the known cells kept.  0 when a value
 * is no count or no reading is left. */
static int
readings(const struct lrow *r, const struct slots *s, struct var *x)
{
	long long v[T3COLS];
	unsigned char blank[T3COLS];
	unsigned mask;
	int j;

	x->ncand = 0;
	if (r->nval > T3COLS)
		return 0;
	for (mask = 0; mask < 1u << T3COLS; mask++) {
		if (__builtin_popcount(mask) != r->nval)
			continue;
		if (!place_fill(r->val, mask, T3COLS, v, blank))
			return 0;
		if (!place_check_total(v, T3COLS) || !keeps_known(s, v))
			continue;
		for (j = 0; j < x->ncand && memcmp(x->c[j].v, v,
		    sizeof v) != 0; j++)
			;
		if (j < x->ncand)	/* the same counts: zeros elsewhere */
			continue;
		memcpy(x->c[x->ncand].v, v, sizeof v);
		x->c[x->ncand++].mask = mask;
	}
	return x->ncand > 0;
}

static int
is_known(const struct solve *S, int row)
{
	return row < 0 || S->known[row];
}

static long long
cell(const struct solve *S, int row, int k)
{
	return row < 0 ? 0 : S->val[row][k];
}

/* Do the identities hold as far as the rows known so far tell? */
static int
consistent(const struct solve *S)
{
	long long sum;
	int k, i, open;

	for (k = 0; k < T3COLS; k++) {
		if (S->r37 >= 0 && S->known[S->r37]) {
			sum = 0, open = 0;
			for (i = 0; i < S->nleaf; i++)
				if (S->known[S->leaf[i]])
					sum += S->val[S->leaf[i]][k];
				else
					open = 1;
			if (sum > S->val[S->r37][k] ||
			    (!open && sum != S->val[S->r37][k]))
				return 0;
		}
		if (S->r1 >= 0 && S->r2 >= 0 && S->r37 >= 0 && S->r4 >= 0 &&
		    is_known(S, S->r1) && is_known(S, S->r2) &&
		    is_known(S, S->r37) && is_known(S, S->r4) &&
		    cell(S, S->r1, k) + cell(S, S->r2, k) !=
		    cell(S, S->r37, k) + cell(S, S->r4, k))
			return 0;
	}
	return 1;
}

/* A reading of the whole table: note where the rows' cells agree. */
static void
solution(struct solve *S, const int *at)
{
	struct var *x;
	int i, k;

	for (i = 0; i < S->nvar; i++) {
		x = &S->var[i];
		x->used[at[i]] = 1;
		if (x->seen++ == 0) {
			x->first = at[i];
			memset(x->same, 1, sizeof x->same);
			continue;
		}
		for (k = 0; k < T3COLS; k++)
			if (x->same[k] && x->c[x->first].v[k] !=
			    x->c[at[i]].v[k]) {
				x->same[k] = 0;
				S->undecided--;
			}
	}
}

static void
search(struct solve *S, int depth, int *at)
{
	struct var *x;
	int j;

	if (S->gave_up || (S->var[0].seen > 0 && S->undecided == 0))
		return;
	if (++S->steps > SOLVE_MAXSTEPS) {
		S->gave_up = 1;
		return;
	}
	if (depth == S->nvar) {
		solution(S, at);
		return;
	}
	x = &S->var[depth];
	S->known[x->row] = 1;
	for (j = 0; j < x->ncand; j++) {
		memcpy(S->val[x->row], x->c[j].v, sizeof x->c[j].v);
		if (!consistent(S))
			continue;
		at[depth] = j;
		search(S, depth + 1, at);
	}
	S->known[x->row] = 0;
}

/* Rows 1, 2, 3.7 and 4 first: their identity and 3.7's bound prune
 * the rows 3.x from the start. */
static int
rank(const struct solve *S, int row)
{
	return row == S->r1 || row == S->r2 || row == S->r37 ||
	    row == S->r4 ? 0 : 1;
}

/* The slots of row r's readings in solutions: the cells all of them
 * place alike (a 0 printed or a blank left: place_agree_slots); the
 * cells its placement knew stay.  PLACE_ALL or PLACE_SOME. */
static int
placed_slots(const struct lrow *r, const struct var *x, struct slots *s)
{
	struct place_agree a = {0};
	long long w[T3COLS];
	unsigned char blank[T3COLS];
	unsigned mask;
	int j;

	for (mask = 0; mask < 1u << T3COLS; mask++) {
		if (__builtin_popcount(mask) != r->nval ||
		    !place_fill(r->val, mask, T3COLS, w, blank))
			continue;
		for (j = 0; j < x->ncand; j++)
			if (x->used[j] && memcmp(w, x->c[j].v, sizeof w) == 0)
				place_agree_add(&a, w, blank, T3COLS);
	}
	for (j = 0; j < T3COLS; j++)
		if (!s->set[j])
			s->val[j][0] = '\0';
	return place_agree_slots(&a, T3COLS, s);
}

static int
setup(struct solve *S, const struct lrow *rows, const char **key, int n,
    const struct slots *sb, const int *pb, const unsigned char *open)
{
	int i;

	if ((S->r37 = key_row(key, n, "3.7")) < 0 ||
	    (S->r1 = key_row(key, n, "1")) == -2 ||
	    (S->r2 = key_row(key, n, "2")) == -2 ||
	    (S->r4 = key_row(key, n, "4")) == -2)
		return 0;
	for (i = 0; i < n; i++) {
		if (!key[i] || pb[i] == PLACE_UNSEEN)
			continue;
		if (key_row(key, n, key[i]) != i)
			return 0;	/* printed twice */
		if (t3_has_prefix(key[i], "3.") && i != S->r37)
			S->leaf[S->nleaf++] = i;
		else if (i != S->r1 && i != S->r2 && i != S->r37 &&
		    i != S->r4)
			continue;	/* no identity holds it */
		if (open[i] && pb[i] != PLACE_ALL) {
			if (!readings(&rows[i], &sb[i], &S->var[S->nvar]))
				return 0;
			S->var[S->nvar++].row = i;
		} else if (row_counts(&sb[i], S->val[i]))
			S->known[i] = 1;
		else
			return 0;	/* a hole no reading fills */
	}
	return S->nvar > 0;
}

static int
by_rank(const void *a, const void *b, void *arg)
{
	const struct solve *S = arg;
	const struct var *x = a, *y = b;

	if (rank(S, x->row) != rank(S, y->row))
		return rank(S, x->row) - rank(S, y->row);
	return x->row - y->row;
}

/* Insertion sort by rank (qsort has no argument in C11). */
static void
order_vars(struct solve *S)
{
	struct var tmp;
	int i, j;

	for (i = 1; i < S->nvar; i++) {
		tmp = S->var[i];
		for (j = i; j > 0 && by_rank(&S->var[j - 1], &tmp, S) > 0; j--)
			S->var[j] = S->var[j - 1];
		S->var[j] = tmp;
	}
}

/* One search with the rows of open[] as unknowns: the rows it places
 * in sb and pb, solved[i] set for each.  -1 when no reading keeps the
 * identities or the search gave up. */
static int
solve_once(const struct lrow *rows, const char **key, int n,
    struct slots *sb, int *pb, const unsigned char *open,
    unsigned char *solved)
{
	struct solve S = {0};
	struct var *x;
	int *at, i, placed = -1;

	S.var = gip_xmalloc((n + 1) * sizeof *S.var);
	memset(S.var, 0, (n + 1) * sizeof *S.var);
	S.val = gip_xmalloc((n + 1) * sizeof *S.val);
	S.known = gip_xmalloc((n + 1) * sizeof *S.known);
	S.leaf = gip_xmalloc((n + 1) * sizeof *S.leaf);
	at = gip_xmalloc((n + 1) * sizeof *at);
	memset(S.known, 0, (n + 1) * sizeof *S.known);
	memset(S.val, 0, (n + 1) * sizeof *S.val);
	if (setup(&S, rows, key, n, sb, pb, open)) {
		order_vars(&S);
		S.undecided = S.nvar * T3COLS;
		search(&S, 0, at);
		if (!S.gave_up && S.var[0].seen > 0)
			placed = 0;
		for (i = 0; placed >= 0 && i < S.nvar; i++) {
			x = &S.var[i];
			if (!memchr(x->same, 1, T3COLS))
				continue;
			pb[x->row] = placed_slots(&rows[x->row], x,
			    &sb[x->row]);
			solved[x->row] = 1;
			placed++;
		}
	}
	free(S.var);
	free(S.val);
	free(S.known);
	free(S.leaf);
	free(at);
	return placed;
}

int
t3_solve_by_identities(const struct lrow *rows, const char **key, int n,
    struct slots *sb, int *pb, const unsigned char *open,
    const unsigned char *reopen, unsigned char *solved)
{
	unsigned char *both;
	struct slots *sb2;
	int *pb2, i, any = 0, placed;

	memset(solved, 0, n);
	if ((placed = solve_once(rows, key, n, sb, pb, open, solved)) >= 0)
		return placed;
	/* No reading keeps the identities with the rows read by position
	 * as they were: those rows' positions are in doubt too (a value
	 * lynx or pandoc printed under another column's title), and only
	 * a reading of them all in order is taken, else they are
	 * unread. */
	for (i = 0; i < n; i++)
		any |= reopen[i] && !open[i];
	if (!any)
		return 0;
	both = gip_xmalloc(n + 1);
	sb2 = gip_xmalloc((n + 1) * sizeof *sb2);
	pb2 = gip_xmalloc((n + 1) * sizeof *pb2);
	memcpy(sb2, sb, n * sizeof *sb2);
	memcpy(pb2, pb, n * sizeof *pb2);
	for (i = 0; i < n; i++) {
		both[i] = open[i] || reopen[i];
		if (reopen[i] && !open[i]) {
			memset(&sb2[i], 0, sizeof sb2[i]);
			sb2[i].n = T3COLS;
			pb2[i] = PLACE_SOME;
		}
	}
	if ((placed = solve_once(rows, key, n, sb2, pb2, both, solved)) >= 0)
		for (i = 0; i < n; i++)
			if (both[i]) {
				sb[i] = sb2[i];
				pb[i] = pb2[i];
				solved[i] = 1;
			}
	free(both);
	free(sb2);
	free(pb2);
	return placed < 0 ? 0 : placed;
}
