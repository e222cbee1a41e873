/*
 * Markdown that converters write (pandoc -t gfm, commonmark,
 * markdown_strict, markdown_mmd; PDF-to-Markdown extractors): read as the
 * report text it stands for, line for line, so that its pipe tables are
 * read as bordered tables (layout.h) and its line numbers stay the
 * input's.
 */
#ifndef GIP_MARKDOWN_H
#define GIP_MARKDOWN_H

#include <stddef.h>

struct buf;

/*
 * Is text[0, len) Markdown: does it hold a pipe table's delimiter row
 * (`|---|:-:|`) or an ATX heading (`# 一、总体情况`), or is raw HTML
 * without paragraph tags its only markup (pandoc -t gfm of a page that
 * pdftohtml made: <div> and <span> lines among text lines)?  A page that
 * declares itself HTML (<html>, <body>, <!DOCTYPE> in its first KiB) is
 * not, whatever it holds.
 */
int	md_detect(const char *text, size_t len);

/* A pipe table's delimiter row: bars, colons, dashes and blanks alone,
 * a bar and a run of three dashes at least. */
int	md_delimiter_row(const char *s, size_t n);

/*
 * text[0, len) without its Markdown markup, appended to out line for
 * line: inline HTML tags (<span style=...>, </div>, comments) dropped
 * but <br>; backslash escapes (\*, \(, \>) made their characters, \| in
 * a pipe row U+2223 so that it splits no cell; entities (&gt;, &nbsp;,
 * &#39;) decoded; emphasis marks (*3*, _0_, ***5***) dropped.  A <table> element is copied as written, for the HTML
 * reader (mdhtml.h).  Returns 1 when such an element holds a <td> or
 * <th>, else 0.
 */
int	md_plain(const char *text, size_t len, struct buf *out);

#endif
