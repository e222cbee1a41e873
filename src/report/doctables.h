/*
 * Tables that a structured document gives with their cells: an HTML
 * page, a Word file, a PDF read by position.  Such a reader also writes
 * the document as report text (one line per block, one per table row)
 * for sections, meta and prose; each table here remembers the lines its
 * rows were written on, and the table reader takes its cells from here
 * instead of guessing a layout from that text again.
 */
#ifndef GIP_DOCTABLES_H
#define GIP_DOCTABLES_H

#include "grid.h"

/*
 * One table.  Each grid row is a table row (line: the report-text line it
 * was written on, or the source line where that is more useful); each
 * cell is one visible cell, its text cleaned, with x0, x1 the grid
 * columns it covers ([x0, x1): a colspan of 2 covers two); a blank cell
 * is a cell with empty text.  grid.positional is set when the columns
 * are known, so placement can use them.
 */
struct doctable {
	long		first_line, last_line;	/* lines of the report text */
	struct grid	g;
};

struct doctables {
	struct doctable	*t;
	int		 n, cap;
};

/* A new table at the end of dt, its grid empty (reused storage). */
struct doctable *doctables_add(struct doctables *dt, long first_line);
/* Forget every table, keeping the storage. */
void	doctables_reset(struct doctables *dt);
void	doctables_free(struct doctables *dt);

#endif
