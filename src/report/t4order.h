/*
 * Table 4's 15 values placed by their order and the identities alone:
 * a cell is placed only when every placement that adds up gives it the
 * same count (0 where some leave it blank and others put 0 there).
 */
#ifndef GIP_T4ORDER_H
#define GIP_T4ORDER_H

#include "lrow.h"
#include "place.h"

/* v[0..nv) (nv <= 15) in order into 15 slots: PLACE_ALL, PLACE_SOME,
 * or PLACE_NONE when no placement adds up. */
int	t4_order_place(const struct vcell *v, int nv, struct slots *s);

/*
 * v[0..nv) printed under titles at anchor[0..15) (their points edge,
 * place.h) that stand only roughly over their columns: each value may
 * go to any column whose anchor is no more than left (right) further
 * left (right) of it than its nearest, the values left to right in
 * columns left to right.  The placements that add up agree as above;
 * PLACE_NONE when none does (or too many to try).
 */
int	t4_near_place(const struct vcell *v, int nv, const int *anchor,
	    int edge, int left, int right, struct slots *s);

#endif
