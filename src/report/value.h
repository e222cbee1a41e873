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

/* Decimal exponent of a unit relative to 万元. */
enum { UNIT_NONE = 99, UNIT_YUAN = -4, UNIT_WAN = 0, UNIT_YI = 4 };

#define VALUE_MAX 48

struct value {
	enum vkind	kind;
	int		unit;		/* UNIT_* written in the cell */
	char		num[VALUE_MAX];	/* canonical, in the cell's unit */
};

void	value_parse(const char *text, struct value *v);
int	value_in_wan(const struct value *v, int header_unit, char *out);
int	value_unit_in(const char *text);
int	value_is_int(const struct value *v);

#endif
