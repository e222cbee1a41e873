/* pandoc's attributes taken out of its Markdown (mdattr.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mdattr.h"
#include "utf8.h"

#define MAXOPEN	16	/* nested open brackets followed */

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static int
is_name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

/*
 * Length of the attribute block at s (s[0] is '{') within the line
 * s[0, end), or 0: `{}`, or `{` then `#id`, `.class` or `name=` first,
 * quoted values (with \" inside) skipped, `}` on the same line.
 */
static size_t
attr_len(const char *s, const char *end)
{
	const char *p = s + 1;
	char quote = 0;

	while (p < end && *p == ' ')
		p++;
	if (p < end && *p != '}' && *p != '#' && *p != '.') {
		const char *q = p;

		while (q < end && is_name_char((unsigned char)*q))
			q++;
		if (q == p || q >= end || *q != '=')
			return 0;
	}
	for (; p < end; p++) {
		if (quote) {
			if (*p == '\\' && p + 1 < end)
				p++;
			else if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '{')
			return 0;
		else if (*p == '}')
			return (size_t)(p - s) + 1;
	}
	return 0;
}

/* Is s[0, end) blanks up to the line's end or a bar? */
static int
blank_to_bar(const char *s, const char *end)
{
	while (s < end && *s == ' ')
		s++;
	return s == end || *s == '|';
}

/* Length of a fence mark at s (three colons or more, then a blank, an
 * attribute block or the end) up to the next bar or the line's end, or
 * 0. */
static size_t
fence_len(const char *s, const char *end)
{
	const char *p = s;

	while (p < end && *p == ':')
		p++;
	if (p - s < 3 || (p < end && *p != ' ' && *p != '{'))
		return 0;
	while (p < end && *p != '|')
		p++;
	while (p > s && p[-1] == ' ')
		p--;
	return (size_t)(p - s);
}

/* Does text hold byte a followed by byte b?  a is rare in a report (]
 * or :), so one memchr a hit beats memmem's pass over every byte. */
static int
has_pair(const char *text, size_t len, char a, char b)
{
	const char *p = text, *end = text + len;

	while ((p = memchr(p, a, (size_t)(end - p))) != NULL && ++p < end)
		if (*p == b)
			return 1;
	return 0;
}

int
mdattr_detect(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;

	/* every text is asked: most have neither a fence (:::) nor an
	 * attribute block (]{), and need no pass line by line */
	if (!has_pair(text, len, ':', ':') && !has_pair(text, len, ']', '{'))
		return 0;
	for (; p < end; p = nl + 1) {
		const char *s = p;

		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		while (s < nl && (*s == ' ' || *s == '|'))
			s++;
		if (fence_len(s, nl) > 0)
			return 1;
		for (s = p; (s = memchr(s, ']', (size_t)(nl - s))) != NULL &&
		    s + 1 < nl; s++)
			if (s[1] == '{' && attr_len(s + 1, nl) > 0)
				return 1;
	}
	return 0;
}

/* The line at text[r, end) (no line end) written at text[w, ...), w <= r;
 * returns the new write position. */
static size_t
strip_line(char *text, size_t w, size_t r, size_t end)
{
	size_t open[MAXOPEN], k, debt = 0;
	int depth = 0, cell_start = 1;

	while (r < end) {
		char c = text[r];

		if (cell_start && c == ' ') {
			text[w++] = text[r++];
			continue;
		}
		if (cell_start && c == ':' &&
		    (k = fence_len(text + r, text + end)) > 0) {
			debt += utf8_width(text + r, k);
			r += k;
			cell_start = 0;
			continue;
		}
		cell_start = 0;
		if (c == '\\' && r + 1 < end && text[r + 1] > ' ' &&
		    text[r + 1] < 0x7f && strchr("\\[]{}|*_<&`", text[r + 1])) {
			/* escaped markup: read later (markdown.h) */
			text[w++] = text[r++];
			text[w++] = text[r++];
		} else if (c == '\\' && r + 1 < end && text[r + 1] > ' ' &&
		    text[r + 1] < 0x7f && !is_alnum((unsigned char)text[r + 1])) {
			/* an escape (1\. 属于, \"): its character */
			debt++;
			r++;
			text[w++] = text[r++];
		} else if (c == '\\' && (r + 1 == end || text[r + 1] == ' ')) {
			/* a hard line break (in a multiline table's cell
			 * too: a blank keeps the columns after it) */
			text[w++] = ' ';
			r++;
		} else if (c == '[') {
			if (depth < MAXOPEN)
				open[depth] = w;
			depth++;
			text[w++] = text[r++];
		} else if (c == ']' && depth > 0 && r + 1 < end &&
		    text[r + 1] == '{' &&
		    (k = attr_len(text + r + 1, text + end)) > 0) {
			if (--depth < MAXOPEN) {
				/* the span's [ goes too */
				memmove(text + open[depth], text + open[depth] + 1,
				    w - open[depth] - 1);
				w--;
				debt++;
			}
			debt += utf8_width(text + r, k + 1);
			r += k + 1;
		} else if (c == '{' && w > 0 && text[w - 1] == ' ' &&
		    (k = attr_len(text + r, text + end)) > 0 &&
		    blank_to_bar(text + r + k, text + end)) {
			debt += utf8_width(text + r, k);	/* a heading's */
			r += k;
		} else if (c == '|' || (c == ' ' && r + 1 < end &&
		    text[r + 1] == ' ')) {
			/* a bar or a gap of blanks between columns */
			for (; debt > 0; debt--)
				text[w++] = ' ';
			if (c == ' ') {
				text[w++] = text[r++];
				continue;
			}
			text[w++] = text[r++];
			cell_start = 1;
		} else {
			if (c == ']' && depth > 0)
				depth--;
			text[w++] = text[r++];
		}
	}
	return w;
}

/* Escapes and quoted values are skipped as attr_len does. */
int
mdattr_open_at_end(const char *s, size_t n, int unmatched)
{
	size_t i;
	int depth = 0, attr = 0;
	char quote = 0;

	for (i = 0; i < n; i++) {
		if (attr) {
			if (quote) {
				if (s[i] == '\\')
					i++;
				else if (s[i] == quote)
					quote = 0;
			} else if (s[i] == '"' || s[i] == '\'')
				quote = s[i];
			else if (s[i] == '}')
				attr = 0;
		} else if (s[i] == '\\')
			i++;
		else if (s[i] == '[')
			depth++;
		else if (s[i] == ']' && (depth > 0 || unmatched)) {
			if (depth > 0)
				depth--;
			if (i + 1 < n && s[i + 1] == '{') {
				attr = 1;
				i++;
			}
		}
	}
	return attr ? 2 : depth > 0;
}

/* Is the line s[0, n) one of a grid table's (a bar or a corner first)? */
static int
grid_row(const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	return n > 0 && (*s == '|' || *s == '+');
}

size_t
mdattr_join(char *text, size_t len)
{
	char *out, *o, *ls;
	const char *p = text, *end = text + len, *nl, *next;
	size_t owed = 0, n;
	int state;

	if (len == 0)
		return 0;
	out = o = ls = gip_xmalloc(len);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		memcpy(o, p, n);
		o += n;
		if (nl == end)
			break;
		if (n == 0)	/* a paragraph's end: the line ends owed */
			for (; owed > 0; owed--)
				*o++ = '\n';
		next = nl + 1;
		/* the line's attribute block or span goes on on the next
		 * line (pandoc broke it at a blank, which attributes do without):
		 * one line, the line end owed to the paragraph's end
		 * (a hard break, a backslash last, is a line end kept) */
		if (n > 0 && next < end && *next != '\n' && o[-1] != '\\' &&
		    !grid_row(ls, (size_t)(o - ls)) &&
		    !grid_row(next, (size_t)(end - next)) &&
		    (state = mdattr_open_at_end(ls, (size_t)(o - ls), 0)) > 0 &&
		    (state == 2 || (end - next >= 2 && next[0] == ']' &&
		    next[1] == '{'))) {
			owed++;
			continue;
		}
		*o++ = '\n';
		ls = o;
	}
	for (; owed > 0; owed--)
		*o++ = '\n';
	memcpy(text, out, len);
	free(out);
	return len;
}

size_t
mdattr_strip_line(char *s, size_t n)
{
	return strip_line(s, 0, 0, n);
}

size_t
mdattr_strip(char *text, size_t len)
{
	size_t r = 0, w = 0, nl;
	const char *p;

	while (r < len) {
		p = memchr(text + r, '\n', len - r);
		nl = p ? (size_t)(p - text) : len;
		w = strip_line(text, w, r, nl);
		if (nl < len)
			text[w++] = '\n';
		r = nl + 1;
	}
	if (w < len)
		text[w] = '\0';
	return w;
}
