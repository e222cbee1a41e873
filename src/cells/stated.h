/*
 * What a report states about itself against its tables: the figures of
 * its prose (rule prose) and its year against its template (rule year).
 */
#ifndef GIP_STATED_H
#define GIP_STATED_H

#include "model.h"

long	report_year(const struct report *r);
void	check_prose(struct report *r);
void	check_year(struct report *r, unsigned tpl);

#endif
