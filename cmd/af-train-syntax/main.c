/* af-train-syntax - train the part-of-speech tagger and the chunker of af's syntax layer
 * from CoNLL-2003's POS and chunk columns, and evaluate them (docs/af-train-syntax.1,
 * docs/syntax.md). */
#include "af/af.h"
#include "af/ner.h"
#include "af/ner_train.h"
#include "af/syntax.h"
#include "../../lib/syntax_impl.h"
#include "af/text.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
	"usage: af-train-syntax -t CONLL [OPTION]... -o MODEL\n"
	"       af-train-syntax --eval-conll FILE [-m MODEL]\n"
	"       af-train-syntax --eval-conllu FILE [-m MODEL]\n"
	"Train the part-of-speech tagger and the chunker of af's syntax layer from a\n"
	"CoNLL-2003 file (word POS chunk NER), or measure them on a labelled file.\n"
	"\n"
	"  -o, --output FILE      write the model to FILE (through FILE.tmp)\n"
	"  -t, --train FILE       CoNLL-2003 training file\n"
	"  -e, --epochs N         training epochs of the tagger (10)\n"
	"      --chunk-epochs N   training epochs of the chunker (5)\n"
	"      --beam N           train the chunker with a beam of N (4; 1: greedy, token by\n"
	"                         token); it still decodes greedily\n"
	"      --tag-beam N       train the tagger with a beam of N (1: greedy)\n"
	"  -f, --folds N          train the chunker on jackknifed tags of N folds instead\n"
	"                         of the gold tags (0: gold tags)\n"
	"      --dict-min N       the tag dictionary: words seen at least N times (5) ...\n"
	"      --dict-share X     ... with one tag at least X of the time (0.995)\n"
	"  -s, --seed N           random seed of the training order (1)\n"
	"  -c, --clusters NER     copy the word clusters of this NER model (af-train-ner's\n"
	"                         data/ner.bin, from unlabeled news) and use them as features\n"
	"      --pos-extra FILE   more sentences (word POS [...] per line, GMB's tag names\n"
	"                         mapped to CoNLL-2003's) for the tagger only\n"
	"      --extra-share X    keep this share of them, evenly spread (1)\n"
	"      --extra-epochs N   train on them in the first N epochs only; the rest are\n"
	"                         on the -t file alone, averaged afresh (all epochs)\n"
	"      --extra-dict 0|1   the tag dictionary counts them too (1)\n"
	"      --prune X          drop averaged weights smaller than X in magnitude (0.001)\n"
	"      --eval-conll FILE  POS accuracy and chunk F1 on a CoNLL-2003 file, on its\n"
	"                         tokens and on its text through af's tokenizer\n"
	"      --eval-conllu FILE POS (XPOS) accuracy on a CoNLL-U file, likewise\n"
	"  -m, --model FILE       the model to evaluate (default: the compiled-in one)\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Training is reproducible: the same file and seed give the same model bytes.\n"
	"Exit status: 0 ok, 1 failure, 64 usage. See af-train-syntax(1), docs/syntax.md.\n";

enum { OPT_CHUNK_EPOCHS = 1000, OPT_EVAL_CONLL, OPT_EVAL_CONLLU, OPT_PRUNE, OPT_DICT_MIN, OPT_DICT_SHARE,
       OPT_POS_EXTRA, OPT_EXTRA_SHARE, OPT_EXTRA_EPOCHS, OPT_EXTRA_DICT, OPT_BEAM, OPT_TAG_BEAM };

static long num(const char *opt, const char *arg, long min, long max)
{
	long v;
	if (af_parse_long(arg, min, max, &v) < 0)
		af_die(AF_EX_USAGE, "%s: not a number in [%ld, %ld]: %s", opt, min, max, arg);
	return v;
}

/* A real number of option opt in (min, max] when min_open, else [min, max]; a usage error
 * naming the range otherwise. */
static double real_arg(const char *opt, const char *arg, double min, int min_open, double max, const char *range)
{
	char *end;
	double v = strtod(arg, &end);
	if (end == arg || *end || !(min_open ? v > min : v >= min) || !(v <= max))
		af_die(AF_EX_USAGE, "%s: not a number %s: %s", opt, range, arg);
	return v;
}

/* ---- corpora ---- */

struct sent {
	size_t w0, w1; /* words */
	size_t doc;
	char *text;    /* CoNLL-U: the sentence's text; NULL otherwise */
};

struct corpus {
	struct af_syn_word *w;
	uint8_t *tag, *cls; /* gold tag (255: not in the tag set), gold chunk class */
	size_t nw, capw;
	struct sent *s;
	size_t ns, caps;
	char *buf, *buf2; /* the file(s) read; words point into them */
};

static void add_word(struct corpus *c, const char *s, size_t n, int tag, int cls)
{
	if (c->nw == c->capw) {
		c->capw = c->capw ? 2 * c->capw : 4096;
		c->w = af_realloc(c->w, c->capw * sizeof *c->w);
		c->tag = af_realloc(c->tag, c->capw);
		c->cls = af_realloc(c->cls, c->capw);
	}
	c->w[c->nw] = (struct af_syn_word){s, n};
	c->tag[c->nw] = (uint8_t)(tag < 0 ? 255 : tag);
	c->cls[c->nw] = (uint8_t)cls;
	c->nw++;
}

static void end_sent(struct corpus *c, size_t *w0, size_t doc, char *text)
{
	if (c->nw > *w0) {
		if (c->ns == c->caps) {
			c->caps = c->caps ? 2 * c->caps : 1024;
			c->s = af_realloc(c->s, c->caps * sizeof *c->s);
		}
		c->s[c->ns++] = (struct sent){*w0, c->nw, doc, text};
	}
	*w0 = c->nw;
}

/* the fields of a line split at sep into f[] (NUL-terminated in place) */
static int split(char *line, char sep, char **f, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		char *q = strchr(p, sep);
		if (!q)
			break;
		*q = 0;
		p = q + 1;
	}
	return n;
}

/* a part-of-speech name of another corpus' conventions (GMB's ``, LRB, RRB, ;) as CoNLL-2003's */
static int pos_code_any(const char *t, size_t tl)
{
	static const struct {
		const char *from, *to;
	} map[] = {{"``", "\""}, {"''", "\""}, {"LRB", "("}, {"RRB", ")"}, {";", ":"}};
	for (size_t k = 0; k < sizeof map / sizeof *map; k++)
		if (strlen(map[k].from) == tl && memcmp(map[k].from, t, tl) == 0)
			return af_pos_code(map[k].to, strlen(map[k].to));
	return af_pos_code(t, tl);
}

/* a CoNLL-2003 file (word POS chunk [NER]), or with pos_only a file of word POS [...] lines
 * whose sentences train the tagger only (chunk class 255), one sentence in every 1/share kept */
static int read_conll(struct corpus *c, const char *path, int pos_only, double share)
{
	size_t len;
	char *buf = af_read_file(path, &len);
	if (!buf) {
		af_warn("%s: cannot read", path);
		return -1;
	}
	if (c->buf)
		c->buf2 = buf;
	else
		c->buf = buf;
	size_t w0 = c->nw, doc = c->ns ? c->s[c->ns - 1].doc + 1 : 0, lineno = 0;
	double acc = 0;
	int keep = 1;
	char *p = buf;
	while (*p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		lineno++;
		char *f[8];
		if (!*p || *p == '\r') {
			if (pos_only && c->nw > w0) {
				acc += share;
				keep = acc >= 1;
				if (keep)
					acc -= 1;
			}
			end_sent(c, &w0, doc, NULL);
			if (!keep)
				c->nw = c->s[--c->ns].w0;
			keep = 1;
		} else if (strncmp(p, "-DOCSTART-", 10) == 0) {
			end_sent(c, &w0, doc, NULL);
			doc++;
		} else {
			int nf = split(p, ' ', f, 8);
			if (pos_only && nf >= 2) {
				int tag = pos_code_any(f[1], strlen(f[1]));
				/* GMB tags a capitalised plural inside a sentence ("Iranians") NNS, CoNLL-2003 NNPS */
				if (tag == AF_POS_NNS && c->nw > w0 && f[0][0] >= 'A' && f[0][0] <= 'Z')
					tag = AF_POS_NNPS;
				add_word(c, f[0], strlen(f[0]), tag, 255);
				goto next;
			}
			if (nf < 3) {
				af_warn("%s:%zu:1: expected word POS chunk [NER]", path, lineno);
				return -1;
			}
			char *bar = strchr(f[1], '|');
			size_t tl = bar ? (size_t)(bar - f[1]) : strlen(f[1]);
			int tag = af_pos_code(f[1], tl);
			int cls = 0;
			if (strcmp(f[2], "O") != 0) {
				int type = strlen(f[2]) > 2 ? af_chunk_code(f[2] + 2, strlen(f[2] + 2)) : -1;
				if (type < 0 || (f[2][0] != 'B' && f[2][0] != 'I')) {
					af_warn("%s:%zu:1: unknown chunk %s", path, lineno, f[2]);
					return -1;
				}
				cls = af_syn_cls(type, f[2][0] == 'B');
			}
			add_word(c, f[0], strlen(f[0]), tag, cls);
		}
	next:
		if (!nl)
			break;
		p = nl + 1;
	}
	end_sent(c, &w0, doc, NULL);
	return 0;
}

static int read_conllu(struct corpus *c, const char *path)
{
	size_t len;
	c->buf = af_read_file(path, &len);
	if (!c->buf) {
		af_warn("%s: cannot read", path);
		return -1;
	}
	size_t w0 = 0, doc = 0;
	char *text = NULL;
	char *p = c->buf;
	while (*p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		char *f[10];
		if (!*p) {
			end_sent(c, &w0, doc, text);
			text = NULL;
		} else if (*p == '#') {
			if (strncmp(p, "# newdoc", 8) == 0)
				doc++;
			else if (strncmp(p, "# text = ", 9) == 0)
				text = p + 9;
		} else if (split(p, '\t', f, 10) == 10 && !strchr(f[0], '-') && !strchr(f[0], '.')) {
			add_word(c, f[1], strlen(f[1]), af_pos_code(f[4], strlen(f[4])), 0);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	end_sent(c, &w0, doc, text);
	return 0;
}

/* ---- the averaged perceptron ---- */

struct ent {
	double tot;
	float w;
	uint32_t ts;
	uint8_t c;
};

struct feat {
	uint32_t key, n, cap;
	struct ent *e;
};

struct ap {
	uint32_t *slot; /* feature index + 1, by key */
	uint32_t mask;
	struct feat *f;
	size_t nf, capf;
	uint32_t now, t0; /* updates so far; the average runs from t0 */
	int ncls;
};

/* the average starts afresh from the weights as they are */
static void ap_restart(struct ap *a)
{
	for (size_t i = 0; i < a->nf; i++)
		for (uint32_t e = 0; e < a->f[i].n; e++) {
			a->f[i].e[e].tot = 0;
			a->f[i].e[e].ts = a->now;
		}
	a->t0 = a->now;
}

static void ap_init(struct ap *a, int ncls)
{
	memset(a, 0, sizeof *a);
	a->mask = (1u << 20) - 1;
	a->slot = af_calloc((size_t)a->mask + 1, 4);
	a->ncls = ncls;
}

static void ap_free(struct ap *a)
{
	for (size_t i = 0; i < a->nf; i++)
		free(a->f[i].e);
	free(a->f);
	free(a->slot);
}

static struct feat *ap_find(struct ap *a, uint32_t key, int add)
{
	uint32_t j = (key * 0x9e3779b1u) & a->mask;
	for (;; j = (j + 1) & a->mask) {
		if (!a->slot[j])
			break;
		if (a->f[a->slot[j] - 1].key == key)
			return &a->f[a->slot[j] - 1];
	}
	if (!add)
		return NULL;
	if (a->nf == a->capf) {
		a->capf = a->capf ? 2 * a->capf : 65536;
		a->f = af_realloc(a->f, a->capf * sizeof *a->f);
	}
	a->f[a->nf] = (struct feat){key, 0, 0, NULL};
	a->slot[j] = (uint32_t)++a->nf;
	if (a->nf * 2 > a->mask) { /* grow */
		uint32_t mask = a->mask * 2 + 1;
		uint32_t *slot = af_calloc((size_t)mask + 1, 4);
		for (size_t i = 0; i < a->nf; i++) {
			uint32_t q = (a->f[i].key * 0x9e3779b1u) & mask;
			while (slot[q])
				q = (q + 1) & mask;
			slot[q] = (uint32_t)i + 1;
		}
		free(a->slot);
		a->slot = slot;
		a->mask = mask;
	}
	return &a->f[a->nf - 1];
}

static void ap_score(struct ap *a, const uint32_t *f, size_t nf, float *score)
{
	for (size_t k = 0; k < nf; k++) {
		struct feat *ft = ap_find(a, f[k], 0);
		if (!ft)
			continue;
		for (uint32_t e = 0; e < ft->n; e++)
			score[ft->e[e].c] += ft->e[e].w;
	}
}

static void ap_upd1(struct ap *a, struct feat *ft, int c, float v)
{
	struct ent *e = NULL;
	for (uint32_t k = 0; k < ft->n; k++)
		if (ft->e[k].c == c)
			e = &ft->e[k];
	if (!e) {
		if (ft->n == ft->cap) {
			ft->cap = ft->cap ? 2 * ft->cap : 2;
			ft->e = af_realloc(ft->e, ft->cap * sizeof *ft->e);
		}
		e = &ft->e[ft->n++];
		*e = (struct ent){0, 0, a->now, (uint8_t)c};
	}
	e->tot += (double)(a->now - e->ts) * e->w;
	e->ts = a->now;
	e->w += v;
}

static void ap_update(struct ap *a, const uint32_t *f, size_t nf, int truth, int guess)
{
	if (truth == guess)
		return;
	for (size_t k = 0; k < nf; k++) {
		struct feat *ft = ap_find(a, f[k], 1);
		ap_upd1(a, ft, truth, 1);
		ap_upd1(a, ft, guess, -1);
	}
}

/* ---- the model file ---- */

static void put32(struct af_buf *b, uint32_t v)
{
	af_buf_add(b, (const char *)&v, 4);
}

struct kv {
	uint32_t k, v;
};

static void put_map(struct af_buf *b, const struct kv *kv, size_t n)
{
	uint32_t slots = 16;
	while (slots < n * 2)
		slots *= 2;
	uint32_t *key = af_calloc(slots, 4), *val = af_calloc(slots, 4);
	for (size_t i = 0; i < n; i++) {
		uint32_t j = (kv[i].k * 0x9e3779b1u) & (slots - 1);
		while (key[j] && key[j] != kv[i].k)
			j = (j + 1) & (slots - 1);
		key[j] = kv[i].k;
		val[j] = kv[i].v;
	}
	put32(b, slots);
	af_buf_add(b, (const char *)key, (size_t)slots * 4);
	af_buf_add(b, (const char *)val, (size_t)slots * 4);
	free(key);
	free(val);
}

static double prune = 1e-3;

/* the averaged weights as a sparse table of int16 weights: those that are not zero once
 * quantised and not smaller than --prune */
static void put_weights(struct af_buf *b, struct ap *a)
{
	double maxw = 0;
	for (size_t i = 0; i < a->nf; i++)
		for (uint32_t e = 0; e < a->f[i].n; e++) {
			struct ent *x = &a->f[i].e[e];
			double avg = (x->tot + (double)(a->now - x->ts) * x->w) / (a->now > a->t0 ? a->now - a->t0 : 1);
			x->tot = avg; /* kept for writing */
			if (fabs(avg) > maxw)
				maxw = fabs(avg);
		}
	float scale = (float)(maxw > 0 ? maxw / 32000 : 1);
	size_t kept = 0, entries = 0;
	for (size_t i = 0; i < a->nf; i++) {
		int any = 0;
		for (uint32_t e = 0; e < a->f[i].n; e++) {
			struct ent *x = &a->f[i].e[e];
			long q = lrint(x->tot / scale);
			if (q != 0 && fabs(x->tot) >= prune) {
				entries++;
				any = 1;
			}
		}
		kept += any;
	}
	uint32_t slots = 16;
	while (slots < kept * 2)
		slots *= 2;
	/* the features' slots, then their rows in the order of the slots: sparse {class, weight}
	 * entries, or dense int16 weights of every class for a row of AF_SYN_DENSE_MIN classes */
	struct af_syn_slot *sl = af_calloc(slots, sizeof *sl);
	uint32_t *fi = af_calloc(slots, sizeof *fi); /* feature index + 1 */
	for (size_t i = 0; i < a->nf; i++) {
		int any = 0;
		for (uint32_t e = 0; e < a->f[i].n; e++)
			if (lrint(a->f[i].e[e].tot / scale) != 0 && fabs(a->f[i].e[e].tot) >= prune)
				any = 1;
		if (!any)
			continue;
		uint32_t j = (a->f[i].key * 0x9e3779b1u) & (slots - 1);
		while (sl[j].key)
			j = (j + 1) & (slots - 1);
		sl[j].key = a->f[i].key;
		fi[j] = (uint32_t)i + 1;
	}
	size_t dense = AF_SYN_DENSE_WORDS(a->ncls);
	uint32_t *ent = af_calloc(entries + dense * kept + 1, 4);
	size_t off = 0;
	for (uint32_t j = 0; j < slots; j++) {
		if (!fi[j])
			continue;
		const struct feat *ft = &a->f[fi[j] - 1];
		size_t start = off;
		int16_t row[AF_SYN_PAD(AF_SYN_NT)] = {0};
		size_t cnt = 0;
		for (uint32_t e = 0; e < ft->n; e++) {
			const struct ent *x = &ft->e[e];
			long q = lrint(x->tot / scale);
			if (q != 0 && fabs(x->tot) >= prune) {
				ent[off++] = (uint32_t)(uint16_t)(int16_t)q << 16 | x->c;
				row[x->c] = (int16_t)q;
				cnt++;
			}
		}
		if (cnt >= (size_t)AF_SYN_DENSE_MIN(a->ncls)) {
			memset(ent + start, 0, (off - start) * 4);
			memcpy(ent + start, row, dense * 4);
			off = start + dense;
			cnt = 0;
		}
		sl[j].row = (uint32_t)start << 8 | (uint32_t)cnt;
	}
	entries = off;
	free(fi);
	put32(b, slots);
	put32(b, (uint32_t)entries);
	uint32_t sc;
	memcpy(&sc, &scale, 4);
	put32(b, sc);
	af_buf_add(b, (const char *)sl, (size_t)slots * sizeof *sl);
	af_buf_add(b, (const char *)ent, entries * 4);
	free(sl);
	free(ent);
}

/* ---- training ---- */

static uint64_t rng;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

static void shuffle(size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rnd() % i;
		size_t t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

static int cmp_kv(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;
	return x->k < y->k ? -1 : x->k > y->k;
}

static double dict_share = 0.995;
static long dict_min = 5;

/* the (word key, tag) pairs of the tagged words of sentences ids[0..n), sorted by key */
static struct kv *word_tags(const struct corpus *c, const struct af_syn_info *info, const size_t *ids, size_t n,
                            size_t *nout)
{
	size_t nw = 0;
	for (size_t k = 0; k < n; k++)
		nw += c->s[ids[k]].w1 - c->s[ids[k]].w0;
	struct kv *all = af_malloc((nw + 1) * sizeof *all);
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = c->s[ids[k]].w0; i < c->s[ids[k]].w1; i++)
			if (c->tag[i] != 255)
				all[m++] = (struct kv){af_syn_dictkey(&info[i]), c->tag[i]};
	qsort(all, m, sizeof *all, cmp_kv);
	*nout = m;
	return all;
}

/* the tag dictionary of sentences ids[0..n): words seen >= dict_min times with one tag at
 * least dict_share of the time; the tagger gives them that tag without scoring */
static struct kv *tag_dict(const struct corpus *c, const struct af_syn_info *info, const size_t *ids, size_t n,
                           size_t *nout)
{
	size_t m;
	struct kv *all = word_tags(c, info, ids, n, &m);
	struct kv *out = af_malloc((m + 1) * sizeof *out);
	size_t no = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i;
		int cnt[AF_SYN_NT] = {0};
		while (j < m && all[j].k == all[i].k)
			cnt[all[j++].v]++;
		int best = 0;
		for (int t = 1; t < AF_SYN_NT; t++)
			if (cnt[t] > cnt[best])
				best = t;
		if (j - i >= (size_t)dict_min && cnt[best] >= dict_share * (double)(j - i))
			out[no++] = (struct kv){all[i].k, (uint32_t)best};
		i = j;
	}
	free(all);
	*nout = no;
	return out;
}

/* the ambiguity classes of sentences ids[0..n): words seen >= 3 times -> an id of their tag set */
static struct kv *amb_classes(const struct corpus *c, const struct af_syn_info *info, const size_t *ids, size_t n,
                              size_t *nout)
{
	size_t m;
	struct kv *all = word_tags(c, info, ids, n, &m);
	struct kv *out = af_malloc((m + 1) * sizeof *out);
	size_t no = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i;
		uint64_t mask = 0;
		while (j < m && all[j].k == all[i].k)
			mask |= 1ull << all[j++].v;
		if (j - i >= 3) {
			uint64_t h = mask * 0x9e3779b97f4a7c15ull;
			out[no++] = (struct kv){all[i].k, (uint32_t)((h >> 33) | 1)};
		}
		i = j;
	}
	free(all);
	*nout = no;
	return out;
}

/* a map of kv[0..n) in memory, as the model file has it */
static void kv_map(struct af_syn_map *mp, const struct kv *kv, size_t n)
{
	uint32_t slots = 16;
	while (slots < n * 2)
		slots *= 2;
	uint32_t *key = af_calloc(slots, 4), *val = af_calloc(slots, 4);
	for (size_t i = 0; i < n; i++) {
		uint32_t j = (kv[i].k * 0x9e3779b1u) & (slots - 1);
		while (key[j] && key[j] != kv[i].k)
			j = (j + 1) & (slots - 1);
		key[j] = kv[i].k;
		val[j] = kv[i].v;
	}
	free((void *)mp->key);
	free((void *)mp->val);
	mp->key = key;
	mp->val = val;
	mp->mask = slots - 1;
}

static int dict_get(const struct kv *d, size_t n, uint32_t k)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d[mid].k < k)
			lo = mid + 1;
		else if (d[mid].k > k)
			hi = mid;
		else
			return (int)d[mid].v;
	}
	return -1;
}

/* Beam training (--beam N > 1, --tag-beam N > 1): a structured perceptron over whole sentences
 * with early update (Collins & Roark 2004). The beam keeps the N best label sequences of each
 * prefix; when the gold prefix falls out of it, the weights move towards the gold prefix and
 * away from the best one, and the sentence ends there. The same for the chunker (labels: chunk
 * classes over the tags, I-X only after B-X or I-X) and the tagger (labels: tags). */
static int beam = 4, tag_beam = 1;
enum { BEAM_MAX = 16 };

struct bhyp {
	float score;
	int gold; /* the gold prefix */
	uint8_t *cl;
};

struct btask {
	const struct af_syn_info *in;
	size_t len;
	const uint8_t *tg;   /* the tags (chunker) */
	const uint8_t *gold; /* gold labels */
	int ncls, chunk;
};

static size_t bfeats(const struct btask *t, size_t i, const uint8_t *hist, uint32_t *f)
{
	return t->chunk ? af_syn_chunk_feats(t->in, t->len, i, t->tg, hist, f) : af_syn_pos_feats(t->in, t->len, i, hist, f);
}

/* +1 for the features of gold[0..k), -1 for those of pred[0..k), position by position */
static void beam_update(struct ap *a, const struct btask *t, const uint8_t *pred, size_t k)
{
	uint32_t f[AF_SYN_MAXF], g[AF_SYN_MAXF];
	const uint8_t *gold = t->gold;
	for (size_t i = 0; i < k; i++) {
		if (gold[i] == pred[i] && (i == 0 || gold[i - 1] == pred[i - 1]) && (i < 2 || gold[i - 2] == pred[i - 2]))
			continue;
		size_t nf = bfeats(t, i, pred, f), ng = bfeats(t, i, gold, g);
		for (size_t x = 0; x < ng; x++)
			ap_upd1(a, ap_find(a, g[x], 1), gold[i], 1);
		for (size_t x = 0; x < nf; x++)
			ap_upd1(a, ap_find(a, f[x], 1), pred[i], -1);
	}
}

/* one sentence with a beam of B: returns the words right by the best sequence when it ended */
static size_t beam_sentence(struct ap *a, const struct btask *t, int B, struct bhyp *h, struct bhyp *nh)
{
	uint32_t f[AF_SYN_MAXF];
	size_t nb = 1, end = t->len;
	h[0].score = 0;
	h[0].gold = 1;
	for (size_t i = 0; i < t->len; i++) {
		size_t nn = 0;
		struct { float s; int from, c, gold; } cand[BEAM_MAX];
		for (size_t b = 0; b < nb; b++) {
			float score[AF_SYN_NT] = {0};
			ap_score(a, f, bfeats(t, i, h[b].cl, f), score);
			int prev = i ? h[b].cl[i - 1] : 0;
			for (int c = 0; c < t->ncls; c++) {
				if (t->chunk && !af_syn_chunk_ok(prev, c))
					continue;
				float v = h[b].score + score[c];
				if (nn == (size_t)B && v <= cand[nn - 1].s)
					continue;
				size_t at = nn < (size_t)B ? nn++ : nn - 1;
				while (at > 0 && cand[at - 1].s < v) {
					cand[at] = cand[at - 1];
					at--;
				}
				cand[at].s = v;
				cand[at].from = (int)b;
				cand[at].c = c;
				cand[at].gold = h[b].gold && c == t->gold[i];
			}
		}
		int kept = 0;
		for (size_t k = 0; k < nn; k++) {
			memcpy(nh[k].cl, h[cand[k].from].cl, i);
			nh[k].cl[i] = (uint8_t)cand[k].c;
			nh[k].score = cand[k].s;
			nh[k].gold = cand[k].gold;
			kept |= cand[k].gold;
		}
		for (size_t k = 0; k < nn; k++) { /* swap the buffers */
			uint8_t *x = h[k].cl;
			h[k] = nh[k];
			nh[k].cl = x;
		}
		nb = nn;
		a->now++;
		if (!kept) { /* early update */
			end = i + 1;
			break;
		}
	}
	if (!h[0].gold)
		beam_update(a, t, h[0].cl, end);
	size_t right = 0;
	for (size_t j = 0; j < end; j++)
		right += h[0].cl[j] == t->gold[j];
	return right;
}

/* beams of sentences of up to maxlen words */
static void beams_alloc(struct bhyp *h, struct bhyp *nh, size_t maxlen)
{
	for (int b = 0; b < BEAM_MAX; b++) {
		h[b].cl = af_malloc(maxlen + 1);
		nh[b].cl = af_malloc(maxlen + 1);
	}
}

static void beams_free(struct bhyp *h, struct bhyp *nh)
{
	for (int b = 0; b < BEAM_MAX; b++) {
		free(h[b].cl);
		free(nh[b].cl);
	}
}

/* with --pos-extra: the sentences below nmain are the main corpus; the tagger trains on all
 * for extra_epochs epochs, then on the main corpus only, averaged afresh */
static size_t nmain = SIZE_MAX;
static int extra_epochs = 1000, extra_dict = 1;

static size_t main_ids(size_t *ids, size_t n)
{
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		if (ids[k] < nmain)
			ids[m++] = ids[k];
	return m;
}

static void train_tagger(const struct corpus *c, struct af_syn_info *info, const size_t *ids0, size_t n,
                         int epochs, struct ap *a, struct kv **dict, size_t *ndict, struct kv **amb, size_t *namb)
{
	size_t *ids = af_malloc((n + 1) * sizeof *ids);
	memcpy(ids, ids0, n * sizeof *ids);
	size_t nd = extra_dict ? n : main_ids(ids, n);
	*dict = tag_dict(c, info, ids, nd, ndict);
	*amb = amb_classes(c, info, ids, nd, namb);
	memcpy(ids, ids0, n * sizeof *ids);
	struct af_syn_map am = {0};
	kv_map(&am, *amb, *namb);
	for (size_t s = 0; s < c->ns; s++)
		af_syn_ambs(&am, info + c->s[s].w0, c->s[s].w1 - c->s[s].w0);
	free((void *)am.key);
	free((void *)am.val);
	ap_init(a, AF_SYN_NT);
	uint8_t *tags = af_malloc(c->nw + 1);
	uint32_t f[AF_SYN_MAXF];
	/* with --tag-beam: beams, and the gold tags with those outside the set as NN */
	struct bhyp h[BEAM_MAX], nh[BEAM_MAX];
	uint8_t *orc = NULL;
	if (tag_beam > 1) {
		size_t maxlen = 1;
		for (size_t k = 0; k < c->ns; k++)
			if (c->s[k].w1 - c->s[k].w0 > maxlen)
				maxlen = c->s[k].w1 - c->s[k].w0;
		beams_alloc(h, nh, maxlen);
		orc = af_malloc(c->nw + 1);
		for (size_t i = 0; i < c->nw; i++)
			orc[i] = c->tag[i] == 255 ? AF_POS_NN : c->tag[i];
	}
	for (int ep = 0; ep < epochs; ep++) {
		if (ep == extra_epochs) {
			n = main_ids(ids, n);
			ap_restart(a);
		}
		shuffle(ids, n);
		size_t right = 0, total = 0;
		for (size_t k = 0; k < n; k++) {
			const struct sent *s = &c->s[ids[k]];
			size_t len = s->w1 - s->w0;
			const struct af_syn_info *in = info + s->w0;
			uint8_t *tg = tags + s->w0;
			if (orc) {
				struct btask t = {in, len, NULL, orc + s->w0, AF_SYN_NT, 0};
				right += beam_sentence(a, &t, tag_beam, h, nh);
				total += len;
				continue;
			}
			for (size_t i = 0; i < len; i++) {
				int gold = c->tag[s->w0 + i];
				/* a dictionary word is tagged from the dictionary, but the tagger still learns
				 * from it: its lower case, suffixes and contexts serve the words like it that the
				 * dictionary lacks ("Why" at a sentence's start, when "why" is in it) */
				int d = dict_get(*dict, *ndict, af_syn_dictkey(&in[i]));
				size_t nf = af_syn_pos_feats(in, len, i, tg, f);
				float score[AF_SYN_NT] = {0};
				ap_score(a, f, nf, score);
				int best = 0;
				for (int t = 1; t < AF_SYN_NT; t++)
					if (score[t] > score[best])
						best = t;
				a->now++;
				if (gold != 255)
					ap_update(a, f, nf, gold, best);
				if (d >= 0)
					best = d;
				tg[i] = (uint8_t)best;
				right += best == gold;
				total++;
			}
		}
		fprintf(stderr, "  tagger epoch %d: training accuracy %.4f\n", ep + 1, (double)right / (double)total);
	}
	if (orc) {
		beams_free(h, nh);
		free(orc);
	}
	free(tags);
	free(ids);
}

static void train_chunker(const struct corpus *c, const struct af_syn_info *info, const uint8_t *ptags, size_t *ids,
                          size_t n, int epochs, struct ap *a)
{
	ap_init(a, AF_SYN_NC);
	uint8_t *cls = af_malloc(c->nw + 1);
	uint32_t f[AF_SYN_MAXF];
	for (int ep = 0; ep < epochs; ep++) {
		shuffle(ids, n);
		size_t right = 0, total = 0;
		for (size_t k = 0; k < n; k++) {
			const struct sent *s = &c->s[ids[k]];
			size_t len = s->w1 - s->w0;
			uint8_t *cl = cls + s->w0;
			for (size_t i = 0; i < len; i++) {
				int gold = c->cls[s->w0 + i];
				size_t nf = af_syn_chunk_feats(info + s->w0, len, i, ptags + s->w0, cl, f);
				float score[AF_SYN_NC] = {0};
				ap_score(a, f, nf, score);
				int prev = i ? cl[i - 1] : 0, best = -1;
				for (int x = 0; x < AF_SYN_NC; x++)
					if (af_syn_chunk_ok(prev, x) && (best < 0 || score[x] > score[best]))
						best = x;
				a->now++;
				ap_update(a, f, nf, gold, best);
				cl[i] = (uint8_t)best;
				right += best == gold;
				total++;
			}
		}
		fprintf(stderr, "  chunker epoch %d: training accuracy %.4f\n", ep + 1, (double)right / (double)total);
	}
	free(cls);
}

static void train_chunker_beam(const struct corpus *c, const struct af_syn_info *info, const uint8_t *ptags,
                               size_t *ids, size_t n, int epochs, struct ap *a)
{
	ap_init(a, AF_SYN_NC);
	size_t maxlen = 1;
	for (size_t k = 0; k < n; k++)
		if (c->s[k].w1 - c->s[k].w0 > maxlen)
			maxlen = c->s[k].w1 - c->s[k].w0;
	struct bhyp h[BEAM_MAX], nh[BEAM_MAX];
	beams_alloc(h, nh, maxlen);
	for (int ep = 0; ep < epochs; ep++) {
		shuffle(ids, n);
		size_t right = 0, total = 0;
		for (size_t k = 0; k < n; k++) {
			const struct sent *s = &c->s[ids[k]];
			struct btask t = {info + s->w0, s->w1 - s->w0, ptags + s->w0, c->cls + s->w0, AF_SYN_NC, 1};
			right += beam_sentence(a, &t, beam, h, nh);
			total += s->w1 - s->w0;
		}
		fprintf(stderr, "  chunker epoch %d (beam %d): training accuracy %.4f\n", ep + 1, beam,
		        (double)right / (double)total);
	}
	beams_free(h, nh);
}

/* model bytes from a tagger (and a chunker, or none) */
static struct kv *clus;
static size_t nclus;

static void build_model(struct af_buf *b, struct ap *tagger, const struct kv *dict, size_t ndict, const struct kv *lex,
                        size_t nlex, const struct kv *amb, size_t namb, struct ap *chunker)
{
	af_buf_reset(b);
	af_buf_add(b, "AFSYNTAX", 8);
	put32(b, AF_SYN_VERSION);
	put32(b, AF_SYN_NT);
	put32(b, AF_SYN_NC);
	put_map(b, dict, ndict);
	put_map(b, lex, nlex);
	put_map(b, amb, namb);
	if (nclus)
		put_map(b, clus, nclus);
	else
		put32(b, 0);
	put_weights(b, tagger);
	if (chunker)
		put_weights(b, chunker);
	else {
		struct ap empty;
		ap_init(&empty, AF_SYN_NC);
		put_weights(b, &empty);
		ap_free(&empty);
	}
}

/* lower-case base forms: VB and VBP words are verbs (1), NN words nouns (2); seen twice */
static struct kv *base_forms(const struct corpus *c, size_t *nout)
{
	struct kv *all = af_malloc((c->nw + 1) * sizeof *all);
	size_t m = 0;
	for (size_t i = 0; i < c->nw; i++) {
		int t = c->tag[i];
		uint32_t v = (t == AF_POS_VB || t == AF_POS_VBP) ? 1 : t == AF_POS_NN ? 2 : 0;
		if (!v || c->w[i].len >= 40)
			continue;
		char lo[64];
		size_t n = c->w[i].len;
		int alpha = 1;
		for (size_t k = 0; k < n; k++) {
			char ch = c->w[i].s[k];
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-'))
				alpha = 0;
			lo[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		if (alpha)
			all[m++] = (struct kv){af_syn_lexkey(lo, n), v};
	}
	qsort(all, m, sizeof *all, cmp_kv);
	size_t no = 0;
	for (size_t i = 0; i < m;) {
		size_t j = i;
		uint32_t v = 0;
		while (j < m && all[j].k == all[i].k)
			v |= all[j++].v;
		if (j - i >= 2)
			all[no++] = (struct kv){all[i].k, v};
		i = j;
	}
	*nout = no;
	return all;
}

static void count_cluster(void *ctx, uint32_t key, uint32_t clusters)
{
	(void)key;
	(void)clusters;
	++*(size_t *)ctx;
}

static void add_cluster(void *ctx, uint32_t key, uint32_t clusters)
{
	(void)ctx;
	clus[nclus++] = (struct kv){key, clusters};
}

/* the word clusters of a NER model, as key -> packed clusters */
static int load_clusters(const char *path)
{
	struct af_ner_model *nm;
	struct af_error err;
	if (af_ner_load(&nm, path, &err) < 0) {
		af_warn("%s", err.msg);
		return -1;
	}
	size_t n = 0;
	af_ner_each_cluster(nm, count_cluster, &n);
	clus = af_malloc((n + 1) * sizeof *clus);
	af_ner_each_cluster(nm, add_cluster, NULL);
	qsort(clus, nclus, sizeof *clus, cmp_kv);
	af_ner_free(nm);
	fprintf(stderr, "af-train-syntax: %zu words with clusters from %s\n", nclus, path);
	return 0;
}

static const char *extraf; /* --pos-extra: more sentences for the tagger only */
static double extra_share = 1;

static int train(const char *trainf, const char *outf, int epochs, int cepochs, int folds, long seed)
{
	struct corpus c = {0};
	if (read_conll(&c, trainf, 0, 1) < 0)
		return AF_EX_FAIL;
	fprintf(stderr, "af-train-syntax: %zu sentences, %zu words from %s\n", c.ns, c.nw, trainf);
	size_t nchunk = c.ns; /* the sentences with chunks come first */
	nmain = nchunk;
	if (extraf) {
		if (read_conll(&c, extraf, 1, extra_share) < 0)
			return AF_EX_FAIL;
		fprintf(stderr, "af-train-syntax: %zu sentences, %zu words with %s (tagger only)\n", c.ns, c.nw, extraf);
	}
	struct af_syn_info *info = af_malloc((c.nw + 1) * sizeof *info);
	struct af_syn_map cm = {0};
	kv_map(&cm, clus, nclus);
	for (size_t s = 0; s < c.ns; s++) {
		af_syn_infos(c.w + c.s[s].w0, c.s[s].w1 - c.s[s].w0, info + c.s[s].w0);
		af_syn_clusters(&cm, info + c.s[s].w0, c.s[s].w1 - c.s[s].w0);
	}
	free((void *)cm.key);
	free((void *)cm.val);
	size_t nlex;
	struct kv *lex = base_forms(&c, &nlex);
	/* the chunker learns from the tags the tagger gives text it has not seen: each fold
	 * tagged by a tagger trained on the others */
	uint8_t *ptags = af_malloc(c.nw + 1);
	size_t *ids = af_malloc((c.ns + 1) * sizeof *ids);
	struct af_buf mb = {0};
	struct af_parse scratch = {0};
	struct af_error err;
	for (int k = 0; k < folds; k++) {
		/* folds of the chunker's sentences; the tagger-only ones (--pos-extra) train every fold */
		size_t lo = nchunk * (size_t)k / (size_t)folds, hi = nchunk * (size_t)(k + 1) / (size_t)folds, n = 0;
		for (size_t s = 0; s < c.ns; s++)
			if (s < lo || s >= hi)
				ids[n++] = s;
		rng = (uint64_t)seed * 0x9e3779b97f4a7c15ull + (uint64_t)k + 1;
		struct ap a;
		struct kv *dict, *amb;
		size_t nd, namb;
		fprintf(stderr, "af-train-syntax: fold %d of %d\n", k + 1, folds);
		train_tagger(&c, info, ids, n, epochs, &a, &dict, &nd, &amb, &namb);
		build_model(&mb, &a, dict, nd, lex, nlex, amb, namb, NULL);
		ap_free(&a);
		free(dict);
		free(amb);
		struct af_syntax *m;
		if (af_syntax_load_mem(&m, mb.p, mb.len, &err) < 0) {
			af_warn("%s", err.msg);
			return AF_EX_FAIL;
		}
		size_t right = 0;
		for (size_t s = lo; s < hi; s++) {
			af_syntax_tag(m, &scratch, c.w + c.s[s].w0, c.s[s].w1 - c.s[s].w0, ptags + c.s[s].w0);
			for (size_t i = c.s[s].w0; i < c.s[s].w1; i++)
				right += ptags[i] == c.tag[i];
		}
		fprintf(stderr, "  held-out fold accuracy %.4f\n",
		        (double)right / (double)(c.s[hi - 1].w1 - c.s[lo].w0));
		af_syntax_free(m);
	}
	if (folds < 2)
		memcpy(ptags, c.tag, c.nw);
	for (size_t i = 0; i < c.nw; i++)
		if (ptags[i] == 255)
			ptags[i] = AF_POS_SYM;
	for (size_t s = 0; s < c.ns; s++)
		ids[s] = s;
	rng = (uint64_t)seed * 0x9e3779b97f4a7c15ull + 1000;
	struct ap tagger, chunker;
	struct kv *dict, *amb;
	size_t nd, namb;
	fprintf(stderr, "af-train-syntax: the tagger on all sentences\n");
	train_tagger(&c, info, ids, c.ns, epochs, &tagger, &dict, &nd, &amb, &namb);
	for (size_t s = 0; s < c.ns; s++)
		ids[s] = s;
	rng = (uint64_t)seed * 0x9e3779b97f4a7c15ull + 2000;
	fprintf(stderr, "af-train-syntax: the chunker\n");
	if (beam > 1)
		train_chunker_beam(&c, info, ptags, ids, nchunk, cepochs, &chunker);
	else
		train_chunker(&c, info, ptags, ids, nchunk, cepochs, &chunker);
	build_model(&mb, &tagger, dict, nd, lex, nlex, amb, namb, &chunker);
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", outf);
	FILE *fo = fopen(tmp, "wb");
	if (!fo || fwrite(mb.p, 1, mb.len, fo) != mb.len || fclose(fo) != 0 || rename(tmp, outf) != 0) {
		af_warn("%s: cannot write", outf);
		return AF_EX_FAIL;
	}
	fprintf(stderr, "af-train-syntax: %s: %zu bytes, %zu tagger and %zu chunker features, %zu dictionary words\n",
	        outf, mb.len, tagger.nf, chunker.nf, nd);
	ap_free(&tagger);
	ap_free(&chunker);
	free(dict);
	free(amb);
	free(lex);
	free(ids);
	free(ptags);
	free(info);
	af_buf_free(&mb);
	af_parse_free(&scratch);
	free(c.w);
	free(c.tag);
	free(c.cls);
	free(c.s);
	free(c.buf);
	free(c.buf2);
	return 0;
}

/* ---- evaluation ---- */

/* chunks of a class sequence, conlleval's way: a chunk starts at B-X, or at I-X after
 * anything but X; returns the count, chunk i as (start, end, type) in out */
struct chunk {
	size_t a, b;
	int type;
};

static size_t chunks_of(const uint8_t *cls, size_t n, struct chunk *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		int t = af_syn_cls_type(cls[i]);
		if (!t)
			continue;
		int starts = af_syn_cls_begin(cls[i]) || i == 0 || af_syn_cls_type(cls[i - 1]) != t;
		if (starts)
			out[m++] = (struct chunk){i, i + 1, t};
		else
			out[m - 1].b = i + 1;
	}
	return m;
}

static int same_tag(int gold, int pred)
{
	int q = gold == AF_POS_QUOTE || gold == AF_POS_LQUOTE || gold == AF_POS_RQUOTE;
	int pq = pred == AF_POS_QUOTE || pred == AF_POS_LQUOTE || pred == AF_POS_RQUOTE;
	return gold == pred || (q && pq);
}

/* the CoNLL sentence as text: words joined by spaces, none before closing punctuation and
 * clitics, none after opening brackets; start[i] the byte offset of word i */
static void detok(const struct af_syn_word *w, size_t n, struct af_buf *b, size_t *start)
{
	int open_quote = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = w[i].s;
		size_t l = w[i].len;
		int nospace = b->len == 0;
		if (i > 0) {
			const char *p = w[i - 1].s;
			size_t pl = w[i - 1].len;
			if ((l == 1 && strchr(",.;:!?)%", s[0])) || (l >= 2 && s[0] == '\'' && s[1] != '\'') ||
			    (l == 3 && memcmp(s, "n't", 3) == 0) || (l == 1 && s[0] == '"' && open_quote))
				nospace = 1;
			if ((pl == 1 && (p[0] == '(' || p[0] == '$')) || (pl == 1 && p[0] == '"' && open_quote))
				nospace = 1;
		}
		if (l == 1 && s[0] == '"')
			open_quote = !open_quote;
		if (!nospace)
			af_buf_addc(b, ' ');
		start[i] = b->len;
		af_buf_add(b, s, l);
	}
}

/* gold words placed in text: start[i] (SIZE_MAX when not found) */
static void place(const char *text, size_t tl, const struct af_syn_word *w, size_t n, size_t *start)
{
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		start[i] = SIZE_MAX;
		for (size_t k = at; k + w[i].len <= tl && k < at + 40; k++)
			if (memcmp(text + k, w[i].s, w[i].len) == 0) {
				start[i] = k;
				at = k + w[i].len;
				break;
			}
	}
}

struct tally {
	size_t right, total, aligned;
};

/* tags a text through the tokenizer and splitter and compares with the gold words at
 * gstart[] (byte offsets into text) */
static void eval_text(const struct af_syntax *m, const char *text, size_t tl, const struct af_syn_word *gw,
                      const uint8_t *gtag, const size_t *gstart, size_t n, struct af_parse *p, struct tally *t)
{
	static struct af_tokens toks;
	static struct af_sentences ss;
	struct af_error err;
	if (af_tokenize(text, tl, &toks, &err) < 0 || af_sentences(text, tl, &toks, &ss, &err) < 0 ||
	    af_syntax_parse(m, text, tl, &toks, &ss, p, &err) < 0)
		af_die(AF_EX_FAIL, "%s", err.msg);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (gtag[i] == 255)
			continue;
		t->total++;
		if (gstart[i] == SIZE_MAX)
			continue;
		while (k < toks.n && toks.v[k].start < gstart[i])
			k++;
		if (k < toks.n && toks.v[k].start == gstart[i] && toks.v[k].end == gstart[i] + gw[i].len) {
			t->aligned++;
			t->right += same_tag(gtag[i], p->tok[k].tag);
		} else if (getenv("AF_DEBUG_ALIGN")) {
			size_t e = k;
			while (e < toks.n && toks.v[e].start < gstart[i] + gw[i].len)
				e++;
			fprintf(stderr, "MIS\t%.*s\t", (int)gw[i].len, gw[i].s);
			for (size_t q = k; q < e; q++)
				fprintf(stderr, "[%.*s]", (int)(toks.v[q].end - toks.v[q].start), text + toks.v[q].start);
			fprintf(stderr, "\n");
		}
	}
}

/* AF_SYNTAX_ORACLE=top2: a word whose gold tag is the tagger's second best gets the gold tag
 * (what the chunker could gain at most from knowing the tagger's second choice); the
 * figures that follow are the oracle's */
static void oracle_top2(const struct af_syntax *m, struct af_parse *p, const struct corpus *c, uint8_t *tags)
{
	const char *o = getenv("AF_SYNTAX_ORACLE");
	if (!o || strcmp(o, "top2") != 0)
		return;
	uint8_t *alt = af_malloc(c->nw + 1), *t2 = af_malloc(c->nw + 1);
	size_t fixed = 0;
	for (size_t s = 0; s < c->ns; s++)
		af_syn_tag_alt(m, p, c->w + c->s[s].w0, c->s[s].w1 - c->s[s].w0, t2 + c->s[s].w0, alt + c->s[s].w0);
	for (size_t i = 0; i < c->nw; i++)
		if (c->tag[i] != 255 && tags[i] != c->tag[i] && alt[i] == c->tag[i]) {
			tags[i] = c->tag[i];
			fixed++;
		}
	printf("oracle top2: %zu tags set to gold (the tagger's second best)\n", fixed);
	free(alt);
	free(t2);
}

/* AF_SYNTAX_ALTDUMP=FILE writes, per word, what a learned choice between the tagger's two best
 * tags would see: word, gold tag, tag, second-best tag, the tagger's margin, the chunker's
 * gain under the second tag (lib/syntax.c af_syn_chunk_view), gold chunk class, 1 at a
 * sentence's first word, the chunker's class (greedy, over the tags) and its best class at
 * that word under the second tag. AF_SYNTAX_TAGS=FILE reads one tag per word instead of the tagger's
 * (an experiment's choice); the figures that follow are over those tags. */
static void alt_view(const struct af_syntax *m, struct af_parse *p, const struct corpus *c, uint8_t *tags)
{
	const char *dump = getenv("AF_SYNTAX_ALTDUMP"), *tf = getenv("AF_SYNTAX_TAGS");
	if (dump) {
		FILE *f = fopen(dump, "w");
		if (!f)
			af_die(AF_EX_FAIL, "%s: %s", dump, strerror(errno));
		uint8_t *t = af_malloc(c->nw + 1), *alt = af_malloc(c->nw + 1), *cl = af_malloc(c->nw + 1);
		uint8_t *acl = af_malloc(c->nw + 1);
		float *margin = af_malloc((c->nw + 1) * sizeof *margin), *gain = af_malloc((c->nw + 1) * sizeof *gain);
		for (size_t s = 0; s < c->ns; s++) {
			size_t a = c->s[s].w0;
			af_syn_chunk_view(m, p, c->w + a, c->s[s].w1 - a, t + a, alt + a, margin + a, gain + a, cl + a,
			                  acl + a);
			for (size_t i = a; i < c->s[s].w1; i++)
				fprintf(f, "%.*s\t%s\t%s\t%s\t%.1f\t%.1f\t%d\t%d\t%d\t%d\n", (int)c->w[i].len, c->w[i].s,
				        c->tag[i] == 255 ? "-" : af_pos_name(c->tag[i]), af_pos_name(t[i]), af_pos_name(alt[i]),
				        margin[i] > 1e6f ? 1e6f : margin[i], gain[i], c->cls[i], i == a, cl[i], acl[i]);
		}
		fclose(f);
		free(t);
		free(alt);
		free(cl);
		free(acl);
		free(margin);
		free(gain);
	}
	if (tf) {
		FILE *f = fopen(tf, "r");
		if (!f)
			af_die(AF_EX_FAIL, "%s: %s", tf, strerror(errno));
		char line[64];
		size_t i = 0;
		while (fgets(line, sizeof line, f)) {
			size_t n = strcspn(line, "\n");
			if (line[n] != '\n' && !feof(f))
				af_die(AF_EX_DATAERR, "%s: line %zu: not a tag (too long)", tf, i + 1);
			line[n] = 0;
			if (i == c->nw)
				af_die(AF_EX_DATAERR, "%s: more tags than the %zu words", tf, c->nw);
			int t = af_pos_code(line, n);
			if (t < 0)
				af_die(AF_EX_DATAERR, "%s: line %zu: not a tag: %s", tf, i + 1, line);
			tags[i++] = (uint8_t)t;
		}
		fclose(f);
		if (i != c->nw)
			af_die(AF_EX_DATAERR, "%s: %zu tags for %zu words", tf, i, c->nw);
		printf("tags read from %s\n", tf);
	}
}

static int evaluate(const char *model, const char *path, int conllu)
{
	struct af_error err;
	struct af_syntax *m;
	if (af_syntax_load(&m, model, &err) < 0) {
		af_warn("%s", err.msg);
		return AF_EX_FAIL;
	}
	struct corpus c = {0};
	if ((conllu ? read_conllu(&c, path) : read_conll(&c, path, 0, 1)) < 0)
		return AF_EX_FAIL;
	struct af_parse p = {0};
	uint8_t *tags = af_malloc(c.nw + 1), *cls = af_malloc(c.nw + 1), *beg = af_malloc(c.nw + 1);
	uint8_t *gcls = af_malloc(c.nw + 1);
	size_t right = 0, total = 0, unk_right = 0, unk_total = 0, skipped = 0;
	struct timespec t0, t1;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
	for (size_t s = 0; s < c.ns; s++)
		af_syntax_tag(m, &p, c.w + c.s[s].w0, c.s[s].w1 - c.s[s].w0, tags + c.s[s].w0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
	alt_view(m, &p, &c, tags);
	oracle_top2(m, &p, &c, tags);
	/* the chunks over predicted tags as af-parse makes them (AF_SYNTAX_JOINT=1: with the
	 * tagger's second choice, an experiment); the tags are the same either way */
	const char *jv = getenv("AF_SYNTAX_JOINT");
	uint8_t *jcls = NULL;
	if (!conllu && jv && !strcmp(jv, "1")) { /* else the chunks over tags[] (the oracle's, AF_SYNTAX_TAGS's) */
		jcls = af_malloc(c.nw + 1);
		uint8_t *jt = af_malloc(c.nw + 1);
		for (size_t s = 0; s < c.ns; s++)
			af_syn_tag_chunk(m, &p, c.w + c.s[s].w0, c.s[s].w1 - c.s[s].w0, jv && !strcmp(jv, "1"),
			                 jt + c.s[s].w0, jcls + c.s[s].w0);
		free(jt);
	}
	double tag_secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	for (size_t i = 0; i < c.nw; i++) {
		if (c.tag[i] == 255) {
			skipped++;
			continue;
		}
		total++;
		right += same_tag(c.tag[i], tags[i]);
	}
	(void)unk_right;
	(void)unk_total;
	if (getenv("AF_SYNTAX_DUMP"))
		for (size_t i = 0; i < c.nw; i++)
			fprintf(stderr, "%.*s\t%s\t%s\n", (int)c.w[i].len, c.w[i].s, c.tag[i] == 255 ? "-" : af_pos_name(c.tag[i]),
			        af_pos_name(tags[i]));
	printf("%s: %zu sentences, %zu words\n", path, c.ns, c.nw);
	printf("pos accuracy (gold tokens): %.4f (%zu/%zu%s)\n", (double)right / (double)total, right, total,
	       skipped ? ", words with tags outside the Penn set left out" : "");
	if (skipped)
		printf("  left out: %zu words (tags such as HYPH NFP ADD GW AFX XX)\n", skipped);
	printf("tagging speed: %.0f sentences/s on one core\n", (double)c.ns / tag_secs);
	if (!conllu) {
		/* chunks over predicted tags, and over gold tags */
		for (int gold = 0; gold < 2; gold++) {
			size_t tp = 0, np = 0, ng = 0;
			struct chunk *cg = af_malloc((c.nw + 1) * sizeof *cg), *cp = af_malloc((c.nw + 1) * sizeof *cp);
			for (size_t s = 0; s < c.ns; s++) {
				size_t a = c.s[s].w0, n = c.s[s].w1 - a;
				uint8_t *tg = gold ? c.tag + a : tags + a;
				for (size_t i = 0; i < n; i++)
					if (tg[i] == 255)
						tg[i] = AF_POS_SYM;
				if (jcls && !gold)
					memcpy(cls + a, jcls + a, n);
				else {
					af_syntax_chunk(m, &p, c.w + a, tg, n, cls + a, beg + a);
					for (size_t i = 0; i < n; i++)
						cls[a + i] = (uint8_t)af_syn_cls(cls[a + i], beg[a + i]);
				}
				if (getenv("AF_SYNTAX_DUMP"))
					for (size_t i = 0; i < n; i++)
						fprintf(stderr, "%s\t%.*s\t%s\t%d\t%d\n", gold ? "CG" : "C", (int)c.w[a + i].len, c.w[a + i].s,
						        af_pos_name(tg[i]), c.cls[a + i], cls[a + i]);
				size_t kg = chunks_of(c.cls + a, n, cg), kp = chunks_of(cls + a, n, cp);
				ng += kg;
				np += kp;
				for (size_t x = 0, y = 0; x < kg && y < kp;) {
					if (cg[x].a == cp[y].a && cg[x].b == cp[y].b && cg[x].type == cp[y].type) {
						tp++;
						x++;
						y++;
					} else if (cg[x].a < cp[y].a || (cg[x].a == cp[y].a && cg[x].b < cp[y].b))
						x++;
					else
						y++;
				}
			}
			double P = np ? (double)tp / (double)np : 0, R = ng ? (double)tp / (double)ng : 0;
			printf("chunk F1 (%s tags): %.4f (P %.4f R %.4f, %zu gold chunks)\n", gold ? "gold" : "predicted",
			       P + R > 0 ? 2 * P * R / (P + R) : 0, P, R, ng);
			free(cg);
			free(cp);
		}
	}
	/* as a user gets it: the text through af's tokenizer and splitter */
	struct tally t = {0};
	struct af_buf text = {0};
	size_t *gstart = af_malloc((c.nw + 1) * sizeof *gstart);
	if (conllu) {
		for (size_t s = 0; s < c.ns; s++) {
			if (!c.s[s].text)
				continue;
			size_t a = c.s[s].w0, n = c.s[s].w1 - a;
			place(c.s[s].text, strlen(c.s[s].text), c.w + a, n, gstart + a);
			eval_text(m, c.s[s].text, strlen(c.s[s].text), c.w + a, c.tag + a, gstart + a, n, &p, &t);
		}
	} else {
		/* a document at a time, its sentences one a line */
		for (size_t s = 0; s < c.ns;) {
			size_t e = s;
			af_buf_reset(&text);
			while (e < c.ns && c.s[e].doc == c.s[s].doc) {
				if (text.len)
					af_buf_addc(&text, '\n');
				size_t a = c.s[e].w0, n = c.s[e].w1 - a, base = text.len;
				struct af_buf sb = {0};
				detok(c.w + a, n, &sb, gstart + a);
				af_buf_add(&text, sb.p, sb.len);
				for (size_t i = 0; i < n; i++)
					gstart[a + i] += base;
				af_buf_free(&sb);
				e++;
			}
			size_t a = c.s[s].w0, n = c.s[e - 1].w1 - a;
			eval_text(m, text.p, text.len, c.w + a, c.tag + a, gstart + a, n, &p, &t);
			s = e;
		}
	}
	printf("pos accuracy (text through the tokenizer): %.4f (%zu/%zu; %.4f of the gold words are tokens of af's "
	       "tokenizer, the others count as wrong)\n",
	       t.total ? (double)t.right / (double)t.total : 0, t.right, t.total,
	       t.total ? (double)t.aligned / (double)t.total : 0);
	printf("pos accuracy on the aligned words: %.4f\n", t.aligned ? (double)t.right / (double)t.aligned : 0);
	af_buf_free(&text);
	free(gstart);
	free(tags);
	free(cls);
	free(beg);
	free(gcls);
	free(jcls);
	af_parse_free(&p);
	af_syntax_free(m);
	free(c.w);
	free(c.tag);
	free(c.cls);
	free(c.s);
	free(c.buf);
	return 0;
}

int main(int argc, char **argv)
{
	af_setprog(argv);
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'}, {"train", required_argument, NULL, 't'},
		{"epochs", required_argument, NULL, 'e'}, {"chunk-epochs", required_argument, NULL, OPT_CHUNK_EPOCHS},
		{"folds", required_argument, NULL, 'f'}, {"seed", required_argument, NULL, 's'},
		{"clusters", required_argument, NULL, 'c'},
		{"eval-conll", required_argument, NULL, OPT_EVAL_CONLL},
		{"eval-conllu", required_argument, NULL, OPT_EVAL_CONLLU}, {"model", required_argument, NULL, 'm'},
		{"prune", required_argument, NULL, OPT_PRUNE}, {"dict-min", required_argument, NULL, OPT_DICT_MIN},
		{"dict-share", required_argument, NULL, OPT_DICT_SHARE},
		{"pos-extra", required_argument, NULL, OPT_POS_EXTRA},
		{"extra-share", required_argument, NULL, OPT_EXTRA_SHARE},
		{"extra-epochs", required_argument, NULL, OPT_EXTRA_EPOCHS},
		{"extra-dict", required_argument, NULL, OPT_EXTRA_DICT}, {"beam", required_argument, NULL, OPT_BEAM},
		{"tag-beam", required_argument, NULL, OPT_TAG_BEAM},
		{"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0}};
	const char *out = NULL, *trainf = NULL, *model = NULL, *evalf = NULL, *clusf = NULL;
	int epochs = 10, cepochs = 5, folds = 0, conllu = 0;
	long seed = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "o:t:e:f:s:m:c:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'o': out = optarg; break;
		case 't': trainf = optarg; break;
		case 'e': epochs = (int)num("--epochs", optarg, 1, 1000); break;
		case OPT_CHUNK_EPOCHS: cepochs = (int)num("--chunk-epochs", optarg, 1, 1000); break;
		case 'f':
			folds = (int)num("--folds", optarg, 0, 100);
			if (folds == 1)
				af_die(AF_EX_USAGE, "--folds: 0 (gold tags) or at least 2");
			break;
		case 's': seed = num("--seed", optarg, 1, 1L << 30); break;
		case 'm': model = optarg; break;
		case 'c': clusf = optarg; break;
		case OPT_PRUNE: prune = real_arg("--prune", optarg, 0, 0, 1e6, ">= 0"); break;
		case OPT_DICT_MIN: dict_min = num("--dict-min", optarg, 1, 1L << 30); break;
		case OPT_DICT_SHARE: dict_share = real_arg("--dict-share", optarg, 0.5, 1, 1, "in (0.5, 1]"); break;
		case OPT_POS_EXTRA: extraf = optarg; break;
		case OPT_EXTRA_EPOCHS: extra_epochs = (int)num("--extra-epochs", optarg, 0, 1000); break;
		case OPT_BEAM: beam = (int)num("--beam", optarg, 1, BEAM_MAX); break;
		case OPT_TAG_BEAM: tag_beam = (int)num("--tag-beam", optarg, 1, BEAM_MAX); break;
		case OPT_EXTRA_DICT: extra_dict = (int)num("--extra-dict", optarg, 0, 1); break;
		case OPT_EXTRA_SHARE: extra_share = real_arg("--extra-share", optarg, 0, 1, 1, "in (0, 1]"); break;
		case OPT_EVAL_CONLL: evalf = optarg; conllu = 0; break;
		case OPT_EVAL_CONLLU: evalf = optarg; conllu = 1; break;
		case 'h': fputs(usage, stdout); return 0;
		case 'V': printf("af-train-syntax %s\n", AF_VERSION); return 0;
		default: fprintf(stderr, "Try 'af-train-syntax --help'.\n"); return AF_EX_USAGE;
		}
	}
	if (optind < argc)
		af_die(AF_EX_USAGE, "unexpected operand: %s", argv[optind]);
	if (evalf)
		return evaluate(model, evalf, conllu);
	if (!trainf || !out)
		af_die(AF_EX_USAGE, "training needs -t CONLL and -o MODEL (see --help)");
	if (clusf && load_clusters(clusf) < 0)
		return AF_EX_FAIL;
	return train(trainf, out, epochs, cepochs, folds, seed);
}
