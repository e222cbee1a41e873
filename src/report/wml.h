/*
 * WordprocessingML elements and attributes as libxml2 holds them: names
 * matched by local name in the w: namespace (transitional or strict),
 * whatever prefix the file uses.
 */
#ifndef GIP_WML_H
#define GIP_WML_H

#include <libxml/tree.h>

/* Is n the element w:local? */
int	wml_is(const xmlNode *n, const char *local);
/* The first child w:local of n (n may be NULL), or NULL. */
xmlNode	*wml_child(xmlNode *n, const char *local);
/* The attribute w:local (w:val …) of n as text, NULL if absent. */
const char *wml_attr(xmlNode *n, const char *local);
/* The attribute as an integer in [lo, hi], dflt if absent. */
int	wml_int(xmlNode *n, const char *local, int dflt, int lo, int hi);
/* A toggle (w:vanish, w:pageBreakBefore): present and not val="0",
 * "false" or "off". */
int	wml_on(xmlNode *n);

#endif
