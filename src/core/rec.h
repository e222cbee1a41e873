/*
 * Records out: one line of fields, as TSV with gip(5)'s escapes or as
 * RFC 4180 CSV (libcsv quoting) for spreadsheets and databases, with an
 * optional UTF-8 byte order mark first (Excel and WPS need it to show
 * Chinese).  Every tool writes its --csv output through here.
 */
#ifndef GIP_REC_H
#define GIP_REC_H

#include <stdio.h>

#include "tsv.h"

enum rec_format { REC_TSV, REC_CSV };

/*
 * rec_cell's TSV lines are built in a buffer of REC_CELLS bytes and
 * handed to stdio in blocks (a call of fwrite a cell was a fifth of its
 * cost); a line is built there only while REC_CELL_ROOM bytes are left,
 * and one that does not fit goes by rec_write.
 */
enum { REC_CELLS = 16384, REC_CELL_ROOM = 4096, REC_PRE = 512 };

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

/* The source and table of the cells rec_cell writes next (gip(5)'s cells
 * stream); both strings must stay as they are while it does. */
void	rec_cells_of(struct rec_out *o, const char *source, const char *table);
/* Cells are kept in o until rec_flush or the next rec_write: call
 * rec_flush before anything else reaches o's FILE or is checked. */
void	rec_flush(struct rec_out *o);
void	rec_cell_by_fields(struct rec_out *o, const char *row,
	    const char *col, const char *value, long line);

/* One cell of rec_cells_of's source and table, line (0: unknown) as the
 * sixth field; gip-tables writes millions. */
static inline void
rec_cell(struct rec_out *o, const char *row, const char *col,
    const char *value, long line)
{
	size_t n;

	if (o->npre > 0 && o->ncells <= REC_CELLS - REC_CELL_ROOM &&
	    (n = tsv_cell_into(o->cells + o->ncells, REC_CELLS - o->ncells,
	    o->pre, o->npre, row, col, value ? value : "",
	    line > 0 ? line : 0)) > 0)
		o->ncells += n;
	else
		rec_cell_by_fields(o, row, col, value, line);
}

#endif
