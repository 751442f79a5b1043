/* af-entities - people, organisations, places, groups and dates in article records. */
#include "af/cli.h"
#include "af/entities.h"
#include "af/fields.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-entities [OPTION]... [FILE]...\n"
	"Find the people, organisations, places, nationalities and groups, and dates\n"
	"in the \"text\" of NDJSON article records (stdin or FILE operands), and add\n"
	"them as \"entities\": text, type, start, end (code points), canonical name,\n"
	"lexicon code, role and org, and for dates a value resolved against\n"
	"\"published\".\n"
	"\n"
	"  -l, --lexicon FILE   add people, organisations, places, groups, titles and\n"
	"                       other rule words from a YAML lexicon (repeatable)\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first bad record\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Types: PERSON, ORG, LOC, NORP, DATE. Adds: entities. A record without \"text\"\n"
	"is passed through unchanged, with a message, and counted as bad.\n"
	"Exit status: 0 ok, 64 usage, 65 a bad record (rejected, or passed through\n"
	"without \"text\"), 66 an input file could not be read, 74 I/O error,\n"
	"78 bad lexicon. See af-entities(1), docs/lexicons.md, af(7).\n";

struct ctx {
	struct af_filter *f;
	struct af_entities *x;
	struct af_mentions m;
};

static enum af_verdict process(struct af_record *r, void *vctx, struct af_error *why)
{
	struct ctx *c = vctx;
	size_t len;
	enum af_verdict bad;
	char *text = af_record_text(r, &len, &bad, why);
	if (!text)
		return bad;
	char *published = af_filter_date(c->f, r, "published", NULL);
	struct af_error err;
	int rc = af_entities_find(c->x, text, len, published, &c->m, &err);
	free(published);
	if (rc < 0) {
		free(text);
		af_error_set(why, "%s", err.msg);
		return AF_REJECT;
	}
	af_mentions_write(&c->m, text, af_record_set_json(r, "entities"));
	free(text);
	return AF_WRITE;
}

int main(int argc, char **argv)
{
	struct ctx c = {0};
	struct af_filter f = {.stage = "entities", .process = process, .ctx = &c};
	c.f = &f;
	struct af_cli cli = {.usage = usage};
	int first = af_cli_parse_lexicon_tool(&cli, &f, argc, argv);
	struct af_error err;
	c.x = af_entities_new(&err);
	if (!c.x)
		af_die(AF_EX_SOFTWARE, "%s%s", getenv("AF_NER_MODEL") ? "" : "built-in lexicon: ", err.msg);
	for (size_t i = 0; i < cli.nlexicons; i++)
		if (af_entities_load(c.x, cli.lexicons[i], &err) < 0)
			af_die(AF_EX_CONFIG, "%s", err.msg);
	int status = af_cli_run_files(&f, argc - first, argv + first);
	af_mentions_free(&c.m);
	af_entities_free(c.x);
	free(cli.lexicons);
	return status;
}
