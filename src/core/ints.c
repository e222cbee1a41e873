/* Sorting ints (ints.h): quicksort, insertion sort for short runs. */
#include "ints.h"

#define SHORT_RUN	16	/* runs this long or shorter: insertion */

static void
insertion(int *v, size_t n)
{
	size_t i, j;
	int x;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static int
median3(int a, int b, int c)
{
	if (a < b)
		return b < c ? b : a < c ? c : a;
	return a < c ? a : b < c ? c : b;
}

void
ints_sort(int *v, size_t n)
{
	size_t i, j;
	int pivot, t;

	/* Recurse into the shorter part, loop on the longer: the stack
	 * stays within log2(n) frames. */
	while (n > SHORT_RUN) {
		pivot = median3(v[0], v[n / 2], v[n - 1]);
		i = 0;
		j = n - 1;
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i >= j)
				break;
			t = v[i];
			v[i++] = v[j];
			v[j--] = t;
		}
		/* v[0..j] <= pivot <= v[j+1..n) */
		if (j + 1 < n - j - 1) {
			ints_sort(v, j + 1);
			v += j + 1;
			n -= j + 1;
		} else {
			ints_sort(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	insertion(v, n);
}
