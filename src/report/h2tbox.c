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
 * with their unit (`0件`), if any, in *ns..*ne.
 */
static int
cell_number(const char *s, const char *e, const char **ns, const char **ne)
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
	if (q - p <= 2 && item_marker(q, e))
		return 0;
	/* a unit the cell prints (after a space: `5374900 元`), up to the
	 * remains */
	for (u = q; pad_at(u, e) > 0 && u - q < 4; u += pad_at(u, e))
		;
	for (r = u; r < e && pad_at(r, e) == 0 && !is_digit(*r) &&
	    !lines_is_fffd(r, e) && r - u < 12; r++)
		;
	if (r > u && (size_t)(q - p + r - u) < sizeof tmp) {
		memcpy(tmp, p, q - p);
		memcpy(tmp + (q - p), u, r - u);
		tmp[q - p + r - u] = '\0';
		value_parse(tmp, &v);
		if (v.kind == V_NUMBER)
			q = r;
	}
	if (has_digit(q, e))
		return 0;
	*ns = p;
	*ne = q;
	return 1;
}

static void
classify(struct rcell *c)
{
	if (c->s == c->e)
		c->kind = K_EMPTY;
	else if (cell_number(c->s, c->e, &c->ns, &c->ne))
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

/* Appends a number and its unit without the space between. */
static int
put_number(char *buf, size_t size, size_t *used, const char *s,
    const char *e)
{
	size_t k;

	for (; s < e; s += k ? k : 1)
		if ((k = pad_at(s, e)) == 0 && !put(buf, size, used, s, 1))
			return 0;
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

/* The cells with the label restored at cell label: right of it numbers
 * and, where no digit stands, blanks. */
static int
put_restored(const struct rcell *c, int nc, int label, const char *lab,
    const char **cs, const char **ce, char *buf, size_t size)
{
	size_t used = 0, at;
	int j, ok;

	for (j = 0; j < nc; j++) {
		at = used;
		if (j == label)
			ok = put(buf, size, &used, lab, strlen(lab));
		else if (j > label && c[j].kind == K_NUMBER)
			ok = put_number(buf, size, &used, c[j].ns, c[j].ne);
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

int
h2tbox_cells(const char *s, size_t n, const char **cs, const char **ce,
    int max, char *buf, size_t size)
{
	struct rcell c[MAXCELLS];
	const char *tail, *lab;
	int nc, j, first = -1, label = -1;

	nc = split_cells(s, s + n, c, max < MAXCELLS ? max : MAXCELLS, &tail);
	for (j = 0; j < nc && first < 0; j++)
		if (c[j].kind == K_NUMBER)
			first = j;
	/* the last text cell before the numbers that is a template row's
	 * label: a group's label (（六）其他处理) stands left of its items' */
	for (j = (first < 0 ? nc : first) - 1; j >= 0; j--)
		if (c[j].kind == K_TEXT && (lab = label_of(c, nc, j, tail,
		    s + n)) != NULL)
			return put_restored(c, nc, j, lab, cs, ce, buf, size);
	for (j = first - 1; j >= 0 && label < 0; j--)
		if (c[j].kind == K_TEXT)
			label = j;
	if (nc <= 0 || first < 0 || label < 0)
		return -1;
	return put_mended(c, nc, label, tail, s + n, cs, ce, buf, size);
}
