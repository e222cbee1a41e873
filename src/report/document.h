/*
 * One input opened as a report: read and decoded (input.h) and, for an
 * HTML page, a Word file or a PDF, turned into report text with its tables
 * handed over whole (doctables.h).  Every program that reads reports opens them here, so a
 * new kind of document is one reader added in one place.
 */
#ifndef GIP_DOCUMENT_H
#define GIP_DOCUMENT_H

#include "buf.h"
#include "doctables.h"
#include "docx.h"
#include "html.h"
#include "input.h"
#include "pdf.h"

struct document {
	struct gip_doc		doc;	/* the report text, UTF-8, LF */
	struct doctables	tables;	/* empty for plain text */
	struct html_text	made;	/* storage of the HTML reader's text */
	struct buf		mdtext;	/* Markdown's plain text (markdown.h) */
	struct docx_store	docx;	/* the Word reader's storage */
	struct pdf		pdf;	/* the PDF reader's storage */
};

/* Open path ("-": stdin) into d, reusing its storage.  0, or -1 after a
 * message naming the input. */
int	document_read(struct document *d, const char *path);
/* The same for d->doc as gip_doc_read or gip_doc_from_bytes left it (the
 * fuzz targets hand it an exact-size copy of the text). */
int	document_open(struct document *d);
void	document_free(struct document *d);

#endif
