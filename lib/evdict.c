/* evdict.c - reading event dictionaries: PETRARCH-2 and TABARI/PETRARCH-1 verb pattern files,
 * Phoenix/TABARI actors with date-restricted codes, agents, discards, and af's YAML format
 * (docs/dictionaries.md). Every mistake is an error "file:line: what is wrong". */
#include "events_int.h"

#include "af/data.h"
#include "af/yaml.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* the compiled-in data this module reads */
AF_DATA_USE(events_verbs_bin);
AF_DATA_USE(events_actors_bin);
AF_DATA_USE(events_agents_bin);
AF_DATA_USE(events_discards_bin);
AF_DATA_USE(events_yaml);
AF_DATA_USE(events_afghanistan_yaml);

/* ---- interned words ---- */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

int ev_wtab_get(const struct ev_wtab *t, const char *s, size_t n)
{
	if (!t->cap)
		return -1;
	size_t i = hash_bytes(s, n) & (t->cap - 1);
	while (t->keys[i]) {
		if (!strncmp(t->keys[i], s, n) && t->keys[i][n] == 0)
			return t->ids[i];
		i = (i + 1) & (t->cap - 1);
	}
	return -1;
}

static void wtab_grow(struct ev_wtab *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 1024;
	char **keys = af_calloc(ncap, sizeof *keys);
	int *ids = af_calloc(ncap, sizeof *ids);
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->keys[i])
			continue;
		size_t j = hash_bytes(t->keys[i], strlen(t->keys[i])) & (ncap - 1);
		while (keys[j])
			j = (j + 1) & (ncap - 1);
		keys[j] = t->keys[i];
		ids[j] = t->ids[i];
	}
	free(t->keys);
	free(t->ids);
	t->keys = keys;
	t->ids = ids;
	t->cap = ncap;
}

int ev_wtab_add(struct ev_wtab *t, const char *s, size_t n)
{
	int id = ev_wtab_get(t, s, n);
	if (id >= 0)
		return id;
	if ((t->n + 1) * 2 > t->cap)
		wtab_grow(t);
	size_t i = hash_bytes(s, n) & (t->cap - 1);
	while (t->keys[i])
		i = (i + 1) & (t->cap - 1);
	t->keys[i] = af_strndup(s, n);
	t->ids[i] = (int)t->nwords;
	t->n++;
	if (t->nwords == t->wcap) {
		t->wcap = t->wcap ? t->wcap * 2 : 1024;
		t->words = af_realloc(t->words, t->wcap * sizeof *t->words);
	}
	t->words[t->nwords] = t->keys[i];
	return (int)t->nwords++;
}

/* ---- trie edges ---- */

static uint64_t mix(long long k)
{
	uint64_t x = (uint64_t)k;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

int ev_edges_get(const struct ev_edges *e, int node, int word)
{
	if (!e->cap || word < 0)
		return -1;
	long long k = ((long long)node << 32) | (unsigned)word;
	size_t i = mix(k) & (e->cap - 1);
	while (e->vals[i] >= 0) {
		if (e->keys[i] == k)
			return e->vals[i];
		i = (i + 1) & (e->cap - 1);
	}
	return -1;
}

static void edges_put(struct ev_edges *e, int node, int word, int val)
{
	if ((e->n + 1) * 2 > e->cap) {
		size_t ncap = e->cap ? e->cap * 2 : 4096;
		long long *keys = af_malloc(ncap * sizeof *keys);
		int *vals = af_malloc(ncap * sizeof *vals);
		for (size_t i = 0; i < ncap; i++)
			vals[i] = -1;
		for (size_t i = 0; i < e->cap; i++) {
			if (e->vals[i] < 0)
				continue;
			size_t j = mix(e->keys[i]) & (ncap - 1);
			while (vals[j] >= 0)
				j = (j + 1) & (ncap - 1);
			keys[j] = e->keys[i];
			vals[j] = e->vals[i];
		}
		free(e->keys);
		free(e->vals);
		e->keys = keys;
		e->vals = vals;
		e->cap = ncap;
	}
	long long k = ((long long)node << 32) | (unsigned)word;
	size_t i = mix(k) & (e->cap - 1);
	while (e->vals[i] >= 0) {
		if (e->keys[i] == k) {
			e->vals[i] = val;
			return;
		}
		i = (i + 1) & (e->cap - 1);
	}
	e->keys[i] = k;
	e->vals[i] = val;
	e->n++;
}

#define GROW(arr, n, cap)                                                                          \
	do {                                                                                       \
		if ((n) == (cap)) {                                                                \
			(cap) = (cap) ? (cap) * 2 : 64;                                            \
			(arr) = af_realloc((arr), (cap) * sizeof *(arr));                          \
		}                                                                                  \
	} while (0)

int ev_flag(const int *tab, size_t cap, int id)
{
	return id >= 0 && (size_t)id < cap && tab[id];
}

static void set_flag(int **tab, size_t *cap, int id)
{
	if ((size_t)id >= *cap) {
		size_t ncap = *cap ? *cap : 256;
		while (ncap <= (size_t)id)
			ncap *= 2;
		*tab = af_realloc(*tab, ncap * sizeof **tab);
		memset(*tab + *cap, 0, (ncap - *cap) * sizeof **tab);
		*cap = ncap;
	}
	(*tab)[id] = 1;
}

struct af_evdict *af_evdict_new(void)
{
	struct af_evdict *d = af_calloc(1, sizeof *d);
	GROW(d->nodes, d->nnodes, d->nodecap);
	d->nodes[d->nnodes++] = (struct ev_node){.actor = -1, .agent = -1};
	static const char *const speech[] = {
		"SAY", "SAYS", "SAID", "SAYING", "TELL", "TELLS", "TOLD", "TELLING", "ADD", "ADDS", "ADDED",
		"CLAIM", "CLAIMS", "CLAIMED", "CLAIMING", "REPORT", "REPORTS", "REPORTED", "QUOTE", "QUOTED",
		"QUOTING", "STATE", "STATED", "ANNOUNCE", "ANNOUNCED", "INSIST", "INSISTED", "ALLEGE",
		"ALLEGED", "NOTE", "NOTED", "ACCORDING", "BELIEVE", "BELIEVED", "INDICATE", "INDICATED", NULL};
	for (int i = 0; speech[i]; i++)
		set_flag(&d->speech, &d->speechcap, ev_wtab_add(&d->w, speech[i], strlen(speech[i])));
	ev_closed_words(d);
	static const char *const pron[] = {"HE", "SHE", "HIM", "HER", NULL};
	for (int i = 0; pron[i]; i++)
		set_flag(&d->pronoun, &d->pronouncap, ev_wtab_add(&d->w, pron[i], strlen(pron[i])));
	return d;
}

static int pooled(const struct af_evdict *d, const char *p)
{
	return d->pool && p >= d->pool && p < d->pool + d->poolcap;
}

void af_evdict_free(struct af_evdict *d)
{
	if (!d)
		return;
	ev_dict_release(d);
	free(d);
}

void ev_dict_release(struct af_evdict *d)
{
	for (size_t i = 0; i < d->w.cap; i++)
		if (!pooled(d, d->w.keys[i]))
			free(d->w.keys[i]);
	free(d->w.keys);
	free(d->w.ids);
	free(d->w.words);
	free(d->edges.keys);
	free(d->edges.vals);
	free(d->nodes);
	for (size_t i = 0; i < d->nactors; i++) {
		free(d->actors[i].codes);
		if (!pooled(d, d->actors[i].canonical))
			free(d->actors[i].canonical);
	}
	free(d->actors);
	free(d->agents);
	free(d->blocks);
	free(d->verbs);
	for (size_t i = 0; i < d->npats; i++)
		free(d->pats[i].el);
	free(d->pats);
	free(d->forms);
	free(d->formhead);
	for (size_t i = 0; i < d->nsyns; i++) {
		free(d->syns[i].name);
		free(d->syns[i].alts);
		for (size_t j = 0; j < d->syns[i].nraw; j++)
			free(d->syns[i].raw[j]);
		free(d->syns[i].raw);
		free(d->syns[i].rawline);
	}
	free(d->syns);
	free(d->speech);
	free(d->pronoun);
	for (size_t i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	free(d->pool);
	memset(d, 0, sizeof *d);
}

void af_evdict_stats(const struct af_evdict *d, size_t *verbs, size_t *patterns, size_t *actors,
                     size_t *agents)
{
	if (verbs)
		*verbs = d->nverbs;
	if (patterns)
		*patterns = d->npats;
	if (actors)
		*actors = d->nactors;
	if (agents)
		*agents = d->nagents;
}

static const char *keep_file(struct af_evdict *d, const char *file)
{
	for (size_t i = 0; i < d->nfiles; i++)
		if (!strcmp(d->files[i], file))
			return d->files[i];
	d->files = af_realloc(d->files, (d->nfiles + 1) * sizeof *d->files);
	return d->files[d->nfiles++] = af_strdup(file);
}

/* ---- lines ---- */

struct rd {
	const char *buf, *file;
	size_t len, pos;
	int line, incomment;
	char *s; /* the current line, comments removed, upper-cased, trimmed on the right */
	size_t cap;
	struct af_error *err;
};

static int rd_err(struct rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int rd_err(struct rd *r, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	af_error_set(r->err, "%s:%d: %s", r->file, r->line, msg);
	return -1;
}

/* The next non-empty line; 0 at the end. Leading whitespace is kept (actor code lines). */
static int rd_next(struct rd *r)
{
	while (r->pos < r->len) {
		size_t b = r->pos, e = b;
		while (e < r->len && r->buf[e] != '\n')
			e++;
		r->pos = e < r->len ? e + 1 : e;
		r->line++;
		size_t n = e - b;
		if (n + 1 > r->cap) {
			r->cap = n + 64;
			r->s = af_realloc(r->s, r->cap);
		}
		size_t o = 0;
		for (size_t i = b; i < e; i++) {
			if (r->incomment) {
				if (i + 3 <= e && !strncmp(r->buf + i, "-->", 3)) {
					r->incomment = 0;
					i += 2;
				}
				continue;
			}
			if (r->buf[i] == '<' && i + 1 < e && r->buf[i + 1] == '!') {
				if (i + 4 <= e && !strncmp(r->buf + i, "<!--", 4)) {
					r->incomment = 1;
					i += 3;
					continue;
				}
				break; /* "<! ..." to the end of the line */
			}
			char c = r->buf[i];
			if (c == '#' && (o == 0 || isspace((unsigned char)r->s[o - 1]) || r->s[o - 1] == ']' ||
			                 r->s[o - 1] == '}'))
				break;
			if (c == '\r')
				continue;
			r->s[o++] = (char)toupper((unsigned char)c);
		}
		while (o > 0 && isspace((unsigned char)r->s[o - 1]))
			o--;
		r->s[o] = 0;
		size_t k = 0;
		while (k < o && isspace((unsigned char)r->s[k]))
			k++;
		if (k == o)
			continue;
		return 1;
	}
	return 0;
}

/* Words of a phrase ("A_B C", "{X Y}") as ids; '_' and spaces separate. Returns the count
 * (at most max), or -1 when there are more. *final gets 1 when it ends with '_'. */
static int phrase_words(struct af_evdict *d, const char *s, size_t n, int *ids, int max, int *final)
{
	int k = 0;
	size_t i = 0;
	if (final)
		*final = n > 0 && s[n - 1] == '_';
	while (i < n) {
		while (i < n && (s[i] == '_' || isspace((unsigned char)s[i]) || s[i] == '{' || s[i] == '}'))
			i++;
		size_t b = i;
		while (i < n && !(s[i] == '_' || isspace((unsigned char)s[i]) || s[i] == '{' || s[i] == '}'))
			i++;
		if (i == b)
			break;
		if (k == max)
			return -1;
		ids[k++] = ev_wtab_add(&d->w, s + b, i - b);
	}
	return k;
}

/* Regular plural of an upper-case word into out (size 64). */
static void plural(const char *w, char *out)
{
	size_t n = strlen(w);
	if (n == 0 || n > 60) {
		out[0] = 0;
		return;
	}
	if (n > 1 && w[n - 1] == 'Y' && !strchr("AEIOU", w[n - 2]))
		snprintf(out, 64, "%.*sIES", (int)(n - 1), w);
	else if (w[n - 1] == 'S' || w[n - 1] == 'X' || w[n - 1] == 'Z' ||
	         (n > 1 && (w[n - 1] == 'H') && (w[n - 2] == 'C' || w[n - 2] == 'S')))
		snprintf(out, 64, "%sES", w);
	else
		snprintf(out, 64, "%sS", w);
}

static void plurals_of(struct af_evdict *d, int word, int *out3)
{
	char p[64];
	out3[0] = out3[1] = out3[2] = -1;
	plural(d->w.words[word], p);
	if (p[0])
		out3[0] = ev_wtab_add(&d->w, p, strlen(p));
}

/* ---- actors ---- */

static int add_phrase_node(struct af_evdict *d, const int *ids, int n)
{
	int node = 0;
	for (int i = 0; i < n; i++) {
		int nx = ev_edges_get(&d->edges, node, ids[i]);
		if (nx < 0) {
			GROW(d->nodes, d->nnodes, d->nodecap);
			nx = (int)d->nnodes;
			d->nodes[d->nnodes++] = (struct ev_node){.actor = -1, .agent = -1};
			edges_put(&d->edges, node, ids[i], nx);
		}
		node = nx;
	}
	return node;
}

/* "YYMMDD" (YY <= 30 -> 20YY) or "YYYYMMDD" -> yyyymmdd; -1 when not a date. */
static long parse_date(const char *s, size_t n)
{
	char buf[16];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i]))
			continue;
		if (!isdigit((unsigned char)s[i]) || k >= 9)
			return -1;
		buf[k++] = s[i];
	}
	buf[k] = 0;
	if (k < 5)
		return -1;
	long v = strtol(buf, NULL, 10);
	if (k <= 6) {
		long yy = v / 10000;
		return (yy <= 30 ? 20000000 : 19000000) + v;
	}
	if (k == 7) /* a data quirk: YYYYMMD */
		return (v / 1000) * 10000 + ((v / 10) % 100) * 100 + v % 10;
	return v;
}

/* One "[CODE restriction]" body into c. */
static int parse_code(struct rd *r, const char *s, size_t n, struct ev_code *c)
{
	memset(c, 0, sizeof *c);
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	size_t b = i;
	while (i < n && !isspace((unsigned char)s[i]) && s[i] != '<' && s[i] != '>')
		i++;
	if (i == b) {
		/* "[950601-990815]": a restriction without a code */
		return rd_err(r, "actor code missing in [%.*s]", (int)n, s);
	}
	if (i - b >= sizeof c->code)
		return rd_err(r, "actor code too long: %.*s", (int)(i - b), s + b);
	for (size_t j = b; j < i; j++)
		if (!(isalnum((unsigned char)s[j]) || strchr("-+/#~", s[j])))
			return rd_err(r, "bad character '%c' in actor code %.*s", s[j], (int)(i - b), s + b);
	memcpy(c->code, s + b, i - b);
	if (strspn(c->code, "0123456789-") == strlen(c->code) && strlen(c->code) >= 5)
		return rd_err(r, "actor code missing before the date in [%.*s]", (int)n, s);
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n) {
		c->kind = EV_DATE_ANY;
		return 0;
	}

	if (s[i] == '<' || s[i] == '>') {
		c->kind = s[i] == '<' ? EV_DATE_BEFORE : EV_DATE_AFTER;
		c->d1 = parse_date(s + i + 1, n - i - 1);
		if (c->d1 < 0)
			return rd_err(r, "bad date in [%.*s] (want YYMMDD or YYYYMMDD)", (int)n, s);
		return 0;
	}
	const char *dash = memchr(s + i, '-', n - i);
	if (!dash)
		return rd_err(r, "bad date restriction in [%.*s] (want <date, >date or date-date)", (int)n,
		              s);
	c->kind = EV_DATE_BETWEEN;
	c->d1 = parse_date(s + i, (size_t)(dash - (s + i)));
	c->d2 = parse_date(dash + 1, (size_t)(s + n - dash - 1));
	if (c->d1 < 0 || c->d2 < 0)
		return rd_err(r, "bad date in [%.*s] (want YYMMDD or YYYYMMDD)", (int)n, s);
	return 0;
}

/* The [..] groups of s from position i into the actor. */
static int parse_codes(struct rd *r, struct ev_actor *a, const char *s)
{
	const char *p = s;
	while ((p = strchr(p, '['))) {
		const char *e = strchr(p, ']');
		if (!e)
			return rd_err(r, "missing ']' in %s", s);
		struct ev_code c;
		if (parse_code(r, p + 1, (size_t)(e - p - 1), &c) < 0)
			return -1;
		a->codes = af_realloc(a->codes, (a->ncodes + 1) * sizeof *a->codes);
		a->codes[a->ncodes++] = c;
		p = e + 1;
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p && *p != '[')
			return rd_err(r, "unexpected text after ']': %s", p);
	}
	return 0;
}

static char *title_case(const char *s, size_t n)
{
	char *o = af_strndup(s, n);
	int start = 1;
	for (size_t i = 0; i < n; i++) {
		if (o[i] == '_')
			o[i] = ' ';
		if (isalpha((unsigned char)o[i])) {
			o[i] = start ? (char)toupper((unsigned char)o[i]) : (char)tolower((unsigned char)o[i]);
			start = 0;
		} else {
			start = o[i] == ' ' || o[i] == '-';
		}
	}
	while (n > 0 && o[n - 1] == ' ')
		o[--n] = 0;
	return o;
}

static int new_actor(struct af_evdict *d)
{
	GROW(d->actors, d->nactors, d->actorcap);
	memset(&d->actors[d->nactors], 0, sizeof d->actors[0]);
	return (int)d->nactors++;
}

static int add_actor_phrase(struct rd *r, struct af_evdict *d, const char *s, size_t n, int actor)
{
	int ids[24];
	int k = phrase_words(d, s, n, ids, 24, NULL);
	if (k < 0)
		return rd_err(r, "actor phrase too long (more than 24 words)");
	if (k == 0)
		return rd_err(r, "empty actor phrase");
	int nd = add_phrase_node(d, ids, k);
	d->nodes[nd].actor = actor;
	return 0;
}

static int finish_actor(struct rd *r, struct af_evdict *d, int actor, int line)
{
	if (actor < 0)
		return 0;
	struct ev_actor *a = &d->actors[actor];
	if (a->ncodes == 0) {
		af_error_set(r->err, "%s:%d: actor %s has no code", r->file, line,
		             a->canonical ? a->canonical : "?");
		return -1;
	}
	/* a person: a dated role code (Phoenix keeps leaders this way) */
	for (size_t i = 0; i < a->ncodes; i++)
		if (a->codes[i].kind != EV_DATE_ANY && strlen(a->codes[i].code) >= 6)
			a->person = 1;
	return 0;
}

int af_evdict_load_actors(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err)
{
	struct rd r = {.buf = buf, .len = len, .file = file, .err = err};
	int actor = -1, aline = 0, rc = 0;
	while (rd_next(&r)) {
		const char *s = r.s;
		if (isspace((unsigned char)s[0])) {
			while (isspace((unsigned char)*s))
				s++;
		}
		if (*s == '[') {
			if (actor < 0) {
				rc = rd_err(&r, "code line before any actor");
				break;
			}
			if ((rc = parse_codes(&r, &d->actors[actor], s)) < 0)
				break;
			continue;
		}
		const char *br = strchr(s, '[');
		size_t pn = br ? (size_t)(br - s) : strlen(s);
		if (memchr(s, ']', pn)) {
			rc = rd_err(&r, "']' without '[': %s", s);
			break;
		}
		if (s[0] == '+') {
			if (actor < 0) {
				rc = rd_err(&r, "synonym '%s' before any actor", s);
				break;
			}
			if ((rc = add_actor_phrase(&r, d, s + 1, pn - 1, actor)) < 0)
				break;
			if (br && (rc = parse_codes(&r, &d->actors[actor], br)) < 0)
				break;
			continue;
		}
		if (s[0] == '-' || s[0] == '&' || s[0] == '~' || s[0] == '{') {
			rc = rd_err(&r, "not an actor line (verb or agent dictionary?): %s", s);
			break;
		}
		if (actor >= 0 && d->actors[actor].ncodes == 0) {
			/* consecutive names before their code lines share them (Phoenix style) */
			if ((rc = add_actor_phrase(&r, d, s, pn, actor)) < 0)
				break;
			if (br && (rc = parse_codes(&r, &d->actors[actor], br)) < 0)
				break;
			continue;
		}
		if ((rc = finish_actor(&r, d, actor, aline)) < 0)
			break;
		actor = new_actor(d);
		aline = r.line;
		size_t cn = pn;
		while (cn > 0 && (isspace((unsigned char)s[cn - 1]) || s[cn - 1] == '_'))
			cn--;
		d->actors[actor].canonical = title_case(s, cn);
		if ((rc = add_actor_phrase(&r, d, s, pn, actor)) < 0)
			break;
		if (br && (rc = parse_codes(&r, &d->actors[actor], br)) < 0)
			break;
	}
	if (!rc)
		rc = finish_actor(&r, d, actor, aline);
	free(r.s);
	return rc;
}

/* ---- agents ---- */

struct subst {
	char name[32];
	char *alts[16];
	int n;
};

static int agent_code(struct rd *r, const char *s, size_t n, struct ev_agent *ag)
{
	memset(ag, 0, sizeof *ag);
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	const char *t = memchr(s, '~', n);
	if (!t)
		return rd_err(r, "agent code [%.*s] has no '~' (want [~ROLE] or [ROOT~])", (int)n, s);
	size_t pre = (size_t)(t - s), post = n - pre - 1;
	if (pre >= sizeof ag->pre || post >= sizeof ag->post)
		return rd_err(r, "agent code [%.*s] too long", (int)n, s);
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '~' || s[i] == '-'))
			return rd_err(r, "bad character '%c' in agent code [%.*s]", s[i], (int)n, s);
	if (!pre && !post)
		return rd_err(r, "empty agent code [~]");
	memcpy(ag->pre, s, pre);
	memcpy(ag->post, t + 1, post);
	return 0;
}

static int add_agent_phrase(struct af_evdict *d, const char *phrase, int agent)
{
	int ids[16];
	int k = phrase_words(d, phrase, strlen(phrase), ids, 16, NULL);
	if (k <= 0)
		return 0;
	int nd = add_phrase_node(d, ids, k);
	d->nodes[nd].agent = agent;
	return 0;
}

int af_evdict_load_agents(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err)
{
	struct rd r = {.buf = buf, .len = len, .file = file, .err = err};
	struct subst subs[16];
	int nsubs = 0, rc = 0;
	while (rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		char *bang2 = s[0] == '!' ? strchr(s + 1, '!') : NULL;
		char *after = bang2 ? bang2 + 1 : NULL;
		while (after && isspace((unsigned char)*after))
			after++;
		if (after && *after == '=') {
			char *eq = after;
			char *close = bang2;
			if (!eq || !close || close > eq) {
				rc = rd_err(&r, "substitution set must be !NAME! = WORD, WORD ...: %s", s);
				break;
			}
			if (nsubs == 16) {
				rc = rd_err(&r, "too many substitution sets (16 at most)");
				break;
			}
			struct subst *sb = &subs[nsubs++];
			memset(sb, 0, sizeof *sb);
			snprintf(sb->name, sizeof sb->name, "%.*s", (int)(close - s + 1), s);
			char *p = eq + 1;
			while (*p) {
				while (*p == ',' || isspace((unsigned char)*p))
					p++;
				char *b = p;
				while (*p && *p != ',')
					p++;
				char *e = p;
				while (e > b && isspace((unsigned char)e[-1]))
					e--;
				if (e > b && sb->n < 16)
					sb->alts[sb->n++] = af_strndup(b, (size_t)(e - b));
			}
			if (!sb->n) {
				rc = rd_err(&r, "empty substitution set %s", sb->name);
				break;
			}
			continue;
		}
		char *br = strchr(s, '[');
		if (!br) {
			rc = rd_err(&r, "agent without a code [~ROLE]: %s", s);
			break;
		}
		char *cb = strchr(br, ']');
		if (!cb) {
			rc = rd_err(&r, "missing ']' in %s", s);
			break;
		}
		struct ev_agent ag;
		if ((rc = agent_code(&r, br + 1, (size_t)(cb - br - 1), &ag)) < 0)
			break;
		char *brace = strchr(s, '{');
		size_t pn = (size_t)((brace && brace < br ? brace : br) - s);
		while (pn > 0 && isspace((unsigned char)s[pn - 1]))
			pn--;
		if (!pn) {
			rc = rd_err(&r, "agent code without a phrase");
			break;
		}
		char phrase[256];
		snprintf(phrase, sizeof phrase, "%.*s", (int)pn, s);
		GROW(d->agents, d->nagents, d->agentcap);
		int agent = (int)d->nagents;
		d->agents[d->nagents++] = ag;
		/* forms: the phrase, its plural (or the {} list), with !SUBST! expanded */
		char forms[8][256];
		int nf = 0;
		snprintf(forms[nf++], 256, "%s", phrase);
		if (brace && brace < br) {
			char *ce = strchr(brace, '}');
			if (!ce || ce > br) {
				rc = rd_err(&r, "missing '}' in %s", s);
				break;
			}
			char *p = brace + 1;
			while (p < ce && nf < 8) {
				while (p < ce && isspace((unsigned char)*p))
					p++;
				char *b = p;
				while (p < ce && !isspace((unsigned char)*p))
					p++;
				if (p > b)
					snprintf(forms[nf++], 256, "%.*s", (int)(p - b), b);
			}
		} else if (!strchr(phrase, '!') && phrase[pn - 1] != '_') {
			/* regular plural of the last word */
			char *last = strrchr(phrase, '_');
			char *sp = strrchr(phrase, ' ');
			if (sp > last)
				last = sp;
			last = last ? last + 1 : phrase;
			char p[64];
			plural(last, p);
			if (p[0])
				snprintf(forms[nf++], 256, "%.*s%s", (int)(last - phrase), phrase, p);
		}
		for (int f = 0; f < nf; f++) {
			char *bang = strchr(forms[f], '!');
			if (!bang) {
				add_agent_phrase(d, forms[f], agent);
				continue;
			}
			char *bang3 = strchr(bang + 1, '!');
			struct subst *sb = NULL;
			for (int k = 0; k < nsubs && bang3; k++)
				if (!strncmp(subs[k].name, bang, (size_t)(bang3 - bang + 1)) &&
				    strlen(subs[k].name) == (size_t)(bang3 - bang + 1))
					sb = &subs[k];
			if (!sb) {
				rc = rd_err(&r, "unknown substitution set in %s", forms[f]);
				break;
			}
			for (int k = 0; k < sb->n; k++) {
				char x[512];
				snprintf(x, sizeof x, "%.*s%s%s", (int)(bang - forms[f]), forms[f], sb->alts[k],
				         bang3 + 1);
				add_agent_phrase(d, x, agent);
			}
		}
		if (rc)
			break;
	}
	for (int i = 0; i < nsubs; i++)
		for (int k = 0; k < subs[i].n; k++)
			free(subs[i].alts[k]);
	free(r.s);
	return rc;
}

/* ---- discards ---- */

static int add_discard(struct af_evdict *d, const char *s, size_t n, int story)
{
	int ids[16], final;
	int k = phrase_words(d, s, n, ids, 16, &final);
	if (k <= 0)
		return k;
	int ni = add_phrase_node(d, ids, k);
	struct ev_node *nd = &d->nodes[ni];
	nd->discard = story ? 2 : 1;
	nd->stem = !final;
	return k;
}

int af_evdict_load_discards(struct af_evdict *d, const char *buf, size_t len, const char *file,
                            struct af_error *err)
{
	struct rd r = {.buf = buf, .len = len, .file = file, .err = err};
	int rc = 0;
	while (rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		int story = s[0] == '+';
		if (story)
			s++;
		if (strpbrk(s, "[]{}")) {
			rc = rd_err(&r, "a discard is a plain phrase, without [codes] or {forms}: %s", s);
			break;
		}
		int k = add_discard(d, s, strlen(s), story);
		if (k < 0) {
			rc = rd_err(&r, "discard phrase too long (16 words at most)");
			break;
		}
		if (k == 0) {
			rc = rd_err(&r, "empty discard phrase");
			break;
		}
	}
	free(r.s);
	return rc;
}

/* ---- verbs ---- */

static int valid_code(const char *s, size_t n)
{
	if (n == 0 || n >= 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || strchr("-+#?!", s[i])))
			return 0;
	return 1;
}

/* "[ddd]", "[ddd:ddd]", "[:ddd]", "[---]" -> code, pcode. */
static int verb_code(struct rd *r, const char *s, size_t n, char *code, char *pcode)
{
	code[0] = pcode[0] = 0;
	const char *colon = memchr(s, ':', n);
	size_t an = colon ? (size_t)(colon - s) : n;
	while (an > 0 && isspace((unsigned char)s[an - 1]))
		an--;
	size_t b = 0;
	while (b < an && isspace((unsigned char)s[b]))
		b++;
	if (an > b && !valid_code(s + b, an - b))
		return rd_err(r, "bad event code [%.*s]", (int)n, s);
	if (an == b && !colon)
		return rd_err(r, "empty event code []");
	memcpy(code, s + b, an - b);
	code[an - b] = 0;
	if (colon) {
		const char *p = colon + 1;
		size_t pn = n - (size_t)(p - s);
		while (pn > 0 && isspace((unsigned char)*p))
			p++, pn--;
		while (pn > 0 && isspace((unsigned char)p[pn - 1]))
			pn--;
		if (!valid_code(p, pn))
			return rd_err(r, "bad passive code in [%.*s]", (int)n, s);
		memcpy(pcode, p, pn);
		pcode[pn] = 0;
	}
	return 0;
}

static void add_form(struct af_evdict *d, int verb, int kind, const int *words, int nwords, int head)
{
	int hw = words[head];
	if ((size_t)hw >= d->formheadcap) {
		size_t ncap = d->formheadcap ? d->formheadcap : 1024;
		while (ncap <= (size_t)hw)
			ncap *= 2;
		d->formhead = af_realloc(d->formhead, ncap * sizeof *d->formhead);
		for (size_t i = d->formheadcap; i < ncap; i++)
			d->formhead[i] = -1;
		d->formheadcap = ncap;
	}
	/* skip an identical form of the same verb */
	for (int f = d->formhead[hw]; f >= 0; f = d->forms[f].next)
		if (d->forms[f].verb == verb && d->forms[f].nwords == nwords &&
		    !memcmp(d->forms[f].heads, words, (size_t)nwords * sizeof *words))
			return;
	GROW(d->forms, d->nforms, d->formcap);
	struct ev_form *f = &d->forms[d->nforms];
	memset(f, 0, sizeof *f);
	f->verb = verb;
	f->kind = kind;
	memcpy(f->heads, words, (size_t)nwords * sizeof *words);
	f->nwords = nwords;
	f->head = head;
	f->next = d->formhead[hw];
	d->formhead[hw] = (int)d->nforms++;
}

static int is_vowel(char c)
{
	return strchr("AEIOU", c) != NULL;
}

/* Regular forms of an upper-case verb. */
static void regular_forms(const char *w, char out[][64], int *kinds, int *n)
{
	size_t L = strlen(w);
	*n = 0;
	if (L == 0 || L > 50)
		return;
	char last = w[L - 1], prev = L > 1 ? w[L - 2] : 0;
	/* -S */
	if (last == 'Y' && !is_vowel(prev))
		snprintf(out[*n], 64, "%.*sIES", (int)(L - 1), w);
	else if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
	         (last == 'H' && (prev == 'C' || prev == 'S')))
		snprintf(out[*n], 64, "%sES", w);
	else
		snprintf(out[*n], 64, "%sS", w);
	kinds[(*n)++] = VF_S;
	/* -ED */
	if (last == 'E')
		snprintf(out[*n], 64, "%sD", w);
	else if (last == 'Y' && !is_vowel(prev))
		snprintf(out[*n], 64, "%.*sIED", (int)(L - 1), w);
	else
		snprintf(out[*n], 64, "%sED", w);
	kinds[(*n)++] = VF_ED;
	/* -ING */
	if (last == 'E' && prev != 'E' && L > 2)
		snprintf(out[*n], 64, "%.*sING", (int)(L - 1), w);
	else
		snprintf(out[*n], 64, "%sING", w);
	kinds[(*n)++] = VF_ING;
	/* consonant doubling: STOP -> STOPPED, STOPPING (both spellings kept) */
	if (L >= 3 && !is_vowel(last) && last != 'W' && last != 'X' && last != 'Y' && is_vowel(prev) &&
	    !is_vowel(w[L - 3])) {
		snprintf(out[*n], 64, "%s%cED", w, last);
		kinds[(*n)++] = VF_ED;
		snprintf(out[*n], 64, "%s%cING", w, last);
		kinds[(*n)++] = VF_ING;
	}
}

/* A verb word spec "A_+B_C" -> ids, head index. */
static int verb_words(struct af_evdict *d, const char *s, size_t n, int *ids, int *head)
{
	int k = 0;
	*head = -1;
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == '_' || isspace((unsigned char)s[i])))
			i++;
		if (i >= n)
			break;
		int plus = s[i] == '+';
		if (plus)
			i++;
		size_t b = i;
		while (i < n && s[i] != '_' && !isspace((unsigned char)s[i]))
			i++;
		if (i == b || k == 6)
			return -1;
		if (plus)
			*head = k;
		ids[k++] = ev_wtab_add(&d->w, s + b, i - b);
	}
	if (*head < 0)
		*head = 0;
	return k;
}

static int add_verb_line(struct rd *r, struct af_evdict *d, int block, const char *s)
{
	/* "VERB {FORMS} [CODE]", or "VERB [CODE] {FORMS}" as some TABARI-era lines have it */
	const char *brace = strchr(s, '{'), *br = strchr(s, '[');
	const char *end = brace && (!br || brace < br) ? brace : br ? br : s + strlen(s);
	struct ev_verb v = {.block = block};
	int k = verb_words(d, s, (size_t)(end - s), v.words, &v.head);
	if (k <= 0)
		return rd_err(r, "bad verb '%s' (1 to 6 words, '+' marking the inflected one)", s);
	v.nwords = k;
	if (br) {
		const char *cb = strchr(br, ']');
		if (!cb)
			return rd_err(r, "missing ']' in %s", s);
		if (verb_code(r, br + 1, (size_t)(cb - br - 1), v.code, v.pcode) < 0)
			return -1;
		const char *rest = cb + 1;
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest && rest != brace)
			return rd_err(r, "unexpected text after the code: %s", rest);
	}
	GROW(d->verbs, d->nverbs, d->verbcap);
	int vi = (int)d->nverbs;
	d->verbs[d->nverbs++] = v;
	add_form(d, vi, VF_BASE, v.words, v.nwords, v.head);
	if (brace) {
		const char *ce = strchr(brace, '}');
		if (!ce || (br && br > brace && ce > br))
			return rd_err(r, "missing '}' in %s", s);
		const char *after = ce + 1;
		while (isspace((unsigned char)*after))
			after++;
		if (*after && after != br && *after != ';') /* ";shan 8/30/93": a TABARI comment */
			return rd_err(r, "unexpected text after the verb forms: %s", after);
		const char *p = brace + 1;
		while (p < ce) {
			while (p < ce && (isspace((unsigned char)*p) || *p == ','))
				p++;
			const char *b = p;
			while (p < ce && !isspace((unsigned char)*p) && *p != ',')
				p++;
			if (p == b)
				break;
			int ids[6], head;
			int fk = verb_words(d, b, (size_t)(p - b), ids, &head);
			if (fk <= 0)
				return rd_err(r, "bad verb form '%.*s'", (int)(p - b), b);
			if (fk != v.nwords)
				return rd_err(r, "verb form '%.*s' has %d words, the verb %d", (int)(p - b), b, fk,
				              v.nwords);
			const char *fw = d->w.words[ids[head]];
			size_t fl = strlen(fw);
			int kind = fl > 3 && !strcmp(fw + fl - 3, "ING") ? VF_ING : VF_IRR;
			add_form(d, vi, kind, ids, fk, head);
		}
	} else {
		char forms[8][64];
		int kinds[8], nf;
		regular_forms(d->w.words[v.words[v.head]], forms, kinds, &nf);
		for (int i = 0; i < nf; i++) {
			int ids[6];
			memcpy(ids, v.words, sizeof ids);
			ids[v.head] = ev_wtab_add(&d->w, forms[i], strlen(forms[i]));
			add_form(d, vi, kinds[i], ids, v.nwords, v.head);
		}
	}
	return 0;
}

static int find_synset(struct af_evdict *d, const char *name, size_t n)
{
	for (size_t i = 0; i < d->nsyns; i++)
		if (strlen(d->syns[i].name) == n && !strncmp(d->syns[i].name, name, n))
			return (int)i;
	return -1;
}

static int new_synset(struct af_evdict *d, const char *name, size_t n, const char *file)
{
	int i = find_synset(d, name, n);
	if (i >= 0)
		return i;
	GROW(d->syns, d->nsyns, d->syncap);
	struct ev_synset *s = &d->syns[d->nsyns];
	memset(s, 0, sizeof *s);
	s->name = af_strndup(name, n);
	s->file = file;
	return (int)d->nsyns++;
}

static void syn_add_raw(struct ev_synset *s, const char *m, int line)
{
	if (s->nraw == s->rawcap) {
		s->rawcap = s->rawcap ? s->rawcap * 2 : 8;
		s->raw = af_realloc(s->raw, s->rawcap * sizeof *s->raw);
		s->rawline = af_realloc(s->rawline, s->rawcap * sizeof *s->rawline);
	}
	s->rawline[s->nraw] = line;
	s->raw[s->nraw++] = af_strdup(m);
}

static int resolve_synset(struct af_evdict *d, int si, struct af_error *err)
{
	struct ev_synset *s = &d->syns[si];
	if (s->resolved)
		return 0;
	if (s->resolving) {
		af_error_set(err, "%s: synset &%s contains itself", s->file ? s->file : "?", s->name);
		return -1;
	}
	s->resolving = 1;
	int noplural = s->noplural;
	for (size_t i = 0; i < s->nraw; i++) {
		const char *m = s->raw[i];
		if (m[0] == '&') {
			size_t mn = strlen(m + 1);
			while (mn > 0 && m[mn] == '_')
				mn--;
			int sub = find_synset(d, m + 1, mn);
			if (sub < 0) {
				af_error_set(err, "%s:%d: unknown synset %s", s->file, s->rawline[i], m);
				return -1;
			}
			if (d->syns[sub].resolving) { /* the line of the member that closes the loop */
				if (sub == si)
					af_error_set(err, "%s:%d: synset &%s contains itself", s->file, s->rawline[i], s->name);
				else
					af_error_set(err, "%s:%d: synset &%s contains itself (through &%s)", s->file,
					             s->rawline[i], d->syns[sub].name, s->name);
				return -1;
			}
			if (resolve_synset(d, sub, err) < 0)
				return -1;
			s = &d->syns[si];
			struct ev_synset *t = &d->syns[sub];
			for (size_t j = 0; j < t->nalts; j++) {
				GROW(s->alts, s->nalts, s->cap);
				s->alts[s->nalts++] = t->alts[j];
			}
			continue;
		}
		struct ev_synalt a = {.plural = {-1, -1, -1}};
		int final;
		int k = phrase_words(d, m, strlen(m), a.words, 8, &final);
		if (k <= 0) {
			af_error_set(err, "%s:%d: bad synset member '%s' (1 to 8 words)", s->file, s->rawline[i], m);
			return -1;
		}
		a.nwords = k;
		if (!final && !noplural && m[0] != '{')
			plurals_of(d, a.words[k - 1], a.plural);
		s = &d->syns[si];
		GROW(s->alts, s->nalts, s->cap);
		s->alts[s->nalts++] = a;
	}
	s->resolved = 1;
	s->resolving = 0;
	return 0;
}

/* Parses a pattern "PRE * POST" (the text between '-' and '[') into p. */
static int parse_pattern(struct rd *r, struct af_evdict *d, const char *s, size_t n, struct ev_pattern *p)
{
	char buf[1024];
	if (n >= sizeof buf)
		return rd_err(r, "pattern too long");
	/* groups {..} (..) become plain word sequences */
	for (size_t i = 0; i < n; i++)
		buf[i] = strchr("{}()", s[i]) ? ' ' : s[i];
	buf[n] = 0;
	size_t cap = 0;
	p->el = NULL;
	p->nel = 0;
	p->verbpos = -1;
	char *q = buf;
	while (*q) {
		while (isspace((unsigned char)*q))
			q++;
		if (!*q)
			break;
		char *tok = q;
		while (*q && !isspace((unsigned char)*q))
			q++;
		size_t tn = (size_t)(q - tok);
		/* split on '_' */
		size_t i = 0;
		while (i < tn) {
			size_t b = i;
			while (i < tn && tok[i] != '_')
				i++;
			size_t pn = i - b;
			int us = i < tn; /* an '_' follows */
			if (us)
				i++;
			if (pn == 0) {
				/* "_X": glue to the previous element */
				if (p->nel > 0)
					p->el[p->nel - 1].glue = 1;
				continue;
			}
			if (p->nel == cap) {
				cap = cap ? cap * 2 : 8;
				p->el = af_realloc(p->el, cap * sizeof *p->el);
			}
			struct ev_pelem *e = &p->el[p->nel];
			memset(e, 0, sizeof *e);
			e->plural[0] = e->plural[1] = e->plural[2] = -1;
			e->glue = us && i < tn;
			const char *w = tok + b;
			if (pn > 1 && strchr("$+%^", w[0]) && w[1] == '-') {
				/* TABARI "+-SPONSORED": the actor, then the glued word "-SPONSORED" */
				e->kind = w[0] == '$' ? PE_SOURCE : w[0] == '+' ? PE_TARGET : w[0] == '%' ? PE_COMPOUND : PE_SKIP;
				e->glue = 1;
				p->nel++;
				if (p->nel == cap) {
					cap *= 2;
					p->el = af_realloc(p->el, cap * sizeof *p->el);
				}
				e = &p->el[p->nel];
				memset(e, 0, sizeof *e);
				e->plural[0] = e->plural[1] = e->plural[2] = -1;
				e->glue = us && i < tn;
				w++;
				pn--;
			}
			if (pn == 1 && w[0] == '*') {
				if (p->verbpos >= 0) {
					/* TABARI-era files have a few patterns with a second '*' ("- * COMMIT *
					 * AID"); TABARI reads the first as the verb and matches the rest as
					 * words in order with gaps between them, so a further '*' is a gap:
					 * it adds nothing (docs/dictionaries.md) */
					if (p->nel > 0)
						p->el[p->nel - 1].glue = 0;
					continue;
				}
				e->kind = PE_VERB;
				p->verbpos = (int)p->nel;
			} else if (pn == 1 && w[0] == '$') {
				e->kind = PE_SOURCE;
			} else if (pn == 1 && w[0] == '+') {
				e->kind = PE_TARGET;
			} else if (pn == 1 && w[0] == '%') {
				e->kind = PE_COMPOUND;
			} else if (pn == 1 && w[0] == '^') {
				e->kind = PE_SKIP;
			} else if (w[0] == '&') {
				if (pn < 2)
					return rd_err(r, "empty synset name '&'");
				e->kind = PE_SYN;
				e->syn = new_synset(d, w + 1, pn - 1, r->file);
				p->score += 2;
			} else {
				for (size_t j = 0; j < pn; j++)
					if (strchr("[]{}*$%^&", w[j]) || (w[j] == '+' && pn > 1))
						return rd_err(r, "bad word '%.*s' in pattern", (int)pn, w);
				e->kind = PE_WORD;
				e->word = ev_wtab_add(&d->w, w, pn);
				/* a literal word matches itself only: PETRARCH adds plurals to synset
				 * members, not to pattern words ("- * EFFORT" is not "efforts"; the
				 * validation suite relies on it) */
				p->score += 2;
			}
			p->nel++;
		}
	}
	if (p->verbpos < 0) {
		/* "- TIVILIAN [202]" (TABARI-era): words only, read as following the verb */
		if (p->nel == 0)
			return rd_err(r, "empty pattern (want - WORDS * WORDS [CODE])");
		p->el = af_realloc(p->el, (p->nel + 1) * sizeof *p->el);
		memmove(p->el + 1, p->el, p->nel * sizeof *p->el);
		memset(&p->el[0], 0, sizeof p->el[0]);
		p->el[0].kind = PE_VERB;
		p->el[0].plural[0] = p->el[0].plural[1] = p->el[0].plural[2] = -1;
		p->verbpos = 0;
		p->nel++;
	}
	for (size_t i = 0; i < p->nel; i++)
		if (p->el[i].kind != PE_WORD && p->el[i].kind != PE_SYN && p->el[i].kind != PE_VERB)
			p->score += 1;
	return 0;
}

static int block_header(struct rd *r, struct af_evdict *d, const char *s)
{
	const char *p = s;
	while (*p == '-')
		p++;
	const char *br = strchr(p, '[');
	if (!br) {
		/* "--- DEFEND  ###" (TABARI-era files): a block with no code of its own, as [---],
		 * when what follows the dashes is a single name */
		const char *q = p;
		while (isspace((unsigned char)*q))
			q++;
		const char *nb = q;
		while (*q && !isspace((unsigned char)*q) && *q != '-')
			q++;
		const char *ne = q;
		while (isspace((unsigned char)*q) || *q == '-')
			q++;
		if (ne == nb || *q)
			return rd_err(r, "verb block header without a code: %s (want --- VERB [CODE] ---)", s);
		GROW(d->blocks, d->nblocks, d->blockcap);
		struct ev_block *b = &d->blocks[d->nblocks];
		memset(b, 0, sizeof *b);
		snprintf(b->name, sizeof b->name, "%.*s", (int)(ne - nb), nb);
		b->pat0 = d->npats;
		b->order = d->order;
		d->nblocks++;
		return 0;
	}
	const char *cb = strchr(br, ']');
	if (!cb)
		return rd_err(r, "missing ']' in %s", s);
	const char *e = cb + 1;
	while (*e && (isspace((unsigned char)*e) || *e == '['))
		if (*e == '[') { /* a second [code] (a legacy quirk): skipped */
			const char *c2 = strchr(e, ']');
			if (!c2)
				return rd_err(r, "missing ']' in %s", s);
			e = c2 + 1;
		} else
			e++;
	if (*e && strncmp(e, "---", 3))
		return rd_err(r, "unexpected text after the code in a verb block header: %s", s);
	GROW(d->blocks, d->nblocks, d->blockcap);
	struct ev_block *b = &d->blocks[d->nblocks];
	memset(b, 0, sizeof *b);
	size_t nn = (size_t)(br - p);
	while (nn > 0 && isspace((unsigned char)*p))
		p++, nn--;
	while (nn > 0 && isspace((unsigned char)p[nn - 1]))
		nn--;
	if (nn == 0)
		return rd_err(r, "verb block header without a name: %s", s);
	snprintf(b->name, sizeof b->name, "%.*s", (int)nn, p);
	if (verb_code(r, br + 1, (size_t)(cb - br - 1), b->code, b->pcode) < 0)
		return -1;
	b->pat0 = d->npats;
	b->order = d->order;
	d->nblocks++;
	return 0;
}

static int pattern_line(struct rd *r, struct af_evdict *d, int block, const char *s)
{
	const char *br = strrchr(s, '[');
	struct ev_pattern p = {0};
	if (!br) {
		/* no [CODE]: TABARI codes such a pattern with its verb's code (docs/dictionaries.md) */
		if (strchr(s, ']'))
			return rd_err(r, "']' without '[' in %s", s);
		memcpy(p.code, d->blocks[block].code, sizeof p.code);
		memcpy(p.pcode, d->blocks[block].pcode, sizeof p.pcode);
		br = s + strlen(s);
	} else {
		const char *cb = strchr(br, ']');
		if (!cb)
			return rd_err(r, "missing ']' in %s", s);
		const char *rest = cb + 1;
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest)
			return rd_err(r, "unexpected text after the code: %s", rest);
		if (verb_code(r, br + 1, (size_t)(cb - br - 1), p.code, p.pcode) < 0)
			return -1;
	}
	const char *b = s + 1;
	if (parse_pattern(r, d, b, (size_t)(br - b), &p) < 0) {
		free(p.el);
		return -1;
	}
	struct ev_block *bl = &d->blocks[block];
	if (bl->pat0 + bl->npat != d->npats) {
		free(p.el);
		return rd_err(r, "patterns of block %s are not contiguous", bl->name);
	}
	p.line = r->line;
	p.file = r->file;
	GROW(d->pats, d->npats, d->patcap);
	d->pats[d->npats++] = p;
	bl->npat++;
	return 0;
}

static int resolve_all(struct af_evdict *d, struct af_error *err)
{
	for (size_t i = 0; i < d->nsyns; i++) {
		if (!d->syns[i].nraw && !d->syns[i].resolved) {
			/* used in a pattern but never defined: find where */
			for (size_t k = 0; k < d->npats; k++)
				for (size_t j = 0; j < d->pats[k].nel; j++)
					if (d->pats[k].el[j].kind == PE_SYN && d->pats[k].el[j].syn == (int)i) {
						af_error_set(err, "%s:%d: unknown synset &%s", d->pats[k].file,
						             d->pats[k].line, d->syns[i].name);
						return -1;
					}
		}
		d->syns[i].resolved = 0;
		d->syns[i].nalts = 0;
	}
	for (size_t i = 0; i < d->nsyns; i++)
		if (resolve_synset(d, (int)i, err) < 0)
			return -1;
	return 0;
}

int af_evdict_load_verbs(struct af_evdict *d, const char *buf, size_t len, const char *file,
                         struct af_error *err)
{
	file = keep_file(d, file);
	d->order++;
	struct rd r = {.buf = buf, .len = len, .file = file, .err = err};
	int block = -1, syn = -1, rc = 0, transforms = 0;
	while (rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		if (!strncmp(s, "####", 4)) {
			if (strstr(s, "TRANSFORMATIONS"))
				transforms = 1;
			continue;
		}
		if (s[0] == '~') {
			if (!strchr(s, '=')) {
				rc = rd_err(&r, "transformation without '=': %s", s);
				break;
			}
			d->ntransforms++;
			continue;
		}
		if (transforms) {
			rc = rd_err(&r, "only '~' transformation lines may follow the TRANSFORMATIONS marker: %s", s);
			break;
		}
		if (!strncmp(s, "---", 3)) {
			if ((rc = block_header(&r, d, s)) < 0)
				break;
			block = (int)d->nblocks - 1;
			syn = -1;
			continue;
		}
		if (s[0] == '&') {
			size_t n = strcspn(s + 1, " \t");
			if (!n) {
				rc = rd_err(&r, "empty synset name '&'");
				break;
			}
			size_t nn = n;
			while (nn > 1 && s[nn] == '_')
				nn--;
			syn = new_synset(d, s + 1, nn, file);
			d->syns[syn].noplural = nn < n;
			if (d->syns[syn].nraw) {
				rc = rd_err(&r, "synset &%.*s defined twice", (int)n, s + 1);
				break;
			}
			const char *rest = s + 1 + n;
			while (isspace((unsigned char)*rest))
				rest++;
			if (*rest) {
				rc = rd_err(&r, "unexpected text after the synset name: %s", rest);
				break;
			}
			d->syns[syn].file = file;
			block = -1;
			continue;
		}
		if (s[0] == '-') {
			if (block < 0) {
				rc = rd_err(&r, "pattern outside a verb block (no '--- VERB [CODE] ---' before it)");
				break;
			}
			if ((rc = pattern_line(&r, d, block, s)) < 0)
				break;
			continue;
		}
		if (s[0] == '+' && syn >= 0) {
			const char *m = s + 1;
			if (!*m || strpbrk(m, "[]")) {
				rc = rd_err(&r, "bad synset member '%s'", s);
				break;
			}
			syn_add_raw(&d->syns[syn], m, r.line);
			continue;
		}
		if (block < 0) {
			rc = rd_err(&r, "verb '%s' outside a verb block", s);
			break;
		}
		if (strchr(s, ']') && !strchr(s, '[')) {
			rc = rd_err(&r, "']' without '[': %s", s);
			break;
		}
		if ((rc = add_verb_line(&r, d, block, s)) < 0)
			break;
	}
	free(r.s);
	if (!rc)
		rc = resolve_all(d, err);
	return rc;
}

/* ---- YAML ---- */

static int yaml_list(const struct af_ynode *n, const char *what, struct af_error *err)
{
	if (!n || n->type != AF_Y_SEQ)
		return af_yerr(err, n, "%s must be a list", what);
	return 0;
}

/* A string or a list of strings -> NUL-separated upper-case phrases via callback. */
static int yaml_phrases(const struct af_ynode *n, const char *what, char ***out, size_t *nout,
                        struct af_error *err)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return 0;
	if (n->type == AF_Y_SCALAR) {
		*out = af_malloc(sizeof **out);
		(*out)[(*nout)++] = af_strdup(n->str);
	} else if (n->type == AF_Y_SEQ) {
		*out = af_malloc((n->n + 1) * sizeof **out);
		for (size_t i = 0; i < n->n; i++) {
			if (af_yscalar(n->kids[i], what, err) < 0)
				return -1;
			(*out)[(*nout)++] = af_strdup(n->kids[i]->str);
		}
	} else
		return af_yerr(err, n, "%s must be a phrase or a list of phrases", what);
	for (size_t i = 0; i < *nout; i++) {
		for (char *p = (*out)[i]; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (!(*out)[i][0])
			return af_yerr(err, n, "empty phrase in %s", what);
	}
	return 0;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "YYYY-MM-DD" (or YYYYMMDD) -> yyyymmdd. */
static long yaml_date(const struct af_ynode *n, struct af_error *err)
{
	if (af_yscalar(n, "date", err) < 0)
		return -1;
	int y, m, dd;
	char extra;
	if (sscanf(n->str, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) == 3 && m >= 1 && m <= 12 && dd >= 1 &&
	    dd <= 31)
		return (long)y * 10000 + m * 100 + dd;
	return af_yerr(err, n, "bad date '%s' (want YYYY-MM-DD)", n->str), -1;
}

static int yaml_actor(struct af_evdict *d, const struct af_ynode *a, struct af_error *err)
{
	static const char *const keys[] = {"phrases", "canonical", "type", "code", "codes", NULL};
	if (a->type != AF_Y_MAP)
		return af_yerr(err, a, "an actor must be a map (phrases, canonical, codes)");
	if (af_ymap_check(a, keys, err) < 0)
		return -1;
	char **ph;
	size_t nph;
	const struct af_ynode *pn = af_ymap_get(a, "phrases");
	if (!pn)
		return af_yerr(err, a, "actor without phrases");
	if (yaml_phrases(pn, "phrases", &ph, &nph, err) < 0)
		return free_list(ph, nph), -1;
	int ai = new_actor(d);
	struct ev_actor *act = &d->actors[ai];
	const struct af_ynode *cn = af_ymap_get(a, "canonical");
	if (cn && af_yscalar(cn, "canonical", err) < 0)
		return free_list(ph, nph), -1;
	act->canonical = cn ? af_strdup(cn->str) : title_case(ph[0], strlen(ph[0]));
	const struct af_ynode *tn = af_ymap_get(a, "type");
	if (tn) {
		if (af_yscalar(tn, "type", err) < 0)
			return free_list(ph, nph), -1;
		if (!strcmp(tn->str, "person"))
			act->person = 1;
		else if (strcmp(tn->str, "org") && strcmp(tn->str, "place") && strcmp(tn->str, "group"))
			return free_list(ph, nph), af_yerr(err, tn, "type must be person, org, group or place");
	}
	const struct af_ynode *code = af_ymap_get(a, "code"), *codes = af_ymap_get(a, "codes");
	if (!code && !codes)
		return free_list(ph, nph), af_yerr(err, a, "actor without code or codes");
	if (code) {
		if (af_yscalar(code, "code", err) < 0 || !code->str[0] || strlen(code->str) >= 24)
			return free_list(ph, nph), af_yerr(err, code, "bad actor code");
		act->codes = af_calloc(1, sizeof *act->codes);
		snprintf(act->codes[0].code, sizeof act->codes[0].code, "%s", code->str);
		act->ncodes = 1;
	}
	if (codes) {
		if (yaml_list(codes, "codes", err) < 0)
			return free_list(ph, nph), -1;
		for (size_t i = 0; i < codes->n; i++) {
			static const char *const ck[] = {"code", "from", "until", NULL};
			const struct af_ynode *c = codes->kids[i];
			if (c->type != AF_Y_MAP)
				return free_list(ph, nph), af_yerr(err, c, "each of codes must be a map {code, from, until}");
			if (af_ymap_check(c, ck, err) < 0)
				return free_list(ph, nph), -1;
			const struct af_ynode *cc = af_ymap_get(c, "code"), *f = af_ymap_get(c, "from"),
			                      *u = af_ymap_get(c, "until");
			if (!cc || af_yscalar(cc, "code", err) < 0 || !cc->str[0] || strlen(cc->str) >= 24)
				return free_list(ph, nph), af_yerr(err, cc ? cc : c, "missing or bad code");
			struct ev_code ec = {0};
			snprintf(ec.code, sizeof ec.code, "%s", cc->str);
			long d1 = f ? yaml_date(f, err) : 0, d2 = u ? yaml_date(u, err) : 0;
			if (d1 < 0 || d2 < 0)
				return free_list(ph, nph), -1;
			if (f && u && d2 <= d1)
				return free_list(ph, nph), af_yerr(err, u, "until is not after from");
			ec.kind = f && u ? EV_DATE_BETWEEN : f ? EV_DATE_AFTER : u ? EV_DATE_BEFORE : EV_DATE_ANY;
			ec.d1 = f ? d1 : d2;
			ec.d2 = d2;
			act = &d->actors[ai];
			act->codes = af_realloc(act->codes, (act->ncodes + 1) * sizeof *act->codes);
			act->codes[act->ncodes++] = ec;
		}
	}
	for (size_t i = 0; i < nph; i++) {
		int ids[24];
		int k = phrase_words(d, ph[i], strlen(ph[i]), ids, 24, NULL);
		if (k <= 0) {
			free_list(ph, nph);
			return af_yerr(err, pn, "bad actor phrase (1 to 24 words)");
		}
		int nd = add_phrase_node(d, ids, k);
		d->nodes[nd].actor = ai;
	}
	free_list(ph, nph);
	return 0;
}

static int yaml_agent(struct af_evdict *d, const struct af_ynode *a, struct af_error *err)
{
	static const char *const keys[] = {"phrases", "code", "plural", NULL};
	if (a->type != AF_Y_MAP)
		return af_yerr(err, a, "an agent must be a map (phrases, code)");
	if (af_ymap_check(a, keys, err) < 0)
		return -1;
	const struct af_ynode *pn = af_ymap_get(a, "phrases"), *cn = af_ymap_get(a, "code");
	if (!pn || !cn)
		return af_yerr(err, a, "agent needs phrases and code");
	if (af_yscalar(cn, "code", err) < 0)
		return -1;
	struct ev_agent ag;
	struct rd r = {.file = a->file, .line = cn->line, .err = err};
	if (agent_code(&r, cn->str, strlen(cn->str), &ag) < 0)
		return -1;
	int plurals = 1;
	const struct af_ynode *pl = af_ymap_get(a, "plural");
	if (pl && af_ybool(pl, &plurals, err) < 0)
		return -1;
	char **ph;
	size_t nph;
	if (yaml_phrases(pn, "phrases", &ph, &nph, err) < 0)
		return free_list(ph, nph), -1;
	GROW(d->agents, d->nagents, d->agentcap);
	int ai = (int)d->nagents;
	d->agents[d->nagents++] = ag;
	for (size_t i = 0; i < nph; i++) {
		add_agent_phrase(d, ph[i], ai);
		if (plurals) {
			char *last = strrchr(ph[i], ' ');
			last = last ? last + 1 : ph[i];
			char p[64], x[512];
			plural(last, p);
			snprintf(x, sizeof x, "%.*s%s", (int)(last - ph[i]), ph[i], p);
			add_agent_phrase(d, x, ai);
		}
	}
	free_list(ph, nph);
	return 0;
}

/* verbs: - {verb: RELEASE, forms: [...], code: "084", patterns: ["* &STATEMENT [010]"]} */
static int yaml_verb(struct af_evdict *d, const struct af_ynode *v, const char *file, struct af_error *err)
{
	static const char *const keys[] = {"verbs", "code", "patterns", "name", NULL};
	if (v->type != AF_Y_MAP)
		return af_yerr(err, v, "a verb block must be a map (verbs, code, patterns)");
	if (af_ymap_check(v, keys, err) < 0)
		return -1;
	const struct af_ynode *vn = af_ymap_get(v, "verbs"), *cn = af_ymap_get(v, "code"),
	                      *pn = af_ymap_get(v, "patterns");
	if (!vn)
		return af_yerr(err, v, "verb block without verbs");
	char **vs;
	size_t nvs;
	if (yaml_phrases(vn, "verbs", &vs, &nvs, err) < 0)
		return free_list(vs, nvs), -1;
	struct rd r = {.file = file, .line = v->line, .err = err};
	char hdr[256];
	snprintf(hdr, sizeof hdr, "--- %s [%s] ---", vs[0], cn && cn->type == AF_Y_SCALAR ? cn->str : "");
	if (cn && af_yscalar(cn, "code", err) < 0)
		return free_list(vs, nvs), -1;
	if (!cn) {
		/* no default: the block only adds patterns */
		snprintf(hdr, sizeof hdr, "--- %s [x] ---", vs[0]);
	}
	for (char *p = hdr; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (cn)
		r.line = cn->line;
	if (block_header(&r, d, hdr) < 0)
		return free_list(vs, nvs), -1;
	int block = (int)d->nblocks - 1;
	if (!cn)
		d->blocks[block].code[0] = 0;
	for (size_t i = 0; i < nvs; i++) {
		r.line = vn->type == AF_Y_SEQ ? vn->kids[i]->line : vn->line;
		if (add_verb_line(&r, d, block, vs[i]) < 0)
			return free_list(vs, nvs), -1;
	}
	free_list(vs, nvs);
	if (pn) {
		if (yaml_list(pn, "patterns", err) < 0)
			return -1;
		for (size_t i = 0; i < pn->n; i++) {
			if (af_yscalar(pn->kids[i], "pattern", err) < 0)
				return -1;
			char line[1100];
			snprintf(line, sizeof line, "- %s", pn->kids[i]->str);
			for (char *p = line; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			r.line = pn->kids[i]->line;
			if (pattern_line(&r, d, block, line) < 0)
				return -1;
		}
	}
	return 0;
}

int af_evdict_load_yaml(struct af_evdict *d, const char *buf, size_t len, const char *file,
                        struct af_error *err)
{
	file = keep_file(d, file);
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	d->order++;
	int rc = 0;
	static const char *const keys[] = {"actors", "agents", "verbs", "synsets", "discards", "speech", NULL};
	if (root->type != AF_Y_MAP) {
		rc = af_yerr(err, root, "an events dictionary must be a map (actors, agents, verbs, ...)");
		goto out;
	}
	if ((rc = af_ymap_check(root, keys, err)) < 0)
		goto out;
	const struct af_ynode *n;
	if ((n = af_ymap_get(root, "synsets"))) {
		if (n->type != AF_Y_MAP) {
			rc = af_yerr(err, n, "synsets must be a map NAME: [members]");
			goto out;
		}
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			const struct af_ynode *k = n->kids[i], *v = n->kids[i + 1];
			char **m;
			size_t nm;
			if ((rc = af_yscalar(k, "synset name", err)) < 0)
				goto out;
			if ((rc = yaml_phrases(v, "synset members", &m, &nm, err)) < 0) {
				free_list(m, nm);
				goto out;
			}
			char name[64];
			snprintf(name, sizeof name, "%s", k->str[0] == '&' ? k->str + 1 : k->str);
			for (char *p = name; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			int si = new_synset(d, name, strlen(name), file);
			for (size_t j = 0; j < nm; j++)
				syn_add_raw(&d->syns[si], m[j], v->type == AF_Y_SEQ ? v->kids[j]->line : v->line);
			free_list(m, nm);
		}
	}
	if ((n = af_ymap_get(root, "actors"))) {
		if ((rc = yaml_list(n, "actors", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_actor(d, n->kids[i], err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "agents"))) {
		if ((rc = yaml_list(n, "agents", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_agent(d, n->kids[i], err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "verbs"))) {
		if ((rc = yaml_list(n, "verbs", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_verb(d, n->kids[i], file, err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "discards"))) {
		if ((rc = yaml_list(n, "discards", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n; i++) {
			const struct af_ynode *x = n->kids[i];
			if ((rc = af_yscalar(x, "discard", err)) < 0)
				goto out;
			int story = x->str[0] == '+';
			char up[256];
			snprintf(up, sizeof up, "%s", x->str + story);
			for (char *p = up; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			if (add_discard(d, up, strlen(up), story) <= 0) {
				rc = af_yerr(err, x, "bad discard phrase");
				goto out;
			}
		}
	}
	if ((n = af_ymap_get(root, "speech"))) {
		char **m;
		size_t nm;
		if ((rc = yaml_phrases(n, "speech", &m, &nm, err)) < 0) {
			free_list(m, nm);
			goto out;
		}
		for (size_t j = 0; j < nm; j++)
			set_flag(&d->speech, &d->speechcap, ev_wtab_add(&d->w, m[j], strlen(m[j])));
		free_list(m, nm);
	}
	rc = resolve_all(d, err);
out:
	af_yaml_free(root);
	return rc;
}

int af_evdict_load_defaults(struct af_evdict *d, unsigned which, struct af_error *err)
{
	static const struct {
		unsigned bit;
		const char *name;
		int (*load)(struct af_evdict *, const char *, size_t, const char *, struct af_error *);
	} files[] = {
		{AF_EVD_VERBS, "events-verbs.bin", af_evdict_load_verbs},
		{AF_EVD_ACTORS, "events-actors.bin", af_evdict_load_actors},
		{AF_EVD_AGENTS, "events-agents.bin", af_evdict_load_agents},
		{AF_EVD_DISCARDS, "events-discards.bin", af_evdict_load_discards},
		{AF_EVD_OWN, "events.yaml", af_evdict_load_yaml},
		{AF_EVD_OWN, "events-afghanistan.yaml", af_evdict_load_yaml},
	};
	/* all of them into a new dictionary: the start-up snapshot when this build has one */
	if ((which & AF_EVD_ALL) == AF_EVD_ALL && !(which & AF_EVD_TEXT) && !d->nactors && !d->nverbs &&
	    !d->nagents && !d->npats && !d->nfiles && d->nnodes == 1 && ev_snap_usable(af_evsnap, af_evsnap_len)) {
		struct af_evdict *t = af_calloc(1, sizeof *t);
		if (ev_snap_read(t, af_evsnap, af_evsnap_len) == 0) {
			ev_dict_release(d);
			*d = *t;
			free(t);
			return 0;
		}
		ev_dict_release(t);
		free(t);
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		if (!(which & files[i].bit))
			continue;
		const struct af_datafile *f = af_data_find(files[i].name);
		if (!f) {
			af_error_set(err, "compiled-in %s is missing (rebuild af)", files[i].name);
			return -1;
		}
		if (files[i].load(d, f->data, f->len, files[i].name, err) < 0)
			return -1;
	}
	return 0;
}
