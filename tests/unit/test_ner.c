/* test_ner.c - unit tests of the named-entity tagger's API (lib/ner.c): loading, a known
 * sentence, BIO validity, determinism, bad input. TAP on stdout: "ok N - what" /
 * "not ok N - what", then the plan "1..N". Exit status 1 when a test failed. */
#include "af/data.h"
#include "af/ner.h"
#include "../../lib/ner_impl.h"
#include "af/text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

/* Splits s at spaces into words, one sentence. */
static size_t words_of(char *s, struct af_ner_word *w, size_t cap)
{
	size_t n = 0;
	for (char *p = strtok(s, " "); p && n < cap; p = strtok(NULL, " "))
		w[n++] = (struct af_ner_word){p, strlen(p), 0};
	return n;
}

/* "TYPE:first-last" for each span, space-separated. */
static void describe(const struct af_ner_spans *sp, char *buf, size_t cap)
{
	size_t o = 0;
	buf[0] = 0;
	for (size_t i = 0; i < sp->n && o < cap; i++)
		o += (size_t)snprintf(buf + o, cap - o, "%s%s:%zu-%zu", i ? " " : "", af_ner_type_name(sp->v[i].type),
		                      sp->v[i].start, sp->v[i].end);
}

static int labels_valid(const unsigned char *lab, const struct af_ner_sent *ss, size_t ns)
{
	for (size_t k = 0; k < ns; k++) {
		int prev = -1;
		for (size_t i = ss[k].start; i < ss[k].end; i++) {
			if (lab[i] >= AF_NER_NL || !af_ner_valid(prev, lab[i]))
				return 0;
			prev = lab[i];
		}
	}
	return 1;
}

int main(void)
{
	struct af_error err;
	struct af_ner_model *m = NULL;
	char buf[1024];

	if (!ok(af_ner_load(&m, NULL, &err) == 0, "the compiled-in model loads")) {
		printf("# %s\n", err.msg);
		printf("1..%d\n", ntests);
		return 1;
	}
	struct af_ner_model *bad = NULL;
	ok(af_ner_load_mem(&bad, "not a model at all", 18, &err) < 0 && !bad, "a non-model is refused: %s", err.msg);
	ok(af_ner_load(&bad, "/nonexistent/ner.bin", &err) < 0 && strstr(err.msg, "/nonexistent/ner.bin"),
	   "a missing file is named: %s", err.msg);
	const struct af_datafile *df = af_data_find("ner.bin");
	if (df) {
		ok(af_ner_load_mem(&bad, df->data, df->len / 2, &err) < 0, "a truncated model is refused: %s", err.msg);
		char *old = malloc(df->len);
		memcpy(old, df->data, df->len);
		old[8] = 1; /* version 1: document features keyed otherwise */
		ok(af_ner_load_mem(&bad, old, df->len, &err) < 0 && strstr(err.msg, "version 1"),
		   "a model of another version is refused: %s", err.msg);
		free(old);
		struct af_ner_model *m2 = NULL;
		ok(af_ner_load_mem(&m2, df->data, df->len, &err) == 0, "a model loads from memory");
		af_ner_free(m2);
	}

	struct af_ner_scratch *s = af_ner_scratch_new();
	struct af_ner_spans sp = {0};
	struct af_ner_word w[64];
	char s1[] = "U.N. official Ekeus heads for Baghdad .";
	size_t n = words_of(s1, w, 64);
	struct af_ner_sent one = {0, n};
	ok(af_ner_tag(m, s, w, n, &one, 1, &sp, &err) == 0, "tagging a sentence succeeds");
	describe(&sp, buf, sizeof buf);
	ok(!strcmp(buf, "ORG:0-1 PER:2-3 LOC:5-6"), "U.N. official Ekeus heads for Baghdad . -> %s", buf);
	int scores = sp.n > 0;
	for (size_t i = 0; i < sp.n; i++)
		scores &= sp.v[i].score > 0 && sp.v[i].score <= 1;
	ok(scores, "span scores are in (0, 1]");

	/* a document of several sentences through the text layer */
	const char *text = "Taliban Foreign Minister Amir Khan Muttaqi met Pakistan's envoy in Kabul on Tuesday. "
	                   "Muttaqi said the talks with the United Nations would go on.\n\n"
	                   "THE IMF SAID ON MONDAY THAT GERMANY'S ECONOMY GREW.";
	struct af_tokens toks = {0};
	struct af_sentences sents = {0};
	if (af_tokenize(text, strlen(text), &toks, &err) < 0 || af_sentences(text, strlen(text), &toks, &sents, &err) < 0)
		printf("# text layer: %s\n", err.msg);
	int rc = af_ner_tag_text(m, s, text, strlen(text), &toks, &sents, &sp, &err);
	ok(rc == 0 && sp.n >= 4, "af_ner_tag_text tags a document (%zu spans)", sp.n);
	buf[0] = 0;
	size_t o = 0;
	int inside = 1;
	for (size_t i = 0; i < sp.n; i++) {
		const struct af_token *a = &toks.v[sp.v[i].start], *b = &toks.v[sp.v[i].end - 1];
		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s[%s %.*s]", i ? " " : "", af_ner_type_name(sp.v[i].type),
		                      (int)(b->end - a->start), text + a->start);
		int within = 0;
		for (size_t k = 0; k < sents.n; k++)
			within |= sp.v[i].start >= sents.v[k].tok_start && sp.v[i].end <= sents.v[k].tok_end;
		inside &= within && sp.v[i].start < sp.v[i].end;
	}
	printf("# %s\n", buf);
	ok(strstr(buf, "[PER Amir Khan Muttaqi]") && strstr(buf, "[LOC Kabul]") && strstr(buf, "[PER Muttaqi]"),
	   "names in a news sentence");
	ok(inside, "every span is inside one sentence");
	struct af_ner_sent *ss = malloc(sents.n * sizeof *ss);
	for (size_t k = 0; k < sents.n; k++)
		ss[k] = (struct af_ner_sent){sents.v[k].tok_start, sents.v[k].tok_end};
	ok(labels_valid(af_ner_labels(s), ss, sents.n), "the labels are valid BIO");

	/* determinism: the same input twice, and with another scratch, gives the same spans */
	char first[1024];
	describe(&sp, first, sizeof first);
	struct af_ner_scratch *s2 = af_ner_scratch_new();
	af_ner_tag_text(m, s2, text, strlen(text), &toks, &sents, &sp, &err);
	describe(&sp, buf, sizeof buf);
	int same = !strcmp(buf, first);
	af_ner_tag_text(m, s, text, strlen(text), &toks, &sents, &sp, &err);
	describe(&sp, buf, sizeof buf);
	ok(same && !strcmp(buf, first), "tagging is deterministic");

	/* BIO validity over many odd inputs */
	static const char *const odd[] = {
		"I I I I I I I I", "\" ' ( ) [ ] , . ; :", "New York New York New York", "a", "ALL CAPS HEADLINE HERE",
		"Mr. J. R. R. Tolkien of the U.S.A. and U.K.", "ÅÄÖ Ærø Øst Ünter Ñandú", "\xff\xfe bad \xc3 bytes",
	};
	int valid = 1;
	for (size_t k = 0; k < sizeof odd / sizeof *odd; k++) {
		char tmp[256];
		snprintf(tmp, sizeof tmp, "%s", odd[k]);
		size_t nn = words_of(tmp, w, 64);
		struct af_ner_sent se = {0, nn};
		valid &= af_ner_tag(m, s, w, nn, &se, 1, &sp, &err) == 0 && labels_valid(af_ner_labels(s), &se, 1);
	}
	ok(valid, "odd inputs give valid BIO labels");

	/* empty document, empty sentence, words outside sentences, bad sentence ranges */
	ok(af_ner_tag(m, s, w, 0, NULL, 0, &sp, &err) == 0 && sp.n == 0, "an empty document has no spans");
	struct af_ner_sent parts[2] = {{0, 0}, {2, 4}};
	char s3[] = "Hello Kabul Paris London Berlin";
	n = words_of(s3, w, 64);
	ok(af_ner_tag(m, s, w, n, parts, 2, &sp, &err) == 0 && sp.n >= 1 && sp.v[0].start >= 2 && sp.v[sp.n - 1].end <= 4,
	   "words outside sentences are not tagged");
	struct af_ner_sent wrong = {3, 9};
	ok(af_ner_tag(m, s, w, n, &wrong, 1, &sp, &err) < 0, "a sentence out of range is an error: %s", err.msg);

	/* the second pass's document fields: mentions of a word are found whatever their case
	 * ("ROTOR" in a headline and "Rotor" in the text), an earlier longer entity gives its type,
	 * and the other mentions' types are given as shares */
	{
		char s4[] = "ROTOR FANS LOCKED OUT . Rotor beat Magna International Inc and Rotor lost . Magna won";
		struct af_ner_word dw[32];
		size_t dn = words_of(s4, dw, 32);
		struct af_ner_sent ds = {0, dn};
		struct af_ner_tok *dt = calloc(dn, sizeof *dt);
		/* first-pass labels: O 0, B-PER 1, I-PER 2, B-ORG 3, I-ORG 4, B-LOC 5 ... */
		unsigned char dl[32] = {0};
		dl[5] = 3, dl[7] = 5, dl[8] = 6, dl[9] = 6, dl[11] = 1, dl[14] = 3;
		af_ner_tokinfo(m, dw, dn, &ds, 1, dt, NULL, NULL);
		af_ner_docinfo(dw, dn, &ds, 1, dl, dt);
		/* ROTOR (0): its others are Rotor ORG (5) and Rotor PER (11); 1 PER, 2 ORG */
		ok(dt[0].maj == 1 || dt[0].maj == 2, "a headline's ROTOR sees the text's Rotor (majority %d)", dt[0].maj);
		ok(dt[0].dist == (2u << 2 | 2u << 4), "the others' types as shares (dist %#x)", dt[0].dist);
		ok(dt[14].inmulti == 3, "an earlier longer entity gives its type: Magna International Inc, LOC (%d)",
		   dt[14].inmulti);
		ok(dt[2].maj == 5 && !dt[2].dist && !dt[2].inmulti, "a word seen once has no document fields");
		free(dt);
	}

	/* a long sentence */
	size_t big = 20000;
	struct af_ner_word *bw = malloc(big * sizeof *bw);
	for (size_t i = 0; i < big; i++)
		bw[i] = (struct af_ner_word){i % 3 ? "Kabul" : "and", i % 3 ? 5 : 3, 0};
	struct af_ner_sent bs = {0, big};
	ok(af_ner_tag(m, s, bw, big, &bs, 1, &sp, &err) == 0 && labels_valid(af_ner_labels(s), &bs, 1),
	   "a sentence of %zu words", big);
	free(bw);

	free(ss);
	af_tokens_free(&toks);
	af_sentences_free(&sents);
	af_ner_spans_free(&sp);
	af_ner_scratch_free(s);
	af_ner_scratch_free(s2);
	af_ner_free(m);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
