/* Tables of structured documents (doctables.h). */
#include <stdlib.h>
#include <string.h>

#include "doctables.h"
#include "err.h"

struct doctable *
doctables_add(struct doctables *dt, long first_line)
{
	struct doctable *t;

	if (dt->n == dt->cap) {
		dt->cap = dt->cap ? dt->cap * 2 : 8;
		dt->t = gip_xrealloc(dt->t, dt->cap * sizeof *dt->t);
		memset(dt->t + dt->n, 0, (dt->cap - dt->n) * sizeof *dt->t);
	}
	t = &dt->t[dt->n++];
	grid_reset(&t->g);
	t->first_line = t->last_line = first_line;
	return t;
}

void
doctables_reset(struct doctables *dt)
{
	dt->n = 0;
}

void
doctables_free(struct doctables *dt)
{
	int i;

	for (i = 0; i < dt->cap; i++)
		grid_free(&dt->t[i].g);
	free(dt->t);
	memset(dt, 0, sizeof *dt);
}
