/* test_record.c - unit tests of the record library, UTF-8 validation and YAML
 * loading on hard cases. TAP on stdout: "ok N - what" / "not ok N - what",
 * then the plan "1..N". Exit status 1 when a test failed. */
#include "af/record.h"
#include "af/utf8.h"
#include "af/yaml.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"

/* A diagnostic line under a failed test. */
static void diag(const char *what, const char *got, const char *want)
{
	printf("#   %s\n#     got:  %s\n#     want: %s\n", what, got ? got : "(null)", want ? want : "(null)");
}

static int same_str(const char *got, const char *want, const char *name)
{
	int eq = got && want && strcmp(got, want) == 0;
	if (!ok(eq, "%s", name))
		diag("strings differ", got, want);
	return eq;
}

/* ---- af_utf8_valid ---- */

struct utf8_case {
	const char *s;
	size_t n;
	int valid;
	size_t bad;
	const char *name;
};

#define U(lit, valid, bad, name) {lit, sizeof lit - 1, valid, bad, name}

static const struct utf8_case utf8_cases[] = {
	U("", 1, 0, "empty string"),
	U("plain ASCII longer than eight bytes", 1, 0, "ASCII (fast path)"),
	U("a\0b", 1, 0, "NUL is valid UTF-8"),
	U("caf\xc3\xa9", 1, 0, "two-byte e-acute"),
	U("\xe2\x82\xac", 1, 0, "three-byte euro sign"),
	U("\xf0\x9f\x98\x80", 1, 0, "four-byte emoji"),
	U("\xed\x9f\xbf", 1, 0, "U+D7FF, just below the surrogates"),
	U("\xee\x80\x80", 1, 0, "U+E000, just above the surrogates"),
	U("\xef\xbf\xbf", 1, 0, "U+FFFF (a noncharacter, still valid)"),
	U("\xf4\x8f\xbf\xbf", 1, 0, "U+10FFFF, the last code point"),
	U("\xc0\x80", 0, 0, "overlong NUL (C0 80)"),
	U("\xc1\xbf", 0, 0, "overlong two-byte (C1 BF)"),
	U("\xe0\x80\xaf", 0, 0, "overlong three-byte '/' (E0 80 AF)"),
	U("\xe0\x9f\xbf", 0, 0, "overlong three-byte U+07FF"),
	U("\xf0\x80\x80\xaf", 0, 0, "overlong four-byte '/'"),
	U("\xf0\x8f\xbf\xbf", 0, 0, "overlong four-byte U+FFFF"),
	U("ab\xed\xa0\x80", 0, 2, "encoded high surrogate U+D800"),
	U("\xed\xbf\xbf", 0, 0, "encoded low surrogate U+DFFF"),
	U("\xed\xa0\xbd\xed\xb8\x80", 0, 0, "CESU-8 surrogate pair"),
	U("\xf4\x90\x80\x80", 0, 0, "U+110000, above the last code point"),
	U("\xf5\x80\x80\x80", 0, 0, "lead byte F5"),
	U("\xff", 0, 0, "byte FF"),
	U("\xfe\xfe\xff\xff", 0, 0, "bytes FE FE FF FF"),
	U("\x80", 0, 0, "lone continuation byte"),
	U("abc\xc3", 0, 3, "two-byte sequence cut at the end"),
	U("a\xe2\x82", 0, 1, "three-byte sequence cut at the end"),
	U("\xf0\x9f\x98", 0, 0, "four-byte sequence cut at the end"),
	U("\xc3(", 0, 0, "lead byte followed by ASCII"),
	U("\xe2\x28\xa1", 0, 0, "bad second byte of three"),
	U("12345678\x80", 0, 8, "bad byte right after an ASCII word"),
	U("0123456789abcdef\xc3\xa9xyz\xe9", 0, 21, "Latin-1 after valid UTF-8: offset"),
};

static void test_utf8(void)
{
	for (size_t i = 0; i < sizeof utf8_cases / sizeof *utf8_cases; i++) {
		const struct utf8_case *c = &utf8_cases[i];
		size_t bad = (size_t)-1;
		int v = af_utf8_valid(c->s, c->n, &bad);
		if (c->valid)
			ok(v == 1, "utf8: %s is valid", c->name);
		else if (!ok(v == 0 && bad == c->bad, "utf8: %s is invalid at byte %zu", c->name, c->bad))
			printf("#   got valid=%d bad=%zu\n", v, bad);
	}
	/* the NULL bad pointer is allowed */
	ok(af_utf8_valid("\xff", 1, NULL) == 0, "utf8: bad may be NULL");
	/* a long valid run with one bad byte far in */
	size_t n = 1 << 20;
	char *big = malloc(n);
	memset(big, 'x', n);
	memcpy(big + 777777, "\xc3\xa9", 2);
	big[999999] = (char)0xC3;
	size_t bad = 0;
	ok(af_utf8_valid(big, n, &bad) == 0 && bad == 999999, "utf8: 1 MB buffer, bad byte at 999999 found");
	free(big);
}

/* ---- af_record_parse ---- */

static int parse(struct af_record *r, const char *line, struct af_error *err)
{
	err->msg[0] = '\0';
	return af_record_parse(r, line, strlen(line), err);
}

/* The line must parse. */
static void accept(const char *line, const char *name)
{
	struct af_record r;
	struct af_error err;
	af_record_init(&r);
	if (!ok(parse(&r, line, &err) == 0, "parse accepts %s", name))
		diag("error", err.msg, "(none)");
	af_record_free(&r);
}

/* The line must be rejected with exactly this message. */
static void reject(const char *line, size_t len, const char *want, const char *name)
{
	struct af_record r;
	struct af_error err = {{0}};
	af_record_init(&r);
	int rc = af_record_parse(&r, line, len, &err);
	if (!ok(rc == -1 && strcmp(err.msg, want) == 0, "parse rejects %s", name))
		diag("message", rc == 0 ? "(accepted)" : err.msg, want);
	af_record_free(&r);
}

#define REJECT(lit, want, name) reject(lit, sizeof lit - 1, want, name)

static char *nested(size_t levels, int object_outside)
{
	/* {"d": [[[...]]]} with `levels` levels in all, or [[...]] alone */
	size_t arrays = object_outside ? levels - 1 : levels;
	char *s = malloc(2 * arrays + 16);
	size_t k = 0;
	if (object_outside)
		k += (size_t)sprintf(s, "{\"d\":");
	for (size_t i = 0; i < arrays; i++)
		s[k++] = '[';
	for (size_t i = 0; i < arrays; i++)
		s[k++] = ']';
	if (object_outside)
		s[k++] = '}';
	s[k] = '\0';
	return s;
}

static void test_parse(void)
{
	struct af_record r;
	struct af_error err;
	af_record_init(&r);

	ok(parse(&r, "{}", &err) == 0 && r.nfields == 0, "parse: {} has no fields");
	ok(parse(&r, " \t{ } \t", &err) == 0 && r.nfields == 0, "parse: blanks around and inside {}");

	const char *line = "{ \"a\" : [1, 2] ,\"b\":\"x\\\"y\",\"c\":{\"d\":null}}";
	ok(parse(&r, line, &err) == 0 && r.nfields == 3, "parse: three fields");
	ok(r.fields[0].klen == 1 && !memcmp(r.fields[0].key, "a", 1) && r.fields[0].vlen == 6 &&
	       !memcmp(r.fields[0].val, "[1, 2]", 6),
	   "parse: field a indexed as raw value bytes, blanks outside excluded");
	ok(r.fields[1].vlen == 6 && !memcmp(r.fields[1].val, "\"x\\\"y\"", 6) && !r.fields[1].escaped,
	   "parse: string value kept with its quotes and escapes; the key has none");
	ok(r.fields[2].vlen == 10 && !memcmp(r.fields[2].val, "{\"d\":null}", 10), "parse: object value kept whole");
	ok(af_record_field(&r, "d") == NULL, "parse: nested keys are not top-level fields");

	/* a second line into the same record replaces the index */
	ok(parse(&r, "{\"z\":0}", &err) == 0 && r.nfields == 1 && af_record_field(&r, "a") == NULL,
	   "parse: reusing a record forgets the previous line");

	/* escaped keys */
	ok(parse(&r, "{\"r\\u0061w\":\"x\",\"t\\\"q\":1,\"caf\\u00e9\":2,\"plain\":3}", &err) == 0,
	   "parse: escaped keys");
	ok(r.fields[0].escaped && r.fields[0].klen == 8 && !memcmp(r.fields[0].key, "r\\u0061w", 8),
	   "parse: escaped key indexed raw, flagged as escaped");
	ok(af_record_field(&r, "raw") == &r.fields[0], "field: \"r\\u0061w\" is found as raw");
	ok(af_record_field(&r, "t\"q") == &r.fields[1], "field: \"t\\\"q\" is found as t\"q");
	ok(af_record_field(&r, "caf\xc3\xa9") == &r.fields[2], "field: \"caf\\u00e9\" is found as UTF-8 caf\xc3\xa9");
	ok(af_record_field(&r, "r\\u0061w") == NULL, "field: the undecoded spelling is not a key");
	ok(!r.fields[3].escaped && af_record_field(&r, "plain") == &r.fields[3], "field: plain key");

	ok(parse(&r, "{\"a\\u0000b\":1}", &err) == 0 && af_record_field(&r, "a") == NULL &&
	       af_record_field(&r, "a\\u0000b") == NULL,
	   "field: a key with an escaped NUL matches neither its prefix nor its spelling");

	/* duplicate keys: the last one wins for reading */
	ok(parse(&r, "{\"a\":1,\"b\":2,\"a\":3}", &err) == 0 && r.nfields == 3, "parse: duplicate keys are kept");
	const struct af_field *f = af_record_field(&r, "a");
	ok(f == &r.fields[2] && f->vlen == 1 && f->val[0] == '3', "field: a duplicate key reads as the last");
	json_t *j = af_record_get(&r, "a");
	ok(json_is_integer(j) && json_integer_value(j) == 3, "get: duplicate key parses the last value");
	json_decref(j);
	ok(af_record_get(&r, "missing") == NULL, "get: absent field is NULL");

	/* strings */
	size_t len = 0;
	ok(parse(&r, "{\"s\":\"a\\nb\\u00e9\\ud83d\\ude00\\/\",\"n\":5,\"z\":\"x\\u0000y\",\"p\":\"plain\"}",
	         &err) == 0,
	   "parse: escaped strings");
	char *s = af_record_string(&r, "s", &len);
	ok(s && len == 10 && !memcmp(s, "a\nb\xc3\xa9\xf0\x9f\x98\x80/", 10), "string: escapes decoded to UTF-8");
	free(s);
	s = af_record_string(&r, "z", &len);
	ok(s && len == 3 && !memcmp(s, "x\0y", 3), "string: an escaped NUL is kept, len says 3");
	free(s);
	s = af_record_string(&r, "p", &len);
	ok(s && len == 5 && !strcmp(s, "plain"), "string: no escapes, copied");
	free(s);
	ok(af_record_string(&r, "n", &len) == NULL, "string: a number is not a string");
	ok(af_record_string(&r, "none", &len) == NULL, "string: absent is NULL");

	/* values of every kind */
	accept("{\"a\":true,\"b\":false,\"c\":null,\"d\":-0,\"e\":1e5,\"f\":1E+5,\"g\":-1.5e-3,\"h\":[],\"i\":[{}]}",
	       "literals and numbers of every form");
	accept("{\"big\":123456789012345678901234567890.5e400}", "a number beyond double (checked as syntax only)");
	accept("{\"u\":\"\\uD83D\\uDE00\"}", "an upper-case surrogate pair");
	accept("{\"a\":\"tab\\tand\\\\back\\bslash\\f\\r\"}", "every short escape");

	/* nesting limit: 1000 levels (counting the outer object) */
	char *deep = nested(1000, 1);
	accept(deep, "1000 levels of nesting");
	free(deep);
	deep = nested(1001, 1);
	reject(deep, strlen(deep), "invalid JSON at column 1005: expected less nesting (over 1000 levels)",
	       "1001 levels of nesting");
	free(deep);
	deep = nested(1000, 0);
	reject(deep, strlen(deep), "not a JSON object", "1000 levels of arrays: not an object");
	free(deep);
	deep = nested(1001, 0);
	reject(deep, strlen(deep), "invalid JSON at column 1001: expected less nesting (over 1000 levels)",
	       "1001 levels of arrays: too deep");
	free(deep);
	deep = nested(100000, 1);
	reject(deep, strlen(deep), "invalid JSON at column 1005: expected less nesting (over 1000 levels)",
	       "100000 levels: refused without recursing that deep");
	free(deep);

	/* surrogates */
	REJECT("{\"s\":\"\\ud83d\"}", "invalid JSON at column 13: expected a low surrogate after a high one",
	       "a lone high surrogate");
	REJECT("{\"s\":\"\\ud83dx\"}", "invalid JSON at column 13: expected a low surrogate after a high one",
	       "a high surrogate followed by a letter");
	REJECT("{\"s\":\"\\ud83d\\u0041\"}", "invalid JSON at column 19: expected a low surrogate after a high one",
	       "a high surrogate followed by a non-surrogate escape");
	REJECT("{\"s\":\"\\ud83d\\ud83d\"}", "invalid JSON at column 19: expected a low surrogate after a high one",
	       "two high surrogates");
	REJECT("{\"s\":\"\\ude00\"}", "invalid JSON at column 13: expected no lone low surrogate",
	       "a lone low surrogate");
	REJECT("{\"s\":\"\\ude00\\ud83d\"}", "invalid JSON at column 13: expected no lone low surrogate",
	       "a reversed surrogate pair");
	REJECT("{\"s\\udc00\":1}", "invalid JSON at column 10: expected no lone low surrogate",
	       "a lone surrogate in a key");

	/* invalid UTF-8 comes first, with a 1-based byte offset */
	REJECT("{\"s\":\"\xc0\xaf\"}", "invalid UTF-8 at byte 7", "an overlong '/' inside a string");
	REJECT("{\"s\":\"\xed\xa0\x80\"}", "invalid UTF-8 at byte 7", "an encoded surrogate inside a string");
	REJECT("{\"s\":1}\xff", "invalid UTF-8 at byte 8", "a bad byte after the object");

	/* not objects */
	REJECT("[1,2]", "not a JSON object", "an array");
	REJECT("\"str\"", "not a JSON object", "a string");
	REJECT("42", "not a JSON object", "a number");
	REJECT(" null ", "not a JSON object", "null");
	REJECT("true", "not a JSON object", "true");
	REJECT("", "invalid JSON: unexpected end of line, expected a JSON value", "an empty line");
	REJECT("[1,2", "invalid JSON: unexpected end of line, expected ',' or ']'", "a cut array");
	REJECT("[1] 2", "invalid JSON at column 5: expected the end of the line after the value",
	       "two values on a line");

	/* syntax errors, with the column in code points */
	REJECT("{", "invalid JSON: unexpected end of line, expected a '\"' starting a key", "an open brace");
	REJECT("{\"a\":1", "invalid JSON: unexpected end of line, expected ',' or '}'", "a missing close brace");
	REJECT("{\"a\":1,}", "invalid JSON at column 8: expected a '\"' starting a key", "a trailing comma");
	REJECT("{\"a\" 1}", "invalid JSON at column 6: expected ':'", "a missing colon");
	REJECT("{'a':1}", "invalid JSON at column 2: expected a '\"' starting a key", "single quotes");
	REJECT("{a:1}", "invalid JSON at column 2: expected a '\"' starting a key", "a bare key");
	REJECT("{\"a\":01}", "invalid JSON at column 7: expected ',' or '}'", "a leading zero");
	REJECT("{\"a\":+1}", "invalid JSON at column 6: expected a JSON value", "a plus sign");
	REJECT("{\"a\":.5}", "invalid JSON at column 6: expected a JSON value", "a bare fraction");
	REJECT("{\"a\":1.}", "invalid JSON at column 8: expected a digit after '.'", "a dot without digits");
	REJECT("{\"a\":1e}", "invalid JSON at column 8: expected a digit in the exponent", "an empty exponent");
	REJECT("{\"a\":-}", "invalid JSON at column 7: expected a digit", "a lone minus");
	REJECT("{\"a\":tru}", "invalid JSON at column 6: expected a JSON value", "a cut literal");
	REJECT("{\"a\":True}", "invalid JSON at column 6: expected a JSON value", "a capitalised literal");
	REJECT("{\"a\":NaN}", "invalid JSON at column 6: expected a JSON value", "NaN");
	REJECT("{\"a\":\"x\\q\"}", "invalid JSON at column 9: expected a valid escape", "a bad escape");
	REJECT("{\"a\":\"x\\u12\"}", "invalid JSON at column 10: expected four hex digits after \\u",
	       "a short \\u escape");
	REJECT("{\"a\":\"x\ty\"}", "invalid JSON at column 8: expected no raw control character in a string",
	       "a raw tab in a string");
	REJECT("{\"a\":\"x\0y\"}", "invalid JSON at column 8: expected no raw control character in a string",
	       "a raw NUL in a string");
	REJECT("{\"a\":\"x", "invalid JSON: unexpected end of line, expected a closing '\"'", "a cut string");
	REJECT("{\"a\":1}{\"b\":2}", "invalid JSON at column 8: expected the end of the line after the object",
	       "two objects on a line");
	REJECT("{\"\xc3\xa9\xc3\xa9\":1,}", "invalid JSON at column 9: expected a '\"' starting a key",
	       "columns count code points, not bytes");
	REJECT("{\"a\":[1,]}", "invalid JSON at column 9: expected a JSON value", "a trailing comma in an array");
	REJECT("{\"a\":{\"b\" 1}}", "invalid JSON at column 11: expected ':'", "a missing colon, nested");
	af_record_free(&r);
}

/* ---- af_record_write ---- */

/* parse line, apply sets (key, JSON text) ..., write with stage; compare with want */
static void write_case(const char *line, const char *stage, const char *want, const char *name, ...)
{
	struct af_record r;
	struct af_error err;
	struct af_buf out = {0};
	va_list ap;
	af_record_init(&r);
	if (parse(&r, line, &err) < 0) {
		ok(0, "write: %s", name);
		diag("parse failed", err.msg, "");
		return;
	}
	va_start(ap, name);
	const char *k;
	while ((k = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);
		af_record_set(&r, k, json_loads(v, JSON_DECODE_ANY, NULL));
	}
	va_end(ap);
	af_record_write(&r, stage, &out);
	char name2[256];
	snprintf(name2, sizeof name2, "write: %s", name);
	same_str(out.p, want, name2);
	af_buf_free(&out);
	af_record_free(&r);
}

#define META "\"af\":{\"version\":\"" AF_VERSION "\",\"stages\":[\"clean\"]}"

static void test_write(void)
{
	write_case("{ \"a\" : 1 , \"b\":[1, 2] ,\"c\":\"x\\u00e9\"}", NULL, "{\"a\":1,\"b\":[1, 2],\"c\":\"x\\u00e9\"}",
	           "untouched values are copied byte for byte, blanks between tokens dropped", NULL);
	write_case("{}", NULL, "{}", "an empty record", NULL);
	write_case("{\"a\":1,\"b\":2,\"c\":3}", NULL, "{\"a\":1,\"b\":\"new\",\"c\":3}", "a set field replaces in place",
	           "b", "\"new\"", NULL);
	write_case("{\"a\":1}", NULL, "{\"a\":1,\"z\":[true],\"y\":{\"k\":null}}", "new fields are appended in set order",
	           "z", "[true]", "y", "{\"k\":null}", NULL);
	write_case("{\"a\":1,\"x\":0,\"a\":2}", NULL, "{\"a\":9,\"x\":0}",
	           "a set field that was duplicated is written once, at its first place", "a", "9", NULL);
	write_case("{\"a\":1,\"x\":0,\"a\":2}", NULL, "{\"a\":1,\"x\":0,\"a\":2}",
	           "duplicates the stage does not own pass through", NULL);
	write_case("{\"r\\u0061w\":\"x\",\"k\":1}", NULL, "{\"r\\u0061w\":\"y\",\"k\":1}",
	           "an escaped key is replaced in place, spelt as it was", "raw", "\"y\"", NULL);
	write_case("{\"k\":1}", NULL, "{\"k\":1,\"a\\\"b\\\\c\":1}", "a new key is escaped", "a\"b\\c", "1", NULL);
	write_case("{\"k\":1}", NULL, "{\"k\":1,\"t\":\"caf\xc3\xa9 / \\u0001 \\n \\\"q\\\"\"}",
	           "new strings: UTF-8 as is, control characters and quotes escaped, '/' not",
	           "t", "\"caf\\u00e9 / \\u0001 \\n \\\"q\\\"\"", NULL);
	write_case("{\"k\":1}", NULL, "{\"k\":1,\"x\":0.1,\"y\":-3,\"z\":2.5}", "numbers keep a short form",
	           "x", "0.1", "y", "-3", "z", "2.5", NULL);

	/* the af field */
	write_case("{\"k\":1}", "clean", "{\"k\":1," META "}", "af is appended with the stage", NULL);
	write_case("{}", "clean", "{" META "}", "af on an empty record", NULL);
	write_case("{\"k\":1}", "clean", "{\"k\":1,\"id\":\"x\"," META "}", "af comes after the stage's new fields",
	           "id", "\"x\"", NULL);
	write_case("{\"af\":{\"version\":\"0.0.9\",\"stages\":[\"fetch\"],\"host\":\"h\"},\"k\":1}", "clean",
	           "{\"af\":{\"version\":\"" AF_VERSION "\",\"stages\":[\"fetch\",\"clean\"],\"host\":\"h\"},\"k\":1}",
	           "af is updated in place: version set, stage appended, other keys kept", NULL);
	write_case("{\"k\":1," META "}", "clean", "{\"k\":1," META "}", "a stage already listed is not listed twice",
	           NULL);
	write_case("{\"af\":5,\"k\":1}", "clean", "{" META ",\"k\":1}", "af that is not an object is replaced", NULL);
	write_case("{\"af\":{\"stages\":\"clean\"}}", "clean", "{\"af\":{\"stages\":[\"clean\"],\"version\":\"" AF_VERSION "\"}}",
	           "af.stages that is not a list is replaced", NULL);
	write_case("{\"af\":1,\"k\":1,\"af\":2}", "clean", "{" META ",\"k\":1}", "a duplicated af is written once", NULL);
	write_case("{\"k\":1}", NULL, "{\"k\":1}", "no stage, no af", NULL);

	/* a large real: any JSON spelling that reads back as the same double */
	{
		struct af_record rr;
		struct af_error e;
		struct af_buf o = {0};
		af_record_init(&rr);
		parse(&rr, "{}", &e);
		af_record_set(&rr, "z", json_real(1e300));
		af_record_write(&rr, NULL, &o);
		json_t *back = json_loads(o.p, 0, NULL);
		ok(back && json_real_value(json_object_get(back, "z")) == 1e300, "write: 1e300 reads back as 1e300 (%s)",
		   o.p);
		json_decref(back);
		af_buf_free(&o);
		af_record_free(&rr);
	}

	/* writing is a fixed point: write, parse the output, write again */
	struct af_record r;
	struct af_error err;
	struct af_buf one = {0}, two = {0};
	af_record_init(&r);
	parse(&r, "{ \"x\" : [ 1 ] , \"id\":\"old\", \"af\":{\"stages\":[\"fetch\"]}}", &err);
	af_record_set(&r, "id", json_string("new"));
	af_record_set(&r, "text", json_string("t"));
	af_record_write(&r, "clean", &one);
	parse(&r, one.p, &err);
	af_record_set(&r, "id", json_string("new"));
	af_record_set(&r, "text", json_string("t"));
	af_record_write(&r, "clean", &two);
	same_str(two.p, one.p, "write: the same stage run twice gives the same line");

	/* an empty record built for a file operand */
	af_record_empty(&r);
	af_record_set(&r, "id", json_string("file"));
	af_buf_reset(&one);
	af_record_write(&r, "clean", &one);
	same_str(one.p, "{\"id\":\"file\"," META "}", "write: af_record_empty plus set fields");
	af_buf_free(&one);
	af_buf_free(&two);
	af_record_free(&r);
}

/* ---- af_yaml_parse ---- */

static struct af_ynode *yparse(const char *text, struct af_error *err)
{
	err->msg[0] = '\0';
	return af_yaml_parse(text, strlen(text), "t.yaml", err);
}

static void yaml_error(const char *text, const char *want, const char *name)
{
	struct af_error err;
	struct af_ynode *root = yparse(text, &err);
	if (!ok(root == NULL && strcmp(err.msg, want) == 0, "yaml: %s", name))
		diag("message", root ? "(accepted)" : err.msg, want);
	af_yaml_free(root);
}

static void test_yaml(void)
{
	struct af_error err;
	struct af_ynode *root = yparse("# a comment\n"
	                               "name: clean\n"
	                               "rules:\n"
	                               "  - kind: ad\n"
	                               "    match: [\"ADVERTISEMENT\", 'Ad']\n"
	                               "  - kind: nav\n"
	                               "empty:\n"
	                               "text: |\n"
	                               "  two\n"
	                               "  lines\n",
	                               &err);
	if (!ok(root != NULL, "yaml: a small lexicon parses"))
		diag("error", err.msg, "");
	if (!root)
		return;
	ok(root->type == AF_Y_MAP && root->n == 8 && root->line == 2 && root->col == 1,
	   "yaml: the root is a map of 4 keys (8 kids) at 2:1");
	struct af_ynode *name = af_ymap_get(root, "name");
	ok(name && name->type == AF_Y_SCALAR && !strcmp(name->str, "clean") && name->plain && name->line == 2 &&
	       name->col == 7 && !strcmp(name->file, "t.yaml"),
	   "yaml: a plain scalar with file, line and column");
	struct af_ynode *rules = af_ymap_get(root, "rules");
	ok(rules && rules->type == AF_Y_SEQ && rules->n == 2 && rules->line == 4 && rules->col == 3,
	   "yaml: a block sequence at 4:3");
	struct af_ynode *match = rules && rules->n ? af_ymap_get(rules->kids[0], "match") : NULL;
	ok(match && match->type == AF_Y_SEQ && match->n == 2 && match->line == 5 && match->col == 12,
	   "yaml: a flow sequence at 5:12");
	ok(match && match->n == 2 && !match->kids[0]->plain && !match->kids[1]->plain &&
	       !strcmp(match->kids[1]->str, "Ad") && match->kids[1]->col == 30,
	   "yaml: quoted scalars are not plain; 'Ad' at column 30");
	struct af_ynode *empty = af_ymap_get(root, "empty");
	ok(empty && empty->type == AF_Y_SCALAR && empty->len == 0 && empty->plain, "yaml: an empty value is an empty plain scalar");
	struct af_ynode *text = af_ymap_get(root, "text");
	ok(text && !strcmp(text->str, "two\nlines\n") && text->len == 10, "yaml: a literal block keeps its newlines");
	ok(af_ymap_get(root, "missing") == NULL && af_ymap_get(name, "x") == NULL,
	   "yaml: af_ymap_get on a missing key or a scalar is NULL");

	static const char *const keys[] = {"name", "rules", "empty", NULL};
	ok(af_ymap_check(root, keys, &err) == -1 &&
	       !strcmp(err.msg, "t.yaml:8:1: unknown key 'text' (expected one of: name, rules, empty)"),
	   "yaml: af_ymap_check names the unknown key, where it is, and what was expected");
	ok(af_yscalar(rules, "a phrase", &err) == -1 && !strcmp(err.msg, "t.yaml:4:3: expected a phrase, found a list"),
	   "yaml: af_yscalar names what it found");
	int b = -1;
	ok(af_ybool(name, &b, &err) == -1 && !strcmp(err.msg, "t.yaml:2:7: expected true or false, found 'clean'"),
	   "yaml: af_ybool refuses other words");
	af_yaml_free(root);

	root = yparse("", &err);
	ok(root && root->type == AF_Y_MAP && root->n == 0, "yaml: an empty document is an empty map");
	af_yaml_free(root);
	root = yparse("# only a comment\n", &err);
	ok(root && root->type == AF_Y_MAP && root->n == 0, "yaml: a comment-only document is an empty map");
	af_yaml_free(root);
	root = yparse("flag: yes\noff: false\n", &err);
	int on = 0, off = 1;
	ok(root && af_ybool(af_ymap_get(root, "flag"), &on, &err) == 0 && on == 1 &&
	       af_ybool(af_ymap_get(root, "off"), &off, &err) == 0 && off == 0,
	   "yaml: af_ybool reads yes and false");
	af_yaml_free(root);

	/* errors: every one names file:line:col */
	yaml_error("a: 1\nb: 2\na: 3\n", "t.yaml:3:1: duplicate key 'a'", "a duplicate key at 3:1");
	yaml_error("top:\n  x: 1\n  y: [1, 2]\n  x: 2\n", "t.yaml:4:3: duplicate key 'x'", "a nested duplicate key at 4:3");
	yaml_error("a: b: c\n", "t.yaml:1:5: mapping values are not allowed in this context",
	           "a second colon on a line");
	yaml_error("a:\n\t- x\n", "t.yaml:2:1: found character that cannot start any token while scanning for the next token",
	           "a tab for indentation");
	yaml_error("a: [1, 2\nb: 3\n",
	           "t.yaml:2:2: did not find expected ',' or ']' while parsing a flow sequence",
	           "an unclosed flow sequence");
	yaml_error("a: 'open\n", "t.yaml:2:1: found unexpected end of stream while scanning a quoted scalar",
	           "an unclosed quote");
	yaml_error("list:\n  - a\n  b: 1\n", "t.yaml:3:3: did not find expected '-' indicator while parsing a block collection",
	           "a map key inside a list");
	yaml_error("a: 1\nb: *x\n", "t.yaml:2:4: anchors and aliases are not supported", "an alias");
	yaml_error("a: &x 1\nb: *x\n", "t.yaml:1:4: anchors and aliases are not supported", "an anchored scalar");
	yaml_error("a: !!int 1\n", "t.yaml:1:4: YAML tags ('tag:yaml.org,2002:int') are not supported", "a tag");
	yaml_error("a: \"x\\0y\"\n", "t.yaml:1:4: a NUL character (\\0) in a string is not supported", "a NUL");
	yaml_error("a: &m {k: 1}\n", "t.yaml:1:4: anchors and aliases are not supported", "an anchored mapping");
	yaml_error("a: 1\n---\nb: 2\n", "t.yaml:2:1: only one YAML document is expected", "two documents");
	yaml_error("? [k]\n: 1\n", "t.yaml:1:3: a mapping key must be a plain string", "a list as a key");
	yaml_error("x: \"bad \\q escape\"\n", "t.yaml:1:9: found unknown escape character while parsing a quoted scalar",
	           "a bad escape in a double-quoted scalar");
	yaml_error("ok: 1\nbad: \xff\n", "t.yaml:2:6: invalid leading UTF-8 octet", "invalid UTF-8 in YAML");
	yaml_error("a: \xc3\xa9\xc3\xa9\nb: 2\nc: \xc3\xa9x\x01y\n", "t.yaml:3:6: control characters are not allowed",
	           "a control character: line and column (in characters) from libyaml's byte offset");

	struct af_ynode *missing = af_yaml_load("/nonexistent/lexicon.yaml", &err);
	ok(missing == NULL && !strcmp(err.msg, "/nonexistent/lexicon.yaml: No such file or directory"),
	   "yaml: af_yaml_load names a missing file");
}

/* af_json_real: the shortest of %.15g..%.17g that reads back, ".0" on a whole number; the
 * thousandths below 1e9 take a quicker way that must write the same */
static void test_real(void)
{
	static const struct {
		double d;
		const char *want;
	} cases[] = {{0.85, "0.85"},        {-0.5, "-0.5"},          {1, "1.0"},
	             {0.001, "0.001"},      {-0.001, "-0.001"},      {123.25, "123.25"},
	             {0, "0.0"},            {-0.0, "-0.0"},          {999999999.999, "999999999.999"},
	             {1e9, "1000000000.0"}, {0.1 + 0.2, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"},
	             {0.0005, "0.0005"},    {2.5e-7, "2.5e-07"},     {1e20, "1e+20"},
	             {0.7071, "0.7071"},    {-12.5, "-12.5"},        {100, "100.0"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct af_buf b = {0};
		af_json_real(&b, cases[i].d);
		char name[64];
		snprintf(name, sizeof name, "af_json_real writes %s", cases[i].want);
		same_str(b.p, cases[i].want, name);
		af_buf_free(&b);
	}
	/* every thousandth of [-3, 3] as the loop of %.*g writes it */
	int bad = 0;
	for (int k = -3000; k <= 3000; k++) {
		double d = k / 1000.0;
		char want[40];
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(want, sizeof want, "%.*g", prec, d);
			if (strtod(want, NULL) == d)
				break;
		}
		if (!strpbrk(want, ".eEn"))
			strcat(want, ".0");
		struct af_buf b = {0};
		af_json_real(&b, d);
		bad += strcmp(b.p, want) != 0;
		af_buf_free(&b);
	}
	ok(bad == 0, "af_json_real: the thousandths of [-3, 3] as %%.15g..%%.17g write them (%d differ)", bad);
}

/* The scan of a string's plain bytes goes 16 and 8 at a time: a quote, a backslash or a
 * control character is found at every place of a long string, and bytes of 0x80 and up
 * (signed in SSE2's compares) are plain. */
static void test_plain_runs(void)
{
	struct af_record r;
	struct af_error err;
	af_record_init(&r);
	int bad = 0;
	for (size_t at = 0; at < 40; at++) {
		char line[128], body[48];
		for (size_t i = 0; i < 40; i++)
			body[i] = (char)('a' + i % 26);
		body[40] = '\0';
		/* é's two bytes before the place */
		if (at >= 2)
			body[at - 2] = (char)0xC3, body[at - 1] = (char)0xA9;
		body[at] = '\x01';
		snprintf(line, sizeof line, "{\"t\":\"%s\"}", body);
		bad += af_record_parse(&r, line, strlen(line), &err) == 0; /* a raw control character */
		body[at] = '"';
		snprintf(line, sizeof line, "{\"t\":\"%s\"}", body);
		bad += af_record_parse(&r, line, strlen(line), &err) == 0; /* the string ends early */
		struct af_buf b = {0};
		body[at] = '\\';
		af_json_string(&b, body, 40);
		bad += b.len != 43 || b.p[at + 1] != '\\' || b.p[at + 2] != '\\';
		b.len = 0;
		body[at] = '\n';
		af_json_string(&b, body, 40);
		bad += b.len != 43 || b.p[at + 1] != '\\' || b.p[at + 2] != 'n';
		af_buf_free(&b);
	}
	ok(bad == 0, "a quote, backslash or control character at each of 40 places of a string (%d missed)", bad);
	af_record_free(&r);
}

int main(void)
{
	test_plain_runs();
	test_utf8();
	test_parse();
	test_write();
	test_real();
	test_yaml();
	printf("1..%d\n", ntests);
	if (nfailed)
		printf("# %d of %d failed\n", nfailed, ntests);
	return nfailed ? 1 : 0;
}
