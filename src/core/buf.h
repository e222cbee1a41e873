/* A growing byte buffer, NUL-terminated room kept: text being built. */
#ifndef GIP_BUF_H
#define GIP_BUF_H

#include <stddef.h>

struct buf {
	char	*p;
	size_t	 len, cap;
};

/* Room for extra more bytes and a NUL after them. */
void	buf_reserve(struct buf *b, size_t extra);
/* Append n bytes of s; a NUL stays after them. */
void	buf_add(struct buf *b, const void *s, size_t n);
/* End the text with one line end: no blank lines, no page break last. */
void	buf_end_lines(struct buf *b);
void	buf_free(struct buf *b);

#endif
