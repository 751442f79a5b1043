/* fields.h - the fields one stage hands the next (docs/af.7, "The record"), read from a
 * record once into typed arrays, only the members a stage uses, without building a JSON
 * tree: entities (af-entities), quotes (af-quotes), published and dateline (af-clean).
 *
 * The readers walk the field's bytes, which af_record_parse has validated. A member of the
 * wrong JSON type counts as absent, as does an element that is not an object; an array
 * element without what makes it usable (below) is skipped. Each reader replaces its
 * output's contents and keeps its buffers for the next record (zero the struct before the
 * first use). */
#ifndef AF_FIELDS_H
#define AF_FIELDS_H

#include <stddef.h>

#include "af/entities.h"
#include "af/record.h"

/* "entities": the objects with integer start >= 0 and end > start (code points, into
 * cstart and cend; start and end, bytes, are left 0: the record has no byte offsets) and a
 * string type. type_name is the type as written ("PERSON", or a type af does not know, then
 * type is AF_E_NTYPES); canonical, value, code, role and org when strings, else NULL;
 * sentence is 0. Returns the number kept. */
size_t af_field_entities(const struct af_record *r, struct af_mentions *out);

/* A quote of the "quotes" field as a later stage needs it: its span in code points and
 * its speaker object as JSON text (NULL when the speaker is not an object). */
struct af_quote_ref {
	size_t cstart, cend;
	const char *speaker; /* into the record's line: valid while the record is */
	size_t speaker_len;
};
struct af_quote_refs {
	struct af_quote_ref *v;
	size_t n, cap;
};
/* "quotes": the objects with integer start and end. Returns the number kept. */
size_t af_field_quotes(const struct af_record *r, struct af_quote_refs *out);
void af_quote_refs_free(struct af_quote_refs *q);

/* A string field ("published"), or the string member sub of an object field ("dateline",
 * "date"): malloc'd, NUL-terminated; NULL when absent or not a string. */
char *af_field_string(const struct af_record *r, const char *key, const char *sub);

/* The same for a date (published, dateline.date) of the record f is processing, checked by
 * af_dt_parse: NULL, with a message naming the line on stderr, when it is no valid date
 * (2025-02-30, 0000-01-01, +99:99): taken as absent. */
char *af_filter_date(const struct af_filter *f, const struct af_record *r, const char *key, const char *sub);

#endif
