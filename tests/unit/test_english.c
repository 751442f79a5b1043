/* test_english.c - unit tests of the shared English words (lib/english.c, data/english.yaml):
 * classes and values of the compiled-in file, case and apostrophe folding, phrases, a
 * user's additions, and the refusal of an unknown class with file:line:col. TAP on stdout. */
#include "../../lib/english.h"

#include <stdio.h>
#include <string.h>
#include <threads.h>
#include "tap.h"

static void count(void *ctx, const char *w, int v)
{
	(void)w;
	(void)v;
	++*(int *)ctx;
}

static int shared_of(void *arg)
{
	*(const struct af_english **)arg = af_english_shared(NULL);
	return 0;
}

int main(void)
{
	struct af_error err = {{0}};
	struct af_english *e = af_english_new(&err);
	if (!ok(e != NULL, "the compiled-in english.yaml loads (%s)", err.msg))
		return 1;
	int v;
	unsigned c = af_english_get(e, "March", 5, AF_EN_MONTH, &v);
	ok((c & AF_EN_BIT(AF_EN_MONTH)) && v == 3, "March is month 3 (case ignored)");
	c = af_english_get(e, "may", 3, AF_EN_MONTH, &v);
	ok((c & AF_EN_BIT(AF_EN_MONTH)) && (c & AF_EN_BIT(AF_EN_MODAL)) && v == 5, "may is a month (5) and a modal");
	c = af_english_get(e, "THURS", 5, AF_EN_WEEKDAY_ABBR, &v);
	ok((c & AF_EN_BIT(AF_EN_WEEKDAY_ABBR)) && !(c & AF_EN_BIT(AF_EN_WEEKDAY)) && v == 4,
	   "Thurs is an abbreviation of weekday 4, not a weekday name");
	c = af_english_get(e, "the  day after\ntomorrow", 23, AF_EN_RELDAY, &v);
	ok((c & AF_EN_BIT(AF_EN_RELDAY)) && v == 2, "a phrase, its spaces folded: the day after tomorrow = +2");
	c = af_english_get(e, "n\xe2\x80\x99t", 5, AF_EN_NEG, NULL);
	ok(c & AF_EN_BIT(AF_EN_NEG), "n’t is n't, a negation");
	ok(af_english_get(e, "Kabul", 5, AF_EN_DET, &v) == 0 && v == 0, "a word in no class: 0, value 0");
	ok(af_english_get(e, "said", 4, AF_EN_SPEECH, NULL) & AF_EN_BIT(AF_EN_SPEECH), "said is a speech verb");
	ok(!(af_english_get(e, "states", 6, AF_EN_SPEECH, NULL) & AF_EN_BIT(AF_EN_SPEECH)),
	   "states (a noun as often) is no speech verb");
	int n = 0;
	af_english_each(e, AF_EN_WEEKDAY, count, &n);
	ok(n == 7, "seven weekday names (%d)", n);
	ok(af_english_maxwords(e) == 4, "the longest phrase has four words (%d)", af_english_maxwords(e));

	const char *user = "modals: [oughta]\nnumbers: {dozen: 12}\n";
	ok(af_english_add(e, user, strlen(user), "user.yaml", &err) == 0, "a user's file adds words (%s)", err.msg);
	ok(af_english_get(e, "oughta", 6, AF_EN_MODAL, NULL) & AF_EN_BIT(AF_EN_MODAL), "its modal is there");
	af_english_get(e, "dozen", 5, AF_EN_NUMBER, &v);
	ok(v == 12, "its number is there (%d)", v);
	const char *bad = "modals: [oughta]\nmonth: {1: [jan]}\n";
	ok(af_english_add(e, bad, strlen(bad), "bad.yaml", &err) < 0 && strstr(err.msg, "bad.yaml:2:1") &&
	       strstr(err.msg, "month"),
	   "an unknown class is refused with file:line:col (%s)", err.msg);
	const char *badnum = "weekdays: {8: [someday]}\n";
	ok(af_english_add(e, badnum, strlen(badnum), "bad.yaml", &err) < 0 && strstr(err.msg, "bad.yaml:1:"),
	   "a weekday number out of 1-7 is refused (%s)", err.msg);
	af_english_free(e);

	thrd_t t[4];
	const struct af_english *got[4];
	for (int i = 0; i < 4; i++)
		thrd_create(&t[i], shared_of, &got[i]);
	for (int i = 0; i < 4; i++)
		thrd_join(t[i], NULL);
	ok(got[0] && got[0] == got[1] && got[1] == got[2] && got[2] == got[3] && got[0] == af_english_shared(NULL),
	   "four threads asking at once get the one shared table");
	af_english_get(got[0], "Thursday", 8, AF_EN_WEEKDAY, &v);
	ok(v == 4 && !(af_english_get(got[0], "oughta", 6, AF_EN_MODAL, NULL) & AF_EN_BIT(AF_EN_MODAL)),
	   "the shared table is the compiled-in file alone (Thursday 4, no user word)");
	/* the event coder's classes: a word in a class, a word ending in one (a stem left) */
	const struct af_english *sh = af_english_shared(NULL);
	ok(af_english_is(sh, "Shall", 5, AF_EN_FUTURE_MODAL) && af_english_is(sh, "\xe2\x80\x99ll", 5, AF_EN_FUTURE_MODAL) &&
	       !af_english_is(sh, "would", 5, AF_EN_FUTURE_MODAL) && af_english_is(sh, "IRAQI", 5, AF_EN_DEMONYM),
	   "af_english_is: case and curly apostrophes folded, other classes not taken");
	ok(af_english_ends(sh, "Syrian", 6, AF_EN_DEMONYM_END, 3) && !af_english_ends(sh, "Iran", 4, AF_EN_DEMONYM_END, 3) &&
	       !af_english_ends(sh, "Cuban", 5, AF_EN_DEMONYM_END, 3) && af_english_ends(sh, "economic", 8, AF_EN_ADJ_END, 3) &&
	       !af_english_ends(sh, "ian", 3, AF_EN_DEMONYM_END, 1) && !af_english_ends(sh, "caf\xc3\xa9", 5, AF_EN_ADJ_END, 1),
	   "af_english_ends: an ending with a stem of three left; none inside a UTF-8 character");
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
