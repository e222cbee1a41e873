/*
 * The figures a report's prose states about its applications, reviews and
 * lawsuits ("全年共收到政府信息公开申请872件", "办结2份", "行政复议1件"),
 * for the "prose" table gip-check compares with the cells (gip.5).
 */
#ifndef GIP_PROSE_H
#define GIP_PROSE_H

#include <stddef.h>

struct prose_fig {
	const char	*row;	/* a tmpl_prose row: "received", ... */
	long		 value;
	long		 line;	/* first_line + lines before the number */
};

/*
 * Scan len bytes of UTF-8 text with LF line ends (a section, or the report
 * outside its tables; text[0] is on line first_line) and store up to max
 * figures in out, each (row, value) once, grouped by row.  Returns how
 * many were stored.  Hard-wrapped lines are joined, even across a stray
 * blank line; a blank line after a full stop ends a paragraph, and no
 * figure is taken across a paragraph or a clause (。，；).  The patterns
 * are compiled on the first call and kept: not for use from several
 * threads at once.
 */
int	prose_scan(const char *text, size_t len, long first_line,
	    struct prose_fig *out, int max);

#endif
