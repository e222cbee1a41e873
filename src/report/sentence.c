/*
 * Which sentences of prose a pattern may match, read from their raw
 * bytes (sentence.h): the key characters a pattern needs, noted by a
 * perfect hash, and the characters every such sentence holds, found
 * sixteen positions at a time.  The text is valid UTF-8, so a lead
 * byte's match is a character's start.
 */
#include <stddef.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 picked at run time where the compiler can (anchor_avx2). */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define SENTENCE_AVX2 1
#include <immintrin.h>
#endif

#include "err.h"
#include "sentence.h"

/*
 * The 3-byte characters the sentence scan notes, by a perfect hash of
 * their bytes (sentence_init checks that no two share a slot): the key
 * characters and units as their HAS_ bits, and events.
 */
enum {
	EV_STOP = 1 << 16, EV_WEI = 1 << 17, EV_MEI = 1 << 18,
	EV_YOU = 1 << 19, EV_VERB = 1 << 20, EV_DIGIT = 1 << 21,
	EV_SKIP = 1 << 22
};
#define UNITS	(HAS_JIAN | HAS_FEN | HAS_ZONG | HAS_GE | HAS_QI)

static const struct {
	const char	*ch;
	unsigned	 bit;
} keychars[] = {
	{"。", EV_STOP}, {"未", EV_WEI}, {"没", EV_MEI}, {"有", EV_YOU},
	{"发", EV_VERB}, {"出", EV_VERB}, {"收", EV_VERB}, {"受", EV_VERB},
	{"接", EV_VERB}, {"公", HAS_GONG}, {"申", HAS_SHEN},
	{"转", HAS_ZHUAN}, {"议", HAS_YI}, {"诉", HAS_SU}, {"件", HAS_JIAN},
	{"份", HAS_FEN}, {"宗", HAS_ZONG}, {"个", HAS_GE}, {"起", HAS_QI},
};
#define KEY_HASH(v)	((uint32_t)((v) * 0xeb7d3c9du) >> 27)

static uint32_t key_code[32];
static unsigned key_bit[32];

/* How the sentence scan steps over a byte, and which 3-byte leads and
 * second bytes (low bits of each) begin a character it notes. */
enum { K_SKIP, K_LF, K_DIGIT, K_SEMI, K_LEAD2, K_LEAD3, K_LEAD4 };
static unsigned char byte_kind[256];
static unsigned char key_pair[16 << 6];

static uint32_t
code3(const unsigned char *u)
{
	return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

void
sentence_init(void)
{
	size_t i;
	uint32_t v;

	for (i = 0; i < sizeof keychars / sizeof keychars[0]; i++) {
		v = code3((const unsigned char *)keychars[i].ch);
		if (key_code[KEY_HASH(v)] != 0)
			gip_fatal("prose: key characters share a hash slot");
		key_code[KEY_HASH(v)] = v;
		key_bit[KEY_HASH(v)] = keychars[i].bit;
		key_pair[(v >> 16 & 0x0f) << 6 | (v >> 8 & 0x3f)] = 1;
	}
	/* E2 80: U+2000..U+203F; E3 80: U+3000; EF BB, EF BC: U+FEFF,
	 * the full-width forms */
	key_pair[0x02 << 6 | 0x00] = key_pair[0x03 << 6 | 0x00] = 1;
	key_pair[0x0f << 6 | 0x3b] = key_pair[0x0f << 6 | 0x3c] = 1;
	for (i = 0; i < 256; i++)
		byte_kind[i] = i < 0x80 ? K_SKIP : i < 0xe0 ? K_LEAD2 :
		    i < 0xf0 ? K_LEAD3 : K_LEAD4;
	for (i = '0'; i <= '9'; i++)
		byte_kind[i] = K_DIGIT;
	byte_kind['\n'] = K_LF;
	byte_kind[';'] = K_SEMI;
}

/* What the 3-byte character at u is to the sentence scan, whose
 * first two bytes key_pair has: HAS_ bits and events; 0 for a
 * character that ends what came before it (a digit run, 未/没有). */
static unsigned
char3_has(const unsigned char *u)
{
	uint32_t v = code3(u), h = KEY_HASH(v);

	if (u[0] == 0xef && u[1] == 0xbc) {	/* full-width */
		if (u[2] == 0x9b)
			return EV_STOP;
		return (unsigned)(u[2] - 0x90) < 10 ? EV_DIGIT : EV_SKIP;
	}
	if (key_code[h] == v)
		return key_bit[h];
	/* folding drops or makes ASCII of U+2000..U+203F, U+3000, U+FEFF */
	if ((u[0] == 0xe2 && u[1] == 0x80) || (u[0] == 0xe3 && u[1] == 0x80 &&
	    u[2] == 0x80) || (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf))
		return EV_SKIP;
	return 0;
}

#ifdef __SSE2__
/*
 * Of 16 positions (v0 their first bytes, v1 and v2 the next ones), those
 * where a digit, ;, a full-width digit or ；, 。, 未 or 没 begins.
 */
static inline __m128i
sentence_marks(__m128i v0, __m128i v1, __m128i v2)
{
	const __m128i nine = _mm_set1_epi8(9);
	__m128i d, m, ef, e6;

	d = _mm_sub_epi8(v0, _mm_set1_epi8('0'));
	m = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);	/* 0..9 */
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v0, _mm_set1_epi8(';')));
	/* EF BC 90..9B: full-width digits and ； */
	d = _mm_sub_epi8(v2, _mm_set1_epi8((char)0x90));
	ef = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xef)),
	    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xbc)));
	m = _mm_or_si128(m, _mm_and_si128(ef, _mm_cmpeq_epi8(
	    _mm_min_epu8(d, _mm_set1_epi8(0x0b)), d)));
	/* E3 80 82: 。 */
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(
	    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xe3)),
	    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80))),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x82))));
	/* E6 9C AA, E6 B2 A1: 未, 没 */
	e6 = _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xe6));
	m = _mm_or_si128(m, _mm_and_si128(e6, _mm_or_si128(
	    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x9c)),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xaa))),
	    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xb2)),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xa1))))));
	return m;
}
#endif

/*
 * In a sentence being scanned, with no digit or 未/没 just before (the
 * scan's state at rest), only a digit, a stop, 未, 没 or a key word's
 * character not yet noted in has can change what the scan notes: where
 * the first of them from u[i] on begins, sixteen positions at a time
 * (SSE2).  Without one, a character's start at or before the last
 * position looked at, for the byte loop to go on from; i itself without
 * SSE2.
 */
static size_t
skip_at_rest(const unsigned char *u, size_t i, size_t len, unsigned has)
{
#ifdef __SSE2__
	static const struct {
		unsigned	 bit;
		unsigned char	 b[3];
	} keys[] = {
		{ HAS_GONG, { 0xe5, 0x85, 0xac } }, { HAS_SHEN, { 0xe7, 0x94,
		0xb3 } }, { HAS_ZHUAN, { 0xe8, 0xbd, 0xac } }, { HAS_YI, {
		0xe8, 0xae, 0xae } }, { HAS_SU, { 0xe8, 0xaf, 0x89 } }
	};
	__m128i v0, v1, v2, m;
	unsigned bits, want[5];
	size_t k, nk = 0, start = i;

	for (k = 0; k < 5; k++)
		if (!(has & keys[k].bit))
			want[nk++] = (unsigned)k;
	for (; i + 18 <= len; i += 16) {
		v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
		v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
		m = sentence_marks(v0, v1, v2);
		for (k = 0; k < nk; k++)
			m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)
			    keys[want[k]].b[0])), _mm_cmpeq_epi8(v1,
			    _mm_set1_epi8((char)keys[want[k]].b[1]))),
			    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)
			    keys[want[k]].b[2]))));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
	/* Every character starting before i was looked at: go on from
	 * the start of the one at i. */
	while (i > start && (u[i] & 0xc0) == 0x80)
		i--;
#endif
	(void)u;
	(void)has;
	(void)len;
	return i;
}

/*
 * Every sentence a pattern may match holds a unit (件 份 宗 个 起, after
 * a digit) or 未 or 没 (HAS_NO): the first of them from u[i] on, found
 * sixteen positions at a time by their second byte (BB AE B8 B5 9C B2)
 * followed by one of their third bytes (B6 BD 97 AA B7 A1), one Han
 * character in 65 on the bench corpus (the second byte alone: one in
 * 7.5), then checked whole.  len if there is none.
 */
static int
is_anchor(const unsigned char *u)
{
	switch (u[0]) {
	case 0xe4:	/* 件 E4 BB B6, 份 E4 BB BD, 个 E4 B8 AA */
		return (u[1] == 0xbb && (u[2] == 0xb6 || u[2] == 0xbd)) ||
		    (u[1] == 0xb8 && u[2] == 0xaa);
	case 0xe5:	/* 宗 E5 AE 97 */
		return u[1] == 0xae && u[2] == 0x97;
	case 0xe6:	/* 未 E6 9C AA, 没 E6 B2 A1 */
		return (u[1] == 0x9c && u[2] == 0xaa) || (u[1] == 0xb2 &&
		    u[2] == 0xa1);
	case 0xe8:	/* 起 E8 B5 B7 */
		return u[1] == 0xb5 && u[2] == 0xb7;
	}
	return 0;
}

/* Which bytes of v are one of the six b[]. */
#ifdef __SSE2__
static inline __m128i
one_of6(__m128i v, const unsigned char b[6])
{
	return _mm_or_si128(_mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[0])),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[1]))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[2])),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[3])))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[4])),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b[5]))));
}
#endif

#ifdef __SSE2__
/* The second and third bytes of the anchors (is_anchor). */
static const unsigned char anchor2[6] = {
	0xbb, 0xae, 0xb8, 0xb5, 0x9c, 0xb2
}, anchor3[6] = {
	0xb6, 0xbd, 0x97, 0xaa, 0xb7, 0xa1
};
#endif

#ifdef SENTENCE_AVX2
/* one_of6 on 32 bytes. */
__attribute__((target("avx2"))) static inline __m256i
one_of6_avx2(__m256i v, const unsigned char b[6])
{
	return _mm256_or_si256(_mm256_or_si256(
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[0])),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[1]))),
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[2])),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[3])))),
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[4])),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b[5]))));
}

/*
 * sentence_anchor's search 32 positions at a time: the first anchor
 * from u[i] on among the positions whose 34 bytes are all before len;
 * else where those end, for the 16-byte loop to go on from.
 */
__attribute__((target("avx2"))) static size_t
anchor_avx2(const unsigned char *u, size_t i, size_t len, int *found)
{
	__m256i v1, v2;
	unsigned bits, b;

	*found = 0;
	for (; i + 34 <= len; i += 32) {
		v1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (u + i + 1));
		v2 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (u + i + 2));
		bits = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
		    one_of6_avx2(v1, anchor2), one_of6_avx2(v2, anchor3)));
		while (bits != 0) {
			b = (unsigned)__builtin_ctz(bits);
			if (is_anchor(u + i + b)) {
				*found = 1;
				return i + b;
			}
			bits &= bits - 1;
		}
	}
	return i;
}
#endif

size_t
sentence_anchor(const unsigned char *u, size_t i, size_t len)
{
#ifdef __SSE2__
	const unsigned char *second = anchor2, *third = anchor3;
	__m128i v1, v2;
	unsigned bits, b;
#ifdef SENTENCE_AVX2
	static int avx2 = -1;
	int found;

	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") != 0;
	if (avx2) {
		i = anchor_avx2(u, i, len, &found);
		if (found)
			return i;
	}
#endif

	for (; i + 18 <= len; i += 16) {
		v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
		v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
		bits = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    one_of6(v1, second), one_of6(v2, third)));
		while (bits != 0) {
			b = (unsigned)__builtin_ctz(bits);
			if (is_anchor(u + i + b))
				return i + b;
			bits &= bits - 1;
		}
	}
#endif
	for (; i + 3 <= len; i++)
		if (is_anchor(u + i))
			return i;
	return len;
}

/* Does a sentence end at e (lo < e): a ;, or a 。 or ； in [lo, e)? */
static inline int
stop_ends_at(const unsigned char *u, size_t lo, size_t e)
{
	/* ; is ASCII, 。 (E3 80 82) and ； (EF BC 9B) end in a byte no
	 * other character of theirs ends in */
	return u[e - 1] == ';' || (e - lo >= 3 && ((u[e - 1] == 0x82 &&
	    u[e - 2] == 0x80 && u[e - 3] == 0xe3) || (u[e - 1] == 0x9b &&
	    u[e - 2] == 0xbc && u[e - 3] == 0xef)));
}

size_t
sentence_start(const unsigned char *u, size_t lo, size_t at)
{
#ifdef __SSE2__
	__m128i v;
	unsigned bits;
	int b;

	/* back 16 bytes at a time: the bytes a stop ends in, nearest
	 * first (a sentence is a few hundred bytes) */
	for (; at - lo >= 16; at -= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)
		    (u + at - 16));
		bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(';')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x82))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9b))));
		for (; bits != 0; bits &= ~(1u << b)) {
			b = 31 - __builtin_clz(bits);
			if (stop_ends_at(u, lo, at - 16 + (size_t)b + 1))
				return at - 16 + (size_t)b + 1;
		}
	}
#endif
	for (; at > lo; at--)
		if (stop_ends_at(u, lo, at))
			return at;
	return lo;
}

size_t
sentence_scan(const unsigned char *u, size_t i, size_t len, unsigned *hasp,
    size_t *stopp)
{
	size_t stop = 0;
	unsigned has = 0, c, ch;
	int digit_before = 0, no_before = 0;

	while (i < len) {
		if (!digit_before && !no_before) {
			if ((i = skip_at_rest(u, i, len, has)) >= len)
				break;
		}
		switch (byte_kind[c = u[i]]) {
		case K_SKIP:	/* runs of them: table frames, columns */
		case K_LF:
			i++;
			while (i < len && byte_kind[u[i]] <= K_LF)
				i++;
			continue;
		case K_DIGIT:
			has |= HAS_DIGIT;
			digit_before = 1;
			i++;
			continue;
		case K_SEMI:
			stop = 1;
			i++;
			break;
		case K_LEAD2:
			i += 2;
			continue;
		case K_LEAD4:
			i += 4;
			continue;
		default:	/* K_LEAD3 */
			if (i + 3 > len)
				break;
			if (!key_pair[(c & 0x0f) << 6 | (u[i + 1] & 0x3f)]) {
				/* The bulk of the text: a run of characters
				 * noted as 0, which end a digit run and
				 * 未/没有. */
				i += 3;
				while (i + 3 <= len &&
				    byte_kind[u[i]] == K_LEAD3 &&
				    !key_pair[(u[i] & 0x0f) << 6 |
				    (u[i + 1] & 0x3f)])
					i += 3;
				digit_before = no_before = 0;
				continue;
			}
			ch = char3_has(u + i);
			i += 3;
			if (ch == EV_SKIP)
				continue;
			if (ch == EV_STOP) {
				stop = 3;
				break;
			}
			if (digit_before)
				has |= ch & UNITS;
			if (ch & EV_VERB && no_before == 1)
				has |= HAS_NO;
			no_before = ch & EV_WEI ? 1 : ch & EV_MEI ? 2 :
			    ch & EV_YOU && no_before == 2 ? 1 : 0;
			digit_before = (ch & EV_DIGIT) != 0;
			has |= (ch & EV_DIGIT ? HAS_DIGIT : 0) | (ch &
			    (HAS_GONG | HAS_SHEN | HAS_ZHUAN | HAS_YI |
			    HAS_SU));
			continue;
		}
		break;
	}
	*hasp = has;
	*stopp = stop;
	return i > len ? len : i;
}
