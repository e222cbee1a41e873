/*
 * Space-aligned tables (pdftotext -layout, lynx, w3m without borders,
 * html2text without rules): cells are runs of text two or more spaces
 * apart, placed by their columns, counted as the converter counted them.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "h2tblock.h"
#include "ints.h"
#include "lines.h"
#include "lotext.h"
#include "lynxrows.h"
#include "spaced.h"
#include "text.h"
#include "utf8.h"

#define MAXWORDS 64	/* single-spaced words of a cell split apart (letters
			 * of the three t4 title rows of five: 60) */

/*
 * How a converter counted the columns of a space-aligned table: in
 * display columns (CJK two wide: w3m, pdftotext -layout), in characters
 * (lynx lays a table out one column per character, CJK included), or in
 * the source's bytes (html2text; U+FFFD stands for one byte).
 */
enum width_model { WIDTH_DISPLAY, WIDTH_CHARS, WIDTH_BYTES };

static inline int
char_width(uint32_t cp, size_t len, int x, enum width_model m)
{
	if (m == WIDTH_CHARS)
		return cp == '\t' ? 16 - x % 16 : 2;
	if (cp == '\t')
		return 8 - x % 8;
	if (m == WIDTH_BYTES)
		return cp == 0xfffd ? 1 : (int)len;
	if (cp >= 0x4e00 && cp <= 0x9fff)	/* Han, most: no call */
		return 2;
	return cp >= 0x1100 && utf8_is_wide(cp) ? 2 : 1;	/* below: narrow */
}

static int
byte_width(const char *s, const char *e)
{
	int w = 0;

	for (; s < e; s++, w++)
		if (lines_is_fffd(s, e))
			s += 2;
	return w;
}

/* The character of more than one byte that ends s..d into *cp; 0 when
 * an ASCII byte ends it, or none does. */
static int
wide_before(const char *s, const char *d, uint32_t *cp)
{
	const char *c = d;

	while (c > s && (c[-1] & 0xc0) == 0x80)
		c--;
	if (c == s || c == d)
		return 0;
	c--;
	utf8_decode(c, d - c, cp);
	return 1;
}

/* Does a CJK ideograph or U+FFFD end s..d (not "，" in "14，728")? */
static int
after_letter(const char *s, const char *d)
{
	uint32_t cp;

	return wide_before(s, d, &cp) &&
	    (cp == 0xfffd || (cp >= 0x4e00 && cp <= 0x9fff));
}

/* The digits of a word "[label]digits[U+FFFD...]" ending at e, or NULL;
 * the label part must end in a non-ASCII character (a cut label). */
static const char *
glued_number(const char *s, const char *e, const char **dend)
{
	const char *t = e, *d;

	while (t - s >= 3 && lines_is_fffd(t - 3, t))
		t -= 3;
	for (d = t; d > s && d[-1] >= '0' && d[-1] <= '9'; d--)
		;
	if (d == t || (d > s && !after_letter(s, d)))
		return NULL;
	*dend = t;
	return d;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does a CJK character, a CJK or full-width punctuation mark (a label's
 * `，` under a number: `0，0`) or U+FFFD end s..d? */
static int
after_wide(const char *s, const char *d)
{
	uint32_t cp;

	return wide_before(s, d, &cp) && cp >= 0x3000;
}

/* Is the character that ends s..p U+FFFD? */
static int
fffd_before(const char *s, const char *p)
{
	return p - s >= 3 && lines_is_fffd(p - 3, p);
}

/*
 * A number html2text wrote over a cut label (`事务\uFFFD0\uFFFD息0`,
 * `相0\uFFFD\uFFFD\uFFFD0\uFFFD府`, `处\uFFFD 1的`, `行政\uFFFD8件性`): it
 * lays a row out in characters but writes each cell's bytes at its byte
 * column, so the label's bytes run on under the cells to its right and
 * a number overwrites some of them; the bytes of a character it broke
 * decode to U+FFFD.  The number at d..de (its unit with it) of the text
 * s..e is such a number when it stands between a CJK character or
 * U+FFFD (its padding, spaces, between: a right-aligned cell) and a CJK
 * character, U+FFFD, a space, the end, a label's 、 (`费0、行`; but a
 * digit 1 to 9 before it may be a marker) or, after its unit, the next
 * number (`0条0`), with U+FFFD on one side at least (a label has no
 * digits among its characters but its marker, 1．, which stays text);
 * or a word of its own (`采购 2945300元`: the label's end, a space, the
 * number at its column), or a number with its unit that ends the cell
 * (`行政1644笔`: the label cut at a character's edge).
 */
static int
written_over(const char *s, const char *e, const char *d, const char *de,
    const char *ue)
{
	const char *l = d;
	uint32_t cp = 0;
	int cut = 0, word;

	while (l > s && l[-1] == ' ')
		l--;
	word = l < d || d == s;
	if (fffd_before(s, l))
		cut = 1;
	else if (!word && !after_wide(s, l))
		return 0;
	if (ue == e || *ue == ' ')
		return cut || word || ue > de;
	if (ue > de && is_digit(*ue))
		return 1;
	utf8_decode(ue, e - ue, &cp);
	if (cp == 0xfffd)
		return 1;
	if (cp == 0x3001 && ue == de && de - d == 1 && *d >= '1' && *d <= '9')
		return 0;	/* 1、: a marker */
	if (cp != 0x3001 && (cp < 0x4e00 || cp > 0x9fff))
		return 0;
	return cut;
}

/* The unit a cell prints right after its number (`8件`, `927.35万元`,
 * `2945300 元`: one space between at most), its end; p if none. */
static const char *
unit_after(const char *p, const char *e)
{
	static const char *const units[] = {"万元", "亿元", "元", "万", "亿",
	    "件", "个", "项", "条", "笔", "人次", "次"};
	const char *q = p < e && *p == ' ' ? p + 1 : p;
	size_t i, n;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		n = strlen(units[i]);
		if ((size_t)(e - q) >= n && memcmp(q, units[i], n) == 0)
			return q + n;
	}
	return p;
}

/* Three digits at p and no fourth: a group after a thousands separator
 * (`14，728`; `0，0` is a number and a label's comma). */
static int
thousands(const char *p, const char *e)
{
	return e - p >= 3 && is_digit(p[0]) && is_digit(p[1]) &&
	    is_digit(p[2]) && !(e - p > 3 && is_digit(p[3]));
}

/*
 * The next number of s..e at or after p: digits, a decimal point between
 * digits or thousands separators before groups of three (`927.35`,
 * `1,234`, `14，728`),
 * in *d..*de, and its unit (unit_after) up to *ue; 0 if none.
 */
static int
next_digits(const char *p, const char *e, const char **d, const char **de,
    const char **ue)
{
	while (p < e && !is_digit(*p))
		p++;
	if (p == e)
		return 0;
	*d = p;
	for (;;) {
		while (p < e && is_digit(*p))
			p++;
		if (e - p >= 2 && *p == '.' && is_digit(p[1]))
			p++;
		else if (*p == ',' && thousands(p + 1, e))
			p++;
		else if (e - p >= 3 && memcmp(p, "，", 3) == 0 &&
		    thousands(p + 3, e))
			p += 3;
		else
			break;
	}
	*de = p;
	*ue = unit_after(p, e);
	return 1;
}

/*
 * A cell right of the first that begins with a number and a CJK
 * character (`  0公   0`, `  0他0\uFFFD\uFFFD0`, `0，0\uFFFD\uFFFD12`): a
 * right-aligned number's padding, two spaces, overwrote the label before
 * it, and its remains follow.  Such when the cell holds U+FFFD (the
 * label's punctuation may follow then) or but one or two characters after
 * the number (a year, `2024年…报告`, has more and none).
 */
static int
remains_after(const char *s, const char *e, const char *ue)
{
	uint32_t cp = 0;
	const char *p;
	int n = 0;

	if (ue == e)
		return 0;
	utf8_decode(ue, e - ue, &cp);
	if (cp < 0x80 || cp == 0x3001 || cp == 0xff0e)
		return 0;	/* 1、 1． a marker */
	if (utf8_find(s, (size_t)(e - s), LINES_FFFD) != NULL)
		return 1;
	if (cp < 0x4e00 || cp > 0x9fff)
		return 0;
	for (p = ue; p < e && n <= 2; n++)
		p += utf8_decode(p, e - p, &cp);
	return n <= 2;
}

/* A cell html2text printed as &nbsp; reads as this blank mark. */
#define NBSP_BLANK	"-"

static int
is_nbsp(const char *p, const char *e)
{
	return e - p >= 2 && (unsigned char)p[0] == 0xc2 &&
	    (unsigned char)p[1] == 0xa0;
}

/*
 * Is the NBSP at p of the text s..e a cell of its own, an empty one
 * (`<td>&nbsp;</td>`: `规章  \u00a0      \u00a0`, `公开\u00a0` where the
 * label ends at the cell's byte column, `只讈\u00a0\uFFFD` written over a
 * label)?  Alone, at the text's end after a character, or beside
 * U+FFFD; a label's own NBSP (`(一)\u00a0予以公开`) is none of these.
 */
static int
nbsp_blank(const char *s, const char *e, const char *p)
{
	const char *q = p + 2;

	if ((p == s || p[-1] == ' ') && (q == e || *q == ' '))
		return 1;
	if (q == e && p > s && p[-1] != ' ')
		return 1;
	return fffd_before(s, p) || lines_is_fffd(q, e);
}

/* Digits d..de of a cell an item's marker before its label (1．属于,
 * 2.其他, 办\uFFFD1．本机关: written over its group's), no number. */
static int
item_start(const char *d, const char *de, const char *e)
{
	return de - d == 1 && de < e && (*de == '.' ||
	    (e - de >= 3 && (memcmp(de, "．", 3) == 0 ||
	    memcmp(de, "、", 3) == 0)));
}

/*
 * The text part s..e of a byte-sized cell at x0, numbers written over
 * it (written_over) taken out as cells of their own at their byte
 * columns; the label's text is what stands before the first, its
 * remains after each appended behind a U+FFFD (a key word is never read
 * across a gap).
 */
static void
add_byte_text(struct grid *g, const char *s, const char *e, int x0)
{
	const char *num[16], *nend[16], *d, *de, *ue, *p, *r;
	char small[512];
	size_t used;
	int n = 0, k, stray = 0, blank[16];

	for (p = s; p < e; ) {
		if (is_nbsp(p, e)) {
			if (n < 16 && nbsp_blank(s, e, p)) {
				blank[n] = 1;
				num[n] = p;
				nend[n++] = p + 2;
			}
			p += 2;
			continue;
		}
		if (!is_digit(*p)) {
			p++;
			continue;
		}
		d = de = ue = p;	/* (a digit at p: set) */
		next_digits(p, e, &d, &de, &ue);
		if (n < 16 && (written_over(s, e, d, de, ue) ||
		    (d == s && x0 > 0 && remains_after(s, e, ue)))) {
			blank[n] = 0;
			num[n] = d;
			nend[n++] = ue;
		} else if (!item_start(d, de, e))
			stray = 1;
		p = ue;
	}
	/* a digit left in the label (`采购 2945300元`, `0他`) would be
	 * read in the wrong order or as its own: the cell stays whole,
	 * and its row unread (t2.c, t3.c) */
	if (n == 0 || stray ||
	    (size_t)(e - s) + 3 * (size_t)n > sizeof small) {
		grid_add_cell(g, s, e - s, x0, x0 + byte_width(s, e));
		return;
	}
	for (r = num[0]; r > s && r[-1] == ' '; r--)
		;
	used = (size_t)(r - s);
	memcpy(small, s, used);
	/* no label's own text (the cell begins with a number): its
	 * remains after are no label either */
	for (k = 0; used > 0 && k < n; k++) {
		p = nend[k];
		r = k + 1 < n ? num[k + 1] : e;
		while (p < r && (*p == ' ' || lines_is_fffd(p, r)))
			p += *p == ' ' ? 1 : 3;
		if (p == r)
			continue;
		memcpy(small + used, LINES_FFFD, 3);
		memcpy(small + used + 3, p, (size_t)(r - p));
		used += 3 + (size_t)(r - p);
	}
	while (used > 0 && small[used - 1] == ' ')
		used--;
	if (used > 0)
		grid_add_cell(g, small, used, x0, x0 + byte_width(s, r));
	for (k = 0; k < n; k++)
		if (blank[k])
			grid_add_cell(g, NBSP_BLANK, 1, x0 + byte_width(s,
			    num[k]), x0 + byte_width(s, nend[k]));
		else
			grid_add_cell(g, num[k], nend[k] - num[k],
			    x0 + byte_width(s, num[k]), x0 + byte_width(s,
			    nend[k]));
}

/*
 * Add a cell of a byte-sized table.  A label cut mid-character runs into
 * the numbers after it ("申88\uFFFD 0\uFFFD"): trailing words of ASCII
 * digits, alone or right after a non-ASCII character and followed by
 * nothing but U+LINES_FFFD, are cells of their own, and so are numbers
 * written over the label (add_byte_text).
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
		add_byte_text(g, s, w, x0);
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

/* A word of one CJK character (not a bracket): a letter of a title
 * spaced out (结 果 维 持). */
static int
is_letter_word(const char *s, const char *e)
{
	uint32_t cp;
	size_t len = utf8_decode(s, e - s, &cp);

	return s + len == e && cp >= 0x4e00 && cp <= 0x9fff;
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
	uint32_t cp = 0;	/* set whenever p < e: gcc cannot tell */
	size_t len;
	int n = 0, x = x0, xstart = x0, run = 0, longest = 0;

	for (;; p += len) {
		len = p < e ? utf8_decode(p, e - p, &cp) : 0;
		if (p < e && !is_space_cp(cp)) {
			x += char_width(cp, len, x, m);
			continue;
		}
		if (n == max || !(is_title_word(start, p) ||
		    is_letter_word(start, p)))
			return 0;
		run = is_letter_word(start, p) ? run + 1 : 0;
		if (run > longest)
			longest = run;
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
	return longest > 0 && longest < 4 ? 0 : n;
}

/*
 * A cell of a space-aligned line.  lynx and pdftotext -layout print the
 * column titles of a narrow table one space apart ("本年制发件数 本年废止
 * 件数 现行有效件数"), and a single space also parts the words of a
 * title row over a wide table ("商业企业 科研机构 社会公益组织"): a cell
 * whose single-spaced words are all CJK words of two or more characters
 * is read as one cell per word, each at its own columns.  Labels split
 * so join again in lrow (by position); a number with its unit or a cell
 * with digits is never split.  inner: the cell holds a space (counted in
 * characters, none does: every space ends a cell).
 */
static void
add_spaced_cell(struct grid *g, const char *s, const char *e, int x0,
    int x1, enum width_model m, int inner)
{
	const char *ws[MAXWORDS], *we[MAXWORDS];
	int wx[MAXWORDS], wend[MAXWORDS], n, k;

	if (m == WIDTH_BYTES) {
		add_byte_cell(g, s, e, x0);
		return;
	}
	if (!inner) {	/* one word: nothing to split */
		grid_add_cell(g, s, e - s, x0, x1);
		return;
	}
	n = title_words(s, e, x0, m, ws, we, wx, wend, MAXWORDS);
	if (n < 2) {
		grid_add_cell(g, s, e - s, x0, x1);
		return;
	}
	for (k = 0; k < n; k++)
		grid_add_cell(g, ws[k], we[k] - ws[k], wx[k], wend[k]);
}

/* The length of the run of spaces at s (one at least), before end:
 * eight at a time, the padding of aligned columns is long. */
static inline size_t
space_run(const char *s, const char *end)
{
	const char *p = s + 1;
	uint64_t w;

	for (; end - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (w != 0x2020202020202020u)
			break;
	}
	while (p < end && *p == ' ')
		p++;
	return p - s;
}

/* What a line of a space-aligned table is, for read_spaced_as. */
enum { LINE_ROW, LINE_BLANK, LINE_SKIP };

/* Is the line blank (text_is_blank)? */
static int
line_blank(const struct tline *t)
{
	size_t sp = t->n > 0 && t->s[0] == ' ' ? space_run(t->s, t->s +
	    t->n) : 0;	/* the indent, eight bytes at a time */

	return text_is_blank(t->s + sp, t->n - sp);
}

/* blank: line_blank's answer. */
static int
line_kind(const char *text, size_t len, const struct tline *t,
    const struct line *ln, int paras, int blank)
{
	if (blank)
		return LINE_BLANK;
	if ((!(paras && lynx_starts_number(ln->s, ln->n)) &&
	    lines_is_footer(text, len, t->next, ln)) || t->rule)
		return LINE_SKIP;	/* a page's footer, a rule */
	return LINE_ROW;
}

/*
 * A line of nothing but html2text's empty cells (a table's last row of
 * &nbsp;): no row, not blanks that join the row above.  s..n: the line,
 * which prints no blank mark of its own.
 */
static void
drop_blank_line(struct grid *g, const char *s, size_t n)
{
	const struct grow *r;
	const struct gcell *c;
	int j;

	if (g->nrow == 0 || memchr(s, '-', n) != NULL)
		return;
	r = &g->row[g->nrow - 1];
	c = grid_cells(g, r);
	if (r->ncell == 0)
		return;
	for (j = 0; j < r->ncell; j++)
		if (strcmp(c[j].text, NBSP_BLANK) != 0)
			return;
	g->ncell = r->first;
	g->nrow--;
}

/* One width model's reading of a line: where it is, the cell it is in. */
struct model {
	enum width_model m;
	struct grid	*g;
	int		 x, x0, xend, spaces, incell;
	int		 gap, inner;	/* a space since the cell's last
					 * character; one between two */
	size_t		 start, endbyte;
	/* the last cell added whole on this line, its bytes and index
	 * (kept for a model that shares, below) */
	const char	*last_s, *last_e;
	int		 last_cell;
	/* a model read beside this one, before it, whose cells of the same
	 * bytes this one takes without cleaning them again (NULL: none) */
	const struct model *share;
};

/* Add the cell s..e to model md's grid (inner: it holds a space): its
 * clean text taken from the shared model when that just added a cell of
 * the same bytes whole (a display cell without a single space is the
 * same word counted in characters). */
static void
model_add(struct model *md, const char *s, const char *e, int inner)
{
	const struct model *sh = md->share;

	if (sh != NULL && !inner && sh->last_s == s && sh->last_e == e) {
		grid_add_shared(md->g, sh->g, sh->last_cell, md->x0, md->xend);
		return;
	}
	add_spaced_cell(md->g, s, e, md->x0, md->xend, md->m, inner);
	if (!inner) {
		md->last_s = s;
		md->last_e = e;
		md->last_cell = md->g->ncell - 1;
	}
}

/* A word (no space in it) at bytes i..e, w columns wide, as model md
 * reads it: the cell it is in (or begins) grows by all of it at once. */
static inline void
model_word(struct model *md, size_t i, size_t e, int w)
{
	if (!md->incell) {
		md->incell = 1;
		md->start = i;
		md->x0 = md->x;
		md->inner = md->gap = 0;
	}
	md->inner |= md->gap;
	md->gap = 0;
	md->spaces = 0;
	md->endbyte = e;
	md->xend = md->x + w;
	md->x += w;
}

/* A character of w columns at byte i (len1 bytes) of line s, as model
 * md reads it: a space ends its cell when it makes two columns. */
static inline void
model_step(struct model *md, const char *s, size_t i, size_t len1,
    uint32_t cp, int w)
{
	/* (html2text prints an empty cell's &nbsp; at the cell's byte
	 * column: a cell, add_byte_text) */
	if (!is_space_cp(cp) || (cp == 0xa0 && md->m == WIDTH_BYTES)) {
		model_word(md, i, i + len1, w);
		return;
	}
	md->spaces += w;
	if (md->incell && md->spaces >= 2) {
		model_add(md, s + md->start, s + md->endbyte, md->inner);
		md->incell = 0;
	}
	md->gap = 1;
	md->x += w;
}

/*
 * The word at s[i..n): its characters up to the first space (is_space_cp)
 * or n, a character decoded within s[0..lim).  Returns its length in
 * bytes, 0 if a space is at i; w[m]: its width under each width model
 * m, which no character of a word makes depend on the column it is at
 * (only a TAB does, and a TAB is a space).
 */
static size_t
word_at(const char *s, size_t i, size_t n, size_t lim, int *w)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t start = i, len1;
	uint32_t cp;
	int nchar = 0;

	w[WIDTH_DISPLAY] = w[WIDTH_BYTES] = 0;
	while (i < n) {
		if (u[i] < 0x80) {	/* no call */
			if (u[i] == ' ' || u[i] == '\t')
				break;
			i++, nchar++;
			w[WIDTH_DISPLAY]++;
			w[WIDTH_BYTES]++;
			continue;
		}
		len1 = utf8_decode(s + i, lim - i, &cp);
		if (is_space_cp(cp))
			break;
		w[WIDTH_DISPLAY] += char_width(cp, len1, 0, WIDTH_DISPLAY);
		w[WIDTH_BYTES] += char_width(cp, len1, 0, WIDTH_BYTES);
		i += len1, nchar++;
	}
	w[WIDTH_CHARS] = 2 * nchar;
	return i - start;
}

/*
 * Space-aligned: cells are runs of text separated by two or more spaces
 * (a single space stays inside a cell: spaced-out letters, "97541 万元"),
 * at the columns each width model of md[0..nm) gives, each into its own
 * grid: the lines (tl: layout_detect's, with their rule tests) are
 * walked and their characters decoded once for all.  With cell paragraphs (above) the blank lines beyond the first between
 * two text lines are empty cells: before a number, on its line; before
 * a label, at the end of the line above (the last cells of the row
 * before).  Such text has no pages, so a number alone ("-1") is a cell,
 * never a page number.  With LibreOffice's cell lines (lo) a line of
 * one no-break space right after a printed line is an empty cell of that
 * line's row; after a blank line (a row of empty cells ends a Word
 * table) it is the &nbsp; paragraph between two tables, and blank.
 */
static void
read_spaced_as(const char *text, size_t len, long first,
    const struct tlines *tl, const unsigned char *blank, struct model *md,
    int nm, int paras, int joined, int lo)
{
	size_t i, len1, n;
	struct line ln;
	struct tail tail;
	uint32_t cp;
	int blanks = 0, j, num, kind, k, w[3];

	for (j = 0; j < nm; j++)
		md[j].g->positional = md[j].g->wraps = 1;
	for (k = 0; k < tl->n; k++) {
		ln.s = tl->v[k].s;
		ln.n = tl->v[k].n;
		ln.no = first + k;
		if (lo && md[0].g->nrow > 0 && (blank[k] ||
		    lo_is_nbsp_line(ln.s, ln.n))) {
			for (j = 0; j < nm; j++)
				lynx_counted_blanks(md[j].g, 1);
			continue;
		}
		if ((kind = line_kind(text, len, &tl->v[k], &ln, paras,
		    blank[k])) ==
		    LINE_BLANK) {
			blanks++;
			continue;
		}
		if (kind == LINE_SKIP)
			continue;
		num = paras && lynx_starts_number(ln.s, ln.n);
		for (j = 0; j < nm; j++) {
			if (paras && md[j].g->nrow > 0 && !num)
				lynx_counted_blanks(md[j].g, blanks - 1);
			grid_new_row(md[j].g, ln.no);
			if (paras && md[j].g->nrow > 1 && num)
				lynx_counted_blanks(md[j].g, blanks - 1);
			md[j].x = md[j].spaces = md[j].incell = 0;
			md[j].last_s = NULL;
		}
		blanks = 0;
		n = ln.n;
		if (joined && lynx_line_tail(ln.s, ln.n, &tail) > 0)
			n = tail.s[0] - tail.gap[0];
		else
			tail.n = 0;
		for (i = 0; i < n; i += len1) {
			if (ln.s[i] == ' ') {	/* a run at once, as one by one */
				len1 = space_run(ln.s + i, ln.s + n);
				cp = ' ';
				for (j = 0; j < nm; j++)
					model_step(&md[j], ln.s, i, len1, cp,
					    (int)len1 * char_width(' ', 1,
					    md[j].x, md[j].m));
				continue;
			}
			if ((len1 = word_at(ln.s, i, n, ln.n, w)) > 0) {
				for (j = 0; j < nm; j++)
					model_word(&md[j], i, i + len1,
					    w[md[j].m]);
				continue;
			}
			if ((unsigned char)ln.s[i] < 0x80)	/* no call */
				cp = (unsigned char)ln.s[i], len1 = 1;
			else
				len1 = utf8_decode(ln.s + i, ln.n - i, &cp);
			for (j = 0; j < nm; j++)
				model_step(&md[j], ln.s, i, len1, cp,
				    char_width(cp, len1, md[j].x, md[j].m));
		}
		for (j = 0; j < nm; j++) {
			if (md[j].incell)
				model_add(&md[j], ln.s + md[j].start,
				    ln.s + md[j].endbyte, md[j].inner);
			lynx_joined_tail(md[j].g, ln.s, &tail);
			if (md[j].m == WIDTH_BYTES)
				drop_blank_line(md[j].g, ln.s, ln.n);
		}
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

/* Distinct values of v[0..n), neighbours one apart counted once (a
 * centred word of odd width is half a column off): the runs of
 * consecutive values, of set bits in a bitmap over a short range. */
static int
count_distinct(int *v, int n)
{
	enum { SPAN = 1024 };
	uint64_t seen[SPAN / 64], run;
	unsigned u;
	int i, d = n > 0, lo, hi;

	for (i = 0, lo = hi = n > 0 ? v[0] : 0; i < n; i++) {
		lo = v[i] < lo ? v[i] : lo;
		hi = v[i] > hi ? v[i] : hi;
	}
	if (n > 0 && hi - lo < SPAN) {	/* columns: a short range, no sort */
		memset(seen, 0, ((hi - lo) / 64 + 1) * sizeof seen[0]);
		for (i = 0; i < n; i++) {
			u = (unsigned)(v[i] - lo);
			seen[u / 64] |= (uint64_t)1 << u % 64;
		}
		/* a run starts at a set bit whose lower neighbour is clear
		 * (run: the top bit of the word before) */
		for (i = 0, d = 0, run = 0; i <= (hi - lo) / 64; i++) {
			d += __builtin_popcountll(seen[i] & ~(seen[i] << 1 |
			    run));
			run = seen[i] >> 63;
		}
		return d;
	}
	ints_sort(v, (size_t)n);
	for (i = 1; i < n; i++)
		d += v[i] > v[i - 1] + 1;
	return d;
}

/*
 * Is c, in display columns, CJK letters one space apart, fewer than
 * four (a narrow title spaced out and wrapped, 结 果 维 / 持: one cell,
 * title_words splits only four or more)?  Its text is the letters
 * without the spaces, its width three columns a letter less one.
 */
static int
spaced_letters_cell(const struct gcell *c, int unit)
{
	const char *s = c->text, *e = s + strlen(s);
	uint32_t cp;
	int n = 0;

	if (unit != 1)		/* in characters every space ends a cell */
		return 0;
	while (s < e) {
		s += utf8_decode(s, e - s, &cp);
		if (cp < 0x4e00 || cp > 0x9fff)
			return 0;
		n++;
	}
	return n >= 2 && c->x1 - c->x0 == 3 * n - 1;
}

/* Is cell j of row r a column's cell: a number, or a title (a word of
 * a line without numbers, right of its first; not letters of a title
 * spaced out, which stand at no column's edge, as letters split in
 * characters)?  unit: as column_spread's. */
static int
is_column_cell(const struct grid *g, const struct grow *r, int j,
    int numbers, int unit)
{
	const struct gcell *c = &g->cell[r->first + j];

	return is_digit_cell(c) || (!numbers && j > 0 &&
	    !is_letter_word(c->text, c->text + strlen(c->text)) &&
	    !spaced_letters_cell(c, unit));
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
			if (!is_column_cell(g, &g->row[i], j, numbers, unit))
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

#define TITLE_ROWS	64	/* how far up a number's title is looked for */
#define TITLE_COLS	4096	/* columns of the look-up of titles */

/* Do two cells share a left edge, a right edge or (within half a
 * column) a centre? */
static int
same_column(const struct gcell *a, const struct gcell *b, int unit)
{
	int d = (a->x0 + a->x1 - b->x0 - b->x1) / unit;

	return a->x0 == b->x0 || a->x1 == b->x1 || (d >= -1 && d <= 1);
}

/*
 * numbers_under_titles for any columns: the lines without numbers are
 * listed once as the rows go by, so a number looks only at those above
 * it, not at every row between.
 */
static int
under_titles_listed(const struct grid *g, int unit)
{
	const struct grow *r, *t;
	const struct gcell *c;
	int *title, nt = 0, i, j, k, m, under = 0, found, any;

	title = gip_xmalloc((g->nrow + 1) * sizeof *title);
	for (i = 0; i < g->nrow; i++) {
		r = &g->row[i];
		for (j = any = 0; j < r->ncell; j++) {
			c = &g->cell[r->first + j];
			if (!is_digit_cell(c))
				continue;
			any = 1;
			for (found = 0, k = nt - 1; k >= 0 && title[k] >=
			    i - TITLE_ROWS && !found; k--) {
				t = &g->row[title[k]];
				for (m = 1; m < t->ncell && !found; m++)
					found = same_column(c,
					    &g->cell[t->first + m], unit);
			}
			under += found;
		}
		if (!any && r->ncell > 1)	/* a title may stand over */
			title[nt++] = i;
	}
	free(title);
	return under;
}

/* Is a title noted at key k in rows i - TITLE_ROWS .. i - 1? */
#define TITLE_SEEN(last, k, i)	((last)[k] >= (i) - TITLE_ROWS)

/*
 * How many numbers stand aligned under a column title above them (a
 * word right of the first of a line without numbers, at most 64 lines
 * up: a table's titles are at its top, and the search stays linear).
 * same_column's three tests as look-ups: the last row a title had each
 * left edge and right edge in, and the last whose centre is within half
 * a column of each x0 + x1 (a sum less than two units away).  Columns of a width no table has,
 * or unknown: the list of title rows.
 */
static int
numbers_under_titles(const struct grid *g, int unit)
{
	const struct grow *r;
	const struct gcell *c;
	int *last, *right, *near, span = 0, i, j, k, under = 0, any;

	for (i = 0; i < g->ncell; i++) {
		c = &g->cell[i];
		if (c->x0 < 0 || c->x1 < 0 || c->x0 >= TITLE_COLS ||
		    c->x1 >= TITLE_COLS)
			return under_titles_listed(g, unit);
		span = c->x1 > span ? c->x1 : span;
		span = c->x0 > span ? c->x0 : span;
	}
	span++;
	last = gip_xmalloc(4 * (size_t)span * sizeof *last);
	right = last + span;
	near = right + span;
	/* never seen: bytes 0x80 make every int below -2^31 / 2 */
	memset(last, 0x80, 4 * (size_t)span * sizeof *last);
	for (i = 0; i < g->nrow; i++) {
		r = &g->row[i];
		for (j = any = 0; j < r->ncell; j++) {
			c = &g->cell[r->first + j];
			if (!is_digit_cell(c))
				continue;
			any = 1;
			under += TITLE_SEEN(last, c->x0, i) ||
			    TITLE_SEEN(right, c->x1, i) ||
			    TITLE_SEEN(near, c->x0 + c->x1, i);
		}
		if (any)
			continue;
		for (j = 1; j < r->ncell; j++) {	/* a title row */
			c = &g->cell[r->first + j];
			last[c->x0] = right[c->x1] = i;
			k = c->x0 + c->x1 - 2 * unit + 1;
			for (k = k > 0 ? k : 0; k < 2 * span &&
			    k < c->x0 + c->x1 + 2 * unit; k++)
				near[k] = i;
		}
	}
	free(last);
	return under;
}

/*
 * A table of three numbers a row at most under four titles at most
 * (t2's blocks): too few columns for their scatter alone to tell the
 * models apart.  Table 4 also has rows of three numbers, under a header
 * of ten or fifteen titles: no such table is narrow.
 */
static int
narrow(const struct grid *g)
{
	const char *t;
	int i, j, n;

	for (i = 0; i < g->nrow; i++) {
		if (g->row[i].ncell > 4)
			return 0;
		for (j = n = 0; j < g->row[i].ncell; j++)
			for (t = g->cell[g->row[i].first + j].text; *t; t++)
				n += *t >= '0' && *t <= '9' && (t[1] < '0' ||
				    t[1] > '9');	/* digit runs */
		if (n > 3)
			return 0;
	}
	return 1;
}

/* Do the two counts (characters less display columns: the spread,
 * which wins when lower, and the numbers under titles, when higher)
 * agree, each by two or more? */
static int
clearly(int spread, int under)
{
	return (spread <= -2 && under >= 2) || (spread >= 2 && under <= -2);
}

/*
 * Space-aligned text, read in display columns and in characters (lynx
 * lays tables out so): the model under which the columns scatter less
 * and more numbers stand under titles wins, when both say so clearly;
 * else, in a narrow table of several cells a line, one as good on one
 * count and better on the other, but never by one number alone
 * standing under a title: a
 * right-aligned value in a column wider than its title stands under
 * the next title by chance; display columns on a tie.  One converter
 * printed the whole document: a table whose two counts clearly agree
 * tells its model (*doc, the first such table's: t3 is read first), and
 * a table whose counts do not takes that model (a narrow t2 block can
 * look aligned in characters by chance when its t3 is clearly in
 * display columns: a value then goes to the wrong title).
 */
void
spaced_read(const char *text, size_t len, long first, const struct tlines *tl,
    enum spaced_width *doc, struct grid *g)
{
	struct grid chars = {0}, swap;
	struct model md[2] = {{.m = WIDTH_DISPLAY, .g = g},
	    {.m = WIDTH_CHARS, .g = &chars, .share = &md[0]}};
	int paras, joined, lo, spread, under, use_chars, k, nblank;
	unsigned char *blank;

	blank = gip_xmalloc(tl->n + 1);
	for (k = nblank = 0; k < tl->n; k++)
		nblank += blank[k] = (unsigned char)line_blank(&tl->v[k]);
	if (utf8_find(text, len, LINES_FFFD) != NULL) {
		md[0].m = WIDTH_BYTES;
		read_spaced_as(text, len, first, tl, blank, md, 1, 0, 0, 0);
		free(blank);
		g->bytes = 1;
		/* t2's labels cut to a character or two (`规范1个`,
		 * `行政\uFFFD765\uFFFD`): named by their block's order */
		h2tblock_labels(g);
		return;
	}
	/* lynx_cell_paragraphs wants nine lines of text in ten to follow a
	 * blank line (the first line counts as one): with fewer blank
	 * lines it says no, and is not asked */
	paras = (nblank + 1) * 10 >= (tl->n - nblank) * 9 &&
	    lynx_cell_paragraphs(text, len);
	joined = !paras && lynx_joined_rows(text, len);
	lo = !paras && !joined && lo_cell_lines(tl);
	read_spaced_as(text, len, first, tl, blank, md, 2, paras, joined, lo);
	free(blank);
	spread = column_spread(&chars, 2) - column_spread(g, 1);
	under = numbers_under_titles(&chars, 2) - numbers_under_titles(g, 1);
	if (clearly(spread, under)) {
		use_chars = spread < 0;
		if (doc != NULL && *doc == SPACED_UNKNOWN)
			*doc = use_chars ? SPACED_CHARS : SPACED_DISPLAY;
	} else if (doc != NULL && *doc != SPACED_UNKNOWN)
		use_chars = *doc == SPACED_CHARS;
	else
		use_chars = spread <= 0 && under >= 0 && (spread < 0 ||
		    under > 0) && ((spread < 0 && under > 0) || (!paras &&
		    under != 1 && narrow(g)));
	if (use_chars) {	/* chars' cells borrow g's texts: copied */
		grid_own_texts(&chars);
		swap = *g;
		*g = chars;
		chars = swap;
	}
	grid_free(&chars);
}
