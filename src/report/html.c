/*
 * HTML to report text over libxml2's HTML parser.  The tree is walked
 * once; text goes to a sink that collapses white space as a browser does,
 * and each data table is laid out on a grid (rowspan, colspan) so that
 * every row of it has the same number of TAB-separated cells, the way
 * the "tabrow" text layout prints tables.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "html.h"
#include "input.h"
#include "text.h"
#include "utf8.h"

#define HTML_MAX_SPAN	1000	/* rowspan and colspan are capped here */
#define HTML_MAX_COLS	1000	/* and so is the width of a table */
#define HTML_MAX_DEPTH	4096	/* elements nested deeper are not read */

/* Text being built: the document, or the cell being read. */
struct sink {
	char		*p;
	size_t		 len, cap;
	size_t		 start;		/* where the current line began */
	int		 space;		/* white space seen, not yet written */
	int		 nl;		/* ... and it held a line break */
	int		 wide;		/* the last character written is wide */
};

struct ctx {
	const char	*name;
	struct sink	*cur;		/* &doc, or &cell inside a table cell */
	size_t		 max;		/* output budget in bytes */
	int		 full;		/* the budget was exceeded */
	int		 pre;		/* inside <pre> */
	int		 depth;
	int		 deep;		/* something was nested too deep */
};

/* One pass over a table's rows: measuring its width, or writing it. */
struct grid {
	size_t		 width;		/* columns, known when writing */
	size_t		 col;		/* next column of the current row */
	size_t		 start;		/* where the row's line began */
	int		 emit;
	int		 text;		/* the row has a non-empty cell */
};

static struct sink doc, cell;
static int span[HTML_MAX_COLS];	/* rows each column is still covered */

static const char *const skipped[] = {
	"head", "title", "script", "style", "noscript", "template", "iframe",
	"object", "textarea", "select", "o:p", "xml", NULL
};

static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
	"h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
	"main", "menu", "nav", "ol", "p", "pre", "section", "summary",
	"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", NULL
};

static void	walk(struct ctx *, xmlNode *);

static int
in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static void
sink_put(struct ctx *c, struct sink *s, const char *p, size_t n)
{
	size_t cap;

	if (c->full)
		return;
	if (s->len + n + 1 > c->max) {
		c->full = 1;
		return;
	}
	if (s->len + n + 1 > s->cap) {
		cap = s->cap ? s->cap : 4096;
		while (cap < s->len + n + 1)
			cap *= 2;
		s->p = gip_xrealloc(s->p, cap);
		s->cap = cap;
	}
	memcpy(s->p + s->len, p, n);
	s->len += n;
	s->p[s->len] = '\0';
}

static void
sink_reset(struct ctx *c, struct sink *s)
{
	s->len = s->start = 0;
	s->space = s->nl = s->wide = 0;
	sink_put(c, s, "", 0);
}

/* The value of an attribute as the parser stored it, or NULL. */
static const char *
attr(xmlNode *n, const char *name)
{
	xmlAttr *a = xmlHasProp(n, (const xmlChar *)name);

	if (a == NULL || a->children == NULL ||
	    a->children->type != XML_TEXT_NODE)
		return NULL;
	return (const char *)a->children->content;
}

/* Does a style attribute hold a declaration ("display:none")?  Spaces
 * and case in the attribute do not matter. */
static int
css_has(const char *css, const char *decl)
{
	const char *p, *d;

	for (; *css; css++) {
		for (p = css, d = decl; *d; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
				continue;
			if ((*p | 0x20) != *d)
				break;
			d++;
		}
		if (*d == '\0')
			return 1;
	}
	return 0;
}

static size_t
span_attr(xmlNode *n, const char *name)
{
	const char *v = attr(n, name);
	long x;

	if (v == NULL)
		return 1;
	x = strtol(v, NULL, 10);
	if (x < 1)
		return 1;
	return x > HTML_MAX_SPAN ? HTML_MAX_SPAN : (size_t)x;
}

/* End the document's current line if it has text. */
static void
line_end(struct ctx *c)
{
	doc.space = doc.nl = doc.wide = 0;
	if (doc.len > doc.start)
		sink_put(c, &doc, "\n", 1);
	doc.start = doc.len;
}

static void
blank_line(struct ctx *c)
{
	line_end(c);
	if (doc.len > 0 && !(doc.len >= 2 && doc.p[doc.len - 2] == '\n'))
		sink_put(c, &doc, "\n", 1);
	doc.start = doc.len;
}

/* A block boundary: a new line, or inside a cell a single space. */
static void
brk(struct ctx *c)
{
	if (c->cur == &cell)
		cell.space = 1;
	else
		line_end(c);
}

static void
page_break(struct ctx *c)
{
	if (c->cur == &cell) {
		cell.space = 1;
		return;
	}
	line_end(c);
	sink_put(c, &doc, "\f\n", 2);
	doc.start = doc.len;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0;
}

/*
 * Word's downlevel-revealed conditionals (<![if !supportLists]>,
 * <![endif]>) are not markup to libxml2: they arrive as text.  Returns
 * the length of one at s, or 0.
 */
static size_t
cond_marker(const char *s, size_t n)
{
	const char *end;

	if (n < 5 || memcmp(s, "<![", 3) != 0)
		return 0;
	if (strncasecmp(s + 3, "if", 2) != 0 &&
	    (n < 8 || strncasecmp(s + 3, "endif", 5) != 0))
		return 0;
	end = memmem(s, n < 200 ? n : 200, "]>", 2);
	return end ? (size_t)(end - s) + 2 : 0;
}

/* Write one visible character after the pending white space as one
 * space; none at the start of a line, and none for a source line break
 * between two wide (CJK) characters, which browsers drop too. */
static void
put_char(struct ctx *c, const char *p, size_t n, uint32_t cp)
{
	struct sink *s = c->cur;
	int wide = utf8_is_wide(cp);

	if (s->space && s->len > s->start && !(s->nl && s->wide && wide))
		sink_put(c, s, " ", 1);
	s->space = s->nl = 0;
	s->wide = wide;
	sink_put(c, s, p, n);
}

/* Text inside <pre> keeps its spaces and line breaks. */
static void
put_pre(struct ctx *c, const char *p, size_t n, uint32_t cp)
{
	if (cp == '\n') {
		sink_put(c, &doc, "\n", 1);
		doc.start = doc.len;
	} else if (cp == '\r' || cp == '\f' || cp == '\v') {
		return;
	} else {
		sink_put(c, &doc, cp == 0xa0 ? " " : p, cp == 0xa0 ? 1 : n);
	}
}

static void
put_text(struct ctx *c, const char *t, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		if ((k = cond_marker(t + i, n - i)) > 0) {
			i += k;
			continue;
		}
		k = utf8_decode(t + i, n - i, &cp);
		if (c->pre && c->cur == &doc)
			put_pre(c, t + i, k, cp);
		else if (is_space(cp))
			c->cur->space = 1, c->cur->nl |= cp == '\n' ||
			    cp == '\r';
		else
			put_char(c, t + i, k, cp);
		i += k;
	}
}

/* Is there a table among n and its siblings and their descendants?
 * Past the depth limit say yes: the walk then stops there itself. */
static int
has_table(xmlNode *n, int depth)
{
	if (depth > HTML_MAX_DEPTH)
		return n != NULL;
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && (is_elem(n, "table") ||
		    has_table(n->children, depth + 1)))
			return 1;
	return 0;
}

static void
walk_children(struct ctx *c, xmlNode *n)
{
	if (++c->depth > HTML_MAX_DEPTH)
		c->deep = 1;
	else
		for (n = n->children; n; n = n->next)
			walk(c, n);
	c->depth--;
}

/* Write one cell of the current row, or only count it when measuring. */
static void
put_cell(struct ctx *c, struct grid *g, const char *text, size_t n)
{
	if (g->emit) {
		if (g->col > 0)
			sink_put(c, &doc, "\t", 1);
		sink_put(c, &doc, text, n);
		g->text |= n > 0;
	}
	g->col++;
}

/* Empty cells for columns covered by a rowspan from above. */
static void
skip_covered(struct ctx *c, struct grid *g)
{
	while (g->col < HTML_MAX_COLS && span[g->col] > 0 &&
	    (!g->emit || g->col < g->width))
		put_cell(c, g, "", 0);
}

static void
place_cell(struct ctx *c, struct grid *g, xmlNode *td)
{
	size_t cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
	size_t j;

	skip_covered(c, g);
	if (g->col >= HTML_MAX_COLS)
		return;
	if (cs > HTML_MAX_COLS - g->col)
		cs = HTML_MAX_COLS - g->col;
	for (j = g->col; j < g->col + cs; j++)
		span[j] = (int)rs;
	if (g->emit) {
		sink_reset(c, &cell);
		c->cur = &cell;
		walk_children(c, td);
		c->cur = &doc;
		put_cell(c, g, cell.p, cell.len);
	} else {
		g->col++;
	}
	while (--cs > 0)
		put_cell(c, g, "", 0);
}

/* The cells of a row, also where broken markup wrapped them. */
static void
row_cells(struct ctx *c, struct grid *g, xmlNode *n)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_elem(n, "td") || is_elem(n, "th"))
			place_cell(c, g, n);
		else if (!is_elem(n, "tr") && !is_elem(n, "table") &&
		    c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			row_cells(c, g, n);
			c->depth--;
		}
	}
}

static void
row(struct ctx *c, struct grid *g, xmlNode *tr)
{
	size_t j, end;

	g->col = 0;
	g->text = 0;
	g->start = doc.len;
	row_cells(c, g, tr);
	if (g->emit) {
		while (g->col < g->width)
			put_cell(c, g, "", 0);
		if (g->text)
			sink_put(c, &doc, "\n", 1);
		else
			doc.len = g->start;	/* a row of empty cells */
		doc.start = doc.len;
	}
	for (end = g->col, j = 0; j < HTML_MAX_COLS; j++)
		if (span[j] > 0 && span[j]-- > 0 && j >= end)
			end = j + 1;
	if (end > g->width && !g->emit)
		g->width = end;
}

static void
rows(struct ctx *c, struct grid *g, xmlNode *n)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || is_elem(n, "caption"))
			continue;
		if (is_elem(n, "tr")) {
			row(c, g, n);
		} else if (c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			rows(c, g, n);
			c->depth--;
		}
	}
}

/* A table without tables inside: its caption, then its rows on a grid,
 * with a blank line before and after. */
static void
table(struct ctx *c, xmlNode *t)
{
	struct grid g = { 0 };
	xmlNode *n;

	blank_line(c);
	for (n = t->children; n; n = n->next)
		if (is_elem(n, "caption"))
			walk(c, n);
	line_end(c);
	memset(span, 0, sizeof span);
	rows(c, &g, t);
	memset(span, 0, sizeof span);
	g.emit = 1;
	rows(c, &g, t);
	blank_line(c);
}

static void
walk_element(struct ctx *c, xmlNode *n)
{
	const char *name = (const char *)n->name;
	const char *css = attr(n, "style");
	int block;

	if (in_list(name, skipped) || (css && css_has(css, "display:none")))
		return;
	if (css && css_has(css, "page-break-before:always"))
		page_break(c);
	else if (strcmp(name, "br") == 0)
		brk(c);
	if (strcmp(name, "table") == 0 && c->cur == &doc &&
	    !has_table(n->children, c->depth)) {
		table(c, n);
	} else {
		block = in_list(name, blocks);
		if (block)
			brk(c);
		c->pre += strcmp(name, "pre") == 0;
		walk_children(c, n);
		c->pre -= strcmp(name, "pre") == 0;
		if (block)
			brk(c);
	}
	if (css && css_has(css, "page-break-after:always"))
		page_break(c);
}

static void
walk(struct ctx *c, xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE)
		walk_element(c, n);
	else if ((n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE) && n->content)
		put_text(c, (const char *)n->content,
		    strlen((const char *)n->content));
}

/* One line end at the end of the text, no blank lines. */
static void
trim_end(void)
{
	while (doc.len > 0 && doc.p[doc.len - 1] == '\n')
		doc.len--;
	if (doc.len > 0)
		doc.p[doc.len++] = '\n';
	doc.p[doc.len] = '\0';
}

/*
 * The bytes are UTF-8 whatever a <meta> charset says (input.c decoded
 * them), hence IGNORE_ENC.  XML_PARSE_HUGE lifts libxml2's limit of 256
 * nested elements, past which it silently stops reading the page (a CMS
 * that never closes <font> gets there); our walk has its own limit.
 */
static htmlDocPtr
parse(const char *name, const char *html, size_t len)
{
	htmlParserCtxtPtr p;
	htmlDocPtr d;

	if (len == 0 || text_is_blank(html, len))
		return NULL;
	if ((p = htmlNewParserCtxt()) == NULL)
		gip_fatal("out of memory");
	d = htmlCtxtReadMemory(p, html, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	if (d == NULL || p->disableSAX)
		gip_warn(name, 0, "html: the parser gave up, text may be "
		    "missing");
	htmlFreeParserCtxt(p);
	return d;
}

int
html_to_text(const char *name, const char *html, size_t len, char **out,
    size_t *outlen)
{
	struct ctx c = { 0 };
	htmlDocPtr d = NULL;
	xmlNode *n;

	c.name = name;
	c.cur = &doc;
	if (len > INT_MAX / 16) {
		gip_error(name, 0, "html: document too large");
		return -1;
	}
	/* Padding rows to the width of a table makes text from markup;
	 * this bounds what a hostile page can make. */
	c.max = len * 8 + (1u << 20);
	sink_reset(&c, &doc);
	d = parse(name, html, len);
	for (n = d ? d->children : NULL; n; n = n->next)
		walk(&c, n);
	xmlFreeDoc(d);
	line_end(&c);
	if (c.full) {
		gip_error(name, 0, "html: text longer than %zu bytes", c.max);
		return -1;
	}
	trim_end();
	if (c.deep)
		gip_warn(name, 0, "html: elements nested deeper than %d "
		    "levels were not read", HTML_MAX_DEPTH);
	*out = doc.p;
	*outlen = doc.len;
	return 0;
}

int
html_doc(struct gip_doc *doc)
{
	char *text;
	size_t len;

	if (!doc->html)
		return 0;
	if (html_to_text(doc->name, doc->text, doc->len, &text, &len) < 0)
		return -1;
	doc->text = text;
	doc->len = len;
	return 0;
}
