/*
 * HTML reports (site pages and Word's "save as web page") read as report
 * text, one line per block and one per table row, and their tables with
 * their cells and spans (doctables.h).
 */
#ifndef GIP_HTML_H
#define GIP_HTML_H

#include <stddef.h>

struct doctables;

/* Report text: p[0, len) and a NUL, in storage of cap bytes that the
 * caller owns and html_read grows (start with all zero; free p). */
struct html_text {
	char	*p;
	size_t	 len, cap;
};

/*
 * Read a decoded HTML document (UTF-8) as report text into out: block
 * elements as line breaks, each table row as one line with a TAB
 * between grid columns.  Each table without tables inside also goes to
 * dt (unless NULL) as a doctable whose rows carry the lines they were
 * written on.  Returns 0, or -1 after reporting a problem for `name`.
 */
int	html_read(const char *name, const char *html, size_t len,
	    struct html_text *out, struct doctables *dt);

#endif
