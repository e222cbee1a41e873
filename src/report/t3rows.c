/*
 * Section 三's rows by their labels' key words (t3.h): never by position,
 * so wrapped, spaced, re-indented or repeated labels land on their row.
 */
#include <stdint.h>
#include <string.h>

#include "h2tlabel.h"
#include "lines.h"
#include "t3.h"
#include "tmpl.h"
/*
 * Key words of the rows (the template table's), most specific first: the
 * items of groups 三 to 六 (keys of three parts) before the rest, each in
 * template order.
 */
struct t3word {
	const char	*row, *word;
};

enum { NWORDS_MAX = 128, KW_SLOTS = 128 };

/*
 * The key words by their first three bytes (every one starts with a Han
 * character), hashed, for first_keyword: a label is read once instead of
 * once per key word.
 */
struct kw_entry {
	uint32_t	 lead;
	int		 word;		/* t3_words[word] */
	int		 next;		/* index + 1 of the next in the slot */
};
static struct t3word t3_words[NWORDS_MAX];
static int nwords;
static struct kw_entry kw_entry[NWORDS_MAX];
static int kw_slot[KW_SLOTS];		/* index + 1 of the first entry */
const char *t3_cols[T3COLS];

static uint32_t
lead3(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (uint32_t)u[0] << 16 | u[1] << 8 | u[2];
}

static unsigned
kw_hash(uint32_t lead)
{
	return (lead * 2654435761u) >> 25;	/* 7 bits: KW_SLOTS */
}

static int
is_item_key(const char *row)
{
	const char *dot = strchr(row, '.');

	return dot != NULL && strchr(dot + 1, '.') != NULL;
}

/* t3_words and t3_cols from the template table. */
static void
words_init(void)
{
	const struct tmpl_row *r;
	const char *const *w;
	size_t i;
	int pass, k;

	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < tmpl_nrows; i++) {
			r = &tmpl_rows[i];
			if (strcmp(r->table, "t3") != 0 ||
			    is_item_key(r->row) != pass)
				continue;
			for (w = r->words; *w != NULL && nwords < NWORDS_MAX;
			    w++) {
				t3_words[nwords].row = r->row;
				t3_words[nwords++].word = *w;
			}
		}
	r = tmpl_find("t3", "1", TPL_BOTH);
	for (k = 0; k < T3COLS; k++)
		t3_cols[k] = r->cols[k];
}

void
t3_init(void)
{
	int n = 0, i;
	unsigned h;

	words_init();
	for (i = nwords - 1; i >= 0; i--) {	/* so slots list in order */
		kw_entry[n].lead = lead3(t3_words[i].word);
		kw_entry[n].word = i;
		h = kw_hash(kw_entry[n].lead);
		kw_entry[n].next = kw_slot[h];
		kw_slot[h] = ++n;
	}
}

/*
 * The index of the first t3_words entry (in their order) whose key word
 * label contains, or nwords: what a strstr for every key word in turn
 * would find.
 */
static int
first_keyword(const char *label)
{
	const struct kw_entry *ent;
	const char *p, *kw;
	size_t len = strlen(label);
	uint32_t lead;
	int e, best, step;

	best = nwords;
	for (p = label; len - (p - label) >= 3; p += step) {
		step = 1;
		if ((*p & 0xc0) == 0x80)
			continue;	/* inside a character */
		if ((*p & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80)
			step = 3;	/* past its inside at once */
		lead = lead3(p);
		for (e = kw_slot[kw_hash(lead)]; e != 0; e = ent->next) {
			ent = &kw_entry[e - 1];
			if (ent->lead != lead || ent->word >= best)
				continue;
			kw = t3_words[ent->word].word;
			if (strncmp(p, kw, strlen(kw)) == 0)
				best = ent->word;
		}
	}
	return best;
}

int
t3_has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* "1." "2、" "3．" … "8." : the item markers of groups 三 to 六. */
static int
item_marker(const char *s)
{
	return s[0] >= '1' && s[0] <= '8' && (s[1] == '.' ||
	    t3_has_prefix(s + 1, "、") || t3_has_prefix(s + 1, "。"));
}

/*
 * The length of a label without the count words a line of units below
 * the numbers added at its end ("个个": pdftotext prints 0 over 个 in a
 * narrow cell).
 */
static size_t
without_units(const char *label)
{
	size_t n = strlen(label);
	char tmp[8];
	struct value v;

	while (n > 3 && ((unsigned char)label[n - 3] & 0xf0) == 0xe0) {
		tmp[0] = '0';
		memcpy(tmp + 1, label + n - 3, 3);
		tmp[4] = '\0';
		value_parse(tmp, &v);
		if (v.kind != V_NUMBER || v.unit != UNIT_NONE)
			break;
		n -= 3;
	}
	return n;
}

/* 3.6.3 is just "其他": told by its marker or by being the last word
 * (count words of units aside). */
static int
is_row_3_6_3(const char *label)
{
	char own[LROW_LABEL];
	size_t n;

	/* own, a prefix of label, must end in 其他: most labels hold none
	 * (one strstr, not the count-word test of every last character) */
	if (strstr(label, "其他") == NULL)
		return 0;
	if ((n = without_units(label)) >= sizeof own)
		return 0;
	memcpy(own, label, n);
	own[n] = '\0';
	return ends_with(own, "3.其他") || ends_with(own, "3、其他") ||
	    strcmp(own, "其他") == 0;
}

/* Is each character of word (three-byte UTF-8, at most 8 of them) in s
 * as often as in word, and s nothing else? */
static int
same_letters(const char *s, const char *word)
{
	size_t n = strlen(s), i, j;
	unsigned char used[8] = {0};

	if (n != strlen(word) || n % 3 != 0 || n / 3 > sizeof used)
		return 0;
	for (i = 0; i < n; i += 3) {
		for (j = 0; j < n; j += 3)
			if (!used[j / 3] && memcmp(s + i, word + j, 3) == 0)
				break;
		if (j == n)
			return 0;
		used[j / 3] = 1;
	}
	return 1;
}

/* The t3 row whose template label lab is, or NULL (another table's). */
static const char *
row_labelled(const char *lab)
{
	size_t i;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, "t3") == 0 &&
		    strcmp(tmpl_rows[i].label, lab) == 0)
			return tmpl_rows[i].row;
	return NULL;
}

/*
 * A group's marker whose closing bracket html2text cut (`(一��0予以公开`,
 * `(三��4.保护第三方`), or whose label it cut after the bracket
 * (`(三)不�4.保护第三方`): what follows its U+FFFD, its numeral (0 for
 * 一 … 6 for 七) in *k; NULL if the label begins with none.
 */
static const char *
after_cut_group(const char *label, int *k)
{
	static const char numerals[] = "一二三四五六七";
	const char *e = label + strlen(label), *p;
	int n = 0;

	if (label[0] != '(')
		return NULL;
	for (*k = 0; *k < 7; (*k)++)
		if (strncmp(label + 1, numerals + 3 * *k, 3) == 0)
			break;
	if (*k == 7)
		return NULL;
	p = label + 4;
	/* or the group's label cut after its bracket: (三)不�4.保护… */
	if (*p == ')')
		for (p++, n = 0; n < 4 && (unsigned char)*p >= 0xe4 &&
		    (unsigned char)*p <= 0xe9 && !lines_is_fffd(p, e); n++)
			p += 3;
	/* cut at a character's edge, the item's marker right after it:
	 * (三)不4.保护…, (三)4.保护… (the item's label written over the
	 * group's) */
	if (label[4] == ')' && item_marker(p))
		return p;
	if (!lines_is_fffd(p, e) || (label[4] == ')' && n == 0))
		return NULL;
	for (; lines_is_fffd(p, e); p += 3)
		;
	return p;
}

/*
 * Group 三's label cut by an item's written over it (html2text: the
 * rowspan's text runs on under the next column, `三、本年度办�2.重复申请`,
 * `三、本年度办1.本机关…`): the item's label, or NULL.
 */
static const char *
after_cut_result(const char *label)
{
	const char *e = label + strlen(label), *p;
	int n;

	if (t3_has_prefix(label, "三、"))
		p = label + 6;
	else if (t3_has_prefix(label, "三."))
		p = label + 4;
	else
		return NULL;
	for (n = 0; n < 7 && (unsigned char)*p >= 0xe4 &&
	    (unsigned char)*p <= 0xe9 && !lines_is_fffd(p, e); n++)
		p += 3;
	for (; lines_is_fffd(p, e); p += 3)
		;
	return n > 0 && item_marker(p) ? p : NULL;
}

/*
 * The row a cut label's start names, or the item of it its key word
 * names: 2019's row （六）其他处理 is 2021's group over 3.6.1-3.6.3, and
 * html2text glues the group's cell before its item's
 * (`(六)其他��1.申请人无正当理由逾期不补正…`).
 */
static const char *
item_of_group(const char *row, const char *label)
{
	size_t n;
	int i;

	if (row == NULL || (i = first_keyword(label)) == nwords)
		return row;
	n = strlen(row);
	return strncmp(t3_words[i].row, row, n) == 0 &&
	    t3_words[i].row[n] == '.' ? t3_words[i].row : row;
}

/* The row a label names, or NULL (a header, a group label).  A marker
 * of its own names 3.7 (`(七)计总`) and 3.6 (`(六)他处理其`): the
 * pieces of a label wrapped in its cell are joined by position, so
 * `(六) 其` over the row's numbers over `他处理` reads out of order. */
const char *
t3_classify(const char *label, int rows_seen)
{
	const char *cut, *rest;
	int i;

	if (is_row_3_6_3(label) && rows_seen > 0)
		return "3.6.3";
	/* a cut group marker before an item's: the item's row */
	if (((rest = after_cut_group(label, &i)) != NULL &&
	    item_marker(rest)) || (rest = after_cut_result(label)) != NULL)
		return t3_classify(rest, rows_seen);
	/* a label cut mid-character (html2text): the template's it fits,
	 * or that its own text begins (a key word after the cut may be
	 * the next row's, glued on) */
	if (strstr(label, LINES_FFFD) != NULL &&
	    ((cut = h2tlabel_cut(label)) != NULL ||
	    (cut = h2tlabel_start(label)) != NULL))
		return item_of_group(row_labelled(cut), label);
	if ((i = first_keyword(label)) < nwords)
		return t3_words[i].row;
	if (strstr(label, "(七)") || (rows_seen > 2 && t3_has_prefix(label,
	    "总计")))
		return "3.7";
	if (t3_has_prefix(label, "(六)") && same_letters(label +
	    strlen("(六)"), "其他处理"))
		return t3_classify("(六)其他处理", rows_seen);
	/* a label cut at a character's edge before its key word: the
	 * template's label it begins, if one (（六）其他处) */
	if ((cut = h2tlabel_start(label)) != NULL)
		return row_labelled(cut);
	return NULL;
}

/* The column headers, repeated after a page break: never a data row. */
int
t3_is_header(const char *label)
{
	return strstr(label, "自然人") || strstr(label, "商业企业") ||
	    strstr(label, "法人或其他") ||
	    strstr(label, tmpl_table("t3")->header);
}

/*
 * A row's label that ran into the table's header repeated after a page
 * break (`3.其他` then `(本列数据的勾稽关系…)`, `申请人情况`, …: lines
 * without a marker continue the row above): the label before the
 * header's first word, in out (size bytes); 0 when the label holds none
 * or nothing stands before it.
 */
int
t3_label_before_header(const char *label, char *out, size_t size)
{
	const char *words[] = {"本列数据", NULL, NULL, "自然人", "商业企业",
	    "法人或其他"};
	const char *cut = NULL, *p;
	size_t i, len;

	words[1] = tmpl_table("t3")->identity;
	words[2] = tmpl_table("t3")->header;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if ((p = strstr(label, words[i])) && (!cut || p < cut))
			cut = p;
	if (!cut)
		return 0;
	len = (size_t)(cut - label);
	while (len > 0 && (label[len - 1] == '(' || label[len - 1] == ' '))
		len--;
	if (len >= 3 && strncmp(label + len - 3, "（", 3) == 0)
		len -= 3;
	if (len == 0 || len >= size)
		return 0;
	memcpy(out, label, len);
	out[len] = '\0';
	return 1;
}

/*
 * A cell that begins a data row: a row marker, or a label's own first
 * words where the marker was lost.  Group labels (三、, （三）) do not, and
 * neither does a wrapped fragment that merely contains a key word.
 */
/* A cut group marker that begins a row: （一）（二）（六）（七）'s, and
 * （三） to （五）'s before an item's marker, which begins it. */
static int
cut_group_marker(const char *label)
{
	const char *p;
	int k;

	return (p = after_cut_group(label, &k)) != NULL && (k < 2 || k > 4 ||
	    item_marker(p));
}

int
t3_marked(const char *label)
{
	static const char *const marks[] = {"一、", "二、", "四、", "(一)",
	    "(二)", "(六)", "(七)", "一.", "二.", "四.", "本年新收",
	    "上年结转", "予以公开", "部分公开", "结转下年", "其他处理"};
	size_t i;

	if (item_marker(label) || cut_group_marker(label) ||
	    after_cut_result(label) != NULL)
		return 1;
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (label[0] == marks[i][0] && t3_has_prefix(label, marks[i]))
			return 1;	/* the first byte first: no call */
	return 0;
}

/* In a PDF read by position, a row marker or the header repeated after a
 * page break: a row of its own, so that it does not join the last row of
 * the page.  (Other layouts keep header words in the row above: torn.c
 * reads them there.) */
int
t3_starts_exact(const char *label)
{
	return t3_marked(label) || t3_is_header(label);
}

/*
 * The rows both templates share, in template order: rows told by their
 * place (t3_rows_by_order) never choose between 2019's 3.6 and 2021's
 * 3.6.1-3.
 */
static int
shared_order(const char *row)
{
	size_t i;
	int at = 0;

	for (i = 0; i < tmpl_nrows; i++) {
		if (strcmp(tmpl_rows[i].table, "t3") != 0 ||
		    tmpl_rows[i].templates != TPL_BOTH)
			continue;
		if (strcmp(tmpl_rows[i].row, row) == 0)
			return at;
		at++;
	}
	return -1;
}

/* The shared row at place `at` (shared_order), or NULL. */
static const char *
shared_row(int at)
{
	size_t i;

	for (i = 0; i < tmpl_nrows; i++)
		if (strcmp(tmpl_rows[i].table, "t3") == 0 &&
		    tmpl_rows[i].templates == TPL_BOTH && at-- == 0)
			return tmpl_rows[i].row;
	return NULL;
}

/*
 * Does a label hold a row marker: an item's (1. 2、), a group's ((一) …
 * (七)) or 三、, anywhere (a group label's wrapped text or a page's
 * repeated header may stand before it)?
 */
static int
has_row_marker(const char *label)
{
	static const char *const groups[] = {"(一)", "(二)", "(三)",
	    "(四)", "(五)", "(六)", "(七)", "三、"};
	const char *p;
	size_t i;

	for (p = label; *p != '\0'; p++)
		if (item_marker(p) && (p == label || !(p[-1] >= '0' &&
		    p[-1] <= '9')))
			return 1;
	for (i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (strstr(label, groups[i]) != NULL)
			return 1;
	return 0;
}

/*
 * The rows between rows prev and i without a key that hold a row marker
 * and numbers, in cand (at most 64); with `blank`, marked rows without
 * a number too (a blank row whose wrapped label a group label's column
 * interleaved: `(三)1.属于国家秘不予公密`).  Returns how many.
 */
static int
order_candidates(const struct lrow *rows, int prev, int i, int blank,
    int *cand)
{
	int j, run = 0;

	for (j = prev + 1; j < i && run < 64; j++)
		if ((rows[j].numbers > 0 || (blank && rows[j].nval == 0)) &&
		    has_row_marker(rows[j].label))
			cand[run++] = j;
	return run;
}

/*
 * Rows with a marker and numbers whose key words were broken (lynx wraps
 * a narrow label at the margin, so that its second line joins the
 * marker's cell: `8.询事项属于行政查`; pdftotext interleaves a tall
 * label area's columns, `果(三)不1、属于国家秘予公开密`, or a header
 * repeated after a page break joins the row): the template fixes the
 * order of the rows, so
 * a run of such rows between two rows told by their labels, exactly as
 * many as the template has between those two, are those rows (blank
 * marked rows count only where the rows with numbers alone do not
 * fit: a group label's line must not spoil a count).  Where
 * the count differs nothing is told.  Returns how many rows were told.
 */
int
t3_rows_by_order(const struct lrow *rows, const char **key, int n)
{
	int i, j, prev = -1, from, to, run, told = 0, k, dup;
	int cand[64];

	for (i = 0; i < n; i++) {
		if (!key[i])
			continue;
		/* Nearly always nothing lies between two rows told: the
		 * wider count (blank rows too) says so before the template
		 * is searched for their places. */
		if (prev < 0 || order_candidates(rows, prev, i, 1, cand) == 0) {
			prev = i;
			continue;
		}
		from = shared_order(key[prev]);
		to = shared_order(key[i]);
		run = order_candidates(rows, prev, i, 0, cand);
		if (run != to - from - 1)
			run = order_candidates(rows, prev, i, 1, cand);
		if (run > 0 && from >= 0 && to > from &&
		    to - from - 1 == run) {
			for (dup = 0, k = 0; k < run && !dup; k++)
				for (j = 0; j < n; j++)
					if (key[j] && strcmp(key[j],
					    shared_row(from + 1 + k)) == 0)
						dup = 1;
			for (k = 0; k < run && !dup; k++, told++)
				key[cand[k]] = shared_row(from + 1 + k);
		}
		prev = i;
	}
	return told;
}

/* Does s hold the marker m after its first character? */
static int
holds_after_start(const char *s, const char *m)
{
	return *s != '\0' && strstr(s + 1, m) != NULL;
}

/* An item's marker d. or d、 after the label's start, not part of a
 * number. */
static int
holds_item(const char *label, char d)
{
	const char *p;

	for (p = label + 1; *p != '\0'; p++)
		if (*p == d && item_marker(p) && !(p[-1] >= '0' &&
		    p[-1] <= '9'))
			return 1;
	return 0;
}

/*
 * Does a label hold, after its start, the marker that begins row `row`
 * (一、 for 1, (二) for 3.2, 三、 or (一) for 3.1, 4. for 3.3.4, (三) or
 * 1. for 3.3.1)?  pdftotext -layout prints a spaced marker `( 一 ) 予
 * 以` that starts no row, and the row above takes that row's label and
 * numbers; html2text glues two rows' lines.
 */
int
t3_holds_start_of(const char *label, const char *row)
{
	static const char *const tops[] = {"一、", "二、", "三、", "四、"};
	static const char *const groups[] = {"(一)", "(二)", "(三)", "(四)",
	    "(五)", "(六)", "(七)"};
	int g;

	if (row[1] == '\0')
		return row[0] >= '1' && row[0] <= '4' &&
		    holds_after_start(label, tops[row[0] - '1']);
	if (row[0] != '3' || row[1] != '.' || row[2] < '1' || row[2] > '7')
		return 0;
	g = row[2] - '1';
	if (row[3] == '\0')
		return holds_after_start(label, groups[g]) ||
		    (g == 0 && holds_after_start(label, "三、"));
	if (row[3] != '.' || row[4] < '1' || row[4] > '8')
		return 0;
	return holds_item(label, row[4]) ||
	    (row[4] == '1' && holds_after_start(label, groups[g]));
}

/* The row the template (rows both share) has before `row`, or NULL. */
const char *
t3_prev_row(const char *row)
{
	int at = shared_order(row);

	return at <= 0 ? NULL : shared_row(at - 1);
}

/* The row the template (rows both share) has after `row`, or NULL. */
const char *
t3_next_row(const char *row)
{
	int at = shared_order(row);

	return at < 0 ? NULL : shared_row(at + 1);
}
