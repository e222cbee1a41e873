/*
 * gip-sum: exact totals of the cells stream per group of reports.  The
 * output is a cells stream again, one "report" per group, so it goes on
 * to gip-check and back into gip-sum: sums of sums are the same bytes as
 * one sum, which is what lets a large archive be summed in pieces.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <getopt.h>
#include <limits.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "num.h"
#include "tmpl.h"
#include "tsv.h"

/* The meta fields a group key can be made of; "source" is the name. */
enum { F_SOURCE, F_TITLE, F_ORG, F_YEAR, F_TEMPLATE, F_DATE, NFIELDS };
static const char *const field_names[NFIELDS] = {"source", "title", "org",
    "year", "template", "date"};

#define KEY_SEP		'/'
#define KEY_ALL		"all"
#define KEY_UNKNOWN	"-"
#define UNKNOWN_RANK	INT_MAX

/* What a group has of one key: nothing, only blank cells, a number. */
enum { SEEN_NONE, SEEN_BLANK, SEEN_VALUE };

/* A (table, row, col) met in the input, known by its index. */
struct key {
	char	*table, *row, *col;	/* one allocation, table first */
	size_t	 tlen, rlen, clen;
	int	 rank[3];	/* template order of table, row, col */
	int	 rollup;	/* 3.6.x: the key of 3.6 with its col, else -1 */
	int	 is36;		/* t3 row 3.6 itself */
	int	 next;		/* the key that came after it last, or -1 */
};

struct keytab {
	struct key	*v;
	size_t		 n, cap;
	int		*slot;		/* open addressing: index + 1, 0 empty */
	size_t		 nslot;		/* a power of two */
	int		 first;		/* the first key of the last report */
};

struct group {
	char		*name;
	char		*field[NFIELDS];	/* grouped meta values or NULL */
	int64_t		 reports, blanks;
	int64_t		*sum;		/* per key */
	unsigned char	*seen;		/* per key, SEEN_* */
	size_t		 cap;		/* keys sum and seen have room for */
};

struct grouptab {
	struct group	*v;
	size_t		 n, cap;
	int		*slot;
	size_t		 nslot;
};

struct item {
	int		 id;
	int		 blank;
	int64_t		 value;
	long		 line;
};

/* The cells of the report being read: a group is known at its end. */
struct report {
	const char	*file;
	long		 line;		/* its first line; 0: no report */
	char		*source;
	size_t		 srclen, srccap;
	struct item	*item;
	size_t		 n, cap;
	char		*field[NFIELDS];	/* meta values, or NULL */
	size_t		 fieldcap[NFIELDS];
	int		 has_field[NFIELDS];
	int		 is_sum;		/* has meta reports: a gip-sum group */
	int64_t		 reports, blanks;	/* its meta reports and blanks */
	int64_t		 nblank;		/* blank cells in it */
	int		 has36;
	int		 last;		/* its last key so far, or -1 */
};

struct run {
	int		 fields[NFIELDS];	/* -g, in the order given */
	int		 nfields;
	pcre2_code	*re;			/* -G */
	pcre2_match_data *md;
	uint32_t	 ncapture;
	struct keytab	 keys;
	struct grouptab	 groups;
	struct report	 rep;
	char		*name;			/* the key being built */
	size_t		 namelen, namecap;
};

static const char usage_text[] =
    "usage: gip-sum [-H] [-g fields] [-G regex] [file ...]\n";

static void
usage(void)
{
	fputs(usage_text, stderr);
	exit(GIP_TROUBLE);
}

static uint64_t
hash_bytes(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash_key(const char *t, size_t tn, const char *r, size_t rn, const char *c,
    size_t cn)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = hash_bytes(h, t, tn + 1);
	h = hash_bytes(h, r, rn + 1);
	return hash_bytes(h, c, cn);
}

/* Positions in tmpl.h: table, first row entry, column over both entries. */
static void
rank_key(struct key *k)
{
	static const char *const tables[] = {"t2", "t3", "t4", "prose"};
	size_t i;
	int c;

	k->rank[0] = k->rank[1] = k->rank[2] = UNKNOWN_RANK;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(k->table, tables[i]) == 0)
			k->rank[0] = (int)i;
	for (i = 0; i < tmpl_nprose && k->rank[0] == 3; i++)
		if (strcmp(k->row, tmpl_prose[i].row) == 0) {
			k->rank[1] = (int)i;
			if (strcmp(k->col, "-") == 0)
				k->rank[2] = 0;
		}
	for (i = 0; i < tmpl_nrows; i++) {
		if (strcmp(tmpl_rows[i].table, k->table) != 0 ||
		    strcmp(tmpl_rows[i].row, k->row) != 0)
			continue;
		if (k->rank[1] == UNKNOWN_RANK)
			k->rank[1] = (int)i;
		c = tmpl_col_index(&tmpl_rows[i], k->col);
		if (c >= 0 && k->rank[2] == UNKNOWN_RANK)
			k->rank[2] = (int)i * (TMPL_MAXCOLS + 1) + c;
	}
}

static void
keytab_grow(struct keytab *kt)
{
	size_t i, j;
	struct key *k;

	kt->nslot = kt->nslot ? kt->nslot * 2 : 1024;
	free(kt->slot);
	kt->slot = calloc(kt->nslot, sizeof kt->slot[0]);
	if (!kt->slot)
		gip_fatal("out of memory");
	for (i = 0; i < kt->n; i++) {
		k = &kt->v[i];
		j = hash_key(k->table, k->tlen, k->row, k->rlen, k->col,
		    k->clen) & (kt->nslot - 1);
		while (kt->slot[j])
			j = (j + 1) & (kt->nslot - 1);
		kt->slot[j] = (int)i + 1;
	}
}

/* Add a key not in the table yet; j is its free slot. */
static int
key_add(struct keytab *kt, size_t j, const char *t, size_t tn,
    const char *r, size_t rn, const char *c, size_t cn)
{
	struct key *k;
	char *s;

	if (kt->n == kt->cap) {
		kt->cap = kt->cap ? kt->cap * 2 : 256;
		kt->v = gip_xrealloc(kt->v, kt->cap * sizeof kt->v[0]);
	}
	k = &kt->v[kt->n];
	s = gip_xmalloc(tn + rn + cn + 3);
	k->table = memcpy(s, t, tn);
	k->table[tn] = '\0';
	k->row = memcpy(s + tn + 1, r, rn);
	k->row[rn] = '\0';
	k->col = memcpy(s + tn + rn + 2, c, cn);
	k->col[cn] = '\0';
	k->tlen = tn, k->rlen = rn, k->clen = cn;
	k->rollup = k->next = -1;
	k->is36 = strcmp(t, "t3") == 0 && strcmp(k->row, "3.6") == 0;
	rank_key(k);
	kt->slot[j] = (int)++kt->n;
	if (kt->n * 2 > kt->nslot)
		keytab_grow(kt);
	return (int)kt->n - 1;
}

static int
key_is_36x(const struct key *k)
{
	return strcmp(k->table, "t3") == 0 && (strcmp(k->row, "3.6.1") == 0 ||
	    strcmp(k->row, "3.6.2") == 0 || strcmp(k->row, "3.6.3") == 0);
}

/* The index of table/row/col, added (with its 3.6 roll-up) if new. */
static int
key_id(struct keytab *kt, const char *t, size_t tn, const char *r,
    size_t rn, const char *c, size_t cn)
{
	size_t j;
	struct key *k;
	int id, up;

	j = hash_key(t, tn, r, rn, c, cn) & (kt->nslot - 1);
	for (; kt->slot[j]; j = (j + 1) & (kt->nslot - 1)) {
		k = &kt->v[kt->slot[j] - 1];
		if (k->clen == cn && k->rlen == rn && k->tlen == tn &&
		    memcmp(k->col, c, cn) == 0 && memcmp(k->row, r, rn) == 0 &&
		    memcmp(k->table, t, tn) == 0)
			return kt->slot[j] - 1;
	}
	id = key_add(kt, j, t, tn, r, rn, c, cn);
	if (key_is_36x(&kt->v[id])) {
		up = key_id(kt, "t3", 2, "3.6", 3, c, cn);
		kt->v[id].rollup = up;
	}
	return id;
}

static int
field_index(const char *s, size_t n)
{
	int i;

	for (i = 0; i < NFIELDS; i++)
		if (strlen(field_names[i]) == n &&
		    memcmp(field_names[i], s, n) == 0)
			return i;
	return -1;
}

/* -g FIELDS: a comma-separated list of field names, each once. */
static void
parse_fields(struct run *run, const char *arg)
{
	const char *p = arg, *e;
	int f, i;

	for (;;) {
		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		if ((f = field_index(p, (size_t)(e - p))) < 0)
			gip_fatal("-g: unknown field '%.*s'", (int)(e - p), p);
		for (i = 0; i < run->nfields; i++)
			if (run->fields[i] == f)
				gip_fatal("-g: field '%s' given twice",
				    field_names[f]);
		run->fields[run->nfields++] = f;
		if (*e == '\0')
			break;
		p = e + 1;
	}
}

static void
compile_regex(struct run *run, const char *pattern)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int rc;

	run->re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &rc, &off, NULL);
	if (!run->re) {
		pcre2_get_error_message(rc, msg, sizeof msg);
		gip_fatal("-G: %s at offset %zu", (char *)msg, (size_t)off);
	}
	(void)pcre2_jit_compile(run->re, PCRE2_JIT_COMPLETE);
	run->md = pcre2_match_data_create_from_pattern(run->re, NULL);
	if (!run->md)
		gip_fatal("out of memory");
	pcre2_pattern_info(run->re, PCRE2_INFO_CAPTURECOUNT, &run->ncapture);
}

static void
name_put(struct run *run, const char *s, size_t n)
{
	if (run->namelen + n + 2 > run->namecap) {
		run->namecap = (run->namelen + n + 2) * 2;
		run->name = gip_xrealloc(run->name, run->namecap);
	}
	if (run->namelen > 0)
		run->name[run->namelen++] = KEY_SEP;
	memcpy(run->name + run->namelen, s, n);
	run->namelen += n;
	run->name[run->namelen] = '\0';
}

/* The -G part of the key: every capture (or the match), '/' between. */
static int
name_regex(struct run *run, const struct report *rep)
{
	PCRE2_SIZE *ov;
	uint32_t i;
	int rc;

	rc = pcre2_match(run->re, (PCRE2_SPTR)rep->source, rep->srclen, 0, 0,
	    run->md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH) {
		gip_error(rep->file, rep->line, "source '%s' does not match -G",
		    rep->source);
		return -1;
	}
	if (rc < 0) {
		gip_error(rep->file, rep->line, "-G: matching error %d", rc);
		return -1;
	}
	ov = pcre2_get_ovector_pointer(run->md);
	for (i = run->ncapture ? 1 : 0; i <= run->ncapture; i++) {
		if (i >= (uint32_t)rc || ov[2 * i] == PCRE2_UNSET)
			name_put(run, KEY_UNKNOWN, strlen(KEY_UNKNOWN));
		else
			name_put(run, rep->source + ov[2 * i],
			    ov[2 * i + 1] - ov[2 * i]);
	}
	return 0;
}

static const char *
report_field(const struct report *rep, int f)
{
	if (f == F_SOURCE)
		return rep->source;
	return rep->has_field[f] && rep->field[f][0] ? rep->field[f] : NULL;
}

static int
make_name(struct run *run, const struct report *rep)
{
	const char *v;
	int i;

	run->namelen = 0;
	if (run->re && name_regex(run, rep) != 0)
		return -1;
	for (i = 0; i < run->nfields; i++) {
		v = report_field(rep, run->fields[i]);
		if (!v)
			v = KEY_UNKNOWN;
		name_put(run, v, strlen(v));
	}
	if (!run->re && run->nfields == 0)
		name_put(run, KEY_ALL, strlen(KEY_ALL));
	return 0;
}

static void
grouptab_grow(struct grouptab *gt)
{
	size_t i, j;

	gt->nslot = gt->nslot ? gt->nslot * 2 : 64;
	free(gt->slot);
	gt->slot = calloc(gt->nslot, sizeof gt->slot[0]);
	if (!gt->slot)
		gip_fatal("out of memory");
	for (i = 0; i < gt->n; i++) {
		j = hash_bytes(0xcbf29ce484222325ULL, gt->v[i].name,
		    strlen(gt->v[i].name)) & (gt->nslot - 1);
		while (gt->slot[j])
			j = (j + 1) & (gt->nslot - 1);
		gt->slot[j] = (int)i + 1;
	}
}

/* Add the group named run->name, not in the table yet, at free slot j. */
static struct group *
group_new(struct run *run, const struct report *rep, size_t j)
{
	struct grouptab *gt = &run->groups;
	struct group *g;
	const char *v;
	int i;

	if (gt->n == gt->cap) {
		gt->cap = gt->cap ? gt->cap * 2 : 16;
		gt->v = gip_xrealloc(gt->v, gt->cap * sizeof gt->v[0]);
	}
	g = &gt->v[gt->n++];
	memset(g, 0, sizeof *g);
	g->name = gip_xstrdup(run->name);
	for (i = 0; i < run->nfields; i++)
		if (run->fields[i] != F_SOURCE &&
		    (v = report_field(rep, run->fields[i])) != NULL)
			g->field[run->fields[i]] = gip_xstrdup(v);
	gt->slot[j] = (int)gt->n;
	if (gt->n * 2 > gt->nslot)
		grouptab_grow(gt);
	return g;
}

static struct group *
group_get(struct run *run, const struct report *rep)
{
	struct grouptab *gt = &run->groups;
	size_t j;

	if (gt->nslot == 0)
		grouptab_grow(gt);
	j = hash_bytes(0xcbf29ce484222325ULL, run->name, run->namelen) &
	    (gt->nslot - 1);
	for (; gt->slot[j]; j = (j + 1) & (gt->nslot - 1))
		if (strcmp(gt->v[gt->slot[j] - 1].name, run->name) == 0)
			return &gt->v[gt->slot[j] - 1];
	return group_new(run, rep, j);
}

static void
group_reserve(struct group *g, size_t nkeys)
{
	size_t cap = g->cap ? g->cap : 256;

	if (nkeys <= g->cap)
		return;
	while (cap < nkeys)
		cap *= 2;
	g->sum = gip_xrealloc(g->sum, cap * sizeof g->sum[0]);
	g->seen = gip_xrealloc(g->seen, cap);
	memset(g->sum + g->cap, 0, (cap - g->cap) * sizeof g->sum[0]);
	memset(g->seen + g->cap, 0, cap - g->cap);
	g->cap = cap;
}

static int
group_add(struct run *run, struct group *g, int id, const struct item *it)
{
	const struct key *k;

	if (it->blank) {
		if (g->seen[id] == SEEN_NONE)
			g->seen[id] = SEEN_BLANK;
		return 0;
	}
	g->seen[id] = SEEN_VALUE;
	if (num_add(&g->sum[id], it->value) == NUM_OK)
		return 0;
	k = &run->keys.v[id];
	gip_error(run->rep.file, it->line, "sum of %s %s %s overflows",
	    k->table, k->row, k->col);
	return -1;
}

static int
count_add(struct run *run, int64_t *acc, int64_t v, const char *what)
{
	if (num_add(acc, v) == NUM_OK)
		return 0;
	gip_error(run->rep.file, run->rep.line, "count of %s overflows", what);
	return -1;
}

/* Add the report read so far to its group. */
static int
report_flush(struct run *run)
{
	struct report *rep = &run->rep;
	struct group *g;
	const struct item *it;
	int rollup = !rep->has36;
	size_t i;

	if (rep->line == 0)
		return 0;
	if (make_name(run, rep) != 0)
		return -1;
	g = group_get(run, rep);
	group_reserve(g, run->keys.n);
	if (count_add(run, &g->reports, rep->is_sum ? rep->reports : 1,
	    "reports") != 0 || count_add(run, &g->blanks, rep->blanks +
	    (rep->is_sum ? 0 : rep->nblank), "blanks") != 0)
		return -1;
	for (i = 0, it = rep->item; i < rep->n; i++, it++) {
		if (group_add(run, g, it->id, it) != 0)
			return -1;
		if (rollup && run->keys.v[it->id].rollup >= 0 &&
		    group_add(run, g, run->keys.v[it->id].rollup, it) != 0)
			return -1;
	}
	return 0;
}

static void
report_start(struct report *rep, const struct cells_rec *rec)
{
	const char *src = rec->field[CELL_SOURCE];
	size_t n = rec->len[CELL_SOURCE];
	int i;

	if (n + 1 > rep->srccap) {
		rep->srccap = (n + 1) * 2;
		rep->source = gip_xrealloc(rep->source, rep->srccap);
	}
	memcpy(rep->source, src, n + 1);
	rep->srclen = n;
	rep->file = rec->file;
	rep->line = rec->line;
	rep->n = 0;
	for (i = 0; i < NFIELDS; i++)
		rep->has_field[i] = 0;
	rep->is_sum = rep->has36 = 0;
	rep->last = -1;
	rep->reports = rep->blanks = rep->nblank = 0;
}

static void
report_end(struct report *rep)
{
	rep->line = 0;
}

/* A count in meta reports or blanks: a non-negative integer. */
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

static void
keep_field(struct report *rep, int f, const struct cells_rec *rec)
{
	size_t n = rec->len[CELL_VALUE];

	if (rep->has_field[f])
		return;
	if (n + 1 > rep->fieldcap[f]) {
		rep->fieldcap[f] = (n + 1) * 2;
		rep->field[f] = gip_xrealloc(rep->field[f], rep->fieldcap[f]);
	}
	memcpy(rep->field[f], rec->field[CELL_VALUE], n + 1);
	rep->has_field[f] = 1;
}

static int
on_meta(struct report *rep, const struct cells_rec *rec)
{
	const char *row = rec->field[CELL_ROW];
	int64_t v;
	int f;

	if (strcmp(row, "reports") == 0 || strcmp(row, "blanks") == 0) {
		if (parse_count(rec, &v) != 0)
			return -1;
		if (row[0] == 'r')
			rep->is_sum = 1, rep->reports += v;
		else
			rep->blanks += v;
		return 0;
	}
	if ((f = field_index(row, rec->len[CELL_ROW])) > F_SOURCE)
		keep_field(rep, f, rec);
	return 0;
}

static void
push_item(struct report *rep, int id, const struct cells_rec *rec)
{
	struct item *it;

	if (rep->n == rep->cap) {
		rep->cap = rep->cap ? rep->cap * 2 : 512;
		rep->item = gip_xrealloc(rep->item,
		    rep->cap * sizeof rep->item[0]);
	}
	it = &rep->item[rep->n++];
	it->id = id;
	it->blank = rec->blank;
	it->value = rec->value;
	it->line = rec->line;
}

static int
key_is(const struct key *k, const struct cells_rec *rec)
{
	return k->clen == rec->len[CELL_COL] && k->rlen == rec->len[CELL_ROW] &&
	    k->tlen == rec->len[CELL_TABLE] &&
	    memcmp(k->col, rec->field[CELL_COL], k->clen) == 0 &&
	    memcmp(k->row, rec->field[CELL_ROW], k->rlen) == 0 &&
	    memcmp(k->table, rec->field[CELL_TABLE], k->tlen) == 0;
}

/*
 * Reports list their cells in one order: try the key that came after the
 * previous one last time before hashing.
 */
static int
cell_key(struct keytab *kt, struct report *rep, const struct cells_rec *rec)
{
	int id = rep->last < 0 ? kt->first : kt->v[rep->last].next;

	if (id < 0 || !key_is(&kt->v[id], rec)) {
		id = key_id(kt, rec->field[CELL_TABLE], rec->len[CELL_TABLE],
		    rec->field[CELL_ROW], rec->len[CELL_ROW],
		    rec->field[CELL_COL], rec->len[CELL_COL]);
		if (rep->last < 0)
			kt->first = id;
		else
			kt->v[rep->last].next = id;
	}
	return rep->last = id;
}

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct run *run = arg;
	struct report *rep = &run->rep;
	int id;

	if (rep->line == 0 || rep->srclen != rec->len[CELL_SOURCE] ||
	    memcmp(rep->source, rec->field[CELL_SOURCE], rep->srclen) != 0) {
		if (report_flush(run) != 0)
			return -1;
		report_start(rep, rec);
	}
	if (rec->len[CELL_TABLE] == 4 &&
	    memcmp(rec->field[CELL_TABLE], "meta", 4) == 0)
		return on_meta(rep, rec);
	id = cell_key(&run->keys, rep, rec);
	if (run->keys.v[id].is36)
		rep->has36 = 1;
	rep->nblank += rec->blank;
	push_item(rep, id, rec);
	return 0;
}

/* Read one input; its last report ends with it. */
static int
process(struct run *run, const char *path)
{
	int rc = cells_read(path, on_cell, run);

	if (rc == 0)
		rc = report_flush(run);
	report_end(&run->rep);
	return rc;
}

static const struct key *sort_keys;

static int
cmp_rank(int a, int b)
{
	return a < b ? -1 : a > b;
}

static int
cmp_key(const void *a, const void *b)
{
	const struct key *x = &sort_keys[*(const int *)a];
	const struct key *y = &sort_keys[*(const int *)b];
	int c;

	if ((c = cmp_rank(x->rank[0], y->rank[0])) != 0 ||
	    (c = cmp_rank(x->rank[1], y->rank[1])) != 0)
		return c;
	if ((c = strcmp(x->row, y->row)) != 0 ||
	    (c = cmp_rank(x->rank[2], y->rank[2])) != 0)
		return c;
	return strcmp(x->col, y->col);
}

static int
cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	return strcmp(x->name, y->name);
}

static void
print_count(const char *group, const char *row, int64_t v)
{
	char buf[NUM_MAXLEN];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	tsv_cell(stdout, group, "meta", row, "-", buf);
}

static void
print_group(const struct run *run, const struct group *g, const int *order)
{
	char buf[NUM_MAXLEN];
	const struct key *k;
	size_t i;
	int f;

	for (i = 0; i < (size_t)run->nfields; i++)
		if ((f = run->fields[i]) != F_SOURCE && g->field[f])
			tsv_cell(stdout, g->name, "meta", field_names[f], "-",
			    g->field[f]);
	print_count(g->name, "reports", g->reports);
	print_count(g->name, "blanks", g->blanks);
	for (i = 0; i < run->keys.n; i++) {
		if (g->seen[order[i]] == SEEN_NONE)
			continue;
		k = &run->keys.v[order[i]];
		buf[0] = '\0';
		if (g->seen[order[i]] == SEEN_VALUE)
			num_format(g->sum[order[i]], buf);
		tsv_cell(stdout, g->name, k->table, k->row, k->col, buf);
	}
}

static void
print_sums(struct run *run, int header)
{
	int *order = gip_xmalloc(run->keys.n * sizeof order[0]);
	size_t i;

	for (i = 0; i < run->keys.n; i++)
		order[i] = (int)i;
	sort_keys = run->keys.v;
	qsort(order, run->keys.n, sizeof order[0], cmp_key);
	qsort(run->groups.v, run->groups.n, sizeof run->groups.v[0],
	    cmp_group);
	if (header)
		tsv_cell(stdout, "source", "table", "row", "col", "value");
	for (i = 0; i < run->groups.n; i++) {
		group_reserve(&run->groups.v[i], run->keys.n);
		print_group(run, &run->groups.v[i], order);
	}
	free(order);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"header", no_argument, NULL, 'H'},
		{"group", required_argument, NULL, 'g'},
		{"group-regex", required_argument, NULL, 'G'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	static struct run run;
	int c, header = 0, rc = 0;

	gip_init("gip-sum");
	while ((c = getopt_long(argc, argv, "G:Hg:", longopts, NULL)) != -1)
		switch (c) {
		case 'G':
			if (run.re)
				gip_fatal("-G given twice");
			compile_regex(&run, optarg);
			break;
		case 'H':
			header = 1;
			break;
		case 'g':
			parse_fields(&run, optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return gip_finish();
		case 'V':
			gip_version();
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	keytab_grow(&run.keys);
	run.keys.first = -1;
	if (argc == 0)
		rc = process(&run, "-");
	for (c = 0; c < argc && rc == 0; c++)
		rc = process(&run, argv[c]);
	if (rc != 0)
		return GIP_TROUBLE;
	print_sums(&run, header);
	return gip_finish();
}
