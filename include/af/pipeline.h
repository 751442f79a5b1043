/* pipeline.h - pipeline files (YAML) and the runner that turns them into process pipelines.
 *
 * A pipeline is an ordered list of stages; a stage is a command (argv, run with fork/exec)
 * or a shell script (`sh:`). af_pipeline_load reads and checks a file, reporting every
 * mistake as "file:line:col: what was expected"; af_pipeline_select applies --skip, --only,
 * --from and --to; af_pipeline_resolve finds each tool; af_pipeline_run runs the stages
 * connected by pipes (see docs/pipeline.5 and docs/af-run.1). */
#ifndef AF_PIPELINE_H
#define AF_PIPELINE_H

#include <stdio.h>

#include "af/af.h"

struct af_stage {
	char *name;     /* unique in the pipeline */
	char **argv;    /* NULL-terminated; for an sh: stage {"sh", "-c", script, NULL} */
	char *sh;       /* the script of an sh: stage, or NULL */
	char **env;     /* "NAME=value" strings added to the stage's environment */
	size_t nenv;
	char *path;     /* the executable, set by af_pipeline_resolve */
	int enabled;    /* enabled: false in the file clears it */
	int named;      /* the name was given (name:), not derived from the tool */
	char *where;    /* "file:line:col" of the stage, or "--stage" */
};

struct af_pipeline {
	char *file;        /* the top-level pipeline file as given */
	char *name, *description;
	char *dir;         /* directory of the top-level file (AF_PIPELINE_DIR for stages) */
	struct af_stage *stages;
	size_t n, cap;
	char **deps;       /* files the pipeline depends on: pipeline files, lexicons, tools */
	size_t ndeps;
};

/* Read and check a pipeline file (and the files it includes). NULL with
 * "file:line:col: problem" in err; nothing is run. */
struct af_pipeline *af_pipeline_load(const char *path, struct af_error *err);
void af_pipeline_free(struct af_pipeline *p);

/* Append a stage from a command line: cmd is split into words with the quoting rules of
 * the shell (' ', " ", \) but no expansion; with sh set, cmd is a script for sh -c. */
int af_pipeline_append(struct af_pipeline *p, const char *cmd, int sh, struct af_error *err);

/* Keep only the stages to run. skip and only are NULL-terminated lists of names (or NULL);
 * from / to are names or NULL. A stage named by only runs even when it is disabled;
 * otherwise disabled stages are dropped. Unknown names are errors. */
int af_pipeline_select(struct af_pipeline *p, const char *const *skip, const char *const *only,
                       const char *from, const char *to, struct af_error *err);

/* Find the executable of every stage: a name with a '/' is taken relative to the pipeline
 * file; a bare name is looked for in self_dir (the directory of af-run, may be NULL), then
 * in PATH. */
int af_pipeline_resolve(struct af_pipeline *p, const char *self_dir, struct af_error *err);

/* The equivalent POSIX shell pipeline (input files read with cat or <), one line. */
void af_pipeline_print(const struct af_pipeline *p, char *const *files, int nfiles, FILE *out);

/* Split cmd into words like sh does, without expansions; unquoted shell operators are
 * refused. *words is NULL-terminated, free with af_words_free. */
int af_split_words(const char *cmd, char ***words, size_t *n, struct af_error *err);
void af_words_free(char **words);
/* Append s to b quoted for a POSIX shell (unchanged when it needs no quotes). */
void af_shell_quote(struct af_buf *b, const char *s);

/* The directory of the running executable (/proc/self/exe, else argv0), malloc'd, or NULL. */
char *af_self_dir(const char *argv0);

struct af_run_opts {
	char *const *files; /* input files, read in order ("-" is stdin); none: stdin */
	int nfiles;
	int jobs;           /* copies of the pipeline run at once (1: one long pipeline) */
	long batch;         /* --jobs: non-blank lines per batch */
	const char *keep;   /* directory for each stage's output, or NULL */
	int progress;       /* 1 show, 0 not */
	int stats;          /* summary per stage on stderr at the end */
};

/* Run the selected, resolved stages with stdin/files in and stdout out. Returns af-run's
 * exit status: 0, AF_EX_DATAERR when every failing stage exited 65, AF_EX_FAIL for any
 * other failure (each one reported on stderr), AF_EX_NOINPUT / AF_EX_IOERR for af-run's
 * own input and output. On SIGINT, SIGTERM or SIGHUP every stage is stopped and af-run
 * ends with that signal. */
int af_pipeline_run(struct af_pipeline *p, const struct af_run_opts *o);

#endif
