/* Records out as TSV or CSV (rec.h). */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "rec.h"
#include "tsv.h"

/*
 * rec_cell's TSV lines are built in a buffer of REC_CELLS bytes and
 * handed to stdio in blocks (a call of fwrite a cell was a fifth of its
 * cost); a line is built there only while REC_CELL_ROOM bytes are left,
 * and one that does not fit goes by rec_write.
 */
enum { REC_CELLS = 16384, REC_CELL_ROOM = 4096 };

void
rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom)
{
	o->fp = fp;
	o->fmt = fmt;
	o->bom = bom;
	o->src = o->tbl = NULL;
	o->npre = 0;
	o->cells = NULL;
	o->ncells = 0;
}

void
rec_flush(struct rec_out *o)
{
	if (o->ncells > 0)
		fwrite_unlocked(o->cells, 1, o->ncells, o->fp);
	o->ncells = 0;
}

/*
 * A TSV line's source and table are escaped once for all the cells that
 * follow; a BOM still to be written, CSV, or a prefix too long for pre
 * leave npre 0, and rec_cell then goes by rec_write.
 */
void
rec_cells_of(struct rec_out *o, const char *source, const char *table)
{
	const char *field[2] = { source, table };

	o->src = source;
	o->tbl = table;
	o->npre = 0;
	if (o->fmt != REC_TSV || o->bom)
		return;
	if (o->cells == NULL)
		o->cells = gip_xmalloc(REC_CELLS);
	o->npre = tsv_prefix(o->pre, sizeof o->pre, field, 2);
}

/* Quote a CSV field only where RFC 4180 needs it, so numbers stay bare. */
static void
csv_field(FILE *fp, const char *s)
{
	size_t n = strlen(s);

	if (strpbrk(s, ",\"\r\n") != NULL || (n > 0 && (s[0] == ' ' ||
	    s[n - 1] == ' ')))
		csv_fwrite(fp, s, n);
	else
		fwrite(s, 1, n, fp);
}

void
rec_write(struct rec_out *o, const char *const *field, int n)
{
	int i;

	rec_flush(o);
	if (o->bom) {
		fputs("\xEF\xBB\xBF", o->fp);
		o->bom = 0;
	}
	/* The tools are single-threaded: stdio need not lock. */
	for (i = 0; i < n; i++) {
		if (i > 0)
			putc_unlocked(o->fmt == REC_CSV ? ',' : '\t', o->fp);
		if (o->fmt == REC_CSV)
			csv_field(o->fp, field[i] ? field[i] : "");
		else
			tsv_str(o->fp, field[i] ? field[i] : "");
	}
	fputs_unlocked(o->fmt == REC_CSV ? "\r\n" : "\n", o->fp);
}

/* A cell rec_cell cannot build in o->cells: CSV, a BOM first, a field
 * too long; its line (0: unknown) an empty sixth field. */
static void
cell_by_fields(struct rec_out *o, const char *row, const char *col,
    const char *value, long line)
{
	char num[24] = "";
	const char *field[6] = { o->src, o->tbl, row, col, value, num };

	if (line > 0)
		snprintf(num, sizeof num, "%ld", line);
	rec_write(o, field, 6);
	if (o->npre == 0 && o->fmt == REC_TSV)	/* the BOM is out now */
		rec_cells_of(o, o->src, o->tbl);
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
	if (tsv_letter[c] == 0) {
		*p = (char)c;
		return p + 1;
	}
	p[0] = '\\';
	p[1] = tsv_letter[c];
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
 * One cell line built in o->cells: source and table (rec_cells_of's
 * prefix, in pre, which is readable to a multiple of 16 bytes), row,
 * col, value and line (0: an empty field).  A line that does not fit
 * in what is left goes by rec_write.
 */
void
rec_cell(struct rec_out *o, const char *row, const char *col,
    const char *value, long line)
{
	/* three fields, 16 bytes each past lim at most, the line */
	enum { SLACK = 3 * 16 + 2 + 24 };
	char *out = o->cells + o->ncells, *p, *lim = o->cells + REC_CELLS -
	    SLACK;
	size_t i;

	if (value == NULL)
		value = "";
	if (o->npre == 0 || o->ncells > REC_CELLS - REC_CELL_ROOM)
		goto by_fields;
	for (i = 0; i < o->npre; i += 16)	/* short: no memcpy call */
		memcpy(out + i, o->pre + i, 16);
	p = out + o->npre;
	if ((p = put_field(p, lim, row)) == NULL)
		goto by_fields;
	*p++ = '\t';
	if ((p = put_field(p, lim, col)) == NULL)
		goto by_fields;
	*p++ = '\t';
	if ((p = put_field(p, lim, value)) == NULL)
		goto by_fields;
	*p++ = '\t';
	if (line > 0)
		p = decimal_at(p, (unsigned long)line);
	*p++ = '\n';
	o->ncells = (size_t)(p - o->cells);
	return;
by_fields:
	cell_by_fields(o, row, col, value, line);
}

/*
 * A record of n fields as rec_write writes it, built in o->cells as
 * rec_cell's lines are (TSV, the BOM out, the line short enough); else
 * by rec_write, after the lines kept so far.
 */
void
rec_row(struct rec_out *o, const char *const *field, int n)
{
	char *p, *lim;
	int i;

	if (o->fmt != REC_TSV || o->bom || o->ncells > REC_CELLS -
	    REC_CELL_ROOM)
		goto by_write;
	if (o->cells == NULL)
		o->cells = gip_xmalloc(REC_CELLS);
	/* put_field writes up to 17 bytes past the later of p and lim;
	 * a TAB or the LF after a field */
	lim = o->cells + REC_CELLS - 64;
	p = o->cells + o->ncells;
	for (i = 0; i < n; i++) {
		if (i > 0)
			*p++ = '\t';
		if ((p = put_field(p, lim, field[i] ? field[i] : "")) == NULL)
			goto by_write;
	}
	*p++ = '\n';
	o->ncells = (size_t)(p - o->cells);
	return;
by_write:
	rec_write(o, field, n);
}
