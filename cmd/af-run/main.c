/* af-run - run a pipeline file's stages as one process pipeline. */
#include "af/cli.h"
#include "af/pipeline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
	"usage: af-run [OPTION]... PIPELINE [FILE]...\n"
	"Run the stages of a pipeline file (YAML, see pipeline(5)) as one process\n"
	"pipeline: the FILE operands (or stdin) are read as NDJSON into the first\n"
	"stage, the last stage writes to stdout. Stages are started with fork/exec\n"
	"and pipes; only an sh: stage runs through a shell.\n"
	"\n"
	"  -p, --print          print the equivalent POSIX shell pipeline and exit\n"
	"  -l, --list           list the stages to run (name and command) and exit\n"
	"      --deps           list the files the run depends on (pipeline files,\n"
	"                       lexicons, tools, af-run itself) and exit\n"
	"  -s, --skip NAME      leave out stage NAME (repeatable, or NAME,NAME)\n"
	"  -o, --only NAME      run only the stages named (repeatable, or NAME,NAME);\n"
	"                       this also runs a stage that has enabled: false\n"
	"  -f, --from NAME      start at stage NAME\n"
	"  -t, --to NAME        stop after stage NAME\n"
	"  -a, --stage CMD      append a stage: CMD is split into words as sh would\n"
	"                       (quotes and backslashes, no expansions) and run\n"
	"                       without a shell (repeatable)\n"
	"      --stage-sh SCRIPT  append a stage: SCRIPT run by /bin/sh (repeatable)\n"
	"  -k, --keep DIR       save each stage's output as DIR/NN-NAME.ndjson\n"
	"  -j, --jobs N         run N copies of the pipeline at once on batches of\n"
	"                       lines; the output keeps the input order (default 1)\n"
	"  -b, --batch LINES    non-blank lines per batch with --jobs (default 500)\n"
	"      --progress       show progress on stderr even when it is not a terminal\n"
	"  -q, --quiet          show no progress, even on a terminal\n"
	"      --stats          print records in and out, wall and CPU time per stage\n"
	"                       on stderr at the end\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"A stage killed by SIGPIPE because a later one stopped reading is not a\n"
	"failure; any other failing stage is named with its exit status or signal.\n"
	"Exit status: 0 ok, 1 a stage failed, 64 usage, 65 a stage rejected records\n"
	"(and none failed otherwise), 66 the pipeline or an input file could not be\n"
	"read, 74 I/O error, 78 bad pipeline file; killed by a signal, af-run ends\n"
	"with it. See af-run(1), pipeline(5).\n";

enum {
	OPT_PRINT = 'p',
	OPT_LIST = 'l',
	OPT_SKIP = 's',
	OPT_ONLY = 'o',
	OPT_FROM = 'f',
	OPT_TO = 't',
	OPT_STAGE = 'a',
	OPT_KEEP = 'k',
	OPT_JOBS = 'j',
	OPT_BATCH = 'b',
	OPT_QUIET = 'q',
	OPT_DEPS = AF_OPT_FIRST_TOOL,
	OPT_STAGE_SH,
	OPT_PROGRESS,
	OPT_STATS
};

struct added {
	const char *cmd;
	int sh;
};

/* Appends each NAME of "NAME,NAME" to a NULL-terminated list. */
static void add_names(char ***list, size_t *n, char *arg)
{
	for (char *tok = strtok(arg, ","); tok; tok = strtok(NULL, ",")) {
		*list = af_realloc(*list, (*n + 2) * sizeof **list);
		(*list)[(*n)++] = tok;
		(*list)[*n] = NULL;
	}
}

/* A file that failed to load as a pipeline but whose first non-blank line is a JSON object
 * without "stages" is records: the arguments were given the wrong way round. */
static int holds_records(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int yes = 0;
	while ((got = getline(&line, &cap, f)) >= 0) {
		size_t i = 0;
		while (i < (size_t)got && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
			i++;
		if (i == (size_t)got)
			continue;
		json_t *o = json_loadb(line + i, (size_t)got - i, JSON_DISABLE_EOF_CHECK, NULL);
		yes = json_is_object(o) && !json_object_get(o, "stages");
		json_decref(o);
		break;
	}
	free(line);
	fclose(f);
	return yes;
}

_Noreturn static void not_a_pipeline(const char *path)
{
	fprintf(stderr, "%s: %s is not a pipeline file: it holds JSON records (the pipeline file comes first)\n",
	        af_prog(), path);
	fwrite(usage, 1, strcspn(usage, "\n") + 1, stderr);
	fprintf(stderr, "Try '%s --help' for more information.\n", af_prog());
	exit(AF_EX_USAGE);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"print", no_argument, NULL, OPT_PRINT},
		{"list", no_argument, NULL, OPT_LIST},
		{"deps", no_argument, NULL, OPT_DEPS},
		{"skip", required_argument, NULL, OPT_SKIP},
		{"only", required_argument, NULL, OPT_ONLY},
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"stage", required_argument, NULL, OPT_STAGE},
		{"stage-sh", required_argument, NULL, OPT_STAGE_SH},
		{"keep", required_argument, NULL, OPT_KEEP},
		{"jobs", required_argument, NULL, OPT_JOBS},
		{"batch", required_argument, NULL, OPT_BATCH},
		{"progress", no_argument, NULL, OPT_PROGRESS},
		{"quiet", no_argument, NULL, OPT_QUIET},
		{"stats", no_argument, NULL, OPT_STATS},
		{0, 0, 0, 0},
	};
	struct af_run_opts ro = {.jobs = 1, .batch = 500, .progress = -1};
	char **skip = NULL, **only = NULL;
	size_t nskip = 0, nonly = 0, nadded = 0;
	struct added *added = NULL;
	const char *from = NULL, *to = NULL;
	int print = 0, list = 0, deps = 0, ch;
	long v;
	const char *invoked = argv[0]; /* as typed: where af-run is, when /proc is absent */
	af_setprog(argv);
	while ((ch = getopt_long(argc, argv, "hVpls:o:f:t:a:k:j:b:q", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs(usage, stdout);
			return fflush(stdout) == 0 ? AF_EX_OK : AF_EX_IOERR;
		case 'V':
			printf("%s %s\n", af_prog(), AF_VERSION);
			return fflush(stdout) == 0 ? AF_EX_OK : AF_EX_IOERR;
		case OPT_PRINT:
			print = 1;
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_DEPS:
			deps = 1;
			break;
		case OPT_SKIP:
			add_names(&skip, &nskip, optarg);
			break;
		case OPT_ONLY:
			add_names(&only, &nonly, optarg);
			break;
		case OPT_FROM:
			from = optarg;
			break;
		case OPT_TO:
			to = optarg;
			break;
		case OPT_STAGE:
		case OPT_STAGE_SH:
			added = af_realloc(added, (nadded + 1) * sizeof *added);
			added[nadded].cmd = optarg;
			added[nadded++].sh = ch == OPT_STAGE_SH;
			break;
		case OPT_KEEP:
			ro.keep = optarg;
			break;
		case OPT_JOBS:
			if (af_parse_long(optarg, 1, 1024, &v) < 0)
				af_usage_error("--jobs: expected a number from 1 to 1024, found '%s'", optarg);
			ro.jobs = (int)v;
			break;
		case OPT_BATCH:
			if (af_parse_long(optarg, 1, 100000000, &v) < 0)
				af_usage_error("--batch: expected a number of lines from 1 to 100000000, found '%s'", optarg);
			ro.batch = v;
			break;
		case OPT_PROGRESS:
			ro.progress = 1;
			break;
		case OPT_QUIET:
			ro.progress = 0;
			break;
		case OPT_STATS:
			ro.stats = 1;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", af_prog());
			return AF_EX_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		af_usage_error("expected a pipeline file (e.g. pipelines/news.yaml)");
	if (nonly && (from || to))
		af_usage_error("--only cannot be combined with --from or --to");
	if (ro.keep && ro.jobs > 1)
		af_usage_error("--keep works with --jobs 1 only (the kept files would be the same)");
	if (ro.progress < 0)
		ro.progress = isatty(2);

	struct af_error err;
	struct stat pst;
	if (access(argv[0], R_OK) != 0)
		af_die(AF_EX_NOINPUT, "%s: %s", argv[0], strerror(errno));
	if (stat(argv[0], &pst) == 0 && S_ISDIR(pst.st_mode))
		af_die(AF_EX_NOINPUT, "%s: %s", argv[0], strerror(EISDIR));
	struct af_pipeline *p = af_pipeline_load(argv[0], &err);
	if (!p) {
		if (holds_records(argv[0]))
			not_a_pipeline(argv[0]);
		af_die(AF_EX_CONFIG, "%s", err.msg);
	}
	if (af_pipeline_select(p, (const char *const *)skip, (const char *const *)only, from, to, &err) < 0)
		af_usage_error("%s", err.msg);
	for (size_t i = 0; i < nadded; i++)
		if (af_pipeline_append(p, added[i].cmd, added[i].sh, &err) < 0)
			af_usage_error("%s", err.msg);
	char *self = af_self_dir(invoked);
	if (af_pipeline_resolve(p, self, &err) < 0) {
		if (strncmp(err.msg, "--stage", 7) == 0)
			af_usage_error("%s", err.msg);
		af_die(AF_EX_CONFIG, "%s", err.msg);
	}
	int status = AF_EX_OK;
	if (print) {
		af_pipeline_print(p, argv + 1, argc - 1, stdout);
	} else if (list) {
		for (size_t i = 0; i < p->n; i++) {
			struct af_buf b = {0};
			af_buf_printf(&b, "%zu\t%s\t", i + 1, p->stages[i].name);
			for (size_t a = 0; p->stages[i].argv[a]; a++) {
				if (a)
					af_buf_addc(&b, ' ');
				af_shell_quote(&b, p->stages[i].argv[a]);
			}
			puts(b.p);
			af_buf_free(&b);
		}
	} else if (deps) {
		for (size_t i = 0; i < p->ndeps; i++)
			puts(p->deps[i]);
		char exe[4096];
		ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			puts(exe);
		}
	} else {
		ro.files = argv + 1;
		ro.nfiles = argc - 1;
		status = af_pipeline_run(p, &ro);
	}
	if ((print || list || deps) && fflush(stdout) != 0)
		af_die(AF_EX_IOERR, "writing output failed");
	af_pipeline_free(p);
	free(self);
	free(skip);
	free(only);
	free(added);
	return status;
}
