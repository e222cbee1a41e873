/*
 * A row printed without its layout, its blank cells left out
 * (`pdftotext -raw`, readorder.h): its numbers, in the order of its
 * columns, fewer than its cells.  Every way to put them in order among
 * the cells that keeps the row's identities (t3: total = the sum of the
 * six applicant columns; t4: total = the sum of the four results;
 * gip(7)) is a reading; a cell all readings give one value is read,
 * the others are unread ('?', gip(5)).  A row of zeros is read whatever
 * its blanks: blank and 0 count alike.
 */
#ifndef GIP_ROPLACE_H
#define GIP_ROPLACE_H

#include "tables.h"

/* The most cells a run of rows may have for its readings to be counted. */
#define ROPLACE_MAXCELLS 16

/*
 * Cells c[0..m) (rows of one table, row by row, each row's cells in its
 * columns' order) and the n numbers v[0..n) printed for them, in order
 * (plain counts, n < m).  Each cell that every reading gives one value
 * is set to it ('' where every reading leaves it blank); with
 * only_unread, only cells that are '?'.  The other cells are set '?'
 * (only_unread: left as they are).  Returns how many readings there
 * are; 0: none, or too many cells: the cells are left as they are.
 */
int	roplace_rows(struct tcell *const *c, int m, const long long *v, int n,
	    int only_unread);

#endif
