/* A row's numbers placed among its columns by its identities (roplace.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roplace.h"
#include "tmpl.h"

/* The readings being made of one run of rows. */
struct readings {
	struct tcell *const *c;
	int		 m;
	const long long	*v;
	int		 n;
	long long	 cur[ROPLACE_MAXCELLS];	/* the reading being made */
	unsigned char	 printed[ROPLACE_MAXCELLS];	/* a number there */
	struct roplace_row *keep;	/* the readings, or NULL */
	long long	 val[ROPLACE_MAXCELLS];	/* the first reading's */
	int		 differ[ROPLACE_MAXCELLS];	/* readings disagree */
	int		 some_printed[ROPLACE_MAXCELLS];
	int		 count;
};

/* Is name (a column, a row) among list's? */
static int
listed(const char *const *list, const char *name)
{
	for (; *list; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/* Does the reading rd->cur keep each row's identities (blank = 0)?
 * Counts are at most 12 digits (readorder's), so the sums hold. */
static int
keeps_identities(const struct readings *rd)
{
	const struct tmpl_ident *id;
	long long left, right;
	size_t k;
	int i, j;

	for (k = 0; k < tmpl_nidents; k++) {
		id = &tmpl_idents[k];
		if (id->per != IDENT_ROWS ||
		    strcmp(id->table, rd->c[0]->table) != 0)
			continue;
		for (i = 0; i < rd->m; i = j) {
			left = right = 0;
			for (j = i; j < rd->m &&
			    strcmp(rd->c[j]->row, rd->c[i]->row) == 0; j++) {
				if (listed(id->left, rd->c[j]->col))
					left += rd->cur[j];
				if (listed(id->right, rd->c[j]->col))
					right += rd->cur[j];
			}
			if (left != right)
				return 0;
		}
	}
	return 1;
}

static void
note_reading(struct readings *rd)
{
	int i;

	for (i = 0; i < rd->m; i++) {
		if (rd->count == 0)
			rd->val[i] = rd->cur[i];
		else if (rd->val[i] != rd->cur[i])
			rd->differ[i] = 1;
		rd->some_printed[i] |= rd->printed[i];
	}
	if (rd->keep != NULL && rd->count < ROPLACE_MAXREAD) {
		memcpy(rd->keep->val[rd->count], rd->cur, sizeof rd->cur);
		memcpy(rd->keep->printed[rd->count], rd->printed,
		    sizeof rd->printed);
	}
	rd->count++;
}

/* Cells i.. take numbers j..: each cell a number or a blank, in order. */
static void
read_from(struct readings *rd, int i, int j)
{
	if (j == rd->n) {
		for (; i < rd->m; i++)
			rd->cur[i] = 0, rd->printed[i] = 0;
		if (keeps_identities(rd))
			note_reading(rd);
		return;
	}
	if (rd->m - i < rd->n - j)
		return;
	rd->cur[i] = rd->v[j], rd->printed[i] = 1;
	read_from(rd, i + 1, j + 1);
	if (rd->m - i - 1 >= rd->n - j) {
		rd->cur[i] = 0, rd->printed[i] = 0;
		read_from(rd, i + 1, j);
	}
}

/* Cell i's value all readings agree on into cell (a count, or '' when
 * none printed a number there); '?' when they differ. */
static void
set_agreed(struct tcell *cell, int differ, int printed, long long val)
{
	if (differ)
		strcpy(cell->val, CELL_UNREAD);
	else if (!printed)
		cell->val[0] = '\0';
	else	/* blank and 0 alike: a number every reading gives */
		snprintf(cell->val, sizeof cell->val, "%lld", val);
}

static int
make_readings(struct readings *rd, struct tcell *const *c, int m,
    const long long *v, int n, struct roplace_row *keep)
{
	if (m > ROPLACE_MAXCELLS || n <= 0 || n >= m)
		return 0;
	memset(rd, 0, sizeof *rd);
	rd->c = c, rd->m = m, rd->v = v, rd->n = n, rd->keep = keep;
	read_from(rd, 0, 0);
	return rd->count;
}

int
roplace_rows(struct tcell *const *c, int m, const long long *v, int n,
    int only_unread)
{
	struct readings rd;
	int i;

	if (make_readings(&rd, c, m, v, n, NULL) == 0)
		return 0;
	for (i = 0; i < m; i++)
		if (!only_unread || strcmp(c[i]->val, CELL_UNREAD) == 0)
			set_agreed(c[i], rd.differ[i], rd.some_printed[i],
			    rd.val[i]);
	return rd.count;
}

int
roplace_readings(struct roplace_row *rw, const long long *v, int n)
{
	struct readings rd;

	rw->nread = make_readings(&rd, rw->c, rw->m, v, n, rw);
	if (rw->nread > ROPLACE_MAXREAD)
		rw->nread = 0;
	return rw->nread;
}

/* ---- table 3's column identities */

/* The most sums the other rows of an identity may make for a row's
 * readings to be tested against them. */
#define MAXSUMS 4096

struct sums {
	long long	 s[MAXSUMS];
	int		 n;
};

static int
cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* The sums r + sign * d for each d of row rw's column k; 0 if too many. */
static int
sums_add(struct sums *r, const struct roplace_row *rw, int k, int sign)
{
	static struct sums out;
	long long d[ROPLACE_MAXREAD];
	int i, j, nd = 0, n = 0;

	for (j = 0; j < rw->nread; j++) {	/* its values, once each */
		for (i = 0; i < nd && d[i] != rw->val[j][k]; i++)
			;
		if (i == nd)
			d[nd++] = rw->val[j][k];
	}
	for (i = 0; i < r->n; i++)
		for (j = 0; j < nd; j++) {
			if (n == MAXSUMS)
				return 0;
			out.s[n++] = r->s[i] + sign * d[j];
		}
	qsort(out.s, (size_t)n, sizeof out.s[0], cmp_ll);
	for (i = j = 0; i < n; i++)
		if (j == 0 || out.s[j - 1] != out.s[i])
			out.s[j++] = out.s[i];
	memcpy(r->s, out.s, (size_t)j * sizeof r->s[0]);
	r->n = j;
	return 1;
}

/* The sign of row rw in identity id: +1 left, -1 right, 0 none. */
static int
sign_of(const struct tmpl_ident *id, const struct roplace_row *rw)
{
	if (listed(id->left, rw->c[0]->row))
		return 1;
	if (listed(id->right, rw->c[0]->row))
		return -1;
	return 0;
}

/* Does every row of the template the identity names have its row in
 * rw, and is every row it names known or read? */
static int
terms_there(const struct tmpl_ident *id, const struct roplace_row *rw,
    int n, unsigned tpl)
{
	const char *const *lists[2] = { id->left, id->right };
	const char *const *l;
	int i, k, found;

	for (k = 0; k < 2; k++)
		for (l = lists[k]; *l; l++) {
			for (i = found = 0; i < n && !found; i++)
				found = strcmp(rw[i].c[0]->row, *l) == 0;
			if (!found && tmpl_find("t3", *l, tpl) != NULL)
				return 0;
		}
	for (i = 0; i < n; i++)
		if (sign_of(id, &rw[i]) != 0 && rw[i].nread == 0)
			return 0;
	return 1;
}

/* Row t's column `col`: its place among the row's cells, -1 if none. */
static int
col_at(const struct roplace_row *rw, const char *col)
{
	int k;

	for (k = 0; k < rw->m; k++)
		if (strcmp(rw->c[k]->col, col) == 0)
			return k;
	return -1;
}

/*
 * In column col of identity id, drop the readings of row t that no
 * readings of the other rows make add up.  How many it dropped; -1 when
 * the sums are too many to tell.
 */
static int
prune(const struct tmpl_ident *id, struct roplace_row *rw, int n, int t,
    const char *col)
{
	static struct sums r;
	int i, j, k, st, dropped = 0;
	long long want;

	if ((st = sign_of(id, &rw[t])) == 0 || (k = col_at(&rw[t], col)) < 0)
		return 0;
	r.s[0] = 0, r.n = 1;
	for (i = 0; i < n; i++) {
		if (i == t || sign_of(id, &rw[i]) == 0)
			continue;
		if (col_at(&rw[i], col) < 0 ||
		    !sums_add(&r, &rw[i], col_at(&rw[i], col),
		    sign_of(id, &rw[i])))
			return -1;
	}
	for (i = j = 0; i < rw[t].nread; i++) {
		want = -st * rw[t].val[i][k];
		if (bsearch(&want, r.s, (size_t)r.n, sizeof r.s[0],
		    cmp_ll) == NULL) {
			dropped++;
			continue;
		}
		if (i != j) {
			memcpy(rw[t].val[j], rw[t].val[i], sizeof rw[t].val[0]);
			memcpy(rw[t].printed[j], rw[t].printed[i],
			    sizeof rw[t].printed[0]);
		}
		j++;
	}
	rw[t].nread = j;
	return dropped;
}

void
roplace_columns(struct roplace_row *rw, int n, unsigned tpl)
{
	const struct tmpl_ident *id;
	const char *col;
	size_t k;
	int t, c, i, changed, dropped, differ, printed;

	do {
		changed = 0;
		for (k = 0; k < tmpl_nidents; k++) {
			id = &tmpl_idents[k];
			if (id->per != IDENT_COLS ||
			    strcmp(id->table, "t3") != 0 ||
			    !terms_there(id, rw, n, tpl))
				continue;
			for (t = 0; t < n; t++)
				for (c = 0; c < rw[t].m && rw[t].nread > 0;
				    c++) {
					col = rw[t].c[c]->col;
					dropped = prune(id, rw, n, t, col);
					if (rw[t].nread == 0)
						return;	/* none adds up */
					changed |= dropped > 0;
				}
		}
	} while (changed);
	for (t = 0; t < n; t++) {
		if (rw[t].known || rw[t].nread == 0)
			continue;
		for (c = 0; c < rw[t].m; c++) {
			if (strcmp(rw[t].c[c]->val, CELL_UNREAD) != 0)
				continue;
			for (i = 1, differ = 0; i < rw[t].nread; i++)
				differ |= rw[t].val[i][c] != rw[t].val[0][c];
			for (i = 0, printed = 0; i < rw[t].nread; i++)
				printed |= rw[t].printed[i][c];
			set_agreed(rw[t].c[c], differ, printed,
			    rw[t].val[0][c]);
		}
	}
}
