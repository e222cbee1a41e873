/* libxml2 loaded when first needed (xmlload.h). */
#define XMLLOAD_IMPL
#include <dlfcn.h>
#include <string.h>

#include "libload.h"
#include "xmlload.h"

/* The soname the build found (Makefile); else the unversioned name. */
#ifndef GIP_LIBXML2
#define GIP_LIBXML2 "libxml2.so"
#endif

struct xml_funcs xml_f;

/* Find each function, in the program or in `lib`, and where libxml2
 * keeps xmlFree (a function giving it, where libxml2 is built for
 * threads; the variable itself otherwise); 0 if one is missing. */
static int
xml_resolve(void *lib)
{
	xmlFreeFunc *(*where)(void);
	void *p;

#define XML_RESOLVE(f)						\
	if ((p = dlsym(lib, #f)) == NULL)			\
		return 0;					\
	memcpy(&xml_f.f, &p, sizeof p);
	XML_FUNCS(XML_RESOLVE)
#undef XML_RESOLVE
	if ((p = dlsym(lib, "__xmlFree")) != NULL) {
		memcpy(&where, &p, sizeof p);
		xml_f.free = where();
	} else if ((p = dlsym(lib, "xmlFree")) != NULL)
		xml_f.free = p;
	return xml_f.free != NULL;
}

int
xml_load(const char *name)
{
	static struct libload xml = { GIP_LIBXML2, "libxml2",
	    "HTML, Word and PDF files", xml_resolve, 0, "" };

	return libload(&xml, name);
}
