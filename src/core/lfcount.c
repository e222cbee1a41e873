/* Counting line ends (lfcount.h). */
#include <stddef.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lfcount.h"

#ifdef __SSE2__
static inline __m128i
load16(const char *s)
{
	return _mm_loadu_si128((const __m128i *)(const void *)s);
}
#endif

/*
 * 64 bytes a step with SSE2: a lane's count (0 less each match's 0xFF)
 * stays a byte for 252 blocks of 16, then the lanes are summed.  A
 * memchr a line cost a call and its set-up for every line.
 */
size_t
lf_count(const char *s, size_t n)
{
	size_t k = 0, i = 0;
#ifdef __SSE2__
	const __m128i lf = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i acc;
	size_t j, blocks;

	while (n - i >= 16) {
		blocks = (n - i) / 16;
		if (blocks > 252)
			blocks = 252;
		acc = zero;
		for (j = 0; j + 4 <= blocks; j += 4, i += 64)
			acc = _mm_sub_epi8(acc, _mm_add_epi8(_mm_add_epi8(
			    _mm_cmpeq_epi8(load16(s + i), lf),
			    _mm_cmpeq_epi8(load16(s + i + 16), lf)),
			    _mm_add_epi8(_mm_cmpeq_epi8(load16(s + i + 32), lf),
			    _mm_cmpeq_epi8(load16(s + i + 48), lf))));
		for (; j < blocks; j++, i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(load16(s + i),
			    lf));
		acc = _mm_sad_epu8(acc, zero);
		k += (size_t)_mm_extract_epi16(acc, 0) +
		    (size_t)_mm_extract_epi16(acc, 4);
	}
#endif
	for (; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/*
 * 64 bytes a step with SSE2, their LFs counted as lf_count counts them
 * (no POPCNT: x86-64 need not have it); the block that holds the k-th
 * is then read byte by byte.  A table's region is a few hundred short
 * lines: a memchr call each cost more.
 */
size_t
lf_skip(const char *s, size_t n, size_t k)
{
	size_t i = 0, c;
#ifdef __SSE2__
	const __m128i lf = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
	__m128i acc;
#endif

	if (k == 0)
		return 0;
#ifdef __SSE2__
	for (; n - i >= 64; i += 64) {
		acc = _mm_sub_epi8(zero, _mm_add_epi8(_mm_add_epi8(
		    _mm_cmpeq_epi8(load16(s + i), lf),
		    _mm_cmpeq_epi8(load16(s + i + 16), lf)),
		    _mm_add_epi8(_mm_cmpeq_epi8(load16(s + i + 32), lf),
		    _mm_cmpeq_epi8(load16(s + i + 48), lf))));
		acc = _mm_sad_epu8(acc, zero);
		c = (size_t)_mm_extract_epi16(acc, 0) +
		    (size_t)_mm_extract_epi16(acc, 4);
		if (c >= k)
			break;
		k -= c;
	}
#endif
	(void)c;
	for (; i < n; i++)
		if (s[i] == '\n' && --k == 0)
			return i + 1;
	return n;
}
