/*
 * Table 4 placed by order and identities (t4order.h), through place.c's
 * placements and their agreement: a cell is written where every
 * placement that adds up gives it the same count.  Where some leave it
 * blank and others put a 0 there (two zeros that may stand in any of a
 * group's five columns), it is written 0: blank and 0 count the same in
 * every identity and total (gip(5)), and a `?` would take a number the
 * report printed out of them.
 */
#include <string.h>

#include "t4order.h"

#define T4N 15

int
t4_order_place(const struct vcell *v, int nv, struct slots *s)
{
	memset(s, 0, sizeof *s);
	s->n = T4N;
	if (nv < 0 || nv > T4N)
		return PLACE_NONE;
	return place_missing(v, nv, T4N, place_check_t4, s);
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
	struct place_agree	 a;
};

static void
near_try(struct near *n, int i, int last)
{
	unsigned char blank[T4N];
	long long row[T4N];
	int k;

	if (++n->steps > T4NEARMAX)
		return;
	if (i == n->nv) {
		if (place_fill(n->v, n->mask, T4N, row, blank) &&
		    place_check_t4(row, T4N))
			place_agree_add(&n->a, row, blank, T4N);
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
	return place_agree_slots(&n.a, T4N, s);
}
