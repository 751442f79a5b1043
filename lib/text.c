/* text.c - the tokenizer (rules in docs/text.md): the abbreviation table, the characters
 * and the tokens; the sentence splitter is sentences.c. */
#include "af/text.h"
#include "af/data.h"
#include "af/utf8.h"
#include "af/yaml.h"
#include "af/util.h"
#include "text_int.h"

#include <stdlib.h>
#include <threads.h>
#include <string.h>

/* the compiled-in data this module reads */
AF_DATA_USE(abbreviations_yaml);

/* ------------------------------------------------------------------ abbreviations */

/* The abbreviation table (lower-cased ASCII key without the final period -> AB_ classes)
 * and the ASCII classes are built once per process (call_once in af_text_init) from the
 * compiled-in data and never change after: every thread reads them, none writes them. */
static struct af_map ab_map;
static once_flag text_once = ONCE_FLAG_INIT;
static int text_rc;
static struct af_error text_err;
unsigned short af_text_ascii[128];

/* s[0..n) lower-cased (ASCII) into k (AB_KEYMAX bytes at least) */
static void ab_key(const char *s, size_t n, char *k)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		k[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
}

/* The classes of s[0..n) (ASCII case ignored), 0 if not listed. */
unsigned af_text_abbrev(const char *s, size_t n)
{
	char k[AB_KEYMAX];
	if (n == 0 || n > AB_KEYMAX)
		return 0;
	ab_key(s, n, k);
	const size_t *v = af_map_get(&ab_map, k, n);
	return v ? (unsigned)*v : 0;
}

static void ab_insert(const char *s, size_t n, unsigned cls)
{
	char k[AB_KEYMAX];
	ab_key(s, n, k);
	*af_map_put(&ab_map, k, n, NULL) |= cls;
}

static int ab_load(const char *buf, size_t len, const char *file, struct af_error *err)
{
	static const struct {
		const char *name;
		unsigned cls;
	} sections[] = {{"titles", AB_TITLE},          {"months", AB_MONTH},
	                {"before_number", AB_NUMBER}, {"abbreviations", AB_ABBREV},
	                {"sentence_starters", AB_STARTER}};
	static const char *const keys[] = {"titles", "months", "before_number", "abbreviations",
	                                   "sentence_starters", NULL};
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	int rc = -1;
	if (root->type != AF_Y_MAP) {
		af_yerr(err, root, "expected a map of lists (titles, months, ...), found a %s", af_ytype_name(root));
		goto out;
	}
	if (af_ymap_check(root, keys, err) < 0)
		goto out;
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		const struct af_ynode *list = af_ymap_get(root, sections[s].name);
		if (!list)
			continue;
		if (list->type != AF_Y_SEQ) {
			af_yerr(err, list, "%s: expected a list, found a %s", sections[s].name, af_ytype_name(list));
			goto out;
		}
		for (size_t k = 0; k < list->n; k++) {
			const struct af_ynode *e = list->kids[k];
			if (af_yscalar(e, sections[s].name, err) < 0)
				goto out;
			size_t n = e->len;
			int starter = sections[s].cls == AB_STARTER;
			if (!starter) {
				if (n < 2 || e->str[n - 1] != '.') {
					af_yerr(err, e, "abbreviation '%s' must end with a period", e->str);
					goto out;
				}
				n--;
			}
			if (n == 0 || n > AB_KEYMAX) {
				af_yerr(err, e, "'%s': empty or longer than %d bytes", e->str, AB_KEYMAX);
				goto out;
			}
			for (size_t i = 0; i < n; i++) {
				unsigned char c = (unsigned char)e->str[i];
				if (c >= 0x80 || (af_text_ascii[c] & (K_SPACE | K_CONTROL))) {
					af_yerr(err, e, "'%s': only ASCII without spaces is supported", e->str);
					goto out;
				}
			}
			ab_insert(e->str, n, sections[s].cls);
		}
	}
	rc = 0;
out:
	af_yaml_free(root);
	return rc;
}

static void init_ascii(void)
{
	for (unsigned c = 0; c < 128; c++) {
		unsigned k;
		if (c == ' ' || (c >= 0x09 && c <= 0x0D))
			k = K_SPACE;
		else if (c < 0x20 || c == 0x7F)
			k = K_CONTROL;
		else if (c >= 'A' && c <= 'Z')
			k = K_LETTER | K_UPPER;
		else if (c >= 'a' && c <= 'z')
			k = K_LETTER | K_LOWER;
		else if (c >= '0' && c <= '9')
			k = K_DIGIT;
		else if (strchr("$+<=>^`|~", (int)c))
			k = K_SYMBOL;
		else
			k = K_PUNCT; /* ! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { } */
		af_text_ascii[c] = (unsigned short)k;
	}
	af_text_ascii['%'] = K_SYMBOL;
	af_text_ascii['&'] = K_SYMBOL;
	af_text_ascii['*'] = K_SYMBOL;
	af_text_ascii['#'] = K_SYMBOL;
	af_text_ascii['@'] = K_SYMBOL;
}

static void text_load(void)
{
	init_ascii();
	const struct af_datafile *d = af_data_find("abbreviations.yaml");
	if (!d) {
		af_error_set(&text_err, "abbreviations.yaml is not compiled in");
		text_rc = -1;
		return;
	}
	text_rc = ab_load(d->data, d->len, "abbreviations.yaml", &text_err);
}

int af_text_init(struct af_error *err)
{
	call_once(&text_once, text_load);
	if (text_rc < 0)
		*err = text_err;
	return text_rc;
}

/* ------------------------------------------------------------------ characters */

/* Class of the code point at s[i], 0 at the end of the text. */
static inline unsigned cls_at(const unsigned char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	if (s[i] < 0x80)
		return af_text_ascii[s[i]];
	uint32_t cp;
	dec(s, n, i, &cp);
	return cls_of(cp);
}

static inline uint32_t cp_at(const unsigned char *s, size_t n, size_t i)
{
	uint32_t cp = 0;
	if (i < n)
		dec(s, n, i, &cp);
	return cp;
}

/* Start of the code point that ends just before byte i (i > 0). */
static inline size_t prev_start(const unsigned char *s, size_t i)
{
	size_t j = i - 1, k = 0;
	while (j > 0 && k < 3 && (s[j] & 0xC0) == 0x80)
		j--, k++;
	return j;
}

static inline int is_apos(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019; /* ' ’ (ʼ U+02BC is a letter) */
}

static inline int is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static inline int is_lower_ascii_word(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* ------------------------------------------------------------------ tokenizer */

struct tz {
	const unsigned char *s;
	size_t n;
	struct af_tokens *out;
	size_t cur_b, cur_c; /* code-point counting cursor */
	unsigned pend;       /* AF_TF_SPACE / NEWLINE / PARA for the next token */
	int dq_open, sq_open;
};

static inline size_t cp_count(struct tz *z, size_t to)
{
	const unsigned char *s = z->s;
	size_t c = z->cur_c;
	for (size_t i = z->cur_b; i < to; i++)
		c += (s[i] & 0xC0) != 0x80;
	z->cur_b = to;
	z->cur_c = c;
	return c;
}

static struct af_token *emit(struct tz *z, size_t start, size_t end, enum af_tok_kind kind, unsigned flags)
{
	struct af_tokens *t = z->out;
	if (t->n == t->cap)
		t->v = af_grow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	struct af_token *k = &t->v[t->n++];
	k->start = start;
	k->end = end;
	k->cstart = cp_count(z, start);
	k->cend = cp_count(z, end);
	k->kind = kind;
	k->flags = flags | z->pend;
	z->pend = 0;
	return k;
}

static const struct af_token *last_tok(const struct tz *z)
{
	return z->out->n ? &z->out->v[z->out->n - 1] : NULL;
}

/* The previous token ends exactly at i (no space between). */
static int adjacent(const struct tz *z, size_t i)
{
	const struct af_token *p = last_tok(z);
	return p && p->end == i && !z->pend;
}

/* 1 if the code point before byte i is a letter, digit or mark. */
static int alnum_before(const struct tz *z, size_t i)
{
	if (i == 0)
		return 0;
	return (cls_at(z->s, z->n, prev_start(z->s, i)) & K_WORDCH) != 0;
}

/* Dotted acronyms and abbreviations by rule: (L{1,2}.){2,}, or (L{1,2}.)+L at a word end:
 * U.S., U.N., e.g., a.m., Ph.D., J.R.R., U.S; returns the end or 0. */
static size_t match_dotted(const unsigned char *s, size_t n, size_t i)
{
	size_t groups = 0, j = i;
	for (;;) {
		size_t k = j;
		while (k < n && k - j < 3 && (af_text_ascii[s[k] & 0x7F] & K_LETTER) && s[k] < 0x80)
			k++;
		if (k == j || k - j > 2)
			break;
		if (k < n && s[k] == '.') {
			groups++;
			j = k + 1;
			continue;
		}
		/* a final group without its period: U.S */
		if (groups >= 1 && k - j == 1 && !(cls_at(s, n, k) & K_WORDCH))
			return k;
		break;
	}
	if (groups >= 2 && !(cls_at(s, n, j) & K_WORDCH))
		return j;
	return 0;
}

/* Skips blanks (not line breaks) from i; 1 if a digit follows. */
static int digit_follows(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n && s[i] >= '0' && s[i] <= '9';
}

/* A clitic at the apostrophe s[i] (after a word): 's 're 've 'll 'd 'm; its end or 0. */
static size_t match_clitic(const unsigned char *s, size_t n, size_t i)
{
	uint32_t cp;
	size_t l = dec(s, n, i, &cp);
	if (!is_apos(cp))
		return 0;
	size_t j = i + l, k = j;
	while (k < n && k - j < 3 && s[k] < 0x80 && (af_text_ascii[s[k]] & K_LETTER))
		k++;
	if (k == j || (cls_at(s, n, k) & K_WORDCH))
		return 0;
	char w[3];
	size_t m = k - j;
	for (size_t q = 0; q < m; q++)
		w[q] = (char)(s[j + q] | 0x20);
	if ((m == 1 && (w[0] == 's' || w[0] == 'd' || w[0] == 'm')) ||
	    (m == 2 && ((w[0] == 'r' && w[1] == 'e') || (w[0] == 'v' && w[1] == 'e') || (w[0] == 'l' && w[1] == 'l'))))
		return k;
	return 0;
}

/* n't at s[i]: its end or 0. */
static size_t match_nt(const unsigned char *s, size_t n, size_t i)
{
	if (i >= n || (s[i] | 0x20) != 'n')
		return 0;
	uint32_t cp;
	size_t l = dec(s, n, i + 1 < n ? i + 1 : i, &cp);
	if (i + 1 >= n || !is_apos(cp))
		return 0;
	size_t t = i + 1 + l;
	if (t >= n || (s[t] | 0x20) != 't' || (cls_at(s, n, t + 1) & K_WORDCH))
		return 0;
	return t + 1;
}

/* The shape of one code point into the running flags. */
static inline void shape(unsigned k, unsigned *flags, int *first)
{
	if (k & K_LETTER) {
		*flags |= AF_TF_ALPHA;
		if (k & K_UPPER) {
			if (*first)
				*flags |= AF_TF_CAP;
			*flags |= AF_TF_ALLCAPS; /* cleared at the end if a lower-case letter was seen */
		}
		if (k & K_LOWER)
			*flags |= AF_TF_LOWER;
	} else if (k & K_DIGIT) {
		*flags |= AF_TF_DIGIT;
	}
	if (k & (K_LETTER | K_DIGIT))
		*first = 0;
}

/* The state of scan_word: the word s[start..j), its flags, whether no letter or digit came
 * yet (first), the last code point taken and its class. */
struct wscan {
	const unsigned char *s;
	size_t n, start, j;
	unsigned f, pk;
	int first;
	uint32_t prevcp;
};

/* Punctuation cp, ending at nx, taken inside the word. 1 (the word goes on). */
static int take_punct(struct wscan *w, size_t nx, uint32_t cp)
{
	w->j = nx;
	w->prevcp = cp;
	w->pk = K_PUNCT;
	return 1;
}

/* A hyphen at j before a letter or digit goes on the word (after a dotted acronym or an
 * abbreviation: "U.S.-led", "Lt.-Gen."). 1 when taken. */
static int hyphen_after_dot(struct wscan *w)
{
	if (!(w->j + 1 < w->n && w->s[w->j] == '-' && (cls_at(w->s, w->n, w->j + 1) & K_ALNUM)))
		return 0;
	w->f |= AF_TF_HYPHEN;
	w->j++;
	w->prevcp = '-';
	return 1;
}

/* A dotted acronym at j ("U.S.", "e.g."): -1 none; 1 the word goes on after it (a hyphen),
 * 0 it ends there. */
static int dotted_acronym(struct wscan *w)
{
	size_t e = match_dotted(w->s, w->n, w->j);
	if (!e)
		return -1;
	for (size_t q = w->j; q < e; q++)
		if (w->s[q] != '.')
			shape(af_text_ascii[w->s[q]], &w->f, &w->first);
	if (w->s[e - 1] == '.')
		w->f |= AF_TF_ABBREV;
	w->j = e;
	w->prevcp = w->s[e - 1];
	w->pk = af_text_ascii[w->s[e - 1]];
	if (!hyphen_after_dot(w))
		return 0;
	w->f &= ~(unsigned)AF_TF_ABBREV;
	w->pk = K_PUNCT;
	return 1;
}

/* A period at j (cp, ending at nx, the next class nk) inside or at the end of the word: a
 * decimal point, a domain name's dot, or an abbreviation's period (the lexicon's, or an
 * initial). 1 when the word goes on. */
static int word_period(struct wscan *w, uint32_t cp, size_t nx, unsigned nk)
{
	const unsigned char *s = w->s;
	size_t n = w->n, j = w->j, start = w->start;
	if ((w->pk & K_DIGIT) && (nk & K_DIGIT)) /* 3.5 */
		return take_punct(w, nx, cp);
	if ((w->pk & K_LETTER) && nx < n && is_lower_ascii_word(s[nx]) && !(w->f & AF_TF_CAP && j - start == 1)) {
		/* a domain or file name: tehrantimes.com */
		size_t q = nx;
		while (q < n && is_lower_ascii_word(s[q]))
			q++;
		if (q - nx >= 2)
			return take_punct(w, nx, cp);
	}
	unsigned c = af_text_abbrev((const char *)s + start, j - start);
	unsigned add = 0;
	if (c & (AB_TITLE | AB_MONTH | AB_ABBREV))
		add = AF_TF_ABBREV | ((c & AB_TITLE) ? AF_TF_TITLE : 0) | ((c & AB_MONTH) ? AF_TF_MONTH : 0);
	else if ((c & AB_NUMBER) && digit_follows(s, n, nx))
		add = AF_TF_ABBREV | AF_TF_NUMABBR;
	else if (w->first == 0 && !(w->f & (AF_TF_DIGIT | AF_TF_LOWER | AF_TF_HYPHEN)) && (w->pk & K_UPPER) &&
	         prev_start(s, j) == start)
		add = AF_TF_ABBREV | AF_TF_INITIAL;
	if (!add)
		return 0;
	w->f |= add;
	take_punct(w, nx, cp);
	if (!hyphen_after_dot(w)) /* Lt.-Gen. */
		return 0;
	w->f &= ~(unsigned)(AF_TF_ABBREV | AF_TF_INITIAL | AF_TF_TITLE | AF_TF_MONTH | AF_TF_NUMABBR);
	return 1;
}

/* The character cp at j (its class k, ending at nx) that is no letter, digit or mark: 1
 * when the word goes on through it (a joiner, a hyphen, an en dash between numbers, an
 * apostrophe inside a word, a period, a thousands comma, 10:30, 24/7, AT&T), 0 when the
 * word ends before it (or, for "n't", before its n). */
static int word_punct(struct wscan *w, uint32_t cp, unsigned k, size_t nx)
{
	const unsigned char *s = w->s;
	size_t n = w->n;
	unsigned pk = w->pk, nk = cls_at(s, n, nx);
	if (k & K_FORMAT) { /* ZWNJ, ZWJ, soft hyphen inside a word */
		if (!((pk & K_WORDCH) && (nk & K_WORDCH)))
			return 0;
		w->f |= AF_TF_NONASCII;
		w->j = nx;
		w->prevcp = cp;
		return 1;
	}
	if (!(pk & K_WORDCH))
		return 0;
	if (is_hyphen(cp)) {
		if (!(nk & K_ALNUM))
			return 0;
		w->f |= AF_TF_HYPHEN;
		if (cp >= 0x80)
			w->f |= AF_TF_NONASCII;
		return take_punct(w, nx, cp);
	}
	if (cp == 0x2013) { /* en dash in a range of numbers: 1989–90 */
		if (!((pk & K_DIGIT) && (nk & K_DIGIT)))
			return 0;
		w->f |= AF_TF_HYPHEN | AF_TF_NONASCII;
		return take_punct(w, nx, cp);
	}
	if (is_apos(cp)) {
		if (!(pk & K_LETTER) || !(nk & K_LETTER) || match_clitic(s, n, w->j))
			return 0;
		/* n't: the word ends before the n */
		if ((w->prevcp | 0x20) == 'n' && w->j - 1 > w->start && (s[nx] | 0x20) == 't' &&
		    !(cls_at(s, n, nx + 1) & K_WORDCH)) {
			w->j--;
			return 0;
		}
		if (cp >= 0x80)
			w->f |= AF_TF_NONASCII;
		return take_punct(w, nx, cp);
	}
	if (cp == '.')
		return word_period(w, cp, nx, nk);
	if (cp == ',' && (pk & K_DIGIT)) { /* 1,200 and the Indian 2,00,000 */
		size_t q = nx;
		while (q < n && q - nx < 4 && s[q] >= '0' && s[q] <= '9')
			q++;
		if ((q - nx == 3 && !(cls_at(s, n, q) & K_DIGIT)) ||
		    (q - nx == 2 && q + 1 < n && s[q] == ',' && s[q + 1] >= '0' && s[q + 1] <= '9'))
			return take_punct(w, nx, cp);
		return 0;
	}
	if ((cp == ':' || cp == '/') && (pk & K_DIGIT) && (nk & K_DIGIT)) /* 10:30 24/7 */
		return take_punct(w, nx, cp);
	if (cp == '&' && (pk & K_UPPER) && (nk & K_UPPER)) /* AT&T */
		return take_punct(w, nx, cp);
	return 0;
}

/* A word or number from s[i]; returns its end and sets *flags. */
static size_t scan_word(struct tz *z, size_t i, unsigned *flags)
{
	struct wscan w = {z->s, z->n, i, i, 0, 0, 1, 0};
	for (;;) {
		/* dotted acronyms at the start of the word or after a hyphen */
		if (w.j == w.start || is_hyphen(w.prevcp)) {
			int d = dotted_acronym(&w);
			if (d == 1)
				continue;
			if (d == 0)
				break;
		}
		if (w.j >= w.n)
			break;
		uint32_t cp;
		size_t l = dec(w.s, w.n, w.j, &cp);
		unsigned k = cls_of(cp);
		if (k & K_WORDCH) {
			shape(k, &w.f, &w.first);
			if (cp >= 0x80)
				w.f |= AF_TF_NONASCII;
			w.j += l;
			w.prevcp = cp;
			w.pk = k;
			/* the ASCII letters and digits after it, as the loop would take them (no dotted
			 * acronym starts after a letter) without its other tests */
			while (w.j < w.n && w.s[w.j] < 0x80 && (af_text_ascii[w.s[w.j]] & K_WORDCH)) {
				w.pk = af_text_ascii[w.s[w.j]];
				shape(w.pk, &w.f, &w.first);
				w.prevcp = w.s[w.j++];
			}
			continue;
		}
		if (!word_punct(&w, cp, k, w.j + l))
			break;
	}
	if ((w.f & AF_TF_LOWER) && (w.f & AF_TF_ALLCAPS)) /* mixed case: McCain, UN-supervised */
		w.f &= ~(unsigned)(AF_TF_LOWER | AF_TF_ALLCAPS);
	*flags = w.f;
	return w.j;
}

/* Emoji and other symbols with their modifiers: variation selectors, skin tones, keycaps,
 * tags, ZWJ sequences, flag pairs. Returns the end. */
static size_t scan_symbol(const unsigned char *s, size_t n, size_t i, uint32_t cp)
{
	size_t j = i + dec(s, n, i, &cp);
	int ri = cp >= 0x1F1E6 && cp <= 0x1F1FF;
	while (j < n) {
		uint32_t c;
		size_t l = dec(s, n, j, &c);
		if (c == 0xFE0E || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 ||
		    (c >= 0xE0020 && c <= 0xE007F)) {
			j += l;
		} else if (c == 0x200D && j + l < n) {
			uint32_t c2;
			size_t l2 = dec(s, n, j + l, &c2);
			if (!(cls_of(c2) & K_SYMBOL))
				break;
			j += l + l2;
		} else if (ri && c >= 0x1F1E6 && c <= 0x1F1FF) {
			j += l;
			ri = 0;
		} else {
			break;
		}
	}
	return j;
}

/* s[0..m) equals the lower-case ASCII p, ignoring case. */
static int prefix_ci(const unsigned char *s, const char *p, size_t m)
{
	for (size_t i = 0; i < m; i++) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)p[i])
			return 0;
	}
	return 1;
}

/* URL from s[i]: http:// https:// ftp:// www.; its end or 0. */
static size_t match_url(const unsigned char *s, size_t n, size_t i)
{
	size_t p = 0;
	static const char *const pre[] = {"http://", "https://", "ftp://", "www."};
	for (size_t k = 0; k < 4 && !p; k++) {
		size_t m = strlen(pre[k]);
		if (n - i > m && prefix_ci(s + i, pre[k], m))
			p = m;
	}
	if (!p || !(cls_at(s, n, i + p) & K_ALNUM))
		return 0;
	size_t j = i + p;
	int paren = 0;
	while (j < n) {
		uint32_t cp;
		size_t l = dec(s, n, j, &cp);
		unsigned k = cls_of(cp);
		if (k & (K_SPACE | K_CONTROL) || cp == '"' || cp == '<' || cp == '>' || cp == 0x201C ||
		    cp == 0x201D || cp == 0xAB || cp == 0xBB || cp == 0x2018 || cp == 0x2019)
			break;
		if (cp == '(')
			paren++;
		if (cp == ')' && --paren < 0)
			break;
		j += l;
	}
	while (j > i + p && strchr(".,;:!?'", s[j - 1]))
		j--;
	return j;
}

/* E-mail address from s[i]; its end or 0. */
static size_t match_email(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && j - i <= 64 && s[j] < 0x80 && ((af_text_ascii[s[j]] & K_ALNUM) || s[j] == '.' || s[j] == '_' || s[j] == '%' ||
	                                                   s[j] == '+' || s[j] == '-'))
		j++;
	if (j == i || j >= n || s[j] != '@' || s[j - 1] == '.')
		return 0;
	size_t d = ++j, lastdot = 0;
	while (j < n && j - d <= 253 && s[j] < 0x80 && ((af_text_ascii[s[j]] & K_ALNUM) || s[j] == '-' || s[j] == '.'))
		j++;
	while (j > d && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	for (size_t q = d; q < j; q++)
		if (s[q] == '.')
			lastdot = q;
	if (!lastdot || j - lastdot < 3 || lastdot == d)
		return 0;
	for (size_t q = lastdot + 1; q < j; q++)
		if (!(af_text_ascii[s[q]] & K_LETTER))
			return 0;
	return j;
}

/* The shape flags of s[a..b) (for clitics and other short tokens). */
static unsigned shape_range(const unsigned char *s, size_t n, size_t a, size_t b)
{
	unsigned f = 0;
	int first = 1;
	for (size_t i = a; i < b;) {
		uint32_t cp;
		i += dec(s, n, i, &cp);
		shape(cls_of(cp), &f, &first);
		if (cp >= 0x80)
			f |= AF_TF_NONASCII;
	}
	if ((f & AF_TF_LOWER) && (f & AF_TF_ALLCAPS)) /* mixed case: McCain, UN-supervised */
		f &= ~(unsigned)(AF_TF_LOWER | AF_TF_ALLCAPS);
	return f;
}

/* The previous token touches i and opens something: ( [ { an opening quote, a dash. */
static int opener_before(const struct tz *z, size_t i)
{
	if (!adjacent(z, i))
		return 0;
	const struct af_token *p = last_tok(z);
	if (p->kind == AF_TOK_QUOTE_OPEN)
		return 1;
	if (p->kind != AF_TOK_PUNCT)
		return 0;
	uint32_t cp = cp_at(z->s, z->n, p->start);
	return cp == '(' || cp == '[' || cp == '{' || cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == '/';
}

static int closer_char(uint32_t cp)
{
	return cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == ')' ||
	       cp == ']' || cp == '}' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x2026 ||
	       cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == '"' || cp == '\'';
}

static enum af_tok_kind quote_kind(struct tz *z, size_t i, uint32_t cp, size_t l)
{
	const unsigned char *s = z->s;
	size_t n = z->n;
	int sp_before = (z->pend & AF_TF_SPACE) || opener_before(z, i);
	unsigned nk = cls_at(s, n, i + l);
	int sp_after = i + l >= n || (nk & (K_SPACE | K_CONTROL));
	int close_after = !sp_after && closer_char(cp_at(s, n, i + l));
	enum af_tok_kind k = AF_TOK_QUOTE;
	int dbl = 1;
	switch (cp) {
	case 0x201C: /* “ */
	case 0x201E: /* „ */
	case 0x201F: /* ‟ */
	case 0xAB:   /* « */
		k = AF_TOK_QUOTE_OPEN;
		break;
	case 0x2039: /* ‹ */
	case 0x2018: /* ‘ */
	case 0x201B: /* ‛ */
		k = AF_TOK_QUOTE_OPEN;
		dbl = 0;
		break;
	case 0x201D: /* ” */
	case 0xBB:   /* » */
		k = AF_TOK_QUOTE_CLOSE;
		break;
	case 0x203A: /* › */
	case 0x2019: /* ’ */
		k = AF_TOK_QUOTE_CLOSE;
		dbl = 0;
		break;
	case '"':
		if (sp_before && !sp_after)
			k = AF_TOK_QUOTE_OPEN;
		else if (!sp_before && (sp_after || close_after))
			k = AF_TOK_QUOTE_CLOSE;
		else if (sp_before && sp_after)
			k = AF_TOK_QUOTE;
		else
			k = z->dq_open ? AF_TOK_QUOTE_CLOSE : AF_TOK_QUOTE_OPEN;
		break;
	default: /* ' */
		dbl = 0;
		if (sp_before && !sp_after)
			k = AF_TOK_QUOTE_OPEN;
		else if (!sp_before && (sp_after || close_after))
			k = AF_TOK_QUOTE_CLOSE;
		break;
	}
	if (k != AF_TOK_QUOTE) {
		int *open = dbl ? &z->dq_open : &z->sq_open;
		*open = k == AF_TOK_QUOTE_OPEN;
	}
	return k;
}

static int is_quote_cp(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
	       cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0xAB || cp == 0xBB || cp == 0x2039 ||
	       cp == 0x203A;
}

/* One token at s[i] (not a space); returns the position after it. */
static size_t token(struct tz *z, size_t i, uint32_t cp, size_t l, unsigned k)
{
	const unsigned char *s = z->s;
	size_t n = z->n, e;
	int bnd = !alnum_before(z, i);
	const struct af_token *p = last_tok(z);
	unsigned f;

	/* clitics after a word: 's 're n't, and the ' of a plural possessive */
	if (adjacent(z, i) && (p->kind == AF_TOK_WORD || p->kind == AF_TOK_NUMBER)) {
		if ((e = match_clitic(s, n, i)) || (e = match_nt(s, n, i))) {
			emit(z, i, e, AF_TOK_WORD, AF_TF_CLITIC | shape_range(s, n, i, e));
			return e;
		}
		if (is_apos(cp) && !(cls_at(s, n, i + l) & K_WORDCH) && !z->sq_open && (s[i - 1] | 0x20) == 's' &&
		    p->kind == AF_TOK_WORD) {
			emit(z, i, i + l, AF_TOK_WORD, AF_TF_CLITIC | (cp >= 0x80 ? AF_TF_NONASCII : 0));
			return i + l;
		}
	}
	if (bnd && (k & K_ALNUM)) {
		unsigned char c = s[i] | 0x20;
		if ((c == 'h' || c == 'w' || c == 'f') && (e = match_url(s, n, i))) {
			emit(z, i, e, AF_TOK_URL, 0);
			return e;
		}
		if (s[i] < 0x80 && (e = match_email(s, n, i))) {
			emit(z, i, e, AF_TOK_EMAIL, 0);
			return e;
		}
	}
	if (k & K_WORDCH) {
		e = scan_word(z, i, &f);
		emit(z, i, e, (k & K_DIGIT) ? AF_TOK_NUMBER : AF_TOK_WORD, f);
		return e;
	}
	if ((cp == '@' || cp == '#') && bnd) {
		int letter = 0;
		e = i + 1;
		while (e < n) {
			uint32_t c2;
			size_t l2 = dec(s, n, e, &c2);
			unsigned k2 = cls_of(c2);
			if (!(k2 & K_WORDCH) && c2 != '_')
				break;
			letter |= (k2 & K_LETTER) != 0;
			e += l2;
		}
		if (e > i + 1 && (cp == '@' || letter)) {
			emit(z, i, e, cp == '@' ? AF_TOK_HANDLE : AF_TOK_HASHTAG, shape_range(s, n, i + 1, e));
			return e;
		}
	}
	if ((cp == '-' || cp == '.') && (z->pend & AF_TF_SPACE) && (cls_at(s, n, i + 1) & K_DIGIT)) { /* -5 .496 */
		e = scan_word(z, i + 1, &f);
		emit(z, i, e, AF_TOK_NUMBER, f);
		return e;
	}
	if (is_apos(cp) && bnd && i + l + 1 < n && (af_text_ascii[s[i + l] & 0x7F] & K_DIGIT) && s[i + l] < 0x80 &&
	    s[i + l + 1] >= '0' && s[i + l + 1] <= '9') { /* '90s */
		e = i + l + 2;
		if (e < n && s[e] == 's')
			e++;
		if (!(cls_at(s, n, e) & K_WORDCH)) {
			emit(z, i, e, AF_TOK_NUMBER, shape_range(s, n, i, e));
			return e;
		}
	}
	if (is_quote_cp(cp)) {
		enum af_tok_kind qk = quote_kind(z, i, cp, l);
		emit(z, i, i + l, qk, cp >= 0x80 ? AF_TF_NONASCII : 0);
		return i + l;
	}
	if (cp == '.' || cp == '-' || cp == '!' || cp == '?') { /* ... -- !!! ?! */
		e = i + 1;
		if (cp == '.' || cp == '-')
			while (e < n && s[e] == cp)
				e++;
		else
			while (e < n && (s[e] == '!' || s[e] == '?'))
				e++;
		emit(z, i, e, AF_TOK_PUNCT, 0);
		return e;
	}
	if (k & K_PUNCT) {
		emit(z, i, i + l, AF_TOK_PUNCT, cp >= 0x80 ? AF_TF_NONASCII : 0);
		return i + l;
	}
	e = scan_symbol(s, n, i, cp);
	emit(z, i, e, AF_TOK_SYMBOL, cp >= 0x80 ? AF_TF_NONASCII : 0);
	return e;
}

int af_tokenize(const char *str, size_t n, struct af_tokens *out, struct af_error *err)
{
	if (af_text_init(err) < 0)
		return -1;
	struct tz z = {.s = (const unsigned char *)str, .n = n, .out = out, .pend = AF_TF_SPACE};
	const unsigned char *s = z.s;
	size_t i = 0;
	int nl = 0;
	out->n = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80 && (af_text_ascii[c] & (K_SPACE | K_CONTROL))) {
			if (c == '\n' || c == '\v' || c == '\f' || (c == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
				nl++;
			z.pend |= AF_TF_SPACE;
			i++;
			continue;
		}
		uint32_t cp;
		size_t l = dec(s, n, i, &cp);
		unsigned k = cls_of(cp);
		if (k & (K_SPACE | K_CONTROL)) {
			if (cp == 0x85 || cp == 0x2028)
				nl++;
			else if (cp == 0x2029)
				nl += 2;
			z.pend |= AF_TF_SPACE;
			i += l;
			continue;
		}
		if ((k & K_FORMAT) && !(cls_at(s, n, i + l) & K_SYMBOL)) { /* LRM, RLM, a stray ZWNJ: invisible */
			i += l;
			continue;
		}
		if (nl) {
			z.pend |= AF_TF_NEWLINE;
			if (nl >= 2) {
				z.pend |= AF_TF_PARA;
				z.dq_open = z.sq_open = 0;
			}
			nl = 0;
		}
		i = token(&z, i, cp, l, k);
	}
	return 0;
}

void af_tokens_free(struct af_tokens *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

const char *af_tok_kind_name(enum af_tok_kind k)
{
	static const char *const names[] = {"word",  "number", "punct",  "quote-open", "quote-close", "quote",
	                                    "url",   "email",  "handle", "hashtag",    "symbol"};
	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}
