/*
 * PDF files read by position (pdf.h): pdftotext -bbox-layout run on the
 * PDF (pdfrun.h), its XHTML of <page>s of <word xMin yMin xMax yMax>
 * walked within limits, each page's words handed to the layout
 * (pdflines.c).  pdftotext's own grouping of words into lines and blocks
 * is not used, since it runs across table cells.
 */
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pdfctx.h"
#include "pdfrun.h"
#include "text.h"
#include "utf8.h"
#include "value.h"
#include "xmlload.h"

#define MAX_WORD	1024	/* bytes of one word kept */
#define MAX_PAGE_WORDS	200000	/* words of one page read */
#define MAX_COORD	1e6	/* points of a coordinate kept */

static double
attr(xmlTextReaderPtr rd, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
	double d = 0;

	if (v != NULL) {
		d = strtod((const char *)v, NULL);
		xmlFree(v);
	}
	/* A PDF page is at most 14,400 pt wide (PDF 1.7 annex C); a
	 * coordinate far beyond is garbage, and held here it keeps every
	 * later conversion to int in range. */
	if (!isfinite(d))
		return 0;
	return d > MAX_COORD ? MAX_COORD : d < -MAX_COORD ? -MAX_COORD : d;
}

static void
add_word(struct pdfctx *c, xmlTextReaderPtr rd)
{
	struct pdf *pg = c->pg;
	xmlChar *s;
	struct pdfword *w;
	struct value v;
	size_t n;

	if (pg->nword == MAX_PAGE_WORDS)
		return;
	if ((s = xmlTextReaderReadString(rd)) == NULL)
		return;
	n = strlen((const char *)s);
	if (n > MAX_WORD)
		n = MAX_WORD;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;			/* a whole character last */
	if (n == 0 || text_is_blank((const char *)s, n)) {
		xmlFree(s);
		return;
	}
	if (pg->nword == pg->wordcap) {
		pg->wordcap = pg->wordcap ? pg->wordcap * 2 : 1024;
		pg->word = gip_xrealloc(pg->word,
		    pg->wordcap * sizeof *pg->word);
	}
	w = &pg->word[pg->nword++];
	w->x0 = attr(rd, "xMin");
	w->y0 = attr(rd, "yMin");
	w->x1 = attr(rd, "xMax");
	w->y1 = attr(rd, "yMax");
	if (w->x1 < w->x0)
		w->x1 = w->x0;
	if (w->y1 < w->y0)
		w->y1 = w->y0;
	w->off = pg->arena.len;
	w->len = (int)n;
	buf_add(&pg->arena, (const char *)s, n);
	buf_add(&pg->arena, "", 1);
	value_parse(wtext(pg, w), &v);
	w->num = v.kind == V_NUMBER;
	w->numline = 0;
	w->lines = 1;
	w->edge = 0;
	w->lead = 0;
	w->spaced = 0;
	w->pair = w->mid = 0;
	xmlFree(s);
	c->words++;
}

static void
end_page(struct pdfctx *c)
{
	if (c->page > 0)
		pdf_lay_out_page(c);
	c->pg->nword = 0;
	c->pg->arena.len = 0;
}

/* Walk pdftotext's XHTML: pages and their words. */
static int
walk(struct pdfctx *c, xmlTextReaderPtr rd)
{
	const char *name;
	int rc;

	while ((rc = xmlTextReaderRead(rd)) == 1 && !c->full) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT)
			continue;
		name = (const char *)xmlTextReaderConstLocalName(rd);
		if (name == NULL)
			continue;
		if (strcmp(name, "page") == 0) {
			end_page(c);
			c->page++;
			c->height = attr(rd, "height");
		} else if (strcmp(name, "word") == 0 && c->page > 0)
			add_word(c, rd);
	}
	if (rc == 0 || c->full)
		end_page(c);
	return rc < 0 ? -1 : 0;
}

/*
 * What XML does not allow, made blanks, in place: pdftotext copies
 * control characters and stray bytes of a PDF's strings (its metadata
 * title, a font without a map to Unicode) into its output as they are.
 */
static void
make_xml_safe(char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		k = utf8_valid_prefix(s + i, n - i);
		for (; k > 0; k--, i++)
			if ((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
			    s[i] != '\t' && s[i] != '\r')
				s[i] = ' ';
		if (i < n)
			s[i++] = '?';
	}
}

int
pdf_from_bbox(struct gip_doc *doc, char *xhtml, size_t len,
    struct doctables *dt, struct pdf *pg)
{
	struct pdfctx c = {0};
	xmlTextReaderPtr rd;
	int rc;

	c.pg = pg;
	c.name = doc->name;
	c.line = 1;
	pg->text.len = 0;
	buf_add(&pg->text, "", 0);
	pg->nword = 0;
	pg->arena.len = 0;
	pdf_seen_reset(pg);
	make_xml_safe(xhtml, len);
	if (!xml_load(doc->name))
		return -1;
	if (len > INT32_MAX || (rd = xmlReaderForMemory(xhtml, (int)len,
	    NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING)) == NULL) {
		gip_error(doc->name, 0, "pdftotext's output cannot be read");
		return -1;
	}
	c.t = doctables_add(dt, 1);
	c.t->g.positional = 1;
	c.t->g.wraps = 1;
	c.t->g.exact = 1;
	rc = walk(&c, rd);
	xmlFreeTextReader(rd);
	if (rc < 0)
		gip_error(doc->name, 0, "pdftotext's output is not "
		    "well-formed XML");
	else if (c.full)
		gip_error(doc->name, 0, "text longer than %u MiB, not read",
		    PDF_MAX_TEXT >> 20);
	else if (c.words == 0)
		gip_error(doc->name, 0, "a PDF without text (%d page%s of "
		    "images: scanned?); give it a text layer by OCR first, "
		    "e.g. ocrmypdf -l chi_sim FILE OUT.pdf", c.page,
		    c.page == 1 ? "" : "s");
	if (rc < 0 || c.full || c.words == 0) {
		doctables_reset(dt);
		return -1;
	}
	if (c.page >= PDF_MAX_PAGES)
		gip_warn(doc->name, 0, "only the first %d pages read",
		    PDF_MAX_PAGES);
	gip_doc_made(doc, &pg->text);
	return 0;
}

int
pdf_read(struct gip_doc *doc, struct doctables *dt, struct pdf *pg)
{
	if (pdfrun_bbox(doc->name, doc->bytes, doc->nbytes, PDF_MAX_PAGES,
	    PDF_MAX_BBOX, &pg->bbox) < 0)
		return -1;
	return pdf_from_bbox(doc, pg->bbox.p, pg->bbox.len, dt, pg);
}

void
pdf_free(struct pdf *pg)
{
	free(pg->bbox.p);
	free(pg->text.p);
	free(pg->arena.p);
	free(pg->tmp.p);
	free(pg->word);
	free(pg->order);
	free(pg->bycy);
	free(pg->starts);
	free(pg->seen);
	*pg = (struct pdf){0};
}
