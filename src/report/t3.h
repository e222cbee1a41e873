/*
 * Section 三's table, shared by its modules (private to t3*.c): the row
 * key words (t3rows.c), the columns by position (t3cols.c), rows printed
 * on several lines (t3tall.c) and the reading of the table (t3.c).
 */
#ifndef GIP_T3_H
#define GIP_T3_H

#include "grid.h"
#include "lrow.h"
#include "place.h"

#define T3COLS 7

/* A row not read (yet) in the buffer of a table placed by runs. */
#define PLACE_UNSEEN	(-2)
/* A row unread whose warning said why already. */
#define PLACE_DOUBTED	(-3)

/* The column keys in template order; set by t3_init. */
extern const char *t3_cols[T3COLS];

/* Rows: which row a label names, from the template's key words. */
void	t3_init(void);
int	t3_has_prefix(const char *s, const char *p);
const char *t3_classify(const char *label, int rows_seen);
int	t3_is_header(const char *label);
int	t3_label_before_header(const char *label, char *out, size_t size);
int	t3_marked(const char *label);
int	t3_starts_exact(const char *label);
int	t3_rows_by_order(const struct lrow *rows, const char **key, int n);
int	t3_holds_start_of(const char *label, const char *row);
const char *t3_next_row(const char *row);
const char *t3_prev_row(const char *row);

/* Columns: where each of the seven stands, when the text has positions. */
int	t3_anchors_from_full_rows(const struct lrow *rows, const char **key,
	    int n, int *anchor);
int	t3_anchors_from_columns(const struct lrow *rows, const char **key,
	    int n, int slack, int support, int *anchor, int *edge);
int	t3_title_spans(const struct grid *g, int *lo, int *hi);
int	t3_titles_flowed(const struct grid *g);
int	t3_anchors_from_header(const struct grid *g, int edge, int *anchor);
int	t3_one_frame(const struct lrow *rows, const char **key, int n,
	    int slack);
int	t3_anchors_usable(const int *anchor, const struct lrow *rows,
	    const char **key, int n, int edge);
int	t3_anchors_from_titles(const struct grid *g, const struct lrow *rows,
	    const char **key, int n, int *anchor, int *edge);
int	t3_columns_under_titles(const struct grid *g, const int *anchor,
	    int edge);
void	t3_column_extents(const int *tlo, const int *thi,
	    const struct lrow *rows, const char **key, int n,
	    const int *anchor, int edge, int *lo, int *hi);
int	t3_unknown_under(struct slots *s, const int *lo, const int *hi,
	    const struct lrow *lr);
int	t3_against_titles(const struct lrow *r, const int *anchor, int edge,
	    const int *tlo, const int *thi);
int	t3_anchors_best_edge(const struct grid *g, const struct lrow *rows,
	    const char **key, int n, int *anchor, int *edge);
void	t3_value_points(const struct lrow *rows, const char **key, int n,
	    const int *anchor, int edge, int *point);
int	t3_unknown_between(struct slots *s, const struct lrow *r,
	    const int *point, int edge);
int	t3_row_fits(const struct lrow *r, const int *anchor, int edge);
int	t3_place_in_order(const struct lrow *r, const int *anchor,
	    struct slots *s);

int	t3_same_key(const char *a, const char *b);

/* Identities confirming readings by position (t3ident.c). */
/* A cell's count for the identities: 1 with *v set when it is known
 * and a plain count (blank = 0; at most 12 digits, so sums of a table's
 * rows cannot overflow). */
int	t3_cell_count(const struct slots *s, int k, long long *v);
void	t3_confirm_runs(const char **key, int n, struct slots *sb, int *pb,
	    const int *by_run);

/* Rows whose values stand in order without the places of their blanks
 * (open[i]), not placed yet: placed where every reading of the table
 * that keeps its identities agrees (t3solve.c); where none does, the
 * rows placed by position with blanks (reopen[i]) are read so too.
 * solved[i] for each row it placed or made unread.  Returns how many. */
int	t3_solve_by_identities(const struct lrow *rows, const char **key,
	    int n, struct slots *sb, int *pb, const unsigned char *open,
	    const unsigned char *reopen, unsigned char *solved);
struct tables;

/* A row's part in the column identities (t3counts.c): rows 1, 2, 3.7
 * and 4 by name, the other rows 3.x parts of 3.7, the rest none. */
enum t3_role {
	T3_ROLE_NONE, T3_ROLE_1, T3_ROLE_2, T3_ROLE_37, T3_ROLE_4, T3_ROLE_PART
};
int	t3_role(const char *key);

/* A table's counts for the identities: each row's role (none for a
 * row not seen), and per cell whether it is a known count
 * (t3_cell_count) and which. */
struct t3_counts {
	int		n;
	unsigned char	*role;
	long long	(*v)[T3COLS];
	unsigned char	(*known)[T3COLS];
};
void	t3_counts_read(struct t3_counts *c, const char **key, int n,
	    const struct slots *sb, const int *pb);
void	t3_counts_free(struct t3_counts *c);
/* 1 + 2 = 3.7 + 4 in column k: 0 when it fails, 1 when it holds or a
 * row is left out, -1 when one of the rows is there but its cell
 * unread; row 3.7's count into *r37, *have37 whether it is there. */
int	t3_counts_balance(const struct t3_counts *c, int k, long long *r37,
	    int *have37);
/* Column k's identities: 1 when they hold, 0 when one fails, -1 when a
 * cell they need is unread.  1 + 2 = 3.7 + 4 only where rows 1, 2 and
 * 4 are there; 3.7 = the sum of rows 3.x where 3.7 is and no 3.x row's
 * cell is unread (1 + 2 = 3.7 + 4 is still checked then). */
int	t3_counts_column(const struct t3_counts *c, int k);
/* Does column k hold with nothing unknown: row 3.7 there, every cell
 * its identities need read, 3.7 = the sum of rows 3.x (0 without one)
 * and 1 + 2 = 3.7 + 4 where rows 1, 2 and 4 are there?  What confirms
 * a reading (t3ident.c). */
int	t3_counts_confirm(const struct t3_counts *c, int k);

/* Where a print's table 3 fails its identities: rows read as zeros
 * (fewer numbers than columns, all 0) next to a row that kept numbers
 * it could not place, that row, and rows of seven from lines out of
 * left to right order that another order of their lines' numbers would
 * make every column hold, are unread (t3guard.c). */
void	t3_guard_print_rows(struct tables *t, const struct lrow *rows,
	    const char **key, int n, struct slots *sb, int *pb);

/* A print's rows left unread (cand[i]), their numbers in order, read by
 * the table's identities where every reading that holds agrees
 * (t3fill.c). */
void	t3_fill_by_identities(struct tables *t, const struct lrow *rows,
	    const char **key, int n, struct slots *sb, int *pb,
	    const unsigned char *cand);

/* Rows placed by position with blanks (bypos[i]) that the table's
 * identities contradict: read by them, else unread (t3guard.c). */
void	t3_guard_blanks(struct tables *t, const struct lrow *rows,
	    const char **key, int n, struct slots *sb, int *pb,
	    const int *bypos);

/* Values printed a line above their row's label, read with the row
 * above (t3split.c): given back to their row, lead[i] of them; where a
 * line may be either of rows i and j's, doubt[i] = j + 1 and doubt[j] =
 * i + 1 (both readings add up), or -(j + 1) and -(i + 1) (rows printed
 * a line low; doubt[i] = -(i + 1): the header's last line of numbers no
 * row took was row i's). */
int	t3_split_runover(const struct grid *g, struct lrow *rows,
	    const char **key, int n, int *lead, int *doubt);
/* The values of each row that begin a line of the grid (bit k: value
 * k), brk[i]; 0 where the lines do not tell (t3split.c). */
void	t3_line_breaks(const struct grid *g, const struct lrow *rows, int n,
	    unsigned *brk);

/* A print's values wrapped around their row's line, the number a line
 * above and its unit a line below (t3units.c): out is g with each such
 * number and unit joined into the row between, whose lines go to
 * line[0..max); returns how many rows took some, at most max (0: out
 * untouched). */
int	t3_join_wrapped_units(const struct grid *g, struct grid *out,
	    long *line, int max);

/* Tall rows: values printed on two or three lines (t3tall.c). */
#define T3_TALL_MAXREAD	16

/* A tall row's readings that add up, told apart by their numbers
 * (blank[r][k]: blank in every reading with those numbers); full when
 * there were more than T3_TALL_MAXREAD. */
struct t3_readings {
	int		n, full;
	long long	v[T3_TALL_MAXREAD][T3COLS];
	unsigned char	blank[T3_TALL_MAXREAD][T3COLS];
};

int	t3_tall_row(const struct lrow *lr, unsigned brk);
int	t3_place_tall(const struct lrow *lr, unsigned brk, struct slots *s,
	    struct t3_readings *out);
int	t3_place_lines(const struct lrow *lr, int lead, struct slots *s,
	    struct t3_readings *out);
int	t3_tall_reference(const struct lrow *rows, const char **key, int n,
	    int i, int *ref);
int	t3_tall_by_shift(const struct lrow *lr, int lead, unsigned brk,
	    const int *ref, struct slots *s);
void	t3_choose_tall(const char **key, int n, struct slots *sb, int *pb,
	    const struct t3_readings *tr, const int *tall);

#endif
