/* A PDF page's words (pdfctx.h): row markers, which words share a line. */
#include <string.h>

#include "err.h"
#include "pdfctx.h"

/* For qsort_r over indexes into word: by centre, then from the left. */
int
pdf_by_centre(const void *a, const void *b, void *word)
{
	const struct pdfword *w = word;
	const struct pdfword *p = &w[*(const int *)a];
	const struct pdfword *q = &w[*(const int *)b];
	double d = centre(p) - centre(q);

	if (d != 0)
		return d < 0 ? -1 : 1;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/*
 * Is a, a word of one line that begins with a row marker, off the centre
 * of b, a cell made one word of three lines or more, by half a's height?
 * Such a cell (a group label 三、本 / 年度办 / 理结果) reaches into the
 * rows above and below the line it is centred on, and as a line's first
 * word it chained the end of one row's label (以公开) with the next
 * row's start (（二）部分…), the numbers then going to the wrong row.
 * A cell of two lines is not such a cell, though a marker set smaller
 * than it (1. beside （六）其他处 / 理) is under 0.4 of its height: that
 * marker is its row's start, on the group label's first line.
 */
static int
off_centre_marker(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *b)
{
	double d = centre(a) - centre(b);

	return a->lines == 1 && b->lines >= 3 && height(b) > 2.5 * height(a) &&
	    (d >= height(a) / 2 || -d >= height(a) / 2) &&
	    pdf_starts_marker(wtext(pg, a));
}

/*
 * Does word w share the line whose first word is s?  Half the larger
 * height must overlap (strict: lines of single words), or, once cells
 * wrapped over lines are one word, half the smaller height, the taller
 * at most 3.5 times the shorter.  The line does not grow with its words,
 * and a vertical label joins no line: a word between two rows would
 * chain them.  A row's start beside a cell made one word of three lines
 * or more must be centred on it (off_centre_marker).
 */
static int
on_line(const struct pdf *pg, const struct pdfword *w,
    const struct pdfword *s, int strict)
{
	double lo = w->y0 > s->y0 ? w->y0 : s->y0;
	double hi = w->y1 < s->y1 ? w->y1 : s->y1;
	double hw = height(w), hs = height(s);
	double big = hw > hs ? hw : hs, small = hw < hs ? hw : hs;

	if (strict)
		return hi - lo >= big / 2;
	if (off_centre_marker(pg, w, s) || off_centre_marker(pg, s, w))
		return 0;
	return big <= 3.5 * small && hi - lo >= small / 2;
}

/* The end (in order) of the line starting at order[start]. */
int
pdf_line_end(const struct pdf *pg, int start, int strict)
{
	int i;

	for (i = start + 1; i < pg->nword && on_line(pg,
	    &pg->word[pg->order[i]], &pg->word[pg->order[start]], strict);
	    i++)
		;
	return i;
}

/* Does a row marker start s: 1. （二） 三、? */
int
pdf_starts_marker(const char *s)
{
	static const char *const han[] = {"一", "二", "三", "四", "五", "六",
	    "七", "八", "九", "十"};
	size_t i;

	if ((*s >= '0' && *s <= '9') || *s == '(' ||
	    strncmp(s, "（", 3) == 0)
		return 1;
	for (i = 0; i < sizeof han / sizeof han[0]; i++)
		if (strncmp(s, han[i], 3) == 0 && strncmp(s + 3, "、", 3) == 0)
			return 1;
	return 0;
}

/*
 * Does s begin with an item's marker: 1. 1． 1、 (一) （1） 三、?  Looser
 * than starts_marker: the marker must be whole.
 */
int
pdf_whole_marker(const char *s)
{
	static const char *const close[] = {")", "）"};
	static const char *const after[] = {".", "．", "、"};
	static const char *const han[] = {"一", "二", "三", "四", "五", "六",
	    "七", "八", "九", "十"};
	const char *p = s;
	size_t i, k;

	if (*p == '(' || strncmp(p, "（", 3) == 0) {
		p += *p == '(' ? 1 : 3;
		for (k = 0; k < 2; k++)
			for (i = 0; i < sizeof han / sizeof han[0]; i++)
				if (strncmp(p, han[i], 3) == 0)
					p += 3;
		while (*p >= '0' && *p <= '9')
			p++;
		for (i = 0; i < 2; i++)
			if (p > s + 1 && strncmp(p, close[i],
			    strlen(close[i])) == 0)
				return 1;
		return 0;
	}
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s)
		for (i = 0; i < sizeof han / sizeof han[0]; i++)
			if (strncmp(p, han[i], 3) == 0)
				return strncmp(p + 3, "、", 3) == 0;
	for (i = 0; p > s && i < 3; i++)
		if (strncmp(p, after[i], strlen(after[i])) == 0)
			return 1;
	return 0;
}
