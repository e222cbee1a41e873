/* Libraries loaded when first needed (libload.h). */
#include <dlfcn.h>
#include <stdio.h>

#include "err.h"
#include "libload.h"

int
libload(struct libload *l, const char *name)
{
	void *handle = NULL;
	const char *err;

	if (l->state == 0) {
		l->state = 1;
		if (!l->resolve(RTLD_DEFAULT) && ((handle = dlopen(l->soname,
		    RTLD_NOW | RTLD_LOCAL)) == NULL || !l->resolve(handle))) {
			if (handle == NULL)
				snprintf(l->why, sizeof l->why, "%s",
				    (err = dlerror()) != NULL ? err : "?");
			else
				snprintf(l->why, sizeof l->why,
				    "a %s function is missing", l->lib);
			l->state = -1;
		}
	}
	if (l->state < 0)
		gip_error(name, 0, "%s, which reads %s, cannot be loaded: %s",
		    l->lib, l->reads, l->why);
	return l->state > 0;
}
