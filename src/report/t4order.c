/*
 * Table 4 placed by order and identities (t4order.h): a cell is written
 * where every placement that adds up gives it the same count.  Where
 * some leave it blank and others put a 0 there (two zeros that may
 * stand in any of a group's five columns), it is written 0: blank and
 * 0 count the same in every identity and total (gip(5)), and a `?`
 * would take a number the report printed out of them.
 */
#include <stdlib.h>
#include <string.h>

#include "t4order.h"

#define T4N 15

/* The mask's placement of v as counts into row: 0 when one is not a
 * whole number. */
static int
fill(const struct vcell *v, unsigned mask, long long *row, const char **cell)
{
	static const char blank[] = "";
	int k, i = 0;

	for (k = 0; k < T4N; k++) {
		row[k] = 0;
		cell[k] = blank;
		if (!(mask >> k & 1))
			continue;
		if (!place_counts(&v[i], 1, &row[k]))
			return 0;
		cell[k] = v[i].v.kind == V_NUMBER ? v[i].v.num : blank;
		i++;
	}
	return 1;
}

/* What the placements that add up agree on, cell by cell. */
struct agree {
	int		 n;
	unsigned	 same;
	const char	*first[T4N];
};

/* 0 or blank: a count of nothing, as every identity reads it. */
static int
is_nothing(const char *cell)
{
	return cell[0] == '\0' || strcmp(cell, "0") == 0;
}

static void
agree_add(struct agree *a, const char *const *cell)
{
	int k;

	for (k = 0; k < T4N; k++) {
		if (a->n == 0)
			a->first[k] = cell[k];
		else if (strcmp(a->first[k], cell[k]) == 0)
			continue;
		else if (is_nothing(a->first[k]) && is_nothing(cell[k]))
			a->first[k] = "0";
		else
			a->same &= ~(1u << k);
	}
	if (a->n++ == 0)
		a->same = (1u << T4N) - 1;
}

static int
agree_slots(const struct agree *a, struct slots *s)
{
	int k, placed = PLACE_ALL;

	if (a->n == 0)
		return PLACE_NONE;
	for (k = 0; k < T4N; k++) {
		if (!(a->same >> k & 1)) {
			placed = PLACE_SOME;
			continue;
		}
		s->set[k] = 1;
		strcpy(s->val[k], a->first[k]);
	}
	return placed;
}

int
t4_order_place(const struct vcell *v, int nv, struct slots *s)
{
	struct agree a = {0};
	const char *cell[T4N];
	long long row[T4N];
	unsigned mask;

	memset(s, 0, sizeof *s);
	s->n = T4N;
	if (nv < 0 || nv > T4N)
		return PLACE_NONE;
	for (mask = 0; mask < 1u << T4N; mask++)
		if (__builtin_popcount(mask) == nv &&
		    fill(v, mask, row, cell) && place_check_t4(row, T4N))
			agree_add(&a, cell);
	return agree_slots(&a, s);
}

/* The search of t4_near_place: value i on, columns past last. */
#define T4NEARMAX 200000
struct near {
	const struct vcell	*v;
	int			 nv;
	unsigned		 cand[T4N];	/* columns value i may take */
	unsigned		 mask;		/* columns taken, in the
						 * values' order */
	long			 steps;
	struct agree		 a;
};

static void
near_try(struct near *n, int i, int last)
{
	const char *cell[T4N];
	long long row[T4N];
	int k;

	if (++n->steps > T4NEARMAX)
		return;
	if (i == n->nv) {
		if (fill(n->v, n->mask, row, cell) &&
		    place_check_t4(row, T4N))
			agree_add(&n->a, cell);
		return;
	}
	for (k = last + 1; k < T4N; k++)
		if (n->cand[i] >> k & 1) {
			n->mask |= 1u << k;
			near_try(n, i + 1, k);
			n->mask &= ~(1u << k);
		}
}

int
t4_near_place(const struct vcell *v, int nv, const int *anchor, int edge,
    int left, int right, struct slots *s)
{
	struct near n;
	int i, k, d, x;

	memset(s, 0, sizeof *s);
	s->n = T4N;
	if (nv <= 0 || nv > T4N)
		return PLACE_NONE;
	memset(&n, 0, sizeof n);
	n.v = v;
	n.nv = nv;
	for (i = 0; i < nv; i++) {
		if (v[i].x0 < 0)
			return PLACE_NONE;
		x = place_x(&v[i], edge);
		place_nearest(anchor, T4N, x, &d);
		for (k = 0; k < T4N; k++)
			if (anchor[k] - x <= d + right &&
			    x - anchor[k] <= d + left)
				n.cand[i] |= 1u << k;
	}
	near_try(&n, 0, -1);
	if (n.steps > T4NEARMAX)
		return PLACE_NONE;
	return agree_slots(&n.a, s);
}
