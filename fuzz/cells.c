/*
 * libFuzzer target: the cells reader and the report grouping on a memory
 * stream (reports_read_fp: TSV or CSV, BOM, header, line field, '?'),
 * checking every report handed on: one source, cells of that source with
 * NUL-ended fields of the lengths stated, flags that agree with the value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "group.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-cells");
	return 0;
}

static void
check_cell(const struct cells_report *rep, const struct cells_rec *c)
{
	int i;

	for (i = 0; i < CELL_NFIELDS; i++)
		if (c->field[i][c->len[i]] != '\0')
			abort();
	if (c->len[CELL_SOURCE] != rep->srclen ||
	    memcmp(c->field[CELL_SOURCE], rep->source, rep->srclen) != 0)
		abort();
	if (c->blank != (c->len[CELL_VALUE] == 0) || c->line < rep->line ||
	    c->srcline < 0 || (c->unread && (c->blank || c->value != 0)))
		abort();
	if (c->unread && (c->len[CELL_VALUE] != 1 ||
	    c->field[CELL_VALUE][0] != '?'))
		abort();
}

static int
on_report(const struct cells_report *rep, void *arg)
{
	long *count = arg;
	size_t i;

	if (rep->n == 0 || rep->line < 1 || rep->source[rep->srclen] != '\0')
		abort();
	for (i = 0; i < rep->n; i++)
		check_cell(rep, &rep->cell[i]);
	(*count)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct reports *rs;
	FILE *fp;
	long count = 0;

	if (size == 0)
		return 0;
	if (rs == NULL)			/* set up once, reused */
		rs = reports_new(on_report, &count);
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		abort();
	(void)reports_read_fp(rs, fp, "fuzz");
	fclose(fp);
	return 0;
}
