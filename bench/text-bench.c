/* text-bench.c - speed, a token dump, and an agreement check for the text layer (lib/text.c).
 *
 *   text-bench [-r ROUNDS] < FILE          tokens/s and MB/s over FILE (in chunks of about
 *                                           64 KB ending at a line end, as articles would come)
 *   text-bench -d < FILE                   print each sentence and its tokens
 *   text-bench -e FILE.conll               tokenizer and splitter agreement with a CoNLL/GMB
 *                                           file (one token a line, blank line between sentences)
 *
 * build:  make && cc -std=c11 -O2 -Iinclude -o build/text-bench bench/text-bench.c build/libaf.a \
 *             $(pkg-config --libs yaml-0.1 libpcre2-8 jansson libutf8proc) -lm
 */
#include "af/af.h"
#include "af/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bench(const char *buf, size_t len, int rounds)
{
	struct af_tokens toks = {0};
	struct af_sentences ss = {0};
	struct af_error err;
	size_t ntok = 0, nsent = 0;
	if (af_text_init(&err) < 0)
		af_die(AF_EX_CONFIG, "%s", err.msg);
	double t0 = now();
	for (int r = 0; r < rounds; r++) {
		size_t a = 0;
		while (a < len) {
			size_t b = a + 65536 < len ? a + 65536 : len;
			while (b < len && buf[b - 1] != '\n')
				b++;
			if (af_tokenize(buf + a, b - a, &toks, &err) < 0 || af_sentences(buf + a, b - a, &toks, &ss, &err) < 0)
				af_die(AF_EX_SOFTWARE, "%s", err.msg);
			ntok += toks.n;
			nsent += ss.n;
			a = b;
		}
	}
	double dt = now() - t0;
	double mb = (double)len * rounds / 1e6;
	printf("%.1f MB in %.3f s: %.1f MB/s, %.2f M tokens/s, %zu tokens, %zu sentences per round\n", mb, dt,
	       mb / dt, (double)ntok / dt / 1e6, ntok / (size_t)rounds, nsent / (size_t)rounds);
	af_tokens_free(&toks);
	af_sentences_free(&ss);
	return 0;
}

static int dump(const char *buf, size_t len)
{
	struct af_tokens toks = {0};
	struct af_sentences ss = {0};
	struct af_error err;
	if (af_tokenize(buf, len, &toks, &err) < 0 || af_sentences(buf, len, &toks, &ss, &err) < 0)
		af_die(AF_EX_CONFIG, "%s", err.msg);
	for (size_t k = 0; k < ss.n; k++) {
		const struct af_sentence *x = &ss.v[k];
		printf("S%zu [%zu,%zu) %.*s\n", k, x->cstart, x->cend, (int)(x->end - x->start), buf + x->start);
		for (size_t i = x->tok_start; i < x->tok_end; i++) {
			const struct af_token *t = &toks.v[i];
			printf("  %-11s [%zu,%zu) %.*s  %#x\n", af_tok_kind_name(t->kind), t->cstart, t->cend,
			       (int)(t->end - t->start), buf + t->start, t->flags);
		}
	}
	af_tokens_free(&toks);
	af_sentences_free(&ss);
	return 0;
}

/* ------------------------------------------------------------------ agreement with a CoNLL file
 * The file has no raw text, so we make some: the gold tokens of each sentence are joined
 * by a detokenizer that knows only the universal typesetting conventions (no space before
 * , . ; : ! ? ) ] % 's n't and closing quotes; none after ( [ $ and opening quotes), and the
 * sentences of a group of 10 are joined with one space, as in a paragraph. We then tokenize
 * and split that text and compare spans: a gold token is matched when a token has exactly
 * its byte span; a gold sentence boundary is matched when a sentence ends there. */

struct gold {
	char **w;
	size_t n, cap;
};

static int attach_left(const char *w, const char *prev)
{
	static const char *const left[] = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't",
	                                   "N'T", "'re", "'ve", "'ll", "'d", "'m", "...", "''", NULL};
	(void)prev;
	for (int i = 0; left[i]; i++)
		if (!strcmp(w, left[i]))
			return 1;
	return 0;
}

static int attach_right(const char *w)
{
	return !strcmp(w, "(") || !strcmp(w, "[") || !strcmp(w, "{") || !strcmp(w, "$") || !strcmp(w, "``");
}

static int eval_conll(const char *path, int group)
{
	FILE *f = fopen(path, "r");
	if (!f)
		af_die(AF_EX_NOINPUT, "%s: cannot open", path);
	struct gold g = {0};
	struct af_buf text = {0};
	size_t *gs = NULL, *ge = NULL, gcap = 0;   /* gold token spans */
	size_t *bend = NULL, bcap = 0, nb = 0;       /* gold sentence ends */
	unsigned char *bpun = NULL; /* ... after terminal punctuation */
	size_t npun = 0, npun_match = 0;
	size_t ngt = 0, nmatch = 0, nsys = 0, nsb = 0, nsb_match = 0, ngb = 0;
	struct af_tokens toks = {0};
	struct af_sentences ss = {0};
	struct af_error err;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t r;
	int insent = 0, nsent = 0, dq = 0;
	size_t nbad = 0, tot_gold = 0;
	FILE *bad = getenv("AF_EVAL_BAD") ? fopen(getenv("AF_EVAL_BAD"), "w") : NULL;

	for (;;) {
		r = getline(&line, &lcap, f);
		int blank = r <= 0 || line[0] == '\n' || line[0] == '\r';
		if (r > 0 && !blank && !strncmp(line, "-DOCSTART-", 10))
			continue;
		if (!blank) {
			char *sp = strpbrk(line, " \t\n");
			if (sp)
				*sp = 0;
			const char *w = line;
			if (!strcmp(w, "``") || (!strcmp(w, "\"") && !dq))
				w = "\"", dq = 1;
			else if (!strcmp(w, "''") || !strcmp(w, "\""))
				w = "\"", dq = 0;
			else if (!strcmp(w, "-LRB-"))
				w = "(";
			else if (!strcmp(w, "-RRB-"))
				w = ")";
			if (text.len && insent) {
				const char *prev = g.w[g.n - 1];
				int opened = !strcmp(prev, "\"") && dq && ngt && ge[ngt - 1] == text.len;
				if (!(attach_left(w, prev) || (!strcmp(w, "\"") && !dq) || attach_right(prev) || opened))
					af_buf_addc(&text, ' ');
			} else if (text.len) {
				af_buf_addc(&text, ' ');
			}
			if (g.n == g.cap) {
				g.cap = g.cap ? g.cap * 2 : 1024;
				g.w = af_realloc(g.w, g.cap * sizeof *g.w);
			}
			g.w[g.n++] = af_strdup(w);
			if (ngt == gcap) {
				gcap = gcap ? gcap * 2 : 1024;
				gs = af_realloc(gs, gcap * sizeof *gs);
				ge = af_realloc(ge, gcap * sizeof *ge);
			}
			gs[ngt] = text.len;
			af_buf_adds(&text, w);
			ge[ngt++] = text.len;
			insent = 1;
			continue;
		}
		if (insent) {
			if (nb == bcap) {
				bcap = bcap ? bcap * 2 : 64;
				bend = af_realloc(bend, bcap * sizeof *bend);
				bpun = af_realloc(bpun, bcap);
			}
			{
				const char *lw = g.n ? g.w[g.n - 1] : "";
				const char *pw = g.n > 1 ? g.w[g.n - 2] : "";
				bpun[nb] = !strcmp(lw, ".") || !strcmp(lw, "?") || !strcmp(lw, "!") || !strcmp(lw, "...") ||
				           (!strcmp(lw, "\"") && (!strcmp(pw, ".") || !strcmp(pw, "?") || !strcmp(pw, "!")));
			}
			bend[nb++] = text.len;
			insent = 0;
			dq = 0;
			nsent++;
		}
		if ((nsent >= group || r <= 0) && text.len) {
			/* one paragraph: compare */
			if (af_tokenize(text.p, text.len, &toks, &err) < 0 ||
			    af_sentences(text.p, text.len, &toks, &ss, &err) < 0)
				af_die(AF_EX_SOFTWARE, "%s", err.msg);
			size_t k = 0;
			for (size_t q = 0; q < ngt; q++) {
				while (k < toks.n && toks.v[k].start < gs[q])
					k++;
				if (k < toks.n && toks.v[k].start == gs[q] && toks.v[k].end == ge[q])
					nmatch++;
				else if (bad && nbad++ < 2000)
					fprintf(bad, "tok\t%s\t%.*s\n", g.w[q], (int)(k < toks.n ? toks.v[k].end - toks.v[k].start : 0),
					        k < toks.n ? text.p + toks.v[k].start : "");
			}
			nsys += toks.n;
			tot_gold += ngt;
			/* sentence ends, without the last one of the paragraph (always right) */
			size_t b = 0;
			for (size_t q = 0; q + 1 < ss.n; q++) {
				size_t end = ss.v[q].end;
				nsb++;
				while (b < nb && bend[b] < end)
					b++;
				if (b < nb && bend[b] == end)
					nsb_match++;
				else if (bad)
					fprintf(bad, "split\t%.*s\n", (int)(ss.v[q + 1].end - ss.v[q].start < 300 ? ss.v[q + 1].end - ss.v[q].start : 300), text.p + ss.v[q].start);
			}
			if (bad)
				for (size_t q = 0, m = 0; q + 1 < nb; q++) {
					while (m < ss.n && ss.v[m].end < bend[q])
						m++;
					if (!(m < ss.n && ss.v[m].end == bend[q]) && bpun[q])
						fprintf(bad, "miss\t%.*s|%.*s\n", 80, text.p + (bend[q] > 80 ? bend[q] - 80 : 0), 40, text.p + bend[q]);
				}
			ngb += nb ? nb - 1 : 0;
			for (size_t q = 0, m = 0; q + 1 < nb; q++) {
				if (!bpun[q])
					continue;
				npun++;
				while (m < ss.n && ss.v[m].end < bend[q])
					m++;
				npun_match += m < ss.n && ss.v[m].end == bend[q];
			}
			for (size_t q = 0; q < g.n; q++)
				free(g.w[q]);
			g.n = 0;
			ngt = nb = 0;
			nsent = 0;
			af_buf_reset(&text);
		}
		if (r <= 0)
			break;
	}
	printf("%s (sentences joined in paragraphs of %d)\n", path, group);
	printf("tokens: gold %zu, ours %zu, same span %zu: recall %.4f, precision %.4f\n", tot_gold, nsys, nmatch,
	       (double)nmatch / (double)(tot_gold ? tot_gold : 1), (double)nmatch / (double)(nsys ? nsys : 1));
	printf("sentence ends inside paragraphs: gold %zu, ours %zu, same %zu: recall %.4f, precision %.4f\n", ngb,
	       nsb, nsb_match, (double)nsb_match / (double)(ngb ? ngb : 1), (double)nsb_match / (double)(nsb ? nsb : 1));
	printf("  of which after . ? ! (or one of them and a quote): gold %zu, found %zu: recall %.4f\n", npun, npun_match,
	       (double)npun_match / (double)(npun ? npun : 1));
	free(line);
	free(bpun);
	free(g.w);
	free(gs);
	free(ge);
	free(bend);
	af_buf_free(&text);
	af_tokens_free(&toks);
	af_sentences_free(&ss);
	fclose(f);
	if (bad)
		fclose(bad);
	return 0;
}

int main(int argc, char **argv)
{
	af_setprog("text-bench");
	int rounds = 1, opt, dmp = 0;
	const char *evalf = NULL;
	while ((opt = getopt(argc, argv, "r:de:")) != -1) {
		long v;
		switch (opt) {
		case 'r':
			if (af_parse_long(optarg, 1, 1000, &v) < 0)
				af_die(AF_EX_USAGE, "bad -r: %s", optarg);
			rounds = (int)v;
			break;
		case 'd':
			dmp = 1;
			break;
		case 'e':
			evalf = optarg;
			break;
		default:
			fprintf(stderr, "usage: text-bench [-r ROUNDS] [-d] [-e FILE.conll] < FILE\n");
			return AF_EX_USAGE;
		}
	}
	if (evalf)
		return eval_conll(evalf, 10);
	size_t len;
	char *buf = af_read_stream(stdin, &len);
	if (!buf)
		af_die(AF_EX_IOERR, "reading stdin failed");
	int rc = dmp ? dump(buf, len) : bench(buf, len, rounds);
	free(buf);
	return rc;
}
