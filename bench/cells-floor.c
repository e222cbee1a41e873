/*
 * The floor under gip-check and gip-sum: the cells reader (cells.h)
 * over a file, validating every line, with a callback that only counts.
 * The file is read as the tools read it (mapped from 256 KiB on).
 * bench.py times it beside them; whatever a tool does with a cell comes
 * on top of this.  (Until the reader had its own TSV scanner, this was
 * libcsv's parser alone, 8.3 M cells/s: the floor of a reader built on
 * libcsv.)
 *
 *	cells-floor FILE
 */
#include <stdio.h>

#include "cells.h"
#include "err.h"

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	size_t *n = arg;

	(void)rec;
	(*n)++;
	return 0;
}

int
main(int argc, char *argv[])
{
	size_t n = 0;

	gip_init("cells-floor");
	if (argc != 2) {
		fprintf(stderr, "usage: cells-floor FILE\n");
		return GIP_TROUBLE;
	}
	if (cells_read(argv[1], on_cell, &n) != 0)
		return GIP_TROUBLE;
	printf("%zu cells\n", n);
	return gip_finish();
}
