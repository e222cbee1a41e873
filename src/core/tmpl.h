/*
 * The two official templates (国办公开办函〔2019〕60号 and 〔2021〕30号):
 * every table row with its SPEC key, its columns and their kinds.  One
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
#define TMPL_MAXWORDS 4

struct tmpl_row {
	const char	*table;		/* "t2", "t3", "t4" */
	const char	*row;		/* SPEC key: "20.1.rules", "3.3.1" */
	unsigned	 templates;	/* TPL_2019 | TPL_2021 */
	const char	*label;		/* the official label */
	const char	*cols[TMPL_MAXCOLS + 1];	/* SPEC order, NULL-ended */
	const char	*kinds;		/* one KIND_* per column */
	/*
	 * Key words that name the row in a printed label, the label's known
	 * variants and misspellings included: t2 labels begin with one, t3
	 * labels contain one (gip-tables, t2.c and t3.c say how they match).
	 */
	const char	*words[TMPL_MAXWORDS + 1];
};

/* A key word of a column header and the column it names; templates: the
 * templates whose header has it (TPL_BOTH: no sign of either). */
struct tmpl_head {
	const char	*table;
	const char	*word;
	const char	*col;
	unsigned	 templates;
};

/* The prose figures gip-tables reports (table "prose", col "-"). */
struct tmpl_prose {
	const char	*row;		/* "received", "closed", ... */
	const char	*what;		/* for messages */
	const char	*table, *cellrows[2], *col;	/* the cells it equals */
};

extern const struct tmpl_row tmpl_rows[];
extern const size_t tmpl_nrows;
extern const struct tmpl_head tmpl_heads[];
extern const size_t tmpl_nheads;
extern const struct tmpl_prose tmpl_prose[];
extern const size_t tmpl_nprose;

const struct tmpl_row *tmpl_find(const char *table, const char *row,
	    unsigned tpl);
const struct tmpl_head *tmpl_head_in(const char *table, const char *text);
const char *tmpl_head_word(const char *table, const char *col);
int	tmpl_col_index(const struct tmpl_row *r, const char *col);
int	tmpl_table_known(const char *table);
unsigned tmpl_from_name(const char *name);
const char *tmpl_name(unsigned tpl);

#endif
