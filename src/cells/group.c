/*
 * Reports out of cells streams (group.h).  A report's cells are copied
 * as they come (the reader's buffer moves on) into one growing store,
 * kept as offsets while it may move, and made pointers again for the
 * callback.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "group.h"
#include "hash.h"

/* The fields copied per cell: all but the source, which is the report's. */
enum { NCOPY = CELL_NFIELDS - 1 };

struct reports {
	report_fn	 fn;
	void		*arg;
	struct hash	 done;		/* sources of this input whose run
					   ended: 2 * first line + is_sum */
	report_fn	 begin;		/* reports_stream: */
	cells_fn	 take;		/* cells handed on, not kept */
	struct cells_report rep;	/* the report being read */
	int		 active;
	int		 is_sum;	/* it has a meta reports row */
	long		 again;		/* the line its source's first run
					   began on, or 0 */
	struct cells_rec *cell;
	size_t		 ncell, cellcap;
	size_t		*off;		/* NCOPY field offsets per cell */
	char		*bytes;		/* source first, then the fields */
	size_t		 used, cap;
};

struct reports *
reports_new(report_fn fn, void *arg)
{
	struct reports *rs = gip_xmalloc(sizeof *rs);

	memset(rs, 0, sizeof *rs);
	rs->fn = fn;
	rs->arg = arg;
	return rs;
}

void
reports_stream(struct reports *rs, report_fn begin, cells_fn cell)
{
	rs->begin = begin;
	rs->take = cell;
}

void
reports_free(struct reports *rs)
{
	if (rs == NULL)
		return;
	hash_free(&rs->done);
	free(rs->cell);
	free(rs->off);
	free(rs->bytes);
	free(rs);
}

static void
grow_store(struct reports *rs, size_t n)
{
	if (n + 1 + GROUP_PAD > SIZE_MAX / 2 - rs->used)
		gip_fatal("report too large");
	rs->cap = (rs->used + n + 1 + GROUP_PAD) * 2;
	rs->bytes = gip_xrealloc(rs->bytes, rs->cap);
}

/*
 * Copy n bytes and a NUL to the store; returns the offset they went to.
 * GROUP_PAD bytes stay allocated past the last (group.h).
 */
static inline size_t
store(struct reports *rs, const char *s, size_t n)
{
	size_t at = rs->used;

	if (n + 1 + GROUP_PAD > rs->cap - rs->used)
		grow_store(rs, n);
	memcpy(rs->bytes + at, s, n);
	rs->bytes[at + n] = '\0';
	rs->used += n + 1;
	return at;
}

static void
begin(struct reports *rs, const struct cells_rec *rec)
{
	rs->used = rs->ncell = 0;
	store(rs, rec->field[CELL_SOURCE], rec->len[CELL_SOURCE]);
	rs->rep.file = rec->file;
	rs->rep.srclen = rec->len[CELL_SOURCE];
	rs->rep.line = rec->line;
	rs->active = 1;
	rs->is_sum = rs->again = 0;
}

static inline int
is_reports_row(const struct cells_rec *rec)
{
	return rec->len[CELL_TABLE] == 4 && rec->len[CELL_ROW] == 7 &&
	    memcmp(rec->field[CELL_TABLE], "meta", 4) == 0 &&
	    memcmp(rec->field[CELL_ROW], "reports", 7) == 0;
}

static void
comes_back(const char *file, long line, const char *source, size_t first)
{
	gip_error(file, line, "report '%s' comes back after other "
	    "reports (its lines begin at line %zu): a report's lines must be "
	    "together; was the stream sorted?", source, first);
}

/* Do table, row, col and value lie in order in one run of memory? */
static int
in_one_run(const struct cells_rec *rec)
{
	char *const *f = rec->field;
	const size_t *n = rec->len;

	return f[CELL_TABLE] + n[CELL_TABLE] < f[CELL_ROW] &&
	    f[CELL_ROW] + n[CELL_ROW] < f[CELL_COL] &&
	    f[CELL_COL] + n[CELL_COL] < f[CELL_VALUE];
}

static void
keep(struct reports *rs, const struct cells_rec *rec)
{
	size_t i, at, *off;

	if (rs->ncell == rs->cellcap) {
		if (rs->cellcap > SIZE_MAX / 2 / sizeof rs->cell[0] / NCOPY)
			gip_fatal("report too large");
		rs->cellcap = rs->cellcap ? rs->cellcap * 2 : 1024;
		rs->cell = gip_xrealloc(rs->cell,
		    rs->cellcap * sizeof rs->cell[0]);
		rs->off = gip_xrealloc(rs->off,
		    rs->cellcap * NCOPY * sizeof rs->off[0]);
	}
	rs->is_sum |= is_reports_row(rec);
	rs->cell[rs->ncell] = *rec;
	rs->cell[rs->ncell].field[CELL_NFIELDS] = NULL;	/* not kept */
	off = &rs->off[rs->ncell * NCOPY];
	if (in_one_run(rec)) {		/* the reader's usual case: one copy */
		at = store(rs, rec->field[CELL_TABLE], rec->field[CELL_VALUE] +
		    rec->len[CELL_VALUE] - rec->field[CELL_TABLE]);
		for (i = 0; i < NCOPY; i++)
			off[i] = at + (rec->field[i + 1] - rec->field[CELL_TABLE]);
	} else
		for (i = 0; i < NCOPY; i++)
			off[i] = store(rs, rec->field[i + 1], rec->len[i + 1]);
	rs->ncell++;
}

/* The report read so far is whole: hand it on. */
static int
end(struct reports *rs)
{
	struct cells_rec *c;
	size_t i, k;

	rs->active = 0;
	if (rs->again && !rs->is_sum) {
		comes_back(rs->rep.file, rs->rep.line, rs->bytes,
		    (size_t)rs->again);
		return -1;
	}
	rs->rep.source = rs->bytes;
	rs->rep.cell = rs->take ? NULL : rs->cell;
	rs->rep.n = rs->ncell;
	for (i = 0; rs->take == NULL && i < rs->ncell; i++) {
		c = &rs->cell[i];
		c->field[CELL_SOURCE] = rs->bytes;
		for (k = 0; k < NCOPY; k++)
			c->field[k + 1] = rs->bytes + rs->off[i * NCOPY + k];
	}
	if (!rs->again)
		(void)hash_put(&rs->done, rs->rep.source, rs->rep.srclen,
		    (size_t)rs->rep.line * 2 + (size_t)rs->is_sum);
	return rs->fn(&rs->rep, rs->arg);
}

static int
same_source(const struct reports *rs, const struct cells_rec *rec)
{
	return rs->rep.srclen == rec->len[CELL_SOURCE] && cells_same(rs->bytes,
	    rec->field[CELL_SOURCE], rs->rep.srclen);	/* both padded */
}

/* A cell that begins a report, or is kept: out of on_cell's way. */
static __attribute__((noinline)) int
on_other_cell(struct reports *rs, const struct cells_rec *rec)
{
	size_t first = 0;
	int rc;

	if (rs->active && !same_source(rs, rec) && (rc = end(rs)) != 0)
		return rc;
	if (!rs->active) {
		if (hash_find(&rs->done, rec->field[CELL_SOURCE],
		    rec->len[CELL_SOURCE], &first) && !(first & 1)) {
			comes_back(rec->file, rec->line, rec->field[CELL_SOURCE],
			    first / 2);
			return -1;
		}
		begin(rs, rec);
		rs->again = first & 1 ? (long)(first / 2) : 0;
		if (rs->begin) {
			rs->rep.source = rs->bytes;
			rs->rep.cell = NULL;
			rs->rep.n = 0;
			if ((rc = rs->begin(&rs->rep, rs->arg)) != 0)
				return rc;
		}
	}
	if (rs->take == NULL) {
		keep(rs, rec);
		return 0;
	}
	rs->is_sum |= is_reports_row(rec);
	rs->ncell++;
	return rs->take(rec, rs->arg);
}

/*
 * Most cells go on the report being read and are streamed: that is
 * tested first, and handed on as a tail call.
 */
static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct reports *rs = arg;

	if (rs->active && rs->take != NULL && same_source(rs, rec)) {
		rs->is_sum |= is_reports_row(rec);
		rs->ncell++;
		return rs->take(rec, rs->arg);
	}
	return on_other_cell(rs, rec);
}

/* One input read: its last report ends with it. */
static int
finish(struct reports *rs, int rc)
{
	if (rc == 0 && rs->active)
		rc = end(rs);
	rs->active = 0;
	return rc;
}

int
reports_read(struct reports *rs, const char *path)
{
	rs->active = 0;
	hash_clear(&rs->done);
	return finish(rs, cells_read(path, on_cell, rs));
}

int
reports_read_fp(struct reports *rs, FILE *fp, const char *path)
{
	rs->active = 0;
	hash_clear(&rs->done);
	return finish(rs, cells_read_fp(fp, path, on_cell, rs));
}
