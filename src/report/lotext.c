/* How LibreOffice's text export prints tables (lotext.h). */
#include <string.h>

#include "lotext.h"
#include "text.h"

int
lo_is_nbsp_line(const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	return n == 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] == 0xa0;
}

/* Does s[0..n) hold two runs of text two or more spaces apart? */
static int
two_cells(const char *s, size_t n)
{
	const char *p = text_skip_space(s, s + n), *e = s + n;

	for (; p + 1 < e; p++)
		if (p[0] == ' ' && p[1] == ' ' && text_skip_space(p, e) != e)
			return 1;
	return 0;
}

/*
 * The export prints every paragraph on a line of its own, a table's
 * cells one after another, a row's and a table's end unmarked; a cell
 * of &nbsp; is a line of U+00A0, an empty cell an empty line.  Other
 * converters print &nbsp; as a space (lynx, w3m, pdftotext); lines of
 * U+00A0 alone, two of them, say LibreOffice (the &nbsp; paragraphs
 * between a page's tables, its blank cells).  A page without &nbsp;
 * says it by table 3's column titles, the template's, printed each on a
 * line of its own (自然人 / 商业 企业 / 科研机构) with no form feed in
 * the text: pdftotext prints titles so too, but ends every page with a
 * form feed; lynx, w3m and html2text print a title line indented or
 * beside others.
 */
static int
nbsp_lines(const char *text, size_t len)
{
	const char *p = text, *e = text + len, *q;
	int n = 0;

	/* 0xc2 leads U+0080..U+00BF only, rare in a report; 0xa0 is in
	 * most CJK characters' bytes */
	while (p < e && (q = memchr(p, 0xc2, e - p)) != NULL) {
		if (q + 1 < e && (unsigned char)q[1] == 0xa0 &&
		    (q == text || q[-1] == '\n') &&
		    (q + 2 == e || q[2] == '\n' || q[2] == '\r') && ++n == 2)
			return 1;
		p = q + 1;
	}
	return 0;
}

/* Is s[0..n) one of t3's applicant titles alone, ASCII spaces inside
 * (a title wrapped in its cell: 商业 企业)? */
static int
title_line(const char *s, size_t n)
{
	static const char *const titles[] = {"自然人", "商业企业",
	    "科研机构", "社会公益组织", "法律服务机构"};
	char buf[32];
	size_t k, m = 0;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n < 9 || n >= sizeof buf || s[0] == ' ')
		return 0;
	/* most lines fail here: no title begins so */
	for (k = 0; k < sizeof titles / sizeof titles[0]; k++)
		if (memcmp(s, titles[k], 3) == 0)
			break;
	if (k == sizeof titles / sizeof titles[0])
		return 0;
	for (k = 0; k < n; k++)
		if (s[k] != ' ')
			buf[m++] = s[k];
	buf[m] = '\0';
	for (k = 0; k < sizeof titles / sizeof titles[0]; k++)
		if (strcmp(buf, titles[k]) == 0)
			return 1;
	return 0;
}

int
lo_text_export(const char *text, size_t len)
{
	const char *p = text, *e = text + len, *q;
	int n = 0;

	if (nbsp_lines(text, len))
		return 1;
	if (memchr(text, '\f', len) != NULL)
		return 0;
	for (; p < e; p = q + 1) {
		if ((q = memchr(p, '\n', e - p)) == NULL)
			q = e;
		if (title_line(p, q - p) && ++n == 3)
			return 1;
	}
	return 0;
}

/*
 * Such a document's table region is read one cell a line where its
 * lines hold one cell each: hardly a line of two cells runs of text two
 * spaces apart (one in twenty: a prose line with a double space).
 */
int
lo_cell_lines(const struct tlines *tl)
{
	int k, text = 0, two = 0;

	if (!tl->lo)
		return 0;
	for (k = 0; k < tl->n; k++) {
		if (text_is_blank(tl->v[k].s, tl->v[k].n))
			continue;
		text++;
		two += two_cells(tl->v[k].s, tl->v[k].n);
	}
	return text > 0 && two * 20 <= text;
}
