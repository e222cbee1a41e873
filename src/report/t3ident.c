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

/* Which columns the identities confirm (t3_counts_confirm) into
 * holds[k]; how many do not. */
static int
columns_confirmed(const char **key, int n, const struct slots *sb,
    const int *pb, int *holds)
{
	struct t3_counts c;
	int k, not = 0;

	t3_counts_read(&c, key, n, sb, pb);
	for (k = 0; k < T3COLS; k++)
		not += !(holds[k] = t3_counts_confirm(&c, k));
	t3_counts_free(&c);
	return not;
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
	int i, k, holds[T3COLS];

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
	columns_confirmed(key, n, sb, pb, holds);
	for (i = 0; i < n; i++)
		for (k = 0; k < T3COLS; k++)
			if (by_run[i] && pb[i] != PLACE_UNSEEN && !holds[k] &&
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
 * (t3_counts_confirm) is a reading of the table.  When exactly one
 * combination does, its rows are read so; else they stay as they were.
 */
void
t3_choose_tall(const char **key, int n, struct slots *sb, int *pb,
    const struct t3_readings *tr, const int *tall)
{
	struct slots *keep;
	int *at, *rows, m = 0, i, ok, found = 0, combos = 1;
	int holds[T3COLS];
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
		ok = columns_confirmed(key, n, sb, pb, holds) == 0;
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
