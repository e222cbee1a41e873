/* Counting line ends: the line a byte is on, for readers that skip
 * most lines. */
#ifndef GIP_LFCOUNT_H
#define GIP_LFCOUNT_H

#include <stddef.h>

/* How many LF bytes s[0..n) holds. */
size_t	lf_count(const char *s, size_t n);

#endif
