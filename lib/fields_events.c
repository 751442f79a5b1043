/* fields_events.c - the "events" field (fields.h): a typed array of events, its one writer
 * (af(7)'s members in their order, compact, as af_record_write writes JSON), and its reader. */
#include "af/fields.h"
#include "af/util.h"

#include <stdlib.h>
#include <string.h>

void af_events_reset(struct af_events *ev)
{
	ev->n = 0;
	af_buf_reset(&ev->str);
}

void af_events_free(struct af_events *ev)
{
	free(ev->v);
	af_buf_free(&ev->str);
	memset(ev, 0, sizeof *ev);
}

struct af_event *af_events_add(struct af_events *ev)
{
	if (ev->n == ev->cap)
		ev->v = af_grow(ev->v, &ev->cap, ev->n + 1, sizeof *ev->v);
	struct af_event *e = &ev->v[ev->n++];
	memset(e, 0, sizeof *e);
	return e;
}

struct af_str af_events_str(struct af_events *ev, const char *s, size_t n)
{
	struct af_str x = {ev->str.len, n, 1};
	af_buf_add(&ev->str, s, n);
	ev->str.len++; /* keep the NUL: af_events_at gives a C string */
	return x;
}

const char *af_events_at(const struct af_events *ev, struct af_str s)
{
	return s.set ? ev->str.p + s.off : NULL;
}

int af_events_eq(const struct af_events *ev, struct af_str s, const char *z)
{
	return s.set && !strcmp(ev->str.p + s.off, z);
}

void af_events_remove(struct af_events *ev, size_t i)
{
	if (i >= ev->n)
		return;
	memmove(&ev->v[i], &ev->v[i + 1], (ev->n - i - 1) * sizeof *ev->v);
	ev->n--;
}

/* ---- the writer ---- */

/* a member's name, after the object's '{' (first) or a ',' */
static void key(struct af_buf *out, const char *k, int first)
{
	af_buf_addc(out, first ? '{' : ',');
	af_buf_addc(out, '"');
	af_buf_adds(out, k);
	af_buf_adds(out, "\":");
}

static void str(struct af_buf *out, const struct af_events *ev, struct af_str s)
{
	if (s.set)
		af_json_string(out, ev->str.p + s.off, s.len);
	else
		af_buf_adds(out, "null");
}

static void boolean(struct af_buf *out, int b)
{
	af_buf_adds(out, b ? "true" : "false");
}

/* an object's first members, those of every span (actors, places) */
static void span(struct af_buf *out, const struct af_events *ev, struct af_str text, long long start, long long end)
{
	key(out, "text", 1);
	str(out, ev, text);
	key(out, "start", 0);
	af_json_int(out, start);
	key(out, "end", 0);
	af_json_int(out, end);
}

static void actor(struct af_buf *out, const struct af_events *ev, const struct af_ev_actor *a)
{
	if (!a->set) {
		af_buf_adds(out, "null");
		return;
	}
	if (a->json.set) { /* an upstream stage's object, in af's form (as it was read) */
		json_t *v = json_loadb(ev->str.p + a->json.off, a->json.len, JSON_ALLOW_NUL, NULL);
		af_json_value(out, v);
		json_decref(v);
		return;
	}
	span(out, ev, a->text, a->start, a->end);
	key(out, "actor", 0);
	str(out, ev, a->actor);
	key(out, "canonical", 0);
	str(out, ev, a->canonical);
	af_buf_addc(out, '}');
}

static void place(struct af_buf *out, const struct af_events *ev, const struct af_ev_place *p)
{
	if (!p->set) {
		af_buf_adds(out, "null");
		return;
	}
	span(out, ev, p->text, p->start, p->end);
	key(out, "country", 0);
	str(out, ev, p->country);
	af_buf_addc(out, '}');
}

static void event(struct af_buf *out, const struct af_events *ev, const struct af_event *e)
{
	key(out, "code", 1);
	str(out, ev, e->code);
	key(out, "root", 0);
	str(out, ev, e->root);
	key(out, "label", 0);
	str(out, ev, e->label);
	key(out, "quad", 0);
	if (e->has_quad)
		af_json_int(out, e->quad);
	else
		af_buf_adds(out, "null");
	key(out, "goldstein", 0);
	if (e->has_goldstein)
		af_json_real(out, e->goldstein);
	else
		af_buf_adds(out, "null");
	key(out, "plover", 0);
	str(out, ev, e->plover);
	key(out, "source", 0);
	actor(out, ev, &e->source);
	key(out, "target", 0);
	actor(out, ev, &e->target);
	key(out, "date", 0);
	str(out, ev, e->date);
	key(out, "date_source", 0);
	str(out, ev, e->date_source);
	key(out, "location", 0);
	place(out, ev, &e->location);
	key(out, "sentence", 0);
	af_json_int(out, e->sentence);
	key(out, "trigger", 0);
	str(out, ev, e->trigger);
	key(out, "trigger_start", 0);
	af_json_int(out, e->trigger_start);
	key(out, "trigger_end", 0);
	af_json_int(out, e->trigger_end);
	key(out, "negated", 0);
	boolean(out, e->negated);
	key(out, "hypothetical", 0);
	boolean(out, e->hypothetical);
	key(out, "reported", 0);
	boolean(out, e->reported);
	key(out, "symmetric", 0);
	boolean(out, e->symmetric);
	if (e->speaker.set) {
		key(out, "speaker", 0);
		actor(out, ev, &e->speaker);
	}
	af_buf_addc(out, '}');
}

void af_events_write(const struct af_events *ev, struct af_buf *out)
{
	af_buf_addc(out, '[');
	for (size_t i = 0; i < ev->n; i++) {
		if (i)
			af_buf_addc(out, ',');
		event(out, ev, &ev->v[i]);
	}
	af_buf_addc(out, ']');
}

/* ---- the reader (from jansson), and an upstream stage's actor ---- */

/* The members of an object in af(7)'s order: each name, or NULL past the last. Each is taken
 * by get(), which checks that the object's next member is that one. */
struct members {
	const json_t *o;
	void *it;
	int bad;
	const char *why;
};

static const json_t *get(struct members *m, const char *name, int optional)
{
	if (m->bad)
		return NULL;
	if (!m->it || strcmp(json_object_iter_key(m->it), name)) {
		if (!optional) {
			m->bad = 1;
			m->why = name;
		}
		return NULL;
	}
	const json_t *v = json_object_iter_value(m->it);
	m->it = json_object_iter_next((json_t *)m->o, m->it);
	return v;
}

static void start(struct members *m, const json_t *o)
{
	m->o = o;
	m->it = json_object_iter((json_t *)o);
	m->bad = 0;
	m->why = NULL;
}

/* a string or null into s; anything else is a bad shape */
static void take_str(struct af_events *ev, struct members *m, const char *name, struct af_str *s)
{
	const json_t *v = get(m, name, 0);
	if (json_is_string(v))
		*s = af_events_str(ev, json_string_value(v), json_string_length(v));
	else if (!json_is_null(v) && !m->bad) {
		m->bad = 1;
		m->why = name;
	}
}

static void take_int(struct members *m, const char *name, long long *x, int *has)
{
	const json_t *v = get(m, name, 0);
	if (json_is_integer(v)) {
		*x = (long long)json_integer_value(v);
		if (has)
			*has = 1;
	} else if (!(has && json_is_null(v)) && !m->bad) {
		m->bad = 1;
		m->why = name;
	}
}

static void take_bool(struct members *m, const char *name, int *b)
{
	const json_t *v = get(m, name, 0);
	if (json_is_boolean(v))
		*b = json_is_true(v);
	else if (!m->bad) {
		m->bad = 1;
		m->why = name;
	}
}

/* the text, start and end every span of an event has (actors, places) */
static void take_span(struct af_events *ev, struct members *m, struct af_str *text, long long *start, long long *end)
{
	take_str(ev, m, "text", text);
	take_int(m, "start", start, NULL);
	take_int(m, "end", end, NULL);
}

static int from_actor(struct af_events *ev, const json_t *v, struct af_ev_actor *a, int any_object)
{
	memset(a, 0, sizeof *a);
	if (json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return -1;
	a->set = 1;
	struct members m;
	start(&m, v);
	take_span(ev, &m, &a->text, &a->start, &a->end);
	take_str(ev, &m, "actor", &a->actor);
	take_str(ev, &m, "canonical", &a->canonical);
	if (!m.bad && !m.it)
		return 0;
	if (!any_object)
		return -1;
	/* a speaker as af-quotes wrote it: kept as JSON text */
	struct af_buf b = {0};
	af_json_value(&b, v);
	memset(a, 0, sizeof *a);
	a->set = 1;
	a->json = af_events_str(ev, b.p, b.len);
	af_buf_free(&b);
	return 0;
}

static int from_place(struct af_events *ev, const json_t *v, struct af_ev_place *p)
{
	memset(p, 0, sizeof *p);
	if (json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return -1;
	p->set = 1;
	struct members m;
	start(&m, v);
	take_span(ev, &m, &p->text, &p->start, &p->end);
	take_str(ev, &m, "country", &p->country);
	return m.bad || m.it ? -1 : 0;
}

/* One event object; 0, or -1 with the member that is not of af(7)'s shape in *why. */
static int from_event(struct af_events *ev, const json_t *o, const char **why)
{
	if (!json_is_object(o)) {
		*why = "(an element that is not an object)";
		return -1;
	}
	struct af_event *e = af_events_add(ev);
	struct members m;
	start(&m, o);
	take_str(ev, &m, "code", &e->code);
	take_str(ev, &m, "root", &e->root);
	take_str(ev, &m, "label", &e->label);
	take_int(&m, "quad", &e->quad, &e->has_quad);
	const json_t *g = get(&m, "goldstein", 0);
	if (json_is_number(g)) {
		e->goldstein = json_number_value(g);
		e->has_goldstein = 1;
	} else if (!json_is_null(g) && !m.bad) {
		m.bad = 1;
		m.why = "goldstein";
	}
	take_str(ev, &m, "plover", &e->plover);
	if (!m.bad && from_actor(ev, get(&m, "source", 0), &e->source, 0) < 0)
		m.bad = 1, m.why = "source";
	if (!m.bad && from_actor(ev, get(&m, "target", 0), &e->target, 0) < 0)
		m.bad = 1, m.why = "target";
	take_str(ev, &m, "date", &e->date);
	take_str(ev, &m, "date_source", &e->date_source);
	if (!m.bad && from_place(ev, get(&m, "location", 0), &e->location) < 0)
		m.bad = 1, m.why = "location";
	take_int(&m, "sentence", &e->sentence, NULL);
	take_str(ev, &m, "trigger", &e->trigger);
	take_int(&m, "trigger_start", &e->trigger_start, NULL);
	take_int(&m, "trigger_end", &e->trigger_end, NULL);
	take_bool(&m, "negated", &e->negated);
	take_bool(&m, "hypothetical", &e->hypothetical);
	take_bool(&m, "reported", &e->reported);
	take_bool(&m, "symmetric", &e->symmetric);
	const json_t *sp = get(&m, "speaker", 1);
	if (sp && (json_is_null(sp) || from_actor(ev, sp, &e->speaker, 1) < 0))
		m.bad = 1, m.why = "speaker";
	if (!m.bad && m.it)
		m.bad = 1, m.why = json_object_iter_key(m.it);
	*why = m.why;
	return m.bad ? -1 : 0;
}

int af_events_actor_json(struct af_events *ev, const char *json, size_t len, struct af_ev_actor *a)
{
	memset(a, 0, sizeof *a);
	json_t *v = json_loadb(json, len, JSON_ALLOW_NUL, NULL);
	if (!v)
		return -1;
	int rc = from_actor(ev, v, a, 1);
	json_decref(v);
	return rc;
}

/* The events of a jansson array of event objects appended to ev: 0, or -1 with err when an
 * object is not of af(7)'s shape (an unknown member, one out of order, or of another type):
 * nothing of it is then taken. */
static int events_from_json(struct af_events *ev, const json_t *events, struct af_error *err)
{
	if (!json_is_array(events)) {
		af_error_set(err, "events: expected an array");
		return -1;
	}
	size_t n0 = ev->n, s0 = ev->str.len;
	for (size_t i = 0; i < json_array_size(events); i++) {
		const char *why = NULL;
		if (from_event(ev, json_array_get(events, i), &why) < 0) {
			af_error_set(err, "events[%zu]: member '%s' is not where or what af(7) says", i, why ? why : "?");
			ev->n = n0;
			ev->str.len = s0;
			return -1;
		}
	}
	return 0;
}

int af_field_events(const struct af_record *r, struct af_events *ev, struct af_error *err)
{
	af_events_reset(ev);
	const struct af_field *f = af_record_field(r, "events");
	if (!f)
		return 0;
	json_error_t jerr;
	json_t *v = json_loadb(f->val, f->vlen, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	int rc = events_from_json(ev, v, err);
	json_decref(v);
	return rc;
}
