/*
 * What gip-sum groups reports by (-g fields, -G regex on the source), and
 * the key of a report's group: its parts, one per -G capture and -g
 * field, NUL-separated.
 */
#ifndef GIP_SUMBY_H
#define GIP_SUMBY_H

#include <stddef.h>
#include <stdint.h>

#include "group.h"
#include "pattern.h"

/* The meta fields a group key can be made of; "source" is the name. */
enum { F_SOURCE, F_TITLE, F_ORG, F_YEAR, F_TEMPLATE, F_DATE, SUM_NFIELDS };
extern const char *const sum_field_names[SUM_NFIELDS];

#define SUMBY_UNKNOWN	"-"	/* a part the report does not have */
#define SUMBY_ALL	"all"	/* the key when nothing is grouped by */

struct sumby {
	int		 field[SUM_NFIELDS];	/* -g, in the order given */
	int		 nfield;
	pcre2_code	*re;			/* -G */
	pcre2_match_data *md;
	uint32_t	 ncapture;
};

struct sumkeybuf {
	char	*s;		/* the parts, each NUL-ended */
	size_t	 len, cap;
};

int	sum_field_index(const char *s, size_t n);
void	sumby_fields(struct sumby *by, const char *list);
void	sumby_regex(struct sumby *by, const char *pattern);
/* How many parts a key has, and the column name of part i. */
size_t	sumby_nparts(const struct sumby *by);
void	sumby_part_name(const struct sumby *by, size_t i, char *buf,
	    size_t size);
/*
 * The key of rep's group into out; meta holds its meta field values
 * (NULL: none).  -1 after reporting a source -G does not match.
 */
int	sumby_key(struct sumby *by, const struct cells_report *rep,
	    char *const *meta, struct sumkeybuf *out);

#endif
