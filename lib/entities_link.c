/* entities_link.c - roles attached to their people, one entity one name within the text
 * (same lexicon entity or words, surnames, "the Council"), and dates. */
#include "entities_int.h"

#include <stdlib.h>
#include <string.h>

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

void en_attach_roles(struct work *w)
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

size_t en_root(struct work *w, size_t k)
{
	while (w->m[k].parent != k) {
		w->m[k].parent = w->m[w->m[k].parent].parent;
		k = w->m[k].parent;
	}
	return k;
}

static void join(struct work *w, size_t a, size_t b)
{
	a = en_root(w, a);
	b = en_root(w, b);
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

/* The end of key k's run in v (sorted by key): by binary search, as a name repeated thousands
 * of times made a scan of its run per mention quadratic (issue 15). */
static size_t key_upper(const struct keyed *v, size_t n, const char *k)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].k, k) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Single capitalised words that repeat the surname of a person named in the text. */
void en_find_surnames(struct work *w)
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
		    en_breaker(w, i) || (uflags(w, i) & AF_UF_ALLCAPS))
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

void en_link_mentions(struct work *w)
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
		size_t lo = key_lower(v, n, last), hi = key_upper(v, n, last);
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
struct date_units {
	struct work *w;
	size_t ui; /* the first unit that may hold the next expression */
};

static void date_units(const struct af_datex *e, void *arg)
{
	struct date_units *du = arg;
	const struct af_lexunits *u = du->w->u;
	while (du->ui < u->n && u->v[du->ui].end <= e->start)
		du->ui++;
	size_t uj = du->ui;
	while (uj < u->n && u->v[uj].start < e->end)
		uj++;
	if (uj > du->ui)
		date_ment(du->w, du->ui, uj, e);
}

void en_find_dates(struct work *w)
{
	const struct af_sentences *ss = &w->x->sents;
	struct date_units du = {w, 0};
	for (size_t si = 0; si < ss->n; si++)
		af_dates_each(w->x->dates, w->s, ss->v[si].start, ss->v[si].end, w->have_pub ? &w->pub : NULL,
		              date_units, &du);
}
