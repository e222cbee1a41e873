/* One report's cells as gip-check holds them (model.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "model.h"
#include "tmpl.h"

void
report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
	ck_init();
	r->cell = gip_xmalloc(ck_ncells() * sizeof r->cell[0]);
}

void
report_begin(struct report *r, const struct cells_rec *rec)
{
	struct report keep = *r;

	memset(r, 0, sizeof *r);
	r->source = keep.source, r->srccap = keep.srccap;
	r->keep = keep.keep, r->keepcap = keep.keepcap;
	r->cell = keep.cell;
	memset(r->cell, 0, ck_ncells() * sizeof r->cell[0]);
	if (rec->len[CELL_SOURCE] + 1 > r->srccap) {
		r->srccap = rec->len[CELL_SOURCE] + 64;
		r->source = gip_xrealloc(r->source, r->srccap);
	}
	memcpy(r->source, rec->field[CELL_SOURCE], rec->len[CELL_SOURCE] + 1);
	r->active = 1;
}

struct cell *
report_cell(const struct report *r, const struct ck_table *t, int row,
    int col)
{
	return &r->cell[ck_cell(t, row, col)];
}

int
report_row_seen(const struct report *r, const struct ck_table *t, int row)
{
	int j;

	for (j = 0; j < t->ncols; j++)
		if (report_cell(r, t, row, j)->seen)
			return 1;
	return 0;
}

void
report_keep(struct report *r, const struct cells_rec *rec)
{
	size_t need = 0;
	int i;

	for (i = CELL_TABLE; i < CELL_NFIELDS; i++)
		need += rec->len[i] + 1;
	if (r->kept + need > r->keepcap) {
		r->keepcap = (r->kept + need) * 2;
		r->keep = gip_xrealloc(r->keep, r->keepcap);
	}
	for (i = CELL_TABLE; i < CELL_NFIELDS; i++) {
		memcpy(r->keep + r->kept, rec->field[i], rec->len[i] + 1);
		r->kept += rec->len[i] + 1;
	}
}

void
report_kept(const struct report *r, void (*fn)(const char *, const char *,
    const char *, const char *, const char *))
{
	const char *f[4];
	size_t off = 0;
	int i;

	while (off < r->kept) {
		for (i = 0; i < 4; i++) {
			f[i] = r->keep + off;
			off += strlen(f[i]) + 1;
		}
		fn(r->source, f[0], f[1], f[2], f[3]);
	}
}

static void
note_bad(struct report *r, const struct cells_rec *rec)
{
	if (r->nbad == MAXBAD)
		return;
	snprintf(r->bad[r->nbad++], sizeof r->bad[0], "%s:%s:%s",
	    rec->field[CELL_TABLE], rec->field[CELL_ROW],
	    rec->field[CELL_COL]);
}

static void
take_meta(struct report *r, const struct cells_rec *rec)
{
	const char *row = rec->field[CELL_ROW];
	char *dst;

	if (strcmp(row, "org") == 0)
		dst = r->org;
	else if (strcmp(row, "year") == 0)
		dst = r->year;
	else if (strcmp(row, "template") == 0)
		dst = r->tpl;
	else if (strcmp(row, "reports") == 0) {
		r->sum = 1;
		return;
	} else
		return;
	snprintf(dst, MAXMETA, "%s", rec->field[CELL_VALUE]);
}

static void
take_prose(struct report *r, const struct cells_rec *rec)
{
	size_t i;

	for (i = 0; i < tmpl_nprose; i++)
		if (strcmp(tmpl_prose[i].row, rec->field[CELL_ROW]) == 0)
			break;
	if (i == tmpl_nprose || strcmp(rec->field[CELL_COL], "-") != 0) {
		note_bad(r, rec);
		return;
	}
	if (rec->blank || r->nprose == MAXPROSE)
		return;
	r->prose[r->nprose].row = (int)i;
	r->prose[r->nprose++].v = rec->value;
}

static void
take_table(struct report *r, const struct cells_rec *rec)
{
	int t = ck_table_index(rec->field[CELL_TABLE]), i = -1, j = -1;
	const struct ck_table *tb;
	struct cell *c;

	if (t >= 0) {
		tb = ck_table(t);
		r->has[t] = 1;
		i = ck_row(tb, rec->field[CELL_ROW]);
		j = ck_col(tb, rec->field[CELL_COL]);
	}
	if (i < 0 || j < 0) {
		note_bad(r, rec);
		return;
	}
	c = report_cell(r, tb, i, j);
	c->seen = 1;
	c->blank = (unsigned char)rec->blank;
	c->v = rec->value;
}

void
report_take(struct report *r, const struct cells_rec *rec)
{
	const char *t = rec->field[CELL_TABLE];

	if (strcmp(t, "meta") == 0)
		take_meta(r, rec);
	else if (strcmp(t, "prose") == 0)
		take_prose(r, rec);
	else
		take_table(r, rec);
}
