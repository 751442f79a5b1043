/* events_sides.c - sides af-entities found that no dictionary phrase codes: persons and
 * organisations written with actor null, and acronyms coded by the name the text gave them
 * (events_actors.c builds the chunks). */
#include "events_coder.h"
#include "evdict_int.h"

#include <string.h>

int ev_named_side(const struct af_coder *c, int k, const char *code)
{
	if (code && code[0])
		return 1;
	return c->news && k >= 0 && c->ch[k].named && !c->ch[k].pron && !c->ch[k].code[0];
}

int ev_document(const struct af_coder *c, size_t ta, size_t tb)
{
	if (ta >= tb || c->t[tb - 1].id < 0)
		return 0;
	return (ev_bits(c->d->wflag, c->d->wflagcap, c->t[tb - 1].id) & EV_WF_DOCUMENT) != 0;
}

/* Token i's text is the n bytes at s. */
static int tok_is(const struct af_coder *c, size_t i, const char *s, size_t n)
{
	const struct af_token *t = &c->toks.v[i];
	return t->end - t->start == n && !memcmp(c->text + t->start, s, n);
}

/* The initials of the capitalised words of tokens [a, b) ("Iranian Red Crescent Society"
 * IRCS; "of", "and", "the" have none), in out (cap bytes); 0 when too many. */
static int initials(const struct af_coder *c, size_t a, size_t b, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++) {
		const struct af_token *t = &c->toks.v[i];
		if (t->kind != AF_TOK_WORD || !(t->flags & AF_TF_CAP) || (t->flags & AF_TF_CLITIC))
			continue;
		if (n + 1 >= cap)
			return 0;
		out[n++] = c->text[t->start];
	}
	out[n] = 0;
	return n > 0;
}

void ev_acronym_code(struct af_coder *c, struct chunk *ch)
{
	/* one word of 2 to 8 capitals */
	if (ch->b != ch->a + 1)
		return;
	const struct af_token *t = &c->toks.v[ch->a];
	size_t n = t->end - t->start;
	const char *w = c->text + t->start;
	if (n < 2 || n > 8 || t->kind != AF_TOK_WORD)
		return;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return;
	/* its definition before it: a coded chunk, at most three uncoded capitalised words, then
	 * "(" ACRONYM ")", the chunk's words and those giving the acronym's letters */
	for (size_t k = ch->a; k-- > 1;) {
		if (k + 2 >= c->toks.n || !tok_is(c, k, "(", 1) || !tok_is(c, k + 1, w, n) || !tok_is(c, k + 2, ")", 1))
			continue;
		size_t j = k;
		while (j > 0 && k - j < 3 && c->t[j - 1].chunk < 0 && (c->toks.v[j - 1].flags & AF_TF_CAP))
			j--;
		int ci = j > 0 ? c->t[j - 1].chunk : -1;
		char ini[16];
		if (ci < 0 || !ev_real_code(c->ch[ci].code) || c->ch[ci].person ||
		    !initials(c, ev_chunk_text_start(c, &c->ch[ci], 0), k, ini, sizeof ini) || strlen(ini) != n ||
		    memcmp(ini, w, n))
			return;
		snprintf(ch->code, sizeof ch->code, "%s", c->ch[ci].code);
		snprintf(ch->base, sizeof ch->base, "%s", c->ch[ci].base);
		return;
	}
}
