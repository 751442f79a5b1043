/* syntax_json.c - the "sentences" field of the syntax layer (af-parse's record contract,
 * docs/af.7): af_parse_write writes a parse as JSON, af_parse_read fills a parse from an
 * upstream field (af/syntax.h). The clauses themselves are found in lib/clause.c. */
#include "af/syntax.h"
#include "af/record.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *tense_name(enum af_tense t)
{
	static const char *const names[] = {"none", "present", "past", "future"};
	return (unsigned)t < 4 ? names[t] : "none";
}

static void w_key(struct af_buf *o, const char *k)
{
	af_buf_addc(o, '"');
	af_buf_adds(o, k);
	af_buf_adds(o, "\":");
}

static void w_int(struct af_buf *o, const char *k, long long v)
{
	w_key(o, k);
	af_json_int(o, v);
}

static void w_span(struct af_buf *o, const char *text, const struct af_tokens *toks, size_t a, size_t b)
{
	w_key(o, "text");
	af_json_string(o, text + toks->v[a].start, toks->v[b - 1].end - toks->v[a].start);
	af_buf_addc(o, ',');
	w_int(o, "start", (long long)toks->v[a].cstart);
	af_buf_addc(o, ',');
	w_int(o, "end", (long long)toks->v[b - 1].cend);
}

static void w_np(struct af_buf *o, const struct af_parse *p, const char *text, const struct af_tokens *toks, size_t s0,
                 int32_t x)
{
	const struct af_syn_np *np = &p->np[x];
	af_buf_addc(o, '{');
	w_span(o, text, toks, np->start, np->end);
	af_buf_addc(o, ',');
	w_int(o, "head", (long long)(np->head - s0));
	if (np->list >= 0) {
		af_buf_addc(o, ',');
		w_int(o, "list", np->list);
	}
	af_buf_addc(o, '}');
}

/* v in decimal at o; the end */
static char *put_uint(char *o, size_t v)
{
	char tmp[24], *t = tmp + sizeof tmp;
	do
		*--t = (char)('0' + v % 10);
	while (v /= 10);
	size_t l = (size_t)(tmp + sizeof tmp - t);
	memcpy(o, t, l);
	return o + l;
}

static char *put_str(char *o, const char *s)
{
	size_t l = strlen(s);
	memcpy(o, s, l);
	return o + l;
}

/* One token's object, as the general path below writes it, in one go when its tag and lemma
 * need no escaping (all but a few): the writer is a good part of af-parse's time. */
static void w_token(struct af_buf *out, const struct af_parse *p, const struct af_tokens *toks, size_t i)
{
	const struct af_syn_tok *t = &p->tok[i];
	const char *lemma = p->lemmas.p + t->lemma, *tag = af_pos_name(t->tag);
	size_t ll = t->lemma_len, k = 0;
	while (k < ll && lemma[k] != '"' && lemma[k] != '\\' && (unsigned char)lemma[k] >= 0x20)
		k++;
	if (k < ll || t->tag == AF_POS_QUOTE) {
		af_buf_addc(out, '{');
		w_int(out, "start", (long long)toks->v[i].cstart);
		af_buf_addc(out, ',');
		w_int(out, "end", (long long)toks->v[i].cend);
		af_buf_adds(out, ",\"tag\":");
		af_json_string(out, tag, strlen(tag));
		af_buf_adds(out, ",\"lemma\":");
		af_json_string(out, lemma, ll);
		af_buf_adds(out, ",\"chunk\":\"");
		if (t->chunk == AF_CH_O)
			af_buf_addc(out, 'O');
		else {
			af_buf_adds(out, t->begin ? "B-" : "I-");
			af_buf_adds(out, af_chunk_name(t->chunk));
		}
		af_buf_adds(out, "\"}");
		return;
	}
	af_buf_grow(out, ll + 128);
	char *o = out->p + out->len;
	o = put_str(o, "{\"start\":");
	o = put_uint(o, toks->v[i].cstart);
	o = put_str(o, ",\"end\":");
	o = put_uint(o, toks->v[i].cend);
	o = put_str(o, ",\"tag\":\"");
	o = put_str(o, tag);
	o = put_str(o, "\",\"lemma\":\"");
	memcpy(o, lemma, ll);
	o += ll;
	o = put_str(o, "\",\"chunk\":\"");
	if (t->chunk == AF_CH_O)
		*o++ = 'O';
	else {
		o = put_str(o, t->begin ? "B-" : "I-");
		o = put_str(o, af_chunk_name(t->chunk));
	}
	o = put_str(o, "\"}");
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

void af_parse_write(const struct af_parse *p, const char *text, const struct af_tokens *toks,
                    const struct af_sentences *sents, struct af_buf *out)
{
	af_buf_addc(out, '[');
	size_t ci = 0;
	for (size_t s = 0; s < sents->n; s++) {
		const struct af_sentence *se = &sents->v[s];
		if (s)
			af_buf_addc(out, ',');
		af_buf_addc(out, '{');
		w_int(out, "start", (long long)se->cstart);
		af_buf_addc(out, ',');
		w_int(out, "end", (long long)se->cend);
		af_buf_adds(out, ",\"tokens\":[");
		for (size_t i = se->tok_start; i < se->tok_end && i < p->ntok; i++) {
			if (i > se->tok_start)
				af_buf_addc(out, ',');
			w_token(out, p, toks, i);
		}
		af_buf_adds(out, "],\"clauses\":[");
		size_t first = ci;
		while (ci < p->ncl && p->cl[ci].sent < s)
			ci++;
		first = ci;
		for (; ci < p->ncl && p->cl[ci].sent == s; ci++) {
			const struct af_clause *c = &p->cl[ci];
			const struct af_syn_vg *v = &c->verb;
			if (ci > first)
				af_buf_addc(out, ',');
			af_buf_adds(out, "{\"kind\":\"");
			af_buf_adds(out, af_clause_kind_name(c->kind));
			af_buf_adds(out, "\",");
			w_span(out, text, toks, c->start, c->end);
			af_buf_adds(out, ",\"verb\":{");
			w_span(out, text, toks, v->start, v->end);
			af_buf_addc(out, ',');
			w_int(out, "head", (long long)(v->head - se->tok_start));
			af_buf_adds(out, ",\"lemma\":");
			af_json_string(out, p->lemmas.p + p->tok[v->head].lemma, p->tok[v->head].lemma_len);
			af_buf_adds(out, ",\"tense\":\"");
			af_buf_adds(out, tense_name(v->tense));
			af_buf_adds(out, "\",\"voice\":\"");
			af_buf_adds(out, v->flags & AF_VG_PASSIVE ? "passive" : "active");
			af_buf_addc(out, '"');
			if (v->modal != SIZE_MAX) {
				af_buf_adds(out, ",\"modal\":");
				af_json_string(out, p->lemmas.p + p->tok[v->modal].lemma, p->tok[v->modal].lemma_len);
			}
			static const struct {
				unsigned f;
				const char *name;
			} fl[] = {{AF_VG_NEG, "negated"}, {AF_VG_QUESTION, "question"}, {AF_VG_PERFECT, "perfect"},
			          {AF_VG_PROGRESSIVE, "progressive"}, {AF_VG_INFINITIVE, "infinitive"},
			          {AF_VG_PARTICIPLE, "participle"}, {AF_VG_COPULA, "copula"}};
			for (size_t k = 0; k < sizeof fl / sizeof fl[0]; k++)
				if (v->flags & fl[k].f) {
					af_buf_adds(out, ",\"");
					af_buf_adds(out, fl[k].name);
					af_buf_adds(out, "\":true");
				}
			af_buf_addc(out, '}');
			if (c->parent >= 0) {
				af_buf_addc(out, ',');
				w_int(out, "parent", (long long)c->parent - (long long)first);
			}
			if (c->marker != SIZE_MAX) {
				af_buf_adds(out, ",\"marker\":");
				af_json_string(out, text + toks->v[c->marker].start, toks->v[c->marker].end - toks->v[c->marker].start);
			}
			if (c->subj >= 0) {
				af_buf_adds(out, ",\"subject\":");
				w_np(out, p, text, toks, se->tok_start, c->subj);
				if (c->subj_inherited)
					af_buf_adds(out, ",\"subject_inherited\":true");
			}
			if (c->antecedent >= 0) {
				af_buf_adds(out, ",\"antecedent\":");
				w_np(out, p, text, toks, se->tok_start, c->antecedent);
			}
			if (c->nobj) {
				af_buf_adds(out, ",\"objects\":[");
				for (size_t k = 0; k < c->nobj; k++) {
					if (k)
						af_buf_addc(out, ',');
					w_np(out, p, text, toks, se->tok_start, p->objs[c->obj_start + k]);
				}
				af_buf_addc(out, ']');
			}
			if (c->npp) {
				af_buf_adds(out, ",\"preps\":[");
				for (size_t k = 0; k < c->npp; k++) {
					const struct af_syn_pp *pp = &p->pps[c->pp_start + k];
					if (k)
						af_buf_addc(out, ',');
					af_buf_adds(out, "{\"prep\":");
					af_json_string(out, p->lemmas.p + p->tok[pp->prep].lemma, p->tok[pp->prep].lemma_len);
					af_buf_adds(out, ",\"np\":");
					w_np(out, p, text, toks, se->tok_start, pp->np);
					af_buf_addc(out, '}');
				}
				af_buf_addc(out, ']');
			}
			if (c->agent >= 0) {
				af_buf_adds(out, ",\"agent\":");
				w_np(out, p, text, toks, se->tok_start, c->agent);
			}
			af_buf_addc(out, '}');
		}
		/* the sentence's appositions */
		af_buf_adds(out, "]}");
	}
	af_buf_addc(out, ']');
}

int af_parse_read(const char *js, size_t jn, const char *text, size_t len, const struct af_tokens *toks,
                  const struct af_sentences *sents, struct af_parse *p, struct af_error *err)
{
	(void)len;
	json_error_t je;
	json_t *root = json_loadb(js, jn, JSON_ALLOW_NUL, &je);
	if (!root) {
		af_error_set(err, "sentences: %s", je.text);
		return -1;
	}
	int rc = 1;
	if (!json_is_array(root) || json_array_size(root) != sents->n)
		goto out;
	if (p->cap_tok < toks->n) {
		size_t c = p->cap_tok ? p->cap_tok : 256;
		while (c < toks->n)
			c *= 2;
		p->tok = af_realloc(p->tok, c * sizeof *p->tok);
		p->cap_tok = c;
	}
	p->ntok = toks->n;
	p->clean = p->nset = 0; /* af_syntax_parse_some clears all the tokens next time */
	af_buf_reset(&p->lemmas);
	for (size_t i = 0; i < toks->n; i++)
		p->tok[i] = (struct af_syn_tok){.tag = AF_POS_SYM, .chunk = AF_CH_O, .np = -1};
	for (size_t s = 0; s < sents->n; s++) {
		json_t *tk = json_object_get(json_array_get(root, s), "tokens");
		size_t a = sents->v[s].tok_start, b = sents->v[s].tok_end;
		if (!json_is_array(tk) || json_array_size(tk) != b - a)
			goto out;
		for (size_t i = a; i < b; i++) {
			json_t *t = json_array_get(tk, i - a);
			json_t *st = json_object_get(t, "start"), *en = json_object_get(t, "end");
			const char *tag = json_string_value(json_object_get(t, "tag"));
			const char *lemma = json_string_value(json_object_get(t, "lemma"));
			const char *chunk = json_string_value(json_object_get(t, "chunk"));
			if (!json_is_integer(st) || !json_is_integer(en) || !tag || !lemma || !chunk ||
			    (size_t)json_integer_value(st) != toks->v[i].cstart || (size_t)json_integer_value(en) != toks->v[i].cend)
				goto out;
			int tc = af_pos_code(tag, strlen(tag));
			int ct = 0, beg = 0;
			if (strcmp(chunk, "O") != 0) {
				if (strlen(chunk) < 3 || (chunk[0] != 'B' && chunk[0] != 'I') || chunk[1] != '-')
					goto out;
				ct = af_chunk_code(chunk + 2, strlen(chunk + 2));
				beg = chunk[0] == 'B';
			}
			if (tc < 0 || ct < 0)
				goto out;
			struct af_syn_tok *o = &p->tok[i];
			o->tag = (uint8_t)tc;
			o->chunk = (uint8_t)ct;
			o->begin = (uint8_t)(beg || (ct && (i == a || p->tok[i - 1].chunk != ct)));
			o->lemma = (uint32_t)p->lemmas.len;
			o->lemma_len = (uint32_t)json_string_length(json_object_get(t, "lemma"));
			af_buf_add(&p->lemmas, lemma, o->lemma_len);
		}
	}
	af_parse_clauses(p, text, toks, sents, NULL);
	rc = 0;
out:
	json_decref(root);
	return rc;
}
