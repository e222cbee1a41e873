/*
 * libFuzzer target: Word files (src/report/docx*.c, zippart.c) and what
 * gip-tables does with them (doctables, extraction, meta).  Mutated zips
 * mostly fail their CRC, so an input whose first byte is even is not a
 * zip but the parts themselves: word/document.xml, then after a NUL
 * word/numbering.xml, then after another word/styles.xml, packed here
 * into a stored zip.  An odd first byte: the rest is the file as read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "docx.h"
#include "err.h"
#include "exact.h"
#include "extract.h"
#include "input.h"

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct zbuf {
	unsigned char	*p;
	size_t		 len, cap;
};

static void
zput(struct zbuf *b, const void *s, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		if ((b->p = realloc(b->p, b->cap)) == NULL)
			abort();
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
le(struct zbuf *b, uint32_t v, int bytes)
{
	unsigned char x[4];
	int i;

	for (i = 0; i < bytes; i++)
		x[i] = v >> (8 * i) & 0xff;
	zput(b, x, bytes);
}

/* A local header and the stored data; the central entry into cd. */
static void
member(struct zbuf *z, struct zbuf *cd, const char *name, const void *data,
    size_t n)
{
	uint32_t crc = crc32(0, data, n), off = z->len;
	size_t nl = strlen(name);
	int pass;

	for (pass = 0; pass < 2; pass++) {
		struct zbuf *b = pass ? cd : z;

		le(b, pass ? 0x02014b50 : 0x04034b50, 4);
		if (pass)
			le(b, 20, 2);		/* made by */
		le(b, 20, 2);			/* needed */
		le(b, 0, 2);			/* flags */
		le(b, 0, 2);			/* stored */
		le(b, 0, 4);			/* time, date */
		le(b, crc, 4);
		le(b, n, 4);
		le(b, n, 4);
		le(b, nl, 2);
		le(b, 0, 2);			/* extra */
		if (pass) {
			le(b, 0, 2);		/* comment */
			le(b, 0, 2);		/* disk */
			le(b, 0, 2);		/* internal attributes */
			le(b, 0, 4);		/* external attributes */
			le(b, off, 4);
		}
		zput(b, name, nl);
		if (!pass)
			zput(b, data, n);
	}
}

static void
pack(struct zbuf *z, const char *s, size_t n)
{
	static const char ct[] = "<Types/>";
	static const char *const names[] = {"word/document.xml",
	    "word/numbering.xml", "word/styles.xml"};
	struct zbuf cd = {0};
	const char *end = s + n, *nul;
	uint32_t cdoff;
	int k, count = 1;

	z->len = 0;
	member(z, &cd, "[Content_Types].xml", ct, sizeof ct - 1);
	for (k = 0; k < 3 && s <= end; k++, count++) {
		nul = memchr(s, '\0', end - s);
		member(z, &cd, names[k], s, (nul ? nul : end) - s);
		s = nul ? nul + 1 : end + 1;
	}
	cdoff = z->len;
	zput(z, cd.p, cd.len);
	le(z, 0x06054b50, 4);
	le(z, 0, 4);				/* disks */
	le(z, count, 2);
	le(z, count, 2);
	le(z, cd.len, 4);
	le(z, cdoff, 4);
	le(z, 0, 2);
	free(cd.p);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	gip_init("fuzz-docx");
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct doctables dt;
	static struct docx_store st;	/* reused, as gip-tables does */
	static struct extract x;
	static struct zbuf z;
	struct gip_doc doc = {0};
	unsigned char *copy;

	if (size < 1 || size > GIP_MAX_INPUT)
		return 0;
	if (data[0] & 1) {
		if ((copy = malloc(size - 1)) == NULL && size > 1)
			abort();
		memcpy(copy, data + 1, size - 1);	/* exact, for ASan */
		doc.bytes = (const char *)copy;
		doc.nbytes = size - 1;
	} else {
		pack(&z, (const char *)data + 1, size - 1);
		copy = malloc(z.len);
		if (copy == NULL)
			abort();
		memcpy(copy, z.p, z.len);
		doc.bytes = (const char *)copy;
		doc.nbytes = z.len;
	}
	doc.name = "fuzz";
	doc.kind = GIP_KIND_DOCX;
	doctables_reset(&dt);
	if (docx_read(&doc, &st, &dt) == 0) {
		exact_copy(&doc);
		extract_report(&doc, &dt, NULL, 0, &x);
		free(doc.text);
	}
	free(copy);
	return 0;
}
