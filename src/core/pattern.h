/*
 * PCRE2 patterns compiled once, as UTF-8 with Unicode properties, JIT
 * where the platform has it: one place for the compile, its error
 * message and its match data.
 */
#ifndef GIP_PATTERN_H
#define GIP_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Compile pat; on an error, a fatal message naming `what` (the pattern's
 * use, e.g. "-G") with PCRE2's reason and the offset.  *md (if md is not
 * NULL) gets match data sized for it.
 */
pcre2_code *pattern_compile(const char *pat, const char *what,
	    pcre2_match_data **md);

/*
 * A pattern JIT-compiled only once it is worth it: compiling costs as
 * much as the interpreter's matching over some kilobytes, and a process
 * that reads one report (a file a call, from find or a loop) matches a
 * few lines with each.  The interpreter matches first, over `budget`
 * bytes of subjects in all (from each match's start on); the match that
 * would pass it compiles.  Both give the same results.
 */
struct pattern {
	pcre2_code	*re;
	size_t		 left;	/* subject bytes before the JIT compile */
	int		 jit;	/* compiled */
};

void	pattern_lazy(struct pattern *p, const char *pat, const char *what,
	    size_t budget);
/* pcre2_match(p->re, s, n, start, options, md, NULL), and the JIT
 * compile when its turn has come. */
int	pattern_match(struct pattern *p, const char *s, size_t n,
	    size_t start, uint32_t options, pcre2_match_data *md);

#endif
