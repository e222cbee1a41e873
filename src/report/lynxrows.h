/*
 * How lynx prints tables it cannot align (spaced.c reads them): a Word
 * table one cell per paragraph, blank lines counting its empty cells; a
 * row joined on one line, one space more per empty cell.
 */
#ifndef GIP_LYNXROWS_H
#define GIP_LYNXROWS_H

#include <stddef.h>

#include "grid.h"

#define MAXTAIL	24	/* numbers of a joined row's tail */

/* A joined row's numbers: where each starts and ends, and the spaces
 * before it. */
struct tail {
	int	n;
	size_t	s[MAXTAIL], e[MAXTAIL];
	int	gap[MAXTAIL];
};

/* Does a line's text start with a number ("19件", "-3")? */
int	lynx_starts_number(const char *s, size_t n);
/* Is the text a table printed one cell per paragraph? */
int	lynx_cell_paragraphs(const char *text, size_t len);
/* n empty cells counted by blank paragraphs, to the grid's last row. */
void	lynx_counted_blanks(struct grid *g, int n);
/* The numbers ending a line after its label, into t: how many. */
int	lynx_line_tail(const char *s, size_t n, struct tail *t);
/* Is the text a table of joined rows (cells one space apart)? */
int	lynx_joined_rows(const char *text, size_t len);
/* A joined row's numbers as cells, empty cells counted from the gaps. */
void	lynx_joined_tail(struct grid *g, const char *s, const struct tail *t);

#endif
