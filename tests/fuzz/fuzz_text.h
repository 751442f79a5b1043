/* fuzz_text.h - the body of the text-layer fuzz target, shared by the libFuzzer harness
 * (tests/fuzz/fuzz_text.c, `tests/fuzz/run`) and the replay unit test that runs in
 * `make check` (tests/unit/test_fuzz_replay.c). Any input: af_tokenize and af_sentences on
 * the raw bytes (invalid UTF-8 included), checking the invariants every caller relies on;
 * then af_entities_find on the bytes when they are valid UTF-8 (its contract), with the
 * first line, when it looks like one, as the publication date. Returns 0, or aborts on a
 * broken invariant (a crash under libFuzzer, a failed test in the replay). */
#ifndef AF_FUZZ_TEXT_H
#define AF_FUZZ_TEXT_H

#include "af/entities.h"
#include "af/text.h"
#include "af/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(c)                                                                            \
	do {                                                                                     \
		if (!(c)) {                                                                      \
			fprintf(stderr, "fuzz_text: %s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c); \
			abort();                                                                 \
		}                                                                                \
	} while (0)

static struct af_entities *fuzz_x;
static struct af_tokens fuzz_toks;
static struct af_sentences fuzz_sents;
static struct af_mentions fuzz_m;

static int fuzz_text_one(const unsigned char *data, size_t size)
{
	struct af_error err;
	const char *s = (const char *)data;
	if (!fuzz_x) {
		fuzz_x = af_entities_new(&err);
		FUZZ_CHECK(fuzz_x != NULL);
	}
	FUZZ_CHECK(af_tokenize(s, size, &fuzz_toks, &err) == 0);
	FUZZ_CHECK(af_sentences(s, size, &fuzz_toks, &fuzz_sents, &err) == 0);
	size_t prev = 0;
	for (size_t i = 0; i < fuzz_toks.n; i++) {
		const struct af_token *t = &fuzz_toks.v[i];
		FUZZ_CHECK(t->start >= prev && t->end > t->start && t->end <= size);
		prev = t->end;
	}
	size_t next = 0; /* every token in exactly one sentence, in order */
	for (size_t k = 0; k < fuzz_sents.n; k++) {
		FUZZ_CHECK(fuzz_sents.v[k].tok_start == next && fuzz_sents.v[k].tok_end >= next);
		next = fuzz_sents.v[k].tok_end;
	}
	FUZZ_CHECK(next == fuzz_toks.n);

	size_t bad;
	if (!af_utf8_valid(s, size, &bad))
		return 0;
	/* "2025-12-10T...\n" at the start: the rest is the text, published that day */
	char pub[32];
	const char *published = NULL;
	const char *nl = memchr(s, '\n', size < 32 ? size : 32);
	if (nl && nl - s >= 10 && s[4] == '-' && s[7] == '-') {
		memcpy(pub, s, (size_t)(nl - s));
		pub[nl - s] = 0;
		published = pub;
		size -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	FUZZ_CHECK(af_entities_find(fuzz_x, s, size, published, &fuzz_m, &err) == 0);
	size_t cps = af_utf8_len(s, size);
	for (size_t i = 0; i < fuzz_m.n; i++) {
		const struct af_mention *e = &fuzz_m.v[i];
		FUZZ_CHECK(e->start < e->end && e->end <= size && e->cstart < e->cend && e->cend <= cps);
		FUZZ_CHECK(e->canonical != NULL);
		FUZZ_CHECK(af_utf8_valid(e->canonical, strlen(e->canonical), &bad));
	}
	/* the written array is JSON that reads back, with one object per mention */
	struct af_buf out = {0};
	af_mentions_write(&fuzz_m, s, &out);
	json_error_t jerr;
	json_t *back = json_loadb(out.p, out.len, JSON_ALLOW_NUL, &jerr);
	FUZZ_CHECK(json_is_array(back) && json_array_size(back) == fuzz_m.n);
	json_decref(back);
	af_buf_free(&out);
	return 0;
}

#endif
