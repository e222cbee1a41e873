/* Storage for logical rows: arrays and one text arena, reused per table. */
#include <string.h>
#include <stdlib.h>

#include "err.h"
#include "grid.h"
#include "text.h"

void
grid_reset(struct grid *g)
{
	g->nrow = g->ncell = 0;
	g->used = 0;
	g->positional = 0;
	g->wraps = 0;
	g->exact = 0;
}

void
grid_free(struct grid *g)
{
	free(g->row);
	free(g->cell);
	free(g->arena);
	memset(g, 0, sizeof *g);
}

struct grow *
grid_new_row(struct grid *g, long line)
{
	struct grow *r;

	if (g->nrow == g->rowcap) {
		g->rowcap = g->rowcap ? g->rowcap * 2 : 64;
		g->row = gip_xrealloc(g->row, g->rowcap * sizeof *g->row);
	}
	r = &g->row[g->nrow++];
	r->line = line;
	r->ncell = 0;
	r->first = g->ncell;
	r->marker = 0;
	return r;
}

/*
 * Cell texts live in one arena addressed by offset while it grows; the
 * pointers are fixed up when asked for (grid_cells).
 */
static size_t
arena_put(struct grid *g, const char *s, size_t n, unsigned flags)
{
	size_t off;

	if (g->used + n + 2 > g->cap) {
		while (g->used + n + 2 > g->cap)
			g->cap = g->cap ? g->cap * 2 : 1 << 14;
		g->arena = gip_xrealloc(g->arena, g->cap);
	}
	off = g->used;
	g->used += text_norm(g->arena + off, s, n, flags) + 1;
	return off;
}

void
grid_add_cell(struct grid *g, const char *s, size_t n, int x0, int x1)
{
	struct gcell *c;

	if (g->ncell == g->cellcap) {
		g->cellcap = g->cellcap ? g->cellcap * 2 : 256;
		g->cell = gip_xrealloc(g->cell, g->cellcap * sizeof *g->cell);
	}
	c = &g->cell[g->ncell++];
	c->text = (char *)(arena_put(g, s, n, TEXT_CLEAN));
	c->x0 = x0;
	c->x1 = x1;
	g->row[g->nrow - 1].ncell++;
}

/* Join more text to a cell (a wrapped line): the cell is rewritten. */
void
grid_append_text(struct grid *g, int cell, const char *s, size_t n)
{
	struct gcell *c = &g->cell[cell];
	size_t old = (size_t)c->text, oldlen = strlen(g->arena + old);
	size_t add = n + oldlen + 2, off;
	char *tmp = gip_xmalloc(add);

	memcpy(tmp, g->arena + old, oldlen);
	tmp[oldlen] = ' ';
	memcpy(tmp + oldlen + 1, s, n);
	off = arena_put(g, tmp, oldlen + 1 + n, TEXT_CLEAN);
	free(tmp);
	c->text = (char *)off;
}

/* The cells of row r with their text pointers resolved. */
struct gcell *
grid_cells(const struct grid *g, const struct grow *r)
{
	static struct gcell *out;
	static int cap;
	int i;

	if (r->ncell > cap) {
		cap = r->ncell * 2;
		out = gip_xrealloc(out, cap * sizeof *out);
	}
	for (i = 0; i < r->ncell; i++) {
		out[i] = g->cell[r->first + i];
		out[i].text = g->arena + (size_t)g->cell[r->first + i].text;
	}
	return out;
}
