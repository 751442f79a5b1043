/* af-view - af records as one self-contained HTML report. */
#include "af/cli.h"
#include "af/view.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: af-view [OPTION]... [FILE]...\n"
	"Write one self-contained HTML page (no network, inline CSS and a little\n"
	"JavaScript) showing af records: each article's clean text with its entity\n"
	"mentions, quotes and event triggers marked, and beside it the metadata, what\n"
	"af-clean removed and the events table; for more than one article also an\n"
	"index and a timeline of the events by date and actor pair, with filters.\n"
	"\n"
	"Input: NDJSON records from any af stage, on stdin or in FILE operands.\n"
	"\n"
	"  -o, --output FILE    write the page to FILE (written aside, then renamed)\n"
	"                       instead of the standard output\n"
	"  -t, --title TEXT     the page's title (default: \"af report\")\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first rejected line and write no page\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Exit status: 0 ok, 64 usage, 65 a line was rejected (the page shows the others),\n"
	"66 an input file could not be read, 74 I/O error. See af-view(1), af(7).\n";

/* a record of the filter loop: parsed whole and kept for the page (nothing is written) */
static enum af_verdict add_record(struct af_record *r, void *ctx, struct af_error *why)
{
	json_error_t jerr;
	json_t *rec = json_loadb(r->line, r->len, JSON_ALLOW_NUL, &jerr);
	if (!json_is_object(rec)) {
		json_decref(rec);
		af_error_set(why, "%s", jerr.text[0] ? jerr.text : "not a JSON object");
		return AF_REJECT;
	}
	af_view_add(ctx, rec);
	return AF_WRITE;
}

static void write_file(const char *path, const struct af_buf *b)
{
	size_t plen = strlen(path);
	char *tmp = af_malloc(plen + 32);
	snprintf(tmp, plen + 32, "%s.%ld.tmp", path, (long)getpid());
	FILE *out = fopen(tmp, "w");
	if (!out)
		af_die(AF_EX_IOERR, "%s: %s", tmp, strerror(errno));
	if (fwrite(b->p, 1, b->len, out) != b->len || fclose(out) != 0) {
		int e = errno;
		unlink(tmp);
		af_die(AF_EX_IOERR, "%s: write failed: %s", tmp, strerror(e));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		af_die(AF_EX_IOERR, "%s: %s", path, strerror(e));
	}
	free(tmp);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		AF_COMMON_OPTIONS,
		{"output", required_argument, NULL, 'o'},
		{"title", required_argument, NULL, 't'},
		{0, 0, 0, 0},
	};
	struct af_filter f = {.stage = "view", .process = add_record, .quiet = 1};
	struct af_cli cli = {.usage = usage};
	const char *output = NULL, *title = NULL;
	int ch;
	af_setprog(argv);
	while ((ch = getopt_long(argc, argv, "hVo:t:", opts, NULL)) != -1) {
		if (af_cli_common(&cli, &f, ch, optarg))
			continue;
		if (ch == 'o')
			output = optarg;
		else if (ch == 't')
			title = optarg;
		else
			af_usage_error("unknown option");
	}
	if (output && !*output)
		af_usage_error("--output: empty file name");
	struct af_view *v = af_view_new(title);
	f.ctx = v;
	if (optind == argc)
		af_filter_stream(&f, stdin, NULL);
	for (int i = optind; i < argc && !f.stopped; i++) {
		if (strcmp(argv[i], "-") == 0) {
			af_filter_stream(&f, stdin, NULL);
			continue;
		}
		FILE *in = fopen(argv[i], "r");
		if (!in)
			af_die(AF_EX_NOINPUT, "%s: %s", argv[i], strerror(errno));
		af_filter_stream(&f, in, argv[i]);
		fclose(in);
	}
	if (!f.stopped) {
		struct af_buf page = {0};
		af_view_render(v, &page);
		if (output)
			write_file(output, &page);
		else
			af_output(page.p, page.len);
		af_buf_free(&page);
	}
	af_view_free(v);
	return af_filter_finish(&f);
}
