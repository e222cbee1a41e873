/*
 * Every cell of the templates' tables numbered: a table is the grid of
 * the row keys and the column keys its rows have in either template
 * (tmpl.h), in template order, and a cell is its table's base plus
 * row * ncols + col.  Built once from tmpl_rows, read-only after.
 */
#ifndef GIP_CELLKEY_H
#define GIP_CELLKEY_H

#include "tmpl.h"

#define CK_MAXTABLES	8
#define CK_MAXROWS	64
#define CK_MAXCOLS	16
#define CK_MAXCELLS	2048
#define CK_MAXTPL	8	/* template bits */

struct ck_table {
	const char	*name;
	const char	*rows[CK_MAXROWS];
	unsigned	 rowtpl[CK_MAXROWS];	/* the templates with the row */
	int		 nrows;
	const char	*cols[CK_MAXCOLS];
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
/* The same, searched from index near on and around (the last key
 * found: a stream in template order finds most keys at once). */
int	ck_table_near(const char *name, int near);
int	ck_row_near(const struct ck_table *t, const char *row, int near);
int	ck_col_near(const struct ck_table *t, const char *col, int near);
/* Inline: the checks walk every cell of a report several times. */
static inline int
ck_cell(const struct ck_table *t, int row, int col)
{
	return t->base + row * t->ncols + col;
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
