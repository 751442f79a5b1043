/* quotes.c - direct, mixed and reported speech with their speakers.
 *
 * The text layer gives tokens and sentences; the lexicon (data/quotes.yaml) gives cue
 * verbs, speaker words and title cues. The steps, in order:
 *   1. quote spans: pairs of double quote marks (and single ones outside them), a quote
 *      left open at a paragraph's end continuing when the next paragraph opens with a mark;
 *   2. each span is direct when what stands beside it in its sentence is empty or an
 *      attribution ("X said:", ", said X", "“...,” Judicial Watch president Tom Fitton
 *      said"); otherwise (also "X vowed to "..." out of ...") a candidate for a mixed quote;
 *   3. direct quotes that follow an attributed one in the same paragraph with no attribution
 *      of their own are parts of it (split quotes);
 *   4. attribution frames in every sentence: a cue verb with its subject ("X said (that) ...",
 *      "..., X said", "according to X, ..."), its content the clause on the other side;
 *      a frame whose content holds a candidate span is mixed, else indirect;
 *   5. candidates no frame took: after a cue in their sentence, a mixed quote whose content
 *      is the clause from the cue on; else kept when long and not titles;
 *   6. speakers: participle cues ("..., adding") take the speaker of the clause they hang on;
 *      the pronoun of "X said he believes "..."" gives way to X; unattributed quotes take
 *      the speaker of a cue ending the sentence before them, else the last speaker near them;
 *      pronouns resolve to the nearest speaker before them, canonical names to the fullest
 *      name in the article (or af-entities' canonical).
 * Doubled apostrophes (''...'') are apostrophes; a quote inside a quote with the same marks
 * stays inside it; a name after a dash closing the quote's line is its speaker. */
#include "quotes_int.h"
#include "af/data.h"

#include <stdlib.h>

/* the compiled-in data this module reads */
AF_DATA_USE(quotes_yaml);

struct af_quoter *af_quoter_new(struct af_error *err)
{
	const struct af_datafile *d = af_data_find("quotes.yaml");
	if (!d) {
		af_error_set(err, "quotes.yaml is not compiled in");
		return NULL;
	}
	if (af_text_init(err) < 0)
		return NULL;
	struct af_quoter *q = af_calloc(1, sizeof *q);
	q->maxwords = 1;
	if (qt_lex_english(q, err) < 0 || af_quoter_add(q, d->data, d->len, "quotes.yaml", err) < 0) {
		af_quoter_free(q);
		return NULL;
	}
	return q;
}

void af_quoter_free(struct af_quoter *q)
{
	if (!q)
		return;
	af_map_free(&q->lex);
	af_tokens_free(&q->toks);
	af_sentences_free(&q->sents);
	free(q->fn);
	free(q->tk);
	af_buf_free(&q->keys);
	free(q->qs);
	free(q->at);
	free(q->men);
	free(q);
}

static json_t *jspan(const struct af_quoter *q, int a, int b)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", json_stringn(q->s + T(a).start, T(b - 1).end - T(a).start));
	json_object_set_new(o, "start", json_integer((json_int_t)T(a).cstart));
	json_object_set_new(o, "end", json_integer((json_int_t)T(b - 1).cend));
	return o;
}

static const char *kind_name(int k)
{
	return k == Q_DIRECT ? "direct" : k == Q_MIXED ? "mixed" : "indirect";
}

static json_t *output(struct af_quoter *q)
{
	json_t *arr = json_array();
	int *ord;
	size_t m = qt_text_order(q, 1, &ord);
	for (size_t x = 0; x < m; x++) {
		struct attr *a = &q->at[ord[x]];
		int first = a->pa[0], last = a->pb[a->np - 1];
		json_t *o = jspan(q, first, last);
		json_object_set_new(o, "kind", json_string(kind_name(a->kind)));
		if (a->cue >= 0)
			json_object_set_new(o, "cue", json_stringn(q->s + T(a->cue).start,
			                                           T(a->cue + a->cl - 1).end - T(a->cue).start));
		else
			json_object_set_new(o, "cue", json_null());
		if (a->np > 1) {
			json_t *parts = json_array();
			for (int p = 0; p < a->np; p++)
				json_array_append_new(parts, jspan(q, a->pa[p], a->pb[p]));
			json_object_set_new(o, "parts", parts);
		}
		if (a->kind == Q_MIXED) {
			json_t *qd = json_array();
			for (int p = 0; p < a->np; p++)
				for (int i = a->pa[p]; i < a->pb[p]; i++) {
					if (K(i).q < 0)
						continue;
					const struct qspan *s = &q->qs[K(i).q];
					if (s->b > s->a && s->a >= a->pa[p])
						json_array_append_new(qd, jspan(q, s->a, s->b));
					i = span_end(s) - 1;
				}
			json_object_set_new(o, "quoted", qd);
		}
		if (a->sa >= 0) {
			json_t *sp = jspan(q, a->sa, a->sb);
			json_object_set_new(sp, "canonical", a->canon ? json_string(a->canon) : json_null());
			if (a->type)
				json_object_set_new(sp, "type", json_string(a->type));
			json_object_set_new(o, "speaker", sp);
		} else {
			json_object_set_new(o, "speaker", json_null());
		}
		if (a->va >= 0) /* the source of the report: "according to Mehr" */
			json_object_set_new(o, "via", jspan(q, a->va, a->vb));
		json_object_set_new(o, "confidence", json_real(a->conf));
		json_array_append_new(arr, o);
	}
	free(ord);
	return arr;
}

/* Sentences longer than QUOTE_SENT_MAX tokens are cut into pieces of that many for the quote
 * step: a quote, its cue and its speaker stay within a piece, so that the time (the speaker
 * search looks back through the sentence) and the output (an indirect quote runs to the end
 * of its sentence) stay linear on a 40,000-word "sentence" (issue 15; af-quotes(1)). */
#define QUOTE_SENT_MAX 400

static void cut_long_sentences(const struct af_tokens *toks, struct af_sentences *ss)
{
	size_t extra = 0;
	for (size_t i = 0; i < ss->n; i++) {
		size_t k = ss->v[i].tok_end - ss->v[i].tok_start;
		if (k > QUOTE_SENT_MAX)
			extra += (k - 1) / QUOTE_SENT_MAX;
	}
	if (!extra)
		return;
	size_t n = ss->n + extra;
	struct af_sentence *v = af_malloc(n * sizeof *v);
	size_t o = 0;
	for (size_t i = 0; i < ss->n; i++) {
		for (size_t a = ss->v[i].tok_start; a < ss->v[i].tok_end; a += QUOTE_SENT_MAX) {
			size_t b = ss->v[i].tok_end - a > QUOTE_SENT_MAX ? a + QUOTE_SENT_MAX : ss->v[i].tok_end;
			v[o] = (struct af_sentence){.tok_start = a, .tok_end = b};
			v[o].start = toks->v[a].start;
			v[o].cstart = toks->v[a].cstart;
			v[o].end = toks->v[b - 1].end;
			v[o].cend = toks->v[b - 1].cend;
			o++;
		}
	}
	free(ss->v);
	ss->v = v;
	ss->n = ss->cap = o;
}

json_t *af_quotes_find(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                       struct af_error *err)
{
	if (af_tokenize(text, len, &q->toks, err) < 0 || af_sentences(text, len, &q->toks, &q->sents, err) < 0)
		return NULL;
	cut_long_sentences(&q->toks, &q->sents);
	q->fn_ready = 0;
	q->s = text;
	q->slen = len;
	q->nt = (int)q->toks.n;
	q->na = 0;
	q->nq = 0;
	if (q->nt == 0)
		return json_array();
	qt_prepare(q);
	qt_load_mentions(q, entities);
	qt_find_spans(q);
	qt_direct_quotes(q);
	qt_indirect_and_mixed(q);
	qt_according_sources(q);
	qt_resolve(q);
	json_t *out = output(q);
	for (size_t x = 0; x < q->na; x++)
		free((char *)q->at[x].canon);
	return out;
}
