/*
 * Pipe tables' spread-out spans read back (mdspan.h).  A row's reading:
 * its label (the text cells before its first value, with the empty
 * cells after them), then k values, each a cell and any empty cells
 * after it; k is the number of columns the header rows above title (the
 * union of their titled positions, less the labels' columns).  Every
 * such reading is tried; their values decide.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "err.h"
#include "lfcount.h"
#include "markdown.h"
#include "mdpipe.h"
#include "mdspan.h"
#include "text.h"
#include "value.h"

#define MAXCELL		48	/* a row's cells read; wider rows left as they are */
#define MAXSTEPS	200000	/* readings tried on one row before giving up */
#define UNREAD		"\xef\xbf\xbd"	/* U+FFFD: a lost value (value.h) */

enum kind { K_BLANK, K_VALUE, K_TEXT };

/* The text whose pipe tables are read, for a warning's line. */
struct mdsrc {
	const char	*name;
	const char	*text;
};

struct prow {
	const char	*line;
	size_t		 len;
	int		 delim;		/* the delimiter row */
	int		 ncell;		/* -1: too wide, left alone */
	const char	*cs[MAXCELL];
	size_t		 cn[MAXCELL];
	unsigned char	 kind[MAXCELL];
	int		 first_value;	/* -1: none */
	int		 label_end;	/* the last text cell before it, -1 */
};

struct readings {
	const struct prow *r;
	int		 base, m, k;
	int		 repeat;	/* spans spread as their text again */
	int		 found;		/* 0, 1, 2: more than one */
	long		 steps;
	int		 first[MAXCELL], cur[MAXCELL];
};

/* Is s[0, 3) a Han character led by E4..E9, which text_norm copies as
 * it is (text.h)? */
static int
is_han(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return u[0] >= 0xe4 && u[0] <= 0xe9 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80;
}

/* Length of the white space at s that text_norm drops at a cell's
 * start (a blank, a TAB, NBSP, U+3000), or 0. */
static size_t
lead_space(const char *s, size_t n)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (n >= 2 && s[0] == '\xc2' && s[1] == '\xa0')
		return 2;
	if (n >= 3 && s[0] == '\xe3' && s[1] == '\x80' && s[2] == '\x80')
		return 3;
	return 0;
}

/*
 * Is s[0, 3) a character that text_norm copies as it is (text.h's plain
 * characters) and that is no U+FFFD: led by E1..EC but ED, not a space
 * or quote of U+2000..U+203F, not U+3000?
 */
static int
is_plain_3(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return u[0] >= 0xe1 && u[0] <= 0xec && u[0] != 0xed &&
	    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80 &&
	    !(u[0] == 0xe2 && u[1] == 0x80) &&
	    !(u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80);
}

/*
 * The kind of the commonest cells from their bytes, as kind_of would
 * find it, or -1.  Blank: white space alone (text_norm drops it all).
 * A value: plain digits (text_norm copies them, value_parse takes up to
 * 42 as a count).  Text, where text_norm leaves a start that
 * value_parse reads as a label's (value.h) or as neither a number, a
 * blank mark nor garbage: a Han character (copied) and after it a Han
 * character, after blanks or not (joined: blanks between CJK go), a
 * printable ASCII but the mark openers [ < * or another plain character
 * (copied); a full-width bracket (folded to "(") and a Han character
 * or a printable ASCII but a digit, a sign or a mark opener and a Han
 * character (four bytes that are no U+FFFD: no garbage, value.c's
 * is_garbage; no sign or digit first: no number); digits, a point
 * (full-width or not), blanks or not and a Han character ("1.属于国家秘
 * 密": no number, as the point has no digit after it, and no garbage, as
 * it has digits), or digits and a plain character that is no Han ("1、").
 * Most of a table's cells, without a copy.
 */
static int
quick_kind(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n && (k = lead_space(s + i, n - i)) > 0; i += k)
		;
	if (i == n)
		return K_BLANK;
	if (n >= 4 && is_han(s)) {
		for (i = 3; i < n && s[i] == ' '; i++)
			;
		if (n - i >= 3 && is_han(s + i))
			return K_TEXT;
		if (i == 3 && s[3] > ' ' && s[3] < 0x7f && s[3] != '[' &&
		    s[3] != '<' && s[3] != '*')
			return K_TEXT;
		if (i == 3 && n >= 6 && is_plain_3(s + 3))
			return K_TEXT;
		return -1;
	}
	if (n >= 6 && memcmp(s, "\xef\xbc\x88", 3) == 0 && is_han(s + 3))
		return K_TEXT;	/* （ */
	if (n >= 4 && s[0] > ' ' && s[0] < 0x7f && !(s[0] >= '0' &&
	    s[0] <= '9') && strchr("[<*-+", s[0]) == NULL && is_han(s + 1))
		return K_TEXT;	/* ( and the like, copied */
	for (i = 0; i < n && i <= 40 && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == n && n <= 40)
		return K_VALUE;
	if (i == 0 || i > 40)
		return -1;
	/* a character that is no unit or count word (those are Han) nor
	 * folded ("8、属于"): no number */
	if (n - i >= 3 && is_plain_3(s + i) && ((unsigned char)s[i] < 0xe4 ||
	    (unsigned char)s[i] > 0xe9))
		return K_TEXT;
	/* a point, as it is or full-width (folded), blanks (kept: no CJK
	 * before them) and a Han character */
	if (s[i] == '.')
		i++;
	else if (n - i >= 3 && memcmp(s + i, "\xef\xbc\x8e", 3) == 0)
		i += 3;
	else
		return -1;
	while (i < n && s[i] == ' ')
		i++;
	return n - i >= 3 && is_han(s + i) ? K_TEXT : -1;
}

/* kind_of by the cell's normalised text, for the cells quick_kind
 * cannot tell: apart, so that the others set up no buffer. */
static enum kind __attribute__((noinline))
kind_normalised(const char *s, size_t n)
{
	char clean[1024];
	struct value v;

	if (n >= sizeof clean)
		return K_TEXT;
	clean[text_norm(clean, s, n, TEXT_CLEAN)] = '\0';
	value_parse(clean, &v);
	return v.kind == V_BLANK ? K_BLANK : v.kind == V_TEXT ? K_TEXT :
	    K_VALUE;
}

/* Blank, a value (a number, a unit, a mark such as —) or text. */
static inline enum kind
kind_of(const char *s, size_t n)
{
	int quick;

	if ((quick = quick_kind(s, n)) >= 0)
		return (enum kind)quick;
	return kind_normalised(s, n);
}

/*
 * The first byte c at or after s, or end: memchr, inline, for the short
 * distances of a pipe table (a cell to its bar, a row to its line end),
 * where a call to memchr costs more than the looking.
 */
static inline const char *
find_byte(const char *s, const char *end, char c)
{
#ifdef __SSE2__
	const __m128i want = _mm_set1_epi8(c);
	unsigned m;

	for (; end - s >= 16; s += 16)
		if ((m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)s),
		    want))) != 0)
			return s + __builtin_ctz(m);
#endif
	while (s < end && *s != c)
		s++;
	return s;
}

/* Split the pipe row r->line into its cells; the bar last may be left
 * out (GFM). */
static void
split_row(struct prow *r)
{
	const char *s = r->line, *end, *bar;
	size_t n = r->len;
	int k;

	md_trim(&s, &n);
	end = s + n;
	r->ncell = 0;
	r->first_value = r->label_end = -1;
	for (s++; s < end; s = bar + 1) {
		bar = find_byte(s, end, '|');
		n = (size_t)(bar - s);
		if (bar == end && text_is_blank(s, n))
			break;	/* blanks after the bar last (U+3000 too) */
		if (r->ncell == MAXCELL) {
			r->ncell = -1;
			return;
		}
		md_trim(&s, &n);
		k = r->ncell++;
		r->cs[k] = s;
		r->cn[k] = n;
		r->kind[k] = (unsigned char)kind_of(s, n);
		if (r->kind[k] == K_VALUE && r->first_value < 0)
			r->first_value = k;
		if (r->kind[k] == K_TEXT && r->first_value < 0)
			r->label_end = k;
	}
}

/* Are cells a and b of r the same value? */
static int
same_cell(const struct prow *r, int a, int b)
{
	return r->cn[a] == r->cn[b] && memcmp(r->cs[a], r->cs[b],
	    r->cn[a]) == 0;
}

/* Where the run of text cells the same as cell p of r begins (a label
 * or title spread over the columns it spans, docling). */
static int
run_start(const struct prow *r, int p)
{
	while (p > 0 && r->kind[p] == K_TEXT && r->kind[p - 1] == K_TEXT &&
	    same_cell(r, p - 1, p))
		p--;
	return p;
}

static void
record(struct readings *e)
{
	int c;

	if (e->found == 0) {
		memcpy(e->first, e->cur, sizeof e->first);
		e->found = 1;
		return;
	}
	for (c = 0; c < e->k; c++)
		if (!same_cell(e->r, e->base + e->first[c],
		    e->base + e->cur[c]))
			e->found = 2;
}

/* Readings of the cells from i on as the values c, c+1, ... */
static void
walk(struct readings *e, int i, int c)
{
	const struct prow *r = e->r;
	int j;

	if (e->found > 1 || ++e->steps > MAXSTEPS)
		return;
	if (c == e->k) {
		if (i == e->m)
			record(e);
		return;
	}
	if (e->m - i < e->k - c)
		return;
	e->cur[c] = i;
	walk(e, i + 1, c + 1);
	for (j = i + 1; j < e->m && (e->repeat ? same_cell(r, e->base + i,
	    e->base + j) : r->kind[e->base + j] == K_BLANK); j++)
		walk(e, j + 1, c + 1);
}

/* Cell p of r, or an empty one past its end. */
static void
add_cell(struct buf *out, const struct prow *r, int p)
{
	buf_add(out, " ", 1);
	if (p < r->ncell)
		buf_add(out, r->cs[p], r->cn[p]);
	buf_add(out, " |", 2);
}

/* Header row r again with only the columns before q[0] and those of q
 * (the untitled ones spread-out spans). */
static void
write_header(struct buf *out, const struct prow *r, const int *q, int k)
{
	int p, c;

	buf_add(out, "|", 1);
	for (p = 0; p < q[0]; p++)
		add_cell(out, r, p);
	for (c = 0; c < k; c++)
		add_cell(out, r, q[c]);
}

/* Data row r again: its label's cells, empty ones up to q[0], then its
 * k values, the cells at take[], or U+FFFD each where take is NULL.
 * Under a header with gaps the untitled columns are left out, as
 * write_header does; else the values land in the columns q. */
static void
write_data(struct buf *out, const struct prow *r, const int *q, int k,
    const int *take)
{
	int p, c;

	buf_add(out, "|", 1);
	for (p = 0; p < q[0]; p++) {
		buf_add(out, " ", 1);
		if (p <= r->label_end)
			buf_add(out, r->cs[p], r->cn[p]);
		buf_add(out, " |", 2);
	}
	for (c = 0; c < k; c++) {
		buf_add(out, " ", 1);
		if (take == NULL)
			buf_add(out, UNREAD, strlen(UNREAD));
		else
			buf_add(out, r->cs[take[c]], r->cn[take[c]]);
		buf_add(out, " |", 2);
	}
}

/* Does every value cell of r after its label stand in a column of q? */
static int
values_titled(const struct prow *r, const int *q, int k)
{
	int p, c = 0;

	for (p = r->label_end + 1; p < r->ncell; p++) {
		while (c < k && q[c] < p)
			c++;
		if (r->kind[p] != K_BLANK && (c == k || q[c] != p))
			return 0;
	}
	return 1;
}

/*
 * Data row r under the header columns q (k of them; gaps: the header
 * leaves columns between or after them untitled, which a span spread
 * out does, and those columns are left out): written to out as it
 * stands, or again with its one reading, or unread.  Without gaps, a
 * row whose values all stand under titles is read by position, as any
 * table.  A converter that spreads spans out writes every row with all
 * the table's columns (width, as its header rows) and keeps the labels
 * (labelled: the table's rows have them): a shorter row, or one without
 * a label among labelled ones, is an extractor's torn row (torn.h),
 * left as it is.
 */
static void
fix_row(const struct mdsrc *src, struct buf *out, const struct prow *r,
    const int *q, int k, int gaps, int width, int labelled, int repeat)
{
	struct readings e = {.r = r, .k = k, .repeat = repeat};
	int c, j, lead = 0, take[MAXCELL], positional = 1;

	e.base = r->label_end + 1;
	e.m = r->ncell - e.base;
	if (k == 0 || r->ncell != width ||
	    q[0] <= (r->label_end >= 0 ? run_start(r, r->label_end) : -1) ||
	    (r->label_end < 0 && labelled) ||
	    (!gaps && values_titled(r, q, k)))
		goto asis;	/* not a row of the table's grid spread out */
	if (r->label_end >= 0)
		while (lead < e.m && r->kind[e.base + lead] == K_BLANK)
			lead++;
	for (j = 0; j <= lead && e.found < 2; j++)
		walk(&e, j, 0);
	if (e.steps > MAXSTEPS || (e.found == 0 && !gaps))
		goto asis;
	if (e.found != 1) {
		gip_warn(src->name, 1 + (long)lf_count(src->text,
		    (size_t)(r->line - src->text)), "pipe table row: its %d "
		    "cells make "
		    "%d values %s (merged cells spread out by the converter), "
		    "written as ?", e.m, k, e.found ? "in more than one way" :
		    "in no way");
		write_data(out, r, q, k, NULL);
		return;
	}
	for (c = 0; c < k; c++) {
		take[c] = e.base + e.first[c];
		/* the reading by position: column q[c]'s own cell */
		if (q[c] < r->ncell ? !same_cell(r, q[c], take[c]) :
		    r->kind[take[c]] != K_BLANK)
			positional = 0;
	}
	if (positional && !gaps)
		goto asis;
	write_data(out, r, q, k, take);
	return;
asis:
	buf_add(out, r->line, r->len);
}

/*
 * A header row: no value, text in a column right of every data row's
 * label (lmax: the last label column of the rows with values), so that
 * a row whose cells are blank under its label is no header.
 */
static int
is_header(const struct prow *r, int lmax)
{
	int p;

	if (r->delim || r->ncell < 0 || r->first_value >= 0)
		return 0;
	for (p = lmax + 1; p < r->ncell; p++)
		if (r->kind[p] == K_TEXT)
			return 1;
	return 0;
}

/* A row that is neither header nor empty: values, or a label alone. */
static int
is_data(const struct prow *r, int lmax)
{
	return !r->delim && r->ncell >= 0 && !is_header(r, lmax) &&
	    (r->first_value >= 0 || r->label_end >= 0);
}

/* The columns that the header rows of rows[from, to) title, less the
 * columns where its data rows hold labels, into q; their number.  A
 * title the same as the one left of it is a span spread as its text
 * again (docling): no column of its own, and *repeat is set. */
static int
header_columns(const struct prow *rows, int from, int to, int lmax, int *q,
    int *repeat)
{
	uint64_t titled = 0, labels = 0;
	int i, p, k = 0, head;

	*repeat = 0;

	for (i = from; i < to; i++) {
		if (rows[i].delim || rows[i].ncell < 0)
			continue;
		head = is_header(&rows[i], lmax);
		for (p = 0; p < rows[i].ncell; p++) {
			if (rows[i].kind[p] != K_TEXT)
				continue;
			if (head && p > lmax + 1 && rows[i].kind[p - 1] ==
			    K_TEXT && same_cell(&rows[i], p - 1, p))
				*repeat = 1;	/* a title spread again */
			else if (head)
				titled |= (uint64_t)1 << p;
			else if (p <= rows[i].label_end &&
			    run_start(&rows[i], p) == p)
				labels |= (uint64_t)1 << p;
		}
	}
	for (p = 0; p < MAXCELL; p++)
		if ((titled & ~labels) >> p & 1)
			q[k++] = p;
	return k;
}

/* The end of the block of rows that starts at start: its header rows
 * (and empty ones), then its data rows up to the next header; *data:
 * its first data row. */
static int
block_end(const struct prow *rows, int n, int start, int lmax, int *data)
{
	int d, end;

	for (d = start; d < n && !is_data(&rows[d], lmax); d++)
		;
	for (end = d; end < n && !is_header(&rows[end], lmax); end++)
		;
	*data = d;
	return end > start ? end : start + 1;
}

/*
 * Does the block with columns q (k of them) under header rows width
 * wide leave columns untitled, as a span spread out does: one between
 * its titles, or one after its last that no block of the table titles
 * (titled: their columns), so that a block narrower than the table
 * (t2's (八) beside its (一)) has none; where titles are repeated, a
 * column after the last is a repeated title, a gap.
 */
static int
has_gaps(const int *q, int k, int width, uint64_t titled, int repeat)
{
	int p;

	if (k == 0)
		return 0;
	if (q[k - 1] - q[0] + 1 > k || (repeat && width - q[0] > k))
		return 1;
	for (p = q[k - 1] + 1; p < width && p < MAXCELL; p++)
		if (!(titled >> p & 1))
			return 1;
	return 0;
}

/* A block of a table's rows (block_end) and its header's columns. */
struct block {
	int	end, data, k, repeat;
	int	q[MAXCELL];
};

/*
 * One pipe table's rows: blocks of header rows and the data rows after
 * them, each data row fixed under its block's columns.  The blocks are
 * found once: the columns every block titles decide each one's gaps.
 */
static void
fix_table(const struct mdsrc *src, struct buf *out, const struct prow *rows,
    int n)
{
	struct block *b = gip_xmalloc((size_t)n * sizeof *b), *bk;
	int c, i, nb = 0, start, width, gaps;
	int lmax = -1;
	uint64_t titled = 0;

	for (i = 0; i < n; i++)
		if (!rows[i].delim && rows[i].first_value >= 0 &&
		    rows[i].label_end >= 0 &&
		    run_start(&rows[i], rows[i].label_end) > lmax)
			lmax = run_start(&rows[i], rows[i].label_end);
	for (start = 0; start < n; start = bk->end) {
		bk = &b[nb++];
		bk->end = block_end(rows, n, start, lmax, &bk->data);
		bk->k = header_columns(rows, start, bk->end, lmax, bk->q,
		    &bk->repeat);
		for (c = 0; c < bk->k; c++)
			titled |= (uint64_t)1 << bk->q[c];
	}
	for (start = 0, bk = b; bk < b + nb; start = bk->end, bk++) {
		for (width = 0, i = start; i < bk->data; i++)
			if (!rows[i].delim && rows[i].ncell > width)
				width = rows[i].ncell;
		gaps = has_gaps(bk->q, bk->k, width, titled, bk->repeat);
		for (i = start; i < bk->end; i++) {
			if (rows[i].first_value >= 0 && i >= bk->data)
				fix_row(src, out, &rows[i], bk->q, bk->k,
				    gaps, width, lmax >= 0, bk->repeat);
			else if (gaps && !rows[i].delim && rows[i].ncell >= 0)
				write_header(out, &rows[i], bk->q, bk->k);
			else
				buf_add(out, rows[i].line, rows[i].len);
			buf_add(out, "\n", 1);
		}
	}
	free(b);
}

/* The pipe rows rows[0, n) to out: a table (a delimiter row among them)
 * fixed, other bar lines as they are. */
static void
flush(const struct mdsrc *src, struct buf *out, const struct prow *rows, int n,
    int delim)
{
	int i;

	if (n > 0 && delim) {
		fix_table(src, out, rows, n);
		return;
	}
	for (i = 0; i < n; i++) {
		buf_add(out, rows[i].line, rows[i].len);
		buf_add(out, "\n", 1);
	}
}

/*
 * Where the first line at or after the line start s whose first byte
 * past blanks is a bar begins, or end: one memchr for a bar over the
 * lines of prose, which hold none.
 */
static const char *
next_bar_line(const char *s, const char *end)
{
	const char *bar, *q;

	while ((bar = memchr(s, '|', (size_t)(end - s))) != NULL) {
		for (q = bar; q > s && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		if (q == s || q[-1] == '\n')
			return q;
		if ((s = memchr(bar, '\n', (size_t)(end - bar))) == NULL)
			return end;
		s++;
	}
	return end;
}

void
mdspan_fix(const char *name, const char *text, size_t len, struct buf *out)
{
	const struct mdsrc src = { name, text };
	const char *s = text, *end = text + len, *nl, *next;
	struct prow *rows = NULL;
	int n = 0, cap = 0, delim = 0;
	size_t k;

	while (s < end) {
		if (n == 0) {
			/* no pipe rows pending: the lines up to the next that
			 * may be one as they are */
			next = next_bar_line(s, end);
			buf_add(out, s, (size_t)(next - s));
			if ((s = next) == end)
				break;
		}
		nl = find_byte(s, end, '\n');
		k = (size_t)(nl - s);
		if (md_is_pipe_row(s, k)) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				if ((rows = realloc(rows, (size_t)cap *
				    sizeof *rows)) == NULL)
					gip_fatal("out of memory");
			}
			rows[n].line = s;
			rows[n].len = k;
			rows[n].delim = md_delimiter_row(s, k);
			delim |= rows[n].delim;
			rows[n].ncell = 0;
			rows[n].first_value = rows[n].label_end = -1;
			if (!rows[n].delim)
				split_row(&rows[n]);
			n++;
		} else {
			flush(&src, out, rows, n, delim);
			n = delim = 0;
			buf_add(out, s, (size_t)(nl - s) + (nl < end));
		}
		s = nl + (nl < end);
	}
	flush(&src, out, rows, n, delim);
	free(rows);
}
