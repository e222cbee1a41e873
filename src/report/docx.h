/*
 * Word files (.docx: a zip of WordprocessingML) read by their structure:
 * paragraphs become lines of report text, with the list numbers Word
 * generates (一、 （二） 1.) written into them; each table becomes one
 * line per row, cells separated by TAB, and is handed over whole with
 * its cells and grid columns (doctables.h).
 */
#ifndef GIP_DOCX_H
#define GIP_DOCX_H

#include "buf.h"
#include "doctables.h"
#include "input.h"
#include "zippart.h"

/* word/document.xml and its numbering and styles, inflated, at most.
 * libxml2's tree takes up to 16 times a part (a table of tiny cells):
 * 16 MiB keeps a hostile file near 260 MiB; real reports' document.xml
 * are 0.1-5 MiB. */
#define DOCX_MAX_PART	(16u << 20)
/* The report text made of it, at most (as a text input: GIP_MAX_INPUT). */
#define DOCX_MAX_TEXT	GIP_MAX_INPUT

struct docx_cell;
struct docx_row;

/* The table being read (docxctx.h); storage reused from table to table. */
struct docx_table {
	struct buf	 arena;		/* its cells' texts, NUL between */
	struct docx_cell *cells;
	int		 ncells, cellcap;
	struct docx_row	*rows;
	int		 nrows, rowcap;
	int		*x0, *x1, poscap;	/* a row's value positions */
	int		*ends, endcap;	/* its header rows' label ends */
};

/*
 * The storage docx_read works in: the caller's, reused from file to file
 * (all zero at first; docx_store_free at the end).  Each file starts with
 * it empty, so only allocations carry over, never content: one file
 * cannot change how the next is read, and it holds what the largest
 * file read needed.
 */
struct docx_store {
	struct buf	 text;		/* the report text */
	struct buf	 cell;		/* the text of the cell being read */
	struct docx_table table;
	struct buf	 part;		/* the XML part being parsed */
};

/* doc->bytes are a Word file: set doc->text to its report text (in
 * st->text, valid until st is used again) and fill dt.  0, or -1 after
 * a message naming the input. */
int	docx_read(struct gip_doc *doc, struct docx_store *st,
	    struct doctables *dt);
void	docx_store_free(struct docx_store *st);

#endif
