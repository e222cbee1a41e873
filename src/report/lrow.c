/*
 * Merging line-rows into table rows.  A row starts where a label cell
 * starts with a row marker; lines without one continue the row above
 * (wrapped labels, numbers printed on the middle line of a tall row).
 */
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "lrow.h"
#include "text.h"
#include "utf8.h"

/* Append s, squeezed, to the label dst of the given size. */
static void
label_add_n(char *dst, size_t size, const char *s)
{
	text_label_append(dst, size, s, strlen(s));
}

static void
label_add(char *dst, const char *s)
{
	label_add_n(dst, LROW_LABEL, s);
}

static void
add_value(struct lrow *lr, const struct value *v, const struct gcell *c,
    int cell)
{
	if (lr->nval == LROW_MAXVAL) {
		lr->overflow = 1;
		return;
	}
	lr->val[lr->nval].v = *v;
	lr->val[lr->nval].x0 = c->x0;
	lr->val[lr->nval].x1 = c->x1;
	lr->val[lr->nval].cell = cell;
	lr->nval++;
	lr->numbers += v->kind == V_NUMBER;
}

/*
 * Wrapped label text joins the cell above it, by position: line by line
 * the columns of a tall label area interleave ("（三）不予公  1.属于国家秘"
 * over "开  密").  The segment x0..x1 joins, or a new one; NULL if there
 * is no room.
 */
static struct lseg *
seg_at(struct lrow *lr, int x0, int x1)
{
	struct lseg *sg;
	int k;

	for (k = 0; k < lr->nseg; k++) {
		sg = &lr->seg[k];
		if (x0 < sg->x1 && x1 > sg->x0) {
			if (x1 > sg->x1)
				sg->x1 = x1;
			return sg;
		}
		if (x0 < sg->x0)
			break;
	}
	if (lr->nseg == LROW_MAXSEG)
		return NULL;
	if (k < lr->nseg)	/* most segments come left to right */
		memmove(&lr->seg[k + 1], &lr->seg[k], (lr->nseg - k) *
		    sizeof lr->seg[0]);
	sg = &lr->seg[k];
	sg->x0 = x0;
	sg->x1 = x1;
	sg->text[0] = '\0';
	sg->len = 0;
	lr->nseg++;
	return sg;
}

/* Add text (n bytes, no NUL among them) to the segment x0..x1. */
static void
seg_add(struct lrow *lr, const char *text, size_t n, int x0, int x1)
{
	struct lseg *sg = seg_at(lr, x0, x1);

	if (sg != NULL)
		sg->len = (int)text_label_append_at(sg->text, sg->len,
		    sizeof sg->text, text, n);
}

/*
 * Append text (tlen bytes, no NUL among them; simple: a grid cell's
 * flag) to the row's label and to its segment x0..x1, normalised once:
 * the label's new tail is what the segment gets, cut as
 * text_label_append cuts, unless the label was full (then the text is
 * normalised again).  *llen is the label's length, kept up to date
 * (the callers build the label here alone: no strlen of it per cell).
 * Returns the tail, the whole of text normalised, or NULL if it may
 * have been cut.
 */
static const char *
label_and_seg(struct lrow *lr, size_t *llen, const char *text, size_t tlen,
    int simple, int x0, int x1)
{
	size_t have = *llen, n, used;
	struct lseg *sg;

	/* a cell's text that text_clean found simple: its label form is
	 * the text without spaces, no second normalising */
	n = (simple ? text_label_append_simple : text_label_append_at)(
	    lr->label, have, LROW_LABEL, text, tlen) - have;
	*llen = have + n;
	if (have + n + 1 >= LROW_LABEL) {	/* may have been cut */
		seg_add(lr, text, tlen, x0, x1);
		return NULL;
	}
	if ((sg = seg_at(lr, x0, x1)) == NULL)
		return lr->label + have;
	used = sg->len;
	if (n > sizeof sg->text - used - 1)
		n = sizeof sg->text - used - 1;
	memcpy(sg->text + used, lr->label + have, n);
	sg->text[used + n] = '\0';
	sg->len = (int)(used + n);
	return lr->label + have;
}

/*
 * The label of a row of explicit cells that wraps over lines, cell by
 * cell (its segments are its cells): line by line, a label area of
 * several columns interleaves ("（四）无法  1.本机关不掌" over "提供
 * 握相关政府信息").  Kept line by line where a cell did not fit.
 */
static void
label_by_cells(struct lrow *lr)
{
	size_t have = 0;
	int k;

	if (lr->nseg == 0 || lr->nseg == LROW_MAXSEG)
		return;
	for (k = 0; k < lr->nseg; k++)
		if ((size_t)lr->seg[k].len + 4 >= sizeof lr->seg[k].text)
			return;
	lr->label[0] = '\0';
	for (k = 0; k < lr->nseg; k++)
		have = text_label_append_at(lr->label, have, LROW_LABEL,
		    lr->seg[k].text, lr->seg[k].len);
}

/* The label of a positional row: its segments from left to right. */
static void
label_from_segments(struct lrow *lr)
{
	size_t have = 0;
	int k;

	lr->label[0] = lr->first[0] = '\0';
	for (k = 0; k < lr->nseg; k++)
		have = text_label_append_at(lr->label, have, LROW_LABEL,
		    lr->seg[k].text, lr->seg[k].len);
	if (lr->nseg > 0)
		text_label_append_at(lr->first, 0, LROW_LABEL,
		    lr->seg[0].text, lr->seg[0].len);
}

/*
 * Is s[0..len) (one or two 3-byte characters) a count word: "0" and it a
 * number without a unit?  Every text cell of a table asks this of its
 * first character, and value_parse costs some 200 instructions: the
 * answers are kept, one a slot of a direct-mapped table by a
 * multiplicative hash of the bytes (4,096 slots: 256 by a sum of the bytes
 * missed one call in six; a pure function, so only the time changes).
 */
static int
is_count_word(const char *s, size_t len)
{
	static struct {
		uint64_t	key;	/* the bytes, zero-padded */
		unsigned char	len, yes;
	} memo[4096];
	uint64_t key = 0;
	unsigned h;
	char tmp[8];
	struct value v;

	memcpy(&key, s, len);	/* 3 or 6 bytes */
	h = (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 52);	/* 12 bits */
	if (memo[h].len == len && memo[h].key == key)
		return memo[h].yes;
	tmp[0] = '0';
	memcpy(tmp + 1, s, len);
	tmp[len + 1] = '\0';
	value_parse(tmp, &v);
	memo[h].len = (unsigned char)len;
	memo[h].key = key;
	memo[h].yes = v.kind == V_NUMBER && v.unit == UNIT_NONE;
	return memo[h].yes;
}

/* Is s[0..n) count words alone, one or two characters each ("条",
 * "条 条", "人次"): "0" and each a number, not an amount (元)? */
static int
count_words_n(const char *s, size_t n)
{
	size_t len;

	while (n > 0 && *s == ' ')
		s++, n--;
	if (n == 0)
		return 0;
	while (n > 0) {
		if ((unsigned char)*s < 0x80)
			return 0;
		for (len = 6; len >= 3; len -= 3) {
			if (len > n)
				continue;
			if (is_count_word(s, len))
				break;
		}
		if (len < 3)
			return 0;
		s += len, n -= len;
		while (n > 0 && *s == ' ')
			s++, n--;
	}
	return 1;
}

static int
count_words_only(const char *s)
{
	return count_words_n(s, strlen(s));
}

static int
is_unit_word(const char *t, size_t n)
{
	return (n == 3 && memcmp(t, "元", 3) == 0) || (n == 6 &&
	    (memcmp(t, "万元", 6) == 0 || memcmp(t, "亿元", 6) == 0));
}

static int
is_number_word(const char *t, size_t n, struct value *v)
{
	char tmp[VALUE_MAX];

	if (n == 0 || n >= sizeof tmp)
		return 0;
	memcpy(tmp, t, n);
	tmp[n] = '\0';
	value_parse(tmp, v);
	return v->kind == V_NUMBER;
}

/* A word w..e of a number and count words glued to it ("0条条条", the
 * spaces between CJK characters squeezed): where the count words after
 * the number begin, or e. */
static const char *
glued_units(const char *w, const char *e)
{
	const char *cut = e;
	struct value v;

	while (cut > w) {
		do
			cut--;
		while (cut > w && (*cut & 0xc0) == 0x80);
		if (!count_words_n(cut, e - cut))
			return e;
		if (is_number_word(w, cut - w, &v))
			return cut;
	}
	return e;
}

/*
 * A cell of a space-aligned line may hold a label and numbers, or several
 * numbers, joined by single spaces (lynx prints a table it cannot align
 * so: "一、本年新收政府信息公开申请数量 0 5 0").  The trailing numbers are
 * split off as values; returns how many bytes of label remain.  Count
 * words alone after them ("0条 0条 条 条") are the units of numbers on
 * the line above, wrapped in narrow columns (w3m): no label.
 */
static size_t
split_numbers(const struct gcell *c, struct lrow *lr)
{
	const char *t = c->text, *end = t + strlen(t), *w, *stop = end, *cut;
	const char *w0, *stop0;
	struct value v[LROW_MAXVAL];
	int x[LROW_MAXVAL], n = 0, k, units = 0, num0;
	struct gcell at;

	for (;;) {
		for (w = stop; w > t && w[-1] != ' '; w--)
			;
		if (w == t || !count_words_n(w, stop - w))
			break;
		stop = w - 1;
		units = 1;
	}
	/* the last word w0..stop0 and whether it is a number: the loop
	 * below starts there again when stop is still stop0 (a label
	 * without numbers: neither found nor parsed twice) */
	w0 = w;
	stop0 = stop;
	if (!(num0 = is_number_word(w, stop - w, &v[0])) &&
	    (cut = glued_units(w, stop)) != stop)
		stop = cut, units = 1;
	if (units && !is_number_word(w, stop - w, &v[0]))
		stop = end, units = 0;
	while (stop > t && n < LROW_MAXVAL) {
		if (n == 0 && stop == stop0)
			w = w0;
		else
			for (w = stop; w > t && w[-1] != ' '; w--)
				;
		if (is_unit_word(w, stop - w) && w > t) {
			w--;
			while (w > t && w[-1] != ' ')
				w--;
		}
		if (n == 0 && stop == stop0 && w == w0 && !num0)
			break;
		if (!is_number_word(w, stop - w, &v[n]))
			break;
		x[n++] = c->x0 + (int)utf8_width(t, w - t);
		stop = w > t ? w - 1 : w;
	}
	if (n == 0 || (n == 1 && stop == t && !units))
		return end - t;
	for (k = n - 1; k >= 0; k--) {
		at.x0 = x[k];
		at.x1 = x[k] + (int)strlen(v[k].num);
		add_value(lr, &v[k], &at, -1);
	}
	return stop > t ? (size_t)(stop - t) : 0;
}

/* A text cell of a space-aligned line (simple: its flag, grid.h):
 * label, then any numbers.  Returns the cell's whole text normalised as the label got it, or
 * NULL if the label did not get it whole.  *llen: label_and_seg's. */
static const char *
positional_text(struct lrow *lr, size_t *llen, const struct gcell *c,
    int simple)
{
	char label[LROW_LABEL];
	const char *tail;
	size_t n;
	int first;

	n = split_numbers(c, lr);
	if (n == 0)
		return NULL;
	if (n >= sizeof label) {	/* a character may be cut */
		n = sizeof label - 1;
		simple = 0;
	}
	memcpy(label, c->text, n);
	label[n] = '\0';
	first = lr->first[0] == '\0';
	tail = label_and_seg(lr, llen, label, n, simple, c->x0,
	    c->text[n] == '\0' ? c->x1 : c->x0 + (int)utf8_width(label, n));
	/* the first label cell: the label's tail when it was not cut */
	if (first && tail != NULL)
		memcpy(lr->first, tail, *llen - (size_t)(tail - lr->label) +
		    1);
	else if (first)
		text_label_append_at(lr->first, 0, LROW_LABEL, label, n);
	return c->text[n] == '\0' ? tail : NULL;
}

/* Room for the parsed values of a line-row's cells: on the stack for
 * rows of usual width, else on the heap. */
struct rowvals {
	struct value	*v;
	struct value	 small[64];
	int		 cap;
};

/* The values of a line-row's cells, parsed once for the callers below. */
static const struct value *
row_values(const struct grid *g, const struct grow *r, struct rowvals *rv)
{
	const struct gcell *c = grid_cells(g, r);
	struct value *v;
	const int n = r->ncell;	/* once: the parse writes bytes */
	int i;

	if (rv->v == NULL) {
		rv->v = rv->small;
		rv->cap = 64;
	}
	if (n > rv->cap) {
		if (rv->v == rv->small)
			rv->v = NULL;
		rv->cap = n;
		rv->v = gip_xrealloc(rv->v, rv->cap * sizeof *rv->v);
	}
	for (i = 0, v = rv->v; i < n; i++)
		value_parse(c[i].text, &v[i]);
	return rv->v;
}

static void
rowvals_free(struct rowvals *rv)
{
	if (rv->v != rv->small)
		free(rv->v);
}

/*
 * Where split_parsed put the normalised text of a row's first
 * CELLLABELS label cells in its label: any_label_starts asks for the
 * same text again.  len -1: not there whole.
 */
#define CELLLABELS	64
struct cellabels {
	int	off[CELLLABELS], len[CELLLABELS];
};

/* llen: the label's length, tail its end. */
static void
note_label(struct cellabels *cl, int i, const struct lrow *lr,
    const char *tail, size_t llen)
{
	if (tail != NULL && cl != NULL && i < CELLLABELS) {
		cl->off[i] = (int)(tail - lr->label);
		cl->len[i] = (int)(llen - (size_t)(tail - lr->label));
	}
}

/* lrow_split, with the cells' values parsed; cl (or NULL) notes where
 * each label cell's text went. */
static void
split_parsed(const struct grid *g, const struct grow *r,
    const struct value *v, struct lrow *lr, struct cellabels *cl)
{
	struct gcell *c = grid_cells(g, r);
	struct value blank;
	const char *tail;
	/* read once: the calls below could change them for all the
	 * compiler knows, and it would read them again for every cell */
	const unsigned char *simple = g->simple + r->first;
	const int ncell = r->ncell, positional = g->positional;
	size_t llen = 0;	/* strlen(lr->label) */
	enum vkind kind;
	int i, last = -1, units = 0;

	/* the strings emptied, not their 2 x LROW_LABEL bytes cleared */
	lr->label[0] = lr->first[0] = '\0';
	lr->nval = 0;
	lr->numbers = lr->overflow = lr->nseg = lr->merged = 0;
	lr->line = r->line;
	/* the last label cell, looked for from the right: count words are
	 * asked of the cells after it only */
	for (i = ncell - 1; i >= 0 && last < 0; i--)
		if (v[i].kind == V_TEXT && (positional ||
		    !count_words_only(c[i].text)))
			last = i;
	/* Explicit cells: count words alone in cells after the label, on a
	 * line with numbers there, are the units of numbers on the line
	 * above, wrapped in a narrow cell ("│106│" over "│条 │"): blanks. */
	for (i = last + 1; !positional && !units && i < ncell; i++)
		units = v[i].kind == V_NUMBER;
	if (units)
		value_parse("", &blank);
	for (i = 0; i < ncell; i++) {
		kind = v[i].kind;
		if (cl != NULL && i < CELLLABELS)
			cl->len[i] = -1;
		if (units && i > last && kind == V_TEXT)
			add_value(lr, &blank, &c[i], i);
		else if (kind == V_TEXT && positional) {
			tail = positional_text(lr, &llen, &c[i], simple[i]);
			note_label(cl, i, lr, tail, llen);
		} else if (kind == V_TEXT) {
			tail = label_and_seg(lr, &llen, c[i].text,
			    strlen(c[i].text), simple[i], i, i + 1);
			note_label(cl, i, lr, tail, llen);
			/* until first has text, label is what first would
			 * be: copied, not normalised twice */
			if (lr->first[0] == '\0')
				memcpy(lr->first, lr->label, llen + 1);
		} else if (positional ? c[i].text[0] != '\0' ||
		    c[i].x0 == GRID_XCOUNTED : i > last)
			add_value(lr, &v[i], &c[i], i);
	}
}

/*
 * One line-row as label and values.  With explicit cells the values are
 * the cells after the last label cell; with positions, every number.
 */
void
lrow_split(const struct grid *g, const struct grow *r, struct lrow *lr)
{
	struct rowvals rv;

	rv.v = NULL;		/* not = {0}: that clears 64 values */
	split_parsed(g, r, row_values(g, r, &rv), lr, NULL);
	rowvals_free(&rv);
}

/*
 * Input bytes text_starts normalises for the keys of one text's words in
 * full; past that, a word's key is made of its first STARTS_WORD_IN
 * bytes.  Each word's key is the rest of the text, so a text of many
 * short words cost its length squared: a fuzzed line of 2,000 one-letter
 * words, 2 M bytes normalised, 40 ms (tests/fuzz/README.md).  A row
 * marker is a few characters at a key's start, and what a word's key
 * holds further on, the key of the text's first word held too.
 */
#define STARTS_BUDGET	32768
#define STARTS_WORD_IN	128

/*
 * Does a row marker start this text, or any word of it (lynx joins a
 * group label and its first row's label with a space)?  The key of
 * the first word is the whole text normalised: `known` (n bytes) if
 * the caller has it, else NULL.  simple: the cell's flag (grid.h).
 */
static int
text_starts(const char *text, int simple, const char *known, int n,
    lrow_starts_fn starts)
{
	char key[LROW_LABEL];
	const char *w, *end = text + strlen(text);
	size_t rest, spent = 0;

	for (w = text; w != NULL; w = memchr(w, ' ', (size_t)(end - w))) {
		while (*w == ' ')
			w++;
		rest = (size_t)(end - w);
		if (spent > STARTS_BUDGET && rest > STARTS_WORD_IN) {
			rest = STARTS_WORD_IN;	/* at a character's start */
			while (rest > 0 && ((unsigned char)w[rest] & 0xc0) ==
			    0x80)
				rest--;
		}
		if (w == text && known != NULL) {
			memcpy(key, known, n);
			key[n] = '\0';
		} else if (simple) {	/* a word of a simple text is so */
			text_label_append_simple(key, 0, sizeof key, w, rest);
			spent += rest;
		} else {
			text_label_append_at(key, 0, sizeof key, w, rest);
			spent += rest;
		}
		if (key[0] != '\0' && starts(key))
			return 1;
	}
	return 0;
}

static int
any_label_starts(const struct grid *g, const struct grow *r,
    const struct value *v, const struct lrow *lr,
    const struct cellabels *cl, lrow_starts_fn starts)
{
	struct gcell *c = grid_cells(g, r);
	int i, known;

	for (i = 0; i < r->ncell; i++) {
		if (v[i].kind != V_TEXT)
			continue;
		known = i < CELLLABELS && cl->len[i] >= 0;
		if (text_starts(c[i].text, g->simple[r->first + i], known ?
		    lr->label + cl->off[i] : NULL, known ? cl->len[i] : 0,
		    starts))
			return 1;
	}
	return 0;
}

/* A value of a positional row: a number, or an empty cell the converter
 * counted (GRID_XCOUNTED). */
static int
positional_value(const struct vcell *v)
{
	return v->v.kind == V_NUMBER || v->x0 == GRID_XCOUNTED;
}

int
lrow_counted(const struct vcell *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i].x0 == GRID_XCOUNTED)
			return 1;
	return 0;
}

void
lrow_pad_counted(struct lrow *lr, int ncol)
{
	struct value blank;

	if (!lrow_counted(lr->val, lr->nval))
		return;
	value_parse("", &blank);
	while (lr->nval < ncol)
		add_value(lr, &blank, &(struct gcell){NULL, GRID_XCOUNTED,
		    GRID_XCOUNTED}, -1);
}

/*
 * A segment of count words standing under the numbers of the row it
 * continues (by position, or in their cells) is their units, wrapped in
 * a narrow column ("0条" printed "0" over "条"), not label text.
 */
static int
wrapped_units(const struct lrow *cur, const struct lseg *sg, int positional)
{
	int k;

	if (!count_words_only(sg->text))
		return 0;
	for (k = 0; k < cur->nval; k++)
		if (cur->val[k].v.kind == V_NUMBER && (positional ?
		    cur->val[k].x0 < sg->x1 && sg->x0 < cur->val[k].x1 + 2 :
		    cur->val[k].cell == sg->x0))
			return 1;
	return 0;
}

/* Fold line-row `next` into the row `cur` it continues. */
static void
merge_into(struct lrow *cur, const struct lrow *next, int positional)
{
	int i, take;

	for (i = 0; i < next->nseg; i++)
		if (!wrapped_units(cur, &next->seg[i], positional))
			seg_add(cur, next->seg[i].text, next->seg[i].len,
			    next->seg[i].x0, next->seg[i].x1);
	label_add(cur->label, next->label);
	if (cur->first[0] == '\0')
		memcpy(cur->first, next->first, strlen(next->first) + 1);
	take = positional ? next->numbers > 0 ||
	    lrow_counted(next->val, next->nval) : cur->numbers == 0 &&
	    next->numbers > 0;
	if (!positional && take)
		cur->nval = cur->numbers = 0;
	if (!take && !(cur->nval == 0 && !positional))
		return;
	for (i = 0; i < next->nval; i++)
		if (!positional || positional_value(&next->val[i]))
			add_value(cur, &next->val[i].v, &(struct gcell){
			    NULL, next->val[i].x0, next->val[i].x1},
			    positional ? -1 : next->val[i].cell);
}

/* The value of cur in line cell `cell`, or NULL. */
static struct vcell *
value_in_cell(struct lrow *cur, int cell)
{
	int k;

	for (k = 0; k < cur->nval; k++)
		if (cur->val[k].cell == cell)
			return &cur->val[k];
	return NULL;
}

/* Positions as printed (a PDF): does a number of `next` sit where one of
 * cur already is?  Then next is a row of its own, not a continuation. */
static int
numbers_collide(const struct lrow *cur, const struct lrow *next)
{
	int i, j, a, b;

	for (i = 0; i < next->nval; i++) {
		if (next->val[i].v.kind != V_NUMBER)
			continue;
		a = next->val[i].x0 + next->val[i].x1;
		for (j = 0; j < cur->nval; j++) {
			b = cur->val[j].x0 + cur->val[j].x1;
			if (cur->val[j].v.kind == V_NUMBER && a - b <= 2 &&
			    b - a <= 2)
				return 1;
		}
	}
	return 0;
}

/*
 * Positions as printed (a PDF): a row's values from left to right, as
 * the row shows them, whatever line of the row each was printed on (the
 * numbers of a cell aligned to its top, of the next to its middle).
 */
static void
values_by_x(struct lrow *lr)
{
	struct vcell v;
	int i, j;

	for (i = 1; i < lr->nval; i++) {
		v = lr->val[i];
		for (j = i; j > 0 && lr->val[j - 1].x0 + lr->val[j - 1].x1 >
		    v.x0 + v.x1; j--)
			lr->val[j] = lr->val[j - 1];
		lr->val[j] = v;
	}
}

/*
 * A line of numbers under a row of the same cells, its numbers only
 * where that row's cells are blank and any text of it in the row's
 * label cells (a wrapped label): w3m prints a tall row's values on
 * different lines of the row (vertical-align middle with cells of
 * unequal height).  Its numbers fill those cells, its text goes on the
 * label; returns 0, cur untouched, if the line is not such a line.
 */
static int
fill_cells(struct lrow *cur, const struct lrow *next)
{
	struct vcell *at;
	int i;

	if (next->numbers == 0 || (next->label[0] != '\0' &&
	    (cur->nval == 0 || next->nval == 0 ||
	    next->val[0].cell > cur->val[0].cell)))
		return 0;
	for (i = 0; i < next->nval; i++) {
		if (next->val[i].v.kind != V_NUMBER)
			continue;
		at = value_in_cell(cur, next->val[i].cell);
		if (at == NULL || at->v.kind != V_BLANK)
			return 0;
	}
	for (i = 0; i < next->nval; i++)
		if (next->val[i].v.kind == V_NUMBER) {
			value_in_cell(cur, next->val[i].cell)->v =
			    next->val[i].v;
			cur->numbers++;
		}
	label_add(cur->label, next->label);
	for (i = 0; i < next->nseg; i++)
		if (!wrapped_units(cur, &next->seg[i], 0))
			seg_add(cur, next->seg[i].text, next->seg[i].len,
			    next->seg[i].x0, next->seg[i].x1);
	return 1;
}

/*
 * Build the logical rows of a grid into *out (*outcap rows, grown as
 * needed, kept by the caller).  Only layouts that wrap rows over lines have continuation
 * lines; with explicit cells one has the cells of the line above, and a
 * line shaped otherwise (a header repeated after a page break) is a row
 * of its own.  Stops after LROW_MAXROWS rows.
 */
int
lrow_build(const struct grid *g, lrow_starts_fn starts, struct lrow **out,
    int *outcap)
{
	struct lrow *rows = *out, *line;
	struct cellabels cl;
	struct rowvals rv;
	const struct value *vals;
	int i, n = 0, cap = *outcap, newrow, width = -1;

	rv.v = NULL;		/* not = {0}: that clears 64 values */
	for (i = 0; i < g->nrow; i++) {
		/* Split into the next free row (10 KiB, not copied): it stays
		 * if the line starts a row, else it is merged and reused. */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			rows = gip_xrealloc(rows, cap * sizeof *rows);
			*out = rows;
			*outcap = cap;
		}
		line = &rows[n];
		vals = row_values(g, &g->row[i], &rv);
		split_parsed(g, &g->row[i], vals, line, &cl);
		newrow = n == 0 || !g->wraps ||
		    any_label_starts(g, &g->row[i], vals, line, &cl, starts);
		if (!newrow && !g->positional && g->row[i].ncell == width &&
		    line->numbers > 0 && rows[n - 1].numbers > 0 &&
		    fill_cells(&rows[n - 1], line)) {
			rows[n - 1].merged = 1;
			continue;
		}
		if (!newrow && !g->positional && (g->row[i].ncell != width ||
		    (line->numbers > 0 && rows[n - 1].numbers > 0)))
			newrow = 1;
		width = g->row[i].ncell;
		if (!newrow && g->exact && numbers_collide(&rows[n - 1], line))
			newrow = 1;
		if (!newrow) {
			merge_into(&rows[n - 1], line, g->positional);
			rows[n - 1].merged = 1;
			continue;
		}
		if (n == LROW_MAXROWS)
			break;
		n++;
	}
	for (i = 0; i < n; i++)
		if (g->positional)
			label_from_segments(&rows[i]);
		else if (rows[i].merged)
			label_by_cells(&rows[i]);
	for (i = 0; g->exact && i < n; i++)
		values_by_x(&rows[i]);
	rowvals_free(&rv);
	*out = rows;
	return n;
}
