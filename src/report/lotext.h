/*
 * How LibreOffice's text export (soffice --convert-to "txt:Text
 * (encoded):UTF8") prints tables (spaced.c reads them): one cell
 * paragraph a line, no TABs, and a cell whose paragraph holds only a
 * no-break space (&nbsp;) as a line of that one character.
 */
#ifndef GIP_LOTEXT_H
#define GIP_LOTEXT_H

#include <stddef.h>

#include "lines.h"

/* Is s[0..n) a line of one no-break space alone (a trailing CR
 * allowed)? */
int	lo_is_nbsp_line(const char *s, size_t n);
/* Is the document LibreOffice's text export: two lines or more of a
 * no-break space alone? */
int	lo_text_export(const char *text, size_t len);
/* Are the lines of tl, of such a document (tl->lo), LibreOffice's cell
 * paragraphs: hardly a line holding two cells? */
int	lo_cell_lines(const struct tlines *tl);

#endif
