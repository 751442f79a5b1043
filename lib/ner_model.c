/* ner_model.c - the tagger's model: loading data/ner.bin (format in docs/ner.md), its
 * lookup tables, and the one-line-per-key weight slots the tagger reads (lib/ner.c). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include "af/ner.h"
#include "af/data.h"
#include "ner_impl.h"
#include "perceptron.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* the compiled-in data this module reads */
AF_DATA_USE(ner_bin);

/* ---- tables ---- */

const uint32_t *af_ner_map_get(const struct af_ner_map *m, uint32_t key)
{
	int64_t j = m->key ? af_pc_find(m->key, 1, m->mask, key) : -1;
	return j < 0 ? NULL : &m->val[j];
}

const int16_t *af_ner_weights_get(const struct af_ner_weights *w, uint32_t key)
{
	int64_t j = w->key ? af_pc_find(w->key, 1, w->mask, key) : -1;
	return j < 0 ? NULL : &w->w[(size_t)j * AF_NER_NL];
}

/* ---- the weight slots ---- */

enum { HUGE = 2u << 20 };

void *af_ner_huge_alloc(struct af_ner_huge *h, size_t len)
{
	size_t n = len + HUGE;
	char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	char *a = (char *)(((uintptr_t)p + HUGE - 1) & ~(uintptr_t)(HUGE - 1));
#ifdef MADV_HUGEPAGE
	madvise(a, len, MADV_HUGEPAGE); /* a hint: without it the table works the same */
#endif
	h->base = p;
	h->len = n;
	return a;
}

void af_ner_huge_free(struct af_ner_huge *h)
{
	if (h->base)
		munmap(h->base, h->len);
	h->base = NULL;
	h->len = 0;
}

/* w's keys and weights again as one 32-byte slot per key, in a table at most half full. */
static void build_slots(struct af_ner_model *m, int p)
{
	const struct af_ner_weights *w = &m->w[p];
	if (!w->key)
		return;
	size_t slots = (size_t)w->mask + 1, used = 0, size = 16;
	for (size_t j = 0; j < slots; j++)
		used += w->key[j] != 0;
	while (size < used * 2)
		size *= 2;
	struct af_ner_slot *sl = af_ner_huge_alloc(&m->slot_map[p], size * sizeof *sl);
	if (!sl)
		return; /* the tagger reads w */
	uint32_t mask = (uint32_t)(size - 1);
	for (size_t j = 0; j < slots; j++) {
		if (!w->key[j])
			continue;
		uint32_t q = (w->key[j] * 0x9e3779b1u) & mask;
		while (sl[q].key)
			q = (q + 1) & mask;
		sl[q].key = w->key[j];
		memcpy(sl[q].w, &w->w[j * AF_NER_NL], sizeof sl[q].w);
	}
	m->slot[p] = sl;
	m->smask[p] = mask;
}

/* ---- loading ---- */

static void rdmap(struct af_pc_reader *r, struct af_ner_map *m)
{
	af_pc_rdtable(r, &m->key, &m->val, &m->mask, 1);
}

static void rdweights(struct af_pc_reader *r, struct af_ner_weights *w)
{
	af_pc_rdtable(r, &w->key, NULL, &w->mask, 1);
	if (w->key)
		w->w = af_pc_rdsec(r, ((size_t)w->mask + 1) * AF_NER_NL * 2);
}

/* Reads the model in buf (8-byte aligned, len bytes); owned: buf is the model's to free,
 * else it outlives the model (the compiled-in data). */
static int load(struct af_ner_model **out, const char *buf, size_t len, char *owned, struct af_error *err)
{
	if (af_pc_check(buf, len, "AFNER\0\0\0", 16, "NER", err) < 0) {
		free(owned);
		return -1;
	}
	struct af_ner_model *m = af_calloc(1, sizeof *m);
	m->mem = owned;
	m->len = len;
	struct af_pc_reader r = {buf + 8, buf + len, 0};
	uint32_t version = af_pc_rd32(&r), nl = af_pc_rd32(&r);
	if (version != AF_NER_VERSION || nl != AF_NER_NL) {
		af_error_set(err, "NER model of format version %u with %u labels; this build reads version %d", version,
		             nl, AF_NER_VERSION);
		af_ner_free(m);
		return -1;
	}
	uint32_t sc = af_pc_rd32(&r);
	memcpy(&m->scale, &sc, 4);
	for (int p = 0; p < 2; p++)
		m->trans[p] = af_pc_rdsec(&r, (AF_NER_NL + 1) * AF_NER_NL * 2);
	rdmap(&r, &m->words);
	rdmap(&r, &m->caps);
	rdmap(&r, &m->gaz);
	rdweights(&r, &m->w[0]);
	rdweights(&r, &m->w[1]);
	if (r.bad || r.p != r.end) {
		af_error_set(err, "truncated or corrupt NER model");
		af_ner_free(m);
		return -1;
	}
	for (int p = 0; p < 2; p++)
		build_slots(m, p);
	*out = m;
	return 0;
}

int af_ner_load_mem(struct af_ner_model **out, const void *buf, size_t len, struct af_error *err)
{
	char *mem = af_malloc(len ? len : 1);
	memcpy(mem, buf, len);
	return load(out, mem, len, mem, err);
}

int af_ner_load(struct af_ner_model **out, const char *path, struct af_error *err)
{
	struct af_pc_file f;
	if (af_pc_open(&f, "ner.bin", path, AF_NER_DEFAULT_PATH, err) < 0)
		return -1;
	int rc;
	if (f.owned || (uintptr_t)f.data % 8) /* a file read (malloc aligns it), or data to align */
		rc = f.owned ? load(out, f.owned, f.len, f.owned, err) : af_ner_load_mem(out, f.data, f.len, err);
	else /* the compiled-in model, read where it is */
		rc = load(out, f.data, f.len, NULL, err);
	if (rc < 0)
		af_pc_blame(&f, err);
	return rc;
}

void af_ner_free(struct af_ner_model *m)
{
	if (!m)
		return;
	for (int p = 0; p < 2; p++)
		af_ner_huge_free(&m->slot_map[p]);
	free(m->mem);
	free(m);
}

const char *af_ner_type_name(enum af_ner_type t)
{
	static const char *const names[] = {"PER", "ORG", "LOC", "MISC"};
	return (unsigned)t < 4 ? names[t] : "?";
}
