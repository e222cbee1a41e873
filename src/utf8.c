/* UTF-8 primitives on explicit lengths; no locale is consulted. */
#include <string.h>

#include "utf8.h"

/* Eight ASCII bytes at p? */
static int
ascii8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return (w & 0x8080808080808080ull) == 0;
}

/*
 * A 3-byte character whose lead byte alone makes it valid given two
 * continuation bytes: E1..EC and EE..EF (E0 can be overlong, ED a
 * surrogate).  Chinese text is almost all such characters.
 */
static int
plain3(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] >= 0xe1 && p[0] <= 0xef && p[0] != 0xed &&
	    (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80;
}

/* Length of the longest valid UTF-8 prefix of s (overlongs and
 * surrogates count as invalid). */
size_t
utf8_valid_prefix(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, need;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i += i + 8 <= n && ascii8(p + i) ? 8 : 1;
			continue;
		}
		if (plain3(p + i, n - i)) {
			i += 3;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			need = 1, cp = p[i] & 0x1f;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			need = 2, cp = p[i] & 0x0f;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			need = 3, cp = p[i] & 0x07;
		else
			return i;
		if (i + need >= n)
			return i;
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 &&
		    cp <= 0xdfff))) || (need == 3 && (cp < 0x10000 ||
		    cp > 0x10ffff)))
			return i;
		i += need + 1;
	}
	return n;
}

/* Decode one character of valid UTF-8; returns its byte length. */
size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (p[0] < 0x80 || n < 2) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0 || n < 4) {
		if (n < 3) {
			*cp = p[0];
			return 1;
		}
		*cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	*cp = (uint32_t)(p[0] & 0x07) << 18 | (p[1] & 0x3f) << 12 |
	    (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
	return 4;
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
