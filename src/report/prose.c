/*
 * Figures stated in report prose, found with PCRE2 on a folded copy of
 * the text (full-width digits and punctuation made ASCII, bold marks and
 * white space dropped) in which hard-wrapped lines are joined.  The
 * patterns are narrow on purpose: prose is full of other numbers (items
 * published, documents repealed, proposals handled, dates, telephone
 * numbers), and a figure read wrongly is a false alarm in gip-check.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "prose.h"
#include "text.h"

/* No figure is taken across a clause or paragraph end. */
#define CL	"[^。;,!?\\n]"
#define NUM	"([0-9][0-9,]*)"
#define APPL	"(?:政府信息公开|依申请公开|信息公开)"

static const struct {
	const char	*row;
	const char	*re;	/* group 1 is the number; none means 0 */
} pats[] = {
	{"received", "(?:收到|受理|接收|接到|新收)(?:和|并|及|与)?"
	    "(?:办理|处理)?" CL "{0,12}?" APPL "的?(?:申请)?(?:事项)?"
	    "(?:共计|共|合计|总计)?" NUM "(?:件|份|宗|个)"},
	{"received", "(?:未|没有)(?:收到|受理|接到)(?:任何)?" APPL
	    "的?申请"},
	{"closed", "申请[^。;\\n]{0,40}?(?:办结|答复)(?:申请)?(?:共)?"
	    NUM "(?:件|份)"},
	{"pending", "结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?"
	    "(?:申请)?(?:共)?" NUM "(?:件|份)"},
	{"carried", "上一?年度?结转的?" APPL "?(?:申请)?(?:共)?"
	    NUM "(?:件|份)"},
	{"review", "行政复议(?:案件|申请)?(?:共计|共)?" NUM "(?:件|起|宗)"},
	{"review", "(?:未|没有)(?:发生|出现|收到)" CL "{0,24}?行政复议"
	    "(?!" CL "*?(?:纠错|纠正|败诉|撤销))"},
	{"suit", "行政诉讼(?:案件)?(?:共计|共)?" NUM "(?:件|起|宗)"},
	{"suit", "(?:未|没有)(?:发生|出现|收到)" CL "{0,30}?行政诉讼"
	    "(?!" CL "*?(?:纠错|纠正|败诉|撤销))"},
};
enum { NPATS = sizeof pats / sizeof pats[0] };

static pcre2_code *code[NPATS];
static pcre2_match_data *md;

static void
compile_all(void)
{
	PCRE2_SIZE erroff;
	char msg[256];
	int i, err;

	for (i = 0; i < NPATS; i++) {
		code[i] = pcre2_compile((PCRE2_SPTR)pats[i].re,
		    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
		    &erroff, NULL);
		if (code[i] == NULL) {
			pcre2_get_error_message(err, (PCRE2_UCHAR *)msg,
			    sizeof msg);
			gip_fatal("prose pattern %d: %s", i, msg);
		}
		(void)pcre2_jit_compile(code[i], PCRE2_JIT_COMPLETE);
	}
	if ((md = pcre2_match_data_create(4, NULL)) == NULL)
		gip_fatal("out of memory");
}

/* The folded text: a copy of the lines joined, and where each began. */
struct folded {
	char		*s;
	size_t		 len;
	size_t		*start;		/* offset in s of each line */
	long		 nlines;
};

/*
 * A blank line ends a paragraph only after a full stop: reports split
 * sentences with stray blank lines ("全年共收" / "" / "到…申请702件").
 */
static int
ends_sentence(const char *s, size_t n)
{
	if (n == 0 || s[n - 1] == '\n')
		return 0;
	if (strchr(";:!?", s[n - 1]))
		return 1;
	return n >= 3 && memcmp(s + n - 3, "。", 3) == 0;
}

static void
fold_text(const char *text, size_t len, struct folded *f)
{
	const char *p = text, *end = text + len, *nl;
	size_t n, lines = 1;

	for (nl = text; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL;
	    nl++)
		lines++;
	f->s = gip_xmalloc(len + 2);
	f->start = gip_xmalloc(lines * sizeof f->start[0]);
	f->len = 0;
	f->nlines = 0;
	while (p < end || f->nlines == 0) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		f->start[f->nlines++] = f->len;
		n = text_norm(f->s + f->len, p, (size_t)(nl - p),
		    TEXT_FOLD | TEXT_MARKS | TEXT_SQUEEZE);
		if (n == 0 && ends_sentence(f->s, f->len))
			f->s[f->len++] = '\n';
		f->len += n;
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
	return lo;
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
 * The folded text is valid UTF-8 (text_norm re-encodes every folded
 * character of the decoded text), so PCRE2 need not check it: it would
 * check the rest of the paragraph on every call, quadratic in its length.
 */
static int
scan_para(const struct folded *f, size_t from, size_t to, long first_line,
    struct prose_fig *out, int nout, int max)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md), at;
	size_t numoff;
	long value;
	int i, rc;

	for (i = 0; i < NPATS; i++)
		for (at = from; at < to; at = ov[1] > at ? ov[1] : at + 1) {
			rc = pcre2_match(code[i], (PCRE2_SPTR)f->s, to, at,
			    PCRE2_NO_UTF_CHECK, md, NULL);
			if (rc < 0)
				break;
			value = 0;
			numoff = ov[0];
			if (rc > 1 && ov[2] != PCRE2_UNSET) {
				value = num_value(f->s + ov[2], ov[3] - ov[2]);
				numoff = ov[2];
			}
			nout = add_fig(out, nout, max, pats[i].row, value,
			    first_line + line_of(f, numoff));
		}
	return nout;
}

int
prose_scan(const char *text, size_t len, long first_line,
    struct prose_fig *out, int max)
{
	struct folded f;
	size_t from = 0, to;
	const char *nl;
	int nout = 0;

	if (md == NULL)
		compile_all();
	fold_text(text, len, &f);
	while (from < f.len) {
		nl = memchr(f.s + from, '\n', f.len - from);
		to = nl ? (size_t)(nl - f.s) : f.len;
		if (worth_scanning(f.s + from, to - from))
			nout = scan_para(&f, from, to, first_line, out, nout,
			    max);
		from = to + 1;
	}
	free(f.s);
	free(f.start);
	return nout;
}
