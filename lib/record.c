/* record.c - one NDJSON record: line validation, field index and readers, splice-on-write
 * output (the filter loop over records is record_filter.c). */
#define _POSIX_C_SOURCE 200809L
#include "af/record.h"
#include "af/utf8.h"
#include "af/util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MAX_DEPTH 1000

/* ---- JSON syntax scanner: validates without building values ---- */

struct scan {
	const char *s;
	size_t n, i;
	struct af_error *err;
};

static int scan_fail(struct scan *sc, const char *what)
{
	size_t col = af_utf8_len(sc->s, sc->i < sc->n ? sc->i : sc->n) + 1;
	if (sc->i >= sc->n)
		af_error_set(sc->err, "invalid JSON: unexpected end of line, expected %s", what);
	else
		af_error_set(sc->err, "invalid JSON at column %zu: expected %s", col, what);
	return -1;
}

static void skip_ws(struct scan *sc)
{
	while (sc->i < sc->n) {
		char c = sc->s[sc->i];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		sc->i++;
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static int scan_u4(struct scan *sc, unsigned *u)
{
	if (sc->i + 4 > sc->n)
		return -1;
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		int h = hexval(sc->s[sc->i + k]);
		if (h < 0)
			return -1;
		v = v * 16 + (unsigned)h;
	}
	sc->i += 4;
	*u = v;
	return 0;
}

/* The length of the leading run of p[0..n) that a JSON string holds as it is: no '"',
 * no backslash, no control character. Sixteen bytes at a time with SSE2 (every x86-64
 * has it), then eight, while none is there. */
static size_t plain_run(const char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	size_t k = 0;
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
	while (k + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
		                           _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x)); /* x <= 0x1F, unsigned */
		unsigned m = (unsigned)_mm_movemask_epi8(hit);
		if (m)
			return k + (size_t)__builtin_ctz(m);
		k += 16;
	}
#endif
	while (k + 8 <= n) {
		uint64_t x;
		memcpy(&x, p + k, 8);
		uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
		uint64_t hit = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b);
		if (hit & highs)
			break;
		k += 8;
	}
	while (k < n && p[k] != '"' && p[k] != '\\' && (unsigned char)p[k] >= 0x20)
		k++;
	return k;
}

/* At the opening quote; leaves i after the closing quote. */
static int scan_string(struct scan *sc, int *escaped)
{
	sc->i++;
	for (;;) {
		const char *p = sc->s + sc->i;
		size_t left = sc->n - sc->i;
		sc->i += plain_run(p, left);
		if (sc->i >= sc->n)
			return scan_fail(sc, "a closing '\"'");
		char c = sc->s[sc->i];
		if (c == '"') {
			sc->i++;
			return 0;
		}
		if (c != '\\')
			return scan_fail(sc, "no raw control character in a string");
		if (escaped)
			*escaped = 1;
		sc->i++;
		if (sc->i >= sc->n)
			return scan_fail(sc, "an escape");
		c = sc->s[sc->i++];
		if (strchr("\"\\/bfnrt", c) && c)
			continue;
		if (c != 'u')
			return sc->i--, scan_fail(sc, "a valid escape");
		unsigned u;
		if (scan_u4(sc, &u) < 0)
			return scan_fail(sc, "four hex digits after \\u");
		if (u >= 0xDC00 && u <= 0xDFFF)
			return scan_fail(sc, "no lone low surrogate");
		if (u >= 0xD800 && u <= 0xDBFF) {
			unsigned lo;
			if (sc->i + 2 > sc->n || sc->s[sc->i] != '\\' || sc->s[sc->i + 1] != 'u')
				return scan_fail(sc, "a low surrogate after a high one");
			sc->i += 2;
			if (scan_u4(sc, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF)
				return scan_fail(sc, "a low surrogate after a high one");
		}
	}
}

static int scan_number(struct scan *sc)
{
	const char *s = sc->s;
	size_t n = sc->n;
	if (sc->i < n && s[sc->i] == '-')
		sc->i++;
	if (sc->i >= n)
		return scan_fail(sc, "a digit");
	if (s[sc->i] == '0')
		sc->i++;
	else if (s[sc->i] >= '1' && s[sc->i] <= '9')
		while (sc->i < n && s[sc->i] >= '0' && s[sc->i] <= '9')
			sc->i++;
	else
		return scan_fail(sc, "a digit");
	if (sc->i < n && s[sc->i] == '.') {
		sc->i++;
		if (sc->i >= n || s[sc->i] < '0' || s[sc->i] > '9')
			return scan_fail(sc, "a digit after '.'");
		while (sc->i < n && s[sc->i] >= '0' && s[sc->i] <= '9')
			sc->i++;
	}
	if (sc->i < n && (s[sc->i] == 'e' || s[sc->i] == 'E')) {
		sc->i++;
		if (sc->i < n && (s[sc->i] == '+' || s[sc->i] == '-'))
			sc->i++;
		if (sc->i >= n || s[sc->i] < '0' || s[sc->i] > '9')
			return scan_fail(sc, "a digit in the exponent");
		while (sc->i < n && s[sc->i] >= '0' && s[sc->i] <= '9')
			sc->i++;
	}
	return 0;
}

static int scan_value(struct scan *sc, int depth);

static int scan_container(struct scan *sc, int depth, char close)
{
	if (depth >= MAX_DEPTH) /* depth 0 is the outermost container: level depth + 1 */
		return scan_fail(sc, "less nesting (over 1000 levels)");
	sc->i++;
	skip_ws(sc);
	if (sc->i < sc->n && sc->s[sc->i] == close) {
		sc->i++;
		return 0;
	}
	for (;;) {
		skip_ws(sc);
		if (close == '}') {
			if (sc->i >= sc->n || sc->s[sc->i] != '"')
				return scan_fail(sc, "a '\"' starting a key");
			if (scan_string(sc, NULL) < 0)
				return -1;
			skip_ws(sc);
			if (sc->i >= sc->n || sc->s[sc->i] != ':')
				return scan_fail(sc, "':'");
			sc->i++;
			skip_ws(sc);
		}
		if (scan_value(sc, depth + 1) < 0)
			return -1;
		skip_ws(sc);
		if (sc->i < sc->n && sc->s[sc->i] == ',') {
			sc->i++;
			continue;
		}
		if (sc->i < sc->n && sc->s[sc->i] == close) {
			sc->i++;
			return 0;
		}
		return scan_fail(sc, close == '}' ? "',' or '}'" : "',' or ']'");
	}
}

static int scan_lit(struct scan *sc, const char *lit)
{
	size_t k = strlen(lit);
	if (sc->n - sc->i < k || memcmp(sc->s + sc->i, lit, k) != 0)
		return scan_fail(sc, "a JSON value");
	sc->i += k;
	return 0;
}

static int scan_value(struct scan *sc, int depth)
{
	if (sc->i >= sc->n)
		return scan_fail(sc, "a JSON value");
	switch (sc->s[sc->i]) {
	case '{':
		return scan_container(sc, depth, '}');
	case '[':
		return scan_container(sc, depth, ']');
	case '"':
		return scan_string(sc, NULL);
	case 't':
		return scan_lit(sc, "true");
	case 'f':
		return scan_lit(sc, "false");
	case 'n':
		return scan_lit(sc, "null");
	default:
		if (sc->s[sc->i] != '-' && (sc->s[sc->i] < '0' || sc->s[sc->i] > '9'))
			return scan_fail(sc, "a JSON value");
		return scan_number(sc);
	}
}

/* ---- records ---- */

void af_record_init(struct af_record *r)
{
	memset(r, 0, sizeof *r);
}

void af_record_free(struct af_record *r)
{
	free(r->fields);
	for (size_t i = 0; i < r->capsets; i++) {
		free(r->sets[i].key);
		af_buf_free(&r->sets[i].val);
	}
	free(r->sets);
	memset(r, 0, sizeof *r);
}

static void reset(struct af_record *r)
{
	r->nfields = 0;
	r->nsets = 0;
}

void af_record_empty(struct af_record *r)
{
	reset(r);
	r->line = "{}";
	r->len = 2;
}

int af_record_parse(struct af_record *r, const char *line, size_t len, struct af_error *err)
{
	size_t bad;
	reset(r);
	r->line = line;
	r->len = len;
	if (!af_utf8_valid(line, len, &bad)) {
		af_error_set(err, "invalid UTF-8 at byte %zu", bad + 1);
		return -1;
	}
	struct scan sc = {line, len, 0, err};
	skip_ws(&sc);
	if (sc.i >= len || line[sc.i] != '{') {
		if (scan_value(&sc, 0) < 0)
			return -1;
		skip_ws(&sc);
		if (sc.i != len)
			return scan_fail(&sc, "the end of the line after the value");
		af_error_set(err, "not a JSON object");
		return -1;
	}
	sc.i++;
	skip_ws(&sc);
	if (sc.i < len && line[sc.i] == '}') {
		sc.i++;
	} else {
		for (;;) {
			skip_ws(&sc);
			if (sc.i >= len || line[sc.i] != '"')
				return scan_fail(&sc, "a '\"' starting a key");
			size_t k0 = sc.i;
			int escaped = 0;
			if (scan_string(&sc, &escaped) < 0)
				return -1;
			size_t k1 = sc.i;
			skip_ws(&sc);
			if (sc.i >= len || line[sc.i] != ':')
				return scan_fail(&sc, "':'");
			sc.i++;
			skip_ws(&sc);
			size_t v0 = sc.i;
			if (scan_value(&sc, 1) < 0)
				return -1;
			if (r->nfields == r->cap)
				r->fields = af_grow(r->fields, &r->cap, r->nfields + 1, sizeof *r->fields);
			r->fields[r->nfields++] = (struct af_field){line + k0 + 1, k1 - k0 - 2, line + v0, sc.i - v0,
			                                           escaped};
			skip_ws(&sc);
			if (sc.i < len && line[sc.i] == ',') {
				sc.i++;
				continue;
			}
			if (sc.i < len && line[sc.i] == '}') {
				sc.i++;
				break;
			}
			return scan_fail(&sc, "',' or '}'");
		}
	}
	skip_ws(&sc);
	if (sc.i != len)
		return scan_fail(&sc, "the end of the line after the object");
	return 0;
}

void af_json_unescape(const char *v, size_t n, struct af_buf *out)
{
	af_buf_grow(out, n);
	char *o = out->p + out->len;
	for (size_t i = 1; i + 1 < n; i++) {
		const char *bs = memchr(v + i, '\\', n - 1 - i);
		size_t run = bs ? (size_t)(bs - (v + i)) : n - 1 - i;
		memcpy(o, v + i, run);
		o += run;
		i += run;
		if (i + 1 >= n)
			break;
		char c = v[++i];
		switch (c) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			uint32_t cp = 0;
			for (int k = 1; k <= 4; k++)
				cp = cp * 16 + (uint32_t)hexval(v[i + k]);
			i += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) { /* a pair, checked by the scanner */
				uint32_t lo = 0;
				for (int k = 3; k <= 6; k++)
					lo = lo * 16 + (uint32_t)hexval(v[i + k]);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			o += af_utf8_put(cp, o);
			break;
		}
		default: *o++ = c; break; /* " \ / */
		}
	}
	*o = '\0';
	out->len = (size_t)(o - out->p);
}

/* Decode the JSON string literal v[0..n) (quotes included, already validated). */
static char *unescape(const char *v, size_t n, size_t *len)
{
	struct af_buf b = {0};
	af_json_unescape(v, n, &b);
	if (len)
		*len = b.len;
	return b.p;
}

/* The key of f decoded, compared with key. */
static int key_is(const struct af_field *f, const char *key)
{
	if (!f->escaped) {
		size_t k = strlen(key);
		return f->klen == k && memcmp(f->key, key, k) == 0;
	}
	size_t n;
	char *k = unescape(f->key - 1, f->klen + 2, &n);
	int same = n == strlen(key) && memcmp(k, key, n) == 0;
	free(k);
	return same;
}

const struct af_field *af_record_field(const struct af_record *r, const char *key)
{
	for (size_t i = r->nfields; i-- > 0;)
		if (key_is(&r->fields[i], key))
			return &r->fields[i];
	return NULL;
}

json_t *af_record_get(const struct af_record *r, const char *key)
{
	const struct af_field *f = af_record_field(r, key);
	if (!f)
		return NULL;
	return json_loadb(f->val, f->vlen, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
}

char *af_record_string(const struct af_record *r, const char *key, size_t *len)
{
	const struct af_field *f = af_record_field(r, key);
	if (!f || f->vlen < 2 || f->val[0] != '"')
		return NULL;
	return unescape(f->val, f->vlen, len);
}

char *af_record_text(const struct af_record *r, size_t *len, enum af_verdict *verdict, struct af_error *why)
{
	if (!af_record_field(r, "text")) {
		af_error_set(why, af_record_field(r, "raw") || af_record_field(r, "html")
		                      ? "no \"text\" field: run af-clean first"
		                      : "no \"text\" field: nothing to read");
		*verdict = AF_PASS_BAD;
		return NULL;
	}
	char *text = af_record_string(r, "text", len);
	if (!text) {
		af_error_set(why, "\"text\" is not a string");
		*verdict = AF_REJECT;
	}
	return text;
}

struct af_buf *af_record_set_json(struct af_record *r, const char *key)
{
	size_t i = 0;
	while (i < r->nsets && strcmp(r->sets[i].key, key) != 0)
		i++;
	if (i == r->nsets) {
		if (r->nsets == r->capsets) {
			size_t old = r->capsets;
			r->sets = af_grow(r->sets, &r->capsets, r->nsets + 1, sizeof *r->sets);
			memset(r->sets + old, 0, (r->capsets - old) * sizeof *r->sets);
		}
		struct af_set *x = &r->sets[r->nsets++];
		if (!x->key || strcmp(x->key, key) != 0) {
			free(x->key);
			x->key = af_strdup(key);
		}
	}
	af_buf_reset(&r->sets[i].val);
	return &r->sets[i].val;
}


void af_record_set(struct af_record *r, const char *key, json_t *val)
{
	struct af_buf *b = af_record_set_json(r, key);
	if (val)
		af_json_value(b, val);
	else
		af_buf_adds(b, "null");
	json_decref(val);
}

/* JSON writing: compact, UTF-8 kept as is, reals in the shortest form that reads back. */
void af_json_string(struct af_buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	af_buf_grow(out, n + 2);
	out->p[out->len++] = '"';
	size_t i = 0;
	while (i < n) {
		size_t run = i + plain_run(s + i, n - i);
		af_buf_add(out, s + i, run - i);
		if (run >= n)
			break;
		unsigned char c = (unsigned char)s[run];
		char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
		size_t el = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			el = 6;
		}
		af_buf_add(out, esc, el);
		i = run + 1;
	}
	af_buf_addc(out, '"');
}

void af_json_int(struct af_buf *out, long long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	af_buf_add(out, p, (size_t)(buf + sizeof buf - p));
}

/* d as "%.15g" writes it when d is the double nearest to a whole number of thousandths
 * below 1e9 (a score: most reals af writes): 1 with buf set, else 0. The decimal r / 10^k
 * has at most 12 digits and strtod gives back d (both are r / 10^k correctly rounded), so
 * the loop below would stop at 15 digits with these. Zero goes there too (its sign). */
static int real_short(char *buf, double d)
{
	if (!(d > -1e9 && d < 1e9) || d == 0)
		return 0;
	double scale = 1;
	for (int k = 0; k <= 3; k++, scale *= 10) {
		double x = d * scale;
		long long r = (long long)(x < 0 ? x - 0.5 : x + 0.5);
		if ((double)r / scale != d)
			continue;
		unsigned long long a = r < 0 ? (unsigned long long)(-r) : (unsigned long long)r, p = 1;
		for (int j = 0; j < k; j++)
			p *= 10;
		int n = snprintf(buf, 40, "%s%llu", r < 0 ? "-" : "", a / p);
		unsigned long long f = a % p;
		if (f) {
			int digits = k;
			while (f % 10 == 0)
				f /= 10, digits--;
			snprintf(buf + n, (size_t)(40 - n), ".%0*llu", digits, f);
		}
		return 1;
	}
	return 0;
}

void af_json_real(struct af_buf *out, double d)
{
	char buf[40];
	if (d != d || d - d != 0) { /* NaN and infinities are not JSON */
		af_buf_adds(out, "null");
		return;
	}
	if (real_short(buf, d)) {
		af_buf_adds(out, buf);
		if (!strchr(buf, '.'))
			af_buf_adds(out, ".0");
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	af_buf_adds(out, buf);
	if (!strpbrk(buf, ".eEn"))
		af_buf_adds(out, ".0");
}

void af_json_value(struct af_buf *out, const json_t *cv)
{
	json_t *v = (json_t *)cv; /* jansson's iterators take no const */
	size_t i;
	const char *k;
	json_t *x;
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		int first = 1;
		af_buf_addc(out, '{');
		json_object_foreach(v, k, x)
		{
			if (!first)
				af_buf_addc(out, ',');
			af_json_string(out, k, strlen(k));
			af_buf_addc(out, ':');
			af_json_value(out, x);
			first = 0;
		}
		af_buf_addc(out, '}');
		break;
	}
	case JSON_ARRAY:
		af_buf_addc(out, '[');
		json_array_foreach(v, i, x)
		{
			if (i)
				af_buf_addc(out, ',');
			af_json_value(out, x);
		}
		af_buf_addc(out, ']');
		break;
	case JSON_STRING:
		af_json_string(out, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		af_json_int(out, (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		af_json_real(out, json_real_value(v));
		break;
	case JSON_TRUE:
		af_buf_adds(out, "true");
		break;
	case JSON_FALSE:
		af_buf_adds(out, "false");
		break;
	default:
		af_buf_adds(out, "null");
	}
}

static void put_key(struct af_buf *out, const char *key)
{
	af_json_string(out, key, strlen(key));
	af_buf_addc(out, ':');
}

/* af: {"version": ..., "stages": [...]}, with stage appended once. */
static json_t *af_meta(const struct af_record *r, const char *stage)
{
	json_t *old = af_record_get(r, "af");
	json_t *meta = json_is_object(old) ? json_deep_copy(old) : json_object();
	json_decref(old);
	json_object_set_new(meta, "version", json_string(AF_VERSION));
	json_t *stages = json_object_get(meta, "stages");
	if (!json_is_array(stages)) {
		stages = json_array();
		json_object_set_new(meta, "stages", stages);
	}
	size_t i;
	json_t *s;
	json_array_foreach(stages, i, s) if (json_is_string(s) && strcmp(json_string_value(s), stage) == 0) return meta;
	json_array_append_new(stages, json_string(stage));
	return meta;
}

/* The "af" object written byte for byte from the input's (f, an object), but for
 * "version" (replaced) and "stages" (stage appended when missing): other keys under af
 * keep their spelling, escapes and number forms, whatever jansson can represent (af(7)).
 * 0, or -1 when the value is not an object that can be kept so. */
static int af_meta_raw(const struct af_field *f, const char *stage, struct af_buf *out)
{
	struct af_record sub;
	struct af_error err;
	af_record_init(&sub);
	if (f->vlen < 2 || f->val[0] != '{' || af_record_parse(&sub, f->val, f->vlen, &err) < 0) {
		af_record_free(&sub);
		return -1;
	}
	const struct af_field *st = af_record_field(&sub, "stages"); /* the last, as read */
	json_t *stages = st ? json_loadb(st->val, st->vlen, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL) : NULL;
	if (st && !json_is_array(stages)) {
		json_decref(stages);
		af_record_free(&sub);
		return -1;
	}
	int listed = 0;
	size_t i;
	json_t *x;
	json_array_foreach(stages, i, x) if (json_is_string(x) && !strcmp(json_string_value(x), stage)) listed = 1;
	int first = 1, ver = 0, sta = 0;
	af_buf_addc(out, '{');
	for (size_t k = 0; k < sub.nfields; k++) {
		const struct af_field *g = &sub.fields[k];
		int is_ver = key_is(g, "version"), is_sta = key_is(g, "stages");
		if ((is_ver && ver) || (is_sta && sta))
			continue;
		if (!first)
			af_buf_addc(out, ',');
		first = 0;
		af_buf_addc(out, '"');
		af_buf_add(out, g->key, g->klen);
		af_buf_add(out, "\":", 2);
		if (is_ver) {
			af_json_string(out, AF_VERSION, strlen(AF_VERSION));
			ver = 1;
		} else if (is_sta) {
			size_t e = st->vlen;
			while (e > 0 && st->val[e - 1] != ']')
				e--;
			af_buf_add(out, st->val, e ? e - 1 : 0);
			if (!listed) {
				if (json_array_size(stages))
					af_buf_addc(out, ',');
				af_json_string(out, stage, strlen(stage));
			}
			af_buf_addc(out, ']');
			sta = 1;
		} else {
			af_buf_add(out, g->val, g->vlen);
		}
	}
	if (!ver) {
		af_buf_adds(out, first ? "" : ",");
		put_key(out, "version");
		af_json_string(out, AF_VERSION, strlen(AF_VERSION));
		first = 0;
	}
	if (!sta) {
		af_buf_adds(out, first ? "" : ",");
		put_key(out, "stages");
		af_buf_addc(out, '[');
		af_json_string(out, stage, strlen(stage));
		af_buf_addc(out, ']');
	}
	af_buf_addc(out, '}');
	json_decref(stages);
	af_record_free(&sub);
	return 0;
}

void af_record_write(const struct af_record *r, const char *stage, struct af_buf *out)
{
	const struct af_field *mf = stage ? af_record_field(r, "af") : NULL;
	json_t *meta = stage ? af_meta(r, stage) : NULL;
	char *done = r->nsets ? af_calloc(r->nsets, 1) : NULL;
	int meta_done = 0, first = 1;
	af_buf_addc(out, '{');
	for (size_t i = 0; i < r->nfields; i++) {
		const struct af_field *f = &r->fields[i];
		size_t hit = (size_t)-1;
		int is_meta = meta && key_is(f, "af");
		if (!is_meta)
			for (size_t k = 0; k < r->nsets; k++)
				if (key_is(f, r->sets[k].key)) {
					hit = k;
					break;
				}
		/* a field the stage owns: written once, at its first place */
		if ((is_meta && meta_done) || (hit != (size_t)-1 && done[hit]))
			continue;
		if (!first)
			af_buf_addc(out, ',');
		if (is_meta || hit != (size_t)-1) {
			af_buf_addc(out, '"');
			af_buf_add(out, f->key, f->klen);
			af_buf_add(out, "\":", 2);
			if (is_meta) {
				if (af_meta_raw(mf, stage, out) < 0)
					af_json_value(out, meta);
				meta_done = 1;
			} else {
				af_buf_add(out, r->sets[hit].val.p, r->sets[hit].val.len);
				done[hit] = 1;
			}
		} else {
			af_buf_addc(out, '"');
			af_buf_add(out, f->key, f->klen);
			af_buf_add(out, "\":", 2);
			af_buf_add(out, f->val, f->vlen);
		}
		first = 0;
	}
	for (size_t k = 0; k < r->nsets; k++) {
		if (done[k])
			continue;
		if (!first)
			af_buf_addc(out, ',');
		put_key(out, r->sets[k].key);
		af_buf_add(out, r->sets[k].val.p, r->sets[k].val.len);
		first = 0;
	}
	if (meta && !meta_done) {
		if (!first)
			af_buf_addc(out, ',');
		put_key(out, "af");
		af_json_value(out, meta);
	}
	af_buf_addc(out, '}');
	json_decref(meta);
	free(done);
}
