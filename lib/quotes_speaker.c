/* quotes_speaker.c - speakers resolved: the record's mentions, a pronoun's antecedent, the
 * fullest form of a name in the article, and the speaker of an unattributed quote. */
#include "quotes_int.h"

#include <stdlib.h>
#include <strings.h>

struct men_pos {
	size_t c0, i;
};

static int by_men_pos(const void *a, const void *b)
{
	const struct men_pos *u = a, *v = b;
	if (u->c0 != v->c0)
		return u->c0 < v->c0 ? -1 : 1;
	return (u->i > v->i) - (u->i < v->i);
}

/* q->men by start, the record's order among equals */
static void sort_mentions(struct af_quoter *q)
{
	struct men_pos *p = af_malloc(q->nmen * sizeof *p);
	struct mention *m = af_malloc(q->nmen * sizeof *m);
	for (size_t i = 0; i < q->nmen; i++)
		p[i] = (struct men_pos){q->men[i].c0, i};
	qsort(p, q->nmen, sizeof *p, by_men_pos);
	for (size_t i = 0; i < q->nmen; i++)
		m[i] = q->men[p[i].i];
	memcpy(q->men, m, q->nmen * sizeof *m);
	free(m);
	free(p);
}

void qt_load_mentions(struct af_quoter *q, const struct af_mentions *ents)
{
	q->nmen = 0;
	for (size_t i = 0; ents && i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (!e->type_name || e->type == AF_E_DATE || e->cend <= e->cstart)
			continue;
		if (q->nmen == q->mencap)
			q->men = af_grow(q->men, &q->mencap, q->nmen + 1, sizeof *q->men);
		struct mention *m = &q->men[q->nmen++];
		m->c0 = e->cstart;
		m->c1 = e->cend;
		m->type = e->type_name;
		m->canonical = e->canonical;
		m->code = e->code;
		m->role = e->role;
		int lo = 0, hi = q->nt; /* the first token starting at or after the mention */
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;
			if (T(mid).cstart < m->c0)
				lo = mid + 1;
			else
				hi = mid;
		}
		m->t0 = lo;
	}
	/* by start, the record's order among equals (a record's mentions usually come so),
	 * each with the largest end so far: the nearest-before searches go back from a
	 * binary search and stop early (men_before) */
	size_t in_order = 1;
	while (in_order < q->nmen && q->men[in_order - 1].c0 <= q->men[in_order].c0)
		in_order++;
	if (in_order < q->nmen)
		sort_mentions(q);
	for (size_t i = 0; i < q->nmen; i++)
		q->men[i].c1max = i && q->men[i - 1].c1max > q->men[i].c1 ? q->men[i - 1].c1max : q->men[i].c1;
}

/* The number of mentions that start before character c. */
static size_t men_upto(const struct af_quoter *q, size_t c)
{
	size_t lo = 0, hi = q->nmen;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (q->men[mid].c0 < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

typedef int (*men_pred)(const struct af_quoter *q, const struct mention *me, const void *ctx);

/* The mention that ends last at or before character c and satisfies ok (the first in
 * q->men of those ending there), else NULL: what a scan of every mention keeping the largest
 * end finds, going back from the last mention starting before c while an earlier one could
 * still end as late. */
static const struct mention *men_before(const struct af_quoter *q, size_t c, men_pred ok, const void *ctx)
{
	const struct mention *near = NULL;
	for (size_t i = men_upto(q, c); i-- > 0;) {
		const struct mention *me = &q->men[i];
		if (near && me->c1max < near->c1)
			break;
		if (me->c1 <= c && (!near || me->c1 >= near->c1) && ok(q, me, ctx))
			near = me;
	}
	return near;
}

/* Is the name me the object of a verb or preposition ("told Nadeem Reza", "the shrine of Imam
 * Khomeini", "met with Pakistani envoy X"), and so no antecedent of a speaker pronoun? The
 * word before it, past its title and capitalised words, says (not_antecedent_after). */
static int in_role(const struct af_quoter *q, const struct mention *me, int j)
{
	if (!me->role || !is_word(q, j))
		return 0;
	size_t n = T(j).end - T(j).start, rl = strlen(me->role);
	for (const char *r = me->role; *r; r++)
		if ((r == me->role || r[-1] == ' ') && (size_t)(me->role + rl - r) >= n &&
		    !strncasecmp(r, q->s + T(j).start, n) && (r[n] == 0 || r[n] == ' '))
			return 1;
	return 0;
}

static int not_antecedent(const struct af_quoter *q, const struct mention *me)
{
	if (me->t0 < q->nt && K(me->t0).q >= 0)
		return 1; /* a name inside a quote is no speaker's antecedent ("[Trump's] move ...," he added) */
	int j = me->t0 - 1;
	for (int k = 0; k < 6 && j >= 0 && (is_cap(q, j) || (K(j).bits & L_TITLE) || in_role(q, me, j)) &&
	                !(K(j).bits & L_NOANTE);
	     k++)
		j--;
	/* "the Minister of Foreign Affairs X", "Ambassador to Moscow X": a title's "of", "to" */
	return j >= 0 && (K(j).bits & L_NOANTE) &&
	       !(j > 0 && is_cap(q, j - 1) && (tok_is(q, j, "of") || tok_is(q, j, "to")));
}

/* "the Iranian president": a nationality and a title are not the speaker's name; the person
 * the article named with that title and a code of that country, nearest before, is; else the
 * nearest with that title and no known country ("the Iraqi foreign minister": Fuad Hussein). */
struct holder {
	const char *head, *code; /* the title word (hl bytes), the country's code (cl bytes) */
	size_t hl, cl;
	int coded;               /* 1: a holder with a code, 0: one with none */
};

static int holds_title(const struct af_quoter *q, const struct mention *me, const void *ctx)
{
	(void)q;
	const struct holder *h = ctx;
	if (strcmp(me->type, "PERSON") || !me->role || (me->code && strncmp(me->code, h->code, h->cl)) ||
	    !me->code != !h->coded)
		return 0;
	size_t rl = strlen(me->role);
	return rl >= h->hl && !strncasecmp(me->role + rl - h->hl, h->head, h->hl);
}

static const struct mention *title_holder(const struct af_quoter *q, const struct mention *norp, int sb,
                                          size_t before)
{
	if (!norp->code || sb < 1 || !is_word(q, sb - 1))
		return NULL;
	struct holder h = {q->s + T(sb - 1).start, norp->code, T(sb - 1).end - T(sb - 1).start, strlen(norp->code), 1};
	const struct mention *near = men_before(q, before, holds_title, &h);
	h.coded = 0; /* else a holder of no known country */
	return near ? near : men_before(q, before, holds_title, &h);
}

/* The person named nearest before character c, outside quotes and not as a listener. */
static int antecedent_person(const struct af_quoter *q, const struct mention *me, const void *ctx)
{
	(void)ctx;
	return !strcmp(me->type, "PERSON") && !not_antecedent(q, me);
}

static int antecedent_other(const struct af_quoter *q, const struct mention *me, const void *ctx)
{
	(void)q;
	(void)ctx;
	return strcmp(me->type, "PERSON") != 0;
}

static const struct mention *nearest_person(const struct af_quoter *q, size_t c)
{
	return men_before(q, c, antecedent_person, NULL);
}

/* The country (a nationality or a place with a code) written right before the organisation
 * org, inside the speaker's words from character c0 on, when the organisation's name has no
 * code of its own ("the Chinese Foreign Ministry", "Iran's Foreign Ministry"), else NULL. */
static const struct mention *country_before(const struct af_quoter *q, const struct mention *org, size_t c0)
{
	if (strcmp(org->type, "ORG") || org->code || org->t0 < 1)
		return NULL;
	for (size_t i = men_upto(q, c0), e = men_upto(q, org->c0); i < e; i++) {
		const struct mention *me = &q->men[i];
		if (me->c1 > org->c0 || !me->code || (strcmp(me->type, "NORP") && strcmp(me->type, "LOC")))
			continue;
		int gap = org->t0 - me->t0;
		if (gap == 1 || (gap == 2 && T(org->t0 - 1).kind == AF_TOK_WORD && (T(org->t0 - 1).flags & AF_TF_CLITIC)))
			return me;
	}
	return NULL;
}

/* The canonical name of organisation me, with the country written right before it when it
 * has no code of its own ("Chinese Foreign Ministry"); malloc'd, or NULL. */
static char *org_canon(const struct af_quoter *q, const struct mention *me, size_t c0)
{
	const struct mention *land = country_before(q, me, c0);
	if (!me->canonical)
		return NULL;
	if (!land)
		return af_strdup(me->canonical);
	size_t pl = T(me->t0).start - T(land->t0).start, cl = strlen(me->canonical);
	char *c = af_malloc(pl + cl + 1);
	memcpy(c, q->s + T(land->t0).start, pl);
	memcpy(c + pl, me->canonical, cl + 1);
	return c;
}

/* "the ministry said": the organisation named nearest before, outside quotes, with the word
 * at token h in its name ("Foreign Ministry"), else NULL. */
static int org_with_word(const struct af_quoter *q, const struct mention *me, const void *ctx)
{
	int h = *(const int *)ctx;
	size_t hl = T(h).end - T(h).start;
	if (strcmp(me->type, "ORG") || !me->canonical || (me->t0 < q->nt && K(me->t0).q >= 0))
		return 0;
	for (const char *w = me->canonical; *w; w++)
		if ((w == me->canonical || w[-1] == ' ') && !strncasecmp(w, q->s + T(h).start, hl) &&
		    (w[hl] == 0 || w[hl] == ' '))
			return 1;
	return 0;
}

static const struct mention *named_org_before(const struct af_quoter *q, int h, size_t c)
{
	return men_before(q, c, org_with_word, &h);
}

/* The person whose name ends right before the comma before token i, else NULL. */
static const struct mention *person_before_comma(const struct af_quoter *q, int i)
{
	if (i < 2 || !is_punct(q, i - 1, ','))
		return NULL;
	size_t c = T(i - 2).cend;
	if (K(i - 2).q >= 0)
		return NULL;
	const struct mention *found = NULL; /* the first in q->men ending at c */
	for (size_t k = men_upto(q, c); k-- > 0 && q->men[k].c1max >= c;)
		if (q->men[k].c1 == c && !strcmp(q->men[k].type, "PERSON"))
			found = &q->men[k];
	return found;
}

static int fn_key_cmp(const struct af_quoter *q, int i, int j)
{
	size_t li = K(i).klen, lj = K(j).klen;
	int c = memcmp(q->keys.p + K(i).koff, q->keys.p + K(j).koff, li < lj ? li : lj);
	return c ? c : (li > lj) - (li < lj);
}

/* the ends of names by last word, then by position */
static int fn_cmp(const void *x, const void *y)
{
	const struct fn_end *a = x, *b = y;
	int c = memcmp(a->key, b->key, a->klen < b->klen ? a->klen : b->klen);
	if (!c)
		c = (a->klen > b->klen) - (a->klen < b->klen);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static size_t fn_len(const struct af_quoter *q, const struct fn_end *e)
{
	return T(e->i).end - T(e->a).start;
}

/* Every capitalised name end of the text with its start, once per text: fullest_name looked
 * through every token for each speaker (quadratic on long texts, issue 15). */
static void fn_index(struct af_quoter *q)
{
	q->nfn = 0;
	for (int i = 0; i < q->nt; i++) {
		int a;
		if (!is_cap(q, i) || is_cap(q, i + 1) || !qt_np_back(q, i + 1, 0, &a) || !is_cap(q, a) || i - a >= 6)
			continue;
		if (q->nfn == q->fncap)
			q->fn = af_grow(q->fn, &q->fncap, q->nfn + 1, sizeof *q->fn);
		q->fn[q->nfn++] = (struct fn_end){i, a, q->keys.p + K(i).koff, K(i).klen, -1, -1};
	}
	qsort(q->fn, q->nfn, sizeof *q->fn, fn_cmp);
	for (size_t g = 0, h; g < q->nfn; g = h) {
		int best = (int)g, next = -1;
		for (h = g + 1; h < q->nfn && !fn_key_cmp(q, q->fn[h].i, q->fn[g].i); h++)
			if (fn_len(q, &q->fn[h]) > fn_len(q, &q->fn[best]))
				best = (int)h;
		for (size_t k = g; k < h; k++)
			if ((int)k != best && (next < 0 || fn_len(q, &q->fn[k]) > fn_len(q, &q->fn[next])))
				next = (int)k;
		q->fn[g].best = best;
		q->fn[g].next = next;
	}
	q->fn_ready = 1;
}

/* the fullest capitalised name in the text that ends with the same word as [sa, sb): the
 * longest (the first of the longest) of the text's names ending in that word, when it is
 * longer than [sa, sb) */
static char *fullest_name(const struct af_quoter *q, int sa, int sb)
{
	int last = sb - 1;
	int best_a = sa, best_b = sb;
	if (!q->fn_ready)
		fn_index((struct af_quoter *)q);
	size_t lo = 0, hi = q->nfn; /* the first entry whose word is not below last's */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (fn_key_cmp(q, q->fn[mid].i, last) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < q->nfn && !fn_key_cmp(q, q->fn[lo].i, last)) {
		int k = q->fn[lo].best;
		if (q->fn[k].i == last)
			k = q->fn[lo].next;
		if (k >= 0 && fn_len(q, &q->fn[k]) > T(best_b - 1).end - T(best_a).start) {
			best_a = q->fn[k].a;
			best_b = q->fn[k].i + 1;
		}
	}
	while (best_a + 1 < best_b && tok_is(q, best_a, "the"))
		best_a++;
	return af_strndup(q->s + T(best_a).start, T(best_b - 1).end - T(best_a).start);
}

/* the nearest name of two words or more before token i (for he/she without a speaker) */
static char *name_before(const struct af_quoter *q, int i)
{
	for (int j = i - 1; j >= 0 && j > i - 400; j--) {
		int a;
		if (!is_cap(q, j) || is_cap(q, j + 1) || !qt_np_back(q, j + 1, 0, &a))
			continue;
		while (a < j && tok_is(q, a, "the"))
			a++;
		if (j > a && is_cap(q, a))
			return fullest_name(q, a, j + 1);
	}
	return NULL;
}

/* The speaker of a cue in the sentence just before the quote opening at token o, in its
 * paragraph, when the quote opens its sentence: "Dianne Bystrom agreed. "..."". 1 and the span. */
static int prev_sentence_speaker(const struct af_quoter *q, int o, int *sa, int *sb)
{
	int s0 = sent_start(q, o);
	while (s0 < o && T(s0).kind == AF_TOK_PUNCT && K(s0).q < 0)
		s0++;
	if (s0 != o || o == 0 || K(o - 1).para != K(o).para || K(o - 1).q >= 0)
		return 0;
	int p0 = sent_start(q, o - 1);
	for (int i = o - 1; i >= p0; i--) {
		int l;
		if (K(i).q >= 0 || !(cue_at(q, i, &l) & (L_CUE | L_LISTEN)))
			continue;
		int j = i, x, y;
		while (j - 1 >= p0 && (K(j - 1).bits & L_SKIP))
			j--;
		if (is_ing(q, i) ? qt_ing_subject(q, p0, i, &x, &y) : qt_np_back_appos(q, j, p0, &x, &y)) {
			if (!(is_cap(q, y - 1) || (K(y - 1).bits & (L_PRON | L_SPKN))))
				return 0;
			*sa = x;
			*sb = y;
			return 1;
		}
		return 0;
	}
	return 0;
}

struct text_pos {
	int pa, x;
};

static int by_text_pos(const void *a, const void *b)
{
	const struct text_pos *u = a, *v = b;
	if (u->pa != v->pa)
		return u->pa < v->pa ? -1 : 1;
	return (u->x > v->x) - (u->x < v->x);
}

/* The attributions not dropped (and with content when with_content), in text order, into
 * ord (q->na entries, malloc'd); their number. */
size_t qt_text_order(const struct af_quoter *q, int with_content, int **ordp)
{
	int *ord = *ordp = af_malloc((q->na ? q->na : 1) * sizeof *ord);
	size_t m = 0;
	for (size_t x = 0; x < q->na; x++)
		if (!q->at[x].drop && (!with_content || (q->at[x].np > 0 && q->at[x].pb[0] > q->at[x].pa[0])))
			ord[m++] = (int)x;
	/* by content start, the order of the attributions among equals: a stable sort (an
	 * insertion sort was quadratic on thousands of attributions, issue 15) */
	struct text_pos *tp = af_malloc((m ? m : 1) * sizeof *tp);
	for (size_t x = 0; x < m; x++)
		tp[x] = (struct text_pos){q->at[ord[x]].pa[0], ord[x]};
	qsort(tp, m, sizeof *tp, by_text_pos);
	for (size_t x = 0; x < m; x++)
		ord[x] = tp[x].x;
	free(tp);
	return m;
}

/* ""...," CNN quoted Pompeo as saying": the speaker is the one quoted, not the one who
 * reports it. */
static void quoted_as_saying(const struct af_quoter *q, struct attr *a)
{
	int c = a->cue;
	if (a->sa < 0 || c < a->sb || !(tok_is(q, c, "quoted") || tok_is(q, c, "quoting")))
		return;
	for (int j = c + 2; j < q->nt && j < c + 10 && K(j).q < 0; j++) {
		int x;
		if (tok_is(q, j, "as") && j + 1 < q->nt && is_ing(q, j + 1) && is_cap(q, j - 1) &&
		    qt_np_back(q, j, c + 1, &x) && x == c + 1) {
			a->sa = x;
			a->sb = j;
			return;
		}
	}
}

/* "Benjamin said he believes "..."": the quoted words are those of the cue that reports the
 * pronoun's clause, so its subject speaks (indirect speech keeps its own frame: "Harper said
 * he thinks that ..." has "he" for "thinks"). */
static void reported_pronoun(const struct af_quoter *q, struct attr *a)
{
	if (!(a->sa >= 0 && a->sb - a->sa == 1 && (K(a->sa).bits & L_PRON) && a->cue > a->sa && a->kind != K_INDIRECT))
		return;
	int j = a->sa - 1, l, xa, xb;
	if (tok_is(q, j, "that"))
		j--;
	if (j > 0 && K(j).q < 0 && (cue_at(q, j, &l) & L_CUE) && l == 1) {
		int s0 = sent_start(q, j), c = j, got;
		while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
			j--;
		if (is_ing(q, c)) /* "Cruz replied, before adding that he thinks "..."" */
			got = qt_ing_subject(q, s0, c, &xa, &xb);
		else if (!(got = qt_np_back_appos(q, j, s0, &xa, &xb)) && tok_is(q, j - 1, "and"))
			got = qt_subject_of(q, s0, j - 1, &xa, &xb); /* "Reid caucused ... and says he voted "..."" */
		if (got && (is_cap(q, xb - 1) || (K(xb - 1).bits & L_SPKN) || (K(xa).bits & L_DET) || tok_is(q, xa, "the")) &&
		    !(K(xa).bits & L_PRON)) {
			a->sa = xa;
			a->sb = xb;
		}
	}
}

/* A direct quote with no speaker of its own: the speaker of a cue in the sentence before,
 * else the last speaker (last_spk, an attribution or -1) when near. */
static void unattributed(const struct af_quoter *q, struct attr *a, int last_spk)
{
	if (a->sa < 0 && a->kind == Q_DIRECT && a->pa[0] > 0 && prev_sentence_speaker(q, a->pa[0] - 1, &a->sa, &a->sb)) {
		/* ""...," Robinson said. / Bystrom agreed. "Mainstream Republicans ..."" */
	} else if (a->sa < 0 && last_spk >= 0 && a->kind == Q_DIRECT) {
		struct attr *p = &q->at[last_spk];
		/* an unattributed quote: the last speaker, when near */
		if (K(a->pa[0]).para - K(p->pa[0]).para <= 2) {
			a->sa = p->sa;
			a->sb = p->sb;
			a->from = last_spk;
			/* the same name mentioned again nearer the quote ("Roloson supports
			 * Clinton. "I'm a college graduate ...""): that mention */
			int last = p->sb - 1;
			if (is_cap(q, last))
				for (int t = a->pa[0] - 1; t > last && t > a->pa[0] - 80; t--) {
					int s2;
					if (K(t).klen == K(last).klen && K(t).q < 0 &&
					    !memcmp(q->keys.p + K(t).koff, q->keys.p + K(last).koff, K(t).klen) &&
					    is_cap(q, t) && !is_cap(q, t + 1) && qt_np_back(q, t + 1, 0, &s2)) {
						a->sa = s2;
						a->sb = t + 1;
						break;
					}
				}
		}
	}
}

void qt_resolve(struct af_quoter *q)
{
	int *ord;
	size_t m = qt_text_order(q, 0, &ord);
	int last_person = -1, last_any = -1; /* attributions with a named speaker */
	int last_spk = -1, last_pspk = -1; /* last_pspk: the last with a person's canonical name */
	for (size_t x = 0; x < m; x++) {
		struct attr *a = &q->at[ord[x]];
		quoted_as_saying(q, a);
		reported_pronoun(q, a);
		unattributed(q, a, last_spk);
		if (a->sa < 0)
			continue;
		a->spk_c0 = T(a->sa).cstart;
		a->spk_c1 = T(a->sb - 1).cend;
		if (a->from >= 0) {
			struct attr *p = &q->at[a->from];
			a->canon = p->canon ? af_strdup(p->canon) : NULL;
			a->type = p->type;
			last_spk = ord[x];
			continue;
		}
		int pron = a->sb - a->sa == 1 && (K(a->sa).bits & L_PRON);
		/* entities first */
		const struct mention *best = NULL;
		for (size_t i = men_upto(q, a->spk_c0), e = men_upto(q, a->spk_c1); i < e; i++) {
			const struct mention *me = &q->men[i];
			if (me->c1 <= a->spk_c1 && (!best || me->c1 > best->c1))
				best = me;
		}
		/* ""...," the statement added": the body that issued it, the speaker before; so is
		 * "it" after an organisation's quote */
		int doc = !best && a->sb - a->sa == 2 && tok_is(q, a->sa, "the") && (K(a->sb - 1).bits & L_DOCN);
		int it = pron && tok_is(q, a->sa, "it") && last_spk >= 0 && q->at[last_spk].type &&
		         !strcmp(q->at[last_spk].type, "ORG");
		if ((doc || it) && last_spk >= 0 && q->at[last_spk].canon &&
		    K(a->sa).para - K(q->at[last_spk].pa[0]).para <= 2) {
			a->canon = af_strdup(q->at[last_spk].canon);
			a->type = q->at[last_spk].type;
			last_spk = ord[x];
			continue;
		}
		/* "Reza Padidar, another TCCIMA member, said": the name before the description */
		const struct mention *appos = pron || is_cap(q, a->sb - 1) ? NULL : person_before_comma(q, a->sa);
		if (appos) {
			a->canon = appos->canonical ? af_strdup(appos->canonical) : NULL;
			a->type = appos->type;
			last_any = last_person = last_spk = last_pspk = ord[x];
			continue;
		}
		/* a title or trade with no name: "the spokesman", "the Russian diplomat", "The Leader" */
		int nominal = !pron && (K(a->sb - 1).bits & L_PERSN) && (!is_cap(q, a->sb - 1) || tok_is(q, a->sa, "the"));
		if (best && !pron && !strcmp(best->type, "NORP")) {
			const struct mention *h = title_holder(q, best, a->sb, a->spk_c0);
			if (!h && nominal)
				h = nearest_person(q, a->spk_c0);
			a->canon = h && h->canonical ? af_strdup(h->canonical) : NULL;
			a->type = h ? h->type : NULL;
		} else if (best && !pron) {
			a->canon = !strcmp(best->type, "ORG") ? org_canon(q, best, a->spk_c0) /* "the Chinese Foreign Ministry" */
			                                      : best->canonical ? af_strdup(best->canonical) : NULL;
			a->type = best->type;
		} else if (pron) {
			int person = (K(a->sa).bits & L_PPRON) != 0;
			const struct mention *near = men_before(q, a->spk_c0, person ? antecedent_person : antecedent_other, NULL);
			/* "he" after a quote of a person, no other speaker named since, is that person, though someone else
			 * was named between ("... God's awareness and His eminence. "..." he said") */
			if (person && last_pspk >= 0 && (last_spk == last_pspk || !q->at[last_spk].canon)) {
				struct attr *p = &q->at[last_pspk];
				if (p->canon && K(a->sa).para - K(p->sa >= 0 ? p->sa : p->pa[0]).para <= 1) {
					a->canon = af_strdup(p->canon);
					a->type = "PERSON";
					last_spk = last_pspk = ord[x];
					continue;
				}
			}
			if (near) {
				a->canon = near->canonical ? af_strdup(near->canonical) : NULL;
				a->type = near->type;
			} else {
				int r = person ? last_person : last_any;
				if (r >= 0 && q->at[r].canon)
					a->canon = af_strdup(q->at[r].canon);
				else if (person)
					a->canon = name_before(q, a->sa);
				a->type = person ? "PERSON" : (r >= 0 ? q->at[r].type : NULL);
			}
		} else if (!best && nominal) {
			/* "the spokesman said": the person named nearest before */
			const struct mention *near = nearest_person(q, a->spk_c0);
			if (near) {
				a->canon = near->canonical ? af_strdup(near->canonical) : NULL;
				a->type = near->type;
			}
			last_any = ord[x];
		} else if (!best && a->sb - a->sa == 2 && tok_is(q, a->sa, "the") && !is_cap(q, a->sb - 1) &&
		           named_org_before(q, a->sb - 1, a->spk_c0)) {
			/* "the ministry said": the organisation named before with that word */
			const struct mention *o = named_org_before(q, a->sb - 1, a->spk_c0);
			a->canon = org_canon(q, o, 0);
			a->type = o->type;
			last_any = ord[x];
		} else if (is_cap(q, a->sb - 1)) {
			a->canon = fullest_name(q, a->sa, a->sb);
			last_any = ord[x];
			if (!(K(a->sa).bits & L_DET) && !tok_is(q, a->sa, "the"))
				last_person = ord[x];
		} else {
			last_any = ord[x];
		}
		last_spk = ord[x];
		if (a->canon && a->type && !strcmp(a->type, "PERSON"))
			last_pspk = ord[x];
	}
	free(ord);
}

/* Is there a question mark after token i in its sentence (which a question label after it
 * may not end: "...? A: ...")? */
static int ends_question(const struct af_quoter *q, int i)
{
	for (int e = i + 1, end = sent_end(q, i); e < end; e++)
		if (is_punct(q, e, '?'))
			return 1;
	return 0;
}

/* Is token i an interview's question label ("Q", "Question"), alone or before a colon or
 * a full stop? */
static int question_label(const struct af_quoter *q, int i)
{
	return i >= 0 && (K(i).bits & L_QLABEL) && is_cap(q, i) &&
	       (q->s[T(i).end - 1] == '.' || i + 1 >= q->nt || is_punct(q, i + 1, ':') || is_punct(q, i + 1, '.') ||
	        !is_word(q, i + 1));
}

/* The first word of the sentence of token i, past a question label and its colon. */
static int first_word(const struct af_quoter *q, int i)
{
	int s0 = sent_start(q, i);
	while (s0 < i && T(s0).kind != AF_TOK_WORD)
		s0++;
	if (s0 < i && question_label(q, s0))
		for (s0++; s0 < i && T(s0).kind != AF_TOK_WORD; s0++)
			;
	return s0;
}

/* Is attribution a in a question: its sentence opened by an auxiliary, alone or after a
 * question word ("Why do you think Washington wants ...?") or a question label ("... Q: Do
 * you think ...?", where the label need not open the sentence), with a question mark after
 * the cue? */
static int in_question(const struct af_quoter *q, const struct attr *a)
{
	int at = a->cue >= 0 && a->cue < a->sa ? a->cue : a->sa;
	if (!ends_question(q, a->cue >= 0 ? a->cue : a->sa))
		return 0;
	int w = first_word(q, at);
	if (w <= at && (K(w).bits & L_QAUX))
		return 1;
	if (w < at && (K(w).bits & L_QWH) && (K(w + 1).bits & L_QAUX))
		return 1;
	for (int j = at; j > sent_start(q, at); j--)
		if ((K(j).bits & L_QAUX) && (question_label(q, j - 1) || (j >= 2 && is_punct(q, j - 1, ':') && question_label(q, j - 2))))
			return 1;
	return 0;
}

void qt_questions(struct af_quoter *q)
{
	for (size_t x = 0; x < q->na; x++) {
		struct attr *a = &q->at[x];
		if (a->drop || a->sa < 0)
			continue;
		if (!question_label(q, a->sa) && !in_question(q, a))
			continue;
		a->kind = K_QUESTION;
		a->sa = a->sb = -1;
		a->va = a->vb = -1;
	}
}
