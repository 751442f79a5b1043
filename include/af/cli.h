/* cli.h - the options every af tool shares, and their handling. */
#ifndef AF_CLI_H
#define AF_CLI_H

#include <getopt.h>

#include "af/record.h"

enum { AF_OPT_REJECT = 1000, AF_OPT_STRICT, AF_OPT_FIRST_TOOL = 1100 };

/* Common long options: put first in each tool's getopt_long table. */
#define AF_COMMON_OPTIONS                                                                          \
	{"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},                    \
	    {"reject", required_argument, NULL, AF_OPT_REJECT},                                   \
	    {"strict", no_argument, NULL, AF_OPT_STRICT}

struct af_cli {
	const char *usage;   /* the tool's --help text */
	const char **lexicons; /* --lexicon FILE, in order */
	size_t nlexicons;
};

/* Handles -h, -V, --reject, --strict (and '?' for an unknown option);
 * returns 1 when c was one of them. */
int af_cli_common(struct af_cli *cli, struct af_filter *f, int c, const char *arg);
void af_cli_add_lexicon(struct af_cli *cli, const char *path);
/* "af-x: message" + "Try 'af-x --help'." and exit 64. */
_Noreturn void af_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The whole command line of a tool whose only own option is -l/--lexicon FILE: sets the
 * program name (af_setprog), handles the common options
 * and --lexicon into cli; returns the index of the first operand. */
int af_cli_parse_lexicon_tool(struct af_cli *cli, struct af_filter *f, int argc, char **argv);
/* Runs f over the NDJSON files in argv (or stdin when there are none, or for "-"),
 * then returns the exit status. */
int af_cli_run_files(struct af_filter *f, int argc, char **argv);
/* An input FILE operand opened for reading; exits 66 when it cannot be, or is a directory. */
FILE *af_cli_open(const char *path);
/* Exits 64 when --reject names a file that is also an input (stdin when argc is 0). */
void af_cli_check_outputs(const struct af_filter *f, int argc, char **argv);

#endif
