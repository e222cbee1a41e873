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
/* v in decimal, as "%ld" prints it, at the end of buf (NUM_LONGLEN
 * bytes); returns where it begins.  Callers print many a second, and
 * snprintf parsing its format cost more than the rest of a line. */
#define NUM_LONGLEN	24
const char *num_decimal(char buf[NUM_LONGLEN], long v);

/* *acc += v, checked: inline, since sums add a term at a time. */
static inline int
num_add(int64_t *acc, int64_t v)
{
	if (__builtin_add_overflow(*acc, v, acc))
		return NUM_RANGE;
	return NUM_OK;
}

#endif
