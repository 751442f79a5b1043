/* clean_meta.c - an article's metadata (the title is clean_title.c's): bylines (authors,
 * agency), date stamps (published, updated), the dateline cut off the first paragraph, and
 * for HTML the page's own metadata over what the text shows. */
#include "clean_int.h"
#include "af/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- metadata ---- */

static int agency_in(struct af_cleaner *c, const char *s, size_t n, size_t *at, size_t *end)
{
	int rc = pcre2_match(c->re_agency, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, c->md, NULL);
	if (rc < 0)
		return -1;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	if (at)
		*at = ov[0];
	if (end)
		*end = ov[1];
	PCRE2_SPTR mark = pcre2_get_mark(c->md);
	return mark ? (int)strtol((const char *)mark, NULL, 10) : -1;
}

static int name_like(const char *s, size_t n)
{
	int words = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t w0 = i;
		uint32_t cp = af_utf8_next(s, &i);
		while (i < n && s[i] != ' ')
			i++;
		size_t wl = i - w0;
		int particle = (wl == 2 && (!memcmp(s + w0, "de", 2) || !memcmp(s + w0, "da", 2))) ||
		               (wl == 3 && (!memcmp(s + w0, "van", 3) || !memcmp(s + w0, "von", 3) ||
		                            !memcmp(s + w0, "bin", 3) || !memcmp(s + w0, "del", 3)));
		if (!af_uni_isupper(cp) && !particle)
			return 0;
		words++;
	}
	return words >= 1 && words <= 5;
}

/* is w[0..len) in list (a final '.' ignored on both sides: "Ph.D" is "Ph.D.")? */
static int word_in(char *const *list, size_t n, const char *w, size_t len, int nocase)
{
	while (len && w[len - 1] == '.')
		len--;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(list[i]);
		while (l && list[i][l - 1] == '.')
			l--;
		if (len && l == len && !(nocase ? strncasecmp(list[i], w, len) : memcmp(list[i], w, len)))
			return 1;
	}
	return 0;
}

/* does s[0..n) hold t (ASCII case ignored) with more besides? */
static int holds_more(const char *s, size_t n, const char *t)
{
	size_t m = strlen(t);
	if (m < 3 || m >= n)
		return 0;
	for (size_t i = 0; i + m <= n; i++)
		if (!strncasecmp(s + i, t, m) && (i == 0 || s[i - 1] == ' ') && (i + m == n || s[i + m] == ' '))
			return 1;
	return 0;
}

/* s[0..*n) as a person's name, the degrees after it cut ("Jane Roe MD" -> "Jane Roe"): 1 and
 * *n the name's length, or 0 when it is none: a degree alone, a name with a word of an
 * organisation, desk or site section ("Staff", "News", "Service Etranger"), the site's name
 * with more words ("Yahoo News Exclusives" on Yahoo News), or (with shaped, for a name read
 * from text rather than given as one) words that do not begin with a capital. */
static int person_name(const struct af_cleaner *c, const char *s, size_t *n, const char *site, int shaped)
{
	size_t len = *n;
	for (;;) {
		while (len && (s[len - 1] == ' ' || s[len - 1] == ','))
			len--;
		size_t w = len;
		while (w && s[w - 1] != ' ')
			w--;
		if (!word_in(c->degrees, c->ndegrees, s + w, len - w, 0))
			break;
		len = w;
	}
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		size_t e = j;
		while (e > i && s[e - 1] == ',')
			e--;
		if (word_in(c->not_names, c->nnot_names, s + i, e - i, 1))
			return 0;
		i = j + 1;
	}
	if (!len || (site && holds_more(s, len, site)) || (shaped && !name_like(s, len)))
		return 0;
	*n = len;
	return 1;
}

/* the length of an author box's heading word before a name ("Sobre Carlos Nadalim", "Über
 * Jane Roe": the box names its author), or 0. A heading with one word after it is most often
 * the site's "About us" link ("Über Uns", "Über PETA"): its name is not taken. */
static size_t about_lead(const char *s, size_t n)
{
	static const char *const about[] = {"about ", "sobre ", "\xc3\xbc" "ber ", "\xc3\x9c" "ber ", NULL};
	for (int k = 0; about[k]; k++) {
		size_t l = strlen(about[k]);
		if (n > l && !strncasecmp(s, about[k], l))
			return l;
	}
	return 0;
}

/* "By A and B | Updated: ..." -> authors, or the agency as source */
void cl_read_byline(struct af_cleaner *c, const struct block *b, struct meta *m, const char *site)
{
	const char *s = b->s;
	size_t n = b->len, i = 0;
	static const char *const lead[] = {"written by ", "reported by ", "story by ", "posted by ", "compiled by ",
	                                   "edited by ", "words by ", "by ", "author: ", "author ", "von ", "par ",
	                                   "por ", "di ", "autor: ", NULL};
	for (int k = 0; lead[k]; k++) {
		size_t l = strlen(lead[k]);
		if (n >= l && !strncasecmp(s, lead[k], l)) {
			i = l;
			break;
		}
	}
	size_t end = n;
	for (size_t j = i; j < n; j++) {
		if (s[j] == '|' || s[j] == '(' || (s[j] >= '0' && s[j] <= '9') ||
		    (j + 2 < n && s[j] == ' ' && (s[j + 1] == '-' || s[j + 1] == '/') && s[j + 2] == ' ') ||
		    (j + 4 < n && !memcmp(s + j, " \xe2\x80", 3))) {
			end = j;
			break;
		}
	}
	/* a date that begins before the cut ends the names too ("By JANE ROE JAN. 13, 2017"
	 * is cut at the day's digits, and "JAN." alone is no date): scanned to the line's end */
	struct af_stamp st[4];
	size_t ns = af_dates_scan(c->dates, s + i, n - i, st, 4);
	if (ns && st[0].start + i < end)
		end = st[0].start + i;
	/* a day without a year is no date to the scanner: its month goes with it ("By Jane Roe
	 * March 18 at 12:22 PM") */
	else if (end < n && s[end] >= '0' && s[end] <= '9') {
		size_t z = end, w;
		while (z > i && s[z - 1] == ' ')
			z--;
		for (w = z; w > i && s[w - 1] != ' ';)
			w--;
		if (w > i && af_dates_month(c->dates, s + w, z - w) > 0)
			end = w;
	}
	/* split on commas, " and ", "&" */
	size_t p = i;
	while (p < end) {
		size_t q = p, stop = end;
		for (; q < end; q++) {
			if (s[q] == ',' || s[q] == '&' || s[q] == ';') {
				stop = q;
				break;
			}
			if (q + 5 <= end && !memcmp(s + q, " and ", 5)) {
				stop = q;
				break;
			}
		}
		size_t a = p, z = stop;
		while (a < z && (s[a] == ' ' || s[a] == ':'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '.' || s[z - 1] == ':'))
			z--;
		if (z > a) {
			size_t at, ae;
			int ag = agency_in(c, s + a, z - a, &at, &ae);
			if (ag >= 0 && at == 0 && ae == z - a) {
				if (m->source < 0)
					m->source = ag;
			} else if (m->authors) {
				size_t len = z - a;
				if (person_name(c, s + a, &len, site, 1)) {
					size_t box = about_lead(s + a, len);
					if (!box || memchr(s + a + box, ' ', len - box))
						cl_article_add_author(m->authors, s + a + box, len - box);
				}
			}
		}
		if (stop >= end)
			break;
		p = stop + (s[stop] == ' ' ? 5 : 1);
	}
	if (m->source < 0) {
		int ag = agency_in(c, s, n, NULL, NULL);
		if (ag >= 0)
			m->source = ag;
	}
}

/* Whether the words of s[0..e) are all words of Latin letters set in title case ("Protests
 * Since"), two or more: a heading's, not a byline's name and its separator */
static int title_case_words(const char *s, size_t e)
{
	size_t words = 0;
	for (size_t i = 0; i < e;) {
		if (!isupper((unsigned char)s[i]))
			return 0;
		while (i < e && isalpha((unsigned char)s[i]))
			i++;
		if (i < e && s[i] != ' ')
			return 0;
		while (i < e && s[i] == ' ')
			i++;
		words++;
	}
	return words >= 2;
}

/* Whether a short line is shaped as a date line ("On 6/13/2018 by @name", "Christian Kahle,
 * 03.11.2023 15:32", "( 2012-06-04 09:20:26 ) source") and not a heading that names a date in
 * a phrase ("The protests since 5 January 2021", "Protests Since 5 January 2021"): its first
 * date is labelled ("Posted ..."), or no lower-case word leads into it but an "on" that opens
 * the line, and the words before it are not a heading in title case. A rule: read on the
 * body-date lines of the dev pages (docs/clean.md, sessions 16-17). */
static int date_line(const char *s, const struct af_stamp *st)
{
	if (st->label != AF_LABEL_NONE)
		return 1;
	size_t e = st->start;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	size_t w = e; /* the word before the date: letters, any non-ASCII byte among them */
	while (w > 0 && (isalpha((unsigned char)s[w - 1]) || (unsigned char)s[w - 1] >= 0x80))
		w--;
	if (w == e)
		return 1; /* none (the line's start, a separator, a comma) */
	if (!islower((unsigned char)s[w]))
		return !title_case_words(s, e); /* a capitalised word: a name's, unless a heading's */
	return w == 0 && e == 2 && !strncasecmp(s, "on", 2);
}

void cl_add_stamps(struct af_cleaner *c, const struct block *b, struct meta *m, enum cl_stamps which, int year)
{
	if (b->chars > 400)
		return;
	struct af_stamp st[8];
	size_t k = which == CL_STAMPS_YEARLESS ? af_dates_scan_in_year(c->dates, b->s, b->len, year, st, 8)
	                                       : af_dates_scan(c->dates, b->s, b->len, st, 8);
	if (which == CL_STAMPS_DATE_LINE && k && !date_line(b->s, &st[0]))
		return;
	for (size_t i = 0; i < k && m->nstamps < 32; i++)
		if ((which != CL_STAMPS_PUBLISHED || st[i].label == AF_LABEL_PUBLISHED) &&
		    (which != CL_STAMPS_YEARLESS || st[i].label != AF_LABEL_NONE))
			m->stamps[m->nstamps++] = st[i];
}

/* published: the earliest stamp not labelled "updated" (with a time when one exists that
 * day), else (a page that gives only when it was updated) the earliest "updated" one;
 * updated: the latest stamp with a time, when later than published. */
void cl_choose_dates(struct meta *m, int zone, int has_zone, struct af_article *a)
{
	struct af_stamp *pub = NULL, *upd = NULL;
	int only_updated = 1;
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (has_zone && s->dt.has_time && !s->dt.has_off) {
			s->dt.has_off = 1;
			s->dt.off = zone;
		}
		only_updated &= s->label == AF_LABEL_UPDATED;
	}
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (s->label == AF_LABEL_UPDATED && !only_updated)
			continue;
		if (!pub) {
			pub = s;
			continue;
		}
		int same_day = s->dt.y == pub->dt.y && s->dt.mo == pub->dt.mo && s->dt.d == pub->dt.d;
		int better_day = s->dt.y * 10000 + s->dt.mo * 100 + s->dt.d < pub->dt.y * 10000 + pub->dt.mo * 100 + pub->dt.d;
		if (better_day || (same_day && ((s->dt.has_off && !pub->dt.has_off) ||
		                                (s->dt.has_off == pub->dt.has_off && af_dt_key(&s->dt) < af_dt_key(&pub->dt)) ||
		                                (s->dt.has_time && !pub->dt.has_time))))
			pub = s;
	}
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (!s->dt.has_time || !s->dt.has_off || s == pub)
			continue;
		if (!upd || af_dt_key(&s->dt) > af_dt_key(&upd->dt) ||
		    (af_dt_key(&s->dt) == af_dt_key(&upd->dt) && s->dt.has_sec && !upd->dt.has_sec))
			upd = s;
	}
	if (!upd) /* a date-only "updated" stamp */
		for (size_t i = 0; i < m->nstamps; i++)
			if (m->stamps[i].label == AF_LABEL_UPDATED && &m->stamps[i] != pub)
				upd = &m->stamps[i];
	if (upd && pub && af_dt_key(&upd->dt) <= af_dt_key(&pub->dt))
		upd = NULL;
	if (only_updated && pub) /* the one date given is when it was updated */
		upd = pub;
	if (!pub || !af_dt_iso(&pub->dt, a->published, sizeof a->published))
		a->published[0] = '\0';
	if (!upd || !af_dt_iso(&upd->dt, a->updated, sizeof a->updated))
		a->updated[0] = '\0';
}

static char *title_case(const char *s, size_t n)
{
	/* "KABUL" -> "Kabul", "NEW DELHI" -> "New Delhi"; mixed case is left alone */
	int lower = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp = af_utf8_next(s, &i);
		if (af_uni_isalpha(cp) && !af_uni_isupper(cp))
			lower = 1;
	}
	if (lower)
		return af_strndup(s, n);
	struct af_buf b = {0};
	int start = 1;
	i = 0;
	while (i < n) {
		uint32_t cp = af_utf8_next(s, &i);
		char u[4];
		if (af_uni_isalpha(cp)) {
			uint32_t o = start ? cp : af_uni_tolower(cp);
			af_buf_add(&b, u, af_utf8_put(o, u));
			start = 0;
		} else {
			af_buf_add(&b, u, af_utf8_put(cp, u));
			start = cp == ' ' || cp == '-';
		}
	}
	return b.p ? b.p : af_strdup("");
}

static size_t group(pcre2_code *re, pcre2_match_data *md, const char *name, size_t *a)
{
	size_t end;
	return af_re_group(re, md, name, a, &end) ? end - *a : 0;
}

/* A dateline at the start of the first paragraph: cut it off and describe it in a (its
 * date's year from a's published date when it has none). */
void cl_take_dateline(struct af_cleaner *c, struct block *b, struct meta *m, struct af_article *a)
{
	const char *published = a->published[0] ? a->published : a->updated[0] ? a->updated : NULL;
	int rc = pcre2_match(c->re_dateline, (PCRE2_SPTR)b->s, b->len, 0, PCRE2_NO_UTF_CHECK, c->md, NULL);
	if (rc < 0)
		return;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	size_t end = ov[1], pa, pl, ma = 0, ml, da = 0, dl, ya = 0, yl, aa = 0, al, xa;
	pl = group(c->re_dateline, c->md, "place", &pa);
	ml = group(c->re_dateline, c->md, "mon", &ma);
	dl = group(c->re_dateline, c->md, "day", &da);
	yl = group(c->re_dateline, c->md, "year", &ya);
	al = group(c->re_dateline, c->md, "agency", &aa);
	size_t xl = group(c->re_dateline, c->md, "dash", &xa);
	int caps = 1;
	for (size_t i = pa; i < pa + pl; i++)
		if (b->s[i] >= 'a' && b->s[i] <= 'z')
			caps = 0;
	if (!ml && !al && !(xl && caps && pl >= 3))
		return;
	/* the rest must be a sentence of its own */
	if (end >= b->len || b->words < 6)
		return;
	int agency = -1;
	if (al) {
		agency = agency_in(c, b->s + aa, al, NULL, NULL);
		if (agency < 0 && !ml && !caps)
			return;
	}
	a->has_dateline = 1;
	char *place = title_case(b->s + pa, pl);
	cl_str_set(&a->dateline_place, place, strlen(place));
	free(place);
	a->dateline_date[0] = '\0';
	if (ml && dl) {
		struct af_dt t = {0};
		t.mo = af_dates_month(c->dates, b->s + ma, ml);
		t.d = (int)strtol(b->s + da, NULL, 10);
		struct af_dt pub;
		const char *why;
		if (yl)
			t.y = (int)strtol(b->s + ya, NULL, 10);
		else if (published && af_dt_parse(published, &pub, &why) == 0 && pub.d) {
			/* the year of publication, or the one before for a December dateline in January */
			t.y = pub.y;
			if (t.mo * 100 + t.d > pub.mo * 100 + pub.d + 1)
				t.y = pub.y - 1;
		}
		char buf[32];
		if (t.y && af_dt_valid(&t) && af_dt_iso(&t, buf, sizeof buf))
			snprintf(a->dateline_date, sizeof a->dateline_date, "%s", buf);
	}
	if (agency >= 0 && m->source < 0)
		m->source = agency;
	/* cut the dateline off the paragraph */
	memmove(b->s, b->s + end, b->len - end + 1);
	b->len -= end;
}

/* A date the page's metadata gives (ISO 8601 mostly) as the record writes dates, into
 * buf[64]: 1, or 0 when s gives none. */
static int meta_date(struct af_cleaner *c, const char *s, char *buf)
{
	struct af_stamp st[1];
	return s && af_dates_scan(c->dates, s, strlen(s), st, 1) && af_dt_iso(&st[0].dt, buf, 64);
}

int cl_count_words(const char *s, size_t n)
{
	int words = 0, inword = 0;
	for (size_t i = 0; i < n; i++) {
		int w = s[i] != ' ';
		words += w && !inword;
		inword = w;
	}
	return words;
}

/* <title> as Readability reads it: "Headline | Site" (also " - ", " – ", " — ", " / ",
 * " > ", " » ") loses its last part, or its first when that leaves under 3 words; the whole
 * title stays when the headline would be 4 words or fewer, unless the separators are of a
 * path in the site (" / ", " > ", " » ") and only the site went. */
static void doc_title(const char *t, struct af_cstr *out)
{
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " / ", " > ", " » ", " \\ ", NULL};
	size_t n = strlen(t), last = 0, first = 0;
	for (int k = 0; seps[k]; k++) {
		size_t l = strlen(seps[k]);
		for (size_t i = 0; i + l <= n; i++)
			if (!memcmp(t + i, seps[k], l)) {
				if (!first || i < first)
					first = i;
				if (i > last)
					last = i;
			}
	}
	if (!last) {
		cl_str_set(out, t, n);
		return;
	}
	const char *h = t;
	size_t hn = last;
	if (cl_count_words(t, last) < 3) { /* "Site | Headline" */
		h = t + first;
		while (h < t + n && *h != ' ')
			h++;
		while (h < t + n && (*h == ' ' || strchr("|-/>\\", *h) || !memcmp(h, "–", 3) || !memcmp(h, "—", 3) ||
		                     !memcmp(h, "»", 2)))
			h += (unsigned char)*h < 0x80 ? 1 : (unsigned char)*h == 0xC2 ? 2 : 3;
		hn = (size_t)(t + n - h);
	}
	/* the separators that say where in a site the page is (as against "Headline | Site") */
	int hier = strstr(t, " / ") || strstr(t, " > ") || strstr(t, " » ") || strstr(t, " \\ ");
	int words = cl_count_words(h, hn), all = cl_count_words(t, n);
	if (words <= 4 && (!hier || words != all - 2))
		cl_str_set(out, t, n);
	else
		cl_str_set(out, h, hn);
}

/* The page's metadata over what the text gave: JSON-LD and OpenGraph name the headline,
 * the authors, the dates and the publisher more surely than lines of text do. */
void cl_page_metadata(struct af_cleaner *c, const struct af_html_meta *m, struct af_article *out)
{
	if (m->title)
		cl_str_set(&out->title, m->title, strlen(m->title));
	else if (m->doc_title)
		doc_title(m->doc_title, &out->title);
	char v[64];
	if (meta_date(c, m->published, v) || (!out->published[0] && meta_date(c, m->time, v)))
		memcpy(out->published, v, sizeof v);
	if (meta_date(c, m->modified, v) && (!out->published[0] || strcmp(out->published, v) < 0))
		memcpy(out->updated, v, sizeof v);
	struct af_article people = {0};
	size_t i;
	json_t *a;
	json_array_foreach(m->authors, i, a) { /* the names of people among the page's authors */
		size_t len = json_string_length(a);
		if (person_name(c, json_string_value(a), &len, m->site, 0))
			cl_article_add_author(&people, json_string_value(a), len);
	}
	if (!people.nauthors && m->byline) { /* the byline element, read as a byline line is */
		struct block b = {0};
		struct meta bm = {.source = -1, .authors = &people};
		cl_fold_block(m->byline, strlen(m->byline), &b);
		cl_read_byline(c, &b, &bm, m->site);
		free(b.s);
	}
	if (people.nauthors) {
		struct af_article t = {.authors = out->authors, .nauthors = out->nauthors, .authors_cap = out->authors_cap};
		out->authors = people.authors;
		out->nauthors = people.nauthors;
		out->authors_cap = people.authors_cap;
		people = t;
	}
	af_article_free(&people);
	if (!out->source.s && m->site)
		cl_str_set(&out->source, m->site, strlen(m->site));
}
