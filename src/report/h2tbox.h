/*
 * A row line of html2text's ruled tables (Debian html2text 1.3.2a,
 * -utf8), mended cell by cell.  html2text lays a row out in characters
 * but writes it into a line of bytes, cell after cell from the left and
 * the bars last: a CJK label longer (in bytes) than its column runs on
 * under the cells to its right, the next cell's text and the bar write
 * over it, and what is left shows after that cell's own text (`|0��文|`:
 * the number 0, then the remains of 规范性文件).  The label itself keeps
 * only the first bytes its column holds (`|规�|`).
 */
#ifndef GIP_H2TBOX_H
#define GIP_H2TBOX_H

#include <stddef.h>

/*
 * The cells of the row line s[0..n): numbers freed of the remains of the
 * label beside them (a cell of remains only is blank), and the label --
 * the last text cell before the numbers -- with those remains appended,
 * or the template's label when what survives of it names exactly one.
 * cs/ce point into buf (size bytes) or into s.  Returns the number of
 * cells (at most max), or -1 when the line is not such a row (no number
 * after a label) and should be read as it is.  *restored: 1 when the
 * label is the template's, so the line begins a row of its own (a row
 * of blanks above it does not go on in it).
 */
int	h2tbox_cells(const char *s, size_t n, const char **cs,
	    const char **ce, int max, char *buf, size_t size, int *restored);

/*
 * The template's label a label cut mid-character (U+FFFD) begins as,
 * its remains (numbers glued in left out) fitting in order; or NULL.
 */
const char *h2tbox_label(const char *label);
/* The same by the label's own text alone (three characters at least),
 * the label cut or not: what follows its first U+FFFD may be the next
 * row's, glued on; a label cut at a character's edge has none. */
const char *h2tbox_label_start(const char *label);

/*
 * t2's blocks of a grid read from such rows: where a block's labels are
 * cut to their first characters (`|规�|`, `|行�|`) and its data rows are
 * as many as one template's block has and begin as its labels do, in
 * order, they get the template's labels.  A block that left a row out
 * (no 规章) does not fit and keeps its labels.
 */
struct grid;
void	h2tbox_blocks(struct grid *g);

#endif
