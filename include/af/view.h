/* view.h - af-view's report: af records rendered as one self-contained HTML page. */
#ifndef AF_VIEW_H
#define AF_VIEW_H

#include <jansson.h>

#include "af/af.h"

struct af_view;

/* A report titled title (NULL: "af report"). */
struct af_view *af_view_new(const char *title);
void af_view_free(struct af_view *v);

/* Adds one record (a JSON object; the reference is stolen). Any af record is taken: fields a
 * stage did not write yet, or wrote in a shape this version does not know, are shown as far
 * as they can be and never stop the report. */
void af_view_add(struct af_view *v, json_t *rec);
size_t af_view_count(const struct af_view *v);

/* The whole page: every article (text with entity, quote and trigger marks, a side panel
 * with metadata, what af-clean removed and the events table), and for more than one article
 * an index and a timeline of the events by date and actor pair, with filters. No external
 * resource: the page's Content-Security-Policy forbids every network load. */
void af_view_render(const struct af_view *v, struct af_buf *out);

/* HTML escaping of s[0..n) (UTF-8) for text content and for a quoted attribute value:
 * & < > " ' as references; NUL and the other control characters but tab, line feed and
 * carriage return as U+FFFD (an HTML parser would drop or mangle them). */
void af_html_escape(struct af_buf *out, const char *s, size_t n);

#endif
