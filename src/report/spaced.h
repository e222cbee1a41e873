/*
 * Reading a space-aligned table region into rows of cells with their
 * columns (grid.positional): blank cells are invisible, positions tell.
 */
#ifndef GIP_SPACED_H
#define GIP_SPACED_H

#include <stddef.h>

#include "grid.h"
#include "lines.h"

/* How a converter counted a document's columns, as its tables told
 * (spaced_read). */
enum spaced_width { SPACED_UNKNOWN, SPACED_DISPLAY, SPACED_CHARS };

/* tl: the text's lines as layout_detect split them.  *doc: the width
 * model a table of the same document was clearly read in, SPACED_UNKNOWN
 * before; set when this table tells clearly.  NULL: the table is read on
 * its own. */
void	spaced_read(const char *text, size_t len, long first,
	    const struct tlines *tl, enum spaced_width *doc, struct grid *g);

#endif
