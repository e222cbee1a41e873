/*
 * gip-check: check the cells of annual reports against the identities of
 * their template and for plausibility (gip(7)), and write findings
 * (gip(5)).  Reports come whole from the report reader (group.h), so
 * memory is bounded by one report plus a few numbers per body and year
 * for the rules that compare years.
 */
#include <getopt.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "findings.h"
#include "group.h"
#include "ident.h"
#include "model.h"
#include "opts.h"
#include "rec.h"
#include "shape.h"
#include "stated.h"
#include "years.h"

static void	more_help(void);

static const struct gip_cli cli = {
	"usage: gip-check [-eHpq] [--csv] [--bom] [--summary] [-r rules] "
	    "[file ...]",
	"Check cells against the identities of their template; write "
	    "findings.",
	"  -e, --editor        findings as file:line: severity: rule: "
	    "message\n"
	"  -p, --pass          pass the cells of reports without errors to\n"
	"                      stdout; findings go to stderr\n"
	"  -q, --quiet         no warnings about the form (rules marked q)\n"
	"  -r, --rules LIST    only these rules; -name, +name: the default\n"
	"                      ones without or with a rule (o: off unless "
	"asked)\n"
	"      --summary       reports read, with errors, with warnings, "
	"held\n"
	"                      back, on stderr\n",
	"findings as RFC 4180 CSV, header included",
	more_help
};

enum { OPT_SUMMARY = OPT_TOOL };

struct run {
	struct report	 r;
	struct idvals	 vals;		/* the identities' numbers */
	struct rec_out	 pass;		/* -p: the sound reports' cells, */
	char		 buf[1 << 15];	/* built here */
	int		 opt_pass;
	long		 nreports, nerrors, nwarns, held;
};

static void
select_rules(const char *list)
{
	const char *why;
	char bad[64];

	if ((why = fnd_select(list, bad, sizeof bad)) == NULL)
		return;
	if (strcmp(why, "unknown rule") == 0)
		fprintf(stderr, "%s: unknown rule '%s'\n", gip_prog, bad);
	else
		fprintf(stderr, "%s: -r: %s\n", gip_prog, why);
	gip_usage();
}

/*
 * Has the n bytes at s a byte TSV escapes (gip(5): TAB, LF, CR, \\)?
 * s has CELLS_PAD readable bytes past any of its bytes (a report's kept
 * cells: group.h), so it is read 16 at a time.
 */
static int
needs_escape(const char *s, size_t n)
{
	size_t i;
#ifdef __SSE2__
	__m128i v, m;
	unsigned bits;

	for (i = 0; i < n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
		bits = (unsigned)_mm_movemask_epi8(m);
		if (n - i < 16)
			bits &= (1u << (n - i)) - 1;
		if (bits != 0)
			return 1;
	}
#else
	for (i = 0; i < n; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
		    s[i] == '\\')
			return 1;
#endif
	return 0;
}

/*
 * One cell as rec_write writes it (TSV, its line as a sixth field when
 * known), into line (PASS_MAX bytes and 16); returns its length, or 0
 * when it must go by rec_write (a byte to escape, a long cell).
 */
enum { PASS_MAX = 1024 };

static size_t
pass_cell(char *line, const struct cells_rec *c)
{
	char digits[24];
	size_t o = 0, n, i;
	long v;
	int k;

	for (k = 0; k < CELL_NFIELDS; k++) {
		n = c->len[k];
		if (n > PASS_MAX - 32 - o || needs_escape(c->field[k], n))
			return 0;
		for (i = 0; i < n; i += 16)	/* padded, as needs_escape */
			memcpy(line + o + i, c->field[k] + i, 16);
		o += n;
		line[o++] = k < CELL_NFIELDS - 1 ? '\t' : '\n';
	}
	if (c->srcline > 0) {
		line[o - 1] = '\t';
		for (n = 0, v = c->srcline; v > 0; v /= 10)
			digits[n++] = (char)('0' + v % 10);
		while (n > 0)
			line[o++] = digits[--n];
		line[o++] = '\n';
	}
	return o;
}

/* A report's cells, built in run->buf and handed to stdio at once. */
static void
pass_on(struct run *run, const struct cells_report *rep)
{
	const char *f[6];
	char line[24];
	size_t i, o = 0, n;
	int k;

	for (i = 0; i < rep->n; i++) {
		if (o + PASS_MAX + 16 > sizeof run->buf) {
			fwrite(run->buf, 1, o, run->pass.fp);
			o = 0;
		}
		if ((n = pass_cell(run->buf + o, &rep->cell[i])) > 0) {
			o += n;
			continue;
		}
		fwrite(run->buf, 1, o, run->pass.fp);
		o = 0;
		for (k = 0; k < CELL_NFIELDS; k++)
			f[k] = rep->cell[i].field[k];
		snprintf(line, sizeof line, "%ld", rep->cell[i].srcline);
		f[5] = line;
		rec_write(&run->pass, f, rep->cell[i].srcline > 0 ? 6 : 5);
	}
	fwrite(run->buf, 1, o, run->pass.fp);
}

static void
check(struct report *r, struct idvals *vals)
{
	struct broken b[IDENT_MAXBROKEN];
	unsigned tpl;
	int n;

	tpl = report_tpl(r);
	ident_load(r, tpl, vals);
	if (!r->sum) {
		check_template(r, tpl);
		check_missing(r, vals, tpl);
	}
	check_negative(r, tpl);
	n = ident_eval(vals, b);
	ident_report(r, vals, b, n);
	if (fnd_on(R_DIGITS))
		ident_digits(r, vals, b, n);
	count_blanks(r);
	if (!r->sum) {
		check_prose(r);
		check_year(r, tpl);
		check_years(r, tpl);
	}
}

/* Without -p the cells are taken as they are read (reports_stream). */
static int
on_begin(const struct cells_report *rep, void *arg)
{
	struct run *run = arg;

	report_begin(&run->r, rep->source);
	return 0;
}

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct run *run = arg;

	return report_take(&run->r, rec);	/* a tail call */
}

static int
on_report(const struct cells_report *rep, void *arg)
{
	struct run *run = arg;
	size_t i;

	if (rep->cell != NULL) {	/* -p: the report's cells kept */
		report_begin(&run->r, rep->source);
		for (i = 0; i < rep->n; i++)
			report_take(&run->r, &rep->cell[i]);
	}
	run->r.source = rep->source;
	check(&run->r, &run->vals);
	run->nreports++;
	run->nerrors += run->r.nerrors > 0;
	run->nwarns += run->r.nwarns > 0;
	if (run->r.nerrors) {
		gip_status(GIP_FOUND);
		run->held += run->opt_pass;
	} else if (run->opt_pass)
		pass_on(run, rep);
	gip_check_output(stdout);
	return 0;
}

static void
summary(const struct run *run, int asked)
{
	if (asked) {
		fprintf(stderr, "%s: %ld report%s read, %ld with errors, %ld "
		    "with warnings", gip_prog, run->nreports,
		    run->nreports == 1 ? "" : "s", run->nerrors, run->nwarns);
		if (run->opt_pass)
			fprintf(stderr, ", %ld held back", run->held);
		fputc('\n', stderr);
	} else if (run->held > 0)
		fprintf(stderr, "%s: %ld of %ld reports held back for their "
		    "errors (-p): their cells were not passed on\n", gip_prog,
		    run->held, run->nreports);
}

/* --help: the rules, with their kinds. */
static void
more_help(void)
{
	int i;

	fputs("rules:", stdout);
	for (i = 0; i < fnd_nrules(); i++)
		printf(" %s%s%s%s", fnd_rule_name(i), fnd_rule_error(i) ?
		    "(e)" : "", fnd_rule_noisy(i) ? "(q)" : "",
		    fnd_rule_optin(i) ? "(o)" : "");
	puts("\n(e: an error; q: hidden by -q; o: off unless -r asks)");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		GIP_COMMON_LONGOPTS,
		{"editor", no_argument, NULL, 'e'},
		{"pass", no_argument, NULL, 'p'},
		{"quiet", no_argument, NULL, 'q'},
		{"rules", required_argument, NULL, 'r'},
		{"summary", no_argument, NULL, OPT_SUMMARY},
		{NULL, 0, NULL, 0}
	};
	static char errbuf[1 << 16];
	static struct run run;
	struct gip_common o = {0};
	int c, i, editor = 0, sum = 0;
	struct reports *rs;

	gip_init("gip-check");
	fnd_init();
	gip_cli(&cli);
	while ((c = gip_getopt(argc, argv, "epqr:", longopts, &o)) != -1) {
		switch (c) {
		case 'e': editor = 1; break;
		case 'p': run.opt_pass = 1; break;
		case 'q': fnd_quiet(1); break;
		case 'r': select_rules(optarg); break;
		case OPT_SUMMARY: sum = 1; break;
		default: gip_usage();
		}
	}
	fnd_output(run.opt_pass ? stderr : stdout, o.csv ? FND_CSV :
	    editor ? FND_EDITOR : FND_TSV, o.bom);
	if (run.opt_pass) {
		rec_init(&run.pass, stdout, REC_TSV, 0);
		setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
	}
	if (o.header || o.csv)
		fnd_header();
	report_init(&run.r);
	rs = reports_new(on_report, &run);
	if (!run.opt_pass)
		reports_stream(rs, on_begin, on_cell);
	if (optind == argc)
		reports_read(rs, "-");
	for (i = optind; i < argc; i++)
		reports_read(rs, argv[i]);
	reports_free(rs);
	if (run.opt_pass)
		gip_check_output(stderr);
	summary(&run, sum);
	return gip_finish();
}
