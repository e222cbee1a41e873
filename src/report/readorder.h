/*
 * A print's text without its layout (gip(7)): `pdftotext FILE.pdf` and
 * `pdftotext -raw` print a table cell by cell in reading order, one cell
 * or a few a line, never a gap of spaces between columns.  Blank cells
 * leave nothing, and pdftotext's reading order takes a table apart in
 * blocks (a column of labels, then a column of numbers, a row's last
 * number after the next row's label), so a row's numbers are where the
 * readers found them only when the text shows it: right after the row's
 * label come exactly its numbers, then text.  Cells the order does not
 * confirm are written unread ('?', gip(5)), never guessed.
 */
#ifndef GIP_READORDER_H
#define GIP_READORDER_H

#include <stddef.h>

#include "find.h"
#include "tables.h"

/* Is text (len bytes, a print: form feeds) printed without a layout:
 * no TAB, no line with a gap of two spaces between words, none that
 * begins with a pipe (a Markdown table)? */
int	readorder_text(const char *text, size_t len);

/*
 * The cells of t2, t3 and t4 in t checked against text's reading order:
 * the cells read from one line keep their values when the numbers that
 * follow that line are theirs, in order, and no more; else they become
 * unread.  where: the regions of t2, t3 and t4 in text.
 */
void	readorder_confirm(struct tables *t, const char *text, size_t len,
	    const struct region *where);

/*
 * For a text whose numbers of a row need not come in its columns' order
 * (pdftohtml's flowed text puts a wide number after narrower ones of its
 * row): only a row whose parts are one value reads the same in every
 * order, its total told by the row's identity; the cells of other rows
 * of t2, t3 and t4 become unread.
 */
void	readorder_unordered(struct tables *t);

#endif
