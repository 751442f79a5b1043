/* entities.h - named entities and dates in article text: people, organisations, places,
 * nationalities and groups, dates resolved against the publication date, with canonical
 * names, lexicon codes and roles (docs/af-entities.1, docs/lexicons.md). */
#ifndef AF_ENTITIES_H
#define AF_ENTITIES_H

#include <jansson.h>
#include <stddef.h>

#include "af/af.h"
#include "af/dates.h"

/* The entity types ("PERSON", "ORG", ... by af_etype_name). */
enum af_etype { AF_E_PERSON, AF_E_ORG, AF_E_LOC, AF_E_NORP, AF_E_DATE, AF_E_MISC, AF_E_NTYPES };
const char *af_etype_name(enum af_etype t);

struct af_mention {
	size_t start, end;   /* bytes into the text, half-open */
	size_t cstart, cend; /* code points */
	enum af_etype type;
	const char *canonical; /* the lexicon's name of the entity, else its fullest name in the text
	                        * (DATE: its value or text) */
	const char *id;        /* stable identity across articles ("person:amir-khan-muttaqi"); NULL for DATE */
	const char *code;      /* lexicon code, or NULL */
	const char *value;     /* DATE: "2025-12-09", "2025-W49", "2025-12", "2022", "1989-90", a range
	                        * "2015/2025-12-10"; NULL if unresolved */
	enum af_date_kind date_kind; /* DATE: a point, or a range or deadline (af-entities(1), DATES) */
	const char *role;      /* "Foreign Minister", or NULL */
	const char *org;       /* canonical name of the role's organisation (or country), or NULL */
	size_t sentence;       /* index of its sentence */
	const char *type_name; /* the type as its source wrote it ("PERSON"; af_field_entities
	                        * keeps types af does not know here, with type AF_E_NTYPES) */
};

struct af_mentions {
	struct af_mention *v;
	size_t n, cap;
	struct af_buf strs; /* storage of the strings (internal) */
};

struct af_entities;

/* The extractor with the compiled-in lexicons (data/people.yaml, orgs.yaml, places.yaml,
 * entity-rules.yaml) and month names (data/dates.yaml). NULL with the reason in err. */
struct af_entities *af_entities_new(struct af_error *err);
/* Add a user's lexicon file; 0, or -1 with "file:line:col: problem" in err. */
int af_entities_load(struct af_entities *x, const char *path, struct af_error *err);
void af_entities_free(struct af_entities *x);

/* The mentions of s[0..n) (valid UTF-8), in text order; published ("2025-12-10T18:53:26+05:30",
 * or NULL) resolves relative dates. out is replaced (zero it before first use). 0 or -1. */
int af_entities_find(struct af_entities *x, const char *s, size_t n, const char *published,
                     struct af_mentions *out, struct af_error *err);
void af_mentions_free(struct af_mentions *m);

/* The mentions as the record's "entities" array, JSON text appended to out (s is the text
 * they were found in). */
void af_mentions_write(const struct af_mentions *m, const char *s, struct af_buf *out);

#endif
