/* ner.h - the statistical named-entity tagger: PER, ORG, LOC and MISC spans over the tokens
 * of a document (docs/ner.md).
 *
 * Two passes of an averaged structured perceptron over the same rich features (word, lower
 * case, shape, affixes, words and shapes around it, word clusters and capitalisation
 * statistics computed from unlabeled news, gazetteer hits); the second pass adds what the
 * first said about the word and its neighbours and about the other mentions of the same word
 * in the document. Each pass decodes a sentence with Viterbi over the BIO transitions that
 * are valid (I-X only after B-X or I-X), so every span it returns is well formed.
 *
 * The model (data/ner.bin, made by af-train-ner(1)) is compiled into the tools; a model file
 * can be loaded instead. A loaded model is read-only: any number of threads may tag with one
 * model at the same time, each with its own scratch.
 *
 *     struct af_ner_model *m;
 *     if (af_ner_load(&m, NULL, &err) < 0) ...          // the compiled-in model
 *     struct af_ner_scratch *s = af_ner_scratch_new();
 *     struct af_ner_spans spans = {0};
 *     af_ner_tag_text(m, s, text, len, &toks, &sents, &spans, &err);
 *     for (size_t i = 0; i < spans.n; i++)  // tokens toks.v[spans.v[i].start .. end)
 *     af_ner_spans_free(&spans); af_ner_scratch_free(s); af_ner_free(m);
 */
#ifndef AF_NER_H
#define AF_NER_H

#include <stddef.h>

#include "af/af.h"
#include "af/text.h"

enum af_ner_type { AF_NER_PER, AF_NER_ORG, AF_NER_LOC, AF_NER_MISC };

/* "PER", "ORG", "LOC", "MISC" (CoNLL-2003's names; af-entities maps them to its own types). */
const char *af_ner_type_name(enum af_ner_type t);

struct af_ner_model;

/* Loads a model: from the file at path, or when path is NULL the compiled-in data/ner.bin,
 * else $AF_DATA/ner.bin, else AF_NER_DEFAULT_PATH. 0, or -1 with err set (no file, not a
 * model, a model of another format version). */
int af_ner_load(struct af_ner_model **out, const char *path, struct af_error *err);
/* Loads a model from memory (copied; buf need not outlive the call). */
int af_ner_load_mem(struct af_ner_model **out, const void *buf, size_t len, struct af_error *err);
void af_ner_free(struct af_ner_model *m);

#ifndef AF_NER_DEFAULT_PATH
#define AF_NER_DEFAULT_PATH "/usr/local/share/af/data/ner.bin"
#endif

/* One token as the tagger sees it: its text (UTF-8, not NUL-terminated) and the
 * enum af_tok_flag bits af_tokenize gave it (0 when unknown: the tagger computes what it
 * needs from the text; the flags only refine it). */
struct af_ner_word {
	const char *s;
	size_t len;
	unsigned flags;
};

/* A sentence: the words [start, end) of the document. */
struct af_ner_sent {
	size_t start, end;
};

/* An entity: words [start, end) of the document (never across a sentence), its type, and a
 * score in (0, 1]: the mean over its words of the second pass's softmax probability of the
 * label chosen (how sure the tagger is; not a calibrated probability). */
struct af_ner_span {
	size_t start, end;
	enum af_ner_type type;
	float score;
};

/* An amortised array of spans, in document order; zero it before first use. */
struct af_ner_spans {
	struct af_ner_span *v;
	size_t n, cap;
};
void af_ner_spans_free(struct af_ner_spans *s);

/* Working memory for one thread; it grows to the largest document seen and is reused. */
struct af_ner_scratch;
struct af_ner_scratch *af_ner_scratch_new(void);
void af_ner_scratch_free(struct af_ner_scratch *s);

/* Tags a document: words w[0..nw), split into the sentences sents[0..ns) (in order, each
 * word in at most one; words outside every sentence are not tagged). Replaces the contents
 * of *out. 0, or -1 with err set (a sentence out of range). */
int af_ner_tag(const struct af_ner_model *m, struct af_ner_scratch *s, const struct af_ner_word *w,
               size_t nw, const struct af_ner_sent *sents, size_t ns, struct af_ner_spans *out,
               struct af_error *err);

/* The same over the tokens and sentences af_tokenize and af_sentences made of text[0..len):
 * span start and end index toks->v. */
int af_ner_tag_text(const struct af_ner_model *m, struct af_ner_scratch *s, const char *text, size_t len,
                    const struct af_tokens *toks, const struct af_sentences *sents, struct af_ner_spans *out,
                    struct af_error *err);

/* The labels of the last document tagged with s, one per word (0 for words outside every
 * sentence): 0 O, then B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC (1..8). Valid until
 * the next call with s. For evaluation and debugging. */
const unsigned char *af_ner_labels(const struct af_ner_scratch *s);

#endif
