/*
 * gip-sections: where the six standard sections of each report are, as
 * sections TSV (SPEC.md), or the raw text of one section.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "err.h"
#include "sections.h"
#include "tsv.h"

static int	 with_body;		/* -b */
static int	 with_header;		/* -H */
static int	 only_section = -1;	/* -s N */

static void
usage(FILE *fp, int status)
{
	fprintf(fp, "usage: %s [-bH] [-s N] [file ...]\n", gip_prog);
	if (fp == stdout)
		exit(gip_finish());
	exit(status);
}

/* The section text after the heading line, without its final LFs. */
static void
print_body(const char *text, const struct gip_section *s)
{
	size_t end = s->end;

	while (end > s->body && text[end - 1] == '\n')
		end--;
	putchar('\t');
	tsv_field(stdout, text + s->body, end - s->body);
}

static void
print_rows(const struct gip_doc *doc, const struct gip_section sec[7])
{
	int i;

	for (i = 0; i <= SECTIONS_MAX; i++) {
		if (!sec[i].found)
			continue;
		tsv_str(stdout, doc->name);
		printf("\t%d\t", i);
		tsv_str(stdout, sec[i].title);
		printf("\t%ld\t%ld", sec[i].first_line, sec[i].last_line);
		if (with_body)
			print_body(doc->text, &sec[i]);
		putchar('\n');
	}
}

/* -s N: the section as it is in the decoded text, heading included. */
static void
print_raw(const struct gip_doc *doc, const struct gip_section *s)
{
	if (!s->found)
		return;
	fwrite(doc->text + s->start, 1, s->end - s->start, stdout);
	if (s->end > s->start && doc->text[s->end - 1] != '\n')
		putchar('\n');
}

static void
process(const struct gip_doc *doc)
{
	struct gip_section sec[SECTIONS_MAX + 1];

	if (sections_split(doc->text, doc->len, sec) == 0) {
		gip_error(doc->name, 0, "no section heading found");
		return;
	}
	if (only_section >= 0)
		print_raw(doc, &sec[only_section]);
	else
		print_rows(doc, sec);
}

static void
process_path(const char *path)
{
	static struct document d;

	if (document_read(&d, path) < 0)
		return;
	process(&d.doc);
}

static int
section_number(const char *arg)
{
	if (arg[0] < '0' || arg[0] > '0' + SECTIONS_MAX || arg[1] != '\0') {
		fprintf(stderr, "%s: -s: section must be 0 to %d: %s\n",
		    gip_prog, SECTIONS_MAX, arg);
		usage(stderr, GIP_TROUBLE);
	}
	return arg[0] - '0';
}

static void
parse_options(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "body",	no_argument,		NULL, 'b' },
		{ "header",	no_argument,		NULL, 'H' },
		{ "section",	required_argument,	NULL, 's' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "bHs:", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':	with_body = 1; break;
		case 'H':	with_header = 1; break;
		case 's':	only_section = section_number(optarg); break;
		case 'h':	usage(stdout, GIP_OK); break;
		case 'V':	gip_version(); break;
		default:	usage(stderr, GIP_TROUBLE);
		}
	}
	if (only_section >= 0 && (with_body || with_header)) {
		fprintf(stderr, "%s: -s prints text, not TSV: no -b or -H\n",
		    gip_prog);
		usage(stderr, GIP_TROUBLE);
	}
}

int
main(int argc, char *argv[])
{
	int i;

	gip_init("gip-sections");
	parse_options(argc, argv);
	if (with_header)
		printf("source\tsection\ttitle\tfirst_line\tlast_line%s\n",
		    with_body ? "\tbody" : "");
	if (optind == argc)
		process_path("-");
	for (i = optind; i < argc; i++)
		process_path(argv[i]);
	return gip_finish();
}
