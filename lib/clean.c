/* clean.c - a page's text dump to an article record.
 *
 * The dump is cut into blocks (its non-empty lines). Each block is measured
 * (words, final punctuation, blank lines around it, repeats elsewhere in the
 * page) and matched against the boilerplate rules of data/clean.yaml. The
 * body is the run of blocks with the best prose score (a maximum-sum segment:
 * prose adds, menus and prompts subtract), cut at the first "stop" block
 * (disclaimer, comments). Title, byline, stamps, dateline and credits are
 * read from the blocks around it; everything dropped is listed by kind. */
#include "clean_int.h"
#include "af/utf8.h"

/* Windows that keep af-clean linear in the number of lines (issue 15, af-clean(1)): a
 * teaser's full paragraph is looked for within TEASER_WINDOW lines of it (the title's
 * window, TITLE_WINDOW, is in clean_title.c). */
#define TEASER_WINDOW 500

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_cjk(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* Before a character: the one space a run of white space (space set) folds to, unless at
 * the start; k, the output length, after it. */
static size_t fold_space(char *o, size_t k, int *space, struct block *b, int *inword, uint32_t *last)
{
	if (*space && k) {
		o[k++] = ' ';
		b->chars++;
		*inword = 0;
		*last = ' ';
	}
	*space = 0;
	return k;
}

/* One line of the dump into b: whitespace runs folded to one space, zero-width characters
 * and soft hyphens dropped, trimmed; and measured on the way: characters, words (a CJK
 * character counts half), final punctuation, a final ellipsis. b->len is 0 for a blank line. */
void cl_fold_block(const char *s, size_t n, struct block *b)
{
	char *o = af_malloc(n + 1);
	size_t k = 0, i = 0;
	int space = 0, inword = 0, cjk = 0;
	uint32_t last = 0, prev = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (ch > 0x20 && ch < 0x7F) { /* ASCII, not space */
			k = fold_space(o, k, &space, b, &inword, &last);
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
		k = fold_space(o, k, &space, b, &inword, &last);
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
	int d = memcmp(x->s, y->s, x->len);
	return d ? d : x < y ? -1 : x > y; /* copies in page order */
}

static int same_text(const struct block *x, const struct block *y)
{
	return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

static void count_dups(struct block *bl, size_t n)
{
	struct block **p = af_malloc((n + 1) * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = &bl[i];
	qsort(p, n, sizeof *p, cmp_blockp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && same_text(p[i], p[j]))
			j++;
		for (size_t k = i; k < j; k++) {
			p[k]->dups = (int)(j - i - 1);
			p[k]->dup_first = k == i;
			p[k]->dup_of = (size_t)(p[i] - bl);
		}
		i = j;
	}
	free(p);
}

/* The first rule (in rule order) that matches the block, or (size_t)-1. The phrases and
 * anchored patterns are tried when parts has RULES_START; the "contains" patterns with
 * RULES_ANYWHERE and the "ends" ones with RULES_END, but only for rules before hit. */

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

/* a whole-block phrase is at most this long; "ends" patterns are tried on this many last bytes */
enum { PHRASE_MAX_CHARS = 80, RULE_TAIL_BYTES = 240 };

static size_t rule_match(struct af_cleaner *c, const struct block *b, struct af_buf *key, int parts, size_t hit)
{
	char *lower = NULL; /* the block with ASCII letters in lower case, made when a rule needs it */
	struct af_buf *lb = &c->lower;
	c->block_chars = (size_t)b->chars;
	if ((parts & RULES_START) && b->chars <= PHRASE_MAX_CHARS) { /* whole-block phrases */
		cl_phrase_key(b->s, b->len, key);
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
	size_t tail = b->len > RULE_TAIL_BYTES ? b->len - RULE_TAIL_BYTES : 0;
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


/* The shape of prose: a sentence has at least SENTENCE_WORDS words and ends in a stop; a
 * block of PROSE_WORDS words is prose however it ends; a paragraph has PARAGRAPH_WORDS. */
enum { SENTENCE_WORDS = 6, PARAGRAPH_WORDS = 12, PROSE_WORDS = 25 };
/* the scores of blocks by shape (cl_block_score): a stop block (the article is over), a
 * block a rule named, a short repeat (a label, a caption), a short paragraph or heading,
 * and a short packed line (its words cost a quarter each, over LINE_COST) */
#define STOP_SCORE (-30.0)
#define RULE_SCORE (-6.0)
#define REPEAT_SCORE (-4.0)
#define SHORT_PARA_SCORE (-1.0)
#define LINE_COST 3.0
#define LINE_WORD_COST 0.25

/* A paragraph of prose, as far as its shape tells. */
int cl_prose_shaped(const struct block *b)
{
	return (b->words >= SENTENCE_WORDS && b->end_punct) || b->words >= PROSE_WORDS;
}

/* this many packed non-prose lines in a row (a menu, a list of links) end any body run */
#define BARRIER 10
/* With a model, the body run must not hang on blocks whose log-odds sit near the threshold:
 * a step of the threshold chosen in training (0.5) used to flip a list of headlines or a
 * comment thread at +0.3 each into the run, or ten unsure lines into a barrier, and a page
 * swung between two runs (docs/clean.md, session 12). So a modelled block counts for the run
 * only by its log-odds beyond RUN_DEAD_ZONE either side of the threshold, and counts toward
 * a barrier only from BARRIER_MARGIN below it. Both were set on held-out pages (the site-fold
 * models of session 11, rescored); what is kept in the run still follows the threshold. */
#define RUN_DEAD_ZONE 1.0
#define BARRIER_MARGIN 1.0
/* a headline (the body run's first block when it does not end in a stop) has at most */
#define HEADLINE_MAX_WORDS 35

/* A block's score for the body run by its shape alone: prose counts its words, a block a
 * rule named costs (a stop block most), short repeats and short lines cost a little. The
 * model (clean_model.c) takes it as one feature and replaces it for the blocks it scores. */
double cl_block_score(const struct block *b)
{
	if (b->kind != K_NONE)
		return b->stop ? STOP_SCORE : RULE_SCORE;
	if (b->dups && b->words >= DUP_MIN_WORDS)
		return b->dup_first ? b->words : 0;
	if (b->dups)
		return REPEAT_SCORE;
	int prose = b->end_punct || b->words >= PROSE_WORDS;
	if (b->words >= PARAGRAPH_WORDS && prose)
		return b->words;
	if (b->words >= SENTENCE_WORDS && prose)
		return b->words / 2.0; /* a sentence counts half its words */
	if (b->gap_before && b->gap_after && b->words <= PARAGRAPH_WORDS)
		return SHORT_PARA_SCORE; /* a heading or a short paragraph: cheap to cross */
	return -LINE_COST - b->words * LINE_WORD_COST;
}

/* ---- the whole article ---- */

/* The removed list: runs of blocks of one kind become one entry (text joined by "\n"),
 * built in a buffer and added once, so a long run costs linear time. */
struct removed {
	struct af_article *a; /* the entries go to a->removed */
	int kind;             /* of the open run, or K_NONE */
	struct af_buf run;
};

static void removed_flush(struct removed *r)
{
	if (r->kind == K_NONE)
		return;
	cl_article_add_removed(r->a, cl_kinds[r->kind], r->run.p ? r->run.p : "", r->run.len);
	af_buf_reset(&r->run);
	r->kind = K_NONE;
}

static void add_removed(struct removed *r, int kind, const char *s, size_t n)
{
	if (r->kind != kind)
		removed_flush(r);
	else
		af_buf_addc(&r->run, '\n');
	r->kind = kind;
	af_buf_add(&r->run, s, n);
}

static int starts_with_text(const struct block *long_b, const char *s, size_t n)
{
	return long_b->len > n && !memcmp(long_b->s, s, n);
}

/* A dump line that opens with a tag ("<div><img src=...>" left by a renderer) counts as
 * words only its text outside tags: a URL's parts are no prose. Rule, not learned. Only a
 * line that opens with a tag is read so ("use <insert key here>" in shown code is text).
 * There every '<' before the line's last '>' opens markup up to the next '>' (so a "x < 5 and
 * y > 3" later on such a line loses its words: rare in a line that is markup already); a '<'
 * after the last '>' is text. Linear in the line. */
static void markup_words(struct block *b)
{
	const char *s = b->s;
	size_t n = b->len;
	if (n < 3 || s[0] != '<' || !(((unsigned)(s[1] | 0x20) - 'a') < 26u || s[1] == '/' || s[1] == '!'))
		return;
	size_t last = n; /* the last '>': a '<' after it opens no tag (and scans nothing) */
	while (last && s[last - 1] != '>')
		last--;
	if (!last)
		return;
	char *o = af_malloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *gt = s[i] == '<' && i < last ? memchr(s + i, '>', last - i) : NULL;
		if (gt) {
			i = (size_t)(gt - s) + 1;
			o[k++] = ' '; /* a tag separates words */
			continue;
		}
		o[k++] = s[i++];
	}
	struct block t = {0};
	cl_fold_block(o, k, &t);
	b->words = t.words;
	free(t.s);
	free(o);
}

/* Phase: blocks from a text dump, its non-empty lines. */
static void blocks_from_text(struct doc *d, const char *raw, size_t rawlen)
{
	size_t len, cap = 0;
	char *text = af_utf8_nfc(raw, rawlen, &len);
	int gap = 1;
	for (size_t i = 0; i <= len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t j = nl ? (size_t)(nl - text) : len;
		const char *cr = memchr(text + i, '\r', j - i);
		if (cr)
			j = (size_t)(cr - text);
		if (d->n == cap)
			d->b = af_grow(d->b, &cap, d->n + 1, sizeof *d->b);
		struct block *b = &d->b[d->n];
		memset(b, 0, sizeof *b);
		cl_fold_block(text + i, j - i, b);
		markup_words(b);
		if (b->len == 0) {
			free(b->s);
			gap = 1;
			if (d->n)
				d->b[d->n - 1].gap_after = 1;
		} else {
			d->n++;
			b->gap_before = gap;
			gap = 0;
		}
		if (j >= len)
			break;
		i = j + 1 + (text[j] == '\r' && j + 1 < len && text[j + 1] == '\n'); /* CRLF is one break */
	}
	if (d->n)
		d->b[d->n - 1].gap_after = 1;
	free(text);
}

/* Phase: blocks from a parsed page's lines, with what the tree says about each. */
static void blocks_from_page(struct doc *d, const struct af_html_page *pg)
{
	d->b = af_calloc(pg->nlines + 1, sizeof *d->b);
	int gap = 1;
	for (size_t i = 0; i < pg->nlines; i++) {
		const struct af_html_line *l = &pg->lines[i];
		size_t n;
		char *t = af_utf8_nfc(pg->text + l->off, l->len, &n);
		struct block *b = &d->b[d->n];
		cl_fold_block(t, n, b);
		free(t);
		gap |= l->gap_before;
		if (!b->len) {
			free(b->s);
			memset(b, 0, sizeof *b);
			continue;
		}
		if (d->n && gap)
			d->b[d->n - 1].gap_after = 1;
		b->gap_before = gap;
		gap = 0;
		b->html = 1;
		b->hflags = l->flags;
		b->depth = l->depth;
		b->link_density = l->chars ? (float)l->link_chars / (float)l->chars : 0;
		memcpy(b->box, l->box, sizeof b->box);
		d->n++;
	}
	if (d->n)
		d->b[d->n - 1].gap_after = 1;
}

/* Phase: the boilerplate rules on every block. The "contains" patterns are skipped inside
 * a run of prose, where what they look for (notes, prompts, notices) does not stand: it
 * saves most of the matching time. */
static void match_rules(struct doc *d)
{
	struct af_cleaner *c = d->c;
	struct af_buf key = {0};
	for (size_t i = 0; i < d->n; i++)
		d->b[i].rule = rule_match(c, &d->b[i], &key, RULES_START, (size_t)-1);
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		int inside = i > 0 && i + 1 < d->n && cl_prose_shaped(b) && b->rule == (size_t)-1 &&
		             cl_prose_shaped(&d->b[i - 1]) && d->b[i - 1].rule == (size_t)-1 &&
		             cl_prose_shaped(&d->b[i + 1]) && d->b[i + 1].rule == (size_t)-1;
		b->rule = rule_match(c, b, &key, RULES_END | (inside ? 0 : RULES_ANYWHERE), b->rule);
		b->kind = K_NONE;
		if (b->rule < c->nrules) {
			b->kind = c->rules[b->rule].kind;
			b->stop = c->rules[b->rule].stop;
		}
	}
	af_buf_free(&key);
}

/* a teaser's cut-off text must be this long to be looked for in the page */
#define TEASER_MIN_BYTES 20
/* an ellipsis-ended block this short that copies nothing is a headline of another page */
#define TEASER_MAX_WORDS 30

/* Phase: teasers, a cut-off copy of a later paragraph or another page's summary. */
static void mark_teasers(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (!b->ellipsis || b->kind != K_NONE)
			continue;
		size_t cut = b->len - 3; /* "..." and "…" are both three bytes */
		while (cut && b->s[cut - 1] == ' ')
			cut--;
		if (cut < TEASER_MIN_BYTES)
			continue;
		size_t j0 = i > TEASER_WINDOW ? i - TEASER_WINDOW : 0;
		size_t j1 = d->n - i > TEASER_WINDOW ? i + TEASER_WINDOW : d->n;
		for (size_t j = j0; j < j1; j++)
			if (j != i && starts_with_text(&d->b[j], b->s, cut)) {
				b->kind = K_TEASER;
				break;
			}
		if (b->kind == K_NONE && b->words <= TEASER_MAX_WORDS)
			b->kind = K_TEASER;
	}
}

/* a line this short (words, characters) that is at least half date is a stamp */
#define STAMP_MAX_WORDS 14
#define STAMP_MAX_CHARS 120

/* the share of a block's bytes that dates cover */
double cl_date_share(const struct doc *d, const struct block *b)
{
	struct af_stamp st[4];
	size_t k = af_dates_scan(d->c->dates, b->s, b->len, st, sizeof st / sizeof *st), covered = 0;
	for (size_t j = 0; j < k; j++)
		covered += st[j].end - st[j].start;
	return b->len ? (double)covered / (double)b->len : 0;
}

/* Phase: stamps alone on a line. */
static void mark_stamps(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (b->kind != K_NONE || b->words > STAMP_MAX_WORDS || b->chars > STAMP_MAX_CHARS)
			continue;
		if (cl_date_share(d, b) >= 0.5) /* dates are half the line or more */
			b->kind = K_STAMP;
	}
}

/* Phase: the body, the best-scoring run of blocks (a maximum-sum segment), never past a
 * stop block once begun. A barrier of packed non-prose lines and a stamp end the run, or,
 * with a model that prices them, cost what it says (a dated box of related links inside
 * the article is crossed when the prose on both sides outweighs it). */
static void find_body(struct doc *d)
{
	const struct cl_model *m = &d->c->model;
	double best = 0, run = 0, stamp_cost = m->loaded ? m->stamp_cost : -1, barrier_cost = m->loaded ? m->barrier_cost : -1;
	size_t rs = 0, weak = 0;
	d->found = 0;
	for (size_t i = 0; i < d->n; i++) {
		int stamp = d->b[i].kind == K_STAMP;
		int packed = d->b[i].modelled ? d->b[i].z <= -BARRIER_MARGIN : d->b[i].score <= 0;
		weak = !packed ? 0 : d->b[i].gap_before ? weak : weak + 1;
		if ((weak >= BARRIER && barrier_cost < 0) || (stamp && stamp_cost < 0))
			run = 0;
		else
			run -= (weak == BARRIER ? barrier_cost : 0) + (stamp ? stamp_cost : 0);
		if (run <= 0) {
			run = 0;
			rs = i;
		}
		run += d->b[i].score;
		if (run > best) {
			best = run;
			d->bs = rs;
			d->be = i;
			d->found = 1;
		}
	}
	if (!d->found)
		return;
	for (size_t i = d->bs + 1; i <= d->be; i++)
		if (d->b[i].stop && !(d->b[i].modelled && d->b[i].z >= 0)) { /* the model may say it is prose */
			d->be = i - 1;
			break;
		}
	/* the run does not open with a heading: the headline above the text is its title */
	while (d->bs < d->be && d->b[d->bs].kind == K_NONE && !d->b[d->bs].end_punct && d->b[d->bs].words <= HEADLINE_MAX_WORDS &&
	       !d->b[d->bs].dups)
		d->bs++;
}

/* Phase: every block's score for the body run. Blocks a rule named keep the rules' score;
 * the others, with a model, their log-odds of being text weighted by their length (a long
 * paragraph outweighs a short menu line); without one, the shape score. */
static void score_blocks(struct doc *d)
{
	size_t longest = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->b[i].words > d->b[longest].words)
			longest = i;
	double x[CL_NFEAT];
	if (d->c->model.loaded || d->c->features)
		cl_context(d);
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		b->score = cl_block_score(b);
		if (!d->c->model.loaded && !d->c->features)
			continue;
		cl_block_features(d, i, longest, x);
		if (d->c->features)
			cl_write_features(d, i, x);
		/* a later copy of a paragraph counts nothing: the first is scored; a block a rule
		 * claimed is scored for the body run (what it costs to cross), never kept */
		if (!d->c->model.loaded || b->kind == K_STAMP || (b->dups && !b->dup_first && b->words >= DUP_MIN_WORDS))
			continue;
		b->modelled = 1;
		b->z = cl_model_logit(&d->c->model, x);
	}
	if (!d->c->model.loaded)
		return;
	cl_smooth(d);
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (!b->modelled)
			continue;
		double z = b->z > RUN_DEAD_ZONE ? b->z - RUN_DEAD_ZONE : b->z < -RUN_DEAD_ZONE ? b->z + RUN_DEAD_ZONE : 0;
		z = z > CL_MAX_LOGIT ? CL_MAX_LOGIT : z < -CL_MAX_LOGIT ? -CL_MAX_LOGIT : z;
		b->score = z * (1 + log1p(b->words)) / 2;
	}
}

/* Phase: the title and its repeats. */
static void title_phase(struct doc *d)
{
	cl_find_title(d, d->found ? d->bs : d->n);
	for (size_t i = 0; i < d->n; i++)
		if ((int)i != d->title && d->b[i].kind == K_NONE && cl_is_title_repeat(d, &d->b[i]))
			d->b[i].kind = K_TITLE_REPEAT;
}

/* Phase: which blocks of the body run are kept: prose, paragraphs set apart, and short
 * sentences between prose; the first copy of a repeated paragraph, later ones dropped as
 * duplicates, other repeated lines (captions, labels) dropped. With no prose anywhere
 * (a short note, a list) every block no rule claimed is kept rather than nothing. */
/* a sentence between prose is kept from this many words */
enum { SHORT_SENTENCE_WORDS = 3 };

static void choose_kept(struct doc *d)
{
	if (!d->found) {
		for (size_t i = 0; i < d->n; i++)
			d->b[i].keep = d->b[i].kind == K_NONE && !d->b[i].dups && (int)i != d->title;
		if (d->title >= 0 && !d->b[d->title].dups) {
			int any = 0;
			for (size_t i = 0; i < d->n; i++)
				any |= d->b[i].keep;
			if (!any) { /* the one line is the text, not a title */
				d->b[d->title].keep = 1;
				d->title = -1;
			}
		}
		return;
	}
	for (size_t i = d->bs; i <= d->be; i++) {
		struct block *b = &d->b[i];
		if (b->kind != K_NONE || (int)i == d->title)
			continue;
		if (b->dups && b->words >= DUP_MIN_WORDS) {
			if (!b->dup_first)
				b->kind = K_DUPLICATE;
			else
				b->keep = !b->modelled || b->z >= 0;
			continue;
		}
		if (b->dups) {
			b->kind = K_CAPTION;
			continue;
		}
		if (b->modelled) {
			b->keep = b->z >= 0;
			continue;
		}
		int prose = b->score > 0;
		int para = b->gap_before && b->gap_after;
		int neighbours = (i > d->bs && d->b[i - 1].score > 0) || (i < d->be && d->b[i + 1].score > 0);
		b->keep = prose || para || (neighbours && b->words >= SHORT_SENTENCE_WORDS && b->end_punct);
	}
	for (size_t i = 0; i < d->n; i++) { /* copies of a kept paragraph, wherever they are */
		struct block *b = &d->b[i];
		if (b->dups && !b->dup_first && !b->keep && d->b[b->dup_of].keep &&
		    (b->kind == K_NONE || b->kind == K_CAPTION) && b->words >= DUP_MIN_WORDS)
			b->kind = K_DUPLICATE;
	}
}

/* a standfirst is at most this many kept paragraphs above the byline or stamp that opens
 * the article, looked for among the first STANDFIRST_SPAN blocks of the body */
#define STANDFIRST_MAX 2
#define STANDFIRST_SPAN 8

/* Phase: a standfirst (a summary above the byline) is a teaser, not the text. */
static void drop_standfirst(struct doc *d)
{
	if (!d->found)
		return;
	size_t kept_before = 0;
	for (size_t i = d->bs; i <= d->be && i <= d->bs + STANDFIRST_SPAN; i++) {
		struct block *b = &d->b[i];
		if (b->keep) {
			if (++kept_before > STANDFIRST_MAX)
				break;
			continue;
		}
		if (kept_before && (b->kind == K_BYLINE || b->kind == K_STAMP)) {
			for (size_t j = d->bs; j < i; j++)
				if (d->b[j].keep) {
					d->b[j].keep = 0;
					d->b[j].kind = K_TEASER;
				}
			break;
		}
	}
}

static void debug_table(const struct doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		int cut = b->len > 70 ? 70 : (int)b->len;
		while (cut > 0 && cut < (int)b->len && ((unsigned char)b->s[cut] & 0xC0) == 0x80)
			cut--;
		fprintf(stderr, "%4zu %c %-16s %6.1f z%5.1f w%-4d %c%c%c %.*s\n", i, b->keep ? 'K' : (int)i == d->title ? 'T' : ' ',
		        b->kind >= 0 ? cl_kinds[b->kind] : "", b->score, b->modelled ? b->z : 0.0, b->words, b->gap_before ? 'g' : '-',
		        b->end_punct ? '.' : '-', d->found && i >= d->bs && i <= d->be ? 'R' : '-', cut, b->s);
	}
}

/* stamps are read from blocks before the body up to this long */
#define HEAD_STAMP_MAX_CHARS 200
/* a date in a short line is read up to this many kept blocks into the body */
#define BODY_STAMP_SPAN 3
/* bylines are read up to this many blocks after the body */
#define TAIL_BYLINE_SPAN 3

/* Phase: metadata from the blocks before the body, the bylines and stamps, and the
 * dateline cut off the first kept paragraph. */
static void read_metadata(struct doc *d, struct af_article *out)
{
	struct af_cleaner *c = d->c;
	struct meta m = {.source = -1, .authors = out};
	int first = -1; /* the first kept block */
	for (size_t i = 0; i < d->n && first < 0; i++)
		if (d->b[i].keep)
			first = (int)i;
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		int head = !d->found || i < d->bs;
		/* a stamp inside the article, after its opening, is a related link's or a quoted
		 * post's: read below, only when nothing before gives one */
		int inside = d->found && first >= 0 && (int)i > first && i <= d->be;
		int tail = d->found && i > d->be && i <= d->be + TAIL_BYLINE_SPAN;
		if (b->kind == K_BYLINE && (head || tail || b->keep == 0))
			cl_read_byline(c, b, &m, NULL);
		/* a caption's or photo credit's date is when the picture was taken, not the article;
		 * a line before the body that is half dates is a stamp too long for mark_stamps
		 * ("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)") */
		int photo = b->kind == K_CAPTION || b->kind == K_PHOTO;
		int short_head = head && !photo && b->chars <= HEAD_STAMP_MAX_CHARS;
		if ((head && b->kind != K_NONE && !photo) || ((b->kind == K_STAMP || b->kind == K_BYLINE) && !inside && (!d->found || i <= d->be)) ||
		    (short_head && ((int)i > d->title || (b->kind == K_NONE && cl_date_share(d, b) >= 0.5))))
			cl_add_stamps(c, b, &m, CL_STAMPS_ALL, 0);
	}
	/* a page with no stamp before its body may give its date in a short line among the
	 * body's first blocks, too mixed to be a stamp ("On 6/13/2018 by @name", "by Office /
	 * 2016.12.01"); a line with a full stop is a sentence, whose dates are the story's, and a
	 * line not shaped as a date line is a heading ("The protests since 5 January 2021") */
	for (size_t i = d->bs, kept = 0; d->found && !m.nstamps && i <= d->be && kept < BODY_STAMP_SPAN; i++) {
		const struct block *b = &d->b[i];
		if (!b->keep)
			continue;
		kept++;
		if (!b->end_punct && b->words <= STAMP_MAX_WORDS && b->chars <= STAMP_MAX_CHARS)
			cl_add_stamps(c, b, &m, CL_STAMPS_DATE_LINE, 0);
	}
	for (int i = first + 1; d->found && first >= 0 && !m.nstamps && i <= (int)d->be; i++)
		if (d->b[i].kind == K_STAMP || d->b[i].kind == K_BYLINE)
			cl_add_stamps(c, &d->b[i], &m, CL_STAMPS_ALL, 0);
	/* the stamps after the article are of other articles (related links, comments): read
	 * only when the page has none before, but for a "published" stamp right after it */
	size_t before = m.nstamps;
	for (size_t i = d->be + 1; d->found && i < d->n && (!before || i <= d->be + TAIL_BYLINE_SPAN); i++)
		if (d->b[i].kind == K_STAMP || d->b[i].kind == K_BYLINE)
			cl_add_stamps(c, &d->b[i], &m, before > 0 ? CL_STAMPS_PUBLISHED : CL_STAMPS_ALL, 0);
	/* a page with no dated stamp may give its date without a year, as sites do for this
	 * year's articles ("Posted Nov 19, 6:51 AM"): a labelled one before the body is read in
	 * the year of the page's copyright notice, written when the page was */
	int year = 0;
	for (size_t i = 0; !m.nstamps && i < d->n; i++)
		for (size_t j = 0; d->b[i].kind == K_COPYRIGHT && j + 4 <= d->b[i].len; j++) {
			const char *s = d->b[i].s + j;
			int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
			if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
			    isdigit((unsigned char)s[3]) && (j == 0 || !isdigit((unsigned char)s[-1])) &&
			    (j + 4 == d->b[i].len || !isdigit((unsigned char)s[4])) && y >= 1990 && y <= 2099 && y > year)
				year = y;
		}
	for (size_t i = 0; year && i < (d->found ? d->bs : d->n); i++)
		if (d->b[i].kind != K_CAPTION && d->b[i].kind != K_PHOTO)
			cl_add_stamps(c, &d->b[i], &m, CL_STAMPS_YEARLESS, year);
	if (d->title >= 0)
		cl_str_set(&out->title, d->title_s, d->title_len);
	/* times written without a zone take the agency's (known from a byline by now); the
	 * dateline, read next, needs the publication date for its year */
	int zone = 0, has_zone = 0;
	if (m.source >= 0 && c->ag[m.source].has_zone) {
		zone = c->ag[m.source].zone;
		has_zone = 1;
	}
	cl_choose_dates(&m, zone, has_zone, out);
	if (first >= 0)
		cl_take_dateline(c, &d->b[first], &m, out);
	if (m.source >= 0)
		cl_str_set(&out->source, c->ag[m.source].name, strlen(c->ag[m.source].name));
}

/* Phase: the text (kept blocks, a blank line apart) and the removed list. */
static void write_text(struct doc *d, struct removed *rm, struct af_article *out)
{
	struct af_buf body = {0};
	struct removed r = {.a = out, .kind = K_NONE};
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (b->keep) {
			if (!b->len)
				continue;
			if (body.len)
				af_buf_add(&body, "\n\n", 2);
			af_buf_add(&body, b->s, b->len);
			continue;
		}
		if ((int)i == d->title)
			continue;
		int kind = b->kind;
		if (kind == K_NONE)
			kind = b->score > 0 ? K_OTHER : K_NAV; /* what the run counts as prose, or menu-like lines */
		add_removed(&r, kind, b->s, b->len);
	}
	removed_flush(&r);
	af_buf_free(&r.run);
	removed_flush(rm); /* the sentences cut, after the blocks */
	af_buf_free(&rm->run);
	for (size_t i = 0; i < rm->a->nremoved; i++)
		cl_article_add_removed(out, rm->a->removed[i].kind, rm->a->removed[i].text.s, rm->a->removed[i].text.len);
	out->text.s = body.p ? body.p : af_strdup("");
	out->text.len = body.len;
}

/* a kept line of at least this many sentences is an article on one line: rules apply to
 * its sentences, not to the whole line */
#define LONG_LINE_SENTENCES 3
/* at most this many boilerplate sentences are cut from either end of such a line */
#define EDGE_SENTENCES 3

/* The end of the sentence that starts at s[i] (after its space), or n. */
static size_t sentence_end(const char *s, size_t n, size_t i)
{
	for (; i + 2 < n; i++) {
		if (s[i] != '.' && s[i] != '!' && s[i] != '?')
			continue;
		size_t j = i + 1;
		for (;;) { /* closing quotes and brackets after the stop */
			if (j < n && (s[j] == '"' || s[j] == ')' || s[j] == '\''))
				j++;
			else if (j + 2 < n && !memcmp(s + j, "\xE2\x80", 2) && (s[j + 2] == '\x9D' || s[j + 2] == '\x99'))
				j += 3; /* U+201D, U+2019 */
			else
				break;
		}
		if (j + 1 < n && s[j] == ' ') {
			size_t k = j + 1;
			uint32_t cp = af_utf8_next(s, &k);
			if (af_uni_isupper(cp) || af_uni_isdigit(cp) || cp == '"' || cp == 0x201C)
				return j + 1;
		}
	}
	return n;
}

/* The rule a sentence s[0..n) matches as a block of its own, or K_NONE. */
static int sentence_kind(struct af_cleaner *c, const char *s, size_t n, struct af_buf *key)
{
	struct block t = {0};
	cl_fold_block(s, n, &t);
	size_t r = rule_match(c, &t, key, RULES_START | RULES_ANYWHERE | RULES_END, (size_t)-1);
	free(t.s);
	return r < c->nrules ? c->rules[r].kind : K_NONE;
}

/* Phase: an article on one line (a crawl that lost its paragraphs) keeps the credits,
 * licence and "follow us" sentences a page puts at its end: they are cut off the kept
 * lines' last sentences, up to EDGE_SENTENCES of them, and listed by kind. */
static void cut_sentences(struct doc *d, struct removed *r)
{
	struct af_buf key = {0};
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (!b->keep)
			continue;
		size_t starts[64], ns = 0;
		for (size_t at = 0; at < b->len && ns < 64; at = sentence_end(b->s, b->len, at))
			starts[ns++] = at;
		if (ns < LONG_LINE_SENTENCES)
			continue;
		size_t end = b->len;
		for (size_t k = ns; k-- > ns - EDGE_SENTENCES && k > 0;) {
			size_t a = starts[k], e = end;
			while (e > a && b->s[e - 1] == ' ')
				e--;
			int kind = sentence_kind(d->c, b->s + a, e - a, &key);
			if (kind == K_NONE)
				break;
			add_removed(r, kind, b->s + a, e - a);
			end = a;
		}
		while (end > 0 && b->s[end - 1] == ' ')
			end--;
		b->len = end;
		b->s[end] = '\0';
	}
	af_buf_free(&key);
}

/* Phase: a crawl that repeated the article's paragraphs inside its one line (1,735 of the
 * 33,444 unlabeled Tehran Times lines hold such repeats, up to thousands of copies) keeps the first copy
 * of each sentence of at least DUP_MIN_WORDS words in the line; later copies are cut and
 * listed as duplicates. Only within a line of LONG_LINE_SENTENCES or more: across the
 * paragraphs of a page a repeated sentence is a pull quote or a note that the page means to
 * show twice, and whole repeated paragraphs are dropped earlier (count_dups). */
static void cut_repeated_sentences(struct doc *d, struct removed *r)
{
	struct af_map seen = {0};
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (!b->keep)
			continue;
		size_t ns = 0;
		for (size_t at = 0; at < b->len && ns < LONG_LINE_SENTENCES; at = sentence_end(b->s, b->len, at))
			ns++;
		if (ns < LONG_LINE_SENTENCES)
			continue;
		af_map_free(&seen);
		size_t out = 0;
		for (size_t at = 0, next; at < b->len; at = next) {
			next = sentence_end(b->s, b->len, at);
			size_t e = next, words = 1;
			while (e > at && b->s[e - 1] == ' ')
				e--;
			for (size_t k = at; k < e; k++)
				words += b->s[k] == ' ';
			int added = 1;
			if (words >= DUP_MIN_WORDS)
				af_map_put(&seen, b->s + at, e - at, &added);
			if (!added) {
				add_removed(r, K_DUPLICATE, b->s + at, e - at);
				continue;
			}
			memmove(b->s + out, b->s + at, next - at); /* out <= at: the kept text only shrinks */
			out += next - at;
		}
		while (out > 0 && b->s[out - 1] == ' ')
			out--;
		b->len = out;
		b->s[out] = '\0';
	}
	af_map_free(&seen);
}

/* a rule that takes a line this long (words) of prose is refused when it would leave
 * the article without text */
#define REFUSE_MIN_WORDS 25

/* Phase: a rule that would remove the whole article is refused (the lines it took come
 * back, the phases that chose the text run again) and said so. */
static void refuse_emptying_rules(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->b[i].keep)
			return;
	size_t hit = (size_t)-1;
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		if (b->rule < d->c->nrules && b->words >= REFUSE_MIN_WORDS && b->kind == d->c->rules[b->rule].kind) {
			if (hit == (size_t)-1)
				hit = b->rule;
			b->kind = K_NONE;
			b->rule = (size_t)-1;
			b->stop = 0;
		}
	}
	if (hit == (size_t)-1)
		return;
	snprintf(d->c->warning, sizeof d->c->warning,
	         "a rule of kind '%s' would remove the whole article; not applied", cl_kinds[d->c->rules[hit].kind]);
	for (size_t i = 0; i < d->n; i++)
		d->b[i].keep = 0;
	score_blocks(d);
	find_body(d);
	title_phase(d);
	choose_kept(d);
	drop_standfirst(d);
}

/* The article from its blocks: the phases in order. */
static void clean_blocks(struct doc *d, struct af_article *out)
{
	match_rules(d);
	count_dups(d->b, d->n);
	mark_teasers(d);
	mark_stamps(d);
	score_blocks(d);
	find_body(d);
	title_phase(d);
	choose_kept(d);
	drop_standfirst(d);
	refuse_emptying_rules(d);
	if (d->c->debug)
		debug_table(d);
	struct af_article cut = {0}; /* the sentences cut_sentences cuts, in its removed list */
	struct removed r = {.a = &cut, .kind = K_NONE};
	memset(out, 0, sizeof *out);
	cut_repeated_sentences(d, &r);
	cut_sentences(d, &r);
	read_metadata(d, out);
	write_text(d, &r, out);
	af_article_free(&cut);
	for (size_t i = 0; i < d->n; i++)
		free(d->b[i].s);
	free(d->b);
}

const char *af_cleaner_warning(const struct af_cleaner *c)
{
	return c->warning[0] ? c->warning : NULL;
}

void af_clean(struct af_cleaner *c, const char *raw, size_t rawlen, struct af_article *a)
{
	c->warning[0] = '\0';
	struct doc d = {.c = c, .title = -1};
	blocks_from_text(&d, raw, rawlen);
	clean_blocks(&d, a);
}

int af_clean_html(struct af_cleaner *c, const char *html, size_t len, struct af_article *a)
{
	c->warning[0] = '\0';
	if (!c->html && !(c->html = af_html_new()))
		return -1;
	struct af_html_page pg;
	if (af_html_parse(c->html, html, len, &pg) < 0)
		return -1;
	struct doc d = {.c = c, .title = -1};
	blocks_from_page(&d, &pg);
	free(pg.text); /* the blocks hold the text now: the page's copy goes before the cleaning */
	free(pg.lines);
	pg.text = NULL;
	pg.lines = NULL;
	clean_blocks(&d, a);
	cl_page_metadata(c, &pg.meta, a);
	af_html_page_free(&pg);
	return 0;
}
