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
 * of &nbsp; is a line of U+00A0, the one sign of a blank cell.  Other
 * converters print a row's cells on one line (pdftotext, w3m) or an
 * &nbsp; cell as spaces (lynx): two such lines and hardly a line of two
 * cells (one in twenty: a prose line with a double space) say which.
 */
int
lo_cell_lines(const struct tlines *tl)
{
	int k, nbsp = 0, text = 0, two = 0;

	for (k = 0; k < tl->n; k++) {
		if (lo_is_nbsp_line(tl->v[k].s, tl->v[k].n)) {
			nbsp++;
			continue;
		}
		if (text_is_blank(tl->v[k].s, tl->v[k].n))
			continue;
		text++;
		two += two_cells(tl->v[k].s, tl->v[k].n);
	}
	return nbsp >= 2 && two * 20 <= text;
}
