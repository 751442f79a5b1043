/* sentences.c - the sentence splitter over the tokenizer's tokens (rules in docs/text.md). */
#include "af/text.h"
#include "af/util.h"
#include "text_int.h"

#include <stdlib.h>

static int is_terminal(const unsigned char *s, const struct af_token *t)
{
	if (t->kind != AF_TOK_PUNCT)
		return 0;
	unsigned char c = s[t->start];
	if (c == '.' || c == '!' || c == '?')
		return 1;
	uint32_t cp;
	dec(s, t->end, t->start, &cp);
	return cp == 0x2026 || cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x3002 || cp == 0xFF01 ||
	       cp == 0xFF1F || cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

/* Closing quotes and brackets that stay with the sentence before them. */
static int is_closer(const unsigned char *s, const struct af_token *t)
{
	if (t->kind == AF_TOK_QUOTE_CLOSE || t->kind == AF_TOK_QUOTE)
		return 1;
	if (t->kind != AF_TOK_PUNCT)
		return 0;
	unsigned char c = s[t->start];
	return c == ')' || c == ']' || c == '}';
}

static int starts_lower(const unsigned char *s, const struct af_token *t)
{
	if (t->kind != AF_TOK_WORD && t->kind != AF_TOK_HANDLE && t->kind != AF_TOK_HASHTAG &&
	    t->kind != AF_TOK_URL && t->kind != AF_TOK_EMAIL)
		return 0;
	if (t->kind != AF_TOK_WORD)
		return t->kind != AF_TOK_HASHTAG && t->kind != AF_TOK_HANDLE;
	uint32_t cp;
	dec(s, t->end, t->start, &cp);
	return (cls_of(cp) & K_LOWER) != 0;
}

/* A line break before token i ends the sentence, unless the text is wrapped prose. */
static int breaks_before(const unsigned char *s, const struct af_token *v, size_t i)
{
	const struct af_token *t = &v[i], *p = &v[i - 1];
	if (t->flags & AF_TF_PARA)
		return 1;
	if (!(t->flags & AF_TF_NEWLINE))
		return 0;
	if (starts_lower(s, t) || p->kind == AF_TOK_QUOTE_OPEN || (p->flags & AF_TF_TITLE))
		return 0;
	if (p->kind == AF_TOK_PUNCT) {
		uint32_t cp;
		dec(s, p->end, p->start, &cp);
		if (cp == ',' || cp == '(' || cp == '[' || cp == '-' || cp == 0x2013 || cp == 0x2014)
			return 0;
	}
	return 1;
}

/* If a sentence ends with token i (or the closers after it), the index after its last token. */
static size_t ends_after(const unsigned char *s, const struct af_token *v, size_t nt, size_t i)
{
	const struct af_token *t = &v[i];
	int term = is_terminal(s, t);
	if (!term && !(t->flags & AF_TF_ABBREV))
		return 0;
	size_t j = i + 1;
	while (j < nt && !(v[j].flags & AF_TF_SPACE) && (is_closer(s, &v[j]) || is_terminal(s, &v[j])))
		j++;
	if (j >= nt)
		return j;
	const struct af_token *nx = &v[j];
	if (nx->flags & AF_TF_NEWLINE)
		return j;
	if (starts_lower(s, nx))
		return 0;
	if (nx->kind == AF_TOK_PUNCT) {
		unsigned char c = s[nx->start];
		if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']')
			return 0;
	}
	if (term || j > i + 1)
		return j;
	/* an abbreviation: does it end the sentence as well? */
	if (t->flags & AF_TF_TITLE)
		return 0;
	if (nx->kind == AF_TOK_NUMBER)
		return 0;
	if (nx->kind == AF_TOK_QUOTE_OPEN)
		return j;
	if (nx->kind == AF_TOK_WORD && (nx->flags & AF_TF_CAP) &&
	    (af_text_abbrev((const char *)s + nx->start, nx->end - nx->start) & AB_STARTER))
		return j;
	return 0;
}

static void push_sentence(struct af_sentences *out, const struct af_token *v, size_t a, size_t b)
{
	if (out->n == out->cap)
		out->v = af_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct af_sentence *x = &out->v[out->n++];
	x->tok_start = a;
	x->tok_end = b;
	x->start = v[a].start;
	x->end = v[b - 1].end;
	x->cstart = v[a].cstart;
	x->cend = v[b - 1].cend;
}

int af_sentences(const char *str, size_t n, const struct af_tokens *toks, struct af_sentences *out,
                 struct af_error *err)
{
	(void)n;
	if (af_text_init(err) < 0)
		return -1;
	const unsigned char *s = (const unsigned char *)str;
	const struct af_token *v = toks->v;
	size_t nt = toks->n, start = 0, i = 0;
	out->n = 0;
	while (i < nt) {
		if (i > start && breaks_before(s, v, i)) {
			push_sentence(out, v, start, i);
			start = i;
		}
		size_t e = ends_after(s, v, nt, i);
		if (e) {
			push_sentence(out, v, start, e);
			start = i = e;
		} else {
			i++;
		}
	}
	if (start < nt)
		push_sentence(out, v, start, nt);
	return 0;
}

void af_sentences_free(struct af_sentences *ss)
{
	free(ss->v);
	ss->v = NULL;
	ss->n = ss->cap = 0;
}
