/*
 * Meta data from the front matter and the signature.  The title is the
 * first short line naming a 报告 (joined with the line above when that
 * holds the body's name or the year, as titles often break); the date is
 * the last date in the closing lines, or one under the title.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "input.h"
#include "lfcount.h"
#include "meta.h"
#include "pattern.h"
#include "text.h"

#define MAXLINES 64
#define SIGLINES 6	/* the signature is among the last lines */

struct tline {
	const char	*s;
	size_t		 n;
	long		 no;		/* line number in the text */
};

/* A title joined from lines: where each piece starts in it, its line. */
struct title {
	char	t[1024];
	int	npiece;
	size_t	at[4];
	long	line[4];
};

/* Subject bytes the interpreter matches before a pattern is JIT
 * compiled (pattern.h).  A report's sentences hold fewer: a process for
 * one report compiles none (callgrind: 10.5 M -> 8.5 M instructions),
 * one for many compiles each in its first reports. */
enum { META_JIT_BUDGET = 1024 };

static struct pattern re_year, re_date, re_cn_date, re_period, re_opening;
static pcre2_match_data *md;

static void
compile(struct pattern *p, const char *pat)
{
	pattern_lazy(p, pat, "meta pattern", META_JIT_BUDGET);
}

static void
compile_once(void)
{
	if (md)
		return;
	compile(&re_year, "((?:19|20)\\d\\d)\\s*年");
	compile(&re_date, "((?:19|20)\\d\\d)\\s*(?:年|-|/|\\.)\\s*(\\d{1,2})"
	    "\\s*(?:月|-|/|\\.)\\s*(\\d{1,2})\\s*日?");
	compile(&re_period, "统\\s*计\\s*期\\s*限\\s*(?:为|是|自|从)?\\s*"
	    "((?:19|20)\\d\\d)\\s*年|((?:19|20)\\d\\d)\\s*年\\s*0?1\\s*月"
	    "\\s*0?1\\s*日\\s*起?\\s*(?:至|到)\\s*\\2\\s*年\\s*12\\s*月\\s*31");
	compile(&re_opening, "^\\s*((?:19|20)\\d\\d)\\s*年\\s*(?:度|以来)?\\s*"
	    "(?:,|，)");
	compile(&re_cn_date, "([〇零一二三四五六七八九]{4})年([〇零一二三四五"
	    "六七八九十]{1,3})月([〇零一二三四五六七八九十]{1,3})日");
	md = pcre2_match_data_create(8, NULL);
}

static int
match(struct pattern *re, const char *s, size_t n)
{
	return pattern_match(re, s, n, 0, 0, md) > 0;
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

/* v (0..99999) in decimal at p, at least width digits (snprintf's %0*d);
 * returns the end. */
static char *
put_padded(char *p, int v, int width)
{
	char d[8];
	int n = 0;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n < width)
		d[n++] = '0';
	while (n > 0)
		*p++ = d[--n];
	return p;
}

/*
 * out (32 bytes) = "Y-MM-DD" as snprintf(out, 32, "%.*s-%02d-%02d") makes
 * it of the year's text y[0..ny) and month and day m, d: without a
 * format parsed for every date line.
 */
static void
date_text(char *out, const char *y, size_t ny, int m, int d)
{
	char *p = out;

	if (ny > 16 || m < 0 || m > 99999 || d < 0 || d > 99999) {
		snprintf(out, 32, "%.*s-%02d-%02d", (int)ny, y, m, d);
		return;
	}
	memcpy(p, y, ny);
	p += ny;
	*p++ = '-';
	p = put_padded(p, m, 2);
	*p++ = '-';
	p = put_padded(p, d, 2);
	*p = '\0';
}

static int
find_date(const char *s, size_t n, char *out)
{
	const char *a, *b, *c;
	char y[8];
	size_t la, lb, lc;
	int v;

	if (match(&re_date, s, n)) {
		la = group(s, 1, &a);
		lb = group(s, 2, &b);
		lc = group(s, 3, &c);
		date_text(out, a, la, atoi_n(b, lb), atoi_n(c, lc));
		return 1;
	}
	if (match(&re_cn_date, s, n)) {
		la = group(s, 1, &a);
		lb = group(s, 2, &b);
		lc = group(s, 3, &c);
		/* four numerals: 0..9999, %04d */
		if ((v = cn_number(a, la)) < 0 || v > 99999)
			snprintf(out, 32, "%04d-%02d-%02d", v,
			    cn_number(b, lb), cn_number(c, lc));
		else
			date_text(out, y, (size_t)(put_padded(y, v, 4) - y),
			    cn_number(b, lb), cn_number(c, lc));
		return 1;
	}
	return 0;
}

/* The line number of the line starting at text + from. */
static long
line_at(const char *text, size_t from)
{
	return 1 + (long)lf_count(text, from);
}

/* Non-blank lines of text[from, to), at most max. */
static int
collect_lines(const char *text, size_t from, size_t to, struct tline *l,
    int max)
{
	size_t pos = from;
	const char *s;
	size_t n;
	long no = line_at(text, from) - 1;
	int k = 0;

	while (k < max && pos < to && gip_next_line(text, to, &pos, &s, &n)) {
		no++;
		if (!text_is_blank(s, n))
			l[k].s = s, l[k].n = n, l[k++].no = no;
	}
	return k;
}

/* Append s[0, n) with its white space removed to dst; leading white
 * space is skipped first, so a line right-aligned far out (w3m prints a
 * signature so) is not cut short. */
static void
squeeze_into(char *dst, size_t size, const char *s, size_t n)
{
	size_t have = strlen(dst);
	const char *t = text_skip_space(s, s + n);
	char tmp[1024];

	n -= t - s;
	s = t;

	if (n > sizeof tmp - 1)
		n = sizeof tmp - 1;
	n = text_norm(tmp, s, n, TEXT_LABEL);
	if (have + n >= size)
		n = size - have - 1;
	memcpy(dst + have, tmp, n);
	dst[have + n] = '\0';
}

/*
 * A site's breadcrumb or navigation trail (当前位置：首页 > 政务公开 >
 * 年度报告): never a title, however much it says 报告.
 */
static int
is_breadcrumb(const char *sq)
{
	static const char *const where[] = {"当前位置", "所在位置", "您的位置",
	    "现在的位置", "首页>", "首页»", "首页›", "首页/", NULL};
	const char *p;
	int i, arrows = 0;

	for (i = 0; where[i]; i++)
		if (strstr(sq, where[i]))
			return 1;
	for (p = sq; *p; p++)
		arrows += *p == '>' || strncmp(p, "»", 2) == 0 ||
		    strncmp(p, "›", 3) == 0;
	return arrows >= 2;
}

/*
 * A site page's article furniture printed with it (来源：XX  浏览次数：4849
 * 【字体：大 中 小】, 发布时间：…, 【打印本页】): never part of a title.
 * Where the first of its words is, or NULL.
 */
static const char *
furniture_in(const char *sq)
{
	static const char *const words[] = {"来源:", "浏览次数", "浏览量",
	    "点击数", "点击率", "阅读次数", "【字体", "字体:", "字号:",
	    "发布时间:", "发布日期:", "【打印", "【关闭", NULL};
	const char *p, *first = NULL;
	int i;

	for (i = 0; words[i]; i++)
		if ((p = strstr(sq, words[i])) != NULL &&
		    (first == NULL || p < first))
			first = p;
	return first;
}

/*
 * Does the 报告 at end of squeezed line sq belong to a sentence, not a
 * title: the report naming itself (本报告依据…), a clause before it
 * (…条例》,扎实做好…年度报告), or words running on after it (…年度报告
 * 格式〉的通知)?  A title ends in 报告, or in a bracket or date after it.
 */
static int
in_sentence(const char *sq, const char *end)
{
	static const char *const stops[] = {",", "，", "。", "、", ";", "》", NULL};
	const unsigned char *after = (const unsigned char *)end +
	    strlen("报告");
	const char *p;
	int i;

	if (end - sq >= 3 && strncmp(end - 3, "本", 3) == 0)
		return 1;
	for (i = 0; stops[i]; i++)
		if ((p = strstr(sq, stops[i])) != NULL && p < end)
			return 1;
	/* A CJK ideograph (U+4E00..U+9FFF: lead byte E4..E9) after it,
	 * unless it begins the page's furniture (squeezed up to it). */
	return after[0] >= 0xe4 && after[0] <= 0xe9 &&
	    furniture_in((const char *)after) != (const char *)after;
}

/*
 * Where the body's name is in a title, or NULL: before the year
 * (XX局2020年…), or between the year and 政府信息公开 (2019年XX局政府信息
 * 公开…).  *len is its length.  A title without a year has none.
 */
static const char *
org_in(const char *t, size_t *len)
{
	const char *y, *p, *g;

	if (!match(&re_year, t, strlen(t)))
		return NULL;
	group(t, 1, &y);
	if (y > t) {
		*len = y - t;
		return t;
	}
	p = t + pcre2_get_ovector_pointer(md)[1];	/* after 年 */
	if (strncmp(p, "度", 3) == 0)
		p += 3;
	if ((g = strstr(p, "政府信息公开")) == NULL || g == p)
		return NULL;
	*len = g - p;
	return p;
}

/* Put a line's squeezed text before the title. */
static void
title_prepend(struct title *t, const char *s, long line)
{
	char tmp[sizeof t->t];
	size_t n;
	int i;

	tmp[0] = '\0';
	squeeze_into(tmp, sizeof tmp, s, strlen(s));
	n = strlen(tmp);
	if (n + strlen(t->t) >= sizeof t->t || t->npiece == 4)
		return;
	memmove(t->t + n, t->t, strlen(t->t) + 1);
	memcpy(t->t, tmp, n);
	memmove(&t->at[1], &t->at[0], t->npiece * sizeof t->at[0]);
	memmove(&t->line[1], &t->line[0], t->npiece * sizeof t->line[0]);
	for (i = 1; i <= t->npiece; i++)
		t->at[i] += n;
	t->at[0] = 0;
	t->line[0] = line;
	t->npiece++;
}

/* The line the title's byte at holds was printed on. */
static long
title_line_of(const struct title *t, size_t at)
{
	int i = t->npiece - 1;

	while (i > 0 && t->at[i] > at)
		i--;
	return t->line[i];
}

/*
 * The title: the first short line with 报告 from line `from` on (a
 * breadcrumb, a site's furniture and a sentence naming a 报告 are passed
 * over; a title broken inside 报告, 工作报 / 告, is joined), cut after
 * it, joined with up to two lines above while it lacks the body's name
 * or the year (titles break so: 庆江市怀丰区统计局 / 2024年度政府信息公开
 * / 工作报告).  Returns the index of its 报告 line, or -1.
 */
static int
find_title(struct tline *l, int n, int from, struct title *t)
{
	char cur[1024], prev[1024];
	const char *f;
	char *end = NULL;
	size_t len;
	int k, j;

	for (k = from; k < n && k < from + 12; k++) {
		cur[0] = '\0';
		squeeze_into(cur, sizeof cur, l[k].s, l[k].n);
		len = strlen(cur);
		if (k + 1 < n && len >= 3 && strcmp(cur + len - 3, "报") == 0 &&
		    strncmp(text_skip_space(l[k + 1].s, l[k + 1].s +
		    l[k + 1].n), "告", 3) == 0)
			squeeze_into(cur, sizeof cur, "告", 3);
		end = strstr(cur, "报告");
		if (is_breadcrumb(cur) || ((f = furniture_in(cur)) != NULL &&
		    (end == NULL || f < end)))
			continue;
		if (end != NULL && !in_sentence(cur, end))
			break;
		end = NULL;
	}
	if (end == NULL || k == n || k == from + 12)
		return -1;
	end[strlen("报告")] = '\0';
	memset(t, 0, sizeof *t);
	title_prepend(t, cur, l[k].no);
	for (j = k - 1; j >= from && j >= k - 2 && !org_in(t->t, &len); j--) {
		prev[0] = '\0';
		squeeze_into(prev, sizeof prev, l[j].s, l[j].n);
		if (strlen(prev) > 90 || strstr(prev, "。") ||
		    strstr(prev, "，") || strstr(prev, "报告") ||
		    furniture_in(prev) != NULL ||
		    is_breadcrumb(prev) || (match(&re_year, prev,
		    strlen(prev)) && match(&re_year, t->t, strlen(t->t))))
			break;
		title_prepend(t, prev, l[j].no);
	}
	return k;
}

/* s[0..n) (no NUL in it) as a string in dst, cut to its size: what
 * snprintf's "%.*s" makes, without parsing a format every report. */
static void
copy_cut(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static void
find_year_and_org(const struct title *t, struct meta *m)
{
	const char *y, *o;
	size_t n;

	copy_cut(m->title, sizeof m->title, t->t, strlen(t->t));
	m->title_line = t->line[0];
	if ((o = org_in(t->t, &n)) != NULL && n < sizeof m->org) {
		copy_cut(m->org, sizeof m->org, o, n);
		m->org_line = title_line_of(t, o - t->t);
	}
	if (!match(&re_year, t->t, strlen(t->t)))
		return;
	n = group(t->t, 1, &y);
	copy_cut(m->year, sizeof m->year, y, n);
	m->year_line = title_line_of(t, y - t->t);
}

/* What may stand before a date alone on its line: a bracket, a label
 * ending in a colon (发布日期：). */
static int
opens_date(const char *sq, size_t lead)
{
	if (lead <= 3 && (sq[0] == '(' || strncmp(sq, "（", 3) == 0))
		return 1;
	return lead <= 18 && (sq[lead - 1] == ':' || (lead >= 3 &&
	    strncmp(sq + lead - 3, "：", 3) == 0));
}

/*
 * Does sq (squeezed) end in a date, in brackets or not, and (unless
 * any_lead) hold nothing before it but a bracket or a label such as
 * 发布日期：?  A sentence about dates (统计期限自2024年1月1日起) does not.
 */
static int
is_date_line(const char *sq, int any_lead, char *date)
{
	static const char *const closing[] = {"", ")", "）", NULL};
	PCRE2_SIZE *ov;
	const char *after;
	char found[32];
	size_t lead;
	int i;

	if (!find_date(sq, strlen(sq), found))
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	lead = ov[0];
	after = sq + ov[1];
	if (lead > 0 && !any_lead && !opens_date(sq, lead))
		return 0;
	for (i = 0; closing[i]; i++)
		if (strcmp(after, closing[i]) == 0) {
			memcpy(date, found, sizeof found);
			return 1;
		}
	return 0;
}

/*
 * A date printed under the title on a short line of its own:
 * (2021-01-03), （2025年1月4日）, 发布日期：2022年01月19日 (a site's 来源
 * line may come between).
 */
static void
find_date_under_title(const struct tline *l, int n, int k, struct meta *m)
{
	char sq[256];
	int j;

	for (j = k + 1; j < n && j <= k + 3; j++) {
		sq[0] = '\0';
		squeeze_into(sq, sizeof sq, l[j].s, l[j].n);
		if (strlen(sq) <= 60 && is_date_line(sq, 0, m->date)) {
			m->date_line = l[j].no;
			return;
		}
	}
}

/*
 * The closing lines: the last short line ending in a date among the last few
 * (a site page's footer may follow it: 【打印本页】, 主办, 网站标识码), and
 * the body's name above it.
 */
static int
last_lines(const char *text, size_t len, long end_line, struct tline *l,
    int max)
{
	size_t end = len, start;
	const char *nl;
	long no = end_line;
	int k = 0, i;
	struct tline tmp;

	if (len > 0 && text[len - 1] == '\n')
		end--, no--;
	while (k < max) {
		nl = memrchr(text, '\n', end);
		start = nl != NULL ? (size_t)(nl - text) + 1 : 0;
		if (!text_is_blank(text + start, end - start))
			l[k].s = text + start, l[k].n = end - start,
			    l[k++].no = no;
		if (start == 0)
			break;
		end = start - 1;
		no--;
	}
	for (i = 0; i < k / 2; i++)
		tmp = l[i], l[i] = l[k - 1 - i], l[k - 1 - i] = tmp;
	return k;
}

static void
find_signature(const char *text, size_t len, long end_line, struct meta *m)
{
	struct tline l[SIGLINES];
	char sq[256], name[256];
	int n, k;

	n = last_lines(text, len, end_line, l, SIGLINES);
	for (k = n - 1; k >= 0; k--) {
		sq[0] = '\0';
		squeeze_into(sq, sizeof sq, l[k].s, l[k].n);
		if (strlen(sq) > 60 || !is_date_line(sq, 1, m->date))
			continue;
		m->date_line = l[k].no;
		if (m->org[0] == '\0' && k > 0) {
			name[0] = '\0';
			squeeze_into(name, sizeof name, l[k - 1].s,
			    l[k - 1].n);
			if (strlen(name) <= 90 && !strstr(name, "。") &&
			    !strstr(name, "，")) {
				snprintf(m->org, sizeof m->org, "%s", name);
				m->org_line = l[k - 1].no;
			}
		}
		return;
	}
}

/* Could a squeezed line be a body's name: no digits, no punctuation,
 * nothing a converter garbled (U+FFFD)? */
static int
looks_like_name(const char *sq)
{
	static const char *const punct[] = {"。", "，", "、", "；", "：", "！",
	    "？", "（", "）", "【", "】", "(", ")", ":", ";", ",",
	    "\xef\xbf\xbd", NULL};
	const char *p;
	int i;

	if (strlen(sq) < 6 || strlen(sq) > 90)
		return 0;
	for (p = sq; *p; p++)
		if (*p >= '0' && *p <= '9')
			return 0;
	for (i = 0; punct[i]; i++)
		if (strstr(sq, punct[i]))
			return 0;
	return 1;
}

/*
 * A signature without a date: the body's name alone on one of the last
 * lines.  Taken only when the report names that body before (由XX编制,
 * XX紧紧围绕…), so a closing word (无, 特此报告) is not.
 */
static void
find_signature_name(const char *text, size_t len, long end_line,
    struct meta *m)
{
	struct tline l[SIGLINES];
	char sq[256];
	int n, k;

	n = last_lines(text, len, end_line, l, SIGLINES);
	for (k = n - 1; k >= 0; k--) {
		sq[0] = '\0';
		squeeze_into(sq, sizeof sq, l[k].s, l[k].n);
		if (!looks_like_name(sq) || memmem(text, l[k].s - text, sq,
		    strlen(sq)) == NULL)
			continue;
		snprintf(m->org, sizeof m->org, "%s", sq);
		m->org_line = l[k].no;
		return;
	}
}

/*
 * The year of a report whose title gives none (a print that lost its
 * heading, a title without a year): the statistics period the preamble
 * states (本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止),
 * else the year that opens section 一's first paragraph (2024年，我局…).
 */
static void
find_body_year(const char *text, size_t len, size_t front_end,
    struct meta *m)
{
	const char *y, *s = NULL;
	size_t n = 0, pos = front_end;
	int k;

	if (match(&re_period, text, len)) {
		k = pcre2_get_ovector_pointer(md)[2] != PCRE2_UNSET ? 1 : 2;
		n = group(text, k, &y);
	} else if (gip_next_line(text, len, &pos, &s, &n)) {
		while (gip_next_line(text, len, &pos, &s, &n) &&
		    text_is_blank(s, n))
			;
		if (s == NULL || !match(&re_opening, s, n))
			return;
		n = group(s, 1, &y);
	} else
		return;
	snprintf(m->year, sizeof m->year, "%.*s", (int)n, y);
	m->year_line = line_at(text, y - text);
}

/*
 * Meta data of a report; front_end is where section 一 starts, title_line
 * the line where a structured document says its title is (0: unknown).
 */
void
meta_find(const char *text, size_t len, size_t front_end, long title_line,
    size_t mark, long mark_line, struct meta *m)
{
	struct tline l[MAXLINES];
	struct title t;
	int n, k, from = 0;
	/* the last line's number, what line_at(text, len) counts from the
	 * top, counted from the mark (a heading near the end) */
	long end_line = mark_line > 0 && mark <= len ? mark_line +
	    (long)lf_count(text + mark, len - mark) : line_at(text, len);

	compile_once();
	memset(m, 0, sizeof *m);
	n = collect_lines(text, 0, front_end ? front_end : len, l, MAXLINES);
	while (title_line > 0 && from < n && l[from].no < title_line)
		from++;
	if (from == n || (k = find_title(l, n, from, &t)) < 0)
		k = find_title(l, n, 0, &t);
	if (k >= 0)
		find_year_and_org(&t, m);
	find_signature(text, len, end_line, m);
	if (m->date[0] == '\0' && k >= 0)
		find_date_under_title(l, n, k, m);
	if (m->org[0] == '\0')
		find_signature_name(text, len, end_line, m);
	if (m->year[0] == '\0')
		find_body_year(text, len, front_end, m);
}
