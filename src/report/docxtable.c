/*
 * A Word table (docxctx.h): its w:tr rows of visible w:tc cells on the
 * grid (w:gridBefore, w:gridSpan, w:vMerge), written into the report
 * text as one line per row with a TAB between grid columns, and handed
 * over as a doctable (doctables.h).
 *
 * One visible w:tc is one cell whatever w:gridSpan it has; a w:vMerge
 * continuation repeats its origin's text when that is a label and is
 * blank when it is a value (a number belongs to its first row only).
 * When a data row has as many value cells as the header row above it
 * has leaf columns, the k-th value takes the k-th column's position:
 * Word tables often give data cells other grid columns than their
 * header (gip-tables(1)).
 */
#include <libxml/tree.h>
#include <stdint.h>
#include <string.h>

#include "docxctx.h"
#include "err.h"
#include "text.h"
#include "utf8.h"
#include "value.h"
#include "wml.h"

/* --- reading: cells and rows ----------------------------------------- */

/* Is the last character of s wide (CJK)? */
static int
ends_wide(const struct buf *s)
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

/* Paragraphs of a cell joined into c->st->cell: a space between two,
 * dropped again when both sides are wide (CJK) characters, as a wrapped
 * label reads. */
static void
cell_paragraphs(struct docx_ctx *c, xmlNode *n, int depth)
{
	struct buf *cb = &c->st->cell;
	size_t before;
	uint32_t cp;
	int wide;

	if (depth > DOCX_MAX_DEPTH) {
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
		wide = ends_wide(cb);
		before = cb->len;
		if (before > 0)
			docx_put(c, cb, " ", 1);
		docx_paragraph(c, n, cb, depth + 1);
		if (before > 0 && cb->len == before + 1) {
			cb->p[--cb->len] = '\0';	/* empty */
		} else if (before > 0 && wide) {
			utf8_decode(cb->p + before + 1, cb->len - before - 1,
			    &cp);
			if (utf8_is_wide(cp)) {
				memmove(cb->p + before, cb->p + before + 1,
				    cb->len - before);
				cb->len--;
			}
		}
	}
}

static void
add_cell(struct docx_ctx *c, const char *s, size_t n, int x0, int x1)
{
	struct docx_table *t = &c->st->table;
	struct docx_cell *tc;
	struct value v;
	char tmp[VALUE_MAX * 2];

	if (t->ncells == t->cellcap) {
		t->cellcap = t->cellcap ? t->cellcap * 2 : 256;
		t->cells = gip_xrealloc(t->cells, t->cellcap *
		    sizeof *t->cells);
	}
	tc = &t->cells[t->ncells++];
	tc->off = t->arena.len;
	tc->n = n;
	tc->x0 = x0;
	tc->x1 = x1;
	docx_put(c, &t->arena, s, n);
	docx_put(c, &t->arena, "", 1);	/* NUL between texts */
	/* Classified as the grid will hold it: cleaned (NBSP is blank). */
	if (n < sizeof tmp) {
		text_norm(tmp, s, n, TEXT_CLEAN);
		value_parse(tmp, &v);
		tc->kind = v.kind;
	} else
		tc->kind = text_is_blank(s, n) ? V_BLANK : V_TEXT;
	t->rows[t->nrows - 1].ncell++;
}

static const char *
ctext(const struct docx_table *t, const struct docx_cell *tc)
{
	return t->arena.p + tc->off;
}

/* The cell of row r (the one above) covering grid column x, or NULL. */
static const struct docx_cell *
covering(const struct docx_table *t, int r, int x)
{
	const struct docx_cell *tc;
	int i;

	if (r < 0)
		return NULL;
	for (i = 0; i < t->rows[r].ncell; i++) {
		tc = &t->cells[t->rows[r].first + i];
		if (tc->x0 <= x && tc->x1 > x)
			return tc;
	}
	return NULL;
}

/* One w:tc: its span and merge, its text.  A vMerge continuation takes
 * its origin's text when that is a label, and is blank for a value. */
static int
read_cell(struct docx_ctx *c, xmlNode *tc, int x, int depth)
{
	struct docx_table *t = &c->st->table;
	struct buf *cb = &c->st->cell;
	xmlNode *pr = wml_child(tc, "tcPr"), *vm = wml_child(pr, "vMerge");
	int span = wml_int(wml_child(pr, "gridSpan"), "val", 1, 1,
	    DOCX_MAX_COLS);
	const char *v = wml_attr(vm, "val");
	const struct docx_cell *above;
	enum vkind kind;

	if (x >= DOCX_MAX_COLS)
		return x;
	if (span > DOCX_MAX_COLS - x)
		span = DOCX_MAX_COLS - x;
	if (vm != NULL && (v == NULL || strcmp(v, "continue") == 0)) {
		above = covering(t, t->nrows - 2, x);
		kind = above && above->kind == V_TEXT ? V_TEXT : V_BLANK;
		cb->len = 0;	/* a copy: cells and arena may move */
		docx_put(c, cb, "", 0);
		/* Once full, above's text may not be in the arena (the
		 * file is not read then). */
		if (kind == V_TEXT && !c->full)
			docx_put(c, cb, ctext(t, above), above->n);
		add_cell(c, cb->p, cb->len, x, x + span);
		t->cells[t->ncells - 1].kind = kind;
		return x + span;
	}
	cb->len = 0;
	docx_put(c, cb, "", 0);
	cell_paragraphs(c, tc, depth + 1);
	add_cell(c, cb->p, cb->len, x, x + span);
	return x + span;
}

static void
read_row_cells(struct docx_ctx *c, xmlNode *n, int *x, int depth)
{
	if (depth > DOCX_MAX_DEPTH) {
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
read_rows(struct docx_ctx *c, xmlNode *n, int depth)
{
	struct docx_table *t = &c->st->table;
	struct docx_row *r;
	int x;

	if (depth > DOCX_MAX_DEPTH) {
		c->deep = 1;
		return;
	}
	for (n = n->children; n; n = n->next) {
		if (wml_is(n, "tr")) {
			if (t->nrows == t->rowcap) {
				t->rowcap = t->rowcap ? t->rowcap * 2 : 64;
				t->rows = gip_xrealloc(t->rows, t->rowcap *
				    sizeof *t->rows);
			}
			r = &t->rows[t->nrows++];
			r->first = t->ncells;
			r->ncell = 0;
			r->line = 0;
			x = wml_int(wml_child(wml_child(n, "trPr"),
			    "gridBefore"), "val", 0, 0, DOCX_MAX_COLS);
			read_row_cells(c, n, &x, depth + 1);
		} else if (wml_is(n, "sdt") || wml_is(n, "sdtContent") ||
		    wml_is(n, "customXml"))
			read_rows(c, n, depth + 1);
	}
}

/* --- writing: a line per row ----------------------------------------- */

/* A row of blank cells only: not written (Word's spacer rows). */
static int
row_blank(const struct docx_table *t, const struct docx_row *r)
{
	int i;

	for (i = 0; i < r->ncell; i++)
		if (t->cells[r->first + i].n > 0)
			return 0;
	return 1;
}

/* The row as a line: its cells on the grid, TAB between columns, a
 * spanned column left empty. */
static void
write_row(struct docx_ctx *c, struct docx_row *r)
{
	const struct docx_table *t = &c->st->table;
	struct buf *out = &c->st->text;
	const struct docx_cell *tc;
	int i, col = 0, k;

	for (i = 0; i < r->ncell; i++) {
		tc = &t->cells[r->first + i];
		for (; col < tc->x0; col++)
			docx_put(c, out, "\t", col > 0);
		if (col > 0)
			docx_put(c, out, "\t", 1);
		docx_put(c, out, ctext(t, tc), tc->n);
		for (k = tc->x0 + 1, col++; k < tc->x1; k++, col++)
			docx_put(c, out, "\t", 1);
	}
	r->line = c->line;
	docx_line_end(c);
}

/* --- handing over: values under the header's columns ----------------- */

/* Does row r have a number in it? */
static int
row_has_number(const struct docx_table *t, const struct docx_row *r)
{
	int i;

	for (i = 0; i < r->ncell; i++)
		if (t->cells[r->first + i].kind == V_NUMBER)
			return 1;
	return 0;
}

/*
 * A header row: no number, at least two label cells, and a label last
 * (a data row with blank values ends blank).  The last such row above a
 * data row is the header's bottom row, its leaf columns.
 */
static int
row_is_header(const struct docx_table *t, const struct docx_row *r)
{
	int i, labels = 0;

	if (r->ncell == 0 || row_has_number(t, r) ||
	    t->cells[r->first + r->ncell - 1].kind != V_TEXT)
		return 0;
	for (i = 0; i < r->ncell; i++)
		labels += t->cells[r->first + i].kind == V_TEXT;
	return labels >= 2;
}

/* Where a data row's values begin: the grid column of its first cell
 * after its last label; -1 for a row without numbers. */
static int
values_start(const struct docx_table *t, const struct docx_row *r,
    int *first)
{
	int i;

	*first = 0;
	for (i = 0; i < r->ncell; i++)
		if (t->cells[r->first + i].kind == V_TEXT)
			*first = i + 1;
	if (*first == r->ncell || !row_has_number(t, r))
		return -1;
	return t->cells[r->first + *first].x0;
}

/*
 * Positions for the value cells of a data row into t->x0, t->x1.  The
 * header's leaf columns are its bottom row's cells right of the label
 * area, which ends where the values of the rows under that header begin
 * first (values_from; a row whose label takes a column more does not
 * move it).  When the row has as many value cells as there are leaves
 * and all are labels, the k-th value takes the k-th leaf's columns; else
 * each cell keeps its own grid columns.
 */
static void
value_positions(struct docx_table *t, const struct docx_row *r,
    const struct docx_row *head, int values_from)
{
	const struct docx_cell *rc = &t->cells[r->first], *hc;
	int i, k, first, nv, lead;

	for (i = 0; i < r->ncell; i++) {
		t->x0[i] = rc[i].x0;
		t->x1[i] = rc[i].x1;
	}
	if (head == NULL || values_start(t, r, &first) < 0)
		return;
	nv = r->ncell - first;
	hc = &t->cells[head->first];
	for (lead = 0; lead < head->ncell &&
	    hc[lead].x0 + hc[lead].x1 <= 2 * values_from; lead++)
		;
	if (head->ncell - lead != nv)
		return;
	for (k = 0; k < nv; k++)
		if (hc[lead + k].kind != V_TEXT)
			return;
	for (k = 0; k < nv; k++) {
		t->x0[first + k] = hc[lead + k].x0;
		t->x1[first + k] = hc[lead + k].x1;
	}
}

/* For each header row, the least values_start of the rows under it,
 * into t->ends. */
static void
header_label_ends(struct docx_table *t)
{
	int i, head = -1, x, first;

	if (t->nrows > t->endcap) {
		t->endcap = t->nrows * 2;
		t->ends = gip_xrealloc(t->ends, t->endcap * sizeof *t->ends);
	}
	for (i = 0; i < t->nrows; i++) {
		t->ends[i] = DOCX_MAX_COLS;
		if (row_is_header(t, &t->rows[i])) {
			head = i;
			continue;
		}
		if (head >= 0 && (x = values_start(t, &t->rows[i],
		    &first)) >= 0 && x < t->ends[head])
			t->ends[head] = x;
	}
}

/* Room for a row of n cells' positions in t->x0, t->x1. */
static void
position_room(struct docx_table *t, int n)
{
	if (n <= t->poscap)
		return;
	t->poscap = n * 2;
	t->x0 = gip_xrealloc(t->x0, t->poscap * sizeof *t->x0);
	t->x1 = gip_xrealloc(t->x1, t->poscap * sizeof *t->x1);
}

/* The table's written rows to c->dt, positions in DOCTABLE_COLW per
 * column. */
static void
hand_over(struct docx_ctx *c)
{
	struct docx_table *t = &c->st->table;
	struct doctable *dtab = NULL;
	const struct docx_cell *tc;
	struct docx_row *r;
	int i, k, head = -1;

	header_label_ends(t);
	for (i = 0; i < t->nrows; i++) {
		r = &t->rows[i];
		if (row_is_header(t, r))
			head = i;
		if (r->line == 0)
			continue;
		position_room(t, r->ncell);
		value_positions(t, r, head < 0 || head == i ? NULL :
		    &t->rows[head], head < 0 ? 0 : t->ends[head]);
		if (dtab == NULL) {
			dtab = doctables_add(c->dt, r->line);
			dtab->g.positional = 1;
		}
		dtab->last_line = r->line;
		grid_new_row(&dtab->g, r->line);
		for (k = 0; k < r->ncell; k++) {
			tc = &t->cells[r->first + k];
			grid_add_cell(&dtab->g, ctext(t, tc), tc->n,
			    t->x0[k] * DOCTABLE_COLW,
			    t->x1[k] * DOCTABLE_COLW);
		}
	}
}

/* A table without tables inside: a blank line, a line per row that has
 * text, a blank line; and its cells to c->dt. */
void
docx_table(struct docx_ctx *c, xmlNode *tbl, int depth)
{
	struct docx_table *t = &c->st->table;
	int i;

	t->nrows = t->ncells = 0;
	t->arena.len = 0;
	read_rows(c, tbl, depth + 1);
	docx_blank_line(c);
	for (i = 0; i < t->nrows; i++)
		if (!row_blank(t, &t->rows[i]))
			write_row(c, &t->rows[i]);
	docx_blank_line(c);
	if (!c->full)
		hand_over(c);
}
