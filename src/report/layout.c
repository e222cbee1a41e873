/*
 * Reading the layouts of gip-tables(1) into rows of cells.  Each reader keeps
 * what its layout says about cell boundaries and nothing more: TAB rows
 * and bordered tables have explicit cells (a blank cell is visible),
 * space-aligned text has cells only by position (a blank cell is just
 * spaces, so cells carry display columns instead).
 */
#include <string.h>

#include "layout.h"
#include "lines.h"
#include "spaced.h"
#include "text.h"
#include "utf8.h"

static int
is_vbar(uint32_t cp)
{
	return cp == '|' || cp == 0x2502 || cp == 0x2503 || cp == 0x2551;
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
enum layout
layout_detect(const char *text, size_t len)
{
	size_t pos = 0;
	struct line ln = {0};
	int tablead = 0, tabinner = 0, bordered = 0;
	const char *tab;

	while (lines_next(text, len, &pos, &ln)) {
		if (ln.n == 0)
			continue;
		if (starts_with_vbar(ln.s, ln.n) || lines_is_rule(ln.s, ln.n))
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

	while (lines_next(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n) || lines_is_footer(text, len, pos, &ln))
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

	while (lines_next(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n) && (ln.n == 0 || ln.s[0] !=
		    '\t')) {
			inrow = 0;
			afterblank = 1;
			continue;
		}
		if (ln.s[0] != '\t' && lines_is_footer(text, len, pos, &ln))
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
	if (memmem(s, e - s, LINES_FFFD, 3) == NULL)
		return;
	for (d = s; d < e && !(*d >= '0' && *d <= '9'); d++)
		;
	for (de = d; de < e && *de >= '0' && *de <= '9'; de++)
		;
	if (d == e || has_digit(de, e - de) || (d > s && (d[-1] != '_' ||
	    memmem(s, d - s, LINES_FFFD, 3) == NULL)) || (de < e &&
	    (e - de < 3 || memcmp(de, LINES_FFFD, 3) != 0)))
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
		if (lines_is_fffd(s, e))
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
	while (lines_next(text, len, &pos, &ln)) {
		if (!starts_with_vbar(ln.s, ln.n) || lines_is_rule(ln.s, ln.n))
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
	if (!h2t)
		grid_join_wrapped_numbers(g);
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
		spaced_read(text, len, first_line, g);
		break;
	}
}
