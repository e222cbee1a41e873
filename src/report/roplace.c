/* A row's numbers placed among its columns by its identities (roplace.h). */
#include <stdio.h>
#include <string.h>

#include "roplace.h"
#include "tmpl.h"

/* What the readings found so far say of each cell. */
struct readings {
	struct tcell *const *c;
	int		 m;
	const long long	*v;
	int		 n;
	long long	 cur[ROPLACE_MAXCELLS];	/* the reading being made */
	int		 printed[ROPLACE_MAXCELLS];	/* a number there */
	long long	 val[ROPLACE_MAXCELLS];	/* the first reading's */
	int		 differ[ROPLACE_MAXCELLS];	/* readings disagree */
	int		 some_printed[ROPLACE_MAXCELLS];
	int		 some_blank[ROPLACE_MAXCELLS];
	int		 count;
};

static int
listed(const char *const *list, const char *col)
{
	for (; *list; list++)
		if (strcmp(*list, col) == 0)
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
		rd->some_blank[i] |= !rd->printed[i];
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

int
roplace_rows(struct tcell *const *c, int m, const long long *v, int n,
    int only_unread)
{
	struct readings rd;
	int i;

	if (m > ROPLACE_MAXCELLS || n <= 0 || n >= m)
		return 0;
	memset(&rd, 0, sizeof rd);
	rd.c = c, rd.m = m, rd.v = v, rd.n = n;
	read_from(&rd, 0, 0);
	if (rd.count == 0)
		return 0;
	for (i = 0; i < m; i++) {
		if (only_unread && strcmp(c[i]->val, CELL_UNREAD) != 0)
			continue;
		if (rd.differ[i])
			strcpy(c[i]->val, CELL_UNREAD);
		else if (!rd.some_printed[i])
			c[i]->val[0] = '\0';
		else	/* blank and 0 alike: a number every reading gives */
			snprintf(c[i]->val, sizeof c[i]->val, "%lld",
			    rd.val[i]);
	}
	return rd.count;
}
