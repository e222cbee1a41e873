/*
 * Section 二's table (主动公开): blocks 第二十条第（一）（五）（六）（八）（九）项,
 * each with its own header row.  Columns are named by the header's words
 * (本年新制作数量 → made …), so header variants (本年增, 本年数量) and
 * either template read the same way; amounts are converted to 万元 by the
 * unit in the cell or the header.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lrow.h"
#include "text.h"
#include "tables.h"
#include "tmpl.h"

#define T2MAXCOLS 4
#define T2MAXROWS 32

struct t2col {
	char	text[256];	/* header text, squeezed */
	const char *key;	/* SPEC col key, NULL if not understood */
	int	unit;		/* unit named in the header */
	int	x;		/* centre, positional layouts */
};

/* What a kept row needs of its lrow (a tenth of its size). */
struct t2vals {
	long		 line;
	int		 nval, numbers;
	struct vcell	 val[LROW_MAXVAL];
};

struct t2row {
	const char	*key;
	int		 positional;	/* values carry positions */
	struct t2vals	 lr;
	struct t2col	 col[T2MAXCOLS];
	int		 ncol;
};

static const struct { const char *word, *row; } t2_labels[] = {
	{"规章", "20.1.rules"}, {"行政规范", "20.1.normative"},
	{"规范性", "20.1.normative"}, {"行政规", "20.1.normative"},
	{"行政许可", "20.5.license"}, {"行政处", "20.6.penalty"},
	{"其他对外", "20.5.other"}, {"行政处罚", "20.6.penalty"},
	{"行政强制", "20.6.enforce"}, {"行政事业", "20.8.fee"},
	{"事业性收", "20.8.fee"}, {"政府集中", "20.9.procure"},
	{"集中采购", "20.9.procure"},
};

static const struct { const char *word, *col; int tpl; } t2_heads[] = {
	{"处理决定", "decisions", 0}, {"新制作", "made", TPL_2019},
	{"新公开", "published", TPL_2019}, {"公开总", "total", TPL_2019},
	{"制发", "issued", TPL_2021}, {"废止", "repealed", TPL_2021},
	{"现行有效", "valid", TPL_2021}, {"上一年", "prev", TPL_2019},
	{"上年", "prev", TPL_2019}, {"增", "delta", TPL_2019},
	{"本年数量", "delta", TPL_2019}, {"采购项目", "count", TPL_2019},
	{"总金额", "amount", TPL_2019}, {"收费金额", "amount", TPL_2021},
};

static struct t2row pending[T2MAXROWS];
static int npending;

/* Squeezed, folded text of at most size - 1 bytes of input. */
static void
squeeze(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	text_norm(dst, src, n < size - 1 ? n : size - 1, TEXT_LABEL);
}

static const char *
row_of(const char *label)
{
	size_t i;

	for (i = 0; i < sizeof t2_labels / sizeof t2_labels[0]; i++)
		if (strncmp(label, t2_labels[i].word,
		    strlen(t2_labels[i].word)) == 0)
			return t2_labels[i].row;
	return NULL;
}

static void
name_column(struct t2col *c, struct tables *t)
{
	size_t i;

	c->key = NULL;
	c->unit = value_unit_in(c->text);
	for (i = 0; i < sizeof t2_heads / sizeof t2_heads[0]; i++) {
		if (!strstr(c->text, t2_heads[i].word))
			continue;
		c->key = t2_heads[i].col;
		t->t2_2019 += t2_heads[i].tpl == TPL_2019;
		t->t2_2021 += t2_heads[i].tpl == TPL_2021;
		return;
	}
}

/* The header row: the cells after 信息内容 are the columns. */
static int
read_header(const struct grid *g, const struct grow *r, struct t2col *col)
{
	struct gcell *c = grid_cells(g, r);
	int i, n = 0, after = 0;
	char key[256];

	for (i = 0; i < r->ncell && n < T2MAXCOLS; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (!after) {
			after = strstr(key, "信息内容") != NULL;
			continue;
		}
		if (key[0] == '\0' && g->positional)
			continue;
		snprintf(col[n].text, sizeof col[n].text, "%s", key);
		col[n].x = (c[i].x0 + c[i].x1) / 2;
		n++;
	}
	while (n > 0 && col[n - 1].text[0] == '\0')
		n--;
	return n;
}

/* A header line continued below (本年新 / 制作数量): join by position
 * or by cell index. */
static void
continue_header(const struct grid *g, const struct grow *r,
    struct t2col *col, int ncol, int offset)
{
	struct gcell *c = grid_cells(g, r);
	char key[256];
	int i, k, best, d, bestd, x;
	size_t have;

	for (i = 0; i < r->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (key[0] == '\0')
			continue;
		if (g->positional) {
			x = (c[i].x0 + c[i].x1) / 2;
			best = -1;
			bestd = 8;
			for (k = 0; k < ncol; k++)
				if ((d = abs(col[k].x - x)) < bestd)
					bestd = d, best = k;
		} else
			best = i - offset < ncol ? i - offset : -1;
		if (best < 0)
			continue;
		have = strlen(col[best].text);
		snprintf(col[best].text + have, sizeof col[best].text - have,
		    "%s", key);
	}
}

/* Where the 信息内容 cell of header row r ends (positional). */
static int
info_end(const struct grid *g, const struct grow *r)
{
	struct gcell *c = grid_cells(g, r);
	char key[256];
	int i;

	for (i = 0; i < r->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (strstr(key, "信息内容"))
			return c[i].x1;
	}
	return 0;
}

/*
 * A PDF read by position (grid.exact): header cells wrapped over lines
 * print above and below the line of 信息内容 (本年新 / 公开数量 beside
 * it), so a header line's cells join the column they are centred on,
 * before its text when the line is above (before), and a cell right of
 * 信息内容 near no column is a column of its own.  Returns the columns.
 */
static int
exact_header_line(const struct grid *g, const struct grow *r,
    struct t2col *col, int ncol, int minx, int before)
{
	struct gcell *c = grid_cells(g, r);
	char key[256], *t;
	int i, k, best, d, bestd, x;
	size_t m, n;

	for (i = 0; i < r->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		x = (c[i].x0 + c[i].x1) / 2;
		if (key[0] == '\0' || x < minx || strstr(key, "第二十条"))
			continue;
		best = -1;
		bestd = 8;
		for (k = 0; k < ncol; k++)
			if ((d = abs(col[k].x - x)) < bestd)
				bestd = d, best = k;
		if (best < 0 && ncol < T2MAXCOLS) {
			for (best = ncol++; best > 0 && col[best - 1].x > x;
			    best--)
				col[best] = col[best - 1];
			col[best].text[0] = '\0';
			col[best].x = x;
		}
		if (best < 0)
			continue;
		t = col[best].text;
		m = strlen(t);
		n = strlen(key);
		if (m + n >= sizeof col[best].text)
			continue;		/* no room: a header, not text */
		if (before) {
			memmove(t + n, t, m + 1);
			memcpy(t, key, n);
		} else
			memcpy(t + m, key, n + 1);
	}
	return ncol;
}

/* Index of the 信息内容 cell in a header row, for continuation rows. */
static int
header_offset(const struct grid *g, const struct grow *r)
{
	struct gcell *c = grid_cells(g, r);
	char key[256];
	int i;

	for (i = 0; i < r->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (strstr(key, "信息内容"))
			return i + 1;
	}
	return 1;
}

static void
keep_row(const char *key, const struct lrow *lr, const struct t2col *col,
    int ncol, int positional)
{
	struct t2row *p;

	if (npending == T2MAXROWS)
		return;
	p = &pending[npending++];
	p->key = key;
	p->positional = positional;
	p->lr.line = lr->line;
	p->lr.nval = lr->nval;
	p->lr.numbers = lr->numbers;
	memcpy(p->lr.val, lr->val, lr->nval * sizeof lr->val[0]);
	memcpy(p->col, col, sizeof p->col);
	p->ncol = ncol;
}

/*
 * Numbers on lines of their own below a row's label (a label printed
 * apart, lynx's one cell per line) belong to that row, in order; so do
 * numbers after the rest of its label.  A labelled line with numbers
 * after the row has some is a row not understood: it and what follows
 * are not this row's (returns 0).
 */
static int
take_numbers(struct t2row *p, const struct lrow *lr)
{
	int k;

	if (lr->label[0] != '\0' && p->lr.numbers > 0)
		return 0;
	for (k = 0; k < lr->nval && p->lr.nval < LROW_MAXVAL; k++) {
		if (lr->val[k].v.kind != V_NUMBER)
			continue;
		p->lr.val[p->lr.nval++] = lr->val[k];
		p->lr.numbers++;
	}
	return 1;
}

/*
 * Pass over the grid: blocks, their headers and data rows.  Rows are kept
 * until the template is known (t2_emit), since a header that cannot be
 * read falls back to the template's columns.
 */
int
t2_extract(const struct grid *g, struct tables *t)
{
	static struct lrow lr;
	struct t2col col[T2MAXCOLS];
	const char *key;
	int i, j, k, ncol = 0, offset = 1, inheader = 0, stray = 0;
	int caption = -1, minx = 0;

	npending = 0;
	for (i = 0; i < g->nrow; i++) {
		lrow_split(g, &g->row[i], &lr);
		if (strstr(lr.label, "信息内容")) {
			ncol = read_header(g, &g->row[i], col);
			offset = header_offset(g, &g->row[i]);
			inheader = 1;
			minx = info_end(g, &g->row[i]);
			for (j = i - 1; g->exact && caption >= 0 && j > caption;
			    j--) {
				lrow_split(g, &g->row[j], &lr);
				if (lr.numbers == 0)
					ncol = exact_header_line(g, &g->row[j],
					    col, ncol, minx, 1);
			}
			continue;
		}
		if ((key = row_of(lr.first)) != NULL) {
			if (inheader)
				for (k = 0; k < ncol; k++)
					name_column(&col[k], t);
			inheader = stray = 0;
			keep_row(key, &lr, col, ncol, g->positional);
			continue;
		}
		if (strstr(lr.label, "第二十条")) {
			ncol = inheader = 0;
			caption = i;
			continue;
		}
		if (inheader && lr.numbers == 0 && g->exact)
			ncol = exact_header_line(g, &g->row[i], col, ncol,
			    minx, 0);
		else if (inheader && lr.numbers == 0)
			continue_header(g, &g->row[i], col, ncol, offset);
		else if (g->positional && lr.numbers > 0 && npending > 0 &&
		    !stray)
			stray = !take_numbers(&pending[npending - 1], &lr);
	}
	for (i = 0; i < npending; i++) {
		t->t2_2019 += strcmp(pending[i].key, "20.5.other") == 0 ||
		    strcmp(pending[i].key, "20.9.procure") == 0;
	}
	return npending;
}

/* Columns of a row: the header's if every one was understood, else the
 * template's. */
static int
columns_of(const struct t2row *p, unsigned tpl, const char **cols,
    int *units)
{
	const struct tmpl_row *tr;
	int k, named = p->ncol > 0;

	for (k = 0; k < p->ncol; k++)
		named &= p->col[k].key != NULL;
	if (named) {
		for (k = 0; k < p->ncol; k++) {
			cols[k] = p->col[k].key;
			units[k] = p->col[k].unit;
		}
		return p->ncol;
	}
	if ((tr = tmpl_find("t2", p->key, tpl ? tpl : TPL_BOTH)) == NULL &&
	    (tr = tmpl_find("t2", p->key, TPL_BOTH)) == NULL)
		return 0;
	for (k = 0; tr->cols[k]; k++) {
		cols[k] = tr->cols[k];
		units[k] = k < p->ncol ? p->col[k].unit : UNIT_NONE;
	}
	return k;
}

/* Values to columns: by header position, or in order with blank padding
 * (a trailing or leading empty cell) trimmed. */
static int
place_t2(const struct t2row *p, int ncol, const struct vcell **at)
{
	const struct vcell *v = p->lr.val;
	int n = p->lr.nval, k, j, best, d, bestd;

	for (k = 0; k < ncol; k++)
		at[k] = NULL;
	if (p->positional && n == 0)
		return 0;
	/* As many numbers as columns: order places them, whatever the
	 * positions; positions matter only when blanks are invisible. */
	if (p->positional && p->ncol == ncol && !(n == ncol &&
	    p->lr.numbers == n)) {
		for (j = 0; j < n; j++) {
			best = -1;
			bestd = 1 << 30;
			for (k = 0; k < ncol; k++)
				if ((d = abs(p->col[k].x - (v[j].x0 +
				    v[j].x1) / 2)) < bestd)
					bestd = d, best = k;
			if (best < 0 || at[best])
				return -1;
			at[best] = &v[j];
		}
		return 0;
	}
	/* An extra empty cell after the label is label-area padding (a
	 * ragged row); a trailing one is a cell the extractor added. */
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

static void
emit_cell(struct tables *t, const struct t2row *p, const char *col,
    int unit, const struct vcell *v)
{
	char out[VALUE_MAX];

	if (v != NULL && v->v.kind == V_UNKNOWN)
		return;
	if (v == NULL || v->v.kind != V_NUMBER) {
		tables_add(t, "t2", p->key, col, p->lr.line, "");
		return;
	}
	if (strcmp(col, "amount") == 0) {
		if (value_in_wan(&v->v, unit, out) < 0) {
			tables_warn(t, p->lr.line, "t2 row %s: amount %s has "
			    "too many digits, left blank", p->key, v->v.num);
			out[0] = '\0';
		}
	} else
		snprintf(out, sizeof out, "%s", v->v.num);
	tables_add(t, "t2", p->key, col, p->lr.line, out);
}

void
t2_emit(struct tables *t)
{
	const char *cols[T2MAXCOLS];
	const struct vcell *at[T2MAXCOLS];
	int units[T2MAXCOLS];
	int i, k, ncol;
	struct t2row *p;

	for (i = 0; i < npending; i++) {
		p = &pending[i];
		ncol = columns_of(p, t->tpl, cols, units);
		if (ncol == 0)
			continue;
		if (place_t2(p, ncol, at) < 0) {
			tables_warn(t, p->lr.line, "t2 row %s: %d values for "
			    "%d columns, not placed", p->key, p->lr.nval,
			    ncol);
			continue;
		}
		for (k = 0; k < ncol; k++)
			emit_cell(t, p, cols[k], units[k], at[k]);
	}
}
