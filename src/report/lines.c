/* Lines of a table region: iteration, and lines that are no table rows. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "input.h"
#include "lines.h"
#include "text.h"
#include "utf8.h"

/* Iterate lines of a region, stripping a leading form feed. */
int
lines_next(const char *text, size_t len, size_t *pos, struct line *ln)
{
	if (!gip_next_line(text, len, pos, &ln->s, &ln->n))
		return 0;
	ln->no++;
	while (ln->n > 0 && ln->s[0] == '\f')
		ln->s++, ln->n--;
	return 1;
}

/* The box-drawing and ASCII characters of grid borders. */
static int
is_border_cp(uint32_t cp)
{
	return cp == '|' || cp == '+' || cp == '-' || cp == '=' ||
	    cp == ':' || (cp >= 0x2500 && cp <= 0x257f);
}

/* Does a box-drawing character (E2 94 xx, E2 95 xx) begin at s[i]? */
static int
box_at(const char *s, size_t n, size_t i)
{
	return n - i >= 3 && (unsigned char)s[i] == 0xe2 &&
	    ((unsigned char)s[i + 1] == 0x94 ||
	    (unsigned char)s[i + 1] == 0x95);
}

#ifdef __SSE2__
/*
 * Are the 16 bytes at s all ASCII border characters, spaces and TABs?
 * Then 1, with how many borders (up to 3: only "3 or more" counts) added
 * to *border.  Markdown and ASCII rules ("| :-- | :-- |", "+----+")
 * are long lines of them.
 */
static int
ascii_rule16(const char *s, int *border)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
	__m128i bd = _mm_or_si128(_mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('|')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('+'))), _mm_or_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('-')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('=')))),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
	unsigned m = (unsigned)_mm_movemask_epi8(bd);
	int k;

	if (((unsigned)_mm_movemask_epi8(sp) | m) != 0xffff)
		return 0;
	for (k = 0; m != 0 && k < 3; k++)
		m &= m - 1;
	*border += k;
	return 1;
}

/*
 * Are the 15 bytes at s five box-drawing characters (E2 94 xx, E2 95 xx:
 * box_at five times)?  16 bytes are read.  A box grid's rules are long
 * runs of them.
 */
static int
box5(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8((char)0xe2)));
	unsigned second = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
	    _mm_and_si128(v, _mm_set1_epi8((char)0xfe)),
	    _mm_set1_epi8((char)0x94)));

	return (lead & 0x1249) == 0x1249 && (second & 0x2492) == 0x2492;
}
#endif

/* Where the spaces of s[i..n) end: eight at a time, then one by one. */
static size_t
space_run_end(const char *s, size_t n, size_t i)
{
	uint64_t w;

	for (; n - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (w != 0x2020202020202020u)
			break;
	}
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A rule line: only border characters and spaces. */
int
lines_is_rule(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;
	int border = 0;

	while (i < n) {
		if (s[i] == ' ') {		/* aligned columns */
			i = space_run_end(s, n, i + 1);
			continue;
		}
#ifdef __SSE2__
		if ((unsigned char)s[i] < 0x80 && n - i >= 16 &&
		    ascii_rule16(s + i, &border)) {
			i += 16;
			continue;
		}
#endif
		if ((unsigned char)s[i] < 0x80)	/* no call for ASCII */
			cp = (unsigned char)s[i], len = 1;
		else if (box_at(s, n, i)) {
			/* U+2500..U+257F: borders, a run of them at once */
			do {
#ifdef __SSE2__
				if (n - i >= 16 && box5(s + i)) {
					i += 15;
					border += 5;
					continue;
				}
#endif
				i += 3;
				border++;
			} while (box_at(s, n, i));
			continue;
		} else if ((unsigned char)s[i] >= 0xe4 &&
		    (unsigned char)s[i] <= 0xe9)
			return 0;	/* Han: decodes to U+4000 or above */
		else
			len = utf8_decode(s + i, n - i, &cp);
		i += len;
		if (cp == ' ' || cp == '\t')
			continue;
		if (!is_border_cp(cp))
			return 0;
		border++;
	}
	return border >= 3;
}

/* Does a dash or 页 begin at p (what may_be_page_number looks for)? */
static int
dash_or_page(const unsigned char *p, const unsigned char *e)
{
	return *p == '-' || (e - p >= 3 && ((p[0] == 0xe9 && p[1] == 0xa1 &&
	    p[2] == 0xb5) || (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x94) ||
	    (p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8d)));
}

/*
 * Can s[0..n) be a page number?  It must hold 页 or a dash ('-', '－',
 * '—'): text_norm folds nothing else into them.  Most lines hold
 * neither, and are not normalised.  With SSE2, 16 bytes at a time are
 * looked at for the first bytes of those.
 */
static int
may_be_page_number(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
#ifdef __SSE2__
	const __m128i dash = _mm_set1_epi8('-'), e2 = _mm_set1_epi8((char)0xe2),
	    e9 = _mm_set1_epi8((char)0xe9), ef = _mm_set1_epi8((char)0xef);
	__m128i v;
	unsigned m;

	for (; e - p >= 16; p += 16) {
		v = _mm_loadu_si128((const __m128i *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, dash), _mm_cmpeq_epi8(v, e2)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, e9), _mm_cmpeq_epi8(v, ef))));
		for (; m != 0; m &= m - 1)
			if (dash_or_page(p + __builtin_ctz(m), e))
				return 1;
	}
#endif
	for (; p < e; p++)
		if (dash_or_page(p, e))
			return 1;
	return 0;
}

/* A page-number line printed between pages: "- 3 -", "第 3 页 共 9 页". */
static int
is_page_number(const char *s, size_t n)
{
	char buf[128];
	size_t m, i;

	if (n >= sizeof buf || !may_be_page_number(s, n))
		return 0;
	m = text_norm(buf, s, n, TEXT_LABEL);
	if (m == 0)
		return 0;
	if (strncmp(buf, "第", 3) == 0 && strstr(buf, "页"))
		return 1;
	for (i = 0; i < m; i++)
		if (!strchr("-0123456789", buf[i]) &&
		    strncmp(buf + i, "—", 3) != 0)
			return 0;
		else if (strncmp(buf + i, "—", 3) == 0)
			i += 2;
	/* dashes on both sides: "-1" alone is a negative number (a cell
	 * of lynx's one a line), "- 1 -" a page's */
	return (buf[0] == '-' || strncmp(buf, "—", 3) == 0) &&
	    (buf[m - 1] == '-' || (m >= 3 && strncmp(buf + m - 3, "—",
	    3) == 0));
}

/* Does the next line that is not blank, from pos on, start a page? */
static int
page_follows(const char *text, size_t len, size_t pos)
{
	const char *s;
	size_t n;

	while (gip_next_line(text, len, &pos, &s, &n))
		if (n > 0 && s[0] == '\f')
			return 1;
		else if (!text_is_blank(s, n))
			return 0;
	return 0;
}

/*
 * Can a line whose first byte after spaces and TABs is at p be no footer
 * by that character alone?  Most lines of a table begin with a label:
 * Han (led by E4..E9), a full-width bracket, ASCII.  Such a character is
 * the first of the line's TEXT_LABEL form too (the spaces before it are
 * dropped, it is neither dropped nor a mark's start), and a footer's is
 * a digit, a dash or 第.  Then no normalising, no scan for dashes.
 */
static int
no_footer_start(const unsigned char *p, const unsigned char *end)
{
	unsigned c = *p, f;

	if (c < 0x80)		/* not a control, DEL or a mark opener */
		return c > 0x20 && c < 0x7f && c != '-' && !(c >= '0' &&
		    c <= '9') && c != '[' && c != '<' && c != '*';
	if (c >= 0xe4 && c <= 0xe9)
		return !(end - p >= 3 && memcmp(p, "第", 3) == 0);
	if (c == 0xef && end - p >= 3 && ((p[1] == 0xbc && p[2] >= 0x81 &&
	    p[2] <= 0xbf) || (p[1] == 0xbd && p[2] >= 0x80 && p[2] <= 0x9e))) {
		/* U+FF01..U+FF5E, folded to ASCII (text_norm) */
		f = 0x20 + ((p[1] & 1u) << 6 | (p[2] & 0x3fu));
		return f != '-' && !(f >= '0' && f <= '9');
	}
	return 0;
}

/*
 * Did the page holding the line at s print a page number before it
 * ("- 2 -")?  Plain pdftotext prints a page's text in reading order and
 * may print the footer before a table's last column: 本年处理决定数量 /
 * 9487 then end the page.  A page has one page number.
 */
static int
page_numbered_before(const char *text, const char *s)
{
	const char *b = s, *e;

	while (b > text && b[-1] != '\f')
		b--;
	for (; b < s; b = e + 1) {
		if ((e = memchr(b, '\n', s - b)) == NULL)
			e = s;
		if (is_page_number(b, e - b))
			return 1;
	}
	return 0;
}

/*
 * A page's footer line: a page number as is_page_number knows it, or a
 * bare number of up to four digits alone on the last line of a page
 * (pdftotext -layout prints it before the form feed that starts the
 * next page) whose page printed no page number before it.  pos is
 * where the line after ln starts.
 */
int
lines_is_footer(const char *text, size_t len, size_t pos, const struct line *ln)
{
	const char *p, *d, *end = ln->s + ln->n;

	p = ln->s + space_run_end(ln->s, ln->n, 0);	/* indents are long */
	for (; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p < end && no_footer_start((const unsigned char *)p,
	    (const unsigned char *)end))
		return 0;
	p = text_skip_space(p, end);	/* the spaces and TABs passed */
	d = p;
	if (is_page_number(ln->s, ln->n))
		return 1;
	while (d < end && *d >= '0' && *d <= '9')
		d++;
	if (d == p || d - p > 4 || text_skip_space(d, end) != end)
		return 0;
	return page_follows(text, len, pos) &&
	    !page_numbered_before(text, ln->s);
}

int
lines_is_fffd(const char *s, const char *e)
{
	return e - s >= 3 && memcmp(s, LINES_FFFD, 3) == 0;
}
