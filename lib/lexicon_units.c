/* lexicon_units.c - a text as the lexicon matches it (lexicon.h): the keys of a word
 * (case and apostrophes folded, af_lex_key) and their looser fold (af_lex_fold), and the
 * units of a text (words, numbers, punctuation) with both, made once per text and kept in
 * a cache of recent words; the tables that hold the gazetteers are lexicon.c. */
#include "lexicon.h"
#include "af/utf8.h"
#include "af/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- keys ---- */

static int apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB ||
	       cp == 0x00B4 || cp == 0x02BF || cp == 0x02BE;
}

void af_lex_key(const char *s, size_t n, struct af_buf *out)
{
	int ascii = 1;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) {
			ascii = 0;
			break;
		}
	if (ascii) {
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if (c == '.' || c == '\'' || c == '`')
				continue;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			af_buf_addc(out, c);
		}
		af_buf_add(out, "", 1);
		return;
	}
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
	                                    UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	if (len < 0) { /* invalid UTF-8: keep the bytes */
		af_buf_add(out, s, n);
		af_buf_add(out, "", 1);
		return;
	}
	const char *p = (const char *)m;
	size_t i = 0;
	while (i < (size_t)len) {
		size_t at = i;
		uint32_t cp = af_utf8_next(p, &i);
		if (cp == '.' || apostrophe(cp))
			continue;
		af_buf_add(out, p + at, i - at);
	}
	free(m);
	af_buf_add(out, "", 1);
}

static int vowel(const char *w, size_t i, size_t n)
{
	char c = w[i];
	if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u')
		return 1;
	if (c != 'y' || i == 0)
		return 0;
	/* y after a consonant and not before a vowel: Karzay, Hekmatyar's y is a consonant */
	char nx = i + 1 < n ? w[i + 1] : 0;
	int nv = nx == 'a' || nx == 'e' || nx == 'i' || nx == 'o' || nx == 'u';
	return !nv;
}

/* The transliteration key: q -> k, ck -> k; h after a vowel and before a vowel or the end
 * dropped (-ullah = -ulla, Zabihullah = Zabiullah); every vowel run becomes 'u' if it holds
 * an o or a u, else 'a' (ee = i = e = a: Nadeem = Nadim, Hekmatyar = Hikmatyar, ai = i);
 * then doubled letters are collapsed (Muttaqi = Mutaqi). */
void af_lex_fold(const char *key, struct af_buf *out)
{
	size_t n = strlen(key);
	char wb[128], vb[128];
	char *w = n < sizeof wb ? wb : af_malloc(n + 1), *v = n < sizeof vb ? vb : af_malloc(n + 1);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		char c = key[i];
		if (c == 'q')
			c = 'k';
		if (c == 'c' && i + 1 < n && key[i + 1] == 'k')
			continue;
		w[m++] = c;
	}
	w[m] = 0;
	size_t k = 0;
	for (size_t i = 0; i < m;) {
		if (w[i] == 'h' && i > 0 && vowel(w, i - 1, m) && (i + 1 == m || vowel(w, i + 1, m))) {
			i++;
			continue;
		}
		if (vowel(w, i, m)) {
			int ou = 0;
			while (i < m && (vowel(w, i, m) ||
			                 (w[i] == 'h' && i + 1 < m && vowel(w, i + 1, m) && i > 0 && vowel(w, i - 1, m)))) {
				if (w[i] == 'o' || w[i] == 'u')
					ou = 1;
				i++;
			}
			/* a final h after the run is silent (-ah, -eh) */
			if (i + 1 == m && w[i] == 'h')
				i++;
			v[k++] = ou ? 'u' : 'a';
			continue;
		}
		v[k++] = w[i++];
	}
	size_t d = 0; /* doubled letters once */
	for (size_t i = 0; i < k; i++)
		if (i == 0 || v[i] != v[i - 1] || (unsigned char)v[i] >= 0x80)
			v[d++] = v[i];
	v[d++] = 0;
	af_buf_add(out, v, d);
	if (w != wb)
		free(w);
	if (v != vb)
		free(v);
}

/* ---- units ---- */

static unsigned case_flags(const char *s, size_t n)
{
	size_t i = 0;
	int first = 1, up = 0, low = 0, firstup = 0;
	while (i < n) {
		uint32_t cp = af_utf8_next(s, &i);
		unsigned c = af_uni_class(cp);
		if (!(c & AF_UNI_LETTER))
			continue;
		if (c & AF_UNI_UPPER)
			up++;
		else if (c & AF_UNI_LOWER)
			low++;
		if (first)
			firstup = (c & AF_UNI_UPPER) != 0;
		first = 0;
	}
	unsigned f = 0;
	if (firstup)
		f |= AF_UF_CAP;
	if (up >= 2 && !low)
		f |= AF_UF_ALLCAPS;
	if (up + low)
		f |= AF_UF_WORD;
	return f;
}

/* A direct-mapped cache of the case flags, key and folded key of words (of up to UC_LEN
 * bytes, with keys of up to UC_LEN), kept by an af_lexunits across texts: news repeats its
 * words, and folding is the costly part of making units. */
enum { UC_BITS = 12, UC_LEN = 30 };
struct af_unitcache {
	struct uc_entry {
		uint8_t len, klen, flen; /* len 0: empty; klen, flen with their NULs */
		uint8_t cflags;
		char s[UC_LEN], key[UC_LEN + 1], fold[UC_LEN + 1];
	} e[1u << UC_BITS];
};

static struct uc_entry *uc_slot(struct af_lexunits *out, const char *s, size_t n)
{
	if (!n || n > UC_LEN)
		return NULL;
	if (!out->cache)
		out->cache = af_calloc(1, sizeof *out->cache);
	return &out->cache->e[af_hash(s, n) & ((1u << UC_BITS) - 1)];
}

static void unit_add(const char *s, struct af_lexunits *out, size_t tok, size_t b0, size_t b1, size_t c0,
                     unsigned flags, int cased)
{
	if (out->n == out->cap)
		out->v = af_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct af_lexunit *u = &out->v[out->n++];
	u->tok = tok;
	u->start = b0;
	u->end = b1;
	u->cstart = c0;
	u->cend = c0 + af_utf8_len(s + b0, b1 - b0);
	u->flags = flags;
	u->key = out->keys.len;
	if (flags & AF_UF_PUNCT) {
		af_buf_add(&out->keys, s + b0, b1 - b0);
		af_buf_add(&out->keys, "", 1);
		u->fold = u->key;
		return;
	}
	/* cased: flags take the word's case_flags() */
	size_t n = b1 - b0;
	struct uc_entry *ce = uc_slot(out, s + b0, n);
	if (ce && ce->len == n && memcmp(ce->s, s + b0, n) == 0) {
		if (cased)
			u->flags |= ce->cflags;
		af_buf_add(&out->keys, ce->key, ce->klen);
		u->fold = out->keys.len;
		af_buf_add(&out->keys, ce->fold, ce->flen);
		return;
	}
	unsigned cf = cased ? case_flags(s + b0, n) : 0;
	u->flags |= cf;
	af_lex_key(s + b0, n, &out->keys);
	u->fold = out->keys.len;
	af_lex_fold(out->keys.p + u->key, &out->keys);
	size_t klen = u->fold - u->key, flen = out->keys.len - u->fold;
	if (ce && klen <= UC_LEN + 1 && flen <= UC_LEN + 1 && cf <= 0xff) {
		ce->len = (uint8_t)n;
		memcpy(ce->s, s + b0, n);
		ce->cflags = (uint8_t)cf;
		ce->klen = (uint8_t)klen;
		ce->flen = (uint8_t)flen;
		memcpy(ce->key, out->keys.p + u->key, klen);
		memcpy(ce->fold, out->keys.p + u->fold, flen);
	}
}

void af_lexunits_make(const char *s, size_t n, const struct af_tokens *toks, const struct af_sentences *ss,
                      struct af_lexunits *out)
{
	(void)n;
	out->n = 0;
	af_buf_reset(&out->keys);
	size_t si = 0;
	for (size_t t = 0; t < toks->n; t++) {
		const struct af_token *k = &toks->v[t];
		unsigned base = 0;
		if (ss) {
			while (si < ss->n && ss->v[si].tok_end <= t)
				si++;
			if (si < ss->n && ss->v[si].tok_start == t)
				base |= AF_UF_SENT;
		}
		if (k->flags & AF_TF_NEWLINE)
			base |= AF_UF_PARA;
		if (k->kind == AF_TOK_WORD && (k->flags & AF_TF_CLITIC)) {
			unit_add(s, out, t, k->start, k->end, k->cstart, base | AF_UF_CLITIC, 0);
		} else if (k->kind == AF_TOK_WORD) {
			size_t a = k->start, c = k->cstart;
			unsigned hy = 0;
			for (size_t i = k->start; i <= k->end; i++) {
				if (i < k->end && s[i] != '-')
					continue;
				if (i > a) {
					unit_add(s, out, t, a, i, c, base | hy, 1);
					base &= ~(unsigned)(AF_UF_SENT | AF_UF_PARA);
				}
				if (i < k->end) {
					c += af_utf8_len(s + a, i - a) + 1;
					a = i + 1;
					hy = AF_UF_HYPHEN;
				}
			}
		} else if (k->kind == AF_TOK_NUMBER) {
			unit_add(s, out, t, k->start, k->end, k->cstart, base | AF_UF_NUMBER, 0);
		} else {
			unsigned q = k->kind == AF_TOK_QUOTE_OPEN ? AF_UF_QOPEN
			             : k->kind == AF_TOK_QUOTE_CLOSE ? AF_UF_QCLOSE
			                                             : 0;
			unit_add(s, out, t, k->start, k->end, k->cstart, base | AF_UF_PUNCT | q, 0);
		}
	}
}

void af_lexunits_free(struct af_lexunits *u)
{
	free(u->v);
	free(u->cache);
	af_buf_free(&u->keys);
	memset(u, 0, sizeof *u);
}
