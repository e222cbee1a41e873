/* One input opened as a report (document.h). */
#include <stdlib.h>

#include "buf.h"
#include "docx.h"
#include "document.h"
#include "err.h"
#include "gridframe.h"
#include "markdown.h"
#include "mdattr.h"
#include "mdhtml.h"
#include "mdpipe.h"
#include "mdspan.h"
#include "pdf.h"
#include "pdfhtml.h"

/* An HTML page, or text holding HTML tables (mdhtml.h): its report text
 * replaces the markup. */
static int
read_html(struct document *d)
{
	if ((d->doc.html == GIP_HTML_TABLES ? mdhtml_read : html_read)(
	    d->doc.name, d->doc.text, d->doc.len, &d->made, &d->tables) < 0)
		return -1;
	d->doc.text = d->made.p;
	d->doc.len = d->made.len;
	return 0;
}

/* Markdown (markdown.h): its plain text replaces it; HTML tables among
 * its lines are read as such (mdhtml.h). */
static int
read_markdown(struct document *d)
{
	struct buf plain = {0}, spans = {0};
	int tables;

	d->mdtext.len = 0;
	tables = md_plain(d->doc.text, d->doc.len, &spans);
	mdspan_fix(d->doc.name, spans.p, spans.len, &plain);
	buf_free(&spans);
	if (tables) {
		/* its pipe tables go to the HTML reader with the others */
		mdpipe_to_html(plain.p, plain.len, &d->mdtext);
		buf_free(&plain);
		d->doc.html = GIP_HTML_TABLES;
		d->doc.text = d->mdtext.p;
		d->doc.len = d->mdtext.len;
		return read_html(d);
	}
	buf_free(&d->mdtext);
	d->mdtext = plain;
	d->doc.html = 0;
	d->doc.text = d->mdtext.p;
	d->doc.len = d->mdtext.len;
	return 0;
}

/* pdftohtml's output (pdfhtml.h): its positioned text runs laid out as
 * a PDF's words are, or its flowed text made a print's text. */
static int
read_pdfhtml(struct document *d, enum pdfhtml_form form)
{
	if (form == PDFHTML_FLOW) {
		if (pdfhtml_flow(d->doc.name, d->doc.text, d->doc.len,
		    &d->mdtext) < 0)
			return -1;
		gip_doc_made(&d->doc, &d->mdtext);
		d->doc.row_order_lost = 1;
		return 0;
	}
	if (pdfhtml_words(d->doc.name, d->doc.text, d->doc.len, form,
	    &d->mdtext) < 0)
		return -1;
	return pdf_from_bbox(&d->doc, d->mdtext.p, d->mdtext.len,
	    &d->tables, &d->pdf);
}

int
document_read(struct document *d, const char *path)
{
	if (gip_doc_read(&d->doc, path) < 0)
		return -1;
	return document_open(d);
}

/*
 * Does the text hold none of the bytes (GIP_BYTE_*)?  Then mdattr_detect
 * (fences :::, attributes ]{), gridframe_blank (corners +) and md_detect
 * (# headings, | rows, < tags) find nothing without looking.
 */
static int
has_none(const struct gip_doc *doc, unsigned bytes)
{
	return (doc->absent & bytes) == bytes;
}

int
document_open(struct document *d)
{
	enum pdfhtml_form form;

	doctables_reset(&d->tables);
	switch (d->doc.kind) {
	case GIP_KIND_DOCX:
		return docx_read(&d->doc, &d->docx, &d->tables);
	case GIP_KIND_PDF:
		return pdf_read(&d->doc, &d->tables, &d->pdf);
	default:
		if ((form = pdfhtml_form(d->doc.text, d->doc.len)) !=
		    PDFHTML_NONE)
			return read_pdfhtml(d, form);
		/* pandoc's own Markdown: its attributes are no content
		 * (mdattr.h); then its grid tables' frames (gridframe.h).
		 * Each detector looks for a byte first that most texts do
		 * not hold, which decoding found (absent) or not. */
		if (d->doc.html != GIP_HTML_PAGE &&
		    !has_none(&d->doc, GIP_BYTE_COLON | GIP_BYTE_BRACKET) &&
		    mdattr_detect(d->doc.text, d->doc.len)) {
			mdattr_join(d->doc.text, d->doc.len);
			d->doc.len = gridframe_unwrap(d->doc.text, d->doc.len);
			d->doc.len = mdattr_strip(d->doc.text, d->doc.len);
			d->doc.absent = 0;
		}
		if (d->doc.html != GIP_HTML_PAGE &&
		    !has_none(&d->doc, GIP_BYTE_PLUS))
			gridframe_blank(d->doc.text, d->doc.len);
		if (!has_none(&d->doc, GIP_BYTE_LT | GIP_BYTE_HASH |
		    GIP_BYTE_BAR) && md_detect(d->doc.text, d->doc.len))
			return read_markdown(d);
		return d->doc.html ? read_html(d) : 0;
	}
}

void
document_free(struct document *d)
{
	gip_doc_free(&d->doc);
	doctables_free(&d->tables);
	docx_store_free(&d->docx);
	buf_free(&d->mdtext);
	free(d->made.p);
	d->made.p = NULL;
	d->made.len = d->made.cap = 0;
	pdf_free(&d->pdf);
}
