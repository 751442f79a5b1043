/* html.c - HTML to the text a browser's select-all-copy gives: block elements become
 * line breaks (paragraphs and headings blank lines), scripts, styles and the head are
 * dropped, character references decoded. No DOM: a tolerant single pass over tags. */
#include "af/clean.h"
#include "af/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { T_SKIP = 1, T_PARA = 2, T_LINE = 4, T_PRE = 8, T_CELL = 16 };

static const struct {
	const char *name;
	int what;
} tags[] = {
	{"script", T_SKIP}, {"style", T_SKIP}, {"noscript", T_SKIP}, {"template", T_SKIP}, {"svg", T_SKIP},
	{"head", T_SKIP}, {"iframe", T_SKIP}, {"object", T_SKIP}, {"canvas", T_SKIP}, {"select", T_SKIP},
	{"p", T_PARA}, {"h1", T_PARA}, {"h2", T_PARA}, {"h3", T_PARA}, {"h4", T_PARA}, {"h5", T_PARA},
	{"h6", T_PARA}, {"blockquote", T_PARA}, {"figure", T_PARA}, {"table", T_PARA}, {"pre", T_PARA | T_PRE},
	{"br", T_LINE}, {"div", T_LINE}, {"li", T_LINE}, {"ul", T_LINE}, {"ol", T_LINE}, {"tr", T_LINE},
	{"section", T_LINE}, {"article", T_LINE}, {"header", T_LINE}, {"footer", T_LINE}, {"nav", T_LINE},
	{"aside", T_LINE}, {"main", T_LINE}, {"figcaption", T_LINE}, {"dt", T_LINE}, {"dd", T_LINE},
	{"dl", T_LINE}, {"hr", T_LINE}, {"form", T_LINE}, {"address", T_LINE}, {"caption", T_LINE},
	{"button", T_LINE}, {"option", T_LINE}, {"label", T_LINE}, {"time", 0}, {"td", T_CELL}, {"th", T_CELL},
	{NULL, 0},
};

static const struct {
	const char *name;
	unsigned cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
	{"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"sbquo", 0x201A}, {"bdquo", 0x201E}, {"laquo", 0xAB},
	{"raquo", 0xBB}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"copy", 0xA9}, {"reg", 0xAE},
	{"trade", 0x2122}, {"middot", 0xB7}, {"bull", 0x2022}, {"deg", 0xB0}, {"euro", 0x20AC},
	{"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2}, {"sect", 0xA7}, {"para", 0xB6}, {"times", 0xD7},
	{"divide", 0xF7}, {"shy", 0xAD}, {"zwnj", 0x200C}, {"zwj", 0x200D}, {"thinsp", 0x2009},
	{"ensp", 0x2002}, {"emsp", 0x2003}, {"aacute", 0xE1}, {"eacute", 0xE9}, {"iacute", 0xED},
	{"oacute", 0xF3}, {"uacute", 0xFA}, {"agrave", 0xE0}, {"egrave", 0xE8}, {"ograve", 0xF2},
	{"acirc", 0xE2}, {"ecirc", 0xEA}, {"ocirc", 0xF4}, {"auml", 0xE4}, {"euml", 0xEB}, {"iuml", 0xEF},
	{"ouml", 0xF6}, {"uuml", 0xFC}, {"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"szlig", 0xDF},
	{"ccedil", 0xE7}, {"ntilde", 0xF1}, {"atilde", 0xE3}, {"otilde", 0xF5}, {"Eacute", 0xC9},
	{"aring", 0xE5}, {"oslash", 0xF8}, {"aelig", 0xE6}, {NULL, 0},
};

static int tag_what(const char *name, size_t n)
{
	for (int i = 0; tags[i].name; i++)
		if (strlen(tags[i].name) == n && !strncasecmp(tags[i].name, name, n))
			return tags[i].what;
	return 0;
}

static void put_cp(struct af_buf *b, uint32_t cp)
{
	char u[4];
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	af_buf_add(b, u, af_utf8_put(cp, u));
}

/* A character reference at s[i] ('&'); returns the bytes it used (0: not one). */
static size_t reference(const char *s, size_t n, size_t i, struct af_buf *b)
{
	size_t j = i + 1;
	if (j < n && s[j] == '#') {
		uint32_t cp = 0;
		int hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
		size_t k = j + 1 + (size_t)hex, d0 = k;
		for (; k < n && k - d0 < 8; k++) {
			char c = s[k];
			int v = c >= '0' && c <= '9' ? c - '0'
			        : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
			if (v < 0)
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t)v;
		}
		if (k == d0)
			return 0;
		put_cp(b, cp);
		return k - i + (k < n && s[k] == ';');
	}
	size_t k = j;
	while (k < n && k - j < 10 && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
		k++;
	for (int e = 0; entities[e].name; e++)
		if (strlen(entities[e].name) == k - j && !strncmp(entities[e].name, s + j, k - j)) {
			put_cp(b, entities[e].cp);
			return k - i + (k < n && s[k] == ';');
		}
	return 0;
}

static void newline(struct af_buf *b, int para)
{
	/* at most one blank line, none at the start */
	size_t nl = 0;
	while (nl < b->len && nl < 2 && b->p[b->len - 1 - nl] == '\n')
		nl++;
	if (!b->len)
		return;
	for (size_t want = para ? 2 : 1; nl < want; nl++)
		af_buf_addc(b, '\n');
}

char *af_html_text(const char *s, size_t n, size_t *outlen)
{
	struct af_buf b = {0};
	size_t i = 0;
	int pre = 0, space = 0;
	af_buf_grow(&b, n / 2);
	while (i < n) {
		char c = s[i];
		if (c == '<') {
			if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) {
				const char *end = NULL;
				for (size_t k = i + 4; k + 3 <= n; k++)
					if (!memcmp(s + k, "-->", 3)) {
						end = s + k + 3;
						break;
					}
				i = end ? (size_t)(end - s) : n;
				continue;
			}
			size_t k = i + 1;
			int closing = k < n && s[k] == '/';
			k += (size_t)closing;
			size_t name0 = k;
			while (k < n && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || (s[k] >= '0' && s[k] <= '9')))
				k++;
			if (k == name0 && !(k < n && (s[k] == '!' || s[k] == '?'))) { /* a lone '<' */
				af_buf_addc(&b, '<');
				i++;
				continue;
			}
			size_t namelen = k - name0;
			int what = tag_what(s + name0, namelen);
			/* skip to the end of the tag, minding quoted attribute values */
			char q = 0;
			while (k < n && (q || s[k] != '>')) {
				if (q && s[k] == q)
					q = 0;
				else if (!q && (s[k] == '"' || s[k] == '\''))
					q = s[k];
				k++;
			}
			int selfclose = k > 0 && k < n && s[k - 1] == '/';
			i = k < n ? k + 1 : n;
			if ((what & T_SKIP) && !closing && !selfclose) {
				/* drop everything to the matching end tag */
				size_t m;
				for (m = i; m + 2 + namelen <= n; m++)
					if (s[m] == '<' && s[m + 1] == '/' && !strncasecmp(s + m + 2, s + name0, namelen))
						break;
				if (m + 2 + namelen > n)
					m = n;
				while (m < n && s[m] != '>')
					m++;
				i = m < n ? m + 1 : n;
				continue;
			}
			if (what & T_PRE)
				pre = !closing;
			if (what & (T_PARA | T_LINE)) {
				newline(&b, what & T_PARA);
				space = 0;
			} else if (what & T_CELL) {
				space = 1;
			}
			continue;
		}
		if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
			space = 1;
			i++;
			continue;
		}
		if (space && b.len && b.p[b.len - 1] != '\n')
			af_buf_addc(&b, ' ');
		space = 0;
		if (c == '&') {
			size_t used = reference(s, n, i, &b);
			if (used) {
				i += used;
				continue;
			}
		}
		af_buf_addc(&b, c);
		i++;
	}
	if (!b.p)
		af_buf_grow(&b, 0);
	if (outlen)
		*outlen = b.len;
	return b.p;
}
