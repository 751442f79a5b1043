/* view.c - af-view's HTML report (docs/af-view.1).
 *
 * The page is built from the records alone: no template file, no external resource. Text
 * offsets in records count code points (docs/af.7), so each article's text gets a table from
 * code points to bytes before its marks are placed. Marks nest: a quote holds the entities
 * and triggers inside it; a span that crosses the end of one it starts inside is cut at that
 * end (and says so on hover), so every mention, quote and trigger is exactly one element.
 * Every string from a record goes through af_html_escape, and the page's own script reads
 * only attributes: no record data is ever placed inside <script>. */
#include "af/view.h"
#include "af/events.h"
#include "af/text.h"
#include "af/utf8.h"
#include "af/util.h"
#include "view_int.h"

#include <stdlib.h>
#include <string.h>

struct af_view {
	char *title;
	json_t **recs;
	size_t n, cap;
};

struct af_view *af_view_new(const char *title)
{
	struct af_view *v = af_calloc(1, sizeof *v);
	v->title = af_strdup(title ? title : "af report");
	return v;
}

void af_view_free(struct af_view *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		json_decref(v->recs[i]);
	free(v->recs);
	free(v->title);
	free(v);
}

void af_view_add(struct af_view *v, json_t *rec)
{
	if (v->n == v->cap)
		v->recs = af_grow(v->recs, &v->cap, v->n + 1, sizeof *v->recs);
	v->recs[v->n++] = rec;
}

size_t af_view_count(const struct af_view *v)
{
	return v->n;
}

/* ---- escaping and small writers ---- */

void af_html_escape(struct af_buf *out, const char *s, size_t n)
{
	size_t run = 0; /* start of the bytes not yet copied */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': case '\n': case '\r': break;
		default:
			if (c < 0x20 || c == 0x7f)
				rep = "\xEF\xBF\xBD";
			/* C1 controls (U+0080..U+009F: C2 80..C2 9F) likewise */
			else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
			         (unsigned char)s[i + 1] <= 0x9F) {
				af_buf_add(out, s + run, i - run);
				af_buf_adds(out, "\xEF\xBF\xBD");
				i++;
				run = i + 1;
				continue;
			}
		}
		if (rep) {
			af_buf_add(out, s + run, i - run);
			af_buf_adds(out, rep);
			run = i + 1;
		}
	}
	af_buf_add(out, s + run, n - run);
}

void vw_esc(struct af_buf *b, const char *s)
{
	af_html_escape(b, s, strlen(s));
}

/* a JSON string value's bytes (may hold NUL), or NULL */
static const char *jstr(const json_t *o, const char *key, size_t *len)
{
	json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
	if (!json_is_string(v))
		return NULL;
	if (len)
		*len = json_string_length(v);
	return json_string_value(v);
}

const char *vw_jstr0(const json_t *o, const char *key)
{
	const char *s = jstr(o, key, NULL);
	return s && *s ? s : NULL;
}

/* an offset: an integer in [0, max] */
static int joff(const json_t *o, const char *key, size_t max, size_t *out)
{
	json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;
	if (!json_is_integer(v) || json_integer_value(v) < 0 || (unsigned long long)json_integer_value(v) > (unsigned long long)max)
		return -1;
	*out = (size_t)json_integer_value(v);
	return 0;
}

/* any JSON value as text: strings as they are, the rest as compact JSON, long ones cut */
static void scalar_text(struct af_buf *b, const json_t *v)
{
	if (json_is_string(v)) {
		af_html_escape(b, json_string_value(v), json_string_length(v));
		return;
	}
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!s)
		return;
	size_t n = strlen(s);
	if (n > 400) {
		n = 400;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	af_html_escape(b, s, n);
	if (n < strlen(s))
		af_buf_adds(b, "\xE2\x80\xA6");
	free(s);
}

static int in_list(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(key, *list) == 0)
			return 1;
	return 0;
}

/* an actor's short name for filters and pairs: its code, else its name, else "?" */
const char *vw_actor_key(const json_t *a)
{
	const char *s;
	if ((s = vw_jstr0(a, "actor")) || (s = vw_jstr0(a, "code")) || (s = vw_jstr0(a, "canonical")) ||
	    (s = vw_jstr0(a, "text")))
		return s;
	return "?";
}

static const char *actor_name(const json_t *a)
{
	const char *s;
	if ((s = vw_jstr0(a, "canonical")) || (s = vw_jstr0(a, "text")))
		return s;
	return NULL;
}

/* the CAMEO root of an event: its "root", else the first two digits of "code" */
void vw_event_root(const json_t *e, char root[8])
{
	const char *r = vw_jstr0(e, "root"), *c = vw_jstr0(e, "code");
	root[0] = 0;
	if (r && strlen(r) < 8)
		strcpy(root, r);
	else if (c && strlen(c) >= 2) {
		memcpy(root, c, 2);
		root[2] = 0;
	}
}

/* ---- one article's text with its marks ---- */

enum span_kind { SP_QUOTE, SP_ENT, SP_TRIG };

struct span {
	size_t s, e;         /* code points */
	enum span_kind kind; /* also the nesting priority: quotes outside */
	size_t idx;          /* index in its array */
};

static int span_cmp(const void *pa, const void *pb)
{
	const struct span *a = pa, *b = pb;
	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	if (a->e != b->e)
		return a->e > b->e ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void art_init(struct art *a, size_t no, const json_t *rec)
{
	memset(a, 0, sizeof *a);
	a->no = no;
	a->rec = rec;
	a->text = jstr(rec, "text", &a->tlen);
	a->ents = json_object_get(rec, "entities");
	a->quotes = json_object_get(rec, "quotes");
	a->events = json_object_get(rec, "events");
	if (!json_is_array(a->ents))
		a->ents = NULL;
	if (!json_is_array(a->quotes))
		a->quotes = NULL;
	if (!json_is_array(a->events))
		a->events = NULL;
	if (!a->text)
		return;
	a->ncp = af_utf8_len(a->text, a->tlen);
	a->cp2b = af_malloc((a->ncp + 1) * sizeof *a->cp2b);
	size_t i = 0, k = 0;
	while (i < a->tlen) {
		a->cp2b[k++] = i;
		af_utf8_next(a->text, &i);
	}
	a->cp2b[k] = a->tlen;
	a->ncp = k;
}

static void art_free(struct art *a)
{
	free(a->cp2b);
	if (a->have_sents)
		af_sentences_free(&a->sents);
}

/* the text between code points s and e */
static void text_cp(struct af_buf *b, const struct art *a, size_t s, size_t e)
{
	af_html_escape(b, a->text + a->cp2b[s], a->cp2b[e] - a->cp2b[s]);
}

/* the hover text of an entity: its type, then every other field but text and offsets */
static void entity_title(struct af_buf *b, const json_t *en)
{
	static const char *const skip[] = {"text", "start", "end", "type", NULL};
	const char *type = vw_jstr0(en, "type");
	vw_esc(b, type ? type : "entity");
	const char *key;
	json_t *val;
	json_object_foreach((json_t *)en, key, val) {
		if (in_list(key, skip) || json_is_null(val))
			continue;
		af_buf_adds(b, "&#10;");
		vw_esc(b, key);
		af_buf_adds(b, ": ");
		scalar_text(b, val);
	}
}

static void open_span(struct af_buf *b, const struct art *a, const struct span *sp, int cut)
{
	if (sp->kind == SP_ENT) {
		const json_t *en = json_array_get(a->ents, sp->idx);
		const char *type = vw_jstr0(en, "type");
		af_buf_printf(b, "<mark class=\"ent\" data-i=\"%zu\" data-type=\"", sp->idx);
		vw_esc(b, type ? type : "");
		af_buf_adds(b, "\" title=\"");
		entity_title(b, en);
		if (cut)
			af_buf_adds(b, "&#10;(mark cut where it crosses another)");
		af_buf_adds(b, "\">");
	} else if (sp->kind == SP_QUOTE) {
		const json_t *q = json_array_get(a->quotes, sp->idx);
		const json_t *spk = json_object_get(q, "speaker");
		const char *who = actor_name(spk), *kind = vw_jstr0(q, "kind"), *cue = vw_jstr0(q, "cue");
		af_buf_printf(b, "<span class=\"quote\" data-i=\"%zu\" data-kind=\"", sp->idx);
		vw_esc(b, kind ? kind : "");
		af_buf_adds(b, "\" data-speaker=\"");
		vw_esc(b, who ? who : "(no speaker)");
		af_buf_adds(b, "\" title=\"quote");
		if (kind) {
			af_buf_adds(b, " (");
			vw_esc(b, kind);
			af_buf_adds(b, ")");
		}
		af_buf_adds(b, "&#10;speaker: ");
		vw_esc(b, who ? who : "(none found)");
		if (cue) {
			af_buf_adds(b, "&#10;cue: ");
			vw_esc(b, cue);
		}
		if (cut)
			af_buf_adds(b, "&#10;(mark cut where it crosses another)");
		af_buf_adds(b, "\">");
	} else {
		const json_t *e = json_array_get(a->events, sp->idx);
		const char *code = vw_jstr0(e, "code"), *label = vw_jstr0(e, "label");
		af_buf_printf(b, "<mark class=\"trig\" id=\"a%zu-t%zu\" data-i=\"%zu\" title=\"", a->no, sp->idx,
		              sp->idx);
		vw_esc(b, code ? code : "?");
		if (label) {
			af_buf_addc(b, ' ');
			vw_esc(b, label);
		}
		const char *sn = actor_name(json_object_get(e, "source")), *tn = actor_name(json_object_get(e, "target"));
		af_buf_adds(b, "&#10;");
		vw_esc(b, sn ? sn : "?");
		af_buf_adds(b, " \xE2\x86\x92 ");
		vw_esc(b, tn ? tn : "?");
		if (cut)
			af_buf_adds(b, "&#10;(mark cut where it crosses another)");
		af_buf_adds(b, "\">");
	}
}

static void close_span(struct af_buf *b, enum span_kind k)
{
	af_buf_adds(b, k == SP_QUOTE ? "</span>" : "</mark>");
}

/* the span of array element el from its start/end keys, or -1 */
static int get_span(const struct art *a, const json_t *el, const char *ks, const char *ke, size_t *s, size_t *e)
{
	if (joff(el, ks, a->ncp, s) < 0 || joff(el, ke, a->ncp, e) < 0 || *e <= *s)
		return -1;
	return 0;
}

static void render_text(struct af_buf *b, struct art *a)
{
	size_t nsp = json_array_size(a->ents) + json_array_size(a->quotes) + json_array_size(a->events);
	struct span *sp = af_malloc((nsp ? nsp : 1) * sizeof *sp);
	size_t n = 0, i;
	json_t *el;
	json_array_foreach(a->quotes, i, el)
		if (get_span(a, el, "start", "end", &sp[n].s, &sp[n].e) == 0) {
			sp[n].kind = SP_QUOTE, sp[n].idx = i, n++;
			a->nshown_quotes++;
		}
	json_array_foreach(a->ents, i, el)
		if (get_span(a, el, "start", "end", &sp[n].s, &sp[n].e) == 0) {
			sp[n].kind = SP_ENT, sp[n].idx = i, n++;
			a->nshown_ents++;
		}
	json_array_foreach(a->events, i, el)
		if (get_span(a, el, "trigger_start", "trigger_end", &sp[n].s, &sp[n].e) == 0) {
			sp[n].kind = SP_TRIG, sp[n].idx = i, n++;
			a->nshown_trigs++;
		}
	qsort(sp, n, sizeof *sp, span_cmp);
	struct open {
		size_t e;
		enum span_kind k;
	} *stack = af_malloc((n ? n : 1) * sizeof *stack);
	size_t depth = 0, pos = 0;
	af_buf_printf(b, "<div class=\"text\" dir=\"auto\" id=\"a%zu-text\">", a->no);
	for (size_t k = 0; k < n; k++) {
		while (depth && stack[depth - 1].e <= sp[k].s) {
			text_cp(b, a, pos, stack[depth - 1].e);
			pos = stack[depth - 1].e;
			close_span(b, stack[--depth].k);
		}
		text_cp(b, a, pos, sp[k].s);
		pos = sp[k].s;
		size_t e = sp[k].e;
		int cut = depth && e > stack[depth - 1].e;
		if (cut)
			e = stack[depth - 1].e;
		open_span(b, a, &sp[k], cut);
		stack[depth].e = e;
		stack[depth++].k = sp[k].kind;
	}
	while (depth) {
		text_cp(b, a, pos, stack[depth - 1].e);
		pos = stack[depth - 1].e;
		close_span(b, stack[--depth].k);
	}
	text_cp(b, a, pos, a->ncp);
	af_buf_adds(b, "</div>\n");
	free(stack);
	free(sp);
}

/* ---- the side panel ---- */

static void meta_row(struct af_buf *b, const char *name, const json_t *v)
{
	if (!v || json_is_null(v))
		return;
	af_buf_adds(b, "<dt>");
	vw_esc(b, name);
	af_buf_adds(b, "</dt><dd><bdi>");
	if (json_is_array(v)) {
		size_t i;
		json_t *el;
		json_array_foreach(v, i, el) {
			if (i)
				af_buf_adds(b, ", ");
			scalar_text(b, el);
		}
		if (!json_array_size(v))
			af_buf_adds(b, "\xE2\x80\x94");
	} else if (json_is_object(v)) {
		const char *key;
		json_t *val;
		int first = 1;
		json_object_foreach((json_t *)v, key, val) {
			if (!first)
				af_buf_adds(b, "; ");
			first = 0;
			vw_esc(b, key);
			af_buf_adds(b, ": ");
			scalar_text(b, val);
		}
	} else
		scalar_text(b, v);
	af_buf_adds(b, "</bdi></dd>");
}

static void render_meta(struct af_buf *b, const struct art *a)
{
	static const char *const order[] = {"id", "title", "source", "authors", "published", "updated",
	                                    "dateline", "url", "lang", NULL};
	static const char *const never[] = {"text", "raw", "html", "entities", "quotes", "events", "removed",
	                                    "sentences", "af", NULL};
	af_buf_adds(b, "<section class=\"meta\"><h3>Metadata</h3><dl>");
	for (size_t i = 0; order[i]; i++)
		meta_row(b, order[i], json_object_get(a->rec, order[i]));
	const char *key;
	json_t *val;
	json_object_foreach((json_t *)a->rec, key, val)
		if (!in_list(key, order) && !in_list(key, never))
			meta_row(b, key, val);
	json_t *af = json_object_get(a->rec, "af");
	if (json_is_object(af)) {
		meta_row(b, "af version", json_object_get(af, "version"));
		meta_row(b, "stages", json_object_get(af, "stages"));
	}
	af_buf_printf(b, "<dt>text</dt><dd>");
	if (a->text)
		af_buf_printf(b, "%zu characters", a->ncp);
	else
		af_buf_adds(b, "none (run af-clean first)");
	af_buf_adds(b, "</dd></dl>");
	/* counts of what is shown, and what could not be placed */
	af_buf_printf(b, "<p class=\"counts\"><span class=\"n-ent\">%zu</span> entities, "
	                 "<span class=\"n-quote\">%zu</span> quotes, <span class=\"n-ev\">%zu</span> events",
	              json_array_size(a->ents), json_array_size(a->quotes), json_array_size(a->events));
	size_t lost = json_array_size(a->ents) - a->nshown_ents + json_array_size(a->quotes) - a->nshown_quotes;
	if (a->text && lost)
		af_buf_printf(b, "; <span class=\"unplaced\">%zu</span> without a valid span in the text", lost);
	af_buf_adds(b, "</p>");
	/* the entity types present, as a legend */
	if (json_array_size(a->ents)) {
		af_buf_adds(b, "<p class=\"legend\">");
		const char *seen[64];
		size_t nseen = 0, i;
		json_t *el;
		json_array_foreach(a->ents, i, el) {
			const char *t = vw_jstr0(el, "type");
			if (!t)
				t = "";
			size_t k = 0;
			while (k < nseen && strcmp(seen[k], t))
				k++;
			if (k < nseen || nseen == 64)
				continue;
			seen[nseen++] = t;
			size_t cnt = 0, j;
			json_t *o;
			json_array_foreach(a->ents, j, o) {
				const char *u = vw_jstr0(o, "type");
				cnt += strcmp(u ? u : "", t) == 0;
			}
			af_buf_adds(b, "<mark class=\"key\" data-type=\"");
			vw_esc(b, t);
			af_buf_adds(b, "\">");
			vw_esc(b, *t ? t : "(no type)");
			af_buf_printf(b, " %zu</mark> ", cnt);
		}
		af_buf_adds(b, "</p>");
	}
	af_buf_adds(b, "</section>\n");
}

static void render_removed(struct af_buf *b, const struct art *a)
{
	json_t *rm = json_object_get(a->rec, "removed");
	if (!json_is_array(rm))
		return;
	af_buf_printf(b, "<section class=\"removed\"><details><summary>Removed by af-clean (%zu)</summary><ul>",
	              json_array_size(rm));
	size_t i;
	json_t *el;
	json_array_foreach(rm, i, el) {
		const char *kind = vw_jstr0(el, "kind");
		size_t len;
		const char *t = jstr(el, "text", &len);
		af_buf_adds(b, "<li><span class=\"kind\">");
		vw_esc(b, kind ? kind : "?");
		af_buf_adds(b, "</span> <bdi>");
		if (t)
			af_html_escape(b, t, len);
		else
			scalar_text(b, el);
		af_buf_adds(b, "</bdi></li>");
	}
	af_buf_adds(b, "</ul></details></section>\n");
}

void vw_actor_cell(struct af_buf *b, const json_t *act)
{
	af_buf_adds(b, "<td>");
	if (!json_is_object(act)) {
		af_buf_adds(b, "\xE2\x80\x94</td>");
		return;
	}
	const char *t = vw_jstr0(act, "text"), *c = vw_jstr0(act, "canonical"), *code = vw_jstr0(act, "actor");
	af_buf_adds(b, "<bdi>");
	vw_esc(b, t ? t : c ? c : "?");
	af_buf_adds(b, "</bdi>");
	if (code) {
		af_buf_adds(b, " <code>");
		vw_esc(b, code);
		af_buf_adds(b, "</code>");
	}
	if (c && t && strcmp(c, t)) {
		af_buf_adds(b, "<br><small>= <bdi>");
		vw_esc(b, c);
		af_buf_adds(b, "</bdi></small>");
	}
	af_buf_adds(b, "</td>");
}

/* the sentence holding code point cp, by the text layer's splitter (the one af-events uses) */
static const struct af_sentence *sentence_at(struct art *a, size_t cp)
{
	if (!a->have_sents) {
		struct af_tokens toks = {0};
		struct af_error err;
		memset(&a->sents, 0, sizeof a->sents);
		a->have_sents = 1;
		if (af_tokenize(a->text, a->tlen, &toks, &err) < 0 ||
		    af_sentences(a->text, a->tlen, &toks, &a->sents, &err) < 0)
			a->sents.n = 0;
		af_tokens_free(&toks);
	}
	size_t lo = 0, hi = a->sents.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->sents.v[mid].cend <= cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < a->sents.n && a->sents.v[lo].cstart <= cp ? &a->sents.v[lo] : NULL;
}

static void render_sentence(struct af_buf *b, struct art *a, const json_t *e)
{
	size_t ts, te;
	if (!a->text || get_span(a, e, "trigger_start", "trigger_end", &ts, &te) < 0) {
		json_t *si = json_object_get(e, "sentence");
		if (json_is_integer(si))
			af_buf_printf(b, "sentence %lld", (long long)json_integer_value(si));
		const char *tr = vw_jstr0(e, "trigger");
		if (tr) {
			af_buf_adds(b, " <b>");
			vw_esc(b, tr);
			af_buf_adds(b, "</b>");
		}
		return;
	}
	const struct af_sentence *s = sentence_at(a, ts);
	size_t ss = s ? s->cstart : ts, se = s ? s->cend : te;
	if (te > se)
		se = te;
	if (se - ss > 600) { /* a runaway "sentence": the trigger with some context */
		ss = ts > ss + 200 ? ts - 200 : ss;
		se = te + 200 < se ? te + 200 : se;
	}
	af_buf_adds(b, "<bdi>");
	text_cp(b, a, ss, ts);
	af_buf_adds(b, "<b>");
	text_cp(b, a, ts, te);
	af_buf_adds(b, "</b>");
	text_cp(b, a, te, se);
	af_buf_adds(b, "</bdi>");
}

void vw_ev_attrs(struct af_buf *b, const json_t *e)
{
	char root[8];
	vw_event_root(e, root);
	af_buf_adds(b, " data-ev data-src=\"");
	vw_esc(b, vw_actor_key(json_object_get(e, "source")));
	af_buf_adds(b, "\" data-tgt=\"");
	vw_esc(b, vw_actor_key(json_object_get(e, "target")));
	af_buf_adds(b, "\" data-root=\"");
	vw_esc(b, root);
	af_buf_adds(b, "\"");
	json_t *q = json_object_get(e, "quad");
	if (json_is_integer(q))
		af_buf_printf(b, " data-quad=\"%lld\"", (long long)json_integer_value(q));
}

static const char *const ev_known[] = {"code", "root", "label", "quad", "goldstein", "plover", "source",
                                       "target", "date", "date_source", "location", "sentence", "trigger",
                                       "trigger_start", "trigger_end", "speaker", NULL};

static void render_events(struct af_buf *b, struct art *a)
{
	if (!a->events) {
		af_buf_adds(b, "<section class=\"events\"><h3>Events</h3><p>none coded (af-events not run)</p></section>\n");
		return;
	}
	af_buf_printf(b, "<section class=\"events\"><h3>Events (%zu)</h3>", json_array_size(a->events));
	if (!json_array_size(a->events)) {
		af_buf_adds(b, "<p>none found</p></section>\n");
		return;
	}
	af_buf_adds(b, "<table class=\"evtable\"><thead><tr><th>#</th><th>date</th><th>source</th><th>event</th>"
	               "<th>target</th><th>flags</th><th>sentence</th></tr></thead><tbody>\n");
	size_t i;
	json_t *e;
	json_array_foreach(a->events, i, e) {
		af_buf_printf(b, "<tr class=\"ev\" id=\"a%zu-e%zu\"", a->no, i);
		vw_ev_attrs(b, e);
		size_t ts, te;
		if (a->text && get_span(a, e, "trigger_start", "trigger_end", &ts, &te) == 0)
			af_buf_printf(b, "><td><a href=\"#a%zu-t%zu\">%zu</a></td><td>", a->no, i, i + 1);
		else
			af_buf_printf(b, "><td>%zu</td><td>", i + 1);
		const char *date = vw_jstr0(e, "date");
		vw_esc(b, date ? date : "\xE2\x80\x94");
		json_t *ds = json_object_get(e, "date_source");
		if (ds && !json_is_null(ds)) {
			af_buf_adds(b, "<br><small>");
			scalar_text(b, ds);
			af_buf_adds(b, "</small>");
		}
		af_buf_adds(b, "</td>");
		vw_actor_cell(b, json_object_get(e, "source"));
		const char *code = vw_jstr0(e, "code"), *label = vw_jstr0(e, "label"), *plover = vw_jstr0(e, "plover");
		if (!label && code) {
			const struct af_cameo *cm = af_cameo_find(code);
			label = cm ? cm->label : NULL;
		}
		af_buf_adds(b, "<td><code>");
		vw_esc(b, code ? code : "?");
		af_buf_adds(b, "</code> ");
		vw_esc(b, label ? label : "");
		json_t *q = json_object_get(e, "quad"), *g = json_object_get(e, "goldstein");
		if (plover || json_is_number(q) || json_is_number(g)) {
			af_buf_adds(b, "<br><small>");
			if (plover) {
				vw_esc(b, plover);
				af_buf_adds(b, " ");
			}
			if (json_is_integer(q))
				af_buf_printf(b, "quad %lld ", (long long)json_integer_value(q));
			if (json_is_number(g))
				af_buf_printf(b, "goldstein %g", json_number_value(g));
			af_buf_adds(b, "</small>");
		}
		af_buf_adds(b, "</td>");
		vw_actor_cell(b, json_object_get(e, "target"));
		/* flags: every true boolean, then any field this version does not know */
		af_buf_adds(b, "<td class=\"flags\">");
		const char *key;
		json_t *val;
		json_object_foreach(e, key, val)
			if (json_is_true(val)) {
				af_buf_adds(b, "<span class=\"flag\">");
				vw_esc(b, key);
				af_buf_adds(b, "</span> ");
			}
		const json_t *spk = json_object_get(e, "speaker");
		if (json_is_object(spk) && actor_name(spk)) {
			af_buf_adds(b, "<small>by <bdi>");
			vw_esc(b, actor_name(spk));
			af_buf_adds(b, "</bdi></small> ");
		}
		const json_t *loc = json_object_get(e, "location");
		if (json_is_object(loc) && vw_jstr0(loc, "text")) {
			af_buf_adds(b, "<small>in <bdi>");
			vw_esc(b, vw_jstr0(loc, "text"));
			af_buf_adds(b, "</bdi></small> ");
		}
		json_object_foreach(e, key, val)
			if (!in_list(key, ev_known) && !json_is_boolean(val) && !json_is_null(val)) {
				af_buf_adds(b, "<small class=\"extra\">");
				vw_esc(b, key);
				af_buf_adds(b, ": ");
				scalar_text(b, val);
				af_buf_adds(b, "</small> ");
			}
		af_buf_adds(b, "</td><td class=\"sent\">");
		render_sentence(b, a, e);
		af_buf_adds(b, "</td></tr>\n");
	}
	af_buf_adds(b, "</tbody></table></section>\n");
}

static void render_article(struct af_buf *b, struct art *a)
{
	const char *title = vw_jstr0(a->rec, "title"), *id = vw_jstr0(a->rec, "id");
	af_buf_printf(b, "<article class=\"art\" id=\"a%zu\"><h2><span class=\"no\">%zu</span> <bdi>", a->no,
	              a->no + 1);
	vw_esc(b, title ? title : id ? id : "(untitled)");
	af_buf_adds(b, "</bdi></h2>\n<div class=\"cols\">");
	if (a->text)
		render_text(b, a);
	else
		af_buf_adds(b, "<div class=\"text none\">This record has no text (run af-clean first).</div>\n");
	af_buf_adds(b, "<aside>");
	render_meta(b, a);
	render_removed(b, a);
	render_events(b, a);
	af_buf_adds(b, "</aside></div></article>\n");
}

/* ---- the page ---- */

static const char css[] =
	":root{--fg:#1d1d1f;--mut:#666;--line:#ddd;font:15px/1.5 system-ui,sans-serif;color:var(--fg)}\n"
	"body{margin:0 auto;max-width:1500px;padding:0 1.2em 3em}\n"
	"h1{font-size:1.5em;margin:.6em 0 .2em}h2{font-size:1.2em;margin:1.4em 0 .4em}"
	"h3{font-size:1em;margin:.8em 0 .3em}\n"
	"[hidden]{display:none!important}\n"
	".summary,.counts,small{color:var(--mut)}\n"
	".art{border-top:2px solid var(--line);margin-top:1.5em}\n"
	".art .no{color:var(--mut);font-weight:normal}\n"
	".cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5em}\n"
	"@media (max-width:900px){.cols{grid-template-columns:1fr}}\n"
	".text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.75}\n"
	"mark{unicode-bidi:isolate;border-radius:3px;padding:0 1px;background:#eee;color:inherit}\n"
	"mark[data-type=PERSON]{background:#ffd9a8}mark[data-type=ORG]{background:#b9e0ff}\n"
	"mark[data-type=LOC]{background:#c5efc0}mark[data-type=NORP]{background:#e7cffc}\n"
	"mark[data-type=DATE]{background:#f3f0a8}mark[data-type=MISC]{background:#e3e3e3}\n"
	"mark.trig{background:none;border-bottom:3px solid #d7263d;font-weight:600}\n"
	"mark.trig:target,tr:target{outline:2px solid #d7263d}\n"
	".quote{unicode-bidi:isolate;background:#f1edff;border-left:3px solid #7b61ff;padding-left:2px}\n"
	".quote[data-kind=direct]{border-left-color:#2b8a3e}.quote[data-kind=indirect]{border-left-color:#aaa}\n"
	".quote::after{content:\" \\2014 \" attr(data-speaker);font-size:.78em;color:#7b61ff;font-weight:600}\n"
	"aside{overflow-x:auto}aside dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8em;margin:0}\n"
	"aside dt{color:var(--mut)}aside dd{margin:0;overflow-wrap:anywhere}\n"
	".removed li{overflow-wrap:anywhere}.kind{font-family:monospace;color:#a61e4d}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9em}\n"
	"th,td{border-bottom:1px solid var(--line);padding:.2em .4em;text-align:left;vertical-align:top}\n"
	"td.sent{min-width:14em}.flag{font-size:.8em;background:#fff3bf;border-radius:3px;padding:0 3px}\n"
	".filters{margin:.5em 0}.tracks{margin:.6em 0 1em}\n"
	".axis{display:flex;justify-content:space-between;margin-left:14em;color:var(--mut);font-size:.8em}\n"
	".pair{display:flex;align-items:center;height:1.4em}\n"
	".pl{width:14em;flex:none;font-size:.8em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}\n"
	".track{position:relative;flex:1;height:2px;background:var(--line)}\n"
	".dot{position:absolute;top:-5px;width:10px;height:10px;margin-left:-5px;border-radius:50%;background:#555}\n"
	".dot.approx{opacity:.45}.dot[data-quad=\"1\"]{background:#2b8a3e}.dot[data-quad=\"2\"]{background:#1971c2}\n"
	".dot[data-quad=\"3\"]{background:#e8590c}.dot[data-quad=\"4\"]{background:#c92a2a}\n";

/* The filters: rows, dots and table rows carry data-src, data-tgt and data-root; the page
 * address may preset them (report.html?actor=AFGGOV&root=19). */
static const char js[] =
	"(function(){\n"
	"var A=document.getElementById('f-actor'),R=document.getElementById('f-root'),"
	"C=document.getElementById('f-count');\n"
	"function run(){var a=A?A.value:'',r=R?R.value:'',n=0,t=0;\n"
	"document.querySelectorAll('[data-ev]').forEach(function(e){\n"
	"var ok=(!a||e.getAttribute('data-src')===a||e.getAttribute('data-tgt')===a)&&"
	"(!r||e.getAttribute('data-root')===r);\n"
	"e.hidden=!ok;if(e.classList.contains('tl-row')){t++;if(ok)n++;}});\n"
	"document.querySelectorAll('.pair').forEach(function(p){p.hidden=!p.querySelector('.dot:not([hidden])');});\n"
	"if(C)C.textContent=n+' of '+t+' events';}\n"
	"var q=new URLSearchParams(location.search);\n"
	"if(A&&q.get('actor'))A.value=q.get('actor');if(R&&q.get('root'))R.value=q.get('root');\n"
	"if(A)A.addEventListener('change',run);if(R)R.addEventListener('change',run);run();})();\n";

void af_view_render(const struct af_view *v, struct af_buf *b)
{
	struct af_error err;
	af_cameo_init(&err); /* labels for codes without one; the report goes on without them */
	struct art *arts = af_malloc((v->n ? v->n : 1) * sizeof *arts);
	size_t ne = 0, nq = 0, nv = 0;
	for (size_t i = 0; i < v->n; i++) {
		art_init(&arts[i], i, v->recs[i]);
		ne += json_array_size(arts[i].ents);
		nq += json_array_size(arts[i].quotes);
		nv += json_array_size(arts[i].events);
	}
	af_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	               "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
	               "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
	               "<meta name=\"generator\" content=\"af-view " AF_VERSION "\">\n<title>");
	vw_esc(b, v->title);
	af_buf_adds(b, "</title>\n<style>\n");
	af_buf_adds(b, css);
	af_buf_adds(b, "</style></head>\n<body>\n<header><h1><bdi>");
	vw_esc(b, v->title);
	af_buf_printf(b, "</bdi></h1><p class=\"summary\"><span id=\"n-articles\">%zu</span> article%s, "
	                 "<span id=\"n-entities\">%zu</span> entity mentions, <span id=\"n-quotes\">%zu</span> "
	                 "quotes, <span id=\"n-events\">%zu</span> events</p></header>\n",
	              v->n, v->n == 1 ? "" : "s", ne, nq, nv);
	if (v->n > 1) {
		vw_render_index(b, arts, v->n);
		vw_render_timeline(b, arts, v->n);
	}
	af_buf_adds(b, "<main>\n");
	for (size_t i = 0; i < v->n; i++) {
		render_article(b, &arts[i]);
		art_free(&arts[i]);
	}
	af_buf_adds(b, "</main>\n<script>\n");
	af_buf_adds(b, js);
	af_buf_adds(b, "</script>\n</body></html>\n");
	free(arts);
}
