/* entities_results.c - the mentions as written out: canonical names, stable ids, lexicon
 * codes by the date a sentence speaks of, roles and their organisations. */
#include "entities_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
 * for others the fullest name's words, after the country's code when the name is a generic
 * organisation's written after a country (cc: "org:irn-foreign-ministry"). Appended to b;
 * returns its offset. */
static size_t entity_id(const struct work *w, struct af_buf *b, enum af_etype type,
                        const struct af_lexentry *e, const struct ment *c, const char *cc)
{
	size_t at = b->len;
	for (const char *t = af_etype_name(type); *t; t++)
		af_buf_addc(b, (char)tolower((unsigned char)*t));
	af_buf_addc(b, ':');
	if (cc) {
		for (int k = 0; k < 3; k++)
			af_buf_addc(b, (char)tolower((unsigned char)cc[k]));
		af_buf_addc(b, '-');
	}
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

/* The date each sentence speaks of, for codes that change with time: the first resolved
 * date in the sentence outside a "who/which" aside (af_date_aside, as af-events), else the
 * publication date, else 0. Indexed by unit. */
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
	size_t *s0 = af_malloc((ns + 1) * sizeof *s0), *s1 = af_malloc((ns + 1) * sizeof *s1);
	for (size_t k = 0; k <= ns; k++)
		sd[k] = 0;
	for (size_t i = u->n; i-- > 0;)
		s0[sent[i]] = u->v[i].start;
	for (size_t i = 0; i < u->n; i++)
		s1[sent[i]] = u->v[i].end;
	for (size_t i = 0; i < w->nm; i++) {
		const struct ment *m = &w->m[i];
		if (m->dead || m->type != AF_E_DATE || m->dkind != AF_DATE_POINT || m->a >= u->n || sd[sent[m->a]])
			continue;
		size_t k = sent[m->a];
		if (af_date_aside(w->s, s0[k], s1[k], u->v[m->a].start, u->v[m->b - 1].end))
			continue;
		sd[sent[m->a]] = af_date_ymd(m->value);
	}
	for (size_t i = 0; i < u->n; i++)
		ud[i] = sd[sent[i]] ? sd[sent[i]] : pub;
	free(sd);
	free(s0);
	free(s1);
	free(sent);
	return ud;
}

/* The country written right before organisation mention i ("Iran's Foreign Ministry", "the
 * Pakistani Foreign Ministry"): the code's first three letters of a place or nationality of
 * the lexicon ending there, alone or before "'s"; else NULL. endm: per unit, a live mention
 * ending just before it, or NONE. */
static const char *country_before(const struct work *w, const size_t *endm, size_t i, const long *udate)
{
	const struct ment *m = &w->m[i];
	size_t a = m->a;
	if (a > 0 && endm[a] == NONE && (uflags(w, a - 1) & AF_UF_CLITIC))
		a--;
	if (endm[a] == NONE)
		return NULL;
	const struct ment *c = &w->m[endm[a]];
	const struct af_lexentry *e = af_lexicon_entry(w->x->lx, c->ent);
	if (!e || (c->type != AF_E_NORP && c->type != AF_E_LOC))
		return NULL;
	const char *code = af_lexentry_code(e, udate[c->a]);
	return code && strlen(code) >= 3 ? code : NULL;
}

/* Per mention, the country of a generic organisation (one of no lexicon entry, so no code):
 * its own (country_before), else that of the nearest mention of its entity before it that
 * has one, else of the first after it; so that Iran's and Pakistan's foreign ministries get
 * two ids ("org:irn-foreign-ministry"), and "the Foreign Ministry" after "the Pakistani
 * Foreign Ministry" Pakistan's. NULL entries elsewhere. */
static const char **org_countries(struct work *w, const int *rootent, const long *udate)
{
	const char **cc = af_calloc(w->nm ? w->nm : 1, sizeof *cc);
	size_t *endm = af_malloc((w->u->n + 1) * sizeof *endm);
	for (size_t k = 0; k <= w->u->n; k++)
		endm[k] = NONE;
	for (size_t i = 0; i < w->nm; i++)
		if (!w->m[i].dead)
			endm[w->m[i].b] = i;
	int any = 0;
	for (size_t i = 0; i < w->nm; i++)
		if (!w->m[i].dead && w->m[i].type == AF_E_ORG && w->m[i].ent < 0 && rootent[en_root(w, i)] < 0)
			any |= (cc[i] = country_before(w, endm, i, udate)) != NULL;
	if (any) {
		const char **last = af_calloc(w->nm, sizeof *last); /* per root, going forward then back */
		for (int pass = 0; pass < 2; pass++) {
			memset(last, 0, w->nm * sizeof *last);
			for (size_t x = 0; x < w->nm; x++) {
				size_t i = pass ? w->nm - 1 - x : x;
				const struct ment *m = &w->m[i];
				if (m->dead || m->type != AF_E_ORG || m->ent >= 0 || rootent[en_root(w, i)] >= 0)
					continue;
				if (cc[i])
					last[en_root(w, i)] = cc[i];
				else
					cc[i] = last[en_root(w, i)];
			}
		}
		free(last);
	}
	free(endm);
	return cc;
}

void en_results(struct work *w, struct af_mentions *out)
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
		size_t r = en_root(w, i);
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
		if (!w->m[i].dead && w->m[i].ent >= 0 && rootent[en_root(w, i)] < 0)
			rootent[en_root(w, i)] = w->m[i].ent;
	struct ref *refs = af_malloc((w->nm ? w->nm : 1) * sizeof *refs);
	long *udate = unit_dates(w);
	const char **orgcc = org_countries(w, rootent, udate);
	for (size_t i = 0; i < w->nm; i++) {
		struct ment *m = &w->m[i];
		if (m->dead)
			continue;
		struct ref *f = &refs[out->n];
		const struct ment *c = &w->m[best[en_root(w, i)]];
		const struct af_lexentry *e = af_lexicon_entry(w->x->lx, m->ent);
		if (m->type == AF_E_DATE) {
			f->canonical = m->value[0] ? stash(&out->strs, m->value, strlen(m->value))
			                           : stash(&out->strs, w->s + u->v[m->a].start,
			                                   u->v[m->b - 1].end - u->v[m->a].start);
		}
		/* the code of any lexicon name of the entity */
		if (!e && rootent[en_root(w, i)] >= 0)
			e = af_lexicon_entry(w->x->lx, rootent[en_root(w, i)]);
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
			f->id = entity_id(w, &out->strs, m->type, e, c, NULL);
		} else {
			f->canonical =
			    stash(&out->strs, w->s + u->v[c->a].start, u->v[c->b - 1].end - u->v[c->a].start);
			f->id = entity_id(w, &out->strs, m->type, NULL, c, orgcc[i]);
		}
		if (!e && m->codeent >= 0)
			e = af_lexicon_entry(w->x->lx, m->codeent);
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
			} else if (!o->dead && best[en_root(w, m->org)] != NONE) {
				/* (an org mention dropped since the role was attached has no name to give) */
				const struct ment *oc = &w->m[best[en_root(w, m->org)]];
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
	free(orgcc);
	free(udate);
	free(best);
	free(rootent);
}

