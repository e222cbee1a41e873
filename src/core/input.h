/*
 * Reading one report: the whole file (or stdin) into memory, its encoding
 * detected and decoded to UTF-8, line ends made LF.
 */
#ifndef GIP_INPUT_H
#define GIP_INPUT_H

#include <stddef.h>
#include <string.h>

/* The largest report read; larger inputs are refused with a message. */
#define GIP_MAX_INPUT	(16u << 20)
/* A zip (a Word file) may be larger: its photos and seals are not read,
 * only its text parts, which report/docx.h bounds. */
#define GIP_MAX_ZIP	(64u << 20)

/*
 * What an input is, told by its first bytes, not its name: text (plain
 * or HTML, decoded here), or a document a structured reader takes as
 * bytes (report/document.c): a Word file (a zip holding
 * [Content_Types].xml) or a PDF.
 */
enum gip_kind { GIP_KIND_TEXT, GIP_KIND_DOCX, GIP_KIND_PDF };

/* What markup a text holds: an HTML page, or text (Markdown that a PDF
 * extractor made) holding HTML <table> elements among its lines. */
enum { GIP_HTML_PAGE = 1, GIP_HTML_TABLES = 2 };

/*
 * Bytes that decoding finds a text does not hold (gip_doc.absent): the
 * decoder and the readers' detectors (report/document.c) look for these
 * rare bytes in every text, and one pass over it answers them all.
 */
enum {
	GIP_BYTE_NUL = 1, GIP_BYTE_CR = 2, GIP_BYTE_LT = 4,	/* \0 \r < */
	GIP_BYTE_HASH = 8, GIP_BYTE_BAR = 16, GIP_BYTE_PLUS = 32, /* # | + */
	GIP_BYTE_COLON = 64, GIP_BYTE_BRACKET = 128		/* : ] */
};

struct gip_doc {
	const char	*name;		/* as given; "-" for stdin */
	enum gip_kind	 kind;
	const char	*bytes;		/* DOCX, PDF: the file as read */
	size_t		 nbytes;
	char		*text;		/* UTF-8, LF line ends, NUL-terminated */
	size_t		 len;
	const char	*encoding;	/* "UTF-8", "GB18030", "UTF-16LE", ... */
	int		 html;		/* GIP_HTML_PAGE, GIP_HTML_TABLES or 0 */
	int		 row_order_lost;	/* a row's numbers not in its
					 * columns' order (readorder.h) */
	unsigned	 absent;	/* GIP_BYTE_* the text does not hold
					 * (0: none known absent) */
};

int	gip_doc_read(struct gip_doc *doc, const char *path);
int	gip_doc_from_bytes(struct gip_doc *doc, const char *name,
	    const char *bytes, size_t len);
void	gip_doc_free(struct gip_doc *doc);
struct buf;
/* The report text a structured reader (Word, PDF) made from doc, as
 * doc's text: one line end last, UTF-8.  text stays the reader's. */
void	gip_doc_made(struct gip_doc *doc, struct buf *text);

/* Iterate over lines: *pos advances past the line and its LF.  Inline:
 * every reader walks every line with it. */
static inline int
gip_next_line(const char *text, size_t len, size_t *pos, const char **line,
    size_t *linelen)
{
	const char *s = text + *pos, *nl;

	if (*pos >= len)
		return 0;
	nl = memchr(s, '\n', len - *pos);
	*line = s;
	*linelen = nl ? (size_t)(nl - s) : len - *pos;
	*pos += *linelen + (nl != NULL);
	return 1;
}

#endif
