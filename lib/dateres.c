/* dateres.c - the date resolver: date expressions in running text ("last Thursday", "N
 * years ago", "early July", "since the late 1980s", "by the end of the year") resolved
 * against the publication date, by the words of data/dates.yaml (`resolve`). af-entities
 * writes what it finds as DATE mentions; af-events dates its events by it. The grammar is
 * a few token patterns tried at each token of a sentence, longest first:
 *   expression := since PERIOD | range_from PERIOD range_to PERIOD | deadline PERIOD | PERIOD
 *   PERIOD     := [part] ( absolute | relative day | [back|ahead|current] weekday
 *                 | back|ahead|current unit | number unit ago | month | year forms )
 * af-entities(1), DATES, lists every form and its value. */
#include "af/dates.h"
#include "dates_int.h"
#include "english.h"
#include "af/utf8.h"
#include "af/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the words ---- */

struct phrase {
	char **w; /* words, lower case */
	size_t nw;
	int v;
	uint64_t h0; /* word_hash of its first word: a token of another hash cannot start it */
};

struct plist {
	struct phrase *v;
	size_t n;
	uint64_t first[4]; /* bit h0 % 256 of each phrase: most words start no phrase of a list */
};

enum {
	L_RELDAY, L_BACK, L_AHEAD, L_CURRENT, L_UNITS, L_AGO, L_NUMBERS, L_PARTS, L_FUTURE, L_PAST,
	L_MONTHCUE, L_SINCE, L_RFROM, L_RTO, L_DEADLINE, L_COUNTED, L_PASTSUF, L_UNITS_PL, L_N
};

static const char *const list_keys[L_N] = {
	"relative_days", "back", "ahead", "current", "units", "ago", "numbers", "parts", "future", "past",
	"month_cues", "since", "range_from", "range_to", "deadline", "counted_nouns", "past_endings", "units_plural"};
/* the lists that are mappings of phrase to a number, with the numbers allowed */
static const int list_map[L_N][3] = {
	[L_RELDAY] = {1, -7, 7}, [L_UNITS] = {1, 1, 3650}, [L_UNITS_PL] = {1, 1, 3650}, [L_NUMBERS] = {1, 1, 1000}, [L_PARTS] = {1, 1, 4}};

enum { PART_EARLY = 1, PART_MID = 2, PART_LATE = 3, PART_END = 4 };
enum { U_DAY = 1, U_WEEK = 7, U_MONTH = 30, U_YEAR = 365, U_DECADE = 3650 };

#define FIRST_SLOTS 512 /* hash slots of the first words of all phrases (a power of two) */

struct af_daterules {
	struct plist l[L_N];
	uint64_t first[FIRST_SLOTS]; /* hashes of every phrase's first word; 0 = empty */
	size_t nfirst;
	/* the tokens of the sentence being read */
	struct dtok *t;
	size_t cap;
};

static uint64_t word_hash(const char *s, size_t n)
{
	char buf[48];
	if (n > sizeof buf)
		return 1; /* no phrase word is that long */
	for (size_t i = 0; i < n; i++)
		buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] | 0x20) : s[i];
	uint64_t h = af_hash(buf, n);
	return h ? h : 2;
}

static void first_put(struct af_daterules *r, uint64_t h)
{
	if (r->nfirst * 2 >= FIRST_SLOTS)
		return; /* full: first_has then says yes to everything (see there) */
	size_t k = h & (FIRST_SLOTS - 1);
	while (r->first[k] && r->first[k] != h)
		k = (k + 1) & (FIRST_SLOTS - 1);
	if (!r->first[k]) {
		r->first[k] = h;
		r->nfirst++;
	}
}

static int first_has(const struct af_daterules *r, uint64_t h)
{
	if (r->nfirst * 2 >= FIRST_SLOTS)
		return 1;
	size_t k = h & (FIRST_SLOTS - 1);
	while (r->first[k]) {
		if (r->first[k] == h)
			return 1;
		k = (k + 1) & (FIRST_SLOTS - 1);
	}
	return 0;
}

struct af_daterules *af_daterules_new(void)
{
	return af_calloc(1, sizeof(struct af_daterules));
}

void af_daterules_free(struct af_daterules *r)
{
	if (!r)
		return;
	for (int k = 0; k < L_N; k++) {
		for (size_t i = 0; i < r->l[k].n; i++) {
			for (size_t j = 0; j < r->l[k].v[i].nw; j++)
				free(r->l[k].v[i].w[j]);
			free(r->l[k].v[i].w);
		}
		free(r->l[k].v);
	}
	free(r->t);
	free(r);
}

/* The phrase s (words between spaces) into list with its value v; 0, or -1 when it has no word. */
static int add_words(struct af_daterules *r, int list, const char *s, int v)
{
	struct phrase p = {.v = v};
	while (*s) {
		while (*s == ' ')
			s++;
		size_t len = strcspn(s, " ");
		if (!len)
			break;
		p.w = af_reallocarray(p.w, p.nw + 1, sizeof *p.w);
		char *w = af_malloc(len + 1);
		for (size_t i = 0; i < len; i++)
			w[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] | 0x20) : s[i];
		w[len] = '\0';
		p.w[p.nw++] = w;
		s += len;
	}
	if (!p.nw)
		return -1;
	p.h0 = word_hash(p.w[0], strlen(p.w[0]));
	first_put(r, p.h0);
	struct plist *l = &r->l[list];
	l->first[(p.h0 >> 6) & 3] |= 1ull << (p.h0 & 63);
	l->v = af_reallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = p;
	return 0;
}

static int add_phrase(struct af_daterules *r, int list, const struct af_ynode *n, int v, struct af_error *err)
{
	if (af_yscalar(n, "a word or phrase", err) < 0)
		return -1;
	if (add_words(r, list, n->str, v) < 0)
		return af_yerr(err, n, "an empty phrase");
	return 0;
}

struct en_list {
	struct af_daterules *r;
	int list;
};

static void en_phrase(void *ctx, const char *word, int value)
{
	struct en_list *x = ctx;
	add_words(x->r, x->list, word, value);
}

void af_daterules_english(struct af_daterules *r, const struct af_english *en)
{
	struct en_list days = {r, L_RELDAY}, numbers = {r, L_NUMBERS};
	af_english_each(en, AF_EN_RELDAY, en_phrase, &days);
	af_english_each(en, AF_EN_NUMBER, en_phrase, &numbers);
}

int af_daterules_merge(struct af_daterules *r, const struct af_ynode *res, struct af_error *err)
{
	if (res->type != AF_Y_MAP)
		return af_yerr(err, res, "resolve: expected a mapping of word lists, found %s", af_ytype_name(res));
	for (size_t i = 0; i + 1 < res->n; i += 2) {
		const struct af_ynode *k = res->kids[i], *v = res->kids[i + 1];
		int list = -1;
		for (int j = 0; j < L_N; j++)
			if (!strcmp(k->str, list_keys[j]))
				list = j;
		if (list < 0)
			return af_yerr(err, k, "resolve: unknown key '%s'", k->str);
		if (list_map[list][0]) {
			if (v->type != AF_Y_MAP)
				return af_yerr(err, v, "resolve: %s: expected a mapping of phrase to number, found %s",
				               k->str, af_ytype_name(v));
			for (size_t j = 0; j + 1 < v->n; j += 2) {
				long num;
				if (af_yscalar(v->kids[j + 1], "a number", err) < 0)
					return -1;
				if (af_parse_long(v->kids[j + 1]->str, list_map[list][1], list_map[list][2], &num) < 0)
					return af_yerr(err, v->kids[j + 1], "resolve: %s: expected a number %d to %d, found '%s'",
					               k->str, list_map[list][1], list_map[list][2], v->kids[j + 1]->str);
				if (add_phrase(r, list, v->kids[j], (int)num, err) < 0)
					return -1;
			}
		} else {
			if (v->type != AF_Y_SEQ)
				return af_yerr(err, v, "resolve: %s: expected a list of words, found %s", k->str,
				               af_ytype_name(v));
			for (size_t j = 0; j < v->n; j++)
				if (add_phrase(r, list, v->kids[j], 1, err) < 0)
					return -1;
		}
	}
	return 0;
}

/* ---- tokens ---- */

enum { T_WORD = 1, T_NUM, T_PUNCT };

struct dtok {
	size_t a, b; /* bytes */
	int kind, cap;
	int ndig;    /* T_NUM: the leading digits */
	uint64_t h;  /* T_WORD: word_hash */
};

static int is_apos(const char *s, size_t i, size_t n, size_t *len)
{
	if (s[i] == '\'') {
		*len = 1;
		return 1;
	}
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x99) {
		*len = 3;
		return 1;
	}
	return 0;
}

static int is_dash(const char *s, size_t i, size_t n, size_t *len)
{
	if (s[i] == '-') {
		*len = 1;
		return 1;
	}
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
		*len = 3;
		return 1;
	}
	return 0;
}

static int isdig(char c)
{
	return c >= '0' && c <= '9';
}

static size_t tokenize(struct af_daterules *r, const char *s, size_t a, size_t b)
{
	size_t nt = 0, i = a;
	while (i < b) {
		size_t j = i;
		uint32_t cp = af_utf8_next(s, &j);
		if (j > b)
			j = b;
		if (af_uni_isspace(cp)) {
			i = j;
			continue;
		}
		if (nt == r->cap)
			r->t = af_grow(r->t, &r->cap, nt + 1, sizeof *r->t);
		struct dtok *t = &r->t[nt++];
		memset(t, 0, sizeof *t);
		t->a = i;
		if (isdig(s[i])) {
			/* 10, 10th, 1990s, 1989-90, 2001–2021, 2025-12-10 */
			size_t k = i;
			while (k < b && isdig(s[k]))
				k++;
			t->ndig = (int)(k - i);
			for (;;) {
				size_t dl;
				if (k < b && is_dash(s, k, b, &dl) && k + dl < b && isdig(s[k + dl])) {
					k += dl;
					while (k < b && isdig(s[k]))
						k++;
				} else {
					break;
				}
			}
			while (k < b && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
				k++;
			t->kind = T_NUM;
			t->b = k;
		} else if (af_uni_isalpha(cp)) {
			t->cap = af_uni_isupper(cp);
			size_t k = j;
			while (k < b) {
				unsigned char ac = (unsigned char)s[k] | 0x20;
				if (ac >= 'a' && ac <= 'z' && (unsigned char)s[k] < 0x80) { /* an ASCII letter */
					k++;
					continue;
				}
				size_t m = k, al;
				uint32_t c2 = af_utf8_next(s, &m);
				if (af_uni_isalpha(c2)) {
					k = m;
					continue;
				}
				if (is_apos(s, k, b, &al) && k + al < b) {
					size_t m2 = k + al;
					/* a possessive "'s" is a token of its own ("Sunday's", "this year’s") */
					size_t m3 = m2 + 1;
					if ((s[m2] == 's' || s[m2] == 'S') && (m3 >= b || !af_uni_isalpha(af_utf8_next(s, &m3))))
						break;
					if (af_uni_isalpha(af_utf8_next(s, &m2))) {
						k += al;
						continue;
					}
				}
				break;
			}
			t->kind = T_WORD;
			t->b = k > b ? b : k;
			t->h = word_hash(s + t->a, t->b - t->a);
		} else {
			t->kind = T_PUNCT;
			t->b = j;
		}
		i = t->b;
	}
	return nt;
}

/* ---- reading ---- */

struct res {
	struct af_dates *d;
	struct af_daterules *r;
	const char *s;
	struct dtok *t;
	size_t nt;
	int have_pub, py, pm, pd;
	long pub; /* days */
	int lean; /* the tense when the sentence has no tense word: -1 behind, 1 ahead (deadlines) */
};

/* Is token i the word w (lower case; ’ matches ')? */
static int word_eq(const struct res *x, size_t i, const char *w)
{
	const struct dtok *t = &x->t[i];
	if (t->kind != T_WORD)
		return 0;
	size_t k = t->a;
	while (*w) {
		if (k >= t->b)
			return 0;
		size_t al;
		if (*w == '\'' && is_apos(x->s, k, t->b, &al)) {
			k += al;
			w++;
			continue;
		}
		char c = x->s[k];
		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if (c != *w)
			return 0;
		k++;
		w++;
	}
	return k == t->b;
}

/* The longest phrase of list that starts at token i: its length in tokens (0: none). */
static size_t match(const struct res *x, int list, size_t i, int *val)
{
	if (i >= x->nt || x->t[i].kind != T_WORD || !first_has(x->r, x->t[i].h))
		return 0;
	const struct plist *l = &x->r->l[list];
	uint64_t h = x->t[i].h;
	if (!(l->first[(h >> 6) & 3] >> (h & 63) & 1))
		return 0;
	size_t best = 0;
	for (size_t k = 0; k < l->n; k++) {
		const struct phrase *p = &l->v[k];
		if (p->h0 != x->t[i].h || p->nw <= best || i + p->nw > x->nt)
			continue;
		size_t j = 0;
		while (j < p->nw && word_eq(x, i + j, p->w[j]))
			j++;
		if (j == p->nw) {
			best = p->nw;
			if (val)
				*val = p->v;
		}
	}
	return best;
}

static int is_punct(const struct res *x, size_t i, const char *p)
{
	return i < x->nt && x->t[i].kind == T_PUNCT && x->t[i].b - x->t[i].a == strlen(p) &&
	       !strncmp(x->s + x->t[i].a, p, x->t[i].b - x->t[i].a);
}

static int month_at(const struct res *x, size_t i)
{
	if (i >= x->nt || x->t[i].kind != T_WORD || !x->t[i].cap)
		return 0;
	return af_dates_month(x->d, x->s + x->t[i].a, x->t[i].b - x->t[i].a);
}

static int weekday_at(const struct res *x, size_t i)
{
	if (i >= x->nt || x->t[i].kind != T_WORD || !x->t[i].cap || x->t[i].b - x->t[i].a <= 3)
		return 0;
	return af_dates_weekday(x->d, x->s + x->t[i].a, x->t[i].b - x->t[i].a);
}

/* A day of the month (1-31, "10th" too) at token i. */
static int day_at(const struct res *x, size_t i, int *day)
{
	if (i >= x->nt || x->t[i].kind != T_NUM || x->t[i].ndig > 2)
		return 0;
	const struct dtok *t = &x->t[i];
	const char *p = x->s + t->a;
	size_t rest = t->b - t->a - (size_t)t->ndig;
	if (rest && !(rest == 2 && (!strncasecmp(p + t->ndig, "st", 2) || !strncasecmp(p + t->ndig, "nd", 2) ||
	                            !strncasecmp(p + t->ndig, "rd", 2) || !strncasecmp(p + t->ndig, "th", 2))))
		return 0;
	int v = 0;
	for (int k = 0; k < t->ndig; k++)
		v = v * 10 + (p[k] - '0');
	if (v < 1 || v > 31)
		return 0;
	*day = v;
	return 1;
}

/* A plain four-digit year at token i. */
static int year_at(const struct res *x, size_t i, int *y)
{
	if (i >= x->nt || x->t[i].kind != T_NUM || x->t[i].ndig != 4 || x->t[i].b - x->t[i].a != 4)
		return 0;
	const char *p = x->s + x->t[i].a;
	*y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	return 1;
}

/* A lower-case word of five letters or more with a past ending ("lasted"). */
static int past_ending(const struct res *x, size_t i)
{
	const struct dtok *t = &x->t[i];
	if (t->kind != T_WORD || t->cap || t->b - t->a < 5)
		return 0;
	const struct plist *l = &x->r->l[L_PASTSUF];
	for (size_t k = 0; k < l->n; k++) {
		const char *e = l->v[k].w[0];
		size_t n = strlen(e);
		if (t->b - t->a > n && !strncmp(x->s + t->b - n, e, n))
			return 1;
	}
	return 0;
}

/* Does the sentence put the words at tokens [i, e) ahead (1) or behind (-1)? The nearest
 * tense word before them, else the first after them; 0 when it has none. */
#define TENSE_WIN 40
static int tense(const struct res *x, size_t i, size_t e)
{
	int v;
	for (size_t k = i; k-- > 0 && k + TENSE_WIN > i;) {
		size_t m;
		if ((m = match(x, L_FUTURE, k, &v)) && k + m <= i)
			return 1;
		if (((m = match(x, L_PAST, k, &v)) && k + m <= i) || past_ending(x, k))
			return -1;
	}
	for (size_t k = e; k < x->nt && k < e + TENSE_WIN; k++) {
		if (match(x, L_FUTURE, k, &v))
			return 1;
		if (match(x, L_PAST, k, &v) || past_ending(x, k))
			return -1;
	}
	return 0;
}

/* The tense, and when the sentence has no tense word the one the context leans to. */
static int tense_or_lean(const struct res *x, size_t i, size_t e)
{
	int t = tense(x, i, e);
	return t ? t : x->lean;
}

/* A period the words name. v is its value; from and to its first and last value where
 * a range starts or ends (the decade "1990-1999": from "1990", to "1999"). */
struct per {
	size_t end;   /* the token after it */
	int resolved;
	char v[24], from[24], to[24];
	long last;    /* its last day (days since 1970), -1 when not known */
};

static void set_date(struct per *p, long z)
{
	int y, m, d;
	af_dt_from_days(z, &y, &m, &d);
	snprintf(p->v, sizeof p->v, "%04d-%02d-%02d", y, m, d);
	p->last = z;
	p->resolved = 1;
}

static void set_week(struct per *p, long z)
{
	int y, m, d;
	af_dt_from_days(z, &y, &m, &d);
	long thu = z - af_dt_weekday(y, m, d) + 3; /* ISO: the week of its Thursday */
	af_dt_from_days(thu, &y, &m, &d);
	snprintf(p->v, sizeof p->v, "%04d-W%02d", y, (int)((thu - af_dt_days(y, 1, 1)) / 7) + 1);
	p->last = thu + 3;
	p->resolved = 1;
}

static void set_month(struct per *p, int y, int m)
{
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	snprintf(p->v, sizeof p->v, "%04d-%02d", y, m);
	p->last = af_dt_days(y, m, af_dt_mdays(y, m));
	p->resolved = 1;
}

static void set_year(struct per *p, int y)
{
	snprintf(p->v, sizeof p->v, "%04d", y);
	p->last = af_dt_days(y, 12, 31);
	p->resolved = 1;
}

/* The year that puts month/day nearest the publication date (among the years that have
 * that day: February 29). */
static int nearest_year(const struct res *x, int mo, int d)
{
	long best = -1;
	int by = x->py;
	for (int y = x->py - 1; y <= x->py + 1; y++) {
		if (d > af_dt_mdays(y, mo))
			continue;
		long diff = labs(af_dt_days(y, mo, d) - x->pub);
		if (best < 0 || diff < best) {
			best = diff;
			by = y;
		}
	}
	return by;
}

static int tense(const struct res *x, size_t i, size_t e);

/* The year of a month and day written without one: in a sentence about the future the
 * first on or after the publication date ("will last until September 11"), in one about
 * the past the last on or before it ("announced on June 27" in an article of June 14 is
 * last year's), else the nearest to it. */
static int year_of(const struct res *x, int mo, int d, size_t i, size_t e)
{
	int t = tense(x, i, e), y = x->py;
	if (!t && x->lean < 0)
		return nearest_year(x, mo, d);
	if (t > 0 || (!t && x->lean > 0)) {
		if (d > af_dt_mdays(y, mo) || af_dt_days(y, mo, d) < x->pub)
			y++;
	} else if (d > af_dt_mdays(y, mo) || af_dt_days(y, mo, d) > x->pub) {
		y--;
	}
	return y;
}

/* Month [.] day [,] [year] / month year / day month [year] at token i. */
static int absolute(const struct res *x, size_t i, struct per *p)
{
	int mo = month_at(x, i), day = 0, year = 0;
	if (mo) {
		size_t k = i + 1;
		if (is_punct(x, k, "."))
			k++;
		if (day_at(x, k, &day)) {
			size_t e = k + 1;
			if (is_punct(x, e, ",") && year_at(x, e + 1, &year))
				e += 2;
			else if (year_at(x, e, &year))
				e++;
			else
				year = 0;
			if (!year && x->have_pub)
				year = year_of(x, mo, day, i, e);
			if (year && day <= af_dt_mdays(year, mo))
				set_date(p, af_dt_days(year, mo, day));
			p->end = e;
			return 1;
		}
		if (year_at(x, k, &year)) {
			set_month(p, year, mo);
			p->end = k + 1;
			return 1;
		}
		return 0;
	}
	if (day_at(x, i, &day) && (mo = month_at(x, i + 1))) {
		size_t e = i + 2;
		if (year_at(x, e, &year))
			e++;
		else
			year = x->have_pub ? year_of(x, mo, day, i, e) : 0;
		if (year && day <= af_dt_mdays(year, mo))
			set_date(p, af_dt_days(year, mo, day));
		p->end = e;
		return 1;
	}
	return 0;
}

/* 2021, 1990s, 1989-90, 2001-2021, 2025-12-10 at token i (part: early/mid/late of a decade). */
static int year_forms(const struct res *x, size_t i, int part, struct per *p)
{
	if (i >= x->nt || x->t[i].kind != T_NUM || x->t[i].ndig != 4)
		return 0;
	const char *q = x->s + x->t[i].a;
	size_t n = x->t[i].b - x->t[i].a;
	int yv = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
	if (yv < 1900 || yv > 2099)
		return 0;
	if (i > 0 && (is_punct(x, i - 1, "$") || is_punct(x, i - 1, "#") || is_punct(x, i - 1, "£") ||
	              is_punct(x, i - 1, "€")))
		return 0;
	const char *rest = q + 4;
	size_t rn = n - 4;
	p->end = i + 1;
	if (rn == 0) {
		int v;
		if (match(x, L_COUNTED, i + 1, &v) || is_punct(x, i + 1, "%"))
			return 0;
		set_year(p, yv);
	} else if (rn == 1 && rest[0] == 's') {
		int lo = yv, hi = yv + 9;
		if (part == PART_EARLY)
			hi = yv + 3;
		else if (part == PART_MID)
			lo = yv + 4, hi = yv + 6;
		else if (part >= PART_LATE)
			lo = yv + 7;
		snprintf(p->v, sizeof p->v, "%04d-%04d", lo, hi);
		snprintf(p->from, sizeof p->from, "%04d", lo);
		snprintf(p->to, sizeof p->to, "%04d", hi);
		p->last = af_dt_days(hi, 12, 31);
		p->resolved = 1;
	} else if (rn == 6 && rest[0] == '-' && rest[3] == '-' && isdig(rest[1]) && isdig(rest[2]) &&
	           isdig(rest[4]) && isdig(rest[5])) {
		int m = (rest[1] - '0') * 10 + (rest[2] - '0'), d = (rest[4] - '0') * 10 + (rest[5] - '0');
		if (m < 1 || m > 12 || d < 1 || d > af_dt_mdays(yv, m))
			return 0;
		set_date(p, af_dt_days(yv, m, d));
	} else {
		/* a range of years: a dash, then 2 or 4 digits */
		size_t j = 0;
		if (!is_dash(rest, 0, rn, &j))
			return 0;
		size_t dn = rn - j;
		const char *e = rest + j;
		if (dn != 2 && dn != 4)
			return 0;
		for (size_t t = 0; t < dn; t++)
			if (!isdig(e[t]))
				return 0;
		int y2 = dn == 2 ? yv / 100 * 100 + (e[0] - '0') * 10 + (e[1] - '0')
		                 : (e[0] - '0') * 1000 + (e[1] - '0') * 100 + (e[2] - '0') * 10 + (e[3] - '0');
		snprintf(p->v, sizeof p->v, "%04d-%.*s", yv, (int)dn, e);
		snprintf(p->from, sizeof p->from, "%04d", yv);
		snprintf(p->to, sizeof p->to, "%04d", y2);
		p->last = af_dt_days(y2, 12, 31);
		p->resolved = 1;
	}
	return 1;
}

/* A weekday: mod -1 "last", 1 "next", 0 none or "this" (the sentence's tense decides). */
static void weekday(const struct res *x, int wd, int mod, size_t i, size_t e, struct per *p)
{
	if (!x->have_pub)
		return;
	int pw = af_dt_weekday(x->py, x->pm, x->pd) + 1;
	int back = (pw - wd + 7) % 7, ahead = (wd - pw + 7) % 7;
	long z;
	if (mod < 0)
		z = x->pub - (back ? back : 7);
	else if (mod > 0)
		z = x->pub + (ahead ? ahead : 7);
	else if (tense_or_lean(x, i, e) > 0)
		z = x->pub + ahead;
	else
		z = x->pub - back;
	set_date(p, z);
}

/* A month with no year: mod as for weekday. */
static void month_alone(const struct res *x, int mo, int mod, size_t i, size_t e, struct per *p)
{
	if (!x->have_pub)
		return;
	int y = x->py;
	if (mod < 0)
		y -= mo >= x->pm;
	else if (mod > 0)
		y += mo <= x->pm;
	else if (tense_or_lean(x, i, e) > 0)
		y += mo < x->pm;
	else
		y -= mo > x->pm;
	set_month(p, y, mo);
}

/* The week, month or year `off` units from the publication date's. */
static void unit_off(const struct res *x, int unit, int off, struct per *p)
{
	if (!x->have_pub)
		return;
	if (unit == U_DAY)
		set_date(p, x->pub + off);
	else if (unit == U_WEEK)
		set_week(p, x->pub + 7L * off);
	else if (unit == U_MONTH)
		set_month(p, x->py, x->pm + off);
	else if (unit == U_YEAR)
		set_year(p, x->py + off);
	else
		set_year(p, x->py + 10 * off);
}

/* A number: digits (at most 3) or a number word; its length in tokens. */
static size_t number_at(const struct res *x, size_t i, int *v)
{
	if (i < x->nt && x->t[i].kind == T_NUM && x->t[i].ndig <= 3 && x->t[i].b - x->t[i].a == (size_t)x->t[i].ndig) {
		*v = 0;
		for (size_t k = x->t[i].a; k < x->t[i].b; k++)
			*v = *v * 10 + (x->s[k] - '0');
		return *v > 0;
	}
	return match(x, L_NUMBERS, i, v);
}

/* A period at token i; cued: a cue word stands before it (a month alone is a date). */
static int period(const struct res *x, size_t i, int cued, struct per *p)
{
	memset(p, 0, sizeof *p);
	p->last = -1;
	int part = 0, v, mod = 0;
	size_t m, j = i;
	if ((m = match(x, L_PARTS, j, &part))) {
		j += m;
		if (is_punct(x, j, "-"))
			j++;
		cued = 1;
	}
	if (absolute(x, j, p))
		return 1;
	if (!part && (m = match(x, L_RELDAY, j, &v))) {
		if (x->have_pub)
			set_date(p, x->pub + v);
		p->end = j + m;
		return 1;
	}
	size_t k = j;
	if ((m = match(x, L_BACK, j, &v)))
		mod = -1;
	else if ((m = match(x, L_AHEAD, j, &v)))
		mod = 1;
	else if ((m = match(x, L_CURRENT, j, &v)) || (part && word_eq(x, j, "the")))
		mod = 0, m = m ? m : 1;
	int modded = m > 0;
	k = j + m;
	int wd = weekday_at(x, k), mo = month_at(x, k), unit = 0;
	if (wd && !part) {
		p->end = k + 1;
		weekday(x, wd, mod, i, p->end, p);
		return 1;
	}
	if (modded && (mo || (match(x, L_UNITS, k, &unit) == 1 && unit >= U_WEEK && unit <= U_YEAR))) {
		/* "last week", "this year" (not "the last months of the talks") */
		p->end = k + 1;
		if (mo)
			month_alone(x, mo, mod, i, p->end, p);
		else
			unit_off(x, unit, mod, p);
		return 1;
	}
	if (modded)
		return 0;
	/* N days / weeks / months / years ago */
	if ((m = number_at(x, j, &v)) &&
	    (match(x, L_UNITS, j + m, &unit) == 1 || match(x, L_UNITS_PL, j + m, &unit) == 1)) {
		int u2;
		size_t a = match(x, L_AGO, j + m + 1, &u2);
		if (a) {
			p->end = j + m + 1 + a;
			unit_off(x, unit, -v, p);
			return 1;
		}
	}
	if (mo && (cued || (j > 0 && match(x, L_MONTHCUE, j - 1, &v) == 1))) {
		p->end = j + 1;
		month_alone(x, mo, 0, i, p->end, p);
		return 1;
	}
	if (year_forms(x, j, part, p))
		return 1;
	return 0;
}

static void iso_today(const struct res *x, char *buf, size_t n)
{
	snprintf(buf, n, "%04d-%02d-%02d", x->py, x->pm, x->pd);
}

const char *af_date_kind_name(enum af_date_kind k)
{
	return k == AF_DATE_RANGE ? "range" : k == AF_DATE_DEADLINE ? "deadline" : NULL;
}

static const char *from_of(const struct per *p)
{
	return p->from[0] ? p->from : p->v;
}

static const char *to_of(const struct per *p)
{
	return p->to[0] ? p->to : p->v;
}

/* The start of a range "from/between X to/and Y" whose start came out after its end: a start
 * with no year of its own took the publication's ("between May and July 2016" in a 2020
 * article gave 2020-05), so it takes the end's year, or the year before when that still
 * ends after ("from November to February 2016": 2015-11). */
static void range_start(char *out, size_t cap, const char *from, const char *to)
{
	snprintf(out, cap, "%s", from);
	if (strcmp(from, to) <= 0 || strlen(from) < 7 || from[4] != '-' || strlen(to) < 4)
		return;
	for (int back = 0; back < 2; back++) {
		int y = atoi(to) - back;
		if (y < 1 || y > 9999)
			return;
		char buf[24];
		snprintf(buf, sizeof buf, "%04d%s", y, from + 4);
		if (strcmp(buf, to) <= 0) {
			snprintf(out, cap, "%s", buf);
			return;
		}
	}
}

/* The expression at token i into e; the token after it, or i when none. */
static size_t expression(struct res *x, size_t i, struct af_datex *e)
{
	struct per p, q;
	size_t m;
	int v;
	memset(e, 0, sizeof *e);
	if ((m = match(x, L_SINCE, i, &v)) && period(x, i + m, 1, &p)) {
		e->kind = AF_DATE_RANGE;
		if (p.resolved) {
			char today[16] = "..";
			if (x->have_pub)
				iso_today(x, today, sizeof today);
			snprintf(e->value, sizeof e->value, "%s/%s", from_of(&p), today);
			e->resolved = 1;
		}
		return p.end;
	}
	if ((m = match(x, L_RFROM, i, &v)) && period(x, i + m, 1, &p)) {
		size_t m2 = match(x, L_RTO, p.end, &v);
		if (!m2 && is_punct(x, p.end, "-"))
			m2 = 1;
		if (m2 && period(x, p.end + m2, 1, &q)) {
			e->kind = AF_DATE_RANGE;
			if (p.resolved && q.resolved) {
				char from[24];
				range_start(from, sizeof from, from_of(&p), to_of(&q));
				snprintf(e->value, sizeof e->value, "%s/%s", from, to_of(&q));
				e->resolved = 1;
			}
			return q.end;
		}
		/* "from 2015": the period alone (below) */
	}
	x->lean = 1;
	int deadline = (m = match(x, L_DEADLINE, i, &v)) && period(x, i + m, 1, &p);
	x->lean = -1;
	if (deadline) {
		int part = 0;
		e->kind = AF_DATE_DEADLINE;
		if (p.resolved) {
			/* "by the end of the year": its last day */
			if (match(x, L_PARTS, i + m, &part) && part == PART_END && p.last >= 0)
				set_date(&p, p.last);
			snprintf(e->value, sizeof e->value, "%s", p.v);
			e->resolved = 1;
		}
		return p.end;
	}
	if (period(x, i, 0, &p)) {
		e->kind = AF_DATE_POINT;
		if (p.resolved) {
			snprintf(e->value, sizeof e->value, "%s", p.v);
			e->resolved = 1;
		}
		return p.end;
	}
	return i;
}

size_t af_dates_find(struct af_dates *d, const char *s, size_t a, size_t b, const struct af_dt *pub,
                     struct af_datex *out, size_t max)
{
	struct af_daterules *r = af_dates_rules(d);
	struct res x = {.d = d, .r = r, .s = s, .lean = -1};
	x.nt = tokenize(r, s, a, b);
	x.t = r->t;
	if (pub && pub->mo && pub->d && af_dt_valid(pub)) {
		x.have_pub = 1;
		x.py = pub->y;
		x.pm = pub->mo;
		x.pd = pub->d;
		x.pub = af_dt_days(x.py, x.pm, x.pd);
	}
	size_t k = 0;
	for (size_t i = 0; i < x.nt && k < max;) {
		const struct dtok *t = &x.t[i];
		/* most words start nothing: no phrase begins with them, and a capitalised one
		 * starts a period only as a month or a weekday (period's forms) */
		if (t->kind == T_PUNCT ||
		    (t->kind == T_WORD && !first_has(r, t->h) && (!t->cap || (!month_at(&x, i) && !weekday_at(&x, i))))) {
			i++;
			continue;
		}
		struct af_datex e;
		size_t end = expression(&x, i, &e);
		if (end == i) {
			i++;
			continue;
		}
		e.start = x.t[i].a;
		e.end = x.t[end - 1].b;
		out[k++] = e;
		i = end;
	}
	return k;
}
