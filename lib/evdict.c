/* evdict.c - the event dictionary core: interned words, the phrase trie, actor codes with date
 * restrictions, agents, discards, synsets, the line reader the text formats share, and the
 * compiled-in defaults. The readers of each format are beside it: evdict_petrarch.c (verb
 * patterns, PETRARCH-2 and PETRARCH-1/TABARI-era), evdict_phoenix.c (actors, agents and
 * discards in PETRARCH's text format), evdict_yaml.c (af's YAML format), evdict_tabari.c
 * (TABARI's own formats); docs/dictionaries.md. Every mistake is an error "file:line: what". */
#include "evdict_int.h"

#include "af/data.h"
#include "af/utf8.h"

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
AF_DATA_USE(events_world_yaml);
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
	t->words = af_grow(t->words, &t->wcap, t->nwords + 1, sizeof *t->words);
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


int ev_flag(const int *tab, size_t cap, int id)
{
	return id >= 0 && (size_t)id < cap && tab[id];
}

void ev_set_bits(int **tab, size_t *cap, int id, int bits)
{
	size_t old = *cap;
	*tab = af_grow(*tab, cap, (size_t)id + 1, sizeof **tab);
	memset(*tab + old, 0, (*cap - old) * sizeof **tab);
	(*tab)[id] |= bits;
}

void ev_set_flag(int **tab, size_t *cap, int id)
{
	ev_set_bits(tab, cap, id, 1);
}

int ev_bits(const int *tab, size_t cap, int id)
{
	return id >= 0 && (size_t)id < cap ? tab[id] : 0;
}

struct af_evdict *af_evdict_new(void)
{
	struct af_evdict *d = af_calloc(1, sizeof *d);
	d->nodes = af_grow(d->nodes, &d->nodecap, d->nnodes + 1, sizeof *d->nodes);
	d->nodes[d->nnodes++] = (struct ev_node){.actor = -1, .agent = -1};
	static const char *const speech[] = {
		"SAY", "SAYS", "SAID", "SAYING", "TELL", "TELLS", "TOLD", "TELLING", "ADD", "ADDS", "ADDED",
		"CLAIM", "CLAIMS", "CLAIMED", "CLAIMING", "REPORT", "REPORTS", "REPORTED", "QUOTE", "QUOTED",
		"QUOTING", "STATE", "STATED", "ANNOUNCE", "ANNOUNCED", "INSIST", "INSISTED", "ALLEGE",
		"ALLEGED", "NOTE", "NOTED", "ACCORDING", "BELIEVE", "BELIEVED", "INDICATE", "INDICATED", NULL};
	for (int i = 0; speech[i]; i++)
		ev_set_flag(&d->speech, &d->speechcap, ev_wtab_add(&d->w, speech[i], strlen(speech[i])));
	ev_closed_words(d);
	static const char *const pron[] = {"HE", "SHE", "HIM", "HER", NULL};
	for (int i = 0; pron[i]; i++)
		ev_set_flag(&d->pronoun, &d->pronouncap, ev_wtab_add(&d->w, pron[i], strlen(pron[i])));
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
	af_map_free(&d->synmap);
	free(d->speech);
	free(d->pronoun);
	free(d->wflag);
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

const char *ev_keep_file(struct af_evdict *d, const char *file)
{
	for (size_t i = 0; i < d->nfiles; i++)
		if (!strcmp(d->files[i], file))
			return d->files[i];
	d->files = af_reallocarray(d->files, d->nfiles + 1, sizeof *d->files);
	return d->files[d->nfiles++] = af_strdup(file);
}

/* ---- lines ---- */

int ev_rd_err(struct ev_rd *r, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	af_error_set(r->err, "%s:%d: %s", r->file, r->line, msg);
	return -1;
}

int ev_rd_errc(struct ev_rd *r, int col, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	af_error_set(r->err, "%s:%d:%d: %s", r->file, r->line, col, msg);
	return -1;
}

int ev_check_bytes(struct ev_rd *r)
{
	int line = 1;
	size_t lstart = 0;
	for (size_t i = 0; i < r->len;) {
		unsigned char c = (unsigned char)r->buf[i];
		if (c == '\n') {
			line++;
			lstart = ++i;
			continue;
		}
		if (c == 0 || c >= 0x80) {
			size_t bad = 0, n = c ? (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) : 1;
			if (n > r->len - i)
				n = r->len - i;
			if (c && af_utf8_valid(r->buf + i, n, &bad) && c >= 0xc2 && c <= 0xf4) {
				i += n;
				continue;
			}
			r->line = line;
			int col = (int)af_utf8_len(r->buf + lstart, i - lstart) + 1;
			if (!c)
				return ev_rd_errc(r, col, "NUL byte: a dictionary is text");
			return ev_rd_errc(r, col,
			                  "invalid UTF-8 (byte 0x%02X): a dictionary must be UTF-8 (a Latin-1 "
			                  "file converts with iconv -f latin1 -t utf-8)",
			                  c);
		}
		i++;
	}
	return 0;
}

/* Starts reading buf (the dictionary file `file`): 0, or -1 when its bytes are no text. */
int ev_rd_begin(struct ev_rd *r, const char *buf, size_t len, const char *file, struct af_error *err)
{
	*r = (struct ev_rd){.buf = buf, .len = len, .file = file, .err = err};
	return ev_check_bytes(r);
}

/* ev_rd_begin for a verb file: its name kept for the patterns' positions, a new load order. */
int ev_rd_begin_verbs(struct ev_rd *r, struct af_evdict *d, const char *buf, size_t len, const char *file,
                      struct af_error *err)
{
	file = ev_keep_file(d, file);
	d->order++;
	return ev_rd_begin(r, buf, len, file, err);
}

/* Ends the line of o bytes in r->s: its trailing blanks cut. The offset of its first other
 * byte (o when the line is blank). */
size_t ev_rd_trim(struct ev_rd *r, size_t o)
{
	while (o > 0 && isspace((unsigned char)r->s[o - 1]))
		o--;
	r->s[o] = 0;
	size_t k = 0;
	while (k < o && isspace((unsigned char)r->s[k]))
		k++;
	return k;
}

/* The next raw line: its bytes [*b, *e) of r->buf, r->s grown to hold a copy; 0 at the end.
 * The one line splitter of the PETRARCH and TABARI readers. */
int ev_rd_line(struct ev_rd *r, size_t *b, size_t *e)
{
	if (r->pos >= r->len)
		return 0;
	*b = *e = r->pos;
	while (*e < r->len && r->buf[*e] != '\n')
		(*e)++;
	r->pos = *e < r->len ? *e + 1 : *e;
	r->line++;
	r->s = af_grow(r->s, &r->cap, *e - *b + 1, 1);
	return 1;
}

/* The next non-empty line; 0 at the end. Leading whitespace is kept (actor code lines). */
int ev_rd_next(struct ev_rd *r)
{
	size_t b, e;
	while (ev_rd_line(r, &b, &e)) {
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
					r->cline = r->line;
					r->ccol = (int)(i - b) + 1;
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
		if (!r->s[ev_rd_trim(r, o)])
			continue;
		return 1;
	}
	if (r->incomment && !r->failed) {
		r->line = r->cline;
		ev_rd_errc(r, r->ccol, "'<!--' is never closed by '-->' (it would hide the rest of the file)");
		r->failed = 1;
	}
	return 0;
}

/* Words of a phrase ("A_B C", "{X Y}") as ids; '_' and spaces separate. Returns the count
 * (at most max), or -1 when there are more. *final gets 1 when it ends with '_'. */
int ev_phrase_words(struct af_evdict *d, const char *s, size_t n, int *ids, int max, int *final)
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
void ev_plural(const char *w, char *out)
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
	ev_plural(d->w.words[word], p);
	if (p[0])
		out3[0] = ev_wtab_add(&d->w, p, strlen(p));
}

/* ---- actors ---- */

int ev_add_phrase_node(struct af_evdict *d, const int *ids, int n)
{
	int node = 0;
	for (int i = 0; i < n; i++) {
		int nx = ev_edges_get(&d->edges, node, ids[i]);
		if (nx < 0) {
			d->nodes = af_grow(d->nodes, &d->nodecap, d->nnodes + 1, sizeof *d->nodes);
			nx = (int)d->nnodes;
			d->nodes[d->nnodes++] = (struct ev_node){.actor = -1, .agent = -1};
			edges_put(&d->edges, node, ids[i], nx);
		}
		node = nx;
	}
	return node;
}

/* "YYMMDD" (YY <= 30 -> 20YY) or "YYYYMMDD" -> yyyymmdd; -1 when not a date. */
long ev_parse_date(const char *s, size_t n)
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
		v += yy <= 30 ? 20000000 : 19000000;
	} else if (k == 7) { /* a data quirk: YYYYMMD */
		v = (v / 1000) * 10000 + ((v / 10) % 100) * 100 + v % 10;
	}
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long y = v / 10000, m = (v / 100) % 100, dd = v % 100;
	if (m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1] ||
	    (m == 2 && dd == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
		return -2;
	return v;
}

/* A bad date at p in the code body s (n bytes) of the current line; why: ev_parse_date's -1/-2. */
static int date_err(struct ev_rd *r, const char *p, long why, size_t n, const char *s)
{
	while (isspace((unsigned char)*p))
		p++;
	int col = r->s && p >= r->s && p < r->s + r->cap ? (int)(p - r->s) + 1 : 1;
	if (why == -2)
		return ev_rd_errc(r, col, "month or day out of range in [%.*s]", (int)n, s);
	return ev_rd_errc(r, col, "bad date in [%.*s] (want YYMMDD or YYYYMMDD)", (int)n, s);
}

/* One "[CODE restriction]" body into c. */
static int parse_code(struct ev_rd *r, const char *s, size_t n, struct ev_code *c)
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
		return ev_rd_err(r, "actor code missing in [%.*s]", (int)n, s);
	}
	if (i - b >= sizeof c->code)
		return ev_rd_err(r, "actor code too long: %.*s", (int)(i - b), s + b);
	for (size_t j = b; j < i; j++)
		if (!(isalnum((unsigned char)s[j]) || strchr("-+/#~", s[j])))
			return ev_rd_err(r, "bad character '%c' in actor code %.*s", s[j], (int)(i - b), s + b);
	memcpy(c->code, s + b, i - b);
	if (strspn(c->code, "0123456789-") == strlen(c->code) && strlen(c->code) >= 5)
		return ev_rd_err(r, "actor code missing before the date in [%.*s]", (int)n, s);
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n) {
		c->kind = EV_DATE_ANY;
		return 0;
	}

	if (s[i] == '<' || s[i] == '>') {
		c->kind = s[i] == '<' ? EV_DATE_BEFORE : EV_DATE_AFTER;
		c->d1 = ev_parse_date(s + i + 1, n - i - 1);
		if (c->d1 < 0)
			return date_err(r, s + i + 1, c->d1, n, s);
		return 0;
	}
	const char *dash = memchr(s + i, '-', n - i);
	if (!dash)
		return ev_rd_err(r, "bad date restriction in [%.*s] (want <date, >date or date-date)", (int)n,
		              s);
	c->kind = EV_DATE_BETWEEN;
	c->d1 = ev_parse_date(s + i, (size_t)(dash - (s + i)));
	c->d2 = ev_parse_date(dash + 1, (size_t)(s + n - dash - 1));
	if (c->d1 < 0)
		return date_err(r, s + i, c->d1, n, s);
	if (c->d2 < 0)
		return date_err(r, dash + 1, c->d2, n, s);
	if (c->d2 < c->d1)
		return ev_rd_errc(r, (int)(s + i - r->s) + 1, "date range in [%.*s] ends before it begins",
		                  (int)n, s);
	return 0;
}

/* The [..] groups of s from position i into the actor. */
int ev_parse_codes(struct ev_rd *r, struct ev_actor *a, const char *s)
{
	const char *p = s;
	while ((p = strchr(p, '['))) {
		const char *e = strchr(p, ']');
		if (!e)
			return ev_rd_err(r, "missing ']' in %s", s);
		struct ev_code c;
		if (parse_code(r, p + 1, (size_t)(e - p - 1), &c) < 0)
			return -1;
		a->codes = af_reallocarray(a->codes, a->ncodes + 1, sizeof *a->codes);
		a->codes[a->ncodes++] = c;
		p = e + 1;
		while (*p && isspace((unsigned char)*p))
			p++;
		if (*p && *p != '[')
			return ev_rd_err(r, "unexpected text after ']': %s", p);
	}
	return 0;
}

char *ev_title_case(const char *s, size_t n)
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

int ev_new_actor(struct af_evdict *d)
{
	d->actors = af_grow(d->actors, &d->actorcap, d->nactors + 1, sizeof *d->actors);
	memset(&d->actors[d->nactors], 0, sizeof d->actors[0]);
	return (int)d->nactors++;
}

int ev_add_actor_phrase(struct ev_rd *r, struct af_evdict *d, const char *s, size_t n, int actor)
{
	int ids[24];
	int k = ev_phrase_words(d, s, n, ids, 24, NULL);
	if (k < 0)
		return ev_rd_err(r, "actor phrase too long (more than 24 words)");
	if (k == 0)
		return ev_rd_err(r, "empty actor phrase");
	int nd = ev_add_phrase_node(d, ids, k);
	d->nodes[nd].actor = actor;
	return 0;
}

int ev_finish_actor(struct ev_rd *r, struct af_evdict *d, int actor, int line)
{
	if (actor < 0)
		return 0;
	struct ev_actor *a = &d->actors[actor];
	if (a->ncodes == 0) {
		af_error_set(r->err, "%s:%d: actor %s has no code", r->file, line,
		             a->canonical ? a->canonical : "?");
		return -1;
	}
	/* a person: a dated code with a role (Phoenix keeps leaders this way: [AFGGOV 011222-140929]);
	 * a country's dated codes name states ([USRTJK <910909] [TJK >911221]), not a person */
	for (size_t i = 0; i < a->ncodes; i++)
		for (size_t k = 3; a->codes[i].kind != EV_DATE_ANY && k + 3 <= strlen(a->codes[i].code); k += 3)
			if (ev_role_seg(a->codes[i].code + k))
				a->person = 1;
	return 0;
}

/* Is seg (3 letters) a CAMEO role, not a country, organisation or religion? */
int ev_role_seg(const char *seg)
{
	static const char roles[] = "GOV ELI OPP REB INS MIL LEG JUD COP SPY PTY CVL MED BUS REF LAB EDU HLH "
	                            "HRI AGR ENV CRM UAF SET DEV";
	for (const char *r = roles; *r; r += r[3] ? 4 : 3)
		if (!strncmp(r, seg, 3))
			return 1;
	return 0;
}

/* ---- agents ---- */

int ev_agent_code(struct ev_rd *r, const char *s, size_t n, struct ev_agent *ag)
{
	memset(ag, 0, sizeof *ag);
	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	const char *t = memchr(s, '~', n);
	if (!t)
		return ev_rd_err(r, "agent code [%.*s] has no '~' (want [~ROLE] or [ROOT~])", (int)n, s);
	size_t pre = (size_t)(t - s), post = n - pre - 1;
	if (pre >= sizeof ag->pre || post >= sizeof ag->post)
		return ev_rd_err(r, "agent code [%.*s] too long", (int)n, s);
	for (size_t i = 0; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '~' || s[i] == '-'))
			return ev_rd_err(r, "bad character '%c' in agent code [%.*s]", s[i], (int)n, s);
	if (!pre && !post)
		return ev_rd_err(r, "empty agent code [~]");
	memcpy(ag->pre, s, pre);
	memcpy(ag->post, t + 1, post);
	return 0;
}

int ev_add_agent_phrase(struct af_evdict *d, const char *phrase, int agent)
{
	int ids[16];
	int k = ev_phrase_words(d, phrase, strlen(phrase), ids, 16, NULL);
	if (k <= 0)
		return 0;
	int nd = ev_add_phrase_node(d, ids, k);
	d->nodes[nd].agent = agent;
	return 0;
}

/* ---- discards ---- */

int ev_add_discard(struct af_evdict *d, const char *s, size_t n, int story)
{
	int ids[16], final;
	int k = ev_phrase_words(d, s, n, ids, 16, &final);
	if (k <= 0)
		return k;
	int ni = ev_add_phrase_node(d, ids, k);
	struct ev_node *nd = &d->nodes[ni];
	nd->discard = story ? 2 : 1;
	nd->stem = !final;
	return k;
}

static int find_synset(struct af_evdict *d, const char *name, size_t n)
{
	if (d->synmap.n != d->nsyns) { /* synsets restored from the snapshot: map them once */
		af_map_free(&d->synmap);
		for (size_t i = 0; i < d->nsyns; i++)
			*af_map_put(&d->synmap, d->syns[i].name, strlen(d->syns[i].name), NULL) = i + 1;
	}
	size_t *v = af_map_get(&d->synmap, name, n);
	return v ? (int)*v - 1 : -1;
}

int ev_new_synset(struct af_evdict *d, const char *name, size_t n, const char *file)
{
	int i = find_synset(d, name, n);
	if (i >= 0)
		return i;
	d->syns = af_grow(d->syns, &d->syncap, d->nsyns + 1, sizeof *d->syns);
	struct ev_synset *s = &d->syns[d->nsyns];
	memset(s, 0, sizeof *s);
	s->name = af_strndup(name, n);
	s->file = file;
	*af_map_put(&d->synmap, name, n, NULL) = d->nsyns + 1;
	return (int)d->nsyns++;
}

void ev_syn_add_raw(struct ev_synset *s, const char *m, int line)
{
	if (s->nraw == s->rawcap) {
		size_t cap = s->rawcap;
		s->raw = af_grow(s->raw, &s->rawcap, s->nraw + 1, sizeof *s->raw);
		s->rawline = af_grow(s->rawline, &cap, s->nraw + 1, sizeof *s->rawline);
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
				s->alts = af_grow(s->alts, &s->cap, s->nalts + 1, sizeof *s->alts);
				s->alts[s->nalts++] = t->alts[j];
			}
			continue;
		}
		struct ev_synalt a = {.plural = {-1, -1, -1}};
		int final;
		int k = ev_phrase_words(d, m, strlen(m), a.words, 8, &final);
		if (k <= 0) {
			af_error_set(err, "%s:%d: bad synset member '%s' (1 to 8 words)", s->file, s->rawline[i], m);
			return -1;
		}
		a.nwords = k;
		if (!final && !noplural && m[0] != '{')
			plurals_of(d, a.words[k - 1], a.plural);
		s = &d->syns[si];
		s->alts = af_grow(s->alts, &s->cap, s->nalts + 1, sizeof *s->alts);
		s->alts[s->nalts++] = a;
	}
	s->resolved = 1;
	s->resolving = 0;
	return 0;
}

/* Parses a pattern "PRE * POST" (the text between '-' and '[') into p. */
int ev_resolve_all(struct af_evdict *d, struct af_error *err)
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
		{AF_EVD_OWN, "events-world.yaml", af_evdict_load_yaml},
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
	int own = d->own_actors; /* the defaults are no caller's file */
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		d->own_actors = own;
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
	d->own_actors = own;
	return 0;
}
