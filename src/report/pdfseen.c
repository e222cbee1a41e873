/*
 * The words of a PDF document seen so far, by a hash of their text and
 * place, with the last page each was printed on (pdfctx.h): a table's
 * header rows that LibreOffice and Word repeat at the top of every page
 * are told by them.  An open-addressing table in the caller's storage
 * (struct pdf), grown to twice the words it holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pdfctx.h"

void
pdf_seen_reset(struct pdf *pg)
{
	if (pg->seen != NULL)
		memset(pg->seen, 0, pg->seencap * sizeof *pg->seen);
	pg->nseen = 0;
}

static struct pdfseen *
slot(struct pdfseen *tab, size_t cap, uint64_t h)
{
	size_t i = (size_t)(h % cap);

	while (tab[i].hash != 0 && tab[i].hash != h)
		i = (i + 1) % cap;
	return &tab[i];
}

static void
grow(struct pdf *pg)
{
	size_t cap = pg->seencap ? pg->seencap * 2 : 1024, i;
	struct pdfseen *tab = gip_xmalloc(cap * sizeof *tab);

	memset(tab, 0, cap * sizeof *tab);

	for (i = 0; i < pg->seencap; i++)
		if (pg->seen[i].hash != 0)
			*slot(tab, cap, pg->seen[i].hash) = pg->seen[i];
	free(pg->seen);
	pg->seen = tab;
	pg->seencap = cap;
}

int
pdf_seen_mark(struct pdf *pg, uint64_t h, int page)
{
	struct pdfseen *s;
	int last;

	if (h == 0)
		h = 1;		/* 0 marks an empty slot */
	if ((pg->nseen + 1) * 2 > pg->seencap)
		grow(pg);
	s = slot(pg->seen, pg->seencap, h);
	if (s->hash == 0) {
		s->hash = h;
		pg->nseen++;
	}
	last = s->page;
	s->page = page;
	return last;
}
