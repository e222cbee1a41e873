/* The options every tool takes (opts.h). */
#include "err.h"
#include "opts.h"

int
gip_common_option(int c, struct gip_common *o, void (*help)(void))
{
	switch (c) {
	case 'H':	o->header = 1; return 1;
	case OPT_CSV:	o->csv = 1; return 1;
	case OPT_BOM:	o->bom = 1; return 1;
	case 'h':	help(); return 1;
	case 'V':	gip_version(); return 1;
	default:	return 0;
	}
}
