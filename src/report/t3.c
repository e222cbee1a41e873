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

#define T3COLS 7

static const char *const t3_cols[T3COLS] = {"natural", "commercial",
	"research", "social", "legal", "other", "total"};

/* Key words of each row, most specific first; labels are squeezed. */
static const struct {
	const char *row;
	const char *kw[4];
} t3_words[] = {
	{"3.3.1", {"国家秘密"}}, {"3.3.2", {"禁止公开", "法规禁止", "其他法律"}},
	{"3.3.3", {"三安全", "一稳定"}}, {"3.3.4", {"第三方"}},
	{"3.3.5", {"内部事务", "三类内部"}},
	{"3.3.6", {"过程性", "四类过程"}}, {"3.3.7", {"执法案卷"}},
	{"3.3.8", {"查询事项", "行政查询"}}, {"3.4.1", {"不掌握"}},
	{"3.4.2", {"另行制作", "没有现成"}}, {"3.4.3", {"补正后", "仍不明确"}},
	{"3.5.1", {"信访", "举报投诉"}}, {"3.5.2", {"重复申请"}},
	{"3.5.3", {"出版物"}}, {"3.5.4", {"大量反复", "反复申请"}},
	{"3.5.5", {"重新出具", "确认或重新", "已获取"}},
	{"3.6.1", {"不补正", "理由逾期"}},
	{"3.6.2", {"缴纳费", "收费通知", "逾期未按"}},
	{"3.1", {"予以公开"}}, {"3.2", {"部分公开"}}, {"1", {"本年新收"}},
	{"2", {"上年结转"}}, {"4", {"结转下年", "继续办理"}},
};

enum { NWORDS = sizeof t3_words / sizeof t3_words[0], KW_SLOTS = 128 };

/*
 * The key words by their first three bytes (every one starts with a Han
 * character), hashed, for first_keyword: a label is read once instead of
 * once per key word.
 */
struct kw_entry {
	uint32_t	 lead;
	unsigned char	 word, k;	/* t3_words[word].kw[k] */
	int		 next;		/* index + 1 of the next in the slot */
};
static struct kw_entry kw_entry[NWORDS * 4];
static int kw_slot[KW_SLOTS];		/* index + 1 of the first entry */

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

static void
kw_init(void)
{
	int n = 0, k, i;
	unsigned h;

	for (i = NWORDS - 1; i >= 0; i--)	/* so slots list in order */
		for (k = 3; k >= 0; k--) {
			if (t3_words[i].kw[k] == NULL)
				continue;
			kw_entry[n].lead = lead3(t3_words[i].kw[k]);
			kw_entry[n].word = i;
			kw_entry[n].k = k;
			h = kw_hash(kw_entry[n].lead);
			kw_entry[n].next = kw_slot[h];
			kw_slot[h] = ++n;
		}
}

/*
 * The index of the first t3_words entry (in table order) one of whose
 * key words label contains, or NWORDS: what a strstr for every key word
 * in turn would find.
 */
static size_t
first_keyword(const char *label)
{
	static int ready;
	const struct kw_entry *ent;
	const char *p, *kw;
	size_t best = NWORDS, len = strlen(label);
	uint32_t lead;
	int e;

	if (!ready)
		kw_init(), ready = 1;
	for (p = label; len - (p - label) >= 3; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;	/* inside a character */
		lead = lead3(p);
		for (e = kw_slot[kw_hash(lead)]; e != 0; e = ent->next) {
			ent = &kw_entry[e - 1];
			if (ent->lead != lead || ent->word >= best)
				continue;
			kw = t3_words[ent->word].kw[ent->k];
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
	size_t i;

	if (is_row_3_6_3(label) && rows_seen > 0)
		return "3.6.3";
	if ((i = first_keyword(label)) < NWORDS)
		return t3_words[i].row;
	if (strstr(label, "其他处理"))
		return "3.6";
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
 * neither does a wrapped fragment that merely contains a key word.  A
 * header repeated after a page break starts a row of its own, so that it
 * does not join the last row of the page (a PDF read by position).
 */
static int
t3_starts(const char *label)
{
	static const char *const marks[] = {"一、", "二、", "四、", "(一)",
	    "(二)", "(六)", "(七)", "一.", "二.", "四.", "本年新收",
	    "上年结转", "予以公开", "部分公开", "结转下年", "其他处理"};
	size_t i;

	if (item_marker(label) || is_header(label))
		return 1;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (has_prefix(label, marks[i]))
			return 1;
	return 0;
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
 * them, those are the columns, blanks and all.  *how: PLACE_LEFT, 1
 * (right edges) or 0 (centres).
 */
static int
anchors_from_columns(const struct lrow *rows, const char **key, int n,
    int *anchor, int *how)
{
	static int *xs;
	static int cap;
	static const int hows[] = {PLACE_LEFT, 1, 0};
	const struct vcell *v;
	int h, i, j, m, k, start;

	for (h = 0; h < 3; h++) {
		for (m = i = 0; i < n; i++)
			for (j = 0; key[i] && j < rows[i].nval; j++) {
				if (rows[i].val[j].v.kind != V_NUMBER)
					continue;
				if (m == cap) {
					cap = cap ? cap * 2 : 256;
					xs = gip_xrealloc(xs, cap * sizeof *xs);
				}
				v = &rows[i].val[j];
				xs[m++] = hows[h] == PLACE_LEFT ? v->x0 :
				    hows[h] ? v->x1 : (v->x0 + v->x1) / 2;
			}
		if (m == 0)
			return 0;
		qsort(xs, m, sizeof *xs, cmp_int);
		for (k = 0, start = 0, i = 1; i <= m; i++) {
			if (i < m && xs[i] - xs[i - 1] <= 1)
				continue;
			if (k < T3COLS)
				anchor[k] = xs[(start + i - 1) / 2];
			k++;
			start = i;
		}
		if (k == T3COLS) {
			*how = hows[h];
			return 1;
		}
	}
	return 0;
}

/* Column headers' centres: 自然人 商业 科研 社会 法律 其他 总计. */
static int
anchors_from_header(const struct grid *g, int *anchor)
{
	static const char *const words[T3COLS] = {"自然人", "商业", "科研",
	    "社会", "法律", "其他", "总计"};
	struct gcell *c;
	int i, j, k, found = 0;

	for (k = 0; k < T3COLS; k++)
		anchor[k] = -1;
	for (i = 0; i < g->nrow; i++) {
		c = grid_cells(g, &g->row[i]);
		for (j = 0; j < g->row[i].ncell; j++)
			for (k = 0; k < T3COLS; k++)
				if (anchor[k] < 0 && (k == 5 ?
				    strcmp(c[j].text, words[k]) == 0 :
				    has_prefix(c[j].text, words[k]))) {
					anchor[k] = (c[j].x0 + c[j].x1) / 2;
					found++;
				}
	}
	return found == T3COLS;
}

/* Index of the anchor nearest x, and its distance. */
static int
nearest(const int *anchor, int x, int *dist)
{
	int k, best = 0, d;

	*dist = 1 << 30;
	for (k = 0; k < T3COLS; k++)
		if ((d = abs(anchor[k] - x)) < *dist)
			*dist = d, best = k;
	return best;
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
    int n, int right)
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
			x = right == PLACE_LEFT ? rows[i].val[j].x0 : right ?
			    rows[i].val[j].x1 : (rows[i].val[j].x0 +
			    rows[i].val[j].x1) / 2;
			k = nearest(anchor, x, &d);
			if (used & 1u << k)
				return 0;
			used |= 1u << k;
			near += d <= gap;
			all++;
		}
	}
	return near * 10 >= all * 9;
}

static void
emit_row(struct tables *t, const char *row, const struct lrow *lr,
    const struct slots *s, int placed)
{
	int k, missing = 0;

	for (k = 0; k < T3COLS; k++) {
		if (s->set[k])
			tables_add(t, "t3", row, t3_cols[k], lr->line,
			    s->val[k]);
		else
			missing++;
	}
	if (placed == PLACE_ALL)
		return;
	if (placed == PLACE_NONE)
		tables_warn(t, lr->line, "t3 row %s: %d values for %d columns, "
		    "not placed", row, lr->nval, T3COLS);
	else
		tables_warn(t, lr->line, "t3 row %s: %d values for %d columns, "
		    "%d cells left out", row, lr->nval, T3COLS, missing);
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

/* Rows with no value cells at all (explicit-cell layouts) are labels
 * only: they neither name a row nor hide a later one. */
static void
classify_rows(const struct lrow *rows, int n, int positional,
    const char **key)
{
	int i, seen = 0;

	for (i = 0; i < n; i++) {
		key[i] = NULL;
		if (is_header(rows[i].label) || (!positional &&
		    rows[i].nval == 0))
			continue;
		key[i] = t3_classify(rows[i].label, seen);
		if (key[i] && already_found(rows, key, i, key[i]))
			key[i] = NULL;
		seen += key[i] != NULL;
	}
}

/* 2021's （六） is a group over 3.6.1-3: its label is no data row then. */
static void
drop_group_3_6(const char **key, int n, struct tables *t)
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
	if (has21)
		t->t3_2021++;
	else if (at36 >= 0)
		t->t3_2019++;
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

int
t3_extract(const struct grid *g, struct tables *t)
{
	static const char **key;
	static int keycap;
	struct lrow *rows;
	struct slots s;
	int n, i, found = 0, anchor[T3COLS], use_anchor = 0, right = 0;
	int placed;

	n = lrow_build(g, t3_starts, &rows);
	if (n == LROW_MAXROWS)
		tables_warn(t, rows[n - 1].line, "t3: only the first %d "
		    "rows read", LROW_MAXROWS);
	if (n > keycap) {
		keycap = n * 2;
		key = gip_xrealloc(key, keycap * sizeof *key);
	}
	classify_rows(rows, n, g->positional, key);
	drop_group_3_6(key, n, t);
	if (g->exact && anchors_from_columns(rows, key, n, anchor, &right) &&
	    anchors_usable(anchor, rows, key, n, right))
		use_anchor = 1;
	else if (g->positional) {
		right = 0;
		if (anchors_from_full_rows(rows, key, n, anchor) &&
		    anchors_usable(anchor, rows, key, n, 1))
			use_anchor = right = 1;
		else if (anchors_from_header(g, anchor) &&
		    anchors_usable(anchor, rows, key, n, 0))
			use_anchor = 1;
	}
	for (i = 0; i < n; i++) {
		if (!key[i] || (!g->positional && rows[i].nval == 0))
			continue;
		if ((use_anchor && rows[i].numbers < T3COLS) ||
		    (g->positional && rows[i].nval == 0))
			placed = place_by_anchor(rows[i].val, rows[i].nval,
			    anchor, T3COLS, right, &s);
		else
			placed = place_sequence(rows[i].val, rows[i].nval,
			    T3COLS, place_check_total, &s);
		if (use_anchor && placed == PLACE_ALL && !g->exact &&
		    place_unknown_under(&s, anchor, &rows[i]))
			placed = PLACE_SOME;
		else if (rows[i].nval == 0 && (label_cut(&rows[i]) ||
		    (!g->exact && !rows_keep_numbers(rows, key, n))))
			placed = PLACE_NONE, memset(&s, 0, sizeof s);
		emit_row(t, key[i], &rows[i], &s, placed);
		found++;
	}
	return found;
}
