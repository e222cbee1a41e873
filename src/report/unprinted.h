/*
 * A table a converter could not print and left a placeholder for:
 * pandoc -t plain writes "[TABLE]" for a table it cannot lay out (spans
 * with paragraphs in cells wider than its 72 columns: Word's t3 and t4).
 * The report printed the table; its cells are not in the text.
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
 * Every row of table which (2, 3, 4) of template tpl (0: not known, the
 * rows both templates have) written as unread (CELL_UNREAD, gip(5)) at
 * line: the report printed them, nothing of them could be read.
 */
void	unprinted_fill(struct tables *t, int which, unsigned tpl, long line);

#endif
