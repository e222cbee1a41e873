/* Telling what was given instead of cells (misfit.h). */
#include <string.h>

#include "misfit.h"

static int
all_digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

/* source, section (0-6), title, first_line, last_line [, body] */
static int
is_sections(char *const *f, int n)
{
	if (n >= 2 && strcmp(f[0], "source") == 0 &&
	    strcmp(f[1], "section") == 0)
		return 1;
	return (n == 5 || n == 6) && strlen(f[1]) == 1 && f[1][0] >= '0' &&
	    f[1][0] <= '6' && all_digits(f[3]) && all_digits(f[4]);
}

/* source, rule, severity, ... */
static int
is_findings(char *const *f, int n)
{
	return n >= 7 && (strcmp(f[2], "error") == 0 ||
	    strcmp(f[2], "warn") == 0 || strcmp(f[2], "severity") == 0);
}

const char *
cells_misfit(char *const *f, int n)
{
	if (n >= 1 && f[0][0] == '<')
		return "this looks like an HTML report, not cells: run "
		    "gip-tables on it first";
	if (is_sections(f, n))
		return "this is a sections stream (gip-sections), not "
		    "cells: run gip-tables on the reports";
	if (is_findings(f, n))
		return "this is a findings stream (gip-check), not cells: "
		    "give the cells gip-tables wrote";
	if (n == 1 && f[0][strspn(f[0], " \t\r\f\v")] == '\0')
		return "a blank line where cells begin: if this is a report, "
		    "run gip-tables on it first";
	if (n < 5)
		return "this looks like a report, not cells: run gip-tables "
		    "on it first";
	return NULL;
}
