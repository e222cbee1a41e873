/* One input opened as a report (document.h). */
#include <stdlib.h>

#include "docx.h"
#include "document.h"
#include "err.h"
#include "gridframe.h"
#include "mdhtml.h"
#include "pdf.h"

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

int
document_read(struct document *d, const char *path)
{
	doctables_reset(&d->tables);
	if (gip_doc_read(&d->doc, path) < 0)
		return -1;
	switch (d->doc.kind) {
	case GIP_KIND_DOCX:
		return docx_read(&d->doc, &d->docx, &d->tables);
	case GIP_KIND_PDF:
		return pdf_read(&d->doc, &d->tables, &d->pdf);
	default:
		/* pandoc's grid tables framing text: their frames are no
		 * content (gridframe.h) */
		if (d->doc.html != GIP_HTML_PAGE)
			gridframe_blank(d->doc.text, d->doc.len);
		return d->doc.html ? read_html(d) : 0;
	}
}

void
document_free(struct document *d)
{
	gip_doc_free(&d->doc);
	doctables_free(&d->tables);
	docx_store_free(&d->docx);
	free(d->made.p);
	d->made.p = NULL;
	d->made.len = d->made.cap = 0;
	pdf_free(&d->pdf);
}
