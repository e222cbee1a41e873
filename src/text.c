/*
 * Normalising report text for matching: one pass, never longer than its
 * input, so callers can size dst as n + 1.
 */
#include <string.h>

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
 * A character at s that every flag leaves as it is: printable ASCII
 * other than the mark openers [ < *, or a valid 3-byte character from
 * U+3001 to U+9FFF (CJK and its punctuation; fold() keeps all but
 * U+3000).  Returns its length, 1 or 3, with its code point, or 0.
 * Most report text is such characters: they skip the general path.
 */
static size_t
plain_char(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] > 0x20 && u[0] < 0x80) {
		if (u[0] == '[' || u[0] == '<' || u[0] == '*')
			return 0;
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xe3 || u[0] > 0xe9 || n < 3 || (u[1] & 0xc0) != 0x80 ||
	    (u[2] & 0xc0) != 0x80 || (u[0] == 0xe3 && u[1] == 0x80 &&
	    u[2] == 0x80))
		return 0;
	*cp = (uint32_t)(u[0] & 0x0f) << 12 | (u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
	return 3;
}

size_t
text_norm(char *dst, const char *src, size_t n, unsigned flags)
{
	size_t i = 0, o = 0, k, len;
	uint32_t cp, raw, prev = 0;

	while (i < n) {
		if ((k = plain_char(src + i, n - i, &prev)) == 1) {
			dst[o++] = src[i++];
			continue;
		}
		if (k == 3) {
			dst[o] = src[i];
			dst[o + 1] = src[i + 1];
			dst[o + 2] = src[i + 2];
			i += 3;
			o += 3;
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
		if ((flags & TEXT_MARKS) && src[i] == '*' && i + 1 < n &&
		    src[i + 1] == '*') {
			i += 2;
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
		prev = cp;
	}
	if (flags & TEXT_TRIM)
		while (o > 0 && (dst[o - 1] == ' ' || dst[o - 1] == '\t'))
			o--;
	dst[o] = '\0';
	return o;
}

/* Only white space (including U+3000 and NBSP) or nothing. */
int
text_is_blank(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
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

	while (s < end) {
		len = utf8_decode(s, end - s, &cp);
		if (!is_space(cp))
			break;
		s += len;
	}
	return s;
}
