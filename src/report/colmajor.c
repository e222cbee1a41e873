/* Tables printed in reading order (colmajor.h). */
#include <string.h>

#include "colmajor.h"
#include "tmpl.h"
#include "value.h"

#define CM_MAXROWS	32
#define CM_MAXTOK	(CM_MAXROWS * TMPL_MAXCOLS)
#define CM_PIECE	64
/* Steps of the search for readings at most (0.1 s): the blocks of real
 * extractions allow a few readings at each; beyond it nothing is
 * placed. */
#define CM_MAXSTEPS	100000

/* A number printed on a line of its own or with other numbers only. */
struct tok {
	long long	 n;
	char		 num[VALUE_MAX];
	long		 line;
	int		 block;		/* blocks: runs of number lines */
	int		 off, size;	/* its place in its block, its size */
	int		 single;	/* its block has one number a line */
	int		 folio;		/* alone on a page's last line */
};

struct stream {
	struct tok	 tok[CM_MAXTOK];
	int		 n;
};

/* The rows seen, in template order, and the template's columns. */
struct shape {
	const char	*table;
	const struct tmpl_row *row[CM_MAXROWS];
	int		 nrow, ncol;
};

/* The search for readings: at[j][c] is the token of row j, column c. */
struct reading {
	const struct shape *sh;
	const struct stream *s;
	int		 at[CM_MAXROWS][TMPL_MAXCOLS];
	int		 best[CM_MAXROWS][TMPL_MAXCOLS];
	int		 nsol, differ, capped;
	long		 steps;
};

static int
is_space(const char *p, const char *e)
{
	return *p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' ||
	    (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0);	/* U+3000 */
}

/* One count: digits, a unit or separators value.c reads as a whole
 * number; 0 when it is anything else. */
static int
as_count(const char *p, size_t len, struct tok *t)
{
	char buf[CM_PIECE];
	struct value v;
	const char *d;
	long long n = 0;

	if (len >= sizeof buf)
		return 0;
	memcpy(buf, p, len);
	buf[len] = '\0';
	value_parse(buf, &v);
	if (v.kind != V_NUMBER || v.unit != UNIT_NONE || v.num[0] == '\0')
		return 0;
	for (d = v.num; *d; d++)
		if (*d < '0' || *d > '9' || __builtin_mul_overflow(n, 10, &n) ||
		    __builtin_add_overflow(n, *d - '0', &n))
			return 0;
	t->n = n;
	strcpy(t->num, v.num);
	return 1;
}

/*
 * The numbers of line p..e into out (room for `room`): how many, 0 for a
 * blank line, -1 for a line with anything else (or too many).
 */
static int
number_line(const char *p, const char *e, struct tok *out, int room)
{
	const char *w;
	int k = 0;

	for (;;) {
		while (p < e && is_space(p, e))
			p += (unsigned char)*p == 0xe3 ? 3 : 1;
		if (p == e)
			return k;
		for (w = p; p < e && !is_space(p, e); p++)
			;
		if (k == room || !as_count(w, (size_t)(p - w), &out[k]))
			return -1;
		k++;
	}
}

/* Each token's block: its size, its place in it, one number a line. */
static void
mark_blocks(struct stream *s)
{
	int i = 0, j, k, single;

	while (i < s->n) {
		for (j = i; j < s->n && s->tok[j].block == s->tok[i].block;
		    j++)
			;
		single = 1;
		for (k = i + 1; k < j; k++)
			single &= s->tok[k].line != s->tok[k - 1].line;
		for (k = i; k < j; k++) {
			s->tok[k].off = k - i;
			s->tok[k].size = j - i;
			s->tok[k].single = single;
		}
		i = j;
	}
}

/*
 * The numbers of text in reading order, into s: a block is a run of
 * lines of numbers only; a blank line, a line of text or a page break
 * ends it.  A number alone on the last line before a page break may be
 * the page's number (folio).  0 when there are more numbers than a
 * table holds.
 */
static int
read_stream(const char *text, size_t len, long line, struct stream *s)
{
	const char *p = text, *end = text + len, *e;
	int k, i, block = 0, open = 0, alone = -1;

	s->n = 0;
	for (; p < end; p = e + 1, line++) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		if (memchr(p, '\f', (size_t)(e - p)) != NULL) {
			open = 0;
			if (alone >= 0)
				s->tok[alone].folio = 1;
		}
		k = number_line(p, e, s->tok + s->n, CM_MAXTOK - s->n);
		if (k != 0)
			alone = k == 1 && !open ? s->n : -1;
		if (k <= 0) {
			open = 0;
			if (e == end)
				break;
			continue;
		}
		if (!open)
			block++, open = 1;
		for (i = s->n; i < s->n + k; i++) {
			s->tok[i].line = line, s->tok[i].block = block;
			s->tok[i].folio = 0;
		}
		s->n += k;
		if (s->n == CM_MAXTOK)
			return 0;	/* (a line past it reads as text) */
		if (e == end)
			break;
	}
	mark_blocks(s);
	return 1;
}

/* Leave out the numbers that may be page numbers: when there are that
 * many too many for the table (the identities still decide). */
static void
drop_folios(struct stream *s, int want)
{
	int i, n = 0;

	for (i = 0; i < s->n; i++)
		n += s->tok[i].folio;
	if (n == 0 || s->n - n != want)
		return;
	for (i = n = 0; i < s->n; i++)
		if (!s->tok[i].folio)
			s->tok[n++] = s->tok[i];
	s->n = n;
}

static long long
cell(const struct reading *r, int j, int c)
{
	return r->s->tok[r->at[j][c]].n;
}

/* Is row j in the NULL-ended list? */
static int
listed(const char *const *list, const char *row)
{
	for (; *list; list++)
		if (strcmp(*list, row) == 0)
			return 1;
	return 0;
}

/* The sum of row j's columns in list into *sum; 0 on overflow. */
static int
row_sum(const struct reading *r, int j, const char *const *list,
    long long *sum)
{
	const struct tmpl_row *tr = r->sh->row[j];
	int c;

	*sum = 0;
	for (c = 0; c < r->sh->ncol; c++)
		if (listed(list, tr->cols[c]) &&
		    __builtin_add_overflow(*sum, cell(r, j, c), sum))
			return 0;
	return 1;
}

/* Do the template's identities of a row (total = the sum of the parts)
 * hold on row j as read? */
static int
row_adds_up(const struct reading *r, int j)
{
	const struct tmpl_ident *id;
	long long left, right;
	size_t i;

	for (i = 0; i < tmpl_nidents; i++) {
		id = &tmpl_idents[i];
		if (id->per != IDENT_ROWS ||
		    strcmp(id->table, r->sh->table) != 0)
			continue;
		if (!row_sum(r, j, id->left, &left) ||
		    !row_sum(r, j, id->right, &right) || left != right)
			return 0;
	}
	return 1;
}

/* The sum of column c over the rows in list that were seen; how many
 * there were, -1 on overflow. */
static int
column_sum(const struct reading *r, int c, const char *const *list,
    long long *sum)
{
	int j, n = 0;

	*sum = 0;
	for (j = 0; j < r->sh->nrow; j++)
		if (listed(list, r->sh->row[j]->row)) {
			if (__builtin_add_overflow(*sum, cell(r, j, c), sum))
				return -1;
			n++;
		}
	return n;
}

/* Do the identities between rows (1+2 = 3.7+4, 3.7 = the sum of 3.1 to
 * 3.6) hold in every column, where both sides were seen? */
static int
columns_add_up(const struct reading *r)
{
	const struct tmpl_ident *id;
	long long left, right;
	int c, nl, nr;
	size_t i;

	for (i = 0; i < tmpl_nidents; i++) {
		id = &tmpl_idents[i];
		if (id->per != IDENT_COLS ||
		    strcmp(id->table, r->sh->table) != 0)
			continue;
		for (c = 0; c < r->sh->ncol; c++) {
			nl = column_sum(r, c, id->left, &left);
			nr = column_sum(r, c, id->right, &right);
			if (nl < 0 || nr < 0)
				return 0;
			if (nl > 0 && nr > 0 && left != right)
				return 0;
		}
	}
	return 1;
}

/* A complete reading: kept when it is the first, else compared. */
static void
solution(struct reading *r)
{
	int j, c;

	if (r->nsol++ == 0) {
		memcpy(r->best, r->at, sizeof r->best);
		return;
	}
	for (j = 0; j < r->sh->nrow; j++)
		for (c = 0; c < r->sh->ncol; c++)
			if (r->s->tok[r->best[j][c]].n != cell(r, j, c))
				r->differ = 1;
}

/*
 * Can tokens i.. be ncol columns of k rows, one after the other?  Each
 * column begins and ends with a block, one number a line, and its
 * numbers fall into blocks as the first column's do (a converter groups
 * the cells of every column of a grid alike: pdftotext one block a
 * column, pdfminer the rows of each part of the table); some block
 * holds two or more, else the rows would be no more than one a block.
 */
static int
columns_fit(const struct stream *s, int i, int k, int ncol)
{
	const struct tok *t, *first;
	int c, q, several = 0;

	if (i + k * ncol > s->n)
		return 0;
	for (q = 0; q < k; q++)
		several |= s->tok[i + q].size > 1;
	if (!several)
		return 0;
	for (c = 0; c < ncol; c++)
		for (q = 0; q < k; q++) {
			t = &s->tok[i + c * k + q];
			first = &s->tok[i + q];
			if (!t->single || t->off != first->off ||
			    t->size != first->size)
				return 0;
		}
	t = &s->tok[i + k - 1];
	return s->tok[i].off == 0 && t->off == t->size - 1;
}

/*
 * Every reading of tokens i.. as rows j.. that the blocks allow and the
 * identities confirm: row by row, or the next k rows column by
 * column.
 */
static void
read_from(struct reading *r, int i, int j)
{
	const struct stream *s = r->s;
	int ncol = r->sh->ncol, k, q, c, ok;

	if (r->differ || ++r->steps > CM_MAXSTEPS) {
		r->differ = r->capped = 1;
		return;
	}
	if (j == r->sh->nrow) {
		if (i == s->n && columns_add_up(r))
			solution(r);
		return;
	}
	/* A row left to right whatever the blocks: a converter may print
	 * two cells of a row on one line, or a row over a page break. */
	if (i + ncol <= s->n) {
		for (c = 0; c < ncol; c++)
			r->at[j][c] = i + c;
		if (row_adds_up(r, j))
			read_from(r, i + ncol, j + 1);
	}
	for (k = 2; j + k <= r->sh->nrow; k++) {
		if (!columns_fit(s, i, k, ncol))
			continue;
		ok = 1;
		for (q = 0; q < k && ok; q++) {
			for (c = 0; c < ncol; c++)
				r->at[j + q][c] = i + c * k + q;
			ok = row_adds_up(r, j + q);
		}
		if (ok)
			read_from(r, i + k * ncol, j + k);
	}
}

/*
 * The numbers all alike (a table of zeros): every reading gives the same
 * cells, so the first, row by row, is tried alone -- blocks that allow
 * many readings would take long to tell so.
 */
static int
read_uniform(struct reading *r)
{
	const struct stream *s = r->s;
	int i, j, c;

	for (i = 1; i < s->n; i++)
		if (s->tok[i].n != s->tok[0].n)
			return 0;
	for (j = 0; j < r->sh->nrow; j++) {
		for (c = 0; c < r->sh->ncol; c++)
			r->at[j][c] = j * r->sh->ncol + c;
		if (!row_adds_up(r, j))
			return 1;	/* (no reading adds up) */
	}
	if (columns_add_up(r))
		solution(r);
	return 1;
}

/* The rows of table `table` among t's cells from `first` on, in the
 * template's order (both templates': a report may mix them). */
static int
seen_rows(const struct tables *t, int first, const char *table,
    struct shape *sh)
{
	const struct tmpl_row *tr;
	size_t i;
	int k, c;

	sh->table = table;
	sh->nrow = sh->ncol = 0;
	for (i = 0; i < tmpl_nrows; i++) {
		tr = &tmpl_rows[i];
		if (strcmp(tr->table, table) != 0)
			continue;
		for (k = first; k < t->ncell; k++)
			if (strcmp(t->cell[k].table, table) == 0 &&
			    strcmp(t->cell[k].row, tr->row) == 0)
				break;
		if (k == t->ncell ||
		    (sh->nrow > 0 && sh->row[sh->nrow - 1] == tr))
			continue;
		if (sh->nrow == CM_MAXROWS)
			return 0;
		for (c = 0; tr->cols[c]; c++)
			;
		if (sh->nrow > 0 && c != sh->ncol)
			return 0;
		sh->ncol = c;
		sh->row[sh->nrow++] = tr;
	}
	return sh->nrow > 0;
}

static int
has_unread(const struct tables *t, int first)
{
	int k;

	for (k = first; k < t->ncell; k++)
		if (strcmp(t->cell[k].val, CELL_UNREAD) == 0)
			return 1;
	return 0;
}

/*
 * The seen rows of `table` (t's cells from `first` on) read again from
 * the numbers of text in reading order: their cells replace those when
 * exactly one reading the blocks allow adds up.  Returns the rows
 * placed, 0 if none.
 */
static int
place_stream(const char *table, const char *text, size_t len, long line,
    struct tables *t, int first)
{
	static struct stream s;
	static struct reading r;
	struct shape sh;
	const struct tok *tk;
	int j, c;

	if (!seen_rows(t, first, table, &sh) || !read_stream(text, len, line,
	    &s))
		return 0;
	drop_folios(&s, sh.nrow * sh.ncol);
	if (s.n != sh.nrow * sh.ncol)
		return 0;
	memset(&r, 0, sizeof r);
	r.sh = &sh;
	r.s = &s;
	if (!read_uniform(&r))
		read_from(&r, 0, 0);
	if (r.nsol == 0 || r.differ) {
		tables_warn(t, s.tok[0].line, "%s: %d numbers for %d rows "
		    "printed apart from their labels: %s, not placed by "
		    "order", table, s.n, sh.nrow, r.capped ?
		    "too many readings to tell" : r.nsol == 0 ?
		    "no reading in the template's order adds up" :
		    "more than one reading adds up");
		return 0;
	}
	t->ncell = first;
	for (j = 0; j < sh.nrow; j++)
		for (c = 0; c < sh.ncol; c++) {
			tk = &s.tok[r.best[j][c]];
			tables_add(t, table, sh.row[j]->row,
			    sh.row[j]->cols[c], tk->line, tk->num);
		}
	return sh.nrow;
}

int
colmajor_t3(const struct grid *g, const char *text, size_t len, long line,
    struct tables *t)
{
	int first = t->ncell, nkey = t->nt3key, quiet = t->quiet, got;
	int nsolved = t->nt3solved;
	int warned = t->nwarn, placed;

	if (text == NULL)
		return t3_extract(g, t);
	/* Quiet first: its messages are wrong when the stream places all.
	 * Read again to show them where the stream is not used (a table
	 * read without warnings, nearly every one, is read once). */
	t->quiet = 1;
	got = t3_extract(g, t);
	t->quiet = quiet;
	if (has_unread(t, first) &&
	    (placed = place_stream("t3", text, len, line, t, first)) > 0) {
		t->nt3solved = nsolved;	/* the stream's cells now */
		return placed;
	}
	if (t->nwarn == warned || quiet)
		return got;
	t->ncell = first;
	t->nt3key = nkey;
	t->nt3solved = nsolved;
	return t3_extract(g, t);
}
