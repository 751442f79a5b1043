/* cli.c - shared option handling and the standard main loop over NDJSON inputs. */
#include "af/cli.h"
#include "af/data.h"
#include "af/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void af_usage_error(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", af_prog());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", af_prog());
	exit(AF_EX_USAGE);
}

void af_cli_add_lexicon(struct af_cli *cli, const char *path)
{
	cli->lexicons = af_reallocarray(cli->lexicons, cli->nlexicons + 1, sizeof *cli->lexicons);
	cli->lexicons[cli->nlexicons++] = path;
}

int af_cli_common(struct af_cli *cli, struct af_filter *f, int c, const char *arg)
{
	switch (c) {
	case 'h':
		fputs(cli->usage, stdout);
		af_output_flush();
		exit(AF_EX_OK);
	case 'V':
		printf("%s %s\n", af_prog(), AF_VERSION);
		af_output_flush();
		exit(AF_EX_OK);
	case AF_OPT_REJECT:
		f->reject_path = arg;
		return 1;
	case AF_OPT_STRICT:
		f->strict = 1;
		return 1;
	case '?':
		fprintf(stderr, "Try '%s --help' for more information.\n", af_prog());
		exit(AF_EX_USAGE);
	case ':':
		exit(AF_EX_USAGE);
	}
	return 0;
}

int af_cli_parse_lexicon_tool(struct af_cli *cli, struct af_filter *f, int argc, char **argv)
{
	static const struct option opts[] = {
		AF_COMMON_OPTIONS,
		{"lexicon", required_argument, NULL, 'l'},
		{0, 0, 0, 0},
	};
	int ch;
	af_setprog(argv);
	while ((ch = getopt_long(argc, argv, "hVl:", opts, NULL)) != -1) {
		if (af_cli_common(cli, f, ch, optarg))
			continue;
		if (ch == 'l')
			af_cli_add_lexicon(cli, optarg);
		else
			af_usage_error("unknown option");
	}
	return optind;
}

FILE *af_cli_open(const char *path)
{
	FILE *in = fopen(path, "r");
	struct stat st;
	if (!in)
		af_die(AF_EX_NOINPUT, "%s: %s", path, strerror(errno));
	if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode))
		af_die(AF_EX_NOINPUT, "%s: %s", path, strerror(EISDIR));
	return in;
}

void af_cli_check_outputs(const struct af_filter *f, int argc, char **argv)
{
	struct stat out, in;
	if (!f->reject_path || stat(f->reject_path, &out) != 0 || !S_ISREG(out.st_mode))
		return;
	if (argc == 0 && fstat(0, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
		af_usage_error("--reject %s is the standard input: it would be emptied before it is read",
		               f->reject_path);
	for (int i = 0; i < argc; i++) {
		int same = !strcmp(argv[i], "-") ? fstat(0, &in) == 0 : stat(argv[i], &in) == 0;
		if (same && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
			af_usage_error("--reject %s is also an input: it would be emptied before it is read",
			               f->reject_path);
	}
}

int af_cli_run_files(struct af_filter *f, int argc, char **argv)
{
	af_cli_check_outputs(f, argc, argv);
	if (argc == 0)
		af_filter_stream(f, stdin, NULL);
	for (int i = 0; i < argc && !f->stopped; i++) {
		if (strcmp(argv[i], "-") == 0) {
			af_filter_stream(f, stdin, NULL);
			continue;
		}
		FILE *in = af_cli_open(argv[i]);
		af_filter_stream(f, in, argv[i]);
		fclose(in);
	}
	return af_filter_finish(f);
}

/* build/gen/data-index.c: every file of data/, by weak reference (NULL when not linked) */
extern const struct af_datafile *const af_data_index[];
extern const size_t af_data_count;

const struct af_datafile *af_data_find(const char *name)
{
	for (size_t i = 0; i < af_data_count; i++)
		if (af_data_index[i] && strcmp(af_data_index[i]->name, name) == 0)
			return af_data_index[i];
	return NULL;
}
