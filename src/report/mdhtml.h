/*
 * Text that holds HTML tables among its lines: the Markdown that PDF
 * extractors (MinerU, marker) write, its tables as <table> elements,
 * tags anywhere on a line.  Read as an HTML page, so that its tables
 * reach placement with their cells and spans (doctables.h).
 */
#ifndef GIP_MDHTML_H
#define GIP_MDHTML_H

#include <stddef.h>

struct doctables;
struct html_text;

/*
 * Read text[0, len) as html_read does a page (html.h), each line outside
 * the <table> elements one paragraph of the report text, each table as
 * its markup says.  Returns 0, or -1 after reporting a problem for name.
 */
int	mdhtml_read(const char *name, const char *text, size_t len,
	    struct html_text *out, struct doctables *dt);

#endif
