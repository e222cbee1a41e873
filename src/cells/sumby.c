/* Grouping reports for gip-sum (sumby.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "sumby.h"

const char *const sum_field_names[SUM_NFIELDS] = {"source", "title", "org",
    "year", "template", "date"};

int
sum_field_index(const char *s, size_t n)
{
	int i;

	for (i = 0; i < SUM_NFIELDS; i++)
		if (strlen(sum_field_names[i]) == n &&
		    memcmp(sum_field_names[i], s, n) == 0)
			return i;
	return -1;
}

/* -g FIELDS: a comma-separated list of field names, each once. */
void
sumby_fields(struct sumby *by, const char *list)
{
	const char *p = list, *e;
	int f, i;

	for (;;) {
		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		if ((f = sum_field_index(p, (size_t)(e - p))) < 0)
			gip_fatal("-g: unknown field '%.*s'", (int)(e - p), p);
		for (i = 0; i < by->nfield; i++)
			if (by->field[i] == f)
				gip_fatal("-g: field '%s' given twice",
				    sum_field_names[f]);
		by->field[by->nfield++] = f;
		if (*e == '\0')
			break;
		p = e + 1;
	}
}

void
sumby_regex(struct sumby *by, const char *pattern)
{
	if (by->re)
		gip_fatal("-G given twice");
	by->re = pattern_compile(pattern, "-G", &by->md);
	pcre2_pattern_info(by->re, PCRE2_INFO_CAPTURECOUNT, &by->ncapture);
}

static size_t
regex_parts(const struct sumby *by)
{
	if (by->re == NULL)
		return 0;
	return by->ncapture ? by->ncapture : 1;
}

size_t
sumby_nparts(const struct sumby *by)
{
	return regex_parts(by) + (size_t)by->nfield;
}

/* -G parts are re1, re2, ... (re: the whole match); -g parts their field. */
void
sumby_part_name(const struct sumby *by, size_t i, char *buf, size_t size)
{
	size_t nre = regex_parts(by);

	if (i >= nre)
		snprintf(buf, size, "%s", sum_field_names[by->field[i - nre]]);
	else if (by->ncapture == 0)
		snprintf(buf, size, "re");
	else
		snprintf(buf, size, "re%zu", i + 1);
}

static void
put(struct sumkeybuf *out, const char *s, size_t n)
{
	if (n + 1 > SIZE_MAX / 2 - out->len)
		gip_fatal("group key too long");
	if (out->len + n + 1 > out->cap) {
		out->cap = (out->len + n + 1) * 2;
		out->s = gip_xrealloc(out->s, out->cap);
	}
	memcpy(out->s + out->len, s, n);
	out->s[out->len + n] = '\0';
	out->len += n + 1;
}

/* The -G parts: every capture (or the match). */
static int
regex_key(struct sumby *by, const struct cells_report *rep,
    struct sumkeybuf *out)
{
	PCRE2_SIZE *ov;
	uint32_t i;
	int rc;

	rc = pcre2_match(by->re, (PCRE2_SPTR)rep->source, rep->srclen, 0, 0,
	    by->md, NULL);
	if (rc == PCRE2_ERROR_NOMATCH) {
		gip_error(rep->file, rep->line, "source '%s' does not match -G",
		    rep->source);
		return -1;
	}
	if (rc < 0) {
		gip_error(rep->file, rep->line, "-G: matching error %d", rc);
		return -1;
	}
	ov = pcre2_get_ovector_pointer(by->md);
	for (i = by->ncapture ? 1 : 0; i <= by->ncapture; i++) {
		if (i >= (uint32_t)rc || ov[2 * i] == PCRE2_UNSET)
			put(out, SUMBY_UNKNOWN, strlen(SUMBY_UNKNOWN));
		else
			put(out, rep->source + ov[2 * i],
			    ov[2 * i + 1] - ov[2 * i]);
	}
	return 0;
}

int
sumby_key(struct sumby *by, const struct cells_report *rep,
    char *const *meta, struct sumkeybuf *out)
{
	const char *v;
	int i;

	out->len = 0;
	if (by->re && regex_key(by, rep, out) != 0)
		return -1;
	for (i = 0; i < by->nfield; i++) {
		if (by->field[i] == F_SOURCE)
			v = rep->source;
		else if ((v = meta[by->field[i]]) == NULL || *v == '\0')
			v = SUMBY_UNKNOWN;
		put(out, v, strlen(v));
	}
	if (!by->re && by->nfield == 0)
		put(out, SUMBY_ALL, strlen(SUMBY_ALL));
	return 0;
}
