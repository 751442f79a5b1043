/* events_refs.c - mentions that refer to actors named before them: a person's later mentions
 * under a title ("Foreign Minister Zarif ... Zarif"), pronouns ("he", "she"), "the country",
 * and (news) a quote's "I", "his country", "the two countries", "the group", an office's
 * holder ("the spokesman"). Each adds or recodes chunks of the sentence being coded
 * (events_actors.c builds the rest). */
#include "events_coder.h"

#include "af/util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Later mentions of a person named with a title ("Foreign Minister Zarif ... Zarif said") keep
 * the title's code: the text says what office they hold, and the article is one time. The
 * person is the one af-entities linked (its canonical), else the dictionary's. */
void ev_titled_people(struct af_coder *c, size_t ch0)
{
	for (size_t k = ch0; k < c->nch; k++) {
		struct chunk *ch = &c->ch[k];
		if (!ch->person || ch->titled || ch->pron || !ch->canonical)
			continue;
		/* a person the dictionaries do not know takes the code of an earlier mention of the
		 * same person ("Josep Borrell" IGOEUREEC ... "Borrell") */
		int uncoded = !ev_real_code(ch->code);
		for (size_t j = k, n = 0; j-- > 0 && n < 4096; n++) {
			const struct chunk *t = &c->ch[j];
			if (!(t->titled || (uncoded && t->person && !t->pron && ev_real_code(t->code))) ||
			    !t->canonical || strcasecmp(t->canonical, ch->canonical))
				continue;
			if (ev_real_code(ch->code) && strncmp(ch->code, t->code, 3))
				break; /* the title's country is not the person's: keep their own code */
			snprintf(ch->code, sizeof ch->code, "%s", t->code);
			snprintf(ch->base, sizeof ch->base, "%s", t->base);
			ch->npartial = 0;
			break;
		}
	}
}

/* Pronoun chunks: "he", "she" referring to the last person named before the sentence; under
 * the news conventions, to the first person named earlier in its own sentence when there is
 * one (the subject is preferred: "Trump declared ... that he recognizes", "Bagheri told Reza
 * that he"). PETRARCH's conventions code such a pronoun as no actor ("Sam Gamgee has begun to
 * question whether he ... with the Morgul Orcs": Sam -> Orcs). Chunks from ch0 on are the
 * sentence's own. */
void ev_add_pronouns(struct af_coder *c, size_t ch0, size_t a, size_t b)
{
	size_t nown = c->nch;
	for (size_t i = a; i < b; i++) {
		if (c->t[i].chunk >= 0 || !ev_flag(c->d->pronoun, c->d->pronouncap, c->t[i].id))
			continue;
		const char *canon = c->last_person_canon;
		char code[sizeof c->last_person_code];
		snprintf(code, sizeof code, "%s", c->last_person_code);
		size_t first = SIZE_MAX;
		for (size_t k = ch0; c->news && k < nown; k++) /* not yet in text order */
			if (c->ch[k].person && !c->ch[k].pron && c->ch[k].canonical && c->ch[k].b <= i && c->ch[k].a < first) {
				first = c->ch[k].a;
				canon = c->ch[k].canonical;
				snprintf(code, sizeof code, "%s", c->ch[k].code);
			}
		if (!canon)
			continue;
		int ci = ev_new_chunk(c, i, i + 1);
		struct chunk *ch = &c->ch[ci];
		snprintf(ch->code, sizeof ch->code, "%s", code);
		ch->canonical = canon;
		ch->person = 1;
		ch->pron = 1;
		c->t[i].chunk = ci;
	}
}

/* Does chunk ch name a country as such ("Iran", "Afghanistan's"): a bare three-letter code of
 * its own, no person, no organisation, no agent's role ("U.S. forces" is USAMIL)? */
int ev_country_mention(const struct chunk *ch)
{
	const char *k = ch->code;
	return !ch->person && !ch->pron && !ch->dropped && strlen(k) == 3 && isupper((unsigned char)k[0]) &&
	       isupper((unsigned char)k[1]) && isupper((unsigned char)k[2]) && strcmp(k, "IGO") && strcmp(k, "NGO");
}

/* news: "the country" names the last country named before it in its sentence (chunks from
 * ch0 on, not yet in text order; not in its own clause's subject), else the first named in the
 * last sentence that named one ("Pakistan accused India. The country also ...": PAK), coded as
 * that country. */
void ev_add_anaphors(struct af_coder *c, size_t ch0, size_t a, size_t b)
{
	size_t nown = c->nch;
	for (size_t i = a; i + 1 < b; i++) {
		if (c->t[i].chunk >= 0 || c->t[i + 1].chunk >= 0 || !ev_word_is(c, i, "THE") ||
		    !ev_word_is(c, i + 1, "COUNTRY"))
			continue;
		/* not the subject of its own clause ("U.S. forces left the country") */
		size_t sa = 0, sb = 0;
		int32_t np = i + 1 < c->parse.ntok ? c->parse.tok[i + 1].np : -1;
		if (np >= 0 && c->parse.np[np].clause >= 0 && c->parse.cl[c->parse.np[np].clause].subj >= 0) {
			const struct af_syn_np *sn = &c->parse.np[c->parse.cl[c->parse.np[np].clause].subj];
			sa = sn->start;
			sb = sn->end;
		}
		const char *code = c->last_country;
		size_t last = 0;
		for (size_t k = ch0; k < nown; k++)
			if (ev_country_mention(&c->ch[k]) && c->ch[k].b <= i && c->ch[k].b > last &&
			    !(c->ch[k].a >= sa && c->ch[k].b <= sb)) {
				last = c->ch[k].b;
				code = c->ch[k].code;
			}
		if (!code[0])
			continue;
		/* code may point into c->ch, which ev_new_chunk may move: copy it first */
		char cc[sizeof c->ch[0].code];
		snprintf(cc, sizeof cc, "%s", code);
		int ci = ev_new_chunk(c, i, i + 2);
		struct chunk *ch = &c->ch[ci];
		snprintf(ch->code, sizeof ch->code, "%s", cc);
		snprintf(ch->base, sizeof ch->base, "%s", cc);
		ch->pron = 1;
		c->t[i].chunk = c->t[i + 1].chunk = ci;
	}
}

/* ---- references by kind and recency (news) ----
 * A later mention refers back to the nearest actor before it that agrees with it in kind: a
 * person ("the spokesman", "him"), a country ("his country", "the two countries") or a named
 * group ("the group"). These are rules, not a model: the kinds come from what the chunks
 * already are (person, country code, proper name), and recency with agreement is the whole
 * decision; the gold holds too few references (27 events of the even half's 162) to learn
 * from. The chunks of the sentences before are all there (every sentence that names an actor
 * is coded, events.c), newest last; the sentence's own are not yet in text order. */

enum { REF_PERSON = 1, REF_COUNTRY = 2, REF_GROUP = 4 };

/* What chunk ch may be referred back to as: a named person, a country ("Iran"), or a group or
 * organisation named by a proper noun ("the Taliban", "IS-K", "the UN"); 0 for a reference
 * itself, a dropped modifier, or a chunk without a code. */
static int ref_kind(const struct af_coder *c, const struct chunk *ch)
{
	if (ch->pron || ch->dropped || !ch->code[0])
		return 0;
	if (ch->person)
		return ch->canonical ? REF_PERSON : 0;
	if (ev_country_mention(ch))
		return REF_COUNTRY;
	for (size_t i = ch->a; i < ch->b; i++)
		if (c->t[i].tag == AF_POS_NNP || c->t[i].tag == AF_POS_NNPS)
			return REF_GROUP;
	return 0;
}

/* The country an actor code names: its first three letters when they are a state's (not an
 * organisation's, "IGO...", nor a role alone, "---"); 0 when none. */
static int state_of(const char *k, char out[4])
{
	if (!k || !ev_real_code(k) || strlen(k) < 3 || !strncmp(k, "IGO", 3) || !strncmp(k, "NGO", 3) ||
	    !isupper((unsigned char)k[0]) || !isupper((unsigned char)k[1]) || !isupper((unsigned char)k[2]))
		return 0;
	memcpy(out, k, 3);
	out[3] = 0;
	return 1;
}

/* A party of an exchange by its code: its state (the first three letters of a state's code), or
 * an international or non-governmental organisation by its code's first six letters ("IGOEUR"
 * for the EU's foreign policy chief: every organisation's code begins IGO or NGO); 0 when
 * none. */
int ev_party_key(const char *k, char out[8])
{
	if (k && ev_real_code(k) && (!strncmp(k, "IGO", 3) || !strncmp(k, "NGO", 3)) && strlen(k) >= 6) {
		memcpy(out, k, 6);
		out[6] = 0;
		return 1;
	}
	return state_of(k, out);
}

static int party_of(const struct chunk *ch, char out[8])
{
	return ev_party_key(ch->code, out);
}

/* The sentence holding token i. */
static size_t sent_of(const struct af_coder *c, size_t i)
{
	size_t lo = 0, hi = c->sents.n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->sents.v[mid].tok_start <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int named(const struct chunk *ch, const char *canon)
{
	return canon && ch->canonical && !strcasecmp(ch->canonical, canon);
}

/* The chunk a reference at token i refers back to: of a kind in kinds, not named `not` (a
 * quote's speaker is not its "him"), the nearest before i in its own sentence (chunks ch0 ..
 * nown), else the newest of the sentences before; -1 when none. */
static int antecedent(const struct af_coder *c, size_t ch0, size_t nown, size_t i, int kinds, const char *not)
{
	int best = -1;
	for (size_t k = ch0; k < nown; k++)
		if (c->ch[k].b <= i && (ref_kind(c, &c->ch[k]) & kinds) && !named(&c->ch[k], not) &&
		    (best < 0 || c->ch[k].b > c->ch[best].b))
			best = (int)k;
	for (size_t k = ch0, n = 0; best < 0 && k-- > 0 && n < 4096; n++)
		if ((ref_kind(c, &c->ch[k]) & kinds) && !named(&c->ch[k], not))
			best = (int)k;
	return best;
}

/* The speaker's canonical name of the af-quotes quote holding token i, into buf (n bytes); 0
 * when no quote with a speaker holds it. */
static int quote_speaker(const struct af_coder *c, const struct af_evinput *in, size_t i, char *buf, size_t n)
{
	size_t cs = c->toks.v[i].cstart;
	for (size_t q = 0; in && in->quotes && q < in->quotes->n; q++) {
		const struct af_quote_ref *r = &in->quotes->v[q];
		if (!r->speaker || cs < r->cstart || cs >= r->cend)
			continue;
		json_t *o = json_loadb(r->speaker, r->speaker_len, 0, NULL);
		const char *s = json_string_value(json_object_get(o, "canonical"));
		if (!s)
			s = json_string_value(json_object_get(o, "text"));
		if (s)
			snprintf(buf, n, "%s", s);
		json_decref(o);
		if (s)
			return 1;
	}
	return 0;
}

/* The code of the actor named canon: its newest mention with the title of an office ("Iraqi
 * Foreign Minister Fuad Hussein", whose later "Hussein" a dictionary may code as another
 * Hussein), else its newest with a code (a country's or organisation's first), else the
 * record's entity of that name; NULL when none. */
static const char *code_of(const struct af_coder *c, const struct af_evinput *in, size_t nown, const char *canon)
{
	const char *any = NULL, *real = NULL;
	for (size_t k = nown, n = 0; k-- > 0 && n < 4096; n++)
		if (named(&c->ch[k], canon) && c->ch[k].code[0]) {
			if (c->ch[k].titled && ev_real_code(c->ch[k].code))
				return c->ch[k].code;
			if (ev_real_code(c->ch[k].code))
				real = real ? real : c->ch[k].code;
			any = any ? any : c->ch[k].code;
		}
	if (real)
		return real;
	for (size_t e = 0; !any && in && in->entities && e < in->entities->n; e++) {
		const struct af_mention *m = &in->entities->v[e];
		if (m->canonical && m->code && m->code[0] && !strcasecmp(m->canonical, canon))
			return m->code;
	}
	return any;
}

/* A new chunk over tokens [a, b) that refers to an actor coded code, named canon. */
static void ref_chunk(struct af_coder *c, size_t a, size_t b, const char *code, const char *canon, int person)
{
	char cc[sizeof c->ch[0].code];
	snprintf(cc, sizeof cc, "%s", code); /* code may point into c->ch, which may move */
	char *own = canon ? af_strdup(canon) : NULL;
	int ci = ev_new_chunk(c, a, b);
	struct chunk *ch = &c->ch[ci];
	snprintf(ch->code, sizeof ch->code, "%s", cc);
	snprintf(ch->base, sizeof ch->base, "%s", cc);
	ch->owned = own;
	ch->canonical = own;
	ch->person = person;
	ch->pron = 1;
	for (size_t k = a; k < b; k++)
		c->t[k].chunk = ci;
}

/* "They" opening its sentence (or after the comma of an opening phrase: "During the meeting,
 * they") as the subject of a verb of consulting ("They also discussed", "explored",
 * "exchanged views", "conferred", "reviewed", "talked about"): the two parties of the last
 * exchange, as "the two sides" (two_sides). Mined on unlabeled Tehran Times news (lines
 * 1-12000): 25 such sentences, none with an event, nearly all after a meeting or call of two
 * named parties. */
static int they_consulted(const struct af_coder *c, size_t i, size_t b)
{
	if (!ev_word_is(c, i, "THEY") || i + 1 >= b)
		return 0;
	size_t s0 = c->sents.v[sent_of(c, i)].tok_start;
	if (i > s0 && !ev_is_comma(c, i - 1))
		return 0;
	size_t j = i + 1;
	while (j < b && j < i + 3 && (ev_word_is(c, j, "ALSO") || ev_word_is(c, j, "FURTHER") || ev_word_is(c, j, "THEN") ||
	                              ev_word_is(c, j, "HAVE") || ev_word_is(c, j, "HAD")))
		j++;
	/* (word forms: ev_may_code asks before the sentence is parsed) */
	static const char *const consult[] = {"DISCUSS", "DISCUSSED", "EXPLORE", "EXPLORED", "EXCHANGE", "EXCHANGED",
	                                      "CONFER", "CONFERRED", "REVIEW", "REVIEWED", "TALK", "TALKED", "CONSULT",
	                                      "CONSULTED", NULL};
	for (int k = 0; j < b && consult[k]; k++)
		if (ev_word_is(c, j, consult[k]))
			return 1;
	return 0;
}

/* The tokens of a reference this file resolves that starts at token i before b, other than
 * "he"/"him" (the pronoun flags) and an office's agent ("the spokesman", a dictionary phrase):
 * "I", "me" inside quote marks (a quote's "we" is mostly a people or a state's policy, and
 * read on unseen news its events were mostly wrong); "his/her/my/our country"; "the two countries",
 * "both countries", "the two sides", "both sides"; "the group"; "the country". 0 when none. ev_may_code counts them as
 * actors. */
size_t ev_ref_at(const struct af_coder *c, size_t i, size_t b)
{
	if (!c->news || c->t[i].chunk >= 0)
		return 0;
	/* a quick test first (ev_may_code asks of every word): the first letter of I, me, his,
	 * her, my, our, both, the */
	int f = toupper((unsigned char)c->text[c->toks.v[i].start]);
	if (f != 'I' && f != 'M' && f != 'H' && f != 'O' && f != 'B' && f != 'T')
		return 0;
	if (c->t[i].inquote && (ev_word_is(c, i, "I") || ev_word_is(c, i, "ME")))
		return 1;
	if (i + 1 >= b)
		return 0;
	if ((ev_word_is(c, i, "HIS") || ev_word_is(c, i, "HER") || ev_word_is(c, i, "MY") || ev_word_is(c, i, "OUR")) &&
	    ev_word_is(c, i + 1, "COUNTRY"))
		return 2;
	if (ev_word_is(c, i, "BOTH") && (ev_word_is(c, i + 1, "COUNTRIES") || ev_word_is(c, i + 1, "SIDES")))
		return 2;
	if (ev_word_is(c, i, "THE") && (ev_word_is(c, i + 1, "GROUP") || ev_word_is(c, i + 1, "COUNTRY")) &&
	    !(i + 2 < b && ev_word_is(c, i + 2, "OF")))
		return 2;
	if (i + 2 < b && ev_word_is(c, i, "THE") && ev_word_is(c, i + 1, "TWO") &&
	    (ev_word_is(c, i + 2, "COUNTRIES") || ev_word_is(c, i + 2, "SIDES")))
		return 3;
	if (they_consulted(c, i, b))
		return 1;
	return 0;
}

/* "the two sides", "both sides" (after "X met Y", "in a phone call with Y"): the two parties
 * of the last exchange, read as the two newest actors of different countries (or organisations,
 * party_of) before it, its
 * own sentence's first, then back over at most the two sentences before, persons and offices
 * before bare places ("Oji traveled to Havana to meet Cuban President Diaz-Canel. During the
 * meeting with Diaz-Canel, the two sides signed": CUBGOV and IRNGOV). One chunk stands for both: its code the newer's, the older's its
 * second member (events.c codes a joint act of it both ways, symmetric). Nothing when fewer
 * than two countries are named there. */
static void two_sides(struct af_coder *c, size_t ch0, size_t nown, size_t i, size_t n)
{
	int cand[64], nc = 0;
	/* the candidates, newest first: its own sentence's before it (not yet in text order) */
	for (size_t lim = i; nc < 64;) {
		int best = -1;
		for (size_t k = ch0; k < nown; k++)
			if (c->ch[k].b <= lim && (best < 0 || c->ch[k].b > c->ch[best].b))
				best = (int)k;
		if (best < 0)
			break;
		cand[nc++] = best;
		lim = c->ch[best].a;
	}
	/* then the two sentences before (their chunks are in text order, newest last) */
	size_t cur = sent_of(c, i);
	for (size_t k = ch0; k-- > 0 && nc < 64 && cur - sent_of(c, c->ch[k].a) <= 2;)
		cand[nc++] = (int)k;
	/* a person ("Oji") before an office ("the Iranian ministry") before a bare place ("in
	 * Moscow"); never the news agency that reports it ("Mehr reported") */
	char st[2][8], k3[8];
	int pick[2], np = 0;
	for (int pass = 0; pass < 3 && np < 2; pass++)
		for (int x = 0; x < nc && np < 2; x++) {
			const struct chunk *ch = &c->ch[cand[x]];
			size_t kl = strlen(ch->code);
			if (ch->dropped || !party_of(ch, k3) || (np && !strcmp(st[0], k3)) ||
			    (kl >= 6 && !strcmp(ch->code + kl - 3, "MED")) || (pass == 0 && !ch->person) ||
			    (pass == 1 && kl <= 3))
				continue;
			memcpy(st[np], k3, 8);
			pick[np++] = cand[x];
		}
	if (np < 2)
		return;
	char other[sizeof c->ch[0].code];
	snprintf(other, sizeof other, "%s", c->ch[pick[1]].code); /* c->ch may move */
	ref_chunk(c, i, i + n, c->ch[pick[0]].code, NULL, 0);
	struct chunk *ch = &c->ch[c->t[i].chunk];
	snprintf(ch->partial[0], sizeof ch->partial[0], "%s", other);
	ch->npartial = 1;
}

/* Is chunk k a reference to two sides at once ("the two sides", two_sides)? */
int ev_two_sided(const struct af_coder *c, int k)
{
	return k >= 0 && c->ch[k].pron && c->ch[k].npartial == 1 && !c->ch[k].person;
}

/* "the two countries", "both countries": the two countries the last sentence that named two
 * named (its own before them, else the newest before it), as the one of the pair that no other
 * actor of its sentence belongs to ("relations between the two countries, the Iranian
 * Parliament welcomes": Italy, after "Iran and Italy"); nothing when neither or both are. */
static void two_countries(struct af_coder *c, size_t ch0, size_t nown, size_t i, size_t n)
{
	char pair[2][4] = {"", ""}, k3[4];
	int np = 0;
	for (size_t k = ch0; k < nown && np < 2; k++) /* its own sentence's chunks before it */
		if (c->ch[k].b <= i && state_of(c->ch[k].code, k3) && (!np || strcmp(pair[0], k3)))
			memcpy(pair[np++], k3, 4);
	/* else the newest sentence before that named two: chunks newest first, sentence by sentence */
	size_t k = ch0, n0 = 0;
	while (np < 2 && k > 0 && n0++ < 64) {
		size_t sent = sent_of(c, c->ch[k - 1].a);
		np = 0;
		for (; k > 0 && sent_of(c, c->ch[k - 1].a) == sent; k--)
			if (!c->ch[k - 1].pron && state_of(c->ch[k - 1].code, k3) && np < 2 && (!np || strcmp(pair[0], k3)))
				memcpy(pair[np++], k3, 4);
	}
	if (np < 2)
		return;
	int in[2] = {0, 0};
	for (size_t j = ch0; j < nown; j++)
		for (int p = 0; p < 2; p++)
			in[p] |= (c->ch[j].a >= i + n || c->ch[j].b <= i) && state_of(c->ch[j].code, k3) && !strcmp(k3, pair[p]);
	if (in[0] == in[1])
		return;
	ref_chunk(c, i, i + n, pair[in[0] ? 1 : 0], NULL, 0);
}

/* The head of an office's words [w, end): its last word, or the last before "of" ("Leader of
 * the Islamic Revolution", "Minister of Foreign Affairs"); its length into *n. */
static const char *office_head(const char *w, const char *end, size_t *n)
{
	for (const char *o = w; o + 4 <= end; o++)
		if (!strncmp(o, " of ", 4)) {
			end = o;
			break;
		}
	const char *h = end;
	while (h > w && h[-1] != ' ')
		h--;
	*n = (size_t)(end - h);
	return h;
}

/* The role heads of the record's persons that are token h's word ("Foreign Ministry
 * spokesman" for "spokesman"): the canonical names of those who hold that office, as
 * af-entities read their title, into names (at most max); their number. */
static size_t office_holders(const struct af_coder *c, const struct af_evinput *in, size_t h, const char **names,
                             size_t max)
{
	size_t k = 0;
	for (size_t e = 0; in && in->entities && e < in->entities->n && k < max; e++) {
		const struct af_mention *m = &in->entities->v[e];
		size_t n;
		const char *w = m->type == AF_E_PERSON && m->role && m->canonical
		                        ? office_head(m->role, m->role + strlen(m->role), &n) : NULL;
		if (w && n && ev_tok_is(c, h, w, n))
			names[k++] = m->canonical;
	}
	return k;
}

/* Does person chunk p name its holder with the office of token h's word as its title's head,
 * right before the name or before "of", "for", "to" ("Leader of the Islamic Revolution Ayatollah
 * Khamenei", "Afghanistan's Ambassador to Iran Nasir Ahmad Nour"; not "Ministry" of "Foreign
 * Ministry spokesman X")? The name starts where the
 * record's person entity inside p does. */
static int titled_office(const struct af_coder *c, const struct af_evinput *in, const struct chunk *p, size_t h)
{
	if (!p->titled || !in || !in->entities || !c->ents_sorted)
		return 0;
	size_t name = p->b;
	for (size_t e = ev_first_entity(in->entities, c->toks.v[p->a].cstart);
	     e < in->entities->n && in->entities->v[e].cstart < c->toks.v[p->b - 1].cend && name == p->b; e++)
		if (in->entities->v[e].type == AF_E_PERSON)
			for (size_t i = p->a; i < p->b && name == p->b; i++)
				if (c->toks.v[i].cstart == in->entities->v[e].cstart)
					name = i;
	for (size_t i = p->a; i < name; i++) {
		const struct af_token *t = &c->toks.v[i];
		if ((i + 1 == name || ev_word_is(c, i + 1, "OF") || ev_word_is(c, i + 1, "FOR") || ev_word_is(c, i + 1, "TO")) &&
		    ev_tok_is(c, h, c->text + t->start, t->end - t->start))
			return 1;
	}
	return 0;
}

/* "the spokesman", "the Leader": an office's agent with no country of its own, singular, after
 * "the", is the newest person before it who holds that office (office_holders, titled_office):
 * their code and name. An office no person named before holds ("the diplomat", "the Foreign
 * Ministry") stays as it is. */
static void offices(struct af_coder *c, const struct af_evinput *in, size_t ch0, size_t nown)
{
	for (size_t k = ch0; k < nown; k++) {
		struct chunk *ch = &c->ch[k];
		size_t h = ch->b - 1;
		if (ch->person || ch->pron || ch->dropped || strncmp(ch->code, "---", 3) || ch->b - ch->a > 3 ||
		    ch->a == 0 || !ev_word_is(c, ch->a - 1, "THE") ||
		    (c->t[h].tag != AF_POS_NN && c->t[h].tag != AF_POS_NNP))
			continue;
		const char *names[16];
		size_t nn = office_holders(c, in, h, names, 16);
		int best = -1;
		for (size_t j = ch0, n = 0; best < 0 && j-- > 0 && n < 4096; n++) {
			const struct chunk *p = &c->ch[j];
			if (!p->person || ref_kind(c, p) != REF_PERSON || !ev_real_code(p->code))
				continue;
			for (size_t x = 0; x < nn && best < 0; x++)
				if (named(p, names[x]))
					best = (int)j;
			if (best < 0 && titled_office(c, in, p, h))
				best = (int)j;
		}
		if (best < 0)
			continue;
		const struct chunk *p = &c->ch[best];
		snprintf(ch->code, sizeof ch->code, "%s", p->code);
		snprintf(ch->base, sizeof ch->base, "%s", p->base);
		ch->canonical = p->canonical;
		ch->person = 1;
		ch->pron = 1;
	}
}

/* news: the references of sentence [a, b) (chunks from ch0 on) that ev_add_pronouns and
 * ev_add_anaphors leave: first person inside a quote is its speaker (af-quotes' "quotes"),
 * "his country" the country of the person "his" is, "the two countries" (two_countries), "the
 * group" the newest named group, and an office's agent its holder (offices). */
void ev_add_refs(struct af_coder *c, const struct af_evinput *in, size_t ch0, size_t a, size_t b)
{
	size_t nown = c->nch;
	char spk[256];
	offices(c, in, ch0, nown);
	/* "he", "him" inside a quote is not its speaker ("I assured him", "he told me") */
	for (size_t k = ch0; k < nown; k++) {
		struct chunk *ch = &c->ch[k];
		if (!ch->pron || !ch->person || ch->b != ch->a + 1 || !c->t[ch->a].inquote ||
		    !ev_flag(c->d->pronoun, c->d->pronouncap, c->t[ch->a].id) ||
		    !quote_speaker(c, in, ch->a, spk, sizeof spk) || !named(ch, spk))
			continue;
		int p = antecedent(c, ch0, nown, ch->a, REF_PERSON, spk);
		if (p < 0)
			continue;
		snprintf(ch->code, sizeof ch->code, "%s", c->ch[p].code);
		ch->canonical = c->ch[p].canonical;
	}
	for (size_t i = a; i < b; i++) {
		size_t n = ev_ref_at(c, i, b);
		if (!n || (n == 2 && ev_word_is(c, i, "THE") && ev_word_is(c, i + 1, "COUNTRY")))
			continue; /* "the country": ev_add_anaphors */
		int quoted = c->t[i].inquote && quote_speaker(c, in, i, spk, sizeof spk);
		if (n == 1 && ev_word_is(c, i, "THEY")) { /* they, consulting: the two sides */
			two_sides(c, ch0, nown, i, 1);
		} else if (n == 1) { /* I, me */
			const char *code = quoted ? code_of(c, in, nown, spk) : NULL;
			if (code)
				ref_chunk(c, i, i + 1, code, spk, 1);
		} else if (ev_word_is(c, i + 1, "COUNTRY")) { /* his, her, my, our country */
			int mine = ev_word_is(c, i, "MY") || ev_word_is(c, i, "OUR");
			const char *code = NULL;
			char k3[4];
			if (mine && quoted)
				code = code_of(c, in, nown, spk);
			else if (!mine) {
				int p = antecedent(c, ch0, nown, i, REF_PERSON, quoted ? spk : NULL);
				code = p >= 0 ? c->ch[p].code : NULL;
				/* the nearest person or office before it in its sentence is whose it is, coded or
				 * not ("The UAE president voiced his country's readiness": ARE; an uncoded
				 * "Javadyan stated" leaves it unread, not an older Iranian's) */
				int q = -1;
				for (size_t k = ch0; k < nown; k++)
					if (c->ch[k].b <= i && !c->ch[k].dropped && (c->ch[k].person || strlen(c->ch[k].code) > 3) &&
					    !named(&c->ch[k], quoted ? spk : NULL) && (q < 0 || c->ch[k].b > c->ch[q].b))
						q = (int)k;
				if (q >= 0 && (p < 0 || c->ch[q].b > c->ch[p].b))
					code = c->ch[q].code;
			}
			if (code && state_of(code, k3))
				ref_chunk(c, i, i + 2, k3, NULL, 0);
		} else if (ev_word_is(c, i + 1, "GROUP")) {
			int g = antecedent(c, ch0, nown, i, REF_GROUP, NULL);
			if (g >= 0)
				ref_chunk(c, i, i + 2, c->ch[g].code, c->ch[g].canonical, 0);
		} else if (ev_word_is(c, i + n - 1, "SIDES")) {
			/* not a possessor ("the two sides' determination") nor whose members ("forces from
			 * both sides"): the parties themselves act or are acted on */
			const char *nx = i + n < b ? c->text + c->toks.v[i + n].start : "";
			if (!(i > a && (ev_word_is(c, i - 1, "FROM") || ev_word_is(c, i - 1, "OF"))) && *nx != '\'' &&
			    strncmp(nx, "\xe2\x80\x99", 3))
				two_sides(c, ch0, nown, i, n);
		} else {
			two_countries(c, ch0, nown, i, n);
		}
		i += n - 1;
	}
}
