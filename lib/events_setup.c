/* events_setup.c - the event coder's set-up: its closed-class words and their roles, the
 * blocks of each verb, the pattern signatures, and the coder's life cycle (af_coder_new,
 * af_coder_conventions, af_coder_free). events.c codes records with what this builds. */
#include "events_coder.h"
#include "evdict_int.h"
#include "english.h"

#include "af/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The coder's closed-class words: English's classes (data/english.yaml, lib/english.c) with
 * the roles the coder gives them, then the coder's own roles of a few words. */
static const struct {
	enum af_en_class en;
	unsigned cls;
} en_roles[] = {
	{AF_EN_DET, W_DET}, {AF_EN_PREP, W_PREP}, {AF_EN_CONJ, W_CONJ}, {AF_EN_SUB, W_WH},
	{AF_EN_WH, W_WH}, {AF_EN_BE, W_AUX | W_BE}, {AF_EN_AUX, W_AUX}, {AF_EN_MODAL, W_MODAL},
	{AF_EN_NEG, W_NEG}, {AF_EN_PERSON_PRON, W_PRON}, {AF_EN_OTHER_PRON, W_PRON},
	{AF_EN_TIME, W_TIME}, {AF_EN_WEEKDAY, W_TIME}, {AF_EN_MONTH, W_TIME}, {AF_EN_RELDAY, W_TIME},
};

/* Roles of the coder's own: agent-of-actor links (of, in, from), the passive's "by", the
 * infinitive's "to" (no preposition here), possessives, "get" passives, and adverbs that may
 * sit inside a verb group. */
static const struct {
	const char *w;
	unsigned cls;
} own_roles[] = {
	{"OF", W_LINK}, {"IN", W_LINK}, {"FROM", W_LINK}, {"BY", W_BY}, {"TO", W_TO},
	{"GET", W_AUX | W_BE}, {"GOT", W_AUX | W_BE}, {"'S", W_POSS}, {"’S", W_POSS}, {"'", W_POSS},
	{"’", W_POSS}, {"N’T", W_NEG}, {"ALSO", W_ADV}, {"BOTH", W_ADV}, {"NOW", W_ADV}, {"EVER", W_ADV},
	{"EVEN", W_ADV}, {"JUST", W_ADV}, {"STILL", W_ADV}, {"ALREADY", W_ADV}, {"AGAIN", W_ADV},
	{"THEN", W_ADV}, {"SOON", W_ADV}, {"YET", W_ADV}, {"ONCE", W_ADV}, {"LATER", W_ADV},
	{"EARLIER", W_ADV}, {"FINALLY", W_ADV}, {"REPORTEDLY", W_ADV}, {"RECENTLY", W_ADV},
	{"ALLEGEDLY", W_ADV}, {"NEVER", W_ADV},
};

/* Words English's classes give that the coder reads otherwise: "'s" is a possessive here, not
 * "is"; "may" a modal, not the month; "to" the infinitive's; "both" a floating quantifier
 * that may stand inside a verb group ("were both attacked"). */
static int en_skip(const char *w, unsigned cls)
{
	return (!strcmp(w, "'S") && (cls & W_BE)) || (!strcmp(w, "'M")) || (!strcmp(w, "MAY") && (cls & W_TIME)) ||
	       (!strcmp(w, "TO") && (cls & W_PREP)) || (!strcmp(w, "BOTH") && (cls & W_DET));
}

struct closed_ctx {
	void (*fn)(void *ctx, const char *w, size_t n, unsigned cls);
	void *ctx;
	unsigned cls;
};

static void closed_en(void *vctx, const char *word, int value)
{
	(void)value;
	struct closed_ctx *x = vctx;
	char up[64];
	size_t n = strlen(word);
	if (n >= sizeof up || memchr(word, ' ', n))
		return; /* phrases ("even though") are no single token */
	for (size_t i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)word[i]);
	up[n] = 0;
	if (!en_skip(up, x->cls))
		x->fn(x->ctx, up, n, x->cls);
}

/* Calls fn for each closed-class word and its class bits (a word may come more than once). */
static void closed_each(void (*fn)(void *ctx, const char *w, size_t n, unsigned cls), void *ctx)
{
	struct af_error err;
	const struct af_english *en = af_english_shared(&err);
	if (!en) /* the compiled-in file: a build that cannot read it is broken (as lexicon.c) */
		af_die(AF_EX_SOFTWARE, "%s", err.msg);
	for (size_t i = 0; i < sizeof en_roles / sizeof en_roles[0]; i++) {
		struct closed_ctx x = {fn, ctx, en_roles[i].cls};
		af_english_each(en, en_roles[i].en, closed_en, &x);
	}
	for (size_t i = 0; i < sizeof own_roles / sizeof own_roles[0]; i++)
		fn(ctx, own_roles[i].w, strlen(own_roles[i].w), own_roles[i].cls);
}

static void intern_closed(void *ctx, const char *w, size_t n, unsigned cls)
{
	(void)cls;
	ev_wtab_add(&((struct af_evdict *)ctx)->w, w, n);
}

void ev_closed_words(struct af_evdict *d)
{
	closed_each(intern_closed, d);
}

struct verb_key {
	const struct ev_verb *v;
	int idx;
};

static int cmp_verb(const void *x, const void *y)
{
	const struct verb_key *a = x, *b = y;
	const struct ev_verb *p = a->v, *q = b->v;
	if (p->nwords != q->nwords)
		return p->nwords - q->nwords;
	int r = memcmp(p->words, q->words, (size_t)p->nwords * sizeof *p->words);
	if (r)
		return r;
	if (p->block != q->block)
		return p->block - q->block;
	return a->idx - b->idx;
}

/* For each verb, the blocks holding a verb with the same words (its patterns all apply). */
static void build_verb_blocks(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	size_t n = d->nverbs;
	struct verb_key *key = af_malloc((n + 1) * sizeof *key);
	for (size_t i = 0; i < n; i++)
		key[i] = (struct verb_key){&d->verbs[i], (int)i};
	qsort(key, n, sizeof *key, cmp_verb);
	int *idx = af_malloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = key[i].idx;
	free(key);
	c->vb = af_malloc((n + 1) * sizeof *c->vb);
	c->vboff = af_malloc((n + 1) * sizeof *c->vboff);
	c->vbn = af_malloc((n + 1) * sizeof *c->vbn);
	size_t nvb = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		const struct ev_verb *p = &d->verbs[idx[i]];
		while (j < n && d->verbs[idx[j]].nwords == p->nwords &&
		       !memcmp(d->verbs[idx[j]].words, p->words, (size_t)p->nwords * sizeof *p->words))
			j++;
		size_t off = nvb;
		for (size_t k = i; k < j; k++) {
			int bl = d->verbs[idx[k]].block;
			if (nvb == off || c->vb[nvb - 1] != bl)
				c->vb[nvb++] = bl;
		}
		for (size_t k = i; k < j; k++) {
			c->vboff[idx[k]] = off;
			c->vbn[idx[k]] = (int)(nvb - off);
		}
		i = j;
	}
	free(idx);
}

/* A 64-bit signature per pattern: one bit per literal word or synset it needs (hashed), so
 * that a pattern whose words are not all around a verb is skipped with one AND. */
static uint64_t ebit(unsigned v)
{
	uint64_t x = v * 0x9e3779b97f4a7c15ull;
	return 1ull << (x >> 58);
}

static void build_masks(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	c->tokbits = af_calloc(d->w.nwords + 1, sizeof *c->tokbits);
	c->pmask = af_calloc(d->npats + 1, sizeof *c->pmask);
#define TB(id, bit)                                                                                \
	do {                                                                                       \
		if ((id) >= 0 && (size_t)(id) < d->w.nwords)                                      \
			c->tokbits[id] |= (bit);                                                   \
	} while (0)
	for (size_t i = 0; i < d->nsyns; i++) {
		uint64_t bit = ebit((unsigned)i * 2 + 1);
		for (size_t k = 0; k < d->syns[i].nalts; k++) {
			const struct ev_synalt *al = &d->syns[i].alts[k];
			TB(al->words[0], bit);
			if (al->nwords == 1)
				TB(al->plural[0], bit);
		}
	}
	for (size_t i = 0; i < d->npats; i++) {
		const struct ev_pattern *p = &d->pats[i];
		uint64_t m = 0;
		for (size_t k = 0; k < p->nel; k++) {
			const struct ev_pelem *e = &p->el[k];
			if (e->kind == PE_WORD && e->word >= 0) {
				uint64_t bit = ebit((unsigned)e->word * 2);
				TB(e->word, bit);
				for (int q = 0; q < 3; q++)
					TB(e->plural[q], bit);
				m |= bit;
			} else if (e->kind == PE_SYN)
				m |= ebit((unsigned)e->syn * 2 + 1);
		}
		c->pmask[i] = m;
	}
#undef TB
}

/* Adds a closed-class word's bits to the coder's word-id table (a word's classes merge). */
static void add_closed(void *ctx, const char *w, size_t n, unsigned cls)
{
	struct af_coder *c = ctx;
	int id = ev_wtab_get(&c->d->w, w, n);
	if (id >= 0 && (size_t)id < c->nclsw)
		c->clsw[id] |= cls;
}

struct af_coder *af_coder_new(const struct af_evdict *d)
{
	struct af_coder *c = af_calloc(1, sizeof *c);
	c->d = d;
	af_coder_conventions(c, AF_EVC_NEWS);
	struct af_error err;
	if (!(c->en = af_english_shared(&err))) /* the compiled-in file: as closed_each */
		af_die(AF_EX_SOFTWARE, "%s", err.msg);
	c->nclsw = d->w.nwords;
	c->clsw = af_calloc(c->nclsw ? c->nclsw : 1, sizeof *c->clsw);
	closed_each(add_closed, c);
	build_masks(c);
	c->synseen = af_calloc(d->nsyns + 1, sizeof *c->synseen);
	c->syntried = af_calloc(d->nsyns + 1, sizeof *c->syntried);
	build_verb_blocks(c);
	ev_select_init(c);
	ev_assert_init();
	return c;
}

void af_coder_conventions(struct af_coder *c, enum af_evconventions conv)
{
	/* news: the news coding guidelines (docs/af-events.1): only a compound subject's joint act
	 * is coded both ways, non-events are not coded. petrarch: as PETRARCH's validation suite
	 * codes, [active:reverse] codes both ways, a speech verb's actor object its target. */
	c->news = conv == AF_EVC_NEWS;
	c->mirror = !c->news;
}

void af_coder_free(struct af_coder *c)
{
	if (!c)
		return;
	af_dates_free(c->dates);
	af_parse_free(&c->parse);
	free(c->vclause);
	free(c->want);
	free(c->vcodable);
	free(c->nom);
	af_syntax_free(c->syn);
	free(c->ed);
	free(c->sd);
	af_tokens_free(&c->toks);
	af_sentences_free(&c->sents);
	free(c->t);
	for (size_t i = 0; i < c->nch; i++)
		free(c->ch[i].owned);
	free(c->ch);
	free(c->gr);
	free(c->vg);
	free(c->vb);
	free(c->vboff);
	free(c->vbn);
	free(c->clsw);
	free(c->tokbits);
	free(c->pmask);
	free(c->synseen);
	free(c->syntried);
	free(c->up);
	free(c);
}
