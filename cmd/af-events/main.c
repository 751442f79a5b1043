/* af-events - CAMEO-coded events from article text (docs/af-events.1). */
#include "af/cli.h"
#include "af/events.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-events [OPTION]... [FILE]...\n"
	"Code who did what to whom in each article: CAMEO events with PLOVER\n"
	"categories, from the \"text\" of NDJSON records (stdin or FILEs), in the\n"
	"tradition of TABARI and PETRARCH dictionaries.\n"
	"\n"
	"Dictionaries (PETRARCH text format; a FILE ending in .yaml or .yml is read in\n"
	"af's YAML format, one ending in .verbs, .actors, .agents or .options in TABARI's;\n"
	"each option is repeatable and replaces that kind of compiled-in default):\n"
	"      --verbs FILE     verb patterns (PETRARCH-2 or TABARI/PETRARCH-1 style)\n"
	"      --actors FILE    actors with date-restricted codes\n"
	"      --agents FILE    agents (roles: ~GOV, NGO~ ...)\n"
	"      --discards FILE  phrases that discard a sentence (+ the story)\n"
	"      --options FILE   a TABARI .options file: checked, not applied\n"
	"      --tabari         read every --verbs, --actors and --agents FILE in\n"
	"                       TABARI's formats, whatever its name\n"
	"      --skip-bad-lines in TABARI's formats, report a mistaken line and go on\n"
	"  -l, --lexicon FILE   add or override actors, agents, verbs, synsets,\n"
	"                       discards and speech verbs from a YAML dictionary\n"
	"      --no-defaults    use only the dictionaries given on the command line\n"
	"      --conventions C  news (default: the news coding guidelines of af-events(1))\n"
	"                       or petrarch (as PETRARCH's validation suite codes)\n"
	"      --check          load the dictionaries, print their sizes, and exit\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first rejected record\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Uses entities, quotes, sentences (af-parse), published and dateline when present;\n"
	"without sentences it parses the text itself (same events). Adds: events.\n"
	"A record without \"text\" is passed through unchanged, with a message, and counted.\n"
	"Exit status: 0 ok, 64 usage, 65 a record was rejected or had no text, 66 an input file\n"
	"could not be read, 74 I/O error, 78 bad dictionary. See af-events(1), af(7).\n";

enum { OPT_VERBS = AF_OPT_FIRST_TOOL, OPT_ACTORS, OPT_AGENTS, OPT_DISCARDS, OPT_NODEF, OPT_CHECK, OPT_CONV,
       OPT_OPTIONS, OPT_TABARI, OPT_SKIPBAD, OPT_LEXICON = 'l' };

struct ctx {
	struct af_filter *f;
	struct af_coder *coder;
	/* the record's upstream fields, their buffers kept between records */
	struct af_mentions ents;
	struct af_quote_refs quotes;
	struct af_events events; /* what the record gets */
};

static enum af_verdict process(struct af_record *r, void *vctx, struct af_error *why)
{
	struct ctx *c = vctx;
	size_t len;
	enum af_verdict bad;
	char *text = af_record_text(r, &len, &bad, why);
	if (!text)
		return bad;
	struct af_evinput in = {.text = text, .len = len};
	char *pub = af_filter_date(c->f, r, "published", NULL);
	char *dl = af_filter_date(c->f, r, "dateline", "date");
	in.published = pub;
	in.dateline = dl;
	af_field_entities(r, &c->ents);
	af_field_quotes(r, &c->quotes);
	in.entities = &c->ents;
	in.quotes = &c->quotes;
	const struct af_field *sf = af_record_field(r, "sentences");
	if (sf) {
		in.sentences = sf->val;
		in.sentences_len = sf->vlen;
	}
	int rc = af_coder_code(c->coder, &in, &c->events, NULL, why);
	free(pub);
	free(dl);
	free(text);
	if (rc < 0)
		return AF_REJECT;
	af_events_write(&c->events, af_record_set_json(r, "events"));
	return AF_WRITE;
}

struct dictfile {
	int kind; /* OPT_VERBS ... or OPT_LEXICON */
	const char *path;
};

static int is_yaml(const char *p)
{
	size_t n = strlen(p);
	return (n > 5 && !strcmp(p + n - 5, ".yaml")) || (n > 4 && !strcmp(p + n - 4, ".yml"));
}

/* TABARI's formats: by the file's extension (.verbs ...), or for every file with --tabari */
static int tabari, skipbad;

static int is_tabari(const char *p)
{
	static const char *const ext[] = {".verbs", ".actors", ".agents", ".options", NULL};
	size_t n = strlen(p);
	for (int i = 0; ext[i]; i++)
		if (n > strlen(ext[i]) && !strcmp(p + n - strlen(ext[i]), ext[i]))
			return 1;
	return tabari;
}

static void load(struct af_evdict *d, const struct dictfile *df)
{
	size_t len;
	char *buf = af_read_file(df->path, &len);
	if (!buf)
		af_die(AF_EX_CONFIG, "%s: %s", df->path, strerror(errno));
	struct af_error err;
	int rc;
	if (df->kind == OPT_LEXICON || is_yaml(df->path))
		rc = af_evdict_load_yaml(d, buf, len, df->path, &err);
	else if (df->kind == OPT_OPTIONS)
		rc = af_evdict_load_tabari_options(d, buf, len, df->path, &err);
	else if (df->kind == OPT_VERBS && is_tabari(df->path))
		rc = af_evdict_load_tabari_verbs(d, buf, len, df->path, &err);
	else if (df->kind == OPT_ACTORS && is_tabari(df->path))
		rc = af_evdict_load_tabari_actors(d, buf, len, df->path, &err);
	else if (df->kind == OPT_AGENTS && is_tabari(df->path))
		rc = af_evdict_load_tabari_agents(d, buf, len, df->path, &err);
	else if (df->kind == OPT_VERBS)
		rc = af_evdict_load_verbs(d, buf, len, df->path, &err);
	else if (df->kind == OPT_ACTORS)
		rc = af_evdict_load_actors(d, buf, len, df->path, &err);
	else if (df->kind == OPT_AGENTS)
		rc = af_evdict_load_agents(d, buf, len, df->path, &err);
	else
		rc = af_evdict_load_discards(d, buf, len, df->path, &err);
	free(buf);
	if (rc < 0)
		af_die(AF_EX_CONFIG, "%s", err.msg);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		AF_COMMON_OPTIONS,
		{"verbs", required_argument, NULL, OPT_VERBS},
		{"actors", required_argument, NULL, OPT_ACTORS},
		{"agents", required_argument, NULL, OPT_AGENTS},
		{"discards", required_argument, NULL, OPT_DISCARDS},
		{"lexicon", required_argument, NULL, OPT_LEXICON},
		{"no-defaults", no_argument, NULL, OPT_NODEF},
		{"conventions", required_argument, NULL, OPT_CONV},
		{"check", no_argument, NULL, OPT_CHECK},
		{"options", required_argument, NULL, OPT_OPTIONS},
		{"tabari", no_argument, NULL, OPT_TABARI},
		{"skip-bad-lines", no_argument, NULL, OPT_SKIPBAD},
		{0, 0, 0, 0},
	};
	struct ctx c = {0};
	struct af_filter f = {.stage = "events", .process = process, .ctx = &c};
	c.f = &f;
	struct af_cli cli = {.usage = usage};
	struct dictfile *files = NULL;
	size_t nfiles = 0;
	unsigned defaults = AF_EVD_ALL;
	int check = 0, ch;
	enum af_evconventions conv = AF_EVC_NEWS;
	af_setprog(argv);
	while ((ch = getopt_long(argc, argv, "hVl:", opts, NULL)) != -1) {
		if (af_cli_common(&cli, &f, ch, optarg))
			continue;
		switch (ch) {
		case OPT_VERBS:
		case OPT_ACTORS:
		case OPT_AGENTS:
		case OPT_DISCARDS:
		case OPT_OPTIONS:
		case OPT_LEXICON:
			files = af_realloc(files, (nfiles + 1) * sizeof *files);
			files[nfiles++] = (struct dictfile){ch, optarg};
			defaults &= ~(ch == OPT_VERBS     ? AF_EVD_VERBS
			              : ch == OPT_ACTORS  ? AF_EVD_ACTORS
			              : ch == OPT_AGENTS  ? AF_EVD_AGENTS
			              : ch == OPT_DISCARDS ? AF_EVD_DISCARDS
			                                   : 0u);
			break;
		case OPT_NODEF:
			defaults = 0;
			break;
		case OPT_TABARI:
			tabari = 1;
			break;
		case OPT_SKIPBAD:
			skipbad = 1;
			break;
		case OPT_CONV:
			if (!strcmp(optarg, "news"))
				conv = AF_EVC_NEWS;
			else if (!strcmp(optarg, "petrarch"))
				conv = AF_EVC_PETRARCH;
			else
				af_usage_error("--conventions: news or petrarch");
			break;
		case OPT_CHECK:
			check = 1;
			break;
		default:
			af_usage_error("unknown option");
		}
	}
	struct af_error err;
	struct af_evdict *d = af_evdict_new();
	if (af_evdict_load_defaults(d, defaults, &err) < 0)
		af_die(AF_EX_SOFTWARE, "built-in dictionary: %s", err.msg);
	af_evdict_skip_bad_lines(d, skipbad);
	for (size_t i = 0; i < nfiles; i++)
		load(d, &files[i]);
	if (af_cameo_init(&err) < 0)
		af_die(AF_EX_SOFTWARE, "built-in CAMEO table: %s", err.msg);
	if (check) {
		size_t nv, np, na, ng;
		af_evdict_stats(d, &nv, &np, &na, &ng);
		printf("verbs %zu\npatterns %zu\nactors %zu\nagents %zu\n", nv, np, na, ng);
		af_evdict_free(d);
		free(files);
		return AF_EX_OK;
	}
	c.coder = af_coder_new(d);
	af_coder_conventions(c.coder, conv);
	int status = af_cli_run_files(&f, argc - optind, argv + optind);
	af_coder_free(c.coder);
	af_mentions_free(&c.ents);
	af_quote_refs_free(&c.quotes);
	af_events_free(&c.events);
	af_evdict_free(d);
	free(files);
	return status;
}
