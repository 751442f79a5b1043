/* dates.c - date/time stamps: month names, zones and labels from data/dates.yaml,
 * patterns compiled once with pcre2. */
#include "af/dates.h"
#include "dates_int.h"
#include "english.h"
#include "af/pattern.h"
#include "af/data.h"
#include "af/utf8.h"
#include "af/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the compiled-in data this module reads */
AF_DATA_USE(dates_yaml);

#define US_EASTERN 10000 /* pseudo offsets for zones with US daylight saving */

struct name {
	char *s;
	int v;
};

struct names {
	struct name *v;
	size_t n;
};

struct af_dates {
	struct names months, weekdays, zones, published, updated;
	struct names links; /* words between a day, its month and its year ("22 de outubro de 2010") */
	size_t month_maxlen; /* the longest month name, in bytes */
	struct af_map month_map, weekday_map; /* name (ASCII lower case) -> its number, made with
	                                       * the patterns from months and weekdays */
	char *month_alt;
	pcre2_code *re_date, *re_time, *re_label, *re_md; /* re_md: a month and day without a year */
	pcre2_match_data *md;
	struct af_daterules *rules; /* the resolver's words (lib/dateres.c) */
};

static void names_put(struct names *ns, const char *s, int v)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcasecmp(ns->v[i].s, s) == 0) {
			ns->v[i].v = v;
			return;
		}
	ns->v = af_reallocarray(ns->v, ns->n + 1, sizeof *ns->v);
	ns->v[ns->n++] = (struct name){af_strdup(s), v};
}

/* A name's key in a names_map: s[0..n) with ASCII letters lower-cased (as strcasecmp
 * compares), into k (NAME_KEYMAX bytes); 0 when it is longer. */
enum { NAME_KEYMAX = 64 };
static size_t name_key(const char *s, size_t n, char *k)
{
	if (n > NAME_KEYMAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		k[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
	return n;
}

/* The names (unique, case ignored) as a map from key to number, for the lookups of words. */
static void names_map(const struct names *ns, struct af_map *m)
{
	af_map_free(m);
	for (size_t i = 0; i < ns->n; i++) {
		char k[NAME_KEYMAX];
		size_t n = strlen(ns->v[i].s), kn = name_key(ns->v[i].s, n, k);
		if (kn)
			*af_map_put(m, k, kn, NULL) = (size_t)ns->v[i].v;
	}
}

/* The number of the name s[0..n) in ns (by its map m), 0 when it is none. */
static int names_get(const struct names *ns, const struct af_map *m, const char *s, size_t n)
{
	char k[NAME_KEYMAX];
	size_t kn = name_key(s, n, k);
	if (!kn) { /* longer than any key: by the list */
		for (size_t i = 0; i < ns->n; i++)
			if (strlen(ns->v[i].s) == n && strncasecmp(ns->v[i].s, s, n) == 0)
				return ns->v[i].v;
		return 0;
	}
	const size_t *v = af_map_get(m, k, kn);
	return v ? (int)*v : 0;
}

static void names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i].s);
	free(ns->v);
	ns->v = NULL;
	ns->n = 0;
}

/* Longest names first, so an alternation prefers "september" to "sep". */
static int by_len_desc(const void *a, const void *b)
{
	size_t la = strlen(((const struct name *)a)->s), lb = strlen(((const struct name *)b)->s);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

static char *alternation(struct names *ns)
{
	struct af_buf b = {0};
	qsort(ns->v, ns->n, sizeof *ns->v, by_len_desc);
	for (size_t i = 0; i < ns->n; i++) {
		if (i)
			af_buf_addc(&b, '|');
		af_re_quote(&b, ns->v[i].s, 0);
	}
	if (!b.p)
		af_buf_adds(&b, "(?!)");
	return b.p;
}

static int parse_offset(const char *s, int *minutes)
{
	int sign = s[0] == '-' ? -1 : 1, h = 0, m = 0;
	if (s[0] != '+' && s[0] != '-')
		return -1;
	s++;
	if (!(s[0] >= '0' && s[0] <= '9'))
		return -1;
	h = s[0] - '0';
	s++;
	if (*s >= '0' && *s <= '9')
		h = h * 10 + (*s++ - '0');
	if (*s == ':')
		s++;
	if (*s) {
		if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') || s[2])
			return -1;
		m = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (h > 14 || m > 59)
		return -1;
	*minutes = sign * (h * 60 + m);
	return 0;
}

static int list_into(struct names *ns, const struct af_ynode *seq, int v, struct af_error *err)
{
	if (!seq || seq->type != AF_Y_SEQ)
		return af_yerr(err, seq, "expected a list of names, found %s", af_ytype_name(seq));
	for (size_t i = 0; i < seq->n; i++) {
		if (af_yscalar(seq->kids[i], "a name", err) < 0)
			return -1;
		names_put(ns, seq->kids[i]->str, v);
	}
	return 0;
}

int af_dates_merge(struct af_dates *d, const struct af_ynode *root, struct af_error *err)
{
	const struct af_ynode *n;
	if ((n = af_ymap_get(root, "months"))) {
		if (n->type != AF_Y_MAP)
			return af_yerr(err, n, "months: expected a mapping of month number to names");
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			long mo;
			if (af_parse_long(n->kids[i]->str, 1, 12, &mo) < 0)
				return af_yerr(err, n->kids[i], "expected a month number 1-12, found '%s'",
				               n->kids[i]->str);
			if (list_into(&d->months, n->kids[i + 1], (int)mo, err) < 0)
				return -1;
		}
	}
	if ((n = af_ymap_get(root, "weekdays"))) {
		/* a mapping of weekday number (1 = Monday) to names, or (older lexicons) a list of
		 * names: stamps take those, the resolver does not know their day */
		if (n->type == AF_Y_MAP) {
			for (size_t i = 0; i + 1 < n->n; i += 2) {
				long wd;
				if (af_parse_long(n->kids[i]->str, 1, 7, &wd) < 0)
					return af_yerr(err, n->kids[i], "expected a weekday number 1-7 (1 = Monday), found '%s'",
					               n->kids[i]->str);
				if (list_into(&d->weekdays, n->kids[i + 1], (int)wd, err) < 0)
					return -1;
			}
		} else if (list_into(&d->weekdays, n, 0, err) < 0) {
			return -1;
		}
	}
	if ((n = af_ymap_get(root, "month_links")) && list_into(&d->links, n, 0, err) < 0)
		return -1;
	if ((n = af_ymap_get(root, "resolve"))) {
		if (!d->rules)
			d->rules = af_daterules_new();
		if (af_daterules_merge(d->rules, n, err) < 0)
			return -1;
	}
	if ((n = af_ymap_get(root, "zones"))) {
		if (n->type != AF_Y_MAP)
			return af_yerr(err, n, "zones: expected a mapping of zone name to offset");
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			const struct af_ynode *v = n->kids[i + 1];
			int off;
			if (af_yscalar(v, "an offset like \"+05:30\"", err) < 0)
				return -1;
			if (strncmp(v->str, "US-", 3) == 0) {
				static const char *us[] = {"US-Eastern", "US-Central", "US-Mountain", "US-Pacific"};
				size_t k;
				for (k = 0; k < 4; k++)
					if (!strcmp(v->str, us[k]))
						break;
				if (k == 4)
					return af_yerr(err, v, "unknown zone rule '%s' (expected US-Eastern, "
					                       "US-Central, US-Mountain or US-Pacific)", v->str);
				off = US_EASTERN + (int)k;
			} else if (parse_offset(v->str, &off) < 0) {
				return af_yerr(err, v, "expected an offset like \"+05:30\", found '%s'", v->str);
			}
			names_put(&d->zones, n->kids[i]->str, off);
		}
	}
	if ((n = af_ymap_get(root, "labels"))) {
		const struct af_ynode *p = af_ymap_get(n, "published"), *u = af_ymap_get(n, "updated");
		if ((p && list_into(&d->published, p, AF_LABEL_PUBLISHED, err) < 0) ||
		    (u && list_into(&d->updated, u, AF_LABEL_UPDATED, err) < 0))
			return -1;
	}
	/* recompile */
	free(d->month_alt);
	pcre2_code_free(d->re_date);
	pcre2_code_free(d->re_time);
	pcre2_code_free(d->re_label);
	pcre2_code_free(d->re_md);
	pcre2_match_data_free(d->md);
	d->re_date = d->re_time = d->re_label = d->re_md = NULL;
	d->md = NULL;
	d->month_alt = alternation(&d->months);
	d->month_maxlen = 0;
	for (size_t i = 0; i < d->months.n; i++)
		if (strlen(d->months.v[i].s) > d->month_maxlen)
			d->month_maxlen = strlen(d->months.v[i].s);
	names_map(&d->months, &d->month_map);
	names_map(&d->weekdays, &d->weekday_map);
	char *wd = alternation(&d->weekdays);
	char *pub = alternation(&d->published), *upd = alternation(&d->updated), *ln = alternation(&d->links);
	struct af_buf re = {0};
	const char *M = d->month_alt;
	af_buf_printf(&re,
	              "(?:(?<![\\w.])(?:(?i:%s)\\.?,?\\s+)?(?<mon>(?i:%s))\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?"
	              "(?:,\\s*|\\s+)(?<y>(?:19|20)\\d\\d)(?!\\d))"
	              "|(?:(?<![\\w.])(?:(?i:%s)\\.?,?\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:(?i:%s)\\s+)?(?<mon>(?i:%s))"
	              "\\.?,?\\s+(?:(?i:%s)\\s+)?(?<y>(?:19|20)\\d\\d)(?!\\d))"
	              "|(?:(?:(?<![\\d])|(?<=\\d:\\d\\d))(?<y>(?:19|20)\\d\\d)-(?<m>\\d\\d)-(?<d>\\d\\d)(?:[T ](?<H>\\d\\d):(?<M>\\d\\d)"
	              "(?::(?<S>\\d\\d)(?:\\.\\d+)?)?(?<off>Z|[+-]\\d{1,2}:\\d\\d|[+-]\\d{4}(?!\\d))?)?)"
	              "|(?:(?<![\\d.])(?<y>(?:19|20)\\d\\d)[./](?<m>\\d{1,2})[./](?<d>\\d{1,2})(?![\\d]))"
	              "|(?:(?<![\\d.])(?<a>\\d{1,2})[./](?<b>\\d{1,2})[./](?<y>(?:19|20)\\d\\d)(?![\\d]))"
	              "|(?:(?<![\\d./])(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<yy>\\d\\d)(?![\\d/]))",
	              wd, M, wd, ln, M, ln);
	d->re_date = af_re_compile(re.p, re.len, PCRE2_DUPNAMES, err);
	af_buf_reset(&re);
	af_buf_adds(&re, "(?<![\\d:.])(?<H>\\d{1,2}):(?<M>[0-5]\\d)(?::(?<S>[0-5]\\d))?(?!\\d)"
	                 "(?:\\s*(?<ap>(?i:[ap]\\.?\\s?m\\.?)(?!\\w)))?"
	                 "(?:\\s*(?<tz>[A-Z]{1,5})(?![A-Za-z])(?:\\s?(?<toff>[+-]\\d{1,2}(?::?\\d\\d)?)(?!\\d))?"
	                 "|\\s*\\(?(?<toff>[+-]\\d{1,2}:?\\d\\d)\\)?)?");
	d->re_time = af_re_compile(re.p, re.len, PCRE2_DUPNAMES, err);
	af_buf_reset(&re);
	af_buf_printf(&re, "(?i)(?<![\\w])(?:(?<pub>%s)|(?<upd>%s))(?![\\w])", pub, upd);
	d->re_label = af_re_compile(re.p, re.len, 0, err);
	af_buf_reset(&re);
	af_buf_printf(&re, "(?<![\\w.])(?:(?i:%s)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?i:%s)\\.?)"
	                   "(?![\\w])(?!,?\\s*(?:19|20)\\d\\d)", M, M);
	d->re_md = af_re_compile(re.p, re.len, 0, err);
	af_buf_free(&re);
	free(wd);
	free(pub);
	free(upd);
	free(ln);
	if (!d->re_date || !d->re_time || !d->re_label || !d->re_md) {
		af_error_set(err, "date patterns do not compile (a name in months/weekdays/labels?)");
		return -1;
	}
	d->md = pcre2_match_data_create(64, NULL);
	return 0;
}

static void en_month(void *ctx, const char *word, int value)
{
	names_put(&((struct af_dates *)ctx)->months, word, value);
}

static void en_weekday(void *ctx, const char *word, int value)
{
	names_put(&((struct af_dates *)ctx)->weekdays, word, value);
}

/* The English month and weekday names with their abbreviations, relative days and number
 * words (data/english.yaml), before dates.yaml's other languages. 0 or -1. */
static int from_english(struct af_dates *d, struct af_error *err)
{
	const struct af_english *en = af_english_shared(err);
	if (!en)
		return -1;
	af_english_each(en, AF_EN_MONTH, en_month, d);
	af_english_each(en, AF_EN_MONTH_ABBR, en_month, d);
	af_english_each(en, AF_EN_WEEKDAY, en_weekday, d);
	af_english_each(en, AF_EN_WEEKDAY_ABBR, en_weekday, d);
	af_daterules_english(d->rules, en);
	return 0;
}

struct af_dates *af_dates_new(struct af_error *err)
{
	const struct af_datafile *f = af_data_find("dates.yaml");
	if (!f) {
		af_error_set(err, "dates.yaml is not compiled in");
		return NULL;
	}
	struct af_ynode *root = af_yaml_parse(f->data, f->len, "dates.yaml", err);
	if (!root)
		return NULL;
	struct af_dates *d = af_calloc(1, sizeof *d);
	d->rules = af_daterules_new();
	int rc = from_english(d, err) < 0 ? -1 : af_dates_merge(d, root, err);
	af_yaml_free(root);
	if (rc < 0) {
		af_dates_free(d);
		return NULL;
	}
	return d;
}

void af_dates_free(struct af_dates *d)
{
	if (!d)
		return;
	names_free(&d->months);
	names_free(&d->weekdays);
	af_map_free(&d->month_map);
	af_map_free(&d->weekday_map);
	names_free(&d->zones);
	names_free(&d->published);
	names_free(&d->updated);
	names_free(&d->links);
	free(d->month_alt);
	pcre2_code_free(d->re_date);
	pcre2_code_free(d->re_time);
	pcre2_code_free(d->re_label);
	pcre2_code_free(d->re_md);
	pcre2_match_data_free(d->md);
	af_daterules_free(d->rules);
	free(d);
}

struct af_daterules *af_dates_rules(struct af_dates *d)
{
	return d->rules;
}

int af_dates_weekday(struct af_dates *d, const char *s, size_t n)
{
	return names_get(&d->weekdays, &d->weekday_map, s, n);
}

const char *af_dates_month_alt(struct af_dates *d)
{
	return d->month_alt;
}

int af_dates_month(struct af_dates *d, const char *s, size_t n)
{
	while (n && s[n - 1] == '.')
		n--;
	if (n < 3 || n > d->month_maxlen) /* the common case for a word of text: no month */
		return 0;
	return names_get(&d->months, &d->month_map, s, n);
}

/* ---- calendar ---- */

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int af_dt_mdays(int y, int mo)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return mo == 2 && leap(y) ? 29 : n[mo - 1];
}

long af_dt_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void af_dt_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int af_dt_weekday(int y, int mo, int d)
{
	long z = af_dt_days(y, mo, d);
	return (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

int af_dt_valid(const struct af_dt *t)
{
	if (t->y < 1800 || t->y > 2200)
		return 0;
	if (t->mo && (t->mo < 1 || t->mo > 12))
		return 0;
	if (t->d && (!t->mo || t->d < 1 || t->d > af_dt_mdays(t->y, t->mo)))
		return 0;
	if (t->has_time && (t->h > 23 || t->mi > 59 || t->s > 60))
		return 0;
	return 1;
}

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int af_dt_parse(const char *s, struct af_dt *t, const char **why)
{
	memset(t, 0, sizeof *t);
	*why = "expected an ISO 8601 date like 2025-12-10 or 2025-12-10T18:53:26+05:30";
	size_t n = strlen(s);
	const char *p = s;
	if (n == 8 && digits(s, 4, &t->y) && digits(s + 4, 2, &t->mo) && digits(s + 6, 2, &t->d)) {
		p = s + 8;
	} else {
		if (n < 4 || !digits(s, 4, &t->y))
			return -1;
		p = s + 4;
		if (*p == '-') {
			if (!digits(p + 1, 2, &t->mo))
				return -1;
			p += 3;
			if (*p == '-') {
				if (!digits(p + 1, 2, &t->d))
					return -1;
				p += 3;
			}
		}
		if (t->d && (*p == 'T' || *p == ' ')) {
			if (!digits(p + 1, 2, &t->h) || p[3] != ':' || !digits(p + 4, 2, &t->mi))
				return -1;
			t->has_time = 1;
			p += 6;
			if (*p == ':') {
				if (!digits(p + 1, 2, &t->s))
					return -1;
				t->has_sec = 1;
				p += 3;
				if (*p == '.' || *p == ',') {
					p++;
					if (*p < '0' || *p > '9')
						return -1;
					while (*p >= '0' && *p <= '9')
						p++;
				}
			}
			if (*p == 'Z') {
				t->has_off = 1;
				p++;
			} else if (*p == '+' || *p == '-') {
				int oh, om = 0;
				const char *q = p + 1;
				if (!digits(q, 2, &oh))
					return -1;
				q += 2;
				if (*q == ':')
					q++;
				if (*q && !digits(q, 2, &om))
					return -1;
				q += *q ? 2 : 0;
				if (oh > 14 || om > 59 || oh * 60 + om > 14 * 60) {
					*why = "no such zone offset (at most +14:00)";
					return -1;
				}
				t->has_off = 1;
				t->off = (*p == '-' ? -1 : 1) * (oh * 60 + om);
				p = q;
			}
		}
	}
	if (*p)
		return -1;
	if (t->y < 1800 || t->y > 2200) {
		*why = "year out of range (1800-2200)";
		return -1;
	}
	if (t->mo && (t->mo < 1 || t->mo > 12)) {
		*why = "no such month";
		return -1;
	}
	if (t->d && (t->d < 1 || t->d > af_dt_mdays(t->y, t->mo))) {
		*why = "no such day in that month";
		return -1;
	}
	if (t->has_time && (t->h > 23 || t->mi > 59 || t->s > 60)) {
		*why = "no such time of day";
		return -1;
	}
	*why = NULL;
	return 0;
}

long long af_dt_key(const struct af_dt *t)
{
	long long k = (long long)af_dt_days(t->y, t->mo ? t->mo : 1, t->d ? t->d : 1) * 86400;
	if (t->has_time)
		k += t->h * 3600 + t->mi * 60 + t->s;
	if (t->has_off)
		k -= (long long)t->off * 60;
	return k;
}

size_t af_dt_iso(const struct af_dt *t, char *buf, size_t n)
{
	int w;
	if (!t->mo)
		w = snprintf(buf, n, "%04d", t->y);
	else if (!t->d)
		w = snprintf(buf, n, "%04d-%02d", t->y, t->mo);
	else if (!t->has_time || !t->has_off)
		w = snprintf(buf, n, "%04d-%02d-%02d", t->y, t->mo, t->d);
	else
		w = snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t->y, t->mo, t->d, t->h, t->mi, t->s,
		             t->off < 0 ? '-' : '+', abs(t->off) / 60, abs(t->off) % 60);
	return w < 0 ? 0 : (size_t)w;
}

/* US daylight saving: second Sunday of March to first Sunday of November. */
static int us_dst(int y, int mo, int d)
{
	if (mo < 3 || mo > 11)
		return 0;
	if (mo > 3 && mo < 11)
		return 1;
	int first_sun = 1 + (6 - af_dt_weekday(y, mo, 1) + 7) % 7;
	if (mo == 3)
		return d >= first_sun + 7;
	return d < first_sun;
}

static int zone_offset(struct af_dates *d, const char *z, size_t n, const struct af_dt *t, int *off)
{
	for (size_t i = 0; i < d->zones.n; i++) {
		if (strlen(d->zones.v[i].s) != n || strncmp(d->zones.v[i].s, z, n) != 0)
			continue;
		int v = d->zones.v[i].v;
		if (v >= US_EASTERN) {
			static const int base[] = {-300, -360, -420, -480};
			v = base[v - US_EASTERN] + (us_dst(t->y, t->mo, t->d) ? 60 : 0);
		}
		*off = v;
		return 0;
	}
	return -1;
}

/* ---- scanning ---- */

static int num(const char *s, size_t a, size_t b)
{
	int v = 0;
	for (size_t i = a; i < b; i++)
		if (s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (s[i] - '0');
	return v;
}

struct tm_hit {
	size_t start, end;
	int h, mi, s, has_sec, has_off, off;
	size_t tz0, tz1;
	int used;
};

static size_t find_times(struct af_dates *d, const char *s, size_t n, struct tm_hit *out, size_t max)
{
	size_t k = 0, pos = 0;
	while (k < max && pos < n) {
		int rc = pcre2_match(d->re_time, (PCRE2_SPTR)s, n, pos, PCRE2_NO_UTF_CHECK, d->md, NULL);
		if (rc < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
		struct tm_hit h = {.start = ov[0], .end = ov[1]};
		size_t a, b;
		af_re_group(d->re_time, d->md, "H", &a, &b);
		h.h = num(s, a, b);
		af_re_group(d->re_time, d->md, "M", &a, &b);
		h.mi = num(s, a, b);
		if (af_re_group(d->re_time, d->md, "S", &a, &b)) {
			h.s = num(s, a, b);
			h.has_sec = 1;
		}
		if (af_re_group(d->re_time, d->md, "ap", &a, &b)) {
			int pm = s[a] == 'p' || s[a] == 'P';
			if (h.h > 12 || h.h == 0)
				h.h = -1; /* "14:00 pm" is not a time */
			else
				h.h = pm ? (h.h % 12) + 12 : h.h % 12;
		}
		if (af_re_group(d->re_time, d->md, "tz", &a, &b)) {
			h.tz0 = a;
			h.tz1 = b;
		}
		if (af_re_group(d->re_time, d->md, "toff", &a, &b)) {
			char buf[16];
			size_t l = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
			memcpy(buf, s + a, l);
			buf[l] = '\0';
			if (parse_offset(buf, &h.off) == 0)
				h.has_off = 1;
		}
		pos = ov[1] > pos ? ov[1] : pos + 1;
		if (h.h >= 0 && h.h < 24)
			out[k++] = h;
	}
	return k;
}

/* Only separators (and "at") between a date and its time. */
static int gap_ok(const char *s, size_t a, size_t b)
{
	if (b < a || b - a > 14)
		return 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == ',' || c == '|' || c == '/' || c == '-' || c == '@' || c == '(' || c == ')' ||
		    c >= 0x80)
			continue;
		if (i + 1 < b && ((c == 'a' && s[i + 1] == 't') || (c == 'u' && s[i + 1] == 'm'))) {
			i++;
			continue;
		}
		return 0;
	}
	return 1;
}

static int label_before(struct af_dates *d, const char *s, size_t at)
{
	size_t from = at > 48 ? at - 48 : 0;
	while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
		from--;
	int label = AF_LABEL_NONE;
	size_t pos = from;
	while (pos < at) {
		int rc = pcre2_match(d->re_label, (PCRE2_SPTR)s, at, pos, PCRE2_NO_UTF_CHECK, d->md, NULL);
		if (rc < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
		size_t a, b;
		int l = af_re_group(d->re_label, d->md, "pub", &a, &b) ? AF_LABEL_PUBLISHED : AF_LABEL_UPDATED;
		/* a label counts when no digit stands between it and the stamp */
		int digit = 0;
		for (size_t i = ov[1]; i < at; i++)
			if (s[i] >= '0' && s[i] <= '9')
				digit = 1;
		label = digit ? AF_LABEL_NONE : l;
		pos = ov[1] > pos ? ov[1] : pos + 1;
	}
	return label;
}

/* Every date form has a year: 19xx or 20xx standing alone, or two digits after a slash that
 * ends d/d/yy ("11/13/19", a US stamp's short form; '.' and '-' are left to versions and
 * scores). */
static int has_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '/' && i > 0 && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]) &&
		    isdigit((unsigned char)s[i + 2]) && (i + 3 == n || (!isdigit((unsigned char)s[i + 3]) && s[i + 3] != '/')))
			return 1;
	for (size_t i = 0; i + 4 <= n; i++) {
		if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && !(i > 2 && s[i - 3] == ':'))
			continue;
		if (s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
		    (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9'))
			return 1;
	}
	return 0;
}

size_t af_dates_scan(struct af_dates *d, const char *s, size_t n, struct af_stamp *out, size_t max)
{
	if (!has_year(s, n))
		return 0;
	struct tm_hit times[32];
	size_t nt = find_times(d, s, n, times, 32), k = 0, pos = 0;
	while (k < max && pos < n) {
		int rc = pcre2_match(d->re_date, (PCRE2_SPTR)s, n, pos, PCRE2_NO_UTF_CHECK, d->md, NULL);
		if (rc < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
		struct af_stamp st = {.start = ov[0], .end = ov[1]};
		struct af_dt *t = &st.dt;
		size_t a, b, a2, b2;
		pos = ov[1] > pos ? ov[1] : pos + 1;
		int short_year = 0;
		if (af_re_group(d->re_date, d->md, "y", &a, &b))
			t->y = num(s, a, b);
		else if ((short_year = af_re_group(d->re_date, d->md, "yy", &a, &b))) /* 11/13/19: 2019; 12/31/99: 1999 */
			t->y = num(s, a, b) + (num(s, a, b) < 70 ? 2000 : 1900);
		if (af_re_group(d->re_date, d->md, "mon", &a, &b))
			t->mo = af_dates_month(d, s + a, b - a);
		else if (af_re_group(d->re_date, d->md, "m", &a, &b))
			t->mo = num(s, a, b);
		if (af_re_group(d->re_date, d->md, "d", &a, &b))
			t->d = num(s, a, b);
		if (af_re_group(d->re_date, d->md, "a", &a, &b) && af_re_group(d->re_date, d->md, "b", &a2, &b2)) {
			int x = num(s, a, b), y = num(s, a2, b2);
			/* 27/09/2018 is day-first; 11.14.2019 month-first; ambiguous ones read day-first
			 * with '/' and '.', the common order outside the US. A two-digit year is both
			 * the US short form (9/11/13 is September 11) and the European one (03/07/21),
			 * so an ambiguous one is no date */
			if (short_year && x <= 12 && y <= 12 && x != y)
				continue;
			if (y > 12 && x <= 12) {
				t->mo = x;
				t->d = y;
			} else {
				t->d = x;
				t->mo = y;
			}
		}
		int iso_time = 0;
		if (af_re_group(d->re_date, d->md, "H", &a, &b)) {
			t->has_time = iso_time = 1;
			t->h = num(s, a, b);
			af_re_group(d->re_date, d->md, "M", &a, &b);
			t->mi = num(s, a, b);
			if (af_re_group(d->re_date, d->md, "S", &a, &b)) {
				t->s = num(s, a, b);
				t->has_sec = 1;
			}
			if (af_re_group(d->re_date, d->md, "off", &a, &b)) {
				char buf[16];
				size_t l = b - a < sizeof buf - 1 ? b - a : sizeof buf - 1;
				memcpy(buf, s + a, l);
				buf[l] = '\0';
				if (buf[0] == 'Z') {
					t->has_off = 1;
					t->off = 0;
				} else if (parse_offset(buf, &t->off) == 0) {
					t->has_off = 1;
				}
			}
		}
		if (!af_dt_valid(t))
			continue;
		/* a time just after the date, else just before it */
		if (!iso_time) {
			struct tm_hit *best = NULL;
			for (size_t i = 0; i < nt; i++)
				if (!times[i].used && times[i].start >= st.end && gap_ok(s, st.end, times[i].start)) {
					best = &times[i];
					break;
				}
			for (size_t i = nt; !best && i-- > 0;)
				if (!times[i].used && times[i].end <= st.start && gap_ok(s, times[i].end, st.start))
					best = &times[i];
			if (best) {
				best->used = 1;
				t->has_time = 1;
				t->h = best->h;
				t->mi = best->mi;
				t->s = best->s;
				t->has_sec = best->has_sec;
				if (best->has_off) {
					t->has_off = 1;
					t->off = best->off;
				}
				if (best->tz1 > best->tz0) {
					int off;
					if (zone_offset(d, s + best->tz0, best->tz1 - best->tz0, t, &off) == 0) {
						t->has_off = 1;
						t->off = off + (best->has_off ? best->off : 0);
					}
				}
				if (best->start < st.start)
					st.start = best->start;
				if (best->end > st.end)
					st.end = best->end;
			}
		}
		st.label = label_before(d, s, st.start);
		out[k++] = st;
	}
	return k;
}

size_t af_dates_scan_in_year(struct af_dates *d, const char *s, size_t n, int year, struct af_stamp *out, size_t max)
{
	struct af_buf b = {0};
	size_t pos = 0, last = 0, k = 0;
	while (pos < n && year >= 1900 && year <= 2099) {
		if (pcre2_match(d->re_md, (PCRE2_SPTR)s, n, pos, PCRE2_NO_UTF_CHECK, d->md, NULL) < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(d->md);
		af_buf_add(&b, s + last, ov[1] - last);
		af_buf_printf(&b, " %d", year);
		last = ov[1];
		pos = ov[1] > pos ? ov[1] : pos + 1;
	}
	if (b.p) {
		af_buf_add(&b, s + last, n - last);
		k = af_dates_scan(d, b.p, b.len, out, max);
	}
	af_buf_free(&b);
	return k;
}

/* The resolver over a span of any length: af_dates_find takes at most a buffer's worth of
 * expressions per call, so this calls it again from the end of the last one until the span
 * is done (the one home of that loop for af-entities and af-events). */
void af_dates_each(struct af_dates *d, const char *s, size_t a, size_t b, const struct af_dt *pub,
                   void (*fn)(const struct af_datex *e, void *arg), void *arg)
{
	struct af_datex ex[64];
	size_t max = sizeof ex / sizeof ex[0];
	while (a < b) {
		size_t k = af_dates_find(d, s, a, b, pub, ex, max);
		for (size_t i = 0; i < k; i++)
			fn(&ex[i], arg);
		a = k == max ? ex[max - 1].end : b;
	}
}

long af_date_ymd(const char *v)
{
	int y, m = 0, d = 0, len = 0;
	size_t n = v ? strlen(v) : 0;
	if (n == 10 && sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &len) == 3 && len == 10 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= 31)
		return (long)y * 10000 + m * 100 + d;
	if (n == 7 && sscanf(v, "%4d-%2d%n", &y, &m, &len) == 2 && len == 7 && m >= 1 && m <= 12)
		return (long)y * 10000 + m * 100 + 15;
	if (n == 4 && sscanf(v, "%4d%n", &y, &len) == 1 && len == 4)
		return (long)y * 10000 + 701;
	return 0;
}

/* Is the expression s[x, y) inside an aside of the sentence s[a, b): a clause set off by commas
 * that starts with "who", "which" or "whose" ("The Taliban, who seized Kabul in 2021, accused
 * Pakistan")? Such a clause dates its own verb, not the sentence's actors. */
int af_date_aside(const char *s, size_t a, size_t b, size_t x, size_t y)
{
	size_t p = x;
	while (p > a && s[p - 1] != ',')
		p--;
	if (p == a)
		return 0;
	while (p < x && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t'))
		p++;
	size_t n = 0;
	while (p + n < x && isalpha((unsigned char)s[p + n]))
		n++;
	static const char *const wh[] = {"who", "which", "whose"};
	int ok = 0;
	for (size_t i = 0; i < sizeof wh / sizeof wh[0]; i++)
		if (n == strlen(wh[i]) && !strncasecmp(s + p, wh[i], n))
			ok = 1;
	for (size_t q = y; ok && q < b; q++)
		if (s[q] == ',')
			return 1;
	return 0;
}
