/* quotes_lex.c - the quote finder's lexicon: the word lists of data/quotes.yaml (and a
 * user's file of the same keys), each word or phrase lower-cased with its L_ bits. */
#include "quotes_int.h"
#include "af/yaml.h"

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

/* Lower-case s into b, ’ and ‘ as ', spaces folded to one: the key of a word or phrase. */
void qt_lex_key(struct af_buf *b, const char *s, size_t n)
{
	af_buf_grow(b, n + 1);
	char *o = b->p + b->len, *o0 = o;
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
	b->len = (size_t)(o - b->p);
	*o = '\0';
}

static void lex_add_word(struct af_quoter *q, const char *s, size_t n, unsigned bits)
{
	struct af_buf k = {0};
	qt_lex_key(&k, s, n);
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
