/*
 * HTML to report text over libxml2's HTML parser.  The tree is walked
 * once; text goes to a sink that collapses white space as a browser does.
 * A data table is read into its rows of visible cells, each placed on
 * the table's grid as a browser places it (rowspan, colspan); the table
 * is then written into the text as one line per row, a TAB between grid
 * columns, for sections, meta and prose, and handed over whole as a
 * doctable (doctables.h), so placement gets its cells and their columns
 * without reading the text again.
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
#include "text.h"
#include "utf8.h"

#define HTML_MAX_SPAN	1000	/* rowspan and colspan are capped here */
#define HTML_MAX_COLS	1000	/* and so is the width of a table */
#define HTML_MAX_DEPTH	4096	/* elements nested deeper are not read */
#define HTML_MAX_TITLE	600	/* bytes of a heading that can be a title */

/* Text being built: the document, or the cells of a table. */
struct sink {
	char		*p;
	size_t		 len, cap;
	size_t		 start;		/* where the current line began */
	int		 space;		/* white space seen, not yet written */
	int		 nl;		/* ... and it held a line break */
	int		 wide;		/* the last character written is wide */
};

/* A visible cell of the table being read: its text in the table's
 * sink, the grid columns [x0, x1) it covers. */
struct hcell {
	size_t		 off, len;
	int		 x0, x1;
};

struct hrow {
	int		 first, n;	/* its cells in htable.cell */
	long		 line;		/* of the report text, 0: not written */
};

/* The table being read; the storage is reused from table to table. */
struct htable {
	struct sink	 text;		/* the cells' texts, one after another */
	struct hcell	*cell;
	int		 ncell, cellcap;
	struct hrow	*row;
	int		 nrow, rowcap;
	int		 width;		/* grid columns */
	int		 cover[HTML_MAX_COLS];	/* rows a column is still
					 * covered by a rowspan from above */
};

struct ctx {
	const char	*name;
	struct sink	 doc;		/* the report text */
	struct sink	*cur;		/* &doc, or the table's text in a cell */
	struct htable	*tab;
	struct doctables *dt;		/* where tables go, or NULL */
	size_t		 counted;	/* doc.p[0, counted) has ... */
	long		 lines;		/* ... this many line ends */
	size_t		 max;		/* output budget in bytes */
	int		 full;		/* the budget was exceeded */
	int		 pre;		/* inside <pre> */
	int		 depth;
	int		 deep;		/* something was nested too deep */
	long		 heads;		/* first line of a run of headings */
	size_t		 heads_end;	/* where the last heading ended */
};

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
	struct sink *d = &c->doc;

	d->space = d->nl = d->wide = 0;
	if (d->len > d->start)
		sink_put(c, d, "\n", 1);
	d->start = d->len;
}

static void
blank_line(struct ctx *c)
{
	struct sink *d = &c->doc;

	line_end(c);
	if (d->len > 0 && !(d->len >= 2 && d->p[d->len - 2] == '\n'))
		sink_put(c, d, "\n", 1);
	d->start = d->len;
}

/* A block boundary: a new line, or inside a cell a single space. */
static void
brk(struct ctx *c)
{
	if (c->cur != &c->doc)
		c->cur->space = 1;
	else
		line_end(c);
}

static void
page_break(struct ctx *c)
{
	if (c->cur != &c->doc) {
		c->cur->space = 1;
		return;
	}
	line_end(c);
	sink_put(c, &c->doc, "\f\n", 2);
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
		sink_put(c, &c->doc, "\n", 1);
		c->doc.start = c->doc.len;
	} else if (cp == '\r' || cp == '\f' || cp == '\v') {
		return;
	} else {
		sink_put(c, &c->doc, cp == 0xa0 ? " " : p, cp == 0xa0 ? 1 : n);
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

static void *
grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	if (*cap < need)
		*cap = need;
	return gip_xrealloc(p, (size_t)*cap * size);
}

/* Read one cell into the table at the first grid column not covered by
 * a rowspan from above, from *col on. */
static void
read_cell(struct ctx *c, struct htable *t, xmlNode *td, int *col)
{
	size_t cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
	struct sink *s = &t->text;
	size_t off;
	int j, k;

	while (*col < HTML_MAX_COLS && t->cover[*col] > 0)
		(*col)++;
	if (*col >= HTML_MAX_COLS)
		return;
	if (cs > (size_t)(HTML_MAX_COLS - *col))
		cs = HTML_MAX_COLS - *col;
	for (j = *col; j < *col + (int)cs; j++)
		t->cover[j] = (int)rs;
	off = s->len;
	s->start = s->len;
	s->space = s->nl = s->wide = 0;
	c->cur = s;
	walk_children(c, td);
	c->cur = &c->doc;
	t->cell = grow(t->cell, &t->cellcap, t->ncell + 1, sizeof *t->cell);
	k = t->ncell++;
	t->cell[k].off = off;
	t->cell[k].len = s->len - off;
	t->cell[k].x0 = *col;
	t->cell[k].x1 = *col += (int)cs;
	t->row[t->nrow - 1].n++;
	if (*col > t->width)
		t->width = *col;
}

/* The cells of a row, also where broken markup wrapped them. */
static void
row_cells(struct ctx *c, struct htable *t, xmlNode *n, int *col)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_elem(n, "td") || is_elem(n, "th"))
			read_cell(c, t, n, col);
		else if (!is_elem(n, "tr") && !is_elem(n, "table") &&
		    c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			row_cells(c, t, n, col);
			c->depth--;
		}
	}
}

static void
read_row(struct ctx *c, struct htable *t, xmlNode *tr)
{
	int col = 0, j;

	t->row = grow(t->row, &t->rowcap, t->nrow + 1, sizeof *t->row);
	t->row[t->nrow].first = t->ncell;
	t->row[t->nrow].n = 0;
	t->row[t->nrow++].line = 0;
	row_cells(c, t, tr, &col);
	for (j = 0; j < t->width; j++)
		if (t->cover[j] > 0)
			t->cover[j]--;
}

static void
read_rows(struct ctx *c, struct htable *t, xmlNode *n)
{
	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || is_elem(n, "caption"))
			continue;
		if (is_elem(n, "tr")) {
			read_row(c, t, n);
		} else if (c->depth < HTML_MAX_DEPTH) {
			c->depth++;
			read_rows(c, t, n);
			c->depth--;
		}
	}
}

/* The line of the report text the next character goes on. */
static long
doc_line(struct ctx *c)
{
	const char *p = c->doc.p + c->counted, *end = c->doc.p + c->doc.len;

	while (p < end && (p = memchr(p, '\n', end - p)) != NULL) {
		c->lines++;
		p++;
	}
	c->counted = c->doc.len;
	return c->lines + 1;
}

static int
row_has_text(const struct htable *t, const struct hrow *r)
{
	int k;

	for (k = 0; k < r->n; k++)
		if (t->cell[r->first + k].len > 0)
			return 1;
	return 0;
}

/* Each row with some text as a line, a TAB between grid columns (a
 * cell's text in its first column, nothing in the others); rows of
 * empty cells are not written. */
static void
write_rows(struct ctx *c, struct htable *t)
{
	const struct hcell *h;
	struct hrow *r;
	int i, k, x;

	for (i = 0; i < t->nrow; i++) {
		r = &t->row[i];
		if (!row_has_text(t, r))
			continue;
		r->line = doc_line(c);
		for (x = 0, k = 0; x < t->width; x++) {
			if (x > 0)
				sink_put(c, &c->doc, "\t", 1);
			if (k == r->n || t->cell[r->first + k].x0 != x)
				continue;
			h = &t->cell[r->first + k++];
			sink_put(c, &c->doc, t->text.p + h->off, h->len);
		}
		sink_put(c, &c->doc, "\n", 1);
		c->doc.start = c->doc.len;
	}
}

/* The written rows as a doctable, their value cells under the header. */
static void
hand_over(struct ctx *c, const struct htable *t)
{
	struct doctable *d = NULL;
	const struct hrow *r;
	const struct hcell *h;
	int i, k;

	for (i = 0; i < t->nrow && !c->full; i++) {
		r = &t->row[i];
		if (r->line == 0)
			continue;
		if (d == NULL)
			d = doctables_add(c->dt, r->line);
		d->last_line = r->line;
		grid_new_row(&d->g, r->line);
		for (k = 0; k < r->n; k++) {
			h = &t->cell[r->first + k];
			grid_add_cell(&d->g, t->text.p + h->off, h->len,
			    h->x0 * DOCTABLE_COLW, h->x1 * DOCTABLE_COLW);
		}
	}
	if (d == NULL)
		return;
	d->g.positional = 1;
	doctable_align(d);
}

/* A table without tables inside: its caption, then its rows, with a
 * blank line before and after. */
static void
table(struct ctx *c, xmlNode *tab)
{
	struct htable *t = c->tab;
	xmlNode *n;

	blank_line(c);
	for (n = tab->children; n; n = n->next)
		if (is_elem(n, "caption"))
			walk(c, n);
	line_end(c);
	t->ncell = t->nrow = t->width = 0;
	sink_reset(c, &t->text);
	memset(t->cover, 0, sizeof t->cover);
	read_rows(c, t, tab);
	write_rows(c, t);
	if (c->dt)
		hand_over(c, t);
	blank_line(c);
}

/* A heading or a centred block: where a page prints its title. */
static int
is_heading(xmlNode *n, const char *css)
{
	const char *cls = attr(n, "class"), *align = attr(n, "align");

	return is_elem(n, "h1") || is_elem(n, "h2") || is_elem(n, "h3") ||
	    is_elem(n, "center") || (cls && strstr(cls, "title")) ||
	    (align && strcasecmp(align, "center") == 0) ||
	    (css && css_has(css, "text-align:center"));
}

/* A heading starts: a run of headings goes on if nothing came between
 * (a title printed as org / year and title); where it ends. */
static size_t
heading_start(struct ctx *c)
{
	if (c->heads == 0 || c->heads_end != c->doc.len)
		c->heads = doc_line(c);
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
	const char *css = attr(n, "style");
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
		table(c, n);
	} else {
		block = in_list(name, blocks);
		head = block && c->cur == &c->doc && c->dt &&
		    c->dt->title_line == 0 && is_heading(n, css);
		if (block)
			brk(c);
		if (head)
			start = heading_start(c);
		c->pre += strcmp(name, "pre") == 0;
		walk_children(c, n);
		c->pre -= strcmp(name, "pre") == 0;
		if (block)
			brk(c);
		if (head)
			heading_end(c, start);
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
html_read(const char *name, const char *html, size_t len,
    struct html_text *out, struct doctables *dt)
{
	struct ctx c = { 0 };
	htmlDocPtr d = NULL;
	xmlNode *n;

	c.name = name;
	c.cur = &c.doc;
	c.dt = dt;
	c.doc.p = out->p;
	c.doc.cap = out->cap;
	if (len > INT_MAX / 16) {
		gip_error(name, 0, "html: document too large");
		return -1;
	}
	/* Padding rows to the width of a table makes text from markup;
	 * this bounds what a hostile page can make. */
	c.max = len * 8 + (1u << 20);
	c.tab = gip_xmalloc(sizeof *c.tab);
	memset(c.tab, 0, sizeof *c.tab);
	sink_reset(&c, &c.doc);
	d = parse(name, html, len);
	for (n = d ? d->children : NULL; n; n = n->next)
		walk(&c, n);
	xmlFreeDoc(d);
	line_end(&c);
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
