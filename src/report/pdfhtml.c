/* pdftohtml's pages read by position or as the print text they are
 * (pdfhtml.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "htmlctx.h"
#include "pdfhtml.h"
#include "text.h"
#include "utf8.h"
#include "xmlload.h"

#define HEAD		4096	/* bytes looked at for the generator */
#define MAX_FONTS	4096	/* font classes of a document kept */
#define MAX_DEPTH	64	/* elements nested inside a text run */
/* pdftohtml's default -zoom: its pixels are 1.5 points */
#define ZOOM		1.5
/*
 * The height of a word's box, in ems, where pdftohtml's HTML gives only
 * the font size: pdftotext's boxes (ascent and descent) measure 1.0 to
 * 1.34 of it, by font (1.0 for WPS's 宋体, 1.09 for Liberation Serif,
 * 1.24 for WenQuanYi Zen Hei, 1.34 for Times New Roman).  -xml gives each
 * run's own height.
 */
#define BOX_HEIGHT	1.15

struct font {
	char	name[24];	/* "ft12", or pdf2xml's font id */
	double	size, lineh;	/* px */
};

/* A word being made, its text in walk's text. */
struct word {
	double	x0, y0, x1, y1;
	size_t	len;
};

struct walk {
	struct buf	*out;
	struct word	 last;		/* not yet written */
	struct buf	 text;		/* its text */
	struct buf	 run;		/* one line of a text run */
	struct font	*font;
	int		 nfont;
	double		 zoom;
	double		 boxh;		/* a box's height, in ems */
	int		 page;
};

static void	word_flush(struct walk *);

enum pdfhtml_form
pdfhtml_form(const char *text, size_t len)
{
	size_t head = len < HEAD ? len : HEAD, i = 0;

	/* pdftohtml's output begins with its markup: most texts are told
	 * by their first byte */
	while (i < head && (text[i] == ' ' || text[i] == '\n' ||
	    text[i] == '\t'))
		i++;
	if (i == head || text[i] != '<')
		return PDFHTML_NONE;
	if (memmem(text, head, "<pdf2xml", 8) != NULL)
		return PDFHTML_XML;
	if (memmem(text, head, "content=\"pdftohtml", 18) == NULL)
		return PDFHTML_NONE;
	return memmem(text, len, "position:absolute", 17) != NULL ?
	    PDFHTML_POSITIONED : PDFHTML_FLOW;
}

/* The number after key in s ("top:" in a style, px), or -1. */
static double
css_number(const char *s, const char *key)
{
	const char *p = s ? strstr(s, key) : NULL;
	double d;

	if (p == NULL)
		return -1;
	d = strtod(p + strlen(key), NULL);
	return isfinite(d) && d >= 0 && d < 1e6 ? d : -1;
}

static double
attr_number(xmlNode *n, const char *name)
{
	const char *v = html_attr(n, name);
	double d;

	if (v == NULL)
		return -1;
	d = strtod(v, NULL);
	return isfinite(d) && d >= 0 && d < 1e6 ? d : -1;
}

/*
 * pdftohtml names a font's class "ft" + page + font ("ft619": font 19 as
 * page 6 uses it) and defines it once, on the page that uses it first
 * (".ft319{...}").  Fonts are kept by number: the name without "ft" and
 * the page's number, when the name begins so.
 */
static const char *
font_number(const char *name, int page)
{
	char pre[16];
	size_t n;

	n = (size_t)snprintf(pre, sizeof pre, "ft%d", page);
	if (strncmp(name, pre, n) == 0 && name[n] != '\0')
		return name + n;
	return name;
}

static void
font_add(struct walk *w, const char *name, size_t n, double size,
    double lineh)
{
	struct font *f;

	if (w->nfont == MAX_FONTS || n == 0 || n >= sizeof f->name ||
	    size <= 0)
		return;
	f = &w->font[w->nfont++];
	memcpy(f->name, name, n);
	f->name[n] = '\0';
	f->size = size;
	f->lineh = lineh > 0 ? lineh : size;
}

static const struct font *
font_find(const struct walk *w, const char *name)
{
	int i;

	if (name == NULL)
		return NULL;
	for (i = w->nfont - 1; i >= 0; i--)	/* the latest first */
		if (strcmp(w->font[i].name, name) == 0)
			return &w->font[i];
	return NULL;
}

/* A page's CSS: ".ft12{font-size:22px;line-height:37px;...}", before
 * the page's <div>. */
static void
fonts_from_css(struct walk *w, const char *css)
{
	const char *p = css, *name, *end, *id;
	char cls[24], decl[256];
	size_t n;

	while ((p = strchr(p, '.')) != NULL) {
		name = ++p;
		while (*p && *p != '{' && *p != ' ' && *p != '\n')
			p++;
		if (*p != '{' || (end = strchr(p, '}')) == NULL)
			continue;
		if ((size_t)(p - name) < sizeof cls) {
			memcpy(cls, name, (size_t)(p - name));
			cls[p - name] = '\0';
			n = (size_t)(end - p) < sizeof decl ?
			    (size_t)(end - p) : sizeof decl - 1;
			memcpy(decl, p, n);
			decl[n] = '\0';
			id = font_number(cls, w->page + 1);
			font_add(w, id, strlen(id),
			    css_number(decl, "font-size:"),
			    css_number(decl, "line-height:"));
		}
		p = end;
	}
}

/* Points from pdftohtml's pixels: its -zoom, found from a page of a
 * standard size (A4, Letter) when it is not the default. */
static void
set_zoom(struct walk *w, double width, double height)
{
	static const double sizes[][2] = {{595.28, 841.89}, {612, 792}};
	size_t i;
	double z;

	if (width <= 0 || height <= 0)
		return;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		z = width / sizes[i][0];
		if (fabs(height / z - sizes[i][1]) < 4 && z > 0.2 && z < 10) {
			w->zoom = z;
			return;
		}
	}
}

static void
page_start(struct walk *w, double width, double height)
{
	char s[96];

	word_flush(w);
	set_zoom(w, width, height);
	if (w->page++ > 0)
		buf_add(w->out, "</page>\n", 8);
	snprintf(s, sizeof s, "<page width=\"%.2f\" height=\"%.2f\">\n",
	    width > 0 ? width / w->zoom : 0, height > 0 ? height / w->zoom : 0);
	buf_add(w->out, s, strlen(s));
}

static void
add_escaped(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '<': buf_add(b, "&lt;", 4); break;
		case '>': buf_add(b, "&gt;", 4); break;
		case '&': buf_add(b, "&amp;", 5); break;
		default: buf_add(b, s + i, 1);
		}
}

/* How far a character moves the pen, in ems: CJK and full-width forms a
 * whole em, the rest about half (digits are half an em in the fonts
 * reports use). */
static double
advance(uint32_t cp)
{
	if (utf8_is_wide(cp))
		return 1.0;
	return cp == ' ' || cp == 0xa0 ? 0.3 : cp >= '0' && cp <= '9' ? 0.5 :
	    0.55;
}

static int
is_space(const char *s, size_t n, size_t *k)
{
	if (s[0] == ' ' || s[0] == '\t') {
		*k = 1;
		return 1;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] == 0xa0) {
		*k = 2;
		return 1;
	}
	if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) {	/* U+3000 */
		*k = 3;
		return 1;
	}
	return 0;
}

static double
ems(const char *s, size_t n)
{
	double e = 0;
	uint32_t cp;
	size_t k;

	for (; n > 0; s += k, n -= k) {
		k = utf8_decode(s, n, &cp);
		if (k == 0)
			break;
		e += advance(cp);
	}
	return e;
}

/* pdftohtml begins a new run where the font changes, within a word
 * ("7" and "个" of "7个"); pdftotext's words run on.  A word that begins
 * where the last ended, on its line, is joined to it, within the error
 * of the estimated widths. */
static int
runs_on(const struct walk *w, double x0, double y0, double size)
{
	const struct word *p = &w->last;

	return p->len > 0 && fabs(y0 - p->y0) < 0.5 * size &&
	    x0 - p->x1 < 0.25 * size && x0 - p->x1 > -0.5 * size;
}

static void
word_flush(struct walk *w)
{
	struct word *p = &w->last;
	char box[128];

	if (p->len == 0)
		return;
	snprintf(box, sizeof box, "<word xMin=\"%.2f\" yMin=\"%.2f\" "
	    "xMax=\"%.2f\" yMax=\"%.2f\">", p->x0 / w->zoom, p->y0 / w->zoom,
	    p->x1 / w->zoom, p->y1 / w->zoom);
	buf_add(w->out, box, strlen(box));
	add_escaped(w->out, w->text.p, p->len);
	buf_add(w->out, "</word>\n", 8);
	p->len = 0;
	w->text.len = 0;
}

/* A word of size px at [x0, x1) on the line at y0. */
static void
word_out(struct walk *w, const char *s, size_t n, double x0, double x1,
    double y0, double size)
{
	struct word *p = &w->last;
	double y1 = y0 + size * w->boxh;

	if (runs_on(w, x0, y0, size)) {
		p->x1 = x1 > p->x1 ? x1 : p->x1;
		p->y0 = y0 < p->y0 ? y0 : p->y0;
		p->y1 = y1 > p->y1 ? y1 : p->y1;
	} else {
		word_flush(w);
		p->x0 = x0;
		p->x1 = x1;
		p->y0 = y0;
		p->y1 = y1;
	}
	buf_add(&w->text, s, n);
	p->len = w->text.len;
}

/*
 * One line of a text run, at (left, top), size px a character: its words
 * (split at spaces) with their boxes.  Where the run's width is known
 * (pdf2xml), the estimated advances are scaled to it.
 */
static void
line_out(struct walk *w, double left, double top, double size,
    double width)
{
	const char *s = w->run.p, *word = NULL;
	size_t n = w->run.len, i, k;
	double em, x = left, x0 = left, scale;

	if (n == 0)
		return;
	em = ems(s, n);
	scale = width > 0 && em > 0 ? width / em : size;
	if (width <= 0 && !text_has_digit(s, n)) {
		while (n > 0 && s[n - 1] == ' ')
			n--;
		for (i = 0; i < n && s[i] == ' '; i++)
			;
		if (i < n)
			word_out(w, s + i, n - i, left + size * ems(s, i),
			    left + size * em, top, size);
		w->run.len = 0;
		return;
	}
	for (i = 0; i <= n; i += k) {
		k = 1;
		if (i == n || is_space(s + i, n - i, &k)) {
			if (word != NULL)
				word_out(w, word, (size_t)(s + i - word), x0,
				    x, top, size);
			word = NULL;
			if (i < n)
				x += scale * ems(s + i, k);
			continue;
		}
		if (word == NULL) {
			word = s + i;
			x0 = x;
		}
		k = utf8_valid_prefix(s + i, n - i) > 0 ?
		    utf8_decode(s + i, n - i, &(uint32_t){0}) : 1;
		x += scale * ems(s + i, k);
	}
	w->run.len = 0;
}

/* A text run's lines (<br/> ends one): its text nodes, whatever inline
 * elements (<b>, <i>, <a>) hold them. */
static void
run_text(struct walk *w, xmlNode *n, double left, double *top,
    const struct font *f, double width, int depth)
{
	for (; n != NULL && depth < MAX_DEPTH; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			buf_add(&w->run, n->content,
			    strlen((const char *)n->content));
		else if (html_is_elem(n, "br")) {
			line_out(w, left, *top, f->size, width);
			*top += f->lineh;
		} else if (n->type == XML_ELEMENT_NODE)
			run_text(w, n->children, left, top, f, width,
			    depth + 1);
	}
}

static void
text_run(struct walk *w, xmlNode *n, double left, double top,
    const struct font *f, double width)
{
	struct font guess = {"", 12, 12};

	if (f == NULL)
		f = &guess;
	w->run.len = 0;
	run_text(w, n->children, left, &top, f, width, 0);
	line_out(w, left, top, f->size, width);
}

/* -s, -c: <div id="pageN-div" style="position:relative;width;height">,
 * <style> of the page's font classes, and the positioned runs. */
static void
walk_positioned(struct walk *w, xmlNode *n, int depth)
{
	const char *style, *id, *cls;
	char *css;

	for (; n != NULL && depth < MAX_DEPTH; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		style = html_attr(n, "style");
		id = html_attr(n, "id");
		if (html_is_elem(n, "style")) {
			if ((css = (char *)xmlNodeGetContent(n)) != NULL) {
				fonts_from_css(w, css);
				xmlFree(css);
			}
		} else if (style != NULL && strstr(style,
		    "position:absolute") != NULL) {
			if (w->page == 0)
				page_start(w, 0, 0);
			cls = html_attr(n, "class");
			text_run(w, n, css_number(style, "left:"),
			    css_number(style, "top:"), font_find(w,
			    cls ? font_number(cls, w->page) : NULL), 0);
		} else {
			if (html_is_elem(n, "div") && id != NULL &&
			    strncmp(id, "page", 4) == 0)
				page_start(w, css_number(style, "width:"),
				    css_number(style, "height:"));
			walk_positioned(w, n->children, depth + 1);
		}
	}
}

/* A pdf2xml <text top left width height font>: its height is its box's,
 * as pdftotext's. */
static void
xml_text(struct walk *w, xmlNode *n)
{
	const struct font *f = font_find(w, html_attr(n, "font"));
	struct font box = {"", 12, 12};
	double h = attr_number(n, "height");

	box.size = box.lineh = h > 0 ? h : f != NULL ? f->size : 12;
	text_run(w, n, attr_number(n, "left"), attr_number(n, "top"), &box,
	    attr_number(n, "width"));
}

/* -xml: <page width height>, <fontspec id size>, <text top left width
 * height font>. */
static void
walk_xml(struct walk *w, xmlNode *n, int depth)
{
	const char *id;

	for (; n != NULL && depth < MAX_DEPTH; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_is_elem(n, "page")) {
			page_start(w, attr_number(n, "width"),
			    attr_number(n, "height"));
			walk_xml(w, n->children, depth + 1);
		} else if (html_is_elem(n, "fontspec")) {
			id = html_attr(n, "id");
			if (id != NULL)
				font_add(w, id, strlen(id),
				    attr_number(n, "size"), 0);
		} else if (html_is_elem(n, "text") && w->page > 0)
			xml_text(w, n);
		else
			walk_xml(w, n->children, depth + 1);
	}
}

int
pdfhtml_words(const char *name, const char *text, size_t len,
    enum pdfhtml_form form, struct buf *out)
{
	struct walk w = {0};
	xmlDocPtr d;

	if (!xml_load(name))
		return -1;
	w.out = out;
	w.zoom = ZOOM;
	w.boxh = form == PDFHTML_XML ? 1.0 : BOX_HEIGHT;
	w.font = gip_xmalloc(MAX_FONTS * sizeof *w.font);
	out->len = 0;
	buf_add(out, "<doc>\n", 6);
	if ((d = html_parse(name, text, len)) != NULL) {
		if (form == PDFHTML_XML)
			walk_xml(&w, d->children, 0);
		else
			walk_positioned(&w, d->children, 0);
	}
	word_flush(&w);
	if (w.page > 0)
		buf_add(out, "</page>\n", 8);
	buf_add(out, "</doc>\n", 7);
	xmlFreeDoc(d);
	free(w.font);
	buf_free(&w.run);
	buf_free(&w.text);
	return 0;
}

/* The flowed form's text: text nodes as they are, a line end per <br/>
 * and block, a form feed per <hr/> (pdftohtml's end of a page). */
static void
flow_text(struct buf *out, xmlNode *n, int depth)
{
	for (; n != NULL && depth < MAX_DEPTH; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL)
			buf_add(out, n->content,
			    strlen((const char *)n->content));
		else if (html_is_elem(n, "br"))
			buf_add(out, "\n", 1);
		else if (html_is_elem(n, "hr"))
			buf_add(out, "\n\f", 2);
		else if (n->type == XML_ELEMENT_NODE &&
		    !html_is_elem(n, "head") && !html_is_elem(n, "style") &&
		    !html_is_elem(n, "script") && !html_is_elem(n, "title")) {
			flow_text(out, n->children, depth + 1);
			if (html_is_elem(n, "p") || html_is_elem(n, "div"))
				buf_add(out, "\n", 1);
		}
	}
}

int
pdfhtml_flow(const char *name, const char *text, size_t len,
    struct buf *out)
{
	xmlDocPtr d;

	if (!xml_load(name))
		return -1;
	out->len = 0;
	buf_add(out, "", 0);
	if ((d = html_parse(name, text, len)) != NULL)
		flow_text(out, d->children, 0);
	xmlFreeDoc(d);
	return 0;
}
