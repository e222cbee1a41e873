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
};

void	rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom);
/* Write n NUL-terminated fields as one record (NULL is an empty field). */
void	rec_write(struct rec_out *o, const char *const *field, int n);

#endif
