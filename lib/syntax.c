/* syntax.c - the part-of-speech tagger and the chunker (af/syntax.h, docs/syntax.md); their features
 * are in lib/syntax_feats.c.
 * The lemmatizer is in lib/syntax_lemma.c, the clause rules in lib/clause.c. */
#include "af/syntax.h"
#include "af/util.h"
#include "af/data.h"
#include "syntax_impl.h"
#include "af/utf8.h"
#include "perceptron.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* the compiled-in data this module reads */
AF_DATA_USE(syntax_bin);
AF_DATA_USE(lemmas_yaml);

/* ---- names ---- */

static const char *const pos_names[AF_POS_COUNT] = {
	"CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
	"PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
	"VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "$", "#", "\"", "''", "``",
	"(", ")", ",", ".", ":"};

const char *af_pos_name(int tag)
{
	return tag >= 0 && tag < AF_POS_COUNT ? pos_names[tag] : "?";
}

int af_pos_code(const char *name, size_t len)
{
	for (int i = 0; i < AF_POS_COUNT; i++)
		if (strlen(pos_names[i]) == len && memcmp(pos_names[i], name, len) == 0)
			return i;
	if (len == 5 && memcmp(name, "-LRB-", 5) == 0)
		return AF_POS_LRB;
	if (len == 5 && memcmp(name, "-RRB-", 5) == 0)
		return AF_POS_RRB;
	return -1;
}

static const char *const chunk_names[AF_CH_COUNT] = {"O", "NP", "VP", "PP", "ADVP", "ADJP",
	"SBAR", "PRT", "INTJ", "CONJP", "LST", "UCP"};

const char *af_chunk_name(int type)
{
	return type >= 0 && type < AF_CH_COUNT ? chunk_names[type] : "?";
}

int af_chunk_code(const char *name, size_t len)
{
	for (int i = 0; i < AF_CH_COUNT; i++)
		if (strlen(chunk_names[i]) == len && memcmp(chunk_names[i], name, len) == 0)
			return i;
	return -1;
}

static void rdweights(struct af_pc_reader *r, struct af_syn_weights *w, int ncls)
{
	uint32_t slots = af_pc_rd32(r), entries = af_pc_rd32(r), sc = af_pc_rd32(r);
	if (r->bad || !slots || (slots & (slots - 1)) || entries >= (1u << 24)) {
		r->bad = 1;
		return;
	}
	memcpy(&w->scale, &sc, 4);
	w->mask = slots - 1;
	w->ncls = ncls;
	w->slot = af_pc_rdsec(r, (size_t)slots * 8);
	w->ent = af_pc_rdsec(r, (size_t)entries * 4);
	if (r->bad)
		return;
	/* each row inside the entries, each sparse entry's class one of ncls (the trainer
	 * writes the rows in the order of the slots: this reads the entries in order) */
	for (uint32_t j = 0; j < slots; j++) {
		if (!w->slot[j].key)
			continue;
		size_t off = w->slot[j].row >> 8, cnt = w->slot[j].row & 0xff;
		if (off + (cnt ? cnt : AF_SYN_DENSE_WORDS(ncls)) > entries) {
			r->bad = 1;
			return;
		}
		for (size_t e = off; e < off + cnt; e++)
			if ((w->ent[e] & 0xffff) >= (uint32_t)ncls)
				r->bad = 1;
	}
}

int af_syntax_load_mem(struct af_syntax **out, const void *buf, size_t len, struct af_error *err)
{
	if (af_pc_check(buf, len, "AFSYNTAX", 24, "syntax", err) < 0)
		return -1;
	static _Atomic uint64_t loads;
	struct af_syntax *m = af_calloc(1, sizeof *m);
	m->id = atomic_fetch_add(&loads, 1) + 1;
	const char *base = buf;
	if ((uintptr_t)buf % 4) { /* the tables are read in place: they must be aligned */
		m->mem = af_malloc(len);
		memcpy(m->mem, buf, len);
		base = m->mem;
	}
	m->len = len;
	struct af_pc_reader r = {base + 8, base + len, 0};
	uint32_t version = af_pc_rd32(&r), nt = af_pc_rd32(&r), nc = af_pc_rd32(&r);
	if (version != AF_SYN_VERSION || nt != AF_SYN_NT || nc != AF_SYN_NC) {
		af_error_set(err, "syntax model of format version %u (%u tags, %u chunk classes); this build reads "
		             "version %d (%d, %d)", version, nt, nc, AF_SYN_VERSION, AF_SYN_NT, AF_SYN_NC);
		af_syntax_free(m);
		return -1;
	}
	af_pc_rdtable(&r, &m->dict.key, &m->dict.val, &m->dict.mask, 0);
	if (!r.bad)
		for (uint32_t j = 0; j <= m->dict.mask; j++)
			if (m->dict.key[j] && m->dict.val[j] >= AF_SYN_NT)
				r.bad = 1;
	af_pc_rdtable(&r, &m->lex.key, &m->lex.val, &m->lex.mask, 0);
	af_pc_rdtable(&r, &m->amb.key, &m->amb.val, &m->amb.mask, 0);
	af_pc_rdtable(&r, &m->clu.key, &m->clu.val, &m->clu.mask, 1);
	rdweights(&r, &m->pos, AF_SYN_NT);
	rdweights(&r, &m->chunk, AF_SYN_NC);
	if (r.bad || r.p != r.end) {
		af_error_set(err, "truncated or corrupt syntax model");
		af_syntax_free(m);
		return -1;
	}
	const struct af_datafile *lf = af_data_find("lemmas.yaml");
	if (lf) {
		m->lemmas = af_syn_lemmas_load(lf->data, lf->len, "lemmas.yaml", err);
		if (!m->lemmas) {
			af_syntax_free(m);
			return -1;
		}
	}
	*out = m;
	return 0;
}

int af_syntax_load(struct af_syntax **out, const char *path, struct af_error *err)
{
	struct af_pc_file f;
	if (af_pc_open(&f, "syntax.bin", path, AF_SYNTAX_DEFAULT_PATH, err) < 0)
		return -1;
	int rc = af_syntax_load_mem(out, f.data, f.len, err);
	if (rc < 0) {
		af_pc_blame(&f, err);
		free(f.owned);
	} else if (!(*out)->mem)
		(*out)->mem = f.owned; /* the model reads it in place */
	else
		free(f.owned);
	return rc;
}

void af_syntax_free(struct af_syntax *m)
{
	if (!m)
		return;
	af_syn_lemmas_free(m->lemmas);
	free(m->mem);
	free(m);
}

/* ---- tagging and chunking ---- */

/* work space of p: at least n infos */
static struct af_syn_info *infos_of(struct af_parse *p, size_t n)
{
	size_t words = (n * sizeof(struct af_syn_info) + 7) / 8 + 1;
	if (p->cap_work < words) {
		size_t c = p->cap_work ? p->cap_work : 256;
		while (c < words)
			c *= 2;
		free(p->work);
		p->work = af_malloc(c * 8);
		p->cap_work = c;
	}
	return (struct af_syn_info *)p->work;
}

/* A thread's caches of partial scores (in p->cache): the tagger's word-alone features per
 * word, the chunker's tag-context features per context. News repeats its words and its tag
 * sequences, so most tokens cost a dozen or two lookups in the model instead of forty. The
 * sums are exact (integers), so the result is the same as without them. */
enum { WC_BITS = 12, CC_BITS = 12 };
struct syn_wcache {
	uint64_t key; /* 0: empty */
	int32_t s[AF_SYN_PAD(AF_SYN_NT)];
};
struct syn_ccache {
	uint64_t key;
	int32_t s[AF_SYN_PAD(AF_SYN_NC)];
};
struct syn_ncache { /* a word's chunker scores as the word 2 before, 1 before, 1 after, 2 after */
	uint64_t key;
	int32_t s[4][AF_SYN_PAD(AF_SYN_NC)];
};
enum { NC_BITS = 11 };
enum { IC_BITS = 12 };
struct syn_icache { /* a word's infos (not first in its sentence), by a hash of its bytes */
	uint64_t key;
	struct af_syn_info x;
};
struct syn_cache {
	uint64_t model; /* the id of the model the sums are of (0: none yet) */
	struct syn_icache in[1u << IC_BITS];
	struct syn_wcache w[1u << WC_BITS];
	struct syn_ccache c[1u << CC_BITS];
	struct syn_ccache c0[1u << CC_BITS]; /* the chunker's word-and-tag features */
	struct syn_ncache nb[1u << NC_BITS];
	int32_t edge[4][AF_SYN_PAD(AF_SYN_NC)];         /* the same for no word (outside the sentence) */
};

static struct syn_cache *cache_of(const struct af_syntax *m, struct af_parse *p)
{
	struct syn_cache *c = p->cache;
	if (!c)
		p->cache = c = af_calloc(1, sizeof *c);
	if (c->model != m->id) {
		for (size_t k = 0; k < (1u << WC_BITS); k++)
			c->w[k].key = 0;
		for (size_t k = 0; k < (1u << IC_BITS); k++)
			c->in[k].key = 0;
		for (size_t k = 0; k < (1u << CC_BITS); k++)
			c->c[k].key = c->c0[k].key = 0;
		for (size_t k = 0; k < (1u << NC_BITS); k++)
			c->nb[k].key = 0;
		memset(c->edge, 0, sizeof c->edge);
		uint32_t f[4];
		for (int d = 0; d < 4; d++)
			af_syn_score(&m->chunk, f, af_syn_chunk_nfeat(NULL, d < 2 ? d - 2 : d - 1, f), c->edge[d], AF_SYN_NC);
		c->model = m->id;
	}
	return c;
}

/* alt (NULL: not wanted) gets each word's second-best tag (its own tag for a dictionary word) */
static void tag_infos(const struct af_syntax *m, struct af_parse *p, const struct af_syn_info *info, size_t n,
                      uint8_t *tags, uint8_t *alt, float *margin)
{
	struct syn_cache *cache = cache_of(m, p);
	uint32_t f[AF_SYN_MAXF];
	for (size_t i = 0; i < n; i++) {
		int d = af_syn_map_get(&m->dict, af_syn_dictkey(&info[i]));
		if (d >= 0) {
			tags[i] = (uint8_t)d;
			if (alt) {
				alt[i] = (uint8_t)d;
				margin[i] = 1e30f;
			}
			continue;
		}
		uint64_t key = af_syn_mix(info[i].w, info[i].flags & AF_SYN_F_FIRST) | 1;
		struct syn_wcache *wc = &cache->w[key >> (64 - WC_BITS)];
		if (wc->key != key) {
			memset(wc->s, 0, sizeof wc->s);
			af_syn_score(&m->pos, f, af_syn_pos_wfeats(info, i, f), wc->s, AF_SYN_NT);
			wc->key = key;
		}
		int32_t score[AF_SYN_PAD(AF_SYN_NT)];
		memcpy(score, wc->s, sizeof score);
		af_syn_score(&m->pos, f, af_syn_pos_cfeats(info, n, i, tags, f), score, AF_SYN_NT);
		int best = 0;
		for (int c = 1; c < AF_SYN_NT; c++)
			if (score[c] > score[best])
				best = c;
		tags[i] = (uint8_t)best;
		if (alt) {
			int second = best ? 0 : 1;
			for (int c = 0; c < AF_SYN_NT; c++)
				if (c != best && score[c] > score[second])
					second = c;
			alt[i] = (uint8_t)second;
			margin[i] = (float)(score[best] - score[second]) * m->pos.scale;
		}
	}
}

/* The chunker's scores of word i's classes (score: AF_SYN_PAD(AF_SYN_NC)) given the tags and
 * the classes before it, from the thread's caches where they hold them. */
static inline __attribute__((always_inline)) void chunk_score(const struct af_syntax *m, struct syn_cache *cache, const struct af_syn_info *info, size_t n,
                               size_t i, const uint8_t *tags, const uint8_t *cls, int32_t *score)
{
	uint32_t f[AF_SYN_MAXF];
	uint64_t t0 = tags[i];
	uint64_t tm1 = i >= 1 ? tags[i - 1] : 99, tm2 = i >= 2 ? tags[i - 2] : 99;
	uint64_t tp1 = i + 1 < n ? tags[i + 1] : 99, tp2 = i + 2 < n ? tags[i + 2] : 99;
	uint64_t c1 = i >= 1 ? cls[i - 1] : 99, c2 = i >= 2 ? cls[i - 2] : 99;
	uint64_t key = (tm2 | tm1 << 7 | t0 << 14 | tp1 << 21 | tp2 << 28 | c1 << 35 | c2 << 42) | 1ull << 63;
	struct syn_ccache *cc = &cache->c[af_syn_mix(key, 0x77) >> (64 - CC_BITS)];
	if (cc->key != key) {
		memset(cc->s, 0, sizeof cc->s);
		af_syn_score(&m->chunk, f, af_syn_chunk_tfeats(n, i, tags, cls, f), cc->s, AF_SYN_NC);
		cc->key = key;
	}
	memcpy(score, cc->s, sizeof cc->s);
	uint64_t k0 = af_syn_mix(af_syn_mix(info[i].w, info[i].flags & AF_SYN_F_FIRST), t0) | 1;
	struct syn_ccache *c0 = &cache->c0[k0 >> (64 - CC_BITS)];
	if (c0->key != k0) {
		memset(c0->s, 0, sizeof c0->s);
		af_syn_score(&m->chunk, f, af_syn_chunk_w0feats(info, i, tags, f), c0->s, AF_SYN_NC);
		c0->key = k0;
	}
	for (int c = 0; c < AF_SYN_PAD(AF_SYN_NC); c++)
		score[c] += c0->s[c];
	for (int d = 0; d < 4; d++) {
		ptrdiff_t j = (ptrdiff_t)i + (d < 2 ? d - 2 : d - 1);
		const int32_t *v = cache->edge[d];
		if (j >= 0 && (size_t)j < n) {
			uint64_t kn = info[j].lw | 1;
			struct syn_ncache *nb = &cache->nb[af_syn_mix(kn, 0x3d) >> (64 - NC_BITS)];
			if (nb->key != kn) {
				memset(nb->s, 0, sizeof nb->s);
				for (int e = 0; e < 4; e++)
					af_syn_score(&m->chunk, f, af_syn_chunk_nfeat(&info[j], e < 2 ? e - 2 : e - 1, f),
					             nb->s[e], AF_SYN_NC);
				nb->key = kn;
			}
			v = nb->s[d];
		}
		for (int c = 0; c < AF_SYN_PAD(AF_SYN_NC); c++)
			score[c] += v[c];
	}
	af_syn_score(&m->chunk, f, af_syn_chunk_wfeats(info, n, i, tags, cls, f), score, AF_SYN_NC);
}

/* the best class allowed after class prev */
static inline __attribute__((always_inline)) int chunk_best(int prev, const int32_t *score)
{
	int best = -1;
	for (int c = 0; c < AF_SYN_NC; c++)
		if (af_syn_chunk_ok(prev, c) && (best < 0 || score[c] > score[best]))
			best = c;
	return best;
}

/* The tagger's second choice, for the chunker (an experiment, not used by af_syntax_parse;
 * af-train-syntax's AF_SYNTAX_JOINT=1 measures it): a word whose second-best tag is behind the
 * best by less than JOINT_MAX (in weights) is chunked under that tag instead when the chunker's
 * best class under it scores better by more than the tagger's margin. Issue 11's sixth round:
 * chunk F1 +0.001 to +0.002 on dev and on the held-out tenth (9% of the words tried), but on
 * Tehran Times text read by hand 7 of 20 changes better and 10 worse (verbs in -ing read as
 * nouns: "casting doubt", "meddling in"), so af-parse does not use it (docs/syntax.md). */
#define JOINT_MAX 40.0f

/* Chunks a sentence greedily. With alt: word i is chunked under its second-best tag alt[i]
 * where that gives the chunker's best class a score better than under tags[i] by more than
 * the tagger's margin[i] (both in weight units), and tags[i] becomes alt[i] (the chunker's
 * copy of the tags: its later words see it). The count of words tried. */
static inline __attribute__((always_inline)) size_t
chunk_run(const struct af_syntax *m, struct af_parse *p, const struct af_syn_info *info, size_t n, uint8_t *tags,
          uint8_t *cls, const uint8_t *alt, const float *margin, float *gain, uint8_t *acls, const int joint)
{
	struct syn_cache *cache = cache_of(m, p);
	size_t tried = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t score[AF_SYN_PAD(AF_SYN_NC)];
		chunk_score(m, cache, info, n, i, tags, cls, score);
		int prev = i ? cls[i - 1] : 0, best = chunk_best(prev, score);
		int view = joint == 2; /* the chunker's view only: what its best class would gain under alt[i] */
		if (view) {
			gain[i] = 0;
			acls[i] = (uint8_t)best;
		}
		if (alt && alt[i] != tags[i] && (view || (joint && margin[i] < JOINT_MAX))) {
			uint8_t keep = tags[i];
			int32_t s2[AF_SYN_PAD(AF_SYN_NC)];
			tags[i] = alt[i];
			chunk_score(m, cache, info, n, i, tags, cls, s2);
			int b2 = chunk_best(prev, s2);
			float g = ((float)s2[b2] - (float)score[best]) * m->chunk.scale;
			if (view) {
				gain[i] = g;
				acls[i] = (uint8_t)b2;
				tags[i] = keep;
			} else {
				tried++;
				if (g > margin[i])
					best = b2;
				else
					tags[i] = keep;
			}
		}
		cls[i] = (uint8_t)best;
	}
	return tried;
}

/* the two made separately, so the greedy one has no test of alt per word */
static size_t chunk_infos(const struct af_syntax *m, struct af_parse *p, const struct af_syn_info *info, size_t n,
                          const uint8_t *tags, uint8_t *cls)
{
	return chunk_run(m, p, info, n, (uint8_t *)tags, cls, NULL, NULL, NULL, NULL, 0); /* tags not written */
}

static size_t chunk_infos_joint(const struct af_syntax *m, struct af_parse *p, const struct af_syn_info *info,
                                size_t n, uint8_t *tags, uint8_t *cls, const uint8_t *alt, const float *margin)
{
	return chunk_run(m, p, info, n, tags, cls, alt, margin, NULL, NULL, 1);
}

/* The infos of words w[0..n) of one sentence with their ambiguity classes and clusters, as
 * af_syn_infos, af_syn_ambs and af_syn_clusters give them, from the thread's cache for the
 * words seen before (news repeats its words: most are). */
static void infos_cached(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                         struct af_syn_info *info)
{
	struct syn_cache *cache = cache_of(m, p);
	for (size_t t = 0; t < n; t++) {
		uint64_t key = af_syn_mix(af_syn_hstr(w[t].s, w[t].len), 0x1f) | 1;
		struct syn_icache *e = &cache->in[key >> (64 - IC_BITS)];
		if (e->key != key) {
			af_syn_infos(&w[t], 1, &e->x);
			af_syn_ambs(&m->amb, &e->x, 1);
			af_syn_clusters(&m->clu, &e->x, 1);
			e->x.flags &= ~(uint32_t)AF_SYN_F_FIRST;
			e->key = key;
		}
		info[t] = e->x;
		if (t == 0)
			info[t].flags |= AF_SYN_F_FIRST;
	}
}

void af_syntax_tag(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                   uint8_t *tags)
{
	struct af_syn_info *info = infos_of(p, n);
	infos_cached(m, p, w, n, info);
	tag_infos(m, p, info, n, tags, NULL, NULL);
}

void af_syn_tag_alt(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                    uint8_t *tags, uint8_t *alt)
{
	float *margin = af_malloc((n + 1) * sizeof *margin);
	struct af_syn_info *info = infos_of(p, n);
	infos_cached(m, p, w, n, info);
	tag_infos(m, p, info, n, tags, alt, margin);
	free(margin);
}

/* Tags and chunks a sentence as af-parse does: the tags into tags, the classes into cls; with
 * joint, the chunker also weighs the tagger's second choice (chunk_infos), in ctags, alt and
 * margin (n each). The count of words chunked under their second tag tried. */
static size_t tag_chunk_infos(const struct af_syntax *m, struct af_parse *p, const struct af_syn_info *info, size_t n,
                              int joint, uint8_t *tags, uint8_t *cls, uint8_t *ctags, uint8_t *alt, float *margin)
{
	tag_infos(m, p, info, n, tags, joint ? alt : NULL, margin);
	if (!joint)
		return chunk_infos(m, p, info, n, tags, cls);
	memcpy(ctags, tags, n);
	return chunk_infos_joint(m, p, info, n, ctags, cls, alt, margin);
}

size_t af_syn_tag_chunk(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                        int joint, uint8_t *tags, uint8_t *cls)
{
	float *margin = af_malloc((n + 1) * sizeof *margin);
	uint8_t *alt = af_malloc(2 * n + 1);
	struct af_syn_info *info = infos_of(p, n);
	infos_cached(m, p, w, n, info);
	size_t tried = tag_chunk_infos(m, p, info, n, joint, tags, cls, alt + n, alt, margin);
	free(margin);
	free(alt);
	return tried;
}

void af_syn_chunk_view(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                       uint8_t *tags, uint8_t *alt, float *margin, float *gain, uint8_t *cls, uint8_t *acls)
{
	struct af_syn_info *info = infos_of(p, n);
	infos_cached(m, p, w, n, info);
	tag_infos(m, p, info, n, tags, alt, margin);
	chunk_run(m, p, info, n, tags, cls, alt, margin, gain, acls, 2);
}

void af_syntax_chunk(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w,
                     const uint8_t *tags, size_t n, uint8_t *chunk, uint8_t *begin)
{
	struct af_syn_info *info = infos_of(p, n);
	infos_cached(m, p, w, n, info);
	chunk_infos(m, p, info, n, tags, chunk);
	for (size_t i = 0; i < n; i++) {
		begin[i] = (uint8_t)af_syn_cls_begin(chunk[i]);
		chunk[i] = (uint8_t)af_syn_cls_type(chunk[i]);
	}
}

static void grow_toks(struct af_parse *p, size_t n)
{
	if (p->cap_tok < n) {
		size_t c = p->cap_tok ? p->cap_tok : 256;
		while (c < n)
			c *= 2;
		p->tok = af_realloc(p->tok, c * sizeof *p->tok);
		p->cap_tok = c;
	}
}

int af_syntax_parse(const struct af_syntax *m, const char *text, size_t len, const struct af_tokens *toks,
                    const struct af_sentences *sents, struct af_parse *p, struct af_error *err)
{
	return af_syntax_parse_some(m, text, len, toks, sents, NULL, p, err);
}

/* Makes p->tok[0..n) as outside every sentence (tag SYM, chunk O, no NP, an empty lemma),
 * clearing only what the last parse wrote (p->set) and the tokens never cleared before. */
static void clear_toks(struct af_parse *p, size_t n)
{
	static const struct af_syn_tok none = {.tag = AF_POS_SYM, .chunk = AF_CH_O, .np = -1};
	grow_toks(p, n);
	for (size_t k = 0; k < p->nset; k++)
		for (size_t i = p->set[2 * k]; i < p->set[2 * k + 1] && i < p->clean; i++)
			p->tok[i] = none;
	p->nset = 0;
	for (; p->clean < n; p->clean++)
		p->tok[p->clean] = none;
}

/* Records tokens [a, b) as written by this parse (cleared by the next). */
static void mark_set(struct af_parse *p, size_t a, size_t b)
{
	if (p->nset && p->set[2 * p->nset - 1] == a) {
		p->set[2 * p->nset - 1] = b;
		return;
	}
	if (2 * p->nset + 2 > p->cap_set)
		p->set = af_grow(p->set, &p->cap_set, 2 * p->nset + 2, sizeof *p->set);
	p->set[2 * p->nset] = a;
	p->set[2 * p->nset + 1] = b;
	p->nset++;
}

/* Tokens [a, b) (b > a), one sentence of text: tags, chunks and lemmas. */
static void parse_sentence(const struct af_syntax *m, const char *text, const struct af_tokens *toks, size_t a,
                           size_t b, struct af_parse *p)
{
	size_t n = b - a;
	size_t need = n * (sizeof(struct af_syn_info) + sizeof(struct af_syn_word) + sizeof(float) + 4) + 64;
	if (p->cap_work * 8 < need) {
		size_t c = p->cap_work ? p->cap_work : 256;
		while (c * 8 < need)
			c *= 2;
		free(p->work);
		p->work = af_malloc(c * 8);
		p->cap_work = c;
	}
	struct af_syn_info *info = (struct af_syn_info *)p->work;
	struct af_syn_word *w = (struct af_syn_word *)(info + n);
	float *margin = (float *)(w + n);
	uint8_t *tags = (uint8_t *)(margin + n), *cls = tags + n, *ctags = cls + n, *alt = ctags + n;
	for (size_t i = 0; i < n; i++) {
		w[i].s = text + toks->v[a + i].start;
		w[i].len = toks->v[a + i].end - toks->v[a + i].start;
	}
	infos_cached(m, p, w, n, info);
	tag_chunk_infos(m, p, info, n, 0, tags, cls, ctags, alt, margin);
	for (size_t i = 0; i < n; i++) {
		struct af_syn_tok *t = &p->tok[a + i];
		t->tag = tags[i];
		t->chunk = (uint8_t)af_syn_cls_type(cls[i]);
		t->begin = (uint8_t)af_syn_cls_begin(cls[i]);
	}
}

/* The lemmas of tokens [a, b) from their tags, appended to p->lemmas. */
static void lemmatize_toks(const struct af_syntax *m, const char *text, const struct af_tokens *toks, size_t a,
                           size_t b, struct af_parse *p)
{
	for (size_t i = a; i < b; i++) {
		char lb[AF_SYN_WORDMAX];
		const char *s = text + toks->v[i].start;
		size_t n = toks->v[i].end - toks->v[i].start;
		struct af_syn_tok *t = &p->tok[i];
		t->lemma = (uint32_t)p->lemmas.len;
		if (n >= AF_SYN_WORDMAX - 8) {
			af_buf_add(&p->lemmas, s, n);
			t->lemma_len = (uint32_t)n;
		} else {
			size_t l = af_lemmatize(m, s, n, t->tag, lb, sizeof lb);
			af_buf_add(&p->lemmas, lb, l);
			t->lemma_len = (uint32_t)l;
		}
	}
}

int af_syntax_parse_some(const struct af_syntax *m, const char *text, size_t len, const struct af_tokens *toks,
                         const struct af_sentences *sents, const uint8_t *want, struct af_parse *p,
                         struct af_error *err)
{
	(void)len;
	for (size_t s = 0; s < sents->n; s++)
		if (sents->v[s].tok_end > toks->n || sents->v[s].tok_start > sents->v[s].tok_end) {
			af_error_set(err, "sentence %zu out of range", s);
			return -1;
		}
	clear_toks(p, toks->n);
	p->ntok = toks->n;
	af_buf_reset(&p->lemmas);
	/* one sentence at a time: words, infos, tags, chunk classes in the work space; with
	 * want, only the tokens of the sentences asked for are touched */
	for (size_t s = 0; s < sents->n; s++) {
		size_t a = sents->v[s].tok_start, b = sents->v[s].tok_end;
		if (want && want[s] != 1)
			continue;
		if (b > a)
			parse_sentence(m, text, toks, a, b, p);
		if (want) {
			lemmatize_toks(m, text, toks, a, b, p);
			mark_set(p, a, b);
		}
	}
	if (!want) { /* every token, those outside every sentence too */
		lemmatize_toks(m, text, toks, 0, toks->n, p);
		mark_set(p, 0, toks->n);
	}
	af_parse_clauses(p, text, toks, sents, want);
	return 0;
}

void af_parse_free(struct af_parse *p)
{
	free(p->tok);
	af_buf_free(&p->lemmas);
	free(p->np);
	free(p->objs);
	free(p->pps);
	free(p->cl);
	free(p->work);
	free(p->units);
	free(p->cache);
	free(p->set);
	memset(p, 0, sizeof *p);
}

uint32_t af_syn_lexkey(const char *lower, size_t n)
{
	return af_syn_key32(af_syn_hstr(lower, n));
}
