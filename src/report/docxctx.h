/*
 * The state of one Word file being read, shared by docx.c (the body's
 * walk, its paragraphs and lines) and docxtable.c (its tables).  Private
 * to the two; the storage is the caller's (struct docx_store, docx.h).
 */
#ifndef GIP_DOCXCTX_H
#define GIP_DOCXCTX_H

#include <libxml/tree.h>
#include <stddef.h>

#include "buf.h"
#include "docx.h"
#include "value.h"

#define DOCX_MAX_COLS	1000	/* grid columns of a table */
#define DOCX_MAX_DEPTH	200	/* nested content elements walked */

/* One visible cell of a table being read; its text in the table arena. */
struct docx_cell {
	size_t		off, n;
	int		x0, x1;		/* grid columns [x0, x1) */
	enum vkind	kind;
};

struct docx_row {
	int	first, ncell;
	long	line;			/* report-text line, 0: not written */
};

struct docx_ctx {
	const char	*name;
	struct docx_store *st;		/* text, cell, table, part */
	long		 line;		/* line being written, 1-based */
	size_t		 start;		/* where it began */
	int		 full;		/* DOCX_MAX_TEXT reached */
	int		 deep;
	struct doctables *dt;
	struct docx_lists *lists;
};

/* Append to s (c->st's text, cell or table arena), NUL after. */
void	docx_put(struct docx_ctx *c, struct buf *s, const char *p, size_t n);
/* End the report text's current line if it has text; and a blank line. */
void	docx_line_end(struct docx_ctx *c);
void	docx_blank_line(struct docx_ctx *c);
/* A w:p: into the report text as a line (s == &c->st->text), or into a
 * cell's text. */
void	docx_paragraph(struct docx_ctx *c, xmlNode *p, struct buf *s,
	    int depth);
/* A table without tables inside: its rows into the text, it to c->dt. */
void	docx_table(struct docx_ctx *c, xmlNode *tbl, int depth);

#endif
