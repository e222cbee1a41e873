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
	struct cells_rec rec;
	int		 nfields;
	char		*store;		/* field bytes of the current line */
	size_t		 used, cap;
	size_t		 off[CELL_NFIELDS];
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

static void
on_record(int c, void *arg)
{
	(void)c;
	(void)arg;
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

static int
parse_line(struct csv_parser *p, struct reader *r, char *line, size_t n)
{
	if (n > 0 && line[n - 1] == '\n')
		n--;
	if (n > 0 && line[n - 1] == '\r')
		n--;
	if (memchr(line, '\0', n)) {
		gip_error(r->rec.file, r->rec.line, "NUL byte in line");
		return -1;
	}
	r->nfields = 0;
	r->used = 0;
	if (csv_parse(p, line, n, on_field, on_record, r) != n ||
	    csv_fini(p, on_field, on_record, r) != 0) {
		gip_error(r->rec.file, r->rec.line, "cannot split line: %s",
		    csv_strerror(csv_error(p)));
		return -1;
	}
	if (n == 0)
		r->nfields = 1, r->rec.len[0] = 0, r->off[0] = 0;
	return check_record(r);
}

static struct csv_parser *
new_parser(void)
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
 * callback's stop value, or -1.  The fuzz target feeds it memory streams.
 */
int
cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg)
{
	static struct reader r;
	struct csv_parser *p = new_parser();
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0, ok;

	r.rec.file = path;
	r.rec.line = 0;
	while ((n = getline(&line, &cap, fp)) > 0) {
		r.rec.line++;
		if ((size_t)n > CELLS_MAXLINE) {
			gip_error(path, r.rec.line, "line longer than %u KiB",
			    CELLS_MAXLINE >> 10);
			rc = -1;
			break;
		}
		if ((ok = parse_line(p, &r, line, n)) < 0) {
			rc = -1;
			break;
		}
		if (ok > 0 && (rc = fn(&r.rec, arg)) != 0)
			break;
	}
	if (n < 0 && ferror(fp)) {
		gip_error(path, 0, "%s", strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
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
