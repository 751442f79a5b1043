/* clean_lexicon.c - af-clean's lexicon: boilerplate rules (whole-line phrases, anchored,
 * "contains" and "ends" patterns), agencies and their zones, loaded from the compiled-in
 * data/clean.yaml and users' lexicons, and compiled into the patterns clean.c matches. */
#include "clean_int.h"
#include "af/data.h"
#include "af/utf8.h"
#include "af/yaml.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the compiled-in data this module reads */
AF_DATA_USE(clean_yaml);

const char *const cl_kinds[] = {
	"title-repeat", "teaser", "byline", "stamp", "disclaimer", "app-prompt", "share-prompt",
	"subscribe-prompt", "related", "photo-credit", "caption", "cookie", "copyright", "ad", "nav",
	"comments", "other", "duplicate", NULL,
};

/* ---- loading ---- */

static int kind_of(const char *s)
{
	for (int i = 0; cl_kinds[i]; i++)
		if (!strcmp(cl_kinds[i], s))
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
void cl_phrase_key(const char *s, size_t n, struct af_buf *out)
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
	cl_phrase_key(s, strlen(s), &k);
	if (c->nphrases == c->phrases_cap)
		c->phrases = af_grow(c->phrases, &c->phrases_cap, c->nphrases + 1, sizeof *c->phrases);
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
		return af_yerr(err, k, "unknown kind '%s' (expected one of the kinds in af(7): title-repeat, "
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
			if (c->nag == c->ag_cap)
				c->ag = af_grow(c->ag, &c->ag_cap, c->nag + 1, sizeof *c->ag);
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
		c->alias = af_reallocarray(c->alias, c->nalias + na + 1, sizeof *c->alias);
		c->alias_ag = af_reallocarray(c->alias_ag, c->nalias + na + 1, sizeof *c->alias_ag);
		for (size_t j = 0; j <= na; j++) {
			const char *s = j < na ? aliases->kids[j]->str : own[0];
			if (j < na && af_yscalar(aliases->kids[j], "a name", err) < 0)
				return -1;
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
	/* datelines: PLACE[, Country] then a date, an (AGENCY), or a dash after a capitalised place;
	 * the day is a whole number ("On January 23, 1998" is no dateline "On January 2") */
	af_buf_reset(&b);
	const char *M = af_dates_month_alt(c->dates);
	af_buf_printf(&b,
	              "^(?<place>\\p{Lu}[\\p{L}'’.]*(?:[ -]\\p{Lu}[\\p{L}'’.]*){0,3}"
	              "(?:,\\s*(?!(?i:%s)\\b)\\p{Lu}[\\p{L}'’.]*(?:\\s\\p{Lu}[\\p{L}'’.]*){0,2})?)"
	              "(?:\\s*,?\\s*(?:(?<mon>(?i:%s))\\.?\\s+(?<day>\\d{1,2})(?!\\d)|(?<day>\\d{1,2})\\s+(?<mon>(?i:%s))\\.?)"
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

/* A list of words (not_names, degrees): added to those loaded so far. */
static int load_words(const struct af_ynode *seq, char ***list, size_t *n, struct af_error *err)
{
	if (seq->type != AF_Y_SEQ)
		return af_yerr(err, seq, "expected a list of words, found %s", af_ytype_name(seq));
	*list = af_reallocarray(*list, *n + seq->n + 1, sizeof **list);
	for (size_t i = 0; i < seq->n; i++) {
		if (af_yscalar(seq->kids[i], "a word", err) < 0)
			return -1;
		(*list)[(*n)++] = af_strdup(seq->kids[i]->str);
	}
	return 0;
}

/* Rules of a lexicon go before the ones loaded so far (later lexicons win). */
static int merge(struct af_cleaner *c, const struct af_ynode *root, struct af_error *err)
{
	static const char *const keys[] = {"agencies", "rules", "months", "month_links", "weekdays", "zones", "labels",
	                                   "not_names", "degrees", NULL};
	if (af_ymap_check(root, keys, err) < 0)
		return -1;
	const struct af_ynode *n;
	if ((n = af_ymap_get(root, "not_names")) && load_words(n, &c->not_names, &c->nnot_names, err) < 0)
		return -1;
	if ((n = af_ymap_get(root, "degrees")) && load_words(n, &c->degrees, &c->ndegrees, err) < 0)
		return -1;
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
	if (cl_model_builtin(&c->model, err) < 0) {
		af_cleaner_free(c);
		return NULL;
	}
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
	for (size_t i = 0; i < c->nnot_names; i++)
		free(c->not_names[i]);
	free(c->not_names);
	for (size_t i = 0; i < c->ndegrees; i++)
		free(c->degrees[i]);
	free(c->degrees);
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
	af_html_free(c->html);
	free(c);
}

void af_clean_hash_id(const char *s, size_t len, char id[18])
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
	snprintf(id, 18, "h%016" PRIx64, h);
}

