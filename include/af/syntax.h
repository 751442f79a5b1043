/* syntax.h - the syntax layer: Penn part-of-speech tags, chunks (NP VP PP ADVP ADJP SBAR ...),
 * lemmas, and clauses built from them for the event coder and the quote finder
 * (docs/syntax.md, af-parse(1)).
 *
 * The tagger and the chunker are greedy averaged perceptrons trained on CoNLL-2003's POS
 * and chunk columns (Reuters news) by af-train-syntax(1) (`make model`); their weights
 * (data/syntax.bin) are compiled into the tools. Lemmas come from rules with irregular forms
 * as data (data/lemmas.yaml). Clauses come from rules over tags and chunks.
 *
 * How to call it:
 *
 *     struct af_syntax *m;
 *     if (af_syntax_load(&m, NULL, &err) < 0) ...        // the compiled-in model
 *     struct af_parse p = {0};                            // output and scratch, reused
 *     af_tokenize(text, len, &toks, &err);                // af/text.h
 *     af_sentences(text, len, &toks, &sents, &err);
 *     if (af_syntax_parse(m, text, len, &toks, &sents, &p, &err) < 0) ...
 *     for (size_t i = 0; i < toks.n; i++)                 // p.tok[i] is toks.v[i]
 *         af_pos_name(p.tok[i].tag), af_parse_lemma(&p, i, &n) ...
 *     for (size_t c = 0; c < p.ncl; c++) {                // clauses, in text order
 *         const struct af_clause *cl = &p.cl[c];
 *         cl->verb.head          // token of the main verb; cl->verb.flags & AF_VG_PASSIVE ...
 *         cl->subj               // index into p.np[], or -1
 *         p.objs[cl->obj_start .. cl->obj_start + cl->nobj)   // NP indices
 *         p.pps[cl->pp_start .. cl->pp_start + cl->npp)       // preposition + NP
 *         cl->agent              // the by-phrase NP of a passive, or -1
 *     }
 *     af_parse_free(&p); af_syntax_free(m);
 *
 * When a record already has an upstream "sentences" field (af-parse), af_parse_read fills
 * the same struct af_parse from it instead, and the clauses come out the same.
 *
 * A loaded model is read-only: threads may share it, each with its own struct af_parse.
 * Time is linear in the text: a sentence of any length costs a constant per token. */
#ifndef AF_SYNTAX_H
#define AF_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "af/af.h"
#include "af/text.h"

/* Penn Treebank part-of-speech tags as CoNLL-2003 writes them ('"' for both quotes). */
enum af_pos {
	AF_POS_CC, AF_POS_CD, AF_POS_DT, AF_POS_EX, AF_POS_FW, AF_POS_IN, AF_POS_JJ, AF_POS_JJR,
	AF_POS_JJS, AF_POS_LS, AF_POS_MD, AF_POS_NN, AF_POS_NNS, AF_POS_NNP, AF_POS_NNPS,
	AF_POS_PDT, AF_POS_POS, AF_POS_PRP, AF_POS_PRPS /* PRP$ */, AF_POS_RB, AF_POS_RBR,
	AF_POS_RBS, AF_POS_RP, AF_POS_SYM, AF_POS_TO, AF_POS_UH, AF_POS_VB, AF_POS_VBD,
	AF_POS_VBG, AF_POS_VBN, AF_POS_VBP, AF_POS_VBZ, AF_POS_WDT, AF_POS_WP,
	AF_POS_WPS /* WP$ */, AF_POS_WRB, AF_POS_DOLLAR /* $ */, AF_POS_HASH /* # */,
	AF_POS_QUOTE /* " */, AF_POS_RQUOTE /* '' */, AF_POS_LQUOTE /* `` */,
	AF_POS_LRB /* ( */, AF_POS_RRB /* ) */, AF_POS_COMMA, AF_POS_PERIOD, AF_POS_COLON,
	AF_POS_COUNT
};
/* "NN", "PRP$", "(" ...; and back: -1 for an unknown name (the PTB's -LRB- -RRB- are read as ( )). */
const char *af_pos_name(int tag);
int af_pos_code(const char *name, size_t len);
/* Tag classes */
static inline int af_pos_is_verb(int t) { return t >= AF_POS_VB && t <= AF_POS_VBZ; }
static inline int af_pos_is_noun(int t) { return t >= AF_POS_NN && t <= AF_POS_NNPS; }
static inline int af_pos_is_adj(int t) { return t >= AF_POS_JJ && t <= AF_POS_JJS; }

/* Chunk types (CoNLL-2000): a token's chunk is a type and whether it begins the chunk. */
enum af_chunk {
	AF_CH_O, AF_CH_NP, AF_CH_VP, AF_CH_PP, AF_CH_ADVP, AF_CH_ADJP, AF_CH_SBAR, AF_CH_PRT,
	AF_CH_INTJ, AF_CH_CONJP, AF_CH_LST, AF_CH_UCP, AF_CH_COUNT
};
/* "O", "NP", "VP" ...; and back: -1 for unknown. */
const char *af_chunk_name(int type);
int af_chunk_code(const char *name, size_t len);

struct af_syntax;

/* Loads a model: from the file at path, or when path is NULL the compiled-in
 * data/syntax.bin, else $AF_DATA/syntax.bin, else AF_SYNTAX_DEFAULT_PATH; with the
 * compiled-in lemma data (data/lemmas.yaml). 0, or -1 with err set. */
int af_syntax_load(struct af_syntax **out, const char *path, struct af_error *err);
/* From memory: the model reads buf in place when it is 4-byte aligned (buf must then outlive
 * the model, as the compiled-in data does), else from a copy. */
int af_syntax_load_mem(struct af_syntax **out, const void *buf, size_t len, struct af_error *err);
void af_syntax_free(struct af_syntax *m);

#ifndef AF_SYNTAX_DEFAULT_PATH
#define AF_SYNTAX_DEFAULT_PATH "/usr/local/share/af/data/syntax.bin"
#endif

/* ---- per token ---- */

struct af_syn_tok {
	uint8_t tag;         /* enum af_pos */
	uint8_t chunk;       /* enum af_chunk (AF_CH_O: outside every chunk) */
	uint8_t begin;       /* 1 on the first token of its chunk */
	uint8_t pad;
	uint32_t lemma, lemma_len; /* the lemma is p->lemmas.p[lemma .. lemma + lemma_len) */
	int32_t np;          /* the NP (index into p->np) whose span holds the token, or -1 */
};

/* ---- clauses ---- */

/* An NP: a noun phrase for the clause rules. A possessive NP and the NP it qualifies are
 * one ("the company 's chief executive"). */
struct af_syn_np {
	size_t start, end; /* tokens, half-open */
	size_t head;       /* its head token (the last noun, else its last token) */
	int32_t list;      /* coordination: NPs with the same list id (>= 0) are members of one
	                    * list ("Iran, Pakistan and India"); -1 alone */
	int32_t appos;     /* apposition: the NP this one renames ("Ahmad Shah Massoud, the
	                    * commander," -> the commander's appos is Massoud's NP); -1 none */
	int32_t rel;       /* a relative clause (index into p->cl) modifying it, -1 none */
	int32_t clause;    /* the clause whose subject, object, agent or PP object it is; -1 */
};

enum af_tense { AF_TENSE_NONE /* no finite verb: infinitive, participle */, AF_TENSE_PRESENT,
	AF_TENSE_PAST, AF_TENSE_FUTURE /* will/shall + verb */ };

enum af_vg_flag {
	AF_VG_PASSIVE = 1u << 0,     /* be/get + past participle: "was killed", "got arrested" */
	AF_VG_NEG = 1u << 1,         /* not, n't, never */
	AF_VG_MODAL = 1u << 2,       /* a modal other than will/shall: may, could, must ... (modal) */
	AF_VG_QUESTION = 1u << 3,    /* a question: the clause ends with '?' and begins with an
	                              * auxiliary or a wh-word */
	AF_VG_PERFECT = 1u << 4,     /* have + past participle */
	AF_VG_PROGRESSIVE = 1u << 5, /* be + -ing */
	AF_VG_INFINITIVE = 1u << 6,  /* to + verb, or a bare verb after a modal-less "to" */
	AF_VG_PARTICIPLE = 1u << 7,  /* a participle with no auxiliary: "killing 5", "backed by" */
	AF_VG_COPULA = 1u << 8       /* the head is a form of be with no other verb */
};

/* A verb group: the words of the verb (auxiliaries, adverbs inside, the main verb). */
struct af_syn_vg {
	size_t start, end; /* tokens, half-open */
	size_t head;       /* the main verb (the last verb of the group) */
	size_t modal;      /* the modal's token, or SIZE_MAX */
	enum af_tense tense;
	unsigned flags;    /* enum af_vg_flag */
};

enum af_clause_kind {
	AF_CL_MAIN,     /* a main clause */
	AF_CL_COORD,    /* a verb coordinated with an earlier one ("attacked and killed"); its
	                 * subject is the first verb's when it has none of its own */
	AF_CL_SUB,      /* after a subordinator or "that": because, when, if, after, said that ... */
	AF_CL_REL,      /* a relative clause: who, which, that after an NP; see antecedent */
	AF_CL_INF,      /* to + verb ("agreed to withdraw"); its subject is the governing clause's
	                 * subject (or object, for "asked X to ...") when it has none */
	AF_CL_PART      /* a participle clause ("backed by the US", "killing five") */
};
const char *af_clause_kind_name(enum af_clause_kind k); /* "main", "coord", ... */

/* A preposition and its NP: "in Kabul", "by the Taliban". */
struct af_syn_pp {
	size_t prep; /* the preposition's token (the first of a multi-word one: "because of") */
	int32_t np;  /* index into p->np */
};

struct af_clause {
	size_t sent;           /* sentence index */
	size_t start, end;     /* tokens, half-open: from its first to its last word */
	enum af_clause_kind kind;
	int32_t parent;        /* the clause it depends on (index into p->cl), -1 for a main one */
	struct af_syn_vg verb;
	int32_t subj;          /* NP index, or -1. For REL the antecedent when the relative
	                        * pronoun is the subject; for COORD/INF/PART an inherited subject
	                        * (see subj_inherited) */
	uint8_t subj_inherited; /* 1 when subj is not in the clause itself but taken from parent */
	size_t marker;         /* the subordinator or relative pronoun token, or SIZE_MAX */
	int32_t antecedent;    /* REL: the NP the clause modifies; else -1 */
	size_t obj_start, nobj; /* objects: p->objs[obj_start .. +nobj), NP indices (direct, then
	                         * second objects; coordinated objects each listed) */
	size_t pp_start, npp;  /* p->pps[pp_start .. +npp): prepositional attachments, in order */
	int32_t agent;         /* the passive's by-phrase NP, or -1 (also kept among the pps) */
};

/* Output and scratch of one thread: zero it before first use; reused across documents. */
struct af_parse {
	size_t ntok;
	struct af_syn_tok *tok; /* one per token of the document */
	struct af_buf lemmas;   /* lemma bytes */
	struct af_syn_np *np;
	size_t nnp;
	int32_t *objs;
	size_t nobjs;
	struct af_syn_pp *pps;
	size_t npps;
	struct af_clause *cl;
	size_t ncl;
	/* internal: capacities and work space */
	size_t cap_tok, cap_np, cap_objs, cap_pps, cap_cl, cap_work, cap_units;
	uint64_t *work;
	void *units;
	/* tokens [0, clean) are as outside every sentence but for the ranges [set[2k],
	 * set[2k + 1]) the last af_syntax_parse_some wrote (nset of them): the next clears those
	 * only, so a call costs in proportion to the sentences it is asked for */
	size_t clean, *set, nset, cap_set;
	void *cache; /* the tagger's and chunker's partial scores, kept across documents (about
	              * 1.2 MB, allocated on first use; af_parse_free frees it) */
};
void af_parse_free(struct af_parse *p);

/* Tags, chunks and lemmatizes the tokens of text (as af_tokenize and af_sentences made them
 * from text[0..len)), then finds the clauses of each sentence. Tokens outside every
 * sentence get tag SYM, chunk O. 0, or -1 with err set. */
int af_syntax_parse(const struct af_syntax *m, const char *text, size_t len, const struct af_tokens *toks,
                    const struct af_sentences *sents, struct af_parse *p, struct af_error *err);

/* af_syntax_parse for the sentences s with want[s] == 1 only (want NULL: all of them): the
 * tokens of the others are left as outside every sentence (tag SYM, chunk O, an empty lemma),
 * so no clause is found in them. For a caller that reads only some sentences (af-events
 * parses those that name an actor; af-quotes one sentence at a time). A call costs in
 * proportion to the tokens of the sentences asked for (and the count of sentences), not
 * the whole text: p remembers which tokens it wrote and the next call clears those only. */
int af_syntax_parse_some(const struct af_syntax *m, const char *text, size_t len, const struct af_tokens *toks,
                         const struct af_sentences *sents, const uint8_t *want, struct af_parse *p,
                         struct af_error *err);

/* The lemma of token i (lower case, not NUL-terminated; *n its length). */
static inline const char *af_parse_lemma(const struct af_parse *p, size_t i, size_t *n)
{
	*n = p->tok[i].lemma_len;
	return p->lemmas.p + p->tok[i].lemma;
}

/* ---- lower level: one sentence of plain words (evaluation, training, other tokenizers) ---- */

struct af_syn_word {
	const char *s;
	size_t len;
};

/* Tags words w[0..n) as one sentence: tags[i] = enum af_pos. p is scratch. */
void af_syntax_tag(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w, size_t n,
                   uint8_t *tags);
/* Chunks one tagged sentence: chunk[i] = enum af_chunk, begin[i] = 1 at a chunk's start. */
void af_syntax_chunk(const struct af_syntax *m, struct af_parse *p, const struct af_syn_word *w,
                     const uint8_t *tags, size_t n, uint8_t *chunk, uint8_t *begin);
/* The lemma of a word with a tag, into buf (at most cap bytes); its length. */
size_t af_lemmatize(const struct af_syntax *m, const char *s, size_t n, int tag, char *buf, size_t cap);

/* Finds the clauses of p's tokens again from their tags, chunks and lemmas (p->tok filled,
 * p->ntok set): what af_syntax_parse does last; for a caller that filled the tokens itself.
 * want as af_syntax_parse_some's (NULL: every sentence). */
void af_parse_clauses(struct af_parse *p, const char *text, const struct af_tokens *toks,
                      const struct af_sentences *sents, const uint8_t *want);

/* ---- the "sentences" field (af-parse's record contract, docs/af.7) ---- */

/* Writes the "sentences" JSON array of p (per sentence: start, end, tokens with start, end,
 * tag, lemma, chunk; and its clauses) into out, offsets in code points. */
void af_parse_write(const struct af_parse *p, const char *text, const struct af_tokens *toks,
                    const struct af_sentences *sents, struct af_buf *out);

/* Fills p from an upstream "sentences" field (its raw JSON text js[0..jn), as
 * af_record_field gives it) when it matches the tokens
 * of text (same token offsets): tags, chunks and lemmas read, clauses found as
 * af_syntax_parse finds them. 0 when used; 1 when the field does not match the tokens or is
 * not af-parse's (the caller parses itself); -1 with err set on malformed JSON. */
int af_parse_read(const char *js, size_t jn, const char *text, size_t len, const struct af_tokens *toks,
                  const struct af_sentences *sents, struct af_parse *p, struct af_error *err);

#endif
