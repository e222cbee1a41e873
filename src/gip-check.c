/*
 * gip-check: check the cells of annual reports against the identities of
 * their template and for plausibility (gip-check(1), "Rules"), and write
 * findings TSV.  A report is a run of cells with the same source; it is
 * checked when the run ends, so memory is bounded by one report plus a
 * few numbers per body and year for the rules that compare years.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "num.h"
#include "tmpl.h"
#include "tsv.h"

#define USAGE	"usage: gip-check [-Hpq] [-r rules] [file ...]\n"

enum rule {
	R_T3ROW, R_T3BAL, R_T3SUM7, R_T4SUM, R_MISSING, R_TEMPLATE,
	R_NEGATIVE, R_BLANK, R_YEAR, R_DIGITS, R_PROSE, R_CARRY, R_VALID,
	R_NRULES
};

static const struct {
	const char	*name;
	int		 error;
} rules[R_NRULES] = {
	{"t3-row", 1}, {"t3-bal", 1}, {"t3-sum7", 1}, {"t4-sum", 1},
	{"missing", 1}, {"template", 1}, {"negative", 1}, {"blank", 0},
	{"year", 0}, {"digits", 0}, {"prose", 0}, {"carry", 0}, {"valid", 0},
};

/* t3 rows in report order; the parts of 3.7 are T3_FIRSTPART..3.6.3. */
static const char *const t3rows[] = {
	"1", "2", "3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5",
	"3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3", "3.5.1",
	"3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6", "3.6.1", "3.6.2", "3.6.3",
	"3.7", "4",
};
enum {
	NT3ROWS = sizeof t3rows / sizeof t3rows[0],
	T3_R1 = 0, T3_R2 = 1, T3_FIRSTPART = 2, T3_36 = 20, T3_361 = 21,
	T3_363 = 23, T3_37 = 24, T3_R4 = 25
};
static const char *const t3cols[] = {"natural", "commercial", "research",
	"social", "legal", "other", "total"};
enum { NT3COLS = 7, T3_TOTAL = 6 };
static const char *const t4rows[] = {"review", "suit.direct", "suit.after"};
static const char *const t4cols[] = {"upheld", "corrected", "other",
	"pending", "total"};
enum { NT4ROWS = 3, NT4COLS = 5, T4_TOTAL = 4 };
static const char *const t2rows[] = {"20.1.rules", "20.1.normative",
	"20.5.license", "20.5.other", "20.6.penalty", "20.6.enforce",
	"20.8.fee", "20.9.procure"};
static const char *const t2cols[] = {"made", "published", "total", "prev",
	"delta", "decisions", "count", "amount", "issued", "repealed",
	"valid"};
enum {
	NT2ROWS = 8, NT2COLS = 11, T2_ISSUED = 8, T2_REPEALED = 9,
	T2_VALID = 10
};
enum { T_T2, T_T3, T_T4, NTABLES };
static const char *const tnames[NTABLES] = {"t2", "t3", "t4"};

#define MAXPROSE	32
#define MAXBAD		16
#define MAXMETA		256

struct cell {
	int64_t		 v;
	unsigned char	 seen, blank, told;
};

struct report {
	char		*source;
	size_t		 srccap;
	const char	*file;
	int		 active, nerrors;
	int		 sum;		/* a gip-sum total (meta reports) */
	char		 org[MAXMETA], year[MAXMETA], tpl[MAXMETA];
	int		 has[NTABLES];
	struct cell	 t2[NT2ROWS][NT2COLS];
	struct cell	 t3[NT3ROWS][NT3COLS];
	struct cell	 t4[NT4ROWS][NT4COLS];
	struct { int row; int64_t v; } prose[MAXPROSE];
	int		 nprose;
	char		 bad[MAXBAD][64];
	int		 nbad;
	char		*keep;		/* the cells, for -p */
	size_t		 kept, keepcap;
};

/* Plain numbers of one report, blank and absent as 0, for the identities. */
struct vals {
	int64_t		 t3[NT3ROWS][NT3COLS];
	int64_t		 t4[NT4ROWS][NT4COLS];
	/* A cell missing from a row that is there: not read, so not 0. */
	unsigned char	 t3unknown[NT3ROWS][NT3COLS];
	unsigned char	 t4unknown[NT4ROWS][NT4COLS];
	unsigned	 tpl;
};

/* A broken identity: its rule and the row or column it is about. */
struct broken {
	int		 rule, idx;
	int64_t		 expected, actual;
};
#define MAXBROKEN	(NT3ROWS + 2 * NT3COLS + NT4ROWS)

/* What one body reported for one year, for carry and valid. */
struct yearly {
	struct yearly	*next;
	char		*org, *source;
	long		 year;
	unsigned	 tpl;
	int64_t		 r2[NT3COLS], r4[NT3COLS];
	int		 has2, has4;
	int64_t		 docs[2][3];	/* issued, repealed, valid */
	int		 hasdocs[2];
};

static int opt_header, opt_pass, opt_quiet;
static unsigned rule_on = (1u << R_NRULES) - 1;
static FILE *fout;
static unsigned char t3code[512];
static struct yearly *years[4096];

static void
usage(void)
{
	fputs(USAGE, stderr);
	exit(GIP_TROUBLE);
}

static void
help(void)
{
	int i;

	fputs(USAGE, stdout);
	puts("Check cells TSV against the template identities; "
	    "write findings TSV.\n\n"
	    "  -H        write a header line before the findings\n"
	    "  -p        pass the cells of reports without errors to stdout;\n"
	    "            findings go to stderr\n"
	    "  -q        report errors only, no warnings\n"
	    "  -r rules  check only these rules (comma list)\n"
	    "  --help, --version\n");
	fputs("\nrules:", stdout);
	for (i = 0; i < R_NRULES; i++)
		printf(" %s", rules[i].name);
	putchar('\n');
	exit(gip_finish());
}

static unsigned
parse_rules(const char *list)
{
	unsigned mask = 0;
	const char *p = list, *e;
	size_t n;
	int i;

	for (; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, ",");
		n = (size_t)(e - p);
		for (i = 0; i < R_NRULES; i++)
			if (strlen(rules[i].name) == n &&
			    memcmp(rules[i].name, p, n) == 0)
				break;
		if (i == R_NRULES) {
			fprintf(stderr, "%s: unknown rule '%.*s'\n", gip_prog,
			    (int)n, p);
			usage();
		}
		mask |= 1u << i;
	}
	return mask;
}

/* ---- keys to small integers */

/* "3.3.4" -> 334; -1 unless one to three digits 1-9 joined by dots. */
static int
row_code(const char *s)
{
	int code = 0, n = 0;

	for (;;) {
		if (*s < '1' || *s > '9' || n == 3)
			return -1;
		code = code * 10 + (*s++ - '0');
		n++;
		if (*s == '\0')
			break;
		if (*s++ != '.')
			return -1;
	}
	while (n++ < 3)
		code *= 10;
	return code;
}

static void
init_keys(void)
{
	int i;

	for (i = 0; i < NT3ROWS; i++)
		t3code[row_code(t3rows[i])] = (unsigned char)(i + 1);
}

static int
t3_row(const char *s)
{
	int code = row_code(s);

	return code < 0 || code >= 512 ? -1 : t3code[code] - 1;
}

static int
find_key(const char *const *keys, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (keys[i][0] == s[0] && strcmp(keys[i], s) == 0)
			return i;
	return -1;
}

/* ---- findings */

static void
put_field(const char *s)
{
	tsv_str(fout, s);
	putc('\t', fout);
}

static const char *
numstr(int64_t v, char *buf)
{
	num_format(v, buf);
	return buf;
}

static void
finding(struct report *r, const char *source, int rule, const char *where,
    const char *expected, const char *actual, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!(rule_on & (1u << rule)))
		return;
	if (rules[rule].error)
		r->nerrors++;
	else if (opt_quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	put_field(source);
	put_field(rules[rule].name);
	put_field(rules[rule].error ? "error" : "warn");
	put_field(where);
	put_field(expected);
	put_field(actual);
	tsv_str(fout, msg);
	putc('\n', fout);
}

/* ---- reading one report */

static void
keep_cell(struct report *r, const struct cells_rec *rec)
{
	size_t need = 0;
	int i;

	for (i = CELL_TABLE; i < CELL_NFIELDS; i++)
		need += rec->len[i] + 1;
	if (r->kept + need > r->keepcap) {
		r->keepcap = (r->kept + need) * 2;
		r->keep = gip_xrealloc(r->keep, r->keepcap);
	}
	for (i = CELL_TABLE; i < CELL_NFIELDS; i++) {
		memcpy(r->keep + r->kept, rec->field[i], rec->len[i] + 1);
		r->kept += rec->len[i] + 1;
	}
}

static void
note_bad(struct report *r, const struct cells_rec *rec)
{
	if (r->nbad == MAXBAD)
		return;
	snprintf(r->bad[r->nbad++], sizeof r->bad[0], "%s:%s:%s",
	    rec->field[CELL_TABLE], rec->field[CELL_ROW],
	    rec->field[CELL_COL]);
}

static void
set_cell(struct cell *c, const struct cells_rec *rec)
{
	c->seen = 1;
	c->blank = (unsigned char)rec->blank;
	c->v = rec->value;
}

static void
take_meta(struct report *r, const struct cells_rec *rec)
{
	const char *row = rec->field[CELL_ROW];
	char *dst;

	if (strcmp(row, "org") == 0)
		dst = r->org;
	else if (strcmp(row, "year") == 0)
		dst = r->year;
	else if (strcmp(row, "template") == 0)
		dst = r->tpl;
	else if (strcmp(row, "reports") == 0) {
		r->sum = 1;
		return;
	} else
		return;
	snprintf(dst, MAXMETA, "%s", rec->field[CELL_VALUE]);
}

static void
take_prose(struct report *r, const struct cells_rec *rec)
{
	size_t i;

	for (i = 0; i < tmpl_nprose; i++)
		if (strcmp(tmpl_prose[i].row, rec->field[CELL_ROW]) == 0)
			break;
	if (i == tmpl_nprose || strcmp(rec->field[CELL_COL], "-") != 0) {
		note_bad(r, rec);
		return;
	}
	if (rec->blank || r->nprose == MAXPROSE)
		return;
	r->prose[r->nprose].row = (int)i;
	r->prose[r->nprose++].v = rec->value;
}

static void
take_table(struct report *r, const struct cells_rec *rec)
{
	const char *t = rec->field[CELL_TABLE], *row = rec->field[CELL_ROW];
	const char *col = rec->field[CELL_COL];
	int i = -1, j = -1;

	if (t[1] == '3') {
		r->has[T_T3] = 1;
		if ((i = t3_row(row)) >= 0 &&
		    (j = find_key(t3cols, NT3COLS, col)) >= 0)
			set_cell(&r->t3[i][j], rec);
	} else if (t[1] == '4') {
		r->has[T_T4] = 1;
		if ((i = find_key(t4rows, NT4ROWS, row)) >= 0 &&
		    (j = find_key(t4cols, NT4COLS, col)) >= 0)
			set_cell(&r->t4[i][j], rec);
	} else {
		r->has[T_T2] = 1;
		if ((i = find_key(t2rows, NT2ROWS, row)) >= 0 &&
		    (j = find_key(t2cols, NT2COLS, col)) >= 0)
			set_cell(&r->t2[i][j], rec);
	}
	if (i < 0 || j < 0)
		note_bad(r, rec);
}

static void
take_cell(struct report *r, const struct cells_rec *rec)
{
	const char *t = rec->field[CELL_TABLE];

	if (t[0] == 'm')
		take_meta(r, rec);
	else if (t[0] == 'p')
		take_prose(r, rec);
	else
		take_table(r, rec);
}

/* ---- the template of a report */

static unsigned
row_tpl(int i)
{
	if (i == T3_36)
		return TPL_2019;
	if (i >= T3_361 && i <= T3_363)
		return TPL_2021;
	return TPL_BOTH;
}

static int
is_part(int i, unsigned tpl)
{
	return i >= T3_FIRSTPART && i < T3_37 && (row_tpl(i) & tpl);
}

static int
row_seen(const struct cell *row, int ncols)
{
	int j;

	for (j = 0; j < ncols; j++)
		if (row[j].seen)
			return 1;
	return 0;
}

/* The template as meta states it, else as the rows show it. */
static unsigned
report_tpl(struct report *r)
{
	unsigned tpl = tmpl_from_name(r->tpl);
	int i;

	if (tpl)
		return tpl;
	if (r->tpl[0])
		finding(r, r->source, R_TEMPLATE, "meta:template", "2019|2021",
		    r->tpl, "no such template");
	if (row_seen(r->t3[T3_36], NT3COLS))
		return TPL_2019;
	for (i = T3_361; i <= T3_363; i++)
		if (row_seen(r->t3[i], NT3COLS))
			return TPL_2021;
	for (i = 0; i < NT2ROWS; i++)
		if (r->t2[i][T2_VALID].seen || r->t2[i][T2_ISSUED].seen)
			return TPL_2021;
	return TPL_2019;
}

static void
check_template_t3(struct report *r, unsigned tpl)
{
	char where[64];
	int i;

	for (i = 0; i < NT3ROWS; i++) {
		if ((row_tpl(i) & tpl) || !row_seen(r->t3[i], NT3COLS))
			continue;
		snprintf(where, sizeof where, "t3:%s", t3rows[i]);
		finding(r, r->source, R_TEMPLATE, where, tmpl_name(tpl),
		    tmpl_name(row_tpl(i)), "row of the %s template in a %s "
		    "report", tmpl_name(row_tpl(i)), tmpl_name(tpl));
	}
}

static void
check_template_t2(struct report *r, unsigned tpl)
{
	const struct tmpl_row *tr;
	char where[64];
	int i, j;

	for (i = 0; i < NT2ROWS; i++)
		for (j = 0; j < NT2COLS; j++) {
			if (!r->t2[i][j].seen)
				continue;
			tr = tmpl_find("t2", t2rows[i], tpl);
			if (tr && tmpl_col_index(tr, t2cols[j]) >= 0)
				continue;
			snprintf(where, sizeof where, "t2:%s:%s", t2rows[i],
			    t2cols[j]);
			finding(r, r->source, R_TEMPLATE, where,
			    tmpl_name(tpl), tmpl_name(tpl ^ TPL_BOTH),
			    "cell not in the %s template", tmpl_name(tpl));
		}
}

static void
check_template(struct report *r, unsigned tpl)
{
	int i;

	for (i = 0; i < r->nbad; i++)
		finding(r, r->source, R_TEMPLATE, r->bad[i], "-", "-",
		    "no such cell in either template");
	check_template_t3(r, tpl);
	check_template_t2(r, tpl);
}

/* ---- required tables, rows and cells */

static void
check_row_cells(struct report *r, const char *table, const char *row,
    const struct cell *cells, const char *const *cols, int ncols)
{
	char where[96];
	int j;

	if (!row_seen(cells, ncols)) {
		snprintf(where, sizeof where, "%s:row-missing:%s", table, row);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required row missing; its cells count as 0");
		return;
	}
	for (j = 0; j < ncols; j++) {
		if (cols[j] == NULL || cells[j].seen)
			continue;
		snprintf(where, sizeof where, "%s:cell-missing:%s:%s", table,
		    row, cols[j]);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required cell missing; it counts as 0");
	}
}

/* The t2 row's cells in t2cols order, the columns tpl lacks left NULL. */
static void
check_t2_rows(struct report *r, unsigned tpl)
{
	const char *cols[NT2COLS];
	size_t k;
	int i, j;

	for (k = 0; k < tmpl_nrows; k++) {
		if (strcmp(tmpl_rows[k].table, "t2") != 0 ||
		    !(tmpl_rows[k].templates & tpl))
			continue;
		i = find_key(t2rows, NT2ROWS, tmpl_rows[k].row);
		for (j = 0; j < NT2COLS; j++)
			cols[j] = tmpl_col_index(&tmpl_rows[k], t2cols[j]) >= 0
			    ? t2cols[j] : NULL;
		check_row_cells(r, "t2", t2rows[i], r->t2[i], cols, NT2COLS);
	}
}

static void
check_missing(struct report *r, unsigned tpl)
{
	char where[32];
	int t, i;

	for (t = 0; t < NTABLES; t++) {
		if (r->has[t])
			continue;
		snprintf(where, sizeof where, "%s:table-missing", tnames[t]);
		finding(r, r->source, R_MISSING, where, "-", "-",
		    "required table missing");
	}
	if (r->has[T_T2])
		check_t2_rows(r, tpl);
	if (r->has[T_T3])
		for (i = 0; i < NT3ROWS; i++)
			if (row_tpl(i) & tpl)
				check_row_cells(r, "t3", t3rows[i], r->t3[i],
				    t3cols, NT3COLS);
	if (r->has[T_T4])
		for (i = 0; i < NT4ROWS; i++)
			check_row_cells(r, "t4", t4rows[i], r->t4[i], t4cols,
			    NT4COLS);
}

/* ---- counts are whole numbers >= 0 */

static void
check_count(struct report *r, const char *table, const char *row,
    const char *col, const struct cell *c, int kind)
{
	char where[96], buf[NUM_MAXLEN];

	if (!c->seen || c->blank || (kind == KIND_AMOUNT && c->v >= 0))
		return;
	if (kind == KIND_SIGNED && c->v % NUM_SCALE == 0)
		return;
	if (c->v >= 0 && c->v % NUM_SCALE == 0)
		return;
	snprintf(where, sizeof where, "%s:%s:%s", table, row, col);
	finding(r, r->source, R_NEGATIVE, where, ">=0", numstr(c->v, buf),
	    c->v < 0 ? "negative %s" : "%s not a whole number",
	    kind == KIND_AMOUNT ? "amount" : "count");
}

static void
check_negative(struct report *r, unsigned tpl)
{
	const struct tmpl_row *tr;
	int i, j, k;

	for (i = 0; i < NT2ROWS; i++) {
		if ((tr = tmpl_find("t2", t2rows[i], tpl)) == NULL)
			continue;
		for (j = 0; j < NT2COLS; j++)
			if ((k = tmpl_col_index(tr, t2cols[j])) >= 0)
				check_count(r, "t2", t2rows[i], t2cols[j],
				    &r->t2[i][j], tr->kinds[k]);
	}
	for (i = 0; i < NT3ROWS; i++)
		for (j = 0; j < NT3COLS; j++)
			check_count(r, "t3", t3rows[i], t3cols[j], &r->t3[i][j],
			    KIND_COUNT);
	for (i = 0; i < NT4ROWS; i++)
		for (j = 0; j < NT4COLS; j++)
			check_count(r, "t4", t4rows[i], t4cols[j], &r->t4[i][j],
			    KIND_COUNT);
}

/* ---- the identities (gip-check(1), "Rules") */

static void
load_vals(const struct report *r, unsigned tpl, struct vals *v)
{
	int i, j;

	v->tpl = tpl;
	for (i = 0; i < NT3ROWS; i++)
		for (j = 0; j < NT3COLS; j++) {
			v->t3[i][j] = r->t3[i][j].v;
			v->t3unknown[i][j] = !r->t3[i][j].seen &&
			    row_seen(r->t3[i], NT3COLS);
		}
	for (i = 0; i < NT4ROWS; i++)
		for (j = 0; j < NT4COLS; j++) {
			v->t4[i][j] = r->t4[i][j].v;
			v->t4unknown[i][j] = !r->t4[i][j].seen &&
			    r->has[T_T4];
		}
}

static int
t3_row_unknown(const struct vals *v, int i)
{
	int j;

	for (j = 0; j < NT3COLS; j++)
		if (v->t3unknown[i][j])
			return 1;
	return 0;
}

/* Is a cell of column j unknown in row 3.7 or in any row it sums? */
static int
t3_col_unknown(const struct vals *v, int j, int parts)
{
	int i;

	for (i = 0; i < NT3ROWS; i++)
		if (v->t3unknown[i][j] && (i == T3_37 || (parts ?
		    is_part(i, v->tpl) : i == T3_R1 || i == T3_R2 ||
		    i == T3_R4)))
			return 1;
	return 0;
}

static int
t4_row_unknown(const struct vals *v, int i)
{
	int j;

	for (j = 0; j < NT4COLS; j++)
		if (v->t4unknown[i][j])
			return 1;
	return 0;
}

static int64_t
t3_applicants(const struct vals *v, int i)
{
	int64_t sum = 0;
	int j;

	for (j = 0; j < T3_TOTAL; j++)
		sum += v->t3[i][j];
	return sum;
}

static int64_t
t3_parts(const struct vals *v, int j)
{
	int64_t sum = 0;
	int i;

	for (i = T3_FIRSTPART; i < T3_37; i++)
		if (is_part(i, v->tpl))
			sum += v->t3[i][j];
	return sum;
}

static int
add_broken(struct broken *b, int n, int rule, int idx, int64_t expected,
    int64_t actual)
{
	if (expected == actual)
		return n;
	b[n].rule = rule;
	b[n].idx = idx;
	b[n].expected = expected;
	b[n].actual = actual;
	return n + 1;
}

/*
 * The broken identities, in the order of gipgen's .broken files.  Row
 * totals are checked first: the total column's balance and sum follow from
 * the applicant columns' when the row totals hold, so they are checked only
 * then, and one wrong total is reported once.
 */
static int
identities(const struct vals *v, struct broken *b)
{
	struct broken rows[NT3ROWS];
	int nrows = 0, n = 0, i, j, rowbad = 0, balok = 1;
	int64_t in;

	for (i = 0; i < NT3ROWS; i++)
		if ((row_tpl(i) & v->tpl) && !t3_row_unknown(v, i))
			nrows = add_broken(rows, nrows, R_T3ROW, i,
			    t3_applicants(v, i), v->t3[i][T3_TOTAL]);
	for (i = 0; i < nrows; i++) {
		j = rows[i].idx;
		rowbad = 1;
		if (j == T3_R1 || j == T3_R2 || j == T3_37 || j == T3_R4)
			balok = 0;
	}
	for (j = 0; j < NT3COLS; j++) {
		in = v->t3[T3_R1][j] + v->t3[T3_R2][j];
		if ((j < T3_TOTAL || balok) && !t3_col_unknown(v, j, 0))
			n = add_broken(b, n, R_T3BAL, j, in,
			    v->t3[T3_37][j] + v->t3[T3_R4][j]);
	}
	for (j = 0; j < NT3COLS; j++)
		if ((j < T3_TOTAL || !rowbad) && !t3_col_unknown(v, j, 1))
			n = add_broken(b, n, R_T3SUM7, j, t3_parts(v, j),
			    v->t3[T3_37][j]);
	memcpy(b + n, rows, nrows * sizeof rows[0]);
	n += nrows;
	for (i = 0; i < NT4ROWS; i++)
		if (!t4_row_unknown(v, i))
			n = add_broken(b, n, R_T4SUM, i, v->t4[i][0] +
			    v->t4[i][1] + v->t4[i][2] + v->t4[i][3],
			    v->t4[i][T4_TOTAL]);
	return n;
}

static void
broken_where(const struct broken *b, char *where, size_t size)
{
	switch (b->rule) {
	case R_T3BAL:
		snprintf(where, size, "t3:1+2=3.7+4:%s", t3cols[b->idx]);
		break;
	case R_T3SUM7:
		snprintf(where, size, "t3:3.7=sum(3.1-3.6):%s",
		    t3cols[b->idx]);
		break;
	case R_T3ROW:
		snprintf(where, size, "t3:total=sum(natural-other):%s",
		    t3rows[b->idx]);
		break;
	default:
		snprintf(where, size, "t4:total=sum(upheld-pending):%s",
		    t4rows[b->idx]);
	}
}

static const char *
broken_text(int rule)
{
	switch (rule) {
	case R_T3BAL:
		return "rows 1+2 (received, carried over) make %s, "
		    "rows 3.7+4 (handled, carried forward) %s";
	case R_T3SUM7:
		return "rows 3.1 to 3.6 add up to %s, row 3.7 says %s";
	case R_T3ROW:
		return "the six applicant columns add up to %s, "
		    "the total says %s";
	default:
		return "upheld+corrected+other+pending make %s, "
		    "the total says %s";
	}
}

/* Warn about each blank cell of a broken identity: it was taken as 0. */
static void
tell_blank(struct report *r, const char *table, const char *row,
    const char *col, struct cell *c, const char *where)
{
	char cw[96];

	if (!c->blank || c->told)
		return;
	c->told = 1;
	snprintf(cw, sizeof cw, "%s:%s:%s", table, row, col);
	finding(r, r->source, R_BLANK, cw, "-", "", "%s not stated; "
	    "counted as 0, which breaks %s",
	    strcmp(col, "total") == 0 ? "total" : "cell", where);
}

static void
tell_blanks(struct report *r, const struct broken *b, const char *where)
{
	static const int balrows[] = {T3_R1, T3_R2, T3_37, T3_R4};
	int i;

	if (b->rule == R_T4SUM) {
		for (i = 0; i < NT4COLS; i++)
			tell_blank(r, "t4", t4rows[b->idx], t4cols[i],
			    &r->t4[b->idx][i], where);
	} else if (b->rule == R_T3ROW) {
		for (i = 0; i < NT3COLS; i++)
			tell_blank(r, "t3", t3rows[b->idx], t3cols[i],
			    &r->t3[b->idx][i], where);
	} else if (b->rule == R_T3BAL) {
		for (i = 0; i < 4; i++)
			tell_blank(r, "t3", t3rows[balrows[i]],
			    t3cols[b->idx], &r->t3[balrows[i]][b->idx],
			    where);
	} else {
		for (i = T3_FIRSTPART; i <= T3_37; i++)
			tell_blank(r, "t3", t3rows[i], t3cols[b->idx],
			    &r->t3[i][b->idx], where);
	}
}

static void
report_broken(struct report *r, const struct broken *b, int n)
{
	char where[64], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int i;

	for (i = 0; i < n; i++) {
		broken_where(&b[i], where, sizeof where);
		numstr(b[i].expected, e);
		numstr(b[i].actual, a);
		finding(r, r->source, b[i].rule, where, e, a,
		    broken_text(b[i].rule), e, a);
		tell_blanks(r, &b[i], where);
	}
}

/* One warning per table for the blank cells no broken identity explains. */
static void
count_blanks(struct report *r, const char *table, struct cell *c,
    size_t ncells, const char *const *rows, const char *const *cols,
    int ncols)
{
	char where[32], n[24], first[64] = "";
	size_t i, count = 0;

	for (i = 0; i < ncells; i++) {
		if (!c[i].seen || !c[i].blank || c[i].told)
			continue;
		if (count++ == 0)
			snprintf(first, sizeof first, "%s:%s:%s", table,
			    rows[i / ncols], cols[i % ncols]);
	}
	if (count == 0)
		return;
	snprintf(where, sizeof where, "%s:blank", table);
	snprintf(n, sizeof n, "%zu", count);
	finding(r, r->source, R_BLANK, where, "-", n, "%zu blank cell%s "
	    "counted as 0 (the first: %s)", count, count > 1 ? "s" : "",
	    first);
}

/* ---- digits of two cells run together */

struct split {
	int		 table, row, col;	/* the cell that holds both */
	int		 into;			/* the column the parts go to */
	int64_t		 a, b;			/* a left of b */
};

static int64_t *
val_at(struct vals *v, int table, int row, int col)
{
	return table == T_T3 ? &v->t3[row][col] : &v->t4[row][col];
}

/* Split u at pow into a|b as two cells would print them. */
static int
split_at(int64_t u, int64_t pow, int64_t *a, int64_t *b)
{
	*a = u / pow;
	*b = u % pow;
	if (*b == 0)
		return pow == 10;	/* a lone 0 */
	return *b * 10 >= pow;		/* no leading 0 in b */
}

/*
 * Put the parts of the cell's value into it and an empty (0) neighbour;
 * record each split after which no identity is broken.
 */
static int
try_splits(struct vals *v, struct split at, int ncols, struct split *found,
    int nfound)
{
	struct broken scratch[MAXBROKEN];
	int64_t *cell = val_at(v, at.table, at.row, at.col), *nb, keep, pow;
	int side;

	keep = *cell;
	for (side = -1; side <= 1; side += 2) {
		at.into = at.col + side;
		if (at.into < 0 || at.into >= ncols)
			continue;
		nb = val_at(v, at.table, at.row, at.into);
		if (*nb != 0)
			continue;
		for (pow = 10; pow <= keep / NUM_SCALE; pow *= 10) {
			if (!split_at(keep / NUM_SCALE, pow, &at.a, &at.b))
				continue;
			*(side > 0 ? cell : nb) = at.a * NUM_SCALE;
			*(side > 0 ? nb : cell) = at.b * NUM_SCALE;
			if (identities(v, scratch) == 0 && nfound < 2)
				found[nfound++] = at;
		}
		*cell = keep;
		*nb = 0;
	}
	return nfound;
}

static int
involved(const struct broken *b, int n, int table, int row, int col)
{
	int i;

	for (i = 0; i < n; i++) {
		if (table == T_T4 ? b[i].rule != R_T4SUM || b[i].idx != row :
		    b[i].rule == R_T4SUM)
			continue;
		if (table == T_T4 || (b[i].rule == R_T3ROW ?
		    b[i].idx == row : b[i].idx == col))
			return 1;
	}
	return 0;
}

static int
find_splits(struct vals *v, const struct broken *b, int n,
    struct split *found)
{
	struct split at;
	int nfound = 0, rows, cols;

	for (at.table = T_T3; at.table <= T_T4; at.table++) {
		rows = at.table == T_T3 ? NT3ROWS : NT4ROWS;
		cols = at.table == T_T3 ? NT3COLS : NT4COLS;
		for (at.row = 0; at.row < rows; at.row++)
			for (at.col = 0; at.col < cols; at.col++) {
				int64_t x = *val_at(v, at.table, at.row,
				    at.col);

				if (x < 10 * NUM_SCALE || x % NUM_SCALE ||
				    !involved(b, n, at.table, at.row, at.col))
					continue;
				nfound = try_splits(v, at, cols, found,
				    nfound);
			}
	}
	return nfound;
}

/* Only a split that alone makes every broken identity hold is told. */
static void
check_digits(struct report *r, struct vals *v, const struct broken *b,
    int n)
{
	struct split s[2];
	const char *const *rows, *const *cols;
	char where[64], e[64], a[NUM_MAXLEN];

	if (n == 0 || find_splits(v, b, n, s) != 1)
		return;
	rows = s[0].table == T_T3 ? t3rows : t4rows;
	cols = s[0].table == T_T3 ? t3cols : t4cols;
	snprintf(where, sizeof where, "%s:%s:%s", tnames[s[0].table],
	    rows[s[0].row], cols[s[0].col]);
	snprintf(e, sizeof e, "%lld|%lld", (long long)s[0].a,
	    (long long)s[0].b);
	numstr(*val_at(v, s[0].table, s[0].row, s[0].col), a);
	finding(r, r->source, R_DIGITS, where, e, a, "looks like %lld and "
	    "%lld run together; with %lld in %s every identity holds",
	    (long long)s[0].a, (long long)s[0].b,
	    (long long)(s[0].into > s[0].col ? s[0].b : s[0].a),
	    cols[s[0].into]);
}

/* ---- the prose against the tables (P-TEXT) */

static int
prose_cell(struct report *r, const struct tmpl_prose *tp, int64_t *sum)
{
	int k, i, j;

	*sum = 0;
	for (k = 0; k < 2 && tp->cellrows[k]; k++) {
		if (tp->table[1] == '3') {
			i = t3_row(tp->cellrows[k]);
			j = find_key(t3cols, NT3COLS, tp->col);
			if (!r->has[T_T3] || i < 0 || j < 0)
				return 0;
			*sum += r->t3[i][j].v;
		} else {
			i = find_key(t4rows, NT4ROWS, tp->cellrows[k]);
			j = find_key(t4cols, NT4COLS, tp->col);
			if (!r->has[T_T4] || i < 0 || j < 0)
				return 0;
			*sum += r->t4[i][j].v;
		}
	}
	return 1;
}

static void
check_prose(struct report *r)
{
	const struct tmpl_prose *tp;
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int64_t sum;
	int i;

	for (i = 0; i < r->nprose; i++) {
		tp = &tmpl_prose[r->prose[i].row];
		if (!prose_cell(r, tp, &sum) || sum == r->prose[i].v)
			continue;
		snprintf(where, sizeof where, "prose:%s=%s:%s%s%s:%s", tp->row,
		    tp->table, tp->cellrows[0], tp->cellrows[1] ? "+" : "",
		    tp->cellrows[1] ? tp->cellrows[1] : "", tp->col);
		finding(r, r->source, R_PROSE, where, numstr(sum, e),
		    numstr(r->prose[i].v, a), "the text states %s %s, "
		    "the table %s", a, tp->what, e);
	}
}

/* ---- the template fits the year (P-YEAR) */

static long
report_year(const struct report *r)
{
	char *end;
	long y = strtol(r->year, &end, 10);

	return *end == '\0' && y > 1900 && y < 3000 ? y : 0;
}

static void
check_year(struct report *r, unsigned tpl)
{
	long y = report_year(r);

	if (y == 0 || !r->tpl[0])
		return;
	if (tpl == TPL_2019 && y >= 2022)
		finding(r, r->source, R_YEAR, "meta:template", "2021", "2019",
		    "2019 template in a report for %ld; the 2021 template "
		    "applies from 2021", y);
	else if (tpl == TPL_2021 && y == 2020)
		finding(r, r->source, R_YEAR, "meta:template", "2019", "2021",
		    "2021 template in a report for 2020 (early adoption)");
	else if (tpl == TPL_2021 && y < 2020)
		finding(r, r->source, R_YEAR, "meta:template", "2019", "2021",
		    "2021 template in a report for %ld, before it was "
		    "issued", y);
}

/* ---- one body over the years (P-CARRY, P-VALID) */

static unsigned
hash_org(const char *s, long year)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	h = (h ^ (uint32_t)year) * 16777619u;
	return h % (sizeof years / sizeof years[0]);
}

static struct yearly *
find_year(const char *org, long year)
{
	struct yearly *y;

	for (y = years[hash_org(org, year)]; y; y = y->next)
		if (y->year == year && strcmp(y->org, org) == 0)
			return y;
	return NULL;
}

static void
fill_year(struct yearly *y, const struct report *r, unsigned tpl)
{
	int j, i;

	free(y->source);
	y->source = gip_xstrdup(r->source);
	y->tpl = tpl;
	y->has2 = row_seen(r->t3[T3_R2], NT3COLS);
	y->has4 = row_seen(r->t3[T3_R4], NT3COLS);
	for (j = 0; j < NT3COLS; j++) {
		y->r2[j] = r->t3[T3_R2][j].v;
		y->r4[j] = r->t3[T3_R4][j].v;
	}
	for (i = 0; i < 2; i++) {
		y->hasdocs[i] = tpl == TPL_2021 &&
		    r->t2[i][T2_VALID].seen && !r->t2[i][T2_VALID].blank;
		for (j = 0; j < 3; j++)
			y->docs[i][j] = r->t2[i][T2_ISSUED + j].v;
	}
}

static struct yearly *
add_year(const struct report *r, long year, unsigned tpl)
{
	struct yearly *y = find_year(r->org, year);
	unsigned h;

	if (y == NULL) {
		y = gip_xmalloc(sizeof *y);
		memset(y, 0, sizeof *y);
		y->org = gip_xstrdup(r->org);
		y->year = year;
		h = hash_org(r->org, year);
		y->next = years[h];
		years[h] = y;
	}
	fill_year(y, r, tpl);
	return y;
}

static void
compare_carry(struct report *r, const struct yearly *prev,
    const struct yearly *cur)
{
	char where[64], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int j;

	if (!prev->has4 || !cur->has2)
		return;
	for (j = 0; j < NT3COLS; j++) {
		if (prev->r4[j] == cur->r2[j])
			continue;
		snprintf(where, sizeof where, "t3:2:%s", t3cols[j]);
		finding(r, cur->source, R_CARRY, where, numstr(prev->r4[j], e),
		    numstr(cur->r2[j], a), "carried over from %ld: %s, but "
		    "%s carried %s forward", prev->year, a, prev->source, e);
	}
}

static void
compare_valid(struct report *r, const struct yearly *prev,
    const struct yearly *cur)
{
	char where[64], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int64_t want;
	int i;

	for (i = 0; i < 2; i++) {
		if (!prev->hasdocs[i] || !cur->hasdocs[i])
			continue;
		want = prev->docs[i][2] + cur->docs[i][0] - cur->docs[i][1];
		if (want == cur->docs[i][2])
			continue;
		snprintf(where, sizeof where, "t2:%s:valid", t2rows[i]);
		finding(r, cur->source, R_VALID, where, numstr(want, e),
		    numstr(cur->docs[i][2], a), "valid %s, but %ld's valid "
		    "plus issued minus repealed make %s", a, prev->year, e);
	}
}

static void
check_years(struct report *r, unsigned tpl)
{
	const struct yearly *cur, *other;
	long y = report_year(r);

	if (y == 0 || r->org[0] == '\0' ||
	    !(rule_on & (1u << R_CARRY | 1u << R_VALID)))
		return;
	cur = add_year(r, y, tpl);
	if ((other = find_year(r->org, y - 1)) != NULL) {
		compare_carry(r, other, cur);
		compare_valid(r, other, cur);
	}
	if ((other = find_year(r->org, y + 1)) != NULL) {
		compare_carry(r, cur, other);
		compare_valid(r, cur, other);
	}
}

/* ---- one report: begin, end */

static void
report_begin(struct report *r, const struct cells_rec *rec)
{
	char *source = r->source, *keep = r->keep;
	size_t srccap = r->srccap, keepcap = r->keepcap;

	memset(r, 0, sizeof *r);
	r->source = source, r->srccap = srccap;
	r->keep = keep, r->keepcap = keepcap;
	if (rec->len[CELL_SOURCE] + 1 > r->srccap) {
		r->srccap = rec->len[CELL_SOURCE] + 64;
		r->source = gip_xrealloc(r->source, r->srccap);
	}
	memcpy(r->source, rec->field[CELL_SOURCE], rec->len[CELL_SOURCE] + 1);
	r->file = rec->file;
	r->active = 1;
}

static void
pass_through(const struct report *r)
{
	const char *f[4];
	size_t off = 0;
	int i;

	while (off < r->kept) {
		for (i = 0; i < 4; i++) {
			f[i] = r->keep + off;
			off += strlen(f[i]) + 1;
		}
		tsv_cell(stdout, r->source, f[0], f[1], f[2], f[3]);
	}
}

static void
report_end(struct report *r)
{
	struct broken b[MAXBROKEN];
	struct vals v;
	unsigned tpl;
	int n;

	r->active = 0;
	tpl = report_tpl(r);
	if (!r->sum) {
		check_template(r, tpl);
		check_missing(r, tpl);
	}
	check_negative(r, tpl);
	load_vals(r, tpl, &v);
	n = identities(&v, b);
	report_broken(r, b, n);
	if (rule_on & (1u << R_DIGITS))
		check_digits(r, &v, b, n);
	count_blanks(r, "t2", &r->t2[0][0], NT2ROWS * NT2COLS, t2rows,
	    t2cols, NT2COLS);
	count_blanks(r, "t3", &r->t3[0][0], NT3ROWS * NT3COLS, t3rows,
	    t3cols, NT3COLS);
	count_blanks(r, "t4", &r->t4[0][0], NT4ROWS * NT4COLS, t4rows,
	    t4cols, NT4COLS);
	if (!r->sum) {
		check_prose(r);
		check_year(r, tpl);
		check_years(r, tpl);
	}
	if (r->nerrors)
		gip_status(GIP_FOUND);
	else if (opt_pass)
		pass_through(r);
	gip_check_output(stdout);
}

/* ---- main */

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct report *r = arg;

	if (r->active && strcmp(r->source, rec->field[CELL_SOURCE]) != 0)
		report_end(r);
	if (!r->active)
		report_begin(r, rec);
	if (opt_pass)
		keep_cell(r, rec);
	take_cell(r, rec);
	return 0;
}

/* A report cut short by bad input is not checked: its rows would be. */
static void
process(const char *path)
{
	static struct report r;

	if (cells_read(path, on_cell, &r) == 0 && r.active)
		report_end(&r);
	r.active = 0;
}

static void
write_header(void)
{
	fputs("source\trule\tseverity\twhere\texpected\tactual\tmessage\n",
	    fout);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	static char errbuf[1 << 16];
	int c, i;

	gip_init("gip-check");
	while ((c = getopt_long(argc, argv, "Hpqr:", longopts, NULL)) != -1)
		switch (c) {
		case 'H': opt_header = 1; break;
		case 'p': opt_pass = 1; break;
		case 'q': opt_quiet = 1; break;
		case 'r': rule_on = parse_rules(optarg); break;
		case 'h': help(); break;
		case 'V': gip_version(); break;
		default: usage();
		}
	init_keys();
	fout = stdout;
	if (opt_pass) {
		fout = stderr;
		setvbuf(stderr, errbuf, _IOFBF, sizeof errbuf);
	}
	if (opt_header)
		write_header();
	if (optind == argc)
		process("-");
	for (i = optind; i < argc; i++)
		process(argv[i]);
	if (opt_pass)
		gip_check_output(stderr);
	return gip_finish();
}
