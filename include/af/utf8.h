/* utf8.h - UTF-8 validation, decoding and normalisation. */
#ifndef AF_UTF8_H
#define AF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF);
 * otherwise 0 and *bad is the byte offset of the first invalid sequence. */
int af_utf8_valid(const char *s, size_t n, size_t *bad);

/* Decode the code point at s[*i] (input must be valid UTF-8) and advance *i. */
uint32_t af_utf8_next(const char *s, size_t *i);

/* Encode cp into out (4 bytes room); returns the byte count. */
size_t af_utf8_put(uint32_t cp, char *out);

/* Number of code points in valid UTF-8 s[0..n). */
size_t af_utf8_len(const char *s, size_t n);

/* Unicode NFC of valid UTF-8 s[0..n); malloc'd, NUL-terminated. */
char *af_utf8_nfc(const char *s, size_t n, size_t *outlen);

/* Unicode classes used by the text layer (utf8proc categories). */
int af_uni_isspace(uint32_t cp);   /* White_Space, including NBSP and the zero-width ones */
int af_uni_isalpha(uint32_t cp);
int af_uni_isupper(uint32_t cp);
int af_uni_isdigit(uint32_t cp);
int af_uni_ispunct(uint32_t cp);
uint32_t af_uni_tolower(uint32_t cp);

/* All the classes of a code point in one lookup (for the tokenizer): AF_UNI_* bits. */
enum af_uni_class {
	AF_UNI_LETTER = 1u << 0,  /* L* */
	AF_UNI_UPPER = 1u << 1,   /* Lu, Lt */
	AF_UNI_LOWER = 1u << 2,   /* Ll */
	AF_UNI_DIGIT = 1u << 3,   /* Nd */
	AF_UNI_MARK = 1u << 4,    /* Mn, Mc, Me: combining marks, Arabic harakat */
	AF_UNI_PUNCT = 1u << 5,   /* P* */
	AF_UNI_SYMBOL = 1u << 6,  /* S*, Nl, No */
	AF_UNI_SPACE = 1u << 7,   /* as af_uni_isspace */
	AF_UNI_FORMAT = 1u << 8,  /* Cf not counted as space: ZWNJ, ZWJ, soft hyphen, LRM, RLM */
	AF_UNI_CONTROL = 1u << 9, /* Cc not counted as space */
	AF_UNI_OTHER = 1u << 10   /* unassigned, private use, surrogates */
};
unsigned af_uni_class(uint32_t cp);

#endif
