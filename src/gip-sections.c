/*
 * gip-sections: where the six standard sections of each report are, as
 * sections TSV or CSV (gip(5)), or the raw text of one section.  An input
 * that holds several reports gives each its own source, NAME#k (gip(7)).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "err.h"
#include "num.h"
#include "opts.h"
#include "rec.h"
#include "sections.h"
#include "split.h"

static const struct gip_cli cli = {
	"usage: gip-sections [-1bH] [--csv] [--bom] "
	    "[--with-filename | --no-filename] [-s N] [file ...]",
	"Find the six standard sections of government information\n"
	    "disclosure annual reports; write one record per section (source\n"
	    "section title first_line last_line) as TSV.",
	"  -b, --body          add each section's text (field body)\n"
	"  -s, --section N     print section N's text (0: front matter)\n"
	"      --with-filename -s: begin each line with its source, as\n"
	"                      grep -H (the default for several inputs or\n"
	"                      reports)\n"
	"      --no-filename   -s: never (grep -h)\n"
	"  -1, --one-report    read each input as one report, never split\n",
	"write RFC 4180 CSV, header included",
	NULL
};

/* The most reports one input is read as; a volume has dozens. */
#define MAX_PARTS	4096

static int	 with_body;		/* -b */
static int	 with_header;		/* -H */
static int	 only_section = -1;	/* -s N */
static int	 one_report;		/* -1 */
static int	 with_filename = -1;	/* -s: 1, 0, or -1: when several */
static int	 several_inputs;	/* more than one file named */
static struct rec_out out;

/* The section text after the heading line, without its final LFs. */
static void
body_of(const char *text, const struct gip_section *s, char **buf,
    size_t *cap)
{
	size_t end = s->end, n;

	while (end > s->body && text[end - 1] == '\n')
		end--;
	n = end - s->body;
	if (n + 1 > *cap) {
		*cap = n + 1;
		*buf = gip_xrealloc(*buf, *cap);
	}
	memcpy(*buf, text + s->body, n);
	(*buf)[n] = '\0';
}

static void
print_rows(const char *source, const char *text,
    const struct gip_section sec[7], long base)
{
	static char *body;
	static size_t cap;
	char num[3][NUM_LONGLEN];
	const char *f[6];
	int i;

	for (i = 0; i <= SECTIONS_MAX; i++) {
		if (!sec[i].found)
			continue;
		f[1] = num_decimal(num[0], i);
		f[3] = num_decimal(num[1], sec[i].first_line + base);
		f[4] = num_decimal(num[2], sec[i].last_line + base);
		f[0] = source;
		f[2] = sec[i].title;
		if (with_body)
			body_of(text, &sec[i], &body, &cap);
		f[5] = with_body ? body : NULL;
		rec_row(&out, f, with_body ? 6 : 5);
	}
	rec_flush(&out);	/* before the next message */
}

/*
 * -s N: the section as it is in the decoded text, heading included; each
 * line after "source:" when prefix is set, as grep -H prints.
 */
static void
print_raw(const char *source, const char *text, const struct gip_section *s,
    int prefix)
{
	size_t pos = s->start, n;
	const char *line;

	if (!s->found)
		return;
	if (!prefix) {
		fwrite(text + s->start, 1, s->end - s->start, stdout);
		if (s->end > s->start && text[s->end - 1] != '\n')
			putchar('\n');
		return;
	}
	while (gip_next_line(text, s->end, &pos, &line, &n))
		printf("%s:%.*s\n", source, (int)n, line);
}

/* One report: sec its sections, found while splitting the input. */
static void
process(const char *source, const char *name, const char *text,
    long base, int several, int found, const struct gip_section *sec)
{
	if (found == 0) {
		gip_error(name, 0, "no section heading found");
		return;
	}
	if (only_section >= 0)
		print_raw(source, text, &sec[only_section],
		    with_filename == 1 || (with_filename == -1 && several));
	else
		print_rows(source, text, sec, base);
}

/* Every report of one input, as gip-tables reads them (split.h). */
static void
process_path(const char *path)
{
	static struct report_part part[MAX_PARTS];
	static struct sections_heads hs;
	static struct document d;
	struct gip_section sec[SECTIONS_MAX + 1];
	char source[4096];
	int i, n, found;

	if (document_read(&d, path) < 0)
		return;
	if (one_report) {
		found = sections_split(d.doc.text, d.doc.len, sec);
		process(d.doc.name, d.doc.name, d.doc.text, 0, several_inputs,
		    found, sec);
		return;
	}
	/* Most inputs are one report: their headings are all it takes. */
	if (sections_scan(d.doc.text, d.doc.len, &hs) == 0) {
		part[0].from = 0;
		part[0].to = d.doc.len;
		part[0].line = 1;
		n = 1;
	} else
		n = split_reports(d.doc.text, d.doc.len, part, MAX_PARTS, &hs);
	if (n == MAX_PARTS)
		gip_warn(d.doc.name, 0, "%d reports or more: the rest read as "
		    "the last", MAX_PARTS);
	if (n == 1) {
		found = split_part_sections(d.doc.text, &part[0], NULL, &hs,
		    sec);
		process(d.doc.name, d.doc.name, d.doc.text, 0, several_inputs,
		    found, sec);
		return;
	}
	for (i = 0; i < n; i++) {
		found = split_part_sections(d.doc.text, &part[i],
		    i + 1 < n ? &part[i + 1] : NULL, &hs, sec);
		snprintf(source, sizeof source, "%s#%d", d.doc.name, i + 1);
		gip_line_offset(part[i].line - 1);
		/* The sections count from the part's start: no copy needed. */
		process(source, d.doc.name, d.doc.text + part[i].from,
		    part[i].line - 1, 1, found, sec);
		gip_line_offset(0);
	}
}

static int
section_number(const char *arg)
{
	if (arg[0] < '0' || arg[0] > '0' + SECTIONS_MAX || arg[1] != '\0') {
		fprintf(stderr, "%s: -s: section must be 0 to %d: %s\n",
		    gip_prog, SECTIONS_MAX, arg);
		gip_usage();
	}
	return arg[0] - '0';
}

static void
parse_options(int argc, char *argv[])
{
	enum { OPT_WITH = OPT_TOOL, OPT_WITHOUT };
	static const struct option longopts[] = {
		GIP_COMMON_LONGOPTS,
		{ "body",		no_argument,		NULL, 'b' },
		{ "section",		required_argument,	NULL, 's' },
		{ "one-report",		no_argument,		NULL, '1' },
		{ "with-filename",	no_argument,		NULL, OPT_WITH },
		{ "no-filename",	no_argument,		NULL, OPT_WITHOUT },
		{ NULL,			0,			NULL, 0 }
	};
	struct gip_common o = {0};
	int c;

	gip_cli(&cli);
	while ((c = gip_getopt(argc, argv, "1bs:", longopts, &o)) != -1) {
		switch (c) {
		case 'b':		with_body = 1; break;
		case 's':		only_section = section_number(optarg); break;
		case '1':		one_report = 1; break;
		case OPT_WITH:		with_filename = 1; break;
		case OPT_WITHOUT:	with_filename = 0; break;
		default:		gip_usage();
		}
	}
	with_header = o.header || o.csv;
	if (only_section >= 0 && (with_body || with_header || o.bom)) {
		fprintf(stderr, "%s: -s prints text, not records: no -b, -H, "
		    "--csv or --bom\n", gip_prog);
		gip_usage();
	}
	rec_init(&out, stdout, o.csv ? REC_CSV : REC_TSV, o.bom);
}

int
main(int argc, char *argv[])
{
	static const char *const header[6] = {"source", "section", "title",
	    "first_line", "last_line", "body"};
	int i;

	gip_init("gip-sections");
	parse_options(argc, argv);
	if (with_header)
		rec_write(&out, header, with_body ? 6 : 5);
	several_inputs = argc - optind > 1;
	if (optind == argc)
		process_path("-");
	for (i = optind; i < argc; i++)
		process_path(argv[i]);
	return gip_finish();
}
