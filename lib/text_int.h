/* text_int.h - what the tokenizer (text.c) and the sentence splitter (sentences.c) share:
 * the character classes, the UTF-8 decoder of the text layer and the abbreviation table.
 * Private to lib/. */
#ifndef AF_TEXT_INT_H
#define AF_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "af/utf8.h"

/* Byte classes for ASCII; non-ASCII goes through af_uni_class. */
enum {
	K_LETTER = AF_UNI_LETTER,
	K_UPPER = AF_UNI_UPPER,
	K_LOWER = AF_UNI_LOWER,
	K_DIGIT = AF_UNI_DIGIT,
	K_MARK = AF_UNI_MARK,
	K_PUNCT = AF_UNI_PUNCT,
	K_SYMBOL = AF_UNI_SYMBOL,
	K_SPACE = AF_UNI_SPACE,
	K_FORMAT = AF_UNI_FORMAT,
	K_CONTROL = AF_UNI_CONTROL,
	K_OTHER = AF_UNI_OTHER
};
#define K_ALNUM (K_LETTER | K_DIGIT)
#define K_WORDCH (K_LETTER | K_DIGIT | K_MARK)
/* The ASCII classes (K_ bits), built once per process by af_text_init. */
extern unsigned short af_text_ascii[128];

/* Classes of an entry, one word may have several ("No." before a number, "No" starter). */
enum { AB_TITLE = 1, AB_MONTH = 2, AB_NUMBER = 4, AB_ABBREV = 8, AB_STARTER = 16 };
#define AB_KEYMAX 23

/* The AB_ classes of s[0..n) (ASCII case ignored, without its final period), 0 if not
 * listed; af_text_init must have succeeded. */
unsigned af_text_abbrev(const char *s, size_t n);

/* Decodes the code point at s[i] (i < n) into *cp and returns its byte length;
 * an invalid or truncated sequence is one byte, U+FFFD. */
static inline size_t dec(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
	unsigned c = s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t need;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF)
		need = 1, v = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		need = 2, v = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		need = 3, v = c & 0x07, min = 0x10000;
	else
		goto bad;
	if (i + need >= n)
		goto bad;
	for (size_t k = 1; k <= need; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i + k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	return need + 1;
bad:
	*cp = 0xFFFD;
	return 1;
}

static inline unsigned cls_of(uint32_t cp)
{
	if (cp < 0x80)
		return af_text_ascii[cp];
	if (cp == 0xFFFD)
		return K_SYMBOL;
	return af_uni_class(cp);
}

#endif
