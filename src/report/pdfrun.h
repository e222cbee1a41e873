/*
 * Running pdftotext -bbox-layout on a PDF held in memory: the bytes go to
 * its standard input (a file read from stdin has no name to pass), its
 * output is collected up to a limit.
 */
#ifndef GIP_PDFRUN_H
#define GIP_PDFRUN_H

#include <stddef.h>

#include "buf.h"

/* Run pdftotext over pdf[0..n) for name, at most maxpages pages, its
 * output into out (reused; NUL-terminated).  0, or -1 after a message
 * naming the input (tool missing, damaged PDF, output over max bytes). */
int	pdfrun_bbox(const char *name, const char *pdf, size_t n,
	    int maxpages, size_t max, struct buf *out);

#endif
