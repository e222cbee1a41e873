/*
 * A row printed without its layout, its blank cells left out
 * (`pdftotext -raw`, readorder.h): its numbers, in the order of its
 * columns, fewer than its cells.  Every way to put them in order among
 * the cells that keeps the row's identities (t3: total = the sum of the
 * six applicant columns; t4: total = the sum of the four results;
 * gip(7)) is a reading; a cell all readings give one value is read,
 * the others are unread ('?', gip(5)).  A row of zeros is read whatever
 * its blanks: blank and 0 count alike.  Table 3's column identities
 * (1+2 = 3.7+4, 3.7 = the sum of 3.1 to 3.6) then drop the readings no
 * choice of the other rows' makes add up.
 */
#ifndef GIP_ROPLACE_H
#define GIP_ROPLACE_H

#include "tables.h"

/* The most cells a run of rows may have for its readings to be counted. */
#define ROPLACE_MAXCELLS 16
/* The most readings a row of table 3 keeps for its column identities. */
#define ROPLACE_MAXREAD	 128

/*
 * Cells c[0..m) (rows of one table, row by row, each row's cells in its
 * columns' order) and the n numbers v[0..n) printed for them, in order
 * (plain counts, n < m).  Each cell that every reading gives one value
 * is set to it ('' where every reading leaves it blank); with
 * only_unread, only cells that are '?'.  The other cells are set '?'
 * (only_unread: left as they are).  Returns how many readings there
 * are; 0: none, or too many cells: the cells are left as they are.
 */
int	roplace_rows(struct tcell *const *c, int m, const long long *v, int n,
	    int only_unread);

/* A row of table 3 for its column identities: its cells, and what its
 * numbers may be. */
struct roplace_row {
	struct tcell	*c[ROPLACE_MAXCELLS];
	int		 m;
	int		 known;		/* every cell a count or blank */
	int		 nread;		/* readings; 0 and !known: unknown */
	long long	 val[ROPLACE_MAXREAD][ROPLACE_MAXCELLS];
	unsigned char	 printed[ROPLACE_MAXREAD][ROPLACE_MAXCELLS];
};

/* Row rw's readings of the numbers v[0..n) (roplace_rows); 0 if none
 * or too many. */
int	roplace_readings(struct roplace_row *rw, const long long *v, int n);

/*
 * Rows rw[0..n) of table 3 (every row the report printed, tpl its
 * template): readings that table 3's column identities rule out are
 * dropped, and the unread cells of rows with readings left are read
 * where those agree.  Nothing changes when a row would have none left
 * (the report's numbers do not add up, or a row's numbers were not its
 * own).
 */
void	roplace_columns(struct roplace_row *rw, int n, unsigned tpl);

#endif
