/* Tables printed but not read: a converter's placeholder, or their
 * titles without a readable row (unprinted.h). */
#include <string.h>

#include "tmpl.h"
#include "unprinted.h"
#include "utf8.h"

#define PLACEHOLDER "[TABLE]"

/* The line of section sec at text[pos]: its end (its LF, or the
 * section's end) returned, its text without the blanks around it in
 * *p..*e. */
static const char *
section_line(const char *text, const struct gip_section *sec, size_t pos,
    const char **p, const char **e)
{
	const char *nl;

	*p = text + pos;
	if ((nl = memchr(*p, '\n', sec->end - pos)) == NULL)
		nl = text + sec->end;
	*e = nl;
	while (*p < *e && (**p == ' ' || **p == '\t'))
		(*p)++;
	while (*e > *p && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
	return nl;
}

long
unprinted_line(const char *text, const struct gip_section *sec)
{
	size_t pos = sec->start, n;
	const char *p, *e, *nl;
	long line = sec->first_line;

	if (!sec->found)
		return 0;
	for (; pos < sec->end; pos = (size_t)(nl - text) + 1, line++) {
		nl = section_line(text, sec, pos, &p, &e);
		/* in a frame's cell when the page's layout table held the
		 * report: | [TABLE] | */
		if (e - p >= 2 && *p == '|' && e[-1] == '|') {
			for (p++, e--; p < e && (*p == ' ' || *p == '\t'); p++)
				;
			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
		}
		n = (size_t)(e - p);
		if (n == sizeof PLACEHOLDER - 1 && memcmp(p, PLACEHOLDER, n) ==
		    0)
			return line;
		if (nl == text + sec->end)
			break;
	}
	return 0;
}

/*
 * A line short enough to be a table's cell, a caption or a title, not a
 * sentence of prose: at most this many columns (CJK characters two).
 */
#define TITLE_WIDTH 40
/* The distinct column titles (tmpl_heads) a table must print: one word
 * may stand in a sentence, several on short lines are its header. */
#define TITLED_COLS 2

/* How many columns of table have a title word (tmpl_heads, of two
 * characters or more) on the line p..e and none on an earlier line (seen:
 * tmpl_heads indexes); adds them. */
static int
new_heads(const char *table, const char *p, const char *e, unsigned *seen)
{
	size_t i, j;
	int n = 0;

	if (tmpl_nheads > 32)	/* seen has a bit a word */
		return 0;
	for (i = 0; i < tmpl_nheads; i++) {
		/* a word of one character (增) is any sentence's */
		if (strcmp(tmpl_heads[i].table, table) != 0 ||
		    utf8_width(tmpl_heads[i].word,
		    strlen(tmpl_heads[i].word)) < 4 ||
		    utf8_find(p, (size_t)(e - p), tmpl_heads[i].word) == NULL)
			continue;
		/* two words of one column (上一年, 上年) count once */
		for (j = 0; j < tmpl_nheads; j++)
			if ((*seen >> j & 1) && strcmp(tmpl_heads[j].table,
			    table) == 0 && strcmp(tmpl_heads[j].col,
			    tmpl_heads[i].col) == 0)
				break;
		*seen |= 1u << i;
		if (j == tmpl_nheads)
			n++;
	}
	return n;
}

/* The template the title words in seen name, if they name one only; else
 * 0. */
static unsigned
heads_template(unsigned seen)
{
	unsigned tpl = 0;
	size_t i;

	for (i = 0; i < tmpl_nheads && i < 32; i++)
		if ((seen >> i & 1) && tmpl_heads[i].templates != TPL_BOTH)
			tpl |= tmpl_heads[i].templates;
	return tpl == TPL_2019 || tpl == TPL_2021 ? tpl : 0;
}

long
unprinted_titled(const char *text, const struct gip_section *sec, int which,
    unsigned *tpl)
{
	static const char *const names[] = {"t2", "t3", "t4"};
	const struct tmpl_table *tt = tmpl_table(names[which - 2]);
	const char *cap, *p, *e, *nl;
	size_t pos = sec->start, n;
	long line = sec->first_line, capline = 0;
	unsigned seen = 0;
	int cols = 0, after_cap = 0, cornered = 0;

	*tpl = 0;
	if (!sec->found || tt == NULL)
		return 0;
	/* t2's blocks and t4 have a caption; t3 the top of its header */
	if ((cap = tt->caption != NULL ? tt->caption : tt->header) == NULL)
		return 0;
	for (; pos < sec->end; pos = (size_t)(nl - text) + 1, line++) {
		nl = section_line(text, sec, pos, &p, &e);
		n = (size_t)(e - p);
		if (n > 0 && utf8_width(p, n) <= TITLE_WIDTH) {
			/* t2: a block's header begins with its corner
			 * (信息内容), cut to two characters or more */
			if (after_cap && tt->corner != NULL && n >= 6 &&
			    memcmp(p, tt->corner, 6) == 0)
				cornered++;
			after_cap = n >= strlen(cap) && memcmp(p, cap,
			    strlen(cap)) == 0;
			if (capline == 0 && after_cap)
				capline = line;
			/* the header follows its caption */
			if (capline != 0)
				cols += new_heads(tt->table, p, e, &seen);
		} else if (n > 0)
			after_cap = 0;
		if (nl == text + sec->end)
			break;
	}
	*tpl = heads_template(seen);
	return cols >= TITLED_COLS || cornered >= TITLED_COLS ? capline : 0;
}

void
unprinted_fill(struct tables *t, int which, unsigned tpl, long line,
    int titled)
{
	static const char *const names[] = {"t2", "t3", "t4"};
	const char *table = names[which - 2];
	const struct tmpl_row *r;
	size_t i;
	int k;

	if (titled)
		tables_warn(t, line, "%s printed (its caption and column "
		    "titles) but none of its rows could be read: its rows "
		    "written as " CELL_UNREAD, table);
	else
		tables_warn(t, line, "%s replaced by the converter's "
		    "placeholder " PLACEHOLDER ": its rows written as "
		    CELL_UNREAD, table);
	if (tpl != TPL_2019 && tpl != TPL_2021)
		tpl = TPL_BOTH;
	for (i = 0; i < tmpl_nrows; i++) {
		r = &tmpl_rows[i];
		if (strcmp(r->table, table) != 0 || (r->templates & tpl) != tpl)
			continue;
		for (k = 0; r->cols[k] != NULL; k++)
			tables_add(t, table, r->row, r->cols[k], line,
			    CELL_UNREAD);
	}
}
