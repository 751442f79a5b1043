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
 *      a frame whose content holds a candidate span is mixed, else indirect; when the word
 *      rules find no subject, the syntax layer's (a sentence parsed only then,
 *      quotes_syntax.c); a clause ends where a cue of the same speaker joins it;
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
#include "af/record.h"

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
	qt_parse_free(q);
	free(q->fn);
	free(q->tk);
	af_buf_free(&q->keys);
	free(q->qs);
	free(q->at);
	free(q->men);
	free(q);
}

/* "text":...,"start":N,"end":N of the tokens [a, b) */
static void put_span(const struct af_quoter *q, int a, int b, struct af_buf *out)
{
	af_buf_adds(out, "\"text\":");
	af_json_string(out, q->s + T(a).start, T(b - 1).end - T(a).start);
	af_buf_adds(out, ",\"start\":");
	af_json_int(out, (long long)T(a).cstart);
	af_buf_adds(out, ",\"end\":");
	af_json_int(out, (long long)T(b - 1).cend);
}

static void put_span_object(const struct af_quoter *q, int a, int b, struct af_buf *out)
{
	af_buf_addc(out, '{');
	put_span(q, a, b, out);
	af_buf_addc(out, '}');
}

static const char *kind_name(int k)
{
	return k == Q_DIRECT ? "direct" : k == Q_MIXED ? "mixed" : k == K_QUESTION ? "question" : "indirect";
}

/* the quoted spans inside a mixed quote's parts */
static void put_quoted(const struct af_quoter *q, const struct attr *a, struct af_buf *out)
{
	int n = 0;
	af_buf_adds(out, ",\"quoted\":[");
	for (int p = 0; p < a->np; p++)
		for (int i = a->pa[p]; i < a->pb[p]; i++) {
			if (K(i).q < 0)
				continue;
			const struct qspan *s = &q->qs[K(i).q];
			if (s->b > s->a && s->a >= a->pa[p]) {
				if (n++)
					af_buf_addc(out, ',');
				put_span_object(q, s->a, s->b, out);
			}
			i = span_end(s) - 1;
		}
	af_buf_addc(out, ']');
}

static void put_speaker(const struct af_quoter *q, const struct attr *a, struct af_buf *out)
{
	af_buf_adds(out, ",\"speaker\":");
	if (a->sa < 0) {
		af_buf_adds(out, "null");
		return;
	}
	af_buf_addc(out, '{');
	put_span(q, a->sa, a->sb, out);
	af_buf_adds(out, ",\"canonical\":");
	if (a->canon)
		af_json_string(out, a->canon, strlen(a->canon));
	else
		af_buf_adds(out, "null");
	if (a->type) {
		af_buf_adds(out, ",\"type\":");
		af_json_string(out, a->type, strlen(a->type));
	}
	af_buf_addc(out, '}');
}

/* The record's "quotes" array, as JSON text (docs/af-quotes.1). */
static void write_quotes(struct af_quoter *q, struct af_buf *out)
{
	int *ord;
	size_t m = qt_text_order(q, 1, &ord);
	af_buf_addc(out, '[');
	for (size_t x = 0; x < m; x++) {
		const struct attr *a = &q->at[ord[x]];
		af_buf_adds(out, x ? ",{" : "{");
		put_span(q, a->pa[0], a->pb[a->np - 1], out);
		af_buf_adds(out, ",\"kind\":");
		af_json_string(out, kind_name(a->kind), strlen(kind_name(a->kind)));
		af_buf_adds(out, ",\"cue\":");
		if (a->cue >= 0)
			af_json_string(out, q->s + T(a->cue).start, T(a->cue + a->cl - 1).end - T(a->cue).start);
		else
			af_buf_adds(out, "null");
		if (a->np > 1) {
			af_buf_adds(out, ",\"parts\":[");
			for (int p = 0; p < a->np; p++) {
				if (p)
					af_buf_addc(out, ',');
				put_span_object(q, a->pa[p], a->pb[p], out);
			}
			af_buf_addc(out, ']');
		}
		if (a->kind == Q_MIXED)
			put_quoted(q, a, out);
		put_speaker(q, a, out);
		if (a->va >= 0) { /* the source of the report: "according to Mehr" */
			af_buf_adds(out, ",\"via\":");
			put_span_object(q, a->va, a->vb, out);
		}
		af_buf_adds(out, ",\"confidence\":");
		af_json_real(out, a->conf);
		af_buf_addc(out, '}');
	}
	af_buf_addc(out, ']');
	free(ord);
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

int af_quotes_write(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                    struct af_buf *out, struct af_error *err)
{
	if (af_tokenize(text, len, &q->toks, err) < 0 || af_sentences(text, len, &q->toks, &q->sents, err) < 0)
		return -1;
	cut_long_sentences(&q->toks, &q->sents);
	q->fn_ready = 0;
	q->s = text;
	q->slen = len;
	q->nt = (int)q->toks.n;
	q->na = 0;
	q->nq = 0;
	if (q->nt == 0) {
		af_buf_adds(out, "[]");
		return 0;
	}
	qt_parse_reset(q);
	if (q->up_js) {
		int rc = af_parse_read(q->up_js, q->up_jn, text, len, &q->toks, &q->sents, &q->par, err);
		q->up_js = NULL;
		if (rc < 0)
			return -1;
		q->upstream = rc == 0;
	} else {
		q->upstream = 0;
	}
	qt_prepare(q);
	qt_load_mentions(q, entities);
	qt_find_spans(q);
	qt_direct_quotes(q);
	qt_indirect_and_mixed(q);
	qt_according_sources(q);
	qt_questions(q);
	qt_resolve(q);
	write_quotes(q, out);
	for (size_t x = 0; x < q->na; x++)
		free((char *)q->at[x].canon);
	return 0;
}

void af_quoter_use_sentences(struct af_quoter *q, const char *js, size_t jn)
{
	q->up_js = jn ? js : NULL;
	q->up_jn = jn;
}

json_t *af_quotes_find(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                       struct af_error *err)
{
	struct af_buf b = {0};
	if (af_quotes_write(q, text, len, entities, &b, err) < 0) {
		af_buf_free(&b);
		return NULL;
	}
	json_error_t jerr;
	json_t *v = json_loadb(b.p, b.len, 0, &jerr);
	af_buf_free(&b);
	if (!v)
		af_error_set(err, "quotes: %s", jerr.text);
	return v;
}
