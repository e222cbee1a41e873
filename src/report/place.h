/*
 * Placing a row's values into the template's columns.  With positions,
 * each number goes to the nearest column.  Without them, when a row has
 * fewer values than columns, every order-keeping placement is tried and
 * the row's own identity (total = sum of the parts) decides; only cells
 * on which all surviving placements agree are placed.
 */
#ifndef GIP_PLACE_H
#define GIP_PLACE_H

#include "lrow.h"

#define PLACE_MAX 15

struct slots {
	int	n;
	int	set[PLACE_MAX];		/* 1: value known */
	char	val[PLACE_MAX][VALUE_MAX];	/* "" = blank */
};

/* Does a full row of n integers (blank = 0) satisfy the identities? */
typedef int (*place_check_fn)(const long long *v, int n);

enum { PLACE_ALL = 0, PLACE_SOME = 1, PLACE_NONE = -1 };

/* Which point of a cell stands under its column's anchor: values are
 * centred, right- or left-aligned like their column titles. */
enum { PLACE_CENTRE = 0, PLACE_RIGHT = 1, PLACE_LEFT = 2 };

/* The index of the anchor of anchor[0..n) nearest x (the first of equals),
 * its distance in *dist. */
int	place_nearest(const int *anchor, int n, int x, int *dist);
int	place_sequence(const struct vcell *v, int nv, int nslots,
	    place_check_fn ok, struct slots *out);
int	place_x(const struct vcell *v, int edge);
int	place_by_anchor(const struct vcell *v, int nv, const int *anchor,
	    int nslots, int edge, struct slots *out);
/* v[0..n) as counts for the identities (blank 0) into out: 0 when one
 * is not a whole number. */
int	place_counts(const struct vcell *v, int n, long long *out);
int	place_check_total(const long long *v, int n);

/*
 * Where the readings of a row that pass its check agree: each reading
 * (its counts, and which were blank) is added; the cells all agree on
 * then go to out (initialised by the caller), the others left unknown.
 * place_agree_slots: PLACE_ALL, PLACE_SOME, or PLACE_NONE without one.
 */
struct place_agree {
	int		ncand;
	long long	first[PLACE_MAX];
	unsigned char	same[PLACE_MAX], allblank[PLACE_MAX];
};
void	place_agree_add(struct place_agree *a, const long long *row,
	    const unsigned char *blank, int nslots);
int	place_agree_slots(const struct place_agree *a, int nslots,
	    struct slots *out);
int	place_check_t4(const long long *v, int n);

/*
 * The values v in order into the slots of mask (the others blank):
 * their counts in row[0..nslots), which are blank in blank; 0 if a
 * value is no count.
 */
int	place_fill(const struct vcell *v, unsigned mask, int nslots,
	    long long *row, unsigned char *blank);
/*
 * Fewer values than slots (nv <= nslots): every set of slots they may
 * take in order, the others blank; the cells on which every placement
 * that passes ok agrees go to out (initialised by the caller).
 * PLACE_ALL, PLACE_SOME, or PLACE_NONE when none passes.
 */
int	place_missing(const struct vcell *v, int nv, int nslots,
	    place_check_fn ok, struct slots *out);

#endif
