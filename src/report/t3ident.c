/*
 * Section 三's identities (t3.h): 3.7 = the sum of rows 3.x and 1 + 2 =
 * 3.7 + 4 in each column, and total = the sum of the parts in each row,
 * which confirm readings that positions alone make, and choose among
 * the readings of tall rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "t3.h"

/*
 * A cell's count for the identities: 1 with *v set when it is known and
 * a plain count (blank = 0; at most 12 digits, so that sums of a
 * table's rows cannot overflow).
 */
int
t3_cell_count(const struct slots *s, int k, long long *v)
{
	const char *p = s->val[k];
	size_t len = strlen(p);

	if (!s->set[k] || len > 12 || strspn(p, "0123456789") != len)
		return 0;
	*v = len ? strtoll(p, NULL, 10) : 0;
	return 1;
}

/* Row `row`'s cell in column k: 0 when the row is absent (*have = 0),
 * -1 when it is not known. */
static int
row_cell(const char **key, int n, const struct slots *sb, const int *pb,
    const char *row, int k, long long *v, int *have)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++)
		if (key[i] && pb[i] != PLACE_UNSEEN &&
		    t3_same_key(key[i], row)) {
			*have = 1;
			return t3_cell_count(&sb[i], k, v) ? 0 : -1;
		}
	*have = 0;
	return 0;
}

/* Does column k keep 3.7 = the sum of rows 3.x and 1 + 2 = 3.7 + 4 (the
 * second where rows 1, 2 and 4 are there)?  0 also when a cell they
 * need is unread: then nothing confirms the column. */
static int
column_adds_up(const char **key, int n, const struct slots *sb,
    const int *pb, int k)
{
	long long r1, r2, r37, r4, sum = 0, v;
	int i, h1, h2, h37, h4, known = 1;

	if (row_cell(key, n, sb, pb, "1", k, &r1, &h1) < 0 ||
	    row_cell(key, n, sb, pb, "2", k, &r2, &h2) < 0 ||
	    row_cell(key, n, sb, pb, "3.7", k, &r37, &h37) < 0 ||
	    row_cell(key, n, sb, pb, "4", k, &r4, &h4) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!key[i] || pb[i] == PLACE_UNSEEN ||
		    !t3_has_prefix(key[i], "3.") || t3_same_key(key[i], "3.7"))
			continue;
		if (!t3_cell_count(&sb[i], k, &v)) {
			known = 0;
			break;
		}
		sum += v;
	}
	if (!h37 || !known || sum != r37)
		return 0;
	return !(h1 && h2 && h4 && r1 + r2 != r37 + r4);
}

/*
 * Rows placed by the columns of their run (columns_by_runs) are a
 * reading of positions alone: a run that drifted by a whole column still
 * fits.  The table's identities confirm them: a row whose total is not
 * the sum of its parts is unread, and so are the cells of such rows (with
 * a number other than 0, by_run) in a column whose identities cannot be
 * checked or fail.
 */
void
t3_confirm_runs(const char **key, int n, struct slots *sb, int *pb,
    const int *by_run)
{
	long long v[T3COLS];
	int i, k, bad[T3COLS];

	for (i = 0; i < n; i++) {
		if (!by_run[i] || pb[i] == PLACE_UNSEEN)
			continue;
		for (k = 0; k < T3COLS && t3_cell_count(&sb[i], k, &v[k]); k++)
			;
		if (k == T3COLS && !place_check_total(v, T3COLS)) {
			memset(&sb[i].set, 0, sizeof sb[i].set);
			pb[i] = PLACE_NONE;
		}
	}
	for (k = 0; k < T3COLS; k++)
		bad[k] = !column_adds_up(key, n, sb, pb, k);
	for (i = 0; i < n; i++)
		for (k = 0; k < T3COLS; k++)
			if (by_run[i] && pb[i] != PLACE_UNSEEN && bad[k] &&
			    sb[i].set[k]) {
				sb[i].set[k] = 0;
				if (pb[i] == PLACE_ALL)
					pb[i] = PLACE_SOME;
			}
}


/* Put reading r of a tall row into its slots: every cell known. */
static void
put_reading(struct slots *s, const struct t3_readings *tr, int r)
{
	int k;

	for (k = 0; k < T3COLS; k++) {
		s->set[k] = 1;
		if (tr->blank[r][k])
			s->val[k][0] = '\0';
		else
			snprintf(s->val[k], VALUE_MAX, "%lld", tr->v[r][k]);
	}
}

/* Most combinations of tall rows' readings tried. */
#define T3_MAXCOMBOS	4096

/*
 * Tall rows (t3tall.c) that more than one reading adds up are unread
 * where the readings disagree.  Each reading of each such row (tall[i],
 * readings tr[i]) is tried against the others': a combination that
 * makes every column keep 3.7 = the sum of rows 3.x and 1 + 2 = 3.7 + 4
 * (column_adds_up) is a reading of the table.  When exactly one
 * combination does, its rows are read so; else they stay as they were.
 */
void
t3_choose_tall(const char **key, int n, struct slots *sb, int *pb,
    const struct t3_readings *tr, const int *tall)
{
	struct slots *keep;
	int *at, *rows, m = 0, i, k, ok, found = 0, combos = 1;
	int *pick;

	for (i = 0; i < n; i++)
		if (tall[i] && pb[i] == PLACE_SOME && tr[i].n > 1 &&
		    !tr[i].full)
			m++;
	if (m == 0)
		return;
	rows = gip_xmalloc(m * sizeof *rows);
	at = gip_xmalloc(m * sizeof *at);
	pick = gip_xmalloc(m * sizeof *pick);
	keep = gip_xmalloc(m * sizeof *keep);
	for (m = 0, i = 0; i < n; i++)
		if (tall[i] && pb[i] == PLACE_SOME && tr[i].n > 1 &&
		    !tr[i].full) {
			rows[m] = i;
			keep[m] = sb[i];
			at[m++] = 0;
		}
	for (i = 0; i < m && combos <= T3_MAXCOMBOS; i++)
		combos *= tr[rows[i]].n;
	while (combos <= T3_MAXCOMBOS && found < 2) {
		for (i = 0; i < m; i++)
			put_reading(&sb[rows[i]], &tr[rows[i]], at[i]);
		for (ok = 1, k = 0; k < T3COLS && ok; k++)
			ok = column_adds_up(key, n, sb, pb, k);
		if (ok && found++ == 0)
			memcpy(pick, at, m * sizeof *at);
		/* The next combination, as an odometer. */
		for (i = 0; i < m && ++at[i] == tr[rows[i]].n; i++)
			at[i] = 0;
		if (i == m)
			break;
	}
	for (i = 0; i < m; i++) {
		sb[rows[i]] = keep[i];
		if (found == 1 && combos <= T3_MAXCOMBOS) {
			put_reading(&sb[rows[i]], &tr[rows[i]], pick[i]);
			pb[rows[i]] = PLACE_ALL;
		}
	}
	free(rows);
	free(at);
	free(pick);
	free(keep);
}
