/* evdict_tabari.c - TABARI's own dictionary formats, as the TABARI 0.8.4b2 manual defines them
 * (chapter 5 ".Actors, .Agents and .Verbs Dictionaries", chapter 6 "Special Purpose Codes",
 * chapter 8 ".Options File"): .verbs with <SYNSETS>, verb roots, irregular forms and patterns
 * with alternatives; .actors with <NOUN>/<ADJECTIVE> sections and date-restricted codes;
 * .agents; .options. What af does with each feature, and what it leaves out, is in
 * docs/dictionaries.md. Every mistake is an error "file:line:col: what is wrong". */
#include "evdict_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- lines ---- */

/* The next line of a TABARI file into r->s, upper-cased, tabs as blanks, its ";" comment and
 * both ends' blanks removed: 1, or 0 at the end. Lines beginning with "/" or "#" are comments;
 * a line beginning with "~" (~FINISH) ends the dictionary (manual 5.2). */
static int tb_next(struct ev_rd *r)
{
	size_t b, e;
	while (ev_rd_line(r, &b, &e)) {
		size_t o = 0;
		for (size_t i = b; i < e && r->buf[i] != ';'; i++) {
			char c = r->buf[i];
			if (c == '\r')
				continue;
			r->s[o++] = c == '\t' ? ' ' : (char)toupper((unsigned char)c);
		}
		size_t k = ev_rd_trim(r, o);
		if (!r->s[k] || r->s[k] == '/' || r->s[k] == '#')
			continue;
		if (r->s[k] == '~') {
			r->pos = r->len;
			return 0;
		}
		return 1;
	}
	return 0;
}

/* The column of p in the current line (1 when p is in a copy of it). */
static int col_of(const struct ev_rd *r, const char *p)
{
	return p >= r->s && p < r->s + r->cap ? (int)(p - r->s) + 1 : 1;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

void af_evdict_skip_bad_lines(struct af_evdict *d, int on)
{
	d->skip_bad = on;
}

/* After a bad line: 1 when it is reported and skipped, 0 when it stops the reading. */
static int skipped(const struct af_evdict *d, const struct af_error *err)
{
	if (!d->skip_bad)
		return 0;
	af_warn("%s (line skipped)", err->msg);
	return 1;
}

/* ---- stems ---- */

/* TABARI matches a word not ended by '_' as a stem: any word that begins with it (manual
 * 5.2.2). af matches whole words, so a stem stands for itself and these endings; a word ended
 * by '_' takes the regular endings of 5.2.3 only, a word ended by '=' none. */
static const char *const noun_endings[] = {
	"", "S", "ES", "E", "ED", "D", "EN", "ING", "ER", "ERS", "ION", "IONS", "ATION", "ATIONS",
	"MENT", "MENTS", "Y", "IES", "IED", "AL", "I", "IS", "N", "NS", "AN", "ANS", "IAN", "IANS",
	"ESE", "ITY", "IC", "ISM", "IST", "ISTS", NULL};
/* a verb root's stem matches the verb's own forms: derived nouns ("accusation") are not verbs */
static const char *const verb_endings[] = {"", "E", "S", "ES", "ED", "D", "EN", "ING", "IES", "IED", NULL};
static const char *const exact_endings[] = {"", "S", "ES", "ED", "EN", "ING", NULL};
static const char *const none_endings[] = {"", NULL};

enum { W_STEM, W_EXACT, W_NONE };

/* The kind of the word w (n bytes, its marker included) and its length without the marker. */
static int word_kind(const char *w, size_t *n)
{
	if (*n > 0 && w[*n - 1] == '=') {
		(*n)--;
		return W_NONE;
	}
	if (*n > 0 && w[*n - 1] == '_') {
		while (*n > 0 && w[*n - 1] == '_')
			(*n)--;
		return W_EXACT;
	}
	return W_STEM;
}

static const char *const *endings_of(int kind, int verb)
{
	return kind == W_NONE ? none_endings : kind == W_EXACT ? exact_endings : verb ? verb_endings : noun_endings;
}

/* The form kind af's coder knows for an ending. */
static int ending_kind(const char *e)
{
	if (!*e || !strcmp(e, "E"))
		return VF_BASE;
	if (!strcmp(e, "S") || !strcmp(e, "ES") || !strcmp(e, "IES"))
		return VF_S;
	if (!strcmp(e, "ING"))
		return VF_ING;
	return VF_ED;
}

/* A stem word's synset "~WORD" (or "~WORD_" exact): its members the word with its endings. */
static int stem_synset(struct ev_rd *r, struct af_evdict *d, const char *w, size_t n, int kind)
{
	char name[80];
	if (n > 60)
		return ev_rd_err(r, "word too long: %.*s", (int)n, w);
	snprintf(name, sizeof name, "~%.*s%s", (int)n, w, kind == W_EXACT ? "~" : kind == W_NONE ? "=" : "");
	int si = ev_new_synset(d, name, strlen(name), r->file);
	if (d->syns[si].nraw)
		return si;
	d->syns[si].noplural = 1;
	const char *const *e = endings_of(kind, 0);
	for (int i = 0; e[i]; i++) {
		char m[80];
		snprintf(m, sizeof m, "%.*s%s_", (int)n, w, e[i]);
		ev_syn_add_raw(&d->syns[si], m, r->line);
	}
	return si;
}

/* ---- synsets (manual 5.6) ---- */

struct tb_syn {
	char name[64];
	char **m; /* members, each a pattern fragment without synset references */
	size_t n;
	int line;
};

struct tb_verbs {
	struct tb_syn *syn;
	size_t nsyn;
	int insyn;    /* inside <SYNSETS> ... </SYNSETS> */
	int cur;      /* the synset being read, -1 */
	int block;    /* the verb root's block, -1 */
	int verb;     /* its verb, for a following {forms} line, -1 */
	int formline; /* the last line was a verb root: a {forms} line may follow */
};

static int tb_find_syn(const struct tb_verbs *v, const char *name, size_t n)
{
	for (size_t i = 0; i < v->nsyn; i++)
		if (strlen(v->syn[i].name) == n && !strncmp(v->syn[i].name, name, n))
			return (int)i;
	return -1;
}

static void tb_syn_push(struct tb_syn *s, char *m)
{
	s->m = af_reallocarray(s->m, s->n + 1, sizeof *s->m);
	s->m[s->n++] = m;
}

/* "+MEMBER": "&NAME" inside a member stands for each member of a synset declared before. */
static int syn_member(struct ev_rd *r, struct tb_verbs *v, const char *s)
{
	struct tb_syn *cur = &v->syn[v->cur];
	const char *amp = strchr(s, '&');
	if (!amp) {
		tb_syn_push(cur, af_strdup(s));
		return 0;
	}
	size_t n = strcspn(amp + 1, "_ ");
	int si = tb_find_syn(v, amp + 1, n);
	if (si == v->cur)
		return ev_rd_errc(r, col_of(r, amp), "synset &%s contains itself", cur->name);
	if (si < 0)
		return ev_rd_errc(r, col_of(r, amp), "synset &%.*s is not declared before this line", (int)n,
		                  amp + 1);
	for (size_t i = 0; i < v->syn[si].n; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%.*s%s%s", (int)(amp - s), s, v->syn[si].m[i], amp + 1 + n);
		if (strchr(buf, '&'))
			return ev_rd_errc(r, col_of(r, amp), "one synset reference per member");
		tb_syn_push(&v->syn[v->cur], af_strdup(buf));
	}
	return 0;
}

static int synset_line(struct ev_rd *r, struct tb_verbs *v, const char *s)
{
	if (s[0] == '&') {
		size_t n = strcspn(s + 1, " ");
		if (!n || n >= sizeof v->syn[0].name)
			return ev_rd_errc(r, col_of(r, s), "bad synset name");
		if (*skip_blanks(s + 1 + n))
			return ev_rd_errc(r, col_of(r, skip_blanks(s + 1 + n)), "text after the synset name");
		int si = tb_find_syn(v, s + 1, n);
		if (si >= 0 && v->syn[si].n)
			return ev_rd_errc(r, col_of(r, s), "synset &%.*s defined twice", (int)n, s + 1);
		if (si < 0) {
			v->syn = af_reallocarray(v->syn, v->nsyn + 1, sizeof *v->syn);
			si = (int)v->nsyn++;
			memset(&v->syn[si], 0, sizeof v->syn[si]);
			snprintf(v->syn[si].name, sizeof v->syn[si].name, "%.*s", (int)n, s + 1);
		}
		v->syn[si].line = r->line;
		v->cur = si;
		return 0;
	}
	if (s[0] == '+') {
		if (v->cur < 0)
			return ev_rd_errc(r, 1, "synset member before any &NAME");
		if (!s[1] || strpbrk(s + 1, "[]{}|*$%^"))
			return ev_rd_errc(r, 2, "bad synset member '%s'", s + 1);
		return syn_member(r, v, s + 1);
	}
	return ev_rd_errc(r, col_of(r, s), "only &NAME and +MEMBER lines go in <SYNSETS>: %s", s);
}

/* The synsets into the dictionary ("&NAME" in a pattern is then af's synset NAME). */
static int synsets_done(struct ev_rd *r, struct af_evdict *d, struct tb_verbs *v)
{
	for (size_t i = 0; i < v->nsyn; i++) {
		if (!v->syn[i].n) {
			r->line = v->syn[i].line;
			return ev_rd_errc(r, 1, "synset &%s has no members", v->syn[i].name);
		}
		int si = ev_new_synset(d, v->syn[i].name, strlen(v->syn[i].name), r->file);
		if (d->syns[si].nraw) {
			r->line = v->syn[i].line;
			return ev_rd_errc(r, 1, "synset &%s defined twice", v->syn[i].name);
		}
		for (size_t k = 0; k < v->syn[i].n; k++)
			ev_syn_add_raw(&d->syns[si], v->syn[i].m[k], v->syn[i].line);
	}
	return 0;
}

/* ---- verb roots (manual 5.5, 5.5.1) ---- */

/* "[CODE]" at p (after the phrase) into code; "" when there is none. Returns the end. */
static const char *code_at(struct ev_rd *r, const char *p, char *code, size_t cn, int *bad)
{
	*bad = 0;
	code[0] = 0;
	p = skip_blanks(p);
	if (*p != '[')
		return p;
	const char *e = strchr(p, ']');
	if (!e) {
		*bad = ev_rd_errc(r, col_of(r, p), "missing ']'");
		return p;
	}
	size_t n = 0;
	for (const char *q = p + 1; q < e; q++)
		if (*q != ' ' && n + 1 < cn)
			code[n++] = *q;
	code[n] = 0;
	if (!n)
		*bad = ev_rd_errc(r, col_of(r, p), "no code in []");
	return skip_blanks(e + 1);
}

/* The forms of a verb root's word w into the verb vi. */
static void root_forms(struct af_evdict *d, int vi, const char *w, size_t n, int kind)
{
	const char *const *e = endings_of(kind, 1);
	struct ev_verb *v = &d->verbs[vi];
	int ids[6];
	memcpy(ids, v->words, sizeof ids);
	for (int i = 1; e[i]; i++) {
		char f[80];
		snprintf(f, sizeof f, "%.*s%s", (int)n, w, e[i]);
		ids[v->head] = ev_wtab_add(&d->w, f, strlen(f));
		ev_add_form(d, vi, ending_kind(e[i]), ids, v->nwords, v->head);
	}
}

/* "ROOT [CODE]": a verb block of its own, its verb the root with its endings. */
static int verb_root(struct ev_rd *r, struct af_evdict *d, struct tb_verbs *tv, const char *s)
{
	const char *br = strchr(s, '[');
	size_t pn = br ? (size_t)(br - s) : strlen(s);
	while (pn > 0 && s[pn - 1] == ' ')
		pn--;
	char code[16];
	int bad;
	const char *rest = code_at(r, s + pn, code, sizeof code, &bad);
	if (bad)
		return -1;
	if (*rest)
		return ev_rd_errc(r, col_of(r, rest), "text after the verb's code: %s", rest);
	if (pn < 2)
		return ev_rd_errc(r, 1, "verb phrase missing or shorter than two characters");
	char hdr[160];
	snprintf(hdr, sizeof hdr, "--- %.*s [%s] ---", (int)(pn > 40 ? 40 : pn), s, code[0] ? code : "X");
	for (char *p = hdr; *p; p++)
		if (*p == ' ' && p > hdr + 4 && p[1] != '[' && p[-1] != ']' && p[1] != '-')
			*p = '_';
	if (ev_block_header(r, d, hdr) < 0)
		return -1;
	tv->block = (int)d->nblocks - 1;
	if (!code[0])
		d->blocks[tv->block].code[0] = 0;
	struct ev_verb v = {.block = tv->block};
	const char *p = s, *end = s + pn;
	int lastkind = W_STEM;
	size_t lastn = 0;
	const char *last = NULL;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '_'))
			p++;
		const char *b = p;
		while (p < end && *p != ' ' && *p != '_' && *p != '=')
			p++;
		if (p == b)
			break;
		if (v.nwords == 6)
			return ev_rd_errc(r, 1, "verb of more than 6 words");
		size_t n = (size_t)(p - b);
		size_t wn = n + (p < end && (*p == '_' || *p == '=') ? 1 : 0);
		if (p < end && *p == '=')
			p++;
		last = b;
		lastn = wn;
		v.words[v.nwords++] = ev_wtab_add(&d->w, b, n);
	}
	if (!v.nwords)
		return ev_rd_errc(r, 1, "no verb before the code");
	lastkind = word_kind(last, &lastn);
	d->verbs = af_grow(d->verbs, &d->verbcap, d->nverbs + 1, sizeof *d->verbs);
	int vi = (int)d->nverbs;
	d->verbs[d->nverbs++] = v;
	ev_add_form(d, vi, VF_BASE, v.words, v.nwords, v.head);
	/* the endings go on the first word (TABARI's "SHOT_AND_KILLED" is a verb of its own) */
	const char *w0 = d->w.words[v.words[0]];
	root_forms(d, vi, w0, strlen(w0), v.nwords == 1 ? lastkind : W_EXACT);
	tv->verb = vi;
	return 0;
}

/* "{BROKE_ BROKEN_}": irregular forms of the verb root just read (manual 5.5.1). */
static int forms_line(struct ev_rd *r, struct af_evdict *d, struct tb_verbs *tv, const char *s)
{
	if (!tv->formline || tv->verb < 0)
		return ev_rd_errc(r, 1, "verb forms {...} must follow their verb's line");
	const char *ce = strchr(s, '}');
	if (!ce)
		return ev_rd_errc(r, 1, "missing '}'");
	if (*skip_blanks(ce + 1))
		return ev_rd_errc(r, col_of(r, skip_blanks(ce + 1)), "text after '}'");
	const char *p = s + 1;
	int nf = 0;
	while (p < ce) {
		p = skip_blanks(p);
		const char *b = p;
		while (p < ce && *p != ' ')
			p++;
		if (p == b)
			break;
		size_t n = (size_t)(p - b);
		int kind = word_kind(b, &n);
		if (!n || memchr(b, '_', n))
			return ev_rd_errc(r, col_of(r, b), "a verb form is one word: %.*s", (int)(p - b), b);
		struct ev_verb *v = &d->verbs[tv->verb];
		int ids[6];
		memcpy(ids, v->words, sizeof ids);
		ids[v->head] = ev_wtab_add(&d->w, b, n);
		ev_add_form(d, tv->verb, n > 3 && !strncmp(b + n - 3, "ING", 3) ? VF_ING : VF_IRR, ids,
		            v->nwords, v->head);
		root_forms(d, tv->verb, b, n, kind == W_STEM ? W_EXACT : kind);
		nf++;
	}
	if (!nf)
		return ev_rd_errc(r, 1, "no verb forms inside {}");
	return 0;
}

/* ---- patterns (manual 5.5.3, 5.7) ---- */

/* One TABARI word token (words joined by '_', with $ + % ^ * and &SYNSET) as af pattern text. */
static int pattern_token(struct ev_rd *r, struct af_evdict *d, const char *t, size_t tn, char *out,
                         size_t *on, size_t cap)
{
	size_t i = 0;
	while (i < tn) {
		size_t b = i;
		while (i < tn && t[i] != '_')
			i++;
		size_t n = i - b;
		int glued = i < tn && i + 1 < tn; /* '_' then more of the token */
		int exact = i < tn;               /* an '_' ends the word */
		if (i < tn)
			i++;
		if (!n)
			continue;
		const char *w = t + b;
		char piece[96];
		if (n == 1 && strchr("*$+%^", w[0])) {
			snprintf(piece, sizeof piece, "%c", w[0]);
		} else if (n > 2 && strchr("$+%^", w[0]) && w[1] == '-') {
			/* "+-SPONSORED": the actor, then the glued word "-SPONSORED" */
			snprintf(piece, sizeof piece, "%.*s", (int)(n > 60 ? 60 : n), w);
		} else if (w[0] == '&') {
			snprintf(piece, sizeof piece, "%.*s", (int)(n > 60 ? 60 : n), w);
		} else {
			size_t wn = n;
			int tilde = w[wn - 1] == '~';
			if (tilde)
				wn--;
			if (wn && w[wn - 1] == '=')
				exact = 2, wn--;
			for (size_t j = 0; j < wn; j++)
				if (!(isalnum((unsigned char)w[j]) || w[j] == '\'' || w[j] == '.' || w[j] == '-' ||
				      (unsigned char)w[j] >= 0x80))
					return ev_rd_errc(r, col_of(r, w + j), "bad character '%c' in pattern word", w[j]);
			if (!wn)
				return ev_rd_errc(r, col_of(r, w), "empty pattern word");
			int si = stem_synset(r, d, w, wn, exact == 2 ? W_NONE : exact ? W_EXACT : W_STEM);
			if (si < 0)
				return -1;
			snprintf(piece, sizeof piece, "&%s", d->syns[si].name);
			if (tilde)
				glued = 1;
		}
		size_t pl = strlen(piece);
		if (*on + pl + 2 >= cap)
			return ev_rd_errc(r, 1, "pattern longer than 255 characters");
		memcpy(out + *on, piece, pl);
		*on += pl;
		out[(*on)++] = glued ? '_' : ' ';
	}
	return 0;
}

/* The pattern text s (after '-', before '[') with its alternatives expanded, each into the
 * block; depth-first over "{ A | B }" groups. */
static int pattern_alts(struct ev_rd *r, struct af_evdict *d, int block, const char *s, const char *code,
                        int depth)
{
	const char *open = strchr(s, '{');
	if (open) {
		if (depth > 4)
			return ev_rd_errc(r, col_of(r, open), "more than 4 sets of alternatives in a pattern");
		const char *close = strchr(open, '}');
		if (!close)
			return ev_rd_errc(r, col_of(r, open), "'{' without '}'");
		const char *nested = memchr(open + 1, '{', (size_t)(close - open - 1));
		if (nested)
			return ev_rd_errc(r, col_of(r, nested), "alternatives inside alternatives");
		/* "X_{ A | B }_Y": the connectors go on each alternative */
		const char *q = open + 1;
		while (q <= close) {
			const char *e = q;
			while (e < close && *e != '|')
				e++;
			char alt[600];
			int k = snprintf(alt, sizeof alt, "%.*s%.*s%s", (int)(open - s), s, (int)(e - q), q,
			                 close + 1);
			if (k < 0 || (size_t)k >= sizeof alt)
				return ev_rd_errc(r, col_of(r, open), "pattern longer than 255 characters");
			/* the alternative's own blanks: "X_ A" would not glue; trim them */
			if (pattern_alts(r, d, block, alt, code, depth + 1) < 0)
				return -1;
			q = e + 1;
		}
		return 0;
	}
	if (strpbrk(s, "|}"))
		return ev_rd_errc(r, col_of(r, strpbrk(s, "|}")), "'%c' outside {...}", *strpbrk(s, "|}"));
	char out[700] = "- ";
	size_t on = 2;
	const char *p = s;
	int star = 0;
	while (*p) {
		p = skip_blanks(p);
		const char *b = p;
		while (*p && *p != ' ')
			p++;
		if (p == b)
			break;
		/* "X_ Y" after an expanded alternative: an '_' before a blank glues nothing */
		for (const char *x = b; x < p; x++)
			star += *x == '*' && (x == b || x[-1] == '_') && (x + 1 == p || x[1] == '_');
		if (pattern_token(r, d, b, (size_t)(p - b), out, &on, sizeof out - 16) < 0)
			return -1;
	}
	if (!star)
		return ev_rd_errc(r, 1, "pattern without the verb marker '*'");
	snprintf(out + on, sizeof out - on, "[%s]", code);
	return ev_pattern_line(r, d, block, out);
}

static int pattern(struct ev_rd *r, struct af_evdict *d, struct tb_verbs *tv, const char *s)
{
	if (tv->block < 0)
		return ev_rd_errc(r, 1, "pattern before any verb");
	const char *br = strrchr(s, '[');
	char code[16];
	if (br) {
		int bad;
		const char *rest = code_at(r, br, code, sizeof code, &bad);
		if (bad)
			return -1;
		if (*rest)
			return ev_rd_errc(r, col_of(r, rest), "text after the pattern's code: %s", rest);
	} else {
		if (strchr(s, ']'))
			return ev_rd_errc(r, col_of(r, strchr(s, ']')), "missing '['");
		/* no code: the verb's (as TABARI does) */
		const struct ev_block *b = &d->blocks[tv->block];
		snprintf(code, sizeof code, "%s", b->code[0] ? b->code : "---");
		br = s + strlen(s);
	}
	if ((size_t)(br - s) > 256)
		return ev_rd_errc(r, 1, "pattern longer than 255 characters");
	/* the pattern text in place (r->s is ours), so that errors name its columns */
	char *end = r->s + (br - r->s), keep = *end;
	*end = 0;
	int rc = pattern_alts(r, d, tv->block, s + 1, code, 0);
	*end = keep;
	return rc;
}

static void tb_verbs_free(struct tb_verbs *v)
{
	for (size_t i = 0; i < v->nsyn; i++) {
		for (size_t k = 0; k < v->syn[i].n; k++)
			free(v->syn[i].m[k]);
		free(v->syn[i].m);
	}
	free(v->syn);
}

static int verbs_line(struct ev_rd *r, struct af_evdict *d, struct tb_verbs *tv, const char *s)
{
	int formline = tv->formline;
	tv->formline = 0;
	if (!strcmp(s, "<SYNSETS>") || !strcmp(s, "<SYNSET>")) {
		if (tv->insyn || tv->block >= 0)
			return ev_rd_errc(r, 1, "<SYNSETS> goes once, before the verbs");
		tv->insyn = 1;
		return 0;
	}
	if (!strcmp(s, "</SYNSETS>") || !strcmp(s, "</SYNSET>")) {
		if (!tv->insyn)
			return ev_rd_errc(r, 1, "</SYNSETS> without <SYNSETS>");
		tv->insyn = 0;
		tv->cur = -1;
		return synsets_done(r, d, tv);
	}
	if (tv->insyn)
		return synset_line(r, tv, s);
	if (s[0] == '<')
		return ev_rd_errc(r, 1, "unknown section %s (a .verbs file has <SYNSETS> only)", s);
	if (s[0] == '-')
		return pattern(r, d, tv, s);
	if (s[0] == '{') {
		tv->formline = formline;
		int rc = forms_line(r, d, tv, s);
		tv->formline = 0;
		return rc;
	}
	if (s[0] == '&' || s[0] == '+')
		return ev_rd_errc(r, 1, "synset line outside <SYNSETS>: %s", s);
	tv->formline = 1;
	return verb_root(r, d, tv, s);
}

int af_evdict_load_tabari_verbs(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                struct af_error *err)
{
	struct ev_rd r;
	if (ev_rd_begin_verbs(&r, d, buf, len, file, err) < 0)
		return -1;
	file = r.file;
	struct tb_verbs tv = {.cur = -1, .block = -1, .verb = -1};
	int rc = 0;
	while (tb_next(&r)) {
		const char *s = skip_blanks(r.s);
		if ((rc = verbs_line(&r, d, &tv, s)) < 0) {
			if (!skipped(d, err))
				break;
			if (s[0] != '-' && s[0] != '{' && !tv.insyn)
				tv.block = tv.verb = -1; /* its patterns go with it */
			rc = 0;
		}
	}
	if (!rc && tv.insyn) {
		r.line++;
		rc = ev_rd_errc(&r, 1, "<SYNSETS> is never closed by </SYNSETS>");
	}
	tb_verbs_free(&tv);
	free(r.s);
	if (!rc)
		rc = ev_resolve_all(d, err);
	return rc;
}

/* ---- actors (manual 5.3, 6.5.2) ---- */

/* The actor phrase s (n bytes) into the trie for actor (or as a discard when actor < 0):
 * its last word with its endings. */
static int actor_phrase(struct ev_rd *r, struct af_evdict *d, const char *s, size_t n, int actor,
                        int agent)
{
	int ids[24];
	int k = 0;
	size_t i = 0, lb = 0, ln = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '_'))
			i++;
		size_t b = i;
		while (i < n && s[i] != ' ' && s[i] != '_' && s[i] != '=')
			i++;
		if (i == b)
			break;
		if (k == 24)
			return ev_rd_errc(r, 1, "phrase of more than 24 words");
		lb = b;
		ln = i - b + (i < n && (s[i] == '_' || s[i] == '=') ? 1 : 0);
		if (i < n && s[i] == '=')
			i++;
		ids[k++] = ev_wtab_add(&d->w, s + b, i - b - (s[i - 1] == '=' ? 1 : 0));
	}
	if (k == 0)
		return ev_rd_errc(r, 1, "phrase missing");
	size_t wn = ln;
	int kind = word_kind(s + lb, &wn);
	const char *const *e = endings_of(kind, 0);
	for (int x = 0; e[x]; x++) {
		char f[96];
		snprintf(f, sizeof f, "%.*s%s", (int)(wn > 80 ? 80 : wn), s + lb, e[x]);
		ids[k - 1] = ev_wtab_add(&d->w, f, strlen(f));
		int nd = ev_add_phrase_node(d, ids, k);
		if (agent >= 0)
			d->nodes[nd].agent = agent;
		else if (actor >= 0)
			d->nodes[nd].actor = actor;
		else
			d->nodes[nd].discard = 1;
	}
	return 0;
}

/* Codes as TABARI reads them: "<date" includes the date, a lone restricted code gets the null
 * code as its default, the default (unrestricted) code goes last (manual 6.5.2). */
static int tabari_codes(struct ev_rd *r, struct ev_actor *a, size_t from, int line)
{
	int any = 0;
	for (size_t i = from; i < a->ncodes; i++) {
		struct ev_code *c = &a->codes[i];
		if (c->kind == EV_DATE_ANY) {
			any = 1;
			continue;
		}
		if (any) {
			r->line = line;
			return ev_rd_errc(r, 1, "the code without a date restriction must be the last");
		}
		/* "<date": prior to and including it, so before the next day (yyyymm32 still sorts
		 * after yyyymm31); ">date" and "date-date" include their dates as af's coder does */
		if (c->kind == EV_DATE_BEFORE)
			c->d1 += 1;
	}
	return 0;
}

struct tb_actors {
	int actor, aline;
	size_t code0; /* the actor's codes before this line's */
	int section;  /* 0, 'N' in <NOUN>, 'A' in <ADJECTIVE> */
	size_t nouns, adjectives;
};

static int actor_end(struct ev_rd *r, struct af_evdict *d, struct tb_actors *ta)
{
	if (ta->actor < 0)
		return 0;
	struct ev_actor *a = &d->actors[ta->actor];
	int line = r->line;
	int actor = ta->actor;
	ta->actor = -1; /* ended, even when it is wrong */
	if (tabari_codes(r, a, 0, ta->aline) < 0)
		return -1;
	int restricted = a->ncodes > 0 && a->codes[a->ncodes - 1].kind != EV_DATE_ANY;
	if (restricted) {
		a->codes = af_reallocarray(a->codes, a->ncodes + 1, sizeof *a->codes);
		a->codes[a->ncodes++] = (struct ev_code){.code = "---", .kind = EV_DATE_ANY};
	}
	r->line = line;
	return ev_finish_actor(r, d, actor, ta->aline) < 0 ? -1 : 0;
}

static int section_line(struct ev_rd *r, struct tb_actors *ta, const char *s)
{
	if (!strcmp(s, "<NOUN>") || !strcmp(s, "<ADJECTIVE>") || !strcmp(s, "<ADJ>")) {
		if (ta->section)
			return ev_rd_errc(r, 1, "%s inside another section", s);
		ta->section = s[1] == 'N' ? 'N' : 'A';
		return 1;
	}
	if (!strcmp(s, "</NOUN>") || !strcmp(s, "</ADJECTIVE>") || !strcmp(s, "</ADJ>")) {
		int want = s[2] == 'N' ? 'N' : 'A';
		if (ta->section != want)
			return ev_rd_errc(r, 1, "%s without its opening tag", s);
		ta->section = 0;
		return 1;
	}
	return ev_rd_errc(r, 1, "unknown section %s (want <NOUN> or <ADJECTIVE>)", s);
}

static int actors_line(struct ev_rd *r, struct af_evdict *d, struct tb_actors *ta)
{
	const char *s = skip_blanks(r->s);
	if (s[0] == '<')
		return section_line(r, ta, s) < 0 ? -1 : 0;
	if (ta->section) {
		/* nouns and adjectives carry no code: they help TABARI's parser; af's text layer tells
		 * nouns and adjectives itself, so they are checked and counted */
		if (strchr(s, '['))
			return ev_rd_errc(r, col_of(r, strchr(s, '[')), "a %s has no code",
			                  ta->section == 'N' ? "noun" : "adjective");
		if (ta->section == 'N')
			ta->nouns++;
		else
			ta->adjectives++;
		return 0;
	}
	if (s[0] == '[' && s != r->s) {
		/* a date-restriction line of the actor above (manual 5.3.1) */
		if (ta->actor < 0)
			return ev_rd_errc(r, col_of(r, s), "code line before any actor");
		return ev_parse_codes(r, &d->actors[ta->actor], s);
	}
	if (s[0] == '[')
		return ev_rd_errc(r, 1, "code without a phrase (a date-restriction line begins with a blank)");
	const char *br = strchr(s, '[');
	size_t pn = br ? (size_t)(br - s) : strlen(s);
	while (pn > 0 && s[pn - 1] == ' ')
		pn--;
	if (memchr(s, ']', pn))
		return ev_rd_errc(r, col_of(r, memchr(s, ']', pn)), "missing '['");
	int syn = s[0] == '+';
	if (syn) {
		if (ta->actor < 0)
			return ev_rd_errc(r, 1, "synonym before any actor");
		s++, pn--;
	} else {
		if (actor_end(r, d, ta) < 0)
			return -1;
		if (pn < 2)
			return ev_rd_errc(r, 1, "phrase missing or shorter than two characters");
		ta->actor = ev_new_actor(d);
		ta->aline = r->line;
		size_t cn = pn;
		while (cn > 0 && strchr("_= ", s[cn - 1]))
			cn--;
		d->actors[ta->actor].canonical = ev_title_case(s, cn);
	}
	if (actor_phrase(r, d, s, pn, ta->actor, -1) < 0)
		return -1;
	if (br && ev_parse_codes(r, &d->actors[ta->actor], br) < 0)
		return -1;
	return 0;
}

int af_evdict_load_tabari_actors(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                 struct af_error *err)
{
	d->own_actors = 1;
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	struct tb_actors ta = {.actor = -1};
	int rc = 0;
	while (tb_next(&r))
		if ((rc = actors_line(&r, d, &ta)) < 0) {
			if (!skipped(d, err))
				break;
			rc = 0;
		}
	if (!rc)
		rc = actor_end(&r, d, &ta);
	if (!rc && ta.section) {
		r.line++;
		rc = ev_rd_errc(&r, 1, "missing </%s>", ta.section == 'N' ? "NOUN" : "ADJECTIVE");
	}
	free(r.s);
	return rc;
}

/* ---- agents (manual 5.4) ---- */

static int agents_line(struct ev_rd *r, struct af_evdict *d)
{
	const char *s = skip_blanks(r->s);
	const char *br = strchr(s, '[');
	if (!br)
		return ev_rd_errc(r, (int)strlen(r->s) + 1, "missing '[': an agent needs a code [~ROLE]");
	const char *cb = strchr(br, ']');
	if (!cb)
		return ev_rd_errc(r, col_of(r, br), "missing ']'");
	if (*skip_blanks(cb + 1))
		return ev_rd_errc(r, col_of(r, skip_blanks(cb + 1)), "text after the agent's code");
	struct ev_agent ag;
	if (ev_agent_code(r, br + 1, (size_t)(cb - br - 1), &ag) < 0)
		return -1;
	size_t pn = (size_t)(br - s);
	while (pn > 0 && s[pn - 1] == ' ')
		pn--;
	if (pn < 2 || strpbrk(s, "{}!"))
		return ev_rd_errc(r, 1, "agent phrase missing, too short, or with {} or !: %.*s", (int)pn, s);
	d->agents = af_grow(d->agents, &d->agentcap, d->nagents + 1, sizeof *d->agents);
	int agent = (int)d->nagents;
	d->agents[d->nagents++] = ag;
	return actor_phrase(r, d, s, pn, -1, agent);
}

int af_evdict_load_tabari_agents(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                 struct af_error *err)
{
	d->own_actors = 1;
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	int rc = 0;
	while (tb_next(&r))
		if ((rc = agents_line(&r, d)) < 0) {
			if (!skipped(d, err))
				break;
			rc = 0;
		}
	free(r.s);
	return rc;
}

/* ---- options (manual chapter 8) ---- */

/* Commands by their first four characters (the manual: "the program usually only looks at the
 * first four characters and the colon"). */
static const char *const commands[] = {"SET", "LABE", "FORW", "DEFA", "COMM", "COMP", "NONE", "OUTP",
                                       "ISSU", "FREQ", "ACTO", "AGEN", "VERB", "TIME", NULL};
static const char *const set_params[] = {
	"CODE BY", "LABEL", "MINIMUM WORDS", "ACTOR USAGE", "AGENT USAGE", "VERB USAGE", "DUP WARNING",
	"CONVERT AGENTS", "FBIS", "YYYY", "TIME SHIFTING", "SKIP RECORDS", "HAIKU", "MATCH", NULL};

static int set_line(struct ev_rd *r, const char *s, const char *arg)
{
	const char *eq = strchr(arg, '=');
	if (!eq)
		return ev_rd_errc(r, col_of(r, arg), "SET: wants PARAMETER = VALUE");
	size_t n = (size_t)(eq - arg);
	while (n > 0 && arg[n - 1] == ' ')
		n--;
	for (int i = 0; set_params[i]; i++)
		if (strlen(set_params[i]) <= n && !strncmp(arg, set_params[i], strlen(set_params[i]))) {
			if (!*skip_blanks(eq + 1))
				return ev_rd_errc(r, col_of(r, eq), "SET: %s without a value", set_params[i]);
			return 0;
		}
	(void)s;
	return ev_rd_errc(r, col_of(r, arg), "unknown SET parameter '%.*s'", (int)n, arg);
}

int af_evdict_load_tabari_options(struct af_evdict *d, const char *buf, size_t len, const char *file,
                                  struct af_error *err)
{
	(void)d;
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	int rc = 0;
	while (r.pos < r.len && !rc) {
		/* comments: '#' or '//' to the end of the line; the options file has no ';' comments */
		size_t b = r.pos, e = b;
		while (e < r.len && r.buf[e] != '\n')
			e++;
		r.pos = e < r.len ? e + 1 : e;
		r.line++;
		r.s = af_grow(r.s, &r.cap, e - b + 1, 1);
		size_t o = 0;
		for (size_t i = b; i < e; i++) {
			if (r.buf[i] == '#' || (r.buf[i] == '/' && i + 1 < e && r.buf[i + 1] == '/'))
				break;
			if (r.buf[i] != '\r')
				r.s[o++] = r.buf[i] == '\t' ? ' ' : (char)toupper((unsigned char)r.buf[i]);
		}
		while (o > 0 && r.s[o - 1] == ' ')
			o--;
		r.s[o] = 0;
		const char *s = skip_blanks(r.s);
		if (!*s)
			continue;
		if (*s == '~')
			break;
		const char *colon = strchr(s, ':');
		if (!colon) {
			rc = ev_rd_errc(&r, col_of(&r, s), "an option is COMMAND: ARGUMENTS");
			break;
		}
		size_t cn = (size_t)(colon - s);
		while (cn > 0 && s[cn - 1] == ' ')
			cn--;
		int known = 0;
		for (int i = 0; commands[i] && !known; i++) {
			size_t k = strlen(commands[i]);
			known = cn >= k && !strncmp(s, commands[i], k) && (k == 4 || cn == k);
		}
		if (!known) {
			rc = ev_rd_errc(&r, col_of(&r, s), "unknown command '%.*s'", (int)(colon - s), s);
			break;
		}
		const char *arg = skip_blanks(colon + 1);
		if (!strncmp(s, "SET", 3))
			rc = set_line(&r, s, arg);
		else if (!strncmp(s, "LABE", 4) && !strchr(arg, '='))
			rc = ev_rd_errc(&r, col_of(&r, arg), "LABEL: wants CODE = TEXT");
		else if (!*arg)
			rc = ev_rd_errc(&r, col_of(&r, colon), "%.*s: without arguments", (int)(colon - s), s);
	}
	free(r.s);
	return rc;
}
