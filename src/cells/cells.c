/*
 * The cells reader (cells.h).  TSV, the stream's own form, is split by a
 * small scanner: one pass over the bytes, 16 at a time, for the four that
 * matter (TAB, LF, backslash, NUL), the fields NUL-ended where they lie,
 * unescaping only a line that has a backslash.  CSV goes to libcsv, which is what it is for (quotes,
 * commas and newlines in fields).  Both give the same records to one
 * validation.  A line that is not a cell stops the read: a total that
 * skipped a line is wrong.
 */
#include <csv.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cells.h"
#include "err.h"
#include "num.h"
#include "tmpl.h"
#include "tsv.h"

enum { NF = CELL_NFIELDS + 1 };	/* the fields a line may have */
enum { BLOCK = 1 << 16 };
enum { SCAN_CHUNK = 16 };	/* bytes the TSV scan looks at at once */
enum { SCAN_LINE = 64 };	/* a short line's bytes, looked at at once */
enum { MODE_UNKNOWN, MODE_TSV, MODE_CSV };
enum { KNOWN = 6 };		/* tables known good, kept by the reader */

struct reader {
	struct cells_rec rec;
	cells_fn	 fn;
	void		*arg;
	int		 stop;		/* fn's stop value, or -1 */
	int		 taken;		/* a record was taken: no more hints */
	int		 mode;
	long		 line;		/* the line being read */
	char		 table[KNOWN][8 + CELLS_PAD];	/* tables known good,
					   the last first (padded for
					   cells_same) ... */
	size_t		 tlen[KNOWN];	/* ... of these lengths, or 0 */
	/* CSV: libcsv, the fields of the record it is splitting */
	struct csv_parser csv;
	char		*store;
	size_t		 used, cap;
	size_t		 off[NF], len[NF];
	int		 nfields;
	int		 inrec;		/* a record has begun ... */
	long		 recline;	/* ... on this line */
	/* a mapped file: the line being split, copied */
	char		*lbuf;
	size_t		 lcap;
};

/* The rest as words, the last one ending at byte n: no call. */
int
cells_same_tail(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	size_t i;

	for (i = 16; i + 8 < n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return 0;
	}
	memcpy(&x, a + n - 8, 8);
	memcpy(&y, b + n - 8, 8);
	return x == y;
}

/* Is this the header line a tool writes with -H (old or new names)? */
static int
is_header(char *const *f, const size_t *len, int n)
{
	return n >= 2 && len[0] == 6 && memcmp(f[0], "source", 6) == 0 &&
	    (strcmp(f[1], "tbl") == 0 || strcmp(f[1], "table") == 0);
}

/* The line field: empty, or a line number. */
static int
parse_srcline(struct reader *r, const char *s, size_t n)
{
	long v = 0;
	size_t i;

	if (n <= 9) {		/* most: fits a long without a check a digit */
		for (i = 0; i < n && (unsigned)(s[i] - '0') <= 9; i++)
			v = v * 10 + (s[i] - '0');
		if (i == n) {
			r->rec.srcline = v;
			return 0;
		}
		v = 0;
	}
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, s[i] - '0', &v))
			break;
	if (i < n) {
		gip_error(r->rec.file, r->rec.line,
		    "line '%s' is not a line number", s);
		return -1;
	}
	r->rec.srcline = v;
	return 0;
}

/*
 * The common value, up to 12 digits and nothing else, as num_parse reads
 * it (NUM_SCALE times it: below 2^63) without its checks a digit.
 * 0: anything else, for num_parse.
 */
static inline int
whole_number(const char *s, size_t n, int64_t *v)
{
	int64_t x = 0;
	size_t i;

	if (n > 12)
		return 0;
	for (i = 0; i < n; i++) {
		if ((unsigned)(s[i] - '0') > 9)
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x * NUM_SCALE;
	return 1;
}

static int
parse_value(struct reader *r)
{
	struct cells_rec *rec = &r->rec;

	rec->blank = rec->len[CELL_VALUE] == 0;
	rec->unread = 0;
	rec->whole = 0;
	rec->value = 0;
	if (rec->blank || (rec->len[CELL_TABLE] == 4 &&
	    memcmp(rec->field[CELL_TABLE], "meta", 4) == 0))
		return 0;
	if (rec->len[CELL_VALUE] == 1 && rec->field[CELL_VALUE][0] == '?') {
		rec->unread = 1;
		return 0;
	}
	if (whole_number(rec->field[CELL_VALUE], rec->len[CELL_VALUE],
	    &rec->value)) {
		rec->whole = 1;
		return 0;
	}
	switch (num_parse(rec->field[CELL_VALUE], rec->len[CELL_VALUE],
	    &rec->value)) {
	case NUM_OK:
		rec->whole = rec->value >= 0 && rec->value % NUM_SCALE == 0;
		return 0;
	case NUM_RANGE:
		gip_error(rec->file, rec->line, "value '%s' out of range",
		    rec->field[CELL_VALUE]);
		return -1;
	default:
		gip_error(rec->file, rec->line, "value '%s' is not a number",
		    rec->field[CELL_VALUE]);
		return -1;
	}
}

/*
 * Is t a table of gip(5)?  Lines run in tables, and a report has a few:
 * the last one is tried first, then the others met, then tmpl.c.
 */
static __attribute__((noinline)) int
known_table_again(struct reader *r, const char *t, size_t n)
{
	int k;

	for (k = 1; k < KNOWN; k++)
		if (n == r->tlen[k] && n > 0 && cells_same(r->table[k], t, n))
			break;
	if (k == KNOWN && !tmpl_table_known(t))
		return 0;
	if (n >= 8)
		return 1;
	if (k == KNOWN)
		k = KNOWN - 1;
	memmove(r->table[1], r->table[0], k * sizeof r->table[0]);
	memmove(r->tlen + 1, r->tlen, k * sizeof r->tlen[0]);
	memcpy(r->table[0], t, n + 1);
	r->tlen[0] = n;
	return 1;
}

static inline int
known_table(struct reader *r, const char *t, size_t n)
{
	if (n == r->tlen[0] && n > 0 && cells_same(r->table[0], t, n))
		return 1;
	return known_table_again(r, t, n);
}

/*
 * What the first line of an input that is not cells looks like, for the
 * message: a report, gip-sections output, gip-check findings.
 */
static const char *
hint(const struct reader *r, int n)
{
	const struct cells_rec *rec = &r->rec;
	const char *t = rec->field[CELL_TABLE];

	if (r->taken)
		return "";
	if (n == 1)
		return " (not cells: a report? run gip-tables on it first)";
	if ((n == 7 || n == 8) && (strcmp(rec->field[2], "error") == 0 ||
	    strcmp(rec->field[2], "warn") == 0))
		return " (gip-check findings, not cells)";
	if (n >= CELL_NFIELDS && strlen(t) == 1 && t[0] >= '0' && t[0] <= '6')
		return " (gip-sections output, not cells: gip-tables writes "
		    "cells)";
	return "";
}

/*
 * Validate one split line of n fields, in rec's field and len (only the
 * first NF are there), and hand a cell on.
 */
static void
take_line(struct reader *r, int n)
{
	struct cells_rec *rec = &r->rec;

	if (n < CELL_NFIELDS || n > NF) {
		gip_error(rec->file, rec->line, "%d field%s, want %d or %d%s",
		    n, n == 1 ? "" : "s", CELL_NFIELDS, NF, hint(r, n));
		r->stop = -1;
		return;
	}
	if (is_header(rec->field, rec->len, n))
		return;
	if (!known_table(r, rec->field[CELL_TABLE], rec->len[CELL_TABLE])) {
		gip_error(rec->file, rec->line, "unknown table '%s'%s",
		    rec->field[CELL_TABLE], hint(r, n));
		r->stop = -1;
		return;
	}
	rec->srcline = 0;
	if ((n == NF && parse_srcline(r, rec->field[NF - 1], rec->len[NF - 1])
	    != 0) || parse_value(r) != 0) {
		r->stop = -1;
		return;
	}
	r->taken = 1;
	r->stop = r->fn(rec, r->arg);
}

/* ---- TSV */

/* Bit i set: chunk[i] is a TAB, LF, backslash or NUL. */
static inline unsigned
stops16(const char *chunk)
{
#ifdef __SSE2__
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)chunk);
	__m128i m = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
	    _mm_cmpeq_epi8(v, _mm_setzero_si128())));

	return (unsigned)_mm_movemask_epi8(m);
#else
	static const unsigned char tsv_stop[256] = {
		['\t'] = 1, ['\n'] = 1, ['\\'] = 1, ['\0'] = 1
	};
	unsigned m = 0;
	int i;

	for (i = 0; i < SCAN_CHUNK; i++)
		if (tsv_stop[(unsigned char)chunk[i]])
			m |= 1u << i;
	return m;
#endif
}

/* The stop bytes of a buffer, found a chunk at a time. */
struct scan {
	char		*chunk;
	unsigned	 mask;		/* stops in chunk not taken yet */
};

static inline char *
next_stop(struct scan *sc)
{
	char *p;

	while (sc->mask == 0) {
		sc->chunk += SCAN_CHUNK;
		sc->mask = stops16(sc->chunk);
	}
	p = sc->chunk + __builtin_ctz(sc->mask);
	sc->mask &= sc->mask - 1;
	return p;
}

#ifdef __SSE2__
/*
 * The common line at line: 5 or 6 fields, no backslash, its LF within
 * SCAN_LINE bytes and before end.  Its TABs and its end are found as bit
 * masks of the chunks up to its end, and the fields split with no test a
 * byte, their ends kept in registers and the NULs written last (a char
 * store may alias rec).  Returns the next line, or NULL (nothing
 * changed) for any other line, which tsv_lines takes.
 */
static inline __attribute__((always_inline)) const char *
short_line(struct reader *r, const char *in, const char *end, char *line)
{
	struct cells_rec *rec = &r->rec;
	const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
	const __m128i bs = _mm_set1_epi8('\\'), nul = _mm_setzero_si128();
	uint64_t tabs = 0, stops = 0, x;
	__m128i v;
	char *p;
	int nf, e, t0, t1, t2, t3, t4;

	/* a mapped file's line is split in a copy (the bytes past its end
	   too: harmless, they are not data) */
#define SHORT_CHUNK(i)							\
	v = _mm_loadu_si128((const __m128i *)(const void *)(in +	\
	    (i) * SCAN_CHUNK));						\
	if (line != in)							\
		_mm_storeu_si128((__m128i *)(void *)(line +		\
		    (i) * SCAN_CHUNK), v);				\
	tabs |= (uint64_t)(unsigned)_mm_movemask_epi8(			\
	    _mm_cmpeq_epi8(v, tab)) << ((i) * SCAN_CHUNK);		\
	stops |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(	\
	    _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, bs)),	\
	    _mm_cmpeq_epi8(v, nul))) << ((i) * SCAN_CHUNK)

	_Static_assert(SCAN_LINE == 4 * SCAN_CHUNK, "four chunks");
	SHORT_CHUNK(0);		/* a cell's line: 25 bytes or more */
	SHORT_CHUNK(1);
	if (stops == 0) {
		SHORT_CHUNK(2);
		if (stops == 0) {
			SHORT_CHUNK(3);
			if (stops == 0)
				return NULL;
		}
	}
#undef SHORT_CHUNK
	e = __builtin_ctzll(stops);
	if (in[e] != '\n' || in + e >= end)
		return NULL;
	p = line + e;
	tabs &= ((uint64_t)1 << e) - 1;
	x = tabs & (tabs - 1);
	x &= x - 1;
	x &= x - 1;
	if (x == 0)		/* fewer than four TABs */
		return NULL;
	t0 = __builtin_ctzll(tabs);
	tabs &= tabs - 1;
	t1 = __builtin_ctzll(tabs);
	tabs &= tabs - 1;
	t2 = __builtin_ctzll(tabs);
	tabs &= tabs - 1;
	t3 = __builtin_ctzll(tabs);
	tabs &= tabs - 1;
	nf = 4;
	t4 = e;
	if (tabs != 0) {
		t4 = __builtin_ctzll(tabs);
		if ((tabs & (tabs - 1)) != 0)	/* more than five */
			return NULL;
		nf = 5;
	}
	if (p > line + (nf == 4 ? t3 : t4) + 1 && p[-1] == '\r')
		p--;		/* a CR before the LF is not data */
	rec->field[0] = line;
	rec->len[0] = t0;
	rec->field[1] = line + t0 + 1;
	rec->len[1] = t1 - t0 - 1;
	rec->field[2] = line + t1 + 1;
	rec->len[2] = t2 - t1 - 1;
	rec->field[3] = line + t2 + 1;
	rec->len[3] = t3 - t2 - 1;
	rec->field[4] = line + t3 + 1;
	if (nf == 5) {
		rec->len[4] = t4 - t3 - 1;
		rec->field[5] = line + t4 + 1;
		rec->len[5] = p - (line + t4 + 1);
		line[t4] = '\0';
	} else
		rec->len[4] = p - (line + t3 + 1);
	line[t0] = line[t1] = line[t2] = line[t3] = '\0';
	*p = '\0';
	rec->line = r->line++;
	take_line(r, nf + 1);
	return in + e + 1;
}
#endif

/*
 * Split and take the whole lines among the n bytes at buf (buf[n] is an
 * LF, then SCAN_LINE readable bytes: the scan needs no bound check); at
 * eof the bytes after the last LF are a line too.  Returns the bytes
 * used: the rest is the start of a line that goes on in the next block.
 * A line is changed (NULs over its TABs, unescaping) only once it is
 * known whole, and only bytes already scanned.
 */
static size_t
tsv_lines(struct reader *r, char *buf, size_t n, int eof)
{
	struct cells_rec *rec = &r->rec;
	char *end = buf + n, *line = buf, *p;
	const char *next;
	struct scan sc;
	int nf, esc, i, last;

	while (r->stop == 0 && line < end) {
#ifdef __SSE2__
		if ((next = short_line(r, line, end, line)) != NULL) {
			line = (char *)next;
			continue;
		}
#else
		(void)next;
#endif
		sc.chunk = line;
		sc.mask = stops16(line);
		rec->field[0] = line;
		nf = esc = 0;
		for (;;) {
			p = next_stop(&sc);
			if (*p == '\t') {
				if (nf < NF - 1) {
					*p = '\0';
					rec->len[nf] = p - rec->field[nf];
					rec->field[nf + 1] = p + 1;
				}
				nf++;
			} else if (*p == '\\')
				esc = 1;
			else
				break;
		}
		if (*p == '\0') {
			gip_error(r->rec.file, r->line, "NUL byte in line");
			r->stop = -1;
			break;
		}
		if (p == end && !eof) {		/* not whole: as it was */
			for (i = 0; i < nf && i < NF - 1; i++)
				rec->field[i][rec->len[i]] = '\t';
			break;
		}
		line = p + 1;
		last = nf < NF ? nf : NF - 1;
		if (p > rec->field[last] && p[-1] == '\r')
			p--;		/* a CR before the LF is not data */
		*p = '\0';
		rec->len[last] = p - rec->field[last];
		nf++;
		for (i = 0; esc && i < nf && i < NF; i++) {
			rec->len[i] = tsv_unescape(rec->field[i], rec->len[i]);
			rec->field[i][rec->len[i]] = '\0';
		}
		rec->line = r->line++;
		take_line(r, nf);
	}
	return (line < end ? line : end) - buf;
}

/* ---- CSV */

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
on_field(void *s, size_t n, void *arg)
{
	struct reader *r = arg;

	if (r->nfields++ >= NF)
		return;
	if (r->used + n + 1 + CELLS_PAD > r->cap) {
		r->cap = (r->used + n + 1 + CELLS_PAD) * 2;
		r->store = gip_xrealloc(r->store, r->cap);
	}
	if (n > 0)
		memcpy(r->store + r->used, s, n);
	r->store[r->used + n] = '\0';
	r->off[r->nfields - 1] = r->used;
	r->len[r->nfields - 1] = n;
	r->used += n + 1;
}

static void
on_record(int c, void *arg)
{
	struct reader *r = arg;
	int i;

	(void)c;
	if (r->stop == 0) {
		for (i = 0; i < r->nfields && i < NF; i++) {
			r->rec.field[i] = r->store + r->off[i];
			r->rec.len[i] = r->len[i];
		}
		r->rec.line = r->recline;
		take_line(r, r->nfields);
	}
	r->nfields = 0;
	r->used = 0;
	r->inrec = 0;
}

static void
csv_trouble(struct reader *r, long line, const char *what)
{
	if (csv_error(&r->csv) != CSV_EPARSE)
		what = csv_strerror(csv_error(&r->csv));
	gip_error(r->rec.file, line, "not valid CSV: %s", what);
	r->stop = -1;
}

/* A line of nothing but its end (libcsv skips it: no record begins). */
static int
is_empty_line(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n == 0;
}

/* Give libcsv the lines among buf's n bytes, counting them (cf. tsv_lines). */
static size_t
csv_lines(struct reader *r, char *buf, size_t n, int eof)
{
	char *s = buf, *end = buf + n, *nl;
	size_t len;

	while (r->stop == 0 && s < end) {
		if ((nl = memchr(s, '\n', end - s)) == NULL && !eof)
			break;
		len = nl ? (size_t)(nl + 1 - s) : (size_t)(end - s);
		if (memchr(s, '\0', len) != NULL) {
			gip_error(r->rec.file, r->line, "NUL byte in line");
			r->stop = -1;
			break;
		}
		if (!r->inrec && !is_empty_line(s, len))
			r->inrec = 1, r->recline = r->line;
		if (csv_parse(&r->csv, s, len, on_field, on_record, r) != len)
			csv_trouble(r, r->line, "a quote in an unquoted field, "
			    "or after a closing quote");
		r->line += nl != NULL;
		s += len;
	}
	return s - buf;
}

/* ---- the stream */

/*
 * Before the first line: skip a BOM, and tell TSV from CSV by the first
 * line (a cell has TABs; a CSV record of cells has commas and, from our
 * writer, none).  Returns the bytes used, or 0 with the mode still
 * unknown when the first line is not all there yet.
 */
static size_t
start(struct reader *r, const char *buf, size_t n, int eof)
{
	size_t skip = 0;
	const char *nl;

	if (n < 3 && !eof)
		return 0;
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	nl = memchr(buf + skip, '\n', n - skip);
	if (nl == NULL && !eof && n < CELLS_MAXLINE)
		return 0;
	if (nl == NULL)
		nl = buf + n;
	r->mode = MODE_TSV;
	if (memchr(buf + skip, '\t', nl - buf - skip) == NULL &&
	    memchr(buf + skip, ',', nl - buf - skip) != NULL) {
		r->mode = MODE_CSV;
		if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
			gip_fatal("out of memory");
		csv_set_space_func(&r->csv, no_space);
	}
	return skip;
}

static size_t
feed(struct reader *r, char *buf, size_t n, int eof)
{
	size_t used = 0;

	if (r->mode == MODE_UNKNOWN && (used = start(r, buf, n, eof)) == 0 &&
	    r->mode == MODE_UNKNOWN)
		return 0;
	if (r->mode == MODE_CSV)
		return used + csv_lines(r, buf + used, n - used, eof);
	return used + tsv_lines(r, buf + used, n - used, eof);
}

static void
finish(struct reader *r, FILE *fp)
{
	if (r->stop == 0 && ferror(fp)) {
		gip_error(r->rec.file, 0, "%s", strerror(errno));
		r->stop = -1;
	}
	if (r->mode != MODE_CSV)
		return;
	if (r->stop == 0 && csv_fini(&r->csv, on_field, on_record, r) != 0)
		csv_trouble(r, r->recline, "a quoted field does not end");
	csv_free(&r->csv);
	free(r->store);
}

/*
 * Read the rest of fp (cells.h).  The stream is read in blocks and each
 * line split where it lies; the start of a line that goes on past a
 * block moves to the front of the buffer.
 */
static void
read_stream(struct reader *r, FILE *fp)
{
	size_t have = 0, cap = BLOCK, used, n;
	char *buf = gip_xmalloc(cap + 1 + SCAN_LINE);	/* the scan's LF,
							   its last line */
	int eof = 0;

	while (r->stop == 0 && !eof) {
		if (cap - have < BLOCK) {
			cap = have + BLOCK;
			buf = gip_xrealloc(buf, cap + 1 + SCAN_LINE);
		}
		n = fread(buf + have, 1, BLOCK, fp);
		eof = n < BLOCK;
		have += n;
		buf[have] = '\n';
		memset(buf + have + 1, 0, SCAN_LINE);
		used = feed(r, buf, have, eof);
		have -= used;
		memmove(buf, buf + used, have);
		if (r->stop == 0 && have > CELLS_MAXLINE) {
			gip_error(r->rec.file, r->line, "line longer than %u KiB",
			    CELLS_MAXLINE >> 10);
			r->stop = -1;
		}
	}
	free(buf);
}

/* ---- a regular file, mapped */

/*
 * A regular file is mapped and read where it lies: the kernel's copy
 * into a buffer was a fifth of gip-check's time.  The mapping is
 * read-only (a write would copy the page), so each line is split in a
 * copy: a short one as short_line loads it, any other copied whole and
 * given to tsv_lines.  The pages behind the reader are given back every
 * MAP_DROP bytes (they would count in its memory).  A file cut short
 * while it is read faults (SIGBUS) past its new end: only the reader
 * reads the mapping, so the fault is taken back to map_read, which
 * reports it as a read error, as read() would report one.
 */
enum { MAP_DROP = 1 << 18 };
/* Smaller files are read as streams: for a report's cells (7 KB) a
   mapping, its fault and the handler cost more than the copy (gip-check
   over 1,944 such files: 30 ms read, 42 ms mapped). */
enum { MAP_MIN = 1 << 18 };
/* Bytes ahead of the line read that are asked for early: the hardware's
   prefetch stops at each page's end, the kernel's copy did not. */
enum { MAP_AHEAD = 1024 };


static sigjmp_buf map_jump;
static const char *volatile map_lo, *volatile map_hi;
static struct sigaction map_oldbus;

static void
on_sigbus(int sig, siginfo_t *si, void *ctx)
{
	const char *a = si->si_addr;

	(void)ctx;
	if (si->si_code > 0 && map_lo != NULL && a >= map_lo && a < map_hi)
		siglongjmp(map_jump, 1);
	/* not the mapping's: as before, when the access runs again */
	sigaction(sig, &map_oldbus, NULL);
}

/*
 * Would the stream read stop at this line as longer than CELLS_MAXLINE
 * (read_stream)?  It does when a block ends more than that after the
 * line's start and before its LF (or at the input's end when it has
 * none): s and e are their offsets from where reading began.  Returns
 * the offset of that block's end, or 0.
 */
static size_t
stream_stops(size_t s, size_t e)
{
	size_t b = ((s + CELLS_MAXLINE) / BLOCK + 1) * BLOCK;

	return b <= e ? b : 0;
}

/* Room for a copied line of n bytes, its LF and the scan's bytes. */
static void
line_room(struct reader *r, size_t n)
{
	if (n + 1 + SCAN_LINE + CELLS_PAD > r->lcap) {
		r->lcap = (n + 1 + SCAN_LINE + CELLS_PAD) * 2;
		r->lbuf = gip_xrealloc(r->lbuf, r->lcap);
	}
}

/*
 * The line at line, not one short_line takes: copied with its LF (none
 * at the end) and split by tsv_lines, with the stream read's messages.
 * start is where reading began.  Returns the next line.
 */
static const char *
map_other_line(struct reader *r, const char *line, const char *end,
    const char *start)
{
	const char *nl = memchr(line, '\n', end - line);
	size_t n = nl ? (size_t)(nl + 1 - line) : (size_t)(end - line), b;

	if ((b = stream_stops(line - start, (nl ? nl : end) - start)) != 0) {
		if (memchr(line, '\0', start + b - line) != NULL)
			gip_error(r->rec.file, r->line, "NUL byte in line");
		else
			gip_error(r->rec.file, r->line, "line longer than %u "
			    "KiB", CELLS_MAXLINE >> 10);
		r->stop = -1;
		return end;
	}
	line_room(r, n);
	memcpy(r->lbuf, line, n);
	r->lbuf[n] = '\n';
	memset(r->lbuf + n + 1, 0, SCAN_LINE);
	tsv_lines(r, r->lbuf, n, 1);
	return line + n;
}

/* The lines from line on (TSV), a MAP_DROP stretch at a time. */
static void
map_lines(struct reader *r, const char *base, const char *line,
    const char *end)
{
	const char *start = line, *stretch, *drop = base, *to;
#ifdef __SSE2__
	const char *next;
#endif

	line_room(r, SCAN_LINE);
	while (r->stop == 0 && line < end) {
		stretch = end - line > MAP_DROP ? line + MAP_DROP : end;
		while (r->stop == 0 && line < stretch) {
#ifdef __SSE2__
			__builtin_prefetch(line + MAP_AHEAD);
			if (end - line >= SCAN_LINE && (next = short_line(r,
			    line, end, r->lbuf)) != NULL) {
				line = next;
				continue;
			}
#endif
			line = map_other_line(r, line, end, start);
		}
		to = base + ((size_t)(line - base) & ~(size_t)(MAP_DROP - 1));
		if (to > drop) {
			(void)madvise((void *)drop, to - drop, MADV_DONTNEED);
			drop = to;
		}
	}
}

/*
 * Read a regular file from offset from on, mapped.  Returns 1, nothing
 * read, when it is not read this way (it is small, it cannot be mapped,
 * or it is CSV, which libcsv reads as a stream): the caller reads it as
 * a stream.
 */
static int
map_read(struct reader *r, int fd, off_t from, off_t size)
{
	struct sigaction sa;
	char *base;
	size_t n, used;

	if (size - from < MAP_MIN || (uintmax_t)size > SIZE_MAX / 2)
		return 1;
	base = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (base == MAP_FAILED)
		return 1;
	(void)madvise(base, (size_t)size, MADV_SEQUENTIAL);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &map_oldbus);
	map_lo = base;
	map_hi = base + size;
	if (sigsetjmp(map_jump, 1) != 0) {
		gip_error(r->rec.file, 0, "cut short while being read (the "
		    "file changed, or a read error)");
		r->stop = -1;
	} else {
		/* as read_stream's start sees the first line */
		n = (size_t)(size - from);
		used = start(r, base + from, n < CELLS_MAXLINE ? n :
		    CELLS_MAXLINE, n <= CELLS_MAXLINE);
		if (r->mode == MODE_CSV) {
			csv_free(&r->csv);
			r->mode = MODE_UNKNOWN;
		} else
			map_lines(r, base, base + from + used, base + size);
	}
	map_lo = map_hi = NULL;
	sigaction(SIGBUS, &map_oldbus, NULL);
	munmap(base, (size_t)size);
	free(r->lbuf);
	r->lbuf = NULL;
	r->lcap = 0;
	if (r->mode == MODE_UNKNOWN)
		return 1;
	(void)lseek(fd, size, SEEK_SET);	/* read to the end, as a stream */
	return 0;
}

/* ---- the readers */

static void
reader_init(struct reader *r, const char *path, cells_fn fn, void *arg)
{
	_Static_assert(SCAN_CHUNK >= CELLS_PAD &&
	    (int)SCAN_LINE >= (int)SCAN_CHUNK, "a field's CELLS_PAD bytes");
	memset(r, 0, sizeof *r);
	r->rec.file = path;
	r->fn = fn;
	r->arg = arg;
	r->line = 1;
}

/* Read one cells stream from an open fp named path (cells.h).  The fuzz
 * target feeds it memory streams. */
int
cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg)
{
	struct reader r;

	reader_init(&r, path, fn, arg);
	read_stream(&r, fp);
	finish(&r, fp);
	return r.stop;
}

/*
 * Read one cells file, or stdin for "-": mapped when it is a regular
 * file (stdin too, from where it stands), else as a stream.
 */
int
cells_read(const char *path, cells_fn fn, void *arg)
{
	FILE *fp = stdin;
	struct stat st;
	struct reader r;
	off_t at;
	int fd;

	if (strcmp(path, "-") != 0 && (fp = fopen(path, "r")) == NULL) {
		gip_error(path, 0, "%s", strerror(errno));
		return -1;
	}
	reader_init(&r, path, fn, arg);
	fd = fileno(fp);
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		gip_error(path, 0, "is a directory");	/* as input.c says */
		r.stop = -1;
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (at = lseek(fd, 0, SEEK_CUR)) < 0 ||
	    map_read(&r, fd, at, st.st_size) != 0)
		read_stream(&r, fp);
	finish(&r, fp);
	if (fp != stdin)
		fclose(fp);
	return r.stop;
}
