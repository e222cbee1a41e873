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
 * Display columns per grid column in a doctable's x0, x1.  The table
 * readers treat x as display positions: t4 merges header words less
 * than 3 apart and t3 wants its column anchors at least 3 apart, so the
 * grid columns are spread out.
 */
#define DOCTABLE_COLW	4

/*
 * One table.  Each grid row is a table row (line: the report-text line it
 * was written on); each cell is one visible cell, its text cleaned, with
 * x0, x1 the grid columns it covers times DOCTABLE_COLW ([x0, x1): a
 * colspan of 2 covers two); a blank cell is a cell with empty text.  A
 * cell spanning rows is in its first row only: the rows below have
 * nothing where it stands (their labels are their own cells, and a
 * value belongs to one row).  Rows of empty cells are left out.
 * grid.positional is set: placement uses the columns.
 */
struct doctable {
	long		first_line, last_line;	/* lines of the report text */
	struct grid	g;
};

struct doctables {
	struct doctable	*t;
	int		 n, cap;
	/* The report-text line of the document's own title (an HTML page's
	 * heading naming the report), 0 if it has none: meta data prefer
	 * it to whatever text comes first (site navigation). */
	long		 title_line;
};

/* A new table at the end of dt, its grid empty (reused storage). */
struct doctable *doctables_add(struct doctables *dt, long first_line);
/*
 * Put the value cells of t's data rows under the header's columns.  A
 * header (the rows above a run of data rows) divides the table into
 * columns by the edges of its cells; when a data row has as many value
 * cells (the cells after its last label) as the header has columns right
 * of the labels, its k-th value cell takes the k-th column's x, whatever
 * grid columns it spans: a visible cell is one value.  Other rows keep
 * their grid columns.
 */
void	doctable_align(struct doctable *t);
/* Forget every table, keeping the storage. */
void	doctables_reset(struct doctables *dt);
void	doctables_free(struct doctables *dt);

#endif
