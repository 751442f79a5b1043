/* events_said.c - what a speaker says of another actor: an appeal ("X said Y should help",
 * 020/100) or an evaluation ("X said Y is playing a positive role", 051/111), as the news
 * guidelines read speech about a target actor (phases 8 and 9 of a sentence). */
#include "events_coder.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

/* ---- appeals reported by their speaker ---- */

/* Does clause k say what its subject should do: a modal of obligation ("should", "must",
 * "ought") or "is expected to"? */
static int obligation(const struct af_coder *c, const struct af_clause *k)
{
	if (k->verb.modal != SIZE_MAX) /* not a passive's: its subject is acted on ("ISIL must be confronted") */
		return !(k->verb.flags & AF_VG_PASSIVE) &&
		       (ev_word_is(c, k->verb.modal, "SHOULD") || ev_word_is(c, k->verb.modal, "MUST") ||
		        ev_word_is(c, k->verb.modal, "OUGHT"));
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, k->verb.head, &n);
	return (k->verb.flags & AF_VG_PASSIVE) && n == 6 && !memcmp(lem, "expect", 6);
}

/* The speaker of clause k: the subject of the speech verb that governs it ("X added that Y
 * should ...") or of another speech clause of its sentence ("He added, “Y should ...”");
 * -1 when none. */
/* The first clause of sentence sent: the clauses come sentence by sentence (lib/clause.c),
 * so a sentence's are found by binary search, not by a scan of the record's (quadratic on a
 * long text, issue 15). */
size_t ev_first_clause(const struct af_coder *c, size_t sent)
{
	size_t lo = 0, hi = c->parse.ncl;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->parse.cl[mid].sent < sent)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int clause_speaker(const struct af_coder *c, const struct af_clause *k)
{
	for (const struct af_clause *p = k; p->parent >= 0;) {
		p = &c->parse.cl[p->parent];
		if (c->t[p->verb.head].speech)
			return ev_np_group(c, p->subj, 0);
	}
	for (size_t q = ev_first_clause(c, k->sent); q < c->parse.ncl && c->parse.cl[q].sent == k->sent; q++) {
		const struct af_clause *p = &c->parse.cl[q];
		if (p->sent == k->sent && p != k && p->kind == AF_CL_MAIN && c->t[p->verb.head].speech &&
		    ev_np_group(c, p->subj, 0) >= 0)
			return ev_np_group(c, p->subj, 0);
	}
	return -1;
}

/* Does an actor code name a country, a group of states or an organisation ("IRNGOV", "WST",
 * "IGOUNO"), not only a role ("---MIL")? */
static int country_code(const char *k)
{
	return strlen(k) >= 3 && isupper((unsigned char)k[0]) && isupper((unsigned char)k[1]) &&
	       isupper((unsigned char)k[2]) && strncmp(k, "---", 3);
}

/* Are two codes one party (ev_party_key: one state, or one organisation, so the UN and the EU
 * are two)? */
static int same_party(const char *a, const char *b)
{
	char ka[8], kb[8];
	return ev_party_key(a, ka) && ev_party_key(b, kb) && !strcmp(ka, kb);
}

/* Does clause k's verb name an act that is no cooperation (its event's code, else its
 * dictionary code, outside CAMEO 03-08: "should impose sanctions on Israel" 163)? An own
 * group's appeal to do it is no intent to cooperate with the others (review 1a of session 11;
 * what such a speaker proposes against a third party is left uncoded). An uncoded verb is
 * read as before ("should expand their cooperation"). */
static int uncooperative_verb(const struct af_coder *c, const struct af_clause *k)
{
	int vi = c->t[k->verb.head].verb;
	if (vi < 0)
		return 0;
	const struct vgroup *v = &c->vg[vi];
	const char *code = v->code, *pcode;
	if (!v->coded || !code[0])
		ev_verb_codes(c, v, &code, &pcode);
	return isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1]) &&
	       !(code[0] == '0' && code[1] >= '3' && code[1] <= '8');
}

/* The events of what a speaker (group sg) said of group tg in clause k, one for each pair of
 * coded members: of two actors (appeals), or of two countries (foreign: evaluations). */
static void emit_said(struct af_coder *c, const struct sent *s, const struct af_clause *k, int sg, int tg,
                      const char *code, int foreign)
{
	struct vgroup v = {.head = k->verb.head, .hend = k->verb.end, .a = k->verb.start, .subj = sg, .mword = -1};
	char datebuf[48];
	const char *datesrc;
	const char *date = ev_event_date(c, s->a, s->b, v.head, datebuf, sizeof datebuf, &datesrc);
	struct emit em = {.events = s->events, .sentence = s->sidx, .date = date, .date_source = datesrc,
					  .frame = foreign ? EV_F_SAID_EVAL : EV_F_SAID_APPEAL};
	int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
	const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
	int ns = ev_members(c, sg, sc, scd, MAX_MEMBERS * 2), nt = ev_members(c, tg, tc, tcd, MAX_MEMBERS * 2);
	for (int x = 0; x < ns; x++) {
		/* an appeal to a group that holds the speaker's own state ("the two countries should
		 * expand trade", "Iran, Iraq and Syria should hold consultations", said by an Iranian) is
		 * no appeal to another actor but the speaker's proposal: its intent to cooperate (030)
		 * with the group's other states; a "should not" of it is none. (An appeal to the
		 * speaker's own government alone stays one.) */
		int same = 0, other = 0;
		for (int y = 0; y < nt && !foreign; y++)
			if (scd[x] && tcd[y] && country_code(scd[x]) && country_code(tcd[y])) {
				same |= same_party(scd[x], tcd[y]);
				other |= !same_party(scd[x], tcd[y]);
			}
		int own = same && other;
		if (own && uncooperative_verb(c, k))
			continue;
		for (int y = 0; y < nt; y++) {
			if (!scd[x] || !tcd[y] || !scd[x][0] || !tcd[y][0])
				continue;
			if (own) {
				em.frame = EV_F_SAID_PROPOSAL;
				if (code[0] == '0' && country_code(tcd[y]) && !same_party(scd[x], tcd[y]))
					ev_emit_event(c, &em, &v, "030", sc[x], scd[x], tc[y], tcd[y], 0, -1);
			} else if (foreign ? country_code(scd[x]) && country_code(tcd[y]) && strncmp(scd[x], tcd[y], 3)
			                   : sc[x] != tc[y])
				ev_emit_event(c, &em, &v, code, sc[x], scd[x], tc[y], tcd[y], 0, -1);
		}
	}
}

/* Phase 8: an appeal reported by its speaker: "X said Y should help" is X's appeal to Y (020),
 * "Y should not carry on violence" a demand (100), as the news guidelines read "should" and
 * "must" addressed to an actor. */
void ev_code_appeals(struct af_coder *c, const struct sent *s)
{
	for (size_t q = ev_first_clause(c, (size_t)s->sidx); q < c->parse.ncl && c->parse.cl[q].sent == (size_t)s->sidx;
	     q++) {
		const struct af_clause *k = &c->parse.cl[q];
		if (k->start < s->a || k->start >= s->b || (k->subj_inherited && k->kind != AF_CL_COORD) ||
		    !obligation(c, k))
			continue;
		int tg = ev_np_group(c, k->subj, 0), sg = clause_speaker(c, k);
		if (tg < 0 || sg < 0 || tg == sg || !ev_group_has_code(c, sg) || !ev_group_has_code(c, tg))
			continue;
		emit_said(c, s, k, sg, tg, (k->verb.flags & AF_VG_NEG) ? "100" : "020", 0);
	}
}

/* ---- evaluations reported by their speaker ---- */

/* Is token i in one of clause k's objects, or its predicate after a linking verb ("Qatar played
 * a constructive part", "X is a valuable partner", "X has been constructive")? Praise is read
 * there only: a word of praise elsewhere mostly qualifies something else ("has the key to
 * positive developments", "cooperation in line with a constructive policy"; unlabeled Tehran
 * Times news). */
static int in_object(const struct af_coder *c, const struct af_clause *k, size_t i)
{
	for (size_t o = k->obj_start; o < k->obj_start + k->nobj; o++) {
		const struct af_syn_np *np = &c->parse.np[c->parse.objs[o]];
		if (i >= np->start && i < np->end)
			return 1;
	}
	/* a predicate adjective: a linking verb (be, remain, become, seem, prove), then up to two
	 * adverbs ("is very constructive", "remained positive") */
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, k->verb.head, &n);
	int linking = (k->verb.flags & AF_VG_COPULA) ||
	              (n == 6 && (!memcmp(lem, "remain", 6) || !memcmp(lem, "become", 6))) ||
	              (n == 4 && !memcmp(lem, "seem", 4)) || (n == 5 && !memcmp(lem, "prove", 5));
	if (!linking || i < k->verb.end || i > k->verb.end + 2)
		return 0;
	for (size_t j = k->verb.end; j < i; j++)
		if (c->t[j].tag < AF_POS_RB || c->t[j].tag > AF_POS_RBS)
			return 0;
	return af_pos_is_adj(c->t[i].tag);
}

/* The polarity of what clause k says of its subject: 1 when it has a word of &PRAISE_WORD
 * (data/events.yaml: "is playing a positive role", "made great and effective efforts"), -1
 * of &BLAME_WORD ("have caused many problems", "imposed cruel and illegal sanctions"), 0
 * when neither or both, or when the clause is negated. */
static int clause_polarity(const struct af_coder *c, const struct af_clause *k, int praise, int blame)
{
	int pos = 0, neg = 0;
	if (k->verb.flags & AF_VG_NEG)
		return 0;
	for (size_t i = k->verb.start; i < k->verb.end; i++)
		if (c->t[i].cls & W_NEG)
			return 0;
	for (size_t i = k->start; i < k->end && i < c->toks.n; i++) {
		pos |= praise >= 0 && in_object(c, k, i) && ev_syn_match(c, praise, i, k->end) > 0;
		neg |= blame >= 0 && ev_syn_match(c, blame, i, k->end) > 0;
	}
	return pos == neg ? 0 : pos ? 1 : -1;
}

/* Phase 9: an evaluation reported by its speaker: "X said Y is playing a positive role" is X's
 * praise of Y (051), "X said Y has caused many problems" X's criticism of Y (111), as the news
 * guidelines read speech that is about a target actor. The evaluated actor is the subject of
 * a clause the speech governs (or of a quote beside it), of another country than the
 * speaker's. */
void ev_code_evaluations(struct af_coder *c, const struct sent *s)
{
	if (c->syn_praise < 0 && c->syn_blame < 0)
		return;
	for (size_t q = ev_first_clause(c, (size_t)s->sidx); q < c->parse.ncl && c->parse.cl[q].sent == (size_t)s->sidx;
	     q++) {
		const struct af_clause *k = &c->parse.cl[q];
		if (k->start < s->a || k->start >= s->b || (k->subj_inherited && k->kind != AF_CL_REL) || k->subj < 0 ||
		    k->verb.modal != SIZE_MAX || (k->kind != AF_CL_SUB && k->kind != AF_CL_MAIN && k->kind != AF_CL_REL) ||
		    c->t[k->verb.head].speech || (k->verb.flags & AF_VG_PASSIVE) ||
		    (c->syn_undergo >= 0 && ev_syn_match(c, c->syn_undergo, k->verb.head, k->verb.end)))
			continue;
		/* a condition says what has not happened ("if Washington causes problems", "unless") */
		if (k->marker != SIZE_MAX && (ev_word_is(c, k->marker, "IF") || ev_word_is(c, k->marker, "UNLESS")))
			continue;
		int pol = clause_polarity(c, k, c->syn_praise, c->syn_blame);
		if (!pol)
			continue;
		/* a subject after a preposition is the parse's part of a longer one ("the United States'
		 * sanctions against Iran are unlawful", "visits to Oman demonstrated") */
		size_t ns0 = c->parse.np[k->subj].start;
		if (ns0 > 0 && (c->t[ns0 - 1].cls & (W_PREP | W_TO | W_LINK)))
			continue;
		/* the evaluated actor heads the subject, or is a member of it when it is a list ("the
		 * assassination of X was a heinous action" evaluates the act, not X); the subject stands
		 * right before the verb (or opens a list before it) unless the clause is a relative
		 * one on it */
		const struct af_syn_np *sn = &c->parse.np[k->subj];
		if (k->kind != AF_CL_REL && (sn->end > k->verb.start || (k->verb.start - sn->end > 2 &&
		                                                          c->t[sn->end].tag != AF_POS_CC)))
			continue;
		int tg = c->t[sn->head].chunk >= 0 ? c->ch[c->t[sn->head].chunk].group : -1, sg = clause_speaker(c, k);
		for (size_t i = sn->start; tg < 0 && i < sn->end; i++) /* "the United States and many other countries" */
			if (c->t[i].tag == AF_POS_CC)
				tg = ev_np_group(c, k->subj, 0);
		if (tg < 0 || sg < 0 || tg == sg || !ev_group_has_code(c, sg) || !ev_group_has_code(c, tg))
			continue;
		emit_said(c, s, k, sg, tg, pol > 0 ? "051" : "111", 1);
	}
}
