/*
 * One report as gip-check holds it while checking: its meta data, every
 * template cell (cellkey.h) with its value, the prose figures, the cells
 * of no template, and for -p the cells as read.
 */
#ifndef GIP_MODEL_H
#define GIP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "cellkey.h"
#include "cells.h"

#define MAXPROSE	32
#define MAXBAD		16
#define MAXMETA		256

struct cell {
	int64_t		 v;
	unsigned char	 seen, blank, told;
};

struct report {
	char		*source;
	size_t		 srccap;
	int		 active, nerrors;
	int		 sum;		/* a gip-sum total (meta reports) */
	char		 org[MAXMETA], year[MAXMETA], tpl[MAXMETA];
	int		 has[CK_MAXTABLES];
	struct cell	*cell;		/* ck_ncells() */
	struct { int row; int64_t v; } prose[MAXPROSE];
	int		 nprose;
	char		 bad[MAXBAD][64];
	int		 nbad;
	char		*keep;		/* the cells, for -p */
	size_t		 kept, keepcap;
};

void	report_init(struct report *r);
void	report_begin(struct report *r, const struct cells_rec *rec);
void	report_take(struct report *r, const struct cells_rec *rec);
void	report_keep(struct report *r, const struct cells_rec *rec);
/* Call fn(source, table, row, col, value) for each kept cell. */
void	report_kept(const struct report *r, void (*fn)(const char *,
	    const char *, const char *, const char *, const char *));
struct cell *report_cell(const struct report *r, const struct ck_table *t,
	    int row, int col);
int	report_row_seen(const struct report *r, const struct ck_table *t,
	    int row);

#endif
