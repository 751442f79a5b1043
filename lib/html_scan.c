/* html_scan.c - a linear pass over a page before the HTML5 parser sees it, for two bounds
 * the parser does not keep by itself:
 *
 * - Depth. myhtml's tree builder checks scopes by walking the stack of open elements, so
 *   its time grows with the square of the nesting depth (20,000 nested divs: 2.9 s). The
 *   scan follows the open elements (closing what HTML closes implicitly: a <p> before a
 *   block, an <li> before the next, a cell before the next ...) and cuts the start tags
 *   that would open an element deeper than HTML_MAX_DEPTH; their text stays, inside the
 *   deepest element kept (browsers do the same: Blink's parser attaches elements deeper
 *   than 512 to the 512th ancestor).
 * - Memory. The tree takes about 15 bytes for each byte of page. A page longer than
 *   HTML_SEGMENT is handed to the parser in segments cut between two tags; each segment
 *   after the first starts with the start tags of the elements still open where it is cut
 *   (so its text keeps its landmarks, classes and ids), and the walk of the trees goes on
 *   from one segment to the next. The tree then never holds more than a segment.
 *
 * The scan is a tokenizer of tags only: comments, doctypes, raw text (script, style, ...)
 * and quoted attribute values are skipped as HTML skips them. */
#include "html.h"

#include "af/af.h"
#include "af/util.h"

#include <string.h>
#include <strings.h>

struct open_el {
	char name[12];     /* lower case; longer names are cut (they only need to match) */
	unsigned char len; /* of name */
	unsigned char foreign; /* inside <svg> or <math>: "/>" closes */
	size_t tag, taglen;    /* its start tag in the page */
};

struct html_scan {
	const char *s;
	size_t n, pos;
	struct open_el *st;
	size_t depth, cap;
	struct af_buf out;
	size_t cut;        /* start tags cut so far */
	int started;       /* a segment was given */
};

/* elements without content */
static const char *const void_els[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                       "meta", "param", "source", "track", "wbr", "keygen", "frame", NULL};
/* elements whose content is text up to their end tag */
static const char *const raw_els[] = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                                      "noframes", NULL};
/* start tags that close an open <p> */
static const char *const closes_p[] = {
	"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
	"hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt", NULL};

static int in_list(const char *name, size_t len, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == len && !memcmp(list[i], name, len))
			return 1;
	return 0;
}

static int is(const struct open_el *e, const char *name)
{
	return strlen(name) == e->len && !memcmp(e->name, name, e->len);
}

/* The elements a start tag closes implicitly, searched among the few open last (the end
 * tags of their parents close the rest): the group of each element that ends itself. */
static const char *const *implied_group(const char *name, size_t len)
{
	static const char *const li[] = {"li", NULL}, *const dd[] = {"dd", "dt", NULL},
	                         *const cell[] = {"td", "th", NULL}, *const row[] = {"tr", "td", "th", NULL},
	                         *const sect[] = {"tbody", "thead", "tfoot", "tr", "td", "th", NULL},
	                         *const opt[] = {"option", NULL}, *const a[] = {"a", NULL},
	                         *const ruby[] = {"rb", "rt", "rtc", "rp", NULL}, *const nobr[] = {"nobr", NULL},
	                         *const button[] = {"button", NULL};
	static const struct {
		const char *name;
		const char *const *group;
	} map[] = {{"li", li}, {"dd", dd}, {"dt", dd}, {"td", cell}, {"th", cell}, {"tr", row}, {"tbody", sect},
	           {"thead", sect}, {"tfoot", sect}, {"option", opt}, {"optgroup", opt}, {"a", a}, {"rb", ruby},
	           {"rt", ruby}, {"rtc", ruby}, {"rp", ruby}, {"nobr", nobr}, {"button", button}};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strlen(map[i].name) == len && !memcmp(map[i].name, name, len))
			return map[i].group;
	return NULL;
}

/* How far down the stack a start tag's implied end or an end tag's match is looked for:
 * a constant, so the scan stays linear. An end tag searches the whole stack (never deeper
 * than HTML_MAX_DEPTH): with less, a </div> under many unclosed <span>s would pop nothing,
 * and the scanner's depth would stay above the parser's for the rest of the page. */
enum { LOOK_IMPLIED = 4, LOOK_END = HTML_MAX_DEPTH };

static void pop_to(struct html_scan *sc, size_t i)
{
	sc->depth = i;
}

static void implied_ends(struct html_scan *sc, const char *name, size_t len)
{
	if (in_list(name, len, closes_p))
		for (size_t k = 0; k < LOOK_IMPLIED && k < sc->depth; k++)
			if (is(&sc->st[sc->depth - 1 - k], "p")) {
				pop_to(sc, sc->depth - 1 - k);
				break;
			}
	const char *const *group = implied_group(name, len);
	for (size_t k = 0; group && k < LOOK_IMPLIED && k < sc->depth; k++) {
		const struct open_el *e = &sc->st[sc->depth - 1 - k];
		for (int g = 0; group[g]; g++)
			if (is(e, group[g])) {
				pop_to(sc, sc->depth - 1 - k);
				return;
			}
	}
}

static void end_tag(struct html_scan *sc, const char *name, size_t len)
{
	if (len > sizeof sc->st->name)
		len = sizeof sc->st->name;
	for (size_t k = 0; k < LOOK_END && k < sc->depth; k++) {
		const struct open_el *e = &sc->st[sc->depth - 1 - k];
		if (e->len == len && !memcmp(e->name, name, len)) {
			pop_to(sc, sc->depth - 1 - k);
			return;
		}
	}
}

/* From after "<" + the name to after the tag's ">"; *selfclose: it ends in "/>". */
static size_t skip_attributes(const char *s, size_t n, size_t i, int *selfclose)
{
	*selfclose = 0;
	while (i < n && s[i] != '>') {
		if (s[i] == '=') {
			i++;
			while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
				i++;
			if (i < n && (s[i] == '"' || s[i] == '\'')) {
				const char *q = memchr(s + i + 1, s[i], n - i - 1);
				i = q ? (size_t)(q - s) + 1 : n;
				continue;
			}
			continue;
		}
		i++;
	}
	if (i < n)
		*selfclose = i > 0 && s[i - 1] == '/';
	return i < n ? i + 1 : n;
}

/* From inside raw text of name to the start of its end tag "</name" (or the end). */
static size_t skip_raw(const char *s, size_t n, size_t i, const char *name, size_t len)
{
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			return n;
		i = (size_t)(lt - s);
		if (i + 2 + len <= n && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, len))
			return i;
		i++;
	}
	return n;
}

static size_t skip_past(const char *s, size_t n, size_t i, const char *end)
{
	size_t el = strlen(end);
	for (; i + el <= n; i++)
		if (!memcmp(s + i, end, el))
			return i + el;
	return n;
}

static int alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int name_char(char c)
{
	return c && !strchr(" \t\n\r\f/>", c);
}

static void keep(struct html_scan *sc, size_t *from, size_t to)
{
	af_buf_add(&sc->out, sc->s + *from, to - *from);
	*from = to;
}

/* A start tag at sc->s[i] ("<" and a letter): its element pushed, or the tag cut when
 * that is too deep. Returns the position after the tag and after any raw text. */
static size_t start_tag(struct html_scan *sc, size_t i, size_t *from, int *copying)
{
	const char *s = sc->s;
	size_t n = sc->n, b = i + 1, e = b;
	while (e < n && name_char(s[e]))
		e++;
	char name[sizeof sc->st->name];
	size_t len = e - b < sizeof name ? e - b : sizeof name, full = e - b;
	for (size_t k = 0; k < len; k++)
		name[k] = (char)(s[b + k] >= 'A' && s[b + k] <= 'Z' ? s[b + k] | 0x20 : s[b + k]);
	int selfclose;
	size_t end = skip_attributes(s, n, e, &selfclose);
	int foreign = sc->depth && sc->st[sc->depth - 1].foreign;
	if ((full == 3 && !memcmp(name, "svg", 3)) || (full == 4 && !memcmp(name, "math", 4)))
		foreign = 1;
	if (!foreign && in_list(name, full, raw_els))
		return skip_raw(s, n, end, name, full);
	if (!foreign && full == 9 && !memcmp(name, "plaintext", 9))
		return n;
	if (in_list(name, full, void_els) || (foreign && selfclose) ||
	    (full == 4 && !memcmp(name, "html", 4)) || (full == 4 && !memcmp(name, "head", 4)) ||
	    (full == 4 && !memcmp(name, "body", 4)))
		return end;
	if (!foreign)
		implied_ends(sc, name, full);
	if (sc->depth >= HTML_MAX_DEPTH) {
		*copying = 1;
		keep(sc, from, i);
		*from = end;
		sc->cut++;
		return end;
	}
	if (sc->depth == sc->cap)
		sc->st = af_grow(sc->st, &sc->cap, sc->depth + 1, sizeof *sc->st);
	struct open_el *el = &sc->st[sc->depth++];
	memcpy(el->name, name, len);
	el->len = (unsigned char)len;
	el->foreign = (unsigned char)foreign;
	el->tag = i;
	el->taglen = end - i;
	return end;
}

struct html_scan *html_scan_new(const char *s, size_t n)
{
	struct html_scan *sc = af_calloc(1, sizeof *sc);
	sc->s = s;
	sc->n = n;
	return sc;
}

void html_scan_free(struct html_scan *sc)
{
	if (!sc)
		return;
	af_buf_free(&sc->out);
	free(sc->st);
	free(sc);
}

size_t html_scan_cut(const struct html_scan *sc)
{
	return sc->cut;
}

/* The start tags of the open elements, replayed before a segment (a long start tag by
 * its name alone: its attributes would make the replay as long as the segment). */
static void replay(struct html_scan *sc)
{
	enum { LONG_TAG = 2048 };
	for (size_t k = 0; k < sc->depth; k++) {
		const struct open_el *e = &sc->st[k];
		if (e->taglen <= LONG_TAG) {
			af_buf_add(&sc->out, sc->s + e->tag, e->taglen);
		} else {
			af_buf_addc(&sc->out, '<');
			af_buf_add(&sc->out, e->name, e->len);
			af_buf_addc(&sc->out, '>');
		}
	}
}

int html_scan_next(struct html_scan *sc, const char **seg, size_t *len)
{
	const char *s = sc->s;
	size_t n = sc->n, i = sc->pos, from = i, start = i;
	if (sc->started && i >= n)
		return 0;
	sc->started = 1;
	af_buf_reset(&sc->out);
	int copying = 0;
	if (start > 0) {
		replay(sc);
		copying = 1;
	}
	while (i < n) {
		if (i - start >= HTML_SEGMENT)
			break;
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt) {
			i = n;
			break;
		}
		i = (size_t)(lt - s);
		if (i + 1 >= n) {
			i = n;
			break;
		}
		char c = s[i + 1];
		if (alpha(c)) {
			i = start_tag(sc, i, &from, &copying);
		} else if (c == '/' && i + 2 < n && alpha(s[i + 2])) {
			size_t b = i + 2, e = b;
			while (e < n && name_char(s[e]))
				e++;
			char name[sizeof sc->st->name];
			size_t l = e - b < sizeof name ? e - b : sizeof name;
			for (size_t k = 0; k < l; k++)
				name[k] = (char)(s[b + k] >= 'A' && s[b + k] <= 'Z' ? s[b + k] | 0x20 : s[b + k]);
			end_tag(sc, name, e - b);
			int sc_;
			i = skip_attributes(s, n, e, &sc_);
		} else if (c == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
			i = skip_past(s, n, i + 4, "-->");
		} else if (c == '!' || c == '?' || c == '/') {
			const char *gt = memchr(s + i + 1, '>', n - i - 1);
			i = gt ? (size_t)(gt - s) + 1 : n;
		} else {
			i++;
		}
	}
	sc->pos = i;
	if (!copying) {
		*seg = s + start;
		*len = i - start;
	} else {
		keep(sc, &from, i);
		*seg = sc->out.p ? sc->out.p : "";
		*len = sc->out.len;
	}
	return 1;
}
