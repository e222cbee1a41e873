/*
 * Text holding HTML tables, made into one HTML page (mdhtml.h).  Outside
 * the tables each line becomes a <p> with its < and > escaped (prose and
 * Markdown are text, not markup; an entity such as &nbsp; is what the
 * extractor meant); a table, from its <table> tag to the </table> that
 * closes it (tables inside counted), is passed on as written.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "html.h"
#include "mdhtml.h"

/* Is p (before end) a tag named name: "<name" then '>', space or end? */
static int
is_tag(const char *p, const char *end, const char *name)
{
	size_t k = strlen(name);

	return (size_t)(end - p) >= k && strncasecmp(p, name, k) == 0 &&
	    (p + k == end || strchr("> \t\n/", p[k]) != NULL);
}

/* Where the table whose <table> tag is at p ends: past its </table>, or
 * at end when it is never closed. */
static const char *
table_end(const char *p, const char *end)
{
	int depth = 0;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (is_tag(p, end, "<table"))
			depth++;
		else if (is_tag(p, end, "</table") && --depth == 0) {
			p = memchr(p, '>', (size_t)(end - p));
			return p ? p + 1 : end;
		}
		p++;
	}
	return end;
}

/* The first <table> tag in [p, end), or NULL. */
static const char *
next_table(const char *p, const char *end)
{
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (is_tag(p, end, "<table"))
			return p;
		p++;
	}
	return NULL;
}

/* Text s[0, n) as paragraphs, one a line, < > & escaped but entities. */
static void
add_paragraphs(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n, *nl;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL)
			nl = end;
		buf_add(b, "<p>", 3);
		for (; s < nl; s++) {
			if (*s == '<')
				buf_add(b, "&lt;", 4);
			else if (*s == '>')
				buf_add(b, "&gt;", 4);
			else
				buf_add(b, s, 1);
		}
		buf_add(b, "</p>\n", 5);
		s = nl + (nl < end);
	}
}

int
mdhtml_read(const char *name, const char *text, size_t len,
    struct html_text *out, struct doctables *dt)
{
	struct buf page = {0};
	const char *p = text, *end = text + len, *t, *e;
	int rc;

	buf_add(&page, "<html><body>\n", 13);
	while ((t = next_table(p, end)) != NULL) {
		add_paragraphs(&page, p, (size_t)(t - p));
		e = table_end(t, end);
		buf_add(&page, t, (size_t)(e - t));
		buf_add(&page, "\n", 1);
		p = e;
	}
	add_paragraphs(&page, p, (size_t)(end - p));
	buf_add(&page, "</body></html>\n", 15);
	rc = html_read(name, page.p, page.len, out, dt);
	buf_free(&page);
	return rc;
}
