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

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

static void read_records(struct af_view *v, struct af_filter *f, FILE *in, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long lineno = 0;
	struct af_record r;
	af_record_init(&r);
	while (!f->stopped && (got = getline(&line, &cap, in)) >= 0) {
		size_t n = (size_t)got;
		lineno++;
		if (n && line[n - 1] == '\n')
			n--;
		if (n && line[n - 1] == '\r')
			n--;
		if (blank(line, n))
			continue;
		f->nin++;
		struct af_error why = {{0}};
		if (af_record_parse(&r, line, n, &why) < 0) {
			af_filter_reject(f, name, lineno, line, n, why.msg);
			continue;
		}
		json_error_t jerr;
		json_t *rec = json_loadb(line, n, JSON_ALLOW_NUL, &jerr);
		if (!json_is_object(rec)) {
			json_decref(rec);
			af_filter_reject(f, name, lineno, line, n, jerr.text[0] ? jerr.text : "not a JSON object");
			continue;
		}
		af_view_add(v, rec);
	}
	if (ferror(in))
		af_die(AF_EX_IOERR, "%s: read error: %s", name ? name : "stdin", strerror(errno));
	af_record_free(&r);
	free(line);
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
	struct af_filter f = {.stage = "view"};
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
	if (optind == argc)
		read_records(v, &f, stdin, NULL);
	for (int i = optind; i < argc && !f.stopped; i++) {
		if (strcmp(argv[i], "-") == 0) {
			read_records(v, &f, stdin, NULL);
			continue;
		}
		FILE *in = fopen(argv[i], "r");
		if (!in)
			af_die(AF_EX_NOINPUT, "%s: %s", argv[i], strerror(errno));
		read_records(v, &f, in, argv[i]);
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
