/*
 * Every cell of the templates' tables numbered: a table is the grid of
 * the row keys and the column keys its rows have in either template
 * (tmpl.h), in template order, and a cell is its table's base plus
 * row * ncols + col.  Built once from tmpl_rows, read-only after.
 */
#ifndef GIP_CELLKEY_H
#define GIP_CELLKEY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tmpl.h"

#define CK_MAXTABLES	8
#define CK_MAXROWS	64
#define CK_MAXCOLS	16
#define CK_MAXCELLS	2048
#define CK_MAXTPL	8	/* template bits */

/*
 * A key as the lookups compare it: its length, its first 16 bytes as two
 * words, zero past the end, and the masks of those bytes (ck_is).
 */
struct ck_key {
	uint64_t	 w[2], m[2];
	size_t		 len;
};

struct ck_table {
	const char	*name;
	struct ck_key	 namekey;
	const char	*rows[CK_MAXROWS];
	struct ck_key	 rowkey[CK_MAXROWS];
	unsigned	 rowtpl[CK_MAXROWS];	/* the templates with the row */
	uint16_t	 colmask[CK_MAXROWS][CK_MAXTPL];	/* bit j: template
					   bit b has the row's column j */
	int		 nrows;
	const char	*cols[CK_MAXCOLS];
	struct ck_key	 colkey[CK_MAXCOLS];
	int		 ncols;
	int		 base;
	int		 index;		/* its place among the tables */
};

void	ck_init(void);
int	ck_ntables(void);
int	ck_ncells(void);
const struct ck_table *ck_table(int t);
int	ck_table_index(const char *name);	/* -1: none */
int	ck_row(const struct ck_table *t, const char *row);	/* -1: none */
int	ck_col(const struct ck_table *t, const char *col);	/* -1: none */

/*
 * Is the n bytes at s key k?  s must have CK_PAD readable bytes (past its
 * end too): the bytes are compared as words, a load and a mask each, not
 * by a call per key (the lookup of every cell of a stream).
 */
#define CK_PAD	16

static inline int
ck_is(const struct ck_key *k, const char *s, size_t n)
{
	uint64_t a, b;

	if (k->len != n)	/* keys are at most 16 bytes (ck_init) */
		return 0;
	memcpy(&a, s, 8);
	if ((a & k->m[0]) != k->w[0])
		return 0;
	if (n <= 8)
		return 1;
	memcpy(&b, s + 8, 8);
	return (b & k->m[1]) == k->w[1];
}

/*
 * The same lookups for a key of n bytes at s (CK_PAD readable), searched
 * from index near on and around (the last key found: a stream in
 * template order finds most keys at once; keys are unique, so where the
 * search starts does not change what it finds).  Inline: every cell of
 * a stream is looked up.
 */
int	ck_find_around(const struct ck_key *keys, int n, const char *s,
	    size_t len, int near);

static inline int
ck_find_near(const struct ck_key *keys, int n, const char *s, size_t len,
    int near)
{
	if (near >= 0 && near < n && ck_is(&keys[near], s, len))
		return near;
	if (near >= 0 && near + 1 < n && ck_is(&keys[near + 1], s, len))
		return near + 1;	/* the next row */
	return ck_find_around(keys, n, s, len, near);
}

const struct ck_table *ck_table_named(const char *s, size_t n);	/* NULL */

static inline int
ck_row_near(const struct ck_table *t, const char *s, size_t n, int near)
{
	return ck_find_near(t->rowkey, t->nrows, s, n, near);
}

static inline int
ck_col_near(const struct ck_table *t, const char *s, size_t n, int near)
{
	return ck_find_near(t->colkey, t->ncols, s, n, near);
}

/* Inline: the checks walk every cell of a report several times. */
static inline int
ck_cell(const struct ck_table *t, int row, int col)
{
	return t->base + row * t->ncols + col;
}
/* Where cell c (0 <= c < ck_ncells()) is: its table, row and column. */
const struct ck_table *ck_place(int c, int *row, int *col);
/* The columns of row i the templates tpl have, as bits (ck_in_template). */
static inline unsigned
ck_row_cols(const struct ck_table *t, int i, unsigned tpl)
{
	unsigned m = 0;

	for (tpl &= (1u << CK_MAXTPL) - 1; tpl != 0; tpl &= tpl - 1)
		m |= t->colmask[i][__builtin_ctz(tpl)];
	return m;
}
/* Has a template of tpl cell row i, col j of t? */
int	ck_in_template(const struct ck_table *t, int i, int j, unsigned tpl);
/* Does one of the rows stand for the other: is one a part of the other? */
int	ck_rows_related(const char *a, const char *b);
/* The templates with that cell. */
unsigned ck_cell_templates(const struct ck_table *t, int i, int j);
/* Its KIND_* in template bit tpl (one bit), or 0. */
int	ck_kind(const struct ck_table *t, int i, int j, unsigned tpl);
/* Its kind as the templates tpl have it (the lowest bit), else as the
 * first other template with the cell has it, or 0. */
int	ck_kind_for(const struct ck_table *t, int i, int j, unsigned tpl);

#endif
