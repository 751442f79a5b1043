/* perceptron.c - the model-file reading and word decoding both taggers share (perceptron.h). */
#include "perceptron.h"

#include "af/data.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int af_pc_check(const void *buf, size_t len, const char *magic, size_t min, const char *what,
                struct af_error *err)
{
	static const uint32_t one = 1;
	if (*(const unsigned char *)&one != 1) {
		af_error_set(err, "the %s model format is little-endian; this machine is not", what);
		return -1;
	}
	if (len < min || memcmp(buf, magic, 8) != 0) {
		af_error_set(err, "not an af %s model", what);
		return -1;
	}
	return 0;
}

uint32_t af_pc_rd32(struct af_pc_reader *r)
{
	uint32_t v;
	if (r->bad || r->end - r->p < 4) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p, 4);
	r->p += 4;
	return v;
}

const void *af_pc_rdsec(struct af_pc_reader *r, size_t n)
{
	const void *at = r->p;
	size_t pad = (4 - n % 4) % 4;
	if (r->bad || (size_t)(r->end - r->p) < n + pad) {
		r->bad = 1;
		return NULL;
	}
	r->p += n + pad;
	return at;
}

void af_pc_rdtable(struct af_pc_reader *r, const uint32_t **keys, const uint32_t **vals, uint32_t *mask,
                   int empty_ok)
{
	uint32_t slots = af_pc_rd32(r);
	if (r->bad || (slots & (slots - 1)) || (!slots && !empty_ok)) {
		r->bad = 1;
		return;
	}
	*mask = slots ? slots - 1 : 0;
	*keys = slots ? af_pc_rdsec(r, (size_t)slots * 4) : NULL;
	if (vals)
		*vals = slots ? af_pc_rdsec(r, (size_t)slots * 4) : NULL;
}

uint32_t af_pc_next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c = u[*i];
	int len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
	if (len <= 1 || *i + (size_t)len > n) {
		(*i)++;
		return c;
	}
	uint32_t cp = c & (0xff >> (len + 1));
	for (int k = 1; k < len; k++) {
		if ((u[*i + (size_t)k] & 0xc0) != 0x80) {
			(*i)++;
			return c;
		}
		cp = cp << 6 | (u[*i + (size_t)k] & 0x3f);
	}
	*i += (size_t)len;
	return cp;
}

int af_pc_open(struct af_pc_file *f, const char *name, const char *path, const char *defpath, struct af_error *err)
{
	memset(f, 0, sizeof *f);
	if (!path) {
		const struct af_datafile *d = af_data_find(name);
		if (d) {
			f->data = d->data;
			f->len = d->len;
			return 0;
		}
		const char *dir = getenv("AF_DATA");
		if (dir && *dir)
			snprintf(f->path, sizeof f->path, "%s/%s", dir, name);
		else
			snprintf(f->path, sizeof f->path, "%s", defpath);
	} else
		snprintf(f->path, sizeof f->path, "%s", path);
	f->owned = af_read_file(f->path, &f->len);
	if (!f->owned) {
		af_error_set(err, "%s: %s", f->path, strerror(errno));
		return -1;
	}
	f->data = f->owned;
	return 0;
}

void af_pc_blame(const struct af_pc_file *f, struct af_error *err)
{
	if (!f->owned)
		return;
	char msg[sizeof err->msg];
	memcpy(msg, err->msg, sizeof msg);
	af_error_set(err, "%.512s: %.500s", f->path, msg);
}
