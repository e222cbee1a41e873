/*
 * One report read whole: its sections split, the three tables found and
 * extracted into cells, the template decided, its meta data.  (The
 * figures its prose states are prose.h's, read on request.)
 */
#ifndef GIP_EXTRACT_H
#define GIP_EXTRACT_H

#include "find.h"
#include "meta.h"
#include "value.h"
#include "tables.h"

struct extract {
	struct tables	 t;		/* cells of t2, t3, t4; template */
	struct meta	 m;
	int		 found;		/* how many of the tables were found */
	/* The text of the tables read (t2, t3, t4): from a table's
	 * caption or header to the end of the last line a cell was read
	 * from.  A table not read has an empty region (from == to). */
	struct region	 where[3];
	int		 laid_out[3];	/* read from text by its layout,
					 * not from a document's own table */
	int		 lo;		/* LibreOffice's text export
					 * (lotext.h); -1 not yet known */
};

struct gip_doc;
struct doctables;

/*
 * Read doc into x (reused from report to report; free with
 * extract_free).  dt: the tables of a structured document (doctables.h),
 * or NULL for plain text, whose layout is detected.  sec: doc's
 * sections when already found (split.h), or NULL to find them.
 * Warnings go to stderr unless quiet; "no table found" is reported as
 * an error.
 */
struct gip_section;
void	extract_report(const struct gip_doc *doc, const struct doctables *dt,
	    const struct gip_section *sec, int quiet, struct extract *x);
void	extract_free(struct extract *x);

#endif
