/*
 * Rows whose labels were torn away: PDF-to-text extractors print a
 * wrapped label apart from its row's numbers, so a row's numbers come
 * unlabelled, or glued to the row before.  The template fixes the order
 * of the rows: numbers in excess of a row, or unlabelled number rows,
 * go to the template rows that follow it and were printed without
 * numbers, when their count fits the gap exactly.
 */
#ifndef GIP_TORN_H
#define GIP_TORN_H

#include "lrow.h"

/* Numbers of row `row` found at rows[from].val[at .. at + ncol - 1]. */
struct torn {
	const char	*row;
	int		 from, at;
};

#define TORN_MAX 32

int	torn_place(const char *table, const struct lrow *rows,
	    const char **key, int n, int ncol, struct torn *out);

#endif
