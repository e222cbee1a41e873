/*
 * Records out: one line of fields, as TSV with gip(5)'s escapes or as
 * RFC 4180 CSV (libcsv quoting) for spreadsheets and databases, with an
 * optional UTF-8 byte order mark first (Excel and WPS need it to show
 * Chinese).  Every tool writes its --csv output through here.
 */
#ifndef GIP_REC_H
#define GIP_REC_H

#include <stdio.h>

enum rec_format { REC_TSV, REC_CSV };

enum { REC_PRE = 512 };	/* an escaped source and table */

struct rec_out {
	FILE		*fp;
	enum rec_format	 fmt;
	int		 bom;		/* a BOM is still to be written */
	const char	*src, *tbl;	/* rec_cells_of's */
	size_t		 npre;		/* their TSV in pre; 0: by rec_write */
	char		 pre[REC_PRE];
	char		*cells;		/* lines not yet handed to fp */
	size_t		 ncells;
};

void	rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom);
/* Write n NUL-terminated fields as one record (NULL is an empty field). */
void	rec_write(struct rec_out *o, const char *const *field, int n);
/* As rec_write, but kept in o as rec_cell's lines are (rec_flush). */
void	rec_row(struct rec_out *o, const char *const *field, int n);

/* The source and table of the cells rec_cell writes next (gip(5)'s cells
 * stream); both strings must stay as they are while it does. */
void	rec_cells_of(struct rec_out *o, const char *source, const char *table);
/* Cells are kept in o until rec_flush or the next rec_write: call
 * rec_flush before anything else reaches o's FILE or is checked. */
void	rec_flush(struct rec_out *o);
/* One cell of rec_cells_of's source and table, line (0: unknown) as the
 * sixth field; gip-tables writes millions. */
void	rec_cell(struct rec_out *o, const char *row, const char *col,
	    const char *value, long line);

#endif
