/* test_dates.c - unit tests of the date module: the one reader of stamps (af_dt_parse) and
 * the date resolver (af_dates_find, lib/dateres.c) on calendar edges the bats table does not
 * reach: year ends, ISO weeks 53 and 1, leap days, no publication date, many expressions.
 * TAP on stdout; exit status 1 when a test failed. */
#include "af/dates.h"

#include <stdlib.h>
#include <string.h>
#include "tap.h"

static struct af_dates *d;

/* The first expression of s resolved against pub ("" for none): its text, kind and value
 * as "text|kind|value" ("-" for an unresolved value). */
static const char *first(const char *s, const char *pub)
{
	static char out[256];
	struct af_dt t, *p = NULL;
	const char *why;
	if (pub[0]) {
		if (af_dt_parse(pub, &t, &why) < 0)
			return "bad pub";
		p = &t;
	}
	struct af_datex ex[4];
	size_t n = af_dates_find(d, s, 0, strlen(s), p, ex, 4);
	if (!n)
		return "";
	const char *k = af_date_kind_name(ex[0].kind);
	snprintf(out, sizeof out, "%.*s|%s|%s", (int)(ex[0].end - ex[0].start), s + ex[0].start, k ? k : "point",
	         ex[0].resolved ? ex[0].value : "-");
	return out;
}

static void is(const char *s, const char *pub, const char *want)
{
	const char *got = first(s, pub);
	if (!ok(!strcmp(got, want), "%s (published %s)", s, pub[0] ? pub : "none"))
		printf("#   got:  %s\n#   want: %s\n", got, want);
}

static void parse_ok(const char *s, int y, int mo, int dd, int has_off, int off)
{
	struct af_dt t;
	const char *why;
	int rc = af_dt_parse(s, &t, &why);
	ok(rc == 0 && t.y == y && t.mo == mo && t.d == dd && t.has_off == has_off && t.off == off,
	   "af_dt_parse accepts %s", s);
}

static void parse_bad(const char *s, const char *want_why)
{
	struct af_dt t;
	const char *why = NULL;
	int rc = af_dt_parse(s, &t, &why);
	if (!ok(rc < 0 && why && strstr(why, want_why), "af_dt_parse refuses %s (%s)", s, want_why))
		printf("#   rc %d, why: %s\n", rc, why ? why : "(none)");
}

int main(void)
{
	struct af_error err;
	d = af_dates_new(&err);
	if (!d) {
		printf("not ok 1 - af_dates_new: %s\n1..1\n", err.msg);
		return 1;
	}

	/* the one reader of published */
	parse_ok("2025-12-10", 2025, 12, 10, 0, 0);
	parse_ok("2025-12-10T18:53:26+05:30", 2025, 12, 10, 1, 330);
	parse_ok("2025-12-10T18:53:26.5-0400", 2025, 12, 10, 1, -240);
	parse_ok("2025-12-10 18:53Z", 2025, 12, 10, 1, 0);
	parse_ok("20240229", 2024, 2, 29, 0, 0);
	parse_ok("2025-12", 2025, 12, 0, 0, 0);
	parse_bad("2025-02-30", "no such day");
	parse_bad("2023-02-29", "no such day");
	parse_bad("0000-01-01", "year out of range");
	parse_bad("2025-12-10T10:00:00+99:99", "zone offset");
	parse_bad("2025-12-10T10:00:00+14:30", "zone offset");
	parse_bad("2025-13-01", "no such month");
	parse_bad("2025-12-10T24:00", "time of day");
	parse_bad("2025-12-10x", "ISO 8601");
	parse_bad("Dec 10, 2025", "ISO 8601");
	parse_bad("", "ISO 8601");

	/* weeks at the turn of a year: 2021-01-02 is a Saturday of ISO week 2020-W53 */
	is("It happened this week.", "2021-01-02", "this week|point|2020-W53");
	is("It happened last week.", "2021-01-04", "last week|point|2020-W53");
	is("It happens next week.", "2020-12-31", "next week|point|2021-W01");
	is("It happened last week.", "2025-01-01", "last week|point|2024-W52");
	/* months and years across the year's end */
	is("It happened last month.", "2025-01-15", "last month|point|2024-12");
	is("It happens next month.", "2025-12-15", "next month|point|2026-01");
	is("It happened 14 months ago.", "2025-01-15", "14 months ago|point|2023-11");
	is("It happened a decade ago.", "2025-01-15", "a decade ago|point|2015");
	/* weekdays: the same weekday as the publication date */
	is("They met on Wednesday.", "2025-12-10", "Wednesday|point|2025-12-10");
	is("They meet last Wednesday.", "2025-12-10", "last Wednesday|point|2025-12-03");
	is("They will meet on Wednesday.", "2025-12-10", "Wednesday|point|2025-12-10");
	is("They will meet next Wednesday.", "2025-12-10", "next Wednesday|point|2025-12-17");
	/* a future weekday across the month's end */
	is("They will meet on Monday.", "2025-12-31", "Monday|point|2026-01-05");
	/* a leap day without a year, nearest the publication date */
	is("It happened on February 29.", "2025-03-01", "February 29|point|2024-02-29");
	is("It happened on February 29.", "2026-12-10", "February 29|point|-");
	/* a month and day with a past or future tense, and with none */
	is("Erdogan announced on June 27 that Turkey would act.", "2023-06-14", "June 27|point|2022-06-27");
	is("Erdogan will speak on June 27.", "2023-06-14", "June 27|point|2023-06-27");
	is("Talks on June 27.", "2023-06-14", "June 27|point|2023-06-27");
	is("Talks on June 2.", "2023-06-14", "June 2|point|2023-06-02");
	/* a plural unit after back/ahead is no date; "N units ago" takes both */
	is("in the last months of the talks", "2023-06-14", "");
	is("in the coming weeks", "2023-06-14", "");
	is("a month ago", "2023-06-14", "a month ago|point|2023-05");
	/* a possessive */
	is("at this year's Hajj", "2023-06-14", "this year|point|2023");
	is("at Sunday’s rally", "2023-06-14", "Sunday|point|2023-06-11");
	/* a month alone with a future tense */
	is("Elections will be held in March.", "2025-12-10", "March|point|2026-03");
	is("Elections were held in March.", "2025-12-10", "March|point|2025-03");
	is("They met in December.", "2025-01-10", "December|point|2024-12");
	/* the end of a period after a deadline word */
	is("It must be done by the end of the month.", "2024-02-10", "by the end of the month|deadline|2024-02-29");
	is("It must be done by the end of 2026.", "2025-02-10", "by the end of 2026|deadline|2026-12-31");
	is("It must be done by the end of next month.", "2025-12-10", "by the end of next month|deadline|2026-01-31");
	/* no publication date: the words alone */
	is("It happened last week.", "", "last week|point|-");
	is("It happened on 3 January 2024.", "", "3 January 2024|point|2024-01-03");
	is("It has lasted since 2015.", "", "since 2015|range|2015/..");
	is("It lasted from 2001 to 2021.", "", "from 2001 to 2021|range|2001/2021");
	/* not dates */
	is("It cost $2021 and 2021 troops came; 1850 and 2150 are no years here.", "2025-12-10", "");
	is("may the sun rise on a sat morning", "2025-12-10", "");
	/* a publication date with no day resolves nothing relative */
	is("It happened yesterday.", "2025-12", "yesterday|point|-");

	/* more expressions than the caller's array: the first max, in order */
	{
		const char *s = "In 2001, 2002, 2003, 2004, 2005 and 2006.";
		struct af_datex ex[4];
		size_t n = af_dates_find(d, s, 0, strlen(s), NULL, ex, 4);
		ok(n == 4 && !strcmp(ex[0].value, "2001") && !strcmp(ex[3].value, "2004"), "at most max expressions, in order");
	}
	/* a sentence inside a longer text: offsets into the whole text */
	{
		const char *s = "Nothing. Talks resume next week. More.";
		struct af_dt t;
		const char *why;
		af_dt_parse("2025-12-10", &t, &why);
		struct af_datex ex[4];
		size_t n = af_dates_find(d, s, 9, 32, &t, ex, 4);
		ok(n == 1 && ex[0].start == 22 && ex[0].end == 31 && !strcmp(ex[0].value, "2025-W51"),
		   "offsets count from the start of the whole text");
	}

	af_dates_free(d);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
