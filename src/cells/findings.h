/*
 * gip-check's rules and the findings it writes (gip(5), "Findings"): the
 * rule list (the checker's own rules, then the template's identities and
 * year-to-year figures by their names), which are on, and one record per
 * finding as TSV, CSV or file:line lines for editors.
 */
#ifndef GIP_FINDINGS_H
#define GIP_FINDINGS_H

#include <stdio.h>

struct report;

/* The checker's own rules; the template's follow them (fnd_rule). */
enum {
	R_MISSING, R_OMITTED, R_TEMPLATE, R_UNREAD, R_NEGATIVE, R_BLANK,
	R_BLANKS, R_DIGITS, R_PROSE, R_YEAR, R_NFIXED
};
#define R_MAX	32

enum fnd_format { FND_TSV, FND_CSV, FND_EDITOR };

void	fnd_init(void);
void	fnd_output(FILE *out, enum fnd_format fmt, int bom);
int	fnd_nrules(void);
const char *fnd_rule_name(int rule);
int	fnd_rule(const char *name);		/* -1: no such rule */
/* Its severity, and whether -q hides it and it is off unless asked. */
int	fnd_rule_error(int rule);
int	fnd_rule_noisy(int rule);
int	fnd_rule_optin(int rule);
int	fnd_on(int rule);
/* Select rules by a -r list; NULL, or what is wrong with it. */
const char *fnd_select(const char *list, char *bad, size_t size);
void	fnd_quiet(int quiet);
void	fnd_header(void);
/* line: where source printed the cells, 0 when unknown. */
void	finding(struct report *r, const char *source, long line, int rule,
	    const char *where, const char *expected, const char *actual,
	    const char *fmt, ...) __attribute__((format(printf, 8, 9)));

#endif
