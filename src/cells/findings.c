/* Rules and findings (findings.h). */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "findings.h"
#include "model.h"
#include "rec.h"
#include "tmpl.h"

/*
 * error: the printed numbers contradict each other, or a table is
 * absent.  noisy: about the form of the report or of its reading, hidden
 * by -q.  optin: off unless -r asks for it.
 */
struct rule {
	const char	*name;
	int		 error, noisy, optin;
};

static struct rule rules[R_MAX] = {
	{"missing", 1, 0, 0}, {"omitted", 0, 1, 0}, {"template", 0, 1, 0},
	{"unread", 0, 0, 0}, {"negative", 1, 0, 0}, {"blank", 0, 1, 0},
	{"blanks", 0, 1, 1}, {"digits", 0, 0, 0}, {"prose", 0, 0, 0},
	{"year", 0, 0, 0},
};
static int nrules = R_NFIXED;
static unsigned long rule_on;
static int quiet;
static struct rec_out out;
static enum fnd_format format;

static void
add_rule(const char *name, int error)
{
	if (fnd_rule(name) >= 0 || nrules == R_MAX)
		return;
	rules[nrules].name = name;
	rules[nrules++].error = error;
}

static unsigned long
default_rules(void)
{
	unsigned long mask = 0;
	int i;

	for (i = 0; i < nrules; i++)
		if (!rules[i].optin)
			mask |= 1ul << i;
	return mask;
}

/* Identities are errors; figures carried from year to year only warn. */
void
fnd_init(void)
{
	size_t k;

	for (k = 0; k < tmpl_nidents; k++)
		add_rule(tmpl_idents[k].rule, 1);
	for (k = 0; k < tmpl_ncarries; k++)
		add_rule(tmpl_carries[k].rule, 0);
	rule_on = default_rules();
	rec_init(&out, stdout, REC_TSV, 0);
}

void
fnd_output(FILE *fp, enum fnd_format fmt, int bom)
{
	format = fmt;
	rec_init(&out, fp, fmt == FND_CSV ? REC_CSV : REC_TSV,
	    fmt == FND_EDITOR ? 0 : bom);
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
fnd_rule_error(int rule)
{
	return rules[rule].error;
}

int
fnd_rule_noisy(int rule)
{
	return rules[rule].noisy;
}

int
fnd_rule_optin(int rule)
{
	return rules[rule].optin;
}

int
fnd_on(int rule)
{
	return rule >= 0 && (rule_on >> rule & 1);
}

/*
 * "a,b": only these; "-a,+b": the default rules without a, with b.  A
 * list that names no rule would check nothing: it is refused.
 */
const char *
fnd_select(const char *list, char *bad, size_t size)
{
	unsigned long mask = default_rules();
	const char *p, *e;
	size_t n;
	int i, sign;

	for (p = list; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, ",");
		if (*p != '+' && *p != '-')
			mask = 0;
	}
	if (*list == '\0')
		return "no rule named";
	if (list[strlen(list) - 1] == ',')
		return "empty rule name";
	for (p = list; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, ",");
		sign = *p == '-' ? -1 : *p == '+';
		p += *p == '-' || *p == '+';
		n = (size_t)(e - p);
		snprintf(bad, size, "%.*s", (int)n, p);
		if (n == 0)
			return "empty rule name";
		if (n >= size || (i = fnd_rule(bad)) < 0)
			return "unknown rule";
		if (sign < 0)
			mask &= ~(1ul << i);
		else
			mask |= 1ul << i;
	}
	rule_on = mask;
	return NULL;
}

void
fnd_quiet(int q)
{
	quiet = q;
}

void
fnd_header(void)
{
	static const char *const names[] = {"source", "rule", "severity",
	    "cells", "expected", "actual", "message", "line"};

	if (format != FND_EDITOR)
		rec_write(&out, names, 8);
}

/* The input file of a source: without the #k of a report in a volume. */
static size_t
file_len(const char *source)
{
	size_t n = strlen(source), k = n;

	while (k > 0 && source[k - 1] >= '0' && source[k - 1] <= '9')
		k--;
	if (k < n && k > 1 && source[k - 1] == '#')
		return k - 1;
	return n;
}

static void
write_editor(const char *source, long line, int rule, const char *where,
    const char *msg)
{
	FILE *fp = out.fp;

	fwrite(source, 1, file_len(source), fp);
	if (line > 0)
		fprintf(fp, ":%ld", line);
	fprintf(fp, ": %s: %s: %s (%s)\n", rules[rule].error ? "error" :
	    "warning", rules[rule].name, msg, where);
}

void
finding(struct report *r, const char *source, long line, int rule,
    const char *where, const char *expected, const char *actual,
    const char *fmt, ...)
{
	const char *f[8];
	char msg[512], ln[24] = "";
	va_list ap;

	if (!fnd_on(rule) || (quiet && rules[rule].noisy))
		return;
	if (rules[rule].error)
		r->nerrors++;
	else
		r->nwarns++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (format == FND_EDITOR) {
		write_editor(source, line, rule, where, msg);
		return;
	}
	if (line > 0)
		snprintf(ln, sizeof ln, "%ld", line);
	f[0] = source, f[1] = rules[rule].name;
	f[2] = rules[rule].error ? "error" : "warn";
	f[3] = where, f[4] = expected, f[5] = actual, f[6] = msg, f[7] = ln;
	rec_write(&out, f, 8);
}
