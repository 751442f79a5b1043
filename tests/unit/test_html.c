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
	af_html_free(h);
	replay();
	af_cleaner_free(fuzz_html_cleaner);
	printf("1..%d\n", ntests);
	return nfailed != 0;
}
