/*
 * Reading a cells stream of gip(5): the TSV with backslash escapes that
 * gip-tables writes, or the same records as RFC 4180 CSV (--csv output,
 * or a spreadsheet's), told apart by content.  One callback per cell,
 * every line validated, trouble reported as file:line.
 */
#ifndef GIP_CELLS_H
#define GIP_CELLS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

enum { CELL_SOURCE, CELL_TABLE, CELL_ROW, CELL_COL, CELL_VALUE, CELL_NFIELDS };

struct cells_rec {
	const char	*file;		/* input name, "-" for stdin */
	long		 line;		/* line of the input where it starts */
	char		*field[CELL_NFIELDS + 1];	/* unescaped, NUL-ended;
					   [CELL_NFIELDS] is the reader's
					   room for the line field: read
					   srcline */
	size_t		 len[CELL_NFIELDS + 1];
	int		 blank;		/* value is empty */
	int		 unread;	/* value is "?": printed, not read */
	int		 whole;		/* value is a whole number >= 0 */
	int64_t		 value;		/* fixed point (num.h) unless meta,
					   blank or unread (then 0) */
	long		 srcline;	/* the line field: where the report
					   printed it; 0 when absent or empty */
};

/*
 * Return 0 to go on, non-zero to stop reading (cells_read returns it).
 * rec and its fields are valid only during the call.  CELLS_PAD bytes
 * can be read from the start of each field on (past its NUL they are
 * unspecified, not to be written): a lookup may load a field as words.
 */
#define CELLS_PAD	16

/* The bytes of a word that are its first n (<= 8) in memory. */
static inline uint64_t
cells_head_mask(size_t n)
{
	if (n >= 8)
		return ~(uint64_t)0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return ((uint64_t)1 << (8 * n)) - 1;
#else
	return n ? ~(uint64_t)0 << (64 - 8 * n) : 0;
#endif
}

/* cells_same past the first 16 bytes (n > 16). */
int	cells_same_tail(const char *a, const char *b, size_t n);

/*
 * Are the n bytes at a and b the same?  Both with CELLS_PAD readable
 * bytes: the first 16 are compared as two words each, no call; the rest
 * of a longer one (a source with its path) as words too, the last word
 * ending at byte n.
 */
static inline int
cells_same(const char *a, const char *b, size_t n)
{
	uint64_t a0, a1, b0, b1;

	memcpy(&a0, a, 8);
	memcpy(&b0, b, 8);
	if (((a0 ^ b0) & cells_head_mask(n)) != 0)
		return 0;
	if (n <= 8)
		return 1;
	memcpy(&a1, a + 8, 8);
	memcpy(&b1, b + 8, 8);
	if (((a1 ^ b1) & cells_head_mask(n - 8)) != 0)
		return 0;
	return n <= 16 || cells_same_tail(a, b, n);
}

typedef int (*cells_fn)(const struct cells_rec *rec, void *arg);

#define CELLS_MAXLINE	(1u << 20)

/*
 * Read one input ("-" is stdin) or an open stream named path.  A UTF-8
 * BOM at the start and header lines (first field "source") are skipped.
 * Returns 0, the callback's stop value, or -1 after reporting the
 * trouble (the first bad line stops the read: a total that skipped a
 * line is wrong).
 */
int	cells_read(const char *path, cells_fn fn, void *arg);
int	cells_read_fp(FILE *fp, const char *path, cells_fn fn, void *arg);

#endif
