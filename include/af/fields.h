/* fields.h - the fields one stage hands the next (docs/af.7, "The record"), read from a
 * record once into typed arrays, only the members a stage uses, without building a JSON
 * tree: entities (af-entities), quotes (af-quotes), published and dateline (af-clean); and
 * events (af-events) as a typed array with its one writer.
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

/* ---- events (af-events; the members and their order are af(7)'s) ----
 * Strings live in the array's arena (str): an af_str is an offset and a length there, or
 * null. A stage fills an af_events (af_events_add, af_events_str) and hands it to the record
 * writer with af_events_write(ev, af_record_set_json(r, "events")). */
struct af_str {
	size_t off, len;
	int set; /* 0: null */
};
struct af_ev_actor { /* source, target, speaker: null when !set */
	int set;
	struct af_str text, actor, canonical;
	long long start, end;
	struct af_str json; /* set: the actor as an upstream stage wrote it (a quote's speaker of
	                     * another shape than af's actor), JSON text in af's form (compact, as
	                     * af_json_value writes it), written as it is; the members above unused */
};
struct af_ev_place { /* location: null when !set */
	int set;
	struct af_str text, country;
	long long start, end;
};
struct af_event {
	struct af_str code, root, label, plover;
	int has_quad, has_goldstein; /* else null */
	long long quad;
	double goldstein;
	struct af_ev_actor source, target;
	struct af_str date, date_source;
	struct af_ev_place location;
	long long sentence;
	struct af_str trigger;
	long long trigger_start, trigger_end;
	int negated, hypothetical, reported, symmetric;
	struct af_ev_actor speaker; /* the member is written only when set */
	struct af_str rule;         /* the coder's path that made it (af-events); written only when set */
};
struct af_events {
	struct af_event *v;
	size_t n, cap;
	struct af_buf str;
};
/* Empties ev (its buffers kept). */
void af_events_reset(struct af_events *ev);
void af_events_free(struct af_events *ev);
/* A new event at the end, all null, false and 0. */
struct af_event *af_events_add(struct af_events *ev);
/* s[0..n) copied into the arena, a NUL after it. */
struct af_str af_events_str(struct af_events *ev, const char *s, size_t n);
/* The bytes of an af_str, NUL-terminated (a C string up to the first NUL the string may
 * hold: use its len for all of it); NULL when null. */
const char *af_events_at(const struct af_events *ev, struct af_str s);
/* The "events" field's JSON text: compact, the members in af(7)'s order. */
void af_events_write(const struct af_events *ev, struct af_buf *out);
/* Is s the string z (as C strings: s up to its first NUL)? 0 when s is null. */
int af_events_eq(const struct af_events *ev, struct af_str s, const char *z);
/* Removes event i (the ones after it move down). */
void af_events_remove(struct af_events *ev, size_t i);
/* An actor an upstream stage wrote (a quote's speaker object, JSON text) into *a: the typed
 * members when it has af's actor shape, else the object itself (written back as JSON). 0, or
 * -1 (a left null) when json is no JSON object. */
int af_events_actor_json(struct af_events *ev, const char *json, size_t len, struct af_ev_actor *a);
/* "events" of a record, into ev (emptied first): 0 (absent: no events), or -1 with err
 * when the field is not an array of events of af(7)'s shape. */
int af_field_events(const struct af_record *r, struct af_events *ev, struct af_error *err);

#endif
