/* lexicon.h - gazetteers (people, organisations, places, groups) and the word lists of
 * the entity rules (titles, honorifics, given names, head words...), loaded from YAML
 * (docs/lexicons.md), with the keys that match them: a case-folded exact key and a
 * transliteration key (Mohaqiq = Mohaqqeq, Hibatullah = Haibatullah). Private to lib/ (the
 * entity finder's; tools use af/entities.h). */
#ifndef AF_LEXICON_H
#define AF_LEXICON_H

#include <stddef.h>

#include "af/af.h"
#include "af/entities.h"
#include "af/text.h"
#include "af/yaml.h"


/* One entity of a gazetteer. */
/* A code that holds over a span of dates: from (inclusive) and until (exclusive) as
 * YYYYMMDD, 0 when open. */
struct af_datedcode {
	char *code;
	long from, until;
};

struct af_lexentry {
	char *name;         /* the lexicon's name for it */
	char *code;         /* CAMEO actor or country code, or NULL: the code outside every span */
	struct af_datedcode *codes; /* codes by date (`codes:`), the first that holds wins */
	size_t ncodes;
	char *country;      /* for a demonym: the place's name ("Afghan" -> "Afghanistan") */
	enum af_etype type;
};

/* Word and phrase classes of the rules (bits of af_lexhit.cls). */
enum af_lexclass {
	AF_LC_TITLE = 1u << 0,     /* role before or after a name: "Foreign Minister", "spokesman" */
	AF_LC_MODIFIER = 1u << 1,  /* goes before a title and stays in the role: "acting", "deputy" */
	AF_LC_HONORIFIC = 1u << 2, /* dropped before a name, not a role: "Mr.", "Mullah" */
	AF_LC_PORTFOLIO = 1u << 3, /* after "Minister of": "Higher Education" */
	AF_LC_LEDBY = 1u << 4,     /* "led by": the people after it get a role in the org before it */
	AF_LC_GIVEN = 1u << 5,     /* a given name: "Mohammad", "Abdul" */
	AF_LC_ORGHEAD = 1u << 6,   /* a word that makes a name an organisation: "Council" */
	AF_LC_PLACEHEAD = 1u << 7, /* "province", "district": the name before it is a place */
	AF_LC_FUNCTION = 1u << 8,  /* a capitalised word that starts no name: "The", "However" */
	AF_LC_CONNECTOR = 1u << 9, /* lower-case word inside a name: "of", "for", "bin", "al" */
	AF_LC_SKIPPREFIX = 1u << 10, /* "anti": no entity in "anti-Taliban" */
	AF_LC_SPEECH = 1u << 14,   /* "said", "told": a name before or after it is a person */
	AF_LC_WEEKDAY = 1u << 15,  /* weekday names (arg = 0..6, Monday = 0) */
	AF_LC_RELDAY = 1u << 16,   /* "today", "yesterday" (arg = days from publication) */
	AF_LC_ENDING = 1u << 18    /* a name ending: "ullah" makes Zabihullah a name */
};

/* What a key is in the lexicon. */
struct af_lexhit {
	int ent;       /* entity (index for af_lexicon_entry), -1 if none, -2 if ambiguous */
	unsigned cls;  /* enum af_lexclass bits of the phrase */
	int arg;       /* weekday number, day offset */
	const char *role; /* for AF_LC_LEDBY: the role to give ("leader") */
	int prefix;    /* the key is a proper prefix of a longer key (keep extending) */
	const char *cases; /* case patterns of the aliases, '|'-separated, one char a unit:
	                      'A' all capitals, 'C' capitalised, 'l' any */
};

/* A word of a text split for matching: word tokens are split at inner hyphens, so that
 * "UN-supervised" gives "UN" and "supervised". */
struct af_lexunit {
	size_t tok;          /* token index */
	size_t start, end;   /* bytes */
	size_t cstart, cend; /* code points */
	unsigned flags;      /* AF_UF_* */
	size_t key, fold;    /* offsets of the NUL-terminated keys in af_lexunits.keys */
};

enum af_unit_flag {
	AF_UF_WORD = 1u << 0,    /* letters (a word token or part of one) */
	AF_UF_CAP = 1u << 1,     /* first letter upper case */
	AF_UF_ALLCAPS = 1u << 2, /* upper-case letters only (2 or more letters) */
	AF_UF_HYPHEN = 1u << 3,  /* joined to the unit before by a hyphen */
	AF_UF_NUMBER = 1u << 4,  /* a number token */
	AF_UF_CLITIC = 1u << 5,  /* 's, ’s */
	AF_UF_PUNCT = 1u << 6,   /* punctuation, quote, symbol... */
	AF_UF_QOPEN = 1u << 7,   /* opening quote */
	AF_UF_QCLOSE = 1u << 8,  /* closing quote */
	AF_UF_SENT = 1u << 9,    /* first unit of a sentence */
	AF_UF_PARA = 1u << 10    /* a line break before it */
};

struct af_lexunits {
	struct af_lexunit *v;
	size_t n, cap;
	struct af_buf keys;
	struct af_unitcache *cache; /* the keys of words seen before (lexicon.c) */
};

struct af_lexicon;

struct af_lexicon *af_lexicon_new(void);
void af_lexicon_free(struct af_lexicon *lx);
/* Add the sections of a parsed lexicon file (docs/lexicons.md); later files win.
 * Top-level keys it does not know are left for other readers (months, zones...).
 * 0, or -1 with "file:line:col: problem" in err. */
int af_lexicon_add(struct af_lexicon *lx, const struct af_ynode *root, struct af_error *err);
/* Is k a top-level section af_lexicon_add reads? */
int af_lexicon_knows_key(const char *k);
/* 1 if root has a key af_lexicon_add reads. */
int af_lexicon_knows(const struct af_ynode *root);
/* The section af_lexicon_add reads that key looks like a misspelling of (case, or one or
 * two letters off), or NULL: a top-level key close to a known section is an error. */
const char *af_lexicon_misspelt(const char *key);

/* The units of s[0..n) as tokenized into toks (sentences may be NULL). */
void af_lexunits_make(const char *s, size_t n, const struct af_tokens *toks, const struct af_sentences *ss,
                      struct af_lexunits *out);
void af_lexunits_free(struct af_lexunits *u);
static inline const char *af_lexunit_key(const struct af_lexunits *u, size_t i)
{
	return u->keys.p + u->v[i].key;
}
static inline const char *af_lexunit_fold(const struct af_lexunits *u, size_t i)
{
	return u->keys.p + u->v[i].fold;
}

/* Look up the phrase of units [a, b): exact keys (folded = 0) or transliteration keys
 * (folded = 1). NULL when the phrase is neither a key nor the prefix of one. */
const struct af_lexhit *af_lexicon_find(const struct af_lexicon *lx, const struct af_lexunits *u, size_t a,
                                        size_t b, int folded);
/* 1 if the surface case of units [a, b) fits one of hit's alias patterns. */
int af_lexicon_case_ok(const struct af_lexhit *hit, const struct af_lexunits *u, size_t a, size_t b);
/* The classes of the single word key (0 if none). */
unsigned af_lexicon_word(const struct af_lexicon *lx, const char *key);

const struct af_lexentry *af_lexicon_entry(const struct af_lexicon *lx, int ent);
size_t af_lexicon_size(const struct af_lexicon *lx);

/* The keys of one word: exact (case folded, accents, apostrophes and periods removed)
 * and transliteration (docs/lexicons.md); appended to out with their NUL. */
void af_lex_key(const char *s, size_t n, struct af_buf *out);
void af_lex_fold(const char *key, struct af_buf *out);
/* The code of e on the date ymd (YYYYMMDD; 0: unknown, which takes `code`). */
const char *af_lexentry_code(const struct af_lexentry *e, long ymd);

#endif
