/* clean.c - placeholder while the real cleaner is written */
#include "af/clean.h"
#include <stdlib.h>
#include <inttypes.h>
struct af_cleaner { int x; };
struct af_cleaner *af_cleaner_new(struct af_error *err) { (void)err; return af_calloc(1, sizeof(struct af_cleaner)); }
int af_cleaner_load(struct af_cleaner *c, const char *path, struct af_error *err) { (void)c; (void)path; (void)err; return 0; }
void af_cleaner_free(struct af_cleaner *c) { free(c); }
json_t *af_clean(struct af_cleaner *c, const char *raw, size_t len) { (void)c; json_t *o = json_object(); json_object_set_new(o, "text", json_stringn(raw, len)); return o; }
json_t *af_clean_hash_id(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	char buf[24];
	snprintf(buf, sizeof buf, "h%016" PRIx64, h);
	return json_string(buf);
}
