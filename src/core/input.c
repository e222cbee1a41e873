/*
 * Input decoding.  Archives mix UTF-8 (with and without BOM), GB18030/GBK
 * and UTF-16 with BOM, with LF, CRLF or CR line ends; every tool sees the
 * same clean UTF-8 text with LF.  Undecodable bytes become U+FFFD with a
 * warning naming the first line they are on.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 picked at run time where the compiler can (held_avx2). */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define INPUT_AVX2 1
#include <immintrin.h>
#endif

#include "buf.h"
#include "err.h"
#include "input.h"
#include "mojibake.h"
#include "utf8.h"

static int
starts_zip(const char *s, size_t n)
{
	return n >= 4 && memcmp(s, "PK\3\4", 4) == 0;
}

/* The most bytes an input may have: GIP_MAX_ZIP for a zip. */
static size_t
input_cap(const char *s, size_t n)
{
	return starts_zip(s, n) ? GIP_MAX_ZIP : GIP_MAX_INPUT;
}

/*
 * Read all of fd, refusing more than input_cap bytes.  A short read of a
 * regular file is its end, which saves a read per report.
 */
static int
slurp(int fd, const char *name, int regular, struct buf *b)
{
	ssize_t n;
	size_t want, cap;

	b->len = 0;
	for (;;) {
		buf_reserve(b, 1 << 16);
		want = b->cap - b->len - 1;
		n = read(fd, b->p + b->len, want);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			gip_error(name, 0, "%s", strerror(errno));
			return -1;
		}
		b->len += n;
		if (b->len > (cap = input_cap(b->p, b->len))) {
			gip_error(name, 0, "larger than %zu MiB, not read",
			    cap >> 20);
			return -1;
		}
		if (regular && (size_t)n < want)
			break;
	}
	return 0;
}

/* Is the regular file fd larger than its kind may be?  Only a zip's
 * first bytes are looked at (pread: the offset stays). */
static int
too_large(int fd, off_t size, size_t *cap)
{
	char head[4];
	ssize_t n;

	*cap = GIP_MAX_INPUT;
	if (size <= GIP_MAX_INPUT)
		return 0;
	n = pread(fd, head, sizeof head, 0);
	*cap = input_cap(head, n > 0 ? (size_t)n : 0);
	return size > (off_t)*cap;
}

/* The line offset off of decoded text is on; LF, CRLF and CR end lines. */
static long
line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	return line;
}

/*
 * One descriptor per source encoding, kept open: opening one loads a
 * gconv module and closing the last unloads it, which cost more than
 * the conversion itself when done for every file.
 */
static iconv_t
converter(const char *from)
{
	static struct { const char *from; iconv_t cd; } open_cd[4];
	size_t i;

	for (i = 0; i < 4 && open_cd[i].from != NULL; i++)
		if (strcmp(open_cd[i].from, from) == 0) {
			iconv(open_cd[i].cd, NULL, NULL, NULL, NULL);
			return open_cd[i].cd;
		}
	if (i == 4)
		iconv_close(open_cd[--i].cd);
	open_cd[i].cd = iconv_open("UTF-8", from);
	if (open_cd[i].cd == (iconv_t)-1)
		gip_fatal("iconv cannot convert from %s", from);
	open_cd[i].from = from;
	return open_cd[i].cd;
}

/*
 * Convert with iconv, replacing each undecodable byte (or a truncated
 * sequence at the end) with U+FFFD.  Returns the number replaced and the
 * output offset of the first.
 */
static size_t
convert(const char *from, const char *in, size_t inlen, struct buf *out,
    size_t *firstbad)
{
	iconv_t cd = converter(from);
	char *ip = (char *)in, *op;
	size_t il = inlen, ol, bad = 0;

	out->len = 0;
	while (il > 0) {
		buf_reserve(out, il * 2 + 16);
		op = out->p + out->len;
		ol = out->cap - out->len - 1;
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) {
			out->len = op - out->p;
			continue;
		}
		out->len = op - out->p;
		if (errno == E2BIG)
			continue;
		if (bad++ == 0)
			*firstbad = out->len;
		buf_add(out, "\xef\xbf\xbd", 3);
		ip++;
		il--;
	}
	out->p[out->len] = '\0';
	return bad;
}

static struct buf raw, dec;

/* Copy UTF-8, replacing each invalid byte with U+FFFD; *chars counts
 * the valid multi-byte characters. */
static size_t
repair_utf8(const char *in, size_t inlen, struct buf *out, size_t *firstbad,
    size_t *chars)
{
	size_t i = 0, k, n, bad = 0;

	out->len = 0;
	*chars = 0;
	buf_reserve(out, inlen);
	while (i < inlen) {
		n = utf8_valid_prefix(in + i, inlen - i);
		for (k = 0; k < n; k++)
			*chars += (unsigned char)in[i + k] >= 0xc0;
		buf_add(out, in + i, n);
		i += n;
		if (i == inlen)
			break;
		if (bad++ == 0)
			*firstbad = out->len;
		buf_add(out, "\xef\xbf\xbd", 3);
		i++;
	}
	out->p[out->len] = '\0';
	return bad;
}

/*
 * Text that is not valid UTF-8: GB18030 when that decodes it better, but
 * UTF-8 with a few broken bytes (html2text cuts characters in two) stays
 * UTF-8 rather than turning into GB18030 nonsense.
 */
static size_t
decode_8bit(struct gip_doc *doc, const char *s, size_t n, size_t *firstbad)
{
	size_t bad, badgb, firstgb = 0, chars;

	bad = repair_utf8(s, n, &dec, firstbad, &chars);
	if (bad * 2 < chars)	/* GB18030 as UTF-8: bad bytes outnumber */
		return bad;
	badgb = convert("GB18030", s, n, &dec, &firstgb);
	if (badgb <= bad) {
		doc->encoding = "GB18030";
		*firstbad = firstgb;
		return badgb;
	}
	return repair_utf8(s, n, &dec, firstbad, &chars);
}

/* CRLF and lone CR become LF, in place. */
static size_t
unify_line_ends(char *s, size_t n)
{
	char *cr = memchr(s, '\r', n), *out, *end = s + n, *next;
	size_t span;

	if (cr == NULL)
		return n;
	for (out = cr; cr != NULL; cr = next) {
		*out++ = '\n';
		if (cr + 1 < end && cr[1] == '\n')
			cr++;
		next = memchr(cr + 1, '\r', end - cr - 1);
		span = (next ? next : end) - (cr + 1);
		memmove(out, cr + 1, span);	/* the text up to the next CR */
		out += span;
	}
	*out = '\0';
	return out - s;
}

#ifdef INPUT_AVX2
/*
 * unify_line_ends from s[0..n) into out, which does not overlap it and
 * has room for n bytes and a NUL: 32 bytes stored at a time, and where
 * they hold a CR, the bytes after it stored again after its LF (what is
 * written never passes what was read).  A CRLF text has a CR a line:
 * no call for each, as memchr and memmove were.  Returns the length.
 */
__attribute__((target("avx2"))) static size_t
unify_copy_avx2(char *out, const char *s, size_t n)
{
	const __m256i cr = _mm256_set1_epi8('\r');
	__m256i v;
	size_t i = 0, o = 0;
	unsigned m, k;

	while (i + 32 <= n) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		_mm256_storeu_si256((__m256i *)(void *)(out + o), v);
		m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, cr));
		if (m == 0) {
			i += 32;
			o += 32;
			continue;
		}
		k = (unsigned)__builtin_ctz(m);
		i += k;
		o += k;
		out[o++] = '\n';
		i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	}
	for (; i < n; i++) {
		if (s[i] != '\r') {
			out[o++] = s[i];
			continue;
		}
		out[o++] = '\n';
		if (i + 1 < n && s[i + 1] == '\n')
			i++;
	}
	out[o] = '\0';
	return o;
}
#endif

/* Control characters among the n bytes at s, white space and ESC aside. */
static size_t
count_control(const char *s, size_t n)
{
	const uint32_t ok = 1u | 1u << '\t' | 1u << '\n' | 1u << '\r' |
	    1u << '\f' | 1u << '\v' | 1u << 033;
	size_t i, ctl = 0;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		ctl += c < 0x20 && !(ok >> (c & 31) & 1);
	}
	return ctl;
}

#ifdef __SSE2__
/*
 * count_control sixteen bytes at a time, without a branch per byte: line
 * ends are below 0x20 too, so a test for "any control byte here" would
 * send most of a text to the byte loop.  Counts the bytes below 0x20
 * other than TAB..CR (09..0D), ESC and NUL.
 */
static size_t
count_control_simd(const char *s, size_t n)
{
	const __m128i lim = _mm_set1_epi8(0x1f), tab = _mm_set1_epi8(0x09);
	const __m128i crspan = _mm_set1_epi8(0x0d - 0x09), esc = _mm_set1_epi8(033);
	const __m128i zero = _mm_setzero_si128();
	__m128i v, low, space, acc = zero;
	size_t i, ctl = 0;
	int round = 0;

	/* Each lane counts its control bytes (a match is -1: subtracted);
	 * the lanes are summed before one could pass 255.  No popcount:
	 * without -mpopcnt it is a libgcc call. */
	for (i = 0; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		low = _mm_cmpeq_epi8(_mm_min_epu8(v, lim), v);	/* <= 0x1f */
		space = _mm_sub_epi8(v, tab);			/* 09..0D: 0..4 */
		space = _mm_cmpeq_epi8(_mm_min_epu8(space, crspan), space);
		space = _mm_or_si128(space, _mm_cmpeq_epi8(v, esc));
		space = _mm_or_si128(space, _mm_cmpeq_epi8(v, zero));
		acc = _mm_sub_epi8(acc, _mm_andnot_si128(space, low));
		if (++round == 255 || i + 32 > n) {
			acc = _mm_sad_epu8(acc, zero);
			ctl += (size_t)_mm_cvtsi128_si32(acc) +
			    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
			acc = zero;
			round = 0;
		}
	}
	return ctl + count_control(s + i, n - i);
}
#else
#define count_control_simd count_control
#endif

#ifdef INPUT_AVX2
/* count_control_simd 32 bytes at a time. */
__attribute__((target("avx2"))) static size_t
count_control_avx2(const char *s, size_t n)
{
	const __m256i lim = _mm256_set1_epi8(0x1f);
	const __m256i tab = _mm256_set1_epi8(0x09);
	const __m256i crspan = _mm256_set1_epi8(0x0d - 0x09);
	const __m256i esc = _mm256_set1_epi8(033);
	const __m256i zero = _mm256_setzero_si256();
	__m256i v, low, space, acc;
	size_t i = 0, stop, ctl = 0;

	/* the lanes are summed before one could pass 255 */
	while (i + 32 <= n) {
		stop = n - i > 255 * 32 ? i + 255 * 32 : n;
		for (acc = zero; i + 32 <= stop; i += 32) {
			v = _mm256_loadu_si256((const __m256i *)(const void *)(s +
			    i));
			low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, lim), v);
			space = _mm256_sub_epi8(v, tab);
			space = _mm256_cmpeq_epi8(_mm256_min_epu8(space,
			    crspan), space);
			space = _mm256_or_si256(space, _mm256_cmpeq_epi8(v,
			    esc));
			space = _mm256_or_si256(space, _mm256_cmpeq_epi8(v,
			    zero));
			acc = _mm256_sub_epi8(acc, _mm256_andnot_si256(space,
			    low));
		}
		acc = _mm256_sad_epu8(acc, zero);
		ctl += (size_t)_mm256_extract_epi64(acc, 0) +
		    (size_t)_mm256_extract_epi64(acc, 1) +
		    (size_t)_mm256_extract_epi64(acc, 2) +
		    (size_t)_mm256_extract_epi64(acc, 3);
	}
	return ctl + count_control(s + i, n - i);
}
#endif

/* The bytes of the GIP_BYTE_* bits, in their order. */
static const char rare_bytes[8] = { '\0', '\r', '<', '#', '|', '+', ':', ']' };

/* The GIP_BYTE_* bits of the rare bytes s[0..n) holds, a memchr each. */
static unsigned
held_memchr(const char *s, size_t n)
{
	unsigned i, held = 0;

	for (i = 0; i < 8; i++)
		if (memchr(s, rare_bytes[i], n) != NULL)
			held |= 1u << i;
	return held;
}

#ifdef INPUT_AVX2
/*
 * held_memchr in one pass, 32 bytes a step: two look-ups of 16 entries,
 * by each half of a byte.  Each of the eight bytes has its own bit, in
 * the entry of its high half and in that of its low half, and no other
 * byte has the same two halves, so a byte gets a bit from both halves
 * exactly when it is that bit's byte.  A byte of 80 or above gets none
 * (the low look-up gives 0 for it).
 */
__attribute__((target("avx2"))) static unsigned
held_avx2(const char *s, size_t n)
{
	const __m256i by_low = _mm256_setr_epi8(
	    GIP_BYTE_NUL, 0, 0, GIP_BYTE_HASH, 0, 0, 0, 0, 0, 0,
	    GIP_BYTE_COLON, GIP_BYTE_PLUS, GIP_BYTE_LT | GIP_BYTE_BAR,
	    GIP_BYTE_CR | (char)GIP_BYTE_BRACKET, 0, 0,
	    GIP_BYTE_NUL, 0, 0, GIP_BYTE_HASH, 0, 0, 0, 0, 0, 0,
	    GIP_BYTE_COLON, GIP_BYTE_PLUS, GIP_BYTE_LT | GIP_BYTE_BAR,
	    GIP_BYTE_CR | (char)GIP_BYTE_BRACKET, 0, 0);
	const __m256i by_high = _mm256_setr_epi8(
	    GIP_BYTE_NUL | GIP_BYTE_CR, 0, GIP_BYTE_HASH | GIP_BYTE_PLUS,
	    GIP_BYTE_LT | GIP_BYTE_COLON, 0, (char)GIP_BYTE_BRACKET, 0,
	    GIP_BYTE_BAR, 0, 0, 0, 0, 0, 0, 0, 0,
	    GIP_BYTE_NUL | GIP_BYTE_CR, 0, GIP_BYTE_HASH | GIP_BYTE_PLUS,
	    GIP_BYTE_LT | GIP_BYTE_COLON, 0, (char)GIP_BYTE_BRACKET, 0,
	    GIP_BYTE_BAR, 0, 0, 0, 0, 0, 0, 0, 0);
	const __m256i low4 = _mm256_set1_epi8(0x0f);
	__m256i x, y, acc = _mm256_setzero_si256(), acc1 = acc;
	__m128i a;
	size_t i;

	/* 64 bytes a step (two chains), then 32 */
	for (i = 0; i + 64 <= n; i += 64) {
		x = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		y = _mm256_loadu_si256((const __m256i *)(const void *)(s + i +
		    32));
		acc = _mm256_or_si256(acc, _mm256_and_si256(
		    _mm256_shuffle_epi8(by_low, x),
		    _mm256_shuffle_epi8(by_high, _mm256_and_si256(
		    _mm256_srli_epi16(x, 4), low4))));
		acc1 = _mm256_or_si256(acc1, _mm256_and_si256(
		    _mm256_shuffle_epi8(by_low, y),
		    _mm256_shuffle_epi8(by_high, _mm256_and_si256(
		    _mm256_srli_epi16(y, 4), low4))));
	}
	for (; i + 32 <= n; i += 32) {
		x = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		acc = _mm256_or_si256(acc, _mm256_and_si256(
		    _mm256_shuffle_epi8(by_low, x),
		    _mm256_shuffle_epi8(by_high, _mm256_and_si256(
		    _mm256_srli_epi16(x, 4), low4))));
	}
	acc = _mm256_or_si256(acc, acc1);
	a = _mm_or_si128(_mm256_castsi256_si128(acc),
	    _mm256_extracti128_si256(acc, 1));
	a = _mm_or_si128(a, _mm_srli_si128(a, 8));
	a = _mm_or_si128(a, _mm_srli_si128(a, 4));
	a = _mm_or_si128(a, _mm_srli_si128(a, 2));
	a = _mm_or_si128(a, _mm_srli_si128(a, 1));
	return ((unsigned)_mm_cvtsi128_si32(a) & 0xff) |
	    held_memchr(s + i, n - i);
}
#endif

/*
 * The GIP_BYTE_* bits of the bytes s[0..n) does not hold: every text is
 * asked for each (NUL and CR here, < and the Markdown and grid marks by
 * the readers), so one pass where the processor has AVX2.
 */
static unsigned
absent_bytes(const char *s, size_t n)
{
#ifdef INPUT_AVX2
	if (__builtin_cpu_supports("avx2"))
		return ~held_avx2(s, n) & 0xff;
#endif
	return ~held_memchr(s, n) & 0xff;
}

/*
 * Control characters other than white space and ESC in the first 4 KiB:
 * this runs on every file.  NUL is not counted there; absent (what
 * absent_bytes found of s[0..n)) tells whether there is one.
 */
static int
looks_binary(const char *s, size_t n, unsigned absent)
{
	size_t probe = n < 4096 ? n : 4096;

	if (n >= 4 && memcmp(s, "\177ELF", 4) == 0)
		return 1;
#ifdef INPUT_AVX2
	if (__builtin_cpu_supports("avx2"))
		return count_control_avx2(s, probe) * 8 > probe ||
		    !(absent & GIP_BYTE_NUL);
#endif
	return count_control_simd(s, probe) * 8 > probe ||
	    !(absent & GIP_BYTE_NUL);
}

/* A document starting with markup that names html (after BOM, space). */
static int
looks_html(const char *s, size_t n)
{
	size_t i = 0, probe = n < 1024 ? n : 1024;

	while (i < probe && strchr(" \t\n\r\f", s[i]))
		i++;
	if (i >= probe || s[i] != '<')
		return 0;
	return memmem(s, probe, "<html", 5) || memmem(s, probe, "<HTML", 5) ||
	    memmem(s, probe, "<!DOCTYPE", 9) ||
	    memmem(s, probe, "<!doctype", 9) ||
	    memmem(s, probe, "<meta", 5) || memmem(s, probe, "<table", 6) ||
	    memmem(s, probe, "<div", 4) || memmem(s, probe, "<p", 2);
}

/* Does s[0..n) start, case folded, with the ASCII word w? */
static int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(s, w, k) == 0;
}

/*
 * Text holding an HTML table element: a <table> tag (wherever it stands)
 * with a <td> or <th> after it and a </table> after that.  Prose that
 * merely mentions < or names a tag holds no such run.
 */
static int
has_html_table(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	int open = 0, cell = 0;

	while ((p = memchr(p, '<', end - p)) != NULL) {
		if (starts_word(p, end - p, "<table") && (end - p == 6 ||
		    strchr("> \t\n", p[6]) != NULL))
			open = 1, cell = 0;
		else if (open && (starts_word(p, end - p, "<td") ||
		    starts_word(p, end - p, "<th")))
			cell = 1;
		else if (open && starts_word(p, end - p, "</table")) {
			if (cell)
				return 1;
			open = 0;
		}
		p++;
	}
	return 0;
}

/*
 * Valid UTF-8 needs no decoding: when it is in the read buffer the two
 * buffers swap, which saves copying every report once.
 */
static void
take_utf8(const char *s, size_t n)
{
	struct buf t;

	if (raw.p != NULL && s >= raw.p && s + n <= raw.p + raw.len) {
		if (s != raw.p)
			memmove(raw.p, s, n);	/* past a BOM */
		t = dec, dec = raw, raw = t;
		dec.len = n;
	} else {
		dec.len = 0;
		buf_add(&dec, s, n);
	}
	dec.p[dec.len] = '\0';
}

/* Does s[0..n) hold word, which begins with %?  As memmem, but a text
 * seldom has a %: one memchr, not memmem's set-up, for every file. */
static int
has_percent_word(const char *s, size_t n, const char *word)
{
	const char *p = s, *end = s + n;
	size_t k = strlen(word);

	while ((p = memchr(p, '%', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= k && memcmp(p, word, k) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* %PDF- first; readers also take it after up to 1 KiB of junk, which a
 * text could mention, so then the file must end as a PDF does. */
static int
is_pdf(const char *s, size_t n)
{
	size_t head = n < 1024 ? n : 1024, tail = n < 1024 ? n : 1024;

	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return 1;
	return has_percent_word(s, head, "%PDF-") &&
	    has_percent_word(s + n - tail, tail, "%%EOF");
}

/*
 * Documents that are not text, by their magic bytes.  Word and PDF files
 * are handed on as bytes; formats gip does not read get a message naming
 * the conversion that makes them readable.  -1 after such a message.
 */
static int
sniff(struct gip_doc *doc, const char *s, size_t n)
{
	static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	/* A password-protected .docx is a compound file holding this
	 * stream (its name in UTF-16LE). */
	static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0"
	    "a\0c\0k\0a\0g\0e\0";
	static const char convert[] = "; convert it first, e.g. soffice "
	    "--headless --convert-to docx FILE";
	size_t head = n < 1024 ? n : 1024;

	doc->kind = GIP_KIND_TEXT;
	if (starts_zip(s, n)) {
		/* Names are stored uncompressed, in the local headers and
		 * again in the central directory at the end. */
		if (memmem(s, n, "[Content_Types].xml", 19) != NULL)
			doc->kind = GIP_KIND_DOCX;
		else if (memmem(s, head, "application/vnd.oasis.opendocument",
		    34) != NULL) {
			gip_error(doc->name, 0, "an OpenDocument file (.odt)%s",
			    convert);
			return -1;
		} else {
			gip_error(doc->name, 0, "a zip archive, not a report");
			return -1;
		}
	} else if (is_pdf(s, n)) {
		doc->kind = GIP_KIND_PDF;
	} else if (n >= 8 && memcmp(s, ole, 8) == 0 && memmem(s, n, encrypted,
	    sizeof encrypted - 1) != NULL) {
		gip_error(doc->name, 0, "a password-protected Office file; "
		    "save it without a password first");
		return -1;
	} else if (n >= 8 && memcmp(s, ole, 8) == 0) {
		gip_error(doc->name, 0, "an old binary Word or WPS file "
		    "(.doc, .wps)%s", convert);
		return -1;
	} else if (n >= 5 && memcmp(s, "{\\rtf", 5) == 0) {
		gip_error(doc->name, 0, "an RTF file%s", convert);
		return -1;
	}
	if (doc->kind != GIP_KIND_TEXT) {
		doc->bytes = s;
		doc->nbytes = n;
		doc->text = "";
		doc->len = 0;
		doc->encoding = "";
		doc->html = 0;
	}
	return 0;
}

/*
 * Mojibake (mojibake.h): its bytes decoded as they were written, when
 * they decode cleanly; 1 then, with the decoder's count of bad bytes.
 */
static int
undo_mojibake(struct gip_doc *doc, const char *s, size_t n, size_t *bad,
    size_t *firstbad)
{
	static struct buf orig;

	if (!mojibake_undo(s, n, &orig))
		return 0;
	*bad = decode_8bit(doc, orig.p, orig.len, firstbad);
	if (*bad * 100 > orig.len) {	/* not text in either: as it came */
		doc->encoding = "UTF-8";
		*bad = 0;
		return 0;
	}
	gip_warn(doc->name, 0, "mojibake: %s text that a program read as "
	    "Latin-1 or Windows-1252 and wrote again as UTF-8; read as %s",
	    doc->encoding, doc->encoding);
	return 1;
}

/*
 * dec's line ends made LF: copied into raw (AVX2), whose bytes are no
 * longer needed once dec holds the text (take_utf8 left it the old dec
 * buffer), and the two swapped; or in place.
 */
static void
unify_dec(void)
{
#ifdef INPUT_AVX2
	struct buf t;

	if (__builtin_cpu_supports("avx2")) {
		raw.len = 0;
		buf_reserve(&raw, dec.len);
		raw.len = unify_copy_avx2(raw.p, dec.p, dec.len);
		t = dec, dec = raw, raw = t;
		return;
	}
#endif
	dec.len = unify_line_ends(dec.p, dec.len);
}

static int
decode(struct gip_doc *doc, const char *s, size_t n)
{
	size_t bad = 0, firstbad = 0;
	unsigned absent = 0;
	int utf16 = 0, as_read = 0;

	doc->bytes = NULL;
	doc->nbytes = 0;
	doc->row_order_lost = 0;
	doc->absent = 0;
	if (sniff(doc, s, n) < 0)
		return -1;
	if (doc->kind != GIP_KIND_TEXT)
		return 0;	/* raw bytes never go through the decoder */
	doc->encoding = "UTF-8";
	if (n >= 2 && (unsigned char)s[0] == 0xff && (unsigned char)s[1] == 0xfe)
		utf16 = 1, doc->encoding = "UTF-16LE";
	else if (n >= 2 && (unsigned char)s[0] == 0xfe &&
	    (unsigned char)s[1] == 0xff)
		utf16 = 1, doc->encoding = "UTF-16BE";
	if (utf16) {
		bad = convert(doc->encoding, s + 2, n - 2, &dec, &firstbad);
	} else {
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		absent = absent_bytes(s, n);
		if (looks_binary(s, n, absent)) {
			gip_error(doc->name, 0, "binary file, not a report");
			return -1;
		}
		if (utf8_valid_prefix(s, n) != n)
			bad = decode_8bit(doc, s, n, &firstbad);
		else if (!undo_mojibake(doc, s, n, &bad, &firstbad))
			take_utf8(s, n), as_read = 1;
	}
	if (bad > 0)
		gip_warn(doc->name, line_of(dec.p, firstbad),
		    "%zu undecodable byte%s (as %s) replaced by U+FFFD", bad,
		    bad == 1 ? "" : "s", doc->encoding);
	/* the bytes looked at are the text's, unless it was converted */
	if (!as_read)
		absent = absent_bytes(dec.p, dec.len);
	if (!(absent & GIP_BYTE_CR))
		unify_dec();
	doc->absent = absent | GIP_BYTE_CR;
	doc->text = dec.p;
	doc->len = dec.len;
	doc->html = looks_html(dec.p, dec.len) ? GIP_HTML_PAGE :
	    !(absent & GIP_BYTE_LT) && has_html_table(dec.p, dec.len) ?
	    GIP_HTML_TABLES : 0;
	return 0;
}

int
gip_doc_from_bytes(struct gip_doc *doc, const char *name, const char *bytes,
    size_t len)
{
	doc->name = name;
	return decode(doc, bytes, len);
}

/*
 * Read and decode one input.  The buffers are reused from file to file,
 * so memory follows the largest report, not the number of reports.
 */
int
gip_doc_read(struct gip_doc *doc, const char *path)
{
	struct stat st;
	size_t cap;
	int fd = 0, rc;

	doc->name = path;
	doc->text = NULL;
	doc->len = 0;
	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		gip_error(path, 0, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;		/* read() will say what is wrong */
	if (S_ISDIR(st.st_mode)) {
		gip_error(path, 0, "is a directory");
		rc = -1;
	} else if (S_ISREG(st.st_mode) && too_large(fd, st.st_size, &cap)) {
		gip_error(path, 0, "larger than %zu MiB, not read", cap >> 20);
		rc = -1;
	} else
		rc = slurp(fd, path, S_ISREG(st.st_mode), &raw);
	if (fd != 0)
		close(fd);
	if (rc < 0)
		return -1;
	if (raw.len == 0) {
		gip_error(path, 0, "empty file");
		return -1;
	}
	return decode(doc, raw.p, raw.len);
}

void
gip_doc_made(struct gip_doc *doc, struct buf *text)
{
	buf_end_lines(text);
	doc->text = text->p;
	doc->len = text->len;
	doc->encoding = "UTF-8";
	doc->html = 0;
	doc->absent = 0;
}

void
gip_doc_free(struct gip_doc *doc)
{
	doc->text = NULL;
	doc->len = 0;
}

