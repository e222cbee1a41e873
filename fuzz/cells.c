/*
 * libFuzzer target: the cells reader and the report grouping on a memory
 * stream (reports_read_fp: TSV or CSV, BOM, header, line field, '?'),
 * checking every report handed on: one source, cells of that source with
 * NUL-ended fields of the lengths stated, flags that agree with the value.
 * Then the same stream as gip-check and gip-sum read it, cells handed on
 * as they are read (reports_stream): each taken into a report (the cell
 * key lookup) and given a sum key, both of which load fields as words
 * (CELLS_PAD), which ASan checks here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "err.h"
#include "group.h"
#include "model.h"
#include "sumkey.h"

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

/* The streaming pass: what gip-check and gip-sum do with each cell. */
struct stream {
	struct report	 r;
	struct sumkeys	 keys;
	int		 prev;
	long		 cells, ended;
};

static int
on_begin(const struct cells_report *rep, void *arg)
{
	struct stream *st = arg;

	report_begin(&st->r, rep->source);
	st->prev = -1;
	return 0;
}

static int
on_cell(const struct cells_rec *rec, void *arg)
{
	struct stream *st = arg;

	report_take(&st->r, rec);
	if (rec->len[CELL_TABLE] != 4 || memcmp(rec->field[CELL_TABLE], "meta",
	    4) != 0)
		st->prev = sumkeys_id(&st->keys, rec, st->prev);
	st->cells++;
	return 0;
}

static int
on_streamed(const struct cells_report *rep, void *arg)
{
	struct stream *st = arg;

	if (rep->cell != NULL || rep->n == 0)
		abort();
	st->ended++;
	return 0;
}

/* Read data with rs; 0 or the reader's -1. */
static int
read_with(struct reports *rs, const uint8_t *data, size_t size)
{
	FILE *fp = fmemopen((void *)data, size, "r");
	int rc;

	if (fp == NULL)
		abort();
	rc = reports_read_fp(rs, fp, "fuzz");
	fclose(fp);
	return rc;
}

/*
 * Set up once, reused by every input: the reports' stores, the report
 * model, the sum keys (which grow with the keys met: random ones, so
 * they start again past 4096).
 */
static struct reports *kept_rs, *stream_rs;
static long count;
static struct stream st;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-cells");
	kept_rs = reports_new(on_report, &count);
	stream_rs = reports_new(on_streamed, &st);
	reports_stream(stream_rs, on_begin, on_cell);
	report_init(&st.r);
	sumkeys_init(&st.keys);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	long had;
	int rc;

	if (size == 0)
		return 0;
	if (st.keys.n > 4096)	/* random keys: start again, not grow */
		sumkeys_free(&st.keys);
	had = count;
	rc = read_with(kept_rs, data, size);
	st.ended = 0;
	/* the same reports, whether kept or streamed */
	if (read_with(stream_rs, data, size) != rc || st.ended != count - had)
		abort();
	return 0;
}
