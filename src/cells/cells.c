/*
 * The cells reader (cells.h).  TSV, the stream's own form, is split by a
 * small scanner: one pass per line over a table of the four bytes that
 * matter (TAB, LF, backslash, NUL), unescaping only a line that has a
 * backslash.  CSV goes to libcsv, which is what it is for (quotes,
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
#include <sys/stat.h>

#include "cells.h"
#include "err.h"
#include "misfit.h"
#include "num.h"
#include "tmpl.h"
#include "tsv.h"

enum { NF = CELL_NFIELDS + 1 };	/* the fields a line may have */
enum { BLOCK = 1 << 16 };
enum { MODE_UNKNOWN, MODE_TSV, MODE_CSV };

struct reader {
	struct cells_rec rec;
	cells_fn	 fn;
	void		*arg;
	int		 stop;		/* fn's stop value, or -1 */
	int		 mode;
	long		 line;		/* the line being read */
	long		 ncells;	/* handed on so far */
	/* CSV: libcsv, the fields of the record it is splitting */
	struct csv_parser csv;
	char		*store;
	size_t		 used, cap;
	size_t		 off[NF], len[NF];
	int		 nfields;
	int		 inrec;		/* a record has begun ... */
	long		 recline;	/* ... on this line */
};

/* Is this the header line a tool writes with -H (old or new names)? */
static int
is_header(char *const *f, int n)
{
	return n >= 2 && strcmp(f[0], "source") == 0 &&
	    (strcmp(f[1], "tbl") == 0 || strcmp(f[1], "table") == 0);
}

/* The line field: empty, or a line number. */
static int
parse_srcline(struct reader *r, const char *s, size_t n)
{
	long v = 0;
	size_t i;

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

static int
parse_value(struct reader *r)
{
	struct cells_rec *rec = &r->rec;

	rec->blank = rec->len[CELL_VALUE] == 0;
	rec->unread = 0;
	rec->value = 0;
	if (rec->blank || strcmp(rec->field[CELL_TABLE], "meta") == 0)
		return 0;
	if (rec->len[CELL_VALUE] == 1 && rec->field[CELL_VALUE][0] == '?') {
		rec->unread = 1;
		return 0;
	}
	switch (num_parse(rec->field[CELL_VALUE], rec->len[CELL_VALUE],
	    &rec->value)) {
	case NUM_OK:
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
 * Validate one split line of n fields (f[i] NUL-ended, len[i] bytes; only
 * the first NF are there) and hand a cell on.
 */
static void
take_line(struct reader *r, char **f, const size_t *len, int n)
{
	struct cells_rec *rec = &r->rec;
	const char *what;
	int i;

	if (n < CELL_NFIELDS || n > CELL_NFIELDS + 1) {
		if (r->ncells == 0 && (what = cells_misfit(f, n)) != NULL)
			gip_error(rec->file, rec->line, "%s", what);
		else
			gip_error(rec->file, rec->line, "%d fields, want %d "
			    "or %d", n, CELL_NFIELDS, CELL_NFIELDS + 1);
		r->stop = -1;
		return;
	}
	if (is_header(f, n))
		return;
	for (i = 0; i < CELL_NFIELDS; i++) {
		rec->field[i] = f[i];
		rec->len[i] = len[i];
	}
	if (!tmpl_table_known(rec->field[CELL_TABLE])) {
		if (r->ncells == 0 && (what = cells_misfit(f, n)) != NULL)
			gip_error(rec->file, rec->line, "%s", what);
		else
			gip_error(rec->file, rec->line, "unknown table '%s'",
			    rec->field[CELL_TABLE]);
		r->stop = -1;
		return;
	}
	rec->srcline = 0;
	if ((n > CELL_NFIELDS && parse_srcline(r, f[n - 1], len[n - 1]) != 0)
	    || parse_value(r) != 0) {
		r->stop = -1;
		return;
	}
	r->ncells++;
	r->stop = r->fn(rec, r->arg);
}

/* ---- TSV */

static const unsigned char tsv_stop[256] = {
	['\t'] = 1, ['\n'] = 1, ['\\'] = 1, ['\0'] = 1
};

/*
 * Split and take the whole lines among the n bytes at buf (buf[n] is an
 * LF: the scan needs no bound check); at eof the bytes after the last LF
 * are a line too.  Returns the bytes used: the rest is the start of a
 * line that goes on in the next block.  A line is changed (NULs over its
 * TABs, unescaping) only once it is known whole.
 */
static size_t
tsv_lines(struct reader *r, char *buf, size_t n, int eof)
{
	char *end = buf + n, *line = buf, *p, *f[NF], *fend[NF];
	size_t len[NF];
	int nf, esc, i;

	while (r->stop == 0 && line < end) {
		p = f[0] = line;
		nf = esc = 0;
		for (;;) {
			while (!tsv_stop[(unsigned char)*p])
				p++;
			if (*p == '\t') {
				if (nf < NF - 1)
					fend[nf] = p, f[nf + 1] = p + 1;
				nf++, p++;
			} else if (*p == '\\')
				esc = 1, p++;
			else
				break;
		}
		if (*p == '\0') {
			gip_error(r->rec.file, r->line, "NUL byte in line");
			r->stop = -1;
			break;
		}
		if (p == end && !eof)
			break;
		fend[nf < NF ? nf : NF - 1] = p;
		if (nf < NF && p > f[nf] && p[-1] == '\r')
			fend[nf]--;	/* a CR before the LF is not data */
		nf++;
		for (i = 0; i < nf && i < NF; i++) {
			*fend[i] = '\0';
			len[i] = fend[i] - f[i];
			if (esc) {
				len[i] = tsv_unescape(f[i], len[i]);
				f[i][len[i]] = '\0';
			}
		}
		r->rec.line = r->line;
		take_line(r, f, len, nf);
		r->line++;
		line = p + 1;
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
	if (r->used + n + 1 > r->cap) {
		r->cap = (r->used + n + 1) * 2;
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
	char *f[NF];
	int i;

	(void)c;
	if (r->stop == 0) {
		for (i = 0; i < r->nfields && i < NF; i++)
			f[i] = r->store + r->off[i];
		r->rec.line = r->recline;
		take_line(r, f, r->len, r->nfields);
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
 * Read one cells stream from an open fp named path (cells.h).  The
 * stream is read in blocks and each line split where it lies; the start
 * of a line that goes on past a block moves to the front of the buffer.
 * The fuzz target feeds it memory streams.
 */
int
cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg)
{
	struct reader r;
	size_t have = 0, cap = 2 * BLOCK, used, n;
	char *buf = gip_xmalloc(cap + 1);	/* + 1: the scan's LF */
	int eof = 0;

	memset(&r, 0, sizeof r);
	r.rec.file = path;
	r.fn = fn;
	r.arg = arg;
	r.line = 1;
	while (r.stop == 0 && !eof) {
		if (cap - have < BLOCK) {
			cap = have + BLOCK;
			buf = gip_xrealloc(buf, cap + 1);
		}
		n = fread(buf + have, 1, BLOCK, fp);
		eof = n < BLOCK;
		have += n;
		buf[have] = '\n';
		used = feed(&r, buf, have, eof);
		have -= used;
		memmove(buf, buf + used, have);
		if (r.stop == 0 && have > CELLS_MAXLINE) {
			gip_error(path, r.line, "line longer than %u KiB",
			    CELLS_MAXLINE >> 10);
			r.stop = -1;
		}
	}
	finish(&r, fp);
	free(buf);
	return r.stop;
}

/* Read one cells file, or stdin for "-". */
int
cells_read(const char *path, cells_fn fn, void *arg)
{
	FILE *fp = stdin;
	struct stat st;
	int rc;

	if (strcmp(path, "-") != 0 && (fp = fopen(path, "r")) == NULL) {
		gip_error(path, 0, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		gip_error(path, 0, "is a directory");	/* as input.c says */
		rc = -1;
	} else
		rc = cells_read_fp(fp, path, fn, arg);
	if (fp != stdin)
		fclose(fp);
	return rc;
}
