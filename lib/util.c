/* util.c - messages, allocation, buffers, number parsing, file reading. */
#include "af/af.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *prog = "af";

void af_setprog(char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	prog = slash ? slash + 1 : argv[0];
	argv[0] = (char *)prog;
}

const char *af_prog(void)
{
	return prog;
}

static void vmsg(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void af_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void af_die(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(status);
}

void *af_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		af_die(AF_EX_SOFTWARE, "out of memory (%zu bytes)", n);
	return p;
}

void *af_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		af_die(AF_EX_SOFTWARE, "out of memory");
	return p;
}

void *af_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		af_die(AF_EX_SOFTWARE, "out of memory (%zu bytes)", n);
	return p;
}

char *af_strndup(const char *s, size_t n)
{
	char *p = af_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *af_strdup(const char *s)
{
	return af_strndup(s, strlen(s));
}

void af_buf_grow(struct af_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = af_realloc(b->p, cap);
	b->cap = cap;
}

void af_buf_add(struct af_buf *b, const char *s, size_t n)
{
	af_buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void af_buf_adds(struct af_buf *b, const char *s)
{
	af_buf_add(b, s, strlen(s));
}

void af_buf_addc(struct af_buf *b, char c)
{
	af_buf_grow(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

void af_buf_printf(struct af_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	af_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void af_buf_reset(struct af_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

uint64_t af_hash(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h ^ (h >> 29);
}

void af_buf_free(struct af_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void af_error_set(struct af_error *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

int af_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	if (!s || !*s)
		return -1;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

char *af_read_stream(FILE *f, size_t *len)
{
	struct af_buf b = {0};
	char chunk[65536];
	size_t n;
	af_buf_grow(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		af_buf_add(&b, chunk, n);
	if (ferror(f)) {
		int e = errno;
		af_buf_free(&b);
		errno = e ? e : EIO;
		return NULL;
	}
	if (len)
		*len = b.len;
	return b.p;
}

char *af_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *p = af_read_stream(f, len);
	int e = errno;
	fclose(f);
	errno = e;
	return p;
}
