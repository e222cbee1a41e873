/* Markdown pipe tables made HTML tables (mdpipe.h). */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "markdown.h"
#include "mdpipe.h"
#include "text.h"

/* Cell text s[0, n) escaped for HTML. */
static void
add_escaped(struct buf *out, const char *s, size_t n)
{
	const char *run = s, *end = s + n;

	for (; s < end; s++) {
		if (*s != '<' && *s != '>' && *s != '&')
			continue;
		buf_add(out, run, (size_t)(s - run));
		buf_add(out, *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : "&amp;",
		    *s == '&' ? 5 : 4);
		run = s + 1;
	}
	buf_add(out, run, (size_t)(end - run));
}

/* The pipe row s[0, n) as <tr>: a cell between each two bars; the bar
 * last may be left out (GFM). */
static void
add_row(struct buf *out, const char *s, size_t n)
{
	const char *end, *bar;

	md_trim(&s, &n);
	end = s + n;
	s++;			/* the first bar */
	buf_add(out, "<tr>", 4);
	while (s < end) {
		bar = memchr(s, '|', (size_t)(end - s));
		if (bar == NULL)
			bar = end;
		n = (size_t)(bar - s);
		if (bar < end || !text_is_blank(s, n)) {
			md_trim(&s, &n);
			buf_add(out, "<td>", 4);
			add_escaped(out, s, n);
			buf_add(out, "</td>", 5);
		}
		s = bar + 1;
	}
	buf_add(out, "</tr>", 5);
}

/* Past the <table> element that starts at s (its </table> found
 * case-insensitively; end when never closed). */
static const char *
skip_table(const char *s, const char *end)
{
	const char *p;

	for (p = s + 1; p + 8 <= end; p++)
		if (p[0] == '<' && p[1] == '/' && strncasecmp(p + 2, "table",
		    5) == 0)
			return p + 7;
	return end;
}

void
mdpipe_to_html(const char *text, size_t len, struct buf *out)
{
	const char *s = text, *end = text + len, *nl, *nl2, *t;
	size_t n, n2;
	int in = 0;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - s);
		if (!in && (t = memchr(s, '<', n)) != NULL &&
		    strncasecmp(t, "<table", 6) == 0) {
			/* an HTML table: as written */
			nl = skip_table(t, end);
			buf_add(out, s, (size_t)(nl - s));
			s = nl;
			continue;
		}
		if (!in && md_is_pipe_row(s, n) && nl < end) {
			nl2 = memchr(nl + 1, '\n', (size_t)(end - nl - 1));
			n2 = (size_t)((nl2 ? nl2 : end) - nl - 1);
			if (md_delimiter_row(nl + 1, n2)) {
				buf_add(out, "<table>", 7);
				add_row(out, s, n);
				buf_add(out, "\n\n", 2);	/* the delimiter row */
				s = nl2 ? nl2 + 1 : end;
				in = 1;
				continue;
			}
		}
		if (in && !md_is_pipe_row(s, n)) {
			buf_add(out, "</table>\n", 9);
			in = 0;
		}
		if (in) {
			add_row(out, s, n);
			buf_add(out, "\n", 1);
		} else
			buf_add(out, s, (size_t)(nl - s) + (nl < end));
		s = nl + (nl < end);
	}
	if (in)
		buf_add(out, "</table>\n", 9);
}
