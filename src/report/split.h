/*
 * Several reports in one input (a concatenation, a compiled volume
 * 汇编): where each report begins, found by the report structure, not by
 * a marker (gip(7), "Several reports in one input").
 */
#ifndef GIP_SPLIT_H
#define GIP_SPLIT_H

#include <stddef.h>

/* One report of an input: bytes from..to of the text, from at a line
 * start; line: the 1-based input line it begins on. */
struct report_part {
	size_t	 from, to;
	long	 line;
};

/*
 * Find the reports in len bytes of UTF-8/LF text.  Stores up to max
 * parts in out (the last one reaching len: with max parts found, the
 * rest is in the last) and returns how many; one for an input that
 * holds a single report.  A new report begins where section 一's
 * heading comes again after later sections, at least SPLIT_MIN_LINES
 * lines after the last 一 (a table of contents is shorter), with a
 * title or a page break between: its part starts at the new report's
 * title (the first line since the last report's last heading that
 * names a 年度报告, with the organ's line above it when the title
 * leaves it there), or without a title at the last form feed.  Headings
 * repeated without either are one report's.  Every heading line is
 * noted in hs (its n reset first), for split_part_sections.
 */
#define SPLIT_MIN_LINES	20
struct sections_heads;
int	split_reports(const char *text, size_t len, struct report_part *out,
	    int max, struct sections_heads *hs);
/* The sections of part p (sections_of_part), hs as split_reports left
 * it; the part's text as split_part_doc copies it. */
int	split_part_sections(const char *text, const struct report_part *p,
	    const struct report_part *next, const struct sections_heads *hs,
	    struct gip_section sec[7]);

struct gip_doc;
struct doctables;
struct gip_section;

/*
 * Part p of whole as a report of its own, into part: a copy of its text
 * in *buf (grown as needed, *cap its size; free it when done), so its
 * lines count from 1; p->line - 1 is to be added to a line found in it.
 * part->name is whole->name.
 */
void	split_part_doc(const struct gip_doc *whole,
	    const struct report_part *p, struct gip_doc *part, char **buf,
	    size_t *cap);
/* Move every line of a structured document's tables by delta, so that
 * they count from a part's first line (-delta) or again from the
 * input's (+delta). */
void	split_shift_tables(struct doctables *dt, long delta);

#endif
