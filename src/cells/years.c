/* The cross-year store and its comparisons (years.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "findings.h"
#include "hash.h"
#include "num.h"
#include "stated.h"
#include "years.h"

#define YC_MAX		64

/* One cell a carry uses, as one year's report printed it. */
struct yfigure {
	int64_t		 v;
	int32_t		 line;		/* a report's line: < 2^31 */
	unsigned char	 stated;	/* seen and not blank */
	unsigned char	 rowseen;
};

/* What one body reported for one year: the cells the carries use (nyc
 * of them: a year kept costs what the carries need, not YC_MAX). */
struct yearly {
	char		*org, *source;
	long		 year;
	unsigned	 tpl;
	struct yfigure	 c[];
};

static int ycell[YC_MAX], nyc;		/* the cells, by ck index */
static struct hash byyear = HASH_INIT;	/* body and year -> store */
static struct yearly **store;
static size_t nstore, storecap;

static int
slot(const struct ck_table *t, int i, int j)
{
	int c = ck_cell(t, i, j), s;

	for (s = 0; s < nyc; s++)
		if (ycell[s] == c)
			return s;
	if (nyc == YC_MAX)
		gip_fatal("template: more than %d cells carry", YC_MAX);
	ycell[nyc] = c;
	return nyc++;
}

/* The slots of a carry's line: this year's cell, last year's, plus, minus. */
struct line {
	int	 now, prev, plus, minus;
};

static struct line
carry_line(const struct tmpl_carry *k, const struct ck_table *t,
    const char *row, int j)
{
	int i = ck_row(t, row), pi = ck_row(t, k->prevrow ? k->prevrow : row);
	int pj = k->prevcol ? ck_col(t, k->prevcol) : j;
	struct line l;

	if (i < 0 || pi < 0 || pj < 0)
		gip_fatal("template: a carry names no cell");
	l.now = slot(t, i, j);
	l.prev = slot(t, pi, pj);
	l.plus = k->plus ? slot(t, i, ck_col(t, k->plus)) : -1;
	l.minus = k->minus ? slot(t, i, ck_col(t, k->minus)) : -1;
	return l;
}

/* The key of a body's year: "2023\torg". */
static size_t
year_key(const char *org, long year, char *key, size_t size)
{
	int n = snprintf(key, size, "%ld\t%s", year, org);

	return n < 0 || (size_t)n >= size ? size - 1 : (size_t)n;
}

static struct yearly *
find_year(const char *org, long year)
{
	char key[MAXMETA + 32];
	size_t n = year_key(org, year, key, sizeof key), at;

	return hash_find(&byyear, key, n, &at) ? store[at] : NULL;
}

static void
fill_year(struct yearly *y, const struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	const struct cell *c;
	int s, k;

	free(y->source);
	y->source = gip_xstrdup(r->source);
	y->tpl = tpl;
	for (s = 0; s < nyc; s++) {
		c = &r->cell[ycell[s]];
		for (k = 0; k < ck_ntables(); k++) {
			t = ck_table(k);
			if (ycell[s] >= t->base && ycell[s] < t->base +
			    t->nrows * t->ncols)
				y->c[s].rowseen = (unsigned char)report_row_seen(
				    r, t, (ycell[s] - t->base) / t->ncols);
		}
		y->c[s].v = c->v;
		y->c[s].line = c->line > INT32_MAX ? 0 : (int32_t)c->line;
		y->c[s].stated = c->seen && !c->blank;
	}
}

static struct yearly *
add_year(const struct report *r, long year, unsigned tpl)
{
	struct yearly *y = find_year(r->org.s, year);
	char key[MAXMETA + 32];

	if (y == NULL) {
		y = gip_xmalloc(sizeof *y + nyc * sizeof y->c[0]);
		memset(y, 0, sizeof *y + nyc * sizeof y->c[0]);
		y->org = gip_xstrdup(r->org.s);
		y->year = year;
		if (nstore == storecap) {
			storecap = storecap ? 2 * storecap : 64;
			store = gip_xrealloc(store, storecap * sizeof *store);
		}
		store[nstore] = y;
		(void)hash_put(&byyear, key, year_key(r->org.s, year, key,
		    sizeof key), nstore++);
	}
	fill_year(y, r, tpl);
	return y;
}

/* Last year's figure with this year's plus and minus; 0 on overflow. */
static int
carried(const struct yearly *prev, const struct yearly *cur,
    struct line l, int64_t *want)
{
	*want = prev->c[l.prev].v;
	if (l.plus >= 0 && num_add(want, cur->c[l.plus].v) != NUM_OK)
		return 0;
	if (l.minus >= 0 && (cur->c[l.minus].v == INT64_MIN ||
	    num_add(want, -cur->c[l.minus].v) != NUM_OK))
		return 0;
	return 1;
}

/*
 * A figure for all columns of a row is there when its row is; a figure
 * of one column when the cell states a number.
 */
static void
compare_line(struct report *r, const struct tmpl_carry *k,
    const struct ck_table *t, const char *row, int j,
    const struct yearly *prev, const struct yearly *cur)
{
	struct line l = carry_line(k, t, row, j);
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int64_t want;

	if (k->col ? !prev->c[l.prev].stated || !cur->c[l.now].stated :
	    !prev->c[l.prev].rowseen || !cur->c[l.now].rowseen)
		return;
	if (!carried(prev, cur, l, &want) || want == cur->c[l.now].v)
		return;
	snprintf(where, sizeof where, "%s:%s:%s", t->name, row, t->cols[j]);
	num_format(want, e);
	num_format(cur->c[l.now].v, a);
	if (!k->plus && !k->minus)
		finding(r, cur->source, cur->c[l.now].line, fnd_rule(k->rule), where, e, a,
		    "carried over from %ld: %s, but %s carried %s forward",
		    prev->year, a, prev->source, e);
	else
		finding(r, cur->source, cur->c[l.now].line, fnd_rule(k->rule), where, e, a,
		    "%s %s, but %ld's %s%s%s%s%s make %s", t->cols[j], a,
		    prev->year, k->prevcol ? k->prevcol : t->cols[j],
		    k->plus ? " plus " : "", k->plus ? k->plus : "",
		    k->minus ? " minus " : "", k->minus ? k->minus : "", e);
}

/* A pair of years, for compare_line, or none: only the slots are made. */
struct pair {
	struct report		*r;
	const struct yearly	*prev, *cur;
};

/* Each line of each carry that applies to both years' templates. */
static void
each_line(const struct pair *p)
{
	const struct tmpl_carry *k;
	const struct ck_table *t;
	size_t n;
	int i, j;

	for (n = 0; n < tmpl_ncarries; n++) {
		k = &tmpl_carries[n];
		if (p && (!(p->prev->tpl & k->templates) ||
		    !(p->cur->tpl & k->templates)))
			continue;
		t = ck_table(ck_table_index(k->table));
		for (i = 0; k->rows[i]; i++)
			for (j = 0; j < t->ncols; j++) {
				if (k->col && strcmp(t->cols[j], k->col) != 0)
					continue;
				if (p)
					compare_line(p->r, k, t, k->rows[i], j,
					    p->prev, p->cur);
				else
					(void)carry_line(k, t, k->rows[i], j);
			}
	}
}

static void
compare(struct report *r, const struct yearly *prev,
    const struct yearly *cur)
{
	struct pair p = {r, prev, cur};

	each_line(&p);
}

static int
any_on(void)
{
	size_t n;

	for (n = 0; n < tmpl_ncarries; n++)
		if (fnd_on(fnd_rule(tmpl_carries[n].rule)))
			return 1;
	return 0;
}

void
check_years(struct report *r, unsigned tpl)
{
	const struct yearly *cur, *other;
	long y = report_year(r);

	if (y == 0 || r->org.s[0] == '\0' || !any_on())
		return;
	if (nyc == 0)
		each_line(NULL);	/* every cell a carry uses: a slot */
	cur = add_year(r, y, tpl);
	if ((other = find_year(r->org.s, y - 1)) != NULL)
		compare(r, other, cur);
	if ((other = find_year(r->org.s, y + 1)) != NULL)
		compare(r, cur, other);
}
