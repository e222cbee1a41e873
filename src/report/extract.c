/* One report read whole (extract.h). */
#include <stdlib.h>
#include <string.h>

#include "colmajor.h"
#include "dashcols.h"
#include "doctables.h"
#include "err.h"
#include "extract.h"
#include "find.h"
#include "readorder.h"
#include "grid.h"
#include "input.h"
#include "layout.h"
#include "lfcount.h"
#include "lotext.h"
#include "sections.h"
#include "tmpl.h"
#include "unprinted.h"
#include "unseen.h"

/* The last line of r: a LF that ends r begins no line of it. */
static long
last_line(const char *text, const struct region *r)
{
	size_t n = r->to - r->from;

	return r->line + (long)lf_count(text + r->from, n) -
	    (n > 0 && text[r->to - 1] == '\n');
}

/*
 * The rows of the document's own tables that were written on the lines
 * of region r, into g; how many rows.  Their cells and spans are the
 * document's: no layout is guessed.
 */
static int
doc_rows(const struct doctables *dt, const char *text,
    const struct region *r, struct grid *g)
{
	long first = r->line, last;
	const struct doctable *t;
	const struct grow *row;
	const struct gcell *c;
	int i, j, k;

	grid_reset(g);
	if (dt == NULL || dt->n == 0)	/* plain text: no line to count */
		return 0;
	last = last_line(text, r);
	for (i = 0; dt != NULL && i < dt->n; i++) {
		t = &dt->t[i];
		if (t->last_line < first || t->first_line > last)
			continue;
		g->document = 1;
		g->positional |= t->g.positional;
		g->wraps |= t->g.wraps;
		g->exact |= t->g.exact;
		for (j = 0; j < t->g.nrow; j++) {
			row = &t->g.row[j];
			if (row->line < first || row->line > last)
				continue;
			grid_new_row(g, row->line)->marker = row->marker;
			c = grid_cells(&t->g, row);
			for (k = 0; k < row->ncell; k++)
				grid_add_cell(g, c[k].text, strlen(c[k].text),
				    c[k].x0, c[k].x1);
		}
	}
	return g->nrow;
}

/* The offset just past line `last` >= r->line of r (r.to if it ends
 * first). */
static size_t
end_of_line(const char *text, const struct region *r, long last)
{
	return r->from + lf_skip(text + r->from, r->to - r->from,
	    (size_t)(last - r->line) + 1);
}

/*
 * A table's region ends with the last line a cell of it was read from:
 * what follows in its section (a note, a sentence about the figures) is
 * prose.  A table without a known line keeps its region.
 */
static void
cut_to_cells(const char *text, const struct tables *t, struct region *w)
{
	long last[3] = {0, 0, 0};
	const struct tcell *c;
	int i, k;

	for (i = 0; i < t->ncell; i++) {
		c = &t->cell[i];
		k = c->table[1] - '2';
		if (c->table[0] == 't' && k >= 0 && k < 3 && c->line > last[k])
			last[k] = c->line;
	}
	for (k = 0; k < 3; k++)
		if (w[k].to > w[k].from && last[k] >= w[k].line)
			w[k].to = end_of_line(text, &w[k], last[k]);
}

static int
read_table(const struct gip_doc *doc, const struct doctables *dt,
    const struct gip_section *sec, int which, enum spaced_width *width,
    struct extract *x)
{
	static struct grid g;
	static struct tlines tl;	/* the table's lines, split once */
	struct tables *t = &x->t;
	struct region r;
	enum layout kind;
	int got, by_doc, from;

	if (!find_table(doc->text, doc->len, sec, which, &r))
		return 0;
	by_doc = doc_rows(dt, doc->text, &r, &g) > 0;
	x->laid_out[which - 2] = !by_doc;
	if (!by_doc) {
		kind = layout_detect(doc->text + r.from, r.to - r.from, &tl);
		if (x->lo < 0)	/* once a report: it reads the text */
			x->lo = lo_text_export(doc->text, doc->len);
		tl.lo = x->lo;
		layout_read(kind, doc->text + r.from, r.to - r.from, r.line,
		    &tl, width, &g);
	}
	if (which == 2) {
		t->ntitlegap = by_doc ? 0 : dashcols_title_gaps(doc->text +
		    r.from, r.to - r.from, r.line, t->titlegap, T2MAXGAPS);
		got = t2_extract(&g, t);
	} else if (which == 3) {	/* the text too, for numbers in
					 * reading order */
		from = t->ncell;
		got = colmajor_t3(&g, by_doc ? NULL : doc->text + r.from,
		    r.to - r.from, r.line, t);
		if (got && !by_doc)
			dashcols_check_t3(doc->text + r.from, r.to - r.from,
			    r.line, t, from);
	} else
		got = t4_extract(&g, t);
	if (got)
		x->where[which - 2] = r;
	return got;
}

/*
 * The template of a table printed but not read when nothing printed
 * tells it (no table read, a placeholder for each): the one for the
 * report's year (gip-check(1), rule year), said in a warning; 0 without
 * a year.  A report that adopted the next template early is flagged by
 * gip-check's year rule, not misread: its rows are unread either way.
 */
static unsigned
year_template(struct extract *x, int which, long line)
{
	const struct tmpl_info *ti;
	long y = tmpl_year(x->m.year);

	if (y == 0)
		return 0;
	ti = tmpl_for_year(y);
	tables_warn(&x->t, line, "t%d: no table read tells the report's "
	    "template: the rows of the %s template, the one for %ld, "
	    "written", which, ti->name, y);
	return ti->tpl;
}

/*
 * Tables not read whose section holds a converter's placeholder instead,
 * or their caption and column titles (unprinted.h): their rows written
 * as unread; how many.
 */
static int
unprinted_tables(const char *text, const struct gip_section *sec,
    struct extract *x)
{
	long line;
	int k, n = 0, titled;
	unsigned tpl;

	for (k = 2; k <= 4; k++) {
		if (x->where[k - 2].to != x->where[k - 2].from)
			continue;
		tpl = 0;
		titled = (line = unprinted_line(text, &sec[k])) == 0;
		if (titled)	/* its own titles tell its rows best */
			line = unprinted_titled(text, &sec[k], k, &tpl);
		if (line <= 0)
			continue;
		if (tpl == 0)
			tpl = x->t.tpl;
		/* t4's rows are the same in both templates */
		if (tpl == 0 && k != 4)
			tpl = year_template(x, k, line);
		unprinted_fill(&x->t, k, tpl, line, titled);
		n++;
	}
	return n;
}

void
extract_report(const struct gip_doc *doc, const struct doctables *dt,
    const struct gip_section *given, int quiet, struct extract *x)
{
	struct gip_section found[SECTIONS_MAX + 1];
	const struct gip_section *sec = given;
	struct tables *t = &x->t;
	enum spaced_width width = SPACED_UNKNOWN, *share = &width;
	enum spaced_width t2width = SPACED_CHARS, t4width = SPACED_CHARS;
	int k;

	tables_reset(t, doc->name, quiet);
	/* A print's text (pdftotext: pages end in a form feed) was laid out
	 * page by page from the glyphs' positions: its tables share no
	 * width model. */
	if (memchr(doc->text, '\f', doc->len) != NULL)
		share = NULL;
	t->print = share == NULL;
	if (t->print)
		tables_pages(t, doc->text, doc->len);
	memset(x->where, 0, sizeof x->where);
	x->lo = -1;
	if (sec == NULL) {
		sections_split(doc->text, doc->len, found);
		sec = found;
	}
	/* t3 first: its many columns tell the document's width model
	 * best (spaced.h) */
	x->found = read_table(doc, dt, sec, 3, share, x);
	x->found += read_table(doc, dt, sec, 4, share ? share : &t4width, x);
	/* pdftotext prints one character a column: a print's table 2, a
	 * few narrow blocks whose counts rarely tell the model clearly
	 * (spaced.h), is read in characters unless they do. */
	x->found += read_table(doc, dt, sec, 2, share ? share : &t2width, x);
	t->tpl = tables_template(t);
	/* the year tells the template of tables not read (unprinted) */
	for (k = SECTIONS_MAX; k >= 1 && !sec[k].found; k--)
		;
	meta_find(doc->text, doc->len, sec[1].found ? sec[1].start : 0,
	    dt ? dt->title_line : 0, k >= 1 ? sec[k].start : 0,
	    k >= 1 ? sec[k].first_line : 0, &x->m);
	x->found += unprinted_tables(doc->text, sec, x);
	if (x->laid_out[1])	/* a document's table has no lines between */
		unseen_fill(t, doc->text, &x->where[1]);
	t2_emit(t);
	if (t->print && (dt == NULL || dt->n == 0) &&
	    readorder_text(doc->text, doc->len))
		readorder_confirm(t, doc->text, doc->len, x->where);
	if (doc->row_order_lost)
		readorder_unordered(t);
	cut_to_cells(doc->text, t, x->where);
	if (x->found == 0)
		gip_error(doc->name, 0, "no table found");
}

void
extract_free(struct extract *x)
{
	free(x->t.cell);
	free(x->t.t2row);
	free(x->t.page);
	x->t.cell = NULL;
	x->t.t2row = NULL;
	x->t.page = NULL;
	x->t.npage = x->t.pagecap = 0;
	x->t.ncell = x->t.cap = 0;
}
