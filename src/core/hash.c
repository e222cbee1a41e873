/* The hash table (hash.h). */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hash.h"

struct hash_slot {
	char		*key;		/* NULL: empty */
	size_t		 len;
	uint64_t	 hash;
	size_t		 val;
};

/* FNV-1a: keys are short (names, cell keys), and it is enough. */
uint64_t
hash_bytes(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

/* The slot of key, or the empty slot where it would go. */
static struct hash_slot *
probe(const struct hash *h, const void *key, size_t n, uint64_t hv)
{
	size_t j = hv & (h->nslot - 1);
	struct hash_slot *s;

	for (;; j = (j + 1) & (h->nslot - 1)) {
		s = &h->slot[j];
		if (s->key == NULL || (s->hash == hv && s->len == n &&
		    memcmp(s->key, key, n) == 0))
			return s;
	}
}

static void
grow(struct hash *h)
{
	struct hash_slot *old = h->slot, *s;
	size_t i, nold = h->nslot;

	if (h->nslot > SIZE_MAX / 2 / sizeof *old)
		gip_fatal("hash table too large");
	h->nslot = h->nslot ? h->nslot * 2 : 64;
	if ((h->slot = calloc(h->nslot, sizeof *h->slot)) == NULL)
		gip_fatal("out of memory");
	for (i = 0; i < nold; i++)
		if (old[i].key != NULL) {
			s = probe(h, old[i].key, old[i].len, old[i].hash);
			*s = old[i];
		}
	free(old);
}

int
hash_find(const struct hash *h, const void *key, size_t n, size_t *val)
{
	struct hash_slot *s;

	if (h->nslot == 0)
		return 0;
	s = probe(h, key, n, hash_bytes(key, n));
	if (s->key == NULL)
		return 0;
	*val = s->val;
	return 1;
}

size_t
hash_put(struct hash *h, const void *key, size_t n, size_t val)
{
	uint64_t hv = hash_bytes(key, n);
	struct hash_slot *s;

	if (h->n + 1 > h->nslot / 2)
		grow(h);
	s = probe(h, key, n, hv);
	if (s->key != NULL)
		return s->val;
	s->key = gip_xmalloc(n + 1);	/* + 1: never malloc(0) */
	memcpy(s->key, key, n);
	s->len = n;
	s->hash = hv;
	s->val = val;
	h->n++;
	return val;
}

void
hash_clear(struct hash *h)
{
	size_t i;

	for (i = 0; i < h->nslot; i++) {
		free(h->slot[i].key);
		h->slot[i].key = NULL;
	}
	h->n = 0;
}

void
hash_free(struct hash *h)
{
	hash_clear(h);
	free(h->slot);
	h->slot = NULL;
	h->nslot = 0;
}
