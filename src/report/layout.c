/*
 * Reading the layouts of gip-tables(1) into rows of cells.  Each reader keeps
 * what its layout says about cell boundaries and nothing more: TAB rows
 * and bordered tables have explicit cells (a blank cell is visible),
 * space-aligned text has cells only by position (a blank cell is just
 * spaces, so cells carry display columns instead).
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "h2tblock.h"
#include "h2tbox.h"
#include "h2tlabel.h"
#include "layout.h"
#include "lines.h"
#include "spaced.h"
#include "text.h"

/* s..end from its first eight bytes that are not all spaces on (the
 * padding of cells and lines of aligned tables, eight at a time). */
static const char *
skip_spaces8(const char *s, const char *end)
{
	uint64_t w;

	for (; end - s >= 8; s += 8) {
		memcpy(&w, s, 8);
		if (w != 0x2020202020202020u)
			break;
	}
	return s;
}

/* The first byte of s..end that is not a space or a TAB (end if none):
 * spaced tables indent their lines by dozens of spaces. */
static const char *
skip_blanks(const char *s, const char *end)
{
	s = skip_spaces8(s, end);
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/*
 * Does a vertical bar or a box-drawing character (U+2500..U+257F: E2 94 xx,
 * E2 95 xx) start the line?  Bytes, not characters: the text is valid
 * UTF-8, and this runs on every line of every table.  s: the line from
 * its first character that is no space (text_skip_space).
 */
static int
starts_with_vbar(const char *s, const char *e)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = (const unsigned char *)e;

	if (p == end)
		return 0;
	return *p == '|' || (end - p >= 3 && p[0] == 0xe2 && (p[1] == 0x94 ||
	    p[1] == 0x95));
}

/* The length of a vertical bar at p ('|', U+2502, U+2503, U+2551), or
 * 0.  Valid UTF-8: a bar's first byte is never inside another character. */
static size_t
vbar_at(const unsigned char *p, const unsigned char *end)
{
	if (*p == '|')
		return 1;
	if (*p != 0xe2 || end - p < 3)
		return 0;
	if ((p[1] == 0x94 && (p[2] == 0x82 || p[2] == 0x83)) ||
	    (p[1] == 0x95 && p[2] == 0x91))
		return 3;
	return 0;
}

/* Can a rule line (lines_is_rule) begin with this byte?  Most lines
 * cannot, and need no call. */
static int
may_be_rule(const char *s)
{
	switch ((unsigned char)*s) {
	case ' ': case '\t': case '|': case '+': case '-': case '=': case ':':
	case 0xe2:
		return 1;
	}
	return 0;
}

/* A Markdown pipe row: a bar first and last, two cells at least (a
 * third bar between them; the first found is enough).  p: the line from
 * its first character that is no space, to end. */
static int
pipe_row(const char *p, const char *end)
{

	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end - p < 3 || *p != '|' || end[-1] != '|')
		return 0;
	return memchr(p + 1, '|', end - 1 - (p + 1)) != NULL;
}

static struct tline *
tline_add(struct tlines *tl)
{
	if (tl->n == tl->cap) {
		tl->cap = tl->cap ? tl->cap * 2 : 256;
		tl->v = gip_xrealloc(tl->v, tl->cap * sizeof *tl->v);
	}
	return &tl->v[tl->n++];
}

/* The first LF or TAB of p..end, or end.  With SSE2, 16 bytes at a
 * time: a table's line and its TABs are found in one pass. */
static inline const char *
next_lf_or_tab(const char *p, const char *end)
{
#ifdef __SSE2__
	const __m128i lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
	__m128i v;
	unsigned m;

	for (; end - p >= 16; p += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v,
		    lf), _mm_cmpeq_epi8(v, tab)));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	while (p < end && *p != '\n' && *p != '\t')
		p++;
	return p;
}

/*
 * The next line of text from *pos, as lines_next gives it (a leading
 * form feed stripped), and its TABs: the first in *tab (NULL if none),
 * whether there is a second in *more.  0 at the end.
 */
static int
line_and_tabs(const char *text, size_t len, size_t *pos, struct line *ln,
    const char **tab, int *more)
{
	const char *s = text + *pos, *end = text + len, *p;

	if (*pos >= len)
		return 0;
	*tab = NULL;
	*more = 0;
	for (p = next_lf_or_tab(s, end); p < end && *p == '\t';
	    p = next_lf_or_tab(p + 1, end)) {
		if (*tab != NULL) {	/* two are all that counts */
			*more = 1;
			if ((p = memchr(p, '\n', end - p)) == NULL)
				p = end;
			break;
		}
		*tab = p;
	}
	ln->s = s;
	ln->n = p - s;
	*pos += ln->n + (p < end);
	while (ln->n > 0 && ln->s[0] == '\f')
		ln->s++, ln->n--;
	return 1;
}

/*
 * The layout of a table's text, its lines noted in tl on the way.  A
 * line's bar and rule are what the bordered reader asks of every line.
 */
enum layout
layout_detect(const char *text, size_t len, struct tlines *tl)
{
	size_t pos = 0;
	struct line ln = {0};
	struct tline *t;
	int tablead = 0, tabinner = 0, bordered = 0, pipes = 0, nonblank = 0;
	int bars = 0;
	int more;
	const char *tab, *q, *p;

	tl->n = 0;
	while (line_and_tabs(text, len, &pos, &ln, &tab, &more)) {
		t = tline_add(tl);
		t->s = ln.s;
		t->n = ln.n;
		t->next = pos;
		t->bar = t->rule = 0;
		if (ln.n == 0)
			continue;
		nonblank++;
		/* the line's leading spaces and TABs passed over once: the
		 * bar and rule tests skip them alike */
		q = skip_blanks(ln.s, ln.s + ln.n);
		/* past U+3000 and NBSP too (text_skip_space): only those
		 * and \f, \v are spaces not skipped yet */
		p = q < ln.s + ln.n && (*q == '\f' || *q == '\v' ||
		    (unsigned char)*q == 0xe3 || (unsigned char)*q == 0xc2) ?
		    text_skip_space(q, ln.s + ln.n) : q;
		t->bar = starts_with_vbar(p, ln.s + ln.n);
		pipes += t->bar && pipe_row(p, ln.s + ln.n);
		bars += t->bar;
		t->rule = q < ln.s + ln.n && may_be_rule(q) &&
		    lines_is_rule(q, ln.s + ln.n - q);
		if (t->bar || t->rule)
			bordered++;
		if (tab == NULL)
			continue;
		if (tab == ln.s && !more)
			tablead++;
		else
			tabinner++;
	}
	/* Rules without bars are no bordered table (the bordered reader
	 * reads bar lines only): pandoc's simple tables, one after another
	 * (table 2 printed block by block), are spaced text between their
	 * rules of dashes.  A table of one or two Markdown pipe rows (an extractor's t3 of
	 * one row, its header flattened away) is bordered too: read by
	 * position, its bars were taken for cells and no value was found. */
	if ((bordered >= 4 && bars >= 2 && bordered > tablead + tabinner) ||
	    (pipes > 0 && tablead + tabinner == 0 && 2 * pipes >= nonblank))
		return LAYOUT_BORDERED;
	if (tablead >= 4 && tablead > tabinner)
		return LAYOUT_CELLLINE;
	if (tabinner >= 2)
		return LAYOUT_TABROW;
	return LAYOUT_SPACED;
}

/* Line i of tl as a struct line numbered from first. */
static void
tline_get(const struct tlines *tl, int i, long first, struct line *ln)
{
	ln->s = tl->v[i].s;
	ln->n = tl->v[i].n;
	ln->no = first + i;
}

const char *
layout_name(enum layout kind)
{
	static const char *const names[] = {"tabrow", "cellline", "bordered",
	    "spaced"};

	return names[kind];
}

/* The first TAB of p..end, or end.  A TAB row's cells are a few bytes:
 * a call to memchr for each cost more than the search, 16 bytes at a
 * time with SSE2. */
static inline const char *
next_tab(const char *p, const char *end)
{
#ifdef __SSE2__
	unsigned m;

	for (; end - p >= 16; p += 16) {
		m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)p), _mm_set1_epi8('\t')));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	while (p < end && *p != '\t')
		p++;
	return p;
}

/*
 * TAB rows: a line is a row, TAB separates cells.  A line of TABs only is
 * a row whose cells are all blank (t4's data row when nothing happened),
 * not a blank line.
 */
static void
read_tabrow(const char *text, size_t len, long first,
    const struct tlines *tl, struct grid *g)
{
	struct line ln;
	const char *p, *end, *tab;
	int i;

	for (i = 0; i < tl->n; i++) {
		tline_get(tl, i, first, &ln);
		if ((text_is_blank(ln.s, ln.n) && memchr(ln.s, '\t',
		    ln.n) == NULL) ||
		    lines_is_footer(text, len, tl->v[i].next, &ln))
			continue;
		grid_new_row(g, ln.no);
		for (p = ln.s, end = ln.s + ln.n; ; p = tab + 1) {
			tab = next_tab(p, end);
			grid_add_cell(g, p, tab - p, -1, -1);
			if (tab == end)
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
read_cellline(const char *text, size_t len, long first,
    const struct tlines *tl, struct grid *g)
{
	struct line ln;
	int i, inrow = 0, afterblank = 1;

	for (i = 0; i < tl->n; i++) {
		tline_get(tl, i, first, &ln);
		if ((ln.n == 0 || ln.s[0] != '\t') && text_is_blank(ln.s,
		    ln.n)) {
			inrow = 0;
			afterblank = 1;
			continue;
		}
		if (ln.s[0] != '\t' && lines_is_footer(text, len,
		    tl->v[i].next, &ln))
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

/* Does s..e hold U+FFFD?  memchr for its first byte: memmem costs a
 * call per cell of every bordered table. */
static int
has_fffd(const char *s, const char *e)
{
	for (; (s = memchr(s, 0xef, e - s)) != NULL; s++)
		if (lines_is_fffd(s, e))
			return 1;
	return 0;
}

/* Is there "_|" in s[0..n)?  '_' is rare but in html2text's tables. */
static int
has_underscore_bar(const char *s, size_t n)
{
	const char *p, *e = s + n;

	for (p = s; n > 1 && (p = memchr(p, '_', e - 1 - p)) != NULL; p++)
		if (p[1] == '|')
			return 1;
	return 0;
}

#ifdef __SSE2__
/* The spaces and '_' of the 16 bytes at p, a bit each. */
static unsigned
pad_mask(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
}
#endif

/* s..e from its first byte that is no space or '_' (e if none); 16
 * bytes at a time while the line (to le) has them: a bordered cell is
 * padded to its column's width. */
static const char *
trim_front(const char *s, const char *e, const char *le)
{
#ifdef __SSE2__
	unsigned m;

	for (; s < e && le - s >= 16; s += 16)
		if ((m = ~pad_mask(s) & 0xffff) != 0) {
			s += __builtin_ctz(m);
			return s < e ? s : e;
		}
	if (s > e)
		s = e;
#else
	(void)e;
	(void)le;
#endif
	return s;
}

/* s..e up to its last byte that is no space or '_' (s if none), from
 * the back as trim_front; the line begins at ls. */
static const char *
trim_back(const char *s, const char *e, const char *ls)
{
#ifdef __SSE2__
	unsigned m;

	for (; e > s && e - ls >= 16; e -= 16)
		if ((m = ~pad_mask(e - 16) & 0xffff) != 0) {
			e -= 16 - (32 - __builtin_clz(m));
			return e > s ? e : s;
		}
	if (e < s)
		e = s;
#else
	(void)s;
	(void)ls;
#endif
	return e;
}

/*
 * html2text sizes cells in bytes: the last line of a cell is padded with
 * '_', and a CJK label cut mid-character spills its bytes (U+FFFD once
 * decoded) into the cells beside it, before or after the number
 * ("_0\uFFFD\uFFFD", "\uFFFD_0").  Keep the number when all that spilled is
 * garbage without digits; a cell otherwise keeps its text.
 */
static void
clean_cell(const char **sp, const char **ep, int fffd, const char *ls,
    const char *le)
{
	const char *s = trim_front(*sp, *ep, le), *e, *d, *de;

	e = trim_back(s, *ep, ls);
	while (s < e && (*s == '_' || *s == ' '))
		s++;
	while (e > s && (e[-1] == '_' || e[-1] == ' '))
		e--;
	*sp = s;
	*ep = e;
	if (!fffd || !has_fffd(s, e))
		return;
	for (d = s; d < e && !(*d >= '0' && *d <= '9'); d++)
		;
	for (de = d; de < e && *de >= '0' && *de <= '9'; de++)
		;
	if (d == e || text_has_digit(de, e - de) || (d > s && (d[-1] != '_' ||
	    memmem(s, d - s, LINES_FFFD, 3) == NULL)) || (de < e &&
	    (e - de < 3 || memcmp(de, LINES_FFFD, 3) != 0)))
		return;
	*sp = d;
	*ep = de;
}

/* The first byte from p on that may begin a bar (vbar_at): '|' or E2;
 * end if none.  With SSE2, 16 bytes at a time. */
static const unsigned char *
next_bar_byte(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
	const __m128i bar = _mm_set1_epi8('|'), e2 = _mm_set1_epi8((char)0xe2);
	__m128i v;
	unsigned m;

	for (; end - p >= 16; p += 16) {
		v = _mm_loadu_si128((const __m128i *)p);
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v,
		    bar), _mm_cmpeq_epi8(v, e2)));
		if (m != 0)
			return p + __builtin_ctz(m);
	}
#endif
	while (p < end && *p != '|' && *p != 0xe2)
		p++;
	return p;
}

/* The cells of a bordered line, cleaned: up to max, returns how many. */
static int
line_cells(const struct line *ln, const char **cs, const char **ce, int max)
{
	const unsigned char *s = (const unsigned char *)ln->s, *end = s + ln->n;
	const unsigned char *p;
	size_t i, len1, cellstart = 0;
	int open = 0, n = 0;
	/* U+FFFD looked for in the line once, not in each cell */
	int fffd = has_fffd(ln->s, ln->s + ln->n);

	for (p = s; (p = next_bar_byte(p, end)) < end; p += len1 ? len1 : 1) {
		if ((len1 = vbar_at(p, end)) == 0)
			continue;
		i = p - s;
		if (open && n < max) {
			cs[n] = ln->s + cellstart;
			ce[n] = ln->s + i;
			clean_cell(&cs[n], &ce[n], fffd, ln->s, ln->s +
			    ln->n);
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
	int	label;			/* the restored label's cell, or -1 */
	char	lab[H2T_NORM];		/* its label (h2tlabel_norm) */
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

/*
 * A row whose label the template gave (h2tbox.h) and that shows no
 * number yet goes on in a line without digits whose label cell holds
 * more of that label and nothing right of it (`|1.申请人无正 |   |` /
 * `|当理由逾期不补正、|   |` / `|行政机关不再处 | 22 |`): its numbers may
 * stand on a later line.  A row of blanks, whose next line begins
 * another label, ends.
 */
static int
goes_on(const struct h2trow *r, const char **cs, const char **ce, int n)
{
	char t[H2T_NORM];
	int j;

	if (!r->open || n != r->ncell || r->label < 0 || r->anydigit)
		return 0;
	for (j = 0; j < n; j++)
		if (cell_kind(cs[j], ce[j]) == C_DIGITS ||
		    (j > r->label && ce[j] > cs[j]))
			return 0;
	return ce[r->label] > cs[r->label] &&
	    h2tlabel_norm(cs[r->label], ce[r->label], t) < H2T_NORM &&
	    t[0] != '\0' && strstr(r->lab, t) != NULL;
}

/* Only U+FFFD, '_' and spaces in s..e (a cut label's remains)? */
static int
only_remains(const char *s, const char *e)
{
	for (; s < e; s++)
		if (lines_is_fffd(s, e))
			s += 2;
		else if (*s != '_' && *s != ' ')
			return 0;
	return 1;
}

static void
add_h2t_line(struct grid *g, struct h2trow *r, const struct line *ln)
{
	const char *cs[MAXCELLS], *ce[MAXCELLS];
	char mended[4096];
	int j, k, n, join, own;

	/* a row with numbers mended of its label's remains (h2tbox.h) */
	if ((n = h2tbox_cells(ln->s, ln->n, cs, ce, MAXCELLS, mended,
	    sizeof mended, &own)) < 0)
		n = line_cells(ln, cs, ce, MAXCELLS);
	join = !own && (joins(r, cs, ce, n) || goes_on(r, cs, ce, n));
	if (!join) {
		grid_new_row(g, ln->no);
		r->first = g->ncell;
		r->ncell = n;
		r->anydigit = 0;
		memset(r->kind, C_EMPTY, sizeof r->kind);
		r->label = own - 1;
		if (own > 0 && h2tlabel_norm(cs[own - 1], ce[own - 1],
		    r->lab) >= H2T_NORM)
			r->label = -1;
	}
	for (j = 0; j < n; j++) {
		/* a wrapped label's remains under a number (`|2��|` over
		 * `|���|`): nothing of the number's, which they would make
		 * text */
		if (join && r->kind[j] == C_DIGITS && only_remains(cs[j],
		    ce[j]))
			continue;
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
read_bordered(const char *text, size_t len, long first,
    const struct tlines *tl, struct grid *g)
{
	struct line ln;
	struct h2trow r = {0};
	const char *cs[MAXCELLS], *ce[MAXCELLS];
	int i, j, n, h2t = has_underscore_bar(text, len);

	g->wraps = !h2t;
	for (i = 0; i < tl->n; i++) {
		if (!tl->v[i].bar || tl->v[i].rule)
			continue;
		tline_get(tl, i, first, &ln);
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
	else
		h2tblock_labels(g);
}

void
layout_read(enum layout kind, const char *text, size_t len, long first_line,
    const struct tlines *tl, enum spaced_width *width, struct grid *g)
{
	grid_reset(g);
	switch (kind) {
	case LAYOUT_TABROW:
		read_tabrow(text, len, first_line, tl, g);
		break;
	case LAYOUT_CELLLINE:
		read_cellline(text, len, first_line, tl, g);
		break;
	case LAYOUT_BORDERED:
		read_bordered(text, len, first_line, tl, g);
		break;
	case LAYOUT_SPACED:
		spaced_read(text, len, first_line, tl, width, g);
		break;
	}
}
