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
 * The numbers the identities are walked over, blank and absent as 0.  A
 * row counts where the report's template has it or the report printed
 * it (a row of the other template stands in for its own).
 */
struct idvals {
	int64_t		*v;		/* ck_ncells() */
	unsigned char	*unknown;	/* unread, or absent from its row */
	unsigned char	 printed[CK_MAXTABLES][CK_MAXROWS];
	unsigned	 tpl;
};

/* v starts zeroed; loaded again for the next report, its room reused. */
void	ident_load(const struct report *r, unsigned tpl, struct idvals *v);
void	ident_free(struct idvals *v);
int	ident_eval(const struct idvals *v, struct broken *b);
void	ident_report(struct report *r, const struct idvals *v,
	    const struct broken *b, int n);
/* The lines the unknown cells of row i of table k kept from being checked. */
void	ident_skipped(const struct idvals *v, int k, int i, char *buf,
	    size_t size);
void	ident_digits(struct report *r, struct idvals *v,
	    const struct broken *b, int n);

#endif
