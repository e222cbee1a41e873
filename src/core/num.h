/*
 * Exact decimal values of the cells stream: fixed point with six decimal
 * places (万元 amounts converted from 元 may carry six), in an int64_t.
 */
#ifndef GIP_NUM_H
#define GIP_NUM_H

#include <stddef.h>
#include <stdint.h>

#define NUM_SCALE	1000000
#define NUM_DIGITS	6
#define NUM_MAXLEN	32	/* room for any formatted value */

enum { NUM_OK = 0, NUM_SYNTAX = -1, NUM_RANGE = -2 };

int	num_parse(const char *s, size_t n, int64_t *v);
size_t	num_format(int64_t v, char *out);

/* *acc += v, checked: inline, since sums add a term at a time. */
static inline int
num_add(int64_t *acc, int64_t v)
{
	if (__builtin_add_overflow(*acc, v, acc))
		return NUM_RANGE;
	return NUM_OK;
}

#endif
