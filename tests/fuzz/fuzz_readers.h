/* fuzz_readers.h - the bodies of the fuzz targets for every reader but the text layer
 * (fuzz_text.h), shared by the libFuzzer harness (tests/fuzz/fuzz_main.c, one binary per
 * target, `tests/fuzz/run`) and the replay unit test of `make check`
 * (tests/unit/test_fuzz_replay.c, which runs tests/fuzz/corpus/TARGET/ through TARGET's body).
 * Each body takes any bytes, must not crash, and checks what its callers rely on: an error
 * with a message, or a result whose offsets and JSON hold. 0, or abort on a broken invariant.
 *
 *   record    af_record_parse, then af_record_write: its output parses again
 *   pipeline  a pipeline file (af_pipeline_load; nothing is run)
 *   lexicon   a lexicon for af-entities (words, entities, dates) and for af-quotes
 *   dict      af-events' dictionaries: the first byte picks the reader (v: verbs, PETRARCH-1
 *             or -2; a: actors; g: agents; d: discards; y: YAML), the rest is the file
 *   tabari    TABARI's formats: the first byte picks the reader (v: .verbs, a: .actors,
 *             g: .agents, o: .options; upper case: with --skip-bad-lines), the rest is the file
 *   clean     af_clean on UTF-8 text; af_html_text on any bytes
 *   quotes    af_quotes_find on UTF-8 text
 *   events    af_coder_code on UTF-8 text (default dictionaries)
 *   syntax    the bytes as an upstream "sentences" field (af_parse_read) of a fixed text; on
 *             UTF-8 text, af_syntax_parse (the compiled-in model), its field written
 *             (af_parse_write) parses as JSON and is read back as matching its tokens */
#ifndef AF_FUZZ_READERS_H
#define AF_FUZZ_READERS_H

#include "fuzz_text.h"

#include "af/clean.h"
#include "af/dates.h"
#include "af/events.h"
#include "../../lib/lexicon.h"
#include "af/pipeline.h"
#include "af/quotes.h"
#include "af/record.h"
#include "af/syntax.h"
#include "af/yaml.h"

#include <unistd.h>

/* a failing reader must say why */
#define FUZZ_ERROR(err) FUZZ_CHECK((err).msg[0] != '\0')

/* the bytes into a file of this process (readers that take a path) */
static const char *fuzz_file(const unsigned char *data, size_t size, const char *ext)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/af-fuzz-%ld%s", (long)getpid(), ext);
	FILE *f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(data, 1, size, f) == size);
	FUZZ_CHECK(fclose(f) == 0);
	return path;
}

static int fuzz_record_one(const unsigned char *data, size_t size)
{
	struct af_record r, back;
	struct af_error err = {{0}};
	af_record_init(&r);
	af_record_init(&back);
	if (af_record_parse(&r, (const char *)data, size, &err) < 0) {
		FUZZ_ERROR(err);
	} else {
		af_json_string(af_record_set_json(&r, "entities"), "x", 1);
		struct af_buf out = {0};
		af_record_write(&r, "fuzz", &out);
		FUZZ_CHECK(af_record_parse(&back, out.p, out.len, &err) == 0);
		FUZZ_CHECK(af_record_field(&back, "entities") && af_record_field(&back, "af"));
		af_buf_free(&out);
	}
	af_record_free(&r);
	af_record_free(&back);
	return 0;
}

static int fuzz_pipeline_one(const unsigned char *data, size_t size)
{
	struct af_error err = {{0}};
	struct af_pipeline *p = af_pipeline_load(fuzz_file(data, size, ".yaml"), &err);
	if (!p)
		FUZZ_ERROR(err);
	af_pipeline_free(p);
	return 0;
}

static int fuzz_lexicon_one(const unsigned char *data, size_t size)
{
	struct af_error err = {{0}};
	struct af_ynode *root = af_yaml_parse((const char *)data, size, "fuzz.yaml", &err);
	if (!root) {
		FUZZ_ERROR(err);
		return 0;
	}
	struct af_lexicon *lx = af_lexicon_new();
	if (af_lexicon_add(lx, root, &err) < 0)
		FUZZ_ERROR(err);
	af_lexicon_free(lx);
	struct af_dates *d = af_dates_new(&err);
	FUZZ_CHECK(d != NULL);
	err.msg[0] = 0;
	if (af_dates_merge(d, root, &err) < 0)
		FUZZ_ERROR(err);
	af_dates_free(d);
	af_yaml_free(root);
	static struct af_quoter *q;
	if (!q)
		q = af_quoter_new(&err);
	FUZZ_CHECK(q != NULL);
	err.msg[0] = 0;
	if (af_quoter_add(q, (const char *)data, size, "fuzz.yaml", &err) < 0)
		FUZZ_ERROR(err);
	if (size > 4096) { /* a fresh quoter now and then: the added words do not pile up */
		af_quoter_free(q);
		q = NULL;
	}
	return 0;
}

static int fuzz_dict_one(const unsigned char *data, size_t size)
{
	if (!size)
		return 0;
	struct af_error err = {{0}};
	struct af_evdict *d = af_evdict_new();
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	int rc = 0;
	switch (data[0]) {
	case 'v': rc = af_evdict_load_verbs(d, s, n, "fuzz.verbs", &err); break;
	case 'a': rc = af_evdict_load_actors(d, s, n, "fuzz.actors", &err); break;
	case 'g': rc = af_evdict_load_agents(d, s, n, "fuzz.agents", &err); break;
	case 'd': rc = af_evdict_load_discards(d, s, n, "fuzz.discards", &err); break;
	case 'y': rc = af_evdict_load_yaml(d, s, n, "fuzz.yaml", &err); break;
	default: break;
	}
	if (rc < 0)
		FUZZ_ERROR(err);
	af_evdict_free(d);
	return 0;
}

static int fuzz_tabari_one(const unsigned char *data, size_t size)
{
	if (!size)
		return 0;
	struct af_error err = {{0}};
	struct af_evdict *d = af_evdict_new();
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	int rc = 0;
	char kind = (char)data[0];
	if (kind >= 'A' && kind <= 'Z') { /* a mistaken line is named and skipped, not fatal */
		af_evdict_skip_bad_lines(d, 1);
		kind = (char)(kind - 'A' + 'a');
	}
	switch (kind) {
	case 'v': rc = af_evdict_load_tabari_verbs(d, s, n, "fuzz.verbs", &err); break;
	case 'a': rc = af_evdict_load_tabari_actors(d, s, n, "fuzz.actors", &err); break;
	case 'g': rc = af_evdict_load_tabari_agents(d, s, n, "fuzz.agents", &err); break;
	case 'o': rc = af_evdict_load_tabari_options(d, s, n, "fuzz.options", &err); break;
	default: break;
	}
	if (rc < 0)
		FUZZ_ERROR(err);
	af_evdict_free(d);
	return 0;
}

static int fuzz_clean_one(const unsigned char *data, size_t size)
{
	struct af_error err;
	static struct af_cleaner *c;
	size_t bad, hl;
	char *h = af_html_text((const char *)data, size, &hl);
	FUZZ_CHECK(h != NULL && hl <= 4 * size + 64);
	free(h);
	if (!af_utf8_valid((const char *)data, size, &bad))
		return 0;
	if (!c)
		c = af_cleaner_new(&err);
	FUZZ_CHECK(c != NULL);
	struct af_article a;
	af_clean(c, (const char *)data, size, &a);
	FUZZ_CHECK(a.text.s && af_utf8_valid(a.text.s, a.text.len, &bad));
	struct af_buf rec = {0}; /* every field written parses as JSON */
	af_article_json(&a, &rec);
	json_t *out = json_loadb(rec.p, rec.len, 0, NULL);
	FUZZ_CHECK(json_is_object(out) && json_is_string(json_object_get(out, "text")));
	json_decref(out);
	af_buf_free(&rec);
	af_article_free(&a);
	return 0;
}

/* every object of arr with start/end: 0 <= start <= end <= cps */
static void fuzz_spans(const json_t *arr, size_t cps)
{
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o)
	{
		json_t *a = json_object_get(o, "start"), *b = json_object_get(o, "end");
		if (!a || !b)
			continue;
		FUZZ_CHECK(json_is_integer(a) && json_is_integer(b));
		FUZZ_CHECK(json_integer_value(a) >= 0 && json_integer_value(a) <= json_integer_value(b) &&
		           (size_t)json_integer_value(b) <= cps);
	}
}

static int fuzz_quotes_one(const unsigned char *data, size_t size)
{
	struct af_error err = {{0}};
	static struct af_quoter *q;
	size_t bad;
	if (!af_utf8_valid((const char *)data, size, &bad))
		return 0;
	if (!q)
		q = af_quoter_new(&err);
	FUZZ_CHECK(q != NULL);
	json_t *out = af_quotes_find(q, (const char *)data, size, NULL, &err);
	if (!out) {
		FUZZ_ERROR(err);
		return 0;
	}
	FUZZ_CHECK(json_is_array(out));
	fuzz_spans(out, af_utf8_len((const char *)data, size));
	json_decref(out);
	return 0;
}

static int fuzz_events_one(const unsigned char *data, size_t size)
{
	struct af_error err = {{0}};
	static struct af_evdict *d;
	static struct af_coder *c;
	size_t bad, nsent = 0;
	if (!af_utf8_valid((const char *)data, size, &bad))
		return 0;
	if (!d) {
		d = af_evdict_new();
		FUZZ_CHECK(af_cameo_init(&err) == 0);
		FUZZ_CHECK(af_evdict_load_defaults(d, AF_EVD_ALL, &err) == 0);
		c = af_coder_new(d);
	}
	struct af_evinput in = {.text = (const char *)data, .len = size, .published = "2025-12-10"};
	static struct af_events out;
	if (af_coder_code(c, &in, &out, &nsent, &err) < 0) {
		FUZZ_ERROR(err);
		return 0;
	}
	/* what af-events writes is a JSON array (a text with NUL bytes gives strings with \u0000) */
	struct af_buf b = {0};
	af_events_write(&out, &b);
	json_t *v = json_loadb(b.p, b.len, JSON_ALLOW_NUL, NULL);
	FUZZ_CHECK(json_is_array(v) && json_array_size(v) == out.n);
	json_decref(v);
	af_buf_free(&b);
	return 0;
}

static int fuzz_syntax_one(const unsigned char *data, size_t size)
{
	static const char text[] = "The minister said on Tuesday that talks with the Taliban would go on.";
	static struct af_syntax *m;
	static struct af_tokens toks;
	static struct af_sentences sents;
	static struct af_parse p, back;
	struct af_error err = {{0}};
	const char *s = (const char *)data;
	size_t bad;
	if (!m)
		FUZZ_CHECK(af_syntax_load(&m, NULL, &err) == 0);
	/* the bytes as the "sentences" field a record brings for text */
	FUZZ_CHECK(af_tokenize(text, sizeof text - 1, &toks, &err) == 0);
	FUZZ_CHECK(af_sentences(text, sizeof text - 1, &toks, &sents, &err) == 0);
	err.msg[0] = 0;
	if (af_parse_read(s, size, text, sizeof text - 1, &toks, &sents, &back, &err) < 0)
		FUZZ_ERROR(err);
	/* the bytes as a text: parsed, written, read back */
	if (!af_utf8_valid(s, size, &bad))
		return 0;
	FUZZ_CHECK(af_tokenize(s, size, &toks, &err) == 0);
	FUZZ_CHECK(af_sentences(s, size, &toks, &sents, &err) == 0);
	FUZZ_CHECK(af_syntax_parse(m, s, size, &toks, &sents, &p, &err) == 0);
	struct af_buf out = {0};
	af_parse_write(&p, s, &toks, &sents, &out);
	json_t *j = json_loadb(out.p ? out.p : "[]", out.len ? out.len : 2, JSON_ALLOW_NUL, NULL);
	FUZZ_CHECK(json_is_array(j));
	json_decref(j);
	FUZZ_CHECK(af_parse_read(out.p ? out.p : "[]", out.len ? out.len : 2, s, size, &toks, &sents, &back, &err) == 0);
	af_buf_free(&out);
	return 0;
}


/* the targets by name, for the harness and the replay */
static const struct fuzz_target {
	const char *name;
	int (*one)(const unsigned char *, size_t);
} fuzz_targets[] = {
	{"text", fuzz_text_one},       {"record", fuzz_record_one}, {"pipeline", fuzz_pipeline_one},
	{"lexicon", fuzz_lexicon_one}, {"dict", fuzz_dict_one},     {"clean", fuzz_clean_one},
	{"quotes", fuzz_quotes_one},   {"events", fuzz_events_one}, {"tabari", fuzz_tabari_one},
	{"syntax", fuzz_syntax_one},
};

#endif
