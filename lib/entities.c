/* entities.c - lexicon matching, name rules, roles, within-article canonical names and
 * dates (docs/af-entities.1 describes the method, docs/lexicons.md the data). */
#include "af/entities.h"
#include "af/data.h"
#include "af/dates.h"
#include "af/ner.h"
#include "af/record.h"
#include "af/text.h"
#include "af/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* the compiled-in data this module reads */
AF_DATA_USE(entity_rules_yaml);
AF_DATA_USE(places_yaml);
AF_DATA_USE(orgs_yaml);
AF_DATA_USE(people_yaml);

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

#define ROLEUNIT ((size_t)-2)

/* ---- set-up ---- */

static int add_root(struct af_entities *x, const struct af_ynode *root, int need, struct af_error *err)
{
	if (root->type != AF_Y_MAP)
		return af_yerr(err, root, "a lexicon is a mapping of sections (people:, orgs:, places:, ...)");
	int known = af_lexicon_knows(root);
	int dated = af_ymap_get(root, "months") || af_ymap_get(root, "weekdays") || af_ymap_get(root, "zones") ||
	            af_ymap_get(root, "resolve");
	if (need && !known && !dated && root->n)
		return af_yerr(err, root,
		               "no section af-entities reads (people, orgs, places, groups, misc, titles, ...; "
		               "see docs/lexicons.md)");
	/* a user's file: a misspelt section is refused, not ignored (af(7), LEXICONS); the
	 * sections of the other tools pass, so that one file can serve several tools */
	for (size_t i = 0; need && i + 1 < root->n; i += 2) {
		const char *k = root->kids[i]->str, *near = af_lexicon_misspelt(k);
		if (near)
			return af_yerr(err, root->kids[i], "unknown section '%s' (did you mean '%s'?)", k, near);
	}
	if (known && af_lexicon_add(x->lx, root, err) < 0)
		return -1;
	if (dated && af_dates_merge(x->dates, root, err) < 0)
		return -1;
	return 0;
}

static const char *const default_files[] = {"entity-rules.yaml", "places.yaml", "orgs.yaml", "people.yaml"};

struct af_entities *af_entities_new(struct af_error *err)
{
	struct af_entities *x = af_calloc(1, sizeof *x);
	x->lx = af_lexicon_new();
	if (af_text_init(err) < 0 || !(x->dates = af_dates_new(err))) {
		af_entities_free(x);
		return NULL;
	}
	struct af_error nerr;
	if (!getenv("AF_NO_NER") && af_ner_load(&x->ner, NULL, &nerr) == 0)
		x->nscratch = af_ner_scratch_new();
	else
		x->ner = NULL; /* lexicon and rules only (docs: af-entities(1), MODEL) */
	for (size_t i = 0; i < sizeof default_files / sizeof *default_files; i++) {
		const struct af_datafile *f = af_data_find(default_files[i]);
		if (!f) {
			af_error_set(err, "%s is not compiled in", default_files[i]);
			af_entities_free(x);
			return NULL;
		}
		struct af_ynode *root = af_yaml_parse(f->data, f->len, default_files[i], err);
		int rc = root ? af_lexicon_add(x->lx, root, err) : -1;
		af_yaml_free(root);
		if (rc < 0) {
			af_entities_free(x);
			return NULL;
		}
	}
	return x;
}

int af_entities_load(struct af_entities *x, const char *path, struct af_error *err)
{
	struct af_ynode *root = af_yaml_load(path, err);
	if (!root)
		return -1;
	int rc = add_root(x, root, 1, err);
	af_yaml_free(root);
	return rc;
}

void af_entities_free(struct af_entities *x)
{
	if (!x)
		return;
	af_lexicon_free(x->lx);
	af_dates_free(x->dates);
	af_ner_free(x->ner);
	af_ner_scratch_free(x->nscratch);
	af_ner_spans_free(&x->nspans);
	af_tokens_free(&x->toks);
	af_sentences_free(&x->sents);
	af_lexunits_free(&x->u);
	free(x);
}

/* ---- small helpers ---- */

static const char *key(const struct work *w, size_t i)
{
	return af_lexunit_key(w->u, i);
}

static unsigned wcls(const struct work *w, size_t i)
{
	if (i >= w->u->n || (w->u->v[i].flags & AF_UF_PUNCT))
		return 0;
	return af_lexicon_word(w->x->lx, key(w, i));
}

static unsigned uflags(const struct work *w, size_t i)
{
	return i < w->u->n ? w->u->v[i].flags : 0;
}

static int is_word(const struct work *w, size_t i, const char *k)
{
	return i < w->u->n && !(uflags(w, i) & AF_UF_PUNCT) && !strcmp(key(w, i), k);
}

static int is_punct(const struct work *w, size_t i, const char *p)
{
	return i < w->u->n && (uflags(w, i) & AF_UF_PUNCT) && !strcmp(key(w, i), p);
}

static int is_cap(const struct work *w, size_t i)
{
	unsigned f = uflags(w, i);
	return (f & AF_UF_WORD) && (f & AF_UF_CAP);
}

static size_t new_ment(struct work *w, size_t a, size_t b, enum af_etype type, int ent)
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
	for (size_t i = a; i < b; i++)
		w->owner[i] = k;
	return k;
}

static void kill_ment(struct work *w, size_t k)
{
	w->m[k].dead = 1;
	for (size_t i = w->m[k].a; i < w->m[k].b; i++)
		if (w->owner[i] == k)
			w->owner[i] = NONE;
}

static struct ment *owner_ment(struct work *w, size_t i)
{
	if (i >= w->u->n || w->owner[i] == NONE || w->owner[i] == ROLEUNIT)
		return NULL;
	return &w->m[w->owner[i]];
}

/* ---- 1. phrases and lexicon entities ---- */

static int breaks_phrase(const struct work *w, size_t a, size_t i)
{
	unsigned f = uflags(w, i);
	return (f & (AF_UF_PUNCT | AF_UF_NUMBER)) || (i > a && (f & AF_UF_SENT));
}

static void find_phrases(struct work *w)
{
	const struct af_lexunits *u = w->u;
	for (size_t i = 0; i < u->n; i++) {
		w->cls[i] = 0;
		w->plen[i] = 0;
		w->prole[i] = NULL;
		if (!(u->v[i].flags & (AF_UF_WORD | AF_UF_NUMBER)))
			continue;
		for (size_t b = i + 1; b <= u->n && b - i <= MAXPHRASE; b++) {
			if (breaks_phrase(w, i, b - 1))
				break;
			const struct af_lexhit *h = af_lexicon_find(w->x->lx, u, i, b, 0);
			if (!h)
				break;
			if (h->cls) {
				w->cls[i] = h->cls;
				w->plen[i] = b - i;
				w->prole[i] = h->role;
			}
			if (!h->prefix)
				break;
		}
	}
}

static void find_lexicon(struct work *w)
{
	const struct af_lexunits *u = w->u;
	for (size_t i = 0; i < u->n;) {
		unsigned f = u->v[i].flags;
		if (!(f & AF_UF_WORD) || ((f & AF_UF_HYPHEN) && i > 0 && (wcls(w, i - 1) & AF_LC_SKIPPREFIX))) {
			i++;
			continue;
		}
		size_t best = 0;
		int ent = -1, folded = 0;
		for (size_t b = i + 1; b <= u->n && b - i <= MAXPHRASE; b++) {
			if (breaks_phrase(w, i, b - 1))
				break;
			const struct af_lexhit *he = af_lexicon_find(w->x->lx, u, i, b, 0);
			const struct af_lexhit *hf = af_lexicon_find(w->x->lx, u, i, b, 1);
			if (!he && !hf)
				break;
			if (he && he->ent >= 0 && af_lexicon_case_ok(he, u, i, b)) {
				best = b - i;
				ent = he->ent;
				folded = 0;
			} else if (hf && hf->ent >= 0 && af_lexicon_case_ok(hf, u, i, b) &&
			           (b - i > 1 || strlen(key(w, i)) >= 5)) {
				best = b - i;
				ent = hf->ent;
				folded = 1;
			}
			if (!(he && he->prefix) && !(hf && hf->prefix))
				break;
		}
		/* a longer title or phrase starting here wins ("Supreme Leader" over "Leader") */
		if (best && w->plen[i] <= best) {
			const struct af_lexentry *e = af_lexicon_entry(w->x->lx, ent);
			size_t k = new_ment(w, i, i + best, e->type, ent);
			w->m[k].folded = folded;
			i += best;
		} else {
			i++;
		}
	}
}

/* ---- 2. roles: titles with their modifiers and "of ..." ---- */

static int title_at(const struct work *w, size_t i)
{
	return i < w->u->n && (w->cls[i] & AF_LC_TITLE) && w->owner[i] == NONE;
}

/* A title (after modifiers) starts at i: returns the unit after the title, else 0. */
static size_t title_after_modifiers(const struct work *w, size_t i)
{
	while (i < w->u->n && (w->cls[i] & AF_LC_MODIFIER) && !(w->cls[i] & AF_LC_TITLE) && w->owner[i] == NONE)
		i += w->plen[i];
	return title_at(w, i) ? i + w->plen[i] : 0;
}

static void find_roles(struct work *w)
{
	const struct af_lexunits *u = w->u;
	for (size_t i = 0; i < u->n; i++) {
		if (w->owner[i] != NONE || !(w->cls[i] & (AF_LC_TITLE | AF_LC_MODIFIER)))
			continue;
		size_t end = title_after_modifiers(w, i);
		if (!end)
			continue;
		struct role r = {i, end, end, NONE};
		/* Minister of Higher Education; Governor of Kandahar; spokesman for the Taliban */
		if (is_word(w, end, "of") || is_word(w, end, "for")) {
			size_t k = end + 1;
			if (k < u->n && (w->cls[k] & AF_LC_PORTFOLIO) && w->owner[k] == NONE) {
				r.b = r.next = k + w->plen[k];
			} else {
				if (is_word(w, k, "the"))
					k++;
				r.of = k;
			}
		}
		for (size_t k = r.a; k < r.b; k++)
			w->owner[k] = ROLEUNIT;
		if (w->nroles == w->caproles) {
			w->caproles = w->caproles ? w->caproles * 2 : 16;
			w->roles = af_realloc(w->roles, w->caproles * sizeof *w->roles);
		}
		w->roles[w->nroles++] = r;
		i = r.b - 1;
	}
}

/* The unit where a name after a title or honorific at i would start. */
static size_t skip_honorifics(const struct work *w, size_t i)
{
	while (i < w->u->n && (w->cls[i] & AF_LC_HONORIFIC) && w->owner[i] == NONE) {
		i += w->plen[i];
		if (is_punct(w, i, "."))
			i++;
	}
	return i;
}

/* ---- 3. the tagger's names where the lexicon and the titles left a gap ---- */

static int quoted_title(const struct work *w, size_t a, size_t b);
static int breaker(const struct work *w, size_t i);
static int dateword(const struct work *w, size_t i);

/* May the tagger's name keep the function word at its start? An initial ("A. Stewart",
 * "I. Healy") or a capitalised word inside a sentence ("All Blacks", "The Oval") is part of
 * the name; a lower-case or sentence-initial "the" is not. */
static int keeps_function_word(const struct work *w, size_t i)
{
	const struct af_lexunit *x = &w->u->v[i];
	if (!(x->flags & AF_UF_CAP))
		return 0;
	if (x->end - x->start <= 2 && (is_punct(w, i + 1, ".") || w->s[x->end - 1] == '.'))
		return 1;
	return !(x->flags & (AF_UF_SENT | AF_UF_ALLCAPS));
}

/* May the title or honorific at unit i stand inside the tagger's name [a, b) of type t? In
 * an organisation, place or other name it is a word of the name ("Major League Baseball",
 * "General Motors"); in a person's name only after its first word, where no name follows
 * it ("John Major", "Billie Jean King"). */
static int title_in_name(const struct work *w, size_t a, size_t i, enum af_etype t)
{
	if (t == AF_E_PERSON && i == a)
		return 0;
	return w->owner[i] == ROLEUNIT ||
	       (w->owner[i] == NONE && (w->cls[i] & (AF_LC_TITLE | AF_LC_HONORIFIC | AF_LC_MODIFIER)) &&
	        !(w->cls[i] & (AF_LC_LEDBY | AF_LC_SPEECH)) && !dateword(w, i));
}

/* May the tagger's name [a, b) of type t be taken? Its words must not be breakers (titles
 * only as title_in_name allows) or dates, and what the lexicon found inside it must be
 * shorter names (which it replaces), or one word matched only by its transliteration key
 * (the tagger's "Tom Moody" is not the lexicon's Modi, its organisation "Haitai" not Haiti).
 * *ent: the entry of a lexicon name of type t that ends the span, else -1. */
static int model_span_free(const struct work *w, size_t a, size_t b, enum af_etype t, int *ent)
{
	*ent = -1;
	for (size_t i = a; i < b; i++) {
		size_t k = w->owner[i];
		if ((breaker(w, i) || k == ROLEUNIT) && !title_in_name(w, a, i, t))
			return 0;
		if (k == NONE || k == ROLEUNIT)
			continue;
		const struct ment *m = &w->m[k];
		if (m->folded && m->b - m->a == 1 && (b - a > 1 || m->type != t))
			continue;
		/* a person the lexicon names in full is never part of a longer name: the tagger has
		 * run two names together ("Hossein Amir-Abdollahian Tehran"); a one-word alias may
		 * be a word of another kind of name ("Xi" in the team "Minor Counties XI") */
		int alias = m->type == AF_E_PERSON && m->b - m->a == 1 && t != AF_E_PERSON;
		if (m->ent < 0 || m->type == AF_E_DATE || (m->type == AF_E_PERSON && !alias) || m->a < a || m->b > b ||
		    m->b - m->a == b - a)
			return 0;
		if (m->b == b && m->type == t)
			*ent = m->ent;
	}
	return 1;
}

/* Drops the roles found over units [a, b) (the tagger's name holds them). */
static void drop_roles(struct work *w, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t r = 0; r < w->nroles; r++)
		if (w->roles[r].b <= a || w->roles[r].a >= b)
			w->roles[n++] = w->roles[r];
	w->nroles = n;
}

/* Does the tagger's span [a, b) end in a ")" whose "(" it holds ("Mladost ( BJ )")? */
static int closes_paren(const struct work *w, size_t a, size_t b)
{
	if (!is_punct(w, b - 1, ")"))
		return 0;
	for (size_t i = a; i + 1 < b; i++)
		if (is_punct(w, i, "("))
			return 1;
	return 0;
}

/* May the tagger's span start with the lower-case unit a? A particle of a name ("de Silva",
 * "al-Aqsa") or, in an adjective or other MISC name, a prefix joined to a capitalised word
 * ("ex-England", "pre-Castro"). */
static int lower_start_ok(const struct work *w, size_t a, size_t b, enum af_etype t)
{
	if (a + 1 >= b || !(uflags(w, a + 1) & AF_UF_CAP) || (uflags(w, a) & AF_UF_SENT))
		return 0;
	if (wcls(w, a) & AF_LC_CONNECTOR)
		return 1;
	return t == AF_E_MISC && (uflags(w, a + 1) & AF_UF_HYPHEN);
}

static void find_model(struct work *w)
{
	struct af_entities *x = w->x;
	struct af_error err;
	if (!x->ner || af_ner_tag_text(x->ner, x->nscratch, w->s, w->n, &x->toks, &x->sents, &x->nspans, &err) < 0)
		return;
	const struct af_lexunits *u = w->u;
	size_t ui = 0;
	for (size_t k = 0; k < x->nspans.n; k++) {
		const struct af_ner_span *sp = &x->nspans.v[k];
		while (ui < u->n && u->v[ui].tok < sp->start)
			ui++;
		size_t a = ui, b = ui;
		while (b < u->n && u->v[b].tok < sp->end)
			b++;
		enum af_etype t = sp->type == AF_NER_PER   ? AF_E_PERSON
		                  : sp->type == AF_NER_ORG ? AF_E_ORG
		                  : sp->type == AF_NER_LOC ? AF_E_LOC
		                                           : AF_E_MISC;
		/* no possessive or punctuation at the end (but a closing bracket whose opening one
		 * is inside); no hyphenated lower-case word in an organisation or place ("Imran
		 * Khan-led", which the tagger calls a place), but in a MISC name, the tagger's type
		 * for compound adjectives ("Ohio-based", "U.S.-led"), and in a person's name ("Ban
		 * Ki-moon", "Kim Jong-il": on 3,000 Tehran Times articles every person span of the
		 * tagger ending so is a name); no leading "the" */
		while (b > a && (((u->v[b - 1].flags & (AF_UF_CLITIC | AF_UF_PUNCT)) && !closes_paren(w, a, b)) ||
		                 (b - 1 > a && (t == AF_E_ORG || t == AF_E_LOC) && (u->v[b - 1].flags & AF_UF_HYPHEN) &&
		                  !(u->v[b - 1].flags & AF_UF_CAP))))
			b--;
		while (a < b && ((u->v[a].flags & AF_UF_PUNCT) || (wcls(w, a) & AF_LC_FUNCTION)) &&
		       !keeps_function_word(w, a))
			a++;
		if (a >= b)
			continue;
		int ent = -1;
		if (!model_span_free(w, a, b, t, &ent))
			continue;
		if (t != AF_E_PERSON && quoted_title(w, a, b))
			continue;
		if (!(u->v[a].flags & AF_UF_CAP) && !lower_start_ok(w, a, b, t))
			continue;
		/* the lexicon names inside a longer name give way to it ("American" in "American
		 * League", "Kabul" in "Kabul University"); a head name of the same type lends
		 * its entry ("Afghan Taliban" keeps the Taliban's code), and so does the name a
		 * compound adjective is made of ("U.S.-led" keeps the code of the United States) */
		const struct ment *head = owner_ment(w, a);
		if (ent < 0 && t == AF_E_MISC && head && head->a == a && head->b + 1 == b && head->ent >= 0 &&
		    (uflags(w, b - 1) & AF_UF_HYPHEN) && !(uflags(w, b - 1) & AF_UF_CAP))
			ent = head->ent;
		for (size_t i = a; i < b; i++)
			if (w->owner[i] != NONE && w->owner[i] != ROLEUNIT)
				kill_ment(w, w->owner[i]);
		drop_roles(w, a, b);
		size_t m = new_ment(w, a, b, t, ent);
		w->m[m].tagged = 1;
		if (b - a == 1 && a > 0 && is_word(w, a - 1, "the") && (wcls(w, a) & AF_LC_ORGHEAD)) {
			w->m[m].type = AF_E_ORG;
			w->m[m].anaphor = a; /* "the Council": resolved with the others */
		}
	}
}

/* ---- 4. capitalised sequences: names the lexicon does not know ---- */

static int dateword(const struct work *w, size_t i)
{
	const struct af_lexunit *x = &w->u->v[i];
	if (w->cls[i] & (AF_LC_WEEKDAY | AF_LC_RELDAY))
		return 1;
	return af_dates_month(w->x->dates, w->s + x->start, x->end - x->start) > 0 && x->end - x->start > 3;
}

/* Words that stop a name: titles, honorifics, led_by and speech phrases, dates. */
static int breaker(const struct work *w, size_t i)
{
	if (w->owner[i] == ROLEUNIT)
		return 1;
	if (w->owner[i] != NONE)
		return 0;
	if (w->cls[i] & (AF_LC_TITLE | AF_LC_HONORIFIC | AF_LC_LEDBY | AF_LC_SPEECH))
		return 1;
	if ((w->cls[i] & AF_LC_MODIFIER) && title_after_modifiers(w, i))
		return 1;
	return dateword(w, i);
}

static int name_like(const struct work *w, size_t i)
{
	unsigned c = wcls(w, i);
	if (c & AF_LC_GIVEN)
		return 1;
	/* Zabihullah, Sirajuddin, Karzai: an ending listed in name_endings */
	const char *k = key(w, i);
	size_t n = strlen(k);
	for (size_t cut = 3; cut + 2 <= n; cut++)
		if (af_lexicon_word(w->x->lx, k + cut) & AF_LC_ENDING)
			return 1;
	return 0;
}

/* The unit before i, skipping honorifics; what stands there. */
static int after_title(const struct work *w, size_t i)
{
	size_t k = i;
	if (k > 0 && is_punct(w, k - 1, ","))
		k--;
	for (size_t r = 0; r < w->nroles; r++)
		if (skip_honorifics(w, w->roles[r].next) == i || (w->roles[r].next == k && k != i))
			return 1;
	/* an honorific right before: Mullah Omar, Mr. X */
	for (size_t j = i; j > 0 && j + 4 > i; j--)
		if ((w->cls[j - 1] & AF_LC_HONORIFIC) && w->owner[j - 1] == NONE && skip_honorifics(w, j - 1) == i)
			return 1;
	return 0;
}

static int ledby_before(const struct work *w, size_t i)
{
	for (size_t j = i; j > 0 && j + MAXPHRASE > i; j--)
		if ((w->cls[j - 1] & AF_LC_LEDBY) && j - 1 + w->plen[j - 1] == i)
			return 1;
	return 0;
}

static int speech_near(const struct work *w, size_t a, size_t b)
{
	if (a > 0 && (w->cls[a - 1] & AF_LC_SPEECH))
		return 1;
	size_t k = b;
	if (is_punct(w, k, ","))
		k++;
	if (k < w->u->n && ((w->cls[k] & AF_LC_SPEECH) || is_word(w, k, "who")))
		return 1;
	return 0;
}

/* A title-like word before a role comma: "X, a spokesman for ..." */
static int apposition_title(const struct work *w, size_t b)
{
	if (!is_punct(w, b, ","))
		return 0;
	size_t k = b + 1;
	if (is_word(w, k, "a") || is_word(w, k, "an") || is_word(w, k, "the"))
		k++;
	for (size_t r = 0; r < w->nroles; r++)
		if (w->roles[r].a >= k && w->roles[r].a <= k + 4)
			return 1;
	return 0;
}

static void classify_run(struct work *w, size_t p, size_t q, int seq_start)
{
	while (p < q && (wcls(w, p) & AF_LC_FUNCTION) && !name_like(w, p))
		p++;
	while (q > p && (wcls(w, q - 1) & AF_LC_CONNECTOR))
		q--;
	if (p >= q)
		return;
	size_t n = q - p;
	int given = 0;
	for (size_t i = p; i < q; i++) {
		if (wcls(w, i) & (AF_LC_ORGHEAD | AF_LC_PLACEHEAD | AF_LC_FUNCTION))
			return; /* "the General Assembly" is nobody */
		if (name_like(w, i))
			given++;
	}
	int person = 0;
	if (given && n >= 2 && n <= 5)
		person = 1;
	else if ((after_title(w, p) || ledby_before(w, p)) && n <= 4)
		person = 1;
	else if (n >= 2 && n <= 4 && (speech_near(w, p, q) || apposition_title(w, q)))
		person = 1;
	(void)seq_start;
	if (!person)
		return;
	/* a lexicon person right after: the same name written longer (Mohammad Hanif Atmar) */
	struct ment *nx = owner_ment(w, q);
	if (nx && nx->a == q && nx->type == AF_E_PERSON && n <= 2) {
		for (size_t i = p; i < q; i++)
			w->owner[i] = w->owner[q];
		/* a lexicon surname after other names: someone else of that name (Karim Nazari is
		 * not the lexicon's Nazary) */
		if (nx->b - nx->a == 1)
			nx->ent = -1;
		nx->a = p;
		return;
	}
	new_ment(w, p, q, AF_E_PERSON, -1);
}

static int quoted_title(const struct work *w, size_t a, size_t b)
{
	if (a == 0 || !(uflags(w, a - 1) & (AF_UF_QOPEN)))
		return 0;
	if (uflags(w, b) & AF_UF_QCLOSE)
		return 1;
	return (is_punct(w, b, ",") || is_punct(w, b, ".")) && (uflags(w, b + 1) & AF_UF_QCLOSE);
}

static void classify(struct work *w, size_t a, size_t b)
{
	while (a < b && w->owner[a] == NONE && (wcls(w, a) & AF_LC_FUNCTION) && !name_like(w, a))
		a++;
	if (a >= b)
		return;
	/* in capitals ("MITCHELL DEFEATS BAILEY", "PRESS DIGEST") capitals say nothing: only the
	 * tagger and the lexicon name things there */
	size_t caps = 0;
	for (size_t i = a; i < b; i++)
		caps += (uflags(w, i) & AF_UF_ALLCAPS) != 0;
	if (caps == b - a)
		return;
	if (quoted_title(w, a, b))
		return; /* “National Consensus of Afghan Political Parties”: a title, not an organisation */
	int orghead = 0, owned = 0, tagged = 0; /* tagged: a name of the tagger is inside */
	size_t last_owner = NONE;
	for (size_t i = a; i < b; i++) {
		if (w->owner[i] == NONE) {
			if (wcls(w, i) & AF_LC_ORGHEAD)
				orghead = 1;
		} else if (w->owner[i] != last_owner) {
			owned++;
			last_owner = w->owner[i];
			if (last_owner != ROLEUNIT && w->m[last_owner].tagged)
				tagged = 1;
		}
	}
	struct ment *only = owned == 1 ? owner_ment(w, a) : NULL;
	if (only && only->a == a && only->b == b)
		return; /* just a lexicon name */
	if (orghead && b - a >= 2 && !tagged) {
		for (size_t i = a; i < b; i++)
			if (w->owner[i] != NONE && w->owner[i] != ROLEUNIT && !w->m[w->owner[i]].dead)
				kill_ment(w, w->owner[i]);
		new_ment(w, a, b, AF_E_ORG, -1);
		return;
	}
	if (orghead && b - a == 1 && a > 0 && is_word(w, a - 1, "the")) {
		size_t k = new_ment(w, a, b, AF_E_ORG, -1);
		w->m[k].anaphor = a; /* resolved when every organisation is known */
		return;
	}
	unsigned lastc = wcls(w, b - 1), nextc = wcls(w, b);
	if (((lastc & AF_LC_PLACEHEAD) && b - a >= 2) ||
	    ((nextc & AF_LC_PLACEHEAD) && !(uflags(w, b) & AF_UF_CAP) && !owned)) {
		int ent = -1;
		if (owned == 1 && only && only->type == AF_E_LOC) {
			ent = only->ent;
			kill_ment(w, w->owner[a]);
		} else if (owned) {
			goto runs;
		}
		new_ment(w, a, b, AF_E_LOC, ent);
		return;
	}
runs:
	/* the stretches the lexicon did not name, each on its own */
	for (size_t i = a; i < b;) {
		if (w->owner[i] != NONE) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < b && w->owner[j] == NONE)
			j++;
		classify_run(w, i, j, i == a);
		i = j;
	}
}

static int seq_unit(const struct work *w, size_t i, size_t a)
{
	unsigned f = uflags(w, i);
	if (i > a && (f & AF_UF_SENT))
		return 0;
	if (w->owner[i] != NONE && w->owner[i] != ROLEUNIT)
		return (f & AF_UF_CAP) || i > a; /* a lexicon name (its first word capitalised) */
	return (f & AF_UF_WORD) && (f & AF_UF_CAP) && !breaker(w, i);
}

static void find_sequences(struct work *w)
{
	const struct af_lexunits *u = w->u;
	for (size_t i = 0; i < u->n;) {
		if (!seq_unit(w, i, i) || (w->owner[i] != NONE && !(uflags(w, i) & AF_UF_CAP))) {
			i++;
			continue;
		}
		size_t j = i;
		for (;;) {
			if (j < u->n && w->owner[j] != NONE && w->owner[j] != ROLEUNIT && j > i &&
			    (uflags(w, j) & AF_UF_SENT))
				break;
			if (j < u->n && w->owner[j] != NONE && w->owner[j] != ROLEUNIT) {
				j = w->m[w->owner[j]].b;
				continue;
			}
			if (j < u->n && seq_unit(w, j, i)) {
				j++;
				continue;
			}
			/* of, for, and, bin ... between two capitalised words */
			if (j > i && j + 1 < u->n && (wcls(w, j) & AF_LC_CONNECTOR) && !(uflags(w, j) & AF_UF_SENT) &&
			    seq_unit(w, j + 1, i)) {
				j++;
				continue;
			}
			break;
		}
		if (j == i) {
			i++;
			continue;
		}
		classify(w, i, j);
		i = j;
	}
}

/* ---- 5. attach roles ---- */

static size_t ment_ending_at(const struct work *w, size_t b)
{
	if (b == 0)
		return NONE;
	size_t k = w->owner[b - 1];
	if (k == NONE || k == ROLEUNIT || w->m[k].b != b || w->m[k].dead)
		return NONE;
	return k;
}

static size_t ment_starting_at(const struct work *w, size_t a)
{
	if (a >= w->u->n)
		return NONE;
	size_t k = w->owner[a];
	if (k == NONE || k == ROLEUNIT || w->m[k].a != a || w->m[k].dead)
		return NONE;
	return k;
}

/* The organisation (or country) right before unit a: "Taliban Foreign Minister",
 * "Iran's foreign minister". */
static size_t org_before(const struct work *w, size_t a)
{
	size_t k = a;
	if (k > 0 && (uflags(w, k - 1) & AF_UF_CLITIC))
		k--;
	size_t o = ment_ending_at(w, k);
	if (o == NONE)
		return NONE;
	enum af_etype t = w->m[o].type;
	return t == AF_E_ORG || t == AF_E_LOC || t == AF_E_NORP ? o : NONE;
}

static void give_role(struct work *w, size_t p, const struct role *r, size_t org)
{
	struct ment *m = &w->m[p];
	if (m->rs != m->re || m->rolestr)
		return;
	m->rs = w->u->v[r->a].start;
	m->re = w->u->v[r->b - 1].end;
	m->org = org;
}

static void attach_roles(struct work *w)
{
	for (size_t i = 0; i < w->nroles; i++) {
		const struct role *r = &w->roles[i];
		size_t org = org_before(w, r->a), next = r->next;
		size_t of = r->of != NONE ? ment_starting_at(w, r->of) : NONE;
		if (of != NONE && (w->m[of].type == AF_E_ORG || w->m[of].type == AF_E_LOC)) {
			org = of; /* spokesman for the Taliban */
			next = w->m[of].b;
			/* "... for the Taliban administration, Zabihullah Mujahid" */
			size_t j = next;
			while (j < next + 2 && (uflags(w, j) & AF_UF_WORD) && !(uflags(w, j) & AF_UF_CAP) &&
			       !(wcls(w, j) & (AF_LC_FUNCTION | AF_LC_SPEECH)) && w->owner[j] == NONE)
				j++;
			if (j > next && is_punct(w, j, ","))
				next = j;
		}
		size_t k = skip_honorifics(w, next);
		if (is_punct(w, k, ","))
			k = skip_honorifics(w, k + 1);
		size_t p = ment_starting_at(w, k);
		if (p != NONE && w->m[p].type == AF_E_PERSON) {
			give_role(w, p, r, org);
			continue;
		}
		/* after the name: "Abdullah Qarluq, a spokesman for the council" */
		size_t b = r->a;
		size_t ob = org_before(w, b);
		if (ob != NONE) {
			if (org == NONE)
				org = ob;
			b = w->m[ob].a;
		}
		if (b > 0 && (is_word(w, b - 1, "a") || is_word(w, b - 1, "an") || is_word(w, b - 1, "the")))
			b--;
		if (b > 0 && is_punct(w, b - 1, ",")) {
			p = ment_ending_at(w, b - 1);
			if (p != NONE && w->m[p].type == AF_E_PERSON)
				give_role(w, p, r, org);
		}
	}
	/* "the Afghanistan National Movement for Peace and Justice, led by Hanif Atmar" */
	for (size_t i = 0; i < w->u->n; i++) {
		if (!(w->cls[i] & AF_LC_LEDBY) || w->owner[i] != NONE)
			continue;
		size_t k = i;
		if (k > 0 && is_punct(w, k - 1, ","))
			k--;
		size_t org = ment_ending_at(w, k);
		if (org != NONE && w->m[org].type != AF_E_ORG)
			org = NONE;
		size_t j = i + w->plen[i];
		for (;;) {
			size_t p = ment_starting_at(w, skip_honorifics(w, j));
			if (p == NONE || w->m[p].type != AF_E_PERSON)
				break;
			struct ment *m = &w->m[p];
			if (m->rs == m->re && !m->rolestr) {
				m->rolestr = w->prole[i];
				m->org = org;
			}
			j = m->b;
			if (is_punct(w, j, ","))
				j++;
			if (is_word(w, j, "and"))
				j++;
		}
		i += w->plen[i] - 1;
	}
}

/* ---- 6. one entity, one canonical name ---- */

static size_t root(struct work *w, size_t k)
{
	while (w->m[k].parent != k) {
		w->m[k].parent = w->m[w->m[k].parent].parent;
		k = w->m[k].parent;
	}
	return k;
}

static void join(struct work *w, size_t a, size_t b)
{
	a = root(w, a);
	b = root(w, b);
	if (a != b)
		w->m[a > b ? a : b].parent = a < b ? a : b;
}

static int same_units(const struct work *w, size_t a, size_t b, size_t c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(af_lexunit_fold(w->u, a + i), af_lexunit_fold(w->u, c + i)) != 0)
			return 0;
	(void)b;
	return 1;
}

static int by_start(const void *pa, const void *pb)
{
	const struct ment *a = pa, *b = pb;
	return a->a < b->a ? -1 : a->a > b->a ? 1 : 0;
}

/* A mention's identity key: its lexicon entity, else its type and words (folded). */
struct keyed {
	const char *k;
	size_t m;
};

static int by_key(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->k, b->k);
	return c ? c : a->m < b->m ? -1 : a->m > b->m;
}

/* Sorted (key, mention) pairs; the keys live in buf. */
static struct keyed *sort_keys(struct work *w, struct af_buf *buf, int surnames, size_t *np)
{
	size_t *off = af_malloc((w->nm ? w->nm : 1) * sizeof *off), n = 0;
	size_t *idx = af_malloc((w->nm ? w->nm : 1) * sizeof *idx);
	af_buf_reset(buf);
	for (size_t i = 0; i < w->nm; i++) {
		const struct ment *m = &w->m[i];
		if (m->dead || m->type == AF_E_DATE)
			continue;
		if (surnames && (m->type != AF_E_PERSON || m->b - m->a < 2))
			continue;
		off[n] = buf->len;
		idx[n++] = i;
		if (surnames) {
			af_buf_adds(buf, af_lexunit_fold(w->u, m->b - 1));
		} else if (m->ent >= 0) {
			af_buf_printf(buf, "E%d", m->ent);
		} else {
			af_buf_printf(buf, "T%d", (int)m->type);
			for (size_t u = m->a; u < m->b; u++) {
				af_buf_addc(buf, ' ');
				af_buf_adds(buf, af_lexunit_fold(w->u, u));
			}
		}
		af_buf_add(buf, "", 1);
	}
	struct keyed *v = af_malloc((n ? n : 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct keyed){buf->p + off[i], idx[i]};
	qsort(v, n, sizeof *v, by_key);
	free(off);
	free(idx);
	*np = n;
	return v;
}

/* First pair whose key is k (or n). */
static size_t key_lower(const struct keyed *v, size_t n, const char *k)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].k, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Single capitalised words that repeat the surname of a person named in the text. */
static void find_surnames(struct work *w)
{
	const struct af_lexunits *u = w->u;
	struct af_buf buf = {0};
	size_t n;
	struct keyed *v = sort_keys(w, &buf, 1, &n);
	for (size_t i = 0; i < u->n && n; i++) {
		/* a one-word place of the lexicon that is the surname of a person named in full
		 * in the article is that person ("Neil Jordan ... Jordan said") */
		const struct ment *lm = owner_ment(w, i);
		if (lm && lm->ent >= 0 && lm->type == AF_E_LOC && lm->b - lm->a == 1 && is_cap(w, i) &&
		    !(uflags(w, i) & AF_UF_ALLCAPS) && !is_cap(w, i + 1)) {
			const char *fk = af_lexunit_fold(u, i);
			for (size_t k = key_lower(v, n, fk); k < n && !strcmp(v[k].k, fk); k++)
				if (!strcmp(key(w, w->m[v[k].m].b - 1), key(w, i))) { /* spelt the same */
					kill_ment(w, w->owner[i]);
					new_ment(w, i, i + 1, AF_E_PERSON, -1);
					break;
				}
			continue;
		}
		if (w->owner[i] != NONE || !is_cap(w, i) || (wcls(w, i) & (AF_LC_FUNCTION | AF_LC_ORGHEAD)) ||
		    breaker(w, i) || (uflags(w, i) & AF_UF_ALLCAPS))
			continue;
		if (is_cap(w, i + 1) || (i > 0 && is_cap(w, i - 1) && !(uflags(w, i) & AF_UF_SENT)))
			continue; /* part of a longer name */
		size_t k = key_lower(v, n, af_lexunit_fold(u, i));
		if (k < n && !strcmp(v[k].k, af_lexunit_fold(u, i)))
			new_ment(w, i, i + 1, AF_E_PERSON, -1);
	}
	free(v);
	af_buf_free(&buf);
}

/* Is short person mention i the surname (last words) of the longer person mention j? */
static int surname_of(const struct work *w, size_t i, size_t j)
{
	const struct ment *m = &w->m[i], *o = &w->m[j];
	size_t len = m->b - m->a;
	if (i == j || o->b - o->a <= len)
		return 0;
	if (m->ent >= 0 && o->ent >= 0 && m->ent != o->ent)
		return 0; /* two people the lexicon tells apart */
	return same_units(w, m->a, m->b, o->b - len, len);
}

static void link_mentions(struct work *w)
{
	struct af_buf buf = {0};
	size_t n;
	/* same lexicon entity, or the same words for a name the lexicon does not know */
	struct keyed *v = sort_keys(w, &buf, 0, &n);
	for (size_t i = 1; i < n; i++)
		if (!strcmp(v[i].k, v[i - 1].k))
			join(w, v[i].m, v[i - 1].m);
	free(v);
	/* short person names: the nearest earlier (else later) full name ending in the same words */
	v = sort_keys(w, &buf, 1, &n);
	for (size_t i = 0; i < w->nm && n; i++) {
		struct ment *m = &w->m[i];
		size_t len = m->b - m->a;
		if (m->dead || m->type != AF_E_PERSON || len > 2)
			continue;
		const char *last = af_lexunit_fold(w->u, m->b - 1);
		size_t lo = key_lower(v, n, last), hi = lo;
		while (hi < n && !strcmp(v[hi].k, last))
			hi++;
		/* the pairs of a key are in text order: start where mention i would be */
		size_t at = lo, top = hi;
		while (at < top) {
			size_t mid = at + (top - at) / 2;
			if (v[mid].m < i)
				at = mid + 1;
			else
				top = mid;
		}
		size_t before = NONE, after = NONE;
		for (size_t k = at, tries = 0; k-- > lo && before == NONE && tries < 64; tries++)
			if (surname_of(w, i, v[k].m))
				before = v[k].m;
		for (size_t k = at, tries = 0; before == NONE && k < hi && after == NONE && tries < 64; k++, tries++)
			if (surname_of(w, i, v[k].m))
				after = v[k].m;
		size_t best = before != NONE ? before : after;
		if (best != NONE)
			join(w, i, best);
	}
	free(v);
	af_buf_free(&buf);
	/* "the Council": the nearest earlier organisation with that word in its name */
	for (size_t i = 0; i < w->nm; i++) {
		struct ment *m = &w->m[i];
		if (m->dead || m->anaphor == NONE)
			continue;
		size_t best = NONE;
		for (size_t j = i; j-- > 0 && best == NONE && j + 2000 > i;) {
			struct ment *o = &w->m[j];
			if (o->dead || o->type != AF_E_ORG || o->anaphor != NONE)
				continue;
			for (size_t k = o->a; k < o->b; k++)
				if (!strcmp(key(w, k), key(w, m->anaphor)))
					best = j;
		}
		if (best != NONE)
			join(w, i, best);
		else
			m->dead = 1; /* "the Council" of nothing named: leave it */
	}
}

/* ---- 7. dates ---- */

/* A DATE mention over units [a, b), unless another mention holds one of them. */
static size_t date_ment(struct work *w, size_t a, size_t b, const struct af_datex *e)
{
	for (size_t i = a; i < b; i++)
		if (w->owner[i] != NONE)
			return NONE;
	size_t k = new_ment(w, a, b, AF_E_DATE, -1);
	if (e->resolved)
		snprintf(w->m[k].value, sizeof w->m[k].value, "%s", e->value);
	w->m[k].dkind = e->kind;
	return k;
}

/* The date resolver (lib/dateres.c) over each sentence; its expressions become mentions
 * over the units they cover. */
static void find_dates(struct work *w)
{
	const struct af_lexunits *u = w->u;
	const struct af_sentences *ss = &w->x->sents;
	struct af_datex ex[64];
	size_t ui = 0;
	for (size_t si = 0; si < ss->n; si++) {
		size_t from = ss->v[si].start, to = ss->v[si].end;
		while (from < to) {
			size_t n = af_dates_find(w->x->dates, w->s, from, to, w->have_pub ? &w->pub : NULL, ex, 64);
			for (size_t k = 0; k < n; k++) {
				while (ui < u->n && u->v[ui].end <= ex[k].start)
					ui++;
				size_t uj = ui;
				while (uj < u->n && u->v[uj].start < ex[k].end)
					uj++;
				if (uj > ui)
					date_ment(w, ui, uj, &ex[k]);
			}
			from = n == 64 ? ex[63].end : to;
		}
	}
}

/* ---- 8. results ---- */

static size_t stash(struct af_buf *b, const char *s, size_t n)
{
	size_t at = b->len;
	af_buf_add(b, s, n);
	af_buf_add(b, "", 1);
	return at;
}

struct ref {
	size_t canonical, id, code, value, role, org; /* offsets in strs, NONE when absent */
};

/* The words of a lexicon name, lower-cased (and transliteration keys if fold), joined by
 * '-' and appended to b (no terminator). */
static void name_words(const char *name, int fold, struct af_buf *b)
{
	size_t start = b->len;
	struct af_buf k = {0};
	for (const char *p = name; *p;) {
		size_t n = 0;
		while (p[n] && !strchr(" -.'", p[n]))
			n++;
		if (n) {
			af_buf_reset(&k);
			for (size_t i = 0; i < n; i++)
				af_buf_addc(&k, (char)tolower((unsigned char)p[i]));
			af_buf_addc(&k, 0);
			if (b->len > start)
				af_buf_addc(b, '-');
			if (fold) {
				size_t at = b->len;
				af_lex_fold(k.p, b);
				b->len = at + strlen(b->p + at); /* without its terminator */
			} else {
				af_buf_adds(b, k.p);
			}
		}
		p += n;
		while (*p && strchr(" -.'", *p))
			p++;
	}
	af_buf_free(&k);
}

/* The transliteration keys of the words of units [a, b), joined by '-', appended to b. */
static void unit_words(const struct work *w, size_t a, size_t b, struct af_buf *out)
{
	size_t start = out->len;
	for (size_t i = a; i < b; i++) {
		if (!(w->u->v[i].flags & AF_UF_WORD))
			continue;
		if (out->len > start)
			af_buf_addc(out, '-');
		af_buf_adds(out, af_lexunit_fold(w->u, i));
	}
}

/* Is the name in units [a, b) the lexicon's name of e spelt another way ("Zabiullah
 * Mujahid" for "Zabihullah Mujahid")? Then the lexicon's spelling is the canonical one. */
static int spells_entry(const struct work *w, const struct af_lexentry *e, size_t a, size_t b)
{
	struct af_buf x = {0}, y = {0};
	unit_words(w, a, b, &x);
	name_words(e->name, 1, &y);
	int same = x.len == y.len && (x.len == 0 || !memcmp(x.p, y.p, x.len));
	af_buf_free(&x);
	af_buf_free(&y);
	return same;
}

/* The stable identity of an entity, the same in every article and run: its type and, for a
 * lexicon entry, the words of the entry's name ("person:amir-khan-muttaqi", "loc:united-states"),
 * else, for a person, the transliteration keys of the fullest name's words (docs/lexicons.md),
 * so that "Zabiullah Mujahid" and "Zabihullah Mujahid" are one ("person:zabaula-mujahad"), and
 * for others the fullest name's words. Appended to b; returns its offset. */
static size_t entity_id(const struct work *w, struct af_buf *b, enum af_etype type,
                        const struct af_lexentry *e, const struct ment *c)
{
	size_t at = b->len;
	for (const char *t = af_etype_name(type); *t; t++)
		af_buf_addc(b, (char)tolower((unsigned char)*t));
	af_buf_addc(b, ':');
	if (e) {
		name_words(e->name, 0, b);
	} else if (type == AF_E_PERSON) {
		unit_words(w, c->a, c->b, b);
	} else { /* transliteration keys are for personal names: "kabul-traders-union" */
		struct af_buf t = {0};
		af_buf_add(&t, w->s + w->u->v[c->a].start, w->u->v[c->b - 1].end - w->u->v[c->a].start);
		af_buf_addc(&t, 0);
		name_words(t.p, 0, b);
		af_buf_free(&t);
	}
	af_buf_add(b, "", 1);
	return at;
}

static void parse_published(struct work *w, const char *pub)
{
	const char *why;
	w->have_pub = pub && af_dt_parse(pub, &w->pub, &why) == 0 && w->pub.mo && w->pub.d;
}

/* "2021-08-15" 20210815, "2021-08" 20210815 (mid-month), "2021" 20210701 (mid-year); 0 else. */
static long value_ymd(const char *v)
{
	int y, m = 0, d = 0, len = 0;
	size_t n = strlen(v);
	if (n == 10 && sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &len) == 3 && len == 10 && m >= 1 && m <= 12)
		return (long)y * 10000 + m * 100 + d;
	if (n == 7 && sscanf(v, "%4d-%2d%n", &y, &m, &len) == 2 && len == 7 && m >= 1 && m <= 12)
		return (long)y * 10000 + m * 100 + 15;
	if (n == 4 && sscanf(v, "%4d%n", &y, &len) == 1 && len == 4)
		return (long)y * 10000 + 701;
	return 0;
}

/* The date each sentence speaks of, for codes that change with time: the first resolved
 * date in the sentence, else the publication date, else 0. Indexed by unit. */
static long *unit_dates(const struct work *w)
{
	const struct af_lexunits *u = w->u;
	long pub = w->have_pub ? (long)w->pub.y * 10000 + w->pub.mo * 100 + w->pub.d : 0;
	long *ud = af_malloc((u->n ? u->n : 1) * sizeof *ud);
	size_t *sent = af_malloc((u->n ? u->n : 1) * sizeof *sent), ns = 0;
	for (size_t i = 0; i < u->n; i++) {
		if (i > 0 && (u->v[i].flags & AF_UF_SENT))
			ns++;
		sent[i] = ns;
	}
	long *sd = af_malloc((ns + 1) * sizeof *sd);
	for (size_t k = 0; k <= ns; k++)
		sd[k] = 0;
	for (size_t i = 0; i < w->nm; i++) {
		const struct ment *m = &w->m[i];
		if (m->dead || m->type != AF_E_DATE || m->dkind != AF_DATE_POINT || m->a >= u->n || sd[sent[m->a]])
			continue;
		sd[sent[m->a]] = value_ymd(m->value);
	}
	for (size_t i = 0; i < u->n; i++)
		ud[i] = sd[sent[i]] ? sd[sent[i]] : pub;
	free(sd);
	free(sent);
	return ud;
}

static void results(struct work *w, struct af_mentions *out)
{
	const struct af_lexunits *u = w->u;
	out->n = 0;
	af_buf_reset(&out->strs);
	/* canonical: the longest name of each entity */
	size_t *best = af_malloc((w->nm ? w->nm : 1) * sizeof *best);
	for (size_t i = 0; i < w->nm; i++)
		best[i] = NONE;
	for (size_t i = 0; i < w->nm; i++) {
		struct ment *m = &w->m[i];
		if (m->dead)
			continue;
		size_t r = root(w, i);
		size_t len = u->v[m->b - 1].cend - u->v[m->a].cstart;
		if (best[r] == NONE) {
			best[r] = i;
		} else {
			const struct ment *o = &w->m[best[r]];
			size_t ol = u->v[o->b - 1].cend - u->v[o->a].cstart;
			int caps = (u->v[m->a].flags & AF_UF_ALLCAPS) != 0, ocaps = (u->v[o->a].flags & AF_UF_ALLCAPS) != 0;
			if (len > ol || (len == ol && ocaps && !caps))
				best[r] = i;
		}
	}
	int *rootent = af_malloc((w->nm ? w->nm : 1) * sizeof *rootent);
	for (size_t i = 0; i < w->nm; i++)
		rootent[i] = -1;
	for (size_t i = 0; i < w->nm; i++)
		if (!w->m[i].dead && w->m[i].ent >= 0 && rootent[root(w, i)] < 0)
			rootent[root(w, i)] = w->m[i].ent;
	struct ref *refs = af_malloc((w->nm ? w->nm : 1) * sizeof *refs);
	long *udate = unit_dates(w);
	for (size_t i = 0; i < w->nm; i++) {
		struct ment *m = &w->m[i];
		if (m->dead)
			continue;
		struct ref *f = &refs[out->n];
		const struct ment *c = &w->m[best[root(w, i)]];
		const struct af_lexentry *e = af_lexicon_entry(w->x->lx, m->ent);
		if (m->type == AF_E_DATE) {
			f->canonical = m->value[0] ? stash(&out->strs, m->value, strlen(m->value))
			                           : stash(&out->strs, w->s + u->v[m->a].start,
			                                   u->v[m->b - 1].end - u->v[m->a].start);
		}
		/* the code of any lexicon name of the entity */
		if (!e && rootent[root(w, i)] >= 0)
			e = af_lexicon_entry(w->x->lx, rootent[root(w, i)]);
		/* one name for one entity in every article: the lexicon's, else the fullest here */
		const struct af_lexentry *named = e && e->type == m->type ? e : NULL;
		f->id = NONE;
		if (m->type == AF_E_DATE) {
		} else if (named) {
			if (spells_entry(w, e, c->a, c->b))
				f->canonical = stash(&out->strs, e->name, strlen(e->name));
			else
				f->canonical = stash(&out->strs, w->s + u->v[c->a].start,
				                     u->v[c->b - 1].end - u->v[c->a].start);
			f->id = entity_id(w, &out->strs, m->type, e, c);
		} else {
			f->canonical =
			    stash(&out->strs, w->s + u->v[c->a].start, u->v[c->b - 1].end - u->v[c->a].start);
			f->id = entity_id(w, &out->strs, m->type, NULL, c);
		}
		const char *code = e ? af_lexentry_code(e, udate[m->a]) : NULL;
		f->code = code ? stash(&out->strs, code, strlen(code)) : NONE;
		f->value = m->type == AF_E_DATE && m->value[0] ? stash(&out->strs, m->value, strlen(m->value)) : NONE;
		f->role = m->rs != m->re ? stash(&out->strs, w->s + m->rs, m->re - m->rs)
		          : m->rolestr   ? stash(&out->strs, m->rolestr, strlen(m->rolestr))
		                         : NONE;
		f->org = NONE;
		if (f->role != NONE && m->org != NONE) {
			const struct ment *o = &w->m[m->org];
			const struct af_lexentry *oe = af_lexicon_entry(w->x->lx, o->ent);
			if (o->type == AF_E_NORP && oe && oe->country) {
				f->org = stash(&out->strs, oe->country, strlen(oe->country));
			} else if (!o->dead && best[root(w, m->org)] != NONE) {
				/* (an org mention dropped since the role was attached has no name to give) */
				const struct ment *oc = &w->m[best[root(w, m->org)]];
				f->org = stash(&out->strs, w->s + u->v[oc->a].start,
				               u->v[oc->b - 1].end - u->v[oc->a].start);
			}
		}
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = af_realloc(out->v, out->cap * sizeof *out->v);
		}
		struct af_mention *o = &out->v[out->n++];
		memset(o, 0, sizeof *o);
		o->start = u->v[m->a].start;
		o->end = u->v[m->b - 1].end;
		o->cstart = u->v[m->a].cstart;
		o->cend = u->v[m->b - 1].cend;
		o->type = m->type;
		o->date_kind = m->type == AF_E_DATE ? m->dkind : AF_DATE_POINT;
		o->type_name = af_etype_name(m->type);
		o->sentence = 0;
	}
	/* strings are stable now */
	for (size_t i = 0; i < out->n; i++) {
		struct af_mention *o = &out->v[i];
		struct ref *f = &refs[i];
		o->canonical = out->strs.p + f->canonical;
		o->id = f->id != NONE ? out->strs.p + f->id : NULL;
		o->code = f->code != NONE ? out->strs.p + f->code : NULL;
		o->value = f->value != NONE ? out->strs.p + f->value : NULL;
		o->role = f->role != NONE ? out->strs.p + f->role : NULL;
		o->org = f->org != NONE ? out->strs.p + f->org : NULL;
	}
	free(refs);
	free(udate);
	free(best);
	free(rootent);
}

int af_entities_find(struct af_entities *x, const char *s, size_t n, const char *published,
                     struct af_mentions *out, struct af_error *err)
{
	if (af_tokenize(s, n, &x->toks, err) < 0 || af_sentences(s, n, &x->toks, &x->sents, err) < 0)
		return -1;
	af_lexunits_make(s, n, &x->toks, &x->sents, &x->u);
	struct work w = {.x = x, .s = s, .n = n, .u = &x->u};
	size_t nu = x->u.n ? x->u.n : 1;
	w.owner = af_malloc(nu * sizeof *w.owner);
	w.cls = af_calloc(nu, sizeof *w.cls);
	w.plen = af_calloc(nu, sizeof *w.plen);
	w.prole = af_calloc(nu, sizeof *w.prole);
	for (size_t i = 0; i < x->u.n; i++)
		w.owner[i] = NONE;
	parse_published(&w, published);

	find_phrases(&w);
	find_lexicon(&w);
	find_roles(&w);
	find_model(&w);
	find_sequences(&w);
	find_surnames(&w);
	find_dates(&w);

	/* mentions in text order (owner indices are rebuilt after sorting) */
	size_t *old2new = NULL;
	{
		for (size_t i = 0; i < w.nm; i++)
			w.m[i].parent = i; /* no links yet; remember the old index in parent */
		struct ment *sorted = af_malloc((w.nm ? w.nm : 1) * sizeof *sorted);
		if (w.nm)
			memcpy(sorted, w.m, w.nm * sizeof *sorted);
		qsort(sorted, w.nm, sizeof *sorted, by_start);
		old2new = af_malloc((w.nm ? w.nm : 1) * sizeof *old2new);
		for (size_t i = 0; i < w.nm; i++)
			old2new[sorted[i].parent] = i;
		for (size_t i = 0; i < w.nm; i++) {
			sorted[i].parent = i;
			if (sorted[i].org != NONE)
				sorted[i].org = old2new[sorted[i].org];
		}
		free(w.m);
		w.m = sorted;
		w.capm = w.nm ? w.nm : 1;
		for (size_t i = 0; i < x->u.n; i++)
			if (w.owner[i] != NONE && w.owner[i] != ROLEUNIT)
				w.owner[i] = old2new[w.owner[i]];
	}
	attach_roles(&w);
	link_mentions(&w);
	results(&w, out);

	free(old2new);
	free(w.m);
	free(w.roles);
	free(w.owner);
	free(w.cls);
	free(w.plen);
	free(w.prole);
	return 0;
}

void af_mentions_free(struct af_mentions *m)
{
	free(m->v);
	af_buf_free(&m->strs);
	memset(m, 0, sizeof *m);
}

static void put_field(struct af_buf *out, const char *key, const char *v)
{
	af_buf_add(out, ",\"", 2);
	af_buf_adds(out, key);
	af_buf_add(out, "\":", 2);
	af_json_string(out, v, strlen(v));
}

void af_mentions_write(const struct af_mentions *m, const char *s, struct af_buf *out)
{
	af_buf_addc(out, '[');
	for (size_t i = 0; i < m->n; i++) {
		const struct af_mention *e = &m->v[i];
		af_buf_adds(out, i ? ",{\"text\":" : "{\"text\":");
		af_json_string(out, s + e->start, e->end - e->start);
		put_field(out, "type", af_etype_name(e->type));
		af_buf_adds(out, ",\"start\":");
		af_json_int(out, (long long)e->cstart);
		af_buf_adds(out, ",\"end\":");
		af_json_int(out, (long long)e->cend);
		put_field(out, "canonical", e->canonical);
		if (e->id)
			put_field(out, "id", e->id);
		if (e->value)
			put_field(out, "value", e->value);
		if (af_date_kind_name(e->date_kind))
			put_field(out, "kind", af_date_kind_name(e->date_kind));
		if (e->code)
			put_field(out, "code", e->code);
		if (e->role)
			put_field(out, "role", e->role);
		if (e->org)
			put_field(out, "org", e->org);
		af_buf_addc(out, '}');
	}
	af_buf_addc(out, ']');
}
