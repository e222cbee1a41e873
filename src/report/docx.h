/*
 * Word files (.docx: a zip of WordprocessingML) read by their structure:
 * paragraphs become lines of report text, with the list numbers Word
 * generates (一、 （二） 1.) written into them; each table becomes one
 * line per row, cells separated by TAB, and is handed over whole with
 * its cells and grid columns (doctables.h).
 */
#ifndef GIP_DOCX_H
#define GIP_DOCX_H

#include "doctables.h"
#include "input.h"

/* word/document.xml and its numbering and styles, inflated, at most.
 * libxml2's tree takes up to 16 times a part (a table of tiny cells):
 * 16 MiB keeps a hostile file near 260 MiB; real reports' document.xml
 * are 0.1-5 MiB. */
#define DOCX_MAX_PART	(16u << 20)
/* The report text made of it, at most (as a text input: GIP_MAX_INPUT). */
#define DOCX_MAX_TEXT	GIP_MAX_INPUT
/* A table's grid columns are written to dt as this many units each, so
 * that placement by position (place.h) tells neighbours apart. */
#define DOCX_COL_UNITS	8

/* doc->bytes are a Word file: set doc->text to its report text (owned
 * here, reused from call to call) and fill dt.  0, or -1 after a
 * message naming the input. */
int	docx_read(struct gip_doc *doc, struct doctables *dt);

#endif
