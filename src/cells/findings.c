/* Rules and findings (findings.h). */
#include <stdarg.h>
#include <string.h>

#include "findings.h"
#include "model.h"
#include "tmpl.h"
#include "tsv.h"

struct rule {
	const char	*name;
	int		 error;
};

static struct rule rules[R_MAX] = {
	{"missing", 1}, {"template", 1}, {"negative", 1}, {"blank", 0},
	{"year", 0}, {"digits", 0}, {"prose", 0},
};
static int nrules = R_NFIXED;
static unsigned long rule_on = ~0ul;
static int quiet;
static FILE *fout;

static void
add_rule(const char *name, int error)
{
	if (fnd_rule(name) >= 0)
		return;
	rules[nrules].name = name;
	rules[nrules++].error = error;
}

/* Identities are errors; figures carried from year to year only warn. */
void
fnd_init(FILE *out)
{
	size_t k;

	fout = out;
	for (k = 0; k < tmpl_nidents && nrules < R_MAX; k++)
		add_rule(tmpl_idents[k].rule, 1);
	for (k = 0; k < tmpl_ncarries && nrules < R_MAX; k++)
		add_rule(tmpl_carries[k].rule, 0);
}

int
fnd_nrules(void)
{
	return nrules;
}

const char *
fnd_rule_name(int rule)
{
	return rules[rule].name;
}

int
fnd_rule(const char *name)
{
	int i;

	for (i = 0; i < nrules; i++)
		if (strcmp(rules[i].name, name) == 0)
			return i;
	return -1;
}

int
fnd_on(int rule)
{
	return rule >= 0 && (rule_on >> rule & 1);
}

void
fnd_select(unsigned long mask)
{
	rule_on = mask;
}

void
fnd_quiet(int q)
{
	quiet = q;
}

void
fnd_header(void)
{
	fputs("source\trule\tseverity\twhere\texpected\tactual\tmessage\n",
	    fout);
}

static void
put_field(const char *s)
{
	tsv_str(fout, s);
	putc('\t', fout);
}

void
finding(struct report *r, const char *source, int rule, const char *where,
    const char *expected, const char *actual, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!fnd_on(rule))
		return;
	if (rules[rule].error)
		r->nerrors++;
	else if (quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	put_field(source);
	put_field(rules[rule].name);
	put_field(rules[rule].error ? "error" : "warn");
	put_field(where);
	put_field(expected);
	put_field(actual);
	tsv_str(fout, msg);
	putc('\n', fout);
}
