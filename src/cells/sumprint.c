/* gip-sum's output (sumprint.h). */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"
#include "sumprint.h"

/* The fields of a record: the key's one or its parts', then four. */
static const char **
fields(const struct sumprint *p)
{
	size_t np = p->columns ? sumby_nparts(p->by) : 1;

	if (np > INT_MAX - 4)
		gip_fatal("too many group key parts");
	return gip_xmalloc((np + 4) * sizeof(const char *));
}

/* One record: the group's key (one field, or its parts), then 4 fields. */
static void
put(const struct sumprint *p, struct rec_out *o, const struct sumgroup *g,
    const char *tbl, const char *row, const char *col, const char *value)
{
	const char **f = fields(p);
	const char *part;
	size_t i, n = 0, np = sumby_nparts(p->by);

	if (!p->columns)
		f[n++] = g->name;
	for (i = 0, part = g->key; p->columns && i < np; i++) {
		f[n++] = part;
		part += strlen(part) + 1;
	}
	f[n++] = tbl, f[n++] = row, f[n++] = col, f[n++] = value;
	rec_write(o, f, (int)n);
	free(f);
}

static void
put_header(const struct sumprint *p, struct rec_out *o)
{
	const char **f = fields(p);
	size_t i, n = 0, np = sumby_nparts(p->by);
	char *name;

	if (!p->columns)
		f[n++] = "source";
	for (i = 0; p->columns && i < np; i++) {
		name = gip_xmalloc(32);
		sumby_part_name(p->by, i, name, 32);
		f[n++] = name;
	}
	f[n++] = "tbl", f[n++] = "row", f[n++] = "col", f[n++] = "value";
	rec_write(o, f, (int)n);
	for (i = 0; p->columns && i < np; i++)
		free((char *)f[i]);
	free(f);
}

static void
put_count(const struct sumprint *p, struct rec_out *o, const struct sumgroup *g,
    const char *row, int64_t v)
{
	char buf[NUM_MAXLEN];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	put(p, o, g, "meta", row, "-", buf);
}

static void
put_group(const struct sumprint *p, struct rec_out *o, const struct sumgroup *g,
    const int *order)
{
	char buf[NUM_MAXLEN];
	const struct sumkey *k;
	size_t i;
	int f;

	for (i = 0; i < (size_t)p->by->nfield; i++)
		if ((f = p->by->field[i]) != F_SOURCE && g->meta[f])
			put(p, o, g, "meta", sum_field_names[f], "-",
			    g->meta[f]);
	put_count(p, o, g, "reports", g->reports);
	put_count(p, o, g, "blanks", g->blanks);
	if (g->unread > 0)
		put_count(p, o, g, "unread", g->unread);
	for (i = 0; i < p->keys->n; i++) {
		if (g->seen[order[i]] == SEEN_NONE)
			continue;
		k = &p->keys->v[order[i]];
		buf[0] = '\0';
		if (g->seen[order[i]] == SEEN_VALUE)
			num_format(g->sum[order[i]], buf);
		else if (g->seen[order[i]] == SEEN_UNREAD)
			strcpy(buf, "?");
		put(p, o, g, k->table, k->row, k->col, buf);
	}
}

void
sumprint(const struct sumprint *p)
{
	int *order = sumkeys_order(p->keys);
	struct rec_out o;
	int64_t unread = 0, groups = 0;
	size_t i;

	rec_init(&o, stdout, p->fmt, p->bom);
	sumgroups_sort(p->groups);
	if (p->header || p->fmt == REC_CSV)
		put_header(p, &o);
	for (i = 0; i < p->groups->n; i++) {
		sumgroup_reserve(&p->groups->v[i], p->keys->n);
		put_group(p, &o, &p->groups->v[i], order);
		if (p->groups->v[i].unread > 0 &&
		    num_add(&unread, p->groups->v[i].unread) == NUM_OK)
			groups++;
	}
	free(order);
	if (unread > 0 && !p->quiet)
		gip_warn(NULL, 0, "%" PRId64 " unread cells ('?') left out of "
		    "the totals of %" PRId64 " group%s (meta unread)", unread,
		    groups, groups == 1 ? "" : "s");
}

