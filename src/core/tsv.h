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
size_t	tsv_unescape(char *s, size_t n);

#endif
