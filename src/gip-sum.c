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

/* What one report says of itself before its cells are added. */
struct about {
	char		*meta[SUM_NFIELDS];	/* first value of each, or NULL */
	int		 is_sum;	/* has meta reports: a gip-sum group */
	int64_t		 said[NCOUNTS];	/* its meta counts, if a group */
	int64_t		 nblank, nunread;
	int		 has36;
};

/* A cell of a table kept until its report is whole: what a sum needs. */
struct kept {
	int64_t		 value;
	long		 line;		/* of the input, for a message */
	int		 id;		/* its key (sumkey.h) */
	unsigned char	 blank, unread;
};

/* A meta row kept: row and value, NUL-ended, at offsets of run bytes. */
struct keptmeta {
	size_t		 row, rowlen, value, valuelen;
	long		 line;
};

struct run {
	struct options	 opt;
	struct sumby	 by;
	struct sumkeys	 keys;
	struct sumgroups groups;	/* the totals */
	struct sumgroups input;		/* of the input being read */
	int64_t		 ninput;	/* its reports so far */
	struct sumkeybuf key;		/* the key of the report's group */
	/* The report being read, as its cells come (reports_stream): its
	   meta rows copied, the others as their key and value only. */
	struct about	 about;
	struct kept	*cell;
	size_t		 ncell, cellcap;
	struct keptmeta	*meta;
	size_t		 nmeta, metacap;
	char		*bytes;		/* the meta rows' row and value */
	size_t		 used, bytescap;
	int		 prev;		/* the last cell's key, or -1 */
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

/* Copy n bytes and a NUL to the report's meta store; returns where. */
static size_t
keep_bytes(struct run *run, const char *s, size_t n)
{
	size_t at = run->used;

	if (n + 1 > run->bytescap - run->used) {
		if (n + 1 > SIZE_MAX / 2 - run->used)
			gip_fatal("report too large");
		run->bytescap = (run->used + n + 1) * 2;
		run->bytes = gip_xrealloc(run->bytes, run->bytescap);
	}
	memcpy(run->bytes + at, s, n);
	run->bytes[at + n] = '\0';
	run->used += n + 1;
	return at;
}

/* Room for twice as many things of size each (at least 64). */
static size_t
grown(size_t cap, size_t size)
{
	if (cap > SIZE_MAX / 4 / size)
		gip_fatal("report too large");
	return cap ? 2 * cap : 64;
}

static int
on_begin(const struct cells_report *rep, void *arg)
{
	struct run *run = arg;

	(void)rep;
	memset(&run->about, 0, sizeof run->about);
	run->ncell = run->nmeta = run->used = 0;
	run->prev = -1;
	return 0;
}

/*
 * A cell as it is read: a meta row is kept to be read when the report is
 * whole (its group is not known before); a cell of a table is kept as
 * its key and value.
 */
static int
on_cell(const struct cells_rec *c, void *arg)
{
	struct run *run = arg;
	struct keptmeta *m;
	struct kept *k;

	if (is_meta(c)) {
		if (run->nmeta == run->metacap) {
			run->metacap = grown(run->metacap, sizeof run->meta[0]);
			run->meta = gip_xrealloc(run->meta, run->metacap *
			    sizeof run->meta[0]);
		}
		m = &run->meta[run->nmeta++];
		m->row = keep_bytes(run, c->field[CELL_ROW], c->len[CELL_ROW]);
		m->rowlen = c->len[CELL_ROW];
		m->value = keep_bytes(run, c->field[CELL_VALUE],
		    c->len[CELL_VALUE]);
		m->valuelen = c->len[CELL_VALUE];
		m->line = c->line;
		return 0;
	}
	if (run->ncell == run->cellcap) {
		run->cellcap = grown(run->cellcap, sizeof run->cell[0]);
		run->cell = gip_xrealloc(run->cell, run->cellcap *
		    sizeof run->cell[0]);
	}
	k = &run->cell[run->ncell++];
	k->id = run->prev = sumkeys_id(&run->keys, c, run->prev);
	k->value = c->value;
	k->line = c->line;
	k->blank = (unsigned char)c->blank;
	k->unread = (unsigned char)c->unread;
	run->about.has36 |= run->keys.v[k->id].is36;
	run->about.nblank += c->blank;
	run->about.nunread += c->unread;
	return 0;
}

/* The report is whole: its meta rows, in their order. */
static int
read_meta(struct run *run, const struct cells_report *rep)
{
	struct cells_rec c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.file = rep->file;
	c.field[CELL_TABLE] = "meta";
	c.len[CELL_TABLE] = 4;
	for (i = 0; i < run->nmeta; i++) {
		c.line = run->meta[i].line;
		c.field[CELL_ROW] = run->bytes + run->meta[i].row;
		c.len[CELL_ROW] = run->meta[i].rowlen;
		c.field[CELL_VALUE] = run->bytes + run->meta[i].value;
		c.len[CELL_VALUE] = run->meta[i].valuelen;
		if (on_meta(&run->about, &c) != 0)
			return -1;
	}
	return 0;
}

static void
overflow(const char *file, long line, const char *what)
{
	gip_error(file, line, "sum of %s overflows", what);
	exit(GIP_TROUBLE);
}

static void
add_counts(struct sumgroup *g, const struct cells_report *rep,
    const struct about *a)
{
	if (num_add(&g->reports, a->is_sum ? a->said[C_REPORTS] : 1) ||
	    num_add(&g->blanks, a->is_sum ? a->said[C_BLANKS] : a->nblank) ||
	    num_add(&g->unread, a->is_sum ? a->said[C_UNREAD] : a->nunread))
		overflow(rep->file, rep->line, "the meta counts");
}

/* Add a cell under its key, and 3.6.x under 3.6 too unless rolled up. */
static void
add_cell(struct run *run, struct sumgroup *g, const struct kept *c,
    int rollup, const char *file)
{
	const struct sumkey *k = &run->keys.v[c->id];
	char what[256];

	if (sumgroup_add_value(g, c->id, c->blank, c->unread, c->value) !=
	    NUM_OK || (rollup && k->rollup >= 0 && sumgroup_add_value(g,
	    k->rollup, c->blank, c->unread, c->value) != NUM_OK)) {
		snprintf(what, sizeof what, "%s %s %s", k->table, k->row,
		    k->col);
		overflow(file, c->line, what);
	}
}

static int
on_report(const struct cells_report *rep, void *arg)
{
	struct run *run = arg;
	const struct about *a = &run->about;
	struct sumgroup *g;
	size_t i, had = run->input.n;
	int j, f;

	if (read_meta(run, rep) != 0)
		return -1;	/* a bad line: the input is left out */
	if (sumby_key(&run->by, rep, a->meta, &run->key) != 0)
		return 0;	/* reported; the report is left out */
	g = sumgroups_get(&run->input, run->key.s, run->key.len);
	run->ninput++;
	for (j = 0; run->input.n > had && j < run->by.nfield; j++)
		if ((f = run->by.field[j]) != F_SOURCE && a->meta[f] != NULL)
			g->meta[f] = gip_xstrdup(a->meta[f]);
	sumgroup_reserve(g, run->keys.n);
	add_counts(g, rep, a);
	for (i = 0; i < run->ncell; i++)
		add_cell(run, g, &run->cell[i], !a->has36, rep->file);
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
	reports_stream(rs, on_begin, on_cell);
	if (optind == argc)
		sum_input(&run, rs, "-");
	for (i = optind; i < argc; i++)
		sum_input(&run, rs, argv[i]);
	reports_free(rs);
	print_sums(&run);
	return gip_finish();
}
