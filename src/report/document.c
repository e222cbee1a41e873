/* One input opened as a report (document.h). */
#include "document.h"
#include "html.h"

int
document_read(struct document *d, const char *path)
{
	doctables_reset(&d->tables);
	if (gip_doc_read(&d->doc, path) < 0)
		return -1;
	return html_doc(&d->doc);
}

void
document_free(struct document *d)
{
	gip_doc_free(&d->doc);
	doctables_free(&d->tables);
}
