/* events.c - the event coder: shallow parsing of each sentence in the TABARI tradition.
 *
 * Per sentence: tokens (lib/text.c) are looked up as interned words; actor and agent phrases
 * (longest match in the phrase trie, plus `entities` when present) form actor chunks, chunks
 * joined by "and" / "," form compound groups; verb forms from the verb dictionaries, less
 * those that read as nouns, head verb groups (auxiliaries, modals, negation, passive). For
 * each verb group the most specific pattern of its block is matched around it; the source is
 * the subject found by scanning left (skipping prepositional phrases and appositions, or
 * inherited from a coordinated or governing verb), the target the first chunk after it (or
 * the by-phrase's chunk and the subject when passive). Parenthetical clauses between commas
 * (relative clauses, attributions) are passed over, and a subordinate clause's subject is
 * never a target. Speech verbs and quotes make the events they govern `reported`, with the
 * speaker. docs/af-events.1 says what is decided; docs/decisions.md why. */
#include "events_coder.h"
#include "evdict_int.h"
#include "english.h"

#include "af/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static unsigned closed_class(const struct af_coder *c, int id)
{
	return id >= 0 && (size_t)id < c->nclsw ? c->clsw[id] : 0;
}

/* ---- words ---- */

static int lookup(struct af_coder *c, const char *s, size_t n, unsigned *cls)
{
	if (n + 1 > c->upcap) {
		c->upcap = n + 64;
		c->up = af_realloc(c->up, c->upcap);
	}
	for (size_t i = 0; i < n; i++)
		c->up[i] = (char)toupper((unsigned char)s[i]);
	c->up[n] = 0;
	int id = ev_wtab_get(&c->d->w, c->up, n);
	*cls = 0;
	if (id >= 0) {
		*cls = closed_class(c, id);
	} else if (n >= 3 && !memcmp(s + n - 3, "’s", 3 < n ? 3 : n)) {
		*cls = 0;
	}
	return id;
}

static int cmp_chunk(const void *x, const void *y)
{
	const struct chunk *p = x, *q = y;
	return p->a < q->a ? -1 : p->a > q->a;
}

/* One sentence being coded: its tokens [a, b), its index, the record, the events array, and
 * the verb group of each event it made (for places and reported speech). */

/* Phase 1: which words may be verbs (never noun-phrase modifiers) and which are speech verbs. */
static void mark_words(struct af_coder *c, const struct sent *s)
{
	for (size_t i = s->a; i < s->b; i++) {
		int id = c->t[i].id;
		c->t[i].pverb = id >= 0 && (size_t)id < c->d->formheadcap && c->d->formhead[id] >= 0 &&
		                !(c->t[i].cls & (W_DET | W_PREP));
		c->t[i].speech = ev_flag(c->d->speech, c->d->speechcap, id);
	}
}

/* news: an agent's word that modifies a noun names no actor ("gave military advice to Syria",
 * "launched a military campaign", "under pressure due to military defeat"): a chunk coded with
 * an agent's role alone ("---MIL") whose noun phrase in the parse has a singular head noun
 * after it, in no chunk, is left out (its words belong to no actor). A plural head names
 * people or states the modifier qualifies ("Muslim countries", "police officers"). The chunk
 * is flagged, so that it is no member of a list either ("criticized Russia and military
 * cooperation with Syria" is about Russia alone). */
static void drop_modifier_agents(struct af_coder *c, size_t ch0)
{
	if (!c->news || !c->parse.nnp)
		return;
	for (size_t k = ch0; k < c->nch; k++) {
		struct chunk *ch = &c->ch[k];
		if (strncmp(ch->code, "---", 3) || ch->person || ch->pron)
			continue;
		ssize_t h = ev_noun_after(c, ch);
		if (h >= 0 && (c->parse.tok[h].tag == AF_POS_NN || c->parse.tok[h].tag == AF_POS_NNP))
			ev_drop_chunk(c, k);
	}
	/* a demonym alone (one word the parse tags JJ) before a noun of goods, trade or a topic
	 * names no actor either: "eight key Iranian oil buyers", "Indian crude imports", "the
	 * Syrian conflict" (blind draws 24-25; THING_NOUN in data/events.yaml is a word list) */
	for (size_t k = ch0; c->syn_thing >= 0 && k < c->nch; k++) {
		struct chunk *ch = &c->ch[k];
		if (ch->dropped || ch->person || ch->pron || ch->named || ch->b != ch->a + 1 || ch->b >= c->parse.ntok ||
		    c->parse.tok[ch->a].tag != AF_POS_JJ)
			continue;
		ssize_t h = ev_noun_after(c, ch);
		size_t n1 = ch->b; /* the noun right after it ("Iranian oil buyers") */
		if (h >= 0 && (ev_syn_match(c, c->syn_thing, (size_t)h, (size_t)h + 1) == 1 ||
		               (n1 < (size_t)h && af_pos_is_noun(c->parse.tok[n1].tag) &&
		                ev_syn_match(c, c->syn_thing, n1, n1 + 1) == 1)))
			ev_drop_chunk(c, k);
	}
}

/* Phase 2: actor chunks from the dictionaries' phrases, the record's entities and pronouns,
 * in text order. */
static void find_actors(struct af_coder *c, const struct sent *s, size_t ch0)
{
	struct span *sp = NULL;
	size_t nsp = 0, spcap = 0;
	ev_actor_date(c, s->a, s->b);
	for (size_t i = s->a; i < s->b;) {
		int actor, agent;
		size_t n = is_word(&c->t[i]) && i >= c->dl_end ? ev_match_phrase(c, i, s->b, &actor, &agent) : 0;
		if (!n) {
			i++;
			continue;
		}
		if (nsp == spcap)
			sp = af_grow(sp, &spcap, nsp + 1, sizeof *sp);
		sp[nsp++] = (struct span){i, i + n, actor, agent};
		i += n;
	}
	ev_build_chunks(c, sp, nsp);
	free(sp);
	ev_add_entities(c, s->in->entities, s->a, s->b);
	ev_titled_people(c, ch0);
	ev_add_pronouns(c, ch0, s->a, s->b);
	if (c->news) {
		ev_add_anaphors(c, ch0, s->a, s->b);
		ev_add_refs(c, s->in, ch0, s->a, s->b);
	}
	if (c->nch - ch0 > 1) {
		qsort(c->ch + ch0, c->nch - ch0, sizeof *c->ch, cmp_chunk);
		for (size_t k = ch0; k < c->nch; k++)
			for (size_t i = c->ch[k].a; i < c->ch[k].b; i++)
				c->t[i].chunk = (int)k;
	}
	drop_modifier_agents(c, ch0);
	if (c->news)
		ev_join_forces(c, ch0, s->b);
}

/* Is verb group vi an infinitive governed by a verb that made an event ("called on X to be
 * allowed to leave")? Then it is part of that event: marked coded, the chain goes on. */
static int governed_infinitive(struct af_coder *c, size_t vi, size_t a)
{
	struct vgroup *v = &c->vg[vi];
	if (!v->inf || v->a <= a)
		return 0;
	for (size_t k = v->a; k-- > a && k + POST_WIN > v->a;) {
		if (c->t[k].boundary)
			return 0;
		if (c->t[k].verb >= 0) {
			const struct vgroup *g = &c->vg[c->t[k].verb];
			if (!g->coded)
				return 0;
			/* a purpose after a visit's place is an act of its own: "arrived in Tehran on
			 * Sunday to confer with X" (ev_infinitive_subject) */
			if (v->purpose == INF_PURPOSE && !strcmp(g->code, "042"))
				return 0;
			v->coded = 1;
			return 1;
		}
	}
	return 0;
}

/* Is verb group v a plain verb of reporting (say, tell, add, state, report, describe)? In news
 * what such a verb reports is coded from the report's own verbs and nouns (GUIDELINES: "X said
 * Y attacked Z" is Y's act). Its dictionary patterns read the words of the report as its own
 * act: CAMEO.2.0's SAY block has "* VISIT" (036), so "Mokhber said the Omani Sultan's visit to
 * Tehran is beneficial" was Mokhber's intent to meet the Sultan. On about 1,520 unlabeled and
 * unseen Tehran Times articles these verbs' patterns made 240 events (48 distinct, all read: at
 * most 1 right); no news-gold-dev event came from one. "announced", "warned" and "claimed" keep theirs
 * ("announced its readiness to", "warned X against"). */
static int reporting_verb(const struct af_coder *c, const struct vgroup *v)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, v->head, &n);
	return af_english_is(c->en, lem, n, AF_EN_REPORTING); /* english.yaml: reporting_verbs */
}

/* A speech verb codes an event only through a pattern of its own (in news not a plain verb of
 * reporting's), or (PETRARCH conventions) when an actor is its object ("clerics believe
 * Dagolath and Osgiliath can cope": 023 to them). 1 when verb group v is passed over. */
static int skip_speech(const struct af_coder *c, const struct vgroup *v, const struct ev_pattern *p, size_t b)
{
	if (v->reduced)
		return 1;
	if (p && p->score > 0 && c->news && reporting_verb(c, v))
		return 1;
	if (!v->speech || (p && p->score > 0))
		return 0;
	size_t k = v->hend;
	while (k < b && k < v->hend + 2 && (c->t[k].cls & W_DET))
		k++;
	int speech_obj = k < b && c->t[k].chunk >= 0 && c->ch[c->t[k].chunk].a == k;
	return !speech_obj || c->news;
}

/* A code of material conflict or cooperation (CAMEO 06-08, 14-20): its pattern's object is
 * the act, not a topic ("imposed sanctions on", "launched attacks against"). */
static int material_code(const char *k)
{
	return (k[0] == '0' && k[1] >= '6' && k[1] <= '8') || (k[0] == '1' && k[1] >= '4') || k[0] == '2';
}

/* Does token i introduce the recipient of an act ("sanctions on", "attacks against", "aid
 * to", "withdrawal from"), not its scene ("in", "at")? */
static int recipient_prep(const struct af_coder *c, size_t i)
{
	return ev_word_in(c, i, AF_EN_RECIPIENT_PREP);
}

/* Is every member of group g only an agent's role ("---GOV", "---MIL"), no actor of its own? */
static int role_only(const struct af_coder *c, int g)
{
	for (int k = 0; k < c->gr[g].n; k++)
		if (strncmp(c->ch[c->gr[g].members[k]].code, "---", 3))
			return 0;
	return 1;
}

/* Is the noun phrase starting at b the object of an infinitive after a: "to" and a verb's base
 * form (the tagger's VB; any verb, not only the dictionary's) in [a, b), with no preposition
 * after it ("to cooperate with X", "to provide aid to X" name the infinitive's party, which
 * is the intent's: events_clauses.c intended_party)? */
static int infinitive_object(const struct af_coder *c, size_t a, size_t b)
{
	size_t k = b;
	while (k > a + 1 && !((c->t[k - 2].cls & W_TO) && c->t[k - 1].tag == AF_POS_VB)) {
		if (c->t[k - 1].cls & (W_PREP | W_TO) || c->t[k - 1].boundary || c->t[k - 1].verb >= 0)
			return 0;
		k--;
	}
	return k > a + 1;
}

/* Does verb group v praise or thank ("praised / hailed Iran's support to Iraq")? What it praises
 * is its owner's deed, so the owner stays its target (verb_roles' backing rule is for a stance
 * voiced or pledged). A rule: English's verbs of praise, by lemma. */
static int praising(const struct af_coder *c, const struct vgroup *v)
{
	static const char *const praise[] = {"praise", "hail", "laud", "commend", "appreciate", "thank",
	                                     "welcome", "admire", "applaud", "salute", "acclaim"};
	size_t ln;
	const char *lem = af_parse_lemma(&c->parse, v->head, &ln);
	for (size_t i = 0; lem && i < sizeof praise / sizeof *praise; i++)
		if (strlen(praise[i]) == ln && !memcmp(lem, praise[i], ln))
			return 1;
	return 0;
}

/* The source and target groups of verb group v (-1 when none): the pattern's markers, else the
 * subject and the first group after the verb, swapped by the passive's by-phrase. */
static void verb_roles(struct af_coder *c, const struct vgroup *v, const struct pmatch *m, const char *code,
                       const char *act, const struct sent *s, int *sgp, int *tgp)
{
	size_t a = s->a, b = s->b, lim = v->hend + POST_WIN < b ? v->hend + POST_WIN : b;
	int sg, tg;
	if (m->src >= 0)
		sg = c->ch[m->src].group;
	else if (v->passive)
		sg = ev_find_after(c, v->hend, lim, 1, -1);
	else
		sg = v->subj;
	if (m->tgt >= 0)
		tg = c->ch[m->tgt].group;
	else if (v->passive)
		tg = v->subj;
	else
		tg = ev_find_after(c, v->hend, lim, 0, sg);
	/* news: a material act whose pattern names its object ("imposed sanctions", "launched
	 * attacks") is aimed at the actor after that object's preposition ("on Iran", "against
	 * Iran"), which is no topic of a comment here; so is the act announced or refused (act, the
	 * code before ev_news_code made it 03x or 12x: "will lift sanctions on Iran", "refused to
	 * lift the ban on Iran") */
	if (c->news && tg < 0 && m->tgt < 0 && !v->passive && !v->speech && m->wend > v->hend && m->wend < lim &&
	    (material_code(code) || material_code(act)) && recipient_prep(c, m->wend))
		tg = ev_find_after(c, m->wend, lim, 0, sg);
	/* news: a war launched or waged without arms is no force ("has waged an economic war
	 * against Iran", "launched a psychological war on": a word of UNARMED_WORD among the
	 * pattern's words, as for the noun alone in events_emit.c code_act): no target, no event.
	 * On unlabeled Tehran Times news (lines 18001-20000) 6 such 190 events, all wrong. */
	if (c->news && tg >= 0 && code[0] == '1' && code[1] >= '8' && c->syn_unarmed >= 0 && m->wend > v->hend)
		for (size_t k = v->hend; k < m->wend && tg >= 0; k++)
			if (ev_syn_match(c, c->syn_unarmed, k, m->wend))
				tg = -1;
	/* news: an agent's role alone ("ministers", "troops", "the government") standing after an
	 * infinitive the verb governs is that infinitive's object, not the verb's party ("promised to
	 * select ministers", "failed to oust the government", "offered to send troops to Chile"): the
	 * party is the actor right after "to" or "with" after it ("to Chile"), else there is none.
	 * From PLV_train's misses ("has offered to send troops to"); on unlabeled Tehran Times news
	 * (lines 27001-30000) 44 events took such a target, 43 of them wrong. */
	if (c->news && tg >= 0 && m->tgt < 0 && !v->passive && role_only(c, tg) && infinitive_object(c, v->hend, c->gr[tg].a)) {
		size_t e = c->gr[tg].b, f = e + 1;
		while (f < lim && (c->t[f].cls & W_DET))
			f++;
		tg = e < lim && (ev_word_is(c, e, "TO") || ev_word_is(c, e, "WITH")) && f < lim && c->t[f].chunk >= 0 &&
		             c->ch[c->t[f].chunk].a == f && c->ch[c->t[f].chunk].group != sg
		         ? c->ch[c->t[f].chunk].group
		         : -1;
		if (tg >= 0 && role_only(c, tg))
			tg = -1;
	}
	/* news: a military role alone (---MIL) that the verb sends somewhere ("deployed 230 troops to
	 * Liberia", "is sending peacekeepers to South Sudan") is the source's own force, not its
	 * party: the party is the place or actor after "to" right after it (a rule, from PLV_train's
	 * misses of a place as target; not "into": troops sent into a country are no cooperation
	 * with it) */
	if (c->news && tg >= 0 && m->tgt < 0 && !v->passive && c->gr[tg].n == 1 &&
	    !strcmp(c->ch[c->gr[tg].members[0]].code, "---MIL") && !c->ch[c->gr[tg].members[0]].person &&
	    !ev_force_code(code)) {
		size_t e = c->gr[tg].b, f = e + 1;
		while (f < lim && (c->t[f].cls & W_DET))
			f++;
		if (e < lim && ev_word_is(c, e, "TO") && f < lim && c->t[f].chunk >= 0 &&
		    c->ch[c->t[f].chunk].a == f) {
			int g2 = c->ch[c->t[f].chunk].group;
			if (g2 >= 0 && g2 != sg && !role_only(c, g2))
				tg = g2;
		}
	}
	/* "Falastur noted that Cirith Ungol regretted" with "- NOTED + *": the pattern's target
	 * stands before the verb, so the source is the subject before it (of "noted") */
	if (tg >= 0 && tg == sg && m->tgt >= 0 && m->src < 0 && !v->passive && c->ch[m->tgt].a < v->head)
		sg = ev_subject_before(c, c->gr[tg].a, a);
	/* news: the owner of a wish (WISH_WORD: "expressed Iran's readiness to help Afghanistan",
	 * "his country's full willingness to") is whose intent it is, not its party:
	 * the party is the actor after the owned noun (on unlabeled Tehran Times news, lines
	 * 1-3000, such an owner stood after the verb 160 times, an unowned readiness 27). So is
	 * the owner of a backing (BACKING_WORD) voiced or pledged, whose stance it is (05x, 03x):
	 * "reiterated Iran's support for Iraq", "pledged Russia's support for Libya", "expressed
	 * Pakistan's solidarity with the people of Kashmir" (a rule; on unlabeled Tehran Times news,
	 * lines 9001-12000, and 600 unseen articles: 3 wrong owners as targets gone, 2 right
	 * parties found) */
	int wish = code[0] == '0' && code[1] == '3' && c->syn_wish >= 0;
	int backing = code[0] == '0' && (code[1] == '3' || code[1] == '5') && c->syn_backing >= 0 && !praising(c, v);
	/* (the backing the verb's own object: "expressing gratitude for Iran's support" thanks Iran) */
	for (size_t k = v->hend; backing && tg >= 0 && k < c->gr[tg].a; k++)
		if (c->t[k].cls & (W_PREP | W_TO))
			backing = 0;
	if (c->news && tg >= 0 && m->tgt < 0 && !v->passive && (wish || backing)) {
		size_t e = c->ch[c->gr[tg].members[c->gr[tg].n - 1]].b, k = e + 1;
		/* (a backing only as the pattern's own noun: "praised Iran's support for Syria"
		 * praises its owner) */
#define OWNED_STANCE(k) ((wish && ev_syn_match(c, c->syn_wish, (k), lim)) || \
                         (backing && m->wend > (k) && ev_syn_match(c, c->syn_backing, (k), lim)))
		while (k < lim && k < e + 3 && !OWNED_STANCE(k) && ev_modifier(c, k))
			k++;
		if (e < lim && (c->t[e].cls & W_POSS) && k < lim && OWNED_STANCE(k)) {
			/* none after it: no party named (the owner is never the party) */
			int t2 = ev_find_after(c, e + 1, lim, 0, sg);
			tg = t2 != tg ? t2 : -1;
		}
	}
#undef OWNED_STANCE
	if (tg == sg)
		tg = -1;
	*sgp = sg;
	*tgp = tg;
}

/* How a verb's act is coded: which sides, and which of the special readings applies. */
struct reading {
	const char *fwd, *rev; /* the code each way ("" none) */
	int sg, tg;            /* source and target groups */
	int compound;          /* a compound subject's joint act: each member with each other */
	int recip;             /* one plural mention acting with itself ("three blocs agreed") */
	int appeal;            /* an appeal or statement by a known actor with no recipient */
	int code;              /* 0: no event */
	enum ev_frame frame;   /* the frame that chose the code and sides: pattern, verb, call, told */
	const char *subject;   /* where the subject came from (struct emit), NULL its own */
};

/* Does group g's list follow "including" or "such as" (over a determiner)? Examples of a group,
 * not the group: they never act on each other. ("namely" lists the whole group, whose members
 * may: "the three leaders, namely A, B and C, met": review, session 14.) */
static int example_list(const struct af_coder *c, int g)
{
	if (c->gr[g].n < 2)
		return 0;
	const struct chunk *ch = &c->ch[c->gr[g].members[0]];
	size_t k = ev_chunk_text_start(c, ch, 0);
	while (k > 0 && (c->t[k - 1].cls & W_DET))
		k--;
	/* the word may stand before the chunk's text or open it ("including Chile") */
	for (size_t i = k > 0 ? k - 1 : 0; i < ch->a; i++)
		if (ev_word_is(c, i, "INCLUDING") ||
		    (i > 0 && ev_word_is(c, i, "AS") && ev_word_is(c, i - 1, "SUCH")))
			return 1;
	return 0;
}

/* Decides how verb group v, with pattern p, is read (r->code 0: no event). */
static void read_act(struct af_coder *c, const struct vgroup *v, const struct ev_pattern *p, const char *code,
                     const char *pcode, const struct pmatch *m, const struct sent *s, struct reading *r)
{
	int sg = r->sg, tg = r->tg;
	r->code = 0;
	r->fwd = code;
	r->rev = pcode;
	if (!r->fwd[0] && !r->rev[0])
		return;
	if (!strcmp(r->fwd, "---"))
		r->fwd = "";
	if (!strcmp(r->rev, "---"))
		r->rev = "";
	const char *fwd = r->fwd, *rev = r->rev;
	int patterned = p && p->score > 0;
	/* a compound subject with no target acts on itself ("Iran and Pakistan agreed", "clashed
	 * on the border") when nothing else is the verb's object: a pattern of its own, a '%'
	 * or a reciprocal code say so, a direct object says not ("China, Iran and Russia are
	 * determined to fight terrorism", "ten countries are attending the forum"); with a
	 * target each member acts on it ("- % HAVE POSTPONED *" with a target after the verb) */
	int two = sg >= 0 && c->gr[sg].n == 1 && ev_two_sided(c, c->gr[sg].members[0]); /* "the two sides" */
	r->compound = tg < 0 && sg >= 0 && (c->gr[sg].n > 1 || two) && !v->passive &&
	              (m->compound || patterned || (fwd[0] && !strcmp(fwd, rev)) || !ev_has_object(c, v, s->b) ||
	               (c->news && ev_joint_code(fwd)));
	/* news: a list that gives examples of a group ("six world powers including the U.S.,
	 * Britain and France", "countries such as A and B") is one side of the act; its members
	 * never act on each other */
	if (c->news && r->compound && sg >= 0 && example_list(c, sg))
		r->compound = 0;
	/* news: a list's members act on each other only in a joint act the guidelines name
	 * (consult, negotiate, sign, agree) or one the pattern marks with '%' or a reciprocal
	 * code ("reached an agreement" [030:030]); "China and Russia did not vote", "offered
	 * evidence" are each member's own act */
	if (c->news && r->compound && !m->compound && !(patterned && fwd[0] && !strcmp(fwd, rev)) &&
	    !ev_joint_act(c, v, fwd, s->b))
		r->compound = 0;
	int real = ev_group_has_real(c, sg) || ev_group_has_real(c, tg);
	int both = sg >= 0 && tg >= 0 && (ev_group_has_code(c, sg) || ev_group_has_code(c, tg));
	int actorless = patterned && sg < 0 && tg < 0 && v->passive;
	/* a pattern with a reciprocal code ([030:030]) and a plural subject with no other party:
	 * the members act with each other ("three blocs have reached an agreement"); not a verb of
	 * means' infinitive, the subject's act on another ("rioters used pistols to attack police and
	 * fire at protesters": no rioters firing at each other) */
	r->recip = patterned && tg < 0 && sg >= 0 && c->gr[sg].n == 1 && !two && !v->passive && fwd[0] && !strcmp(fwd, rev) &&
	           v->purpose != INF_MEANS &&
	           ev_plural_group(c, sg) && ev_group_has_code(c, sg);
	/* an appeal or statement by a known actor needs no recipient ("calling for talks") */
	r->appeal = patterned && tg < 0 && sg >= 0 && !v->passive && fwd[0] == '0' && (fwd[1] == '1' || fwd[1] == '2') &&
	            ev_group_has_code(c, sg) && !r->compound;
	/* news: both sides or no event; a joint act of a compound subject or of one plural
	 * mention ("the two sides held talks") is its own target; a statement its own pattern
	 * names, made public with no actor named ("the joint statement was released"), stays */
	if (c->news && !r->recip && (sg < 0 || (tg < 0 && !r->compound)) &&
	    !(actorless && fwd[0] == '0' && fwd[1] == '1'))
		return;
	if (!r->recip && !r->appeal && (!(real && (both || r->compound)) && !actorless))
		return;
	if (!r->recip && !r->appeal && !fwd[0] && !rev[0])
		return;
	r->code = 1;
}

static void note_events(struct sent *s, size_t before, int vi)
{
	for (size_t k = before; k < s->events->n; k++) {
		if (s->nevv == s->capv)
			s->ev_verb = af_grow(s->ev_verb, &s->capv, s->nevv + 1, sizeof *s->ev_verb);
		s->ev_verb[s->nevv++] = vi;
	}
}

/* Writes the events of verb group vi as read in r. */
static void emit_reading(struct af_coder *c, int vi, const struct reading *r, struct sent *s)
{
	struct vgroup *v = &c->vg[vi];
	char datebuf[48];
	const char *datesrc;
	v->coded = 1;
	snprintf(v->code, sizeof v->code, "%s", r->fwd);
	const char *date = ev_event_date(c, s->a, s->b, v->head, datebuf, sizeof datebuf, &datesrc);
	struct emit em = {.events = s->events, .sentence = s->sidx, .date = date, .date_source = datesrc,
	                  .frame = r->frame, .subject = r->subject};
	int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
	const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
	int ns = ev_members(c, r->sg, sc, scd, MAX_MEMBERS * 2);
	size_t before = s->events->n;
	const char *fwd = r->fwd, *rev = r->rev;
	if (r->recip || r->appeal) {
		em.symmetric = r->recip; /* the members with each other: a joint act */
		em.reading = r->recip ? "recip" : "appeal";
		for (int x = 0; x < ns; x++)
			ev_emit_event(c, &em, v, fwd, sc[x], scd[x], r->recip ? sc[x] : -1, r->recip ? scd[x] : NULL, 0, -1);
	} else if (r->compound) {
		em.symmetric = 1;
		em.reading = "compound";
		for (int x = 0; x < ns; x++)
			for (int y = 0; y < ns; y++)
				if (x != y && (strcmp(scd[x], scd[y]) || sc[x] != sc[y]) && fwd[0])
					ev_emit_event(c, &em, v, fwd, sc[x], scd[x], sc[y], scd[y], 0, -1);
	} else {
		int nt = ev_members(c, r->tg, tc, tcd, MAX_MEMBERS * 2);
		for (int x = 0; x < ns; x++)
			for (int y = 0; y < nt; y++) {
				if (sc[x] >= 0 && sc[x] == tc[y])
					continue;
				/* "the two sides" with a target: the side of the target's own country is no party
				 * to it ("the two sides agreed to extend the line to Armenia") */
				if (ev_two_sided(c, sc[x]) && scd[x] && tcd[y] && !strncmp(scd[x], tcd[y], 3))
					continue;
				em.reading = NULL;
				if (fwd[0])
					ev_emit_event(c, &em, v, fwd, sc[x], scd[x], tc[y], tcd[y], 0, -1);
				em.reading = "mirror";
				if (rev[0] && !v->passive && tc[y] >= 0 && c->mirror)
					ev_emit_event(c, &em, v, rev, tc[y], tcd[y], sc[x], scd[x], 0, -1);
			}
	}
	note_events(s, before, vi);
}

/* A code whose act has a scene rather than a recipient after "in"/"at". */
static int scene_code(const char *k)
{
	return (k[0] == '0' && (k[1] == '4' || k[1] == '5')) ||
	       (k[0] == '1' && (k[1] == '4' || k[1] == '5' || k[1] == '8' || k[1] == '9')) ||
	       (k[0] == '2' && k[1] == '0');
}

/* The locative preposition (english.yaml: in, at, near ...) governing the phrase at token g,
 * over its determiners, after the verb that ends at token h: its token index + 1, 0 when none. */
static size_t locative_before(const struct af_coder *c, size_t g, size_t h)
{
	size_t k = g;
	while (k > h && (ev_word_is(c, k - 1, "THE") || ev_word_is(c, k - 1, "A")))
		k--;
	if (k == 0 || k <= h)
		return 0;
	return ev_word_in(c, k - 1, AF_EN_LOCATIVE_PREP) ? k : 0;
}

/* Does the locative preposition at token q aim verb group v's act rather than place it? When
 * the verb's pattern ends with it ("- * AT": "fired at the protesters"), or it follows a weapon
 * the verb's object names ("fired about 100 missiles at Syria", "launched rockets at Israel";
 * ev_aimed_weapon): a rule, the missile's "at" is its aim as the pattern's is. */
static int aimed_at(const struct af_coder *c, const struct vgroup *v, const struct pmatch *m, const char *code,
                    size_t q)
{
	/* a visit whose pattern ends with the preposition goes to the place ("- * (IN) [042]":
	 * "arrived in Baku"), as "travelled to" does */
	if (code[0] == '0' && code[1] == '4' && code[2] == '2' && q + 1 == m->wend)
		return 1;
	if (!ev_force_code(code))
		return 0;
	return q + 1 == m->wend || (q > v->hend && ev_aimed_weapon(c, q, v->hend));
}

/* Does verb group v's object name a weapon (the dictionary's &WEAPON) within a few words of
 * determiners, numbers and modifiers ("fired dozens of ballistic missiles")? Such a verb uses
 * force, whatever a comment pattern of its block says ("- * (FOR) [111]" of "blasted X for":
 * "fired 100 missiles at Syria for its alleged use of ..." is no criticism). */
static int weapon_object(const struct af_coder *c, const struct vgroup *v, size_t b)
{
	for (size_t k = v->hend; k < b && k < v->hend + 6; k++) {
		if (ev_syn_match(c, c->syn_weapon, k, b))
			return 1;
		/* an owner's weapons are what is talked about, not what is fired ("blasted Israel's
		 * nuclear weapons for threatening the region" is a criticism: review, session 15) */
		if (c->t[k].tag == AF_POS_POS || c->t[k].tag == AF_POS_PRPS ||
		    c->t[k].boundary || c->t[k].verb >= 0 || af_pos_is_verb(c->t[k].tag) ||
		    ((c->t[k].cls & (W_PREP | W_TO)) && !ev_word_is(c, k, "OF")))
			return 0;
	}
	return 0;
}

/* Phase 4: the event of verb group vi, if it makes one. */
/* Is verb group v, a bare past participle the word scan read as active, passive in the parse?
 * A participle coordinated with a passive in one verb group ("was criticized and threatened
 * by India") or after a linking verb ("feels threatened by Iran"), with its by-phrase right
 * after it and no perfect "have": the by-phrase acts. */
static int parse_passive(const struct af_coder *c, const struct vgroup *v)
{
	int kind = c->d->forms[v->form].kind;
	if (v->passive || v->perfect || v->reduced || v->be || v->a != v->head || (kind != VF_ED && kind != VF_IRR) ||
	    v->hend >= c->toks.n || !(c->t[v->hend].cls & W_BY) || c->t[v->head].tag != AF_POS_VBN)
		return 0;
	const struct af_clause *k = ev_clause_of(c, v);
	if (!k || k->verb.head != v->head || (k->verb.flags & AF_VG_PERFECT))
		return 0;
	return k->verb.start < v->head || /* one verb group: "was criticized and threatened", "feels threatened" */
	       (k->kind == AF_CL_COORD && k->parent >= 0 && (c->parse.cl[k->parent].verb.flags & AF_VG_PASSIVE));
}

/* Is verb group v's verb one of talking something over (discuss, explore, review, exchange,
 * confer, talk, consult, examine)? */
static int consult_lemma(const struct af_coder *c, const struct vgroup *v)
{
	size_t ln;
	const char *lem = v->head < c->parse.ntok ? af_parse_lemma(&c->parse, v->head, &ln) : NULL;
	static const char *const w[] = {"discuss", "explore", "review", "exchange", "confer", "talk", "consult", "examine", NULL};
	for (int k = 0; lem && w[k]; k++)
		if (ln == strlen(w[k]) && !memcmp(lem, w[k], ln))
			return 1;
	return 0;
}

/* Is target group tg of verb group v, whose subject sg is a list, the topic of their joint act
 * rather than a party to it? "Pakistan and China agreed on a joint approach to Afghanistan",
 * "A and B agreed on a stance towards C": the act is A's with B (news guidelines); the third
 * actor stands after a preposition that names no partner (not "with", "between"). Only
 * consulting and agreeing (04x, 05x): a list that fights or moves "to" a place is no pair. */
static int joint_topic(const struct af_coder *c, const struct vgroup *v, const char *code, int sg, int tg, size_t a,
                       size_t b)
{
	/* (a "they" that stands for the two sides of the last exchange is a pair: events_refs.c) */
	if (sg < 0 || tg < 0 ||
	    (c->gr[sg].n < 2 && !(c->gr[sg].n == 1 && ev_two_sided(c, c->gr[sg].members[0]) &&
	                          ev_word_is(c, c->ch[c->gr[sg].members[0]].a, "THEY"))) ||
	    v->passive || code[0] != '0' || (code[1] != '4' && code[1] != '5') ||
	    !ev_joint_act(c, v, code, b))
		return 0;
	const struct chunk *m0 = &c->ch[c->gr[tg].members[0]];
	size_t t0 = ev_chunk_text_start(c, m0, a);
	while (t0 > v->hend && (c->t[t0 - 1].cls & W_DET))
		t0--;
	/* a consultation's (040-044, 046) actor inside its object, no partner's preposition
	 * before it, is what the two parties talk over: "X and Y discussed the Syria crisis",
	 * "discussed ways to help stabilize Afghanistan" (the dev gold codes X with Y); the
	 * object's own head stays a party ("X and Y met the UN envoy"); only a verb of talking
	 * something over ("confront", "summon", "face" keep their target) */
	if (c->news && code[1] == '4' && code[2] != '5' && t0 >= v->hend && m0->b <= c->parse.ntok && c->gr[sg].n <= 2 &&
	    consult_lemma(c, v) &&
	    !((c->t[t0 - 1].cls & (W_PREP | W_TO)) && (ev_bits(c->d->wflag, c->d->wflagcap, c->t[t0 - 1].id) & EV_WF_PARTNER))) {
		const struct af_clause *k = ev_clause_of(c, v);
		int head = 0;
		for (size_t o = 0; k && o < k->nobj; o++) {
			size_t h = c->parse.np[c->parse.objs[k->obj_start + o]].head;
			if (h >= m0->a && h < m0->b)
				head = 1;
		}
		if (!head && !(c->t[t0 - 1].cls & (W_PREP | W_TO)))
			return 1;
	}
	if (t0 <= v->hend || !(c->t[t0 - 1].cls & (W_PREP | W_TO)))
		return 0;
	return !(ev_bits(c->d->wflag, c->d->wflagcap, c->t[t0 - 1].id) & EV_WF_PARTNER);
}

/* Is group g, after verb group v, the pair of a noun's "between" phrase ("discussed
 * ties between Iran and Austria", "including talks between Tehran and Riyadh")? Then they are
 * what a consultation is about, not its party (the dev gold codes only the discussants); a host's
 * are its guests ("hosted talks between X and Y", data/events.yaml [046]). */
static int between_topic(const struct af_coder *c, const struct vgroup *v, int g)
{
	size_t ln, from = v->hend;
	const char *lem = af_parse_lemma(&c->parse, v->head, &ln);
	if (ln == 4 && !memcmp(lem, "host", 4))
		return 0;
	size_t t0 = c->ch[c->gr[g].members[0]].a;
	while (t0 > from && (c->t[t0 - 1].cls & W_DET))
		t0--;
	if (t0 < from + 2 || !ev_word_is(c, t0 - 1, "BETWEEN"))
		return 0;
	const struct tok *n = &c->t[t0 - 2];
	return n->kind == AF_TOK_WORD && !n->cls && n->chunk < 0 && (n->flags & AF_TF_LOWER) && !ev_is_adverb(c, t0 - 2);
}

/* news: an intent or a threat whose infinitive, right after the verb, is force ("vowed to
 * attack X", "pledged to retaliate against X", "threatened to strike X") is a threat of military
 * force (CAMEO 138), not "vow"'s intent (030) or the generic threat (130). A rule (CAMEO's 138
 * names "threaten to attack"). */
static int force_infinitive(struct af_coder *c, const struct vgroup *v, size_t a, size_t b)
{
	size_t k = v->hend;
	if (k + 1 >= b || !(c->t[k].cls & W_TO) || c->t[k + 1].verb < 0)
		return 0;
	struct vgroup *w = &c->vg[c->t[k + 1].verb];
	if (!w->inf || w->negated)
		return 0;
	struct pmatch m = {.src = -1, .tgt = -1};
	const struct ev_pattern *p = ev_best_pattern(c, w, a, b, &m);
	const char *code, *pcode;
	if (p && p->score > 0)
		code = p->code;
	else
		ev_verb_codes(c, w, &code, &pcode);
	return ev_force_code(code);
}

/* Is group g, the target of a verb of seizing (capture, seize, overrun), land: each member a city
 * or region af-entities names alone, or a state's bare name ending its noun phrase ("captured
 * Mazar-i-Sharif", "seized Kandahar and Ghazni"; not "seized a British tanker", where the
 * state's word modifies a noun)? A rule. */
static int seized_land(const struct af_coder *c, const struct vgroup *v, int g)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, v->head, &n);
	if (!lem || v->passive ||
	    !((n == 7 && !memcmp(lem, "capture", 7)) || (n == 5 && !memcmp(lem, "seize", 5)) || (n == 7 && !memcmp(lem, "overrun", 7))))
		return 0;
	for (int k = 0; k < c->gr[g].n; k++) {
		const struct chunk *ch = &c->ch[c->gr[g].members[k]];
		/* (an owner is no land: "seizing Kirkuk's oil wells") */
		if (ch->person || ch->pron ||
		    (ch->b < c->toks.n && (af_pos_is_noun(c->t[ch->b].tag) || (c->t[ch->b].cls & W_POSS) || c->t[ch->b].tag == AF_POS_POS)))
			return 0;
		if (ch->place != 1 && !(strlen(ch->code) == 3 && ev_real_code(ch->code) && c->t[ch->b - 1].tag == AF_POS_NNP))
			return 0;
	}
	return 1;
}

static void code_verb(struct af_coder *c, size_t vi, struct sent *s)
{
	struct vgroup *v = &c->vg[vi];
	int subj0 = -1; /* the subject an infinitive had before ev_infinitive_subject's */
	int thanked = 0; /* the subject is the one thanked for the act (ev_thanked_doer) */
	v->subj = ev_find_subject(c, (int)vi, s->a);
	const char *how = v->carried && v->subj >= 0 ? "carried" : NULL; /* the subject's origin (struct emit) */
	if (c->news && parse_passive(c, v))
		v->passive = 1;
	if (c->news) {
		/* the parse's subject where the word scan has none, for a verb coordinated with an
		 * earlier one ("Iran met Pakistan and criticized India": Iran's, not Pakistan's), and
		 * where the scan's lies in a clause modifying it ("X who visited Kabul met Y") */
		int shared, ps = ev_parse_subject(c, v, &shared);
		if (ps >= 0 && (v->subj < 0 || shared)) {
			v->subj = ps;
			how = shared ? "shared" : "parse";
		}
		if (v->subj < 0 && (v->subj = ev_speaker_pronoun(c, v)) >= 0)
			how = "speaker";
		int ps2 = ev_adverbial_participle(c, vi, s->a, s->b);
		v->adverbial = ps2 >= 0;
		if (v->adverbial) {
			v->subj = ps2;
			how = "adverbial";
		}
		/* "thanked Iran for hosting refugees": the one thanked does the act */
		int ps4 = ev_thanked_doer(c, vi, s->a);
		if (ps4 >= 0) {
			v->subj = ps4;
			v->adverbial = 1;
			how = "thanked";
			thanked = 1;
		}
		int ps3 = ev_infinitive_subject(c, vi, s->a, s->b);
		if (ps3 >= 0) {
			subj0 = v->subj;
			v->subj = ps3;
			how = v->purpose == INF_INTENT ? "intent" : v->purpose == INF_MEANS ? "means" : "purpose";
		}
	}
	if (governed_infinitive(c, vi, s->a))
		return;
	struct pmatch m = {.src = -1, .tgt = -1};
	const struct ev_pattern *p = ev_best_pattern(c, v, s->a, s->b, &m);
	/* news: "X called Y on Saturday to discuss Z" is a phone call to Y (ev_call_purpose), one
	 * way as "X met Y" is; a pattern of "call" with a code ("called on Y" 100) reads first */
	int callee = c->news && !(p && p->score > 0 && strcmp(p->code, "---")) ? ev_call_purpose(c, v, s->b) : -1;
	if (callee >= 0) {
		p = NULL;
		m = (struct pmatch){.src = -1, .tgt = c->gr[callee].members[0]};
	}
	/* news: "X told Y that ..." is X's statement to Y (ev_told_party) */
	int told = c->news && callee < 0 && !(p && p->score > 0) ? ev_told_party(c, v, s->b) : -1;
	if (told >= 0) {
		m = (struct pmatch){.src = -1, .tgt = c->gr[told].members[0]};
		v->addressed = 1;
	}
	if (v->untagged && !(p && p->score > 0) && callee < 0)
		return;
	/* news: a word the syntax layer tags a noun, with "of" after it, is that noun, even when a
	 * pattern's words follow later ("X, head of the UN office in Tehran, said": no visit by the
	 * "head ... to"; "the use of chemical weapons", "the Saudi blockade of Qatar"). On unlabeled
	 * Tehran Times news (lines 6001-9500) 37 such events, at most 2 right (a rule: the tagger
	 * is right about a noun before "of" far more often than the word scan). */
	if (c->news && v->untagged && af_pos_is_noun(c->t[v->head].tag) && v->hend < s->b &&
	    ev_word_is(c, v->hend, "OF"))
		return;
	if (callee < 0 && told < 0 && skip_speech(c, v, p, s->b))
		return;
	const char *code, *pcode;
	if (p && c->news && p->code[0] == '1' && p->code[1] == '1' && c->syn_weapon >= 0 && weapon_object(c, v, s->b)) {
		p = NULL; /* the block's own code: force */
		m = (struct pmatch){.src = -1, .tgt = -1};
	}
	/* news: a condemned attack is its owner's: the condemnation is aimed at the owner (111) */
	int attacker = c->news && callee < 0 && told < 0 && v->subj >= 0 ? ev_condemned_attacker(c, v, v->subj) : -1;
	if (attacker == -2)
		return;
	if (attacker >= 0) {
		p = NULL;
		m = (struct pmatch){.src = -1, .tgt = attacker};
		code = "111", pcode = "";
	} else if (callee >= 0)
		code = "041", pcode = "";
	else if (told >= 0)
		code = "010", pcode = "";
	else if (p) {
		code = p->code;
		pcode = p->pcode;
	} else
		ev_verb_codes(c, v, &code, &pcode);
	char nbuf[2][12];
	const char *act = code[0] ? code : pcode; /* the act's own code, before the news conventions' */
	if (c->news) {
		const char *was = code;
		code = ev_news_code(c, v, code, nbuf[0], sizeof nbuf[0]);
		pcode = ev_news_code(c, v, pcode, nbuf[1], sizeof nbuf[1]);
		/* an announced act is coded as the intent, which is a fact, not a hypothesis */
		if (code != was && code[0] == '0' && code[1] == '3')
			v->modal = 0;
		if (((code[0] == '0' && code[1] == '3') || (code[0] == '1' && code[1] == '3')) && strcmp(code, "138") &&
		    force_infinitive(c, v, s->a, s->b))
			code = "138";
	}
	struct reading r = {0};
	verb_roles(c, v, &m, code[0] ? code : pcode, act, s, &r.sg, &r.tg);
	r.frame = callee >= 0 ? EV_F_CALL : told >= 0 ? EV_F_TOLD : p && p->score > 0 ? EV_F_PATTERN : EV_F_VERB;
	r.subject = r.sg >= 0 && r.sg == v->subj ? how : NULL; /* (a pattern's marker or a by-phrase is no subject) */
	const char *k0 = code[0] ? code : pcode;
	int topic = c->news && m.tgt < 0 && joint_topic(c, v, k0, r.sg, r.tg, s->a, s->b);
	if (topic)
		r.tg = -1;
	/* a consultation's party is its "with" phrase, its object the topic; a condemnation's
	 * target may be the owner of its object ("the crime of X") */
	const char *k = code[0] ? code : pcode;
	/* (a visit's place found stays its target: "arrived in X on a joint trip with Y", "visited
	 * X with a delegation" name a companion) */
	if (c->news && r.sg >= 0 && !v->passive && m.tgt < 0 && k[0] == '0' && k[1] == '4' && !(k[2] == '2' && r.tg >= 0)) {
		int w = ev_with_party(c, v, r.sg);
		if (w >= 0)
			r.tg = w;
		else if (r.tg >= 0 && k[2] != '5' && between_topic(c, v, r.tg))
			r.tg = -1; /* a mediator's (045) "talks between X and Y" are its targets */
	}
	if (c->news && r.tg < 0 && r.sg >= 0 && !v->passive && k[0] == '1' && k[1] == '1')
		r.tg = ev_object_owner(c, v, r.sg);
	/* a comment's target through its topic phrase */
	if (c->news && !topic && r.tg < 0 && r.sg >= 0 && !v->passive && k[0] == '0' && (k[1] == '1' || k[1] == '5'))
		r.tg = ev_topic_target(c, v, r.sg);
	/* news: for a meeting, an agreement, a protest, a posture or force (04x, 05x, 14x, 15x,
	 * 18x-20x) a place after a locative preposition is the scene of the act, not its target,
	 * however the target was found ("troops will remain in Iraq", "are fighting in Syria",
	 * "met in Kabul", "signed a deal in Doha"); other verbs take their argument there
	 * ("intervened in Syria", "invested in Afghanistan") */
	size_t loc = c->news && r.tg >= 0 && m.tgt < 0 && !v->passive && scene_code(k0)
	                     ? locative_before(c, c->gr[r.tg].a, v->hend)
	                     : 0;
	if (loc && !aimed_at(c, v, &m, k0, loc - 1))
		r.tg = -1;
	if (c->news && !ev_news_event(c, v, p, code[0] ? code : pcode, r.tg, s->a)) {
		if (v->purpose)
			v->subj = subj0; /* no act of its own: later phases read the subject as before */
		return;
	}
	/* an adverbial participle reports an act, not a statement ("Speaking at a meeting with X,
	 * Y said", "addressing the ceremony") */
	if (v->adverbial && k[0] == '0' && k[1] == '1')
		return;
	/* news: land seized ("captured Mazar-i-Sharif", "seized parts of Afghanistan") is
	 * territory occupied (192), as the news guidelines code a takeover; CAMEO.2.0's SEIZE
	 * has it only for the words "town" and "city" */
	if (c->news && r.tg >= 0 && !strcmp(code, "171") && seized_land(c, v, r.tg))
		code = "192";
	/* what an actor is thanked for: support, aid and force only (05x, 07x, 19x); read on
	 * unlabeled news, the other codes such acts got were mostly the verb's wrong sense
	 * ("enforcing laws" 170, "aborting a coup" 160, "hosting immigrants" 043) */
	const char *tk = code[0] ? code : pcode;
	if (thanked && !(tk[0] == '0' && (tk[1] == '5' || tk[1] == '7')) && !(tk[0] == '1' && tk[1] == '9') &&
	    strcmp(tk, "043")) /* (hosting: refugees' asylum, ev_emit_event) */
		return;
	read_act(c, v, p, code, pcode, &m, s, &r);
	/* a verb with no pattern words of its own is coded only when its sides are where the
	 * parse has its arguments ("when it fled Kabul" is no event of the U.S.'s with Kabul) */
	if (r.code && c->news && !r.recip && !r.appeal && !(p && p->score > 0) && attacker < 0 && !thanked &&
	    !ev_args_agree(c, v, r.sg, r.compound ? -1 : r.tg))
		r.code = 0;
	if (r.code)
		emit_reading(c, (int)vi, &r, s);
}

/* Phase 5: each event's place, the one the sentence states nearest its trigger, in the
 * trigger's clause when it has one (no boundary between them). */
static void locate_events(struct af_coder *c, const struct sent *s)
{
	if (!s->nevv)
		return;
	struct place pls[16];
	size_t npl = ev_find_places(c, s->a, s->b, s->in->entities, pls, 16);
	for (size_t k = 0; k < s->nevv && npl; k++) {
		struct af_event *e = &s->events->v[s->first_event + k];
		const struct vgroup *v = &c->vg[s->ev_verb[k]];
		long bestd = -1;
		size_t bi = 0;
		for (size_t q = 0; q < npl; q++) {
			size_t lo = pls[q].a < v->head ? pls[q].a : v->head, hi = pls[q].a < v->head ? v->head : pls[q].a;
			int cut = 0;
			for (size_t x = lo; x < hi && !cut; x++)
				cut = c->t[x].boundary;
			if (cut)
				continue;
			long dd = (long)(hi - lo) + (pls[q].a < v->head ? 8 : 0); /* after the verb first */
			if (bestd < 0 || dd < bestd) {
				bestd = dd;
				bi = q;
			}
		}
		if (bestd >= 0)
			ev_place(c, s->events, &pls[bi], &e->location);
	}
}

/* The quotes of the record that may hold a trigger of sentence s, as [*q0, *q1) of their
 * indices: found from a cursor that moves forward sentence by sentence (linear over the
 * record) when the quotes come in order of their start, else all of them. */
static void sentence_quotes(struct af_coder *c, const struct sent *s, size_t *q0, size_t *q1)
{
	const struct af_quote_refs *qs = s->in->quotes;
	size_t n = qs ? qs->n : 0;
	*q0 = 0;
	*q1 = n;
	if (!c->quotes_sorted || !n)
		return;
	size_t cs = c->toks.v[s->a].cstart, ce = c->toks.v[s->b - 1].cend;
	if (c->q_next > n || (c->q_next > 0 && qs->v[c->q_next - 1].cend > cs))
		c->q_next = 0; /* a quote may still be open: from its first one */
	while (c->q_next < n && qs->v[c->q_next].cend <= cs)
		c->q_next++;
	size_t e = c->q_next;
	while (e < n && qs->v[e].cstart < ce)
		e++;
	*q0 = c->q_next;
	*q1 = e;
}

/* Phase 6: reported speech: events governed by a speech verb or inside quotes (the quotes
 * field's quote holding the trigger names the speaker). */
static void mark_reported(struct af_coder *c, const struct sent *s)
{
	if (!s->nevv)
		return;
	int sp[2] = {-1, -1}; /* the sentence's first two speech verbs */
	for (size_t si = 0; si < c->nvg && sp[1] < 0; si++)
		if (c->vg[si].speech)
			sp[sp[0] >= 0] = (int)si;
	size_t q0, q1;
	sentence_quotes(c, s, &q0, &q1);
	for (size_t k = 0; k < s->nevv; k++) {
		struct af_event *e = &s->events->v[s->first_event + k];
		const struct vgroup *v = &c->vg[s->ev_verb[k]];
		int speaker = -1, reported = 0;
		int si = sp[0] == s->ev_verb[k] ? sp[1] : sp[0];
		if (!v->speech && !v->adverbial && si >= 0) {
			reported = 1;
			speaker = ev_speaker_of(c, si, s->b);
		}
		if (c->t[v->head].inquote)
			reported = 1;
		const struct af_quote_ref *qspeaker = NULL;
		size_t cs = c->toks.v[v->head].cstart;
		for (size_t qi = q0; qi < q1; qi++) {
			const struct af_quote_ref *q = &s->in->quotes->v[qi];
			if (q->cstart <= cs && cs < q->cend) {
				reported = 1;
				if (q->speaker)
					qspeaker = q;
			}
		}
		if (!reported)
			continue;
		e->reported = 1;
		if (qspeaker)
			af_events_actor_json(s->events, qspeaker->speaker, qspeaker->speaker_len, &e->speaker);
		else if (speaker >= 0)
			ev_actor(c, s->events, speaker, c->ch[speaker].code, &e->speaker);
	}
}

/* Phase 7: a speech verb's own event goes when it governs others. */
static void drop_speech_events(struct af_coder *c, const struct sent *s)
{
	if (s->nevv <= 1)
		return;
	int others = 0;
	for (size_t k = 0; k < s->nevv; k++)
		if (!c->vg[s->ev_verb[k]].speech)
			others = 1;
	if (others)
		for (size_t k = s->nevv; k-- > 0;)
			if (c->vg[s->ev_verb[k]].speech && !c->vg[s->ev_verb[k]].addressed)
				af_events_remove(s->events, s->first_event + k);
}

/* The person chunk (from ch0 on) that is the subject of sentence sidx's first main clause, a
 * resolved "he" too ("Netanyahu ... He encouraged Trump to ..."); -1 when the subject is no
 * person or the sentence has no parse. */
static int subject_person(const struct af_coder *c, size_t ch0, int sidx)
{
	for (size_t q = ev_first_clause(c, (size_t)sidx); q < c->parse.ncl && c->parse.cl[q].sent == (size_t)sidx; q++) {
		const struct af_clause *k = &c->parse.cl[q];
		if (k->kind != AF_CL_MAIN)
			continue;
		if (k->subj < 0 || k->subj_inherited)
			return -1;
		const struct af_syn_np *np = &c->parse.np[k->subj];
		for (size_t j = ch0; j < c->nch; j++)
			if (c->ch[j].person && c->ch[j].canonical && c->ch[j].a <= np->head && np->head < c->ch[j].b)
				return (int)j;
		return -1;
	}
	return -1;
}

/* Last phase: the person a later sentence's "he" or "she" is (news: its main clause's subject
 * when that is a person, the one the next sentence goes on about; else the last person named),
 * and the first country named (the subject's, as a rule), for their "the country". */
static void remember_person(struct af_coder *c, size_t ch0, int sidx)
{
	int country = 0;
	for (size_t k = ch0; k < c->nch; k++) {
		if (c->ch[k].person && !c->ch[k].pron && c->ch[k].canonical) {
			c->last_person_canon = c->ch[k].canonical;
			snprintf(c->last_person_code, sizeof c->last_person_code, "%s", c->ch[k].code);
		}
		if (!country && ev_country_mention(&c->ch[k])) {
			memcpy(c->last_country, c->ch[k].code, 4);
			country = 1;
		}
	}
	int p = c->news ? subject_person(c, ch0, sidx) : -1;
	if (p >= 0) {
		c->last_person_canon = c->ch[p].canonical;
		snprintf(c->last_person_code, sizeof c->last_person_code, "%s", c->ch[p].code);
	}
}

/* where side a of an event starts, -1 when it has none */
static long long side_start(const struct af_ev_actor *a)
{
	return a->set ? a->start : -1;
}

/* news: a verb whose object is an act the sentence names with a noun ("started negotiations
 * with Russia", "launched a campaign against Iran") makes one event, the noun's: the verb's
 * own code for the same two sides goes. Events [v0, v1) are the verbs', [v1, ...) the nouns'. */
static void drop_light_verbs(struct af_events *events, size_t v0, size_t v1)
{
	for (size_t i = v1; i-- > v0;) {
		const struct af_event *e = &events->v[i];
		long long te = e->trigger_end;
		for (size_t j = v1; j < events->n; j++) {
			const struct af_event *n = &events->v[j];
			long long ns = n->trigger_start;
			if (te < 0 || ns < te || ns - te > 30)
				continue;
			if (side_start(&e->source) != side_start(&n->source) || side_start(&e->target) != side_start(&n->target))
				continue;
			af_events_remove(events, i);
			v1--; /* the nouns' events moved down by one */
			break;
		}
	}
}

/* AF_EVENTS_CHUNKS: the actors found in sentence sidx, one stderr line each ("af-events:
 * chunk RECORD SENTENCE START END CODE NAMED PRONOUN", offsets in code points, CODE "-" for
 * none), for bench/events-side-coverage, which counts how af's own actors cover the sides of
 * the events it misses. */
static void show_chunks(const struct af_coder *c, size_t ch0, int sidx)
{
	for (size_t k = ch0; k < c->nch; k++) {
		const struct chunk *ch = &c->ch[k];
		if (ch->dropped || ch->a >= ch->b)
			continue;
		size_t s = ch->pron ? ch->a : ev_chunk_text_start(c, ch, 0);
		fprintf(stderr, "af-events: chunk %zu %d %zu %zu %s %d %d\n", c->nrecords, sidx, c->toks.v[s].cstart,
		        c->toks.v[ch->b - 1].cend, ch->code[0] ? ch->code : "-", ch->named, ch->pron);
	}
}

/* Codes one sentence s[a, b), phase by phase. */
static void code_sentence(struct af_coder *c, size_t a, size_t b, int sidx, const struct af_evinput *in,
                          struct af_events *events)
{
	size_t ch0 = c->nch;
	c->nvg = 0;
	struct sent s = {.a = a, .b = b, .sidx = sidx, .in = in, .events = events, .first_event = events->n};
	mark_words(c, &s);
	find_actors(c, &s, ch0);
	ev_find_verbs(c, a, b);
	ev_mark_parens(c, a, b);
	ev_build_groups(c, ch0, a, b);
	if (c->show_chunks)
		show_chunks(c, ch0, sidx);
	for (size_t vi = 0; vi < c->nvg; vi++)
		code_verb(c, vi, &s);
	locate_events(c, &s);
	mark_reported(c, &s);
	drop_speech_events(c, &s);
	free(s.ev_verb);
	if (c->news) {
		ev_code_appeals(c, &s);
		ev_code_evaluations(c, &s);
	}

	if (c->news) {
		size_t nverb = events->n;
		ev_code_nominal(c, a, b, sidx, events);
		drop_light_verbs(events, s.first_event, nverb);
		ev_assert_filter(c, a, b, sidx, events, s.first_event);
	}
	remember_person(c, ch0, sidx);
}

/* The article's date: published, else the dateline's (af_dt_parse, the one reader). */
static void parse_pubdate(struct af_coder *c, const char *published, const char *dateline)
{
	c->pub_y = c->pub_m = c->pub_d = 0;
	c->adate = 0;
	const char *why;
	const char *s = published ? published : dateline;
	if (!s || af_dt_parse(s, &c->pub, &why) < 0 || !c->pub.mo || !c->pub.d)
		return;
	c->pub_y = c->pub.y;
	c->pub_m = c->pub.mo;
	c->pub_d = c->pub.d;
	c->adate = (long)c->pub_y * 10000 + c->pub_m * 100 + c->pub_d;
	c->pub_source = published ? "published" : "dateline";
}

/* Words joined by '_' ("Dol_Amroth", as TABARI-era texts write names) are dictionary phrases:
 * the '_' between them (a token of its own) goes before sentences are found. */
static void drop_joiners(struct af_coder *c, const char *text)
{
	size_t o = 0, n = c->toks.n;
	struct af_token *v = c->toks.v;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == AF_TOK_PUNCT && v[i].end == v[i].start + 1 && text[v[i].start] == '_' && o > 0 &&
		    i + 1 < n && v[o - 1].kind == AF_TOK_WORD && v[i + 1].kind == AF_TOK_WORD &&
		    v[o - 1].end == v[i].start && v[i + 1].start == v[i].end)
			continue;
		v[o++] = v[i];
	}
	c->toks.n = o;
}

/* The dateline at the text's start: up to four capitalised words, all capitals among them,
 * then a dash ("TEHRAN –", "KABUL, Afghanistan -"): the place of writing, never an actor.
 * Its end token, 0 when none. */
static size_t dateline_end(const struct af_coder *c)
{
	size_t n = c->toks.n, words = 0;
	int caps = 0;
	for (size_t i = 0; i < n && i < 8; i++) {
		const struct af_token *k = &c->toks.v[i];
		if (k->kind == AF_TOK_WORD && (k->flags & AF_TF_CAP)) {
			caps |= (k->flags & AF_TF_ALLCAPS) && k->end - k->start > 1;
			if (++words > 4)
				return 0;
			continue;
		}
		if (k->kind == AF_TOK_PUNCT && c->text[k->start] == ',' && words)
			continue;
		if (k->kind == AF_TOK_PUNCT && words && caps) {
			const char *p = c->text + k->start;
			if (*p == '-' || !strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3))
				return i + 1;
		}
		return 0;
	}
	return 0;
}

int af_coder_code(struct af_coder *c, const struct af_evinput *in, struct af_events *events, size_t *nsent,
                  struct af_error *err)
{
	af_events_reset(events);
	c->nrecords++;
	if (af_cameo_init(err) < 0)
		return -1;
	if (af_tokenize(in->text, in->len, &c->toks, err) < 0)
		return -1;
	drop_joiners(c, in->text);
	if (af_sentences(in->text, in->len, &c->toks, &c->sents, err) < 0)
		return -1;
	c->text = in->text;
	c->ents_sorted = 1;
	for (size_t i = 1; in->entities && i < in->entities->n; i++)
		if (in->entities->v[i].cstart < in->entities->v[i - 1].cstart)
			c->ents_sorted = 0;
	c->quotes_sorted = 1; /* in order and not nested: mark_reported's cursor may be used */
	c->q_next = 0;
	for (size_t i = 1; in->quotes && i < in->quotes->n; i++)
		if (in->quotes->v[i].cstart < in->quotes->v[i - 1].cend)
			c->quotes_sorted = 0;
	if (!c->dates && !(c->dates = af_dates_new(err)))
		return -1;
	parse_pubdate(c, in->published, in->dateline);
	ev_read_entity_dates(c, in->entities);
	c->sd_valid = 0;
	c->assert_genre = -1;
	c->last_person_canon = NULL;
	c->last_country[0] = 0;
	for (size_t i = 0; i < c->nch; i++)
		free(c->ch[i].owned);
	c->nch = c->ngr = 0;
	size_t n = c->toks.n;
	if (n + 1 > c->tcap) {
		c->tcap = n + 64;
		c->t = af_realloc(c->t, c->tcap * sizeof *c->t);
	}
	memset(c->t, 0, (n + 1) * sizeof *c->t); /* this record's tokens, not the largest record's */
	int quote = 0;
	for (size_t i = 0; i < n; i++) {
		const struct af_token *k = &c->toks.v[i];
		struct tok *t = &c->t[i];
		t->kind = (int)k->kind;
		t->flags = k->flags;
		t->chunk = t->verb = -1;
		t->id = lookup(c, in->text + k->start, k->end - k->start, &t->cls);
		if (k->kind == AF_TOK_QUOTE_OPEN)
			quote = 1;
		else if (k->kind == AF_TOK_QUOTE_CLOSE)
			quote = 0;
		else if (k->kind == AF_TOK_QUOTE)
			quote = !quote;
		t->inquote = quote;
		if (k->kind == AF_TOK_PUNCT) {
			char ch = in->text[k->start];
			if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '[' || ch == ']')
				t->boundary = 1;
			/* the ';' of an HTML entity a scraper left ("&amp;", "&#39;") ends no clause */
			if (ch == ';' && k->start > 1) {
				size_t q = k->start;
				while (q > 0 && q + 12 > k->start && (isalnum((unsigned char)in->text[q - 1]) || in->text[q - 1] == '#'))
					q--;
				if (q < k->start && q > 0 && in->text[q - 1] == '&')
					t->boundary = 0;
			}
		}
	}
	c->dl_end = dateline_end(c);
	if (nsent)
		*nsent = c->sents.n;
	/* story-level discards */
	if (ev_sentence_discard(c, 0, n) == 2)
		return 0;
	if (c->sents.n > c->wantcap)
		c->want = af_grow(c->want, &c->wantcap, c->sents.n, 1);
	/* A sentence that names an actor but cannot make an event (ev_may_code 2) is parsed and
	 * coded all the same: what the sentences after it resolve ("he", "the country", a title's
	 * code for a later "Bannon", events_refs.c) is read from its chunks as the whole coder
	 * leaves them (appositions and capitals are read from the parse), so a sentence read
	 * without its parse would make the output depend on which sentences were parsed
	 * (AF_EVENTS_ALL_SENTENCES must change nothing). */
	for (size_t s = 0; s < c->sents.n; s++)
		c->want[s] = ev_may_code(c, in, c->sents.v[s].tok_start, c->sents.v[s].tok_end) != 0;
	if (ev_parse_text(c, in, err) < 0)
		return -1;
	for (size_t s = 0; s < c->sents.n; s++)
		if (c->want[s])
			code_sentence(c, c->sents.v[s].tok_start, c->sents.v[s].tok_end, (int)s, in, events);
	return 0;
}
