/* perceptron.h - what the two averaged-perceptron taggers of lib/ (the named-entity tagger,
 * lib/ner.c, and the part-of-speech tagger and chunker, lib/syntax.c) share: reading their
 * little-endian model files in place, the open-addressing tables of their weights and
 * dictionaries, the hashes of their feature keys, and a lenient UTF-8 decoder for the words
 * the features look at. Private to lib/ (lib/perceptron.c). */
#ifndef AF_PERCEPTRON_H
#define AF_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "af/af.h"

/* A model file read in place: sections are 4-byte aligned; bad is set (and stays set) when
 * the bytes run out. */
struct af_pc_reader {
	const char *p, *end;
	int bad;
};
/* The next little-endian u32, 0 and bad set past the end. */
uint32_t af_pc_rd32(struct af_pc_reader *r);
/* The next n bytes (then the position is padded to 4 bytes), NULL and bad set past the end. */
const void *af_pc_rdsec(struct af_pc_reader *r, size_t n);
/* Does buf[0..len) begin with the 8-byte magic and have at least min bytes, on a
 * little-endian machine (the format's)? 0, or -1 with err set ("not an af WHAT model"). */
int af_pc_check(const void *buf, size_t len, const char *magic, size_t min, const char *what,
                struct af_error *err);
/* A table of u32 slots (a power of two) and its keys, then (when vals) as many u32 values:
 * the count of slots, keys[], vals[]. *mask = slots - 1; bad set when slots is not a power of
 * two (or is 0 and empty_ok is 0). */
void af_pc_rdtable(struct af_pc_reader *r, const uint32_t **keys, const uint32_t **vals, uint32_t *mask,
                   int empty_ok);

/* A model's bytes: with path NULL the compiled-in data/NAME when the tool has it, else the
 * file $AF_DATA/NAME, else defpath; with a path, that file. A file is read into owned
 * (malloc'd, the caller frees it; NULL for compiled-in data) and its name kept in path. */
struct af_pc_file {
	const char *data;
	size_t len;
	char *owned;
	char path[4096];
};
/* 0, or -1 with err set ("FILE: reason"). */
int af_pc_open(struct af_pc_file *f, const char *name, const char *path, const char *defpath, struct af_error *err);
/* Prefixes err's message with the file's name when the bytes came from a file. */
void af_pc_blame(const struct af_pc_file *f, struct af_error *err);

/* The slot of key in an open-addressing table whose slot j has its (non-zero) key at
 * keys[j * stride] (0: empty), probed linearly from key * 0x9e3779b1; -1 when absent. */
static inline int64_t af_pc_find(const uint32_t *keys, size_t stride, uint32_t mask, uint32_t key)
{
	for (uint32_t j = (key * 0x9e3779b1u) & mask;; j = (j + 1) & mask) {
		uint32_t k = keys[(size_t)j * stride];
		if (k == key)
			return j;
		if (!k)
			return -1;
	}
}

/* The code point at s[*i] (s has n bytes), advancing *i; an invalid byte stands for itself. */
uint32_t af_pc_next_cp(const char *s, size_t n, size_t *i);

#endif
