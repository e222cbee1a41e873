/*
 * Zip members over libzip (zippart.h).  libzip rather than zlib and a
 * central-directory reader of our own: it checks the directory against
 * the local headers, each member's CRC and zip64 records, code we would
 * otherwise write and fuzz ourselves.  What it cannot bound, the memory
 * an inflated member takes, is bounded here by reading in slices.
 *
 * libzip is loaded when the first Word file comes (dlopen), not at
 * start: with what it needs (libcrypto, libbz2) it was 3.1 M of the
 * 7.4 M instructions and 1.3 ms of every process's start, and most runs
 * read no Word file.  A program linked with it (the fuzz and sanitizer
 * builds) uses its own copy.
 */
#include <zip.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "libload.h"
#include "zippart.h"

/* The soname the build found (Makefile); else the unversioned name. */
#ifndef GIP_LIBZIP
#define GIP_LIBZIP "libzip.so"
#endif

/* The libzip functions used, as pointers, and their names. */
#define ZIP_FUNCS(X) X(zip_discard) X(zip_error_fini) X(zip_error_init) \
	X(zip_error_strerror) X(zip_fclose) X(zip_fopen_index) X(zip_fread) \
	X(zip_name_locate) X(zip_open_from_source) \
	X(zip_source_buffer_create) X(zip_source_free) X(zip_stat_index) \
	X(zip_stat_init) X(zip_strerror)
#define ZIP_POINTER(f)	__typeof__(f) *f;
static struct { ZIP_FUNCS(ZIP_POINTER) } zf;
#undef ZIP_POINTER

/* Find each function, in the program or in `lib`; 0 if one is missing. */
static int
zip_resolve(void *lib)
{
	void *p;

#define ZIP_RESOLVE(f)						\
	if ((p = dlsym(lib, #f)) == NULL)			\
		return 0;					\
	memcpy(&zf.f, &p, sizeof p);
	ZIP_FUNCS(ZIP_RESOLVE)
#undef ZIP_RESOLVE
	return 1;
}

/* libzip's functions, loaded once; 0 after a message naming `name`. */
static int
zip_load(const char *name)
{
	static struct libload zip = { GIP_LIBZIP, "libzip", "Word files",
	    zip_resolve, 0, "" };

	return libload(&zip, name);
}

#define zip_discard		zf.zip_discard
#define zip_error_fini		zf.zip_error_fini
#define zip_error_init		zf.zip_error_init
#define zip_error_strerror	zf.zip_error_strerror
#define zip_fclose		zf.zip_fclose
#define zip_fopen_index		zf.zip_fopen_index
#define zip_fread		zf.zip_fread
#define zip_name_locate		zf.zip_name_locate
#define zip_open_from_source	zf.zip_open_from_source
#define zip_source_buffer_create zf.zip_source_buffer_create
#define zip_source_free		zf.zip_source_free
#define zip_stat_index		zf.zip_stat_index
#define zip_stat_init		zf.zip_stat_init
#define zip_strerror		zf.zip_strerror

struct zippart_zip {
	const char	*name;
	zip_t		*z;
};

struct zippart_zip *
zippart_open(const char *name, const char *bytes, size_t n)
{
	struct zippart_zip *zp;
	zip_source_t *src;
	zip_error_t ze;
	zip_t *z;

	if (!zip_load(name))
		return NULL;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(bytes, n, 0, &ze)) == NULL)
		gip_fatal("out of memory");
	if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		gip_error(name, 0, "damaged zip archive: %s",
		    zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	zp = gip_xmalloc(sizeof *zp);
	zp->name = name;
	zp->z = z;
	return zp;
}

void
zippart_close(struct zippart_zip *zp)
{
	if (zp == NULL)
		return;
	zip_discard(zp->z);
	free(zp);
}

int
zippart_has(struct zippart_zip *zp, const char *part)
{
	return zip_name_locate(zp->z, part, 0) >= 0;
}

/* Read the open member f into out, at most max bytes and at most
 * ZIP_MAX_RATIO times stored (plus 1 MiB: tiny parts inflate well). */
static int
inflate_member(struct zippart_zip *zp, const char *part, zip_file_t *f,
    zip_uint64_t stored, size_t max, struct buf *out)
{
	zip_uint64_t ratio_cap = stored * ZIP_MAX_RATIO + (1u << 20);
	zip_int64_t got;

	out->len = 0;
	for (;;) {
		buf_reserve(out, 1 << 16);
		got = zip_fread(f, out->p + out->len, 1 << 16);
		if (got < 0) {
			gip_error(zp->name, 0, "%s: %s", part,
			    zip_strerror(zp->z));
			return -1;
		}
		if (got == 0)
			break;
		out->len += (size_t)got;
		if (out->len > max) {
			gip_error(zp->name, 0, "%s larger than %zu MiB "
			    "inflated, not read", part, max >> 20);
			return -1;
		}
		if (out->len > ratio_cap) {
			gip_error(zp->name, 0, "%s inflates more than %d "
			    "times its size (a zip bomb?), not read", part,
			    ZIP_MAX_RATIO);
			return -1;
		}
	}
	out->p[out->len] = '\0';
	return 0;
}

int
zippart_read(struct zippart_zip *zp, const char *part, size_t max,
    struct buf *out)
{
	zip_int64_t idx = zip_name_locate(zp->z, part, 0);
	zip_stat_t st;
	zip_file_t *f;
	int rc;

	if (idx < 0)
		return 1;
	zip_stat_init(&st);
	if (zip_stat_index(zp->z, idx, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_COMP_SIZE)) {
		gip_error(zp->name, 0, "%s: %s", part, zip_strerror(zp->z));
		return -1;
	}
	if ((f = zip_fopen_index(zp->z, idx, 0)) == NULL) {
		gip_error(zp->name, 0, "%s: %s", part, zip_strerror(zp->z));
		return -1;
	}
	rc = inflate_member(zp, part, f, st.comp_size, max, out);
	zip_fclose(f);
	return rc;
}
