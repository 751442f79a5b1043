/* clean.h - from a page's text dump to an article: title, metadata, body. */
#ifndef AF_CLEAN_H
#define AF_CLEAN_H

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
/* Write the header line of a features file to out: the names of the block model's, the
 * smoothing stage's and the title chooser's features, in the order of the rows' vectors
 * ({"names": [...], "smooth_names": [...], "title_names": [...]}); the names a model file
 * gives weights to. */
void af_cleaner_feature_names(FILE *out);

/* A string of an article: s NULL is none (JSON null). */
struct af_cstr {
	char *s;
	size_t len;
};

/* One entry of an article's removed list: a run of blocks (or sentences) of one kind. */
struct af_removed {
	const char *kind; /* "nav", "byline", ... (static) */
	struct af_cstr text;
};

/* An article as cleaning gives it: the fields af-clean writes. A date is "" when none. */
struct af_article {
	struct af_cstr title, source;
	struct af_cstr *authors;
	size_t nauthors, authors_cap;
	char published[64], updated[64];
	int has_dateline;           /* a dateline was cut off the text: */
	struct af_cstr dateline_place;
	char dateline_date[64];
	struct af_cstr text;
	struct af_removed *removed;
	size_t nremoved, removed_cap;
};

/* The fields of an article record, in the order they are written. */
enum af_article_field {
	AF_ARTICLE_TITLE, AF_ARTICLE_PUBLISHED, AF_ARTICLE_UPDATED, AF_ARTICLE_SOURCE, AF_ARTICLE_AUTHORS,
	AF_ARTICLE_DATELINE, AF_ARTICLE_TEXT, AF_ARTICLE_REMOVED, AF_ARTICLE_NFIELDS
};
/* Their names in the record: "title", "published", ... */
extern const char *const af_article_field_names[AF_ARTICLE_NFIELDS];
/* Is the field empty: null, "" or []? */
int af_article_empty(const struct af_article *a, enum af_article_field f);
/* The field's value as JSON, appended to out (af_record_set_json's buffer). */
void af_article_write(const struct af_article *a, enum af_article_field f, struct af_buf *out);
/* All the fields as one JSON object, appended to out (for callers that write no record). */
void af_article_json(const struct af_article *a, struct af_buf *out);
void af_article_free(struct af_article *a);

/* Clean one raw article (valid UTF-8) into a (its old content is not freed). */
void af_clean(struct af_cleaner *c, const char *raw, size_t len, struct af_article *a);

/* What cleaning the last article refused to do (a rule that would have emptied it), or NULL. */
const char *af_cleaner_warning(const struct af_cleaner *c);

/* Clean one HTML page (valid UTF-8), parsed by an HTML5 parser: the same fields, the
 * blocks taken from the tree, the metadata also from <title>, <meta> and JSON-LD.
 * 0, or -1 when the parser fails (out of memory). */
int af_clean_html(struct af_cleaner *c, const char *html, size_t len, struct af_article *a);

/* The text of an HTML page as a browser's select-all-copy gives it (block elements on
 * lines of their own, paragraphs and headings apart, scripts, styles and the head dropped,
 * character references decoded). Input valid UTF-8; malloc'd, NUL-terminated. */
char *af_html_text(const char *html, size_t len, size_t *outlen);

/* An id from the content, for records that have none: "h" + 16 hex digits, into id. */
void af_clean_hash_id(const char *s, size_t len, char id[18]);

#endif
