/*
 * The six standard sections of a report (gip(5), "Sections"): where each
 * heading is, so that tools look for a table only inside its section.
 */
#ifndef GIP_SECTIONS_H
#define GIP_SECTIONS_H

#include <stddef.h>

#define SECTIONS_MAX	6

/*
 * start: byte offset of the heading line in text (0 for section 0);
 * body: just after the heading line; end: where the next found section
 * starts (or len).  Lines are 1-based, heading line .. last line.
 * title: the heading as printed, cleaned (TEXT_CLEAN), e.g.
 * "二、主动公开政府信息情况"; empty for section 0.
 */
struct gip_section {
	int	 found;
	size_t	 start;
	size_t	 body;
	size_t	 end;
	long	 first_line, last_line;
	char	 title[256];
};

/* Split UTF-8/LF text into section 0 (front matter before 一) and the six
 * standard sections; sec[0..6]. Returns how many of 1..6 were found. */
int	sections_split(const char *text, size_t len, struct gip_section sec[7]);

/* The section (1..6) whose heading the line of n bytes is, in any order;
 * 0 if it is none. */
int	sections_heading(const char *line, size_t n);

#endif
