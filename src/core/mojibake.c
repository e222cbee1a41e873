/* Mojibake undone (mojibake.h). */
#include <stdint.h>

#include "mojibake.h"
#include "utf8.h"

/* Bytes of the text's start looked at to tell it. */
#define HEAD		4096
/* Latin-1 letters at least, and no CJK, in the head. */
#define MIN_LATIN	32

/* Windows-1252's characters for bytes 0x80..0x9F (0: none; Latin-1
 * gives those bytes as U+0080..U+009F). */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/*
 * In its first HEAD bytes, Chinese text has CJK characters (lead bytes
 * E3..E9: U+3000..U+9FFF) and mojibake none, but many characters of
 * U+0080..U+00FF (lead bytes C2, C3).  A report's title comes first.
 */
static int
looks_mojibake(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, latin = 0;

	if (n > HEAD)
		n = HEAD;
	for (i = 0; i < n; i++)
		if (p[i] >= 0xe3 && p[i] <= 0xe9)
			return 0;
		else
			latin += p[i] == 0xc2 || p[i] == 0xc3;
	return latin >= MIN_LATIN;
}

/* The byte a character stood for, or -1 when it stands for none. */
static int
byte_of(uint32_t cp)
{
	int i;

	if (cp < 0x100)
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (cp1252[i] == cp)
			return 0x80 + i;
	return -1;
}

int
mojibake_undo(const char *s, size_t n, struct buf *out)
{
	size_t i, k, high = 0;
	uint32_t cp;
	int b;
	char c;

	if (!looks_mojibake(s, n))
		return 0;
	out->len = 0;
	buf_reserve(out, n);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if ((b = byte_of(cp)) < 0)
			return 0;	/* a character no byte gives */
		high += b >= 0x80;
		c = (char)b;
		buf_add(out, &c, 1);
	}
	return high > 0;
}
