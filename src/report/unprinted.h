/*
 * A table the report printed whose cells are not in the text or cannot
 * be read, so that none of it was placed:
 * - a converter could not print it and left a placeholder: pandoc -t
 *   plain writes "[TABLE]" for a table it cannot lay out (spans with
 *   paragraphs in cells wider than its 72 columns: Word's t3 and t4);
 * - a converter printed it so garbled that no row can be read: html2text
 *   1.3.2 cuts and overlays a Word table's cells, yet its caption and
 *   column titles stand on short lines of their own.
 * Such a table is written as unread rows, not left absent: absent is an
 * error of the report (gip(5)), unread is the reader's.
 */
#ifndef GIP_UNPRINTED_H
#define GIP_UNPRINTED_H

#include "sections.h"
#include "tables.h"

/*
 * The line of the placeholder standing alone on a line of section
 * sec (its table's section), or 0 if it has none.
 */
long	unprinted_line(const char *text, const struct gip_section *sec);
/*
 * The line of the caption of table which (2, 3, 4; t3: the top of its
 * header) in section sec, its table's section, if the table's title is
 * printed there: the caption at the start of a short line (a cell, not
 * prose) and, on short lines from there on, the titles of at least two
 * of its columns (tmpl_heads); else 0.  A report that leaves the table
 * out, or ends before it, prints no such lines; t4, whose columns have
 * no title words in tmpl_heads, never has them.  *tpl: the template those
 * titles name (their words of one template only), else 0.
 */
long	unprinted_titled(const char *text, const struct gip_section *sec,
	    int which, unsigned *tpl);
/*
 * Every row of table which (2, 3, 4) of template tpl (0: not known, the
 * rows both templates have) written as unread (CELL_UNREAD, gip(5)) at
 * line, with a warning saying why (titled: its titles were found, else
 * the placeholder): the report printed them, nothing of them could be
 * read.
 */
void	unprinted_fill(struct tables *t, int which, unsigned tpl, long line,
	    int titled);

#endif
