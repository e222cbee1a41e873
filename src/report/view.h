/*
 * One report's tables for reading: as the template prints them, with its
 * Chinese row and column headings, aligned by display width (CJK
 * characters take two columns), each row with the input line it was
 * read from (gip-tables --view, gip-tables(1)).
 */
#ifndef GIP_VIEW_H
#define GIP_VIEW_H

#include <stdio.h>

#include "meta.h"
#include "tables.h"

/* line_base: lines of the input before the report's text (0 for a whole
 * input), added to the lines shown. */
void	view_report(FILE *fp, const char *source, long line_base,
	    const struct meta *m, const struct tables *t);

#endif
