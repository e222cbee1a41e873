/*
 * Table 4 placed by order and identities (t4order.h).  place_sequence
 * keeps a cell where the placements that add up agree on its count,
 * and writes 0 where some of them leave it blank: in a print whose two
 * zeros may stand in any of a group's five columns all five came out
 * 0 (three wrong: blank was printed).  Here blank and 0 differ.
 */
#include <string.h>

#include "t4order.h"

#define T4N 15

/* The mask's placement of v as counts into row: 0 when one is not a
 * whole number. */
static int
fill(const struct vcell *v, unsigned mask, long long *row, const char **cell)
{
	static const char blank[] = "";
	struct vcell one[1];
	int k, i = 0;

	for (k = 0; k < T4N; k++) {
		row[k] = 0;
		cell[k] = blank;
		if (!(mask >> k & 1))
			continue;
		one[0] = v[i];
		if (!place_counts(one, 1, &row[k]))
			return 0;
		cell[k] = v[i].v.kind == V_NUMBER ? v[i].v.num : blank;
		i++;
	}
	return 1;
}

int
t4_order_place(const struct vcell *v, int nv, struct slots *s)
{
	const char *cell[T4N], *first[T4N];
	long long row[T4N];
	unsigned mask, same = 0;
	int k, n = 0, placed = PLACE_ALL;

	memset(s, 0, sizeof *s);
	s->n = T4N;
	if (nv < 0 || nv > T4N)
		return PLACE_NONE;
	for (mask = 0; mask < 1u << T4N; mask++) {
		if (__builtin_popcount(mask) != nv || !fill(v, mask, row, cell))
			continue;
		if (!place_check_t4(row, T4N))
			continue;
		for (k = 0; k < T4N; k++) {
			if (n == 0)
				first[k] = cell[k];
			else if (strcmp(first[k], cell[k]) != 0)
				same &= ~(1u << k);
		}
		if (n++ == 0)
			same = (1u << T4N) - 1;
	}
	if (n == 0)
		return PLACE_NONE;
	for (k = 0; k < T4N; k++) {
		if (!(same >> k & 1)) {
			placed = PLACE_SOME;
			continue;
		}
		s->set[k] = 1;
		strcpy(s->val[k], first[k]);
	}
	return placed;
}
