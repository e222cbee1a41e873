/*
 * Diagnostics in one format ("prog: file:line: message"), the exit status
 * accumulated over all inputs, and the output checks every tool ends with.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

const char *gip_prog = "gip";
static int worst = GIP_OK;
static long line_offset;	/* gip_line_offset */
static char outbuf[1 << 16];

void
gip_init(const char *prog)
{
	gip_prog = prog;
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
}

/* Remember the worst status seen so far; 2 outranks 1 outranks 0. */
void
gip_status(int status)
{
	if (status > worst)
		worst = status;
}

int
gip_exit_status(void)
{
	return worst;
}

/*
 * The lines reported from now on are counted from a part of the input
 * that begins after offset lines (several reports in one input, gip(7)):
 * messages name the input's line.  0 when done with the part.
 */
void
gip_line_offset(long offset)
{
	line_offset = offset;
}

static void
vreport(const char *file, long line, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", gip_prog);
	/* A message about a whole part names the line it begins on. */
	if (file && (line > 0 || line_offset > 0))
		fprintf(stderr, "%s:%ld: ", file, line > 0 ? line +
		    line_offset : line_offset + 1);
	else if (file)
		fprintf(stderr, "%s: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
gip_warn(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
}

/* A problem with one input: reported, the run goes on, the status is 2. */
void
gip_error(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
	gip_status(GIP_TROUBLE);
}

void
gip_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, fmt, ap);
	va_end(ap);
	exit(GIP_TROUBLE);
}

/*
 * A reader that went away is no error worth a word (SIGPIPE normally ends
 * us first; this covers a parent that ignores it).  Any other write error
 * is trouble.
 */
void
gip_check_output(FILE *fp)
{
	if (!ferror(fp) && fflush(fp) == 0)
		return;
	if (errno == EPIPE)
		_Exit(GIP_TROUBLE);
	fprintf(stderr, "%s: write error: %s\n", gip_prog, strerror(errno));
	fflush(stderr);		/* gip-check -p buffers stderr */
	_Exit(GIP_TROUBLE);
}

int
gip_finish(void)
{
	gip_check_output(stdout);
	if (fclose(stdout) != 0) {
		if (errno == EPIPE)
			return GIP_TROUBLE;
		fprintf(stderr, "%s: write error: %s\n", gip_prog,
		    strerror(errno));
		return GIP_TROUBLE;
	}
	return worst;
}

void
gip_version(void)
{
	printf("%s (gip) %s\n", gip_prog, GIP_VERSION);
	exit(gip_finish());
}

void *
gip_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		gip_fatal("out of memory");
	return p;
}

void *
gip_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		gip_fatal("out of memory");
	return p;
}

char *
gip_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(gip_xmalloc(n), s, n);
}
