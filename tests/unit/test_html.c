/* test_html.c - the HTML path: lib/html.c's lines and tree features, the page metadata,
 * af_clean_html on awkward input, and a replay of tests/fuzz/corpus/html/ (the html fuzz
 * target's kept inputs) through its body (tests/fuzz/fuzz_html.h). */
#include "../../lib/html.h"
#include "../fuzz/fuzz_html.h"
#include "tap.h"

#include <dirent.h>

static const struct af_html_line *line_with(const struct af_html_page *pg, const char *s)
{
	for (size_t i = 0; i < pg->nlines; i++)
		if (pg->lines[i].len == strlen(s) && !memcmp(pg->text + pg->lines[i].off, s, pg->lines[i].len))
			return &pg->lines[i];
	return NULL;
}

static void lines_and_features(struct af_html *h)
{
	static const char page[] =
		"<html lang=fr><head><title> A  title </title><style>x{}</style></head><body>"
		"<nav><a href=/>Home</a> <a href=/w>World</a></nav>"
		"<div class='article-body'><p>First &amp; <b>bold</b>\n paragraph.</p><p>Second<br>line</p>"
		"<ul><li>one</li><li>two</li></ul><div style='display: none'>Hidden</div>"
		"<table><tr><td>a</td><td>b</td></tr></table></div>"
		"<footer class=site-footer>Footer &copy; 2024</footer><time datetime='2024-01-02'>Jan 2</time>"
		"<script>var x = '<p>no</p>';</script></body></html>";
	struct af_html_page pg;
	ok(af_html_parse(h, page, sizeof page - 1, &pg) == 0, "a page parses");
	ok(!strcmp(pg.text, "Home World\n\nFirst & bold paragraph.\n\nSecond\nline\n\none\ntwo\na b\nFooter © 2024\nJan 2"),
	   "innerText-like text: '%s'", pg.text);
	const struct af_html_line *l = line_with(&pg, "Home World");
	ok(l && (l->flags & H_NAV) && l->link_chars == l->chars - 0 && l->chars == 9, "a nav line: all link text");
	l = line_with(&pg, "First & bold paragraph.");
	ok(l && (l->flags & H_P) && (l->flags & H_POS) && !(l->flags & H_NAV) && l->link_chars == 0,
	   "a paragraph in a content div: P and POS");
	l = line_with(&pg, "Second");
	ok(l && l->gap_before, "a paragraph is set apart by a blank line");
	l = line_with(&pg, "two");
	ok(l && (l->flags & H_LI) && !l->gap_before, "list items on lines of their own");
	l = line_with(&pg, "Footer © 2024");
	ok(l && (l->flags & H_FOOTER) && (l->flags & H_NEG), "a footer, by tag and by class");
	ok(!strstr(pg.text, "Hidden") && !strstr(pg.text, "no</p>"), "hidden elements and scripts are not text");
	ok(pg.meta.doc_title && !strcmp(pg.meta.doc_title, "A title"), "<title> folded");
	ok(pg.meta.lang && !strcmp(pg.meta.lang, "fr"), "<html lang>");
	ok(pg.meta.time && !strcmp(pg.meta.time, "2024-01-02"), "<time datetime>");
	af_html_page_free(&pg);
}

static void awkward(struct af_html *h)
{
	struct af_html_page pg;
	ok(af_html_parse(h, "", 0, &pg) == 0 && pg.len == 0 && pg.nlines == 0, "empty input: no lines");
	af_html_page_free(&pg);
	const char *s = "<p>a<p>b</div></span><table><td>c";
	ok(af_html_parse(h, s, strlen(s), &pg) == 0 && !strcmp(pg.text, "a\n\nb\nc"), "unclosed tags: '%s'", pg.text);
	af_html_page_free(&pg);
	/* deep nesting: the walk has no recursion */
	struct af_buf b = {0};
	for (int i = 0; i < 50000; i++)
		af_buf_adds(&b, "<div>");
	af_buf_adds(&b, "deep");
	ok(af_html_parse(h, b.p, b.len, &pg) == 0 && !strcmp(pg.text, "deep"), "50,000 nested divs");
	af_html_page_free(&pg);
	af_buf_free(&b);
	s = "<script type='application/ld+json'>{\"@type\": [\"NewsArticle\"], \"headline\": 3, "
	    "\"author\": {\"name\": [1]}, \"datePublished\": null}</script><p>x</p>";
	ok(af_html_parse(h, s, strlen(s), &pg) == 0 && !pg.meta.title && !pg.meta.published,
	   "JSON-LD of the wrong types is ignored");
	af_html_page_free(&pg);
}

/* lib/html_scan.c: the depth cap and the segments */
static void scan(struct af_html *h)
{
	const char *page = "<html><body><div class=a><p>one<p>two<ul><li>x<li>y</ul></div></body></html>";
	struct html_scan *sc = html_scan_new(page, strlen(page));
	const char *seg;
	size_t n;
	ok(html_scan_next(sc, &seg, &n) == 1 && seg == page && n == strlen(page), "a small page: one segment, as it is");
	ok(html_scan_next(sc, &seg, &n) == 0 && html_scan_cut(sc) == 0, "... and nothing cut");
	html_scan_free(sc);
	/* 100,000 elements that HTML closes implicitly (and tags inside comments, raw text and
	 * attribute values): the tree stays shallow, nothing is cut */
	struct af_buf b = {0};
	af_buf_adds(&b, "<html><body>");
	for (int i = 0; i < 100000; i++)
		af_buf_adds(&b, i % 3 ? "<div class=x><p>a<p>" : "<SPAN title='<div>'><li><!-- <div> --><script>'<div>'</script>");
	sc = html_scan_new(b.p, b.len);
	while (html_scan_next(sc, &seg, &n))
		;
	ok(html_scan_cut(sc) == 0, "100,000 implicitly closed elements: nothing cut (%zu)", html_scan_cut(sc));
	html_scan_free(sc);
	/* a </div> closes the <span>s left open inside it, however many (100 here): the
	 * scanner's depth must not drift above the parser's and cut later tags */
	struct af_buf sp = {0};
	af_buf_adds(&sp, "<html><body>");
	for (int i = 0; i < 1000; i++) {
		af_buf_adds(&sp, "<div class=x>");
		for (int k = 0; k < 100; k++)
			af_buf_adds(&sp, "<span>a");
		af_buf_adds(&sp, "</div>");
	}
	sc = html_scan_new(sp.p, sp.len);
	while (html_scan_next(sc, &seg, &n))
		;
	ok(html_scan_cut(sc) == 0, "1,000 divs each closing 100 open spans: nothing cut (%zu)", html_scan_cut(sc));
	html_scan_free(sc);
	af_buf_free(&sp);
	struct af_html_page pg;
	size_t as = 0;
	ok(af_html_parse(h, b.p, b.len, &pg) == 0, "... it parses");
	for (size_t i = 0; i < pg.nlines; i++)
		as += pg.lines[i].len == 1 && pg.text[pg.lines[i].off] == 'a';
	ok(as == 66666, "... every paragraph on its line (%zu of %d)", as, 66666);
	af_html_page_free(&pg);
	/* 100,000 nested elements: the start tags deeper than the cap are cut, the text stays */
	af_buf_reset(&b);
	af_buf_adds(&b, "<html><body>");
	for (int i = 0; i < 50000; i++)
		af_buf_adds(&b, "<div><span>");
	af_buf_adds(&b, "<p>deep words</p>");
	for (int i = 0; i < 50000; i++)
		af_buf_adds(&b, "</span>x</div>");
	af_buf_adds(&b, "<p>after</p>");
	sc = html_scan_new(b.p, b.len);
	while (html_scan_next(sc, &seg, &n))
		;
	ok(html_scan_cut(sc) >= 100000 - HTML_MAX_DEPTH, "100,000 nested: %zu start tags cut", html_scan_cut(sc));
	html_scan_free(sc);
	ok(af_html_parse(h, b.p, b.len, &pg) == 0 && strstr(pg.text, "deep words") && strstr(pg.text, "after"),
	   "... its text is kept");
	size_t maxdepth = 0, xs = 0;
	for (size_t i = 0; i < pg.nlines; i++)
		maxdepth = pg.lines[i].depth > (int)maxdepth ? (size_t)pg.lines[i].depth : maxdepth;
	for (size_t i = 0; i < pg.len; i++)
		xs += pg.text[i] == 'x';
	ok(maxdepth <= HTML_MAX_DEPTH + 4, "... and the tree is at most %d deep (%zu)", HTML_MAX_DEPTH + 4, maxdepth);
	ok(xs == 50000, "... all the text between the end tags (%zu)", xs);
	af_html_page_free(&pg);
	/* a page longer than a segment: each segment starts with the open elements' start tags */
	af_buf_reset(&b);
	af_buf_adds(&b, "<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><div class='story-body'><article>");
	size_t paras = 0;
	while (b.len < 3 * (size_t)HTML_SEGMENT) {
		af_buf_printf(&b, "<p>Paragraph %zu of the story, with <b>bold</b> words.</p>\n", paras++);
	}
	af_buf_adds(&b, "</article></div><footer>Footer words</footer></body></html>");
	sc = html_scan_new(b.p, b.len);
	size_t segs = 0;
	while (html_scan_next(sc, &seg, &n)) {
		segs++;
		if (segs == 2)
			ok(n > 30 && !memcmp(seg, "<div class='story-body'><article>", 33), "segment 2 starts with the open elements");
	}
	ok(segs == 3 || segs == 4, "a page of %zu bytes: %zu segments", b.len, segs);
	html_scan_free(sc);
	ok(af_html_parse(h, b.p, b.len, &pg) == 0, "a long page parses");
	size_t found = 0, inside = 0, nfooter = 0;
	for (size_t i = 0; i < pg.nlines; i++) {
		const struct af_html_line *l = &pg.lines[i];
		if (l->len > 10 && !memcmp(pg.text + l->off, "Paragraph ", 10)) {
			found++;
			inside += (l->flags & (H_ARTICLE | H_POS | H_P)) == (H_ARTICLE | H_POS | H_P);
		}
		nfooter += l->len == 12 && !memcmp(pg.text + l->off, "Footer words", 12) && (l->flags & H_FOOTER);
	}
	ok(found == paras && inside == paras && nfooter == 1,
	   "every paragraph once, each still in its article (%zu, %zu of %zu), the footer a footer", found, inside, paras);
	ok(pg.meta.doc_title && !strcmp(pg.meta.doc_title, "T"), "the title from the first segment");
	af_html_page_free(&pg);
	af_buf_free(&b);
}

/* the page metadata: JSON-LD in CDATA, headline or name, byline elements */
static void metadata(struct af_html *h)
{
	const char *page = "<html><head><title>List of films featuring time loops - Wikipedia</title>"
	                   "<script type=application/ld+json>\n  <![CDATA[\n {\"@type\": \"Article\", \"name\": "
	                   "\"List of films featuring time loops\", \"headline\": \"Wikimedia list article\", "
	                   "\"datePublished\": \"2003-02-28T21:51:08Z\"}\n ]]>\n</script></head><body>"
	                   "<div class='author Mb(4px)'><a class=author-link href=/a>Ann Lee</a> <span class=author-title>"
	                   "Games Editor</span></div><p>Text.</p><span class=author>Bo Chan \xe2\x80\x94</span></body></html>";
	struct af_html_page pg;
	ok(af_html_parse(h, page, strlen(page), &pg) == 0, "a page with metadata parses");
	ok(pg.meta.published && !strcmp(pg.meta.published, "2003-02-28T21:51:08Z"), "JSON-LD inside CDATA is read");
	ok(pg.meta.title && !strcmp(pg.meta.title, "List of films featuring time loops"),
	   "of headline and name, the one closer to <title>: '%s'", pg.meta.title ? pg.meta.title : "(null)");
	ok(pg.meta.byline && !strcmp(pg.meta.byline, "Ann Lee"), "the name's link inside a byline element: '%s'",
	   pg.meta.byline ? pg.meta.byline : "(null)");
	af_html_page_free(&pg);
	page = "<meta property=og:title content='Review &amp;#8211; a &amp;amp; b &amp;#x2014;&amp;#0; &amp;#99999999;'><p>x</p>";
	ok(af_html_parse(h, page, strlen(page), &pg) == 0 && pg.meta.title &&
	       !strcmp(pg.meta.title, "Review \xe2\x80\x93 a & b \xe2\x80\x94&#0; &#99999999;"),
	   "character references a page escaped twice are decoded, bad ones kept: '%s'", pg.meta.title ? pg.meta.title : "(null)");
	af_html_page_free(&pg);
	page = "<p>x</p><span itemprop=author><span itemprop=name>Nicolas Perriault</span> \xe2\x80\x94</span>";
	ok(af_html_parse(h, page, strlen(page), &pg) == 0 && pg.meta.byline && !strcmp(pg.meta.byline, "Nicolas Perriault"),
	   "a byline loses the separator after the name: '%s'", pg.meta.byline ? pg.meta.byline : "(null)");
	af_html_page_free(&pg);
}

/* The article af_clean and af_clean_html give, as the record writer writes its fields. */
static void article(void)
{
	struct af_error err;
	struct af_cleaner *c = af_cleaner_new(&err);
	if (!ok(c != NULL, "a cleaner"))
		return;
	const char *dump = "Home\nWorld\n\nBy Ann Lee\n\nKABUL, March 3 (Reuters) - The \"talks\" resumed on Monday "
	                   "after a pause of two weeks, officials said.\n\nThey said the next round would follow in a "
	                   "month, in the capital, with both sides present.\n";
	struct af_article a;
	af_clean(c, dump, strlen(dump), &a);
	struct af_buf out = {0};
	af_article_json(&a, &out);
	ok(out.p && !strcmp(out.p, "{\"title\":null,\"published\":null,\"updated\":null,\"source\":\"Reuters\","
	                           "\"authors\":[\"Ann Lee\"],\"dateline\":{\"place\":\"Kabul\",\"date\":null},"
	                           "\"text\":\"The \\\"talks\\\" resumed on Monday after a pause of two weeks, officials "
	                           "said.\\n\\nThey said the next round would follow in a month, in the capital, with both "
	                           "sides present.\",\"removed\":[{\"kind\":\"nav\",\"text\":\"Home\\nWorld\"},"
	                           "{\"kind\":\"byline\",\"text\":\"By Ann Lee\"}]}"),
	   "the fields in order, strings escaped, none as null: %s", out.p ? out.p : "(null)");
	ok(!af_article_empty(&a, AF_ARTICLE_AUTHORS) && af_article_empty(&a, AF_ARTICLE_PUBLISHED) &&
	       !af_article_empty(&a, AF_ARTICLE_DATELINE) && !strcmp(af_article_field_names[AF_ARTICLE_REMOVED], "removed"),
	   "empty fields are told apart");
	af_article_free(&a);
	af_clean(c, "", 0, &a);
	af_buf_reset(&out);
	af_article_json(&a, &out);
	ok(!strcmp(out.p, "{\"title\":null,\"published\":null,\"updated\":null,\"source\":null,\"authors\":[],"
	                  "\"dateline\":null,\"text\":\"\",\"removed\":[]}"),
	   "an empty article: %s", out.p);
	af_article_free(&a);
	const char *page = "<html><head><title>A headline</title>"
	                   "<meta property='article:published_time' content='2024-05-06T07:08:09Z'></head>"
	                   "<body><p>One paragraph of the article that is long enough to be prose, it says.</p></body></html>";
	ok(af_clean_html(c, page, strlen(page), &a) == 0 && a.title.s && !strcmp(a.title.s, "A headline") &&
	       !strcmp(a.published, "2024-05-06T07:08:09+00:00"),
	   "HTML: the page's title and date: '%s' '%s'", a.title.s ? a.title.s : "(null)", a.published);
	af_article_free(&a);
	char id[18];
	af_clean_hash_id("abc", 3, id);
	ok(strlen(id) == 17 && id[0] == 'h', "a hash id: %s", id);
	af_buf_free(&out);
	af_cleaner_free(c);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay(void)
{
	const char *dir = getenv("AF_FUZZ_HTML_CORPUS");
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d && (d = opendir("tests/fuzz/corpus/html")))
		dir = "tests/fuzz/corpus/html";
	if (!d && (d = opendir(__FILE__ "/../../fuzz/corpus/html")))
		dir = __FILE__ "/../../fuzz/corpus/html";
	if (!ok(d != NULL, "the corpus directory tests/fuzz/corpus/html is found"))
		return;
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (e->d_name[0] != '.') {
			names = af_realloc(names, (n + 1) * sizeof *names);
			names[n++] = af_strdup(e->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	ok(n > 0, "the HTML corpus has %zu inputs", n);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		size_t len = 0;
		char *buf = f ? af_read_stream(f, &len) : NULL;
		if (f)
			fclose(f);
		ok(buf && fuzz_html_one((const unsigned char *)buf, len) == 0, "replay %s (%zu bytes)", names[i], len);
		free(buf);
		free(names[i]);
	}
	free(names);
}

int main(void)
{
	struct af_html *h = af_html_new();
	if (!ok(h != NULL, "the parser is made"))
		return 1;
	lines_and_features(h);
	awkward(h);
	scan(h);
	metadata(h);
	af_html_free(h);
	article();
	replay();
	af_cleaner_free(fuzz_html_cleaner);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
