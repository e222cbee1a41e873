/* Parsing what a table cell holds, exactly, without floating point. */
#include <string.h>

#include "value.h"

static int
is_blank_mark(const char *s)
{
	static const char *const marks[] = {"", "-", "--", "—", "——", "/",
	    "\\", "－", "无", NULL};
	int i;

	switch ((unsigned char)*s) {	/* the first bytes of the marks */
	case '\0':			/* an empty cell: no strcmp */
		return 1;
	case '-': case '/': case '\\': case 0xe2: case 0xef: case 0xe6:
		break;
	default:			/* most cells: numbers, labels */
		return 0;
	}
	for (i = 0; marks[i]; i++)
		if (marks[i][0] == *s && strcmp(s, marks[i]) == 0)
			return 1;
	return 0;
}

/* The unit a cell or header names: 亿元, 万元, 元, or UNIT_NONE. */
int
value_unit_in(const char *s)
{
	if (strstr(s, "亿元"))
		return UNIT_YI;
	if (strstr(s, "万元"))
		return UNIT_WAN;
	if (strstr(s, "元"))
		return UNIT_YUAN;
	return UNIT_NONE;
}

/*
 * Skip a unit or count word after the digits; 0 if what follows is not.
 * Bodies write the measure word of what they count into the cell
 * ("3件", "2笔", "12项", "4条", "5人次"): any of the common ones is a count.
 */
static const char *
skip_suffix(const char *p, int *unit)
{
	static const struct { const char *word; int unit; } sfx[] = {
		{"亿元", UNIT_YI}, {"万元", UNIT_WAN}, {"元", UNIT_YUAN},
		{"亿", UNIT_YI}, {"万", UNIT_WAN}, {"件", UNIT_NONE},
		{"个", UNIT_NONE}, {"项", UNIT_NONE}, {"人次", UNIT_NONE},
		{"次", UNIT_NONE}, {"笔", UNIT_NONE}, {"条", UNIT_NONE},
		{"宗", UNIT_NONE}, {"份", UNIT_NONE}, {"起", UNIT_NONE},
		{"例", UNIT_NONE}, {"人", UNIT_NONE}, {"家", UNIT_NONE},
	};
	size_t i, n;

	while (*p == ' ')
		p++;
	*unit = UNIT_NONE;
	if (*p == '\0')
		return p;
	if ((unsigned char)*p < 0xe4 || (unsigned char)*p > 0xe9)
		return NULL;	/* every word's lead byte is E4..E9 */
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		/* every word is CJK, three bytes a character: two tell */
		if (p[0] != sfx[i].word[0] || p[1] != sfx[i].word[1])
			continue;
		n = strlen(sfx[i].word);
		if (strncmp(p, sfx[i].word, n) == 0) {
			*unit = sfx[i].unit;
			p += n;
			while (*p == ' ')
				p++;
			return *p == '\0' ? p : NULL;
		}
	}
	return NULL;
}

/* Three digits and no fourth: what a thousands comma stands before.
 * `1,4` is no number (html2text cut 1，426 to its column's bytes). */
static int
group_of_3(const char *p)
{
	return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
	    p[2] >= '0' && p[2] <= '9' && !(p[3] >= '0' && p[3] <= '9');
}

/* Digits with optional thousands commas and one decimal point. */
static const char *
scan_digits(const char *p, char *digits, int *ndig, int *frac)
{
	int seen_dot = 0, n = 0;

	*frac = 0;
	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= VALUE_MAX - 4)
				return NULL;
			digits[n++] = *p;
			*frac += seen_dot;
		} else if (*p == ',' && n > 0 && !seen_dot && group_of_3(p + 1))
			continue;
		else if (*p == '.' && !seen_dot && n > 0 && p[1] >= '0' &&
		    p[1] <= '9')
			seen_dot = 1;
		else
			break;
	}
	*ndig = n;
	return n > 0 ? p : NULL;
}

/* Write digits[0..n) scaled by 10^-frac as a canonical decimal. */
static void
canonical(char *out, int neg, const char *digits, int n, int frac)
{
	int i = 0, o = 0, intlen;

	while (frac > 0 && n > 0 && digits[n - 1] == '0')
		n--, frac--;
	if (n == 0)		/* only zeros after the point */
		digits = "0", n = 1, frac = 0;
	intlen = n - frac;
	while (i < intlen - 1 && digits[i] == '0')
		i++;
	if (neg && !(n - i == 1 && digits[i] == '0' && frac == 0))
		out[o++] = '-';
	if (intlen <= 0)
		out[o++] = '0';
	for (; i < intlen; i++)
		out[o++] = digits[i];
	if (frac > 0) {
		out[o++] = '.';
		for (i = 0; i < -intlen && intlen < 0; i++)
			out[o++] = '0';
		for (i = intlen < 0 ? 0 : intlen; i < n; i++)
			out[o++] = digits[i];
	}
	out[o] = '\0';
}

/* Only U+FFFD and at most one other character, no digit: spilled bytes
 * of a label cut mid-character. */
static int
is_garbage(const char *s)
{
	const char *p;
	size_t other = 0;

	for (p = s; (p = strchr(p, '\xef')) != NULL; p++)	/* no strstr */
		if (p[1] == '\xbf' && p[2] == '\xbd')
			break;
	if (p == NULL)
		return 0;
	for (p = s; *p; p++) {
		if (strncmp(p, "\xef\xbf\xbd", 3) == 0)
			p += 2;
		else if ((*p >= '0' && *p <= '9') || ++other > 3)
			return 0;
	}
	return 1;
}

/*
 * Most cells are a count written plainly ("582", "0"): its canonical
 * form is itself without leading zeros, as canonical() writes it.
 * 1 if s was such, parsed into v.
 */
static int
plain_count(const char *s, struct value *v)
{
	size_t n = 0, z = 0, o = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == 0 || s[n] != '\0' || n + 1 >= VALUE_MAX - 4)
		return 0;
	while (z + 1 < n && s[z] == '0')
		z++;
	for (n++; z < n; z++)	/* the NUL too; a few bytes: no call */
		v->num[o++] = s[z];
	v->kind = V_NUMBER;
	return 1;
}

/* A number with a sign, a point, separators or a unit: apart, so that
 * the other cells need no room for digits. */
static void __attribute__((noinline))
parse_number(const char *s, struct value *v)
{
	char digits[VALUE_MAX];
	int ndig, frac, neg = 0;
	const char *p = s;

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	else if (strncmp(p, "−", 3) == 0)
		neg = 1, p += 3;
	if ((p = scan_digits(p, digits, &ndig, &frac)) == NULL ||
	    (p = skip_suffix(p, &v->unit)) == NULL)
		return;
	v->kind = V_NUMBER;
	canonical(v->num, neg, digits, ndig, frac);
}

/* value_parse of a cell that is not a plain count. */
static void
parse_other(const char *s, struct value *v)
{
	if (is_blank_mark(s)) {
		v->kind = V_BLANK;
		return;
	}
	v->kind = is_garbage(s) ? V_UNKNOWN : V_TEXT;
	/* a number begins with a sign, a digit or U+2212 (E2 88 92); the
	 * rest (labels) is text without a look at the digits */
	if (*s == '-' || *s == '+' || (*s >= '0' && *s <= '9') ||
	    (unsigned char)*s == 0xe2)
		parse_number(s, v);
}

void
value_parse_full(const char *s, struct value *v)
{
	v->unit = UNIT_NONE;
	v->num[0] = '\0';
	if (value_is_label_start(s)) {
		v->kind = V_TEXT;
		return;
	}
	if (!plain_count(s, v))
		parse_other(s, v);
}

int
value_is_int(const struct value *v)
{
	return v->kind == V_NUMBER && strchr(v->num, '.') == NULL;
}

/*
 * The amount in 万元: the cell's own unit wins over the header's; with no
 * unit anywhere the number is taken as written (the template's 万元).
 * Returns -1, out untouched, when the result would not fit in VALUE_MAX.
 */
int
value_in_wan(const struct value *v, int header_unit, char *out)
{
	char digits[VALUE_MAX + 8];
	const char *p = v->num;
	int neg = 0, n = 0, frac = 0, seen = 0, exp, intlen;

	exp = v->unit != UNIT_NONE ? v->unit : header_unit != UNIT_NONE ?
	    header_unit : UNIT_WAN;
	if (*p == '-')
		neg = 1, p++;
	for (; *p && n < VALUE_MAX; p++) {
		if (*p == '.') {
			seen = 1;
			continue;
		}
		digits[n++] = *p;
		frac += seen;
	}
	frac -= exp;		/* 亿元 moves the point right, 元 left */
	for (; frac < 0; frac++)
		digits[n++] = '0';
	intlen = n - frac;
	if (neg + (intlen > 0 ? intlen : 1) + (frac > 0 ? frac + 1 : 0) >=
	    VALUE_MAX)
		return -1;
	canonical(out, neg, digits, n, frac);
	return 0;
}
