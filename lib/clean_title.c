/* clean_title.c - the title among an article's blocks: a learned chooser. Every title-like
 * block near the top (a candidate) gets features of its shape, its place relative to the
 * body run, bylines and stamps around it, its repeats and how many of its words the
 * article's opening uses; a logistic regression (the model file's "title" weights, learned
 * by scripts/train-clean) scores each, and the best is the title. Without those weights the
 * hand-set score of the features below chooses (a model file from before the chooser). */
#include "clean_int.h"
#include "af/record.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* the title is looked for among the first TITLE_WINDOW blocks (linear time, af-clean(1)),
 * and at most TITLE_AFTER_BODY blocks into the body run */
enum { TITLE_WINDOW = 300, TITLE_AFTER_BODY = 2, OPENING_BYTES = 1500, NEAR = 3, HAND_WINDOW = 200 };

const char *const cl_title_names[CL_NTITLE] = {
	"bias", "log_words", "end_punct", "full_stop", "repeated", "head_elsewhere", "has_separator",
	"byline_after", "byline_before", "closeness", "log_distance", "in_body", "log_rank", "mid_length",
	"capitalised", "opening_overlap", "odds", "html", "heading", "gap_before", "gap_after", "position",
	"first", "digits", "upper_case", "word_length", "prev_candidate", "next_candidate", "next_prose",
	"log_order", "date_share",
};

/* Splits "A | B", "A - B", "A – B": returns the length of A, or 0 when no separator. */
size_t cl_title_head(const char *s, size_t n)
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

/* The length of the title a block gives: "Headline | Site" keeps the headline when the
 * rest is 4 words or fewer. */
static size_t title_span(const struct block *t)
{
	size_t head = cl_title_head(t->s, t->len);
	if (!head)
		return t->len;
	const char *rest = t->s + head;
	int words = 0, inword = 0;
	for (size_t i = 0; rest + i < t->s + t->len; i++) {
		int w = rest[i] != ' ' && rest[i] != '|' && rest[i] != '-';
		words += w && !inword;
		inword = w;
	}
	return words <= 4 ? head : t->len;
}

/* Is block b a repeat of the title: the title alone, or the title and separators
 * with the title again or a short site name. */
int cl_is_title_repeat(const struct doc *d, const struct block *b)
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
	while (k < rn && (rest[k] == ' ' || (k + 3 <= rn && (!memcmp(rest + k, "–", 3) || !memcmp(rest + k, "—", 3)))))
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
	return b->kind == K_NONE && b->words >= 2 && b->words <= 35 && b->chars <= 300 && !b->ellipsis &&
	       !(b->end_punct && b->words > 25);
}

/* a candidate: title-like, and in the body run only when not prose (the opening is prose) */
static int candidate(const struct block *b, size_t i, size_t body_start)
{
	return title_like(b) && (i < body_start || !cl_prose_shaped(b));
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* the opening of the body run (its prose) in lower case, words between single spaces:
 * " w1 w2 ... " */
static void opening_words(const struct doc *d, size_t bs, struct af_buf *out)
{
	af_buf_addc(out, ' ');
	for (size_t i = bs; d->found && i <= d->be && out->len < OPENING_BYTES; i++) {
		const struct block *b = &d->b[i];
		if (b->kind != K_NONE || (b->modelled && b->z < 0) || !cl_prose_shaped(b))
			continue;
		for (size_t k = 0; k < b->len; k++) {
			if (word_byte((unsigned char)b->s[k]))
				af_buf_addc(out, (char)lower((unsigned char)b->s[k]));
			else if (out->p[out->len - 1] != ' ')
				af_buf_addc(out, ' ');
		}
		if (out->p[out->len - 1] != ' ')
			af_buf_addc(out, ' ');
	}
	af_buf_addc(out, '\0');
}

/* the share of a block's words of 3 bytes or more that the opening uses */
static double overlap(const struct block *b, const char *opening)
{
	char w[64];
	int n = 0, hit = 0;
	for (size_t k = 0; k < b->len;) {
		if (!word_byte((unsigned char)b->s[k])) {
			k++;
			continue;
		}
		size_t l = 1;
		w[0] = ' ';
		while (k < b->len && word_byte((unsigned char)b->s[k])) {
			if (l < sizeof w - 2)
				w[l++] = (char)lower((unsigned char)b->s[k]);
			k++;
		}
		w[l++] = ' ';
		w[l] = '\0';
		if (l < 5)
			continue;
		n++;
		hit += strstr(opening, w) != NULL;
	}
	return n ? (double)hit / n : 0;
}

/* capitalised words, digits and upper-case letters, as shares */
static void letter_shares(const struct block *b, double *cap, double *digits, double *upper)
{
	int words = 0, caps = 0, letters = 0, ups = 0, digs = 0, chars = 0;
	for (size_t k = 0; k < b->len; k++) {
		unsigned char c = (unsigned char)b->s[k];
		chars += (c & 0xC0) != 0x80 && c != ' ';
		digs += c >= '0' && c <= '9';
		int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
		letters += up || lo;
		ups += up;
		if ((up || lo) && (k == 0 || b->s[k - 1] == ' ')) {
			words++;
			caps += up;
		}
	}
	*cap = words ? (double)caps / words : 0;
	*digits = chars ? (double)digs / chars : 0;
	*upper = letters ? (double)ups / letters : 0;
}

/* is a block of kind k within NEAR blocks after (dir 1) or before (dir -1) block i */
static int kind_near(const struct doc *d, size_t i, int dir)
{
	for (int s = 1; s <= NEAR; s++) {
		if (dir < 0 ? i < (size_t)s : i + s >= d->n)
			break;
		int k = d->b[dir < 0 ? i - s : i + s].kind;
		if (k == K_BYLINE || k == K_STAMP)
			return 1;
	}
	return 0;
}

/* does another block hold "T | Site": T followed by a separator */
static int head_elsewhere(const struct doc *d, size_t i)
{
	const struct block *b = &d->b[i];
	for (size_t j = 0; j < d->n; j++)
		if (j != i && d->b[j].len > b->len && !memcmp(d->b[j].s, b->s, b->len) &&
		    cl_title_head(d->b[j].s, d->b[j].len) == b->len)
			return 1;
	return 0;
}

static void title_features(const struct doc *d, size_t i, size_t bs, int rank, int order, const char *opening,
                           double *x)
{
	const struct block *b = &d->b[i];
	double dist = i < bs ? (double)(bs - i) : (double)(i - bs);
	memset(x, 0, CL_NTITLE * sizeof *x);
	x[0] = 1;
	x[1] = log1p(b->words);
	x[2] = b->end_punct;
	x[3] = b->len && b->s[b->len - 1] == '.';
	x[4] = b->dups > 0;
	x[5] = !b->dups && head_elsewhere(d, i);
	x[6] = cl_title_head(b->s, b->len) > 0;
	x[7] = kind_near(d, i, 1);
	x[8] = kind_near(d, i, -1);
	x[9] = i < bs ? 1.0 / (1.0 + dist / 4.0) : 0;
	x[10] = log1p(dist);
	x[11] = i >= bs;
	x[12] = log1p(rank);
	x[13] = b->words >= 5 && b->words <= 20;
	letter_shares(b, &x[14], &x[23], &x[24]);
	x[15] = overlap(b, opening);
	x[16] = b->modelled ? fmax(-1, fmin(1, b->z / CL_MAX_LOGIT)) : -1;
	x[17] = b->html;
	x[18] = (b->hflags & H_HEADING) != 0;
	x[19] = b->gap_before;
	x[20] = b->gap_after;
	x[21] = d->n > 1 ? (double)i / (double)(d->n - 1) : 0;
	x[22] = order == 0;
	x[25] = b->words ? fmin(3, (double)b->chars / b->words / 6.0) : 0;
	x[26] = i > 0 && title_like(&d->b[i - 1]);
	x[27] = i + 1 < d->n && title_like(&d->b[i + 1]);
	x[28] = i + 1 < d->n && cl_prose_shaped(&d->b[i + 1]);
	x[29] = log1p(order);
	x[30] = cl_date_share(d, b); /* a date line is no headline */
}

/* the score of a candidate without learned weights: the rules of thumb the chooser
 * replaced (a block before the body run, of 3 words or more, scoring above -1) */
static double hand_score(const struct doc *d, size_t i, size_t body_start, size_t lim, const double *x)
{
	const struct block *b = &d->b[i];
	if (i >= body_start || i >= HAND_WINDOW || b->words < 3)
		return -INFINITY;
	if (lim > HAND_WINDOW)
		lim = HAND_WINDOW;
	double sc = 3 * (x[4] || x[5]);
	for (size_t j = i + 1; j < lim && j <= i + NEAR; j++)
		if (d->b[j].kind == K_BYLINE || d->b[j].kind == K_STAMP)
			sc += 2;
	sc += 2 * x[9] + x[13];
	if (!b->end_punct)
		sc += 0.5;
	else if (x[3])
		sc -= 3; /* headlines rarely end with a full stop */
	return sc > -1 ? sc : -INFINITY;
}

static void write_candidate(const struct doc *d, size_t i, const double *x, double z)
{
	FILE *f = d->c->features;
	const struct block *b = &d->b[i];
	struct af_buf p = {0}, s = {0}, t = {0};
	af_json_string(&p, d->c->page ? d->c->page : "", d->c->page ? strlen(d->c->page) : 0);
	af_json_string(&s, b->s, b->len);
	af_json_string(&t, b->s, title_span(b));
	fprintf(f, "{\"page\":");
	fwrite(p.p, 1, p.len, f);
	fprintf(f, ",\"i\":%zu,\"z\":%.4g,\"xt\":[", i, isfinite(z) ? z : -1e9);
	for (int k = 0; k < CL_NTITLE; k++)
		fprintf(f, "%s%.4g", k ? "," : "", x[k]);
	fprintf(f, "],\"text\":");
	fwrite(s.p, 1, s.len, f);
	fprintf(f, ",\"title\":");
	fwrite(t.p, 1, t.len, f);
	fprintf(f, "}\n");
	af_buf_free(&p);
	af_buf_free(&s);
	af_buf_free(&t);
}

void cl_find_title(struct doc *d, size_t body_start)
{
	const struct cl_model *m = &d->c->model;
	double best = -INFINITY, x[CL_NTITLE];
	d->title = -1;
	size_t lim = body_start < d->n ? body_start + TITLE_AFTER_BODY : d->n;
	if (lim > d->n)
		lim = d->n;
	if (lim > TITLE_WINDOW) /* the title is near the top: linear time on 500k lines (issue 15) */
		lim = TITLE_WINDOW;
	struct af_buf opening = {0};
	opening_words(d, body_start, &opening);
	int before = 0, order = 0; /* title-like blocks before the body run; the candidate's order */
	for (size_t i = 0; i < lim && i < body_start; i++)
		before += title_like(&d->b[i]);
	for (size_t i = 0; i < lim; i++) {
		if (!candidate(&d->b[i], i, body_start))
			continue;
		int rank = i < body_start ? --before : 0; /* title-like blocks between it and the body */
		title_features(d, i, body_start, rank, order++, opening.p, x);
		double z = 0;
		if (m->title)
			for (int k = 0; k < CL_NTITLE; k++)
				z += m->wt[k] * x[k];
		else
			z = hand_score(d, i, body_start, body_start < lim ? body_start : lim, x);
		if (d->c->features)
			write_candidate(d, i, x, z);
		if (z > best) {
			best = z;
			d->title = (int)i;
		}
	}
	af_buf_free(&opening);
	if (d->title < 0)
		return;
	struct block *t = &d->b[d->title];
	d->title_s = t->s;
	d->title_len = title_span(t);
}
