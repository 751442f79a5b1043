/* ner_clusters.c - word clusters and capitalisation statistics from unlabeled text, for the
 * tagger's features (af-train-ner --clusters).
 *
 * The clustering is distributional: each frequent word (case kept, digits folded to 0) is
 * described by the words seen one and two positions to its left and right (the 10,000 most
 * frequent words, position by position), weighted by positive pointwise mutual information
 * with context-distribution smoothing (alpha 0.75); a rank-DIM truncated SVD of that sparse
 * matrix (randomised, with one power iteration) gives word vectors U S^0.5, normalised and
 * grouped by spherical k-means into K fine clusters; the fine centroids, weighted by their sizes, are grouped
 * again into coarser clusters, so each word gets a path of three cluster ids from coarse to
 * fine, as prefixes of a Brown cluster path would give. Everything is driven by one seed:
 * the same text and seed give the same file.
 *
 * Output, tab-separated, one word a line, sorted by frequency then bytes:
 *     c WORD FREQ FINE MID COARSE
 * and the capitalisation counts of lower-cased words seen at least 5 times not first in a
 * sentence:
 *     k LOWERWORD NONINITIAL CAPITALISED
 */
#include "ner_train.h"

#include "af/text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NCTX 10000     /* context words */
#define NPOS 4         /* positions -2 -1 +1 +2 */
#define MINFREQ 5      /* words clustered */
#define DIM 128        /* SVD dimensions */
#define BOS_ID 0xfffffffeu
#define SEP_ID 0xffffffffu

/* ---- a string interning table ---- */

struct vocab {
	char **s;
	uint64_t *freq;
	uint32_t n, cap;
	uint32_t *slot; /* open addressing: id + 1, 0 empty */
	uint32_t nslot;
};

static void vocab_grow(struct vocab *v)
{
	uint32_t ns = v->nslot ? v->nslot * 2 : 1u << 16;
	uint32_t *slot = af_calloc(ns, sizeof *slot);
	for (uint32_t i = 0; i < v->n; i++) {
		uint64_t h = af_hash(v->s[i], strlen(v->s[i]));
		uint32_t j = (uint32_t)h & (ns - 1);
		while (slot[j])
			j = (j + 1) & (ns - 1);
		slot[j] = i + 1;
	}
	free(v->slot);
	v->slot = slot;
	v->nslot = ns;
}

static uint32_t vocab_id(struct vocab *v, const char *s, size_t n)
{
	if ((uint64_t)(v->n + 1) * 2 > v->nslot)
		vocab_grow(v);
	uint64_t h = af_hash(s, n);
	uint32_t j = (uint32_t)h & (v->nslot - 1);
	while (v->slot[j]) {
		const char *t = v->s[v->slot[j] - 1];
		if (!strncmp(t, s, n) && t[n] == 0)
			return v->slot[j] - 1;
		j = (j + 1) & (v->nslot - 1);
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 1024;
		v->s = af_realloc(v->s, v->cap * sizeof *v->s);
		v->freq = af_realloc(v->freq, v->cap * sizeof *v->freq);
	}
	v->s[v->n] = af_strndup(s, n);
	v->freq[v->n] = 0;
	v->slot[j] = v->n + 1;
	return v->n++;
}

static void vocab_free(struct vocab *v)
{
	for (uint32_t i = 0; i < v->n; i++)
		free(v->s[i]);
	free(v->s);
	free(v->freq);
	free(v->slot);
}

/* ---- pair counts: (target, context dimension) -> count ---- */

struct pairs {
	uint64_t *key; /* target << 32 | dim, plus one; 0 empty */
	uint32_t *cnt;
	size_t n, nslot;
};

static void pairs_add(struct pairs *p, uint64_t key);

static void pairs_grow(struct pairs *p)
{
	struct pairs q = {0};
	q.nslot = p->nslot ? p->nslot * 2 : 1u << 22;
	q.key = af_calloc(q.nslot, sizeof *q.key);
	q.cnt = af_calloc(q.nslot, sizeof *q.cnt);
	for (size_t i = 0; i < p->nslot; i++)
		if (p->key[i]) {
			size_t j = (size_t)(p->key[i] * 0x9e3779b97f4a7c15ull >> 20) & (q.nslot - 1);
			while (q.key[j])
				j = (j + 1) & (q.nslot - 1);
			q.key[j] = p->key[i];
			q.cnt[j] = p->cnt[i];
			q.n++;
		}
	free(p->key);
	free(p->cnt);
	*p = q;
}

static void pairs_add(struct pairs *p, uint64_t key)
{
	key++;
	if ((p->n + 1) * 10 > p->nslot * 7)
		pairs_grow(p);
	size_t j = (size_t)(key * 0x9e3779b97f4a7c15ull >> 20) & (p->nslot - 1);
	while (p->key[j] && p->key[j] != key)
		j = (j + 1) & (p->nslot - 1);
	if (!p->key[j]) {
		p->key[j] = key;
		p->n++;
	}
	p->cnt[j]++;
}

/* ---- deterministic random numbers ---- */

static uint64_t rng_next(uint64_t *s)
{
	uint64_t x = *s += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static double rng_unit(uint64_t *s)
{
	return ((double)(rng_next(s) >> 11) + 0.5) / 9007199254740992.0;
}

static double rng_gauss(uint64_t *s)
{
	double u = rng_unit(s), v = rng_unit(s);
	return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* ---- spherical k-means ---- */

/* Groups the n unit vectors x (n x d) with weights w into k clusters; writes each vector's
 * cluster to out and the centroids to cent (k x d). */
static void kmeans(const float *x, const double *w, size_t n, int d, int k, int iters, uint64_t seed,
                   int *out, float *cent)
{
	uint64_t rs = seed;
	/* initial centroids: k distinct vectors drawn at random */
	char *used = af_calloc(n, 1);
	for (int c = 0; c < k; c++) {
		size_t i;
		do
			i = (size_t)(rng_next(&rs) % n);
		while (used[i]);
		used[i] = 1;
		memcpy(cent + (size_t)c * d, x + i * d, (size_t)d * sizeof *cent);
	}
	free(used);
	double *sum = af_malloc((size_t)k * d * sizeof *sum);
	double *mass = af_malloc((size_t)k * sizeof *mass);
	for (int it = 0; it < iters; it++) {
		size_t moved = 0;
		for (size_t i = 0; i < n; i++) {
			const float *xi = x + i * d;
			float best = -1e30f;
			int bc = 0;
			for (int c = 0; c < k; c++) {
				const float *cc = cent + (size_t)c * d;
				float dot = 0;
				for (int j = 0; j < d; j++)
					dot += xi[j] * cc[j];
				if (dot > best)
					best = dot, bc = c;
			}
			if (it == 0 || out[i] != bc)
				moved++;
			out[i] = bc;
		}
		memset(sum, 0, (size_t)k * d * sizeof *sum);
		memset(mass, 0, (size_t)k * sizeof *mass);
		for (size_t i = 0; i < n; i++) {
			double *sc = sum + (size_t)out[i] * d;
			for (int j = 0; j < d; j++)
				sc[j] += w[i] * x[i * d + j];
			mass[out[i]] += w[i];
		}
		for (int c = 0; c < k; c++) {
			double norm = 0;
			for (int j = 0; j < d; j++)
				norm += sum[(size_t)c * d + j] * sum[(size_t)c * d + j];
			if (mass[c] == 0 || norm == 0) {
				/* an empty cluster takes a random vector */
				size_t i = (size_t)(rng_next(&rs) % n);
				memcpy(cent + (size_t)c * d, x + i * d, (size_t)d * sizeof *cent);
				continue;
			}
			norm = sqrt(norm);
			for (int j = 0; j < d; j++)
				cent[(size_t)c * d + j] = (float)(sum[(size_t)c * d + j] / norm);
		}
		af_warn("k-means k=%d iteration %d: %zu moved", k, it + 1, moved);
		if (it > 0 && moved < n / 1000)
			break;
	}
	free(sum);
	free(mass);
}

/* ---- truncated SVD by random projection with one power iteration ---- */

/* y (nr x d) = M x, with M given as triples (r, c, v) and x (nc x d); or the transpose. */
static void spmm(const uint32_t *mr, const uint32_t *mc, const float *mv, size_t nnz, const double *x,
                 double *y, size_t ny, int d)
{
	memset(y, 0, ny * (size_t)d * sizeof *y);
	for (size_t i = 0; i < nnz; i++) {
		const double *xi = x + (size_t)mc[i] * d;
		double *yi = y + (size_t)mr[i] * d;
		double v = mv[i];
		for (int j = 0; j < d; j++)
			yi[j] += v * xi[j];
	}
}

/* Orthonormalises the columns of y (n x d) by Cholesky QR, twice. */
static void cholqr(double *y, size_t n, int d)
{
	double *g = af_malloc((size_t)d * d * sizeof *g);
	for (int pass = 0; pass < 2; pass++) {
		memset(g, 0, (size_t)d * d * sizeof *g);
		for (size_t i = 0; i < n; i++) {
			const double *r = y + i * d;
			for (int a = 0; a < d; a++)
				for (int b = 0; b <= a; b++)
					g[a * d + b] += r[a] * r[b];
		}
		/* g = L L^T, in place, lower */
		for (int j = 0; j < d; j++) {
			double s = g[j * d + j];
			for (int k = 0; k < j; k++)
				s -= g[j * d + k] * g[j * d + k];
			g[j * d + j] = s > 1e-12 ? sqrt(s) : 1e-6;
			for (int i = j + 1; i < d; i++) {
				double t = g[i * d + j];
				for (int k = 0; k < j; k++)
					t -= g[i * d + k] * g[j * d + k];
				g[i * d + j] = t / g[j * d + j];
			}
		}
		/* each row r := r L^-T, i.e. solve L x = r */
		for (size_t i = 0; i < n; i++) {
			double *r = y + i * d;
			for (int a = 0; a < d; a++) {
				double s = r[a];
				for (int k = 0; k < a; k++)
					s -= g[a * d + k] * r[k];
				r[a] = s / g[a * d + a];
			}
		}
	}
	free(g);
}

/* Eigenvectors of the symmetric a (d x d) by cyclic Jacobi: a becomes diagonal (the
 * eigenvalues), v holds the eigenvectors in its columns. */
static void jacobi(double *a, double *v, int d)
{
	for (int i = 0; i < d * d; i++)
		v[i] = 0;
	for (int i = 0; i < d; i++)
		v[i * d + i] = 1;
	for (int sweep = 0; sweep < 50; sweep++) {
		double off = 0;
		for (int p = 0; p < d; p++)
			for (int q = p + 1; q < d; q++)
				off += a[p * d + q] * a[p * d + q];
		if (off < 1e-18)
			break;
		for (int p = 0; p < d; p++)
			for (int q = p + 1; q < d; q++) {
				double apq = a[p * d + q];
				if (fabs(apq) < 1e-300)
					continue;
				double th = (a[q * d + q] - a[p * d + p]) / (2 * apq);
				double t = (th >= 0 ? 1 : -1) / (fabs(th) + sqrt(th * th + 1));
				double c = 1 / sqrt(t * t + 1), s = t * c;
				for (int k = 0; k < d; k++) {
					double akp = a[k * d + p], akq = a[k * d + q];
					a[k * d + p] = c * akp - s * akq;
					a[k * d + q] = s * akp + c * akq;
				}
				for (int k = 0; k < d; k++) {
					double apk = a[p * d + k], aqk = a[q * d + k];
					a[p * d + k] = c * apk - s * aqk;
					a[q * d + k] = s * apk + c * aqk;
				}
				for (int k = 0; k < d; k++) {
					double vkp = v[k * d + p], vkq = v[k * d + q];
					v[k * d + p] = c * vkp - s * vkq;
					v[k * d + q] = s * vkp + c * vkq;
				}
			}
	}
}

/* Word vectors (nw x DIM floats, unit length) from the rank-DIM SVD of the nw x nc matrix M:
 * rows of U S^0.5. */
static float *svd_vectors(const uint32_t *mt, const uint32_t *mc, const float *mv, size_t nnz, size_t nw,
                          size_t nc, uint64_t seed)
{
	const int d = DIM + 16;
	uint64_t rs = seed ^ 0x5851f42d4c957f2dull;
	double *om = af_malloc(nc * d * sizeof *om), *y = af_malloc(nw * d * sizeof *y);
	for (size_t i = 0; i < nc * d; i++)
		om[i] = rng_gauss(&rs);
	spmm(mt, mc, mv, nnz, om, y, nw, d); /* Y = M Om */
	cholqr(y, nw, d);
	spmm(mc, mt, mv, nnz, y, om, nc, d); /* Z = M^T Y */
	spmm(mt, mc, mv, nnz, om, y, nw, d); /* Y = M Z */
	cholqr(y, nw, d);
	spmm(mc, mt, mv, nnz, y, om, nc, d); /* B^T = M^T Q (nc x d) */
	double *bb = af_calloc((size_t)d * d, sizeof *bb), *ev = af_malloc((size_t)d * d * sizeof *ev);
	for (size_t c = 0; c < nc; c++) {
		const double *r = om + c * d;
		for (int a = 0; a < d; a++)
			for (int b = 0; b < d; b++)
				bb[a * d + b] += r[a] * r[b];
	}
	jacobi(bb, ev, d);
	/* the DIM largest eigenvalues */
	int *idx = af_malloc((size_t)d * sizeof *idx);
	for (int i = 0; i < d; i++)
		idx[i] = i;
	for (int i = 0; i < d; i++)
		for (int j = i + 1; j < d; j++)
			if (bb[idx[j] * d + idx[j]] > bb[idx[i] * d + idx[i]]) {
				int t = idx[i];
				idx[i] = idx[j], idx[j] = t;
			}
	float *vec = af_malloc(nw * DIM * sizeof *vec);
	for (size_t w = 0; w < nw; w++) {
		const double *q = y + w * d;
		double norm = 0, tmp[DIM];
		for (int k = 0; k < DIM; k++) {
			int e = idx[k];
			double s = 0;
			for (int a = 0; a < d; a++)
				s += q[a] * ev[a * d + e];
			double lam = bb[e * d + e];
			s *= pow(lam > 0 ? lam : 0, 0.25); /* singular value ^ 0.5 */
			tmp[k] = s;
			norm += s * s;
		}
		norm = norm > 0 ? sqrt(norm) : 1;
		for (int k = 0; k < DIM; k++)
			vec[w * DIM + k] = (float)(tmp[k] / norm);
	}
	free(idx);
	free(bb);
	free(ev);
	free(om);
	free(y);
	return vec;
}

/* ---- the corpus ---- */


static int by_freq(const void *a, const void *b, void *v)
{
	const struct vocab *voc = v;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	if (voc->freq[x] != voc->freq[y])
		return voc->freq[x] > voc->freq[y] ? -1 : 1;
	return strcmp(voc->s[x], voc->s[y]);
}

/* qsort without a context argument: the vocabulary is passed through a file-local. */
static const struct vocab *sort_voc;
static int by_freq_q(const void *a, const void *b)
{
	return by_freq(a, b, (void *)sort_voc);
}

/* word form used for clusters: digits folded to 0 */
static size_t fold_digits(const char *s, size_t n, char *out, size_t cap)
{
	size_t m = n < cap ? n : cap;
	for (size_t i = 0; i < m; i++)
		out[i] = (s[i] >= '0' && s[i] <= '9') ? '0' : s[i];
	return m;
}

static size_t lower_ascii(const char *s, size_t n, char *out, size_t cap)
{
	size_t m = n < cap ? n : cap;
	for (size_t i = 0; i < m; i++)
		out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	return m;
}

/* What the first phase of af_ner_make_clusters reads off the corpus. */
struct cl_corpus {
	struct vocab voc, low; /* word forms (digits folded), lower-cased words */
	uint32_t *seq;         /* voc ids of the text, sentences between BOS_IDs */
	size_t nseq;
	uint64_t *capc; /* per lower-cased word: non-initial occurrences, capitalised ones */
	size_t ncapc;
};

/* Phase 1: every line of in an article; its words counted. */
static int read_corpus(FILE *in, struct cl_corpus *co)
{
	size_t capseq = 0;
	struct af_tokens toks = {0};
	struct af_sentences sents = {0};
	struct af_error err;
	char *line = NULL, buf[256];
	size_t lcap = 0, ntok = 0, narticles = 0;
	ssize_t len;

	while ((len = getline(&line, &lcap, in)) > 0) {
		if (af_tokenize(line, (size_t)len, &toks, &err) < 0 ||
		    af_sentences(line, (size_t)len, &toks, &sents, &err) < 0) {
			af_warn("%s", err.msg);
			return -1;
		}
		narticles++;
		for (size_t k = 0; k < sents.n; k++) {
			if (co->nseq + (sents.v[k].tok_end - sents.v[k].tok_start) + 2 > capseq) {
				capseq = capseq * 2 + (1u << 20);
				co->seq = af_realloc(co->seq, capseq * sizeof *co->seq);
			}
			co->seq[co->nseq++] = BOS_ID;
			for (size_t i = sents.v[k].tok_start; i < sents.v[k].tok_end; i++) {
				const struct af_token *t = &toks.v[i];
				size_t n = fold_digits(line + t->start, t->end - t->start, buf, sizeof buf);
				uint32_t id = vocab_id(&co->voc, buf, n);
				co->voc.freq[id]++;
				co->seq[co->nseq++] = id;
				ntok++;
				if (i > sents.v[k].tok_start && (t->flags & AF_TF_ALPHA)) {
					size_t m = lower_ascii(line + t->start, t->end - t->start, buf, sizeof buf);
					uint32_t lid = vocab_id(&co->low, buf, m);
					if (lid >= co->ncapc) {
						size_t nn = co->ncapc ? co->ncapc * 2 : 1024;
						while (nn <= lid)
							nn *= 2;
						co->capc = af_realloc(co->capc, nn * 2 * sizeof *co->capc);
						memset(co->capc + co->ncapc * 2, 0, (nn - co->ncapc) * 2 * sizeof *co->capc);
						co->ncapc = nn;
					}
					co->capc[lid * 2]++;
					if (t->flags & AF_TF_CAP)
						co->capc[lid * 2 + 1]++;
				}
			}
		}
	}
	free(line);
	af_tokens_free(&toks);
	af_sentences_free(&sents);
	co->seq = af_realloc(co->seq, (co->nseq + 1) * sizeof *co->seq);
	co->seq[co->nseq++] = BOS_ID;
	af_warn("%zu articles, %zu tokens, %u word forms", narticles, ntok, co->voc.n);
	return 0;
}

/* Phase 2: the (word, context) counts of the ntarget most frequent words (rank: voc id ->
 * rank by frequency); context NCTX stands for the sentence boundary. */
static void context_pairs(const uint32_t *seq, size_t nseq, const uint32_t *rank, uint32_t ntarget,
                          struct pairs *pr)
{
	for (size_t i = 0; i < nseq; i++) {
		if (seq[i] == BOS_ID)
			continue;
		uint32_t t = rank[seq[i]];
		if (t >= ntarget)
			continue;
		static const int off[NPOS] = {-2, -1, 1, 2};
		for (int p = 0; p < NPOS; p++) {
			uint32_t c;
			size_t j = i + (size_t)(ptrdiff_t)off[p];
			if ((off[p] == -2 && seq[i - 1] == BOS_ID) || (off[p] == 2 && seq[i + 1] == BOS_ID))
				continue;
			if (seq[j] == BOS_ID)
				c = NCTX;
			else if ((c = rank[seq[j]]) >= NCTX)
				continue;
			pairs_add(pr, (uint64_t)t << 32 | (uint64_t)(p * (NCTX + 1) + c));
		}
	}
	af_warn("%zu distinct (word, context) pairs", pr->n);
}

/* Phase 3: the word vectors, from the PPMI matrix (smoothed context probabilities) of the
 * pairs (freed). */
static float *ppmi_vectors(struct pairs *pr, uint32_t ntarget, uint64_t seed)
{
	size_t ndim = (size_t)NPOS * (NCTX + 1);
	double *nw = af_calloc(ntarget, sizeof *nw), *nc = af_calloc(ndim, sizeof *nc), totc = 0;
	for (size_t i = 0; i < pr->nslot; i++)
		if (pr->key[i]) {
			uint64_t k = pr->key[i] - 1;
			nw[k >> 32] += pr->cnt[i];
			nc[k & 0xffffffffu] += pr->cnt[i];
		}
	for (size_t c = 0; c < ndim; c++) {
		nc[c] = pow(nc[c], 0.75);
		totc += nc[c];
	}
	/* the PPMI matrix, as (word, context, value) triples */
	size_t nnz = 0;
	uint32_t *mt = af_malloc(pr->n * sizeof *mt), *mc = af_malloc(pr->n * sizeof *mc);
	float *mv = af_malloc(pr->n * sizeof *mv);
	for (size_t i = 0; i < pr->nslot; i++)
		if (pr->key[i]) {
			uint64_t k = pr->key[i] - 1;
			uint32_t t = (uint32_t)(k >> 32), c = (uint32_t)(k & 0xffffffffu);
			double pmi = log((double)pr->cnt[i] / nw[t] / (nc[c] / totc));
			if (pmi <= 0)
				continue;
			mt[nnz] = t, mc[nnz] = c, mv[nnz] = (float)pmi;
			nnz++;
		}
	free(pr->key);
	free(pr->cnt);
	free(nc);
	free(nw);
	af_warn("%zu positive PMI entries", nnz);
	float *vec = svd_vectors(mt, mc, mv, nnz, ntarget, ndim, seed);
	free(mt);
	free(mc);
	free(mv);
	return vec;
}

/* Phase 4: fine clusters of the words, then coarser clusters of the fine centroids; one
 * "c" line per word (order: voc ids by rank). */
static void cluster_words(const float *vec, uint32_t ntarget, const struct vocab *voc, const uint32_t *order,
                          int kfine, int kmid, int kcoarse, uint64_t seed, FILE *out)
{
	double *wt = af_malloc(ntarget * sizeof *wt);
	for (uint32_t t = 0; t < ntarget; t++)
		wt[t] = 1;
	int *fine = af_malloc(ntarget * sizeof *fine);
	float *cf = af_malloc((size_t)kfine * DIM * sizeof *cf);
	kmeans(vec, wt, ntarget, DIM, kfine, 20, seed, fine, cf);
	double *mass = af_calloc((size_t)kfine, sizeof *mass);
	for (uint32_t t = 0; t < ntarget; t++)
		mass[fine[t]] += 1;
	for (int c = 0; c < kfine; c++)
		if (mass[c] == 0)
			mass[c] = 1e-9;
	int *mid = af_malloc((size_t)kfine * sizeof *mid), *coarse = af_malloc((size_t)kfine * sizeof *coarse);
	float *cm = af_malloc((size_t)kmid * DIM * sizeof *cm), *cc = af_malloc((size_t)kcoarse * DIM * sizeof *cc);
	kmeans(cf, mass, (size_t)kfine, DIM, kmid, 50, seed + 1, mid, cm);
	kmeans(cf, mass, (size_t)kfine, DIM, kcoarse, 50, seed + 2, coarse, cc);
	for (uint32_t t = 0; t < ntarget; t++)
		fprintf(out, "c\t%s\t%llu\t%d\t%d\t%d\n", voc->s[order[t]], (unsigned long long)voc->freq[order[t]],
		        fine[t], mid[fine[t]], coarse[fine[t]]);
	free(wt);
	free(fine);
	free(cf);
	free(mass);
	free(mid);
	free(coarse);
	free(cm);
	free(cc);
}

/* Phase 5: the capitalisation counts, "k" lines in the lower-cased vocabulary's sorted order. */
static void write_caps(struct cl_corpus *co, FILE *out)
{
	struct vocab *low = &co->low;
	uint32_t *lo = af_malloc((low->n + 1) * sizeof *lo);
	for (uint32_t i = 0; i < low->n; i++)
		lo[i] = i;
	for (uint32_t i = 0; i < low->n; i++)
		low->freq[i] = co->capc[i * 2];
	sort_voc = low;
	qsort(lo, low->n, sizeof *lo, by_freq_q);
	for (uint32_t r = 0; r < low->n && co->capc[lo[r] * 2] >= MINFREQ; r++)
		fprintf(out, "k\t%s\t%llu\t%llu\n", low->s[lo[r]], (unsigned long long)co->capc[lo[r] * 2],
		        (unsigned long long)co->capc[lo[r] * 2 + 1]);
	free(lo);
}

int af_ner_make_clusters(FILE *in, FILE *out, int kfine, int kmid, int kcoarse, uint64_t seed)
{
	struct cl_corpus co = {0};
	if (read_corpus(in, &co) < 0)
		return -1;
	struct vocab *voc = &co.voc;
	/* ranks by frequency */
	uint32_t *order = af_malloc(voc->n * sizeof *order);
	for (uint32_t i = 0; i < voc->n; i++)
		order[i] = i;
	sort_voc = voc;
	qsort(order, voc->n, sizeof *order, by_freq_q);
	uint32_t *rank = af_malloc(voc->n * sizeof *rank);
	for (uint32_t r = 0; r < voc->n; r++)
		rank[order[r]] = r;
	uint32_t ntarget = 0;
	while (ntarget < voc->n && voc->freq[order[ntarget]] >= MINFREQ)
		ntarget++;
	af_warn("%u word forms seen %d times or more", ntarget, MINFREQ);
	if (ntarget < (uint32_t)kfine) {
		/* k-means needs a word per cluster at least: too little text is an error */
		af_warn("too little text for %d clusters: %u word forms seen %d times or more", kfine, ntarget, MINFREQ);
		free(co.seq);
		free(co.capc);
		free(order);
		free(rank);
		vocab_free(&co.voc);
		vocab_free(&co.low);
		return -1;
	}
	struct pairs pr = {0};
	context_pairs(co.seq, co.nseq, rank, ntarget, &pr);
	free(co.seq);
	float *vec = ppmi_vectors(&pr, ntarget, seed);
	cluster_words(vec, ntarget, voc, order, kfine, kmid, kcoarse, seed, out);
	write_caps(&co, out);
	free(co.capc);
	free(vec);
	free(order);
	free(rank);
	vocab_free(&co.voc);
	vocab_free(&co.low);
	return ferror(out) ? -1 : 0;
}
