/*
 * The table model every text layout is read into: logical rows of cells.
 * A row knows the source line it starts on; a cell knows its cleaned text
 * and, for space-aligned layouts, the display columns it covers.
 */
#ifndef GIP_GRID_H
#define GIP_GRID_H

#include <stddef.h>

struct gcell {
	const char	*text;	/* cleaned (TEXT_CLEAN), NUL-terminated */
	int		 x0, x1;	/* columns [x0, x1); -1 if unknown */
};

/* x0 and x1 of an empty cell of a positional grid that the converter
 * counted without a position (a blank paragraph of lynx): a blank value. */
#define GRID_XCOUNTED	(-2)

/* Cell texts are kept in chunks that never move, so a cell's text stays
 * where it is until the grid is reset or freed. */
struct gchunk;

struct grow {
	long	 line;		/* first source line of the row */
	int	 ncell;
	int	 first;		/* index of its first cell in grid.cell */
	int	 marker;	/* starts with a row marker (一、 （一） 1.) */
};

struct grid {
	int		 positional;	/* blank cells invisible; use x */
	int		 wraps;		/* a row may go on over lines */
	int		 exact;		/* positions as printed (a PDF): a
					 * row without numbers is blank */
	int		 bytes;		/* positions in bytes (html2text
					 * without rules, spaced.c) */
	int		 document;	/* the document's own cells and
					 * spans (extract.c doc_rows) */
	struct grow	*row;
	int		 nrow, rowcap;
	struct gcell	*cell;
	unsigned char	*simple;	/* per cell, text_clean's simple: its
					 * TEXT_LABEL form is its text without
					 * spaces (apart: a cell stays 16 bytes) */
	int		 ncell, cellcap;
	struct gchunk	*text;		/* newest chunk first */
};

void	grid_reset(struct grid *g);
void	grid_free(struct grid *g);
struct grow *grid_new_row(struct grid *g, long line);
void	grid_add_cell(struct grid *g, const char *s, size_t n, int x0, int x1);
/* A cell whose clean text is cell k of grid from, not copied (a grid
 * read beside another): g must be freed or reset before from is, or
 * take copies of its texts (grid_own_texts). */
void	grid_add_shared(struct grid *g, const struct grid *from, int k,
	    int x0, int x1);
void	grid_own_texts(struct grid *g);
void	grid_append_text(struct grid *g, int cell, const char *s, size_t n);
struct gcell *grid_cells(const struct grid *g, const struct grow *r);
/* Rows of explicit cells, one a line: a number a narrow cell wrapped
 * after its thousands separator ("1，" over "973", w3m) or before its
 * unit of money ("41772000" over "元") is joined back into the upper
 * line's cell, so that neither half is read alone. */
void	grid_join_wrapped_numbers(struct grid *g);

#endif
