/* af-quotes - direct, mixed and reported speech, with speakers, in article records. */
#include "af/cli.h"
#include "af/fields.h"
#include "af/quotes.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-quotes [OPTION]... [FILE]...\n"
	"Find the quotes of each article: direct quotes, mixed quotes (quoted words\n"
	"inside reported speech) and indirect speech, each with its cue and speaker.\n"
	"\n"
	"Input: NDJSON records with a \"text\" field, on stdin or in FILE operands;\n"
	"an \"entities\" field (af-entities) is used for speakers when present, and a\n"
	"\"sentences\" field (af-parse) for the parse (else it parses itself: same quotes).\n"
	"\n"
	"  -l, --lexicon FILE   add cue verbs, speaker words and title cues from a\n"
	"                       YAML lexicon (keys of data/quotes.yaml; repeatable)\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first rejected record\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Adds: quotes, a list of {text, start, end, kind, cue, quoted, parts, speaker,\n"
	"confidence}; offsets count code points into text.\n"
	"A record without \"text\" is passed through unchanged, with a message, and counted.\n"
	"Exit status: 0 ok, 64 usage, 65 a record was rejected or had no text, 66 an input file\n"
	"could not be read, 74 I/O error, 78 bad lexicon. See af-quotes(1), af(7).\n";

struct ctx {
	struct af_quoter *q;
	struct af_mentions ents; /* the record's entities, kept between records */
};

static enum af_verdict process(struct af_record *r, void *vctx, struct af_error *why)
{
	struct ctx *c = vctx;
	size_t len;
	enum af_verdict bad;
	char *text = af_record_text(r, &len, &bad, why);
	if (!text)
		return bad;
	af_field_entities(r, &c->ents);
	const struct af_field *sf = af_record_field(r, "sentences");
	if (sf)
		af_quoter_use_sentences(c->q, sf->val, sf->vlen);
	int rc = af_quotes_write(c->q, text, len, &c->ents, af_record_set_json(r, "quotes"), why);
	free(text);
	return rc < 0 ? AF_REJECT : AF_WRITE;
}

int main(int argc, char **argv)
{
	struct af_filter f = {.stage = "quotes", .process = process};
	struct af_cli cli = {.usage = usage};
	int first = af_cli_parse_lexicon_tool(&cli, &f, argc, argv);
	struct af_error err;
	struct af_quoter *q = af_quoter_new(&err);
	if (!q)
		af_die(AF_EX_SOFTWARE, "built-in lexicon: %s", err.msg);
	for (size_t i = 0; i < cli.nlexicons; i++)
		if (af_quoter_load(q, cli.lexicons[i], &err) < 0)
			af_die(AF_EX_CONFIG, "%s", err.msg);
	struct ctx c = {.q = q};
	f.ctx = &c;
	int status = af_cli_run_files(&f, argc - first, argv + first);
	af_quoter_free(q);
	af_mentions_free(&c.ents);
	free(cli.lexicons);
	return status;
}
