/*
 * gip-check's rules and the findings it writes (gip(5), "Findings"): the
 * rule list (the checker's own rules, then the template's identities and
 * year-to-year figures by their names), which are on, and one record per
 * finding.
 */
#ifndef GIP_FINDINGS_H
#define GIP_FINDINGS_H

#include <stdio.h>

struct report;

/* The checker's own rules; the template's follow them (fnd_rule). */
enum {
	R_MISSING, R_TEMPLATE, R_NEGATIVE, R_BLANK, R_YEAR, R_DIGITS,
	R_PROSE, R_NFIXED
};
#define R_MAX	32

void	fnd_init(FILE *out);
int	fnd_nrules(void);
const char *fnd_rule_name(int rule);
int	fnd_rule(const char *name);		/* -1: no such rule */
int	fnd_on(int rule);
void	fnd_select(unsigned long mask);
void	fnd_quiet(int quiet);
void	fnd_header(void);
void	finding(struct report *r, const char *source, int rule,
	    const char *where, const char *expected, const char *actual,
	    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
