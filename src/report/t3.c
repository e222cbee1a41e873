/*
 * Section 三's table (依申请): 23 or 25 data rows of 7 columns.  Rows are
 * told by their labels' key words, never by position, so wrapped, spaced,
 * re-indented or repeated (page break) labels all land on the right row.
 */
#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "lrow.h"
#include "place.h"
#include "tables.h"
#include "tmpl.h"
#include "torn.h"

#define T3COLS 7

/*
 * Key words of the rows (the template table's), most specific first: the
 * items of groups 三 to 六 (keys of three parts) before the rest, each in
 * template order.
 */
struct t3word {
	const char	*row, *word;
};

enum { NWORDS_MAX = 128, KW_SLOTS = 128 };

/*
 * The key words by their first three bytes (every one starts with a Han
 * character), hashed, for first_keyword: a label is read once instead of
 * once per key word.
 */
struct kw_entry {
	uint32_t	 lead;
	int		 word;		/* t3_words[word] */
	int		 next;		/* index + 1 of the next in the slot */
};
static struct t3word t3_words[NWORDS_MAX];
static int nwords;
static struct kw_entry kw_entry[NWORDS_MAX];
static int kw_slot[KW_SLOTS];		/* index + 1 of the first entry */
static const char *t3_cols[T3COLS];

static uint32_t
lead3(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (uint32_t)u[0] << 16 | u[1] << 8 | u[2];
}

static unsigned
kw_hash(uint32_t lead)
{
	return (lead * 2654435761u) >> 25;	/* 7 bits: KW_SLOTS */
}

static int
is_item_key(const char *row)
{
	const char *dot = strchr(row, '.');

	return dot != NULL && strchr(dot + 1, '.') != NULL;
}

/* t3_words and t3_cols from the template table. */
static void
words_init(void)
{
	const struct tmpl_row *r;
	const char *const *w;
	size_t i;
	int pass, k;

	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < tmpl_nrows; i++) {
			r = &tmpl_rows[i];
			if (strcmp(r->table, "t3") != 0 ||
			    is_item_key(r->row) != pass)
				continue;
			for (w = r->words; *w != NULL && nwords < NWORDS_MAX;
			    w++) {
				t3_words[nwords].row = r->row;
				t3_words[nwords++].word = *w;
			}
		}
	r = tmpl_find("t3", "1", TPL_BOTH);
	for (k = 0; k < T3COLS; k++)
		t3_cols[k] = r->cols[k];
}

static void
kw_init(void)
{
	int n = 0, i;
	unsigned h;

	words_init();
	for (i = nwords - 1; i >= 0; i--) {	/* so slots list in order */
		kw_entry[n].lead = lead3(t3_words[i].word);
		kw_entry[n].word = i;
		h = kw_hash(kw_entry[n].lead);
		kw_entry[n].next = kw_slot[h];
		kw_slot[h] = ++n;
	}
}

/*
 * The index of the first t3_words entry (in their order) whose key word
 * label contains, or nwords: what a strstr for every key word in turn
 * would find.
 */
static int
first_keyword(const char *label)
{
	const struct kw_entry *ent;
	const char *p, *kw;
	size_t len = strlen(label);
	uint32_t lead;
	int e, best;

	best = nwords;
	for (p = label; len - (p - label) >= 3; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;	/* inside a character */
		lead = lead3(p);
		for (e = kw_slot[kw_hash(lead)]; e != 0; e = ent->next) {
			ent = &kw_entry[e - 1];
			if (ent->lead != lead || ent->word >= best)
				continue;
			kw = t3_words[ent->word].word;
			if (strncmp(p, kw, strlen(kw)) == 0)
				best = ent->word;
		}
	}
	return best;
}

static int
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* "1." "2、" "3．" … "8." : the item markers of groups 三 to 六. */
static int
item_marker(const char *s)
{
	return s[0] >= '1' && s[0] <= '8' && (s[1] == '.' ||
	    has_prefix(s + 1, "、") || has_prefix(s + 1, "。"));
}

/* 3.6.3 is just "其他": told by its marker or by being the last word. */
static int
is_row_3_6_3(const char *label)
{
	return ends_with(label, "3.其他") || ends_with(label, "3、其他") ||
	    strcmp(label, "其他") == 0;
}

/* The row a label names, or NULL (a header, a group label). */
static const char *
t3_classify(const char *label, int rows_seen)
{
	int i;

	if (is_row_3_6_3(label) && rows_seen > 0)
		return "3.6.3";
	if ((i = first_keyword(label)) < nwords)
		return t3_words[i].row;
	if (strstr(label, "(七)") || (rows_seen > 2 && has_prefix(label,
	    "总计")))
		return "3.7";
	return NULL;
}

/* The column headers, repeated after a page break: never a data row. */
static int
is_header(const char *label)
{
	return strstr(label, "自然人") || strstr(label, "商业企业") ||
	    strstr(label, "法人或其他") || strstr(label, "申请人情况");
}

/*
 * A cell that begins a data row: a row marker, or a label's own first
 * words where the marker was lost.  Group labels (三、, （三）) do not, and
 * neither does a wrapped fragment that merely contains a key word.
 */
static int
t3_marked(const char *label)
{
	static const char *const marks[] = {"一、", "二、", "四、", "(一)",
	    "(二)", "(六)", "(七)", "一.", "二.", "四.", "本年新收",
	    "上年结转", "予以公开", "部分公开", "结转下年", "其他处理"};
	size_t i;

	if (item_marker(label))
		return 1;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (has_prefix(label, marks[i]))
			return 1;
	return 0;
}

/* In a PDF read by position, a row marker or the header repeated after a
 * page break: a row of its own, so that it does not join the last row of
 * the page.  (Other layouts keep header words in the row above: torn.c
 * reads them there.) */
static int
t3_starts_exact(const char *label)
{
	return t3_marked(label) || is_header(label);
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Right edges of rows with all seven numbers: the columns, if they agree. */
static int
anchors_from_full_rows(const struct lrow *rows, const char **key, int n,
    int *anchor)
{
	static int xs[T3COLS][512];
	int nfull = 0, i, k;

	for (i = 0; i < n && nfull < 512; i++) {
		if (!key[i] || rows[i].nval != T3COLS ||
		    rows[i].numbers != T3COLS)
			continue;
		for (k = 0; k < T3COLS; k++)
			xs[k][nfull] = rows[i].val[k].x1;
		nfull++;
	}
	if (nfull == 0)
		return 0;
	for (k = 0; k < T3COLS; k++) {
		qsort(xs[k], nfull, sizeof xs[k][0], cmp_int);
		anchor[k] = xs[k][nfull / 2];
	}
	return 1;
}

/*
 * Positions as printed (a PDF): the numbers of one column share their
 * left edge, right edge or centre, as the column aligns them.  When the
 * numbers of all rows fall into exactly seven such groups by one of
 * those points, they are the columns, blanks and all (*edge: PLACE_*).
 */
static int
anchors_from_columns(const struct lrow *rows, const char **key, int n,
    int *anchor, int *edge)
{
	static const int edges[] = {PLACE_LEFT, PLACE_RIGHT, PLACE_CENTRE};
	int *xs = NULL, e, i, j, m, k, start, cap = 0, found = 0;

	for (e = 0; e < 3 && !found; e++) {
		for (m = i = 0; i < n; i++)
			for (j = 0; key[i] && j < rows[i].nval; j++) {
				if (rows[i].val[j].v.kind != V_NUMBER)
					continue;
				if (m == cap) {
					cap = cap ? cap * 2 : 256;
					xs = gip_xrealloc(xs, cap * sizeof *xs);
				}
				xs[m++] = place_x(&rows[i].val[j], edges[e]);
			}
		if (m == 0)
			break;
		qsort(xs, m, sizeof *xs, cmp_int);
		for (k = 0, start = 0, i = 1; i <= m; i++) {
			if (i < m && xs[i] - xs[i - 1] <= 1)
				continue;
			if (k < T3COLS)
				anchor[k] = xs[(start + i - 1) / 2];
			k++;
			start = i;
		}
		if (k == T3COLS)
			*edge = edges[e], found = 1;
	}
	free(xs);
	return found;
}

/* Column headers' centres, right or left edges (edge: PLACE_*): 自然人
 * 商业 科研 社会 法律 其他 总计 (其他 alone: it is in 法人或其他组织). */
static int
anchors_from_header(const struct grid *g, int edge, int *anchor)
{
	const char *words[T3COLS];
	struct gcell *c;
	int i, j, k, found = 0;

	for (k = 0; k < T3COLS; k++) {
		anchor[k] = -1;
		words[k] = tmpl_head_word("t3", t3_cols[k]);
	}
	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			for (k = 0; k < T3COLS; k++)
				if (anchor[k] < 0 && (k == 5 ?
				    strcmp(c[j].text, words[k]) == 0 :
				    has_prefix(c[j].text, words[k]))) {
					anchor[k] = place_x(&(struct vcell){
					    .x0 = c[j].x0, .x1 = c[j].x1},
					    edge);
					found++;
				}
	}
	return found == T3COLS;
}

/*
 * Anchors are only trusted where the numbers line up under them: columns
 * at least 3 apart, no row with two numbers under one column, and nearly
 * every number within a column's width of one (header words are centred,
 * numbers right-aligned in columns of unequal width).  lynx's unaligned
 * rows and numbers printed one per line fail this and are placed in
 * order instead.
 */
static int
anchors_usable(const int *anchor, const struct lrow *rows, const char **key,
    int n, int edge)
{
	int k, i, j, x, d, gap = 1 << 30, near = 0, all = 0;
	unsigned used;

	for (k = 1; k < T3COLS; k++) {
		if (anchor[k] - anchor[k - 1] < 3)
			return 0;
		if (anchor[k] - anchor[k - 1] < gap)
			gap = anchor[k] - anchor[k - 1];
	}
	for (i = 0; i < n; i++) {
		if (!key[i])
			continue;
		for (used = 0, j = 0; j < rows[i].nval; j++) {
			x = place_x(&rows[i].val[j], edge);
			k = place_nearest(anchor, T3COLS, x, &d);
			if (used & 1u << k)
				return 0;
			used |= 1u << k;
			near += d <= gap;
			all++;
		}
	}
	return near * 10 >= all * 9;
}

/* Anchors from the column titles, the values centred, right- or
 * left-aligned under them as the titles are: 1 if one way is usable. */
static int
anchors_from_titles(const struct grid *g, const struct lrow *rows,
    const char **key, int n, int *anchor, int *edge)
{
	for (*edge = PLACE_CENTRE; *edge <= PLACE_LEFT; (*edge)++)
		if (anchors_from_header(g, *edge, anchor) &&
		    anchors_usable(anchor, rows, key, n, *edge))
			return 1;
	*edge = PLACE_CENTRE;
	return 0;
}

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
	if (placed == PLACE_ALL)
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
	int k;

	for (k = 0; k < T3COLS; k++) {
		n[k] = 0;
		if (v[k].v.kind == V_BLANK)
			continue;
		if (v[k].v.kind != V_NUMBER || !value_is_int(&v[k].v))
			return 0;
		n[k] = strtoll(v[k].v.num, NULL, 10);
	}
	return place_check_total(n, T3COLS);
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
		placed = place_sequence(v, T3COLS, T3COLS, NULL, &s);
		if (!row_adds_up(v)) {
			tables_warn(t, rows[torn[i].from].line, "t3 row %s: "
			    "numbers printed apart from its label do not add "
			    "up, not placed", torn[i].row);
			placed = PLACE_NONE;
			memset(&s, 0, sizeof s);
		}
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
		if (!key[j] || strcmp(key[j], row) != 0)
			continue;
		if (rows[j].nval == 0 && rows[i].nval > 0) {
			key[j] = NULL;
			return 0;
		}
		return 1;
	}
	return 0;
}

/*
 * Columns found from the numbers (a PDF) are the table's columns only if
 * each stands nearest its own title (taken at the same edge) when the
 * titles are there: numbers shifted in some rows (a Word table's data
 * cells spanning otherwise than its header) make a group of their own.
 */
static int
columns_under_titles(const struct grid *g, const int *anchor, int edge)
{
	int title[T3COLS], k, d;

	if (!anchors_from_header(g, edge, title))
		return 1;
	for (k = 0; k < T3COLS; k++)
		if (place_nearest(title, T3COLS, anchor[k], &d) != k)
			return 0;
	return 1;
}

/*
 * Positions as printed, numbers away from their titles (a Word table
 * whose data cells span other columns than its header: its PDF centres
 * a number between two titles, so no anchor is usable): a row's values,
 * left to right, go to columns left to right, each as near its column's
 * title (anchor) as that order allows.
 */
static int
place_in_order(const struct lrow *r, const int *anchor, struct slots *s)
{
	long best[LROW_MAXVAL + 1][T3COLS + 1], d;
	struct vcell at[T3COLS];
	int i, k, m = r->nval;

	if (m > T3COLS)
		return PLACE_NONE;
	for (k = 0; k <= T3COLS; k++)
		best[0][k] = 0;
	for (i = 1; i <= m; i++) {
		best[i][0] = LONG_MAX / 2;
		for (k = 1; k <= T3COLS; k++) {
			d = labs((long)place_x(&r->val[i - 1], PLACE_CENTRE) -
			    anchor[k - 1]);
			best[i][k] = best[i][k - 1];
			if (best[i - 1][k - 1] + d < best[i][k])
				best[i][k] = best[i - 1][k - 1] + d;
		}
	}
	/* Back from the end: each value where its cost was taken, put
	 * exactly under its anchor for place_by_anchor. */
	for (i = m, k = T3COLS; i > 0; k--)
		if (best[i][k] != best[i][k - 1]) {
			at[i - 1] = r->val[i - 1];
			at[i - 1].x0 = at[i - 1].x1 = anchor[k - 1];
			i--;
		}
	return place_by_anchor(at, m, anchor, T3COLS, PLACE_CENTRE, s);
}

/* Rows with no value cells at all (explicit-cell layouts) are labels
 * only: they neither name a row nor hide a later one.  A row that starts
 * with its marker is a row even when header words follow its label (a
 * converter that prints the labels apart from the header's cells). */
static void
classify_rows(const struct lrow *rows, int n, int positional,
    const char **key)
{
	int i, seen = 0;

	for (i = 0; i < n; i++) {
		key[i] = NULL;
		if ((is_header(rows[i].label) && !t3_marked(rows[i].label)) ||
		    (!positional && rows[i].nval == 0))
			continue;
		key[i] = t3_classify(rows[i].label, seen);
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
		if (key[i] && has_prefix(key[i], "3.6."))
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
		if (!key[i] || rows[i].nval != T3COLS)
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
 * A row lynx printed joined takes its values in order, blanks included.  lynx leaves a row's last empty
 * cells out, so a row short of seven is padded with blanks, but kept
 * only if it then adds up: where a page's empty cells print no space at
 * all the count is short inside the row too, and only its numbers are
 * placed, by the row's identity where they can be.
 */
static int
place_counted(struct lrow *lr, struct slots *s)
{
	int n = lr->nval, k, j;

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

int
t3_extract(const struct grid *g, struct tables *t)
{
	static const char **key;
	static int keycap, ready;
	struct lrow *rows;
	struct slots s;
	int n, i, found = 0, anchor[T3COLS], use_anchor = 0, edge = 0;
	int placed, keeps, in_order = 0, first_col, skip;

	if (!ready)
		kw_init(), ready = 1;
	n = lrow_build(g, g->exact ? t3_starts_exact : t3_marked, &rows);
	if (n == LROW_MAXROWS)
		tables_warn(t, rows[n - 1].line, "t3: only the first %d "
		    "rows read", LROW_MAXROWS);
	if (n > keycap) {
		keycap = n * 2;
		key = gip_xrealloc(key, keycap * sizeof *key);
	}
	classify_rows(rows, n, g->positional, key);
	drop_group_3_6(key, n);
	note_rows(key, n, t);
	/* Rows placed by order mean labels printed apart from numbers: a
	 * row without numbers is then unread, not blank.  In a PDF (grid.
	 * exact) a row without numbers is blank unless rows were torn. */
	keeps = rows_keep_numbers(rows, key, n);
	found = place_torn(t, rows, key, n);
	keeps = g->exact ? found == 0 : keeps && found == 0;
	first_col = g->positional ? -1 : values_column(rows, key, n);
	if (g->exact && anchors_from_columns(rows, key, n, anchor, &edge) &&
	    anchors_usable(anchor, rows, key, n, edge) &&
	    columns_under_titles(g, anchor, edge))
		use_anchor = 1;
	else if (g->positional) {
		if (anchors_from_full_rows(rows, key, n, anchor) &&
		    anchors_usable(anchor, rows, key, n, PLACE_RIGHT))
			use_anchor = 1, edge = PLACE_RIGHT;
		else
			use_anchor = anchors_from_titles(g, rows, key, n,
			    anchor, &edge);
	}
	if (g->exact && !use_anchor)
		in_order = anchors_from_header(g, PLACE_CENTRE, anchor);
	for (i = 0; i < n; i++) {
		if (!key[i] || (!g->positional && rows[i].nval == 0))
			continue;
		if (joined_row(&rows[i]))
			placed = place_counted(&rows[i], &s);
		else if (in_order && rows[i].numbers < T3COLS)
			placed = place_in_order(&rows[i], anchor, &s);
		else if ((use_anchor && rows[i].numbers < T3COLS) ||
		    (g->positional && rows[i].nval == 0))
			placed = place_by_anchor(rows[i].val, rows[i].nval,
			    anchor, T3COLS, edge, &s);
		else {
			skip = g->positional ? 0 :
			    span_padding(&rows[i], first_col);
			placed = place_sequence(rows[i].val + skip,
			    skip ? T3COLS : rows[i].nval, T3COLS,
			    place_check_total, &s);
		}
		if (use_anchor && placed == PLACE_ALL && !g->exact &&
		    place_unknown_under(&s, anchor, &rows[i]))
			placed = PLACE_SOME;
		else if (rows[i].nval == 0 && (label_cut(&rows[i]) ||
		    !keeps))
			placed = PLACE_NONE, memset(&s, 0, sizeof s);
		emit_row(t, key[i], rows[i].line, rows[i].nval, &s, placed);
		found++;
	}
	free(rows);
	return found;
}
