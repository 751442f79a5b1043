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

/* The regex alternation of month names (for other patterns) and a name's month (0 if none). */
const char *af_dates_month_alt(struct af_dates *d);
int af_dates_month(struct af_dates *d, const char *name, size_t n);

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
