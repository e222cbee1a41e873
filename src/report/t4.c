/*
 * Section 四's table (复议诉讼): one data row of 15 numbers, 行政复议(5),
 * 未经复议直接起诉(5), 复议后起诉(5).  Header texts are unreliable (PDF
 * extraction interleaves vertical headers), so values are placed by
 * position: the 15 cells of the data row, or the 15 header columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lrow.h"
#include "place.h"
#include "t4order.h"
#include "tables.h"
#include "tmpl.h"

#define T4ROWS 3
#define T4ROWCOLS 5
#define T4COLS (T4ROWS * T4ROWCOLS)

/* The k-th of the 15 values: its row of the template table.  The
 * template's t4 rows are looked for once (a walk of every template row
 * for every value was 1 % of gip-tables). */
static const struct tmpl_row *
t4_row(int k)
{
	static const struct tmpl_row *row[T4ROWS];
	static int nrow = -1;
	size_t i;

	if (nrow < 0)
		for (i = 0, nrow = 0; i < tmpl_nrows && nrow < T4ROWS; i++)
			if (strcmp(tmpl_rows[i].table, "t4") == 0)
				row[nrow++] = &tmpl_rows[i];
	return k >= 0 && k / T4ROWCOLS < nrow ? row[k / T4ROWCOLS] : NULL;
}

/* How many characters s has, all of 结果维持纠正其他尚未审总计; 0 if
 * another. */
static int
header_chars(const char *s)
{
	static const char *const chars[] = {"结", "果", "维", "持", "纠",
	    "正", "其", "他", "尚", "未", "审", "总", "计"};
	size_t i;
	int n = 0;

	while (*s) {
		/* strncmp(s, chars[i], 3) == 0, without a call */
		for (i = 0; i < sizeof chars / sizeof chars[0]; i++)
			if (s[0] == chars[i][0] && s[1] == chars[i][1] &&
			    s[2] == chars[i][2])
				break;
		if (i == sizeof chars / sizeof chars[0])
			return 0;
		s += 3;
		n++;
	}
	return n;
}

/* A header word of t4: two to four of those characters. */
static int
is_t4_header_word(const char *s)
{
	int n = header_chars(s);

	return n >= 2 && n <= 4;
}

/* Add x to the sorted anchors unless one is within 2; 0 when full. */
static int
add_anchor(int *anchor, int *n, int x)
{
	int k;

	for (k = 0; k < *n; k++)
		if (x >= anchor[k] - 2 && x <= anchor[k] + 2)
			return 1;
	if (*n == T4COLS)
		return 0;
	for (k = (*n)++; k > 0 && anchor[k - 1] > x; k--)
		anchor[k] = anchor[k - 1];
	anchor[k] = x;
	return 1;
}

/* Is the 6-byte string at s one of the header's words? */
static int
header_word(const char *s)
{
	static const char *const words[] = {"结果", "维持", "纠正", "其他",
	    "尚未", "审结", "总计"};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strncmp(s, words[i], 6) == 0)
			return 1;
	return 0;
}

/*
 * Positions as printed (a PDF): a two-line header cell of two characters
 * a line (结果 / 维持) read as two stacked pairs side by side (结维 果持):
 * do a and b make such a cell?
 */
static int
stacked_pair(const struct gcell *a, const struct gcell *b)
{
	char top[7], bottom[7];

	if (header_chars(a->text) != 2 || header_chars(b->text) != 2)
		return 0;
	memcpy(top, a->text, 3);
	memcpy(top + 3, b->text, 3);
	memcpy(bottom, a->text + 3, 3);
	memcpy(bottom + 3, b->text + 3, 3);
	top[6] = bottom[6] = '\0';
	return header_word(top) && header_word(bottom);
}

/*
 * Positions as printed (a PDF of a tight table): the header cells of a
 * row run together (结果结果其他尚未, 总 of a spaced 总 计 alone).  Each
 * word (two characters that make one of the header's words, else one)
 * is taken at its share of the run's width.
 */
/* The point of x0..x1 that stands over its column's values (place.h). */
static int
edge_x(int x0, int x1, int edge)
{
	return edge == PLACE_LEFT ? x0 : edge == PLACE_RIGHT ? x1 :
	    (x0 + x1) / 2;
}

static int
run_anchors(const struct gcell *c, int edge, int *anchor, int *n)
{
	const char *s = c->text;
	int nc = header_chars(s), at = 0, len, w = c->x1 - c->x0;

	while (*s) {
		len = s[3] != '\0' && header_word(s) ? 2 : 1;
		if (!add_anchor(anchor, n, edge_x(c->x0 + w * at / nc,
		    c->x0 + w * (at + len) / nc, edge)))
			return 0;
		at += len;
		s += 3 * len;
	}
	return 1;
}

/* Does s start with one of the header's characters? */
static int
header_char(const char *s)
{
	char one[4];

	if (strlen(s) < 3)
		return 0;
	memcpy(one, s, 3);
	one[3] = '\0';
	return header_chars(one) == 1;
}

/* How many header characters s holds, each alone between single spaces
 * (结 果 维 持), or one alone; 0 if s is otherwise. */
static int
spaced_letters(const char *s)
{
	int n = 0;

	for (;;) {
		if (!header_char(s))
			return 0;
		s += 3;
		n++;
		if (*s == '\0')
			return n == 1 || strchr(s - 3 * n, ' ') ? n : 0;
		if (*s++ != ' ')
			return 0;
	}
}

/* Header characters spaced out on a line, each at its columns. */
#define T4LETTERS 64
struct letters {
	int		 n;
	const char	*at[T4LETTERS];
	int		 x0[T4LETTERS], x1[T4LETTERS];
};

/* Add the k letters of cell c, each at its share of the cell's width (a
 * letter two columns, a space one); 0 when full. */
static int
add_letters(struct letters *l, const struct gcell *c, int k)
{
	int i, w = 3 * k - 1, span = c->x1 - c->x0;

	for (i = 0; i < k; i++) {
		if (l->n == T4LETTERS)
			return 0;
		l->at[l->n] = c->text + 4 * i;
		l->x0[l->n] = c->x0 + span * 3 * i / w;
		l->x1[l->n++] = c->x0 + span * (3 * i + 2) / w;
	}
	return 1;
}

/*
 * The titles a run of spaced-out letters spells (lynx and pdftotext
 * print a narrow title 结 果 维 持, and one title runs into the next, 结
 * 果 维 持 结 果 纠 正): read left to right, each must begin one of
 * the five titles, which then takes its letters' columns.  A run that
 * spells anything else (a letter alone: the rest of a wrapped title,
 * 结果维 / 持) gives no anchor; 0 when the anchors are full.
 */
static int
letter_anchors(const struct letters *l, int edge, int *anchor, int *n)
{
	static const char *const titles[] = {"结果维持", "结果纠正",
	    "其他结果", "尚未审结", "总计"};
	int start[T4LETTERS], len[T4LETTERS];
	size_t t;
	int i = 0, j, k, nt = 0;

	while (i < l->n) {
		for (t = 0; t < sizeof titles / sizeof titles[0]; t++) {
			len[nt] = (int)strlen(titles[t]) / 3;
			for (j = 0; j < len[nt] && i + j < l->n &&
			    strncmp(l->at[i + j], titles[t] + 3 * j, 3) == 0;
			    j++)
				;
			if (j == len[nt])
				break;
		}
		if (t == sizeof titles / sizeof titles[0])
			return 1;
		start[nt] = i;
		i += len[nt++];
	}
	for (k = 0; k < nt; k++)
		if (!add_anchor(anchor, n, edge_x(l->x0[start[k]],
		    l->x1[start[k] + len[k] - 1], edge)))
			return 0;
	return 1;
}

/*
 * Anchors of the spaced-out titles of grid row r: runs of letter cells
 * (one letter each where the model splits at a space, several in one
 * cell where it does not) no more than a space apart.  Returns 0 when a
 * run spells something else or the anchors are full.
 */
static int
row_letter_anchors(const struct grid *g, const struct grow *r, int edge,
    int *anchor, int *n)
{
	const struct gcell *c = grid_cells(g, r);
	struct letters l = {.n = 0};
	int j, k, last = -1;

	for (j = 0; j <= r->ncell; j++) {
		k = j < r->ncell && c[j].x0 >= 0 ? spaced_letters(c[j].text) :
		    0;
		if (l.n > 0 && (k == 0 || c[j].x0 - last > 2)) {
			if (!letter_anchors(&l, edge, anchor, n))
				return 0;
			l.n = 0;
		}
		if (k > 0 && !add_letters(&l, &c[j], k))
			return 0;
		if (k > 0)
			last = c[j].x1;
	}
	return 1;
}

/* Letters stacked one a line: column x0 and the letters read down it. */
#define T4STACKS 32
struct stacks {
	int	n;
	int	x0[T4STACKS], x1[T4STACKS];
	char	text[T4STACKS][4 * 3 + 1];
};

/* Add one letter (3 bytes at s) at x0..x1 to the stack at its column. */
static void
stack_letter(struct stacks *st, const char *s, int x0, int x1)
{
	size_t len;
	int k;

	for (k = 0; k < st->n && abs(st->x0[k] - x0) > 1; k++)
		;
	if (k == st->n) {
		if (st->n == T4STACKS)
			return;
		st->x0[k] = x0;
		st->x1[k] = x1;
		st->text[k][0] = '\0';
		st->n++;
	}
	if ((len = strlen(st->text[k])) + 3 >= sizeof st->text[k]) {
		st->text[k][0] = '\x01';	/* too long: no title */
		return;
	}
	memcpy(st->text[k] + len, s, 3);
	st->text[k][len + 3] = '\0';
}

/*
 * A narrow column prints its title one letter a line (pdftotext of a
 * Word table: 结 / 果 / 维 / 持 over one another, the letters of the
 * next titles beside them on the same lines, one or more spaces apart).
 * Letters at one column (a cell of one letter, or of letters one space
 * apart: three columns each) read down it; a stack that spells one of
 * the five titles is a column at its letters' place.
 */
static int
stack_anchors(const struct grid *g, int upto, int edge, int *anchor, int *n)
{
	static const char *const titles[] = {"结果维持", "结果纠正",
	    "其他结果", "尚未审结", "总计"};
	struct stacks st = {.n = 0};
	const struct gcell *c;
	size_t t;
	int i, j, k, nl;

	for (i = 0; i < upto; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++) {
			if ((nl = header_chars(c[j].text)) == 0 || c[j].x0 < 0 ||
			    (nl > 1 && c[j].x1 - c[j].x0 != 3 * nl - 1))
				continue;
			for (k = 0; k < nl; k++)
				stack_letter(&st, c[j].text + 3 * k,
				    c[j].x0 + 3 * k, c[j].x0 + 3 * k + 2);
		}
	}
	for (k = 0; k < st.n; k++)
		for (t = 0; t < sizeof titles / sizeof titles[0]; t++)
			if (strcmp(st.text[k], titles[t]) == 0 &&
			    !add_anchor(anchor, n, edge_x(st.x0[k], st.x1[k],
			    edge)))
				return 0;
	return 1;
}

/*
 * Centres (or edges) of the header words above the data, one per column
 * when the words of a vertical header (结果 / 维持) are merged by
 * position.
 */
static int
anchors_from_header(const struct grid *g, int upto, int edge, int *anchor)
{
	struct gcell *c;
	int i, j, n = 0;

	for (i = 0; i < upto; i++) {
		c = grid_cells(g, &g->row[i]);
		if (!g->exact && !row_letter_anchors(g, &g->row[i], edge,
		    anchor, &n))
			return 0;
		for (j = 0; j < g->row[i].ncell; j++) {
			if (g->exact && j + 1 < g->row[i].ncell &&
			    stacked_pair(&c[j], &c[j + 1])) {
				if (!add_anchor(anchor, &n, edge_x(c[j].x0,
				    c[j + 1].x1, edge)))
					return 0;
				j++;
				continue;
			}
			if (g->exact && header_chars(c[j].text) > 0 &&
			    !is_t4_header_word(c[j].text)) {
				if (!run_anchors(&c[j], edge, anchor, &n))
					return 0;
				continue;
			}
			if (!is_t4_header_word(c[j].text))
				continue;
			if (!add_anchor(anchor, &n, edge_x(c[j].x0, c[j].x1,
			    edge)))
				return 0;
		}
	}
	if (!g->exact && !stack_anchors(g, upto, edge, anchor, &n))
		return 0;
	return n == T4COLS;
}

/* How many values stand within a unit of a title's edge. */
static int
edge_hits(const struct vcell *v, int nv, const int *anchor, int edge)
{
	int i, d, hit = 0;

	for (i = 0; i < nv; i++) {
		place_nearest(anchor, T4COLS, place_x(&v[i], edge), &d);
		hit += d <= 1;
	}
	return hit;
}

/* The titles' anchors a row was placed under, and their points. */
struct titles {
	int	anchor[T4COLS];
	int	edge;
};

/*
 * The values of a row printed by position, to the columns whose titles
 * they stand under: centred, else left- or right-aligned as their cells
 * (LibreOffice prints a Word table's numbers at the cell's left edge,
 * the titles centred: a number then is nearer the title left of its own)
 * when every value is at a title's edge.  In a text layout an edge that
 * places every value also wins over the centres when more values stand
 * exactly at it (w3m left-aligns numbers under titles of unequal width:
 * one may be as near the centre of the title before as of its own).
 * 0 without the header's 15 titles; else *placed is place_by_anchor's
 * answer.
 */
static int
place_under_titles(const struct grid *g, int first, const struct lrow *data,
    struct slots *s, int *placed, struct titles *at)
{
	static const int edges[] = {PLACE_LEFT, PLACE_RIGHT};
	struct slots try;
	int anchor[T4COLS], k, p, hit, best;

	if (!anchors_from_header(g, first, PLACE_CENTRE, anchor))
		return 0;
	memcpy(at->anchor, anchor, sizeof anchor);
	at->edge = PLACE_CENTRE;
	*placed = place_by_anchor(data->val, data->nval, anchor, T4COLS,
	    PLACE_CENTRE, s);
	best = *placed == PLACE_NONE ? -1 :
	    edge_hits(data->val, data->nval, anchor, PLACE_CENTRE);
	for (k = 0; k < 2; k++) {
		if (!anchors_from_header(g, first, edges[k], anchor))
			continue;
		hit = edge_hits(data->val, data->nval, anchor, edges[k]);
		if (g->exact ? *placed != PLACE_NONE || hit < data->nval :
		    hit <= best)
			continue;
		p = place_by_anchor(data->val, data->nval, anchor, T4COLS,
		    edges[k], &try);
		if (p == PLACE_NONE)
			continue;
		*placed = p;
		*s = try;
		best = hit;
		memcpy(at->anchor, anchor, sizeof anchor);
		at->edge = edges[k];
	}
	return 1;
}

/* How many cells of g are header words (结果维持, 总计, ...). */
static int
header_words(const struct grid *g)
{
	const struct gcell *c;
	int i, j, n = 0;

	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			n += is_t4_header_word(c[j].text);
	}
	return n;
}

/*
 * With explicit cells, a row of exactly 15 cells and no label after the
 * header is the data row even when every cell is blank.  Printed by
 * position, a blank row is only spaces: when the whole header with its
 * 15 columns is there and no number follows it, every cell is blank.
 * The whole header is 15 columns apart, or 15 titles one after another
 * (lynx prints a Word table one centred cell per paragraph: the titles
 * stand on one another, their columns unknown).
 */
static int
blank_row(const struct grid *g, struct lrow *data, int *first)
{
	int anchor[T4COLS], i;

	if (g->positional) {
		data->nval = 0;
		if (g->nrow == 0 || (!anchors_from_header(g, g->nrow,
		    PLACE_CENTRE, anchor) && header_words(g) != T4COLS))
			return 0;
		data->line = g->row[g->nrow - 1].line + 1;
		*first = g->nrow;
		return 1;
	}
	for (i = g->nrow - 1; i >= 0; i--) {
		lrow_split(g, &g->row[i], data);
		if (data->label[0] == '\0' && data->nval == T4COLS) {
			*first = i;
			return 1;
		}
	}
	data->nval = 0;
	return 0;
}

/*
 * Do number-only rows follow within a few rows of row i, the line that
 * ended the data row?  Then the row was broken off by other text (a
 * markup line <td> between values printed one a line), not ended: its
 * cells past the break are unseen, and reading the missing ones as
 * blank would let the identities "confirm" zeros that were printed as
 * other numbers further on.
 */
static int
broken_off(const struct grid *g, int i)
{
	static struct lrow lr;
	int k;

	for (k = i + 1; k < g->nrow; k++) {
		lrow_split(g, &g->row[k], &lr);
		if (lr.numbers > 0 && lr.label[0] == '\0')
			return 1;
	}
	return 0;
}

/*
 * Empty cells the converter counted at the end of row i, a header
 * row, open the data row after it: LibreOffice's text export prints
 * the first data cells, &nbsp;, right under the last title (总计), and
 * the row is read from there (lotext.h).  Put before data's values.
 */
static void
counted_lead(const struct grid *g, int i, struct lrow *data)
{
	const struct gcell *c = grid_cells(g, &g->row[i]);
	int j, k, n = 0;

	for (j = g->row[i].ncell; j > 0 && c[j - 1].x0 == GRID_XCOUNTED &&
	    c[j - 1].text[0] == '\0'; j--)
		n++;
	if (n == 0 || n == g->row[i].ncell || data->nval + n > LROW_MAXVAL)
		return;
	memmove(data->val + n, data->val, data->nval * sizeof data->val[0]);
	for (k = 0; k < n; k++) {
		value_parse("", &data->val[k].v);
		data->val[k].x0 = data->val[k].x1 = GRID_XCOUNTED;
		data->val[k].cell = -1;
	}
	data->nval += n;
}

/* Gather the data values: the first row with numbers and, when it holds
 * fewer than 15, the number-only rows straight after it, past header
 * words printed among them (plain pdftotext: … 0 0 0 / 总计 / 0).
 * data->merged says whether values came from more than one line; *cut
 * is the line of the text that broke the row off (broken_off), else 0;
 * *last the line of its last values. */
static int
gather_values(const struct grid *g, struct lrow *data, int *first,
    long *cut, long *last)
{
	static struct lrow lr;
	int i, k, found = 0;

	*cut = 0;
	*last = 0;

	for (i = 0; i < g->nrow; i++) {
		/* until the first data row, lines are split straight into
		 * data: it is not copied (10 KiB) */
		if (!found) {
			lrow_split(g, &g->row[i], data);
			if (data->numbers == 0 || data->label[0] != '\0')
				continue;
			found = 1;
			data->merged = 0;
			if (i > 0)
				counted_lead(g, i - 1, data);
			*first = i;
			*last = g->row[i].line;
			continue;
		}
		lrow_split(g, &g->row[i], &lr);
		if (data->nval >= T4COLS)
			break;
		if (lr.label[0] != '\0' && header_chars(lr.label) == 0) {
			if (broken_off(g, i))
				*cut = g->row[i].line;
			break;
		}
		if (lr.numbers == 0 && lr.label[0] != '\0')
			continue;	/* a header word among them: 总计 */
		if (lr.numbers == 0)
			break;
		for (k = 0; k < lr.nval && data->nval < LROW_MAXVAL; k++)
			data->val[data->nval++] = lr.val[k];
		data->numbers += lr.numbers;
		data->merged = 1;
		*last = g->row[i].line;
	}
	if (!found)
		data->nval = data->numbers = 0;
	return data->nval > 0 || blank_row(g, data, first);
}

/* A number, its count word and the next number glued (`39个0个`): the
 * numbers of a row whose spaces html2text cut. */
static int
glued_counts(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++)
		if (*p >= '0' && *p <= '9' && p[1] >= 0xe4 && p[1] <= 0xe9 &&
		    p[2] != '\0' && p[3] != '\0' && p[4] >= '0' && p[4] <= '9')
			return 1;
	return 0;
}

/*
 * A row with digits among text cut mid-character (U+FFFD), or numbers
 * glued to each other by their count words: html2text
 * glues an unruled t4's numbers to each other and to its cut titles
 * (`0个 0个 0个 0个 0��`).  The table is there, its numbers unread: 1,
 * and the row's line.
 */
static int
garbled_numbers(const struct grid *g, long *line)
{
	const struct gcell *c;
	const char *p;
	int i, j;

	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++) {
			if (glued_counts(c[j].text)) {
				*line = g->row[i].line;
				return 1;
			}
			if (strstr(c[j].text, "\xef\xbf\xbd") == NULL)
				continue;
			for (p = c[j].text; *p && !(*p >= '0' && *p <= '9');
			    p++)
				;
			if (*p) {
				*line = g->row[i].line;
				return 1;
			}
		}
	}
	return 0;
}

static void
emit(struct tables *t, const struct lrow *data, const struct slots *s,
    int placed, const char *why)
{
	const struct tmpl_row *r;
	int k, missing = 0;

	for (k = 0; k < T4COLS; k++) {
		r = t4_row(k);
		missing += !s->set[k];
		tables_add(t, "t4", r->row, r->cols[k % T4ROWCOLS],
		    data->line, s->set[k] ? s->val[k] : CELL_UNREAD);
	}
	if (why != NULL)
		tables_warn(t, data->line, "t4: %d values, %s: not placed, "
		    "written as %s", data->nval, why, CELL_UNREAD);
	else if (placed == PLACE_NONE)
		tables_warn(t, data->line, "t4: %d values for %d columns, "
		    "not placed, written as %s", data->nval, T4COLS,
		    CELL_UNREAD);
	else if (placed == PLACE_SOME)
		tables_warn(t, data->line, "t4: %d values for %d columns, "
		    "%d cells written as %s", data->nval, T4COLS, missing,
		    CELL_UNREAD);
}

/* The left margin of the table: the leftmost cell above row upto. */
static int
table_margin(const struct grid *g, int upto)
{
	const struct gcell *c;
	int i, j, m = -1;

	for (i = 0; i < upto; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			if (c[j].x0 >= 0 && (m < 0 || c[j].x0 < m))
				m = c[j].x0;
	}
	return m;
}

/* Add k blanks counted without a position to v[*n]; 0 when too many. */
static int
add_counted_blanks(struct vcell *v, int *n, int k)
{
	for (; k > 0; k--) {
		if (*n == T4COLS)
			return 0;
		value_parse("", &v[*n].v);
		v[*n].x0 = v[*n].x1 = GRID_XCOUNTED;
		v[(*n)++].cell = -1;
	}
	return 1;
}

/* Do 15 values, blanks 0, satisfy t4's identities? */
static int
adds_up(const struct vcell *v)
{
	long long n[T4COLS];

	return place_counts(v, T4COLS, n) && place_check_t4(n, T4COLS);
}

/* Are some titles above row upto read from letters stacked one a
 * line?  Such titles are less sure than titles printed whole. */
static int
titles_stacked(const struct grid *g, int upto)
{
	int anchor[T4COLS], n = 0;

	return !g->exact && stack_anchors(g, upto, PLACE_CENTRE, anchor,
	    &n) && n > 0;
}

/* Do 15 placed cells satisfy t4's identities?  Titles read wrong put
 * values under the wrong ones; the identities catch most (used only
 * where the titles are unsure: a report whose numbers do not add up
 * must still be read as printed, for gip-check). */
static int
slots_add_up(const struct slots *s)
{
	struct vcell v[T4COLS];
	int k;

	for (k = 0; k < T4COLS; k++)
		value_parse(s->val[k], &v[k].v);
	return adds_up(v);
}

/*
 * Printed by position, a tall row may put its numbers on two lines (the
 * cells' text vertically centred, some cells one line lower): gathered
 * line by line they are out of column order.  Left to right they are in
 * it: the 15 values so ordered are placed when the three identities
 * (total = the sum of the four) confirm them and the line order does
 * not.  1 if placed.
 */
static int
place_left_to_right(const struct lrow *data, struct slots *s)
{
	struct vcell v[T4COLS], tmp;
	int i, j;

	/* A permutation of a group's four parts keeps its sum: reorder
	 * only a row whose line order does not add up. */
	if (!data->merged || data->nval != T4COLS || adds_up(data->val))
		return 0;
	for (i = 0; i < T4COLS; i++) {
		if (data->val[i].x0 < 0 || data->val[i].v.kind != V_NUMBER)
			return 0;
		v[i] = data->val[i];
	}
	for (i = 1; i < T4COLS; i++)	/* insertion sort: stable */
		for (j = i; j > 0 && v[j].x0 + v[j].x1 <
		    v[j - 1].x0 + v[j - 1].x1; j--)
			tmp = v[j], v[j] = v[j - 1], v[j - 1] = tmp;
	if (!adds_up(v))
		return 0;
	return place_sequence(v, T4COLS, T4COLS, NULL, s) == PLACE_ALL;
}

/*
 * lynx prints a row it cannot align joined: cells one space apart, an
 * empty cell holding a no-break space two spaces more, the row's last
 * empty cells left out (lynxrows.h).  A t4 data row so printed
 * ("2 3   2 7     0   0         0": values one space apart, which the
 * titles, four characters wide, never leave by position) is read by
 * count: (gap - 1) / 2 blanks before a value, (indent past the table's
 * margin) / 2 before the first.  Taken only when it then counts exactly
 * 15 cells and adds up: where some empty cells print nothing (a page
 * mixing <td></td> and &nbsp;) a row falls short, and its trailing blanks
 * cannot be told from the lost ones.  The data row is grid row first;
 * data holds its values, replaced by the 15 cells on success.
 */
static int
joined_counted(const struct grid *g, int first, struct lrow *data)
{
	const struct grow *r = &g->row[first];
	const struct gcell *c = grid_cells(g, r);
	struct vcell v[T4COLS];
	const char *p;
	int margin, j, n = 0, t = 0, gap, joined = 0;

	if (!g->positional || (margin = table_margin(g, first)) < 0)
		return 0;
	for (j = 0; j < r->ncell; j++) {
		if (c[j].x0 < 0)
			return 0;
		gap = j == 0 ? c[0].x0 - margin : c[j].x0 - c[j - 1].x1;
		if (j == 0 ? gap < 0 || gap % 2 != 0 : gap % 2 != 1)
			return 0;
		if (!add_counted_blanks(v, &n, j == 0 ? gap / 2 :
		    (gap - 1) / 2))
			return 0;
		for (p = c[j].text; *p != '\0'; p++) {
			if (p == c[j].text || p[-1] == ' ') {
				if (*p == ' ' || t == data->nval || n == T4COLS ||
				    data->val[t].v.kind != V_NUMBER)
					return 0;
				joined += p != c[j].text;
				v[n++] = data->val[t++];
			}
		}
	}
	if (t != data->nval || n != T4COLS || !joined || !adds_up(v))
		return 0;
	memcpy(data->val, v, sizeof v);
	data->nval = T4COLS;
	return 1;
}

/*
 * Does a cell of g hold a character that only t4's column titles have
 * (结果维持, 结果纠正, 尚未审结)?  A PDF-to-Markdown extractor may flatten
 * the header to 行政复议行政诉讼 over one row of 15 numbers: nothing then
 * says the numbers are in the template's order but their identities.
 */
static int
has_titles(const struct grid *g)
{
	static const char *const chars[] = {"维", "持", "纠", "尚", "审"};
	const struct gcell *c;
	size_t k;
	int i, j;

	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			for (k = 0; k < sizeof chars / sizeof chars[0]; k++)
				if (strstr(c[j].text, chars[k]) != NULL)
					return 1;
	}
	return 0;
}

/*
 * A print's tall row puts its numbers on two or more lines (cells
 * vertically centred, some a line higher: `0` over `1  0件  0件 …`):
 * gathered line by line they are out of column order, and a swap
 * within one group keeps its sum, so the identities do not tell.  On
 * one page of a print left to right is the columns' order: the values
 * are put so, stably (lynx's one cell a line keeps the lines' order).
 */
static void
print_left_to_right(struct lrow *data)
{
	struct vcell tmp;
	int i, j;

	if (!data->merged)
		return;
	for (i = 0; i < data->nval; i++)
		if (data->val[i].x0 < 0)
			return;
	/* a value moves left only past one it stands wholly left of:
	 * values one a line at one place (plain pdftotext, whose text
	 * has form feeds too) keep their order */
	for (i = 1; i < data->nval; i++)	/* insertion sort: stable */
		for (j = i; j > 0 && data->val[j].x1 <= data->val[j - 1].x0;
		    j--) {
			tmp = data->val[j];
			data->val[j] = data->val[j - 1];
			data->val[j - 1] = tmp;
		}
}

/*
 * Does a page of a print begin between a line of column titles (a cell
 * of title letters: 结果维持, 总 / 计) and the data row first?
 * pdftotext sets each page's text columns from that page's words alone.
 */
static int
titles_paged(const struct grid *g, int first, const struct tables *t)
{
	const struct gcell *c;
	int i, j;

	for (i = 0; i < first; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			if (header_chars(c[j].text) > 0 &&
			    tables_page_between(t, g->row[i].line,
			    g->row[first].line))
				return 1;
	}
	return 0;
}

/* The values in order, by the identities: fewer than 15 told blank
 * from 0 (t4order.h). */
static int
by_order(const struct lrow *data, struct slots *s)
{
	if (data->nval < T4COLS)
		return t4_order_place(data->val, data->nval, s);
	return place_sequence(data->val, data->nval, T4COLS, place_check_t4,
	    s);
}

/*
 * A print's values placed under its titles do not add up.  pdftotext
 * -layout sets each line of titles (行政复议's five, a line above or
 * below 行政诉讼's ten: the header's cells span rows) in its own
 * scale, a character a column, so a title stands columns away from
 * the values printed under it (a `2` of 总计 nearer 诉讼's 结果维持).
 * When the values in their order can add up, the titles misled: they
 * are placed by order and identities instead, the cells those do not
 * fix unread.  When no order adds up the report's numbers do not, and
 * the titles' reading stands.
 */
static int
print_by_order(struct tables *t, const struct lrow *data, struct slots *s,
    int placed)
{
	struct slots o;
	int p;

	if (data->nval > T4COLS || (p = by_order(data, &o)) == PLACE_NONE)
		return placed;
	tables_warn(t, data->line, "t4: placed under the titles the values "
	    "do not add up, in their order they can: placed by the "
	    "identities");
	*s = o;
	return p;
}

/*
 * Is a line of titles above row upto packed: five or more of t4's
 * titles, each one space after the one before?  pdftotext -layout sets
 * such a line a character a column from its own words, narrower than
 * the values under it (whose columns it takes from the lines around),
 * so the titles stand left of their values by up to a column and more.
 */
static int
titles_packed(const struct grid *g, int upto)
{
	const struct gcell *c;
	int i, j, run, last;

	for (i = 0; i < upto; i++) {
		c = grid_cells(g, &g->row[i]);
		run = 0;
		last = -1;
		for (j = 0; j < g->row[i].ncell; j++) {
			if (c[j].x0 < 0 || !is_t4_header_word(c[j].text)) {
				run = 0;
				continue;
			}
			run = run > 0 && c[j].x0 - last <= 2 ? run + 1 : 1;
			last = c[j].x1;
			if (run >= 5)
				return 1;
		}
	}
	return 0;
}

/*
 * Is g a print's text as pdftotext -layout set it (form feeds; cells
 * by their text columns, rows that may wrap)?  Not a document's own
 * table (a Word HTML page's page breaks are form feeds too; its cells'
 * places are true) nor a PDF read by its glyphs (exact).
 */
static int
print_laid_out(const struct grid *g, const struct tables *t)
{
	return t->print && g->positional && g->wraps && !g->exact;
}

/* The middle of the gaps between adjacent titles: a column's width. */
static int
median_gap(const int *anchor)
{
	int g[T4COLS - 1], i, j, tmp;

	for (i = 0; i < T4COLS - 1; i++)
		g[i] = anchor[i + 1] - anchor[i];
	for (i = 1; i < T4COLS - 1; i++)	/* insertion sort */
		for (j = i; j > 0 && g[j] < g[j - 1]; j--)
			tmp = g[j], g[j] = g[j - 1], g[j - 1] = tmp;
	return g[(T4COLS - 1) / 2];
}

/*
 * A print's values placed under its titles.  The titles stand only
 * roughly over their columns (print_by_order): a value may be its
 * nearest title's or one within half a column more (a column and a
 * half to the left under a packed line of titles, titles_packed), left
 * to right; the placements that add up decide, and where they differ
 * (a 0 as near 其他结果 as 尚未审结 adds up under either) the cell is
 * unread.
 * Values standing a column or more past the first or last title show
 * a line of titles set narrower than the row (one space apart, in
 * pdftotext's own scale: a `0` of 直接起诉's 总计 stood at 复议后起诉's
 * 结果纠正): they are placed in order, by the identities.  When no
 * placement adds up, in order by the identities (print_by_order).
 * The values must stand left to right, each wholly right of the one
 * before (print_left_to_right), else the titles' reading stands.
 */
static int
print_near(struct tables *t, const struct grid *g, int first,
    const struct lrow *data, const struct titles *at, struct slots *s,
    int placed)
{
	const struct vcell *v = data->val;
	struct slots n;
	int i, p, left, right, gap = median_gap(at->anchor);

	for (i = 1; i < data->nval; i++)
		if (v[i].x0 < 0 || v[i].x0 <= v[i - 1].x1)
			return placed;
	if (v[0].x0 < 0)
		return placed;
	left = right = gap / 2;
	if (titles_packed(g, first))	/* values pushed right of them */
		left = gap * 3 / 2;
	if (place_x(&v[0], at->edge) <= at->anchor[0] - gap ||
	    place_x(&v[data->nval - 1], at->edge) >=
	    at->anchor[T4COLS - 1] + gap) {
		tables_warn(t, data->line, "t4: values stand a column past "
		    "the titles, whose line was set apart: placed by the "
		    "identities");
		return by_order(data, s);
	}
	p = t4_near_place(v, data->nval, at->anchor, at->edge, left, right,
	    &n);
	if (p != PLACE_NONE) {
		*s = n;
		return p;
	}
	if (placed == PLACE_ALL && !slots_add_up(s))
		return print_by_order(t, data, s, placed);
	return placed;
}

int
t4_extract(const struct grid *g, struct tables *t)
{
	static struct lrow data;
	struct slots s;
	struct titles at;
	int first = 0, placed, k, joined, paged;
	long cut, last;
	char why[128];

	why[0] = '\0';
	if (!gather_values(g, &data, &first, &cut, &last)) {
		if (!garbled_numbers(g, &data.line))
			return 0;
		data.nval = 0;
		memset(&s, 0, sizeof s);
		emit(t, &data, &s, PLACE_NONE, "among text cut mid-character "
		    "or glued together");
		return 1;
	}
	if (cut > 0)
		snprintf(why, sizeof why, "then other text (line %ld) with "
		    "more numbers after it: the row is not whole", cut);
	else if (data.nval == T4COLS && !has_titles(g) && !adds_up(data.val))
		snprintf(why, sizeof why, "no column titles, and they do not "
		    "add up in the template's order");
	if (why[0] != '\0') {
		memset(&s, 0, sizeof s);
		placed = PLACE_NONE;
	} else if (data.nval == 0) {		/* a data row of blanks only */
		memset(&s, 0, sizeof s);
		for (k = 0; k < T4COLS; k++)
			s.set[k] = 1;
		placed = PLACE_ALL;
	} else {
		/* a row lynx printed joined is read by count before anything
		 * orders its values by position */
		joined = g->positional && data.nval < T4COLS &&
		    joined_counted(g, first, &data);
		/* a print's page between the titles and the numbers: their
		 * text columns were set apart, and say nothing together */
		paged = g->positional && titles_paged(g, first, t);
		if (paged)
			tables_warn(t, g->row[first].line, "t4: a page begins "
			    "between the column titles and the numbers: "
			    "placed by the identities only");
		if (t->print && g->positional && !tables_page_between(t,
		    g->row[first].line, last))
			print_left_to_right(&data);
		if (!joined && g->positional &&
		    place_left_to_right(&data, &s))
			placed = PLACE_ALL;
		else if (!g->positional || data.nval >= T4COLS || joined ||
		    paged ||
		    !place_under_titles(g, first, &data, &s, &placed, &at) ||
		    (placed == PLACE_ALL && titles_stacked(g, first) &&
		    !slots_add_up(&s)))
			placed = by_order(&data, &s);
		else if (print_laid_out(g, t) && !tables_page_between(t,
		    g->row[first].line, last))
			placed = print_near(t, g, first, &data, &at, &s,
			    placed);
	}
	emit(t, &data, &s, placed, why[0] != '\0' ? why : NULL);
	return 1;
}
