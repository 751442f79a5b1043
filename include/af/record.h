/* record.h - NDJSON records and the filter loop every af stage runs.
 *
 * A record is one JSON object on one line. The library validates the line
 * (UTF-8, JSON syntax, an object at the top), indexes its top-level fields
 * without parsing their values, and lets a stage read the fields it needs
 * and set the fields it owns. On output every field the stage did not set
 * is copied byte for byte, in its place; fields the stage set replace the
 * old ones in place, new ones are appended. */
#ifndef AF_RECORD_H
#define AF_RECORD_H

#include <jansson.h>
#include <stdio.h>

#include "af/af.h"

struct af_field {
	const char *key; /* raw key bytes between the quotes (escapes not decoded) */
	size_t klen;
	const char *val; /* raw value bytes */
	size_t vlen;
	int escaped;     /* the key contains a backslash escape */
};

/* What a stage's process function returns. */
enum af_verdict {
	AF_WRITE = 0, /* write the record with the fields the stage set */
	AF_PASS,      /* write the input line unchanged */
	AF_REJECT,    /* reject the line; the reason is in the af_error */
	AF_PASS_BAD   /* write the input line unchanged, but warn (the reason is in the af_error)
	               * and count it as bad: exit 65 at the end; not written to --reject, and
	               * --strict stops after it */
};

struct af_record {
	const char *line; /* the input line, without its newline */
	size_t len;
	struct af_field *fields;
	size_t nfields, cap;
	/* fields set by the stage, in the order set, as JSON text; the buffers are kept for
	 * the next record */
	struct af_set {
		char *key;
		struct af_buf val;
	} *sets;
	size_t nsets, capsets;
};

void af_record_init(struct af_record *r);
void af_record_free(struct af_record *r);

/* Validate and index line[0..len): 0, or -1 with the reason in err. */
int af_record_parse(struct af_record *r, const char *line, size_t len, struct af_error *err);

/* An empty record (for af-clean's file operands): no input fields. */
void af_record_empty(struct af_record *r);

/* The top-level field named key (the last one if repeated), or NULL. */
const struct af_field *af_record_field(const struct af_record *r, const char *key);
/* The field's value parsed (new reference), or NULL when absent. */
json_t *af_record_get(const struct af_record *r, const char *key);
/* The field's value when it is a string: malloc'd, NUL-terminated; NULL when
 * absent or not a string. *len excludes the NUL (the string may contain NULs). */
char *af_record_string(const struct af_record *r, const char *key, size_t *len);
/* The "text" an analysis stage works on (af-entities, af-quotes, af-events): malloc'd, or
 * NULL with the reason in why and what to return in *verdict: AF_PASS_BAD when the record
 * has no "text" (it goes on unchanged, counted), AF_REJECT when "text" is not a string. */
char *af_record_text(const struct af_record *r, size_t *len, enum af_verdict *verdict, struct af_error *why);
/* Set (or replace) a field the stage owns; steals the reference to val. */
void af_record_set(struct af_record *r, const char *key, json_t *val);
/* The same with the value as JSON text: a buffer, emptied, to write one JSON value into
 * (with af_json_string and af_json_int, or af_buf_add); valid JSON is the caller's duty. */
struct af_buf *af_record_set_json(struct af_record *r, const char *key);

/* JSON writing as af_record_write does it: compact, UTF-8 kept as is. */
void af_json_string(struct af_buf *out, const char *s, size_t n);
void af_json_int(struct af_buf *out, long long v);
/* A real in the shortest form that reads back (with ".0" when it has no point; null for NaN
 * and infinities). */
void af_json_real(struct af_buf *out, double d);
/* Any jansson value as af_record_write writes it (objects' members in their order). */
void af_json_value(struct af_buf *out, const json_t *v);
/* Append the decoded bytes of the JSON string literal v[0..n) (its quotes included, as
 * af_record_parse validated it) to out, NUL-terminated. */
void af_json_unescape(const char *v, size_t n, struct af_buf *out);

/* Serialise: input fields in order with set ones replaced, then new ones,
 * then "af" with stage appended to af.stages (when stage is not NULL). */
void af_record_write(const struct af_record *r, const char *stage, struct af_buf *out);

struct af_filter {
	const char *stage; /* "clean", "entities", ... */
	enum af_verdict (*process)(struct af_record *r, void *ctx, struct af_error *why);
	void *ctx;
	const char *reject_path; /* --reject FILE, or NULL */
	int strict;              /* --strict: stop at the first rejected line */
	int quiet;               /* no record is written: process writes its own output
	                          * (af-parse --conllu) */
	/* state */
	FILE *reject;
	long nin, nrejected;
	long npassbad; /* AF_PASS_BAD records */
	int stopped;
	struct af_buf out;
	const char *cur_name; /* the input and line of the record being processed, for messages */
	long cur_line;
	long lines_before; /* lines of the next stream its caller has already read (af-clean's look
	                    * at stdin): line numbers start after them */
	const char *mark;  /* af-run's mark (AF_BATCH_MARK) when this stage writes marks, else NULL */
	long mark_next;    /* the line number the next stage gives the next line written */
};

/* Run the filter over every line of in ("name" for messages, NULL for stdin).
 * Returns 0, or -1 when --strict stopped the run. */
int af_filter_stream(struct af_filter *f, FILE *in, const char *name);
/* Run the filter over one record built by the caller (af-clean's files). */
void af_filter_record(struct af_filter *f, struct af_record *r, const char *name, long lineno);
/* Report a rejected input: message on stderr, the bytes kept in --reject. */
void af_filter_reject(struct af_filter *f, const char *name, long lineno, const char *data, size_t len,
                      const char *why);
/* Flush and close; returns the exit status for the run. */
int af_filter_finish(struct af_filter *f);

/* Write to stdout; a closed pipe (EPIPE) ends the process quietly with 0,
 * any other write error ends it with AF_EX_IOERR. */
void af_output(const char *s, size_t n);
void af_output_flush(void);

#endif
