/* evsnap.c - the start-up form of the compiled-in event dictionaries.
 *
 * Reading the default dictionaries as text (2.5 MB: Phoenix actors, PETRARCH-2 verbs) takes
 * about 150 ms, most of af-events' start-up. At build time scripts/evsnap.c loads them once
 * and writes the finished dictionary (word table, phrase trie, actors, verbs, patterns,
 * synsets) as a snapshot with ev_snap_write; the build embeds it (build/gen/evsnap.c) and
 * af_evdict_load_defaults restores it with ev_snap_read, which is a few copies of arrays.
 *
 * The snapshot is private to one build: its header holds a format version, the sizes of the
 * structures and the lengths of the embedded dictionary texts it was made from; when any of
 * them differ (or the snapshot is absent, as in the generator itself) the texts are read as
 * before, so a stale or foreign snapshot costs time, never correctness. docs/dictionaries.md. */
#include "events_int.h"

#include "af/data.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char magic[8] = {'A', 'F', 'E', 'V', 'S', 'N', 'P', '1'};

/* The compiled-in texts a snapshot stands for (the order of af_evdict_load_defaults). */
static const char *const sources[] = {"events-verbs.bin",    "events-actors.bin", "events-agents.bin",
                                      "events-discards.bin", "events.yaml",       "events-world.yaml",
                                      "events-afghanistan.yaml"};
enum { NSRC = sizeof sources / sizeof sources[0] };

/* A fingerprint of the layout: a snapshot from another build of different structures is refused. */
static uint64_t layout(void)
{
	uint64_t h = 1469598103934665603ull;
	const size_t sz[] = {sizeof(struct ev_node), sizeof(struct ev_code), sizeof(struct ev_actor),
	                     sizeof(struct ev_agent), sizeof(struct ev_block), sizeof(struct ev_verb),
	                     sizeof(struct ev_form), sizeof(struct ev_pelem), sizeof(struct ev_pattern),
	                     sizeof(struct ev_synalt), sizeof(long long), sizeof(int), sizeof(size_t), 0x01020304};
	for (size_t i = 0; i < sizeof sz / sizeof sz[0]; i++)
		h = (h ^ (uint64_t)sz[i]) * 1099511628211ull;
	return h;
}

/* ---- writing ---- */

struct wbuf {
	char *p;
	size_t n, cap;
};

static void put(struct wbuf *b, const void *x, size_t n)
{
	b->p = af_grow(b->p, &b->cap, b->n + n, 1);
	if (n)
		memcpy(b->p + b->n, x, n);
	b->n += n;
}

static void put_u64(struct wbuf *b, uint64_t v)
{
	put(b, &v, sizeof v);
}

/* A string as (length + 1), bytes; 0 for NULL. */
static void put_str(struct wbuf *b, const char *s)
{
	if (!s) {
		put_u64(b, 0);
		return;
	}
	size_t n = strlen(s);
	put_u64(b, n + 1);
	put(b, s, n);
}

static int64_t file_index(const struct af_evdict *d, const char *f)
{
	for (size_t i = 0; i < d->nfiles; i++)
		if (d->files[i] == f)
			return (int64_t)i;
	return -1;
}

int ev_snap_write(const struct af_evdict *d, char **out, size_t *outlen)
{
	struct wbuf b = {0};
	put(&b, magic, sizeof magic);
	put_u64(&b, layout());
	for (size_t i = 0; i < NSRC; i++) {
		const struct af_datafile *f = af_data_find(sources[i]);
		put_u64(&b, f ? (uint64_t)f->len : 0);
	}
	/* words: the strings, then the hash table as ids per slot (-1 empty) */
	put_u64(&b, d->w.nwords);
	for (size_t i = 0; i < d->w.nwords; i++)
		put_str(&b, d->w.words[i]);
	put_u64(&b, d->w.cap);
	for (size_t i = 0; i < d->w.cap; i++) {
		int v = d->w.keys[i] ? d->w.ids[i] : -1;
		put(&b, &v, sizeof v);
	}
	/* trie */
	put_u64(&b, d->edges.cap);
	put_u64(&b, d->edges.n);
	put(&b, d->edges.keys, d->edges.cap * sizeof *d->edges.keys);
	put(&b, d->edges.vals, d->edges.cap * sizeof *d->edges.vals);
	put_u64(&b, d->nnodes);
	put(&b, d->nodes, d->nnodes * sizeof *d->nodes);
	/* actors */
	put_u64(&b, d->nactors);
	for (size_t i = 0; i < d->nactors; i++) {
		const struct ev_actor *a = &d->actors[i];
		put_u64(&b, a->ncodes);
		put(&b, a->codes, a->ncodes * sizeof *a->codes);
		put_str(&b, a->canonical);
		put_u64(&b, (uint64_t)a->person);
		put_u64(&b, (uint64_t)a->capital);
	}
	put_u64(&b, d->nagents);
	put(&b, d->agents, d->nagents * sizeof *d->agents);
	put_u64(&b, d->nblocks);
	put(&b, d->blocks, d->nblocks * sizeof *d->blocks);
	put_u64(&b, d->nverbs);
	put(&b, d->verbs, d->nverbs * sizeof *d->verbs);
	/* file names (pattern and synset positions point at them) */
	put_u64(&b, d->nfiles);
	for (size_t i = 0; i < d->nfiles; i++)
		put_str(&b, d->files[i]);
	put_u64(&b, d->npats);
	for (size_t i = 0; i < d->npats; i++) {
		struct ev_pattern p = d->pats[i];
		int64_t fi = file_index(d, p.file);
		p.el = NULL;
		p.file = NULL;
		put(&b, &p, sizeof p);
		put_u64(&b, (uint64_t)fi);
		put(&b, d->pats[i].el, p.nel * sizeof *p.el);
	}
	put_u64(&b, d->nforms);
	put(&b, d->forms, d->nforms * sizeof *d->forms);
	put_u64(&b, d->formheadcap);
	put(&b, d->formhead, d->formheadcap * sizeof *d->formhead);
	put_u64(&b, d->nsyns);
	for (size_t i = 0; i < d->nsyns; i++) {
		const struct ev_synset *s = &d->syns[i];
		put_str(&b, s->name);
		put_u64(&b, s->nalts);
		put(&b, s->alts, s->nalts * sizeof *s->alts);
		put_u64(&b, s->nraw);
		for (size_t k = 0; k < s->nraw; k++) {
			put_str(&b, s->raw[k]);
			put_u64(&b, (uint64_t)(int64_t)s->rawline[k]);
		}
		put_u64(&b, (uint64_t)file_index(d, s->file));
		put_u64(&b, (uint64_t)s->resolved);
		put_u64(&b, (uint64_t)s->noplural);
	}
	put_u64(&b, d->speechcap);
	put(&b, d->speech, d->speechcap * sizeof *d->speech);
	put_u64(&b, d->pronouncap);
	put(&b, d->pronoun, d->pronouncap * sizeof *d->pronoun);
	put_u64(&b, d->wflagcap);
	put(&b, d->wflag, d->wflagcap * sizeof *d->wflag);
	put_u64(&b, (uint64_t)d->order);
	put_u64(&b, (uint64_t)d->ntransforms);
	put(&b, magic, sizeof magic);
	*out = b.p;
	*outlen = b.n;
	return 0;
}

/* ---- reading ---- */

struct rbuf {
	const char *p;
	size_t n, pos;
	int bad;
};

static int get(struct rbuf *r, void *x, size_t n)
{
	if (r->bad || n > r->n - r->pos) {
		r->bad = 1;
		if (n)
			memset(x, 0, n);
		return -1;
	}
	if (n)
		memcpy(x, r->p + r->pos, n);
	r->pos += n;
	return 0;
}

static uint64_t get_u64(struct rbuf *r)
{
	uint64_t v = 0;
	get(r, &v, sizeof v);
	return v;
}

/* A count of elements of size sz that must still fit in the buffer. */
static size_t get_count(struct rbuf *r, size_t sz)
{
	uint64_t v = get_u64(r);
	if (r->bad || (sz && v > (r->n - r->pos) / sz)) {
		r->bad = 1;
		return 0;
	}
	return (size_t)v;
}

/* An array of n elements of size sz into new memory (at least one element, zeroed). */
static void *get_array(struct rbuf *r, size_t n, size_t sz)
{
	void *p = af_calloc(n ? n : 1, sz);
	get(r, p, n * sz);
	return p;
}

/* A string into the pool at *o; NULL for an absent one. */
static char *get_str(struct rbuf *r, char *pool, size_t poolcap, size_t *o)
{
	uint64_t n = get_u64(r);
	if (r->bad || !n)
		return NULL;
	if (n - 1 > r->n - r->pos || *o + n > poolcap) {
		r->bad = 1;
		return NULL;
	}
	char *s = pool + *o;
	memcpy(s, r->p + r->pos, (size_t)(n - 1));
	s[n - 1] = 0;
	r->pos += (size_t)(n - 1);
	*o += (size_t)n;
	return s;
}

static char *dup_str(struct rbuf *r)
{
	uint64_t n = get_u64(r);
	if (r->bad || !n)
		return NULL;
	if (n - 1 > r->n - r->pos) {
		r->bad = 1;
		return NULL;
	}
	char *s = af_strndup(r->p + r->pos, (size_t)(n - 1));
	r->pos += (size_t)(n - 1);
	return s;
}

int ev_snap_usable(const char *buf, size_t len)
{
	struct rbuf r = {.p = buf, .n = len};
	char m[8];
	if (!buf || len < 64 || get(&r, m, sizeof m) < 0 || memcmp(m, magic, sizeof m))
		return 0;
	if (get_u64(&r) != layout())
		return 0;
	for (size_t i = 0; i < NSRC; i++) {
		const struct af_datafile *f = af_data_find(sources[i]);
		if (get_u64(&r) != (f ? (uint64_t)f->len : 0))
			return 0;
	}
	return memcmp(buf + len - sizeof magic, magic, sizeof magic) == 0;
}

/* ---- ev_snap_read, phase by phase: each reads its part at r (r->bad on any fault) ---- */

/* The word table: the words (in the shared pool) and their hash. */
static void read_words(struct af_evdict *d, struct rbuf *r, size_t *pop)
{
	size_t po = *pop;
	size_t nw = get_count(r, 8);
	d->w.words = af_calloc(nw ? nw : 1, sizeof *d->w.words);
	d->w.wcap = nw ? nw : 1;
	for (size_t i = 0; i < nw && !r->bad; i++) {
		d->w.words[i] = get_str(r, d->pool, d->poolcap, &po);
		if (!d->w.words[i])
			r->bad = 1;
	}
	d->w.nwords = nw;
	size_t cap = get_count(r, sizeof(int));
	if (cap & (cap - 1))
		r->bad = 1;
	d->w.keys = af_calloc(cap ? cap : 1, sizeof *d->w.keys);
	d->w.ids = af_calloc(cap ? cap : 1, sizeof *d->w.ids);
	d->w.cap = r->bad ? 0 : cap;
	for (size_t i = 0; i < cap && !r->bad; i++) {
		int v;
		get(r, &v, sizeof v);
		if (v >= (int)nw)
			r->bad = 1;
		else if (v >= 0) {
			d->w.keys[i] = d->w.words[v];
			d->w.ids[i] = v;
			d->w.n++;
		}
	}
	*pop = po;
}

/* The phrase trie: its edges and nodes. */
static void read_trie(struct af_evdict *d, struct rbuf *r)
{
	size_t ecap = get_count(r, sizeof(long long) + sizeof(int));
	if (ecap & (ecap - 1))
		r->bad = 1;
	d->edges.n = (size_t)get_u64(r);
	d->edges.keys = get_array(r, ecap, sizeof *d->edges.keys);
	d->edges.vals = get_array(r, ecap, sizeof *d->edges.vals);
	d->edges.cap = r->bad ? 0 : ecap;
	free(d->nodes);
	d->nnodes = get_count(r, sizeof *d->nodes);
	d->nodes = get_array(r, d->nnodes, sizeof *d->nodes);
	d->nodecap = d->nnodes ? d->nnodes : 1;
}

/* Actors (dated codes, canonical name), agents, verb blocks and verbs. */
static void read_actors(struct af_evdict *d, struct rbuf *r, size_t *pop)
{
	size_t po = *pop;
	d->nactors = 0;
	size_t na = get_count(r, 24);
	d->actors = af_calloc(na ? na : 1, sizeof *d->actors);
	d->actorcap = na ? na : 1;
	for (size_t i = 0; i < na && !r->bad; i++) {
		struct ev_actor *a = &d->actors[i];
		a->ncodes = get_count(r, sizeof *a->codes);
		a->codes = get_array(r, a->ncodes, sizeof *a->codes);
		a->canonical = get_str(r, d->pool, d->poolcap, &po);
		a->person = (int)get_u64(r);
		a->capital = (int)get_u64(r);
		d->nactors = i + 1;
	}
	d->nagents = get_count(r, sizeof *d->agents);
	d->agents = get_array(r, d->nagents, sizeof *d->agents);
	d->agentcap = d->nagents ? d->nagents : 1;
	d->nblocks = get_count(r, sizeof *d->blocks);
	d->blocks = get_array(r, d->nblocks, sizeof *d->blocks);
	d->blockcap = d->nblocks ? d->nblocks : 1;
	d->nverbs = get_count(r, sizeof *d->verbs);
	d->verbs = get_array(r, d->nverbs, sizeof *d->verbs);
	d->verbcap = d->nverbs ? d->nverbs : 1;
	*pop = po;
}

/* The files named in errors, the patterns and the verb forms. */
static void read_patterns(struct af_evdict *d, struct rbuf *r)
{
	size_t nf = get_count(r, 8);
	d->files = af_calloc(nf ? nf : 1, sizeof *d->files);
	for (size_t i = 0; i < nf && !r->bad; i++) {
		d->files[i] = dup_str(r);
		if (!d->files[i])
			r->bad = 1;
		else
			d->nfiles = i + 1;
	}
	size_t np = get_count(r, sizeof(struct ev_pattern));
	d->pats = af_calloc(np ? np : 1, sizeof *d->pats);
	d->patcap = np ? np : 1;
	for (size_t i = 0; i < np && !r->bad; i++) {
		struct ev_pattern *p = &d->pats[i];
		get(r, p, sizeof *p);
		p->el = NULL;
		p->file = NULL;
		int64_t fi = (int64_t)get_u64(r);
		if (fi >= 0 && (size_t)fi < d->nfiles)
			p->file = d->files[fi];
		if (p->nel > (r->n - r->pos) / sizeof *p->el) {
			r->bad = 1;
			p->nel = 0;
		}
		p->el = get_array(r, p->nel, sizeof *p->el);
		d->npats = i + 1;
	}
	d->nforms = get_count(r, sizeof *d->forms);
	d->forms = get_array(r, d->nforms, sizeof *d->forms);
	d->formcap = d->nforms ? d->nforms : 1;
	d->formheadcap = get_count(r, sizeof *d->formhead);
	d->formhead = get_array(r, d->formheadcap, sizeof *d->formhead);
}

/* The synsets with their raw members, the speech, pronoun and word flags, the counters. */
static void read_synsets(struct af_evdict *d, struct rbuf *r)
{
	size_t ns = get_count(r, 8);
	d->syns = af_calloc(ns ? ns : 1, sizeof *d->syns);
	d->syncap = ns ? ns : 1;
	for (size_t i = 0; i < ns && !r->bad; i++) {
		struct ev_synset *s = &d->syns[i];
		d->nsyns = i + 1;
		s->name = dup_str(r);
		s->nalts = get_count(r, sizeof *s->alts);
		s->alts = get_array(r, s->nalts, sizeof *s->alts);
		s->cap = s->nalts ? s->nalts : 1;
		size_t nr = get_count(r, 8);
		s->raw = af_calloc(nr ? nr : 1, sizeof *s->raw);
		s->rawline = af_calloc(nr ? nr : 1, sizeof *s->rawline);
		s->rawcap = nr ? nr : 1;
		for (size_t k = 0; k < nr && !r->bad; k++) {
			s->raw[k] = dup_str(r);
			s->rawline[k] = (int)(int64_t)get_u64(r);
			if (!s->raw[k])
				r->bad = 1;
			else
				s->nraw = k + 1;
		}
		int64_t fi = (int64_t)get_u64(r);
		s->file = fi >= 0 && (size_t)fi < d->nfiles ? d->files[fi] : NULL;
		s->resolved = (int)get_u64(r);
		s->noplural = (int)get_u64(r);
		if (!s->name)
			r->bad = 1;
	}
	free(d->speech);
	d->speechcap = get_count(r, sizeof *d->speech);
	d->speech = get_array(r, d->speechcap, sizeof *d->speech);
	free(d->pronoun);
	d->pronouncap = get_count(r, sizeof *d->pronoun);
	d->pronoun = get_array(r, d->pronouncap, sizeof *d->pronoun);
	free(d->wflag);
	d->wflagcap = get_count(r, sizeof *d->wflag);
	d->wflag = get_array(r, d->wflagcap, sizeof *d->wflag);
	d->order = (int)get_u64(r);
	d->ntransforms = (int)get_u64(r);
	char m[8];
	if (get(r, m, sizeof m) < 0 || memcmp(m, magic, sizeof m) || r->pos != r->n)
		r->bad = 1;
}

/* The indices into the arrays stay inside them. */
static void check_indices(const struct af_evdict *d, struct rbuf *r)
{
	for (size_t i = 0; i < d->nnodes && !r->bad; i++)
		if (d->nodes[i].actor >= (int)d->nactors || d->nodes[i].agent >= (int)d->nagents)
			r->bad = 1;
	for (size_t i = 0; i < d->edges.cap && !r->bad; i++)
		if (d->edges.vals[i] >= (int)d->nnodes)
			r->bad = 1;
	for (size_t i = 0; i < d->nforms && !r->bad; i++)
		if (d->forms[i].verb < 0 || d->forms[i].verb >= (int)d->nverbs || d->forms[i].next >= (int)d->nforms)
			r->bad = 1;
	for (size_t i = 0; i < d->formheadcap && !r->bad; i++)
		if (d->formhead[i] >= (int)d->nforms)
			r->bad = 1;
	for (size_t i = 0; i < d->nverbs && !r->bad; i++)
		if (d->verbs[i].block < 0 || d->verbs[i].block >= (int)d->nblocks)
			r->bad = 1;
	for (size_t i = 0; i < d->nblocks && !r->bad; i++)
		if (d->blocks[i].pat0 + d->blocks[i].npat > d->npats)
			r->bad = 1;
}

int ev_snap_read(struct af_evdict *d, const char *buf, size_t len)
{
	if (!ev_snap_usable(buf, len))
		return -1;
	struct rbuf r = {.p = buf, .n = len, .pos = sizeof magic + 8 + 8 * NSRC};
	/* all strings of words and actors share one pool, no larger than the snapshot */
	d->pool = af_malloc(len);
	d->poolcap = len;
	size_t po = 0;
	read_words(d, &r, &po);
	read_trie(d, &r);
	read_actors(d, &r, &po);
	read_patterns(d, &r);
	read_synsets(d, &r);
	check_indices(d, &r);
	return r.bad ? -1 : 0;
}
