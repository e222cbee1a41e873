/*
 * Where each standard table is in a report: inside its section when the
 * heading was found, else from its caption to the next section or table.
 */
#ifndef GIP_FIND_H
#define GIP_FIND_H

#include <stddef.h>

struct gip_section;

/* A byte range of the report text and the line number of its start. */
struct region {
	size_t	from, to;
	long	line;
};

/* Find table `which` (2, 3 or 4) in text; 0 if it is not there. */
int	find_table(const char *text, size_t len,
	    const struct gip_section *sec, int which, struct region *r);

#endif
