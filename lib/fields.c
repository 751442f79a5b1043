/* fields.c - the stage fields read into typed arrays (fields.h): a walker over JSON text
 * that af_record_parse has already validated, so it only finds where things end. */
#include "af/fields.h"
#include "af/dates.h"
#include "af/util.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
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

enum { M_CANON, M_VALUE, M_CODE, M_ROLE, M_ORG, M_TYPE, M_KIND, M_ID, M_NSTR };
static const char *const mention_keys[M_NSTR] = {"canonical", "value", "code", "role", "org", "type", "kind", "id"};

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
		m->id = str[M_ID];
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

/* ---- events (the reader; the container and its writer are fields_events.c) ----
 * The members of an event, its actors and its place must be af(7)'s, in its order: each is
 * taken by member(), which checks that the object's next member has that name. */

struct members {
	struct walk *w;
	int more;      /* a member is waiting: its name in key */
	const char *key, *why;
	size_t klen;
	int bad;
};

static void members_open(struct members *m, struct walk *w)
{
	m->w = w;
	w->p++; /* past the '{' */
	m->bad = 0;
	m->why = NULL;
	m->more = next(w, 1, &m->key, &m->klen);
}

/* 1 with the walker at the value of the next member when it is name; else 0, and the object
 * is of the wrong shape unless the member is optional. */
static int member(struct members *m, const char *name, int optional)
{
	if (m->bad)
		return 0;
	if (!m->more || !key_eq(m->key, m->klen, name)) {
		if (!optional) {
			m->bad = 1;
			m->why = name;
		}
		return 0;
	}
	return 1;
}

/* past the member's value, to the next member */
static void member_done(struct members *m)
{
	skip_value(m->w);
	m->more = next(m->w, 1, &m->key, &m->klen);
}

/* past the object's end (after a bad member, or to see that no member is left) */
static void members_close(struct members *m)
{
	while (m->more)
		member_done(m);
}

static void shape_bad(struct members *m, const char *name)
{
	if (!m->bad) {
		m->bad = 1;
		m->why = name;
	}
}

static int is_null(const struct walk *w)
{
	return w->end - w->p >= 4 && !memcmp(w->p, "null", 4);
}

/* a string or null into *s */
static void take_str(struct members *m, struct af_events *ev, const char *name, struct af_str *s)
{
	if (!member(m, name, 0))
		return;
	size_t off = string_at(m->w, &ev->str);
	if (off != SIZE_MAX)
		*s = (struct af_str){off, ev->str.len - 1 - off, 1};
	else if (!is_null(m->w))
		shape_bad(m, name);
	member_done(m);
}

/* an integer (or null when has is not NULL) */
static void take_int(struct members *m, const char *name, long long *x, int *has)
{
	if (!member(m, name, 0))
		return;
	if (integer(m->w, x)) {
		if (has)
			*has = 1;
	} else if (!(has && is_null(m->w)))
		shape_bad(m, name);
	member_done(m);
}

static void take_bool(struct members *m, const char *name, int *b)
{
	if (!member(m, name, 0))
		return;
	const struct walk *w = m->w;
	if (w->end - w->p >= 4 && !memcmp(w->p, "true", 4))
		*b = 1;
	else if (w->end - w->p >= 5 && !memcmp(w->p, "false", 5))
		*b = 0;
	else
		shape_bad(m, name);
	member_done(m);
}

static void take_real(struct members *m, const char *name, double *x, int *has)
{
	if (!member(m, name, 0))
		return;
	const char *p = m->w->p;
	if (p < m->w->end && (*p == '-' || (*p >= '0' && *p <= '9'))) {
		*x = strtod(p, NULL); /* validated JSON: the number ends where JSON's does */
		*has = 1;
	} else if (!is_null(m->w))
		shape_bad(m, name);
	member_done(m);
}

/* the text, start and end every span of an event has (actors, places) */
static void take_span(struct members *m, struct af_events *ev, struct af_str *text, long long *start,
                      long long *end)
{
	take_str(m, ev, "text", text);
	take_int(m, "start", start, NULL);
	take_int(m, "end", end, NULL);
}

/* The value at w: an object (1, w at its '{'), null (0), anything else (-1); w past the value
 * unless it is an object. */
static int object_or_null(struct walk *w)
{
	ws(w);
	if (w->p < w->end && *w->p == '{')
		return 1;
	int null = is_null(w);
	skip_value(w);
	return null ? 0 : -1;
}

/* An actor object of another shape than af's (a speaker as af-quotes or another stage wrote
 * it), kept as its JSON text in af's form (compact, af's escapes): the one place the events
 * reader builds a jansson tree, of this small object only. 0, or -1 when it is no object. */
static int actor_object(struct af_events *ev, const char *json, size_t len, struct af_ev_actor *a)
{
	memset(a, 0, sizeof *a);
	json_t *v = json_loadb(json, len, JSON_ALLOW_NUL, NULL);
	if (!json_is_object(v)) {
		json_decref(v);
		return -1;
	}
	struct af_buf b = {0};
	af_json_value(&b, v);
	json_decref(v);
	a->set = 1;
	a->json = af_events_str(ev, b.p, b.len);
	af_buf_free(&b);
	return 0;
}

/* An actor at w: null (0), af's actor object (0, typed), another object (any_object: 0, kept
 * as its JSON text in af's form), or anything else (-1). The walker ends past it. */
static int read_ev_actor(struct walk *w, struct af_events *ev, struct af_ev_actor *a, int any_object)
{
	memset(a, 0, sizeof *a);
	int o = object_or_null(w);
	if (o <= 0)
		return o;
	const char *at = w->p;
	size_t s0 = ev->str.len;
	struct members m;
	members_open(&m, w);
	a->set = 1;
	take_span(&m, ev, &a->text, &a->start, &a->end);
	take_str(&m, ev, "actor", &a->actor);
	take_str(&m, ev, "canonical", &a->canonical);
	int exact = !m.bad && !m.more;
	members_close(&m);
	if (exact)
		return 0;
	ev->str.len = s0;
	if (!any_object)
		return -1;
	return actor_object(ev, at, (size_t)(w->p - at), a);
}

static int read_ev_place(struct walk *w, struct af_events *ev, struct af_ev_place *p)
{
	memset(p, 0, sizeof *p);
	int o = object_or_null(w);
	if (o <= 0)
		return o;
	struct members m;
	members_open(&m, w);
	p->set = 1;
	take_span(&m, ev, &p->text, &p->start, &p->end);
	take_str(&m, ev, "country", &p->country);
	int ok = !m.bad && !m.more;
	members_close(&m);
	return ok ? 0 : -1;
}

/* a member that is an actor or a place, read by fn */
#define TAKE_OBJ(m, name, call)                                                                               \
	do {                                                                                                  \
		if (member(m, name, 0)) {                                                                     \
			if ((call) < 0)                                                                       \
				shape_bad(m, name);                                                           \
			(m)->more = next((m)->w, 1, &(m)->key, &(m)->klen);                                   \
		}                                                                                             \
	} while (0)

/* One event object at w; 0, or -1 with the member that is not of af(7)'s shape in *why (a
 * name af(7) does not list copied into extra). */
static int read_event(struct walk *w, struct af_events *ev, const char **why, char extra[64])
{
	ws(w);
	if (w->p >= w->end || *w->p != '{') {
		skip_value(w);
		*why = "(an element that is not an object)";
		return -1;
	}
	struct af_event *e = af_events_add(ev);
	struct members m;
	members_open(&m, w);
	take_str(&m, ev, "code", &e->code);
	take_str(&m, ev, "root", &e->root);
	take_str(&m, ev, "label", &e->label);
	take_int(&m, "quad", &e->quad, &e->has_quad);
	take_real(&m, "goldstein", &e->goldstein, &e->has_goldstein);
	take_str(&m, ev, "plover", &e->plover);
	TAKE_OBJ(&m, "source", read_ev_actor(w, ev, &e->source, 0));
	TAKE_OBJ(&m, "target", read_ev_actor(w, ev, &e->target, 0));
	take_str(&m, ev, "date", &e->date);
	take_str(&m, ev, "date_source", &e->date_source);
	TAKE_OBJ(&m, "location", read_ev_place(w, ev, &e->location));
	take_int(&m, "sentence", &e->sentence, NULL);
	take_str(&m, ev, "trigger", &e->trigger);
	take_int(&m, "trigger_start", &e->trigger_start, NULL);
	take_int(&m, "trigger_end", &e->trigger_end, NULL);
	take_bool(&m, "negated", &e->negated);
	take_bool(&m, "hypothetical", &e->hypothetical);
	take_bool(&m, "reported", &e->reported);
	take_bool(&m, "symmetric", &e->symmetric);
	if (member(&m, "speaker", 1)) {
		ws(w);
		if (is_null(w) || read_ev_actor(w, ev, &e->speaker, 1) < 0)
			shape_bad(&m, "speaker");
		if (is_null(w))
			skip_value(w);
		m.more = next(w, 1, &m.key, &m.klen);
	}
	if (member(&m, "rule", 1))
		take_str(&m, ev, "rule", &e->rule);
	if (!m.bad && m.more) {
		snprintf(extra, 64, "%.*s", (int)(m.klen < 60 ? m.klen : 60), m.key);
		m.bad = 1;
		m.why = extra;
	}
	members_close(&m);
	*why = m.why;
	return m.bad ? -1 : 0;
}
#undef TAKE_OBJ

int af_field_events(const struct af_record *r, struct af_events *ev, struct af_error *err)
{
	af_events_reset(ev);
	const struct af_field *f = af_record_field(r, "events");
	if (!f)
		return 0;
	struct walk w = {f->val, f->val + f->vlen};
	ws(&w);
	if (w.p >= w.end || *w.p != '[') {
		af_error_set(err, "events: expected an array");
		return -1;
	}
	w.p++;
	for (size_t i = 0; next(&w, 0, NULL, NULL); i++) {
		const char *why = NULL;
		char extra[64];
		if (read_event(&w, ev, &why, extra) < 0) {
			af_error_set(err, "events[%zu]: member '%s' is not where or what af(7) says", i, why ? why : "?");
			af_events_reset(ev);
			return -1;
		}
	}
	return 0;
}

int af_events_actor_json(struct af_events *ev, const char *json, size_t len, struct af_ev_actor *a)
{
	struct walk w = {json, json + len};
	return read_ev_actor(&w, ev, a, 1);
}
