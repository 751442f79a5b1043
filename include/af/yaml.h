/* yaml.h - YAML documents as a small tree whose nodes remember file:line:col. */
#ifndef AF_YAML_H
#define AF_YAML_H

#include <stddef.h>

#include "af/af.h"

enum af_ytype { AF_Y_SCALAR, AF_Y_SEQ, AF_Y_MAP };

struct af_ynode {
	enum af_ytype type;
	const char *file; /* shared by every node of a document */
	int line, col;    /* 1-based */
	char *str;        /* scalar value (NUL-terminated) */
	size_t len;
	int plain;        /* the scalar was written without quotes */
	struct af_ynode **kids; /* sequence items; for a map: key, value, key, value ... */
	size_t n;               /* number of kids */
};

/* Parse buf as one YAML document; file must outlive the tree (nodes point to it). NULL with "file:line:col: problem" in err.
 * An empty document gives an empty map. Anchors and aliases are refused. */
struct af_ynode *af_yaml_parse(const char *buf, size_t len, const char *file, struct af_error *err);
struct af_ynode *af_yaml_load(const char *path, struct af_error *err);
void af_yaml_free(struct af_ynode *root);

/* The value for key in a map, or NULL. */
struct af_ynode *af_ymap_get(const struct af_ynode *map, const char *key);
/* "file:line:col: " + message into err; returns -1 for `return af_yerr(...)`. */
int af_yerr(struct af_error *err, const struct af_ynode *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Checks that every key of map is in the NULL-terminated list; else an error naming the key
 * and what was expected. */
int af_ymap_check(const struct af_ynode *map, const char *const *keys, struct af_error *err);
/* Scalar helpers: 0 or -1 with an error naming the node. */
int af_yscalar(const struct af_ynode *n, const char *what, struct af_error *err);
int af_ybool(const struct af_ynode *n, int *out, struct af_error *err);
const char *af_ytype_name(const struct af_ynode *n);

#endif
