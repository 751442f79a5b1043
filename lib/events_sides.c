/* events_sides.c - sides af-entities found that no dictionary phrase codes: persons and
 * organisations written with actor null, acronyms coded by the name the text gave them and
 * documents named so; appositions (one actor under two mentions); places that are no side
 * (events_actors.c builds the chunks and groups). */
#include "events_coder.h"
#include "evdict_int.h"

#include <ctype.h>
#include <string.h>

int ev_named_side(const struct af_coder *c, int k, const char *code)
{
	if (code && code[0])
		return 1;
	return c->news && k >= 0 && c->ch[k].named && !c->ch[k].pron && !c->ch[k].code[0];
}

/* Is token i a document's head word (`documents` in data/events-world.yaml)? */
static int document_word(const struct af_coder *c, size_t i)
{
	return c->t[i].id >= 0 && (ev_bits(c->d->wflag, c->d->wflagcap, c->t[i].id) & EV_WF_DOCUMENT) != 0;
}

int ev_document(const struct af_coder *c, size_t ta, size_t tb)
{
	if (ta >= tb)
		return 0;
	if (document_word(c, tb - 1))
		return 1;
	/* the head of "X of Y" is X: "Joint Comprehensive Plan of Action", "Memorandum of
	 * Understanding" */
	for (size_t i = ta + 1; i + 1 < tb; i++)
		if (ev_word_is(c, i, "OF"))
			return document_word(c, i - 1);
	return 0;
}

/* Do the words of tokens [i, b) give the letters w[0..n) as their initials, in order? A
 * capitalised word gives its initial; a word in lower case ("of", "and") may give its own or
 * none ("Iranian Red Crescent Society" IRCS, "Joint Comprehensive Plan of Action" JCPOA). */
static int initials_of(const struct af_coder *c, size_t i, size_t b, const char *w, size_t n, int depth)
{
	while (i < b && (c->toks.v[i].kind != AF_TOK_WORD || (c->toks.v[i].flags & AF_TF_CLITIC)))
		i++;
	if (i >= b)
		return n == 0;
	if (depth > 24)
		return 0;
	const struct af_token *t = &c->toks.v[i];
	int first = toupper((unsigned char)c->text[t->start]);
	if (t->flags & AF_TF_CAP)
		return n > 0 && first == w[0] && initials_of(c, i + 1, b, w + 1, n - 1, depth + 1);
	return (n > 0 && first == w[0] && initials_of(c, i + 1, b, w + 1, n - 1, depth + 1)) ||
	       initials_of(c, i + 1, b, w, n, depth + 1);
}

/* The chunk of the name an acronym (chunk ch, one word of 2 to 8 capitals) stands for: the
 * nearest "NAME (ACRONYM)" before it, NAME a chunk and at most three uncoded capitalised
 * words whose initials are the acronym's letters; -1 when none. */
static int acronym_name(const struct af_coder *c, const struct chunk *ch)
{
	if (ch->b != ch->a + 1)
		return -1;
	const struct af_token *t = &c->toks.v[ch->a];
	size_t n = t->end - t->start;
	const char *w = c->text + t->start;
	if (n < 2 || n > 8 || t->kind != AF_TOK_WORD)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return -1;
	for (size_t k = ch->a; k-- > 1;) {
		if (k + 2 >= c->toks.n || !ev_tok_is(c, k, "(", 1) || !ev_tok_is(c, k + 1, w, n) || !ev_tok_is(c, k + 2, ")", 1))
			continue;
		size_t j = k;
		while (j > 0 && k - j < 3 && c->t[j - 1].chunk < 0 && (c->toks.v[j - 1].flags & AF_TF_CAP))
			j--;
		int ci = j > 0 ? c->t[j - 1].chunk : -1;
		if (ci < 0 || !initials_of(c, ev_chunk_text_start(c, &c->ch[ci], 0), k, w, n, 0))
			return -1;
		return ci;
	}
	return -1;
}

void ev_acronym_code(struct af_coder *c, struct chunk *ch)
{
	int ci = acronym_name(c, ch);
	if (ci < 0 || !ev_real_code(c->ch[ci].code) || c->ch[ci].person)
		return;
	snprintf(ch->code, sizeof ch->code, "%s", c->ch[ci].code);
	snprintf(ch->base, sizeof ch->base, "%s", c->ch[ci].base);
}

int ev_acronym_document(const struct af_coder *c, const struct chunk *ch)
{
	int ci = acronym_name(c, ch);
	return ci >= 0 && c->ch[ci].document;
}

/* ---- appositions ---- */

/* Is chunk i inside an apposition in the parse ("Ali Bagheri, Iran's chief negotiator,", "X,
 * the special envoy of the United States,")? The member chunk (of this sentence's groups) of
 * the noun phrase it renames, else -1. The apposition's noun phrase holds the chunk, or the
 * chunk is in an "of" phrase hanging from it. */
static int parse_appos_host(const struct af_coder *c, size_t first_chunk, size_t i)
{
	const struct af_parse *p = &c->parse;
	const struct chunk *ch = &c->ch[i];
	if (ch->b > p->ntok || ch->a >= ch->b)
		return -1;
	int32_t z = p->tok[ch->a].np, x = -1;
	for (int hop = 0; z >= 0 && hop < 3 && x < 0; hop++) {
		if (p->np[z].appos >= 0) {
			x = p->np[z].appos;
			break;
		}
		size_t s = p->np[z].start;
		z = s >= 2 && ev_word_is(c, s - 1, "OF") ? p->tok[s - 2].np : -1;
	}
	if (x < 0)
		return -1;
	for (size_t j = first_chunk; j < i; j++) {
		const struct chunk *h = &c->ch[j];
		if (h->a < p->np[x].start || h->b > p->np[x].end || h->group < 0)
			continue;
		const struct group *g = &c->gr[h->group];
		for (int k = 0; k < g->n; k++)
			if (g->members[k] == (int)j)
				return (int)j;
	}
	return -1;
}

/* news: "Abdullah Abdullah, Afghanistan's president of the High Council for Peace and National
 * Reconciliation, has praised": a singular office (a chunk with an agent's title, no person)
 * between commas right after a person (over a determiner) renames that person when the parse
 * has no apposition for it (a long title with "and" in it). A list goes on after it ("Putin,
 * Chinese officials and Iranian officials"): no apposition then. The person's member chunk,
 * else -1. */
static int title_apposition(const struct af_coder *c, size_t first_chunk, size_t i)
{
	const struct chunk *ch = &c->ch[i];
	if (i <= first_chunk || ch->person || ch->pron || !ch->nag || ch->b > c->parse.ntok)
		return -1;
	const struct chunk *pv = &c->ch[i - 1];
	if (!pv->person || pv->pron || pv->group < 0 || pv->b >= ch->a)
		return -1;
	size_t j = pv->b;
	if (c->toks.v[j].kind != AF_TOK_PUNCT || c->text[c->toks.v[j].start] != ',')
		return -1;
	for (j++; j < ch->a; j++)
		if (!(c->t[j].cls & W_DET))
			return -1;
	for (size_t k = ch->a; k < ch->b; k++)
		if (c->parse.tok[k].tag == AF_POS_NNS || c->parse.tok[k].tag == AF_POS_NNPS)
			return -1;
	/* the person is no preposition's object ("During his meeting with Lavrov, the Qatari
	 * foreign minister said"), and a comma closes the title before its clause's verb */
	size_t s = ev_chunk_text_start(c, pv, 0);
	if (s > 0 && (c->t[s - 1].cls & W_PREP))
		return -1;
	size_t q = ch->b;
	while (q < c->toks.n && q < ch->b + 12 && c->t[q].verb < 0 && !c->t[q].boundary &&
	       !(c->toks.v[q].kind == AF_TOK_PUNCT && c->text[c->toks.v[q].start] == ','))
		q++;
	if (q >= c->toks.n || q >= ch->b + 12 || c->t[q].verb >= 0 || c->t[q].boundary)
		return -1;
	size_t e = ch->b;
	if (e < c->toks.n && ((c->t[e].cls & W_CONJ) ||
	                      (c->toks.v[e].kind == AF_TOK_PUNCT && c->text[c->toks.v[e].start] == ',' && e + 1 < c->toks.n &&
	                       ((c->t[e + 1].cls & W_CONJ) || c->t[e + 1].chunk >= 0))))
		return -1;
	return (int)(i - 1);
}

void ev_absorb_apposition(struct af_coder *c, size_t i, int h)
{
	struct chunk *ch = &c->ch[i], *host = &c->ch[h];
	struct group *g = &c->gr[host->group];
	ch->group = host->group;
	if (g->b < ch->b)
		g->b = ch->b;
	int host_real = ev_real_code(host->code);
	int real = ev_real_code(ch->code);
	if ((real && !host_real) || (!host->code[0] && ch->code[0])) {
		memcpy(host->code, ch->code, sizeof host->code);
		memcpy(host->base, ch->base, sizeof host->base);
	}
}

int ev_appos_host(const struct af_coder *c, size_t first_chunk, size_t i)
{
	int h = parse_appos_host(c, first_chunk, i);
	return h >= 0 ? h : title_apposition(c, first_chunk, i);
}

/* ---- places ---- */

/* The letters of s, lower-cased, into out (cap bytes): "United States" unitedstates,
 * "loc:united-states" locunitedstates. */
static void letters(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++)
		if (isalpha((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = 0;
}

/* Does af-entities' place e name the country the dictionary codes it as (canonical)? Its id
 * ("loc:russia") and the country's name ("Russian Federation") begin alike; a city's
 * ("loc:ahvaz", coded as Iran) does not. */
static int names_country(const struct af_mention *e, const char *canonical)
{
	if (!e->id || strncmp(e->id, "loc:", 4) || !canonical)
		return 1; /* unknown: taken as the country */
	char x[64], y[64];
	letters(e->id + 4, x, sizeof x);
	letters(canonical, y, sizeof y);
	size_t n = strlen(x) < strlen(y) ? strlen(x) : strlen(y);
	return n > 0 && !strncmp(x, y, n);
}

void ev_mark_place(struct af_coder *c, const struct af_mention *e, size_t ta, size_t tb)
{
	int k = c->t[ta].chunk;
	if (k < 0)
		return;
	struct chunk *ch = &c->ch[k];
	if (ch->person || ch->pron || ch->named)
		return;
	if (ch->a >= ta && ch->b <= tb && (ch->a > ta || ch->b < tb)) {
		/* a word of a longer name af-entities gives no code: "Manama" of the "Manama Dialogue" */
		if (!e->code || !e->code[0])
			ch->place = 2;
	} else if (ch->a == ta && ch->b >= tb && strlen(ch->base) == 3 && ch->base[0] != '-' &&
	           !names_country(e, ch->canonical)) {
		ch->place = 1;
	}
}

/* The head noun of chunk ch's noun phrase in the parse when it stands after the chunk in no
 * chunk (the chunk then only modifies it: "the Ahvaz [terrorist] attack", "military advice"),
 * else -1. Shared by the two places that drop such a chunk as no actor. */
ssize_t ev_noun_after(const struct af_coder *c, const struct chunk *ch)
{
	if (ch->b > c->parse.ntok)
		return -1;
	int32_t np = c->parse.tok[ch->b - 1].np;
	if (np < 0)
		return -1;
	size_t h = c->parse.np[np].head;
	if (h < ch->b || h >= c->parse.np[np].end || c->t[h].chunk >= 0 || !af_pos_is_noun(c->parse.tok[h].tag))
		return -1;
	return (ssize_t)h;
}

/* Chunk k names no actor: its words belong to no chunk, and it is no list member
 * (ev_build_groups). */
void ev_drop_chunk(struct af_coder *c, size_t k)
{
	struct chunk *ch = &c->ch[k];
	for (size_t i = ch->a; i < ch->b; i++)
		if (c->t[i].chunk == (int)k)
			c->t[i].chunk = -1;
	ch->dropped = 1;
}

/* Is chunk ch a modifier of a head noun after it ("the Vienna talks")? Not a possessive's
 * ("Kabul's airport"). */
static int modifies_noun(const struct af_coder *c, const struct chunk *ch)
{
	ssize_t h = ev_noun_after(c, ch);
	if (h < 0)
		return 0;
	for (size_t i = ch->b; i < (size_t)h; i++)
		if (c->t[i].cls & W_POSS)
			return 0;
	return 1;
}

void ev_drop_places(struct af_coder *c, size_t first_chunk)
{
	for (size_t k = first_chunk; k < c->nch; k++) {
		struct chunk *ch = &c->ch[k];
		if (!ch->place || ch->dropped || (ch->place == 1 && !modifies_noun(c, ch)))
			continue;
		ev_drop_chunk(c, k);
	}
}
