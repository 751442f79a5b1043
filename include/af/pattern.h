/* pattern.h - pcre2 the af way: UTF-8 and Unicode classes always, JIT when it can,
 * compile errors as messages, named groups read back by name. */
#ifndef AF_PATTERN_H
#define AF_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "af/af.h"

/* Compile src[0..len) (len may be PCRE2_ZERO_TERMINATED) with PCRE2_UTF | PCRE2_UCP | opts,
 * JIT-compiled when possible. NULL with "pattern does not compile: why at offset N". */
pcre2_code *af_re_compile(const char *src, size_t len, uint32_t opts, struct af_error *err);

/* The span of the named group of the last match (the first set one when the name is
 * used more than once, PCRE2_DUPNAMES): 1 and *start, *end, or 0 when it is unset. */
int af_re_group(const pcre2_code *re, pcre2_match_data *md, const char *name, size_t *start, size_t *end);

/* Append s to b as a literal pattern; with flexible_space, each space matches any run of
 * white space. */
void af_re_quote(struct af_buf *b, const char *s, int flexible_space);

#endif
