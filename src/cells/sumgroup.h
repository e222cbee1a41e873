/*
 * The groups of a sum: per group key (sumby.h), exact totals per cell
 * key (sumkey.h), what was seen of each, and the counts of reports,
 * blank and unread cells.
 */
#ifndef GIP_SUMGROUP_H
#define GIP_SUMGROUP_H

#include <stddef.h>
#include <stdint.h>

#include "cells.h"
#include "hash.h"
#include "num.h"
#include "sumby.h"

/* What a group has of one key, in rising order: a value outranks "?". */
enum { SEEN_NONE, SEEN_BLANK, SEEN_UNREAD, SEEN_VALUE };

struct sumgroup {
	char		*key;		/* parts, NUL-separated */
	size_t		 keylen;
	char		*name;		/* the parts joined by '/' */
	char		*meta[SUM_NFIELDS];	/* grouped meta values or NULL */
	int64_t		 reports, blanks, unread;
	int64_t		*sum;		/* per cell key */
	unsigned char	*seen;		/* per cell key, SEEN_* */
	size_t		 cap;		/* cell keys sum and seen have room for */
};

struct sumgroups {
	struct sumgroup	*v;
	size_t		 n, cap;
	struct hash	 index;		/* key to its number */
};

/* The group of key (keylen bytes), new and empty if not met before. */
struct sumgroup *sumgroups_get(struct sumgroups *gs, const char *key,
	    size_t keylen);
/* Room in g for cell keys 0 to nkeys - 1. */
void	sumgroup_reserve(struct sumgroup *g, size_t nkeys);
/* Add a cell (a value, a blank or an unread) under key id: num_add's. */
int	sumgroup_add(struct sumgroup *g, int id, const struct cells_rec *c);
/* The same for a cell as gip-sum keeps it: blank, unread or a value.
 * Inline: every cell of a sum comes here. */
static inline int
sumgroup_add_value(struct sumgroup *g, int id, int blank, int unread,
    int64_t value)
{
	unsigned char seen = blank ? SEEN_BLANK : unread ? SEEN_UNREAD :
	    SEEN_VALUE;

	if (seen > g->seen[id])
		g->seen[id] = seen;
	if (seen != SEEN_VALUE)
		return NUM_OK;
	return num_add(&g->sum[id], value);
}
/*
 * Add every group of from into into (sums, seen, counts, meta values of a
 * new group), nkeys cell keys each; 0, or NUM_RANGE when a sum
 * overflows.  Then from is empty.
 */
int	sumgroups_merge(struct sumgroups *into, struct sumgroups *from,
	    size_t nkeys);
/* Empty the table. */
void	sumgroups_clear(struct sumgroups *gs);
/* Sort the groups by name, then key. */
void	sumgroups_sort(struct sumgroups *gs);

#endif
