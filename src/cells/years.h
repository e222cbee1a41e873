/*
 * One body over the years: the figures that carry from a report to the
 * next year's (tmpl_carries: rules carry and valid), compared whichever
 * year comes first.  Only those cells are kept, per body and year.
 */
#ifndef GIP_YEARS_H
#define GIP_YEARS_H

#include "model.h"

void	check_years(struct report *r, unsigned tpl);

#endif
