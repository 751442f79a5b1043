/* events_verbs.c - verb groups (forms of the verb dictionaries that read as verbs, their
 * auxiliaries, voice, negation and modality) and the dictionaries' patterns around them. */
#include "events_coder.h"

#include "af/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- verbs ---- */

static int form_matches(const struct af_coder *c, const struct ev_form *f, size_t i, size_t a, size_t b,
                        size_t *s, size_t *e)
{
	if ((size_t)f->head > i - a)
		return 0;
	size_t st = i - (size_t)f->head;
	if (st + (size_t)f->nwords > b)
		return 0;
	for (int k = 0; k < f->nwords; k++)
		if (c->t[st + (size_t)k].id != f->heads[k])
			return 0;
	*s = st;
	*e = st + (size_t)f->nwords;
	return 1;
}

/* Is token i a nationality or regional adjective ("Syrian", "Chinese", "Turkish", "Iraqi",
 * "American", "European", "Afghan")? An actor of the dictionaries, not a person, with an
 * ending no country's name has, or one of a few common ones without such an ending. */
static int demonym(const struct af_coder *c, size_t i)
{
	const struct tok *t = &c->t[i];
	if (t->kind != AF_TOK_WORD || !(t->flags & AF_TF_CAP) || (t->flags & AF_TF_DIGIT))
		return 0;
	/* the dictionaries know it as an actor that is not a person (names end like adjectives
	 * too: Khamenei, Velayati, Karbasian), and it ends its chunk */
	if (t->chunk < 0 || c->ch[t->chunk].person || c->ch[t->chunk].b != i + 1)
		return 0;
	const struct af_token *k = &c->toks.v[i];
	size_t n = k->end - k->start;
	if (n < 4)
		return 0;
	/* "IRAQI" but not an all-capitals acronym or a word in capitals ("MALI") */
	if (isupper((unsigned char)c->text[k->start + 1]))
		return 0;
	return ev_word_in(c, i, AF_EN_DEMONYM) || af_english_ends(c->en, c->text + k->start, n, AF_EN_DEMONYM_END, 3);
}

/* A plain lower-case word with an ending of adjectives: "financial", "military", "economic",
 * "massive", "joint" is not one, and that is the safe side. */
static int adjective_like(const struct af_coder *c, size_t i)
{
	const struct tok *p = &c->t[i];
	if (p->kind != AF_TOK_WORD || p->cls || p->chunk >= 0 || !(p->flags & AF_TF_LOWER))
		return 0;
	const struct af_token *k = &c->toks.v[i];
	return af_english_ends(c->en, c->text + k->start, k->end - k->start, AF_EN_ADJ_END, 3);
}

int ev_verb_is_noun(const struct af_coder *c, size_t s, size_t a, int kind)
{
	/* two finite verbs do not follow each other: "occupation forces have killed", "littoral
	 * states were listed", "bilateral trade has grown" */
	if ((kind == VF_S || kind == VF_BASE) && s + 1 < c->toks.n && (c->t[s + 1].cls & (W_AUX | W_MODAL)) &&
	    (c->t[s + 1].flags & AF_TF_LOWER)) /* ("celebrate May Day") */
		return 1;
	if (s == a)
		return 0;
	const struct tok *p = &c->t[s - 1];
	if (p->cls & (W_DET | W_POSS)) {
		if (p->cls & W_WH) /* "that" */
			return 0;
		if ((p->cls & W_NEG) && kind != VF_BASE && kind != VF_S) /* "no" + -ed/-ing */
			return 0;
		return 1;
	}
	/* "Before heading to Russia, X said": a participle after a time word opening the sentence
	 * heads an adverbial clause (ev_adverbial_participle) */
	if (s == a + 1 && c->t[s].tag == AF_POS_VBG &&
	    (ev_word_is(c, a, "BEFORE") || ev_word_is(c, a, "AFTER") || ev_word_is(c, a, "UPON") ||
	     ev_word_is(c, a, "WHILE") || ev_word_is(c, a, "WHEN")))
		return 0;
	/* what an actor is thanked for ("thanked Iran for hosting refugees"): an act
	 * (ev_thanked_doer) */
	if (kind == VF_ING && c->t[s].tag == AF_POS_VBG && (ev_word_is(c, s - 1, "FOR") || ev_word_is(c, s - 1, "IN")))
		for (size_t q = s - 1; q-- > a && s - q <= 15;) {
			if (c->t[q].kind == AF_TOK_PUNCT)
				break;
			if (ev_thanks_word(c, q))
				return 0;
		}
	if ((p->cls & W_PREP) && !(p->cls & W_TO))
		return kind != VF_ED && kind != VF_IRR ? 1 : (p->cls & W_BY) ? 0 : 1;
	/* a participle right after a verb with no "be" or "have", before the noun it qualifies,
	 * is an adjective: "plans to use frozen Russian assets", "must return frozen assets" */
	if ((kind == VF_ED || kind == VF_IRR) && af_pos_is_verb(p->tag) && !(p->cls & (W_AUX | W_BE | W_MODAL)) &&
	    (c->t[s].tag == AF_POS_VBN || af_pos_is_adj(c->t[s].tag)) && s + 1 < c->toks.n &&
	    (af_pos_is_noun(c->t[s + 1].tag) || af_pos_is_adj(c->t[s + 1].tag)) && c->t[s + 1].tag != AF_POS_NNP)
		return 1;
	/* an -s form right after a verb (over a plain word or two) is its object: "promised raids",
	 * "following daylight raids" */
	if (kind == VF_S) {
		size_t k = s;
		int n = 0;
		while (k > a && n < 2) {
			const struct tok *q = &c->t[k - 1];
			size_t ql = c->toks.v[k - 1].end - c->toks.v[k - 1].start;
			if (q->kind == AF_TOK_WORD && !q->cls && q->chunk < 0 && q->verb < 0 && !q->pverb &&
			    (q->flags & AF_TF_LOWER) &&
			    !(ql > 4 && !strncasecmp(c->text + c->toks.v[k - 1].end - 3, "ing", 3))) {
				k--;
				n++;
				continue;
			}
			break;
		}
		if (k > a && (c->t[k - 1].verb >= 0 || (n > 0 && (c->t[k - 1].pverb || (c->t[k - 1].cls & W_PREP)))))
			return 1;
		if (k > a && n > 0 && c->t[k - 1].kind == AF_TOK_WORD && (c->t[k - 1].flags & AF_TF_LOWER) &&
		    c->toks.v[k - 1].end - c->toks.v[k - 1].start > 4 &&
		    !strncasecmp(c->text + c->toks.v[k - 1].end - 3, "ing", 3))
			return 1;
	}
	/* an -s form after a nationality adjective is a plural noun: "Syrian forces", "Iranian
	 * exports", "Afghan forces", "Lebanese protests", "European states" */
	if ((kind == VF_S || (kind == VF_IRR && (c->text[c->toks.v[s].end - 1] | 32) == 's')) && demonym(c, s - 1) &&
	    !(s + 1 < c->toks.n && (ev_word_is(c, s + 1, "ON") || ev_word_is(c, s + 1, "AGAINST"))))
		return 1; /* but "Saudi attacks on Yemen" is an event, as TABARI codes it */
	/* after a degree adverb it is an adjective: "very close to" */
	if (ev_word_is(c, s - 1, "VERY") || ev_word_is(c, s - 1, "TOO") || ev_word_is(c, s - 1, "QUITE") ||
	    ev_word_is(c, s - 1, "RATHER") || ev_word_is(c, s - 1, "EXTREMELY"))
		return 1;
	/* adjectives (or a number) between a determiner and a base or -s form: "a brief private visit" */
	if (kind == VF_S || kind == VF_BASE) {
		size_t k = s;
		int n = 0;
		while (k > a && n < 4) {
			const struct tok *q = &c->t[k - 1];
			if (q->kind == AF_TOK_NUMBER || (q->kind == AF_TOK_WORD && !q->cls && q->chunk < 0 &&
			                                 (q->flags & AF_TF_LOWER))) {
				k--;
				n++;
				continue;
			}
			break;
		}
		if (n > 0 && k > a && (c->t[k - 1].cls & W_DET) && !(c->t[k - 1].cls & (W_WH | W_PRON)))
			return 1;
		/* after a possessive, a preposition or a verb only when the word before it is
		 * adjective-like, since the words passed over may hold the head noun of a subject
		 * ("Galadhon's new mayor left"): "the EU's military forces", "for financial support",
		 * "to strengthen bilateral trade" */
		if (n > 0 && k > a && adjective_like(c, s - 1) &&
		    ((c->t[k - 1].cls & W_POSS) || ((c->t[k - 1].cls & W_PREP) && !(c->t[k - 1].cls & (W_TO | W_BY))) ||
		     c->t[k - 1].verb >= 0))
			return 1;
	}
	return 0;
}

/* An adverb that may sit in a verb group: a listed one ("also", "never") or a plain -ly word. */
int ev_is_adverb(const struct af_coder *c, size_t i)
{
	const struct tok *p = &c->t[i];
	if (p->kind != AF_TOK_WORD)
		return 0;
	if (p->cls & W_ADV)
		return 1;
	size_t n = c->toks.v[i].end - c->toks.v[i].start;
	return !p->cls && p->chunk < 0 && p->verb < 0 && n > 4 &&
	       !strncasecmp(c->text + c->toks.v[i].end - 2, "ly", 2);
}

/* Does the syntax layer read a word of [s, e) as a verb (its tag, or its place in a verb
 * chunk: "will not wire tap")? */
static int tagged_verb(const struct af_coder *c, size_t s, size_t e, size_t a, size_t b)
{
	for (size_t k = s; k < e; k++)
		if (af_pos_is_verb(c->t[k].tag) || c->parse.tok[k].chunk == AF_CH_VP || c->t[k].tag == AF_POS_RP)
			return 1; /* a particle follows only a verb: "broken down" */
	/* a predicate adjective the dictionaries list as a verb: "is ready to", "are willing" */
	if (s > 0 && af_pos_is_adj(c->t[s].tag) && (c->t[s - 1].cls & W_BE))
		return 1;
	/* a sentence has a verb: when the tagger finds none ("Mali attacks Niger."), the
	 * dictionary's reading stands */
	for (size_t k = a; k < b; k++)
		if (af_pos_is_verb(c->t[k].tag))
			return 0;
	return 1;
}

/* A verb of aspect at token s, tagged a verb (ASPECT_VERB: "continued", "began")? */
int ev_aspect_verb(const struct af_coder *c, size_t s)
{
	return c->syn_aspect >= 0 && af_pos_is_verb(c->t[s].tag) && ev_syn_match(c, c->syn_aspect, s, s + 1) == 1;
}

/* A verb of going on at token s, tagged a verb (CONTINUE_VERB: "continued", "kept")? */
int ev_continue_verb(const struct af_coder *c, size_t s)
{
	return c->syn_continue >= 0 && af_pos_is_verb(c->t[s].tag) && ev_syn_match(c, c->syn_continue, s, s + 1) == 1;
}

/* Does an actor's chunk begin at token k, over determiners, before b ("by the U.S.")? Not a
 * verb's -ing form ("responded by launching"), which is how, not who. */
static int by_actor(const struct af_coder *c, size_t k, size_t b)
{
	while (k < b && (c->t[k].cls & W_DET))
		k++;
	return k < b && c->t[k].chunk >= 0;
}

/* Is token s a verb's -ing form that a dictionary verb may begin ("continue trading with")? */
static int dict_gerund(const struct af_coder *c, size_t s)
{
	int id = c->t[s].id;
	return c->t[s].tag == AF_POS_VBG && id >= 0 && (size_t)id < c->d->formheadcap && c->d->formhead[id] >= 0;
}

/* "going to" + a verb is the future, no act of going ("Beijing is going to build"); a verb of
 * aspect + "to" + a verb, or a verb of going on + a dictionary verb's -ing form, is that verb's
 * act ("Israel continued to attack Gaza", "will continue cooperating with Iran"), no act of its
 * own: both join the verb group after them (ev_find_verbs). */
static int joins_next_verb(const struct af_coder *c, size_t s, size_t b)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, s, &n);
	if (s + 1 < b && dict_gerund(c, s + 1) && ev_continue_verb(c, s))
		return 1;
	if (!(s + 2 < b && (c->t[s + 1].cls & W_TO) && c->t[s + 2].tag == AF_POS_VB))
		return 0;
	return (n == 2 && !memcmp(lem, "go", 2) && c->t[s].tag == AF_POS_VBG) || ev_aspect_verb(c, s);
}

void ev_find_verbs(struct af_coder *c, size_t a, size_t b)
{
	const struct af_evdict *d = c->d;
	for (size_t i = a; i < b; i++) {
		int id = c->t[i].id;
		if (id < 0 || (size_t)id >= d->formheadcap || d->formhead[id] < 0 || c->t[i].chunk >= 0)
			continue;
		if (c->t[i].cls & (W_AUX | W_MODAL | W_DET | W_PREP | W_TO | W_PRON))
			continue;
		int best = -1;
		size_t bs = 0, be = 0;
		for (int f = d->formhead[id]; f >= 0; f = d->forms[f].next) {
			size_t s, e;
			if (!form_matches(c, &d->forms[f], i, a, b, &s, &e))
				continue;
			int overlap = 0;
			for (size_t k = s; k < e; k++)
				if (c->t[k].chunk >= 0 || c->t[k].verb >= 0)
					overlap = 1;
			if (overlap)
				continue;
			/* longest wins; then the latest-loaded dictionary */
			if (best < 0 || e - s > be - bs ||
			    (e - s == be - bs && d->blocks[d->verbs[d->forms[f].verb].block].order >
			                             d->blocks[d->verbs[d->forms[best].verb].block].order)) {
				best = f;
				bs = s;
				be = e;
			}
		}
		if (best < 0)
			continue;
		int kind = d->forms[best].kind;
		int untagged = !tagged_verb(c, bs, be, a, b);
		if (joins_next_verb(c, bs, b))
			continue;
		if (ev_verb_is_noun(c, bs, a, kind))
			continue;
		if (c->nvg == c->vgcap) {
			c->vgcap = c->vgcap ? c->vgcap * 2 : 32;
			c->vg = af_realloc(c->vg, c->vgcap * sizeof *c->vg);
		}
		struct vgroup *v = &c->vg[c->nvg];
		memset(v, 0, sizeof *v);
		v->head = bs;
		v->hend = be;
		v->form = best;
		v->subj = -1;
		v->mword = -1;
		v->untagged = untagged;
		v->speech = ev_flag(d->speech, d->speechcap, c->t[bs + (size_t)d->forms[best].head].id);
		/* the auxiliaries before it */
		size_t g = bs;
		int be_aux = 0;
		while (g > a && bs - g < 8) {
			const struct tok *p = &c->t[g - 1];
			int adv = p->kind == AF_TOK_WORD && (p->cls & W_ADV);
			size_t plen = c->toks.v[g - 1].end - c->toks.v[g - 1].start;
			if (!adv && p->kind == AF_TOK_WORD && !p->cls && p->chunk < 0 && p->verb < 0 && plen > 4 &&
			    !strncasecmp(c->text + c->toks.v[g - 1].end - 2, "ly", 2))
				adv = 1;
			if (p->cls & W_BE)
				be_aux = 1;
			if (p->cls & W_MODAL) {
				v->modal = 1;
				v->mword = p->id;
			}
			if (p->cls & W_NEG && !(p->cls & W_DET))
				v->negated = 1;
			if ((p->cls & W_AUX) && !(p->cls & W_BE))
				v->perfect = 1;
			if (p->cls & W_TO) {
				v->inf = 1;
				g--;
				/* "is about to", "going to", "continued to": the group goes on */
				if (g > a && (ev_word_is(c, g - 1, "ABOUT") || ev_word_is(c, g - 1, "GOING") ||
				              (c->t[g - 1].verb < 0 && ev_aspect_verb(c, g - 1))))
					g--;
				continue;
			}
			/* "continued attacking": the aspect verb goes with the -ing form's group, and
			 * makes it a finite clause as "be" does ("is attacking"), no participle */
			if (g == bs && p->verb < 0 && dict_gerund(c, bs) && ev_continue_verb(c, g - 1)) {
				be_aux = 1;
				g--;
				continue;
			}
			/* coordinated adverbs stay in the group: "was strongly and repeatedly condemned" */
			if (!adv && (p->cls & W_CONJ) && g < bs && g - 1 > a && ev_is_adverb(c, g) &&
			    ev_is_adverb(c, g - 2)) {
				g--;
				continue;
			}
			if (!(p->cls & (W_AUX | W_MODAL | W_NEG)) && !adv)
				break;
			if ((p->cls & W_DET) && (p->cls & W_NEG))
				break;
			g--;
		}
		v->a = g;
		v->be = be_aux;
		if (be_aux && (kind == VF_ED || kind == VF_IRR)) {
			const char *hw = d->w.words[c->t[bs + (size_t)d->forms[best].head].id];
			size_t hl = strlen(hw);
			if (!(hl > 3 && !strcmp(hw + hl - 3, "ING")))
				v->passive = 1;
		}
		/* "Rebuked by X, ...": a participle with a by-phrase */
		if (!be_aux && (kind == VF_ED || kind == VF_IRR) && be < b && (c->t[be].cls & W_BY)) {
			if (bs == a)
				v->passive = 1; /* "Rebuked by X, ..." */
			else if (g == bs && ev_is_comma(c, bs - 1))
				v->reduced = 1; /* "..., led by X": describes, reports no event */
			else if (c->news && g == bs && bs > a && c->t[bs - 1].chunk >= 0 && by_actor(c, be + 1, b) &&
			         c->t[bs + (size_t)d->forms[best].head].tag == AF_POS_VBN)
				v->reduced = 1; /* "the coalition backed by the U.S.": the same, with no comma; only
				                 * a participle the tagger tags VBN ("Russia stands by Syria" is a
				                 * finite verb: review, session 14) */
		}
		for (size_t k = bs; k < be; k++)
			c->t[k].verb = (int)c->nvg;
		c->nvg++;
	}
}

/* ---- patterns ---- */

static int elem_word(const struct ev_pelem *e, int id)
{
	return id >= 0 && (id == e->word || id == e->plural[0] || id == e->plural[1] || id == e->plural[2]);
}

/* The words of synset si that match at token i (the longest member), 0 when none. */
size_t ev_syn_match(const struct af_coder *c, int si, size_t i, size_t b)
{
	const struct ev_synset *s = &c->d->syns[si];
	size_t best = 0;
	for (size_t k = 0; k < s->nalts; k++) {
		const struct ev_synalt *al = &s->alts[k];
		if (i + (size_t)al->nwords > b)
			continue;
		int ok = 1;
		for (int w = 0; w < al->nwords && ok; w++) {
			int id = c->t[i + (size_t)w].id;
			if (id == al->words[w])
				continue;
			if (w == al->nwords - 1 && id >= 0 && (id == al->plural[0]))
				continue;
			ok = 0;
		}
		if (ok && (size_t)al->nwords > best)
			best = (size_t)al->nwords;
	}
	return best;
}

/* Does element e match at token i going forward? Returns the tokens consumed (0 = no). */
static size_t elem_at(const struct af_coder *c, const struct ev_pelem *e, size_t i, size_t b, int *chunk)
{
	*chunk = -1;
	if (i >= b)
		return 0;
	switch (e->kind) {
	case PE_WORD:
		return elem_word(e, c->t[i].id) ? 1 : 0;
	case PE_SYN:
		return ev_syn_match(c, e->syn, i, b);
	case PE_SKIP:
		/* '^' skips a noun phrase: an actor, or a few plain words ("their ^ about") */
		if (!(c->t[i].chunk >= 0 && c->ch[c->t[i].chunk].a == i)) {
			size_t k = i;
			while (k < b && k < i + 4 && c->t[k].chunk < 0 && c->t[k].kind == AF_TOK_WORD && !c->t[k].cls &&
			       c->t[k].verb < 0)
				k++;
			return k - i;
		}
		/* fall through */
	case PE_SOURCE:
	case PE_TARGET:
	case PE_COMPOUND:
		if (c->t[i].chunk >= 0 && c->ch[c->t[i].chunk].a == i) {
			*chunk = c->t[i].chunk;
			const struct group *g = &c->gr[c->ch[*chunk].group];
			if (e->kind == PE_COMPOUND && g->n < 2)
				return 0;
			return c->ch[*chunk].b - i;
		}
		return 0;
	}
	return 0;
}

/* What element e matched (chunk ch when a side), into m. */
static void note_elem(const struct ev_pelem *e, int ch, struct pmatch *m)
{
	if (e->kind == PE_TARGET)
		m->tgt = ch;
	else if (e->kind == PE_SOURCE)
		m->src = ch;
	else if (e->kind == PE_COMPOUND)
		m->compound = 1;
}

/* Match elements el[from..to) forward starting at or after pos (exactly at pos when glued),
 * within [pos, lim). */
static int match_fwd(const struct af_coder *c, const struct ev_pattern *p, size_t from, size_t to, size_t pos,
                     size_t lim, int glued, struct pmatch *m)
{
	if (from == to)
		return 1;
	const struct ev_pelem *e = &p->el[from];
	size_t last = glued ? pos + 1 : lim;
	for (size_t i = pos; i < last && i < lim; i++) {
		int ch;
		size_t n = elem_at(c, e, i, lim, &ch);
		if (!n || i + n > lim)
			continue;
		struct pmatch save = *m;
		note_elem(e, ch, m);
		if (e->kind == PE_WORD || e->kind == PE_SYN)
			m->wend = i + n; /* where the pattern's words end after the verb */
		if (match_fwd(c, p, from + 1, to, i + n, lim, e->glue, m))
			return 1;
		*m = save;
	}
	return 0;
}

/* Match elements el[from..to) backward: the last one ends at or before end (exactly when glued),
 * starting at or after lim. */
static int match_bwd(const struct af_coder *c, const struct ev_pattern *p, size_t from, size_t to, size_t end,
                     size_t lim, int glued, struct pmatch *m)
{
	if (from == to)
		return 1;
	const struct ev_pelem *e = &p->el[to - 1];
	for (size_t i = end; i-- > lim;) {
		int ch;
		size_t n = elem_at(c, e, i, end, &ch);
		if (!n || i + n > end) {
			if (glued && end - i > 8)
				break;
			continue;
		}
		if (glued && i + n != end)
			continue;
		struct pmatch save = *m;
		note_elem(e, ch, m);
		int g2 = to - 1 > from ? p->el[to - 2].glue : 0;
		if (match_bwd(c, p, from, to - 1, i, lim, g2, m))
			return 1;
		*m = save;
		if (glued)
			break;
	}
	return 0;
}

/* Where the words after verb group v that its patterns may use end: at the next predication
 * after it (a main, coordinated, subordinate or infinitive clause of the parse, cl being v's
 * own), not over a participle or relative clause that describes its object ("an online
 * meeting aimed at presenting a shared proposal"); at most lim. */
static size_t clause_limit(const struct af_coder *c, const struct af_clause *cl, const struct vgroup *v, size_t lim)
{
	if (!cl)
		return lim;
	for (const struct af_clause *k = cl + 1; k < c->parse.cl + c->parse.ncl && k->start < lim; k++) {
		if (k->start < v->hend || k->sent != cl->sent)
			continue;
		if (k->kind == AF_CL_MAIN || k->kind == AF_CL_COORD || k->kind == AF_CL_SUB || k->kind == AF_CL_INF)
			return k->start;
	}
	return lim;
}

const struct ev_pattern *ev_best_pattern(struct af_coder *c, const struct vgroup *v, size_t a, size_t b,
                                             struct pmatch *out)
{
	const struct af_evdict *d = c->d;
	const struct ev_form *f = &d->forms[v->form];
	const struct ev_pattern *best = NULL;
	int bestorder = -1;
	size_t plim = v->a > a + PRE_WIN ? v->a - PRE_WIN : a;
	size_t qlim = v->hend + POST_WIN < b ? v->hend + POST_WIN : b;
	/* news: what follows the verb in its pattern lies in the verb's own clause ("met with the
	 * United States ... to end the conflict" is no 190); PETRARCH's patterns reach into
	 * complement clauses ("allowed that Mordor isn't ...", "seen to break") */
	const struct af_clause *cl = c->news ? ev_clause_of(c, v) : NULL;
	qlim = clause_limit(c, cl, v, qlim);
	/* and what precedes it reaches back to its clause's subject, over an apposition or a
	 * participle clause ("The joint statement, issued under the title ..., was released") */
	if (cl && cl->subj >= 0 && !cl->subj_inherited) {
		size_t s0 = c->parse.np[cl->subj].start;
		if (s0 >= a && s0 < plim)
			plim = s0;
	}
	const int *blocks = c->vb + c->vboff[f->verb];
	int nblocks = c->vbn[f->verb];
	/* the words around the verb, for a quick rejection of patterns that cannot match */
	uint64_t seen[64] = {0};
	uint64_t wmask = 0;
	for (size_t i = plim; i < qlim; i++)
		if (c->t[i].id >= 0) {
			seen[(c->t[i].id >> 6) & 63] |= 1ull << (c->t[i].id & 63);
			wmask |= c->tokbits[c->t[i].id];
		}
#define SEEN(id) ((id) >= 0 && (seen[((id) >> 6) & 63] >> ((id) & 63) & 1))
	if (++c->stamp == 0) {
		memset(c->syntried, 0, (d->nsyns + 1) * sizeof *c->syntried);
		c->stamp = 1;
	}
	for (int bk = 0; bk < nblocks; bk++) {
		const struct ev_block *bl = &d->blocks[blocks[bk]];
		for (size_t pi = bl->pat0; pi < bl->pat0 + bl->npat; pi++) {
			const struct ev_pattern *p = &d->pats[pi];
			if (c->pmask[pi] & ~wmask)
				continue;
			if (best && (p->score < best->score || (p->score == best->score && bl->order <= bestorder)))
				continue;
			int possible = 1;
			for (size_t k = 0; k < p->nel && possible; k++) {
				const struct ev_pelem *e = &p->el[k];
				if (e->kind == PE_WORD && !SEEN(e->word) && !SEEN(e->plural[0]))
					possible = 0;
				else if (e->kind == PE_SYN) {
					/* a synset can match only when one of its members' first words is here */
					if (c->syntried[e->syn] != c->stamp) {
						const struct ev_synset *sy = &d->syns[e->syn];
						c->syntried[e->syn] = c->stamp;
						for (size_t q = 0; q < sy->nalts; q++) {
							const struct ev_synalt *al = &sy->alts[q];
							if (SEEN(al->words[0]) || (al->nwords == 1 && SEEN(al->plural[0]))) {
								c->synseen[e->syn] = c->stamp;
								break;
							}
						}
					}
					if (c->synseen[e->syn] != c->stamp)
						possible = 0;
				}
			}
			if (!possible)
				continue;
			struct pmatch m = {.src = -1, .tgt = -1};
			size_t vp = (size_t)p->verbpos;
			int preglue = vp > 0 && p->el[vp - 1].glue;
			if (!match_bwd(c, p, 0, vp, v->head, plim, preglue, &m))
				continue;
			if (!match_fwd(c, p, vp + 1, p->nel, v->hend, qlim, p->el[vp].glue, &m))
				continue;
			best = p;
			bestorder = bl->order;
			*out = m;
		}
	}
	return best;
}

/* The verb's block and codes (with the per-verb override). */
void ev_verb_codes(const struct af_coder *c, const struct vgroup *v, const char **code, const char **pcode)
{
	const struct af_evdict *d = c->d;
	const struct ev_form *f = &d->forms[v->form];
	const struct ev_verb *vb = &d->verbs[f->verb];
	*code = *pcode = "";
	if (vb->code[0] || vb->pcode[0]) {
		*code = vb->code;
		*pcode = vb->pcode;
		return;
	}
	const struct ev_block *bl = &d->blocks[vb->block];
	if (bl->code[0] || bl->pcode[0]) {
		*code = bl->code;
		*pcode = bl->pcode;
		return;
	}
	/* a block that only adds patterns: the code of the same verb in another dictionary */
	const int *blocks = c->vb + c->vboff[f->verb];
	for (int k = c->vbn[f->verb]; k-- > 0;) {
		const struct ev_block *ob = &d->blocks[blocks[k]];
		if (ob->code[0] || ob->pcode[0]) {
			*code = ob->code;
			*pcode = ob->pcode;
			return;
		}
	}
}

/* ---- news senses of the dictionary's codes ---- */

static int lemma_in(const struct af_coder *c, size_t i, enum af_en_class k)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, i, &n);
	return af_english_is(c->en, lem, n, k);
}

/* Is verb group v an infinitive governed by a refusal ("refused to meet", "declined to
 * attend")? The news guidelines code "refused to" as its own CAMEO code (12x reject). */
int ev_refused(const struct af_coder *c, const struct vgroup *v)
{
	const struct af_clause *k = v->inf ? ev_clause_of(c, v) : NULL;
	if (!k || k->kind != AF_CL_INF || k->parent < 0)
		return 0;
	const struct af_clause *p = &c->parse.cl[k->parent];
	return lemma_in(c, p->verb.head, AF_EN_REFUSAL) && !(p->verb.flags & AF_VG_PASSIVE);
}

/* Does verb group v agree to do something ("agreed to lift the ban", "have agreed to share
 * information")? CAMEO files agreeing to an act under intent (03: "offer, promise, agree to"),
 * where CAMEO.2.0's AGREE block gives 050; PLV_train marks 46 of its 51 "agree(d) to VERB"
 * sentences AGREE (CAMEO 03). A rule, not learned; "agreed to the proposal", "to a ceasefire"
 * (a noun after "to") keep their patterns. */
int ev_agreed_to(const struct af_coder *c, const struct vgroup *v)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, v->head, &n);
	if (!lem || n != 5 || memcmp(lem, "agree", 5) || v->passive || v->inf)
		return 0;
	size_t k = v->hend;
	return k + 1 < c->toks.n && (c->t[k].cls & W_TO) && c->t[k + 1].tag == AF_POS_VB;
}

/* The code verb group v's act takes under the news conventions, in buf when it differs from
 * code: "called for / called on / urged" an actor is a demand (the 10x code of the 02x appeal,
 * CAMEO's two families run in parallel: 0256 -> 1056), unless what is asked is cooperation,
 * aid, talks or mediation (021-023, 026-028: "called for continuation of Iran's constructive
 * role" stays 022, the guidelines' cooperative request); a refused act is a rejection (125
 * for a meeting or negotiation, else 120). */
/* Does verb group v announce its act: "will" / "shall" / "'ll", or "would" in what a speech
 * verb reports ("said it would help")? The news guidelines code an announced act of
 * cooperation as the intent to do it (03x), not as the act made hypothetical. */
int ev_announced(const struct af_coder *c, const struct vgroup *v)
{
	if (v->mword < 0 || v->negated || v->perfect) /* "would have accepted": a counterfactual */
		return 0;
	if (ev_id_in(c, v->mword, AF_EN_FUTURE_MODAL))
		return 1;
	if (ev_wtab_get(&c->d->w, "WOULD", 5) != v->mword)
		return 0;
	/* "would" in a complement clause of a speech verb: the speaker announces it */
	const struct af_clause *k = ev_clause_of(c, v);
	for (int hops = 0; k && k->parent >= 0 && hops < 3; hops++) {
		const struct af_clause *p = &c->parse.cl[k->parent];
		if (k->kind == AF_CL_SUB && c->t[p->verb.head].speech)
			return 1;
		k = p;
	}
	return 0;
}

/* The intent code (CAMEO 03x) of an act of cooperation: CAMEO's intent family parallels the
 * acts' (036 meet or negotiate for 04x, 032 diplomatic cooperation for 05x, 031 material
 * cooperation for 06x, 033 aid for 07x, 035 yield for 08x, 0356 for a withdrawal); "" when
 * code is no such act. */
const char *ev_intent_code(const char *code)
{
	if (code[0] != '0')
		return "";
	switch (code[1]) {
	case '4':
		return "036";
	case '5':
		return "032";
	case '6':
		return "031";
	case '7':
		return "033";
	case '8':
		return code[2] == '7' ? "0356" : "035";
	}
	return "";
}

const char *ev_news_code(const struct af_coder *c, const struct vgroup *v, const char *code, char *buf, size_t n)
{
	if (!code[0] || !strcmp(code, "---"))
		return code;
	const char *intent = ev_intent_code(code);
	if (intent[0] && (ev_announced(c, v) || v->purpose == INF_INTENT))
		return intent;
	if (code[0] == '0' && code[1] == '5' && ev_agreed_to(c, v))
		return "030";
	/* a verb whose act the news reports as a state or habit unless announced ("is working
	 * with", "works with" an ongoing condition; "will work with" an intent) */
	if (c->syn_announced >= 0 && ev_syn_match(c, c->syn_announced, v->head, v->head + 1) == 1)
		return "---";
	if (code[0] == '0' && code[1] == '2' && (code[2] == '0' || code[2] == '4' || code[2] == '5') &&
	    lemma_in(c, v->head, AF_EN_DEMAND)) {
		snprintf(buf, n, "10%s", code + 2);
		return buf;
	}
	if (ev_refused(c, v))
		return code[0] == '0' && code[1] == '4' ? "125" : "120";
	return code;
}
