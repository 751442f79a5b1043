/* util.c - messages, allocation, buffers, array growth, the hash map, number parsing,
 * file reading. */
#include "af/af.h"
#include "af/util.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* One message, "prog: text\n", in one write(2): copies of a tool run side by side (af-run --jobs,
 * GNU parallel) share one stderr, and a message written in pieces interleaves with theirs. */
static void vmsg(const char *fmt, va_list ap)
{
	char small[1024], *line = small;
	size_t plen = strlen(prog), cap = sizeof small;
	va_list aq;
	fflush(stdout);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	if (plen + (size_t)n + 4 > cap) {
		char *big = malloc(plen + (size_t)n + 4);
		if (big)
			line = big, cap = plen + (size_t)n + 4;
	}
	size_t len = (size_t)snprintf(line, cap, "%s: ", prog);
	if (len > cap - 1)
		len = cap - 1;
	int m = vsnprintf(line + len, cap - len, fmt, ap);
	if (m > 0) /* cut to the buffer when malloc failed: the last byte for the newline */
		len = (size_t)m < cap - len ? len + (size_t)m : cap - 1;
	line[len++] = '\n';
	fflush(stderr);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(STDERR_FILENO, line + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (line != small)
		free(line);
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

void af_buf_grow_slow(struct af_buf *b, size_t extra)
{
	if (extra >= SIZE_MAX / 2 - b->len)
		af_die(AF_EX_SOFTWARE, "out of memory (%zu bytes)", extra);
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->p = af_realloc(b->p, cap);
	b->cap = cap;
}

void af_buf_adds(struct af_buf *b, const char *s)
{
	af_buf_add(b, s, strlen(s));
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

void *af_reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		af_die(AF_EX_SOFTWARE, "out of memory (%zu elements of %zu bytes)", n, size);
	return af_realloc(p, n * size);
}

void *af_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			af_die(AF_EX_SOFTWARE, "out of memory (%zu elements of %zu bytes)", need, size);
		c *= 2;
	}
	p = af_reallocarray(p, c, size);
	*cap = c;
	return p;
}

static struct af_map_slot *map_slot(const struct af_map *m, const char *s, size_t n, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct af_map_slot *e = &m->v[i];
		if (!e->klen1 || (e->hash == h && e->klen1 == n + 1 && !memcmp(m->keys.p + e->koff, s, n)))
			return e;
	}
}

size_t *af_map_get(const struct af_map *m, const char *s, size_t n)
{
	if (!m->cap)
		return NULL;
	struct af_map_slot *e = map_slot(m, s, n, af_hash(s, n));
	return e->klen1 ? &e->val : NULL;
}

size_t *af_map_put(struct af_map *m, const char *s, size_t n, int *added)
{
	if ((m->n + 1) * 2 > m->cap) { /* at most half full */
		struct af_map_slot *old = m->v;
		size_t ocap = m->cap;
		m->cap = ocap ? ocap * 2 : 64;
		m->v = af_calloc(m->cap, sizeof *m->v);
		for (size_t i = 0; i < ocap; i++)
			if (old[i].klen1)
				*map_slot(m, m->keys.p + old[i].koff, old[i].klen1 - 1, old[i].hash) = old[i];
		free(old);
	}
	uint64_t h = af_hash(s, n);
	struct af_map_slot *e = map_slot(m, s, n, h);
	if (added)
		*added = !e->klen1;
	if (!e->klen1) {
		e->hash = h;
		e->koff = m->keys.len;
		e->klen1 = n + 1;
		e->val = 0;
		af_buf_add(&m->keys, s, n);
		m->keys.len++; /* keep the NUL */
		m->n++;
	}
	return &e->val;
}

const char *af_map_key(const struct af_map *m, const struct af_map_slot *e)
{
	return m->keys.p + e->koff;
}

void af_map_free(struct af_map *m)
{
	free(m->v);
	af_buf_free(&m->keys);
	memset(m, 0, sizeof *m);
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
