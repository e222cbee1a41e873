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
void	sumkeys_free(struct sumkeys *ks);	/* and init again */
/*
 * The number of rec's key, added if new.  prev is the key of the
 * report's cell before it, or -1: reports list their cells in one order,
 * so the key that followed prev last time is tried before hashing.
 * rec's fields have CELLS_PAD readable bytes, as the reader gives them.
 */
static inline int sumkeys_id(struct sumkeys *ks, const struct cells_rec *rec,
	    int prev);
int	sumkeys_id_hashed(struct sumkeys *ks, const struct cells_rec *rec,
	    int prev);
/*
 * Is rec's key k?  The key's "t\0r\0c" in one compare when rec's fields
 * lie so too (the reader's usual case), else field by field; as words
 * (both padded: cells.h, and a key's bytes are allocated so).
 */
static inline int
sumkey_is(const struct sumkey *k, const struct cells_rec *rec)
{
	const char *t = rec->field[CELL_TABLE];

	if (k->clen != rec->len[CELL_COL] || k->rlen != rec->len[CELL_ROW] ||
	    k->tlen != rec->len[CELL_TABLE])
		return 0;
	if (rec->field[CELL_ROW] == t + k->tlen + 1 &&
	    rec->field[CELL_COL] == rec->field[CELL_ROW] + k->rlen + 1)
		return cells_same(k->table, t, k->tlen + k->rlen + k->clen + 2);
	return cells_same(k->col, rec->field[CELL_COL], k->clen) &&
	    cells_same(k->row, rec->field[CELL_ROW], k->rlen) &&
	    cells_same(k->table, rec->field[CELL_TABLE], k->tlen);
}

/* Inline: the guess is right for most cells of a stream. */
static inline int
sumkeys_id(struct sumkeys *ks, const struct cells_rec *rec, int prev)
{
	int id = prev < 0 ? ks->first : ks->v[prev].next;

	if (id >= 0 && sumkey_is(&ks->v[id], rec))
		return id;
	return sumkeys_id_hashed(ks, rec, prev);
}

/* Every key's number in output order (template order, then bytes). */
int	*sumkeys_order(const struct sumkeys *ks);

#endif
