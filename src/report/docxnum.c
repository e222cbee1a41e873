/* List numbers of Word paragraphs (docxnum.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docxnum.h"
#include "err.h"
#include "utf8.h"
#include "wml.h"
#include "xmlload.h"

#define MAX_LEVELS	9	/* list levels, as in Word */
#define MAX_LISTS	4096	/* w:num and w:abstractNum read */
#define MAX_STYLES	4096

struct lvl {
	char	fmt[40];	/* w:numFmt */
	char	text[64];	/* w:lvlText, "%1、" */
	int	start;
	int	legal;		/* w:isLgl: every number decimal */
	int	nosep;		/* w:suff nothing */
};

struct absnum {
	int		id;
	struct lvl	lvl[MAX_LEVELS];
	int		cur[MAX_LEVELS], used[MAX_LEVELS];
};

struct num {
	int	id, abs;
	int	restart[MAX_LEVELS];	/* w:startOverride, or -1 */
	int	seen;
};

struct style {
	char	id[64], based[64];
	int	numid, ilvl;		/* -1: none */
};

struct docx_lists {
	struct absnum	*abs;
	int		 nabs;
	struct num	*num;
	int		 nnum;
	struct style	*sty;
	int		 nsty;
};

struct docx_lists *
docx_lists_new(void)
{
	struct docx_lists *l = gip_xmalloc(sizeof *l);

	memset(l, 0, sizeof *l);
	l->abs = gip_xmalloc(MAX_LISTS * sizeof *l->abs);
	l->num = gip_xmalloc(MAX_LISTS * sizeof *l->num);
	l->sty = gip_xmalloc(MAX_STYLES * sizeof *l->sty);
	return l;
}

void
docx_lists_free(struct docx_lists *l)
{
	if (l == NULL)
		return;
	free(l->abs);
	free(l->num);
	free(l->sty);
	free(l);
}

static const char *const cn_digit[] = {"〇", "一", "二", "三", "四", "五",
	"六", "七", "八", "九"};

/* 一 … 十 … 九十九 … 九百九十九, as Word's chineseCounting writes them. */
static void
chinese_counting(char *b, size_t size, int v)
{
	int h = v / 100, t = v / 10 % 10, u = v % 10;

	b[0] = '\0';
	if (v < 0 || v > 999) {
		snprintf(b, size, "%d", v);
		return;
	}
	if (v < 10) {
		snprintf(b, size, "%s", cn_digit[v]);
		return;
	}
	if (h > 0)
		snprintf(b, size, "%s百", cn_digit[h]);
	if (t > 0)
		snprintf(b + strlen(b), size - strlen(b), "%s十",
		    h == 0 && t == 1 ? "" : cn_digit[t]);
	else if (h > 0 && u > 0)
		snprintf(b + strlen(b), size - strlen(b), "零");
	if (u > 0)
		snprintf(b + strlen(b), size - strlen(b), "%s", cn_digit[u]);
}

static void
letters(char *b, size_t size, int v, char base)
{
	int reps = (v - 1) / 26 + 1, k;
	size_t i = 0;

	for (k = 0; k < reps && k < 8 && i + 1 < size; k++)
		b[i++] = base + (v - 1) % 26;
	b[i] = '\0';
}

static void
roman(char *b, size_t size, int v, int upper)
{
	static const struct { int v; const char *s; } r[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		{90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"},
		{5, "v"}, {4, "iv"}, {1, "i"}
	};
	size_t i, k;

	b[0] = '\0';
	if (v <= 0 || v >= 4000) {
		snprintf(b, size, "%d", v);
		return;
	}
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		while (v >= r[i].v) {
			snprintf(b + strlen(b), size - strlen(b), "%s", r[i].s);
			v -= r[i].v;
		}
	for (k = 0; upper && b[k]; k++)
		b[k] -= 'a' - 'A';
}

/* One number in a level's format. */
static void
format_number(char *b, size_t size, const char *fmt, int v)
{
	static const char *const tiangan[] = {"甲", "乙", "丙", "丁", "戊",
		"己", "庚", "辛", "壬", "癸"};
	static const char *const daxie[] = {"零", "壹", "贰", "叁", "肆",
		"伍", "陆", "柒", "捌", "玖"};
	char tmp[64];
	size_t i;

	if (strncmp(fmt, "chineseCounting", 15) == 0 ||
	    strcmp(fmt, "japaneseCounting") == 0 ||
	    strcmp(fmt, "taiwaneseCounting") == 0)
		chinese_counting(b, size, v);
	else if (strcmp(fmt, "chineseLegalSimplified") == 0 && v >= 0 &&
	    v < 10)
		snprintf(b, size, "%s", daxie[v]);
	else if (strcmp(fmt, "ideographDigital") == 0 ||
	    strcmp(fmt, "taiwaneseDigital") == 0) {
		snprintf(tmp, sizeof tmp, "%d", v);
		for (b[0] = '\0', i = 0; tmp[i] >= '0' && tmp[i] <= '9'; i++)
			snprintf(b + strlen(b), size - strlen(b), "%s",
			    cn_digit[tmp[i] - '0']);
	} else if (strncmp(fmt, "ideographTraditional", 20) == 0 && v >= 1 &&
	    v <= 10)
		snprintf(b, size, "%s", tiangan[v - 1]);
	else if (strncmp(fmt, "decimalEnclosedCircle", 21) == 0 && v >= 1 &&
	    v <= 20) {
		i = utf8_encode(0x2460 + v - 1, b);	/* ① */
		b[i] = '\0';
	} else if (strcmp(fmt, "decimalEnclosedParen") == 0 && v >= 1 &&
	    v <= 20) {
		i = utf8_encode(0x2474 + v - 1, b);	/* ⑴ */
		b[i] = '\0';
	} else if (strcmp(fmt, "decimalEnclosedFullstop") == 0 && v >= 1 &&
	    v <= 20) {
		i = utf8_encode(0x2488 + v - 1, b);	/* ⒈ */
		b[i] = '\0';
	} else if (strcmp(fmt, "decimalZero") == 0)
		snprintf(b, size, "%02d", v);
	else if (strcmp(fmt, "lowerLetter") == 0 && v > 0)
		letters(b, size, v, 'a');
	else if (strcmp(fmt, "upperLetter") == 0 && v > 0)
		letters(b, size, v, 'A');
	else if (strcmp(fmt, "lowerRoman") == 0)
		roman(b, size, v, 0);
	else if (strcmp(fmt, "upperRoman") == 0)
		roman(b, size, v, 1);
	else
		snprintf(b, size, "%d", v);	/* decimal, full-width too */
}

static struct absnum *
find_abs(struct docx_lists *c, int id)
{
	int i;

	for (i = 0; i < c->nabs; i++)
		if (c->abs[i].id == id)
			return &c->abs[i];
	return NULL;
}

static struct num *
find_num(struct docx_lists *c, int id)
{
	int i;

	for (i = 0; i < c->nnum; i++)
		if (c->num[i].id == id)
			return &c->num[i];
	return NULL;
}

static void
read_lvl(xmlNode *l, struct lvl *v)
{
	const char *s;

	v->start = wml_int(wml_child(l, "start"), "val", 1, -1000000, 1000000);
	s = wml_attr(wml_child(l, "numFmt"), "val");
	snprintf(v->fmt, sizeof v->fmt, "%s", s ? s : "decimal");
	s = wml_attr(wml_child(l, "lvlText"), "val");
	snprintf(v->text, sizeof v->text, "%s", s ? s : "");
	v->legal = wml_on(wml_child(l, "isLgl"));
	s = wml_attr(wml_child(l, "suff"), "val");
	v->nosep = s != NULL && strcmp(s, "nothing") == 0;
}

static void
read_abstract(struct docx_lists *c, xmlNode *a)
{
	struct absnum *an;
	xmlNode *l;
	int k;

	if (c->nabs == MAX_LISTS)
		return;
	an = &c->abs[c->nabs++];
	memset(an, 0, sizeof *an);
	an->id = wml_int(a, "abstractNumId", -1, -1, 1 << 30);
	for (k = 0; k < MAX_LEVELS; k++)
		snprintf(an->lvl[k].fmt, sizeof an->lvl[k].fmt, "none");
	for (l = a->children; l; l = l->next)
		if (wml_is(l, "lvl") && (k = wml_int(l, "ilvl", 0, 0,
		    MAX_LEVELS - 1)) >= 0)
			read_lvl(l, &an->lvl[k]);
}

static void
read_num(struct docx_lists *c, xmlNode *n)
{
	struct num *nm;
	xmlNode *o;
	int k;

	if (c->nnum == MAX_LISTS)
		return;
	nm = &c->num[c->nnum++];
	nm->id = wml_int(n, "numId", -1, -1, 1 << 30);
	nm->abs = wml_int(wml_child(n, "abstractNumId"), "val", -1, -1,
	    1 << 30);
	nm->seen = 0;
	for (k = 0; k < MAX_LEVELS; k++)
		nm->restart[k] = -1;
	for (o = n->children; o; o = o->next)
		if (wml_is(o, "lvlOverride") && wml_child(o, "startOverride")) {
			k = wml_int(o, "ilvl", 0, 0, MAX_LEVELS - 1);
			nm->restart[k] = wml_int(wml_child(o,
			    "startOverride"), "val", 1, -1000000, 1000000);
		}
}

void
docx_lists_numbering(struct docx_lists *c, xmlDoc *d)
{
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL, *n;

	if (!wml_is(root, "numbering"))
		return;
	for (n = root->children; n; n = n->next)
		if (wml_is(n, "abstractNum"))
			read_abstract(c, n);
		else if (wml_is(n, "num"))
			read_num(c, n);
}

void
docx_lists_styles(struct docx_lists *c, xmlDoc *d)
{
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL, *n, *np;
	struct style *s;
	const char *v;

	if (!wml_is(root, "styles"))
		return;
	for (n = root->children; n && c->nsty < MAX_STYLES; n = n->next) {
		if (!wml_is(n, "style") || (v = wml_attr(n, "styleId")) == NULL)
			continue;
		s = &c->sty[c->nsty++];
		snprintf(s->id, sizeof s->id, "%s", v);
		v = wml_attr(wml_child(n, "basedOn"), "val");
		snprintf(s->based, sizeof s->based, "%s", v ? v : "");
		np = wml_child(wml_child(n, "pPr"), "numPr");
		s->numid = np ? wml_int(wml_child(np, "numId"), "val", -1, -1,
		    1 << 30) : -1;
		s->ilvl = np ? wml_int(wml_child(np, "ilvl"), "val", -1, -1,
		    MAX_LEVELS - 1) : -1;
	}
}

/* The list a paragraph style gives (through w:basedOn), if any. */
static void
style_numbering(struct docx_lists *c, const char *id, int *numid, int *ilvl)
{
	int hops, i;

	for (hops = 0; hops < 16 && id && *id; hops++) {
		for (i = 0; i < c->nsty && strcmp(c->sty[i].id, id) != 0; i++)
			;
		if (i == c->nsty)
			return;
		if (*ilvl < 0 && c->sty[i].ilvl >= 0)
			*ilvl = c->sty[i].ilvl;
		if (c->sty[i].numid >= 0) {
			*numid = c->sty[i].numid;
			return;
		}
		id = c->sty[i].based;
	}
}

/* Advance the list's counter at level k: deeper levels start again. */
static int
count(struct absnum *an, struct num *nm, int k)
{
	int d;

	if (!nm->seen) {
		nm->seen = 1;
		for (d = 0; d < MAX_LEVELS; d++)
			if (nm->restart[d] >= 0) {
				an->used[d] = 1;
				an->cur[d] = nm->restart[d] - 1;
			}
	}
	if (!an->used[k]) {
		an->used[k] = 1;
		an->cur[k] = an->lvl[k].start - 1;
	}
	if (an->cur[k] < 1000000)
		an->cur[k]++;
	for (d = k + 1; d < MAX_LEVELS; d++)
		an->used[d] = 0;
	return an->cur[k];
}

size_t
docx_number(struct docx_lists *c, xmlNode *ppr, char *out, size_t size)
{
	xmlNode *np = wml_child(ppr, "numPr");
	int numid = -1, ilvl = -1, k, v;
	struct absnum *an;
	struct num *nm;
	const char *t;
	char b[64], pre[160];
	size_t n = 0;
	uint32_t cp = 0;

	if (np) {
		numid = wml_int(wml_child(np, "numId"), "val", -1, -1, 1 << 30);
		ilvl = wml_int(wml_child(np, "ilvl"), "val", -1, -1,
		    MAX_LEVELS - 1);
	}
	if (numid < 0)
		style_numbering(c, wml_attr(wml_child(ppr, "pStyle"), "val"),
		    &numid, &ilvl);
	if (ilvl < 0)
		ilvl = 0;
	if (numid <= 0 || (nm = find_num(c, numid)) == NULL ||
	    (an = find_abs(c, nm->abs)) == NULL ||
	    strcmp(an->lvl[ilvl].fmt, "bullet") == 0)
		return 0;
	count(an, nm, ilvl);
	pre[0] = '\0';
	for (t = an->lvl[ilvl].text; *t && n + 1 < sizeof pre; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			k = t[1] - '1';
			v = an->used[k] ? an->cur[k] : an->lvl[k].start;
			format_number(b, sizeof b, an->lvl[ilvl].legal ?
			    "decimal" : an->lvl[k].fmt, v);
			if (strcmp(an->lvl[k].fmt, "none") == 0)
				b[0] = '\0';
			n += snprintf(pre + n, sizeof pre - n, "%s", b);
			t++;
		} else
			pre[n++] = *t, pre[n] = '\0';
		if (n >= sizeof pre)
			n = sizeof pre - 1;
	}
	if (n == 0)
		return 0;
	/* 二、总体情况: nothing after a wide mark; "1. text" gets a space. */
	k = (int)n;
	while (k > 0 && (pre[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0)
		utf8_decode(pre + k - 1, n - k + 1, &cp);
	if (!an->lvl[ilvl].nosep && !utf8_is_wide(cp) && n + 1 < sizeof pre)
		pre[n++] = ' ', pre[n] = '\0';
	return (size_t)snprintf(out, size, "%s", pre) < size ? n : 0;
}

