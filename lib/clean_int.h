/* clean_int.h - af-clean's library, private to lib/: the cleaner, blocks, the document
 * being cleaned, and the functions its files share (clean.c: blocks and the phases;
 * clean_lexicon.c: rules, agencies and the compiled patterns; clean_meta.c: byline,
 * stamps, dateline, the page's metadata; clean_model.c: the block model; clean_title.c: the
 * title chooser). */
#ifndef AF_CLEAN_INT_H
#define AF_CLEAN_INT_H

#include "af/clean.h"
#include "af/dates.h"
#include "af/pattern.h"
#include "af/util.h"
#include "html.h"

#include <stdio.h>

extern const char *const cl_kinds[];

/* the block model (clean_model.c): CL_NFEAT features, their weights */
#define CL_NFEAT 61
/* the model's log-odds are clipped to this (a sure block counts by its length, not its odds) */
#define CL_MAX_LOGIT 4.0
#define CL_NSMOOTH 8 /* the smoothing stage's features */
#define CL_NTITLE 31 /* the title chooser's features (clean_title.c) */
struct cl_model {
	double w[CL_NFEAT];
	double threshold; /* a block is text from these log-odds up */
	double stamp_cost, barrier_cost; /* what the body run pays to cross them; < 0: they end it */
	int loaded;
	double w2[CL_NSMOOTH]; /* the smoothing stage, when smooth */
	int smooth;
	double wt[CL_NTITLE]; /* the title chooser, when title */
	int title;
};
extern const char *const cl_title_names[CL_NTITLE];
enum kind {
	K_NONE = -1, K_TITLE_REPEAT = 0, K_TEASER, K_BYLINE, K_STAMP, K_DISCLAIMER, K_APP, K_SHARE,
	K_SUBSCRIBE, K_RELATED, K_PHOTO, K_CAPTION, K_COOKIE, K_COPYRIGHT, K_AD, K_NAV, K_COMMENTS, K_OTHER, K_DUPLICATE
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
	size_t nag, ag_cap;
	char **alias;  /* alias i belongs to agency alias_ag[i] */
	size_t *alias_ag;
	size_t nalias;
	pcre2_code *re_agency, *re_dateline;
	char **not_names;        /* words of organisations, never of a person's name */
	char **degrees;          /* degrees and titles written after a name */
	size_t nnot_names, ndegrees;
	pcre2_code *re_rules;    /* every rule's anchored part with its mark, in rule order */
	pcre2_code **re_part[2]; /* by rule: its "contains" and "ends" parts, or NULL */
	size_t nrules_built;
	struct phrase *phrases;  /* sorted by key */
	size_t nphrases, phrases_cap;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	size_t block_chars;      /* the length of the block being matched, for the callout */
	int debug;               /* print the block table on stderr (AF_CLEAN_DEBUG=1) */
	struct af_buf lower;     /* scratch: a block in lower case */
	struct af_html *html;    /* the HTML parser, made on first use */
	struct cl_model model;   /* the block model (compiled in, or --model) */
	FILE *features;          /* write every block's features here (af-clean --features) */
	const char *page;        /* the page's name in those lines */
	char warning[160];       /* what the last article's cleaning refused, or "" */
};


struct block {
	char *s; /* normalised text */
	size_t len;
	int words, chars;
	int end_punct, gap_before, gap_after, ellipsis;
	int dups;   /* other blocks with the same text */
	int dup_first; /* the first of them */
	size_t dup_of; /* the index of the first */
	int html;   /* from a parsed page: the tree's features below are known */
	unsigned hflags; /* H_* (html.h) */
	int depth;
	float link_density;
	unsigned box[HTML_BOXES]; /* the block elements around it (html.h) */
	float near_prose[2];      /* the share of the page's prose words within NEAR_SPAN[k] blocks */
	float box_prose[HTML_BOXES - 1]; /* ... in box[1], box[2], ... (HTML) */
	int kind;   /* K_* from the rules, teaser/title checks, or K_NONE */
	size_t rule; /* the rule that matched, or (size_t)-1 */
	int stop;
	int keep;
	double score;
	int modelled; /* scored by the model: */
	double z;     /* its log-odds of being text */
};

struct doc {
	struct af_cleaner *c;
	struct block *b;
	size_t n;
	int title;       /* block index or -1 */
	int found;       /* a body run was found: blocks bs..be */
	size_t bs, be;
	char *title_s;   /* the title text (maybe without a site suffix) */
	size_t title_len;
};

struct meta {
	int source;
	struct af_article *authors; /* the names read are added here */
	struct af_stamp stamps[32];
	size_t nstamps;
};

/* The first rule (in rule order) that matches the block, or (size_t)-1. The phrases and
 * anchored patterns are tried when parts has RULES_START; the "contains" patterns with
 * RULES_ANYWHERE and the "ends" ones with RULES_END, but only for rules before hit. */
enum { RULES_START = 1, RULES_ANYWHERE = 2, RULES_END = 4 };

/* clean_lexicon.c */
void cl_phrase_key(const char *s, size_t n, struct af_buf *out);
/* clean.c */
void cl_fold_block(const char *s, size_t n, struct block *b);
int cl_prose_shaped(const struct block *b);
double cl_date_share(const struct doc *d, const struct block *b);
double cl_block_score(const struct block *b);
/* a repeated block this long is a paragraph the page (or its crawler) repeated: the first
 * copy is text, the others duplicates; shorter repeats are labels and captions */
#define DUP_MIN_WORDS 12
int cl_count_words(const char *s, size_t n);
/* clean_model.c */
int cl_model_builtin(struct cl_model *m, struct af_error *err);
/* where the page's prose is around each block (near_prose, box_prose), for its features */
void cl_context(struct doc *d);
void cl_block_features(const struct doc *d, size_t i, size_t longest, double *x);
/* the block's log-odds of being text by the first stage */
double cl_model_logit(const struct cl_model *m, const double *x);
/* the modelled blocks' final log-odds (b->z), less the model's threshold: from the first
 * stage's (b->z on entry) and, with a smoothing stage, those of the blocks around them */
void cl_smooth(struct doc *d);
void cl_write_features(const struct doc *d, size_t i, const double *x);
/* clean_meta.c */
size_t cl_title_head(const char *s, size_t n);
int cl_is_title_repeat(const struct doc *d, const struct block *b);
void cl_find_title(struct doc *d, size_t body_start);
void cl_read_byline(struct af_cleaner *c, const struct block *b, struct meta *m, const char *site);
/* which of a block's dates cl_add_stamps takes */
enum cl_stamps {
	CL_STAMPS_ALL,       /* every date */
	CL_STAMPS_PUBLISHED, /* only those labelled "published" */
	CL_STAMPS_DATE_LINE, /* all, when the line is shaped as a date line (a short line of the body's opening) */
	CL_STAMPS_YEARLESS,  /* labelled ones without a year ("Posted Nov 19, 6:51 AM"), read in the year given */
};
/* the dates block b states into m, those `which` takes */
void cl_add_stamps(struct af_cleaner *c, const struct block *b, struct meta *m, enum cl_stamps which, int year);
void cl_choose_dates(struct meta *m, int zone, int has_zone, struct af_article *a);
void cl_take_dateline(struct af_cleaner *c, struct block *b, struct meta *m, struct af_article *a);
void cl_page_metadata(struct af_cleaner *c, const struct af_html_meta *m, struct af_article *a);
/* clean_article.c */
void cl_str_set(struct af_cstr *t, const char *s, size_t n);
void cl_article_add_author(struct af_article *a, const char *s, size_t n);
void cl_article_clear_authors(struct af_article *a);
void cl_article_add_removed(struct af_article *a, const char *kind, const char *s, size_t n);

#endif
