/* ner_impl.h - the tagger's insides, shared by lib/ner.c and the trainer
 * (lib/ner_train.c). Private to lib/: other code uses af/ner.h and af/ner_train.h. The model file
 * format is described in docs/ner.md. */
#ifndef AF_NER_IMPL_H
#define AF_NER_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "af/ner.h"

#define AF_NER_NL 9         /* labels: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC */
#define AF_NER_MAXGAZ 6     /* longest gazetteer phrase, in words */
#define AF_NER_NLISTS 8     /* gazetteer lists: 0-3 CoNLL train PER ORG LOC MISC, 4-7 GMB train */
#define AF_NER_VERSION 2   /* 2: document fields by lower case, an entity's type, type shares */

/* An open-addressing table from non-zero 32-bit keys to 32-bit values (clusters,
 * capitalisation bins, gazetteer phrases). */
struct af_ner_map {
	const uint32_t *key, *val;
	uint32_t mask; /* slots - 1 */
};

/* Feature weights: key -> one int16 per label. */
struct af_ner_weights {
	const uint32_t *key;
	const int16_t *w; /* AF_NER_NL per slot */
	uint32_t mask;
};

/* Zeroed memory on 2 MB boundaries, asked for as huge pages (lib/ner_model.c): the tagger
 * probes its big tables at random, and with 4 KB pages nearly every probe of an 8 MB table
 * also misses the TLB. Fresh anonymous pages are zero: nothing is written before the table
 * is. af_ner_huge_alloc returns NULL when the system has no memory to map. */
struct af_ner_huge {
	void *base;
	size_t len;
};
void *af_ner_huge_alloc(struct af_ner_huge *h, size_t len);
void af_ner_huge_free(struct af_ner_huge *h);

struct af_ner_model {
	char *mem; /* the file when the model owns it (else compiled in), 8-byte aligned */
	size_t len;
	float scale;                        /* weight = int16 * scale */
	struct af_ner_map words, caps, gaz; /* clusters+frequency, capitalisation, gazetteer */
	struct af_ner_weights w[2];         /* pass 1, pass 2 */
	const int16_t *trans[2];            /* (AF_NER_NL + 1) x AF_NER_NL: row 0 from the start */
	/* w[0] and w[1] again as one 32-byte slot per key (key and weights in one cache line),
	 * built at load time so that a feature costs one cache miss, not two, in a table at most
	 * half full so that the many keys a model lacks are found absent after a few slots (a
	 * third full was slower: twice the memory, 25% more cache misses, session 8); NULL in a model not made by af_ner_load_mem (the tagger then reads w) */
	struct af_ner_slot *slot[2];
	uint32_t smask[2];     /* slots of slot[p] - 1 */
	struct af_ner_huge slot_map[2]; /* the memory of slot[p] */
};

struct af_ner_slot {
	uint32_t key;
	int16_t w[AF_NER_NL];
	char pad[32 - 4 - 2 * AF_NER_NL];
};

/* What the features need to know about one word, computed once per document. */
struct af_ner_tok {
	uint64_t w, lw, shape, sshape, pre[4], suf[4];
	int32_t cf, cm, cc;     /* clusters fine, mid, coarse; -1 unknown */
	uint8_t capbin, freqbin; /* from the unlabeled news */
	uint8_t init, head;      /* first in its sentence; in an all-capitals sentence */
	uint8_t lowdoc;          /* capitalised here, seen lower case elsewhere in the document */
	uint8_t alpha, cap;
	uint16_t gaz;            /* bit 2*list: a phrase of the list starts here, 2*list+1: continues */
	/* second pass: these stay last (lib/ner.c's group cache hashes the bytes before p1) */
	uint8_t p1;              /* first pass label */
	uint8_t maj, majearly;   /* majority first-pass type (0 O, 1..4 PER..MISC, 5 none) of the other
	                          * mentions of the word (lower-cased) in the document, of the earlier ones */
	uint8_t inmulti;         /* the type (1..4) of the longer entity an earlier mention was inside, or 0 */
	uint16_t dist;           /* bits 2y..2y+1: the share of type y among the other mentions (0 none,
	                          * 1 under half, 2 half or more, 3 all) */
};

/* 64-bit hashes of byte strings and of combinations. */
uint64_t af_ner_hash(const char *s, size_t n);
static inline uint64_t af_ner_mix(uint64_t a, uint64_t b)
{
	uint64_t x = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull + (a << 6) + (a >> 2));
	x = (x ^ (x >> 31)) * 0xbf58476d1ce4e5b9ull;
	return x ^ (x >> 29);
}
static inline uint32_t af_ner_key32(uint64_t h)
{
	uint32_t k = (uint32_t)(h ^ (h >> 32));
	return k ? k : 1;
}

/* The word as the tagger normalises it (curly quotes and apostrophes to ASCII, dashes to
 * "-"), into buf (cap bytes, at least 8); then its lower-cased and digit-folded forms.
 * Each returns the length written. */
size_t af_ner_norm(const char *s, size_t n, char *buf, size_t cap);
size_t af_ner_lower(const char *s, size_t n, char *buf, size_t cap);
size_t af_ner_fold_digits(const char *s, size_t n, char *buf, size_t cap);

/* A map or weight lookup; NULL / 0 when absent. */
const uint32_t *af_ner_map_get(const struct af_ner_map *m, uint32_t key);
const int16_t *af_ner_weights_get(const struct af_ner_weights *w, uint32_t key);

/* Fills t[0..nw) for a document. gaz_fold >= 0 hides the CoNLL list entries of that
 * training fold (jackknifing; the trainer's gazetteer hook returns fold masks); -1 at run
 * time. */
typedef uint32_t (*af_ner_gaz_fn)(void *ctx, uint32_t key);
void af_ner_tokinfo(const struct af_ner_model *m, const struct af_ner_word *w, size_t nw,
                    const struct af_ner_sent *sents, size_t ns, struct af_ner_tok *t, af_ner_gaz_fn gazfn,
                    void *gazctx);
/* The second-pass fields of t from the first-pass labels lab[0..nw). */
void af_ner_docinfo(const struct af_ner_word *w, size_t nw, const struct af_ner_sent *sents, size_t ns,
                    const unsigned char *lab, struct af_ner_tok *t);

/* The feature keys of word i of the sentence t[0..n) for pass 1 or 2 into keys (room for
 * AF_NER_MAXFEAT); returns their number. */
#define AF_NER_MAXFEAT 144
size_t af_ner_features(const struct af_ner_tok *t, size_t n, size_t i, int pass, uint32_t *keys);

/* Viterbi over valid BIO transitions: emission scores e (n x AF_NER_NL), transitions tr
 * ((AF_NER_NL + 1) x AF_NER_NL, row 0 from the start); best labels into out. back is
 * n x AF_NER_NL bytes of working room. */
void af_ner_viterbi(const float *e, size_t n, const float *tr, unsigned char *out, unsigned char *back);

/* 1 if label b may follow label a (a = -1 at the start). */
int af_ner_valid(int a, int b);

#endif
