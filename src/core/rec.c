/* Records out as TSV or CSV (rec.h). */
#include <csv.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "rec.h"
#include "tsv.h"

void
rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom)
{
	o->fp = fp;
	o->fmt = fmt;
	o->bom = bom;
	o->src = o->tbl = NULL;
	o->npre = 0;
	o->cells = NULL;
	o->ncells = 0;
}

void
rec_flush(struct rec_out *o)
{
	if (o->ncells > 0)
		fwrite_unlocked(o->cells, 1, o->ncells, o->fp);
	o->ncells = 0;
}

/*
 * A TSV line's source and table are escaped once for all the cells that
 * follow; a BOM still to be written, CSV, or a prefix too long for pre
 * leave npre 0, and rec_cell then goes by rec_write.
 */
void
rec_cells_of(struct rec_out *o, const char *source, const char *table)
{
	const char *field[2] = { source, table };

	o->src = source;
	o->tbl = table;
	o->npre = 0;
	if (o->fmt != REC_TSV || o->bom)
		return;
	if (o->cells == NULL)
		o->cells = gip_xmalloc(REC_CELLS);
	o->npre = tsv_prefix(o->pre, sizeof o->pre, field, 2);
}

/* Quote a CSV field only where RFC 4180 needs it, so numbers stay bare. */
static void
csv_field(FILE *fp, const char *s)
{
	size_t n = strlen(s);

	if (strpbrk(s, ",\"\r\n") != NULL || (n > 0 && (s[0] == ' ' ||
	    s[n - 1] == ' ')))
		csv_fwrite(fp, s, n);
	else
		fwrite(s, 1, n, fp);
}

void
rec_write(struct rec_out *o, const char *const *field, int n)
{
	int i;

	rec_flush(o);
	if (o->bom) {
		fputs("\xEF\xBB\xBF", o->fp);
		o->bom = 0;
	}
	/* The tools are single-threaded: stdio need not lock. */
	for (i = 0; i < n; i++) {
		if (i > 0)
			putc_unlocked(o->fmt == REC_CSV ? ',' : '\t', o->fp);
		if (o->fmt == REC_CSV)
			csv_field(o->fp, field[i] ? field[i] : "");
		else
			tsv_str(o->fp, field[i] ? field[i] : "");
	}
	fputs_unlocked(o->fmt == REC_CSV ? "\r\n" : "\n", o->fp);
}

/* A cell rec_cell cannot build in o->cells: CSV, a BOM first, a field
 * too long; its line (0: unknown) an empty sixth field. */
void
rec_cell_by_fields(struct rec_out *o, const char *row, const char *col,
    const char *value, long line)
{
	char num[24] = "";
	const char *field[6] = { o->src, o->tbl, row, col, value, num };

	if (line > 0)
		snprintf(num, sizeof num, "%ld", line);
	rec_write(o, field, 6);
	if (o->npre == 0 && o->fmt == REC_TSV)	/* the BOM is out now */
		rec_cells_of(o, o->src, o->tbl);
}
