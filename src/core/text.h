/*
 * Normalisation for matching.  The original text stays untouched for
 * output; matching works on a folded copy.
 */
#ifndef GIP_TEXT_H
#define GIP_TEXT_H

#include <stddef.h>

enum {
	TEXT_FOLD = 1,		/* full-width ASCII, U+3000, NBSP, quotes */
	TEXT_MARKS = 2,		/* drop [bookmark: ...], ** and <br> */
	TEXT_JOIN = 4,		/* join letters spaced out between CJK */
	TEXT_SQUEEZE = 8,	/* drop all white space */
	TEXT_TRIM = 16,		/* drop leading and trailing white space */
	TEXT_LABEL = TEXT_FOLD | TEXT_MARKS | TEXT_SQUEEZE,
	TEXT_CLEAN = TEXT_FOLD | TEXT_MARKS | TEXT_JOIN | TEXT_TRIM
};

size_t	text_norm(char *dst, const char *src, size_t n, unsigned flags);
/* text_norm with TEXT_CLEAN; *simple: 1 if the result is plain
 * characters and spaces alone (printable ASCII but [ < *, and the
 * 3-byte characters TEXT_LABEL leaves as they are), whose TEXT_LABEL
 * form is the result without its spaces (text_label_append_simple). */
size_t	text_clean(char *dst, const char *src, size_t n, int *simple);
void	text_label_append(char *dst, size_t size, const char *s, size_t n);
/* The same, dst's length `have` known; returns its new length. */
size_t	text_label_append_at(char *dst, size_t have, size_t size, const char *s,
	    size_t n);
/* text_label_append_at of s[0..n) that text_clean found simple, as
 * text_clean wrote it: its spaces dropped, nothing normalised. */
size_t	text_label_append_simple(char *dst, size_t have, size_t size,
	    const char *s, size_t n);
int	text_is_blank(const char *s, size_t n);
/* Does s[0..n) hold an ASCII digit? */
int	text_has_digit(const char *s, size_t n);
const char *text_skip_space(const char *s, const char *end);

#endif
