/* Column placement of row values; see place.h for the rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "place.h"

static void
slots_clear(struct slots *s, int n)
{
	memset(s, 0, sizeof *s);
	s->n = n;
}

static void
put(struct slots *s, int k, const struct vcell *c)
{
	s->set[k] = c->v.kind != V_UNKNOWN;
	strcpy(s->val[k], c->v.kind == V_NUMBER ? c->v.num : "");
}

/* total (last) = sum of the others. */
int
place_check_total(const long long *v, int n)
{
	long long sum = 0;
	int i;

	for (i = 0; i < n - 1; i++)
		sum += v[i];
	return sum == v[n - 1];
}

/* Three groups of five: total = upheld + corrected + other + pending. */
int
place_check_t4(const long long *v, int n)
{
	int g;

	for (g = 0; g + 5 <= n; g += 5)
		if (v[g] + v[g + 1] + v[g + 2] + v[g + 3] != v[g + 4])
			return 0;
	return 1;
}

/* Integer value of a cell for identities: blank 0; 0 if not a count. */
static int
as_count(const struct vcell *c, long long *out)
{
	char *end;

	if (c->v.kind == V_BLANK) {
		*out = 0;
		return 1;
	}
	if (!value_is_int(&c->v) || strlen(c->v.num) > 15)
		return 0;
	*out = strtoll(c->v.num, &end, 10);
	return 1;
}

int
place_counts(const struct vcell *v, int n, long long *out)
{
	int k;

	for (k = 0; k < n; k++)
		if (!as_count(&v[k], &out[k]))
			return 0;
	return 1;
}

/* Running agreement of the placements that satisfy the identities. */
void
place_agree_add(struct place_agree *a, const long long *row,
    const unsigned char *blank, int nslots)
{
	int k;

	for (k = 0; k < nslots; k++) {
		if (a->ncand == 0) {
			a->first[k] = row[k];
			a->same[k] = 1;
			a->allblank[k] = blank[k];
			continue;
		}
		a->same[k] &= row[k] == a->first[k];
		a->allblank[k] &= blank[k];
	}
	a->ncand++;
}

int
place_agree_slots(const struct place_agree *a, int nslots, struct slots *out)
{
	int k, placed = PLACE_ALL;

	if (a->ncand == 0)
		return PLACE_NONE;
	for (k = 0; k < nslots; k++) {
		if (!a->same[k]) {
			placed = PLACE_SOME;
			continue;
		}
		out->set[k] = 1;
		if (!a->allblank[k])
			snprintf(out->val[k], VALUE_MAX, "%lld", a->first[k]);
	}
	return placed;
}

int
place_fill(const struct vcell *v, unsigned mask, int nslots, long long *row,
    unsigned char *blank)
{
	int k, i = 0;

	for (k = 0; k < nslots; k++) {
		row[k] = 0;
		blank[k] = 1;
		if (!(mask >> k & 1))
			continue;
		if (!as_count(&v[i], &row[k]))
			return 0;
		blank[k] = v[i++].v.kind == V_BLANK;
	}
	return 1;
}

int
place_missing(const struct vcell *v, int nv, int nslots, place_check_fn ok,
    struct slots *out)
{
	struct place_agree a = {0};
	long long row[PLACE_MAX];
	unsigned char blank[PLACE_MAX];
	unsigned mask;

	for (mask = 0; mask < 1u << nslots; mask++) {
		if (__builtin_popcount(mask) != nv)
			continue;
		/* every mask places every value: one not a count fails all */
		if (!place_fill(v, mask, nslots, row, blank))
			return PLACE_NONE;
		if (ok(row, nslots))
			place_agree_add(&a, row, blank, nslots);
	}
	return place_agree_slots(&a, nslots, out);
}

static int
count_blank(const struct vcell *v, int nv)
{
	int i, n = 0;

	for (i = 0; i < nv; i++)
		n += v[i].v.kind == V_BLANK;
	return n;
}

/*
 * A full row whose only empty cell is at one end: that cell may be a
 * label-area or trailing cell the extractor displaced, not a blank value
 * (seeds 001, 002).  If the row without it is fixed by its identity, that
 * reading is taken; it never differs in value from the literal one.
 */
static int
place_displaced(const struct vcell *v, int nv, place_check_fn ok,
    struct slots *out)
{
	int lead = v[0].v.kind == V_BLANK, trail = v[nv - 1].v.kind == V_BLANK;

	if (lead == trail || count_blank(v, nv) != 1)
		return PLACE_NONE;
	if (place_missing(v + lead, nv - 1, nv, ok, out) == PLACE_ALL)
		return PLACE_ALL;
	slots_clear(out, nv);
	return PLACE_NONE;
}

/* Does the row v[0..n) satisfy the identity (or is there none)? */
static int
row_ok(const struct vcell *v, int n, place_check_fn ok)
{
	long long row[PLACE_MAX] = {0};

	return ok == NULL || (place_counts(v, n, row) && ok(row, n));
}

/*
 * Where the nslots cells start once the extra empty cells at the ends are
 * dropped, taking them from the front first or from the back first; -1
 * if the extra cells are not all empty.
 */
static int
trim_start(const struct vcell *v, int nv, int nslots, int front_first)
{
	int lead = 0, trail = 0, extra = nv - nslots;

	if (front_first)
		while (lead < extra && v[lead].v.kind == V_BLANK)
			lead++;
	while (lead + trail < extra && v[nv - 1 - trail].v.kind == V_BLANK)
		trail++;
	while (lead + trail < extra && v[lead].v.kind == V_BLANK)
		lead++;
	return lead + trail == extra ? lead : -1;
}

/* Equal as numbers, a blank counting as 0; the number is kept. */
static const struct vcell *
agreeing(const struct vcell *a, const struct vcell *b)
{
	long long x, y;

	if (a->v.kind == V_BLANK && b->v.kind == V_BLANK)
		return a;
	if (!as_count(a, &x) || !as_count(b, &y))
		return a->v.kind == b->v.kind && strcmp(a->v.num,
		    b->v.num) == 0 ? a : NULL;
	if (x != y)
		return NULL;
	return a->v.kind == V_NUMBER ? a : b;
}

/*
 * More cells than columns: empty cells at the ends are padding (a ragged
 * label area, a trailing TAB).  With empty cells at both ends either end
 * may be the padding: the identity picks the reading, and where it
 * cannot, only the cells both readings agree on are placed.
 */
static int
place_extra(const struct vcell *v, int nv, int nslots, place_check_fn ok,
    struct slots *out)
{
	int a = trim_start(v, nv, nslots, 1), b = trim_start(v, nv, nslots, 0);
	int k, oka, okb, placed = PLACE_ALL;
	const struct vcell *c;

	if (a < 0)
		return PLACE_NONE;
	oka = row_ok(v + a, nslots, ok);
	okb = row_ok(v + b, nslots, ok);
	if (a == b || oka != okb) {
		a = oka ? a : b;
		for (k = 0; k < nslots; k++)
			put(out, k, &v[a + k]);
		return PLACE_ALL;
	}
	for (k = 0; k < nslots; k++) {
		if ((c = agreeing(&v[a + k], &v[b + k])) != NULL)
			put(out, k, c);
		else
			placed = PLACE_SOME;
	}
	return placed;
}

int
place_sequence(const struct vcell *v, int nv, int nslots, place_check_fn ok,
    struct slots *out)
{
	int k;

	slots_clear(out, nslots);
	if (nv > nslots)
		return place_extra(v, nv, nslots, ok, out);
	if (nv == nslots && ok && nv > 1 &&
	    place_displaced(v, nv, ok, out) == PLACE_ALL)
		return PLACE_ALL;
	if (nv == nslots) {
		for (k = 0; k < nslots; k++)
			put(out, k, &v[k]);
		return PLACE_ALL;
	}
	if (ok == NULL || nv == 0)
		return PLACE_NONE;
	return place_missing(v, nv, nslots, ok, out);
}

/*
 * Positions known: each value to the column whose anchor is nearest
 * (the anchors and the values' points taken alike: edge).  Two values in one column means the columns are not what
 * we think: nothing is placed.  Unfilled columns are blank.
 */
int
place_nearest(const int *anchor, int n, int x, int *dist)
{
	int k, best = 0, d;

	*dist = 1 << 30;
	for (k = 0; k < n; k++)
		if ((d = abs(anchor[k] - x)) < *dist)
			*dist = d, best = k;
	return best;
}

/* The column of a cell that stands under its anchor (PLACE_*). */
int
place_x(const struct vcell *v, int edge)
{
	return edge == PLACE_RIGHT ? v->x1 : edge == PLACE_LEFT ? v->x0 :
	    (v->x0 + v->x1) / 2;
}

int
place_by_anchor(const struct vcell *v, int nv, const int *anchor,
    int nslots, int edge, struct slots *out)
{
	int i, k, best, d, x;
	unsigned taken = 0, lost = 0;

	slots_clear(out, nslots);
	for (i = 0; i < nv; i++) {
		x = place_x(&v[i], edge);
		best = place_nearest(anchor, nslots, x, &d);
		if (taken >> best & 1) {
			slots_clear(out, nslots);
			return PLACE_NONE;
		}
		taken |= 1u << best;
		lost |= (unsigned)(v[i].v.kind == V_UNKNOWN) << best;
		put(out, best, &v[i]);
	}
	for (k = 0; k < nslots; k++)
		out->set[k] = !(lost >> k & 1);
	return lost ? PLACE_SOME : PLACE_ALL;
}
