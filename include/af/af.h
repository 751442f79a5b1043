/* af.h - messages, exit codes, buffers and allocation shared by every af tool. */
#ifndef AF_AF_H
#define AF_AF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define AF_VERSION "0.1.0"

/* Exit codes, one table for every tool (documented in docs/af.7).
 * The non-zero ones follow sysexits(3). */
enum af_exit {
	AF_EX_OK = 0,        /* every record processed */
	AF_EX_FAIL = 1,      /* generic failure (af-run: a stage failed) */
	AF_EX_USAGE = 64,    /* bad command line */
	AF_EX_DATAERR = 65,  /* at least one input record was rejected */
	AF_EX_NOINPUT = 66,  /* an input file could not be opened */
	AF_EX_SOFTWARE = 70, /* internal error */
	AF_EX_IOERR = 74,    /* reading input or writing output failed */
	AF_EX_CONFIG = 78    /* bad lexicon, dictionary or pipeline file */
};

/* Messages: "af-TOOL: message" on stderr. af_setprog takes the tool's name from argv[0]
 * and puts the bare name back into argv[0], so getopt's messages say it too. */
void af_setprog(char **argv);
const char *af_prog(void);
void af_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void af_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Allocation that dies with AF_EX_SOFTWARE on failure. */
void *af_malloc(size_t n);
void *af_calloc(size_t n, size_t size);
void *af_realloc(void *p, size_t n);
char *af_strdup(const char *s);
char *af_strndup(const char *s, size_t n);
/* A 64-bit hash of n bytes (FNV-1a, its high bits folded into the low ones), for in-memory
 * tables; never stored in a file. */
uint64_t af_hash(const void *s, size_t n);

/* A growable byte buffer, always NUL-terminated after the first add. */
struct af_buf {
	char *p;
	size_t len, cap;
};
/* Room for extra more bytes and the NUL (dies past SIZE_MAX / 2). The check is inline (the
 * adds below run once a byte in some loops); af_buf_grow_slow reallocates. */
void af_buf_grow_slow(struct af_buf *b, size_t extra);
static inline void af_buf_grow(struct af_buf *b, size_t extra)
{
	if (extra >= b->cap - b->len) /* cap > len once grown: this is len + extra + 1 > cap */
		af_buf_grow_slow(b, extra);
}
static inline void af_buf_add(struct af_buf *b, const char *s, size_t n)
{
	af_buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}
static inline void af_buf_addc(struct af_buf *b, char c)
{
	af_buf_grow(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}
void af_buf_adds(struct af_buf *b, const char *s);
void af_buf_printf(struct af_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void af_buf_reset(struct af_buf *b);
void af_buf_free(struct af_buf *b);

/* An error with a message, for library calls that return 0 / -1. */
struct af_error {
	char msg[1024];
};
void af_error_set(struct af_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Checked number parsing: 0 on success, -1 if s is not entirely a number in [min, max]. */
int af_parse_long(const char *s, long min, long max, long *out);

/* Whole file into memory (NUL-terminated); NULL with errno set on failure. */
char *af_read_file(const char *path, size_t *len);
char *af_read_stream(FILE *f, size_t *len);

#endif
