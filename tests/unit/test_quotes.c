/* test_quotes.c - unit tests of af-quotes' finder (lib/quotes.c) on hard cases: quote-mark
 * pairing, split quotes, speakers before, after and inverted, participle cues, pronouns,
 * colon cues, titles in quote marks, mixed quotes inside a clause, bad input.
 * TAP on stdout: "ok N - what" / "not ok N - what", then the plan "1..N".
 * Exit status 1 when a test failed. */
#include "af/quotes.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

static struct af_quoter *qr;

static json_t *find(const char *text)
{
	struct af_error err;
	json_t *qs = af_quotes_find(qr, text, strlen(text), NULL, &err);
	if (!qs) {
		printf("# af_quotes_find: %s\n", err.msg);
		exit(1);
	}
	return qs;
}

static const char *str(const json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "(null)";
}

static void dump(const json_t *qs)
{
	size_t i;
	json_t *q;
	json_array_foreach(qs, i, q) {
		json_t *sp = json_object_get(q, "speaker");
		printf("#   %s [%s] cue=%s speaker=%s canonical=%s\n", str(q, "kind"), str(q, "text"), str(q, "cue"),
		       json_is_object(sp) ? str(sp, "text") : "null", json_is_object(sp) ? str(sp, "canonical") : "-");
	}
}

/* the quote whose text holds needle, or NULL */
static json_t *quote_with(json_t *qs, const char *needle)
{
	size_t i;
	json_t *q;
	json_array_foreach(qs, i, q) {
		if (strstr(str(q, "text"), needle))
			return q;
	}
	return NULL;
}

/* One check: text has a quote holding needle, of kind (or any when NULL), whose speaker
 * text holds speaker (NULL: no check; "" : no speaker) and whose canonical holds canon. */
static void check(const char *name, const char *text, const char *needle, const char *kind,
                  const char *speaker, const char *canon)
{
	json_t *qs = find(text);
	json_t *q = quote_with(qs, needle);
	int good = q != NULL;
	if (q && kind && strcmp(str(q, "kind"), kind))
		good = 0;
	if (q && speaker) {
		json_t *sp = json_object_get(q, "speaker");
		if (!*speaker)
			good = good && !json_is_object(sp);
		else
			good = good && json_is_object(sp) && strstr(str(sp, "text"), speaker);
		if (canon)
			good = good && json_is_object(sp) && strstr(str(sp, "canonical"), canon);
	}
	if (!ok(good, "%s", name))
		dump(qs);
	json_decref(qs);
}

/* text has no quote of kind direct or mixed holding needle */
static void check_none(const char *name, const char *text, const char *needle)
{
	json_t *qs = find(text);
	json_t *q = quote_with(qs, needle);
	int good = !q || !strcmp(str(q, "kind"), "indirect");
	if (!ok(good, "%s", name))
		dump(qs);
	json_decref(qs);
}

/* every quote's offsets lie inside the text and follow its text */
static void check_sane(const char *name, const char *text)
{
	json_t *qs = find(text);
	size_t ncp = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		ncp += (*p & 0xC0) != 0x80;
	int good = json_is_array(qs);
	size_t i;
	json_t *q;
	json_array_foreach(qs, i, q) {
		json_int_t a = json_integer_value(json_object_get(q, "start"));
		json_int_t b = json_integer_value(json_object_get(q, "end"));
		if (a < 0 || b < a || (size_t)b > ncp)
			good = 0;
	}
	if (!ok(good, "%s", name))
		dump(qs);
	json_decref(qs);
}

int main(void)
{
	struct af_error err;
	qr = af_quoter_new(&err);
	if (!qr) {
		printf("Bail out! %s\n", err.msg);
		return 1;
	}

	/* quote-mark pairing */
	check("curly quotes with a nested ‘…’ are one direct quote",
	      "The minister spoke on Monday.\n\n“He told me, ‘We will never give up,’ and I believed him,” "
	      "Smith said.",
	      "We will never give up", "direct", "Smith", NULL);
	{
		json_t *qs = find("“He told me, ‘We will never give up,’ and I believed him,” Smith said.");
		ok(json_array_size(qs) == 1, "the nested ‘…’ is not a quote of its own");
		json_decref(qs);
	}
	check("straight quotes pair by context",
	      "\"The talks are over and nothing was agreed today,\" said Ahmad Wali, a spokesman.",
	      "The talks are over", "direct", "Ahmad Wali", NULL);
	check("a quote over two paragraphs, reopened, is one quote",
	      "Karzai said: “The first paragraph of the statement goes here.\n\n“The second paragraph "
	      "ends it all.”",
	      "The second paragraph ends", "direct", "Karzai", NULL);

	/* split quotes */
	{
		json_t *qs = find("“We have an agreement,” the spokesman said. “It will be signed next week in Doha.”");
		json_t *q = quote_with(qs, "We have an agreement");
		json_t *parts = q ? json_object_get(q, "parts") : NULL;
		if (!ok(q && json_array_size(parts) == 2 && strstr(str(q, "text"), "signed next week"),
		        "a split quote with the attribution in the middle is one quote of two parts"))
			dump(qs);
		json_decref(qs);
	}

	/* speakers: before, after, inverted, with titles and appositions */
	check("speaker before with a colon cue verb",
	      "Foreign Minister Amir Khan Muttaqi said: “Afghanistan wants good relations with all its neighbours.”",
	      "good relations", "direct", "Muttaqi", NULL);
	check("speaker after: “...,” X said",
	      "“We will not accept any foreign interference in our affairs,” Zabihullah Mujahid said on Tuesday.",
	      "foreign interference", "direct", "Zabihullah Mujahid", NULL);
	check("inverted: “...,” said X, a spokesman",
	      "“The border will stay closed until further notice,” said Abdul Qahar Balkhi, a spokesman for "
	      "the ministry.",
	      "border will stay closed", "direct", "Abdul Qahar Balkhi", NULL);
	check("speaker after with a lower-case title between name parts",
	      "“Now we know the administration refused to give up key information,” Judicial Watch president "
	      "Tom Fitton said Tuesday.",
	      "key information", "direct", "Tom Fitton", NULL);
	check("speaker after a parenthesis: X (D-Ore.) said",
	      "“There is tremendous energy in a whole host of races,” Rep. Earl Blumenauer (D-Ore.) said.",
	      "tremendous energy", "direct", "Blumenauer", NULL);
	check("a verb the lexicon lacks, inverted after a question",
	      "“What sport is he talking about, and who?” reacted Trump.",
	      "What sport", "direct", "Trump", NULL);
	check("an apposition before the cue: X, a spokesman for Y, said",
	      "Ahmad Massoud, the leader of the National Resistance Front, said the group “will continue to "
	      "fight for a free Afghanistan” whatever happens.",
	      "continue to fight", "mixed", "Ahmad Massoud", NULL);

	/* participle cues take the speaker of the clause, not the listener or the nearest noun */
	check("“adding” takes the speaker of the finite cue before it",
	      "Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was not very religious.\"",
	      "not very religious", "direct", "Nefzi", NULL);
	check("“telling the crowd” does not make the crowd the speaker",
	      "Clinton riffed on the incident in Iowa, telling the crowd, “Some people get a little carried "
	      "away, have you noticed that?”",
	      "carried away", "direct", "Clinton", NULL);
	check("“quoted X claiming that”: X speaks",
	      "The news website quoted spokesman Abdullah Qarluq claiming that the three major \"political "
	      "movements have reached an agreement\".",
	      "political movements", "mixed", "Abdullah Qarluq", NULL);

	/* pronouns */
	check("a pronoun speaker resolves to the nearest person named before it",
	      "Hamid Karzai arrived in Kabul on Monday.\n\n“The people of Afghanistan want peace,” he said.",
	      "want peace", "direct", "he", "Hamid Karzai");
	check("a short name resolves to the fullest name in the article",
	      "Abdul Rashid Dostum returned to Mazar-i-Sharif.\n\n“I came back to help my people,” Dostum said.",
	      "help my people", "direct", "Dostum", "Abdul Rashid Dostum");
	check("a quote without attribution keeps the speaker of the quote before it",
	      "“We are ready for talks,” Mujahid said.\n\n“Our doors are open to everyone who wants peace.”",
	      "Our doors are open", "direct", "Mujahid", NULL);

	/* colon cues */
	check("a name and a colon: Muttaqi: “...”",
	      "Muttaqi: “We have no plans to change the policy on education.”",
	      "no plans to change", "direct", "Muttaqi", NULL);
	check("saying: “...”",
	      "The report suggested the talks took place at Tehran's behest, saying: \"Recently, some political "
	      "figures have travelled to Iran.\"",
	      "travelled to Iran", "direct", "report", NULL);

	/* mixed quotes: the clause, not only the marked words */
	check("a fragment inside a clause is mixed, with the clause as content",
	      "Trump vowed to \"bomb the hell\" out of the Islamic State, also known as ISIS.",
	      "out of the Islamic State", "mixed", "Trump", NULL);
	check("a fragment after a cue the frame finder missed is mixed",
	      "Clinton has increasingly decried the issue of “systemic racism” and highlighted her plans.",
	      "systemic racism", "mixed", "Clinton", NULL);

	/* not quotes */
	check_none("a title after “under the title” is not a quote",
	           "The joint statement, issued under the title “National Consensus of Afghan Political Parties "
	           "and Movements,” was released on Tuesday.",
	           "National Consensus");
	check_none("scare quotes of a few words with no cue are not quotes",
	           "The so-called \"peace dividend\" never arrived in the provinces.", "peace dividend");
	check_none("a film title in quotes is not a quote",
	           "He watched the film “The Kite Runner” twice last year.", "Kite Runner");

	/* indirect speech */
	check("indirect speech with a number as the speaker",
	      "Around that time, 47 percent said they would vote for Hillary Clinton.",
	      "would vote for", "indirect", "percent", NULL);
	check("according to X, ...",
	      "According to Afghanistan International, a joint declaration may be released soon.",
	      "joint declaration", "indirect", "Afghanistan International", NULL);

	/* nested reporting: the outer frame keeps the whole clause */
	check("X said he thinks that ...: the outer frame's content is the whole clause",
	      "Harper also said he thinks that the council would approve the budget next week.",
	      "he thinks that the council", "indirect", "Harper", NULL);
	{
		json_t *qs = find("Harper also said he thinks that the council would approve the budget next week.");
		size_t i;
		json_t *q, *inner = NULL;
		json_array_foreach(qs, i, q) {
			if (!strcmp(str(q, "cue"), "thinks"))
				inner = q;
		}
		json_t *sp = inner ? json_object_get(inner, "speaker") : NULL;
		if (!ok(json_is_object(sp) && !strcmp(str(sp, "text"), "he") && !strcmp(str(sp, "canonical"), "Harper"),
		        "X said he thinks that ...: the inner frame has its own speaker, resolved to X"))
			dump(qs);
		json_decref(qs);
	}
	check("an opening adverbial is not the content of \", X said\"",
	      "As recently as a March radio interview, Lopez said he believes the bridge was \"a costly error,\" "
	      "although he supports finishing it now.",
	      "a costly error", "mixed", "Lopez", NULL);
	check("a sentence-initial determiner is not a name: \"The plan ...\"",
	      "The plan of building a second runway drew criticism, the mayor calling it \"an expensive folly\" "
	      "in front of reporters.",
	      "an expensive folly", NULL, "mayor", NULL);

	/* bad input */
	check_sane("an unbalanced opening mark at the end", "He said: “");
	check_sane("an unbalanced closing mark at the start", "” he said. And then “nothing");
	check_sane("only quote marks", "“”„“«»\"\"''‘’");
	check_sane("a cue and nothing else", "said");

	af_quoter_free(qr);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
