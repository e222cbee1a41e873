/*
 * The two official templates (国办公开办函〔2019〕60号 and 〔2021〕30号):
 * every table row with its gip(5) key, its columns and their kinds.  One
 * table shared by gip-tables (what to print), gip-check (what is
 * required) and gip-sum (what may be summed).
 */
#ifndef GIP_TMPL_H
#define GIP_TMPL_H

#include <stddef.h>

enum { TPL_2019 = 1, TPL_2021 = 2, TPL_BOTH = 3 };

/* Column kinds: a count >= 0, a signed count (本年增/减), an amount in 万元. */
enum { KIND_COUNT = 'c', KIND_SIGNED = 's', KIND_AMOUNT = 'a' };

#define TMPL_MAXCOLS 7

struct tmpl_row {
	const char	*table;		/* "t2", "t3", "t4" */
	const char	*row;		/* gip(5) key: "20.1.rules", "3.3.1" */
	unsigned	 templates;	/* TPL_2019 | TPL_2021 */
	const char	*label;		/* the official label */
	const char	*cols[TMPL_MAXCOLS + 1];	/* gip(5) order, NULL-ended */
	const char	*kinds;		/* one KIND_* per column */
};

/* The prose figures gip-tables reports (table "prose", col "-"). */
struct tmpl_prose {
	const char	*row;		/* "received", "closed", ... */
	const char	*what;		/* for messages */
	const char	*table, *cellrows[2], *col;	/* the cells it equals */
};

extern const struct tmpl_row tmpl_rows[];
extern const size_t tmpl_nrows;
extern const struct tmpl_prose tmpl_prose[];
extern const size_t tmpl_nprose;

const struct tmpl_row *tmpl_find(const char *table, const char *row,
	    unsigned tpl);
int	tmpl_col_index(const struct tmpl_row *r, const char *col);
int	tmpl_table_known(const char *table);
unsigned tmpl_from_name(const char *name);
const char *tmpl_name(unsigned tpl);

/* Column headings as the templates print them (gip-tables --view). */
const char *tmpl_col_label(const char *table, const char *row,
	    const char *col);

#endif
