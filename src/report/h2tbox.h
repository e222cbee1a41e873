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
 * after a label) and should be read as it is.  *restored: the label's
 * cell + 1 when the label is the template's, so the line begins a row
 * of its own (a row of blanks above it does not go on in it); else 0.
 */
int	h2tbox_cells(const char *s, size_t n, const char **cs,
	    const char **ce, int max, char *buf, size_t size, int *restored);

#endif
