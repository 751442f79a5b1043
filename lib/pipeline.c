/* pipeline.c - pipeline files: loading and checking, stage selection, tool lookup, --print. */
#define _XOPEN_SOURCE 700
#include "af/pipeline.h"
#include "af/util.h"
#include "af/yaml.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_INCLUDE_DEPTH 32

/* The files being loaded, outermost first, for include cycles. */
struct loading {
	char *real[MAX_INCLUDE_DEPTH];
	char *shown[MAX_INCLUDE_DEPTH];
	int depth;
};

static const char *const top_keys[] = {"name", "description", "env", "stages", NULL};
static const char *const stage_keys[] = {"name", "description", "run",     "sh",
                                         "include", "enabled", "env", "lexicon", NULL};

/* ---- small helpers ---- */

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return af_strdup(".");
	if (slash == path)
		return af_strdup("/");
	return af_strndup(path, (size_t)(slash - path));
}

/* rel taken relative to dir (unchanged when absolute or dir is "."). */
static char *join(const char *dir, const char *rel)
{
	struct af_buf b = {0};
	if (rel[0] == '/' || strcmp(dir, ".") == 0) {
		af_buf_adds(&b, rel);
	} else {
		af_buf_adds(&b, dir);
		if (b.len && b.p[b.len - 1] != '/')
			af_buf_addc(&b, '/');
		af_buf_adds(&b, rel);
	}
	return b.p;
}

static char *where_of(const struct af_ynode *n)
{
	struct af_buf b = {0};
	af_buf_printf(&b, "%s:%d:%d", n->file, n->line, n->col);
	return b.p;
}

static void strv_push(char ***v, size_t *n, const char *s)
{
	*v = af_reallocarray(*v, *n + 2, sizeof **v);
	(*v)[(*n)++] = s ? af_strdup(s) : NULL;
	(*v)[*n] = NULL;
}

static void add_dep(struct af_pipeline *p, const char *path)
{
	for (size_t i = 0; i < p->ndeps; i++)
		if (strcmp(p->deps[i], path) == 0)
			return;
	strv_push(&p->deps, &p->ndeps, path);
}


void af_words_free(char **words)
{
	if (!words)
		return;
	for (char **w = words; *w; w++)
		free(*w);
	free(words);
}

static void stage_free(struct af_stage *s)
{
	free(s->name);
	af_words_free(s->argv);
	free(s->sh);
	af_words_free(s->env);
	free(s->path);
	free(s->where);
}

void af_pipeline_free(struct af_pipeline *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		stage_free(&p->stages[i]);
	free(p->stages);
	af_words_free(p->deps);
	free(p->file);
	free(p->name);
	free(p->description);
	free(p->dir);
	free(p);
}

static struct af_stage *new_stage(struct af_pipeline *p)
{
	if (p->n == p->cap)
		p->stages = af_grow(p->stages, &p->cap, p->n + 1, sizeof *p->stages);
	struct af_stage *s = &p->stages[p->n++];
	memset(s, 0, sizeof *s);
	s->enabled = 1;
	return s;
}

static const struct af_stage *find_stage(const struct af_pipeline *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->stages[i].name, name) == 0)
			return &p->stages[i];
	return NULL;
}

static int valid_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

static int valid_env_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* A name derived from the tool: "af-entities" -> "entities", made unique with -2, -3 ... */
static char *derived_name(const struct af_pipeline *p, const char *tool)
{
	const char *base = strrchr(tool, '/');
	base = base ? base + 1 : tool;
	if (strncmp(base, "af-", 3) == 0 && base[3])
		base += 3;
	struct af_buf b = {0};
	for (const char *c = base; *c; c++)
		af_buf_addc(&b, valid_name((char[]){*c, 0}) ? *c : '_');
	if (!b.len)
		af_buf_adds(&b, "stage");
	if (!find_stage(p, b.p))
		return b.p;
	for (int k = 2;; k++) {
		struct af_buf c = {0};
		af_buf_printf(&c, "%s-%d", b.p, k);
		if (!find_stage(p, c.p)) {
			af_buf_free(&b);
			return c.p;
		}
		af_buf_free(&c);
	}
}

/* ---- loading ---- */

/* env: {NAME: value, ...} appended to *env as NAME=value. */
static int load_env(const struct af_ynode *map, char ***env, size_t *n, struct af_error *err)
{
	if (map->type != AF_Y_MAP)
		return af_yerr(err, map, "expected a mapping of environment variables (NAME: value), found %s",
		               af_ytype_name(map));
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct af_ynode *k = map->kids[i], *v = map->kids[i + 1];
		if (!valid_env_name(k->str))
			return af_yerr(err, k, "expected an environment variable name (letters, digits, _), found '%s'",
			               k->str);
		if (af_yscalar(v, "a string value for the environment variable", err) < 0)
			return -1;
		struct af_buf b = {0};
		af_buf_printf(&b, "%s=%s", k->str, v->str);
		strv_push(env, n, b.p);
		af_buf_free(&b);
	}
	return 0;
}

static int load_file(struct af_pipeline *p, const char *path, struct loading *ld, const struct af_ynode *from,
                     const char *const *penv, size_t npenv, int enabled, struct af_error *err);

/* An include: stage: the stages of another file, with this stage's env and enabled. Takes envv. */
static int load_include(struct af_pipeline *p, const struct af_ynode *item, const char *dir, struct loading *ld,
                        char **envv, size_t nenv, int enabled, struct af_error *err)
{
	const struct af_ynode *inc = af_ymap_get(item, "include"), *name = af_ymap_get(item, "name"),
	                      *lex = af_ymap_get(item, "lexicon");
	int rc = -1;
	if (name)
		af_yerr(err, name, "an include: stage takes no name: (its stages keep their own names)");
	else if (lex)
		af_yerr(err, lex, "lexicon: belongs on a run: stage, not on include:");
	else if (af_yscalar(inc, "the path of a pipeline file", err) == 0) {
		char *ipath = join(dir, inc->str);
		rc = load_file(p, ipath, ld, inc, (const char *const *)envv, nenv, enabled, err);
		free(ipath);
	}
	af_words_free(envv);
	return rc;
}

/* run:'s tool and arguments into argv; *tool the node that names the tool. 0 or -1. */
static int run_argv(const struct af_ynode *run, char ***argv, size_t *argc, const struct af_ynode **tool,
                    struct af_error *err)
{
	*tool = run;
	if (run->type == AF_Y_SCALAR) {
		if (!run->str[0] || strpbrk(run->str, " \t\n"))
			return af_yerr(err, run,
			               "expected a list: the tool and its arguments, e.g. run: [af-entities, --lexicon, "
			               "x.yaml] (a string is never split on spaces)");
		strv_push(argv, argc, run->str);
		return 0;
	}
	if (run->type != AF_Y_SEQ)
		return af_yerr(err, run, "expected a list: the tool and its arguments, found a mapping");
	if (run->n == 0)
		return af_yerr(err, run, "expected the tool and its arguments, found an empty list");
	*tool = run->kids[0];
	for (size_t i = 0; i < run->n; i++) {
		if (af_yscalar(run->kids[i], "a string (a tool or an argument)", err) < 0)
			return -1;
		strv_push(argv, argc, run->kids[i]->str);
	}
	if (!(*argv)[0][0])
		return af_yerr(err, run->kids[0], "expected a tool name, found an empty string");
	return 0;
}

/* lexicon: (a file or a list of files, relative to dir) as --lexicon arguments, each file
 * readable and a dependency of the pipeline. 0 or -1. */
static int lexicon_args(struct af_pipeline *p, const struct af_ynode *lex, const char *dir, char ***argv,
                        size_t *argc, struct af_error *err)
{
	const struct af_ynode *one[1] = {lex};
	const struct af_ynode *const *files = one;
	size_t nfiles = 1;
	if (lex->type == AF_Y_SEQ) {
		files = (const struct af_ynode *const *)lex->kids;
		nfiles = lex->n;
	}
	for (size_t i = 0; i < nfiles; i++) {
		if (af_yscalar(files[i], "the path of a lexicon file", err) < 0)
			return -1;
		char *lp = join(dir, files[i]->str);
		struct stat st;
		if (access(lp, R_OK) != 0 || (stat(lp, &st) == 0 && S_ISDIR(st.st_mode))) {
			af_yerr(err, files[i], "cannot read lexicon '%s' (%s): %s", files[i]->str, lp,
			        access(lp, R_OK) != 0 ? strerror(errno) : strerror(EISDIR));
			free(lp);
			return -1;
		}
		strv_push(argv, argc, "--lexicon");
		strv_push(argv, argc, lp);
		add_dep(p, lp);
		free(lp);
	}
	return 0;
}

/* sh:'s script, checked. 0 or -1. */
static int sh_check(const struct af_ynode *sh, const struct af_ynode *lex, struct af_error *err)
{
	if (af_yscalar(sh, "a shell script (a string)", err) < 0)
		return -1;
	if (!sh->str[0])
		return af_yerr(err, sh, "expected a shell script, found an empty string");
	if (lex)
		return af_yerr(err, lex, "lexicon: belongs on a run: stage; an sh: stage names its files itself");
	return 0;
}

/* name: a valid name no other stage has. 0 or -1. */
static int name_check(const struct af_pipeline *p, const struct af_ynode *name, struct af_error *err)
{
	if (af_yscalar(name, "a stage name", err) < 0)
		return -1;
	if (!valid_name(name->str))
		return af_yerr(err, name, "expected a stage name of letters, digits, '-', '_' or '.', found '%s'",
		               name->str);
	const struct af_stage *dup = find_stage(p, name->str);
	if (dup)
		return af_yerr(err, name, "duplicate stage name '%s' (also at %s); stage names must be unique",
		               name->str, dup->where);
	return 0;
}

/* One item of stages: checked, then its stages added (an include: adds the other file's). */
static int load_stage(struct af_pipeline *p, const struct af_ynode *item, const char *dir, struct loading *ld,
                      const char *const *penv, size_t npenv, int enabled_in, struct af_error *err)
{
	if (item->type != AF_Y_MAP)
		return af_yerr(err, item, "expected a stage (a mapping with run:, sh: or include:), found %s",
		               af_ytype_name(item));
	if (af_ymap_check(item, stage_keys, err) < 0)
		return -1;
	const struct af_ynode *run = af_ymap_get(item, "run"), *sh = af_ymap_get(item, "sh"),
	                      *inc = af_ymap_get(item, "include"), *name = af_ymap_get(item, "name"),
	                      *en = af_ymap_get(item, "enabled"), *env = af_ymap_get(item, "env"),
	                      *lex = af_ymap_get(item, "lexicon"), *desc = af_ymap_get(item, "description");
	int kinds = !!run + !!sh + !!inc;
	if (kinds != 1)
		return af_yerr(err, item, "expected exactly one of run:, sh: or include: in a stage, found %s",
		               kinds ? "more than one" : "none");
	if (desc && af_yscalar(desc, "a description (a string)", err) < 0)
		return -1;
	int enabled = 1;
	if (en && af_ybool(en, &enabled, err) < 0)
		return -1;
	enabled = enabled && enabled_in;
	char **envv = NULL;
	size_t nenv = 0;
	for (size_t i = 0; i < npenv; i++)
		strv_push(&envv, &nenv, penv[i]);
	if (env && load_env(env, &envv, &nenv, err) < 0) {
		af_words_free(envv);
		return -1;
	}
	if (inc)
		return load_include(p, item, dir, ld, envv, nenv, enabled, err);

	char **argv = NULL;
	size_t argc = 0;
	const struct af_ynode *tool_node = sh;
	if ((run ? run_argv(run, &argv, &argc, &tool_node, err) < 0 ||
	               (lex && lexicon_args(p, lex, dir, &argv, &argc, err) < 0)
	         : sh_check(sh, lex, err) < 0) ||
	    (name && name_check(p, name, err) < 0)) {
		af_words_free(argv);
		af_words_free(envv);
		return -1;
	}
	char *sname = name ? af_strdup(name->str) : derived_name(p, sh ? "sh" : argv[0]);
	struct af_stage *s = new_stage(p);
	s->named = name != NULL;
	s->name = sname;
	if (sh) {
		s->sh = af_strdup(sh->str);
		strv_push(&argv, &argc, "sh");
		strv_push(&argv, &argc, "-c");
		strv_push(&argv, &argc, sh->str);
	}
	s->argv = argv;
	s->env = envv;
	s->nenv = nenv;
	s->enabled = enabled;
	s->where = where_of(tool_node);
	return 0;
}

static int load_file(struct af_pipeline *p, const char *path, struct loading *ld, const struct af_ynode *from,
                     const char *const *penv, size_t npenv, int enabled, struct af_error *err)
{
	char real[PATH_MAX];
	if (!realpath(path, real)) {
		if (from)
			return af_yerr(err, from, "cannot read pipeline '%s' (%s): %s", from->str, path, strerror(errno));
		af_error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < ld->depth; i++) {
		if (strcmp(ld->real[i], real) == 0) {
			struct af_buf chain = {0};
			for (int j = i; j < ld->depth; j++)
				af_buf_printf(&chain, "%s -> ", ld->shown[j]);
			af_buf_adds(&chain, path);
			af_yerr(err, from, "include cycle: %s", chain.p);
			af_buf_free(&chain);
			return -1;
		}
	}
	if (ld->depth == MAX_INCLUDE_DEPTH)
		return af_yerr(err, from, "includes nested more than %d deep", MAX_INCLUDE_DEPTH);
	add_dep(p, path);
	/* the tree's nodes point at the file name: keep it in deps (which lives as long as p) */
	const char *fname = NULL;
	for (size_t i = 0; i < p->ndeps; i++)
		if (strcmp(p->deps[i], path) == 0)
			fname = p->deps[i];
	struct af_ynode *root = af_yaml_load(fname, err);
	if (!root)
		return -1;
	ld->real[ld->depth] = af_strdup(real);
	ld->shown[ld->depth] = af_strdup(path);
	ld->depth++;
	int rc = -1;
	char *dir = dir_of(path);
	char **envv = NULL;
	size_t nenv = 0;
	if (root->type != AF_Y_MAP) {
		af_yerr(err, root, "expected a pipeline (a mapping with name:, description: and stages:), found %s",
		        af_ytype_name(root));
		goto out;
	}
	if (af_ymap_check(root, top_keys, err) < 0)
		goto out;
	const struct af_ynode *name = af_ymap_get(root, "name"), *desc = af_ymap_get(root, "description"),
	                      *env = af_ymap_get(root, "env"), *stages = af_ymap_get(root, "stages");
	if (name && af_yscalar(name, "a pipeline name (a string)", err) < 0)
		goto out;
	if (desc && af_yscalar(desc, "a description (a string)", err) < 0)
		goto out;
	for (size_t i = 0; i < npenv; i++)
		strv_push(&envv, &nenv, penv[i]);
	if (env && load_env(env, &envv, &nenv, err) < 0)
		goto out;
	if (!stages) {
		af_yerr(err, root, "expected a stages: list in the pipeline, found none");
		goto out;
	}
	if (stages->type != AF_Y_SEQ) {
		af_yerr(err, stages, "expected a list of stages, found %s", af_ytype_name(stages));
		goto out;
	}
	if (stages->n == 0) {
		af_yerr(err, stages, "expected at least one stage, found an empty list");
		goto out;
	}
	if (ld->depth == 1) {
		p->name = name ? af_strdup(name->str) : NULL;
		p->description = desc ? af_strdup(desc->str) : NULL;
	}
	for (size_t i = 0; i < stages->n; i++)
		if (load_stage(p, stages->kids[i], dir, ld, (const char *const *)envv, nenv, enabled, err) < 0)
			goto out;
	rc = 0;
out:
	ld->depth--;
	free(ld->real[ld->depth]);
	free(ld->shown[ld->depth]);
	af_words_free(envv);
	free(dir);
	af_yaml_free(root);
	return rc;
}

struct af_pipeline *af_pipeline_load(const char *path, struct af_error *err)
{
	struct af_pipeline *p = af_calloc(1, sizeof *p);
	struct loading ld = {.depth = 0};
	p->file = af_strdup(path);
	p->dir = dir_of(path);
	if (load_file(p, path, &ld, NULL, NULL, 0, 1, err) < 0) {
		af_pipeline_free(p);
		return NULL;
	}
	if (!p->name) {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		const char *dot = strrchr(base, '.');
		p->name = dot && dot != base ? af_strndup(base, (size_t)(dot - base)) : af_strdup(base);
	}
	return p;
}

/* ---- command-line stages ---- */

static int split_fail(struct af_error *err, const char *cmd, const char *what)
{
	af_error_set(err, "'%s': %s", cmd, what);
	return -1;
}

int af_split_words(const char *cmd, char ***words, size_t *n, struct af_error *err)
{
	char **v = NULL;
	size_t nv = 0;
	struct af_buf w = {0};
	const char *s = cmd;
	char what[240];
	*words = NULL;
	*n = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		int in_word = 0; /* something, maybe an empty quoted string, was seen */
		af_buf_reset(&w);
		af_buf_grow(&w, 0);
		if (*s == '#' || *s == '~') {
			snprintf(what, sizeof what, "unquoted '%c' at the start of a word: no shell runs here, so quote it",
			         *s);
			goto fail;
		}
		while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
			char c = *s;
			if (c == '\\') {
				if (s[1] == '\n') {
					s += 2;
					continue;
				}
				if (!s[1]) {
					snprintf(what, sizeof what, "a '\\' at the end: nothing to escape");
					goto fail;
				}
				af_buf_addc(&w, s[1]);
				s += 2;
				in_word = 1;
			} else if (c == '\'') {
				const char *end = strchr(s + 1, '\'');
				if (!end) {
					snprintf(what, sizeof what, "a ' is not closed");
					goto fail;
				}
				af_buf_add(&w, s + 1, (size_t)(end - s - 1));
				s = end + 1;
				in_word = 1;
			} else if (c == '"') {
				for (s++; *s && *s != '"'; s++) {
					if (*s == '\\' && s[1] && strchr("$`\"\\\n", s[1])) {
						if (s[1] != '\n')
							af_buf_addc(&w, s[1]);
						s++;
					} else if (*s == '$' || *s == '`') {
						snprintf(what, sizeof what,
						         "'%c' inside double quotes: no expansion is done here; use single quotes", *s);
						goto fail;
					} else {
						af_buf_addc(&w, *s);
					}
				}
				if (!*s) {
					snprintf(what, sizeof what, "a \" is not closed");
					goto fail;
				}
				s++;
				in_word = 1;
			} else if (strchr("|&;<>()$`*?[", c)) {
				snprintf(what, sizeof what,
				         "unquoted '%c': --stage runs one command without a shell (no pipes, redirections or "
				         "expansions); quote it, or use --stage-sh",
				         c);
				goto fail;
			} else {
				af_buf_addc(&w, c);
				s++;
				in_word = 1;
			}
		}
		if (in_word)
			strv_push(&v, &nv, w.p);
	}
	af_buf_free(&w);
	if (!nv)
		return split_fail(err, cmd, "expected a command, found nothing");
	*words = v;
	*n = nv;
	return 0;
fail:
	af_buf_free(&w);
	af_words_free(v);
	return split_fail(err, cmd, what);
}

int af_pipeline_append(struct af_pipeline *p, const char *cmd, int sh, struct af_error *err)
{
	char **argv = NULL;
	size_t argc = 0;
	if (sh) {
		if (!cmd[0]) {
			af_error_set(err, "--stage-sh: expected a shell script, found an empty string");
			return -1;
		}
		strv_push(&argv, &argc, "sh");
		strv_push(&argv, &argc, "-c");
		strv_push(&argv, &argc, cmd);
	} else if (af_split_words(cmd, &argv, &argc, err) < 0) {
		char msg[sizeof err->msg];
		snprintf(msg, sizeof msg, "%s", err->msg);
		af_error_set(err, "--stage %s", msg);
		return -1;
	}
	char *sname = derived_name(p, sh ? "sh" : argv[0]);
	struct af_stage *s = new_stage(p);
	s->name = sname;
	s->argv = argv;
	s->sh = sh ? af_strdup(cmd) : NULL;
	struct af_buf w = {0};
	af_buf_printf(&w, "%s '%s'", sh ? "--stage-sh" : "--stage", cmd);
	s->where = w.p;
	return 0;
}

/* ---- selection ---- */

static int stage_index(const struct af_pipeline *p, const char *name, const char *opt, struct af_error *err)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->stages[i].name, name) == 0)
			return (int)i;
	struct af_buf list = {0};
	for (size_t i = 0; i < p->n; i++)
		af_buf_printf(&list, "%s%s", i ? ", " : "", p->stages[i].name);
	af_error_set(err, "%s %s: no such stage in %s (its stages: %s)", opt, name, p->file, list.p ? list.p : "none");
	af_buf_free(&list);
	return -1;
}

int af_pipeline_select(struct af_pipeline *p, const char *const *skip, const char *const *only,
                       const char *from, const char *to, struct af_error *err)
{
	size_t n = p->n;
	char *keep = af_calloc(n ? n : 1, 1);
	int rc = -1;
	if (only && *only) {
		for (const char *const *o = only; *o; o++) {
			int i = stage_index(p, *o, "--only", err);
			if (i < 0)
				goto out;
			keep[i] = 1;
		}
	} else {
		int lo = 0, hi = (int)n - 1;
		if (from && (lo = stage_index(p, from, "--from", err)) < 0)
			goto out;
		if (to && (hi = stage_index(p, to, "--to", err)) < 0)
			goto out;
		if (lo > hi) {
			af_error_set(err, "--from %s comes after --to %s in %s", from, to, p->file);
			goto out;
		}
		for (int i = lo; i <= hi; i++)
			keep[i] = p->stages[i].enabled;
	}
	for (const char *const *s = skip; s && *s; s++) {
		int i = stage_index(p, *s, "--skip", err);
		if (i < 0)
			goto out;
		keep[i] = 0;
	}
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (keep[i])
			p->stages[j++] = p->stages[i];
		else
			stage_free(&p->stages[i]);
	}
	p->n = j;
	if (!p->n) {
		af_error_set(err, "%s: no stage left to run", p->file);
		goto out;
	}
	rc = 0;
out:
	free(keep);
	return rc;
}

/* ---- tool lookup ---- */

static int executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The first PATH entry holding an executable name, malloc'd, or NULL. */
static char *path_lookup(const char *name)
{
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *d = path;;) {
		const char *colon = strchr(d, ':');
		size_t len = colon ? (size_t)(colon - d) : strlen(d);
		struct af_buf b = {0};
		af_buf_add(&b, len ? d : ".", len ? len : 1);
		af_buf_addc(&b, '/');
		af_buf_adds(&b, name);
		if (executable(b.p))
			return b.p;
		af_buf_free(&b);
		if (!colon)
			return NULL;
		d = colon + 1;
	}
}

static char *find_tool(const char *tool, const char *pdir, const char *self_dir)
{
	if (strchr(tool, '/')) {
		char *p = join(pdir, tool);
		if (executable(p))
			return p;
		free(p);
		return NULL;
	}
	if (self_dir) {
		char *p = join(self_dir, tool);
		if (executable(p))
			return p;
		free(p);
	}
	return path_lookup(tool);
}

int af_pipeline_resolve(struct af_pipeline *p, const char *self_dir, struct af_error *err)
{
	for (size_t i = 0; i < p->n; i++) {
		struct af_stage *s = &p->stages[i];
		const char *tool = s->sh ? "/bin/sh" : s->argv[0];
		/* a --stage tool with a '/' is relative to the working directory, like in a shell */
		const char *dir = strncmp(s->where, "--stage", 7) == 0 ? "." : p->dir;
		free(s->path);
		s->path = find_tool(tool, dir, self_dir);
		if (!s->path) {
			if (strchr(tool, '/'))
				af_error_set(err, "%s: unknown tool '%s': %s is not an executable file", s->where, tool,
				             strncmp(s->where, "--stage", 7) == 0 ? tool : "its path (relative to the pipeline file)");
			else
				af_error_set(err, "%s: unknown tool '%s': not found next to af-run (%s) nor in PATH", s->where,
				             tool, self_dir ? self_dir : "unknown directory");
			return -1;
		}
		add_dep(p, s->path);
	}
	return 0;
}

char *af_self_dir(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n > 0) {
		buf[n] = '\0';
		return dir_of(buf);
	}
	if (argv0 && strchr(argv0, '/') && realpath(argv0, buf))
		return dir_of(buf);
	return NULL;
}

/* ---- --print ---- */

static int shell_safe(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      strchr("_@%+=:,./-", *s)))
			return 0;
	return 1;
}

void af_shell_quote(struct af_buf *b, const char *s)
{
	if (shell_safe(s)) {
		af_buf_adds(b, s);
		return;
	}
	af_buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			af_buf_adds(b, "'\\''");
		else
			af_buf_addc(b, *s);
	}
	af_buf_addc(b, '\'');
}

void af_pipeline_print(const struct af_pipeline *p, char *const *files, int nfiles, FILE *out)
{
	struct af_buf b = {0};
	af_buf_grow(&b, 0);
	if (nfiles > 1) {
		af_buf_adds(&b, "cat --");
		for (int i = 0; i < nfiles; i++) {
			af_buf_addc(&b, ' ');
			af_shell_quote(&b, files[i]);
		}
		af_buf_adds(&b, " | ");
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct af_stage *s = &p->stages[i];
		if (i)
			af_buf_adds(&b, " | ");
		for (size_t e = 0; e < s->nenv; e++) {
			const char *eq = strchr(s->env[e], '=');
			af_buf_add(&b, s->env[e], (size_t)(eq - s->env[e] + 1));
			af_buf_grow(&b, 0);
			af_shell_quote(&b, eq + 1);
			af_buf_addc(&b, ' ');
		}
		/* the word the shell would find the same tool with */
		const char *cmd = s->argv[0];
		char *found = NULL;
		if (s->sh) {
			/* sh -c SCRIPT: any POSIX sh will do */
		} else if (s->path && !strchr(cmd, '/')) {
			found = path_lookup(cmd);
			if (!found || strcmp(found, s->path) != 0)
				cmd = s->path;
		} else if (s->path && strncmp(s->where, "--stage", 7) != 0) {
			cmd = s->path; /* relative to the pipeline file, not to the shell's directory */
		}
		if (strchr(cmd, '=')) {
			/* quoted, so that it cannot read as an assignment */
			af_buf_addc(&b, '\'');
			for (const char *c = cmd; *c; c++)
				af_buf_adds(&b, *c == '\'' ? "'\\''" : (char[]){*c, 0});
			af_buf_addc(&b, '\'');
		} else {
			af_shell_quote(&b, cmd);
		}
		free(found);
		for (size_t a = 1; s->argv[a]; a++) {
			af_buf_addc(&b, ' ');
			af_shell_quote(&b, s->argv[a]);
		}
		if (i == 0 && nfiles == 1 && strcmp(files[0], "-") != 0) {
			af_buf_adds(&b, " < ");
			af_shell_quote(&b, files[0]);
		}
	}
	af_buf_addc(&b, '\n');
	fputs(b.p, out);
	af_buf_free(&b);
}
