/*
 * Section 三's table (依申请): 23 or 25 data rows of 7 columns.  Rows are
 * told by their labels' key words, never by position, so wrapped, spaced,
 * re-indented or repeated (page break) labels all land on the right row.
 */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "lrow.h"
#include "place.h"
#include "tables.h"
#include "tmpl.h"
#include "t3.h"
#include "torn.h"

static void
emit_row(struct tables *t, const char *row, long line, int nval,
    const struct slots *s, int placed)
{
	int k, missing = 0;

	for (k = 0; k < T3COLS; k++) {
		missing += !s->set[k];
		tables_add(t, "t3", row, t3_cols[k], line,
		    s->set[k] ? s->val[k] : CELL_UNREAD);
	}
	if (placed == PLACE_ALL || placed == PLACE_DOUBTED)
		return;
	if (placed == PLACE_NONE)
		tables_warn(t, line, "t3 row %s: %d values for %d columns, "
		    "not placed, written as %s", row, nval, T3COLS,
		    CELL_UNREAD);
	else
		tables_warn(t, line, "t3 row %s: %d values for %d columns, "
		    "%d cells written as %s", row, nval, T3COLS, missing,
		    CELL_UNREAD);
}

static int
torn_used(const struct torn *torn, int ntorn, int row)
{
	int i;

	for (i = 0; i < ntorn; i++)
		if (torn[i].from == row)
			return 1;
	return 0;
}

/* Do seven values satisfy a row's identity, total = the sum of the
 * parts (a blank is 0)? */
static int
row_adds_up(const struct vcell *v)
{
	long long n[T3COLS];

	return place_counts(v, T3COLS, n) && place_check_total(n, T3COLS);
}

/* Do seven values with positions stand left to right? */
static int
seven_in_x_order(const struct vcell *v)
{
	int k;

	for (k = 1; k < T3COLS; k++)
		if (v[k].x0 >= 0 && v[k - 1].x0 >= 0 && v[k].x0 < v[k - 1].x0)
			return 0;
	return 1;
}

/*
 * Seven numbers printed apart from their label that do not stand left
 * to right: a tall row's (t3tall.c), the row above's label having taken
 * them with its own; read as a tall row, else unread.
 */
static int
place_torn_tall(struct tables *t, const char *row, long line,
    const struct vcell *v, struct slots *s)
{
	static struct lrow lr;	/* large: not on the stack */

	memset(&lr, 0, sizeof lr);
	memcpy(lr.val, v, T3COLS * sizeof *v);
	lr.nval = lr.numbers = T3COLS;
	lr.merged = 1;
	if (t3_tall_row(&lr, 0))
		return t3_place_tall(&lr, 0, s, NULL);
	tables_warn(t, line, "t3 row %s: numbers printed apart from its "
	    "label, not left to right, not placed", row);
	memset(s, 0, sizeof *s);
	s->n = T3COLS;
	return PLACE_NONE;
}

/*
 * Rows printed apart from their labels (torn.h), placed by the template's
 * order: each is taken only when its own identity (total = the sum of the
 * parts) confirms that these seven numbers are one row; else its cells
 * are unread.  Their labels, printed without numbers, are no rows then.
 */
static int
place_torn(struct tables *t, struct lrow *rows, const char **key, int n)
{
	struct torn torn[TORN_MAX];
	const struct vcell *v;
	struct slots s;
	int ntorn, i, j, placed;

	ntorn = torn_place("t3", rows, key, n, T3COLS, torn);
	for (i = 0; i < ntorn; i++) {
		for (j = 0; j < n; j++)
			if (key[j] && strcmp(key[j], torn[i].row) == 0 &&
			    rows[j].numbers == 0)
				key[j] = NULL;
		v = rows[torn[i].from].val + torn[i].at;
		if (!seven_in_x_order(v))
			placed = place_torn_tall(t, torn[i].row,
			    rows[torn[i].from].line, v, &s);
		else if (!row_adds_up(v)) {
			tables_warn(t, rows[torn[i].from].line, "t3 row %s: "
			    "numbers printed apart from its label do not add "
			    "up, not placed", torn[i].row);
			placed = PLACE_NONE;
			memset(&s, 0, sizeof s);
		} else
			placed = place_sequence(v, T3COLS, T3COLS, NULL, &s);
		emit_row(t, torn[i].row, rows[torn[i].from].line, T3COLS, &s,
		    placed);
		if (t->nt3key < T3MAXKEYS)
			t->t3key[t->nt3key++] = torn[i].row;
	}
	/* Say so where nothing placed a row's worth of values (one number
	 * is a page number, 5 or 15 the t4 row of a report whose section
	 * 四 went unnoticed). */
	for (i = 0; i < n; i++)
		if (!key[i] && rows[i].label[0] == '\0' &&
		    rows[i].nval == T3COLS && rows[i].numbers > 1 &&
		    !torn_used(torn, ntorn, i))
			tables_warn(t, rows[i].line, "t3: %d numbers without a "
			    "row label, not placed", rows[i].numbers);
	for (i = 0; i < ntorn; i++)
		if (torn[i].at > 0)	/* the row keeps its own numbers */
			rows[torn[i].from].nval = rows[torn[i].from].numbers =
			    T3COLS;
	return ntorn;
}

/* strcmp(a, b) == 0 inline: keys are a few bytes ("3.1"). */
int
t3_same_key(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return *a == *b;
}

/*
 * Was row `row` found before row i?  A first sighting without values (a
 * line of prose, a label printed apart) gives way to one with values.
 */
static int
already_found(const struct lrow *rows, const char **key, int i,
    const char *row)
{
	int j;

	for (j = 0; j < i; j++) {
		if (!key[j] || !t3_same_key(key[j], row))
			continue;
		if (rows[j].nval == 0 && rows[i].nval > 0) {
			key[j] = NULL;
			return 0;
		}
		return 1;
	}
	return 0;
}

/* Rows with no value cells at all (explicit-cell layouts) are labels
 * only: they neither name a row nor hide a later one.  A row that starts
 * with its marker is a row even when header words follow its label (a
 * converter that prints the labels apart from the header's cells). */
static void
classify_rows(const struct lrow *rows, int n, int positional,
    const char **key)
{
	char own[LROW_LABEL];
	int i, seen = 0;

	for (i = 0; i < n; i++) {
		key[i] = NULL;
		if ((t3_is_header(rows[i].label) && !t3_marked(rows[i].label)) ||
		    (!positional && rows[i].nval == 0))
			continue;
		key[i] = t3_classify(rows[i].label, seen);
		/* A row that ran into the header repeated after a page
		 * break is named by its own label, before the header. */
		if (!key[i] && t3_is_header(rows[i].label) &&
		    t3_label_before_header(rows[i].label, own, sizeof own))
			key[i] = t3_classify(own, seen);
		if (key[i] && already_found(rows, key, i, key[i]))
			key[i] = NULL;
		seen += key[i] != NULL;
	}
}

/* 2021's （六） is a group over 3.6.1-3: its label is no data row then. */
static void
drop_group_3_6(const char **key, int n)
{
	int i, has21 = 0, at36 = -1;

	for (i = 0; i < n; i++) {
		if (key[i] && t3_has_prefix(key[i], "3.6."))
			has21 = 1;
		if (key[i] && strcmp(key[i], "3.6") == 0)
			at36 = i;
	}
	if (has21 && at36 >= 0)
		key[at36] = NULL;
}

/* The rows found, for the template (tables_template). */
static void
note_rows(const char **key, int n, struct tables *t)
{
	int i;

	for (i = 0; i < n && t->nt3key < T3MAXKEYS; i++)
		if (key[i])
			t->t3key[t->nt3key++] = key[i];
}

/*
 * A positional row without numbers is all blank unless its label was cut
 * (U+FFFD): a converter that cuts labels mid-character glues the cut text
 * to the numbers and may have swallowed them.
 */
static int
label_cut(const struct lrow *lr)
{
	return strstr(lr->label, "\xef\xbf\xbd") != NULL;
}

/*
 * Digits after a U+FFFD in a label, no item marker (8.), or glued
 * before it: html2text
 * writes an unruled row's numbers over its cut label (`(二)部分公开（区
 * 分处� 1的 0��`), and which column a number so read stands in, or
 * whether one was lost, nothing tells.
 */
static int
number_in_cut_label(const char *label)
{
	const char *p = strstr(label, "\xef\xbf\xbd"), *d;

	/* or right before it, after a character (`本年新收43�府`) */
	for (d = p; d != NULL && d > label && d[-1] >= '0' && d[-1] <= '9';
	    d--)
		;
	if (d != p && d > label && (unsigned char)d[-1] >= 0x80)
		return 1;
	for (; p != NULL && *p; p++)
		if (*p >= '0' && *p <= '9' && !(p[1] == '.' ||
		    strncmp(p + 1, "、", 3) == 0 || strncmp(p + 1, "．", 3) == 0))
			return 1;
	return 0;
}

/*
 * Digits right after a character of a label, no marker (`申560数量`:
 * html2text wrote a number of three digits exactly over one character,
 * no U+FFFD left): a number over the label, whose row's columns may
 * then be any (html2text's columns in bytes only: pdftotext glues a
 * label's digits otherwise).
 */
static int
number_after_letter(const char *label)
{
	const unsigned char *s = (const unsigned char *)label, *p, *q;

	for (p = s + 1; *p; p++) {
		if (*p < '0' || *p > '9' || p[-1] < 0x80)
			continue;
		for (q = p; *q >= '0' && *q <= '9'; q++)
			;
		if (!(q - p == 1 && (*q == '.' ||
		    strncmp((const char *)q, "、", 3) == 0)))
			return 1;
		p = q - 1;
	}
	return 0;
}

/*
 * A blank's sign standing left of the row's label text is a letter of
 * the label: pdftotext -layout spaces a justified label's characters
 * out (`4. 无 正 当 理 由 大 量`), and 无 alone reads as a blank cell,
 * which placed by order put the row's first number a column right.
 * No label text stands right of a value of its row.
 */
static void
drop_label_blanks(struct lrow *lr)
{
	int k, j, m = 0, right;

	for (k = 0; k < lr->nval; k++) {
		for (right = 0, j = 0; j < lr->nseg && !right; j++)
			right = lr->seg[j].x0 >= lr->val[k].x1;
		if (lr->val[k].v.kind == V_BLANK && lr->val[k].x0 >= 0 &&
		    lr->val[k].x1 > lr->val[k].x0 && right)
			continue;
		lr->val[m++] = lr->val[k];
	}
	lr->nval = m;
}

/*
 * Does a row show where its seven values are: seven values, or a first
 * value printed and only empty cells after the seventh (a TAB ending
 * every line)?
 */
static int
shows_values(const struct lrow *lr)
{
	int k;

	if (lr->nval == T3COLS)
		return 1;
	if (lr->nval < T3COLS || lr->val[0].v.kind == V_BLANK)
		return 0;
	for (k = T3COLS; k < lr->nval; k++)
		if (lr->val[k].v.kind != V_BLANK)
			return 0;
	return 1;
}

/*
 * In a table of explicit cells (TAB rows, pipes), the cell where the
 * values begin, as the rows of seven values show it: -1 when fewer than
 * half of them agree.  A label spanning columns leaves empty cells after
 * it, so a row of more than seven cells still has its values there.
 */
static int
values_column(const struct lrow *rows, const char **key, int n)
{
	int count[LROW_MAXVAL] = {0}, i, c, best = -1, all = 0;

	for (i = 0; i < n; i++) {
		if (!key[i] || !shows_values(&rows[i]))
			continue;
		c = rows[i].val[0].cell;
		if (c < 0 || c >= LROW_MAXVAL)
			continue;
		all++;
		if (++count[c] > (best < 0 ? 0 : count[best]))
			best = c;
	}
	return best >= 0 && count[best] * 2 > all ? best : -1;
}

/*
 * Where a row of more than seven cells has its seven values: from the
 * table's value column on, when every cell before it (its label's span)
 * and after the seventh (a trailing TAB) is empty.  The index of the
 * first value, or 0 with the row left as it is.
 */
static int
span_padding(const struct lrow *lr, int first_col)
{
	int k, at;

	if (first_col < 0 || lr->nval <= T3COLS)
		return 0;
	for (at = 0; at < lr->nval && lr->val[at].cell != first_col; at++)
		;
	if (at + T3COLS > lr->nval)
		return 0;
	for (k = 0; k < lr->nval; k++)
		if ((k < at || k >= at + T3COLS) &&
		    lr->val[k].v.kind != V_BLANK)
			return 0;
	return at;
}

/*
 * Where a row's values begin, at the table's value column, when it is
 * followed by seven cells and one more empty one (the TAB ending the
 * line) and the cells before it are empty (the label's span); else -1.
 */
static int
tab_ended_at(const struct lrow *lr, int first_col)
{
	int at, k;

	for (at = 0; at < lr->nval && lr->val[at].cell != first_col; at++)
		;
	if (first_col < 0 || lr->nval != at + T3COLS + 1 ||
	    lr->val[lr->nval - 1].v.kind != V_BLANK)
		return -1;
	for (k = 0; k < at; k++)
		if (lr->val[k].v.kind != V_BLANK)
			return -1;
	return at;
}

/*
 * Does every other row of the table end in one empty cell after its
 * seven values (a TAB ending every line), its first value printed?
 * Then row i's last empty cell is that TAB too, and an empty first cell
 * in the value column is its blank first value, not label padding (a
 * ragged row): the row is its seven cells from there.  Rows all blank
 * say nothing; at least three rows must show it.  The index of row i's
 * first value, or -1.
 */
static int
trailing_tab_row(const struct lrow *rows, const char **key, int n, int i,
    int first_col)
{
	int j, at, shown = 0;

	if (tab_ended_at(&rows[i], first_col) < 0)
		return -1;
	for (j = 0; j < n; j++) {
		if (j == i || !key[j] || rows[j].numbers == 0)
			continue;
		if ((at = tab_ended_at(&rows[j], first_col)) < 0 ||
		    rows[j].val[at].v.kind == V_BLANK)
			return -1;
		shown++;
	}
	return shown >= 3 ? tab_ended_at(&rows[i], first_col) : -1;
}

/*
 * Whether the rows print their own numbers, so that a row without any is
 * blank: most rows have some and none has more than a row holds.  Plain
 * pdftotext prints the labels of a table and then its numbers apart.
 */
static int
rows_keep_numbers(const struct lrow *rows, const char **key, int n)
{
	int i, with = 0, all = 0;

	for (i = 0; i < n; i++) {
		if (!key[i])
			continue;
		if (rows[i].numbers > T3COLS || rows[i].overflow)
			return 0;
		with += rows[i].numbers > 0;
		all++;
	}
	return with * 2 >= all;
}

/* A row lynx printed joined (spaced.c): numbers counted, without
 * positions. */
static int
joined_row(const struct lrow *lr)
{
	int k;

	for (k = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind == V_NUMBER &&
		    lr->val[k].x0 == GRID_XCOUNTED)
			return 1;
	return 0;
}

/*
 * A row lynx printed joined takes its values in order, blanks included.
 * lynx leaves a row's last empty cells out, so a row short of seven is
 * padded with blanks, but kept
 * only if it then adds up: where a page's empty cells print no space at
 * all the count is short inside the row too, and only its numbers are
 * placed, by the row's identity where they can be.
 */
static int
place_counted(struct lrow *lr, struct slots *s)
{
	int n, k, j;

	/* Counted empty cells beyond the columns, after the last value,
	 * are the blank lines that part two tables, no cells (as t2's). */
	while (lr->nval > T3COLS && lr->val[lr->nval - 1].v.kind ==
	    V_BLANK && lr->val[lr->nval - 1].x0 == GRID_XCOUNTED)
		lr->nval--;
	n = lr->nval;
	if (n < T3COLS) {
		lrow_pad_counted(lr, T3COLS);
		if (!row_adds_up(lr->val))
			lr->nval = n;
	}
	if (lr->nval == T3COLS)
		return place_sequence(lr->val, T3COLS, T3COLS, NULL, s);
	/* The count does not fit: the numbers alone, as for a row whose
	 * blanks vanished. */
	for (k = j = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind == V_NUMBER)
			lr->val[j++] = lr->val[k];
	lr->nval = j;
	return place_sequence(lr->val, lr->nval, T3COLS, place_check_total,
	    s);
}

/*
 * Positions: are a row's values printed left to right?  w3m prints a
 * tall row's numbers on several of its lines (its middle line, the line
 * above when a narrow column's units wrap), so that in line order they
 * are not; their positions then place them.
 */
static int
values_in_x_order(const struct lrow *lr)
{
	int i;

	for (i = 1; i < lr->nval; i++)
		if (lr->val[i].x0 >= 0 && lr->val[i - 1].x0 >= 0 &&
		    lr->val[i].x0 < lr->val[i - 1].x0)
			return 0;
	return 1;
}

/* Has the row a number other than 0?  Zeros read into the wrong blank
 * column still give the same counts. */
static int
has_nonzero(const struct lrow *lr)
{
	int k;

	for (k = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind == V_NUMBER &&
		    !value_is_zero(lr->val[k].v.num))
			return 1;
	return 0;
}

/*
 * Has a row of more than seven values its own seven first, on a line of
 * their own: seven left to right, the eighth starting another line (it
 * stands left of the seventh's end)?
 */
static int
own_line_first(const struct lrow *lr)
{
	int k;

	if (lr->nval <= T3COLS)
		return 0;
	for (k = 0; k < T3COLS; k++)
		if (lr->val[k].x0 < 0 || lr->val[k].v.kind != V_NUMBER ||
		    (k > 0 && lr->val[k].x0 < lr->val[k - 1].x1))
			return 0;
	return lr->val[T3COLS].x0 >= 0 &&
	    lr->val[T3COLS].x0 < lr->val[T3COLS - 1].x1;
}

/* Was row `row` found, here or printed apart from its label (torn)? */
static int
noted(const struct tables *t, const char *row)
{
	int i;

	for (i = 0; i < t->nt3key; i++)
		if (t3_same_key(t->t3key[i], row))
			return 1;
	return 0;
}

/* The row keyed `row`, or -1. */
static int
find_key(const char **key, int n, const char *row)
{
	int j;

	for (j = 0; j < n; j++)
		if (key[j] && t3_same_key(key[j], row))
			return j;
	return -1;
}

/* The row after `row` in its own template (3.6.1 -> 3.6.2: rows of one
 * template only have no shared order), or NULL. */
static const char *
next_in_template(const char *row)
{
	size_t i;

	for (i = 0; i + 1 < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, "t3") == 0 &&
		    strcmp(tmpl_rows[i].row, row) == 0)
			return strcmp(tmpl_rows[i + 1].table, "t3") == 0 &&
			    (tmpl_rows[i + 1].templates &
			    tmpl_rows[i].templates) ? tmpl_rows[i + 1].row :
			    NULL;
	return NULL;
}

/*
 * Rows whose label holds the start of the row after or before them too
 * (t3_holds_start_of), and more numbers than a row has or that other row
 * not found: the other row's numbers are among theirs, and the next
 * row's own line keeps none or some of them, so both are unread (two[i]
 * = 1; a row before, found, had its own line and label), but for a
 * row's own seven standing first on a line of their own when the other
 * row is the next (two[i] = 2); the other row not found at all is
 * written as unread, not left out.  (A group label joined to the row
 * above, `三、本年度办理结果` after row 2's seven, brings no values: the
 * row keeps its seven, the next row is there.)
 */
static void
mark_two_rows(struct tables *t, const struct lrow *rows, const char **key,
    int n, int *two)
{
	static const struct slots none = {.n = T3COLS};
	const char *other, *next, *prev;
	int i, j;

	for (i = 0; i < n; i++) {
		/* or numbers written over a cut label only (html2text) */
		if (!key[i] || (!number_in_cut_label(rows[i].label) &&
		    (!rows[i].merged || rows[i].numbers == 0)))
			continue;
		next = t3_next_row(key[i]);
		prev = t3_prev_row(key[i]);
		if (next == NULL)
			next = next_in_template(key[i]);
		if (next && t3_holds_start_of(rows[i].label, next))
			other = next;
		else if (prev && t3_holds_start_of(rows[i].label, prev))
			other = prev;
		else
			continue;
		j = find_key(key, n, other);
		if (rows[i].numbers <= T3COLS && (j >= 0 ||
		    noted(t, other)))
			continue;
		two[i] = other == next && own_line_first(&rows[i]) ? 2 : 1;
		if (two[i] == 1)
			tables_warn(t, rows[i].line, "t3 row %s: its label "
			    "runs into row %s's, their values written as %s",
			    key[i], other, CELL_UNREAD);
		else
			tables_warn(t, rows[i].line, "t3 row %s: its label "
			    "runs into row %s's, whose values are written as "
			    "%s", key[i], other, CELL_UNREAD);
		if (j >= 0 && other == next)
			two[j] = 1;
		else if (j < 0 && !noted(t, other)) {
			emit_row(t, other, rows[i].line, 0, &none, PLACE_ALL);
			if (t->nt3key < T3MAXKEYS)
				t->t3key[t->nt3key++] = other;
		}
	}
}

/*
 * Does a value of the row stand off the table's columns: further from
 * its nearest column than half the width the columns span?  (lynx
 * printed row 1's first value just after its label, `一、本年新收… 1`,
 * and the others a column left of their own: by the columns they read
 * one column off.)  Such a row is not read by the table's columns.
 */
static int
off_the_columns(const struct lrow *r, const int *anchor, int edge)
{
	int j, d, half = (anchor[T3COLS - 1] - anchor[0]) / 2;

	for (j = 0; j < r->nval; j++) {
		if (r->val[j].x0 < 0)
			continue;
		place_nearest(anchor, T3COLS, place_x(&r->val[j], edge), &d);
		if (d > half)
			return 1;
	}
	return 0;
}

/*
 * Neither titles nor rows of seven numbers give the columns (titles
 * printed a character a line, or packed one space apart by pdftotext
 * -layout, and every row has blanks): the numbers of all rows, when they
 * fall into exactly seven columns that the rows agree on, are the
 * columns, and the titles, which do not stand over them, are not used.  A point of one column may stand one character (two display
 * columns in lynx's and pdftotext's character model) off the others.
 */
static int
columns_of_numbers(const struct lrow *rows, const char **key, int n,
    int *anchor, int *edge)
{
	return t3_anchors_from_columns(rows, key, n, 2, 1, anchor, edge) &&
	    t3_anchors_usable(anchor, rows, key, n, *edge);
}

/*
 * The same when the table's rows drift apart part by part (pdftotext
 * -layout counts the characters of each line's labels, so rows under
 * longer labels stand further right): rows are taken in order into runs
 * that print in one set of columns, and a run whose numbers fall into
 * exactly seven columns its rows agree on gives its rows those columns
 * (has[i], anchors at ra + i * T3COLS, edge re[i]).  Returns how many
 * rows got columns.
 */
static int
columns_by_runs(const struct lrow *rows, const char **key, int n, int *has,
    int *ra, int *re)
{
	const char **run;
	int start, end, i, e, at[T3COLS], placed = 0;

	/* Labels cut mid-character (html2text) glue digits of their own
	 * to the numbers: nothing tells those apart by position. */
	for (i = 0; i < n; i++)
		if (key[i] && label_cut(&rows[i]))
			return 0;
	run = gip_xmalloc((n + 1) * sizeof *run);
	for (i = 0; i < n; i++)
		run[i] = NULL;
	for (start = 0; start < n; start = end) {
		for (end = start; end < n; end++) {
			run[end] = key[end];
			if (!t3_one_frame(rows, run, n, 2)) {
				run[end] = NULL;
				break;
			}
		}
		if (end == start)	/* cannot happen: one row is a frame */
			end++;
		if (t3_anchors_from_columns(rows, run, n, 2, 2, at, &e) &&
		    t3_anchors_usable(at, rows, run, n, e))
			for (i = start; i < end; i++) {
				has[i] = key[i] != NULL;
				placed += has[i];
				memcpy(ra + i * T3COLS, at, sizeof at);
				re[i] = e;
			}
		for (i = start; i < end; i++)
			run[i] = NULL;
	}
	free(run);
	return placed;
}

/*
 * Placed by position, a row whose counts leave its total blank while its
 * last number is the sum of the others, as a total is: a value stands in
 * the wrong column (pdftotext -layout shifts each line by its label's
 * width, and a row with blanks shows too few columns to tell).  (A
 * total really left blank is an error the report made: its last number
 * is then no sum of the others, and the row is read as printed.)
 */
static int
total_left_blank(const struct slots *s)
{
	int k;

	if (!s->set[T3COLS - 1] || s->val[T3COLS - 1][0] != '\0')
		return 0;
	for (k = 0; k < T3COLS - 1; k++)
		if (s->set[k] && s->val[k][0] != '\0' &&
		    !value_is_zero(s->val[k]))
			return 1;
	return 0;
}

/* Is the last of a row's numbers, more than 0, the sum of the others? */
static int
last_is_total(const struct lrow *lr)
{
	long long n[LROW_MAXVAL];
	int k, m = 0;

	for (k = 0; k < lr->nval; k++)
		if (lr->val[k].v.kind == V_NUMBER) {
			if (!place_counts(&lr->val[k], 1, &n[m]) ||
			    n[m] > 999999999999LL)
				return 0;
			m++;
		}
	return m >= 2 && n[m - 1] > 0 && place_check_total(n, m);
}

/* Do a placed row's cells, all known, satisfy total = the sum of the
 * others (a blank is 0)? */
static int
slots_add_up(const struct slots *s)
{
	long long v[T3COLS];
	char *end;
	int k;

	for (k = 0; k < T3COLS; k++) {
		if (!s->set[k] || strlen(s->val[k]) > 15)
			return 0;
		v[k] = s->val[k][0] == '\0' ? 0 :
		    strtoll(s->val[k], &end, 10);
		if (s->val[k][0] != '\0' && *end != '\0')
			return 0;
	}
	return place_check_total(v, T3COLS);
}

/*
 * Do two of a row's numbers stand in one column (they overlap: printed
 * on two of its lines, one over the other)?  A print's row then holds a
 * line of another row's (Chromium centres a tall row's cells, and a
 * short row's number prints on its neighbour's line).
 */
static int
numbers_stacked(const struct lrow *lr)
{
	const struct vcell *a, *b;
	int i, j;

	for (i = 0; i < lr->nval; i++)
		for (j = 0; j < i; j++) {
			a = &lr->val[i], b = &lr->val[j];
			if (a->v.kind == V_NUMBER && b->v.kind == V_NUMBER &&
			    a->x0 >= 0 && b->x0 >= 0 && a->x0 < b->x1 &&
			    b->x0 < a->x1)
				return 1;
		}
	return 0;
}

/*
 * A row on several lines whose readings disagree (t3tall.c), placed by
 * the positions of its lines, each shifted on its own, against a row
 * printed on one line: 1 with *s set when exactly one way fits.
 */
static int
by_shift(const struct lrow *rows, const char **key, int n, int i, int lead,
    unsigned brk, struct slots *s)
{
	int ref[T3COLS];

	return t3_tall_reference(rows, key, n, i, ref) &&
	    t3_tall_by_shift(&rows[i], lead, brk, ref, s) == PLACE_ALL;
}

/*
 * A print's rows left unread, their numbers one line's in order (not
 * values from lines around it, nor a line that may be another row's),
 * go to the table's identities (t3_fill_by_identities).
 */
static void
fill_unread(struct tables *t, const struct lrow *rows, const char **key,
    int n, struct slots *sb, int *pb, const int *doubt, const int *lead,
    const int *tall, const int *two)
{
	unsigned char *cand;
	int i, k, unread;

	cand = gip_xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		for (k = unread = 0; k < T3COLS; k++)
			unread |= !sb[i].set[k];
		cand[i] = key[i] && pb[i] != PLACE_UNSEEN && unread &&
		    !doubt[i] && !lead[i] && !tall[i] && !two[i] &&
		    rows[i].nval > 0 &&
		    rows[i].numbers == rows[i].nval &&
		    values_in_x_order(&rows[i]);
	}
	t3_fill_by_identities(t, rows, key, n, sb, pb, cand);
	free(cand);
}

/* Does row i of n hold one of the lines jl[0..njl)? */
static int
holds_line(const struct lrow *rows, int n, int i, const long *jl, int njl)
{
	int k;

	for (k = 0; k < njl; k++)
		if (rows[i].line <= jl[k] && (i + 1 == n ||
		    rows[i + 1].line > jl[k]))
			return 1;
	return 0;
}

/*
 * Rows left unread whose values are their own, in order (not two rows'
 * nor lines given and taken), and rows read by position whose readings
 * the identities contradicted (t3guard.c, guarded[i]; the cells its
 * readings agree on are kept): the table's
 * identities may tell where their blanks were (t3solve.c; lynx prints a
 * table it cannot lay out cell after cell, blanks as nothing).  Where
 * no reading keeps them, rows placed by position with blanks (bypos[i])
 * are read in order too (pandoc sets a row's cells by its own spans,
 * a value under another column's title).  Rows so placed are kept out
 * of dashcols_check_t3's positions (t->t3solved).  Not for prints
 * (pdftotext's positions are read by their own paths) nor PDFs.
 */
static void
solve_open_rows(struct tables *t, const struct lrow *rows, const char **key,
    int n, struct slots *sb, int *pb, const int *two, const int *tall,
    const int *lead, const int *guarded, const int *bypos)
{
	unsigned char *open, *reopen, *solved;
	int i, any = 0;

	open = gip_xmalloc(n + 1);
	reopen = gip_xmalloc(n + 1);
	solved = gip_xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		open[i] = key[i] && !two[i] && !tall[i] && !lead[i] &&
		    rows[i].nval > 0 && rows[i].nval <= T3COLS &&
		    (pb[i] == PLACE_SOME || pb[i] == PLACE_NONE ||
		    guarded[i]);
		reopen[i] = key[i] && !two[i] && !tall[i] && !lead[i] &&
		    rows[i].nval > 0 && rows[i].nval < T3COLS &&
		    bypos[i] && pb[i] == PLACE_ALL;
		any |= open[i];
	}
	if (any && t3_solve_by_identities(rows, key, n, sb, pb, open,
	    reopen, solved) > 0)
		for (i = 0; i < n; i++)
			if (solved[i] && t->nt3solved < T3MAXKEYS)
				t->t3solved[t->nt3solved++] = key[i];
	free(open);
	free(reopen);
	free(solved);
}

/* Table 3 from grid g; rows holding a line of jl[0..njl) took values
 * wrapped around it (t3_join_wrapped_units) and wait for the
 * identities, as rows placed by runs do. */
static int
t3_read(const struct grid *g, struct tables *t, const long *jl, int njl)
{
	static const char **key;
	static int keycap, ready;
	static struct lrow *rows;	/* kept: see lrow_build */
	static int rowcap;
	struct slots s;
	int n, i, found = 0, anchor[T3COLS], use_anchor = 0, edge = 0;
	int placed, keeps, in_order = 0, first_col, skip, cut, tab, titled,
	    by_row = 0;
	int fits, j;
	int tlo[T3COLS], thi[T3COLS], lo[T3COLS], hi[T3COLS];
	int *has = NULL, *ra = NULL, *re = NULL, runs = 0;
	int *pb = NULL, *by_run = NULL, at_edge, by_pos, *two, *tall, *lead;
	int *doubt, *bypos, *guarded;
	unsigned *brk;
	struct t3_readings *tr = NULL;
	int points[T3COLS] = {0}, table_points[T3COLS] = {0};
	struct slots *sb = NULL;

	if (!ready)
		t3_init(), ready = 1;
	n = lrow_build(g, g->exact ? t3_starts_exact : t3_marked, &rows,
	    &rowcap);
	if (n == LROW_MAXROWS)
		tables_warn(t, rows[n - 1].line, "t3: only the first %d "
		    "rows read", LROW_MAXROWS);
	if (n > keycap) {
		keycap = n * 2;
		key = gip_xrealloc(key, keycap * sizeof *key);
	}
	if (g->positional)
		for (i = 0; i < n; i++)
			drop_label_blanks(&rows[i]);
	classify_rows(rows, n, g->positional, key);
	t3_rows_by_order(rows, key, n);
	drop_group_3_6(key, n);
	note_rows(key, n, t);
	/* Rows placed by order mean labels printed apart from numbers: a
	 * row without numbers is then unread, not blank.  In a PDF (grid.
	 * exact) a row without numbers is blank unless rows were torn. */
	keeps = rows_keep_numbers(rows, key, n);
	found = place_torn(t, rows, key, n);
	/* Values printed a line above their row's label (pdftotext). */
	lead = gip_xmalloc((n + 1) * sizeof *lead);
	memset(lead, 0, (n + 1) * sizeof *lead);
	doubt = gip_xmalloc((n + 1) * sizeof *doubt);
	memset(doubt, 0, (n + 1) * sizeof *doubt);
	brk = gip_xmalloc((n + 1) * sizeof *brk);
	memset(brk, 0, (n + 1) * sizeof *brk);
	/* (The grid's lines before rows give and take lines: a row keeps
	 * its first values, and rows given values are read by lead.) */
	if (g->positional && !g->exact) {
		t3_line_breaks(g, rows, n, brk);
		t3_split_runover(g, rows, key, n, lead, doubt);
	}
	keeps = g->exact ? found == 0 : keeps && found == 0;
	first_col = g->positional ? -1 : values_column(rows, key, n);
	/* (A print's text laid out by spaces: a document's own table
	 * sets each cell at its place.) */
	titled = g->positional && !g->exact && t3_title_spans(g, tlo, thi) &&
	    !(t->print && g->wraps && t3_titles_flowed(g));
	if (g->exact && t3_anchors_from_columns(rows, key, n, 1, 1, anchor,
	    &edge) &&
	    t3_anchors_usable(anchor, rows, key, n, edge) &&
	    t3_columns_under_titles(g, anchor, edge))
		use_anchor = 1;
	else if (g->positional) {
		/* Rows of seven numbers give the columns, unless some of
		 * them are shifted off their titles (a row lynx printed
		 * from other spans than the header's), or the rows do not
		 * share one set of columns at all (pdftotext -layout
		 * drifting row by row: a full row printed further right
		 * would put every value of the others a column off). */
		if (t3_anchors_from_full_rows(rows, key, n, anchor) &&
		    t3_anchors_usable(anchor, rows, key, n, PLACE_RIGHT) &&
		    t3_one_frame(rows, key, n, 2) &&
		    (!titled || t3_columns_under_titles(g, anchor,
		    PLACE_RIGHT)))
			use_anchor = 1, edge = PLACE_RIGHT;
		else if (titled)
			use_anchor = t3_anchors_from_titles(g, rows, key, n,
			    anchor, &edge);
		if (!use_anchor && columns_of_numbers(rows, key, n, anchor,
		    &edge))
			use_anchor = 1, titled = 0;
	}
	if (g->exact && !use_anchor)
		in_order = t3_anchors_from_header(g, PLACE_CENTRE, anchor);
	/* Titles but no anchors the whole table fits: row by row, a row
	 * whose every value stands exactly under a title of its own. */
	if (titled && !use_anchor && t3_anchors_best_edge(g, rows, key, n,
	    anchor, &edge))
		by_row = 1;
	/* Nor do they row by row: columns the rows agree on, part by part. */
	if (g->positional && !g->exact && !use_anchor && !by_row) {
		/* n <= LROW_MAXROWS: no overflow. */
		has = gip_xmalloc((n + 1) * sizeof *has);
		re = gip_xmalloc((n + 1) * sizeof *re);
		ra = gip_xmalloc((n + 1) * T3COLS * sizeof *ra);
		memset(has, 0, (n + 1) * sizeof *has);
		runs = found == 0 ?
		    columns_by_runs(rows, key, n, has, ra, re) : 0;
	}
	/* The rows wait for the identities (t3_confirm_runs,
	 * t3_choose_tall). */
	sb = gip_xmalloc((n + 1) * sizeof *sb);
	pb = gip_xmalloc((n + 1) * sizeof *pb);
	by_run = gip_xmalloc((n + 1) * sizeof *by_run);
	tall = gip_xmalloc((n + 1) * sizeof *tall);
	bypos = gip_xmalloc((n + 1) * sizeof *bypos);
	for (i = 0; i < n; i++)
		pb[i] = PLACE_UNSEEN, by_run[i] = tall[i] = bypos[i] = 0;
	two = gip_xmalloc((n + 1) * sizeof *two);
	memset(two, 0, (n + 1) * sizeof *two);
	/* (Rows printed apart from their labels keep glued labels.) */
	if (g->positional)
		mark_two_rows(t, rows, key, n, two);
	if ((use_anchor || by_row) && !g->exact) {
		t3_column_extents(titled ? tlo : NULL, titled ? thi : NULL,
		    rows, key, n, anchor, edge, lo, hi);
		t3_value_points(rows, key, n, anchor, edge, table_points);
	}
	for (i = 0; i < n; i++) {
		if (!key[i] || (!g->positional && rows[i].nval == 0))
			continue;
		fits = 0;
		at_edge = edge, by_pos = 1;
		memcpy(points, table_points, sizeof points);
		if (two[i] == 2)	/* its own line's (own_line_first) */
			placed = place_sequence(rows[i].val, T3COLS, T3COLS,
			    NULL, &s), by_pos = 0;
		else if (two[i])
			placed = PLACE_NONE, memset(&s, 0, sizeof s),
			    by_pos = 0;
		else if (lead[i]) {
			/* Values from a line of their own above: only the
			 * identities tell how the lines interleave. */
			if (!tr)
				tr = gip_xmalloc((n + 1) * sizeof *tr);
			placed = t3_place_lines(&rows[i], lead[i], &s, &tr[i]);
			tall[i] = 1, by_pos = 0;
			if (placed != PLACE_ALL && by_shift(rows, key, n, i,
			    lead[i], 0, &s))
				placed = PLACE_ALL, tall[i] = 0;
		} else if (joined_row(&rows[i]))
			placed = place_counted(&rows[i], &s), by_pos = 0;
		else if (in_order && rows[i].numbers < T3COLS)
			placed = t3_place_in_order(&rows[i], anchor, &s);
		else if (runs && has[i] && (rows[i].numbers < T3COLS ||
		    !values_in_x_order(&rows[i])) &&
		    place_sequence(rows[i].val, rows[i].nval, T3COLS,
		    place_check_total, &s) != PLACE_ALL) {
			/* (Values in order that only one way adds up are
			 * placed so, as without runs.) */
			placed = place_by_anchor(rows[i].val, rows[i].nval,
			    ra + i * T3COLS, T3COLS, re[i], &s);
			/* Each column as wide as the numbers at its
			 * point: a label may end just left of them. */
			t3_column_extents(ra + i * T3COLS, ra + i * T3COLS,
			    rows, key, n, ra + i * T3COLS, re[i], lo, hi);
			fits = 1;
			/* (A run's own columns are where its values
			 * stand.) */
			memcpy(points, ra + i * T3COLS, sizeof points);
			at_edge = re[i];
			by_run[i] = has_nonzero(&rows[i]);
		} else if (titled && use_anchor && rows[i].numbers < T3COLS &&
		    t3_against_titles(&rows[i], anchor, edge, tlo, thi))
			placed = PLACE_NONE, memset(&s, 0, sizeof s);
		else if ((use_anchor && (rows[i].numbers < T3COLS ||
		    !values_in_x_order(&rows[i])) &&
		    !off_the_columns(&rows[i], anchor, edge)) ||
		    (g->positional && rows[i].nval == 0))
			placed = place_by_anchor(rows[i].val, rows[i].nval,
			    anchor, T3COLS, edge, &s);
		else if (by_row && rows[i].numbers < T3COLS &&
		    t3_row_fits(&rows[i], anchor, edge) &&
		    !t3_against_titles(&rows[i], anchor, edge, tlo, thi)) {
			placed = place_by_anchor(rows[i].val, rows[i].nval,
			    anchor, T3COLS, edge, &s), fits = 1;
			/* A print's rows, lines given to the wrong label
			 * (pdftotext -layout: a label wrapped around its
			 * numbers), may fit their titles with values lost
			 * to a neighbour: placed row by row, only a row
			 * whose total adds up is kept. */
			if (t->print && placed == PLACE_ALL &&
			    !slots_add_up(&s))
				placed = PLACE_NONE, memset(&s, 0, sizeof s);
		} else if (g->positional && !values_in_x_order(&rows[i]) &&
		    t3_tall_row(&rows[i], brk[i])) {
			if (!tr)
				tr = gip_xmalloc((n + 1) * sizeof *tr);
			placed = t3_place_tall(&rows[i], brk[i], &s, &tr[i]);
			tall[i] = 1, by_pos = 0;
			if (placed != PLACE_ALL && by_shift(rows, key, n, i, 0,
			    brk[i], &s))
				placed = PLACE_ALL, tall[i] = 0;
		} else {
			by_pos = 0;
			skip = g->positional ? 0 :
			    span_padding(&rows[i], first_col);
			tab = skip == 0 && !g->positional ?
			    trailing_tab_row(rows, key, n, i, first_col) : -1;
			if (tab >= 0)
				skip = tab, cut = 1;
			else
				cut = skip > 0;
			placed = place_sequence(rows[i].val + skip,
			    cut ? T3COLS : rows[i].nval, T3COLS,
			    place_check_total, &s);
		}
		/* (html2text's byte grids write a number over the label
		 * text that runs under its column: text there hides none) */
		if ((use_anchor || fits) && placed == PLACE_ALL &&
		    !g->exact &&
		    ((!g->bytes && t3_unknown_under(&s, lo, hi, &rows[i])) ||
		    (by_pos && t3_unknown_between(&s, &rows[i], points,
		    at_edge))))
			placed = PLACE_SOME;
		else if (rows[i].nval == 0 && (label_cut(&rows[i]) ||
		    !keeps))
			placed = PLACE_NONE, memset(&s, 0, sizeof s);
		/* (A PDF read by position too: a total centred on the
		 * 其他 and 总计 columns a span covers is as near 其他.) */
		if (by_pos && g->positional &&
		    placed != PLACE_NONE && total_left_blank(&s) &&
		    last_is_total(&rows[i])) {
			tables_warn(t, rows[i].line, "t3 row %s: placed by "
			    "position, its total is blank though its last "
			    "number is the sum of the others: not placed, "
			    "written as %s", key[i], CELL_UNREAD);
			placed = PLACE_DOUBTED, memset(&s, 0, sizeof s);
		}
		/* (Its numbers in order are no row as printed: a row of
		 * seven would add up.) */
		if (t->print && g->positional && !g->exact &&
		    placed == PLACE_ALL && numbers_stacked(&rows[i]) &&
		    !slots_add_up(&s)) {
			tables_warn(t, rows[i].line, "t3 row %s: two of its "
			    "numbers stand in one column (lines of two rows) "
			    "and its total is not the sum of its parts: not "
			    "placed, written as %s", key[i], CELL_UNREAD);
			placed = PLACE_DOUBTED, memset(&s, 0, sizeof s);
		}
		if (g->positional && placed != PLACE_NONE &&
		    (number_in_cut_label(rows[i].label) ||
		    (g->bytes && number_after_letter(rows[i].label)))) {
			tables_warn(t, rows[i].line, "t3 row %s: a number "
			    "stands in its label cut mid-character, a value "
			    "of the row's or not: not placed, written as %s",
			    key[i], CELL_UNREAD);
			placed = PLACE_DOUBTED, memset(&s, 0, sizeof s);
		}
		sb[i] = s;
		pb[i] = placed;
		bypos[i] = by_pos && g->positional && !g->exact;
		found++;
		/* A row of seven is placed in order: its total adds up
		 * or the joined number stood out of its place. */
		if (njl > 0 && holds_line(rows, n, i, jl, njl)) {
			if (rows[i].numbers < T3COLS)
				by_run[i] = has_nonzero(&rows[i]);
			else if (placed == PLACE_ALL && !slots_add_up(&s))
				pb[i] = PLACE_NONE, memset(&sb[i], 0,
				    sizeof sb[i]);
		}
	}
	if (runs || njl > 0)
		t3_confirm_runs(key, n, sb, pb, by_run);
	if (tr)
		t3_choose_tall(key, n, sb, pb, tr, tall);
	guarded = gip_xmalloc((n + 1) * sizeof *guarded);
	for (i = 0; i < n; i++)
		guarded[i] = pb[i] != PLACE_DOUBTED;
	t3_guard_blanks(t, rows, key, n, sb, pb, bypos);
	for (i = 0; i < n; i++)
		guarded[i] &= pb[i] == PLACE_DOUBTED && doubt[i] == 0;
	for (i = 0; i < n; i++)
		if (doubt[i] && pb[i] != PLACE_UNSEEN &&
		    pb[i] != PLACE_DOUBTED) {
			j = abs(doubt[i]) - 1;
			if (j == i)
				tables_warn(t, rows[i].line, "t3 row %s: the "
				    "header's last line of numbers is no "
				    "row's as printed (rows printed a line "
				    "low): not placed, written as %s", key[i],
				    CELL_UNREAD);
			else
				tables_warn(t, rows[i].line, "t3 row %s: a line "
				    "of numbers between rows %s and %s may be "
				    "either's (%s): not placed, written as %s",
				    key[i], key[j < i ? j : i], key[j < i ? i :
				    j], doubt[i] > 0 ? "both readings add up" :
				    "rows printed a line low", CELL_UNREAD);
			pb[i] = PLACE_DOUBTED;
			memset(&sb[i], 0, sizeof sb[i]);
		}
	if (!t->print && !g->exact)
		solve_open_rows(t, rows, key, n, sb, pb, two, tall, lead,
		    guarded, bypos);
	if (t->print && g->positional && !g->exact)
		fill_unread(t, rows, key, n, sb, pb, doubt, lead, tall, two);
	if (t->print && g->positional && !g->exact)
		t3_guard_print_rows(t, rows, key, n, sb, pb);
	for (i = 0; i < n; i++)
		if (pb[i] != PLACE_UNSEEN)
			emit_row(t, key[i], rows[i].line, rows[i].nval,
			    &sb[i], pb[i]);
	free(guarded);
	free(doubt);
	free(brk);
	free(two);
	free(lead);
	free(tall);
	free(tr);
	free(sb);
	free(pb);
	free(by_run);
	free(bypos);
	free(has);
	free(ra);
	free(re);
	return found;
}

/* A print's values wrapped around their row's line are their row's
 * (t3_join_wrapped_units) before the rows are read. */
int
t3_extract(const struct grid *g, struct tables *t)
{
	struct grid joined = {0};
	long jl[LROW_MAXROWS];
	int found, njl;

	if (!t->print || !g->positional || g->exact || (njl =
	    t3_join_wrapped_units(g, &joined, jl, LROW_MAXROWS)) == 0)
		return t3_read(g, t, NULL, 0);
	found = t3_read(&joined, t, jl, njl);
	grid_free(&joined);
	return found;
}
