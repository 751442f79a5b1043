/* html.h - a page parsed by the HTML5 parser (myhtml), for clean.c: the text a browser's
 * select-all-copy gives, line by line with what the tree says about each line, and the
 * metadata of the page's head (private to lib/). */
#ifndef AF_HTML_H
#define AF_HTML_H

#include <jansson.h>
#include <stddef.h>

/* What a line's place in the tree says about it (bits of af_html_line.flags): the
 * landmarks it sits in, the kind of block that holds it, and its ancestors' class and
 * id words (H_NEG: comment, share, related, nav ...; H_POS: article, content, story ...). */
enum {
	H_NAV = 1 << 0, H_HEADER = 1 << 1, H_FOOTER = 1 << 2, H_ASIDE = 1 << 3, H_FORM = 1 << 4,
	H_ARTICLE = 1 << 5, H_MAIN = 1 << 6, H_LI = 1 << 7, H_HEADING = 1 << 8, H_P = 1 << 9,
	H_CELL = 1 << 10, H_FIGURE = 1 << 11, H_QUOTE = 1 << 12, H_NEG = 1 << 13, H_POS = 1 << 14,
	H_PRE = 1 << 15, H_BODYPROP = 1 << 16, /* inside itemprop="articleBody" */
	H_NFLAGS = 17
};

enum { HTML_BOXES = 4 };

struct af_html_line {
	size_t off, len;   /* in af_html_page.text */
	int gap_before;    /* a blank line before it (paragraphs, headings) */
	unsigned flags;    /* H_* of the line's text, OR-ed */
	int depth;         /* tree depth of its first text */
	size_t chars;      /* characters of text (not spaces) */
	size_t link_chars; /* of which inside <a> */
	unsigned box[HTML_BOXES]; /* the block elements around it, innermost first (numbered in
	                           * page order; 0: none): lines with a box in common share it */
};

/* From the head and the tree: <title>, <meta> (OpenGraph, article:*, author, dates),
 * JSON-LD of an article type, the first <time datetime>, a byline element. NULL: absent. */
struct af_html_meta {
	char *doc_title;   /* <title> */
	char *title;       /* JSON-LD headline, og:title, twitter:title, dc.title */
	char *site;        /* og:site_name, JSON-LD publisher name */
	char *published;   /* JSON-LD datePublished, article:published_time, ... */
	char *modified;    /* JSON-LD dateModified, article:modified_time */
	char *time;        /* the first <time datetime=...> in the body */
	char *byline;      /* the text of a rel=author / byline / author element */
	char *lang;        /* <html lang> */
	json_t *authors;   /* JSON-LD author names, article:author and author metas (an array) */
};

struct af_html_page {
	char *text;
	size_t len;
	struct af_html_line *lines;
	size_t nlines, cap;
	struct af_html_meta meta;
};

struct af_html;

/* html_scan.c: the page handed to the parser in segments of about HTML_SEGMENT bytes,
 * with the start tags of elements deeper than HTML_MAX_DEPTH cut (their text kept). */
enum { HTML_MAX_DEPTH = 512, HTML_SEGMENT = 2 << 20 };
struct html_scan;
struct html_scan *html_scan_new(const char *s, size_t n);
/* The next segment (*seg valid until the next call): 1, or 0 when the page is done. */
int html_scan_next(struct html_scan *sc, const char **seg, size_t *len);
size_t html_scan_cut(const struct html_scan *sc); /* start tags cut so far */
void html_scan_free(struct html_scan *sc);

struct af_html *af_html_new(void);
void af_html_free(struct af_html *h);
/* Parse html[0..len) (UTF-8) into page (which the caller frees with af_html_page_free).
 * Returns 0, or -1 when the parser failed (out of memory). */
int af_html_parse(struct af_html *h, const char *html, size_t len, struct af_html_page *page);
void af_html_page_free(struct af_html_page *page);

#endif
