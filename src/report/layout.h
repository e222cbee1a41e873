/*
 * Layout readers: a region of report text, as extractors and converters
 * print tables, turned into rows of cells (grid.h).  One reader per family:
 * TAB rows, one cell per line, bordered (pipe and box-drawing grids) and
 * space-aligned columns.
 */
#ifndef GIP_LAYOUT_H
#define GIP_LAYOUT_H

#include <stddef.h>

#include "grid.h"
#include "lines.h"
#include "spaced.h"

enum layout { LAYOUT_TABROW, LAYOUT_CELLLINE, LAYOUT_BORDERED,
	LAYOUT_SPACED };

enum layout layout_detect(const char *text, size_t len, struct tlines *tl);
/* tl: layout_detect's lines of the same text. */
/* width: the document's width model so far (spaced.h), for and from
 * space-aligned tables. */
void	layout_read(enum layout kind, const char *text, size_t len,
	    long first_line, const struct tlines *tl,
	    enum spaced_width *width, struct grid *g);
const char *layout_name(enum layout kind);

#endif
