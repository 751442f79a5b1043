/* af-clean - page text dumps to clean article records. */
#include "af/clean.h"
#include "af/cli.h"
#include "af/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-clean [OPTION]... [FILE]...\n"
	"Turn raw articles (page text dumps) into clean article records, one JSON\n"
	"object per line on stdout.\n"
	"\n"
	"Input: NDJSON records with a \"raw\" field (a page's text dump) or an\n"
	"\"html\" field on stdin, or in FILE operands ending in .ndjson or .jsonl;\n"
	"any other FILE is one article (HTML when it ends in .html or .htm), its id\n"
	"taken from the file name. A record that has \"text\" and no \"raw\" or\n"
	"\"html\" is passed through unchanged.\n"
	"\n"
	"  -r, --raw            read stdin as one raw article, not as NDJSON\n"
	"      --html           with --raw: the article on stdin is HTML\n"
	"  -i, --id ID          the id for the --raw article (default: a hash of it)\n"
	"  -l, --lexicon FILE   add or override boilerplate rules, agencies and time\n"
	"                       zones from a YAML lexicon (repeatable)\n"
	"      --model FILE     score blocks with the model in FILE (as make model\n"
	"                       writes data/clean-model.yaml), not the built-in one\n"
	"      --features FILE  also write each block's features to FILE as JSON lines\n"
	"                       (for training the model; see af-clean(1))\n"
	"      --prefer-page    the page's title, authors, published and updated\n"
	"                       over those of the input record (default: the\n"
	"                       input's, the page's where the input has none)\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first rejected record\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Adds: id, title, source, authors, published, updated, dateline, text, removed.\n"
	"Exit status: 0 ok, 64 usage, 65 a record was rejected, 66 an input file\n"
	"could not be read, 74 I/O error, 78 bad lexicon. See af-clean(1), af(7).\n";

enum { OPT_RAW = 'r', OPT_ID = 'i', OPT_LEXICON = 'l', OPT_HTML = AF_OPT_FIRST_TOOL, OPT_PREFER_PAGE, OPT_MODEL, OPT_FEATURES };

struct ctx {
	struct af_cleaner *cleaner;
	const char *id;  /* id to give when the record has none (file name) */
	const char *raw; /* a raw article read from a file or --raw, else NULL */
	size_t rawlen;
	int html;        /* that article is HTML (--html, or a .html file) */
	const char *name; /* its file, for messages */
	int prefer_page; /* --prefer-page */
	FILE *features;  /* --features FILE */
};

/* Fields a record may bring that the page may also give: the input's wins (unless
 * --prefer-page), and is kept when the page gives none. */
static int given(enum af_article_field f)
{
	return f == AF_ARTICLE_TITLE || f == AF_ARTICLE_AUTHORS || f == AF_ARTICLE_PUBLISHED || f == AF_ARTICLE_UPDATED;
}

static int empty_value(const json_t *v)
{
	return !v || json_is_null(v) || (json_is_array(v) && !json_array_size(v)) ||
	       (json_is_string(v) && !json_string_length(v));
}

/* Does the input record give field f (a value that is not null, "" or [])? */
static int input_gives(const struct af_record *r, enum af_article_field f)
{
	json_t *in = af_record_get(r, af_article_field_names[f]);
	int gives = !empty_value(in);
	json_decref(in);
	return gives;
}

/* The article's fields into the record, but for those the input gives (see given). */
static void set_fields(struct af_record *r, const struct af_article *a, int prefer_page)
{
	for (int f = 0; f < AF_ARTICLE_NFIELDS; f++) {
		if (given(f) && input_gives(r, f) && (!prefer_page || af_article_empty(a, f)))
			continue;
		af_article_write(a, f, af_record_set_json(r, af_article_field_names[f]));
	}
}

static enum af_verdict process(struct af_record *r, void *vctx, struct af_error *why)
{
	struct ctx *c = vctx;
	size_t len;
	char *s;
	int html = c->html;
	if (c->raw) {
		s = af_strndup(c->raw, c->rawlen);
		len = c->rawlen;
	} else {
		const char *field = af_record_field(r, "raw") ? "raw" : af_record_field(r, "html") ? "html" : NULL;
		if (!field) {
			if (af_record_field(r, "text"))
				return AF_PASS;
			af_error_set(why, "no \"raw\" or \"html\" field (and no \"text\"): nothing to clean");
			return AF_REJECT;
		}
		if (!(s = af_record_string(r, field, &len))) {
			af_error_set(why, "\"%s\" is not a string", field);
			return AF_REJECT;
		}
		html = field[0] == 'h';
	}
	/* an input id is kept byte for byte, whatever its type, even one jansson cannot
	 * represent (123456789012345678901234567890, 1e400): only a missing or null id is made */
	const struct af_field *idf = af_record_field(r, "id");
	char hash[18];
	const char *id = NULL;
	if (!idf || (idf->vlen == 4 && !memcmp(idf->val, "null", 4))) {
		if (!c->id)
			af_clean_hash_id(s, len, hash);
		id = c->id ? c->id : hash;
	}
	char *given_id = id ? NULL : af_record_string(r, "id", NULL);
	const char *page = id ? id : given_id;
	if (c->features)
		af_cleaner_features(c->cleaner, c->features, page ? page : "");
	struct af_article a;
	if (html) {
		if (af_clean_html(c->cleaner, s, len, &a) < 0)
			af_die(AF_EX_SOFTWARE, "the HTML parser failed (out of memory?)");
	} else {
		af_clean(c->cleaner, s, len, &a);
	}
	free(s);
	if (af_cleaner_warning(c->cleaner))
		af_warn("%s%s%s: %s", c->name ? c->name : "record", page && !c->name ? " " : "", page && !c->name ? page : "",
		        af_cleaner_warning(c->cleaner));
	free(given_id);
	if (id) { /* a file name that is not UTF-8 gives a null id */
		struct af_buf *b = af_record_set_json(r, "id");
		size_t bad;
		if (af_utf8_valid(id, strlen(id), &bad))
			af_json_string(b, id, strlen(id));
		else
			af_buf_adds(b, "null");
	}
	set_fields(r, &a, c->prefer_page);
	af_article_free(&a);
	return AF_WRITE;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && !strcmp(s + n - k, suffix);
}

/* A raw article from a file or stdin: one record. */
static void one_article(struct af_filter *f, struct ctx *c, FILE *in, const char *name, const char *id)
{
	size_t len;
	char *s = af_read_stream(in, &len);
	if (!s)
		af_die(AF_EX_IOERR, "%s: read error: %s", name ? name : "stdin", strerror(errno));
	size_t bad;
	f->nin++;
	if (!af_utf8_valid(s, len, &bad)) {
		struct af_buf msg = {0};
		af_buf_printf(&msg, "invalid UTF-8 at byte %zu (convert it first, e.g. iconv -f WINDOWS-1252)",
		              bad + 1);
		af_filter_reject(f, name, 0, NULL, 0, msg.p);
		af_buf_free(&msg);
		free(s);
		return;
	}
	/* an empty record, cleaned from the file's content */
	struct af_record r;
	af_record_init(&r);
	af_record_empty(&r);
	c->id = id;
	c->raw = s;
	c->rawlen = len;
	c->name = name;
	af_filter_record(f, &r, name, 0);
	c->name = NULL;
	c->raw = NULL;
	c->id = NULL;
	af_record_free(&r);
	free(s);
}

/* NDJSON on stdin, or plain text by mistake: one message instead of one per line. */
static void stream_stdin(struct af_filter *f)
{
	int ch;
	while ((ch = getc(stdin)) == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
		f->lines_before += ch == '\n';
	if (ch != EOF)
		ungetc(ch, stdin);
	if (ch != EOF && ch != '{' && !getenv("AF_BATCH_MARK")) /* af-run --jobs: batches between mark lines */
		af_die(AF_EX_DATAERR, "stdin: not NDJSON (a JSON object per line); for a plain article use "
		                      "--raw (af-clean -r < FILE) or give the file as an operand (af-clean FILE)");
	af_filter_stream(f, stdin, NULL);
}

/* "dir/x.txt" -> "x" */
static char *id_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return af_strndup(base, n);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		AF_COMMON_OPTIONS,
		{"raw", no_argument, NULL, OPT_RAW},
		{"html", no_argument, NULL, OPT_HTML},
		{"id", required_argument, NULL, OPT_ID},
		{"lexicon", required_argument, NULL, OPT_LEXICON},
		{"prefer-page", no_argument, NULL, OPT_PREFER_PAGE},
		{"model", required_argument, NULL, OPT_MODEL},
		{"features", required_argument, NULL, OPT_FEATURES},
		{0, 0, 0, 0},
	};
	struct ctx c = {0};
	struct af_filter f = {.stage = "clean", .process = process, .ctx = &c};
	struct af_cli cli = {.usage = usage};
	int raw = 0, ch;
	const char *model = NULL, *features = NULL;
	const char *id = NULL;
	af_setprog(argv);
	while ((ch = getopt_long(argc, argv, "hVri:l:", opts, NULL)) != -1) {
		if (af_cli_common(&cli, &f, ch, optarg))
			continue;
		switch (ch) {
		case OPT_RAW:
			raw = 1;
			break;
		case OPT_ID:
			id = optarg;
			break;
		case OPT_HTML:
			c.html = 1;
			break;
		case OPT_MODEL:
			model = optarg;
			break;
		case OPT_FEATURES:
			features = optarg;
			break;
		case OPT_PREFER_PAGE:
			c.prefer_page = 1;
			break;
		case OPT_LEXICON:
			af_cli_add_lexicon(&cli, optarg);
			break;
		default:
			af_usage_error("unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (raw && argc)
		af_usage_error("--raw reads stdin; it takes no FILE operands");
	if (id && !raw)
		af_usage_error("--id is for --raw input");
	if (c.html && !raw)
		af_usage_error("--html is for --raw input (NDJSON records say \"html\", files end in .html)");

	struct af_error err;
	c.cleaner = af_cleaner_new(&err);
	if (!c.cleaner)
		af_die(AF_EX_SOFTWARE, "built-in lexicon: %s", err.msg);
	if (features && !(c.features = fopen(features, "w")))
		af_die(AF_EX_IOERR, "%s: %s", features, strerror(errno));
	if (c.features)
		af_cleaner_feature_names(c.features);
	if (model && af_cleaner_model(c.cleaner, model, &err) < 0)
		af_die(AF_EX_CONFIG, "%s", err.msg);
	for (size_t i = 0; i < cli.nlexicons; i++)
		if (af_cleaner_load(c.cleaner, cli.lexicons[i], &err) < 0)
			af_die(AF_EX_CONFIG, "%s", err.msg);

	af_cli_check_outputs(&f, argc, argv);
	if (raw) {
		one_article(&f, &c, stdin, NULL, id);
	} else if (argc == 0) {
		stream_stdin(&f);
	} else {
		for (int i = 0; i < argc && !f.stopped; i++) {
			if (!strcmp(argv[i], "-")) {
				stream_stdin(&f);
				continue;
			}
			FILE *in = af_cli_open(argv[i]);
			if (ends_with(argv[i], ".ndjson") || ends_with(argv[i], ".jsonl")) {
				af_filter_stream(&f, in, argv[i]);
			} else {
				char *fid = id_from_path(argv[i]);
				c.html = ends_with(argv[i], ".html") || ends_with(argv[i], ".htm");
				one_article(&f, &c, in, argv[i], fid);
				c.html = 0;
				free(fid);
			}
			fclose(in);
		}
	}
	int status = af_filter_finish(&f);
	if (c.features && fclose(c.features) != 0)
		af_die(AF_EX_IOERR, "%s: %s", features, strerror(errno));
	af_cleaner_free(c.cleaner);
	free(cli.lexicons);
	return status;
}
