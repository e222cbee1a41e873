/*
 * Section 二's rows written out once the template is decided: each row's
 * numbers under the columns its header names, or the template's columns
 * where the header lost them; amounts in 万元.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "tables.h"
#include "tmpl.h"

/*
 * How far a table's positions can be trusted (t2_trust): as printed,
 * as a print's (print_column), or not at all for a row with blanks.
 */
enum { TRUST_POSITIONS, TRUST_PRINT, TRUST_JOINED, TRUST_SPANS,
	TRUST_PAGED, TRUST_STACKED, TRUST_PRINT_LEFT, TRUST_PRINT_DRIFT,
	TRUST_TITLEGAP, TRUST_ROWSPANS };

/* A print's trust, whatever it knows of the values' alignment. */
#define IS_PRINT(trust)	((trust) == TRUST_PRINT || \
	(trust) == TRUST_PRINT_LEFT || (trust) == TRUST_PRINT_DRIFT)

/* The template a header's named titles belong to alone, else tpl. */
static unsigned
header_template(const struct t2row *p, unsigned tpl)
{
	unsigned in = TPL_BOTH;
	int k;

	for (k = 0; k < p->h.ncol; k++)
		if (p->h.col[k].key != NULL)
			in &= p->h.col[k].templates;
	return in == TPL_2019 || in == TPL_2021 ? in : tpl;
}

/*
 * A header read short: lynx wraps the titles of a table it cannot align
 * into one another ("信息内容 本年新制作" / "数量 本年新" / "公开数量 对外
 * 公开总"), so they read as fewer columns than the row prints.  A row of
 * more numbers than that, no blank among them, and as many as the
 * template's row has columns (the template the titles name, if they name
 * one), is the template's row in order: returns that row, else NULL.
 */
static const struct tmpl_row *
header_short(const struct t2row *p, unsigned tpl)
{
	const struct tmpl_row *tr;
	int n;

	if (p->h.ncol == 0 || p->h.ncol >= p->lr.nval ||
	    (p->lr.numbers != p->lr.nval &&
	    !lrow_counted(p->lr.val, p->lr.nval)) ||
	    p->lr.val[p->lr.nval - 1].v.kind != V_NUMBER)
		return NULL;
	tpl = header_template(p, tpl);
	if ((tr = tmpl_find("t2", p->key, tpl ? tpl : TPL_BOTH)) == NULL)
		return NULL;
	for (n = 0; tr->cols[n]; n++)
		;
	return n == p->lr.nval ? tr : NULL;
}

/* The unit a short header prints (采购总金额（元）), if its titles agree
 * on one: it is the amount's, the only column with a unit. */
static int
short_header_unit(const struct t2row *p)
{
	int k, unit = UNIT_NONE;

	for (k = 0; k < p->h.ncol; k++)
		if (p->h.col[k].unit == UNIT_NONE)
			continue;
		else if (unit != UNIT_NONE && unit != p->h.col[k].unit)
			return UNIT_NONE;
		else
			unit = p->h.col[k].unit;
	return unit;
}

/*
 * A header whose every title was named but that names fewer columns
 * than the row has in its template (a PDF prints two titles into one
 * another, 现行有本年废止件数效件数, named for one of them): which title
 * a value stands under is not known, and the lost column would be left
 * out.  Returns the template's row, else NULL.
 */
static const struct tmpl_row *
header_lost_column(const struct t2row *p, unsigned tpl)
{
	const struct tmpl_row *tr;
	int k, j, n;

	if (p->h.ncol == 0 || (tr = tmpl_find("t2", p->key,
	    header_template(p, tpl ? tpl : TPL_BOTH))) == NULL)
		return NULL;
	for (n = 0; tr->cols[n]; n++)
		;
	if (p->h.ncol >= n)
		return NULL;
	for (k = 0; k < p->h.ncol; k++) {
		if (p->h.col[k].key == NULL)
			return NULL;
		for (j = 0; j < n && strcmp(tr->cols[j], p->h.col[k].key); j++)
			;
		if (j == n)
			return NULL;	/* a title of another row's */
	}
	return tr;
}

/* Columns of a row: the header's if every one was understood, else the
 * template's. */
static int
columns_of(const struct t2row *p, unsigned tpl, const char **cols,
    int *units)
{
	const struct tmpl_row *tr;
	int k, named = p->h.ncol > 0;

	if ((tr = header_short(p, tpl)) != NULL) {
		for (k = 0; tr->cols[k]; k++) {
			cols[k] = tr->cols[k];
			units[k] = strcmp(cols[k], "amount") == 0 ?
			    short_header_unit(p) : UNIT_NONE;
		}
		return k;
	}
	for (k = 0; k < p->h.ncol; k++)
		named &= p->h.col[k].key != NULL;
	if (named) {
		for (k = 0; k < p->h.ncol; k++) {
			cols[k] = p->h.col[k].key;
			units[k] = p->h.col[k].unit;
		}
		return p->h.ncol;
	}
	if ((tr = tmpl_find("t2", p->key, tpl ? tpl : TPL_BOTH)) == NULL &&
	    (tr = tmpl_find("t2", p->key, TPL_BOTH)) == NULL)
		return 0;
	for (k = 0; tr->cols[k]; k++) {
		cols[k] = tr->cols[k];
		units[k] = k < p->h.ncol ? p->h.col[k].unit : UNIT_NONE;
	}
	return k;
}

/*
 * A row of a block whose titles were joined from lynx's pieces (no
 * positions) and that prints fewer numbers than columns: lynx joins a
 * table's cells by single spaces and an empty cell leaves a space of
 * its own (gip(7); t3 reads such rows so), so a gap of 1 + 2k spaces
 * before a number is k empty cells.  Gaps are in display columns or,
 * where the table was read one column per character, twice that (all
 * even).  Placed only when every gap is so and the cells then fill
 * the row exactly (a row's last empty cells leave no space: then it is
 * not placed).
 */
static int
place_by_gaps(const struct t2row *p, int ncol, const struct vcell **at)
{
	const struct vcell *v = p->lr.val;
	int gap[LROW_MAXVAL];
	int j, k = 0, n = p->lr.nval, x = p->lr.label_x1, even = 1;

	if (x < 0 || p->lr.numbers != n)
		return -1;
	for (j = 0; j < n; j++) {
		if (v[j].x0 < 0 || (gap[j] = v[j].x0 - x) < 1)
			return -1;
		even &= gap[j] % 2 == 0;
		x = v[j].x1;
	}
	for (j = 0; j < n; j++) {
		if (even)
			gap[j] /= 2;
		if (gap[j] % 2 == 0 || (k += (gap[j] - 1) / 2) >= ncol)
			return -1;
		at[k++] = &v[j];
	}
	return k == ncol ? 0 : -1;
}

/* Does a value share an edge with a column's title, within a column
 * (left-aligned, as lynx and w3m print, or right-aligned)? */
static int
shares_edge(const struct t2col *c, const struct vcell *v)
{
	return c->x0 >= 0 && (abs(v->x0 - c->x0) <= 1 ||
	    abs(v->x1 - c->x1) <= 1);
}

/* Where a block's full row (a number in every column) printed each
 * column's value: twice their centres, n 0 if the block has no such
 * row. */
struct pins {
	int	n;
	long	line;			/* of the row that printed them */
	int	x2[T2MAXCOLS];
	int	x0[T2MAXCOLS], x1[T2MAXCOLS];
};

/* Twice the centre of a column's title. */
static int
centre2(const struct t2col *c)
{
	return c->x0 >= 0 ? c->x0 + c->x1 : 2 * c->x;
}

/*
 * The column whose title a value stands under: the title whose centre is
 * nearest the value's (in half columns: a title's centre from its
 * edges where known).  When two are as near, the one whose edge the
 * value shares, if only one, else the one whose value in the block's
 * full row is nearer; else -1: the position says nothing.
 */
static int
title_under(const struct t2row *p, int ncol, const struct pins *pin,
    const struct vcell *v)
{
	int k, d, best = -1, bestd = 1 << 30, second = -1, secondd = 1 << 30;

	for (k = 0; k < ncol; k++) {
		d = abs(centre2(&p->h.col[k]) - (v->x0 + v->x1));
		if (d < bestd) {
			second = best, secondd = bestd;
			bestd = d, best = k;
		} else if (d < secondd)
			second = k, secondd = d;
	}
	if (second < 0 || secondd > bestd)
		return best;
	if (shares_edge(&p->h.col[best], v) &&
	    !shares_edge(&p->h.col[second], v))
		return best;
	if (shares_edge(&p->h.col[second], v) &&
	    !shares_edge(&p->h.col[best], v))
		return second;
	if (pin->n != ncol)
		return -1;
	bestd = abs(pin->x2[best] - (v->x0 + v->x1));
	secondd = abs(pin->x2[second] - (v->x0 + v->x1));
	return bestd < secondd ? best : secondd < bestd ? second : -1;
}

/* Do columns [a0, a1) and [b0, b1) share one? */
static int
overlap(int a0, int a1, int b0, int b1)
{
	return a0 >= 0 && b0 >= 0 && a0 < b1 && b0 < a1;
}

/*
 * Is a print's block read one text column a character (spaced.h: every
 * position even)?  pdftotext -layout sets a word at the text column of
 * its place on the page, but a CJK glyph is as wide as two: a title's
 * characters take twice their columns on the page.
 */
static int
one_char_a_column(const struct t2row *p, int ncol)
{
	int k;

	for (k = 0; k < ncol; k++)
		if (p->h.col[k].x0 < 0 || ((p->h.col[k].x0 |
		    p->h.col[k].x1) & 1))
			return 0;
	for (k = 0; k < p->lr.nval; k++)
		if (p->lr.val[k].x0 < 0 || ((p->lr.val[k].x0 |
		    p->lr.val[k].x1) & 1))
			return 0;
	return 1;
}

/* Where title k of a block read one column a character ends on the
 * page: twice its characters on, short of the next title. */
static int
title_end(const struct t2col *c, int ncol, int k)
{
	int end = c[k].x0 + 2 * (c[k].x1 - c[k].x0);

	if (k + 1 < ncol && c[k + 1].x0 >= 0 && end > c[k + 1].x0)
		end = c[k + 1].x0;
	return end;
}

/*
 * The column a value of a print stands in, or -1.  pdftotext -layout
 * sets each word in a text column from its glyphs' place, but pushes it
 * right past the words before it on its line, so a value can drift past
 * the end of its title or into the gap before the next; a value left-
 * aligned in a wide cell under a centred title stands in that gap too
 * (a browser's print of <td> under <th>).  What survives is overlap:
 * words that share text columns shared page width.  So a value goes to
 * the one value of the block's full row it overlaps (pins: values as
 * aligned as it), or to the one title it overlaps; a value in a gap
 * between titles goes by how the table's full rows stand (trust:
 * print_alignment); anything else says nothing.
 */
static int
print_column(const struct t2row *p, int ncol, const struct pins *pin,
    int trust, const struct vcell *v)
{
	const struct t2col *c = p->h.col;
	int k, at = -1, n = 0, wide;

	/* (values left of their titles stand in the gap a title's page
	 * width would take: TRUST_PRINT_LEFT) */
	wide = trust != TRUST_PRINT_LEFT && one_char_a_column(p, ncol);

	for (k = 0; pin->n == ncol && k < ncol; k++)
		if (overlap(v->x0, v->x1, pin->x0[k], pin->x1[k]))
			at = k, n++;
	if (n == 1)
		return at;
	for (k = 0, at = -1, n = 0; k < ncol; k++)
		if (overlap(v->x0, v->x1, c[k].x0, wide ?
		    title_end(c, ncol, k) : c[k].x1))
			at = k, n++;
	if (n > 0 || v->x0 < 0)
		return n == 1 ? at : -1;
	/* in a gap: as the table's full rows stand (print_alignment) */
	for (k = 0; k < ncol; k++)
		if (c[k].x0 < 0)
			return -1;
	for (k = 0; trust == TRUST_PRINT_LEFT && k < ncol; k++)
		if (v->x1 <= c[k].x0 && (k == 0 || v->x0 >= c[k - 1].x1))
			return k;
	for (k = 0; trust == TRUST_PRINT_DRIFT && k < ncol; k++)
		if (v->x0 >= c[k].x1 && v->x0 - c[k].x1 <= 2 &&
		    (k + 1 == ncol || c[k + 1].x0 - v->x1 >= 3))
			return k;
	return -1;
}

/*
 * The column a value of a PDF read directly stands in, or -1: the one
 * title whose extent it overlaps.  The positions are the page's own (no
 * converter pushed a word right), but a Word table's data cells may span
 * other columns than its header's (gip(5)): a value centred in a cell
 * narrower or wider than its title's stands between two titles, or over
 * a value of the block's full row that was in another column.  Table 2
 * has no identity to check a guess by, so only a title the value
 * overlaps alone says where it goes; anything else is unread.
 */
static int
exact_column(const struct t2row *p, int ncol, const struct vcell *v)
{
	const struct t2col *c = p->h.col;
	int k, at = -1, n = 0;

	for (k = 0; k < ncol; k++)
		if (overlap(v->x0, v->x1, c[k].x0, c[k].x1))
			at = k, n++;
	return n == 1 ? at : -1;
}

/*
 * How a print's values stand to their titles, as its full rows (a
 * number under every title, placed in order) show on the page of their
 * titles: all wholly left of their own titles and right of the title
 * before (a browser's print of <td> left-aligned in wide cells under
 * <th> centred: TRUST_PRINT_LEFT), or all over their titles or just
 * past their ends, a column or two (centred values pdftotext pushed
 * right: TRUST_PRINT_DRIFT); two values at least, none the other way;
 * else TRUST_PRINT.  A value in a gap between titles goes by it.
 */
static int
print_alignment(const struct tables *t)
{
	const struct t2row *p;
	const struct t2col *c;
	const struct vcell *v;
	int i, k, n, left = 0, drift = 0;

	for (i = 0; i < t->nt2row; i++) {
		p = &t->t2row[i];
		n = p->h.ncol;
		if (!p->positional || p->took || n == 0 || p->lr.nval != n ||
		    p->lr.numbers != n || tables_page_between(t, p->hline,
		    p->lr.line))
			continue;
		for (k = 0; k < n; k++)
			if (p->h.col[k].x0 < 0 || p->lr.val[k].x0 < 0)
				break;
		for (k = k < n ? n : 0; k < n; k++) {
			c = p->h.col;
			v = &p->lr.val[k];
			if (v->x1 <= c[k].x0 && (k == 0 || v->x0 >= c[k - 1].x1))
				left++;
			else if (overlap(v->x0, v->x1, c[k].x0, c[k].x1) ||
			    (v->x0 >= c[k].x1 && v->x0 - c[k].x1 <= 2))
				drift++;
			else
				return TRUST_PRINT;
		}
	}
	if (left >= 2 && drift == 0)
		return TRUST_PRINT_LEFT;
	if (drift >= 2 && left == 0)
		return TRUST_PRINT_DRIFT;
	return TRUST_PRINT;
}

/*
 * The pins of the block whose rows start at rows[0] (n rows to the end
 * of the table): its first row printing a number in each of its ncol
 * columns, left to right.
 */
static void
block_pins(const struct t2row *rows, int n, int ncol, struct pins *pin)
{
	const struct t2vals *v;
	int i, k;

	pin->n = 0;
	for (i = 0; i < n && (i == 0 || !rows[i].headed); i++) {
		v = &rows[i].lr;
		if (!rows[i].positional || v->nval != ncol ||
		    v->numbers != ncol)
			continue;
		for (k = 0; k < ncol; k++) {
			if (v->val[k].x0 < 0 || (k > 0 &&
			    v->val[k].x0 < v->val[k - 1].x1))
				break;
			pin->x2[k] = v->val[k].x0 + v->val[k].x1;
			pin->x0[k] = v->val[k].x0;
			pin->x1[k] = v->val[k].x1;
		}
		if (k == ncol) {
			pin->n = ncol;
			pin->line = rows[i].lr.line;
			return;
		}
	}
}

/*
 * Numbers a row took from lines below its label (pdftotext -layout
 * prints a tall row's cells at their own heights: 政府集中采购 938.6万元
 * on the label's line, its count 7 a line below, further left) are in
 * the order of the lines, not left to right: one below wholly left of a
 * number on the label's line shows that their order says nothing of
 * their columns.  Only against the label's line: lynx's one cell a line
 * prints each cell where its alignment puts it, and there the lines'
 * order is the columns'.
 */
static int
lines_out_of_order(const struct t2row *p)
{
	const struct vcell *v = p->lr.val;
	int i, j;

	if (!p->positional || !p->took || p->own == 0 ||
	    p->own > p->lr.nval)
		return 0;
	for (j = p->own; j < p->lr.nval; j++)
		for (i = 0; i < p->own; i++)
			if (v[i].x0 >= 0 && v[j].x0 >= 0 && v[j].x1 <= v[i].x0)
				return 1;
	return 0;
}

/*
 * lynx prints a table it cannot align (a cell holding a line break) one
 * row a line, its cells one space apart, and an empty cell as nothing
 * at all ("行政处罚 16" for 行政处罚 | | | 16): every row's first value
 * one column after its label, whatever the label's length.  Such a
 * table: two or more rows of numbers, all so, labels ending in two
 * places at least (aligned columns would put the short labels' values
 * further right).  Its positions say nothing.
 */
static int
rows_joined(const struct tables *t)
{
	const struct t2vals *v;
	int i, j, rows = 0, x = -1, differ = 0, gap = 0, odd = 0, g;

	for (i = 0; i < t->nt2row; i++) {
		v = &t->t2row[i].lr;
		if (!t->t2row[i].positional || v->numbers == 0 ||
		    t->t2row[i].took)
			continue;
		if (v->label_x1 < 0)
			return 0;
		for (j = 0; j < v->nval; j++) {
			if (v->val[j].x0 < 0)
				return 0;
			g = v->val[j].x0 - (j ? v->val[j - 1].x1 :
			    v->label_x1);
			if (g != 1 && g != 2)
				return 0;
			gap |= g;
			odd |= v->val[j].x0 % 2 || v->val[j].x1 % 2;
		}
		odd |= v->label_x1 % 2;
		differ |= x >= 0 && x != v->label_x1;
		x = v->label_x1;
		rows++;
	}
	/* one space: 1 in display columns, 2 where the table was read one
	 * column per character (all positions even) */
	return rows >= 2 && differ && (gap == 1 || (gap == 2 && !odd));
}

/* Does a value stand as a value of the block's full row does (left
 * or right edge, or centre, within a column)? */
static int
aligned_with_pin(const struct pins *pin, const struct vcell *v)
{
	int k;

	for (k = 0; k < pin->n; k++)
		if (abs(v->x0 - pin->x0[k]) <= 1 ||
		    abs(v->x1 - pin->x1[k]) <= 1 ||
		    abs(v->x0 + v->x1 - pin->x2[k]) <= 2)
			return 1;
	return 0;
}

/*
 * A converter that aligns a table's columns (lynx or w3m -dump) prints
 * the values of a column alike: at its left edge, its right edge or its
 * centre, as the block's full row shows (its pins).  A value aligned
 * with none of them stands in a cell that spans other grid columns than
 * the header's (Word's misaligned spans: 3,321 in a cell of colspan 2
 * starting under the second half of 本年增/减), and then a value
 * aligned with a title may be a cell further on too (a label of colspan
 * 2 puts the row's first value under the second title).  Only the count
 * of visible cells says which column a value is, and blank cells print
 * nothing: no row with blanks of such a table can be placed.  (A table
 * read in the other width model than its converter's shifts each row by
 * its label's CJK: its values do not line up either, and their titles'
 * centres, the nearest, put 7 of 行政强制 under 本年增/减.)
 */
static int
spans_differ(const struct tables *t)
{
	const struct t2row *p;
	const struct vcell *v;
	struct pins pin = {.n = 0};
	int i, j;

	for (i = 0; i < t->nt2row; i++) {
		p = &t->t2row[i];
		if (i == 0 || p->headed)
			block_pins(p, t->nt2row - i, p->h.ncol, &pin);
		if (!p->positional || pin.n == 0 || pin.n != p->h.ncol)
			continue;
		for (j = 0; j < p->own && j < p->lr.nval; j++) {
			v = &p->lr.val[j];
			if (v->v.kind == V_NUMBER && v->x0 >= 0 &&
			    !aligned_with_pin(&pin, v))
				return 1;
		}
	}
	return 0;
}

/*
 * pdftotext sets each page's text columns from that page's words alone:
 * a row on another page than its block's titles is placed by no
 * position (TRUST_PAGED), and the block's full row on another page than
 * the row pins nothing for it.
 */
/* The table of pandoc's rules whose titles span grid columns that row p
 * is in (dashcols.h), or NULL. */
static const struct dashtable *
row_titlegap(const struct tables *t, const struct t2row *p)
{
	int k;

	for (k = 0; k < t->ntitlegap; k++)
		if (p->lr.line >= t->titlegap[k].first &&
		    p->lr.line <= t->titlegap[k].last)
			return &t->titlegap[k];
	return NULL;
}

static int
page_trust(const struct tables *t, const struct t2row *p, int trust)
{
	if (trust == TRUST_POSITIONS && row_titlegap(t, p) != NULL)
		return TRUST_TITLEGAP;
	return IS_PRINT(trust) && tables_page_between(t, p->hline,
	    p->lr.line) ? TRUST_PAGED : trust;
}

/*
 * A row of numbers fewer than its titles, in a table of pandoc's rules
 * whose cells span grid columns unknown (TRUST_TITLEGAP): every printed
 * cell is one of the ncol values in order, blanks printed as nothing, and
 * each takes one grid column at least.  A number in grid column c, with
 * nb numbers before it and na after, is value j (from 1) of the row with
 * nb + 1 <= j <= ncol - na, j - 1 <= c - first (the cells before it fill
 * the columns from the first value column on) and ncol - j <= n - 1 - c
 * (the cells after it, the columns to the last).  Placed only when that
 * leaves each number one j; 0 then, else -1.
 */
static int
place_by_rule(const struct t2row *p, int ncol, const struct dashtable *tab,
    const struct vcell **at)
{
	const struct vcell *v = p->lr.val;
	int n = p->lr.nval, i, c, lo, hi, first = 1;

	if (n == 0 || n >= ncol || tab->n - first < ncol)
		return -1;
	for (i = 0; i < n; i++) {
		if (v[i].v.kind != V_NUMBER || v[i].x0 < 0 ||
		    (c = dashcols_column(tab, v[i].x0)) < first)
			return -1;
		lo = i + 1;
		if (ncol - (tab->n - 1 - c) > lo)
			lo = ncol - (tab->n - 1 - c);
		hi = ncol - (n - 1 - i);
		if (c - first + 1 < hi)
			hi = c - first + 1;
		if (lo != hi || at[lo - 1] != NULL)
			return -1;
		at[lo - 1] = &v[i];
	}
	return 0;
}

static const struct pins *
page_pins(const struct tables *t, const struct t2row *p,
    const struct pins *pin, struct pins *here)
{
	long a = pin->line < p->lr.line ? pin->line : p->lr.line;
	long b = pin->line < p->lr.line ? p->lr.line : pin->line;

	*here = *pin;
	if (t->print && pin->n > 0 && tables_page_between(t, a, b))
		here->n = 0;
	return here;
}

/* Why a table's positions place no row with blanks (t2_trust). */
static const char *
distrust_why(int trust)
{
	switch (trust) {
	case TRUST_PAGED:
		return "a print: a page begins between its block's titles "
		    "and it";
	case TRUST_JOINED:
		return "cells joined one space apart, blanks printed as "
		    "nothing";
	case TRUST_STACKED:
		return "values one a line at one place, blanks printed as "
		    "nothing";
	case TRUST_TITLEGAP:
		return "its rules have a column no title stands over: cells "
		    "spanning other columns";
	case TRUST_SPANS:
		return "a value of the table stands where no value of its "
		    "block's full row does: cells spanning other columns";
	case TRUST_ROWSPANS:
		return "its positions disagree with its header's: cells "
		    "spanning other columns";
	default:
		return "a print: no title or full row's value over each of "
		    "them";
	}
}

/* Was a row left unplaced for want of trust in its positions? */
static int
untrusted(const struct t2row *p, int ncol, int trust)
{
	return trust != TRUST_POSITIONS && p->positional &&
	    p->h.ncol == ncol && p->h.col[0].x >= 0 && p->lr.nval > 0 &&
	    p->lr.nval < ncol;
}

/*
 * lynx prints a Word table one cell a paragraph, every cell centred at
 * one place (its blank lines count empty cells only where an empty cell
 * prints a paragraph too: lynx_cell_paragraphs).  A row whose values
 * came from lines below its label at one place, one over another, has
 * positions that tell no column: nor do its table's.
 */
static int
values_stacked(const struct tables *t)
{
	const struct t2vals *v;
	int i, j;

	for (i = 0; i < t->nt2row; i++) {
		v = &t->t2row[i].lr;
		if (!t->t2row[i].positional || !t->t2row[i].took)
			continue;
		for (j = 1; j < v->nval; j++)
			if (v->val[j].x0 >= 0 && v->val[j - 1].x0 >= 0 &&
			    overlap(v->val[j].x0, v->val[j].x1,
			    v->val[j - 1].x0, v->val[j - 1].x1))
				return 1;
	}
	return 0;
}

static int
t2_trust(const struct tables *t)
{
	if (rows_joined(t))
		return TRUST_JOINED;
	if (t->print)
		return print_alignment(t);
	if (values_stacked(t))
		return TRUST_STACKED;
	return spans_differ(t) ? TRUST_SPANS : TRUST_POSITIONS;
}

/* Are the n cells from v all blank? */
static int
blank_run(const struct vcell *v, int n)
{
	int k;

	for (k = 0; k < n; k++)
		if (v[k].v.kind != V_BLANK)
			return 0;
	return 1;
}

/*
 * Does a value stand in the gap between two titles, two columns at
 * least from each (106 between 本年废 and 现行有效件数)?  Left-, right-
 * or centre-aligned under its title, a value would touch it or nearly
 * (a table read one column a character: two characters, lynx sets a
 * value a character short of its title's start).
 */
static int
between_titles(const struct t2row *p, int ncol, const struct vcell *v)
{
	const struct t2col *c = p->h.col;
	int k, gap = one_char_a_column(p, ncol) ? 4 : 2;

	for (k = 1; k < ncol; k++)
		if (v->x0 - c[k - 1].x1 >= gap && c[k].x0 - v->x1 >= gap)
			return 1;
	return 0;
}

/* The one value of the block's full row v stands as (aligned_with_pin),
 * or -1. */
static int
pin_of(const struct pins *pin, const struct vcell *v)
{
	int k, at = -1, n = 0;

	for (k = 0; k < pin->n; k++)
		if (abs(v->x0 - pin->x0[k]) <= 1 ||
		    abs(v->x1 - pin->x1[k]) <= 1 ||
		    abs(v->x0 + v->x1 - pin->x2[k]) <= 2)
			at = k, n++;
	return n == 1 ? at : -1;
}

/*
 * Can the positions of a row of fewer numbers than titles say which
 * title each stands under?  Word tables whose data cells span other
 * grid columns than the header's print, in lynx and w3m, each cell at
 * its own grid column, and blank cells print nothing: the count of
 * visible cells alone says which column a value is, and with blanks it
 * is lost.  Signs of it, in the block's header, its full row (pins) or
 * the row: titles not left to right (lynx's wrapped pieces joined); a
 * label reaching past the first value title's start (a label cell
 * spanning into the first value column); a number in the gap between
 * two titles, at neither's edge (106 between 本年废 and 现行有效件数,
 * nearer the first, in the second's grid column); a number standing as
 * the full row's value of another column than its title's.  Then
 * no value of the row is placed: PLACE_SPANS_DOUBT.
 */
static int
row_spans_doubt(const struct t2row *p, int ncol, const struct pins *pin,
    const struct vcell **at)
{
	const struct t2col *c = p->h.col;
	const struct vcell *v;
	int k, j;

	for (k = 0; k < ncol; k++)
		if (c[k].x0 < 0)
			return 0;
	for (k = 1; k < ncol; k++)
		if (c[k].x0 < c[k - 1].x1)
			return 1;
	if (p->lr.label_x1 > c[0].x0)
		return 1;
	for (k = 0; k < ncol; k++) {
		if ((v = at[k]) == NULL || v->v.kind != V_NUMBER ||
		    v->x0 < 0)
			continue;
		if (between_titles(p, ncol, v))
			return 1;
		if (pin->n == ncol && (j = pin_of(pin, v)) >= 0 && j != k)
			return 1;
	}
	return 0;
}

/* place_t2's answer for a row row_spans_doubt keeps unplaced. */
#define PLACE_SPANS_DOUBT	(-2)

/* Values to columns: by header position (left to right, each under its
 * own title: values out of order under their titles were placed by
 * positions that mean nothing, lynx's joined titles), or in order with
 * blank padding (a trailing or leading empty cell) trimmed. */
static int
place_t2(const struct t2row *p, int ncol, const struct pins *pin,
    int trust, const struct dashtable *tab, const struct vcell **at)
{
	const struct vcell *v = p->lr.val;
	int n = p->lr.nval, k, j, best, last;

	for (k = 0; k < ncol; k++)
		at[k] = NULL;
	if (p->positional && n == 0)
		return 0;
	if (p->positional && p->h.ncol == ncol && p->h.col[0].x < 0 &&
	    n < ncol && place_by_gaps(p, ncol, at) == 0)
		return 0;
	/* Counted empty cells beyond the columns, after the last number,
	 * are the blank lines that part two tables, no cells. */
	while (n > ncol && v[n - 1].v.kind == V_BLANK &&
	    v[n - 1].x0 == GRID_XCOUNTED)
		n--;
	/* As many numbers as columns, or as many values with the blanks
	 * counted: order places them, whatever the positions; positions
	 * matter only when blanks are invisible, and when the titles have
	 * them (x -1: titles joined from lynx's wrapped pieces). */
	if (lines_out_of_order(p)) {
		/* Each number under its title and every column filled, or
		 * none placed: a number below a label with a blank left may
		 * be the next row's, printed above its label. */
		if (p->h.ncol != ncol || p->h.col[0].x < 0 ||
		    p->lr.numbers != ncol)
			return -1;
		for (j = 0; j < n; j++) {
			if (v[j].v.kind == V_BLANK && v[j].x0 < 0)
				continue;
			if (v[j].x0 < 0 ||
			    (best = title_under(p, ncol, pin, &v[j])) < 0 ||
			    at[best])
				return -1;
			at[best] = &v[j];
		}
		return 0;
	}
	if (p->positional && p->h.ncol == ncol && p->h.col[0].x >= 0 &&
	    !(n == ncol &&
	    (p->lr.numbers == n || lrow_counted(v, n)))) {
		if (trust == TRUST_TITLEGAP && tab != NULL)
			return place_by_rule(p, ncol, tab, at);
		if (!IS_PRINT(trust) && trust != TRUST_POSITIONS)
			return -1;
		for (j = 0, last = -1; j < n; j++) {
			best = p->exact ? exact_column(p, ncol, &v[j]) :
			    IS_PRINT(trust) ? print_column(p, ncol, pin, trust,
			    &v[j]) : title_under(p, ncol, pin, &v[j]);
			if (best < 0 || at[best] || best < last)
				return -1;
			at[best] = &v[j];
			last = best;
		}
		if (trust == TRUST_POSITIONS && !p->exact && !p->document &&
		    row_spans_doubt(p, ncol, pin, at))
			return PLACE_SPANS_DOUBT;
		return 0;
	}
	/* Empty cells under the header's own empty ones end the row, also
	 * when the row has more cells still: a row shaped like its header
	 * keeps those cells last, so they go before any padding is looked
	 * for (行政事业性收费<TAB><TAB><TAB>4<TAB> under a header with one
	 * empty title is blank, 4 and that cell, not 4 and blank).  Then
	 * an extra empty cell after the label is label-area padding (a
	 * ragged row), and a trailing one a cell the extractor added. */
	if (p->h.trail > 0 && n >= ncol + p->h.trail &&
	    blank_run(v + n - p->h.trail, p->h.trail))
		n -= p->h.trail;
	while (n > ncol && v[0].v.kind == V_BLANK)
		v++, n--;
	while (n > ncol && v[n - 1].v.kind == V_BLANK)
		n--;
	if (n != ncol)
		return -1;
	for (k = 0; k < ncol; k++)
		at[k] = &v[k];
	return 0;
}

/*
 * Do the numbers held over a row's label (a tall row's cell centred
 * above it: 15 over 行政处罚 196 0) stand under a title whose cell the
 * row filled with a number?  Then the positions contradict each other
 * (a block read in the wrong width model puts 196 under 本年增/减 and
 * 15 under 处理决定数量, over 0): none of the row's placing is sure.
 */
static int
above_contradicts(const struct t2row *p, int ncol, const struct pins *pin,
    const struct vcell **at)
{
	const struct vcell *v = p->above.val;
	int j, k;

	if (!p->positional || p->h.ncol != ncol || p->h.col[0].x < 0)
		return 0;
	for (j = 0; j < p->above.nval; j++) {
		if (v[j].v.kind != V_NUMBER || v[j].x0 < 0)
			continue;
		if ((k = title_under(p, ncol, pin, &v[j])) >= 0 &&
		    at[k] != NULL && at[k]->v.kind == V_NUMBER)
			return 1;
	}
	return 0;
}

/*
 * Did row i of a print take numbers from lines below its label while the
 * next row of its block, right after, prints none of its own?  Chromium
 * centres a tall row's cells, so the next row's numbers may print a line
 * above its label, under this row's (行政许可 2件 / 160件 / 其他对外管理
 * 服务事项, 160 being 其他's): the lines say nothing of whose they are.
 */
static int
taken_from_bare_next(const struct tables *t, int i)
{
	const struct t2row *p = &t->t2row[i], *q;

	if (!t->print || !p->positional || !p->took || p->own > p->lr.nval ||
	    i + 1 >= t->nt2row)
		return 0;
	q = &t->t2row[i + 1];
	return !q->headed && q->lr.numbers == 0 && q->above.nval == 0;
}

/* How many of a row's ncol placed cells are blank. */
static int
blanks(const struct vcell **at, int ncol)
{
	int k, n = 0;

	for (k = 0; k < ncol; k++)
		n += at[k] == NULL || at[k]->v.kind == V_BLANK;
	return n;
}

static void
emit_cell(struct tables *t, const struct t2row *p, const char *col,
    int unit, const struct vcell *v)
{
	char out[VALUE_MAX];

	if ((v != NULL && v->v.kind == V_UNKNOWN) || (p->doubt &&
	    (v == NULL || v->v.kind == V_BLANK))) {
		tables_add(t, "t2", p->key, col, p->lr.line, CELL_UNREAD);
		return;
	}
	if (v == NULL || v->v.kind != V_NUMBER) {
		tables_add(t, "t2", p->key, col, p->lr.line, "");
		return;
	}
	if (strcmp(col, "amount") == 0) {
		if (unit == UNIT_DOUBT && v->v.unit == UNIT_NONE &&
		    !value_is_zero(v->v.num)) {
			tables_warn(t, p->lr.line, "t2 row %s: amount %s, its "
			    "header's unit cut (元 or 万元), written as %s",
			    p->key, v->v.num, CELL_UNREAD);
			snprintf(out, sizeof out, "%s", CELL_UNREAD);
		} else if (value_in_wan(&v->v, unit == UNIT_DOUBT ?
		    UNIT_NONE : unit, out) < 0) {
			tables_warn(t, p->lr.line, "t2 row %s: amount %s has "
			    "too many digits, written as %s", p->key, v->v.num,
			    CELL_UNREAD);
			snprintf(out, sizeof out, "%s", CELL_UNREAD);
		}
	} else {	/* canonical already (value.h): not copied first */
		tables_add(t, "t2", p->key, col, p->lr.line, v->v.num);
		return;
	}
	tables_add(t, "t2", p->key, col, p->lr.line, out);
}

/*
 * A block whose labels were printed apart from its numbers (plain
 * pdftotext prints a block's labels, then all its numbers): some rows
 * without numbers, others with several rows' worth, and as many numbers
 * as the block's rows and columns hold.  The template fixes the rows'
 * order, so the numbers are dealt out in it; no identity of table 2
 * can confirm this, so a warning says so.  Returns the rows of the
 * block starting at rows[0].
 */
static int
deal_block(struct tables *t, struct t2row *rows, int n)
{
	const char *cols[T2MAXCOLS];
	int units[T2MAXCOLS];
	struct vcell all[LROW_MAXVAL];
	int i, j, k, nb, ncol, total = 0, empty = 0, all_numbers = 1;

	for (nb = 1; nb < n && !rows[nb].headed; nb++)
		;
	ncol = columns_of(&rows[0], t->tpl, cols, units);
	for (i = 0; i < nb; i++) {
		empty += rows[i].lr.numbers == 0;
		all_numbers &= rows[i].lr.numbers == rows[i].lr.nval ||
		    rows[i].lr.numbers == 0;
		total += rows[i].lr.numbers;
	}
	if (nb < 2 || empty == 0 || !all_numbers || ncol == 0 ||
	    total != nb * ncol || total > LROW_MAXVAL)
		return nb;
	for (i = 0, k = 0; i < nb; i++)
		for (j = 0; j < rows[i].lr.nval; j++)
			if (rows[i].lr.val[j].v.kind == V_NUMBER)
				all[k++] = rows[i].lr.val[j];
	for (i = 0; i < nb; i++) {
		memcpy(rows[i].lr.val, all + i * ncol, ncol * sizeof all[0]);
		rows[i].lr.nval = rows[i].lr.numbers = ncol;
		rows[i].positional = 0;	/* in order now */
	}
	tables_warn(t, rows[0].lr.line, "t2: labels of %d rows printed apart "
	    "from their %d numbers, dealt out in the template's order "
	    "(nothing to confirm it)", nb, total);
	return nb;
}

/*
 * A row that could not be placed whose values are all zeros, no more
 * than its columns, printed on its own line and not in doubt (`行政规范性
 * 文件 0件` under three titles, lynx printing blanks as nothing): each
 * cell holds a zero or a blank, a count of 0 wherever the zeros stood
 * (written as 0, as t3 writes such a row's cells, place.h).
 */
static int
zeros_only(const struct t2row *p, int ncol, int trust)
{
	int j;

	/* Only where the reader knows the row's values and only their
	 * places are in doubt: rows joined one space apart, cells set by
	 * other spans than the titles' (html2text cuts labels by byte, and
	 * a number may go with the label). */
	if (trust != TRUST_JOINED && trust != TRUST_SPANS &&
	    trust != TRUST_TITLEGAP && trust != TRUST_STACKED &&
	    trust != TRUST_ROWSPANS)
		return 0;
	if (p->lr.nval == 0 || p->lr.nval > ncol ||
	    p->lr.numbers != p->lr.nval || p->doubt || p->took)
		return 0;
	for (j = 0; j < p->lr.nval; j++)
		if (p->lr.val[j].v.kind != V_NUMBER ||
		    !value_is_zero(p->lr.val[j].v.num))
			return 0;
	return 1;
}

void
t2_emit(struct tables *t)
{
	const char *cols[T2MAXCOLS];
	const struct vcell *at[T2MAXCOLS];
	int units[T2MAXCOLS];
	int i, k, ncol, got, placed, contra, trust, rowtrust;
	struct t2row *p;
	struct pins pin = {.n = 0}, here;
	const struct tmpl_row *tr;

	for (i = 0; i < t->nt2row; i += deal_block(t, &t->t2row[i],
	    t->nt2row - i))
		;
	trust = t2_trust(t);
	for (i = 0; i < t->nt2row; i++) {
		p = &t->t2row[i];
		ncol = columns_of(p, t->tpl, cols, units);
		if (ncol == 0)
			continue;
		if (p->glued) {
			tables_warn(t, p->lr.line, "t2 row %s: a number stands "
			    "in its label, its column unknown: not placed, "
			    "written as %s", p->key, CELL_UNREAD);
			for (k = 0; k < ncol; k++)
				tables_add(t, "t2", p->key, cols[k],
				    p->lr.line, CELL_UNREAD);
			continue;
		}
		if (header_short(p, t->tpl) == NULL &&
		    (tr = header_lost_column(p, t->tpl)) != NULL) {
			tables_warn(t, p->lr.line, "t2 row %s: its header names "
			    "%d of its columns, written as %s", p->key,
			    p->h.ncol, CELL_UNREAD);
			for (k = 0; tr->cols[k]; k++)
				tables_add(t, "t2", p->key, tr->cols[k],
				    p->lr.line, CELL_UNREAD);
			continue;
		}
		if (i == 0 || p->headed)
			block_pins(p, t->nt2row - i, ncol, &pin);
		rowtrust = page_trust(t, p, trust);
		got = place_t2(p, ncol, page_pins(t, p, &pin, &here),
		    rowtrust, row_titlegap(t, p), at);
		if (got == PLACE_SPANS_DOUBT)
			rowtrust = TRUST_ROWSPANS;
		placed = got == 0;
		contra = placed && above_contradicts(p, ncol, &pin, at);
		if (!placed && zeros_only(p, ncol, rowtrust)) {
			for (k = 0; k < ncol; k++)
				tables_add(t, "t2", p->key, cols[k],
				    p->lr.line, "0");
			continue;
		}
		if (contra)
			tables_warn(t, p->lr.line, "t2 row %s: a number printed "
			    "over it stands under one of its values, not "
			    "placed, written as %s", p->key, CELL_UNREAD);
		else if (!placed && untrusted(p, ncol, rowtrust))
			tables_warn(t, p->lr.line, "t2 row %s: %d values for "
			    "%d columns, not placed (%s), written as %s",
			    p->key, p->lr.nval, ncol, distrust_why(rowtrust),
			    CELL_UNREAD);
		else if (!placed)
			tables_warn(t, p->lr.line, "t2 row %s: %d values for "
			    "%d columns, not placed, written as %s", p->key,
			    p->lr.nval, ncol, CELL_UNREAD);
		if (!placed || contra) {
			/* More numbers than columns, or numbers from lines
			 * below its label: some may be the next row's,
			 * printed above its label. */
			if ((p->lr.numbers > ncol || p->took) &&
			    i + 1 < t->nt2row && !t->t2row[i + 1].headed)
				t->t2row[i + 1].doubt = 1;
			for (k = 0; k < ncol; k++)
				tables_add(t, "t2", p->key, cols[k],
				    p->lr.line, CELL_UNREAD);
			continue;
		}
		if (p->doubt && blanks(at, ncol) > 0)
			tables_warn(t, p->lr.line, "t2 row %s: numbers printed "
			    "near it may be its own, its %d blank cells written "
			    "as %s", p->key, blanks(at, ncol), CELL_UNREAD);
		if (taken_from_bare_next(t, i)) {
			tables_warn(t, p->lr.line, "t2 row %s: numbers on a "
			    "line below its label, above the next row's that "
			    "has none, may be either's: written as %s", p->key,
			    CELL_UNREAD);
			t->t2row[i + 1].doubt = 1;
		}
		for (k = 0; k < ncol; k++)
			if (at[k] != NULL && at[k]->v.kind == V_NUMBER &&
			    taken_from_bare_next(t, i) &&
			    at[k] - p->lr.val >= p->own)
				tables_add(t, "t2", p->key, cols[k],
				    p->lr.line, CELL_UNREAD);
			else
				emit_cell(t, p, cols[k], units[k], at[k]);
	}
}
