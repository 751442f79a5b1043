/* ner_train.h - training af's named-entity tagger (af-train-ner(1), docs/ner.md): word
 * clusters from unlabeled text, the model from labelled corpora, and a labelled file
 * tagged for evaluation. */
#ifndef AF_NER_TRAIN_H
#define AF_NER_TRAIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "af/af.h"
#include "af/ner.h"

/* Word clusters and capitalisation counts from unlabeled text on in, one article a line,
 * written to out (kfine, kmid, kcoarse clusters; the same text and seed give the same
 * bytes). 0 or -1. */
int af_ner_make_clusters(FILE *in, FILE *out, int kfine, int kmid, int kcoarse, uint64_t seed);

/* Training: the model file out from the clusters, a CoNLL-2003 file and optionally a GMB
 * file (af-train-ner(1) says what each option does). */
struct af_ner_train_opts {
	const char *out, *clusters, *conll, *gmb, *gmb_dev_out;
	size_t gmb_dev;
	int epochs, folds, min_count, load;
	int seeds; /* training runs (orders of the sentences) whose weights are averaged; 1 */
	float quant;
	uint64_t seed;
};

int af_ner_train(const struct af_ner_train_opts *o, struct af_error *err);

/* Tags the labelled file path (CoNLL-2003, or GMB when gmb) with the model file model (NULL:
 * the compiled-in one), writing "word gold predicted" per line and a blank line after each
 * sentence to out; the CPU seconds spent tagging and the words tagged into *secs, *nwords.
 * 0 or -1 with err. */
int af_ner_tag_conll(const char *model, const char *path, int gmb, FILE *out, double *secs, size_t *nwords,
                     struct af_error *err);

/* The word clusters of a NER model: fn(ctx, key, clusters) for each word with clusters, in
 * the model's slot order (key: the word's 32-bit key, af_ner's hash of its normalised form;
 * clusters: fine | mid << 10 | coarse << 18 | frequency bin << 24). For other models' features
 * (af-train-syntax). */
void af_ner_each_cluster(const struct af_ner_model *m, void (*fn)(void *ctx, uint32_t key, uint32_t clusters),
                         void *ctx);

#endif
