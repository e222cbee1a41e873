/*
 * Word files read by their structure (docx.h): word/document.xml parsed
 * with libxml2 and its body walked once, w:p paragraphs (runs of w:t,
 * w:tab, w:br) becoming lines of report text and w:tbl tables read by
 * docxtable.c.  Numbering (w:numPr, word/numbering.xml, also through a
 * paragraph style in word/styles.xml) is rendered into the paragraph
 * (docxnum.h), since a heading 二、 may exist only as a list number.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "docxctx.h"
#include "docxnum.h"
#include "err.h"
#include "wml.h"
#include "xmlload.h"
#include "zippart.h"

/* --- text sinks ------------------------------------------------------ */

/*
 * Append to a sink.  The report text and a table's cell texts are
 * capped: a label repeated down a merge could otherwise multiply a
 * small file into gigabytes.
 */
void
docx_put(struct docx_ctx *c, struct buf *s, const char *p, size_t n)
{
	if ((s == &c->st->text || s == &c->st->table.arena) && (c->full ||
	    s->len + n + 2 > DOCX_MAX_TEXT)) {
		c->full = 1;
		return;
	}
	buf_add(s, p, n);
	s->p[s->len] = '\0';
}

/* End the report text's current line if it has text. */
void
docx_line_end(struct docx_ctx *c)
{
	struct buf *out = &c->st->text;

	if (out->len > c->start && !c->full) {
		docx_put(c, out, "\n", 1);
		c->line++;
	}
	c->start = out->len;
}

void
docx_blank_line(struct docx_ctx *c)
{
	struct buf *out = &c->st->text;

	docx_line_end(c);
	if (out->len > 0 && !(out->len >= 2 &&
	    out->p[out->len - 2] == '\n') && !c->full) {
		docx_put(c, out, "\n", 1);
		c->line++;
	}
	c->start = out->len;
}

static void
page_break(struct docx_ctx *c)
{
	struct buf *out = &c->st->text;

	docx_line_end(c);
	docx_put(c, out, "\f\n", 2);
	if (!c->full)
		c->line++;
	c->start = out->len;
}

/* Text into a line (s is c->st->text) or a cell: in a cell line breaks
 * and TABs become spaces, since TAB separates cells and a row is a line. */
static void
put_text(struct docx_ctx *c, struct buf *s, const char *t, size_t n)
{
	size_t i, from = 0;

	for (i = 0; i < n; i++) {
		if (t[i] != '\n' && t[i] != '\r' && t[i] != '\f' &&
		    !(t[i] == '\t' && s != &c->st->text))
			continue;
		docx_put(c, s, t + from, i - from);
		docx_put(c, s, " ", 1);
		from = i + 1;
	}
	docx_put(c, s, t + from, n - from);
}

/* A line break inside a paragraph. */
static void
put_break(struct docx_ctx *c, struct buf *s)
{
	if (s == &c->st->text)
		docx_line_end(c);
	else
		docx_put(c, s, " ", 1);
}

/* The number Word shows before a paragraph (docxnum.h), into s. */
static void
number_prefix(struct docx_ctx *c, xmlNode *ppr, struct buf *s)
{
	char b[DOCX_NUMBER_MAX];
	size_t n = docx_number(c->lists, ppr, b, sizeof b);

	if (n > 0)
		docx_put(c, s, b, n);
}

/* --- paragraphs ------------------------------------------------------ */

static int
run_hidden(xmlNode *r)
{
	return wml_on(wml_child(wml_child(r, "rPr"), "vanish"));
}

static void
run(struct docx_ctx *c, xmlNode *r, struct buf *s)
{
	xmlNode *n;
	const char *t;

	if (run_hidden(r))
		return;
	for (n = r->children; n; n = n->next) {
		if (wml_is(n, "t")) {
			t = (const char *)xmlNodeGetContent(n);
			if (t) {
				put_text(c, s, t, strlen(t));
				xmlFree((void *)t);
			}
		} else if (wml_is(n, "tab"))
			docx_put(c, s, s == &c->st->text ? "\t" : " ", 1);
		else if (wml_is(n, "br") || wml_is(n, "cr")) {
			t = wml_attr(n, "type");
			if (t && strcmp(t, "page") == 0 && s == &c->st->text)
				page_break(c);
			else
				put_break(c, s);
		} else if (wml_is(n, "noBreakHyphen"))
			docx_put(c, s, "-", 1);
	}
}

/* The runs of a paragraph, also inside hyperlinks, fields, content
 * controls and insertions; deleted and moved-away text is not shown. */
static void
runs(struct docx_ctx *c, xmlNode *p, struct buf *s, int depth)
{
	xmlNode *n;

	if (depth > DOCX_MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = p->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (wml_is(n, "r"))
			run(c, n, s);
		else if (wml_is(n, "hyperlink") || wml_is(n, "ins") ||
		    wml_is(n, "fldSimple") || wml_is(n, "smartTag") ||
		    wml_is(n, "customXml") || wml_is(n, "sdt") ||
		    wml_is(n, "sdtContent") || wml_is(n, "moveTo") ||
		    wml_is(n, "dir") || wml_is(n, "bdo"))
			runs(c, n, s, depth + 1);
	}
}

void
docx_paragraph(struct docx_ctx *c, xmlNode *p, struct buf *s,
    int depth)
{
	struct buf *out = &c->st->text;
	xmlNode *ppr = wml_child(p, "pPr");

	if (s == out && wml_on(wml_child(ppr, "pageBreakBefore")))
		page_break(c);
	number_prefix(c, ppr, s);
	runs(c, p, s, depth);
	if (s != out)
		return;
	/* An empty paragraph is a blank line, as Word shows it (text
	 * saved from Word keeps it: one cell per line needs it). */
	if (out->len == c->start && !c->full) {
		docx_put(c, out, "\n", 1);
		c->line++;
		c->start = out->len;
	} else
		docx_line_end(c);
}

/* --- body ------------------------------------------------------------ */

static int
has_table(xmlNode *n, int depth)
{
	if (depth > DOCX_MAX_DEPTH)
		return 0;
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && (wml_is(n, "tbl") ||
		    has_table(n, depth + 1)))
			return 1;
	return 0;
}

/*
 * Body content: paragraphs, tables, and the containers Word wraps them
 * in.  A table holding tables is a layout table (a page frame): its
 * cells' content is walked as body content, like a page's.
 */
static void
walk_blocks(struct docx_ctx *c, xmlNode *n, int depth)
{
	xmlNode *r, *cell;

	if (depth > DOCX_MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n && !c->full; n = n->next) {
		if (wml_is(n, "p"))
			docx_paragraph(c, n, &c->st->text, depth);
		else if (wml_is(n, "tbl") && !has_table(n, depth))
			docx_table(c, n, depth);
		else if (wml_is(n, "tbl"))
			for (r = n->children; r; r = r->next) {
				if (!wml_is(r, "tr"))
					continue;
				for (cell = r->children; cell;
				    cell = cell->next)
					if (wml_is(cell, "tc"))
						walk_blocks(c, cell, depth + 2);
			}
		else if (wml_is(n, "sdt") || wml_is(n, "sdtContent") ||
		    wml_is(n, "customXml") || wml_is(n, "ins") ||
		    wml_is(n, "moveTo"))
			walk_blocks(c, n, depth + 1);
	}
}

/* Parse a part; NULL (and no message) when it is not well-formed or
 * has a DTD (Word writes none; entities could multiply the text): the
 * caller decides whether that matters.  No network is used. */
static xmlDoc *
parse_part(const struct buf *b)
{
	if (b->len > (size_t)INT32_MAX || memmem(b->p, b->len, "<!DOCTYPE",
	    9) != NULL || memmem(b->p, b->len, "<!ENTITY", 8) != NULL)
		return NULL;
	return xmlReadMemory(b->p, (int)b->len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_COMPACT);
}

/* numbering.xml and styles.xml: optional; damaged ones are ignored with
 * a warning, since only list numbers depend on them. */
static int
read_lists(struct docx_ctx *c, struct zippart_zip *z)
{
	xmlDoc *d;
	int rc;

	if ((rc = zippart_read(z, "word/numbering.xml", DOCX_MAX_PART,
	    &c->st->part)) < 0)
		return -1;
	if (rc == 0) {
		if ((d = parse_part(&c->st->part)) == NULL)
			gip_warn(c->name, 0, "word/numbering.xml is not "
			    "well-formed: list numbers left out");
		docx_lists_numbering(c->lists, d);
		xmlFreeDoc(d);
	}
	if ((rc = zippart_read(z, "word/styles.xml", DOCX_MAX_PART,
	    &c->st->part)) < 0)
		return -1;
	if (rc == 0) {
		d = parse_part(&c->st->part);
		docx_lists_styles(c->lists, d);
		xmlFreeDoc(d);
	}
	return 0;
}

static int
read_body(struct docx_ctx *c, struct zippart_zip *z)
{
	xmlNode *root, *body;
	xmlDoc *d;
	int rc;

	rc = zippart_read(z, "word/document.xml", DOCX_MAX_PART, &c->st->part);
	if (rc > 0)
		gip_error(c->name, 0, "an Office file without "
		    "word/document.xml, not a Word document");
	if (rc != 0)
		return -1;
	if ((d = parse_part(&c->st->part)) == NULL) {
		gip_error(c->name, 0, "word/document.xml is not well-formed "
		    "XML, or has a DTD");
		return -1;
	}
	root = xmlDocGetRootElement(d);
	if (!wml_is(root, "document") ||
	    (body = wml_child(root, "body")) == NULL) {
		gip_error(c->name, 0, "word/document.xml has no w:body");
		xmlFreeDoc(d);
		return -1;
	}
	walk_blocks(c, body, 0);
	xmlFreeDoc(d);
	return 0;
}

/* Empty the storage for a new file, keeping its allocations. */
static void
store_clear(struct docx_store *st)
{
	st->text.len = st->cell.len = st->part.len = 0;
	st->table.arena.len = 0;
	st->table.ncells = st->table.nrows = 0;
}

int
docx_read(struct gip_doc *doc, struct docx_store *st, struct doctables *dt)
{
	struct docx_ctx c = {0};
	struct zippart_zip *z = NULL;
	int rc = -1;

	c.name = doc->name;
	c.st = st;
	c.dt = dt;
	c.line = 1;
	store_clear(st);
	docx_put(&c, &st->text, "", 0);
	c.lists = docx_lists_new();
	if (xml_load(doc->name) &&
	    (z = zippart_open(doc->name, doc->bytes, doc->nbytes)) != NULL &&
	    read_lists(&c, z) == 0 && read_body(&c, z) == 0)
		rc = 0;
	zippart_close(z);
	docx_lists_free(c.lists);
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
		    "levels was not read", DOCX_MAX_DEPTH);
	gip_doc_made(doc, &st->text);
	return 0;
}

void
docx_store_free(struct docx_store *st)
{
	struct docx_table *t = &st->table;

	buf_free(&st->text);
	buf_free(&st->cell);
	buf_free(&t->arena);
	free(t->cells);
	free(t->rows);
	free(t->x0);
	free(t->x1);
	free(t->ends);
	free(st->part.p);
	memset(st, 0, sizeof *st);
}
