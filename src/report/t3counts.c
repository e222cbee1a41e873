/*
 * Section 三's column identities over a table's counts (t3.h): 3.7 =
 * the sum of rows 3.x and 1 + 2 = 3.7 + 4 in each column.  The counts
 * are read from the rows' slots once, so that a search over readings of
 * some rows (t3fill.c) changes numbers, not text: formatting and parsing
 * each reading made that search seconds long on some tables.
 */
#include <stdlib.h>

#include "err.h"
#include "t3.h"

/* The rows the identities name, in the order of enum t3_role. */
static const char *const named[4] = {"1", "2", "3.7", "4"};

int
t3_role(const char *key)
{
	int j;

	for (j = 0; j < 4; j++)
		if (t3_same_key(key, named[j]))
			return T3_ROLE_1 + j;
	return t3_has_prefix(key, "3.") ? T3_ROLE_PART : T3_ROLE_NONE;
}

void
t3_counts_read(struct t3_counts *c, const char **key, int n,
    const struct slots *sb, const int *pb)
{
	int i, k;

	c->n = n;
	c->role = gip_xmalloc(n + 1);
	c->v = gip_xmalloc((n + 1) * sizeof *c->v);
	c->known = gip_xmalloc((n + 1) * sizeof *c->known);
	for (i = 0; i < n; i++) {
		c->role[i] = key[i] && pb[i] != PLACE_UNSEEN ?
		    t3_role(key[i]) : T3_ROLE_NONE;
		/* a row not seen may have no slots filled in */
		for (k = 0; k < T3COLS; k++) {
			c->v[i][k] = 0;
			c->known[i][k] = c->role[i] != T3_ROLE_NONE &&
			    t3_cell_count(&sb[i], k, &c->v[i][k]);
		}
	}
}

void
t3_counts_free(struct t3_counts *c)
{
	free(c->role);
	free(c->v);
	free(c->known);
}

int
t3_counts_balance(const struct t3_counts *c, int k, long long *r37,
    int *have37)
{
	long long r[4] = {0};
	int i, j, have[4] = {0};

	for (i = 0; i < c->n; i++) {
		if (c->role[i] == T3_ROLE_NONE || c->role[i] == T3_ROLE_PART)
			continue;
		if (!c->known[i][k])
			return -1;
		j = c->role[i] - T3_ROLE_1;
		r[j] = c->v[i][k];
		have[j] = 1;
	}
	*r37 = r[2];
	*have37 = have[2];
	return !(have[0] && have[1] && have[2] && have[3] &&
	    r[0] + r[1] != r[2] + r[3]);
}

int
t3_counts_column(const struct t3_counts *c, int k)
{
	long long r37, sum = 0;
	int i, have37, balance, parts = 0, unread_part = 0;

	/* an unread 3.x row leaves 1 + 2 = 3.7 + 4 to check; an unread
	 * row 1, 2, 3.7 or 4 leaves nothing */
	if ((balance = t3_counts_balance(c, k, &r37, &have37)) < 0)
		return -1;
	for (i = 0; i < c->n; i++) {
		if (c->role[i] != T3_ROLE_PART)
			continue;
		if (!c->known[i][k])
			unread_part = 1;
		else
			sum += c->v[i][k], parts = 1;
	}
	if (!unread_part && have37 && parts && sum != r37)
		return 0;
	if (balance == 0)
		return 0;
	return unread_part ? -1 : 1;
}

int
t3_counts_confirm(const struct t3_counts *c, int k)
{
	long long r37, sum = 0;
	int i, have37;

	if (t3_counts_balance(c, k, &r37, &have37) != 1 || !have37)
		return 0;
	for (i = 0; i < c->n; i++)
		if (c->role[i] == T3_ROLE_PART) {
			if (!c->known[i][k])
				return 0;
			sum += c->v[i][k];
		}
	return sum == r37;
}
