/* clean_article.c - the article cleaning gives (struct af_article): filling it, and
 * writing its fields as JSON for the record writer (af_record_set_json). */
#include "clean_int.h"
#include "af/record.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const af_article_field_names[AF_ARTICLE_NFIELDS] = {
	"title", "published", "updated", "source", "authors", "dateline", "text", "removed",
};

void cl_str_set(struct af_cstr *t, const char *s, size_t n)
{
	free(t->s);
	t->s = af_strndup(s, n);
	t->len = n;
}

void cl_article_add_author(struct af_article *a, const char *s, size_t n)
{
	for (size_t i = 0; i < a->nauthors; i++) /* a name read twice (two bylines) is one author */
		if (a->authors[i].len == n && !strncasecmp(a->authors[i].s, s, n))
			return;
	if (a->nauthors == a->authors_cap)
		a->authors = af_grow(a->authors, &a->authors_cap, a->nauthors + 1, sizeof *a->authors);
	struct af_cstr *t = &a->authors[a->nauthors++];
	t->s = af_strndup(s, n);
	t->len = n;
}

void cl_article_clear_authors(struct af_article *a)
{
	for (size_t i = 0; i < a->nauthors; i++)
		free(a->authors[i].s);
	a->nauthors = 0;
}

void cl_article_add_removed(struct af_article *a, const char *kind, const char *s, size_t n)
{
	if (a->nremoved == a->removed_cap)
		a->removed = af_grow(a->removed, &a->removed_cap, a->nremoved + 1, sizeof *a->removed);
	struct af_removed *r = &a->removed[a->nremoved++];
	r->kind = kind;
	r->text.s = af_strndup(s, n);
	r->text.len = n;
}

int af_article_empty(const struct af_article *a, enum af_article_field f)
{
	switch (f) {
	case AF_ARTICLE_TITLE:
		return !a->title.len;
	case AF_ARTICLE_PUBLISHED:
		return !a->published[0];
	case AF_ARTICLE_UPDATED:
		return !a->updated[0];
	case AF_ARTICLE_SOURCE:
		return !a->source.len;
	case AF_ARTICLE_AUTHORS:
		return !a->nauthors;
	case AF_ARTICLE_DATELINE:
		return !a->has_dateline;
	case AF_ARTICLE_TEXT:
		return !a->text.len;
	case AF_ARTICLE_REMOVED:
		return !a->nremoved;
	default:
		return 1;
	}
}

static void write_str(struct af_buf *out, const struct af_cstr *s)
{
	if (s->s)
		af_json_string(out, s->s, s->len);
	else
		af_buf_adds(out, "null");
}

static void write_date(struct af_buf *out, const char *d)
{
	if (d[0])
		af_json_string(out, d, strlen(d));
	else
		af_buf_adds(out, "null");
}

void af_article_write(const struct af_article *a, enum af_article_field f, struct af_buf *out)
{
	switch (f) {
	case AF_ARTICLE_TITLE:
		write_str(out, &a->title);
		break;
	case AF_ARTICLE_PUBLISHED:
		write_date(out, a->published);
		break;
	case AF_ARTICLE_UPDATED:
		write_date(out, a->updated);
		break;
	case AF_ARTICLE_SOURCE:
		write_str(out, &a->source);
		break;
	case AF_ARTICLE_AUTHORS:
		af_buf_addc(out, '[');
		for (size_t i = 0; i < a->nauthors; i++) {
			if (i)
				af_buf_addc(out, ',');
			write_str(out, &a->authors[i]);
		}
		af_buf_addc(out, ']');
		break;
	case AF_ARTICLE_DATELINE:
		if (!a->has_dateline) {
			af_buf_adds(out, "null");
			break;
		}
		af_buf_adds(out, "{\"place\":");
		write_str(out, &a->dateline_place);
		af_buf_adds(out, ",\"date\":");
		write_date(out, a->dateline_date);
		af_buf_addc(out, '}');
		break;
	case AF_ARTICLE_TEXT:
		af_json_string(out, a->text.s ? a->text.s : "", a->text.len);
		break;
	case AF_ARTICLE_REMOVED:
		af_buf_addc(out, '[');
		for (size_t i = 0; i < a->nremoved; i++) {
			af_buf_adds(out, i ? ",{\"kind\":" : "{\"kind\":");
			af_json_string(out, a->removed[i].kind, strlen(a->removed[i].kind));
			af_buf_adds(out, ",\"text\":");
			af_json_string(out, a->removed[i].text.s, a->removed[i].text.len);
			af_buf_addc(out, '}');
		}
		af_buf_addc(out, ']');
		break;
	default:
		af_buf_adds(out, "null");
	}
}

void af_article_json(const struct af_article *a, struct af_buf *out)
{
	for (int f = 0; f < AF_ARTICLE_NFIELDS; f++) {
		af_buf_adds(out, f ? ",\"" : "{\"");
		af_buf_adds(out, af_article_field_names[f]);
		af_buf_adds(out, "\":");
		af_article_write(a, f, out);
	}
	af_buf_addc(out, '}');
}

void af_article_free(struct af_article *a)
{
	free(a->title.s);
	free(a->source.s);
	cl_article_clear_authors(a);
	free(a->authors);
	free(a->dateline_place.s);
	free(a->text.s);
	for (size_t i = 0; i < a->nremoved; i++)
		free(a->removed[i].text.s);
	free(a->removed);
	memset(a, 0, sizeof *a);
}
