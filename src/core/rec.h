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

struct rec_out {
	FILE		*fp;
	enum rec_format	 fmt;
	int		 bom;		/* a BOM is still to be written */
	const char	*src;		/* rec_source's, escaped in pre */
	size_t		 npre;
	char		 pre[512];
};

void	rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom);
/* Write n NUL-terminated fields as one record (NULL is an empty field). */
void	rec_write(struct rec_out *o, const char *const *field, int n);

/* One cell of gip(5)'s cells stream, line (0: unknown) as sixth field. */
void	rec_cell(struct rec_out *o, const char *source, const char *table,
	    const char *row, const char *col, const char *value, long line);
/* The source of the cells that follow, escaped once (TSV): rec_cell
 * takes it by its address, so call this again whenever the string at
 * that address changes. */
void	rec_source(struct rec_out *o, const char *source);

#endif
