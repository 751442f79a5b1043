/* fuzz_html.h - the body of the html fuzz target (tests/fuzz/run html) and of its replay
 * (tests/unit/test_html.c): any bytes through af_clean_html, the parser (myhtml), the walk
 * and the cleaner, with the record's shape checked. Bytes that are not UTF-8 are first
 * made UTF-8 (each bad byte as U+FFFD), as af-clean only passes valid UTF-8. */
#ifndef FUZZ_HTML_H
#define FUZZ_HTML_H

#include "af/clean.h"
#include "af/record.h"
#include "af/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct af_cleaner *fuzz_html_cleaner;

static void fuzz_html_check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_html: broken invariant: %s\n", what);
		abort();
	}
}

static int fuzz_html_one(const unsigned char *data, size_t size)
{
	if (!fuzz_html_cleaner) {
		struct af_error err;
		fuzz_html_cleaner = af_cleaner_new(&err);
		fuzz_html_check(fuzz_html_cleaner != NULL, "the cleaner is made");
	}
	struct af_buf b = {0};
	size_t i = 0;
	while (i < size) { /* valid UTF-8 only: each bad byte becomes U+FFFD */
		size_t bad;
		if (af_utf8_valid((const char *)data + i, size - i, &bad)) {
			af_buf_add(&b, (const char *)data + i, size - i);
			break;
		}
		af_buf_add(&b, (const char *)data + i, bad);
		af_buf_adds(&b, "\xEF\xBF\xBD");
		i += bad + 1;
	}
	struct af_article a;
	fuzz_html_check(af_clean_html(fuzz_html_cleaner, b.p ? b.p : "", b.len, &a) == 0, "af_clean_html gives a record");
	struct af_buf rec = {0}; /* the fields as af-clean writes them */
	af_article_json(&a, &rec);
	json_t *out = json_loadb(rec.p, rec.len, JSON_ALLOW_NUL, NULL);
	fuzz_html_check(json_is_object(out), "the fields written are a JSON object");
	fuzz_html_check(json_is_string(json_object_get(out, "text")), "text is a string");
	fuzz_html_check(json_is_array(json_object_get(out, "removed")), "removed is a list");
	fuzz_html_check(json_is_array(json_object_get(out, "authors")), "authors is a list");
	fuzz_html_check(af_utf8_valid(a.text.s, a.text.len, NULL), "text is UTF-8");
	json_decref(out);
	af_buf_free(&rec);
	af_article_free(&a);
	af_buf_free(&b);
	return 0;
}

#endif
