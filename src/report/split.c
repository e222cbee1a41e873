/*
 * Where each report of an input begins (split.h).  One pass over the
 * lines, with the state of the report being read: the line of its
 * section 一 heading, its last heading, and, since that heading, the
 * first title line and the last form feed before it.
 */
#include <string.h>

#include "doctables.h"
#include "err.h"
#include "input.h"
#include "sections.h"
#include "split.h"
#include "text.h"
#include "utf8.h"

/* A title line is short: org and all, under 60 characters as seen. */
#define TITLE_MAX	300

struct scan {
	long	 one_line;	/* line of this report's 一 heading, or 0 */
	int	 last;		/* its last heading number */
	size_t	 title;		/* start of the title since then, or 0 */
	size_t	 ff;		/* where a form feed began a page, or 0 */
	int	 have_title, have_ff;
	long	 title_line, ff_line;
};

/* glibc's memmem sets up a two-way search per call, dear on a short
 * line: utf8_find looks for the word's last byte. */
static int
has(const char *s, size_t n, const char *word)
{
	return utf8_find(s, n, word) != NULL;
}

/*
 * Does the line name an annual report as a title does: 报告 in a short
 * line that is not a sentence (no 。，；： or 《》 of a cited act; the
 * key has them folded to ASCII)?
 * Spaced-out titles (年 度 报 告) are matched squeezed; a short line
 * ending in 报告 is the end of a broken title.
 */
static int
is_title(const char *line, size_t n)
{
	static const char *const not_in_title[] = {"。", ",", ";", ":",
	    "《", "》", "〈", "〉", NULL};
	char key[TITLE_MAX + 1];
	size_t k;
	int i;

	if (n > TITLE_MAX || !has(line, n, "报"))
		return 0;
	k = text_norm(key, line, n, TEXT_LABEL);
	if (k == 0 || !has(key, k, "报告"))
		return 0;
	for (i = 0; not_in_title[i] != NULL; i++)
		if (has(key, k, not_in_title[i]))
			return 0;
	if (has(key, k, "年度报告") || has(key, k, "年报") ||
	    has(key, k, "政府信息公开"))
		return 1;
	/* The end of a title broken over lines: 工作报告 alone. */
	return k <= 8 * 3 && memcmp(key + k - 6, "报告", 6) == 0;
}

/*
 * Is the organ's name on the line above the title?  As meta's title
 * reading has it: unless the title names a year after some other words
 * (XX局2020年…), the line above holds the organ.
 */
static int
org_above(const char *line, size_t n)
{
	char key[TITLE_MAX + 1];
	size_t k = text_norm(key, line, n, TEXT_LABEL), i;

	for (i = 4; i + 3 <= k; i++)
		if (memcmp(key + i, "年", 3) == 0 &&
		    (key[i - 4] == '1' || key[i - 4] == '2') &&
		    key[i - 1] >= '0' && key[i - 1] <= '9')
			return i == 4;
	return 1;
}

/*
 * Could the line be the first part of a title (the organ's name, or a
 * title broken before 年度报告): short, with Chinese in it, not a
 * sentence, not a date (a signature's date ends the report before), no
 * number longer than a year (a web page's footer: 网站标识码, ICP备)?
 */
static int
is_title_head(const char *line, size_t n)
{
	size_t i;
	int cjk = 0, run;

	if (n == 0 || n > 120 || text_is_blank(line, n) || has(line, n, "。"))
		return 0;
	for (i = 0, run = 0; i < n; i++) {
		cjk += (unsigned char)line[i] >= 0xe3;
		run = line[i] >= '0' && line[i] <= '9' ? run + 1 : 0;
		if (run > 4)	/* a year has four: a record or phone number */
			return 0;
	}
	/* Three characters at least: not the 无 that ends a section. */
	return cjk >= 3 && !(has(line, n, "年") && has(line, n, "月"));
}

/*
 * The title at s->title may have its organ on the line above, blank
 * line between (as meta reads it), or a title broken over three lines
 * its first two parts above: start the report there.  One blank line at
 * most between them (more part a signature from the next title), no
 * page break between; each line must be one an organ's name or a
 * title's first part fits.
 */
static void
org_line(const char *text, struct scan *s)
{
	size_t end = s->title, from;
	long line = s->title_line;
	int blank, heads = 0;

	for (blank = 0; blank <= 1 && end > 0; blank++) {
		from = end - 1;		/* the LF ending the line above */
		while (from > 0 && text[from - 1] != '\n')
			from--;
		line--;
		/* A form feed began the page: the report starts on it. */
		if (memchr(text + from, '\f', end - 1 - from) != NULL &&
		    text_is_blank(text + from, end - 1 - from))
			return;
		if (!text_is_blank(text + from, end - 1 - from)) {
			if (!is_title_head(text + from, end - 1 - from))
				return;
			s->title = from;
			s->title_line = line;
			/* A title broken over three lines (organ / year /
			 * 工作报告): one more head may stand above. */
			if (++heads == 2)
				return;
			blank = -1;
		}
		end = from;
	}
}

/* Where the report whose 一 heading is at `at` begins: at its title, or
 * without one at the page the last form feed began. */
static size_t
part_start(const struct scan *s, long *line)
{
	if (s->have_title) {
		*line = s->title_line;
		return s->title;
	}
	*line = s->ff_line;
	return s->ff;
}

/*
 * Note a form feed on the line at `start` (n bytes): the page begins at
 * this line, or at the next when the form feed ends the line.
 */
static void
note_ff(struct scan *s, const char *text, size_t start, size_t n,
    long lineno)
{
	const char *ff = memchr(text + start, '\f', n);

	if (ff == NULL || s->have_title)
		return;
	if (text_is_blank(ff + 1, text + start + n - ff - 1) &&
	    ff > text + start) {
		s->ff = start + n + 1;
		s->ff_line = lineno + 1;
	} else {
		s->ff = start;
		s->ff_line = lineno;
	}
	s->have_ff = 1;
}

int
split_reports(const char *text, size_t len, struct report_part *out,
    int max, struct sections_heads *hs)
{
	struct scan s = {0};
	const char *line, *end = text + len;
	const char *ff = memchr(text, '\f', len), *bao = text;
	size_t pos = 0, start = 0, n;
	long lineno = 0, at;
	int k, nparts = 1;

	out[0].from = 0;
	out[0].line = 1;
	hs->n = 0;
	/* The next form feed and 报 are looked for in the whole rest of
	 * the text, not line by line: most lines hold neither. */
	for (; gip_next_line(text, len, &pos, &line, &n); start = pos) {
		lineno++;
		if (ff != NULL && ff < line)
			ff = memchr(line, '\f', end - line);
		if (ff != NULL && ff < line + n)
			note_ff(&s, text, start, n, lineno);
		if (!s.have_title && s.last > 0 && bao != NULL && bao < line)
			bao = utf8_find(line, end - line, "报");
		if (!s.have_title && s.last > 0 && bao != NULL &&
		    bao < line + n && is_title(line, n)) {
			s.have_title = 1;
			s.title = start;
			s.title_line = lineno;
			if (org_above(line, n))
				org_line(text, &s);
		}
		if (!sections_may_head(line, n) ||
		    (k = sections_note(hs, text, start, n, pos, lineno)) == 0)
			continue;
		if (k == 1 && s.last >= 2 && (s.have_title || s.have_ff) &&
		    lineno - s.one_line >= SPLIT_MIN_LINES && nparts < max) {
			out[nparts - 1].to = part_start(&s, &at);
			out[nparts].from = out[nparts - 1].to;
			out[nparts].line = at;
			nparts++;
			s.last = 0;
		}
		if (k > s.last) {
			if (s.last == 0)
				s.one_line = lineno;
			s.last = k;
			s.have_title = s.have_ff = 0;
		}
	}
	out[nparts - 1].to = len;
	hs->lines = lineno;
	return nparts;
}

int
split_part_sections(const char *text, const struct report_part *p,
    const struct report_part *next, const struct sections_heads *hs,
    struct gip_section sec[7])
{
	long nlines = (next ? next->line : hs->lines + 1) - p->line;

	return sections_of_part(text, hs, p->from, p->to, p->line, nlines,
	    sec);
}

void
split_part_doc(const struct gip_doc *whole, const struct report_part *p,
    struct gip_doc *part, char **buf, size_t *cap)
{
	size_t n = p->to - p->from;

	if (n + 1 > *cap) {
		*cap = n + 1;
		*buf = gip_xrealloc(*buf, *cap);
	}
	memcpy(*buf, whole->text + p->from, n);
	(*buf)[n] = '\0';
	*part = *whole;
	part->text = *buf;
	part->len = n;
}

void
split_shift_tables(struct doctables *dt, long delta)
{
	int i, j;

	for (i = 0; i < dt->n; i++) {
		dt->t[i].first_line += delta;
		dt->t[i].last_line += delta;
		for (j = 0; j < dt->t[i].g.nrow; j++)
			dt->t[i].g.row[j].line += delta;
	}
}
