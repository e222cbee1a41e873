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
		finding(r, r->source, R_PROSE, where, e, a, "the text states "
		    "%s %s, the table %s", a, tp->what, e);
	}
}

long
report_year(const struct report *r)
{
	char *end;
	long y = strtol(r->year, &end, 10);

	return *end == '\0' && y > 1900 && y < 3000 ? y : 0;
}

void
check_year(struct report *r, unsigned tpl)
{
	long y = report_year(r);

	if (y == 0 || !r->tpl[0])
		return;
	if (tpl == TPL_2019 && y >= 2022)
		finding(r, r->source, R_YEAR, "meta:template", "2021", "2019",
		    "2019 template in a report for %ld; the 2021 template "
		    "applies from 2021", y);
	else if (tpl == TPL_2021 && y == 2020)
		finding(r, r->source, R_YEAR, "meta:template", "2019", "2021",
		    "2021 template in a report for 2020 (early adoption)");
	else if (tpl == TPL_2021 && y < 2020)
		finding(r, r->source, R_YEAR, "meta:template", "2019", "2021",
		    "2021 template in a report for %ld, before it was "
		    "issued", y);
}
