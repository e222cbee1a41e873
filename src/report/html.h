/*
 * HTML reports (site pages and Word's "save as web page") as the report
 * text the table parser reads: one line per block, one line per table
 * row with its cells separated by TAB, merged cells laid out on a grid.
 */
#ifndef GIP_HTML_H
#define GIP_HTML_H

#include <stddef.h>

struct gip_doc;

/* Turn a decoded HTML document (UTF-8) into report text: block elements
 * as line breaks, tables as one line per <tr> with cells separated by TAB.
 * Returns 0, or -1 after reporting a problem for `name`. *out is owned by
 * the module and reused from call to call. */
int	html_to_text(const char *name, const char *html, size_t len,
	    char **out, size_t *outlen);

/* If doc is an HTML page, replace its text by the report text read from
 * it (line numbers then count lines of that text).  0, or -1 on trouble. */
int	html_doc(struct gip_doc *doc);

#endif
