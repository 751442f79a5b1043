/* yaml.c - libyaml events into an af_ynode tree with positions. */
#include "af/yaml.h"
#include "af/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct builder {
	yaml_parser_t p;
	const char *file;
	struct af_error *err;
	const char *buf; /* the input, for positions of reader errors */
	size_t len;
	int depth; /* of the node being built: nesting is bounded (AF_YAML_MAX_DEPTH) */
};

/* Deeper nesting is an error, not a stack overflow: no af file needs more than a few levels. */
#define AF_YAML_MAX_DEPTH 64

/* The duplicate-key check of a mapping: a linear scan for small ones, an open-addressing
 * table of key indexes (into the mapping's kids) past SMALL_MAP keys, so that a mapping of
 * 100k keys is read in linear time. */
#define SMALL_MAP 16
struct keyset {
	size_t *slot; /* kid index + 1; 0 = empty */
	size_t cap, n;
};

/* Looks key up; when absent, records it as kid `idx` of map. 1 when it was there. */
static int keyset_has_add(struct keyset *ks, struct af_ynode *map, const char *key, size_t idx)
{
	if (ks->n * 2 >= ks->cap) {
		size_t old = ks->cap, *was = ks->slot;
		ks->cap = old ? old * 2 : 64;
		ks->slot = af_calloc(ks->cap, sizeof *ks->slot);
		ks->n = 0;
		for (size_t i = 0; i < old; i++)
			if (was[i])
				keyset_has_add(ks, map, map->kids[was[i] - 1]->str, was[i] - 1);
		free(was);
		if (!old) /* first use: the keys already in the mapping */
			for (size_t i = 0; i + 1 < map->n; i += 2)
				keyset_has_add(ks, map, map->kids[i]->str, i);
	}
	size_t h = (size_t)af_hash(key, strlen(key)) & (ks->cap - 1);
	while (ks->slot[h]) {
		if (!strcmp(map->kids[ks->slot[h] - 1]->str, key))
			return 1;
		h = (h + 1) & (ks->cap - 1);
	}
	ks->slot[h] = idx + 1;
	ks->n++;
	return 0;
}

static struct af_ynode *node_new(struct builder *b, enum af_ytype t, const yaml_mark_t *m)
{
	struct af_ynode *n = af_calloc(1, sizeof *n);
	n->type = t;
	n->file = b->file;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

static void add_kid(struct af_ynode *parent, struct af_ynode *kid)
{
	if ((parent->n & (parent->n - 1)) == 0) /* grow at powers of two */
		parent->kids = af_reallocarray(parent->kids, parent->n ? parent->n * 2 : 4, sizeof *parent->kids);
	parent->kids[parent->n++] = kid;
}

static void free_node(struct af_ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		free_node(n->kids[i]);
	free(n->kids);
	free(n->str);
	free(n);
}

static int parse_error(struct builder *b)
{
	const yaml_mark_t *m = b->p.problem_mark.line || b->p.problem_mark.column ? &b->p.problem_mark
	                                                                             : &b->p.context_mark;
	yaml_mark_t at = {0, 0, 0};
	if (b->p.error == YAML_READER_ERROR) {
		/* libyaml gives reader errors (bad UTF-8, control characters) as a byte offset only */
		for (size_t i = 0; i < b->p.problem_offset && i < b->len; i++) {
			if (b->buf[i] == '\n') {
				at.line++;
				at.column = 0;
			} else if (((unsigned char)b->buf[i] & 0xC0) != 0x80) {
				at.column++;
			}
		}
		m = &at;
	}
	af_error_set(b->err, "%s:%zu:%zu: %s%s%s", b->file, m->line + 1, m->column + 1,
	             b->p.problem ? b->p.problem : "YAML error", b->p.context ? " " : "",
	             b->p.context ? b->p.context : "");
	return -1;
}

/* Builds the node whose first event is ev (already taken); 0 or -1. */
static int build(struct builder *b, yaml_event_t *ev, struct af_ynode **out)
{
	*out = NULL;
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		if (ev->data.scalar.anchor) {
			af_error_set(b->err, "%s:%zu:%zu: anchors and aliases are not supported", b->file,
			             ev->start_mark.line + 1, ev->start_mark.column + 1);
			return -1;
		}
		if (ev->data.scalar.tag) {
			af_error_set(b->err, "%s:%zu:%zu: YAML tags ('%s') are not supported", b->file,
			             ev->start_mark.line + 1, ev->start_mark.column + 1,
			             (const char *)ev->data.scalar.tag);
			return -1;
		}
		if (memchr(ev->data.scalar.value, 0, ev->data.scalar.length)) {
			af_error_set(b->err, "%s:%zu:%zu: a NUL character (\\0) in a string is not supported",
			             b->file, ev->start_mark.line + 1, ev->start_mark.column + 1);
			return -1;
		}
		struct af_ynode *n = node_new(b, AF_Y_SCALAR, &ev->start_mark);
		n->str = af_strndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		*out = n;
		return 0;
	}
	case YAML_ALIAS_EVENT:
		af_error_set(b->err, "%s:%zu:%zu: anchors and aliases are not supported", b->file,
		             ev->start_mark.line + 1, ev->start_mark.column + 1);
		return -1;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int map = ev->type == YAML_MAPPING_START_EVENT;
		if ((map && ev->data.mapping_start.anchor) || (!map && ev->data.sequence_start.anchor)) {
			af_error_set(b->err, "%s:%zu:%zu: anchors and aliases are not supported", b->file,
			             ev->start_mark.line + 1, ev->start_mark.column + 1);
			return -1;
		}
		const yaml_char_t *tag = map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
		if (tag) {
			af_error_set(b->err, "%s:%zu:%zu: YAML tags ('%s') are not supported", b->file,
			             ev->start_mark.line + 1, ev->start_mark.column + 1, (const char *)tag);
			return -1;
		}
		if (b->depth >= AF_YAML_MAX_DEPTH) {
			af_error_set(b->err, "%s:%zu:%zu: nested more than %d levels deep", b->file,
			             ev->start_mark.line + 1, ev->start_mark.column + 1, AF_YAML_MAX_DEPTH);
			return -1;
		}
		struct af_ynode *n = node_new(b, map ? AF_Y_MAP : AF_Y_SEQ, &ev->start_mark);
		struct keyset ks = {0};
		int rc = 0;
		b->depth++;
		for (;;) {
			yaml_event_t kid;
			if (!yaml_parser_parse(&b->p, &kid)) {
				rc = parse_error(b);
				break;
			}
			if (kid.type == YAML_SEQUENCE_END_EVENT || kid.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&kid);
				break;
			}
			struct af_ynode *k;
			rc = build(b, &kid, &k);
			yaml_event_delete(&kid);
			if (rc < 0)
				break;
			if (map && (n->n % 2) == 0 && k->type != AF_Y_SCALAR) {
				rc = af_yerr(b->err, k, "a mapping key must be a plain string");
				free_node(k);
				break;
			}
			if (map && (n->n % 2) == 0 &&
			    (n->n < 2 * SMALL_MAP ? af_ymap_get(n, k->str) != NULL
			                          : keyset_has_add(&ks, n, k->str, n->n))) {
				rc = af_yerr(b->err, k, "duplicate key '%s'", k->str);
				free_node(k);
				break;
			}
			add_kid(n, k);
		}
		b->depth--;
		free(ks.slot);
		if (rc < 0) {
			free_node(n);
			return -1;
		}
		*out = n;
		return 0;
	}
	default:
		af_error_set(b->err, "%s:%zu:%zu: unexpected YAML event", b->file, ev->start_mark.line + 1,
		             ev->start_mark.column + 1);
		return -1;
	}
}

struct af_ynode *af_yaml_parse(const char *buf, size_t len, const char *file, struct af_error *err)
{
	struct builder b = {.file = file, .err = err, .buf = buf, .len = len};
	struct af_ynode *root = NULL;
	yaml_event_t ev;
	int started = 0;
	if (!yaml_parser_initialize(&b.p)) {
		af_error_set(err, "%s: cannot initialise the YAML parser", file);
		return NULL;
	}
	yaml_parser_set_input_string(&b.p, (const unsigned char *)buf, len);
	for (;;) {
		if (!yaml_parser_parse(&b.p, &ev)) {
			parse_error(&b);
			goto fail;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			if (started) {
				af_error_set(err, "%s:%zu:%zu: only one YAML document is expected", file,
				             ev.start_mark.line + 1, ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto fail;
			}
			started = 1;
		} else if (t != YAML_STREAM_START_EVENT && t != YAML_DOCUMENT_END_EVENT) {
			int rc = build(&b, &ev, &root);
			yaml_event_delete(&ev);
			if (rc < 0)
				goto fail;
			continue;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&b.p);
	if (!root) {
		yaml_mark_t m = {0, 0, 0};
		root = node_new(&b, AF_Y_MAP, &m);
	}
	return root;
fail:
	yaml_parser_delete(&b.p);
	free_node(root);
	return NULL;
}

struct af_ynode *af_yaml_load(const char *path, struct af_error *err)
{
	size_t len;
	char *buf = af_read_file(path, &len);
	if (!buf) {
		af_error_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct af_ynode *root = af_yaml_parse(buf, len, path, err);
	free(buf);
	return root;
}

void af_yaml_free(struct af_ynode *root)
{
	free_node(root);
}

struct af_ynode *af_ymap_get(const struct af_ynode *map, const char *key)
{
	if (!map || map->type != AF_Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

int af_yerr(struct af_error *err, const struct af_ynode *at, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (at)
		af_error_set(err, "%s:%d:%d: %s", at->file, at->line, at->col, msg);
	else
		af_error_set(err, "%s", msg);
	return -1;
}

const char *af_ytype_name(const struct af_ynode *n)
{
	if (!n)
		return "nothing";
	return n->type == AF_Y_MAP ? "a mapping" : n->type == AF_Y_SEQ ? "a list" : "a scalar";
}

int af_ymap_check(const struct af_ynode *map, const char *const *keys, struct af_error *err)
{
	if (!map || map->type != AF_Y_MAP)
		return af_yerr(err, map, "expected a mapping, found %s", af_ytype_name(map));
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const char *k = map->kids[i]->str;
		size_t j;
		for (j = 0; keys[j]; j++)
			if (strcmp(keys[j], k) == 0)
				break;
		if (!keys[j]) {
			char list[512] = "";
			size_t used = 0;
			for (j = 0; keys[j] && used < sizeof list - 64; j++)
				used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", j ? ", " : "", keys[j]);
			return af_yerr(err, map->kids[i], "unknown key '%s' (expected one of: %s)", k, list);
		}
	}
	return 0;
}

int af_yscalar(const struct af_ynode *n, const char *what, struct af_error *err)
{
	if (!n || n->type != AF_Y_SCALAR)
		return af_yerr(err, n, "expected %s, found %s", what, af_ytype_name(n));
	return 0;
}

int af_ybool(const struct af_ynode *n, int *out, struct af_error *err)
{
	if (af_yscalar(n, "true or false", err) < 0)
		return -1;
	if (!strcmp(n->str, "true") || !strcmp(n->str, "yes")) {
		*out = 1;
		return 0;
	}
	if (!strcmp(n->str, "false") || !strcmp(n->str, "no")) {
		*out = 0;
		return 0;
	}
	return af_yerr(err, n, "expected true or false, found '%s'", n->str);
}
