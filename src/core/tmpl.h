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
#define TMPL_MAXWORDS 4

struct tmpl_row {
	const char	*table;		/* "t2", "t3", "t4" */
	const char	*row;		/* gip(5) key: "20.1.rules", "3.3.1" */
	unsigned	 templates;	/* TPL_2019 | TPL_2021 */
	const char	*label;		/* the official label */
	const char	*cols[TMPL_MAXCOLS + 1];	/* gip(5) order, NULL-ended */
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

/*
 * What the template prints around a table's cells, by which a reader
 * finds it: its section's title, its caption, its header's first words,
 * the corner cell of its header, and the identity line t3 prints.
 */
struct tmpl_table {
	const char	*table;
	const char	*section;	/* 主动公开政府信息情况 */
	const char	*caption;	/* 第二十条 (t2's blocks), 行政复议 */
	const char	*header;	/* 申请人情况 (t3): its header's top */
	const char	*corner;	/* 信息内容 (t2): its header's first cell */
	const char	*identity;	/* 勾稽关系 (t3's printed identity) */
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
extern const struct tmpl_table tmpl_tables[];	/* t2, t3, t4 */
extern const struct tmpl_prose tmpl_prose[];
extern const size_t tmpl_nprose;

const struct tmpl_row *tmpl_find(const char *table, const char *row,
	    unsigned tpl);
const struct tmpl_head *tmpl_head_in(const char *table, const char *text);
const char *tmpl_head_word(const char *table, const char *col);
const struct tmpl_table *tmpl_table(const char *table);
int	tmpl_col_index(const struct tmpl_row *r, const char *col);
/* A cells table name's place in meta, t2, t3, t4, prose; -1 if none. */
int	tmpl_table_index(const char *table);
int	tmpl_table_known(const char *table);
/* 1: a row of this table left out is a warning, not an error. */
int	tmpl_rows_optional(const char *table);
unsigned tmpl_from_name(const char *name);
const char *tmpl_name(unsigned tpl);

/* ---- the templates' years, identities and carried figures (gip-check) */

/*
 * An identity of the templates (勾稽关系, gip-check(1)): in one table,
 * for every line -- each column (IDENT_COLS: the terms are rows) or each
 * row of the report's template (IDENT_ROWS: the terms are columns) -- the
 * terms of left add up to the terms of right.  Rows of either template
 * may be terms: a row counts where the report's template has it or the
 * report printed it (it stands in for its own template's).  The line
 * `derived` (a column that is the sum of the others) follows from the
 * others once the identity `after` holds on every row the line uses, so
 * it is checked only then, and one wrong total is reported once.
 */
enum { IDENT_COLS, IDENT_ROWS };

#define TMPL_MAXTERMS	24

struct tmpl_ident {
	const char	*rule;		/* gip-check's rule: "t3-bal" */
	const char	*table;
	int		 per;		/* IDENT_COLS or IDENT_ROWS */
	const char	*name;		/* in findings: "1+2=3.7+4" */
	const char	*left[TMPL_MAXTERMS];	/* NULL-ended */
	const char	*right[4];		/* NULL-ended */
	const char	*derived;	/* or NULL */
	const char	*after;		/* the rule of the guarding identity */
	const char	*says;		/* printf: the left sum, the right sum */
};

/*
 * A figure that carries from one year to the next (gip-check(1), rules
 * carry and valid): in a body's report for year y, the cell row:col (col
 * NULL: every column of the row) equals the cell prevrow:prevcol (the same
 * column when NULL) of its report for y-1, plus the cell plus:col minus
 * minus:col of year y where given.  Only plausible, never certain.
 */
struct tmpl_carry {
	const char	*rule;		/* "carry", "valid" */
	const char	*table;
	unsigned	 templates;	/* both years' reports use one of these */
	const char	*rows[3];	/* NULL-ended: the rows it holds for */
	const char	*col;		/* NULL: every column */
	const char	*prevrow;	/* NULL: the same row */
	const char	*prevcol;	/* NULL: the same column */
	const char	*plus, *minus;	/* columns of year y, or NULL */
};

/*
 * The templates and the years they are for (gip-check(1), rule year): a
 * report for a year from `from` on uses it; `early` is the first year a
 * report may adopt it before that; a report after `until` should not use
 * it any more (0: no end).
 */
struct tmpl_info {
	unsigned	 tpl;		/* its bit: TPL_2019, TPL_2021 */
	const char	*name;
	long		 from, early, until;
};

extern const struct tmpl_info tmpl_infos[];
extern const size_t tmpl_ninfos;
const struct tmpl_info *tmpl_info(unsigned tpl);
/* The template a report for year y should use. */
const struct tmpl_info *tmpl_for_year(long y);
/* The year s names (meta year: digits only, 1901-2999), else 0. */
long	tmpl_year(const char *s);

extern const struct tmpl_ident tmpl_idents[];
extern const size_t tmpl_nidents;
extern const struct tmpl_carry tmpl_carries[];
extern const size_t tmpl_ncarries;

/* Column headings as the templates print them (gip-tables --view). */
const char *tmpl_col_label(const char *table, const char *row,
	    const char *col);

#endif
