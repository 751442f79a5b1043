/* ner.c - the named-entity tagger: token information, features, Viterbi decoding, two passes
 * over a document (af/ner.h, docs/ner.md). */
#include "af/ner.h"
#include "ner_impl.h"
#include "af/utf8.h"
#include "perceptron.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- strings ---- */

uint64_t af_ner_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull ^ n;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return af_ner_mix(h, 0x27d4eb2f165667c5ull);
}

size_t af_ner_norm(const char *s, size_t n, char *buf, size_t cap)
{
	size_t i = 0, o = 0;
	while (i < n && o + 4 < cap) {
		size_t at = i;
		uint32_t cp = af_pc_next_cp(s, n, &i);
		const char *rep = NULL;
		switch (cp) {
		case 0x2018: case 0x2019: case 0x201a: case 0x2032: rep = "'"; break;
		case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb: case 0x2033: rep = "\""; break;
		case 0x2013: case 0x2014: case 0x2012: case 0x2212: rep = "-"; break;
		case 0x2026: rep = "..."; break;
		default: break;
		}
		if (rep) {
			size_t l = strlen(rep);
			memcpy(buf + o, rep, l);
			o += l;
		} else {
			memcpy(buf + o, s + at, i - at);
			o += i - at;
		}
	}
	return o;
}

size_t af_ner_lower(const char *s, size_t n, char *buf, size_t cap)
{
	size_t i = 0, o = 0;
	while (i < n && o + 4 < cap) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		size_t at = i;
		uint32_t cp = af_pc_next_cp(s, n, &i);
		if (i - at == 1 || cp > 0x10ffff) {
			buf[o++] = s[at];
			continue;
		}
		o += af_utf8_put(af_uni_tolower(cp), buf + o);
	}
	return o;
}

size_t af_ner_fold_digits(const char *s, size_t n, char *buf, size_t cap)
{
	size_t m = n < cap ? n : cap;
	for (size_t i = 0; i < m; i++)
		buf[i] = (s[i] >= '0' && s[i] <= '9') ? '0' : s[i];
	return m;
}

/* ---- token information ---- */

enum { SHAPE_MAX = 24 };

/* Long shape (X x d and punctuation, runs cut at 4) and short shape (runs of one). */
static void shapes(const char *s, size_t n, uint64_t *lng, uint64_t *shrt, int *alpha, int *cap, int *upper,
                   int *lower)
{
	char a[SHAPE_MAX], b[SHAPE_MAX];
	size_t na = 0, nb = 0, i = 0;
	int run = 0;
	char prev = 0;
	*alpha = *cap = *upper = *lower = 0;
	while (i < n) {
		uint32_t cp = af_pc_next_cp(s, n, &i);
		char c;
		if (cp < 0x80) {
			if (cp >= 'A' && cp <= 'Z')
				c = 'X';
			else if (cp >= 'a' && cp <= 'z')
				c = 'x';
			else if (cp >= '0' && cp <= '9')
				c = 'd';
			else
				c = (char)cp;
		} else if (cp <= 0x10ffff && af_uni_isupper(cp))
			c = 'X';
		else if (cp <= 0x10ffff && af_uni_isalpha(cp))
			c = af_uni_tolower(cp) == cp && cp <= 0x10ffff ? 'x' : 'X';
		else if (cp <= 0x10ffff && af_uni_isdigit(cp))
			c = 'd';
		else
			c = 'o';
		if (c == 'X' || c == 'x') {
			if (!*alpha)
				*cap = c == 'X';
			*alpha = 1;
			if (c == 'X')
				*upper = 1;
			else
				*lower = 1;
		}
		run = c == prev ? run + 1 : 1;
		if (run <= 4 && na < SHAPE_MAX)
			a[na++] = c;
		if (run == 1 && nb < SHAPE_MAX)
			b[nb++] = c;
		prev = c;
	}
	*lng = af_ner_hash(a, na);
	*shrt = af_ner_hash(b, nb);
}

static uint8_t capbin(uint32_t v)
{
	/* the share of capitalised non-initial uses, in tenths (0-10) +1; 0 unknown */
	return v ? (uint8_t)v : 0;
}

static uint32_t model_gaz(void *ctx, uint32_t key)
{
	const struct af_ner_model *m = ctx;
	const uint32_t *v = af_ner_map_get(&m->gaz, key);
	return v ? *v : 0;
}

/* The fields of x that depend on the word's bytes alone; *lower: it has a lower-case
 * letter. */
static void word_info(const struct af_ner_model *m, const char *s, size_t len, struct af_ner_tok *x, int *lower)
{
	char nb[256], lb[260], fb[256];
	size_t n = af_ner_norm(s, len, nb, sizeof nb);
	size_t ln = af_ner_lower(nb, n, lb, sizeof lb);
	int alpha, cap, upper;
	x->w = af_ner_hash(nb, n);
	x->lw = af_ner_hash(lb, ln);
	shapes(nb, n, &x->shape, &x->sshape, &alpha, &cap, &upper, lower);
	x->alpha = (uint8_t)alpha;
	x->cap = (uint8_t)cap;
	/* affixes by code point */
	size_t cps[5], nc = 0, j = 0;
	while (j < ln && nc < 4) {
		af_pc_next_cp(lb, ln, &j);
		cps[nc++] = j;
	}
	for (int a = 0; a < 4; a++)
		x->pre[a] = (size_t)a < nc ? af_ner_hash(lb, cps[a]) : 0;
	size_t ends[4], ne = 0;
	for (size_t q = ln; q > 0 && ne < 4;) {
		q--;
		while (q > 0 && ((unsigned char)lb[q] & 0xc0) == 0x80)
			q--;
		ends[ne++] = q;
	}
	for (int a = 0; a < 4; a++)
		x->suf[a] = (size_t)a < ne ? af_ner_hash(lb + ends[a], ln - ends[a]) : 0;
	/* clusters: the word, else its lower case */
	size_t fn = af_ner_fold_digits(nb, n, fb, sizeof fb);
	const uint32_t *cv = af_ner_map_get(&m->words, af_ner_key32(af_ner_hash(fb, fn)));
	if (!cv) {
		fn = af_ner_fold_digits(lb, ln, fb, sizeof fb);
		cv = af_ner_map_get(&m->words, af_ner_key32(af_ner_hash(fb, fn)));
	}
	if (cv) {
		x->cf = (int32_t)(*cv & 0x3ff);
		x->cm = (int32_t)(*cv >> 10 & 0xff);
		x->cc = (int32_t)(*cv >> 18 & 0x3f);
		x->freqbin = (uint8_t)(*cv >> 24 & 0xf) + 1;
	} else
		x->cf = x->cm = x->cc = -1;
	const uint32_t *kv = af_ner_map_get(&m->caps, af_ner_key32(x->lw));
	x->capbin = kv ? capbin(*kv) : 0;
}

/* A direct-mapped cache of word_info by the word's bytes (words of up to WC_LEN bytes),
 * kept by the scratch across documents: news repeats its words. */
enum { WC_BITS = 12, WC_LEN = 30 };
struct wc_entry {
	uint8_t len, lower; /* len 0: empty */
	char s[WC_LEN];
	struct af_ner_tok tok; /* the word's fields, the others zero */
};

static void tokinfo(const struct af_ner_model *m, const struct af_ner_word *w, size_t nw,
                    const struct af_ner_sent *sents, size_t ns, struct af_ner_tok *t, af_ner_gaz_fn gazfn,
                    void *gazctx, struct wc_entry *wc)
{
	if (!gazfn) {
		gazfn = model_gaz;
		gazctx = (void *)m;
	}
	memset(t, 0, nw * sizeof *t);
	for (size_t k = 0; k < ns; k++) {
		const struct af_ner_sent *se = &sents[k];
		int head = 1, nalpha = 0;
		for (size_t i = se->start; i < se->end; i++) {
			struct af_ner_tok *x = &t[i];
			int lower;
			struct wc_entry *ce = NULL;
			if (wc && w[i].len && w[i].len <= WC_LEN) {
				ce = &wc[af_hash(w[i].s, w[i].len) & ((1u << WC_BITS) - 1)];
				if (ce->len == w[i].len && memcmp(ce->s, w[i].s, w[i].len) == 0) {
					memcpy(x, &ce->tok, sizeof *x); /* padding too: tok_hash reads it */
					lower = ce->lower;
					goto got;
				}
			}
			word_info(m, w[i].s, w[i].len, x, &lower);
			if (ce) {
				ce->len = (uint8_t)w[i].len;
				ce->lower = (uint8_t)lower;
				memcpy(ce->s, w[i].s, w[i].len);
				memcpy(&ce->tok, x, sizeof *x);
			}
		got:
			if (x->alpha) {
				nalpha++;
				if (lower)
					head = 0;
			}
			x->init = i == se->start;
		}
		if (head && nalpha >= 2)
			for (size_t i = se->start; i < se->end; i++)
				t[i].head = 1;
		/* gazetteer phrases: lower-cased words joined */
		for (size_t i = se->start; i < se->end; i++) {
			uint64_t h = 0x84222325cbf29ce4ull;
			for (size_t l = 0; l < AF_NER_MAXGAZ && i + l < se->end; l++) {
				h = af_ner_mix(h, t[i + l].lw);
				uint32_t mask = gazfn(gazctx, af_ner_key32(h));
				if (!mask)
					continue;
				for (int list = 0; list < AF_NER_NLISTS; list++)
					if (mask >> list & 1)
						for (size_t q = i; q <= i + l; q++)
							t[q].gaz |= (uint16_t)(1u << (2 * list + (q > i)));
			}
		}
	}
	/* capitalised words seen in lower case, not first in a sentence, elsewhere in the document */
	size_t nlow = 0;
	for (size_t i = 0; i < nw; i++)
		if (t[i].alpha && !t[i].cap && !t[i].init)
			nlow++;
	if (nlow) {
		uint32_t size = 16;
		while (size < nlow * 2)
			size *= 2;
		uint64_t *set = af_calloc(size, sizeof *set);
		for (size_t i = 0; i < nw; i++)
			if (t[i].alpha && !t[i].cap && !t[i].init) {
				uint64_t h = t[i].lw | 1;
				uint32_t j = (uint32_t)h & (size - 1);
				while (set[j] && set[j] != h)
					j = (j + 1) & (size - 1);
				set[j] = h;
			}
		for (size_t i = 0; i < nw; i++)
			if (t[i].cap) {
				uint64_t h = t[i].lw | 1;
				uint32_t j = (uint32_t)h & (size - 1);
				while (set[j] && set[j] != h)
					j = (j + 1) & (size - 1);
				t[i].lowdoc = set[j] == h;
			}
		free(set);
	}
}

void af_ner_tokinfo(const struct af_ner_model *m, const struct af_ner_word *w, size_t nw,
                    const struct af_ner_sent *sents, size_t ns, struct af_ner_tok *t, af_ner_gaz_fn gazfn,
                    void *gazctx)
{
	tokinfo(m, w, nw, sents, ns, t, gazfn, gazctx, NULL);
}

/* ---- features ---- */

enum tmpl {
	F_BIAS = 1, F_W, F_LW, F_SH, F_SSH, F_PRE, F_SUF = F_PRE + 4, F_WM1 = F_SUF + 4, F_WP1, F_LWM1, F_LWP1,
	F_LWM2, F_LWP2, F_SHM1, F_SHP1, F_SHM1_0, F_SH0_P1, F_SSH3, F_LWM1_0, F_LW0_P1, F_LWM1_SH0, F_SH0_LWP1,
	F_C0, F_CM1 = F_C0 + 3, F_CP1 = F_CM1 + 3, F_CM2 = F_CP1 + 3, F_CP2, F_CM0_SH0, F_CF0_CFP1, F_CFM1_CF0,
	F_GAZ, F_GAZM1, F_GAZP1, F_GAZ_SH, F_CAP, F_CAP_INIT, F_INIT_SH, F_INIT_LW, F_HEAD_SH, F_HEAD_LW, F_FREQ,
	F_FREQ_SH, F_LOWDOC, F_LOWDOC_INIT, F_PRE_SH, F_SUF_SH,
	/* second pass */
	F_P1, F_P1M1, F_P1P1, F_P1M1_P1, F_P1_P1P1, F_MAJ, F_MAJE, F_MAJ_SH, F_MAJ_P1, F_MULTI, F_P1M2, F_P1P2,
	F_MAJM1, F_MAJP1, F_DIST
};

#define PUSH(tm, v) (keys[nk++] = af_ner_key32(af_ner_mix((uint64_t)(tm), (v))))
#define PUSH2(tm, a, b) (keys[nk++] = af_ner_key32(af_ner_mix(af_ner_mix((uint64_t)(tm), (a)), (b))))

static const uint64_t BOS = 0x1111, EOS = 0x2222;

/* The features of the word alone (group 0 of features()). */
static size_t word_features(const struct af_ner_tok *x, uint64_t salt, uint32_t *keys)
{
	size_t nk = 0;
#define T(f) (salt + (f))
	PUSH(T(F_BIAS), 0);
	PUSH(T(F_W), x->w);
	PUSH(T(F_LW), x->lw);
	PUSH(T(F_SH), x->shape);
	PUSH(T(F_SSH), x->sshape);
	for (int a = 0; a < 4; a++) {
		if (x->pre[a])
			PUSH(T(F_PRE + a), x->pre[a]);
		if (x->suf[a])
			PUSH(T(F_SUF + a), x->suf[a]);
	}
	if (x->cf >= 0) {
		PUSH(T(F_C0), (uint64_t)x->cf);
		PUSH(T(F_C0 + 1), (uint64_t)x->cm);
		PUSH(T(F_C0 + 2), (uint64_t)x->cc);
		PUSH2(T(F_CM0_SH0), (uint64_t)x->cm, x->sshape);
	} else
		PUSH2(T(F_CM0_SH0), 0xffff, x->sshape);
	for (unsigned gz = x->gaz; gz; gz &= gz - 1) {
		uint64_t b = (uint64_t)__builtin_ctz(gz);
		PUSH(T(F_GAZ), b);
		PUSH2(T(F_GAZ_SH), b, x->sshape);
	}
	PUSH(T(F_CAP), x->capbin);
	PUSH2(T(F_CAP_INIT), x->capbin, (uint64_t)x->init << 1 | x->head);
	PUSH2(T(F_INIT_SH), x->init, x->shape);
	if (x->init)
		PUSH(T(F_INIT_LW), x->lw);
	if (x->head) {
		PUSH(T(F_HEAD_SH), x->shape);
		PUSH(T(F_HEAD_LW), x->lw);
	}
	PUSH(T(F_FREQ), x->freqbin);
	PUSH2(T(F_FREQ_SH), x->freqbin, x->sshape);
	if (x->lowdoc) {
		PUSH(T(F_LOWDOC), 1);
		PUSH2(T(F_LOWDOC_INIT), x->init, x->head);
	}
	if (x->pre[2])
		PUSH2(T(F_PRE_SH), x->pre[2], x->sshape);
	if (x->suf[2])
		PUSH2(T(F_SUF_SH), x->suf[2], x->sshape);
#undef T
	return nk;
}

/* The second pass's features of the first-pass labels and document types of the word and
 * its neighbours (group 8 of features()). */
static size_t label_features(const struct af_ner_tok *t, size_t n, size_t i, uint64_t salt, uint32_t *keys)
{
	size_t nk = 0;
	const struct af_ner_tok *x = &t[i];
	const struct af_ner_tok *m1 = i >= 1 ? &t[i - 1] : NULL, *m2 = i >= 2 ? &t[i - 2] : NULL;
	const struct af_ner_tok *p1 = i + 1 < n ? &t[i + 1] : NULL, *p2 = i + 2 < n ? &t[i + 2] : NULL;
#define T(f) (salt + (f))
	PUSH(T(F_P1), x->p1);
	PUSH(T(F_MAJ), x->maj);
	PUSH(T(F_MAJE), x->majearly);
	PUSH2(T(F_MAJ_SH), x->maj, x->sshape);
	PUSH2(T(F_MAJ_P1), x->maj, x->p1);
	PUSH2(T(F_MULTI), x->inmulti, x->majearly);
	PUSH(T(F_P1M1), m1 ? m1->p1 : 99);
	PUSH(T(F_MAJM1), m1 ? m1->maj : 99);
	PUSH2(T(F_P1M1_P1), m1 ? m1->p1 : 99, x->p1);
	PUSH(T(F_P1P1), p1 ? p1->p1 : 99);
	PUSH(T(F_MAJP1), p1 ? p1->maj : 99);
	PUSH2(T(F_P1_P1P1), x->p1, p1 ? p1->p1 : 99);
	PUSH(T(F_P1M2), m2 ? m2->p1 : 99);
	PUSH(T(F_P1P2), p2 ? p2->p1 : 99);
	for (unsigned y = 0; y < 5; y++)
		if (x->dist >> (2 * y) & 3)
			PUSH2(T(F_DIST), y, x->dist >> (2 * y) & 3);
#undef T
	return nk;
}

enum { NGRP = 9 };

/* The features of group g of word i, by the words their values depend on: 0 the word
 * alone, 1 the word to its left alone, 2 the pair of it and the word to its left, 3 the word
 * to its right alone, 4 the pair of it and the word to its right, 5 the word two to the left
 * alone, 6 the word two to the right alone, 7 the short shapes of the word and its two
 * neighbours, 8 (second pass only) the first-pass labels and document types of the word
 * and its neighbours: groups 0-7 depend on the words' own fields only, the same in both
 * passes, and group 8 on a few small numbers, so that both are often cached. The tagger caches the weight sum of each group under a hash of what it
 * depends on (see emissions()): the fewer words a group depends on, the more often it is
 * found there. */
static size_t features(const struct af_ner_tok *t, size_t n, size_t i, int pass, int g, uint32_t *keys)
{
	size_t nk = 0;
	const struct af_ner_tok *x = &t[i];
	const struct af_ner_tok *m1 = i >= 1 ? &t[i - 1] : NULL, *m2 = i >= 2 ? &t[i - 2] : NULL;
	const struct af_ner_tok *p1 = i + 1 < n ? &t[i + 1] : NULL, *p2 = i + 2 < n ? &t[i + 2] : NULL;
	uint64_t salt = pass == 2 ? 0x5a5a000000ull : 0;
#define T(f) (salt + (f))
	switch (g) {
	case 0:
		nk = word_features(x, salt, keys);
		break;
	case 1:
		PUSH(T(F_WM1), m1 ? m1->w : BOS);
		PUSH(T(F_LWM1), m1 ? m1->lw : BOS);
		PUSH(T(F_SHM1), m1 ? m1->shape : BOS);
		if (m1 && m1->cf >= 0) {
			PUSH(T(F_CM1), (uint64_t)m1->cf);
			PUSH(T(F_CM1 + 1), (uint64_t)m1->cm);
			PUSH(T(F_CM1 + 2), (uint64_t)m1->cc);
		}
		if (m1)
			for (unsigned gz = m1->gaz; gz; gz &= gz - 1)
				PUSH(T(F_GAZM1), (uint64_t)__builtin_ctz(gz));
		break;
	case 2: {
		uint64_t shm1 = m1 ? m1->shape : BOS, lwm1 = m1 ? m1->lw : BOS;
		PUSH2(T(F_SHM1_0), shm1, x->shape);
		PUSH2(T(F_LWM1_0), lwm1, x->lw);
		PUSH2(T(F_LWM1_SH0), lwm1, x->shape);
		if (m1 && x->cf >= 0)
			PUSH2(T(F_CFM1_CF0), (uint64_t)(m1->cf + 1), (uint64_t)x->cf);
		break;
	}
	case 3:
		PUSH(T(F_WP1), p1 ? p1->w : EOS);
		PUSH(T(F_LWP1), p1 ? p1->lw : EOS);
		PUSH(T(F_SHP1), p1 ? p1->shape : EOS);
		if (p1 && p1->cf >= 0) {
			PUSH(T(F_CP1), (uint64_t)p1->cf);
			PUSH(T(F_CP1 + 1), (uint64_t)p1->cm);
			PUSH(T(F_CP1 + 2), (uint64_t)p1->cc);
		}
		if (p1)
			for (unsigned gz = p1->gaz; gz; gz &= gz - 1)
				PUSH(T(F_GAZP1), (uint64_t)__builtin_ctz(gz));
		break;
	case 4: {
		uint64_t shp1 = p1 ? p1->shape : EOS, lwp1 = p1 ? p1->lw : EOS;
		PUSH2(T(F_SH0_P1), x->shape, shp1);
		PUSH2(T(F_LW0_P1), x->lw, lwp1);
		PUSH2(T(F_SH0_LWP1), x->shape, lwp1);
		if (p1 && x->cf >= 0)
			PUSH2(T(F_CF0_CFP1), (uint64_t)x->cf, (uint64_t)(p1->cf + 1));
		break;
	}
	case 5:
		PUSH(T(F_LWM2), m2 ? m2->lw : BOS);
		if (m2 && m2->cm >= 0)
			PUSH(T(F_CM2), (uint64_t)m2->cm);
		break;
	case 6:
		PUSH(T(F_LWP2), p2 ? p2->lw : EOS);
		if (p2 && p2->cm >= 0)
			PUSH(T(F_CP2), (uint64_t)p2->cm);
		break;
	case 7:
		PUSH2(T(F_SSH3), af_ner_mix(m1 ? m1->sshape : BOS, x->sshape), p1 ? p1->sshape : EOS);
		break;
	default:
		if (pass == 2)
			nk = label_features(t, n, i, salt, keys);
		break;
	}
#undef T
	return nk;
}

size_t af_ner_features(const struct af_ner_tok *t, size_t n, size_t i, int pass, uint32_t *keys)
{
	size_t nk = 0;
	for (int g = 0; g < NGRP; g++)
		nk += features(t, n, i, pass, g, keys + nk);
	return nk;
}

/* ---- decoding ---- */

int af_ner_valid(int a, int b)
{
	if (b == 0 || b % 2 == 1)
		return 1; /* O and B-X anywhere */
	return a == b || a == b - 1;
}

void af_ner_viterbi(const float *e, size_t n, const float *tr, unsigned char *out, unsigned char *back)
{
	_Static_assert(AF_NER_NL == 9, "af_ner_viterbi knows the labels: O, then B-X and I-X of 4 types");
	float cur[AF_NER_NL], nxt[AF_NER_NL], col[AF_NER_NL][AF_NER_NL];
	if (!n)
		return;
	/* col[b][a]: the transition a -> b */
	for (int b = 0; b < AF_NER_NL; b++)
		for (int a = 0; a < AF_NER_NL; a++)
			col[b][a] = tr[(a + 1) * AF_NER_NL + b];
	for (int b = 0; b < AF_NER_NL; b++)
		cur[b] = af_ner_valid(-1, b) ? tr[b] + e[b] : -INFINITY;
	for (size_t i = 1; i < n; i++) {
		const float *ei = e + i * AF_NER_NL;
		unsigned char *bk = back + i * AF_NER_NL;
		/* the valid predecessors (af_ner_valid): every label before O and B-X, only B-X
		 * and I-X before I-X; ties go to the first */
		for (int b = 0; b < AF_NER_NL; b += b ? 2 : 1) {
			const float *c = col[b];
			float best = cur[0] + c[0];
			int arg = 0;
			for (int a = 1; a < AF_NER_NL; a++) {
				float s = cur[a] + c[a];
				arg = s > best ? a : arg;
				best = s > best ? s : best;
			}
			nxt[b] = best + ei[b];
			bk[b] = (unsigned char)arg;
		}
		for (int b = 2; b < AF_NER_NL; b += 2) {
			float s0 = cur[b - 1] + col[b][b - 1], s1 = cur[b] + col[b][b];
			int take = s1 > s0;
			nxt[b] = (take ? s1 : s0) + ei[b];
			bk[b] = (unsigned char)(b - 1 + take);
		}
		memcpy(cur, nxt, sizeof cur);
	}
	int best = 0;
	for (int b = 1; b < AF_NER_NL; b++)
		if (cur[b] > cur[best])
			best = b;
	for (size_t i = n; i-- > 0;) {
		out[i] = (unsigned char)best;
		if (i)
			best = back[i * AF_NER_NL + best];
	}
}

/* ---- tagging ---- */

/* A direct-mapped cache of the weight sums of feature groups (see emissions()): the tag is
 * a 64-bit hash of the group's keys in order, with the pass; 0 is an empty entry. */
#define FC_BITS 16 /* 65536 entries, 3 MB in huge pages: 15 and 17 were slower on the bench corpus */
struct fc_entry {
	uint64_t tag;
	int32_t acc[AF_NER_NL];
	uint32_t pad;
};

struct af_ner_scratch {
	struct af_ner_tok *tok;
	unsigned char *lab, *back;
	float *e;
	uint64_t *th; /* cap + 2 word hashes (emissions()) */
	size_t cap;
	struct fc_entry *fc;             /* 1 << FC_BITS entries, or NULL before first use */
	struct af_ner_huge fcmem;        /* fc's memory */
	struct wc_entry *wc;             /* 1 << WC_BITS entries, or NULL before first use */
	const struct af_ner_model *fcm; /* the model whose sums fc and words wc hold */
};

struct af_ner_scratch *af_ner_scratch_new(void)
{
	return af_calloc(1, sizeof(struct af_ner_scratch));
}

void af_ner_scratch_free(struct af_ner_scratch *s)
{
	if (!s)
		return;
	free(s->tok);
	free(s->lab);
	free(s->back);
	free(s->e);
	free(s->th);
	af_ner_huge_free(&s->fcmem);
	free(s->wc);
	free(s);
}

const unsigned char *af_ner_labels(const struct af_ner_scratch *s)
{
	return s->lab;
}

void af_ner_spans_free(struct af_ner_spans *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/* to[0..AF_NER_NL) += w[0..AF_NER_NL), unrolled (the compiler does not at -O2) */
static inline void add_row(int32_t *restrict to, const int16_t *restrict w)
{
	_Static_assert(AF_NER_NL == 9, "add_row adds 9 labels");
	int32_t a0 = to[0] + w[0], a1 = to[1] + w[1], a2 = to[2] + w[2], a3 = to[3] + w[3], a4 = to[4] + w[4];
	int32_t a5 = to[5] + w[5], a6 = to[6] + w[6], a7 = to[7] + w[7], a8 = to[8] + w[8];
	to[0] = a0, to[1] = a1, to[2] = a2, to[3] = a3, to[4] = a4, to[5] = a5, to[6] = a6, to[7] = a7, to[8] = a8;
}

/* A hash of all the bytes of a word's af_ner_tok before its second-pass fields (what
 * groups 0-7 of features() read; its padding is zero: tokinfo zeroes the array before
 * filling it). */
static uint64_t tok_hash(const struct af_ner_tok *t)
{
	uint64_t h = 0x6a09e667f3bcc908ull, v;
	const unsigned char *p = (const unsigned char *)t;
	size_t n = offsetof(struct af_ner_tok, p1), i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&v, p + i, 8);
		h = (h ^ v) * 0x9e3779b97f4a7c15ull;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return af_ner_mix(h, n);
}

/* What feature group g of word i depends on (features()), as a hash: th[j + 1] is the
 * hash of word j, th[0] and th[n + 1] stand for the edges. */
static inline uint64_t fc_dep(const struct af_ner_tok *t, size_t n, const uint64_t *th, size_t i, int g)
{
	switch (g) {
	case 0:
		return th[i + 1];
	case 1:
		return th[i];
	case 2:
		return af_ner_mix(th[i], th[i + 1]);
	case 3:
		return th[i + 2];
	case 4:
		return af_ner_mix(th[i + 1], th[i + 2]);
	case 5:
		return i >= 2 ? th[i - 1] : th[0];
	case 6:
		return i + 2 < n ? th[i + 3] : th[n + 1];
	case 7:
		return af_ner_mix(af_ner_mix(i ? t[i - 1].sshape : 1, t[i].sshape), i + 1 < n ? t[i + 1].sshape : 2);
	default: { /* label_features(): 4 bits a label or type, 15 past an edge */
		const struct af_ner_tok *x = &t[i];
		uint64_t v = (uint64_t)x->p1 | (uint64_t)x->maj << 4 | (uint64_t)x->majearly << 8 |
		             (uint64_t)x->inmulti << 12;
		v |= (uint64_t)(i >= 1 ? t[i - 1].p1 : 15) << 16 | (uint64_t)(i >= 1 ? t[i - 1].maj : 15) << 20;
		v |= (uint64_t)(i + 1 < n ? t[i + 1].p1 : 15) << 24 | (uint64_t)(i + 1 < n ? t[i + 1].maj : 15) << 28;
		v |= (uint64_t)(i >= 2 ? t[i - 2].p1 : 15) << 32 | (uint64_t)(i + 2 < n ? t[i + 2].p1 : 15) << 36;
		v |= (uint64_t)x->dist << 40;
		return af_ner_mix(v, x->sshape);
	}
	}
}

/* The emission scores with the group cache: words repeat in news, and so do their
 * features. Each group of features (features()) depends on one, two or three words'
 * af_ner_toks: the sum of its weights is cached under a 64-bit hash of what it depends on
 * (all the bytes of those af_ner_toks: tokinfo zeroes them first; for group 7, the short
 * shapes alone), the group and the pass; a group found there is neither computed nor looked
 * up. The cache entries of word i + AHEAD are prefetched while word i is prepared. The
 * features of the groups not found are looked up in a pipeline: the slots of word i + PIPE
 * are prefetched (key and weights share a line) while word i is probed, so that the cache
 * misses of several words overlap. Integer sums are the same in any order, so the scores
 * are exactly those of looking up every key (but for a collision of 64-bit hashes). */
enum { PIPE = 2, AHEAD = 4 };

struct pend { /* a word between its preparation and its sums */
	uint32_t keys[AF_NER_MAXFEAT], hit[AF_NER_MAXFEAT];
	uint8_t grp[AF_NER_MAXFEAT];
	size_t nk;
	uint64_t tag[NGRP];
	unsigned skip; /* bit g: group g's sum came from the cache */
	int32_t acc[AF_NER_NL];
};

struct emit {
	const struct af_ner_model *m;
	int pass;
	const struct af_ner_tok *t;
	size_t n;
	struct fc_entry *fc;
	const uint64_t *th; /* th[j + 1] the hash of word j, th[0] and th[n + 1] the edges */
	const struct af_ner_slot *sl;
	uint32_t smask;
	int ngrp; /* groups of the pass: 8, or 9 in the second */
	uint64_t tags[AHEAD][NGRP]; /* of word i at i % AHEAD, from its prefetch on */
};

static const uint32_t FC_MASK = (1u << FC_BITS) - 1;

static uint64_t fc_tag(const struct emit *c, size_t i, int g)
{
	return af_ner_mix(fc_dep(c->t, c->n, c->th, i, g), 0x10 * ((uint64_t)g + 1) + (uint64_t)c->pass) | 1;
}

static void fc_prefetch(struct emit *c, size_t i)
{
	for (int g = 0; g < c->ngrp; g++) {
		c->tags[i % AHEAD][g] = fc_tag(c, i, g);
		__builtin_prefetch(&c->fc[c->tags[i % AHEAD][g] & FC_MASK]);
	}
}

/* Word i: the cached group sums into q->acc, the keys of the other groups computed and
 * their slots prefetched. */
static void prepare_word(struct emit *c, size_t i, struct pend *q)
{
	memcpy(q->tag, c->tags[i % AHEAD], sizeof q->tag);
	if (i + AHEAD < c->n)
		fc_prefetch(c, i + AHEAD);
	memset(q->acc, 0, sizeof q->acc);
	q->skip = 0;
	q->nk = 0;
	for (int g = 0; g < c->ngrp; g++) {
		const struct fc_entry *ce = &c->fc[q->tag[g] & FC_MASK];
		if (ce->tag == q->tag[g]) {
			q->skip |= 1u << g;
			for (int l = 0; l < AF_NER_NL; l++)
				q->acc[l] += ce->acc[l];
			continue;
		}
		size_t k0 = q->nk;
		q->nk += features(c->t, c->n, i, c->pass, g, q->keys + k0);
		memset(q->grp + k0, g, q->nk - k0);
	}
	for (size_t k = 0; k < q->nk; k++) {
		q->hit[k] = (q->keys[k] * 0x9e3779b1u) & c->smask;
		__builtin_prefetch(&c->sl[q->hit[k]]);
	}
}

/* Word i: the slots of its keys probed, the sums of its new groups cached, its scores. */
static void finish_word(struct emit *c, size_t i, struct pend *q, float *e)
{
	int32_t gacc[NGRP][AF_NER_NL];
	for (int g = 0; g < c->ngrp; g++)
		if (!(q->skip >> g & 1))
			memset(gacc[g], 0, sizeof gacc[g]);
	for (size_t k = 0; k < q->nk; k++)
		for (uint32_t j = q->hit[k];; j = (j + 1) & c->smask) {
			if (c->sl[j].key == q->keys[k]) {
				add_row(gacc[q->grp[k]], c->sl[j].w);
				break;
			}
			if (!c->sl[j].key)
				break;
		}
	for (int g = 0; g < c->ngrp; g++)
		if (!(q->skip >> g & 1)) {
			struct fc_entry *ce = &c->fc[q->tag[g] & FC_MASK];
			ce->tag = q->tag[g];
			memcpy(ce->acc, gacc[g], sizeof ce->acc);
			for (int l = 0; l < AF_NER_NL; l++)
				q->acc[l] += gacc[g][l];
		}
	for (int l = 0; l < AF_NER_NL; l++)
		e[i * AF_NER_NL + l] = (float)q->acc[l] * c->m->scale;
}

static void emissions_cached(const struct af_ner_model *m, int pass, const struct af_ner_tok *t, size_t n,
                             float *e, struct fc_entry *fc, uint64_t *th)
{
	struct emit c = {m, pass, t, n, fc, th, m->slot[pass - 1], m->smask[pass - 1], pass == 2 ? 9 : 8, {{0}}};
	struct pend ring[PIPE + 1];
	th[0] = 0x3c6ef372fe94f82bull;
	for (size_t i = 0; i < n; i++)
		th[i + 1] = tok_hash(&t[i]);
	th[n + 1] = 0xa54ff53a5f1d36f1ull;
	for (size_t i = 0; i < n && i < AHEAD; i++)
		fc_prefetch(&c, i);
	for (size_t step = 0; step < n + PIPE; step++) {
		if (step < n)
			prepare_word(&c, step, &ring[step % (PIPE + 1)]);
		if (step >= PIPE)
			finish_word(&c, step - PIPE, &ring[(step - PIPE) % (PIPE + 1)], e);
	}
}

/* The emission scores of the words t[0..n) for a pass: with the group cache when the model
 * has its slots, else every key looked up in the file's tables, in three rounds so that
 * their cache misses overlap (prefetch the key slots, probe them and prefetch the weight
 * rows of the hits, add the rows). */
static void emissions(const struct af_ner_model *m, int pass, const struct af_ner_tok *t, size_t n, float *e,
                      struct fc_entry *fc, uint64_t *th)
{
	uint32_t keys[AF_NER_MAXFEAT], hit[AF_NER_MAXFEAT];
	const struct af_ner_weights *wt = &m->w[pass - 1];
	if (!wt->key) {
		memset(e, 0, n * AF_NER_NL * sizeof *e);
		return;
	}
	if (m->slot[pass - 1] && fc) {
		emissions_cached(m, pass, t, n, e, fc, th);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		int32_t acc[AF_NER_NL] = {0};
		size_t nk = af_ner_features(t, n, i, pass, keys), nh = 0;
		for (size_t k = 0; k < nk; k++)
			__builtin_prefetch(&wt->key[(keys[k] * 0x9e3779b1u) & wt->mask]);
		for (size_t k = 0; k < nk; k++)
			for (uint32_t j = (keys[k] * 0x9e3779b1u) & wt->mask;; j = (j + 1) & wt->mask) {
				if (wt->key[j] == keys[k]) {
					hit[nh++] = j;
					__builtin_prefetch(&wt->w[(size_t)j * AF_NER_NL]);
					break;
				}
				if (!wt->key[j])
					break;
			}
		for (size_t h = 0; h < nh; h++) {
			const int16_t *w = &wt->w[(size_t)hit[h] * AF_NER_NL];
			for (int l = 0; l < AF_NER_NL; l++)
				acc[l] += w[l];
		}
		for (int l = 0; l < AF_NER_NL; l++)
			e[i * AF_NER_NL + l] = (float)acc[l] * m->scale;
	}
}

static void decode(const struct af_ner_model *m, int pass, struct af_ner_scratch *s, const struct af_ner_sent *se)
{
	float tr[(AF_NER_NL + 1) * AF_NER_NL];
	for (int k = 0; k < (AF_NER_NL + 1) * AF_NER_NL; k++)
		tr[k] = (float)m->trans[pass - 1][k] * m->scale;
	size_t n = se->end - se->start;
	if (m->slot[0] && (!s->fc || s->fcm != m)) {
		if (!s->fc)
			s->fc = af_ner_huge_alloc(&s->fcmem, sizeof *s->fc << FC_BITS);
		else
			memset(s->fc, 0, sizeof *s->fc << FC_BITS);
		s->fcm = m;
	}
	emissions(m, pass, s->tok + se->start, n, s->e + se->start * AF_NER_NL, s->fc, s->th);
	af_ner_viterbi(s->e + se->start * AF_NER_NL, n, tr, s->lab + se->start, s->back + se->start * AF_NER_NL);
}

int af_ner_tag(const struct af_ner_model *m, struct af_ner_scratch *s, const struct af_ner_word *w,
               size_t nw, const struct af_ner_sent *sents, size_t ns, struct af_ner_spans *out,
               struct af_error *err)
{
	out->n = 0;
	for (size_t k = 0; k < ns; k++)
		if (sents[k].start > sents[k].end || sents[k].end > nw || (k && sents[k].start < sents[k - 1].end)) {
			af_error_set(err, "sentence %zu: words [%zu, %zu) out of order or range (%zu words)", k,
			             sents[k].start, sents[k].end, nw);
			return -1;
		}
	if (nw > s->cap) {
		size_t cap = nw + nw / 2 + 16;
		s->tok = af_realloc(s->tok, cap * sizeof *s->tok);
		s->lab = af_realloc(s->lab, cap);
		s->back = af_realloc(s->back, cap * AF_NER_NL);
		s->e = af_realloc(s->e, cap * AF_NER_NL * sizeof *s->e);
		s->th = af_realloc(s->th, (cap + 2) * sizeof *s->th);
		s->cap = cap;
	}
	if (!nw)
		return 0;
	memset(s->lab, 0, nw);
	if (!s->wc || s->fcm != m) {
		if (!s->wc)
			s->wc = af_malloc(sizeof *s->wc << WC_BITS);
		memset(s->wc, 0, sizeof *s->wc << WC_BITS);
		if (s->fc)
			memset(s->fc, 0, sizeof *s->fc << FC_BITS);
		s->fcm = m;
	}
	tokinfo(m, w, nw, sents, ns, s->tok, NULL, NULL, s->wc);
	for (size_t k = 0; k < ns; k++)
		decode(m, 1, s, &sents[k]);
	af_ner_docinfo(w, nw, sents, ns, s->lab, s->tok);
	for (size_t k = 0; k < ns; k++)
		decode(m, 2, s, &sents[k]);
	/* spans, scored by the softmax of the second pass's emissions */
	for (size_t k = 0; k < ns; k++)
		for (size_t i = sents[k].start; i < sents[k].end;) {
			int l = s->lab[i];
			if (!l) {
				i++;
				continue;
			}
			size_t j = i + 1;
			while (j < sents[k].end && s->lab[j] == (l % 2 ? l + 1 : l))
				j++;
			double sum = 0;
			for (size_t q = i; q < j; q++) {
				const float *e = s->e + q * AF_NER_NL;
				float mx = e[0];
				for (int y = 1; y < AF_NER_NL; y++)
					mx = e[y] > mx ? e[y] : mx;
				double z = 0;
				for (int y = 0; y < AF_NER_NL; y++)
					z += exp((double)(e[y] - mx));
				sum += exp((double)(e[s->lab[q]] - mx)) / z;
			}
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 16;
				out->v = af_realloc(out->v, out->cap * sizeof *out->v);
			}
			out->v[out->n++] = (struct af_ner_span){i, j, (enum af_ner_type)((l - 1) / 2), (float)(sum / (double)(j - i))};
			i = j;
		}
	return 0;
}

int af_ner_tag_text(const struct af_ner_model *m, struct af_ner_scratch *s, const char *text, size_t len,
                    const struct af_tokens *toks, const struct af_sentences *sents, struct af_ner_spans *out,
                    struct af_error *err)
{
	struct af_ner_word *w = af_malloc((toks->n ? toks->n : 1) * sizeof *w);
	struct af_ner_sent *ss = af_malloc((sents->n ? sents->n : 1) * sizeof *ss);
	for (size_t i = 0; i < toks->n; i++) {
		size_t a = toks->v[i].start < len ? toks->v[i].start : len;
		size_t b = toks->v[i].end < len ? toks->v[i].end : len;
		w[i] = (struct af_ner_word){text + a, b > a ? b - a : 0, toks->v[i].flags};
	}
	for (size_t k = 0; k < sents->n; k++)
		ss[k] = (struct af_ner_sent){sents->v[k].tok_start, sents->v[k].tok_end};
	int rc = af_ner_tag(m, s, w, toks->n, ss, sents->n, out, err);
	free(w);
	free(ss);
	return rc;
}
