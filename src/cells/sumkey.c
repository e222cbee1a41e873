/* The cell keys of a sum (sumkey.h). */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sumkey.h"
#include "tmpl.h"

#define UNKNOWN_RANK	INT_MAX

void
sumkeys_init(struct sumkeys *ks)
{
	memset(ks, 0, sizeof *ks);
	ks->first = -1;
}

void
sumkeys_free(struct sumkeys *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++)
		free(ks->v[i].table);
	free(ks->v);
	free(ks->scratch);
	hash_free(&ks->index);
	sumkeys_init(ks);
}

/* Positions in tmpl.h: table, first row entry, column over both entries. */
static void
rank_key(struct sumkey *k)
{
	static const char *const tables[] = {"t2", "t3", "t4", "prose"};
	size_t i;
	int c;

	k->rank[0] = k->rank[1] = k->rank[2] = UNKNOWN_RANK;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(k->table, tables[i]) == 0)
			k->rank[0] = (int)i;
	for (i = 0; i < tmpl_nprose && k->rank[0] == 3; i++)
		if (strcmp(k->row, tmpl_prose[i].row) == 0) {
			k->rank[1] = (int)i;
			if (strcmp(k->col, "-") == 0)
				k->rank[2] = 0;
		}
	for (i = 0; i < tmpl_nrows; i++) {
		if (strcmp(tmpl_rows[i].table, k->table) != 0 ||
		    strcmp(tmpl_rows[i].row, k->row) != 0)
			continue;
		if (k->rank[1] == UNKNOWN_RANK)
			k->rank[1] = (int)i;
		c = tmpl_col_index(&tmpl_rows[i], k->col);
		if (c >= 0 && k->rank[2] == UNKNOWN_RANK)
			k->rank[2] = (int)i * (TMPL_MAXCOLS + 1) + c;
	}
}

static int
is_36x(const struct sumkey *k)
{
	return strcmp(k->table, "t3") == 0 && (strcmp(k->row, "3.6.1") == 0 ||
	    strcmp(k->row, "3.6.2") == 0 || strcmp(k->row, "3.6.3") == 0);
}

/* "t\0r\0c" in the scratch buffer; returns its length. */
static size_t
compose(struct sumkeys *ks, const char *t, size_t tn, const char *r,
    size_t rn, const char *c, size_t cn)
{
	size_t n = tn + rn + cn + 2;

	if (tn > SIZE_MAX / 4 || rn > SIZE_MAX / 4 || cn > SIZE_MAX / 4)
		gip_fatal("cell key too long");
	if (n + 1 > ks->scratchcap) {
		ks->scratchcap = (n + 1) * 2;
		ks->scratch = gip_xrealloc(ks->scratch, ks->scratchcap);
	}
	memcpy(ks->scratch, t, tn);
	ks->scratch[tn] = '\0';
	memcpy(ks->scratch + tn + 1, r, rn);
	ks->scratch[tn + 1 + rn] = '\0';
	memcpy(ks->scratch + tn + rn + 2, c, cn);
	ks->scratch[n] = '\0';
	return n;
}

/* The number of the key in the scratch buffer (n bytes), added if new. */
static int
lookup(struct sumkeys *ks, size_t n, size_t tn, size_t rn, size_t cn)
{
	struct sumkey *k;
	size_t id;
	char *s;

	if (hash_find(&ks->index, ks->scratch, n, &id))
		return (int)id;
	if (ks->n >= INT_MAX)
		gip_fatal("too many cell keys");
	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 256;
		ks->v = gip_xrealloc(ks->v, ks->cap * sizeof ks->v[0]);
	}
	k = &ks->v[ks->n];
	s = gip_xmalloc(n + 1 + CELLS_PAD);	/* key_is reads words */
	memset(s + n, 0, 1 + CELLS_PAD);
	memcpy(s, ks->scratch, n);
	k->table = s, k->row = s + tn + 1, k->col = s + tn + rn + 2;
	k->tlen = tn, k->rlen = rn, k->clen = cn;
	k->rollup = k->next = -1;
	k->is36 = strcmp(k->table, "t3") == 0 && strcmp(k->row, "3.6") == 0;
	rank_key(k);
	hash_put(&ks->index, ks->scratch, n, ks->n);
	return (int)ks->n++;
}

static int
key_id(struct sumkeys *ks, const char *t, size_t tn, const char *r,
    size_t rn, const char *c, size_t cn)
{
	size_t had = ks->n;
	int id, up;

	id = lookup(ks, compose(ks, t, tn, r, rn, c, cn), tn, rn, cn);
	if (ks->n > had && is_36x(&ks->v[id])) {
		up = key_id(ks, "t3", 2, "3.6", 3, c, cn);
		ks->v[id].rollup = up;
	}
	return id;
}

/* sumkeys_id when the key that followed prev last time is not rec's. */
int
sumkeys_id_hashed(struct sumkeys *ks, const struct cells_rec *rec, int prev)
{
	int id = key_id(ks, rec->field[CELL_TABLE], rec->len[CELL_TABLE],
	    rec->field[CELL_ROW], rec->len[CELL_ROW], rec->field[CELL_COL],
	    rec->len[CELL_COL]);

	if (prev < 0)
		ks->first = id;
	else
		ks->v[prev].next = id;
	return id;
}

static int
cmp_rank(int a, int b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_key(const void *a, const void *b, void *arg)
{
	const struct sumkey *v = arg;
	const struct sumkey *x = &v[*(const int *)a], *y = &v[*(const int *)b];
	int c;

	if ((c = cmp_rank(x->rank[0], y->rank[0])) != 0 ||
	    (c = cmp_rank(x->rank[1], y->rank[1])) != 0)
		return c;
	if ((c = strcmp(x->row, y->row)) != 0 ||
	    (c = cmp_rank(x->rank[2], y->rank[2])) != 0)
		return c;
	return strcmp(x->col, y->col);
}

int *
sumkeys_order(const struct sumkeys *ks)
{
	int *order = gip_xmalloc((ks->n + 1) * sizeof order[0]);
	size_t i;

	for (i = 0; i < ks->n; i++)
		order[i] = (int)i;
	qsort_r(order, ks->n, sizeof order[0], cmp_key, ks->v);
	return order;
}
