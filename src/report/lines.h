/*
 * The lines of a table region as the layout readers walk them: with
 * their line numbers, a leading form feed stripped; rule lines and page
 * footers, which are no table rows.
 */
#ifndef GIP_LINES_H
#define GIP_LINES_H

#include <stddef.h>

#define LINES_FFFD "\xef\xbf\xbd"	/* U+FFFD in UTF-8 */

struct line {
	const char	*s;
	size_t		 n;
	long		 no;
};

/* A table's lines as layout_detect split them, for layout_read to take
 * instead of splitting them again (kept by the caller from table to
 * table; free v when done). */
struct tline {
	const char	*s;
	size_t		 n;
	size_t		 next;		/* where the next line starts */
	unsigned char	 bar;		/* begins with a vertical bar */
	unsigned char	 rule;		/* a rule line (lines_is_rule) */
};
struct tlines {
	struct tline	*v;
	int		 n, cap;
	int		 lo;	/* the document is LibreOffice's text export
				 * (lotext.h), set by the caller */
};

int	lines_next(const char *text, size_t len, size_t *pos, struct line *ln);
int	lines_is_rule(const char *s, size_t n);
int	lines_is_footer(const char *text, size_t len, size_t pos,
	    const struct line *ln);
int	lines_is_fffd(const char *s, const char *e);

#endif
