/*
 * PCRE2 patterns compiled once, as UTF-8 with Unicode properties, JIT
 * where the platform has it: one place for the compile, its error
 * message and its match data.
 */
#ifndef GIP_PATTERN_H
#define GIP_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/*
 * Compile pat; on an error, a fatal message naming `what` (the pattern's
 * use, e.g. "-G") with PCRE2's reason and the offset.  *md (if md is not
 * NULL) gets match data sized for it.
 */
pcre2_code *pattern_compile(const char *pat, const char *what,
	    pcre2_match_data **md);

#endif
