/* events_actors.c - actors: dictionary phrases, chunks and their codes (dated: the date is
 * events_dates.c's), titles and offices, capitals, compound groups, the record's entities and
 * pronouns. */
#include "events_coder.h"
#include "evdict_int.h"

#include "af/util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- words ---- */

/* toupper in the C locale (no af tool sets another), without its call */
static inline int upper(unsigned char ch)
{
	return ch >= 'a' && ch <= 'z' ? ch - ('a' - 'A') : ch;
}

int ev_word_is(const struct af_coder *c, size_t i, const char *w)
{
	const struct af_token *k = &c->toks.v[i];
	size_t n = k->end - k->start;
	if (n && upper((unsigned char)c->text[k->start]) != w[0])
		return 0; /* the first letter first: most calls are a word against a list of others */
	if (n != strlen(w))
		return 0;
	for (size_t j = 0; j < n; j++)
		if (upper((unsigned char)c->text[k->start + j]) != w[j])
			return 0;
	return 1;
}

int ev_tok_is(const struct af_coder *c, size_t i, const char *s, size_t n)
{
	const struct af_token *t = &c->toks.v[i];
	return t->end - t->start == n && !strncasecmp(c->text + t->start, s, n);
}

/* Has code the 3-letter segment seg? */
static int has_seg(const char *code, const char *seg)
{
	size_t n = strlen(code);
	for (size_t i = 0; i + 3 <= n; i += 3)
		if (!strncmp(code + i, seg, 3))
			return 1;
	return 0;
}



/* A person's code cut to whom they belong, before the first role: "IRNELI" IRN, "AFGGOV" AFG,
 * "IGOEUREEC" whole. */
static void owner_part(char *code)
{
	size_t n = strlen(code), i = 3;
	while (i + 3 <= n && !ev_role_seg(code + i))
		i += 3;
	if (i < n)
		code[i] = 0;
}

/* Has code a role after whom it names (AFGREB, IRNGOV; not IRN, IGOUNO)? */
static int has_role(const char *code)
{
	for (size_t i = 3, n = strlen(code); i + 3 <= n; i += 3)
		if (ev_role_seg(code + i))
			return 1;
	return 0;
}

/* Appends the roles of agent ag to code; under the news conventions an organisation's code
 * (IGO..., NGO...) keeps its own: "UN officials" IGOUNO, "NATO officials" IGOWSTNAT, not
 * IGOUNOGOV (PETRARCH's dictionaries do add them: NGOARNGOV). */
static void append_agent(const struct af_coder *c, char *code, size_t cap, const struct ev_agent *ag)
{
	size_t n = strlen(ag->post);
	int org = c->news && (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3));
	for (size_t i = 0; i + 3 <= n; i += 3) {
		char seg[4] = {ag->post[i], ag->post[i + 1], ag->post[i + 2], 0};
		if (!has_seg(code, seg) && strlen(code) + 3 < cap && !(org && ev_role_seg(seg)))
			strcat(code, seg);
	}
	if (n % 3 && strlen(code) + n < cap && !strstr(code, ag->post))
		strcat(code, ag->post + n - n % 3);
}

/* Does an agent of ag[0..n) give a role ("President" ~GOV, "former President" ~ELI)? */
static int gives_role(const struct ev_agent *const *ag, int n)
{
	for (int g = 0; g < n; g++)
		if (strlen(ag[g]->post) >= 3 && ev_role_seg(ag[g]->post))
			return 1;
	return 0;
}

/* Is the title over tokens [a, b) one of the past: "former President", "ex-minister", with up
 * to three modifiers before it ("former Republican president")? */
static int former_title(const struct af_coder *c, size_t a, size_t b)
{
	for (size_t i = a, n = 0; i > 0 && n < 3 && ev_modifier(c, i - 1); n++)
		i--, a = i;
	for (size_t i = a; i < b; i++)
		if (ev_word_is(c, i, "FORMER") || ev_word_is(c, i, "EX"))
			return 1;
	return 0;
}

/* A titled person's code: whom they belong to (owner, roles cut) and the title's roles, ELI
 * for a past office. */
static void title_code(const struct af_coder *c, struct chunk *ch, const char *owner)
{
	char own[64];
	snprintf(own, sizeof own, "%s", owner);
	owner_part(own);
	if (former_title(c, ch->a, ch->b)) {
		snprintf(ch->code, sizeof ch->code, "%.60sELI", own);
	} else {
		snprintf(ch->code, sizeof ch->code, "%s", own);
		for (int g = 0; g < ch->nag; g++)
			append_agent(c, ch->code, sizeof ch->code, ch->ag[g]);
	}
	snprintf(ch->base, sizeof ch->base, "%s", own);
}

/* Longest actor or agent phrase starting at i (tokens < end); 0 when none. */
size_t ev_match_phrase(const struct af_coder *c, size_t i, size_t end, int *actor, int *agent)
{
	const struct af_evdict *d = c->d;
	int node = 0;
	size_t best = 0;
	*actor = *agent = -1;
	int cap = 0, skipped = 0;
	for (size_t j = i; j < end && j < i + 24; j++) {
		int nx = c->t[j].id < 0 ? -1 : ev_edges_get(&d->edges, node, c->t[j].id);
		/* a hyphenated modifier inside a name: "Ithilen state-run television" is the
		 * dictionary's "ITHILEN TELEVISION" (once per phrase, never first or last) */
		if (nx < 0 && j > i && !skipped && j + 1 < end && (c->t[j].flags & AF_TF_HYPHEN) &&
		    (c->t[j].flags & AF_TF_LOWER) && c->t[j].kind == AF_TOK_WORD && c->t[j + 1].id >= 0 &&
		    ev_edges_get(&d->edges, node, c->t[j + 1].id) >= 0) {
			skipped = 1;
			continue;
		}
		if (nx < 0)
			break;
		node = nx;
		if ((c->t[j].flags & AF_TF_ALPHA) && !(c->t[j].flags & AF_TF_LOWER))
			cap = 1; /* an upper-case letter somewhere: Kabul, anti-Taliban, al-Qaeda */
		const struct ev_node *nd = &d->nodes[node];
		if (nd->actor >= 0 && cap) {
			best = j + 1 - i;
			*actor = nd->actor;
			*agent = -1;
		} else if (nd->agent >= 0 && !(c->t[i].cls & (W_PREP | W_CONJ | W_AUX | W_TO))) {
			best = j + 1 - i;
			*agent = nd->agent;
			*actor = -1;
		}
	}
	return best;
}

int ev_sentence_discard(const struct af_coder *c, size_t a, size_t b)
{
	const struct af_evdict *d = c->d;
	int worst = 0;
	for (size_t i = a; i < b; i++) {
		int node = 0;
		for (size_t j = i; j < b && j < i + 16; j++) {
			int id = c->t[j].id;
			if (id < 0)
				break;
			node = ev_edges_get(&d->edges, node, id);
			if (node < 0)
				break;
			if (d->nodes[node].discard > worst)
				worst = d->nodes[node].discard;
		}
	}
	return worst;
}

/* Can token i sit inside a noun phrase as a modifier? */
int ev_modifier(const struct af_coder *c, size_t i)
{
	const struct tok *t = &c->t[i];
	if (t->kind != AF_TOK_WORD && t->kind != AF_TOK_NUMBER)
		return 0;
	if (t->cls & (W_PREP | W_CONJ | W_AUX | W_MODAL | W_NEG | W_WH | W_PRON | W_TO | W_POSS | W_TIME | W_ADV))
		return 0;
	if (t->cls & W_DET)
		return 0;
	if (t->verb >= 0 || t->pverb)
		return 0;
	return 1;
}

int ev_new_chunk(struct af_coder *c, size_t a, size_t b)
{
	c->ch = af_grow(c->ch, &c->chcap, c->nch + 1, sizeof *c->ch);
	struct chunk *k = &c->ch[c->nch];
	memset(k, 0, sizeof *k);
	k->a = a;
	k->b = b;
	k->group = -1;
	return (int)c->nch++;
}

/* Does span `next` belong to the chunk of span s: only modifiers, 's or one link word ("of",
 * when the chunk has no actor yet: "ambassadors of A") between them, four words at most?
 * *linked is set when a link joins them. */
static int joins_next(const struct af_coder *c, const struct span *s, const struct span *next, int have_actor,
                      int *linked)
{
	size_t j = s->b;
	int link = 0;
	while (j < next->a) {
		const struct tok *t = &c->t[j];
		if (t->cls & W_POSS)
			j++;
		else if (ev_modifier(c, j))
			j++;
		else if ((t->cls & W_LINK) && !have_actor && j + 1 <= next->a && !link) {
			link = 1;
			*linked = 1;
			j++;
		} else if ((t->cls & W_DET) && link)
			j++;
		else if ((t->cls & W_CONJ) && (c->t[s->b].cls & W_POSS) && j > s->b + 1 && ev_modifier(c, j - 1) &&
		         j + 1 < next->a && ev_modifier(c, j + 1))
			j++; /* "Ithilen's awful and evil minister" */
		else
			return 0;
	}
	return j - s->b <= 4;
}

/* Builds chunks over s[a, b) from the phrase spans. */
void ev_build_chunks(struct af_coder *c, const struct span *sp, size_t nsp)
{
	size_t k = 0;
	while (k < nsp) {
		/* a chunk: spans joined by modifiers, possessives and agent-of-actor links */
		size_t start = sp[k].a, end = sp[k].b;
		char code[64] = "", pre[32] = "";
		const char *canon = NULL;
		int person = 0, have_actor = 0, person_set = 0, person_actor = 0;
		const struct ev_agent *agents[8];
		int nag = 0;
		int npart = 0, linked_any = 0, ngo = 0;
		char parts[4][24];
		size_t m = k;
		for (;;) {
			const struct span *s = &sp[m];
			if (s->actor >= 0) {
				const struct ev_actor *ac = &c->d->actors[s->actor];
				const char *cd = ev_actor_code(c, ac);
				/* a country's name or adjective before an NGO the dictionary codes whole
				 * ("Iranian Red Crescent"): the country's NGO (IRNNGO), as the guidelines
				 * code a country's non-governmental bodies */
				if (have_actor && cd && !strncmp(cd, "NGO", 3) && m > k && sp[m - 1].b == s->a &&
				    strlen(code) == 3 && code[0] != '-' && !npart && !person)
					ngo = 1;
				if (!have_actor && cd) {
					const char *slash = strchr(cd, '/');
					if (slash) {
						/* "FRO/BIL/SAM": several actors */
						const char *p = cd;
						while (*p && npart < 4) {
							size_t n = strcspn(p, "/");
							snprintf(parts[npart++], 24, "%.*s", (int)n, p);
							p += n + (p[n] == '/');
						}
						snprintf(code, sizeof code, "%s", parts[0]);
					} else
						snprintf(code, sizeof code, "%s", cd);
					have_actor = 1;
					canon = ac->canonical;
					person_actor = ac->person;
				}
				if (ac->person && !person_set) {
					person = 1;
					person_set = 1;
					canon = ac->canonical;
				}
			} else if (s->agent >= 0 && nag < 8) {
				agents[nag++] = &c->d->agents[s->agent];
			}
			end = s->b;
			/* what follows: another span after modifiers / 's / a link? */
			if (m + 1 >= nsp)
				break;
			if (!joins_next(c, s, &sp[m + 1], have_actor, &linked_any))
				break;
			/* a second actor after a link or 's belongs to this chunk only when we have none yet,
			 * or when it follows directly (names: "Taliban Minister ... Nadim") */
			m++;
		}
		if (ngo)
			strcat(code, "NGO");
		/* the code: agent prefixes + actor + agent roles */
		for (int g = 0; g < nag; g++)
			if (agents[g]->pre[0] && strlen(pre) + strlen(agents[g]->pre) < sizeof pre)
				strcat(pre, agents[g]->pre);
		/* a title names the office the person holds in this text ("President Ghani",
		 * "former President Karzai"): their country and the title's roles, whatever their
		 * status on the date the dictionary would go by; a title after a group or a country
		 * keeps its code ("Taliban spokesman Zabihullah Mujahid" AFGREB) */
		int titled = have_actor && person && gives_role(agents, nag);
		if (titled && person_actor)
			owner_part(code);
		char full[64];
		if (have_actor)
			snprintf(full, sizeof full, "%.16s%.40s", pre, code);
		else if (pre[0])
			snprintf(full, sizeof full, "%s", pre);
		else if (nag)
			snprintf(full, sizeof full, "---");
		else
			full[0] = 0;
		/* an actor with a role of its own keeps it: "Taliban spokesman" AFGREB, not AFGREBGOV */
		int own_role = have_actor && has_role(code);
		for (int g = 0; g < nag; g++)
			if (!own_role || !ev_role_seg(agents[g]->post))
				append_agent(c, full, sizeof full, agents[g]);
		/* a party noun with no country ("the delegation", PARTY_NOUN) names no actor; with one
		 * ("a delegation from Pakistan", "the Pakistani delegation") it is its government */
		if (!have_actor && !pre[0] && c->syn_party >= 0) {
			int lone = 1;
			for (size_t q = k; q <= m && lone; q++)
				lone = sp[q].agent >= 0 && ev_syn_match(c, c->syn_party, sp[q].a, sp[q].b) == sp[q].b - sp[q].a;
			if (lone) {
				k = m + 1;
				continue;
			}
		}
		int ci = ev_new_chunk(c, start, end);
		struct chunk *ch = &c->ch[ci];
		snprintf(ch->code, sizeof ch->code, "%s", full);
		if (have_actor)
			snprintf(ch->base, sizeof ch->base, "%.16s%.40s", pre, code);
		ch->canonical = canon;
		ch->person = person;
		ch->titled = titled;
		for (int g = 0; g < nag && g < 4; g++)
			ch->ag[ch->nag++] = agents[g];
		if (titled && !pre[0] && nag <= 4 && (person_actor || former_title(c, ch->a, ch->b)))
			title_code(c, ch, code);
		for (int p = 1; p < npart; p++) {
			char x[64];
			snprintf(x, sizeof x, "%s%s", pre, parts[p]);
			for (int g = 0; g < nag; g++)
				append_agent(c, x, sizeof x, agents[g]);
			snprintf(ch->partial[ch->npartial++], sizeof ch->partial[0], "%s", x);
		}
		ch->linked = linked_any && nag > 0;
		for (size_t i = start; i < end; i++)
			c->t[i].chunk = ci;
		k = m + 1;
	}
}

/* Extends each chunk left over its modifiers (for its text) without changing its code. */
size_t ev_chunk_text_start(const struct af_coder *c, const struct chunk *ch, size_t a)
{
	size_t s = ch->a;
	int n = 0;
	while (s > a && n < 3 && ev_modifier(c, s - 1) && c->t[s - 1].chunk < 0 &&
	       !(c->t[s - 1].flags & AF_TF_DIGIT))
		s--, n++;
	return s;
}

/* code = actor base + the roles of agents ag[0..n) */
static void agent_code_of(const struct af_coder *c, char *out, size_t cap, const char *base,
                          const struct ev_agent *const *ag, int n)
{
	char t[64];
	snprintf(t, sizeof t, "%s", base);
	for (int g = 0; g < n; g++)
		append_agent(c, t, sizeof t, ag[g]);
	snprintf(out, cap, "%s", t);
}

static void add_partial(struct chunk *ch, const char *code)
{
	if (ch->npartial < 4 && strcmp(ch->code, code))
		snprintf(ch->partial[ch->npartial++], sizeof ch->partial[0], "%s", code);
}

/* Agents shared across a compound: "Lawmakers and officials in Fornost and Gondor" (each role
 * of each country), "Danish media and government" (the government is Danish too). */
static void share_agents(struct af_coder *c, const struct group *g)
{
	int link = -1;
	for (int i = 0; i < g->n && link < 0; i++) {
		const struct chunk *ch = &c->ch[g->members[i]];
		if (ch->linked && ch->base[0] && ch->nag)
			link = i;
	}
	if (link >= 0) {
		struct chunk *l = &c->ch[g->members[link]];
		/* the actors after the link, with no roles of their own */
		int ys[MAX_MEMBERS], ny = 0;
		for (int i = link + 1; i < g->n; i++) {
			const struct chunk *ch = &c->ch[g->members[i]];
			if (ch->base[0] && (!ch->nag || !strcmp(ch->code, ch->base) || ch->linked == 2))
				ys[ny++] = g->members[i];
			else
				break;
		}
		int nagentonly = 0;
		for (int i = 0; i < link; i++) {
			const struct chunk *ch = &c->ch[g->members[i]];
			if (!ch->base[0] && ch->nag)
				nagentonly++;
		}
		if (nagentonly == link && (nagentonly || ny)) {
			char x[64];
			for (int i = 0; i < link; i++) {
				struct chunk *m = &c->ch[g->members[i]];
				agent_code_of(c, m->code, sizeof m->code, l->base, m->ag, m->nag);
				for (int k = 0; k < ny; k++) {
					agent_code_of(c, x, sizeof x, c->ch[ys[k]].base, m->ag, m->nag);
					add_partial(m, x);
				}
			}
			for (int k = 0; k < ny; k++) {
				struct chunk *y = &c->ch[ys[k]];
				agent_code_of(c, y->code, sizeof y->code, y->base, l->ag, l->nag);
				y->linked = 2;
			}
		}
	}
	/* an agent alone after an actor with roles takes that actor */
	for (int i = 1; i < g->n; i++) {
		struct chunk *m = &c->ch[g->members[i]], *p = &c->ch[g->members[i - 1]];
		if (!m->base[0] && m->nag && p->base[0] && p->nag && !p->linked && !m->linked) {
			agent_code_of(c, m->code, sizeof m->code, p->base, m->ag, m->nag);
			memcpy(m->base, p->base, sizeof m->base);
		}
	}
}

/* ---- capitals ---- */

/* Do noun phrases x and y stand together: the same, or members of one list? */
static int same_np(const struct af_parse *p, int32_t x, int32_t y)
{
	return x >= 0 && y >= 0 && (x == y || (p->np[x].list >= 0 && p->np[x].list == p->np[y].list));
}

/* Does the noun phrase np act in its clause: its subject, a passive's agent, or the object of a
 * partner preposition ("talks with Tehran")? A list member acts as its list does. */
static int np_acts(const struct af_coder *c, int32_t np)
{
	const struct af_parse *p = &c->parse;
	int32_t cl = p->np[np].clause;
	for (size_t k = 0; cl < 0 && p->np[np].list >= 0 && k < p->nnp; k++)
		if (same_np(p, np, (int32_t)k))
			cl = p->np[k].clause;
	if (cl < 0)
		return 0;
	const struct af_clause *k = &p->cl[cl];
	if ((same_np(p, np, k->subj) && !k->subj_inherited) || same_np(p, np, k->agent))
		return 1;
	for (size_t i = k->pp_start; i < k->pp_start + k->npp; i++)
		if (same_np(p, np, p->pps[i].np) && (ev_bits(c->d->wflag, c->d->wflagcap, c->t[p->pps[i].prep].id) & EV_WF_PARTNER))
			return 1;
	return 0;
}

/* A capital that acts is its country's government ("Tehran rejected", "talks with Moscow"); a
 * capital that is a place ("arrived in Tehran", "Kabul's airport") stays the country. Only a
 * chunk that is the capital's name alone, coded as the dictionary codes it. */
static void capital_roles(struct af_coder *c, size_t first_chunk)
{
	if (!c->d->wflagcap && !c->parse.nnp)
		return;
	for (size_t i = first_chunk; i < c->nch; i++) {
		struct chunk *ch = &c->ch[i];
		int actor, agent;
		if (ch->pron || ch->npartial || strlen(ch->code) != 3 || ch->b > c->parse.ntok ||
		    ev_match_phrase(c, ch->a, ch->b, &actor, &agent) != ch->b - ch->a || actor < 0 ||
		    !c->d->actors[actor].capital)
			continue;
		const char *dc = ev_actor_code(c, &c->d->actors[actor]);
		int32_t np = c->parse.tok[ch->b - 1].np;
		if (!dc || strcmp(dc, ch->code) || np < 0 || c->parse.np[np].head != ch->b - 1 || !np_acts(c, np))
			continue;
		strcat(ch->code, "GOV");
	}
}

/* Groups chunks joined by "and", "or", "," into compounds. */
/* Is chunk ch, after chunk pv and a comma, the subject of its clause in the parse, pv in no
 * list or apposition with it? */
static int comma_subject(const struct af_coder *c, const struct chunk *pv, const struct chunk *ch)
{
	int32_t a = c->parse.tok[pv->b - 1].np, b = c->parse.tok[ch->b - 1].np;
	if (a < 0 || b < 0 || a == b)
		return 0;
	const struct af_syn_np *x = &c->parse.np[a], *y = &c->parse.np[b];
	if ((x->list >= 0 && x->list == y->list) || x->appos == b || y->appos == a || y->clause < 0)
		return 0;
	const struct af_clause *k = &c->parse.cl[y->clause];
	return k->subj == b && !k->subj_inherited && c->parse.np[b].head < k->verb.head && x->clause != y->clause;
}

/* news: is chunk pv the object of the prepositional phrase that opens sentence [a, ...), with
 * a comma right after it ("In talks with Zarif, Britain and Germany said", "During a call
 * with X, Y ..."): a preposition first (after an "According to ..." attribution), then
 * neither comma nor verb before pv? The chunker reads "Zarif, Britain" as one noun phrase;
 * the clause's subject is only the list after the comma when a finite verb follows it
 * (ev_list_then_verb: "In Iran, Iraq and Syria, ..." stays a list). */
static int opening_object(const struct af_coder *c, const struct chunk *pv, size_t a, size_t b)
{
	size_t k = a;
	while (k < pv->a && c->t[k].paren && c->t[k].paren != c->t[pv->a].paren)
		k++;
	if (k >= pv->a || c->t[k].tag != AF_POS_IN || ev_word_is(c, k, "THAT") || pv->b >= b || !ev_is_comma(c, pv->b))
		return 0;
	for (size_t j = k + 1; j < pv->a; j++)
		if (ev_is_comma(c, j) || c->t[j].boundary || (c->t[j].verb >= 0 && c->vg[c->t[j].verb].head == j))
			return 0;
	return ev_list_then_verb(c, pv->b + 1, b);
}

/* "as well as" at token j (before token s): a list's conjunction ("thanked A as well as B"). */
static int as_well_as(const struct af_coder *c, size_t j, size_t s)
{
	return j + 3 <= s && ev_word_is(c, j, "AS") && ev_word_is(c, j + 1, "WELL") && ev_word_is(c, j + 2, "AS");
}

/* news: "A, who leads the delegation, and B met C": chunk i after ", and" (or "and") that
 * closes a relative clause opened by ", who" (which, whose, whom) right after member chunk h
 * of this sentence, with a finite verb after chunk i (ev_member_then_verb), is h's list's
 * next member when h's list is its clause's subject (ev_opens_clause): h's group. -2 when
 * h's list is not (chunk i joins no list), else -1. */
static int after_relative(const struct af_coder *c, size_t first_chunk, size_t i, size_t a, size_t b)
{
	size_t s = ev_chunk_text_start(c, &c->ch[i], a);
	while (s > a && (c->t[s - 1].cls & W_DET))
		s--;
	if (s < a + 4 || !ev_word_is(c, s - 1, "AND") || !ev_is_comma(c, s - 2) || !ev_member_then_verb(c, s - 1, b))
		return -1;
	int words = 0;
	for (size_t k = s - 2; k-- > a && words <= PAREN_MAX;) {
		if (c->t[k].boundary || ev_is_comma(c, k) || ev_word_is(c, k, "AND"))
			return -1;
		if (is_word(&c->t[k]))
			words++;
		if (!(ev_word_is(c, k, "WHO") || ev_word_is(c, k, "WHICH") || ev_word_is(c, k, "WHOSE") ||
		      ev_word_is(c, k, "WHOM")))
			continue;
		if (k < a + 2 || !ev_is_comma(c, k - 1) || c->t[k - 2].chunk < (int)first_chunk)
			return -1;
		const struct chunk *h = &c->ch[c->t[k - 2].chunk];
		if (h->b != k - 1 || h->group < 0 || c->gr[h->group].n >= MAX_MEMBERS)
			return -1;
		/* on an object ("condemned A, which borders C, and B praised D"): B opens a new
		 * clause, in no list with A or C */
		return ev_opens_clause(c, &c->ch[c->gr[h->group].members[0]], a) ? h->group : -2;
	}
	return -1;
}

void ev_build_groups(struct af_coder *c, size_t first_chunk, size_t a, size_t b)
{
	size_t first_group = c->ngr; /* this sentence's groups: the record's earlier ones are done */
	if (c->news)
		ev_drop_places(c, first_chunk);
	for (size_t i = first_chunk; i < c->nch; i++) {
		struct chunk *ch = &c->ch[i];
		int joined = 0;
		if (ch->dropped)
			continue; /* names no actor: in no group (drop_modifier_agents) */
		int host = c->news ? ev_appos_host(c, first_chunk, i) : -1;
		if (host >= 0) {
			ev_absorb_apposition(c, i, host);
			continue;
		}
		/* the list's previous member: the chunk before, past a title's complement chunks
		 * join_title dropped inside the titled person ("Deputy Foreign Minister for
		 * Political Affairs X and Y held talks") */
		size_t pi = i;
		if (i > first_chunk && c->ch[i - 1].dropped) {
			size_t q = i - 1;
			while (q > first_chunk && c->ch[q].dropped)
				q--;
			if (!c->ch[q].dropped && c->ch[q].b >= c->ch[i - 1].b)
				pi = q + 1;
		}
		if (i > first_chunk && c->t[ch->a].paren == c->t[c->ch[pi - 1].a].paren) {
			struct chunk *pv = &c->ch[pi - 1];
			size_t s = ev_chunk_text_start(c, ch, a);
			size_t j = pv->b;
			int conj = 0, comma = 0, other = 0, extra = 0;
			for (; j < s; j++) {
				const struct tok *t = &c->t[j];
				if ((t->cls & W_CONJ) && !ev_word_is(c, j, "BUT") && !ev_word_is(c, j, "YET") && !ev_word_is(c, j, "SO"))
					conj++; /* "A and B", "A or B"; "A, but B" and "A, so B" join clauses */
				else if (as_well_as(c, j, s))
					conj++, j += 2, extra += 2;
				else if (t->kind == AF_TOK_PUNCT && c->text[c->toks.v[j].start] == ',')
					comma++;
				else if (t->cls & W_DET)
					;
				else
					other++;
			}
			/* "A, B and C"; an apposition "A, the state's foe," has no actor of its own */
			if (!other && (conj || (comma == 1 && ev_real_code(ch->code))) &&
			    pv->group >= 0 && c->gr[pv->group].n < MAX_MEMBERS && s - pv->b <= 3 + (size_t)extra)
				joined = 1;
			if (!other && comma == 1 && !conj && !ev_real_code(ch->code))
				joined = 0;
			/* "During his visit to Tehran, Zarif said": no list when the parse has the second
			 * phrase as its clause's subject and the first in no list with it */
			if (joined && !conj && comma_subject(c, pv, ch))
				joined = 0;
			if (joined && !conj && c->news && opening_object(c, pv, a, b))
				joined = 0;
			/* "Ithilen's sheep and goats of Gondor": two noun phrases, each with its actor */
			if (!joined && pv->group >= 0 && c->gr[pv->group].n < MAX_MEMBERS && ev_real_code(ch->code) &&
			    ev_real_code(pv->code)) {
				size_t k = pv->b;
				int nm = 0, nm2 = 0, ok2 = 0;
				if (k < s && (c->t[k].cls & W_POSS))
					k++;
				while (k < s && nm < 2 && ev_modifier(c, k) && (c->t[k].flags & AF_TF_LOWER))
					k++, nm++;
				if (nm && k < s && (c->t[k].cls & W_CONJ)) {
					k++;
					if (k < s && (c->t[k].cls & W_DET))
						k++;
					while (k < s && nm2 < 2 && ev_modifier(c, k) && (c->t[k].flags & AF_TF_LOWER))
						k++, nm2++;
					ok2 = nm2 && k + 1 == s && ev_word_is(c, k, "OF");
				}
				if (ok2)
					joined = 1;
			}
			/* "..., the Taliban said": a speaker, not a member ("A and B said" are both) */
			for (size_t k = ch->b; k < ch->b + 3 && k < c->toks.n && joined && !conj; k++) {
				if (c->t[k].speech)
					joined = 0;
				else if (!(c->t[k].cls & (W_AUX | W_ADV)))
					break;
			}
		}
		int jg = c->news ? after_relative(c, first_chunk, i, a, b) : -1;
		if (jg == -2) {
			joined = 0;
			jg = -1;
		} else if (jg >= 0) {
			/* a new group of A's members and B: A alone stays the relative clause's subject */
			c->gr = af_grow(c->gr, &c->grcap, c->ngr + 1, sizeof *c->gr);
			c->gr[c->ngr] = c->gr[jg];
			jg = (int)c->ngr++;
			joined = 1;
		} else if (joined)
			jg = c->ch[pi - 1].group;
		if (joined) {
			struct group *g = &c->gr[jg];
			struct chunk *head = &c->ch[g->members[0]];
			if (head->linked && !ch->nag && ev_real_code(ch->code)) {
				for (int k = 0; k < head->nag; k++)
					append_agent(c, ch->code, sizeof ch->code, head->ag[k]);
			}
			g->members[g->n++] = (int)i;
			g->b = ch->b;
			ch->group = jg;
			continue;
		}
		c->gr = af_grow(c->gr, &c->grcap, c->ngr + 1, sizeof *c->gr);
		struct group *g = &c->gr[c->ngr];
		memset(g, 0, sizeof *g);
		g->members[g->n++] = (int)i;
		g->a = ch->a;
		g->b = ch->b;
		ch->group = (int)c->ngr++;
	}
	/* "A, the state's fiercest foe," - drop an agent-only apposition joined by comma: done above */
	for (size_t i = first_group; i < c->ngr; i++)
		if (c->gr[i].n > 1 && (size_t)c->gr[i].members[0] >= first_chunk)
			share_agents(c, &c->gr[i]);
	capital_roles(c, first_chunk);
}

/* The first of the entities (in text order, as af-entities writes them: c->ents_sorted)
 * that starts at code point cs or later. */
size_t ev_first_entity(const struct af_mentions *ents, size_t cs)
{
	size_t lo = 0, hi = ents->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ents->v[mid].cstart < cs)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The country af-entities gave a person's office ("Minister" of "Iranian Transport and Urban
 * Development", "Foreign Minister" of "Uzbek"): the dictionary's longest actor phrase at the
 * start of the office's organisation, when its code names a country or IGO (its owner part,
 * roles cut). 1 with the code in out, else 0. */
static int office_owner(const struct af_coder *c, const char *org, char *out, size_t cap)
{
	const struct af_evdict *d = c->d;
	int node = 0, best = -1;
	char w[64];
	for (const char *p = org; *p && node >= 0;) {
		size_t n = strcspn(p, " ");
		if (!n || n >= sizeof w)
			break;
		for (size_t i = 0; i < n; i++)
			w[i] = (char)toupper((unsigned char)p[i]);
		int id = ev_wtab_get(&d->w, w, n);
		node = id < 0 ? -1 : ev_edges_get(&d->edges, node, id);
		if (node >= 0 && d->nodes[node].actor >= 0)
			best = d->nodes[node].actor;
		p += n;
		p += strspn(p, " ");
	}
	const char *code = best >= 0 ? ev_actor_code(c, &d->actors[best]) : NULL;
	if (!code || strlen(code) < 3 || code[0] == '-' || strchr(code, '/') || d->actors[best].person)
		return 0;
	snprintf(out, cap, "%s", code);
	owner_part(out);
	return 1;
}

/* The country a title names before a ministry's name with "and" in it ("Iranian Transport and
 * Urban Development Minister", "Iran's Roads and Urban Development Minister"): a country chunk
 * (bare code, no person) followed by capitalised words and their "and" up to token a, within
 * tokens [lo, a), or an uncoded organisation's chunk there whose name begins with a country. */
static int ministry_owner(const struct af_coder *c, size_t lo, size_t a, char *out, size_t cap)
{
	size_t k = a;
	int n = 0;
	while (k > lo && n < 8 && c->t[k - 1].chunk < 0) {
		const struct tok *t = &c->t[k - 1];
		int capword = t->kind == AF_TOK_WORD && (t->flags & AF_TF_ALPHA) && !(t->flags & AF_TF_LOWER);
		if (!capword && !(t->cls & W_CONJ) && !(t->cls & W_POSS))
			return 0;
		k--, n++;
	}
	int ci = k > lo ? c->t[k - 1].chunk : -1;
	if (ci < 0 || c->ch[ci].person)
		return 0;
	const char *code = c->ch[ci].code;
	/* an organisation af-entities found with no code ("Iranian Transport and Urban"): the
	 * country its name begins with */
	int actor, agent;
	if (!code[0] && ev_match_phrase(c, c->ch[ci].a, c->ch[ci].b, &actor, &agent) && actor >= 0 &&
	    !c->d->actors[actor].person) {
		code = ev_actor_code(c, &c->d->actors[actor]);
		n++;
	}
	if (!n || !code || strlen(code) != 3 || code[0] == '-')
		return 0;
	snprintf(out, cap, "%s", code);
	return 1;
}

/* The agent a phrase names whole ("Foreign Minister"), or NULL. */
static const struct ev_agent *phrase_agent(const struct af_coder *c, const char *phrase)
{
	const struct af_evdict *d = c->d;
	int node = 0;
	char w[64];
	for (const char *p = phrase; *p && node >= 0;) {
		size_t n = strcspn(p, " ");
		if (!n || n >= sizeof w)
			return NULL;
		for (size_t i = 0; i < n; i++)
			w[i] = (char)toupper((unsigned char)p[i]);
		int id = ev_wtab_get(&d->w, w, n);
		node = id < 0 ? -1 : ev_edges_get(&d->edges, node, id);
		p += n;
		p += strspn(p, " ");
	}
	return node > 0 && d->nodes[node].agent >= 0 ? &d->agents[d->nodes[node].agent] : NULL;
}

/* Codes chunk ch from the office af-entities found for its person: the organisation's country
 * and the office's roles, when both are in the dictionaries and the office is not one held
 * abroad (`posted` in data/events-world.yaml). */
static void office_code(struct af_coder *c, struct chunk *ch, const char *role, const char *org)
{
	char owner[64], head[64];
	const char *last = strrchr(role, ' ');
	last = last ? last + 1 : role;
	size_t n = strlen(last);
	for (size_t i = 0; i < n && i + 1 < sizeof head; i++)
		head[i] = (char)toupper((unsigned char)last[i]);
	head[n < sizeof head ? n : sizeof head - 1] = 0;
	/* the organisation of an envoy's office may be the host ("Special Envoy for Yemen") */
	if (ev_bits(c->d->wflag, c->d->wflagcap, ev_wtab_get(&c->d->w, head, strlen(head))) & EV_WF_POSTED)
		return;
	const struct ev_agent *ag = phrase_agent(c, role);
	if (!ag || !ag->post[0] || !office_owner(c, org, owner, sizeof owner))
		return;
	snprintf(ch->base, sizeof ch->base, "%s", owner);
	snprintf(ch->code, sizeof ch->code, "%s", owner);
	append_agent(c, ch->code, sizeof ch->code, ag);
}

/* Is the person entity e someone else than the dictionary's actor of chunk ch: its canonical
 * name differs and so does its country ("Abdullah" in an article about Abdullah Abdullah is
 * not the Saudi king)? Then the entity layer's code stands. */
static int other_person(const struct chunk *ch, const struct af_mention *e, const char *ecode)
{
	if (e->type != AF_E_PERSON || !e->canonical || !ch->canonical || !strcasecmp(ch->canonical, e->canonical))
		return 0;
	return strncmp(ch->code, ecode, 3) != 0;
}

/* Entity e over tokens ta..tb, already (partly) an actor phrase: chunk `covered`. */
static void entity_over_chunk(struct af_coder *c, int covered, const struct af_mention *e, size_t ta, size_t tb,
                              const char *ecode)
{
	const char *canon = e->canonical;
	struct chunk *ch = &c->ch[covered];
	/* the chunk is a fragment of the entity's name ("Abdullah" of "Abdullah Abdullah"):
	 * the entity layer's code, or none (a fragment's dictionary code is another
	 * person's); the whole name keeps the dictionary's code, which follows the date
	 * (the Taliban), else takes the entity's; a chunk wider than the name ("Pakistan's
	 * Prime Minister Imran Khan") keeps its own code unless it has none */
	if (ch->a >= ta && ch->b <= tb && (ch->a > ta || ch->b < tb)) {
		snprintf(ch->code, sizeof ch->code, "%s", ecode ? ecode : "");
		snprintf(ch->base, sizeof ch->base, "%s", ecode ? ecode : "");
		ch->npartial = 0;
		ch->nag = 0;
		for (size_t k = ta; k < tb; k++)
			c->t[k].chunk = covered;
		ch->a = ta;
		ch->b = tb;
		/* "the Nairobi Framework Agreement": a document (ev_add_entities) */
		ch->document = !ecode && e->type == AF_E_ORG && c->news && ev_document(c, ta, tb);
	} else if (ecode && (!ch->code[0] || other_person(ch, e, ecode))) {
		snprintf(ch->code, sizeof ch->code, "%s", ecode);
		snprintf(ch->base, sizeof ch->base, "%s", ecode);
		ch->npartial = 0;
	}
	if (e->type == AF_E_PERSON && canon && !ch->owned) {
		ch->owned = af_strdup(canon);
		ch->canonical = ch->owned;
		ch->person = 1;
	}
}

/* A title whose office is named after it with "for" or "to", then the person's name: "Deputy
 * Foreign Minister for Legal and International Affairs Pedro Gomez", "Germany's Minister
 * for Economic Affairs and Energy Peter Altmaier", "Afghanistan's Ambassador to Iran Nasir Ahmad
 * Nour". The complement is at most 7 words, each capitalised or "and", "of", "the", "&", right
 * before the name at token ta. The title's chunk (a title: an agent that gives a role, no
 * person yet), with *j set to its end; -1 when none. A rule: the shape is fixed English. */
static int title_complement(const struct af_coder *c, size_t a, size_t ta, size_t *j)
{
	size_t k = ta;
	while (k > a && ta - k < 7 && !ev_word_is(c, k - 1, "FOR") && !ev_word_is(c, k - 1, "TO") &&
	       ((c->t[k - 1].flags & AF_TF_CAP) || ev_word_is(c, k - 1, "AND") || ev_word_is(c, k - 1, "OF") ||
	        ev_word_is(c, k - 1, "THE") || ev_tok_is(c, k - 1, "&", 1)))
		k--;
	if (k == ta || k < a + 2 || !(ev_word_is(c, k - 1, "FOR") || ev_word_is(c, k - 1, "TO")) ||
	    !(c->t[k].flags & AF_TF_CAP))
		return -1;
	int prev = c->t[k - 2].chunk;
	if (prev < 0 || c->ch[prev].b != k - 1 || c->ch[prev].person || c->ch[prev].pron ||
	    !gives_role(c->ch[prev].ag, c->ch[prev].nag))
		return -1;
	*j = k - 1;
	return prev;
}

/* A title before the person entity e (tokens ta..tb, in the sentence from a) that is the same
 * actor joins it; 1 when it did. */
static int join_title(struct af_coder *c, const struct af_mention *e, size_t a, size_t ta, size_t tb,
                      const char *ecode)
{
	const char *canon = e->canonical;
	/* a title before the name is the same actor: "Turkish Foreign Minister Mevlüt Çavusoglu",
	 * "his Turkish counterpart Mevlüt Çavusoglu" */
	if (e->type == AF_E_PERSON && c->news) {
		size_t j = ta;
		while (j > a && ta - j < 3 && c->t[j - 1].chunk < 0 && ev_modifier(c, j - 1) &&
		       (c->t[j - 1].flags & AF_TF_LOWER))
			j--;
		int prev = j > a ? c->t[j - 1].chunk : -1;
		if (!(prev >= 0 && c->ch[prev].b == j && !c->ch[prev].person && c->ch[prev].code[0])) {
			size_t jc = j;
			int t = title_complement(c, a, ta, &jc);
			if (t >= 0) {
				prev = t;
				j = jc;
			}
		}
		if (prev >= 0 && c->ch[prev].b == j && !c->ch[prev].person && c->ch[prev].code[0]) {
			struct chunk *ch = &c->ch[prev];
			/* the complement's own chunks ("to Iran" of "Afghanistan's Ambassador to Iran
			 * X") are no actors of their own: the title's office names them */
			for (size_t k = j; k < ta; k++)
				if (c->t[k].chunk >= 0 && c->t[k].chunk != prev)
					ev_drop_chunk(c, (size_t)c->t[k].chunk);
			for (size_t k = j; k < tb; k++)
				c->t[k].chunk = prev;
			ch->b = tb;
			ch->person = 1;
			ch->titled = gives_role(ch->ag, ch->nag);
			/* a title of no country ("Foreign Ministry spokesman") and a person af-entities
			 * knows: the person's country with the title's roles */
			char owner[64];
			if (ch->titled && !ch->base[0] && ecode)
				title_code(c, ch, ecode);
			else if (ch->titled && !ch->base[0] &&
			         ((e->org && office_owner(c, e->org, owner, sizeof owner)) ||
			          ministry_owner(c, a, ch->a, owner, sizeof owner)))
				title_code(c, ch, owner);
			else if (ch->titled && ch->base[0] && former_title(c, ch->a, ch->b))
				title_code(c, ch, ch->base);
			if (canon) {
				free(ch->owned);
				ch->owned = af_strdup(canon);
				ch->canonical = ch->owned;
			}
			return 1;
		}
	}
	return 0;
}

int ev_entity_tokens(const struct af_coder *c, const struct af_mention *e, size_t a, size_t b, size_t *ta, size_t *tb)
{
	size_t es = e->cstart, ee = e->cend;
	if (a >= b || es < c->toks.v[a].cstart || ee > c->toks.v[b - 1].cend || es >= ee)
		return 0;
	*ta = b;
	*tb = a;
	for (size_t k = a; k < b; k++) {
		if (c->toks.v[k].cstart >= es && c->toks.v[k].cend <= ee) {
			if (*ta == b)
				*ta = k;
			*tb = k + 1;
		}
	}
	return *ta < *tb;
}

/* Entities not covered by an actor phrase become chunks without a code (a place marks the
 * chunk it covers: ev_mark_place). */
void ev_add_entities(struct af_coder *c, const struct af_mentions *ents, size_t a, size_t b)
{
	if (!ents || a >= b)
		return;
	size_t ca = c->toks.v[a].cstart, cb = c->toks.v[b - 1].cend;
	for (size_t i = c->ents_sorted ? ev_first_entity(ents, ca) : 0; i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (c->ents_sorted && e->cstart >= cb)
			break; /* in text order: the rest start after the sentence */
		if (e->type != AF_E_PERSON && e->type != AF_E_ORG && e->type != AF_E_NORP && e->type != AF_E_LOC)
			continue;
		size_t ta, tb;
		if (!ev_entity_tokens(c, e, a, b, &ta, &tb) || ta < c->dl_end)
			continue;
		if (e->type == AF_E_LOC) {
			if (c->news)
				ev_mark_place(c, e, ta, tb);
			continue;
		}
		const char *canon = e->canonical;
		const char *ecode = e->code;
		if (ecode && (!ecode[0] || strlen(ecode) >= sizeof c->ch[0].code))
			ecode = NULL;
		int covered = -1;
		for (size_t k = ta; k < tb; k++)
			if (c->t[k].chunk >= 0)
				covered = c->t[k].chunk;
		if (covered >= 0) {
			entity_over_chunk(c, covered, e, ta, tb, ecode);
			continue;
		}
		int verbish = 0;
		for (size_t k = ta; k < tb; k++)
			if (c->t[k].verb >= 0)
				verbish = 1;
		if (verbish)
			continue;
		if (join_title(c, e, a, ta, tb, ecode))
			continue;
		/* an organisation or a country before an agent of no actor ("EU officials"): one actor,
		 * the entity's code with the agent's roles (none for an organisation: append_agent) */
		int nx = tb < b && e->type != AF_E_PERSON ? c->t[tb].chunk : -1;
		if (ecode && nx >= 0 && c->ch[nx].a == tb && !c->ch[nx].base[0] && c->ch[nx].nag && !c->ch[nx].person &&
		    !c->ch[nx].pron) {
			struct chunk *ch = &c->ch[nx];
			snprintf(ch->base, sizeof ch->base, "%s", ecode);
			if (has_role(ecode))
				snprintf(ch->code, sizeof ch->code, "%s", ecode);
			else
				agent_code_of(c, ch->code, sizeof ch->code, ecode, ch->ag, ch->nag);
			ch->a = ta;
			for (size_t k = ta; k < tb; k++)
				c->t[k].chunk = nx;
			continue;
		}
		int ci = ev_new_chunk(c, ta, tb);
		struct chunk *ch = &c->ch[ci];
		/* a treaty, law or deal af-entities typed ORG names no actor: it takes its words
		 * and its place in the clause, but is no side of an event (ev_emit_event) */
		ch->document = !ecode && e->type == AF_E_ORG && c->news && ev_document(c, ta, tb);
		if (canon) {
			ch->owned = af_strdup(canon);
			ch->canonical = ch->owned;
		}
		if (ecode) {
			snprintf(ch->code, sizeof ch->code, "%s", ecode);
			snprintf(ch->base, sizeof ch->base, "%s", ecode);
		} else if (e->type == AF_E_ORG && c->news) {
			ev_acronym_code(c, ch);
			ch->document = ch->document || (!ch->code[0] && ev_acronym_document(c, ch));
		}
		ch->person = e->type == AF_E_PERSON;
		ch->named = e->type == AF_E_PERSON || e->type == AF_E_ORG;
		/* a person af-entities names with an office and its country but no code ("Sirojiddin
		 * Muhriddin, the Foreign Minister of Tajikistan"): that country with the office's roles */
		if (!ecode && ch->person && e->role && e->org)
			office_code(c, ch, e->role, e->org);
		for (size_t k = ta; k < tb; k++)
			c->t[k].chunk = ci;
	}
}

/* ---- actor codes as written ---- */

/* The news guidelines' actor code: a state's country and one role, the first six letters of
 * the code the dictionaries build ("IRNGOVFRM" -> IRNGOV, as GUIDELINES code "Iranian Foreign
 * Minister" and af-entities codes the same person); an organisation's code is kept whole
 * (IGOEUREEC: the Phoenix and af-entities tables). Under other conventions, or with actors or
 * agents from TABARI files, the code is written as built. */
const char *ev_guideline_code(const struct af_coder *c, const char *code, char *buf, size_t n)
{
	if (!c->news || c->d->own_actors || !code || strlen(code) <= 6 || !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3))
		return code;
	snprintf(buf, n, "%.6s", code);
	return buf;
}
