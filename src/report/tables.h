/*
 * Extracting the three standard tables from their grids into cells, and
 * the cells collected for one report.
 */
#ifndef GIP_TABLES_H
#define GIP_TABLES_H

#include "dashcols.h"
#include "grid.h"
#include "lrow.h"
#include "value.h"

#define T2MAXCOLS 4
#define T2MAXROWS 32
#define T3MAXKEYS 32
#define T2MAXGAPS 16

/*
 * The value of a cell of a row the report prints but whose value could
 * not be read or placed (gip(5)): written instead of leaving the cell out,
 * so that gip-check and gip-sum know the hole is the reader's.
 */
#define CELL_UNREAD "?"

struct tcell {
	const char	*table, *row, *col;
	long		 line;
	char		 val[VALUE_MAX];
};

/* A column of a t2 block, as its header prints it. */
struct t2col {
	char	 text[256];	/* header text, squeezed */
	const char *key;	/* gip(5) col key, NULL if not understood */
	unsigned templates;	/* of the header word that named it */
	int	 unit;		/* unit named in the header */
	int	 x;		/* centre, positional layouts */
	int	 x0, x1;	/* its first line's columns, -1 if unknown */
};

/* A t2 block's header: its columns, and how many empty cells the
 * header row ends in (a data row may print as many). */
struct t2head {
	struct t2col	 col[T2MAXCOLS];
	int		 ncol;
	int		 trail;
};

/* What a kept t2 row needs of its lrow (a tenth of its size). */
struct t2vals {
	long		 line;
	int		 nval, numbers;
	int		 label_x1;	/* where the label ends, -1 */
	struct vcell	 val[LROW_MAXVAL];
};

/*
 * A row of table 2 as read, before its columns are known: a header that
 * cannot be read falls back to the template's columns.
 */
struct t2row {
	const char	*key;
	int		 positional;	/* values carry positions */
	int		 exact;		/* as the PDF placed them (grid.h):
					 * no converter moved them */
	int		 document;	/* the document's own cells (grid.h) */
	int		 headed;	/* first row under its header */
	int		 doubt;		/* numbers printed near it went
					 * elsewhere: a blank may be one */
	int		 took;		/* numbers from lines below its
					 * label */
	int		 own;		/* values on its label's line */
	int		 glued;		/* a number in its label (html2text) */
	struct t2vals	 above;		/* numbers held over its label
					 * and not given to it */
	struct t2vals	 lr;
	struct t2head	 h;
	long		 hline;		/* where its header begins */
};

struct tables {
	const char	*file;
	int		 quiet;
	int		 nwarn;			/* warnings, shown or not */
	struct t2row	*t2row;			/* table 2's rows as read */
	int		 nt2row;
	const char	*t3key[T3MAXKEYS];	/* table 3's rows found */
	int		 nt3key;
	const char	*t3solved[T3MAXKEYS];	/* of them, rows placed by
						 * the identities alone
						 * (t3solve.c) */
	int		 nt3solved;
	unsigned	 tpl;			/* decided template */
	int		 t2heads[2];		/* t2 headers read past
						 * (html2text's cut titles)
						 * naming 2019's, 2021's
						 * titles only: votes */
	struct dashtable titlegap[T2MAXGAPS];	/* table 2's tables
						 * whose dashed rules have a
						 * column no title stands
						 * over (dashcols.h) */
	int		 ntitlegap;
	int		 print;			/* a print's text (pdftotext
						 * -layout: form feeds) */
	long		*page;			/* a print's lines that begin
						 * a page, ascending */
	int		 npage, pagecap;
	struct tcell	*cell;
	int		 ncell, cap;
};

void	tables_reset(struct tables *t, const char *file, int quiet);
void	tables_add(struct tables *t, const char *table, const char *row,
	    const char *col, long line, const char *val);
void	tables_warn(struct tables *t, long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* t2_extract keeps table 2's rows in t; t2_emit writes their cells
 * once t->tpl is decided (tables_template). */
int	t2_extract(const struct grid *g, struct tables *t);
int	t3_extract(const struct grid *g, struct tables *t);
int	t4_extract(const struct grid *g, struct tables *t);
void	t2_emit(struct tables *t);
unsigned tables_template(const struct tables *t);
/* The pages of a print: its lines that begin one (form feeds). */
void	tables_pages(struct tables *t, const char *text, size_t len);
/* Does a page of the print begin after line a, up to line b? */
int	tables_page_between(const struct tables *t, long a, long b);

#endif
