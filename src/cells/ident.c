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

/*
 * The identities with their terms looked up once: the table's index and,
 * for each term of each side, its row (IDENT_COLS) or column (IDENT_ROWS)
 * index, -1 for a key the table does not have.  Built on the first
 * ident_load, read-only after: every report walks the identities many
 * times, and a key looked up by name each time was most of the check.
 *
 * Each line of each identity is compiled too, into a run of terms of one
 * flat array: the cell a term adds and the row whose idvals counts says
 * whether it counts (a column's term row; for IDENT_ROWS the line's own
 * row, which counts or the line is not walked).  A line's sum is then
 * one pass over its run, left side first.
 */
#define IDENT_MAX	32

struct ident_term {
	uint16_t	 cell;
	uint8_t		 row;
};

struct ident_line {
	uint32_t	 at;		/* its first term in lineterms */
	uint8_t		 n[2];		/* left, right */
};

struct ident_terms {
	const struct ck_table *t;
	int		 k;
	int		 term[2][TMPL_MAXTERMS];	/* left, right */
	int		 nterm[2];
	int		 nlines;
	struct ident_line line[CK_MAXROWS > CK_MAXCOLS ? CK_MAXROWS :
			    CK_MAXCOLS];
};

static struct ident_terms terms[IDENT_MAX];
static size_t nterms;
static struct ident_term *lineterms;
static size_t nlineterms;

_Static_assert(CK_MAXCELLS <= 65536 && CK_MAXROWS <= 256,
    "a compiled term's cell and row");

static void
add_term(size_t *cap, int cell, int row)
{
	if (nlineterms == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		lineterms = gip_xrealloc(lineterms, *cap * sizeof lineterms[0]);
	}
	lineterms[nlineterms].cell = (uint16_t)cell;
	lineterms[nlineterms++].row = (uint8_t)row;
}

static void
compile_lines(struct ident_terms *it, int rows, size_t *cap)
{
	const struct ck_table *t = it->t;
	int line, s, m, i;

	it->nlines = rows ? t->nrows : t->ncols;
	for (line = 0; line < it->nlines; line++) {
		it->line[line].at = (uint32_t)nlineterms;
		for (s = 0; s < 2; s++) {
			it->line[line].n[s] = 0;
			for (m = 0; m < it->nterm[s]; m++) {
				if ((i = it->term[s][m]) < 0)
					continue;
				if (rows)
					add_term(cap, ck_cell(t, line, i), line);
				else
					add_term(cap, ck_cell(t, i, line), i);
				it->line[line].n[s]++;
			}
		}
	}
}

static void
compile_terms(void)
{
	const struct tmpl_ident *id;
	const struct ck_table *t;
	const char *const *sides[2];
	size_t n, cap = 0;
	int s, m;

	if (nterms == tmpl_nidents)
		return;
	if (tmpl_nidents > IDENT_MAX)
		gip_fatal("template: more than %d identities", IDENT_MAX);
	for (n = 0; n < tmpl_nidents; n++) {
		id = &tmpl_idents[n];
		if ((terms[n].k = ck_table_index(id->table)) < 0)
			gip_fatal("template: identity %s names no table",
			    id->rule);
		t = terms[n].t = ck_table(terms[n].k);
		sides[0] = id->left;
		sides[1] = id->right;
		for (s = 0; s < 2; s++) {
			for (m = 0; sides[s][m]; m++)
				terms[n].term[s][m] = id->per == IDENT_ROWS ?
				    ck_col(t, sides[s][m]) :
				    ck_row(t, sides[s][m]);
			terms[n].nterm[s] = m;
		}
		compile_lines(&terms[n], id->per == IDENT_ROWS, &cap);
	}
	nterms = tmpl_nidents;
}

static const struct ident_terms *
id_terms(const struct tmpl_ident *id)
{
	return &terms[id - tmpl_idents];
}

/* A cell given is seen (and so its row printed): unknown only unread. */
void
ident_load(struct report *r, unsigned tpl, struct idvals *v)
{
	const struct ck_table *t;
	int k, i;

	compile_terms();
	v->tpl = tpl;
	v->cell = r->cell;
	for (k = 0; k < ck_ntables(); k++) {
		t = ck_table(k);
		for (i = 0; i < t->nrows; i++) {
			v->printed[k][i] = report_row_seen(r, t, i);
			v->counts[k][i] = v->printed[k][i] ||
			    (t->rowtpl[i] & tpl);
		}
	}
}

static int
tindex(const struct tmpl_ident *id)
{
	return id_terms(id)->k;
}

/*
 * The cell of term m of side s (0 left, 1 right) on a line, or -1 when
 * the term does not count.
 */
static inline int
term_cell(const struct idvals *v, const struct tmpl_ident *id, int line,
    int s, int m)
{
	const struct ident_terms *it = id_terms(id);
	const struct ck_table *t = it->t;
	int i = it->term[s][m];

	if (i < 0)
		return -1;
	if (id->per == IDENT_ROWS)
		return ck_cell(t, line, i);
	if (!(t->rowtpl[i] & v->tpl) && !v->printed[it->k][i])
		return -1;
	return ck_cell(t, i, line);
}

/*
 * Add up the n compiled terms at tm; 0 when a term is unknown, -1 when
 * the sum overflows (every line of every identity of every report comes
 * here).
 */
static inline int
side_sum(const struct idvals *v, int k, const struct ident_term *tm, int n,
    int64_t *sum)
{
	const unsigned char *counts = v->counts[k], *printed = v->printed[k];
	const struct cell *c;
	int64_t s = 0;
	int ok = 1;

	for (; n > 0; n--, tm++) {
		if (!counts[tm->row])
			continue;
		c = &v->cell[tm->cell];
		if (c->unread | (printed[tm->row] ^ c->seen))
			ok = 0;
		if (__builtin_add_overflow(s, c->v, &s)) {
			*sum = s;
			return -1;
		}
	}
	*sum = s;
	return ok;
}

/* 1: broken (in *b), 0: holds, -1: not checked (an unknown term). */
static int
eval_line(const struct idvals *v, const struct tmpl_ident *id, int line,
    struct broken *b)
{
	const struct ident_terms *it = id_terms(id);
	const struct ident_line *il = &it->line[line];
	const struct ident_term *tm = &lineterms[il->at];
	int64_t l, r;
	int okl, okr;

	okl = side_sum(v, it->k, tm, il->n[0], &l);
	okr = side_sum(v, it->k, tm + il->n[0], il->n[1], &r);
	if (okl == 0 || okr == 0)
		return -1;
	if (okl > 0 && okr > 0 && l == r)
		return 0;
	b->id = id;
	b->line = line;
	b->overflow = okl < 0 || okr < 0;
	b->expected = l;
	b->actual = r;
	return 1;
}

static int
nlines(const struct tmpl_ident *id, int line)
{
	return line < id_terms(id)->nlines;
}

static int
line_applies(const struct idvals *v, const struct tmpl_ident *id, int line)
{
	return id->per == IDENT_COLS || v->counts[tindex(id)][line];
}

static int
eval_ident(const struct idvals *v, const struct tmpl_ident *id,
    struct broken *b, int n)
{
	const struct ident_terms *it = id_terms(id);
	const unsigned char *counts = v->counts[it->k];
	int line, rows = id->per == IDENT_ROWS;

	for (line = 0; line < it->nlines && n < IDENT_MAXBROKEN; line++)
		if (!rows || counts[line])
			n += eval_line(v, id, line, &b[n]) > 0;
	return n;
}

static int
uses_cell(const struct idvals *v, const struct tmpl_ident *id, int line,
    int cell)
{
	const char *const *sides[2] = {id->left, id->right};
	int s, k;

	for (s = 0; s < 2; s++)
		for (k = 0; sides[s][k]; k++)
			if (term_cell(v, id, line, s, k) == cell)
				return 1;
	return 0;
}

/* Is b's guard identity broken on a row that b's line uses? */
static int
guard_broken(const struct idvals *v, const struct broken *b,
    const struct broken *all, int n)
{
	const struct ck_table *t = ck_table(tindex(b->id));
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(all[i].id->rule, b->id->after) == 0 &&
		    uses_cell(v, b->id, b->line, ck_cell(t, all[i].line,
		    b->line)))
			return 1;
	return 0;
}

static int
is_derived(const struct broken *b)
{
	const struct ck_table *t = ck_table(tindex(b->id));

	return b->id->derived != NULL && b->id->after != NULL &&
	    b->id->per == IDENT_COLS &&
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
		if (!is_derived(&all[i]) || !guard_broken(v, &all[i], all, n))
			b[out++] = all[i];
	return out;
}

static void
line_where(const struct tmpl_ident *id, int line, char *where, size_t size)
{
	const struct ck_table *t = ck_table(tindex(id));

	snprintf(where, size, "%s:%s:%s", t->name, id->name,
	    id->per == IDENT_ROWS ? t->rows[line] : t->cols[line]);
}

/* Where a broken line is: its right side, the figure that disagrees. */
static long
line_line(const struct report *r, const struct idvals *v,
    const struct broken *b)
{
	const char *const *sides[2] = {b->id->right, b->id->left};
	int s, k, c;

	for (s = 0; s < 2; s++)
		for (k = 0; sides[s][k]; k++)
			if ((c = term_cell(v, b->id, b->line, 1 - s,
			    k)) >= 0 && r->cell[c].line > 0)
				return r->cell[c].line;
	return 0;
}

static void
cell_where(int c, char *buf, size_t size)
{
	const struct ck_table *t;
	int k;

	for (k = 0; k < ck_ntables(); k++) {
		t = ck_table(k);
		if (c >= t->base && c < t->base + t->nrows * t->ncols)
			snprintf(buf, size, "%s:%s:%s", t->name,
			    t->rows[(c - t->base) / t->ncols],
			    t->cols[(c - t->base) % t->ncols]);
	}
}

/* Is cell c a total of the identity: its derived column, or a row's sum? */
static int
is_total(const struct tmpl_ident *id, int c)
{
	const struct ck_table *t = ck_table(tindex(id));
	const char *col = t->cols[(c - t->base) % t->ncols];
	int k;

	if (id->derived && strcmp(col, id->derived) == 0)
		return 1;
	for (k = 0; id->per == IDENT_ROWS && id->right[k]; k++)
		if (strcmp(col, id->right[k]) == 0)
			return 1;
	return 0;
}

/* Warn about each blank cell of a broken line: it was taken as 0. */
static void
tell_blanks(struct report *r, const struct idvals *v, const struct broken *b,
    const char *where)
{
	const char *const *sides[2] = {b->id->left, b->id->right};
	struct cell *c;
	char cw[96];
	int s, k, i;

	for (s = 0; s < 2; s++)
		for (k = 0; sides[s][k]; k++) {
			if ((i = term_cell(v, b->id, b->line, s, k)) < 0)
				continue;
			c = &r->cell[i];
			if (!c->blank || c->told)
				continue;
			c->told = 1;
			cell_where(i, cw, sizeof cw);
			finding(r, r->source, c->line, R_BLANK, cw, "-", "",
			    "%s not stated; counted as 0, which breaks %s",
			    is_total(b->id, i) ? "total" : "cell", where);
		}
}

/*
 * The term rows of a broken column that the report left out, as
 * "; row 3.3.4 is not in the report (counted as 0)".  A row another
 * printed row stands in for (3.6.1 for 3.6) is not left out.
 */
static void
omitted_terms(const struct idvals *v, const struct broken *b, char *buf,
    size_t size)
{
	const char *const *sides[2] = {b->id->left, b->id->right};
	int k = tindex(b->id), s, m, i, j, n = 0, stood;
	const struct ck_table *t = ck_table(k);
	char names[128] = "";
	size_t len;

	buf[0] = '\0';
	if (b->id->per != IDENT_COLS)
		return;
	for (s = 0; s < 2; s++)
		for (m = 0; sides[s][m]; m++) {
			i = id_terms(b->id)->term[s][m];
			if (i < 0 || term_cell(v, b->id, b->line, s, m) < 0 ||
			    v->printed[k][i])
				continue;
			for (stood = 0, j = 0; j < t->nrows; j++)
				stood |= v->printed[k][j] &&
				    ck_rows_related(t->rows[i], t->rows[j]);
			if (stood)
				continue;
			len = strlen(names);
			snprintf(names + len, sizeof names - len, "%s%s",
			    n++ ? ", " : "", t->rows[i]);
		}
	if (n > 0)
		snprintf(buf, size, "; %s %s %s not in the report (counted "
		    "as 0)", n > 1 ? "rows" : "row", names, n > 1 ? "are" :
		    "is");
}

void
ident_report(struct report *r, const struct idvals *v, const struct broken *b,
    int n)
{
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN], says[256], left[256];
	int i, rule;

	for (i = 0; i < n; i++) {
		line_where(b[i].id, b[i].line, where, sizeof where);
		rule = fnd_rule(b[i].id->rule);
		if (b[i].overflow) {
			finding(r, r->source, line_line(r, v, &b[i]), rule,
			    where, "-", "-", "a sum out of range");
			continue;
		}
		num_format(b[i].expected, e);
		num_format(b[i].actual, a);
		snprintf(says, sizeof says, b[i].id->says, e, a);
		omitted_terms(v, &b[i], left, sizeof left);
		finding(r, r->source, line_line(r, v, &b[i]), rule, where, e,
		    a, "%s%s", says, left);
		tell_blanks(r, v, &b[i], where);
	}
}

/* "t3-sum7 natural, total; t3-row 3.3.4" */
void
ident_skipped(const struct idvals *v, int k, int i, char *buf, size_t size)
{
	const struct ck_table *t = ck_table(k);
	const struct tmpl_ident *id;
	struct broken scratch;
	const char *key;
	size_t n, len;
	int line, j, first;

	buf[0] = '\0';
	for (n = 0; n < tmpl_nidents; n++) {
		if (tindex(id = &tmpl_idents[n]) != k)
			continue;
		for (first = 1, line = 0; nlines(id, line); line++) {
			if (!line_applies(v, id, line) ||
			    eval_line(v, id, line, &scratch) >= 0)
				continue;
			for (j = 0; j < t->ncols; j++)
				if (ident_unknown(v, k, i, ck_cell(t, i, j)) &&
				    uses_cell(v, id, line, ck_cell(t, i, j)))
					break;
			if (j == t->ncols)
				continue;
			key = id->per == IDENT_ROWS ? t->rows[line] :
			    t->cols[line];
			len = strlen(buf);
			if (first)
				snprintf(buf + len, size - len, "%s%s %s",
				    len ? "; " : "", id->rule, key);
			else
				snprintf(buf + len, size - len, ", %s", key);
			first = 0;
		}
	}
}
