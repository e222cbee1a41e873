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
/* The section whose heading the TEXT_LABEL form of a line (past its
 * marks) is, if its marker's number is that section's, else 0; by
 * hand, and by the heading pattern (PCRE2), which the fuzz target
 * checks it against. */
int	sections_label(const char *label, size_t n);
int	sections_label_re(const char *label, size_t n);

/*
 * The headings of a whole input, found in one pass over its lines (the
 * splitting into reports, split.h), so that each report's sections are
 * taken from them instead of scanning its lines again.  A heading line:
 * its start, just after its LF, where the heading is without the marks
 * around it (offsets in the input), its 1-based line, its number.
 */
struct sections_head {
	size_t	 start, body, head, hlen;
	long	 line;
	int	 k;		/* the heading's number */
	int	 marker;	/* the number its marker shows (the same but
				 * in odd cases; both count for the order) */
};

struct sections_heads {
	struct sections_head	*h;	/* in input order */
	int			 n, cap;
	long			 lines;	/* lines of the whole input */
	int			 no_titles;	/* sections_of_part leaves
					 * each title empty (a reader that
					 * prints none: gip-tables) */
};

/*
 * Can the line of n bytes be a heading at all?  Asked of every line
 * of every input before sections_note, so inline: past the white space
 * and table frames that begin most lines (TAB, space, |, U+3000, NBSP),
 * one lookup of the first byte, and for the lead bytes of 一..六 the
 * whole character.  A line the full test could take goes on to it.
 */
extern const unsigned char sections_may_begin[256];
/*
 * sections_may_head's test at p, the line's first byte past them.  A
 * quarter of all lines begin with a Han character led by E4 or E5: the
 * whole character is compared with 一..六 at once, not byte by byte,
 * which leaves one branch to mispredict instead of several.
 */
static inline int
sections_may_begin_at(const unsigned char *p, const unsigned char *end)
{
	unsigned t, w;

	if (end - p < 3)
		return p < end && sections_may_begin[*p] == 1;
	t = sections_may_begin[*p];
	w = (unsigned)p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16;
	/* 一 二 三 五 are E4 B8 80, E4 BA 8C, E4 B8 89, E4 BA 94; 四 六
	 * E5 9B 9B, E5 85 AD. */
	return (t == 1) | ((t == 2) & ((w == 0x80b8e4) | (w == 0x8cbae4) |
	    (w == 0x89b8e4) | (w == 0x94bae4) | (w == 0x9b9be5) |
	    (w == 0xad85e5)));
}

/* Past the TABs, spaces, |, U+3000 and NBSP that begin s[0..end). */
static inline const unsigned char *
sections_past_blanks(const unsigned char *p, const unsigned char *end)
{
	for (;;) {
		while (p < end && (*p == '\t' || *p == ' ' || *p == '|'))
			p++;
		if (end - p >= 3 && p[0] == 0xe3 && p[1] == 0x80 &&
		    p[2] == 0x80)
			p += 3;
		else if (end - p >= 2 && p[0] == 0xc2 && p[1] == 0xa0)
			p += 2;
		else
			break;
	}
	return p;
}

static inline int
sections_may_head(const char *line, size_t n)
{
	const unsigned char *p = (const unsigned char *)line;

	return sections_may_begin_at(sections_past_blanks(p, p + n), p + n);
}

/* Note the line at start (n bytes, line lineno, the next line at body)
 * if it is a heading; its number, or 0. */
int	sections_note(struct sections_heads *hs, const char *text,
	    size_t start, size_t n, size_t body, long lineno);
/*
 * The headings of the whole input text[0..len) into hs, as
 * split_reports notes them, without walking it line by line: the line
 * ends and the TABs, spaces and | that begin most lines are found 64
 * bytes at a time (SSE2; memchr and sections_may_head elsewhere), and
 * only a line that may be a heading is looked for its end.  Returns 0 when
 * the input is one report (no 一 heading after a later one, where
 * split_reports could begin another): then its only part is the whole
 * text from line 1, and hs holds the headings sections_of_part takes of
 * it (those it would pass over may be left out).  1 when it may hold
 * several: split_reports must read it (titles, page breaks).
 */
int	sections_scan(const char *text, size_t len, struct sections_heads *hs);
/*
 * The sections of the report in text[from..to), nlines lines from line
 * `line` of the input on, as sections_split finds them in a copy of
 * those bytes (offsets and lines count from the part's start), from the
 * headings noted in hs; the return value likewise.
 */
int	sections_of_part(const char *text, const struct sections_heads *hs,
	    size_t from, size_t to, long line, long nlines,
	    struct gip_section sec[7]);

#endif
