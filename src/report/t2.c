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

#include "err.h"
#include "h2tlabel.h"
#include "lines.h"
#include "lrow.h"
#include "text.h"
#include "tables.h"
#include "tmpl.h"

/* What the template prints at the head of a block (tmpl.h). */
#define T2_CORNER	(tmpl_table("t2")->corner)	/* 信息内容 */
#define T2_CAPTION	(tmpl_table("t2")->caption)	/* 第二十条 */

/* Squeezed, folded text of at most size - 1 bytes of input. */
static void
squeeze(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	text_norm(dst, src, n < size - 1 ? n : size - 1, TEXT_LABEL);
}

/* The row whose label begins with one of the row's key words (gip(7)
 * template table), or NULL. */
static const char *
row_of(const char *label)
{
	const char *const *w, *t;
	size_t i;

	/* every line of a t2 block: compares inline, a call only for a
	 * word whose first byte the label has */
	for (i = 0; i < tmpl_nrows; i++) {
		t = tmpl_rows[i].table;
		if (t[0] != 't' || t[1] != '2' || t[2] != '\0')
			continue;
		for (w = tmpl_rows[i].words; *w != NULL; w++)
			if (((*w)[0] == label[0] || (*w)[0] == '\0') &&
			    strncmp(label, *w, strlen(*w)) == 0)
				return tmpl_rows[i].row;
	}
	return NULL;
}

/*
 * The row of a label html2text cut mid-character (`行政许\uFFFD`,
 * `其他对\uFFFD`, `政府集\uFFFD`: a label wider in bytes than its
 * column) whose key word the cut took: the t2 row whose template label
 * its own text begins and its remains fit, or its own text alone (three
 * characters at least) begins, when only one does (h2tlabel_cut,
 * h2tlabel_start), or NULL.
 */
static const char *
row_of_cut(const char *label)
{
	const char *lab;
	size_t i;

	if (strstr(label, LINES_FFFD) == NULL ||
	    ((lab = h2tlabel_cut(label)) == NULL &&
	    (lab = h2tlabel_start(label)) == NULL))
		return NULL;
	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, "t2") == 0 &&
		    strcmp(tmpl_rows[i].label, lab) == 0)
			return tmpl_rows[i].row;
	return NULL;
}

/*
 * A line of html2text's columns in bytes that begins with the corner cut
 * (`信息本年\uFFFD本年\uFFFD现行有效件数`: no header read, its titles run
 * together): a vote for the template its title words alone name, so a
 * 2021 block is not read by 2019's columns because t3 kept 2019's row.
 */
static void
vote_cut_header(struct tables *t, const char *text)
{
	unsigned in = 0;
	size_t i;

	if (strncmp(text, T2_CORNER, 6) != 0 || strstr(text, T2_CORNER))
		return;
	for (i = 0; i < tmpl_nheads; i++)
		if (strcmp(tmpl_heads[i].table, "t2") == 0 &&
		    tmpl_heads[i].templates != TPL_BOTH &&
		    strstr(text, tmpl_heads[i].word) != NULL)
			in |= tmpl_heads[i].templates;
	if (in == TPL_2019)
		t->t2heads[0]++;
	else if (in == TPL_2021)
		t->t2heads[1]++;
}

/*
 * Does the 元 of a title stand right after a cut (U+FFFD, spaces
 * between)?  html2text cut `采购总金额（万元）` at a bar, its 万 past it
 * and 元） on the next line: 元 alone, read so, made 1132.3 万元
 * 0.11323.
 */
static int
yuan_after_cut(const char *text)
{
	const char *y = strstr(text, "元"), *p;

	if (y == NULL)
		return 0;
	for (p = y; p > text && p[-1] == ' '; p--)
		;
	return p - text >= 3 && memcmp(p - 3, LINES_FFFD, 3) == 0;
}

static void
name_column(struct t2col *c)
{
	const struct tmpl_head *h = tmpl_head_in("t2", c->text);

	c->unit = value_unit_in(c->text);
	if (c->unit == UNIT_YUAN && yuan_after_cut(c->text))
		c->unit = UNIT_DOUBT;
	c->key = h != NULL ? h->col : NULL;
	c->templates = h != NULL ? h->templates : 0;
}

/* The header row: the cells after 信息内容 are the columns. */
static void
read_header(const struct grid *g, const struct grow *r, struct t2head *h)
{
	struct gcell *c = grid_cells(g, r);
	struct t2col *col = h->col;
	int i, n = 0, after = 0;
	char key[256];

	for (i = 0; i < r->ncell && n < T2MAXCOLS; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (!after) {
			after = strstr(key, T2_CORNER) != NULL;
			continue;
		}
		if (key[0] == '\0' && g->positional)
			continue;
		_Static_assert(sizeof key == sizeof col[n].text, "key");
		memcpy(col[n].text, key, sizeof key);	/* not snprintf */
		col[n].x = (c[i].x0 + c[i].x1) / 2;
		col[n].x0 = c[i].x0;
		col[n].x1 = c[i].x1;
		n++;
	}
	h->trail = 0;
	h->ncol = n;
}

/* The header read whole: trailing empty columns (a box's empty cells,
 * filled by no line above or below) are padding a row may repeat. */
static void
end_header(struct t2head *h)
{
	while (h->ncol > 0 && h->col[h->ncol - 1].text[0] == '\0')
		h->ncol--, h->trail++;
}

/* a then b into dst of size bytes, cut to fit (dst may be b). */
static void
join(char *dst, size_t size, const char *a, const char *b)
{
	size_t na = strnlen(a, size - 1), nb = strnlen(b, size - 1 - na);

	memmove(dst + na, b, nb);
	memmove(dst, a, na);
	dst[na + nb] = '\0';
}

/* A header line continued below (本年新 / 制作数量), cell by cell; or
 * begun above (before: a box prints 本年制 / 信息内容 / 发件数). */
static void
continue_header(const struct grid *g, const struct grow *r,
    struct t2col *col, int ncol, int offset, int before)
{
	struct gcell *c = grid_cells(g, r);
	char key[256];
	int i, k;
	size_t have;

	for (i = 0; i < r->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (key[0] == '\0' || (k = i - offset) >= ncol || k < 0)
			continue;
		if (before) {
			join(col[k].text, sizeof col[k].text, key,
			    col[k].text);
			continue;
		}
		have = strlen(col[k].text);
		snprintf(col[k].text + have, sizeof col[k].text - have,
		    "%s", key);
	}
}


/*
 * A header line of a positional table printed above or below the
 * 信息内容 line (a column title wrapped over three lines, 信息内容 on the
 * middle one: pdftotext -layout).  A word over a column goes on its
 * title (before it when above); a word over none, right of 信息内容, is
 * a column of its own, in order of position.
 */
static void
header_words(const struct grid *g, const struct grow *line,
    const struct grow *r, struct t2head *h, int above)
{
	struct gcell *c = grid_cells(g, r);
	char key[256], text[256];
	int i, k, best, d, bestd, x, x_min = -1;

	if (h->ncol == 0)
		return;		/* no title read: the template's columns */
	for (i = 0; i < r->ncell && x_min < 0; i++) {
		squeeze(key, sizeof key, c[i].text);
		if (strstr(key, T2_CORNER))
			x_min = c[i].x1;
	}
	c = grid_cells(g, line);
	for (i = 0; i < line->ncell; i++) {
		squeeze(key, sizeof key, c[i].text);
		x = (c[i].x0 + c[i].x1) / 2;
		if (key[0] == '\0' || x <= x_min)
			continue;
		best = -1;
		bestd = 8;
		for (k = 0; k < h->ncol; k++)
			if ((d = abs(h->col[k].x - x)) < bestd)
				bestd = d, best = k;
		if (best >= 0) {
			join(text, sizeof text, above ? key : h->col[best].text,
			    above ? h->col[best].text : key);
			memcpy(h->col[best].text, text, sizeof text);
			continue;
		}
		if (h->ncol == T2MAXCOLS)
			continue;
		for (k = h->ncol++; k > 0 && h->col[k - 1].x > x; k--)
			h->col[k] = h->col[k - 1];
		snprintf(h->col[k].text, sizeof h->col[k].text, "%s", key);
		h->col[k].x = x;
		h->col[k].x0 = c[i].x0;
		h->col[k].x1 = c[i].x1;
	}
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
		if (strstr(key, T2_CORNER))
			return i + 1;
	}
	return 1;
}

/*
 * The words of a block's header in reading order, before they are put
 * on columns: lynx wraps the titles of a narrow block into one another
 * ("信息内容 本年制" / "发件数 本年废" / "止件数 现行有效" / "件数") or
 * prints one piece per line ("本年制" / "发件数"), so the pieces'
 * positions say nothing and only the template's title words can join
 * them again (join_fragments).
 */
#define T2MAXFRAGS 16
struct t2frags {
	char	 text[T2MAXFRAGS][128];
	int	 x0[T2MAXFRAGS], x1[T2MAXFRAGS];
	int	 line[T2MAXFRAGS];	/* index of its grid row */
	int	 n;
};

static void
add_fragments(const struct grid *g, int row, int from, struct t2frags *f)
{
	const struct grow *r = &g->row[row];
	struct gcell *c = grid_cells(g, r);
	int i;

	for (i = from; i < r->ncell && f->n < T2MAXFRAGS; i++) {
		squeeze(f->text[f->n], sizeof f->text[f->n], c[i].text);
		if (f->text[f->n][0] == '\0')
			continue;
		f->x0[f->n] = c[i].x0;
		f->x1[f->n] = c[i].x1;
		f->line[f->n++] = row;
	}
}

static int
names_column(const char *text)
{
	return tmpl_head_in("t2", text) != NULL;
}

/* Do the columns h names make row key's columns in either template? */
static int
template_columns(const char *key, const struct t2head *h)
{
	static const unsigned tpls[2] = {TPL_2019, TPL_2021};
	const struct tmpl_row *r;
	int i, k;

	for (i = 0; i < 2; i++) {
		if ((r = tmpl_find("t2", key, tpls[i])) == NULL)
			continue;
		for (k = 0; k < h->ncol && r->cols[k] &&
		    h->col[k].key != NULL &&
		    strcmp(r->cols[k], h->col[k].key) == 0; k++)
			;
		if (k == h->ncol && r->cols[k] == NULL)
			return 1;
	}
	return 0;
}

/*
 * Titles from header pieces: a piece that names no column (gip(7)'s
 * title words) is the head of the next piece when together they name
 * one the next alone does not ("本年制" + "发件数"), else the tail of
 * the title before ("现行有效" + "件数", "本年收费金额(万" + "元)").
 * Taken instead of the header's reading only when every title is named
 * and they are row key's columns in a template.  A title's position is
 * its pieces' when they share a line (a title cut at a single space,
 * "采购总金额（单位：万元，保留 4 位小数）"), or its first piece's when
 * the pieces were one per line (vertical); a title over several lines
 * of a flowed header has none, so none has (x -1).
 */
static int
join_fragments(const struct t2frags *f, const char *key, int vertical,
    struct t2head *h)
{
	struct t2head m = {.ncol = 0};
	char cur[256];
	int i, k, first, x1[T2MAXCOLS], head[T2MAXCOLS], flowed = 0;

	for (i = 0; i < f->n; i++) {
		snprintf(cur, sizeof cur, "%s", f->text[i]);
		first = i;
		if (!names_column(cur) && i + 1 < f->n &&
		    !names_column(f->text[i + 1])) {
			join(cur, sizeof cur, f->text[i], f->text[i + 1]);
			if (names_column(cur))
				i++;
			else
				snprintf(cur, sizeof cur, "%s", f->text[i]);
		}
		flowed |= f->line[i] != f->line[first];
		if (!names_column(cur) && m.ncol > 0) {
			k = m.ncol - 1;
			join(m.col[k].text, sizeof m.col[k].text,
			    m.col[k].text, cur);
			flowed |= f->line[i] != f->line[head[k]];
			x1[k] = f->x1[i];
			continue;
		}
		if (m.ncol == T2MAXCOLS)
			return 0;
		snprintf(m.col[m.ncol].text, sizeof m.col[m.ncol].text, "%s",
		    cur);
		head[m.ncol] = first;
		x1[m.ncol++] = f->x1[i];
	}
	for (k = 0; k < m.ncol; k++) {
		name_column(&m.col[k]);
		i = head[k];
		m.col[k].x = vertical ? (f->x0[i] + f->x1[i]) / 2 : flowed ?
		    -1 : (f->x0[i] + x1[k]) / 2;
		m.col[k].x0 = flowed && !vertical ? -1 : f->x0[i];
		m.col[k].x1 = flowed && !vertical ? -1 : vertical ? f->x1[i] :
		    x1[k];
	}
	if (m.ncol == 0 || !template_columns(key, &m))
		return 0;
	m.trail = 0;
	*h = m;
	return 1;
}

/*
 * The unit a row prints apart after its last number (4439000 元 read
 * one column per character, where a single space parts cells): the
 * number's, as if written in its cell.
 */
static int
money_unit(const char *s)
{
	return strcmp(s, "元") == 0 || strcmp(s, "万元") == 0 ||
	    strcmp(s, "亿元") == 0;
}

static void
unit_after(struct t2vals *v, const struct lrow *lr)
{
	const struct lseg *s = &lr->seg[lr->nseg - 1];
	struct vcell *last = &v->val[v->nval - 1];

	if (!money_unit(s->text))
		return;
	if (last->v.kind == V_NUMBER && last->v.unit == UNIT_NONE &&
	    last->x1 >= 0 && s->x0 >= last->x1)
		last->v.unit = value_unit_in(s->text);
}

/*
 * A line of numbers whose only words are a unit printed apart after its
 * last number (a print's `450    637.53 万元` above its label 政府集中
 * 采购): the unit is that number's and the line one of numbers, as
 * `637.53万元` would be.  Read as a label, the line was no row's and its
 * row's cells were written blank.
 */
static void
unit_apart(struct lrow *lr)
{
	struct vcell *last;

	if (lr->nseg != 1 || lr->nval == 0 || !money_unit(lr->seg[0].text))
		return;
	last = &lr->val[lr->nval - 1];
	if (last->v.kind != V_NUMBER || last->v.unit != UNIT_NONE ||
	    last->x1 < 0 || lr->seg[0].x0 < last->x1)
		return;
	last->v.unit = value_unit_in(lr->seg[0].text);
	lr->label[0] = lr->first[0] = '\0';
	lr->nseg = 0;
}

/* Do two pieces stand in one column: left edges, centres or right
 * edges together (现行有效 over 件数, both ending at the cell's right)? */
static int
same_stack(int a0, int a1, int b0, int b1)
{
	return abs(a0 - b0) <= 1 || abs((a0 + a1) - (b0 + b1)) <= 2 ||
	    abs(a1 - b1) <= 1;
}

/*
 * Titles from the pieces of a positional header stacked in columns,
 * above the 信息内容 line, on it and below it: pdftotext -layout packs a
 * narrow block's titles so close that a wrapped title's pieces
 * (本年废 / 止件数, 现行有 / 效件数) lie nearer another title
 * (本年制发件数) than each other's centre, but they share their left
 * edge or centre.  Each stack, top to bottom, is a title; taken only if
 * they give row key's columns in a template (join_fragments).
 */
static int
stack_titles(const struct t2frags *above, const struct t2frags *f,
    const char *key, struct t2head *h)
{
	struct t2head m = {.ncol = 0};
	int x0[T2MAXCOLS], x1[T2MAXCOLS];
	int i, k, j, a, b;
	const struct t2frags *src;
	struct t2col tmp;

	for (i = 0; i < above->n + f->n; i++) {
		src = i < above->n ? above : f;
		j = i < above->n ? i : i - above->n;
		a = src->x0[j];
		b = src->x1[j];
		for (k = 0; k < m.ncol && !same_stack(x0[k], x1[k], a, b); k++)
			;
		if (k == m.ncol) {
			if (m.ncol == T2MAXCOLS)
				return 0;
			m.col[k].text[0] = '\0';
			x0[k] = a;
			x1[k] = b;
			m.ncol++;
		}
		join(m.col[k].text, sizeof m.col[k].text, m.col[k].text,
		    src->text[j]);
		if (b > x1[k])
			x1[k] = b;
	}
	for (k = 0; k < m.ncol; k++) {
		m.col[k].x = (x0[k] + x1[k]) / 2;
		m.col[k].x0 = x0[k];
		m.col[k].x1 = x1[k];
	}
	for (k = 1; k < m.ncol; k++)	/* by position */
		for (j = k; j > 0 && m.col[j - 1].x > m.col[j].x; j--) {
			tmp = m.col[j], m.col[j] = m.col[j - 1];
			m.col[j - 1] = tmp;
		}
	for (k = 0; k < m.ncol; k++)
		name_column(&m.col[k]);
	if (m.ncol == 0 || !template_columns(key, &m))
		return 0;
	m.trail = 0;
	*h = m;
	return 1;
}

/*
 * A number written into a row's label: html2text without rules glues a
 * row's numbers to its cut label (`行政处4138个`, `其他对外�6�理服务
 * �1项`), and which column such a number stands in, or whether the
 * row's blanks are blank, nothing tells.  No t2 label holds a digit:
 * one after a character or after a U+FFFD is such a number.
 */
static int
number_in_label(const char *label)
{
	const unsigned char *s = (const unsigned char *)label, *p;
	int cut = 0;

	for (p = s; *p; p++) {
		cut |= p[0] == 0xef && p[1] == 0xbf && p[2] == 0xbd;
		if (*p >= '0' && *p <= '9' && (cut || (p > s && p[-1] >= 0x80)))
			return 1;
	}
	return 0;
}

static void
keep_row(struct tables *t, const char *key, const struct lrow *lr,
    const struct t2head *h, long hline, const struct grid *g, int headed)
{
	struct t2row *p;

	if (t->t2row == NULL)
		t->t2row = gip_xrealloc(NULL, T2MAXROWS * sizeof *t->t2row);
	if (t->nt2row == T2MAXROWS)
		return;
	p = &t->t2row[t->nt2row++];
	p->key = key;
	p->positional = g->positional;
	p->exact = g->exact;
	p->document = g->document;
	p->headed = headed;
	p->doubt = p->took = 0;
	p->glued = number_in_label(lr->label);
	p->above.nval = p->above.numbers = 0;
	p->lr.line = lr->line;
	p->lr.label_x1 = lr->nseg > 0 ? lr->seg[lr->nseg - 1].x1 : -1;
	p->lr.nval = p->own = lr->nval;
	p->lr.numbers = lr->numbers;
	memcpy(p->lr.val, lr->val, lr->nval * sizeof lr->val[0]);
	if (lr->nseg > 1 && lr->nval > 0)
		unit_after(&p->lr, lr);
	p->h = *h;
	p->hline = hline;
}

/* The numbers of lr after those of v, and the empty cells the
 * converter counted (GRID_XCOUNTED) among them. */
static void
add_numbers(struct t2vals *v, const struct lrow *lr)
{
	int k;

	for (k = 0; k < lr->nval && v->nval < LROW_MAXVAL; k++)
		if (lr->val[k].v.kind == V_NUMBER ||
		    lr->val[k].x0 == GRID_XCOUNTED) {
			v->val[v->nval++] = lr->val[k];
			v->numbers += lr->val[k].v.kind == V_NUMBER;
		}
}

/*
 * Numbers on lines of their own below a row's label (a label printed
 * apart, lynx's one cell per line) belong to that row, in order; so do
 * numbers after the rest of its label.  A labelled line with numbers
 * after the row has some is a row not understood: it and what follows
 * are not this row's (returns 0); so is any in html2text's columns of
 * bytes (bytes), whose labels run on rather than wrap: a label there
 * names no row when it was cut (`规范1个…` under a row of blanks).
 */
static int
take_numbers(struct t2row *p, const struct lrow *lr, int bytes)
{
	if (lr->label[0] != '\0' && (p->lr.numbers > 0 || bytes))
		return 0;
	p->took |= lr->numbers > 0;
	add_numbers(&p->lr, lr);
	return 1;
}

/*
 * Explicit cells over lines (w3m's boxes): a tall row prints its label
 * on the top line with its cells blank and its values on a line below
 * (vertical-align middle), under the same cells; cells aligned at the
 * top print their values on the label's line, the others below it.  Such a line's numbers
 * fill the row's blank cells, cell by cell; returns 0, p untouched,
 * when a number falls where the row has none of its cells or one that
 * is not blank (then the line is not this row's).
 */
static int
fill_tall_row(struct t2row *p, const struct lrow *lr)
{
	int i, k, at[LROW_MAXVAL];

	if (lr->numbers == 0 || lr->label[0] != '\0')
		return 0;
	for (i = 0; i < lr->nval; i++) {
		at[i] = -1;
		if (lr->val[i].v.kind != V_NUMBER)
			continue;
		for (k = 0; k < p->lr.nval; k++)
			if (p->lr.val[k].cell == lr->val[i].cell)
				at[i] = k;
		if (at[i] < 0 || p->lr.val[at[i]].v.kind != V_BLANK)
			return 0;
	}
	for (i = 0; i < lr->nval; i++)
		if (at[i] >= 0) {
			p->lr.val[at[i]].v = lr->val[i].v;
			p->lr.numbers++;
		}
	p->lr.line = lr->line;
	return 1;
}

/*
 * Positions as printed: the first numbers after a row's label, on a
 * line of their own nearer the next row's label than this one's (a
 * print centres a row's cells: 规章 / (blank) / 10 / 规范性文件), or in a
 * print laid out by pdftotext as near as its own, may be either row's.  Not so where blank lines count empty cells (lynx's one
 * cell a paragraph: then the line holds counted blanks), nor where the
 * row's label line does (LibreOffice's text export: a row's &nbsp; cells
 * printed before its numbers, lotext.h).
 */
/* Does a cell of grid row i after its first hold a number? */
static int
has_number(const struct grid *g, int i)
{
	const struct gcell *c = grid_cells(g, &g->row[i]);
	struct value v;
	int j;

	for (j = 1; j < g->row[i].ncell; j++) {
		value_parse(c[j].text, &v);
		if (v.kind == V_NUMBER)
			return 1;
	}
	return 0;
}

static int
nearer_below(const struct grid *g, int i, const struct t2row *p,
    const struct lrow *lr, int print)
{
	const struct gcell *c;
	long below, above;

	if (p->lr.numbers > 0 || p->took || i + 1 >= g->nrow ||
	    g->row[i + 1].ncell == 0 || lrow_counted(lr->val, lr->nval) ||
	    lrow_counted(p->lr.val, p->lr.nval))
		return 0;
	c = grid_cells(g, &g->row[i + 1]);
	below = g->row[i + 1].line - g->row[i].line;
	above = g->row[i].line - p->lr.line;
	/* in a print as far from both, the next label with numbers of its
	 * own (规章 / 1 1 / 规范性文件 15: the next row's cells centred a
	 * line apart), is either row's too */
	return row_of(c[0].text) != NULL && (below < above ||
	    (print && below == above && has_number(g, i + 1)));
}

/* Has row key ncol columns in one of the templates? */
static int
template_width(const char *key, int ncol)
{
	static const unsigned tpls[2] = {TPL_2019, TPL_2021};
	const struct tmpl_row *r;
	int k, n;

	for (k = 0; k < 2; k++) {
		if ((r = tmpl_find("t2", key, tpls[k])) == NULL)
			continue;
		for (n = 0; r->cols[n]; n++)
			;
		if (n == ncol)
			return 1;
	}
	return 0;
}

/* Are two t2 rows of one block (第二十条第（五）项: 20.5.*)? */
static int
same_block(const char *a, const char *b)
{
	const char *da = strchr(a, '.'), *db = strchr(b, '.');

	da = da ? strchr(da + 1, '.') : NULL;
	db = db ? strchr(db + 1, '.') : NULL;
	return da && db && da - a == db - b && strncmp(a, b, da - a) == 0;
}

/*
 * A block whose header prints 信息内容 alone and then one column title
 * per line (plain pdftotext): each line is a column, in order.
 */
static void
title_line(const struct grid *g, const struct grow *r, struct t2head *h)
{
	struct gcell *c = grid_cells(g, r);
	int i, found = -1;

	for (i = 0; i < r->ncell; i++) {
		if (c[i].text[0] == '\0')
			continue;
		if (found >= 0)
			return;		/* not a title alone */
		found = i;
	}
	if (found < 0 || h->ncol == T2MAXCOLS)
		return;
	squeeze(h->col[h->ncol].text, sizeof h->col[h->ncol].text,
	    c[found].text);
	h->col[h->ncol].x = (c[found].x0 + c[found].x1) / 2;
	h->col[h->ncol].x0 = c[found].x0;
	h->col[h->ncol].x1 = c[found].x1;
	h->ncol++;
}

/*
 * Numbers between a block's header and its first label (plain pdftotext
 * prints 信息内容 / 本年处理决定数量 / 550 / 行政许可) are held: not the
 * previous block's, but the next row's if it prints none of its own and
 * they are as many as the header's columns.
 */
static void
give_held(struct t2row *p, struct t2vals *held)
{
	memcpy(p->lr.val, held->val, held->nval * sizeof held->val[0]);
	p->lr.nval = held->nval;
	p->own = 0;
	p->lr.numbers = held->numbers;
	held->nval = held->numbers = 0;
}

/*
 * A print's row of a number under every title (p: full), and a line of
 * numbers alone below it: Chromium centres each cell of the next row
 * in its height, and a cell of one line beside cells wrapped over
 * three prints on the line above the label's (规章 0 0 0 / 0 /
 * 行政规范性文件 0 229).  Those numbers are the next row's, not the full
 * row's: held over for it (over).
 */
static int
full_row(const struct t2row *p)
{
	return p->positional && !p->exact && !p->took && p->h.ncol > 0 &&
	    p->lr.nval == p->h.ncol && p->lr.numbers == p->lr.nval;
}

/* Do columns [a0, a1) and [b0, b1) share one? */
static int
overlaps(int a0, int a1, int b0, int b1)
{
	return a0 < b1 && b0 < a1;
}

/*
 * The numbers held over a row's label (full_row) go in among its own by
 * position when together they are one a title and none of them stands
 * where one of its own does (the same column); returns 0, p untouched,
 * when they are not so.
 */
static int
give_over(struct t2row *p, const struct t2vals *over)
{
	struct vcell all[LROW_MAXVAL];
	int i, j, k, n = 0;

	if (p->h.ncol == 0 || p->lr.numbers != p->lr.nval ||
	    over->numbers != over->nval ||
	    p->lr.nval + over->nval != p->h.ncol)
		return 0;
	for (i = 0; i < over->nval; i++) {
		if (over->val[i].x0 < 0)
			return 0;
		for (j = 0; j < p->lr.nval; j++)
			if (p->lr.val[j].x0 < 0 ||
			    overlaps(over->val[i].x0, over->val[i].x1,
			    p->lr.val[j].x0, p->lr.val[j].x1))
				return 0;
	}
	for (i = j = 0; i < over->nval || j < p->lr.nval; )
		if (j == p->lr.nval || (i < over->nval &&
		    over->val[i].x0 < p->lr.val[j].x0))
			all[n++] = over->val[i++];
		else
			all[n++] = p->lr.val[j++];
	for (k = 0; k < n; k++)
		p->lr.val[k] = all[k];
	p->lr.nval = p->lr.numbers = n;
	return 1;
}

/* Numbers held over that no row of the block took: the full row's
 * after all, as lines below a label are (take_numbers), so that it is
 * not placed by them. */
static void
flush_over(struct tables *t, struct t2vals *over)
{
	struct t2row *p;
	int k;

	if (over->nval > 0 && t->nt2row > 0) {
		p = &t->t2row[t->nt2row - 1];
		for (k = 0; k < over->nval && p->lr.nval < LROW_MAXVAL; k++)
			p->lr.val[p->lr.nval++] = over->val[k];
		p->lr.numbers += over->numbers;
		p->took = 1;
	}
	over->nval = over->numbers = 0;
}

/* The rest of a caption wrapped before its 项 (第二十条第（五 / ）项),
 * or inside its item (第二十条第( / 一)项). */
static int
caption_tail(const char *label)
{
	static const char numerals[] = "一二三四五六七八九十";
	size_t i;

	if (*label == '(' || strncmp(label, "（", 3) == 0)
		label += *label == '(' ? 1 : 3;
	do {	/* the item's numerals, each three bytes */
		for (i = 0; i < sizeof numerals - 1 &&
		    strncmp(label, numerals + i, 3) != 0; i += 3)
			;
		if (i < sizeof numerals - 1)
			label += 3;
	} while (i < sizeof numerals - 1);
	while (*label == ')' || strncmp(label, "）", 3) == 0)
		label += *label == ')' ? 1 : 3;
	return strcmp(label, "项") == 0;
}

/*
 * Pass over the grid: blocks, their headers and data rows, kept in t
 * until the template is known (t2_emit), since a header that cannot be
 * read falls back to the template's columns.
 */
int
t2_extract(const struct grid *g, struct tables *t)
{
	static struct lrow lr;
	struct t2head h = {.ncol = 0};
	struct t2vals held, over;
	const char *key;
	int i, k, offset = 1, inheader = 0, stray = 0, above = -1, hrow = 0;
	int vertical = 0, captioned = 0;
	int tall = -1;		/* ncell of a kept row of blank cells */
	int doubt_next = 0;	/* numbers before it went to no row */
	const char *hkey = NULL;	/* the first row under the header */
	struct t2frags frags = {.n = 0}, above_f = {.n = 0};

	held.nval = held.numbers = 0;
	over.nval = over.numbers = 0;
	for (i = 0; i < g->nrow; i++) {
		lrow_split(g, &g->row[i], &lr);
		unit_apart(&lr);
		if (strstr(lr.label, T2_CORNER)) {
			flush_over(t, &over);
			read_header(g, &g->row[i], &h);
			offset = header_offset(g, &g->row[i]);
			above_f.n = 0;
			if (g->positional && above >= 0)
				add_fragments(g, above, 0, &above_f);
			if (g->positional && above >= 0)
				header_words(g, &g->row[above], &g->row[i],
				    &h, 1);
			else if (above >= 0)
				continue_header(g, &g->row[above], h.col,
				    h.ncol, offset, 1);
			vertical = g->positional && h.ncol == 0 && above < 0;
			frags.n = 0;
			add_fragments(g, i, offset, &frags);
			inheader = 1;
			hrow = i;
			above = -1;
			captioned = 0;
			held.nval = held.numbers = 0;
			continue;
		}
		/* A line of words only, the last of those after a block's
		 * caption, may begin the header below it; the rest of a
		 * wrapped caption (") 项") does not. */
		if (g->bytes && lr.numbers == 0)
			vote_cut_header(t, lr.label);
		if (strstr(lr.label, T2_CAPTION))
			captioned = 1, above = -1;
		else if (captioned && lr.label[0] == '\0' && lr.numbers == 0)
			;	/* an empty line of a box */
		else if (captioned && lr.numbers == 0 &&
		    row_of(lr.first) == NULL)
			above = caption_tail(lr.label) ? above : i;
		else
			captioned = 0, above = -1;
		if ((key = row_of(lr.first)) != NULL ||
		    (key = row_of_cut(lr.first)) != NULL) {
			if (inheader)
				end_header(&h);
			for (k = 0; inheader && k < h.ncol; k++)
				name_column(&h.col[k]);
			if (inheader && (vertical || !template_columns(key,
			    &h)) && !join_fragments(&frags, key, vertical,
			    &h) && g->positional && !vertical)
				stack_titles(&above_f, &frags, key, &h);
			/* A row of another block than its header's (the
			 * next block's caption and header printed elsewhere)
			 * takes the template's columns. */
			if (!inheader && hkey && !same_block(key, hkey))
				h.ncol = h.trail = 0;
			if (inheader || !hkey || !same_block(key, hkey))
				hkey = key;
			if (inheader && vertical && !template_width(key,
			    h.ncol))
				h.ncol = 0;	/* titles lost or mixed in */
			keep_row(t, key, &lr, &h, g->row[hrow].line, g,
			    inheader);
			if (over.nval > 0 && (inheader ||
			    !give_over(&t->t2row[t->nt2row - 1], &over)))
				doubt_next = 1;	/* as near it as not */
			over.nval = over.numbers = 0;
			if (doubt_next && t->nt2row > 0)
				t->t2row[t->nt2row - 1].doubt = 1;
			doubt_next = 0;
			/* a tall row's label line with a blank cell left
			 * (its other values at the top of their cells) */
			tall = !g->positional && g->wraps &&
			    lr.numbers < lr.nval ? g->row[i].ncell : -1;
			if (lr.numbers == 0 && held.numbers == h.ncol &&
			    held.numbers > 0 && t->nt2row > 0)
				give_held(&t->t2row[t->nt2row - 1], &held);
			/* Numbers held and not given (642 over 行政处罚 0 66,
			 * a PDF's tall row centred) may be this row's. */
			if (inheader && held.numbers > 0 && t->nt2row > 0) {
				t->t2row[t->nt2row - 1].doubt = 1;
				t->t2row[t->nt2row - 1].above = held;
			}
			inheader = stray = 0;
			continue;
		}
		if (tall >= 0 && g->row[i].ncell == tall && lr.numbers > 0 &&
		    fill_tall_row(&t->t2row[t->nt2row - 1], &lr)) {
			tall = -1;
			continue;
		}
		if (lr.numbers > 0 || strstr(lr.label, T2_CAPTION))
			tall = -1;	/* only its label's rest, or blanks, between */
		if (strstr(lr.label, T2_CAPTION)) {
			flush_over(t, &over);
			h.ncol = h.trail = inheader = 0;
			held.nval = held.numbers = 0;
			continue;
		}
		if (inheader && lr.numbers == 0)
			add_fragments(g, i, 0, &frags);
		if (inheader && g->positional && lr.numbers > 0 &&
		    lr.label[0] == '\0')
			add_numbers(&held, &lr);
		else if (inheader && lr.numbers == 0 && vertical)
			title_line(g, &g->row[i], &h);
		else if (inheader && lr.numbers == 0 && g->positional)
			header_words(g, &g->row[i], &g->row[hrow], &h, 0);
		else if (inheader && lr.numbers == 0)
			continue_header(g, &g->row[i], h.col, h.ncol, offset,
			    0);
		else if (t->print && g->positional && lr.numbers > 0 &&
		    lr.numbers == lr.nval && lr.label[0] == '\0' &&
		    t->nt2row > 0 && !stray && over.nval == 0 &&
		    full_row(&t->t2row[t->nt2row - 1]))
			add_numbers(&over, &lr);
		else if (g->positional && lr.numbers > 0 && t->nt2row > 0 &&
		    !stray && nearer_below(g, i, &t->t2row[t->nt2row - 1],
		    &lr, t->print && g->wraps && !g->exact)) {
			t->t2row[t->nt2row - 1].doubt = 1;
			doubt_next = 1;
		} else if (g->positional && lr.numbers > 0 && t->nt2row > 0 &&
		    !stray)
			stray = !take_numbers(&t->t2row[t->nt2row - 1], &lr,
			    g->bytes);
	}
	flush_over(t, &over);
	return t->nt2row;
}
