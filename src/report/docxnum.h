/*
 * List numbers of Word paragraphs (w:numPr): the text Word shows before a
 * numbered paragraph (一、 （二） 1.) is not in the document, only the
 * list's definition in word/numbering.xml (w:abstractNum, w:lvl with
 * w:numFmt and w:lvlText) and its counters; a paragraph style may bring
 * the numbering (word/styles.xml, w:basedOn).
 */
#ifndef GIP_DOCXNUM_H
#define GIP_DOCXNUM_H

#include <libxml/tree.h>
#include <stddef.h>

/* The longest number written, with its separator and NUL. */
#define DOCX_NUMBER_MAX	192

struct docx_lists;

struct docx_lists *docx_lists_new(void);
void	docx_lists_free(struct docx_lists *l);
/* Read the definitions of a parsed numbering.xml, styles.xml (NULL: none). */
void	docx_lists_numbering(struct docx_lists *l, xmlDoc *d);
void	docx_lists_styles(struct docx_lists *l, xmlDoc *d);

/* The number of the paragraph with properties ppr (may be NULL), its
 * list's counter advanced, into out with the separator Word puts after
 * it; its length, 0 for none (no list, a bullet, out too small). */
size_t	docx_number(struct docx_lists *l, xmlNode *ppr, char *out,
	    size_t size);

#endif
