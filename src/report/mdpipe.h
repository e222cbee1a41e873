/*
 * Markdown pipe tables as HTML tables, for a Markdown text that holds
 * <table> elements too (pandoc -t gfm writes a table without spans as a
 * pipe table, one with spans as HTML): the HTML reader then hands every
 * table to placement with its cells (doctables.h), not only the HTML
 * ones.
 */
#ifndef GIP_MDPIPE_H
#define GIP_MDPIPE_H

#include <stddef.h>

struct buf;

/* s[0, n) without the blanks (space, TAB) around it.  Inline, as
 * md_is_pipe_row: they run on every cell and line of a pipe table. */
static inline void
md_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* Is s[0, n) a pipe row: a bar first, after blanks, and more than
 * blanks after it? */
static inline int
md_is_pipe_row(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (n < 2 || *s != '|')
		return 0;
	md_trim(&s, &n);
	return n >= 2;
}

/*
 * text[0, len) (markdown.h's plain text) appended to out with each pipe
 * table (a pipe row, a delimiter row, the pipe rows after it) made a
 * <table> element, a row to a line, its delimiter row an empty line;
 * cell text escaped (< > &).  Everything else, the <table> elements
 * included, as it stands.
 */
void	mdpipe_to_html(const char *text, size_t len, struct buf *out);

#endif
