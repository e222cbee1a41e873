/* The groups of a sum (sumgroup.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "sumgroup.h"

static char *
join_parts(const char *key, size_t keylen)
{
	char *name = gip_xmalloc(keylen);
	size_t i;

	for (i = 0; i + 1 < keylen; i++)
		name[i] = key[i] ? key[i] : '/';
	name[keylen - 1] = '\0';
	return name;
}

struct sumgroup *
sumgroups_get(struct sumgroups *gs, const char *key, size_t keylen)
{
	struct sumgroup *g;
	size_t id;

	if (hash_find(&gs->index, key, keylen, &id))
		return &gs->v[id];
	if (gs->n == gs->cap) {
		if (gs->cap > SIZE_MAX / 2 / sizeof gs->v[0])
			gip_fatal("too many groups");
		gs->cap = gs->cap ? gs->cap * 2 : 16;
		gs->v = gip_xrealloc(gs->v, gs->cap * sizeof gs->v[0]);
	}
	g = &gs->v[gs->n];
	memset(g, 0, sizeof *g);
	g->key = memcpy(gip_xmalloc(keylen), key, keylen);
	g->keylen = keylen;
	g->name = join_parts(key, keylen);
	hash_put(&gs->index, key, keylen, gs->n++);
	return g;
}

void
sumgroup_reserve(struct sumgroup *g, size_t nkeys)
{
	size_t cap = g->cap ? g->cap : 256;

	if (nkeys <= g->cap)
		return;
	while (cap < nkeys) {
		if (cap > SIZE_MAX / 2 / sizeof g->sum[0])
			gip_fatal("too many cell keys");
		cap *= 2;
	}
	g->sum = gip_xrealloc(g->sum, cap * sizeof g->sum[0]);
	g->seen = gip_xrealloc(g->seen, cap);
	memset(g->sum + g->cap, 0, (cap - g->cap) * sizeof g->sum[0]);
	memset(g->seen + g->cap, 0, cap - g->cap);
	g->cap = cap;
}

int
sumgroup_add(struct sumgroup *g, int id, const struct cells_rec *c)
{
	return sumgroup_add_value(g, id, c->blank, c->unread, c->value);
}

static int
merge_group(struct sumgroups *into, struct sumgroup *g, size_t nkeys)
{
	struct sumgroup *t;
	size_t had = into->n, k;
	int f;

	t = sumgroups_get(into, g->key, g->keylen);
	for (f = 0; into->n > had && f < SUM_NFIELDS; f++)
		t->meta[f] = g->meta[f], g->meta[f] = NULL;
	sumgroup_reserve(t, nkeys);
	sumgroup_reserve(g, nkeys);
	if (num_add(&t->reports, g->reports) || num_add(&t->blanks, g->blanks) ||
	    num_add(&t->unread, g->unread))
		return NUM_RANGE;
	for (k = 0; k < nkeys; k++) {
		if (g->seen[k] > t->seen[k])
			t->seen[k] = g->seen[k];
		if (num_add(&t->sum[k], g->sum[k]) != NUM_OK)
			return NUM_RANGE;
	}
	return NUM_OK;
}

int
sumgroups_merge(struct sumgroups *into, struct sumgroups *from, size_t nkeys)
{
	size_t i;
	int rc = NUM_OK;

	for (i = 0; i < from->n && rc == NUM_OK; i++)
		rc = merge_group(into, &from->v[i], nkeys);
	sumgroups_clear(from);
	return rc;
}

void
sumgroups_clear(struct sumgroups *gs)
{
	struct sumgroup *g;
	size_t i;
	int f;

	for (i = 0; i < gs->n; i++) {
		g = &gs->v[i];
		for (f = 0; f < SUM_NFIELDS; f++)
			free(g->meta[f]);
		free(g->key);
		free(g->name);
		free(g->sum);
		free(g->seen);
	}
	gs->n = 0;
	hash_clear(&gs->index);
}

static int
cmp_group(const void *a, const void *b)
{
	const struct sumgroup *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	c = memcmp(x->key, y->key, x->keylen < y->keylen ? x->keylen :
	    y->keylen);
	return c ? c : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

/* The index is rebuilt: groups move. */
void
sumgroups_sort(struct sumgroups *gs)
{
	size_t i;

	if (gs->n == 0)
		return;			/* v may be NULL: no qsort */
	qsort(gs->v, gs->n, sizeof gs->v[0], cmp_group);
	hash_clear(&gs->index);
	for (i = 0; i < gs->n; i++)
		hash_put(&gs->index, gs->v[i].key, gs->v[i].keylen, i);
}
