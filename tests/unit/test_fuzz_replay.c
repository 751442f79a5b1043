/* test_fuzz_replay.c - replays every input kept in tests/fuzz/corpus/ (the fuzzer's former
 * crashers, tests/fuzz/run) through the fuzz target's body (tests/fuzz/fuzz_text.h):
 * af_tokenize, af_sentences and af_entities_find with their invariants checked. Needs no
 * clang: part of `make check`, where the ASan build catches memory errors. One TAP line per
 * file; a broken invariant aborts. The directory is found from AF_FUZZ_CORPUS, else
 * tests/fuzz/corpus under the current directory, else beside this source file. */
#include "../fuzz/fuzz_text.h"
#include "tap.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	const char *dir = getenv("AF_FUZZ_CORPUS");
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d && (d = opendir("tests/fuzz/corpus")))
		dir = "tests/fuzz/corpus";
	if (!d && (d = opendir(__FILE__ "/../../fuzz/corpus")))
		dir = __FILE__ "/../../fuzz/corpus";
	if (!ok(d != NULL, "the corpus directory tests/fuzz/corpus is found")) {
		printf("1..%d\n", ntests);
		return 1;
	}
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	ok(n > 0, "the corpus has %zu inputs", n);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		unsigned char *buf = NULL;
		size_t len = 0;
		if (f) {
			fseek(f, 0, SEEK_END);
			long sz = ftell(f);
			fseek(f, 0, SEEK_SET);
			buf = malloc(sz > 0 ? (size_t)sz : 1);
			len = sz > 0 ? fread(buf, 1, (size_t)sz, f) : 0;
			fclose(f);
		}
		ok(f && fuzz_text_one(buf, len) == 0, "replay %s (%zu bytes)", names[i], len);
		free(buf);
		free(names[i]);
	}
	free(names);
	af_mentions_free(&fuzz_m);
	af_tokens_free(&fuzz_toks);
	af_sentences_free(&fuzz_sents);
	af_entities_free(fuzz_x);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
