/*
 * libFuzzer target: the cells TSV reader (cells_read_fp) on a memory
 * stream, checking each record it hands on: five NUL-ended fields of the
 * lengths it states.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-cells");
	return 0;
}

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	long *count = arg;
	int i;

	for (i = 0; i < CELL_NFIELDS; i++)
		if (rec->field[i][rec->len[i]] != '\0')
			abort();
	if (rec->blank != (rec->len[CELL_VALUE] == 0) || rec->line < 1)
		abort();
	(*count)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp;
	long count = 0;

	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		abort();
	cells_read_fp(fp, "fuzz", on_cell, &count);
	fclose(fp);
	return 0;
}
