/* evdict_petrarch.c - verb pattern files: PETRARCH-2's (CAMEO.2.0: synsets, "--- VERB [CODE]
 * ---" blocks, "- PRE * POST [CODE]" patterns, transformations) and the PETRARCH-1/TABARI-era
 * quirks in the same syntax (docs/dictionaries.md). The verb-block builders are shared with the
 * YAML reader. Every mistake is an error "file:line: what is wrong". */
#include "evdict_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- verbs ---- */

static int valid_code(const char *s, size_t n)
{
	if (n == 0 || n >= 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || strchr("-+#?!", s[i])))
			return 0;
	return 1;
}

/* "[ddd]", "[ddd:ddd]", "[:ddd]", "[---]" -> code, pcode. */
static int verb_code(struct ev_rd *r, const char *s, size_t n, char *code, char *pcode)
{
	code[0] = pcode[0] = 0;
	const char *colon = memchr(s, ':', n);
	size_t an = colon ? (size_t)(colon - s) : n;
	while (an > 0 && isspace((unsigned char)s[an - 1]))
		an--;
	size_t b = 0;
	while (b < an && isspace((unsigned char)s[b]))
		b++;
	if (an > b && !valid_code(s + b, an - b))
		return ev_rd_err(r, "bad event code [%.*s]", (int)n, s);
	if (an == b && !colon)
		return ev_rd_err(r, "empty event code []");
	memcpy(code, s + b, an - b);
	code[an - b] = 0;
	if (colon) {
		const char *p = colon + 1;
		size_t pn = n - (size_t)(p - s);
		while (pn > 0 && isspace((unsigned char)*p))
			p++, pn--;
		while (pn > 0 && isspace((unsigned char)p[pn - 1]))
			pn--;
		if (!valid_code(p, pn))
			return ev_rd_err(r, "bad passive code in [%.*s]", (int)n, s);
		memcpy(pcode, p, pn);
		pcode[pn] = 0;
	}
	return 0;
}

void ev_add_form(struct af_evdict *d, int verb, int kind, const int *words, int nwords, int head)
{
	int hw = words[head];
	if ((size_t)hw >= d->formheadcap) {
		size_t old = d->formheadcap;
		d->formhead = af_grow(d->formhead, &d->formheadcap, (size_t)hw + 1, sizeof *d->formhead);
		for (size_t i = old; i < d->formheadcap; i++)
			d->formhead[i] = -1;
	}
	/* skip an identical form of the same verb */
	for (int f = d->formhead[hw]; f >= 0; f = d->forms[f].next)
		if (d->forms[f].verb == verb && d->forms[f].nwords == nwords &&
		    !memcmp(d->forms[f].heads, words, (size_t)nwords * sizeof *words))
			return;
	d->forms = af_grow(d->forms, &d->formcap, d->nforms + 1, sizeof *d->forms);
	struct ev_form *f = &d->forms[d->nforms];
	memset(f, 0, sizeof *f);
	f->verb = verb;
	f->kind = kind;
	memcpy(f->heads, words, (size_t)nwords * sizeof *words);
	f->nwords = nwords;
	f->head = head;
	f->next = d->formhead[hw];
	d->formhead[hw] = (int)d->nforms++;
}

static int is_vowel(char c)
{
	return strchr("AEIOU", c) != NULL;
}

/* Regular forms of an upper-case verb. */
static void regular_forms(const char *w, char out[][64], int *kinds, int *n)
{
	size_t L = strlen(w);
	*n = 0;
	if (L == 0 || L > 50)
		return;
	char last = w[L - 1], prev = L > 1 ? w[L - 2] : 0;
	/* -S */
	if (last == 'Y' && !is_vowel(prev))
		snprintf(out[*n], 64, "%.*sIES", (int)(L - 1), w);
	else if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
	         (last == 'H' && (prev == 'C' || prev == 'S')))
		snprintf(out[*n], 64, "%sES", w);
	else
		snprintf(out[*n], 64, "%sS", w);
	kinds[(*n)++] = VF_S;
	/* -ED */
	if (last == 'E')
		snprintf(out[*n], 64, "%sD", w);
	else if (last == 'Y' && !is_vowel(prev))
		snprintf(out[*n], 64, "%.*sIED", (int)(L - 1), w);
	else
		snprintf(out[*n], 64, "%sED", w);
	kinds[(*n)++] = VF_ED;
	/* -ING */
	if (last == 'E' && prev != 'E' && L > 2)
		snprintf(out[*n], 64, "%.*sING", (int)(L - 1), w);
	else
		snprintf(out[*n], 64, "%sING", w);
	kinds[(*n)++] = VF_ING;
	/* consonant doubling: STOP -> STOPPED, STOPPING (both spellings kept) */
	if (L >= 3 && !is_vowel(last) && last != 'W' && last != 'X' && last != 'Y' && is_vowel(prev) &&
	    !is_vowel(w[L - 3])) {
		snprintf(out[*n], 64, "%s%cED", w, last);
		kinds[(*n)++] = VF_ED;
		snprintf(out[*n], 64, "%s%cING", w, last);
		kinds[(*n)++] = VF_ING;
	}
}

/* A verb word spec "A_+B_C" -> ids, head index. */
static int verb_words(struct af_evdict *d, const char *s, size_t n, int *ids, int *head)
{
	int k = 0;
	*head = -1;
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == '_' || isspace((unsigned char)s[i])))
			i++;
		if (i >= n)
			break;
		int plus = s[i] == '+';
		if (plus)
			i++;
		size_t b = i;
		while (i < n && s[i] != '_' && !isspace((unsigned char)s[i]))
			i++;
		if (i == b || k == 6)
			return -1;
		if (plus)
			*head = k;
		ids[k++] = ev_wtab_add(&d->w, s + b, i - b);
	}
	if (*head < 0)
		*head = 0;
	return k;
}

int ev_add_verb_line(struct ev_rd *r, struct af_evdict *d, int block, const char *s)
{
	/* "VERB {FORMS} [CODE]", or "VERB [CODE] {FORMS}" as some TABARI-era lines have it */
	const char *brace = strchr(s, '{'), *br = strchr(s, '[');
	const char *end = brace && (!br || brace < br) ? brace : br ? br : s + strlen(s);
	struct ev_verb v = {.block = block};
	int k = verb_words(d, s, (size_t)(end - s), v.words, &v.head);
	if (k <= 0)
		return ev_rd_err(r, "bad verb '%s' (1 to 6 words, '+' marking the inflected one)", s);
	v.nwords = k;
	if (br) {
		const char *cb = strchr(br, ']');
		if (!cb)
			return ev_rd_err(r, "missing ']' in %s", s);
		if (verb_code(r, br + 1, (size_t)(cb - br - 1), v.code, v.pcode) < 0)
			return -1;
		const char *rest = cb + 1;
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest && rest != brace)
			return ev_rd_err(r, "unexpected text after the code: %s", rest);
	}
	d->verbs = af_grow(d->verbs, &d->verbcap, d->nverbs + 1, sizeof *d->verbs);
	int vi = (int)d->nverbs;
	d->verbs[d->nverbs++] = v;
	ev_add_form(d, vi, VF_BASE, v.words, v.nwords, v.head);
	if (brace) {
		const char *ce = strchr(brace, '}');
		if (!ce || (br && br > brace && ce > br))
			return ev_rd_err(r, "missing '}' in %s", s);
		const char *after = ce + 1;
		while (isspace((unsigned char)*after))
			after++;
		if (*after && after != br && *after != ';') /* ";shan 8/30/93": a TABARI comment */
			return ev_rd_err(r, "unexpected text after the verb forms: %s", after);
		const char *p = brace + 1;
		while (p < ce) {
			while (p < ce && (isspace((unsigned char)*p) || *p == ','))
				p++;
			const char *b = p;
			while (p < ce && !isspace((unsigned char)*p) && *p != ',')
				p++;
			if (p == b)
				break;
			int ids[6], head;
			int fk = verb_words(d, b, (size_t)(p - b), ids, &head);
			if (fk <= 0)
				return ev_rd_err(r, "bad verb form '%.*s'", (int)(p - b), b);
			if (fk != v.nwords)
				return ev_rd_err(r, "verb form '%.*s' has %d words, the verb %d", (int)(p - b), b, fk,
				              v.nwords);
			const char *fw = d->w.words[ids[head]];
			size_t fl = strlen(fw);
			int kind = fl > 3 && !strcmp(fw + fl - 3, "ING") ? VF_ING : VF_IRR;
			ev_add_form(d, vi, kind, ids, fk, head);
		}
	} else {
		char forms[8][64];
		int kinds[8], nf;
		regular_forms(d->w.words[v.words[v.head]], forms, kinds, &nf);
		for (int i = 0; i < nf; i++) {
			int ids[6];
			memcpy(ids, v.words, sizeof ids);
			ids[v.head] = ev_wtab_add(&d->w, forms[i], strlen(forms[i]));
			ev_add_form(d, vi, kinds[i], ids, v.nwords, v.head);
		}
	}
	return 0;
}

/* One element w (pn bytes) of a pattern into e: 0 when it is one, 1 when it adds nothing. */
static int pattern_elem(struct ev_rd *r, struct af_evdict *d, struct ev_pattern *p,
                        struct ev_pelem *e, const char *w, size_t pn)
{
	if (pn == 1 && w[0] == '*') {
		if (p->verbpos >= 0) {
			/* TABARI-era files have a few patterns with a second '*' ("- * COMMIT *
			 * AID"); TABARI reads the first as the verb and matches the rest as
			 * words in order with gaps between them, so a further '*' is a gap:
			 * it adds nothing (docs/dictionaries.md) */
			if (p->nel > 0)
				p->el[p->nel - 1].glue = 0;
			return 1;
		}
		e->kind = PE_VERB;
		p->verbpos = (int)p->nel;
	} else if (pn == 1 && w[0] == '$') {
		e->kind = PE_SOURCE;
	} else if (pn == 1 && w[0] == '+') {
		e->kind = PE_TARGET;
	} else if (pn == 1 && w[0] == '%') {
		e->kind = PE_COMPOUND;
	} else if (pn == 1 && w[0] == '^') {
		e->kind = PE_SKIP;
	} else if (w[0] == '&') {
		if (pn < 2)
			return ev_rd_err(r, "empty synset name '&'");
		e->kind = PE_SYN;
		e->syn = ev_new_synset(d, w + 1, pn - 1, r->file);
		p->score += 2;
	} else {
		for (size_t j = 0; j < pn; j++)
			if (strchr("[]{}*$%^&", w[j]) || (w[j] == '+' && pn > 1))
				return ev_rd_err(r, "bad word '%.*s' in pattern", (int)pn, w);
		e->kind = PE_WORD;
		e->word = ev_wtab_add(&d->w, w, pn);
		/* a literal word matches itself only: PETRARCH adds plurals to synset
		 * members, not to pattern words ("- * EFFORT" is not "efforts"; the
		 * validation suite relies on it) */
		p->score += 2;
	}
	return 0;
}

/* Parses a pattern "PRE * POST" (the text between '-' and '[') into p. */
static int parse_pattern(struct ev_rd *r, struct af_evdict *d, const char *s, size_t n, struct ev_pattern *p)
{
	char buf[1024];
	if (n >= sizeof buf)
		return ev_rd_err(r, "pattern too long");
	/* groups {..} (..) become plain word sequences */
	for (size_t i = 0; i < n; i++)
		buf[i] = strchr("{}()", s[i]) ? ' ' : s[i];
	buf[n] = 0;
	size_t cap = 0;
	p->el = NULL;
	p->nel = 0;
	p->verbpos = -1;
	char *q = buf;
	while (*q) {
		while (isspace((unsigned char)*q))
			q++;
		if (!*q)
			break;
		char *tok = q;
		while (*q && !isspace((unsigned char)*q))
			q++;
		size_t tn = (size_t)(q - tok);
		/* split on '_' */
		size_t i = 0;
		while (i < tn) {
			size_t b = i;
			while (i < tn && tok[i] != '_')
				i++;
			size_t pn = i - b;
			int us = i < tn; /* an '_' follows */
			if (us)
				i++;
			if (pn == 0) {
				/* "_X": glue to the previous element */
				if (p->nel > 0)
					p->el[p->nel - 1].glue = 1;
				continue;
			}
			p->el = af_grow(p->el, &cap, p->nel + 1, sizeof *p->el);
			struct ev_pelem *e = &p->el[p->nel];
			memset(e, 0, sizeof *e);
			e->plural[0] = e->plural[1] = e->plural[2] = -1;
			e->glue = us && i < tn;
			const char *w = tok + b;
			if (pn > 1 && strchr("$+%^", w[0]) && w[1] == '-') {
				/* TABARI "+-SPONSORED": the actor, then the glued word "-SPONSORED" */
				e->kind = w[0] == '$' ? PE_SOURCE : w[0] == '+' ? PE_TARGET : w[0] == '%' ? PE_COMPOUND : PE_SKIP;
				e->glue = 1;
				p->nel++;
				p->el = af_grow(p->el, &cap, p->nel + 1, sizeof *p->el);
				e = &p->el[p->nel];
				memset(e, 0, sizeof *e);
				e->plural[0] = e->plural[1] = e->plural[2] = -1;
				e->glue = us && i < tn;
				w++;
				pn--;
			}
			int k = pattern_elem(r, d, p, e, w, pn);
			if (k < 0)
				return -1;
			if (k > 0)
				continue;
			p->nel++;
		}
	}
	if (p->verbpos < 0) {
		/* "- TIVILIAN [202]" (TABARI-era): words only, read as following the verb */
		if (p->nel == 0)
			return ev_rd_err(r, "empty pattern (want - WORDS * WORDS [CODE])");
		p->el = af_reallocarray(p->el, p->nel + 1, sizeof *p->el);
		memmove(p->el + 1, p->el, p->nel * sizeof *p->el);
		memset(&p->el[0], 0, sizeof p->el[0]);
		p->el[0].kind = PE_VERB;
		p->el[0].plural[0] = p->el[0].plural[1] = p->el[0].plural[2] = -1;
		p->verbpos = 0;
		p->nel++;
	}
	for (size_t i = 0; i < p->nel; i++)
		if (p->el[i].kind != PE_WORD && p->el[i].kind != PE_SYN && p->el[i].kind != PE_VERB)
			p->score += 1;
	return 0;
}

int ev_block_header(struct ev_rd *r, struct af_evdict *d, const char *s)
{
	const char *p = s;
	while (*p == '-')
		p++;
	const char *br = strchr(p, '[');
	if (!br) {
		/* "--- DEFEND  ###" (TABARI-era files): a block with no code of its own, as [---],
		 * when what follows the dashes is a single name */
		const char *q = p;
		while (isspace((unsigned char)*q))
			q++;
		const char *nb = q;
		while (*q && !isspace((unsigned char)*q) && *q != '-')
			q++;
		const char *ne = q;
		while (isspace((unsigned char)*q) || *q == '-')
			q++;
		if (ne == nb || *q)
			return ev_rd_err(r, "verb block header without a code: %s (want --- VERB [CODE] ---)", s);
		d->blocks = af_grow(d->blocks, &d->blockcap, d->nblocks + 1, sizeof *d->blocks);
		struct ev_block *b = &d->blocks[d->nblocks];
		memset(b, 0, sizeof *b);
		snprintf(b->name, sizeof b->name, "%.*s", (int)(ne - nb), nb);
		b->pat0 = d->npats;
		b->order = d->order;
		d->nblocks++;
		return 0;
	}
	const char *cb = strchr(br, ']');
	if (!cb)
		return ev_rd_err(r, "missing ']' in %s", s);
	const char *e = cb + 1;
	while (*e && (isspace((unsigned char)*e) || *e == '['))
		if (*e == '[') { /* a second [code] (a legacy quirk): skipped */
			const char *c2 = strchr(e, ']');
			if (!c2)
				return ev_rd_err(r, "missing ']' in %s", s);
			e = c2 + 1;
		} else
			e++;
	if (*e && strncmp(e, "---", 3))
		return ev_rd_err(r, "unexpected text after the code in a verb block header: %s", s);
	d->blocks = af_grow(d->blocks, &d->blockcap, d->nblocks + 1, sizeof *d->blocks);
	struct ev_block *b = &d->blocks[d->nblocks];
	memset(b, 0, sizeof *b);
	size_t nn = (size_t)(br - p);
	while (nn > 0 && isspace((unsigned char)*p))
		p++, nn--;
	while (nn > 0 && isspace((unsigned char)p[nn - 1]))
		nn--;
	if (nn == 0)
		return ev_rd_err(r, "verb block header without a name: %s", s);
	snprintf(b->name, sizeof b->name, "%.*s", (int)nn, p);
	if (verb_code(r, br + 1, (size_t)(cb - br - 1), b->code, b->pcode) < 0)
		return -1;
	b->pat0 = d->npats;
	b->order = d->order;
	d->nblocks++;
	return 0;
}

int ev_pattern_line(struct ev_rd *r, struct af_evdict *d, int block, const char *s)
{
	const char *br = strrchr(s, '[');
	struct ev_pattern p = {0};
	if (!br) {
		/* no [CODE]: TABARI codes such a pattern with its verb's code (docs/dictionaries.md) */
		if (strchr(s, ']'))
			return ev_rd_err(r, "']' without '[' in %s", s);
		memcpy(p.code, d->blocks[block].code, sizeof p.code);
		memcpy(p.pcode, d->blocks[block].pcode, sizeof p.pcode);
		br = s + strlen(s);
	} else {
		const char *cb = strchr(br, ']');
		if (!cb)
			return ev_rd_err(r, "missing ']' in %s", s);
		const char *rest = cb + 1;
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest)
			return ev_rd_err(r, "unexpected text after the code: %s", rest);
		if (verb_code(r, br + 1, (size_t)(cb - br - 1), p.code, p.pcode) < 0)
			return -1;
	}
	const char *b = s + 1;
	if (parse_pattern(r, d, b, (size_t)(br - b), &p) < 0) {
		free(p.el);
		return -1;
	}
	struct ev_block *bl = &d->blocks[block];
	if (bl->pat0 + bl->npat != d->npats) {
		free(p.el);
		return ev_rd_err(r, "patterns of block %s are not contiguous", bl->name);
	}
	p.line = r->line;
	p.file = r->file;
	d->pats = af_grow(d->pats, &d->patcap, d->npats + 1, sizeof *d->pats);
	d->pats[d->npats++] = p;
	bl->npat++;
	return 0;
}

int af_evdict_load_verbs(struct af_evdict *d, const char *buf, size_t len, const char *file,
                         struct af_error *err)
{
	struct ev_rd r;
	if (ev_rd_begin_verbs(&r, d, buf, len, file, err) < 0)
		return -1;
	file = r.file;
	int block = -1, syn = -1, rc = 0, transforms = 0;
	while (ev_rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		if (!strncmp(s, "####", 4)) {
			if (strstr(s, "TRANSFORMATIONS"))
				transforms = 1;
			continue;
		}
		if (s[0] == '~') {
			if (!strchr(s, '=')) {
				rc = ev_rd_err(&r, "transformation without '=': %s", s);
				break;
			}
			d->ntransforms++;
			continue;
		}
		if (transforms) {
			rc = ev_rd_err(&r, "only '~' transformation lines may follow the TRANSFORMATIONS marker: %s", s);
			break;
		}
		if (!strncmp(s, "---", 3)) {
			if ((rc = ev_block_header(&r, d, s)) < 0)
				break;
			block = (int)d->nblocks - 1;
			syn = -1;
			continue;
		}
		if (s[0] == '&') {
			size_t n = strcspn(s + 1, " \t");
			if (!n) {
				rc = ev_rd_err(&r, "empty synset name '&'");
				break;
			}
			size_t nn = n;
			while (nn > 1 && s[nn] == '_')
				nn--;
			syn = ev_new_synset(d, s + 1, nn, file);
			d->syns[syn].noplural = nn < n;
			if (d->syns[syn].nraw) {
				rc = ev_rd_err(&r, "synset &%.*s defined twice", (int)n, s + 1);
				break;
			}
			const char *rest = s + 1 + n;
			while (isspace((unsigned char)*rest))
				rest++;
			if (*rest) {
				rc = ev_rd_err(&r, "unexpected text after the synset name: %s", rest);
				break;
			}
			d->syns[syn].file = file;
			block = -1;
			continue;
		}
		if (s[0] == '-') {
			if (block < 0) {
				rc = ev_rd_err(&r, "pattern outside a verb block (no '--- VERB [CODE] ---' before it)");
				break;
			}
			if ((rc = ev_pattern_line(&r, d, block, s)) < 0)
				break;
			continue;
		}
		if (s[0] == '+' && syn >= 0) {
			const char *m = s + 1;
			if (!*m || strpbrk(m, "[]")) {
				rc = ev_rd_err(&r, "bad synset member '%s'", s);
				break;
			}
			ev_syn_add_raw(&d->syns[syn], m, r.line);
			continue;
		}
		if (block < 0) {
			rc = ev_rd_err(&r, "verb '%s' outside a verb block", s);
			break;
		}
		if (strchr(s, ']') && !strchr(s, '[')) {
			rc = ev_rd_err(&r, "']' without '[': %s", s);
			break;
		}
		if ((rc = ev_add_verb_line(&r, d, block, s)) < 0)
			break;
	}
	if (!rc && r.failed)
		rc = -1;
	free(r.s);
	if (!rc)
		rc = ev_resolve_all(d, err);
	return rc;
}
