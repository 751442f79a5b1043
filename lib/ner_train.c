/* ner_train.c - reading CoNLL and GMB files, the gazetteers, the two-pass averaged structured
 * perceptron with jackknifing, writing the model, and tagging a labelled file for evaluation
 * (af-train-ner; af/ner_train.h). */
#include "ner_train.h"
#include "ner_impl.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- corpora ---- */

static int label_of(const char *tag, int gmb)
{
	if (!strcmp(tag, "O"))
		return 0;
	if (strlen(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')
		return -1;
	int inside = tag[0] == 'I';
	const char *t = tag + 2;
	int type;
	if (!gmb) {
		if (!strcmp(t, "PER"))
			type = 0;
		else if (!strcmp(t, "ORG"))
			type = 1;
		else if (!strcmp(t, "LOC"))
			type = 2;
		else if (!strcmp(t, "MISC"))
			type = 3;
		else
			return -1;
	} else {
		/* GMB: per PER, org ORG, geo LOC, gpe (mostly nationalities: Iraqi, Afghan) MISC,
		 * art eve nat MISC, tim dropped */
		if (!strcmp(t, "per"))
			type = 0;
		else if (!strcmp(t, "org"))
			type = 1;
		else if (!strcmp(t, "geo"))
			type = 2;
		else if (!strcmp(t, "gpe") || !strcmp(t, "art") || !strcmp(t, "eve") || !strcmp(t, "nat"))
			type = 3;
		else if (!strcmp(t, "tim"))
			return 0;
		else
			return -1;
	}
	return 1 + 2 * type + inside;
}

static void corpus_push_word(struct corpus *c, const char *w, int lab)
{
	if (c->nw == c->capw) {
		c->capw = c->capw ? c->capw * 2 : 1 << 16;
		c->words = af_realloc(c->words, c->capw * sizeof *c->words);
		c->gold = af_realloc(c->gold, c->capw);
	}
	c->words[c->nw] = (struct af_ner_word){af_strdup(w), strlen(w), 0};
	c->gold[c->nw++] = (unsigned char)lab;
}

static void corpus_end_sent(struct corpus *c, size_t start)
{
	if (c->nw == start)
		return;
	if (c->ns == c->caps) {
		c->caps = c->caps ? c->caps * 2 : 1 << 12;
		c->sents = af_realloc(c->sents, c->caps * sizeof *c->sents);
	}
	c->sents[c->ns++] = (struct af_ner_sent){start, c->nw};
}

static void corpus_end_doc(struct corpus *c, size_t sstart)
{
	if (c->ns == sstart)
		return;
	if (c->nd == c->capd) {
		c->capd = c->capd ? c->capd * 2 : 1 << 10;
		c->docs = af_realloc(c->docs, c->capd * sizeof *c->docs);
	}
	c->docs[c->nd++] = (struct doc){sstart, c->ns, c->sents[sstart].start, c->sents[c->ns - 1].end, 0};
}

/* Repairs IOB1-style or broken I- (an I-X not after B-X / I-X becomes B-X). */
static void fix_bio(unsigned char *lab, size_t n)
{
	int prev = -1;
	for (size_t i = 0; i < n; i++) {
		if (!af_ner_valid(prev, lab[i]))
			lab[i]--;
		prev = lab[i];
	}
}

int corpus_read(struct corpus *c, const char *path, int gmb, int sent_docs, struct af_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		af_error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0, sstart = c->nw, dstart = c->ns;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = 0;
		if (!len) {
			corpus_end_sent(c, sstart);
			sstart = c->nw;
			if (sent_docs) {
				corpus_end_doc(c, dstart);
				dstart = c->ns;
			}
			continue;
		}
		char *first = line, *last = strrchr(line, ' ');
		char *sp = strchr(line, ' ');
		if (!sp || !last) {
			af_error_set(err, "%s:%zu: expected \"word ... tag\"", path, lineno);
			free(line);
			fclose(f);
			return -1;
		}
		*sp = 0;
		if (!strcmp(first, "-DOCSTART-")) {
			corpus_end_sent(c, sstart);
			sstart = c->nw;
			corpus_end_doc(c, dstart);
			dstart = c->ns;
			continue;
		}
		int lab = label_of(last + 1, gmb);
		if (lab < 0) {
			af_error_set(err, "%s:%zu: unknown tag \"%s\"", path, lineno, last + 1);
			free(line);
			fclose(f);
			return -1;
		}
		corpus_push_word(c, first, lab);
	}
	free(line);
	fclose(f);
	corpus_end_sent(c, sstart);
	corpus_end_doc(c, dstart);
	for (size_t k = 0; k < c->ns; k++)
		fix_bio(c->gold + c->sents[k].start, c->sents[k].end - c->sents[k].start);
	return 0;
}

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->nw; i++)
		free((char *)c->words[i].s);
	free(c->words);
	free(c->gold);
	free(c->sents);
	free(c->docs);
	memset(c, 0, sizeof *c);
}

/* Splits off the last ndev sentences of c (whole documents) into dev. */
void corpus_split(struct corpus *c, size_t ndev, struct corpus *dev)
{
	memset(dev, 0, sizeof *dev);
	size_t d = c->nd;
	while (d > 0 && c->ns - c->docs[d - 1].s0 <= ndev)
		d--;
	if (d == c->nd)
		return;
	size_t s0 = c->docs[d].s0, w0 = c->docs[d].w0;
	for (size_t k = d; k < c->nd; k++) {
		size_t ss = dev->ns;
		for (size_t s = c->docs[k].s0; s < c->docs[k].s1; s++) {
			size_t ws = dev->nw;
			for (size_t i = c->sents[s].start; i < c->sents[s].end; i++)
				corpus_push_word(dev, c->words[i].s, c->gold[i]);
			corpus_end_sent(dev, ws);
		}
		corpus_end_doc(dev, ss);
	}
	for (size_t i = w0; i < c->nw; i++)
		free((char *)c->words[i].s);
	c->nw = w0;
	c->ns = s0;
	c->nd = d;
}

/* the labels by number, as CoNLL writes them */
static const char *const label_names[] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

int corpus_write(const struct corpus *c, const char *path, struct af_error *err)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		af_error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (size_t d = 0; d < c->nd; d++) {
		fprintf(f, "-DOCSTART- -X- -X- O\n\n");
		for (size_t s = c->docs[d].s0; s < c->docs[d].s1; s++) {
			for (size_t i = c->sents[s].start; i < c->sents[s].end; i++)
				fprintf(f, "%s - - %s\n", c->words[i].s, label_names[c->gold[i]]);
			fputc('\n', f);
		}
	}
	if (fclose(f) != 0) {
		af_error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- growable key -> value tables, written in the model's layout ---- */

struct table {
	uint32_t *key, *val;
	uint32_t n, slots;
};

static uint32_t *table_slot(struct table *t, uint32_t key, int add)
{
	if (add && (t->n + 1) * 4 > t->slots * 3) {
		struct table u = {0};
		u.slots = t->slots ? t->slots * 2 : 1024;
		u.key = af_calloc(u.slots, 4);
		u.val = af_calloc(u.slots, 4);
		for (uint32_t i = 0; i < t->slots; i++)
			if (t->key[i]) {
				*table_slot(&u, t->key[i], 1) = t->val[i];
			}
		free(t->key);
		free(t->val);
		*t = u;
	}
	if (!t->slots)
		return NULL;
	uint32_t mask = t->slots - 1;
	for (uint32_t j = (key * 0x9e3779b1u) & mask;; j = (j + 1) & mask) {
		if (t->key[j] == key)
			return &t->val[j];
		if (!t->key[j]) {
			if (!add)
				return NULL;
			t->key[j] = key;
			t->n++;
			return &t->val[j];
		}
	}
}

static void table_free(struct table *t)
{
	free(t->key);
	free(t->val);
	memset(t, 0, sizeof *t);
}

static struct af_ner_map table_map(const struct table *t)
{
	return (struct af_ner_map){t->key, t->val, t->slots ? t->slots - 1 : 0};
}

/* ---- resources: clusters and capitalisation from af-train-ner --clusters ---- */

static int read_clusters(const char *path, struct table *words, struct table *caps, struct af_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		af_error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL, nb[256], lb[260], fb[256];
	size_t cap = 0, lineno = 0, rank = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = 0;
		char *fld[6];
		int nf = 0;
		for (char *p = line; nf < 6;) {
			fld[nf++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = 0;
			p = tab + 1;
		}
		if (nf == 6 && !strcmp(fld[0], "c")) {
			long fine, mid, coarse;
			double freq = atof(fld[2]);
			if (af_parse_long(fld[3], 0, 1023, &fine) || af_parse_long(fld[4], 0, 255, &mid) ||
			    af_parse_long(fld[5], 0, 63, &coarse))
				goto bad;
			size_t n = af_ner_norm(fld[1], strlen(fld[1]), nb, sizeof nb);
			n = af_ner_fold_digits(nb, n, fb, sizeof fb);
			/* frequency bin: log2 of the count, 0..15 */
			uint32_t fbin = freq < 2 ? 0 : (uint32_t)log2(freq);
			fbin = fbin > 15 ? 15 : fbin;
			uint32_t key = af_ner_key32(af_ner_hash(fb, n));
			uint32_t *v = table_slot(words, key, 0);
			if (!v) /* the most frequent spelling of a normalised form wins */
				*table_slot(words, key, 1) = (uint32_t)fine | (uint32_t)mid << 10 | (uint32_t)coarse << 18 |
				                              fbin << 24;
			rank++;
		} else if (nf == 4 && !strcmp(fld[0], "k")) {
			double tot = atof(fld[2]), up = atof(fld[3]);
			if (tot <= 0)
				goto bad;
			size_t n = af_ner_norm(fld[1], strlen(fld[1]), nb, sizeof nb);
			size_t ln = af_ner_lower(nb, n, lb, sizeof lb);
			uint32_t key = af_ner_key32(af_ner_hash(lb, ln));
			if (!table_slot(caps, key, 0))
				*table_slot(caps, key, 1) = (uint32_t)lround(10 * up / tot) + 1;
		} else
			goto bad;
	}
	free(line);
	fclose(f);
	af_warn("%s: %zu clustered words, %u capitalisation entries", path, rank, caps->n);
	return 0;
bad:
	af_error_set(err, "%s:%zu: not a clusters line", path, lineno);
	free(line);
	fclose(f);
	return -1;
}

/* ---- gazetteers ---- */

/* Phrase key of words w[i..j): the hash af_ner_tokinfo computes. */
static uint32_t phrase_key(const struct af_ner_word *w, size_t i, size_t j)
{
	char nb[256], lb[260];
	uint64_t h = 0x84222325cbf29ce4ull;
	for (size_t q = i; q < j; q++) {
		size_t n = af_ner_norm(w[q].s, w[q].len, nb, sizeof nb);
		size_t ln = af_ner_lower(nb, n, lb, sizeof lb);
		h = af_ner_mix(h, af_ner_hash(lb, ln));
	}
	return af_ner_key32(h);
}

/* The gazetteer while training: for each phrase, bits 0-3 x 16 folds of the CoNLL lists
 * (which folds' documents hold it as PER, ORG, LOC, MISC) and bits of the GMB lists. */
struct gaz {
	struct table t;     /* key -> index into ent */
	uint64_t *ent;      /* per phrase: 4 x 16 fold bits */
	uint8_t *gmb;       /* per phrase: GMB list bits 0-3 */
	uint32_t n, cap;
	int fold;           /* the fold being hidden, -1 none */
};

static uint32_t gaz_index(struct gaz *g, uint32_t key)
{
	uint32_t *v = table_slot(&g->t, key, 1);
	if (!*v) {
		if (g->n == g->cap) {
			g->cap = g->cap ? g->cap * 2 : 4096;
			g->ent = af_realloc(g->ent, g->cap * sizeof *g->ent);
			g->gmb = af_realloc(g->gmb, g->cap);
		}
		g->ent[g->n] = 0;
		g->gmb[g->n] = 0;
		*v = ++g->n;
	}
	return *v - 1;
}

static void gaz_add_corpus(struct gaz *g, const struct corpus *c, int gmb)
{
	for (size_t d = 0; d < c->nd; d++)
		for (size_t i = c->docs[d].w0; i < c->docs[d].w1;) {
			int l = c->gold[i];
			if (!l) {
				i++;
				continue;
			}
			size_t j = i + 1;
			while (j < c->docs[d].w1 && c->gold[j] == (l % 2 ? l + 1 : l))
				j++;
			if (j - i <= AF_NER_MAXGAZ) {
				uint32_t x = gaz_index(g, phrase_key(c->words, i, j));
				int type = (l - 1) / 2;
				if (gmb)
					g->gmb[x] |= (uint8_t)(1u << type);
				else
					g->ent[x] |= 1ull << (type * 16 + c->docs[d].fold);
			}
			i = j;
		}
}

static uint32_t gaz_lookup(void *ctx, uint32_t key)
{
	struct gaz *g = ctx;
	const uint32_t *v = table_slot(&g->t, key, 0);
	if (!v)
		return 0;
	uint64_t e = g->ent[*v - 1];
	uint32_t mask = (uint32_t)g->gmb[*v - 1] << 4;
	for (int type = 0; type < 4; type++) {
		uint64_t folds = e >> (type * 16) & 0xffff;
		if (g->fold >= 0)
			folds &= ~(1ull << g->fold);
		if (folds)
			mask |= 1u << type;
	}
	return mask;
}

/* ---- the perceptron ---- */

struct feats {
	uint32_t *idx;   /* feature indices of every word, pass by pass */
	size_t *off;     /* word i's features: idx[off[i] .. off[i+1]) */
};

struct perc {
	size_t nf;
	float *w;   /* nf x NL */
	double *u;  /* sums for averaging */
	float tr[(AF_NER_NL + 1) * AF_NER_NL];
	double utr[(AF_NER_NL + 1) * AF_NER_NL];
	double c;
};

static void perc_reset(struct perc *p)
{
	memset(p->w, 0, p->nf * AF_NER_NL * sizeof *p->w);
	memset(p->u, 0, p->nf * AF_NER_NL * sizeof *p->u);
	memset(p->tr, 0, sizeof p->tr);
	memset(p->utr, 0, sizeof p->utr);
	p->c = 1;
}

static void perc_emit(const struct perc *p, const struct feats *f, size_t w0, size_t n, float *e)
{
	for (size_t i = 0; i < n; i++) {
		float *ei = e + i * AF_NER_NL;
		memset(ei, 0, AF_NER_NL * sizeof *ei);
		for (size_t k = f->off[w0 + i]; k < f->off[w0 + i + 1]; k++) {
			uint32_t x = f->idx[k];
			if (x == UINT32_MAX)
				continue;
			const float *wx = p->w + (size_t)x * AF_NER_NL;
			for (int l = 0; l < AF_NER_NL; l++)
				ei[l] += wx[l];
		}
	}
}

static void perc_upd(struct perc *p, const struct feats *f, size_t wi, int l, float d)
{
	for (size_t k = f->off[wi]; k < f->off[wi + 1]; k++) {
		uint32_t x = f->idx[k];
		if (x == UINT32_MAX)
			continue;
		p->w[(size_t)x * AF_NER_NL + l] += d;
		p->u[(size_t)x * AF_NER_NL + l] += p->c * d;
	}
}

static void perc_updtr(struct perc *p, int a, int b, float d)
{
	p->tr[(a + 1) * AF_NER_NL + b] += d;
	p->utr[(a + 1) * AF_NER_NL + b] += p->c * d;
}

/* Averaged weights into w (and tr). */
static void perc_average(struct perc *p)
{
	for (size_t i = 0; i < p->nf * AF_NER_NL; i++)
		p->w[i] -= (float)(p->u[i] / p->c);
	for (int i = 0; i < (AF_NER_NL + 1) * AF_NER_NL; i++)
		p->tr[i] -= (float)(p->utr[i] / p->c);
}

static uint64_t rng_next(uint64_t *s)
{
	uint64_t x = *s += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* Trains p on the sentences of c whose document is not in fold skip (-1: all). */
static void perc_train(struct perc *p, const struct corpus *c, const struct feats *f, int skip, int epochs,
                       uint64_t seed)
{
	size_t *order = af_malloc(c->ns * sizeof *order), n = 0, maxlen = 1;
	for (size_t d = 0; d < c->nd; d++)
		if (c->docs[d].fold != skip)
			for (size_t s = c->docs[d].s0; s < c->docs[d].s1; s++) {
				order[n++] = s;
				size_t len = c->sents[s].end - c->sents[s].start;
				maxlen = len > maxlen ? len : maxlen;
			}
	float *e = af_malloc(maxlen * AF_NER_NL * sizeof *e);
	unsigned char *pred = af_malloc(maxlen), *back = af_malloc(maxlen * AF_NER_NL);
	uint64_t rs = seed;
	perc_reset(p);
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(rng_next(&rs) % i);
			size_t t = order[i - 1];
			order[i - 1] = order[j], order[j] = t;
		}
		size_t errs = 0, tot = 0;
		for (size_t k = 0; k < n; k++) {
			const struct af_ner_sent *se = &c->sents[order[k]];
			size_t len = se->end - se->start;
			perc_emit(p, f, se->start, len, e);
			af_ner_viterbi(e, len, p->tr, pred, back);
			const unsigned char *gold = c->gold + se->start;
			int differ = 0;
			for (size_t i = 0; i < len; i++)
				if (pred[i] != gold[i]) {
					perc_upd(p, f, se->start + i, gold[i], 1);
					perc_upd(p, f, se->start + i, pred[i], -1);
					differ = 1;
					errs++;
				}
			if (differ)
				for (size_t i = 0; i < len; i++) {
					perc_updtr(p, i ? gold[i - 1] : -1, gold[i], 1);
					perc_updtr(p, i ? pred[i - 1] : -1, pred[i], -1);
				}
			tot += len;
			p->c++;
		}
		if (getenv("AF_TRAIN_VERBOSE"))
			af_warn("  epoch %d: %zu of %zu words wrong", ep + 1, errs, tot);
	}
	perc_average(p);
	free(order);
	free(e);
	free(pred);
	free(back);
}

/* perc_train with nseeds orders of the sentences (seed, seed + 7919, ...), the averaged
 * weights of the nseeds runs in p: a perceptron's weights depend on the order it saw the
 * sentences in, and their mean is steadier than any one run. */
static void perc_train_seeds(struct perc *p, const struct corpus *c, const struct feats *f, int skip, int epochs,
                             uint64_t seed, int nseeds)
{
	perc_train(p, c, f, skip, epochs, seed);
	if (nseeds <= 1)
		return;
	size_t nw = p->nf * AF_NER_NL;
	enum { NT = (AF_NER_NL + 1) * AF_NER_NL };
	float *sum = af_malloc(nw * sizeof *sum), tsum[NT];
	memcpy(sum, p->w, nw * sizeof *sum);
	memcpy(tsum, p->tr, sizeof tsum);
	for (int k = 1; k < nseeds; k++) {
		perc_train(p, c, f, skip, epochs, seed + 7919u * (uint64_t)k);
		for (size_t i = 0; i < nw; i++)
			sum[i] += p->w[i];
		for (int i = 0; i < NT; i++)
			tsum[i] += p->tr[i];
	}
	for (size_t i = 0; i < nw; i++)
		p->w[i] = sum[i] / (float)nseeds;
	for (int i = 0; i < NT; i++)
		p->tr[i] = tsum[i] / (float)nseeds;
	free(sum);
}

/* First-pass labels of the documents of fold `fold` (all when -1) into lab. */
static void perc_predict(const struct perc *p, const struct corpus *c, const struct feats *f, int fold,
                         unsigned char *lab)
{
	size_t maxlen = 1;
	for (size_t s = 0; s < c->ns; s++) {
		size_t len = c->sents[s].end - c->sents[s].start;
		maxlen = len > maxlen ? len : maxlen;
	}
	float *e = af_malloc(maxlen * AF_NER_NL * sizeof *e);
	unsigned char *back = af_malloc(maxlen * AF_NER_NL);
	for (size_t d = 0; d < c->nd; d++) {
		if (fold >= 0 && c->docs[d].fold != fold)
			continue;
		for (size_t s = c->docs[d].s0; s < c->docs[d].s1; s++) {
			const struct af_ner_sent *se = &c->sents[s];
			perc_emit(p, f, se->start, se->end - se->start, e);
			af_ner_viterbi(e, se->end - se->start, p->tr, lab + se->start, back);
		}
	}
	free(e);
	free(back);
}

/* ---- features of the training corpus ---- */

struct featmap {
	struct table t;  /* key -> index + 1 */
	uint32_t *keys;  /* index -> key */
	uint32_t *count;
	uint32_t n, cap;
};

static uint32_t featmap_index(struct featmap *m, uint32_t key, int add)
{
	uint32_t *v = table_slot(&m->t, key, add);
	if (!v)
		return UINT32_MAX;
	if (!*v) {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 1 << 16;
			m->keys = af_realloc(m->keys, m->cap * sizeof *m->keys);
			m->count = af_realloc(m->count, m->cap * sizeof *m->count);
		}
		m->keys[m->n] = key;
		m->count[m->n] = 0;
		*v = ++m->n;
	}
	m->count[*v - 1]++;
	return *v - 1;
}

/* The features of pass `pass` of every word of c, from its token information tok. */
static void extract(const struct corpus *c, const struct af_ner_tok *tok, int pass, struct featmap *fm,
                    struct feats *f)
{
	uint32_t keys[AF_NER_MAXFEAT];
	size_t cap = c->nw * 64, n = 0;
	f->idx = af_malloc(cap * sizeof *f->idx);
	f->off = af_malloc((c->nw + 1) * sizeof *f->off);
	for (size_t s = 0; s < c->ns; s++) {
		const struct af_ner_sent *se = &c->sents[s];
		for (size_t i = se->start; i < se->end; i++) {
			size_t nk = af_ner_features(tok + se->start, se->end - se->start, i - se->start, pass, keys);
			if (n + nk > cap) {
				cap *= 2;
				f->idx = af_realloc(f->idx, cap * sizeof *f->idx);
			}
			f->off[i] = n;
			for (size_t k = 0; k < nk; k++)
				f->idx[n++] = featmap_index(fm, keys[k], 1);
		}
	}
	f->off[c->nw] = n;
}

static void feats_free(struct feats *f)
{
	free(f->idx);
	free(f->off);
}

/* Drops (marks UINT32_MAX) the features seen fewer than min times. */
static void prune_rare(struct feats *f, size_t nw, const struct featmap *fm, uint32_t min)
{
	for (size_t k = 0; k < f->off[nw]; k++)
		if (f->idx[k] != UINT32_MAX && fm->count[f->idx[k]] < min)
			f->idx[k] = UINT32_MAX;
}

/* ---- the model file ---- */

static void put32(FILE *f, uint32_t v)
{
	fwrite(&v, 4, 1, f);
}

static void putsec(FILE *f, const void *p, size_t n)
{
	static const char zero[4];
	fwrite(p, 1, n, f);
	fwrite(zero, 1, (4 - n % 4) % 4, f);
}

static void put_table(FILE *f, const struct table *t)
{
	put32(f, t->slots);
	if (t->slots) {
		putsec(f, t->key, (size_t)t->slots * 4);
		putsec(f, t->val, (size_t)t->slots * 4);
	}
}

/* The weights of p whose quantised values are not all zero, as a table with the given
 * load factor (percent). */
static size_t put_weights(FILE *f, const struct perc *p, const struct featmap *fm, float scale, int load)
{
	size_t n = 0;
	int16_t *q = af_malloc(p->nf * AF_NER_NL * sizeof *q);
	char *keep = af_calloc(p->nf, 1);
	for (size_t x = 0; x < p->nf; x++) {
		for (int l = 0; l < AF_NER_NL; l++) {
			long v = lroundf(p->w[x * AF_NER_NL + l] / scale);
			v = v > 32767 ? 32767 : v < -32767 ? -32767 : v;
			q[x * AF_NER_NL + l] = (int16_t)v;
			if (v)
				keep[x] = 1;
		}
		n += keep[x];
	}
	uint32_t slots = 1024;
	while ((double)slots * load / 100 < (double)n)
		slots *= 2;
	uint32_t *key = af_calloc(slots, 4);
	int16_t *w = af_calloc((size_t)slots * AF_NER_NL, 2);
	for (size_t x = 0; x < p->nf; x++) {
		if (!keep[x])
			continue;
		uint32_t k = fm->keys[x], j = (k * 0x9e3779b1u) & (slots - 1);
		while (key[j])
			j = (j + 1) & (slots - 1);
		key[j] = k;
		memcpy(w + (size_t)j * AF_NER_NL, q + x * AF_NER_NL, AF_NER_NL * 2);
	}
	put32(f, slots);
	putsec(f, key, (size_t)slots * 4);
	putsec(f, w, (size_t)slots * AF_NER_NL * 2);
	free(key);
	free(w);
	free(q);
	free(keep);
	return n;
}

/* ---- training ---- */

/* The training data: clusters, the CoNLL corpus in folds, the GMB gazetteer part (and its
 * held-out slice written when asked), the gazetteer of both. */
static int read_training(const struct af_ner_train_opts *o, struct table *words, struct table *caps,
                         struct corpus *c, struct corpus *gmb, struct corpus *gdev, struct gaz *g,
                         struct af_error *err)
{
	if (read_clusters(o->clusters, words, caps, err) < 0)
		return -1;
	if (corpus_read(c, o->conll, 0, 0, err) < 0)
		return -1;
	for (size_t d = 0; d < c->nd; d++)
		c->docs[d].fold = (int)(d % (size_t)o->folds);
	af_warn("%s: %zu documents, %zu sentences, %zu words", o->conll, c->nd, c->ns, c->nw);
	gaz_add_corpus(g, c, 0);
	if (o->gmb) {
		if (corpus_read(gmb, o->gmb, 1, 1, err) < 0)
			return -1;
		corpus_split(gmb, o->gmb_dev, gdev);
		af_warn("%s: %zu sentences for the gazetteer, %zu held out for evaluation", o->gmb, gmb->ns, gdev->ns);
		if (o->gmb_dev_out && corpus_write(gdev, o->gmb_dev_out, err) < 0)
			return -1;
		gaz_add_corpus(g, gmb, 1);
	}
	af_warn("gazetteer: %u phrases", g->n);
	return 0;
}

/* The token information of every word of c, each document with the gazetteer of the other
 * folds. */
static struct af_ner_tok *corpus_tokinfo(const struct table *words, const struct table *caps,
                                         const struct corpus *c, struct gaz *g)
{
	/* the model's lookup tables, without weights yet */
	struct af_ner_model res = {0};
	res.words = table_map(words);
	res.caps = table_map(caps);
	struct af_ner_tok *tok = af_malloc(c->nw * sizeof *tok);
	for (size_t d = 0; d < c->nd; d++) {
		g->fold = c->docs[d].fold;
		const struct doc *dc = &c->docs[d];
		/* sentences relative to the document's first word */
		size_t ns = dc->s1 - dc->s0;
		struct af_ner_sent *ss = af_malloc(ns * sizeof *ss);
		for (size_t s = 0; s < ns; s++)
			ss[s] = (struct af_ner_sent){c->sents[dc->s0 + s].start - dc->w0, c->sents[dc->s0 + s].end - dc->w0};
		af_ner_tokinfo(&res, c->words + dc->w0, dc->w1 - dc->w0, ss, ns, tok + dc->w0, gaz_lookup, g);
		free(ss);
	}
	g->fold = -1;
	return tok;
}

/* Jackknifed first-pass labels (each fold tagged by a pass 1 trained on the others) into
 * tok's second-pass fields. */
static void jackknife(struct perc *p, const struct corpus *c, const struct feats *f1,
                      const struct af_ner_train_opts *o, struct af_ner_tok *tok)
{
	unsigned char *lab = af_calloc(c->nw, 1);
	for (int k = 0; k < o->folds; k++) {
		perc_train_seeds(p, c, f1, k, o->epochs, o->seed + (uint64_t)k, o->seeds);
		perc_predict(p, c, f1, k, lab);
		size_t ok = 0, n = 0;
		for (size_t d = 0; d < c->nd; d++)
			if (c->docs[d].fold == k)
				for (size_t i = c->docs[d].w0; i < c->docs[d].w1; i++)
					ok += lab[i] == c->gold[i], n++;
		af_warn("fold %d: first-pass word accuracy %.4f", k, (double)ok / (double)n);
	}
	for (size_t d = 0; d < c->nd; d++) {
		const struct doc *dc = &c->docs[d];
		af_ner_docinfo(c->words + dc->w0, dc->w1 - dc->w0, NULL, 0, lab + dc->w0, tok + dc->w0);
	}
	free(lab);
}

/* The quantisation step: the largest weight or transition of both passes / 32767 * quant. */
static float quant_scale(const struct perc *p1, const struct perc *p2, float quant)
{
	float mx = 0;
	for (size_t i = 0; i < p1->nf * AF_NER_NL; i++)
		mx = fabsf(p1->w[i]) > mx ? fabsf(p1->w[i]) : mx;
	for (size_t i = 0; i < p2->nf * AF_NER_NL; i++)
		mx = fabsf(p2->w[i]) > mx ? fabsf(p2->w[i]) : mx;
	for (int i = 0; i < (AF_NER_NL + 1) * AF_NER_NL; i++)
		mx = fmaxf(mx, fmaxf(fabsf(p1->tr[i]), fabsf(p2->tr[i])));
	float scale = (mx > 0 ? mx : 1) / 32767.0f * quant;
	af_warn("largest weight %g, quantisation step %g", (double)mx, (double)scale);
	return scale;
}

/* The model file (docs/ner.md), written to a temporary file renamed over o->out. */
static int write_model(const struct af_ner_train_opts *o, float scale, const struct table *words,
                       const struct table *caps, const struct table *gz, const struct perc *p1,
                       const struct perc *p2, const struct featmap *fm, struct af_error *err)
{
	size_t plen = strlen(o->out);
	char *tmp = af_malloc(plen + 8);
	snprintf(tmp, plen + 8, "%s.tmp", o->out);
	FILE *out = fopen(tmp, "wb");
	if (!out) {
		af_error_set(err, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	fwrite("AFNER\0\0\0", 1, 8, out);
	put32(out, AF_NER_VERSION);
	put32(out, AF_NER_NL);
	uint32_t sc;
	memcpy(&sc, &scale, 4);
	put32(out, sc);
	int16_t qt[(AF_NER_NL + 1) * AF_NER_NL];
	for (int i = 0; i < (AF_NER_NL + 1) * AF_NER_NL; i++)
		qt[i] = (int16_t)lroundf(p1->tr[i] / scale);
	putsec(out, qt, sizeof qt);
	for (int i = 0; i < (AF_NER_NL + 1) * AF_NER_NL; i++)
		qt[i] = (int16_t)lroundf(p2->tr[i] / scale);
	putsec(out, qt, sizeof qt);
	put_table(out, words);
	put_table(out, caps);
	put_table(out, gz);
	size_t k1 = put_weights(out, p1, fm, scale, o->load);
	size_t k2 = put_weights(out, p2, fm, scale, o->load);
	if (fclose(out) != 0 || rename(tmp, o->out) != 0) {
		af_error_set(err, "%s: %s", o->out, strerror(errno));
		free(tmp);
		return -1;
	}
	af_warn("%s: %zu + %zu weights kept, %u words, %u capitalisation entries, %u gazetteer phrases", o->out, k1,
	        k2, words->n, caps->n, gz->n);
	free(tmp);
	return 0;
}

int af_ner_train(const struct af_ner_train_opts *o, struct af_error *err)
{
	struct table words = {0}, caps = {0};
	struct corpus c = {0}, gmb = {0}, gdev = {0};
	struct gaz g = {0};
	g.fold = -1;
	if (read_training(o, &words, &caps, &c, &gmb, &gdev, &g, err) < 0)
		return -1;
	struct af_ner_tok *tok = corpus_tokinfo(&words, &caps, &c, &g);

	struct featmap fm = {0};
	struct feats f1, f2;
	extract(&c, tok, 1, &fm, &f1);
	prune_rare(&f1, c.nw, &fm, (uint32_t)o->min_count);
	af_warn("pass 1: %u features", fm.n);

	struct perc p = {0};
	/* room for pass 2's features too: extraction adds them later */
	p.nf = fm.n;
	p.w = af_malloc(p.nf * AF_NER_NL * sizeof *p.w);
	p.u = af_malloc(p.nf * AF_NER_NL * sizeof *p.u);
	jackknife(&p, &c, &f1, o, tok);
	/* the final first pass on everything */
	perc_train_seeds(&p, &c, &f1, -1, o->epochs, o->seed, o->seeds);
	free(p.u);
	p.u = NULL;

	/* the second pass */
	uint32_t base = fm.n;
	extract(&c, tok, 2, &fm, &f2);
	prune_rare(&f2, c.nw, &fm, (uint32_t)o->min_count);
	af_warn("pass 2: %u features", fm.n - base);
	struct perc p2 = {0};
	p2.nf = fm.n;
	p2.w = af_malloc(p2.nf * AF_NER_NL * sizeof *p2.w);
	p2.u = af_malloc(p2.nf * AF_NER_NL * sizeof *p2.u);
	perc_train_seeds(&p2, &c, &f2, -1, o->epochs, o->seed + 1000, o->seeds);

	/* the model */
	float scale = quant_scale(&p, &p2, o->quant);
	struct table gz = {0};
	for (uint32_t s = 0; s < g.t.slots; s++)
		if (g.t.key[s]) {
			uint32_t v = gaz_lookup(&g, g.t.key[s]);
			if (v)
				*table_slot(&gz, g.t.key[s], 1) = v;
		}
	int rc = write_model(o, scale, &words, &caps, &gz, &p, &p2, &fm, err);
	free(p.w);
	free(p2.w);
	free(p2.u);
	feats_free(&f1);
	feats_free(&f2);
	table_free(&fm.t);
	free(fm.keys);
	free(fm.count);
	free(tok);
	table_free(&words);
	table_free(&caps);
	table_free(&gz);
	table_free(&g.t);
	free(g.ent);
	free(g.gmb);
	corpus_free(&c);
	corpus_free(&gmb);
	corpus_free(&gdev);
	return rc;
}

void af_ner_each_cluster(const struct af_ner_model *m, void (*fn)(void *ctx, uint32_t key, uint32_t clusters),
                         void *ctx)
{
	const struct af_ner_map *w = &m->words;
	size_t slots = w->key ? (size_t)w->mask + 1 : 0;
	for (size_t j = 0; j < slots; j++)
		if (w->key[j] && w->val[j])
			fn(ctx, w->key[j], w->val[j]);
}

/* ---- tagging a labelled file ---- */

int af_ner_tag_conll(const char *model, const char *path, int gmb, FILE *out, double *secsp, size_t *nwords,
                     struct af_error *err)
{
	struct af_ner_model *m;
	struct corpus c = {0};
	if (af_ner_load(&m, model, err) < 0)
		return -1;
	if (corpus_read(&c, path, gmb, gmb, err) < 0) {
		af_ner_free(m);
		return -1;
	}
	struct af_ner_scratch *s = af_ner_scratch_new();
	struct af_ner_spans spans = {0};
	double secs = 0;
	int rc = 0;
	for (size_t d = 0; d < c.nd && rc == 0; d++) {
		const struct doc *dc = &c.docs[d];
		size_t ns = dc->s1 - dc->s0;
		struct af_ner_sent *ss = af_malloc((ns ? ns : 1) * sizeof *ss);
		for (size_t k = 0; k < ns; k++)
			ss[k] = (struct af_ner_sent){c.sents[dc->s0 + k].start - dc->w0, c.sents[dc->s0 + k].end - dc->w0};
		struct timespec t0, t1;
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
		rc = af_ner_tag(m, s, c.words + dc->w0, dc->w1 - dc->w0, ss, ns, &spans, err);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
		secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		const unsigned char *lab = af_ner_labels(s);
		for (size_t k = 0; k < ns && rc == 0; k++) {
			for (size_t i = ss[k].start; i < ss[k].end; i++)
				fprintf(out, "%s %s %s\n", c.words[dc->w0 + i].s, label_names[c.gold[dc->w0 + i]], label_names[lab[i]]);
			fputc('\n', out);
		}
		free(ss);
	}
	*secsp = secs;
	*nwords = c.nw;
	af_ner_spans_free(&spans);
	af_ner_scratch_free(s);
	af_ner_free(m);
	corpus_free(&c);
	return rc < 0 ? -1 : 0;
}
