/*
 * Digits of two cells run together (rule digits, ident.h): a number that
 * an extractor glued to its blank or 0 neighbour, found by trying every
 * split of every cell on a broken line and keeping the splits after
 * which no identity is broken.
 */
#include <stdio.h>

#include "findings.h"
#include "ident.h"
#include "num.h"

struct split {
	const struct ck_table *t;
	int		 row, col;	/* the cell that holds both */
	int		 into;		/* the column the parts go to */
	int64_t		 a, b;		/* a left of b */
};

/* Split u at pow into a|b as two cells would print them. */
static int
split_at(int64_t u, int64_t pow, int64_t *a, int64_t *b)
{
	*a = u / pow;
	*b = u % pow;
	if (*b == 0)
		return pow == 10;	/* a lone 0 */
	return *b * 10 >= pow;		/* no leading 0 in b */
}

/*
 * Put the parts of the cell's value into it and an empty (0) neighbour
 * that was read; record each split after which no identity is broken.
 */
static int
try_splits(struct idvals *v, struct split at, struct split *found,
    int nfound)
{
	struct broken scratch[IDENT_MAXBROKEN];
	int64_t *cell = &v->cell[ck_cell(at.t, at.row, at.col)].v, *nb, keep,
	    pow;
	int side;

	keep = *cell;
	for (side = -1; side <= 1; side += 2) {
		at.into = at.col + side;
		if (at.into < 0 || at.into >= at.t->ncols)
			continue;
		nb = &v->cell[ck_cell(at.t, at.row, at.into)].v;
		if (*nb != 0 || ident_unknown(v, at.t->index, at.row,
		    ck_cell(at.t, at.row, at.into)))
			continue;
		for (pow = 10; pow <= keep / NUM_SCALE; pow *= 10) {
			if (!split_at(keep / NUM_SCALE, pow, &at.a, &at.b))
				continue;
			*(side > 0 ? cell : nb) = at.a * NUM_SCALE;
			*(side > 0 ? nb : cell) = at.b * NUM_SCALE;
			if (ident_eval(v, scratch) == 0 && nfound < 2)
				found[nfound++] = at;
		}
		*cell = keep;
		*nb = 0;
	}
	return nfound;
}

/* Is the cell on a broken line: its row or its column, by the identity? */
static int
involved(const struct broken *b, int n, const struct ck_table *t, int row,
    int col)
{
	int i;

	for (i = 0; i < n; i++)
		if (ck_table(ck_table_index(b[i].id->table)) == t &&
		    b[i].line == (b[i].id->per == IDENT_ROWS ? row : col))
			return 1;
	return 0;
}

static int
has_identity(const struct ck_table *t)
{
	size_t k;

	for (k = 0; k < tmpl_nidents; k++)
		if (ck_table(ck_table_index(tmpl_idents[k].table)) == t)
			return 1;
	return 0;
}

static int
find_splits(struct idvals *v, const struct broken *b, int n,
    struct split *found)
{
	struct split at;
	int nfound = 0, k;
	int64_t x;

	for (k = 0; k < ck_ntables(); k++) {
		at.t = ck_table(k);
		if (!has_identity(at.t))
			continue;
		for (at.row = 0; at.row < at.t->nrows; at.row++)
			for (at.col = 0; at.col < at.t->ncols; at.col++) {
				x = v->cell[ck_cell(at.t, at.row, at.col)].v;
				if (x < 10 * NUM_SCALE || x % NUM_SCALE ||
				    !involved(b, n, at.t, at.row, at.col))
					continue;
				nfound = try_splits(v, at, found, nfound);
			}
	}
	return nfound;
}

/* Only a split that alone makes every broken identity hold is told. */
void
ident_digits(struct report *r, struct idvals *v, const struct broken *b,
    int n)
{
	struct split s[2];
	char where[96], e[64], a[NUM_MAXLEN];

	if (n == 0 || find_splits(v, b, n, s) != 1)
		return;
	snprintf(where, sizeof where, "%s:%s:%s", s[0].t->name,
	    s[0].t->rows[s[0].row], s[0].t->cols[s[0].col]);
	snprintf(e, sizeof e, "%lld|%lld", (long long)s[0].a,
	    (long long)s[0].b);
	num_format(v->cell[ck_cell(s[0].t, s[0].row, s[0].col)].v, a);
	finding(r, r->source, report_cell(r, s[0].t, s[0].row,
	    s[0].col)->line, R_DIGITS, where, e, a, "looks like %lld and "
	    "%lld run together; with %lld in %s every identity holds",
	    (long long)s[0].a, (long long)s[0].b,
	    (long long)(s[0].into > s[0].col ? s[0].b : s[0].a),
	    s[0].t->cols[s[0].into]);
}
