/* Records out as TSV or CSV (rec.h). */
#include <csv.h>
#include <string.h>

#include "rec.h"
#include "tsv.h"

void
rec_init(struct rec_out *o, FILE *fp, enum rec_format fmt, int bom)
{
	o->fp = fp;
	o->fmt = fmt;
	o->bom = bom;
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
	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(o->fmt == REC_CSV ? ',' : '\t', o->fp);
		if (o->fmt == REC_CSV)
			csv_field(o->fp, field[i] ? field[i] : "");
		else
			tsv_str(o->fp, field[i] ? field[i] : "");
	}
	fputs(o->fmt == REC_CSV ? "\r\n" : "\n", o->fp);
}
