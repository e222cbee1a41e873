/* Writing the TSV streams of gip(5): one escaping rule for every field. */
#ifndef GIP_TSV_H
#define GIP_TSV_H

#include <stddef.h>
#include <stdio.h>

void	tsv_field(FILE *fp, const char *s, size_t n);
void	tsv_str(FILE *fp, const char *s);
/* The first n fields of records escaped once, each with its TAB, into
 * out (size bytes); their length, 0 if they do not fit. */
size_t	tsv_prefix(char *out, size_t size, const char *const *field, int n);
/* One cell line into out (size bytes): pre as tsv_prefix made it (in a
 * buffer readable to a multiple of 16 bytes), then row, col, value and
 * line (0: empty); its length, 0 if it does not fit. */
size_t	tsv_cell_into(char *out, size_t size, const char *pre, size_t npre,
	    const char *row, const char *col, const char *value, long line);
size_t	tsv_unescape(char *s, size_t n);

#endif
