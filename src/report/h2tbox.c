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
#include <stdio.h>
#include <string.h>

#include "grid.h"
#include "h2tbox.h"
#include "lines.h"
#include "tmpl.h"
#include "value.h"

#define MAXCELLS	32
#define NORM		1024
#define MAXFRAG		64

/*
 * Texts that are no row but that a cut label may begin like: group
 * labels, the header's titles, t2's captions and titles.  A label whose
 * remains fit one of them as well as a row stays as it is.
 */
static const char *const not_rows[] = {
	"三、本年度办理结果", "（三）不予公开", "（四）无法提供",
	"（五）不予处理", "申请人情况", "法人或其他组织",
	"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
	"其他", "总计", "信息内容", "第二十条", "行政诉讼", "结果维持",
	"结果纠正", "其他结果", "尚未审结", "本年制发件数", "本年废止件数",
	"现行有效件数", "本年处理决定数量", "本年收费金额", "本年新制作数量",
	"本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
	"处理决定数量", "采购项目数量", "采购总金额",
	"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
};

enum { K_EMPTY, K_TEXT, K_NUMBER, K_REMAINS };

struct rcell {
	const char	*s, *e;		/* trimmed of spaces and '_' */
	const char	*ns, *ne;	/* K_NUMBER: the number */
	int		 kind;
};

/* A fragment of remains, normalized (norm). */
struct frag {
	char	text[NORM];
	size_t	len;
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

/* Does s..e hold an ASCII digit? */
static int
has_digit(const char *s, const char *e)
{
	for (; s < e; s++)
		if (is_digit(*s))
			return 1;
	return 0;
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
	if (has_digit(q, e))
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
	else if (lines_is_fffd(c->s, c->e) && !has_digit(c->s, c->e))
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

/*
 * s..e as labels are compared: spaces, '_' and quotes dropped, full-width
 * brackets, commas and colons as ASCII, 、．。 as '.'.  Returns the
 * length written to out (NUL-ended), or NORM when it does not fit.
 */
static size_t
norm(const char *s, const char *e, char *out)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{"（", "("}, {"）", ")"}, {"、", "."}, {"．", "."},
		{"。", "."}, {"，", ","}, {"：", ":"}, {"“", ""}, {"”", ""},
		{"\"", ""}, {"'", ""}, {" ", ""}, {"_", ""}, {"　", ""},
		{"\xc2\xa0", ""},
	};
	size_t o = 0, i, m, t;

	while (s < e) {
		for (i = 0; i < sizeof map / sizeof map[0]; i++) {
			m = strlen(map[i].from);
			if ((size_t)(e - s) >= m && memcmp(s, map[i].from, m) ==
			    0)
				break;
		}
		if (i < sizeof map / sizeof map[0]) {
			t = strlen(map[i].to);
			if (o + t >= NORM)
				return NORM;
			memcpy(out + o, map[i].to, t);
			o += t;
			s += m;
			continue;
		}
		if (o + 1 >= NORM)
			return NORM;
		out[o++] = *s++;
	}
	out[o] = '\0';
	return o;
}

/* Han characters (three-byte UTF-8 led by E4..E9) in s. */
static int
han_count(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if ((unsigned char)*s >= 0xe4 && (unsigned char)*s <= 0xe9)
			n++;
	return n;
}

/* The fragments of remains in s..e (runs between U+FFFD), appended. */
static int
add_frags(const char *s, const char *e, struct frag *f, int nf)
{
	const char *p, *q;

	for (p = s; p < e && nf < MAXFRAG; p = q) {
		if (lines_is_fffd(p, e)) {
			q = p + 3;
			continue;
		}
		for (q = p; q < e && !lines_is_fffd(q, e); q++)
			;
		f[nf].len = norm(p, q, f[nf].text);
		if (f[nf].len > 0 && f[nf].len < NORM)
			nf++;
	}
	return nf;
}

/* Does the label lab begin with own and hold the fragments in order? */
static int
fits(const char *lab, const char *own, size_t ownlen, const struct frag *f,
    int nf)
{
	char c[NORM];
	const char *p;
	int i;

	if (norm(lab, lab + strlen(lab), c) >= NORM ||
	    strncmp(c, own, ownlen) != 0)
		return 0;
	for (p = c + ownlen, i = 0; i < nf; i++) {
		if ((p = strstr(p, f[i].text)) == NULL)
			return 0;
		p += f[i].len;
	}
	return 1;
}

/*
 * The template's label that own (the label's own text, normalized) and
 * the fragments name, or NULL: one row label and no other text fits,
 * and two Han characters at least say so.
 */
static const char *
restore(const char *own, size_t ownlen, const struct frag *f, int nf)
{
	const char *found = NULL;
	size_t i;
	int han = han_count(own);

	for (i = 0; i < (size_t)nf; i++)
		han += han_count(f[i].text);
	/* a bracketed marker says as much as a character: （六 */
	if (own[0] == '(')
		han++;
	if (han < 2 || han_count(own) < 1)
		return NULL;
	for (i = 0; i < sizeof not_rows / sizeof not_rows[0]; i++)
		if (fits(not_rows[i], own, ownlen, f, nf))
			return NULL;
	for (i = 0; i < tmpl_nrows; i++) {
		if (!fits(tmpl_rows[i].label, own, ownlen, f, nf))
			continue;
		if (found != NULL && strcmp(found, tmpl_rows[i].label) != 0)
			return NULL;
		found = tmpl_rows[i].label;
	}
	return found;
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

/*
 * The template's label cell j stands for, or NULL: its own text (up to
 * its first U+FFFD) and the remains right of it, which are all text
 * there but numbers (`|其他对�|�管理| 务�|项__|`: a row of blanks).
 */
static const char *
label_of(const struct rcell *c, int nc, int j, const char *tail,
    const char *end)
{
	struct frag f[MAXFRAG];
	char own[NORM];
	const char *oe;
	size_t ownlen;
	int k, nf = 0;

	for (k = j + 1; k < nc; k++)
		if (c[k].kind == K_NUMBER) {
			nf = add_frags(c[k].s, c[k].ns, f, nf);
			nf = add_frags(c[k].ne, c[k].e, f, nf);
		} else if (c[k].kind != K_EMPTY && !has_digit(c[k].s, c[k].e))
			nf = add_frags(c[k].s, c[k].e, f, nf);
	nf = add_frags(tail, end, f, nf);
	for (oe = c[j].s; oe < c[j].e && !lines_is_fffd(oe, c[j].e); oe++)
		;
	if ((ownlen = norm(c[j].s, oe, own)) >= NORM)
		return NULL;
	return restore(own, ownlen, f, nf);
}

/* Only U+FFFD from right after a number to its cell's bar: a character
 * of the number's own text (its unit) cut by the bar, or remains. */
static int
cut_after(const char *p, const char *e)
{
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
		    (has_digit(c[j].s, c[j].e) &&
		    loose_number(c[j].s, c[j].e, &ns, &ne))))
			ok = put_number(buf, size, &used, ns, ne) &&
			    (!money || !cut_after(ne, c[j].e) ||
			    is_zero(ns, ne) ||
			    put(buf, size, &used, LINES_FFFD, 3));
		else if (j > label && !has_digit(c[j].s, c[j].e))
			ok = 1;
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
			*restored = 1;
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

const char *
h2tbox_label(const char *label)
{
	struct frag f[MAXFRAG];
	char own[NORM];
	const char *e = label + strlen(label), *oe, *p, *q;
	size_t ownlen;
	int nf = 0, k, m = 0;

	for (oe = label; oe < e && !lines_is_fffd(oe, e); oe++)
		;
	if (oe == e || (ownlen = norm(label, oe, own)) >= NORM)
		return NULL;
	/* the remains between the numbers glued into it, without them */
	for (p = oe; p < e; p = q) {
		for (q = p; q < e && *q != ' ' && !is_digit(*q); q++)
			;
		nf = add_frags(p, q, f, nf);
		for (; q < e && (*q == ' ' || is_digit(*q)); q++)
			;
	}
	for (k = 0; k < nf; k++)
		if (han_count(f[k].text) > 0)
			f[m++] = f[k];
	return restore(own, ownlen, f, m);
}

const char *
h2tbox_label_start(const char *label)
{
	char own[NORM];
	const char *e = label + strlen(label), *oe;
	size_t ownlen;

	for (oe = label; oe < e && !lines_is_fffd(oe, e); oe++)
		;
	if ((ownlen = norm(label, oe, own)) >= NORM || han_count(own) < 3)
		return NULL;
	return restore(own, ownlen, NULL, 0);
}

/* ---- t2's blocks: labels cut to their first characters, by order */

/* The numeral 一..十 that ends at p (text begins at s): 1..10, or 0. */
static int
numeral_before(const char *s, const char *p)
{
	static const char numerals[] = "一二三四五六七八九十";
	int k;

	if (p - s < 3)
		return 0;
	for (k = 0; k < 10; k++)
		if (memcmp(p - 3, numerals + 3 * k, 3) == 0)
			return k + 1;
	return 0;
}

/* The item of a t2 caption row (第二十条第（五）项: 5), by the numeral
 * before a closing bracket; 0 if the row is no caption, -1 if it is one
 * whose item wrapped to the next row (pending: this is that row). */
static int
caption_item(const struct grid *g, const struct grow *r, int pending)
{
	const struct gcell *c = grid_cells(g, r);
	const char *p;
	int j, seen = pending, k;

	for (j = 0; j < r->ncell; j++)
		seen |= strstr(c[j].text, "第二十") != NULL;
	for (j = 0; seen && j < r->ncell; j++)
		for (p = c[j].text; *p; p++)
			if ((*p == ')' || strncmp(p, "）", 3) == 0) &&
			    (k = numeral_before(c[j].text, p)) > 0)
				return k;
	/* the row after a caption that ends in its numeral (第二十条第�|五)
	 * beginning with the closing bracket (`|）_项__|`) */
	if (pending && r > g->row && r->ncell > 0 && r[-1].ncell > 0 &&
	    (c[0].text[0] == ')' || strncmp(c[0].text, "）", 3) == 0)) {
		p = grid_cells(g, r - 1)[r[-1].ncell - 1].text;
		if ((k = numeral_before(p, p + strlen(p))) > 0)
			return k;
	}
	/* its closing bracket cut off: 第二十条第（八| */
	for (j = 0; seen && j < r->ncell; j++)
		for (p = c[j].text; *p; p++)
			if ((*p == '(' || strncmp(p, "（", 3) == 0) &&
			    strlen(p) >= (*p == '(' ? 4u : 6u) &&
			    (k = numeral_before(c[j].text, p + (*p == '(' ?
			    4 : 6))) > 0)
				return k;
	return seen && !pending ? -1 : 0;
}

/* Does a caption row hold a bracket pair with U+FFFD between: its
 * numeral cut? */
static int
caption_cut(const struct grid *g, const struct grow *r)
{
	const struct gcell *c = grid_cells(g, r);
	const char *p;
	int j;

	for (j = 0; j < r->ncell; j++)
		if ((p = strstr(c[j].text, "（")) != NULL ||
		    (p = strchr(c[j].text, '(')) != NULL) {
			p += *p == '(' ? 1 : 3;
			if (!lines_is_fffd(p, p + strlen(p)))
				continue;
			while (lines_is_fffd(p, p + strlen(p)))
				p += 3;
			if (*p == ')' || strncmp(p, "）", 3) == 0)
				return 1;
		}
	return 0;
}

/*
 * A data row of a block: a label first (not empty, no digit first), then
 * numbers and blanks only.
 */
static int
is_data_row(const struct grid *g, const struct grow *r)
{
	const struct gcell *c = grid_cells(g, r);
	struct value v;
	int j;

	if (r->ncell < 2 || c[0].text[0] == '\0' || is_digit(c[0].text[0]))
		return 0;
	for (j = 1; j < r->ncell; j++) {
		value_parse(c[j].text, &v);
		if (v.kind != V_NUMBER && v.kind != V_BLANK)
			return 0;
	}
	return 1;
}

/* The label's own text normalized into own (up to its first U+FFFD). */
static size_t
own_text(const char *label, char *own)
{
	const char *e = label + strlen(label), *oe;

	for (oe = label; oe < e && !lines_is_fffd(oe, e); oe++)
		;
	return norm(label, oe, own);
}

/*
 * The template rows of block item in template tpl, in order, into rows
 * (at most max): how many.
 */
static int
block_rows(int item, unsigned tpl, const struct tmpl_row **rows, int max)
{
	char prefix[16];
	size_t i, m;
	int n = 0;

	m = (size_t)snprintf(prefix, sizeof prefix, "20.%d.", item);
	for (i = 0; i < tmpl_nrows && n < max; i++)
		if (strcmp(tmpl_rows[i].table, "t2") == 0 &&
		    (tmpl_rows[i].templates & tpl) &&
		    strncmp(tmpl_rows[i].row, prefix, m) == 0)
			rows[n++] = &tmpl_rows[i];
	return n;
}

/* Does the label of data row at begin as the template row r's does? */
static int
begins_as(const struct grid *g, int at, const struct tmpl_row *r)
{
	char own[NORM], lab[NORM];
	size_t len;

	len = own_text(grid_cells(g, &g->row[at])[0].text, own);
	return len < NORM && han_count(own) >= 1 && norm(r->label,
	    r->label + strlen(r->label), lab) < NORM &&
	    strncmp(lab, own, len) == 0;
}

/*
 * The ways to give the n data rows at row[at[k]] template rows of the
 * block, one each, in order (a row the report left out is skipped),
 * each label beginning as its row's does: how many (counted to 2), the
 * first in pick[].
 */
static int
assignments(const struct grid *g, const int *at, int n,
    const struct tmpl_row **rows, int nrows, int from,
    const struct tmpl_row **pick)
{
	const struct tmpl_row *sub[8];
	int j, ways = 0, w;

	if (n == 0)
		return 1;
	for (j = from; j + n <= nrows && ways < 2; j++) {
		if (!begins_as(g, at[0], rows[j]))
			continue;
		w = assignments(g, at + 1, n - 1, rows, nrows, j + 1, sub);
		if (w > 0 && ways == 0) {
			pick[0] = rows[j];
			memcpy(pick + 1, sub, (n - 1) * sizeof *sub);
		}
		ways += w;
	}
	return ways;
}

/*
 * The column titles of t2's blocks in each template, by block item (as
 * the templates print them, for a header cut to its first characters).
 */
static const struct {
	int		 item;
	unsigned	 tpl;
	const char	*title[4];
} block_titles[] = {
	{1, TPL_2019, {"本年新制作数量", "本年新公开数量", "对外公开总数量",
	    NULL}},
	{5, TPL_2019, {"上一年项目数量", "本年增/减", "处理决定数量", NULL}},
	{6, TPL_2019, {"上一年项目数量", "本年增/减", "处理决定数量", NULL}},
	{8, TPL_2019, {"上一年项目数量", "本年增/减", NULL}},
	{9, TPL_2019, {"采购项目数量", "采购总金额", NULL}},
	{1, TPL_2021, {"本年制发件数", "本年废止件数", "现行有效件数", NULL}},
	{5, TPL_2021, {"本年处理决定数量", NULL}},
	{6, TPL_2021, {"本年处理决定数量", NULL}},
	{8, TPL_2021, {"本年收费金额（单位：万元）", NULL}},
};

/* Does the header row r (信息内容, then the titles) begin as titles do? */
static int
titles_fit(const struct grid *g, const struct grow *r,
    const char *const *title)
{
	const struct gcell *c = grid_cells(g, r);
	char own[NORM], t[NORM];
	size_t len;
	int k;

	for (k = 1; k < r->ncell; k++) {
		if (title[k - 1] == NULL)
			return 0;
		len = own_text(c[k].text, own);
		if (len >= NORM || han_count(own) < 1 ||
		    norm(title[k - 1], title[k - 1] + strlen(title[k - 1]),
		    t) >= NORM || strncmp(t, own, len) != 0)
			return 0;
	}
	return r->ncell >= 2 && title[r->ncell - 1] == NULL;
}

/* The titles of block item's header row, when one template's fit. */
static void
restore_header(struct grid *g, const struct grow *r, int item)
{
	const char *const *fit = NULL;
	size_t i;
	int k, n = 0;

	if (r->ncell < 2 || strncmp(grid_cells(g, r)[0].text, "信", 3) != 0)
		return;
	for (i = 0; i < sizeof block_titles / sizeof block_titles[0]; i++)
		if (block_titles[i].item == item &&
		    titles_fit(g, r, block_titles[i].title)) {
			fit = block_titles[i].title;
			n++;
		}
	if (n != 1)
		return;
	for (k = 1; k < r->ncell; k++) {
		g->cell[r->first + k].text = fit[k - 1];
		g->simple[r->first + k] = 0;
	}
	g->cell[r->first].text = "信息内容";
	g->simple[r->first] = 0;
}

/*
 * The labels of the data rows at[0..n) of block item, when one way only
 * gives them the rows of a template's block (the two templates' ways
 * agreeing on the keys count once): a block that left 规章 out has one
 * row `规�`, which may be either, and keeps its label.
 */
static void
restore_block(struct grid *g, const int *at, int n, int item)
{
	const struct tmpl_row *r19[8], *r21[8], *p19[8], *p21[8];
	const struct tmpl_row **pick;
	int n19, n21, w19, w21, k;

	if (n > 8)
		return;
	n19 = block_rows(item, TPL_2019, r19, 8);
	n21 = block_rows(item, TPL_2021, r21, 8);
	w19 = assignments(g, at, n, r19, n19, 0, p19);
	w21 = assignments(g, at, n, r21, n21, 0, p21);
	if (w19 > 1 || w21 > 1)
		return;
	if (w19 == 1 && w21 == 1)
		for (k = 0; k < n; k++)
			if (strcmp(p19[k]->row, p21[k]->row) != 0)
				return;
	pick = w19 == 1 ? p19 : w21 == 1 ? p21 : NULL;
	for (k = 0; pick != NULL && k < n; k++) {
		/* the template's label: a static string, its text as
		 * text_clean leaves it */
		g->cell[g->row[at[k]].first].text = pick[k]->label;
		g->simple[g->row[at[k]].first] = 0;
	}
}

void
h2tbox_blocks(struct grid *g)
{
	int at[8], n = 0, item = 0, head = 0, pending = 0, seen = 0, i, k;

	for (i = 0; i <= g->nrow; i++) {
		k = i < g->nrow ? caption_item(g, &g->row[i], pending) : -1;
		/* the first caption, its numeral cut by a bar
		 * (第二十条第（�|�）): the first block is （一） */
		if (k == -1 && i < g->nrow && !seen && caption_cut(g,
		    &g->row[i]))
			k = 1;
		seen |= k != 0 && i < g->nrow;
		pending = k == -1 && i < g->nrow;
		if (k != 0) {
			if (item > 0 && n > 0)
				restore_block(g, at, n, item);
			item = k;
			n = 0;
			head = 1;
		} else if (item > 0 && is_data_row(g, &g->row[i])) {
			if (n < 8)
				at[n] = i;
			n++;
		} else if (item > 0 && head && strncmp(grid_cells(g,
		    &g->row[i])[0].text, "信", 3) == 0) {
			/* the header: 信息内容 first, not the caption's
			 * wrapped end (`|）_项___|`) */
			restore_header(g, &g->row[i], item);
			head = 0;
		}
	}
}
