/*
 * Labels html2text cut, named by the template (h2tlabel.h): a label's
 * own text (up to its first U+FFFD) must begin the template's label and
 * its remains stand in it in order; one row label must fit and no other
 * text a table prints.
 */
#include <string.h>

#include "err.h"
#include "h2tlabel.h"
#include "lines.h"
#include "tmpl.h"

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

static int
h2t_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Can byte b begin one of h2tlabel_norm's mappings?  Their first bytes:
 * EF (（）．，：　), E3 (、。), E2 (“”), C2 (no-break space), " ' space _. */
static int
may_map(unsigned char b)
{
	return b == 0xef || b == 0xe3 || b == 0xe2 || b == 0xc2 || b == '"' ||
	    b == '\'' || b == ' ' || b == '_';
}

/*
 * s..e as labels are compared: spaces, '_' and quotes dropped, full-width
 * brackets, commas and colons as ASCII, 、．。 as '.'.  Returns the
 * length written to out (NUL-ended), or H2T_NORM when it does not fit.
 */
size_t
h2tlabel_norm(const char *s, const char *e, char *out)
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
		/* a byte no mapping begins with is copied (lead bytes of
		 * other characters and continuation bytes alike) */
		if (!may_map((unsigned char)*s)) {
			if (o + 1 >= H2T_NORM)
				return H2T_NORM;
			out[o++] = *s++;
			continue;
		}
		for (i = 0; i < sizeof map / sizeof map[0]; i++) {
			m = strlen(map[i].from);
			if ((size_t)(e - s) >= m && memcmp(s, map[i].from, m) ==
			    0)
				break;
		}
		if (i < sizeof map / sizeof map[0]) {
			t = strlen(map[i].to);
			if (o + t >= H2T_NORM)
				return H2T_NORM;
			memcpy(out + o, map[i].to, t);
			o += t;
			s += m;
			continue;
		}
		if (o + 1 >= H2T_NORM)
			return H2T_NORM;
		out[o++] = *s++;
	}
	out[o] = '\0';
	return o;
}

/* Han characters (three-byte UTF-8 led by E4..E9) in s. */
int
h2tlabel_han(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if ((unsigned char)*s >= 0xe4 && (unsigned char)*s <= 0xe9)
			n++;
	return n;
}

/* The fragments of remains in s..e (runs between U+FFFD), appended. */
int
h2tlabel_frags(const char *s, const char *e, struct h2tfrag *f, int nf)
{
	const char *p, *q;

	for (p = s; p < e && nf < H2T_MAXFRAG; p = q) {
		if (lines_is_fffd(p, e)) {
			q = p + 3;
			continue;
		}
		for (q = p; q < e && !lines_is_fffd(q, e); q++)
			;
		f[nf].len = h2tlabel_norm(p, q, f[nf].text);
		if (f[nf].len > 0 && f[nf].len < H2T_NORM)
			nf++;
	}
	return nf;
}

/* Label lab normalized (h2tlabel_norm), in memory of its own, or NULL
 * when it does not fit. */
static char *
normalized(const char *lab)
{
	char c[H2T_NORM];

	if (h2tlabel_norm(lab, lab + strlen(lab), c) >= H2T_NORM)
		return NULL;
	return gip_xstrdup(c);
}

/* The texts not_rows and the template's row labels, normalized once: a
 * label is compared with all of them (norm_rows[i] is tmpl_rows[i]'s). */
static char *norm_not[sizeof not_rows / sizeof not_rows[0]];
static char **norm_rows;

static void
normalize_labels(void)
{
	size_t i;

	if (norm_rows != NULL)
		return;
	for (i = 0; i < sizeof not_rows / sizeof not_rows[0]; i++)
		norm_not[i] = normalized(not_rows[i]);
	norm_rows = gip_xmalloc((tmpl_nrows + 1) * sizeof *norm_rows);
	for (i = 0; i < tmpl_nrows; i++)
		norm_rows[i] = normalized(tmpl_rows[i].label);
}

/* Does the label c (normalized; NULL: none) begin with own and hold the
 * fragments in order? */
static int
fits(const char *c, const char *own, size_t ownlen, const struct h2tfrag *f,
    int nf)
{
	const char *p;
	int i;

	if (c == NULL || strncmp(c, own, ownlen) != 0)
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
const char *
h2tlabel_restore(const char *own, size_t ownlen, const struct h2tfrag *f, int nf)
{
	const char *found = NULL;
	size_t i;
	int han = h2tlabel_han(own);

	for (i = 0; i < (size_t)nf; i++)
		han += h2tlabel_han(f[i].text);
	/* a bracketed marker says as much as a character: （六 */
	if (own[0] == '(')
		han++;
	if (han < 2 || h2tlabel_han(own) < 1)
		return NULL;
	normalize_labels();
	for (i = 0; i < sizeof not_rows / sizeof not_rows[0]; i++)
		if (fits(norm_not[i], own, ownlen, f, nf))
			return NULL;
	for (i = 0; i < tmpl_nrows; i++) {
		if (!fits(norm_rows[i], own, ownlen, f, nf))
			continue;
		if (found != NULL && strcmp(found, tmpl_rows[i].label) != 0)
			return NULL;
		found = tmpl_rows[i].label;
	}
	return found;
}

/*
 * Where the own text of a label of html2text's unruled rows ends: at
 * its first U+FFFD, without the digits right before it that follow a
 * character (`(六)其0��处理`, `本年新收43�府`): a number written over
 * the label, no letter of it.
 */
static const char *
own_end(const char *label, const char *e)
{
	const char *oe, *d;

	for (oe = label; oe < e && !lines_is_fffd(oe, e); oe++)
		;
	for (d = oe; d > label && h2t_digit(d[-1]); d--)
		;
	return oe < e && d < oe && d > label &&
	    (unsigned char)d[-1] >= 0x80 ? d : oe;
}

size_t
h2tlabel_own(const char *label, char *own)
{
	const char *e = label + strlen(label), *oe;

	for (oe = label; oe < e && !lines_is_fffd(oe, e); oe++)
		;
	return h2tlabel_norm(label, oe, own);
}

/* The length of the count word or unit at p (`0个`, `3件`, `5万元`):
 * printed after a number glued into a label, no letter of it. */
static size_t
count_word(const char *p, const char *e)
{
	static const char *const words[] = {"万元", "元", "件", "个", "项",
	    "次", "笔", "条", "宗", "份", "起", "例", "人", "家"};
	size_t i, n;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		n = strlen(words[i]);
		if ((size_t)(e - p) >= n && memcmp(p, words[i], n) == 0)
			return n;
	}
	return 0;
}

const char *
h2tlabel_cut(const char *label)
{
	struct h2tfrag f[H2T_MAXFRAG];
	char own[H2T_NORM];
	const char *e = label + strlen(label), *oe, *p, *q;
	size_t ownlen;
	int nf = 0, k, m = 0;

	if ((oe = own_end(label, e)) == e ||
	    (ownlen = h2tlabel_norm(label, oe, own)) >= H2T_NORM)
		return NULL;
	/* the remains between the numbers glued into it, without them */
	for (p = oe; p < e; p = q) {
		for (q = p; q < e && *q != ' ' && !h2t_digit(*q); q++)
			;
		nf = h2tlabel_frags(p, q, f, nf);
		for (; q < e && (*q == ' ' || h2t_digit(*q)); q++)
			;
		if (q > oe && h2t_digit(q[-1]))
			q += count_word(q, e);
	}
	for (k = 0; k < nf; k++)
		if (h2tlabel_han(f[k].text) > 0)
			f[m++] = f[k];
	return h2tlabel_restore(own, ownlen, f, m);
}

const char *
h2tlabel_start(const char *label)
{
	char own[H2T_NORM];
	const char *e = label + strlen(label), *oe;
	size_t ownlen;

	oe = own_end(label, e);
	/* a bracketed marker says as much as a character: （六）其 */
	if ((ownlen = h2tlabel_norm(label, oe, own)) >= H2T_NORM ||
	    h2tlabel_han(own) + (own[0] == '(') < 3)
		return NULL;
	return h2tlabel_restore(own, ownlen, NULL, 0);
}

