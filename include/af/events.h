/* events.h - CAMEO event coding from raw text in the TABARI / PETRARCH tradition
 * (af-events; docs/af-events.1, docs/dictionaries.md).
 *
 * Dictionaries: verbs (PETRARCH-2 and TABARI/PETRARCH-1 pattern files), actors with
 * date-restricted codes, agents, discards, and af's own YAML dictionary format, which
 * can hold all four. The coder finds actor phrases, verb groups and the patterns that
 * link source, verb and target in each sentence, and returns one JSON object per event. */
#ifndef AF_EVENTS_H
#define AF_EVENTS_H

#include <jansson.h>
#include <stddef.h>

#include "af/af.h"
#include "af/fields.h"

struct af_evdict;

/* An empty dictionary set. */
struct af_evdict *af_evdict_new(void);
void af_evdict_free(struct af_evdict *d);

/* Each loader reads buf[0..len) (a whole file); file names it in errors, which read
 * "file:line: what is wrong". 0, or -1 with the first error in err. */
int af_evdict_load_verbs(struct af_evdict *d, const char *buf, size_t len, const char *file,
                         struct af_error *err);
int af_evdict_load_actors(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err);
int af_evdict_load_agents(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err);
int af_evdict_load_discards(struct af_evdict *d, const char *buf, size_t len, const char *file,
                            struct af_error *err);
/* af's YAML dictionary (keys actors, agents, verbs, discards, pronouns; docs/dictionaries.md);
 * its actors override earlier entries of the same phrase. */
int af_evdict_load_yaml(struct af_evdict *d, const char *buf, size_t len, const char *file,
                        struct af_error *err);

/* TABARI's own formats (.verbs, .actors, .agents, .options: the TABARI 0.8.4b2 manual;
 * docs/dictionaries.md). The options are checked; none changes af's coding. With
 * af_evdict_skip_bad_lines(d, 1) a mistaken line of these formats is reported on stderr
 * ("file:line:col: what (line skipped)") and left out, as TABARI does when told to go on. */
void af_evdict_skip_bad_lines(struct af_evdict *d, int on);
int af_evdict_load_tabari_verbs(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                struct af_error *err);
int af_evdict_load_tabari_actors(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                 struct af_error *err);
int af_evdict_load_tabari_agents(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                 struct af_error *err);
int af_evdict_load_tabari_options(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                  struct af_error *err);

/* Which compiled-in defaults af_evdict_load_defaults loads. */
enum af_evdefault {
	AF_EVD_VERBS = 1 << 0,    /* data/events-verbs.bin (PETRARCH-2 CAMEO.2.0) */
	AF_EVD_ACTORS = 1 << 1,   /* data/events-actors.bin (Phoenix) */
	AF_EVD_AGENTS = 1 << 2,   /* data/events-agents.bin (Phoenix) */
	AF_EVD_DISCARDS = 1 << 3, /* data/events-discards.bin (Phoenix) */
	AF_EVD_OWN = 1 << 4,      /* data/events.yaml and data/events-afghanistan.yaml */
	AF_EVD_ALL = 0x1f,
	/* read the texts even when the build holds a start-up snapshot of them (AF_EVD_ALL
	 * otherwise restores the snapshot made at build time: same dictionary, ~10x faster) */
	AF_EVD_TEXT = 1 << 8
};
int af_evdict_load_defaults(struct af_evdict *d, unsigned which, struct af_error *err);

/* Counts for messages and benchmarks. */
void af_evdict_stats(const struct af_evdict *d, size_t *verbs, size_t *patterns, size_t *actors,
                     size_t *agents);

/* One article to code. Strings need not be NUL-terminated; NULL or 0 when absent. */
struct af_evinput {
	const char *text;
	size_t len;
	const char *published; /* ISO date (the article's date: actor codes are chosen by it) */
	const char *dateline;  /* ISO date from dateline.date, used when published is absent */
	const struct af_mentions *entities; /* the record's entities (af_field_entities), or NULL */
	const struct af_quote_refs *quotes; /* the record's quotes (af_field_quotes), or NULL */
	/* the record's "sentences" field (af-parse, docs/af.7) as raw JSON, or NULL: its tags,
	 * chunks and lemmas are used when its tokens are the coder's; else the coder parses the
	 * text itself with the compiled-in model (the same output either way) */
	const char *sentences;
	size_t sentences_len;
};

struct af_coder;

/* A coder over d (which must outlive it). */
struct af_coder *af_coder_new(const struct af_evdict *d);
void af_coder_free(struct af_coder *c);

/* How events are read (af-events --conventions): AF_EVC_NEWS (the default) follows the news
 * coding guidelines of af-events(1): no mirror pairs but a compound subject's joint act, no
 * event without both sides, no capabilities, conditionals, questions or targetless statements,
 * nominal events ("talks between X and Y"); AF_EVC_PETRARCH codes as PETRARCH's validation
 * suite expects ([active:reverse] codes both ways). */
enum af_evconventions { AF_EVC_NEWS, AF_EVC_PETRARCH };
void af_coder_conventions(struct af_coder *c, enum af_evconventions conv);

/* The events of in into out (emptied first; af_events_write writes them as the "events"
 * field): 0, or -1 with err set when the text layer fails. *nsent (when not NULL) gets the
 * number of sentences coded. */
int af_coder_code(struct af_coder *c, const struct af_evinput *in, struct af_events *out, size_t *nsent,
                  struct af_error *err);

/* A CAMEO code's facts from data/cameo.yaml. */
struct af_cameo {
	const char *code, *label, *plover; /* plover may be NULL (PLOVER drops the category) */
	int quad;
	double goldstein;
};
/* Loads the compiled-in CAMEO table, once per process (safe from several threads; it lives
 * until the process ends). 0, or -1 with err. */
int af_cameo_init(struct af_error *err);
/* The entry for code (falling back to its parent code), or NULL (also before init). */
const struct af_cameo *af_cameo_find(const char *code);

#endif
