/* text.h - the text layer: a UTF-8 tokenizer and a sentence splitter, with byte and
 * code-point offsets, shared by af-entities, af-quotes and af-events (docs/text.md). */
#ifndef AF_TEXT_H
#define AF_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "af/af.h"

enum af_tok_kind {
	AF_TOK_WORD,        /* letters (and digits, marks, inner - ' . &): Kabul, anti-Taliban, U.S., Mr., 's, n't */
	AF_TOK_NUMBER,      /* starts with a digit: 3.5, 1,200, 1989-90, 10:30, 5bn, 10th, '90s, -5 */
	AF_TOK_PUNCT,       /* . , ; : ! ? ( ) [ ] { } … ... — – -- - / and the like */
	AF_TOK_QUOTE_OPEN,  /* “ ‘ « ‹ „, and " ' decided opening by context */
	AF_TOK_QUOTE_CLOSE, /* ” ’ » ›, and " ' decided closing by context */
	AF_TOK_QUOTE,       /* a straight quote whose direction the context does not tell */
	AF_TOK_URL,         /* http://..., https://..., www.... */
	AF_TOK_EMAIL,       /* name@example.org */
	AF_TOK_HANDLE,      /* @name */
	AF_TOK_HASHTAG,     /* #name */
	AF_TOK_SYMBOL       /* $ € % & + = © emoji (with their modifiers and joiners) and other symbols */
};

/* Token flags: shape (for a tagger) and the whitespace before the token (for the splitter). */
enum af_tok_flag {
	AF_TF_CAP = 1u << 0,      /* first letter is upper case: Kabul, U.S., McCain */
	AF_TF_ALLCAPS = 1u << 1,  /* has an upper-case letter and no lower-case one: NATO, U.S., I */
	AF_TF_LOWER = 1u << 2,    /* has a lower-case letter and no upper-case one (Arabic script: neither) */
	AF_TF_DIGIT = 1u << 3,    /* has a digit */
	AF_TF_HYPHEN = 1u << 4,   /* has an inner hyphen: anti-Taliban, 1989-90 */
	AF_TF_INITIAL = 1u << 5,  /* one upper-case letter and a period: J. */
	AF_TF_ABBREV = 1u << 6,   /* ends with a period that belongs to it: Mr., U.S., Dec., etc. (also initials) */
	AF_TF_CLITIC = 1u << 7,   /* split-off 's ’s 're 've 'll 'd 'm n't, or ' after a plural */
	AF_TF_ALPHA = 1u << 8,    /* has a letter */
	AF_TF_NONASCII = 1u << 9, /* has a byte >= 0x80 */
	AF_TF_SPACE = 1u << 10,   /* whitespace (or the start of the text) before the token */
	AF_TF_NEWLINE = 1u << 11, /* a line break in the whitespace before the token */
	AF_TF_PARA = 1u << 12,    /* a blank line (two line breaks) before the token */
	AF_TF_TITLE = 1u << 13,   /* an abbreviation listed as a title (Mr., Gen.): never ends a sentence */
	AF_TF_MONTH = 1u << 14,   /* an abbreviated month (Dec.) */
	AF_TF_NUMABBR = 1u << 15  /* an abbreviation listed in before_number (No. 5) */
};

struct af_token {
	size_t start, end;   /* byte offsets into the text, half-open */
	size_t cstart, cend; /* code-point offsets, half-open: text[cstart:cend] in Python or jq */
	enum af_tok_kind kind;
	unsigned flags; /* enum af_tok_flag bits */
};

/* An amortised array: reuse one across calls, the storage is kept. */
struct af_tokens {
	struct af_token *v;
	size_t n, cap;
};

struct af_sentence {
	size_t tok_start, tok_end; /* token indices, half-open */
	size_t start, end;         /* bytes, from the first token's start to the last token's end */
	size_t cstart, cend;       /* code points, likewise */
};

struct af_sentences {
	struct af_sentence *v;
	size_t n, cap;
};

/* Loads the compiled-in data/abbreviations.yaml. af_tokenize calls it on first use; call it
 * yourself to get its error early. Safe from several threads: it loads once per process. 0 or -1. */
int af_text_init(struct af_error *err);

/* Tokenizes s[0..n) (UTF-8; invalid bytes become one-byte symbols, never a crash) into *out,
 * replacing its contents. out must be zeroed before first use. 0, or -1 if the abbreviation
 * data could not be loaded. */
int af_tokenize(const char *s, size_t n, struct af_tokens *out, struct af_error *err);
void af_tokens_free(struct af_tokens *t);

/* Splits the tokens of s (as made by af_tokenize on the same s, n) into sentences, replacing
 * the contents of *out (zeroed before first use). Every token is in exactly one sentence. */
int af_sentences(const char *s, size_t n, const struct af_tokens *toks, struct af_sentences *out,
                 struct af_error *err);
void af_sentences_free(struct af_sentences *ss);

/* "word", "number", "punct", "quote-open", "quote-close", "quote", "url", "email", "handle",
 * "hashtag", "symbol". */
const char *af_tok_kind_name(enum af_tok_kind k);

#endif
