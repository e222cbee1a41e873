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
	finding(r, r->source, r->tpl.line, R_TEMPLATE, "meta:template", names,
	    r->tpl.s, "no such template");
}

/*
 * The template as meta states it, else as the rows show it: the one
 * that most printed rows fit alone (a tie goes to the older).
 */
unsigned
report_tpl(struct report *r)
{
	unsigned tpl = tmpl_from_name(r->tpl.s), fits, b, best = 1;
	const struct ck_table *t;
	int k, i, votes[8 * sizeof(unsigned)] = {0};

	if (tpl)
		return tpl;
	if (r->tpl.s[0])
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

/* ", in place of 3.6.1, 3.6.2, 3.6.3": the template's rows it stands for. */
static void
in_place_of(const struct report *r, const struct ck_table *t, int i,
    unsigned tpl, char *buf, size_t size)
{
	size_t len;
	int j, n = 0;

	buf[0] = '\0';
	for (j = 0; j < t->nrows; j++) {
		if (!(t->rowtpl[j] & tpl) || report_row_seen(r, t, j) ||
		    !ck_rows_related(t->rows[i], t->rows[j]))
			continue;
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", n++ ? ", " :
		    ", in place of ", t->rows[j]);
	}
}

static void
foreign_cells(struct report *r, const struct ck_table *t, int i,
    unsigned tpl)
{
	char where[96], instead[128];
	unsigned foreign;
	int j;

	if (!(t->rowtpl[i] & tpl)) {
		snprintf(where, sizeof where, "%s:%s", t->name, t->rows[i]);
		in_place_of(r, t, i, tpl, instead, sizeof instead);
		finding(r, r->source, report_row_line(r, t, i), R_TEMPLATE,
		    where, tmpl_name(tpl), tmpl_name(t->rowtpl[i]), "row of "
		    "the %s template in a %s report%s", tmpl_name(t->rowtpl[i]),
		    tmpl_name(tpl), instead);
		return;
	}
	/* the printed columns the template has not, in column order */
	foreign = r->rowcols[t->index][i] & ~ck_row_cols(t, i, tpl);
	for (; foreign != 0; foreign &= foreign - 1) {
		j = __builtin_ctz(foreign);
		snprintf(where, sizeof where, "%s:%s:%s", t->name, t->rows[i],
		    t->cols[j]);
		finding(r, r->source, report_cell(r, t, i, j)->line,
		    R_TEMPLATE, where, tmpl_name(tpl),
		    tmpl_name(ck_cell_templates(t, i, j)), "cell not in the "
		    "%s template", tmpl_name(tpl));
	}
}

void
check_template(struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	int i, k;

	for (i = 0; i < r->nbad; i++)
		finding(r, r->source, r->bad[i].line, R_TEMPLATE,
		    r->bad[i].key, "-", "-", "no such cell in either template");
	for (k = 0; k < ck_ntables(); k++)
		for (t = ck_table(k), i = 0; i < t->nrows; i++)
			if (report_row_seen(r, t, i))
				foreign_cells(r, t, i, tpl);
}

/* A printed row that stands in for row i (3.6 for 3.6.1)? */
static int
stood_in(const struct report *r, const struct ck_table *t, int i)
{
	int j;

	for (j = 0; j < t->nrows; j++)
		if (report_row_seen(r, t, j) &&
		    ck_rows_related(t->rows[i], t->rows[j]))
			return 1;
	return 0;
}

/* Where a row left out would be: after the printed row before it. */
static long
omitted_line(const struct report *r, const struct ck_table *t, int i)
{
	long line;
	int j;

	for (j = i - 1; j >= 0; j--)
		if ((line = report_row_line(r, t, j)) > 0)
			return line;
	for (j = i + 1; j < t->nrows; j++)
		if ((line = report_row_line(r, t, j)) > 0)
			return line;
	return 0;
}

/* The cells of row i that are unread (unread) or absent, by name. */
static int
row_holes(const struct report *r, const struct ck_table *t, int i,
    unsigned tpl, int unread, char *buf, size_t size)
{
	const struct cell *c;
	size_t len;
	int j, n = 0;

	buf[0] = '\0';
	for (j = 0; j < t->ncols; j++) {
		c = report_cell(r, t, i, j);
		if (unread ? !c->unread : c->seen || !ck_in_template(t, i, j,
		    tpl))
			continue;
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", n++ ? "," : "",
		    t->cols[j]);
	}
	return n;
}

/* The cells of row i in the template (the other's when it is foreign). */
static int
row_width(const struct ck_table *t, int i, unsigned tpl)
{
	int j, n = 0;

	if (!(t->rowtpl[i] & tpl))
		tpl = t->rowtpl[i];
	for (j = 0; j < t->ncols; j++)
		n += ck_in_template(t, i, j, tpl);
	return n;
}

/*
 * The holes of one row, unread (rule unread) or left out (omitted), and
 * the identities they kept from being checked.  Asked only where the row
 * has one (check_missing).
 */
static void
tell_holes(struct report *r, const struct idvals *v, int k, int i,
    unsigned tpl, int unread)
{
	const struct ck_table *t = ck_table(k);
	char cols[128], where[192], skipped[320];
	int n;

	if ((n = row_holes(r, t, i, tpl, unread, cols, sizeof cols)) == 0)
		return;
	if (n == row_width(t, i, tpl))
		snprintf(where, sizeof where, "%s:%s", t->name, t->rows[i]);
	else
		snprintf(where, sizeof where, "%s:%s:%s", t->name, t->rows[i],
		    cols);
	ident_skipped(v, k, i, skipped, sizeof skipped);
	finding(r, r->source, report_row_line(r, t, i), unread ? R_UNREAD :
	    R_OMITTED, where, "-", unread ? "?" : "-", "%d cell%s %s%s%s",
	    n, n > 1 ? "s" : "", unread ? "printed but not read" :
	    "not in the report", skipped[0] ? "; not checked: " : "",
	    skipped);
}

/* A row of the template that is not in the report: left out (t2) or a
 * required row missing (t3, t4; gip(7)). */
static void
tell_absent(struct report *r, const struct ck_table *t, int i, unsigned tpl)
{
	char where[96];
	int optional = tmpl_rows_optional(t->name);

	snprintf(where, sizeof where, "%s:%s", t->name, t->rows[i]);
	finding(r, r->source, omitted_line(r, t, i), optional ? R_OMITTED :
	    R_MISSING, where, "-", "-", "%sow of the %s template not in the "
	    "report; its cells count as 0", optional ? "R" : "Required r",
	    tmpl_name(tpl));
}

void
check_missing(struct report *r, const struct idvals *v, unsigned tpl)
{
	const struct ck_table *t;
	char where[96];
	int k, i;

	for (k = 0; k < ck_ntables(); k++) {
		if (r->has[k])
			continue;
		snprintf(where, sizeof where, "%s:table-missing",
		    ck_table(k)->name);
		finding(r, r->source, 0, R_MISSING, where, "-", "-",
		    "required table missing");
	}
	for (k = 0; k < ck_ntables(); k++) {
		if (!r->has[k])
			continue;
		for (t = ck_table(k), i = 0; i < t->nrows; i++) {
			/* most rows: every column of the template printed,
			   nothing unread */
			if (report_row_seen(r, t, i)) {
				if (r->rowunread[k][i])
					tell_holes(r, v, k, i, tpl, 1);
				if (ck_row_cols(t, i, tpl) & ~r->rowcols[k][i])
					tell_holes(r, v, k, i, tpl, 0);
			} else if ((t->rowtpl[i] & tpl) && !stood_in(r, t, i)) {
				tell_absent(r, t, i, tpl);
			}
		}
	}
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
	finding(r, r->source, c->line, R_NEGATIVE, where, ">=0", buf,
	    c->v < 0 ? "negative %s" : "%s not a whole number",
	    kind == KIND_AMOUNT ? "amount" : "count");
}

/*
 * The printed cells in cell order (tables, rows, columns), as a walk of
 * every cell would find them; a whole number not below 0 passes whatever
 * the cell's kind (check_count), so only the others (r->odd) are placed.
 */
void
check_negative(struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	const struct cell *c;
	uint64_t w;
	int k, at, i, j, kind;

	REPORT_EACH_ODD(r, k, w, at) {
		c = &r->cell[at];
		if (c->blank || (c->v >= 0 && c->v % NUM_SCALE == 0))
			continue;
		t = ck_place(at, &i, &j);
		if ((kind = ck_kind_for(t, i, j, tpl)) != 0)
			check_count(r, t, i, j, kind);
	}
}

/* One warning per report for the blank cells no broken identity explains. */
void
count_blanks(struct report *r)
{
	const struct ck_table *t;
	const struct cell *c;
	char n[24], first[96] = "";
	long line = 0;
	uint64_t w;
	int k, at, i, j, count = 0;

	REPORT_EACH_ODD(r, k, w, at) {
		c = &r->cell[at];
		if (!c->blank || c->told)
			continue;
		if (count++ > 0)
			continue;
		t = ck_place(at, &i, &j);
		snprintf(first, sizeof first, "%s:%s:%s", t->name, t->rows[i],
		    t->cols[j]);
		line = c->line;
	}
	if (count == 0)
		return;
	snprintf(n, sizeof n, "%d", count);
	finding(r, r->source, line, R_BLANKS, "blank", "-", n, "%d blank "
	    "cell%s counted as 0 (the first: %s)", count, count > 1 ? "s" :
	    "", first);
}
