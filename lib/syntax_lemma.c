/* syntax_lemma.c - the lemmatizer of the syntax layer (af_lemmatize, af/syntax.h;
 * docs/syntax.md): irregular forms from data/lemmas.yaml, suffix rules that prefer a base
 * form training saw (the model's table of verbs and nouns). */
#include "af/syntax.h"
#include "af/yaml.h"
#include "syntax_impl.h"

#include <stdlib.h>
#include <string.h>

struct lemma_ent {
	uint64_t h; /* af_hash of the form, with the class folded in */
	const char *lemma;
	size_t len;
};

struct af_lemma_table {
	struct af_ynode *doc;
	struct lemma_ent *v;
	size_t mask;
};

enum { LC_VERB = 1, LC_NOUN = 2, LC_ANY = 3 };

static uint64_t lemma_key(const char *s, size_t n, int cls)
{
	return af_hash(s, n) * 31 + (uint64_t)cls;
}

static void lemma_put(struct af_lemma_table *t, uint64_t h, const char *lemma, size_t len)
{
	for (size_t j = h & t->mask;; j = (j + 1) & t->mask)
		if (!t->v[j].lemma || t->v[j].h == h) {
			t->v[j].h = h;
			t->v[j].lemma = lemma;
			t->v[j].len = len;
			return;
		}
}

static const struct lemma_ent *lemma_get(const struct af_lemma_table *t, const char *s, size_t n, int cls)
{
	if (!t)
		return NULL;
	uint64_t h = lemma_key(s, n, cls);
	for (size_t j = h & t->mask;; j = (j + 1) & t->mask) {
		if (!t->v[j].lemma)
			return NULL;
		if (t->v[j].h == h)
			return &t->v[j];
	}
}

void af_syn_lemmas_free(struct af_lemma_table *t)
{
	if (!t)
		return;
	af_yaml_free(t->doc);
	free(t->v);
	free(t);
}

/* data/lemmas.yaml: maps "verbs" and "nouns" of irregular form -> lemma, and "known_verbs",
 * "known_nouns": lists of base forms the suffix rules prefer. */
struct af_lemma_table *af_syn_lemmas_load(const char *buf, size_t len, const char *file, struct af_error *err)
{
	struct af_ynode *doc = af_yaml_parse(buf, len, file, err);
	if (!doc)
		return NULL;
	static const char *const keys[] = {"verbs", "nouns", "known_verbs", "known_nouns", NULL};
	if (doc->type != AF_Y_MAP || af_ymap_check(doc, keys, err) < 0) {
		if (doc->type != AF_Y_MAP)
			af_yerr(err, doc, "expected a map of verbs, nouns, known_verbs, known_nouns");
		af_yaml_free(doc);
		return NULL;
	}
	size_t total = 0;
	for (size_t k = 0; k + 1 < doc->n; k += 2)
		total += doc->kids[k + 1]->n;
	struct af_lemma_table *t = af_calloc(1, sizeof *t);
	t->doc = doc;
	size_t slots = 64;
	while (slots < total * 3)
		slots *= 2;
	t->v = af_calloc(slots, sizeof *t->v);
	t->mask = slots - 1;
	for (size_t k = 0; k + 1 < doc->n; k += 2) {
		const char *name = doc->kids[k]->str;
		struct af_ynode *v = doc->kids[k + 1];
		int known = strncmp(name, "known_", 6) == 0;
		int cls = strstr(name, "verbs") ? LC_VERB : LC_NOUN;
		if (v->type != (known ? AF_Y_SEQ : AF_Y_MAP)) {
			af_yerr(err, v, "%s: expected a %s", name, known ? "list of words" : "map of form: lemma");
			af_syn_lemmas_free(t);
			return NULL;
		}
		for (size_t i = 0; i < v->n; i += known ? 1 : 2) {
			struct af_ynode *form = v->kids[i], *lem = known ? v->kids[i] : v->kids[i + 1];
			if (af_yscalar(form, name, err) < 0 || af_yscalar(lem, name, err) < 0) {
				af_syn_lemmas_free(t);
				return NULL;
			}
			/* known base forms under class + 4: "is this a lemma?" */
			lemma_put(t, lemma_key(form->str, form->len, known ? cls + 4 : cls), lem->str, lem->len);
		}
	}
	return t;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* a candidate base form: known to the table, or (when none is) the first */
static int known(const struct af_syntax *m, const char *s, size_t n, int cls)
{
	if (!m)
		return 0;
	if (lemma_get(m->lemmas, s, n, cls + 4))
		return 1;
	int v = af_syn_map_get(&m->lex, af_syn_lexkey(s, n));
	return v > 0 && (v & cls);
}

static size_t pick(const struct af_syntax *m, int cls, char cand[][AF_SYN_WORDMAX], const size_t *clen,
                   int nc, char *buf, size_t cap)
{
	int best = 0;
	for (int k = 0; k < nc; k++)
		if (clen[k] && known(m, cand[k], clen[k], cls)) {
			best = k;
			break;
		}
	size_t l = clen[best] < cap ? clen[best] : cap;
	memcpy(buf, cand[best], l);
	return l;
}

static int ends(const char *s, size_t n, const char *suf)
{
	size_t l = strlen(suf);
	return n >= l && memcmp(s + n - l, suf, l) == 0;
}

/* Does a stem (a form minus -ed or -ing) whose base form is not known take an e back?
 * English spelling: created, taking, decided, declined, used, raised, charged, forced,
 * moved, argued; not visited, opened, developed, happened, gained. */
static int wants_e(const char *s, size_t n)
{
	char L = s[n - 1], V = n >= 2 ? s[n - 2] : 0, P = n >= 3 ? s[n - 3] : 0;
	int single = V && is_vowel(V) && !(P && is_vowel(P)); /* one vowel before L */
	switch (L) {
	case 'c': case 'v': case 'z': case 'u': return 1;
	case 'g': return (single && V != 'o') || V == 'r' || V == 'd' || (V == 'n' && (P == 'a' || P == 'e'));
	case 's': return (V && is_vowel(V) && !(V == 'u' && P == 'c')) || V == 'r' || V == 'n';
	case 'd': case 'k': case 'b': return single && V != 'e';
	case 't': return single && (V == 'a' || V == 'o' || V == 'u');
	case 'r': return single && V != 'e';
	case 'l': return single && (V == 'i' || V == 'u');
	case 'm': return single && V != 'e';
	case 'n': return single && V == 'i';
	case 'p': return single && (V == 'a' || V == 'i');
	default: return 0;
	}
}

/* verb stem candidates of a form minus its suffix (-ed, -ing): as is, with e, undoubled */
/* Candidate nc: the first keep bytes of s and then tail; the next free index. */
static int cand_put(char cand[][AF_SYN_WORDMAX], size_t *clen, int nc, const char *s, size_t keep,
                    const char *tail)
{
	size_t t = strlen(tail);
	memcpy(cand[nc], s, keep);
	memcpy(cand[nc] + keep, tail, t);
	clen[nc] = keep + t;
	return nc + 1;
}

static int stem_cands(const char *s, size_t n, char cand[][AF_SYN_WORDMAX], size_t *clen)
{
	int nc = 0;
	if (n == 0 || n + 2 >= AF_SYN_WORDMAX)
		return 0;
	char last = s[n - 1];
	int dbl = n >= 2 && s[n - 2] == last && !is_vowel(last) && last != 's' && last != 'l' && last != 'z' &&
	          last != 'f';
	int want_e = wants_e(s, n);
	/* order: the likelier spelling first, the table decides among them */
	if (dbl) {
		memcpy(cand[nc], s, n - 1);
		clen[nc++] = n - 1;
	}
	if (want_e) {
		memcpy(cand[nc], s, n);
		cand[nc][n] = 'e';
		clen[nc++] = n + 1;
	}
	memcpy(cand[nc], s, n);
	clen[nc++] = n;
	if (!want_e) {
		memcpy(cand[nc], s, n);
		cand[nc][n] = 'e';
		clen[nc++] = n + 1;
	}
	if (dbl == 0 && n >= 2 && s[n - 2] == last) {
		memcpy(cand[nc], s, n - 1);
		clen[nc++] = n - 1;
	}
	return nc;
}

size_t af_lemmatize(const struct af_syntax *m, const char *s, size_t n, int tag, char *buf, size_t cap)
{
	char lo[AF_SYN_WORDMAX], tmp[AF_SYN_WORDMAX];
	uint32_t fl;
	const struct af_lemma_table *t = m ? m->lemmas : NULL;
	if (n >= AF_SYN_WORDMAX - 8 || cap == 0) {
		size_t l = n < cap ? n : cap;
		memcpy(buf, s, l);
		return l;
	}
	size_t len = af_syn_norm_word(s, n, tmp, lo, &fl);
	/* the features' form folds digits: the lemma keeps them */
	if (fl & AF_SYN_F_DIGIT || tag == AF_POS_NNP || tag == AF_POS_NNPS || tag == AF_POS_CD ||
	    (tag == AF_POS_JJ && (fl & AF_SYN_F_CAP))) {
		size_t l = n < cap ? n : cap;
		memcpy(buf, s, l);
		if (tag == AF_POS_NNPS && ends(s, n, "s") && n > 3 && !ends(s, n, "ss"))
			l = n - 1 < cap ? n - 1 : cap; /* Americans -> American */
		return l;
	}
	int cls = af_pos_is_verb(tag) || tag == AF_POS_MD ? LC_VERB : tag == AF_POS_NNS ? LC_NOUN : 0;
	/* a base form is its own lemma ("lay" the verb, not "lie" in the past) */
	const struct lemma_ent *e = cls && tag != AF_POS_VB ? lemma_get(t, lo, len, cls) : NULL;
	if (!e && (tag == AF_POS_RB || tag == AF_POS_POS || tag == AF_POS_PRP))
		e = lemma_get(t, lo, len, LC_VERB); /* n't -> not, 's */
	if (e) {
		size_t l = e->len < cap ? e->len : cap;
		memcpy(buf, e->lemma, l);
		return l;
	}
	char cand[6][AF_SYN_WORDMAX];
	size_t clen[6] = {0};
	int nc = 0;
	if (tag == AF_POS_VBZ && len > 2 && ends(lo, len, "s")) {
		if (ends(lo, len, "ies") && len > 4) {
			nc = cand_put(cand, clen, nc, lo, len - 3, "y");
		} else if (ends(lo, len, "sses") || ends(lo, len, "shes") || ends(lo, len, "ches") ||
		           ends(lo, len, "xes") || ends(lo, len, "zes") || ends(lo, len, "oes")) {
			nc = cand_put(cand, clen, nc, lo, len - 2, "");
			nc = cand_put(cand, clen, nc, lo, len - 1, "");
		} else
			nc = cand_put(cand, clen, nc, lo, len - 1, "");
	} else if ((tag == AF_POS_VBD || tag == AF_POS_VBN) && len > 3 && ends(lo, len, "ed")) {
		if (ends(lo, len, "ied") && len > 4) {
			nc = cand_put(cand, clen, nc, lo, len - 3, "y");
		} else if (ends(lo, len, "eed")) {
			nc = cand_put(cand, clen, nc, lo, len - 1, ""); /* agreed, freed */
			nc = cand_put(cand, clen, nc, lo, len - 2, "");
		} else
			nc = stem_cands(lo, len - 2, cand, clen);
	} else if (tag == AF_POS_VBG && len > 4 && ends(lo, len, "ing")) {
		nc = stem_cands(lo, len - 3, cand, clen); /* dying -> die by the lexicon, saying keeps y */
	} else if (tag == AF_POS_NNS && len > 2 && ends(lo, len, "s") && !ends(lo, len, "ss") &&
	           !ends(lo, len, "us") && !ends(lo, len, "is")) {
		if (ends(lo, len, "ies") && len > 4) {
			nc = cand_put(cand, clen, nc, lo, len - 3, "y");
			nc = cand_put(cand, clen, nc, lo, len - 1, ""); /* movies */
		} else if (ends(lo, len, "sses") || ends(lo, len, "shes") || ends(lo, len, "ches") ||
		           ends(lo, len, "xes") || ends(lo, len, "zes")) {
			nc = cand_put(cand, clen, nc, lo, len - 2, "");
			nc = cand_put(cand, clen, nc, lo, len - 1, "");
		} else {
			nc = cand_put(cand, clen, nc, lo, len - 1, "");
			if (ends(lo, len, "es") && len > 4)
				nc = cand_put(cand, clen, nc, lo, len - 2, "");
		}
	}
	if (nc > 0)
		return pick(m, cls ? cls : LC_VERB, cand, clen, nc, buf, cap);
	size_t l = len < cap ? len : cap;
	memcpy(buf, lo, l);
	return l;
}
