/*
 * html2text's ruled table rows mended (h2tbox.h): the remains of a cut
 * label taken out of the number cells and back to the label.
 *
 * What a cell shows, by how html2text writes a row: its own text from
 * its first byte (a number fits its column: it is ASCII), then, where
 * the text of a cell to its left ran on further, that text's remains;
 * one byte of a character cut by a bar or by the next cell reads as
 * U+FFFD (input.c decodes each invalid byte to one).  So a cell that
 * begins with U+FFFD has no text of its own, and a label's own text is
 * what stands before its first U+FFFD.
 */
#include <string.h>

#include "h2tbox.h"
#include "h2tlabel.h"
#include "lines.h"
#include "text.h"
#include "tmpl.h"
#include "value.h"

#define MAXCELLS	32

enum { K_EMPTY, K_TEXT, K_NUMBER, K_REMAINS };

struct rcell {
	const char	*s, *e;		/* trimmed of spaces and '_' */
	const char	*ns, *ne;	/* K_NUMBER: the number */
	int		 kind;
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of the padding at p: a space, html2text's '_', NBSP or
 * U+3000 (a cell of &nbsp;); 0 if none. */
static size_t
pad_at(const char *p, const char *e)
{
	if (p < e && (*p == ' ' || *p == '_'))
		return 1;
	if (e - p >= 2 && memcmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	if (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* The length of the padding that ends at e (s: where the text begins). */
static size_t
pad_before(const char *s, const char *e)
{
	if (e > s && (e[-1] == ' ' || e[-1] == '_'))
		return 1;
	if (e - s >= 2 && memcmp(e - 2, "\xc2\xa0", 2) == 0)
		return 2;
	if (e - s >= 3 && memcmp(e - 3, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

/* s..e without the padding at either end, in *sp..*ep. */
static void
trim(const char **sp, const char **ep)
{
	const char *s = *sp, *e = *ep;
	size_t k;

	while ((k = pad_at(s, e)) > 0)
		s += k;
	while ((k = pad_before(s, e)) > 0)
		e -= k;
	*sp = s;
	*ep = e;
}

static const char *
skip_remains(const char *p, const char *e)
{
	for (;;)
		if (pad_at(p, e) > 0)
			p += pad_at(p, e);
		else if (lines_is_fffd(p, e))
			p += 3;
		else
			return p;
}

/* "1." "2、" "3．" and no digit after: a row's item marker, no number. */
static int
item_marker(const char *q, const char *e)
{
	size_t m;

	if (q < e && *q == '.')
		m = 1;
	else if (e - q >= 3 && (memcmp(q, "、", 3) == 0 ||
	    memcmp(q, "．", 3) == 0))
		m = 3;
	else
		return 0;
	return !(q + m < e && is_digit(q[m]));
}

/*
 * The number a cell begins with (after remains: a centred number), and
 * nothing but remains without digits after it: 1 and the number's bytes
 * with their unit (`0件`), if any, in *ns..*ne.  markers: 1. to 8. with
 * no digit after begin a label (1、属于国家秘密), no number.
 */
static int
cell_number(const char *s, const char *e, int markers, const char **ns,
    const char **ne)
{
	const char *p = skip_remains(s, e), *q, *r, *u;
	char tmp[64];
	struct value v;

	q = p;
	if (q < e && *q == '-')
		q++;
	if (q == e || !is_digit(*q))
		return 0;
	while (q < e && is_digit(*q))
		q++;
	while (e - q >= 2 && (*q == ',' || *q == '.') && is_digit(q[1]))
		for (q++; q < e && is_digit(*q); q++)
			;
	if (markers && q - p == 1 && *p >= '1' && *p <= '8' &&
	    item_marker(q, e))
		return 0;
	/* a unit the cell prints (after a space: `5374900 元`), up to the
	 * remains */
	for (u = q; pad_at(u, e) > 0 && u - q < 4; u += pad_at(u, e))
		;
	for (r = u; r < e && pad_at(r, e) == 0 && !is_digit(*r) &&
	    !lines_is_fffd(r, e) && r - u < 12; r++)
		;
	/* the longest start of it that is a unit: remains may follow
	 * (`0元性收费`: 元, then 行政事业性收费's remains) */
	for (; r > u; r--) {
		if (((unsigned char)*r & 0xc0) == 0x80 ||
		    (size_t)(q - p + r - u) >= sizeof tmp)
			continue;
		memcpy(tmp, p, q - p);
		memcpy(tmp + (q - p), u, r - u);
		tmp[q - p + r - u] = '\0';
		value_parse(tmp, &v);
		if (v.kind == V_NUMBER) {
			q = r;
			break;
		}
	}
	if (text_has_digit(q, (size_t)(e - q)))
		return 0;
	*ns = p;
	*ne = q;
	return 1;
}

/*
 * Right of a row's label every cell is a value: a number centred in a
 * wide cell may stand after remains that reach into the cell
 * (`|政府信_____12��_|`).  The number, if the text before it has no
 * digit either.
 */
static int
loose_number(const char *s, const char *e, const char **ns,
    const char **ne)
{
	const char *d;

	for (d = s; d < e && !is_digit(*d); d++)
		;
	if (d > s && d[-1] == '-')
		d--;
	return d < e && cell_number(d, e, 0, ns, ne);
}

/* A number centred in its cell after remains and padding
 * (`性______0`): no label ends in a number set apart so. */
static int
centred_number(const char *s, const char *e, const char **ns,
    const char **ne)
{
	const char *d;

	for (d = s; d < e && !is_digit(*d); d++)
		;
	if (d == e || d - s < 2 || d[-1] != '_' || d[-2] != '_')
		return 0;
	return cell_number(d, e, 0, ns, ne);
}

static void
classify(struct rcell *c)
{
	if (c->s == c->e)
		c->kind = K_EMPTY;
	else if (cell_number(c->s, c->e, 1, &c->ns, &c->ne) ||
	    centred_number(c->s, c->e, &c->ns, &c->ne))
		c->kind = K_NUMBER;
	else if (lines_is_fffd(c->s, c->e) &&
	    !text_has_digit(c->s, (size_t)(c->e - c->s)))
		c->kind = K_REMAINS;
	else
		c->kind = K_TEXT;
}

/* The bar-separated cells of s..e, trimmed; the text after the last
 * bar in *tail. */
static int
split_cells(const char *s, const char *e, struct rcell *c, int max,
    const char **tail)
{
	const char *p, *start = NULL;
	int n = 0;

	for (p = s; p < e; p++) {
		if (*p != '|')
			continue;
		if (start != NULL) {
			if (n == max)
				return -1;
			c[n].s = start;
			c[n].e = p;
			trim(&c[n].s, &c[n].e);
			classify(&c[n]);
			n++;
		}
		start = p + 1;
	}
	*tail = start != NULL ? start : e;
	return n;
}

/* Appends s..e to buf at *used; 0 when it does not fit. */
static int
put(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
	if (*used + n > size)
		return 0;
	memcpy(buf + *used, s, n);
	*used += n;
	return 1;
}

/* Appends a number without the space before its unit, and the unit
 * only if it is money's: a count word (6条) says nothing the number does
 * not, and the number alone is one a wrapped row's next line cannot
 * join (`量` of its label's remains). */
static int
put_number(char *buf, size_t size, size_t *used, const char *s,
    const char *e)
{
	size_t k;

	for (; s < e; s += k ? k : 1) {
		if ((unsigned char)*s < 0x80 || (k = pad_at(s, e)) > 0) {
			if ((k = pad_at(s, e)) == 0 &&
			    !put(buf, size, used, s, 1))
				return 0;
			continue;
		}
		if (e - s < 3 || (memcmp(s, "元", 3) != 0 &&
		    memcmp(s, "万", 3) != 0 && memcmp(s, "亿", 3) != 0))
			return 1;
		if (!put(buf, size, used, s, 3))
			return 0;
		k = 3;
	}
	return 1;
}

/* Appends one remains, after a U+FFFD that keeps it apart from what
 * stands before (a key word is never read across a gap). */
static int
put_one(char *buf, size_t size, size_t *used, const char *s, const char *e)
{
	s = skip_remains(s, e);
	trim(&s, &e);
	if (s == e)
		return 1;
	return put(buf, size, used, LINES_FFFD, 3) &&
	    put(buf, size, used, s, e - s);
}

/* Appends the remains of the cells right of the label and of the tail. */
static int
put_remains(char *buf, size_t size, size_t *used, const struct rcell *c,
    int nc, int label, const char *tail, const char *end)
{
	int j, ok = 1;

	for (j = label + 1; j < nc && ok; j++)
		if (c[j].kind == K_NUMBER)
			ok = put_one(buf, size, used, c[j].s, c[j].ns) &&
			    put_one(buf, size, used, c[j].ne, c[j].e);
		else if (c[j].kind == K_REMAINS)
			ok = put_one(buf, size, used, c[j].s, c[j].e);
	return ok && put_one(buf, size, used, tail, end);
}

/* Digits (and padding) only after the last bar: a cut number's end
 * (`|1，4|6`), no remains of a label. */
static int
digits_only(const char *s, const char *e)
{
	trim(&s, &e);
	for (; s < e; s++)
		if (!is_digit(*s))
			return 0;
	return 1;
}

/*
 * The template's label cell j stands for, or NULL: its own text (up to
 * its first U+FFFD) and the remains right of it, which are all text
 * there but numbers (`|其他对�|�管理| 务�|项__|`: a row of blanks).
 */
static const char *
label_of(const struct rcell *c, int nc, int j, const char *tail,
    const char *end)
{
	struct h2tfrag f[H2T_MAXFRAG];
	char own[H2T_NORM];
	const char *oe;
	size_t ownlen;
	int k, nf = 0;

	for (k = j + 1; k < nc; k++)
		if (c[k].kind == K_NUMBER) {
			nf = h2tlabel_frags(c[k].s, c[k].ns, f, nf);
			nf = h2tlabel_frags(c[k].ne, c[k].e, f, nf);
		} else if (c[k].kind != K_EMPTY && !text_has_digit(c[k].s,
		    (size_t)(c[k].e - c[k].s)))
			nf = h2tlabel_frags(c[k].s, c[k].e, f, nf);
	if (!digits_only(tail, end))
		nf = h2tlabel_frags(tail, end, f, nf);
	for (oe = c[j].s; oe < c[j].e && !lines_is_fffd(oe, c[j].e); oe++)
		;
	if ((ownlen = h2tlabel_norm(c[j].s, oe, own)) >= H2T_NORM)
		return NULL;
	return h2tlabel_restore(own, ownlen, f, nf);
}

/* Only U+FFFD from right after a number (and a space) to its cell's
 * bar: a character of the number's own text (its unit) cut by the bar,
 * or remains. */
static int
cut_after(const char *p, const char *e)
{
	/* the unit printed after a space (`|60129_�|`) */
	while (pad_at(p, e) > 0)
		p += pad_at(p, e);
	if (!lines_is_fffd(p, e))
		return 0;
	while (lines_is_fffd(p, e))
		p += 3;
	return p == e;
}

/* Is the number s..e zero, whatever its unit? */
static int
is_zero(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s >= '1' && *s <= '9')
			return 0;
	return 1;
}

/*
 * Has the row labelled lab an amount (万元)?  A character cut by the
 * bar right after its number (`|118000�|�`: 元) may be the unit that
 * says it is in 元, so such a number stays unread there (U+FFFD kept).
 */
static int
has_amount(const char *lab)
{
	size_t i;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].label, lab) == 0 &&
		    strchr(tmpl_rows[i].kinds, KIND_AMOUNT) != NULL)
			return 1;
	return 0;
}

/*
 * A number the bar cut (`|136|1，4|6`: 1，426's full-width comma is one
 * column but three bytes, so its last digits went under the bar and
 * past it): digits, a thousands comma and fewer than three digits to
 * the cell's end.  Which number it was nothing tells.
 */
static int
cut_number(const char *s, const char *e)
{
	const char *p = skip_remains(s, e), *q;

	if (p == e || !is_digit(*p))
		return 0;
	while (p < e && is_digit(*p))
		p++;
	if (p < e && *p == ',')
		p++;
	else if (e - p >= 3 && memcmp(p, "，", 3) == 0)
		p += 3;
	else
		return 0;
	for (q = p; q < e && is_digit(*q); q++)
		;
	return q == e && q - p >= 1 && q - p <= 2;
}

/* Appends a cut number as what it is: unread (a cell of U+FFFD only,
 * V_UNKNOWN), neither a number nor text that would end the row's
 * values. */
static int
put_cut(char *buf, size_t size, size_t *used)
{
	return put(buf, size, used, LINES_FFFD, 3);
}

/* The cells with the label restored at cell label: right of it numbers
 * and, where no digit stands, blanks. */
static int
put_restored(const struct rcell *c, int nc, int label, const char *lab,
    const char **cs, const char **ce, char *buf, size_t size)
{
	const char *ns, *ne;
	size_t used = 0, at;
	int j, ok, money = has_amount(lab);

	for (j = 0; j < nc; j++) {
		at = used;
		ns = c[j].ns, ne = c[j].ne;
		if (j == label)
			ok = put(buf, size, &used, lab, strlen(lab));
		else if (j > label && (c[j].kind == K_NUMBER ||
		    (text_has_digit(c[j].s, (size_t)(c[j].e - c[j].s)) &&
		    loose_number(c[j].s, c[j].e, &ns, &ne))))
			ok = put_number(buf, size, &used, ns, ne) &&
			    (!money || !cut_after(ne, c[j].e) ||
			    is_zero(ns, ne) ||
			    put(buf, size, &used, LINES_FFFD, 3));
		else if (j > label && !text_has_digit(c[j].s,
		    (size_t)(c[j].e - c[j].s)))
			ok = 1;
		else if (j > label && cut_number(c[j].s, c[j].e))
			ok = put_cut(buf, size, &used);
		else
			ok = put(buf, size, &used, c[j].s, c[j].e - c[j].s);
		if (!ok)
			return -1;
		cs[j] = buf + at;
		ce[j] = buf + used;
	}
	return nc;
}

/* The cells as they are, the numbers right of the label freed of
 * remains and the remains appended to the label. */
static int
put_mended(const struct rcell *c, int nc, int label, const char *tail,
    const char *end, const char **cs, const char **ce, char *buf,
    size_t size)
{
	size_t used = 0, at;
	int j, ok;

	for (j = 0; j < nc; j++) {
		at = used;
		if (j == label)
			ok = put(buf, size, &used, c[j].s, c[j].e - c[j].s) &&
			    put_remains(buf, size, &used, c, nc, j, tail, end);
		else if (j > label && c[j].kind == K_NUMBER)
			ok = put_number(buf, size, &used, c[j].ns, c[j].ne);
		else if (j > label && c[j].kind == K_REMAINS)
			ok = 1;
		else if (j > label && cut_number(c[j].s, c[j].e))
			ok = put_cut(buf, size, &used);
		else
			ok = put(buf, size, &used, c[j].s, c[j].e - c[j].s);
		if (!ok)
			return -1;
		cs[j] = buf + at;
		ce[j] = buf + used;
	}
	return nc;
}

/* A t2 caption wider than its row's first cell in bytes runs on past
 * the last bar (`|第二十条第�|�一）项`): its item is there, so the tail
 * goes to the last cell. */
static int
put_caption(const struct rcell *c, int nc, const char *tail,
    const char *end, const char **cs, const char **ce, char *buf,
    size_t size)
{
	size_t used = 0, at;
	int j;

	for (j = 0; j < nc; j++) {
		at = used;
		if (!put(buf, size, &used, c[j].s, c[j].e - c[j].s) ||
		    (j == nc - 1 && !put_one(buf, size, &used, tail, end)))
			return -1;
		cs[j] = buf + at;
		ce[j] = buf + used;
	}
	return nc;
}

int
h2tbox_cells(const char *s, size_t n, const char **cs, const char **ce,
    int max, char *buf, size_t size, int *restored)
{
	struct rcell c[MAXCELLS];
	const char *tail, *lab;
	int nc, j, first = -1, label = -1;

	*restored = 0;
	nc = split_cells(s, s + n, c, max < MAXCELLS ? max : MAXCELLS, &tail);
	for (j = 0; j < nc && first < 0; j++)
		if (c[j].kind == K_NUMBER)
			first = j;
	/* the last text cell before the numbers that is a template row's
	 * label: a group's label (（六）其他处理) stands left of its items' */
	for (j = (first < 0 ? nc : first) - 1; j >= 0; j--)
		if (c[j].kind == K_TEXT && (lab = label_of(c, nc, j, tail,
		    s + n)) != NULL) {
			*restored = j + 1;
			return put_restored(c, nc, j, lab, cs, ce, buf, size);
		}
	for (j = first - 1; j >= 0 && label < 0; j--)
		if (c[j].kind == K_TEXT)
			label = j;
	if (nc > 0 && first < 0 && memmem(s, n, "第二十", 9) != NULL)
		return put_caption(c, nc, tail, s + n, cs, ce, buf, size);
	if (nc <= 0 || first < 0 || label < 0)
		return -1;
	return put_mended(c, nc, label, tail, s + n, cs, ce, buf, size);
}

