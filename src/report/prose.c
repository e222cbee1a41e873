/*
 * Figures stated in report prose, found with PCRE2 on a folded copy of
 * the text (full-width digits and punctuation made ASCII, bold marks and
 * white space dropped) in which hard-wrapped lines are joined.  The
 * patterns are narrow on purpose: prose is full of other numbers (items
 * published, documents repealed, proposals handled, dates, telephone
 * numbers), and a figure read wrongly is a false alarm in gip-check.
 */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "err.h"
#include "pattern.h"
#include "prose.h"
#include "text.h"

/* No figure is taken across a clause or paragraph end. */
#define CL	"[^。;,!?\\n]"
#define NUM	"([0-9][0-9,]*)"
#define APPL	"(?:政府信息公开|依申请公开|信息公开)"

/*
 * What a sentence's raw bytes must hold for a pattern to match it: a
 * digit (ASCII or full-width), or 未 or 没有 before 发, 出, 收, 受 or
 * 接 (HAS_NO); one character of the pattern's key word (公 of …公开, 申
 * of 申请, 转 of 结转, 议 of 行政复议, 诉 of 行政诉讼); and one of the
 * units a number must be followed by, if any, after a digit (HAS_JIAN
 * ...).  "Before" and "after" skip whatever folding may drop or make a
 * digit or comma: ASCII, white space, full-width forms.
 */
enum {
	HAS_DIGIT = 1, HAS_NO = 2, HAS_GONG = 4, HAS_SHEN = 8, HAS_ZHUAN = 16,
	HAS_YI = 32, HAS_SU = 64, HAS_JIAN = 128, HAS_FEN = 256,
	HAS_ZONG = 512, HAS_GE = 1024, HAS_QI = 2048
};
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

static pcre2_code *code[NPATS];
static pcre2_match_data *md;

static void
compile_all(void)
{
	int i;

	for (i = 0; i < NPATS; i++)
		code[i] = pattern_compile(pats[i].re, "prose pattern", NULL);
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

/*
 * The 3-byte characters the sentence scan notes, by a perfect hash of
 * their bytes (keys_init checks that no two share a slot): the key
 * characters and units as their HAS_ bits, and events.
 */
enum {
	EV_STOP = 1 << 16, EV_WEI = 1 << 17, EV_MEI = 1 << 18,
	EV_YOU = 1 << 19, EV_VERB = 1 << 20, EV_DIGIT = 1 << 21,
	EV_SKIP = 1 << 22
};
#define UNITS	(HAS_JIAN | HAS_FEN | HAS_ZONG | HAS_GE | HAS_QI)

static const struct {
	const char	*ch;
	unsigned	 bit;
} keychars[] = {
	{"。", EV_STOP}, {"未", EV_WEI}, {"没", EV_MEI}, {"有", EV_YOU},
	{"发", EV_VERB}, {"出", EV_VERB}, {"收", EV_VERB}, {"受", EV_VERB},
	{"接", EV_VERB}, {"公", HAS_GONG}, {"申", HAS_SHEN},
	{"转", HAS_ZHUAN}, {"议", HAS_YI}, {"诉", HAS_SU}, {"件", HAS_JIAN},
	{"份", HAS_FEN}, {"宗", HAS_ZONG}, {"个", HAS_GE}, {"起", HAS_QI},
};
#define KEY_HASH(v)	((uint32_t)((v) * 0xeb7d3c9du) >> 27)

static uint32_t key_code[32];
static unsigned key_bit[32];

/* How the sentence scan steps over a byte, and which 3-byte leads and
 * second bytes (low bits of each) begin a character it notes. */
enum { K_SKIP, K_LF, K_DIGIT, K_SEMI, K_LEAD2, K_LEAD3, K_LEAD4 };
static unsigned char byte_kind[256];
static unsigned char key_pair[16 << 6];

static uint32_t
code3(const unsigned char *u)
{
	return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

static void
keys_init(void)
{
	size_t i;
	uint32_t v;

	for (i = 0; i < sizeof keychars / sizeof keychars[0]; i++) {
		v = code3((const unsigned char *)keychars[i].ch);
		if (key_code[KEY_HASH(v)] != 0)
			gip_fatal("prose: key characters share a hash slot");
		key_code[KEY_HASH(v)] = v;
		key_bit[KEY_HASH(v)] = keychars[i].bit;
		key_pair[(v >> 16 & 0x0f) << 6 | (v >> 8 & 0x3f)] = 1;
	}
	/* E2 80: U+2000..U+203F; E3 80: U+3000; EF BB, EF BC: U+FEFF,
	 * the full-width forms */
	key_pair[0x02 << 6 | 0x00] = key_pair[0x03 << 6 | 0x00] = 1;
	key_pair[0x0f << 6 | 0x3b] = key_pair[0x0f << 6 | 0x3c] = 1;
	for (i = 0; i < 256; i++)
		byte_kind[i] = i < 0x80 ? K_SKIP : i < 0xe0 ? K_LEAD2 :
		    i < 0xf0 ? K_LEAD3 : K_LEAD4;
	for (i = '0'; i <= '9'; i++)
		byte_kind[i] = K_DIGIT;
	byte_kind['\n'] = K_LF;
	byte_kind[';'] = K_SEMI;
}

/* What the 3-byte character at u is to the sentence scan, whose
 * first two bytes key_pair has: HAS_ bits and events; 0 for a
 * character that ends what came before it (a digit run, 未/没有). */
static unsigned
char3_has(const unsigned char *u)
{
	uint32_t v = code3(u), h = KEY_HASH(v);

	if (u[0] == 0xef && u[1] == 0xbc) {	/* full-width */
		if (u[2] == 0x9b)
			return EV_STOP;
		return (unsigned)(u[2] - 0x90) < 10 ? EV_DIGIT : EV_SKIP;
	}
	if (key_code[h] == v)
		return key_bit[h];
	/* folding drops or makes ASCII of U+2000..U+203F, U+3000, U+FEFF */
	if ((u[0] == 0xe2 && u[1] == 0x80) || (u[0] == 0xe3 && u[1] == 0x80 &&
	    u[2] == 0x80) || (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf))
		return EV_SKIP;
	return 0;
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

/*
 * What the skim found: the start of a character that may make a
 * sentence one some pattern can match (a digit, ASCII or full-width,
 * 未, 没: every pattern needs HAS_DIGIT or HAS_NO), or a sentence's end
 * (; 。 ；), or neither up to the end.
 */
enum { SKIM_LIVE, SKIM_STOP, SKIM_END };

/* What the character at u[j] (j < len) is to the skim, -1 if nothing;
 * *stoplen the length of a stop. */
static int
skim_at(const unsigned char *u, size_t j, size_t len, size_t *stoplen)
{
	if (u[j] >= '0' && u[j] <= '9')
		return SKIM_LIVE;
	if (u[j] == ';') {
		*stoplen = 1;
		return SKIM_STOP;
	}
	if (len - j < 3)
		return -1;
	if (u[j] == 0xef && u[j + 1] == 0xbc && u[j + 2] >= 0x90 &&
	    u[j + 2] <= 0x9b) {
		*stoplen = 3;
		return u[j + 2] == 0x9b ? SKIM_STOP : SKIM_LIVE;
	}
	if (u[j] == 0xe3 && u[j + 1] == 0x80 && u[j + 2] == 0x82) {
		*stoplen = 3;
		return SKIM_STOP;
	}
	if (u[j] == 0xe6 && ((u[j + 1] == 0x9c && u[j + 2] == 0xaa) ||
	    (u[j + 1] == 0xb2 && u[j + 2] == 0xa1)))
		return SKIM_LIVE;
	return -1;
}

#ifdef __SSE2__
/*
 * Of 16 positions (v0 their first bytes, v1 and v2 the next ones), those
 * where a digit, ;, a full-width digit or ；, 。, 未 or 没 begins.
 */
static inline __m128i
sentence_marks(__m128i v0, __m128i v1, __m128i v2)
{
	const __m128i nine = _mm_set1_epi8(9);
	__m128i d, m, ef, e6;

	d = _mm_sub_epi8(v0, _mm_set1_epi8('0'));
	m = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);	/* 0..9 */
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v0, _mm_set1_epi8(';')));
	/* EF BC 90..9B: full-width digits and ； */
	d = _mm_sub_epi8(v2, _mm_set1_epi8((char)0x90));
	ef = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xef)),
	    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xbc)));
	m = _mm_or_si128(m, _mm_and_si128(ef, _mm_cmpeq_epi8(
	    _mm_min_epu8(d, _mm_set1_epi8(0x0b)), d)));
	/* E3 80 82: 。 */
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(
	    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xe3)),
	    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x80))),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x82))));
	/* E6 9C AA, E6 B2 A1: 未, 没 */
	e6 = _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xe6));
	m = _mm_or_si128(m, _mm_and_si128(e6, _mm_or_si128(
	    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0x9c)),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xaa))),
	    _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xb2)),
	    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xa1))))));
	return m;
}
#endif

/*
 * The first character from u[i] on that skim_at names, at *at: sixteen
 * bytes at a time with SSE2 (three loads, a byte each of the 3-byte
 * characters, compared at once).  The text is valid UTF-8, so a lead
 * byte's match is a character's start.
 */
static int
skim(const unsigned char *u, size_t i, size_t len, size_t *at,
    size_t *stoplen)
{
	int kind;

#ifdef __SSE2__
	__m128i v0, v1, v2, m;
	unsigned bits;

	for (; i + 18 <= len; i += 16) {
		v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
		v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
		m = sentence_marks(v0, v1, v2);
		bits = (unsigned)_mm_movemask_epi8(m);
		if (bits != 0) {
			*at = i + (size_t)__builtin_ctz(bits);
			return skim_at(u, *at, len, stoplen);
		}
	}
#endif
	for (; i < len; i++)
		if ((kind = skim_at(u, i, len, stoplen)) >= 0) {
			*at = i;
			return kind;
		}
	return SKIM_END;
}

/*
 * In a sentence being scanned, with no digit or 未/没 just before (the
 * scan's state at rest), only a digit, a stop, 未, 没 or a key word's
 * character not yet noted in has can change what the scan notes: where
 * the first of them from u[i] on begins, sixteen positions at a time
 * (SSE2).  Without one, a character's start at or before the last
 * position looked at, for the byte loop to go on from; i itself without
 * SSE2.
 */
static size_t
skip_at_rest(const unsigned char *u, size_t i, size_t len, unsigned has)
{
#ifdef __SSE2__
	static const struct {
		unsigned	 bit;
		unsigned char	 b[3];
	} keys[] = {
		{ HAS_GONG, { 0xe5, 0x85, 0xac } }, { HAS_SHEN, { 0xe7, 0x94,
		0xb3 } }, { HAS_ZHUAN, { 0xe8, 0xbd, 0xac } }, { HAS_YI, {
		0xe8, 0xae, 0xae } }, { HAS_SU, { 0xe8, 0xaf, 0x89 } }
	};
	__m128i v0, v1, v2, m;
	unsigned bits, want[5];
	size_t k, nk = 0, start = i;

	for (k = 0; k < 5; k++)
		if (!(has & keys[k].bit))
			want[nk++] = (unsigned)k;
	for (; i + 18 <= len; i += 16) {
		v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1));
		v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
		m = sentence_marks(v0, v1, v2);
		for (k = 0; k < nk; k++)
			m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)
			    keys[want[k]].b[0])), _mm_cmpeq_epi8(v1,
			    _mm_set1_epi8((char)keys[want[k]].b[1]))),
			    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)
			    keys[want[k]].b[2]))));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
	/* Every character starting before i was looked at: go on from
	 * the start of the one at i. */
	while (i > start && (u[i] & 0xc0) == 0x80)
		i--;
#endif
	(void)has;
	(void)len;
	return i;
}

/* LFs in s[0..n): a sentence's few, by memchr. */
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
 * folded alone is matched as in its paragraph.
 */
static void
fold_sentences(const char *text, size_t len, long first_line,
    struct folded *f, struct sentences *ss)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, from = 0, stop, start, end, at, stoplen;
	long line = first_line, sline = first_line;
	unsigned has = 0, c, ch;
	int k, kind, digit_before = 0, no_before = 0;

	for (;;) {
		/* Sentences with no digit, 未 or 没 are passed over whole:
		 * most of the prose. */
		while ((kind = skim(u, i, len, &at, &stoplen)) == SKIM_STOP) {
			line += count_lf(text + i, at + stoplen - i);
			i = at + stoplen;
		}
		if (kind == SKIM_END)
			return;
		from = i;
		sline = line;
		stop = 0;
		while (i < len) {
			if (!digit_before && !no_before) {
				at = skip_at_rest(u, i, len, has);
				line += count_lf(text + i, at - i);
				if ((i = at) >= len)
					break;
			}
			switch (byte_kind[c = u[i]]) {
			case K_SKIP:	/* runs of them: table frames, columns */
				i++;
				while (i < len && byte_kind[u[i]] == K_SKIP)
					i++;
				continue;
			case K_LF:
				line++;
				i++;
				continue;
			case K_DIGIT:
				has |= HAS_DIGIT;
				digit_before = 1;
				i++;
				continue;
			case K_SEMI:
				stop = 1;
				i++;
				break;
			case K_LEAD2:
				i += 2;
				continue;
			case K_LEAD4:
				i += 4;
				continue;
			default:	/* K_LEAD3 */
				if (i + 3 > len)
					break;
				if (!key_pair[(c & 0x0f) << 6 | (u[i + 1] &
				    0x3f)]) {
					/* The bulk of the text: a run of
					 * characters noted as 0, which end a
					 * digit run and 未/没有. */
					i += 3;
					while (i + 3 <= len &&
					    byte_kind[u[i]] == K_LEAD3 &&
					    !key_pair[(u[i] & 0x0f) << 6 |
					    (u[i + 1] & 0x3f)])
						i += 3;
					digit_before = no_before = 0;
					continue;
				}
				ch = char3_has(u + i);
				i += 3;
				if (ch == EV_SKIP)
					continue;
				if (ch == EV_STOP) {
					stop = 3;
					break;
				}
				if (digit_before)
					has |= ch & UNITS;
				if (ch & EV_VERB && no_before == 1)
					has |= HAS_NO;
				no_before = ch & EV_WEI ? 1 : ch & EV_MEI ? 2 :
				    ch & EV_YOU && no_before == 2 ? 1 : 0;
				digit_before = (ch & EV_DIGIT) != 0;
				has |= (ch & EV_DIGIT ? HAS_DIGIT : 0) | (ch &
				    (HAS_GONG | HAS_SHEN | HAS_ZHUAN | HAS_YI |
				    HAS_SU));
				continue;
			}
			break;
		}
		if (i > len)
			i = len;
		end = stop ? i - stop : i;
		for (k = 0; k < NPATS && !may_match(k, has); k++)
			;
		if (k < NPATS) {
			start = f->len;
			fold_piece(f, text + from, end - from, sline);
			add_sentence(ss, start, f->len, has);
		}
		if (stop == 0)
			break;
		has = 0;
		digit_before = no_before = 0;
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
		fold_piece(f, text, len, first_line);
		if (f->len > 0 && worth_scanning(f->s, f->len))
			for (i = 0; i < NPATS; i++)
				nout = scan_range(f, i, 0, f->len, out, nout,
				    max);
		return nout;
	}
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
		keys_init();
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
