/*
 * Reading the cells TSV stream (gip(5)) with libcsv: one callback per
 * cell, every line validated, trouble reported as file:line.
 */
#ifndef GIP_CELLS_H
#define GIP_CELLS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

enum { CELL_SOURCE, CELL_TABLE, CELL_ROW, CELL_COL, CELL_VALUE, CELL_NFIELDS };

struct cells_rec {
	const char	*file;		/* input name, "-" for stdin */
	long		 line;
	char		*field[CELL_NFIELDS];	/* unescaped, NUL-ended */
	size_t		 len[CELL_NFIELDS];
	int		 blank;		/* value is empty */
	int64_t		 value;		/* fixed point (num.h) unless meta */
};

/* Return 0 to go on, non-zero to stop reading (cells_read returns it). */
typedef int (*cells_fn)(const struct cells_rec *rec, void *arg);

#define CELLS_MAXLINE	(1u << 20)

int	cells_read(const char *path, cells_fn fn, void *arg);
int	cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg);

/* The libcsv parser as the reader sets it up (bench/csv-floor uses it). */
struct csv_parser;
struct csv_parser *cells_parser(void);

#endif
