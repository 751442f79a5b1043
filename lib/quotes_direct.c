/* quotes_direct.c - the first phases: every token keyed and marked, the quote spans, what
 * stands beside each span (an attribution or not), and the direct quotes with their parts. */
#include "quotes_int.h"
#include "english.h"

#include <stdlib.h>

void qt_prepare(struct af_quoter *q)
{
	int n = q->nt;
	if ((size_t)n > q->tkcap)
		q->tk = af_grow(q->tk, &q->tkcap, (size_t)n, sizeof *q->tk);
	af_buf_reset(&q->keys);
	int para = 0;
	for (int i = 0; i < n; i++) {
		struct tk *k = &q->tk[i];
		memset(k, 0, sizeof *k);
		k->q = -1;
		if (i > 0 && (T(i).flags & AF_TF_PARA))
			para++;
		k->para = para;
		k->koff = q->keys.len;
		af_english_key(&q->keys, q->s + T(i).start, T(i).end - T(i).start);
		k->klen = q->keys.len - k->koff;
		if (T(i).kind == AF_TOK_WORD) {
			k->bits = qt_lex_get(q, q->keys.p + k->koff, k->klen);
			/* a lower-case adverb may stand between speaker and cue like the skip words:
			 * "Kasich has also broadly called for ..." */
			if (k->klen >= 5 && !memcmp(q->keys.p + k->koff + k->klen - 2, "ly", 2) &&
			    (T(i).flags & AF_TF_LOWER) && !(k->bits & (L_SPKN | L_DET | L_ANYCUE)))
				k->bits |= L_SKIP;
		}
		enum af_tok_kind kd = T(i).kind;
		if (kd == AF_TOK_QUOTE_OPEN || kd == AF_TOK_QUOTE_CLOSE || kd == AF_TOK_QUOTE) {
			const unsigned char *c = (const unsigned char *)q->s + T(i).start;
			size_t l = T(i).end - T(i).start;
			if ((l == 1 && c[0] == '"') || (l == 2 && c[0] == 0xC2 && (c[1] == 0xAB || c[1] == 0xBB)) ||
			    (l == 3 && c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x9C || c[2] == 0x9D || c[2] == 0x9E)))
				k->mark = 1;
			else if (!(l == 1 && c[0] == '\'' &&
			           ((i > 0 && T(i - 1).end == T(i).start && q->s[T(i - 1).start] == '\'' &&
			             T(i - 1).end - T(i - 1).start == 1) ||
			            (i + 1 < n && T(i + 1).start == T(i).end && q->s[T(i + 1).start] == '\''))))
				k->mark = 2; /* a doubled apostrophe ''...'' stays apostrophes (docs/af-quotes.1) */
		}
	}
	for (size_t si = 0; si < q->sents.n; si++)
		for (size_t i = q->sents.v[si].tok_start; i < q->sents.v[si].tok_end; i++)
			q->tk[i].sent = (int)si;
	/* phrases */
	struct af_buf b = {0};
	for (int i = 0; i < n; i++) {
		if (!(K(i).bits & L_HEAD))
			continue;
		for (int w = q->maxwords; w >= 2; w--) {
			if (i + w > n)
				continue;
			af_buf_reset(&b);
			int ok = 1;
			for (int j = i; j < i + w; j++) {
				if (T(j).kind != AF_TOK_WORD) {
					ok = 0;
					break;
				}
				if (j > i)
					af_buf_addc(&b, ' ');
				af_buf_add(&b, q->keys.p + K(j).koff, K(j).klen);
			}
			if (!ok)
				continue;
			unsigned bits = qt_lex_get(q, b.p, b.len);
			if (bits & ~L_HEAD) {
				K(i).pbits = bits & ~L_HEAD;
				K(i).plen = w;
				break;
			}
		}
	}
	af_buf_free(&b);
}

static void add_span(struct af_quoter *q, int o, int c, int last, int single)
{
	int a = o + 1, b = c >= 0 ? c : last + 1;
	if (b <= a)
		return;
	if (q->nq == q->qcap)
		q->qs = af_grow(q->qs, &q->qcap, q->nq + 1, sizeof *q->qs);
	struct qspan *s = &q->qs[q->nq];
	memset(s, 0, sizeof *s);
	s->o = o;
	s->c = c;
	s->a = a;
	s->b = b;
	s->single = single;
	s->attr = -1;
	s->hcue = s->tcue = s->hsa = s->tsa = -1;
	for (int i = o; i <= (c >= 0 ? c : last); i++)
		if (K(i).q < 0)
			K(i).q = (int)q->nq;
	q->nq++;
}

/* An opening double mark at i inside an open quote that opens a quote of its own: its
 * closing mark comes in its sentence, and another closing mark (the outer quote's) later in
 * its paragraph. The inner closing mark, or 0. */
static int nested_close(const struct af_quoter *q, int i)
{
	int j = i + 1;
	while (j < q->nt && K(j).sent == K(i).sent && !(K(j).mark == 1))
		j++;
	if (j >= q->nt || K(j).sent != K(i).sent || T(j).kind == AF_TOK_QUOTE_OPEN || j - i < 2)
		return 0;
	for (int k = j + 1; k < q->nt && K(k).para == K(i).para; k++)
		if (K(k).mark == 1)
			return T(k).kind == AF_TOK_QUOTE_OPEN ? 0 : j;
	return 0;
}

void qt_find_spans(struct af_quoter *q)
{
	int open = -1, nc;
	q->nq = 0;
	for (int i = 0; i < q->nt; i++) {
		if (open >= 0 && K(i).para != K(open).para && (T(i).flags & AF_TF_PARA)) {
			/* a paragraph ended inside a quote: it goes on when the next one opens with a mark */
			if (!(K(i).mark == 1 && T(i).kind != AF_TOK_QUOTE_CLOSE)) {
				add_span(q, open, -1, i - 1, 0);
				open = -1;
			} else {
				continue;
			}
		}
		if (K(i).mark != 1)
			continue;
		enum af_tok_kind kd = T(i).kind;
		if (open < 0) {
			if (kd != AF_TOK_QUOTE_CLOSE)
				open = i;
		} else if (kd == AF_TOK_QUOTE_OPEN && q->s[T(i).start] != '"' && K(i).sent != K(open).sent &&
		           T(i).cstart > T(open).cend) {
			/* a new opening mark in a later sentence: the first was never closed */
			int last = i - 1;
			while (last > open && K(last).sent == K(i).sent)
				last--;
			add_span(q, open, -1, last, 0);
			open = i;
		} else if (kd == AF_TOK_QUOTE_OPEN && (nc = nested_close(q, i)) > 0) {
			/* a quote inside the quote: “People wearing “Settle For Hillary” shirts ...” */
			i = nc;
		} else {
			add_span(q, open, i, i, 0);
			open = -1;
		}
	}
	if (open >= 0)
		add_span(q, open, -1, q->nt - 1, 0);
	/* single quotes outside double ones: ‘...’ within a sentence */
	size_t nd = q->nq;
	for (int i = 0; i < q->nt; i++) {
		if (K(i).mark != 2 || K(i).q >= 0 || T(i).kind != AF_TOK_QUOTE_OPEN)
			continue;
		for (int j = i + 1; j < q->nt && j < i + 80 && K(j).sent == K(i).sent; j++) {
			if (K(j).q >= 0)
				break;
			if (K(j).mark == 2 && T(j).kind == AF_TOK_QUOTE_CLOSE) {
				if (j - i >= 3)
					add_span(q, i, j, j, 1);
				i = j;
				break;
			}
		}
	}
	/* keep text order: the double quotes [0, nd) and the single ones [nd, nq), each in
	 * text order, merged */
	if (q->nq > nd) {
		struct qspan *m = af_malloc(q->nq * sizeof *m);
		size_t u = 0, v = nd, o = 0;
		while (u < nd || v < q->nq)
			m[o++] = v >= q->nq || (u < nd && q->qs[u].o <= q->qs[v].o) ? q->qs[u++] : q->qs[v++];
		memcpy(q->qs, m, q->nq * sizeof *m);
		free(m);
		for (int i = 0; i < q->nt; i++)
			K(i).q = -1;
		for (size_t x = 0; x < q->nq; x++) {
			int e = q->qs[x].c >= 0 ? q->qs[x].c : q->qs[x].b - 1;
			for (int i = q->qs[x].o; i <= e; i++)
				if (K(i).q < 0)
					K(i).q = (int)x;
		}
	}
}

/* Head of span k: the tokens before its opening mark in its sentence.
 * 1 empty; 2 an attribution with a cue ("X said:", "X said,", "X told CNN"); 3 a colon
 * without a cue ("Muttaqi:"); 0 anything else (the quote is inside a clause). */
static void classify_head(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	int lo = sent_start(q, s->o);
	if (k > 0 && span_end(&q->qs[k - 1]) > lo)
		lo = span_end(&q->qs[k - 1]);
	int e = s->o;
	s->head = 0;
	if (e <= lo && e > 0 && is_punct(q, e - 1, ':') && (k == 0 || span_end(&q->qs[k - 1]) < e)) {
		/* "Karzai said:" closing the sentence or paragraph before the quote */
		lo = sent_start(q, e - 1);
		if (k > 0 && span_end(&q->qs[k - 1]) > lo)
			lo = span_end(&q->qs[k - 1]);
	}
	if (e <= lo) {
		s->head = 1;
		return;
	}
	int colon = is_punct(q, e - 1, ':'), comma = is_punct(q, e - 1, ',');
	s->hpunct = colon || comma;
	int he = (colon || comma) ? e - 1 : e;
	if (he > lo && (is_punct(q, he - 1, ',') || is_punct(q, he - 1, '-')))
		he--;
	/* the last cue in the head */
	int ci = -1, cl = 0;
	for (int i = he - 1; i >= lo && i >= he - 12; i--) {
		int l;
		unsigned b = cue_at(q, i, &l);
		if ((b & (L_CUE | L_LISTEN)) && !K(i).used && i + l <= he) {
			ci = i;
			cl = l;
			break;
		}
	}
	if (ci >= 0) {
		int after = he - (ci + cl);
		int ok = 0;
		if (colon || comma)
			ok = after <= 10;
		else
			ok = after <= 3;
		for (int i = ci + cl; i < he && ok; i++)
			if ((tok_is(q, i, "that") || tok_is(q, i, "as") || tok_is(q, i, "if") || tok_is(q, i, "whether")) &&
			    !(i - (ci + cl) >= 3 && !(K(ci).bits & L_LISTEN) && is_lower(q, i - 1) && !(K(i - 1).bits & L_ANYCUE) && colon))
				ok = 0; /* "said that ...:" reports a clause; "responded with a phrase that ...:" not */
		if (ok) {
			s->head = 2;
			s->hcue = ci;
			s->hcl = cl;
			s->hafter = after;
			int j = ci;
			while (j - 1 >= lo && (K(j - 1).bits & L_SKIP))
				j--;
			int sa, sb;
			if (is_ing(q, ci)) {
				if (qt_ing_subject(q, sent_start(q, ci), ci, &sa, &sb)) {
					s->hsa = sa;
					s->hsb = sb;
				}
			} else if (qt_np_back_appos(q, j, lo, &sa, &sb)) {
				s->hsa = sa;
				s->hsb = sb;
			} else if (!(K(ci).bits & L_LISTEN) && qt_np_fwd(q, ci + cl, he, &sa, &sb) &&
			           (is_cap(q, sb - 1) || (K(sb - 1).bits & (L_SPKN | L_PRON)))) {
				/* "said Smith:"; but "told his supporters:" names the listener, and
				 * "recalled the three-year freeze:" the object */
				s->hsa = sa;
				s->hsb = sb;
			} else if ((tok_is(q, j - 1, "and") && qt_and_subject(q, lo, j - 1, &sa, &sb)) ||
			           qt_subject_of(q, lo, ci, &sa, &sb)) {
				s->hsa = sa;
				s->hsb = sb;
			}
			return;
		}
	}
	if (colon) {
		s->head = 3;
		int sa, sb, w = e - 2, j = w;
		while (j - 1 >= lo && (K(j - 1).bits & L_SKIP))
			j--;
		if (qt_np_back(q, e - 1, lo, &sa) && sa == lo) {
			s->hsa = sa;
			s->hsb = e - 1;
		} else if (is_cap(q, e - 2) && qt_np_back_appos(q, e - 1, lo, &sa, &sb) &&
		           sa > lo && (is_cap(q, sa) || (K(sa).bits & (L_DET | L_SPKN))) &&
		           !((is_prep(q, sa - 1) && !tok_is(q, sa - 1, "from")) || tok_is(q, sa - 1, "to") || tok_is(q, sa - 1, "of"))) {
			/* but not the object of a preposition ("delivered a blunt message to Trump:"),
			 * save a source ("More from Jones:") */
			/* "... doesn't surprise Republican pollster Daron Shaw:" */
			s->hsa = sa;
			s->hsb = sb;
		} else if (w > lo && is_lower(q, w) && !(K(w).bits & (L_SPKN | L_DET | L_PART)) && (j < w || is_cap(q, w - 1)) &&
		           qt_np_back_appos(q, j, lo, &sa, &sb) && (is_cap(q, sb - 1) || (K(sb - 1).bits & L_SPKN))) {
			/* a verb the lexicon lacks: "a spokesman for Sanders could only quip:" */
			s->hsa = sa;
			s->hsb = sb;
		} else if (qt_subject_of(q, lo, e - 1, &sa, &sb)) {
			s->hsa = sa;
			s->hsb = sb;
		}
	}
}

/* span s's tail: an attribution with its cue [cue, cue + cl) and speaker [sa, sb); 1 */
static int set_tail(struct qspan *s, int cue, int cl, int sa, int sb)
{
	s->tail = 2;
	s->tcue = cue;
	s->tcl = cl;
	s->tsa = sa;
	s->tsb = sb;
	return 1;
}

/* A name after a dash closing the quote's line, from token b: "“...” ― Carla Sanchez",
 * "“...” / - Sanders". 1 and s's tail. */
static int dash_name(const struct af_quoter *q, struct qspan *s, int b)
{
	int sa, sb;
	if (!is_dash(q, b) || !is_cap(q, b + 1))
		return 0;
	if (qt_np_fwd(q, b + 1, q->nt, &sa, &sb) && sa == b + 1 && is_cap(q, sb - 1) &&
	    (sb >= q->nt || (T(sb).flags & AF_TF_NEWLINE) || is_punct(q, sb, ',') ||
	     (is_end_punct(q, sb) && (sb + 1 >= q->nt || (T(sb + 1).flags & AF_TF_NEWLINE)))))
		return set_tail(s, b, 1, sa, sb);
	return 0;
}

/* The end of span k's tail, which starts at token b: its sentence's end, or the next span;
 * when the quote ends its sentence ("“A.” Merkley said." split by the sentence splitter),
 * the next sentence's end when a cue stands in its first words. */
static int tail_end(const struct af_quoter *q, int k, int b)
{
	const struct qspan *s = &q->qs[k];
	int hi = b < q->nt ? sent_end(q, s->c) : b;
	if (hi < b)
		hi = b;
	if ((size_t)k + 1 < q->nq && q->qs[k + 1].o < hi)
		hi = q->qs[k + 1].o;
	if (b < q->nt && hi == b && K(b).para == K(s->c).para && T(b).kind == AF_TOK_WORD) {
		int e2 = sent_end(q, b);
		if ((size_t)k + 1 < q->nq && q->qs[k + 1].o < e2)
			e2 = q->qs[k + 1].o;
		int qm = s->b > s->a && (is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!'));
		for (int i = b; i < e2 && (e2 - b <= 7 || (qm && i < b + 6)); i++) {
			int l;
			if (cue_at(q, i, &l) & (L_CUE | L_LISTEN))
				return e2;
		}
	}
	return hi;
}

/* A word that may be a verb the lexicon lacks: lower-case, no determiner, name particle,
 * pronoun, skip word */
static int maybe_verb(const struct af_quoter *q, int i)
{
	return is_lower(q, i) && !(K(i).bits & (L_DET | L_NOTNAME | L_PART | L_PRON | L_SKIP));
}

/* "..., Judicial Watch president Tom Fitton said Tuesday" in the tail [b, e): the first cue
 * after the quote, its speaker the noun phrase (with an apposition) from the quote to the
 * cue. 1 and s's tail. */
static int phrase_then_cue(const struct af_quoter *q, struct qspan *s, int b, int e)
{
	for (int j = b + 1; j < e && j < b + 40; j++) {
		if (K(j).q >= 0)
			break;
		int l, sa, sb;
		unsigned cb = cue_at(q, j, &l);
		if (!(cb & (L_CUE | L_LISTEN)) || is_ing(q, j))
			continue;
		int c = j;
		while (c - 1 > b && (K(c - 1).bits & L_SKIP))
			c--;
		if (is_punct(q, c - 1, ')')) { /* "Rep. Earl Blumenauer (D-Ore.) said" */
			int p = c - 2;
			while (p > b && p > c - 10 && !is_punct(q, p, '('))
				p--;
			if (p > b && is_punct(q, p, '('))
				c = p;
		}
		if (qt_np_back_appos(q, c, b, &sa, &sb) && (sb == c || is_punct(q, c - 1, ','))) {
			int ok = sa - b <= 8;
			for (int i = b; i < sa && ok; i++)
				if (!(T(i).kind == AF_TOK_WORD || is_punct(q, i, '-') || (T(i).flags & AF_TF_CLITIC)) ||
				    (K(i).bits & L_ANYCUE) || tok_is(q, i, "when") || tok_is(q, i, "while") ||
				    tok_is(q, i, "if") || tok_is(q, i, "as") || tok_is(q, i, "because") ||
				    tok_is(q, i, "after") || tok_is(q, i, "before") || tok_is(q, i, "although"))
					ok = 0;
			if (ok)
				return set_tail(s, j, l, b, sb);
		}
		break;
	}
	return 0;
}

/* ", X said" in the tail [b, e): a noun phrase (with an apposition: "Smith, a spokesman,
 * said") and a cue, or a verb the lexicon lacks after a quote that ends in a comma ("“...,”
 * Bozell answers."). 1 and s's tail. */
static int subject_then_verb(const struct af_quoter *q, struct qspan *s, int b, int e)
{
	int sa, sb, l;
	if (!qt_np_fwd(q, b, e, &sa, &sb))
		return 0;
	if (sb == e && sb - sa >= 2 && is_lower(q, sb - 1) && !(K(sb - 1).bits & L_SPKN))
		sb--; /* ""...," the email read.": the last word is the verb */
	int j = sb;
	if (is_punct(q, j, ',')) {
		int p = j + 1;
		while (p < e && p < j + 30 && !is_punct(q, p, ','))
			p++;
		if (p < e)
			j = p + 1;
	}
	while (j < e && (K(j).bits & L_SKIP))
		j++;
	if (cue_at(q, j, &l) & (L_CUE | L_LISTEN))
		return set_tail(s, j, l, sa, sb);
	if (j < e && maybe_verb(q, j) && s->b > s->a &&
	    (is_punct(q, s->b - 1, ',') ||
	     (e - j <= 8 && (is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!')))))
		return set_tail(s, j, 1, sa, sb);
	return 0;
}

/* Tail of span k: the tokens after its closing mark in its sentence.
 * 1 empty (or only end punctuation); 2 an attribution ", X said" / ", said X"; 0 else. */
static void classify_tail(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	s->tail = 0;
	if (s->c < 0) {
		s->tail = 1;
		return;
	}
	int b = s->c + 1;
	if (dash_name(q, s, b))
		return;
	int hi = tail_end(q, k, b);
	while (b < hi && (is_punct(q, b, ',') || is_punct(q, b, '-') || T(b).kind == AF_TOK_PUNCT) &&
	       !is_end_punct(q, b) && !is_punct(q, b, '('))
		b++;
	int e = hi;
	while (e > b && (is_end_punct(q, e - 1) || T(e - 1).kind == AF_TOK_QUOTE_CLOSE))
		e--;
	if (e <= b) {
		s->tail = 1;
		return;
	}
	int l, sa, sb;
	if ((cue_at(q, b, &l) & (L_CUE | L_LISTEN)) && !is_ing(q, b) && qt_np_fwd(q, b + l, e, &sa, &sb)) {
		set_tail(s, b, l, sa, sb); /* ", said X" */
		return;
	}
	if (maybe_verb(q, b) && !is_ing(q, b) && s->b > s->a &&
	    (is_punct(q, s->b - 1, ',') || is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!')) &&
	    qt_np_fwd(q, b + 1, e, &sa, &sb) && sb == e) {
		set_tail(s, b, 1, sa, sb); /* "“...?” reacted Trump.", "“...,” read the email." */
		return;
	}
	if (!phrase_then_cue(q, s, b, e))
		subject_then_verb(q, s, b, e);
}

/* The words before the opening mark name a title: "under the title", "the film". */
int qt_title_before(const struct af_quoter *q, const struct qspan *s)
{
	int i = s->o - 1;
	while (i >= 0 && (T(i).kind == AF_TOK_PUNCT && is_punct(q, i, ',')))
		i--;
	for (int back = 0; back < 3 && i >= 0; back++, i--) {
		if (K(i).bits & L_TITLE)
			return 1;
		if (K(i).plen == 0)
			for (int j = i - 1; j >= 0 && j >= i - 3; j--)
				if (K(j).plen && j + K(j).plen == i + 1 && (K(j).pbits & L_TITLE))
					return 1;
		if (!(T(i).flags & AF_TF_CLITIC) && !(K(i).bits & L_DET))
			break;
	}
	return 0;
}

/* Title case: most words capitalised, few of them, no sentence inside. */
int qt_title_case(const struct af_quoter *q, const struct qspan *s)
{
	int words = 0, caps = 0;
	for (int i = s->a; i < s->b; i++) {
		if (is_end_punct(q, i) && i + 1 < s->b)
			return 0;
		if (T(i).kind != AF_TOK_WORD)
			continue;
		words++;
		if (T(i).flags & AF_TF_CAP)
			caps++;
		else if ((K(i).bits & (L_PART | L_DET)) || tok_is(q, i, "is") || tok_is(q, i, "to") || tok_is(q, i, "in") ||
		         tok_is(q, i, "on") || tok_is(q, i, "with") || tok_is(q, i, "a") || tok_is(q, i, "an") ||
		         tok_is(q, i, "from") || tok_is(q, i, "or"))
			caps++; /* "Orange is the New Black", "Flip the Script with Liz Plank" */
	}
	return words > 0 && words <= 12 && caps == words && (T(s->a).flags & AF_TF_CAP);
}

struct attr *qt_attr_new(struct af_quoter *q)
{
	if (q->na == q->acap)
		q->at = af_grow(q->at, &q->acap, q->na + 1, sizeof *q->at);
	struct attr *a = &q->at[q->na++];
	memset(a, 0, sizeof *a);
	a->cue = a->sa = a->from = a->va = -1;
	return a;
}

/* A source after an attribution, from token p to its sentence's end: ""...," Sanders said,
 * according to CNN." -> CNN, whose report the quote is (PolNeAR's source). 1 and the span. */
int qt_source_after(const struct af_quoter *q, int p, int *sa, int *sb)
{
	if (p <= 0 || p >= q->nt)
		return 0;
	int se = sent_end(q, p - 1);
	for (int i = p; i < se && i < p + 20; i++) {
		if (K(i).q >= 0 || is_end_punct(q, i))
			return 0;
		int l;
		if ((cue_at(q, i, &l) & L_SRC) && qt_np_fwd(q, i + l, se, sa, sb))
			return 1;
	}
	return 0;
}

void qt_direct_quotes(struct af_quoter *q)
{
	for (size_t k = 0; k < q->nq; k++) {
		classify_head(q, (int)k);
		classify_tail(q, (int)k);
	}
	for (size_t k = 0; k < q->nq; k++) {
		struct qspan *s = &q->qs[k];
		int direct = s->head == 2 || s->head == 3 || (s->head == 1 && (s->tail == 1 || s->tail == 2));
		if (s->single && !(s->head == 2 || s->tail == 2))
			direct = 0;
		/* "X vowed to "bomb the hell" out of ...": the quote is a piece of the clause */
		if (s->head == 2 && !s->hpunct && (s->tail == 0 || s->hafter > 0))
			direct = 0;
		/* "Nothing the president said "will assuage ...," the senator said", "Obama said
		 * "it gets me mad" every time he thinks ...": a cue on both sides, the first one
		 * inside the clause */
		if (s->head == 2 && !s->hpunct && s->tail == 2)
			direct = 0;
		if (!direct)
			continue;
		/* a few words alone are no quote ("a "deal"."), unless they go on the quote
		 * before: ""They sue," he said. "Everybody sues, right?"" */
		int shortq = s->head == 1 && s->tail == 1 && span_words(q, s) <= 3 && s->c >= 0;
		if (qt_title_before(q, s))
			continue;
		/* a part of the previous quote: "A," he said, "B." or "A," he said. "B." */
		if (k > 0) {
			struct qspan *p = &q->qs[k - 1];
			struct attr *pa = p->attr >= 0 ? &q->at[p->attr] : NULL;
			int same = p->status == Q_DIRECT && pa && pa->kind == Q_DIRECT && pa->np < MAXPARTS &&
			           K(p->o).para == K(s->o).para;
			int merge = 0;
			if (same && s->head == 2 && s->hcue >= 0 && s->hcue == pa->cue)
				merge = 1;
			else if (same && s->head == 1 && s->tail != 2 &&
			         (K(s->o).sent == K(p->b - 1).sent + 1 || K(s->o).sent == K(p->b - 1).sent ||
			          (p->tail == 2 && K(s->o).sent == K(p->tcue).sent + 1)))
				merge = 1;
			if (merge && shortq && (p->tail != 2 || K(s->o).sent != K(p->tcue).sent + 1))
				merge = 0;
			if (merge) {
				pa->pa[pa->np] = s->a;
				pa->pb[pa->np] = s->b;
				pa->np++;
				s->status = Q_DIRECT;
				s->attr = p->attr;
				continue;
			}
		}
		if (shortq)
			continue;
		struct attr *a = qt_attr_new(q);
		a->kind = Q_DIRECT;
		a->pa[0] = s->a;
		a->pb[0] = s->b;
		a->np = 1;
		a->conf = 0.9;
		if (s->tail == 2) {
			a->cue = s->tcue;
			a->cl = s->tcl;
			a->sa = s->tsa;
			a->sb = s->tsb;
			int x, y;
			if (s->tsb >= s->tcue + s->tcl ? qt_source_after(q, s->tsb, &x, &y)
			                               : qt_source_after(q, s->tcue + s->tcl, &x, &y)) {
				/* ""...," he said, according to Mehr": he speaks, Mehr reports it */
				if (a->sa >= 0) {
					a->va = x;
					a->vb = y;
				} else {
					a->sa = x;
					a->sb = y;
				}
			}
		} else if (s->head == 2) {
			a->cue = s->hcue;
			a->cl = s->hcl;
			a->sa = s->hsa;
			a->sb = s->hsb;
		} else if (s->head == 3) {
			a->cue = s->o - 1;
			a->cl = 1;
			a->sa = s->hsa;
			a->sb = s->hsb;
		} else {
			a->conf = 0.6;
		}
		if (a->cue >= 0)
			for (int i = a->cue; i < a->cue + a->cl; i++)
				K(i).used = 2;
		if (s->c < 0)
			a->conf -= 0.2;
		s->status = Q_DIRECT;
		s->attr = (int)(a - q->at);
	}
}
