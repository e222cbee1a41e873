/* Writing the TSV streams of gip(5): one escaping rule for every field. */
#ifndef GIP_TSV_H
#define GIP_TSV_H

#include <stddef.h>
#include <stdio.h>

void	tsv_field(FILE *fp, const char *s, size_t n);
void	tsv_str(FILE *fp, const char *s);
void	tsv_cell(FILE *fp, const char *source, const char *table,
	    const char *row, const char *col, const char *value);
void	tsv_cell_line(FILE *fp, const char *source, const char *table,
	    const char *row, const char *col, const char *value, long line);
/* A record's first field escaped once for many records (tsv_prefix:
 * its length, 0 if longer than TSV_PRE_MAX), then records after it. */
#define TSV_PRE_MAX	512
size_t	tsv_prefix(char *out, const char *s);
void	tsv_cell_pre(FILE *fp, const char *pre, size_t npre,
	    const char *table, const char *row, const char *col,
	    const char *value, long line);
size_t	tsv_unescape(char *s, size_t n);

#endif
