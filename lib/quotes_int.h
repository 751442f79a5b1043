/* quotes_int.h - what the files of the quote finder share (not an interface: af/quotes.h is).
 *
 * af_quotes_find (quotes.c) runs the phases in order, each in its own file:
 *   quotes_lex.c     the lexicon (data/quotes.yaml): words and phrases with their L_ bits;
 *   quotes_direct.c  tokens keyed and marked (qt_prepare), quote spans (qt_find_spans), the
 *                    attribution beside each span, direct quotes (qt_direct_quotes);
 *   quotes_np.c      speakers: noun phrases before and after a cue, the subject of a clause;
 *   quotes_frames.c  cue verbs with their speaker and content: indirect and mixed quotes,
 *                    "according to" sources (qt_indirect_and_mixed, qt_according_sources);
 *   quotes_syntax.c  the syntax layer's tags and clause subjects, a sentence parsed when a
 *                    rule first asks about it;
 *   quotes_speaker.c the record's mentions, and each speaker's canonical name (qt_resolve);
 *   quotes.c         the quoter's life, the top-level function and the output. */
#ifndef AF_QUOTES_INT_H
#define AF_QUOTES_INT_H

#include "af/quotes.h"
#include "af/syntax.h"
#include "af/text.h"
#include "af/util.h"

#include <string.h>

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
	L_NOANTE = 1u << 17, /* a name right after it is no antecedent of a speaker pronoun: told, of */
	L_PERSN = 1u << 18,  /* a person's title or trade: "the spokesman", "the diplomat" name someone named before */
	L_DOCN = 1u << 19,   /* a document: "the statement added" is the last speaker's statement */
	L_QAUX = 1u << 20,   /* an auxiliary that opens a question: "Do you think ...?" */
	L_QLABEL = 1u << 21, /* an interview's question label: "Q: ..." */
	L_QWH = 1u << 22,    /* a question word: why, what, how */
	L_PSUBJ = 1u << 23   /* a cue's lemma whose clause subject the parse may give (qt_parse_subject) */
};
#define L_ANYCUE (L_CUE | L_MCUE | L_LISTEN)
#define L_PRON (L_PPRON | L_OPRON)

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
	int kind; /* Q_DIRECT, Q_MIXED, K_INDIRECT or K_QUESTION */
	int pa[MAXPARTS], pb[MAXPARTS]; /* content parts as token ranges */
	int np;
	int cue, cl;  /* cue token and length, -1 for none (a colon: cl = 1 on the colon) */
	int sa, sb;   /* speaker tokens, -1 */
	int va, vb;   /* the source of the report ("..., he said, according to Mehr"): tokens, -1 */
	int from;     /* speaker copied from this attribution (context), -1 */
	int drop;
	double conf;
	/* resolved speaker */
	size_t spk_c0, spk_c1;
	const char *canon; /* malloc'd or NULL */
	const char *type;
};
#define K_INDIRECT 3
#define K_QUESTION 4 /* an interviewer's question (qt_questions) */

struct mention {
	size_t c0, c1;
	size_t c1max; /* the largest c1 of this mention and those before it (q->men by c0) */
	int t0; /* its first token */
	const char *canonical, *type, *code, *role;
};

/* a token's parse: its tag; when it is a clause's main verb, the clause's kind and subject */
struct qt_syn {
	int tag;    /* enum af_pos */
	int kind;   /* enum af_clause_kind, -1 */
	int sa, sb; /* the subject's tokens (qt_parse_subject), -1 */
};

struct af_quoter {
	struct af_map lex; /* lower-cased word or phrase -> its L_ bits */
	int maxwords;      /* the longest phrase in words */
	/* scratch */
	struct af_tokens toks;
	struct af_sentences sents;
	/* fullest_name's index, made on its first call for a text: the ends of names
	 * (fn_i, fn_a) sorted by last word, and per run of one word its longest name */
	struct fn_end {
		int i, a;       /* the name's tokens [a, i] */
		const char *key; /* the key of token i (in keys) and its length */
		size_t klen;
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
	/* the syntax layer (af/syntax.h, quotes_syntax.c): the model, loaded on first use;
	 * per token its parse, per sentence 1 once parsed */
	struct af_syntax *model;
	int model_failed;
	struct af_parse par;
	struct qt_syn *syn;
	size_t syncap;
	unsigned char *synsent;
	size_t synsentcap;
	/* the record's upstream "sentences" field (af-parse) for the next text, and whether par
	 * holds that parse (it matched the text's tokens and sentences): then no sentence is parsed */
	const char *up_js;
	size_t up_jn;
	int upstream;
};

#define T(i) (q->toks.v[(i)])
#define K(i) (q->tk[(i)])

/* ------------------------------------------------------------------ token helpers */

static inline int is_word(const struct af_quoter *q, int i)
{
	return i >= 0 && i < q->nt && T(i).kind == AF_TOK_WORD;
}

static inline int tok_is(const struct af_quoter *q, int i, const char *w)
{
	if (i < 0 || i >= q->nt || !K(i).klen || q->keys.p[K(i).koff] != w[0])
		return 0;
	size_t n = strlen(w);
	return K(i).klen == n && memcmp(q->keys.p + K(i).koff, w, n) == 0;
}

static inline int is_punct(const struct af_quoter *q, int i, char c)
{
	return i >= 0 && i < q->nt && T(i).kind == AF_TOK_PUNCT && T(i).end - T(i).start == 1 &&
	       q->s[T(i).start] == c;
}

/* a word that may be part of a name: capitalised, not a sentence opener, not a pronoun */
static inline int is_cap(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (T(i).flags & AF_TF_CAP) && !(K(i).bits & (L_NOTNAME | L_PRON | L_ANYCUE));
}

static inline int is_lower(const struct af_quoter *q, int i)
{
	return is_word(q, i) && !(T(i).flags & AF_TF_CAP) && (T(i).flags & AF_TF_ALPHA);
}

static inline int is_end_punct(const struct af_quoter *q, int i)
{
	return is_punct(q, i, '.') || is_punct(q, i, '!') || is_punct(q, i, '?') ||
	       (i >= 0 && i < q->nt && T(i).kind == AF_TOK_PUNCT && q->s[T(i).start] == (char)0xE2 &&
	        T(i).end - T(i).start == 3 && (unsigned char)q->s[T(i).start + 2] == 0xA6); /* … */
}

/* a dash: - -- – — ― */
static inline int is_dash(const struct af_quoter *q, int i)
{
	if (i < 0 || i >= q->nt || T(i).kind != AF_TOK_PUNCT)
		return 0;
	const unsigned char *c = (const unsigned char *)q->s + T(i).start;
	size_t l = T(i).end - T(i).start;
	return (l <= 2 && c[0] == '-' && c[l - 1] == '-') ||
	       (l == 3 && c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x93 && c[2] <= 0x95);
}

/* a participle: "saying", "adding" (its subject is the clause's) */
static inline int is_ing(const struct af_quoter *q, int i)
{
	return K(i).klen > 4 && !memcmp(q->keys.p + K(i).koff + K(i).klen - 3, "ing", 3);
}

/* cue bits of token i (its phrase when one starts there) and the cue's length */
static inline unsigned cue_at(const struct af_quoter *q, int i, int *len)
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

/* a word that opens an adverbial before the subject ("In a statement, ...", "Asked about
 * ..., X said"): the lexicon's openers */
static inline int is_prep(const struct af_quoter *q, int i)
{
	return is_word(q, i) && (K(i).bits & L_OPEN);
}

static inline int sent_start(const struct af_quoter *q, int i)
{
	return (int)q->sents.v[K(i).sent].tok_start;
}

static inline int sent_end(const struct af_quoter *q, int i)
{
	return (int)q->sents.v[K(i).sent].tok_end;
}

static inline int span_end(const struct qspan *s)
{
	return s->c >= 0 ? s->c + 1 : s->b;
}

/* words inside a span */
static inline int span_words(const struct af_quoter *q, const struct qspan *s)
{
	int n = 0;
	for (int i = s->a; i < s->b; i++)
		n += T(i).kind == AF_TOK_WORD || T(i).kind == AF_TOK_NUMBER;
	return n;
}

static inline int in_direct(const struct af_quoter *q, int i)
{
	return K(i).q >= 0 && q->qs[K(i).q].status == Q_DIRECT;
}

/* content [a, b): trim punctuation at both ends (not quote marks) */
static inline void trim(const struct af_quoter *q, int *a, int *b)
{
	while (*a < *b && T(*a).kind == AF_TOK_PUNCT && !is_punct(q, *a, '('))
		(*a)++;
	while (*b > *a && (T(*b - 1).kind == AF_TOK_PUNCT))
		(*b)--;
}

/* quotes_lex.c */
unsigned qt_lex_get(const struct af_quoter *q, const char *s, size_t n);
int qt_lex_english(struct af_quoter *q, struct af_error *err);

/* quotes_np.c */
int qt_np_back(const struct af_quoter *q, int e, int lo, int *sa);
int qt_np_back_appos(const struct af_quoter *q, int e, int lo, int *sa, int *sb);
int qt_np_fwd(const struct af_quoter *q, int b, int hi, int *sa, int *se);
int qt_opens_adverbial(const struct af_quoter *q, int s0, int hi);
int qt_subject_of(const struct af_quoter *q, int s0, int hi, int *sa, int *sb);
int qt_and_subject(const struct af_quoter *q, int lo, int ai, int *sa, int *sb);
int qt_opener_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb);
int qt_ing_subject(const struct af_quoter *q, int s0, int ci, int *sa, int *sb);

/* quotes_direct.c */
void qt_prepare(struct af_quoter *q);
void qt_find_spans(struct af_quoter *q);
int qt_title_before(const struct af_quoter *q, const struct qspan *s);
int qt_title_case(const struct af_quoter *q, const struct qspan *s);
struct attr *qt_attr_new(struct af_quoter *q);
int qt_source_after(const struct af_quoter *q, int p, int *sa, int *sb);
void qt_direct_quotes(struct af_quoter *q);

/* quotes_frames.c */
void qt_according_sources(struct af_quoter *q);
void qt_indirect_and_mixed(struct af_quoter *q);
void qt_parse_reset(struct af_quoter *q);
void qt_parse_free(struct af_quoter *q);
int qt_tag(const struct af_quoter *q, int i);
int qt_clause_kind(const struct af_quoter *q, int i);
int qt_parse_subject(const struct af_quoter *q, int s0, int i, int *sa, int *sb);
int qt_noun_cue(const struct af_quoter *q, int i);

/* quotes_speaker.c */
void qt_load_mentions(struct af_quoter *q, const struct af_mentions *ents);
size_t qt_text_order(const struct af_quoter *q, int with_content, int **ordp);
/* An interviewer's question (quotes.yaml's question_auxiliaries and question_labels): kind
 * K_QUESTION, no speaker. */
void qt_questions(struct af_quoter *q);
void qt_resolve(struct af_quoter *q);

#endif
