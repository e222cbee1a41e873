/* Rows whose labels were torn away (torn.h). */
#include <string.h>

#include "tmpl.h"
#include "torn.h"

#define ORDER_MAX 64

struct gap {
	const char	*row[ORDER_MAX];
	int		 n;
};

static int
assigned(const struct torn *out, int nout, const char *row)
{
	int i;

	for (i = 0; i < nout; i++)
		if (strcmp(out[i].row, row) == 0)
			return 1;
	return 0;
}

/* Has the report printed row `row` with numbers of its own? */
static int
has_numbers(const struct lrow *rows, const char **key, int n,
    const char *row)
{
	int j;

	for (j = 0; j < n; j++)
		if (key[j] && strcmp(key[j], row) == 0 && rows[j].numbers > 0)
			return 1;
	return 0;
}

/* The template a key found belongs to alone, or 0. */
static unsigned
only_template(const char *table, const char *row)
{
	int in19 = tmpl_find(table, row, TPL_2019) != NULL;
	int in21 = tmpl_find(table, row, TPL_2021) != NULL;

	return in19 && !in21 ? TPL_2019 : in21 && !in19 ? TPL_2021 : 0;
}

/*
 * The template rows after `after`, in template `tpl`'s order, that have
 * no numbers yet, up to the next that has (or the table's end).
 */
static void
gap_after(const char *table, unsigned tpl, const char *after,
    const struct lrow *rows, const char **key, int n,
    const struct torn *out, int nout, struct gap *g)
{
	size_t i;
	int past = 0;
	const char *r;

	g->n = 0;
	for (i = 0; i < tmpl_nrows; i++) {
		if (strcmp(tmpl_rows[i].table, table) != 0 ||
		    !(tmpl_rows[i].templates & tpl))
			continue;
		r = tmpl_rows[i].row;
		if (!past) {
			past = strcmp(r, after) == 0;
			continue;
		}
		if (has_numbers(rows, key, n, r) || assigned(out, nout, r) ||
		    g->n == ORDER_MAX)
			return;
		g->row[g->n++] = r;
	}
}

/*
 * The gap after `after` that holds exactly `count` rows: in the template
 * the rows found say, or, when none says, the one template whose gap
 * fits (2019's one （六） row or 2021's three).
 */
static int
fitting_gap(const char *table, const char *after, int count,
    const struct lrow *rows, const char **key, int n,
    const struct torn *out, int nout, struct gap *g)
{
	static const unsigned tpls[2] = {TPL_2019, TPL_2021};
	unsigned tpl = 0, k;
	struct gap other;
	int j, fits = 0;

	for (j = 0; j < n && tpl == 0; j++)
		if (key[j])
			tpl = only_template(table, key[j]);
	if (tpl != 0) {
		gap_after(table, tpl, after, rows, key, n, out, nout, g);
		return g->n == count;
	}
	for (k = 0; k < 2; k++) {
		gap_after(table, tpls[k], after, rows, key, n, out, nout,
		    &other);
		if (other.n != count)
			continue;
		if (fits++ == 0)
			*g = other;
		else if (memcmp(g->row, other.row, count * sizeof *g->row))
			return 0;	/* both fit, differently */
	}
	return fits > 0;
}

static int
unlabelled_row(const struct lrow *lr, const char *key, int ncol)
{
	return key == NULL && lr->label[0] == '\0' && lr->nval == ncol &&
	    lr->numbers > 0;
}

/*
 * The numbers of rows printed apart from their labels, into out: those
 * after the first ncol of a labelled row holding a whole multiple of
 * ncol numbers, and runs of unlabelled rows of ncol numbers after a
 * labelled row.  Placed only when the template rows without numbers
 * that follow are exactly as many.  Returns how many rows were placed.
 */
int
torn_place(const char *table, const struct lrow *rows, const char **key,
    int n, int ncol, struct torn *out)
{
	struct gap g;
	int i, j, c, extra, nout = 0, last = -1;

	for (i = 0; i < n; i++) {
		if (key[i] && rows[i].numbers > 0)
			last = i;
		if (key[i] && rows[i].nval >= 2 * ncol &&
		    rows[i].nval % ncol == 0 &&
		    rows[i].numbers == rows[i].nval) {
			extra = rows[i].nval / ncol - 1;
			if (!fitting_gap(table, key[i], extra, rows, key, n,
			    out, nout, &g) || nout + extra > TORN_MAX)
				continue;
			for (c = 0; c < extra; c++)
				out[nout++] = (struct torn){g.row[c], i,
				    (c + 1) * ncol};
			continue;
		}
		if (last < 0 || !unlabelled_row(&rows[i], key[i], ncol))
			continue;
		for (j = i; j < n && unlabelled_row(&rows[j], key[j], ncol);
		    j++)
			;
		if (fitting_gap(table, key[last], j - i, rows, key, n, out,
		    nout, &g) && nout + (j - i) <= TORN_MAX)
			for (c = 0; c < j - i; c++)
				out[nout++] = (struct torn){g.row[c], i + c, 0};
		i = j - 1;
	}
	return nout;
}
