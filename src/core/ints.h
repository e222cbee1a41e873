#ifndef GIP_INTS_H
#define GIP_INTS_H

#include <stddef.h>

/*
 * Sort v[0..n) ascending.  The table readers sort positions (a few to
 * a few hundred ints) many times a report; qsort's call per comparison
 * was most of their cost.  Equal ints are indistinguishable, so the
 * result is qsort's.
 */
void	ints_sort(int *v, size_t n);

#endif
