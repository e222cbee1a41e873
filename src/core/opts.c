/* The command line every tool shares (opts.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "opts.h"

static const struct gip_cli *tool;

void
gip_cli(const struct gip_cli *cli)
{
	tool = cli;
}

void
gip_usage(void)
{
	fprintf(stderr, "%s\n", tool->usage);
	exit(GIP_TROUBLE);
}

static void
help(void)
{
	printf("%s\n%s\n\n%s", tool->usage, tool->about, tool->options);
	printf("  -H, --header        write a header line first\n"
	    "      --csv           %s\n"
	    "      --bom           begin with a UTF-8 byte order mark "
	    "(Excel, WPS)\n"
	    "  -h, --help          this help\n"
	    "  -V, --version       the version\n", tool->csv);
	if (tool->more)
		tool->more();
	printf("\nSee %s(1) and gip(7).\n", gip_prog);
	exit(gip_finish());
}

static void __attribute__((noreturn))
bad_option(const char *what, int argc, char *argv[])
{
	const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] :
	    "";

	if (strncmp(arg, "--", 2) == 0 || optopt <= 0 || optopt > 127)
		fprintf(stderr, "%s: %s %s\n", gip_prog, what, arg);
	else
		fprintf(stderr, "%s: %s -%c\n", gip_prog, what, optopt);
	gip_usage();
}

int
gip_getopt(int argc, char *argv[], const char *shortopts,
    const struct option *longopts, struct gip_common *o)
{
	char all[64];
	int c;

	snprintf(all, sizeof all, ":HhV%s", shortopts);
	opterr = 0;		/* the messages name the program as gip_prog */
	for (;;) {
		switch (c = getopt_long(argc, argv, all, longopts, NULL)) {
		case 'H':	o->header = 1; break;
		case OPT_CSV:	o->csv = 1; break;
		case OPT_BOM:	o->bom = 1; break;
		case 'h':	help(); break;
		case 'V':	gip_version(); break;
		case '?':	bad_option("unknown option", argc, argv);
		case ':':	bad_option("missing argument for", argc, argv);
		default:	return c;
		}
	}
}
