/* entities_names.c - the names of a text: lexicon phrases and entities, roles (titles with
 * their modifiers and "of ..."), the tagger's names where those left a gap, and capitalised
 * sequences the lexicon does not know. */
#include "entities_int.h"

#include <string.h>

/* ---- 1. phrases and lexicon entities ---- */

static int breaks_phrase(const struct work *w, size_t a, size_t i)
{
	unsigned f = uflags(w, i);
	return (f & (AF_UF_PUNCT | AF_UF_NUMBER)) || (i > a && (f & AF_UF_SENT));
}

void en_find_phrases(struct work *w)
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

void en_find_lexicon(struct work *w)
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
			           (b - i > 1 || strlen(af_lexunit_fold(u, i)) >= 5)) {
				/* one word by its transliteration key alone: a key of five letters or
				 * more ("mutaka": Mottaki, Muttaqi); a shorter one is shared by too many
				 * names ("muda": Moody, Modi) */
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

void en_find_roles(struct work *w)
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

/* ---- 3. the tagger's names where the lexicon and the titles left a gap ---- */

static int quoted_title(const struct work *w, size_t a, size_t b);
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

/* An organisation the lexicon names at the end of a longer organisation's name lends it its
 * entry when the words before it only say whose it is (places, nationalities, people, lower-case and function words:
 * "Afghan Taliban", "the Iranian Foreign Ministry", "Biden White House") or name a part of it ("Quds Force of the
 * Islamic Revolutionary Guard Corps"). Other capitalised words make another body, which the
 * entry does not code: "Supreme National Security Council" is not the UN Security Council.
 * Places keep lending ("Republic of Azerbaijan", "South Lebanon"). */
static int prefix_lends(const struct work *w, size_t a, size_t head, enum af_etype t)
{
	if (t != AF_E_ORG)
		return 1;
	size_t j = head;
	if (j > a && is_word(w, j - 1, "the"))
		j--;
	if (j > a && is_word(w, j - 1, "of"))
		return 1;
	for (size_t i = a; i < head; i++) {
		size_t k = w->owner[i];
		if (k != NONE && k != ROLEUNIT &&
		    (w->m[k].type == AF_E_LOC || w->m[k].type == AF_E_NORP || w->m[k].type == AF_E_PERSON))
			continue;
		if ((uflags(w, i) & AF_UF_PUNCT) || !(uflags(w, i) & AF_UF_CAP) || (wcls(w, i) & AF_LC_FUNCTION))
			continue;
		return 0;
	}
	return 1;
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
		if ((en_breaker(w, i) || k == ROLEUNIT) && !title_in_name(w, a, i, t))
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
		if (m->b == b && m->type == t && prefix_lends(w, a, m->a, t))
			*ent = m->ent;
	}
	return 1;
}

/* Drops the roles found over units [a, b) (the tagger's name holds them). The roles are
 * apart and in text order (en_find_roles): those over [a, b) are one run of them, found
 * by binary search (a scan of every role per name was quadratic, issue 15). */
static void drop_roles(struct work *w, size_t a, size_t b)
{
	size_t lo = 0, hi = w->nroles;
	while (lo < hi) { /* the first role ending after a */
		size_t mid = lo + (hi - lo) / 2;
		if (w->roles[mid].b <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	hi = lo;
	while (hi < w->nroles && w->roles[hi].a < b)
		hi++;
	if (hi > lo) {
		memmove(w->roles + lo, w->roles + hi, (w->nroles - hi) * sizeof *w->roles);
		w->nroles -= hi - lo;
	}
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

/* Is unit i a word in -ed ("ordered", "led")? */
static int participle(const struct work *w, size_t i)
{
	const struct af_lexunit *x = &w->u->v[i];
	return x->end - x->start >= 3 && !strncmp(w->s + x->end - 2, "ed", 2);
}

void en_find_model(struct work *w)
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
		 * Ki-moon", "Kim Jong-il") unless it is a participle ("Trump-ordered"): on 12,000
		 * Tehran Times articles the person spans of the tagger ending so are names but for
		 * those in -ed; no leading "the" */
		while (b > a && (((u->v[b - 1].flags & (AF_UF_CLITIC | AF_UF_PUNCT)) && !closes_paren(w, a, b)) ||
		                 (b - 1 > a && (u->v[b - 1].flags & AF_UF_HYPHEN) && !(u->v[b - 1].flags & AF_UF_CAP) &&
		                  (t == AF_E_ORG || t == AF_E_LOC || (t == AF_E_PERSON && participle(w, b - 1))))))
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
		int codeent = -1; /* (the code only: "U.S.-led" is not the United States) */
		if (ent < 0 && t == AF_E_MISC && head && head->a == a && head->b + 1 == b && head->ent >= 0 &&
		    (uflags(w, b - 1) & AF_UF_HYPHEN) && !(uflags(w, b - 1) & AF_UF_CAP))
			codeent = head->ent;
		for (size_t i = a; i < b; i++)
			if (w->owner[i] != NONE && w->owner[i] != ROLEUNIT)
				kill_ment(w, w->owner[i]);
		drop_roles(w, a, b);
		size_t m = new_ment(w, a, b, t, ent);
		w->m[m].tagged = 1;
		w->m[m].codeent = codeent;
		if (b - a == 1 && a > 0 && is_word(w, a - 1, "the") && (wcls(w, a) & AF_LC_ORGHEAD)) {
			w->m[m].type = AF_E_ORG;
			w->m[m].anaphor = a; /* "the Council": resolved with the others */
		}
	}
}

/* A lexicon name the tagger left alone, joined by a hyphen to a lower-case word, is a
 * compound adjective as the tagger's own are ("London-based", "mainly-Moslem"): MISC over
 * the word, with the name's code. */
void en_find_compounds(struct work *w)
{
	const struct af_lexunits *u = w->u;
	for (size_t k = 0; k < w->nm; k++) {
		struct ment *m = &w->m[k];
		if (m->dead || m->tagged || m->ent < 0 || (m->type != AF_E_LOC && m->type != AF_E_NORP))
			continue;
		size_t a = m->a, b = m->b;
		unsigned lower = AF_UF_WORD | AF_UF_HYPHEN;
		if (b < u->n && (uflags(w, b) & (lower | AF_UF_CAP)) == lower && w->owner[b] == NONE)
			b++;
		else if (a > 0 && (uflags(w, a) & AF_UF_HYPHEN) && (uflags(w, a - 1) & (AF_UF_WORD | AF_UF_CAP)) == AF_UF_WORD &&
		         w->owner[a - 1] == NONE && !(wcls(w, a - 1) & AF_LC_SKIPPREFIX))
			a--;
		else
			continue;
		m->codeent = m->ent;
		m->ent = -1;
		m->type = AF_E_MISC;
		m->a = a;
		m->b = b;
		for (size_t i = a; i < b; i++)
			w->owner[i] = k;
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
int en_breaker(const struct work *w, size_t i)
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

/* The first role ending at or after unit b. The roles are apart and in text order
 * (en_find_roles, drop_roles), so binary search (a scan of every role per name was
 * quadratic in long texts, issue 15). */
static size_t role_ending_from(const struct work *w, size_t b)
{
	size_t lo = 0, hi = w->nroles;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->roles[mid].next < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* How far before a name its title may end when honorifics stand between them. */
#define TITLE_WINDOW 64

/* The unit before i, skipping honorifics; what stands there. */
static int after_title(const struct work *w, size_t i)
{
	size_t k = i;
	if (k > 0 && is_punct(w, k - 1, ","))
		k--;
	size_t from = k < TITLE_WINDOW ? 0 : k - TITLE_WINDOW;
	for (size_t r = role_ending_from(w, from); r < w->nroles && w->roles[r].next <= i; r++)
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
	/* a role starting in [k, k + 4]: the first role ending after k is the only candidate
	 * to start there first */
	for (size_t r = role_ending_from(w, k + 1); r < w->nroles && w->roles[r].a <= k + 4; r++)
		if (w->roles[r].a >= k)
			return 1;
	return 0;
}

static void classify_run(struct work *w, size_t p, size_t q)
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
		classify_run(w, i, j);
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
	return (f & AF_UF_WORD) && (f & AF_UF_CAP) && !en_breaker(w, i);
}

void en_find_sequences(struct work *w)
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

