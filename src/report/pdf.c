/*
 * PDF files read by position (pdf.h).  pdftotext -bbox-layout prints
 * <page>s of <word xMin yMin xMax yMax>; its own grouping of words into
 * lines and blocks is not used, since it runs across table cells.  Each
 * page is laid out again:
 *
 *  - a line is the words whose boxes overlap one another vertically by
 *    half the smaller height at least, taken in order of their centres
 *    (a label printed between two rows, a group label one character per
 *    line, stay lines of their own instead of joining the rows);
 *  - a cell is the words of a line on one baseline with less than about
 *    two thirds of a character between them ("总 计" spaced out stays one
 *    cell, numbers in neighbouring columns do not join);
 *  - a page number alone in the top or bottom margin is left out, so a
 *    table split by a page break reads on.
 *
 * Each line is written as a line of report text (cells at their column,
 * two spaces at least between them) and as a row of one doctable that
 * covers the whole document: its cells carry their x-range on the page,
 * and rows may wrap (a label over two lines, numbers on the middle line
 * of a tall row), which the table readers merge by row marker (lrow.h).
 */
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pdf.h"
#include "pdfrun.h"
#include "text.h"
#include "utf8.h"
#include "value.h"

#define MAX_WORD	1024	/* bytes of one word kept */
#define MAX_PAGE_WORDS	200000	/* words of one page read */
#define TEXT_COL_PT	5.0	/* a column of report text, in points */
#define MAX_TEXT_COL	400	/* columns of indent written at most */

struct word {
	double	x0, y0, x1, y1;
	size_t	off;		/* text in the page arena */
	int	len;
	int	num;		/* the word is a number */
	int	numline;	/* a number shares its line */
	int	lines;		/* lines of a cell made one word */
	int	edge;		/* starts where a row marker's word starts */
	int	lead;		/* a marker with its label's text beside */
};

struct sink {
	char	*p;
	size_t	 len, cap;
};

struct ctx {
	const char		*name;
	struct doctable		*t;
	double			 height;	/* of the page, points */
	long			 line;		/* next line of text */
	int			 page, words, full;
};

static struct pdfout bbox;
static struct sink out, arena;
static struct word *word;
static int nword, wordcap, *order, ordercap;
static double *starts;
static int startcap;

static void
sink_put(struct sink *s, const char *p, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		while (s->len + n + 1 > s->cap)
			s->cap = s->cap ? s->cap * 2 : 1 << 16;
		s->p = gip_xrealloc(s->p, s->cap);
	}
	memcpy(s->p + s->len, p, n);
	s->len += n;
	s->p[s->len] = '\0';
}

static void
put(struct ctx *c, const char *p, size_t n)
{
	if (c->full)
		return;
	if (out.len + n + 2 > PDF_MAX_TEXT) {
		c->full = 1;
		return;
	}
	sink_put(&out, p, n);
}

static const char *
wtext(const struct word *w)
{
	return arena.p + w->off;
}

static double
height(const struct word *w)
{
	return w->y1 - w->y0 > 0.5 ? w->y1 - w->y0 : 0.5;
}

static double
centre(const struct word *w)
{
	return (w->y0 + w->y1) / 2;
}

static double
attr(xmlTextReaderPtr rd, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
	double d = 0;

	if (v != NULL) {
		d = strtod((const char *)v, NULL);
		xmlFree(v);
	}
	return isfinite(d) ? d : 0;
}

static void
add_word(struct ctx *c, xmlTextReaderPtr rd)
{
	xmlChar *s;
	struct word *w;
	struct value v;
	size_t n;

	if (nword == MAX_PAGE_WORDS)
		return;
	if ((s = xmlTextReaderReadString(rd)) == NULL)
		return;
	n = strlen((const char *)s);
	if (n > MAX_WORD)
		n = MAX_WORD;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;			/* a whole character last */
	if (n == 0 || text_is_blank((const char *)s, n)) {
		xmlFree(s);
		return;
	}
	if (nword == wordcap) {
		wordcap = wordcap ? wordcap * 2 : 1024;
		word = gip_xrealloc(word, wordcap * sizeof *word);
	}
	w = &word[nword++];
	w->x0 = attr(rd, "xMin");
	w->y0 = attr(rd, "yMin");
	w->x1 = attr(rd, "xMax");
	w->y1 = attr(rd, "yMax");
	if (w->x1 < w->x0)
		w->x1 = w->x0;
	if (w->y1 < w->y0)
		w->y1 = w->y0;
	w->off = arena.len;
	w->len = (int)n;
	sink_put(&arena, (const char *)s, n);
	sink_put(&arena, "", 1);
	value_parse(wtext(w), &v);
	w->num = v.kind == V_NUMBER;
	w->numline = 0;
	w->lines = 1;
	w->edge = 0;
	w->lead = 0;
	xmlFree(s);
	c->words++;
}

static int
by_centre(const void *a, const void *b)
{
	const struct word *p = &word[*(const int *)a], *q = &word[*(const int *)b];
	double d = centre(p) - centre(q);

	if (d != 0)
		return d < 0 ? -1 : 1;
	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

static int
by_x(const void *a, const void *b)
{
	const struct word *p = &word[*(const int *)a], *q = &word[*(const int *)b];

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
on_line(const struct word *w, const struct word *s, int strict)
{
	double lo = w->y0 > s->y0 ? w->y0 : s->y0;
	double hi = w->y1 < s->y1 ? w->y1 : s->y1;
	double hw = height(w), hs = height(s);
	double big = hw > hs ? hw : hs, small = hw < hs ? hw : hs;

	if (strict)
		return hi - lo >= big / 2;
	return big <= 3.5 * small && hi - lo >= small / 2;
}

/* The end (in order) of the line starting at order[start]. */
static int
line_end(int start, int strict)
{
	int i;

	for (i = start + 1; i < nword && on_line(&word[order[i]],
	    &word[order[start]], strict); i++)
		;
	return i;
}

/* Which words have a number on their line (strict lines). */
static void
mark_number_lines(void)
{
	int i, j, start, any;

	for (i = 0; i < nword; i++)
		order[i] = i;
	qsort(order, nword, sizeof *order, by_centre);
	for (start = 0; start < nword; start = i) {
		i = line_end(start, 1);
		for (any = 0, j = start; j < i; j++)
			any |= word[order[j]].num;
		for (j = start; j < i; j++)
			word[order[j]].numline = any;
	}
}

/* Does a row marker start s: 1. （二） 三、? */
static int
starts_marker(const char *s)
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

static int
by_top(const void *a, const void *b)
{
	const struct word *p = &word[*(const int *)a], *q = &word[*(const int *)b];

	return (p->y0 > q->y0) - (p->y0 < q->y0);
}

/* May b, printed right below a, be the next line of a's cell? */
static int
wraps_into(const struct word *a, const struct word *b, double narrow)
{
	double h = height(a) < height(b) ? height(a) : height(b);
	double ca = (a->x0 + a->x1) / 2, cb = (b->x0 + b->x1) / 2;

	if (b->len < 0 || b->num || b->numline || b->x1 - b->x0 > narrow ||
	    starts_marker(wtext(b)))
		return 0;
	if (b->y0 - a->y1 > h || b->y0 < a->y1 - h / 4)
		return 0;
	return (ca - cb < h / 2 && cb - ca < h / 2) ||
	    (a->x0 - b->x0 < h / 4 && b->x0 - a->x0 < h / 4);
}

static int *bycy;		/* words by centre, for centred_beside */
static int bycycap;

/*
 * Is a word outside x0..x1 centred at y (within tol)?  That is what a
 * cell wrapped over lines is centred on: the cells of its row.
 */
static int
centred_beside(double y, double tol, double x0, double x1)
{
	int lo = 0, hi = nword, m;
	const struct word *w;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if (centre(&word[bycy[m]]) < y - tol)
			lo = m + 1;
		else
			hi = m;
	}
	for (; lo < nword && centre(&word[bycy[lo]]) <= y + tol; lo++) {
		w = &word[bycy[lo]];
		if (w->len >= 0 && (w->x1 <= x0 || w->x0 >= x1))
			return 1;
	}
	return 0;
}

#define MAX_WRAP	6	/* lines of one cell joined at most */

/* Join the words chain[0..n) into chain[0]. */
static void
join_chain(const int *chain, int n)
{
	static struct sink tmp;
	struct word *a = &word[chain[0]], *b;
	int k;

	tmp.len = 0;
	for (k = 0; k < n; k++)
		sink_put(&tmp, wtext(&word[chain[k]]), word[chain[k]].len);
	for (k = 1; k < n; k++) {
		b = &word[chain[k]];
		a->y1 = b->y1;
		if (b->x0 < a->x0)
			a->x0 = b->x0;
		if (b->x1 > a->x1)
			a->x1 = b->x1;
		b->len = -1;
	}
	a->off = arena.len;
	a->len = (int)tmp.len;
	a->lines = n;
	sink_put(&arena, tmp.p, tmp.len + 1);
}

/*
 * A row marker with its label's text just right of it on its line (1.
 * 本机关不掌握相关政府): the first line of a wrapped label, not a narrow
 * cell of its own to join with the line below (信息).  bycy: by centre.
 */
static int
marker_before_text(const struct word *a)
{
	double h = height(a), y = centre(a);
	int lo = 0, hi = nword, m;
	const struct word *w;

	if (!starts_marker(wtext(a)))
		return 0;
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (centre(&word[bycy[m]]) < y - h / 4)
			lo = m + 1;
		else
			hi = m;
	}
	for (; lo < nword && centre(&word[bycy[lo]]) <= y + h / 4; lo++) {
		w = &word[bycy[lo]];
		if (w != a && w->len >= 0 && !w->num && w->x0 >= a->x1 &&
		    w->x0 - a->x1 < h / 2)
			return 1;
	}
	return 0;
}

/*
 * A cell whose text wraps over lines while the cells beside it keep one
 * line (a header 本年废止 / 件数 beside 信息内容; centred vertically, the
 * others print on its middle): its lines, narrow words without a number
 * on their line, left-aligned or centred one under the other less than a
 * line apart, are made one word when that is centred on a word beside
 * it; it then joins that line.  A line that starts with a row marker is
 * a row of its own.  order is used as scratch.
 */
static void
join_wrapped(double narrow)
{
	int chain[MAX_WRAP], i, j, k, n = 0, len;
	double x0, x1, y0, y1;
	struct word *a;

	mark_number_lines();
	if (nword > bycycap) {
		bycycap = nword * 2;
		bycy = gip_xrealloc(bycy, bycycap * sizeof *bycy);
	}
	memcpy(bycy, order, nword * sizeof *order);	/* by centre */
	for (i = 0; i < nword; i++)	/* before joins move words */
		word[i].lead = marker_before_text(&word[i]);
	for (i = 0; i < nword; i++)
		order[i] = i;
	qsort(order, nword, sizeof *order, by_top);
	for (i = 0; i < nword; i++) {
		a = &word[order[i]];
		if (a->len < 0 || a->num || a->numline ||
		    a->x1 - a->x0 > narrow || a->lead)
			continue;
		chain[0] = order[i];
		for (len = 1, j = i + 1; j < nword && len < MAX_WRAP &&
		    word[order[j]].y0 <= word[chain[len - 1]].y1 + height(a);
		    j++)
			if (wraps_into(&word[chain[len - 1]], &word[order[j]],
			    narrow))
				chain[len++] = order[j];
		for (; len > 1; len--) {
			x0 = a->x0, x1 = a->x1;
			for (k = 1; k < len; k++) {
				if (word[chain[k]].x0 < x0)
					x0 = word[chain[k]].x0;
				if (word[chain[k]].x1 > x1)
					x1 = word[chain[k]].x1;
			}
			y0 = a->y0;
			y1 = word[chain[len - 1]].y1;
			if (centred_beside((y0 + y1) / 2, height(a) / 4, x0, x1))
				break;
		}
		if (len > 1)
			join_chain(chain, len);
	}
	for (i = 0; i < nword; i++)
		if (word[i].len >= 0)
			word[n++] = word[i];
	nword = n;
}

/* As narrow as one of its characters is tall: a piece of vertical text. */
static int
is_upright(const struct word *w)
{
	size_t chars = utf8_width(wtext(w), w->len);

	chars = chars > 1 ? chars / 2 : 1;	/* wide characters */
	return !w->num && w->x1 - w->x0 <= 1.3 * height(w) / chars;
}

static int
by_column(const void *a, const void *b)
{
	const struct word *p = &word[*(const int *)a], *q = &word[*(const int *)b];

	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return (p->y0 > q->y0) - (p->y0 < q->y0);
}

/* Is b the next piece below a of one vertical label? */
static int
stacks_on(const struct word *a, const struct word *b)
{
	double wd = a->x1 - a->x0, tol = wd * 0.15;

	return is_upright(b) && b->x0 - a->x0 <= tol && a->x0 - b->x0 <=
	    tol && b->x1 - a->x1 <= tol && a->x1 - b->x1 <= tol &&
	    b->y0 - a->y1 <= tol && a->y1 - b->y0 <= tol;
}

/*
 * A label printed one character per line (三、本年度办理结果 down the
 * side of a group of rows) comes as words stacked without gaps in one
 * narrow column: they are made one tall word, which joins no line.
 * order is used as scratch.
 */
static void
join_upright(void)
{
	static struct sink tmp;
	int i, j, n = 0, last;
	struct word *a, *b;

	for (i = 0; i < nword; i++)
		order[i] = i;
	qsort(order, nword, sizeof *order, by_column);
	for (i = 0; i < nword; i++) {
		a = &word[order[i]];
		if (a->len < 0 || !is_upright(a))
			continue;
		for (last = order[i], j = i + 1; j < nword &&
		    word[order[j]].x0 - a->x0 <= (a->x1 - a->x0) * 0.15; j++) {
			b = &word[order[j]];
			if (b->len < 0 || !stacks_on(&word[last], b))
				continue;
			tmp.len = 0;
			sink_put(&tmp, wtext(a), a->len);
			sink_put(&tmp, wtext(b), b->len);
			a->off = arena.len;
			a->len = (int)tmp.len;
			sink_put(&arena, tmp.p, tmp.len + 1);
			a->y1 = b->y1;
			if (b->x1 > a->x1)
				a->x1 = b->x1;
			a->lines++;
			b->len = -1;		/* taken */
			last = order[j];
		}
	}
	for (i = 0; i < nword; i++)
		if (word[i].len >= 0)
			word[n++] = word[i];
	nword = n;
}

/*
 * Does s begin with an item's marker: 1. 1． 1、 (一) （1） 三、?  Looser
 * than starts_marker: the marker must be whole.
 */
static int
whole_marker(const char *s)
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

/* Does w end with a closing bracket (a spaced group marker ( 三 ))? */
static int
closes(const struct word *w)
{
	const char *s = wtext(w);

	return (w->len >= 1 && s[w->len - 1] == ')') || (w->len >= 3 &&
	    strcmp(s + w->len - 3, "）") == 0);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Words that start where words beginning with a row marker start (within
 * a quarter point; 1.信访…, （二）部分公开…) are at the left edge of the
 * row labels' column: the wrapped end of a label (物 of 要求提供公开出版
 * 物, 公开 of （一）予以公开) or a marker spaced out (( 一 ), its bracket
 * alone a word) there is no
 * part of the group label just left of it, however narrow the gap.
 */
static void
mark_edges(void)
{
	int i, n = 0, lo, hi, mid;

	if (nword > startcap) {
		startcap = nword * 2;
		starts = gip_xrealloc(starts, startcap * sizeof *starts);
	}
	for (i = 0; i < nword; i++)
		if (!word[i].num && (whole_marker(wtext(&word[i])) ||
		    strcmp(wtext(&word[i]), "(") == 0 ||
		    strcmp(wtext(&word[i]), "（") == 0))
			starts[n++] = word[i].x0;
	if (n > 0)
		qsort(starts, n, sizeof *starts, cmp_double);
	for (i = 0; i < nword; i++) {
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (starts[mid] < word[i].x0 - 0.25)
				lo = mid + 1;
			else
				hi = mid;
		}
		word[i].edge = lo < n && starts[lo] <= word[i].x0 + 0.25;
	}
}

/* Is the last (first) character of w wide? */
static int
wide_end(const struct word *w, int last)
{
	const char *s = wtext(w), *p = s + w->len;
	uint32_t cp;

	if (last)
		for (p--; p > s && ((unsigned char)*p & 0xc0) == 0x80; p--)
			;
	else
		p = s;
	utf8_decode(p, s + w->len - p, &cp);
	return utf8_is_wide(cp);
}

/*
 * Do words a and b (a left of b, on one line) belong to one cell?  Chinese
 * text has no spaces: cells of a tight table are a space's width apart,
 * so a wide character meets a wide one or a number in one cell only with
 * almost no gap, or when one side is a single letter spaced out (总 计).
 * A number and its unit, a marker and its label ("2023 年", "1. 属于")
 * may be a space apart; two numbers hardly.
 */
static int
same_cell(const struct word *a, const struct word *b)
{
	double h = height(a) < height(b) ? height(a) : height(b);
	double gap = b->x0 - a->x1, most = 0.7;

	if (centre(a) - centre(b) > h / 4 || centre(b) - centre(a) > h / 4)
		return 0;		/* another baseline */
	if (a->lines > 1 || b->lines > 1)
		return 0;		/* a whole cell already */
	if (!a->num && !b->num && ((wide_end(a, 1) && (b->edge ||
	    whole_marker(wtext(b)))) || (closes(a) && whole_marker(wtext(b)))))
		return 0;		/* a group label, then a row's label */
	if (a->num && b->num)
		most = 0.3;
	else if (wide_end(a, 1) && (b->num || (wide_end(b, 0) &&
	    utf8_width(wtext(a), a->len) > 2 &&
	    utf8_width(wtext(b), b->len) > 2)))
		most = 0.15;
	return gap < most * h;
}

/* A page number alone on its line: "3", "- 3 -", "第 3 页 共 9 页", "3/9". */
static int
is_page_number(const char *s)
{
	char buf[256];
	size_t n = strlen(s), i, m;
	int digits = 0;

	if (n >= sizeof buf)
		return 0;
	m = text_norm(buf, s, n, TEXT_LABEL);
	for (i = 0; i < m; i++) {
		if (buf[i] >= '0' && buf[i] <= '9')
			digits++;
		else if (strncmp(buf + i, "第", 3) == 0 ||
		    strncmp(buf + i, "页", 3) == 0 ||
		    strncmp(buf + i, "共", 3) == 0 ||
		    strncmp(buf + i, "—", 3) == 0)
			i += 2;
		else if (!strchr("-/", buf[i]))
			return 0;
	}
	return digits > 0 && digits <= 4;
}

/* The text of words o[0..n) of one line, as one string in s. */
static void
line_text(const int *o, int n, struct sink *s)
{
	int i;

	s->len = 0;
	sink_put(s, "", 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			sink_put(s, " ", 1);
		sink_put(s, wtext(&word[o[i]]), word[o[i]].len);
	}
}

/* Margin lines (top 8 %, bottom 12 % of the page) that are page numbers. */
static int
is_margin_number(const struct ctx *c, const int *o, int n, double y0,
    double y1)
{
	static struct sink s;

	if (c->height <= 0 || (y1 > c->height * 0.08 &&
	    y0 < c->height * 0.88))
		return 0;
	line_text(o, n, &s);
	return is_page_number(s.p);
}

static int
unit(double x)
{
	x /= PDF_UNIT_PT;
	if (x < 0)
		return 0;
	return x > 1e6 ? 1000000 : (int)(x + 0.5);
}

/*
 * Write one line: its cells to the text at their columns (left: the
 * page's leftmost word) and as a row of the document's table.
 */
static void
write_line(struct ctx *c, const int *o, int n, double left, int first)
{
	static struct sink cell;
	const struct word *w, *prev;
	int i, j, col = 0, want, x0, x1;

	grid_new_row(&c->t->g, c->line);
	if (first && c->page > 1)
		put(c, "\f", 1);
	for (i = 0; i < n; i = j) {
		cell.len = 0;
		sink_put(&cell, "", 0);
		for (j = i; j < n; j++) {
			w = &word[o[j]];
			if (j > i) {
				prev = &word[o[j - 1]];
				if (!same_cell(prev, w))
					break;
				/* pdftotext saw a gap: a space, so that a
				 * row marker after a narrow group label
				 * (三、本 （一）) is still a word's start */
				sink_put(&cell, " ", 1);
			}
			sink_put(&cell, wtext(w), w->len);
		}
		want = (int)((word[o[i]].x0 - left) / TEXT_COL_PT);
		if (want > MAX_TEXT_COL)
			want = MAX_TEXT_COL;
		if (i > 0 && want < col + 2)
			want = col + 2;
		for (; col < want; col++)
			put(c, " ", 1);
		put(c, cell.p, cell.len);
		col += (int)utf8_width(cell.p, cell.len);
		x0 = unit(word[o[i]].x0);
		x1 = unit(word[o[j - 1]].x1);
		grid_add_cell(&c->t->g, cell.p, cell.len, x0, x1 > x0 ? x1 :
		    x0 + 1);
	}
	put(c, "\n", 1);
	c->t->last_line = c->line++;
}

/* What the line order[from..to) holds: 1 numbers, 2 other words; 4 a
 * word that starts with a row marker. */
static int
line_holds(int from, int to)
{
	int i, what = 0;

	for (i = from; i < to; i++) {
		what |= word[order[i]].num ? 1 : 2;
		if (!word[order[i]].num && starts_marker(wtext(&word[order[i]])))
			what |= 4;
	}
	return what;
}

/*
 * A line of numbers only whose row's label is printed lower (a label
 * aligned to the bottom of its cell, or in a larger line height): when
 * the next line has no numbers, starts a row and is nearer than the line
 * above and than a line's height, the numbers are its.  Otherwise a line of numbers joins the row
 * above it (lrow.h), as most do.
 */
static int
numbers_go_down(int start, int end)
{
	int next, holds;
	double c, up, down;

	if (end >= nword || line_holds(start, end) != 1)
		return 0;
	next = line_end(end, 0);
	holds = line_holds(end, next);
	if ((holds & 1) || !(holds & 4))
		return 0;
	c = centre(&word[order[start]]);
	down = centre(&word[order[end]]) - c;
	up = start > 0 ? c - centre(&word[order[start - 1]]) : 1e9;
	return down < up && down < height(&word[order[start]]);
}

/* Lay the words of the page out as lines, top to bottom. */
static void
lay_out_page(struct ctx *c)
{
	double y0, y1, left = 1e9, right = -1e9;
	int i, start, first = 1;

	if (nword == 0)
		return;		/* a page of images: no qsort of nothing */
	if (nword > ordercap) {
		ordercap = nword * 2;
		order = gip_xrealloc(order, ordercap * sizeof *order);
	}
	join_upright();
	for (i = 0; i < nword; i++) {
		if (word[i].x0 < left)
			left = word[i].x0;
		if (word[i].x1 > right)
			right = word[i].x1;
	}
	join_wrapped((right - left) * 0.3);
	mark_edges();
	for (i = 0; i < nword; i++)
		order[i] = i;
	qsort(order, nword, sizeof *order, by_centre);
	for (start = 0; start < nword; start = i) {
		i = line_end(start, 0);
		if (numbers_go_down(start, i))
			i = line_end(i, 0);
		y0 = word[order[start]].y0;
		y1 = word[order[start]].y1;
		qsort(order + start, i - start, sizeof *order, by_x);
		if (is_margin_number(c, order + start, i - start, y0, y1))
			continue;
		write_line(c, order + start, i - start, left, first);
		first = 0;
	}
}

static void
end_page(struct ctx *c)
{
	if (c->page > 0)
		lay_out_page(c);
	nword = 0;
	arena.len = 0;
}

/* Walk pdftotext's XHTML: pages and their words. */
static int
walk(struct ctx *c, xmlTextReaderPtr rd)
{
	const char *name;
	int rc;

	while ((rc = xmlTextReaderRead(rd)) == 1 && !c->full) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT)
			continue;
		name = (const char *)xmlTextReaderConstLocalName(rd);
		if (name == NULL)
			continue;
		if (strcmp(name, "page") == 0) {
			end_page(c);
			c->page++;
			c->height = attr(rd, "height");
		} else if (strcmp(name, "word") == 0 && c->page > 0)
			add_word(c, rd);
	}
	if (rc == 0 || c->full)
		end_page(c);
	return rc < 0 ? -1 : 0;
}

/* One line end at the end of the text, no blank lines there. */
static void
trim_end(void)
{
	while (out.len > 0 && (out.p[out.len - 1] == '\n' ||
	    out.p[out.len - 1] == '\f'))
		out.len--;
	if (out.len > 0)
		out.p[out.len++] = '\n';
	out.p[out.len] = '\0';
}

/*
 * What XML does not allow, made blanks, in place: pdftotext copies
 * control characters and stray bytes of a PDF's strings (its metadata
 * title, a font without a map to Unicode) into its output as they are.
 */
static void
make_xml_safe(char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = utf8_valid_prefix(s + i, n - i);
		for (; k > 0; k--, i++)
			if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
			    s[i] != '\t' && s[i] != '\r')
				s[i] = ' ';
		if (i < n)
			s[i++] = '?';
	}
}

int
pdf_from_bbox(struct gip_doc *doc, char *xhtml, size_t len,
    struct doctables *dt)
{
	struct ctx c = {0};
	xmlTextReaderPtr rd;
	int rc;

	c.name = doc->name;
	c.line = 1;
	out.len = 0;
	sink_put(&out, "", 0);
	nword = 0;
	arena.len = 0;
	make_xml_safe(xhtml, len);
	if (len > INT32_MAX || (rd = xmlReaderForMemory(xhtml, (int)len,
	    NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING)) == NULL) {
		gip_error(doc->name, 0, "pdftotext's output cannot be read");
		return -1;
	}
	c.t = doctables_add(dt, 1);
	c.t->g.positional = 1;
	c.t->g.wraps = 1;
	c.t->g.exact = 1;
	rc = walk(&c, rd);
	xmlFreeTextReader(rd);
	if (rc < 0)
		gip_error(doc->name, 0, "pdftotext's output is not "
		    "well-formed XML");
	else if (c.full)
		gip_error(doc->name, 0, "text longer than %u MiB, not read",
		    PDF_MAX_TEXT >> 20);
	else if (c.words == 0)
		gip_error(doc->name, 0, "a PDF without text (%d page%s of "
		    "images: scanned?); give it a text layer by OCR first, "
		    "e.g. ocrmypdf -l chi_sim FILE OUT.pdf", c.page,
		    c.page == 1 ? "" : "s");
	if (rc < 0 || c.full || c.words == 0) {
		doctables_reset(dt);
		return -1;
	}
	if (c.page >= PDF_MAX_PAGES)
		gip_warn(doc->name, 0, "only the first %d pages read",
		    PDF_MAX_PAGES);
	trim_end();
	doc->text = out.p;
	doc->len = out.len;
	doc->encoding = "UTF-8";
	doc->html = 0;
	return 0;
}

int
pdf_read(struct gip_doc *doc, struct doctables *dt)
{
	if (pdfrun_bbox(doc->name, doc->bytes, doc->nbytes, PDF_MAX_PAGES,
	    PDF_MAX_BBOX, &bbox) < 0)
		return -1;
	return pdf_from_bbox(doc, bbox.p, bbox.len, dt);
}
