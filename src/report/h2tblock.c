/*
 * t2's blocks in html2text's ruled tables (h2tblock.h): captions read
 * for their item, cut labels and titles given the template's by order.
 */
#include <stdio.h>
#include <string.h>

#include "grid.h"
#include "h2tblock.h"
#include "h2tlabel.h"
#include "lines.h"
#include "tmpl.h"
#include "value.h"

static int
h2t_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* The numeral 一..十 that ends at p (text begins at s): 1..10, or 0. */
static int
numeral_before(const char *s, const char *p)
{
	static const char numerals[] = "一二三四五六七八九十";
	int k;

	if (p - s < 3)
		return 0;
	for (k = 0; k < 10; k++)
		if (memcmp(p - 3, numerals + 3 * k, 3) == 0)
			return k + 1;
	return 0;
}

/* The item of a t2 caption row (第二十条第（五）项: 5), by the numeral
 * before a closing bracket; 0 if the row is no caption, -1 if it is one
 * whose item wrapped to the next row (pending: this is that row). */
static int
caption_item(const struct grid *g, const struct grow *r, int pending)
{
	const struct gcell *c = grid_cells(g, r);
	const char *p;
	int j, seen = pending, k;

	for (j = 0; j < r->ncell; j++)
		seen |= strstr(c[j].text, "第二十") != NULL;
	for (j = 0; seen && j < r->ncell; j++)
		for (p = c[j].text; *p; p++)
			if ((*p == ')' || strncmp(p, "）", 3) == 0) &&
			    (k = numeral_before(c[j].text, p)) > 0)
				return k;
	/* the row after a caption that ends in its numeral (第二十条第�|五)
	 * beginning with the closing bracket (`|）_项__|`) */
	if (pending && r > g->row && r->ncell > 0 && r[-1].ncell > 0 &&
	    (c[0].text[0] == ')' || strncmp(c[0].text, "）", 3) == 0)) {
		p = grid_cells(g, r - 1)[r[-1].ncell - 1].text;
		if ((k = numeral_before(p, p + strlen(p))) > 0)
			return k;
	}
	/* its closing bracket cut off: 第二十条第（八| */
	for (j = 0; seen && j < r->ncell; j++)
		for (p = c[j].text; *p; p++)
			if ((*p == '(' || strncmp(p, "（", 3) == 0) &&
			    strlen(p) >= (*p == '(' ? 4u : 6u) &&
			    (k = numeral_before(c[j].text, p + (*p == '(' ?
			    4 : 6))) > 0)
				return k;
	return seen && !pending ? -1 : 0;
}

/* Does a caption row hold a bracket pair with U+FFFD between: its
 * numeral cut? */
static int
caption_cut(const struct grid *g, const struct grow *r)
{
	const struct gcell *c = grid_cells(g, r);
	const char *p;
	int j;

	for (j = 0; j < r->ncell; j++)
		if ((p = strstr(c[j].text, "（")) != NULL ||
		    (p = strchr(c[j].text, '(')) != NULL) {
			p += *p == '(' ? 1 : 3;
			if (!lines_is_fffd(p, p + strlen(p)))
				continue;
			while (lines_is_fffd(p, p + strlen(p)))
				p += 3;
			if (*p == ')' || strncmp(p, "）", 3) == 0)
				return 1;
		}
	return 0;
}

/*
 * A data row of a block: a label first (not empty, no digit first), then
 * numbers and blanks only.
 */
static int
is_data_row(const struct grid *g, const struct grow *r)
{
	const struct gcell *c = grid_cells(g, r);
	struct value v;
	int j;

	if (r->ncell < 2 || c[0].text[0] == '\0' || h2t_isdigit(c[0].text[0]))
		return 0;
	for (j = 1; j < r->ncell; j++) {
		value_parse(c[j].text, &v);
		if (v.kind != V_NUMBER && v.kind != V_BLANK)
			return 0;
	}
	return 1;
}

/*
 * The template rows of block item in template tpl, in order, into rows
 * (at most max): how many.
 */
static int
block_rows(int item, unsigned tpl, const struct tmpl_row **rows, int max)
{
	char prefix[16];
	size_t i, m;
	int n = 0;

	m = (size_t)snprintf(prefix, sizeof prefix, "20.%d.", item);
	for (i = 0; i < tmpl_nrows && n < max; i++)
		if (strcmp(tmpl_rows[i].table, "t2") == 0 &&
		    (tmpl_rows[i].templates & tpl) &&
		    strncmp(tmpl_rows[i].row, prefix, m) == 0)
			rows[n++] = &tmpl_rows[i];
	return n;
}

/* Does the label of data row at begin as the template row r's does? */
static int
begins_as(const struct grid *g, int at, const struct tmpl_row *r)
{
	char own[H2T_NORM], lab[H2T_NORM];
	size_t len;

	len = h2tlabel_own(grid_cells(g, &g->row[at])[0].text, own);
	return len < H2T_NORM && h2tlabel_han(own) >= 1 && h2tlabel_norm(r->label,
	    r->label + strlen(r->label), lab) < H2T_NORM &&
	    strncmp(lab, own, len) == 0;
}

/*
 * The ways to give the n data rows at row[at[k]] template rows of the
 * block, one each, in order (a row the report left out is skipped),
 * each label beginning as its row's does: how many (counted to 2), the
 * first in pick[].
 */
static int
assignments(const struct grid *g, const int *at, int n,
    const struct tmpl_row **rows, int nrows, int from,
    const struct tmpl_row **pick)
{
	const struct tmpl_row *sub[8];
	int j, ways = 0, w;

	if (n == 0)
		return 1;
	for (j = from; j + n <= nrows && ways < 2; j++) {
		if (!begins_as(g, at[0], rows[j]))
			continue;
		w = assignments(g, at + 1, n - 1, rows, nrows, j + 1, sub);
		if (w > 0 && ways == 0) {
			pick[0] = rows[j];
			memcpy(pick + 1, sub, (n - 1) * sizeof *sub);
		}
		ways += w;
	}
	return ways;
}

/*
 * The column titles of t2's blocks in each template, by block item (as
 * the templates print them, for a header cut to its first characters).
 */
static const struct {
	int		 item;
	unsigned	 tpl;
	const char	*title[4];
} block_titles[] = {
	{1, TPL_2019, {"本年新制作数量", "本年新公开数量", "对外公开总数量",
	    NULL}},
	{5, TPL_2019, {"上一年项目数量", "本年增/减", "处理决定数量", NULL}},
	{6, TPL_2019, {"上一年项目数量", "本年增/减", "处理决定数量", NULL}},
	{8, TPL_2019, {"上一年项目数量", "本年增/减", NULL}},
	{9, TPL_2019, {"采购项目数量", "采购总金额", NULL}},
	{1, TPL_2021, {"本年制发件数", "本年废止件数", "现行有效件数", NULL}},
	{5, TPL_2021, {"本年处理决定数量", NULL}},
	{6, TPL_2021, {"本年处理决定数量", NULL}},
	{8, TPL_2021, {"本年收费金额（单位：万元）", NULL}},
};

/* Does the header row r (信息内容, then the titles) begin as titles do? */
static int
titles_fit(const struct grid *g, const struct grow *r,
    const char *const *title)
{
	const struct gcell *c = grid_cells(g, r);
	char own[H2T_NORM], t[H2T_NORM];
	size_t len;
	int k;

	for (k = 1; k < r->ncell; k++) {
		if (title[k - 1] == NULL)
			return 0;
		len = h2tlabel_own(c[k].text, own);
		if (len >= H2T_NORM || h2tlabel_han(own) < 1 ||
		    h2tlabel_norm(title[k - 1], title[k - 1] + strlen(title[k - 1]),
		    t) >= H2T_NORM || strncmp(t, own, len) != 0)
			return 0;
	}
	return r->ncell >= 2 && title[r->ncell - 1] == NULL;
}

/* The titles of block item's header row, when one template's fit. */
static void
restore_header(struct grid *g, const struct grow *r, int item)
{
	const char *const *fit = NULL;
	size_t i;
	int k, n = 0, cut;

	if (r->ncell < 2 || strncmp(grid_cells(g, r)[0].text, "信", 3) != 0)
		return;
	for (i = 0; i < sizeof block_titles / sizeof block_titles[0]; i++)
		if (block_titles[i].item == item &&
		    titles_fit(g, r, block_titles[i].title)) {
			fit = block_titles[i].title;
			n++;
		}
	if (n != 1)
		return;
	for (k = 1; k < r->ncell; k++) {
		cut = strstr(g->cell[r->first + k].text, LINES_FFFD) != NULL;
		g->cell[r->first + k].text = fit[k - 1];
		g->simple[r->first + k] = 0;
		/* a cut title keeps its cut: what the next line adds
		 * (`元）` of `（万元）`, its 万 past the bar) is not all */
		if (cut)
			grid_append_text(g, r->first + k, LINES_FFFD, 3);
	}
	g->cell[r->first].text = "信息内容";
	g->simple[r->first] = 0;
}

/*
 * The labels of the data rows at[0..n) of block item, when one way only
 * gives them the rows of a template's block (the two templates' ways
 * agreeing on the keys count once): a block that left 规章 out has one
 * row `规�`, which may be either, and keeps its label.  (A label so
 * given names a row's key, which both templates share: it decides no
 * template; `规范` of a 2021 report is 2019's 规范性文件, 20.1.normative.)
 */
static void
restore_block(struct grid *g, const int *at, int n, int item)
{
	const struct tmpl_row *r19[8], *r21[8], *p19[8], *p21[8];
	const struct tmpl_row **pick;
	int n19, n21, w19, w21, k;

	if (n > 8)
		return;
	n19 = block_rows(item, TPL_2019, r19, 8);
	n21 = block_rows(item, TPL_2021, r21, 8);
	w19 = assignments(g, at, n, r19, n19, 0, p19);
	w21 = assignments(g, at, n, r21, n21, 0, p21);
	if (w19 > 1 || w21 > 1)
		return;
	if (w19 == 1 && w21 == 1)
		for (k = 0; k < n; k++)
			if (strcmp(p19[k]->row, p21[k]->row) != 0)
				return;
	pick = w19 == 1 ? p19 : w21 == 1 ? p21 : NULL;
	for (k = 0; pick != NULL && k < n; k++) {
		/* the template's label: a static string, its text as
		 * text_clean leaves it */
		g->cell[g->row[at[k]].first].text = pick[k]->label;
		g->simple[g->row[at[k]].first] = 0;
	}
}

void
h2tblock_labels(struct grid *g)
{
	int at[8], n = 0, item = 0, head = 0, pending = 0, seen = 0, i, k;

	for (i = 0; i <= g->nrow; i++) {
		k = i < g->nrow ? caption_item(g, &g->row[i], pending) : -1;
		/* the first caption, its numeral cut by a bar
		 * (第二十条第（�|�）): the first block is （一） */
		if (k == -1 && i < g->nrow && !seen && caption_cut(g,
		    &g->row[i]))
			k = 1;
		seen |= k != 0 && i < g->nrow;
		pending = k == -1 && i < g->nrow;
		if (k != 0) {
			if (item > 0 && n > 0)
				restore_block(g, at, n, item);
			item = k;
			n = 0;
			head = 1;
		} else if (item > 0 && is_data_row(g, &g->row[i])) {
			if (n < 8)
				at[n] = i;
			n++;
		} else if (item > 0 && head && g->row[i].ncell > 0 &&
		    strncmp(grid_cells(g, &g->row[i])[0].text, "信", 3) == 0) {
			/* the header: 信息内容 first, not the caption's
			 * wrapped end (`|）_项___|`) */
			restore_header(g, &g->row[i], item);
			head = 0;
		}
	}
}
