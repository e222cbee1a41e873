/*
 * PDF files read by position.  Debian's pdftotext (poppler-utils) is run
 * with -bbox-layout and prints every word with its box; the words are
 * laid out again here: words whose boxes share a line make a line of
 * report text, words close together on one baseline make a cell, and
 * every cell keeps its place on the page (x0, x1 in PDF_UNIT_PT points),
 * so a number goes to the column it is printed under, blank cells
 * staying blank (doctables.h, place.h).
 */
#ifndef GIP_PDF_H
#define GIP_PDF_H

#include <stddef.h>

#include "buf.h"
#include "doctables.h"
#include "input.h"
#include "pdfrun.h"

/* Pages read at most; a longer PDF is read up to there, with a warning. */
#define PDF_MAX_PAGES	500
/* pdftotext's word boxes taken at most (about 100 bytes a word). */
#define PDF_MAX_BBOX	(128u << 20)
/* The report text made of it, at most (as a text input: GIP_MAX_INPUT). */
#define PDF_MAX_TEXT	GIP_MAX_INPUT
/* Positions are handed over in units of this many points. */
#define PDF_UNIT_PT	4

struct pdfword;
struct pdfseen;

/*
 * The storage of the PDF reader, owned by the caller and reused from
 * document to document: it grows to what the largest document needs and
 * holds nothing one document leaves that the next reads (each document
 * starts it afresh).  Zero-initialised is empty; pdf_free releases it.
 */
struct pdf {
	struct buf	 bbox;		/* pdftotext's output */
	struct buf	 text;		/* the report text made */
	struct buf	 arena;		/* the words' text, of one page */
	struct buf	 tmp;		/* a cell's or a line's text */
	struct pdfword	*word;		/* the words of one page */
	int		 nword, wordcap;
	int		*order, ordercap;	/* indexes into word */
	int		*bycy, bycycap;		/* words by centre */
	double		*starts;		/* x of row markers' words */
	int		 startcap;
	struct pdfseen	*seen;			/* lines seen (pdfseen.c) */
	size_t		 nseen, seencap;
};

/* doc->bytes are a PDF: set doc->text to its report text (in pg, valid
 * until pg is used again) and fill dt.  0, or -1 after a message naming
 * the input. */
int	pdf_read(struct gip_doc *doc, struct doctables *dt, struct pdf *pg);

/* The same from pdftotext -bbox-layout output already at hand (tests,
 * fuzzing); xhtml is changed: characters XML forbids become blanks. */
int	pdf_from_bbox(struct gip_doc *doc, char *xhtml, size_t len,
	    struct doctables *dt, struct pdf *pg);

void	pdf_free(struct pdf *pg);

#endif
