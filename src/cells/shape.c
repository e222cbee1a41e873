/* The report against its template's shape (shape.h). */
#include <stdio.h>
#include <string.h>

#include "findings.h"
#include "num.h"
#include "shape.h"

/* The templates a printed row fits, by its row and its columns. */
static unsigned
row_fits(const struct report *r, const struct ck_table *t, int i)
{
	unsigned fits = t->rowtpl[i];
	int j;

	for (j = 0; j < t->ncols; j++)
		if (report_cell(r, t, i, j)->seen)
			fits &= ck_cell_templates(t, i, j);
	return fits;
}

static void
bad_template_name(struct report *r)
{
	char names[64] = "";
	size_t i;

	for (i = 0; i < tmpl_ninfos; i++)
		snprintf(names + strlen(names), sizeof names - strlen(names),
		    "%s%s", i ? "|" : "", tmpl_infos[i].name);
	finding(r, r->source, R_TEMPLATE, "meta:template", names, r->tpl,
	    "no such template");
}

/*
 * The template as meta states it, else as the rows show it: the one
 * that most printed rows fit alone (a tie goes to the older).
 */
unsigned
report_tpl(struct report *r)
{
	unsigned tpl = tmpl_from_name(r->tpl), fits, b, best = 1;
	const struct ck_table *t;
	int k, i, votes[8 * sizeof(unsigned)] = {0};

	if (tpl)
		return tpl;
	if (r->tpl[0])
		bad_template_name(r);
	for (k = 0; k < ck_ntables(); k++)
		for (t = ck_table(k), i = 0; i < t->nrows; i++) {
			fits = report_row_seen(r, t, i) ? row_fits(r, t, i) : 0;
			if (fits != 0 && (fits & (fits - 1)) == 0)
				votes[__builtin_ctz(fits)]++;
		}
	for (b = 1; b <= TPL_BOTH; b <<= 1)
		if (votes[__builtin_ctz(b)] > votes[__builtin_ctz(best)])
			best = b;
	return best;
}

static void
foreign_cells(struct report *r, const struct ck_table *t, int i,
    unsigned tpl)
{
	char where[96];
	int j;

	if (!(t->rowtpl[i] & tpl)) {
		snprintf(where, sizeof where, "%s:%s", t->name, t->rows[i]);
		finding(r, r->source, R_TEMPLATE, where, tmpl_name(tpl),
		    tmpl_name(t->rowtpl[i]), "row of the %s template in a %s "
		    "report", tmpl_name(t->rowtpl[i]), tmpl_name(tpl));
		return;
	}
	for (j = 0; j < t->ncols; j++) {
		if (!report_cell(r, t, i, j)->seen ||
		    ck_in_template(t, i, j, tpl))
			continue;
		snprintf(where, sizeof where, "%s:%s:%s", t->name, t->rows[i],
		    t->cols[j]);
		finding(r, r->source, R_TEMPLATE, where, tmpl_name(tpl),
		    tmpl_name(ck_cell_templates(t, i, j)), "cell not in the %s template",
		    tmpl_name(tpl));
	}
}

void
check_template(struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	int i, k;

	for (i = 0; i < r->nbad; i++)
		finding(r, r->source, R_TEMPLATE, r->bad[i], "-", "-",
		    "no such cell in either template");
	for (k = 0; k < ck_ntables(); k++)
		for (t = ck_table(k), i = 0; i < t->nrows; i++)
			if (report_row_seen(r, t, i))
				foreign_cells(r, t, i, tpl);
}

static void
check_row_cells(struct report *r, const struct ck_table *t, int i,
    unsigned tpl)
{
	char where[96];
	int j;

	if (!report_row_seen(r, t, i)) {
		snprintf(where, sizeof where, "%s:row-missing:%s", t->name,
		    t->rows[i]);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required row missing; its cells count as 0");
		return;
	}
	for (j = 0; j < t->ncols; j++) {
		if (!ck_in_template(t, i, j, tpl) ||
		    report_cell(r, t, i, j)->seen)
			continue;
		snprintf(where, sizeof where, "%s:cell-missing:%s:%s", t->name,
		    t->rows[i], t->cols[j]);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required cell missing; it counts as 0");
	}
}

void
check_missing(struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	char where[32];
	int k, i;

	for (k = 0; k < ck_ntables(); k++) {
		if (r->has[k])
			continue;
		snprintf(where, sizeof where, "%s:table-missing",
		    ck_table(k)->name);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required table missing");
	}
	for (k = 0; k < ck_ntables(); k++)
		if (r->has[k])
			for (t = ck_table(k), i = 0; i < t->nrows; i++)
				if (t->rowtpl[i] & tpl)
					check_row_cells(r, t, i, tpl);
}

/* The kind of a cell: as the report's template has it, else as another. */
static int
cell_kind(const struct ck_table *t, int i, int j, unsigned tpl)
{
	unsigned other = ck_cell_templates(t, i, j) & ~tpl;

	if (ck_in_template(t, i, j, tpl))
		return ck_kind(t, i, j, tpl);
	return ck_kind(t, i, j, other & -other);
}

static void
check_count(struct report *r, const struct ck_table *t, int i, int j,
    int kind)
{
	const struct cell *c = report_cell(r, t, i, j);
	char where[96], buf[NUM_MAXLEN];

	if (!c->seen || c->blank || (kind == KIND_AMOUNT && c->v >= 0))
		return;
	if (kind == KIND_SIGNED && c->v % NUM_SCALE == 0)
		return;
	if (c->v >= 0 && c->v % NUM_SCALE == 0)
		return;
	snprintf(where, sizeof where, "%s:%s:%s", t->name, t->rows[i],
	    t->cols[j]);
	num_format(c->v, buf);
	finding(r, r->source, R_NEGATIVE, where, ">=0", buf,
	    c->v < 0 ? "negative %s" : "%s not a whole number",
	    kind == KIND_AMOUNT ? "amount" : "count");
}

void
check_negative(struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	int k, i, j, kind;

	for (k = 0; k < ck_ntables(); k++)
		for (t = ck_table(k), i = 0; i < t->nrows; i++)
			for (j = 0; j < t->ncols; j++)
				if ((kind = cell_kind(t, i, j, tpl)) != 0)
					check_count(r, t, i, j, kind);
}

/* One warning per table for the blank cells no broken identity explains. */
void
count_blanks(struct report *r)
{
	const struct ck_table *t;
	const struct cell *c;
	char where[32], n[24], first[96];
	int k, i, count;

	for (k = 0; k < ck_ntables(); k++) {
		t = ck_table(k);
		count = 0;
		for (i = 0; i < t->nrows * t->ncols; i++) {
			c = &r->cell[t->base + i];
			if (!c->seen || !c->blank || c->told)
				continue;
			if (count++ == 0)
				snprintf(first, sizeof first, "%s:%s:%s",
				    t->name, t->rows[i / t->ncols],
				    t->cols[i % t->ncols]);
		}
		if (count == 0)
			continue;
		snprintf(where, sizeof where, "%s:blank", t->name);
		snprintf(n, sizeof n, "%d", count);
		finding(r, r->source, R_BLANK, where, "-", n, "%d blank cell%s "
		    "counted as 0 (the first: %s)", count, count > 1 ? "s" : "",
		    first);
	}
}
