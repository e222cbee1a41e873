/* The grid columns of pandoc's dashed rules (dashcols.h). */
#include <stdint.h>
#include <string.h>

#include "dashcols.h"
#include "utf8.h"

#define MAXCOLS DASHCOLS_MAX

struct rule {
	int	n;
	int	x0[MAXCOLS], x1[MAXCOLS];	/* display columns, [x0, x1) */
};

static int
char_cols(uint32_t cp)
{
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return 2;
	return cp >= 0x1100 && utf8_is_wide(cp) ? 2 : 1;
}

/* Is s[0, n) a rule of dashes, runs one space apart, two runs or more?
 * Its runs into r. */
static int
dash_rule(const char *s, size_t n, struct rule *r)
{
	size_t i = 0;
	int x;

	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	r->n = 0;
	for (x = (int)i; i < n; ) {
		if (s[i] != '-' || r->n == MAXCOLS)
			return 0;
		r->x0[r->n] = x;
		while (i < n && s[i] == '-')
			i++, x++;
		r->x1[r->n++] = x;
		if (i < n && (s[i] != ' ' || i + 1 >= n || s[i + 1] != '-'))
			return 0;
		i++, x++;
	}
	return r->n >= 2;
}

static int
same_rule(const struct rule *a, const struct rule *b)
{
	return a->n == b->n && memcmp(a->x0, b->x0, a->n * sizeof a->x0[0])
	    == 0 && memcmp(a->x1, b->x1, a->n * sizeof a->x1[0]) == 0;
}

/* The columns of r that line s[0, n) has text in, a bit each; *number:
 * whether it has a digit.  A character belongs to the column it begins
 * in (the gap between two runs to the one on its left). */
static uint32_t
line_columns(const char *s, size_t n, const struct rule *r, int *number)
{
	uint32_t cols = 0, cp;
	size_t i = 0, len;
	int x = 0, k = 0, w;

	*number = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i], len = 1;
		else
			len = utf8_decode(s + i, n - i, &cp);
		w = char_cols(cp);
		if (cp != ' ' && cp != 0x3000 && cp != 0xa0) {
			while (k + 1 < r->n && x >= r->x0[k + 1])
				k++;
			if (x >= r->x0[0])
				cols |= (uint32_t)1 << k;
			*number |= cp >= '0' && cp <= '9';
		}
		i += len;
		x += w;
	}
	return cols;
}

/* The table of rule r whose lines run from `from` to the last line of
 * the same rule before another rule or the end: does its header leave a
 * column untitled?  *end: where its last rule ends; *nlines: how many
 * lines that is past from. */
static int
table_gap(const char *text, size_t len, size_t from, const struct rule *r,
    size_t *end, long *nlines)
{
	const char *p = text + from, *e = text + len, *nl;
	uint32_t titled = 0, cols, all;
	struct rule other;
	int number, headers = 0;
	long n = 0;

	*end = from;
	*nlines = 0;
	for (; p < e; p = nl + 1, n++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (dash_rule(p, (size_t)(nl - p), &other)) {
			if (!same_rule(&other, r))
				break;
			*end = (size_t)(nl - text);
			*nlines = n + 1;
		} else {
			cols = line_columns(p, (size_t)(nl - p), r, &number);
			if (!number && (cols & (cols - 1)) != 0) {
				titled |= cols;
				headers++;
			}
		}
		if (nl == e)
			break;
	}
	all = r->n == 32 ? UINT32_MAX : ((uint32_t)1 << r->n) - 1;
	return headers > 0 && (titled | 1) != all;
}

int
dashcols_column(const struct dashtable *tab, int x)
{
	int k;

	for (k = tab->n - 1; k >= 0 && x < tab->x0[k]; k--)
		;
	return k;
}

int
dashcols_title_gaps(const char *text, size_t len, long first,
    struct dashtable *tab, int max)
{
	const char *p = text, *e = text + len, *nl;
	struct rule r;
	size_t end, from;
	long line = first, more, top;
	int n = 0, seen = 0;

	for (; p < e && n < max; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl < e && dash_rule(p, (size_t)(nl - p), &r)) {
			/* a region that begins below its table's top rule
			 * (at table 2's caption) holds the lines above the
			 * first rule in that table */
			from = seen++ ? (size_t)(nl + 1 - text) : 0;
			top = seen > 1 ? line : first;
			if (table_gap(text, len, from, &r, &end, &more)) {
				tab[n].first = top;
				tab[n].last = top + more - (from == 0);
				tab[n].n = r.n;
				memcpy(tab[n++].x0, r.x0, sizeof r.x0);
			}
			if (from == 0)
				more -= line - first + 1;
			nl = text + end > nl ? text + end : nl;
			line += more;
		}
		if (nl >= e)
			break;
	}
	return n;
}
