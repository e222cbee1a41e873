/* The templates' cells numbered (cellkey.h). */
#include <string.h>

#include "cellkey.h"
#include "err.h"

static struct ck_table tables[CK_MAXTABLES];
static int ntables, ncells;
static unsigned celltpl[CK_MAXCELLS];
static unsigned char celltable[CK_MAXCELLS];	/* where each cell is */
static char cellkind[CK_MAXCELLS][CK_MAXTPL];

/* strcmp(a, b) == 0 for the short keys, without a call per key. */
static inline int
same(const char *a, const char *b)
{
	while (*a == *b) {
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
	return 0;
}

static int
find_key(const char *const *keys, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (keys[i][0] == s[0] && same(keys[i], s))
			return i;
	return -1;
}

/* ck_find_near when the key is not at near: from near on and around. */
int
ck_find_around(const struct ck_key *keys, int n, const char *s, size_t len,
    int near)
{
	int k, i;

	if (near < 0 || near >= n)
		near = 0;
	for (k = 0, i = near; k < n; k++, i = i + 1 < n ? i + 1 : 0)
		if (ck_is(&keys[i], s, len))
			return i;
	return -1;
}

/* A key as ck_is compares it. */
static struct ck_key
make_key(const char *s)
{
	unsigned char pad[16] = {0}, mask[16] = {0};
	struct ck_key k;

	k.len = strlen(s);
	if (k.len > sizeof pad)
		gip_fatal("template: key '%s' longer than %zu bytes", s,
		    sizeof pad);
	memcpy(pad, s, k.len);
	memset(mask, 0xff, k.len);
	memcpy(k.w, pad, sizeof pad);
	memcpy(k.m, mask, sizeof mask);
	return k;
}

static struct ck_table *
add_table(const char *name)
{
	int t = ck_table_index(name);

	if (t >= 0)
		return &tables[t];
	if (ntables == CK_MAXTABLES)
		gip_fatal("template: more than %d tables", CK_MAXTABLES);
	tables[ntables].name = name;
	tables[ntables].namekey = make_key(name);
	tables[ntables].index = ntables;
	return &tables[ntables++];
}

static void
add_row(const struct tmpl_row *tr)
{
	struct ck_table *t = add_table(tr->table);
	int i, j;

	if ((i = find_key(t->rows, t->nrows, tr->row)) < 0) {
		if (t->nrows == CK_MAXROWS)
			gip_fatal("template: more than %d rows", CK_MAXROWS);
		i = t->nrows++;
		t->rows[i] = tr->row;
		t->rowkey[i] = make_key(tr->row);
	}
	t->rowtpl[i] |= tr->templates;
	for (j = 0; tr->cols[j]; j++) {
		if (find_key(t->cols, t->ncols, tr->cols[j]) >= 0)
			continue;
		if (t->ncols == CK_MAXCOLS)
			gip_fatal("template: more than %d columns", CK_MAXCOLS);
		t->colkey[t->ncols] = make_key(tr->cols[j]);
		t->cols[t->ncols++] = tr->cols[j];
	}
}

/* Which templates have each cell, and its kind in each. */
static void
add_kinds(const struct tmpl_row *tr)
{
	const struct ck_table *t = &tables[ck_table_index(tr->table)];
	int i = ck_row(t, tr->row), j, c, b;

	if (tr->templates >> CK_MAXTPL)
		gip_fatal("template: more than %d templates", CK_MAXTPL);

	for (j = 0; tr->cols[j]; j++) {
		c = ck_cell(t, i, ck_col(t, tr->cols[j]));
		celltpl[c] |= tr->templates;
		for (b = 0; b < CK_MAXTPL; b++)
			if (tr->templates >> b & 1) {
				cellkind[c][b] = tr->kinds[j];
				tables[t - tables].colmask[i][b] |= (uint16_t)(1u <<
				    ck_col(t, tr->cols[j]));
			}
	}
}

void
ck_init(void)
{
	size_t k;
	int t;

	if (ntables > 0)
		return;
	for (k = 0; k < tmpl_nrows; k++)
		add_row(&tmpl_rows[k]);
	for (t = 0; t < ntables; t++) {
		tables[t].base = ncells;
		ncells += tables[t].nrows * tables[t].ncols;
		if (ncells > CK_MAXCELLS)
			gip_fatal("template: more than %d cells", CK_MAXCELLS);
		memset(celltable + tables[t].base, t, ncells - tables[t].base);
	}
	for (k = 0; k < tmpl_nrows; k++)
		add_kinds(&tmpl_rows[k]);
}

int
ck_ntables(void)
{
	return ntables;
}

int
ck_ncells(void)
{
	return ncells;
}

const struct ck_table *
ck_table(int t)
{
	return &tables[t];
}

int
ck_table_index(const char *name)
{
	int t;

	for (t = 0; t < ntables; t++)
		if (same(tables[t].name, name))
			return t;
	return -1;
}

int
ck_row(const struct ck_table *t, const char *row)
{
	return find_key(t->rows, t->nrows, row);
}

int
ck_col(const struct ck_table *t, const char *col)
{
	return find_key(t->cols, t->ncols, col);
}

const struct ck_table *
ck_table_named(const char *s, size_t n)
{
	int t;

	for (t = 0; t < ntables; t++)
		if (ck_is(&tables[t].namekey, s, n))
			return &tables[t];
	return NULL;
}

const struct ck_table *
ck_place(int c, int *row, int *col)
{
	const struct ck_table *t = &tables[celltable[c]];

	*row = (c - t->base) / t->ncols;
	*col = (c - t->base) % t->ncols;
	return t;
}

int
ck_in_template(const struct ck_table *t, int i, int j, unsigned tpl)
{
	return (celltpl[ck_cell(t, i, j)] & tpl) != 0;
}

unsigned
ck_cell_templates(const struct ck_table *t, int i, int j)
{
	return celltpl[ck_cell(t, i, j)];
}

int
ck_kind(const struct ck_table *t, int i, int j, unsigned tpl)
{
	return tpl ? cellkind[ck_cell(t, i, j)][__builtin_ctz(tpl)] : 0;
}

/* Rows are numbered by their place in the template: 3.6.1 is in 3.6. */
static int
within(const char *row, const char *group)
{
	size_t n = strlen(group);

	return strncmp(row, group, n) == 0 && row[n] == '.';
}

int
ck_rows_related(const char *a, const char *b)
{
	return within(a, b) || within(b, a);
}

int
ck_kind_for(const struct ck_table *t, int i, int j, unsigned tpl)
{
	int c = ck_cell(t, i, j);
	unsigned other = celltpl[c] & ~tpl;

	if (celltpl[c] & tpl)
		return cellkind[c][__builtin_ctz(tpl)];
	return other ? cellkind[c][__builtin_ctz(other)] : 0;
}
