/* A print's text without its layout (readorder.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "readorder.h"
#include "roplace.h"
#include "tmpl.h"
#include "value.h"

/* Text lines a row's label may take before its numbers: 3.2's label
 * (（二）部分公开（区分处理的，只计这一情形，不计其他情形）) wraps over
 * nine lines in a narrow cell. */
#define RO_LABEL_LINES 12
#define RO_MAXTOK	 256
#define RO_GROUP	 256
/* Longer lines are prose (a table's titles wrap in narrow cells). */
#define RO_SPILL_CHARS	 16

/* The numbers of a run of lines, as printed. */
struct run {
	char	num[RO_MAXTOK][VALUE_MAX];
	int	n;
	int	over;		/* more than RO_MAXTOK */
	const char *titled;	/* the column whose title ended it */
	int	own;		/* how many came before text or a page (a
				 * run of rows torn from their labels goes
				 * on past them) */
};

/* The text's lines: where each begins (line k at off[k - 1]). */
struct lines {
	size_t	*off;
	long	 n;
	const char *text;
	size_t	 len;
};

static int
is_space(const char *p, const char *e)
{
	return *p == ' ' || *p == '\r' || *p == '\f' ||	/* a page's first */
	    (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0) ||	/* U+3000 */
	    (e - p >= 2 && memcmp(p, "\xc2\xa0", 2) == 0);	/* NBSP */
}

static const char *
skip_space(const char *p, const char *e)
{
	while (p < e && is_space(p, e))
		p += *p == ' ' || *p == '\r' || *p == '\f' ? 1 :
		    (unsigned char)*p == 0xc2 ? 2 : 3;
	return p;
}

int
readorder_text(const char *text, size_t len)
{
	const char *p = text, *e = text + len;
	int word = 0, spaces = 0;

	if (memchr(text, '\t', len) != NULL)
		return 0;
	for (; p < e; p++) {
		if (*p == '\n' || *p == '\f') {
			word = spaces = 0;
		} else if (*p == '|' && !word) {
			return 0;	/* a Markdown or pipe table's row */
		} else if (*p == ' ') {
			spaces++;
		} else {
			if (word && spaces >= 2)
				return 0;	/* a gap between columns */
			word = 1;
			spaces = 0;
		}
	}
	return 1;
}

static void
lines_index(struct lines *l, const char *text, size_t len)
{
	const char *p = text, *e = text + len, *nl;
	size_t cap = 256;

	l->text = text;
	l->len = len;
	l->n = 0;
	l->off = gip_xmalloc(cap * sizeof *l->off);
	for (;;) {
		if ((size_t)l->n == cap) {
			cap *= 2;
			l->off = gip_xrealloc(l->off, cap * sizeof *l->off);
		}
		l->off[l->n++] = (size_t)(p - text);
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			break;
		p = nl + 1;
	}
}

/* Line k (1-based) as [*b, *e); 0 past the last line. */
static int
line_at(const struct lines *l, long k, const char **b, const char **e)
{
	const char *nl;

	if (k < 1 || k > l->n)
		return 0;
	*b = l->text + l->off[k - 1];
	nl = memchr(*b, '\n', l->len - l->off[k - 1]);
	*e = nl != NULL ? nl : l->text + l->len;
	return 1;
}

/* The lines of region w: from *first to *end, exclusive. */
static void
region_lines(const struct lines *l, const struct region *w, long *first,
    long *end)
{
	const char *b, *e;
	long k;

	for (k = w->line; line_at(l, k, &b, &e) &&
	    (size_t)(b - l->text) < w->to; k++)
		;
	*first = w->line;
	*end = k;
}

/* Is the word [p, e) a number (a count, an amount, with its unit)? Its
 * text into num (room VALUE_MAX). */
static int
is_number(const char *p, const char *e, char *num)
{
	struct value v;
	char buf[VALUE_MAX];

	if ((size_t)(e - p) >= sizeof buf)
		return 0;
	memcpy(buf, p, (size_t)(e - p));
	buf[e - p] = '\0';
	value_parse(buf, &v);
	if (v.kind != V_NUMBER)
		return 0;
	memcpy(num, buf, (size_t)(e - p) + 1);
	return 1;
}

enum { LINE_BLANK, LINE_NUMBERS, LINE_TEXT };

/* Does [q, e), after a run of digits, make them a label's list number
 * (1.属于…, 2、…): 、 . or ． and then no digit? */
static int
list_number(const char *q, const char *e)
{
	size_t n;

	if (q < e && *q == '.')
		n = 1;
	else if (e - q >= 3 && (memcmp(q, "、", 3) == 0 ||
	    memcmp(q, "．", 3) == 0))
		n = 3;
	else
		return 0;
	return !(q + n < e && q[n] >= '0' && q[n] <= '9');
}

/* Is the word [p, e) a unit printed apart from its number? */
static int
unit_word(const char *p, const char *e)
{
	static const char *const units[] = { "元", "万元", "亿元", "件",
	    "个", "项", "笔", "次", "宗", "条" };
	size_t i, n = (size_t)(e - p);

	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i]) == n && memcmp(p, units[i], n) == 0)
			return 1;
	return 0;
}

/*
 * Line [p, e): blank, numbers only, or text; the numbers it ends in go
 * to r (all of them for a line of numbers).
 */
static int
line_numbers(const char *p, const char *e, struct run *r)
{
	const char *w, *s;
	char num[RO_MAXTOK][VALUE_MAX];
	int k = 0, words = 0, i;

	for (p = skip_space(p, e); p < e; p = skip_space(p, e)) {
		for (w = p; p < e && !is_space(p, e); p++)
			;
		words++;
		s = w;
		if (k < RO_MAXTOK && is_number(s, p, num[k]))
			k++;
		else if (k > 0 && unit_word(s, p) &&
		    strlen(num[k - 1]) + (size_t)(p - s) < VALUE_MAX) {
			words--;	/* 661.1 万元: the number's */
			strncat(num[k - 1], s, (size_t)(p - s));
		}
		else
			k = 0;	/* numbers only after the last word */
	}
	if (words == 0)
		return LINE_BLANK;
	for (i = 0; i < k; i++) {
		if (r->n == RO_MAXTOK) {
			r->over = 1;
			break;
		}
		strcpy(r->num[r->n++], num[i]);
	}
	return k == words ? LINE_NUMBERS : LINE_TEXT;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int
is_start(const long *start, int n, long line)
{
	return bsearch(&line, start, (size_t)n, sizeof *start, cmp_long) !=
	    NULL;
}

/*
 * The numbers printed for the row whose label (or numbers) begin on line
 * `line`: those its line ends in, then the lines of numbers after it,
 * past blank lines and the label's own wrapped lines, up to the next
 * text, page or row.
 */
/* Is line [b, e) a unit alone, wrapped from the number before it? */
static int
unit_line(const char *b, const char *e)
{
	b = skip_space(b, e);
	while (e > b && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	return b < e && unit_word(b, e);
}

/* The column of table 2 line [b, e) names, NULL if none.  Numbers
 * after a column title are that column's, not a row's.  (Table 3's
 * labels hold its column words, 其他 in （六）其他处理; its rows add
 * up, checked apart.) */
static const char *
column_title(const char *table, const char *b, const char *e)
{
	const struct tmpl_head *h;
	char buf[512];

	if (strcmp(table, "t2") != 0 || (size_t)(e - b) >= sizeof buf)
		return NULL;
	memcpy(buf, b, (size_t)(e - b));
	buf[e - b] = '\0';
	return (h = tmpl_head_in(table, buf)) != NULL ? h->col : NULL;
}

static void
run_after(const struct lines *l, const char *table, long line,
    const long *start, int nstart, int want, int torn, struct run *r)
{
	static struct run on;	/* one line's */
	const char *b, *e, *col;
	int kind, i, started, text = 0;

	r->n = r->over = 0;
	r->own = -1;
	r->titled = NULL;
	if (!line_at(l, line, &b, &e))
		return;
	line_numbers(b, e, r);
	started = r->n > 0;
	while (line_at(l, ++line, &b, &e)) {
		if (is_start(start, nstart, line))
			break;
		/* rows whose labels were torn away (torn.h) go on over a
		 * group's label and a page break until all are there */
		if (b < e && *b == '\f') {
			if (!torn || r->n >= want)
				break;
			if (started && r->own < 0)
				r->own = r->n;
			b++;
		}
		on.n = on.over = 0;
		kind = line_numbers(b, e, &on);
		if (kind == LINE_BLANK || (started && unit_line(b, e)))
			continue;	/* (96 / 条: the unit wrapped) */
		/* text after the numbers begins something else; text
		 * before them is the label's, wrapped (its last line may
		 * end in the row's first numbers) */
		if (kind == LINE_TEXT && (col = column_title(table, b,
		    e)) != NULL) {
			/* after numbers: a column of the row follows, its
			 * numbers may be among these */
			r->titled = started ? col : NULL;
			break;
		}
		if (kind == LINE_TEXT && ((started && (!torn ||
		    r->n >= want)) || (on.n == 0 && ++text > RO_LABEL_LINES)))
			break;
		if (kind == LINE_TEXT && started && r->own < 0)
			r->own = r->n;
		for (i = 0; i < on.n; i++) {
			if (r->n == RO_MAXTOK) {
				r->over = 1;
				return;
			}
			strcpy(r->num[r->n++], on.num[i]);
		}
		r->over |= on.over;
		started |= on.n > 0;
	}
	if (r->own < 0)
		r->own = r->n;
}

/* The kind of cell c's column in the template (KIND_*), 0 if none. */
static int
col_kind(const struct tcell *c)
{
	size_t i;
	int k;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, c->table) == 0 &&
		    strcmp(tmpl_rows[i].row, c->row) == 0 &&
		    (k = tmpl_col_index(&tmpl_rows[i], c->col)) >= 0)
			return tmpl_rows[i].kinds[k];
	return 0;
}

/* Is cell c's value what the printed number num reads as?  A unit, of
 * the cell or its header, may have scaled it (amounts in 万元); a sum
 * of money is no count. */
static int
same_value(const struct tcell *c, const char *num)
{
	static const int units[] = { UNIT_NONE, UNIT_YUAN, UNIT_YI };
	struct value v;
	char wan[VALUE_MAX];
	size_t i;

	value_parse(num, &v);
	if (v.kind != V_NUMBER)
		return 0;
	if (v.unit != UNIT_NONE && col_kind(c) != KIND_AMOUNT)
		return 0;
	if (v.unit == UNIT_NONE && strcmp(v.num, c->val) == 0)
		return 1;
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (value_in_wan(&v, units[i], wan) == 0 &&
		    strcmp(wan, c->val) == 0)
			return 1;
	return 0;
}

/* May the unread cell c take the printed number num?  A whole count
 * without a unit, in a column of counts. */
static int
fills(const struct tcell *c, const char *num)
{
	struct value v;
	int kind = col_kind(c);

	value_parse(num, &v);
	return value_is_int(&v) && v.unit == UNIT_NONE && kind != 0 &&
	    kind != KIND_AMOUNT;
}

/*
 * Fewer numbers than cells: the reader placed them where the row's
 * identity (total = the sum of the parts) put them, blanks in between
 * (place.h), and left unread where it could not tell.  The placement
 * holds when the numbers it started from are the ones printed: its
 * numbers, in order, among r's, and no more of r's than its unread
 * cells can hold.  Table 2 has no identity: its blanks are guesses.
 */
static int
placed_from(struct tcell *const *c, int m, const struct run *r)
{
	int i, k = 0, known = 0, unread = 0;

	if (strcmp(c[0]->table, "t2") == 0)
		return 0;
	for (i = 0; i < m; i++) {
		if (strcmp(c[i]->val, CELL_UNREAD) == 0) {
			unread++;
			continue;
		}
		if (c[i]->val[0] == '\0')
			continue;
		known++;
		while (k < r->n && !same_value(c[i], r->num[k]))
			k++;
		if (k++ == r->n)
			return 0;
	}
	return known <= r->n && known + unread >= r->n;
}

/*
 * A cell the reader wrote 0 in a row it placed in part may be a blank:
 * the placements it compared agree on the count, blank or 0 (place.h),
 * and the order does not tell which the report printed.
 */
static void
unread_zeros(struct tcell *const *c, int m)
{
	int i, unread = 0;

	for (i = 0; i < m; i++)
		unread |= strcmp(c[i]->val, CELL_UNREAD) == 0;
	for (i = 0; unread && i < m; i++)
		if (strcmp(c[i]->val, "0") == 0)
			strcpy(c[i]->val, CELL_UNREAD);
}

static int
all_blank(struct tcell *const *c, int m)
{
	int i;

	for (i = 0; i < m; i++)
		if (c[i]->val[0] != '\0')
			return 0;
	return 1;
}

/* Is the printed number num a count?  Into *n. */
static int
count_of(const char *num, long long *n)
{
	struct value v;
	const char *d;

	value_parse(num, &v);
	if (!value_is_int(&v))
		return 0;
	*n = 0;
	for (d = v.num; *d; d++)
		if (*d < '0' || *d > '9' || __builtin_mul_overflow(*n, 10, n) ||
		    __builtin_add_overflow(*n, *d - '0', n))
			return 0;
	return 1;
}

static int
listed(const char *const *list, const char *col)
{
	for (; *list; list++)
		if (strcmp(*list, col) == 0)
			return 1;
	return 0;
}

/*
 * Do the numbers r, one for each of the cells c[0..m) (rows of one
 * table, row by row), satisfy each row's identities (total = the sum
 * of the parts)?  Where pdftotext took a table apart, the numbers after
 * a label may be other rows'.
 */
static int
adds_up(struct tcell *const *c, int m, const struct run *r)
{
	const struct tmpl_ident *id;
	long long left, right, n;
	size_t k;
	int i, j;

	for (k = 0; k < tmpl_nidents; k++) {
		id = &tmpl_idents[k];
		if (id->per != IDENT_ROWS ||
		    strcmp(id->table, c[0]->table) != 0)
			continue;
		for (i = 0; i < m; i = j) {
			left = right = 0;
			for (j = i; j < m && strcmp(c[j]->row, c[i]->row) == 0;
			    j++) {
				if (!count_of(r->num[j], &n))
					return 0;
				if (listed(id->left, c[j]->col) &&
				    __builtin_add_overflow(left, n, &left))
					return 0;
				if (listed(id->right, c[j]->col) &&
				    __builtin_add_overflow(right, n, &right))
					return 0;
			}
			if (left != right)
				return 0;
		}
	}
	return 1;
}

/* Are the cells' values the numbers r, one each, in order? */
static int
same_values(struct tcell *const *c, int m, const struct run *r)
{
	int i;

	if (r->over || r->n != m)
		return 0;
	for (i = 0; i < m; i++)
		if (!same_value(c[i], r->num[i]))
			return 0;
	return 1;
}

/* Did a title of one of the cells' columns end r?  Then that column's
 * numbers come after it, and the numbers before are not the row's
 * alone. */
static int
titled(struct tcell *const *c, int m, const struct run *r)
{
	int i;

	for (i = 0; r->titled != NULL && i < m; i++)
		if (strcmp(c[i]->col, r->titled) == 0)
			return 1;
	return 0;
}

/* Are the numbers of r plain counts?  Into v. */
static int
plain_counts(const struct run *r, long long *v)
{
	struct value pv;
	int i;

	for (i = 0; i < r->n; i++) {
		value_parse(r->num[i], &pv);
		if (pv.unit != UNIT_NONE || strlen(pv.num) > 12 ||
		    !count_of(r->num[i], &v[i]))
			return 0;
	}
	return 1;
}

/*
 * With -raw, a row's numbers, fewer than its cells, are its printed
 * cells in order, its blanks left out: read the cells every placement
 * that keeps the rows' identities agrees on (roplace.h).
 */
static int
by_identities(struct tcell *const *c, int m, const struct run *r,
    int only_unread)
{
	long long v[RO_MAXTOK];

	if (m > ROPLACE_MAXCELLS || r->own != r->n || !plain_counts(r, v))
		return 0;
	return roplace_rows(c, m, v, r->n, only_unread) > 0;
}

static int
any_unread(struct tcell *const *c, int m)
{
	int i;

	for (i = 0; i < m; i++)
		if (strcmp(c[i]->val, CELL_UNREAD) == 0)
			return 1;
	return 0;
}

/* Are all the cells unread (the reader said why)? */
static int
all_unread(struct tcell *const *c, int m)
{
	int i;

	for (i = 0; i < m; i++)
		if (strcmp(c[i]->val, CELL_UNREAD) != 0)
			return 0;
	return 1;
}

/*
 * Cells c[0..m), read from one line, against the numbers r printed
 * after it: kept when the numbers are exactly theirs, in order (or
 * were placed from them, placed_from); unread cells filled when r
 * has one number for each cell (with -raw, cells read otherwise set
 * to it); with -raw and fewer numbers, the cells every placement of
 * them agrees on (by_identities), 2 when cells it had read are left
 * unread (the reader warned of those it had not); 0
 * when r does not confirm them.
 */
static int
confirm_run(struct tcell *const *c, int m, const struct run *r, int rowwise)
{
	struct value v;
	int i, fill = 1, read;

	if (!r->over && r->n == m && !titled(c, m, r) &&
	    (rowwise || adds_up(c, m, r))) {
		/* unread cells take their numbers; with -raw, where the
		 * order is the drawing's, cells the readers placed
		 * otherwise too (a number a line below went first) */
		for (i = 0; i < m; i++)
			if (strcmp(c[i]->val, CELL_UNREAD) == 0 ||
			    (rowwise && !same_value(c[i], r->num[i])))
				fill &= (rowwise ||
				    strcmp(c[i]->table, "t2") != 0) &&
				    fills(c[i], r->num[i]);
			else if (!same_value(c[i], r->num[i]))
				fill = 0;
		if (fill) {
			for (i = 0; i < m; i++)
				if (!same_value(c[i], r->num[i])) {
					value_parse(r->num[i], &v);
					strcpy(c[i]->val, v.num);
				}
			return 1;
		}
	} else if (rowwise && !r->over && r->n > 0 && r->n < m &&
	    placed_from(c, m, r)) {
		unread_zeros(c, m);
		by_identities(c, m, r, 1);
		return 1;
	} else if (rowwise && !r->over && r->n > 0 && r->n < m &&
	    (read = !all_unread(c, m), by_identities(c, m, r, 0)))
		return read && any_unread(c, m) ? 2 : 1;
	else if (r->n == 0 && rowwise && all_blank(c, m))
		return 1;
	return 0;
}

static int
is_table(const struct tcell *c)
{
	return c->table[0] == 't' && c->table[1] >= '2' && c->table[1] <= '4';
}

/* Does the row of cell i (its run of cells) keep to one line?  A row
 * placed from numbers in reading order (colmajor.h) has each cell's own
 * line, confirmed by the identities. */
static int
row_one_line(const struct tables *t, int i, int *end)
{
	const struct tcell *c = &t->cell[i];
	int j, one = 1;

	for (j = i; j < t->ncell && strcmp(t->cell[j].table, c->table) == 0 &&
	    strcmp(t->cell[j].row, c->row) == 0; j++)
		one &= t->cell[j].line == c->line;
	*end = j;
	return one;
}

/*
 * pdftotext -raw prints the text in the order it was drawn, line after
 * line, without a blank line; without -raw it parts the blocks of its
 * reading order by blank lines.  What a PDF writer draws row by row,
 * -raw prints row by row: a row's numbers are all after its label, and
 * a label right before the next row's shows a row left blank.
 */
static int
has_blank_line(const char *text, size_t len)
{
	const char *p = text, *e = text + len;
	int seen = 0;

	for (; p < e; p++) {
		if (*p == '\n') {
			if (!seen && p + 1 < e)
				return 1;
			seen = 0;
		} else if (*p != ' ' && *p != '\r')
			seen = 1;
	}
	return 0;
}

/* Characters on line [b, e) (UTF-8). */
static size_t
chars(const char *b, const char *e)
{
	size_t n = 0;

	for (; b < e; b++)
		n += ((unsigned char)*b & 0xc0) != 0x80;
	return n;
}

/*
 * The lines of table k (0: t2) from *first to *end.  Table 4's right
 * part may come after the next section's heading (pdftotext's reading
 * order: 复议后起诉, its titles and numbers below 五、存在的主要问题):
 * short lines and numbers after its region are its own, up to the
 * first line of prose.
 */
static void
table_lines(const struct lines *l, const struct region *where, int k,
    long *first, long *end)
{
	const char *b, *e;

	region_lines(l, &where[k], first, end);
	if (k != 2)
		return;
	for (; line_at(l, *end, &b, &e); ++*end)
		if (chars(b, e) > RO_SPILL_CHARS)
			break;
}

/* The numbers printed on lines first to end (exclusive): on lines of
 * numbers, and those a line ends in. */
static int
numbers_in(const struct lines *l, long first, long end)
{
	static struct run on;
	const char *b, *e;
	int n = 0;

	for (; first < end && line_at(l, first, &b, &e); first++) {
		on.n = on.over = 0;
		line_numbers(b, e, &on);
		n += on.n;
	}
	return n;
}

/*
 * Has each table as many numbers printed as it has cells?  Then none is
 * blank, and none is missing: pdftotext's reading order may put a row's
 * numbers after another row's label only where blank cells have made
 * the rows unlike.
 */
static void
tables_complete(const struct tables *t, const struct lines *l,
    const struct region *where, int *complete)
{
	long first, end;
	int k, i, cells;

	for (k = 0; k < 3; k++) {
		complete[k] = 0;
		if (where[k].to <= where[k].from)
			continue;
		for (i = cells = 0; i < t->ncell; i++)
			cells += is_table(&t->cell[i]) &&
			    t->cell[i].table[1] - '2' == k;
		table_lines(l, where, k, &first, &end);
		complete[k] = cells > 0 && numbers_in(l, first, end) == cells;
	}
}

/* The place of a table's row in the template (both templates' rows in
 * one order), for cells read from one line in an order of their own. */
static int
row_rank(const struct tcell *c)
{
	size_t i;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, c->table) == 0 &&
		    strcmp(tmpl_rows[i].row, c->row) == 0)
			return (int)i;
	return (int)tmpl_nrows;
}

/* The place of a cell's column in its row of the template: the
 * readers write a row's cells in the order of its header, which
 * pdftotext without -raw may print in another order than its columns'
 * (a title over two lines before one over one). */
static int
col_rank(const struct tcell *c)
{
	size_t i;
	int k;

	for (i = 0; i < tmpl_nrows; i++)	/* the template with its column */
		if (strcmp(tmpl_rows[i].table, c->table) == 0 &&
		    strcmp(tmpl_rows[i].row, c->row) == 0 &&
		    (k = tmpl_col_index(&tmpl_rows[i], c->col)) >= 0)
			return k;
	return TMPL_MAXCOLS;
}

/*
 * The cells of t's table read from the line of cell i, not yet taken,
 * into g in the template's order of rows and columns:
 * a label printed where pdftotext put it may lead the rows whose
 * numbers follow it.  How many.
 */
static int
group_of(struct tables *t, const unsigned char *keep, unsigned char *taken,
    int i, struct tcell **g, int *rank)
{
	struct tcell *tmp;
	int j, k, m = 0, rt;

	for (j = i; j < t->ncell && m < RO_GROUP; j++) {
		if (keep[j] || taken[j] || t->cell[j].line != t->cell[i].line ||
		    strcmp(t->cell[j].table, t->cell[i].table) != 0)
			continue;
		taken[j] = 1;
		g[m] = &t->cell[j];
		rank[m++] = row_rank(&t->cell[j]) * (TMPL_MAXCOLS + 1) +
		    col_rank(&t->cell[j]);
	}
	for (j = 1; j < m; j++)		/* stable: a row's cells keep order */
		for (k = j; k > 0 && rank[k] < rank[k - 1]; k--) {
			tmp = g[k], g[k] = g[k - 1], g[k - 1] = tmp;
			rt = rank[k], rank[k] = rank[k - 1], rank[k - 1] = rt;
		}
	return m;
}

/*
 * The lines of the block of table `table` that line `line` is in: t2's
 * blocks from caption (第二十条第（N）项) to caption, t3 and t4 their
 * region.
 */
static void
block_of(const struct lines *l, const char *table, const struct region *w,
    long line, long *first, long *end)
{
	const char *b, *e;
	long k;

	region_lines(l, w, first, end);
	if (strcmp(table, "t2") != 0)
		return;
	for (k = w->line; k < *end && line_at(l, k, &b, &e); k++) {
		if (!memmem(b, (size_t)(e - b), "第二十条", strlen("第二十条")))
			continue;
		if (k <= line)
			*first = k;
		else {
			*end = k;
			break;
		}
	}
}

/* Are the numbers of r all the same (their order says nothing)? */
static int
alike(const struct run *r)
{
	int i;

	for (i = 1; i < r->n; i++)
		if (strcmp(r->num[i], r->num[0]) != 0)
			return 0;
	return 1;
}

/*
 * Does a column's title of t2's block of cells g[0..m) (a row of two
 * or more columns) come right before a number?  pdftotext printed a
 * cell with its title (上一年项目数量 / 0, then 行政许可 /
 * 其他对外管理服务事项 / 4 / 0 / 2094): the block's order is not its
 * rows'.
 */
static int
title_led(const struct lines *l, const struct region *where,
    struct tcell *const *g, int m)
{
	static struct run on;
	const char *b, *e;
	long first, end, k;
	int titled = 0, kind;

	if (strcmp(g[0]->table, "t2") != 0 || m < 2)
		return 0;
	block_of(l, "t2", &where[0], g[0]->line, &first, &end);
	for (k = first; k < end && line_at(l, k, &b, &e); k++) {
		on.n = on.over = 0;
		kind = line_numbers(b, e, &on);
		if (kind == LINE_BLANK)
			continue;
		if (kind == LINE_NUMBERS && titled)
			return 1;
		titled = kind == LINE_TEXT && column_title("t2", b, e) != NULL;
	}
	return 0;
}

/*
 * A block of one row (t2's blocks of one row and one column, t4's
 * numbers on one line): its numbers, wherever pdftotext put them
 * between its caption and the next, are the row's when they are as
 * many, in the same order (the readers' own reading kept, never one
 * made here).  Two columns of t2 only when their numbers are alike:
 * pdftotext may print a column's title and number before the other's.
 */
static int
confirm_block(const struct tables *t, const struct lines *l,
    const struct region *w, struct tcell *const *c, int m)
{
	static struct run r;
	const char *b, *e;
	long first, end, k;
	int i, cells = 0;

	block_of(l, c[0]->table, w, c[0]->line, &first, &end);
	for (i = 0; i < t->ncell; i++)
		cells += strcmp(t->cell[i].table, c[0]->table) == 0 &&
		    t->cell[i].line >= first && t->cell[i].line < end;
	if (cells != m)
		return 0;
	r.n = r.over = 0;
	for (k = first; k < end && line_at(l, k, &b, &e); k++)
		line_numbers(b, e, &r);
	if (strcmp(c[0]->table, "t2") == 0 && m > 1 && !alike(&r))
		return 0;
	return same_values(c, m, &r);
}

/*
 * Does the t2 block of cell c print as many numbers between its caption
 * and the next as it has cells?  Without -raw pdftotext may print a
 * row's numbers before its block's caption and the next row's after it
 * in another order than their columns' (行政处罚 0 0 54 above
 * 第二十条第（六）项, then 行政强制 0 37 2 for 0 2 37).  Other tables:
 * yes.
 */
static int
block_complete(const struct tables *t, const struct lines *l,
    const struct region *where, const struct tcell *c)
{
	long first, end;
	int i, cells = 0;

	if (strcmp(c->table, "t2") != 0)
		return 1;
	block_of(l, "t2", &where[0], c->line, &first, &end);
	for (i = 0; i < t->ncell; i++)
		cells += strcmp(t->cell[i].table, "t2") == 0 &&
		    t->cell[i].line >= first && t->cell[i].line < end;
	return numbers_in(l, first, end) == cells;
}

/* Is t3's row key among t's cells? */
static int
seen_row(const struct tables *t, const char *table, const char *row)
{
	int i;

	for (i = 0; i < t->ncell; i++)
		if (strcmp(t->cell[i].table, table) == 0 &&
		    strcmp(t->cell[i].row, row) == 0)
			return 1;
	return 0;
}

/* The first line from `from` to `end` (exclusive) that holds one of the
 * words, 0 if none. */
static long
line_with(const struct lines *l, long from, long end,
    const char *const *words)
{
	const char *b, *e, *nb, *ne, *const *w;
	char buf[512];
	size_t n;

	for (; from < end && line_at(l, from, &b, &e); from++) {
		/* with the next line: a narrow cell wraps the label
		 * (7.属于行政执法 / 案卷) */
		n = (size_t)(e - b) < sizeof buf / 2 ? (size_t)(e - b) : 0;
		memcpy(buf, b, n);
		if (line_at(l, from + 1, &nb, &ne) &&
		    (size_t)(ne - nb) < sizeof buf / 2) {
			memcpy(buf + n, nb, (size_t)(ne - nb));
			n += (size_t)(ne - nb);
		}
		for (w = words; *w; w++)
			if (memmem(buf, n, *w, strlen(*w)) != NULL)
				return from;
	}
	return 0;
}

/* Is line buf the label with ASCII parentheses for its full-width
 * ones ((七)总计 for （七）总计)?  strncmp, not memcmp: fewer than 3
 * bytes of the label may be left (the fuzz targets: a read past a
 * template label's end). */
static int
same_but_parens(const char *buf, const char *label)
{
	while (*buf && *label) {
		if (strncmp(label, "（", 3) == 0 && *buf == '(')
			label += 3, buf++;
		else if (strncmp(label, "）", 3) == 0 && *buf == ')')
			label += 3, buf++;
		else if (*buf == *label)
			buf++, label++;
		else
			return 0;
	}
	return *buf == '\0' && *label == '\0';
}

/* The first line from `from` to `end` that is label alone (spaces
 * aside; its number's mark 、 or ． for the template's .; a label
 * without a number's mark, （七）总计, with either parentheses), 0 if
 * none: for a row without key words (3.其他, （七）总计). */
static int
label_matches(const char *buf, const char *label)
{
	static const char *const marks[] = { ".", "、", "．" };
	const char *dot = strchr(label, '.');
	char want[256];
	size_t i, k;

	if (dot == NULL)	/* （七）总计 */
		return strcmp(buf, label) == 0 || same_but_parens(buf, label);
	if (strlen(label) + 3 >= sizeof want)
		return 0;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		k = (size_t)(dot - label);
		memcpy(want, label, k);
		strcpy(want + k, marks[i]);
		strcat(want, dot + 1);
		if (strcmp(buf, want) == 0)
			return 1;
	}
	return 0;
}

/* Line [b, e) without its spaces appended to buf (room size, *n used). */
static void
squeeze(const char *b, const char *e, char *buf, size_t size, size_t *n)
{
	for (; b < e && *n < size - 1; b++)
		if (*b != ' ' && *b != '\r')
			buf[(*n)++] = *b;
	buf[*n] = '\0';
}

static long
line_is(const struct lines *l, long from, long end, const char *label)
{
	const char *b, *e;
	char buf[512];
	size_t n;

	for (; from < end && line_at(l, from, &b, &e); from++) {
		n = 0;
		squeeze(b, e, buf, sizeof buf, &n);
		if (n == 0)
			continue;
		if (label_matches(buf, label))
			return from;
		/* wrapped in a narrow cell: （七）总 / 计 */
		if (line_at(l, from + 1, &b, &e)) {
			squeeze(b, e, buf, sizeof buf, &n);
			if (label_matches(buf, label))
				return from;
		}
	}
	return 0;
}

/*
 * A t3 row tr of the other template that stands for rows of the
 * report's (（六）其他处理, 3.6, for 3.6.1 to 3.6.3 in a 2021 report):
 * when none of those is among t's cells and its label is printed from
 * `from` to `end`, the report kept the other template's row: it is
 * unread, not left out.
 */
static void
other_row(struct tables *t, const struct lines *l, const struct tmpl_row *tr,
    long from, long end)
{
	size_t k, n = strlen(tr->row);
	int parts = 0, c;
	long line;

	if (strcmp(tr->table, "t3") != 0 || (tr->templates & t->tpl) ||
	    seen_row(t, "t3", tr->row))
		return;
	for (k = 0; k < tmpl_nrows; k++)
		if (strcmp(tmpl_rows[k].table, "t3") == 0 &&
		    (tmpl_rows[k].templates & t->tpl) &&
		    strncmp(tmpl_rows[k].row, tr->row, n) == 0 &&
		    tmpl_rows[k].row[n] == '.') {
			if (seen_row(t, "t3", tmpl_rows[k].row))
				return;
			parts++;
		}
	if (parts == 0)
		return;
	line = tr->words[0] != NULL ? line_with(l, from, end, tr->words) :
	    line_is(l, from, end, tr->label);
	if (line == 0)
		return;
	tables_warn(t, line, "t3 row %s of the other template printed for "
	    "its rows, apart from the table, its numbers not known: "
	    "written as ?", tr->row);
	for (c = 0; tr->cols[c]; c++)
		tables_add(t, "t3", tr->row, tr->cols[c], line, CELL_UNREAD);
}

/*
 * Rows of table 3 of the report's template that the readers did not
 * find although their labels are printed between table 3's caption and
 * table 4's end: where pdftotext printed a row's label past the table
 * (after table 4's caption, （六）其他处理 after （七）总计) or wrapped
 * it (7.属于行政执法 / 案卷), the row is printed, its cells unread, not
 * left out.
 */
static void
unseen_rows(struct tables *t, const struct lines *l, const struct region *w)
{
	const struct tmpl_row *row[64], *tr;
	long from, end, line;
	int n = 0, first = -1, i, c;
	size_t k;

	if (t->tpl == 0 || w[1].to <= w[1].from)
		return;
	for (k = 0; k < tmpl_nrows && n < 64; k++) {
		tr = &tmpl_rows[k];
		if (strcmp(tr->table, "t3") != 0 || !(tr->templates & t->tpl))
			continue;
		if (seen_row(t, "t3", tr->row) && first < 0)
			first = n;
		row[n++] = tr;
	}
	from = w[1].line;
	if (w[2].to > w[1].to)
		table_lines(l, w, 2, &line, &end);
	else
		region_lines(l, &w[1], &line, &end);
	for (i = 0; first >= 0 && i < n; i++) {
		tr = row[i];
		if (seen_row(t, "t3", tr->row))
			continue;
		line = tr->words[0] != NULL ? line_with(l, from, end,
		    tr->words) : line_is(l, from, end, tr->label);
		if (line == 0)
			continue;
		tables_warn(t, line, "t3 row %s: its label printed apart "
		    "from the table, its numbers not known: written as ?",
		    tr->row);
		for (c = 0; tr->cols[c]; c++)
			tables_add(t, "t3", tr->row, tr->cols[c], line,
			    CELL_UNREAD);
	}
	for (k = 0; first >= 0 && k < tmpl_nrows; k++)
		other_row(t, l, &tmpl_rows[k], from, end);
}

/*
 * A table whose numbers are all alike (a table of zeros) and as many as
 * its cells: every cell holds that number, in whatever order they were
 * printed.
 */
static void
uniform(struct tables *t, const struct lines *l, const struct region *where,
    int k)
{
	static struct run r;
	const char *b, *e;
	struct value v;
	long line, end;
	int i;

	r.n = r.over = 0;
	table_lines(l, where, k, &line, &end);
	for (; line < end && line_at(l, line, &b, &e); line++)
		line_numbers(b, e, &r);
	if (r.over || r.n == 0)
		return;
	for (i = 1; i < r.n; i++)
		if (strcmp(r.num[i], r.num[0]) != 0)
			return;
	value_parse(r.num[0], &v);
	if (!value_is_int(&v) || v.unit != UNIT_NONE)
		return;
	for (i = 0; i < t->ncell; i++)
		if (is_table(&t->cell[i]) && t->cell[i].table[1] - '2' == k &&
		    strcmp(t->cell[i].val, CELL_UNREAD) != 0 &&
		    t->cell[i].val[0] != '\0' &&
		    strcmp(t->cell[i].val, v.num) != 0)
			return;
	for (i = 0; i < t->ncell; i++)
		if (is_table(&t->cell[i]) && t->cell[i].table[1] - '2' == k)
			strcpy(t->cell[i].val, v.num);
}

/* A t3 row's numbers with -raw, fewer than its cells, for table 3's
 * column identities. */
struct saved {
	struct tcell	*c[ROPLACE_MAXCELLS];
	int		 m, n;
	long long	 v[ROPLACE_MAXCELLS];
};

static void
save_run(struct saved *sv, int *nsv, int max, struct tcell *const *g, int m,
    const struct run *r)
{
	struct saved *s = &sv[*nsv];

	if (*nsv == max || strcmp(g[0]->table, "t3") != 0 ||
	    strcmp(g[0]->row, g[m - 1]->row) != 0 || m > ROPLACE_MAXCELLS ||
	    r->over || r->n <= 0 || r->n >= m || r->own != r->n ||
	    !plain_counts(r, s->v))
		return;
	memcpy(s->c, g, (size_t)m * sizeof g[0]);
	s->m = m, s->n = r->n;
	++*nsv;
}

/* Is cell c a count or blank? */
static int
count_or_blank(const struct tcell *c, long long *v)
{
	*v = 0;
	return c->val[0] == '\0' || (strspn(c->val, "0123456789") ==
	    strlen(c->val) && strlen(c->val) <= 12 && count_of(c->val, v));
}

/*
 * Table 3's rows, for its column identities (roplace.h): a row whose
 * cells are all read is known, one with -raw numbers saved has its
 * readings, any other is unknown (and the identities it is in say
 * nothing).
 */
static void
t3_columns(struct tables *t, const struct saved *sv, int nsv)
{
	static struct roplace_row rw[64];
	int i, j, k, n = 0, known;

	if (nsv == 0)
		return;
	for (i = 0; i < t->ncell && n < 64; i++) {
		if (strcmp(t->cell[i].table, "t3") != 0)
			continue;
		for (k = 0; k < n && strcmp(rw[k].c[0]->row,
		    t->cell[i].row) != 0; k++)
			;
		if (k < n)
			continue;	/* its row has been taken */
		rw[n].m = 0;
		known = 1;
		for (j = i; j < t->ncell && rw[n].m < ROPLACE_MAXCELLS; j++)
			if (strcmp(t->cell[j].table, "t3") == 0 &&
			    strcmp(t->cell[j].row, t->cell[i].row) == 0) {
				known &= count_or_blank(&t->cell[j],
				    &rw[n].val[0][rw[n].m]);
				rw[n].printed[0][rw[n].m] = 1;
				rw[n].c[rw[n].m++] = &t->cell[j];
			}
		rw[n].known = known;
		rw[n].nread = known;
		for (k = 0; !known && k < nsv; k++)
			if (strcmp(sv[k].c[0]->row, t->cell[i].row) == 0 &&
			    sv[k].m == rw[n].m) {
				memcpy(rw[n].c, sv[k].c,
				    (size_t)sv[k].m * sizeof sv[k].c[0]);
				roplace_readings(&rw[n], sv[k].v, sv[k].n);
				break;
			}
		n++;
	}
	roplace_columns(rw, n, t->tpl);
}

/*
 * Do lines first to end (exclusive) print no count but 0?  Every run of
 * digits anywhere on them is zeros, or a label's list number (1.属于…,
 * 2、…: digits, then 、 . or ． and no digit).  At least one 0.
 */
static int
zeros_only(const struct lines *l, long first, long end)
{
	const char *b, *e, *p, *q;
	int zeros = 0, nonzero;

	for (; first < end && line_at(l, first, &b, &e); first++)
		for (p = b; p < e; p = q) {
			if (*p < '0' || *p > '9') {
				if ((unsigned char)*p == 0xef && e - p >= 3 &&
				    (unsigned char)p[1] == 0xbc &&
				    (unsigned char)p[2] >= 0x90 &&
				    (unsigned char)p[2] <= 0x99)
					return 0;	/* a full-width digit */
				q = p + 1;
				continue;
			}
			for (q = p, nonzero = 0; q < e && *q >= '0' && *q <= '9';
			    q++)
				nonzero |= *q != '0';
			if (!nonzero) {
				zeros++;
				continue;
			}
			if (list_number(q, e))
				continue;	/* 1.属于国家秘密 */
			return 0;
		}
	return zeros > 0;
}

/* Characters a line of prose has at least: longer than any label of
 * the tables with a comma (（二）部分公开（区分处理的，只计…）). */
#define RO_PROSE_CHARS	32

/* Does [b, e) name a year (2022年)?  No cell of the tables does. */
static int
has_year(const char *b, const char *e)
{
	const char *p;
	int digits = 0;

	for (p = b; p < e; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			continue;
		}
		if (digits == 4 && e - p >= 3 && memcmp(p, "年", 3) == 0)
			return 1;
		digits = 0;
	}
	return 0;
}

/* The first line from `from` on that is prose: with a full stop or a
 * year, or long with a comma.  Table 4's titles and numbers may come
 * after short lines and a long line of titles below its region
 * (结果维持 结果纠正 … twice). */
static long
prose_line(const struct lines *l, long from)
{
	const char *b, *e;

	for (; line_at(l, from, &b, &e); from++)
		if (memmem(b, (size_t)(e - b), "。", strlen("。")) != NULL ||
		    has_year(b, e) || (chars(b, e) > RO_PROSE_CHARS &&
		    memmem(b, (size_t)(e - b), "，", strlen("，")) != NULL))
			break;
	return from;
}

/*
 * Without -raw: tables whose lines print no count but 0 (their blanks
 * leave nothing) are 0 in every cell, whatever the order: table 4 from
 * its caption to the first line of prose after it, and table 3 when the
 * lines from its caption to there do (pdftotext may print table 3's
 * last row after table 4's caption).  Never over a cell read otherwise.
 */
static void
zero_tables(struct tables *t, const struct lines *l, const struct region *w)
{
	long first, end, t4end;
	int i, k, z[3] = { 0, 0, 0 };

	if (w[2].to <= w[2].from)
		return;
	table_lines(l, w, 2, &first, &t4end);
	t4end = prose_line(l, t4end);
	z[2] = zeros_only(l, first, t4end);
	if (w[1].to > w[1].from) {
		region_lines(l, &w[1], &first, &end);
		z[1] = first < t4end && zeros_only(l, first, t4end);
	}
	for (k = 1; k < 3; k++) {
		for (i = 0; z[k] && i < t->ncell; i++)
			if (is_table(&t->cell[i]) &&
			    t->cell[i].table[1] - '2' == k &&
			    strcmp(t->cell[i].val, CELL_UNREAD) != 0 &&
			    t->cell[i].val[0] != '\0' &&
			    strcmp(t->cell[i].val, "0") != 0)
				z[k] = 0;
		for (i = 0; z[k] && i < t->ncell; i++)
			if (is_table(&t->cell[i]) &&
			    t->cell[i].table[1] - '2' == k &&
			    strcmp(t->cell[i].val, CELL_UNREAD) == 0)
				strcpy(t->cell[i].val, "0");
	}
}

/* The cells g[0..m) made unread, and why, once for their rows. */
static void
unconfirmed(struct tables *t, struct tcell *const *g, int m)
{
	int j, read = 0;

	for (j = 0; j < m; j++) {
		read |= strcmp(g[j]->val, CELL_UNREAD) != 0;
		strcpy(g[j]->val, CELL_UNREAD);
	}
	if (read)
		tables_warn(t, g[0]->line, "%s row %s%s: printed without "
		    "its layout (pdftotext), its numbers are not known to be "
		    "its own in that order: written as ?", g[0]->table,
		    g[0]->row, strcmp(g[0]->row, g[m - 1]->row) != 0 ?
		    " and the rows after it" : "");
}

/* Are the cells of one row, c[0..m), all one value but the total? */
static int
parts_alike(struct tcell *const *c, int m)
{
	const char *v = NULL;
	int i;

	for (i = 0; i < m; i++) {
		if (strcmp(c[i]->val, CELL_UNREAD) == 0)
			continue;
		if (strcmp(c[i]->col, "total") == 0)
			continue;
		if (v != NULL && strcmp(v, c[i]->val) != 0)
			return 0;
		v = c[i]->val;
	}
	return 1;
}

void
readorder_unordered(struct tables *t)
{
	static struct tcell *g[RO_GROUP];
	int i, m;

	for (i = 0; i < t->ncell; i += m) {
		for (m = 0; i + m < t->ncell && m < RO_GROUP &&
		    is_table(&t->cell[i + m]) &&
		    strcmp(t->cell[i + m].table, t->cell[i].table) == 0 &&
		    strcmp(t->cell[i + m].row, t->cell[i].row) == 0; m++)
			g[m] = &t->cell[i + m];
		if (m == 0) {
			m = 1;
			continue;
		}
		if (!parts_alike(g, m))
			unconfirmed(t, g, m);
	}
}

void
readorder_confirm(struct tables *t, const char *text, size_t len,
    const struct region *where)
{
	static struct tcell *g[RO_GROUP];
	static int rank[RO_GROUP];
	static struct run r;
	static struct saved sv[64];
	struct lines l;
	long *start;
	int i, j, k, m, end, n = 0, nstart = 0, rowwise, complete[3], ok;
	int nsv = 0;
	unsigned char *keep, *taken;

	lines_index(&l, text, len);
	unseen_rows(t, &l, where);
	start = gip_xmalloc(((size_t)t->ncell + 1) * sizeof *start);
	keep = gip_xmalloc((size_t)t->ncell + 1);
	taken = gip_xmalloc((size_t)t->ncell + 1);
	memset(taken, 0, (size_t)t->ncell + 1);
	for (i = 0; i < t->ncell; i++)
		if (is_table(&t->cell[i]) && t->cell[i].line > 0)
			start[n++] = t->cell[i].line;
	qsort(start, (size_t)n, sizeof *start, cmp_long);
	for (i = 0; i < n; i++)
		if (nstart == 0 || start[nstart - 1] != start[i])
			start[nstart++] = start[i];
	for (i = 0; i < t->ncell; i = end) {
		if (!is_table(&t->cell[i]) || t->cell[i].line <= 0) {
			keep[i] = 1, end = i + 1;
			continue;
		}
		keep[i] = !row_one_line(t, i, &end);
		for (j = i + 1; j < end; j++)
			keep[j] = keep[i];
	}
	rowwise = !has_blank_line(text, len);
	tables_complete(t, &l, where, complete);
	for (i = 0; i < t->ncell; i++) {
		if (keep[i] || taken[i])
			continue;
		m = group_of(t, keep, taken, i, g, rank);
		k = t->cell[i].table[1] - '2';
		/* Without -raw, pdftotext's order inside table 4's line
		 * of numbers need not be the columns' (0 0 0 1 1 for
		 * 1 0 0 0 1, adding up either way): only a table of one
		 * number is read (uniform) */
		if (!rowwise && k == 2) {
			unconfirmed(t, g, m);
			continue;
		}
		run_after(&l, t->cell[i].table, t->cell[i].line, start,
		    nstart, m, strcmp(g[0]->row, g[m - 1]->row) != 0, &r);
		/* table 4 is one row of fifteen cells: text after its
		 * numbers is the next section's, its numbers not t4's */
		if (k == 2 && r.own < r.n)
			r.n = r.own;
		if (rowwise)
			save_run(sv, &nsv, 64, g, m, &r);
		if ((rowwise || (complete[k] && !title_led(&l, where, g, m) &&
		    block_complete(t, &l, where, g[0]))) &&
		    (ok = confirm_run(g, m, &r, rowwise)) != 0) {
			if (ok == 2)
				tables_warn(t, g[0]->line, "%s row %s%s: "
				    "printed without its layout and its "
				    "blanks (pdftotext -raw), cells its "
				    "numbers may be in: written as ?",
				    g[0]->table, g[0]->row,
				    strcmp(g[0]->row, g[m - 1]->row) != 0 ?
				    " and the rows after it" : "");
			continue;
		}
		if (complete[k] && confirm_block(t, &l, &where[k], g, m))
			continue;
		unconfirmed(t, g, m);
	}
	t3_columns(t, sv, nsv);
	if (!rowwise)
		zero_tables(t, &l, where);
	for (k = 0; k < 3; k++)
		if (complete[k])
			uniform(t, &l, where, k);
	free(l.off);
	free(taken);
	free(keep);
	free(start);
}
