/*
 * The columns pandoc draws over a table: a simple table between two rules
 * of dashes, one run a grid column ("------ ------- ----"), and a grid
 * table once its frame is turned into such rules (gridframe.h).  pandoc
 * 2.17 prints a cell spanning grid columns as the cell in its first
 * column and nothing in the others, so a grid column no title of the
 * header stands over is the sign of a spanning title, and then the
 * data rows' cells may span other columns than the titles': a value
 * stands under a title it does not belong to (a blank before it,
 * printed as nothing, took the title's own column).
 */
#ifndef GIP_DASHCOLS_H
#define GIP_DASHCOLS_H

#include <stddef.h>

#define DASHCOLS_MAX 32

/* A table of dashed rules: the lines of its first and last rule, and its
 * grid columns' left edges (display columns). */
struct dashtable {
	long	first, last;
	int	n;
	int	x0[DASHCOLS_MAX];
};

/*
 * The tables of dashed rules in text[0, len) (a table's region, its first
 * line numbered first) whose header leaves a grid column without a
 * title, into tab[], max at most; returns how many.  A header line is a
 * line of the table without a digit and with text in two columns or
 * more; the first column (labels) is not counted.
 */
int	dashcols_title_gaps(const char *text, size_t len, long first,
	    struct dashtable *tab, int max);
/* The grid column of tab that display column x is in (0: the first),
 * -1 left of them. */
int	dashcols_column(const struct dashtable *tab, int x);

/*
 * Table 3 read from text[0, len) (its region, first line numbered
 * first), its cells t's from index from on: when the region holds a table
 * of dashed rules whose header names the seven columns each in a grid
 * column of its own, every row is checked against that grid (each value
 * in its title's column on its line, each blank nothing there, no number
 * in a column without a title; or seven numbers in order), and a row the
 * grid contradicts is written as unread, with a warning: a value placed
 * by the reader's guess of the columns where the grid says otherwise
 * (cells spanning other columns than the titles).  Returns how many.
 */
struct tables;
int	dashcols_check_t3(const char *text, size_t len, long first,
	    struct tables *t, int from);

#endif
