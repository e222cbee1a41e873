/*
 * A PDF page's words laid out again as lines and cells (pdfctx.h):
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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pdfctx.h"
#include "text.h"
#include "utf8.h"

#define TEXT_COL_PT	5.0	/* a column of report text, in points */
#define MAX_TEXT_COL	400	/* columns of indent written at most */

static void
put(struct pdfctx *c, const char *p, size_t n)
{
	if (c->full)
		return;
	if (c->pg->text.len + n + 2 > PDF_MAX_TEXT) {
		c->full = 1;
		return;
	}
	buf_add(&c->pg->text, p, n);
}

static int
by_x(const void *a, const void *b, void *arg)
{
	const struct pdfword *word = arg;
	const struct pdfword *p = &word[*(const int *)a];
	const struct pdfword *q = &word[*(const int *)b];

	return (p->x0 > q->x0) - (p->x0 < q->x0);
}

/* Does w end with a closing bracket (a spaced group marker ( 三 ))? */
static int
closes(const struct pdf *pg, const struct pdfword *w)
{
	const char *s = wtext(pg, w);

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
mark_edges(struct pdf *pg)
{
	int i, n = 0, lo, hi, mid;

	if (pg->nword > pg->startcap) {
		pg->startcap = pg->nword * 2;
		pg->starts = gip_xrealloc(pg->starts,
		    pg->startcap * sizeof *pg->starts);
	}
	for (i = 0; i < pg->nword; i++)
		if (!pg->word[i].num &&
		    (pdf_whole_marker(wtext(pg, &pg->word[i])) ||
		    strcmp(wtext(pg, &pg->word[i]), "(") == 0 ||
		    strcmp(wtext(pg, &pg->word[i]), "（") == 0))
			pg->starts[n++] = pg->word[i].x0;
	if (n > 0)
		qsort(pg->starts, n, sizeof *pg->starts, cmp_double);
	for (i = 0; i < pg->nword; i++) {
		for (lo = 0, hi = n; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (pg->starts[mid] < pg->word[i].x0 - 0.25)
				lo = mid + 1;
			else
				hi = mid;
		}
		pg->word[i].edge = lo < n &&
		    pg->starts[lo] <= pg->word[i].x0 + 0.25;
	}
}

/* Is the last (first) character of w wide? */
static int
wide_end(const struct pdf *pg, const struct pdfword *w, int last)
{
	const char *s = wtext(pg, w), *p = s + w->len;
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
same_cell(const struct pdf *pg, const struct pdfword *a,
    const struct pdfword *b)
{
	double h = height(a) < height(b) ? height(a) : height(b);
	double gap = b->x0 - a->x1, most = 0.7;

	if (centre(a) - centre(b) > h / 4 || centre(b) - centre(a) > h / 4)
		return 0;		/* another baseline */
	if (a->lines > 1 || b->lines > 1)
		return 0;		/* a whole cell already */
	if (!a->num && !b->num && ((wide_end(pg, a, 1) && (b->edge ||
	    pdf_whole_marker(wtext(pg, b)))) || (closes(pg, a) &&
	    pdf_whole_marker(wtext(pg, b)))))
		return 0;		/* a group label, then a row's label */
	if (a->num && b->num)
		most = 0.3;
	else if (wide_end(pg, a, 1) && (b->num || (wide_end(pg, b, 0) &&
	    utf8_width(wtext(pg, a), a->len) > 2 &&
	    utf8_width(wtext(pg, b), b->len) > 2)))
		most = 0.15;
	return gap < most * h;
}

/*
 * A page number alone on its line: "3", "- 3 -", "第 3 页 共 9 页", "3/9".
 * Two numbers only with what parts them (共, /): a table's row of numbers
 * low on a page (0 6 14) is no page number.
 */
static int
is_page_number(const char *s)
{
	char buf[256];
	size_t n = strlen(s), i, m;
	int digits = 0, runs = 0, parted = 0;

	if (n >= sizeof buf)
		return 0;
	for (i = 0; i < n; i++)		/* numbers apart, before folding */
		runs += s[i] >= '0' && s[i] <= '9' && (i == 0 ||
		    s[i - 1] < '0' || s[i - 1] > '9');
	m = text_norm(buf, s, n, TEXT_LABEL);
	for (i = 0; i < m; i++) {
		if (buf[i] >= '0' && buf[i] <= '9')
			digits++;
		else if (strncmp(buf + i, "共", 3) == 0) {
			parted = 1;
			i += 2;
		} else if (strncmp(buf + i, "第", 3) == 0 ||
		    strncmp(buf + i, "页", 3) == 0 ||
		    strncmp(buf + i, "—", 3) == 0)
			i += 2;
		else if (buf[i] == '/')
			parted = 1;
		else if (buf[i] != '-')
			return 0;
	}
	return digits > 0 && digits <= 4 && (runs <= 1 || (runs == 2 &&
	    parted));
}

/* The text of words o[0..n) of one line, as one string in s. */
static void
line_text(const struct pdf *pg, const int *o, int n, struct buf *s)
{
	int i;

	s->len = 0;
	buf_add(s, "", 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_add(s, " ", 1);
		buf_add(s, wtext(pg, &pg->word[o[i]]), pg->word[o[i]].len);
	}
}

/* Margin lines (top 8 %, bottom 12 % of the page) that are page numbers. */
static int
is_margin_number(struct pdfctx *c, const int *o, int n, double y0,
    double y1)
{
	if (c->height <= 0 || (y1 > c->height * 0.08 &&
	    y0 < c->height * 0.88))
		return 0;
	line_text(c->pg, o, n, &c->pg->tmp);
	return is_page_number(c->pg->tmp.p);
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
write_line(struct pdfctx *c, const int *o, int n, double left, int first)
{
	struct pdf *pg = c->pg;
	const struct pdfword *w, *prev;
	int i, j, col = 0, want, x0, x1;

	grid_new_row(&c->t->g, c->line);
	if (first && c->page > 1)
		put(c, "\f", 1);
	for (i = 0; i < n; i = j) {
		pg->tmp.len = 0;
		buf_add(&pg->tmp, "", 0);
		for (j = i; j < n; j++) {
			w = &pg->word[o[j]];
			if (j > i) {
				prev = &pg->word[o[j - 1]];
				if (!same_cell(pg, prev, w))
					break;
				/* pdftotext saw a gap: a space, so that a
				 * row marker after a narrow group label
				 * (三、本 （一）) is still a word's start */
				buf_add(&pg->tmp, " ", 1);
			}
			buf_add(&pg->tmp, wtext(pg, w), w->len);
		}
		want = (int)((pg->word[o[i]].x0 - left) / TEXT_COL_PT);
		if (want > MAX_TEXT_COL)
			want = MAX_TEXT_COL;
		if (i > 0 && want < col + 2)
			want = col + 2;
		for (; col < want; col++)
			put(c, " ", 1);
		put(c, pg->tmp.p, pg->tmp.len);
		col += (int)utf8_width(pg->tmp.p, pg->tmp.len);
		x0 = unit(pg->word[o[i]].x0);
		x1 = unit(pg->word[o[j - 1]].x1);
		grid_add_cell(&c->t->g, pg->tmp.p, pg->tmp.len, x0,
		    x1 > x0 ? x1 : x0 + 1);
	}
	put(c, "\n", 1);
	c->t->last_line = c->line++;
}

/* What the line order[from..to) holds: 1 numbers, 2 other words; 4 a
 * word that starts with a row marker. */
static int
line_holds(const struct pdf *pg, int from, int to)
{
	const struct pdfword *w;
	int i, what = 0;

	for (i = from; i < to; i++) {
		w = &pg->word[pg->order[i]];
		what |= w->num ? 1 : 2;
		if (!w->num && pdf_starts_marker(wtext(pg, w)))
			what |= 4;
	}
	return what;
}

/* A piece of a group label's line: text of four characters at most. */
static int
group_piece(const struct pdf *pg, const struct pdfword *w)
{
	return !w->num && utf8_width(wtext(pg, w), w->len) <= 8;
}

/*
 * Is the line order[start..end) numbers under the columns and at most
 * pieces of a group label's lines (三、本), with the line order[end..next)
 * holding a row's label left of the numbers and right of those pieces,
 * only such pieces left of it?  (Not a line of units wrapped below their
 * numbers, 0 / 个.)
 */
static int
label_leads(const struct pdf *pg, int start, int end, int next)
{
	const struct pdfword *first = NULL, *w;
	double edge = -1e9;
	int i, numbers = 0;

	for (i = start; i < end; i++) {
		w = &pg->word[pg->order[i]];
		if (!w->num && w->x1 > edge)
			edge = w->x1;
	}
	for (i = end; i < next; i++) {
		w = &pg->word[pg->order[i]];
		if (w->x0 >= edge && (first == NULL || w->x0 < first->x0))
			first = w;
	}
	if (first == NULL || first->num)
		return 0;
	for (i = end; i < next; i++) {
		w = &pg->word[pg->order[i]];
		if (w->x0 < first->x0 && !group_piece(pg, w))
			return 0;
	}
	for (i = start; i < end; i++) {
		w = &pg->word[pg->order[i]];
		if (w->num ? w->x0 < first->x1 : !group_piece(pg, w))
			return 0;
		numbers += w->num;
	}
	return numbers > 0;
}

/*
 * A line of numbers only whose row's label is printed lower: a label
 * aligned to the bottom of its cell or in a larger line height, or, the
 * commoner, values set at the top of a cell taller than a line (Word's
 * valign=top: 11 a line above 规范性文件  11  12), maybe beside a group
 * label set at the top of its cell (三、本  101 above （一）予以公开  698).
 * When the next line begins with a label, left of the numbers and right
 * of the group label, and is nearer than the line above and than a
 * line's height, the numbers are its (less than 0.4 as near when the
 * line above is a row's label without numbers and the next line starts
 * no row: they are that label's, printed between its two lines).  Otherwise a line of numbers joins the
 * row above it (lrow.h), as most do: values centred in a row whose
 * label wraps sit between its lines, nearer the label's first line than
 * the next row.
 */
static int
numbers_go_down(const struct pdf *pg, int prev, int start, int end)
{
	int next, i;
	double c, up = 1e9, down, most;

	if (end >= pg->nword)
		return 0;
	next = pdf_line_end(pg, end, 0);
	if (!label_leads(pg, start, end, next))
		return 0;
	c = centre(&pg->word[pg->order[start]]);
	down = centre(&pg->word[pg->order[end]]) - c;
	for (i = prev; i >= 0 && i < start; i++)
		if (c - centre(&pg->word[pg->order[i]]) < up)
			up = c - centre(&pg->word[pg->order[i]]);
	most = prev >= 0 && line_holds(pg, prev, start) == 6 &&
	    !(line_holds(pg, end, next) & 4) ? 0.4 : 1;
	return down < most * up && down < height(&pg->word[pg->order[start]]);
}

/* A word and its place (half points), hashed (FNV-1a). */
static uint64_t
word_hash(const struct pdf *pg, const struct pdfword *w)
{
	uint64_t h = 14695981039346656037u;
	const unsigned char *p;
	long x;
	int k;

	x = w->x0 > 0 && w->x0 < 1e7 ? (long)(w->x0 * 2 + 0.5) : 0;
	for (p = (const unsigned char *)wtext(pg, w); *p; p++)
		h = (h ^ *p) * 1099511628211u;
	for (k = 0; k < 4; k++, x >>= 8)
		h = (h ^ (unsigned char)x) * 1099511628211u;
	return h;
}

/*
 * Was every word of the line o[0..n) printed just so (its text at its
 * place) on the page before, and one of them a word of text?  Words are
 * compared, not lines: how a page's words fall into lines may differ
 * from page to page by a hair (a header cell of five lines centred on
 * a line, sorted above or below its first word).  Each word is marked
 * seen on this page.
 */
static int
line_seen_before(struct pdfctx *c, const int *o, int n)
{
	struct pdf *pg = c->pg;
	int i, all = 1, text = 0;

	for (i = 0; i < n; i++) {
		if (pdf_seen_mark(pg, word_hash(pg, &pg->word[o[i]]),
		    c->page) != c->page - 1)
			all = 0;
		text |= !pg->word[o[i]].num;
	}
	return all && text;
}

/*
 * The lines at the top of a page whose words were printed just so on the
 * page before (a table's header rows, repeated on every page the table
 * runs over), two at least, are left out: between the last row of one page
 * and the first of the next they would join the row above (lrow.h), its
 * label then holding the header's words, and a row cut by the break
 * (3.要求提供公开出版 / 物) would not be joined again.  held: the lines
 * kept back meanwhile, as start and end in order.  start == end: the
 * page's end.
 */
#define MAX_REPEAT	16	/* header lines repeated at most */

struct pagetop {
	int	held[MAX_REPEAT][2];
	int	nheld, on;	/* on: still at the page's top */
};

static int
write_or_hold(struct pdfctx *c, struct pagetop *top, int start, int end,
    double left, int first)
{
	struct pdf *pg = c->pg;
	int seen, k;

	seen = start < end && line_seen_before(c, pg->order + start,
	    end - start);
	if (top->on && c->page > 1 && seen && top->nheld < MAX_REPEAT) {
		top->held[top->nheld][0] = start;
		top->held[top->nheld++][1] = end;
		return first;
	}
	if (top->on && top->nheld < 2)
		for (k = 0; k < top->nheld; k++, first = 0)
			write_line(c, pg->order + top->held[k][0],
			    top->held[k][1] - top->held[k][0], left, first);
	top->on = 0;
	top->nheld = 0;
	if (start < end) {
		write_line(c, pg->order + start, end - start, left, first);
		first = 0;
	}
	return first;
}

/* Lay the words of the page out as lines, top to bottom. */
void
pdf_lay_out_page(struct pdfctx *c)
{
	struct pdf *pg = c->pg;
	double y0, y1, left = 1e9, right = -1e9;
	int i, start, prev, first = 1;
	struct pagetop top = {.on = 1};

	if (pg->nword == 0)
		return;		/* a page of images: no qsort of nothing */
	if (pg->nword > pg->ordercap) {
		pg->ordercap = pg->nword * 2;
		pg->order = gip_xrealloc(pg->order,
		    pg->ordercap * sizeof *pg->order);
	}
	pdf_join_upright(pg);
	for (i = 0; i < pg->nword; i++) {
		if (pg->word[i].x0 < left)
			left = pg->word[i].x0;
		if (pg->word[i].x1 > right)
			right = pg->word[i].x1;
	}
	pdf_join_wrapped(pg, (right - left) * 0.3);
	mark_edges(pg);
	for (i = 0; i < pg->nword; i++)
		pg->order[i] = i;
	qsort_r(pg->order, pg->nword, sizeof *pg->order, pdf_by_centre,
	    pg->word);
	for (start = 0, prev = -1; start < pg->nword; prev = start, start = i) {
		i = pdf_line_end(pg, start, 0);
		if (numbers_go_down(pg, prev, start, i))
			i = pdf_line_end(pg, i, 0);
		y0 = pg->word[pg->order[start]].y0;
		y1 = pg->word[pg->order[start]].y1;
		qsort_r(pg->order + start, i - start, sizeof *pg->order, by_x,
		    pg->word);
		if (is_margin_number(c, pg->order + start, i - start, y0, y1))
			continue;
		first = write_or_hold(c, &top, start, i, left, first);
	}
	if (top.on && top.nheld > 0)
		write_or_hold(c, &top, i, i, left, first);
}
