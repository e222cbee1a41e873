/*
 * A print's t3 value wrapped around its row's line (t3.h): Chromium
 * centres a cell's text in a tall row, so `925件` too wide for its
 * column prints `925` on the line above the row's values and `件` on
 * the line below, at the same place.  pdftotext -layout gives the number
 * to the line above (the header's last line, or the row above's), where
 * it is read as a row printed a line low and its rows are unread.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "t3.h"
#include "utf8.h"

#define NUM_MAX	12	/* digits of a count at most */

/* Is the cell's text digits only? */
static int
bare_number(const struct gcell *c)
{
	size_t n = strspn(c->text, "0123456789");

	return n > 0 && n <= NUM_MAX && c->text[n] == '\0';
}

/* Is the cell's text one character, not a digit (a unit: 件, 个, 项)? */
static int
lone_unit(const struct gcell *c)
{
	size_t len = strlen(c->text);
	uint32_t cp;

	return len > 1 && len <= 4 && (unsigned char)c->text[0] >= 0x80 &&
	    utf8_decode(c->text, len, &cp) == len && utf8_is_cjk(cp);
}

/* Is the cell a count followed by the unit u (`913件`)? */
static int
count_in(const struct gcell *c, const char *u)
{
	size_t n = strspn(c->text, "0123456789");

	return n > 0 && strcmp(c->text + n, u) == 0;
}

/* Do a number and the unit below it stand in one place: sharing a left
 * edge, right edge or centre within a character (two columns)? */
static int
one_place(const struct gcell *a, const struct gcell *b)
{
	return abs(a->x0 - b->x0) <= 2 || abs(a->x1 - b->x1) <= 2 ||
	    abs(a->x0 + a->x1 - b->x0 - b->x1) <= 4;
}

/* Does row r leave [x0, x1) free, two characters (four columns) either
 * side?  Lines with labels and lines without stand apart by a column or
 * two where the width model is not the converter's: a number that close
 * to a value of the row may stand in its column. */
static int
free_at(const struct grid *g, const struct grow *r, int x0, int x1)
{
	const struct gcell *c = grid_cells(g, r);
	int j;

	for (j = 0; j < r->ncell; j++)
		if (c[j].x0 < x1 + 4 && c[j].x1 > x0 - 4)
			return 0;
	return 1;
}

/* How many cells of row r, from the left, hold no digit (its labels). */
static int
label_cells(const struct grid *g, const struct grow *r)
{
	const struct gcell *c = grid_cells(g, r);
	int j;

	for (j = 0; j < r->ncell && strpbrk(c[j].text, "0123456789") == NULL;
	    j++)
		;
	return j;
}

/*
 * Rows i, i + 1, i + 2 on consecutive lines: i holds numbers only after
 * its labels (a group's label, `三、本年度办理结`, may share the line),
 * i + 2 as many lone units, each under its number; row i + 1 has a count
 * with that unit of its own (the table prints units: the value is one
 * cell, `925件`) and nothing where the numbers stand.  Then each number
 * with its unit is row i + 1's.
 */
static int
wrapped_around(const struct grid *g, int i)
{
	const struct grow *a, *b, *u;
	const struct gcell *ca, *cb, *cu;
	int j, k, own, lab;

	if (i + 2 >= g->nrow)
		return 0;
	a = &g->row[i], b = &g->row[i + 1], u = &g->row[i + 2];
	lab = label_cells(g, a);
	if (b->line != a->line + 1 || u->line != b->line + 1 ||
	    a->ncell == lab || a->ncell - lab != u->ncell || b->ncell == 0)
		return 0;
	ca = grid_cells(g, a) + lab, cb = grid_cells(g, b);
	cu = grid_cells(g, u);
	for (j = 0; j < u->ncell; j++) {
		if (ca[j].x0 < 0 || cu[j].x0 < 0 || !bare_number(&ca[j]) ||
		    !lone_unit(&cu[j]) || !one_place(&ca[j], &cu[j]) ||
		    !free_at(g, b, ca[j].x0, ca[j].x1))
			return 0;
		for (own = 0, k = 0; k < b->ncell && !own; k++)
			own = count_in(&cb[k], cu[j].text);
		if (!own)
			return 0;
	}
	return 1;
}

/* Cells [from, to) of row r into a new row of out. */
static void
copy_cells(const struct grid *g, int r, int from, int to, struct grid *out)
{
	const struct gcell *c = grid_cells(g, &g->row[r]);
	int j;

	grid_new_row(out, g->row[r].line)->marker = g->row[r].marker;
	for (j = from; j < to; j++)
		grid_add_cell(out, c[j].text, strlen(c[j].text), c[j].x0,
		    c[j].x1);
}

/* Row i + 1's cells into out, with row i's numbers and row i + 2's units
 * joined in at their places, left to right (wrapped_around holds). */
static void
join_row(const struct grid *g, int i, struct grid *out)
{
	const struct grow *b = &g->row[i + 1];
	const struct gcell *c = grid_cells(g, b), *a, *u;
	char text[NUM_MAX + 8];
	int j = 0, k = 0, na;
	size_t n;

	a = grid_cells(g, &g->row[i]) + label_cells(g, &g->row[i]);
	u = grid_cells(g, &g->row[i + 2]);
	na = g->row[i + 2].ncell;
	grid_new_row(out, b->line)->marker = b->marker;
	while (j < b->ncell || k < na) {
		if (k < na && (j == b->ncell || a[k].x0 < c[j].x0)) {
			n = strlen(a[k].text);
			memcpy(text, a[k].text, n);
			memcpy(text + n, u[k].text, strlen(u[k].text) + 1);
			grid_add_cell(out, text, strlen(text), a[k].x0,
			    a[k].x1);
			k++;
		} else {
			grid_add_cell(out, c[j].text, strlen(c[j].text),
			    c[j].x0, c[j].x1);
			j++;
		}
	}
}

int
t3_join_wrapped_units(const struct grid *g, struct grid *out, long *line,
    int max)
{
	int i, joined = 0;

	for (i = 0; i + 2 < g->nrow && !joined; i++)
		joined = wrapped_around(g, i);
	if (!joined)
		return 0;
	grid_reset(out);
	out->positional = g->positional;
	out->wraps = g->wraps;
	out->exact = g->exact;
	joined = 0;
	for (i = 0; i < g->nrow; i++) {
		if (wrapped_around(g, i)) {
			/* The numbers' row keeps its labels; the units'
			 * row goes. */
			if (label_cells(g, &g->row[i]) > 0)
				copy_cells(g, i, 0, label_cells(g,
				    &g->row[i]), out);
			join_row(g, i, out);
			if (joined < max)
				line[joined++] = g->row[i + 1].line;
			i += 2;
		} else
			copy_cells(g, i, 0, g->row[i].ncell, out);
	}
	return joined;
}
