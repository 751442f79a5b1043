/* view_int.h - what af-view's article pages (view.c) and its index and timeline
 * (view_timeline.c) share: one article as the report holds it and the small writers.
 * Private to lib/. */
#ifndef AF_VIEW_INT_H
#define AF_VIEW_INT_H

#include <jansson.h>

#include "af/text.h"
#include "af/util.h"

/* one article of the report */
struct art {
	size_t no; /* article number */
	const json_t *rec;
	const char *text; /* NULL when the record has none */
	size_t tlen, ncp;
	size_t *cp2b; /* ncp + 1 byte offsets */
	json_t *ents, *quotes, *events;
	size_t nshown_ents, nshown_quotes, nshown_trigs;
	struct af_sentences sents;
	int have_sents;
};

/* s escaped (af_html_escape) */
void vw_esc(struct af_buf *b, const char *s);
/* the non-empty string value of key in o, or NULL */
const char *vw_jstr0(const json_t *o, const char *key);
/* an actor's short name for filters and pairs: its code, else its name, else "?" */
const char *vw_actor_key(const json_t *a);
/* the CAMEO root of an event: its "root", else the first two digits of "code" ("" if none) */
void vw_event_root(const json_t *e, char root[8]);
/* an event's data- attributes for the page's filters */
void vw_ev_attrs(struct af_buf *b, const json_t *e);
/* a table cell for an event's source or target */
void vw_actor_cell(struct af_buf *b, const json_t *act);

/* For more than one article: the index of the articles, and the timeline of their events by
 * date and actor pair with its filters (view_timeline.c). */
void vw_render_index(struct af_buf *b, const struct art *arts, size_t n);
void vw_render_timeline(struct af_buf *b, const struct art *arts, size_t n);

#endif
