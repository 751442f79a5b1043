/* quotes.h - direct, mixed and reported speech in an article, each with its speaker
 * (docs/af-quotes.1 describes the output; data/quotes.yaml the lexicon). */
#ifndef AF_QUOTES_H
#define AF_QUOTES_H

#include <jansson.h>

#include "af/af.h"
#include "af/entities.h"

struct af_quoter;

/* A quoter with the compiled-in lexicon (data/quotes.yaml). NULL with err on failure. */
struct af_quoter *af_quoter_new(struct af_error *err);
/* Adds a user's YAML lexicon (same keys as data/quotes.yaml) from a file, or from a buffer
 * named file in messages ("file:line:col: problem"). 0 or -1. */
int af_quoter_load(struct af_quoter *q, const char *path, struct af_error *err);
int af_quoter_add(struct af_quoter *q, const char *buf, size_t len, const char *file, struct af_error *err);
void af_quoter_free(struct af_quoter *q);

/* The quotes of text[0..len) (valid UTF-8) as a new JSON array of
 * {text, start, end, kind, cue, quoted?, parts?, speaker, confidence}, offsets in code points.
 * entities is the record's entities (af_field_entities, or af_entities_find's) or NULL:
 * speakers are then taken from its mentions (DATE ones aside). The quoter keeps scratch space between calls: one thread per quoter.
 * NULL with err only when the text layer cannot be loaded. */
json_t *af_quotes_find(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                       struct af_error *err);
/* The next af_quotes_find or af_quotes_write reads the parse of an upstream "sentences" field
 * (af-parse's: its raw JSON text js[0..jn), as af_record_field gives it; kept, not copied, until
 * that call) where it matches the text's tokens and sentences, instead of parsing sentences
 * itself: the same quotes either way. */
void af_quoter_use_sentences(struct af_quoter *q, const char *js, size_t jn);
/* The same, written as JSON text to out (appended): the record's "quotes" value, for
 * af_record_set_json. 0, or -1 with err. */
int af_quotes_write(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                    struct af_buf *out, struct af_error *err);

#endif
