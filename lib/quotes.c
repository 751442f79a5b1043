/* quotes.c - direct, mixed and reported speech with their speakers.
 *
 * The text layer gives tokens and sentences; the lexicon (data/quotes.yaml) gives cue
 * verbs, speaker words and title cues. The steps, in order:
 *   1. quote spans: pairs of double quote marks (and single ones outside them), a quote
 *      left open at a paragraph's end continuing when the next paragraph opens with a mark;
 *   2. each span is direct when what stands beside it in its sentence is empty or an
 *      attribution ("X said:", ", said X", "“...,” Judicial Watch president Tom Fitton
 *      said"); otherwise (also "X vowed to "..." out of ...") a candidate for a mixed quote;
 *   3. direct quotes that follow an attributed one in the same paragraph with no attribution
 *      of their own are parts of it (split quotes);
 *   4. attribution frames in every sentence: a cue verb with its subject ("X said (that) ...",
 *      "..., X said", "according to X, ..."), its content the clause on the other side;
 *      a frame whose content holds a candidate span is mixed, else indirect;
 *   5. candidates no frame took: after a cue in their sentence, a mixed quote whose content
 *      is the clause from the cue on; else kept when long and not titles;
 *   6. speakers: participle cues ("..., adding") take the speaker of the clause they hang on;
 *      the pronoun of "X said he believes "..."" gives way to X; unattributed quotes take
 *      the speaker of a cue ending the sentence before them, else the last speaker near them;
 *      pronouns resolve to the nearest speaker before them, canonical names to the fullest
 *      name in the article (or af-entities' canonical).
 * Doubled apostrophes (''...'') are apostrophes; a quote inside a quote with the same marks
 * stays inside it; a name after a dash closing the quote's line is its speaker. */
#include "af/quotes.h"
#include "af/util.h"
#include "af/data.h"
#include "af/text.h"
#include "af/utf8.h"
#include "af/yaml.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the compiled-in data this module reads */
AF_DATA_USE(quotes_yaml);

/* ------------------------------------------------------------------ lexicon */

enum {
	L_CUE = 1u << 0,     /* reporting verb */
	L_MCUE = 1u << 1,    /* cue only for mixed quotes */
	L_LISTEN = 1u << 2,  /* the next noun phrase is the listener */
	L_SRC = 1u << 3,     /* cue before its source: according to */
	L_SKIP = 1u << 4,    /* may stand between speaker and cue */
	L_PPRON = 1u << 5,   /* he, she, I */
	L_OPRON = 1u << 6,   /* they, it, we */
	L_DET = 1u << 7,     /* determiner */
	L_SPKN = 1u << 8,    /* head noun of a speaker */
	L_TITLE = 1u << 9,   /* title cue */
	L_PART = 1u << 10,   /* particle inside names */
	L_NOTNAME = 1u << 11, /* capitalised but never a name */
	L_SUB = 1u << 12,    /* opens a subordinate clause: after, as, when */
	L_LINK = 1u << 13,   /* links a clause to the one before: and, but, whom */
	L_TIME = 1u << 14,   /* a time word: night, week, ago */
	L_HEAD = 1u << 15,   /* first word of a phrase */
	L_OPEN = 1u << 16,   /* opens an adverbial before the subject: in, after, asked */
	L_NOANTE = 1u << 17  /* a name right after it is no antecedent of a speaker pronoun: told, of */
};
#define L_ANYCUE (L_CUE | L_MCUE | L_LISTEN)
#define L_PRON (L_PPRON | L_OPRON)

static const struct {
	const char *key;
	unsigned bits;
} lex_lists[] = {
	{"cues", L_CUE},
	{"listener_cues", L_CUE | L_LISTEN},
	{"mixed_cues", L_MCUE},
	{"source_cues", L_SRC},
	{"skip", L_SKIP},
	{"person_pronouns", L_PPRON},
	{"other_pronouns", L_OPRON},
	{"determiners", L_DET},
	{"speaker_nouns", L_SPKN},
	{"title_cues", L_TITLE},
	{"name_particles", L_PART},
	{"not_names", L_NOTNAME},
	{"subordinators", L_SUB},
	{"clause_links", L_LINK},
	{"time_words", L_TIME},
	{"openers", L_OPEN},
	{"not_antecedent_after", L_NOANTE},
};
#define NLISTS (sizeof lex_lists / sizeof lex_lists[0])

struct lexent {
	char *key;
	size_t len;
	unsigned bits;
};

/* ------------------------------------------------------------------ per-article state */

struct tk {
	unsigned bits;  /* lexicon bits of the word */
	unsigned pbits; /* bits of the longest phrase starting here */
	int plen;       /* its length in tokens (0: none) */
	int q;          /* quote span holding the token (marks included), -1 */
	int sent, para;
	unsigned char mark; /* 1 double quote mark, 2 single */
	unsigned char used; /* a cue already taken */
	size_t koff, klen;  /* lower-cased key in keys */
};

enum { Q_CAND = 0, Q_DIRECT, Q_MIXED, Q_DROP };

struct qspan {
	int o, c;       /* open and close mark tokens; c = -1 when never closed */
	int a, b;       /* inner tokens [a, b) */
	int single;
	int status;
	int attr;       /* the attribution that holds it, -1 */
	int head, tail; /* head/tail frame kinds (see classify) */
	int hcue, tcue; /* cue tokens found beside it, -1 */
	int hcl, tcl;   /* their lengths */
	int hsa, hsb, tsa, tsb; /* speakers found beside it, -1 */
	int hpunct;     /* a colon or comma just before the opening mark */
	int hafter;     /* tokens between the head cue and the mark */
};

#define MAXPARTS 8
struct attr {
	int kind; /* Q_DIRECT, Q_MIXED, or 3 for indirect */
	int pa[MAXPARTS], pb[MAXPARTS]; /* content parts as token ranges */
	int np;
	int cue, cl;  /* cue token and length, -1 for none (a colon: cl = 1 on the colon) */
	int sa, sb;   /* speaker tokens, -1 */
	int from;     /* speaker copied from this attribution (context), -1 */
	int drop;
	double conf;
	/* resolved speaker */
	size_t spk_c0, spk_c1;
	const char *canon; /* malloc'd or NULL */
	const char *type;
};
#define K_INDIRECT 3

struct mention {
	size_t c0, c1;
	int t0; /* its first token */
	const char *canonical, *type, *code, *role;
};

struct af_quoter {
	struct lexent *tab;
	size_t cap, n;
	int maxwords;
	/* scratch */
	struct af_tokens toks;
	struct af_sentences sents;
	/* fullest_name's index, made on its first call for a text: the ends of names
	 * (fn_i, fn_a) sorted by last word, and per run of one word its longest name */
	struct fn_end {
		int i, a;       /* the name's tokens [a, i] */
		int best, next; /* the run's first entry: its longest and second-longest entry */
	} *fn;
	size_t nfn, fncap;
	int fn_ready;
	struct tk *tk;
	size_t tkcap;
	struct af_buf keys;
	struct qspan *qs;
	size_t nq, qcap;
	struct attr *at;
	size_t na, acap;
	struct mention *men;
	size_t nmen, mencap;
	const char *s;
	size_t slen;
	int nt;
};

static unsigned lex_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct lexent *lex_slot(struct af_quoter *q, const char *s, size_t n)
{
	for (size_t i = lex_hash(s, n) & (q->cap - 1);; i = (i + 1) & (q->cap - 1)) {
		struct lexent *e = &q->tab[i];
		if (!e->key || (e->len == n && memcmp(e->key, s, n) == 0))
			return e;
	}
}

static unsigned lex_get(const struct af_quoter *q, const char *s, size_t n)
{
	if (!q->cap)
		return 0;
	return lex_slot((struct af_quoter *)q, s, n)->bits;
}

static void lex_put(struct af_quoter *q, const char *s, size_t n, unsigned bits)
{
	if ((q->n + 1) * 2 > q->cap) {
		size_t oc = q->cap;
		struct lexent *old = q->tab;
		q->cap = oc ? oc * 2 : 512;
		q->tab = af_calloc(q->cap, sizeof *q->tab);
		q->n = 0;
		for (size_t i = 0; i < oc; i++)
			if (old[i].key) {
				struct lexent *e = lex_slot(q, old[i].key, old[i].len);
				*e = old[i];
				q->n++;
			}
		free(old);
	}
	struct lexent *e = lex_slot(q, s, n);
	if (!e->key) {
		e->key = af_strndup(s, n);
		e->len = n;
		q->n++;
	}
	e->bits |= bits;
}

/* Lower-case s into b, ’ and ‘ as ', spaces folded to one: the key of a word or phrase. */
static void lex_key(struct af_buf *b, const char *s, size_t n)
{
	af_buf_grow(b, n + 1);
	char *o = b->p + b->len, *o0 = o;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n') {
			sp = o > o0;
			continue;
		}
		if (sp) {
			*o++ = ' ';
			sp = 0;
		}
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
			*o++ = '\'';
			i += 2;
			continue;
		}
		*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	b->len = (size_t)(o - b->p);
	*o = '\0';
}

static void lex_add_word(struct af_quoter *q, const char *s, size_t n, unsigned bits)
{
	struct af_buf k = {0};
	lex_key(&k, s, n);
	if (!k.len) {
		af_buf_free(&k);
		return;
	}
	int words = 1;
	for (size_t i = 0; i < k.len; i++)
		words += k.p[i] == ' ';
	lex_put(q, k.p, k.len, bits);
	if (words > 1) {
		const char *sp = memchr(k.p, ' ', k.len);
		lex_put(q, k.p, (size_t)(sp - k.p), L_HEAD);
		if (words > q->maxwords)
			q->maxwords = words;
	}
	af_buf_free(&k);
}

int af_quoter_add(struct af_quoter *q, const char *buf, size_t len, const char *file, struct af_error *err)
{
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	int rc = -1;
	if (root->type != AF_Y_MAP) {
		af_yerr(err, root, "expected a map of word lists (cues, listener_cues, ...), found %s",
		        af_ytype_name(root));
		goto out;
	}
	const char *keys[NLISTS + 1];
	for (size_t i = 0; i < NLISTS; i++)
		keys[i] = lex_lists[i].key;
	keys[NLISTS] = NULL;
	if (af_ymap_check(root, keys, err) < 0)
		goto out;
	for (size_t l = 0; l < NLISTS; l++) {
		const struct af_ynode *seq = af_ymap_get(root, lex_lists[l].key);
		if (!seq)
			continue;
		if (seq->type != AF_Y_SEQ) {
			af_yerr(err, seq, "%s: expected a list of words, found %s", lex_lists[l].key,
			        af_ytype_name(seq));
			goto out;
		}
		for (size_t i = 0; i < seq->n; i++) {
			if (af_yscalar(seq->kids[i], "a word or phrase", err) < 0)
				goto out;
			lex_add_word(q, seq->kids[i]->str, seq->kids[i]->len, lex_lists[l].bits);
		}
	}
	rc = 0;
out:
	af_yaml_free(root);
	return rc;
}

int af_quoter_load(struct af_quoter *q, const char *path, struct af_error *err)
{
	size_t len;
	char *buf = af_read_file(path, &len);
	if (!buf) {
		af_error_set(err, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	int rc = af_quoter_add(q, buf, len, path, err);
	free(buf);
	return rc;
}

struct af_quoter *af_quoter_new(struct af_error *err)
{
	const struct af_datafile *d = af_data_find("quotes.yaml");
	if (!d) {
		af_error_set(err, "quotes.yaml is not compiled in");
		return NULL;
	}
	if (af_text_init(err) < 0)
		return NULL;
	struct af_quoter *q = af_calloc(1, sizeof *q);
	q->maxwords = 1;
	if (af_quoter_add(q, d->data, d->len, "quotes.yaml", err) < 0) {
		af_quoter_free(q);
		return NULL;
	}
	return q;
}

void af_quoter_free(struct af_quoter *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->cap; i++)
		free(q->tab[i].key);
	free(q->tab);
	af_tokens_free(&q->toks);
	af_sentences_free(&q->sents);
	free(q->fn);
	free(q->tk);
	af_buf_free(&q->keys);
	free(q->qs);
	free(q->at);
	free(q->men);
	free(q);
}

/* ------------------------------------------------------------------ token helpers */

#define T(i) (q->toks.v[(i)])
#define K(i) (q->tk[(i)])

static int is_word(const struct af_quoter *q, int i)
{
	return i >= 0 && i < q->nt && T(i).kind == AF_TOK_WORD;
}

static int tok_is(const struct af_quoter *q, int i, const char *w)
{
	if (i < 0 || i >= q->nt || !K(i).klen || q->keys.p[K(i).koff] != w[0])
		return 0;
	size_t n = strlen(w);
	return K(i).klen == n && memcmp(q->keys.p + K(i).koff, w, n) == 0;
}

static int is_punct(const struct af_quoter *q, int i, char c)
{
	return i >= 0 && i < q->nt && T(i).kind == AF_TOK_PUNCT && T(i).end - T(i).start == 1 &&
	       q->s[T(i).start] == c;
}

/* a word that may be part of a name: capitalised, not a sentence opener, not a pronoun */
static int is_cap(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (T(i).flags & AF_TF_CAP) && !(K(i).bits & (L_NOTNAME | L_PRON | L_ANYCUE));
}

static int is_lower(const struct af_quoter *q, int i)
{
	return is_word(q, i) && !(T(i).flags & AF_TF_CAP) && (T(i).flags & AF_TF_ALPHA);
}

static int is_end_punct(const struct af_quoter *q, int i)
{
	return is_punct(q, i, '.') || is_punct(q, i, '!') || is_punct(q, i, '?') ||
	       (i >= 0 && i < q->nt && T(i).kind == AF_TOK_PUNCT && q->s[T(i).start] == (char)0xE2 &&
	        T(i).end - T(i).start == 3 && (unsigned char)q->s[T(i).start + 2] == 0xA6); /* … */
}

/* a dash: - -- – — ― */
static int is_dash(const struct af_quoter *q, int i)
{
	if (i < 0 || i >= q->nt || T(i).kind != AF_TOK_PUNCT)
		return 0;
	const unsigned char *c = (const unsigned char *)q->s + T(i).start;
	size_t l = T(i).end - T(i).start;
	return (l <= 2 && c[0] == '-' && c[l - 1] == '-') ||
	       (l == 3 && c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x93 && c[2] <= 0x95);
}

/* a participle: "saying", "adding" (its subject is the clause's) */
static int is_ing(const struct af_quoter *q, int i)
{
	return K(i).klen > 4 && !memcmp(q->keys.p + K(i).koff + K(i).klen - 3, "ing", 3);
}

/* cue bits of token i (its phrase when one starts there) and the cue's length */
static unsigned cue_at(const struct af_quoter *q, int i, int *len)
{
	if (i < 0 || i >= q->nt || T(i).kind != AF_TOK_WORD) {
		*len = 0;
		return 0;
	}
	if (K(i).plen && (K(i).pbits & (L_ANYCUE | L_SRC))) {
		*len = K(i).plen;
		return K(i).pbits;
	}
	*len = 1;
	return K(i).bits;
}

/* ------------------------------------------------------------------ noun phrases */

/* a word that opens an adverbial before the subject ("In a statement, ...", "Asked about
 * ..., X said"): the lexicon's openers */
static int is_prep(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (K(i).bits & L_OPEN);
}


/* A speaker ending at token e-1, not before lo: a pronoun, a name, or a common noun phrase
 * ("the report", "Spokespersons for these movements", "Trump's campaign"). 1 and *sa. */
static int np_back(const struct af_quoter *q, int e, int lo, int *sa)
{
	int i = e - 1;
	if (i < lo || !is_word(q, i))
		return 0;
	if (tok_is(q, i, "who") || tok_is(q, i, "which")) {
		/* "Smith, who said ...": the antecedent */
		int p = is_punct(q, i - 1, ',') ? i - 1 : i;
		return p > lo && np_back(q, p, lo, sa);
	}
	if (K(i).bits & (L_ANYCUE | L_SKIP | L_PART) || tok_is(q, i, "that") || tok_is(q, i, "to") ||
	    (is_lower(q, i) && (K(i).bits & (L_SUB | L_LINK))))
		return 0; /* "had this to say", "He praised those who left but said" */
	if (K(i).bits & L_PRON) {
		*sa = i;
		return 1;
	}
	if ((K(i).bits & L_TIME) && is_lower(q, i)) {
		/* "Judge Reeves late Thursday night issued", "The department two weeks ago said":
		 * the noun phrase before the time phrase */
		int t = i;
		while (t - 1 >= lo && t > i - 6 && !tok_is(q, t - 1, "who") &&
		       ((K(t - 1).bits & (L_TIME | L_NOTNAME | L_DET | L_SKIP)) || T(t - 1).kind == AF_TOK_NUMBER ||
		        tok_is(q, t - 1, "than") || tok_is(q, t - 1, "less") || tok_is(q, t - 1, "more") ||
		        tok_is(q, t - 1, "late")))
			t--;
		int s2;
		if (t < i && t > lo && (is_cap(q, t - 1) || (K(t - 1).bits & (L_PRON | L_SPKN)) || tok_is(q, t - 1, "who")) &&
		    np_back(q, t, lo, &s2)) {
			*sa = s2;
			return 1;
		}
	}
	int j;
	if (is_cap(q, i)) {
		j = i;
		while (j - 1 >= lo) {
			if (is_cap(q, j - 1) || (T(j - 1).flags & AF_TF_INITIAL))
				j--;
			else if ((K(j - 1).bits & L_PART) && j - 2 >= lo && is_cap(q, j - 2) && !tok_is(q, j - 1, "and"))
				j -= 2;
			else if ((T(j - 1).flags & AF_TF_CLITIC) && j - 2 >= lo && is_cap(q, j - 2))
				j -= 2; /* Trump's Kellyanne ... rare; keeps names whole */
			else
				break;
		}
		if (j - 1 >= lo && tok_is(q, j - 1, "the"))
			j--;
		*sa = j;
		return 1;
	}
	if (!is_lower(q, i))
		return 0;
	/* a common noun phrase: lower-case words (and capitalised modifiers) back to a determiner */
	j = i;
	int det = -1;
	for (int k = 0; k < 6 && j - 1 >= lo; k++) {
		int p = j - 1;
		if (K(p).bits & L_DET) {
			det = p;
			break;
		}
		if (is_lower(q, p) && !(K(p).bits & (L_ANYCUE | L_SKIP | L_PART | L_PRON)) && !tok_is(q, p, "that") &&
		    !tok_is(q, p, "who") && !tok_is(q, p, "which"))
			j = p;
		else if (is_cap(q, p) || ((T(p).flags & AF_TF_CLITIC) && p - 1 >= lo && is_cap(q, p - 1)))
			j = p;
		else
			break;
	}
	if (det < 0 && j - 1 >= lo && T(j - 1).kind == AF_TOK_NUMBER)
		det = j - 1; /* "47 percent said" */
	if (det >= 0 && !(K(i).bits & L_SPKN) && det - 2 >= lo && is_lower(q, det - 1) && (K(det - 1).bits & L_NOTNAME) &&
	    !tok_is(q, det - 1, "for") && !tok_is(q, det - 1, "of")) {
		/* "Trump in his announcement speech called": the name before the phrase */
		int s2;
		if (np_back(q, det - 1, lo, &s2) && (is_cap(q, det - 2) || (K(det - 2).bits & L_PRON))) {
			*sa = s2;
			return 1;
		}
	}
	if (det >= 0)
		j = det;
	else if (!(K(i).bits & L_SPKN) &&
	         !(i - j < 4 && (j == lo || T(j - 1).kind == AF_TOK_PUNCT || (K(j - 1).bits & L_NOTNAME)) &&
	           !(K(j).bits & L_NOTNAME)))
		return 0; /* a bare noun phrase only at the clause's start: "strategists said" */
	else if (!(is_cap(q, j) || (T(j).flags & AF_TF_CAP) || j == i || (K(j).bits & L_SPKN)))
		j = i;
	/* "spokesman for the ministry", "the head of the agency" */
	for (int r = 0; r < 2; r++) {
		int p = j - 1;
		if (p - 1 >= lo && (tok_is(q, p, "for") || tok_is(q, p, "of") || tok_is(q, p, "at")) && is_word(q, p - 1) &&
		    ((K(p - 1).bits & L_SPKN) || is_lower(q, p - 1) || is_cap(q, p - 1)) &&
		    !(K(p - 1).bits & (L_ANYCUE | L_SKIP | L_PRON | L_DET))) {
			int s2;
			if (np_back(q, p, lo, &s2) && s2 < p)
				j = s2;
			else
				break;
		} else
			break;
	}
	*sa = j;
	return 1;
}

static int np_fwd(const struct af_quoter *q, int b, int hi, int *sa, int *se);

/* np_back, or the name before an apposition: "Smith, a spokesman for X, said" -> Smith. */
static int np_back_appos(const struct af_quoter *q, int e, int lo, int *sa, int *sb)
{
	if (is_punct(q, e - 1, ')')) {
		/* "Sen. Elizabeth Warren (D-MA) said": the name before the brackets */
		int p = e - 2;
		while (p > lo && p > e - 8 && !is_punct(q, p, '(') && !is_punct(q, p, ')'))
			p--;
		if (p > lo && is_punct(q, p, '(') && is_cap(q, p - 1) && np_back(q, p, lo, sa)) {
			*sb = p;
			return 1;
		}
	}
	if (is_punct(q, e - 1, ',') && e - lo <= 30) {
		/* a name that opens the clause, then only asides up to the cue: "Clinton, during a
		 * town hall meeting in Columbus, Ohio, said", "Cory James, 22, of Flint, Mich., said" */
		int t = lo, a, b, ok = 1;
		while (t < e && T(t).kind == AF_TOK_PUNCT)
			t++;
		for (int i = t; i < e && ok; i++)
			if (K(i).q >= 0 || (K(i).bits & L_ANYCUE))
				ok = 0;
		int b2 = -1;
		if (ok && np_fwd(q, t, e, &a, &b) && a == t && b < e - 1 && is_punct(q, b, '(') && is_cap(q, b - 1)) {
			/* "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": past the tag */
			b2 = b + 1;
			while (b2 < e - 1 && b2 < b + 8 && !is_punct(q, b2, ')') && !is_punct(q, b2, '('))
				b2++;
			b2 = is_punct(q, b2, ')') ? b2 + 1 : -1;
		}
		if (ok && np_fwd(q, t, e, &a, &b) && a == t && b < e - 1 && is_punct(q, b2 >= 0 ? b2 : b, ',') && is_cap(q, b - 1) &&
		    !(K(a).bits & (L_DET | L_NOTNAME)) && (b2 < 0 || b2 < e - 1)) {
			*sa = a;
			*sb = b;
			return 1;
		}
	}
	if (is_punct(q, e - 1, ',')) {
		for (int p = e - 2; p > lo && p > e - 30; p--) {
			if (T(p).kind == AF_TOK_QUOTE_OPEN || T(p).kind == AF_TOK_QUOTE_CLOSE || T(p).kind == AF_TOK_QUOTE ||
			    K(p).q >= 0)
				return 0;
			if (is_punct(q, p, ',')) {
				int s2;
				if (np_back(q, p, lo, &s2)) {
					*sa = s2;
					*sb = p;
					return 1;
				}
				return 0;
			}
		}
		return 0;
	}
	if (np_back(q, e, lo, sa)) {
		*sb = e;
		int p = *sa - 2, s2;
		if (p > lo && tok_is(q, *sa - 1, "by") && is_lower(q, p) && K(p).klen > 3 &&
		    !memcmp(q->keys.p + K(p).koff + K(p).klen - 2, "ed", 2) && np_back(q, p, lo, &s2) && !(K(s2).bits & L_PRON)) {
			/* "A letter from the American Legion obtained by The Associated Press warns":
			 * the noun phrase the participle phrase qualifies */
			*sa = s2;
			*sb = p;
			return 1;
		}
		if ((K(e - 1).bits & L_TIME) && is_lower(q, e - 1)) /* the time phrase np_back passed over */
			while (*sb - 1 > *sa && !is_cap(q, *sb - 1) && !(K(*sb - 1).bits & (L_PRON | L_SPKN)))
				(*sb)--;
		return 1;
	}
	return 0;
}

/* A speaker starting at token b, before hi: a pronoun, a name, or "the report". 1 and *se. */
static int np_fwd(const struct af_quoter *q, int b, int hi, int *sa, int *se)
{
	if (b >= hi || !is_word(q, b))
		return 0;
	if (K(b).bits & L_PRON) {
		*sa = b;
		*se = b + 1;
		return 1;
	}
	int j = b;
	if (tok_is(q, b, "the") && is_cap(q, b + 1))
		j++;
	/* a capitalised determiner before a lower-case word opens a noun phrase, not a name:
	 * "The idea of ...", "His campaign" */
	if (is_cap(q, j) && !((K(j).bits & L_DET) && is_lower(q, j + 1))) {
		int k = j + 1;
		while (k < hi) {
			if (is_cap(q, k) || (T(k).flags & AF_TF_INITIAL))
				k++;
			else if ((K(k).bits & L_PART) && is_cap(q, k + 1) && k + 1 < hi && !tok_is(q, k, "and"))
				k += 2;
			else
				break;
		}
		*sa = b;
		*se = k;
		return 1;
	}
	if ((K(b).bits & L_DET) || (is_lower(q, b) && !(K(b).bits & (L_ANYCUE | L_SKIP)))) {
		int k = b + 1, lastn = -1;
		for (; k < hi && k < b + 7; k++) {
			if (is_cap(q, k)) {
				/* "campaign manager Kellyanne Conway": the name */
				int s2, e2;
				if (np_fwd(q, k, hi, &s2, &e2)) {
					*sa = s2;
					*se = e2;
					return 1;
				}
			}
			if ((K(k).bits & L_PART) && !tok_is(q, k, "and") && k + 1 < hi && is_word(q, k + 1) &&
			    !(K(k + 1).bits & (L_ANYCUE | L_SKIP)) && !is_prep(q, b) && !(K(b).bits & L_NOTNAME))
				continue; /* "one of two witnesses", "master of ceremonies X" */
			if (T(k).kind == AF_TOK_NUMBER && (T(k).flags & AF_TF_HYPHEN)) {
				lastn = k; /* "the 46-year-old" */
				continue;
			}
			if (is_word(q, k) && (T(k).flags & AF_TF_CAP) && (K(k).bits & L_NOTNAME) && !(K(k).bits & L_PRON) &&
			    is_lower(q, k + 1))
				continue; /* "a Wednesday editorial" */
			if (!is_lower(q, k) || (K(k).bits & (L_ANYCUE | L_PART | L_SKIP)) || tok_is(q, k, "that") ||
			    tok_is(q, k, "who"))
				break;
			lastn = k;
		}
		if (lastn < 0 && (K(b).bits & L_DET) && (k >= hi || T(k).kind == AF_TOK_PUNCT) && !tok_is(q, b, "the") &&
		    !tok_is(q, b, "a") && !tok_is(q, b, "an") && !tok_is(q, b, "this") && !tok_is(q, b, "no")) {
			/* a determiner standing alone: ""...," read one.", "tweeted another" */
			*sa = b;
			*se = b + 1;
			return 1;
		}
		if (lastn < 0 && !(K(b).bits & L_SPKN))
			return 0;
		*sa = b;
		*se = lastn < 0 ? b + 1 : lastn + 1;
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------------ preparation */

static void prepare(struct af_quoter *q)
{
	int n = q->nt;
	if ((size_t)n > q->tkcap) {
		q->tkcap = (size_t)n + 64;
		q->tk = af_realloc(q->tk, q->tkcap * sizeof *q->tk);
	}
	af_buf_reset(&q->keys);
	int para = 0;
	for (int i = 0; i < n; i++) {
		struct tk *k = &q->tk[i];
		memset(k, 0, sizeof *k);
		k->q = -1;
		if (i > 0 && (T(i).flags & AF_TF_PARA))
			para++;
		k->para = para;
		k->koff = q->keys.len;
		lex_key(&q->keys, q->s + T(i).start, T(i).end - T(i).start);
		k->klen = q->keys.len - k->koff;
		if (T(i).kind == AF_TOK_WORD) {
			k->bits = lex_get(q, q->keys.p + k->koff, k->klen);
			/* a lower-case adverb may stand between speaker and cue like the skip words:
			 * "Kasich has also broadly called for ..." */
			if (k->klen >= 5 && !memcmp(q->keys.p + k->koff + k->klen - 2, "ly", 2) &&
			    (T(i).flags & AF_TF_LOWER) && !(k->bits & (L_SPKN | L_DET | L_ANYCUE)))
				k->bits |= L_SKIP;
		}
		enum af_tok_kind kd = T(i).kind;
		if (kd == AF_TOK_QUOTE_OPEN || kd == AF_TOK_QUOTE_CLOSE || kd == AF_TOK_QUOTE) {
			const unsigned char *c = (const unsigned char *)q->s + T(i).start;
			size_t l = T(i).end - T(i).start;
			if ((l == 1 && c[0] == '"') || (l == 2 && c[0] == 0xC2 && (c[1] == 0xAB || c[1] == 0xBB)) ||
			    (l == 3 && c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x9C || c[2] == 0x9D || c[2] == 0x9E)))
				k->mark = 1;
			else if (!(l == 1 && c[0] == '\'' &&
			           ((i > 0 && T(i - 1).end == T(i).start && q->s[T(i - 1).start] == '\'' &&
			             T(i - 1).end - T(i - 1).start == 1) ||
			            (i + 1 < n && T(i + 1).start == T(i).end && q->s[T(i + 1).start] == '\''))))
				k->mark = 2; /* a doubled apostrophe ''...'' stays apostrophes (docs/af-quotes.1) */
		}
	}
	for (size_t si = 0; si < q->sents.n; si++)
		for (size_t i = q->sents.v[si].tok_start; i < q->sents.v[si].tok_end; i++)
			q->tk[i].sent = (int)si;
	/* phrases */
	struct af_buf b = {0};
	for (int i = 0; i < n; i++) {
		if (!(K(i).bits & L_HEAD))
			continue;
		for (int w = q->maxwords; w >= 2; w--) {
			if (i + w > n)
				continue;
			af_buf_reset(&b);
			int ok = 1;
			for (int j = i; j < i + w; j++) {
				if (T(j).kind != AF_TOK_WORD) {
					ok = 0;
					break;
				}
				if (j > i)
					af_buf_addc(&b, ' ');
				af_buf_add(&b, q->keys.p + K(j).koff, K(j).klen);
			}
			if (!ok)
				continue;
			unsigned bits = lex_get(q, b.p, b.len);
			if (bits & ~L_HEAD) {
				K(i).pbits = bits & ~L_HEAD;
				K(i).plen = w;
				break;
			}
		}
	}
	af_buf_free(&b);
}

/* ------------------------------------------------------------------ quote spans */

static void add_span(struct af_quoter *q, int o, int c, int last, int single)
{
	int a = o + 1, b = c >= 0 ? c : last + 1;
	if (b <= a)
		return;
	if (q->nq == q->qcap) {
		q->qcap = q->qcap ? q->qcap * 2 : 32;
		q->qs = af_realloc(q->qs, q->qcap * sizeof *q->qs);
	}
	struct qspan *s = &q->qs[q->nq];
	memset(s, 0, sizeof *s);
	s->o = o;
	s->c = c;
	s->a = a;
	s->b = b;
	s->single = single;
	s->attr = -1;
	s->hcue = s->tcue = s->hsa = s->tsa = -1;
	for (int i = o; i <= (c >= 0 ? c : last); i++)
		if (K(i).q < 0)
			K(i).q = (int)q->nq;
	q->nq++;
}

/* An opening double mark at i inside an open quote that opens a quote of its own: its
 * closing mark comes in its sentence, and another closing mark (the outer quote's) later in
 * its paragraph. The inner closing mark, or 0. */
static int nested_close(const struct af_quoter *q, int i)
{
	int j = i + 1;
	while (j < q->nt && K(j).sent == K(i).sent && !(K(j).mark == 1))
		j++;
	if (j >= q->nt || K(j).sent != K(i).sent || T(j).kind == AF_TOK_QUOTE_OPEN || j - i < 2)
		return 0;
	for (int k = j + 1; k < q->nt && K(k).para == K(i).para; k++)
		if (K(k).mark == 1)
			return T(k).kind == AF_TOK_QUOTE_OPEN ? 0 : j;
	return 0;
}

static void find_spans(struct af_quoter *q)
{
	int open = -1, nc;
	q->nq = 0;
	for (int i = 0; i < q->nt; i++) {
		if (open >= 0 && K(i).para != K(open).para && (T(i).flags & AF_TF_PARA)) {
			/* a paragraph ended inside a quote: it goes on when the next one opens with a mark */
			if (!(K(i).mark == 1 && T(i).kind != AF_TOK_QUOTE_CLOSE)) {
				add_span(q, open, -1, i - 1, 0);
				open = -1;
			} else {
				continue;
			}
		}
		if (K(i).mark != 1)
			continue;
		enum af_tok_kind kd = T(i).kind;
		if (open < 0) {
			if (kd != AF_TOK_QUOTE_CLOSE)
				open = i;
		} else if (kd == AF_TOK_QUOTE_OPEN && q->s[T(i).start] != '"' && K(i).sent != K(open).sent &&
		           T(i).cstart > T(open).cend) {
			/* a new opening mark in a later sentence: the first was never closed */
			int last = i - 1;
			while (last > open && K(last).sent == K(i).sent)
				last--;
			add_span(q, open, -1, last, 0);
			open = i;
		} else if (kd == AF_TOK_QUOTE_OPEN && (nc = nested_close(q, i)) > 0) {
			/* a quote inside the quote: “People wearing “Settle For Hillary” shirts ...” */
			i = nc;
		} else {
			add_span(q, open, i, i, 0);
			open = -1;
		}
	}
	if (open >= 0)
		add_span(q, open, -1, q->nt - 1, 0);
	/* single quotes outside double ones: ‘...’ within a sentence */
	size_t nd = q->nq;
	for (int i = 0; i < q->nt; i++) {
		if (K(i).mark != 2 || K(i).q >= 0 || T(i).kind != AF_TOK_QUOTE_OPEN)
			continue;
		for (int j = i + 1; j < q->nt && j < i + 80 && K(j).sent == K(i).sent; j++) {
			if (K(j).q >= 0)
				break;
			if (K(j).mark == 2 && T(j).kind == AF_TOK_QUOTE_CLOSE) {
				if (j - i >= 3)
					add_span(q, i, j, j, 1);
				i = j;
				break;
			}
		}
	}
	/* keep text order */
	if (q->nq > nd) {
		for (size_t x = 1; x < q->nq; x++) {
			struct qspan t = q->qs[x];
			size_t y = x;
			while (y > 0 && q->qs[y - 1].o > t.o) {
				q->qs[y] = q->qs[y - 1];
				y--;
			}
			q->qs[y] = t;
		}
		for (int i = 0; i < q->nt; i++)
			K(i).q = -1;
		for (size_t x = 0; x < q->nq; x++) {
			int e = q->qs[x].c >= 0 ? q->qs[x].c : q->qs[x].b - 1;
			for (int i = q->qs[x].o; i <= e; i++)
				if (K(i).q < 0)
					K(i).q = (int)x;
		}
	}
}

static int sent_start(const struct af_quoter *q, int i)
{
	return (int)q->sents.v[K(i).sent].tok_start;
}

static int sent_end(const struct af_quoter *q, int i)
{
	return (int)q->sents.v[K(i).sent].tok_end;
}

static int span_end(const struct qspan *s)
{
	return s->c >= 0 ? s->c + 1 : s->b;
}

/* words inside a span */
static int span_words(const struct af_quoter *q, const struct qspan *s)
{
	int n = 0;
	for (int i = s->a; i < s->b; i++)
		n += T(i).kind == AF_TOK_WORD || T(i).kind == AF_TOK_NUMBER;
	return n;
}



/* the sentence from s0 opens with an adverbial ("As recently as ..., ", "In a statement, ") */
static int opens_adverbial(const struct af_quoter *q, int s0, int hi)
{
	int i = s0;
	while (i < hi && T(i).kind == AF_TOK_PUNCT)
		i++;
	return i < hi && is_prep(q, i);
}

/* A dateline opening the sentence ("WASHINGTON, Dec. 8 (UPI) — ...", "Washington (AFP) –"):
 * the token after its dash, else s0. */
static int skip_dateline(const struct af_quoter *q, int s0, int hi)
{
	int sep = 0;
	for (int j = s0; j < hi && j < s0 + 14; j++) {
		if (is_dash(q, j))
			return sep && j > s0 ? j + 1 : s0;
		if (is_punct(q, j, '(') || (is_punct(q, j, ',') && j > s0 && (T(s0).flags & AF_TF_ALLCAPS) && T(s0).end - T(s0).start > 1))
			sep = 1; /* an agency in brackets, or a place in capitals */
		else if (!(T(j).kind == AF_TOK_PUNCT || T(j).kind == AF_TOK_NUMBER || (T(j).flags & AF_TF_CAP)) || K(j).q >= 0)
			return s0;
	}
	return s0;
}

/* a capitalised adverb in -ly before an opener or a participle: "Shortly after ...",
 * "Hastily politicizing ..." */
static int cap_adverb(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (T(i).flags & AF_TF_CAP) && K(i).klen >= 6 &&
	       !memcmp(q->keys.p + K(i).koff + K(i).klen - 2, "ly", 2) && !(K(i).bits & L_SPKN) &&
	       (is_prep(q, i + 1) || (is_ing(q, i + 1) && is_lower(q, i + 1)));
}

static int subject_of(const struct af_quoter *q, int s0, int hi, int *sa, int *sb)
{
	int i = skip_dateline(q, s0, hi);
	while (i < hi && T(i).kind == AF_TOK_PUNCT)
		i++;
	if (i + 1 < hi && cap_adverb(q, i))
		i++;
	/* an opening participle clause is no subject: "Appearing before supporters, Suu Kyi
	 * said", "Holding signs ..., the protesters chanted" */
	int part = i + 1 < hi && (T(i).flags & AF_TF_CAP) && is_ing(q, i) && is_lower(q, i + 1) && !(K(i + 1).bits & L_ANYCUE);
	if (i < hi && (is_prep(q, i) || part))
		for (int c = i + 1; c < hi && c < i + 24; c++) {
			if (K(c).q >= 0)
				break;
			if (is_punct(q, c, ',')) {
				i = c + 1;
				break;
			}
		}
	while (i < hi && ((K(i).bits & L_NOTNAME) || T(i).kind == AF_TOK_PUNCT) && !(K(i).bits & L_PRON))
		i++;
	/* the first noun phrase that a verb follows: "Speaking in Salem, New Hampshire, Trump
	 * went after Bush" -> Trump */
	for (int j = i, n = 0; j < hi && n < 4; n++) {
		int a, b;
		if (!np_fwd(q, j, hi, &a, &b) || b <= j)
			break;
		if (b < hi && is_lower(q, b) && !(K(b).bits & (L_PART | L_NOTNAME | L_DET)) &&
		    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET)) || tok_is(q, a, "the"))) {
			*sa = a;
			*sb = b;
			return 1;
		}
		j = b;
		while (j < hi && is_lower(q, j) && (K(j).bits & (L_NOTNAME | L_SKIP | L_TIME)))
			j++; /* "A few days later, Trump reversed himself" */
		if (!(j < hi && is_punct(q, j, ',')))
			break;
		j++;
	}
	return np_fwd(q, i, hi, sa, sb);
}

/* The subject of a verb coordinated by "and" at ai ("he laughed and said", "Eight years ago,
 * he supported Obama and said", "when he brought up ... and later said"): the noun phrase
 * that opens the clause holding the first verb. */
static int and_subject(const struct af_quoter *q, int lo, int ai, int *sa, int *sb)
{
	int p = ai - 1;
	if (p > lo && is_punct(q, p, ','))
		p--; /* "X cast the blame on ..., and emphasized" */
	while (p >= lo && p > ai - 30 && K(p).q < 0 && !is_punct(q, p, ',') && !is_punct(q, p, ';') && !is_dash(q, p) &&
	       !(is_lower(q, p) && (K(p).bits & L_SUB)) && !tok_is(q, p, "and") && !tok_is(q, p, "but"))
		p--;
	if (p <= ai - 30 || (p >= lo && (K(p).q >= 0 || tok_is(q, p, "and") || tok_is(q, p, "but"))))
		return 0;
	int c = p + 1, a, b;
	while (c < ai && T(c).kind == AF_TOK_PUNCT)
		c++;
	if (np_fwd(q, c, ai, &a, &b) && a == c && b < ai && is_lower(q, b) &&
	    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET)) || tok_is(q, a, "the")) &&
	    !(K(b).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, b, "that") && !is_prep(q, b)) {
		*sa = a;
		*sb = b;
		return 1;
	}
	return 0;
}

/* A cue in an opening participle or prepositional clause ("Citing "obligations," the
 * spokeswoman told ...", "Holding signs calling Christie "...", the protesters chanted", "In
 * declaring ..., the pope demonstrated"): the main clause's subject, after the clause's comma. */
static int opener_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb)
{
	int i = s0, s1 = sent_end(q, s0);
	while (i < ci && (T(i).kind == AF_TOK_PUNCT || ((K(i).bits & L_LINK) && is_word(q, i + 1)) || cap_adverb(q, i)))
		i++; /* "And in explaining ...", "Hastily politicizing ..." */
	if (i > ci || ci - i > 20 || !(is_prep(q, i) || is_ing(q, i) || tok_is(q, i, "led")) || (K(i).bits & L_PRON))
		return 0;
	/* "As they contemplate ...", "While Will acknowledges ...": a clause with its own subject;
	 * "Asked by Thrush if ...": the agent asks */
	if (((K(i).bits & L_SUB) && !is_ing(q, i + 1)) || tok_is(q, ci + 1, "by"))
		return 0;
	for (int k = i; k < ci; k++)
		if (is_punct(q, k, ',') || K(k).used)
			return 0;
	for (int c = ci + 1; c < s1 && c < ci + 30; c++) {
		if (!is_punct(q, c, ','))
			continue;
		int b = c + 1;
		while (b < s1 && (T(b).kind == AF_TOK_QUOTE_CLOSE || (T(b).kind == AF_TOK_QUOTE && K(b).q == K(c).q && K(c).q >= 0)))
			b++;
		if (is_lower(q, b) && is_punct(q, b + 1, ',') && (K(b).bits & (L_NOTNAME | L_SKIP)))
			b += 2; /* "Acknowledging that ..., though, Allen did suggest" */
		int a, e;
		if (np_fwd(q, b, s1, &a, &e) && a == b && e < s1 &&
		    (is_cap(q, a) || (K(a).bits & (L_DET | L_PRON)) || tok_is(q, a, "the")) &&
		    is_lower(q, e) && !(K(e).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, e, "that") && !tok_is(q, e, "who")) {
			*sa = a;
			*sb = e;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* The speaker of a participle cue at ci ("X said, adding ...", "X lobbied for it, saying ..."):
 * the speaker of the nearest finite cue before it in the sentence, else the subject. */
static int ing_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb)
{
	if (opener_subject(q, s0, ci, sa, sb))
		return 1;
	if (ci - 1 >= s0 && is_cap(q, ci - 1) && np_back(q, ci, s0, sa) && *sa > s0) {
		/* "quoted spokesman Abdullah Qarluq claiming that ...": the name before it */
		*sb = ci;
		return 1;
	}
	{
		/* an absolute clause: "..., the mayor calling it ...", "with Trump calling for ..." */
		int a, c = ci;
		while (c - 1 > s0 && (K(c - 1).bits & L_SKIP) && is_lower(q, c - 1))
			c--; /* "with Trump reportedly yelling" */
		if (c - 1 > s0 && np_back(q, c, s0, &a) && a > s0 && a < c &&
		    (is_punct(q, a - 1, ',') || is_dash(q, a - 1) || tok_is(q, a - 1, "with")) &&
		    ((K(a).bits & L_DET) || tok_is(q, a, "the") || is_cap(q, a)) && !(K(a).bits & L_PRON)) {
			*sa = a;
			*sb = c;
			return 1;
		}
	}
	for (int i = ci - 1; i >= s0 && i > ci - 40; i--) {
		int l;
		if (K(i).q >= 0 || !(cue_at(q, i, &l) & (L_CUE | L_LISTEN)) || is_ing(q, i) || i + l > ci)
			continue;
		int j = i, t = s0;
		while (t < i && (T(t).kind == AF_TOK_PUNCT || ((K(t).bits & L_LINK) && is_word(q, t + 1))))
			t++;
		if ((K(t).bits & L_SUB) && t < i) {
			/* "As Blumenthal spoke, the NRA was going into overdrive, whipping ...": the
			 * cue is in an opening subordinate clause; the main clause's subject */
			int c = i + l;
			while (c < ci && !is_punct(q, c, ','))
				c++;
			int a, b;
			if (c < ci - 1 && np_fwd(q, c + 1, ci, &a, &b) && a == c + 1 && b < ci && is_lower(q, b) &&
			    (is_cap(q, a) || (K(a).bits & (L_PRON | L_DET))) && !(K(b).bits & (L_PART | L_DET | L_PRON))) {
				*sa = a;
				*sb = b;
				return 1;
			}
		}
		while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
			j--;
		if (np_back_appos(q, j, s0, sa, sb))
			return 1;
		/* "..., said Smith, adding": the inverted subject (but "Warren endorsed Clinton,
		 * saying": the object) */
		if ((j == s0 || T(j - 1).kind != AF_TOK_WORD) && np_fwd(q, i + l, ci, sa, sb) && is_word(q, *sa) &&
		    (K(*sa).bits & L_PRON || is_cap(q, *sa)))
			return 1;
		break;
	}
	/* "..., when Sanders protesters interrupted her speech, shouting ...": the subject of the
	 * subordinate clause the participle hangs on */
	for (int p = ci - 2; p > s0 && p > ci - 25; p--) {
		if (K(p).q >= 0)
			break;
		if (!(is_lower(q, p) && (K(p).bits & L_SUB)))
			continue;
		int a, b, commas = 0;
		for (int k = p + 1; k < ci - 1; k++)
			commas += is_punct(q, k, ',');
		if (!commas && is_punct(q, ci - 1, ',') && np_fwd(q, p + 1, ci, &a, &b) && a == p + 1 && b < ci &&
		    is_lower(q, b) && (is_cap(q, a) || (K(a).bits & (L_DET | L_PRON))) &&
		    !(K(b).bits & (L_PART | L_DET | L_PRON)) && !tok_is(q, b, "that") && !is_prep(q, b)) {
			*sa = a;
			*sb = b;
			return 1;
		}
		break;
	}
	return subject_of(q, s0, ci, sa, sb);
}

/* Head of span k: the tokens before its opening mark in its sentence.
 * 1 empty; 2 an attribution with a cue ("X said:", "X said,", "X told CNN"); 3 a colon
 * without a cue ("Muttaqi:"); 0 anything else (the quote is inside a clause). */
static void classify_head(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	int lo = sent_start(q, s->o);
	if (k > 0 && span_end(&q->qs[k - 1]) > lo)
		lo = span_end(&q->qs[k - 1]);
	int e = s->o;
	s->head = 0;
	if (e <= lo && e > 0 && is_punct(q, e - 1, ':') && (k == 0 || span_end(&q->qs[k - 1]) < e)) {
		/* "Karzai said:" closing the sentence or paragraph before the quote */
		lo = sent_start(q, e - 1);
		if (k > 0 && span_end(&q->qs[k - 1]) > lo)
			lo = span_end(&q->qs[k - 1]);
	}
	if (e <= lo) {
		s->head = 1;
		return;
	}
	int colon = is_punct(q, e - 1, ':'), comma = is_punct(q, e - 1, ',');
	s->hpunct = colon || comma;
	int he = (colon || comma) ? e - 1 : e;
	if (he > lo && (is_punct(q, he - 1, ',') || is_punct(q, he - 1, '-')))
		he--;
	/* the last cue in the head */
	int ci = -1, cl = 0;
	for (int i = he - 1; i >= lo && i >= he - 12; i--) {
		int l;
		unsigned b = cue_at(q, i, &l);
		if ((b & (L_CUE | L_LISTEN)) && !K(i).used && i + l <= he) {
			ci = i;
			cl = l;
			break;
		}
	}
	if (ci >= 0) {
		int after = he - (ci + cl);
		int ok = 0;
		if (colon || comma)
			ok = after <= 10;
		else
			ok = after <= 3;
		for (int i = ci + cl; i < he && ok; i++)
			if ((tok_is(q, i, "that") || tok_is(q, i, "as") || tok_is(q, i, "if") || tok_is(q, i, "whether")) &&
			    !(i - (ci + cl) >= 3 && !(K(ci).bits & L_LISTEN) && is_lower(q, i - 1) && !(K(i - 1).bits & L_ANYCUE) && colon))
				ok = 0; /* "said that ...:" reports a clause; "responded with a phrase that ...:" not */
		if (ok) {
			s->head = 2;
			s->hcue = ci;
			s->hcl = cl;
			s->hafter = after;
			int j = ci;
			while (j - 1 >= lo && (K(j - 1).bits & L_SKIP))
				j--;
			int sa, sb;
			if (is_ing(q, ci)) {
				if (ing_subject(q, sent_start(q, ci), ci, &sa, &sb)) {
					s->hsa = sa;
					s->hsb = sb;
				}
			} else if (np_back_appos(q, j, lo, &sa, &sb)) {
				s->hsa = sa;
				s->hsb = sb;
			} else if (!(K(ci).bits & L_LISTEN) && np_fwd(q, ci + cl, he, &sa, &sb) &&
			           (is_cap(q, sb - 1) || (K(sb - 1).bits & (L_SPKN | L_PRON)))) {
				/* "said Smith:"; but "told his supporters:" names the listener, and
				 * "recalled the three-year freeze:" the object */
				s->hsa = sa;
				s->hsb = sb;
			} else if ((tok_is(q, j - 1, "and") && and_subject(q, lo, j - 1, &sa, &sb)) ||
			           subject_of(q, lo, ci, &sa, &sb)) {
				s->hsa = sa;
				s->hsb = sb;
			}
			return;
		}
	}
	if (colon) {
		s->head = 3;
		int sa, sb, w = e - 2, j = w;
		while (j - 1 >= lo && (K(j - 1).bits & L_SKIP))
			j--;
		if (np_back(q, e - 1, lo, &sa) && sa == lo) {
			s->hsa = sa;
			s->hsb = e - 1;
		} else if (is_cap(q, e - 2) && np_back_appos(q, e - 1, lo, &sa, &sb) &&
		           sa > lo && (is_cap(q, sa) || (K(sa).bits & (L_DET | L_SPKN))) &&
		           !((is_prep(q, sa - 1) && !tok_is(q, sa - 1, "from")) || tok_is(q, sa - 1, "to") || tok_is(q, sa - 1, "of"))) {
			/* but not the object of a preposition ("delivered a blunt message to Trump:"),
			 * save a source ("More from Jones:") */
			/* "... doesn't surprise Republican pollster Daron Shaw:" */
			s->hsa = sa;
			s->hsb = sb;
		} else if (w > lo && is_lower(q, w) && !(K(w).bits & (L_SPKN | L_DET | L_PART)) && (j < w || is_cap(q, w - 1)) &&
		           np_back_appos(q, j, lo, &sa, &sb) && (is_cap(q, sb - 1) || (K(sb - 1).bits & L_SPKN))) {
			/* a verb the lexicon lacks: "a spokesman for Sanders could only quip:" */
			s->hsa = sa;
			s->hsb = sb;
		} else if (subject_of(q, lo, e - 1, &sa, &sb)) {
			s->hsa = sa;
			s->hsb = sb;
		}
	}
}

/* Tail of span k: the tokens after its closing mark in its sentence.
 * 1 empty (or only end punctuation); 2 an attribution ", X said" / ", said X"; 0 else. */
static void classify_tail(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	s->tail = 0;
	if (s->c < 0) {
		s->tail = 1;
		return;
	}
	int b = s->c + 1, hi = b < q->nt ? sent_end(q, s->c) : b;
	if (is_dash(q, b) && is_cap(q, b + 1)) {
		/* a name after a dash closing its line: "“...” ― Carla Sanchez", "“...” / - Sanders" */
		int sa, sb;
		if (np_fwd(q, b + 1, q->nt, &sa, &sb) && sa == b + 1 && is_cap(q, sb - 1) &&
		    (sb >= q->nt || (T(sb).flags & AF_TF_NEWLINE) || is_punct(q, sb, ',') ||
		     (is_end_punct(q, sb) && (sb + 1 >= q->nt || (T(sb + 1).flags & AF_TF_NEWLINE))))) {
			s->tail = 2;
			s->tcue = b;
			s->tcl = 1;
			s->tsa = sa;
			s->tsb = sb;
			return;
		}
	}
	if (hi < b)
		hi = b;
	if ((size_t)k + 1 < q->nq && q->qs[k + 1].o < hi)
		hi = q->qs[k + 1].o;
	/* "“A.” Merkley said." split by the sentence splitter: the next sentence when a cue
	 * stands in its first words */
	if (b < q->nt && hi == b && K(b).para == K(s->c).para && T(b).kind == AF_TOK_WORD) {
		int e2 = sent_end(q, b);
		if ((size_t)k + 1 < q->nq && q->qs[k + 1].o < e2)
			e2 = q->qs[k + 1].o;
		int qm = s->b > s->a && (is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!'));
		for (int i = b; i < e2 && (e2 - b <= 7 || (qm && i < b + 6)); i++) {
			int l;
			if (cue_at(q, i, &l) & (L_CUE | L_LISTEN)) {
				hi = e2;
				break;
			}
		}
	}
	while (b < hi && (is_punct(q, b, ',') || is_punct(q, b, '-') || T(b).kind == AF_TOK_PUNCT) &&
	       !is_end_punct(q, b) && !is_punct(q, b, '('))
		b++;
	int e = hi;
	while (e > b && (is_end_punct(q, e - 1) || T(e - 1).kind == AF_TOK_QUOTE_CLOSE))
		e--;
	if (e <= b) {
		s->tail = 1;
		return;
	}
	int l, sa, sb;
	unsigned cb = cue_at(q, b, &l);
	if ((cb & (L_CUE | L_LISTEN)) && !is_ing(q, b) && np_fwd(q, b + l, e, &sa, &sb)) {
		s->tail = 2;
		s->tcue = b;
		s->tcl = l;
		s->tsa = sa;
		s->tsb = sb;
		return;
	}
	if (is_lower(q, b) && !(K(b).bits & (L_DET | L_NOTNAME | L_PART | L_PRON | L_SKIP)) && !is_ing(q, b) &&
	    s->b > s->a && (is_punct(q, s->b - 1, ',') || is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!')) &&
	    np_fwd(q, b + 1, e, &sa, &sb) && sb == e) {
		/* "“...?” reacted Trump.", "“...,” read the email.": a verb the lexicon lacks */
		s->tail = 2;
		s->tcue = b;
		s->tcl = 1;
		s->tsa = sa;
		s->tsb = sb;
		return;
	}
	/* "..., Judicial Watch president Tom Fitton said Tuesday": the first cue after the
	 * quote, its speaker the noun phrase (with an apposition) from the quote to the cue */
	for (int j = b + 1; j < e && j < b + 40; j++) {
		if (K(j).q >= 0)
			break;
		cb = cue_at(q, j, &l);
		if (!(cb & (L_CUE | L_LISTEN)) || is_ing(q, j))
			continue;
		int c = j;
		while (c - 1 > b && (K(c - 1).bits & L_SKIP))
			c--;
		if (is_punct(q, c - 1, ')')) { /* "Rep. Earl Blumenauer (D-Ore.) said" */
			int p = c - 2;
			while (p > b && p > c - 10 && !is_punct(q, p, '('))
				p--;
			if (p > b && is_punct(q, p, '('))
				c = p;
		}
		if (np_back_appos(q, c, b, &sa, &sb) && (sb == c || is_punct(q, c - 1, ','))) {
			int ok = sa - b <= 8;
			for (int i = b; i < sa && ok; i++)
				if (!(T(i).kind == AF_TOK_WORD || is_punct(q, i, '-') || (T(i).flags & AF_TF_CLITIC)) ||
				    (K(i).bits & L_ANYCUE) || tok_is(q, i, "when") || tok_is(q, i, "while") ||
				    tok_is(q, i, "if") || tok_is(q, i, "as") || tok_is(q, i, "because") ||
				    tok_is(q, i, "after") || tok_is(q, i, "before") || tok_is(q, i, "although"))
					ok = 0;
			if (ok) {
				s->tail = 2;
				s->tcue = j;
				s->tcl = l;
				s->tsa = b;
				s->tsb = sb;
				return;
			}
		}
		break;
	}
	if (np_fwd(q, b, e, &sa, &sb)) {
		if (sb == e && sb - sa >= 2 && is_lower(q, sb - 1) && !(K(sb - 1).bits & L_SPKN))
			sb--; /* ""...," the email read.": the last word is the verb */
		int j = sb;
		if (is_punct(q, j, ',')) { /* apposition: "Smith, a spokesman, said" */
			int p = j + 1;
			while (p < e && p < j + 30 && !is_punct(q, p, ','))
				p++;
			if (p < e)
				j = p + 1;
		}
		while (j < e && (K(j).bits & L_SKIP))
			j++;
		cb = cue_at(q, j, &l);
		if (cb & (L_CUE | L_LISTEN)) {
			s->tail = 2;
			s->tcue = j;
			s->tcl = l;
			s->tsa = sa;
			s->tsb = sb;
		} else if (j < e && is_lower(q, j) && !(K(j).bits & (L_DET | L_NOTNAME | L_PART | L_PRON | L_SKIP)) &&
		           s->b > s->a &&
		           (is_punct(q, s->b - 1, ',') ||
		            (e - j <= 8 && (is_punct(q, s->b - 1, '?') || is_punct(q, s->b - 1, '!'))))) {
			/* "“...,” Bozell answers.": a verb the lexicon lacks, after a quote that
			 * ends in a comma */
			s->tail = 2;
			s->tcue = j;
			s->tcl = 1;
			s->tsa = sa;
			s->tsb = sb;
		}
	}
}

/* The words before the opening mark name a title: "under the title", "the film". */
static int title_before(const struct af_quoter *q, const struct qspan *s)
{
	int i = s->o - 1;
	while (i >= 0 && (T(i).kind == AF_TOK_PUNCT && is_punct(q, i, ',')))
		i--;
	for (int back = 0; back < 3 && i >= 0; back++, i--) {
		if (K(i).bits & L_TITLE)
			return 1;
		if (K(i).plen == 0)
			for (int j = i - 1; j >= 0 && j >= i - 3; j--)
				if (K(j).plen && j + K(j).plen == i + 1 && (K(j).pbits & L_TITLE))
					return 1;
		if (!(T(i).flags & AF_TF_CLITIC) && !(K(i).bits & L_DET))
			break;
	}
	return 0;
}

/* Title case: most words capitalised, few of them, no sentence inside. */
static int title_case(const struct af_quoter *q, const struct qspan *s)
{
	int words = 0, caps = 0;
	for (int i = s->a; i < s->b; i++) {
		if (is_end_punct(q, i) && i + 1 < s->b)
			return 0;
		if (T(i).kind != AF_TOK_WORD)
			continue;
		words++;
		if (T(i).flags & AF_TF_CAP)
			caps++;
		else if ((K(i).bits & (L_PART | L_DET)) || tok_is(q, i, "is") || tok_is(q, i, "to") || tok_is(q, i, "in") ||
		         tok_is(q, i, "on") || tok_is(q, i, "with") || tok_is(q, i, "a") || tok_is(q, i, "an") ||
		         tok_is(q, i, "from") || tok_is(q, i, "or"))
			caps++; /* "Orange is the New Black", "Flip the Script with Liz Plank" */
	}
	return words > 0 && words <= 12 && caps == words && (T(s->a).flags & AF_TF_CAP);
}

/* ------------------------------------------------------------------ attributions */

static struct attr *attr_new(struct af_quoter *q)
{
	if (q->na == q->acap) {
		q->acap = q->acap ? q->acap * 2 : 32;
		q->at = af_realloc(q->at, q->acap * sizeof *q->at);
	}
	struct attr *a = &q->at[q->na++];
	memset(a, 0, sizeof *a);
	a->cue = a->sa = a->from = -1;
	return a;
}

/* A source after an attribution, from token p to its sentence's end: ""...," Sanders said,
 * according to CNN." -> CNN, whose report the quote is (PolNeAR's source). 1 and the span. */
static int source_after(const struct af_quoter *q, int p, int *sa, int *sb)
{
	if (p <= 0 || p >= q->nt)
		return 0;
	int se = sent_end(q, p - 1);
	for (int i = p; i < se && i < p + 20; i++) {
		if (K(i).q >= 0 || is_end_punct(q, i))
			return 0;
		int l;
		if ((cue_at(q, i, &l) & L_SRC) && np_fwd(q, i + l, se, sa, sb))
			return 1;
	}
	return 0;
}

static void direct_quotes(struct af_quoter *q)
{
	for (size_t k = 0; k < q->nq; k++) {
		classify_head(q, (int)k);
		classify_tail(q, (int)k);
	}
	for (size_t k = 0; k < q->nq; k++) {
		struct qspan *s = &q->qs[k];
		int direct = s->head == 2 || s->head == 3 || (s->head == 1 && (s->tail == 1 || s->tail == 2));
		if (s->single && !(s->head == 2 || s->tail == 2))
			direct = 0;
		/* "X vowed to "bomb the hell" out of ...": the quote is a piece of the clause */
		if (s->head == 2 && !s->hpunct && (s->tail == 0 || s->hafter > 0))
			direct = 0;
		/* "Nothing the president said "will assuage ...," the senator said", "Obama said
		 * "it gets me mad" every time he thinks ...": a cue on both sides, the first one
		 * inside the clause */
		if (s->head == 2 && !s->hpunct && s->tail == 2)
			direct = 0;
		if (!direct)
			continue;
		/* a few words alone are no quote ("a "deal"."), unless they go on the quote
		 * before: ""They sue," he said. "Everybody sues, right?"" */
		int shortq = s->head == 1 && s->tail == 1 && span_words(q, s) <= 3 && s->c >= 0;
		if (title_before(q, s))
			continue;
		/* a part of the previous quote: "A," he said, "B." or "A," he said. "B." */
		if (k > 0) {
			struct qspan *p = &q->qs[k - 1];
			struct attr *pa = p->attr >= 0 ? &q->at[p->attr] : NULL;
			int same = p->status == Q_DIRECT && pa && pa->kind == Q_DIRECT && pa->np < MAXPARTS &&
			           K(p->o).para == K(s->o).para;
			int merge = 0;
			if (same && s->head == 2 && s->hcue >= 0 && s->hcue == pa->cue)
				merge = 1;
			else if (same && s->head == 1 && s->tail != 2 &&
			         (K(s->o).sent == K(p->b - 1).sent + 1 || K(s->o).sent == K(p->b - 1).sent ||
			          (p->tail == 2 && K(s->o).sent == K(p->tcue).sent + 1)))
				merge = 1;
			if (merge && shortq && (p->tail != 2 || K(s->o).sent != K(p->tcue).sent + 1))
				merge = 0;
			if (merge) {
				pa->pa[pa->np] = s->a;
				pa->pb[pa->np] = s->b;
				pa->np++;
				s->status = Q_DIRECT;
				s->attr = p->attr;
				continue;
			}
		}
		if (shortq)
			continue;
		struct attr *a = attr_new(q);
		a->kind = Q_DIRECT;
		a->pa[0] = s->a;
		a->pb[0] = s->b;
		a->np = 1;
		a->conf = 0.9;
		if (s->tail == 2) {
			a->cue = s->tcue;
			a->cl = s->tcl;
			a->sa = s->tsa;
			a->sb = s->tsb;
			int x, y;
			if (s->tsb >= s->tcue + s->tcl ? source_after(q, s->tsb, &x, &y)
			                               : source_after(q, s->tcue + s->tcl, &x, &y)) {
				a->sa = x;
				a->sb = y;
			}
		} else if (s->head == 2) {
			a->cue = s->hcue;
			a->cl = s->hcl;
			a->sa = s->hsa;
			a->sb = s->hsb;
		} else if (s->head == 3) {
			a->cue = s->o - 1;
			a->cl = 1;
			a->sa = s->hsa;
			a->sb = s->hsb;
		} else {
			a->conf = 0.6;
		}
		if (a->cue >= 0)
			for (int i = a->cue; i < a->cue + a->cl; i++)
				K(i).used = 2;
		if (s->c < 0)
			a->conf -= 0.2;
		s->status = Q_DIRECT;
		s->attr = (int)(a - q->at);
	}
}

static int in_direct(const struct af_quoter *q, int i)
{
	return K(i).q >= 0 && q->qs[K(i).q].status == Q_DIRECT;
}

/* content [a, b): trim punctuation at both ends (not quote marks) */
static void trim(const struct af_quoter *q, int *a, int *b)
{
	while (*a < *b && T(*a).kind == AF_TOK_PUNCT && !is_punct(q, *a, '('))
		(*a)++;
	while (*b > *a && (T(*b - 1).kind == AF_TOK_PUNCT))
		(*b)--;
}

/* Frames of one sentence [s0, s1): cue verbs with their speaker and content. */
static void frames(struct af_quoter *q, int s0, int s1)
{
	for (int i = s0; i < s1; i++) {
		if (K(i).q >= 0 || K(i).used)
			continue;
		int l;
		unsigned cb = cue_at(q, i, &l);
		if (!(cb & (L_CUE | L_MCUE | L_SRC)))
			continue;
		if (!(cb & L_SRC) && l == 1 && K(i).klen > 3 && !memcmp(q->keys.p + K(i).koff + K(i).klen - 2, "ed", 2) &&
		    (tok_is(q, i + 1, "by") || tok_is(q, i + 1, "in")) && i - 2 >= s0 && is_lower(q, i - 1) &&
		    !(K(i - 1).bits & (L_SKIP | L_PRON | L_ANYCUE)) &&
		    ((K(i - 2).bits & L_DET) || (i - 3 >= s0 && (K(i - 3).bits & L_DET)) || (T(i - 2).flags & AF_TF_CLITIC)))
			continue; /* a participle after a noun: "a statement issued in his name", "a letter
			           * obtained by The Associated Press" */
		int sa = -1, sb = -1, ca = -1, cbd = -1, ca2 = -1, cb2 = -1;
		if (cb & L_SRC) {
			if (!np_fwd(q, i + l, s1, &sa, &sb))
				continue;
			int first = i == s0 || (i - s0 <= 2 && !is_word(q, i - 1)) || (K(i - 1).bits & L_NOTNAME);
			if (first) {
				int c = sb;
				while (c < s1 && !is_punct(q, c, ',') && c < sb + 15)
					c++;
				ca = c + 1;
				cbd = s1;
			} else {
				ca = s0;
				cbd = i;
				if (is_punct(q, sb, ',') && sb + 3 < s1) {
					ca2 = sb + 1;
					cb2 = s1;
				}
			}
		} else {
			int j = i;
			while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
				j--;
			int ing = is_ing(q, i);
			int have = ing ? ing_subject(q, s0, i, &sa, &sb) : np_back_appos(q, j, s0, &sa, &sb);
			if (!have && !ing && j - 1 > s0 && tok_is(q, j - 1, "and"))
				have = and_subject(q, s0, j - 1, &sa, &sb);
			if (!have && !ing && j - 1 > s0 && tok_is(q, j - 1, "to"))
				/* "Trump is expected to announce that ...": the clause's subject */
				have = ing = ing_subject(q, s0, j - 1, &sa, &sb);
			if (!have && ing && j == s0 && i > 0 && K(i - 1).para == K(i).para) {
				/* "..." she said. Adding: ... (rare): no speaker here */
			}
			if (have && sa > s0 + 2 && sa < j && !ing && is_cap(q, sa) && is_word(q, sa - 1) && !(K(sa - 1).bits & L_DET)) {
				/* ""Boots on the ground" would be appropriate, Republican candidate Ben
				 * Carson said": a title before the name, back to the comma */
				int p = sa - 1;
				while (p > s0 && p > sa - 5 && is_word(q, p) && K(p).q < 0 &&
				       !(K(p).bits & (L_ANYCUE | L_SUB | L_LINK | L_PRON)) && !tok_is(q, p, "that"))
					p--;
				if (p > s0 && p < sa - 1 && (is_punct(q, p, ',') || T(p).kind == AF_TOK_QUOTE_CLOSE))
					sa = p + 1;
			}
			if (have && sa > s0 && sa < j && !ing &&
			    (is_punct(q, sa - 1, ',') || T(sa - 1).kind == AF_TOK_QUOTE_CLOSE)) {
				/* "CONTENT, X said (...)": content before, unless a clause follows */
				int rest = 0, hasthat = 0, l3;
				for (int k = i + l; k < s1 && !is_end_punct(q, k); k++) {
					if (is_punct(q, k, ',') && is_ing(q, k + 1) && (cue_at(q, k + 1, &l3) & L_CUE))
						break; /* "..., the source recalled, adding that ...": a frame of its own */
					rest++;
					if (tok_is(q, k, "that"))
						hasthat = 1;
				}
				int before = 0; /* "Around that time, 47 percent said they would ...": no clause before */
				for (int k = s0; k < sa - 1; k++)
					before += T(k).kind == AF_TOK_WORD || K(k).q >= 0;
				/* "As recently as an October interview, Trump said he ...": an opening
				 * adverbial is no content */
				if ((before < 4 || (opens_adverbial(q, s0, sa) && !hasthat)) && rest >= 3) {
					/* the content follows */
				} else if (!hasthat && rest <= 8) {
					ca = s0;
					cbd = sa - 1;
				} else if (!hasthat && (is_punct(q, sa - 1, ',') ||
				                        (T(sa - 1).kind == AF_TOK_QUOTE_CLOSE && is_punct(q, sa - 2, ',')))) {
					/* "The two leaders, X said in a report, had joined ...", "Trump's support
					 * means "he must be doing something right," she says, "but ..."" */
					int c = i + l;
					while (c < s1 && !is_punct(q, c, ',') && c < i + l + 10)
						c++;
					if (c < s1 && is_punct(q, c, ',')) {
						ca = s0;
						cbd = sa - 1;
						ca2 = c + 1;
						cb2 = s1;
					}
				}
			} else if (!have && j - 1 >= s0 && (is_punct(q, j - 1, ',') || T(j - 1).kind == AF_TOK_QUOTE_CLOSE) &&
			           !ing) {
				/* "CONTENT, said X." (an inverted subject ends the clause: in "Washington, star
				 * of "Scandal," thanked Obama for ..." the words after the verb are its object) */
				if (np_fwd(q, i + l, s1, &sa, &sb) && !is_prep(q, sa) &&
				    !(sb < s1 && ((T(sb).flags & AF_TF_CLITIC) || tok_is(q, sb, "for") || tok_is(q, sb, "to") ||
				                  tok_is(q, sb, "with") || tok_is(q, sb, "about") || tok_is(q, sb, "into") ||
				                  tok_is(q, sb, "that") || tok_is(q, sb, "as")))) {
					have = 1;
					ca = s0;
					cbd = j - 1;
				}
			}
			if (!have)
				continue;
			if (ca < 0) {
				int c = i + l;
				if (cb & L_LISTEN) {
					int x, y;
					if (!tok_is(q, c, "that") && np_fwd(q, c, s1, &x, &y))
						c = y;
				}
				for (int k = c; k < s1 && k < c + 9; k++) {
					if (tok_is(q, k, "that")) {
						c = k;
						break;
					}
					int l2;
					/* "X said he thinks that ...": the content is the whole clause, the
					 * inner cue a frame of its own */
					if (is_end_punct(q, k) || K(k).q >= 0 || (k > c && (cue_at(q, k, &l2) & L_CUE)))
						break;
				}
				ca = c;
				cbd = s1;
			}
		}
		/* the content stops at a direct quote or its cue, and before a trailing ", X said" */
		for (int k = ca; k < cbd; k++)
			if (in_direct(q, k) || (K(k).used == 2 && k > ca)) {
				cbd = k;
				break;
			}
		trim(q, &ca, &cbd);
		if (ca2 >= 0) {
			for (int k = ca2; k < cb2; k++)
				if (in_direct(q, k)) {
					cb2 = k;
					break;
				}
			trim(q, &ca2, &cb2);
			if (cb2 - ca2 < 2)
				ca2 = -1;
		}
		if (cbd - ca < 2)
			continue;
		/* the frame holds candidate spans: mixed; a span that runs on past the sentence
		 * carries the content with it */
		int mixed = 0;
		for (int k = ca; k < cbd; k++)
			if (K(k).q >= 0 && q->qs[K(k).q].status != Q_DIRECT && q->qs[K(k).q].status != Q_DROP &&
			    !q->qs[K(k).q].single) {
				mixed = 1;
				int e = span_end(&q->qs[K(k).q]);
				if (e > cbd)
					cbd = e;
				k = e - 1;
			}
		struct attr *a = attr_new(q);
		a->kind = mixed ? Q_MIXED : K_INDIRECT;
		a->pa[0] = ca;
		a->pb[0] = cbd;
		a->np = 1;
		if (ca2 >= 0) {
			a->pa[1] = ca2;
			a->pb[1] = cb2;
			a->np = 2;
		}
		a->cue = i;
		a->cl = l;
		a->sa = sa;
		a->sb = sb;
		a->conf = mixed ? 0.8 : 0.6;
		for (int k = i; k < i + l; k++)
			K(k).used = 1;
		i += l - 1;
	}
}

/* a frame whose content was cut: mixed when it still holds a candidate span, else indirect */
static void mixed_or_indirect(const struct af_quoter *q, struct attr *A)
{
	A->kind = K_INDIRECT;
	for (int k = A->pa[0]; k < A->pb[0]; k++)
		if (K(k).q >= 0 && q->qs[K(k).q].status != Q_DIRECT && q->qs[K(k).q].status != Q_DROP &&
		    !q->qs[K(k).q].single)
			A->kind = Q_MIXED;
	A->conf = A->kind == Q_MIXED ? 0.8 : 0.6;
}

struct same_content {
	int pa, pb, cue;
	size_t x;
};

static int by_content(const void *a, const void *b)
{
	const struct same_content *x = a, *y = b;
	if (x->pa != y->pa)
		return x->pa < y->pa ? -1 : 1;
	if (x->pb != y->pb)
		return x->pb < y->pb ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

/* Nested frames: a frame whose content holds another frame's cue and speaker gives its
 * quoted fragments to the inner one and ends where the inner one's content ends. */
static void nest(struct af_quoter *q, size_t first)
{
	/* two cues with the same content ("quoted X claiming that ..."): the nearer one, the
	 * last cue before the content; the frames grouped by content, sorted (linear time on
	 * thousands of frames, issue 15) */
	size_t ng = 0;
	struct same_content *g = af_malloc((q->na - first + 1) * sizeof *g);
	for (size_t x = first; x < q->na; x++)
		if (!q->at[x].drop && q->at[x].kind != Q_DIRECT)
			g[ng++] = (struct same_content){q->at[x].pa[0], q->at[x].pb[0], q->at[x].cue, x};
	qsort(g, ng, sizeof *g, by_content);
	for (size_t a = 0, b; a < ng; a = b) {
		int near = INT_MIN;
		for (b = a; b < ng && g[b].pa == g[a].pa && g[b].pb == g[a].pb; b++)
			if (g[b].cue < g[b].pa && g[b].cue > near)
				near = g[b].cue;
		for (size_t k = a; k < b; k++)
			if (g[k].cue < near)
				q->at[g[k].x].drop = 1;
	}
	free(g);
	/* "After Trump argued that ..., Rubio said only that his "numbers don't add up"": a
	 * frame in a subordinate clause that opens the sentence ends at the comma before the
	 * main clause's speaker, and the quoted words there are the main clause's */
	for (size_t x = first; x < q->na; x++) {
		struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop || A->np != 1 || A->cue < 0)
			continue;
		int s0 = sent_start(q, A->cue);
		while (s0 < A->cue && (T(s0).kind != AF_TOK_WORD || ((K(s0).bits & L_LINK) && is_word(q, s0 + 1))))
			s0++; /* "And after the court refused ..., McCrory blamed ..." */
		if (!(K(s0).bits & L_SUB) || s0 == A->cue)
			continue;
		int comma = 0;
		for (int i = s0; i < A->cue; i++)
			comma |= is_punct(q, i, ',') || K(i).q >= 0;
		if (comma)
			continue;
		for (size_t y = first; y < q->na; y++) {
			struct attr *B = &q->at[y];
			if (y == x || B->kind == Q_DIRECT || B->drop || B->sa < 0 || B->sa >= B->cue ||
			    B->sa - 1 <= A->cue || !is_punct(q, B->sa - 1, ',') || B->sa - 1 < A->pa[0] ||
			    B->sa - 1 >= A->pb[0] || K(B->sa).q >= 0)
				continue;
			int a = A->pa[0], b = B->sa - 1;
			trim(q, &a, &b);
			if (b - a < 2)
				break;
			A->pa[0] = a;
			A->pb[0] = b;
			mixed_or_indirect(q, A);
			break;
		}
	}
	for (size_t x = first; x < q->na; x++) {
		struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop)
			continue;
		for (size_t y = first; y < q->na; y++) {
			struct attr *B = &q->at[y];
			if (y == x || B->kind == Q_DIRECT || B->drop)
				continue;
			int lo = B->sa >= 0 && B->sa < B->cue ? B->sa : B->cue;
			if (!(lo >= A->pa[0] && B->cue < A->pb[0]))
				continue;
			/* B inside A */
			if (B->pb[0] <= A->pb[0] && B->pa[0] > A->pa[0] && B->pa[0] > B->cue) {
				/* A's content runs over B's: fine, B is nested. A mixed A loses its
				 * fragments to B when B holds them all. */
				int lk = B->sa - 1;
				if (A->kind == Q_MIXED && B->kind == Q_MIXED && B->sa >= 0 && B->sa < B->cue &&
				    lk > A->pa[0] + 1 && (K(lk).bits & (L_SUB | L_LINK)) && A->np == 1) {
					/* B's clause is linked to A's, not A's content: "X said ..., although
					 * he tweeted that he "rejects ..."", "..., whom he described as
					 * "peaceful"": A ends before the link, the fragments are B's */
					int a = A->pa[0], b = lk;
					trim(q, &a, &b);
					if (b - a >= 2) {
						A->pb[0] = b;
						mixed_or_indirect(q, A);
						continue;
					}
				}
				if (A->kind == Q_MIXED && B->kind == Q_MIXED && B->pb[0] >= A->pb[0]) {
					/* the outer frame keeps them, unless its cue only introduces
					 * the inner speaker: "X quoted Y claiming that ..." */
					int l;
					if (!(cue_at(q, A->cue, &l) & L_CUE) && (cue_at(q, B->cue, &l) & L_CUE))
						A->drop = 1;
					else
						B->drop = 1;
				}
			} else if (B->pa[0] < B->cue && B->pb[0] < A->pb[0] && B->pb[0] > A->pa[0]) {
				/* "A said X..., B added": A's content ends before B's attribution */
				A->pb[0] = B->pb[0];
				int a = A->pa[0], b = A->pb[0];
				trim(q, &a, &b);
				A->pa[0] = a;
				A->pb[0] = b;
				/* both mixed: the quoted words are B's, whose attribution closes
				 * the sentence ("they asked ..., and X is "...," Hoover said") */
				if (B->kind == Q_MIXED && A->kind == Q_MIXED) {
					/* unless A's cue is one for quoted words: "They described it as
					 * a "golden opportunity", added the report" */
					int l;
					if (cue_at(q, A->cue, &l) & L_MCUE)
						B->drop = 1;
					else
						A->drop = 1;
				}
			}
		}
	}
}

/* A candidate span k after a cue in its sentence that no frame took ("Clinton has decried
 * the issue of "systemic racism" and ..."): a mixed quote whose content is the clause from
 * the cue to the sentence's end. 1 when made. */
static int cue_clause(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	int s0 = sent_start(q, s->o), s1 = sent_end(q, s->o);
	int ci = -1, cl = 0;
	for (int i = s->o - 1; i >= s0 && i >= s->o - 25; i--) {
		if (in_direct(q, i) || (K(i).q >= 0 && K(i).q != k && q->qs[K(i).q].status == Q_MIXED))
			break;
		int l;
		unsigned b = cue_at(q, i, &l);
		if ((b & L_ANYCUE) && i + l <= s->o) {
			ci = i;
			cl = l;
			break;
		}
	}
	if (ci < 0 && s->tail == 2 && s->tsa >= 0 && s->tsb > s->tsa && s->tcue > s->o && s->c >= 0 &&
	    ((s->b > s->a && is_punct(q, s->b - 1, ',')) || is_punct(q, s->c + 1, ','))) {
		/* no cue before, an attribution after: "Nancy's "single most defining role
		 * was ...," Anthony says, ...": the clause up to the quote is the content, the
		 * attribution after it gives cue and speaker (not the possessive) */
		int ca = s0, cbd = span_end(s);
		trim(q, &ca, &cbd);
		if (cbd - ca >= 2) {
			struct attr *a = attr_new(q);
			a->kind = Q_MIXED;
			a->pa[0] = ca;
			a->pb[0] = cbd;
			a->np = 1;
			a->cue = s->tcue;
			a->cl = s->tcl;
			a->sa = s->tsa;
			a->sb = s->tsb;
			a->conf = 0.8;
			for (int i = ca; i < cbd; i++)
				if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
					q->qs[K(i).q].status = Q_MIXED;
					q->qs[K(i).q].attr = (int)(a - q->at);
				}
			return 1;
		}
	}
	if (ci < 0) {
		/* no cue: a named subject and the word after it as the verb ("Ryan lamented the
		 * "disheartened" state of the campaign") */
		int sa, sb;
		if (span_words(q, s) < 2 || !subject_of(q, s0, s->o, &sa, &sb) || !(is_cap(q, sa) || (K(sa).bits & L_PRON)))
			return 0;
		ci = sb;
		while (ci < s->o && (K(ci).bits & L_SKIP) && is_lower(q, ci))
			ci++; /* "Trump also criticised ..." */
		cl = 1;
		if (ci >= s->o || ci + 1 > s->o || !is_lower(q, ci) || K(ci).q >= 0 || (K(ci).bits & (L_NOTNAME | L_DET | L_PART)))
			return 0;
	}
	int ca = ci + cl, cbd = s1, l2;
	if (cue_at(q, ci, &l2) & L_LISTEN) {
		int x, y;
		if (!tok_is(q, ca, "that") && np_fwd(q, ca, s->o, &x, &y))
			ca = y;
	}
	for (int i = s->o; i < cbd; i++)
		if (in_direct(q, i)) {
			cbd = i;
			break;
		}
	trim(q, &ca, &cbd);
	if (cbd <= span_end(s) - 1 || ca > s->o)
		return 0;
	struct attr *a = attr_new(q);
	a->kind = Q_MIXED;
	a->pa[0] = ca;
	a->pb[0] = cbd;
	a->np = 1;
	a->cue = ci;
	a->cl = cl;
	a->conf = 0.5;
	int j = ci, sa, sb;
	while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
		j--;
	if (opener_subject(q, s0, ci, &sa, &sb) || np_back_appos(q, j, s0, &sa, &sb) ||
	    (s0 < ci && subject_of(q, s0, ci, &sa, &sb))) {
		a->sa = sa;
		a->sb = sb;
	}
	for (int i = ca; i < cbd; i++)
		if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
			q->qs[K(i).q].status = Q_MIXED;
			q->qs[K(i).q].attr = (int)(a - q->at);
		}
	return 1;
}

/* "X compared it to a "root canal," according to Axelrod's memoir", "According to the
 * poll, most voters said ...": the source named by "according to" is the speaker, as with
 * direct quotes (source_after). */
static void according_sources(struct af_quoter *q)
{
	for (size_t x = 0; x < q->na; x++) {
		struct attr *a = &q->at[x];
		int l;
		if (a->drop || a->cue < 0 || a->sa < 0 || (cue_at(q, a->cue, &l) & L_SRC) || a->kind == Q_DIRECT)
			continue;
		int sa, sb, s0 = sent_start(q, a->cue);
		if (a->pb[a->np - 1] > a->cue && source_after(q, a->pb[a->np - 1], &sa, &sb) && K(sa).sent == K(a->cue).sent) {
			a->sa = sa;
			a->sb = sb;
			continue;
		}
		while (s0 < a->sa && T(s0).kind == AF_TOK_PUNCT)
			s0++;
		if (s0 < a->sa && (cue_at(q, s0, &l) & L_SRC) && is_punct(q, a->sa - 1, ',') && a->sa < a->cue &&
		    np_fwd(q, s0 + l, a->sa - 1, &sa, &sb) && sb == a->sa - 1) {
			a->sa = sa;
			a->sb = sb;
			continue;
		}
		/* "In a national CNN/ORC poll released Monday, 31% of Republicans said ...": the
		 * poll (a speaker noun after "in"), when the speaker is a share of people */
		int share = 0, c = a->sa - 1;
		while (c > s0 && c > a->sa - 6 && !is_punct(q, c, ','))
			c--;
		for (int k = c + 1; k < a->sb && !share; k++)
			share = T(k).kind == AF_TOK_NUMBER || tok_is(q, k, "percent") || tok_is(q, k, "%");
		if (share && tok_is(q, s0, "in") && a->sa < a->cue && is_punct(q, c, ',') && c - s0 <= 12) {
			for (int k = s0 + 2; k < c; k++)
				if ((K(k).bits & L_SPKN) && is_lower(q, k)) {
					a->sa = s0 + 1;
					a->sb = k + 1;
					break;
				}
		}
	}
}

static void indirect_and_mixed(struct af_quoter *q)
{
	size_t first = q->na;
	for (size_t si = 0; si < q->sents.n; si++) {
		int s0 = (int)q->sents.v[si].tok_start, s1 = (int)q->sents.v[si].tok_end;
		int outside = 0;
		for (int i = s0; i < s1; i++)
			if (!in_direct(q, i)) {
				outside = 1;
				break;
			}
		if (outside)
			frames(q, s0, s1);
	}
	nest(q, first);
	/* spans the frames took */
	for (size_t x = first; x < q->na; x++) {
		struct attr *a = &q->at[x];
		if (a->drop || a->kind != Q_MIXED)
			continue;
		for (int p = 0; p < a->np; p++)
			for (int i = a->pa[p]; i < a->pb[p]; i++)
				if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
					q->qs[K(i).q].status = Q_MIXED;
					q->qs[K(i).q].attr = (int)x;
				}
	}
	/* candidates no frame took */
	for (size_t k = 0; k < q->nq; k++) {
		struct qspan *s = &q->qs[k];
		if (s->status != Q_CAND)
			continue;
		int by = s->c >= 0 ? s->c + 1 : s->b, comma = s->c > 0 && is_punct(q, s->c - 1, ',');
		if (is_punct(q, by, ','))
			by++, comma = 1;
		if (title_before(q, s) || title_case(q, s) || s->single || (s->c >= 0 && comma && tok_is(q, by, "by"))) {
			/* ... and a title credited after it: ""Hamilton' to play Chicago," by
			 * Variety's Gordon Cox" */
			s->status = Q_DROP;
			continue;
		}
		if (s->head != 1 && cue_clause(q, (int)k))
			continue;
		if (span_words(q, s) < 5) {
			s->status = Q_DROP;
			continue;
		}
		struct attr *a = attr_new(q);
		a->kind = s->head == 1 ? Q_DIRECT : Q_MIXED;
		int ca = s->head == 1 ? s->a : s->o, cbd = s->head == 1 ? s->b : span_end(s);
		a->pa[0] = ca;
		a->pb[0] = cbd;
		a->np = 1;
		a->conf = 0.4;
		s->status = a->kind;
		s->attr = (int)(a - q->at);
		int sa, sb, s0 = sent_start(q, s->o);
		if (s0 < s->o && subject_of(q, s0, s->o, &sa, &sb) && (K(sa).bits & L_PRON || is_cap(q, sa))) {
			a->sa = sa;
			a->sb = sb;
		}
	}
}

/* ------------------------------------------------------------------ speakers */

static void load_mentions(struct af_quoter *q, const struct af_mentions *ents)
{
	q->nmen = 0;
	for (size_t i = 0; ents && i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (!e->type_name || e->type == AF_E_DATE || e->cend <= e->cstart)
			continue;
		if (q->nmen == q->mencap)
			q->men = af_grow(q->men, &q->mencap, q->nmen + 1, sizeof *q->men);
		struct mention *m = &q->men[q->nmen++];
		m->c0 = e->cstart;
		m->c1 = e->cend;
		m->type = e->type_name;
		m->canonical = e->canonical;
		m->code = e->code;
		m->role = e->role;
		int lo = 0, hi = q->nt; /* the first token starting at or after the mention */
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;
			if (T(mid).cstart < m->c0)
				lo = mid + 1;
			else
				hi = mid;
		}
		m->t0 = lo;
	}
}

/* Is the name me the object of a verb or preposition ("told Nadeem Reza", "the shrine of Imam
 * Khomeini", "met with Pakistani envoy X"), and so no antecedent of a speaker pronoun? The
 * word before it, past its title and capitalised words, says (not_antecedent_after). */
static int in_role(const struct af_quoter *q, const struct mention *me, int j)
{
	if (!me->role || !is_word(q, j))
		return 0;
	size_t n = T(j).end - T(j).start, rl = strlen(me->role);
	for (const char *r = me->role; *r; r++)
		if ((r == me->role || r[-1] == ' ') && (size_t)(me->role + rl - r) >= n &&
		    !strncasecmp(r, q->s + T(j).start, n) && (r[n] == 0 || r[n] == ' '))
			return 1;
	return 0;
}

static int not_antecedent(const struct af_quoter *q, const struct mention *me)
{
	int j = me->t0 - 1;
	for (int k = 0; k < 6 && j >= 0 && (is_cap(q, j) || (K(j).bits & L_TITLE) || in_role(q, me, j)) &&
	                !(K(j).bits & L_NOANTE);
	     k++)
		j--;
	return j >= 0 && (K(j).bits & L_NOANTE) && !(j > 0 && is_cap(q, j - 1) && tok_is(q, j, "of"));
}

/* "the Iranian president": a nationality and a title are not the speaker's name; the person
 * the article named with that title and a code of that country, nearest before, is. */
static const struct mention *title_holder(const struct af_quoter *q, const struct mention *norp, int sb,
                                          size_t before)
{
	if (!norp->code || sb < 1 || !is_word(q, sb - 1))
		return NULL;
	const char *head = q->s + T(sb - 1).start;
	size_t hl = T(sb - 1).end - T(sb - 1).start, cl = strlen(norp->code);
	const struct mention *near = NULL;
	for (size_t i = 0; i < q->nmen; i++) {
		const struct mention *me = &q->men[i];
		if (me->c1 > before || strcmp(me->type, "PERSON") || !me->role || !me->code ||
		    strncmp(me->code, norp->code, cl))
			continue;
		size_t rl = strlen(me->role);
		if (rl >= hl && !strncasecmp(me->role + rl - hl, head, hl) && (!near || me->c1 > near->c1))
			near = me;
	}
	return near;
}

/* the ends of names by last word, then by position */
static const struct af_quoter *fn_q;

static int fn_key_cmp(const struct af_quoter *q, int i, int j)
{
	size_t li = K(i).klen, lj = K(j).klen;
	int c = memcmp(q->keys.p + K(i).koff, q->keys.p + K(j).koff, li < lj ? li : lj);
	return c ? c : (li > lj) - (li < lj);
}

static int fn_cmp(const void *x, const void *y)
{
	const struct fn_end *a = x, *b = y;
	int c = fn_key_cmp(fn_q, a->i, b->i);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static size_t fn_len(const struct af_quoter *q, const struct fn_end *e)
{
	return T(e->i).end - T(e->a).start;
}

/* Every capitalised name end of the text with its start, once per text: fullest_name looked
 * through every token for each speaker (quadratic on long texts, issue 15). */
static void fn_index(struct af_quoter *q)
{
	q->nfn = 0;
	for (int i = 0; i < q->nt; i++) {
		int a;
		if (!is_cap(q, i) || is_cap(q, i + 1) || !np_back(q, i + 1, 0, &a) || !is_cap(q, a) || i - a >= 6)
			continue;
		if (q->nfn == q->fncap) {
			q->fncap = q->fncap ? 2 * q->fncap : 64;
			q->fn = af_realloc(q->fn, q->fncap * sizeof *q->fn);
		}
		q->fn[q->nfn++] = (struct fn_end){i, a, -1, -1};
	}
	fn_q = q;
	qsort(q->fn, q->nfn, sizeof *q->fn, fn_cmp);
	for (size_t g = 0, h; g < q->nfn; g = h) {
		int best = (int)g, next = -1;
		for (h = g + 1; h < q->nfn && !fn_key_cmp(q, q->fn[h].i, q->fn[g].i); h++)
			if (fn_len(q, &q->fn[h]) > fn_len(q, &q->fn[best]))
				best = (int)h;
		for (size_t k = g; k < h; k++)
			if ((int)k != best && (next < 0 || fn_len(q, &q->fn[k]) > fn_len(q, &q->fn[next])))
				next = (int)k;
		q->fn[g].best = best;
		q->fn[g].next = next;
	}
	q->fn_ready = 1;
}

/* the fullest capitalised name in the text that ends with the same word as [sa, sb): the
 * longest (the first of the longest) of the text's names ending in that word, when it is
 * longer than [sa, sb) */
static char *fullest_name(const struct af_quoter *q, int sa, int sb)
{
	int last = sb - 1;
	int best_a = sa, best_b = sb;
	if (!q->fn_ready)
		fn_index((struct af_quoter *)q);
	size_t lo = 0, hi = q->nfn; /* the first entry whose word is not below last's */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (fn_key_cmp(q, q->fn[mid].i, last) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < q->nfn && !fn_key_cmp(q, q->fn[lo].i, last)) {
		int k = q->fn[lo].best;
		if (q->fn[k].i == last)
			k = q->fn[lo].next;
		if (k >= 0 && fn_len(q, &q->fn[k]) > T(best_b - 1).end - T(best_a).start) {
			best_a = q->fn[k].a;
			best_b = q->fn[k].i + 1;
		}
	}
	while (best_a + 1 < best_b && tok_is(q, best_a, "the"))
		best_a++;
	return af_strndup(q->s + T(best_a).start, T(best_b - 1).end - T(best_a).start);
}

/* the nearest name of two words or more before token i (for he/she without a speaker) */
static char *name_before(const struct af_quoter *q, int i)
{
	for (int j = i - 1; j >= 0 && j > i - 400; j--) {
		int a;
		if (!is_cap(q, j) || is_cap(q, j + 1) || !np_back(q, j + 1, 0, &a))
			continue;
		while (a < j && tok_is(q, a, "the"))
			a++;
		if (j > a && is_cap(q, a))
			return fullest_name(q, a, j + 1);
	}
	return NULL;
}

/* The speaker of a cue in the sentence just before the quote opening at token o, in its
 * paragraph, when the quote opens its sentence: "Dianne Bystrom agreed. "..."". 1 and the span. */
static int prev_sentence_speaker(const struct af_quoter *q, int o, int *sa, int *sb)
{
	int s0 = sent_start(q, o);
	while (s0 < o && T(s0).kind == AF_TOK_PUNCT && K(s0).q < 0)
		s0++;
	if (s0 != o || o == 0 || K(o - 1).para != K(o).para || K(o - 1).q >= 0)
		return 0;
	int p0 = sent_start(q, o - 1);
	for (int i = o - 1; i >= p0; i--) {
		int l;
		if (K(i).q >= 0 || !(cue_at(q, i, &l) & (L_CUE | L_LISTEN)))
			continue;
		int j = i, x, y;
		while (j - 1 >= p0 && (K(j - 1).bits & L_SKIP))
			j--;
		if (is_ing(q, i) ? ing_subject(q, p0, i, &x, &y) : np_back_appos(q, j, p0, &x, &y)) {
			if (!(is_cap(q, y - 1) || (K(y - 1).bits & (L_PRON | L_SPKN))))
				return 0;
			*sa = x;
			*sb = y;
			return 1;
		}
		return 0;
	}
	return 0;
}

/* The attributions not dropped (and with content when with_content), in text order, into
 * ord (q->na entries, malloc'd); their number. */
static size_t text_order(const struct af_quoter *q, int with_content, int **ordp)
{
	int *ord = *ordp = af_malloc((q->na ? q->na : 1) * sizeof *ord);
	size_t m = 0;
	for (size_t x = 0; x < q->na; x++)
		if (!q->at[x].drop && (!with_content || (q->at[x].np > 0 && q->at[x].pb[0] > q->at[x].pa[0])))
			ord[m++] = (int)x;
	for (size_t x = 1; x < m; x++) {
		int t = ord[x];
		size_t y = x;
		while (y > 0 && q->at[ord[y - 1]].pa[0] > q->at[t].pa[0]) {
			ord[y] = ord[y - 1];
			y--;
		}
		ord[y] = t;
	}
	return m;
}

static void resolve(struct af_quoter *q)
{
	int *ord;
	size_t m = text_order(q, 0, &ord);
	int last_person = -1, last_any = -1; /* attributions with a named speaker */
	int last_spk = -1;
	for (size_t x = 0; x < m; x++) {
		struct attr *a = &q->at[ord[x]];
		if (a->sa >= 0 && a->sb - a->sa == 1 && (K(a->sa).bits & L_PRON) && a->cue > a->sa && a->kind != K_INDIRECT) {
			/* "Benjamin said he believes "..."": the quoted words are those of the cue that
			 * reports the pronoun's clause (indirect speech keeps its own frame: "Harper
			 * said he thinks that ..." has "he" for "thinks") */
			int j = a->sa - 1, l, xa, xb;
			if (tok_is(q, j, "that"))
				j--;
			if (j > 0 && K(j).q < 0 && (cue_at(q, j, &l) & L_CUE) && l == 1) {
				int s0 = sent_start(q, j), c = j, got;
				while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
					j--;
				if (is_ing(q, c)) /* "Cruz replied, before adding that he thinks "..."" */
					got = ing_subject(q, s0, c, &xa, &xb);
				else if (!(got = np_back_appos(q, j, s0, &xa, &xb)) && tok_is(q, j - 1, "and"))
					got = subject_of(q, s0, j - 1, &xa, &xb); /* "Reid caucused ... and says he voted "..."" */
				if (got && (is_cap(q, xb - 1) || (K(xb - 1).bits & L_SPKN) || (K(xa).bits & L_DET) || tok_is(q, xa, "the")) &&
				    !(K(xa).bits & L_PRON)) {
					a->sa = xa;
					a->sb = xb;
				}
			}
		}
		if (a->sa < 0 && a->kind == Q_DIRECT && a->pa[0] > 0 && prev_sentence_speaker(q, a->pa[0] - 1, &a->sa, &a->sb)) {
			/* ""...," Robinson said. / Bystrom agreed. "Mainstream Republicans ..."" */
		} else if (a->sa < 0 && last_spk >= 0 && a->kind == Q_DIRECT) {
			struct attr *p = &q->at[last_spk];
			/* an unattributed quote: the last speaker, when near */
			if (K(a->pa[0]).para - K(p->pa[0]).para <= 2) {
				a->sa = p->sa;
				a->sb = p->sb;
				a->from = last_spk;
				/* the same name mentioned again nearer the quote ("Roloson supports
				 * Clinton. "I'm a college graduate ...""): that mention */
				int last = p->sb - 1;
				if (is_cap(q, last))
					for (int t = a->pa[0] - 1; t > last && t > a->pa[0] - 80; t--) {
						int s2;
						if (K(t).klen == K(last).klen && K(t).q < 0 &&
						    !memcmp(q->keys.p + K(t).koff, q->keys.p + K(last).koff, K(t).klen) &&
						    is_cap(q, t) && !is_cap(q, t + 1) && np_back(q, t + 1, 0, &s2)) {
							a->sa = s2;
							a->sb = t + 1;
							break;
						}
					}
			}
		}
		if (a->sa < 0)
			continue;
		a->spk_c0 = T(a->sa).cstart;
		a->spk_c1 = T(a->sb - 1).cend;
		if (a->from >= 0) {
			struct attr *p = &q->at[a->from];
			a->canon = p->canon ? af_strdup(p->canon) : NULL;
			a->type = p->type;
			last_spk = ord[x];
			continue;
		}
		int pron = a->sb - a->sa == 1 && (K(a->sa).bits & L_PRON);
		/* entities first */
		const struct mention *best = NULL;
		for (size_t i = 0; i < q->nmen; i++) {
			const struct mention *me = &q->men[i];
			if (me->c0 >= a->spk_c0 && me->c1 <= a->spk_c1 && (!best || me->c1 > best->c1))
				best = me;
		}
		if (best && !pron && !strcmp(best->type, "NORP")) {
			const struct mention *h = title_holder(q, best, a->sb, a->spk_c0);
			a->canon = h && h->canonical ? af_strdup(h->canonical) : NULL;
			a->type = h ? h->type : NULL;
		} else if (best && !pron) {
			a->canon = best->canonical ? af_strdup(best->canonical) : NULL;
			a->type = best->type;
		} else if (pron) {
			int person = (K(a->sa).bits & L_PPRON) != 0;
			const struct mention *near = NULL;
			for (size_t i = 0; i < q->nmen; i++) {
				const struct mention *me = &q->men[i];
				if (me->c1 > a->spk_c0)
					continue;
				int isp = !strcmp(me->type, "PERSON");
				if (isp && not_antecedent(q, me))
					continue;
				if (person ? isp : !isp)
					if (!near || me->c1 > near->c1)
						near = me;
			}
			if (near) {
				a->canon = near->canonical ? af_strdup(near->canonical) : NULL;
				a->type = near->type;
			} else {
				int r = person ? last_person : last_any;
				if (r >= 0 && q->at[r].canon)
					a->canon = af_strdup(q->at[r].canon);
				else if (person)
					a->canon = name_before(q, a->sa);
				a->type = person ? "PERSON" : (r >= 0 ? q->at[r].type : NULL);
			}
		} else if (is_cap(q, a->sb - 1)) {
			a->canon = fullest_name(q, a->sa, a->sb);
			last_any = ord[x];
			if (!(K(a->sa).bits & L_DET) && !tok_is(q, a->sa, "the"))
				last_person = ord[x];
		} else {
			last_any = ord[x];
		}
		last_spk = ord[x];
	}
	free(ord);
}

/* ------------------------------------------------------------------ output */

static json_t *jspan(const struct af_quoter *q, int a, int b)
{
	json_t *o = json_object();
	json_object_set_new(o, "text", json_stringn(q->s + T(a).start, T(b - 1).end - T(a).start));
	json_object_set_new(o, "start", json_integer((json_int_t)T(a).cstart));
	json_object_set_new(o, "end", json_integer((json_int_t)T(b - 1).cend));
	return o;
}

static const char *kind_name(int k)
{
	return k == Q_DIRECT ? "direct" : k == Q_MIXED ? "mixed" : "indirect";
}

static json_t *output(struct af_quoter *q)
{
	json_t *arr = json_array();
	int *ord;
	size_t m = text_order(q, 1, &ord);
	for (size_t x = 0; x < m; x++) {
		struct attr *a = &q->at[ord[x]];
		int first = a->pa[0], last = a->pb[a->np - 1];
		json_t *o = jspan(q, first, last);
		json_object_set_new(o, "kind", json_string(kind_name(a->kind)));
		if (a->cue >= 0)
			json_object_set_new(o, "cue", json_stringn(q->s + T(a->cue).start,
			                                           T(a->cue + a->cl - 1).end - T(a->cue).start));
		else
			json_object_set_new(o, "cue", json_null());
		if (a->np > 1) {
			json_t *parts = json_array();
			for (int p = 0; p < a->np; p++)
				json_array_append_new(parts, jspan(q, a->pa[p], a->pb[p]));
			json_object_set_new(o, "parts", parts);
		}
		if (a->kind == Q_MIXED) {
			json_t *qd = json_array();
			for (int p = 0; p < a->np; p++)
				for (int i = a->pa[p]; i < a->pb[p]; i++) {
					if (K(i).q < 0)
						continue;
					const struct qspan *s = &q->qs[K(i).q];
					if (s->b > s->a && s->a >= a->pa[p])
						json_array_append_new(qd, jspan(q, s->a, s->b));
					i = span_end(s) - 1;
				}
			json_object_set_new(o, "quoted", qd);
		}
		if (a->sa >= 0) {
			json_t *sp = jspan(q, a->sa, a->sb);
			json_object_set_new(sp, "canonical", a->canon ? json_string(a->canon) : json_null());
			if (a->type)
				json_object_set_new(sp, "type", json_string(a->type));
			json_object_set_new(o, "speaker", sp);
		} else {
			json_object_set_new(o, "speaker", json_null());
		}
		json_object_set_new(o, "confidence", json_real(a->conf));
		json_array_append_new(arr, o);
	}
	free(ord);
	return arr;
}

/* Sentences longer than QUOTE_SENT_MAX tokens are cut into pieces of that many for the quote
 * step: a quote, its cue and its speaker stay within a piece, so that the time (the speaker
 * search looks back through the sentence) and the output (an indirect quote runs to the end
 * of its sentence) stay linear on a 40,000-word "sentence" (issue 15; af-quotes(1)). */
#define QUOTE_SENT_MAX 400

static void cut_long_sentences(const struct af_tokens *toks, struct af_sentences *ss)
{
	size_t extra = 0;
	for (size_t i = 0; i < ss->n; i++) {
		size_t k = ss->v[i].tok_end - ss->v[i].tok_start;
		if (k > QUOTE_SENT_MAX)
			extra += (k - 1) / QUOTE_SENT_MAX;
	}
	if (!extra)
		return;
	size_t n = ss->n + extra;
	struct af_sentence *v = af_malloc(n * sizeof *v);
	size_t o = 0;
	for (size_t i = 0; i < ss->n; i++) {
		for (size_t a = ss->v[i].tok_start; a < ss->v[i].tok_end; a += QUOTE_SENT_MAX) {
			size_t b = ss->v[i].tok_end - a > QUOTE_SENT_MAX ? a + QUOTE_SENT_MAX : ss->v[i].tok_end;
			v[o] = (struct af_sentence){.tok_start = a, .tok_end = b};
			v[o].start = toks->v[a].start;
			v[o].cstart = toks->v[a].cstart;
			v[o].end = toks->v[b - 1].end;
			v[o].cend = toks->v[b - 1].cend;
			o++;
		}
	}
	free(ss->v);
	ss->v = v;
	ss->n = ss->cap = o;
}

json_t *af_quotes_find(struct af_quoter *q, const char *text, size_t len, const struct af_mentions *entities,
                       struct af_error *err)
{
	if (af_tokenize(text, len, &q->toks, err) < 0 || af_sentences(text, len, &q->toks, &q->sents, err) < 0)
		return NULL;
	cut_long_sentences(&q->toks, &q->sents);
	q->fn_ready = 0;
	q->s = text;
	q->slen = len;
	q->nt = (int)q->toks.n;
	q->na = 0;
	q->nq = 0;
	if (q->nt == 0)
		return json_array();
	prepare(q);
	load_mentions(q, entities);
	find_spans(q);
	direct_quotes(q);
	indirect_and_mixed(q);
	according_sources(q);
	resolve(q);
	json_t *out = output(q);
	for (size_t x = 0; x < q->na; x++)
		free((char *)q->at[x].canon);
	return out;
}
