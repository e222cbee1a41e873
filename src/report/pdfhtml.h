/*
 * PDFs that poppler's pdftohtml turned into HTML or XML (gip(7)).  Its
 * pages come in three forms:
 *
 * - `pdftohtml -s` or `-c`: every run of text an absolutely positioned
 *   <p style="position:absolute;top:Tpx;left:Lpx" class="ftN">, the font
 *   size in the page's CSS;
 * - `pdftohtml -xml`: <text top left width height font> in <page>s;
 * - `pdftohtml` alone: the page's text in pdftotext's reading order,
 *   lines ended by <br/>, pages by <hr/>.
 *
 * Read as HTML, the first two are a heap of text runs in no order, which
 * the HTML reader joined into lines that mixed the columns and rows of a
 * table (wrong values, false alarms).  Here the runs become words with
 * their boxes, laid out by the PDF reader as a PDF's words are (pdf.h).
 * The third holds no positions: it is made the print text it is (lines,
 * form feeds), which the reading-order check reads (readorder.h).
 */
#ifndef GIP_PDFHTML_H
#define GIP_PDFHTML_H

#include <stddef.h>

#include "buf.h"

enum pdfhtml_form {
	PDFHTML_NONE,
	PDFHTML_POSITIONED,	/* -s, -c: positioned <p>s */
	PDFHTML_XML,		/* -xml: <text>s with their boxes */
	PDFHTML_FLOW		/* lines and pages in reading order */
};

/* Which form of pdftohtml's output is text (len bytes, UTF-8), if any. */
enum pdfhtml_form pdfhtml_form(const char *text, size_t len);

/* The positioned forms as pdftotext -bbox-layout's XHTML (pdf.h) into
 * out: <page height> of <word xMin yMin xMax yMax>, in points.  0, or -1
 * after a message naming `name`. */
int	pdfhtml_words(const char *name, const char *text, size_t len,
	    enum pdfhtml_form form, struct buf *out);

/* The flowed form as report text into out: a line per <br/>, a form
 * feed per <hr/>.  0, or -1 after a message naming `name`. */
int	pdfhtml_flow(const char *name, const char *text, size_t len,
	    struct buf *out);

#endif
