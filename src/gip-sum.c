/*
 * gip-sum: exact totals of the cells stream per group of reports.  The
 * output is a cells stream again, one "report" per group, so it goes on
 * to gip-check and back into gip-sum: sums of sums are the same bytes as
 * one sum, which is what lets a large archive be summed in pieces.
 * Reports come from group.h, keys from sumkey.h, groups from sumby.h and
 * sumgroup.h.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "group.h"
#include "num.h"
#include "opts.h"
#include "rec.h"
#include "sumby.h"
#include "sumgroup.h"
#include "sumkey.h"
#include "sumprint.h"

/* The counts gip-sum writes as meta rows, summed again when read back. */
enum { C_REPORTS, C_BLANKS, C_UNREAD, NCOUNTS };
static const char *const count_names[NCOUNTS] = {"reports", "blanks",
    "unread"};

struct options {
	int		 header, quiet, columns;
	enum rec_format	 fmt;
	int		 bom;
};

struct run {
	struct options	 opt;
	struct sumby	 by;
	struct sumkeys	 keys;
	struct sumgroups groups;	/* the totals */
	struct sumgroups input;		/* of the input being read */
	int64_t		 ninput;	/* its reports so far */
	struct sumkeybuf key;		/* the key of the report's group */
	int		*id;		/* per cell of the report: its key */
	size_t		 idcap;
};

/* What one report says of itself before its cells are added. */
struct about {
	char		*meta[SUM_NFIELDS];	/* first value of each, or NULL */
	int		 is_sum;	/* has meta reports: a gip-sum group */
	int64_t		 said[NCOUNTS];	/* its meta counts, if a group */
	int64_t		 nblank, nunread;
	int		 has36;
};

static const struct gip_cli cli = {
	"usage: gip-sum [-Hkq] [--csv] [--bom] [-g fields] [-G regex] "
	    "[file ...]",
	"Exact totals of cells streams per group of reports, written as a\n"
	    "cells stream.",
	"  -g, --group FIELDS  group by meta fields (comma list of source,\n"
	"                      title, org, year, template, date)\n"
	"  -G, --group-regex RE  group by the captures of RE on the source\n"
	"  -k, --key-columns   each group key part in its own column\n"
	"  -q, --quiet         no note on stderr of unread cells left out\n",
	"write RFC 4180 CSV",
	NULL
};

/* A count in meta reports, blanks or unread: a non-negative integer. */
static int
parse_count(const struct cells_rec *rec, int64_t *v)
{
	const char *s = rec->field[CELL_VALUE];
	size_t i, n = rec->len[CELL_VALUE];

	*v = 0;
	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		if (__builtin_mul_overflow(*v, 10, v) ||
		    __builtin_add_overflow(*v, s[i] - '0', v))
			break;
	if (n > 0 && i == n)
		return 0;
	gip_error(rec->file, rec->line, "meta %s '%s' is not a count",
	    rec->field[CELL_ROW], s);
	return -1;
}

static int
count_index(const char *row)
{
	int i;

	for (i = 0; i < NCOUNTS; i++)
		if (strcmp(row, count_names[i]) == 0)
			return i;
	return -1;
}

static int
on_meta(struct about *a, const struct cells_rec *c)
{
	int64_t v;
	int f;

	if ((f = count_index(c->field[CELL_ROW])) >= 0) {
		if (parse_count(c, &v) != 0)
			return -1;
		if (f == C_REPORTS)
			a->is_sum = 1;
		if (num_add(&a->said[f], v) != NUM_OK) {
			gip_error(c->file, c->line, "meta %s overflows",
			    count_names[f]);
			return -1;
		}
	} else if ((f = sum_field_index(c->field[CELL_ROW],
	    c->len[CELL_ROW])) > F_SOURCE && a->meta[f] == NULL)
		a->meta[f] = c->field[CELL_VALUE];
	return 0;
}

static int
is_meta(const struct cells_rec *c)
{
	return c->len[CELL_TABLE] == 4 &&
	    memcmp(c->field[CELL_TABLE], "meta", 4) == 0;
}

/* First pass over a report: its meta rows, and the key of each cell. */
static int
read_about(struct run *run, const struct cells_report *rep, struct about *a)
{
	const struct cells_rec *c;
	size_t i;
	int prev = -1;

	memset(a, 0, sizeof *a);
	if (rep->n > run->idcap) {
		run->idcap = rep->n;
		run->id = gip_xrealloc(run->id, run->idcap * sizeof run->id[0]);
	}
	for (i = 0, c = rep->cell; i < rep->n; i++, c++) {
		run->id[i] = -1;
		if (is_meta(c)) {
			if (on_meta(a, c) != 0)
				return -1;
			continue;
		}
		prev = run->id[i] = sumkeys_id(&run->keys, c, prev);
		a->has36 |= run->keys.v[prev].is36;
		a->nblank += c->blank;
		a->nunread += c->unread;
	}
	return 0;
}

static void
overflow(const struct cells_rec *c, const char *what)
{
	gip_error(c->file, c->line, "sum of %s overflows", what);
	exit(GIP_TROUBLE);
}

static void
add_counts(struct sumgroup *g, const struct cells_report *rep,
    const struct about *a)
{
	if (num_add(&g->reports, a->is_sum ? a->said[C_REPORTS] : 1) ||
	    num_add(&g->blanks, a->is_sum ? a->said[C_BLANKS] : a->nblank) ||
	    num_add(&g->unread, a->is_sum ? a->said[C_UNREAD] : a->nunread))
		overflow(&rep->cell[0], "the meta counts");
}

/* Add a cell under its key, and 3.6.x under 3.6 too unless rolled up. */
static void
add_cell(struct run *run, struct sumgroup *g, int id, int rollup,
    const struct cells_rec *c)
{
	const struct sumkey *k = &run->keys.v[id];
	char what[256];

	if (sumgroup_add(g, id, c) != NUM_OK ||
	    (rollup && k->rollup >= 0 && sumgroup_add(g, k->rollup, c) !=
	    NUM_OK)) {
		snprintf(what, sizeof what, "%s %s %s", k->table, k->row,
		    k->col);
		overflow(c, what);
	}
}

static int
on_report(const struct cells_report *rep, void *arg)
{
	struct run *run = arg;
	struct sumgroup *g;
	struct about a;
	size_t i, had = run->input.n;
	int j, f;

	if (read_about(run, rep, &a) != 0)
		return -1;	/* a bad line: the input is left out */
	if (sumby_key(&run->by, rep, a.meta, &run->key) != 0)
		return 0;	/* reported; the report is left out */
	g = sumgroups_get(&run->input, run->key.s, run->key.len);
	run->ninput++;
	for (j = 0; run->input.n > had && j < run->by.nfield; j++)
		if ((f = run->by.field[j]) != F_SOURCE && a.meta[f] != NULL)
			g->meta[f] = gip_xstrdup(a.meta[f]);
	sumgroup_reserve(g, run->keys.n);
	add_counts(g, rep, &a);
	for (i = 0; i < rep->n; i++)
		if (run->id[i] >= 0)
			add_cell(run, g, run->id[i], !a.has36, &rep->cell[i]);
	return 0;
}

/*
 * Sum one input into the totals, or none of it: a total with part of an
 * input in it (a prefix of a broken file, the runs of a sorted stream)
 * would be right for nothing.
 */
static void
sum_input(struct run *run, struct reports *rs, const char *path)
{
	run->ninput = 0;
	if (reports_read(rs, path) == 0) {
		if (sumgroups_merge(&run->groups, &run->input, run->keys.n) !=
		    NUM_OK) {
			gip_error(path, 0, "a sum overflows");
			exit(GIP_TROUBLE);
		}
		return;
	}
	if (run->ninput > 0)
		gip_warn(path, 0, "left out of the totals, with the %" PRId64
		    " report%s read before the trouble", run->ninput,
		    run->ninput == 1 ? "" : "s");
	sumgroups_clear(&run->input);
}

static void
print_sums(struct run *run)
{
	struct sumprint p;

	p.fmt = run->opt.fmt;
	p.bom = run->opt.bom;
	p.header = run->opt.header;
	p.columns = run->opt.columns;
	p.quiet = run->opt.quiet;
	p.by = &run->by;
	p.keys = &run->keys;
	p.groups = &run->groups;
	sumprint(&p);
}

static void
parse_options(struct run *run, int argc, char *argv[])
{
	static const struct option longopts[] = {
		GIP_COMMON_LONGOPTS,
		{"group", required_argument, NULL, 'g'},
		{"group-regex", required_argument, NULL, 'G'},
		{"key-columns", no_argument, NULL, 'k'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0}
	};
	struct gip_common o = {0};
	int c;

	gip_cli(&cli);
	while ((c = gip_getopt(argc, argv, "G:g:kq", longopts, &o)) != -1) {
		switch (c) {
		case 'G': sumby_regex(&run->by, optarg); break;
		case 'g': sumby_fields(&run->by, optarg); break;
		case 'k': run->opt.columns = 1; break;
		case 'q': run->opt.quiet = 1; break;
		default: gip_usage();
		}
	}
	run->opt.header = o.header;
	run->opt.fmt = o.csv ? REC_CSV : REC_TSV;
	run->opt.bom = o.bom;
}

int
main(int argc, char *argv[])
{
	static struct run run;
	struct reports *rs;
	int i;

	gip_init("gip-sum");
	sumkeys_init(&run.keys);
	parse_options(&run, argc, argv);
	rs = reports_new(on_report, &run);
	if (optind == argc)
		sum_input(&run, rs, "-");
	for (i = optind; i < argc; i++)
		sum_input(&run, rs, argv[i]);
	reports_free(rs);
	print_sums(&run);
	return gip_finish();
}
