/* dates.h - reading date and time stamps as news pages write them. */
#ifndef AF_DATES_H
#define AF_DATES_H

#include <stddef.h>

#include "af/af.h"
#include "af/yaml.h"

/* A calendar date with optional time and UTC offset, as written (local time). */
struct af_dt {
	int y, mo, d;   /* mo and d are 0 when unknown */
	int h, mi, s;
	int has_time, has_sec, has_off;
	int off;        /* minutes east of UTC */
};

struct af_stamp {
	struct af_dt dt;
	size_t start, end; /* byte offsets of the whole stamp in the scanned string */
	int label;         /* AF_LABEL_* from the words before it */
};

enum { AF_LABEL_NONE = 0, AF_LABEL_PUBLISHED = 1, AF_LABEL_UPDATED = 2 };

struct af_dates;

/* Month names, weekdays, zones and labels from data/dates.yaml. */
struct af_dates *af_dates_new(struct af_error *err);
/* Add the months/weekdays/zones/labels keys of a user's lexicon (other keys ignored). */
int af_dates_merge(struct af_dates *d, const struct af_ynode *root, struct af_error *err);
void af_dates_free(struct af_dates *d);

/* Every stamp in s[0..n), left to right; returns how many (at most max). */
size_t af_dates_scan(struct af_dates *d, const char *s, size_t n, struct af_stamp *out, size_t max);
/* The same, with year given to every month and day that has none ("Posted Nov 19, 6:51 AM");
 * the stamps' offsets are then those of the text with the year put in. */
size_t af_dates_scan_in_year(struct af_dates *d, const char *s, size_t n, int year, struct af_stamp *out, size_t max);

/* The regex alternation of month names (for other patterns) and a name's month (0 if none). */
const char *af_dates_month_alt(struct af_dates *d);
int af_dates_month(struct af_dates *d, const char *name, size_t n);

/* The one reader of a stamp as the records carry it (`published`, `updated`, a dateline's
 * `date`): "2025-12-10", "2025-12-10T18:53:26+05:30" (seconds, a fraction, "Z" or an offset
 * optional; ' ' for 'T'), "2025-12", "2025" or "20251210". 0, or -1 with *why saying what
 * is wrong (2025-02-30, 0000-01-01 and +99:99 are refused, never passed on). */
int af_dt_parse(const char *s, struct af_dt *t, const char **why);

/* ---- the date resolver (lib/dateres.c): date expressions in running text ---- */

enum af_date_kind {
	AF_DATE_POINT = 0,   /* a day, week, month, year or span the words name */
	AF_DATE_RANGE = 1,   /* "since X", "between X and Y", "from X to Y": value "X/Y" */
	AF_DATE_DEADLINE = 2 /* "until X", "by X", "by the end of the year": value X */
};

struct af_datex {
	size_t start, end; /* bytes of the whole expression (cue words included) in the text */
	enum af_date_kind kind;
	int resolved;      /* value holds the date; 0 when it needs a publication date not given */
	char value[48];    /* "2025-12-09", "2025-W49" (an ISO week), "2025-12", "2025",
	                    * "1990-1999", "1989-90"; a range "2015/2025-12-10" ("2015/.." open) */
};

/* The date expressions of the sentence s[a, b), left to right, resolved against pub (a
 * full date; NULL or without a day: only what the words alone fix is resolved). Returns how
 * many (at most max). The rules are the `resolve` words of data/dates.yaml. */
size_t af_dates_find(struct af_dates *d, const char *s, size_t a, size_t b, const struct af_dt *pub,
                     struct af_datex *out, size_t max);
/* The same over a span of any length: fn(e, arg) for each expression, left to right. */
void af_dates_each(struct af_dates *d, const char *s, size_t a, size_t b, const struct af_dt *pub,
                   void (*fn)(const struct af_datex *e, void *arg), void *arg);
/* A resolved point value as yyyymmdd for comparing with dated codes: "2021-08-15" 20210815,
 * a month its 15th, a year its 1 July; 0 for anything else (weeks, ranges, decades). */
long af_date_ymd(const char *value);
/* Is the expression s[x, y) inside a "who/which" clause set off by commas in the sentence
 * s[a, b)? Such a date is its clause's, not the sentence's (the codes of both stages). */
int af_date_aside(const char *s, size_t a, size_t b, size_t x, size_t y);
/* "range", "deadline", or NULL for a point. */
const char *af_date_kind_name(enum af_date_kind k);

/* ISO 8601: "2025-12-10T18:53:26+05:30" when time and offset are known, else
 * "2025-12-10" (or "2025-12", "2025"). Returns the length written. */
size_t af_dt_iso(const struct af_dt *t, char *buf, size_t n);
/* Compare two instants (local time minus offset when both have one). */
long long af_dt_key(const struct af_dt *t);
int af_dt_valid(const struct af_dt *t);
int af_dt_weekday(int y, int mo, int d); /* 0 = Monday */
/* The calendar: days in a month; days since 1970-01-01 and back (proleptic Gregorian). */
int af_dt_mdays(int y, int mo);
long af_dt_days(int y, int mo, int d);
void af_dt_from_days(long days, int *y, int *mo, int *d);

#endif
