/*
 * Does a report have the shape of its template: which template it uses,
 * its tables, rows and cells (rules missing, omitted, unread, template),
 * whole counts >= 0 (negative), and the blank cells (blanks).
 */
#ifndef GIP_SHAPE_H
#define GIP_SHAPE_H

#include "ident.h"
#include "model.h"

unsigned report_tpl(struct report *r);
void	check_template(struct report *r, unsigned tpl);
void	check_missing(struct report *r, const struct idvals *v, unsigned tpl);
void	check_negative(struct report *r, unsigned tpl);
void	count_blanks(struct report *r);

#endif
