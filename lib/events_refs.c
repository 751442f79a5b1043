/* events_refs.c - mentions that refer to actors named before them: a person's later mentions
 * under a title ("Foreign Minister Zarif ... Zarif"), pronouns ("he", "she") and "the country".
 * Each adds or recodes chunks of the sentence being coded (events_actors.c builds the rest). */
#include "events_coder.h"

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
