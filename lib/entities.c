/* entities.c - af-entities' extractor: set-up, the steps in order, output (docs/af-entities.1
 * describes the method, docs/lexicons.md the data; entities_int.h the files). */
#include "entities_int.h"
#include "af/data.h"
#include "af/record.h"

#include <stdlib.h>
#include <string.h>

/* the compiled-in data this module reads */
AF_DATA_USE(entity_rules_yaml);
AF_DATA_USE(places_yaml);
AF_DATA_USE(orgs_yaml);
AF_DATA_USE(people_yaml);

/* ---- set-up ---- */

static int add_root(struct af_entities *x, const struct af_ynode *root, int need, struct af_error *err)
{
	if (root->type != AF_Y_MAP)
		return af_yerr(err, root, "a lexicon is a mapping of sections (people:, orgs:, places:, ...)");
	int known = af_lexicon_knows(root);
	int dated = af_ymap_get(root, "months") || af_ymap_get(root, "weekdays") || af_ymap_get(root, "zones") ||
	            af_ymap_get(root, "resolve");
	if (need && !known && !dated && root->n)
		return af_yerr(err, root,
		               "no section af-entities reads (people, orgs, places, groups, misc, titles, ...; "
		               "see docs/lexicons.md)");
	/* a user's file: a misspelt section is refused, not ignored (af(7), LEXICONS); the
	 * sections of the other tools pass, so that one file can serve several tools */
	for (size_t i = 0; need && i + 1 < root->n; i += 2) {
		const char *k = root->kids[i]->str, *near = af_lexicon_misspelt(k);
		if (near)
			return af_yerr(err, root->kids[i], "unknown section '%s' (did you mean '%s'?)", k, near);
	}
	if (known && af_lexicon_add(x->lx, root, err) < 0)
		return -1;
	if (dated && af_dates_merge(x->dates, root, err) < 0)
		return -1;
	return 0;
}

static const char *const default_files[] = {"entity-rules.yaml", "places.yaml", "orgs.yaml", "people.yaml"};

struct af_entities *af_entities_new(struct af_error *err)
{
	struct af_entities *x = af_calloc(1, sizeof *x);
	x->lx = af_lexicon_new();
	if (af_text_init(err) < 0 || !(x->dates = af_dates_new(err))) {
		af_entities_free(x);
		return NULL;
	}
	struct af_error nerr;
	/* AF_NER_MODEL: a model file instead of the compiled-in one (a retrained model, and
	 * bench/eval-ner --model); one that does not load is an error, not a silent fallback */
	const char *mpath = getenv("AF_NER_MODEL");
	if (mpath && !*mpath)
		mpath = NULL;
	if (!getenv("AF_NO_NER") && af_ner_load(&x->ner, mpath, &nerr) == 0)
		x->nscratch = af_ner_scratch_new();
	else if (mpath && !getenv("AF_NO_NER")) {
		af_error_set(err, "AF_NER_MODEL: %s", nerr.msg);
		af_entities_free(x);
		return NULL;
	} else
		x->ner = NULL; /* lexicon and rules only (docs: af-entities(1), MODEL) */
	for (size_t i = 0; i < sizeof default_files / sizeof *default_files; i++) {
		const struct af_datafile *f = af_data_find(default_files[i]);
		if (!f) {
			af_error_set(err, "%s is not compiled in", default_files[i]);
			af_entities_free(x);
			return NULL;
		}
		struct af_ynode *root = af_yaml_parse(f->data, f->len, default_files[i], err);
		int rc = root ? af_lexicon_add(x->lx, root, err) : -1;
		af_yaml_free(root);
		if (rc < 0) {
			af_entities_free(x);
			return NULL;
		}
	}
	return x;
}

int af_entities_load(struct af_entities *x, const char *path, struct af_error *err)
{
	struct af_ynode *root = af_yaml_load(path, err);
	if (!root)
		return -1;
	int rc = add_root(x, root, 1, err);
	af_yaml_free(root);
	return rc;
}

void af_entities_free(struct af_entities *x)
{
	if (!x)
		return;
	af_lexicon_free(x->lx);
	af_dates_free(x->dates);
	af_ner_free(x->ner);
	af_ner_scratch_free(x->nscratch);
	af_ner_spans_free(&x->nspans);
	af_tokens_free(&x->toks);
	af_sentences_free(&x->sents);
	af_lexunits_free(&x->u);
	free(x);
}

static int by_start(const void *pa, const void *pb)
{
	const struct ment *a = pa, *b = pb;
	return a->a < b->a ? -1 : a->a > b->a ? 1 : 0;
}

/* A mention's identity key: its lexicon entity, else its type and words (folded). */
static void parse_published(struct work *w, const char *pub)
{
	const char *why;
	w->have_pub = pub && af_dt_parse(pub, &w->pub, &why) == 0 && w->pub.mo && w->pub.d;
}

/* "2021-08-15" 20210815, "2021-08" 20210815 (mid-month), "2021" 20210701 (mid-year); 0 else. */
int af_entities_find(struct af_entities *x, const char *s, size_t n, const char *published,
                     struct af_mentions *out, struct af_error *err)
{
	if (af_tokenize(s, n, &x->toks, err) < 0 || af_sentences(s, n, &x->toks, &x->sents, err) < 0)
		return -1;
	af_lexunits_make(s, n, &x->toks, &x->sents, &x->u);
	struct work w = {.x = x, .s = s, .n = n, .u = &x->u};
	size_t nu = x->u.n ? x->u.n : 1;
	w.owner = af_malloc(nu * sizeof *w.owner);
	w.cls = af_calloc(nu, sizeof *w.cls);
	w.plen = af_calloc(nu, sizeof *w.plen);
	w.prole = af_calloc(nu, sizeof *w.prole);
	for (size_t i = 0; i < x->u.n; i++)
		w.owner[i] = NONE;
	parse_published(&w, published);

	en_find_phrases(&w);
	en_find_lexicon(&w);
	en_find_roles(&w);
	en_find_model(&w);
	en_find_compounds(&w);
	en_find_sequences(&w);
	en_find_surnames(&w);
	en_find_dates(&w);

	/* mentions in text order (owner indices are rebuilt after sorting) */
	size_t *old2new = NULL;
	{
		for (size_t i = 0; i < w.nm; i++)
			w.m[i].parent = i; /* no links yet; remember the old index in parent */
		struct ment *sorted = af_malloc((w.nm ? w.nm : 1) * sizeof *sorted);
		if (w.nm)
			memcpy(sorted, w.m, w.nm * sizeof *sorted);
		qsort(sorted, w.nm, sizeof *sorted, by_start);
		old2new = af_malloc((w.nm ? w.nm : 1) * sizeof *old2new);
		for (size_t i = 0; i < w.nm; i++)
			old2new[sorted[i].parent] = i;
		for (size_t i = 0; i < w.nm; i++) {
			sorted[i].parent = i;
			if (sorted[i].org != NONE)
				sorted[i].org = old2new[sorted[i].org];
		}
		free(w.m);
		w.m = sorted;
		w.capm = w.nm ? w.nm : 1;
		for (size_t i = 0; i < x->u.n; i++)
			if (w.owner[i] != NONE && w.owner[i] != ROLEUNIT)
				w.owner[i] = old2new[w.owner[i]];
	}
	en_attach_roles(&w);
	en_link_mentions(&w);
	en_results(&w, out);

	free(old2new);
	free(w.m);
	free(w.roles);
	free(w.owner);
	free(w.cls);
	free(w.plen);
	free(w.prole);
	return 0;
}

void af_mentions_free(struct af_mentions *m)
{
	free(m->v);
	af_buf_free(&m->strs);
	memset(m, 0, sizeof *m);
}

static void put_field(struct af_buf *out, const char *key, const char *v)
{
	af_buf_add(out, ",\"", 2);
	af_buf_adds(out, key);
	af_buf_add(out, "\":", 2);
	af_json_string(out, v, strlen(v));
}

void af_mentions_write(const struct af_mentions *m, const char *s, struct af_buf *out)
{
	af_buf_addc(out, '[');
	for (size_t i = 0; i < m->n; i++) {
		const struct af_mention *e = &m->v[i];
		af_buf_adds(out, i ? ",{\"text\":" : "{\"text\":");
		af_json_string(out, s + e->start, e->end - e->start);
		put_field(out, "type", af_etype_name(e->type));
		af_buf_adds(out, ",\"start\":");
		af_json_int(out, (long long)e->cstart);
		af_buf_adds(out, ",\"end\":");
		af_json_int(out, (long long)e->cend);
		put_field(out, "canonical", e->canonical);
		if (e->id)
			put_field(out, "id", e->id);
		if (e->value)
			put_field(out, "value", e->value);
		if (af_date_kind_name(e->date_kind))
			put_field(out, "kind", af_date_kind_name(e->date_kind));
		if (e->code)
			put_field(out, "code", e->code);
		if (e->role)
			put_field(out, "role", e->role);
		if (e->org)
			put_field(out, "org", e->org);
		af_buf_addc(out, '}');
	}
	af_buf_addc(out, ']');
}
