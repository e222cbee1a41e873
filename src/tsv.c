/* TSV fields with SPEC escaping: \t \n \r \\ and nothing else. */
#include <string.h>

#include "tsv.h"

static const char *
escape_of(unsigned char c)
{
	switch (c) {
	case '\t':	return "\\t";
	case '\n':	return "\\n";
	case '\r':	return "\\r";
	case '\\':	return "\\\\";
	default:	return NULL;
	}
}

/* Write n bytes of s as one escaped field, in runs between escapes. */
void
tsv_field(FILE *fp, const char *s, size_t n)
{
	size_t i, start = 0;
	const char *esc;

	for (i = 0; i < n; i++) {
		if ((esc = escape_of((unsigned char)s[i])) == NULL)
			continue;
		fwrite(s + start, 1, i - start, fp);
		fputs(esc, fp);
		start = i + 1;
	}
	fwrite(s + start, 1, n - start, fp);
}

void
tsv_str(FILE *fp, const char *s)
{
	tsv_field(fp, s, strlen(s));
}

void
tsv_cell(FILE *fp, const char *source, const char *table, const char *row,
    const char *col, const char *value)
{
	tsv_str(fp, source);
	putc('\t', fp);
	tsv_str(fp, table);
	putc('\t', fp);
	tsv_str(fp, row);
	putc('\t', fp);
	tsv_str(fp, col);
	putc('\t', fp);
	tsv_str(fp, value ? value : "");
	putc('\n', fp);
}

/*
 * Undo the escaping in place; returns the new length.  A backslash before
 * any other character is kept as it is, as the SPEC defines no other escape.
 */
size_t
tsv_unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			s[o++] = s[i];
			continue;
		}
		switch (s[i + 1]) {
		case 't':  s[o++] = '\t'; i++; break;
		case 'n':  s[o++] = '\n'; i++; break;
		case 'r':  s[o++] = '\r'; i++; break;
		case '\\': s[o++] = '\\'; i++; break;
		default:   s[o++] = '\\'; break;
		}
	}
	return o;
}
