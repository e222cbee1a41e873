/*
 * The template's identities (tmpl_idents) walked over one report's
 * numbers: which lines of which identities the printed numbers break,
 * which could not be checked for a cell that was not read, the findings
 * that say so, and the search for two cells' digits run together that
 * would explain them (rule digits, digits.c).
 */
#ifndef GIP_IDENT_H
#define GIP_IDENT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* A broken line of an identity: a column or row index of its table. */
struct broken {
	const struct tmpl_ident *id;
	int		 line;
	int		 overflow;	/* a sum out of range */
	int64_t		 expected, actual;
};
#define IDENT_MAXBROKEN	256

/*
 * The numbers the identities are walked over: the report's cells, blank
 * and absent as 0 (digits.c tries other values in them and puts the
 * printed ones back).  A row counts where the report's template has it or
 * the report printed it (a row of the other template stands in for its
 * own).
 */
struct idvals {
	struct cell	*cell;		/* the report's, ck_ncells() */
	unsigned char	 printed[CK_MAXTABLES][CK_MAXROWS];
	unsigned char	 counts[CK_MAXTABLES][CK_MAXROWS];	/* the row
					   counts: in the template or printed */
	unsigned	 tpl;
};

/* Is cell c of row i of table k unknown: unread, or absent from its row? */
static inline int
ident_unknown(const struct idvals *v, int k, int i, int c)
{
	return v->cell[c].unread | (v->printed[k][i] ^ v->cell[c].seen);
}

/* Loaded again for each report. */
void	ident_load(struct report *r, unsigned tpl, struct idvals *v);
int	ident_eval(const struct idvals *v, struct broken *b);
void	ident_report(struct report *r, const struct idvals *v,
	    const struct broken *b, int n);
/* The lines the unknown cells of row i of table k kept from being checked. */
void	ident_skipped(const struct idvals *v, int k, int i, char *buf,
	    size_t size);
void	ident_digits(struct report *r, struct idvals *v,
	    const struct broken *b, int n);

#endif
