/*
 * What a stream that is not cells looks like, from its first line: a
 * report's text or HTML, a sections or findings stream.  The cells
 * reader says it, with what it wants instead, when its first line is no
 * cell (gip(5)).
 */
#ifndef GIP_MISFIT_H
#define GIP_MISFIT_H

/* The n fields of the first line that is no cell; a sentence, or NULL. */
const char *cells_misfit(char *const *f, int n);

#endif
