/*
 * Section 四's table (复议诉讼): one data row of 15 numbers, 行政复议(5),
 * 未经复议直接起诉(5), 复议后起诉(5).  Header texts are unreliable (PDF
 * extraction interleaves vertical headers), so values are placed by
 * position: the 15 cells of the data row, or the 15 header columns.
 */
#include <string.h>

#include "lrow.h"
#include "place.h"
#include "tables.h"
#include "tmpl.h"

#define T4ROWS 3
#define T4ROWCOLS 5
#define T4COLS (T4ROWS * T4ROWCOLS)

/* The k-th of the 15 values: its row of the template table. */
static const struct tmpl_row *
t4_row(int k)
{
	size_t i;
	int n = 0;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, "t4") == 0 &&
		    n++ == k / T4ROWCOLS)
			return &tmpl_rows[i];
	return NULL;
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
		for (i = 0; i < sizeof chars / sizeof chars[0]; i++)
			if (strncmp(s, chars[i], 3) == 0)
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
static int
run_anchors(const struct gcell *c, int *anchor, int *n)
{
	const char *s = c->text;
	int nc = header_chars(s), at = 0, len;

	while (*s) {
		len = s[3] != '\0' && header_word(s) ? 2 : 1;
		if (!add_anchor(anchor, n, c->x0 + (c->x1 - c->x0) *
		    (2 * at + len) / (2 * nc)))
			return 0;
		at += len;
		s += 3 * len;
	}
	return 1;
}

/*
 * Centres (edge PLACE_CENTRE; else left or right edges) of the header
 * words above the data, one per column when the words of a vertical
 * header (结果 / 维持) are merged by position.
 */
static int
anchors_at(const struct grid *g, int upto, int edge, int *anchor)
{
	struct gcell *c;
	int i, j, n = 0;

	for (i = 0; i < upto; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++) {
			if (g->exact && j + 1 < g->row[i].ncell &&
			    stacked_pair(&c[j], &c[j + 1])) {
				if (!add_anchor(anchor, &n, (c[j].x0 +
				    c[j + 1].x1) / 2))
					return 0;
				j++;
				continue;
			}
			if (g->exact && header_chars(c[j].text) > 0 &&
			    !is_t4_header_word(c[j].text)) {
				if (!run_anchors(&c[j], anchor, &n))
					return 0;
				continue;
			}
			if (!is_t4_header_word(c[j].text))
				continue;
			if (!add_anchor(anchor, &n, place_x(&(struct vcell){
			    .x0 = c[j].x0, .x1 = c[j].x1}, edge)))
				return 0;
		}
	}
	return n == T4COLS;
}

static int
anchors_from_header(const struct grid *g, int upto, int *anchor)
{
	return anchors_at(g, upto, PLACE_CENTRE, anchor);
}

/*
 * Place the values of a table printed by position under the header
 * words: at their centres, or at their left or right edges when that
 * places them all and more values stand exactly (within one column)
 * there.  Left-aligned values under titles of unequal width are as near
 * the centre of the title before as of their own.  -2 without the
 * header's centres, else PLACE_ALL, PLACE_SOME or PLACE_NONE.
 */
static int
place_under_header(const struct grid *g, int upto, const struct lrow *data,
    struct slots *s)
{
	struct slots try;
	int e, k, d, hit, best = -1, placed = -2, p, at[T4COLS];

	for (e = PLACE_CENTRE; e <= PLACE_LEFT; e++) {
		if (!anchors_at(g, upto, e, at)) {
			if (e == PLACE_CENTRE)
				return -2;
			continue;
		}
		if (e != PLACE_CENTRE && g->exact)
			break;
		p = place_by_anchor(data->val, data->nval, at, T4COLS, e,
		    &try);
		for (hit = k = 0; p != PLACE_NONE && k < data->nval; k++) {
			place_nearest(at, T4COLS, place_x(&data->val[k], e),
			    &d);
			hit += d <= 1;
		}
		if (placed == -2 || (p != PLACE_NONE && hit > best)) {
			best = p != PLACE_NONE ? hit : -1;
			placed = p;
			*s = try;
		}
	}
	return placed;
}

/*
 * With explicit cells, a row of exactly 15 cells and no label after the
 * header is the data row even when every cell is blank.  Printed by
 * position, a blank row is only spaces: when the whole header with its
 * 15 columns is there and no number follows it, every cell is blank.
 */
static int
blank_row(const struct grid *g, struct lrow *data, int *first)
{
	int anchor[T4COLS], i;

	if (g->positional) {
		data->nval = 0;
		if (g->nrow == 0 || !anchors_from_header(g, g->nrow, anchor))
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

/* Gather the data values: the first row with numbers and, when it holds
 * fewer than 15, the number-only rows straight after it, past header
 * words printed among them (plain pdftotext: … 0 0 0 / 总计 / 0). */
static int
gather_values(const struct grid *g, struct lrow *data, int *first)
{
	static struct lrow lr;
	int i, k;

	data->nval = data->numbers = 0;
	for (i = 0; i < g->nrow; i++) {
		lrow_split(g, &g->row[i], &lr);
		if (data->nval == 0) {
			if (lr.numbers == 0 || lr.label[0] != '\0')
				continue;
			*data = lr;
			*first = i;
			continue;
		}
		if (data->nval >= T4COLS || (lr.label[0] != '\0' &&
		    !is_t4_header_word(lr.label)))
			break;
		if (lr.numbers == 0 && lr.label[0] != '\0')
			continue;	/* a header word among them: 总计 */
		if (lr.numbers == 0)
			break;
		for (k = 0; k < lr.nval && data->nval < LROW_MAXVAL; k++)
			data->val[data->nval++] = lr.val[k];
		data->numbers += lr.numbers;
	}
	return data->nval > 0 || blank_row(g, data, first);
}

static void
emit(struct tables *t, const struct lrow *data, const struct slots *s,
    int placed)
{
	const struct tmpl_row *r;
	int k, missing = 0;

	for (k = 0; k < T4COLS; k++) {
		r = t4_row(k);
		missing += !s->set[k];
		tables_add(t, "t4", r->row, r->cols[k % T4ROWCOLS],
		    data->line, s->set[k] ? s->val[k] : CELL_UNREAD);
	}
	if (placed == PLACE_NONE)
		tables_warn(t, data->line, "t4: %d values for %d columns, "
		    "not placed, written as %s", data->nval, T4COLS,
		    CELL_UNREAD);
	else if (placed == PLACE_SOME)
		tables_warn(t, data->line, "t4: %d values for %d columns, "
		    "%d cells written as %s", data->nval, T4COLS, missing,
		    CELL_UNREAD);
}

int
t4_extract(const struct grid *g, struct tables *t)
{
	static struct lrow data;
	struct slots s;
	int first = 0, placed, k;

	if (!gather_values(g, &data, &first))
		return 0;
	if (data.nval == 0) {		/* a data row of blanks only */
		memset(&s, 0, sizeof s);
		for (k = 0; k < T4COLS; k++)
			s.set[k] = 1;
		placed = PLACE_ALL;
	} else if (!g->positional || data.nval >= T4COLS ||
	    (placed = place_under_header(g, first, &data, &s)) == -2)
		placed = place_sequence(data.val, data.nval, T4COLS,
		    place_check_t4, &s);
	emit(t, &data, &s, placed);
	return 1;
}
