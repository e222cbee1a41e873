/*
 * pandoc's grid tables in plain text (pandoc -t plain or -t markdown of
 * a page whose tables hold paragraphs or other tables): `+-----+` rules
 * and `|` borders around cells, a layout table's one cell framing the
 * whole article, tables nested in it.  Their frame is blanked where it
 * stands, so that what is left is the text pandoc laid out inside it:
 * headings and prose, and tables whose cells stand in their columns,
 * read as space-aligned text (layout.h).
 */
#ifndef GIP_GRIDFRAME_H
#define GIP_GRIDFRAME_H

#include <stddef.h>

/*
 * Blank the frame of every regular grid table of text[0, len) in place:
 * the bars on its column boundaries become spaces, its rules the rules
 * of dashes of a simple table (dashcols.h; a one-column frame's rules
 * spaces), so lengths, line numbers and columns stay.  A grid is regular when every
 * rule has the top rule's corners and every other line a bar on each
 * boundary: pandoc's tables (it prints a spanning cell as the cell and
 * empty cells); a grid whose merged cells break a boundary (a box grid
 * drawn by hand or by another converter) is a bordered table and is left
 * as it is.  Returns how many tables were blanked.
 */
int	gridframe_blank(char *text, size_t len);

/*
 * pandoc's Markdown with its default wrapping (72 columns) wraps the text
 * of a grid table's cell inside its column, attributes too: a span's
 * `[第二十条]{style="font-size:10.0p` goes on, on the cell's next line,
 * `t;font-family:宋体"}`, and a value `[[1` is `84]{lang="EN-US"}` there.
 * mdattr.h reads attributes within a line.  Before it, the lines of a
 * cell that continue a span or an attribute block left open are joined
 * (as pandoc broke them: mid-token or at a blank, which the attributes do
 * without), their attributes dropped (mdattr_strip_line) and what is left
 * laid out again in the same lines of the same cell: the grid keeps its
 * frame and its lines, and a value's line is the line where its cell's
 * text begins.  Only the outermost grid is laid out again.  Returns the
 * new length (never longer); text[len] stays a NUL.
 */
size_t	gridframe_unwrap(char *text, size_t len);

#endif
