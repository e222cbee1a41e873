/*
 * The cell keys (table, row, col) a sum meets, numbered as met, with
 * their place in the template's order and the 3.6 roll-up of gip-sum(1).
 */
#ifndef GIP_SUMKEY_H
#define GIP_SUMKEY_H

#include <stddef.h>

#include "cells.h"
#include "hash.h"

struct sumkey {
	char	*table, *row, *col;	/* one allocation, table first */
	size_t	 tlen, rlen, clen;
	int	 rank[3];	/* template order of table, row, col */
	int	 rollup;	/* 3.6.x: the key of 3.6 with its col, else -1 */
	int	 is36;		/* t3 row 3.6 itself */
	int	 next;		/* the key that came after it last, or -1 */
};

struct sumkeys {
	struct sumkey	*v;
	size_t		 n, cap;
	struct hash	 index;		/* "table\0row\0col" to its number */
	char		*scratch;	/* such a key being looked up */
	size_t		 scratchcap;
	int		 first;		/* the first key of the last report */
};

void	sumkeys_init(struct sumkeys *ks);
/*
 * The number of rec's key, added if new.  prev is the key of the
 * report's cell before it, or -1: reports list their cells in one order,
 * so the key that followed prev last time is tried before hashing.
 */
int	sumkeys_id(struct sumkeys *ks, const struct cells_rec *rec, int prev);
/* Every key's number in output order (template order, then bytes). */
int	*sumkeys_order(const struct sumkeys *ks);

#endif
