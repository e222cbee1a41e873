/* Rows and columns of the two templates, in report order (gip(7)). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl.h"

#define T3COLS {"natural", "commercial", "research", "social", "legal", \
	"other", "total", NULL}, "ccccccc"
#define T4COLS {"upheld", "corrected", "other", "pending", "total", NULL}, \
	"ccccc"
#define C19_ITEMS {"prev", "delta", "decisions", NULL}, "csc"
#define C21_DOCS {"issued", "repealed", "valid", NULL}, "ccc"
#define C21_DECISIONS {"decisions", NULL}, "c"

/* Is table a name "tX", two bytes? */
static int
is_tx(const char *table)
{
	return table[0] == 't' && table[1] != '\0' && table[2] == '\0';
}

/* Are a and b the same table name, b a name "tX"?  No call. */
static int
same_tx(const char *a, const char *b)
{
	return a[0] == 't' && a[1] == b[1] && a[2] == '\0';
}

const struct tmpl_row tmpl_rows[] = {
	{"t2", "20.1.rules", TPL_2019, "规章",
	    {"made", "published", "total", NULL}, "ccc",
	    {"规章", NULL}},
	{"t2", "20.1.normative", TPL_2019, "规范性文件",
	    {"made", "published", "total", NULL}, "ccc",
	    {"行政规", "规范性", NULL}},
	{"t2", "20.5.license", TPL_2019, "行政许可", C19_ITEMS,
	    {"行政许可", NULL}},
	{"t2", "20.5.other", TPL_2019, "其他对外管理服务事项", C19_ITEMS,
	    {"其他对外", NULL}},
	{"t2", "20.6.penalty", TPL_2019, "行政处罚", C19_ITEMS,
	    {"行政处", NULL}},
	{"t2", "20.6.enforce", TPL_2019, "行政强制", C19_ITEMS,
	    {"行政强制", NULL}},
	{"t2", "20.8.fee", TPL_2019, "行政事业性收费",
	    {"prev", "delta", NULL}, "cs",
	    {"行政事业", "事业性收", NULL}},
	{"t2", "20.9.procure", TPL_2019, "政府集中采购",
	    {"count", "amount", NULL}, "ca",
	    {"政府集中", "集中采购", NULL}},
	{"t2", "20.1.rules", TPL_2021, "规章", C21_DOCS,
	    {"规章", NULL}},
	{"t2", "20.1.normative", TPL_2021, "行政规范性文件", C21_DOCS,
	    {"行政规", "规范性", NULL}},
	{"t2", "20.5.license", TPL_2021, "行政许可", C21_DECISIONS,
	    {"行政许可", NULL}},
	{"t2", "20.6.penalty", TPL_2021, "行政处罚", C21_DECISIONS,
	    {"行政处", NULL}},
	{"t2", "20.6.enforce", TPL_2021, "行政强制", C21_DECISIONS,
	    {"行政强制", NULL}},
	{"t2", "20.8.fee", TPL_2021, "行政事业性收费", {"amount", NULL}, "a",
	    {"行政事业", "事业性收", NULL}},
	{"t3", "1", TPL_BOTH, "一、本年新收政府信息公开申请数量", T3COLS,
	    {"本年新收", NULL}},
	{"t3", "2", TPL_BOTH, "二、上年结转政府信息公开申请数量", T3COLS,
	    {"上年结转", NULL}},
	{"t3", "3.1", TPL_BOTH, "（一）予以公开", T3COLS,
	    {"予以公开", NULL}},
	{"t3", "3.2", TPL_BOTH,
	    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", T3COLS,
	    {"部分公开", NULL}},
	{"t3", "3.3.1", TPL_BOTH, "1.属于国家秘密", T3COLS,
	    {"国家秘密", NULL}},
	{"t3", "3.3.2", TPL_BOTH, "2.其他法律行政法规禁止公开", T3COLS,
	    {"禁止公开", "法规禁止", "其他法律", NULL}},
	{"t3", "3.3.3", TPL_BOTH, "3.危及“三安全一稳定”", T3COLS,
	    {"三安全", "一稳定", NULL}},
	{"t3", "3.3.4", TPL_BOTH, "4.保护第三方合法权益", T3COLS,
	    {"第三方", NULL}},
	{"t3", "3.3.5", TPL_BOTH, "5.属于三类内部事务信息", T3COLS,
	    {"内部事务", "三类内部", NULL}},
	{"t3", "3.3.6", TPL_BOTH, "6.属于四类过程性信息", T3COLS,
	    {"过程性", "四类过程", NULL}},
	{"t3", "3.3.7", TPL_BOTH, "7.属于行政执法案卷", T3COLS,
	    {"执法案卷", NULL}},
	{"t3", "3.3.8", TPL_BOTH, "8.属于行政查询事项", T3COLS,
	    {"查询事项", "行政查询", NULL}},
	{"t3", "3.4.1", TPL_BOTH, "1.本机关不掌握相关政府信息", T3COLS,
	    {"不掌握", NULL}},
	{"t3", "3.4.2", TPL_BOTH, "2.没有现成信息需要另行制作", T3COLS,
	    {"另行制作", "没有现成", NULL}},
	{"t3", "3.4.3", TPL_BOTH, "3.补正后申请内容仍不明确", T3COLS,
	    {"补正后", "仍不明确", NULL}},
	{"t3", "3.5.1", TPL_BOTH, "1.信访举报投诉类申请", T3COLS,
	    {"信访", "举报投诉", NULL}},
	{"t3", "3.5.2", TPL_BOTH, "2.重复申请", T3COLS,
	    {"重复申请", NULL}},
	{"t3", "3.5.3", TPL_BOTH, "3.要求提供公开出版物", T3COLS,
	    {"出版物", NULL}},
	{"t3", "3.5.4", TPL_BOTH, "4.无正当理由大量反复申请", T3COLS,
	    {"大量反复", "反复申请", NULL}},
	{"t3", "3.5.5", TPL_BOTH, "5.要求行政机关确认或重新出具已获取信息",
	    T3COLS,
	    {"重新出具", "确认或重新", "已获取", NULL}},
	{"t3", "3.6", TPL_2019, "（六）其他处理", T3COLS,
	    {"其他处理", NULL}},
	{"t3", "3.6.1", TPL_2021,
	    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	    T3COLS,
	    {"不补正", "理由逾期", NULL}},
	{"t3", "3.6.2", TPL_2021,
	    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息"
	    "公开申请", T3COLS,
	    {"缴纳费", "收费通知", "逾期未按", NULL}},
	{"t3", "3.6.3", TPL_2021, "3.其他", T3COLS, {NULL}},
	{"t3", "3.7", TPL_BOTH, "（七）总计", T3COLS, {NULL}},
	{"t3", "4", TPL_BOTH, "四、结转下年度继续办理", T3COLS,
	    {"结转下年", "继续办理", NULL}},
	{"t4", "review", TPL_BOTH, "行政复议", T4COLS, {NULL}},
	{"t4", "suit.direct", TPL_BOTH, "未经复议直接起诉", T4COLS, {NULL}},
	{"t4", "suit.after", TPL_BOTH, "复议后起诉", T4COLS, {NULL}},
};
const size_t tmpl_nrows = sizeof tmpl_rows / sizeof tmpl_rows[0];

/*
 * Column header key words, the first one a header contains naming its
 * column (so 上一年 before 上年, and 增 late: it is in many headers).
 */
const struct tmpl_head tmpl_heads[] = {
	{"t2", "处理决定", "decisions", TPL_BOTH},
	{"t2", "新制作", "made", TPL_2019},
	{"t2", "新公开", "published", TPL_2019},
	{"t2", "公开总", "total", TPL_2019},
	{"t2", "制发", "issued", TPL_2021},
	{"t2", "废止", "repealed", TPL_2021},
	{"t2", "现行有效", "valid", TPL_2021},
	{"t2", "上一年", "prev", TPL_2019},
	{"t2", "上年", "prev", TPL_2019},
	{"t2", "增", "delta", TPL_2019},
	{"t2", "本年数量", "delta", TPL_2019},
	{"t2", "采购项目", "count", TPL_2019},
	{"t2", "总金额", "amount", TPL_2019},
	{"t2", "收费金额", "amount", TPL_2021},
	{"t3", "自然人", "natural", TPL_BOTH},
	{"t3", "商业", "commercial", TPL_BOTH},
	{"t3", "科研", "research", TPL_BOTH},
	{"t3", "社会", "social", TPL_BOTH},
	{"t3", "法律", "legal", TPL_BOTH},
	{"t3", "其他", "other", TPL_BOTH},
	{"t3", "总计", "total", TPL_BOTH},
};
const size_t tmpl_nheads = sizeof tmpl_heads / sizeof tmpl_heads[0];

const struct tmpl_prose tmpl_prose[] = {
	{"received", "applications received", "t3", {"1", NULL}, "total"},
	{"carried", "applications carried over", "t3", {"2", NULL}, "total"},
	{"closed", "applications handled", "t3", {"3.7", NULL}, "total"},
	{"pending", "applications carried forward", "t3", {"4", NULL},
	    "total"},
	{"review", "administrative reviews", "t4", {"review", NULL}, "total"},
	{"suit", "lawsuits", "t4", {"suit.direct", "suit.after"}, "total"},
};
const size_t tmpl_nprose = sizeof tmpl_prose / sizeof tmpl_prose[0];

/*
 * tmpl_find's index: the rows of one table and key chained in template
 * order (next_same), their first in an open-addressed hash of the key.
 * Built on the first call; it is called for every row a report prints.
 */
enum { FIND_SLOTS = 256 };
static short find_slot[FIND_SLOTS];	/* first row + 1; 0: empty */
static short next_same[256];		/* next row of the key + 1 */

static unsigned
row_hash(const char *table, const char *row)
{
	unsigned h = 2166136261u;

	for (; *table != '\0'; table++)
		h = (h ^ (unsigned char)*table) * 16777619u;
	for (; *row != '\0'; row++)
		h = (h ^ (unsigned char)*row) * 16777619u;
	return h;
}

static int
find_index_init(void)
{
	size_t i, k;

	if (tmpl_nrows >= sizeof next_same / sizeof next_same[0])
		return 0;	/* too many rows: the linear scan */
	for (i = tmpl_nrows; i-- > 0;) {
		k = row_hash(tmpl_rows[i].table, tmpl_rows[i].row) %
		    FIND_SLOTS;
		for (;; k = (k + 1) % FIND_SLOTS) {
			if (find_slot[k] == 0) {
				find_slot[k] = (short)(i + 1);
				next_same[i] = 0;
				break;
			}
			if (strcmp(tmpl_rows[find_slot[k] - 1].row,
			    tmpl_rows[i].row) == 0 && strcmp(tmpl_rows[
			    find_slot[k] - 1].table, tmpl_rows[i].table) == 0) {
				next_same[i] = find_slot[k];
				find_slot[k] = (short)(i + 1);
				break;
			}
		}
	}
	return 1;
}

/* The row of table/row in template tpl (TPL_BOTH: either), or NULL. */
const struct tmpl_row *
tmpl_find(const char *table, const char *row, unsigned tpl)
{
	static int indexed = -1;
	size_t i, k;
	int j;

	if (indexed < 0)
		indexed = find_index_init();
	if (!indexed) {
		for (i = 0; i < tmpl_nrows; i++)
			if ((tmpl_rows[i].templates & tpl) &&
			    tmpl_rows[i].row[0] == row[0] &&
			    strcmp(tmpl_rows[i].row, row) == 0 &&
			    strcmp(tmpl_rows[i].table, table) == 0)
				return &tmpl_rows[i];
		return NULL;
	}
	for (k = row_hash(table, row) % FIND_SLOTS; find_slot[k] != 0;
	    k = (k + 1) % FIND_SLOTS) {
		j = find_slot[k] - 1;
		if (strcmp(tmpl_rows[j].row, row) != 0 || (is_tx(table) ?
		    !same_tx(tmpl_rows[j].table, table) :
		    strcmp(tmpl_rows[j].table, table) != 0))
			continue;
		for (; j >= 0; j = next_same[j] - 1)
			if (tmpl_rows[j].templates & tpl)
				return &tmpl_rows[j];
		return NULL;
	}
	return NULL;
}

/* The first header key word of table that text contains, or NULL. */
const struct tmpl_table tmpl_tables[] = {
	{"t2", "主动公开政府信息情况", "第二十条", NULL, "信息内容", NULL},
	{"t3", "收到和处理政府信息公开申请情况", NULL, "申请人情况", NULL,
	    "勾稽关系"},
	{"t4", "政府信息公开行政复议、行政诉讼情况", "行政复议", NULL, NULL,
	    NULL},
};

/* The loop is unrolled and each strcmp with a literal inlined. */
const struct tmpl_table *
tmpl_table(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof tmpl_tables / sizeof tmpl_tables[0]; i++)
		if (strcmp(tmpl_tables[i].table, table) == 0)
			return &tmpl_tables[i];
	return NULL;
}

/*
 * tmpl_head_in's index: for each pair of bytes (hashed) that begins a
 * header key word, the words of tmpl_heads that begin with it (a bit
 * each), so a text is read once, not once a word by strstr.
 */
#define HEAD_PAIR(a, b)	(((unsigned)(a) * 31u + (unsigned)(b)) & 255u)
static uint32_t head_pair[256];
static uint32_t head_want[256];	/* the words of table "tX", by X */
static unsigned char first_min = 0xff;	/* the least first byte of a word */

static int
head_index_init(void)
{
	size_t i;

	if (tmpl_nheads > 32)
		return 0;	/* more than a bit each: strstr */
	for (i = 0; i < tmpl_nheads; i++) {
		if (tmpl_heads[i].word[0] == '\0' ||
		    tmpl_heads[i].word[1] == '\0')
			return 0;
		head_pair[HEAD_PAIR((unsigned char)tmpl_heads[i].word[0],
		    (unsigned char)tmpl_heads[i].word[1])] |= 1u << i;
		if ((unsigned char)tmpl_heads[i].word[0] < first_min)
			first_min = (unsigned char)tmpl_heads[i].word[0];
		if (is_tx(tmpl_heads[i].table))
			head_want[(unsigned char)tmpl_heads[i].table[1]] |=
			    1u << i;
	}
	return 1;
}

/* Does the string t begin with w (w not empty)?  Stops at t's NUL. */
static int
begins_with(const char *t, const char *w)
{
	for (; *w != '\0'; t++, w++)
		if (*t != *w)
			return 0;
	return 1;
}

/* The first header key word of table that text contains, or NULL. */
const struct tmpl_head *
tmpl_head_in(const char *table, const char *text)
{
	static int indexed = -1;
	const unsigned char *u = (const unsigned char *)text;
	uint32_t want = 0, found = 0, bits;
	size_t i;

	if (indexed < 0)
		indexed = head_index_init();
	if (!indexed) {
		for (i = 0; i < tmpl_nheads; i++)
			if (strcmp(tmpl_heads[i].table, table) == 0 &&
			    strstr(text, tmpl_heads[i].word) != NULL)
				return &tmpl_heads[i];
		return NULL;
	}
	if (is_tx(table))
		want = head_want[(unsigned char)table[1]];
	else
		for (i = 0; i < tmpl_nheads; i++)
			if (strcmp(tmpl_heads[i].table, table) == 0)
				want |= 1u << i;
	for (; u[0] != '\0' && found != want; u++) {
		if (u[0] < first_min)
			continue;	/* no word begins with it */
		/* u[1] is readable: u[0] is not the NUL */
		bits = head_pair[HEAD_PAIR(u[0], u[1])] & want & ~found;
		for (; bits != 0; bits &= bits - 1) {
			i = (size_t)__builtin_ctz(bits);
			if (begins_with((const char *)u, tmpl_heads[i].word))
				found |= 1u << i;
		}
		/* the first word of the list found: no earlier one can be */
		if (found & want & -want)
			break;
	}
	if (found == 0)
		return NULL;
	return &tmpl_heads[__builtin_ctz(found)];
}

/* The first header key word naming col of table, or NULL. */
const char *
tmpl_head_word(const char *table, const char *col)
{
	size_t i;
	int tx = is_tx(table);

	for (i = 0; i < tmpl_nheads; i++)
		if ((tx ? same_tx(tmpl_heads[i].table, table) :
		    strcmp(tmpl_heads[i].table, table) == 0) &&
		    tmpl_heads[i].col[0] == col[0] &&
		    strcmp(tmpl_heads[i].col, col) == 0)
			return tmpl_heads[i].word;
	return NULL;
}

int
tmpl_col_index(const struct tmpl_row *r, const char *col)
{
	int i;

	for (i = 0; r->cols[i]; i++)
		if (strcmp(r->cols[i], col) == 0)
			return i;
	return -1;
}

int
tmpl_table_index(const char *table)
{
	static const char *const names[] = {"meta", "t2", "t3", "t4",
	    "prose"};
	int i;

	for (i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
		if (strcmp(table, names[i]) == 0)
			return i;
	return -1;
}

int
tmpl_table_known(const char *table)
{
	return tmpl_table_index(table) >= 0;
}

/*
 * May a body leave one of this table's rows out?  t2's rows go with
 * powers a body may not have (规章 only where it can make rules), so a
 * row left out is a warning; t3 and t4 are printed whole by every body,
 * so a row of theirs that is absent is a required row missing.
 */
int
tmpl_rows_optional(const char *table)
{
	return strcmp(table, "t2") == 0;
}

unsigned
tmpl_from_name(const char *name)
{
	size_t i;

	for (i = 0; i < tmpl_ninfos; i++)
		if (strcmp(name, tmpl_infos[i].name) == 0)
			return tmpl_infos[i].tpl;
	return 0;
}

const char *
tmpl_name(unsigned tpl)
{
	const struct tmpl_info *ti = tmpl_info(tpl);

	return ti ? ti->name : "";
}

const struct tmpl_info *
tmpl_info(unsigned tpl)
{
	size_t i;

	for (i = 0; i < tmpl_ninfos; i++)
		if (tmpl_infos[i].tpl == tpl)
			return &tmpl_infos[i];
	return NULL;
}

/* The latest template in force in year y; the first one before them all. */
long
tmpl_year(const char *s)
{
	char *end;
	long y = strtol(s, &end, 10);

	return *end == '\0' && y > 1900 && y < 3000 ? y : 0;
}

const struct tmpl_info *
tmpl_for_year(long y)
{
	size_t i;

	for (i = tmpl_ninfos; i-- > 1;)
		if (tmpl_infos[i].from <= y)
			return &tmpl_infos[i];
	return &tmpl_infos[0];
}

/* ---- the templates' years, identities and carried figures (gip-check) */

/*
 * 2019 (国办公开办函〔2019〕60号): for 2019 and 2020, still seen in 2021;
 * 2021 (〔2021〕30号): from 2021, adopted early by some 2020 reports.
 */
const struct tmpl_info tmpl_infos[] = {
	{TPL_2019, "2019", 2019, 2019, 2021},
	{TPL_2021, "2021", 2021, 2020, 0},
};
const size_t tmpl_ninfos = sizeof tmpl_infos / sizeof tmpl_infos[0];

/*
 * The identities, in the order gip-check reports them (gip-check(1),
 * "Rules").  The parts of row 3.7 are every row of 三、本年度办理结果:
 * 3.6 in the 2019 template, 3.6.1 to 3.6.3 in the 2021 one.
 */
const struct tmpl_ident tmpl_idents[] = {
	{"t3-bal", "t3", IDENT_COLS, "1+2=3.7+4", {"1", "2", NULL},
	    {"3.7", "4", NULL}, "total", "t3-row",
	    "rows 1+2 (received, carried over) make %s, "
	    "rows 3.7+4 (handled, carried forward) %s"},
	{"t3-sum7", "t3", IDENT_COLS, "3.7=sum(3.1-3.6)",
	    {"3.1", "3.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5",
	    "3.3.6", "3.3.7", "3.3.8", "3.4.1", "3.4.2", "3.4.3", "3.5.1",
	    "3.5.2", "3.5.3", "3.5.4", "3.5.5", "3.6", "3.6.1", "3.6.2",
	    "3.6.3", NULL}, {"3.7", NULL}, "total", "t3-row",
	    "rows 3.1 to 3.6 add up to %s, row 3.7 says %s"},
	{"t3-row", "t3", IDENT_ROWS, "total=sum(natural-other)",
	    {"natural", "commercial", "research", "social", "legal", "other",
	    NULL}, {"total", NULL}, NULL, NULL,
	    "the six applicant columns add up to %s, the total says %s"},
	{"t4-sum", "t4", IDENT_ROWS, "total=sum(upheld-pending)",
	    {"upheld", "corrected", "other", "pending", NULL},
	    {"total", NULL}, NULL, NULL,
	    "upheld+corrected+other+pending make %s, the total says %s"},
};
const size_t tmpl_nidents = sizeof tmpl_idents / sizeof tmpl_idents[0];

/* 上年结转 is last year's 结转下年度; 现行有效 carries with 制发 and 废止. */
const struct tmpl_carry tmpl_carries[] = {
	{"carry", "t3", TPL_BOTH, {"2", NULL}, NULL, "4", NULL, NULL, NULL},
	{"valid", "t2", TPL_2021, {"20.1.rules", "20.1.normative", NULL},
	    "valid", NULL, NULL, "issued", "repealed"},
};
const size_t tmpl_ncarries = sizeof tmpl_carries / sizeof tmpl_carries[0];

/*
 * The templates' column headings, for showing cells as the report prints
 * them (gip-tables --view).  A row given: that row's own heading (an
 * amount is 采购 or 收费); NULL: every row of the table.
 */
static const struct {
	const char	*table, *row, *col, *label;
} tmpl_col_labels[] = {
	{"t2", "20.9.procure", "amount", "采购总金额（万元）"},
	{"t2", "20.8.fee", "amount", "收费金额（万元）"},
	{"t2", NULL, "made", "本年新制作数量"},
	{"t2", NULL, "published", "本年新公开数量"},
	{"t2", NULL, "total", "对外公开总数量"},
	{"t2", NULL, "prev", "上一年项目数量"},
	{"t2", NULL, "delta", "本年增/减"},
	{"t2", NULL, "decisions", "处理决定数量"},
	{"t2", NULL, "count", "采购项目数量"},
	{"t2", NULL, "issued", "本年制发件数"},
	{"t2", NULL, "repealed", "本年废止件数"},
	{"t2", NULL, "valid", "现行有效件数"},
	{"t3", NULL, "natural", "自然人"},
	{"t3", NULL, "commercial", "商业企业"},
	{"t3", NULL, "research", "科研机构"},
	{"t3", NULL, "social", "社会公益组织"},
	{"t3", NULL, "legal", "法律服务机构"},
	{"t3", NULL, "other", "其他"},
	{"t3", NULL, "total", "总计"},
	{"t4", NULL, "upheld", "结果维持"},
	{"t4", NULL, "corrected", "结果纠正"},
	{"t4", NULL, "other", "其他结果"},
	{"t4", NULL, "pending", "尚未审结"},
	{"t4", NULL, "total", "总计"},
};

/* The heading of column col of table/row as the templates print it;
 * the key itself when there is none. */
const char *
tmpl_col_label(const char *table, const char *row, const char *col)
{
	size_t i, n = sizeof tmpl_col_labels / sizeof tmpl_col_labels[0];

	for (i = 0; i < n; i++)
		if (strcmp(tmpl_col_labels[i].table, table) == 0 &&
		    strcmp(tmpl_col_labels[i].col, col) == 0 &&
		    (tmpl_col_labels[i].row == NULL ||
		    strcmp(tmpl_col_labels[i].row, row) == 0))
			return tmpl_col_labels[i].label;
	return col;
}
