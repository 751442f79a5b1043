/* html.c - a page through the HTML5 parser (myhtml, libmodest): the text a browser's
 * select-all-copy gives (innerText: scripts, styles, the head and hidden elements dropped,
 * <p> set apart by a blank line, other blocks and <br> on lines of their own, character
 * references decoded by the parser), each line with what the tree says about it (the
 * landmarks and kinds of block around it, class and id words, depth, link text), and the
 * page's metadata (<title>, <meta>, JSON-LD, <time>, a byline element).
 *
 * The tree is walked without recursion (parent and sibling links; per-node state in the
 * node's data slot), so deeply nested tags cost no stack. */
#include "html.h"
#include "af/utf8.h"

#include "af/af.h"
#include "af/clean.h"
#include "af/utf8.h"
#include "af/util.h"

#include <myhtml/api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct af_html {
	myhtml_t *mh;
	myhtml_tree_t *tree;
};

/* node state kept in the node's data slot: the inherited H_* flags and these */
enum {
	S_LINK = 1u << 20,   /* inside <a>: its text is link text */
	S_NOTEXT = 1u << 21, /* the head: nothing of it is shown */
	S_BLOCK = 1u << 22,  /* the node is a block: line breaks on entering and leaving */
	S_PARA = 1u << 23,   /* ... a paragraph: a blank line */
	S_SKIP = 1u << 24,   /* not shown, not entered */
	S_ENTERED = 1u << 25,
	S_BYLINE = 1u << 26, /* inside the element the byline was read from */
};
#define INHERITED (((1u << H_NFLAGS) - 1) | S_LINK | S_NOTEXT | S_BYLINE)

struct walk {
	struct af_html_page *pg;
	struct af_buf text;
	int pending;    /* line breaks owed before the next text: 0, 1, 2 (a blank line) */
	int space;      /* white space owed before the next text on the line */
	int open;       /* a line is being written */
	struct af_html_line line;
	int ranks[5];   /* the rank of the source of each meta field (higher wins) */
	unsigned *boxes;  /* the numbers of the block elements open, outermost first */
	size_t nboxes, boxcap;
	unsigned nbox;    /* block elements numbered so far */
	int ld_done;    /* a JSON-LD article object was read */
};

struct af_html *af_html_new(void)
{
	struct af_html *h = af_calloc(1, sizeof *h);
	h->mh = myhtml_create();
	if (!h->mh || myhtml_init(h->mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK)
		goto fail;
	h->tree = myhtml_tree_create();
	if (!h->tree || myhtml_tree_init(h->tree, h->mh) != MyHTML_STATUS_OK)
		goto fail;
	return h;
fail:
	af_html_free(h);
	return NULL;
}

void af_html_free(struct af_html *h)
{
	if (!h)
		return;
	if (h->tree)
		myhtml_tree_destroy(h->tree);
	if (h->mh)
		myhtml_destroy(h->mh);
	free(h);
}

void af_html_page_free(struct af_html_page *p)
{
	struct af_html_meta *m = &p->meta;
	free(p->text);
	free(p->lines);
	free(m->doc_title);
	free(m->title);
	free(m->site);
	free(m->published);
	free(m->modified);
	free(m->time);
	free(m->byline);
	free(m->lang);
	json_decref(m->authors);
	memset(p, 0, sizeof *p);
}

/* ---- lines ---- */

static void close_line(struct walk *w)
{
	if (!w->open)
		return;
	struct af_html_page *pg = w->pg;
	w->line.len = w->text.len - w->line.off;
	if (pg->nlines == pg->cap)
		pg->lines = af_grow(pg->lines, &pg->cap, pg->nlines + 1, sizeof *pg->lines);
	pg->lines[pg->nlines++] = w->line;
	w->open = 0;
	w->space = 0;
	if (w->pending < 1)
		w->pending = 1;
}

static void open_line(struct walk *w, unsigned flags, int depth)
{
	if (w->text.len) {
		af_buf_addc(&w->text, '\n');
		if (w->pending >= 2)
			af_buf_addc(&w->text, '\n');
	}
	w->line = (struct af_html_line){.off = w->text.len, .gap_before = w->pending >= 2 || !w->text.len,
	                                 .depth = depth};
	for (size_t k = 0; k < HTML_BOXES && k < w->nboxes; k++)
		w->line.box[k] = w->boxes[w->nboxes - 1 - k];
	w->open = 1;
	w->pending = 0;
	w->space = 0;
	(void)flags;
}

/* s[0..n) into out with each byte that is no part of valid UTF-8 as U+FFFD: the parser can
 * hand over broken UTF-8 (NUL bytes next to U+FFFD in the page, a character cut off in an
 * attribute or a byline; found by the html fuzz target), and the cleaner needs it valid */
static void add_valid(struct af_buf *out, const char *s, size_t n)
{
	size_t bad;
	for (size_t i = 0; i < n;) {
		if (af_utf8_valid(s + i, n - i, &bad)) {
			af_buf_add(out, s + i, n - i);
			break;
		}
		af_buf_add(out, s + i, bad);
		af_buf_add(out, "\xEF\xBF\xBD", 3);
		i += bad + 1;
	}
}

/* Text of a text node, white space folded (kept in <pre>). */
static void add_text(struct walk *w, const char *s, size_t n, unsigned flags, int depth)
{
	size_t bad;
	if (!af_utf8_valid(s, n, &bad)) {
		struct af_buf fix = {0};
		add_valid(&fix, s, n);
		add_text(w, fix.p, fix.len, flags, depth);
		af_buf_free(&fix);
		return;
	}
	int pre = (flags & H_PRE) != 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (pre && c == '\n') {
				if (w->open)
					close_line(w);
				else
					w->pending = w->pending >= 1 ? 2 : 1;
				continue;
			}
			if (pre && w->open)
				af_buf_addc(&w->text, (char)c);
			else
				w->space = 1;
			continue;
		}
		if (!w->open)
			open_line(w, flags, depth);
		else if (w->space)
			af_buf_addc(&w->text, ' ');
		w->space = 0;
		w->line.flags |= flags & ((1u << H_NFLAGS) - 1);
		af_buf_addc(&w->text, (char)c);
		if ((c & 0xC0) != 0x80) {
			w->line.chars++;
			if (flags & S_LINK)
				w->line.link_chars++;
		}
	}
}

static void block_break(struct walk *w, int para)
{
	close_line(w);
	if (w->pending < (para ? 2 : 1))
		w->pending = para ? 2 : 1;
}

/* ---- attributes ---- */

static const char *attr(myhtml_tree_node_t *n, const char *key, size_t *len)
{
	myhtml_tree_attr_t *a = myhtml_attribute_by_key(n, key, strlen(key));
	if (!a)
		return NULL;
	const char *v = myhtml_attribute_value(a, len);
	if (!v)
		*len = 0;
	return v ? v : "";
}

/* Does the lower-cased s hold one of words? */
static int holds_any(const char *s, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

/* class and id words of boilerplate and of content (the same families Readability and
 * boilerplate-removal papers name; a fact about how pages are written, not tuned here) */
static const char *const neg_words[] = {
	"comment", "footer", "footnote", "nav", "menu", "share", "sharing", "social", "related", "sidebar",
	"widget", "promo", "advert", "sponsor", "cookie", "subscribe", "newsletter", "breadcrumb", "masthead",
	"popup", "modal", "banner", "recommend", "trending", "popular", "outbrain", "taboola", "signup",
	"login", "toolbar", "tags", "pagination", "skip", "hidden", "disqus", NULL,
};
static const char *const pos_words[] = {
	"article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose", NULL,
};

static unsigned class_flags(myhtml_tree_node_t *n)
{
	unsigned f = 0;
	static const char *const keys[] = {"class", "id", NULL};
	char low[256];
	for (int k = 0; keys[k]; k++) {
		size_t len;
		const char *v = attr(n, keys[k], &len);
		if (!v || !len)
			continue;
		if (len >= sizeof low)
			len = sizeof low - 1;
		for (size_t i = 0; i < len; i++)
			low[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] | 0x20 : v[i]);
		low[len] = '\0';
		if (holds_any(low, neg_words))
			f |= H_NEG;
		if (holds_any(low, pos_words))
			f |= H_POS;
	}
	size_t len;
	const char *role = attr(n, "role", &len);
	if (role && len) {
		if (!strncasecmp(role, "navigation", len) || !strncasecmp(role, "menu", len))
			f |= H_NAV;
		else if (!strncasecmp(role, "main", len))
			f |= H_MAIN;
		else if (!strncasecmp(role, "complementary", len))
			f |= H_ASIDE;
		else if (!strncasecmp(role, "contentinfo", len))
			f |= H_FOOTER;
		else if (!strncasecmp(role, "banner", len))
			f |= H_HEADER;
	}
	const char *ip = attr(n, "itemprop", &len);
	if (ip && len == 11 && !strncasecmp(ip, "articleBody", 11))
		f |= H_BODYPROP;
	return f;
}

static int hidden(myhtml_tree_node_t *n)
{
	size_t len;
	if (myhtml_attribute_by_key(n, "hidden", 6))
		return 1;
	const char *st = attr(n, "style", &len);
	if (!st || len < 12)
		return 0;
	for (size_t i = 0; i + 7 <= len; i++)
		if (!strncasecmp(st + i, "display", 7)) {
			size_t j = i + 7;
			while (j < len && (st[j] == ' ' || st[j] == ':'))
				j++;
			if (j + 4 <= len && !strncasecmp(st + j, "none", 4))
				return 1;
		}
	return 0;
}

/* ---- metadata ---- */

enum { M_TITLE, M_SITE, M_PUBLISHED, M_MODIFIED, M_NFIELDS };

static char **field(struct af_html_meta *m, int f)
{
	switch (f) {
	case M_TITLE: return &m->title;
	case M_SITE: return &m->site;
	case M_PUBLISHED: return &m->published;
	default: return &m->modified;
	}
}

/* A character reference at s[i] ("&#8211;", "&#x2013;", "&amp;" ...) that a page escaped
 * twice, so that it is still there after the parser's decoding: its code point and length,
 * or 0. Only numeric ones and the five of XML, which a double escape leaves. */
static uint32_t char_ref(const char *s, size_t n, size_t i, size_t *len)
{
	static const struct {
		const char *name;
		uint32_t cp;
	} named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	for (size_t k = 0; k < sizeof named / sizeof *named; k++) {
		size_t l = strlen(named[k].name);
		if (i + l <= n && !memcmp(s + i, named[k].name, l)) {
			*len = l;
			return named[k].cp;
		}
	}
	if (i + 3 >= n || s[i + 1] != '#')
		return 0;
	int hex = s[i + 2] == 'x' || s[i + 2] == 'X';
	uint32_t cp = 0;
	size_t j = i + 2 + hex, digits = 0;
	for (; j < n && digits < 7; j++, digits++) {
		char c = s[j];
		int d = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
		if (d < 0)
			break;
		cp = cp * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (!digits || j >= n || s[j] != ';' || !cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*len = j + 1 - i;
	return cp;
}

/* s folded: white space runs to one space, trimmed, character references left by a double
 * escape decoded; NULL when empty. */
static char *folded(const char *s, size_t n, size_t max)
{
	struct af_buf b = {0};
	int space = 0;
	for (size_t i = 0; i < n && b.len < max; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t rl;
		uint32_t cp = c == '&' ? char_ref(s, n, i, &rl) : 0;
		if (cp && cp != ' ' && cp != 0xA0) {
			char u[4];
			if (space && b.len)
				af_buf_addc(&b, ' ');
			space = 0;
			af_buf_add(&b, u, af_utf8_put(cp, u));
			i += rl - 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			space = 1;
			continue;
		}
		if (space && b.len)
			af_buf_addc(&b, ' ');
		space = 0;
		af_buf_addc(&b, (char)c);
	}
	if (b.len >= max) { /* the loop may have cut the last character: drop what is left of it */
		size_t k = b.len;
		while (k > 0 && b.len - k < 4 && ((unsigned char)b.p[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && ((unsigned char)b.p[k - 1] & 0xC0) == 0xC0) {
			unsigned char lead = (unsigned char)b.p[k - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			if (b.len - (k - 1) < need)
				b.len = k - 1;
		}
	}
	if (!b.len) {
		af_buf_free(&b);
		return NULL;
	}
	size_t bad;
	if (!af_utf8_valid(b.p, b.len, &bad)) {
		struct af_buf fix = {0};
		add_valid(&fix, b.p, b.len);
		af_buf_free(&b);
		return fix.p;
	}
	b.p[b.len] = '\0';
	return b.p;
}

static void set_field(struct walk *w, int f, int rank, const char *s, size_t n)
{
	char **slot = field(&w->pg->meta, f);
	if (*slot && w->ranks[f] >= rank)
		return;
	char *v = folded(s, n, 1000);
	if (!v)
		return;
	free(*slot);
	*slot = v;
	w->ranks[f] = rank;
}

static void add_author(struct walk *w, int rank, const char *s, size_t n)
{
	if (n >= 4 && !strncmp(s, "http", 4))
		return; /* article:author is often a profile URL */
	if (n >= 3 && !strncasecmp(s, "by ", 3))
		s += 3, n -= 3;
	char *v = folded(s, n, 200);
	if (!v)
		return;
	struct af_html_meta *m = &w->pg->meta;
	if (!m->authors || w->ranks[4] < rank) {
		json_decref(m->authors);
		m->authors = json_array();
		w->ranks[4] = rank;
	} else if (w->ranks[4] > rank) {
		free(v);
		return;
	}
	size_t i;
	json_t *a;
	json_array_foreach(m->authors, i, a) if (!strcasecmp(json_string_value(a), v))
	{
		free(v);
		return;
	}
	json_array_append_new(m->authors, json_string(v));
	free(v);
}

static void on_meta(struct walk *w, myhtml_tree_node_t *n)
{
	static const struct {
		const char *key;
		int field, rank; /* field 4: an author */
	} keys[] = {
		{"og:title", M_TITLE, 2}, {"dc.title", M_TITLE, 2}, {"dc:title", M_TITLE, 2},
		{"dcterm:title", M_TITLE, 2}, {"twitter:title", M_TITLE, 1}, {"title", M_TITLE, 1}, {"headline", M_TITLE, 1},
		{"og:site_name", M_SITE, 2}, {"application-name", M_SITE, 1},
		{"article:published_time", M_PUBLISHED, 2}, {"og:article:published_time", M_PUBLISHED, 2},
		{"datepublished", M_PUBLISHED, 2}, {"parsely-pub-date", M_PUBLISHED, 2},
		{"article.published", M_PUBLISHED, 1}, {"publish-date", M_PUBLISHED, 1}, {"pubdate", M_PUBLISHED, 1},
		{"sailthru.date", M_PUBLISHED, 1}, {"dc.date.issued", M_PUBLISHED, 1}, {"dc.date", M_PUBLISHED, 1},
		{"dcterms.created", M_PUBLISHED, 1}, {"date", M_PUBLISHED, 1}, {"publication_date", M_PUBLISHED, 1},
		{"article:modified_time", M_MODIFIED, 2}, {"og:updated_time", M_MODIFIED, 1},
		{"datemodified", M_MODIFIED, 2}, {"author", 4, 1}, {"article:author", 4, 1}, {"dc.creator", 4, 1},
		{"dc:creator", 4, 1}, {"parsely-author", 4, 1}, {"sailthru.author", 4, 1}, {"byl", 4, 1},
		{NULL, 0, 0},
	};
	size_t klen = 0, vlen = 0;
	const char *k = attr(n, "property", &klen);
	if (!k || !klen)
		k = attr(n, "name", &klen);
	if (!k || !klen)
		k = attr(n, "itemprop", &klen);
	const char *v = attr(n, "content", &vlen);
	if (!k || !klen || !v || !vlen)
		return;
	for (int i = 0; keys[i].key; i++)
		if (strlen(keys[i].key) == klen && !strncasecmp(keys[i].key, k, klen)) {
			if (keys[i].field == 4)
				add_author(w, keys[i].rank, v, vlen);
			else
				set_field(w, keys[i].field, keys[i].rank, v, vlen);
			return;
		}
}

static int article_type(json_t *t)
{
	if (json_is_array(t)) {
		size_t i;
		json_t *x;
		json_array_foreach(t, i, x) if (article_type(x)) return 1;
		return 0;
	}
	const char *s = json_string_value(t);
	if (!s)
		return 0;
	size_t n = strlen(s);
	return (n >= 7 && !strcmp(s + n - 7, "Article")) || (n >= 7 && !strcmp(s + n - 7, "Posting")) ||
	       !strcmp(s, "Report");
}

static void ld_authors(struct walk *w, json_t *a)
{
	if (json_is_array(a)) {
		size_t i;
		json_t *x;
		json_array_foreach(a, i, x) ld_authors(w, x);
		return;
	}
	if (json_is_object(a))
		a = json_object_get(a, "name");
	if (json_is_string(a))
		add_author(w, 3, json_string_value(a), json_string_length(a));
}

static void ld_string(struct walk *w, int f, json_t *v)
{
	if (json_is_object(v))
		v = json_object_get(v, "name");
	if (json_is_string(v))
		set_field(w, f, 3, json_string_value(v), json_string_length(v));
}

/* The words of a that are in b, over the words of a (white space separated, any case). */
static double words_shared(const char *a, const char *b)
{
	size_t in = 0, all = 0;
	for (const char *p = a; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		all++;
		for (const char *q = b; *q;) {
			while (*q == ' ')
				q++;
			size_t m = strcspn(q, " ");
			if (m == n && !strncasecmp(p, q, n)) {
				in++;
				break;
			}
			q += m;
		}
		p += n;
	}
	return all ? (double)in / (double)all : 0;
}

/* An article's headline, or its name: when both are given and differ, the one that shares
 * more words with the page's <title> (a "headline" is at times a kind of page, a "name" the
 * title). The page's <title> comes before its JSON-LD in the head. */
static json_t *ld_headline(struct walk *w, json_t *headline, json_t *name)
{
	const char *h = json_string_value(headline), *n = json_string_value(name), *t = w->pg->meta.doc_title;
	if (!h || !*h)
		return name;
	if (!n || !*n || !strcmp(h, n) || !t)
		return headline;
	return words_shared(t, n) > words_shared(t, h) ? name : headline;
}

/* JSON-LD: the first object of an article type, also inside @graph and lists (depth-limited). */
static void ld_walk(struct walk *w, json_t *j, int depth)
{
	if (depth > 8)
		return;
	if (json_is_array(j)) {
		size_t i;
		json_t *x;
		json_array_foreach(j, i, x) ld_walk(w, x, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	json_t *graph = json_object_get(j, "@graph");
	if (graph)
		ld_walk(w, graph, depth + 1);
	if (w->ld_done || !article_type(json_object_get(j, "@type")))
		return;
	w->ld_done = 1;
	ld_string(w, M_TITLE, ld_headline(w, json_object_get(j, "headline"), json_object_get(j, "name")));
	ld_string(w, M_PUBLISHED, json_object_get(j, "datePublished"));
	ld_string(w, M_MODIFIED, json_object_get(j, "dateModified"));
	ld_string(w, M_SITE, json_object_get(j, "publisher"));
	ld_authors(w, json_object_get(j, "author"));
}

/* The text of an element's descendants, folded, at most max bytes (for <title>, bylines). */
static char *subtree_text(myhtml_tree_node_t *root, size_t max)
{
	struct af_buf b = {0};
	myhtml_tree_node_t *n = myhtml_node_child(root);
	while (n && b.len < max) {
		if (myhtml_node_tag_id(n) == MyHTML_TAG__TEXT) {
			size_t len;
			const char *t = myhtml_node_text(n, &len);
			if (t) {
				af_buf_addc(&b, ' ');
				af_buf_add(&b, t, len);
			}
		}
		myhtml_tree_node_t *c = myhtml_node_child(n);
		if (c && myhtml_node_tag_id(n) != MyHTML_TAG_SCRIPT && myhtml_node_tag_id(n) != MyHTML_TAG_STYLE) {
			n = c;
			continue;
		}
		while (n && n != root && !myhtml_node_next(n))
			n = myhtml_node_parent(n);
		n = n && n != root ? myhtml_node_next(n) : NULL;
	}
	char *s = b.p ? folded(b.p, b.len, max) : NULL;
	af_buf_free(&b);
	return s;
}

static void on_script(struct walk *w, myhtml_tree_node_t *n)
{
	size_t len;
	const char *type = attr(n, "type", &len);
	if (!type || len < 7 || !strstr(type, "ld+json"))
		return;
	myhtml_tree_node_t *t = myhtml_node_child(n);
	const char *s = t ? myhtml_node_text(t, &len) : NULL;
	if (!s)
		return;
	/* the JSON may sit in a CDATA section or a comment, as XHTML-minded pages write it */
	static const char *const wrap[][2] = {{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"//<![CDATA[", "//]]>"}};
	for (int again = 1; again;) {
		again = 0;
		while (len && strchr(" \t\r\n\f", *s))
			s++, len--;
		while (len && strchr(" \t\r\n\f", s[len - 1]))
			len--;
		for (size_t k = 0; k < sizeof wrap / sizeof *wrap; k++) {
			size_t a = strlen(wrap[k][0]), b = strlen(wrap[k][1]);
			if (len >= a + b && !memcmp(s, wrap[k][0], a) && !memcmp(s + len - b, wrap[k][1], b)) {
				s += a;
				len -= a + b;
				again = 1;
			}
		}
	}
	json_t *j = json_loadb(s, len, JSON_DECODE_ANY, NULL);
	if (j)
		ld_walk(w, j, 0);
	json_decref(j);
}

/* A byline element: rel=author, itemprop=author, or a class or id with "byline" or
 * "author" (not "authority"). The first one's text is the byline, unless an element inside
 * it is one too (a name beside a role: "<div class=author><a class=author-link>Name</a>
 * Games Editor</div>"). Returns whether n is one. */
static int on_byline(struct walk *w, myhtml_tree_node_t *n, unsigned inherited)
{
	size_t len;
	const char *rel = attr(n, "rel", &len), *ip = attr(n, "itemprop", &len);
	int is = (rel && !strncasecmp(rel, "author", 6)) || (ip && !strncasecmp(ip, "author", 6));
	char low[128] = "";
	for (int k = 0; !is && k < 2; k++) {
		const char *v = attr(n, k ? "id" : "class", &len);
		if (!v)
			continue;
		len = len < sizeof low - 1 ? len : sizeof low - 1;
		for (size_t i = 0; i < len; i++)
			low[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] | 0x20 : v[i]);
		low[len] = '\0';
		is = strstr(low, "byline") || (strstr(low, "author") && !strstr(low, "authori"));
	}
	if (!is)
		return 0;
	/* inside a byline element, only the name's element: a link, or a class or id naming
	 * a name (not "author-title", "author-bio") */
	if ((inherited & S_BYLINE) && myhtml_node_tag_id(n) != MyHTML_TAG_A && !(rel && !strncasecmp(rel, "author", 6)) &&
	    !strstr(low, "name"))
		return 0;
	char *t = subtree_text(n, 200);
	/* separators the page puts after the name ("Name —", "Name •") */
	static const char *const trail[] = {" —", " –", " -", " •", " ·", " |", ",", ":", NULL};
	for (int again = t != NULL; again;) {
		again = 0;
		size_t tl = strlen(t);
		for (int k = 0; trail[k]; k++) {
			size_t l = strlen(trail[k]);
			if (tl > l && !strcmp(t + tl - l, trail[k])) {
				t[tl - l] = '\0';
				again = 1;
				break;
			}
		}
	}
	if (t && *t && strlen(t) < 100 && (!w->pg->meta.byline || (inherited & S_BYLINE))) {
		free(w->pg->meta.byline);
		w->pg->meta.byline = t;
		return 1;
	}
	free(t);
	return 0;
}

/* ---- the walk ---- */

static unsigned tag_state(myhtml_tag_id_t tag)
{
	switch (tag) {
	case MyHTML_TAG_SCRIPT: case MyHTML_TAG_STYLE: case MyHTML_TAG_NOSCRIPT: case MyHTML_TAG_TEMPLATE:
	case MyHTML_TAG_SVG: case MyHTML_TAG_IFRAME: case MyHTML_TAG_OBJECT: case MyHTML_TAG_CANVAS:
	case MyHTML_TAG_SELECT: case MyHTML_TAG_TEXTAREA: case MyHTML_TAG_AUDIO: case MyHTML_TAG_VIDEO:
	case MyHTML_TAG_MATH: case MyHTML_TAG_INPUT: case MyHTML_TAG_TITLE: case MyHTML_TAG__COMMENT:
	case MyHTML_TAG_META: case MyHTML_TAG_LINK: case MyHTML_TAG_BASE:
		return S_SKIP;
	case MyHTML_TAG_HEAD: return S_NOTEXT;
	case MyHTML_TAG_P: return S_BLOCK | S_PARA | H_P;
	case MyHTML_TAG_H1: case MyHTML_TAG_H2: case MyHTML_TAG_H3: case MyHTML_TAG_H4: case MyHTML_TAG_H5:
	case MyHTML_TAG_H6: return S_BLOCK | H_HEADING;
	case MyHTML_TAG_NAV: case MyHTML_TAG_MENU: return S_BLOCK | H_NAV;
	case MyHTML_TAG_HEADER: return S_BLOCK | H_HEADER;
	case MyHTML_TAG_FOOTER: return S_BLOCK | H_FOOTER;
	case MyHTML_TAG_ASIDE: return S_BLOCK | H_ASIDE;
	case MyHTML_TAG_FORM: return S_BLOCK | H_FORM;
	case MyHTML_TAG_ARTICLE: return S_BLOCK | H_ARTICLE;
	case MyHTML_TAG_MAIN: return S_BLOCK | H_MAIN;
	case MyHTML_TAG_LI: case MyHTML_TAG_DT: case MyHTML_TAG_DD: return S_BLOCK | H_LI;
	case MyHTML_TAG_FIGURE: case MyHTML_TAG_FIGCAPTION: return S_BLOCK | H_FIGURE;
	case MyHTML_TAG_BLOCKQUOTE: return S_BLOCK | H_QUOTE;
	case MyHTML_TAG_PRE: return S_BLOCK | H_PRE;
	case MyHTML_TAG_TD: case MyHTML_TAG_TH: return H_CELL;
	case MyHTML_TAG_A: return S_LINK;
	case MyHTML_TAG_DIV: case MyHTML_TAG_UL: case MyHTML_TAG_OL: case MyHTML_TAG_DL: case MyHTML_TAG_TR:
	case MyHTML_TAG_SECTION: case MyHTML_TAG_HR: case MyHTML_TAG_ADDRESS: case MyHTML_TAG_CAPTION:
	case MyHTML_TAG_TABLE: case MyHTML_TAG_FIELDSET: case MyHTML_TAG_LEGEND: case MyHTML_TAG_DETAILS:
	case MyHTML_TAG_SUMMARY: case MyHTML_TAG_CENTER: case MyHTML_TAG_HGROUP: case MyHTML_TAG_BODY:
	case MyHTML_TAG_DIALOG: case MyHTML_TAG_TBODY: case MyHTML_TAG_THEAD: case MyHTML_TAG_TFOOT:
		return S_BLOCK;
	default: return 0;
	}
}

static unsigned state_of(myhtml_tree_node_t *n)
{
	return (unsigned)(uintptr_t)myhtml_node_get_data(n);
}

/* Entering n: returns whether its children are to be walked. */
static int enter(struct walk *w, myhtml_tree_node_t *n, int depth)
{
	myhtml_tree_node_t *parent = myhtml_node_parent(n);
	unsigned inherited = parent ? state_of(parent) & INHERITED : 0;
	myhtml_tag_id_t tag = myhtml_node_tag_id(n);
	if (tag == MyHTML_TAG__TEXT) {
		size_t len;
		const char *t = myhtml_node_text(n, &len);
		if (t && !(inherited & S_NOTEXT))
			add_text(w, t, len, inherited, depth);
		return 0;
	}
	unsigned st = tag_state(tag);
	if (tag == MyHTML_TAG_TITLE && !w->pg->meta.doc_title)
		w->pg->meta.doc_title = subtree_text(n, 1000);
	else if (tag == MyHTML_TAG_META)
		on_meta(w, n);
	else if (tag == MyHTML_TAG_SCRIPT)
		on_script(w, n);
	if (myhtml_node_namespace(n) != MyHTML_NAMESPACE_HTML && tag != MyHTML_TAG_SVG && tag != MyHTML_TAG_MATH)
		st &= S_SKIP; /* SVG and MathML content: skipped with its root */
	if ((st & S_SKIP) || (tag != MyHTML_TAG__TEXT && hidden(n))) {
		myhtml_node_set_data(n, (void *)(uintptr_t)S_SKIP);
		return 0;
	}
	if (tag == MyHTML_TAG_HTML) {
		size_t len;
		const char *lang = attr(n, "lang", &len);
		if (lang && len && !w->pg->meta.lang)
			w->pg->meta.lang = folded(lang, len, 32);
	} else if (tag == MyHTML_TAG_TIME && !w->pg->meta.time && !(inherited & S_NOTEXT)) {
		size_t len;
		const char *dt = attr(n, "datetime", &len);
		if (dt && len)
			w->pg->meta.time = folded(dt, len, 64);
	} else if (tag == MyHTML_TAG_BR) {
		if (w->open)
			close_line(w);
		else if (w->text.len)
			w->pending = 2;
		return 0;
	}
	unsigned byline = 0;
	if ((!w->pg->meta.byline || (inherited & S_BYLINE)) && !(inherited & S_NOTEXT) && on_byline(w, n, inherited))
		byline = S_BYLINE;
	if (st & H_CELL)
		w->space = 1;
	if (st & S_BLOCK) {
		block_break(w, (st & S_PARA) != 0);
		if (w->nboxes == w->boxcap) {
			w->boxcap = w->boxcap ? 2 * w->boxcap : 64;
			w->boxes = af_realloc(w->boxes, w->boxcap * sizeof *w->boxes);
		}
		w->boxes[w->nboxes++] = ++w->nbox;
	}
	unsigned mine = inherited | byline | (st & ~(S_BLOCK | S_PARA)) | class_flags(n) | (st & (S_BLOCK | S_PARA)) |
	                S_ENTERED;
	myhtml_node_set_data(n, (void *)(uintptr_t)mine);
	return 1;
}

static void leave(struct walk *w, myhtml_tree_node_t *n)
{
	unsigned st = state_of(n);
	if ((st & S_ENTERED) && (st & S_BLOCK)) {
		block_break(w, (st & S_PARA) != 0);
		if (w->nboxes)
			w->nboxes--;
	}
}

static void walk(struct walk *w, myhtml_tree_node_t *root)
{
	myhtml_node_set_data(root, NULL);
	myhtml_tree_node_t *n = myhtml_node_child(root);
	int depth = 1;
	while (n) {
		myhtml_node_set_data(n, NULL);
		if (enter(w, n, depth)) {
			myhtml_tree_node_t *c = myhtml_node_child(n);
			if (c) {
				n = c;
				depth++;
				continue;
			}
		}
		leave(w, n);
		while (!myhtml_node_next(n)) {
			n = myhtml_node_parent(n);
			depth--;
			if (!n || n == root)
				return;
			leave(w, n);
		}
		n = myhtml_node_next(n);
	}
}

int af_html_parse(struct af_html *h, const char *html, size_t len, struct af_html_page *page)
{
	memset(page, 0, sizeof *page);
	struct walk w = {.pg = page};
	af_buf_grow(&w.text, (len < HTML_SEGMENT ? len : HTML_SEGMENT) / 4 + 16); /* grows as needed */
	struct html_scan *sc = html_scan_new(html, len);
	const char *seg;
	size_t n;
	int rc = 0;
	while (rc == 0 && html_scan_next(sc, &seg, &n)) {
		if (myhtml_parse(h->tree, MyENCODING_UTF_8, seg, n) != MyHTML_STATUS_OK)
			rc = -1;
		myhtml_tree_node_t *doc = rc ? NULL : myhtml_tree_get_document(h->tree);
		w.nboxes = 0;
		if (doc)
			walk(&w, doc);
		myhtml_tree_clean(h->tree);
	}
	html_scan_free(sc);
	close_line(&w);
	free(w.boxes);
	page->text = w.text.p;
	page->len = w.text.len;
	page->text[page->len] = '\0';
	if (rc)
		af_html_page_free(page);
	return rc;
}

char *af_html_text(const char *html, size_t len, size_t *outlen)
{
	struct af_html *h = af_html_new();
	struct af_html_page pg;
	char *s = NULL;
	if (h && af_html_parse(h, html, len, &pg) == 0) {
		s = pg.text;
		pg.text = NULL;
		if (outlen)
			*outlen = pg.len;
		af_html_page_free(&pg);
	}
	af_html_free(h);
	if (!s) {
		s = af_strdup("");
		if (outlen)
			*outlen = 0;
	}
	return s;
}
