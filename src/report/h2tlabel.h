/*
 * Labels cut by html2text (Debian html2text 1.3.2a writes a row's cells
 * into bytes: a CJK label keeps the bytes its column holds, and what ran
 * on under the cells to its right shows after their own text), named by
 * the template's label they fit.  Shared by the ruled rows (h2tbox.h),
 * t2's blocks (h2tblock.h) and t3's rows (t3rows.c).
 */
#ifndef GIP_H2TLABEL_H
#define GIP_H2TLABEL_H

#include <stddef.h>

#define H2T_NORM	1024
#define H2T_MAXFRAG	64

/* A fragment of remains, normalized (h2tlabel_norm). */
struct h2tfrag {
	char	text[H2T_NORM];
	size_t	len;
};

/* s..e as labels are compared (spaces, '_', quotes dropped; brackets,
 * commas, colons as ASCII; 、．。 as '.'): its length, H2T_NORM if it
 * does not fit. */
size_t	h2tlabel_norm(const char *s, const char *e, char *out);
/* Han characters in s. */
int	h2tlabel_han(const char *s);
/* The runs of s..e between U+FFFD, normalized, appended to f[nf..]:
 * the new count. */
int	h2tlabel_frags(const char *s, const char *e, struct h2tfrag *f,
	    int nf);
/* The template's row label that begins with own and holds the
 * fragments in order, when only it fits (no group label or title
 * either) and two characters say so; or NULL. */
const char *h2tlabel_restore(const char *own, size_t ownlen,
	    const struct h2tfrag *f, int nf);
/* A label's own text (up to its first U+FFFD), normalized into own
 * (H2T_NORM bytes): its length. */
size_t	h2tlabel_own(const char *label, char *own);
/*
 * The template's label a label cut mid-character (U+FFFD) begins as,
 * its remains (numbers glued in left out) fitting in order; or NULL.
 */
const char *h2tlabel_cut(const char *label);
/* The same by the label's own text alone (three characters at least),
 * the label cut or not: what follows its first U+FFFD may be the next
 * row's, glued on; a label cut at a character's edge has none. */
const char *h2tlabel_start(const char *label);

#endif
