/* pandoc's grid tables, their frames blanked (gridframe.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "err.h"
#include "gridframe.h"
#include "mdattr.h"
#include "utf8.h"

#define MAXBOUND 64	/* column boundaries of one grid: t4 has 16 */

/* A text's lines; pos[j]: where grid_line last stopped on line j (a
 * character's start and its display column), to go on from there. */
struct colpos {
	size_t	i;
	int	x;
};

struct lines {
	size_t	*start, *len;
	size_t	 n;
	struct colpos *pos;
};

static void
split_lines(const char *text, size_t len, struct lines *l)
{
	const char *p = text, *end = text + len, *nl;
	size_t cap = 0;

	l->n = 0;
	l->start = l->len = NULL;
	while (p < end) {
		if (l->n == cap) {
			cap = cap ? 2 * cap : 1024;
			l->start = gip_xrealloc(l->start, cap * sizeof *l->start);
			l->len = gip_xrealloc(l->len, cap * sizeof *l->len);
		}
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		l->start[l->n] = (size_t)(p - text);
		l->len[l->n++] = (size_t)(nl - p);
		p = nl + (nl < end);
	}
	l->pos = gip_xmalloc((l->n + 1) * sizeof *l->pos);
	memset(l->pos, 0, (l->n + 1) * sizeof *l->pos);
}

/* Bytes of the character at s (n > 0 bytes left), its display columns
 * (as pandoc counts them: East Asian wide and full-width two, all else
 * one) added to *x. */
static size_t
char_step(const char *s, size_t n, int *x)
{
	uint32_t cp;
	size_t k;

	if ((unsigned char)*s < 0x80) {
		(*x)++;
		return 1;
	}
	k = utf8_decode(s, n, &cp);
	*x += utf8_is_wide(cp) ? 2 : 1;
	return k;
}

/* The byte of s[0, n) that begins display column col, or -1 when no
 * character begins there (the line is shorter, or a wide character
 * covers it). */
static long
byte_at(const char *s, size_t n, int col)
{
	size_t i = 0;
	int x = 0;

	while (i < n && x < col)
		i += char_step(s + i, n - i, &x);
	return i < n && x == col ? (long)i : -1;
}

/* Where the run of rule bytes (- = :) from s[i] ends, at most n: 16
 * bytes a step where SSE2 is (a rule's segments run over a column). */
static size_t
rule_run(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	__m128i v, in;
	unsigned out;

	for (; n - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		in = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8('='))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
		if ((out = ~(unsigned)_mm_movemask_epi8(in) & 0xffff) != 0)
			return i + (size_t)__builtin_ctz(out);
	}
#endif
	while (i < n && (s[i] == '-' || s[i] == '=' || s[i] == ':'))
		i++;
	return i;
}

/*
 * A rule of a grid at s[o] ('+'): "+---+--+", '=' under a header, ':'
 * marking alignment.  Its corners' offsets from o into off[]; returns how
 * many (2 or more), 0 if it is none.
 */
static int
rule_at(const char *s, size_t n, size_t o, int *off)
{
	size_t i = o + 1, seg;
	int nb = 1;

	off[0] = 0;
	for (;;) {
		seg = i;
		i = rule_run(s, i, n);
		if (i == seg || i >= n || s[i] != '+')
			break;
		if (nb == MAXBOUND)
			return 0;
		off[nb++] = (int)(i - o);
		i++;
	}
	return nb >= 2 ? nb : 0;
}

/* Is line s[0, n) from byte o the same rule as off[0..nb)? */
static int
same_rule(const char *s, size_t n, size_t o, const int *off, int nb)
{
	int got[MAXBOUND], k;

	if (rule_at(s, n, o, got) != nb)
		return 0;
	for (k = 0; k < nb; k++)
		if (got[k] != off[k])
			return 0;
	return 1;
}

/* Has line s[0, n) from byte o a bar on every boundary?  The text from
 * the first to the last bar is counted in display columns. */
static int
bars_on(const char *s, size_t n, size_t o, const int *off, int nb)
{
	size_t i = o;
	int x = 0, k = 0;

	while (i < n && k < nb) {
		if (x == off[k]) {
			if (s[i] != '|')
				return 0;
			k++;
		} else if (x > off[k])
			return 0;
		i += char_step(s + i, n - i, &x);
	}
	return k == nb;
}

/* Blank the bars of a content line on the boundaries (bars_on holds). */
static void
blank_bars(char *s, size_t n, size_t o, const int *off, int nb)
{
	size_t i = o;
	int x = 0, k = 0;

	while (i < n && k < nb) {
		if (x == off[k]) {
			s[i] = ' ';
			k++;
		}
		i += char_step(s + i, n - i, &x);
	}
}

/*
 * byte_at of line j, the walk to column c0 gone on from where the last
 * one on the line stopped when that was not past c0: the corners of a
 * line are tried left to right, and from the line's start each time a
 * line of many + and the lines around it cost their length once per +
 * (32 KB of " +-+": 8 s).  Blanking a grid writes ASCII over ASCII, so
 * no column moves.
 */
static long
line_byte_at(const char *text, const struct lines *l, size_t j, int c0)
{
	const char *s = text + l->start[j];
	struct colpos *p = &l->pos[j];
	size_t i = 0, n = l->len[j];
	int x = 0;

	if (p->x <= c0)
		i = p->i, x = p->x;
	while (i < n && x < c0) {
		p->i = i, p->x = x;
		i += char_step(s + i, n - i, &x);
	}
	if (x <= c0)
		p->i = i, p->x = x;
	return i < n && x == c0 ? (long)i : -1;
}

/* Has line j a '+' or '|' at display column c0 (a grid's line)?  The
 * byte there in *at. */
static int
grid_line(const char *text, const struct lines *l, size_t j, int c0, long *at)
{
	const char *s = text + l->start[j];

	*at = line_byte_at(text, l, j, c0);
	return *at >= 0 && (s[*at] == '|' || s[*at] == '+');
}

/*
 * The grid whose top rule is at display column c0 of line top: the line
 * of its bottom rule, or 0 when it is no regular grid.  Its lines are the
 * run of lines with a '+' or '|' in that column, the top rule first (a
 * rule inside a grid begins none) and the same rule last; every rule
 * among them is the same, every other line has its bars.
 */
static size_t
grid_bottom(const char *text, const struct lines *l, size_t top, int c0,
    const int *off, int nb)
{
	size_t j;
	const char *s;
	long b;

	if (top > 0 && grid_line(text, l, top - 1, c0, &b))
		return 0;
	for (j = top + 1; j < l->n && grid_line(text, l, j, c0, &b); j++) {
		s = text + l->start[j];
		if (s[b] == '+' ? !same_rule(s, l->len[j], (size_t)b, off, nb) :
		    !bars_on(s, l->len[j], (size_t)b, off, nb))
			return 0;	/* a merged cell: no pandoc grid */
	}
	s = text + l->start[j - 1];
	return j - 1 > top + 1 && grid_line(text, l, j - 1, c0, &b) &&
	    s[b] == '+' ? j - 1 : 0;
}

/*
 * A rule of a grid of columns becomes the rule of dashes pandoc draws
 * over a simple table, one run a column (dashcols.h): the grid's columns
 * stay known.  A frame's rule (one column) is blanked.
 */
static void
rule_to_dashes(char *s, const int *off, int nb)
{
	int k, x;

	if (nb == 2) {
		memset(s, ' ', (size_t)off[1] + 1);
		return;
	}
	for (k = 0; k < nb; k++)
		s[off[k]] = ' ';
	for (k = 0; k + 1 < nb; k++)
		for (x = off[k] + 1; x < off[k + 1]; x++)
			s[x] = '-';
}

static void
blank_grid(char *text, const struct lines *l, size_t top, size_t bottom,
    int c0, const int *off, int nb)
{
	size_t j;
	char *s;
	long b;

	for (j = top; j <= bottom; j++) {
		s = text + l->start[j];
		b = line_byte_at(text, l, j, c0);
		if (s[b] == '+')
			rule_to_dashes(s + b, off, nb);
		else
			blank_bars(s, l->len[j], (size_t)b, off, nb);
	}
}

/* Does text hold a rule's corner, + then - or =?  Every text is asked
 * and few hold a +: one memchr a + (two memmem passes cost gip-sections
 * a third of its time). */
static int
has_corner(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while ((p = memchr(p, '+', (size_t)(end - p))) != NULL && ++p < end)
		if (*p == '-' || *p == '=')
			return 1;
	return 0;
}

/* Every + of the text, line by line, the last line aside (a grid's top
 * has a line below): the next from *p on, its line from *i on; 0 when
 * there is none.  One memchr a + found, not one a line. */
static int
next_plus(char *text, size_t len, const struct lines *l, char **p,
    size_t *i)
{
	if ((*p = memchr(*p, '+', len - (size_t)(*p - text))) == NULL)
		return 0;
	while ((size_t)(*p - text) > l->start[*i] + l->len[*i])
		(*i)++;
	return *i + 1 < l->n;
}

/*
 * The display width of a line up to a +, carried on from the line's
 * last + looked at: from the line's start each time, a line of many +
 * cost its length once per + (a fuzzed line of 2,800: 40 ms).  The
 * decoded text is UTF-8, so a + is always a character's start and the
 * widths add up; blank_grid writes ASCII over ASCII, no width changes.
 */
struct colmemo {
	const char	*line, *at;
	size_t		width;
};

static size_t
width_to(struct colmemo *m, const char *s, const char *q)
{
	if (m->line != s || m->at > q) {
		m->line = m->at = s;
		m->width = 0;
	}
	m->width += utf8_width(m->at, (size_t)(q - m->at));
	m->at = q;
	return m->width;
}

/*
 * Is the + at *p, on line i, a grid's top left corner: a rule whole, not
 * the corners of some of its columns, nor a rule beside a merged cell's
 * bar (pandoc pads a nested grid with a space; NUL as strchr("-=:|")
 * took it)?  Its corners' offsets into off[0..*nb), its display column
 * into *c0.  A rule going on past its last corner is passed (*p to that
 * corner) and is none.
 */
static int
grid_top(const char *text, const struct lines *l, size_t i, char **p,
    int *off, int *nb, int *c0, struct colmemo *m)
{
	const char *s = text + l->start[i];
	char *q = *p;

	if ((q > s && (q[-1] == '-' || q[-1] == '=' || q[-1] == ':' ||
	    q[-1] == '|' || q[-1] == '\0')) ||
	    (*nb = rule_at(s, l->len[i], (size_t)(q - s), off)) == 0)
		return 0;
	if ((size_t)(q - s) + (size_t)off[*nb - 1] + 1 < l->len[i] &&
	    strchr("-=:", q[off[*nb - 1] + 1]) != NULL) {
		*p = q + off[*nb - 1];
		return 0;
	}
	*c0 = (int)width_to(m, s, q);
	return 1;
}

int
gridframe_blank(char *text, size_t len)
{
	struct lines l;
	size_t i, bottom;
	int off[MAXBOUND], nb, c0, blanked = 0;
	struct colmemo m = {NULL, NULL, 0};
	char *p;

	if (!has_corner(text, len))
		return 0;
	split_lines(text, len, &l);
	for (i = 0, p = text; next_plus(text, len, &l, &p, &i); p++) {
		if (!grid_top(text, &l, i, &p, off, &nb, &c0, &m) ||
		    (bottom = grid_bottom(text, &l, i, c0, off, nb)) == 0)
			continue;
		blank_grid(text, &l, i, bottom, c0, off, nb);
		blanked++;
	}
	free(l.start);
	free(l.len);
	free(l.pos);
	return blanked;
}

/*
 * Unwrapping a grid's cells whose attributes pandoc wrapped (gridframe.h).
 */

struct seg {
	char	*p;	/* the bytes between two bars, or NULL: as printed */
	size_t	 n;
};

/* The bytes of the bars of content line s[0, n) from byte b (bars_on
 * holds) into at[0..nb). */
static void
bar_bytes(const char *s, size_t n, size_t b, const int *off, int nb,
    size_t *at)
{
	size_t i = b;
	int x = 0, k = 0;

	while (i < n && k < nb) {
		if (x == off[k])
			at[k++] = i;
		i += char_step(s + i, n - i, &x);
	}
}

/* Is c a byte of an ASCII word or number (2020, 1.5, EN-US)? */
static int
ascii_word(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '.' || c == ',';
}

/*
 * Lay text t[0, n) out in the cells of lines [0, nl) of a column `cols`
 * display columns wide between its bars: a blank, the text up to cols - 2
 * columns, blanks, as pandoc pads a cell.  0 when it does not fit.
 */
static int
flow_cell(const char *t, size_t n, int cols, struct seg *out, size_t nl)
{
	size_t i = 0, j, k, o;
	int cw = cols - 2, x, w;
	char *p;

	if (cw < 2)
		return 0;
	for (j = 0; j < nl; j++) {
		/* every byte of t at most once and the padding */
		p = gip_xmalloc(n + (size_t)cols + 1);
		o = 0;
		p[o++] = ' ';
		x = 0;
		while (i < n) {
			/* a number or an ASCII word is not broken where
			 * it fits on the next line (pandoc breaks none) */
			if (x > 0 && ascii_word(t[i]) &&
			    (i == 0 || !ascii_word(t[i - 1]))) {
				for (k = i; k < n && ascii_word(t[k]); k++)
					;
				if (x + (int)(k - i) > cw &&
				    (int)(k - i) <= cw)
					break;
			}
			w = 0;
			k = char_step(t + i, n - i, &w);
			if (x + w > cw)
				break;
			memcpy(p + o, t + i, k);
			o += k;
			i += k;
			x += w;
		}
		for (; x < cw + 1; x++)
			p[o++] = ' ';
		out[j].p = p;
		out[j].n = o;
	}
	if (i < n) {
		for (j = 0; j < nl; j++) {
			free(out[j].p);
			out[j].p = NULL;
		}
		return 0;
	}
	return 1;
}

/* The piece of a cell's line: its bytes after the pad blank, trailing
 * blanks dropped. */
static void
piece_of(const char *s, size_t from, size_t to, size_t *ps, size_t *pn)
{
	if (from < to && s[from] == ' ')
		from++;
	while (to > from && s[to - 1] == ' ')
		to--;
	*ps = from;
	*pn = to - from;
}

/* A paragraph of a cell: its lines joined, from line first on. */
struct group {
	char	*buf;
	size_t	 len, cap, first, nl;
	int	 wrapped;	/* a line of it ends inside a span */
};

static void
group_add(struct group *g, const char *s, size_t n, int line)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = 2 * (g->len + n + 1);
		g->buf = gip_xrealloc(g->buf, g->cap);
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
	g->nl += line;
}

/* A paragraph pandoc wrapped inside a span: its attributes stripped
 * and its text laid out again in its lines' cells. */
static int
group_close(struct group *g, int cols, struct seg *out)
{
	size_t n;

	if (g->nl < 2 || !g->wrapped)
		return 0;
	n = mdattr_strip_line(g->buf, g->len);
	while (n > 0 && g->buf[n - 1] == ' ')
		n--;
	return flow_cell(g->buf, n, cols, out + g->first, g->nl);
}

/* Is s[0, n) a run of dashes (blanks between), three or more? */
static int
dash_piece(const char *s, size_t n)
{
	size_t i, dashes = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '-')
			dashes++;
		else if (s[i] != ' ')
			return 0;
	return dashes >= 3;
}

/*
 * A table wider than its frame, lines [from, to) of the frame's cell,
 * its rows broken at the frame's width and their attributes with them:
 * its columns cannot be told again.  It becomes pandoc's placeholder for
 * a table it could not print, [TABLE] (unprinted.h), and blank lines:
 * its rows are unread, not absent.
 */
static int
placeholder(struct seg *col, size_t from, size_t to, int cols)
{
	return to > from && flow_cell("[TABLE]", 7, cols, col + from,
	    to - from);
}

/* Join the wrapped lines of the cells of one grid (lines top..bottom)
 * into seg[(line - top) * (nb - 1) + column]; returns how many cells were
 * laid out again. */
static int
unwrap_grid(const char *text, const struct lines *l, size_t top,
    size_t bottom, int c0, const int *off, int nb, struct seg *seg)
{
	size_t at[MAXBOUND], j, ps, pn, ncol = (size_t)nb - 1;
	struct group g = { NULL, 0, 0, 0, 0, 0 };
	struct seg *col;
	const char *s;
	size_t reg = 0;		/* 1 + the first line of a wide table */
	int k, fixed = 0, dash, was_dash = 0, wide = 0, broken = 0;
	long b;

	col = gip_xmalloc((bottom - top + 1) * sizeof *col);
	for (k = 0; k + 1 < nb; k++) {
		memset(col, 0, (bottom - top + 1) * sizeof *col);
		g.len = g.nl = 0;
		for (j = top + 1; j <= bottom; j++) {
			s = text + l->start[j];
			b = byte_at(s, l->len[j], c0);
			if (s[b] == '+') {
				if (nb == 2 && was_dash && !wide && reg > 0 &&
				    broken)
					fixed += placeholder(col, reg - 1, j - top,
					    off[1] - off[0] - 1);
				was_dash = wide = 0;
				reg = 0;
				fixed += group_close(&g, off[k + 1] - off[k] - 1,
				    col);
				g.len = g.nl = 0;
				continue;
			}
			bar_bytes(s, l->len[j], (size_t)b, off, nb, at);
			piece_of(s, at[k] + 1, at[k + 1], &ps, &pn);
			dash = dash_piece(s + ps, pn);
			if (nb == 2 && was_dash && !dash && !wide && reg > 0 &&
			    broken)
				fixed += placeholder(col, reg - 1, j - top,
				    off[1] - off[0] - 1);
			if (dash && !was_dash && (wide = !wide)) {
				reg = j - top + 1;
				broken = 0;
			}
			/* a rule of dashes over two lines or more: broken
			 * at the frame's width (--wrap=none keeps it one) */
			if (dash && was_dash)
				broken = 1;
			if (!wide && !dash)
				reg = 0;
			was_dash = dash;
			if (nb == 2 && (dash || wide || (pn > 0 &&
			    (s[ps] == '|' || s[ps] == '+')))) {
				/* in a frame, a grid (done before) or a table
				 * wider than the frame between its rules of
				 * dashes, broken at the frame's width: no
				 * cell's text, left as it is */
				fixed += group_close(&g, off[1] - off[0] - 1, col);
				g.len = g.nl = 0;
				continue;
			}
			/* a paragraph of the cell: its lines up to a blank
			 * one, or up to a hard break (a backslash last: a
			 * line end pandoc wrote, mdattr.h reads it) */
			if (pn == 0 || (g.nl > 0 && g.buf[g.len - 1] == '\\')) {
				fixed += group_close(&g, off[k + 1] - off[k] - 1,
				    col);
				g.len = g.nl = 0;
				if (pn == 0)
					continue;
			}
			if (g.nl == 0) {
				g.first = j - top;
				g.wrapped = 0;
			} else if (mdattr_open_at_end(g.buf, g.len, 1) > 0 ||
			    (g.buf[g.len - 1] == ']' && s[ps] == '{'))
				/* a span or attribute left open, or a span's ]
				 * at a line's end and its attributes next */
				g.wrapped = 1;
			else if (ascii_word(g.buf[g.len - 1]) &&
			    ascii_word(s[ps]))
				/* pandoc broke the line at a blank: 1 / 2
				 * stay two numbers */
				group_add(&g, " ", 1, 0);
			group_add(&g, s + ps, pn, 1);
		}
		fixed += group_close(&g, off[k + 1] - off[k] - 1, col);
		g.len = g.nl = 0;
		for (j = 0; j <= bottom - top; j++)
			seg[j * ncol + (size_t)k] = col[j];
	}
	free(g.buf);
	free(col);
	return fixed;
}

/* Write line j of a grid to o with its cells from seg (NULL: as they
 * were). */
static void
emit_line(const char *s, size_t n, long b, const int *off, int nb,
    const struct seg *seg, struct buf *o)
{
	size_t at[MAXBOUND];
	int k;

	for (k = 0; k + 1 < nb && seg[k].p == NULL; k++)
		;
	if (k + 1 == nb || s[b] == '+') {
		buf_add(o, s, n);
		return;
	}
	bar_bytes(s, n, (size_t)b, off, nb, at);
	buf_add(o, s, at[0] + 1);
	for (k = 0; k + 1 < nb; k++) {
		if (seg[k].p != NULL)
			buf_add(o, seg[k].p, seg[k].n);
		else
			buf_add(o, s + at[k] + 1, at[k + 1] - at[k] - 1);
		buf_add(o, "|", 1);
	}
	buf_add(o, s + at[nb - 1] + 1, n - at[nb - 1] - 1);
}

/*
 * One pass of gridframe_unwrap: the grids of columns (frames 0), or the
 * one-column frames around a page (frames 1), their grids done before.
 */
static size_t
unwrap_pass(char *text, size_t len, int frames)
{
	struct lines l;
	struct buf o = { 0 };
	struct seg *seg;
	size_t i, j, bottom, done = 0, ncol, nseg;
	int off[MAXBOUND], nb, c0, fixed = 0;
	struct colmemo m = {NULL, NULL, 0};
	char *s, *p;
	long b;

	if (!has_corner(text, len))
		return len;
	split_lines(text, len, &l);
	for (i = 0, p = text; next_plus(text, len, &l, &p, &i); p++) {
		/* the same grids as gridframe_blank, the outermost only */
		if (l.start[i] < done ||
		    !grid_top(text, &l, i, &p, off, &nb, &c0, &m) ||
		    (frames ? nb != 2 : nb < 3) ||
		    (bottom = grid_bottom(text, &l, i, c0, off, nb)) == 0)
			continue;
		ncol = (size_t)nb - 1;
		nseg = (bottom - i + 1) * ncol;
		seg = gip_xmalloc(nseg * sizeof *seg);
		memset(seg, 0, nseg * sizeof *seg);
		if (unwrap_grid(text, &l, i, bottom, c0, off, nb, seg) > 0) {
			fixed++;
			buf_add(&o, text + done, l.start[i] - done);
			for (j = i; j <= bottom; j++) {
				s = text + l.start[j];
				b = byte_at(s, l.len[j], c0);
				emit_line(s, l.len[j], b, off, nb,
				    seg + (j - i) * ncol, &o);
				if (j + 1 < l.n)
					buf_add(&o, "\n", 1);
			}
			done = j < l.n ? l.start[j] : len;
		}
		for (j = 0; j < nseg; j++)
			free(seg[j].p);
		free(seg);
		if (done > l.start[i]) {
			/* past the grid laid out again */
			if (l.start[bottom] + l.len[bottom] >= len)
				break;
			p = text + l.start[bottom] + l.len[bottom];
		}
	}
	if (fixed > 0) {
		buf_add(&o, text + done, len - done);
		/* the text is never longer: the cells lose their
		 * attributes and keep every other character */
		if (o.len <= len) {
			memcpy(text, o.p, o.len);
			if (o.len < len)
				text[o.len] = '\0';
			len = o.len;
		}
	}
	buf_free(&o);
	free(l.start);
	free(l.len);
	free(l.pos);
	return len;
}

size_t
gridframe_unwrap(char *text, size_t len)
{
	len = unwrap_pass(text, len, 0);
	return unwrap_pass(text, len, 1);
}
