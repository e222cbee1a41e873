/*
 * Rows a reader lost.  t3 is printed whole by every body (gip(7)), so a
 * row of it that the reader did not find is either left out by the
 * report or printed in a way the reader could not follow (a label spread
 * over lines by a print, its numbers drifting to a neighbour's line).
 * The two are told apart by what is left over where the row belongs:
 * when the text between the rows found before and after it prints more
 * numbers than were read from those rows, the row is written as unread
 * (CELL_UNREAD, "?"), not left to be reported absent.  (t4 writes its
 * three rows, read or unread; t2's rows may be left out by the report.)
 */
#ifndef GIP_UNSEEN_H
#define GIP_UNSEEN_H

#include "find.h"
#include "tables.h"

/*
 * Once t->tpl is decided: every t3 row that t->tpl requires, t lacks,
 * and whose place in text (t3's region r) prints numbers no row found
 * was read from -- one number at least for each row lost there; a page
 * footer's number is none -- is
 * written as unread, in template order among t3's cells, with a warning.  A row the report replaced by the other
 * template's (3.6 for 3.6.1-3.6.3) is not missing.
 */
void	unseen_fill(struct tables *t, const char *text,
	    const struct region *r);

#endif
