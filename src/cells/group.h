/*
 * Reports out of cells streams: a report is a run of lines with one
 * source (gip(5)).  Lines of a source that come back after another
 * source's, within one input, are an error (a sorted stream), never a
 * new report; except gip-sum groups (runs with a meta reports row), which
 * come back when sums of parts are concatenated to be summed again.
 * Each input is read on its own; its last report ends with it.
 */
#ifndef GIP_GROUP_H
#define GIP_GROUP_H

#include <stddef.h>
#include <stdio.h>

#include "cells.h"

/*
 * One report, as the callback sees it.  Everything it points to (the
 * cells, their fields, source) is owned by the reader and valid only
 * during the callback: copy what must outlive it.
 */
/*
 * Past the start of every field of a report's cells (the source too),
 * GROUP_PAD bytes can be read, kept or streamed: what follows the
 * field's NUL is unspecified and not to be written, so that a lookup may
 * load a short field as whole words (cellkey.h, CK_PAD).
 */
#define GROUP_PAD	CELLS_PAD

struct cells_report {
	const char	*file;		/* the input, "-" for stdin */
	const char	*source;	/* NUL-ended */
	size_t		 srclen;
	long		 line;		/* its first line in file */
	const struct cells_rec *cell;	/* its cells in input order, meta
					   included; field[CELL_SOURCE] is
					   source */
	size_t		 n;
};

/* Return 0 to go on, non-zero to stop (reports_read returns it). */
typedef int (*report_fn)(const struct cells_report *rep, void *arg);

struct reports;

struct reports *reports_new(report_fn fn, void *arg);
/*
 * Hand the cells on as they are read instead of keeping a copy of each
 * report: begin is called with a report's first cell (rep has no cells
 * yet), cell with each cell (then valid only during the call), and fn
 * when the report is whole, as before but with rep->cell NULL (n counts
 * them).  A report that bad input cuts short was begun, never ended.
 * For a reader that takes what it needs of each cell (gip-check): no
 * copy of every field.
 */
void	reports_stream(struct reports *rs, report_fn begin, cells_fn cell);
/*
 * Read one input ("-" is stdin), calling fn once per report.  Returns 0,
 * fn's stop value, or -1 after reporting the trouble (file:line); the
 * report that bad input cuts short is not handed on, those before it
 * were.
 */
int	reports_read(struct reports *rs, const char *path);
/* The same from an open stream named path (the fuzz target's). */
int	reports_read_fp(struct reports *rs, FILE *fp, const char *path);
void	reports_free(struct reports *rs);

#endif
