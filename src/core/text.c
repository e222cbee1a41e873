/*
 * Normalising report text for matching: one pass, never longer than its
 * input, so callers can size dst as n + 1.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text.h"
#include "utf8.h"

/* The folded form of one code point; 0 means "drop it". */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		return cp - 0xfee0;
	switch (cp) {
	case 0x3000:
	case 0x00a0:
	case 0x2002:
	case 0x2003:
	case 0x2009:
		return ' ';
	case 0x201c:
	case 0x201d:
		return '"';
	case 0x2018:
	case 0x2019:
		return '\'';
	case 0xfeff:
	case 0x200b:
		return 0;
	default:
		return cp;
	}
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' ||
	    cp == '\n' || cp == 0x3000 || cp == 0xa0;
}

/* Length of a Word "[bookmark: _GoBack]" marker at s, or 0. */
static size_t
bookmark_len(const char *s, size_t n)
{
	const char *close;

	if (n < 11 || memcmp(s, "[bookmark:", 10) != 0)
		return 0;
	close = memchr(s, ']', n < 200 ? n : 200);
	return close ? (size_t)(close - s) + 1 : 0;
}

/* Length of an HTML line break "<br>", "<br/>" or "<br />" at s, or 0:
 * Markdown pipe tables carry them inside cells. */
static size_t
br_len(const char *s, size_t n)
{
	size_t i = 3;

	if (n < 4 || s[0] != '<' || (s[1] != 'b' && s[1] != 'B') ||
	    (s[2] != 'r' && s[2] != 'R'))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '/')
		i++;
	return i < n && s[i] == '>' ? i + 1 : 0;
}

/*
 * Length of a Markdown bold mark at s, or 0: "**", or "*<br>*", the
 * mark a converter cut in two when the cell's text broke at its end
 * ("**1,778*<br>*").
 */
static size_t
bold_mark_len(const char *s, size_t n)
{
	size_t k;

	if (n < 2 || s[0] != '*')
		return 0;
	if (s[1] == '*')
		return 2;
	if ((k = br_len(s + 1, n - 1)) > 0 && k + 1 < n && s[k + 1] == '*')
		return k + 2;
	return 0;
}

/* Decode the code point after position i (0 at the end), folded. */
static uint32_t
peek(const char *s, size_t n, size_t i, unsigned flags)
{
	uint32_t cp;

	if (i >= n)
		return 0;
	utf8_decode(s + i, n - i, &cp);
	return (flags & TEXT_FOLD) ? fold(cp) : cp;
}

/*
 * Characters that every flag leaves as they are, by lead byte: printable
 * ASCII other than the mark openers [ < *; and valid 3-byte characters
 * that fold() keeps and is_space() does not take, led by E1..EC, EE or
 * EF (E0 can be overlong, ED a surrogate), of which those led by E2, E3
 * and EF need a second look (U+2000..U+203F: spaces and quotes; U+3000;
 * U+FEFF and U+FF00..U+FFFF: the full-width forms).  Most report text
 * (Han, CJK punctuation, box drawing) is such characters: they skip the
 * general path.
 */
enum { PLAIN_NO, PLAIN_ASCII, PLAIN_3, PLAIN_3_CHECK };

static unsigned char plain_lead[256];

static void
plain_lead_init(void)
{
	int c;

	for (c = 0x21; c < 0x80; c++)
		plain_lead[c] = PLAIN_ASCII;
	plain_lead['['] = plain_lead['<'] = plain_lead['*'] = PLAIN_NO;
	for (c = 0xe1; c <= 0xef; c++)
		plain_lead[c] = PLAIN_3;
	plain_lead[0xed] = PLAIN_NO;
	plain_lead[0xe2] = plain_lead[0xe3] = plain_lead[0xef] = PLAIN_3_CHECK;
}

/* Is the PLAIN_3_CHECK character at u one that is not plain after all? */
static int
plain_exception(const unsigned char *u)
{
	return (u[0] == 0xe2 && u[1] == 0x80) || (u[0] == 0xe3 &&
	    u[1] == 0x80 && u[2] == 0x80) || (u[0] == 0xef && u[1] >= 0xbb);
}

#ifdef __SSE2__
/*
 * Are the 12 bytes at u four Han characters led by E4..E9 (U+4000..
 * U+9FFF: plain, no exception among them)?  Labels and prose run four
 * and more of them between their punctuation: one test for four, not
 * a branch per byte.  16 bytes are read: the caller has them.
 */
static int
four_han(const unsigned char *u)
{
	/* Lanes 0, 3, 6, 9 leads, 1, 2, 4, 5, 7, 8, 10, 11 continuations;
	 * as signed bytes E4..E9 is -28..-23, 80..BF below -64. */
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)u);
	unsigned lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(-29)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8(-22))));
	unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v,
	    _mm_set1_epi8(-64)));

	return (lead & 0x249) == 0x249 && (cont & 0xdb6) == 0xdb6;
}
#endif

/* Length of the run of plain characters at s.  Inline: norm() is. */
static inline __attribute__((always_inline)) size_t
plain_run(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	unsigned class;

	while (i < n) {
		/* Han led by E4..E9, the commonest: a tight loop of its own,
		 * four at a time where 16 bytes are left */
#ifdef __SSE2__
		while (n - i >= 16 && four_han(u + i))
			i += 12;
#endif
		while (n - i >= 3 && (unsigned)(u[i] - 0xe4) < 6 &&
		    (u[i + 1] & 0xc0) == 0x80 && (u[i + 2] & 0xc0) == 0x80)
			i += 3;
		if (i >= n)
			break;
		if ((class = plain_lead[u[i]]) == PLAIN_ASCII) {
			i++;
			continue;
		}
		if (class == PLAIN_NO || n - i < 3 || ((u[i + 1] ^ 0x80) |
		    (u[i + 2] ^ 0x80)) >= 0x40 || (class == PLAIN_3_CHECK &&
		    plain_exception(u + i)))
			break;
		i += 3;
	}
	return i;
}

/* The code point of the plain character (plain_lead) that ends at e:
 * ASCII, or three bytes. */
static inline uint32_t
last_plain(const char *e)
{
	const unsigned char *u = (const unsigned char *)e;

	if (!(u[-1] & 0x80))
		return u[-1];
	return (uint32_t)(u[-3] & 0x0f) << 12 | (u[-2] & 0x3f) << 6 |
	    (u[-1] & 0x3f);
}

/* The white space of is_space() that is one byte. */
static int
ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v';
}

/* A space, TAB, LF, FF, VT or U+3000 at s: its length, else 0. */
static size_t
plain_space(const char *s, size_t n)
{
	if (ascii_space(s[0]))
		return 1;
	return n >= 3 && s[0] == '\xe3' && s[1] == '\x80' && s[2] == '\x80' ?
	    3 : 0;
}

/* A full-width form U+FF01..U+FF5E at s (EF BC 81 .. EF BD 9E), which
 * fold() makes ASCII: the commas and brackets of Chinese text. */
static int
full_width(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	return n >= 3 && u[0] == 0xef && ((u[1] == 0xbc && u[2] >= 0x81 &&
	    u[2] <= 0xbf) || (u[1] == 0xbd && u[2] >= 0x80 && u[2] <= 0x9e));
}

/*
 * memmove(d, s, k) for 1 <= k <= 16, d at or before s: both ends loaded
 * before either is stored (they may overlap), no call.
 */
static inline void
copy_short(char *d, const char *s, size_t k)
{
	uint64_t a8, b8;
	uint32_t a4, b4;
	char a, b, c;

	if (k >= 8) {
		memcpy(&a8, s, 8);
		memcpy(&b8, s + k - 8, 8);
		memcpy(d, &a8, 8);
		memcpy(d + k - 8, &b8, 8);
	} else if (k >= 4) {
		memcpy(&a4, s, 4);
		memcpy(&b4, s + k - 4, 4);
		memcpy(d, &a4, 4);
		memcpy(d + k - 4, &b4, 4);
	} else {
		a = s[0];
		b = s[k / 2];
		c = s[k - 1];
		d[0] = a;
		d[k / 2] = b;
		d[k - 1] = c;
	}
}

/*
 * text_norm, and if simple is not NULL, *simple: 0 if a character was
 * written that is not plain (plain_lead) and not a space, or a mark
 * opener [ < * was (what a TEXT_LABEL pass would treat otherwise than
 * it treats plain characters and spaces).  Inline twice: text_norm
 * pays nothing for it.
 */
static inline __attribute__((always_inline)) size_t
norm(char *dst, const char *src, size_t n, unsigned flags, int *simple)
{
	size_t i = 0, o = 0, k, len;
	uint32_t cp, raw, prev = 0;

	if (plain_lead['a'] == PLAIN_NO)
		plain_lead_init();
	while (i < n) {
		if ((k = plain_run(src + i, n - i)) > 0) {
			/* callers may fold in place (dst + o at or before
			 * src + i: a forward copy is safe); a short run, most
			 * between full-width brackets, without a call */
			if (dst + o != src + i && k <= 16)
				copy_short(dst + o, src + i, k);
			else if (dst + o != src + i)
				memmove(dst + o, src + i, k);
			i += k;
			o += k;
			if (flags & TEXT_JOIN)	/* prev is for it alone */
				prev = last_plain(src + i);
			continue;
		}
		if ((flags & TEXT_SQUEEZE) && (k = plain_space(src + i,
		    n - i)) > 0) {
			i += k;	/* what the is_space() case below does */
			while (i < n && ascii_space(src[i]))	/* aligned columns */
				i++;
			continue;
		}
		if ((flags & TEXT_FOLD) && full_width(src + i, n - i)) {
			prev = fold(0xff00 | ((src[i + 1] & 1) << 6 |
			    (src[i + 2] & 0x3f)));
			dst[o++] = prev;	/* as the general path folds it */
			if (simple != NULL && (prev == '[' || prev == '<' ||
			    prev == '*'))
				*simple = 0;
			i += 3;
			continue;
		}
		if ((flags & TEXT_MARKS) && (k = bookmark_len(src + i,
		    n - i)) > 0) {
			i += k;
			continue;
		}
		if ((flags & TEXT_MARKS) && (k = br_len(src + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if ((flags & TEXT_MARKS) && (k = bold_mark_len(src + i,
		    n - i)) > 0) {
			i += k;
			continue;
		}
		len = utf8_decode(src + i, n - i, &cp);
		i += len;
		raw = cp;
		if (flags & TEXT_FOLD)
			cp = fold(cp);
		if (cp == 0)
			continue;
		if (is_space(cp)) {
			if (flags & TEXT_SQUEEZE)
				continue;
			if ((flags & TEXT_TRIM) && o == 0)
				continue;
			if ((flags & TEXT_JOIN) && utf8_is_cjk(prev) &&
			    utf8_is_cjk(peek(src, n, i, flags)))
				continue;
			if (flags & TEXT_FOLD)
				cp = ' ';
		}
		/*
		 * What folding changed is ASCII now; the rest is copied as
		 * it was: re-encoding the bytes of a character cut short
		 * (callers cut lines at a byte count) would lengthen them.
		 */
		if (cp != raw)
			dst[o++] = cp;
		else {
			memcpy(dst + o, src + i - len, len);
			o += len;
		}
		/* what reaches here was no plain run: only a space byte,
		 * or ASCII that folding made plain, keeps the text simple
		 * (the bytes of a character copied as they were are not
		 * plain, even when they decode to a space: invalid UTF-8) */
		if (simple != NULL && (cp == raw ? len != 1 || cp != ' ' :
		    (cp < 0x21 && cp != ' ') || cp == '[' || cp == '<' ||
		    cp == '*'))
			*simple = 0;
		prev = cp;
	}
	if (flags & TEXT_TRIM)
		while (o > 0 && (dst[o - 1] == ' ' || dst[o - 1] == '\t'))
			o--;
	dst[o] = '\0';
	return o;
}

size_t
text_norm(char *dst, const char *src, size_t n, unsigned flags)
{
	return norm(dst, src, n, flags, NULL);
}

size_t
text_clean(char *dst, const char *src, size_t n, int *simple)
{
	*simple = 1;
	return norm(dst, src, n, TEXT_CLEAN, simple);
}

/* Only white space (including U+3000 and NBSP) or nothing. */
int
text_has_digit(const char *s, size_t n)
{
	for (; n > 0; s++, n--)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

int
text_is_blank(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		while (i < n && s[i] == ' ')	/* aligned columns */
			i++;
		if (i == n)
			break;
		if ((unsigned char)s[i] < 0x80)	/* no call to decode */
			cp = (unsigned char)s[i++];
		else if ((unsigned char)s[i] >= 0xe4 &&
		    (unsigned char)s[i] <= 0xe9)
			return 0;	/* Han: decodes to U+4000 or above */
		else
			i += utf8_decode(s + i, n - i, &cp);
		if (!is_space(cp) && cp != '\r')
			return 0;
	}
	return 1;
}

const char *
text_skip_space(const char *s, const char *end)
{
	uint32_t cp;
	size_t len;

	while (s < end && *s == ' ')	/* aligned columns: a tight loop */
		s++;
	while (s < end) {
		if ((unsigned char)*s < 0x80) {	/* most: no call to decode */
			if (!is_space((unsigned char)*s))
				break;
			s++;
			continue;
		}
		if ((unsigned char)*s >= 0xe4 && (unsigned char)*s <= 0xe9)
			break;	/* Han: decodes to U+4000 or above */
		len = utf8_decode(s, end - s, &cp);
		if (!is_space(cp))
			break;
		s += len;
	}
	return s;
}

/*
 * Append s[0..n) in its TEXT_LABEL form to the string dst of the given
 * size, cut to fit (labels joined from wrapped lines and cells).  At
 * most TEXT_LABEL_IN bytes of s are read.
 */
#define TEXT_LABEL_IN 2047

void
text_label_append(char *dst, size_t size, const char *s, size_t n)
{
	text_label_append_at(dst, strlen(dst), size, s, n);
}

size_t
text_label_append_simple(char *dst, size_t have, size_t size, const char *s,
    size_t n)
{
	char *d = dst + have, *e = dst + size - 1;
	const char *end = s + n, *sp;
	size_t k;

	/* cut to TEXT_LABEL_IN, a character could be cut: its bytes are
	 * not plain, the general path decodes them */
	if (n > TEXT_LABEL_IN)
		return text_label_append_at(dst, have, size, s, n);
	while (s < end && d < e) {	/* most labels: one run, no space */
		if ((sp = memchr(s, ' ', (size_t)(end - s))) == NULL)
			sp = end;
		k = (size_t)(sp - s) < (size_t)(e - d) ? (size_t)(sp - s) :
		    (size_t)(e - d);
		memcpy(d, s, k);
		d += k;
		s = sp + 1;
	}
	*d = '\0';
	return (size_t)(d - dst);
}

size_t
text_label_append_at(char *dst, size_t have, size_t size, const char *s,
    size_t n)
{
	char tmp[TEXT_LABEL_IN + 1];

	if (n > TEXT_LABEL_IN)
		n = TEXT_LABEL_IN;
	/* room for all of it (the form is never longer) and s apart from
	 * dst: normalised in place, no copy */
	if (have + n + 1 <= size && ((uintptr_t)(s + n) <= (uintptr_t)dst ||
	    (uintptr_t)s >= (uintptr_t)(dst + size)))
		return have + text_norm(dst + have, s, n, TEXT_LABEL);
	n = text_norm(tmp, s, n, TEXT_LABEL);
	if (have + n + 1 > size)
		n = size - have - 1;
	memcpy(dst + have, tmp, n);
	dst[have + n] = '\0';
	return have + n;
}
