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
/* The letter of a byte's escape (\t \n \r \\), 0 for a byte that
 * needs none. */
extern const char tsv_letter[256];
size_t	tsv_unescape(char *s, size_t n);

#endif
