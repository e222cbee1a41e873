/*
 * One report as gip-check holds it while checking: its meta data, every
 * template cell (cellkey.h) with its value and the line it was printed
 * on, the prose figures, and the cells of no template.
 */
#ifndef GIP_MODEL_H
#define GIP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "cellkey.h"
#include "cells.h"

#define MAXPROSE	32
#define MAXBAD		16
#define MAXMETA		256

struct cell {
	int64_t		 v;
	long		 line;		/* where the report printed it; 0 */
	unsigned char	 seen, blank, unread, told;
};

struct meta {
	char		 s[MAXMETA];
	long		 line;
};

struct report {
	const char	*source;	/* the reader's, during the check */
	int		 nerrors, nwarns;
	int		 sum;		/* a gip-sum total (meta reports) */
	struct meta	 org, year, tpl;
	int		 has[CK_MAXTABLES];
	struct cell	*cell;		/* ck_ncells() */
	struct { int row; int64_t v; long line; } prose[MAXPROSE];
	int		 nprose;
	struct { char key[64]; long line; } bad[MAXBAD];
	int		 nbad;
	/* What was printed, kept as the cells come: each row's cells, and
	   the cells as bits (the next report clears only those). */
	unsigned char	 rowcells[CK_MAXTABLES][CK_MAXROWS];	/* printed */
	unsigned char	 rowunread[CK_MAXTABLES][CK_MAXROWS];	/* a cell was
					   given as '?' (perhaps given again) */
	uint16_t	 rowcols[CK_MAXTABLES][CK_MAXROWS];	/* bit j: the
					   row's column j printed */
	uint64_t	 seen[CK_MAXCELLS / 64];
	/* Cells given blank, unread, or a number below 0 or not whole, at
	   some time (the cell says what it is now): the few check_negative
	   and count_blanks look at. */
	uint64_t	 odd[CK_MAXCELLS / 64];
	const struct ck_table *neartb;	/* the last cell's table, row, col: */
	int		 near[2];	/* where the next is looked up first */
};

void	report_init(struct report *r);
void	report_begin(struct report *r, const char *source);
/* A cell of a report as group.h hands it on (GROUP_PAD bytes readable
 * past each field's start).  Returns 0 (a cells_fn's go on). */
int	report_take(struct report *r, const struct cells_rec *rec);
static inline struct cell *
report_cell(const struct report *r, const struct ck_table *t, int row,
    int col)
{
	return &r->cell[ck_cell(t, row, col)];
}

static inline int
report_row_seen(const struct report *r, const struct ck_table *t, int row)
{
	return r->rowcells[t->index][row] > 0;
}

/*
 * For each printed cell at, in cell order: k and w are the caller's
 * (int, uint64_t), the word of r->seen and what is left of it.
 */
#define REPORT_EACH_SEEN(r, k, w, at)	REPORT_EACH_BIT((r)->seen, k, w, at)
#define REPORT_EACH_ODD(r, k, w, at)	REPORT_EACH_BIT((r)->odd, k, w, at)
#define REPORT_EACH_BIT(bits, k, w, at)					\
	for ((k) = 0; (k) < CK_MAXCELLS / 64; (k)++)			\
		for ((w) = (bits)[k]; (w) != 0 && ((at) = (k) * 64 +	\
		    __builtin_ctzll(w), 1); (w) &= (w) - 1)

/* The line of the first cell of the row printed with one, or 0. */
long	report_row_line(const struct report *r, const struct ck_table *t,
	    int row);

#endif
