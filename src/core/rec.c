/* Records out as TSV or CSV (rec.h). */
#include <csv.h>
#include <stdio.h>
#include <string.h>

#include "rec.h"
#include "tsv.h"

void
rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom)
{
	o->fp = fp;
	o->fmt = fmt;
	o->bom = bom;
	o->src = NULL;
}

void
rec_source(struct rec_out *o, const char *source)
{
	_Static_assert(sizeof o->pre == TSV_PRE_MAX, "pre");
	o->src = NULL;
	if (o->fmt == REC_TSV && (o->npre = tsv_prefix(o->pre, source)) > 0)
		o->src = source;
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

/*
 * One cell of the cells stream (gip(5)) with its line (0: unknown, an
 * empty field).  TSV takes tsv.c's buffered path: gip-tables writes
 * millions.
 */
void
rec_cell(struct rec_out *o, const char *source, const char *table,
    const char *row, const char *col, const char *value, long line)
{
	char num[24] = "";
	const char *field[6] = { source, table, row, col, value, num };

	if (o->fmt == REC_TSV && !o->bom && source == o->src) {
		tsv_cell_pre(o->fp, o->pre, o->npre, table, row, col, value,
		    line);
		return;
	}
	if (o->fmt == REC_TSV && !o->bom) {
		tsv_cell_line(o->fp, source, table, row, col, value, line);
		return;
	}
	if (line > 0)
		snprintf(num, sizeof num, "%ld", line);
	rec_write(o, field, 6);
}
