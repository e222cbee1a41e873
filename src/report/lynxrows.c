/* How lynx prints tables it cannot align (lynxrows.h). */
#include <string.h>

#include "lines.h"
#include "lynxrows.h"
#include "text.h"
#include "value.h"

/* Does a line's text start with a number ("19件", "-3")? */
int
lynx_starts_number(const char *s, size_t n)
{
	const char *p = text_skip_space(s, s + n), *e = s + n;

	if (p < e && *p == '-')
		p++;
	return p < e && *p >= '0' && *p <= '9';
}

/* Does a line hold two or more cells (runs two spaces apart)? */
static int
several_cells(const char *s, size_t n)
{
	const char *p = text_skip_space(s, s + n), *e = s + n;

	for (; p + 1 < e; p++)
		if (p[0] == ' ' && p[1] == ' ' && text_skip_space(p, e) != e)
			return 1;
	return 0;
}

/*
 * lynx prints a Word table (its cells hold <p> paragraphs) one cell per
 * paragraph: every cell's text after a blank line, an empty cell as a
 * blank line alone, so the blank lines count the empty cells between two
 * printed ones.  Such text: nearly every text line comes after a blank
 * line, numbers stand alone on their lines, some gap is wider than one
 * blank line.  pdftotext -layout prints a row's cells on one line and
 * blank lines for height only; it fails the second test.
 */
int
lynx_cell_paragraphs(const char *text, size_t len)
{
	size_t pos = 0;
	struct line ln = {0};
	int blanks = 1, lines = 0, after = 0, numbers = 0, joined = 0;
	int wide = 0;

	while (lines_next(text, len, &pos, &ln)) {
		if (text_is_blank(ln.s, ln.n)) {
			blanks++;
			continue;
		}
		lines++;
		after += blanks > 0;
		wide += blanks > 1 && lines > 1;
		if (lynx_starts_number(ln.s, ln.n)) {
			numbers++;
			joined += several_cells(ln.s, ln.n);
		} else if (several_cells(ln.s, ln.n)) {
			joined++;
		}
		blanks = 0;
	}
	return numbers >= 2 && wide > 0 && after * 10 >= lines * 9 &&
	    joined * 20 <= lines;
}

/* n empty cells counted by blank paragraphs, to the grid's last row. */
void
lynx_counted_blanks(struct grid *g, int n)
{
	for (; n > 0; n--)
		grid_add_cell(g, "", 0, GRID_XCOUNTED, GRID_XCOUNTED);
}

/*
 * Is s[0..n) one number ("19", "1,234", "19件")?  A row's item marker
 * starts with a digit too but is no number: "（四）无法提供 1．本机关不"
 * ends in the label of its row's first item, wrapped.
 */
static int
is_num_token(const char *s, size_t n)
{
	char buf[VALUE_MAX];
	struct value v;

	if (n == 0 || n >= sizeof buf || !lynx_starts_number(s, n) ||
	    memchr(s, ' ', n) != NULL)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	value_parse(buf, &v);
	return v.kind == V_NUMBER;
}

/*
 * The numbers that end a line after its label text, each with the ASCII
 * spaces before it: "一、本年新收政府信息公开申请数量 9           9".
 * Returns how many (0 if no label text precedes them on the line).
 */
int
lynx_line_tail(const char *s, size_t n, struct tail *t)
{
	size_t e = n, b, sp;
	int k;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	t->n = 0;
	while (e > 0 && t->n < MAXTAIL) {
		for (b = e; b > 0 && s[b - 1] != ' '; b--)
			;
		if (!is_num_token(s + b, e - b))
			break;
		for (sp = b; sp > 0 && s[sp - 1] == ' '; sp--)
			;
		t->s[t->n] = b;
		t->e[t->n] = e;
		t->gap[t->n++] = (int)(b - sp);
		e = sp;
	}
	if (t->n == 0 || e == 0 || text_skip_space(s, s + e) == s + e)
		return 0;
	for (k = 0; k < t->n / 2; k++) {	/* left to right */
		b = t->s[k], t->s[k] = t->s[t->n - 1 - k], t->s[t->n - 1 - k] = b;
		b = t->e[k], t->e[k] = t->e[t->n - 1 - k], t->e[t->n - 1 - k] = b;
		sp = t->gap[k], t->gap[k] = t->gap[t->n - 1 - k],
		    t->gap[t->n - 1 - k] = (int)sp;
	}
	return t->n;
}

/*
 * lynx prints a table it cannot align one row per line, its cells one
 * space apart, and an empty cell holding a no-break space as a space of
 * its own: k empty cells between two printed ones leave 1 + 2k spaces
 * ("数量 9           9" is 9, five empty cells, 9).  Such text: three or
 * more lines whose label and first number are one space apart, some gap
 * wider, and no gap of an even width (aligned columns have gaps of any
 * width).
 */
int
lynx_joined_rows(const char *text, size_t len)
{
	size_t pos = 0;
	struct line ln = {0};
	struct tail t;
	int joined = 0, wide = 0, k;

	while (lines_next(text, len, &pos, &ln)) {
		if (lynx_line_tail(ln.s, ln.n, &t) == 0)
			continue;
		joined += t.gap[0] == 1;
		for (k = 0; k < t.n; k++) {
			if (t.gap[k] % 2 == 0)
				return 0;
			wide += t.gap[k] > 1;
		}
	}
	return joined >= 3 && wide > 0;
}

/*
 * The tail of a joined row (lynx_joined_rows): its numbers as cells counted
 * without a position, (gap - 1) / 2 empty cells before each.
 */
void
lynx_joined_tail(struct grid *g, const char *s, const struct tail *t)
{
	int k;

	for (k = 0; k < t->n; k++) {
		lynx_counted_blanks(g, (t->gap[k] - 1) / 2);
		grid_add_cell(g, s + t->s[k], t->e[k] - t->s[k],
		    GRID_XCOUNTED, GRID_XCOUNTED);
	}
}
