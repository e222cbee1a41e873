/*
 * The command line every tool shares (gip(7)): the options all four take,
 * named alike (-H --header, --csv, --bom, -h --help, -V --version), the
 * usage line a bad argument prints, and --help in one layout.
 */
#ifndef GIP_OPTS_H
#define GIP_OPTS_H

#include <getopt.h>

/* OPT_TOOL: the first value a tool may give its own long options. */
enum { OPT_CSV = 256, OPT_BOM, OPT_TOOL };

/* Put in a tool's long options, before its own. */
#define GIP_COMMON_LONGOPTS \
	{"header",	no_argument,	NULL, 'H'}, \
	{"csv",		no_argument,	NULL, OPT_CSV}, \
	{"bom",		no_argument,	NULL, OPT_BOM}, \
	{"help",	no_argument,	NULL, 'h'}, \
	{"version",	no_argument,	NULL, 'V'}

struct gip_cli {
	const char	*usage;		/* "usage: gip-x [-a] [file ...]" */
	const char	*about;		/* what the tool does, a paragraph */
	const char	*options;	/* its own options, a line each */
	const char	*csv;		/* what --csv writes */
	void		(*more)(void);	/* more help after the options */
};

struct gip_common {
	int	header;		/* -H */
	int	csv;		/* --csv */
	int	bom;		/* --bom */
};

/* The tool's text for usage and help; before gip_getopt. */
void	gip_cli(const struct gip_cli *cli);
/*
 * getopt_long over the common options and the tool's (shortopts: its
 * own letters), taking the common ones into o: the next option of the
 * tool's own, or -1.  --help and --version print and exit; an unknown
 * option or a missing argument prints the usage line and exits 2.
 */
int	gip_getopt(int argc, char *argv[], const char *shortopts,
	    const struct option *longopts, struct gip_common *o);
/* The usage line on stderr, exit status 2: a bad argument. */
void	gip_usage(void) __attribute__((noreturn));

#endif
