/* english.h - the English words every stage shares (data/english.yaml), by class: one
 * home for month and weekday names, relative days, determiners, pronouns, prepositions,
 * conjunctions, subordinators, auxiliaries, modals, negations, speech verbs and number
 * words. The compiled-in tables are read once per process (af_english_shared) and shared,
 * read-only, by every stage's instance (a quoter, a lexicon, a date reader, the coder),
 * which asks them for the classes of a word or for the words of a class. Private to lib/
 * (not an interface). */
#ifndef AF_ENGLISH_H
#define AF_ENGLISH_H

#include <stddef.h>

#include "af/af.h"

/* The classes, in the order of their keys in english.yaml; AF_EN_BIT(c) is c's bit. */
enum af_en_class {
	AF_EN_MONTH,        /* months: january (value: 1-12) */
	AF_EN_MONTH_ABBR,   /* month_abbreviations: jan, sept (value: 1-12) */
	AF_EN_WEEKDAY,      /* weekdays: monday (value: 1-7, 1 = Monday) */
	AF_EN_WEEKDAY_ABBR, /* weekday_abbreviations: tue, thurs (value: 1-7) */
	AF_EN_RELDAY,       /* relative_days: yesterday (value: days from publication) */
	AF_EN_TIME,         /* time_nouns: night, week */
	AF_EN_DET,          /* determiners */
	AF_EN_PERSON_PRON,  /* person_pronouns: he, she, i */
	AF_EN_OTHER_PRON,   /* other_pronouns: they, it, we */
	AF_EN_PREP,         /* prepositions */
	AF_EN_CONJ,         /* conjunctions */
	AF_EN_SUB,          /* subordinators */
	AF_EN_WH,           /* wh_words */
	AF_EN_BE,           /* be_forms */
	AF_EN_AUX,          /* auxiliaries: have, do */
	AF_EN_MODAL,        /* modals */
	AF_EN_NEG,          /* negations */
	AF_EN_SPEECH,       /* speech_verbs */
	AF_EN_NUMBER,       /* numbers (value: the number) */
	/* the event coder's finer classes (lib/events*.c) */
	AF_EN_FUTURE_MODAL,    /* future_modals: will, shall */
	AF_EN_UNREAL_MODAL,    /* unrealized_modals: can, could, would, should, must */
	AF_EN_REFUSAL,         /* refusal_verbs: refuse (lemmas) */
	AF_EN_DEMAND,          /* demand_verbs: call, urge (lemmas) */
	AF_EN_REPORTING,       /* reporting_verbs: say, tell (lemmas) */
	AF_EN_DEMONYM,         /* demonyms: afghan, iraqi (those without a demonym ending) */
	AF_EN_DEMONYM_END,     /* demonym_endings: ian, ese */
	AF_EN_ADJ_END,         /* adjective_endings: al, ic, ive */
	AF_EN_RECIPIENT_PREP,  /* recipient_prepositions: on, against, to */
	AF_EN_LOCATIVE_PREP,   /* locative_prepositions: in, at, near */
	AF_EN_TOPIC_PREP,      /* topic_prepositions: about, regarding, in */
	AF_EN_ADVERBIAL_SUB,   /* adverbial_subordinators: because, although, when */
	AF_EN_PARTICIPLE_SUB,  /* participle_subordinators: before, after, while (+ -ing) */
	AF_EN_NCLASS           /* at most 32: a word's classes are the bits of an unsigned */
};
#define AF_EN_BIT(c) (1u << (c))

struct af_english;

/* The tables of the compiled-in data/english.yaml. NULL with err on failure. */
struct af_english *af_english_new(struct af_error *err);
/* Adds a user's YAML (the same keys) from buf, named file in messages; an unknown key is
 * refused with file:line:col. 0 or -1. */
int af_english_add(struct af_english *e, const char *buf, size_t len, const char *file, struct af_error *err);
void af_english_free(struct af_english *e);
/* The tables of the compiled-in english.yaml, read once per process (thread-safe) and never
 * changed nor freed: every stage reads this one. NULL with err when the file cannot be read. */
const struct af_english *af_english_shared(struct af_error *err);

/* The class bits of the word or phrase s[0..n) (case ignored, ’ as ', spaces folded), 0
 * when it is in none; *value (when value is not NULL and the word is in class c) its value
 * in c (months: 1-12, weekdays: 1-7, relative days: offset, numbers: the number), else 0. */
unsigned af_english_get(const struct af_english *e, const char *s, size_t n, enum af_en_class c, int *value);

/* Is the word s[0..n) in class c? */
int af_english_is(const struct af_english *e, const char *s, size_t n, enum af_en_class c);
/* Does the word s[0..n) end in a word of class c (an ending: "ian", "al") that leaves at
 * least stem bytes before it? Endings of up to 16 bytes. */
int af_english_ends(const struct af_english *e, const char *s, size_t n, enum af_en_class c, size_t stem);

/* Calls fn for every word of class c, in the order each word first appeared (the compiled-in
 * file first), with its value in c. */
void af_english_each(const struct af_english *e, enum af_en_class c,
                     void (*fn)(void *ctx, const char *word, int value), void *ctx);

/* The key of a word or phrase s[0..n) appended to b (NUL-terminated): lower case, ’ and ‘
 * as ', spaces folded to one. The tables' keys and every lookup are such keys. */
void af_english_key(struct af_buf *b, const char *s, size_t n);

/* The number of words of several words (the longest phrase) in any class. */
int af_english_maxwords(const struct af_english *e);

#endif
