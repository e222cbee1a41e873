/*
 * The template's identities (tmpl_idents) walked over one report's
 * numbers: which lines of which identities the printed numbers break,
 * the findings that say so, and the search for two cells' digits run
 * together that would explain them (rule digits).
 */
#ifndef GIP_IDENT_H
#define GIP_IDENT_H

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

/* The numbers the identities are walked over, blank and absent as 0. */
struct idvals {
	int64_t		*v;		/* ck_ncells() */
	unsigned char	*unknown;	/* absent from a row that is there */
	unsigned	 tpl;
};

void	ident_load(const struct report *r, unsigned tpl, struct idvals *v);
void	ident_free(struct idvals *v);
int	ident_eval(const struct idvals *v, struct broken *b);
void	ident_report(struct report *r, unsigned tpl, const struct broken *b,
	    int n);
void	ident_digits(struct report *r, struct idvals *v,
	    const struct broken *b, int n);

#endif
