/* WordprocessingML names (wml.h). */
#include <stdlib.h>
#include <string.h>

#include "wml.h"

static const char *const wns[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main", NULL
};

int
wml_is(const xmlNode *n, const char *local)
{
	const char *const *u;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    strcmp((const char *)n->name, local) != 0)
		return 0;
	for (u = wns; *u; u++)
		if (strcmp((const char *)n->ns->href, *u) == 0)
			return 1;
	return 0;
}

xmlNode *
wml_child(xmlNode *n, const char *local)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (wml_is(n, local))
			return n;
	return NULL;
}

const char *
wml_attr(xmlNode *n, const char *local)
{
	xmlAttr *a;

	for (a = n ? n->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, local) == 0 &&
		    a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

int
wml_int(xmlNode *n, const char *local, int dflt, int lo, int hi)
{
	const char *v = wml_attr(n, local);
	long x;

	if (v == NULL)
		return dflt;
	x = strtol(v, NULL, 10);
	return x < lo ? lo : x > hi ? hi : (int)x;
}

int
wml_on(xmlNode *n)
{
	const char *v = wml_attr(n, "val");

	return n != NULL && (v == NULL || !(strcmp(v, "0") == 0 ||
	    strcmp(v, "false") == 0 || strcmp(v, "off") == 0));
}
