/*
 * The cells TSV reader.  libcsv splits each line on TAB (quoting and
 * space trimming turned off: the stream escapes with backslashes, and
 * spaces in meta values are data); we unescape and validate.  A line that
 * is not a cell stops the read: a total that skipped a line is wrong.
 */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cells.h"
#include "err.h"
#include "num.h"
#include "tmpl.h"
#include "tsv.h"

struct reader {
	struct cells_rec rec;		/* rec.line: the line being read */
	int		 nfields;
	char		*store;		/* field bytes of the current line */
	size_t		 used, cap;
	size_t		 off[CELL_NFIELDS];
	cells_fn	 fn;
	void		*arg;
	int		 stop;		/* fn's stop value, or -1 */
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static int
is_term(unsigned char c)
{
	return c == '\n';
}

static void
on_field(void *s, size_t n, void *arg)
{
	struct reader *r = arg;

	if (r->nfields++ >= CELL_NFIELDS)
		return;
	if (r->used + n + 1 > r->cap) {
		r->cap = (r->used + n + 1) * 2;
		r->store = gip_xrealloc(r->store, r->cap);
	}
	memcpy(r->store + r->used, s, n);
	r->off[r->nfields - 1] = r->used;
	r->rec.len[r->nfields - 1] = tsv_unescape(r->store + r->used, n);
	r->store[r->used + r->rec.len[r->nfields - 1]] = '\0';
	r->used += n + 1;
}

static int
is_header(const struct cells_rec *rec)
{
	static const char *const names[] = {"source", "table", "row", "col",
	    "value"};
	int i;

	for (i = 0; i < CELL_NFIELDS; i++)
		if (strcmp(rec->field[i], names[i]) != 0)
			return 0;
	return 1;
}

/* Validate a split line; 1 = a cell, 0 = a header to skip, -1 = bad. */
static int
check_record(struct reader *r)
{
	struct cells_rec *rec = &r->rec;
	int i;

	if (r->nfields != CELL_NFIELDS) {
		gip_error(rec->file, rec->line, "%d fields, want %d", r->nfields,
		    CELL_NFIELDS);
		return -1;
	}
	for (i = 0; i < CELL_NFIELDS; i++)
		rec->field[i] = r->store + r->off[i];
	if (is_header(rec))
		return 0;
	if (!tmpl_table_known(rec->field[CELL_TABLE])) {
		gip_error(rec->file, rec->line, "unknown table '%s'",
		    rec->field[CELL_TABLE]);
		return -1;
	}
	rec->blank = rec->len[CELL_VALUE] == 0;
	rec->value = 0;
	if (rec->blank || strcmp(rec->field[CELL_TABLE], "meta") == 0)
		return 1;
	switch (num_parse(rec->field[CELL_VALUE], rec->len[CELL_VALUE],
	    &rec->value)) {
	case NUM_OK:
		return 1;
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
 * A line has ended (libcsv's record callback): validate it and hand it
 * on, unless the read has stopped.
 */
static void
on_record(int c, void *arg)
{
	struct reader *r = arg;
	int ok;

	(void)c;
	if (r->stop != 0)
		return;
	if (r->nfields == 0)		/* an empty line: one empty field */
		r->nfields = 1, r->rec.len[0] = 0, r->off[0] = 0;
	if ((ok = check_record(r)) < 0)
		r->stop = -1;
	else if (ok > 0)
		r->stop = r->fn(&r->rec, r->arg);
	r->nfields = 0;
	r->used = 0;
	r->rec.line++;
}

/*
 * Hand libcsv one whole line of n bytes at s, its LF included unless it
 * is the last line of a stream without one; s[n] may be written.  A CR
 * before the LF is not data.  nul is the first NUL of the buffer, or
 * NULL: one scan for all its lines.
 */
static void
feed_line(struct csv_parser *p, struct reader *r, char *s, size_t n,
    const char *nul)
{
	size_t len = n;

	if (len > 0 && s[len - 1] == '\n')
		len--;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (nul != NULL && nul >= s && nul < s + len) {
		gip_error(r->rec.file, r->rec.line, "NUL byte in line");
		r->stop = -1;
		return;
	}
	if (len == 0) {			/* libcsv skips empty lines */
		on_record(0, r);
		return;
	}
	s[len] = '\n';	/* over the CR, or past the last line: one call */
	if (csv_parse(p, s, len + 1, on_field, on_record, r) != len + 1) {
		/* libcsv fails only when it cannot grow its field buffer */
		gip_error(r->rec.file, r->rec.line, "cannot split line: %s",
		    csv_strerror(csv_error(p)));
		csv_fini(p, NULL, NULL, NULL);	/* clean for the next file */
		r->stop = -1;
	}
}

/*
 * Hand feed_line() the whole lines among the n bytes at buf; returns the
 * bytes used, which leaves the start of a line that goes on in the next
 * read.
 */
static size_t
feed_lines(struct csv_parser *p, struct reader *r, char *buf, size_t n)
{
	char *s = buf, *end = buf + n, *nl;
	const char *nul = memchr(buf, '\0', n);

	while (r->stop == 0 && (nl = memchr(s, '\n', end - s)) != NULL) {
		if ((size_t)(nl + 1 - s) > CELLS_MAXLINE)
			break;
		feed_line(p, r, s, nl + 1 - s, nul);
		s = nl + 1;
	}
	return s - buf;
}

struct csv_parser *
cells_parser(void)
{
	static struct csv_parser p;
	static int ready;

	if (!ready) {
		if (csv_init(&p, 0) != 0)
			gip_fatal("cannot set up libcsv");
		ready = 1;
	}
	csv_set_delim(&p, '\t');
	csv_set_quote(&p, '\0');
	csv_set_space_func(&p, no_space);
	csv_set_term_func(&p, is_term);
	return &p;
}

/*
 * Read one cells stream from an open fp named path; returns 0, the
 * callback's stop value, or -1.  The stream is read in large blocks and
 * each line given to libcsv where it lies, with no copy and no per-line
 * csv_fini; the start of a line that goes on past a block moves to the
 * front of the buffer for the next read.  The fuzz target feeds it
 * memory streams.
 */
int
cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg)
{
	enum { BLOCK = 1 << 16 };
	static struct reader r;
	static char buf[CELLS_MAXLINE + BLOCK + 1];	/* + 1: feed_line's LF */
	struct csv_parser *p = cells_parser();
	size_t have = 0, n, used;

	r.rec.file = path;
	r.rec.line = 1;
	r.fn = fn;
	r.arg = arg;
	r.stop = 0;
	r.nfields = 0;
	r.used = 0;
	while (r.stop == 0 && (n = fread(buf + have, 1, BLOCK, fp)) > 0) {
		used = feed_lines(p, &r, buf, have + n);
		have += n - used;
		if (r.stop == 0 && have > CELLS_MAXLINE) {
			gip_error(path, r.rec.line, "line longer than %u KiB",
			    CELLS_MAXLINE >> 10);
			r.stop = -1;
		}
		memmove(buf, buf + used, have);
	}
	if (r.stop == 0 && ferror(fp)) {
		gip_error(path, 0, "%s", strerror(errno));
		r.stop = -1;
	}
	if (r.stop == 0 && have > 0)	/* a last line with no LF */
		feed_line(p, &r, buf, have, memchr(buf, '\0', have));
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
