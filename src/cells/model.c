/* One report's cells as gip-check holds them (model.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "model.h"
#include "tmpl.h"

_Static_assert(CK_PAD <= GROUP_PAD, "the key lookup reads CK_PAD bytes");

void
report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
	ck_init();
	r->cell = gip_xmalloc(ck_ncells() * sizeof r->cell[0]);
	memset(r->cell, 0, ck_ncells() * sizeof r->cell[0]);
}

/* Only the cells the last report printed were written: clear those. */
void
report_begin(struct report *r, const char *source)
{
	struct cell *cell = r->cell;
	uint64_t w;
	int k, c;

	REPORT_EACH_SEEN(r, k, w, c)
		cell[c] = (struct cell){0};
	memset(r, 0, sizeof *r);
	r->cell = cell;
	r->source = source;
}

long
report_row_line(const struct report *r, const struct ck_table *t, int row)
{
	const struct cell *c;
	int j;

	for (j = 0; j < t->ncols; j++)
		if ((c = report_cell(r, t, row, j))->seen && c->line > 0)
			return c->line;
	return 0;
}

static void __attribute__((noinline))
note_bad(struct report *r, const struct cells_rec *rec)
{
	if (r->nbad == MAXBAD)
		return;
	snprintf(r->bad[r->nbad].key, sizeof r->bad[0].key, "%s:%s:%s",
	    rec->field[CELL_TABLE], rec->field[CELL_ROW],
	    rec->field[CELL_COL]);
	r->bad[r->nbad++].line = rec->srcline;
}

static void __attribute__((noinline))
take_meta(struct report *r, const struct cells_rec *rec)
{
	const char *row = rec->field[CELL_ROW];
	struct meta *dst;
	size_t n;

	if (strcmp(row, "org") == 0)
		dst = &r->org;
	else if (strcmp(row, "year") == 0)
		dst = &r->year;
	else if (strcmp(row, "template") == 0)
		dst = &r->tpl;
	else if (strcmp(row, "reports") == 0) {
		r->sum = 1;
		return;
	} else
		return;
	n = strlen(rec->field[CELL_VALUE]);	/* as snprintf cuts it */
	n = n < sizeof dst->s - 1 ? n : sizeof dst->s - 1;
	memcpy(dst->s, rec->field[CELL_VALUE], n);
	dst->s[n] = '\0';
	dst->line = rec->srcline;
}

static void __attribute__((noinline))
take_prose(struct report *r, const struct cells_rec *rec)
{
	size_t i;

	for (i = 0; i < tmpl_nprose; i++)
		if (strcmp(tmpl_prose[i].row, rec->field[CELL_ROW]) == 0)
			break;
	if (i == tmpl_nprose || strcmp(rec->field[CELL_COL], "-") != 0) {
		note_bad(r, rec);
		return;
	}
	if (rec->blank || rec->unread || r->nprose == MAXPROSE)
		return;
	r->prose[r->nprose].row = (int)i;
	r->prose[r->nprose].line = rec->srcline;
	r->prose[r->nprose++].v = rec->value;
}

static void
take_table(struct report *r, const struct cells_rec *rec)
{
	const struct ck_table *tb = r->neartb;
	int t, i = -1, j = -1, at;
	struct cell *c;

	if (tb == NULL || !ck_is(&tb->namekey, rec->field[CELL_TABLE],
	    rec->len[CELL_TABLE]))
		tb = ck_table_named(rec->field[CELL_TABLE], rec->len[CELL_TABLE]);
	if (tb != NULL) {
		r->has[tb->index] = 1;
		i = ck_row_near(tb, rec->field[CELL_ROW], rec->len[CELL_ROW],
		    r->near[0]);
		/* the next column first: a row comes column by column, and
		   the next row from its first */
		j = ck_col_near(tb, rec->field[CELL_COL], rec->len[CELL_COL],
		    r->near[1] + 1 < tb->ncols ? r->near[1] + 1 : 0);
	}
	if (i < 0 || j < 0) {
		note_bad(r, rec);
		return;
	}
	r->neartb = tb;
	r->near[0] = i;
	r->near[1] = j;
	t = tb->index;
	at = ck_cell(tb, i, j);
	c = &r->cell[at];
	r->rowcells[t][i] += !c->seen;
	r->rowunread[t][i] |= (unsigned char)rec->unread;
	r->rowcols[t][i] |= (uint16_t)(1u << j);
	c->seen = 1;
	r->seen[at >> 6] |= (uint64_t)1 << (at & 63);
	if (!rec->whole)	/* blank, unread, negative or a fraction */
		r->odd[at >> 6] |= (uint64_t)1 << (at & 63);
	c->blank = (unsigned char)rec->blank;
	c->unread = (unsigned char)rec->unread;
	c->v = rec->value;
	c->line = rec->srcline;
}

int
report_take(struct report *r, const struct cells_rec *rec)
{
	const char *t = rec->field[CELL_TABLE];

	size_t n = rec->len[CELL_TABLE];

	/* The first byte first: most cells are of a table ("t3"). */
	if (t[0] == 'm' && n == 4 && memcmp(t, "meta", 4) == 0)
		take_meta(r, rec);
	else if (t[0] == 'p' && n == 5 && memcmp(t, "prose", 5) == 0)
		take_prose(r, rec);
	else
		take_table(r, rec);
	return 0;
}
