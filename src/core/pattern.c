/* PCRE2 patterns compiled once (pattern.h). */
#include "err.h"
#include "pattern.h"

pcre2_code *
pattern_compile(const char *pat, const char *what, pcre2_match_data **md)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		gip_fatal("%s: %s at offset %zu", what, (char *)msg,
		    (size_t)off);
	}
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	if (md != NULL &&
	    (*md = pcre2_match_data_create_from_pattern(re, NULL)) == NULL)
		gip_fatal("out of memory");
	return re;
}
