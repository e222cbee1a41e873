/*
 * Word files read by their structure (docx.h).  word/document.xml is
 * parsed with libxml2 and its body walked once: w:p paragraphs (runs of
 * w:t, w:tab, w:br) become lines, w:tbl tables lines of TAB-separated
 * cells and doctables.  Numbering (w:numPr, word/numbering.xml, also
 * through a paragraph style in word/styles.xml) is rendered into the
 * paragraph (docxnum.h), since a heading 二、 may exist only as a list
 * number.
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
#include "docxnum.h"
#include "err.h"
#include "text.h"
#include "utf8.h"
#include "value.h"
#include "wml.h"
#include "zippart.h"

#define MAX_COLS	1000	/* grid columns of a table */
#define MAX_DEPTH	200	/* nested content elements walked */

struct sink {
	char	*p;
	size_t	 len, cap;
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
	struct docx_lists *lists;
};

static struct sink out, cellbuf, arena;
static struct tcell *cells;
static int ncells, cellcap;
static struct trow *rows;
static int nrows, rowcap;
static struct zipbuf part;

static void	walk_blocks(struct ctx *, xmlNode *, int);

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

/* The number Word shows before a paragraph (docxnum.h), into s. */
static void
number_prefix(struct ctx *c, xmlNode *ppr, struct sink *s)
{
	char b[DOCX_NUMBER_MAX];
	size_t n = docx_number(c->lists, ppr, b, sizeof b);

	if (n > 0)
		put(c, s, b, n);
}

/* --- paragraphs ------------------------------------------------------ */

static int
run_hidden(xmlNode *r)
{
	return wml_on(wml_child(wml_child(r, "rPr"), "vanish"));
}

static void
run(struct ctx *c, xmlNode *r, struct sink *s)
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
			put(c, s, s == &out ? "\t" : " ", 1);
		else if (wml_is(n, "br") || wml_is(n, "cr")) {
			t = wml_attr(n, "type");
			if (t && strcmp(t, "page") == 0 && s == &out)
				page_break(c);
			else
				put_break(c, s);
		} else if (wml_is(n, "noBreakHyphen"))
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

static void
paragraph(struct ctx *c, xmlNode *p, struct sink *s, int depth)
{
	xmlNode *ppr = wml_child(p, "pPr");

	if (s == &out && wml_on(wml_child(ppr, "pageBreakBefore")))
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
		if (n->type == XML_ELEMENT_NODE && (wml_is(n, "tbl") ||
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
		if (wml_is(n, "sdt") || wml_is(n, "sdtContent") ||
		    wml_is(n, "customXml")) {
			cell_paragraphs(c, n, depth + 1);
			continue;
		}
		if (!wml_is(n, "p"))
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
	xmlNode *pr = wml_child(tc, "tcPr"), *vm = wml_child(pr, "vMerge");
	int span = wml_int(wml_child(pr, "gridSpan"), "val", 1, 1, MAX_COLS);
	const char *v = wml_attr(vm, "val");
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
		if (wml_is(n, "tc"))
			*x = read_cell(c, n, *x, depth);
		else if (wml_is(n, "sdt") || wml_is(n, "sdtContent") ||
		    wml_is(n, "customXml"))
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
		if (wml_is(n, "tr")) {
			if (nrows == rowcap) {
				rowcap = rowcap ? rowcap * 2 : 64;
				rows = gip_xrealloc(rows, rowcap *
				    sizeof *rows);
			}
			rows[nrows].first = ncells;
			rows[nrows].ncell = 0;
			rows[nrows++].line = 0;
			x = wml_int(wml_child(wml_child(n, "trPr"),
			    "gridBefore"), "val", 0, 0, MAX_COLS);
			read_row_cells(c, n, &x, depth + 1);
		} else if (wml_is(n, "sdt") || wml_is(n, "sdtContent") ||
		    wml_is(n, "customXml"))
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
		if (wml_is(n, "p"))
			paragraph(c, n, &out, depth);
		else if (wml_is(n, "tbl") && !has_table(n, depth))
			table(c, n, depth);
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
		docx_lists_numbering(c->lists, d);
		xmlFreeDoc(d);
	}
	if ((rc = zippart_read(z, "word/styles.xml", DOCX_MAX_PART,
	    &part)) < 0)
		return -1;
	if (rc == 0) {
		d = parse_part(&part);
		docx_lists_styles(c->lists, d);
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
	c.lists = docx_lists_new();
	if ((z = zippart_open(doc->name, doc->bytes, doc->nbytes)) != NULL &&
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
		    "levels was not read", MAX_DEPTH);
	trim_end();
	doc->text = out.p;
	doc->len = out.len;
	doc->encoding = "UTF-8";
	doc->html = 0;
	return 0;
}
