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

/*
 * text[0, len) (markdown.h's plain text) appended to out with each pipe
 * table (a pipe row, a delimiter row, the pipe rows after it) made a
 * <table> element, a row to a line, its delimiter row an empty line;
 * cell text escaped (< > &).  Everything else, the <table> elements
 * included, as it stands.
 */
/* s[0, n) without the blanks (space, TAB) around it. */
void	md_trim(const char **s, size_t *n);
/* Is s[0, n) a pipe row: a bar first, after blanks? */
int	md_is_pipe_row(const char *s, size_t n);
void	mdpipe_to_html(const char *text, size_t len, struct buf *out);

#endif
