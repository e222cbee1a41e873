/* Rows a reader lost (unseen.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lines.h"
#include "tmpl.h"
#include "unseen.h"
#include "value.h"

#define T3 "t3"

static int
is_number(const char *text)
{
	struct value v;

	value_parse(text, &v);
	return v.kind == V_NUMBER;
}

/* Is a table name "t3"?  Compared inline: rows_missing asks it of every
 * template row for every report (300 strcmp calls a report). */
static inline int
is_t3_name(const char *table)
{
	return table[0] == 't' && table[1] == '3' && table[2] == '\0';
}

/* strcmp(a, b) == 0 for row keys ("3.6.1"): a few bytes, no call. */
static inline int
same_key(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

static int
is_t3(const struct tcell *c)
{
	return is_t3_name(c->table);
}

/* "3.6" and "3.6.1": one stands for the other in the other template. */
static int
stands_for(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na < nb)
		return strncmp(a, b, na) == 0 && b[na] == '.';
	return nb < na && strncmp(a, b, nb) == 0 && a[nb] == '.';
}

/*
 * 1 if the row keys t3 noted include row.  *from: where to look first,
 * past the key found last: t3 notes its rows in reading order, which is
 * mostly the template's, the order rows_missing asks in (was a search
 * from the top, 30 keys for each of 30 rows).
 */
static int
key_found(const struct tables *t, const char *row, int *from)
{
	int i, k;

	for (k = 0, i = *from; k < t->nt3key; k++, i++) {
		if (i >= t->nt3key)
			i = 0;
		if (same_key(t->t3key[i], row)) {
			*from = i + 1;
			return 1;
		}
	}
	return 0;
}

/* 1 if row, or a row of the other template in its place, was noted. */
static int
noted(const struct tables *t, const char *row, int *from)
{
	size_t j;

	if (key_found(t, row, from))
		return 1;
	for (j = 0; j < tmpl_nrows; j++)
		if (is_t3_name(tmpl_rows[j].table) &&
		    stands_for(tmpl_rows[j].row, row) &&
		    key_found(t, tmpl_rows[j].row, from))
			return 1;
	return 0;
}

/* 1 if some t3 row of template tpl was not noted: a table read whole,
 * the common case, costs no more than this. */
static int
rows_missing(const struct tables *t)
{
	size_t i;
	int from = 0;

	for (i = 0; i < tmpl_nrows; i++)
		if (is_t3_name(tmpl_rows[i].table) &&
		    (tmpl_rows[i].templates & t->tpl) &&
		    !noted(t, tmpl_rows[i].row, &from))
			return 1;
	return 0;
}

/* The template position of a t3 row; -1 if unknown. */
static int
row_order(const char *row)
{
	size_t i;

	for (i = 0; i < tmpl_nrows; i++)
		if (tmpl_rows[i].row == row || (is_t3_name(tmpl_rows[i].table)
		    && same_key(tmpl_rows[i].row, row)))
			return (int)i;
	return -1;
}

/* A token of a table's text that prints a number: not a row marker
 * ("1." before a label spread over its cell). */
static int
number_token(const char *p, size_t n)
{
	char tok[64];

	if (n == 0 || n >= sizeof tok || p[0] < '0' || p[0] > '9' ||
	    p[n - 1] == '.')
		return 0;
	memcpy(tok, p, n);
	tok[n] = '\0';
	return is_number(tok);
}

static int
is_gap(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '|';
}

/* The number tokens of the line ln: page furniture prints none. */
static int
numbers_in(const struct line *ln)
{
	const char *p = ln->s, *end = ln->s + ln->n, *q;
	int n = 0;

	while (p < end) {
		if (is_gap(*p)) {
			p++;
			continue;
		}
		for (q = p; q < end && !is_gap(*q); q++)
			;
		n += number_token(p, q - p);
		p = q;
	}
	return n;
}

/*
 * The numbers region r of text prints on lines [from, to); *last: the
 * region's last line.  A page's footer ("- 4 -", "第4页", a bare 4
 * before the form feed) is no lost row's number: a page break between
 * two rows found would otherwise claim the row left out there as unread.
 */
static int
numbers_on(const char *text, const struct region *r, long from, long to,
    long *last)
{
	struct line ln;
	size_t pos = r->from;
	int n = 0;

	ln.no = r->line - 1;
	while (pos < r->to && lines_next(text, r->to, &pos, &ln))
		if (ln.no >= from && ln.no < to &&
		    !lines_is_footer(text, r->to, pos, &ln))
			n += numbers_in(&ln);
	/* a line end last begins one more line, as the reader counts */
	*last = pos > r->from && text[pos - 1] == '\n' ? ln.no + 1 :
	    ln.no < r->line ? r->line : ln.no;
	return n;
}

/* Add row r's cells as unread at its place in template order: before
 * the first t3 cell of a later row, else after t3's last cell. */
static void
add_unread_row(struct tables *t, const struct tmpl_row *r, long line)
{
	int i, at = -1, n, k, order = (int)(r - tmpl_rows);
	struct tcell c;

	for (i = 0; i < t->ncell; i++) {
		if (!is_t3(&t->cell[i]))
			continue;
		if (row_order(t->cell[i].row) > order) {
			at = i;
			break;
		}
		at = i + 1;
	}
	if (at < 0)
		at = t->ncell;
	for (n = 0; r->cols[n] != NULL; n++)
		tables_add(t, T3, r->row, r->cols[n], line, CELL_UNREAD);
	for (k = 0; k < n; k++) {	/* rotate the new cells into place */
		c = t->cell[t->ncell - n + k];
		memmove(&t->cell[at + k + 1], &t->cell[at + k],
		    (size_t)(t->ncell - n - at) * sizeof c);
		t->cell[at + k] = c;
	}
}

/* What unseen_fill knows of t3's cells and the template's t3 rows, found
 * once: the fill compares every missing row with every cell. */
#define VIEW_ROWS 128	/* > tmpl_nrows, all tables' rows */

struct view {
	char	*number;	/* 1: the cell holds a number */
	int	 present[VIEW_ROWS];	/* by template position */
	long	 line[VIEW_ROWS];	/* a present row's first line */
};

static void
view_make(const struct tables *t, struct view *w)
{
	int i, o;
	size_t k;

	w->number = gip_xmalloc((size_t)t->ncell + 1);
	memset(w->present, 0, sizeof w->present);
	memset(w->line, 0, sizeof w->line);
	for (i = 0; i < t->ncell; i++) {
		w->number[i] = is_t3(&t->cell[i]) &&
		    is_number(t->cell[i].val);
		o = is_t3(&t->cell[i]) ? row_order(t->cell[i].row) : -1;
		if (o < 0 || o >= VIEW_ROWS)
			continue;
		w->present[o] = 1;
		if (t->cell[i].line > 0 && (w->line[o] == 0 ||
		    t->cell[i].line < w->line[o]))
			w->line[o] = t->cell[i].line;
	}
	/* a row of the other template stands in for its kin (3.6) */
	for (o = 0; o < VIEW_ROWS && (size_t)o < tmpl_nrows; o++)
		for (k = 0; w->present[o] == 1 && k < tmpl_nrows &&
		    k < VIEW_ROWS; k++)
			if (is_t3_name(tmpl_rows[k].table) &&
			    stands_for(tmpl_rows[k].row, tmpl_rows[o].row))
				w->present[k] = 2;	/* by proxy */
}

/*
 * The place of the missing row at template position k: from the first
 * line of the nearest row found before it to the first line of the
 * nearest one after it (the region's ends where there is none), and
 * the numbers read into cells there.  0 if the rows found are out of
 * line order there.
 */
static int
row_place(const struct tables *t, const struct view *w, size_t k,
    const struct region *r, long last, long *from, long *to, int *read)
{
	size_t j;
	int i;

	*from = r->line, *to = last + 1, *read = 0;
	for (j = k; j-- > 0; )
		if (w->line[j] > 0) {
			*from = w->line[j];
			break;
		}
	for (j = k + 1; j < tmpl_nrows; j++)
		if (w->line[j] > 0) {
			*to = w->line[j];
			break;
		}
	for (i = 0; i < t->ncell; i++)
		*read += w->number[i] && t->cell[i].line >= *from &&
		    t->cell[i].line < *to;
	return *from < *to;
}

/* Is the row at template position k one t->tpl requires and t lacks? */
static int
lacks(const struct tables *t, const struct view *w, size_t k)
{
	const struct tmpl_row *row = &tmpl_rows[k];

	return is_t3_name(row->table) && (row->templates & t->tpl) &&
	    !w->present[k];
}

/*
 * Each lost row printed a number at least (a row of blanks prints none,
 * and is not found this way): rows that share a place are written only
 * when their place has a number over for each, else a cut-off table would
 * have every row after the cut claimed.
 */
void
unseen_fill(struct tables *t, const char *text, const struct region *r)
{
	struct view w;
	long from[VIEW_ROWS], to[VIEW_ROWS], last;
	int read[VIEW_ROWS], ok[VIEW_ROWS], over, nlost;
	size_t i, j, n = tmpl_nrows < VIEW_ROWS ? tmpl_nrows : VIEW_ROWS;

	if (r->to <= r->from || !rows_missing(t))
		return;
	numbers_on(text, r, 0, 0, &last);
	view_make(t, &w);
	for (i = 0; i < n; i++)
		ok[i] = lacks(t, &w, i) &&
		    row_place(t, &w, i, r, last, &from[i], &to[i], &read[i]);
	for (i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		over = numbers_on(text, r, from[i], to[i], &last) - read[i];
		for (j = 0, nlost = 0; j < n; j++)
			nlost += ok[j] && from[j] == from[i] &&
			    to[j] == to[i];
		if (over < nlost)
			continue;
		add_unread_row(t, &tmpl_rows[i], from[i]);
		tables_warn(t, from[i], "t3 row %s: not found, and its place "
		    "(lines %ld-%ld) prints %d number%s more than the rows "
		    "read there: written as ?", tmpl_rows[i].row, from[i],
		    to[i] - 1, over, over == 1 ? "" : "s");
	}
	free(w.number);
}
