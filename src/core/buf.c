/* A growing byte buffer (buf.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

void
buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX / 2 - b->len - 1)
		gip_fatal("out of memory");
	if (b->len + extra + 1 <= b->cap)
		return;
	while (b->len + extra + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 1 << 16;
	b->p = gip_xrealloc(b->p, b->cap);
}

void
buf_add(struct buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_end_lines(struct buf *b)
{
	while (b->len > 0 && (b->p[b->len - 1] == '\n' ||
	    b->p[b->len - 1] == '\f'))
		b->len--;
	buf_reserve(b, 1);
	if (b->len > 0)
		b->p[b->len++] = '\n';
	b->p[b->len] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}
