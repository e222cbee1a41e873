/*
 * Pipe tables whose merged cells a converter spread out.  A pipe table
 * has no spans: pandoc writes a cell that spans two columns as its text
 * and an empty cell (a Word table whose data cells span other columns
 * than its header: `| 规章 | 0 |  | 0 | 0 |` under `| 信息内容 | 本年新制作数量
 * |  | 本年新公开数量 | 对外公开总数量 |`).  Which empty cells stand for a span
 * and which are blank values is lost; where only one reading is
 * possible, the row is written again with its values under its titles.
 */
#ifndef GIP_MDSPAN_H
#define GIP_MDSPAN_H

#include <stddef.h>

struct buf;

/*
 * text[0, len) (markdown.h's plain text of input name) appended to out,
 * line for line, each data row of a pipe table read as its visible
 * cells: after the row's label, its cells make as many values as the
 * header above names columns, each a cell and the empty cells after it
 * (spread from its span), the empty cells after the label the label's.
 * A row with one such reading that its positions do not give is written
 * with its values at the titles' columns; a row with two readings that
 * differ gets U+FFFD in those columns (unread, gip(5)) and a warning.
 */
void	mdspan_fix(const char *name, const char *text, size_t len,
	    struct buf *out);

#endif
