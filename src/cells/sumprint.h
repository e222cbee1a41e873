/*
 * gip-sum's output: the groups' totals as a cells stream (or, with
 * columns, one column per group key part), TSV or CSV through rec.h,
 * and the note on unread cells left out.
 */
#ifndef GIP_SUMPRINT_H
#define GIP_SUMPRINT_H

#include "rec.h"
#include "sumby.h"
#include "sumgroup.h"
#include "sumkey.h"

struct sumprint {
	enum rec_format	 fmt;
	int		 bom, header, columns, quiet;
	const struct sumby *by;
	const struct sumkeys *keys;
	struct sumgroups *groups;	/* sorted by the print */
};

void	sumprint(const struct sumprint *p);

#endif
