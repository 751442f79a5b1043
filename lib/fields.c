/* fields.c - the stage fields read into typed arrays (fields.h): a walker over JSON text
 * that af_record_parse has already validated, so it only finds where things end. */
#include "af/fields.h"
#include "af/dates.h"
#include "af/util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- a walker over validated JSON ---- */

struct walk {
	const char *p, *end;
};

static void ws(struct walk *w)
{
	while (w->p < w->end && (*w->p == ' ' || *w->p == '\t' || *w->p == '\n' || *w->p == '\r'))
		w->p++;
}

/* At a '"': past the closing one. */
static void skip_string(struct walk *w)
{
	const char *p = w->p + 1;
	for (;;) {
		const char *q = memchr(p, '"', (size_t)(w->end - p));
		if (!q) {
			w->p = w->end;
			return;
		}
		/* the quote is escaped when an odd number of backslashes precede it */
		size_t bs = 0;
		while (q - bs > p && q[-1 - (ptrdiff_t)bs] == '\\')
			bs++;
		p = q + 1;
		if (bs % 2 == 0)
			break;
	}
	w->p = p;
}

/* Past one value of any kind. */
static void skip_value(struct walk *w)
{
	ws(w);
	if (w->p >= w->end)
		return;
	char c = *w->p;
	if (c == '"') {
		skip_string(w);
		return;
	}
	if (c != '{' && c != '[') { /* number or literal */
		while (w->p < w->end && *w->p != ',' && *w->p != '}' && *w->p != ']' && *w->p != ' ' &&
		       *w->p != '\t' && *w->p != '\n' && *w->p != '\r')
			w->p++;
		return;
	}
	int depth = 0;
	while (w->p < w->end) {
		c = *w->p;
		if (c == '"') {
			skip_string(w);
			continue;
		}
		w->p++;
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return;
	}
}

/* The next member or element: 1 with w at its value (*key and *klen set for an object's
 * member: the raw key bytes), 0 at the container's end (w past it). Call first with w just
 * inside the container (past its '{' or '['). */
static int next(struct walk *w, int obj, const char **key, size_t *klen)
{
	ws(w);
	if (w->p < w->end && *w->p == ',') {
		w->p++;
		ws(w);
	}
	if (w->p >= w->end || *w->p == '}' || *w->p == ']') {
		if (w->p < w->end)
			w->p++;
		return 0;
	}
	if (obj) {
		const char *k = w->p + 1;
		skip_string(w);
		*key = k;
		*klen = (size_t)(w->p - 1 - k);
		ws(w);
		if (w->p < w->end && *w->p == ':')
			w->p++;
		ws(w);
	}
	return 1;
}

static int key_eq(const char *k, size_t klen, const char *name)
{
	return strlen(name) == klen && !memcmp(k, name, klen);
}

/* An integer as JSON writes one (no fraction, no exponent) that fits a long long. */
static int integer(const struct walk *w, long long *out)
{
	const char *p = w->p;
	int neg = 0;
	if (p < w->end && *p == '-')
		neg = 1, p++;
	if (p >= w->end || *p < '0' || *p > '9')
		return 0;
	unsigned long long v = 0;
	for (; p < w->end && *p >= '0' && *p <= '9'; p++) {
		if (v > (ULLONG_MAX - 9) / 10)
			return 0;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (p < w->end && (*p == '.' || *p == 'e' || *p == 'E'))
		return 0;
	if (v > (unsigned long long)LLONG_MAX + neg)
		return 0;
	*out = neg ? (long long)(0 - v) : (long long)v;
	return 1;
}

/* The string value at w decoded into strs: its offset, or SIZE_MAX when not a string. */
static size_t string_at(const struct walk *w, struct af_buf *strs)
{
	if (w->p >= w->end || *w->p != '"')
		return SIZE_MAX;
	struct walk s = *w;
	skip_string(&s);
	size_t off = strs->len;
	af_json_unescape(w->p, (size_t)(s.p - w->p), strs);
	strs->len++; /* keep the NUL */
	return off;
}

/* w at the field's value, when the record has it and it is an array. */
static int open_array(const struct af_record *r, const char *key, struct walk *w)
{
	const struct af_field *f = af_record_field(r, key);
	if (!f || f->vlen < 2 || f->val[0] != '[')
		return 0;
	w->p = f->val + 1;
	w->end = f->val + f->vlen;
	return 1;
}

/* ---- entities ---- */

enum { M_CANON, M_VALUE, M_CODE, M_ROLE, M_ORG, M_TYPE, M_KIND, M_NSTR };
static const char *const mention_keys[M_NSTR] = {"canonical", "value", "code", "role", "org", "type", "kind"};

static enum af_etype etype(const char *name)
{
	for (int t = 0; t < AF_E_NTYPES; t++)
		if (!strcmp(name, af_etype_name((enum af_etype)t)))
			return (enum af_etype)t;
	return AF_E_NTYPES;
}

/* One element: 1 when it is kept (into *m, string offsets into offs). */
static int read_mention(struct walk *w, struct af_buf *strs, struct af_mention *m, size_t offs[M_NSTR])
{
	ws(w);
	if (w->p >= w->end || *w->p != '{') {
		skip_value(w);
		return 0;
	}
	w->p++;
	long long s = -1, e = -1;
	int have_s = 0, have_e = 0;
	for (int k = 0; k < M_NSTR; k++)
		offs[k] = SIZE_MAX;
	const char *key;
	size_t klen;
	while (next(w, 1, &key, &klen)) {
		if (key_eq(key, klen, "start"))
			have_s = integer(w, &s);
		else if (key_eq(key, klen, "end"))
			have_e = integer(w, &e);
		else
			for (int k = 0; k < M_NSTR; k++)
				if (key_eq(key, klen, mention_keys[k])) {
					offs[k] = string_at(w, strs); /* the last of repeated keys wins */
					break;
				}
		skip_value(w);
	}
	if (!have_s || !have_e || s < 0 || e <= s || offs[M_TYPE] == SIZE_MAX)
		return 0;
	memset(m, 0, sizeof *m);
	m->cstart = (size_t)s;
	m->cend = (size_t)e;
	return 1;
}

size_t af_field_entities(const struct af_record *r, struct af_mentions *out)
{
	out->n = 0;
	af_buf_reset(&out->strs);
	struct walk w;
	if (!open_array(r, "entities", &w))
		return 0;
	size_t (*offs)[M_NSTR] = NULL, ocap = 0;
	while (next(&w, 0, NULL, NULL)) {
		if (out->n == out->cap)
			out->v = af_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		if (out->n == ocap)
			offs = af_grow(offs, &ocap, out->n + 1, sizeof *offs);
		if (read_mention(&w, &out->strs, &out->v[out->n], offs[out->n]))
			out->n++;
	}
	/* strings are stable now */
	for (size_t i = 0; i < out->n; i++) {
		struct af_mention *m = &out->v[i];
		const char *str[M_NSTR];
		for (int k = 0; k < M_NSTR; k++)
			str[k] = offs[i][k] == SIZE_MAX ? NULL : out->strs.p + offs[i][k];
		m->canonical = str[M_CANON];
		m->value = str[M_VALUE];
		m->code = str[M_CODE];
		m->role = str[M_ROLE];
		m->org = str[M_ORG];
		m->type_name = str[M_TYPE];
		m->type = etype(m->type_name);
		/* a DATE's kind (af-entities(1), DATES): anything but a point never dates an event */
		m->date_kind = !str[M_KIND]                     ? AF_DATE_POINT
		               : !strcmp(str[M_KIND], "range")    ? AF_DATE_RANGE
		               : !strcmp(str[M_KIND], "deadline") ? AF_DATE_DEADLINE
		                                                  : AF_DATE_RANGE;
	}
	free(offs);
	return out->n;
}

/* ---- quotes ---- */

size_t af_field_quotes(const struct af_record *r, struct af_quote_refs *out)
{
	out->n = 0;
	struct walk w;
	if (!open_array(r, "quotes", &w))
		return 0;
	while (next(&w, 0, NULL, NULL)) {
		ws(&w);
		if (w.p >= w.end || *w.p != '{') {
			skip_value(&w);
			continue;
		}
		w.p++;
		long long s = 0, e = 0;
		int have_s = 0, have_e = 0;
		const char *sp = NULL;
		size_t splen = 0;
		const char *key;
		size_t klen;
		while (next(&w, 1, &key, &klen)) {
			const char *at = w.p;
			if (key_eq(key, klen, "start"))
				have_s = integer(&w, &s);
			else if (key_eq(key, klen, "end"))
				have_e = integer(&w, &e);
			skip_value(&w);
			if (key_eq(key, klen, "speaker")) {
				int obj = *at == '{';
				sp = obj ? at : NULL;
				splen = obj ? (size_t)(w.p - at) : 0;
			}
		}
		if (!have_s || !have_e)
			continue;
		if (out->n == out->cap)
			out->v = af_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct af_quote_ref *q = &out->v[out->n++];
		/* as size_t, as the stages compare offsets: a negative one matches nothing */
		q->cstart = (size_t)s;
		q->cend = (size_t)e;
		q->speaker = sp;
		q->speaker_len = splen;
	}
	return out->n;
}

void af_quote_refs_free(struct af_quote_refs *q)
{
	free(q->v);
	memset(q, 0, sizeof *q);
}

/* ---- strings ---- */

char *af_field_string(const struct af_record *r, const char *key, const char *sub)
{
	const struct af_field *f = af_record_field(r, key);
	if (!f)
		return NULL;
	struct walk w = {f->val, f->val + f->vlen};
	if (sub) {
		if (f->vlen < 2 || f->val[0] != '{')
			return NULL;
		w.p++;
		const char *key2, *at = NULL;
		size_t klen;
		while (next(&w, 1, &key2, &klen)) {
			if (key_eq(key2, klen, sub))
				at = w.p; /* the last of repeated keys wins */
			skip_value(&w);
		}
		if (!at)
			return NULL;
		w.p = at;
	}
	struct af_buf b = {0};
	if (string_at(&w, &b) == SIZE_MAX)
		return NULL;
	return b.p;
}

char *af_filter_date(const struct af_filter *f, const struct af_record *r, const char *key, const char *sub)
{
	char *v = af_field_string(r, key, sub);
	struct af_dt t;
	const char *why;
	if (!v || af_dt_parse(v, &t, &why) == 0)
		return v;
	struct af_buf msg = {0};
	if (f->cur_name)
		af_buf_printf(&msg, "%s: ", f->cur_name);
	if (f->cur_line > 0)
		af_buf_printf(&msg, "line %ld: ", f->cur_line);
	af_buf_printf(&msg, "%s%s%s: ", key, sub ? "." : "", sub ? sub : "");
	af_json_string(&msg, v, strlen(v));
	af_warn("%s is not a valid date (%s); taken as absent", msg.p, why);
	af_buf_free(&msg);
	free(v);
	return NULL;
}
