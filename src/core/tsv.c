/* TSV fields with gip(5)'s escaping: \t \n \r \\ and nothing else. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tsv.h"

static const char *
escape_of(unsigned char c)
{
	switch (c) {
	case '\t':	return "\\t";
	case '\n':	return "\\n";
	case '\r':	return "\\r";
	case '\\':	return "\\\\";
	default:	return NULL;
	}
}

/* Does byte c need an escape?  A table: this runs on every output byte. */
static const unsigned char special[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\\'] = 1
};

/*
 * Write n bytes of s as one escaped field, in runs between escapes.  The
 * tools are single-threaded: the stdio calls need not lock.
 */
void
tsv_field(FILE *fp, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]])
			continue;
		fwrite_unlocked(s + start, 1, i - start, fp);
		fputs_unlocked(escape_of((unsigned char)s[i]), fp);
		start = i + 1;
	}
	fwrite_unlocked(s + start, 1, n - start, fp);
}

void
tsv_str(FILE *fp, const char *s)
{
	tsv_field(fp, s, strlen(s));
}

/* The letter of a byte's escape. */
static const char letter[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
};

/* Escape n bytes of s into out, which has room for 2n; returns the
 * length written. */
static size_t
escape_into(char *out, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]]) {
			out[o++] = s[i];
			continue;
		}
		out[o++] = '\\';
		out[o++] = letter[(unsigned char)s[i]];
	}
	return o;
}

/* "00" to "99": a line number is written two digits at a time. */
static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233"
    "34353637383940414243444546474849505152535455565758596061626364656667"
    "6869707172737475767778798081828384858687888990919293949596979899";

/* The decimal digits of v > 0 at p; returns their end.  snprintf was
 * half of a cell's cost; nearly every line number has 1 to 4 digits. */
static inline char *
decimal_at(char *p, unsigned long v)
{
	char tmp[24];
	size_t n = 0;

	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	if (v < 100) {
		memcpy(p, pairs + 2 * v, 2);
		return p + 2;
	}
	if (v < 10000) {
		if (v < 1000)
			*p++ = (char)('0' + v / 100);
		else {
			memcpy(p, pairs + 2 * (v / 100), 2);
			p += 2;
		}
		memcpy(p, pairs + 2 * (v % 100), 2);
		return p + 2;
	}
	for (; v > 0; v /= 10)
		tmp[n++] = (char)('0' + v % 10);
	while (n > 0)
		*p++ = tmp[--n];
	return p;
}

/*
 * Fields escaped at once into out, each followed by a TAB; size is the
 * room in out.  Returns the length, 0 if they do not fit.  The source
 * and table of a report's cells are escaped once, as the start of all
 * their lines.
 */
size_t
tsv_prefix(char *out, size_t size, const char *const *field, int n)
{
	size_t o = 0, len;
	int k;

	for (k = 0; k < n; k++) {
		len = strlen(field[k]);
		if (2 * len + 1 > size - o)
			return 0;
		o += escape_into(out + o, field[k], len);
		out[o++] = '\t';
	}
	return o;
}

/*
 * Fields read 16 bytes at a time may read up to 15 bytes past their NUL,
 * never into the next page: harmless, but the address sanitizer says
 * no, so its builds copy byte by byte.
 */
#if defined(__SANITIZE_ADDRESS__)
#define TSV_BYTEWISE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TSV_BYTEWISE 1
#endif
#endif
#if defined(__SSE2__) && !defined(TSV_BYTEWISE)
#define TSV_BLOCKS 1
#endif

/* Byte c at p, escaped; returns the end. */
static inline char *
put_byte(char *p, unsigned char c)
{
	if (!special[c]) {
		*p = (char)c;
		return p + 1;
	}
	p[0] = '\\';
	p[1] = letter[c];
	return p + 2;
}

/*
 * The NUL-ended field s, escaped, at p; returns its end, NULL if it
 * passes lim.  With m the later of p and lim, it ends before m + 16 and
 * writes nothing past m + 17.  A cell's fields are short and rarely need
 * an escape: 16 bytes are copied and tested for a NUL or an escape at
 * once.
 */
static inline char *
put_field(char *p, const char *lim, const char *s)
{
#ifdef TSV_BLOCKS
	const __m128i thirteen = _mm_set1_epi8(13), bs = _mm_set1_epi8('\\');
	__m128i v;
	unsigned bits, i;

	for (;;) {
		if (((uintptr_t)s & 4095) <= 4096 - 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)s);
			_mm_storeu_si128((__m128i *)(void *)p, v);
			/* bytes 0..13 (NUL, TAB, LF, CR, a few others), \ */
			bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(_mm_min_epu8(v, thirteen), v),
			    _mm_cmpeq_epi8(v, bs)));
			if (bits == 0)
				p += 16, s += 16;
			else {
				i = (unsigned)__builtin_ctz(bits);
				p += i, s += i;
				if (*s == '\0')
					return p;
				p = put_byte(p, (unsigned char)*s++);
			}
		} else {	/* near a page's end: a byte */
			if (*s == '\0')
				return p;
			p = put_byte(p, (unsigned char)*s++);
		}
		if (p > lim)
			return NULL;
	}
#else
	for (; *s != '\0'; s++) {
		p = put_byte(p, (unsigned char)*s);
		if (p > lim)
			return NULL;
	}
	return p;
#endif
}

/*
 * One cell line into out, which has room for size bytes: pre[0..npre)
 * (tsv_prefix's, in a buffer readable to a multiple of 16 bytes), the
 * fields row, col and value, and the line (0: an empty field).  Returns
 * its length, 0 if it does not fit.
 */
size_t
tsv_cell_into(char *out, size_t size, const char *pre, size_t npre,
    const char *row, const char *col, const char *value, long line)
{
	/* three fields, 16 bytes each past lim at most, the line */
	enum { SLACK = 3 * 16 + 2 + 24 };
	char *p, *lim = out + size - SLACK;
	size_t i;

	if (size < SLACK + npre)
		return 0;
	for (i = 0; i < npre; i += 16)	/* short: no memcpy call */
		memcpy(out + i, pre + i, 16);
	p = out + npre;
	if ((p = put_field(p, lim, row)) == NULL)
		return 0;
	*p++ = '\t';
	if ((p = put_field(p, lim, col)) == NULL)
		return 0;
	*p++ = '\t';
	if ((p = put_field(p, lim, value)) == NULL)
		return 0;
	*p++ = '\t';
	if (line > 0)
		p = decimal_at(p, (unsigned long)line);
	*p++ = '\n';
	return (size_t)(p - out);
}

/*
 * Undo the escaping in place; returns the new length.  A backslash before
 * any other character is kept as it is, as gip(5) defines no other
 * escape.
 */
size_t
tsv_unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t i, o;

	if (bs == NULL)		/* most fields: nothing to undo */
		return n;
	for (i = o = bs - s; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			s[o++] = s[i];
			continue;
		}
		switch (s[i + 1]) {
		case 't':  s[o++] = '\t'; i++; break;
		case 'n':  s[o++] = '\n'; i++; break;
		case 'r':  s[o++] = '\r'; i++; break;
		case '\\': s[o++] = '\\'; i++; break;
		default:   s[o++] = '\\'; break;
		}
	}
	return o;
}
