/*
 * Walking the identities (ident.h).  Each identity is data of tmpl.c: a
 * table, whether its lines are columns or rows, and the keys of the
 * terms on each side; nothing here knows a row of a template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "findings.h"
#include "ident.h"
#include "num.h"

void
ident_load(const struct report *r, unsigned tpl, struct idvals *v)
{
	const struct ck_table *t;
	int k, i, j, n = ck_ncells();

	v->tpl = tpl;
	v->v = gip_xmalloc(n * sizeof v->v[0]);
	v->unknown = gip_xmalloc(n);
	for (k = 0; k < ck_ntables(); k++) {
		t = ck_table(k);
		for (i = 0; i < t->nrows; i++) {
			int seen = report_row_seen(r, t, i);

			for (j = 0; j < t->ncols; j++) {
				const struct cell *c = report_cell(r, t, i, j);

				v->v[ck_cell(t, i, j)] = c->v;
				v->unknown[ck_cell(t, i, j)] = !c->seen && seen;
			}
		}
	}
}

void
ident_free(struct idvals *v)
{
	free(v->v);
	free(v->unknown);
}

/* The cell index of term k on a line, or -1 when the term does not count. */
static int
term_cell(const struct ck_table *t, const struct tmpl_ident *id, int line,
    const char *key, unsigned tpl)
{
	int i;

	if (id->per == IDENT_ROWS)
		return (i = ck_col(t, key)) < 0 ? -1 : ck_cell(t, line, i);
	if ((i = ck_row(t, key)) < 0 || !(t->rowtpl[i] & tpl))
		return -1;
	return ck_cell(t, i, line);
}

/* Add up one side; 0 when a term is unknown, -1 when the sum overflows. */
static int
side_sum(const struct idvals *v, const struct ck_table *t,
    const struct tmpl_ident *id, int line, const char *const *keys,
    int64_t *sum)
{
	int k, c, ok = 1;

	*sum = 0;
	for (k = 0; keys[k]; k++) {
		if ((c = term_cell(t, id, line, keys[k], v->tpl)) < 0)
			continue;
		if (v->unknown[c])
			ok = 0;
		if (num_add(sum, v->v[c]) != NUM_OK)
			return -1;
	}
	return ok;
}

static int
eval_line(const struct idvals *v, const struct ck_table *t,
    const struct tmpl_ident *id, int line, struct broken *b)
{
	int64_t l, r;
	int okl, okr;

	okl = side_sum(v, t, id, line, id->left, &l);
	okr = side_sum(v, t, id, line, id->right, &r);
	if (okl == 0 || okr == 0 || (okl > 0 && okr > 0 && l == r))
		return 0;
	b->id = id;
	b->line = line;
	b->overflow = okl < 0 || okr < 0;
	b->expected = l;
	b->actual = r;
	return 1;
}

static int
eval_ident(const struct idvals *v, const struct tmpl_ident *id,
    struct broken *b, int n)
{
	const struct ck_table *t = ck_table(ck_table_index(id->table));
	int line, nlines = id->per == IDENT_ROWS ? t->nrows : t->ncols;

	for (line = 0; line < nlines && n < IDENT_MAXBROKEN; line++) {
		if (id->per == IDENT_ROWS && !(t->rowtpl[line] & v->tpl))
			continue;
		n += eval_line(v, t, id, line, &b[n]);
	}
	return n;
}

/* Does identity `rule` break on a row that b's identity uses? */
static int
guard_broken(const struct idvals *v, const struct broken *b,
    const struct broken *all, int n)
{
	const struct ck_table *t = ck_table(ck_table_index(b->id->table));
	const char *const *sides[2] = {b->id->left, b->id->right};
	int i, s, k;

	for (i = 0; i < n; i++) {
		if (strcmp(all[i].id->rule, b->id->after) != 0)
			continue;
		for (s = 0; s < 2; s++)
			for (k = 0; sides[s][k]; k++)
				if (term_cell(t, b->id, b->line, sides[s][k],
				    v->tpl) == ck_cell(t, all[i].line,
				    b->line))
					return 1;
	}
	return 0;
}

static int
is_derived(const struct broken *b)
{
	const struct ck_table *t = ck_table(ck_table_index(b->id->table));

	return b->id->derived != NULL && b->id->per == IDENT_COLS &&
	    strcmp(t->cols[b->line], b->id->derived) == 0;
}

/*
 * The broken lines, identity by identity in template order.  A derived
 * line whose guard is broken on one of its rows is left out: the one
 * wrong total is told by the guard.
 */
int
ident_eval(const struct idvals *v, struct broken *b)
{
	struct broken all[IDENT_MAXBROKEN];
	size_t k;
	int n = 0, i, out = 0;

	for (k = 0; k < tmpl_nidents; k++)
		n = eval_ident(v, &tmpl_idents[k], all, n);
	for (i = 0; i < n; i++)
		if (!is_derived(&all[i]) || !all[i].id->after ||
		    !guard_broken(v, &all[i], all, n))
			b[out++] = all[i];
	return out;
}

static void
broken_where(const struct broken *b, char *where, size_t size)
{
	const struct ck_table *t = ck_table(ck_table_index(b->id->table));

	snprintf(where, size, "%s:%s:%s", t->name, b->id->name,
	    b->id->per == IDENT_ROWS ? t->rows[b->line] : t->cols[b->line]);
}

/* Warn about each blank cell of a broken line: it was taken as 0. */
static void
tell_blanks(struct report *r, unsigned tpl, const struct broken *b,
    const char *where)
{
	const struct ck_table *t = ck_table(ck_table_index(b->id->table));
	const char *const *sides[2] = {b->id->left, b->id->right};
	struct cell *c;
	char cw[96];
	int s, k, i;

	for (s = 0; s < 2; s++)
		for (k = 0; sides[s][k]; k++) {
			if ((i = term_cell(t, b->id, b->line, sides[s][k],
			    tpl)) < 0)
				continue;
			c = &r->cell[i];
			if (!c->blank || c->told)
				continue;
			c->told = 1;
			snprintf(cw, sizeof cw, "%s:%s:%s", t->name,
			    t->rows[(i - t->base) / t->ncols],
			    t->cols[(i - t->base) % t->ncols]);
			finding(r, r->source, R_BLANK, cw, "-", "", "%s not "
			    "stated; counted as 0, which breaks %s",
			    strcmp(t->cols[(i - t->base) % t->ncols],
			    "total") == 0 ? "total" : "cell", where);
		}
}

void
ident_report(struct report *r, unsigned tpl, const struct broken *b, int n)
{
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int i;

	for (i = 0; i < n; i++) {
		broken_where(&b[i], where, sizeof where);
		if (b[i].overflow) {
			finding(r, r->source, fnd_rule(b[i].id->rule), where,
			    "-", "-", "a sum out of range");
			continue;
		}
		num_format(b[i].expected, e);
		num_format(b[i].actual, a);
		finding(r, r->source, fnd_rule(b[i].id->rule), where, e, a,
		    b[i].id->says, e, a);
		tell_blanks(r, tpl, &b[i], where);
	}
}
