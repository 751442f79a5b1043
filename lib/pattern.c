/* pattern.c - pcre2 helpers shared by the cleaner and the date reader. */
#include "af/pattern.h"

#include <string.h>

pcre2_code *af_re_compile(const char *src, size_t len, uint32_t opts, struct af_error *err)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, len, opts | PCRE2_UTF | PCRE2_UCP, &ec, &eo, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		af_error_set(err, "pattern does not compile: %s at offset %zu", (char *)msg, (size_t)eo);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* the interpreter runs it when JIT cannot */
	return re;
}

int af_re_group(const pcre2_code *re, pcre2_match_data *md, const char *name, size_t *start, size_t *end)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t count = pcre2_get_ovector_count(md);
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
	if (size < 0)
		return 0;
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		uint32_t k = (uint32_t)((e[0] << 8) | e[1]);
		if (k < count && ov[2 * k] != PCRE2_UNSET) {
			*start = ov[2 * k];
			*end = ov[2 * k + 1];
			return 1;
		}
	}
	return 0;
}

void af_re_quote(struct af_buf *b, const char *s, int flexible_space)
{
	for (; *s; s++) {
		if (flexible_space && *s == ' ') {
			af_buf_adds(b, "\\s+");
			continue;
		}
		if (strchr("\\^$.|?*+()[]{}-", *s))
			af_buf_addc(b, '\\');
		af_buf_addc(b, *s);
	}
}
