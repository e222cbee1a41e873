/* Shared by the fuzz targets that hand decoded text to the code under test. */
#ifndef GIP_FUZZ_EXACT_H
#define GIP_FUZZ_EXACT_H

#include <stdlib.h>
#include <string.h>

#include "input.h"

/*
 * The decoder's buffer is reused and at least 64 KiB, so ASan would not
 * see a read past the text; the code under test gets an exact copy.
 */
static void
exact_copy(struct gip_doc *doc)
{
	char *copy = malloc(doc->len + 1);

	if (copy == NULL)
		abort();
	memcpy(copy, doc->text, doc->len + 1);
	doc->text = copy;
}

#endif
