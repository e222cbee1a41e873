/*
 * The cross-year store and its comparisons (years.h).  A body's year is
 * kept compactly, since one is kept for every report of a stream: its
 * figures as variable-length numbers in one byte store, with its org
 * (shared with the body's other years where one is kept) and source; the
 * records are indexed by an open-addressed table of their numbers.  A
 * year is unpacked only to be compared.  About 100 bytes a body and
 * year, where a record of allocated strings and 16-byte figures took
 * 600.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "findings.h"
#include "hash.h"
#include "num.h"
#include "stated.h"
#include "years.h"

#define YC_MAX		64

/* One cell a carry uses, as one year's report printed it. */
struct yfigure {
	int64_t		 v;
	int32_t		 line;		/* a report's line: < 2^31 */
	unsigned char	 stated;	/* seen and not blank */
	unsigned char	 rowseen;
};

/* What one body reported for one year, unpacked: the cells the carries
 * use (nyc of them). */
struct yearly {
	const char	*org, *source;
	long		 year;
	unsigned	 tpl;
	struct yfigure	 c[YC_MAX];
};

/* The same as kept: offsets into the byte store. */
struct ykept {
	size_t		 org, source, figs;	/* figs: nyc (value, line) */
	uint64_t	 stated, rowseen;	/* bit s: slot s */
	uint64_t	 orghash;	/* hash_bytes of the org */
	long		 year;
	unsigned	 tpl;
};

static int ycell[YC_MAX], nyc;		/* the cells, by ck index */
static struct ykept *kept;
static size_t nkept, keptcap;
static unsigned char *bytes;		/* strings and packed figures */
static size_t used, bytescap;
static uint64_t *slot;			/* index: kept number + 1, its year
					   hash's top half above; 0: empty */
static size_t nslot;

static int
slot_of(const struct ck_table *t, int i, int j)
{
	int c = ck_cell(t, i, j), s;

	for (s = 0; s < nyc; s++)
		if (ycell[s] == c)
			return s;
	if (nyc == YC_MAX)
		gip_fatal("template: more than %d cells carry", YC_MAX);
	ycell[nyc] = c;
	return nyc++;
}

/* The slots of a carry's line: this year's cell, last year's, plus, minus. */
struct line {
	int	 now, prev, plus, minus;
};

static struct line
carry_line(const struct tmpl_carry *k, const struct ck_table *t,
    const char *row, int j)
{
	int i = ck_row(t, row), pi = ck_row(t, k->prevrow ? k->prevrow : row);
	int pj = k->prevcol ? ck_col(t, k->prevcol) : j;
	struct line l;

	if (i < 0 || pi < 0 || pj < 0)
		gip_fatal("template: a carry names no cell");
	l.now = slot_of(t, i, j);
	l.prev = slot_of(t, pi, pj);
	l.plus = k->plus ? slot_of(t, i, ck_col(t, k->plus)) : -1;
	l.minus = k->minus ? slot_of(t, i, ck_col(t, k->minus)) : -1;
	return l;
}

/* Room for n more bytes in the store; returns where they go. */
static size_t
room(size_t n)
{
	if (n > bytescap - used) {
		if (n > SIZE_MAX / 4 - used)
			gip_fatal("too many years kept");
		bytescap = (used + n) * 2;
		bytes = gip_xrealloc(bytes, bytescap);
	}
	return used;
}

static size_t
keep_string(const char *s)
{
	size_t n = strlen(s) + 1, at = room(n);

	memcpy(bytes + at, s, n);
	used += n;
	return at;
}

/* Unsigned LEB128: most figures and lines take one or two bytes. */
static void
put_varint(uint64_t x)
{
	size_t at = room(10);

	while (x >= 0x80) {
		bytes[at++] = (unsigned char)(x | 0x80);
		x >>= 7;
	}
	bytes[at++] = (unsigned char)x;
	used = at;
}

static uint64_t
get_varint(size_t *at)
{
	uint64_t x = 0;
	int shift = 0;

	while (bytes[*at] & 0x80) {
		x |= (uint64_t)(bytes[(*at)++] & 0x7f) << shift;
		shift += 7;
	}
	return x | (uint64_t)bytes[(*at)++] << shift;
}

#define SLOT_KEPT	0xFFFFFFFFULL	/* a slot's kept number + 1 */

static uint64_t
year_hash(uint64_t oh, long year)
{
	return oh ^ (uint64_t)year * 0x9e3779b97f4a7c15ULL;
}

/*
 * The index slot of a body's year (oh: its org's hash_bytes), or the
 * empty one where it would go.  A slot holds the top half of its year's
 * hash: most slots that are not the year are passed over without
 * reading their record and org (a miss each, a report checks 7 years).
 */
static uint64_t *
probe(const char *org, uint64_t oh, long year)
{
	uint64_t h = year_hash(oh, year);
	size_t j = h & (nslot - 1);
	const struct ykept *y;

	for (;; j = (j + 1) & (nslot - 1)) {
		if (slot[j] == 0)
			return &slot[j];
		if ((slot[j] & ~SLOT_KEPT) != (h & ~SLOT_KEPT))
			continue;
		y = &kept[(slot[j] & SLOT_KEPT) - 1];
		if (y->year == year && y->orghash == oh &&
		    strcmp((char *)bytes + y->org, org) == 0)
			return &slot[j];
	}
}

static void
grow_index(void)
{
	uint64_t *old = slot;
	size_t nold = nslot, i;
	const struct ykept *y;

	if (nslot > SIZE_MAX / 4 / sizeof *slot || nkept >= SLOT_KEPT - 1)
		gip_fatal("too many years kept");
	nslot = nslot ? 2 * nslot : 1024;
	slot = gip_xmalloc(nslot * sizeof *slot);
	memset(slot, 0, nslot * sizeof *slot);
	for (i = 0; i < nold; i++)
		if (old[i] != 0) {
			y = &kept[(old[i] & SLOT_KEPT) - 1];
			*probe((char *)bytes + y->org, y->orghash, y->year) =
			    old[i];
		}
	free(old);
}

static struct ykept *
find_kept(const char *org, uint64_t oh, long year)
{
	uint64_t *s;

	if (nslot == 0)
		return NULL;
	s = probe(org, oh, year);
	return *s ? &kept[(*s & SLOT_KEPT) - 1] : NULL;
}

/* A kept year unpacked for comparing; 0 when there is none. */
static int
find_year(const char *org, uint64_t oh, long year, struct yearly *y)
{
	const struct ykept *k = find_kept(org, oh, year);
	uint64_t z;
	size_t at;
	int s;

	if (k == NULL)
		return 0;
	y->org = (char *)bytes + k->org;
	y->source = (char *)bytes + k->source;
	y->year = k->year;
	y->tpl = k->tpl;
	for (s = 0, at = k->figs; s < nyc; s++) {
		z = get_varint(&at);
		y->c[s].v = (int64_t)((z >> 1) ^ -(z & 1));	/* zigzag */
		y->c[s].line = (int32_t)get_varint(&at);
		y->c[s].stated = (unsigned char)(k->stated >> s & 1);
		y->c[s].rowseen = (unsigned char)(k->rowseen >> s & 1);
	}
	return 1;
}

/* The figures of r for its kept year k: packed at the end of the store. */
static void
fill_year(struct ykept *k, const struct report *r, unsigned tpl)
{
	const struct ck_table *t;
	const struct cell *c;
	uint64_t v;
	int s, i, j;

	k->source = keep_string(r->source);
	k->tpl = tpl;
	k->figs = used;
	k->stated = k->rowseen = 0;
	for (s = 0; s < nyc; s++) {
		c = &r->cell[ycell[s]];
		t = ck_place(ycell[s], &i, &j);
		k->rowseen |= (uint64_t)(report_row_seen(r, t, i) != 0) << s;
		k->stated |= (uint64_t)(c->seen && !c->blank) << s;
		v = (uint64_t)c->v;
		put_varint(v << 1 ^ -(v >> 63));		/* zigzag */
		put_varint(c->line > INT32_MAX || c->line < 0 ? 0 :
		    (uint64_t)c->line);
	}
}

/*
 * Keep r as its body's year (again: the later report's figures replace
 * the earlier's), and return it unpacked in y.
 */
static void
add_year(const struct report *r, uint64_t oh, long year, unsigned tpl,
    struct yearly *y)
{
	struct ykept *k = find_kept(r->org.s, oh, year), *near;
	uint64_t *s;

	if (k == NULL) {
		if (nkept + 1 > nslot / 2)
			grow_index();
		if (nkept == keptcap) {
			if (keptcap > SIZE_MAX / 4 / sizeof *kept)
				gip_fatal("too many years kept");
			keptcap = keptcap ? 2 * keptcap : 256;
			kept = gip_xrealloc(kept, keptcap * sizeof *kept);
		}
		k = &kept[nkept];
		memset(k, 0, sizeof *k);
		/* the org once per body, where a year of it is kept */
		if ((near = find_kept(r->org.s, oh, year - 1)) == NULL)
			near = find_kept(r->org.s, oh, year + 1);
		k->org = near ? near->org : keep_string(r->org.s);
		k->orghash = oh;
		k->year = year;
		s = probe(r->org.s, oh, year);
		*s = (year_hash(oh, year) & ~SLOT_KEPT) | ++nkept;
	}
	fill_year(k, r, tpl);
	(void)find_year(r->org.s, oh, year, y);
}

/* Last year's figure with this year's plus and minus; 0 on overflow. */
static int
carried(const struct yearly *prev, const struct yearly *cur,
    struct line l, int64_t *want)
{
	*want = prev->c[l.prev].v;
	if (l.plus >= 0 && num_add(want, cur->c[l.plus].v) != NUM_OK)
		return 0;
	if (l.minus >= 0 && (cur->c[l.minus].v == INT64_MIN ||
	    num_add(want, -cur->c[l.minus].v) != NUM_OK))
		return 0;
	return 1;
}

/*
 * A figure for all columns of a row is there when its row is; a figure
 * of one column when the cell states a number.
 */
static void
compare_line(struct report *r, const struct tmpl_carry *k,
    const struct ck_table *t, const char *row, int j,
    const struct yearly *prev, const struct yearly *cur)
{
	struct line l = carry_line(k, t, row, j);
	char where[96], e[NUM_MAXLEN], a[NUM_MAXLEN];
	int64_t want;

	if (k->col ? !prev->c[l.prev].stated || !cur->c[l.now].stated :
	    !prev->c[l.prev].rowseen || !cur->c[l.now].rowseen)
		return;
	if (!carried(prev, cur, l, &want) || want == cur->c[l.now].v)
		return;
	snprintf(where, sizeof where, "%s:%s:%s", t->name, row, t->cols[j]);
	num_format(want, e);
	num_format(cur->c[l.now].v, a);
	if (!k->plus && !k->minus)
		finding(r, cur->source, cur->c[l.now].line, fnd_rule(k->rule), where, e, a,
		    "carried over from %ld: %s, but %s carried %s forward",
		    prev->year, a, prev->source, e);
	else
		finding(r, cur->source, cur->c[l.now].line, fnd_rule(k->rule), where, e, a,
		    "%s %s, but %ld's %s%s%s%s%s make %s", t->cols[j], a,
		    prev->year, k->prevcol ? k->prevcol : t->cols[j],
		    k->plus ? " plus " : "", k->plus ? k->plus : "",
		    k->minus ? " minus " : "", k->minus ? k->minus : "", e);
}

/* A pair of years, for compare_line, or none: only the slots are made. */
struct pair {
	struct report		*r;
	const struct yearly	*prev, *cur;
};

/* Each line of each carry that applies to both years' templates. */
static void
each_line(const struct pair *p)
{
	const struct tmpl_carry *k;
	const struct ck_table *t;
	size_t n;
	int i, j;

	for (n = 0; n < tmpl_ncarries; n++) {
		k = &tmpl_carries[n];
		if (p && (!(p->prev->tpl & k->templates) ||
		    !(p->cur->tpl & k->templates)))
			continue;
		t = ck_table(ck_table_index(k->table));
		for (i = 0; k->rows[i]; i++)
			for (j = 0; j < t->ncols; j++) {
				if (k->col && strcmp(t->cols[j], k->col) != 0)
					continue;
				if (p)
					compare_line(p->r, k, t, k->rows[i], j,
					    p->prev, p->cur);
				else
					(void)carry_line(k, t, k->rows[i], j);
			}
	}
}

static void
compare(struct report *r, const struct yearly *prev,
    const struct yearly *cur)
{
	struct pair p = {r, prev, cur};

	each_line(&p);
}

/*
 * Is a rule of a carry on?  Asked once: the rules are chosen before the
 * first report (fnd_rule looks a rule up by name, a carry a report).
 */
static int
any_on(void)
{
	static int on = -1;
	size_t n;

	if (on >= 0)
		return on;
	for (on = 0, n = 0; n < tmpl_ncarries; n++)
		if (fnd_on(fnd_rule(tmpl_carries[n].rule)))
			on = 1;
	return on;
}

void
check_years(struct report *r, unsigned tpl)
{
	struct yearly cur, other;
	long y = report_year(r);
	uint64_t oh;

	if (y == 0 || r->org.s[0] == '\0' || !any_on())
		return;
	if (nyc == 0)
		each_line(NULL);	/* every cell a carry uses: a slot */
	oh = hash_bytes(r->org.s, strlen(r->org.s));
	add_year(r, oh, y, tpl, &cur);
	if (find_year(r->org.s, oh, y - 1, &other))
		compare(r, &other, &cur);
	if (find_year(r->org.s, oh, y + 1, &other))
		compare(r, &cur, &other);
}
