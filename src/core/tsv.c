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

/* The letter of a byte's escape, 0 for none (tsv.h). */
const char tsv_letter[256] = {
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
		out[o++] = tsv_letter[(unsigned char)s[i]];
	}
	return o;
}

/*
 * Fields escaped at once into out, each followed by a TAB; size is the
 * room in out.  Returns the length, 0 if they do not fit.  The source
 * and table of a report's cells are escaped once, as the start of all
 * their lines.
 */
size_t
tsv_prefix(char *out, size_t size, const char *const *field, int n)
{
	size_t o = 0, len;
	int k;

	for (k = 0; k < n; k++) {
		len = strlen(field[k]);
		if (2 * len + 1 > size - o)
			return 0;
		o += escape_into(out + o, field[k], len);
		out[o++] = '\t';
	}
	return o;
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
