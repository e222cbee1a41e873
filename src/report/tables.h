/*
 * Extracting the three standard tables from their grids into cells, and
 * the cells collected for one report.
 */
#ifndef GIP_TABLES_H
#define GIP_TABLES_H

#include "grid.h"
#include "value.h"

struct tcell {
	const char	*table, *row, *col;
	long		 line;
	char		 val[VALUE_MAX];
};

struct tables {
	const char	*file;
	int		 quiet;
	int		 t3_2019, t3_2021;	/* template signals of t3 */
	int		 t2_2019, t2_2021;	/* ... and of t2 */
	unsigned	 tpl;			/* decided template */
	struct tcell	*cell;
	int		 ncell, cap;
};

void	tables_reset(struct tables *t, const char *file, int quiet);
void	tables_add(struct tables *t, const char *table, const char *row,
	    const char *col, long line, const char *val);
void	tables_warn(struct tables *t, long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
int	t2_extract(const struct grid *g, struct tables *t);
int	t3_extract(const struct grid *g, struct tables *t);
int	t4_extract(const struct grid *g, struct tables *t);
void	t2_emit(struct tables *t);
unsigned tables_template(const struct tables *t);

#endif
