/* clean.h - from a page's text dump to an article: title, metadata, body. */
#ifndef AF_CLEAN_H
#define AF_CLEAN_H

#include <jansson.h>
#include <stdio.h>

#include "af/af.h"

struct af_cleaner;

/* A cleaner with the compiled-in lexicon (data/clean.yaml). */
struct af_cleaner *af_cleaner_new(struct af_error *err);
/* Add a user's YAML lexicon: its rules, agencies and zones add to or override the defaults. */
int af_cleaner_load(struct af_cleaner *c, const char *path, struct af_error *err);
void af_cleaner_free(struct af_cleaner *c);
/* Score blocks with the model in the YAML file at path (as `make model` writes
 * data/clean-model.yaml) instead of the compiled-in one. */
int af_cleaner_model(struct af_cleaner *c, const char *path, struct af_error *err);
/* Write one JSON line per block of every later article to out (NULL: stop): its features,
 * kind and text, with page as its "page" (for training the model). */
void af_cleaner_features(struct af_cleaner *c, FILE *out, const char *page);

/* Clean one raw article (valid UTF-8). Returns an object with title, source,
 * authors, published, updated, dateline, text and removed. */
json_t *af_clean(struct af_cleaner *c, const char *raw, size_t len);

/* What cleaning the last article refused to do (a rule that would have emptied it), or NULL. */
const char *af_cleaner_warning(const struct af_cleaner *c);

/* Clean one HTML page (valid UTF-8), parsed by an HTML5 parser: the same fields, the
 * blocks taken from the tree, the metadata also from <title>, <meta> and JSON-LD.
 * NULL when the parser fails (out of memory). */
json_t *af_clean_html(struct af_cleaner *c, const char *html, size_t len);

/* The text of an HTML page as a browser's select-all-copy gives it (block elements on
 * lines of their own, paragraphs and headings apart, scripts, styles and the head dropped,
 * character references decoded). Input valid UTF-8; malloc'd, NUL-terminated. */
char *af_html_text(const char *html, size_t len, size_t *outlen);

/* An id from the content, for records that have none: "h" + 16 hex digits. */
json_t *af_clean_hash_id(const char *s, size_t len);

#endif
