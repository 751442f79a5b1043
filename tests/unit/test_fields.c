/* test_fields.c - unit tests of the typed stage fields (lib/fields.c, lib/fields_events.c):
 * entities, quotes and string fields read from a record without a JSON tree; events built,
 * written and read back. TAP on stdout. */
#include "af/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

static struct af_record rec;

static int parse(const char *line)
{
	struct af_error err;
	if (af_record_parse(&rec, line, strlen(line), &err) < 0) {
		printf("# parse: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int streq(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

static void test_entities(void)
{
	struct af_mentions m = {0};
	parse("{\"id\":\"x\",\"entities\":["
	      "{\"text\":\"Ashraf \\\"Ghani\\\"\",\"type\":\"PERSON\",\"start\":4,\"end\":16,"
	      "\"canonical\":\"Ashraf \\u0047hani\",\"role\":\"President\",\"org\":null,\"extra\":{\"a\":[1,\"]\"]}},"
	      "{\"type\":\"LOC\",\"start\":20,\"end\":25,\"canonical\":\"Kabul\",\"code\":\"AFG\"},"
	      "{\"type\":\"DATE\",\"start\": 30 ,\"end\": 40,\"canonical\":\"Monday\",\"value\":\"2025-12-08\"},"
	      "{\"type\":\"GPE\",\"start\":41,\"end\":44},"
	      "{\"type\":\"ORG\",\"start\":50,\"end\":50},"
	      "{\"type\":\"ORG\",\"start\":-1,\"end\":5},"
	      "{\"type\":\"ORG\",\"start\":5.0,\"end\":9},"
	      "{\"type\":7,\"start\":1,\"end\":2},"
	      "{\"start\":1,\"end\":2},"
	      "[1,2], \"PERSON\", null,"
	      "{\"type\":\"NORP\",\"start\":60,\"end\":66,\"start\":61}"
	      "]}");
	size_t n = af_field_entities(&rec, &m);
	ok(n == 5, "entities: the 5 usable objects are kept, the rest skipped (got %zu)", n);
	if (n != 5)
		goto out;
	ok(m.v[0].type == AF_E_PERSON && m.v[0].cstart == 4 && m.v[0].cend == 16, "PERSON with its code-point span");
	ok(streq(m.v[0].canonical, "Ashraf Ghani") && streq(m.v[0].role, "President") && !m.v[0].org && !m.v[0].code,
	   "escapes decoded (\\u0047), null and absent members are NULL");
	ok(m.v[1].type == AF_E_LOC && streq(m.v[1].code, "AFG") && streq(m.v[1].canonical, "Kabul"), "LOC with its code");
	ok(m.v[2].type == AF_E_DATE && streq(m.v[2].value, "2025-12-08") && m.v[2].cstart == 30,
	   "DATE with its value, whitespace around numbers");
	ok(m.v[3].type == AF_E_NTYPES && streq(m.v[3].type_name, "GPE"), "an unknown type is kept by its name");
	ok(m.v[4].type == AF_E_NORP && m.v[4].cstart == 61, "a repeated key: the last one counts");
	/* the buffers are reused: a record without the field empties the result */
	parse("{\"text\":\"t\"}");
	ok(af_field_entities(&rec, &m) == 0 && m.n == 0, "no entities field: none");
	parse("{\"entities\":{\"type\":\"PERSON\",\"start\":1,\"end\":2}}");
	ok(af_field_entities(&rec, &m) == 0, "entities not an array: none");
out:
	af_mentions_free(&m);
}

static void test_quotes(void)
{
	struct af_quote_refs q = {0};
	parse("{\"quotes\":[{\"text\":\"a \\\"b\\\" }\",\"start\":3,\"end\":9,\"speaker\":{\"text\":\"Ghani\",\"start\":0,"
	      "\"end\":5,\"canonical\":null}},{\"start\":10,\"end\":12,\"speaker\":null},{\"start\":\"1\",\"end\":2}]}");
	size_t n = af_field_quotes(&rec, &q);
	ok(n == 2, "quotes: the two with integer offsets (got %zu)", n);
	if (n == 2) {
		const char *want = "{\"text\":\"Ghani\",\"start\":0,\"end\":5,\"canonical\":null}";
		ok(q.v[0].cstart == 3 && q.v[0].cend == 9 && q.v[0].speaker && q.v[0].speaker_len == strlen(want) &&
		       !memcmp(q.v[0].speaker, want, strlen(want)),
		   "the speaker object's JSON text, whole");
		ok(q.v[1].speaker == NULL, "a null speaker is none");
	}
	af_quote_refs_free(&q);
}

static void test_strings(void)
{
	parse("{\"published\":\"2025-12-10T18:53:26+05:30\",\"dateline\":{\"place\":\"KABUL\",\"date\":\"2025-12-09\"},"
	      "\"n\":5}");
	char *p = af_field_string(&rec, "published", NULL), *d = af_field_string(&rec, "dateline", "date");
	char *none = af_field_string(&rec, "dateline", "time"), *num = af_field_string(&rec, "n", NULL);
	char *notobj = af_field_string(&rec, "published", "date");
	ok(streq(p, "2025-12-10T18:53:26+05:30") && streq(d, "2025-12-09"), "published and dateline.date");
	ok(!none && !num && !notobj, "absent members, numbers and strings asked for a member are NULL");
	free(p);
	free(d);
}

static struct af_str S(struct af_events *ev, const char *s)
{
	return af_events_str(ev, s, strlen(s));
}

static void test_events(void)
{
	struct af_events ev = {0};
	struct af_error err = {{0}};
	struct af_event *e = af_events_add(&ev);
	e->code = S(&ev, "036");
	e->root = S(&ev, "03");
	e->label = S(&ev, "Express intent to meet or negotiate");
	e->has_quad = 1, e->quad = 1;
	e->has_goldstein = 1, e->goldstein = 4.0;
	e->plover = S(&ev, "CONSULT");
	e->source = (struct af_ev_actor){.set = 1, .text = S(&ev, "Iran"), .start = 0, .end = 4, .actor = S(&ev, "IRN"),
	                                 .canonical = S(&ev, "Iran")};
	e->date = S(&ev, "2025-12-11");
	e->date_source = S(&ev, "sentence");
	e->location = (struct af_ev_place){.set = 1, .text = S(&ev, "Doha \"x\""), .start = 20, .end = 28};
	e->sentence = 2;
	e->trigger = S(&ev, "will host");
	e->trigger_start = 5, e->trigger_end = 14;
	e->reported = 1;
	e->rule = S(&ev, "pattern+compound");
	static const char sp[] = "{ \"text\" : \"he\", \"canonical\":null}"; /* not af's actor shape */
	ok(af_events_actor_json(&ev, sp, strlen(sp), &e->speaker) == 0 && e->speaker.set && e->speaker.json.set,
	   "an upstream speaker of another shape is kept as JSON");
	af_events_add(&ev); /* all null */
	struct af_buf out = {0};
	af_events_write(&ev, &out);
	const char *want =
		"[{\"code\":\"036\",\"root\":\"03\",\"label\":\"Express intent to meet or negotiate\",\"quad\":1,"
		"\"goldstein\":4.0,\"plover\":\"CONSULT\",\"source\":{\"text\":\"Iran\",\"start\":0,\"end\":4,\"actor\":"
		"\"IRN\",\"canonical\":\"Iran\"},\"target\":null,\"date\":\"2025-12-11\",\"date_source\":\"sentence\","
		"\"location\":{\"text\":\"Doha \\\"x\\\"\",\"start\":20,\"end\":28,\"country\":null},\"sentence\":2,"
		"\"trigger\":\"will host\",\"trigger_start\":5,\"trigger_end\":14,\"negated\":false,\"hypothetical\":false,"
		"\"reported\":true,\"symmetric\":false,\"speaker\":{\"text\":\"he\",\"canonical\":null},"
		"\"rule\":\"pattern+compound\"},"
		"{\"code\":null,\"root\":null,\"label\":null,\"quad\":null,\"goldstein\":null,\"plover\":null,"
		"\"source\":null,\"target\":null,\"date\":null,\"date_source\":null,\"location\":null,\"sentence\":0,"
		"\"trigger\":null,\"trigger_start\":0,\"trigger_end\":0,\"negated\":false,\"hypothetical\":false,"
		"\"reported\":false,\"symmetric\":false}]";
	ok(out.p && !strcmp(out.p, want), "events written in af(7)'s order, nulls, escapes, a speaker's JSON in af's form");
	if (out.p && strcmp(out.p, want))
		printf("# got  %s\n# want %s\n", out.p, want);

	/* read back: the same bytes */
	struct af_buf line = {0};
	af_buf_adds(&line, "{\"id\":1,\"events\":");
	af_buf_add(&line, out.p, out.len);
	af_buf_addc(&line, '}');
	struct af_events back = {0};
	int rc = parse(line.p) == 0 ? af_field_events(&rec, &back, &err) : -1;
	struct af_buf again = {0};
	af_events_write(&back, &again);
	ok(rc == 0 && back.n == 2 && again.p && !strcmp(again.p, out.p), "read back and written again: the same bytes (%s)",
	   err.msg);
	ok(back.v[0].speaker.set && back.v[0].location.set && !back.v[1].speaker.set && back.v[0].goldstein == 4.0,
	   "the reader's members: speaker, location, goldstein");
	ok(af_events_eq(&back, back.v[0].rule, "pattern+compound") && !back.v[1].rule.set, "the optional rule read back");

	/* not af(7)'s shape: refused with the member, nothing taken */
	parse("{\"events\":[{\"code\":\"01\",\"color\":\"red\"}]}");
	ok(af_field_events(&rec, &back, &err) < 0 && strstr(err.msg, "root") && back.n == 0,
	   "a member out of place is refused by name (%s)", err.msg);
	parse("{\"events\":[{\"code\":\"01\",\"root\":\"01\",\"label\":null,\"quad\":null,\"goldstein\":null,"
	      "\"plover\":null,\"source\":{\"text\":\"x\"},\"target\":null}]}");
	ok(af_field_events(&rec, &back, &err) < 0 && strstr(err.msg, "'source'") && back.n == 0,
	   "an actor of another shape is refused as source (%s)", err.msg);
	af_buf_reset(&line);
	af_buf_add(&line, out.p, out.len - 2); /* the last event without its '}' and the array's ']' */
	af_buf_adds(&line, ",\"weight\":1}]");
	struct af_buf rec2 = {0};
	af_buf_adds(&rec2, "{\"events\":");
	af_buf_add(&rec2, line.p, line.len);
	af_buf_addc(&rec2, '}');
	ok(parse(rec2.p) == 0 && af_field_events(&rec, &back, &err) < 0 && strstr(err.msg, "events[1]") &&
	       strstr(err.msg, "'weight'"),
	   "a member af(7) does not list is refused by its name (%s)", err.msg);
	af_buf_free(&rec2);
	struct af_ev_actor a;
	static const char typed[] = "{\"text\":\"he\\u0000!\",\"start\":3,\"end\":5,\"actor\":null,\"canonical\":\"Ali\"}";
	ok(af_events_actor_json(&ev, typed, strlen(typed), &a) == 0 && a.set && !a.json.set && a.text.len == 4 &&
	       a.start == 3 && !a.actor.set && !strcmp(af_events_at(&ev, a.canonical), "Ali"),
	   "an upstream speaker of af's actor shape is read into the typed members (escapes decoded)");
	parse("{\"events\":{}}");
	ok(af_field_events(&rec, &back, &err) < 0, "events not an array: refused");
	parse("{\"id\":2}");
	ok(af_field_events(&rec, &back, &err) == 0 && back.n == 0, "no events field: none");
	af_buf_free(&out);
	af_buf_free(&again);
	af_buf_free(&line);
	af_events_free(&ev);
	af_events_free(&back);
}

int main(void)
{
	af_record_init(&rec);
	test_entities();
	test_quotes();
	test_strings();
	test_events();
	af_record_free(&rec);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
