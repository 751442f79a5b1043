/* clean.c - a page's text dump to an article record.
 *
 * The dump is cut into blocks (its non-empty lines). Each block is measured
 * (words, final punctuation, blank lines around it, repeats elsewhere in the
 * page) and matched against the boilerplate rules of data/clean.yaml. The
 * body is the run of blocks with the best prose score (a maximum-sum segment:
 * prose adds, menus and prompts subtract), cut at the first "stop" block
 * (disclaimer, comments). Title, byline, stamps, dateline and credits are
 * read from the blocks around it; everything dropped is listed by kind. */
#include "af/clean.h"
#include "af/data.h"
#include "af/dates.h"
#include "af/pattern.h"
#include "af/utf8.h"
#include "af/yaml.h"

/* Windows that keep af-clean linear in the number of lines (issue 15, af-clean(1)): the
 * title is looked for among the first TITLE_WINDOW lines, and a teaser's full paragraph
 * within TEASER_WINDOW lines of it. */
#define TITLE_WINDOW 200
#define TEASER_WINDOW 500

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the compiled-in data this module reads */
AF_DATA_USE(clean_yaml);

static const char *const kinds[] = {
	"title-repeat", "teaser", "byline", "stamp", "disclaimer", "app-prompt", "share-prompt",
	"subscribe-prompt", "related", "photo-credit", "caption", "cookie", "copyright", "ad", "nav",
	"comments", "other", NULL,
};
enum kind {
	K_NONE = -1, K_TITLE_REPEAT = 0, K_TEASER, K_BYLINE, K_STAMP, K_DISCLAIMER, K_APP, K_SHARE,
	K_SUBSCRIBE, K_RELATED, K_PHOTO, K_CAPTION, K_COOKIE, K_COPYRIGHT, K_AD, K_NAV, K_COMMENTS, K_OTHER
};

struct rule {
	int kind, stop;
	long max_chars;     /* the rule applies to blocks up to this long (0: any) */
	char *src[3];         /* the rule's patterns: [0] at the start, [1] anywhere, [2] at the end */
	char **needs;         /* "contains" and "ends" run only when the block has one of these */
	size_t *needlen;
	size_t nneeds;
};

/* A whole-block phrase ("lines"), by its key: lower case words joined by one space. */
struct phrase {
	char *key;
	size_t rule;
};

struct agency {
	char *name;
	int zone, has_zone;
};

struct af_cleaner {
	struct af_dates *dates;
	struct rule *rules;
	size_t nrules;
	struct agency *ag;
	size_t nag;
	char **alias;  /* alias i belongs to agency alias_ag[i] */
	size_t *alias_ag;
	size_t nalias;
	pcre2_code *re_agency, *re_dateline;
	pcre2_code *re_rules;    /* every rule's anchored part with its mark, in rule order */
	pcre2_code **re_part[2]; /* by rule: its "contains" and "ends" parts, or NULL */
	size_t nrules_built;
	struct phrase *phrases;  /* sorted by key */
	size_t nphrases;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	size_t block_chars;      /* the length of the block being matched, for the callout */
	int debug;               /* print the block table on stderr (AF_CLEAN_DEBUG=1) */
	struct af_buf lower;     /* scratch: a block in lower case */
};

/* ---- loading ---- */

static int kind_of(const char *s)
{
	for (int i = 0; kinds[i]; i++)
		if (!strcmp(kinds[i], s))
			return i;
	return -1;
}

static int check_pattern(const struct af_ynode *n, struct af_error *err)
{
	struct af_error why;
	pcre2_code *re = af_re_compile(n->str, n->len, PCRE2_CASELESS, &why);
	if (!re)
		return af_yerr(err, n, "bad pattern: %s", why.msg + strlen("pattern does not compile: "));
	uint32_t names = 0;
	pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &names);
	pcre2_code_free(re);
	if (names)
		return af_yerr(err, n, "named groups are not allowed in rule patterns");
	return 0;
}

static void free_rule(struct rule *r)
{
	for (int w = 0; w < 3; w++)
		free(r->src[w]);
	for (size_t i = 0; i < r->nneeds; i++)
		free(r->needs[i]);
	free(r->needs);
	free(r->needlen);
}

/* The key of a whole-block phrase: its words in lower case, joined by one space. */
static void phrase_key(const char *s, size_t n, struct af_buf *out)
{
	size_t i = 0;
	int gap = 0;
	af_buf_reset(out);
	af_buf_grow(out, 2 * n + 8); /* lower case may take more bytes, spaces are at most one per gap */
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80) { /* ASCII without the Unicode tables */
			i++;
			if ((unsigned)((ch | 0x20) - 'a') < 26u || (unsigned)(ch - '0') < 10u) {
				if (gap && out->len)
					out->p[out->len++] = ' ';
				out->p[out->len++] = (char)(ch >= 'A' && ch <= 'Z' ? ch | 0x20 : ch);
				gap = 0;
			} else {
				gap = 1;
			}
			continue;
		}
		uint32_t cp = af_utf8_next(s, &i);
		if (af_uni_isalpha(cp) || af_uni_isdigit(cp)) {
			if (gap && out->len)
				out->p[out->len++] = ' ';
			out->len += af_utf8_put(af_uni_tolower(cp), out->p + out->len);
			gap = 0;
		} else {
			gap = 1;
		}
	}
	out->p[out->len] = '\0';
}

static void add_phrase(struct af_cleaner *c, const char *s, size_t rule)
{
	struct af_buf k = {0};
	phrase_key(s, strlen(s), &k);
	c->phrases = af_realloc(c->phrases, (c->nphrases + 1) * sizeof *c->phrases);
	c->phrases[c->nphrases++] = (struct phrase){k.p ? k.p : af_strdup(""), rule};
}

static int by_key(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int d = strcmp(x->key, y->key);
	return d ? d : (x->rule < y->rule ? -1 : x->rule > y->rule);
}

static int load_rule(struct af_cleaner *c, const struct af_ynode *r, size_t index, struct rule *out,
                     struct af_error *err)
{
	static const char *const keys[] = {"kind",     "stop",     "lines", "starts", "patterns",
	                                   "contains", "ends", "max_chars", "needs", NULL};
	if (af_ymap_check(r, keys, err) < 0)
		return -1;
	const struct af_ynode *k = af_ymap_get(r, "kind");
	if (!k)
		return af_yerr(err, r, "a rule needs a kind");
	if (af_yscalar(k, "a kind", err) < 0)
		return -1;
	int kind = kind_of(k->str);
	if (kind < 0)
		return af_yerr(err, k, "unknown kind '%s' (expected one of the kinds in DESIGN.md: title-repeat, "
		                       "teaser, byline, stamp, disclaimer, app-prompt, share-prompt, subscribe-prompt, "
		                       "related, photo-credit, caption, cookie, copyright, ad, nav, comments, other)",
		               k->str);
	int stop = 0;
	const struct af_ynode *s = af_ymap_get(r, "stop");
	if (s && af_ybool(s, &stop, err) < 0)
		return -1;
	long max_chars = 0;
	const struct af_ynode *mc = af_ymap_get(r, "max_chars");
	if (mc && (af_yscalar(mc, "a number", err) < 0 || af_parse_long(mc->str, 1, 1000000, &max_chars) < 0))
		return af_yerr(err, mc, "max_chars: expected a number 1-1000000");
	struct af_buf src[3] = {{0}, {0}, {0}}; /* at the start, anywhere, at the end */
	static const char *const lists[] = {"lines", "starts", "patterns", "contains", "ends"};
	int rc = -1;
	for (int l = 0; l < 5; l++) {
		const struct af_ynode *seq = af_ymap_get(r, lists[l]);
		struct af_buf *b = &src[l <= 2 ? 0 : l - 2];
		if (!seq)
			continue;
		if (seq->type != AF_Y_SEQ) {
			af_yerr(err, seq, "%s: expected a list, found %s", lists[l], af_ytype_name(seq));
			goto out;
		}
		for (size_t i = 0; i < seq->n; i++) {
			const struct af_ynode *p = seq->kids[i];
			if (af_yscalar(p, "a string", err) < 0 || (l >= 2 && check_pattern(p, err) < 0))
				goto out;
			if (l == 0) {
				add_phrase(c, p->str, index);
				continue;
			}
			if (b->len)
				af_buf_addc(b, '|');
			af_buf_adds(b, "(?:");
			if (l == 1) {
				af_buf_adds(b, "[\\W_]*");
				af_re_quote(b, p->str, 1);
				af_buf_adds(b, "(?!\\w)");
			} else {
				af_buf_adds(b, p->str);
			}
			af_buf_adds(b, l == 4 ? ")$" : ")");
		}
	}
	if (!src[0].len && !src[1].len && !src[2].len && !af_ymap_get(r, "lines")) {
		af_yerr(err, r, "a rule needs lines, starts, patterns, contains or ends");
		goto out;
	}
	*out = (struct rule){kind, stop, max_chars, {src[0].p, src[1].p, src[2].p}, NULL, NULL, 0};
	const struct af_ynode *needs = af_ymap_get(r, "needs");
	if (needs) {
		if (needs->type != AF_Y_SEQ || !needs->n) {
			af_yerr(err, needs, "needs: expected a list of words, found %s", af_ytype_name(needs));
			free_rule(out);
			return -1;
		}
		out->needs = af_calloc(needs->n, sizeof *out->needs);
		out->needlen = af_calloc(needs->n, sizeof *out->needlen);
		for (size_t i = 0; i < needs->n; i++) {
			if (af_yscalar(needs->kids[i], "a word", err) < 0 || !needs->kids[i]->len) {
				free_rule(out);
				return af_yerr(err, needs->kids[i], "needs: expected a non-empty word");
			}
			char *w = af_strdup(needs->kids[i]->str);
			for (char *q = w; *q; q++)
				if (*q >= 'A' && *q <= 'Z')
					*q = (char)(*q | 0x20);
			out->needlen[out->nneeds] = strlen(w);
			out->needs[out->nneeds++] = w;
		}
	}
	rc = 0;
	for (int w = 0; w < 3; w++) /* each part compiles on its own (for its error message) */
		if (out->src[w]) {
			pcre2_code *re = af_re_compile(out->src[w], PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, err);
			if (!re) {
				af_yerr(err, r, "%s", err->msg);
				rc = -1;
			}
			pcre2_code_free(re);
		}
	if (rc == 0)
		return 0;
	free_rule(out);
	return -1;
out:
	for (int w = 0; w < 3; w++)
		af_buf_free(&src[w]);
	return rc;
}

static int load_agencies(struct af_cleaner *c, const struct af_ynode *seq, struct af_error *err)
{
	static const char *const keys[] = {"name", "aliases", "zone", NULL};
	if (seq->type != AF_Y_SEQ)
		return af_yerr(err, seq, "agencies: expected a list, found %s", af_ytype_name(seq));
	for (size_t i = 0; i < seq->n; i++) {
		const struct af_ynode *a = seq->kids[i], *name, *aliases, *zone;
		if (af_ymap_check(a, keys, err) < 0)
			return -1;
		if (!(name = af_ymap_get(a, "name")) || af_yscalar(name, "a name", err) < 0)
			return name ? -1 : af_yerr(err, a, "an agency needs a name");
		size_t idx;
		for (idx = 0; idx < c->nag; idx++)
			if (!strcmp(c->ag[idx].name, name->str))
				break;
		if (idx == c->nag) {
			c->ag = af_realloc(c->ag, (c->nag + 1) * sizeof *c->ag);
			c->ag[c->nag++] = (struct agency){af_strdup(name->str), 0, 0};
		}
		if ((zone = af_ymap_get(a, "zone"))) {
			if (af_yscalar(zone, "an offset", err) < 0)
				return -1;
			const char *z = zone->str;
			int sign = z[0] == '-' ? -1 : 1, h, m;
			if ((z[0] != '+' && z[0] != '-') || sscanf(z + 1, "%d:%d", &h, &m) != 2 || h > 14 || m > 59)
				return af_yerr(err, zone, "expected an offset like \"+05:30\", found '%s'", z);
			c->ag[idx].zone = sign * (h * 60 + m);
			c->ag[idx].has_zone = 1;
		}
		const char *own[] = {name->str};
		aliases = af_ymap_get(a, "aliases");
		if (aliases && aliases->type != AF_Y_SEQ)
			return af_yerr(err, aliases, "aliases: expected a list, found %s", af_ytype_name(aliases));
		size_t na = aliases ? aliases->n : 0;
		for (size_t j = 0; j <= na; j++) {
			const char *s = j < na ? aliases->kids[j]->str : own[0];
			if (j < na && af_yscalar(aliases->kids[j], "a name", err) < 0)
				return -1;
			c->alias = af_realloc(c->alias, (c->nalias + 1) * sizeof *c->alias);
			c->alias_ag = af_realloc(c->alias_ag, (c->nalias + 1) * sizeof *c->alias_ag);
			c->alias[c->nalias] = af_strdup(s);
			c->alias_ag[c->nalias++] = idx;
		}
	}
	return 0;
}

static int by_len(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
	return la < lb ? 1 : la > lb ? -1 : 0;
}

/* A rule with max_chars fails on longer blocks: returning non-zero backtracks. */
static int length_callout(pcre2_callout_block *cb, void *data)
{
	const struct af_cleaner *c = data;
	size_t r = cb->callout_string ? (size_t)strtoul((const char *)cb->callout_string, NULL, 10)
	                              : cb->callout_number;
	return r < c->nrules && c->block_chars > (size_t)c->rules[r].max_chars;
}

/* The compiled rule patterns (kept apart from the rules, which they are built from). */
static void free_patterns(struct af_cleaner *c)
{
	pcre2_code_free(c->re_rules);
	c->re_rules = NULL;
	for (int w = 0; w < 2; w++) {
		for (size_t i = 0; c->re_part[w] && i < c->nrules_built; i++)
			pcre2_code_free(c->re_part[w][i]);
		free(c->re_part[w]);
		c->re_part[w] = NULL;
	}
}

static int build(struct af_cleaner *c, struct af_error *err)
{
	struct af_buf b = {0};
	pcre2_code_free(c->re_agency);
	pcre2_code_free(c->re_dateline);
	pcre2_match_data_free(c->md);
	/* rules: one alternation of the anchored parts, each followed by its rule's length check
	 * (a callout) and its mark, in rule order; the "contains" parts one by one, as one
	 * unanchored alternation would lose pcre2's start-of-match optimisations */
	free_patterns(c);
	for (int w = 0; w < 2; w++)
		c->re_part[w] = af_calloc(c->nrules + 1, sizeof **c->re_part);
	c->nrules_built = c->nrules;
	af_buf_reset(&b);
	for (size_t i = 0; i < c->nrules; i++) {
		for (int w = 0; w < 2; w++)
			if (c->rules[i].src[w + 1] &&
			    !(c->re_part[w][i] =
			          af_re_compile(c->rules[i].src[w + 1], PCRE2_ZERO_TERMINATED, PCRE2_CASELESS, err)))
				return af_buf_free(&b), -1;
		if (!c->rules[i].src[0])
			continue;
		if (b.len)
			af_buf_addc(&b, '|');
		if (c->rules[i].max_chars)
			af_buf_printf(&b, i < 256 ? "(?C%zu)" : "(?C'%zu')", i);
		af_buf_printf(&b, "(?:%s)(*:%zu)", c->rules[i].src[0], i);
	}
	c->re_rules = af_re_compile(b.len ? b.p : "(?!)", PCRE2_ZERO_TERMINATED, PCRE2_CASELESS | PCRE2_ANCHORED, err);
	if (!c->re_rules)
		return af_buf_free(&b), -1;
	af_buf_reset(&b);
	/* agencies: longest alias first; index by mark */
	size_t *order = af_malloc((c->nalias + 1) * sizeof *order);
	char **sorted = af_malloc((c->nalias + 1) * sizeof *sorted);
	memcpy(sorted, c->alias, c->nalias * sizeof *sorted);
	qsort(sorted, c->nalias, sizeof *sorted, by_len);
	af_buf_adds(&b, "(?<![\\w])(?:");
	for (size_t i = 0; i < c->nalias; i++) {
		size_t k;
		for (k = 0; k < c->nalias; k++)
			if (c->alias[k] == sorted[i])
				break;
		order[i] = k;
		if (i)
			af_buf_addc(&b, '|');
		af_re_quote(&b, sorted[i], 1);
		af_buf_printf(&b, "(*:%zu)", c->alias_ag[k]);
	}
	af_buf_adds(&b, ")(?![\\w])");
	free(order);
	free(sorted);
	c->re_agency = af_re_compile(c->nalias ? b.p : "(?!)", PCRE2_ZERO_TERMINATED, 0, err);
	/* datelines: PLACE[, Country] then a date, an (AGENCY), or a dash after a capitalised place */
	af_buf_reset(&b);
	const char *M = af_dates_month_alt(c->dates);
	af_buf_printf(&b,
	              "^(?<place>\\p{Lu}[\\p{L}'’.]*(?:[ -]\\p{Lu}[\\p{L}'’.]*){0,3}"
	              "(?:,\\s*(?!(?i:%s)\\b)\\p{Lu}[\\p{L}'’.]*(?:\\s\\p{Lu}[\\p{L}'’.]*){0,2})?)"
	              "(?:\\s*,?\\s*(?:(?<mon>(?i:%s))\\.?\\s+(?<day>\\d{1,2})|(?<day>\\d{1,2})\\s+(?<mon>(?i:%s))\\.?)"
	              "(?:,?\\s+(?<year>(?:19|20)\\d\\d))?(?:\\s*\\((?<agency>[^()]{2,40})\\))?\\s*(?<dash>[-–—:]+)?"
	              "|\\s*\\((?<agency>[^()]{2,40})\\)\\s*(?<dash>[-–—:]+)?"
	              "|\\s*(?<dash>[-–—:]+|\\s[-–—]\\s))\\s*(?=[\\p{Lu}\"“‘'\\d])",
	              M, M, M);
	c->re_dateline = af_re_compile(b.p, PCRE2_ZERO_TERMINATED, PCRE2_DUPNAMES, err);
	af_buf_free(&b);
	c->md = pcre2_match_data_create(64, NULL);
	if (!c->mctx) {
		c->mctx = pcre2_match_context_create(NULL);
		pcre2_set_callout(c->mctx, length_callout, c);
	}
	return c->re_agency && c->re_dateline ? 0 : -1;
}

/* Rules of a lexicon go before the ones loaded so far (later lexicons win). */
static int merge(struct af_cleaner *c, const struct af_ynode *root, struct af_error *err)
{
	static const char *const keys[] = {"agencies", "rules", "months", "weekdays", "zones", "labels", NULL};
	if (af_ymap_check(root, keys, err) < 0)
		return -1;
	const struct af_ynode *n;
	if ((n = af_ymap_get(root, "agencies")) && load_agencies(c, n, err) < 0)
		return -1;
	if ((n = af_ymap_get(root, "rules"))) {
		if (n->type != AF_Y_SEQ)
			return af_yerr(err, n, "rules: expected a list, found %s", af_ytype_name(n));
		size_t nold_phrases = c->nphrases;
		struct rule *rules = af_calloc(c->nrules + n->n, sizeof *rules);
		for (size_t i = 0; i < n->n; i++)
			if (load_rule(c, n->kids[i], i, &rules[i], err) < 0) {
				for (size_t j = 0; j < i; j++)
					free_rule(&rules[j]);
				free(rules);
				for (size_t j = nold_phrases; j < c->nphrases; j++)
					free(c->phrases[j].key);
				c->nphrases = nold_phrases;
				return -1;
			}
		for (size_t j = 0; j < nold_phrases; j++) /* the older rules now come after these */
			c->phrases[j].rule += n->n;
		if (c->nrules)
			memcpy(rules + n->n, c->rules, c->nrules * sizeof *rules);
		free(c->rules);
		c->rules = rules;
		c->nrules += n->n;
		qsort(c->phrases, c->nphrases, sizeof *c->phrases, by_key);
	}
	if (af_dates_merge(c->dates, root, err) < 0)
		return -1;
	return build(c, err);
}

struct af_cleaner *af_cleaner_new(struct af_error *err)
{
	struct af_cleaner *c = af_calloc(1, sizeof *c);
	const struct af_datafile *f = af_data_find("clean.yaml");
	struct af_ynode *root = f ? af_yaml_parse(f->data, f->len, "clean.yaml", err) : NULL;
	if (!f)
		af_error_set(err, "clean.yaml is not compiled in");
	if (!root || !(c->dates = af_dates_new(err)) || merge(c, root, err) < 0) {
		af_yaml_free(root);
		af_cleaner_free(c);
		return NULL;
	}
	af_yaml_free(root);
	const char *dbg = getenv("AF_CLEAN_DEBUG");
	c->debug = dbg && *dbg && strcmp(dbg, "0") != 0;
	return c;
}

int af_cleaner_load(struct af_cleaner *c, const char *path, struct af_error *err)
{
	struct af_ynode *root = af_yaml_load(path, err);
	if (!root)
		return -1;
	int rc = merge(c, root, err);
	af_yaml_free(root);
	return rc;
}

void af_cleaner_free(struct af_cleaner *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrules; i++)
		free_rule(&c->rules[i]);
	free(c->rules);
	for (size_t i = 0; i < c->nag; i++)
		free(c->ag[i].name);
	free(c->ag);
	for (size_t i = 0; i < c->nalias; i++)
		free(c->alias[i]);
	free(c->alias);
	free(c->alias_ag);
	pcre2_code_free(c->re_agency);
	pcre2_code_free(c->re_dateline);
	free_patterns(c);
	for (size_t i = 0; i < c->nphrases; i++)
		free(c->phrases[i].key);
	free(c->phrases);
	pcre2_match_context_free(c->mctx);
	pcre2_match_data_free(c->md);
	af_buf_free(&c->lower);
	af_dates_free(c->dates);
	free(c);
}

json_t *af_clean_hash_id(const char *s, size_t len)
{
	/* eight bytes at a time, each step multiplied and folded; the tail byte by byte,
	 * the length mixed in: stable across runs and machines (little-endian reads) */
	uint64_t h = 0x243F6A8885A308D3ull ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		w = __builtin_bswap64(w);
#endif
		h = (h ^ w) * 0x9E3779B97F4A7C15ull;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ull;
	h ^= h >> 32;
	char buf[24];
	snprintf(buf, sizeof buf, "h%016" PRIx64, h);
	return json_string(buf);
}

/* ---- blocks ---- */

struct block {
	char *s; /* normalised text */
	size_t len;
	int words, chars;
	int end_punct, gap_before, gap_after, ellipsis;
	int dups;   /* other blocks with the same text */
	int kind;   /* K_* from the rules, teaser/title checks, or K_NONE */
	size_t rule; /* the rule that matched, or (size_t)-1 */
	int stop;
	int keep;
	double score;
};

static int is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* One line of the dump into b: whitespace runs folded to one space, zero-width characters
 * and soft hyphens dropped, trimmed; and measured on the way: characters, words (a CJK
 * character counts half), final punctuation, a final ellipsis. b->len is 0 for a blank line. */
static void fold_block(const char *s, size_t n, struct block *b)
{
	char *o = af_malloc(n + 1);
	size_t k = 0, i = 0;
	int space = 0, inword = 0, cjk = 0;
	uint32_t last = 0, prev = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (ch > 0x20 && ch < 0x7F) { /* ASCII, not space */
			if (space && k) {
				o[k++] = ' ';
				b->chars++;
				inword = 0;
				last = ' ';
			}
			space = 0;
			o[k++] = (char)ch;
			b->chars++;
			int alnum = (unsigned)((ch | 0x20) - 'a') < 26u || (unsigned)(ch - '0') < 10u;
			b->words += alnum && !inword;
			inword = alnum;
			prev = last;
			last = ch;
			i++;
			continue;
		}
		size_t at = i;
		uint32_t cp = af_utf8_next(s, &i);
		if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD)
			continue;
		if (af_uni_isspace(cp) || cp < 0x20 || cp == 0x7F) {
			space = 1;
			continue;
		}
		if (space && k) {
			o[k++] = ' ';
			b->chars++;
			inword = 0;
			last = ' ';
		}
		space = 0;
		memcpy(o + k, s + at, i - at);
		k += i - at;
		b->chars++;
		if (is_cjk(cp)) {
			cjk++;
			inword = 0;
		} else if (af_uni_isalpha(cp) || af_uni_isdigit(cp)) {
			b->words += !inword;
			inword = 1;
		} else {
			inword = 0;
		}
		prev = last;
		last = cp;
	}
	o[k] = '\0';
	b->s = o;
	b->len = k;
	b->words += cjk / 2;
	/* closing quotes and brackets after the final stop count as final punctuation */
	uint32_t e = last;
	if ((e == '"' || e == 0x201D || e == 0x2019 || e == '\'' || e == ')' || e == 0xBB) && prev)
		e = prev;
	b->ellipsis = last == 0x2026 || (k >= 3 && !memcmp(o + k - 3, "...", 3));
	b->end_punct = !b->ellipsis && (e == '.' || e == '!' || e == '?' || e == 0x3002 || e == 0xFF01 ||
	                                e == 0xFF1F || e == ':' || e == ';');
}

static int cmp_blockp(const void *a, const void *b)
{
	const struct block *x = *(struct block *const *)a, *y = *(struct block *const *)b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->s, y->s, x->len);
}

static void count_dups(struct block *bl, size_t n)
{
	struct block **p = af_malloc((n + 1) * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &bl[i];
	qsort(p, n, sizeof *p, cmp_blockp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && cmp_blockp(&p[i], &p[j]) == 0)
			j++;
		for (size_t k = i; k < j; k++)
			p[k]->dups = (int)(j - i - 1);
		i = j;
	}
	free(p);
}

/* ---- the pieces of an article ---- */

struct doc {
	struct af_cleaner *c;
	struct block *b;
	size_t n;
	int title;       /* block index or -1 */
	char *title_s;   /* the title text (maybe without a site suffix) */
	size_t title_len;
};

/* The first rule (in rule order) that matches the block, or (size_t)-1. The phrases and
 * anchored patterns are tried when parts has RULES_START; the "contains" patterns with
 * RULES_ANYWHERE and the "ends" ones with RULES_END, but only for rules before hit. */
enum { RULES_START = 1, RULES_ANYWHERE = 2, RULES_END = 4 };

/* Does s[0..n) hold word w (m bytes)? memchr finds the candidates. */
static int holds(const char *s, size_t n, const char *w, size_t m)
{
	const char *p = s, *end = s + n;
	while (m && (size_t)(end - p) >= m && (p = memchr(p, w[0], (size_t)(end - p) - m + 1))) {
		if (!memcmp(p, w, m))
			return 1;
		p++;
	}
	return 0;
}

static int needs_met(const struct rule *r, const char *lower, size_t n)
{
	for (size_t k = 0; k < r->nneeds; k++)
		if (holds(lower, n, r->needs[k], r->needlen[k]))
			return 1;
	return 0;
}

static size_t rule_match(struct af_cleaner *c, const struct block *b, struct af_buf *key, int parts, size_t hit)
{
	char *lower = NULL; /* the block with ASCII letters in lower case, made when a rule needs it */
	struct af_buf *lb = &c->lower;
	c->block_chars = (size_t)b->chars;
	if ((parts & RULES_START) && b->chars <= 80) { /* whole-block phrases */
		phrase_key(b->s, b->len, key);
		const char *k = key->p ? key->p : "";
		size_t lo = 0, hi = c->nphrases;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(c->phrases[mid].key, k) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < c->nphrases && !strcmp(c->phrases[lo].key, k) && c->phrases[lo].rule < hit)
			hit = c->phrases[lo].rule;
	}
	if ((parts & RULES_START) &&
	    pcre2_match(c->re_rules, (PCRE2_SPTR)b->s, b->len, 0, PCRE2_NO_UTF_CHECK, c->md, c->mctx) >= 0) {
		PCRE2_SPTR mark = pcre2_get_mark(c->md);
		size_t r = mark ? (size_t)strtoul((const char *)mark, NULL, 10) : (size_t)-1;
		if (r < hit)
			hit = r;
	}
	/* "ends" patterns are tried on the last 240 bytes only */
	size_t tail = b->len > 240 ? b->len - 240 : 0;
	while (tail > 0 && ((unsigned char)b->s[tail] & 0xC0) == 0x80)
		tail++;
	for (size_t i = 0; i < c->nrules && i < hit; i++) {
		if (c->rules[i].max_chars && b->chars > c->rules[i].max_chars)
			continue;
		if (c->rules[i].nneeds && (c->re_part[0][i] || c->re_part[1][i]) && (parts & (RULES_ANYWHERE | RULES_END))) {
			if (!lower) {
				af_buf_reset(lb);
				af_buf_grow(lb, b->len);
				lower = lb->p;
				for (size_t k = 0; k < b->len; k++)
					lower[k] = (char)(b->s[k] >= 'A' && b->s[k] <= 'Z' ? b->s[k] | 0x20 : b->s[k]);
			}
			if (!needs_met(&c->rules[i], lower, b->len))
				continue;
		}
		for (int w = 0; w < 2; w++) {
			pcre2_code *re = c->re_part[w][i];
			if (re && (parts & (w ? RULES_END : RULES_ANYWHERE)) &&
			    pcre2_match(re, (PCRE2_SPTR)b->s, b->len, w ? tail : 0, PCRE2_NO_UTF_CHECK, c->md, NULL) >= 0)
				hit = i;
		}
	}
	return hit;
}

/* A paragraph of prose, as far as its shape tells. */
static int prose_shaped(const struct block *b)
{
	return (b->words >= 6 && b->end_punct) || b->words >= 25;
}

/* Splits "A | B", "A - B", "A – B": returns the length of A, or 0 when no separator. */
static size_t title_head(const char *s, size_t n)
{
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " • ", NULL};
	size_t best = 0;
	for (int k = 0; seps[k]; k++) {
		size_t l = strlen(seps[k]);
		for (size_t i = n; i-- > 0;)
			if (i + l <= n && !memcmp(s + i, seps[k], l)) {
				if (!best || i < best)
					best = i;
				break;
			}
	}
	return best;
}

/* Is block b a repeat of the title: the title alone, or the title and separators
 * with the title again or a short site name. */
static int is_title_repeat(const struct doc *d, const struct block *b)
{
	if (!d->title_s)
		return 0;
	const char *s = b->s;
	size_t n = b->len, tl = d->title_len;
	if (n < tl || memcmp(s, d->title_s, tl) != 0)
		return 0;
	if (n == tl)
		return 1;
	const char *rest = s + tl;
	size_t rn = n - tl, k = 0;
	while (k < rn && strchr(" |-:·•", rest[k]))
		k++;
	if (k == 0 && !(rn >= 3 && (!memcmp(rest, "–", 3) || !memcmp(rest, "—", 3))))
		return 0;
	while (k < rn && (rest[k] == ' ' || !memcmp(rest + k, "–", 3) || !memcmp(rest + k, "—", 3)))
		k += rest[k] == ' ' ? 1 : 3;
	rest += k;
	rn -= k;
	if (rn == tl && !memcmp(rest, d->title_s, tl))
		return 1;
	int words = 0, inword = 0;
	for (size_t i = 0; i < rn; i++) {
		int w = rest[i] != ' ';
		words += w && !inword;
		inword = w;
	}
	return words <= 5;
}

static int title_like(const struct block *b)
{
	return b->kind == K_NONE && b->words >= 3 && b->words <= 35 && b->chars <= 300 && !b->ellipsis &&
	       !(b->end_punct && b->words > 25);
}

static void find_title(struct doc *d, size_t body_start)
{
	double best = -1;
	d->title = -1;
	size_t lim = body_start < d->n ? body_start : d->n;
	if (lim > TITLE_WINDOW) /* the title is near the top: linear time on 500k lines (issue 15) */
		lim = TITLE_WINDOW;
	for (size_t i = 0; i < lim; i++) {
		struct block *b = &d->b[i];
		if (!title_like(b))
			continue;
		double sc = 0;
		if (b->dups)
			sc += 3;
		else
			for (size_t j = 0; j < d->n; j++) /* "T | T" or "T | Site" elsewhere */
				if (j != i && d->b[j].len > b->len && !memcmp(d->b[j].s, b->s, b->len) &&
				    title_head(d->b[j].s, d->b[j].len) == b->len) {
					sc += 3;
					break;
				}
		for (size_t j = i + 1; j < lim && j <= i + 3; j++)
			if (d->b[j].kind == K_BYLINE || d->b[j].kind == K_STAMP)
				sc += 2;
		sc += 2.0 / (1.0 + (double)(body_start - i) / 4.0);
		if (b->words >= 5 && b->words <= 20)
			sc += 1;
		if (!b->end_punct)
			sc += 0.5;
		else if (b->s[b->len - 1] == '.')
			sc -= 3; /* headlines rarely end with a full stop */
		if (sc > best) {
			best = sc;
			d->title = (int)i;
		}
	}
	if (d->title < 0)
		return;
	struct block *t = &d->b[d->title];
	size_t head = title_head(t->s, t->len);
	d->title_s = t->s;
	d->title_len = t->len;
	if (head) {
		/* "Headline | Site": keep the headline when the rest is short */
		const char *rest = t->s + head;
		int words = 0, inword = 0;
		for (size_t i = 0; rest + i < t->s + t->len; i++) {
			int w = rest[i] != ' ' && rest[i] != '|' && rest[i] != '-';
			words += w && !inword;
			inword = w;
		}
		if (words <= 4)
			d->title_len = head;
	}
}

/* this many packed non-prose lines in a row (a menu, a list of links) end any body run */
#define BARRIER 10

static double block_score(const struct block *b)
{
	if (b->kind != K_NONE)
		return b->stop ? -30 : -6;
	if (b->dups)
		return -4;
	int prose = b->end_punct || b->words >= 25;
	if (b->words >= 12 && prose)
		return b->words;
	if (b->words >= 6 && prose)
		return b->words / 2.0;
	if (b->gap_before && b->gap_after && b->words <= 12)
		return -1; /* a heading or a short paragraph: cheap to cross */
	return -3 - b->words / 4.0;
}

/* ---- metadata ---- */

static int agency_in(struct af_cleaner *c, const char *s, size_t n, size_t *at, size_t *end)
{
	int rc = pcre2_match(c->re_agency, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, c->md, NULL);
	if (rc < 0)
		return -1;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	if (at)
		*at = ov[0];
	if (end)
		*end = ov[1];
	PCRE2_SPTR mark = pcre2_get_mark(c->md);
	return mark ? (int)strtol((const char *)mark, NULL, 10) : -1;
}

static int name_like(const char *s, size_t n)
{
	int words = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		size_t w0 = i;
		uint32_t cp = af_utf8_next(s, &i);
		while (i < n && s[i] != ' ')
			i++;
		size_t wl = i - w0;
		int particle = (wl == 2 && (!memcmp(s + w0, "de", 2) || !memcmp(s + w0, "da", 2))) ||
		               (wl == 3 && (!memcmp(s + w0, "van", 3) || !memcmp(s + w0, "von", 3) ||
		                            !memcmp(s + w0, "bin", 3) || !memcmp(s + w0, "del", 3)));
		if (!af_uni_isupper(cp) && !particle)
			return 0;
		words++;
	}
	return words >= 1 && words <= 5;
}

struct meta {
	int source;
	json_t *authors;
	struct af_stamp stamps[32];
	size_t nstamps;
};

/* "By A and B | Updated: ..." -> authors, or the agency as source */
static void read_byline(struct af_cleaner *c, const struct block *b, struct meta *m)
{
	const char *s = b->s;
	size_t n = b->len, i = 0;
	static const char *const lead[] = {"written by ", "reported by ", "story by ", "posted by ", "compiled by ",
	                                   "edited by ", "words by ", "by ", "author: ", "author ", "von ", "par ",
	                                   "por ", "di ", "autor: ", NULL};
	for (int k = 0; lead[k]; k++) {
		size_t l = strlen(lead[k]);
		if (n >= l && !strncasecmp(s, lead[k], l)) {
			i = l;
			break;
		}
	}
	size_t end = n;
	for (size_t j = i; j < n; j++) {
		if (s[j] == '|' || s[j] == '(' || (s[j] >= '0' && s[j] <= '9') ||
		    (j + 2 < n && s[j] == ' ' && (s[j + 1] == '-' || s[j + 1] == '/') && s[j + 2] == ' ') ||
		    (j + 4 < n && !memcmp(s + j, " \xe2\x80", 3))) {
			end = j;
			break;
		}
	}
	struct af_stamp st[4];
	size_t ns = af_dates_scan(c->dates, s + i, end - i, st, 4);
	if (ns && st[0].start + i < end)
		end = st[0].start + i;
	/* split on commas, " and ", "&" */
	size_t p = i;
	while (p < end) {
		size_t q = p, stop = end;
		for (; q < end; q++) {
			if (s[q] == ',' || s[q] == '&' || s[q] == ';') {
				stop = q;
				break;
			}
			if (q + 5 <= end && !memcmp(s + q, " and ", 5)) {
				stop = q;
				break;
			}
		}
		size_t a = p, z = stop;
		while (a < z && (s[a] == ' ' || s[a] == ':'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '.' || s[z - 1] == ':'))
			z--;
		if (z > a) {
			size_t at, ae;
			int ag = agency_in(c, s + a, z - a, &at, &ae);
			if (ag >= 0 && at == 0 && ae == z - a) {
				if (m->source < 0)
					m->source = ag;
			} else if (name_like(s + a, z - a) && m->authors) {
				json_array_append_new(m->authors, json_stringn_nocheck(s + a, z - a));
			}
		}
		if (stop >= end)
			break;
		p = stop + (s[stop] == ' ' ? 5 : 1);
	}
	if (m->source < 0) {
		int ag = agency_in(c, s, n, NULL, NULL);
		if (ag >= 0)
			m->source = ag;
	}
}

static void add_stamps(struct af_cleaner *c, const struct block *b, struct meta *m)
{
	if (b->chars > 400)
		return;
	struct af_stamp st[8];
	size_t k = af_dates_scan(c->dates, b->s, b->len, st, 8);
	for (size_t i = 0; i < k && m->nstamps < 32; i++)
		m->stamps[m->nstamps++] = st[i];
}

/* published: the earliest stamp not labelled "updated" (with a time when one exists that day);
 * updated: the latest stamp with a time, when later than published. */
static void choose_dates(struct meta *m, int zone, int has_zone, json_t *out)
{
	struct af_stamp *pub = NULL, *upd = NULL;
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (has_zone && s->dt.has_time && !s->dt.has_off) {
			s->dt.has_off = 1;
			s->dt.off = zone;
		}
	}
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (s->label == AF_LABEL_UPDATED)
			continue;
		if (!pub) {
			pub = s;
			continue;
		}
		int same_day = s->dt.y == pub->dt.y && s->dt.mo == pub->dt.mo && s->dt.d == pub->dt.d;
		int better_day = s->dt.y * 10000 + s->dt.mo * 100 + s->dt.d < pub->dt.y * 10000 + pub->dt.mo * 100 + pub->dt.d;
		if (better_day || (same_day && ((s->dt.has_off && !pub->dt.has_off) ||
		                                (s->dt.has_off == pub->dt.has_off && af_dt_key(&s->dt) < af_dt_key(&pub->dt)) ||
		                                (s->dt.has_time && !pub->dt.has_time))))
			pub = s;
	}
	for (size_t i = 0; i < m->nstamps; i++) {
		struct af_stamp *s = &m->stamps[i];
		if (!s->dt.has_time || !s->dt.has_off || s == pub)
			continue;
		if (!upd || af_dt_key(&s->dt) > af_dt_key(&upd->dt) ||
		    (af_dt_key(&s->dt) == af_dt_key(&upd->dt) && s->dt.has_sec && !upd->dt.has_sec))
			upd = s;
	}
	if (!upd) /* a date-only "updated" stamp */
		for (size_t i = 0; i < m->nstamps; i++)
			if (m->stamps[i].label == AF_LABEL_UPDATED && &m->stamps[i] != pub)
				upd = &m->stamps[i];
	if (upd && pub && af_dt_key(&upd->dt) <= af_dt_key(&pub->dt))
		upd = NULL;
	char buf[64];
	json_object_set_new(out, "published", pub && af_dt_iso(&pub->dt, buf, sizeof buf) ? json_string(buf) : json_null());
	json_object_set_new(out, "updated", upd && af_dt_iso(&upd->dt, buf, sizeof buf) ? json_string(buf) : json_null());
}

static char *title_case(const char *s, size_t n)
{
	/* "KABUL" -> "Kabul", "NEW DELHI" -> "New Delhi"; mixed case is left alone */
	int lower = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp = af_utf8_next(s, &i);
		if (af_uni_isalpha(cp) && !af_uni_isupper(cp))
			lower = 1;
	}
	if (lower)
		return af_strndup(s, n);
	struct af_buf b = {0};
	int start = 1;
	i = 0;
	while (i < n) {
		uint32_t cp = af_utf8_next(s, &i);
		char u[4];
		if (af_uni_isalpha(cp)) {
			uint32_t o = start ? cp : af_uni_tolower(cp);
			af_buf_add(&b, u, af_utf8_put(o, u));
			start = 0;
		} else {
			af_buf_add(&b, u, af_utf8_put(cp, u));
			start = cp == ' ' || cp == '-';
		}
	}
	return b.p ? b.p : af_strdup("");
}

static size_t group(pcre2_code *re, pcre2_match_data *md, const char *name, size_t *a)
{
	size_t end;
	return af_re_group(re, md, name, a, &end) ? end - *a : 0;
}

/* A dateline at the start of the first paragraph: cut it off and describe it. */
static json_t *take_dateline(struct af_cleaner *c, struct block *b, struct meta *m, const char *published)
{
	int rc = pcre2_match(c->re_dateline, (PCRE2_SPTR)b->s, b->len, 0, PCRE2_NO_UTF_CHECK, c->md, NULL);
	if (rc < 0)
		return json_null();
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	size_t end = ov[1], pa, pl, ma = 0, ml, da = 0, dl, ya = 0, yl, aa = 0, al, xa;
	pl = group(c->re_dateline, c->md, "place", &pa);
	ml = group(c->re_dateline, c->md, "mon", &ma);
	dl = group(c->re_dateline, c->md, "day", &da);
	yl = group(c->re_dateline, c->md, "year", &ya);
	al = group(c->re_dateline, c->md, "agency", &aa);
	size_t xl = group(c->re_dateline, c->md, "dash", &xa);
	int caps = 1;
	for (size_t i = pa; i < pa + pl; i++)
		if (b->s[i] >= 'a' && b->s[i] <= 'z')
			caps = 0;
	if (!ml && !al && !(xl && caps && pl >= 3))
		return json_null();
	/* the rest must be a sentence of its own */
	if (end >= b->len || b->words < 6)
		return json_null();
	int agency = -1;
	if (al) {
		agency = agency_in(c, b->s + aa, al, NULL, NULL);
		if (agency < 0 && !ml && !caps)
			return json_null();
	}
	json_t *dl_obj = json_object();
	char *place = title_case(b->s + pa, pl);
	json_object_set_new(dl_obj, "place", json_string(place));
	free(place);
	json_t *date = json_null();
	if (ml && dl) {
		struct af_dt t = {0};
		t.mo = af_dates_month(c->dates, b->s + ma, ml);
		t.d = (int)strtol(b->s + da, NULL, 10);
		struct af_dt pub;
		const char *why;
		if (yl)
			t.y = (int)strtol(b->s + ya, NULL, 10);
		else if (published && af_dt_parse(published, &pub, &why) == 0 && pub.d) {
			/* the year of publication, or the one before for a December dateline in January */
			t.y = pub.y;
			if (t.mo * 100 + t.d > pub.mo * 100 + pub.d + 1)
				t.y = pub.y - 1;
		}
		char buf[32];
		if (t.y && af_dt_valid(&t) && af_dt_iso(&t, buf, sizeof buf))
			date = json_string(buf);
	}
	json_object_set_new(dl_obj, "date", date);
	if (agency >= 0 && m->source < 0)
		m->source = agency;
	/* cut the dateline off the paragraph */
	memmove(b->s, b->s + end, b->len - end + 1);
	b->len -= end;
	return dl_obj;
}

/* ---- the whole article ---- */

/* The removed blocks, a run of one kind joined by newlines into one entry; the run being
 * built is kept in a buffer (pend), so that each block is copied once (500k removed lines
 * were quadratic when each one re-copied the entry's text). */
struct removed_run {
	json_t *removed;
	int kind; /* of the run in pend, -1 when none */
	struct af_buf pend;
};

static void removed_flush(struct removed_run *rr)
{
	if (rr->kind < 0)
		return;
	json_t *o = json_object();
	json_object_set_new(o, "kind", json_string(kinds[rr->kind]));
	json_object_set_new(o, "text", json_stringn_nocheck(rr->pend.p ? rr->pend.p : "", rr->pend.len));
	json_array_append_new(rr->removed, o);
	rr->pend.len = 0;
	rr->kind = -1;
}

static void add_removed(struct removed_run *rr, int kind, const char *s, size_t n)
{
	if (rr->kind == kind) {
		af_buf_addc(&rr->pend, '\n');
	} else {
		removed_flush(rr);
		rr->kind = kind;
	}
	af_buf_add(&rr->pend, s, n);
}

static int starts_with_text(const struct block *long_b, const char *s, size_t n)
{
	return long_b->len > n && !memcmp(long_b->s, s, n);
}

json_t *af_clean(struct af_cleaner *c, const char *raw, size_t rawlen)
{
	size_t len;
	char *text = af_utf8_nfc(raw, rawlen, &len);
	struct doc d = {.c = c, .title = -1};
	size_t cap = 0;
	int gap = 1;
	struct af_buf key = {0};
	/* blocks: the non-empty lines */
	for (size_t i = 0; i <= len;) {
		size_t j = i;
		const char *nl = memchr(text + i, '\n', len - i);
		j = nl ? (size_t)(nl - text) : len;
		const char *cr = memchr(text + i, '\r', j - i);
		if (cr)
			j = (size_t)(cr - text);
		if (d.n == cap) {
			cap = cap ? cap * 2 : 64;
			d.b = af_realloc(d.b, cap * sizeof *d.b);
		}
		struct block *b = &d.b[d.n];
		memset(b, 0, sizeof *b);
		fold_block(text + i, j - i, b);
		if (b->len == 0) {
			free(b->s);
			gap = 1;
			if (d.n)
				d.b[d.n - 1].gap_after = 1;
		} else {
			d.n++;
			b->gap_before = gap;
			b->kind = K_NONE;
			gap = 0;
			b->rule = rule_match(c, b, &key, RULES_START, (size_t)-1);
		}
		if (j >= len)
			break;
		i = j + 1 + (text[j] == '\r' && j + 1 < len && text[j + 1] == '\n'); /* CRLF is one break */
	}
	if (d.n)
		d.b[d.n - 1].gap_after = 1;
	free(text);
	/* The "contains" patterns are skipped inside a run of prose, where what they look for
	 * (notes, prompts, notices) does not stand: it saves most of the matching time. */
	for (size_t i = 0; i < d.n; i++) {
		struct block *b = &d.b[i];
		int inside = i > 0 && i + 1 < d.n && prose_shaped(b) && b->rule == (size_t)-1 &&
		             prose_shaped(&d.b[i - 1]) && d.b[i - 1].rule == (size_t)-1 &&
		             prose_shaped(&d.b[i + 1]) && d.b[i + 1].rule == (size_t)-1;
		b->rule = rule_match(c, b, &key, RULES_END | (inside ? 0 : RULES_ANYWHERE), b->rule);
		b->kind = K_NONE;
		if (b->rule < c->nrules) {
			b->kind = c->rules[b->rule].kind;
			b->stop = c->rules[b->rule].stop;
		}
	}
	af_buf_free(&key);
	count_dups(d.b, d.n);

	/* teasers: a cut-off copy of a later paragraph */
	for (size_t i = 0; i < d.n; i++) {
		struct block *b = &d.b[i];
		if (!b->ellipsis || b->kind != K_NONE)
			continue;
		size_t cut = b->len - 3; /* "..." and "…" are both three bytes */
		while (cut && b->s[cut - 1] == ' ')
			cut--;
		if (cut < 20)
			continue;
		size_t j0 = i > TEASER_WINDOW ? i - TEASER_WINDOW : 0;
		size_t j1 = d.n - i > TEASER_WINDOW ? i + TEASER_WINDOW : d.n;
		for (size_t j = j0; j < j1; j++)
			if (j != i && starts_with_text(&d.b[j], b->s, cut)) {
				b->kind = K_TEASER;
				break;
			}
		/* a cut-off headline or summary of another page */
		if (b->kind == K_NONE && b->words <= 30)
			b->kind = K_TEASER;
	}

	/* stamps alone on a line */
	for (size_t i = 0; i < d.n; i++) {
		struct block *b = &d.b[i];
		if (b->kind != K_NONE || b->words > 14 || b->chars > 120)
			continue;
		struct af_stamp st[4];
		size_t k = af_dates_scan(c->dates, b->s, b->len, st, 4);
		size_t covered = 0;
		for (size_t j = 0; j < k; j++)
			covered += st[j].end - st[j].start;
		if (k && covered * 2 >= b->len)
			b->kind = K_STAMP;
	}

	/* the body: the best-scoring run of blocks */
	double best = 0, run = 0;
	size_t bs = 0, be = 0, rs = 0;
	int found = 0;
	size_t weak = 0;
	for (size_t i = 0; i < d.n; i++) {
		d.b[i].score = block_score(&d.b[i]);
		weak = d.b[i].score > 0 ? 0 : d.b[i].gap_before ? weak : weak + 1;
		if (weak >= BARRIER || d.b[i].kind == K_STAMP)
			run = 0;
		if (run <= 0) {
			run = 0;
			rs = i;
		}
		run += d.b[i].score;
		if (run > best) {
			best = run;
			bs = rs;
			be = i;
			found = 1;
		}
	}
	if (found) {
		/* never past a stop block once the body has begun */
		for (size_t i = bs + 1; i <= be; i++)
			if (d.b[i].stop) {
				be = i - 1;
				break;
			}
	}

	find_title(&d, found ? bs : d.n);
	for (size_t i = 0; i < d.n; i++)
		if ((int)i != d.title && d.b[i].kind == K_NONE && is_title_repeat(&d, &d.b[i]))
			d.b[i].kind = K_TITLE_REPEAT;

	if (found) {
		for (size_t i = bs; i <= be; i++) {
			struct block *b = &d.b[i];
			if (b->kind != K_NONE || (int)i == d.title)
				continue;
			if (b->dups) {
				b->kind = K_CAPTION;
				continue;
			}
			int prose = b->score > 0;
			int para = b->gap_before && b->gap_after;
			int neighbours = (i > bs && d.b[i - 1].score > 0) || (i < be && d.b[i + 1].score > 0);
			b->keep = prose || para || (neighbours && b->words >= 3 && b->end_punct);
		}
	}

	/* no prose anywhere (a short note, a list): keep every block no rule claimed, rather than nothing */
	if (!found) {
		for (size_t i = 0; i < d.n; i++)
			d.b[i].keep = d.b[i].kind == K_NONE && !d.b[i].dups && (int)i != d.title;
		if (d.title >= 0 && !d.b[d.title].dups) {
			int any = 0;
			for (size_t i = 0; i < d.n; i++)
				any |= d.b[i].keep;
			if (!any) { /* the one line is the text, not a title */
				d.b[d.title].keep = 1;
				d.title = -1;
			}
		}
	}

	/* a standfirst: one or two paragraphs above the byline or stamp that opens the article */
	if (found) {
		size_t kept_before = 0;
		for (size_t i = bs; i <= be && i <= bs + 8; i++) {
			struct block *b = &d.b[i];
			if (b->keep) {
				if (++kept_before > 2)
					break;
				continue;
			}
			if (kept_before && (b->kind == K_BYLINE || b->kind == K_STAMP)) {
				for (size_t j = bs; j < i; j++)
					if (d.b[j].keep) {
						d.b[j].keep = 0;
						d.b[j].kind = K_TEASER;
					}
				break;
			}
		}
	}

	if (c->debug)
		for (size_t i = 0; i < d.n; i++) {
			int cut = d.b[i].len > 70 ? 70 : (int)d.b[i].len;
			while (cut > 0 && cut < (int)d.b[i].len && ((unsigned char)d.b[i].s[cut] & 0xC0) == 0x80)
				cut--;
			fprintf(stderr, "%4zu %c %-16s %6.1f w%-4d %c%c%c %.*s\n", i,
			        d.b[i].keep ? 'K' : (int)i == d.title ? 'T' : ' ',
			        d.b[i].kind >= 0 ? kinds[d.b[i].kind] : "", d.b[i].score, d.b[i].words,
			        d.b[i].gap_before ? 'g' : '-', d.b[i].end_punct ? '.' : '-',
			        found && i >= bs && i <= be ? 'R' : '-', cut, d.b[i].s);
		}

	/* metadata from the blocks before the body, the bylines and stamps */
	struct meta m = {.source = -1, .authors = json_array()};
	for (size_t i = 0; i < d.n; i++) {
		struct block *b = &d.b[i];
		int head = !found || i < bs;
		int tail = found && i > be && i <= be + 3;
		if (b->kind == K_BYLINE && (head || tail || b->keep == 0))
			read_byline(c, b, &m);
		if ((head && b->kind != K_NONE) || b->kind == K_STAMP || b->kind == K_BYLINE ||
		    (head && (int)i > d.title && b->chars <= 200))
			add_stamps(c, b, &m);
	}
	json_t *out = json_object();
	if (d.title >= 0)
		json_object_set_new(out, "title", json_stringn_nocheck(d.title_s, d.title_len));
	else
		json_object_set_new(out, "title", json_null());
	/* times written without a zone take the agency's (known from a byline by now); the
	 * dateline, read next, needs the publication date for its year */
	int zone = 0, has_zone = 0, first = -1;
	for (size_t i = 0; i < d.n; i++)
		if (d.b[i].keep) {
			first = (int)i;
			break;
		}
	json_t *tmp = json_object();
	if (m.source >= 0 && c->ag[m.source].has_zone) {
		zone = c->ag[m.source].zone;
		has_zone = 1;
	}
	choose_dates(&m, zone, has_zone, tmp);
	const char *pub = json_string_value(json_object_get(tmp, "published"));
	if (!pub)
		pub = json_string_value(json_object_get(tmp, "updated"));
	json_t *dateline = first >= 0 ? take_dateline(c, &d.b[first], &m, pub) : json_null();
	json_object_set_new(out, "source", m.source >= 0 ? json_string(c->ag[m.source].name) : json_null());
	json_object_set_new(out, "authors", m.authors);
	json_object_set(out, "published", json_object_get(tmp, "published"));
	json_object_set(out, "updated", json_object_get(tmp, "updated"));
	json_decref(tmp);
	json_object_set_new(out, "dateline", dateline);

	struct af_buf body = {0};
	json_t *removed = json_array();
	struct removed_run rr = {.removed = removed, .kind = -1};
	for (size_t i = 0; i < d.n; i++) {
		struct block *b = &d.b[i];
		if (b->keep) {
			if (!b->len)
				continue;
			if (body.len)
				af_buf_add(&body, "\n\n", 2);
			af_buf_add(&body, b->s, b->len);
			continue;
		}
		if ((int)i == d.title)
			continue;
		int kind = b->kind;
		if (kind == K_NONE)
			kind = b->score > 0 ? K_OTHER : K_NAV; /* prose no rule named, or menu-like lines */
		add_removed(&rr, kind, b->s, b->len);
	}
	removed_flush(&rr);
	af_buf_free(&rr.pend);
	json_object_set_new(out, "text", json_stringn_nocheck(body.p ? body.p : "", body.len));
	json_object_set_new(out, "removed", removed);
	af_buf_free(&body);
	for (size_t i = 0; i < d.n; i++)
		free(d.b[i].s);
	free(d.b);
	return out;
}
