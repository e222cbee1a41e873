/* One input opened as a report (document.h). */
#include "docx.h"
#include "document.h"
#include "err.h"
#include "html.h"
#include "pdf.h"

int
document_read(struct document *d, const char *path)
{
	doctables_reset(&d->tables);
	if (gip_doc_read(&d->doc, path) < 0)
		return -1;
	switch (d->doc.kind) {
	case GIP_KIND_DOCX:
		return docx_read(&d->doc, &d->tables);
	case GIP_KIND_PDF:
		return pdf_read(&d->doc, &d->tables);
	default:
		return html_doc(&d->doc);
	}
}

void
document_free(struct document *d)
{
	gip_doc_free(&d->doc);
	doctables_free(&d->tables);
}
