/*
 * The suite's one hash table: byte-string keys (copied, owned by the
 * table) to size_t values, open addressing with linear probing, grown
 * before it is half full.  Sizes are checked; running out is fatal.
 */
#ifndef GIP_HASH_H
#define GIP_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash_slot;

struct hash {
	struct hash_slot *slot;		/* nslot of them, a power of two */
	size_t		  nslot;
	size_t		  n;		/* keys stored */
};

#define HASH_INIT	{NULL, 0, 0}

uint64_t hash_bytes(const void *s, size_t n);
/* 1 and *val set when key is there, else 0. */
int	hash_find(const struct hash *h, const void *key, size_t n,
	    size_t *val);
/* Store key with val; a key already there keeps its value, returned. */
size_t	hash_put(struct hash *h, const void *key, size_t n, size_t val);
void	hash_clear(struct hash *h);	/* no keys, the room kept */
void	hash_free(struct hash *h);

#endif
