/*
 * What the modules of the PDF reader share (pdf.c, pdfword.c, pdfjoin.c,
 * pdflines.c): a word with its box, the state of one document being read,
 * and the steps of laying out a page.  Private to them.
 */
#ifndef GIP_PDFCTX_H
#define GIP_PDFCTX_H

#include <stddef.h>
#include <stdint.h>

#include "doctables.h"
#include "pdf.h"

struct pdfword {
	double	x0, y0, x1, y1;
	size_t	off;		/* text in the page arena */
	int	len;
	int	num;		/* the word is a number */
	int	numline;	/* a number shares its line */
	int	lines;		/* lines of a cell made one word */
	int	edge;		/* starts where a row marker's word starts */
	int	lead;		/* a marker with its label's text beside */
	int	spaced;		/* one character of a line spaced out */
	int	pair, mid;	/* its spread second line, the word between
				 * (indexes + 1; pdfjoin.c) */
};

/* A word seen: the hash of its text and place, the last page it was
 * printed on (pdfseen.c). */
struct pdfseen {
	uint64_t	hash;
	int		page;
};

/* One document being read; its storage is pg's. */
struct pdfctx {
	struct pdf		*pg;
	const char		*name;
	struct doctable		*t;
	double			 height;	/* of the page, points */
	long			 line;		/* next line of text */
	int			 page, words, full;
};

static inline const char *
wtext(const struct pdf *pg, const struct pdfword *w)
{
	return pg->arena.p + w->off;
}

static inline double
height(const struct pdfword *w)
{
	return w->y1 - w->y0 > 0.5 ? w->y1 - w->y0 : 0.5;
}

static inline double
centre(const struct pdfword *w)
{
	return (w->y0 + w->y1) / 2;
}

/* pdfword.c: words, markers, lines */
int	pdf_by_centre(const void *a, const void *b, void *word);
int	pdf_line_end(const struct pdf *pg, int start, int strict);
int	pdf_starts_marker(const char *s);
int	pdf_whole_marker(const char *s);

/* pdfjoin.c: the words of a cell or a label made one */
void	pdf_join_upright(struct pdf *pg);
void	pdf_join_wrapped(struct pdf *pg, double narrow);

/* pdfseen.c: the words of the document seen so far */
void	pdf_seen_reset(struct pdf *pg);
int	pdf_seen_mark(struct pdf *pg, uint64_t hash, int page);

/* pdflines.c: the page's words laid out as lines and cells */
void	pdf_lay_out_page(struct pdfctx *c);

#endif
