/* english.c - the English words every stage shares (data/english.yaml): one table per
 * instance from word to its classes and their values (english.h). */
#include "english.h"
#include "af/data.h"
#include "af/util.h"
#include "af/yaml.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

/* the compiled-in data this module reads */
AF_DATA_USE(english_yaml);

/* how a class is written in the file */
enum shape {
	BY_NUMBER, /* number: [words] (months, weekdays) */
	VALUED,    /* word: number */
	LIST       /* [words] */
};

static const struct {
	const char *key;
	enum shape shape;
	long lo, hi; /* the values allowed */
} classes[AF_EN_NCLASS] = {
	[AF_EN_MONTH] = {"months", BY_NUMBER, 1, 12},
	[AF_EN_MONTH_ABBR] = {"month_abbreviations", BY_NUMBER, 1, 12},
	[AF_EN_WEEKDAY] = {"weekdays", BY_NUMBER, 1, 7},
	[AF_EN_WEEKDAY_ABBR] = {"weekday_abbreviations", BY_NUMBER, 1, 7},
	[AF_EN_RELDAY] = {"relative_days", VALUED, -7, 7},
	[AF_EN_TIME] = {"time_nouns", LIST, 0, 0},
	[AF_EN_DET] = {"determiners", LIST, 0, 0},
	[AF_EN_PERSON_PRON] = {"person_pronouns", LIST, 0, 0},
	[AF_EN_OTHER_PRON] = {"other_pronouns", LIST, 0, 0},
	[AF_EN_PREP] = {"prepositions", LIST, 0, 0},
	[AF_EN_CONJ] = {"conjunctions", LIST, 0, 0},
	[AF_EN_SUB] = {"subordinators", LIST, 0, 0},
	[AF_EN_WH] = {"wh_words", LIST, 0, 0},
	[AF_EN_BE] = {"be_forms", LIST, 0, 0},
	[AF_EN_AUX] = {"auxiliaries", LIST, 0, 0},
	[AF_EN_MODAL] = {"modals", LIST, 0, 0},
	[AF_EN_NEG] = {"negations", LIST, 0, 0},
	[AF_EN_SPEECH] = {"speech_verbs", LIST, 0, 0},
	[AF_EN_NUMBER] = {"numbers", VALUED, 0, 1000000},
	[AF_EN_FUTURE_MODAL] = {"future_modals", LIST, 0, 0},
	[AF_EN_UNREAL_MODAL] = {"unrealized_modals", LIST, 0, 0},
	[AF_EN_REFUSAL] = {"refusal_verbs", LIST, 0, 0},
	[AF_EN_DEMAND] = {"demand_verbs", LIST, 0, 0},
	[AF_EN_REPORTING] = {"reporting_verbs", LIST, 0, 0},
	[AF_EN_DEMONYM] = {"demonyms", LIST, 0, 0},
	[AF_EN_DEMONYM_END] = {"demonym_endings", LIST, 0, 0},
	[AF_EN_ADJ_END] = {"adjective_endings", LIST, 0, 0},
	[AF_EN_RECIPIENT_PREP] = {"recipient_prepositions", LIST, 0, 0},
	[AF_EN_LOCATIVE_PREP] = {"locative_prepositions", LIST, 0, 0},
	[AF_EN_TOPIC_PREP] = {"topic_prepositions", LIST, 0, 0},
	[AF_EN_ADVERBIAL_SUB] = {"adverbial_subordinators", LIST, 0, 0},
	[AF_EN_PARTICIPLE_SUB] = {"participle_subordinators", LIST, 0, 0},
};
_Static_assert(AF_EN_NCLASS <= 32, "a word's classes are the bits of an unsigned");

struct word {
	size_t koff, klen;         /* the key, in keys */
	unsigned cls;              /* its class bits */
	int value[AF_EN_NCLASS];   /* its value in each class */
};

struct af_english {
	struct af_map map; /* key -> index in w */
	struct word *w;
	size_t nw, wcap;
	struct af_buf keys;
	int maxwords;
};

/* s[0..n) lower-cased into o (n bytes at most), ’ and ‘ as ', spaces folded to one */
static size_t fold(char *o, const char *s, size_t n)
{
	char *o0 = o;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n') {
			sp = o > o0;
			continue;
		}
		if (sp) {
			*o++ = ' ';
			sp = 0;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
			*o++ = '\'';
			i += 2;
			continue;
		}
		*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return (size_t)(o - o0);
}

void af_english_key(struct af_buf *b, const char *s, size_t n)
{
	af_buf_grow(b, n + 1);
	b->len += fold(b->p + b->len, s, n);
	b->p[b->len] = '\0';
}

static void put(struct af_english *e, const struct af_ynode *n, enum af_en_class c, int value)
{
	size_t k0 = e->keys.len;
	af_english_key(&e->keys, n->str, n->len);
	size_t klen = e->keys.len - k0;
	int added;
	size_t *v = af_map_put(&e->map, e->keys.p + k0, klen, &added);
	if (added) {
		if (e->nw == e->wcap)
			e->w = af_grow(e->w, &e->wcap, e->nw + 1, sizeof *e->w);
		memset(&e->w[e->nw], 0, sizeof *e->w);
		e->w[e->nw].koff = k0;
		e->w[e->nw].klen = klen;
		e->keys.len++; /* keep its NUL */
		*v = e->nw++;
		int words = 1;
		for (size_t i = 0; i < klen; i++)
			words += e->keys.p[k0 + i] == ' ';
		if (words > e->maxwords)
			e->maxwords = words;
	} else {
		e->keys.len = k0; /* the key is in the map already */
	}
	e->w[*v].cls |= AF_EN_BIT(c);
	e->w[*v].value[c] = value;
}

static int words_of(struct af_english *e, const struct af_ynode *seq, enum af_en_class c, int value,
                    struct af_error *err)
{
	if (seq->type != AF_Y_SEQ)
		return af_yerr(err, seq, "%s: expected a list of words, found %s", classes[c].key, af_ytype_name(seq));
	for (size_t i = 0; i < seq->n; i++) {
		if (af_yscalar(seq->kids[i], "a word or phrase", err) < 0)
			return -1;
		put(e, seq->kids[i], c, value);
	}
	return 0;
}

static int class_of(struct af_english *e, const struct af_ynode *v, enum af_en_class c, struct af_error *err)
{
	if (classes[c].shape == LIST)
		return words_of(e, v, c, 0, err);
	if (v->type != AF_Y_MAP)
		return af_yerr(err, v, "%s: expected a mapping, found %s", classes[c].key, af_ytype_name(v));
	for (size_t i = 0; i + 1 < v->n; i += 2) {
		const struct af_ynode *k = v->kids[i], *x = v->kids[i + 1];
		const struct af_ynode *num = classes[c].shape == BY_NUMBER ? k : x;
		long val;
		if (af_yscalar(num, "a number", err) < 0)
			return -1;
		if (af_parse_long(num->str, classes[c].lo, classes[c].hi, &val) < 0)
			return af_yerr(err, num, "%s: expected a number from %ld to %ld, found '%s'", classes[c].key,
			               classes[c].lo, classes[c].hi, num->str);
		if (classes[c].shape == BY_NUMBER ? words_of(e, x, c, (int)val, err) < 0 : (put(e, k, c, (int)val), 0))
			return -1;
	}
	return 0;
}

int af_english_add(struct af_english *e, const char *buf, size_t len, const char *file, struct af_error *err)
{
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	int rc = -1;
	const char *keys[AF_EN_NCLASS + 1];
	for (int c = 0; c < AF_EN_NCLASS; c++)
		keys[c] = classes[c].key;
	keys[AF_EN_NCLASS] = NULL;
	if (root->type != AF_Y_MAP) {
		af_yerr(err, root, "expected a map of word classes (months, determiners, ...), found %s",
		        af_ytype_name(root));
		goto out;
	}
	if (af_ymap_check(root, keys, err) < 0)
		goto out;
	for (int c = 0; c < AF_EN_NCLASS; c++) {
		const struct af_ynode *v = af_ymap_get(root, classes[c].key);
		if (v && class_of(e, v, (enum af_en_class)c, err) < 0)
			goto out;
	}
	rc = 0;
out:
	af_yaml_free(root);
	return rc;
}

struct af_english *af_english_new(struct af_error *err)
{
	const struct af_datafile *d = af_data_find("english.yaml");
	if (!d) {
		af_error_set(err, "english.yaml is not compiled in");
		return NULL;
	}
	struct af_english *e = af_calloc(1, sizeof *e);
	e->maxwords = 1;
	if (af_english_add(e, d->data, d->len, "english.yaml", err) < 0) {
		af_english_free(e);
		return NULL;
	}
	return e;
}

/* The shared tables: built once per process (call_once), then only read, so several
 * threads may ask them at once; kept until the process ends. */
static once_flag shared_once = ONCE_FLAG_INIT;
static struct af_english *shared;
static struct af_error shared_err;

static void shared_load(void)
{
	shared = af_english_new(&shared_err);
}

const struct af_english *af_english_shared(struct af_error *err)
{
	call_once(&shared_once, shared_load);
	if (!shared && err)
		*err = shared_err;
	return shared;
}

void af_english_free(struct af_english *e)
{
	if (!e)
		return;
	af_map_free(&e->map);
	free(e->w);
	af_buf_free(&e->keys);
	free(e);
}

unsigned af_english_get(const struct af_english *e, const char *s, size_t n, enum af_en_class c, int *value)
{
	char key[128];
	if (value)
		*value = 0;
	if (n > sizeof key)
		return 0;
	const size_t *v = af_map_get(&e->map, key, fold(key, s, n));
	if (!v)
		return 0;
	const struct word *w = &e->w[*v];
	if (value && (w->cls & AF_EN_BIT(c)))
		*value = w->value[c];
	return w->cls;
}

int af_english_is(const struct af_english *e, const char *s, size_t n, enum af_en_class c)
{
	return (af_english_get(e, s, n, c, NULL) & AF_EN_BIT(c)) != 0;
}

int af_english_ends(const struct af_english *e, const char *s, size_t n, enum af_en_class c, size_t stem)
{
	for (size_t m = 1; m <= 16 && m + stem <= n; m++)
		if (((unsigned char)s[n - m] & 0xC0) != 0x80 && af_english_is(e, s + n - m, m, c))
			return 1;
	return 0;
}

void af_english_each(const struct af_english *e, enum af_en_class c,
                     void (*fn)(void *ctx, const char *word, int value), void *ctx)
{
	for (size_t i = 0; i < e->nw; i++)
		if (e->w[i].cls & AF_EN_BIT(c))
			fn(ctx, e->keys.p + e->w[i].koff, e->w[i].value[c]);
}

int af_english_maxwords(const struct af_english *e)
{
	return e->maxwords;
}
