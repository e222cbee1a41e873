/*
 * Table cell values: blank, a number (counts, signed changes, amounts
 * with or without a unit) or text.  Numbers come out canonical: no
 * thousands separators, no leading or trailing zeros, amounts in 万元.
 */
#ifndef GIP_VALUE_H
#define GIP_VALUE_H

/* V_UNKNOWN: a cell a converter filled with garbage (U+FFFD): whatever
 * it held is lost, so it is neither blank nor a label. */
enum vkind { V_BLANK, V_NUMBER, V_TEXT, V_UNKNOWN };

/* Decimal exponent of a unit relative to 万元.  UNIT_DOUBT: a header's
 * 元 after a cut (html2text: 采购总金额\uFFFD|万 / 元）), 元 or 万元. */
enum { UNIT_NONE = 99, UNIT_DOUBT = 98, UNIT_YUAN = -4, UNIT_WAN = 0,
	UNIT_YI = 4 };

#define VALUE_MAX 48

struct value {
	enum vkind	kind;
	int		unit;		/* UNIT_* written in the cell */
	char		num[VALUE_MAX];	/* canonical, in the cell's unit */
};

/* value_parse but for the commonest cell, apart. */
void	value_parse_full(const char *text, struct value *v);

/*
 * A label's text: a Han character led by E4..E9 first and a fourth byte
 * that neither ends the text nor begins U+FFFD.  It is no blank mark
 * (无 alone is three bytes), no garbage (that has its first U+FFFD among
 * its first four bytes) and no number (no sign or digit first): text,
 * known from four bytes, where most label cells would be looked at
 * whole.
 */
static inline int
value_is_label_start(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return u[0] >= 0xe4 && u[0] <= 0xe9 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80 && u[3] != '\0' && u[3] != 0xef;
}

/*
 * Parse a cell.  Inline for the commonest cell, a count written plainly
 * without a leading zero ("0", "582"): its own canonical form, no call.
 */
static inline void
value_parse(const char *s, struct value *v)
{
	int n;

	if ((s[0] >= '1' && s[0] <= '9') || (s[0] == '0' && s[1] == '\0')) {
		for (n = 1; n < VALUE_MAX - 6 && s[n] >= '0' && s[n] <= '9';
		    n++)
			;
		if (s[n] == '\0') {
			for (; n >= 0; n--)	/* the NUL too */
				v->num[n] = s[n];
			v->kind = V_NUMBER;
			v->unit = UNIT_NONE;
			return;
		}
	}
	if (value_is_label_start(s)) {	/* most other cells: no call */
		v->kind = V_TEXT;
		v->unit = UNIT_NONE;
		v->num[0] = '\0';
		return;
	}
	value_parse_full(s, v);
}
int	value_in_wan(const struct value *v, int header_unit, char *out);
int	value_unit_in(const char *text);
int	value_is_int(const struct value *v);
/* Is num (a canonical number, struct value's num) 0?  canonical()
 * writes every zero as "0". */
static inline int
value_is_zero(const char *num)
{
	return num[0] == '0' && num[1] == '\0';
}

#endif
