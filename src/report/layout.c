/*
 * Reading the layouts of SPEC.md into rows of cells.  Each reader keeps
 * what its layout says about cell boundaries and nothing more: TAB rows
 * and bordered tables have explicit cells (a blank cell is visible),
 * space-aligned text has cells only by position (a blank cell is just
 * spaces, so cells carry display columns instead).
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"

#include "input.h"
#include "layout.h"
#include "text.h"
#include "utf8.h"

struct line {
	const char	*s;
	size_t		 n;
	long		 no;
};

/* Iterate lines of a region, stripping a leading form feed. */
static int
next_line(const char *text, size_t len, size_t *pos, struct line *ln)
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

static int
is_vbar(uint32_t cp)
{
	return cp == '|' || cp == 0x2502 || cp == 0x2503 || cp == 0x2551;
}

/* A rule line: only border characters and spaces. */
static int
is_rule(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;
	int border = 0;

	while (i < n) {
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

static int
starts_with_vbar(const char *s, size_t n)
{
	uint32_t cp;
	const char *p = text_skip_space(s, s + n);

	if (p == s + n)
		return 0;
	utf8_decode(p, s + n - p, &cp);
	return is_vbar(cp) || (cp >= 0x2500 && cp <= 0x257f);
}

/* A page-number line printed between pages: "- 3 -", "第 3 页 共 9 页". */
static int
is_page_number(const char *s, size_t n)
{
	char buf[128];
	size_t m, i;

	if (n >= sizeof buf)
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
	return buf[0] == '-' || strncmp(buf, "—", 3) == 0;
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
 * A page's footer line: a page number as is_page_number knows it, or a
 * bare number of up to four digits alone on the last line of a page
 * (pdftotext -layout prints it before the form feed that starts the
 * next page).  pos is where the line after ln starts.
 */
static int
is_footer(const char *text, size_t len, size_t pos, const struct line *ln)
{
	const char *p = text_skip_space(ln->s, ln->s + ln->n), *d = p;
	const char *end = ln->s + ln->n;

	if (is_page_number(ln->s, ln->n))
		return 1;
	while (d < end && *d >= '0' && *d <= '9')
		d++;
	if (d == p || d - p > 4 || text_skip_space(d, end) != end)
		return 0;
	return page_follows(text, len, pos);
}

enum layout
layout_detect(const char *text, size_t len)
{
	size_t pos = 0;
	struct line ln = {0};
	int tablead = 0, tabinner = 0, bordered = 0;
	const char *tab;

	while (next_line(text, len, &pos, &ln)) {
		if (ln.n == 0)
			continue;
		if (starts_with_vbar(ln.s, ln.n) || is_rule(ln.s, ln.n))
			bordered++;
		if ((tab = memchr(ln.s, '\t', ln.n)) == NULL)
			continue;
		if (tab == ln.s && memchr(ln.s + 1, '\t', ln.n - 1) == NULL)
			tablead++;
		else
			tabinner++;
	}
	if (bordered >= 4 && bordered > tablead + tabinner)
		return LAYOUT_BORDERED;
	if (tablead >= 4 && tablead > tabinner)
		return LAYOUT_CELLLINE;
	if (tabinner >= 2)
		return LAYOUT_TABROW;
	return LAYOUT_SPACED;
}

const char *
layout_name(enum layout kind)
{
	static const char *const names[] = {"tabrow", "cellline", "bordered",
	    "spaced"};

	return names[kind];
}

/* TAB rows: a line is a row, TAB separates cells. */
static void
read_tabrow(const char *text, size_t len, long first, struct grid *g)
{
	size_t pos = 0;
	struct line ln = {.no = first - 1};
	const char *p, *end, *tab;

	while (next_line(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n) || is_footer(text, len, pos, &ln))
			continue;
		grid_new_row(g, ln.no);
		for (p = ln.s, end = ln.s + ln.n; ; p = tab + 1) {
			tab = memchr(p, '\t', end - p);
			grid_add_cell(g, p, (tab ? tab : end) - p, -1, -1);
			if (!tab)
				break;
		}
	}
}

/*
 * One cell per line, TAB-prefixed, rows separated by blank lines.  A line
 * without TAB continues the cell above (a wrapped cell), unless it comes
 * after a blank line: then it is a tall cell printed apart and starts a
 * row of its own.
 */
static void
read_cellline(const char *text, size_t len, long first, struct grid *g)
{
	size_t pos = 0;
	struct line ln = {.no = first - 1};
	int inrow = 0, afterblank = 1;

	while (next_line(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n) && (ln.n == 0 || ln.s[0] !=
		    '\t')) {
			inrow = 0;
			afterblank = 1;
			continue;
		}
		if (ln.s[0] != '\t' && is_footer(text, len, pos, &ln))
			continue;
		if (!inrow) {
			grid_new_row(g, ln.no);
			inrow = 1;
		}
		if (ln.s[0] == '\t')
			grid_add_cell(g, ln.s + 1, ln.n - 1, -1, -1);
		else if (afterblank || g->row[g->nrow - 1].ncell == 0)
			grid_add_cell(g, ln.s, ln.n, -1, -1);
		else
			grid_append_text(g, g->ncell - 1, ln.s, ln.n);
		afterblank = 0;
	}
}

#define FFFD "\xef\xbf\xbd"

static int
is_fffd(const char *s, const char *e)
{
	return e - s >= 3 && memcmp(s, FFFD, 3) == 0;
}

static int
has_digit(const char *s, size_t n)
{
	for (; n > 0; s++, n--)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

/*
 * html2text sizes cells in bytes: the last line of a cell is padded with
 * '_', and a CJK label cut mid-character spills its bytes (U+FFFD once
 * decoded) into the cells beside it, before or after the number
 * ("_0\uFFFD\uFFFD", "\uFFFD_0").  Keep the number when all that spilled is
 * garbage without digits; a cell otherwise keeps its text.
 */
static void
clean_cell(const char **sp, const char **ep)
{
	const char *s = *sp, *e = *ep, *d, *de;

	while (s < e && (*s == '_' || *s == ' '))
		s++;
	while (e > s && (e[-1] == '_' || e[-1] == ' '))
		e--;
	*sp = s;
	*ep = e;
	if (memmem(s, e - s, FFFD, 3) == NULL)
		return;
	for (d = s; d < e && !(*d >= '0' && *d <= '9'); d++)
		;
	for (de = d; de < e && *de >= '0' && *de <= '9'; de++)
		;
	if (d == e || has_digit(de, e - de) || (d > s && (d[-1] != '_' ||
	    memmem(s, d - s, FFFD, 3) == NULL)) || (de < e &&
	    (e - de < 3 || memcmp(de, FFFD, 3) != 0)))
		return;
	*sp = d;
	*ep = de;
}

/* The cells of a bordered line, cleaned: up to max, returns how many. */
static int
line_cells(const struct line *ln, const char **cs, const char **ce, int max)
{
	size_t i, len1, cellstart = 0;
	uint32_t cp;
	int open = 0, n = 0;

	for (i = 0; i < ln->n; i += len1) {
		len1 = utf8_decode(ln->s + i, ln->n - i, &cp);
		if (!is_vbar(cp))
			continue;
		if (open && n < max) {
			cs[n] = ln->s + cellstart;
			ce[n] = ln->s + i;
			clean_cell(&cs[n], &ce[n]);
			n++;
		}
		open = 1;
		cellstart = i + len1;
	}
	return n;
}

#define MAXCELLS 32

/* The last line of an html2text row: its cells padded with '_'. */
static int
is_bottom(const struct line *ln)
{
	return memmem(ln->s, ln->n, "|_", 2) || memmem(ln->s, ln->n, "_|", 2);
}

/* What a cell of a joined html2text row holds so far. */
enum { C_EMPTY, C_TEXT, C_DIGITS };

struct h2trow {
	int	open, ncell, first, anydigit;
	char	kind[MAXCELLS];
};

/* Digits with nothing but ASCII and U+FFFD beside them are numbers. */
static int
cell_kind(const char *s, const char *e)
{
	int text = 0, digit = 0;

	for (; s < e; s++)
		if (is_fffd(s, e))
			s += 2;
		else if (*s >= '0' && *s <= '9')
			digit = 1;
		else
			text |= (unsigned char)*s >= 0x80 ? 2 : 1;
	return digit && text < 2 ? C_DIGITS : text || digit ? C_TEXT :
	    C_EMPTY;
}

/*
 * html2text prints a row over several lines (a label wrapped in its cell,
 * the numbers on another line) and ends it with the '_'-padded line, but
 * rows of cells filled to the border have no such line.  A line joins the
 * row above cell by cell only if that did not end, has the same cells,
 * and some digits, and no cell would get digits beside digits or text (the
 * next row's numbers, numbers under a header).
 */
static int
joins(const struct h2trow *r, const char **cs, const char **ce, int n)
{
	int j, k, digits = r->anydigit;

	if (!r->open || n != r->ncell)
		return 0;
	for (j = 0; j < n; j++) {
		k = cell_kind(cs[j], ce[j]);
		digits |= k == C_DIGITS;
		if ((k == C_DIGITS && r->kind[j] != C_EMPTY) ||
		    (k == C_TEXT && r->kind[j] == C_DIGITS))
			return 0;
	}
	return digits;
}

static void
add_h2t_line(struct grid *g, struct h2trow *r, const struct line *ln)
{
	const char *cs[MAXCELLS], *ce[MAXCELLS];
	int j, k, n = line_cells(ln, cs, ce, MAXCELLS), join;

	join = joins(r, cs, ce, n);
	if (!join) {
		grid_new_row(g, ln->no);
		r->first = g->ncell;
		r->ncell = n;
		r->anydigit = 0;
		memset(r->kind, C_EMPTY, sizeof r->kind);
	}
	for (j = 0; j < n; j++) {
		if ((k = cell_kind(cs[j], ce[j])) > r->kind[j])
			r->kind[j] = k;
		r->anydigit |= k == C_DIGITS;
		if (!join)
			grid_add_cell(g, cs[j], ce[j] - cs[j], -1, -1);
		else if (ce[j] > cs[j])
			grid_append_text(g, r->first + j, cs[j], ce[j] - cs[j]);
	}
	r->open = !is_bottom(ln);
}

/* Bordered: pipe tables and box grids; rule lines are dropped. */
static void
read_bordered(const char *text, size_t len, long first, struct grid *g)
{
	size_t pos = 0;
	struct line ln = {.no = first - 1};
	struct h2trow r = {0};
	const char *cs[MAXCELLS], *ce[MAXCELLS];
	int j, n, h2t = memmem(text, len, "_|", 2) != NULL;

	g->wraps = !h2t;
	while (next_line(text, len, &pos, &ln)) {
		if (!starts_with_vbar(ln.s, ln.n) || is_rule(ln.s, ln.n))
			continue;
		if (h2t) {
			add_h2t_line(g, &r, &ln);
			continue;
		}
		grid_new_row(g, ln.no);
		n = line_cells(&ln, cs, ce, MAXCELLS);
		for (j = 0; j < n; j++)
			grid_add_cell(g, cs[j], ce[j] - cs[j], -1, -1);
	}
}

/*
 * How a converter counted the columns of a space-aligned table: in
 * display columns (CJK two wide: w3m, pdftotext -layout), in characters
 * (lynx lays a table out one column per character, CJK included), or in
 * the source's bytes (html2text; U+FFFD stands for one byte).
 */
enum width_model { WIDTH_DISPLAY, WIDTH_CHARS, WIDTH_BYTES };

static int
char_width(uint32_t cp, size_t len, int x, enum width_model m)
{
	if (m == WIDTH_CHARS)
		return cp == '\t' ? 16 - x % 16 : 2;
	if (cp == '\t')
		return 8 - x % 8;
	if (m == WIDTH_BYTES)
		return cp == 0xfffd ? 1 : (int)len;
	return utf8_is_wide(cp) ? 2 : 1;
}

static int
byte_width(const char *s, const char *e)
{
	int w = 0;

	for (; s < e; s++, w++)
		if (is_fffd(s, e))
			s += 2;
	return w;
}

/* Does a CJK ideograph or U+FFFD end s..d (not "，" in "14，728")? */
static int
after_letter(const char *s, const char *d)
{
	const char *c = d;
	uint32_t cp;

	while (c > s && (c[-1] & 0xc0) == 0x80)
		c--;
	if (c == s || c == d)
		return 0;
	c--;
	utf8_decode(c, d - c, &cp);
	return cp == 0xfffd || (cp >= 0x4e00 && cp <= 0x9fff);
}

/* The digits of a word "[label]digits[U+FFFD...]" ending at e, or NULL;
 * the label part must end in a non-ASCII character (a cut label). */
static const char *
glued_number(const char *s, const char *e, const char **dend)
{
	const char *t = e, *d;

	while (t - s >= 3 && is_fffd(t - 3, t))
		t -= 3;
	for (d = t; d > s && d[-1] >= '0' && d[-1] <= '9'; d--)
		;
	if (d == t || (d > s && !after_letter(s, d)))
		return NULL;
	*dend = t;
	return d;
}

/*
 * Add a cell of a byte-sized table.  A label cut mid-character runs into
 * the numbers after it ("申88\uFFFD 0\uFFFD"): trailing words of ASCII
 * digits, alone or right after a non-ASCII character and followed by
 * nothing but U+FFFD, are cells of their own.
 */
static void
add_byte_cell(struct grid *g, const char *s, const char *e, int x0)
{
	const char *num[16], *nend[16], *w = e, *ws, *d, *de;
	int n = 0, k, x;

	while (n < 16 && w > s) {
		for (ws = w; ws > s && ws[-1] != ' '; ws--)
			;
		if ((d = glued_number(ws, w, &de)) == NULL)
			break;
		num[n] = d;
		nend[n++] = de;
		w = d;
		if (d > ws)
			break;
		while (w > s && w[-1] == ' ')
			w--;
	}
	if (w > s)
		grid_add_cell(g, s, w - s, x0, x0 + byte_width(s, w));
	for (k = n - 1; k >= 0; k--) {
		x = x0 + byte_width(s, num[k]);
		grid_add_cell(g, num[k], nend[k] - num[k], x, x +
		    (int)(nend[k] - num[k]));
	}
}

static int
is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == 0xa0 || cp == '\t';
}

/*
 * A word of column-title shape: it starts with a CJK character that is
 * not an opening bracket (a bracket starts a note on the word before,
 * "(单位:万元)"), has two or more CJK characters and no ASCII letter or
 * digit ("本年增(减)" is one; "0", "万元" after a number, "(三)" are not).
 */
static int
is_title_word(const char *s, const char *e)
{
	uint32_t cp;
	int wide = 0, first = 1;

	for (; s < e; first = 0) {
		s += utf8_decode(s, e - s, &cp);
		if (cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10))
			return 0;
		if (first && (!utf8_is_wide(cp) || cp == 0x3000 ||
		    cp == 0xff08 || cp == 0x3010 || cp == 0x3014 ||
		    cp == 0x300a))
			return 0;
		wide += utf8_is_wide(cp);
	}
	return wide >= 2;
}

/*
 * The words of s..e separated by single spaces, if there are several
 * and each has the shape of a column title; returns how many, with
 * their bytes and display columns from x0.
 */
static int
title_words(const char *s, const char *e, int x0, enum width_model m,
    const char **ws, const char **we, int *wx, int *wend, int max)
{
	const char *p = s, *start = s;
	uint32_t cp;
	size_t len;
	int n = 0, x = x0, xstart = x0;

	for (;; p += len) {
		len = p < e ? utf8_decode(p, e - p, &cp) : 0;
		if (p < e && !is_space_cp(cp)) {
			x += char_width(cp, len, x, m);
			continue;
		}
		if (n == max || !is_title_word(start, p))
			return 0;
		ws[n] = start;
		we[n] = p;
		wend[n] = x;
		wx[n++] = xstart;
		if (p == e)
			break;
		x += char_width(cp, len, x, m);
		start = p + len;
		xstart = x;
	}
	return n;
}

/*
 * A cell of a space-aligned line.  lynx and pdftotext -layout print the
 * column titles of a narrow table one space apart ("本年制发件数 本年废止
 * 件数 现行有效件数"), and a single space also parts the words of a
 * title row over a wide table ("商业企业 科研机构 社会公益组织"): a cell
 * whose single-spaced words are all CJK words of two or more characters
 * is read as one cell per word, each at its own columns.  Labels split
 * so join again in lrow (by position); a number with its unit or a cell
 * with digits is never split.
 */
static void
add_spaced_cell(struct grid *g, const char *s, const char *e, int x0,
    int x1, enum width_model m)
{
	const char *ws[MAXCELLS], *we[MAXCELLS];
	int wx[MAXCELLS], wend[MAXCELLS], n, k;

	if (m == WIDTH_BYTES) {
		add_byte_cell(g, s, e, x0);
		return;
	}
	n = title_words(s, e, x0, m, ws, we, wx, wend, MAXCELLS);
	if (n < 2) {
		grid_add_cell(g, s, e - s, x0, x1);
		return;
	}
	for (k = 0; k < n; k++)
		grid_add_cell(g, ws[k], we[k] - ws[k], wx[k], wend[k]);
}

/*
 * Space-aligned: cells are runs of text separated by two or more spaces
 * (a single space stays inside a cell: spaced-out letters, "97541 万元"),
 * at the columns the width model m gives.
 */
static void
read_spaced_as(const char *text, size_t len, long first, enum width_model m,
    struct grid *g)
{
	size_t pos = 0, i, len1, start = 0, endbyte = 0;
	struct line ln = {.no = first - 1};
	uint32_t cp;
	int x, w, x0 = 0, xend = 0, spaces, incell;

	g->positional = g->wraps = 1;
	while (next_line(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n) || is_footer(text, len, pos, &ln) ||
		    is_rule(ln.s, ln.n))
			continue;
		grid_new_row(g, ln.no);
		x = spaces = incell = 0;
		for (i = 0; i < ln.n; i += len1, x += w) {
			len1 = utf8_decode(ln.s + i, ln.n - i, &cp);
			w = char_width(cp, len1, x, m);
			if (is_space_cp(cp)) {
				spaces += w;
				if (incell && spaces >= 2) {
					add_spaced_cell(g, ln.s + start,
					    ln.s + endbyte, x0, xend, m);
					incell = 0;
				}
				continue;
			}
			if (!incell) {
				incell = 1;
				start = i;
				x0 = x;
			}
			spaces = 0;
			endbyte = i + len1;
			xend = x + w;
		}
		if (incell)
			add_spaced_cell(g, ln.s + start, ln.s + endbyte, x0,
			    xend, m);
	}
}

static int
is_digit_cell(const struct gcell *c)
{
	const char *t = c->text;

	return (*t >= '0' && *t <= '9') || (*t == '-' && t[1] >= '0' &&
	    t[1] <= '9');
}

static int
row_has_number(const struct grid *g, const struct grow *r)
{
	int j;

	for (j = 0; j < r->ncell; j++)
		if (is_digit_cell(&g->cell[r->first + j]))
			return 1;
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Distinct values of v[0..n), neighbours one apart counted once (a
 * centred word of odd width is half a column off). */
static int
count_distinct(int *v, int n)
{
	int i, d = n > 0;

	qsort(v, n, sizeof *v, cmp_int);
	for (i = 1; i < n; i++)
		d += v[i] > v[i - 1] + 1;
	return d;
}

/* Is cell j of row r a column's cell: a number, or a title (a word of
 * a line without numbers, right of its first)? */
static int
is_column_cell(const struct grid *g, const struct grow *r, int j,
    int numbers)
{
	const struct gcell *c = &g->cell[r->first + j];

	return is_digit_cell(c) || (!numbers && j > 0);
}

/*
 * How scattered the columns of a grid are: the fewest distinct left
 * edges, right edges or centres of its numbers and column titles.
 * Under the model the converter used they line up whatever the labels
 * to their left; under the other they scatter with the labels' CJK
 * widths.  Columns are counted in units of `unit` (2 for WIDTH_CHARS).
 */
static int
column_spread(const struct grid *g, int unit)
{
	int *e[3], n = 0, i, j, k, best = 1 << 30, d, numbers;
	const struct gcell *c;

	for (k = 0; k < 3; k++)
		e[k] = gip_xmalloc((g->ncell + 1) * sizeof *e[k]);
	for (i = 0; i < g->nrow; i++) {
		numbers = row_has_number(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++) {
			if (!is_column_cell(g, &g->row[i], j, numbers))
				continue;
			c = &g->cell[g->row[i].first + j];
			e[0][n] = c->x0 / unit;
			e[1][n] = c->x1 / unit;
			e[2][n++] = (c->x0 + c->x1) / unit;
		}
	}
	for (k = 0; k < 3; k++) {
		if ((d = count_distinct(e[k], n)) < best)
			best = d;
		free(e[k]);
	}
	return best;
}

/*
 * Space-aligned text, read in display columns and in characters (lynx
 * lays tables out so): the model under which the columns scatter least
 * wins, display columns on a tie.
 */
static void
read_spaced(const char *text, size_t len, long first, struct grid *g)
{
	struct grid chars = {0}, swap;

	if (memmem(text, len, FFFD, 3) != NULL) {
		read_spaced_as(text, len, first, WIDTH_BYTES, g);
		return;
	}
	read_spaced_as(text, len, first, WIDTH_DISPLAY, g);
	read_spaced_as(text, len, first, WIDTH_CHARS, &chars);
	if (column_spread(&chars, 2) < column_spread(g, 1)) {
		swap = *g;
		*g = chars;
		chars = swap;
	}
	grid_free(&chars);
}

void
layout_read(enum layout kind, const char *text, size_t len, long first_line,
    struct grid *g)
{
	grid_reset(g);
	switch (kind) {
	case LAYOUT_TABROW:
		read_tabrow(text, len, first_line, g);
		break;
	case LAYOUT_CELLLINE:
		read_cellline(text, len, first_line, g);
		break;
	case LAYOUT_BORDERED:
		read_bordered(text, len, first_line, g);
		break;
	case LAYOUT_SPACED:
		read_spaced(text, len, first_line, g);
		break;
	}
}
