/*
 * Figures stated in report prose, found with PCRE2 on a folded copy of
 * the text (full-width digits and punctuation made ASCII, bold marks and
 * white space dropped) in which hard-wrapped lines are joined.  The
 * patterns are narrow on purpose: prose is full of other numbers (items
 * published, documents repealed, proposals handled, dates, telephone
 * numbers), and a figure read wrongly is a false alarm in gip-check.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "pattern.h"
#include "prose.h"
#include "sentence.h"
#include "text.h"

/* No figure is taken across a clause or paragraph end. */
#define CL	"[^。;,!?\\n]"
#define NUM	"([0-9][0-9,]*)"
#define APPL	"(?:政府信息公开|依申请公开|信息公开)"

#define UNIT_ANY	(HAS_JIAN | HAS_FEN | HAS_ZONG | HAS_GE)
#define UNIT_JF		(HAS_JIAN | HAS_FEN)
#define UNIT_CASE	(HAS_JIAN | HAS_QI | HAS_ZONG)

static const struct {
	const char	*row;
	unsigned	 need1, need2, unit;	/* one bit of each */
	const char	*re;	/* group 1 is the number; none means 0 */
} pats[] = {
	{"received", HAS_DIGIT, HAS_GONG, UNIT_ANY, "(?:收到|受理|接收|接到|新收)(?:和|并|及|与)?"
	    "(?:办理|处理)?" CL "{0,12}?" APPL "的?(?:申请)?(?:事项)?"
	    "(?:共计|共|合计|总计)?" NUM "(?:件|份|宗|个)"},
	{"received", HAS_NO, HAS_GONG, 0, "(?:未|没有)(?:收到|受理|接到)(?:任何)?" APPL
	    "的?申请"},
	{"closed", HAS_DIGIT, HAS_SHEN, UNIT_JF, "申请[^。;\\n]{0,40}?(?:办结|答复)(?:申请)?(?:共)?"
	    NUM "(?:件|份)"},
	{"pending", HAS_DIGIT, HAS_ZHUAN, UNIT_JF, "结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?"
	    "(?:申请)?(?:共)?" NUM "(?:件|份)"},
	{"carried", HAS_DIGIT, HAS_ZHUAN, UNIT_JF, "上一?年度?结转的?" APPL "?(?:申请)?(?:共)?"
	    NUM "(?:件|份)"},
	{"review", HAS_DIGIT, HAS_YI, UNIT_CASE, "行政复议(?:案件|申请)?(?:共计|共)?" NUM "(?:件|起|宗)"},
	{"review", HAS_NO, HAS_YI, 0, "(?:未|没有)(?:发生|出现|收到)" CL "{0,24}?行政复议"
	    "(?!" CL "*?(?:纠错|纠正|败诉|撤销))"},
	{"suit", HAS_DIGIT, HAS_SU, UNIT_CASE, "行政诉讼(?:案件)?(?:共计|共)?" NUM "(?:件|起|宗)"},
	{"suit", HAS_NO, HAS_SU, 0, "(?:未|没有)(?:发生|出现|收到)" CL "{0,30}?行政诉讼"
	    "(?!" CL "*?(?:纠错|纠正|败诉|撤销))"},
};
enum { NPATS = sizeof pats / sizeof pats[0] };

/* Subject bytes the interpreter matches before a pattern is JIT
 * compiled (pattern.h).  A report's sentences hold fewer: a process for
 * one report compiles none (callgrind: 10.5 M -> 8.5 M instructions),
 * one for many compiles each in its first reports. */
enum { PROSE_JIT_BUDGET = 1024 };

static struct pattern code[NPATS];
static pcre2_match_data *md;

static void
compile_all(void)
{
	int i;

	for (i = 0; i < NPATS; i++)
		pattern_lazy(&code[i], pats[i].re, "prose pattern",
		    PROSE_JIT_BUDGET);
	if ((md = pcre2_match_data_create(4, NULL)) == NULL)
		gip_fatal("out of memory");
}

/* The folded text of pieces of one paragraph, and where each of their
 * lines began, and its number. */
struct folded {
	char		*s;
	size_t		 len;
	size_t		 cap;
	size_t		*start;		/* offset in s of each line */
	long		*lineno;
	long		 nlines;
	long		 capl;
};

/* A sentence of a paragraph that a pattern may match: its folded text
 * is s[from..to) of the struct folded. */
struct sentence {
	size_t		 from, to;
	unsigned	 has;
};

struct sentences {
	struct sentence	*v;
	int		 n, cap;
};

/*
 * A blank line ends a paragraph only after a full stop: reports split
 * sentences with stray blank lines ("全年共收" / "" / "到…申请702件").
 * last is the last byte of the folded text so far (0 for none), end3
 * its last three bytes.
 */
static int
ends_sentence(int last, const char *end3)
{
	if (last == 0 || last == '\n')
		return 0;
	if (strchr(";:!?", last))
		return 1;
	return last == 0x82 && memcmp(end3, "。", 3) == 0;
}

/*
 * What folding the line s[0..n) (TEXT_FOLD | TEXT_MARKS | TEXT_SQUEEZE)
 * leaves at its end, read from its last character but trailing spaces
 * and TABs alone where that is certain (the text is valid UTF-8): 1
 * with *last (and the last three bytes in end3) if the folded line is
 * not empty; 2 if it is empty (nothing but spaces and TABs); 0 if that
 * character says nothing certain (other white space, a mark's end, a
 * rare character), and the line must be folded to know.
 */
static int
fold_tail(const char *s, size_t n, int *last, char *end3)
{
	const unsigned char *u = (const unsigned char *)s + n;
	unsigned c;

	while (n > 0 && (u[-1] == ' ' || u[-1] == '\t')) {
		n--;	/* dropped by TEXT_SQUEEZE */
		u--;
	}
	if (n == 0)
		return 2;	/* nothing but spaces and TABs: empty */
	c = u[-1];
	if (c > 0x20 && c < 0x7f && c != ']' && c != '>' && c != '*') {
		*last = (int)c;	/* plain ASCII, not the end of a mark */
		return 1;
	}
	if (n < 3 || u[-3] < 0xe1 || u[-3] > 0xef)
		return 0;
	if (u[-3] == 0xef) {	/* full-width forms U+FF01..U+FF3F */
		if (u[-2] != 0xbc || c < 0x81)
			return 0;
		*last = (int)(c - 0x60);
		return 1;
	}
	/* U+1000..U+EFFF is kept as it is but for spaces, quotes and
	 * U+200B in U+2000..U+203F, and U+3000 */
	if ((u[-3] == 0xe2 && u[-2] == 0x80) || (u[-3] == 0xe3 &&
	    u[-2] == 0x80 && c == 0x80))
		return 0;
	*last = (int)c;
	memcpy(end3, u - 3, 3);
	return 1;
}

/* Append the fold of text[0..len), whose first line is line, to f, a
 * line at a time. */
static void
fold_piece(struct folded *f, const char *text, size_t len, long line)
{
	const char *p = text, *end = text + len, *nl;

	if (f->len + len + 2 > f->cap) {
		f->cap = 2 * (f->len + len + 2);
		f->s = gip_xrealloc(f->s, f->cap);
	}
	for (;;) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (f->nlines == f->capl) {
			f->capl = f->capl ? 2 * f->capl : 64;
			f->start = gip_xrealloc(f->start, f->capl *
			    sizeof f->start[0]);
			f->lineno = gip_xrealloc(f->lineno, f->capl *
			    sizeof f->lineno[0]);
		}
		f->start[f->nlines] = f->len;
		f->lineno[f->nlines++] = line++;
		f->len += text_norm(f->s + f->len, p, (size_t)(nl - p),
		    TEXT_FOLD | TEXT_MARKS | TEXT_SQUEEZE);
		if (nl == end)
			break;
		p = nl + 1;
	}
	f->s[f->len] = '\0';
}

static long
line_of(const struct folded *f, size_t off)
{
	long lo = 0, hi = f->nlines - 1, mid;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (f->start[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return f->lineno[lo];
}

static long
num_value(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9' && v < 100000000)
			v = v * 10 + (s[i] - '0');
	return v;
}

static int
add_fig(struct prose_fig *out, int nout, int max, const char *row,
    long value, long line)
{
	int i;

	for (i = 0; i < nout; i++)
		if (out[i].row == row && out[i].value == value)
			return nout;
	if (nout == max)
		return nout;
	out[nout].row = row;
	out[nout].value = value;
	out[nout].line = line;
	return nout + 1;
}

/* Only paragraphs with a digit, or a 未/没有/无 for the zero patterns. */
static int
worth_scanning(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return memmem(s, n, "未", 3) || memmem(s, n, "没有", 6);
}

/*
 * The matches of pattern i in s[from..to) of the folded text.  It is
 * valid UTF-8 (text_norm re-encodes every folded character of the
 * decoded text), so PCRE2 need not check it: it would check the rest of
 * the subject on every call, quadratic in its length.
 */
static int
scan_range(const struct folded *f, int i, size_t from, size_t to,
    struct prose_fig *out, int nout, int max)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md), at;
	size_t numoff;
	long value;
	int rc;

	for (at = from; at < to; at = ov[1] > at ? ov[1] : at + 1) {
		rc = pattern_match(&code[i], f->s, to, at,
		    PCRE2_NO_UTF_CHECK, md);
		if (rc < 0)
			break;
		value = 0;
		numoff = ov[0];
		if (rc > 1 && ov[2] != PCRE2_UNSET) {
			value = num_value(f->s + ov[2], ov[3] - ov[2]);
			numoff = ov[2];
		}
		nout = add_fig(out, nout, max, pats[i].row, value,
		    line_of(f, numoff));
	}
	return nout;
}

static int
may_match(int i, unsigned has)
{
	return (has & pats[i].need1) && (has & pats[i].need2) &&
	    (pats[i].unit == 0 || (has & pats[i].unit));
}

static void
add_sentence(struct sentences *ss, size_t from, size_t to, unsigned has)
{
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 16;
		ss->v = gip_xrealloc(ss->v, ss->cap * sizeof ss->v[0]);
	}
	ss->v[ss->n].from = from;
	ss->v[ss->n].to = to;
	ss->v[ss->n++].has = has;
}

/* LFs in s[0..n): a few, by memchr. */
static long
count_lf(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	long k = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/*
 * Fold the sentences of the paragraph text[0..len) (first line
 * first_line) that some pattern may match into f, and list them in ss.
 * No match holds 。 or ;, nor looks behind its start, so a sentence
 * folded alone is matched as in its paragraph.  Only a sentence with a
 * unit, 未 or 没 is scanned (most of the prose has none): from the first
 * such character on, the sentence holding it, then on after it.
 */
static void
fold_sentences(const char *text, size_t len, long first_line,
    struct folded *f, struct sentences *ss)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, at, from, stop, start, counted = 0;
	long line = first_line;
	unsigned has;
	int k;

	while ((at = sentence_anchor(u, i, len)) < len) {
		from = sentence_start(u, i, at);
		line += count_lf(text + counted, from - counted);
		counted = from;
		i = sentence_scan(u, from, len, &has, &stop);
		for (k = 0; k < NPATS && !may_match(k, has); k++)
			;
		if (k < NPATS) {
			start = f->len;
			fold_piece(f, text + from, i - stop - from, line);
			add_sentence(ss, start, f->len, has);
		}
		if (stop == 0)
			break;
	}
}

/*
 * The sentences of the folded paragraph f that some pattern may match,
 * as fold_sentences finds them in a paragraph's raw bytes: folding left
 * no mark that could hide a 。 or ;, and the characters the scan notes
 * (digits, units, 未, 没, the key characters) are as they were or made
 * ASCII.  Scanning these alone finds what scanning all of f finds: no
 * match holds 。 or ;.
 */
static void
folded_sentences(const struct folded *f, struct sentences *ss)
{
	const unsigned char *u = (const unsigned char *)f->s;
	size_t i = 0, at, from, stop, len = f->len;
	unsigned has;
	int k;

	while ((at = sentence_anchor(u, i, len)) < len) {
		from = sentence_start(u, i, at);
		i = sentence_scan(u, from, len, &has, &stop);
		for (k = 0; k < NPATS && !may_match(k, has); k++)
			;
		if (k < NPATS)
			add_sentence(ss, from, i - stop, has);
		if (stop == 0)
			break;
	}
}

/* Does text[0..len) hold a "[bookmark:" (text_norm's bookmark_len)? */
static int
has_bookmark(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= 10 && memcmp(p, "[bookmark:", 10) == 0)
			return 1;
		p++;
	}
	return 0;
}

/*
 * Scan the paragraph text[0..len), whose first line is line first_line:
 * each pattern over the sentences it may match, in order.  A paragraph
 * with a Word bookmark mark (which may hide a 。 or ;) is folded whole.
 */
static int
para(const char *text, size_t len, long first_line, struct folded *f,
    struct sentences *ss, struct prose_fig *out, int nout, int max)
{
	int i, j;

	f->len = 0;
	f->nlines = 0;
	ss->n = 0;
	if (has_bookmark(text, len)) {
		/* Folding makes no Han character: without a unit, 未 or 没
		 * in its bytes the paragraph's fold holds none either. */
		if (sentence_anchor((const unsigned char *)text, 0, len) ==
		    len)
			return nout;
		fold_piece(f, text, len, first_line);
		if (f->len == 0 || !worth_scanning(f->s, f->len))
			return nout;
		folded_sentences(f, ss);
	} else
		fold_sentences(text, len, first_line, f, ss);
	for (i = 0; i < NPATS; i++)
		for (j = 0; j < ss->n; j++)
			if (may_match(i, ss->v[j].has))
				nout = scan_range(f, i, ss->v[j].from,
				    ss->v[j].to, out, nout, max);
	return nout;
}

static int
done(char *tmp, struct folded *f, struct sentences *ss, int nout)
{
	free(tmp);
	free(f->s);
	free(f->start);
	free(f->lineno);
	free(ss->v);
	return nout;
}

/*
 * Paragraphs end at a line whose fold is empty after a line whose fold
 * ends a sentence; only a line whose last character says nothing
 * certain is folded to find them.
 */
int
prose_scan(const char *text, size_t len, long first_line,
    struct prose_fig *out, int max)
{
	struct folded f = { NULL, 0, 0, NULL, NULL, 0, 0 };
	struct sentences ss = { NULL, 0, 0 };
	const char *p = text, *end = text + len, *nl, *pstart = text;
	char end3[3] = { 0, 0, 0 }, *tmp = NULL;
	size_t tcap = 0, n;
	long line = first_line, pline = first_line;
	int nout = 0, last = 0, empty, tail;

	if (md == NULL) {
		compile_all();
		sentence_init();
	}
	for (;;) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		empty = 0;
		if ((tail = fold_tail(p, n, &last, end3)) == 2)
			empty = 1;
		else if (tail == 0) {
			if (n + 1 > tcap) {
				free(tmp);
				tcap = n + 1 > 256 ? n + 1 : 256;
				tmp = gip_xmalloc(tcap);
			}
			n = text_norm(tmp, p, n, TEXT_FOLD | TEXT_MARKS |
			    TEXT_SQUEEZE);
			if (n == 0)
				empty = 1;
			else {
				last = (unsigned char)tmp[n - 1];
				if (n >= 3)
					memcpy(end3, tmp + n - 3, 3);
				else
					memset(end3, 0, 3);
			}
		}
		if (empty && ends_sentence(last, end3)) {
			nout = para(pstart, (size_t)(p - pstart) - 1, pline,
			    &f, &ss, out, nout, max);
			last = '\n';
			if (nl == end)
				return done(tmp, &f, &ss, nout);
			pstart = nl + 1;
			pline = line + 1;
		}
		if (nl == end)
			break;
		p = nl + 1;
		line++;
	}
	nout = para(pstart, (size_t)(end - pstart), pline, &f, &ss, out, nout,
	    max);
	return done(tmp, &f, &ss, nout);
}
