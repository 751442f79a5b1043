/* clause.c - clauses from tags and chunks (af/syntax.h, docs/syntax.md).
 *
 * A sentence becomes a row of units: noun phrases (a possessive NP joined to the NP it
 * qualifies), verb groups (a VP chunk, split before "to" + verb), prepositions, subordinators,
 * relative pronouns, conjunctions, commas and other punctuation. Then, in passes that each
 * look at every unit a bounded number of times (linear time):
 *   1. coordination lists (NP (, NP)* ,? and|or NP) and appositions (NP , NP ,|end);
 *   2. per verb group a clause: its kind from what stands before it (to, a subordinator, a
 *      relative pronoun after an NP, a conjunction, a bare participle), its subject by looking
 *      back to the nearest NP that is not a preposition's object, past relative and
 *      participle clauses to their antecedent, past appositions to the NP they rename;
 *   3. objects and prepositional attachments by looking forward to the next verb group,
 *      leaving out the NPs that are later clauses' subjects; the by-phrase of a passive is its
 *      agent; "of" phrases attach to the NP before them, not to the clause;
 *   4. subjects inherited by coordinated verbs, infinitives and participles. */
#include "af/syntax.h"
#include "af/record.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

const char *af_clause_kind_name(enum af_clause_kind k)
{
	static const char *const names[] = {"main", "coord", "sub", "rel", "inf", "part"};
	return (unsigned)k < 6 ? names[k] : "?";
}

enum ukind { U_NP, U_VG, U_PP, U_SBAR, U_REL, U_CC, U_COMMA, U_PUNCT, U_OTHER };

struct unit {
	enum ukind k;
	size_t a, b;  /* tokens */
	int32_t ref;  /* U_NP: np index; U_VG: clause index */
};

static int lem(const struct af_parse *p, size_t i, const char *w)
{
	size_t n = strlen(w);
	return p->tok[i].lemma_len == n && memcmp(p->lemmas.p + p->tok[i].lemma, w, n) == 0;
}

#define GROW(arr, n, cap)                                                                          \
	do {                                                                                       \
		if ((n) >= (cap)) {                                                                \
			(cap) = (cap) ? 2 * (cap) : 64;                                            \
			(arr) = af_realloc((arr), (cap) * sizeof *(arr));                          \
		}                                                                                  \
	} while (0)

static int is_aux(const struct af_parse *p, size_t i)
{
	return p->tok[i].tag == AF_POS_MD || lem(p, i, "be") || lem(p, i, "have") || lem(p, i, "do");
}

/* only auxiliaries and adverbs: has, will not, did */
static int aux_only(const struct af_parse *p, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		int t = p->tok[i].tag;
		if (t == AF_POS_TO)
			return 0;
		if ((af_pos_is_verb(t) || t == AF_POS_MD) && !is_aux(p, i))
			return 0;
	}
	return 1;
}

static int is_neg(const struct af_parse *p, size_t i)
{
	return lem(p, i, "not") || lem(p, i, "never");
}

/* the verb group of tokens [a, b) */
static void analyse_vg(const struct af_parse *p, size_t a, size_t b, struct af_syn_vg *vg)
{
	vg->start = a;
	vg->end = b;
	vg->modal = SIZE_MAX;
	vg->flags = 0;
	vg->tense = AF_TENSE_NONE;
	size_t head = SIZE_MAX, first = SIZE_MAX, prevverb = SIZE_MAX;
	int has_to = 0;
	for (size_t i = a; i < b; i++) {
		int t = p->tok[i].tag;
		if (t == AF_POS_TO)
			has_to = 1;
		if (is_neg(p, i))
			vg->flags |= AF_VG_NEG;
		if (t == AF_POS_MD) {
			if (vg->modal == SIZE_MAX)
				vg->modal = i;
			if (first == SIZE_MAX)
				first = i;
		}
		if (af_pos_is_verb(t)) {
			if (first == SIZE_MAX)
				first = i;
			if (head != SIZE_MAX)
				prevverb = head;
			head = i;
		}
	}
	if (head == SIZE_MAX)
		head = vg->modal != SIZE_MAX ? vg->modal : b - 1;
	vg->head = head;
	if (vg->modal != SIZE_MAX) {
		if (lem(p, vg->modal, "will") || lem(p, vg->modal, "shall"))
			vg->tense = AF_TENSE_FUTURE;
		else {
			vg->tense = AF_TENSE_PRESENT;
			vg->flags |= AF_VG_MODAL;
		}
	} else if (first != SIZE_MAX) {
		int t = p->tok[first].tag;
		if (t == AF_POS_VBD)
			vg->tense = AF_TENSE_PAST;
		else if (t == AF_POS_VBZ || t == AF_POS_VBP)
			vg->tense = AF_TENSE_PRESENT;
		else if (t == AF_POS_VB)
			vg->tense = has_to ? AF_TENSE_NONE : AF_TENSE_PRESENT;
	}
	if (has_to && vg->modal == SIZE_MAX)
		vg->flags |= AF_VG_INFINITIVE;
	int ht = p->tok[head].tag;
	if (prevverb != SIZE_MAX) {
		if (ht == AF_POS_VBN && (lem(p, prevverb, "be") || lem(p, prevverb, "get")))
			vg->flags |= AF_VG_PASSIVE;
		if (ht == AF_POS_VBG && lem(p, prevverb, "be"))
			vg->flags |= AF_VG_PROGRESSIVE;
		for (size_t i = a; i < head; i++)
			if (lem(p, i, "have") && af_pos_is_verb(p->tok[i].tag)) {
				for (size_t j = i + 1; j <= head; j++)
					if (p->tok[j].tag == AF_POS_VBN) {
						vg->flags |= AF_VG_PERFECT;
						break;
					}
				break;
			}
	} else if (vg->modal == SIZE_MAX && !has_to && (ht == AF_POS_VBN || ht == AF_POS_VBG)) {
		vg->flags |= AF_VG_PARTICIPLE;
		if (ht == AF_POS_VBN)
			vg->flags |= AF_VG_PASSIVE;
	}
	if (lem(p, head, "be")) {
		int only_be = 1;
		for (size_t i = a; i < b; i++)
			if (af_pos_is_verb(p->tok[i].tag) && !lem(p, i, "be") && !lem(p, i, "have"))
				only_be = 0;
		if (only_be)
			vg->flags |= AF_VG_COPULA;
	}
}

static int is_wh(int t)
{
	return t == AF_POS_WDT || t == AF_POS_WP || t == AF_POS_WPS || t == AF_POS_WRB;
}

static int32_t new_np(struct af_parse *p, size_t a, size_t b)
{
	GROW(p->np, p->nnp, p->cap_np);
	size_t head = b - 1;
	for (size_t i = b; i-- > a;) {
		int t = p->tok[i].tag;
		if (af_pos_is_noun(t) || t == AF_POS_PRP || t == AF_POS_CD) {
			head = i;
			break;
		}
	}
	p->np[p->nnp] = (struct af_syn_np){a, b, head, -1, -1, -1, -1};
	return (int32_t)p->nnp++;
}

static int32_t new_clause(struct af_parse *p, size_t sent, size_t a, size_t b)
{
	GROW(p->cl, p->ncl, p->cap_cl);
	struct af_clause *c = &p->cl[p->ncl];
	memset(c, 0, sizeof *c);
	c->sent = sent;
	c->parent = -1;
	c->subj = -1;
	c->antecedent = -1;
	c->agent = -1;
	c->marker = SIZE_MAX;
	analyse_vg(p, a, b, &c->verb);
	c->start = a;
	c->end = b;
	return (int32_t)p->ncl++;
}

/* Is the NP chunk [i, e) that follows "and" a verb coordinated with a finite past verb the tagger
 * read as an adjective? "X condemned an attack ... on Thursday and promised aid to Y": the unit
 * before "and" is a preposition's object (so "and" does not extend a list of the verb's
 * objects), the last verb group is finite past, the chunk is an -ed word and a noun phrase,
 * a preposition follows it, and no finite verb follows before the clause ends (which would
 * make the chunk a subject: "... and armed groups in the north attacked"). */
static int coordinated_past(const struct af_parse *p, const struct unit *u, size_t n, size_t i, size_t e, size_t b)
{
	int t = p->tok[i].tag;
	if (e - i < 2 || n < 3 || u[n - 1].k != U_CC || !lem(p, u[n - 1].a, "and") || u[n - 2].k != U_NP ||
	    u[n - 3].k != U_PP)
		return 0;
	size_t ll = p->tok[i].lemma_len;
	if (!(t == AF_POS_VBN || (t == AF_POS_JJ && ll > 3 && !memcmp(p->lemmas.p + p->tok[i].lemma + ll - 2, "ed", 2))))
		return 0;
	if (!af_pos_is_noun(p->tok[e - 1].tag) || e >= b || (p->tok[e].tag != AF_POS_IN && p->tok[e].tag != AF_POS_TO))
		return 0;
	const struct unit *vg = NULL;
	for (size_t k = n; k-- > 0 && !vg;)
		if (u[k].k == U_VG)
			vg = &u[k];
	if (!vg || p->cl[vg->ref].verb.tense != AF_TENSE_PAST)
		return 0;
	for (size_t k = e; k < b; k++) {
		int tk = p->tok[k].tag;
		if (tk == AF_POS_COMMA || tk == AF_POS_CC || tk == AF_POS_PERIOD || tk == AF_POS_COLON)
			break;
		if (p->tok[k].chunk == AF_CH_VP && (tk == AF_POS_VBD || tk == AF_POS_VBZ || tk == AF_POS_VBP || tk == AF_POS_MD))
			return 0;
	}
	return 1;
}

/* the units of sentence [a, b) into p->units; their count */
static size_t make_units(struct af_parse *p, size_t sent, size_t a, size_t b)
{
	struct unit *u = p->units;
	size_t n = 0;
	size_t i = a;
	while (i < b) {
		int ch = p->tok[i].chunk;
		size_t e = i + 1;
		if (ch != AF_CH_O)
			while (e < b && p->tok[e].chunk == ch && !p->tok[e].begin)
				e++;
		if (n + 4 >= p->cap_units) {
			p->cap_units = p->cap_units ? 2 * p->cap_units : 256;
			p->units = af_realloc(p->units, p->cap_units * sizeof *u);
			u = p->units;
		}
		int t = p->tok[i].tag;
		if (ch == AF_CH_NP && coordinated_past(p, u, n, i, e, b)) {
			/* "... and promised | aid": a past verb, then its object (the next pass) */
			p->tok[i].tag = AF_POS_VBD;
			p->tok[i].chunk = AF_CH_VP;
			p->tok[i + 1].begin = 1;
			u[n++] = (struct unit){U_VG, i, i + 1, new_clause(p, sent, i, i + 1)};
			i++;
			continue;
		}
		if (ch == AF_CH_NP) {
			/* a chunk "Iran and Pakistan", "the police and the army": two NPs and a CC */
			for (size_t k = i + 1; k + 1 < e; k++) {
				int l = p->tok[k - 1].tag, r = p->tok[k + 1].tag;
				if (p->tok[k].tag == AF_POS_CC &&
				    (af_pos_is_noun(l) || l == AF_POS_PRP) &&
				    (r == AF_POS_NNP || r == AF_POS_NNPS || r == AF_POS_DT || r == AF_POS_PRPS || r == AF_POS_CD ||
				     r == AF_POS_PRP || (l == AF_POS_NNP && af_pos_is_adj(r)))) {
					e = k;
					p->tok[k].chunk = AF_CH_O;
					p->tok[k].begin = 0;
					p->tok[k + 1].begin = 1;
					break;
				}
			}
			if (e - i == 1 && is_wh(t)) {
				u[n++] = (struct unit){U_REL, i, e, -1};
			} else if (n > 0 && u[n - 1].k == U_NP && u[n - 1].b == i &&
			           (p->tok[u[n - 1].b - 1].tag == AF_POS_POS || p->tok[i].tag == AF_POS_POS)) {
				/* the company 's | chief executive; the company | 's chief executive (the
				 * chunker's CoNLL-2000 convention starts a chunk at 's) */
				int32_t tmp = new_np(p, i, e); /* may move p->np: x after it */
				struct af_syn_np *x = &p->np[u[n - 1].ref];
				x->end = e;
				x->head = p->np[tmp].head;
				p->nnp--;
				u[n - 1].b = e;
			} else
				u[n++] = (struct unit){U_NP, i, e, new_np(p, i, e)};
		} else if (ch == AF_CH_VP) {
			/* split before to + verb after a verb: "is expected | to rise"; an auxiliary-only
			 * group before an NP in a question joins the verb after it below */
			size_t s = i;
			int seen_verb = 0;
			for (size_t k = i; k < e; k++) {
				if (p->tok[k].tag == AF_POS_TO && seen_verb && k > s) {
					u[n++] = (struct unit){U_VG, s, k, new_clause(p, sent, s, k)};
					s = k;
					seen_verb = 0;
					if (n + 4 >= p->cap_units) {
						p->cap_units *= 2;
						p->units = af_realloc(p->units, p->cap_units * sizeof *u);
						u = p->units;
					}
				}
				if (af_pos_is_verb(p->tok[k].tag) || p->tok[k].tag == AF_POS_MD)
					seen_verb = 1;
			}
			int any = 0;
			for (size_t k = s; k < e; k++)
				if (af_pos_is_verb(p->tok[k].tag) || p->tok[k].tag == AF_POS_MD)
					any = 1;
			if (any && n > 0 && u[n - 1].k == U_VG && aux_only(p, u[n - 1].a, u[n - 1].b)) {
				/* have | "reached: one group */
				u[n - 1].b = e;
				analyse_vg(p, u[n - 1].a, e, &p->cl[u[n - 1].ref].verb);
				p->cl[u[n - 1].ref].end = e;
			} else if (any)
				u[n++] = (struct unit){U_VG, s, e, new_clause(p, sent, s, e)};
			else
				u[n++] = (struct unit){U_OTHER, s, e, -1};
		} else if (ch == AF_CH_PP)
			u[n++] = (struct unit){U_PP, i, e, -1};
		else if (ch == AF_CH_SBAR)
			u[n++] = (struct unit){is_wh(t) ? U_REL : U_SBAR, i, e, -1};
		else if (ch == AF_CH_O && t == AF_POS_CC)
			u[n++] = (struct unit){U_CC, i, e, -1};
		else if (ch == AF_CH_O && t == AF_POS_COMMA)
			u[n++] = (struct unit){U_COMMA, i, e, -1};
		else if (ch == AF_CH_O && (t == AF_POS_QUOTE || t == AF_POS_LQUOTE || t == AF_POS_RQUOTE))
			; /* quote marks stand between any words: have "reached */
		else if (ch == AF_CH_O && (t == AF_POS_PERIOD || t == AF_POS_COLON || t == AF_POS_LRB ||
		                           t == AF_POS_RRB || t == AF_POS_SYM))
			u[n++] = (struct unit){U_PUNCT, i, e, -1};
		else if (ch == AF_CH_O && (af_pos_is_verb(t) || t == AF_POS_MD))
			u[n++] = (struct unit){U_VG, i, e, new_clause(p, sent, i, e)};
		else if (ch == AF_CH_CONJP)
			u[n++] = (struct unit){U_CC, i, e, -1};
		else
			u[n++] = (struct unit){U_OTHER, i, e, -1};
		i = e;
	}
	return n;
}

/* 1. coordination lists and appositions */
static void lists_and_appositions(struct af_parse *p, struct unit *u, size_t n, int32_t *next_list)
{
	for (size_t k = 0; k < n; k++) {
		if (u[k].k != U_NP || p->np[u[k].ref].list >= 0)
			continue;
		/* NP (, NP)* ,? CC NP */
		size_t j = k, last = k;
		int cc = 0;
		while (j + 2 < n) {
			size_t q = j + 1;
			if (u[q].k == U_COMMA && q + 1 < n && u[q + 1].k == U_CC)
				q++;
			if (u[q].k == U_CC) {
				if (!(lem(p, u[q].a, "and") || lem(p, u[q].a, "or")) || u[q + 1].k != U_NP)
					break;
				cc = 1;
				last = q + 1;
				break;
			}
			if (u[q].k == U_COMMA && u[q + 1].k == U_NP) {
				j = q + 1;
				continue;
			}
			break;
		}
		if (!cc)
			continue;
		/* "A and B" only when the conjunction is not followed by a verb of its own subject:
		 * "police arrested X and Y said" stays two clauses */
		if (last + 1 < n && u[last + 1].k == U_VG && last == k + 2 && u[k + 1].k == U_CC &&
		    !(p->cl[u[last + 1].ref].verb.flags & AF_VG_PARTICIPLE)) {
			/* "X and Y attacked": a list as subject, still a list */
		}
		int32_t id = (*next_list)++;
		for (size_t q = k; q <= last; q++)
			if (u[q].k == U_NP)
				p->np[u[q].ref].list = id;
		k = last;
	}
	for (size_t k = 0; k + 2 < n; k++) {
		if (u[k].k != U_NP || u[k + 1].k != U_COMMA || u[k + 2].k != U_NP)
			continue;
		struct af_syn_np *x = &p->np[u[k].ref], *y = &p->np[u[k + 2].ref];
		if (x->list >= 0 || y->list >= 0)
			continue;
		/* the second NP, with of-phrases, then a comma, a stop or the end */
		size_t q = k + 3;
		while (q + 1 < n && u[q].k == U_PP && u[q + 1].k == U_NP)
			q += 2;
		if (q < n && u[q].k != U_COMMA && u[q].k != U_PUNCT)
			continue;
		if (p->tok[y->head].tag == AF_POS_PRP || p->tok[x->head].tag == AF_POS_PRP)
			continue;
		y->appos = u[k].ref;
	}
}

/* does unit m-1 end a verb group, past its prepositional phrases and adverbs? (said on
 * Thursday | it disagreed) */
static int after_verb(const struct af_parse *p, const struct unit *u, size_t m)
{
	while (m > 0) {
		if (u[m - 1].k == U_VG)
			return 1;
		if (m >= 2 && u[m - 1].k == U_NP && u[m - 2].k == U_PP)
			m -= 2;
		else if (u[m - 1].k == U_OTHER && p->tok[u[m - 1].a].chunk == AF_CH_ADVP)
			m--;
		else
			return 0;
	}
	return 0;
}

/* the NP a subject candidate stands for: the first member of its list is kept as the
 * subject (the list id gives the others); an apposition gives the NP it renames */
static int32_t subject_np(const struct af_parse *p, int32_t np)
{
	while (np >= 0 && p->np[np].appos >= 0)
		np = p->np[np].appos;
	return np;
}
/* No clause is its own ancestor: a loop of parents (a fronted clause and a participle or
 * relative clause pointing at each other) is cut where a walk up from the first clause in
 * it closes it, so that every walk up the parents ends (af-events hung in one, found on
 * Tehran Times text; issue 15). Linear: each clause is visited once. */
static void cut_parent_loops(struct af_parse *p, size_t cl0)
{
	size_t n = p->ncl - cl0;
	size_t *seen = af_calloc(n ? n : 1, sizeof *seen); /* 0, or the walk's number + 1 */
	for (size_t ci = 0; ci < n; ci++) {
		if (seen[ci])
			continue;
		for (size_t x = ci;;) {
			seen[x] = ci + 1;
			int32_t pa = p->cl[cl0 + x].parent;
			if (pa < (int32_t)cl0 || (size_t)pa >= p->ncl)
				break;
			size_t y = (size_t)pa - cl0;
			if (seen[y] == ci + 1) { /* the loop closes here */
				p->cl[cl0 + x].parent = -1;
				break;
			}
			if (seen[y]) /* an earlier walk's: it ends */
				break;
			x = y;
		}
	}
	free(seen);
}


/* One sentence's units, as the phases of af_parse_clauses see them. */
struct sent {
	struct af_parse *p;
	struct unit *u;
	size_t n;        /* units */
	size_t s, a, b;  /* the sentence's index and tokens */
	size_t cl0;      /* its first clause */
	int question;    /* it ends in '?' */
};

/* A question's auxiliary before its subject joins the verb after it: Did | they | go */
static void join_question_aux(struct sent *x)
{
	struct af_parse *p = x->p;
	struct unit *u = x->u;
	size_t n = x->n;
	for (size_t k = 0; k + 2 < n; k++) {
		if (!x->question || u[k].k != U_VG || u[k + 1].k != U_NP || u[k + 2].k != U_VG)
			continue;
		struct af_clause *c1 = &p->cl[u[k].ref], *c2 = &p->cl[u[k + 2].ref];
		int aux_only = 1;
		for (size_t i = u[k].a; i < u[k].b; i++)
			if ((af_pos_is_verb(p->tok[i].tag) || p->tok[i].tag == AF_POS_MD) && !is_aux(p, i))
				aux_only = 0;
		if (!aux_only || (c2->verb.flags & AF_VG_INFINITIVE))
			continue;
		/* the merged group: the auxiliary's tense and modality, the verb's head */
		size_t ha = u[k].a, hb = u[k + 2].b;
		struct af_syn_vg merged;
		analyse_vg(p, ha, hb, &merged);
		unsigned keep = c1->verb.flags & (AF_VG_NEG | AF_VG_MODAL);
		*c1 = *c2;
		c1->verb = merged;
		c1->verb.start = ha;
		c1->verb.end = hb;
		c1->verb.flags |= keep | AF_VG_QUESTION;
		c1->start = ha;
		c1->end = hb;
		c2->verb.start = SIZE_MAX; /* dropped below */
		u[k + 2].k = U_OTHER;
		u[k + 2].ref = -1;
		/* the subject NP between */
		c1->subj = u[k + 1].ref;
	}
}

/* units before u[q] past ADVP adverbs: the index of the first of them */
static size_t skip_adverbs_back(const struct af_parse *p, const struct unit *u, size_t q)
{
	while (q > 0 && u[q - 1].k == U_OTHER && p->tok[u[q - 1].a].chunk == AF_CH_ADVP)
		q--;
	return q;
}

/* 2a. a verb group with an NP right before it (u[q-1]): that NP, or the NP it stands for,
 * is its subject; what stands before the subject gives the clause's kind */
static void np_subject(struct sent *x, size_t k, size_t q, struct af_clause *c)
{
	struct af_parse *p = x->p;
	const struct unit *u = x->u;
	c->subj = u[q - 1].ref;
	size_t r = q - 1;
	/* the object of a participle or relative clause: its antecedent is the
	 * subject (blocs opposing the Taliban | have reached) */
	size_t back = r;
	while (back >= 2 && u[back - 1].k == U_PP && u[back - 2].k == U_NP)
		back -= 2;
	if (back >= 2 && u[back - 1].k == U_PP && u[back - 2].k == U_VG)
		back--;
	if (back > 0 && u[back - 1].k == U_VG) {
		const struct af_clause *o = &p->cl[u[back - 1].ref];
		if ((o->kind == AF_CL_PART || o->kind == AF_CL_REL) && o->antecedent >= 0) {
			c->subj = o->antecedent;
			r = 0;
			for (size_t t = 0; t < q; t++)
				if (u[t].k == U_NP && u[t].ref == o->antecedent)
					r = t;
		}
	}
	/* the subject of the head noun, not of an of-phrase: "the head of X said" */
	while (r >= 2 && u[r - 1].k == U_PP && u[r - 2].k == U_NP && lem(p, u[r - 1].a, "of")) {
		r -= 2;
		c->subj = u[r].ref;
	}
	/* first member of a list */
	int32_t lid = p->np[c->subj].list;
	while (lid >= 0 && r >= 1) {
		size_t t = r - 1;
		while (t > 0 && (u[t].k == U_COMMA || u[t].k == U_CC))
			t--;
		if (t < r && u[t].k == U_NP && p->np[u[t].ref].list == lid) {
			c->subj = u[t].ref;
			r = t;
		} else
			break;
	}
	c->subj = subject_np(p, c->subj);
	/* what stands before the subject */
	size_t m = skip_adverbs_back(p, u, r);
	if (m > 0 && u[m - 1].k == U_REL) {
		/* the man whom police arrested: a relative clause with its own subject */
		c->kind = AF_CL_REL;
		c->marker = u[m - 1].a;
		if (m >= 2 && u[m - 2].k == U_NP) {
			c->antecedent = u[m - 2].ref;
			p->np[u[m - 2].ref].rel = u[k].ref;
		}
	} else if (m > 0 && u[m - 1].k == U_SBAR) {
		c->kind = AF_CL_SUB;
		c->marker = u[m - 1].a;
	} else if (m > 0 && u[m - 1].k == U_PP && p->tok[u[m - 1].a].tag == AF_POS_IN &&
	           (m < 2 || u[m - 2].k == U_COMMA || u[m - 2].k == U_VG) &&
	           (lem(p, u[m - 1].a, "after") || lem(p, u[m - 1].a, "before") ||
	            lem(p, u[m - 1].a, "because") || lem(p, u[m - 1].a, "since") ||
	            lem(p, u[m - 1].a, "as") || lem(p, u[m - 1].a, "while") ||
	            lem(p, u[m - 1].a, "until") || lem(p, u[m - 1].a, "if"))) {
		/* a preposition-tagged subordinator: after the Taliban took Kabul */
		c->kind = AF_CL_SUB;
		c->marker = u[m - 1].a;
	} else if (m > 0 && after_verb(p, u, m)) {
		/* said | it disagreed: a complement clause */
		c->kind = AF_CL_SUB;
	} else
		c->kind = AF_CL_MAIN;
}

/* '"...," said the spokesman.': a verb group after a comma or a stop (before it: u[q-1])
 * with an NP and then the end, a comma or a stop after it */
static int subject_after(const struct sent *x, size_t k, size_t q)
{
	const struct unit *u = x->u;
	size_t n = x->n;
	return q > 0 && (u[q - 1].k == U_COMMA || u[q - 1].k == U_PUNCT) && k + 1 < n && u[k + 1].k == U_NP &&
	       (k + 2 >= n || u[k + 2].k == U_PUNCT || u[k + 2].k == U_COMMA);
}

/* 2b. look back from u[q] past a preposition's objects, a relative or participle clause, a
 * comma and a quote, to an NP: "the head of the group, who ..., said"; the NP or -1 */
static int32_t subject_back(const struct af_parse *p, const struct unit *u, size_t q)
{
	size_t r = q;
	while (r > 0) {
		const struct unit *y = &u[r - 1];
		if (y->k == U_NP) {
			if (r >= 2 && u[r - 2].k == U_PP) {
				r -= 2;
				continue;
			}
			return y->ref;
		}
		if (y->k == U_VG) {
			const struct af_clause *o = &p->cl[y->ref];
			if ((o->kind == AF_CL_REL || o->kind == AF_CL_PART) && o->antecedent >= 0)
				return o->antecedent;
			return -1;
		}
		if (y->k == U_COMMA || y->k == U_OTHER || y->k == U_PP || y->k == U_REL)
			r--;
		else
			return -1;
	}
	return -1;
}

/* 2c. a relative clause after its marker u[q-1]: the antecedent is the subject */
static void relative(struct sent *x, size_t k, size_t q, struct af_clause *c)
{
	struct af_parse *p = x->p;
	const struct unit *u = x->u;
	c->kind = AF_CL_REL;
	c->marker = u[q - 1].a;
	size_t r = q - 1;
	if (r > 0 && u[r - 1].k == U_COMMA)
		r--;
	if (r > 0 && u[r - 1].k == U_NP) {
		c->antecedent = u[r - 1].ref;
		p->np[u[r - 1].ref].rel = u[k].ref;
		c->subj = u[r - 1].ref;
		c->subj_inherited = 1;
	}
	if (c->subj < 0)
		c->kind = AF_CL_SUB; /* a wh-word without an NP before it */
}

/* 2. the kind and the subject of the clause of verb group u[k] */
static void kind_and_subject(struct sent *x, size_t k)
{
	struct af_parse *p = x->p;
	const struct unit *u = x->u;
	struct af_clause *c = &p->cl[u[k].ref];
	if (c->verb.start == SIZE_MAX)
		return;
	c->sent = x->s;
	size_t q = skip_adverbs_back(p, u, k); /* what stands before */
	if (c->verb.flags & AF_VG_INFINITIVE) {
		c->kind = AF_CL_INF;
		if (k > 0 && u[k - 1].k == U_VG)
			c->parent = u[k - 1].ref;
	} else if (q > 0 && u[q - 1].k == U_REL) {
		relative(x, k, q, c); /* who/which/that + verb */
	} else if (c->subj < 0 && q > 0 && u[q - 1].k == U_NP && (c->verb.flags & AF_VG_PARTICIPLE)) {
		c->kind = AF_CL_PART; /* blocs opposing the Taliban; troops backed by the US */
	} else if (c->subj < 0 && q > 0 && u[q - 1].k == U_NP) {
		np_subject(x, k, q, c);
	} else if (q > 0 && u[q - 1].k == U_CC) {
		c->kind = AF_CL_COORD;
		c->marker = u[q - 1].a;
	} else if (c->subj < 0 && q > 0 && u[q - 1].k == U_SBAR) {
		c->kind = AF_CL_SUB;
		c->marker = u[q - 1].a;
	} else if (c->verb.flags & AF_VG_PARTICIPLE) {
		c->kind = AF_CL_PART;
	} else if (c->subj < 0 && subject_after(x, k, q)) {
		c->kind = AF_CL_MAIN;
		c->subj = u[k + 1].ref;
	} else if (c->subj < 0) {
		int32_t found = subject_back(p, u, q);
		c->kind = AF_CL_MAIN;
		if (found >= 0)
			c->subj = subject_np(p, found);
	} else
		c->kind = AF_CL_MAIN;
	if (c->kind == AF_CL_PART && k > 0 && u[k - 1].k == U_NP) {
		/* troops backed by the US */
		c->antecedent = u[k - 1].ref;
		c->subj = u[k - 1].ref;
		c->subj_inherited = 1;
	} else if (c->kind == AF_CL_PART && k > 1 && u[k - 1].k == U_COMMA && u[k - 2].k == U_NP &&
	           p->tok[c->verb.head].tag == AF_POS_VBN) {
		/* the Council, formed in 2021, ...: a past participle after a comma names the
		 * NP before it (a present one, "..., killing five", the main clause's subject) */
		size_t r = k - 2;
		while (r >= 2 && u[r - 1].k == U_PP && u[r - 2].k == U_NP && !lem(p, u[r - 1].a, "by"))
			r -= 2;
		c->antecedent = u[r].ref;
		c->subj = u[r].ref;
		c->subj_inherited = 1;
	}
	if (c->subj >= 0 && c->start > p->np[c->subj].start && !c->subj_inherited)
		c->start = p->np[c->subj].start;
	if (c->marker != SIZE_MAX && c->marker < c->start)
		c->start = c->marker;
}

/* the units after u[q] that are members of list lid (past commas and conjunctions): the
 * index of the last, or q */
static size_t list_end(const struct af_parse *p, const struct unit *u, size_t n, size_t q, int32_t lid)
{
	while (lid >= 0 && q + 1 < n) {
		size_t t = q + 1;
		while (t < n && (u[t].k == U_COMMA || u[t].k == U_CC))
			t++;
		if (t < n && u[t].k == U_NP && p->np[u[t].ref].list == lid)
			q = t;
		else
			break;
	}
	return q;
}

static void add_obj(struct af_parse *p, int32_t np, int32_t ci)
{
	GROW(p->objs, p->nobjs, p->cap_objs);
	p->objs[p->nobjs++] = np;
	p->np[np].clause = ci;
}

/* is the NP u[q] the subject of a verb group of its own right after it? */
static int subject_of_next(const struct sent *x, size_t q)
{
	const struct af_parse *p = x->p;
	const struct unit *u = x->u;
	size_t r = q + 1;
	while (r < x->n && u[r].k == U_OTHER && p->tok[u[r].a].chunk == AF_CH_ADVP)
		r++;
	if (r >= x->n || u[r].k != U_VG)
		return 0;
	const struct af_clause *o = &p->cl[u[r].ref];
	return !(o->verb.flags & AF_VG_INFINITIVE) && o->kind != AF_CL_PART && o->subj >= 0 &&
	       (o->subj == u[q].ref || p->np[o->subj].list == p->np[u[q].ref].list);
}

/* 3. objects and prepositional attachments of the clause of verb group u[k]: forward to the
 * next verb group, leaving out the NPs that are later clauses' subjects */
static void objects_and_pps(struct sent *x, size_t k)
{
	struct af_parse *p = x->p;
	const struct unit *u = x->u;
	size_t n = x->n;
	int32_t ci = u[k].ref;
	struct af_clause *c = &p->cl[ci];
	c->obj_start = p->nobjs;
	c->pp_start = p->npps;
	size_t q = k + 1;
	int nobj_np = 0;
	while (q < n) {
		const struct unit *y = &u[q];
		if (y->k == U_VG || y->k == U_SBAR || y->k == U_REL)
			break;
		if (y->k == U_NP) {
			if (subject_of_next(x, q) || y->ref == c->subj || nobj_np >= 2)
				break;
			int32_t lid = p->np[y->ref].list;
			add_obj(p, y->ref, ci);
			nobj_np++;
			/* its list: the members after it */
			while (lid >= 0 && q + 2 < n) {
				size_t t = q + 1;
				while (t < n && (u[t].k == U_COMMA || u[t].k == U_CC))
					t++;
				if (t < n && u[t].k == U_NP && p->np[u[t].ref].list == lid) {
					add_obj(p, u[t].ref, ci);
					q = t;
				} else
					break;
			}
			/* its of-phrases and appositions belong to it */
			while (q + 2 < n && u[q + 1].k == U_PP && u[q + 2].k == U_NP && lem(p, u[q + 1].a, "of"))
				q += 2;
			q++;
			continue;
		}
		if (y->k == U_PP) {
			if (q + 1 >= n || u[q + 1].k != U_NP)
				break;
			int32_t np = u[q + 1].ref;
			if (lem(p, y->a, "of") && q > k + 1) {
				q += 2; /* of the army: the NP's, not the clause's */
				continue;
			}
			GROW(p->pps, p->npps, p->cap_pps);
			p->pps[p->npps++] = (struct af_syn_pp){y->a, np};
			p->np[np].clause = ci;
			if ((c->verb.flags & AF_VG_PASSIVE) && c->agent < 0 && lem(p, y->a, "by"))
				c->agent = np;
			q = list_end(p, u, n, q + 1, p->np[np].list) + 1; /* its list */
			nobj_np = 2; /* no objects after a preposition's */
			continue;
		}
		if (y->k == U_COMMA) {
			/* a comma ends the clause unless an apposition or a list goes on */
			if (q + 1 < n && u[q + 1].k == U_NP && p->np[u[q + 1].ref].appos >= 0) {
				q += 2;
				while (q + 1 < n && u[q].k == U_PP && u[q + 1].k == U_NP)
					q += 2;
				continue;
			}
			break;
		}
		if (y->k == U_PUNCT || y->k == U_CC)
			break;
		q++; /* adverbs, adjectives, particles */
	}
	c->nobj = p->nobjs - c->obj_start;
	c->npp = p->npps - c->pp_start;
	if (q > k + 1 && u[q - 1].b > c->end)
		c->end = u[q - 1].b;
	if (c->verb.end > c->end)
		c->end = c->verb.end;
	if (c->subj >= 0 && !c->subj_inherited && p->np[c->subj].clause < 0)
		p->np[c->subj].clause = ci;
}

/* Is clause pj (before ci) inside ci: a relative or participle clause on an NP of ci (its
 * subject: "Ebtekar, speaking on ..., added"), or a clause under such a one? Such a clause
 * points up to ci, so ci must not take it as its parent (that made a loop of parents). A
 * walk of at most 4 parents: modifiers are shallow, and the cost stays linear. */
static int inside(const struct af_parse *p, size_t pj, size_t ci)
{
	for (int step = 0; step < 4; step++) {
		const struct af_clause *o = &p->cl[pj];
		if ((o->kind == AF_CL_REL || o->kind == AF_CL_PART) && o->antecedent >= 0 &&
		    p->np[o->antecedent].clause == (int32_t)ci)
			return 1;
		if (o->parent < 0 || (size_t)o->parent >= ci || (size_t)o->parent == pj)
			return 0;
		pj = (size_t)o->parent;
	}
	return 0;
}

/* the nearest clause before ci that is not inside it, or -1 */
static int32_t clause_before(const struct af_parse *p, size_t cl0, size_t ci)
{
	for (size_t pj = ci; pj-- > cl0;)
		if (p->cl[pj].verb.start != SIZE_MAX && !inside(p, pj, ci))
			return (int32_t)pj;
	return -1;
}

/* 4a. a coordinated clause: its parent is the clause before it at its level, whose subject
 * and (for a bare participle after a finite verb) auxiliaries it shares */
static void coord_parent(struct af_parse *p, size_t cl0, size_t ci)
{
	struct af_clause *c = &p->cl[ci];
	for (size_t pj = ci; pj-- > cl0;) {
		const struct af_clause *o = &p->cl[pj];
		if (o->verb.start == SIZE_MAX || o->kind == AF_CL_REL || o->kind == AF_CL_INF || inside(p, pj, ci))
			continue;
		c->parent = (int32_t)pj;
		if ((c->verb.flags & AF_VG_PARTICIPLE) && !(o->verb.flags & AF_VG_PARTICIPLE)) {
			/* was attacked and killed; attacked and killed (a bare VBN after
			 * a finite verb shares its auxiliaries) */
			c->verb.flags &= ~(AF_VG_PARTICIPLE | AF_VG_PASSIVE);
			c->verb.flags |= o->verb.flags & (AF_VG_PASSIVE | AF_VG_PERFECT | AF_VG_MODAL | AF_VG_NEG);
			c->verb.tense = o->verb.tense;
		}
		if (c->subj < 0 && o->subj >= 0) {
			c->subj = o->subj;
			c->subj_inherited = 1;
		}
		return;
	}
}

/* 4b. an infinitive: the clause before it; asked X to leave: the object is its subject;
 * agreed to leave: the subject */
static void inf_parent(struct af_parse *p, size_t cl0, size_t ci)
{
	struct af_clause *c = &p->cl[ci];
	int32_t pa = c->parent >= 0 ? c->parent : (ci > cl0 ? (int32_t)ci - 1 : -1);
	c->parent = pa;
	if (pa >= 0 && c->subj < 0) {
		const struct af_clause *o = &p->cl[pa];
		if (o->nobj > 0 && p->np[p->objs[o->obj_start + o->nobj - 1]].end == c->verb.start)
			c->subj = p->objs[o->obj_start + o->nobj - 1];
		else
			c->subj = o->subj;
		c->subj_inherited = c->subj >= 0;
	}
}

/* 4. inherited subjects and parents */
static void parents(struct sent *x)
{
	struct af_parse *p = x->p;
	size_t cl0 = x->cl0, a = x->a;
	int32_t last_main = -1, first_main = -1;
	for (size_t ci = cl0; ci < p->ncl && first_main < 0; ci++)
		if (p->cl[ci].kind == AF_CL_MAIN && p->cl[ci].verb.start != SIZE_MAX)
			first_main = (int32_t)ci;
	for (size_t ci = cl0; ci < p->ncl; ci++) {
		struct af_clause *c = &p->cl[ci];
		if (c->verb.start == SIZE_MAX)
			continue;
		if (c->kind == AF_CL_MAIN)
			last_main = (int32_t)ci;
		if (c->kind == AF_CL_COORD)
			coord_parent(p, cl0, ci);
		else if (c->kind == AF_CL_INF)
			inf_parent(p, cl0, ci);
		else if (c->kind == AF_CL_PART) {
			if (c->subj < 0) {
				c->parent = last_main;
				if (last_main < 0 && first_main > (int32_t)ci)
					c->parent = first_main; /* a fronted participle: the next main clause */
				if (c->parent >= 0 && p->cl[c->parent].subj >= 0) {
					c->subj = p->cl[c->parent].subj;
					c->subj_inherited = 1;
				}
			} else
				c->parent = p->np[c->subj].clause;
		} else if (c->kind == AF_CL_SUB) {
			if (c->marker == SIZE_MAX || ci > cl0)
				c->parent = clause_before(p, cl0, ci);
			if (c->parent < 0 || c->marker == a || (c->marker != SIZE_MAX && c->marker > a &&
			                                        p->tok[c->marker - 1].tag == AF_POS_COMMA &&
			                                        last_main < 0)) {
				/* a fronted subordinate clause: the next main clause (no main clause
				 * comes before it here, so that is the sentence's first) */
				if (first_main > (int32_t)ci)
					c->parent = first_main;
			}
		} else if (c->kind == AF_CL_REL) {
			if (c->antecedent >= 0)
				c->parent = p->np[c->antecedent].clause;
		}
		if (c->parent == (int32_t)ci)
			c->parent = -1;
		if (x->question && (c->kind == AF_CL_MAIN || ci == cl0) &&
		    (is_wh(p->tok[a].tag) || is_aux(p, a) || c->verb.start == a))
			c->verb.flags |= AF_VG_QUESTION;
	}
}

/* drops the verb groups joined into others (question auxiliaries), keeping indices right */
static void drop_joined(struct af_parse *p, size_t cl0)
{
	size_t w = cl0, dropped = 0;
	for (size_t ci = cl0; ci < p->ncl; ci++)
		dropped += p->cl[ci].verb.start == SIZE_MAX;
	if (!dropped)
		return;
	int32_t *remap = af_malloc((p->ncl - cl0) * sizeof *remap);
	for (size_t ci = cl0; ci < p->ncl; ci++) {
		if (p->cl[ci].verb.start == SIZE_MAX) {
			remap[ci - cl0] = -1;
			continue;
		}
		remap[ci - cl0] = (int32_t)w;
		p->cl[w++] = p->cl[ci];
	}
	p->ncl = w;
	for (size_t ci = cl0; ci < p->ncl; ci++)
		if (p->cl[ci].parent >= (int32_t)cl0)
			p->cl[ci].parent = remap[p->cl[ci].parent - (int32_t)cl0];
	for (size_t x = 0; x < p->nnp; x++) {
		if (p->np[x].rel >= (int32_t)cl0)
			p->np[x].rel = remap[p->np[x].rel - (int32_t)cl0];
		if (p->np[x].clause >= (int32_t)cl0)
			p->np[x].clause = remap[p->np[x].clause - (int32_t)cl0];
	}
	free(remap);
}

void af_parse_clauses(struct af_parse *p, const char *text, const struct af_tokens *toks,
                      const struct af_sentences *sents, const uint8_t *want)
{
	p->nnp = p->nobjs = p->npps = p->ncl = 0;
	int32_t next_list = 0;
	if (!want)
		for (size_t i = 0; i < p->ntok; i++)
			p->tok[i].np = -1;
	for (size_t s = 0; s < sents->n; s++) {
		size_t a = sents->v[s].tok_start, b = sents->v[s].tok_end;
		if (b > p->ntok || a >= b || (want && want[s] != 1))
			continue;
		if (want) /* the other tokens were left outside every NP (af_syntax_parse_some) */
			for (size_t i = a; i < b; i++)
				p->tok[i].np = -1;
		struct sent x = {p, NULL, 0, s, a, b, p->ncl, 0};
		x.n = make_units(p, s, a, b);
		x.u = p->units;
		x.question = p->tok[b - 1].tag == AF_POS_PERIOD && text && text[toks->v[b - 1].start] == '?';
		lists_and_appositions(p, x.u, x.n, &next_list);
		join_question_aux(&x);
		for (size_t k = 0; k < x.n; k++)
			if (x.u[k].k == U_VG)
				kind_and_subject(&x, k);
		for (size_t k = 0; k < x.n; k++)
			if (x.u[k].k == U_VG)
				objects_and_pps(&x, k);
		parents(&x);
		drop_joined(p, x.cl0);
		cut_parent_loops(p, x.cl0);
	}
	for (size_t x = 0; x < p->nnp; x++)
		for (size_t i = p->np[x].start; i < p->np[x].end; i++)
			p->tok[i].np = (int32_t)x;
}
