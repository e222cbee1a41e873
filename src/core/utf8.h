/* Small UTF-8 primitives: validation, decoding, classes and widths. */
#ifndef GIP_UTF8_H
#define GIP_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

size_t	utf8_valid_prefix(const char *s, size_t n);
size_t	utf8_encode(uint32_t cp, char *out);
int	utf8_is_cjk(uint32_t cp);
int	utf8_is_wide(uint32_t cp);
size_t	utf8_width(const char *s, size_t n);
/*
 * The first c (k bytes; in use one or a few characters of UTF-8) in
 * s[0..n), as memmem(s, n, c, k); NULL if none.  A 3-byte c is compared
 * whole 16 positions at a time (SSE2); else it looks for c's last byte
 * with memchr: for Chinese, a continuation byte, rarer in Chinese text
 * than any lead byte, so most lines are passed over in one call.
 */
const char *utf8_find_n(const char *s, size_t n, const char *c, size_t k);

/* utf8_find_n for a string; inline, so that the length of a literal is
 * known where it is called, not counted on every call. */
static inline const char *
utf8_find(const char *s, size_t n, const char *c)
{
	return utf8_find_n(s, n, c, strlen(c));
}

/*
 * Decode one character of valid UTF-8; returns its byte length.  Inline:
 * the table readers decode every character of a table with it.
 */
static inline size_t
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

#endif
