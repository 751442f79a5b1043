/* quotes_lex.c - the quote finder's lexicon: the word lists of data/quotes.yaml (and a
 * user's file of the same keys), each word or phrase lower-cased with its L_ bits. */
#include "quotes_int.h"
#include "af/yaml.h"
#include "english.h"

#include <errno.h>
#include <stdlib.h>


static const struct {
	const char *key;
	unsigned bits;
} lex_lists[] = {
	{"cues", L_CUE},
	{"listener_cues", L_CUE | L_LISTEN},
	{"mixed_cues", L_MCUE},
	{"source_cues", L_SRC},
	{"skip", L_SKIP},
	{"person_pronouns", L_PPRON},
	{"other_pronouns", L_OPRON},
	{"determiners", L_DET},
	{"speaker_nouns", L_SPKN},
	{"title_cues", L_TITLE},
	{"name_particles", L_PART},
	{"not_names", L_NOTNAME},
	{"subordinators", L_SUB},
	{"clause_links", L_LINK},
	{"time_words", L_TIME},
	{"openers", L_OPEN},
	{"not_antecedent_after", L_NOANTE},
	{"person_nouns", L_PERSN},
	{"document_nouns", L_DOCN},
	{"question_auxiliaries", L_QAUX},
	{"question_labels", L_QLABEL},
	{"question_words", L_QWH},
	{"parse_subject_cues", L_PSUBJ},
};
#define NLISTS (sizeof lex_lists / sizeof lex_lists[0])

unsigned qt_lex_get(const struct af_quoter *q, const char *s, size_t n)
{
	const size_t *v = af_map_get(&q->lex, s, n);
	return v ? (unsigned)*v : 0;
}

static void lex_put(struct af_quoter *q, const char *s, size_t n, unsigned bits)
{
	*af_map_put(&q->lex, s, n, NULL) |= bits;
}

static void lex_add_word(struct af_quoter *q, const char *s, size_t n, unsigned bits)
{
	struct af_buf k = {0};
	af_english_key(&k, s, n);
	if (!k.len) {
		af_buf_free(&k);
		return;
	}
	int words = 1;
	for (size_t i = 0; i < k.len; i++)
		words += k.p[i] == ' ';
	lex_put(q, k.p, k.len, bits);
	if (words > 1) {
		const char *sp = memchr(k.p, ' ', k.len);
		lex_put(q, k.p, (size_t)(sp - k.p), L_HEAD);
		if (words > q->maxwords)
			q->maxwords = words;
	}
	af_buf_free(&k);
}

/* The classes of data/english.yaml the quote finder takes, with their bits: a word in
 * class `en` (and in none of `unless`) gets `bits`. */
static const struct {
	enum af_en_class en;
	unsigned unless;
	unsigned bits;
} from_english[] = {
	/* capitalised but never a name; "May" is a modal and a name too */
	{AF_EN_MONTH, AF_EN_BIT(AF_EN_MODAL), L_NOTNAME},
	{AF_EN_WEEKDAY, 0, L_NOTNAME},
	{AF_EN_RELDAY, 0, L_NOTNAME},
};

struct en_ctx {
	struct af_quoter *q;
	unsigned bits, unless;
	const struct af_english *en;
};

static void en_word(void *ctx, const char *w, int value)
{
	struct en_ctx *c = ctx;
	(void)value;
	if (!(af_english_get(c->en, w, strlen(w), AF_EN_MONTH, NULL) & c->unless))
		lex_add_word(c->q, w, strlen(w), c->bits);
}

/* The classes of the shared English tables the quoter takes (from_english). 0 or -1. */
int qt_lex_english(struct af_quoter *q, struct af_error *err)
{
	const struct af_english *en = af_english_shared(err);
	if (!en)
		return -1;
	for (size_t i = 0; i < sizeof from_english / sizeof from_english[0]; i++) {
		struct en_ctx c = {q, from_english[i].bits, from_english[i].unless, en};
		af_english_each(en, from_english[i].en, en_word, &c);
	}
	return 0;
}

int af_quoter_add(struct af_quoter *q, const char *buf, size_t len, const char *file, struct af_error *err)
{
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	int rc = -1;
	if (root->type != AF_Y_MAP) {
		af_yerr(err, root, "expected a map of word lists (cues, listener_cues, ...), found %s",
		        af_ytype_name(root));
		goto out;
	}
	const char *keys[NLISTS + 1];
	for (size_t i = 0; i < NLISTS; i++)
		keys[i] = lex_lists[i].key;
	keys[NLISTS] = NULL;
	if (af_ymap_check(root, keys, err) < 0)
		goto out;
	for (size_t l = 0; l < NLISTS; l++) {
		const struct af_ynode *seq = af_ymap_get(root, lex_lists[l].key);
		if (!seq)
			continue;
		if (seq->type != AF_Y_SEQ) {
			af_yerr(err, seq, "%s: expected a list of words, found %s", lex_lists[l].key,
			        af_ytype_name(seq));
			goto out;
		}
		for (size_t i = 0; i < seq->n; i++) {
			if (af_yscalar(seq->kids[i], "a word or phrase", err) < 0)
				goto out;
			lex_add_word(q, seq->kids[i]->str, seq->kids[i]->len, lex_lists[l].bits);
		}
	}
	rc = 0;
out:
	af_yaml_free(root);
	return rc;
}

int af_quoter_load(struct af_quoter *q, const char *path, struct af_error *err)
{
	size_t len;
	char *buf = af_read_file(path, &len);
	if (!buf) {
		af_error_set(err, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	int rc = af_quoter_add(q, buf, len, path, err);
	free(buf);
	return rc;
}
