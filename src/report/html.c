/*
 * HTML to report text over libxml2's HTML parser.  The tree is walked
 * once; text goes to a sink that collapses white space as a browser does.
 * A data table is read whole by htmltable.c: written into the text one
 * line per row and handed over with its cells and spans as a doctable
 * (doctables.h), so placement gets its cells without reading the text
 * again.  The first heading naming a 报告, or else the lines that print
 * the page's <title>, tell meta where the title is.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doctables.h"
#include "err.h"
#include "html.h"
#include "htmlctx.h"
#include "input.h"
#include "text.h"
#include "utf8.h"
#include "xmlload.h"

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

static int
in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int
html_is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

void
hsink_put(struct ctx *c, struct sink *s, const char *p, size_t n)
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

void
hsink_reset(struct ctx *c, struct sink *s)
{
	s->len = s->start = 0;
	s->space = s->nl = s->wide = 0;
	hsink_put(c, s, "", 0);
}

/* The value of an attribute as the parser stored it, or NULL. */
const char *
html_attr(xmlNode *n, const char *name)
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

/* End the document's current line if it has text. */
void
html_line_end(struct ctx *c)
{
	struct sink *d = &c->doc;

	d->space = d->nl = d->wide = 0;
	if (d->len > d->start)
		hsink_put(c, d, "\n", 1);
	d->start = d->len;
}

void
html_blank_line(struct ctx *c)
{
	struct sink *d = &c->doc;

	html_line_end(c);
	if (d->len > 0 && !(d->len >= 2 && d->p[d->len - 2] == '\n'))
		hsink_put(c, d, "\n", 1);
	d->start = d->len;
}

/* A block boundary: a new line, or inside a cell a single space. */
static void
brk(struct ctx *c)
{
	if (c->cur != &c->doc)
		c->cur->space = 1;
	else
		html_line_end(c);
}

static void
page_break(struct ctx *c)
{
	if (c->cur != &c->doc) {
		c->cur->space = 1;
		return;
	}
	html_line_end(c);
	hsink_put(c, &c->doc, "\f\n", 2);
	c->doc.start = c->doc.len;
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
		hsink_put(c, s, " ", 1);
	s->space = s->nl = 0;
	s->wide = wide;
	hsink_put(c, s, p, n);
}

/* Text inside <pre> keeps its spaces and line breaks. */
static void
put_pre(struct ctx *c, const char *p, size_t n, uint32_t cp)
{
	if (cp == '\n') {
		hsink_put(c, &c->doc, "\n", 1);
		c->doc.start = c->doc.len;
	} else if (cp == '\r' || cp == '\f' || cp == '\v') {
		return;
	} else {
		hsink_put(c, &c->doc, cp == 0xa0 ? " " : p, cp == 0xa0 ? 1 : n);
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
		if (c->pre && c->cur == &c->doc)
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
		if (n->type == XML_ELEMENT_NODE && (html_is_elem(n, "table") ||
		    has_table(n->children, depth + 1)))
			return 1;
	return 0;
}

void
html_walk_children(struct ctx *c, xmlNode *n)
{
	if (++c->depth > HTML_MAX_DEPTH)
		c->deep = 1;
	else
		for (n = n->children; n; n = n->next)
			html_walk(c, n);
	c->depth--;
}

long
html_doc_line(struct ctx *c)
{
	const char *p = c->doc.p + c->counted, *end = c->doc.p + c->doc.len;

	while (p < end && (p = memchr(p, '\n', end - p)) != NULL) {
		c->lines++;
		p++;
	}
	c->counted = c->doc.len;
	return c->lines + 1;
}

/* A heading or a centred block: where a page prints its title. */
static int
is_heading(xmlNode *n, const char *css)
{
	const char *cls = html_attr(n, "class");
	const char *align = html_attr(n, "align");

	return html_is_elem(n, "h1") || html_is_elem(n, "h2") ||
	    html_is_elem(n, "h3") || html_is_elem(n, "center") ||
	    (cls && strstr(cls, "title")) ||
	    (align && strcasecmp(align, "center") == 0) ||
	    (css && css_has(css, "text-align:center"));
}

/* A heading starts: a run of headings goes on if nothing came between
 * (a title printed as org / year and title); where it ends. */
static size_t
heading_start(struct ctx *c)
{
	if (c->heads == 0 || c->heads_end != c->doc.len)
		c->heads = html_doc_line(c);
	return c->doc.len;
}

/* The first short heading naming a 报告 (spaced out or not) gives the
 * title's line: the first of its run. */
static void
heading_end(struct ctx *c, size_t start)
{
	char sq[HTML_MAX_TITLE + 1];
	size_t n = c->doc.len - start;

	if (n <= HTML_MAX_TITLE) {
		sq[text_norm(sq, c->doc.p + start, n, TEXT_LABEL)] = '\0';
		if (strstr(sq, "报告"))
			c->dt->title_line = c->heads;
	}
	c->heads_end = c->doc.len;
}

static void
walk_element(struct ctx *c, xmlNode *n)
{
	const char *name = (const char *)n->name;
	const char *css = html_attr(n, "style");
	int block, head;
	size_t start = 0;

	if (in_list(name, skipped) || (css && css_has(css, "display:none")))
		return;
	if (css && css_has(css, "page-break-before:always"))
		page_break(c);
	else if (strcmp(name, "br") == 0)
		brk(c);
	if (strcmp(name, "table") == 0 && c->cur == &c->doc &&
	    !has_table(n->children, c->depth)) {
		html_table(c, n);
	} else {
		block = in_list(name, blocks);
		head = block && c->cur == &c->doc && c->dt &&
		    c->dt->title_line == 0 && is_heading(n, css);
		if (block)
			brk(c);
		if (head)
			start = heading_start(c);
		c->pre += strcmp(name, "pre") == 0;
		html_walk_children(c, n);
		c->pre -= strcmp(name, "pre") == 0;
		if (block)
			brk(c);
		if (head)
			heading_end(c, start);
	}
	if (css && css_has(css, "page-break-after:always"))
		page_break(c);
}

void
html_walk(struct ctx *c, xmlNode *n)
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
trim_end(struct sink *d)
{
	while (d->len > 0 && d->p[d->len - 1] == '\n')
		d->len--;
	if (d->len > 0)
		d->p[d->len++] = '\n';
	d->p[d->len] = '\0';
}

/*
 * The bytes are UTF-8 whatever a <meta> charset says (input.c decoded
 * them), hence IGNORE_ENC.  XML_PARSE_HUGE lifts libxml2's limit of 256
 * nested elements, past which it silently stops reading the page (a CMS
 * that never closes <font> gets there); our walk has its own limit.
 */
xmlDocPtr
html_parse(const char *name, const char *html, size_t len)
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

/* The page's <title> element (in <html>, <head>), or NULL. */
static xmlNode *
title_elem(xmlNode *n, int depth)
{
	xmlNode *t;

	for (; n && depth < 4; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_is_elem(n, "title"))
			return n;
		if ((html_is_elem(n, "html") || html_is_elem(n, "head")) &&
		    (t = title_elem(n->children, depth + 1)) != NULL)
			return t;
	}
	return NULL;
}

/* The page's <title> squeezed into out (HTML_MAX_TITLE + 1 bytes), cut
 * after its last 报告 (a site's name may follow: _某某区人民政府); ""
 * when it names none. */
static void
page_title(xmlNode *t, char *out)
{
	char raw[HTML_MAX_TITLE];
	size_t n = 0, k;
	char *p, *end = NULL;

	for (t = t ? t->children : NULL; t; t = t->next) {
		if (t->type != XML_TEXT_NODE || t->content == NULL)
			continue;
		k = strlen((const char *)t->content);
		if (k > sizeof raw - n)
			k = sizeof raw - n;
		memcpy(raw + n, t->content, k);
		n += k;
	}
	out[text_norm(out, raw, n, TEXT_LABEL)] = '\0';
	for (p = out; (p = strstr(p, "报告")) != NULL; p += strlen("报告"))
		end = p;
	if (end == NULL)
		out[0] = '\0';
	else
		end[strlen("报告")] = '\0';
}

/*
 * Where a page without a heading naming a 报告 prints the title its
 * <title> gives: the first run of lines that are all part of it (org /
 * year and title), ending in the line with its 报告; 0 if none.
 */
static long
title_line_from(const struct sink *d, const char *title)
{
	char sq[HTML_MAX_TITLE + 1];
	const char *s;
	size_t pos = 0, n;
	long no = 0, run = 0;

	while (gip_next_line(d->p, d->len, &pos, &s, &n)) {
		no++;
		if (text_is_blank(s, n))
			continue;
		if (n > HTML_MAX_TITLE) {
			run = 0;
			continue;
		}
		sq[text_norm(sq, s, n, TEXT_LABEL)] = '\0';
		if (strlen(sq) < 6 || strstr(title, sq) == NULL) {
			run = 0;
			continue;
		}
		if (run == 0)
			run = no;
		if (strstr(sq, "报告"))
			return run;
	}
	return 0;
}

int
html_read(const char *name, const char *html, size_t len,
    struct html_text *out, struct doctables *dt)
{
	struct ctx c = { 0 };
	htmlDocPtr d = NULL;
	xmlNode *n;
	char title[HTML_MAX_TITLE + 1];

	c.name = name;
	c.cur = &c.doc;
	c.dt = dt;
	c.doc.p = out->p;
	c.doc.cap = out->cap;
	if (len > INT_MAX / 16) {
		gip_error(name, 0, "html: document too large");
		return -1;
	}
	if (!xml_load(name))
		return -1;
	/* Padding rows to the width of a table makes text from markup;
	 * this bounds what a hostile page can make. */
	c.max = len * 8 + (1u << 20);
	c.tab = gip_xmalloc(sizeof *c.tab);
	memset(c.tab, 0, sizeof *c.tab);
	hsink_reset(&c, &c.doc);
	d = html_parse(name, html, len);
	for (n = d ? d->children : NULL; n; n = n->next)
		html_walk(&c, n);
	html_line_end(&c);
	if (dt && dt->title_line == 0 && !c.full) {
		page_title(d ? title_elem(d->children, 0) : NULL, title);
		if (title[0] != '\0')
			dt->title_line = title_line_from(&c.doc, title);
	}
	xmlFreeDoc(d);
	free(c.tab->text.p);
	free(c.tab->cell);
	free(c.tab->row);
	free(c.tab);
	out->p = c.doc.p;
	out->cap = c.doc.cap;
	if (c.full) {
		gip_error(name, 0, "html: text longer than %zu bytes", c.max);
		return -1;
	}
	trim_end(&c.doc);
	if (c.deep)
		gip_warn(name, 0, "html: elements nested deeper than %d "
		    "levels were not read", HTML_MAX_DEPTH);
	out->len = c.doc.len;
	return 0;
}
