/* UTF-8 primitives on explicit lengths; no locale is consulted. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "utf8.h"

/*
 * Where the compiler can build code for AVX2 and pick it at run time
 * (GCC, Clang on x86-64), the 64-byte blocks of utf8_valid_prefix are
 * tested 32 bytes per instruction on the machines that have it: half
 * the SIMD work of SSE2, which every x86-64 has and the rest use.
 */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define UTF8_AVX2 1
#include <immintrin.h>
#endif

/* Eight ASCII bytes at p? */
static int
ascii8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return (w & 0x8080808080808080ull) == 0;
}

/*
 * The general case: one character of any length at p[0..n), or 0 if it
 * is not valid (overlongs and surrogates are not).
 */
static size_t
valid_char(const unsigned char *p, size_t n)
{
	size_t k, need;
	uint32_t cp;

	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		need = 1, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		need = 2, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		need = 3, cp = p[0] & 0x07;
	else
		return 0;
	if (need >= n)
		return 0;
	for (k = 1; k <= need; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[k] & 0x3f);
	}
	if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return need + 1;
}

#ifdef __SSE2__
struct classes {
	uint64_t high, cont, lead;	/* bit j for byte j */
};

/*
 * Add the classes of the 16 bytes at p as bits at..at+15: high bit set;
 * continuation 80..BF; plain lead E1..EF but ED.  As signed bytes,
 * 80..BF is below -64 and E1..EF is -31..-17.
 */
static inline void
classify16(const unsigned char *p, int at, struct classes *c)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i lead = _mm_andnot_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(-19)),
	    _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-32)),
	    _mm_cmplt_epi8(x, _mm_set1_epi8(-16))));

	c->high |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << at;
	c->cont |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x,
	    _mm_set1_epi8(-64))) << at;
	c->lead |= (uint64_t)(unsigned)_mm_movemask_epi8(lead) << at;
}

/*
 * Are the 64 bytes of c whole ASCII and plain 3-byte characters (lead
 * E1..EC, EE, EF and two continuation bytes), the bulk of a report?
 * Each continuation byte must be one or two after a lead and nowhere
 * else; carry: the leads of the block before at bits 62 and 63, which
 * reach into this one.
 */
static inline int
plain_classes(const struct classes *c, uint64_t carry)
{
	return (c->high & ~(c->cont | c->lead)) == 0 &&
	    c->cont == (c->lead << 1 | c->lead << 2 | carry >> 62 |
	    carry >> 63);
}

/*
 * Where a character the last block taken (its leads: last) left open
 * begins, i the block's end.
 */
static inline size_t
block_stop(size_t i, uint64_t last)
{
	return i - (last >> 63 ? 1 : last >> 62 ? 2 : 0);
}

/*
 * The 64-byte blocks from p + i on that plain_classes takes, while at
 * least 64 bytes are left: where they stop, at a character's start.
 * Each block begins 64 bytes after the last, whatever character it cuts
 * (the leads carried over check it), so the next load never waits for
 * this block's test.
 */
static size_t
plain_blocks_sse2(const unsigned char *p, size_t i, size_t n)
{
	struct classes c;
	uint64_t last = 0;

	for (; i + 64 <= n; i += 64) {
		c.high = c.cont = c.lead = 0;
		classify16(p + i, 0, &c);
		classify16(p + i + 16, 16, &c);
		classify16(p + i + 32, 32, &c);
		classify16(p + i + 48, 48, &c);
		if (!plain_classes(&c, last))
			break;
		last = c.lead;
	}
	return block_stop(i, last);
}
#endif

#ifdef UTF8_AVX2
/* classify16 for 32 bytes, as bits at..at+31. */
__attribute__((target("avx2"))) static inline void
classify32(const unsigned char *p, int at, struct classes *c)
{
	__m256i x = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i lead = _mm256_andnot_si256(_mm256_cmpeq_epi8(x,
	    _mm256_set1_epi8(-19)), _mm256_and_si256(_mm256_cmpgt_epi8(x,
	    _mm256_set1_epi8(-32)), _mm256_cmpgt_epi8(_mm256_set1_epi8(-16),
	    x)));

	c->high |= (uint64_t)(uint32_t)_mm256_movemask_epi8(x) << at;
	c->cont |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
	    _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), x)) << at;
	c->lead |= (uint64_t)(uint32_t)_mm256_movemask_epi8(lead) << at;
}

/* plain_blocks_sse2 with AVX2. */
__attribute__((target("avx2"))) static size_t
plain_blocks_avx2(const unsigned char *p, size_t i, size_t n)
{
	struct classes c;
	uint64_t last = 0;

	for (; i + 64 <= n; i += 64) {
		c.high = c.cont = c.lead = 0;
		classify32(p + i, 0, &c);
		classify32(p + i + 32, 32, &c);
		if (!plain_classes(&c, last))
			break;
		last = c.lead;
	}
	return block_stop(i, last);
}
#endif

/*
 * Length of the longest valid UTF-8 prefix of s (overlongs and
 * surrogates count as invalid).  Every report is read through here, so
 * the common text goes fast: 64-byte blocks of ASCII and plain 3-byte
 * characters (nearly all of Chinese) with SSE2, then runs of ASCII
 * eight bytes at a time and of plain 3-byte characters one at a time,
 * the rest a character at a time.
 */
size_t
utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
#ifdef UTF8_AVX2
	int avx2 = __builtin_cpu_supports("avx2");
#endif

	while (i < n) {
#ifdef UTF8_AVX2
		if (avx2)
			i = plain_blocks_avx2(p, i, n);
		else
#endif
#ifdef __SSE2__
		i = plain_blocks_sse2(p, i, n);
#endif
		while (i + 8 <= n && ascii8(p + i))
			i += 8;
		while (i < n && p[i] < 0x80)
			i++;
		while (i + 3 <= n && (unsigned)(p[i] - 0xe1) <= 0xef - 0xe1 &&
		    p[i] != 0xed && ((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) <
		    0x40)
			i += 3;
		if (i >= n || p[i] < 0x80)
			continue;
		if ((k = valid_char(p + i, n - i)) == 0)
			return i;
		i += k;
	}
	return n;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = 0xc0 | cp >> 6;
		out[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = 0xe0 | cp >> 12;
		out[1] = 0x80 | (cp >> 6 & 0x3f);
		out[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	out[0] = 0xf0 | cp >> 18;
	out[1] = 0x80 | (cp >> 12 & 0x3f);
	out[2] = 0x80 | (cp >> 6 & 0x3f);
	out[3] = 0x80 | (cp & 0x3f);
	return 4;
}

/* Han characters and CJK punctuation: what spaced-out letters are made of. */
int
utf8_is_cjk(uint32_t cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 &&
	    cp <= 0x4dbf) || (cp >= 0x3001 && cp <= 0x303f) ||
	    (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a &&
	    cp <= 0xff20) || cp == 0x201c || cp == 0x201d ||
	    (cp >= 0x20000 && cp <= 0x2fa1f);
}

/* East Asian Wide and Fullwidth: two columns in a terminal or -layout. */
int
utf8_is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 &&
	    cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 &&
	    cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 &&
	    cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 &&
	    cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/* Display columns of n bytes of UTF-8. */
size_t
utf8_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		w += utf8_is_wide(cp) ? 2 : 1;
	}
	return w;
}

#ifdef __SSE2__
/*
 * The first 3-byte c in s[0..n) sixteen positions at a time: each byte
 * of c compared at its offset, so no position is found that is not a
 * match (memchr on one byte stops at every character sharing it, a
 * branch mispredicted each time).  *at: where the bytes left unseen
 * begin.
 */
static const char *
find3_simd(const char *s, size_t n, const char *c, size_t *at)
{
	const __m128i c0 = _mm_set1_epi8(c[0]), c1 = _mm_set1_epi8(c[1]);
	const __m128i c2 = _mm_set1_epi8(c[2]);
	__m128i m;
	unsigned bits;
	size_t i;

	for (i = 0; i + 18 <= n; i += 16) {
		m = _mm_and_si128(_mm_and_si128(
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)
		    (const void *)(s + i)), c0),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)
		    (const void *)(s + i + 1)), c1)),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)
		    (const void *)(s + i + 2)), c2));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return s + i + __builtin_ctz(bits);
	}
	*at = i;
	return NULL;
}
#endif

const char *
utf8_find_n(const char *s, size_t n, const char *c, size_t k)
{
	size_t i = k - 1, j;
	const char *p, *q;

	if (k == 0 || n < k)
		return k == 0 ? s : NULL;
#ifdef __SSE2__
	if (k == 3) {
		size_t at;

		if ((p = find3_simd(s, n, c, &at)) != NULL)
			return p;
		i = at + 2;	/* no match starts before at */
	}
#endif
	while (i < n && (p = memchr(s + i, c[k - 1], n - i)) != NULL) {
		i = p - s;
		/* Needles are short: a loop, not a memcmp call. */
		q = p - (k - 1);
		for (j = 0; j < k - 1 && q[j] == c[j]; j++)
			;
		if (j == k - 1)
			return q;
		i++;
	}
	return NULL;
}
