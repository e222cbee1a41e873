/* PCRE2 patterns compiled once (pattern.h). */
#include "err.h"
#include "pattern.h"

static pcre2_code *
compile(const char *pat, const char *what)
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
	return re;
}

pcre2_code *
pattern_compile(const char *pat, const char *what, pcre2_match_data **md)
{
	pcre2_code *re = compile(pat, what);

	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	if (md != NULL &&
	    (*md = pcre2_match_data_create_from_pattern(re, NULL)) == NULL)
		gip_fatal("out of memory");
	return re;
}

void
pattern_lazy(struct pattern *p, const char *pat, const char *what,
    size_t budget)
{
	p->re = compile(pat, what);
	p->left = budget;
	p->jit = 0;
}

int
pattern_match(struct pattern *p, const char *s, size_t n, size_t start,
    uint32_t options, pcre2_match_data *md)
{
	size_t k = n > start ? n - start : 0;

	if (!p->jit) {
		if (k < p->left)
			p->left -= k;
		else {
			(void)pcre2_jit_compile(p->re, PCRE2_JIT_COMPLETE);
			p->jit = 1;
		}
	}
	return pcre2_match(p->re, (PCRE2_SPTR)s, n, start, options, md, NULL);
}
