/* ner_train.h - what the tagger's trainer shares inside lib/ (ner_train.c, ner_clusters.c):
 * labelled corpora. The interface is af/ner_train.h. */
#ifndef AF_NER_TRAIN_INT_H
#define AF_NER_TRAIN_INT_H

#include "af/ner_train.h"

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

#endif
