/* Storage for the rows of a table: arrays and text chunks, reused per table. */
#include <string.h>
#include <stdlib.h>

#include "err.h"
#include "grid.h"
#include "text.h"

struct gchunk {
	struct gchunk	*next;
	size_t		 used, cap;
	char		 buf[];
};

#define CHUNK_MIN	(1 << 14)

static void
free_chunks(struct gchunk *c)
{
	struct gchunk *next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

/* Keep the newest chunk for the next table, emptied. */
void
grid_reset(struct grid *g)
{
	g->nrow = g->ncell = 0;
	g->positional = 0;
	g->wraps = 0;
	if (g->text != NULL) {
		free_chunks(g->text->next);
		g->text->next = NULL;
		g->text->used = 0;
	}
	g->exact = g->bytes = g->document = 0;
}

void
grid_free(struct grid *g)
{
	free(g->row);
	free(g->cell);
	free(g->simple);
	free_chunks(g->text);
	memset(g, 0, sizeof *g);
}

/* Room for more cells: the cell and simple arrays doubled. */
static void
grow_cells(struct grid *g)
{
	g->cellcap = g->cellcap ? g->cellcap * 2 : 256;
	g->cell = gip_xrealloc(g->cell, g->cellcap * sizeof *g->cell);
	g->simple = gip_xrealloc(g->simple, g->cellcap);
}

struct grow *
grid_new_row(struct grid *g, long line)
{
	struct grow *r;

	/* A row's cells are g->cell + first (grid_cells): the arrays exist
	 * from the first row on, so that a row without cells is an empty
	 * range, not NULL + 0 (undefined). */
	if (g->cell == NULL)
		grow_cells(g);
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

/* The chunk of g's text store with room for n more bytes. */
static inline struct gchunk *
room(struct grid *g, size_t n)
{
	struct gchunk *c = g->text;
	size_t cap;

	if (c == NULL || c->cap - c->used < n) {
		cap = n > CHUNK_MIN ? n : CHUNK_MIN;
		c = gip_xmalloc(sizeof *c + cap);
		c->cap = cap;
		c->used = 0;
		c->next = g->text;
		g->text = c;
	}
	return c;
}

/*
 * s[0..n) cleaned into the grid's text store (never longer than n).
 * Most cells are only printable ASCII but the mark openers [ < *
 * ("582"), which TEXT_CLEAN leaves as they are: copied while checked,
 * a byte at a time (they are a few bytes), and normalised only if a
 * byte is not such.  Inline: every cell of every table comes here.
 */
static inline const char *
text_put(struct grid *g, const char *s, size_t n, int *simple)
{
	struct gchunk *c = room(g, n + 1);
	size_t i;
	char *out;

	out = c->buf + c->used;
	for (i = 0; i < n; i++) {
		if ((unsigned char)(s[i] - 0x21) >= 0x5f || s[i] == '[' ||
		    s[i] == '<' || s[i] == '*')
			break;
		out[i] = s[i];
	}
	if (i == n) {
		out[n] = '\0';
		c->used += n + 1;
		*simple = 1;
	} else
		c->used += text_clean(out, s, n, simple) + 1;
	return out;
}

void
grid_add_cell(struct grid *g, const char *s, size_t n, int x0, int x1)
{
	struct gcell *c;

	int simple;

	if (g->ncell == g->cellcap)
		grow_cells(g);
	c = &g->cell[g->ncell];
	c->text = text_put(g, s, n, &simple);
	g->simple[g->ncell++] = (unsigned char)simple;
	c->x0 = x0;
	c->x1 = x1;
	g->row[g->nrow - 1].ncell++;
}

/* A cell whose clean text is cell k of grid from (its text and simple
 * flag), not copied: g must be freed or reset before from is. */
void
grid_add_shared(struct grid *g, const struct grid *from, int k, int x0,
    int x1)
{
	struct gcell *c;

	if (g->ncell == g->cellcap)
		grow_cells(g);
	c = &g->cell[g->ncell];
	c->text = from->cell[k].text;
	g->simple[g->ncell++] = from->simple[k];
	c->x0 = x0;
	c->x1 = x1;
	g->row[g->nrow - 1].ncell++;
}

/* Every cell's text copied into g's own store: shared texts (above)
 * no longer tied to the grid they came from. */
void
grid_own_texts(struct grid *g)
{
	struct gchunk *c;
	size_t n;
	int i;

	for (i = 0; i < g->ncell; i++) {
		n = strlen(g->cell[i].text) + 1;
		c = room(g, n);
		memcpy(c->buf + c->used, g->cell[i].text, n);
		g->cell[i].text = c->buf + c->used;
		c->used += n;
	}
}

/*
 * A cell's text is not joined more to once it holds GRID_CELL_MAX bytes.
 * Each join cleans and stores the whole text again, so a cell joined to
 * line by line cost the square of its length: 6,000 short lines (32 KB)
 * under one cell, 0.63 s (tests/fuzz/README.md).  A row's label is made
 * of at most a cell's first 2,047 bytes (text.c, TEXT_LABEL_IN), which
 * the cell keeps; a number is never kilobytes long.
 */
#define GRID_CELL_MAX	2048

/* Join more text to a cell (a wrapped line): the cell is rewritten. */
void
grid_append_text(struct grid *g, int cell, const char *s, size_t n)
{
	struct gcell *c = &g->cell[cell];
	size_t oldlen = strlen(c->text);
	int simple;
	char small[1024];	/* most joins: no malloc */
	char *tmp;

	if (oldlen >= GRID_CELL_MAX)
		return;
	tmp = oldlen + n + 2 <= sizeof small ? small :
	    gip_xmalloc(oldlen + n + 2);
	memcpy(tmp, c->text, oldlen);
	tmp[oldlen] = ' ';
	memcpy(tmp + oldlen + 1, s, n);
	c->text = text_put(g, tmp, oldlen + 1 + n, &simple);
	g->simple[cell] = (unsigned char)simple;
	if (tmp != small)
		free(tmp);
}

/* The cells of row r: the grid's own, valid until it changes. */
struct gcell *
grid_cells(const struct grid *g, const struct grow *r)
{
	return g->cell + r->first;
}

/* Does s end in a digit and a thousands separator ("1，", "12,")? */
static int
ends_in_separator(const char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && s[n - 1] == ',')
		n--;
	else if (n >= 4 && memcmp(s + n - 3, "\xef\xbc\x8c", 3) == 0)
		n -= 3;
	else
		return 0;
	return s[n - 1] >= '0' && s[n - 1] <= '9';
}

/* Does s begin with three digits? */
static int
isdigit3(const char *s)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
	    s[2] >= '0' && s[2] <= '9';
}

/* Is s three digits and maybe more digits, separators or a point? */
static int
is_number_tail(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n >= 3 && s[strspn(s, "0123456789,.")] == '\0';
}

/* Is s a number as printed: digits, maybe separators and a point? */
static int
is_plain_number(const char *s)
{
	size_t n = strspn(s, "0123456789,.");

	return n > 0 && s[n] == '\0' && s[0] >= '0' && s[0] <= '9' &&
	    s[n - 1] >= '0' && s[n - 1] <= '9';
}

/* Is s a unit of money alone (元, 万元, 亿元)?  It scales the amount. */
static int
is_money_unit(const char *s)
{
	/* 元 E5 85 83; 万 E4 B8 87, 亿 E4 BA BF: byte by byte, no call
	 * for a label under a label */
	if (s[0] == '\xe4' && (s[1] == '\xb8' ? s[2] == '\x87' :
	    s[1] == '\xba' && s[2] == '\xbf'))
		s += 3;
	return s[0] == '\xe5' && s[1] == '\x85' && s[2] == '\x83' &&
	    s[3] == '\0';
}

/*
 * Does b, the cell under a, continue a's number: the digits after its
 * thousands separator ("1，" over "973"), or its unit of money
 * ("41772000" over "元": read alone, the amount was taken in the
 * template's 万元)?
 */
static int
continues_number(const char *a, const char *b)
{
	/* most cells under a cell are neither three digits nor begin with
	 * a unit's first byte (元 E5, 万 and 亿 E4): no look at a */
	if (!(isdigit3(b) || (unsigned char)b[0] == 0xe4 ||
	    (unsigned char)b[0] == 0xe5))
		return 0;
	/* b's tests first: they fail for most (a label under a label) */
	return (isdigit3(b) && is_number_tail(b) && ends_in_separator(a)) ||
	    (is_money_unit(b) && is_plain_number(a));
}

void
grid_join_wrapped_numbers(struct grid *g)
{
	struct gcell *a, *b;
	char *tmp;
	size_t la, lb;
	int i, j, simple;

	for (i = 0; i + 1 < g->nrow; i++) {
		if (g->row[i].ncell != g->row[i + 1].ncell)
			continue;
		a = grid_cells(g, &g->row[i]);
		b = grid_cells(g, &g->row[i + 1]);
		for (j = 0; j < g->row[i].ncell; j++) {
			if (!continues_number(a[j].text, b[j].text))
				continue;
			la = strlen(a[j].text);
			lb = strlen(b[j].text);
			tmp = gip_xmalloc(la + lb + 1);
			memcpy(tmp, a[j].text, la);
			memcpy(tmp + la, b[j].text, lb + 1);
			a[j].text = text_put(g, tmp, la + lb, &simple);
			g->simple[g->row[i].first + j] = (unsigned char)simple;
			b[j].text = "";
			g->simple[g->row[i + 1].first + j] = 1;
			free(tmp);
		}
	}
}
