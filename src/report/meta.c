/*
 * Meta data from the front matter and the signature.  The title is the
 * first short line naming a 报告 (joined with the line above when that
 * holds the body's name or the year, as titles often break); the date is
 * the last date in the closing lines, or one under the title.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "meta.h"
#include "text.h"

#define MAXLINES 64

struct tline {
	const char	*s;
	size_t		 n;
};

static pcre2_code *re_year, *re_date, *re_cn_date;
static pcre2_match_data *md;

static pcre2_code *
compile(const char *pat)
{
	pcre2_code *re;
	PCRE2_SIZE off;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	if (re == NULL)
		gip_fatal("internal pattern error at %zu", (size_t)off);
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static void
compile_once(void)
{
	if (md)
		return;
	re_year = compile("((?:19|20)\\d\\d)\\s*年");
	re_date = compile("((?:19|20)\\d\\d)\\s*(?:年|-|/|\\.)\\s*(\\d{1,2})"
	    "\\s*(?:月|-|/|\\.)\\s*(\\d{1,2})\\s*日?");
	re_cn_date = compile("([〇零一二三四五六七八九]{4})年([〇零一二三四五"
	    "六七八九十]{1,3})月([〇零一二三四五六七八九十]{1,3})日");
	md = pcre2_match_data_create(8, NULL);
}

static int
match(pcre2_code *re, const char *s, size_t n)
{
	return pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, NULL) > 0;
}

static size_t
group(const char *s, int k, const char **start)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

	*start = s + ov[2 * k];
	return ov[2 * k + 1] - ov[2 * k];
}

static int
atoi_n(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0 && *s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Value of a Chinese numeral: digit by digit, or with 十 (十八, 二十一). */
static int
cn_number(const char *s, size_t n)
{
	static const char *const d[] = {"〇", "一", "二", "三", "四", "五",
	    "六", "七", "八", "九"};
	int v = 0, tens = -1, k;
	size_t i;

	for (i = 0; i < n; i += 3) {
		if (strncmp(s + i, "十", 3) == 0) {
			tens = v ? v : 1;
			v = 0;
			continue;
		}
		for (k = 0; k < 10; k++)
			if (strncmp(s + i, d[k], 3) == 0 ||
			    (k == 0 && strncmp(s + i, "零", 3) == 0))
				break;
		v = v * 10 + (k < 10 ? k : 0);
	}
	return tens >= 0 ? tens * 10 + v : v;
}

static int
find_date(const char *s, size_t n, char *out)
{
	const char *a, *b, *c;
	size_t la, lb, lc;

	if (match(re_date, s, n)) {
		la = group(s, 1, &a);
		lb = group(s, 2, &b);
		lc = group(s, 3, &c);
		snprintf(out, 32, "%.*s-%02d-%02d", (int)la, a,
		    atoi_n(b, lb), atoi_n(c, lc));
		return 1;
	}
	if (match(re_cn_date, s, n)) {
		la = group(s, 1, &a);
		lb = group(s, 2, &b);
		lc = group(s, 3, &c);
		snprintf(out, 32, "%04d-%02d-%02d", cn_number(a, la),
		    cn_number(b, lb), cn_number(c, lc));
		return 1;
	}
	return 0;
}

/* Non-blank lines of text[from, to), at most max. */
static int
collect_lines(const char *text, size_t from, size_t to, struct tline *l,
    int max)
{
	size_t pos = from;
	const char *s;
	size_t n;
	int k = 0;

	while (k < max && pos < to && gip_next_line(text, to, &pos, &s, &n))
		if (!text_is_blank(s, n))
			l[k].s = s, l[k++].n = n;
	return k;
}

static void
squeeze_into(char *dst, size_t size, const char *s, size_t n)
{
	size_t have = strlen(dst);
	char tmp[1024];

	if (n > sizeof tmp - 1)
		n = sizeof tmp - 1;
	n = text_norm(tmp, s, n, TEXT_LABEL);
	if (have + n >= size)
		n = size - have - 1;
	memcpy(dst + have, tmp, n);
	dst[have + n] = '\0';
}

/* The title: the first short line with 报告, cut after it; joined with
 * the line above when the title broke there. */
static void
find_title(struct tline *l, int n, struct meta *m)
{
	char cur[1024] = "", prev[1024] = "";
	char *end = NULL;
	int k;

	for (k = 0; k < n && k < 12; k++) {
		cur[0] = '\0';
		squeeze_into(cur, sizeof cur, l[k].s, l[k].n);
		if ((end = strstr(cur, "报告")) != NULL)
			break;
	}
	if (k == n || k == 12)
		return;
	end[strlen("报告")] = '\0';
	if (k > 0) {
		squeeze_into(prev, sizeof prev, l[k - 1].s, l[k - 1].n);
		if (strlen(prev) > 90 || strstr(prev, "。"))
			prev[0] = '\0';
		else if (match(re_year, cur, strlen(cur)) &&
		    strncmp(cur, "20", 2) != 0 && strncmp(cur, "19", 2) != 0)
			prev[0] = '\0';
	}
	snprintf(m->title, sizeof m->title, "%s%s", prev, cur);
}

static void
find_year_and_org(struct meta *m)
{
	const char *y;
	size_t n;

	if (!match(re_year, m->title, strlen(m->title)))
		return;
	n = group(m->title, 1, &y);
	snprintf(m->year, sizeof m->year, "%.*s", (int)n, y);
	if (y > m->title)
		snprintf(m->org, sizeof m->org, "%.*s", (int)(y - m->title),
		    m->title);
}

/* The closing lines: a date, and the body's name above it. */
static void
find_signature(const char *text, size_t len, struct meta *m)
{
	struct tline l[8];
	size_t from = len > 600 ? len - 600 : 0;
	char name[256];
	int n, k;

	while (from > 0 && from < len && text[from - 1] != '\n')
		from++;
	n = collect_lines(text, from, len, l, 8);
	if (n > 8)
		n = 8;
	for (k = n - 1; k >= 0 && k >= n - 3; k--) {
		if (l[k].n > 60 || !find_date(l[k].s, l[k].n, m->date))
			continue;
		if (m->org[0] == '\0' && k > 0 && l[k - 1].n <= 90) {
			name[0] = '\0';
			squeeze_into(name, sizeof name, l[k - 1].s,
			    l[k - 1].n);
			if (!strstr(name, "。") && !strstr(name, "，"))
				snprintf(m->org, sizeof m->org, "%s", name);
		}
		return;
	}
}

/* Meta data of a report; front_end is where section 一 starts. */
void
meta_find(const char *text, size_t len, size_t front_end, struct meta *m)
{
	struct tline l[MAXLINES];
	int n;

	compile_once();
	memset(m, 0, sizeof *m);
	n = collect_lines(text, 0, front_end ? front_end : len, l, MAXLINES);
	find_title(l, n, m);
	find_year_and_org(m);
	find_signature(text, len, m);
}
