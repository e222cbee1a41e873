/* Tables left out by a converter, their placeholder (unprinted.h). */
#include <string.h>

#include "tmpl.h"
#include "unprinted.h"

#define PLACEHOLDER "[TABLE]"

long
unprinted_line(const char *text, const struct gip_section *sec)
{
	size_t pos = sec->start, n;
	const char *p, *e, *nl;
	long line = sec->first_line;

	if (!sec->found)
		return 0;
	for (; pos < sec->end; pos = (size_t)(nl - text) + 1, line++) {
		p = text + pos;
		if ((nl = memchr(p, '\n', sec->end - pos)) == NULL)
			nl = text + sec->end;
		e = nl;
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		n = (size_t)(e - p);
		if (n == sizeof PLACEHOLDER - 1 && memcmp(p, PLACEHOLDER, n) ==
		    0)
			return line;
		if (nl == text + sec->end)
			break;
	}
	return 0;
}

void
unprinted_fill(struct tables *t, int which, unsigned tpl, long line)
{
	static const char *const names[] = {"t2", "t3", "t4"};
	const char *table = names[which - 2];
	const struct tmpl_row *r;
	size_t i;
	int k;

	tables_warn(t, line, "%s replaced by the converter's placeholder "
	    PLACEHOLDER ": its rows written as " CELL_UNREAD, table);
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
