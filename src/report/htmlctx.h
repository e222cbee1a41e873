/*
 * The state of one HTML page being read, shared by html.c (the walk over
 * the page, its text) and htmltable.c (its tables).  Private to the two.
 */
#ifndef GIP_HTMLCTX_H
#define GIP_HTMLCTX_H

#include <libxml/tree.h>
#include <stddef.h>

struct doctables;

#define HTML_MAX_SPAN	1000	/* rowspan and colspan are capped here */
#define HTML_MAX_COLS	1000	/* and so is the width of a table */
#define HTML_MAX_DEPTH	4096	/* elements nested deeper are not read */
#define HTML_MAX_TITLE	600	/* bytes of a heading that can be a title */

/* Text being built: the document, or the cells of a table. */
struct sink {
	char		*p;
	size_t		 len, cap;
	size_t		 start;		/* where the current line began */
	int		 space;		/* white space seen, not yet written */
	int		 nl;		/* ... and it held a line break */
	int		 wide;		/* the last character written is wide */
};

/* A visible cell of the table being read: its text in the table's
 * sink, the grid columns [x0, x1) it covers. */
struct hcell {
	size_t		 off, len;
	int		 x0, x1;
};

struct hrow {
	int		 first, n;	/* its cells in htable.cell */
	long		 line;		/* of the report text, 0: not written */
};

/* The table being read; the storage is reused from table to table. */
struct htable {
	struct sink	 text;		/* the cells' texts, one by one */
	struct hcell	*cell;
	int		 ncell, cellcap;
	struct hrow	*row;
	int		 nrow, rowcap;
	int		 width;		/* grid columns */
	int		 cover[HTML_MAX_COLS];	/* rows a column is still
					 * covered by a rowspan from above */
};

struct ctx {
	const char	*name;
	struct sink	 doc;		/* the report text */
	struct sink	*cur;		/* &doc, or a table's text in a cell */
	struct htable	*tab;
	struct doctables *dt;		/* where tables go, or NULL */
	size_t		 counted;	/* doc.p[0, counted) has ... */
	long		 lines;		/* ... this many line ends */
	size_t		 max;		/* output budget in bytes */
	int		 full;		/* the budget was exceeded */
	int		 pre;		/* inside <pre> */
	int		 depth;
	int		 deep;		/* something was nested too deep */
	long		 heads;		/* first line of a run of headings */
	size_t		 heads_end;	/* where the last heading ended */
};

void	hsink_put(struct ctx *c, struct sink *s, const char *p, size_t n);
void	hsink_reset(struct ctx *c, struct sink *s);
/* End the report text's current line if it has text; and a blank line. */
void	html_line_end(struct ctx *c);
void	html_blank_line(struct ctx *c);
/* The line of the report text the next character goes on. */
long	html_doc_line(struct ctx *c);
void	html_walk(struct ctx *c, xmlNode *n);
void	html_walk_children(struct ctx *c, xmlNode *n);
int	html_is_elem(const xmlNode *n, const char *name);
/* A decoded (UTF-8) page parsed leniently, or NULL when empty; warns for
 * `name` when the parser gave up.  xmlFreeDoc it. */
xmlDocPtr html_parse(const char *name, const char *html, size_t len);
/* The value of an attribute as the parser stored it, or NULL. */
const char *html_attr(xmlNode *n, const char *name);
/* A table without tables inside: into the text and to c->dt. */
void	html_table(struct ctx *c, xmlNode *t);

#endif
