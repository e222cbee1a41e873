/* Canonical decimals <-> fixed point, with overflow reported, never wrapped. */
#include <stdio.h>

#include "num.h"

/*
 * Parse a canonical decimal: optional '-', digits, optionally '.' and up
 * to six more digits.  Nothing else is accepted: the stream is canonical.
 */
int
num_parse(const char *s, size_t n, int64_t *v)
{
	static const int64_t scale[NUM_DIGITS + 1] = {1000000, 100000, 10000,
	    1000, 100, 10, 1};
	size_t i = 0, frac = 0, digits = 0;
	int neg = 0, dot = 0;
	int64_t x = 0;

	if (n > 0 && s[0] == '-')
		neg = 1, i = 1;
	for (; i < n; i++) {
		if (s[i] == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return NUM_SYNTAX;
		if (dot && ++frac > NUM_DIGITS)
			return NUM_SYNTAX;
		digits++;
		if (__builtin_mul_overflow(x, 10, &x) ||
		    __builtin_add_overflow(x, s[i] - '0', &x))
			return NUM_RANGE;	/* no division per digit */
	}
	if (digits == 0 || (dot && frac == 0))
		return NUM_SYNTAX;
	if (__builtin_mul_overflow(x, scale[frac], &x))
		return NUM_RANGE;
	*v = neg ? -x : x;
	return NUM_OK;
}

/* Canonical form: no trailing fractional zeros, no "-0". */
size_t
num_format(int64_t v, char *out)
{
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	uint64_t whole = a / NUM_SCALE, frac = a % NUM_SCALE;
	int len, d = NUM_DIGITS;

	if (frac == 0)
		return snprintf(out, NUM_MAXLEN, "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)whole);
	while (frac % 10 == 0)
		frac /= 10, d--;
	len = snprintf(out, NUM_MAXLEN, "%s%llu.%0*llu", v < 0 ? "-" : "",
	    (unsigned long long)whole, d, (unsigned long long)frac);
	return len;
}

const char *
num_decimal(char buf[NUM_LONGLEN], long v)
{
	char *p = buf + NUM_LONGLEN - 1;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}
