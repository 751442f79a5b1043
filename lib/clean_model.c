/* clean_model.c - the block model: a logistic regression over features of a block (its
 * shape, its neighbours, its place in the page and, for HTML, in the tree) that gives the
 * odds that the block is article text. The weights are learned by `make model`
 * (scripts/train-clean) from the dev sets in ../shared/data/clean and compiled in
 * (data/clean-model.yaml); --model reads others. */
#include "clean_int.h"
#include "af/data.h"
#include "af/record.h"
#include "af/yaml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

AF_DATA_USE(clean_model_yaml);

/* the features, by the names the model file gives their weights */
static const char *const feature_names[CL_NFEAT] = {
	"bias", "log_words", "end_punct", "gap_before", "gap_after", "repeat", "first_of_repeats", "ellipsis",
	"rule_kind", "position", "prev_prose", "next_prose", "word_length", "shape_score", "near_longest",
	"link_density", "html", "depth", "nav", "header", "footer", "aside", "form", "article", "main",
	"list_item", "heading", "paragraph", "cell", "figure", "blockquote", "negative_class",
	"positive_class", "pre", "article_body", "prev_link_density", "next_link_density",
	"html_log_words", "near_prose_3", "near_prose_10", "box_prose_1", "box_prose_2", "box_prose_3",
	/* the shape and place features again for text dumps only: a dump's lines and a page's
	 * blocks weigh them differently */
	"dump_log_words", "dump_end_punct", "dump_gap_before", "dump_gap_after", "dump_repeat",
	"dump_first_of_repeats", "dump_ellipsis", "dump_rule_kind", "dump_position", "dump_prev_prose",
	"dump_next_prose", "dump_word_length", "dump_shape_score", "dump_near_longest", "dump_near_prose_3",
	"dump_near_prose_10",
	/* a block a rule (or the teaser check) claimed: the rule stops the article; its length */
	"rule_stop", "rule_log_words",
};

/* where the dump-only copies start, and what they copy */
enum { DUMP_COPIES = 43, SHAPE_FIRST = 1, SHAPE_LAST = 14, NEAR_FIRST = 38 };

/* the spans (blocks either side) of the near_prose features */
static const size_t near_span[2] = {3, 10};

/* words of a block that reads as article prose and that no rule claimed */
static double prose_words(const struct block *b)
{
	return b->kind == K_NONE && cl_prose_shaped(b) ? b->words : 0;
}

void cl_context(struct doc *d)
{
	size_t n = d->n;
	double *sum = af_calloc(n + 1, sizeof *sum); /* prefix sums of prose words */
	for (size_t i = 0; i < n; i++)
		sum[i + 1] = sum[i] + prose_words(&d->b[i]);
	double total = sum[n] > 0 ? sum[n] : 1;
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 2; k++) {
			size_t lo = i > near_span[k] ? i - near_span[k] : 0, hi = i + near_span[k] + 1 < n ? i + near_span[k] + 1 : n;
			d->b[i].near_prose[k] = (float)((sum[hi] - sum[lo]) / total);
		}
	/* the lines of one element are consecutive: a box is a run of blocks with its number */
	for (int k = 1; k < HTML_BOXES; k++)
		for (size_t i = 0, j; i < n; i = j) {
			unsigned id = d->b[i].box[k];
			for (j = i + 1; j < n && id && d->b[j].box[k] == id; j++)
				;
			float share = id ? (float)((sum[j] - sum[i]) / total) : 0;
			for (size_t m = i; m < j; m++)
				d->b[m].box_prose[k - 1] = share;
		}
	free(sum);
}

/* the shape score of a block as the model was trained on it: a repeated block counts as a
 * short repeat whatever its length */
static double shape_score(const struct block *b)
{
	return b->kind == K_NONE && b->dups ? -4 : cl_block_score(b);
}

void cl_block_features(const struct doc *d, size_t i, size_t longest, double *x)
{
	const struct block *b = &d->b[i];
	double n = d->n > 1 ? (double)(d->n - 1) : 1;
	memset(x, 0, CL_NFEAT * sizeof *x);
	x[0] = 1;
	x[1] = log1p(b->words);
	x[2] = b->end_punct;
	x[3] = b->gap_before;
	x[4] = b->gap_after;
	x[5] = b->dups && !b->dup_first;
	x[6] = b->dups && b->dup_first;
	x[7] = b->ellipsis;
	x[8] = b->kind != K_NONE;
	x[9] = (double)i / n;
	x[10] = i > 0 && cl_prose_shaped(&d->b[i - 1]);
	x[11] = i + 1 < d->n && cl_prose_shaped(&d->b[i + 1]);
	x[12] = b->words ? fmin(3, (double)b->chars / b->words / 6.0) : 0;
	double s = shape_score(b) / 20.0;
	x[13] = s > 2 ? 2 : s < -2 ? -2 : s;
	double dist = fabs((double)i - (double)longest) / n;
	x[14] = 1 - dist;
	x[59] = b->stop;
	x[60] = x[8] * x[1];
	x[38] = b->near_prose[0];
	x[39] = b->near_prose[1];
	if (!b->html) {
		for (int f = SHAPE_FIRST; f <= SHAPE_LAST; f++)
			x[DUMP_COPIES + f - SHAPE_FIRST] = x[f];
		for (int f = 0; f < 2; f++)
			x[DUMP_COPIES + SHAPE_LAST - SHAPE_FIRST + 1 + f] = x[NEAR_FIRST + f];
		return;
	}
	for (int k = 0; k < HTML_BOXES - 1; k++)
		x[40 + k] = b->box_prose[k];
	x[15] = b->link_density;
	x[16] = 1;
	x[17] = fmin(2, b->depth / 30.0);
	for (int f = 0; f < 17; f++) /* the H_* bits in order: nav ... article_body */
		x[18 + f] = (b->hflags >> f) & 1;
	x[35] = i > 0 ? d->b[i - 1].link_density : 0;
	x[36] = i + 1 < d->n ? d->b[i + 1].link_density : 0;
	x[37] = x[1];
}

double cl_model_logit(const struct cl_model *m, const double *x)
{
	double z = 0;
	for (int f = 0; f < CL_NFEAT; f++)
		z += m->w[f] * x[f];
	return z;
}

/* the smoothing stage's features, by their names in the model file: the first stage's
 * odds of the block, of the blocks before and after it, within 3 blocks, in its boxes */
static const char *const smooth_names[CL_NSMOOTH] = {"bias", "html", "self", "prev", "next",
                                                     "near_3", "box_1", "box_2"};
enum { SMOOTH_SPAN = 3 };

/* a block's first-stage odds clipped and scaled to [-1, 1]: a block a rule named counts -1,
 * a later copy of a paragraph as its first copy */
static double first_odds(const struct doc *d, size_t i)
{
	const struct block *b = &d->b[i];
	if (!b->modelled && b->kind == K_NONE && b->dups)
		b = &d->b[b->dup_of];
	if (!b->modelled)
		return -1;
	double v = b->z / CL_MAX_LOGIT;
	return v > 1 ? 1 : v < -1 ? -1 : v;
}

/* s's mean over each run of blocks with box[k], weighted as the blocks' words: into mean */
static void box_means(const struct doc *d, const double *s, int k, double *mean)
{
	for (size_t i = 0, j; i < d->n; i = j) {
		unsigned id = d->b[i].box[k];
		double sum = 0, weight = 0;
		for (j = i; j < d->n && (j == i || (id && d->b[j].box[k] == id)); j++) {
			double w = 1 + log1p(d->b[j].words);
			sum += w * s[j];
			weight += w;
		}
		for (size_t m = i; m < j; m++)
			mean[m] = id && d->b[i].html ? sum / weight : 0;
	}
}

static void write_smooth_features(const struct doc *d, size_t i, const double *x2)
{
	FILE *f = d->c->features;
	struct af_buf p = {0};
	af_json_string(&p, d->c->page ? d->c->page : "", d->c->page ? strlen(d->c->page) : 0);
	fprintf(f, "{\"page\":");
	fwrite(p.p, 1, p.len, f);
	fprintf(f, ",\"i\":%zu,\"x2\":[", i);
	for (int k = 0; k < CL_NSMOOTH; k++)
		fprintf(f, "%s%.4g", k ? "," : "", x2[k]);
	fprintf(f, "]}\n");
	af_buf_free(&p);
}

void cl_smooth(struct doc *d)
{
	const struct cl_model *m = &d->c->model;
	size_t n = d->n;
	if (!m->smooth && !d->c->features) {
		for (size_t i = 0; i < n; i++)
			d->b[i].z -= m->threshold;
		return;
	}
	double *s = af_malloc((3 * n + 1) * sizeof *s), *box1 = s + n, *box2 = s + 2 * n;
	for (size_t i = 0; i < n; i++)
		s[i] = first_odds(d, i);
	box_means(d, s, 1, box1);
	box_means(d, s, 2, box2);
	for (size_t i = 0; i < n; i++) {
		double near = 0, x2[CL_NSMOOTH] = {1, d->b[i].html, s[i], i ? s[i - 1] : -1, i + 1 < n ? s[i + 1] : -1, 0,
		                                    box1[i], box2[i]};
		size_t lo = i > SMOOTH_SPAN ? i - SMOOTH_SPAN : 0, hi = i + SMOOTH_SPAN < n ? i + SMOOTH_SPAN : n - 1;
		for (size_t j = lo; j <= hi; j++)
			near += j == i ? 0 : s[j];
		x2[5] = hi > lo ? near / (double)(hi - lo) : 0;
		if (d->c->features)
			write_smooth_features(d, i, x2);
		if (!d->b[i].modelled)
			continue;
		double z = 0;
		for (int k = 0; k < CL_NSMOOTH; k++)
			z += m->w2[k] * x2[k];
		d->b[i].z = (m->smooth ? z : d->b[i].z) - m->threshold;
	}
	free(s);
}

/* a map of names to weights into w[0..n): a name not in names is an error, a name left out weighs 0 */
static int weights_from(const struct af_ynode *map, const char *const *names, int n, double *w,
                        struct af_error *err)
{
	if (map->type != AF_Y_MAP)
		return af_yerr(err, map, "expected a map of feature names to weights, found %s", af_ytype_name(map));
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct af_ynode *k = map->kids[i], *v = map->kids[i + 1];
		int f;
		for (f = 0; f < n; f++)
			if (!strcmp(names[f], k->str))
				break;
		if (f == n)
			return af_yerr(err, k, "unknown feature '%s'", k->str);
		char *end;
		if (af_yscalar(v, "a number", err) < 0)
			return -1;
		w[f] = strtod(v->str, &end);
		if (end == v->str || *end || !isfinite(w[f]))
			return af_yerr(err, v, "expected a number, found '%s'", v->str);
	}
	return 0;
}

/* an optional number of the model file into *out (left as it is when absent) */
static int number_from(const struct af_ynode *root, const char *key, double *out, struct af_error *err)
{
	const struct af_ynode *t = af_ymap_get(root, key);
	if (!t)
		return 0;
	char *end;
	if (af_yscalar(t, "a number", err) < 0)
		return -1;
	double v = strtod(t->str, &end);
	if (end == t->str || *end || !isfinite(v))
		return af_yerr(err, t, "expected a number, found '%s'", t->str);
	*out = v;
	return 0;
}

/* weights: {threshold: T, stamp_cost: S, barrier_cost: B, features: {NAME: WEIGHT, ...},
 * smoothing: {...}, title: {...}}: a block is text when its log-odds (the smoothing stage's,
 * when the model has one) are at least T (chosen in training for the best page scores). S and
 * B are what the body run pays to cross a stamp and a barrier of packed non-prose lines
 * (chosen in training too); negative or absent, the stamp or barrier ends the run. */
static int model_from(struct cl_model *m, const struct af_ynode *root, struct af_error *err)
{
	static const char *const keys[] = {"model",    "trained",   "threshold", "stamp_cost", "barrier_cost",
	                                   "features", "smoothing", "title",     NULL};
	if (af_ymap_check(root, keys, err) < 0)
		return -1;
	const struct af_ynode *fs = af_ymap_get(root, "features");
	if (!fs)
		return af_yerr(err, root, "a model needs features: a map of feature names to weights");
	struct cl_model w = {.loaded = 1, .stamp_cost = -1, .barrier_cost = -1};
	if (number_from(root, "threshold", &w.threshold, err) < 0 || number_from(root, "stamp_cost", &w.stamp_cost, err) < 0 ||
	    number_from(root, "barrier_cost", &w.barrier_cost, err) < 0)
		return -1;
	if (weights_from(fs, feature_names, CL_NFEAT, w.w, err) < 0)
		return -1;
	const struct af_ynode *sm = af_ymap_get(root, "smoothing");
	if (sm && weights_from(sm, smooth_names, CL_NSMOOTH, w.w2, err) < 0)
		return -1;
	w.smooth = sm != NULL;
	const struct af_ynode *ti = af_ymap_get(root, "title");
	if (ti && weights_from(ti, cl_title_names, CL_NTITLE, w.wt, err) < 0)
		return -1;
	w.title = ti != NULL;
	*m = w;
	return 0;
}

int cl_model_builtin(struct cl_model *m, struct af_error *err)
{
	const struct af_datafile *f = af_data_find("clean-model.yaml");
	if (!f) {
		m->loaded = 0;
		return 0;
	}
	struct af_ynode *root = af_yaml_parse(f->data, f->len, "clean-model.yaml", err);
	int rc = root ? model_from(m, root, err) : -1;
	af_yaml_free(root);
	return rc;
}

int af_cleaner_model(struct af_cleaner *c, const char *path, struct af_error *err)
{
	struct af_ynode *root = af_yaml_load(path, err);
	int rc = root ? model_from(&c->model, root, err) : -1;
	af_yaml_free(root);
	return rc;
}

void af_cleaner_features(struct af_cleaner *c, FILE *out, const char *page)
{
	c->features = out;
	c->page = page;
}

static void write_names(FILE *f, const char *key, const char *const *names, int n)
{
	fprintf(f, "\"%s\":[", key);
	for (int k = 0; k < n; k++)
		fprintf(f, "%s\"%s\"", k ? "," : "", names[k]);
	fprintf(f, "]");
}

void af_cleaner_feature_names(FILE *out)
{
	fprintf(out, "{");
	write_names(out, "names", feature_names, CL_NFEAT);
	fprintf(out, ",");
	write_names(out, "smooth_names", smooth_names, CL_NSMOOTH);
	fprintf(out, ",");
	write_names(out, "title_names", cl_title_names, CL_NTITLE);
	fprintf(out, "}\n");
}

/* one JSON line a block: the page, the block's index, kind, text and features */
void cl_write_features(const struct doc *d, size_t i, const double *x)
{
	const struct block *b = &d->b[i];
	FILE *f = d->c->features;
	struct af_buf s = {0};
	af_json_string(&s, b->s, b->len);
	fprintf(f, "{\"page\":");
	struct af_buf p = {0};
	af_json_string(&p, d->c->page ? d->c->page : "", d->c->page ? strlen(d->c->page) : 0);
	fwrite(p.p, 1, p.len, f);
	fprintf(f, ",\"i\":%zu,\"kind\":\"%s\",\"x\":[", i, b->kind >= 0 ? cl_kinds[b->kind] : "");
	for (int k = 0; k < CL_NFEAT; k++)
		fprintf(f, "%s%.4g", k ? "," : "", x[k]);
	fprintf(f, "],\"text\":");
	fwrite(s.p, 1, s.len, f);
	fprintf(f, "}\n");
	af_buf_free(&s);
	af_buf_free(&p);
}
