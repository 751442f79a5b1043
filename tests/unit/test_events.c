/* test_events.c - unit tests of af-events' dictionary readers (lib/evdict*.c: every mistake is
 * "file:line: what is wrong"; TABARI-era lines that TABARI reads are read), the start-up
 * snapshot (lib/evsnap.c: the same dictionary as the texts), and the coder (lib/events.c):
 * passive voice, negation, compound actors, agents shared across a compound, modal ->
 * hypothetical, location.
 * TAP on stdout: "ok N - what" / "not ok N - what", then the plan "1..N".
 * Exit status 1 when a test failed. */
#include "af/events.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

enum kind { VERBS, ACTORS, AGENTS, DISCARDS, YAML };

static int load(struct af_evdict *d, enum kind k, const char *text, struct af_error *err)
{
	size_t n = strlen(text);
	switch (k) {
	case VERBS:
		return af_evdict_load_verbs(d, text, n, "t.txt", err);
	case ACTORS:
		return af_evdict_load_actors(d, text, n, "t.txt", err);
	case AGENTS:
		return af_evdict_load_agents(d, text, n, "t.txt", err);
	case DISCARDS:
		return af_evdict_load_discards(d, text, n, "t.txt", err);
	case YAML:
		return af_evdict_load_yaml(d, text, n, "t.yaml", err);
	}
	return -1;
}

/* The text must fail to load with an error starting "where: " and containing what. */
static void bad(enum kind k, const char *text, const char *where, const char *what)
{
	struct af_evdict *d = af_evdict_new();
	struct af_error err;
	memset(&err, 0, sizeof err);
	int rc = load(d, k, text, &err);
	char pre[64];
	snprintf(pre, sizeof pre, "%s: ", where);
	if (!ok(rc < 0 && !strncmp(err.msg, pre, strlen(pre)) && strstr(err.msg, what), "error %s: %s", where, what))
		printf("# got rc %d: %s\n", rc, rc < 0 ? err.msg : "(loaded)");
	af_evdict_free(d);
}

/* The text must load. */
static void good(enum kind k, const char *text, const char *what)
{
	struct af_evdict *d = af_evdict_new();
	struct af_error err;
	int rc = load(d, k, text, &err);
	if (!ok(rc == 0, "reads %s", what))
		printf("# %s\n", err.msg);
	af_evdict_free(d);
}

/* ---- the coder on a small dictionary ---- */

static const char verbs[] = "--- ATTACK [190] ---\n"
                            "ATTACK\n"
                            "--- RESTORE [064] ---\n"
                            "RESTORE\n"
                            "- * TIES [064]\n"
                            "--- WELCOME [041] ---\n"
                            "WELCOME\n"
                            "- * RESUMPTION [041]\n";
static const char actors[] = "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nFORNOST [FOR]\n"
                             "KABUL_ [AFG]\n";
static const char agents[] = "OFFICIAL [~GOV]\nLAWMAKER [~LEG]\nSOLDIER [~MIL]\n";

static struct af_coder *coder;

static struct af_events evs; /* the coder's events, typed: no JSON in these tests */

static const struct af_events *code(const char *text)
{
	struct af_evinput in = {.text = text, .len = strlen(text), .published = "2010-05-01"};
	struct af_error err;
	if (af_coder_code(coder, &in, &evs, NULL, &err) < 0) {
		printf("# af_coder_code: %s\n", err.msg);
		exit(1);
	}
	return &evs;
}

/* a string member of an event (its actor code ...), NULL when null */
static const char *at(const struct af_events *ev, struct af_str s)
{
	return af_events_at(ev, s);
}

/* "SRC>TGT:CODE" for each event, sorted, joined by spaces, into buf. */
static const char *triples(const struct af_events *ev, char *buf, size_t n)
{
	char items[16][64];
	size_t k = 0;
	for (size_t i = 0; i < ev->n && k < 16; i++) {
		const struct af_event *e = &ev->v[i];
		const char *s = e->source.set ? at(ev, e->source.actor) : NULL;
		const char *t = e->target.set ? at(ev, e->target.actor) : NULL;
		snprintf(items[k++], 64, "%s>%s:%s", s ? s : "-", t ? t : "-", at(ev, e->code));
	}
	for (size_t a = 0; a < k; a++)
		for (size_t b = a + 1; b < k; b++)
			if (strcmp(items[a], items[b]) > 0) {
				char t[64];
				memcpy(t, items[a], 64);
				memcpy(items[a], items[b], 64);
				memcpy(items[b], t, 64);
			}
	buf[0] = 0;
	for (size_t a = 0; a < k; a++) {
		if (a)
			strncat(buf, " ", n - strlen(buf) - 1);
		strncat(buf, items[a], n - strlen(buf) - 1);
	}
	return buf;
}

static void expect(const char *text, const char *want, const char *what)
{
	char buf[1024];
	if (!ok(!strcmp(triples(code(text), buf, sizeof buf), want), "%s", what))
		printf("# want \"%s\", got \"%s\"\n", want, buf);
}

/* The first event's flag: 'n' negated, 'h' hypothetical. */
static int flag(const char *text, char name)
{
	const struct af_events *ev = code(text);
	return ev->n && (name == 'n' ? ev->v[0].negated : ev->v[0].hypothetical);
}

static void coder_tests(void)
{
	struct af_evdict *d = af_evdict_new();
	struct af_error err;
	if (load(d, VERBS, verbs, &err) < 0 || load(d, ACTORS, actors, &err) < 0 ||
	    load(d, AGENTS, agents, &err) < 0) {
		printf("# test dictionary: %s\n", err.msg);
		exit(1);
	}
	coder = af_coder_new(d);
	expect("Arnor attacked Gondor.", "ARN>GON:190", "active voice");
	expect("Gondor was attacked by Arnor.", "ARN>GON:190", "passive voice: the by-phrase is the source");
	expect("Arnor and Eriador attacked Gondor.", "ARN>GON:190 ERI>GON:190", "compound source");
	expect("Arnor attacked Gondor and Eriador.", "ARN>ERI:190 ARN>GON:190", "compound target");
	expect("Lawmakers and officials in Fornost and Gondor welcomed a resumption of ties with Eriador.",
	       "FORGOV>ERI:041 FORLEG>ERI:041 GONGOV>ERI:041 GONLEG>ERI:041",
	       "agents shared across a compound of actors");
	expect("Arnor is about to restore full diplomatic ties with Gondor.", "ARN>GON:064", "pattern code");
	expect("Arnor restored ties with Gondor after Eriador attacked Fornost.", "ARN>GON:064 ERI>FOR:190",
	       "subordinate clause: the noun phrase after AFTER is the subject of its verb");
	expect("Arnor restored ties with Gondor after Eriador crowds attacked Fornost.", "ARN>GON:064 ERI>FOR:190",
	       "subordinate clause: subject with a plain head noun");
	expect("Talks with Gondor attacked Fornost.", "", "a prepositional object is not a subject");
	ok(flag("Arnor did not attack Gondor.", 'n'), "negation: did not attack -> negated");
	ok(!flag("Arnor attacked Gondor.", 'n'), "no negation: negated false");
	ok(flag("Arnor may attack Gondor.", 'h'), "modal: may attack -> hypothetical");
	ok(flag("Arnor will attack Gondor.", 'h'), "future: will attack -> hypothetical");
	ok(!flag("Arnor attacked Gondor.", 'h'), "no modal: hypothetical false");
	{
		const struct af_events *ev = code("Arnor attacked Gondor in Kabul on Monday.");
		const struct af_ev_place *loc = ev->n ? &ev->v[0].location : NULL;
		ok(loc && loc->set && !strcmp(at(ev, loc->text), "Kabul") && loc->start == 25 && loc->end == 30 &&
		       !strcmp(at(ev, loc->country), "AFG"),
		   "location: in Kabul");
		ev = code("Arnor attacked Gondor.");
		ok(ev->n && !ev->v[0].location.set, "location: null when none stated");
		ok(ev->n && !strcmp(at(ev, ev->v[0].trigger), "attacked") && ev->v[0].trigger_start == 6 &&
		       ev->v[0].has_quad && ev->v[0].quad == 4 && !strcmp(at(ev, ev->v[0].root), "19") &&
		       ev->v[0].sentence == 0 && !strcmp(at(ev, ev->v[0].date), "2010-05-01") &&
		       !strcmp(at(ev, ev->v[0].date_source), "published"),
		   "the event's members, typed: trigger, root, quad, sentence, date and its source");
	}
	expect("Arnor said nothing.", "", "no event without a verb of the dictionary");
	af_coder_free(coder);
	af_events_free(&evs);
	af_evdict_free(d);
}

/* ---- the start-up snapshot ---- */

static void snapshot_tests(void)
{
	struct af_error err;
	struct af_evdict *a = af_evdict_new(), *b = af_evdict_new();
	int ra = af_evdict_load_defaults(a, AF_EVD_ALL, &err);
	int rb = af_evdict_load_defaults(b, AF_EVD_ALL | AF_EVD_TEXT, &err);
	ok(ra == 0 && rb == 0, "defaults load from the snapshot and from the texts");
	size_t s1[4], s2[4];
	af_evdict_stats(a, &s1[0], &s1[1], &s1[2], &s1[3]);
	af_evdict_stats(b, &s2[0], &s2[1], &s2[2], &s2[3]);
	ok(!memcmp(s1, s2, sizeof s1), "same sizes (verbs %zu, patterns %zu, actors %zu, agents %zu)", s1[0], s1[1],
	   s1[2], s1[3]);
	static const char *const texts[] = {
		"The Taliban attacked a police post in Helmand province on Monday, officials said.",
		"Iran hosted Taliban Foreign Minister Amir Khan Muttaqi in Tehran in 2022.",
		"Pakistan and Afghanistan agreed to reopen the Torkham border crossing.",
		"The UN Security Council condemned the attack and called for restraint.",
	};
	int same = 1;
	struct af_coder *ca = af_coder_new(a), *cb = af_coder_new(b);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct af_evinput in = {.text = texts[i], .len = strlen(texts[i]), .published = "2025-12-10"};
		struct af_events ea = {0}, eb = {0};
		struct af_buf ja = {0}, jb = {0};
		if (af_coder_code(ca, &in, &ea, NULL, &err) == 0 && af_coder_code(cb, &in, &eb, NULL, &err) == 0) {
			af_events_write(&ea, &ja);
			af_events_write(&eb, &jb);
		}
		if (!ja.len || !jb.len || strcmp(ja.p, jb.p)) {
			same = 0;
			printf("# %s\n#  snapshot %s\n#  text     %s\n", texts[i], ja.p, jb.p);
		}
		af_buf_free(&ja);
		af_buf_free(&jb);
		af_events_free(&ea);
		af_events_free(&eb);
	}
	ok(same, "the snapshot codes as the texts do");
	/* a user's dictionary still adds to the restored defaults */
	static const char user[] = "actors:\n  - {phrases: [Ruritania], code: RUR}\n";
	ra = af_evdict_load_yaml(a, user, strlen(user), "u.yaml", &err);
	size_t before = s1[2];
	af_evdict_stats(a, NULL, NULL, &s1[2], NULL);
	ok(ra == 0 && s1[2] == before + 1, "a user's lexicon adds to the snapshot");
	af_coder_free(ca);
	af_coder_free(cb);
	af_evdict_free(a);
	af_evdict_free(b);
}

int main(void)
{
	/* the coder's rules, without the learned asserted-act filter: its threshold moves with each retraining
	 * (session 16's drops the one-sentence 'is about to restore full diplomatic ties' below) and
	 * tests/events-unseen.bats tests it with models of its own */
	setenv("AF_EVENTS_ASSERT", "off", 1);
	/* verbs: mistakes */
	bad(VERBS, "- * TIES [064]\n", "t.txt:1", "pattern outside a verb block");
	bad(VERBS, "--- RESTORE [06 4] ---\nRESTORE\n", "t.txt:1", "bad event code");
	bad(VERBS, "--- RESTORE [064] ---\nRESTORE\n- * TIES [064\n", "t.txt:3", "missing ']'");
	bad(VERBS, "--- RESTORE [064] ---\nRESTORE\n- * &NOSUCH [064]\n", "t.txt:3", "unknown synset &NOSUCH");
	bad(VERBS, "--- RESTORE THE TIES ---\nRESTORE\n", "t.txt:1", "header without a code");
	bad(VERBS, "--- RESTORE [064] ---\nRESTORE\n- [064]\n", "t.txt:3", "empty pattern");
	bad(VERBS, "RESTORE\n", "t.txt:1", "outside a verb block");
	/* verbs: TABARI-era lines TABARI reads */
	good(VERBS, "--- GIVE [070] ---\nGIVE\n- * COMMIT * AID [033]\n", "a pattern with a second '*'");
	good(VERBS, "--- GIVE [070] ---\nGIVE\n- * AID\n", "a pattern without [CODE]");
	good(VERBS, "--- MASSACRE [202] ---\nMASSACRE\n- TIVILIAN [202]\n", "a pattern without '*'");
	good(VERBS, "--- DEFEND  ###\nDEFEND\n", "a block header without a code");
	good(VERBS, "--- SNUB [111] ---\nSNUB [111] {SNUBS SNUBBING SNUBBED}\n", "forms after the code");
	/* actors, agents, discards */
	bad(ACTORS, "ARNOR [ARN\n", "t.txt:1", "missing ']'");
	bad(ACTORS, "ARNOR\n\n", "t.txt:1", "has no code");
	bad(ACTORS, "ARNOR [ARN >95x101]\n", "t.txt:1:13", "bad date");
	bad(ACTORS, "ARNOR [ARN >951301]\n", "t.txt:1:13", "month or day out of range");
	bad(ACTORS, "ARNOR [ARN 990815-950601]\n", "t.txt:1:12", "ends before it begins");
	bad(VERBS, "--- GIVE [070] ---\n<!-- x\nGIVE\n", "t.txt:2:1", "never closed");
	bad(ACTORS, "\t[ARN]\n", "t.txt:1", "code line before any actor");
	bad(ACTORS, "ARNOR [950601-990815]\n", "t.txt:1", "actor code missing");
	bad(AGENTS, "SOLDIER\n", "t.txt:1", "agent without a code");
	bad(DISCARDS, "WEATHER [ENV]\n", "t.txt:1", "a discard is a plain phrase");
	bad(YAML, "actors:\n  - {phrases: [X]}\n", "t.yaml:2:5", "actor without code");
	coder_tests();
	snapshot_tests();
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
