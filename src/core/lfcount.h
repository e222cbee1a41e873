/* Counting line ends: the line a byte is on, for readers that skip
 * most lines. */
#ifndef GIP_LFCOUNT_H
#define GIP_LFCOUNT_H

#include <stddef.h>

/* How many LF bytes s[0..n) holds. */
size_t	lf_count(const char *s, size_t n);

/* The offset just past the k-th LF (k >= 1) of s[0..n); n if it holds
 * fewer. */
size_t	lf_skip(const char *s, size_t n, size_t k);

#endif
