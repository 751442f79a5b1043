/* entities_int.h - af-entities' library, private to lib/: the extractor, the mentions and
 * roles of the text being worked on, and the steps its files share (entities.c: set-up,
 * the steps in order, output; entities_names.c: lexicon names, roles, the tagger's names,
 * capitalised sequences; entities_link.c: roles attached, one entity one name, surnames,
 * dates; entities_results.c: canonical names, ids, codes by date). */
#ifndef AF_ENTITIES_INT_H
#define AF_ENTITIES_INT_H

#include "af/entities.h"
#include "af/dates.h"
#include "af/ner.h"
#include "af/text.h"
#include "lexicon.h"

#include <string.h>

#define NONE ((size_t)-1)
#define MAXPHRASE 16 /* units in the longest lexicon key looked for */

struct af_entities {
	struct af_lexicon *lx;
	struct af_dates *dates;
	struct af_ner_model *ner; /* the statistical tagger, NULL without one */
	struct af_ner_scratch *nscratch;
	struct af_ner_spans nspans;
	/* scratch, reused across texts */
	struct af_tokens toks;
	struct af_sentences sents;
	struct af_lexunits u;
};

/* A mention while the text is worked on. */
struct ment {
	size_t a, b;  /* units [a, b) */
	enum af_etype type;
	int ent;      /* lexicon entity, or -1 */
	int folded;   /* matched by its transliteration key only, not as spelled */
	int tagged;   /* the statistical tagger's name */
	int codeent;  /* lexicon entity whose code it takes without being it ("U.S.-led"), or -1 */
	size_t parent; /* union-find: same entity */
	size_t org;   /* mention of the role's organisation, or NONE */
	const char *orgname; /* or a name */
	size_t rs, re; /* role: bytes of the text (rs == re: none) */
	const char *rolestr; /* or a role word from the lexicon */
	size_t anaphor; /* "the Council": the unit of the head word to look for, else NONE */
	char value[48];
	enum af_date_kind dkind; /* DATE: point, range or deadline */
	size_t ds, de; /* DATE: bytes (dates work on tokens) */
	size_t dcs, dce;
	int dead;
};

/* A title with its modifiers and its "of ..." part. */
struct role {
	size_t a, b;  /* units of the role text */
	size_t next;  /* first unit after it */
	size_t of;    /* the unit after "of [the]" / "for [the]" when no portfolio, else NONE */
};

struct work {
	struct af_entities *x;
	const char *s;
	size_t n;
	const struct af_lexunits *u;
	struct ment *m;
	size_t nm, capm;
	size_t *owner;   /* unit -> mention, NONE, or ROLEUNIT */
	unsigned *cls;   /* unit -> classes of the longest phrase starting there */
	size_t *plen;    /* unit -> length of that phrase */
	const char **prole; /* unit -> role of a led_by phrase */
	struct role *roles;
	size_t nroles, caproles;
	int have_pub;
	struct af_dt pub; /* the publication date, when have_pub */
};

#define ROLEUNIT ((size_t)-2) /* owner[] of a unit inside a role */


/* ---- small helpers ---- */

static inline const char *key(const struct work *w, size_t i)
{
	return af_lexunit_key(w->u, i);
}

static inline unsigned wcls(const struct work *w, size_t i)
{
	if (i >= w->u->n || (w->u->v[i].flags & AF_UF_PUNCT))
		return 0;
	return af_lexicon_word(w->x->lx, key(w, i));
}

static inline unsigned uflags(const struct work *w, size_t i)
{
	return i < w->u->n ? w->u->v[i].flags : 0;
}

static inline int is_word(const struct work *w, size_t i, const char *k)
{
	return i < w->u->n && !(uflags(w, i) & AF_UF_PUNCT) && !strcmp(key(w, i), k);
}

static inline int is_punct(const struct work *w, size_t i, const char *p)
{
	return i < w->u->n && (uflags(w, i) & AF_UF_PUNCT) && !strcmp(key(w, i), p);
}

static inline int is_cap(const struct work *w, size_t i)
{
	unsigned f = uflags(w, i);
	return (f & AF_UF_WORD) && (f & AF_UF_CAP);
}

static inline size_t new_ment(struct work *w, size_t a, size_t b, enum af_etype type, int ent)
{
	if (w->nm == w->capm) {
		w->capm = w->capm ? w->capm * 2 : 64;
		w->m = af_realloc(w->m, w->capm * sizeof *w->m);
	}
	size_t k = w->nm++;
	struct ment *m = &w->m[k];
	memset(m, 0, sizeof *m);
	m->a = a;
	m->b = b;
	m->type = type;
	m->ent = ent;
	m->parent = k;
	m->org = NONE;
	m->anaphor = NONE;
	m->codeent = -1;
	for (size_t i = a; i < b; i++)
		w->owner[i] = k;
	return k;
}

static inline void kill_ment(struct work *w, size_t k)
{
	w->m[k].dead = 1;
	for (size_t i = w->m[k].a; i < w->m[k].b; i++)
		if (w->owner[i] == k)
			w->owner[i] = NONE;
}

static inline struct ment *owner_ment(struct work *w, size_t i)
{
	if (i >= w->u->n || w->owner[i] == NONE || w->owner[i] == ROLEUNIT)
		return NULL;
	return &w->m[w->owner[i]];
}


/* The unit where a name after a title or honorific at i would start. */
static inline size_t skip_honorifics(const struct work *w, size_t i)
{
	while (i < w->u->n && (w->cls[i] & AF_LC_HONORIFIC) && w->owner[i] == NONE) {
		i += w->plen[i];
		if (is_punct(w, i, "."))
			i++;
	}
	return i;
}

/* the steps (entities_names.c) */
void en_find_phrases(struct work *w);
void en_find_lexicon(struct work *w);
void en_find_roles(struct work *w);
void en_find_model(struct work *w);
void en_find_sequences(struct work *w);
void en_find_compounds(struct work *w);
/* Words that stop a name: titles, honorifics, led_by and speech phrases, dates. */
int en_breaker(const struct work *w, size_t i);

/* (entities_link.c) */
void en_attach_roles(struct work *w);
void en_find_surnames(struct work *w);
void en_find_dates(struct work *w);
void en_link_mentions(struct work *w);
/* The union-find root of mention k: its entity. */
size_t en_root(struct work *w, size_t k);

/* (entities_results.c) */
void en_results(struct work *w, struct af_mentions *out);

#endif
