/*
 * Markdown read as report text (markdown.h).  Converters keep what
 * Markdown cannot say as inline HTML (pandoc -t gfm keeps Word's
 * <span style=...> around every cell's text and the page's <div>s),
 * escape punctuation (\*, \(, \>) and write entities (&gt;): each is
 * taken away here, line for line, so that the lines that remain are the
 * report's text and its pipe tables are bordered rows.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "markdown.h"
#include "utf8.h"

#define ESCAPED_BAR	"\xe2\x88\xa3"	/* U+2223: \| in a cell, no border */
#define MAXJOIN		20	/* lines wrapped inside an element joined */

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

int
md_delimiter_row(const char *s, size_t n)
{
	size_t i, dashes = 0, run = 0;
	int bar = 0;

	for (i = 0; i < n; i++) {
		/* no dash, no delimiter row: past a row's first bytes, one
		 * memchr for the long runs of bars and blanks (t3's empty
		 * label cells in a grid) that this loop would take */
		if (i == 8 && dashes == 0 && memchr(s + 8, '-', n - 8) == NULL)
			return 0;
		if (s[i] == '-') {
			if (++run > dashes)
				dashes = run;
			continue;
		}
		run = 0;
		if (s[i] == '|')
			bar = 1;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return bar && dashes >= 3;
}

/* An ATX heading: one to six # then a space and text. */
static int
is_heading(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 7 && s[i] == '#')
		i++;
	return i >= 1 && i <= 6 && i + 1 < n && s[i] == ' ' && s[i + 1] != ' ';
}

/* Does the first KiB name an HTML document? */
static int
declares_html(const char *s, size_t n)
{
	size_t probe = n < 1024 ? n : 1024;

	if (memchr(s, '<', probe) == NULL)	/* most texts: no tag at all */
		return 0;
	return memmem(s, probe, "<html", 5) || memmem(s, probe, "<HTML", 5) ||
	    memmem(s, probe, "<body", 5) || memmem(s, probe, "<BODY", 5) ||
	    memmem(s, probe, "<!DOCTYPE", 9) ||
	    memmem(s, probe, "<!doctype", 9);
}

/* Does line s[0, n) hold a tag that makes a paragraph or a line in HTML
 * (<p>, <br>, <li>, <h1>..<h6>), outside a table? */
static int
has_block_tag(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (end - p >= 2 && ((*p | 0x20) == 'p' && (p[1] == '>' ||
		    p[1] == ' ')))
			return 1;
		if (end - p >= 2 && (((*p | 0x20) == 'b' && (p[1] | 0x20) ==
		    'r') || ((*p | 0x20) == 'l' && (p[1] | 0x20) == 'i') ||
		    ((*p | 0x20) == 'h' && p[1] >= '1' && p[1] <= '6')))
			return 1;
	}
	return 0;
}

/*
 * Markdown whose only markup is raw HTML (pandoc -t gfm of a page that
 * pdftohtml made: <div> and <span> tags on lines of their own, the text
 * in paragraphs between blank lines): it starts with a tag, and outside
 * its tables no tag makes a paragraph or a line, so its lines are the
 * text's lines and reading it as an HTML page would run each <div>'s
 * text into one paragraph.  Ten lines of text at least, more than the
 * lines of tags.
 */
static int
raw_html_markdown(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	size_t n;
	long textlines = 0, taglines = 0;
	int intable = 0;

	while (p < end && strchr(" \t\n", *p))
		p++;
	if (p == end || *p != '<')
		return 0;
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		while (n > 0 && (*p == ' ' || *p == '\t'))
			p++, n--;
		if (memmem(p, n, "<table", 6) || memmem(p, n, "<TABLE", 6))
			intable = 1;
		if (intable || n == 0 || *p == '|') {
			if (memmem(p, n, "</table", 7) || memmem(p, n,
			    "</TABLE", 7))
				intable = 0;
			continue;
		}
		if (has_block_tag(p, n))
			return 0;
		if (*p == '<')
			taglines++;
		else
			textlines++;
	}
	return textlines >= 10 && textlines > taglines;
}

/* Is the line p[0, n) a Markdown heading or a table's delimiter row? */
static int
md_line(const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	return n > 0 && ((*p == '#' && is_heading(p, n)) ||
	    ((*p == '|' || *p == ':' || *p == '-') && md_delimiter_row(p, n)));
}

/*
 * Does a line holding the byte c pass md_line?  Only the lines holding
 * c are looked at: one memchr for the lines between them, not one for
 * each line (a text's tables come after pages of prose).
 */
static int
md_line_with(const char *text, size_t len, char c)
{
	const char *p = text, *end = text + len, *q, *nl;

	while ((q = memchr(p, c, (size_t)(end - p))) != NULL) {
		while (q > p && q[-1] != '\n')	/* back to its line's start */
			q--;
		nl = memchr(q, '\n', (size_t)(end - q));
		if (nl == NULL)
			nl = end;
		if (md_line(q, (size_t)(nl - q)))
			return 1;
		if (nl == end)
			break;
		p = nl + 1;
	}
	return 0;
}

int
md_detect(const char *text, size_t len)
{
	if (declares_html(text, len))
		return 0;
	/* a heading needs a #, a delimiter row a | (md_delimiter_row):
	 * only the lines holding one can be either */
	if (md_line_with(text, len, '|') || md_line_with(text, len, '#'))
		return 1;
	return raw_html_markdown(text, len);
}

/*
 * Length of the HTML tag at s (s[0] is '<'), or 0: "<name" or "</name",
 * the name ASCII (so <办公室> is text), attributes with quoted values
 * (Word's style attributes run over lines), '>' within 4 KiB.  The name,
 * folded, goes to name[0, size).
 */
static size_t
tag_len(const char *s, const char *end, char *name, size_t size)
{
	const char *p = s + 1;
	size_t k = 0;
	char quote = 0;

	if (p < end && *p == '/')
		p++;
	if (p >= end || !is_alpha((unsigned char)*p))
		return 0;
	while (p < end && (is_alnum((unsigned char)*p) || *p == ':' ||
	    *p == '-')) {
		if (k + 1 < size)
			name[k++] = (char)(*p | 0x20);
		p++;
	}
	name[k] = '\0';
	if (p < end && !strchr(" \t\n/>", *p))
		return 0;
	for (; p < end && p - s < 4096; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '>')
			return (size_t)(p - s) + 1;
	}
	return 0;
}

/* Where the <table> element at s ends (past its </table>, tables inside
 * counted; end when never closed); *cells: it holds a <td> or <th>. */
static const char *
table_end(const char *s, const char *end, int *cells)
{
	char name[16];
	int depth = 0;
	size_t k;

	for (; (s = memchr(s, '<', (size_t)(end - s))) != NULL; s++) {
		if ((k = tag_len(s, end, name, sizeof name)) == 0)
			continue;
		if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0)
			*cells = 1;
		else if (strcmp(name, "table") == 0 && s[1] != '/')
			depth++;
		else if (strcmp(name, "table") == 0 && --depth == 0)
			return s + k;
	}
	return end;
}

/* Length of the comment at s ("<!--" ... "-->"), end when never closed;
 * its line ends go to out, so lines keep their numbers. */
static size_t
comment_len(const char *s, const char *end, struct buf *out)
{
	const char *p = s + 4, *close;

	close = memmem(p, (size_t)(end - p), "-->", 3);
	close = close ? close + 3 : end;
	for (; p < close; p++)
		if (*p == '\n')
			buf_add(out, "\n", 1);
	return (size_t)(close - s);
}

/* The entity at s ('&'), decoded into out; its length, or 0. */
static size_t
entity_len(const char *s, const char *end, struct buf *out)
{
	static const struct { const char *name, *text; } named[] = {
		{ "&lt;", "<" }, { "&gt;", ">" }, { "&amp;", "&" },
		{ "&quot;", "\"" }, { "&apos;", "'" },
		{ "&nbsp;", "\xc2\xa0" },
	};
	const char *p = s + 2;
	uint32_t cp = 0;
	char u[4];
	size_t i, k;
	int hex;

	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		k = strlen(named[i].name);
		if ((size_t)(end - s) >= k && strncasecmp(s, named[i].name,
		    k) == 0) {
			buf_add(out, named[i].text, strlen(named[i].text));
			return k;
		}
	}
	if (end - s < 4 || s[1] != '#')
		return 0;
	hex = *p == 'x' || *p == 'X';
	p += hex;
	for (k = 0; p < end && k < 7; p++, k++) {
		if (*p >= '0' && *p <= '9')
			cp = cp * (hex ? 16 : 10) + (uint32_t)(*p - '0');
		else if (hex && (*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')
			cp = cp * 16 + (uint32_t)((*p | 0x20) - 'a' + 10);
		else
			break;
	}
	if (k == 0 || p >= end || *p != ';' || cp == 0 || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	buf_add(out, u, utf8_encode(cp, u));
	return (size_t)(p - s) + 1;
}

/* Is the line that starts at s a pipe row (a bar first)? */
static int
pipe_row(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s < end && *s == '|';
}

/* Length of an ATX heading's mark at the line start s ("### "), or 0:
 * the title is the heading's text (meta.h takes it as it stands). */
static size_t
heading_mark_len(const char *s, const char *end)
{
	const char *nl;
	size_t n, k = 0;

	if (s == end || *s != '#')	/* most lines: no look for their end */
		return 0;
	nl = memchr(s, '\n', (size_t)(end - s));
	n = nl ? (size_t)(nl - s) : (size_t)(end - s);
	if (!is_heading(s, n))
		return 0;
	while (s[k] == '#')
		k++;
	return k + 1;
}

/*
 * Length of the emphasis mark at s, or 0: a run of * (a literal one is
 * escaped, \*), or of _ that does not stand between two letters or
 * digits (zwgk_2023 keeps its _).  `**3**`, `*规章*`, `_0_`, `***3***`
 * are their text.
 */
static size_t
emphasis_len(const char *text, const char *s, const char *end)
{
	const char *p = s;

	if (*s != '*' && *s != '_')
		return 0;
	while (p < end && *p == *s)
		p++;
	if (*s == '_' && s > text && is_alnum((unsigned char)s[-1]) &&
	    p < end && is_alnum((unsigned char)*p))
		return 0;
	return (size_t)(p - s);
}

/* Is the line that starts at s empty or white space? */
static int
blank_line(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s == end || *s == '\n';
}

/* An inline element, which a line wrapped inside of continues. */
static int
is_inline(const char *name)
{
	static const char *const names[] = { "span", "font", "a", "b", "i",
	    "u", "s", "em", "strong", "sup", "sub", "small", "big", "o:p" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

/* Is b a byte md_plain acts on (a line end, or what may begin a tag, an
 * escape, an entity or an emphasis)?  Every other byte is copied as it
 * is, and most of a text is such bytes: a table decides. */
static int
is_special(unsigned char b)
{
	static const unsigned char special[256] = {
		['\n'] = 1, ['<'] = 1, ['\\'] = 1, ['&'] = 1, ['*'] = 1,
		['_'] = 1,
	};

	return special[b];
}

/* The first byte at or after s that is_special() takes, or end: 16
 * bytes a step where SSE2 is (every x86-64), one at a time else. */
static const char *
next_special(const char *s, const char *end)
{
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), lt = _mm_set1_epi8('<'),
	    bs = _mm_set1_epi8('\\'), amp = _mm_set1_epi8('&'),
	    star = _mm_set1_epi8('*'), us = _mm_set1_epi8('_');
	__m128i v, hit;
	unsigned mask;

	for (; end - s >= 16; s += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)s);
		hit = _mm_or_si128(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, lt)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v,
		    amp))), _mm_or_si128(_mm_cmpeq_epi8(v, star),
		    _mm_cmpeq_epi8(v, us)));
		if ((mask = (unsigned)_mm_movemask_epi8(hit)) != 0)
			return s + __builtin_ctz(mask);
	}
#endif
	while (s < end && !is_special((unsigned char)*s))
		s++;
	return s;
}

int
md_plain(const char *text, size_t len, struct buf *out)
{
	const char *s = text, *end = text + len, *run = text, *e;
	char name[16];
	int cells = 0, bars = pipe_row(text, end), open = 0, owed = 0;
	size_t k;

	buf_reserve(out, len);
	if ((k = heading_mark_len(s, end)) > 0)
		run = s += k;
	for (; s < end; s++) {
		if ((s = next_special(s, end)) == end)
			break;
		if (*s == '\n' && open > 0 && owed < MAXJOIN &&
		    !blank_line(s + 1, end)) {
			/* pandoc wrapped the line inside an inline element
			 * (<span ...>四.<span\nstyle=...>): one line, the line
			 * end owed after it */
			buf_add(out, run, (size_t)(s - run));
			run = s + 1;
			owed++;
			continue;
		}
		if (*s == '\n') {
			/* the run goes on over the line end, unless line ends
			 * are owed after it */
			if (owed > 0) {
				buf_add(out, run, (size_t)(s + 1 - run));
				run = s + 1;
			}
			for (; owed > 0; owed--)
				buf_add(out, "\n", 1);
			if (blank_line(s + 1, end))
				open = 0;	/* no element spans paragraphs */
			bars = pipe_row(s + 1, end);
			if ((k = heading_mark_len(s + 1, end)) > 0) {
				buf_add(out, run, (size_t)(s + 1 - run));
				run = s + 1 + k;
				s += k;
			}
			continue;
		}
		if (*s != '<' && *s != '\\' && *s != '&' && *s != '*' &&
		    *s != '_')
			continue;
		buf_add(out, run, (size_t)(s - run));
		run = s;
		if ((k = emphasis_len(text, s, end)) > 0) {
			run = s + k;
			s += k - 1;
		} else if (*s == '\\' && s + 1 < end && s[1] > ' ' && s[1] < 0x7f &&
		    !is_alnum((unsigned char)s[1])) {
			if (s[1] == '|' && bars)
				buf_add(out, ESCAPED_BAR, strlen(ESCAPED_BAR));
			else
				buf_add(out, s + 1, 1);
			run = ++s + 1;
		} else if (*s == '&' && (k = entity_len(s, end, out)) > 0) {
			run = s + k;
			s += k - 1;
		} else if (*s == '<' && end - s >= 4 &&
		    memcmp(s, "<!--", 4) == 0) {
			k = comment_len(s, end, out);
			run = s + k;
			s += k - 1;
		} else if (*s == '<' && (k = tag_len(s, end, name,
		    sizeof name)) > 0) {
			if (strcmp(name, "table") == 0 && s[1] != '/') {
				e = table_end(s, end, &cells);
				buf_add(out, s, (size_t)(e - s));
				run = e;
				s = e - 1;
			} else if (strcmp(name, "br") == 0)
				continue;	/* text folding drops it */
			else {
				if (is_inline(name))
					open += s[1] != '/' ? 1 : open > 0 ? -1 : 0;
				for (e = s; e < s + k; e++)
					owed += *e == '\n';
				run = s + k;
				s += k - 1;
			}
		}
	}
	buf_add(out, run, (size_t)(s - run));
	for (; owed > 0; owed--)
		buf_add(out, "\n", 1);
	return cells;
}
