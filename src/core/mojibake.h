/*
 * Mojibake: Chinese text whose bytes (GB18030 or UTF-8) a program read
 * as Latin-1 or Windows-1252 and wrote out again as UTF-8 ("µÂÃÅÇø" for
 * 德门区).  pandoc does so with a page that is not UTF-8 ("falling back
 * to latin1"), and so do scripts that decode with latin-1 to be safe.
 * Each character of such text is one byte of the original, so the text
 * gives its bytes back whole.
 */
#ifndef GIP_MOJIBAKE_H
#define GIP_MOJIBAKE_H

#include <stddef.h>

#include "buf.h"

/* Is UTF-8 text s[0..n) mojibake?  Then its original bytes into out
 * (reused) and 1; else 0, out unspecified. */
int	mojibake_undo(const char *s, size_t n, struct buf *out);

#endif
