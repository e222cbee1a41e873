/*
 * pandoc's own Markdown (pandoc -f html -t markdown, what `pandoc
 * page.html -o page.md` writes) keeps what the page's HTML said about its
 * text as attributes: bracketed spans around every run of Word's text
 * ([规章]{style="font-size:10.5pt;font-family:宋体"}, [3]{.c1}),
 * attribute blocks after headings ({#id .class}), fenced divs
 * (::: {.WordSection1}, inside grid table cells too), escapes (1\. 属于)
 * and hard line breaks (a backslash ending the line).  None of it is
 * text; left in place it splits a label from its row and a value from
 * its unit, and shifts the columns of the tables it stands in.
 */
#ifndef GIP_MDATTR_H
#define GIP_MDATTR_H

#include <stddef.h>

/* Does text[0, len) hold pandoc's attributes: a bracketed span with an
 * attribute block ([text]{.class}, [text]{style="..."}) or a fenced div
 * line (::: {.class})? */
int	mdattr_detect(const char *text, size_t len);

/*
 * Drop the attribute markup of text[0, len) in place and return the new
 * length: a span keeps its text, attribute blocks and fence marks go, an
 * escape (1\. 属于) is its character (escapes of Markdown's own marks,
 * \* \_ \| \< \& \[ \\, are left to markdown.h), a hard break's
 * backslash is a blank.  Lines stay lines (a fence line is left empty).
 * The display columns a line loses are given back as spaces at its next
 * bar or gap of two blanks, so that the bars of pandoc's grid tables
 * (gridframe.h) and the columns of its multiline tables stay aligned; at
 * the line's end they are dropped.  text[len] is a NUL and stays one at
 * the new length.
 */
size_t	mdattr_strip(char *text, size_t len);

/*
 * pandoc's Markdown wrapped at 72 columns (its default) breaks a
 * paragraph's attribute block at a blank: `[2020]{lang="EN-US"` and
 * `style="font-size:16.0pt"}年` on the next line, or a span's `]{` on the
 * line after its text.  Such a line is joined with the next in place
 * (pandoc broke it at a blank, which attribute blocks do without) and
 * the line end put back at the paragraph's
 * end (its next blank line), so that mdattr_strip finds the block whole:
 * lines of the paragraph after it move up one, lines after it stay.
 * Grid tables' lines are left to gridframe_unwrap.  Returns len.
 */
size_t	mdattr_join(char *text, size_t len);

/* The same for the one line s[0, n) (no line end): its new length. */
size_t	mdattr_strip_line(char *s, size_t n);

/*
 * Where does s[0, n) leave off: 2 inside an attribute block
 * (`]{lang="EN-US"`), 1 inside a span's brackets, 0 with both closed.
 * With unmatched, a `]{` whose `[` came before s opens a block too (a
 * cell's text taken from its start: the span began on a line before).
 */
int	mdattr_open_at_end(const char *s, size_t n, int unmatched);

#endif
