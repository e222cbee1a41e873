/*
 * Finding the six section headings of a report.  Every line is scanned
 * with memchr; only a short line whose first visible character is a
 * numeral marker (二、 2. （二） ...) is normalised and matched, and a
 * heading counts only if its key words belong to the number it carries
 * and it comes after the sections already found.  Section 三's table
 * rows (二、上年结转...) and prose sub-headings have no key words of
 * their own number, so they never count.
 */

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 picked at run time where the compiler can (scan_blocks_avx2). */
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define SECTIONS_AVX2 1
#include <immintrin.h>
#endif

#include "err.h"
#include "input.h"
#include "pattern.h"
#include "sections.h"
#include "text.h"
#include "utf8.h"

/* A heading line, leading white space and marks aside, is never longer. */
#define HEADING_MAX	255

/*
 * Matched against the TEXT_LABEL form (folded, no marks, no spaces).
 * Groups 1 and 2: the numeral; groups 3..8: the key words of sections
 * 1..6.  At most 40 characters: a heading, not a paragraph.  The rule
 * as written; sections_label matches it by hand.
 */
static const char heading_pattern[] =
    "^(?=.{4,40}$)"
    "(?:\\(([一二三四五六1-6])\\)|([一二三四五六1-6])[、.,])"
    "(?:endif\\]>)?.{0,12}?"
    "(?:(总体情况)|(主动公开政府信息)|(收到和处理政府信息公开申请)"
    "|(行政复议.{0,6}行政诉讼)|(存在的?主要问题)|(其他需要报告))";

/*
 * The first character of each section's key words in the pattern: a
 * line numbered k without it cannot be heading k, and it is found as is
 * in the raw line (folding leaves Han characters alone, and spaced-out
 * headings space between characters, not inside them).
 */
static const char *const key_first[SECTIONS_MAX] = {	/* 3 bytes each */
	"总", "主", "收", "行", "存", "其"
};

static pcre2_code *heading_re;
static pcre2_match_data *heading_md;

/* Compile the pattern once, with JIT when the platform has it. */
static void
heading_re_init(void)
{
	if (heading_re == NULL)
		heading_re = pattern_compile(heading_pattern,
		    "heading pattern", &heading_md);
}

/*
 * 1..6 for a numeral at s: 1..6, １..６ (U+FF11..FF16) or 一..六, else 0.
 * Every line that may be a heading asks, so it looks at bytes, not
 * strings.
 */
static int
numeral_value(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && s[0] >= '1' && s[0] <= '6')
		return s[0] - '0';
	if (n < 3)
		return 0;
	/* The three bytes of 一..六 at once. */
	switch ((unsigned)u[0] | (unsigned)u[1] << 8 | (unsigned)u[2] << 16) {
	case 0x80b8e4:	return 1;	/* 一 E4 B8 80 */
	case 0x8cbae4:	return 2;	/* 二 E4 BA 8C */
	case 0x89b8e4:	return 3;	/* 三 E4 B8 89 */
	case 0x9b9be5:	return 4;	/* 四 E5 9B 9B */
	case 0x94bae4:	return 5;	/* 五 E4 BA 94 */
	case 0xad85e5:	return 6;	/* 六 E5 85 AD */
	}
	return u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x91 && u[2] <= 0x96 ?
	    u[2] - 0x90 : 0;
}

static int
is_lead_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '*' || c == '#';
}

/*
 * Skip what may precede a heading: white space, **, # (Markdown), | (a
 * pandoc table frame), a bookmark, html2text's remains of a Word list
 * number ("if !supportLists]>1、   endif]>总体情况").
 */
static const char *
skip_lead(const char *p, const char *end)
{
	const char *close;

	while (p < end) {
		if (is_lead_byte(*p) || *p == '|')
			p++;
		else if (*p != '\xe3' && *p != '\xef' && *p != '\xc2' &&
		    *p != 'i' && *p != '[')
			break;	/* the usual case: none of the below */
		else if (end - p >= 3 && (memcmp(p, "\xe3\x80\x80", 3) == 0 ||
		    memcmp(p, "\xef\xbb\xbf", 3) == 0))
			p += 3;
		else if (end - p >= 2 && memcmp(p, "\xc2\xa0", 2) == 0)
			p += 2;
		else if (end - p >= 18 && memcmp(p, "if !supportLists]>",
		    18) == 0)
			p += 18;
		else if (end - p >= 10 && memcmp(p, "[bookmark:", 10) == 0 &&
		    (close = memchr(p, ']', end - p)) != NULL)
			p = close + 1;
		else
			break;
	}
	return p;
}

/* Drop what may follow a heading: white space, ** or ***** (html2text),
 * the | of a table frame (pandoc). */
static const char *
trim_tail(const char *p, const char *end)
{
	while (end > p) {
		if (is_lead_byte(end[-1]) || end[-1] == '|')
			end--;
		else if (end - p >= 3 && memcmp(end - 3, "\xe3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	return end;
}

/* Skip spaces and U+3000 (spaced-out headings: 四 、 政 府). */
static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if (end - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
		else
			break;
	}
	return p;
}

/* Does s start with one of the NULL-ended strings in set (each 1 or 3
 * bytes)?  Past it if so. */
static const char *
skip_one_of(const char *s, const char *end, const char *const set[])
{
	for (; *set != NULL; set++) {
		if (s >= end || s[0] != (*set)[0])
			continue;
		if ((*set)[1] == '\0')
			return s + 1;
		if (end - s >= 3 && s[1] == (*set)[1] && s[2] == (*set)[2])
			return s + 3;
	}
	return NULL;
}

/*
 * The number of the numeral marker at s: 二、 2. 二． （二） (2), spaces
 * allowed around the numeral; 0 if there is none.  Cheap, so most lines
 * stop here.
 */
static int
marker_start(const char *s, const char *end)
{
	static const char *const opens[] = { "(", "\xef\xbc\x88", NULL };
	static const char *const closes[] = { ")", "\xef\xbc\x89", NULL };
	static const char *const seps[] = { "\xe3\x80\x81", ".",
	    "\xef\xbc\x8e", ",", "\xef\xbc\x8c", NULL };
	const char *p = skip_one_of(s, end, opens);
	int paren = p != NULL, number;

	p = skip_blanks(paren ? p : s, end);
	if ((number = numeral_value(p, end - p)) == 0)
		return 0;
	p = skip_blanks(p + (*p >= '1' && *p <= '6' ? 1 : 3), end);
	return skip_one_of(p, end, paren ? closes : seps) != NULL ? number : 0;
}

/* The first capture group in from..to that matched, or 0. */
static int
first_group(int from, int to)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(heading_md);
	int g;

	for (g = from; g <= to; g++)
		if (ov[2 * g] != PCRE2_UNSET)
			return g;
	return 0;
}

/*
 * sections_label by the pattern.  The label is valid UTF-8 (text_norm
 * re-encodes what it folds), so PCRE2 need not check it again.
 */
int
sections_label_re(const char *label, size_t n)
{
	PCRE2_SIZE *ov;
	PCRE2_UCHAR msg[256];
	int rc, g, number;

	heading_re_init();
	rc = pcre2_match(heading_re, (PCRE2_SPTR)label, n, 0,
	    PCRE2_NO_UTF_CHECK, heading_md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		pcre2_get_error_message(rc, msg, sizeof msg);
		gip_fatal("matching a heading: %s", (char *)msg);
	}
	ov = pcre2_get_ovector_pointer(heading_md);
	g = first_group(1, 2);
	number = numeral_value(label + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	return first_group(3, 8) - 2 == number ? number : 0;
}

/* Does s[0..end) begin with the string w?  Past it if so. */
static const char *
starts(const char *s, const char *end, const char *w)
{
	size_t k = strlen(w);

	return (size_t)(end - s) >= k && memcmp(s, w, k) == 0 ? s + k : NULL;
}

/* Past one character at s, as the pattern's . takes it (not LF), or
 * NULL at the end. */
static const char *
any_char(const char *s, const char *end)
{
	if (s == end || *s == '\n')
		return NULL;
	for (s++; s < end && (*s & 0xc0) == 0x80; s++)
		;
	return s;
}

/* Which key words (1..6, the pattern's groups 3..8 in their order)
 * begin at s, or 0.  Each begins with a character of its own (总 主 收
 * 行 存 其), so that character picks the one to compare. */
static int
key_words_at(const char *s, const char *end)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *p;
	int k;

	if (end - s < 3)
		return 0;
	switch ((unsigned long)u[0] << 16 | (unsigned long)u[1] << 8 | u[2]) {
	case 0xe680bb:	/* 总 */
		return starts(s, end, "总体情况") ? 1 : 0;
	case 0xe4b8bb:	/* 主 */
		return starts(s, end, "主动公开政府信息") ? 2 : 0;
	case 0xe694b6:	/* 收 */
		return starts(s, end, "收到和处理政府信息公开申请") ? 3 : 0;
	case 0xe8a18c:	/* 行 */
		if ((p = starts(s, end, "行政复议")) != NULL)
			for (k = 0; k <= 6 && p != NULL; k++,
			    p = any_char(p, end))
				if (starts(p, end, "行政诉讼"))
					return 4;
		return 0;
	case 0xe5ad98:	/* 存 */
		return (p = starts(s, end, "存在")) != NULL &&
		    (starts(p, end, "主要问题") || ((p = starts(p, end,
		    "的")) && starts(p, end, "主要问题"))) ? 5 : 0;
	case 0xe585b6:	/* 其 */
		return starts(s, end, "其他需要报告") ? 6 : 0;
	}
	return 0;
}

/* The pattern's .{0,12}? and key words from s on: the first key words
 * found, trying the nearest start first; 0 if none. */
static int
key_words_near(const char *s, const char *end)
{
	int j, k;

	for (j = 0; j <= 12 && s != NULL; j++, s = any_char(s, end))
		if ((k = key_words_at(s, end)) != 0)
			return k;
	return 0;
}

/* The numeral at s (一..六, 1..6, as in the pattern) and past it. */
static int
label_numeral(const char *s, const char *end, const char **past)
{
	int k = 0;

	/* Not numeral_value's １..６: TEXT_FOLD made them ASCII. */
	if (s < end && *s >= '1' && *s <= '6')
		k = *s - '0';
	else if (s < end && (unsigned char)*s != 0xef)
		k = numeral_value(s, end - s);

	*past = s + (k != 0 && (*s & 0x80) ? 3 : 1);
	return k;
}

/* The characters of s[0..n): its bytes but UTF-8's continuation bytes
 * (10xxxxxx), eight at a time. */
static size_t
char_count(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u;
	uint64_t w;
	size_t i, cont = 0;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* bit 7 set and bit 6 clear, as 1 in each byte, summed by
		 * a multiply (no popcount instruction assumed) */
		cont += ((w & ~(w << 1) & high) >> 7) *
		    0x0101010101010101u >> 56;
	}
	for (; i < n; i++)
		cont += (s[i] & 0xc0) == 0x80;
	return n - cont;
}

/*
 * The section number the label (TEXT_LABEL form) is the heading of: the
 * pattern above, matched by hand (it is tried on every line that looks
 * like a heading).  A label holding an LF, which the pattern's . and $
 * treat apart, goes to the pattern.  fuzz/sections checks the two agree.
 */
int
sections_label(const char *label, size_t n)
{
	const char *end = label + n, *p, *q;
	size_t chars;
	int number, k;

	if (memchr(label, '\n', n) != NULL)
		return sections_label_re(label, n);
	if ((chars = char_count(label, n)) < 4 || chars > 40)
		return 0;
	if ((p = starts(label, end, "(")) != NULL) {
		if ((number = label_numeral(p, end, &q)) == 0 ||
		    (q = starts(q, end, ")")) == NULL)
			return 0;
	} else {
		if ((number = label_numeral(label, end, &p)) == 0 ||
		    ((q = starts(p, end, "、")) == NULL &&
		    (q = starts(p, end, ".")) == NULL &&
		    (q = starts(p, end, ",")) == NULL))
			return 0;
	}
	/* (?:endif\]>)? is greedy: with it first, then without. */
	if ((p = starts(q, end, "endif]>")) == NULL ||
	    (k = key_words_near(p, end)) == 0)
		k = key_words_near(q, end);
	return k != 0 && k == number ? number : 0;
}

/*
 * The section number line is the heading of, or 0; its start is left
 * in *head (after white space and marks) for the title.  Headings come
 * in order, so a line numbered last or less (section 三's table rows,
 * the sub-headings) is not looked at further, nor one without its key
 * words' first character.
 */
/*
 * Can a numeral marker begin at p (blanks skipped, so marker_start's
 * skip_blanks before the numeral skips nothing)?  An open parenthesis
 * or a numeral.  Most lines stop here.
 */
static int
may_be_marker(const char *p, const char *end)
{
	return *p == '(' || (end - p >= 3 && memcmp(p, "\xef\xbc\x88",
	    3) == 0) || numeral_value(p, end - p) != 0;
}

/* Is the line longer than heading_number takes, lead and tail aside? */
static int
too_long(const char *line, size_t n)
{
	const char *p = skip_lead(line, line + n);

	return (size_t)(trim_tail(p, line + n) - p) > HEADING_MAX;
}

static int
heading_number(const char *line, size_t n, int last, const char **head,
    size_t *hlen, int *marker)
{
	char label[HEADING_MAX + 1];
	const char *p = skip_lead(line, line + n), *end;
	size_t rest, m;
	int k;

	if (p == line + n || !may_be_marker(p, line + n))
		return 0;
	end = trim_tail(p, line + n);
	rest = end - p;
	if (rest == 0 || rest > HEADING_MAX ||
	    (k = marker_start(p, end)) <= last ||
	    utf8_find_n(p, rest, key_first[k - 1], 3) == NULL)
		return 0;
	m = text_norm(label, p, rest, TEXT_LABEL);
	*head = p;
	*hlen = rest;
	*marker = k;
	return sections_label(label, m);
}

int
sections_heading(const char *line, size_t n)
{
	const char *head;
	size_t hlen;
	int marker;

	return heading_number(line, n, 0, &head, &hlen, &marker);
}

/*
 * The first bytes a heading line can have, white space, | and U+3000
 * and NBSP skipped (sections_may_head): what else skip_lead passes over
 * (form feed, marks, BOM, the remains of a list number, a bookmark) and
 * what may_be_marker lets through; 2 for the lead bytes of 一..六,
 * which begin a third of all Han characters and are looked at whole.
 * Not E3 or C2: past U+3000 and NBSP no character they lead begins a
 * marker or is skipped by skip_lead.
 */
const unsigned char sections_may_begin[256] = {
	['\f'] = 1, ['*'] = 1, ['#'] = 1, ['i'] = 1, ['['] = 1, ['('] = 1,
	['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	[0xe4] = 2, [0xe5] = 2, [0xef] = 1
};

int
sections_note(struct sections_heads *hs, const char *text, size_t start,
    size_t n, size_t body, long lineno)
{
	struct sections_head *h;
	const char *head;
	size_t hlen;
	int k, marker;

	if ((k = heading_number(text + start, n, 0, &head, &hlen,
	    &marker)) == 0)
		return 0;
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? 2 * hs->cap : 64;
		hs->h = gip_xrealloc(hs->h, hs->cap * sizeof *hs->h);
	}
	h = &hs->h[hs->n++];
	h->start = start;
	h->body = body;
	h->head = head - text;
	h->hlen = hlen;
	h->line = lineno;
	h->k = k;
	h->marker = marker;
	return k;
}

/* Bytes that may follow a marker's numeral: blanks (TAB, space, U+3000)
 * and the first bytes of 、 . ． , ，. */
static int
after_numeral(const unsigned char *p, const unsigned char *end)
{
	return p < end && (*p == ' ' || *p == '\t' || *p == '.' ||
	    *p == ',' || *p == 0xe3 || *p == 0xef);
}

/*
 * The number of the numeral marker that may begin at p, which
 * sections_may_begin_at took: marker_start finds that number or none.
 * 0 if none can begin there: a numeral must be followed by blanks or a
 * separator, an open parenthesis by blanks and a numeral; this passes
 * over table rows of numbers, dates and the like before their line's
 * end is looked for.  -1 for what skip_lead passes (the number is not
 * known).
 */
static int
marker_guess(const unsigned char *p, const unsigned char *end)
{
	const char *q;

	if (*p >= '1' && *p <= '6')
		return after_numeral(p + 1, end) ? *p - '0' : 0;
	if (*p == 0xe4 || *p == 0xe5)	/* 一..六, whole: may_begin_at */
		return after_numeral(p + 3, end) ?
		    numeral_value((const char *)p, 3) : 0;
	if (*p == '(')
		q = (const char *)p + 1;
	else if (*p != 0xef)
		return -1;		/* \f * # i [ */
	else if (end - p < 3 || (p[1] != 0xbb && p[1] != 0xbc))
		return 0;
	else if (p[1] == 0xbb)
		return p[2] == 0xbf ? -1 : 0;	/* a BOM */
	else if (p[2] >= 0x91 && p[2] <= 0x96)	/* １..６ */
		return after_numeral(p + 3, end) ? p[2] - 0x90 : 0;
	else if (p[2] == 0x88)		/* （ */
		q = (const char *)p + 3;
	else
		return 0;
	q = skip_blanks(q, (const char *)end);
	return numeral_value(q, (const char *)end - q);
}

/*
 * What sections_scan knows of the headings so far: the last one
 * sections_of_part takes (a heading counts when its number and marker
 * are past it), the highest number (split_reports' last), and whether a
 * 一 heading came after a higher one.
 */
struct scan_state {
	int	 last, highest, several;
};

/* scan_line's lf when the line's end is not known. */
#define NO_LF	SIZE_MAX

/*
 * The marker_guess of the line whose first byte past the blanks is p,
 * which sections_may_begin_at took; 0 also for a line whose marker is
 * not past the last heading taken (section 三's and 四's table rows, the
 * sub-headings): sections_of_part would pass it over, and a heading's
 * number is its marker's (sections_label), so it changes neither the
 * highest number nor, but for a 一 after a higher one, whether the input
 * may hold several reports.  Asked before scan_line is called: most
 * lines it is asked of stop here.
 */
static inline int
scan_guess(const unsigned char *p, const unsigned char *end,
    const struct scan_state *st)
{
	int v = marker_guess(p, end);

	return v > 0 && v <= st->last && (v != 1 || st->highest < 2) ? 0 : v;
}

/*
 * Note the line at start, line lineno, if it is a heading; v: its
 * scan_guess (not 0).  lf: where the line's LF is when the caller saw
 * it, else NO_LF (looked for).
 */
static void
scan_line(struct sections_heads *hs, const char *text, size_t len,
    size_t start, int v, long lineno, struct scan_state *st, size_t lf)
{
	const char *line = text + start, *nl;
	size_t n;
	int k, marker;

	nl = lf != NO_LF ? text + lf : memchr(line, '\n', len - start);
	n = nl != NULL ? (size_t)(nl - line) : len - start;
	/* heading_number takes no line longer than a heading, lead and
	 * tail aside (a paragraph that begins with a number), and asks
	 * for these key words' first character */
	if (n > HEADING_MAX && too_long(line, n))
		return;
	if (v > 0 && utf8_find_n(line, n, key_first[v - 1], 3) == NULL)
		return;
	if ((k = sections_note(hs, text, start, n, start + n + (nl != NULL),
	    lineno)) == 0)
		return;
	marker = hs->h[hs->n - 1].marker;
	if (k == 1 && st->highest >= 2)
		st->several = 1;
	if (k > st->highest)
		st->highest = k;
	if (k > st->last && marker > st->last)
		st->last = k;
}

#ifdef __SSE2__
/* The LFs and the TABs, spaces and | among the 16 bytes at p. */
static inline void
scan16(const char *p, uint64_t *lf, uint64_t *blank)
{
	const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);

	*lf = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
	    _mm_set1_epi8('\n')));
	*blank = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('|'))));
}
#endif

#ifdef SECTIONS_AVX2
/* The LFs and the TABs, spaces and | among the 32 bytes x. */
__attribute__((target("avx2"))) static inline void
scan32(__m256i x, uint64_t *lf, uint64_t *blank)
{
	*lf = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(x,
	    _mm256_set1_epi8('\n')));
	*blank = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
	    _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t')),
	    _mm256_cmpeq_epi8(x, _mm256_set1_epi8(' '))),
	    _mm256_cmpeq_epi8(x, _mm256_set1_epi8('|'))));
}
#endif

/*
 * The LFs among the n (at most 64) bytes at p into *lf, bit j for byte
 * j; and into *open, when n is 64 and SSE2 is there, the bytes that are
 * no TAB, space or |, else 0 (not known).
 */
static void
scan_block(const char *p, size_t n, uint64_t *lf, uint64_t *open)
{
	const char *q = p;

	*lf = *open = 0;
#ifdef __SSE2__
	if (n == 64) {
		uint64_t lf0, lf1, lf2, lf3, b0, b1, b2, b3;

		/* Unrolled: constant shifts, four independent chains. */
		scan16(p, &lf0, &b0);
		scan16(p + 16, &lf1, &b1);
		scan16(p + 32, &lf2, &b2);
		scan16(p + 48, &lf3, &b3);
		*lf = lf0 | lf1 << 16 | lf2 << 32 | lf3 << 48;
		*open = ~(b0 | b1 << 16 | b2 << 32 | b3 << 48);
		return;
	}
#endif
	while ((q = memchr(q, '\n', (size_t)(p + n - q))) != NULL) {
		*lf |= (uint64_t)1 << (q - p);
		q++;
	}
}

/* The lowest set bit of m (not 0). */
static int
lowest_bit(uint64_t m)
{
#ifdef __GNUC__
	return __builtin_ctzll(m);
#else
	int j = 0;

	while ((m & 1) == 0)
		m >>= 1, j++;
	return j;
#endif
}

/*
 * sections_may_head for the line at start, open the bits of scan_block's
 * *open from start on (0: not known): its first byte past the blanks if
 * it may be a heading, else NULL.  Past the TABs, spaces and | the bits
 * show, the line's first other byte; from U+3000 or NBSP (E3, C2) on,
 * or without the bits, the byte loop.
 */
static inline const unsigned char *
scan_may_head(const char *text, size_t len, size_t start, uint64_t open)
{
	const unsigned char *p = (const unsigned char *)text + start;
	const unsigned char *end = (const unsigned char *)text + len;

	if (open != 0) {
		p += lowest_bit(open);
		if (p >= end)
			return NULL;
	}
	if (open == 0 || *p == 0xe3 || *p == 0xc2)
		p = sections_past_blanks(p, end);
	return sections_may_begin_at(p, end) ? p : NULL;
}

#ifdef SECTIONS_AVX2
/*
 * Where a line's scan stands between blocks: the line the next block
 * begins in (its number and start), and whether its blank run is still
 * open (its first byte past TAB, space and | not yet seen).
 */
struct scan_line_state {
	long	 lineno;
	size_t	 start;
	int	 open;
};

/*
 * The bytes that may be a line's first past TAB, space and |: what
 * sections_may_begin takes, and E3 and C2 (U+3000, NBSP), after which
 * sections_past_blanks goes on.  By two look-ups of 16 entries, one by
 * each half of a byte: every high half that leads one of them has its
 * own bit, and a low half's entry holds the bits of the high halves it
 * comes with among them, so a byte gets a bit from both exactly when it
 * is one of them.
 */
#define MB_0	0x01	/* 0C (\f) */
#define MB_2	0x02	/* 23 28 2A (# ( *) */
#define MB_3	0x04	/* 31..36 (1..6) */
#define MB_5	0x08	/* 5B ([) */
#define MB_6	0x10	/* 69 (i) */
#define MB_C	0x20	/* C2 */
#define MB_E	0x40	/* E3 E4 E5 EF */

__attribute__((target("avx2"))) static inline uint64_t
may_begin32(__m256i x, __m256i by_low, __m256i by_high, __m256i low4)
{
	__m256i lo = _mm256_shuffle_epi8(by_low, _mm256_and_si256(x, low4));
	__m256i hi = _mm256_shuffle_epi8(by_high, _mm256_and_si256(
	    _mm256_srli_epi16(x, 4), low4));

	return ~(uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_and_si256(lo, hi), _mm256_setzero_si256())) &
	    0xffffffffu;
}

/*
 * sections_scan's loop over the whole 64-byte blocks of text, with
 * AVX2: the first byte past TAB, space and | of every line is found
 * for all lines of a block at once (the line starts added to the blank
 * mask: each carry runs through a line's blanks and stops on its first
 * other byte), and only a line whose byte there may begin a heading is
 * looked at, by scan_may_head's test; its end is the block's next LF
 * when the block has one.  No call but for such a line, and the line's
 * place kept in locals, so the look-up tables stay in registers.
 * Returns where the whole blocks end; *ls: the line there.
 */
__attribute__((target("avx2,popcnt"))) static size_t
scan_blocks_avx2(const char *text, size_t len, struct sections_heads *hs,
    struct scan_state *st, struct scan_line_state *ls)
{
	const unsigned char *p, *end = (const unsigned char *)text + len;
	const __m256i by_low = _mm256_setr_epi8(
	    0, MB_3, MB_3 | MB_C, MB_2 | MB_3 | MB_E, MB_3 | MB_E,
	    MB_3 | MB_E, MB_3, 0, MB_2, MB_6, MB_2, MB_5, MB_0, 0, 0, MB_E,
	    0, MB_3, MB_3 | MB_C, MB_2 | MB_3 | MB_E, MB_3 | MB_E,
	    MB_3 | MB_E, MB_3, 0, MB_2, MB_6, MB_2, MB_5, MB_0, 0, 0, MB_E);
	const __m256i by_high = _mm256_setr_epi8(
	    MB_0, 0, MB_2, MB_3, 0, MB_5, MB_6, 0, 0, 0, 0, 0, MB_C, 0, MB_E,
	    0,
	    MB_0, 0, MB_2, MB_3, 0, MB_5, MB_6, 0, 0, 0, 0, 0, MB_C, 0, MB_E,
	    0);
	const __m256i low4 = _mm256_set1_epi8(0x0f);
	__m256i x0, x1;
	uint64_t lf, lf1, blank, blank1, starts, sum, heads, cand, below, after;
	size_t i, start = ls->start, at;
	long lineno = ls->lineno;
	int h, v, carry, open = ls->open;

	for (i = 0; i + 64 <= len; i += 64) {
		x0 = _mm256_loadu_si256((const __m256i *)(const void *)(text +
		    i));
		x1 = _mm256_loadu_si256((const __m256i *)(const void *)(text +
		    i + 32));
		scan32(x0, &lf, &blank);
		scan32(x1, &lf1, &blank1);
		lf |= lf1 << 32;
		blank |= blank1 << 32;
		/* the line begun before this block whose blanks are
		 * still running starts here too */
		starts = lf << 1 | (uint64_t)open;
		carry = __builtin_add_overflow(blank, starts, &sum);
		heads = sum & ~blank;
		cand = heads & (may_begin32(x0, by_low, by_high, low4) |
		    may_begin32(x1, by_low, by_high, low4) << 32);
		for (; cand != 0; cand &= cand - 1) {
			/* the calls below run SSE code (utf8_find_n): with
			 * the upper halves of the registers left dirty, it
			 * ran several times slower (GCC put no vzeroupper
			 * before them once they were two) */
			_mm256_zeroupper();
			h = __builtin_ctzll(cand);
			p = (const unsigned char *)text + i + h;
			if (*p == 0xe3 || *p == 0xc2)
				p = sections_past_blanks(p, end);
			if (!sections_may_begin_at(p, end) ||
			    (v = scan_guess(p, end, st)) == 0)
				continue;
			below = lf & (((uint64_t)1 << h) - 1);
			after = lf & (~(uint64_t)1 << h);
			at = after != 0 ? i + (size_t)__builtin_ctzll(after) :
			    NO_LF;
			scan_line(hs, text, len, below != 0 ? i + 64 -
			    (size_t)__builtin_clzll(below) : start, v,
			    lineno + __builtin_popcountll(below), st, at);
		}
		/* the line the next block begins in */
		if (lf != 0) {
			start = i + 64 - (size_t)__builtin_clzll(lf);
			lineno += __builtin_popcountll(lf);
		}
		open = carry || lf >> 63;
	}
	ls->start = start;
	ls->lineno = lineno;
	ls->open = open;
	return i;
}
#endif

int
sections_scan(const char *text, size_t len, struct sections_heads *hs)
{
	const unsigned char *p, *end = (const unsigned char *)text + len;
	size_t i, k;
	uint64_t lf, open;
	struct scan_state st = { 0, 0, 0 };
	long lineno = 1;
	int j, v;

	hs->n = 0;
	if (len > 0 && (p = scan_may_head(text, len, 0, 0)) != NULL &&
	    (v = scan_guess(p, end, &st)) != 0)
		scan_line(hs, text, len, 0, v, 1, &st, NO_LF);
	i = 0;
#ifdef SECTIONS_AVX2
	if (__builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("popcnt")) {
		struct scan_line_state ls = { 1, 0, 0 };

		i = scan_blocks_avx2(text, len, hs, &st, &ls);
		lineno = ls.lineno;
		/* a line begun in the blocks, its first byte not yet seen
		 * (not line 1, looked at above) */
		if (ls.open && ls.start > 0 && ls.start < len &&
		    (p = scan_may_head(text, len, ls.start, 0)) != NULL &&
		    (v = scan_guess(p, end, &st)) != 0)
			scan_line(hs, text, len, ls.start, v, lineno, &st,
			    NO_LF);
	}
#endif
	for (; i < len; i += 64) {
		k = len - i < 64 ? len - i : 64;
		scan_block(text + i, k, &lf, &open);
		for (; lf != 0; lf &= lf - 1) {
			j = lowest_bit(lf) + 1;		/* the next line's start */
			lineno++;
			if (i + j < len && (p = scan_may_head(text, len, i + j,
			    j < 64 ? open >> j : 0)) != NULL &&
			    (v = scan_guess(p, end, &st)) != 0)
				scan_line(hs, text, len, i + j, v, lineno, &st,
				    NO_LF);
		}
	}
	/* gip_next_line counts a last line without its LF. */
	hs->lines = len > 0 && text[len - 1] != '\n' ? lineno : lineno - 1;
	return st.several;
}

/* Close every found section where the next found one starts. */
static void
sections_close(struct gip_section sec[7], size_t len, long lines)
{
	int i, next;

	for (i = 0; i <= SECTIONS_MAX; i = next) {
		for (next = i + 1; next <= SECTIONS_MAX; next++)
			if (sec[next].found)
				break;
		if (!sec[i].found)
			continue;
		sec[i].end = next <= SECTIONS_MAX ? sec[next].start : len;
		sec[i].last_line = next <= SECTIONS_MAX ?
		    sec[next].first_line - 1 : lines;
	}
}

/* Section 0 is the front matter before the first heading, if any. */
static void
front_matter(struct gip_section sec[7])
{
	int i;

	for (i = 1; i <= SECTIONS_MAX; i++)
		if (sec[i].found)
			break;
	if (i > SECTIONS_MAX || sec[i].start == 0)
		return;
	sec[0].found = 1;
	sec[0].first_line = 1;
}

int
sections_split(const char *text, size_t len, struct gip_section sec[7])
{
	const char *line, *head = NULL;
	size_t pos = 0, start = 0, n, hlen = 0;
	long lineno = 0;
	int k, marker, last = 0, found = 0;

	memset(sec, 0, 7 * sizeof *sec);
	for (; gip_next_line(text, len, &pos, &line, &n); start = pos) {
		lineno++;
		if ((k = heading_number(line, n, last, &head, &hlen,
		    &marker)) <= last)
			continue;
		sec[k].found = 1;
		sec[k].start = start;
		sec[k].body = pos;
		sec[k].first_line = lineno;
		text_norm(sec[k].title, head, hlen, TEXT_CLEAN);
		last = k;
		found++;
	}
	front_matter(sec);
	sections_close(sec, len, lineno);
	return found;
}

/* The first heading at or after byte `from`. */
static int
first_head(const struct sections_heads *hs, size_t from)
{
	int lo = 0, hi = hs->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (hs->h[mid].start < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * As sections_split's loop: a heading counts when both its marker and
 * its number come after the last one counted (heading_number stops at a
 * marker at or below it, and a number at or below it is passed over).
 */
int
sections_of_part(const char *text, const struct sections_heads *hs,
    size_t from, size_t to, long line, long nlines,
    struct gip_section sec[7])
{
	const struct sections_head *h;
	int i, k, last = 0, found = 0;

	memset(sec, 0, 7 * sizeof *sec);
	for (i = first_head(hs, from); i < hs->n && hs->h[i].start < to;
	    i++) {
		h = &hs->h[i];
		if ((k = h->k) <= last || h->marker <= last)
			continue;
		sec[k].found = 1;
		sec[k].start = h->start - from;
		sec[k].body = h->body - from;
		sec[k].first_line = h->line - line + 1;
		if (!hs->no_titles)
			text_norm(sec[k].title, text + h->head, h->hlen,
			    TEXT_CLEAN);
		last = k;
		found++;
	}
	front_matter(sec);
	sections_close(sec, to - from, nlines);
	return found;
}
