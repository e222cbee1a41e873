/* Prose figures and the year against the tables (stated.h). */
#include <stdio.h>
#include <stdlib.h>

#include "findings.h"
#include "num.h"
#include "stated.h"

/* The cells a prose figure equals, added up; 0 when they are not there. */
static int
prose_cells(const struct report *r, const struct tmpl_prose *tp,
    int64_t *sum)
{
	int t = ck_table_index(tp->table), k, i, j;

	*sum = 0;
	if (t < 0 || !r->has[t] || (j = ck_col(ck_table(t), tp->col)) < 0)
		return 0;
	for (k = 0; k < 2 && tp->cellrows[k]; k++) {
		if ((i = ck_row(ck_table(t), tp->cellrows[k])) < 0 ||
		    num_add(sum, report_cell(r, ck_table(t), i, j)->v) !=
		    NUM_OK)
			return 0;
	}
	return 1;
}

void
check_prose(struct report *r)
{
	const struct tmpl_prose *tp;
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int64_t sum;
	int i;

	for (i = 0; i < r->nprose; i++) {
		tp = &tmpl_prose[r->prose[i].row];
		if (!prose_cells(r, tp, &sum) || sum == r->prose[i].v)
			continue;
		snprintf(where, sizeof where, "prose:%s=%s:%s%s%s:%s", tp->row,
		    tp->table, tp->cellrows[0], tp->cellrows[1] ? "+" : "",
		    tp->cellrows[1] ? tp->cellrows[1] : "", tp->col);
		num_format(sum, e);
		num_format(r->prose[i].v, a);
		finding(r, r->source, r->prose[i].line, R_PROSE, where, e, a, "the text states "
		    "%s %s, the table %s", a, tp->what, e);
	}
}

long
report_year(const struct report *r)
{
	return tmpl_year(r->year.s);
}

void
check_year(struct report *r, unsigned tpl)
{
	const struct tmpl_info *ti = tmpl_info(tpl), *want;
	long y = report_year(r);

	if (y == 0 || !r->tpl.s[0] || ti == NULL)
		return;
	want = tmpl_for_year(y);
	if (ti->until && y > ti->until)
		finding(r, r->source, r->tpl.line, R_YEAR, "meta:template", want->name,
		    ti->name, "%s template in a report for %ld; the %s "
		    "template applies from %ld", ti->name, y, want->name,
		    want->from);
	else if (y < ti->from && y >= ti->early)
		finding(r, r->source, r->tpl.line, R_YEAR, "meta:template", want->name,
		    ti->name, "%s template in a report for %ld (early "
		    "adoption)", ti->name, y);
	else if (y < ti->early && want != ti)
		finding(r, r->source, r->tpl.line, R_YEAR, "meta:template", want->name,
		    ti->name, "%s template in a report for %ld, before it "
		    "was issued", ti->name, y);
}
