/*
 * Reading a space-aligned table region into rows of cells with their
 * columns (grid.positional): blank cells are invisible, positions tell.
 */
#ifndef GIP_SPACED_H
#define GIP_SPACED_H

#include <stddef.h>

#include "grid.h"

void	spaced_read(const char *text, size_t len, long first, struct grid *g);

#endif
