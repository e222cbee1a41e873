/*
 * Words of a PDF page made one (pdfctx.h): a cell's text wrapped over
 * lines, a label printed one character per line.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pdfctx.h"
#include "utf8.h"
#include "value.h"

/* Which words have a number on their line (strict lines). */
static void
mark_number_lines(struct pdf *pg)
{
	int i, j, start, any;

	for (i = 0; i < pg->nword; i++)
		pg->order[i] = i;
	qsort_r(pg->order, pg->nword, sizeof *pg->order, pdf_by_centre,
	    pg->word);
	for (start = 0; start < pg->nword; start = i) {
		i = pdf_line_end(pg, start, 1);
		for (any = 0, j = start; j < i; j++)
			any |= pg->word[pg->order[j]].num;
		for (j = start; j < i; j++)
			pg->word[pg->order[j]].numline = any;
	}
}

static int
by_top(const void *a, const void *b, void *arg)
{
	const struct pdfword *word = arg;
	const struct pdfword *p = &word[*(const int *)a];
	const struct pdfword *q = &word[*(const int *)b];

	return (p->y0 > q->y0) - (p->y0 < q->y0);
}

/* One character, wide: what a line justified across its cell is cut into. */
static int
one_wide_char(const struct pdf *pg, const struct pdfword *w)
{
	return !w->num && w->len >= 3 && utf8_width(wtext(pg, w), w->len) == 2;
}

/*
 * May b, printed right below a, be the next line of a's cell?  A label
 * printed one letter a line (a column's title 其 / 他 / 结 / 果, made
 * one word by pdf_join_upright) is a cell of its own, not the next line
 * of the title centred above its columns (未经复议直接起诉).
 */
static int
wraps_into(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *b, double narrow)
{
	double h = height(a) < height(b) ? height(a) : height(b);
	double ca = (a->x0 + a->x1) / 2, cb = (b->x0 + b->x1) / 2;

	if (b->len < 0 || b->num || b->numline || b->x1 - b->x0 > narrow ||
	    b->spaced || b->lines > 1 || pdf_starts_marker(wtext(pg, b)))
		return 0;
	if (b->y0 - a->y1 > h || b->y0 < a->y1 - h / 4)
		return 0;
	return (ca - cb < h / 2 && cb - ca < h / 2) ||
	    (a->x0 - b->x0 < h / 4 && b->x0 - a->x0 < h / 4);
}

/* The first word, in order of centres (bycy), centred at y or below:
 * where a scan of one line's words begins. */
static int
first_centred_from(const struct pdf *pg, double y)
{
	int lo = 0, hi = pg->nword, m;

	while (lo < hi) {
		m = (lo + hi) / 2;
		if (centre(&pg->word[pg->bycy[m]]) < y)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/*
 * Is a word outside x0..x1 centred at y (within tol)?  That is what a
 * cell wrapped over lines is centred on: the cells of its row.
 */
static int
centred_beside(const struct pdf *pg, double y, double tol, double x0, double x1)
{
	int lo;
	const struct pdfword *w;

	lo = first_centred_from(pg, y - tol);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + tol;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w->len >= 0 && (w->x1 <= x0 || w->x0 >= x1))
			return 1;
	}
	return 0;
}

/* Is o a value or a unit alone (个 of a number wrapped over two lines)? */
static int
value_or_unit(const struct pdf *pg, const struct pdfword *o)
{
	char buf[24];
	struct value v;

	if (o->num)
		return 1;
	if (o->len > 12 || utf8_width(wtext(pg, o), o->len) > 4)
		return 0;
	buf[0] = '1';
	memcpy(buf + 1, wtext(pg, o), o->len);
	buf[o->len + 1] = '\0';
	value_parse(buf, &v);
	return v.kind == V_NUMBER;
}

/* Is o a piece of a group label's lines left of w (三、本年度 / 办理结果
 * beside the first and last line of 3.1's wrapped counts)? */
static int
group_piece_left(const struct pdf *pg, const struct pdfword *o,
    const struct pdfword *w)
{
	return !o->num && o->x1 <= w->x0 && utf8_width(wtext(pg, o), o->len) <= 10;
}

static int alone_on_line_but(const struct pdf *, const struct pdfword *,
    double, int, int);

/* Is w alone on its line: no other word's box reaches further into its
 * height than share of it (joined: a cell made one of several lines
 * counts)?  bycy: by centre. */
static int
alone_on_line(const struct pdf *pg, const struct pdfword *w, double share,
    int joined)
{
	return alone_on_line_but(pg, w, share, joined, 0);
}

/* The same, values and units on the line, and pieces of a group label
 * left of w, not counted when values is set. */
static int
alone_on_line_but(const struct pdf *pg, const struct pdfword *w,
    double share, int joined, int values)
{
	double h = height(w), y = centre(w), lo, hi;
	int l;
	const struct pdfword *o;

	l = first_centred_from(pg, y - 2 * h);
	for (; l < pg->nword && centre(&pg->word[pg->bycy[l]]) <= y + 2 * h;
	    l++) {
		o = &pg->word[pg->bycy[l]];
		if (o == w || o->len < 0 || (!joined && o->lines > 1) ||
		    (values && (value_or_unit(pg, o) ||
		    group_piece_left(pg, o, w))))
			continue;
		lo = o->y0 > w->y0 ? o->y0 : w->y0;
		hi = o->y1 < w->y1 ? o->y1 : w->y1;
		if (hi - lo > share * h)
			return 0;
	}
	return 1;
}

/*
 * A header cell wrapped over lines with nothing beside it (申请 / 人情况,
 * 法人或其他 / 组织 over the columns they head, repeated at the top of a
 * page): its lines each alone on the page's line, centred one under the
 * other but not left-aligned as prose is (a heading and its 无。), no line
 * a row marker.  Lines apart, the first would join the last row of the
 * page before it, the header's words hiding that row (t3.c).
 */
static int
lone_centred_lines(const struct pdf *pg, const int *chain, int n)
{
	const struct pdfword *a = &pg->word[chain[0]], *w;
	double h = height(a);
	int k, aligned = 1;

	for (k = 0; k < n; k++) {
		w = &pg->word[chain[k]];
		if (!alone_on_line(pg, w, 0, 1) ||
		    pdf_starts_marker(wtext(pg, w)))
			return 0;
		if (w->x0 - a->x0 >= h / 4 || a->x0 - w->x0 >= h / 4)
			aligned = 0;
	}
	return !aligned;
}

/*
 * A two-line header cell whose lines stand wide apart, the cell beside it
 * printed between them, alone on its line (本年制 / 信息内容 / 发件数:
 * cells that hold paragraphs with space around them): b, up to two
 * lines below a, is a's second line when centred under it, neither a
 * row marker nor on a line with a number, and such a word left of their
 * columns lies wholly between the two, centred between them: that word,
 * else NULL.  (The caller also wants the title's first word of the row
 * and another cell's second line beside b: 规章 of a blank row is no
 * second line of 信息内容.)  bycy: by centre.
 */
static const struct pdfword *
spread_into(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *b, double narrow)
{
	double h = height(a), mid = (a->y1 + b->y0) / 2, x0;
	int lo;
	const struct pdfword *w;

	if (b->y0 - a->y1 <= h || b->y0 - a->y1 > 2 * h || b->len < 0 ||
	    b->num || b->numline || b->x1 - b->x0 > narrow || b->spaced ||
	    pdf_starts_marker(wtext(pg, a)) || pdf_starts_marker(wtext(pg, b)))
		return NULL;
	if ((a->x0 + a->x1) / 2 - (b->x0 + b->x1) / 2 >= h / 2 ||
	    (b->x0 + b->x1) / 2 - (a->x0 + a->x1) / 2 >= h / 2)
		return NULL;
	x0 = a->x0 < b->x0 ? a->x0 : b->x0;
	lo = first_centred_from(pg, mid - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= mid + h / 4;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w->len >= 0 && !w->numline && w->x1 <= x0 &&
		    w->y0 >= a->y1 - h / 4 && w->y1 <= b->y0 + h / 4 &&
		    !pdf_starts_marker(wtext(pg, w)) &&
		    alone_on_line(pg, w, 0.45, 0))
			return w;
	}
	return NULL;
}

/* Is there a word of one line right of w on its line?  bycy: by centre. */
static int
word_right_of(const struct pdf *pg, const struct pdfword *w)
{
	double h = height(w), y = centre(w);
	int lo;
	const struct pdfword *o;

	lo = first_centred_from(pg, y - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + h / 4;
	    lo++) {
		o = &pg->word[pg->bycy[lo]];
		if (o->len >= 0 && o->lines == 1 && o->x0 >= w->x1)
			return 1;
	}
	return 0;
}

/*
 * Is the word between a spread cell's lines the first of the row: no
 * word on a's line (of one line) starts left of it?  Then it is the
 * label column's title (信息内容) centred on the header's row; a title
 * of a value column (信息内容 本年制 现行有 above 本年废止件数) is a
 * header whose cells are centred on different lines, read as it is.
 * bycy: by centre.
 */
static int
first_of_row(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *mid)
{
	double h = height(a), y = centre(a);
	int lo;
	const struct pdfword *w;

	lo = first_centred_from(pg, y - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + h / 4;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w->len >= 0 && w->lines == 1 && w->x0 < mid->x0)
			return 0;
	}
	return 1;
}

#define MAX_WRAP	6	/* lines of one cell joined at most */
#define MAX_PITCH	512	/* wrapped lines' pitches counted at most */

/* The distance from one line's top to the next of a cell wrapped over
 * lines, and the lines' height. */
struct pitch {
	double	h, step;
};

/*
 * The pitches of the page's narrow words and the line each may wrap
 * into (wraps_into), the first MAX_PITCH of them, into pv.  order: by
 * top.
 */
static int
count_pitches(const struct pdf *pg, double narrow, struct pitch *pv)
{
	const struct pdfword *a, *b;
	int i, j, n = 0;

	for (i = 0; i < pg->nword && n < MAX_PITCH; i++) {
		a = &pg->word[pg->order[i]];
		if (a->len < 0 || a->num || a->numline ||
		    a->x1 - a->x0 > narrow)
			continue;
		for (j = i + 1; j < pg->nword &&
		    pg->word[pg->order[j]].y0 <= a->y1 + height(a); j++) {
			b = &pg->word[pg->order[j]];
			if (wraps_into(pg, a, b, narrow)) {
				pv[n].h = height(a);
				pv[n++].step = b->y0 - a->y0;
				break;
			}
		}
	}
	return n;
}

/*
 * The pitch of the page's wrapped lines of height h: the step most of
 * them share (within half a point), when three do; else 0.  A table's
 * cells wrap their text at one line height; header cells stacked over
 * their columns (申请人情况 / 法人或其他组织 / 社会公, centred one under
 * the other) stand further apart, by the cells' padding.
 */
static double
line_pitch(const struct pitch *pv, int n, double h)
{
	double best = 0;
	int i, j, c, most = 0;

	for (i = 0; i < n; i++) {
		if (pv[i].h - h > 0.1 * h || h - pv[i].h > 0.1 * h)
			continue;
		for (c = 0, j = 0; j < n; j++)
			c += pv[j].h - h <= 0.1 * h && h - pv[j].h <= 0.1 * h &&
			    pv[j].step - pv[i].step <= 0.5 &&
			    pv[i].step - pv[j].step <= 0.5;
		if (c > most)
			most = c, best = pv[i].step;
	}
	return most >= 3 ? best : 0;
}

/* Is b as far below a as the page's wrapped lines are (pitch 0:
 * unknown)? */
static int
at_pitch(const struct pdfword *a, const struct pdfword *b, double pitch)
{
	double d = b->y0 - a->y0 - pitch, tol = 0.1 * height(a);

	if (tol < 1)
		tol = 1;
	return pitch == 0 || (d <= tol && -d <= tol);
}

/*
 * Is b, below the last of chain[0..n), as far below it as the chain's
 * second line is below its first (within a quarter of a line)?  The
 * lines of one cell are set at one pitch; header cells stacked over
 * their columns (申请人情况 / 法人或其他组织 / 社会 / 公益) stand
 * further apart, by the cells' padding, than the lines inside one.
 */
static int
same_pitch(const struct pdf *pg, const int *chain, int n,
    const struct pdfword *b)
{
	const struct pdfword *first = &pg->word[chain[0]];
	double gap, step, h = height(first);

	if (n < 2)
		return 1;
	step = pg->word[chain[1]].y0 - first->y1;
	gap = b->y0 - pg->word[chain[n - 1]].y1;
	return gap - step <= h / 4 && step - gap <= h / 4;
}

/* Join the words chain[0..n) into chain[0]. */
static void
join_chain(struct pdf *pg, const int *chain, int n)
{
	struct pdfword *a = &pg->word[chain[0]], *b;
	int k;

	pg->tmp.len = 0;
	for (k = 0; k < n; k++)
		buf_add(&pg->tmp, wtext(pg, &pg->word[chain[k]]),
		    pg->word[chain[k]].len);
	for (k = 1; k < n; k++) {
		b = &pg->word[chain[k]];
		a->y1 = b->y1;
		if (b->x0 < a->x0)
			a->x0 = b->x0;
		if (b->x1 > a->x1)
			a->x1 = b->x1;
		b->len = -1;
	}
	a->off = pg->arena.len;
	a->len = (int)pg->tmp.len;
	a->lines = n;
	buf_add(&pg->arena, pg->tmp.p, pg->tmp.len + 1);
}

/*
 * A number and its unit wrapped in a narrow cell (60 / 件, Chromium's
 * print of a table whose total column is narrow), centred on the row's
 * line: the number a line above it, the unit a line below.  Each alone
 * on its line (the row's words reach less than half into it) but for
 * values and units (13 and 29 above 8个 7个 … 个 个: t4's narrow columns
 * wrap the two-digit counts) and a group label's pieces left of it (三、
 * 本年度 14 … 19 over （一）予以公开 5条 over 办理结果 条 … 条), the unit's
 * text one the number takes
 * (value.h), the two
 * overlapping, and the two made one centred on a word beside them: one
 * word, the number of that row.  order: by top.
 */
static void
join_number_unit(struct pdf *pg)
{
	struct pdfword *a, *b;
	struct value v;
	int i, j, pair[2];
	double h, mid;

	for (i = 0; i < pg->nword; i++) {
		a = &pg->word[pg->order[i]];
		if (a->len < 0 || !a->num ||
		    !alone_on_line_but(pg, a, 0.45, 1, 1))
			continue;
		h = height(a);
		for (j = i + 1; j < pg->nword &&
		    pg->word[pg->order[j]].y0 <= a->y1 + h; j++) {
			b = &pg->word[pg->order[j]];
			if (b->len < 0 || b->num || b->y0 < a->y1 - h / 4 ||
			    b->x0 >= a->x1 || b->x1 <= a->x0 ||
			    utf8_width(wtext(pg, b), b->len) > 4)
				continue;
			pg->tmp.len = 0;
			buf_add(&pg->tmp, wtext(pg, a), a->len);
			buf_add(&pg->tmp, wtext(pg, b), b->len);
			buf_add(&pg->tmp, "", 1);
			value_parse(pg->tmp.p, &v);
			if (v.kind != V_NUMBER ||
			    !alone_on_line_but(pg, b, 0.45, 1, 1) ||
			    !centred_beside(pg, (a->y0 + b->y1) / 2, h / 4,
			    a->x0 < b->x0 ? a->x0 : b->x0,
			    a->x1 > b->x1 ? a->x1 : b->x1))
				continue;
			pair[0] = pg->order[i];
			pair[1] = pg->order[j];
			mid = (a->y0 + b->y1) / 2;
			join_chain(pg, pair, 2);
			a->num = 1;
			/* a line high on the row's line: two lines high it
			 * shared a line with a group label's first piece
			 * (三、本年度) as soon as it sorted before the row's
			 * label */
			a->y0 = mid - h / 2;
			a->y1 = mid + h / 2;
			break;
		}
	}
}

/*
 * A row marker with its label's text just right of it on its line (1.
 * 本机关不掌握相关政府): the first line of a wrapped label, not a narrow
 * cell of its own to join with the line below (信息).  bycy: by centre.
 */
static int
marker_before_text(const struct pdf *pg, const struct pdfword *a)
{
	double h = height(a), y = centre(a);
	int lo;
	const struct pdfword *w;

	if (!pdf_starts_marker(wtext(pg, a)))
		return 0;
	lo = first_centred_from(pg, y - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + h / 4;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w != a && w->len >= 0 && !w->num && w->x0 >= a->x1 &&
		    w->x0 - a->x1 < h / 2)
			return 1;
	}
	return 0;
}

/*
 * A character of a line spaced out to fill its cell (a label justified
 * in a Word table: 7. 属 于 行 政 执 / 法案卷, each character a word a
 * seventh of a character apart) is a piece of that line, not a narrow
 * cell to join with the line below: 属 would leave its row for the
 * numbers' line and take 法案卷 with it.  It joins only a character
 * alone below it: the two lines of a tight header cell spaced out
 * (其 他 / 结 果, read as the stacked pairs 其结 他果 by t4.c).  bycy: by
 * centre.
 */
static int
in_spaced_line(const struct pdf *pg, const struct pdfword *a)
{
	double h = height(a), y = centre(a), gap;
	int lo;
	const struct pdfword *w;

	if (!one_wide_char(pg, a))
		return 0;
	lo = first_centred_from(pg, y - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + h / 4;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w == a || w->len < 0 || !one_wide_char(pg, w))
			continue;
		gap = w->x0 >= a->x1 ? w->x0 - a->x1 : a->x0 - w->x1;
		if (gap >= 0 && gap < h / 2)
			return 1;
	}
	return 0;
}

/* Does s (n bytes) end with an opening bracket, or begin with a closing
 * one (close)? */
static int
bracket(const char *s, int n, int close)
{
	if (close)
		return *s == ')' || strncmp(s, "）", 3) == 0;
	return (n >= 1 && s[n - 1] == '(') || (n >= 3 &&
	    strncmp(s + n - 3, "（", 3) == 0);
}

/*
 * The numeral of a row marker spaced out, its brackets words of their
 * own (( 一 ) 予以 / 公开: the brackets in a Latin font, Word's lang=EN-US
 * spans, a point or two from the numeral): a piece of the label's first
 * line, not a narrow cell to join with the line below, which would take
 * the numeral from the marker and leave the row without its start.
 * bycy: by centre.
 */
static int
in_spaced_marker(const struct pdf *pg, const struct pdfword *a)
{
	double h = height(a), y = centre(a);
	int lo, open = 0, close = 0;
	const struct pdfword *w;

	if (a->num || utf8_width(wtext(pg, a), a->len) > 4)
		return 0;
	lo = first_centred_from(pg, y - h / 4);
	for (; lo < pg->nword && centre(&pg->word[pg->bycy[lo]]) <= y + h / 4;
	    lo++) {
		w = &pg->word[pg->bycy[lo]];
		if (w == a || w->len <= 0)
			continue;
		if (w->x1 <= a->x0 && a->x0 - w->x1 < h / 2 &&
		    bracket(wtext(pg, w), w->len, 0))
			open = 1;
		if (w->x0 >= a->x1 && w->x0 - a->x1 < h / 2 &&
		    bracket(wtext(pg, w), w->len, 1))
			close = 1;
	}
	return open && close;
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
void
pdf_join_wrapped(struct pdf *pg, double narrow)
{
	int chain[MAX_WRAP], i, j, k, n = 0, len, npitch;
	double x0, x1, y0, y1, pitch;
	struct pdfword *a;
	const struct pdfword *mid;
	struct pitch *pv;

	mark_number_lines(pg);
	if (pg->nword > pg->bycycap) {
		pg->bycycap = pg->nword * 2;
		pg->bycy = gip_xrealloc(pg->bycy,
		    pg->bycycap * sizeof *pg->bycy);
	}
	/* by centre */
	memcpy(pg->bycy, pg->order, pg->nword * sizeof *pg->order);
	for (i = 0; i < pg->nword; i++) {	/* before joins move words */
		pg->word[i].lead = marker_before_text(pg, &pg->word[i]);
		pg->word[i].spaced = in_spaced_line(pg, &pg->word[i]) ||
		    in_spaced_marker(pg, &pg->word[i]);
	}
	for (i = 0; i < pg->nword; i++)
		pg->order[i] = i;
	qsort_r(pg->order, pg->nword, sizeof *pg->order, by_top, pg->word);
	join_number_unit(pg);
	pv = gip_xmalloc(MAX_PITCH * sizeof *pv);
	npitch = count_pitches(pg, narrow, pv);
	for (i = 0; i < pg->nword; i++) {
		a = &pg->word[pg->order[i]];
		if (a->len < 0 || a->num || a->numline ||
		    a->x1 - a->x0 > narrow || a->lead || a->spaced)
			continue;
		chain[0] = pg->order[i];
		pitch = line_pitch(pv, npitch, height(a));
		for (len = 1, j = i + 1; j < pg->nword && len < MAX_WRAP &&
		    pg->word[pg->order[j]].y0 <= pg->word[chain[len - 1]].y1 +
		    height(a); j++)
			if (wraps_into(pg, &pg->word[chain[len - 1]],
			    &pg->word[pg->order[j]], narrow) &&
			    same_pitch(pg, chain, len, &pg->word[pg->order[j]]) &&
			    at_pitch(&pg->word[chain[len - 1]],
			    &pg->word[pg->order[j]], pitch))
				chain[len++] = pg->order[j];
		for (; len > 1; len--) {
			x0 = a->x0, x1 = a->x1;
			for (k = 1; k < len; k++) {
				if (pg->word[chain[k]].x0 < x0)
					x0 = pg->word[chain[k]].x0;
				if (pg->word[chain[k]].x1 > x1)
					x1 = pg->word[chain[k]].x1;
			}
			y0 = a->y0;
			y1 = pg->word[chain[len - 1]].y1;
			if (centred_beside(pg, (y0 + y1) / 2, height(a) / 4,
			    x0, x1) || lone_centred_lines(pg, chain, len))
				break;
		}
		if (len > 1)
			join_chain(pg, chain, len);
	}
	free(pv);
	for (i = 0; i < pg->nword; i++) {	/* what is left: spread cells */
		a = &pg->word[pg->order[i]];
		if (a->len < 0 || a->num || a->numline ||
		    a->x1 - a->x0 > narrow || a->lead || a->spaced ||
		    a->lines > 1)
			continue;
		for (j = i + 1; j < pg->nword &&
		    pg->word[pg->order[j]].y0 <= a->y1 + 2 * height(a); j++)
			if (pg->word[pg->order[j]].lines == 1 &&
			    (mid = spread_into(pg, a, &pg->word[pg->order[j]],
			    narrow)) != NULL) {
				a->pair = pg->order[j] + 1;
				a->mid = (int)(mid - pg->word) + 1;
				break;
			}
	}
	for (i = 0; i < pg->nword; i++) {
		a = &pg->word[pg->order[i]];
		if (a->pair == 0 || a->len < 0 || pg->word[a->pair - 1].len < 0 ||
		    !first_of_row(pg, a, &pg->word[a->mid - 1]) ||
		    !word_right_of(pg, &pg->word[a->pair - 1]))
			continue;
		chain[0] = pg->order[i];
		chain[1] = a->pair - 1;
		mid = &pg->word[a->mid - 1];
		join_chain(pg, chain, 2);
		a->y0 = mid->y0;	/* on the line it is centred on */
		a->y1 = mid->y1;
	}
	for (i = 0; i < pg->nword; i++)
		if (pg->word[i].len >= 0)
			pg->word[n++] = pg->word[i];
	pg->nword = n;
}

/* As narrow as one of its characters is tall: a piece of vertical text. */
static int
is_upright(const struct pdf *pg, const struct pdfword *w)
{
	size_t chars = utf8_width(wtext(pg, w), w->len);

	chars = chars > 1 ? chars / 2 : 1;	/* wide characters */
	return !w->num && w->x1 - w->x0 <= 1.3 * height(w) / chars;
}

static int
by_column(const void *a, const void *b, void *arg)
{
	const struct pdfword *word = arg;
	const struct pdfword *p = &word[*(const int *)a];
	const struct pdfword *q = &word[*(const int *)b];

	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return (p->y0 > q->y0) - (p->y0 < q->y0);
}

/*
 * Is b the next piece below a of one vertical label?  Without a gap; or,
 * both one wide character, less than half a line apart: a title in a
 * column one character wide wraps a character a line, at the pitch of
 * the lines of text (自 / 然 / 人, 科 / 研 / 机 / 构 in Chromium's
 * print, 0.4 of a line between).
 */
static int
stacks_on(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *b)
{
	double wd = a->x1 - a->x0, tol = wd * 0.15, gap = tol;

	/* a, once joined, is taken (len < 0): it was a piece as narrow */
	if ((a->len < 0 || one_wide_char(pg, a)) && one_wide_char(pg, b))
		gap = 0.45 * height(b);
	return is_upright(pg, b) && b->x0 - a->x0 <= tol && a->x0 - b->x0 <=
	    tol && b->x1 - a->x1 <= tol && a->x1 - b->x1 <= tol &&
	    b->y0 - a->y1 <= gap && a->y1 - b->y0 <= tol;
}

/*
 * A label printed one character per line (三、本年度办理结果 down the
 * side of a group of rows) comes as words stacked without gaps in one
 * narrow column: they are made one tall word, which joins no line.
 * order is used as scratch.
 */
void
pdf_join_upright(struct pdf *pg)
{
	int i, j, n = 0, last;
	struct pdfword *a, *b;

	for (i = 0; i < pg->nword; i++)
		pg->order[i] = i;
	qsort_r(pg->order, pg->nword, sizeof *pg->order, by_column, pg->word);
	for (i = 0; i < pg->nword; i++) {
		a = &pg->word[pg->order[i]];
		if (a->len < 0 || !is_upright(pg, a))
			continue;
		for (last = pg->order[i], j = i + 1; j < pg->nword &&
		    pg->word[pg->order[j]].x0 - a->x0 <= (a->x1 - a->x0) * 0.15;
		    j++) {
			b = &pg->word[pg->order[j]];
			if (b->len < 0 || !stacks_on(pg, &pg->word[last], b))
				continue;
			pg->tmp.len = 0;
			buf_add(&pg->tmp, wtext(pg, a), a->len);
			buf_add(&pg->tmp, wtext(pg, b), b->len);
			a->off = pg->arena.len;
			a->len = (int)pg->tmp.len;
			buf_add(&pg->arena, pg->tmp.p, pg->tmp.len + 1);
			a->y1 = b->y1;
			if (b->x1 > a->x1)
				a->x1 = b->x1;
			a->lines++;
			b->len = -1;		/* taken */
			last = pg->order[j];
		}
	}
	for (i = 0; i < pg->nword; i++)
		if (pg->word[i].len >= 0)
			pg->word[n++] = pg->word[i];
	pg->nword = n;
}
