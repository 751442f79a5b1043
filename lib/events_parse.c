/* events_parse.c - which sentences af-events parses, and their parse.
 *
 * Few sentences of news make an event (8 in 100 of the Tehran Times'), and the syntax layer's
 * tagger and chunker are most of what af-events costs. So a sentence is parsed and coded only
 * when it may make one (ev_may_code): a verb the dictionaries can code with enough actors
 * around it, or an act a noun names, or an appeal's "should". The test is a necessary one,
 * read from what the coder needs (events.c read_act, events_emit.c, events_clauses.c
 * ev_code_appeals): the output is the same as with every sentence parsed. */
#include "events_coder.h"

#include "af/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int real_code(const char *k)
{
	return k[0] && strcmp(k, "---");
}

/* Which verbs have a code of their own, of their block or of a block of the same words
 * (ev_verb_codes' sources): c->vcodable, per verb. AF_EVENTS_ALL_SENTENCES set in the
 * environment: every sentence is parsed and coded (the check that ev_may_code loses no
 * event: the output must be the same). */
void ev_select_init(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	c->all_sentences = getenv("AF_EVENTS_ALL_SENTENCES") != NULL;
	c->show_chunks = getenv("AF_EVENTS_CHUNKS") != NULL;
	c->vcodable = af_calloc(d->nverbs + 1, 1);
	for (size_t v = 0; v < d->nverbs; v++) {
		const struct ev_verb *vb = &d->verbs[v];
		int ok = real_code(vb->code) || real_code(vb->pcode);
		const int *blocks = c->vb + c->vboff[v];
		for (int k = 0; k < c->vbn[v] && !ok; k++)
			ok = real_code(d->blocks[blocks[k]].code) || real_code(d->blocks[blocks[k]].pcode);
		c->vcodable[v] = (uint8_t)ok;
	}
	ev_nominal_init(c);
	c->syn_praise = c->syn_blame = c->syn_undergo = -1;
	for (size_t i = 0; i < d->nsyns; i++) {
		if (!strcmp(d->syns[i].name, "PRAISE_WORD"))
			c->syn_praise = (int)i;
		if (!strcmp(d->syns[i].name, "BLAME_WORD"))
			c->syn_blame = (int)i;
		if (!strcmp(d->syns[i].name, "UNDERGO_VERB"))
			c->syn_undergo = (int)i;
	}
}

/* Can token i head a verb group that codes, in a sentence whose words have the pattern bits
 * wmask (build_masks)? One of ev_find_verbs' candidates, with a pattern with a code whose
 * words are all in the sentence (ev_best_pattern's quick test): 2 when the pattern has words
 * of its own (score > 0: what a reciprocal act, an appeal with no recipient and an actorless
 * passive need), 1 when the code is the verb's; a speech verb under the news conventions
 * codes through a pattern with words only (skip_speech). 0 when it cannot. */
static int codable_verb(const struct af_coder *c, size_t i, uint64_t wmask)
{
	const struct af_evdict *d = c->d;
	int id = c->t[i].id, r = 0;
	if (id < 0 || (size_t)id >= d->formheadcap || (c->t[i].cls & (W_AUX | W_MODAL | W_DET | W_PREP | W_TO | W_PRON)))
		return 0;
	int speech = c->news && ev_flag(d->speech, d->speechcap, id);
	for (int f = d->formhead[id]; f >= 0; f = d->forms[f].next) {
		int v = d->forms[f].verb;
		if (!speech && c->vcodable[v])
			r = 1;
		const int *blocks = c->vb + c->vboff[v];
		for (int k = 0; k < c->vbn[v]; k++) {
			const struct ev_block *bl = &d->blocks[blocks[k]];
			for (size_t pi = bl->pat0; pi < bl->pat0 + bl->npat; pi++) {
				const struct ev_pattern *p = &d->pats[pi];
				if ((!real_code(p->code) && !real_code(p->pcode)) || (c->pmask[pi] & ~wmask))
					continue;
				if (p->score > 0)
					return 2;
				if (!speech)
					r = 1;
			}
		}
	}
	return r;
}

/* An appeal's word (events_clauses.c obligation: "should", "must", "ought", "is expected to"),
 * a noun naming an act (ev_code_nominal) or an evaluation's word (ev_code_evaluations) at
 * token i. */
static int act_word(const struct af_coder *c, size_t i)
{
	const struct af_token *k = &c->toks.v[i];
	return ev_word_is(c, i, "SHOULD") || ev_word_is(c, i, "MUST") || ev_word_is(c, i, "OUGHT") ||
	       (k->end - k->start >= 6 && !strncasecmp(c->text + k->start, "expect", 6)) || ev_act_noun(c, i) ||
	       (c->syn_praise >= 0 && ev_syn_match(c, c->syn_praise, i, c->toks.n)) ||
	       (c->syn_blame >= 0 && ev_syn_match(c, c->syn_blame, i, c->toks.n));
}

/* The entities of af-entities in [a, b) that find_actors may make actors of (not inside one of
 * the phrases ph[0..nph), code points): their number; *coded set when one may have a code (a
 * person with none may take a title's named before: ev_titled_people). */
static int entity_actors(const struct af_coder *c, const struct af_mentions *ents, size_t a, size_t b,
                         size_t (*ph)[2], size_t nph, int *coded)
{
	int n = 0;
	size_t ca = c->toks.v[a].cstart, cb = c->toks.v[b - 1].cend, k = 0;
	for (size_t i = ents && c->ents_sorted ? ev_first_entity(ents, ca) : 0; ents && i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (c->ents_sorted && e->cstart >= cb)
			break;
		if ((e->type != AF_E_PERSON && e->type != AF_E_ORG && e->type != AF_E_NORP) || e->cstart < ca ||
		    e->cend > cb)
			continue;
		*coded |= (e->code && e->code[0]) || e->type == AF_E_PERSON;
		while (c->ents_sorted && k < nph && ph[k][1] <= e->cstart)
			k++;
		if (!(c->ents_sorted && k < nph && ph[k][0] < e->cend))
			n++;
	}
	return n;
}

/* Can sentence [a, b) make an event? 1 when it may: it is parsed and coded. Not when a discard
 * phrase or a question rules it out. A verb's event needs a verb that can code and two actors,
 * one with a code (source and target, a compound); or, with a pattern that has words of its
 * own, one (a reciprocal act, an appeal with no recipient) or none when passive ("the
 * statement was released": "be" or "by" is there). A noun's act or an appeal's "should"
 * needs two actors. The actors counted are all find_actors could
 * make: actor and agent phrases, pronouns (for the last person named), references
 * (ev_ref_at), entities. 2 when it cannot but names actors (events.c parses and codes it all
 * the same: the sentences after it resolve references from it), else 0. */
int ev_may_code(const struct af_coder *c, const struct af_evinput *in, size_t a, size_t b)
{
	if (b <= a || ev_sentence_discard(c, a, b) || (c->news && ev_question(c, a, b)))
		return 0;
	if (c->all_sentences)
		return 1;
	int actors = 0, coded = 0, verb = 0;
	unsigned cls = 0;
	size_t ph[32][2], nph = 0; /* the phrases' code points: an entity inside one adds no actor */
	uint64_t wmask = 0;
	for (size_t i = a; i < b; i++)
		if (c->t[i].id >= 0)
			wmask |= c->tokbits[c->t[i].id];
	for (size_t i = a; i < b;) {
		int actor, agent;
		size_t n = is_word(&c->t[i]) && i >= c->dl_end ? ev_match_phrase(c, i, b, &actor, &agent) : 0;
		if (!n)
			n = ev_ref_at(c, i, b); /* "the country", "the group", "I" in a quote (events_refs.c) */
		if (n || ev_flag(c->d->pronoun, c->d->pronouncap, c->t[i].id)) {
			actors++;
			coded = 1;
			n = n ? n : 1;
			if (nph < 32)
				ph[nph][0] = c->toks.v[i].cstart, ph[nph++][1] = c->toks.v[i + n - 1].cend;
			else
				nph = SIZE_MAX; /* too many to keep: entities all count */
			i += n;
			continue;
		}
		if (verb < 2) {
			int v = codable_verb(c, i, wmask);
			verb = v > verb ? v : verb;
		}
		cls |= c->t[i].cls;
		i++;
	}
	actors += entity_actors(c, in->entities, a, b, ph, nph == SIZE_MAX ? 0 : nph, &coded);
	if ((verb && actors >= 2 && coded) || (verb == 2 && ((actors && coded) || (cls & (W_BE | W_BY)))))
		return 1;
	if (actors >= 2 && coded)
		for (size_t i = a; i < b; i++)
			if (act_word(c, i))
				return 1;
	return actors ? 2 : 0;
}

/* The record's parse (struct af_parse over c->toks): the upstream "sentences" field when it
 * matches our tokens, else the compiled-in model's for the sentences that may code (c->want);
 * each token's tag copied to c->t. */
int ev_parse_text(struct af_coder *c, const struct af_evinput *in, struct af_error *err)
{
	c->parse_upstream = 0;
	if (in->sentences && in->sentences_len) {
		int rc = af_parse_read(in->sentences, in->sentences_len, in->text, in->len, &c->toks, &c->sents,
		                       &c->parse, err);
		if (rc < 0)
			return -1;
		c->parse_upstream = rc == 0;
	}
	if (!c->parse_upstream) {
		if (!c->syn && af_syntax_load(&c->syn, NULL, err) < 0)
			return -1;
		if (af_syntax_parse_some(c->syn, in->text, in->len, &c->toks, &c->sents, c->want, &c->parse, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < c->toks.n; i++)
		c->t[i].tag = c->parse.tok[i].tag;
	if (c->toks.n + 1 > c->vclausecap)
		c->vclause = af_grow(c->vclause, &c->vclausecap, c->toks.n + 1, sizeof *c->vclause);
	for (size_t i = 0; i < c->toks.n; i++)
		c->vclause[i] = -1;
	for (size_t k = 0; k < c->parse.ncl; k++) {
		const struct af_syn_vg *g = &c->parse.cl[k].verb;
		for (size_t i = g->start; i < g->end && i < c->toks.n; i++)
			c->vclause[i] = (int32_t)k;
	}
	return 0;
}

