/* The report's meta data: title, issuing body, year, publication date. */
#ifndef GIP_META_H
#define GIP_META_H

#include <stddef.h>

struct meta {
	char	title[2048];
	char	org[256];
	char	year[8];
	char	date[32];	/* YYYY-MM-DD */
	/* The report-text line each was printed on; 0 when unknown. */
	long	title_line, org_line, year_line, date_line;
};

/*
 * The meta data of the report text[0, len): front_end is where section 一
 * starts (0: unknown), title_line the line where the document says its
 * title is (an HTML page's heading; 0: unknown); mark a line start whose
 * line number mark_line is known (0: none), the later the better: line
 * numbers of the last lines are counted from there, not from the top.
 */
void	meta_find(const char *text, size_t len, size_t front_end,
	    long title_line, size_t mark, long mark_line, struct meta *m);

#endif
