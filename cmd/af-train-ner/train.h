/* train.h - the parts of af-train-ner: clusters (clusters.c), corpora and training
 * (train.c), option handling (main.c). */
#ifndef AF_TRAIN_NER_H
#define AF_TRAIN_NER_H

#include "af/af.h"
#include "af/ner.h"

#include <stdint.h>
#include <stdio.h>

/* Word clusters and capitalisation counts from unlabeled text, one article a line. */
int ner_make_clusters(FILE *in, FILE *out, int kfine, int kmid, int kcoarse, uint64_t seed);

/* A labelled corpus: words with gold labels (0 O, 1..8 B-PER I-PER ... I-MISC), sentences
 * and documents. */
struct doc {
	size_t s0, s1; /* sentences */
	size_t w0, w1; /* words */
	int fold;
};

struct corpus {
	struct af_ner_word *words;
	unsigned char *gold;
	struct af_ner_sent *sents;
	struct doc *docs;
	size_t nw, ns, nd, capw, caps, capd;
};

/* Reads a CoNLL-2003 file (gmb 0: "word POS chunk TAG", -DOCSTART- lines) or a GMB file
 * (gmb 1: "word POS tag", tags mapped to CoNLL's: docs/ner.md); with sent_docs each
 * sentence is a document. Appends to c. */
int corpus_read(struct corpus *c, const char *path, int gmb, int sent_docs, struct af_error *err);
void corpus_split(struct corpus *c, size_t ndev, struct corpus *dev);
int corpus_write(const struct corpus *c, const char *path, struct af_error *err);
void corpus_free(struct corpus *c);

struct train_opts {
	const char *out, *clusters, *conll, *gmb, *gmb_dev_out;
	size_t gmb_dev;
	int epochs, folds, min_count, load;
	float quant;
	uint64_t seed;
};

int ner_train(const struct train_opts *o, struct af_error *err);

#endif
