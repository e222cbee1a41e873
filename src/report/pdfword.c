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
 * Does word w share the line whose first word is s?  Half the larger
 * height must overlap (strict: lines of single words), or, once cells
 * wrapped over lines are one word, half the smaller height, the taller
 * at most 3.5 times the shorter.  The line does not grow with its words,
 * and a vertical label joins no line: a word between two rows would
 * chain them.
 */
static int
on_line(const struct pdfword *w, const struct pdfword *s, int strict)
{
	double lo = w->y0 > s->y0 ? w->y0 : s->y0;
	double hi = w->y1 < s->y1 ? w->y1 : s->y1;
	double hw = height(w), hs = height(s);
	double big = hw > hs ? hw : hs, small = hw < hs ? hw : hs;

	if (strict)
		return hi - lo >= big / 2;
	return big <= 3.5 * small && hi - lo >= small / 2;
}

/*
 * Is w a word no line takes beside s: over 3.5 times as tall (a header
 * cell of many lines made one word, centred on a line)?
 */
static int
too_tall(const struct pdfword *w, const struct pdfword *s)
{
	return height(w) > 3.5 * height(s);
}

/*
 * The end (in order) of the line starting at order[start].  A word too
 * tall to share a line (a header cell of five lines centred on it) may
 * sort among the line's words by its centre, a hair above or below one
 * of them, and would cut the line in two, differently on each page (a
 * repeated header then no longer matches its first print): it is passed
 * over, moved after the line's words.
 */
int
pdf_line_end(struct pdf *pg, int start, int strict)
{
	const struct pdfword *s = &pg->word[pg->order[start]];
	int i = start + 1, j, k, w;

	for (j = start + 1; j < pg->nword; j++) {
		if (!on_line(&pg->word[pg->order[j]], s, strict)) {
			if (too_tall(&pg->word[pg->order[j]], s))
				continue;
			break;
		}
		w = pg->order[j];
		for (k = j; k > i; k--)
			pg->order[k] = pg->order[k - 1];
		pg->order[i++] = w;
	}
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
