/*
 * Tables printed in reading order (gip(7)): PDF-to-text extractors
 * without a layout mode (pdftotext, pdftotext -raw, pdfminer) print a
 * table's labels as a run of lines and its numbers apart, one number a
 * line, in blocks between blank lines: a row's numbers after each other
 * (row by row), or a block of k numbers for each column of k consecutive
 * rows (column by column).  The template fixes the order of the rows
 * and columns; the numbers are placed by that order when their count is
 * exactly the seen rows times the columns, the blocks fit one reading,
 * and the template's identities hold for it -- and only then.
 */
#ifndef GIP_COLMAJOR_H
#define GIP_COLMAJOR_H

#include <stddef.h>

#include "grid.h"
#include "tables.h"

/*
 * Table 3 from its grid g (t3_extract), and, where that leaves cells
 * unread and text (the table's region, len bytes, its first line
 * `line`) is given, from its numbers in reading order.  Returns as
 * t3_extract does.
 */
int	colmajor_t3(const struct grid *g, const char *text, size_t len,
	    long line, struct tables *t);

#endif
