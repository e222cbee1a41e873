/* The grid columns of pandoc's dashed rules (dashcols.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dashcols.h"
#include "t3.h"
#include "tables.h"
#include "tmpl.h"
#include "utf8.h"
#include "value.h"

#define MAXCOLS DASHCOLS_MAX

struct rule {
	int	n;
	int	x0[MAXCOLS], x1[MAXCOLS];	/* display columns, [x0, x1) */
};

static int
char_cols(uint32_t cp)
{
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return 2;
	return cp >= 0x1100 && utf8_is_wide(cp) ? 2 : 1;
}

/* Is s[0, n) a rule of dashes, runs one space apart, two runs or more?
 * Its runs into r. */
static int
dash_rule(const char *s, size_t n, struct rule *r)
{
	size_t i = 0;
	int x;

	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	r->n = 0;
	for (x = (int)i; i < n; ) {
		if (s[i] != '-' || r->n == MAXCOLS)
			return 0;
		r->x0[r->n] = x;
		while (i < n && s[i] == '-')
			i++, x++;
		r->x1[r->n++] = x;
		if (i < n && (s[i] != ' ' || i + 1 >= n || s[i + 1] != '-'))
			return 0;
		i++, x++;
	}
	return r->n >= 2;
}

static int
same_rule(const struct rule *a, const struct rule *b)
{
	return a->n == b->n && memcmp(a->x0, b->x0, a->n * sizeof a->x0[0])
	    == 0 && memcmp(a->x1, b->x1, a->n * sizeof a->x1[0]) == 0;
}

/* The columns of r that line s[0, n) has text in, a bit each; *number:
 * whether it has a digit.  A character belongs to the column it begins
 * in (the gap between two runs to the one on its left). */
static uint32_t
line_columns(const char *s, size_t n, const struct rule *r, int *number)
{
	uint32_t cols = 0, cp;
	size_t i = 0, len;
	int x = 0, k = 0, w;

	*number = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i], len = 1;
		else
			len = utf8_decode(s + i, n - i, &cp);
		w = char_cols(cp);
		if (cp != ' ' && cp != 0x3000 && cp != 0xa0) {
			while (k + 1 < r->n && x >= r->x0[k + 1])
				k++;
			if (x >= r->x0[0])
				cols |= (uint32_t)1 << k;
			*number |= cp >= '0' && cp <= '9';
		}
		i += len;
		x += w;
	}
	return cols;
}

/* The table of rule r whose lines run from `from` to the last line of
 * the same rule before another rule or the end: does its header leave a
 * column untitled?  *end: where its last rule ends; *nlines: how many
 * lines that is past from. */
static int
table_gap(const char *text, size_t len, size_t from, const struct rule *r,
    size_t *end, long *nlines)
{
	const char *p = text + from, *e = text + len, *nl;
	uint32_t titled = 0, cols, all;
	struct rule other;
	int number, headers = 0;
	long n = 0;

	*end = from;
	*nlines = 0;
	for (; p < e; p = nl + 1, n++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (dash_rule(p, (size_t)(nl - p), &other)) {
			if (!same_rule(&other, r))
				break;
			*end = (size_t)(nl - text);
			*nlines = n + 1;
		} else {
			cols = line_columns(p, (size_t)(nl - p), r, &number);
			if (!number && (cols & (cols - 1)) != 0) {
				titled |= cols;
				headers++;
			}
		}
		if (nl == e)
			break;
	}
	all = r->n == 32 ? UINT32_MAX : ((uint32_t)1 << r->n) - 1;
	return headers > 0 && (titled | 1) != all;
}

int
dashcols_column(const struct dashtable *tab, int x)
{
	int k;

	for (k = tab->n - 1; k >= 0 && x < tab->x0[k]; k--)
		;
	return k;
}

int
dashcols_title_gaps(const char *text, size_t len, long first,
    struct dashtable *tab, int max)
{
	const char *p = text, *e = text + len, *nl;
	struct rule r;
	size_t end, from;
	long line = first, more, top;
	int n = 0, seen = 0;

	for (; p < e && n < max; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl < e && dash_rule(p, (size_t)(nl - p), &r)) {
			/* a region that begins below its table's top rule
			 * (at table 2's caption) holds the lines above the
			 * first rule in that table */
			from = seen++ ? (size_t)(nl + 1 - text) : 0;
			top = seen > 1 ? line : first;
			if (table_gap(text, len, from, &r, &end, &more)) {
				tab[n].first = top;
				tab[n].last = top + more - (from == 0);
				tab[n].n = r.n;
				memcpy(tab[n++].x0, r.x0, sizeof r.x0);
			}
			if (from == 0)
				more -= line - first + 1;
			nl = text + end > nl ? text + end : nl;
			line += more;
		}
		if (nl >= e)
			break;
	}
	return n;
}

/* ---- table 3's cells checked against the grid ---------------------- */

#define MAXLINE 4096	/* bytes of one line's cells kept */

/* The text of each grid column of line s[0, n), trimmed, into cell[k]
 * (in buf); returns 0 if the line is too long to keep. */
static int
rule_cells(const char *s, size_t n, const struct rule *r, char *buf,
    const char **cell)
{
	size_t i = 0, len, at = 0;
	uint32_t cp;
	int x = 0, k = 0, j;
	char *start[MAXCOLS];

	for (j = 0; j < r->n; j++)
		start[j] = NULL;
	if (n + (size_t)r->n + 1 > MAXLINE)
		return 0;
	for (; i < n; i += len) {
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i], len = 1;
		else
			len = utf8_decode(s + i, n - i, &cp);
		while (k + 1 < r->n && x >= r->x0[k + 1]) {
			if (start[k] != NULL)
				buf[at++] = '\0';
			k++;
		}
		if (x >= r->x0[0]) {
			if (start[k] == NULL)
				start[k] = buf + at;
			memcpy(buf + at, s + i, len);
			at += len;
		}
		x += char_cols(cp);
	}
	if (start[k] != NULL)
		buf[at++] = '\0';
	for (j = 0; j < r->n; j++) {
		if (start[j] == NULL) {
			cell[j] = "";
			continue;
		}
		while (*start[j] == ' ')
			start[j]++;
		for (len = strlen(start[j]); len > 0 &&
		    start[j][len - 1] == ' '; len--)
			start[j][len - 1] = '\0';
		cell[j] = start[j];
	}
	return 1;
}

/* The line of text[0, len) numbered no (the first is first), or NULL. */
static const char *
line_at(const char *text, size_t len, long first, long no, size_t *n)
{
	const char *p = text, *e = text + len, *nl;
	long at;

	for (at = first; p < e; p = nl + 1, at++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (at == no) {
			*n = (size_t)(nl - p);
			return p;
		}
		if (nl == e)
			break;
	}
	return NULL;
}

/* The grid column each t3 title stands in (tmpl_head_word; 其他 whole:
 * it is in 法人或其他组织 too), from the table's lines without a digit:
 * 1 when all seven are in columns of their own. */
static int
title_columns(const char *text, size_t len, const struct rule *r,
    int *col)
{
	const char *p = text, *e = text + len, *nl, *cell[MAXCOLS], *w;
	char buf[MAXLINE];
	struct rule other;
	int k, j, number, seen = 0;

	for (k = 0; k < T3COLS; k++)
		col[k] = -1;
	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (dash_rule(p, (size_t)(nl - p), &other)) {
			if (!same_rule(&other, r) || seen++ > 0)
				break;	/* the table's end, or its top */
		} else if (line_columns(p, (size_t)(nl - p), r, &number) != 0 &&
		    !number && rule_cells(p, (size_t)(nl - p), r, buf, cell))
			for (k = 0; k < T3COLS; k++)
				for (j = 1; j < r->n && col[k] < 0; j++) {
					w = tmpl_head_word("t3", t3_cols[k]);
					if (w != NULL && (k == 5 ?
					    strcmp(cell[j], w) == 0 :
					    strncmp(cell[j], w, strlen(w)) ==
					    0))
						col[k] = j;
				}
		if (nl == e)
			break;
	}
	for (k = 0; k < T3COLS; k++) {
		if (col[k] < 0)
			return 0;	/* the first title too */
		for (j = 0; j < k; j++)
			if (col[k] == col[j])
				return 0;
	}
	return 1;
}

/* Is cell text a number equal to the canonical value val? */
static int
same_number(const char *text, const char *val)
{
	struct value v;

	value_parse(text, &v);
	return v.kind == V_NUMBER && strcmp(v.num, val) == 0;
}

static int
is_number(const char *text)
{
	struct value v;

	value_parse(text, &v);
	return v.kind == V_NUMBER;
}

/*
 * Does t3's row `row` (its cells from index from on) agree with the grid?
 * Seven numbers on its line, its values in their order; or each value a
 * number in its title's column on its line, each blank no number there,
 * and no number of its lines in another column.
 */
static int
row_agrees(const char *text, size_t len, long first, const struct rule *r,
    const int *col, const struct tables *t, int from, const char *row)
{
	const struct tcell *c, *cc[T3COLS] = {NULL};
	const char *s, *cell[MAXCOLS];
	char buf[MAXLINE];
	size_t n;
	int i, k, j, nnum, same_line = 1, unread = 0;

	for (i = from; i < t->ncell; i++) {
		c = &t->cell[i];
		if (strcmp(c->table, "t3") != 0 || strcmp(c->row, row) != 0)
			continue;
		for (k = 0; k < T3COLS && strcmp(t3_cols[k], c->col) != 0; k++)
			;
		if (k == T3COLS || cc[k] != NULL)
			return 1;	/* nothing this check knows */
		cc[k] = c;
	}
	for (k = 0; k < T3COLS; k++)
		if (cc[k] == NULL)
			return 1;
		else if (cc[k]->line != cc[0]->line)
			same_line = 0;
		else if (strcmp(cc[k]->val, CELL_UNREAD) == 0)
			unread = 1;
	if (same_line && !unread) {
		if ((s = line_at(text, len, first, cc[0]->line, &n)) == NULL ||
		    !rule_cells(s, n, r, buf, cell))
			return 0;
		for (j = 1, nnum = 0; j < r->n; j++)
			if (is_number(cell[j]) && (nnum >= T3COLS ||
			    !same_number(cell[j], cc[nnum++]->val)))
				break;
		if (j == r->n && nnum == T3COLS)
			return 1;
	}
	for (k = 0; k < T3COLS; k++) {
		if ((s = line_at(text, len, first, cc[k]->line, &n)) == NULL ||
		    !rule_cells(s, n, r, buf, cell))
			return 0;
		if (strcmp(cc[k]->val, CELL_UNREAD) == 0)
			;	/* not read: whatever stands there */
		else if (cc[k]->val[0] == '\0' ? is_number(cell[col[k]]) :
		    !same_number(cell[col[k]], cc[k]->val))
			return 0;
		for (j = 1; j < r->n; j++) {
			for (i = 0; i < T3COLS && col[i] != j; i++)
				;
			if (i == T3COLS && is_number(cell[j]))
				return 0;
		}
	}
	return 1;
}

static int
solved_row(const struct tables *t, const char *row)
{
	int i;

	for (i = 0; i < t->nt3solved; i++)
		if (strcmp(t->t3solved[i], row) == 0)
			return 1;
	return 0;
}

/* Rows placed by the table's identities alone (t3solve.c) stand by the
 * rows that gave them: unread when one of those was. */
static void
unread_solved(struct tables *t, int from)
{
	int i, k;

	for (i = from; i < t->ncell; i++) {
		if (strcmp(t->cell[i].table, "t3") != 0 ||
		    !solved_row(t, t->cell[i].row))
			continue;
		for (k = from; k < i && !(strcmp(t->cell[k].table, "t3") ==
		    0 && strcmp(t->cell[k].row, t->cell[i].row) == 0); k++)
			;
		if (k == i)
			tables_warn(t, t->cell[i].line, "t3 row %s: placed by "
			    "the table's identities with rows now unread, "
			    "written as %s", t->cell[i].row, CELL_UNREAD);
		snprintf(t->cell[i].val, sizeof t->cell[i].val, "%s",
		    CELL_UNREAD);
	}
}

int
dashcols_check_t3(const char *text, size_t len, long first,
    struct tables *t, int from)
{
	const char *p = text, *e = text + len, *nl, *row;
	struct rule r;
	int col[T3COLS], i, k, bad = 0;

	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (dash_rule(p, (size_t)(nl - p), &r) && r.n > T3COLS)
			break;
		if (nl == e)
			return 0;
	}
	if (p >= e || !title_columns(text, len, &r, col))
		return 0;
	for (i = from; i < t->ncell; i++) {
		if (strcmp(t->cell[i].table, "t3") != 0)
			continue;
		row = t->cell[i].row;
		for (k = from; k < i && !(strcmp(t->cell[k].table, "t3") == 0 &&
		    strcmp(t->cell[k].row, row) == 0); k++)
			;
		/* (Rows the identities placed may stand elsewhere in a
		 * grid whose spans differ from the titles'.) */
		if (k < i || solved_row(t, row) || row_agrees(text, len,
		    first, &r, col, t, from, row))
			continue;	/* checked already, or agrees */
		tables_warn(t, t->cell[i].line, "t3 row %s: its values are "
		    "not in their titles' columns of the table's grid, "
		    "written as %s", row, CELL_UNREAD);
		for (k = i; k < t->ncell; k++)
			if (strcmp(t->cell[k].table, "t3") == 0 &&
			    strcmp(t->cell[k].row, row) == 0)
				snprintf(t->cell[k].val, sizeof t->cell[k].val,
				    "%s", CELL_UNREAD);
		bad++;
	}
	if (bad > 0)
		unread_solved(t, from);
	return bad;
}
