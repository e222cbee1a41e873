/*
 * One member (part) of a zip archive held in memory, inflated with
 * bounded memory: the sizes a zip's headers claim are never trusted.
 */
#ifndef GIP_ZIPPART_H
#define GIP_ZIPPART_H

#include <stddef.h>

#include "buf.h"

/* Inflating more than this per byte stored marks a zip bomb. */
#define ZIP_MAX_RATIO	500

struct zippart_zip;

/* Open the archive bytes[0..n) (not copied: they must outlive it).
 * NULL after a message naming `name`. */
struct zippart_zip *zippart_open(const char *name, const char *bytes,
	    size_t n);
void	zippart_close(struct zippart_zip *z);

/* Does the archive hold a member called part? */
int	zippart_has(struct zippart_zip *z, const char *part);

/* Inflate member `part` into out (reused).  0; 1 if there is no such
 * member; -1 after a message: damaged, encrypted, larger than max bytes
 * or inflating more than ZIP_MAX_RATIO times its stored size. */
int	zippart_read(struct zippart_zip *z, const char *part, size_t max,
	    struct buf *out);

#endif
