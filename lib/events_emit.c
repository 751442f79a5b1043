/* events_emit.c - events into the typed af_events (one per source, target and code), places,
 * and events a noun names ("talks between X and Y", "the Soviet invasion of Afghanistan"). */
#include "events_coder.h"

#include "af/util.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- output ---- */

const char *const ev_frame_names[EV_F_N] = {
	[EV_F_PATTERN] = "pattern",
	[EV_F_VERB] = "verb",
	[EV_F_CALL] = "call",
	[EV_F_TOLD] = "told",
	[EV_F_ACT_NOUN] = "act-noun",
	[EV_F_JOINT_NOUN] = "joint-noun",
	[EV_F_PAIR_WORD] = "pair-word",
	[EV_F_TIES] = "ties",
	[EV_F_PAIR_TIES] = "pair-ties",
	[EV_F_SAID_APPEAL] = "said-appeal",
	[EV_F_SAID_PROPOSAL] = "said-proposal",
	[EV_F_SAID_EVAL] = "said-evaluation",
};

/* a C string into ev's arena, null when z is NULL */
static struct af_str zstr(struct af_events *ev, const char *z)
{
	return z ? af_events_str(ev, z, strlen(z)) : (struct af_str){0};
}

/* Chunk chunk (its words, from a pronoun's own) as an event's actor under code, written as
 * the conventions want it (ev_guideline_code: sides and speaker alike); null when chunk < 0.
 * Its canonical name is the chunk's, else its words. */
void ev_actor(const struct af_coder *c, struct af_events *ev, int chunk, const char *code, struct af_ev_actor *a)
{
	memset(a, 0, sizeof *a);
	if (chunk < 0)
		return;
	char buf[16];
	code = ev_guideline_code(c, code, buf, sizeof buf);
	const struct chunk *ch = &c->ch[chunk];
	size_t s = ch->pron ? ch->a : ev_chunk_text_start(c, ch, 0);
	const struct af_token *ta = &c->toks.v[s], *tb = &c->toks.v[ch->b - 1];
	a->set = 1;
	a->text = af_events_str(ev, c->text + ta->start, tb->end - ta->start);
	a->start = (long long)ta->cstart;
	a->end = (long long)tb->cend;
	a->actor = zstr(ev, code && code[0] ? code : NULL);
	a->canonical = ch->canonical ? zstr(ev, ch->canonical) : a->text;
}

static int valid_cameo(const char *code)
{
	size_t n = strlen(code);
	if (n < 2 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)code[i]))
			return 0;
	return 1;
}

/* Are chunks x and y two persons of different names (two actors under one code)? */
static int two_persons(const struct af_coder *c, int x, int y)
{
	const struct chunk *p = &c->ch[x], *q = &c->ch[y];
	return p->person && q->person && p->canonical && q->canonical && strcmp(p->canonical, q->canonical);
}

/* Could the side x of an event already written be chunk ch: not two persons of different
 * names (Ghani and Abdullah, both AFGELI, are two events)? */
static int same_person(const struct af_coder *c, const struct af_events *ev, const struct af_ev_actor *x, int ch)
{
	if (ch < 0 || !x->set || !c->ch[ch].person || !c->ch[ch].canonical)
		return 1;
	return !x->canonical.set || af_events_eq(ev, x->canonical, c->ch[ch].canonical);
}

/* Has side x of an event written an actor code (a side, and its code not null)? */
static int has_actor(const struct af_ev_actor *x)
{
	return x->set && x->actor.set;
}

/* Does chunk k, or the first member of its list, name travellers for leisure or worship
 * (TRAVELER_NOUN: "foreign tourists", "tourists from A, B and C", "Iranian pilgrims")? */
static int travelers(const struct af_coder *c, int k)
{
	if (k < 0 || c->syn_traveler < 0)
		return 0;
	int g = c->ch[k].group;
	int m = g >= 0 && c->gr[g].n > 0 ? c->gr[g].members[0] : k;
	for (int pass = 0; pass < 2; pass++, k = m)
		for (size_t i = c->ch[k].a; i < c->ch[k].b; i++)
			if (ev_syn_match(c, c->syn_traveler, i, i + 1) == 1)
				return 1;
	return 0;
}

/* Is code a business's (a country's or no country's, role BUS: "ITABUS", "---BUS"; a
 * multinational, "MNC", "MNCUSA", as the Phoenix actor lists code oil majors; not an
 * organisation's, "IGOBUSIMF" is the IMF)? */
static int business_code(const char *code)
{
	return code && (!strncmp(code, "MNC", 3) || (strlen(code) >= 6 && strncmp(code, "IGO", 3) &&
	                                             strncmp(code, "NGO", 3) && !strncmp(code + 3, "BUS", 3)));
}

/* Is code a country's (or no country's) with roles of private people only: businesses,
 * civilians, a population, refugees ("IRNBUS", "---CVL", "SAUPPL")? */
static int civilian_code(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 6 || (n - 3) % 3 || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3))
		return 0;
	for (size_t i = 3; i < n; i += 3)
		if (strncmp(code + i, "BUS", 3) && strncmp(code + i, "CVL", 3) && strncmp(code + i, "PPL", 3) &&
		    strncmp(code + i, "REF", 3))
			return 0;
	return 1;
}

/* Does chunk k only modify a plural noun after it that names no actor ("Saudi nationals",
 * "Iranian tankers"; not "Rouhani's visit")? */
static int plural_head(const struct af_coder *c, int k)
{
	ssize_t h = ev_noun_after(c, &c->ch[k]);
	return h >= 0 && c->parse.tok[h].tag == AF_POS_NNS;
}

/* A state actor code: a country ("IRN") or its government ("IRNGOV", "IRNGOVFRM"). */
static int state_family(const char *code)
{
	if (!code || strlen(code) < 3 || code[0] == '-' || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3))
		return 0;
	/* the state's organs: government, legislature, elite, military, police, judiciary,
	 * intelligence (news gold has no event of one with its own bare state) */
	static const char *const organs[] = {"GOV", "LEG", "ELI", "MIL", "UAF", "COP", "JUD", "SPY", NULL};
	for (int i = 0; code[3] && organs[i]; i++)
		if (!strncmp(code + 3, organs[i], 3))
			return 1;
	return !code[3];
}

/* Mention k names a people, not its state: a plural proper noun ("Iranians living in Qatar"). */
static int a_people(const struct af_coder *c, int k)
{
	return k >= 0 && c->t[c->ch[k].b - 1].tag == AF_POS_NNPS;
}

/* Mention k names a state as a whole under its own name: no person, no agent's role (a capital
 * that acts is coded as the government, "ties between Tehran and Beijing" IRNGOV). */
static int whole_state(const struct af_coder *c, int k)
{
	return k >= 0 && !c->ch[k].person && !c->ch[k].nag && strlen(c->ch[k].base) == 3;
}

/* Does verb group v say what a message did: a MESSAGE_WORD noun (statement, declaration ...)
 * before it in its sentence ("the joint statement, issued under the title ..., was released",
 * "the statement which was published")? */
static int sideless_message(const struct af_coder *c, const struct emit *em, const struct vgroup *v)
{
	if (c->syn_message < 0 || em->sentence < 0 || (size_t)em->sentence >= c->sents.n)
		return 0;
	for (size_t k = v->a; k-- > c->sents.v[em->sentence].tok_start;)
		if (ev_syn_match(c, c->syn_message, k, v->a) > 0)
			return 1;
	return 0;
}

void ev_emit_event(struct af_coder *c, struct emit *em, const struct vgroup *v, const char *code, int src,
                       const char *scode, int tgt, const char *tcode, int reported, int speaker)
{
	if (em->nev >= MAX_EVENTS || (src >= 0 && c->ch[src].document) || (tgt >= 0 && c->ch[tgt].document))
		return; /* a treaty, law or deal is no actor (events_actors.c) */
	/* the impersonal passive ("it was expected / believed / reported that ...") states what
	 * was thought, by no one: with neither participant it is no event. (An agentless act,
	 * "the joint statement was released on Tuesday", keeps its event: its issuer is in the
	 * story, though not in the clause.) */
	if (src < 0 && !(scode && scode[0]) && tgt < 0 && !(tcode && tcode[0]) && v->passive && v->a > 0 &&
	    ev_word_is(c, v->a - 1, "IT"))
		return;
	/* news: an act with neither side is no event (GUIDELINES: no target actor, no event) unless
	 * what it does is a message's ("the joint statement was released", "the declaration that
	 * was issued": its issuer is in the story); "the projects were inaugurated", "as has been
	 * stated", "is considered a violation" are not (unlabeled Tehran Times news, lines
	 * 30001-31500: 8 such events, none an act between actors) */
	if (c->news && src < 0 && !(scode && scode[0]) && tgt < 0 && !(tcode && tcode[0]) && !sideless_message(c, em, v))
		return;
	char sbuf[16], tbuf[16];
	scode = ev_guideline_code(c, scode, sbuf, sizeof sbuf);
	tcode = ev_guideline_code(c, tcode, tbuf, sizeof tbuf);
	/* an actor does not act on itself under the same name, in two mentions: "Russia, China
	 * agree ... Iran, China and Russia" is no event of Russia's with Russia (one plural
	 * mention acting with itself, "three blocs have reached an agreement", is) */
	if (src >= 0 && tgt >= 0 && src != tgt && scode && tcode && scode[0] && !strcmp(scode, tcode)) {
		const struct chunk *x = &c->ch[src], *y = &c->ch[tgt];
		size_t xs = x->pron ? x->a : ev_chunk_text_start(c, x, 0), ys = y->pron ? y->a : ev_chunk_text_start(c, y, 0);
		size_t xa = c->toks.v[xs].start, xb = c->toks.v[x->b - 1].end;
		size_t ya = c->toks.v[ys].start, yb = c->toks.v[y->b - 1].end;
		if (xb - xa == yb - ya && !strncasecmp(c->text + xa, c->text + ya, xb - xa))
			return;
	}
	/* one person under two mentions ("I assured him ..., he tweeted") does not act on itself */
	if (c->news && src >= 0 && tgt >= 0 && c->ch[src].canonical && c->ch[tgt].canonical &&
	    (c->ch[src].pron || c->ch[tgt].pron) && !strcmp(c->ch[src].canonical, c->ch[tgt].canonical))
		return;
	/* news: one state under two names does not talk to, praise or cooperate with itself: the
	 * country or its capital (bare "XXX") and its government or officials (XXXGOV...) are one
	 * actor ("Amir Abdollahian reaffirmed Tehran's determination", "the Islamic Republic of
	 * Iran ... Iran"). Two people of one government are two actors ("Ghani and Abdullah
	 * signed"), nor does its official coerce it ("Trump pulled Washington out of the deal",
	 * 17x); force against a place of one's own (17x by a group, 18x-20x) is kept, as are its
	 * military, rebels, opposition and its people ("the Taliban seized Kabul", "Iranians in
	 * Qatar") */
	if (c->news && state_family(scode) && state_family(tcode) && !strncmp(scode, tcode, 3) &&
	    (!scode[3] || !tcode[3] || whole_state(c, src) || whole_state(c, tgt)) &&
	    (code[0] == '0' || (code[0] == '1' && (code[1] < '7' || (code[1] == '7' && src >= 0 && c->ch[src].person)))) &&
	    !a_people(c, src) && !a_people(c, tgt))
		return;
	/* news: tourists' or pilgrims' trips and arrivals (04x) are counts and habits, no political
	 * event (TRAVELER_NOUN; a rule from the guidelines, data/events.yaml) */
	if (c->news && code[0] == '0' && code[1] == '4' && travelers(c, src))
		return;
	/* news: a visit (042) is a political actor's, not a business's, civilians' or a people's:
	 * goods, ships and migrants arrive ("tankers that arrived in India", "22,000 Azerbaijani
	 * nationals arrived in Iran", "Germans arrived in Turkey"; the source, no person, a
	 * modifier of a plural noun that names no actor, a people's plural proper noun under its
	 * country's code, or a code of only such roles) */
	if (c->news && !strcmp(code, "042") && src >= 0 && !c->ch[src].person &&
	    ((a_people(c, src) && scode && strlen(scode) == 3) || civilian_code(scode) || plural_head(c, src)))
		return;
	/* news: two businesses' dealings are commerce, no political event (GUIDELINES: both sides
	 * political actors, and companies are not among them): "two Italian companies have signed a
	 * deal", "foreign companies from A, B and C will gather with domestic firms" (on unlabeled
	 * Tehran Times news, lines 3001-6000, 108 such events, none political; the news gold has no
	 * business side). A rule from the guidelines, not learned. */
	if (c->news && business_code(scode) && business_code(tcode))
		return;
	/* news: an organisation under two names does not act on itself ("the UN chief will meet UN
	 * staff", "Raisi will attend the SCO summit ... the Shanghai Cooperation Organization") */
	if (c->news && scode && tcode && !strncmp(scode, "IGO", 3) && !strcmp(scode, tcode))
		return;
	/* no duplicates */
	struct af_events *ev = em->events;
	size_t n = ev->n;
	for (size_t i = n > 64 ? n - 64 : 0; i < n; i++) {
		const struct af_event *e = &ev->v[i];
		if (e->sentence != em->sentence || !af_events_eq(ev, e->code, code))
			continue;
		int sa = has_actor(&e->source), ta = has_actor(&e->target);
		if (!sa != !(scode && scode[0]) || !ta != !(tcode && tcode[0]))
			continue;
		if ((!sa || af_events_eq(ev, e->source.actor, scode)) && (!ta || af_events_eq(ev, e->target.actor, tcode)) &&
		    same_person(c, ev, &e->source, src) && same_person(c, ev, &e->target, tgt))
			return;
	}
	/* hosting refugees, or a people ("millions of Afghans": a plural proper noun), is giving
	 * them asylum (075), not hosting a visit (043) */
	/* (and immigrants or migrants: "hosted millions of Afghan immigrants", as the session-18
	 * coders code it) */
	if (c->news && !strcmp(code, "043") && tcode &&
	    ((strlen(tcode) >= 6 && !strcmp(tcode + strlen(tcode) - 3, "REF")) ||
	     (tgt >= 0 && (c->t[c->ch[tgt].b - 1].tag == AF_POS_NNPS || ev_word_is(c, c->ch[tgt].b - 1, "IMMIGRANTS") ||
	                   ev_word_is(c, c->ch[tgt].b - 1, "MIGRANTS")))))
		code = "075";
	struct af_event *e = af_events_add(ev);
	e->code = zstr(ev, code);
	char root[3] = {code[0], code[1] ? code[1] : 0, 0};
	e->root = zstr(ev, root);
	const struct af_cameo *cm = valid_cameo(code) ? af_cameo_find(code) : NULL;
	if (cm) {
		e->label = zstr(ev, cm->label);
		e->has_quad = e->has_goldstein = 1;
		e->quad = cm->quad;
		e->goldstein = cm->goldstein;
		e->plover = zstr(ev, cm->plover);
	}
	ev_actor(c, ev, src, scode, &e->source);
	ev_actor(c, ev, tgt, tcode, &e->target);
	e->date = zstr(ev, em->date);
	e->date_source = zstr(ev, em->date_source);
	e->sentence = em->sentence;
	const struct af_token *ta = &c->toks.v[v->a], *tb = &c->toks.v[v->hend - 1];
	size_t tend = tb->end, tcend = tb->cend;
	if (v->passive && v->hend < c->toks.n && c->t[v->hend].cls & W_BY) {
		tend = c->toks.v[v->hend].end;
		tcend = c->toks.v[v->hend].cend;
	}
	e->trigger = af_events_str(ev, c->text + ta->start, tend - ta->start);
	e->trigger_start = (long long)ta->cstart;
	e->trigger_end = (long long)tcend;
	e->negated = v->negated != 0;
	e->hypothetical = v->modal != 0;
	e->reported = reported != 0;
	e->symmetric = em->symmetric != 0;
	if (reported && speaker >= 0)
		ev_actor(c, ev, speaker, c->ch[speaker].code, &e->speaker);
	char rule[64];
	snprintf(rule, sizeof rule, "%s%s%s%s%s", ev_frame_names[em->frame], em->reading ? "+" : "",
			 em->reading ? em->reading : "", em->subject ? "+" : "", em->subject ? em->subject : "");
	e->rule = zstr(ev, rule);
	em->nev++;
}

/* Members of group g: (chunk, code) pairs, "A/B" actors expanded. */
int ev_members(const struct af_coder *c, int g, int *chunks, const char **codes, int max)
{
	int n = 0;
	if (g < 0) {
		chunks[0] = -1;
		codes[0] = NULL;
		return 1;
	}
	const struct group *gr = &c->gr[g];
	for (int i = 0; i < gr->n && n < max; i++) {
		const struct chunk *ch = &c->ch[gr->members[i]];
		chunks[n] = gr->members[i];
		codes[n++] = ch->code;
		for (int p = 0; p < ch->npartial && n < max; p++) {
			chunks[n] = gr->members[i];
			codes[n++] = ch->partial[p];
		}
	}
	return n;
}

/* A member with an actor code of its own (not only an agent's "---ROLE"). */
int ev_group_has_real(const struct af_coder *c, int g)
{
	if (g < 0)
		return 0;
	for (int i = 0; i < c->gr[g].n; i++) {
		const struct chunk *ch = &c->ch[c->gr[g].members[i]];
		if (ev_real_code(ch->code))
			return 1;
	}
	return 0;
}

int ev_group_has_code(const struct af_coder *c, int g)
{
	if (g < 0)
		return 0;
	for (int i = 0; i < c->gr[g].n; i++) {
		const struct chunk *ch = &c->ch[c->gr[g].members[i]];
		if (ch->code[0])
			return 1;
	}
	return 0;
}

/* The subject before token pos: of the nearest verb group, or the nearest actor group. */
int ev_subject_before(const struct af_coder *c, size_t pos, size_t a)
{
	for (size_t k = pos; k-- > a && pos - k < SUBJ_WIN;) {
		if (c->t[k].boundary)
			break;
		if (c->t[k].verb >= 0)
			return c->vg[c->t[k].verb].subj;
		if (c->t[k].chunk >= 0)
			return c->ch[c->t[k].chunk].group;
	}
	return -1;
}

/* Is group g one plural noun phrase ("three major political blocs")? */
int ev_plural_group(const struct af_coder *c, int g)
{
	const struct chunk *ch = &c->ch[c->gr[g].members[0]];
	const struct af_token *k = &c->toks.v[ch->b - 1];
	const struct tok *t = &c->t[ch->b - 1];
	return !ch->person && (t->flags & AF_TF_LOWER) && k->end - k->start > 3 &&
	       (c->text[k->end - 1] == 's' || c->text[k->end - 1] == 'S');
}

/* The speaker of events in s[a, b) governed by a speech verb: its subject, or the chunk after
 * it ("..., said the minister"), or "according to X". -1 when none. */
int ev_speaker_of(struct af_coder *c, int vi, size_t b)
{
	struct vgroup *v = &c->vg[vi];
	if (v->subj >= 0)
		return c->gr[v->subj].members[0];
	int g = ev_find_after(c, v->hend, v->hend + 6 < b ? v->hend + 6 : b, 0, -1);
	return g >= 0 ? c->gr[g].members[0] : -1;
}

static int is_place_noun(const struct af_coder *c, size_t i)
{
	static const char *const nouns[] = {"PROVINCE", "PROVINCES", "CITY", "DISTRICT", "REGION", "VALLEY",
	                                    "TOWN", "VILLAGE", "AREA", "CAPITAL", "BORDER", "COUNTY", "STATE",
	                                    "GOVERNORATE", "PREFECTURE", "PASS", NULL};
	for (int k = 0; nouns[k]; k++)
		if (ev_word_is(c, i, nouns[k]))
			return 1;
	return 0;
}

/* Is the entity at token i (from the record's entities) a place? */
static int entity_loc(const struct af_coder *c, const struct af_mentions *ents, size_t i, size_t *end)
{
	if (!ents)
		return 0;
	size_t cs = c->toks.v[i].cstart;
	for (size_t k = c->ents_sorted ? ev_first_entity(ents, cs) : 0; k < ents->n; k++) {
		const struct af_mention *e = &ents->v[k];
		if (c->ents_sorted && e->cstart > cs)
			break;
		if (e->type != AF_E_LOC || e->cstart != cs)
			continue;
		size_t ce = e->cend, j = i;
		while (j < c->toks.n && c->toks.v[j].cend <= ce)
			j++;
		*end = j;
		return j > i;
	}
	return 0;
}

/* Places the sentence s[a, b) states: "in Kabul", "in Helmand province", "near the Pakistan
 * border", "at Bagram" - a place preposition, then a place from the actor dictionaries (a
 * country code), a LOC entity, or capitalised words followed by a place noun. */
size_t ev_find_places(struct af_coder *c, size_t a, size_t b, const struct af_mentions *ents,
                          struct place *out, size_t max)
{
	size_t n = 0;
	for (size_t i = a; i + 1 < b && n < max; i++) {
		if (c->t[i].kind != AF_TOK_WORD || !(c->t[i + 1].flags & AF_TF_CAP || ev_word_is(c, i + 1, "THE")))
			continue;
		if (!(ev_word_is(c, i, "IN") || ev_word_is(c, i, "AT") || ev_word_is(c, i, "NEAR") || ev_word_is(c, i, "OUTSIDE") ||
		      ev_word_is(c, i, "INSIDE") || ev_word_is(c, i, "ACROSS") || ev_word_is(c, i, "THROUGHOUT")))
			continue;
		size_t j = i + 1;
		if (j < b && ev_word_is(c, j, "THE"))
			j++;
		if (j >= b || c->t[j].kind != AF_TOK_WORD || !(c->toks.v[j].end > c->toks.v[j].start) ||
		    !(c->t[j].flags & AF_TF_CAP) || (c->t[j].cls & (W_TIME | W_PRON | W_DET)))
			continue;
		struct place pl = {.a = j, .b = j};
		size_t e;
		int actor, agent;
		size_t pn = ev_match_phrase(c, j, b, &actor, &agent);
		if (pn && actor >= 0) {
			/* a dictionary actor: a place when its code is a bare country code */
			const char *code = ev_actor_code(c, &c->d->actors[actor]);
			if (!code || strlen(code) != 3 || !isupper((unsigned char)code[0]) || !strncmp(code, "IGO", 3) ||
			    !strncmp(code, "NGO", 3))
				continue;
			pl.b = j + pn;
			memcpy(pl.code, code, 4);
		} else if (entity_loc(c, ents, j, &e) && e <= b) {
			pl.b = e;
		} else {
			size_t k = j;
			while (k < b && k < j + 4 && c->t[k].kind == AF_TOK_WORD && (c->t[k].flags & AF_TF_CAP) &&
			       !c->t[k].cls && c->t[k].chunk < 0)
				k++;
			if (k == j || k >= b || !is_place_noun(c, k))
				continue;
			pl.b = k;
		}
		/* "Helmand province", "Kabul city": the place noun belongs to it */
		if (pl.b < b && is_place_noun(c, pl.b) && (c->t[pl.b].flags & AF_TF_LOWER))
			pl.b++;
		else if (pl.b < b && is_place_noun(c, pl.b))
			pl.b++;
		out[n++] = pl;
		i = pl.b - 1;
	}
	return n;
}

void ev_place(const struct af_coder *c, struct af_events *ev, const struct place *p, struct af_ev_place *out)
{
	const struct af_token *ta = &c->toks.v[p->a], *tb = &c->toks.v[p->b - 1];
	out->set = 1;
	out->text = af_events_str(ev, c->text + ta->start, tb->end - ta->start);
	out->start = (long long)ta->cstart;
	out->end = (long long)tb->cend;
	out->country = zstr(ev, p->code[0] ? p->code : NULL);
}

/* ---- nominal events: "in a meeting with X", "talks between X and Y" ---- */

/* The nouns that name acts: data/events.yaml's synsets JOINT_<code> (done together: "talks
 * with X", "talks between X and Y") and ACT_<code>_<PREP> (done to a target after PREP: "U.S.
 * sanctions against Iran", "the Soviet invasion of Afghanistan"), read once into c->nom. */
void ev_nominal_init(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	free(c->nom);
	c->nom = NULL;
	c->nnom = 0;
	/* the synsets the coder reads by name (data/events.yaml), -1 when a dictionary has none */
	static const struct {
		const char *name;
		size_t off;
	} named[] = {
		{"FUTURE_WORD", offsetof(struct af_coder, syn_future)},   {"INTENT_WORD", offsetof(struct af_coder, syn_intent)},
		{"AIM_VERB", offsetof(struct af_coder, syn_aim)},         {"COOPTIES", offsetof(struct af_coder, syn_ties)},
		{"MESSAGE_WORD", offsetof(struct af_coder, syn_message)}, {"THING_NOUN", offsetof(struct af_coder, syn_thing)},
		{"ASPECT_VERB", offsetof(struct af_coder, syn_aspect)},   {"PARTY_NOUN", offsetof(struct af_coder, syn_party)},
		{"GROWTH_WORD", offsetof(struct af_coder, syn_growth)},   {"WISH_WORD", offsetof(struct af_coder, syn_wish)},
		{"UNARMED_WORD", offsetof(struct af_coder, syn_unarmed)}, {"STANDING_NOUN", offsetof(struct af_coder, syn_standing)},
		{"ONSET_WORD", offsetof(struct af_coder, syn_onset)},     {"TALKS", offsetof(struct af_coder, syn_talks)},
		{"MANY_PARTY_WORD", offsetof(struct af_coder, syn_many)}, {"MUTUAL_FORCE_VERB", offsetof(struct af_coder, syn_mutual)},
		{"ANNOUNCED_ONLY_VERB", offsetof(struct af_coder, syn_announced)},
		{"WEAPON", offsetof(struct af_coder, syn_weapon)},         {"CONTINUE_VERB", offsetof(struct af_coder, syn_continue)},
		{"ONEWAY_VERB", offsetof(struct af_coder, syn_oneway)},   {"PROSPECT_WORD", offsetof(struct af_coder, syn_prospect)},
		{"RISK_WORD", offsetof(struct af_coder, syn_risk)},
		{"TRAVELER_NOUN", offsetof(struct af_coder, syn_traveler)},
		{"MEANS_VERB", offsetof(struct af_coder, syn_means)},     {"HOLD_VERB", offsetof(struct af_coder, syn_hold)},
		{"CALL_PURPOSE_VERB", offsetof(struct af_coder, syn_callpurpose)},
		{"BACKING_WORD", offsetof(struct af_coder, syn_backing)},
		{"ADDRESS_VERB", offsetof(struct af_coder, syn_address)},
		{"AUDIENCE_NOUN", offsetof(struct af_coder, syn_audience)},
	};
	for (size_t k = 0; k < sizeof named / sizeof *named; k++)
		*(int *)((char *)c + named[k].off) = -1;
	size_t cap = 0;
	for (size_t i = 0; i < d->nsyns; i++) {
		const char *name = d->syns[i].name, *p;
		for (size_t k = 0; k < sizeof named / sizeof *named; k++)
			if (!strcmp(name, named[k].name))
				*(int *)((char *)c + named[k].off) = (int)i;
		int joint = !strncmp(name, "JOINT_", 6);
		if (!joint && strncmp(name, "ACT_", 4))
			continue;
		p = name + (joint ? 6 : 4);
		size_t n = strspn(p, "0123456789");
		struct ev_nominal m = {.syn = (int)i, .joint = joint, .prep = -1};
		if (n < 3 || n > 4 || (joint ? p[n] != 0 : p[n] != '_' || !p[n + 1]))
			continue; /* not of the form: an ordinary synset */
		memcpy(m.code, p, n);
		if (!joint && (m.prep = ev_wtab_get(&d->w, p + n + 1, strlen(p + n + 1))) < 0)
			continue; /* a preposition no dictionary word has: never in a text */
		c->nom = af_grow(c->nom, &cap, c->nnom + 1, sizeof *c->nom);
		c->nom[c->nnom++] = m;
	}
}

/* The nominal entry from *k on whose nouns stand at token i (of the kind joint), its noun's
 * length in *len; -1 when none. *k is advanced past it, so a caller can ask again. */
static int nominal_at(const struct af_coder *c, size_t i, size_t b, int joint, size_t *k, size_t *len)
{
	for (; *k < c->nnom; (*k)++) {
		if (c->nom[*k].joint != joint)
			continue;
		size_t n = ev_syn_match(c, c->nom[*k].syn, i, b);
		if (n) {
			*len = n;
			return (int)(*k)++;
		}
	}
	return -1;
}

/* "X and Y had a phone call on Monday", "Iran and Russia held talks": a JOINT_ noun of talk (04x,
 * not a visit) that the parse gives as the object of a verb of holding (synset HOLD_VERB: "have"
 * is an auxiliary to the word scan, so the parse's clause says it) and after which no party is
 * named in its clause is done by the members of the clause's compound subject with each other. Still to come
 * or under a modal ("would have a meeting"), denied ("don't have any direct talks", "had no talks") or in
 * the passive, it is none of theirs. The
 * subject's group, or -1. */
static int held_jointly(const struct af_coder *c, size_t i, size_t b, const char *code)
{
	if (c->syn_hold < 0 || code[0] != '0' || code[1] != '4' || code[2] == '2')
		return -1;
	/* a party named later in the clause, past an adjunct ("held talks in Moscow with Turkey"):
	 * the talks are with it, not between the subject's members */
	for (size_t k = i + 1; k < b && !c->t[k].boundary; k++)
		if (ev_word_is(c, k, "WITH") || ev_word_is(c, k, "BETWEEN"))
			return -1;
	int32_t np = c->parse.tok[i].np;
	if (np < 0 || c->parse.np[np].clause < 0)
		return -1;
	const struct af_clause *k = &c->parse.cl[c->parse.np[np].clause];
	size_t h = k->verb.head;
	if (k->subj < 0 || k->subj == np || h >= i || k->verb.tense == AF_TENSE_FUTURE || ev_word_is(c, c->parse.np[np].start, "NO") ||
	    (k->verb.flags & (AF_VG_PASSIVE | AF_VG_NEG | AF_VG_MODAL | AF_VG_INFINITIVE | AF_VG_QUESTION)) ||
	    ev_syn_match(c, c->syn_hold, h, h + 1) != 1)
		return -1;
	int obj = 0;
	for (size_t o = 0; o < k->nobj; o++)
		obj |= c->parse.objs[k->obj_start + o] == np;
	int g = obj ? ev_np_group(c, k->subj, 0) : -1;
	return g >= 0 && c->gr[g].n >= 2 ? g : -1;
}

/* Is there an event of this root between these actor codes in the sentence already? */
/* The same actor for one event per dyad: equal codes, or one the other with a role added
 * ("IRN" and "IRNGOV"; not "AFGGOV" and "AFGREB", never "---"). */
static int same_actor(const char *x, const char *y)
{
	size_t n = strlen(x), m = strlen(y);
	if (n > m) {
		const char *t = x;
		x = y;
		y = t;
		n = m;
	}
	return !strncmp(x, y, n) && n >= 3 && strncmp(x, "---", 3);
}

static int have_event(const struct af_events *ev, size_t from, const char *code, const char *s, const char *t)
{
	for (size_t i = from; i < ev->n; i++) {
		const struct af_event *e = &ev->v[i];
		const char *ec = af_events_at(ev, e->code);
		const char *sa = has_actor(&e->source) ? af_events_at(ev, e->source.actor) : NULL;
		const char *ta = has_actor(&e->target) ? af_events_at(ev, e->target.actor) : NULL;
		if (ec && !strncmp(ec, code, 2) && sa && ta && same_actor(sa, s) && same_actor(ta, t))
			return 1;
	}
	return 0;
}

/* The clause subject a noun at i belongs to: the subject of the verb before it in its clause
 * and parenthetical, else of the first verb after it ("In a meeting with X, the minister
 * said"). */
static int nominal_subject(const struct af_coder *c, size_t i, size_t a, size_t b, const struct vgroup **gov)
{
	*gov = NULL;
	for (size_t k = i; k-- > a && i - k < SUBJ_WIN;) {
		if (c->t[k].boundary || c->t[k].paren != c->t[i].paren)
			break; /* "According to TASS, in a call with X, Y said": not TASS's */
		if (c->t[k].verb >= 0 && c->vg[c->t[k].verb].head == k) {
			*gov = &c->vg[c->t[k].verb];
			return c->vg[c->t[k].verb].passive ? -1 : c->vg[c->t[k].verb].subj;
		}
	}
	for (size_t k = i; k < b && k - i < SUBJ_WIN; k++) {
		if (c->t[k].boundary)
			break;
		if (c->t[k].verb >= 0 && c->vg[c->t[k].verb].head == k)
			return c->vg[c->t[k].verb].passive ? -1 : c->vg[c->t[k].verb].subj;
	}
	return -1;
}

/* The subject of the parse's clause the noun at i is an argument of, when the dictionary
 * knows none of the clause's verbs; for a phrase set before its clause ("During her visit to
 * Tehran, Tamangoda emphasized"), of the first main clause after it in [i, b); -1. */
static int parse_subject(const struct af_coder *c, size_t i, size_t b)
{
	int32_t np = c->parse.tok[i].np;
	const struct af_clause *k = NULL;
	if (np >= 0 && c->parse.np[np].clause >= 0)
		k = &c->parse.cl[c->parse.np[np].clause];
	for (size_t j = i; !k && j < b; j++)
		if (c->vclause[j] >= 0 && c->parse.cl[c->vclause[j]].kind == AF_CL_MAIN)
			k = &c->parse.cl[c->vclause[j]];
	if (!k || (k->verb.flags & AF_VG_PASSIVE) || (k->subj >= 0 && c->parse.np[k->subj].start > k->verb.head))
		return -1;
	return ev_np_group(c, k->subj, 0);
}

/* A word before an actor's name in its noun phrase: a modifier, or a participle the parse
 * puts in the name's noun phrase ("with visiting Venezuelan President Maduro", "the
 * embattled Syrian government"), which the word scan reads as a verb. */
static int name_modifier(const struct af_coder *c, size_t k)
{
	int tag = c->t[k].tag;
	return ev_modifier(c, k) ||
	       ((tag == AF_POS_VBG || tag == AF_POS_VBN) && c->t[k].chunk < 0 && k + 1 < c->toks.n &&
	        ((c->parse.tok[k].np >= 0 && c->parse.tok[k].np == c->parse.tok[k + 1].np) ||
	         (c->t[k + 1].chunk >= 0 && c->ch[c->t[k + 1].chunk].a == k + 1)));
}

/* The chunk starting at or just after k (over determiners and modifiers), -1. */
static int chunk_near(const struct af_coder *c, size_t k, size_t b)
{
	size_t e = k + 4;
	while (k < b && k < e && c->t[k].chunk < 0 && (c->t[k].cls & W_DET || name_modifier(c, k)))
		k++;
	return k < b && c->t[k].chunk >= 0 && c->ch[c->t[k].chunk].a == k ? c->t[k].chunk : -1;
}

/* English nominalising suffixes and what the verb's base form ends in instead: "condemnation"
 * condemn, "invasion" invade, "withdrawal" withdraw, "denial" deny, "criticism" criticize,
 * "agreement" agree, "interference" interfere, "seizure" seize, "threat" threaten, "visit" visit. */
static const char *const nom_suffix[][2] = {
	{"", ""},       {"", "EN"},     {"ATION", ""},  {"ATION", "E"}, {"ICATION", "Y"}, {"ION", ""},
	{"ION", "E"},   {"SION", "DE"}, {"SION", "D"},  {"SSION", "T"}, {"AL", ""},       {"AL", "E"},
	{"IAL", "Y"},   {"MENT", ""},   {"ANCE", ""},   {"ANCE", "E"},  {"ENCE", "E"},    {"ISM", "IZE"},
	{"ISM", "ISE"}, {"URE", "E"},   {"ING", ""},    {"ING", "E"},
};

/* The one-word verb of the dictionaries whose noun the word at token i is (nom_suffix, singular
 * or plural, but not the verb's own form plus -s): its base form's index in d->forms, -1. Speech verbs ("statement") are left out:
 * a statement is an event only when it is about a target (the news guidelines). */
static int derived_verb(const struct af_coder *c, size_t i)
{
	const struct af_evdict *d = c->d;
	const struct af_token *k = &c->toks.v[i];
	size_t n = k->end - k->start;
	char w[48], cand[56];
	if (c->t[i].kind != AF_TOK_WORD || n < 4 || n >= sizeof w)
		return -1;
	for (size_t j = 0; j < n; j++)
		w[j] = (char)toupper((unsigned char)c->text[k->start + j]);
	w[n] = 0;
	for (int plural = 0; plural < 2; plural++) {
		if (plural && (n < 5 || w[n - 1] != 'S' || w[n - 2] == 'S'))
			break;
		size_t m = n - (size_t)plural;
		for (size_t r = 0; r < sizeof nom_suffix / sizeof nom_suffix[0]; r++) {
			size_t sl = strlen(nom_suffix[r][0]);
			if (m < sl + 3 || memcmp(w + m - sl, nom_suffix[r][0], sl) || (plural && r == 0))
				continue; /* a plural that is a verb's base form plus -s names things ("forces") */
			int l = snprintf(cand, sizeof cand, "%.*s%s", (int)(m - sl), w, nom_suffix[r][1]);
			int id = ev_wtab_get(&d->w, cand, (size_t)l);
			if (id < 0 || (size_t)id >= d->formheadcap || ev_flag(d->speech, d->speechcap, id))
				continue;
			for (int f = d->formhead[id]; f >= 0; f = d->forms[f].next)
				if (d->forms[f].kind == VF_BASE && d->verbs[d->forms[f].verb].nwords == 1)
					return f;
		}
	}
	return -1;
}

/* The code of the act the word at i names through its verb (derived_verb), into code (size
 * 12): the verb's own code when it is one of conflict, roots 11-20 (an act stated as a noun;
 * cooperation named by a noun is mostly a topic or a state: "relations", "cooperation"); 0. */
static int derived_act_code(const struct af_coder *c, size_t i, char *code)
{
	int f = derived_verb(c, i);
	if (f < 0)
		return 0;
	struct vgroup v = {.head = i, .form = f, .subj = -1, .mword = -1};
	const char *vc, *pc;
	ev_verb_codes(c, &v, &vc, &pc);
	if (!isdigit((unsigned char)vc[0]) || !isdigit((unsigned char)vc[1]) || vc[0] == '0' || (vc[0] == '1' && vc[1] == '0'))
		return 0;
	snprintf(code, 12, "%s", vc);
	return 1;
}

/* derived_act_code for a common noun of the parse at i that no JOINT_ synset or actor
 * dictionary holds ("forces" names a participant) */
static int derived_code(const struct af_coder *c, size_t i, size_t b, char *code)
{
	size_t k0 = 0, len;
	int actor, agent;
	return af_pos_is_noun(c->t[i].tag) && c->t[i].tag != AF_POS_NNP && c->t[i].tag != AF_POS_NNPS &&
	       nominal_at(c, i, b, 1, &k0, &len) < 0 && !ev_match_phrase(c, i, b, &actor, &agent) &&
	       derived_act_code(c, i, code);
}

/* Prepositions whose object is the target of an act a derived noun names ("Iran's
 * condemnation of", "attacks against", "aid to", "support for", "pressure on"). */
static int target_prep(const struct af_coder *c, size_t j)
{
	static const char *const preps[] = {"OF", "ON", "AGAINST", "TO", "TOWARD", "TOWARDS", "WITH", "FOR", "FROM"};
	for (size_t q = 0; q < sizeof preps / sizeof preps[0]; q++)
		if (ev_word_is(c, j, preps[q]))
			return 1;
	return 0;
}

/* Does group g agree with the possessive pronoun at p (his, her: a person or an office; its:
 * no person; their: any)? */
static int poss_agrees(const struct af_coder *c, size_t p, int g)
{
	const struct chunk *m = &c->ch[c->gr[g].members[0]];
	if (ev_word_is(c, p, "HIS") || ev_word_is(c, p, "HER"))
		return c->gr[g].n == 1 && (m->person || m->titled || m->nag);
	if (ev_word_is(c, p, "ITS"))
		return c->gr[g].n == 1 && !m->person && !m->pron;
	return 1;
}

/* The actor a possessive pronoun at p stands for ("its troops", "his arrival", "their attacks
 * on"): the subject of its clause in the parse when that stands before it ("the United States
 * announced the end of its mission"; "the enemies want to see the results of their pressure"
 * is no actor's); for a phrase set before its clause ("Upon his arrival in Moscow, Larijani
 * said") the subject of the main clause after it. -1 when none, or it does not agree with the
 * pronoun (our, my, your: the speaker's, left to the quote). */
static int possessor(const struct af_coder *c, size_t p, size_t a, size_t b)
{
	if (c->t[p].tag != AF_POS_PRPS ||
	    !(ev_word_is(c, p, "HIS") || ev_word_is(c, p, "HER") || ev_word_is(c, p, "ITS") || ev_word_is(c, p, "THEIR")))
		return -1;
	int32_t np = c->parse.tok[p].np, cl = np >= 0 ? c->parse.np[np].clause : -1;
	/* a phrase the parse attached to no clause ("the results of their pressure"): the
	 * clause around it whose verb stands before it */
	for (size_t k = p; cl < 0 && k-- > a && p - k < SUBJ_WIN;)
		if (c->vclause[k] >= 0 && c->parse.cl[c->vclause[k]].end > p)
			cl = c->vclause[k];
	int g = -1;
	if (cl >= 0 && c->parse.cl[cl].subj >= 0 && c->parse.np[c->parse.cl[cl].subj].end <= p) {
		int32_t sj = c->parse.cl[cl].subj;
		if (c->t[c->parse.np[sj].head].paren && c->t[c->parse.np[sj].head].paren != c->t[p].paren)
			return -1;
		g = ev_np_group(c, sj, 1);
		/* another agreeing actor between the subject and the pronoun ("praised Russia for its
		 * invasion"): whose, the clause does not say */
		for (size_t k = c->parse.np[sj].end; g >= 0 && k < p; k++) {
			int kg = c->t[k].chunk >= 0 ? c->ch[c->t[k].chunk].group : -1;
			if (kg >= 0 && kg != g && ev_group_has_code(c, kg) && poss_agrees(c, p, kg))
				g = -1;
		}
	} else {
		const struct vgroup *gov;
		g = nominal_subject(c, p, a, b, &gov);
		if (g >= 0 && c->gr[g].a > p)
			g = -1;
		if (g < 0 && !gov)
			g = parse_subject(c, p, b);
	}
	return g >= 0 && ev_group_has_code(c, g) && poss_agrees(c, p, g) ? g : -1;
}

/* The owner of the act the noun at i names, standing before it over up to three modifiers:
 * an actor's chunk ("U.S. sanctions", "Iran's invasion", "the Iraqi president's visit") into
 * *src, or the group a possessive pronoun stands for ("its withdrawal", "his visit": possessor)
 * into *sg. Returns where the noun phrase's words before the noun start. */
static size_t noun_owner(const struct af_coder *c, size_t i, size_t a, size_t b, int *src, int *sg)
{
	size_t k = i;
	*src = *sg = -1;
	while (k > a && i - k < 3 && c->t[k - 1].chunk < 0 &&
	       (ev_modifier(c, k - 1) || (c->syn_future >= 0 && ev_syn_match(c, c->syn_future, k - 1, k) == 1)))
		k--; /* (a future word may be a verb's form: "the leader's planned pullout") */
	if (k > a && (c->t[k - 1].cls & W_POSS))
		k--;
	if (k > a && c->t[k - 1].chunk >= 0)
		*src = c->t[k - 1].chunk;
	else if (k > a && c->t[k - 1].tag == AF_POS_PRPS)
		*sg = possessor(c, k - 1, a, b);
	return k;
}

/* The actor chunk of the phrase after a preposition at j, its code in *code: the chunk at its
 * start (over determiners and modifiers); the actor of a chunk that joined it to an agent
 * before the preposition ("its troops from Afghanistan": Afghanistan); else, when that phrase
 * names no actor, one after an "in" right after it ("at Vnukovo airport in Moscow", "on a
 * mosque in Kabul"); -1. */
static int prep_object(struct af_coder *c, size_t j, size_t b, const char **code)
{
	int t = chunk_near(c, j + 1, b);
	*code = t >= 0 ? c->ch[t].code : NULL;
	if (t >= 0 && c->ch[t].code[0])
		return t;
	int in = j + 1 < b ? c->t[j + 1].chunk : -1;
	if (in >= 0 && c->ch[in].a < j && c->ch[in].base[0] && ev_real_code(c->ch[in].base)) {
		int u = ev_new_chunk(c, j + 1, c->ch[in].b);
		snprintf(c->ch[u].code, sizeof c->ch[u].code, "%s", c->ch[in].base);
		*code = c->ch[u].code;
		return u;
	}
	size_t k = j + 1;
	while (k < b && (c->t[k].cls & W_DET))
		k++;
	int32_t np = k < b ? c->parse.tok[k].np : -1;
	if (np < 0 || c->parse.np[np].start > k || c->parse.np[np].start <= j)
		return t;
	size_t e = c->parse.np[np].end;
	if (e + 1 < b && ev_word_is(c, e, "IN")) {
		int u = chunk_near(c, e + 1, b);
		if (u >= 0 && c->ch[u].code[0]) {
			*code = c->ch[u].code;
			return u;
		}
	}
	return t;
}

/* The group an act named by a noun after "under" at u is done to: the subject of the clause
 * of the verb right before it ("Afghanistan is under American occupation", "Iran has been
 * under U.S. sanctions", "Iran does not look like buckling under U.S. pressure"); -1. */
static int under_subject(const struct af_coder *c, size_t u, size_t a)
{
	int32_t cl = -1;
	for (size_t k = u; cl < 0 && k-- > a && u - k <= 3;)
		cl = c->vclause[k];
	if (cl < 0)
		return -1;
	const struct af_clause *k = &c->parse.cl[cl];
	if (k->subj < 0 || c->parse.np[k->subj].end > u || (k->verb.flags & AF_VG_PASSIVE) ||
	    (k->subj_inherited && k->kind == AF_CL_PART))
		return -1; /* a participle's subject the parse guessed */
	return ev_np_group(c, k->subj, 1);
}

/* Is the act at noun i, by the actor of src (a chunk) or sg (a group), still to be coded? The
 * object of a coded demand, appeal or intent is what is asked for, not an act ("called for the
 * withdrawal of"); the object of a comment is one ("condemned the Saudi attacks on Yemen"). */
static int act_governed(const struct af_coder *c, size_t k, size_t a)
{
	for (size_t q = k; q-- > a && k - q < 8;) {
		if (c->t[q].boundary)
			break;
		if (c->t[q].verb >= 0) {
			const struct vgroup *gv = &c->vg[c->t[q].verb];
			return gv->coded && (!gv->code[0] || strncmp(gv->code, "1", 1) || !strncmp(gv->code, "10", 2)) &&
			       strncmp(gv->code, "11", 2) && strncmp(gv->code, "05", 2) && strncmp(gv->code, "01", 2);
		}
	}
	return 0;
}

/* Can an actor of this code meet or visit (04x): a state, its government, parliament, elite,
 * opposition or courts, or an organisation; not its ships, goods or people ("the arrival of
 * Iranian tankers in Venezuela" is no visit). */
static int visitor_code(const char *k)
{
	static const char *const roles[] = {"", "GOV", "LEG", "ELI", "OPP", "JUD"};
	if (!strncmp(k, "IGO", 3) || !strncmp(k, "NGO", 3))
		return 1;
	if (strlen(k) < 3)
		return 0;
	for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
		if (!strncmp(k + 3, roles[r], 3) && (roles[r][0] || !k[3]))
			return 1;
	return 0;
}

/* Writes the act `code` of noun i from each member of group sg (or chunk src when sg < 0) to
 * each member of group tg (or chunk tgt). */
static void emit_act(struct af_coder *c, size_t i, const char *code, int src, int sg, int tgt, const char *tcode,
                     int tg, int sidx, struct af_events *events, size_t first)
{
	int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
	const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
	int ns = 1, nt = 1;
	sc[0] = src, tc[0] = tgt;
	if (sg >= 0)
		ns = ev_members(c, sg, sc, scd, MAX_MEMBERS * 2);
	if (tg >= 0)
		nt = ev_members(c, tg, tc, tcd, MAX_MEMBERS * 2);
	struct vgroup v = {.head = i, .hend = i + 1, .a = i, .subj = -1, .mword = -1};
	struct emit em = {.events = events, .sentence = sidx, .frame = EV_F_ACT_NOUN};
	for (int x = 0; x < ns; x++)
		for (int y = 0; y < nt; y++) {
			const char *s = c->ch[sc[x]].code, *t = tcode ? tcode : c->ch[tc[y]].code;
			if (sg >= 0)
				s = scd[x];
			if (tg >= 0)
				t = tcd[y];
			if (sc[x] == tc[y] || !s || !t || !s[0] || !t[0] || !strcmp(s, t) || have_event(events, first, code, s, t))
				continue;
			if (code[0] == '0' && code[1] == '4' && !c->ch[sc[x]].person && !c->ch[sc[x]].titled && !visitor_code(s))
				continue;
			ev_emit_event(c, &em, &v, code, sc[x], s, tc[y], t, 0, -1);
		}
}

/* Is the noun at i modified by a word of synset syn within its noun phrase's three words
 * before it? */
static int noun_modified_by(const struct af_coder *c, int syn, size_t i, size_t a)
{
	for (size_t k = i; syn >= 0 && k-- > a && i - k <= 3;) {
		if (ev_syn_match(c, syn, k, i))
			return 1; /* (before the verb test: "planned" may be a verb's form) */
		if (c->t[k].kind == AF_TOK_PUNCT || (c->t[k].cls & (W_PREP | W_CONJ | W_TO)) || c->t[k].verb >= 0)
			return 0;
	}
	return 0;
}

/* Is the noun at i of a time still to come (FUTURE_WORD: "the upcoming summit", "next week's
 * meeting")? */
static int future_noun(const struct af_coder *c, size_t i, size_t a)
{
	return noun_modified_by(c, c->syn_future, i, a);
}

/* Is token i a year, four digits from 1900 to 2099 ("in 2018"; not "in 10 sectors")? */
static int is_year(const struct af_coder *c, size_t i)
{
	const struct af_token *t = &c->toks.v[i];
	const char *p = c->text + t->start;
	return t->end - t->start == 4 && (!strncmp(p, "19", 2) || !strncmp(p, "20", 2)) &&
	       p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9';
}

/* Is chunk x's actor also a chunk of its own that starts in the clause [a, x) (the same code)? */
static int actor_before(const struct af_coder *c, int x, size_t a)
{
	for (size_t q = 0; q < c->nch; q++)
		if ((int)q != x && c->ch[q].a >= a && c->ch[q].b <= c->ch[x].a && !strcmp(c->ch[q].code, c->ch[x].code))
			return 1;
	return 0;
}

/* Is the noun at i one of a standing measure (STANDING_NOUN: "sanctions") that the sentence only
 * names, with no word of its coming into force (ONSET_WORD) in its noun phrase ("new sanctions"),
 * right before it ("the imposition of sanctions", "stepped up its sanctions") or in the verb group
 * that follows it in its clause ("sanctions on Peru took effect"), and no year it came in? A named
 * measure is an ongoing condition, which the news guidelines do not code ("despite Chilean
 * sanctions on Peru"). A rule from the guidelines; its words were read on unlabeled news
 * (data/events.yaml). 1 when named; 0 when an act; 2 when an act whose onset word stands
 * outside the noun phrase (before or after it: "to restore the UN sanctions"), whose doer the
 * clause, not the noun's owner, names. */
static int standing_named(const struct af_coder *c, size_t i, size_t a, size_t b)
{
	if (c->syn_standing < 0 || c->syn_onset < 0 || !ev_syn_match(c, c->syn_standing, i, b))
		return 0;
	int32_t np = c->parse.tok[i].np;
	size_t s = np >= 0 && c->parse.np[np].start <= i ? c->parse.np[np].start : i;
	/* within its noun phrase ("new U.S. sanctions", "the latest sanctions": review, session 14) */
	for (size_t k = s; k < i; k++)
		if (ev_syn_match(c, c->syn_onset, k, i))
			return 0;
	/* before: the word itself, or it and "of" or a particle ("imposition of", "stepped up its") */
	for (size_t k = s, n = 0; k-- > a && n < 3; n++) {
		if (c->t[k].boundary || c->t[k].kind == AF_TOK_PUNCT)
			break;
		if (ev_syn_match(c, c->syn_onset, k, i))
			return 2;
		if (!(ev_word_is(c, k, "OF") || ev_word_is(c, k, "UP") || (c->t[k].cls & (W_DET | W_PRON))))
			break;
	}
	/* after: a year it was put in force in ("sanctions on Iran in 2018", "in May 2018": a dated act,
	 * not a state), or the first verb group within the clause, a few words on */
	for (size_t k = i + 1; k < b && k < i + 12; k++) {
		if (c->t[k].boundary || c->t[k].kind == AF_TOK_PUNCT)
			break;
		if (ev_word_is(c, k, "IN")) {
			size_t y = k + 1 < b && (c->t[k + 1].cls & W_TIME) ? k + 2 : k + 1;
			if (y < b && c->t[y].kind == AF_TOK_NUMBER && is_year(c, y))
				return 0;
		}
		if (c->t[k].verb < 0)
			continue;
		const struct vgroup *v = &c->vg[c->t[k].verb];
		for (size_t q = v->a; q <= v->hend && q < b; q++)
			if (ev_syn_match(c, c->syn_onset, q, b))
				return 2;
		break;
	}
	return 1;
}

/* An act named by the noun at i (an ACT_ synset, else a noun of a dictionary verb:
 * derived_code): its actor the chunk before it ("U.S. sanctions", "Iran's invasion"), the one a
 * possessive pronoun stands for ("its withdrawal from", "upon his arrival in": possessor) or
 * after "of" ("the withdrawal of U.S. troops from") or "by" after the target ("the invasion of
 * Iraq by the United States"), its target after the act's preposition, or the subject of the
 * clause for an act after "under" ("Afghanistan is under American occupation"). 1 when the
 * noun is one. */
static int code_act(struct af_coder *c, size_t i, size_t a, size_t b, int sidx, struct af_events *events,
                    size_t first)
{
	size_t k0 = 0, len = 1;
	char dcode[12];
	int n = nominal_at(c, i, b, 0, &k0, &len);
	if (n < 0 && !derived_code(c, i, b, dcode))
		return 0;
	int src = -1, tgt = -1, sg = -1, tg = -1;
	const char *tcode = NULL;
	size_t k = noun_owner(c, i, a, b, &src, &sg);
	size_t j = i + len;
	if (src < 0 && sg < 0 && j < b && ev_word_is(c, j, "OF") && (n < 0 || c->nom[n].prep != c->t[j].id)) {
		int of = chunk_near(c, j + 1, b), og = -1;
		size_t e = of >= 0 ? c->ch[of].b : b;
		/* "the withdrawal of its troops from": the possessive's actor */
		if (j + 2 < b && c->t[j + 1].tag == AF_POS_PRPS && (og = possessor(c, j + 1, a, b)) >= 0) {
			int32_t pn = c->parse.tok[j + 2].np;
			of = -1;
			e = pn >= 0 && c->parse.np[pn].start <= j + 1 ? c->parse.np[pn].end : j + 3;
		}
		/* the parse's noun phrase ends it; its head is the actor or an agent's word ("of
		 * Iranian fuel tankers" names no actor; "of U.S. forces": ev_join_forces) */
		int32_t np = of >= 0 ? c->parse.tok[c->ch[of].b - 1].np : -1;
		if (np >= 0 && c->parse.np[np].end > e && c->parse.np[np].end <= b) {
			size_t h = c->parse.np[np].head;
			int actor, agent;
			e = c->parse.np[np].end;
			int visit = n >= 0 && c->nom[n].code[0] == '0' && c->nom[n].code[1] == '4';
			if (h >= c->ch[of].b && (visit || !(ev_match_phrase(c, h, b, &actor, &agent) && agent >= 0)))
				of = -1; /* a visit's is its actor's own ("of Iranian tankers" is none) */
		}
		if ((of >= 0 || og >= 0) && (n >= 0 || (e < b && !ev_word_is(c, e, "OF") && target_prep(c, e)))) {
			src = of;
			sg = og;
			j = e;
		}
	}
	/* an owner before the noun and what it acts with after "of" ("the leader's withdrawal of troops
	 * from the region"): the act's preposition follows that phrase */
	else if ((src >= 0 || sg >= 0) && n >= 0 && j + 1 < b && ev_word_is(c, j, "OF") && c->nom[n].prep != c->t[j].id) {
		size_t q = j + 1;
		while (q < b && (c->t[q].cls & W_DET))
			q++;
		int32_t pn = q < b ? c->parse.tok[q].np : -1;
		if (pn >= 0 && c->parse.np[pn].start <= q && c->parse.np[pn].end < b)
			j = c->parse.np[pn].end;
	}
	/* the entry of these nouns whose preposition follows ("sanctions on" or "sanctions against") */
	for (size_t q = 0; n >= 0 && j < b;) {
		int m = nominal_at(c, i, b, 0, &q, &len);
		if (m < 0)
			break;
		if (c->t[j].id == c->nom[m].prep) {
			n = m;
			tgt = prep_object(c, j, b, &tcode);
			break;
		}
	}
	if (n < 0 && j < b && target_prep(c, j)) {
		tgt = chunk_near(c, j + 1, b);
		size_t e = tgt >= 0 ? c->ch[tgt].b : b;
		if (src < 0 && sg < 0 && e + 1 < b && ev_word_is(c, e, "BY"))
			src = chunk_near(c, e + 1, b);
	}
	/* "under American occupation": done to the clause's subject */
	if (tgt < 0 && src >= 0 && k > a && c->t[k - 1].chunk == src && c->ch[src].a > a && ev_word_is(c, c->ch[src].a - 1, "UNDER"))
		tg = under_subject(c, c->ch[src].a - 1, a);
	if (tgt >= 0 && !tcode)
		tcode = c->ch[tgt].code;
	/* a list after the preposition or "of" shares the act ("attacks on Lebanon and Syria",
	 * "the withdrawal of its troops from Syria and Afghanistan"): each member */
	if (tgt >= 0 && tg < 0 && c->ch[tgt].group >= 0 && c->gr[c->ch[tgt].group].n > 1 && tcode == c->ch[tgt].code)
		tg = c->ch[tgt].group;
	if (src >= 0 && sg < 0 && k <= i && c->ch[src].a > i && c->ch[src].group >= 0 && c->gr[c->ch[src].group].n > 1)
		sg = c->ch[src].group;
	if ((src < 0 && sg < 0) || (tgt < 0 && tg < 0) || (src >= 0 && !c->ch[src].code[0]) || (tgt >= 0 && !tcode[0]) ||
	    (src >= 0 && tgt >= 0 && !strcmp(c->ch[src].code, tcode)))
		return 1;
	/* an agent's word alone before a derived noun says what kind of act it is ("military
	 * threats", "terrorist attacks"), not who did it */
	if (n < 0 && src >= 0 && c->ch[src].b <= i && !strncmp(c->ch[src].code, "---", 3))
		return 1;
	/* (a subject under a named measure is in an ongoing condition too: "Cuba has been under U.S.
	 * sanctions for decades"; review, session 14) */
	int named = standing_named(c, i, a, b);
	if (act_governed(c, k, a) || named == 1)
		return 1;
	/* an organisation's named measure brought back by a word outside its noun phrase ("the U.S.
	 * bid to restore the UN sanctions on Iran", "a return of all UN sanctions"): the UN's
	 * sanctions come only by the Council's own resolution, so the one restoring them is whoever
	 * the clause says, never the organisation owning the regime (a rule: on unlabeled lines
	 * 24001-27000 the rule removes 212 IGOUNO 163 events, and each of the 40 read was talk of a
	 * mechanism, a threat, a demand or a claim of the U.S.'s, none an act of the UN's). The
	 * organisation named as an actor before the owner in the clause is the one restoring them
	 * ("the Security Council restored the UN sanctions": review, session 15) */
	if (named == 2 && src >= 0 && sg < 0 && c->ch[src].b <= i && !strncmp(c->ch[src].code, "IGO", 3) &&
	    !actor_before(c, src, a))
		return 1;
	const char *code = n >= 0 ? c->nom[n].code : dcode;
	/* "the economic war against X", "media attacks on X": no force (review: all 7 such events
	 * in 40 unlabeled articles were wrong) */
	if (code[0] == '1' && code[1] >= '8' && noun_modified_by(c, c->syn_unarmed, i, a))
		return 1;
	/* an act no one has done, only named as a kind ("will respond to any Israeli attack on
	 * Iran", "warned against any aggression against"): none */
	for (size_t q = i; q-- > a && i - q <= 3;) {
		if (ev_word_is(c, q, "ANY"))
			return 1;
		if (c->t[q].kind == AF_TOK_PUNCT || (c->t[q].cls & (W_PREP | W_CONJ | W_TO)) || c->t[q].verb >= 0)
			break;
	}
	/* an act still to come ("the president's planned pullout of troops from", "possible
	 * sanctions on"): a withdrawal planned or scheduled (AIM_VERB, INTENT_WORD) is the intent
	 * to de-escalate (CAMEO 0356); a possible or expected one is a prediction, and any other
	 * act to come is no act yet */
	if (future_noun(c, i, a)) {
		if (strncmp(code, "087", 3) || !(noun_modified_by(c, c->syn_aim, i, a) || noun_modified_by(c, c->syn_intent, i, a)))
			return 1;
		code = "0356";
	}
	emit_act(c, i, code, src, sg, tgt, tcode, tg, sidx, events, first);
	return 1;
}

int ev_force_noun(const struct af_coder *c, size_t i)
{
	for (size_t n = 0; n < c->nnom; n++)
		if (c->nom[n].code[0] == '1' && c->nom[n].code[1] >= '8' && ev_syn_match(c, c->nom[n].syn, i, c->toks.n))
			return 1;
	return 0;
}

int ev_act_noun(const struct af_coder *c, size_t i)
{
	for (size_t n = 0; n < c->nnom; n++)
		if (ev_syn_match(c, c->nom[n].syn, i, c->toks.n))
			return 1;
	char code[12];
	return derived_act_code(c, i, code);
}

/* Who does the joint act the noun at i names, when the noun phrase says it: its owner before it
 * ("the Iraqi president's visit to", "U.S. talks with": noun_owner), or the
 * actor after "of" or "by" before the preposition at *e (of a visit "to", else "with": "the
 * visit by IAEA chief Rafael Grossi to Iran", "the meeting of the Iranian minister with"),
 * *e moved to that preposition. The group; -1 when the noun phrase names none (the clause's
 * subject is left to say it), -2 when its owner is no actor. */
static int joint_owner(const struct af_coder *c, size_t i, size_t a, size_t b, int visit, size_t *e)
{
	int src, sg;
	size_t k = noun_owner(c, i, a, b, &src, &sg);
	if ((src >= 0 && c->ch[src].pron) || sg >= 0)
		return -1; /* "his visit to": the clause's subject, as a rule, whom the pronoun names */
	if (src >= 0 && !c->ch[src].dropped)
		return c->ch[src].group;
	if (k < i && (c->t[k].cls & W_POSS) && k > a && !(c->t[k - 1].cls & W_TIME))
		return -2; /* an owner that is no actor ("the outgoing president's visit"; not a time:
		            * "next week's meeting with"): not the clause's subject's */
	if (*e + 1 >= b || !(ev_word_is(c, *e, "OF") || ev_word_is(c, *e, "BY")))
		return -1;
	int of = chunk_near(c, *e + 1, b);
	if (of < 0 || !c->ch[of].code[0] || c->ch[of].group < 0)
		return -1;
	size_t f = c->ch[of].b;
	int32_t np = c->parse.tok[f - 1].np;
	if (np >= 0 && c->parse.np[np].end > f && c->parse.np[np].end < b)
		f = c->parse.np[np].end;
	if (f >= b || !(ev_word_is(c, f, "WITH") || (visit && ev_word_is(c, f, "TO"))))
		return -1;
	*e = f;
	return c->ch[of].group;
}

/* Is a clause in the future or with a modal ("will take place", "could resume") what the noun
 * phrase of the noun at i, ending before token e, is the subject of ("Macron's visit to Tehran
 * will take place"): an act still to come? The parse's own subject, or a verb group right at e
 * (where the parse may have taken the phrase's last noun for the subject). */
static int subject_to_come(const struct af_coder *c, size_t i, size_t e, size_t b)
{
	int32_t np = c->parse.tok[i].np;
	const struct af_clause *k = NULL;
	if (np >= 0 && c->parse.np[np].clause >= 0 && c->parse.cl[c->parse.np[np].clause].subj == np &&
	    !c->parse.cl[c->parse.np[np].clause].subj_inherited)
		k = &c->parse.cl[c->parse.np[np].clause];
	else if (e < b && c->vclause[e] >= 0 && c->parse.cl[c->vclause[e]].verb.start == e)
		k = &c->parse.cl[c->vclause[e]];
	return k && (k->verb.tense == AF_TENSE_FUTURE || (k->verb.flags & AF_VG_MODAL));
}

/* The code of the actor a word [p, p + n) names alone in the dictionaries (a state, a capital,
 * an organisation, not a person), into code (size 64); 0 when none. */
static int word_actor(const struct af_coder *c, const char *p, size_t n, char *code)
{
	char w[32];
	if (n < 2 || n >= sizeof w)
		return 0;
	for (size_t j = 0; j < n; j++)
		w[j] = (char)toupper((unsigned char)p[j]);
	int id = ev_wtab_get(&c->d->w, w, n);
	int node = id < 0 ? -1 : ev_edges_get(&c->d->edges, 0, id);
	if (node < 0 || c->d->nodes[node].actor < 0)
		return 0;
	const struct ev_actor *ac = &c->d->actors[c->d->nodes[node].actor];
	const char *k = ev_actor_code(c, ac);
	if (ac->person || !k || !ev_real_code(k) || strchr(k, '/'))
		return 0;
	snprintf(code, 64, "%s", k);
	return 1;
}

/* The actors a hyphenated word at token j names, two to four parts that each name one ("Iran-Tajikistan",
 * "U.S.-Taliban"): a chunk for each, over the word, into ch; how many, 0 when it is no such word. */
static int pair_chunks(struct af_coder *c, size_t j, int ch[4])
{
	if (!(c->t[j].flags & AF_TF_HYPHEN) || c->t[j].chunk >= 0 || c->t[j].kind != AF_TOK_WORD)
		return 0;
	const struct af_token *k = &c->toks.v[j];
	char codes[4][64];
	int n = 0;
	for (size_t p = k->start, q; p < k->end; p = q + 1) {
		q = p;
		while (q < k->end && c->text[q] != '-')
			q++;
		if (n == 4 || !word_actor(c, c->text + p, q - p, codes[n]))
			return 0;
		n++;
	}
	if (n < 2)
		return 0;
	for (int x = 0; x < n; x++) {
		ch[x] = ev_new_chunk(c, j, j + 1);
		memcpy(c->ch[ch[x]].code, codes[x], sizeof codes[x]);
		memcpy(c->ch[ch[x]].base, codes[x], sizeof codes[x]);
	}
	return n;
}

/* "Iran-Tajikistan talks", "the U.S.-Taliban deal": a hyphenated word before a JOINT_ noun at i
 * (over up to two modifiers: "Iran-Saudi peace talks") whose two to four parts each name an
 * actor is "talks between" them: each with each, symmetric. 1 when such a word stands there. */
static int code_pair_word(struct af_coder *c, size_t i, size_t a, const char *code, int sidx, struct af_events *events)
{
	size_t j = i;
	while (j > a && i - j < 3 && c->t[j - 1].chunk < 0 && ev_modifier(c, j - 1) && !(c->t[j - 1].flags & AF_TF_HYPHEN &&
	                                                                                 c->t[j - 1].flags & AF_TF_CAP))
		j--;
	int ch[4];
	int n = j > a ? pair_chunks(c, j - 1, ch) : 0;
	if (!n)
		return 0;
	struct vgroup v = {.head = i, .hend = i + 1, .a = i, .subj = -1, .mword = -1};
	struct emit em = {.events = events, .sentence = sidx, .symmetric = 1, .frame = EV_F_PAIR_WORD};
	for (int x = 0; x < n; x++)
		for (int y = 0; y < n; y++)
			if (x != y && strncmp(c->ch[ch[x]].code, c->ch[ch[y]].code, 3))
				ev_emit_event(c, &em, &v, code, ch[x], c->ch[ch[x]].code, ch[y], c->ch[ch[y]].code, 0, -1);
	return 1;
}

/* Is there a word of synset syn right before token g, over "to", "for", "in", "of", "the",
 * "further" (a WISH_WORD: "readiness to", "importance of", "hope for the", "welcomes further";
 * a PROSPECT_WORD: "to broker", "support for")? Its start in *w0, its end in *we. */
static int word_before(const struct af_coder *c, int syn, size_t g, size_t a, size_t *w0, size_t *we)
{
	size_t w = g;
	for (int n = 0; n < 3 && w > a && ((c->t[w - 1].cls & (W_TO | W_DET)) || ev_word_is(c, w - 1, "FOR") ||
	                                   ev_word_is(c, w - 1, "IN") || ev_word_is(c, w - 1, "OF") ||
	                                   ev_word_is(c, w - 1, "FURTHER"));
	     n++)
		w--;
	*w0 = *we = w;
	for (size_t s = w; s-- > a && w - s < 3;)
		if (ev_syn_match(c, syn, s, w) == w - s)
			*w0 = s;
	return *w0 < w;
}

/* Ties whose growth is wished: a COOPTIES noun at i after a GROWTH_WORD, itself right after a
 * WISH_WORD ("expressed Iran's eagerness for expansion of scientific ties with X", "welcomes
 * the development of cooperation with X", "has no limit to expand ties with X", "the
 * importance of strengthening the Iran-Spain relationship") is the wisher's intent to
 * cooperate (030) with the other party: the actor after "with", or those of "between" or of
 * a hyphenated pair word not of the wisher's state. The hand-coded dev news codes stressed,
 * welcomed or hoped-for growth of ties so; on unlabeled Tehran Times news (lines 3001-6000)
 * 229 ties of an actor after a growth word were uncoded. The wisher: a wishing verb's
 * subject, the wish noun's owner ("Iran's readiness"), else the subject of its clause. A
 * rule (the words are English's), not learned. 1 when the noun is such ties. */
/* Does token p stand in a later coordinated clause than token i ("X is interested in boosting
 * ties with Iran, and Iraq will send ...": "and" or "but" between them)? A subject after an
 * opening participle ("Stressing the need for ties with X, he said") is no later clause's. */
static int later_clause(const struct af_coder *c, size_t i, size_t p)
{
	for (size_t k = i + 1; k < p; k++)
		if (ev_word_is(c, k, "AND") || ev_word_is(c, k, "BUT"))
			return k > i + 1 && ev_is_comma(c, k - 1);
	return 0;
}

/* Ties with no partner named, wished by two parties together ("Iran and Azerbaijan stressed
 * the need to expand bilateral relations", "the two sides stressed the need for the
 * development of ties", "Iranian and Armenian ministers called for expansion of bilateral
 * relations between the two neighbors"): the ties are theirs, each one's intent to cooperate
 * with the other (030, symmetric, as the guidelines code a compound subject's joint act). The
 * wisher's members sc (codes scd, ns of them) of group sg, the ties' noun at i, the wish at w0.
 * Mined on unlabeled Tehran Times news (lines 1-3000): 11 of 38 silent sentences with
 * wished "bilateral / mutual" ties had "the two sides" or a pair as the wisher. */
static void pair_wish(struct af_coder *c, size_t i, size_t w0, int sg, const int *sc, const char **scd, int ns,
                      int sidx, struct af_events *events, size_t first)
{
	int two = c->gr[sg].n == 1 && ev_two_sided(c, c->gr[sg].members[0]);
	if (!two && c->gr[sg].n < 2)
		return;
	/* a pair that is the wish's own subject: one verb at most between them ("X and Y
	 * stressed the need"; not "X and Y enjoy good relations ..., and underlined the need",
	 * where the wisher is the speaker) */
	int nv = 0, last = -1;
	for (size_t k = c->gr[sg].b; k < w0 && nv < 2; k++)
		if (c->t[k].verb >= 0 && c->t[k].verb != last) {
			last = c->t[k].verb;
			nv++;
		}
	if (nv > 1)
		return;
	struct vgroup v = {.head = i, .hend = i + 1, .a = w0, .subj = sg, .mword = -1};
	struct emit em = {.events = events, .sentence = sidx, .symmetric = 1, .frame = EV_F_PAIR_TIES};
	for (int x = 0; x < ns; x++)
		for (int y = 0; y < ns; y++) {
			if (x == y || !scd[x] || !scd[y] || !ev_real_code(scd[x]) || !ev_real_code(scd[y]) ||
			    !strncmp(scd[x], scd[y], 3) || have_event(events, first, "030", scd[x], scd[y]))
				continue;
			ev_emit_event(c, &em, &v, "030", sc[x], scd[x], sc[y], scd[y], 0, -1);
		}
}

static int wished_ties(struct af_coder *c, size_t i, size_t a, size_t b, int sidx, struct af_events *events, size_t first)
{
	if (c->syn_ties < 0 || c->syn_growth < 0 || c->syn_wish < 0 || i + 1 >= b ||
	    ev_syn_match(c, c->syn_ties, i, i + 1) != 1)
		return 0;
	size_t pw = 0, w0 = 0, we = 0;
	int32_t np = c->parse.tok[i].np;
	/* back over the ties' modifiers ("political, economic and cultural", "banking and trade",
	 * "its", "the Iran-Spain parliamentary") to a growth word and the wish before it, or to the
	 * wish's own preposition ("readiness for economic cooperation with") */
	for (size_t g = i;; g--) {
		if (g <= a || i - g > 8)
			return 0;
		size_t p = g - 1;
		if (ev_syn_match(c, c->syn_growth, p, p + 1) == 1) {
			if (!word_before(c, c->syn_wish, p, a, &w0, &we))
				return 0;
			break;
		}
		if ((ev_word_is(c, p, "FOR") || ev_word_is(c, p, "IN") || ev_word_is(c, p, "OF") || ev_word_is(c, p, "TO")) &&
		    word_before(c, c->syn_wish, g, a, &w0, &we))
			break;
		int tag = c->t[p].tag;
		if (c->t[p].chunk >= 0 || c->t[p].boundary ||
		    !((np >= 0 && c->parse.tok[p].np == np) || ev_modifier(c, p) || ev_is_comma(c, p) || ev_word_is(c, p, "AND") ||
		      ev_word_is(c, p, "OF") || (c->t[p].cls & W_DET) || tag == AF_POS_PRPS ||
		      ((af_pos_is_noun(tag) || af_pos_is_adj(tag) || tag == AF_POS_VBG) && tag != AF_POS_NNP)))
			return 0;
		if (!pw && (c->t[p].flags & AF_TF_HYPHEN))
			pw = p + 1;
	}
	/* a wish denied ("there is no need to expand ties with") is none */
	if (w0 > a && (c->t[w0 - 1].cls & W_NEG || ev_word_is(c, w0 - 1, "NO")))
		return 1;
	/* the targets: "with X", "between X and Y", or the pair word */
	int tc[MAX_MEMBERS * 2];
	const char *tcd[MAX_MEMBERS * 2];
	int nt = 0;
	int between = ev_word_is(c, i + 1, "BETWEEN");
	if (ev_word_is(c, i + 1, "WITH") || between) {
		int t = chunk_near(c, i + 2, b);
		if (t >= 0 && c->ch[t].group >= 0)
			nt = ev_members(c, c->ch[t].group, tc, tcd, MAX_MEMBERS * 2);
	} else if (pw) {
		nt = pair_chunks(c, pw - 1, tc);
		for (int y = 0; y < nt; y++)
			tcd[y] = c->ch[tc[y]].code;
	}
	/* the wisher: a wishing verb's subject ("Iran welcomes"), the parse's subject of a clause
	 * of "be" or of the word ("is ready to", "is determined to", a passive to the word scan),
	 * the wish noun's owner ("Iran's readiness"), else the subject of its clause */
	int src = -1, sg = -1;
	int32_t cl = -1;
	size_t h = we - 1;
	int verb = c->t[h].verb >= 0 && c->vg[c->t[h].verb].head == h && !c->vg[c->t[h].verb].passive;
	if (verb)
		sg = c->vg[c->t[h].verb].subj;
	else if ((cl = c->vclause[h]) >= 0 || (w0 > a && (cl = c->vclause[w0 - 1]) >= 0 && (c->parse.cl[cl].verb.flags & AF_VG_COPULA))) {
		int32_t sj = c->parse.cl[cl].subj;
		if (sj >= 0 && c->parse.np[sj].end <= w0)
			sg = ev_np_group(c, sj, 0);
		if (sj >= 0 && ev_word_is(c, c->parse.np[sj].head, "THERE"))
			cl = -2; /* "there is no obstacle to": the clause around it says whose */
	}
	if (sg < 0 && !verb) {
		noun_owner(c, w0, a, b, &src, &sg);
		if (src >= 0)
			sg = c->ch[src].group;
		if (sg < 0 && cl != -2)
			sg = parse_subject(c, w0, b);
		if (sg < 0) {
			const struct vgroup *gov;
			sg = nominal_subject(c, w0, a, b, &gov);
		}
	}
	if (sg < 0 || later_clause(c, i, c->ch[c->gr[sg].members[0]].a))
		return 1;
	int sc[MAX_MEMBERS * 2];
	const char *scd[MAX_MEMBERS * 2];
	int ns = ev_members(c, sg, sc, scd, MAX_MEMBERS * 2);
	/* ties of the pair's own, not "cooperation between / among countries" or "international
	 * cooperation" whose partners af-entities does not name */
	if (!nt) {
		size_t k2 = i + 2 < b && ev_word_is(c, i + 2, "THE") ? i + 3 : i + 2;
		int own = k2 < b && (ev_word_is(c, k2, "TWO") || ev_word_is(c, k2, "BOTH")); /* "between the two countries" */
		int others = ev_word_is(c, i + 1, "WITH") || (between && !own) || ev_word_is(c, i + 1, "AMONG");
		for (size_t k = i; k > a && i - k < 4 && !others && c->syn_many >= 0; k--)
			others = ev_syn_match(c, c->syn_many, k - 1, k) == 1;
		if (!others)
			pair_wish(c, i, w0, sg, sc, scd, ns, sidx, events, first);
		return 1;
	}
	/* ties between others, or a pair of others, are no intent of the wisher's ("Iran welcomed
	 * improvement of relations between Russia and Turkey"): one party must be the wisher's
	 * state ("between Iran and Lebanon", said by an Iranian) */
	if ((between && nt > 1) || (!between && pw && !ev_word_is(c, i + 1, "WITH"))) {
		int mine = 0;
		for (int x = 0; x < ns; x++)
			for (int y = 0; y < nt; y++)
				mine |= scd[x] && tcd[y] && ev_real_code(scd[x]) && !strncmp(scd[x], tcd[y], 3);
		if (!mine)
			return 1;
	}
	struct vgroup v = {.head = i, .hend = i + 1, .a = w0, .subj = sg, .mword = -1};
	struct emit em = {.events = events, .sentence = sidx, .frame = EV_F_TIES};
	for (int x = 0; x < ns; x++)
		for (int y = 0; y < nt; y++) {
			/* never within one list ("ties with Iran, and Iraq will ...": Iran and Iraq are a
			 * list to the word scan, not a wisher and its partner) */
			if (sc[x] == tc[y] || !scd[x] || !tcd[y] || !scd[x][0] || !tcd[y][0] || !strncmp(scd[x], tcd[y], 3) ||
			    (sc[x] >= 0 && tc[y] >= 0 && c->ch[sc[x]].group == c->ch[tc[y]].group) ||
			    have_event(events, first, "030", scd[x], tcd[y]))
				continue;
			ev_emit_event(c, &em, &v, "030", sc[x], scd[x], tc[y], tcd[y], 0, -1);
		}
	return 1;
}

/* Is the agreement the noun at i names one not (yet) made: "any agreement between", or the
 * topic of talks (a one-word member of the TALKS synset: "talks on a nuclear deal",
 * "negotiations over a final agreement")? Read on
 * unlabeled Tehran Times news (lines 1-3000), where "deal between Iran and world powers" is
 * mostly the one concluded, but "talks on a deal" and "any agreement" are the deal sought. */
static int deal_sought(const struct af_coder *c, size_t i, size_t a)
{
	size_t k = i;
	while (k > a && i - k < 4 && c->t[k - 1].chunk < 0 &&
	       (ev_modifier(c, k - 1) || (c->t[k - 1].cls & W_DET) || af_pos_is_adj(c->t[k - 1].tag) ||
	        c->t[k - 1].tag == AF_POS_NN)) {
		if (ev_word_is(c, k - 1, "ANY"))
			return 1;
		k--;
	}
	return k >= a + 2 && (ev_word_is(c, k - 1, "ON") || ev_word_is(c, k - 1, "OVER") ||
	                      ev_word_is(c, k - 1, "TOWARD") || ev_word_is(c, k - 1, "TOWARDS") ||
	                      ev_word_is(c, k - 1, "FOR") || ev_word_is(c, k - 1, "ABOUT")) &&
	       c->syn_talks >= 0 && ev_syn_match(c, c->syn_talks, k - 2, k - 1) == 1;
}

/* The party named after the preposition at e of a JOINT_ noun ("talks with X", "a meeting with
 * head of Iraqi intelligence X"): its chunk's group (-1 for a chunk in no group), where its noun
 * phrase ends in *pe; -2 when no actor's chunk starts there. */
static int joint_party(const struct af_coder *c, size_t e, size_t b, size_t *pe)
{
	size_t k = e + 1;
	while (k < b && k < e + 4 && c->t[k].chunk < 0 && (c->t[k].cls & W_DET || name_modifier(c, k)))
		k++;
	/* a title or group noun with the actor after its "of" ("a meeting with head of Iraqi
	 * intelligence Mostafa Kazemi", "talks with representatives of the Taliban") */
	if (k + 2 < b && c->t[k].chunk < 0 && af_pos_is_noun(c->t[k].tag) && ev_word_is(c, k + 1, "OF")) {
		size_t q = k + 2;
		while (q < b && q < k + 4 && c->t[q].chunk < 0 && (c->t[q].cls & W_DET))
			q++;
		if (q < b && c->t[q].chunk >= 0 && c->ch[c->t[q].chunk].a == q)
			k = q;
	}
	if (k >= b || c->t[k].chunk < 0 || c->ch[c->t[k].chunk].a != k)
		return -2;
	*pe = c->ch[c->t[k].chunk].b;
	return c->ch[c->t[k].chunk].group;
}

/* The "with" after an adjunct of time or place that follows a JOINT_ noun ending before token
 * e ("a meeting on Sunday with X", "a phone conversation late on Thursday with X", "talks in
 * Tehran with X"): its token; e itself when no such adjunct leads to one. */
static size_t with_past_adjunct(const struct af_coder *c, size_t e, size_t b)
{
	size_t k = e;
	if (k < b && (ev_word_is(c, k, "LATE") || ev_word_is(c, k, "EARLY")))
		k++;
	if (k >= b || !(ev_word_is(c, k, "ON") || ev_word_is(c, k, "IN") || ev_word_is(c, k, "AT") ||
	                ev_word_is(c, k, "LAST") || ev_word_is(c, k, "THIS")))
		return e;
	int place = ev_word_is(c, k, "IN") || ev_word_is(c, k, "AT");
	size_t j = k + 1;
	for (int n = 0; j < b && n < 5; j++, n++) {
		if (ev_word_is(c, j, "WITH"))
			return n > 0 ? j : e;
		int ch = c->t[j].chunk;
		if ((c->t[j].cls & (W_TIME | W_DET)) || ev_word_is(c, j, "MORNING") || ev_word_is(c, j, "AFTERNOON") ||
		    ev_word_is(c, j, "EVENING") || ev_word_is(c, j, "NIGHT") || ev_word_is(c, j, "WEEK") ||
		    ev_word_is(c, j, "MONTH") || ev_word_is(c, j, "ON"))
			continue;
		/* a place: a country's or capital's chunk after "in" / "at" */
		if (place && ch >= 0 && ev_country_mention(&c->ch[ch]))
			continue;
		break;
	}
	return e;
}

/* Is the noun at i one of force done together (a JOINT_ synset of code 18x-19x) with "between"
 * right after it ("the war between X and Y": each on the other, not an act of one on a target,
 * which "war" as an ACT_ noun would read)? */
static int force_between(const struct af_coder *c, size_t i, size_t b)
{
	for (size_t k = 0; k < c->nnom; k++) {
		const struct ev_nominal *m = &c->nom[k];
		size_t n;
		if (m->joint && m->code[0] == '1' && m->code[1] >= '8' && (n = ev_syn_match(c, m->syn, i, b)) && i + n < b &&
		    ev_word_is(c, i + n, "BETWEEN"))
			return 1;
	}
	return 0;
}

/* Is the force the noun at i names one not fought, only named: a kind after "a" or "any" ("a war
 * between X and Y would be a disaster", "the possibility of an all-out war between"), or after a
 * word of danger or wish (RISK_WORD: "the risk of war between", "a call for war between",
 * "efforts to prevent clashes between")? Looked for back to the clause's last punctuation or
 * verb, 6 words at most. */
static int force_unfought(const struct af_coder *c, size_t i, size_t a)
{
	for (size_t q = i; q-- > a && i - q <= 6;) {
		if ((c->t[q].kind == AF_TOK_PUNCT && c->text[c->toks.v[q].start] != ',') || c->t[q].chunk >= 0)
			break; /* (a comma between adjectives: "an impending short, intense war") */
		if (ev_word_is(c, q, "A") || ev_word_is(c, q, "AN") || ev_word_is(c, q, "ANY") ||
		    (c->syn_risk >= 0 && ev_syn_match(c, c->syn_risk, q, i)))
			return 1;
		if (c->t[q].verb >= 0 && !(c->t[q].cls & (W_DET | W_PREP | W_TO)) && !af_pos_is_adj(c->t[q].tag) &&
		    !af_pos_is_noun(c->t[q].tag))
			break;
	}
	return 0;
}

/* Events named by a noun and its participants: "N with X" (the clause's subject meets X),
 * "N between X and Y" (each with the other, symmetric), "visit to X". */
void ev_code_nominal(struct af_coder *c, size_t a, size_t b, int sidx, struct af_events *events)
{
	size_t first = events->n;
	while (first > 0 && events->v[first - 1].sentence == sidx)
		first--;
	size_t covered = a; /* past the last noun matched: "phone conversation" is one call */
	for (size_t i = a; i + 1 < b; i++) {
		if (i < covered)
			continue;
		if (c->t[i].kind != AF_TOK_WORD || c->t[i].chunk >= 0 || (c->t[i].verb >= 0 && c->vg[c->t[i].verb].head == i &&
		                                                          !c->vg[c->t[i].verb].untagged &&
		                                                          !ev_verb_is_noun(c, i, a, c->d->forms[c->vg[c->t[i].verb].form].kind)))
			continue;
		if (!force_between(c, i, b) &&
		    (wished_ties(c, i, a, b, sidx, events, first) || code_act(c, i, a, b, sidx, events, first)))
			continue;
		size_t k0 = 0, len = 0, l2;
		int n = -1;
		/* the last entry wins: a user's lexicon comes after the defaults */
		for (int m; (m = nominal_at(c, i, b, 1, &k0, &l2)) >= 0;)
			n = m, len = l2;
		if (n < 0 || i + len + 1 >= b)
			continue;
		covered = i + len;
		const char *code = c->nom[n].code;
		size_t e = i + len; /* the preposition after the noun */
		/* force done together (JOINT_19x: "the war between X and Y", "clashes between"): only
		 * between parties a "between" names, each on the other; fought without arms ("the trade
		 * war between"), or a hyphenated pair's ("the Iran-Iraq war", mostly a war's name), none */
		int force = code[0] == '1' && code[1] >= '8';
		if (force && (!ev_word_is(c, e, "BETWEEN") || (c->syn_unarmed >= 0 && noun_modified_by(c, c->syn_unarmed, i, a)) ||
		              force_unfought(c, i, a))) {
			covered = i + len;
			continue;
		}
		if (!ev_word_is(c, e, "WITH") && !ev_word_is(c, e, "BETWEEN") && !ev_word_is(c, e, "TO"))
			e = with_past_adjunct(c, e, b);
		/* a pair named in one word: between them, unless a "between" or "with" phrase names
		 * the parties ("the Astana-Sochi summits between Turkey, Russia and Iran"); still to
		 * come, no event */
		if (!ev_word_is(c, e, "BETWEEN") && !ev_word_is(c, e, "WITH") && code[2] != '2' &&
		    !future_noun(c, i, a) && !subject_to_come(c, i, e, b) && code_pair_word(c, i, a, code, sidx, events))
			continue;
		int og = joint_owner(c, i, a, b, code[2] == '2', &e);
		int between = og == -1 && ev_word_is(c, e, "BETWEEN");
		if (og == -2)
			continue;
		int hg = og == -1 && !between && !ev_word_is(c, e, "WITH") ? held_jointly(c, i, b, code) : -1;
		between |= hg >= 0;
		/* a meeting between parties that a noun wishes for ("the necessity of further
		 * consultation between X and Y", "the importance of talks between"): not held (the
		 * wisher's intent is wished_ties' when it is ties); an agreement sought (deal_sought) */
		size_t w0, we, n0 = i;
		/* (an adjective the word scan may read as a verb is a modifier too: "direct talks") */
		while (n0 > a && i - n0 < 3 && (ev_modifier(c, n0 - 1) || af_pos_is_adj(c->t[n0 - 1].tag)) &&
		       c->t[n0 - 1].chunk < 0)
			n0--;
		/* (a wish noun only: what a verb welcomes or is committed to was made, "welcomed the
		 * ceasefire agreement between Armenia and Azerbaijan") */
		if ((between && c->syn_wish >= 0 && word_before(c, c->syn_wish, n0, a, &w0, &we) && af_pos_is_noun(c->t[w0].tag)) ||
		    (code[1] == '5' && code[2] == '7' && deal_sought(c, i, a)))
			continue;
		/* talks between parties that a word wants brought about or weighs ("to broker
		 * negotiations between", "support for talks between", "the prospect of talks
		 * between"): not held (PROSPECT_WORD; a rule, data/events.yaml) */
		if (between && code[1] == '4' && c->syn_prospect >= 0 && word_before(c, c->syn_prospect, n0, a, &w0, &we))
			continue;
		/* "with X"; "to X" for a visit (0x2), or right after a call (041: "a phone call to X") */
		if (!between && !ev_word_is(c, e, "WITH") &&
		    !((code[2] == '2' || (code[2] == '1' && e == i + len)) && ev_word_is(c, e, "TO")))
			continue;
		/* a trip "with" someone is made in their company ("a joint trip with the UN chief"),
		 * not to them */
		if (code[2] == '2' && ev_word_is(c, e, "WITH") && (ev_word_is(c, e - 1, "TRIP") || ev_word_is(c, e - 1, "TRIPS")))
			continue;
		int tg = hg;
		size_t pe = e; /* where the noun phrase's parties end */
		if (hg < 0 && (tg = joint_party(c, e, b, &pe)) < -1)
			continue;
		/* a visit's owner after its destination ("the visit to Tehran by EU foreign policy chief
		 * Mogherini", "the visit to Russia of President Erdogan") */
		if (og == -1 && code[2] == '2' && tg >= 0) {
			size_t f = pe;
			int32_t tn = c->parse.tok[f - 1].np;
			if (tn >= 0 && c->parse.np[tn].end > f && c->parse.np[tn].end < b)
				f = c->parse.np[tn].end;
			int by = f + 1 < b && (ev_word_is(c, f, "BY") || ev_word_is(c, f, "OF")) ? chunk_near(c, f + 1, b) : -1;
			/* (after "of" only a person or an office: "the capital of Malaysia" is the place) */
			if (by >= 0 && ev_word_is(c, f, "OF") && !c->ch[by].person && !c->ch[by].titled)
				by = -1;
			if (by >= 0 && c->ch[by].code[0] && c->ch[by].group >= 0 && c->ch[by].group != tg) {
				og = c->ch[by].group;
				pe = c->ch[by].b;
			}
		}
		const struct vgroup *gov = NULL;
		/* talks or a meeting an appeal asks for ("called for negotiations between X and Y",
		 * "urged talks with X") are not held: the appeal is the event (blind draws of
		 * sessions 11 and 12) */
		nominal_subject(c, i, a, b, &gov);
		if (hg < 0 && gov && gov->coded && !gov->untagged &&
		    ((gov->code[0] == '0' && gov->code[1] == '2') || (gov->code[0] == '1' && gov->code[1] == '0')))
			continue;
		gov = NULL;
		int sg = between ? tg : og >= 0 ? og : nominal_subject(c, i, a, b, &gov);
		if (!between && sg < 0 && !gov)
			sg = parse_subject(c, i, b);
		/* a meeting or visit still to come ("will hold a meeting with", "is scheduled to hold
		 * talks with"): an intent to meet or visit (036), as the guidelines read announced acts */
		if (gov && ((gov->inf && gov->purpose != INF_PURPOSE) || gov->mword >= 0) && code[0] == '0' && code[1] == '4')
			code = "036";
		if (tg < 0 || sg < 0 || (between && c->gr[tg].n < 2) || (!between && sg == tg))
			continue;
		/* (force is between two sides: a list of more runs past them, "clashes between
		 * the A and B guards, a C spokesman said") */
		size_t cut = (size_t)-1; /* where a list run past the two sides starts */
		if (force && c->gr[tg].n != 2) {
			const struct group *fg = &c->gr[tg];
			size_t m1 = c->ch[fg->members[1]].a, m2 = c->ch[fg->members[2]].a;
			while (m1 > 0 && (c->t[m1 - 1].cls & W_DET))
				m1--;
			while (m2 > 0 && (c->t[m2 - 1].cls & W_DET))
				m2--;
			if (fg->n < 3 || m1 == 0 || m2 == 0 || !ev_word_is(c, m1 - 1, "AND") || c->t[m2 - 1].kind != AF_TOK_PUNCT ||
			    c->text[c->toks.v[m2 - 1].start] != ',')
				continue;
			cut = c->ch[fg->members[2]].a;
		}
		if (!between && code[2] == '7' && og < 0)
			continue; /* "an agreement with X": whose, the clause does not say ("Iran's deal
			           * with the West" does, when both name actors: below) */
		/* "the upcoming summit between X and Y", "next week's meeting with": still to come, an
		 * intent of the clause's subject, none of the parties' */
		if (future_noun(c, i, a) || subject_to_come(c, i, pe, b) ||
		    (og >= 0 && c->gr[og].n > 0 && future_noun(c, c->ch[c->gr[og].members[0]].a, a))) {
			if (between)
				continue;
			code = "036";
		}
		struct vgroup v = {.head = i, .hend = i + 1, .a = i, .subj = sg, .mword = -1};
		struct emit em = {.events = events, .sentence = sidx, .symmetric = between, .frame = EV_F_JOINT_NOUN};
		int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
		const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
		int ns = ev_members(c, sg, sc, scd, MAX_MEMBERS * 2), nt = ev_members(c, tg, tc, tcd, MAX_MEMBERS * 2);
		for (int x = 0; x < ns; x++)
			for (int y = 0; y < nt; y++) {
				/* a side af-entities found that has no code stands when the other has
				 * an actor's code (ev_named_side) */
				/* a member with no code in a list of three or more between which a meeting
				 * was is mostly a title's second half ("the Minister of Transport and
				 * Digital Infrastructure Alexander Dobrindt"), not a third party; a person
				 * af-entities named is one ("a call between A, B and Sheikh C") */
				int un = scd[x] && !scd[x][0] ? sc[x] : tcd[y] && !tcd[y][0] ? tc[y] : -1;
				if (between && c->gr[tg].n > 2 && un >= 0 && !c->ch[un].person)
					continue;
				if (!between && code[2] == '7' && (!scd[x] || !tcd[y] || !ev_real_code(scd[x]) || !ev_real_code(tcd[y])))
					continue; /* ("business deals with Iran": an agent's word is no party) */
				if (sc[x] == tc[y] || !scd[x] || !tcd[y] || !ev_named_side(c, sc[x], scd[x]) ||
				    !ev_named_side(c, tc[y], tcd[y]) || (!scd[x][0] && !ev_real_code(tcd[y])) ||
				    (!tcd[y][0] && !ev_real_code(scd[x])) || (!strcmp(scd[x], tcd[y]) && !two_persons(c, sc[x], tc[y])))
					continue;
				/* (persons do not fight a war: "a clash between the chancellor and the
				 * president" is a quarrel) */
				if (force && (c->ch[sc[x]].person || c->ch[tc[y]].person || c->ch[sc[x]].a >= cut || c->ch[tc[y]].a >= cut))
					continue;
				if (have_event(events, first, code, scd[x], tcd[y]) && !two_persons(c, sc[x], tc[y]))
					continue;
				ev_emit_event(c, &em, &v, code, sc[x], scd[x], tc[y], tcd[y], 0, -1);
			}
	}
}

/* "U.S. forces", "the withdrawal of French forces": "forces", which the word scan reads as a
 * verb ("Iran forces the U.S. to ..."), is a noun when the parse tags it so at the head of
 * the noun phrase an actor's chunk ends in; it joins that chunk, a country's military (the
 * country's code with MIL; a code with a role of its own keeps it: "Taliban forces"). For
 * chunks [ch0, nch) of sentence [a, b), before the verbs are found. */
void ev_join_forces(struct af_coder *c, size_t ch0, size_t b)
{
	for (size_t k = ch0; k < c->nch; k++) {
		struct chunk *ch = &c->ch[k];
		size_t j = ch->b;
		if (j >= b || !ch->code[0] || ch->person || ch->pron || c->t[j].chunk >= 0 || c->t[j].tag != AF_POS_NNS ||
		    !ev_word_is(c, j, "FORCES"))
			continue;
		int32_t np = c->parse.tok[j].np;
		if (np < 0 || c->parse.np[np].head != j || c->parse.tok[j - 1].np != np)
			continue;
		if (strlen(ch->code) == 3 && ev_real_code(ch->code))
			strcat(ch->code, "MIL");
		ch->b = j + 1;
		c->t[j].chunk = (int)k;
		c->t[j].pverb = 0;
	}
}
