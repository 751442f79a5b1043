/* lexicon.c - gazetteers and rule word lists from YAML in tables keyed for matching, and their
 * lookups (docs/lexicons.md); the keys and units of a text are lexicon_units.c. */
#include "lexicon.h"
#include "af/dates.h"
#include "english.h"
#include "af/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct slot {
	char *key; /* NULL when empty */
	uint32_t hash;
	int gen;   /* the af_lexicon_add call that set the entity */
	struct af_lexhit hit;
	char *cases;
};

struct table {
	struct slot *v;
	uint32_t *tag; /* per slot: 0 empty, else its hash (1 for a hash of 0); probed before the
	                * slots, 16 times denser, so that a miss costs one cache line, not several */
	size_t n, cap; /* cap a power of two */
};

static uint32_t tag_of(uint32_t h)
{
	return h ? h : 1;
}

struct af_lexicon {
	struct table exact, fold;
	struct af_lexentry *ents;
	size_t nents, capents;
	char **strs; /* role strings */
	size_t nstrs;
	int gen;
	struct af_tokens toks;
	struct af_lexunits units;
};

static const char *const type_names[] = {"PERSON", "ORG", "LOC", "NORP", "DATE", "MISC"};

const char *af_etype_name(enum af_etype t)
{
	return t < AF_E_NTYPES ? type_names[t] : "MISC";
}

/* ---- the tables ---- */

/* The tables' hash (FNV-1a, 32 bits) of the string p, continued from h: a key is hashed as
 * its words with one space between them, whether it is one string (af_lexicon_word) or
 * the units of a run (hash_units). */
#define KEY_HASH0 2166136261u
static uint32_t key_hash(uint32_t h, const char *p)
{
	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h;
}

static uint32_t hash_units(const struct af_lexunits *u, size_t a, size_t b, int folded)
{
	uint32_t h = KEY_HASH0;
	for (size_t i = a; i < b; i++)
		h = key_hash(i > a ? key_hash(h, " ") : h, folded ? af_lexunit_fold(u, i) : af_lexunit_key(u, i));
	return h;
}

static int key_is(const char *key, const struct af_lexunits *u, size_t a, size_t b, int folded)
{
	const char *k = key;
	for (size_t i = a; i < b; i++) {
		if (i > a && *k++ != ' ')
			return 0;
		for (const char *p = folded ? af_lexunit_fold(u, i) : af_lexunit_key(u, i); *p; p++)
			if (*k++ != *p)
				return 0;
	}
	return *k == 0;
}

static struct slot *lookup(const struct table *t, const struct af_lexunits *u, size_t a, size_t b, int folded,
                           uint32_t *hp)
{
	uint32_t h = hash_units(u, a, b, folded);
	if (hp)
		*hp = h;
	if (!t->cap)
		return NULL;
	uint32_t want = tag_of(h);
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		uint32_t tag = t->tag[i];
		if (!tag)
			return NULL;
		if (tag == want && key_is(t->v[i].key, u, a, b, folded))
			return &t->v[i];
	}
}

static void grow(struct table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	struct slot *v = af_calloc(cap, sizeof *v);
	uint32_t *tag = af_calloc(cap, sizeof *tag);
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->v[i].key)
			continue;
		size_t j = t->v[i].hash & (cap - 1);
		while (v[j].key)
			j = (j + 1) & (cap - 1);
		v[j] = t->v[i];
		tag[j] = tag_of(t->v[i].hash);
	}
	free(t->v);
	free(t->tag);
	t->v = v;
	t->tag = tag;
	t->cap = cap;
}

static char *join_keys(const struct af_lexunits *u, size_t a, size_t b, int folded)
{
	struct af_buf k = {0};
	for (size_t i = a; i < b; i++) {
		if (i > a)
			af_buf_addc(&k, ' ');
		af_buf_adds(&k, folded ? af_lexunit_fold(u, i) : af_lexunit_key(u, i));
	}
	if (!k.p)
		af_buf_adds(&k, "");
	return k.p;
}

static struct slot *intern(struct table *t, const struct af_lexunits *u, size_t a, size_t b, int folded)
{
	uint32_t h;
	struct slot *s = lookup(t, u, a, b, folded, &h);
	if (s)
		return s;
	if ((t->n + 1) * 4 > t->cap * 3)
		grow(t);
	size_t i = h & (t->cap - 1);
	while (t->v[i].key)
		i = (i + 1) & (t->cap - 1);
	s = &t->v[i];
	s->key = join_keys(u, a, b, folded);
	s->hash = h;
	t->tag[i] = tag_of(h);
	s->hit.ent = -1;
	t->n++;
	return s;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++) {
		free(t->v[i].key);
		free(t->v[i].cases);
	}
	free(t->v);
	free(t->tag);
}

static void add_english(struct af_lexicon *lx);

struct af_lexicon *af_lexicon_new(void)
{
	struct af_lexicon *lx = af_calloc(1, sizeof(struct af_lexicon));
	add_english(lx);
	return lx;
}

void af_lexicon_free(struct af_lexicon *lx)
{
	if (!lx)
		return;
	table_free(&lx->exact);
	table_free(&lx->fold);
	for (size_t i = 0; i < lx->nents; i++) {
		free(lx->ents[i].name);
		free(lx->ents[i].code);
		free(lx->ents[i].country);
		for (size_t j = 0; j < lx->ents[i].ncodes; j++)
			free(lx->ents[i].codes[j].code);
		free(lx->ents[i].codes);
	}
	free(lx->ents);
	for (size_t i = 0; i < lx->nstrs; i++)
		free(lx->strs[i]);
	free(lx->strs);
	af_tokens_free(&lx->toks);
	af_lexunits_free(&lx->units);
	free(lx);
}

/* ---- loading ---- */

/* Units of the phrase s[0..n) (punctuation dropped) into lx->units; their number, or -1
 * with the tokenizer's message in e. */
static long text_units(struct af_lexicon *lx, const char *s, size_t n, struct af_error *e)
{
	if (af_tokenize(s, n, &lx->toks, e) < 0)
		return -1;
	af_lexunits_make(s, n, &lx->toks, NULL, &lx->units);
	/* keep words, numbers and clitics */
	size_t k = 0;
	for (size_t i = 0; i < lx->units.n; i++)
		if (!(lx->units.v[i].flags & AF_UF_PUNCT))
			lx->units.v[k++] = lx->units.v[i];
	lx->units.n = k;
	return (long)k;
}

/* Units of a phrase written in a lexicon (punctuation dropped); 0 or -1. */
static int phrase_units(struct af_lexicon *lx, const struct af_ynode *at, struct af_error *err)
{
	struct af_error e;
	long k = text_units(lx, at->str, at->len, &e);
	if (k < 0)
		return af_yerr(err, at, "%s", e.msg);
	if (!k)
		return af_yerr(err, at, "'%s' has no words", at->str);
	return 0;
}

static void add_prefixes(struct table *t, const struct af_lexunits *u, int folded)
{
	for (size_t b = 1; b < u->n; b++)
		intern(t, u, 0, b, folded)->hit.prefix = 1;
}

/* The slot names entity ent: the spellings it kept for another entity go. */
static void slot_set_ent(struct slot *s, int ent)
{
	if (s->hit.ent != ent) {
		free(s->cases);
		s->cases = NULL;
		s->hit.cases = NULL;
	}
	s->hit.ent = ent;
}

static void add_case(struct slot *s, const struct af_lexunits *u)
{
	char pat[64];
	size_t k = 0;
	for (size_t i = 0; i < u->n && k + 1 < sizeof pat; i++) {
		unsigned f = u->v[i].flags;
		pat[k++] = (f & AF_UF_ALLCAPS) ? 'A' : (f & AF_UF_CAP) ? 'C' : 'l';
	}
	pat[k] = 0;
	if (s->cases) {
		for (const char *p = s->cases; *p;) {
			size_t l = strcspn(p, "|");
			if (l == k && !memcmp(p, pat, k))
				return;
			p += l + (p[l] == '|');
		}
		size_t old = strlen(s->cases);
		s->cases = af_realloc(s->cases, old + k + 2);
		s->cases[old] = '|';
		memcpy(s->cases + old + 1, pat, k + 1);
	} else {
		s->cases = af_strdup(pat);
	}
	s->hit.cases = s->cases;
}

/* Key of an entity's name or alias. */
static int add_ent_key(struct af_lexicon *lx, const struct af_ynode *at, int ent, int fold, struct af_error *err)
{
	if (af_yscalar(at, "a name", err) < 0 || phrase_units(lx, at, err) < 0)
		return -1;
	struct af_lexunits *u = &lx->units;
	struct slot *s = intern(&lx->exact, u, 0, u->n, 0);
	slot_set_ent(s, ent);
	s->gen = lx->gen;
	add_case(s, u);
	add_prefixes(&lx->exact, u, 0);
	if (!fold)
		return 0;
	s = intern(&lx->fold, u, 0, u->n, 1);
	if (s->hit.ent >= 0 && s->hit.ent != ent && s->gen == lx->gen &&
	    strcmp(lx->ents[s->hit.ent].name, lx->ents[ent].name) != 0) {
		s->hit.ent = -2; /* two entities of one file share the key: exact spellings only */
	} else if (s->hit.ent != -2 || s->gen != lx->gen) {
		slot_set_ent(s, ent);
	}
	s->gen = lx->gen;
	add_case(s, u);
	add_prefixes(&lx->fold, u, 1);
	return 0;
}

static int new_ent(struct af_lexicon *lx, const char *name, const char *code, const char *country,
                   enum af_etype type)
{
	if (lx->nents == lx->capents)
		lx->ents = af_grow(lx->ents, &lx->capents, lx->nents + 1, sizeof *lx->ents);
	struct af_lexentry *e = &lx->ents[lx->nents];
	e->name = af_strdup(name);
	e->code = code ? af_strdup(code) : NULL;
	e->country = country ? af_strdup(country) : NULL;
	e->codes = NULL;
	e->ncodes = 0;
	e->type = type;
	return (int)lx->nents++;
}

static int each_name(const struct af_ynode *n, const char *what, struct af_error *err)
{
	if (!n)
		return 0;
	if (n->type == AF_Y_SCALAR)
		return 0;
	if (n->type != AF_Y_SEQ)
		return af_yerr(err, n, "%s: expected a name or a list of names, found %s", what, af_ytype_name(n));
	for (size_t i = 0; i < n->n; i++)
		if (af_yscalar(n->kids[i], "a name", err) < 0)
			return -1;
	return 0;
}

static int add_names(struct af_lexicon *lx, const struct af_ynode *n, int ent, int fold, struct af_error *err)
{
	if (!n)
		return 0;
	if (n->type == AF_Y_SCALAR)
		return add_ent_key(lx, n, ent, fold, err);
	for (size_t i = 0; i < n->n; i++)
		if (add_ent_key(lx, n->kids[i], ent, fold, err) < 0)
			return -1;
	return 0;
}

/* "2021-08-15" as 20210815; -1 (with the reason in err) when it is not a real date. */
static long ymd_of(const struct af_ynode *n, struct af_error *err)
{
	int y, m, d, len = 0;
	if (af_yscalar(n, "a date", err) < 0)
		return -1;
	if (sscanf(n->str, "%4d-%2d-%2d%n", &y, &m, &d, &len) != 3 || (size_t)len != strlen(n->str) ||
	    strlen(n->str) != 10 || y < 1 || m < 1 || m > 12 || d < 1 || d > af_dt_mdays(y, m))
		return af_yerr(err, n, "expected a date YYYY-MM-DD, found '%s'", n->str);
	return (long)y * 10000 + m * 100 + d;
}

/* codes: [{code: AFGREB, until: 2021-08-15}, {code: AFGGOV, from: 2021-08-15}] */
static int dated_codes(struct af_lexentry *e, const struct af_ynode *n, struct af_error *err)
{
	static const char *const keys[] = {"code", "from", "until", NULL};
	if (n->type != AF_Y_SEQ)
		return af_yerr(err, n, "codes: expected a list of {code, from, until}, found %s", af_ytype_name(n));
	e->codes = af_malloc((n->n ? n->n : 1) * sizeof *e->codes);
	for (size_t i = 0; i < n->n; i++) {
		const struct af_ynode *k = n->kids[i], *c, *f, *u;
		if (k->type != AF_Y_MAP)
			return af_yerr(err, k, "codes: expected {code, from, until}, found %s", af_ytype_name(k));
		if (af_ymap_check(k, keys, err) < 0)
			return -1;
		if (!(c = af_ymap_get(k, "code")))
			return af_yerr(err, k, "codes: an entry needs a code");
		if (af_yscalar(c, "a code", err) < 0)
			return -1;
		struct af_datedcode *d = &e->codes[e->ncodes];
		d->from = d->until = 0;
		if ((f = af_ymap_get(k, "from")) && (d->from = ymd_of(f, err)) < 0)
			return -1;
		if ((u = af_ymap_get(k, "until")) && (d->until = ymd_of(u, err)) < 0)
			return -1;
		if (d->from && d->until && d->until <= d->from)
			return af_yerr(err, k, "codes: 'until' must come after 'from'");
		d->code = af_strdup(c->str);
		e->ncodes++;
	}
	return 0;
}

const char *af_lexentry_code(const struct af_lexentry *e, long ymd)
{
	if (ymd > 0)
		for (size_t i = 0; i < e->ncodes; i++) {
			const struct af_datedcode *d = &e->codes[i];
			if ((!d->from || ymd >= d->from) && (!d->until || ymd < d->until))
				return d->code;
		}
	return e->code;
}

static int add_entity(struct af_lexicon *lx, const struct af_ynode *n, enum af_etype type, int fold,
                      struct af_error *err)
{
	static const char *const keys[] = {"name", "aliases", "code", "codes", "fold", "demonyms", NULL};
	const struct af_ynode *name = n, *aliases = NULL, *code = NULL, *codes = NULL, *dem = NULL, *fl;
	if (n->type == AF_Y_MAP) {
		if (af_ymap_check(n, keys, err) < 0)
			return -1;
		name = af_ymap_get(n, "name");
		if (!name)
			return af_yerr(err, n, "an entry needs a name");
		aliases = af_ymap_get(n, "aliases");
		code = af_ymap_get(n, "code");
		dem = af_ymap_get(n, "demonyms");
		if ((fl = af_ymap_get(n, "fold")) && af_ybool(fl, &fold, err) < 0)
			return -1;
		if (code && af_yscalar(code, "a code", err) < 0)
			return -1;
		codes = af_ymap_get(n, "codes");
		if (each_name(aliases, "aliases", err) < 0 || each_name(dem, "demonyms", err) < 0)
			return -1;
	} else if (n->type != AF_Y_SCALAR) {
		return af_yerr(err, n, "expected a name or a mapping with name:, found %s", af_ytype_name(n));
	}
	if (af_yscalar(name, "a name", err) < 0)
		return -1;
	int ent = new_ent(lx, name->str, code ? code->str : NULL, NULL, type);
	if (codes && dated_codes(&lx->ents[ent], codes, err) < 0)
		return -1;
	if (add_ent_key(lx, name, ent, fold, err) < 0 || add_names(lx, aliases, ent, fold, err) < 0)
		return -1;
	if (dem) {
		const struct af_ynode *first = dem->type == AF_Y_SEQ ? (dem->n ? dem->kids[0] : NULL) : dem;
		if (!first)
			return 0;
		int d = new_ent(lx, first->str, code ? code->str : NULL, name->str, AF_E_NORP);
		if (add_names(lx, dem, d, 0, err) < 0)
			return -1;
	}
	return 0;
}

static int entity_list(struct af_lexicon *lx, const struct af_ynode *n, enum af_etype type, int fold,
                       struct af_error *err)
{
	if (n->type != AF_Y_SEQ)
		return af_yerr(err, n, "expected a list of entries, found %s", af_ytype_name(n));
	for (size_t i = 0; i < n->n; i++)
		if (add_entity(lx, n->kids[i], type, fold, err) < 0)
			return -1;
	return 0;
}

static const char *intern_str(struct af_lexicon *lx, const char *s)
{
	for (size_t i = 0; i < lx->nstrs; i++)
		if (!strcmp(lx->strs[i], s))
			return lx->strs[i];
	lx->strs = af_reallocarray(lx->strs, lx->nstrs + 1, sizeof *lx->strs);
	return lx->strs[lx->nstrs++] = af_strdup(s);
}

/* The phrase in lx->units as a word of class cls (with arg, role). */
static void add_units(struct af_lexicon *lx, unsigned cls, int arg, const char *role)
{
	struct slot *s = intern(&lx->exact, &lx->units, 0, lx->units.n, 0);
	s->hit.cls |= cls;
	if (cls & (AF_LC_WEEKDAY | AF_LC_RELDAY))
		s->hit.arg = arg;
	if (role)
		s->hit.role = intern_str(lx, role);
	add_prefixes(&lx->exact, &lx->units, 0);
}

static int add_word(struct af_lexicon *lx, const struct af_ynode *n, unsigned cls, int arg, const char *role,
                    struct af_error *err)
{
	if (af_yscalar(n, "a word or phrase", err) < 0 || phrase_units(lx, n, err) < 0)
		return -1;
	add_units(lx, cls, arg, role);
	return 0;
}

/* The classes of the shared English words (data/english.yaml) the lexicon takes: weekday
 * names (arg 0-6), relative days (arg: days) and speech verbs, but their participles (the
 * name before "..., saying" is not the speaker's: "the Old City of Jerusalem al-Quds,
 * saying the United Nations ..."). */
static const struct {
	enum af_en_class en;
	unsigned cls;
	int arg_off;   /* added to the word's value for arg */
	int finite;    /* not the words in -ing */
} from_english[] = {
	{AF_EN_WEEKDAY, AF_LC_WEEKDAY, -1, 0},
	{AF_EN_RELDAY, AF_LC_RELDAY, 0, 0},
	{AF_EN_SPEECH, AF_LC_SPEECH, 0, 1},
};

struct en_ctx {
	struct af_lexicon *lx;
	size_t k;
};

static void en_word(void *ctx, const char *w, int value)
{
	struct en_ctx *c = ctx;
	struct af_error e;
	size_t n = strlen(w);
	if (from_english[c->k].finite && n > 3 && !strcmp(w + n - 3, "ing"))
		return;
	if (text_units(c->lx, w, n, &e) > 0)
		add_units(c->lx, from_english[c->k].cls, value + from_english[c->k].arg_off, NULL);
}

static void add_english(struct af_lexicon *lx)
{
	struct af_error err;
	const struct af_english *en = af_english_shared(&err);
	if (!en) /* the compiled-in file: a build that cannot read it is broken */
		af_die(AF_EX_SOFTWARE, "%s", err.msg);
	for (size_t k = 0; k < sizeof from_english / sizeof from_english[0]; k++) {
		struct en_ctx c = {lx, k};
		af_english_each(en, from_english[k].en, en_word, &c);
	}
}

static int word_list(struct af_lexicon *lx, const struct af_ynode *n, unsigned cls, struct af_error *err)
{
	if (n->type == AF_Y_SCALAR)
		return add_word(lx, n, cls, 0, NULL, err);
	if (n->type != AF_Y_SEQ)
		return af_yerr(err, n, "expected a list of words, found %s", af_ytype_name(n));
	for (size_t i = 0; i < n->n; i++)
		if (add_word(lx, n->kids[i], cls, 0, NULL, err) < 0)
			return -1;
	return 0;
}

static const struct {
	const char *key;
	unsigned cls;
} word_sections[] = {
	{"titles", AF_LC_TITLE},
	{"modifiers", AF_LC_MODIFIER},
	{"honorifics", AF_LC_HONORIFIC},
	{"portfolios", AF_LC_PORTFOLIO},
	{"given_names", AF_LC_GIVEN},
	{"org_heads", AF_LC_ORGHEAD},
	{"place_heads", AF_LC_PLACEHEAD},
	{"function_words", AF_LC_FUNCTION},
	{"connectors", AF_LC_CONNECTOR},
	{"skip_prefixes", AF_LC_SKIPPREFIX},
	{"speech_verbs", AF_LC_SPEECH},
	{"name_endings", AF_LC_ENDING},
};

static const struct {
	const char *key;
	enum af_etype type;
	int fold;
} ent_sections[] = {
	{"people", AF_E_PERSON, 1}, {"orgs", AF_E_ORG, 1},   {"places", AF_E_LOC, 1},
	{"groups", AF_E_NORP, 0},   {"misc", AF_E_MISC, 1},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

int af_lexicon_knows_key(const char *k)
{
	for (size_t j = 0; j < NELEM(word_sections); j++)
		if (!strcmp(k, word_sections[j].key))
			return 1;
	for (size_t j = 0; j < NELEM(ent_sections); j++)
		if (!strcmp(k, ent_sections[j].key))
			return 1;
	return !strcmp(k, "led_by") || !strcmp(k, "weekday_names") || !strcmp(k, "relative_days");
}

int af_lexicon_knows(const struct af_ynode *root)
{
	if (!root || root->type != AF_Y_MAP)
		return 0;
	for (size_t i = 0; i + 1 < root->n; i += 2)
		if (af_lexicon_knows_key(root->kids[i]->str))
			return 1;
	return 0;
}

/* Edit distance of a and b (insertions, deletions, substitutions, adjacent swaps), capped at
 * 3: enough to tell a misspelling from another word. */
static int near_dist(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40 || (la > lb ? la - lb : lb - la) > 2)
		return 3;
	int d[42][42];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
		}
	return d[la][lb] < 3 ? d[la][lb] : 3;
}

const char *af_lexicon_misspelt(const char *key)
{
	static const char *const others[] = {"led_by", "weekday_names", "relative_days"};
	const char *best = NULL;
	int bestd = 3;
	for (size_t j = 0; j < NELEM(ent_sections) + NELEM(word_sections) + NELEM(others); j++) {
		const char *name = j < NELEM(ent_sections) ? ent_sections[j].key
		                   : j < NELEM(ent_sections) + NELEM(word_sections)
		                       ? word_sections[j - NELEM(ent_sections)].key
		                       : others[j - NELEM(ent_sections) - NELEM(word_sections)];
		if (!strcmp(key, name))
			return NULL;
		int d = strcasecmp(key, name) ? near_dist(key, name) : 0;
		if (d < bestd && (d == 0 || strlen(name) >= (d == 1 ? 4 : 7))) {
			bestd = d;
			best = name;
		}
	}
	return best;
}

static int number_map(struct af_lexicon *lx, const struct af_ynode *n, unsigned cls, long lo, long hi,
                      struct af_error *err)
{
	if (n->type != AF_Y_MAP)
		return af_yerr(err, n, "expected a mapping, found %s", af_ytype_name(n));
	for (size_t i = 0; i + 1 < n->n; i += 2) {
		const struct af_ynode *k = n->kids[i], *v = n->kids[i + 1];
		long num;
		if (cls == AF_LC_WEEKDAY) { /* 1: [monday, ...] */
			if (af_parse_long(k->str, lo, hi, &num) < 0)
				return af_yerr(err, k, "expected a weekday number %ld-%ld (1 = Monday), found '%s'", lo,
				               hi, k->str);
			if (v->type == AF_Y_SCALAR) {
				if (add_word(lx, v, cls, (int)num - 1, NULL, err) < 0)
					return -1;
				continue;
			}
			if (v->type != AF_Y_SEQ)
				return af_yerr(err, v, "expected a list of names, found %s", af_ytype_name(v));
			for (size_t j = 0; j < v->n; j++)
				if (add_word(lx, v->kids[j], cls, (int)num - 1, NULL, err) < 0)
					return -1;
		} else { /* yesterday: -1 */
			if (af_yscalar(v, "a number of days", err) < 0)
				return -1;
			if (af_parse_long(v->str, lo, hi, &num) < 0)
				return af_yerr(err, v, "expected a number of days %ld..%ld, found '%s'", lo, hi, v->str);
			if (add_word(lx, k, cls, (int)num, NULL, err) < 0)
				return -1;
		}
	}
	return 0;
}

int af_lexicon_add(struct af_lexicon *lx, const struct af_ynode *root, struct af_error *err)
{
	if (!root || root->type != AF_Y_MAP)
		return af_yerr(err, root, "a lexicon is a mapping of sections (people:, orgs:, places:, ...)");
	lx->gen++;
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const struct af_ynode *k = root->kids[i], *v = root->kids[i + 1];
		for (size_t j = 0; j < NELEM(ent_sections); j++)
			if (!strcmp(k->str, ent_sections[j].key) &&
			    entity_list(lx, v, ent_sections[j].type, ent_sections[j].fold, err) < 0)
				return -1;
		for (size_t j = 0; j < NELEM(word_sections); j++)
			if (!strcmp(k->str, word_sections[j].key) && word_list(lx, v, word_sections[j].cls, err) < 0)
				return -1;
		if (!strcmp(k->str, "led_by")) {
			if (v->type != AF_Y_MAP)
				return af_yerr(err, v, "led_by: expected a mapping of phrase to role, found %s",
				               af_ytype_name(v));
			for (size_t j = 0; j + 1 < v->n; j += 2) {
				if (af_yscalar(v->kids[j + 1], "a role", err) < 0)
					return -1;
				if (add_word(lx, v->kids[j], AF_LC_LEDBY, 0, v->kids[j + 1]->str, err) < 0)
					return -1;
			}
		}
		if (!strcmp(k->str, "weekday_names") && number_map(lx, v, AF_LC_WEEKDAY, 1, 7, err) < 0)
			return -1;
		if (!strcmp(k->str, "relative_days") && number_map(lx, v, AF_LC_RELDAY, -7, 7, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- lookups ---- */

const struct af_lexhit *af_lexicon_find(const struct af_lexicon *lx, const struct af_lexunits *u, size_t a,
                                        size_t b, int folded)
{
	const struct slot *s = lookup(folded ? &lx->fold : &lx->exact, u, a, b, folded, NULL);
	return s ? &s->hit : NULL;
}

int af_lexicon_case_ok(const struct af_lexhit *hit, const struct af_lexunits *u, size_t a, size_t b)
{
	if (!hit->cases)
		return 1;
	for (const char *p = hit->cases; *p;) {
		size_t l = strcspn(p, "|"), ok = l == b - a;
		for (size_t i = 0; ok && i < l; i++) {
			unsigned f = u->v[a + i].flags;
			if ((p[i] == 'A' && !(f & AF_UF_ALLCAPS)) || (p[i] == 'C' && !(f & AF_UF_CAP)))
				ok = 0;
		}
		if (ok)
			return 1;
		p += l + (p[l] == '|');
	}
	return 0;
}

unsigned af_lexicon_word(const struct af_lexicon *lx, const char *key)
{
	if (!lx->exact.cap)
		return 0;
	uint32_t h = key_hash(KEY_HASH0, key), want = tag_of(h);
	for (size_t i = h & (lx->exact.cap - 1);; i = (i + 1) & (lx->exact.cap - 1)) {
		uint32_t tag = lx->exact.tag[i];
		if (!tag)
			return 0;
		if (tag == want && !strcmp(lx->exact.v[i].key, key))
			return lx->exact.v[i].hit.cls;
	}
}

const struct af_lexentry *af_lexicon_entry(const struct af_lexicon *lx, int ent)
{
	return ent >= 0 && (size_t)ent < lx->nents ? &lx->ents[ent] : NULL;
}

size_t af_lexicon_size(const struct af_lexicon *lx)
{
	return lx->nents;
}
