/*
 * The options every tool takes, named alike (gip(7)): -H --header, --csv,
 * --bom, -h --help, -V --version.  A tool lists GIP_COMMON_LONGOPTS among
 * its long options, GIP_COMMON_SHORTOPTS in its option string, and hands
 * each option to gip_common_option before its own.
 */
#ifndef GIP_OPTS_H
#define GIP_OPTS_H

#include <getopt.h>

/* OPT_TOOL: the first value a tool may give its own long options. */
enum { OPT_CSV = 256, OPT_BOM, OPT_TOOL };

#define GIP_COMMON_SHORTOPTS	"HhV"
#define GIP_COMMON_LONGOPTS \
	{"header",	no_argument,	NULL, 'H'}, \
	{"csv",		no_argument,	NULL, OPT_CSV}, \
	{"bom",		no_argument,	NULL, OPT_BOM}, \
	{"help",	no_argument,	NULL, 'h'}, \
	{"version",	no_argument,	NULL, 'V'}

struct gip_common {
	int	header;		/* -H */
	int	csv;		/* --csv */
	int	bom;		/* --bom */
};

/* Take option c if it is a common one (help: the tool's --help, which
 * exits); 1 if it was. */
int	gip_common_option(int c, struct gip_common *o, void (*help)(void));

#endif
