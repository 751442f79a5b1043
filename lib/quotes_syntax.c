/* quotes_syntax.c - the syntax layer for the quote finder: part-of-speech tags and clause
 * subjects (af/syntax.h) of a sentence, parsed the first time a rule asks about one of its
 * tokens, so that sentences the word rules settle cost nothing more (most of them). */
#include "quotes_int.h"

#include <stdlib.h>

/* a noun phrase that names a time: "Friday afternoon", "last year", "2010" */
static int is_time_np(const struct af_quoter *q, size_t off, const struct af_syn_np *np)
{
	int h = (int)(off + np->head);
	return !is_word(q, h) || (K(h).bits & (L_TIME | L_NOTNAME));
}

/* The subject the parse p (of the sentence from token off) gives clause c, as the quote
 * finder takes it: a noun or pronoun phrase before the verb, of a clause that is no
 * participle (clause or verb), passive, infinitive, relative clause (whose antecedent the
 * rules find: "Smith, who said") or question, with no comma before the verb ("The statement, issued under the title
 * ..." is no subject of "issued"). 1 and its tokens [*sa, *sb). */
static int clause_subject(const struct af_quoter *q, const struct af_parse *p, size_t off,
                          const struct af_clause *c, int *sa, int *sb)
{
	if (c->subj < 0 || c->kind == AF_CL_PART || c->kind == AF_CL_INF || c->kind == AF_CL_REL ||
	    (c->verb.flags & (AF_VG_QUESTION | AF_VG_PARTICIPLE | AF_VG_PASSIVE)))
		return 0; /* "at least one confirmed instance": a participle with no auxiliary; "Italy
		           * is considered", "sources were quoted by": a passive's subject is no speaker */
	int32_t x = c->subj;
	const struct af_syn_np *np = &p->np[x];
	/* a time ("A GAO report last year found", "X on Friday afternoon said") stands after
	 * the subject: the noun phrase right before it (and its preposition) */
	while (x > 0 && np->start > 0 && is_time_np(q, off, np)) {
		size_t b = np->start;
		if (p->tok[b - 1].tag == AF_POS_IN)
			b--; /* "on Tuesday" */
		if (p->np[x - 1].end != b)
			break;
		np = &p->np[--x];
	}
	size_t h = c->verb.head;
	int ht = p->tok[np->head].tag;
	if (np->end > h || np->end <= np->start || is_time_np(q, off, np) ||
	    (T((int)(off + np->start)).flags & AF_TF_CLITIC) || T((int)(off + np->start)).kind == AF_TOK_PUNCT ||
	    (!af_pos_is_noun(ht) && ht != AF_POS_PRP && ht != AF_POS_CD))
		return 0;
	for (size_t t = np->end; t < h; t++)
		if (is_punct(q, (int)(off + t), ','))
			return 0;
	/* after a preposition the phrase is its object ("with at least one confirmed instance");
	 * after "that" or a subordinator it opens a clause */
	int pre = (int)(off + np->start) - 1;
	if (np->start > 0 && p->tok[np->start - 1].tag == AF_POS_IN && !tok_is(q, pre, "that") && !(K(pre).bits & L_SUB))
		return 0;
	*sa = (int)(off + np->start);
	*sb = (int)(off + np->end);
	return 1;
}

/* Tokens [s0, s1) of q->par (one sentence's parse, or the whole text's from upstream) into
 * q->syn: each token's tag; at each clause's main verb its kind and subject. */
static void copy_parse(struct af_quoter *q, int s0, int s1)
{
	for (int i = s0; i < s1; i++)
		q->syn[i].tag = q->par.tok[i].tag;
	for (size_t k = 0; k < q->par.ncl; k++) {
		const struct af_clause *c = &q->par.cl[k];
		if ((int)c->verb.head < s0 || (int)c->verb.head >= s1)
			continue;
		struct qt_syn *y = &q->syn[c->verb.head];
		y->kind = (int8_t)c->kind;
		if (!clause_subject(q, &q->par, 0, c, &y->sa, &y->sb))
			y->sa = y->sb = -1;
	}
}

/* Parses sentence si of q's text (once per text) into q->syn: each token's tag; at each
 * clause's main verb its kind and subject, from af_syntax_parse_some (as af-events parses
 * the sentences it needs) over the text's tokens, asked for that sentence alone. A model that fails to load
 * leaves every tag SYM (the rules then work on words alone) and is said once on stderr. */
static void parse_sentence(struct af_quoter *q, int si)
{
	if (q->synsent[si])
		return;
	q->synsent[si] = 1;
	int s0 = (int)q->sents.v[si].tok_start, s1 = (int)q->sents.v[si].tok_end;
	for (int i = s0; i < s1; i++)
		q->syn[i] = (struct qt_syn){AF_POS_SYM, -1, -1, -1};
	struct af_error e = {0};
	if (q->upstream) {
		copy_parse(q, s0, s1);
		return;
	}
	if (!q->model && (q->model_failed || af_syntax_load(&q->model, NULL, &e) < 0)) {
		if (!q->model_failed)
			af_warn("the parser model did not load (%s): speakers and clauses from the word "
			        "rules only", e.msg[0] ? e.msg : "no reason given");
		q->model_failed = 1;
		return;
	}
	/* the text's tokens up to the sentence's end, the one sentence: the other sentences are
	 * not looked at, and the tokens after it not even cleared */
	static const uint8_t want = 1;
	struct af_tokens upto = {.v = q->toks.v, .n = (size_t)s1, .cap = (size_t)s1};
	struct af_sentences one = {.v = &q->sents.v[si], .n = 1, .cap = 1};
	if (af_syntax_parse_some(q->model, q->s, q->slen, &upto, &one, &want, &q->par, &e) < 0)
		return;
	copy_parse(q, s0, s1);
}

/* Token i's parse, its sentence parsed on first use. The parse is a cache of the text: the
 * const rules may fill it (the quoter itself is never const). */
static const struct qt_syn *syn_at(const struct af_quoter *q, int i)
{
	if (i < 0 || i >= q->nt)
		return NULL;
	struct af_quoter *w = (struct af_quoter *)q;
	parse_sentence(w, K(i).sent);
	return &q->syn[i];
}

/* Makes room for the parse of a text of q->nt tokens in q->sents.n sentences: none parsed. */
void qt_parse_reset(struct af_quoter *q)
{
	if ((size_t)q->nt > q->syncap)
		q->syn = af_grow(q->syn, &q->syncap, (size_t)q->nt, sizeof *q->syn);
	if (q->sents.n > q->synsentcap)
		q->synsent = af_grow(q->synsent, &q->synsentcap, q->sents.n, sizeof *q->synsent);
	memset(q->synsent, 0, q->sents.n * sizeof *q->synsent);
}

void qt_parse_free(struct af_quoter *q)
{
	af_parse_free(&q->par);
	af_syntax_free(q->model);
	free(q->syn);
	free(q->synsent);
}

/* token i's part of speech (enum af_pos); AF_POS_SYM outside the text */
int qt_tag(const struct af_quoter *q, int i)
{
	const struct qt_syn *y = syn_at(q, i);
	return y ? y->tag : AF_POS_SYM;
}

/* the kind (enum af_clause_kind) of the clause whose main verb is token i, -1 for none */
int qt_clause_kind(const struct af_quoter *q, int i)
{
	const struct qt_syn *y = syn_at(q, i);
	return y ? y->kind : -1;
}

/* 1 if the cue at i is a noun in a noun phrase: the parse tags it a noun after a
 * determiner, a possessive or an adjective ("Some reports", "his vows", "the note"). A noun
 * tag alone is not enough: the tagger takes the verb of many headlines for a plural ("Trump
 * calls ...", "Clinton says ..."), and those are cues (PolNeAR train). The sentence is parsed
 * only for a form that may be a noun: not one ending in -ed, nor "said". */
int qt_noun_cue(const struct af_quoter *q, int i)
{
	size_t n = K(i).klen;
	const char *k = q->keys.p + K(i).koff;
	if ((n > 2 && !memcmp(k + n - 2, "ed", 2)) || tok_is(q, i, "said") || i == 0 ||
	    !af_pos_is_noun(qt_tag(q, i)))
		return 0;
	int p = qt_tag(q, i - 1);
	return p == AF_POS_DT || p == AF_POS_PRPS || p == AF_POS_POS || af_pos_is_adj(p);
}

/* 1 if token i, with the tag the parse gives it, has a lemma with the lexicon bits b */
static int lemma_has(const struct af_quoter *q, int i, unsigned b)
{
	const struct qt_syn *y = syn_at(q, i);
	if (!y)
		return 0;
	if (q->upstream) { /* the upstream parse's lemma (af-parse lemmatizes as below) */
		size_t n;
		const char *l = af_parse_lemma(&q->par, (size_t)i, &n);
		return n && (qt_lex_get(q, l, n) & b);
	}
	if (!q->model)
		return 0;
	char buf[64];
	size_t n = af_lemmatize(q->model, q->s + T(i).start, T(i).end - T(i).start, y->tag, buf, sizeof buf);
	return n && (qt_lex_get(q, buf, n) & b);
}

/* The subject the parse gives the clause of the cue verb at i, when the word rules found
 * none ("The Trump campaign on Tuesday responded that ...", "She has since stressed that
 * ..."): see clause_subject; not before s0; only for a cue tagged a verb whose lemma is one of
 * the lexicon's parse_subject_cues (learned from PolNeAR train: "show" and "say", not "want"
 * or "issue"). 1 and its tokens [*sa, *sb). */
int qt_parse_subject(const struct af_quoter *q, int s0, int i, int *sa, int *sb)
{
	const struct qt_syn *y = syn_at(q, i);
	if (!y || y->sa < s0 || !af_pos_is_verb(y->tag) || !lemma_has(q, i, L_PSUBJ))
		return 0;
	*sa = y->sa;
	*sb = y->sb;
	return 1;
}
