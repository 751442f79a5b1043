/* events_clauses.c - who acts on whom: the subject and target of a verb group, parenthetical
 * clauses passed over, and whether a verb's act is an event under the news conventions. */
#include "events_coder.h"

#include "af/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int speaker_pronoun_np(const struct af_coder *c, int32_t np);

/* ---- subject and target ---- */

int ev_is_comma(const struct af_coder *c, size_t i)
{
	return c->t[i].kind == AF_TOK_PUNCT && c->text[c->toks.v[i].start] == ',';
}

/* Does token i open a subordinate clause when a subject and a finite verb follow it? */
static int subordinator(const struct af_coder *c, size_t i)
{
	return ev_word_in(c, i, AF_EN_ADVERBIAL_SUB);
}

/* The subject group of verb group vi, scanning left from its start. */
int ev_find_subject(struct af_coder *c, int vi, size_t a)
{
	struct vgroup *v = &c->vg[vi];
	size_t i = v->a;
	size_t lim = i > a + SUBJ_WIN ? i - SUBJ_WIN : a;
	v->carried = 0;
	/* "X, the new envoy, on Monday met": a time adjunct between the comma and the verb is
	 * passed over first (the parse takes its weekday for the subject) */
	{
		size_t j = i;
		int n = 0, time = 0;
		while (j > lim && n < 4 &&
		       ((c->t[j - 1].cls & W_TIME) || ev_word_is(c, j - 1, "ON") || ev_word_is(c, j - 1, "LATE") ||
		        ev_word_is(c, j - 1, "EARLY") || ev_word_is(c, j - 1, "LAST") || ev_word_is(c, j - 1, "EVENING") ||
		        ev_word_is(c, j - 1, "MORNING") || ev_word_is(c, j - 1, "AFTERNOON") || ev_word_is(c, j - 1, "NIGHT"))) {
			time |= (c->t[j - 1].cls & W_TIME) != 0;
			j--, n++;
		}
		if (time && j > a && ev_is_comma(c, j - 1))
			i = j;
	}
	/* "X, an ally of Y, has travelled": skip the apposition; "X, the agency said in a report,
	 * had joined": skip the attribution */
	if (i > a && ev_is_comma(c, i - 1)) {
		size_t j = i - 1;
		int said = 0;
		while (j > lim && !ev_is_comma(c, j - 1) && !c->t[j - 1].boundary &&
		       (c->t[j - 1].verb < 0 || (c->vg[c->t[j - 1].verb].speech && !said++)))
			j--;
		if (j > lim && ev_is_comma(c, j - 1))
			i = j - 1;
	}
	int vp = c->t[v->head].paren;
	/* "... years after crowds attacked its embassy": a finite verb whose subject is a plain
	 * noun after a subordinating conjunction has a subject of its own, with no actor */
	if (!v->inf && (v->a < v->head || c->d->forms[v->form].kind != VF_ING)) {
		size_t j = i;
		int n = 0;
		while (j > lim && n < 2 && c->t[j - 1].kind == AF_TOK_WORD && !c->t[j - 1].cls &&
		       c->t[j - 1].chunk < 0 && c->t[j - 1].verb < 0 && !c->t[j - 1].pverb &&
		       (c->t[j - 1].flags & AF_TF_LOWER))
			j--, n++;
		while (n && j > lim && (c->t[j - 1].cls & W_DET) && !(c->t[j - 1].cls & W_WH))
			j--;
		if (n && j > lim && subordinator(c, j - 1))
			return -1;
	}
	while (i > lim) {
		size_t k = i - 1;
		const struct tok *t = &c->t[k];
		/* a parenthetical clause the verb is not in is skipped: "Pakistan, which backs X,
		 * condemned Y" */
		if (t->paren && t->paren != vp) {
			/* its antecedent is the subject's head: a plain noun there has no actor ("A
			 * collection of Iranian illustrations, which was displayed ..., will go") */
			if (ev_is_comma(c, k) && (k == a || !c->t[k - 1].paren)) {
				const struct tok *h = &c->t[k - 1 > a ? k - 1 : a];
				if (k > a && h->chunk < 0 && h->kind == AF_TOK_WORD && !h->cls && h->verb < 0)
					return -1;
			}
			i = k;
			continue;
		}
		/* "the European Union (EU) agree": a bracketed aside is skipped */
		if (t->boundary && c->text[c->toks.v[k].start] == ')') {
			size_t j = k;
			while (j > lim && k - j < 8 && c->text[c->toks.v[j - 1].start] != '(')
				j--;
			if (j > lim && c->t[j - 1].boundary && c->text[c->toks.v[j - 1].start] == '(') {
				i = j - 1;
				continue;
			}
		}
		if (t->boundary)
			return -1;
		if (t->verb >= 0 && t->verb != vi) {
			const struct vgroup *pv = &c->vg[t->verb];
			/* coordinated ("X condemned ... and promised") or governing ("X vowed to ...") */
			if (pv->speech && !v->inf)
				return -1;
			v->carried = 1;
			return pv->subj;
		}
		if (t->chunk >= 0) {
			const struct chunk *ch = &c->ch[t->chunk];
			const struct group *g = &c->gr[ch->group];
			size_t s = ev_chunk_text_start(c, &c->ch[g->members[0]], a);
			size_t before = s;
			while (before > a && (c->t[before - 1].cls & W_DET))
				before--;
			int absolute = before > a && ev_word_is(c, before - 1, "WITH") && ch->b == v->a &&
			               c->d->forms[v->form].kind == VF_ING; /* "with their followers launching" */
			/* "the population of Gondor warned": the actor of the subject's head noun */
			if (before > a + 1 && ev_word_is(c, before - 1, "OF") && g->b == v->a && ev_modifier(c, before - 2) &&
			    (c->t[before - 2].flags & AF_TF_LOWER) && c->t[before - 2].chunk < 0)
				absolute = 1;
			/* "after Calenardhon (crowds) attacked Osgiliath": a subordinating AFTER, BEFORE,
			 * SINCE or UNTIL with a finite verb right after its noun phrase opens a clause, and
			 * that noun phrase is the clause's subject, not a prepositional object */
			if (!absolute && before > a && !v->inf && c->d->forms[v->form].kind != VF_ING &&
			    (ev_word_is(c, before - 1, "AFTER") || ev_word_is(c, before - 1, "BEFORE") ||
			     ev_word_is(c, before - 1, "SINCE") || ev_word_is(c, before - 1, "UNTIL"))) {
				size_t e = g->b;
				while (e < v->a && e < g->b + 2 && c->t[e].kind == AF_TOK_WORD && !c->t[e].cls &&
				       c->t[e].chunk < 0 && c->t[e].verb < 0)
					e++;
				if (e == v->a)
					absolute = 1;
			}
			if (!absolute && before > a && (c->t[before - 1].cls & (W_PREP | W_LINK | W_TO)) &&
			    !(c->t[before - 1].cls & W_WH)) {
				i = before - 1;
				continue;
			}
			/* "blocs opposing the Taliban have reached": the object of a participle that
			 * describes the subject is not the subject */
			if (before > a && c->t[before - 1].verb >= 0 && c->t[before - 1].verb != vi) {
				const struct vgroup *pv = &c->vg[c->t[before - 1].verb];
				if (c->d->forms[pv->form].kind == VF_ING && pv->a == pv->head && pv->hend == before &&
				    pv->subj >= 0) {
					v->carried = 1;
					return pv->subj;
				}
			}
			return ch->group;
		}
		i = k;
	}
	return -1;
}

/* Does verb group v start a new clause (its own subject before it, or a complementizer)? */
static int new_clause(const struct af_coder *c, const struct vgroup *v, size_t from)
{
	if (v->inf)
		return 0;
	if (v->a <= from)
		return 0;
	const struct tok *p = &c->t[v->a - 1];
	if (v->a < v->head)
		return 1; /* has auxiliaries: "was reported", "could be" */
	/* a participle after its noun modifies it: "the roads leading into Mordor" */
	if (c->d->forms[v->form].kind == VF_ING && p->kind == AF_TOK_WORD && !p->cls && p->chunk < 0)
		return 0;
	return p->chunk >= 0 || (p->cls & (W_WH | W_PRON)) ||
	       (p->kind == AF_TOK_WORD && (p->flags & AF_TF_LOWER) && !p->cls && !p->pverb && v->a >= from + 2 &&
	        (c->t[v->a - 2].cls & (W_DET | W_POSS)));
}

/* Is the chunk followed by a speech verb ("..., a senior official said")? */
static int is_speaker(const struct af_coder *c, const struct chunk *ch, size_t lim)
{
	for (size_t j = ch->b; j < lim && j < ch->b + 3; j++) {
		if (c->t[j].speech)
			return 1;
		if (!(c->t[j].cls & (W_AUX | W_ADV | W_MODAL)))
			return 0;
	}
	return 0;
}

/* Is group g the subject of a subordinate clause ("... with Gxndor, several years after
 * Calenardhon crowds burned down its embassy") or of a clause coordinated with the verb's
 * ("Gxndor voted against the plan and Rohan abstained": Rohan did its own act, blind draw 24)?
 * A subordinating conjunction, or "and" / "but", before it (over determiners) and a finite
 * verb after it (over a noun or two and auxiliaries). The target of a verb is never inside
 * such a clause. */
static int clause_subject(const struct af_coder *c, int g, size_t from, size_t lim)
{
	const struct group *gr = &c->gr[g];
	size_t s = ev_chunk_text_start(c, &c->ch[gr->members[0]], from);
	while (s > from && (c->t[s - 1].cls & W_DET) && !(c->t[s - 1].cls & W_WH))
		s--;
	if (s <= from)
		return 0;
	if (!subordinator(c, s - 1) && !ev_word_is(c, s - 1, "AND") && !ev_word_is(c, s - 1, "BUT"))
		return 0;
	size_t e = gr->b;
	int n = 0;
	/* the rest of a list the group is the first member of ("and India, Libya and Pakistan
	 * abstained") */
	while (e < lim && n < 12 && (c->t[e].chunk >= 0 || ev_is_comma(c, e) || ev_word_is(c, e, "AND")))
		e++, n++;
	n = 0;
	while (e < lim && n < 2 && c->t[e].kind == AF_TOK_WORD && !c->t[e].cls && c->t[e].chunk < 0 &&
	       c->t[e].verb < 0 && (c->t[e].flags & AF_TF_LOWER))
		e++, n++;
	n = 0;
	while (e < lim && n < 4 && c->t[e].verb < 0 &&
	       ((c->t[e].cls & (W_AUX | W_MODAL | W_NEG)) || ev_is_adverb(c, e)))
		e++, n++;
	if (e >= lim || c->t[e].verb < 0)
		return 0;
	const struct vgroup *v = &c->vg[c->t[e].verb];
	return !v->inf && (v->a < v->head || c->d->forms[v->form].kind != VF_ING);
}

/* Does token i, "at" or "on" after a weapon (the verb dictionary's &WEAPON) in the object of
 * the verb that ends at token from, aim the verb's force ("fired 30 missiles at Syria")? Not
 * another verb's object ("accused X of firing rockets on Y"), nor a verb whose own code is no
 * force ("deployed missiles at the border": review, session 15). */
int ev_aimed_weapon(const struct af_coder *c, size_t i, size_t from)
{
	if (!(ev_word_is(c, i, "AT") || ev_word_is(c, i, "ON")) || c->syn_weapon < 0 ||
	    ev_syn_match(c, c->syn_weapon, i - 1, i) != 1)
		return 0;
	int g = from > 0 ? c->t[from - 1].verb : -1;
	if (g >= 0) {
		const char *code, *pcode;
		ev_verb_codes(c, &c->vg[g], &code, &pcode);
		if (!ev_force_code(code[0] ? code : pcode))
			return 0;
	}
	for (size_t k = from; k < i; k++)
		if (af_pos_is_verb(c->t[k].tag) || c->t[k].verb >= 0)
			return 0;
	return 1;
}

/* Token i links a common noun before it to what follows as its topic or setting ("discussed
 * the latest developments in Afghanistan", "condemned the attack on worshippers"): an actor
 * after it is what the object is about, not the verb's target; not a weapon's aim
 * (ev_aimed_weapon). */
static int topic_link(const struct af_coder *c, size_t i, size_t from)
{
	if (i <= from || c->t[i].kind != AF_TOK_WORD || !ev_word_in(c, i, AF_EN_TOPIC_PREP) || ev_aimed_weapon(c, i, from))
		return 0;
	const struct tok *n = &c->t[i - 1];
	return n->kind == AF_TOK_WORD && !n->cls && n->chunk < 0 && (n->flags & AF_TF_LOWER) && !ev_is_adverb(c, i - 1);
}

/* Is group g a treaty, deal or MoU that af-entities named as an organisation (chunk.document)?
 * As the verb's object it is no side (ev_emit_event drops it): the side is further on
 * ("signed an MOU with X") or, with none, a compound subject's members with each other. */
static int document_group(const struct af_coder *c, int g)
{
	return g >= 0 && c->gr[g].n == 1 && c->ch[c->gr[g].members[0]].document;
}

/* Does the document at token b head the object that starts at token a: at most three
 * determiners, numbers, adjectives or nouns before it ("signed an MOU", "signed two
 * cooperation MoUs")? One further on is named in an apposition ("signed a nuclear deal,
 * known as the JCPOA") or is a clause's subject ("hoped that the MoU would"): the search
 * still ends there, as before. */
static int object_document(const struct af_coder *c, size_t a, size_t b)
{
	if (b > a + 3)
		return 0;
	for (size_t i = a; i < b; i++) {
		int t = c->t[i].tag;
		if (ev_word_is(c, i, "THAT") || c->t[i].verb >= 0 ||
		    !(t == AF_POS_DT || t == AF_POS_CD || t == AF_POS_PRPS || t == AF_POS_JJ || af_pos_is_noun(t)))
			return 0;
	}
	return 1;
}

/* Does the subordinator at token i open a clause (a finite verb of the parse within a few
 * words whose own subject starts right after it: "launched a campaign immediately after four
 * airplanes crashed into civilian buildings"), whose verb no dictionary need code? The parse
 * may read the subordinator as a preposition and the clause as a main one; either way it is
 * not "after the attack on X", a phrase. */
static int opens_sub_clause(const struct af_coder *c, size_t i, size_t lim)
{
	for (size_t k = i + 1; k < lim && k < i + 8; k++)
		if (c->vclause[k] >= 0) {
			const struct af_clause *cl = &c->parse.cl[c->vclause[k]];
			return (cl->kind == AF_CL_SUB && cl->marker == i) ||
			       (cl->kind != AF_CL_INF && cl->kind != AF_CL_PART && cl->subj >= 0 && !cl->subj_inherited &&
			        c->parse.np[cl->subj].start == i + 1);
		}
	return 0;
}

/* The first group in [from, lim) (preceded by "by" when want_by), stopping at boundaries, speech,
 * verbs that start a new clause and subordinate clauses. */
int ev_find_after(struct af_coder *c, size_t from, size_t lim, int want_by, int skip_group)
{
	int vp = from > 0 ? c->t[from - 1].paren : 0;
	int past_doc = 0; /* a document object passed over: only "with X" may follow it */
	for (size_t i = from; i < lim; i++) {
		const struct tok *t = &c->t[i];
		if (t->boundary)
			return -1;
		/* a parenthetical clause ends the search, from inside or outside: an attribution
		 * ends its clause ("..., Ahmadinejad said, after holding talks with ...") */
		if (t->paren != vp)
			return -1;
		if (t->verb >= 0 && c->vg[t->verb].head == i && new_clause(c, &c->vg[t->verb], from))
			return -1;
		if (t->speech)
			return -1;
		if (c->news && !want_by && topic_link(c, i, from))
			return -1;
		/* a concession is no party: "will keep buying oil despite U.S. sanctions" (a rule: on
		 * unlabeled news, lines 12001-18000, 11 targets after "despite", none right) */
		if (c->news && ev_word_is(c, i, "DESPITE"))
			return -1;
		/* a subordinate clause's words are its own verb's, even when no dictionary codes it
		 * (a rule, as clause_subject's for a coded verb) */
		if (c->news && subordinator(c, i) && opens_sub_clause(c, i, lim))
			return -1;
		if (t->chunk >= 0 && c->ch[t->chunk].a == i) {
			int g = c->ch[t->chunk].group;
			/* a chunk in no group names no actor ("for International Affairs" of a title
			 * join_title took: dropped); it has no members to read */
			if (g == skip_group || g < 0)
				continue;
			if (!past_doc && document_group(c, g) && object_document(c, from, i)) {
				past_doc = 1;
				continue;
			}
			/* the party of the document's signing, "signed an MOU with X"; not an actor
			 * further on ("struck the JCPOA in 2015, with Zarif acting as Iran's negotiator",
			 * "offered the treaty to X": the review of session 13 read 10 such events, all
			 * wrong) */
			if (past_doc) {
				size_t k = i;
				while (k > from && (c->t[k - 1].cls & W_DET))
					k--;
				if (k < from + 2 || !ev_word_is(c, k - 1, "WITH") || c->t[k - 2].chunk < 0 ||
				    !document_group(c, c->ch[c->t[k - 2].chunk].group))
					return -1;
			}
			if (is_speaker(c, &c->ch[c->gr[g].members[c->gr[g].n - 1]], lim))
				return -1;
			if (clause_subject(c, g, from, lim))
				return -1;
			int by = i > from && (c->t[i - 1].cls & W_BY);
			if (i > from + 1 && (c->t[i - 1].cls & W_DET) && (c->t[i - 2].cls & W_BY))
				by = 1;
			if (want_by && !by)
				continue;
			return g;
		}
	}
	return -1;
}

/* Has verb group v a direct object: a noun phrase or a gerund right after it ("fight
 * terrorism", "plan new pavilions", "backed expanding a ceasefire"), not a preposition, an
 * infinitive or the clause's end ("clashed on the border", "agreed to expand trade")? */
int ev_has_object(const struct af_coder *c, const struct vgroup *v, size_t b)
{
	size_t k = v->hend;
	while (k < b && k < v->hend + 2 && c->t[k].verb < 0 && ev_is_adverb(c, k))
		k++;
	if (k >= b)
		return 0;
	const struct tok *t = &c->t[k];
	if (!is_word(t) || (t->cls & (W_PREP | W_TO | W_CONJ | W_WH | W_TIME | W_AUX | W_MODAL)))
		return 0;
	return t->verb < 0 || (c->vg[t->verb].a == k && c->d->forms[c->vg[t->verb].form].kind == VF_ING);
}

/* Does a finite verb group start at token i (over an adverb or two)? */
static int finite_at(const struct af_coder *c, size_t i, size_t b)
{
	int n = 0;
	while (i < b && n < 2 && c->t[i].verb < 0 && ev_is_adverb(c, i))
		i++, n++;
	if (i >= b)
		return 0;
	if (c->t[i].cls & (W_AUX | W_MODAL))
		return 1;
	if (c->t[i].verb < 0)
		return 0;
	const struct vgroup *v = &c->vg[c->t[i].verb];
	int kind = c->d->forms[v->form].kind;
	return v->a == i && (kind == VF_ED || kind == VF_S || kind == VF_IRR);
}

/* "and" at token i, then an actor chunk (after determiners) and a finite verb right after it. */
int ev_member_then_verb(const struct af_coder *c, size_t i, size_t b)
{
	if (i >= b || !ev_word_is(c, i, "AND"))
		return 0;
	i++;
	while (i < b && (c->t[i].cls & W_DET))
		i++;
	while (i < b && c->t[i].chunk < 0 && i < b && ev_modifier(c, i))
		i++;
	if (i >= b || c->t[i].chunk < 0)
		return 0;
	return finite_at(c, c->ch[c->t[i].chunk].b, b);
}

/* From token i, a run of actor chunks joined by commas and "and" (with their determiners
 * and modifiers), then a finite verb right after it: "Britain and Germany said". A comma after
 * the "and" closes a list and what follows is another phrase ("Kuwait and Sudan, Shamkhani
 * said"): no such run. */
int ev_list_then_verb(const struct af_coder *c, size_t i, size_t b)
{
	int members = 0, and = 0;
	while (i < b) {
		if (c->t[i].chunk >= 0) {
			i = c->ch[c->t[i].chunk].b;
			members++;
		} else if (ev_is_comma(c, i) && and) {
			return 0;
		} else if (ev_is_comma(c, i) || ev_word_is(c, i, "AND") || (c->t[i].cls & W_DET) || ev_modifier(c, i)) {
			and |= ev_word_is(c, i, "AND");
			i++;
		} else
			break;
	}
	return members > 0 && finite_at(c, i, b);
}

/* Does the list whose first member is chunk m open its clause: at the sentence's start (token
 * a), or after a comma, "that" or a verb of speech ("officials said A, who ...")? Not an
 * object's or a preposition's ("condemned A, which ..."). */
int ev_opens_clause(const struct af_coder *c, const struct chunk *m, size_t a)
{
	size_t s = ev_chunk_text_start(c, m, a);
	while (s > a && (c->t[s - 1].cls & W_DET))
		s--;
	return s == a || ev_is_comma(c, s - 1) || ev_word_is(c, s - 1, "THAT") || c->t[s - 1].speech;
}

/* Parenthetical clauses between two commas, which the subject and target searches of the
 * verbs outside them pass over (TABARI deletes short comma-delimited clauses for the same end):
 * a non-restrictive relative clause ("Pakistan, which has long backed the Taliban, condemned
 * Iran"), an attribution ("Russia, Iranian officials said, attacked Ukraine"; "according to
 * X") and a hedge ("it seems"). Lists and appositions are left to the compound rules. */
void ev_mark_parens(struct af_coder *c, size_t a, size_t b)
{
	int pid = 0;
	for (size_t i = a; i < b; i++)
		c->t[i].paren = 0;
	/* a sentence that opens with its attribution: "According to Reuters, X signed ..." */
	if (a + 3 < b && ev_word_is(c, a, "ACCORDING") && ev_word_is(c, a + 1, "TO")) {
		size_t j = a + 2;
		while (j < b && j < a + 2 + PAREN_MAX && !ev_is_comma(c, j) && !c->t[j].boundary)
			j++;
		if (j < b && ev_is_comma(c, j)) {
			pid++;
			for (size_t k = a; k <= j; k++)
				c->t[k].paren = pid;
		}
	}
	for (size_t i = a; i + 2 < b; i++) {
		if (!ev_is_comma(c, i))
			continue;
		size_t j = i + 1, f = i + 1;
		int words = 0, speech = 0;
		while (j < b && !ev_is_comma(c, j) && !c->t[j].boundary && words <= PAREN_MAX) {
			if (is_word(&c->t[j]))
				words++;
			if (c->t[j].speech)
				speech++;
			j++;
		}
		if (j >= b || !ev_is_comma(c, j) || !words || words > PAREN_MAX || !is_word(&c->t[f]))
			continue;
		/* a relative clause closes where the main clause's finite verb goes on */
		int rel = ev_word_is(c, f, "WHO") || ev_word_is(c, f, "WHICH") || ev_word_is(c, f, "WHOSE") ||
		          ev_word_is(c, f, "WHOM") || ev_word_is(c, f, "WHERE");
		int hedge = words <= 3 && f + 1 < j && ev_word_is(c, f, "IT") &&
		            (ev_word_is(c, f + 1, "SEEMS") || ev_word_is(c, f + 1, "SEEMED") ||
		             ev_word_is(c, f + 1, "APPEARS") || ev_word_is(c, f + 1, "APPEARED"));
		/* "officials said", "he told reporters", "said the minister", "according to X"; not
		 * a predicate of the main clause ("..., meanwhile, announced new measures,") */
		int attrib = 0;
		if (speech && words <= 6 && !(j + 1 < b && (c->t[j + 1].kind == AF_TOK_QUOTE_OPEN ||
		                                             c->t[j + 1].kind == AF_TOK_QUOTE))) {
			if (ev_word_is(c, f, "ACCORDING"))
				attrib = 1;
			else if (c->t[f].speech)
				/* "said the minister" */
				attrib = f + 1 < j && ((c->t[f + 1].cls & W_DET) || c->t[f + 1].chunk >= 0 ||
				                       (c->t[f + 1].flags & AF_TF_CAP));
			else {
				/* "officials said", "he said on Tuesday", "it told AFP": what follows the
				 * speech verb is no object or clause ("the Leader said the West, led by") */
				size_t k = f;
				while (k < j && !c->t[k].speech)
					k++;
				k++;
				attrib = k >= j || (c->t[k].cls & (W_PREP | W_TIME | W_TO)) ||
				         (k + 1 == j && (c->t[k].chunk >= 0 || (c->t[k].flags & AF_TF_CAP)));
			}
		}
		/* an aside between a subject and its verb: the main clause's finite verb follows, or
		 * (a relative clause) the subject's next list member and then that verb ("A, who
		 * leads the delegation, and B met C") */
		if ((!rel && !hedge && !attrib) || !(finite_at(c, j + 1, b) || (rel && ev_member_then_verb(c, j + 1, b))))
			continue;
		pid++;
		for (size_t k = i; k < j; k++)
			c->t[k].paren = pid;
		i = j - 1; /* the closing comma may open the next clause */
	}
}

static int group_in_np(const struct af_coder *c, int g, int32_t np);

/* Is group tg the party of the act an intent names (v, INF_INTENT): the infinitive's object or
 * the head of the object of its "with", "between", "to" or "for" ("seeks to deepen ties with
 * Qatar", "is prepared to offer assistance to the refugees")? Not an actor of a time or cause
 * phrase, of a noun's "of" phrase, or of the clause after it ("is seeking to improve its defense
 * after the Yemeni army launched ...", "to enhance our relationship with triumph of Syria's
 * resistance", "has sought to expand trade, defying U.S. sanctions"). */
static int intended_party(const struct af_coder *c, const struct vgroup *v, int tg, const char *code)
{
	/* an intent to yield (035x: "agreed to lift sanctions on Iran", "to ease restrictions
	 * against X") is toward the actor the measure is on */
	int yield = !strncmp(code, "035", 3);
	const struct af_clause *k = ev_clause_of(c, v);
	if (!k)
		return 1;
	for (size_t i = 0; i < k->nobj; i++) {
		int32_t o = c->parse.objs[k->obj_start + i];
		if (group_in_np(c, tg, o))
			return 1;
		/* ... or the object's own "on" / "against" ("lift sanctions on Iran") */
		size_t e = c->parse.np[o].end, t0 = c->gr[tg].a;
		if (yield && e < t0 && t0 - e <= 2 && (ev_word_is(c, e, "ON") || ev_word_is(c, e, "AGAINST")))
			return 1;
	}
	for (size_t i = 0; i < k->npp; i++) {
		const struct af_syn_pp *pp = &c->parse.pps[k->pp_start + i];
		const struct af_syn_np *n = pp->np >= 0 ? &c->parse.np[pp->np] : NULL;
		if ((ev_word_is(c, pp->prep, "WITH") || ev_word_is(c, pp->prep, "BETWEEN") || ev_word_is(c, pp->prep, "TO") ||
		     ev_word_is(c, pp->prep, "FOR") ||
		     (yield && (ev_word_is(c, pp->prep, "ON") || ev_word_is(c, pp->prep, "AGAINST")))) &&
		    n && c->t[n->head].chunk >= 0 && c->ch[c->t[n->head].chunk].group == tg)
			return 1;
	}
	return 0;
}

/* Codes one sentence s[a, b). */
/* ---- is it an event? (the news conventions) ---- */

/* Codes whose act two parties do together whatever the verb's object ("X and Y discussed
 * the situation", "signed an agreement", "established cooperation"): consult, negotiate,
 * sign, material cooperation (CAMEO 06x, mutual by definition). */
int ev_joint_code(const char *code)
{
	return !strcmp(code, "040") || !strcmp(code, "041") || !strcmp(code, "046") || !strcmp(code, "057") ||
	       (code[0] == '0' && code[1] == '6') ||
	       !strcmp(code, "030") || !strcmp(code, "036");
}

/* Is verb group v, coded `code`, an act two or more parties do together (news guidelines:
 * "held talks", "discussed", "negotiated", "signed an agreement", "clashed")? Consulting,
 * negotiating, signing and material cooperation are joint whatever follows; agreeing (05x)
 * with no direct object ("agree on many issues", "have agreed to share information", as
 * PLOVER's gold codes it); fighting (19x) with no object or infinitive ("clashed on the
 * border", not "attacked the convoy"); an intent (03x) is each member's own ("China and
 * Russia did not vote", "will help") unless it is to widen ties. */
int ev_joint_act(const struct af_coder *c, const struct vgroup *v, const char *code, size_t b)
{
	/* news: a one-way transfer ("imported", "sold") is each member's own, never the members'
	 * with each other (ONEWAY_VERB; a rule, data/events.yaml) */
	if (c->news && c->syn_oneway >= 0 && ev_syn_match(c, c->syn_oneway, v->head, v->head + 1) == 1)
		return 0;
	if (ev_joint_code(code) && code[1] != '3')
		return 1;
	/* an intent to widen ties, with no party named, is the members' with each other ("Chilean
	 * and Peruvian diplomats are determined to expand cooperation") */
	if (code[0] == '0' && code[1] == '3' && c->syn_ties >= 0) {
		const struct af_clause *k = ev_clause_of(c, v);
		if (k && k->nobj) {
			size_t h = c->parse.np[c->parse.objs[k->obj_start]].head;
			if (ev_syn_match(c, c->syn_ties, h, h + 1) == 1)
				return 1;
		}
	}
	/* agreeing to act ("have agreed to share information", coded 030, ev_agreed_to) stays joint
	 * as agreeing (05x) is */
	if (!(code[0] == '0' && code[1] == '5') && !(code[0] == '1' && code[1] == '9') && !ev_agreed_to(c, v))
		return 0;
	if (ev_has_object(c, v, b))
		return 0;
	if (code[0] == '0')
		return 1;
	/* news: force on each other only with a verb of fighting each other */
	if (c->news && c->syn_mutual >= 0 && ev_syn_match(c, c->syn_mutual, v->head, v->head + 1) != 1)
		return 0;
	size_t k = v->hend;
	while (k < b && k < v->hend + 2 && c->t[k].verb < 0 && ev_is_adverb(c, k))
		k++;
	return !(k < b && (c->t[k].cls & W_TO));
}

/* A ev_question ("...?") or an interviewer's line ("Q: ...", "Q. ..."): reports no event. */
int ev_question(const struct af_coder *c, size_t a, size_t b)
{
	size_t e = b;
	while (e > a && c->t[e - 1].kind != AF_TOK_WORD && c->t[e - 1].kind != AF_TOK_NUMBER &&
	       c->t[e - 1].kind != AF_TOK_PUNCT)
		e--;
	if (e > a && c->text[c->toks.v[e - 1].start] == '?')
		return 1;
	for (size_t i = a; i + 1 < b && i < a + 12; i++)
		if (c->toks.v[i].end - c->toks.v[i].start == 1 && c->text[c->toks.v[i].start] == 'Q' &&
		    (c->text[c->toks.v[i + 1].start] == ':' || c->text[c->toks.v[i].end] == '.'))
			return 1;
	return 0;
}

/* The verb group's clause starts with a conditional ("if", "unless", "until" with a present
 * tense) or is a "whether" clause. */
static int conditional(const struct af_coder *c, const struct vgroup *v, size_t a)
{
	for (size_t k = v->a; k-- > a && v->a - k < SUBJ_WIN;) {
		/* "until X joins", "until the U.S. lifts sanctions": a condition of a future act;
		 * a past tense reports what happened ("waited until the U.S. lifted them") */
		/* "once the government agrees to grant", "once the U.S. lifts sanctions": the same
		 * condition; not the adverb ("once again condemned", "once more") */
		if (ev_word_is(c, k, "UNTIL") || ev_word_is(c, k, "TILL") ||
		    (ev_word_is(c, k, "ONCE") && !(k + 1 < c->toks.n && (ev_word_is(c, k + 1, "AGAIN") || ev_word_is(c, k + 1, "MORE"))))) {
			return c->t[v->head].tag != AF_POS_VBD && c->t[v->head].tag != AF_POS_VBN;
		}
		if (c->t[k].boundary || ev_is_comma(c, k) || c->t[k].verb >= 0)
			return 0;
		if (ev_word_is(c, k, "IF") || ev_word_is(c, k, "UNLESS") || ev_word_is(c, k, "WHETHER"))
			return 1;
		/* "in case the two sides agree to cooperate"; not "in case of" a noun */
		if (k > a && ev_word_is(c, k, "CASE") && ev_word_is(c, k - 1, "IN") && !ev_word_is(c, k + 1, "OF"))
			return 1;
		/* "as long as X supports Y", "provided (that) X ..." */
		if (k >= a + 2 && ev_word_is(c, k, "AS") && ev_word_is(c, k - 1, "LONG") && ev_word_is(c, k - 2, "AS"))
			return 1;
		if (ev_word_is(c, k, "PROVIDED") || ev_word_is(c, k, "PROVIDING"))
			return k + 1 < v->a && (c->t[k + 1].cls & (W_DET | W_PRON) || ev_word_is(c, k + 1, "THAT") ||
			                        c->t[k + 1].chunk >= 0);
	}
	return 0;
}

/* The party of a consultation (04x) named by its clause's "with" phrase ("discussed the
 * situation with Iran"): the target, not the object, which is the topic; -1 when none. */
int ev_with_party(const struct af_coder *c, const struct vgroup *v, int sg)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	for (size_t k = 0; cl && k < cl->npp; k++) {
		const struct af_syn_pp *pp = &c->parse.pps[cl->pp_start + k];
		if (!ev_word_is(c, pp->prep, "WITH") || pp->prep < v->hend)
			continue;
		int g = ev_np_group(c, pp->np, 1);
		if (g >= 0 && g != sg && ev_group_has_code(c, g))
			return g;
	}
	return -1;
}

/* The actor a condemnation or criticism (11x) is aimed at through its object's "of" phrase
 * ("condemned the brutal crime of Takfiri terrorists"): -1 when none. */
int ev_object_owner(const struct af_coder *c, const struct vgroup *v, int sg)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	if (!cl || !cl->nobj || (cl->verb.flags & AF_VG_PASSIVE))
		return -1;
	int g = ev_np_group(c, c->parse.objs[cl->obj_start], 1);
	return g >= 0 && g != sg && ev_group_has_code(c, g) ? g : -1;
}

/* A condemnation's ("condemned", "denounced") object that is force named by a noun and owned by
 * an actor ("condemned the Taliban attack on the army", "condemned twin terrorist attacks on two
 * mosques", "denounced the attack by Daesh on X"): the condemnation is aimed at the owner (CAMEO
 * 111), not at the victims after "on", as news-gold-dev codes "condemned the brutal crime of
 * Takfiri terrorists" (the session-18 coders too). The owner's chunk: the last actor before the
 * noun inside its noun phrase, else the one after "by" after it; -2 when no actor is named (no
 * event: the victims after "on" are not condemned), -1 when the object is no such force. A rule. */
int ev_condemned_attacker(const struct af_coder *c, const struct vgroup *v, int sg)
{
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, v->head, &n);
	if (!lem || v->passive || !((n == 7 && !memcmp(lem, "condemn", 7)) || (n == 8 && !memcmp(lem, "denounce", 8))))
		return -1;
	const struct af_clause *cl = ev_clause_of(c, v);
	if (!cl || !cl->nobj)
		return -1;
	const struct af_syn_np *np = &c->parse.np[c->parse.objs[cl->obj_start]];
	size_t h = np->head;
	if (h >= c->toks.n || !ev_force_noun(c, h))
		return -1;
	int owner = -1;
	for (size_t k = np->start; k < h; k++)
		if (c->t[k].chunk >= 0 && c->ch[c->t[k].chunk].b <= h)
			owner = c->t[k].chunk;
	/* "by X" after it, its target phrase between ("the attack on a mosque in Kabul by X"), up to
	 * a punctuation mark or a verb */
	for (size_t e = h + 1; owner < 0 && e + 1 < c->toks.n && e < h + 10; e++) {
		if (c->t[e].kind == AF_TOK_PUNCT || (c->t[e].verb >= 0 && c->t[e].tag != AF_POS_VBN))
			break; /* (a participle may come between: "attacks committed by X") */
		if (!ev_word_is(c, e, "BY"))
			continue;
		size_t q = e + 1;
		while (q < c->toks.n && q < e + 4 && c->t[q].chunk < 0 && (c->t[q].cls & W_DET))
			q++;
		if (q < c->toks.n && c->t[q].chunk >= 0 && c->ch[c->t[q].chunk].a == q)
			owner = c->t[q].chunk;
		break;
	}
	/* no one named: the attack's victims are not what is condemned ("condemned a suicide attack
	 * on a mosque in X": news-gold-dev codes no event) */
	if (owner < 0)
		return -2;
	if (!c->ch[owner].code[0] || c->ch[owner].group < 0 || c->ch[owner].group == sg)
		return -1;
	return owner;
}

/* Is verb group v's act, coded `code` with target group tg, an event a news coder would list?
 * Capabilities, obligations and counterfactuals (can, could, would, should, must) and
 * conditionals are not ("may", "might" are, flagged hypothetical); a statement (01x) is one only when a pattern names
 * its subject matter and a target actor stands after a preposition ("spoke about Iran"). */
int ev_news_event(const struct af_coder *c, const struct vgroup *v, const struct ev_pattern *p,
                      const char *code, int tg, size_t a)
{
	if (v->mword >= 0) {
		if ((ev_word_in(c, v->a, AF_EN_UNREAL_MODAL) || ev_id_in(c, v->mword, AF_EN_UNREAL_MODAL)) &&
		    !(code[0] == '0' && code[1] == '3' && ev_announced(c, v)))
			return 0;
	}
	if (conditional(c, v, a))
		return 0;
	/* a participle with no "be" heads a modifier or adverbial clause ("the soldiers fighting
	 * in Afghanistan", "..., paying compensation"): background, not the sentence's report */
	if (c->d->forms[v->form].kind == VF_ING && !v->be && !v->adverbial)
		return 0;
	/* an infinitive no coded verb governs is a purpose or plan ("an opportunity to exchange
	 * views", "refused to meet"): not an act */
	if (v->purpose == INF_INTENT && !(code[0] == '0' && code[1] == '3'))
		return 0; /* "ready to attack": no intent of cooperation CAMEO codes */
	if (v->purpose == INF_INTENT && tg >= 0 && !intended_party(c, v, tg, code))
		return 0;
	/* a purpose reports an act done on the occasion the clause tells of: a statement, a
	 * meeting, or force ("arrived in Tehran to confer with", "exploited the attacks to invade");
	 * cooperation, demands and pressure are aims ("held talks to mend ties", "took measures to
	 * counter") */
	if (v->purpose == INF_MEANS && !ev_force_code(code) && strncmp(code, "087", 3))
		return 0;
	if (v->purpose == INF_PURPOSE && !(code[0] == '0' && (code[1] == '1' || code[1] == '4')) &&
	    !(code[0] == '1' && (code[1] == '8' || code[1] == '9')) && !(code[0] == '2' && code[1] == '0'))
		return 0;
	/* a bare aspect verb (no modal, "to" or "do" before it in the group) goes with an infinitive
	 * or a command, no fact: "urged India to defy the pressure and continue buying oil" */
	for (size_t k = v->a; k < v->head; k++) {
		if (c->t[k].cls & (W_MODAL | W_TO | W_AUX))
			break;
		if (c->t[k].tag == AF_POS_VB && (ev_aspect_verb(c, k) || ev_continue_verb(c, k)))
			return 0;
	}
	if (v->inf && !ev_refused(c, v) && !v->purpose) {
		int future = 0; /* "is going to", "is about to", "continued to" */
		/* an aspect verb counts only finite: "to continue to trade" / "to continue trading"
		 * is an infinitive as "to trade" is ("allow companies to continue trading with") */
		for (size_t k = v->a; k < v->head; k++)
			future |= ev_word_is(c, k, "GOING") || ev_word_is(c, k, "ABOUT") ||
			          (ev_aspect_verb(c, k) && !(k > v->a && (c->t[k - 1].cls & W_TO)));
		if (!future)
			return 0;
	}
	if (code[0] == '0' && code[1] == '1') {
		if (p && p->score > 0 && tg < 0 && v->passive)
			return 1; /* "the joint statement was released": made public, by its pattern */
		if (v->addressed)
			return tg >= 0; /* "told Y that" (ev_told_party) */
		if (!(p && p->score > 0) || tg < 0)
			return 0;
		size_t t0 = c->gr[tg].a;
		size_t d = t0;
		while (d > v->hend && (c->t[d - 1].cls & W_DET) && !(c->t[d - 1].cls & W_WH))
			d--;
		if (d < t0 && d > v->hend && (c->t[d - 1].cls & W_TO))
			t0 = d; /* its recipient: "offered condolences to the Afghan people" */
		if (t0 == 0 || !(c->t[t0 - 1].cls & (W_PREP | W_TO)) || t0 < v->hend)
			return 0;
	}
	return 1;
}

/* The parse's clause of verb group v: the one whose verb group holds v's main verb (else any
 * of its words), or NULL. */
const struct af_clause *ev_clause_of(const struct af_coder *c, const struct vgroup *v)
{
	int32_t k = c->vclause[v->head];
	for (size_t i = v->a; k < 0 && i < v->hend; i++)
		k = c->vclause[i];
	return k >= 0 ? &c->parse.cl[k] : NULL;
}

/* The actor group of the parse's NP np: the chunk at its head, else (unless head_only) the
 * first in its words; else the head actor of its "of" phrase ("all neighbors of Afghanistan");
 * -1 when none. */
int ev_np_group(const struct af_coder *c, int32_t np, int head_only)
{
	if (np < 0)
		return -1;
	const struct af_syn_np *n = &c->parse.np[np];
	if (c->t[n->head].chunk >= 0)
		return c->ch[c->t[n->head].chunk].group;
	for (size_t i = n->start; i < n->end && !head_only; i++)
		if (c->t[i].chunk >= 0)
			return c->ch[c->t[i].chunk].group;
	size_t k = n->end;
	if (k + 1 < c->toks.n && ev_word_is(c, k, "OF") && c->parse.tok[k + 1].np >= 0) {
		const struct af_syn_np *o = &c->parse.np[c->parse.tok[k + 1].np];
		if (c->t[o->head].chunk >= 0)
			return c->ch[c->t[o->head].chunk].group;
		for (size_t i = o->start; i < o->end && !head_only; i++)
			if (c->t[i].chunk >= 0)
				return c->ch[c->t[i].chunk].group;
	}
	return -1;
}

/* The target of a comment (01x, 05x) found through its topic: the first actor heading one of
 * the objects and prepositional phrases of verb group v's clause ("expressed concern over a surge
 * in attacks on worshippers in Afghanistan", "expressed pleasure with the agreement between
 * Iran and Saudi Arabia"), other than group sg; -1 when none. */
int ev_topic_target(const struct af_coder *c, const struct vgroup *v, int sg)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	if (!cl)
		return -1;
	for (size_t k = 0; k < cl->nobj; k++) {
		int g = ev_np_group(c, c->parse.objs[cl->obj_start + k], 1);
		if (document_group(c, g))
			return -1; /* the topic is a deal or MoU: no party through it */
		if (g >= 0 && g != sg)
			return g;
	}
	for (size_t k = 0; k < cl->npp; k++) {
		const struct af_syn_pp *pp = &c->parse.pps[cl->pp_start + k];
		if (pp->np == cl->agent)
			continue;
		int g = ev_np_group(c, pp->np, 1);
		if (document_group(c, g))
			return -1;
		if (g >= 0 && g != sg)
			return g;
	}
	return -1;
}

/* Does a member of group g lie in the parse's NP np (or in its "of" phrase)? */
static int group_in_np(const struct af_coder *c, int g, int32_t np)
{
	if (g < 0 || np < 0)
		return 0;
	const struct af_syn_np *n = &c->parse.np[np];
	size_t s = n->start, e = n->end;
	for (int k = 0; k < 3 && e + 1 < c->toks.n && ev_word_is(c, e, "OF") && c->parse.tok[e + 1].np >= 0; k++)
		e = c->parse.np[c->parse.tok[e + 1].np].end;
	const struct group *gr = &c->gr[g];
	for (int i = 0; i < gr->n; i++) {
		const struct chunk *ch = &c->ch[gr->members[i]];
		if (ch->a < e && ch->b > s)
			return 1;
		/* the chunk is the head of a name the parse split ("Iranian Deputy Foreign Minister |
		 * for Political Affairs | Seyed Abbas Araghchi"): a few words, no verb, no comma apart */
		if (ch->b <= s && s - ch->b <= 4) {
			size_t k = ch->b;
			while (k < s && !af_pos_is_verb(c->t[k].tag) && c->t[k].kind == AF_TOK_WORD)
				k++;
			if (k == s)
				return 1;
		}
	}
	return 0;
}

/* Is group g an object or in a prepositional phrase of clause cl? */
static int group_in_args(const struct af_coder *c, int g, const struct af_clause *cl)
{
	for (size_t k = 0; k < cl->nobj; k++)
		if (group_in_np(c, g, c->parse.objs[cl->obj_start + k]))
			return 1;
	for (size_t k = 0; k < cl->npp; k++)
		if (group_in_np(c, g, c->parse.pps[cl->pp_start + k].np))
			return 1;
	return 0;
}

/* Does the parse's NP np lie in an apposition of group g set off by commas right before verb
 * group v ("Zarif, Iran's foreign minister, has praised"; "X, the head of the Council for Peace
 * and National Reconciliation, has praised")? The parse then takes (part of) the apposition for
 * the subject. */
static int apposition_of(const struct af_coder *c, int g, int32_t np, const struct vgroup *v)
{
	if (g < 0 || np < 0 || v->a < 3 || !ev_is_comma(c, v->a - 1))
		return 0;
	const struct af_syn_np *n = &c->parse.np[np];
	size_t close = v->a - 1, co = n->start;
	if (n->end > close)
		return 0;
	while (co > c->gr[g].a && !ev_is_comma(c, co - 1))
		co--;
	if (co < 2 || !ev_is_comma(c, co - 1) || (c->t[co].cls & W_CONJ) || c->t[co].tag == AF_POS_CC ||
	    c->t[co].tag == AF_POS_RB)
		return 0;
	for (size_t i = co; i < close; i++)
		if (af_pos_is_verb(c->t[i].tag) || c->t[i].boundary)
			return 0;
	int ch = c->t[co - 2].chunk;
	return ch >= 0 && c->ch[ch].group == g;
}

/* Do the source and target groups sg and tg of verb group v stand where its clause in the
 * parse has its arguments: the source in its subject (the by-phrase when passive), the target
 * in an object or a prepositional phrase (the subject when passive)? 1 when the parse has no
 * clause for v or no subject to compare. */
int ev_args_agree(const struct af_coder *c, const struct vgroup *v, int sg, int tg)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	if (!cl)
		return 1;
	int passive = v->passive;
	int32_t srcnp = passive ? cl->agent : cl->subj;
	/* an adverbial participle's subject is the main clause's (ev_adverbial_participle), which
	 * the parse may give to the nearest noun phrase */
	if (v->adverbial)
		srcnp = -1;
	/* an infinitive's subject is ev_infinitive_subject's, not the parse's guess ("exploited the
	 * attacks to invade": not the attacks) */
	if (v->purpose && cl->subj_inherited)
		srcnp = -1;
	/* a pronoun subject stands for the speaker (ev_speaker_pronoun) */
	if (srcnp >= 0 && !passive && speaker_pronoun_np(c, srcnp))
		srcnp = -1;
	if (srcnp >= 0 && !passive && apposition_of(c, sg, srcnp, v))
		srcnp = -1;
	/* a subject inside a parenthetical clause the verb is not in is the parse's mistake ("The
	 * Taliban, who seized Kabul in 2021, accused Pakistan") */
	if (srcnp >= 0 && c->t[c->parse.np[srcnp].head].paren && c->t[c->parse.np[srcnp].head].paren != c->t[v->head].paren)
		srcnp = -1;
	/* nor a time the parse took for it, between a comma and the verb ("X, the new envoy, on
	 * Monday met": "Monday") */
	if (srcnp >= 0 && !passive && (c->t[c->parse.np[srcnp].head].cls & W_TIME) && c->parse.np[srcnp].end == v->a) {
		size_t q = c->parse.np[srcnp].start;
		while (q > 0 && (ev_word_is(c, q - 1, "ON") || ev_word_is(c, q - 1, "LATE") || ev_word_is(c, q - 1, "EARLY")))
			q--;
		if (q < c->parse.np[srcnp].start && q > 0 && ev_is_comma(c, q - 1))
			srcnp = -1;
	}
	/* nor is an active subject after its verb ("Russia, officials said, attacked Ukraine") */
	if (srcnp >= 0 && !passive && c->parse.np[srcnp].start > v->head)
		srcnp = -1;
	/* the parse may split the verb group ("were | both attacked by"): the subject of a clause
	 * holding one of its auxiliaries is its subject too */
	const struct af_clause *aux = NULL;
	for (size_t i = v->a; i < v->head && !aux; i++)
		if (c->vclause[i] >= 0 && &c->parse.cl[c->vclause[i]] != cl)
			aux = &c->parse.cl[c->vclause[i]];
	if (sg >= 0 && srcnp >= 0 && !group_in_np(c, sg, srcnp) &&
	    !(!passive && aux && aux->subj >= 0 && group_in_np(c, sg, aux->subj)))
		return 0;
	if (tg < 0)
		return 1;
	if (passive && cl->subj >= 0 && group_in_np(c, tg, cl->subj))
		return 1;
	if (passive && aux && aux->subj >= 0 && group_in_np(c, tg, aux->subj))
		return 1;
	if (!passive && cl->subj >= 0 && c->parse.np[cl->subj].start > v->head && group_in_np(c, tg, cl->subj))
		return 1; /* the parse's misplaced subject: "..., attacked Ukraine" */
	if (group_in_args(c, tg, cl))
		return 1;
	/* or of an infinitive it governs ("is ready to help all Afghan groups") */
	int32_t me = (int32_t)(cl - c->parse.cl);
	for (const struct af_clause *k = cl + 1; k < c->parse.cl + c->parse.ncl && k->sent == cl->sent; k++)
		if (k->parent == me && k->kind == AF_CL_INF && group_in_args(c, tg, k))
			return 1;
	return 0;
}

/* The noun phrase a run of prepositional phrases ending before token p (a preposition)
 * follows, when it is no prepositional object itself: its actor group ("the speaker of the
 * Parliament | on Saturday"), -1. */
static int np_before_pps(const struct af_coder *c, size_t p)
{
	for (int hops = 0; hops < 4 && p > c->dl_end && (c->t[p].cls & (W_PREP | W_LINK)); hops++) {
		int32_t k = c->parse.tok[p - 1].np;
		if (k < 0)
			return -1;
		const struct af_syn_np *m = &c->parse.np[k];
		if (m->start > c->dl_end && (c->t[m->start - 1].cls & (W_PREP | W_LINK | W_TO)) &&
		    !(c->t[m->start - 1].cls & W_WH)) {
			p = m->start - 1;
			continue;
		}
		/* it opens its clause: the sentence's (or the dateline's end), or after punctuation,
		 * "that" or a conjunction */
		size_t q = m->start;
		if (q < c->dl_end || (q > c->dl_end && q > 0 && c->t[q - 1].kind == AF_TOK_WORD &&
		                      !(c->t[q - 1].cls & (W_CONJ | W_WH))))
			return -1;
		return ev_np_group(c, k, 1);
	}
	return -1;
}

/* Does group g (the word scan's subject) lie inside a participle or relative clause that
 * modifies the subject of clause cl, between that subject and cl's verb ("A Taliban delegation
 * led by deputy head of the group's political bureau Mullah Baradar met with Zarif": the
 * delegation met, not Baradar)? */
static int in_modifier(const struct af_coder *c, const struct af_clause *cl, int g)
{
	/* a subject the parse took from the end of a list may be a prepositional object's last
	 * member ("the partnership between China and Iran, which was signed by ..., will"): no */
	size_t s0 = c->parse.np[cl->subj].start;
	if (g < 0 || (s0 > 0 && c->t[s0 - 1].tag == AF_POS_CC))
		return 0;
	if (c->gr[g].a < c->parse.np[cl->subj].end)
		return 0;
	size_t from = c->parse.np[cl->subj].end, to = c->gr[g].a;
	for (size_t i = from; i < to && i < cl->verb.head; i++) {
		int32_t k = c->vclause[i];
		if (k < 0)
			continue;
		const struct af_clause *m = &c->parse.cl[k];
		return (m->kind == AF_CL_PART || m->kind == AF_CL_REL) && m != cl;
	}
	return 0;
}

/* The subject of verb group v as the parse has it, when the word scan found none ("The
 * speaker of the Iranian Parliament on Saturday condemned", "X met Y and discussed"): a
 * finite clause's own subject before its verb, or the one a coordinated verb shares; -1.
 * *shared is 1 when it overrides the scan's: a coordinated verb's, or a subject the scan
 * missed across a modifier clause (in_modifier). */
int ev_parse_subject(const struct af_coder *c, const struct vgroup *v, int *shared)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	*shared = 0;
	if (!cl || cl->subj < 0 || cl->kind == AF_CL_INF || cl->kind == AF_CL_PART)
		return -1;
	if (cl->subj_inherited && cl->kind != AF_CL_COORD)
		return -1;
	const struct af_syn_np *n = &c->parse.np[cl->subj];
	if (n->head >= v->a || (c->t[n->head].paren && c->t[n->head].paren != c->t[v->head].paren))
		return -1;
	/* a prepositional object is no subject, whatever the parse says ("Talks with X attacked");
	 * the noun phrase before its phrases is ("The speaker of the Parliament on Saturday
	 * condemned") */
	if (n->start > 0 && (c->t[n->start - 1].cls & (W_PREP | W_TO)) && !(c->t[n->start - 1].cls & W_WH)) {
		int g = np_before_pps(c, n->start - 1);
		/* shared all the same by a coordinated verb ("The commander of the Quds Force, X,
		 * visited Baghdad and met with Y": not Baghdad's meeting) */
		*shared = g >= 0 && cl->subj_inherited;
		return g;
	}
	int g = ev_np_group(c, cl->subj, 1);
	/* the scan's subject inside a modifier of the parse's: the parse's subject, or the actor
	 * that modifies its head ("A Taliban delegation led by ...") */
	if (!cl->subj_inherited && in_modifier(c, cl, v->subj)) {
		if (g < 0)
			g = ev_np_group(c, cl->subj, 0);
		*shared = g >= 0;
		return g;
	}
	*shared = cl->subj_inherited;
	return g;
}

/* Is the parse's NP np the pronoun "it", "they" or "we" alone? */
static int speaker_pronoun_np(const struct af_coder *c, int32_t np)
{
	static const char *const prons[] = {"IT", "THEY", "WE", NULL};
	const struct af_syn_np *n = &c->parse.np[np];
	for (int k = 0; prons[k] && n->end == n->start + 1; k++)
		if (ev_word_is(c, n->start, prons[k]))
			return 1;
	return 0;
}

/* The speaker a pronoun subject stands for in what the speaker says ("Pakistan said it would
 * help", "the ministry said they were ready"): when verb group v's clause is the complement
 * of a speech verb and its subject is "it", "they" or "we", the speech verb's subject; -1. */
int ev_speaker_pronoun(const struct af_coder *c, const struct vgroup *v)
{
	const struct af_clause *cl = ev_clause_of(c, v);
	if (!cl || cl->kind != AF_CL_SUB || cl->parent < 0 || cl->subj < 0 || cl->subj_inherited ||
	    !speaker_pronoun_np(c, cl->subj) || c->parse.np[cl->subj].end != v->a)
		return -1;
	const struct af_clause *p = &c->parse.cl[cl->parent];
	if (!c->t[p->verb.head].speech || (p->verb.flags & AF_VG_PASSIVE) || p->subj < 0)
		return -1;
	int g = ev_np_group(c, p->subj, 1);
	if (g < 0 || !ev_group_has_code(c, g))
		return -1;
	/* "it" and "they" are no person's; "we" is the speaker's side, a person's too */
	if (!ev_word_is(c, c->parse.np[cl->subj].start, "WE"))
		for (int k = 0; k < c->gr[g].n; k++)
			if (c->ch[c->gr[g].members[k]].person)
				return -1;
	return g;
}

/* A parse clause's verb group as the coder's, for a verb no dictionary codes (its subject
 * still to find). */
static struct vgroup clause_group(const struct af_clause *k)
{
	return (struct vgroup){.a = k->verb.start, .head = k->verb.head, .hend = k->verb.end, .subj = -1, .mword = -1};
}

/* Is token k a word of a short time phrase ("on Saturday", "late on Friday", "on Nov. 2", a
 * comma), no verb, no clause boundary? */
static int time_word(const struct af_coder *c, size_t k)
{
	return !c->t[k].boundary && c->t[k].verb < 0 &&
	       ((c->t[k].cls & W_TIME) || c->t[k].kind == AF_TOK_NUMBER || ev_word_is(c, k, "ON") ||
	        ev_word_is(c, k, "LATE") || ev_word_is(c, k, "EARLY") || ev_word_is(c, k, "LAST") ||
	        ev_is_comma(c, k) || (c->t[k].kind == AF_TOK_PUNCT && k > 0 && (c->t[k - 1].cls & W_TIME)));
}

/* The actor of a participle v right after a message (MESSAGE_WORD: statement, report ...),
 * which says what the message does: its author, an actor modifying the noun ("a recent
 * Canadian report accusing Iran", "Zarif's message praising"), else the subject of the clause
 * whose object the message is ("Mousavi released a statement expressing delight over"); -1.
 * Other nouns' participles are background ("U.S. legislation exposing OPEC members",
 * "figures serving as guests"; "U.S. soldiers fighting in Afghanistan": ev_news_event). */
static int noun_participle(const struct af_coder *c, const struct vgroup *v, size_t a)
{
	/* over a time between them ("issued a statement on Sunday condemning"), no comma (a rule:
	 * on unlabeled Tehran Times news, lines 9001-12000, and 600 unseen articles it added 6
	 * events, all right) */
	size_t e = v->a;
	while (e > a + 1 && v->a - e < 4 && time_word(c, e - 1) && !ev_is_comma(c, e - 1))
		e--;
	if (e < v->a && !ev_word_is(c, e, "ON"))
		e = v->a;
	if (e <= a)
		return -1;
	size_t h = e - 1;
	int32_t np = c->parse.tok[h].np;
	if (h < a || c->t[h].chunk >= 0 || (c->t[h].tag != AF_POS_NN && c->t[h].tag != AF_POS_NNS) || np < 0 ||
	    c->parse.np[np].end != e || c->parse.np[np].head != h)
		return -1;
	const struct af_syn_np *n = &c->parse.np[np];
	if (c->syn_message < 0 || !ev_syn_match(c, c->syn_message, h, e))
		return -1;
	for (size_t k = h; k-- > n->start;)
		if (c->t[k].chunk >= 0) {
			int g = c->ch[c->t[k].chunk].group;
			return c->ch[c->t[k].chunk].b <= h && ev_group_has_code(c, g) ? g : -1;
		}
	if (n->clause < 0)
		return -1;
	const struct af_clause *k = &c->parse.cl[n->clause];
	int obj = 0;
	for (size_t j = 0; j < k->nobj; j++)
		obj |= c->parse.objs[k->obj_start + j] == np;
	if (!obj || (k->verb.flags & (AF_VG_PASSIVE | AF_VG_NEG | AF_VG_MODAL)) || k->kind == AF_CL_INF)
		return -1;
	int gv = c->t[k->verb.head].verb;
	if (gv >= 0 && c->vg[gv].head == k->verb.head)
		return c->vg[gv].subj;
	struct vgroup g = clause_group(k);
	int shared;
	return ev_parse_subject(c, &g, &shared);
}

/* Is verb group vi a participle heading an adverbial clause, whose subject is the main
 * clause's (the news guidelines code the act: "Zarif telephoned Ghani, welcoming the
 * agreement"; "Before heading to Russia, Larijani said")? Not a participle describing a noun
 * ("the soldiers fighting in Afghanistan"): one after a comma that closes a clause, or one
 * opening the sentence (after a subordinator or none) before a comma and the main clause.
 * Also one right after a message, acting for its author (noun_participle: "a Canadian report
 * accusing Iran"). The subject group it takes, -1 when
 * it is none or the subject is not known. */
/* Is the token at k a word of thanking or praise (by its lemma: "thanked", "appreciated",
 * "gratitude", "appreciation")? */
int ev_thanks_word(const struct af_coder *c, size_t k)
{
	static const char *const w[] = {"thank", "praise", "appreciate", "commend", "hail", "laud", "applaud",
	                                "admire", "gratitude", "appreciation", "thanks"};
	size_t n;
	const char *lem = af_parse_lemma(&c->parse, k, &n);
	for (size_t i = 0; lem && i < sizeof w / sizeof *w; i++)
		if (strlen(w[i]) == n && !memcmp(lem, w[i], n))
			return 1;
	return 0;
}

/* The doer of an -ing verb right after "for" or "in" that says what an actor is thanked or
 * praised for ("thanked Iran for hosting Afghan refugees", "appreciated the actions of Iran in
 * hosting refugees", "expressed gratitude to Pakistan for hosting"): that actor, whose act the
 * sentence states as fact (the session-18 coders and news-gold-dev code "Iran hosts the Afghan
 * refugees" 075 alike). The actor: the last one before "for" / "in" within 8 words, with no
 * punctuation or other verb between, after a word of thanks within 6 words. Its group, or -1.
 * A rule. */
int ev_thanked_doer(const struct af_coder *c, size_t vi, size_t a)
{
	const struct vgroup *v = &c->vg[vi];
	if (c->d->forms[v->form].kind != VF_ING || v->be || v->a <= a + 2 ||
	    !(ev_word_is(c, v->a - 1, "FOR") || ev_word_is(c, v->a - 1, "IN")))
		return -1;
	int ch = -1;
	size_t k = v->a - 1;
	while (k-- > a && v->a - k <= 9) {
		if (c->t[k].kind == AF_TOK_PUNCT || (c->t[k].verb >= 0 && c->t[k].chunk < 0 && !ev_thanks_word(c, k)))
			return -1;
		if (c->t[k].chunk >= 0) {
			ch = c->t[k].chunk;
			break;
		}
	}
	if (ch < 0 || c->ch[ch].pron || !c->ch[ch].code[0] || c->ch[ch].group < 0)
		return -1;
	for (size_t q = c->ch[ch].a; q-- > a && c->ch[ch].a - q <= 6;) {
		if (c->t[q].kind == AF_TOK_PUNCT)
			return -1;
		if (ev_thanks_word(c, q))
			return c->ch[ch].group;
	}
	return -1;
}

int ev_adverbial_participle(struct af_coder *c, size_t vi, size_t a, size_t b)
{
	const struct vgroup *v = &c->vg[vi];
	int kind = c->d->forms[v->form].kind;
	if ((kind != VF_ING && kind != VF_IRR) || v->be || v->inf || v->a != v->head || c->t[v->head].tag != AF_POS_VBG)
		return -1;
	/* "saying", "adding", "according to": who speaks, not what is done */
	if (v->speech)
		return -1;
	size_t s = v->a;
	if (s == a + 1 && ev_word_in(c, a, AF_EN_PARTICIPLE_SUB))
		s = a;
	if (s == a) {
		/* leading: the subject of the first finite verb after the clause's comma */
		size_t k = v->hend;
		while (k < b && k < v->hend + SUBJ_WIN && !ev_is_comma(c, k) && !c->t[k].boundary)
			k++;
		if (k >= b || !ev_is_comma(c, k))
			return -1;
		for (size_t j = vi + 1; j < c->nvg; j++)
			if (c->vg[j].head > k && !c->vg[j].inf && c->d->forms[c->vg[j].form].kind != VF_ING)
				return ev_find_subject(c, (int)j, k + 1);
		return -1;
	}
	if (s > a && !ev_is_comma(c, s - 1))
		return noun_participle(c, v, a);
	if (s <= a)
		return -1;
	/* trailing: the subject of the verb before it, in its sentence, over no boundary */
	for (size_t j = vi; j-- > 0;) {
		const struct vgroup *p = &c->vg[j];
		if (p->head < a)
			break;
		for (size_t k = p->hend; k < v->a; k++)
			if (c->t[k].boundary || ev_word_is(c, k, "INCLUDING") ||
			    (ev_word_is(c, k, "AS") && k > 0 && ev_word_is(c, k - 1, "SUCH")))
				return -1; /* a list's gerund: "issues such as X, holding the summit" */
		/* its own clause, close by: not a gerund in a list far from it ("issues such as
		 * the developments, holding the summit and ...") */
		if (p->inf || p->reduced || p->passive || v->a > p->hend + 15)
			return -1;
		return p->subj;
	}
	return -1;
}

/* Is verb group pv (the one governing an infinitive) a fact: no modal, not negated, no
 * infinitive or participle itself, not a speech verb, not in a conditional? */
static int factual_governor(const struct af_coder *c, const struct vgroup *pv, size_t a)
{
	int kind = c->d->forms[pv->form].kind;
	return pv->mword < 0 && !pv->negated && !pv->inf && !pv->speech && !pv->reduced &&
	       !(kind == VF_ING && !pv->be) && !conditional(c, pv, a);
}

/* The coded actor right after verb group v, as the one addressed (a call's callee, a
 * statement's hearer): over "his", "new" before its mention and a name in apposition after it
 * ("his Lebanese counterpart, Michel Aoun, on Tuesday"), then over a time of a few words, no
 * verb, no clause boundary ("on Saturday", "late on Friday", "on Nov. 2"). Returns its group
 * with *kp the word after the time, -1 when none. */
static int addressee(const struct af_coder *c, const struct vgroup *v, size_t b, size_t *kp)
{
	size_t k = v->hend;
	for (size_t n = 0; n < 3 && k < b && c->t[k].chunk < 0 && ((c->t[k].cls & W_DET) || af_pos_is_adj(c->t[k].tag));
	     n++)
		k++;
	if (k >= b || c->t[k].chunk < 0)
		return -1;
	int g = c->ch[c->t[k].chunk].group;
	if (g < 0 || g == v->subj || !ev_group_has_code(c, g))
		return -1;
	k = c->gr[g].b;
	if (k + 2 < b && ev_is_comma(c, k) && c->t[k + 1].chunk >= 0 && c->ch[c->t[k + 1].chunk].a == k + 1 &&
	    c->ch[c->t[k + 1].chunk].b < b && ev_is_comma(c, c->ch[c->t[k + 1].chunk].b))
		k = c->ch[c->t[k + 1].chunk].b + 1;
	for (size_t n = 0; k < b && n < 6 && time_word(c, k); k++, n++)
		;
	*kp = k;
	return g;
}

/* "X called Y (on Saturday) to discuss Z", "called Y to congratulate him": a phone call to Y
 * (CAMEO 041), the telephone sense of "call" that data/events.yaml leaves uncoded because on this
 * news the bare verb mostly names ("called Iran a murderous regime"). A rule, from PLV_train's
 * misses (8 such calls): the callee is a coded actor right after the verb (addressee), then "to"
 * and a verb of what calls are made for (CALL_PURPOSE_VERB, data/events.yaml), so that a demand
 * ("called the world to act") and naming ("called Iran a threat to") stay out. Returns the
 * callee's group, -1 when none. */
int ev_call_purpose(const struct af_coder *c, const struct vgroup *v, size_t b)
{
	size_t ln, k;
	const char *lem = af_parse_lemma(&c->parse, v->head, &ln);
	if (c->syn_callpurpose < 0 || !lem || ln != 4 || memcmp(lem, "call", 4) || v->passive || v->negated ||
	    v->inf || v->mword >= 0)
		return -1;
	int g = addressee(c, v, b, &k);
	return g >= 0 && k + 1 < b && (c->t[k].cls & W_TO) && ev_syn_match(c, c->syn_callpurpose, k + 1, k + 2) == 1
	               ? g
	               : -1;
}

/* "X told Y that ...", "informed Y that", "told Y: '...'": a statement addressed to Y (010;
 * GUIDELINES: a statement is an event when addressed to a target actor), which stays beside
 * the events it reports. A rule (ADDRESS_VERB, data/events.yaml): Y a coded actor right after
 * the verb (addressee), then "that" or a quote; never the media it is told to ("told IRNA",
 * "told reporters": a channel, no party). Returns Y's group, -1 when none. */
int ev_told_party(const struct af_coder *c, const struct vgroup *v, size_t b)
{
	size_t k;
	if (c->syn_address < 0 || ev_syn_match(c, c->syn_address, v->head, v->hend) == 0 || v->passive ||
	    v->inf || v->mword >= 0)
		return -1;
	int g = addressee(c, v, b, &k);
	if (g < 0 || k >= b || !(ev_word_is(c, k, "THAT") || c->t[k].boundary))
		return -1;
	for (int j = 0; j < c->gr[g].n; j++)
		if (strstr(c->ch[c->gr[g].members[j]].code, "MED"))
			return -1;
	/* a gathering told is an audience, no party ("told a cabinet meeting that") */
	for (size_t j = c->gr[g].a; c->syn_audience >= 0 && j <= c->gr[g].b && j < b; j++)
		if (ev_syn_match(c, c->syn_audience, j, j + 1))
			return -1;
	return g;
}

/* Infinitives whose act the sentence reports, by what governs them in the parse (a clause of
 * kind INF with its parent, the governing clause):
 *   - a purpose after an adjunct of the governing verb, a phrase or a time ("arrived in Tehran
 *     on Monday to confer with", "took off from Hamadan airbase to target"): the governing
 *     clause's subject acts (ev_news_event keeps statements, meetings and force only). Not
 *     after the verb's object ("made an effort to reduce", "took measures to counter", "asked
 *     other countries to set": a noun's complement or what is asked of someone), a possessed
 *     noun ("its readiness to mediate"), nor right after the verb ("tried to destroy": a
 *     complement, no fact), nor after "for X" ("an offer for Iraq to hold talks"); not of a
 *     passive ("was tasked by Iran to carry out");
 *   - an intent word (INTENT_WORD) right before "to", after "be" ("Tehran is ready to help",
 *     "he is willing to meet", "are determined to expand"), or the governing verb when it
 *     states an aim (AIM_VERB: "seeks to expand relations with", "plans to sign"): the
 *     subject's intent (03x; ev_news_event drops every other code, so "seeks to topple" and
 *     "plans to invade" are no events).
 * The governing verb must be a fact (factual_governor). The sentence is tokens [a, b). Sets
 * v->purpose; the subject group, -1 when v is none of these. */
int ev_infinitive_subject(struct af_coder *c, size_t vi, size_t a, size_t b)
{
	struct vgroup *v = &c->vg[vi];
	v->purpose = INF_NONE;
	const struct af_clause *cl = v->inf ? ev_clause_of(c, v) : NULL;
	if (!cl || cl->kind != AF_CL_INF || cl->parent < 0 || v->a <= a || ev_refused(c, v))
		return -1;
	const struct af_clause *p = &c->parse.cl[cl->parent];
	if (p->kind == AF_CL_INF || p->kind == AF_CL_PART || p->kind == AF_CL_REL)
		return -1;
	int pvi = c->t[p->verb.head].verb;
	size_t hend = p->verb.end;
	int subj = -1;
	/* an intent word right before "to": an adjective after "be" ("is ready to"), one the parse
	 * reads as a passive participle ("is determined to"), or an active verb of aim ("seeks to";
	 * not "is intended to", said of a thing) */
	size_t before = v->a - 1;
	int intent = (p->verb.flags & AF_VG_COPULA) ? v->a == hend + 1 && c->syn_intent >= 0 &&
	                                                  ev_syn_match(c, c->syn_intent, before, v->a) == 1
	             : v->a == hend && before == p->verb.head &&
	                   ((p->verb.flags & AF_VG_PASSIVE) ? c->syn_intent >= 0 && ev_syn_match(c, c->syn_intent, before, v->a) == 1
	                                                     : c->syn_aim >= 0 && ev_syn_match(c, c->syn_aim, before, v->a) == 1);
	/* a verb whose own act is an intent, right before "to" ("agreed to lift sanctions on Iran",
	 * "has decided to ease", "pledged to send"): the infinitive's act is the intent too, toward
	 * its own party where the governing verb finds none (ev_news_event keeps intent codes only;
	 * one event a root per pair, so the governing verb's own 03x stands where both find it) */
	if (!intent && pvi >= 0 && (size_t)pvi < vi && !(p->verb.flags & AF_VG_PASSIVE) && v->a == hend &&
	    before == p->verb.head && c->vg[pvi].hend == v->a) {
		const char *gc, *gpc;
		ev_verb_codes(c, &c->vg[pvi], &gc, &gpc);
		intent = (gc[0] == '0' && gc[1] == '3') || ev_agreed_to(c, &c->vg[pvi]);
	}
	if ((p->verb.flags & AF_VG_COPULA) || (intent && (p->verb.flags & AF_VG_PASSIVE))) {
		/* "be" is no verb group of the coder's: the parse's subject, before it */
		if ((p->verb.flags & (AF_VG_NEG | AF_VG_MODAL | AF_VG_QUESTION)) || p->verb.tense == AF_TENSE_FUTURE ||
		    p->subj < 0 || p->subj_inherited || c->parse.np[p->subj].end > p->verb.start)
			return -1;
		subj = ev_np_group(c, p->subj, 1);
	} else if (pvi >= 0 && (size_t)pvi < vi) {
		if (!factual_governor(c, &c->vg[pvi], a))
			return -1;
		/* the purpose of a phone call is the call's (ev_call_purpose), talked over with the
		 * callee: "to discuss Syria" is no act of the caller's on Syria */
		if (ev_call_purpose(c, &c->vg[pvi], b) >= 0)
			return -1;
		hend = c->vg[pvi].hend;
		subj = c->vg[pvi].subj;
	} else {
		/* a verb no dictionary codes ("exploited", "boarded"): the parse's verb group and
		 * subject */
		struct vgroup g = clause_group(p);
		int shared;
		if ((p->verb.flags & (AF_VG_NEG | AF_VG_MODAL | AF_VG_QUESTION | AF_VG_PARTICIPLE | AF_VG_INFINITIVE)) ||
		    p->verb.tense == AF_TENSE_FUTURE || p->verb.tense == AF_TENSE_NONE || c->t[p->verb.head].speech ||
		    conditional(c, &g, a))
			return -1;
		subj = ev_parse_subject(c, &g, &shared);
	}
	if (hend > v->a || v->a - hend > 12)
		return -1;
	for (size_t k = hend; k < v->a; k++)
		if (c->t[k].boundary || ev_is_comma(c, k) || c->t[k].verb >= 0 || c->t[k].speech)
			return -1;
	int32_t np = c->parse.tok[before].np;
	if (subj < 0)
		return -1;
	if (intent) {
		v->purpose = INF_INTENT;
		return subj;
	}
	if (v->a == hend || (p->verb.flags & (AF_VG_COPULA | AF_VG_PASSIVE)) || np < 0 ||
	    c->parse.np[np].end != v->a || c->t[c->parse.np[np].start].tag == AF_POS_PRPS ||
	    (c->parse.np[np].start > 0 && ev_word_is(c, c->parse.np[np].start - 1, "FOR")))
		return -1; /* "an offer for Iraq to hold": what another is to do */
	for (size_t k = 0; k < p->nobj; k++)
		if (c->parse.objs[p->obj_start + k] == np) {
			/* after a verb of means (MEANS_VERB) the object, no actor, is what the
			 * subject uses or takes to act ("exploited the 9/11 attacks to invade",
			 * "boarded a plane to leave"): ev_news_event keeps force and withdrawals */
			if (ev_np_group(c, np, 0) >= 0 || c->syn_means < 0 ||
			    ev_syn_match(c, c->syn_means, p->verb.head, p->verb.head + 1) != 1)
				return -1;
			v->purpose = INF_MEANS;
			return subj;
		}
	v->purpose = INF_PURPOSE;
	return subj;
}
