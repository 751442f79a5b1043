/* cameo.c - CAMEO event codes: labels, quad classes, Goldstein scores and PLOVER categories
 * from the compiled-in data/cameo.yaml. */
#include "af/data.h"
#include "af/events.h"
#include "af/yaml.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

/* the compiled-in data this module reads */
AF_DATA_USE(cameo_yaml);

/* The table is built once per process (call_once) from the compiled-in data and only read
 * after: every thread may look codes up. It lives until the process ends. */
static struct af_cameo *table;
static size_t ntable;
/* kept: the table points into it (volatile: the store is never read back, and a compiler
 * that dropped it would leave the tree unreachable, a leak to LeakSanitizer) */
static struct af_ynode *volatile tree;
static once_flag cameo_once = ONCE_FLAG_INIT;
static int cameo_rc;
static struct af_error cameo_err;

static int cameo_load(struct af_error *err)
{
	const struct af_datafile *f = af_data_find("cameo.yaml");
	if (!f) {
		af_error_set(err, "compiled-in cameo.yaml is missing (rebuild af)");
		return -1;
	}
	struct af_ynode *root = af_yaml_parse(f->data, f->len, "cameo.yaml", err);
	if (!root)
		return -1;
	const struct af_ynode *codes = af_ymap_get(root, "codes");
	if (!codes || codes->type != AF_Y_MAP) {
		af_yaml_free(root);
		af_error_set(err, "cameo.yaml: no codes map");
		return -1;
	}
	struct af_cameo *t = af_calloc(codes->n / 2 + 1, sizeof *t);
	size_t n = 0;
	for (size_t i = 0; i + 1 < codes->n; i += 2) {
		const struct af_ynode *k = codes->kids[i], *v = codes->kids[i + 1];
		if (k->type != AF_Y_SCALAR || v->type != AF_Y_SEQ || v->n != 4) {
			af_yerr(err, v, "want CODE: [label, quad, goldstein, plover]");
			free(t);
			af_yaml_free(root);
			return -1;
		}
		t[n].code = k->str;
		t[n].label = v->kids[0]->str;
		t[n].quad = atoi(v->kids[1]->str);
		t[n].goldstein = strtod(v->kids[2]->str, NULL);
		t[n].plover = v->kids[3]->plain && !strcmp(v->kids[3]->str, "null") ? NULL : v->kids[3]->str;
		n++;
	}
	table = t;
	ntable = n;
	tree = root;
	return 0;
}

static void cameo_once_load(void)
{
	cameo_rc = cameo_load(&cameo_err);
}

int af_cameo_init(struct af_error *err)
{
	call_once(&cameo_once, cameo_once_load);
	if (cameo_rc < 0)
		*err = cameo_err;
	return cameo_rc;
}

const struct af_cameo *af_cameo_find(const char *code)
{
	if (!table || !code)
		return NULL;
	char c[8];
	size_t len = strlen(code);
	if (len >= sizeof c)
		return NULL;
	memcpy(c, code, len + 1);
	while (len >= 2) {
		for (size_t i = 0; i < ntable; i++)
			if (!strcmp(table[i].code, c))
				return &table[i];
		c[--len] = 0;
	}
	return NULL;
}
