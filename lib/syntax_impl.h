/* lib/syntax_impl.h - the tagger's and chunker's insides, shared by lib/syntax.c and the trainer
 * (cmd/af-train-syntax). Not a stable interface: other code uses af/syntax.h. The model file
 * format is described in docs/syntax.md. */
#ifndef AF_SYNTAX_IMPL_H
#define AF_SYNTAX_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "af/syntax.h"

#define AF_SYN_VERSION 5
#define AF_SYN_NT AF_POS_COUNT                /* tagger classes */
#define AF_SYN_NC (1 + 2 * (AF_CH_COUNT - 1)) /* chunker classes: O, then B-X I-X per type */
#define AF_SYN_MAXF 64                        /* features per token, at most */
#define AF_SYN_WORDMAX 64                     /* bytes of a word the features look at */

/* chunk class <-> type and begin */
static inline int af_syn_cls_type(int c) { return c ? (c + 1) / 2 : 0; }
static inline int af_syn_cls_begin(int c) { return c && (c & 1); }
static inline int af_syn_cls(int type, int begin) { return type ? 2 * type - (begin ? 1 : 0) : 0; }

/* What the features need to know about one word. */
struct af_syn_info {
	uint64_t w, lw;          /* the word (quotes and dashes normalised, digits as 0), lower case */
	uint64_t suf[4], pre[3]; /* lower-case suffixes of 1-4 and prefixes of 1-3 code points */
	uint64_t shape;          /* Xxx, dd-dd, X.X. ... runs of one */
	uint32_t flags;          /* AF_SYN_F_* */
	uint32_t amb;            /* the word's ambiguity class: the set of tags training gave it
	                          * (words seen at least 3 times), as an id; 0 unknown */
	uint32_t ck, clk;        /* the word and its lower case as keys of the word clusters */
	uint32_t clu;            /* its clusters (af_syn_clusters): fine (bits 0-9), mid (10-17),
	                          * coarse (18-23), frequency bin (24-27); 0 unknown */
};
enum {
	AF_SYN_F_CAP = 1, AF_SYN_F_ALLCAPS = 2, AF_SYN_F_DIGIT = 4, AF_SYN_F_HYPHEN = 8,
	AF_SYN_F_FIRST = 16, AF_SYN_F_ALPHA = 32
};

struct af_syn_map;
/* Fills info for words w[0..n) of one sentence. */
void af_syn_infos(const struct af_syn_word *w, size_t n, struct af_syn_info *info);
/* The key of a word for the tag dictionary. */
/* Sets info[].amb from a map of dictionary keys to ambiguity classes. */
void af_syn_ambs(const struct af_syn_map *amb, struct af_syn_info *info, size_t n);
/* Sets info[].clu from a map of cluster keys to packed clusters (the word, else its lower case). */
void af_syn_clusters(const struct af_syn_map *clu, struct af_syn_info *info, size_t n);
/* lower-case word hashes for lex: */
uint32_t af_syn_lexkey(const char *lower, size_t n);
static inline uint32_t af_syn_dictkey(const struct af_syn_info *x)
{
	uint32_t k = (uint32_t)(x->w ^ (x->w >> 32));
	return k ? k : 1;
}
/* The tagger's features of word i given the tags before it: keys into f (returns the count). */
size_t af_syn_pos_feats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags, uint32_t *f);
/* The same in two parts: the features of the word alone (and whether it begins its sentence),
 * and those of its context; the first fills f and returns the count, the second likewise. */
size_t af_syn_pos_wfeats(const struct af_syn_info *info, size_t i, uint32_t *f);
size_t af_syn_pos_cfeats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags, uint32_t *f);
/* The chunker's features of word i given all tags and the chunk classes before it. */
size_t af_syn_chunk_feats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags,
                          const uint8_t *cls, uint32_t *f);
/* The same in parts: those of the tags of words i-2 .. i+2 and the classes of i-2, i-1
 * alone; those of the word and its tag; that of the word at offset d (-2 -1 1 2) alone (x
 * NULL: none there); the others. */
size_t af_syn_chunk_tfeats(size_t n, size_t i, const uint8_t *tags, const uint8_t *cls, uint32_t *f);
/* af_syntax_tag, with each word's second-best tag in alt (its own tag for a dictionary word):
 * for the evaluator's oracle (AF_SYNTAX_ORACLE=top2) */
void af_syn_tag_alt(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                    uint8_t *tags, uint8_t *alt);
/* An experiment's view (af-train-syntax AF_SYNTAX_ALTDUMP): tags, second-best tags and margins
 * as af_syn_tag_alt gives them, the greedy classes over tags, and per word the gain of the
 * chunker's best score under alt[i] over its best under tags[i] (weights; 0 where they agree)
 * and that best class in acls[i] (cls[i] where they agree). */
void af_syn_chunk_view(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                       uint8_t *tags, uint8_t *alt, float *margin, float *gain, uint8_t *cls, uint8_t *acls);
/* Tags and chunks a sentence (tags, and the classes as af_syn_cls makes them) as
 * af_syntax_parse does with joint 0; joint 1: the chunker also weighs the tagger's second
 * choice (an experiment: AF_SYNTAX_JOINT=1 in af-train-syntax). The count of words tried
 * under their second tag. */
size_t af_syn_tag_chunk(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                        int joint, uint8_t *tags, uint8_t *cls);
size_t af_syn_chunk_w0feats(const struct af_syn_info *info, size_t i, const uint8_t *tags, uint32_t *f);
size_t af_syn_chunk_nfeat(const struct af_syn_info *x, int d, uint32_t *f);
size_t af_syn_chunk_wfeats(const struct af_syn_info *info, size_t n, size_t i, const uint8_t *tags,
                           const uint8_t *cls, uint32_t *f);
/* May chunk class c follow class prev (I-X only after B-X or I-X)? */
static inline int af_syn_chunk_ok(int prev, int c)
{
	return !c || af_syn_cls_begin(c) || (prev && af_syn_cls_type(prev) == af_syn_cls_type(c));
}

/* Sparse weights: key -> the classes it has a weight for, as the model file has them (the
 * tables are used in place: loading copies nothing). */
struct af_syn_slot {
	uint32_t key; /* 0: empty */
	uint32_t row; /* offset << 8 | count into ent; count 0: a dense row, AF_SYN_DENSE_WORDS(ncls)
	               * words holding an int16 weight per class */
};
#define AF_SYN_PAD(ncls) (((ncls) + 7) & ~7) /* classes rounded up: rows and scores of whole vectors */
#define AF_SYN_DENSE_WORDS(ncls) ((size_t)AF_SYN_PAD(ncls) / 2)
/* a row of at least so many classes is written dense (adding it is then one short loop
 * the compiler vectorises: the frequent features, which have the most classes) */
#define AF_SYN_DENSE_MIN(ncls) ((ncls) / 4)
struct af_syn_weights {
	const struct af_syn_slot *slot; /* at most half full */
	const uint32_t *ent;            /* class in the low 16 bits, int16 weight in the high 16 */
	uint32_t mask;                  /* slots - 1 */
	float scale;                    /* weight = int16 * scale */
	int ncls;                       /* classes */
};
/* Adds the weights of features f[0..nf) (nf <= AF_SYN_MAXF) to score[0..ncls) (in units of
 * scale; ncls: W->ncls, given as a constant; score has AF_SYN_PAD(ncls) elements).
 * The model is larger than the caches, so each feature costs up to two misses (its slot, its
 * row): all the slots are asked for first, then all the rows, so that the misses overlap. */
static inline void af_syn_score(const struct af_syn_weights *W, const uint32_t *f, size_t nf, int32_t *restrict score,
                                int ncls)
{
	const struct af_syn_slot *sl = W->slot;
	uint32_t row[AF_SYN_MAXF];
	size_t nr = 0;
	for (size_t k = 0; k < nf; k++)
		__builtin_prefetch(&sl[(f[k] * 0x9e3779b1u) & W->mask]);
	for (size_t k = 0; k < nf; k++) {
		uint32_t key = f[k];
		for (uint32_t j = (key * 0x9e3779b1u) & W->mask;; j = (j + 1) & W->mask) {
			if (sl[j].key == key) {
				row[nr++] = sl[j].row;
				__builtin_prefetch(W->ent + (sl[j].row >> 8));
				break;
			}
			if (!sl[j].key)
				break;
		}
	}
	for (size_t k = 0; k < nr; k++) {
		const uint32_t *e = W->ent + (row[k] >> 8);
		uint32_t cnt = row[k] & 0xff;
		if (!cnt) {
			int16_t d[AF_SYN_PAD(AF_SYN_NT)];
			memcpy(d, e, (size_t)AF_SYN_PAD(ncls) * 2); /* a constant where inlined: vector loops */
			for (int c = 0; c < AF_SYN_PAD(ncls); c++)
				score[c] += d[c];
		}
		for (uint32_t x = 0; x < cnt; x++)
			score[e[x] & 0xffff] += (int16_t)(e[x] >> 16);
	}
}

/* A dictionary: key -> value (tag of a frequent unambiguous word). */
struct af_syn_map {
	const uint32_t *key, *val;
	uint32_t mask;
};
static inline int af_syn_map_get(const struct af_syn_map *m, uint32_t key)
{
	if (!m->mask)
		return -1;
	for (uint32_t j = (key * 0x9e3779b1u) & m->mask;; j = (j + 1) & m->mask) {
		if (m->key[j] == key)
			return (int)m->val[j];
		if (!m->key[j])
			return -1;
	}
}

/* The lemmatizer's table (lib/syntax_lemma.c) from data/lemmas.yaml's text; NULL with err set. */
struct af_lemma_table;
struct af_lemma_table *af_syn_lemmas_load(const char *buf, size_t len, const char *file, struct af_error *err);
void af_syn_lemmas_free(struct af_lemma_table *t);
/* The word as the features see it: typographic quotes, apostrophes and dashes as ASCII,
 * `` and '' as ", digits as 0; at most AF_SYN_WORDMAX bytes into buf, in lower case into lo;
 * *flags gets AF_SYN_F_* (all but FIRST). Its length. */
size_t af_syn_norm_word(const char *s, size_t n, char *buf, char *lo, uint32_t *flags);

struct af_syntax {
	uint64_t id; /* unique to this load in the process: the key of a thread's score cache
	              * (a model freed and another loaded at the same address get new ids) */
	char *mem; /* a copy of the model when the bytes given were not 4-byte aligned, or NULL */
	size_t len;
	struct af_syn_map dict; /* frequent unambiguous words -> tag */
	struct af_syn_map lex;  /* lower-case base forms seen in training: 1 verb (VB, VBP), 2 noun (NN) */
	struct af_syn_map amb;  /* word -> ambiguity class id */
	struct af_syn_map clu;  /* word -> its clusters from unlabeled news (af_syn_info.clu): the
	                         * NER model's, copied when the model was trained; may be empty */
	struct af_syn_weights pos, chunk;
	struct af_lemma_table *lemmas;
};

/* The model file: "AFSYNTAX", u32 version, u32 classes (AF_SYN_NT), u32 chunk classes
 * (AF_SYN_NC), then the dictionary, the base forms, the ambiguity classes and the word clusters
 * (each u32 slots, keys, values; the clusters may have 0 slots and nothing after) and two weight tables (u32 slots, u32 entries, f32 scale, slots x {key, row},
 * entries x u32), all little-endian. */

/* ---- hashing (features, caches, lexicon keys) ---- */

static inline uint64_t af_syn_mix(uint64_t a, uint64_t b)
{
	uint64_t x = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull + (a << 6) + (a >> 2));
	x = (x ^ (x >> 31)) * 0xbf58476d1ce4e5b9ull;
	return x ^ (x >> 29);
}

static inline uint64_t af_syn_hstr(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull ^ n;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h;
}

static inline uint32_t af_syn_key32(uint64_t h)
{
	uint32_t k = (uint32_t)(h ^ (h >> 32));
	return k ? k : 1;
}

#endif
