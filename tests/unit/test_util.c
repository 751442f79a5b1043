/* test_util.c - unit tests of the shared containers (lib/util.c): af_grow and
 * af_reallocarray, the hash map. TAP on stdout; exit status 1 when a test failed. */
#include "af/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tap.h"

/* Runs f in a child: its exit status (-1 when it did not exit). */
static int exit_status(void (*f)(void))
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(99);
		f();
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void overflow_array(void)
{
	void *p = af_reallocarray(NULL, SIZE_MAX / 8 + 2, 8);
	free(p);
}

static void overflow_grow(void)
{
	size_t cap = 0;
	void *p = af_grow(NULL, &cap, SIZE_MAX / 4 + 2, 4);
	free(p);
}

static void test_grow(void)
{
	size_t cap = 0, n = 0;
	int *v = NULL;
	for (int i = 0; i < 1000; i++) {
		if (n == cap)
			v = af_grow(v, &cap, n + 1, sizeof *v);
		v[n++] = i;
	}
	int in_order = 1;
	for (int i = 0; i < 1000; i++)
		in_order &= v[i] == i;
	ok(in_order && cap >= 1000 && cap < 2048, "af_grow keeps the elements and doubles (cap %zu for 1000)", cap);
	size_t before = cap;
	int *same = af_grow(v, &cap, 10, sizeof *v);
	ok(same == v && cap == before, "af_grow leaves a big enough array alone");
	free(v);
	cap = 0;
	v = af_grow(NULL, &cap, 3, sizeof *v);
	ok(cap == 16, "af_grow starts at 16 elements (got %zu)", cap);
	free(v);
	ok(exit_status(overflow_array) == AF_EX_SOFTWARE, "af_reallocarray refuses n * size past SIZE_MAX (exit 70)");
	ok(exit_status(overflow_grow) == AF_EX_SOFTWARE, "af_grow refuses a capacity past SIZE_MAX (exit 70)");
}

static void test_map(void)
{
	struct af_map m = {0};
	ok(af_map_get(&m, "x", 1) == NULL, "an empty map finds nothing");
	char key[32];
	int added_all = 1;
	for (size_t i = 0; i < 5000; i++) {
		int added = 0;
		int n = snprintf(key, sizeof key, "key%zu", i);
		*af_map_put(&m, key, (size_t)n, &added) = i * 3;
		added_all &= added;
	}
	ok(added_all && m.n == 5000, "5000 distinct keys are added (n %zu)", m.n);
	int found_all = 1;
	for (size_t i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof key, "key%zu", i);
		size_t *v = af_map_get(&m, key, (size_t)n);
		found_all &= v && *v == i * 3;
	}
	ok(found_all, "every key finds its value after the table grew");
	int added = 1;
	size_t *v = af_map_put(&m, "key17", 5, &added);
	ok(!added && *v == 51 && m.n == 5000, "putting a key again finds the old slot");
	ok(af_map_get(&m, "key5000", 7) == NULL && af_map_get(&m, "key1", 3) == NULL,
	   "absent keys and prefixes of keys are not found");
	/* keys are bytes: an embedded NUL and the empty key are keys like any other */
	*af_map_put(&m, "a\0b", 3, NULL) = 7;
	*af_map_put(&m, "", 0, NULL) = 9;
	size_t *nul = af_map_get(&m, "a\0b", 3), *empty = af_map_get(&m, "", 0);
	ok(nul && *nul == 7 && empty && *empty == 9 && !af_map_get(&m, "a", 1), "byte keys: NUL inside, empty");
	size_t seen = 0;
	int keys_ok = 1;
	for (size_t i = 0; i < m.cap; i++)
		if (m.v[i].klen1) {
			seen++;
			const char *k = af_map_key(&m, &m.v[i]);
			if (m.v[i].klen1 == 8 && !strcmp(k, "key4999"))
				keys_ok &= m.v[i].val == 4999 * 3;
		}
	ok(seen == m.n && keys_ok, "iterating the slots gives every key once (%zu)", seen);
	af_map_free(&m);
	ok(m.n == 0 && m.cap == 0 && af_map_get(&m, "key1", 4) == NULL, "af_map_free empties the map");
}

int main(void)
{
	test_grow();
	test_map();
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
