/* fields_events.c - the "events" field (fields.h): a typed array of events and its one writer
 * (af(7)'s members in their order, compact, as af_record_write writes JSON); its reader is
 * fields.c's, beside the other fields'. */
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
	if (a->json.set) { /* an upstream stage's object, in af's form since it was read */
		af_buf_add(out, ev->str.p + a->json.off, a->json.len);
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
	if (e->rule.set) {
		key(out, "rule", 0);
		str(out, ev, e->rule);
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
