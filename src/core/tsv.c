/* TSV fields with gip(5)'s escaping: \t \n \r \\ and nothing else. */
#include <stdio.h>
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

/* Does byte c need an escape?  A table: this runs on every output byte. */
static const unsigned char special[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\\'] = 1
};

/*
 * Write n bytes of s as one escaped field, in runs between escapes.  The
 * tools are single-threaded: the stdio calls need not lock.
 */
void
tsv_field(FILE *fp, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]])
			continue;
		fwrite_unlocked(s + start, 1, i - start, fp);
		fputs_unlocked(escape_of((unsigned char)s[i]), fp);
		start = i + 1;
	}
	fwrite_unlocked(s + start, 1, n - start, fp);
}

void
tsv_str(FILE *fp, const char *s)
{
	tsv_field(fp, s, strlen(s));
}

/* The letter of a byte's escape. */
static const char letter[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\'
};

/* Escape n bytes of s into out, which has room for 2n; returns the
 * length written. */
static size_t
escape_into(char *out, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (!special[(unsigned char)s[i]]) {
			out[o++] = s[i];
			continue;
		}
		out[o++] = '\\';
		out[o++] = letter[(unsigned char)s[i]];
	}
	return o;
}

/* The decimal digits of v > 0 into out; returns their number.  snprintf
 * was half of a cell's cost.  Counted first, then written from the
 * last: no reversal. */
static size_t
decimal_into(char *out, unsigned long v)
{
	size_t n = 1, i;
	unsigned long t;

	for (t = v; t >= 10; t /= 10)
		n++;
	for (i = n; i > 0; v /= 10)
		out[--i] = (char)('0' + v % 10);
	return n;
}

/*
 * The first field of a record, escaped, with its TAB, into out (room for
 * TSV_PRE_MAX bytes); returns its length, 0 if it does not fit.  A cell
 * line's source is the same for all of a report's cells: escaped once.
 */
size_t
tsv_prefix(char *out, const char *s)
{
	size_t n = strlen(s);

	if (2 * n + 1 > TSV_PRE_MAX)
		return 0;
	n = escape_into(out, s, n);
	out[n++] = '\t';
	return n;
}

/*
 * One record: pre[0..npre), the first fields already escaped, then n
 * fields, the last a line number (none when line < 0).  Millions are
 * written, so each is built in a buffer and handed to stdio once; a
 * field too long for it goes by tsv_str.
 */
static void
cell_record(FILE *fp, const char *pre, size_t npre, const char *const *field,
    int n, long line)
{
	enum { FIELDS = 2048 + TSV_PRE_MAX };
	char buf[FIELDS + 32];	/* the fields, then room for the line */
	const unsigned char *s;
	size_t o = npre;
	int k;

	memcpy(buf, pre, npre);
	for (k = 0; k < n; k++) {
		/* escaped as it is copied, no strlen: fields are short */
		for (s = (const unsigned char *)field[k]; *s != '\0' &&
		    o < FIELDS; s++)
			if (!special[*s])
				buf[o++] = (char)*s;
			else {
				buf[o++] = '\\';
				buf[o++] = letter[*s];
			}
		if (*s != '\0') {	/* too long for buf: the rest direct */
			fwrite_unlocked(buf, 1, o, fp);
			tsv_str(fp, (const char *)s);
			o = 0;
		}
		buf[o++] = k < n - 1 ? '\t' : '\n';
	}
	if (line >= 0) {
		o--;		/* the line field follows: a TAB, not the LF */
		buf[o++] = '\t';
		if (line > 0)
			o += decimal_into(buf + o, (unsigned long)line);
		buf[o++] = '\n';
	}
	fwrite_unlocked(buf, 1, o, fp);
}

/* One cell line of the five fields of gip(5). */
void
tsv_cell(FILE *fp, const char *source, const char *table, const char *row,
    const char *col, const char *value)
{
	const char *field[5] = { source, table, row, col, value ? value : "" };

	cell_record(fp, "", 0, field, 5, -1);
}

/* One cell line with its sixth field, line (gip(5)); 0: unknown, empty. */
void
tsv_cell_line(FILE *fp, const char *source, const char *table,
    const char *row, const char *col, const char *value, long line)
{
	const char *field[5] = { source, table, row, col, value ? value : "" };

	cell_record(fp, "", 0, field, 5, line > 0 ? line : 0);
}

/* tsv_cell_line with the source given as tsv_prefix made it. */
void
tsv_cell_pre(FILE *fp, const char *pre, size_t npre, const char *table,
    const char *row, const char *col, const char *value, long line)
{
	const char *field[4] = { table, row, col, value ? value : "" };

	cell_record(fp, pre, npre, field, 4, line > 0 ? line : 0);
}

/*
 * Undo the escaping in place; returns the new length.  A backslash before
 * any other character is kept as it is, as gip(5) defines no other
 * escape.
 */
size_t
tsv_unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t i, o;

	if (bs == NULL)		/* most fields: nothing to undo */
		return n;
	for (i = o = bs - s; i < n; i++) {
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
