/*
 * Word files read by their structure (docx.h).  word/document.xml is
 * parsed with libxml2 and its body walked once: w:p paragraphs (runs of
 * w:t, w:tab, w:br) become lines, w:tbl tables lines of TAB-separated
 * cells and doctables.  Numbering (w:numPr, word/numbering.xml, also
 * through a paragraph style in word/styles.xml) is rendered into the
 * paragraph, since a heading 二、 may exist only as a list number.
 *
 * Table cells: one visible w:tc is one cell whatever w:gridSpan it has;
 * a w:vMerge continuation repeats its origin's text when that is a label
 * and is blank when it is a value (a number belongs to its first row
 * only).  When a data row has as many value cells as the header row
 * above it has leaf columns, the k-th value takes the k-th column's
 * position: Word tables often give data cells other grid columns than
 * their header (gip-tables(1)).
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "err.h"
#include "text.h"
#include "utf8.h"
#include "value.h"
#include "zippart.h"

#define MAX_COLS	1000	/* grid columns of a table */
#define MAX_LEVELS	9	/* list levels, as in Word */
#define MAX_LISTS	4096	/* w:num and w:abstractNum read */
#define MAX_STYLES	4096
#define MAX_DEPTH	200	/* nested content elements walked */

static const char *const wns[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main", NULL
};

struct sink {
	char	*p;
	size_t	 len, cap;
};

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

/* One visible cell of a table being read; its text in the table arena. */
struct tcell {
	size_t		off, n;
	int		x0, x1;		/* grid columns [x0, x1) */
	enum vkind	kind;
};

struct trow {
	int	first, ncell;
	long	line;			/* report-text line, 0: not written */
};

struct ctx {
	const char	*name;
	struct sink	 out;		/* the report text */
	long		 line;		/* line being written, 1-based */
	size_t		 start;		/* where it began */
	int		 full;		/* DOCX_MAX_TEXT reached */
	int		 deep;
	struct doctables *dt;
	struct absnum	*abs;
	int		 nabs;
	struct num	*num;
	int		 nnum;
	struct style	*sty;
	int		 nsty;
};

static struct sink out, cellbuf, arena;
static struct tcell *cells;
static int ncells, cellcap;
static struct trow *rows;
static int nrows, rowcap;
static struct zipbuf part;

static void	walk_blocks(struct ctx *, xmlNode *, int);

/* --- names and attributes ------------------------------------------ */

static int
is_w(const xmlNode *n, const char *local)
{
	const char *const *u;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    strcmp((const char *)n->name, local) != 0)
		return 0;
	for (u = wns; *u; u++)
		if (strcmp((const char *)n->ns->href, *u) == 0)
			return 1;
	return 0;
}

static xmlNode *
child(xmlNode *n, const char *local)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (is_w(n, local))
			return n;
	return NULL;
}

/* The w:val (or other w:) attribute, NULL if absent. */
static const char *
wattr(xmlNode *n, const char *local)
{
	xmlAttr *a;

	for (a = n ? n->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, local) == 0 &&
		    a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static int
ival(xmlNode *n, const char *local, int dflt, int lo, int hi)
{
	const char *v = wattr(n, local);
	long x;

	if (v == NULL)
		return dflt;
	x = strtol(v, NULL, 10);
	return x < lo ? lo : x > hi ? hi : (int)x;
}

/* A w:b-like toggle: present and not val="0"/"false"/"off". */
static int
toggle_on(xmlNode *n)
{
	const char *v = wattr(n, "val");

	return n != NULL && (v == NULL || !(strcmp(v, "0") == 0 ||
	    strcmp(v, "false") == 0 || strcmp(v, "off") == 0));
}

/* --- text sinks ------------------------------------------------------ */

/*
 * Append to a sink.  The report text and a table's cell texts are
 * capped: a label repeated down a merge could otherwise multiply a
 * small file into gigabytes.
 */
static void
put(struct ctx *c, struct sink *s, const char *p, size_t n)
{
	if ((s == &out || s == &arena) && (c->full ||
	    s->len + n + 2 > DOCX_MAX_TEXT)) {
		c->full = 1;
		return;
	}
	if (s->len + n + 1 > s->cap) {
		while (s->len + n + 1 > s->cap)
			s->cap = s->cap ? s->cap * 2 : 1 << 16;
		s->p = gip_xrealloc(s->p, s->cap);
	}
	memcpy(s->p + s->len, p, n);
	s->len += n;
	s->p[s->len] = '\0';
}

/* End the report text's current line if it has text. */
static void
line_end(struct ctx *c)
{
	if (out.len > c->start && !c->full) {
		put(c, &out, "\n", 1);
		c->line++;
	}
	c->start = out.len;
}

static void
blank_line(struct ctx *c)
{
	line_end(c);
	if (out.len > 0 && !(out.len >= 2 && out.p[out.len - 2] == '\n') &&
	    !c->full) {
		put(c, &out, "\n", 1);
		c->line++;
	}
	c->start = out.len;
}

static void
page_break(struct ctx *c)
{
	line_end(c);
	put(c, &out, "\f\n", 2);
	if (!c->full)
		c->line++;
	c->start = out.len;
}

/* Text into a line (s == &out) or a cell: in a cell line breaks and
 * TABs become spaces, since TAB separates cells and a row is a line. */
static void
put_text(struct ctx *c, struct sink *s, const char *t, size_t n)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		if (t[i] != '\n' && t[i] != '\r' && t[i] != '\f' &&
		    !(t[i] == '\t' && s != &out))
			continue;
		put(c, s, t + from, i - from);
		put(c, s, " ", 1);
		from = i + 1;
	}
	put(c, s, t + from, n - from);
}

/* A line break inside a paragraph. */
static void
put_break(struct ctx *c, struct sink *s)
{
	if (s == &out)
		line_end(c);
	else
		put(c, s, " ", 1);
}

/* --- numbering ------------------------------------------------------ */

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
find_abs(struct ctx *c, int id)
{
	int i;

	for (i = 0; i < c->nabs; i++)
		if (c->abs[i].id == id)
			return &c->abs[i];
	return NULL;
}

static struct num *
find_num(struct ctx *c, int id)
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

	v->start = ival(child(l, "start"), "val", 1, -1000000, 1000000);
	s = wattr(child(l, "numFmt"), "val");
	snprintf(v->fmt, sizeof v->fmt, "%s", s ? s : "decimal");
	s = wattr(child(l, "lvlText"), "val");
	snprintf(v->text, sizeof v->text, "%s", s ? s : "");
	v->legal = toggle_on(child(l, "isLgl"));
	s = wattr(child(l, "suff"), "val");
	v->nosep = s != NULL && strcmp(s, "nothing") == 0;
}

static void
read_abstract(struct ctx *c, xmlNode *a)
{
	struct absnum *an;
	xmlNode *l;
	int k;

	if (c->nabs == MAX_LISTS)
		return;
	an = &c->abs[c->nabs++];
	memset(an, 0, sizeof *an);
	an->id = ival(a, "abstractNumId", -1, -1, 1 << 30);
	for (k = 0; k < MAX_LEVELS; k++)
		snprintf(an->lvl[k].fmt, sizeof an->lvl[k].fmt, "none");
	for (l = a->children; l; l = l->next)
		if (is_w(l, "lvl") && (k = ival(l, "ilvl", 0, 0,
		    MAX_LEVELS - 1)) >= 0)
			read_lvl(l, &an->lvl[k]);
}

static void
read_num(struct ctx *c, xmlNode *n)
{
	struct num *nm;
	xmlNode *o;
	int k;

	if (c->nnum == MAX_LISTS)
		return;
	nm = &c->num[c->nnum++];
	nm->id = ival(n, "numId", -1, -1, 1 << 30);
	nm->abs = ival(child(n, "abstractNumId"), "val", -1, -1, 1 << 30);
	nm->seen = 0;
	for (k = 0; k < MAX_LEVELS; k++)
		nm->restart[k] = -1;
	for (o = n->children; o; o = o->next)
		if (is_w(o, "lvlOverride") && child(o, "startOverride")) {
			k = ival(o, "ilvl", 0, 0, MAX_LEVELS - 1);
			nm->restart[k] = ival(child(o, "startOverride"), "val",
			    1, -1000000, 1000000);
		}
}

/* Parse a part; NULL (and no message) when it is not well-formed or
 * has a DTD (Word writes none; entities could multiply the text): the
 * caller decides whether that matters.  No network is used. */
static xmlDoc *
parse_part(const struct zipbuf *b)
{
	if (b->len > (size_t)INT32_MAX || memmem(b->p, b->len, "<!DOCTYPE",
	    9) != NULL || memmem(b->p, b->len, "<!ENTITY", 8) != NULL)
		return NULL;
	return xmlReadMemory(b->p, (int)b->len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_COMPACT);
}

static void
read_numbering(struct ctx *c, xmlDoc *d)
{
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL, *n;

	if (!is_w(root, "numbering"))
		return;
	for (n = root->children; n; n = n->next)
		if (is_w(n, "abstractNum"))
			read_abstract(c, n);
		else if (is_w(n, "num"))
			read_num(c, n);
}

static void
read_styles(struct ctx *c, xmlDoc *d)
{
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL, *n, *np;
	struct style *s;
	const char *v;

	if (!is_w(root, "styles"))
		return;
	for (n = root->children; n && c->nsty < MAX_STYLES; n = n->next) {
		if (!is_w(n, "style") || (v = wattr(n, "styleId")) == NULL)
			continue;
		s = &c->sty[c->nsty++];
		snprintf(s->id, sizeof s->id, "%s", v);
		v = wattr(child(n, "basedOn"), "val");
		snprintf(s->based, sizeof s->based, "%s", v ? v : "");
		np = child(child(n, "pPr"), "numPr");
		s->numid = np ? ival(child(np, "numId"), "val", -1, -1,
		    1 << 30) : -1;
		s->ilvl = np ? ival(child(np, "ilvl"), "val", -1, -1,
		    MAX_LEVELS - 1) : -1;
	}
}

/* The list a paragraph style gives (through w:basedOn), if any. */
static void
style_numbering(struct ctx *c, const char *id, int *numid, int *ilvl)
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

/* The number Word shows before paragraph p, into s; bullets are left
 * out (a symbol, no number). */
static void
number_prefix(struct ctx *c, xmlNode *ppr, struct sink *s)
{
	xmlNode *np = child(ppr, "numPr");
	int numid = -1, ilvl = -1, k, v;
	struct absnum *an;
	struct num *nm;
	const char *t;
	char b[64], pre[160];
	size_t n = 0;
	uint32_t cp = 0;

	if (np) {
		numid = ival(child(np, "numId"), "val", -1, -1, 1 << 30);
		ilvl = ival(child(np, "ilvl"), "val", -1, -1, MAX_LEVELS - 1);
	}
	if (numid < 0)
		style_numbering(c, wattr(child(ppr, "pStyle"), "val"), &numid,
		    &ilvl);
	if (ilvl < 0)
		ilvl = 0;
	if (numid <= 0 || (nm = find_num(c, numid)) == NULL ||
	    (an = find_abs(c, nm->abs)) == NULL ||
	    strcmp(an->lvl[ilvl].fmt, "bullet") == 0)
		return;
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
		return;
	put(c, s, pre, n);
	/* 二、总体情况: nothing after a wide mark; "1. text" gets a space. */
	while (n > 0 && (pre[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		utf8_decode(pre + n - 1, strlen(pre + n - 1), &cp);
	if (!an->lvl[ilvl].nosep && !utf8_is_wide(cp))
		put(c, s, " ", 1);
}

/* --- paragraphs ------------------------------------------------------ */

static int
run_hidden(xmlNode *r)
{
	return toggle_on(child(child(r, "rPr"), "vanish"));
}

static void
run(struct ctx *c, xmlNode *r, struct sink *s)
{
	xmlNode *n;
	const char *t;

	if (run_hidden(r))
		return;
	for (n = r->children; n; n = n->next) {
		if (is_w(n, "t")) {
			t = (const char *)xmlNodeGetContent(n);
			if (t) {
				put_text(c, s, t, strlen(t));
				xmlFree((void *)t);
			}
		} else if (is_w(n, "tab"))
			put(c, s, s == &out ? "\t" : " ", 1);
		else if (is_w(n, "br") || is_w(n, "cr")) {
			t = wattr(n, "type");
			if (t && strcmp(t, "page") == 0 && s == &out)
				page_break(c);
			else
				put_break(c, s);
		} else if (is_w(n, "noBreakHyphen"))
			put(c, s, "-", 1);
	}
}

/* The runs of a paragraph, also inside hyperlinks, fields, content
 * controls and insertions; deleted and moved-away text is not shown. */
static void
runs(struct ctx *c, xmlNode *p, struct sink *s, int depth)
{
	xmlNode *n;

	if (depth > MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = p->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(n, "r"))
			run(c, n, s);
		else if (is_w(n, "hyperlink") || is_w(n, "ins") ||
		    is_w(n, "fldSimple") || is_w(n, "smartTag") ||
		    is_w(n, "customXml") || is_w(n, "sdt") ||
		    is_w(n, "sdtContent") || is_w(n, "moveTo") ||
		    is_w(n, "dir") || is_w(n, "bdo"))
			runs(c, n, s, depth + 1);
	}
}

static void
paragraph(struct ctx *c, xmlNode *p, struct sink *s, int depth)
{
	xmlNode *ppr = child(p, "pPr");

	if (s == &out && toggle_on(child(ppr, "pageBreakBefore")))
		page_break(c);
	number_prefix(c, ppr, s);
	runs(c, p, s, depth);
	if (s != &out)
		return;
	/* An empty paragraph is a blank line, as Word shows it (text
	 * saved from Word keeps it: one cell per line needs it). */
	if (out.len == c->start && !c->full) {
		put(c, &out, "\n", 1);
		c->line++;
		c->start = out.len;
	} else
		line_end(c);
}

/* --- tables ---------------------------------------------------------- */

static int
has_table(xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return 0;
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && (is_w(n, "tbl") ||
		    has_table(n, depth + 1)))
			return 1;
	return 0;
}

/* Is the last character of s wide (CJK)? */
static int
ends_wide(const struct sink *s)
{
	size_t i = s->len;
	uint32_t cp;

	while (i > 0 && (s->p[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return 0;
	utf8_decode(s->p + i - 1, s->len - i + 1, &cp);
	return utf8_is_wide(cp);
}

/* Paragraphs of a cell joined: a space between two, dropped again when
 * both sides are wide (CJK) characters, as a wrapped label reads. */
static void
cell_paragraphs(struct ctx *c, xmlNode *n, int depth)
{
	size_t before;
	uint32_t cp;
	int wide;

	if (depth > MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n; n = n->next) {
		if (is_w(n, "sdt") || is_w(n, "sdtContent") ||
		    is_w(n, "customXml")) {
			cell_paragraphs(c, n, depth + 1);
			continue;
		}
		if (!is_w(n, "p"))
			continue;
		wide = ends_wide(&cellbuf);
		before = cellbuf.len;
		if (before > 0)
			put(c, &cellbuf, " ", 1);
		paragraph(c, n, &cellbuf, depth + 1);
		if (before > 0 && cellbuf.len == before + 1) {
			cellbuf.p[--cellbuf.len] = '\0';	/* empty */
		} else if (before > 0 && wide) {
			utf8_decode(cellbuf.p + before + 1,
			    cellbuf.len - before - 1, &cp);
			if (utf8_is_wide(cp)) {
				memmove(cellbuf.p + before, cellbuf.p + before
				    + 1, cellbuf.len - before);
				cellbuf.len--;
			}
		}
	}
}

static void
add_cell(struct ctx *c, const char *t, size_t n, int x0, int x1)
{
	struct tcell *tc;
	struct value v;
	char tmp[VALUE_MAX * 2];

	if (ncells == cellcap) {
		cellcap = cellcap ? cellcap * 2 : 256;
		cells = gip_xrealloc(cells, cellcap * sizeof *cells);
	}
	tc = &cells[ncells++];
	tc->off = arena.len;
	tc->n = n;
	tc->x0 = x0;
	tc->x1 = x1;
	put(c, &arena, t, n);
	put(c, &arena, "", 1);	/* NUL between texts */
	/* Classified as the grid will hold it: cleaned (NBSP is blank). */
	if (n < sizeof tmp) {
		text_norm(tmp, t, n, TEXT_CLEAN);
		value_parse(tmp, &v);
		tc->kind = v.kind;
	} else
		tc->kind = text_is_blank(t, n) ? V_BLANK : V_TEXT;
	rows[nrows - 1].ncell++;
}

static const char *
ctext(const struct tcell *tc)
{
	return arena.p + tc->off;
}

/* The cell of row r (the one above) covering grid column x, or NULL. */
static const struct tcell *
covering(int r, int x)
{
	int i;

	if (r < 0)
		return NULL;
	for (i = 0; i < rows[r].ncell; i++)
		if (cells[rows[r].first + i].x0 <= x &&
		    cells[rows[r].first + i].x1 > x)
			return &cells[rows[r].first + i];
	return NULL;
}

/* One w:tc: its span and merge, its text.  A vMerge continuation takes
 * its origin's text when that is a label, and is blank for a value. */
static int
read_cell(struct ctx *c, xmlNode *tc, int x, int depth)
{
	xmlNode *pr = child(tc, "tcPr"), *vm = child(pr, "vMerge");
	int span = ival(child(pr, "gridSpan"), "val", 1, 1, MAX_COLS);
	const char *v = wattr(vm, "val");
	const struct tcell *above;
	enum vkind kind;

	if (x >= MAX_COLS)
		return x;
	if (span > MAX_COLS - x)
		span = MAX_COLS - x;
	if (vm != NULL && (v == NULL || strcmp(v, "continue") == 0)) {
		above = covering(nrows - 2, x);
		kind = above && above->kind == V_TEXT ? V_TEXT : V_BLANK;
		cellbuf.len = 0;	/* a copy: cells and arena may move */
		put(c, &cellbuf, "", 0);
		if (kind == V_TEXT)
			put(c, &cellbuf, ctext(above), above->n);
		add_cell(c, cellbuf.p, cellbuf.len, x, x + span);
		cells[ncells - 1].kind = kind;
		return x + span;
	}
	cellbuf.len = 0;
	put(c, &cellbuf, "", 0);
	cell_paragraphs(c, tc, depth + 1);
	add_cell(c, cellbuf.p, cellbuf.len, x, x + span);
	return x + span;
}

static void
read_row_cells(struct ctx *c, xmlNode *n, int *x, int depth)
{
	if (depth > MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n; n = n->next)
		if (is_w(n, "tc"))
			*x = read_cell(c, n, *x, depth);
		else if (is_w(n, "sdt") || is_w(n, "sdtContent") ||
		    is_w(n, "customXml"))
			read_row_cells(c, n, x, depth + 1);
}

static void
read_rows(struct ctx *c, xmlNode *n, int depth)
{
	int x;

	if (depth > MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n; n = n->next) {
		if (is_w(n, "tr")) {
			if (nrows == rowcap) {
				rowcap = rowcap ? rowcap * 2 : 64;
				rows = gip_xrealloc(rows, rowcap *
				    sizeof *rows);
			}
			rows[nrows].first = ncells;
			rows[nrows].ncell = 0;
			rows[nrows++].line = 0;
			x = ival(child(child(n, "trPr"), "gridBefore"), "val",
			    0, 0, MAX_COLS);
			read_row_cells(c, n, &x, depth + 1);
		} else if (is_w(n, "sdt") || is_w(n, "sdtContent") ||
		    is_w(n, "customXml"))
			read_rows(c, n, depth + 1);
	}
}

/* A row of blank cells only: not written (Word's spacer rows). */
static int
row_blank(const struct trow *r)
{
	int i;

	for (i = 0; i < r->ncell; i++)
		if (cells[r->first + i].n > 0)
			return 0;
	return 1;
}

/* The row as a line: its cells on the grid, TAB between columns, a
 * spanned column left empty. */
static void
write_row(struct ctx *c, struct trow *r)
{
	const struct tcell *tc;
	int i, col = 0, k;

	for (i = 0; i < r->ncell; i++) {
		tc = &cells[r->first + i];
		for (; col < tc->x0; col++)
			put(c, &out, "\t", col > 0);
		if (col > 0)
			put(c, &out, "\t", 1);
		put(c, &out, ctext(tc), tc->n);
		for (k = tc->x0 + 1, col++; k < tc->x1; k++, col++)
			put(c, &out, "\t", 1);
	}
	r->line = c->line;
	line_end(c);
}

/* Does row r have a number in it? */
static int
row_has_number(const struct trow *r)
{
	int i;

	for (i = 0; i < r->ncell; i++)
		if (cells[r->first + i].kind == V_NUMBER)
			return 1;
	return 0;
}

/*
 * A header row: no number, at least two label cells, and a label last
 * (a data row with blank values ends blank).  The last such row above a
 * data row is the header's bottom row, its leaf columns.
 */
static int
row_is_header(const struct trow *r)
{
	int i, labels = 0;

	if (r->ncell == 0 || row_has_number(r) ||
	    cells[r->first + r->ncell - 1].kind != V_TEXT)
		return 0;
	for (i = 0; i < r->ncell; i++)
		labels += cells[r->first + i].kind == V_TEXT;
	return labels >= 2;
}

/* Where a data row's values begin: the grid column of its first cell
 * after its last label; -1 for a row without numbers. */
static int
values_start(const struct trow *r, int *first)
{
	int i;

	*first = 0;
	for (i = 0; i < r->ncell; i++)
		if (cells[r->first + i].kind == V_TEXT)
			*first = i + 1;
	if (*first == r->ncell || !row_has_number(r))
		return -1;
	return cells[r->first + *first].x0;
}

/*
 * Positions for the value cells of a data row.  The header's leaf
 * columns are its bottom row's cells right of the label area, which
 * ends where the values of the rows under that header begin first
 * (values_from; a row whose label takes a column more does not move
 * it).  When the row has as many value cells as there are leaves and
 * all are labels, the k-th value takes the k-th leaf's columns; else
 * each cell keeps its own grid columns.
 */
static void
value_positions(const struct trow *r, const struct trow *head,
    int values_from, int *x0, int *x1)
{
	const struct tcell *rc = &cells[r->first], *hc;
	int i, k, first, nv, lead;

	for (i = 0; i < r->ncell; i++) {
		x0[i] = rc[i].x0;
		x1[i] = rc[i].x1;
	}
	if (head == NULL || values_start(r, &first) < 0)
		return;
	nv = r->ncell - first;
	hc = &cells[head->first];
	for (lead = 0; lead < head->ncell &&
	    hc[lead].x0 + hc[lead].x1 <= 2 * values_from; lead++)
		;
	if (head->ncell - lead != nv)
		return;
	for (k = 0; k < nv; k++)
		if (hc[lead + k].kind != V_TEXT)
			return;
	for (k = 0; k < nv; k++) {
		x0[first + k] = hc[lead + k].x0;
		x1[first + k] = hc[lead + k].x1;
	}
}

/* For each header row, the least values_start of the rows under it. */
static void
header_label_ends(int from, int *ends)
{
	int i, head = -1, x, first;

	for (i = from; i < nrows; i++) {
		ends[i - from] = MAX_COLS;
		if (row_is_header(&rows[i])) {
			head = i;
			continue;
		}
		if (head >= 0 && (x = values_start(&rows[i], &first)) >= 0 &&
		    x < ends[head - from])
			ends[head - from] = x;
	}
}

/* The table's rows to dt, positions in DOCX_COL_UNITS per column. */
static void
hand_over(struct ctx *c, int from)
{
	static int *x0, *x1, *ends, cap, endcap;
	int head = -1;
	struct doctable *t = NULL;
	const struct tcell *tc;
	struct trow *r;
	int i, k;

	if (nrows - from > endcap) {
		endcap = (nrows - from) * 2;
		ends = gip_xrealloc(ends, endcap * sizeof *ends);
	}
	header_label_ends(from, ends);
	for (i = from; i < nrows; i++) {
		r = &rows[i];
		if (row_is_header(r))
			head = i;
		if (r->line == 0)
			continue;
		if (r->ncell > cap) {
			cap = r->ncell * 2;
			x0 = gip_xrealloc(x0, cap * sizeof *x0);
			x1 = gip_xrealloc(x1, cap * sizeof *x1);
		}
		value_positions(r, head < 0 || head == i ? NULL : &rows[head],
		    head < 0 ? 0 : ends[head - from], x0, x1);
		if (t == NULL) {
			t = doctables_add(c->dt, r->line);
			t->g.positional = 1;
		}
		t->last_line = r->line;
		grid_new_row(&t->g, r->line);
		for (k = 0; k < r->ncell; k++) {
			tc = &cells[r->first + k];
			grid_add_cell(&t->g, ctext(tc), tc->n,
			    x0[k] * DOCX_COL_UNITS, x1[k] * DOCX_COL_UNITS);
		}
	}
}

/* A table without tables inside: a blank line, a line per row that has
 * text, a blank line; and its cells to dt. */
static void
table(struct ctx *c, xmlNode *tbl, int depth)
{
	int i;

	nrows = ncells = 0;
	arena.len = 0;
	read_rows(c, tbl, depth + 1);
	blank_line(c);
	for (i = 0; i < nrows; i++)
		if (!row_blank(&rows[i]))
			write_row(c, &rows[i]);
	blank_line(c);
	if (!c->full)
		hand_over(c, 0);
}

/*
 * Body content: paragraphs, tables, and the containers Word wraps them
 * in.  A table holding tables is a layout table (a page frame): its
 * cells' content is walked as body content, like a page's.
 */
static void
walk_blocks(struct ctx *c, xmlNode *n, int depth)
{
	xmlNode *r, *cell;

	if (depth > MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n && !c->full; n = n->next) {
		if (is_w(n, "p"))
			paragraph(c, n, &out, depth);
		else if (is_w(n, "tbl") && !has_table(n, depth))
			table(c, n, depth);
		else if (is_w(n, "tbl"))
			for (r = n->children; r; r = r->next) {
				if (!is_w(r, "tr"))
					continue;
				for (cell = r->children; cell; cell = cell->next)
					if (is_w(cell, "tc"))
						walk_blocks(c, cell, depth + 2);
			}
		else if (is_w(n, "sdt") || is_w(n, "sdtContent") ||
		    is_w(n, "customXml") || is_w(n, "ins") ||
		    is_w(n, "moveTo"))
			walk_blocks(c, n, depth + 1);
	}
}

/* One line end at the end of the text, no blank lines there. */
static void
trim_end(void)
{
	while (out.len > 0 && (out.p[out.len - 1] == '\n' ||
	    out.p[out.len - 1] == '\f'))
		out.len--;
	if (out.len > 0)
		out.p[out.len++] = '\n';
	out.p[out.len] = '\0';
}

/* numbering.xml and styles.xml: optional; damaged ones are ignored with
 * a warning, since only list numbers depend on them. */
static int
read_lists(struct ctx *c, struct zippart_zip *z)
{
	xmlDoc *d;
	int rc;

	if ((rc = zippart_read(z, "word/numbering.xml", DOCX_MAX_PART,
	    &part)) < 0)
		return -1;
	if (rc == 0) {
		if ((d = parse_part(&part)) == NULL)
			gip_warn(c->name, 0, "word/numbering.xml is not "
			    "well-formed: list numbers left out");
		read_numbering(c, d);
		xmlFreeDoc(d);
	}
	if ((rc = zippart_read(z, "word/styles.xml", DOCX_MAX_PART,
	    &part)) < 0)
		return -1;
	if (rc == 0) {
		d = parse_part(&part);
		read_styles(c, d);
		xmlFreeDoc(d);
	}
	return 0;
}

static int
read_body(struct ctx *c, struct zippart_zip *z)
{
	xmlNode *root, *body;
	xmlDoc *d;
	int rc;

	rc = zippart_read(z, "word/document.xml", DOCX_MAX_PART, &part);
	if (rc > 0)
		gip_error(c->name, 0, "an Office file without "
		    "word/document.xml, not a Word document");
	if (rc != 0)
		return -1;
	if ((d = parse_part(&part)) == NULL) {
		gip_error(c->name, 0, "word/document.xml is not well-formed "
		    "XML, or has a DTD");
		return -1;
	}
	root = xmlDocGetRootElement(d);
	if (!is_w(root, "document") || (body = child(root, "body")) == NULL) {
		gip_error(c->name, 0, "word/document.xml has no w:body");
		xmlFreeDoc(d);
		return -1;
	}
	walk_blocks(c, body, 0);
	xmlFreeDoc(d);
	return 0;
}

int
docx_read(struct gip_doc *doc, struct doctables *dt)
{
	struct ctx c = {0};
	struct zippart_zip *z;
	int rc = -1;

	c.name = doc->name;
	c.dt = dt;
	c.line = 1;
	out.len = 0;
	put(&c, &out, "", 0);
	c.abs = gip_xmalloc(MAX_LISTS * sizeof *c.abs);
	c.num = gip_xmalloc(MAX_LISTS * sizeof *c.num);
	c.sty = gip_xmalloc(MAX_STYLES * sizeof *c.sty);
	if ((z = zippart_open(doc->name, doc->bytes, doc->nbytes)) != NULL &&
	    read_lists(&c, z) == 0 && read_body(&c, z) == 0)
		rc = 0;
	zippart_close(z);
	free(c.abs);
	free(c.num);
	free(c.sty);
	if (rc == 0 && c.full) {
		gip_error(doc->name, 0, "text longer than %u MiB, not read",
		    DOCX_MAX_TEXT >> 20);
		rc = -1;
	}
	if (rc < 0) {
		doctables_reset(dt);
		return -1;
	}
	if (c.deep)
		gip_warn(doc->name, 0, "content nested deeper than %d "
		    "levels was not read", MAX_DEPTH);
	trim_end();
	doc->text = out.p;
	doc->len = out.len;
	doc->encoding = "UTF-8";
	doc->html = 0;
	return 0;
}
