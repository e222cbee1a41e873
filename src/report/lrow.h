/*
 * Logical table rows: the line-rows of a grid merged where a label wraps
 * onto more lines, split into label text and value cells.
 */
#ifndef GIP_LROW_H
#define GIP_LROW_H

#include "grid.h"
#include "value.h"

#define LROW_MAXVAL	48
#define LROW_LABEL	2048
#define LROW_MAXSEG	8
#define LROW_SEG	384

/* A label cell of a space-aligned table, grown by the lines below it. */
struct lseg {
	int	x0, x1;
	char	text[LROW_SEG];
	int	len;		/* strlen(text), kept by lrow.c */
};

/* Logical rows built at most: a table has a few dozen, and each row
 * takes about 10 KiB, so 16 MiB of short lines would take GiBs. */
#define LROW_MAXROWS	2000

struct vcell {
	struct value	v;
	int		x0, x1;		/* display columns, -1 if none */
	int		cell;		/* index of its cell in the line, -1 */
};

struct lrow {
	long		line;
	char		label[LROW_LABEL];	/* labels joined, no spaces */
	char		first[LROW_LABEL];	/* the first label cell */
	int		nval;
	struct vcell	val[LROW_MAXVAL];
	int		numbers;		/* how many values are numbers */
	int		overflow;		/* more values than room */
	int		merged;			/* joined from several lines */
	int		nseg;			/* label cells by position (by
						 * cell index: explicit cells) */
	struct lseg	seg[LROW_MAXSEG];
};

/* Does a label cell start a new table row?  Table-specific. */
typedef int (*lrow_starts_fn)(const char *label);

/* The logical rows of g in *rows, an array of *cap rows grown as needed
 * and kept by the caller from call to call (a table's rows are over
 * 100 KiB: allocated afresh for every table, their pages were faulted in
 * anew each time); the caller frees it.  Returns how many. */
int	lrow_build(const struct grid *g, lrow_starts_fn starts,
	    struct lrow **rows, int *cap);
/* Do values v[0..n) hold empty cells the converter counted (GRID_XCOUNTED)?
 * They are then in column order, blanks included. */
int	lrow_counted(const struct vcell *v, int n);
/* A row of counted values ends in empty cells the converter left out
 * (lynx drops trailing blanks): pad it with blanks to ncol values. */
void	lrow_pad_counted(struct lrow *lr, int ncol);
void	lrow_split(const struct grid *g, const struct grow *r,
	    struct lrow *lr);

#endif
