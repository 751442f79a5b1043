/* test_fuzz_replay.c - replays every input kept in tests/fuzz/corpus/TARGET/ (the fuzzers'
 * former crashers and hand-made hard cases, tests/fuzz/run) through that target's body
 * (tests/fuzz/fuzz_text.h, tests/fuzz/fuzz_readers.h): the text layer, records, pipeline
 * files, lexicons, af-events' dictionaries, the cleaner, quotes and events, with their
 * invariants checked. Needs no clang: part of `make check`, where the ASan build catches
 * memory errors. One TAP line per file; a broken invariant aborts. The directory is found
 * from AF_FUZZ_CORPUS, else tests/fuzz/corpus under the current directory, else beside
 * this source file. */
#include "../fuzz/fuzz_readers.h"
#include "tap.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* replays the files of dir through one; the number of files */
static size_t replay(const char *dir, const struct fuzz_target *t)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
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
	for (size_t i = 0; i < n; i++) {
		size_t pl = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(pl);
		snprintf(path, pl, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		free(path);
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
		ok(f && t->one(buf, len) == 0, "replay %s/%s (%zu bytes)", t->name, names[i], len);
		free(buf);
		free(names[i]);
	}
	free(names);
	return n;
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
	closedir(d);
	size_t total = 0;
	for (size_t k = 0; k < sizeof fuzz_targets / sizeof *fuzz_targets; k++) {
		size_t sl = strlen(dir) + strlen(fuzz_targets[k].name) + 2;
		char *sub = malloc(sl);
		snprintf(sub, sl, "%s/%s", dir, fuzz_targets[k].name);
		total += replay(sub, &fuzz_targets[k]);
		free(sub);
	}
	ok(total > 0, "the corpus has %zu inputs", total);
	af_mentions_free(&fuzz_m);
	af_tokens_free(&fuzz_toks);
	af_sentences_free(&fuzz_sents);
	af_entities_free(fuzz_x);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
