/* util.h - the containers every module shares: checked array growth and one hash map.
 * (Messages, allocation and byte buffers are in af.h.) */
#ifndef AF_UTIL_H
#define AF_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "af/af.h"

/* realloc(p, n * size), the product checked for overflow (as sbase's reallocarray); dies
 * with AF_EX_SOFTWARE when it overflows or memory runs out. */
void *af_reallocarray(void *p, size_t n, size_t size);

/* The array p of *cap elements of size bytes, grown to hold at least need: *cap doubles
 * (from 16) until it does. Returns p, or the new array with *cap updated; the elements
 * past the old *cap are not cleared. Overflow-checked like af_reallocarray. Use:
 *     if (n == cap) v = af_grow(v, &cap, n + 1, sizeof *v);  */
void *af_grow(void *p, size_t *cap, size_t need, size_t size);

/* A hash map from byte strings to a size_t each (an index, bits, a count), open addressing
 * with af_hash. Keys are copied. Zero it before use; af_map_free empties it. */
struct af_map_slot {
	uint64_t hash;
	size_t koff;  /* the key: keys.p + koff */
	size_t klen1; /* its length + 1; 0 for an empty slot */
	size_t val;
};
struct af_map {
	struct af_map_slot *v;
	size_t n, cap; /* cap: 0 or a power of two */
	struct af_buf keys;
};
/* The value of key s[0..n), or NULL when it is not there. */
size_t *af_map_get(const struct af_map *m, const char *s, size_t n);
/* The value of key s[0..n), added (value 0, *added set to 1) when it is not there; added may
 * be NULL. The pointer is valid until the next af_map_put. */
size_t *af_map_put(struct af_map *m, const char *s, size_t n, int *added);
/* The key of a slot that is not empty (NUL-terminated, in the map's storage). */
const char *af_map_key(const struct af_map *m, const struct af_map_slot *e);
void af_map_free(struct af_map *m);

#endif
