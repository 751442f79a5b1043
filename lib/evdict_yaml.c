/* evdict_yaml.c - af's YAML event dictionaries (docs/dictionaries.md): actors, agents, verb
 * blocks with patterns, synsets, discards, speech verbs, partner prepositions. Errors are
 * "file:line:col: what". */
#include "evdict_int.h"

#include "af/yaml.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- YAML ---- */

static int yaml_list(const struct af_ynode *n, const char *what, struct af_error *err)
{
	if (!n || n->type != AF_Y_SEQ)
		return af_yerr(err, n, "%s must be a list", what);
	return 0;
}

/* A string or a list of strings -> NUL-separated upper-case phrases via callback. */
static int yaml_phrases(const struct af_ynode *n, const char *what, char ***out, size_t *nout,
                        struct af_error *err)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return 0;
	if (n->type == AF_Y_SCALAR) {
		*out = af_malloc(sizeof **out);
		(*out)[(*nout)++] = af_strdup(n->str);
	} else if (n->type == AF_Y_SEQ) {
		*out = af_malloc((n->n + 1) * sizeof **out);
		for (size_t i = 0; i < n->n; i++) {
			if (af_yscalar(n->kids[i], what, err) < 0)
				return -1;
			(*out)[(*nout)++] = af_strdup(n->kids[i]->str);
		}
	} else
		return af_yerr(err, n, "%s must be a phrase or a list of phrases", what);
	for (size_t i = 0; i < *nout; i++) {
		for (char *p = (*out)[i]; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (!(*out)[i][0])
			return af_yerr(err, n, "empty phrase in %s", what);
	}
	return 0;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* "YYYY-MM-DD" (or YYYYMMDD) -> yyyymmdd. */
static long yaml_date(const struct af_ynode *n, struct af_error *err)
{
	if (af_yscalar(n, "date", err) < 0)
		return -1;
	int y, m, dd;
	char extra;
	if (sscanf(n->str, "%4d-%2d-%2d%c", &y, &m, &dd, &extra) == 3 && m >= 1 && m <= 12 && dd >= 1 &&
	    dd <= 31)
		return (long)y * 10000 + m * 100 + dd;
	return af_yerr(err, n, "bad date '%s' (want YYYY-MM-DD)", n->str), -1;
}

static int yaml_actor(struct af_evdict *d, const struct af_ynode *a, struct af_error *err)
{
	static const char *const keys[] = {"phrases", "canonical", "type", "code", "codes", NULL};
	if (a->type != AF_Y_MAP)
		return af_yerr(err, a, "an actor must be a map (phrases, canonical, codes)");
	if (af_ymap_check(a, keys, err) < 0)
		return -1;
	char **ph;
	size_t nph;
	const struct af_ynode *pn = af_ymap_get(a, "phrases");
	if (!pn)
		return af_yerr(err, a, "actor without phrases");
	if (yaml_phrases(pn, "phrases", &ph, &nph, err) < 0)
		return free_list(ph, nph), -1;
	int ai = ev_new_actor(d);
	struct ev_actor *act = &d->actors[ai];
	const struct af_ynode *cn = af_ymap_get(a, "canonical");
	if (cn && af_yscalar(cn, "canonical", err) < 0)
		return free_list(ph, nph), -1;
	act->canonical = cn ? af_strdup(cn->str) : ev_title_case(ph[0], strlen(ph[0]));
	const struct af_ynode *tn = af_ymap_get(a, "type");
	if (tn) {
		if (af_yscalar(tn, "type", err) < 0)
			return free_list(ph, nph), -1;
		if (!strcmp(tn->str, "person"))
			act->person = 1;
		else if (!strcmp(tn->str, "capital"))
			act->capital = 1;
		else if (strcmp(tn->str, "org") && strcmp(tn->str, "place") && strcmp(tn->str, "group"))
			return free_list(ph, nph),
			       af_yerr(err, tn, "type must be person, org, group, place or capital");
	}
	const struct af_ynode *code = af_ymap_get(a, "code"), *codes = af_ymap_get(a, "codes");
	if (!code && !codes)
		return free_list(ph, nph), af_yerr(err, a, "actor without code or codes");
	if (code) {
		if (af_yscalar(code, "code", err) < 0 || !code->str[0] || strlen(code->str) >= 24)
			return free_list(ph, nph), af_yerr(err, code, "bad actor code");
		act->codes = af_calloc(1, sizeof *act->codes);
		snprintf(act->codes[0].code, sizeof act->codes[0].code, "%s", code->str);
		act->ncodes = 1;
	}
	if (codes) {
		if (yaml_list(codes, "codes", err) < 0)
			return free_list(ph, nph), -1;
		for (size_t i = 0; i < codes->n; i++) {
			static const char *const ck[] = {"code", "from", "until", NULL};
			const struct af_ynode *c = codes->kids[i];
			if (c->type != AF_Y_MAP)
				return free_list(ph, nph), af_yerr(err, c, "each of codes must be a map {code, from, until}");
			if (af_ymap_check(c, ck, err) < 0)
				return free_list(ph, nph), -1;
			const struct af_ynode *cc = af_ymap_get(c, "code"), *f = af_ymap_get(c, "from"),
			                      *u = af_ymap_get(c, "until");
			if (!cc || af_yscalar(cc, "code", err) < 0 || !cc->str[0] || strlen(cc->str) >= 24)
				return free_list(ph, nph), af_yerr(err, cc ? cc : c, "missing or bad code");
			struct ev_code ec = {0};
			snprintf(ec.code, sizeof ec.code, "%s", cc->str);
			long d1 = f ? yaml_date(f, err) : 0, d2 = u ? yaml_date(u, err) : 0;
			if (d1 < 0 || d2 < 0)
				return free_list(ph, nph), -1;
			if (f && u && d2 <= d1)
				return free_list(ph, nph), af_yerr(err, u, "until is not after from");
			ec.kind = f && u ? EV_DATE_BETWEEN : f ? EV_DATE_AFTER : u ? EV_DATE_BEFORE : EV_DATE_ANY;
			ec.d1 = f ? d1 : d2;
			ec.d2 = d2;
			act = &d->actors[ai];
			act->codes = af_reallocarray(act->codes, act->ncodes + 1, sizeof *act->codes);
			act->codes[act->ncodes++] = ec;
		}
	}
	for (size_t i = 0; i < nph; i++) {
		int ids[24];
		int k = ev_phrase_words(d, ph[i], strlen(ph[i]), ids, 24, NULL);
		if (k <= 0) {
			free_list(ph, nph);
			return af_yerr(err, pn, "bad actor phrase (1 to 24 words)");
		}
		int nd = ev_add_phrase_node(d, ids, k);
		d->nodes[nd].actor = ai;
	}
	free_list(ph, nph);
	return 0;
}

static int yaml_agent(struct af_evdict *d, const struct af_ynode *a, struct af_error *err)
{
	static const char *const keys[] = {"phrases", "code", "plural", NULL};
	if (a->type != AF_Y_MAP)
		return af_yerr(err, a, "an agent must be a map (phrases, code)");
	if (af_ymap_check(a, keys, err) < 0)
		return -1;
	const struct af_ynode *pn = af_ymap_get(a, "phrases"), *cn = af_ymap_get(a, "code");
	if (!pn || !cn)
		return af_yerr(err, a, "agent needs phrases and code");
	if (af_yscalar(cn, "code", err) < 0)
		return -1;
	struct ev_agent ag;
	struct ev_rd r = {.file = a->file, .line = cn->line, .err = err};
	if (ev_agent_code(&r, cn->str, strlen(cn->str), &ag) < 0)
		return -1;
	int plurals = 1;
	const struct af_ynode *pl = af_ymap_get(a, "plural");
	if (pl && af_ybool(pl, &plurals, err) < 0)
		return -1;
	char **ph;
	size_t nph;
	if (yaml_phrases(pn, "phrases", &ph, &nph, err) < 0)
		return free_list(ph, nph), -1;
	d->agents = af_grow(d->agents, &d->agentcap, d->nagents + 1, sizeof *d->agents);
	int ai = (int)d->nagents;
	d->agents[d->nagents++] = ag;
	for (size_t i = 0; i < nph; i++) {
		ev_add_agent_phrase(d, ph[i], ai);
		if (plurals) {
			char *last = strrchr(ph[i], ' ');
			last = last ? last + 1 : ph[i];
			char p[64], x[512];
			ev_plural(last, p);
			snprintf(x, sizeof x, "%.*s%s", (int)(last - ph[i]), ph[i], p);
			ev_add_agent_phrase(d, x, ai);
		}
	}
	free_list(ph, nph);
	return 0;
}

/* A YAML verb code: CAMEO's (data/cameo.yaml), "---" (no event) or none; "A:B" both parts. */
static int cameo_known(const char *code)
{
	struct af_error e;
	const char *colon = strchr(code, ':');
	if (colon) {
		char a[16];
		snprintf(a, sizeof a, "%.*s", (int)(colon - code), code);
		return cameo_known(a) && cameo_known(colon + 1);
	}
	if (!code[0] || !strcmp(code, "---"))
		return 1;
	const struct af_cameo *c = af_cameo_init(&e) == 0 ? af_cameo_find(code) : NULL;
	return c && !strcmp(c->code, code); /* af_cameo_find falls back to a prefix */
}

/* verbs: - {verb: RELEASE, forms: [...], code: "084", patterns: ["* &STATEMENT [010]"]} */
static int yaml_verb(struct af_evdict *d, const struct af_ynode *v, const char *file, struct af_error *err)
{
	static const char *const keys[] = {"verbs", "code", "patterns", "name", NULL};
	if (v->type != AF_Y_MAP)
		return af_yerr(err, v, "a verb block must be a map (verbs, code, patterns)");
	if (af_ymap_check(v, keys, err) < 0)
		return -1;
	const struct af_ynode *vn = af_ymap_get(v, "verbs"), *cn = af_ymap_get(v, "code"),
	                      *pn = af_ymap_get(v, "patterns");
	if (!vn)
		return af_yerr(err, v, "verb block without verbs");
	char **vs;
	size_t nvs;
	if (yaml_phrases(vn, "verbs", &vs, &nvs, err) < 0)
		return free_list(vs, nvs), -1;
	struct ev_rd r = {.file = file, .line = v->line, .err = err};
	char hdr[256];
	snprintf(hdr, sizeof hdr, "--- %s [%s] ---", vs[0], cn && cn->type == AF_Y_SCALAR ? cn->str : "");
	if (cn && af_yscalar(cn, "code", err) < 0)
		return free_list(vs, nvs), -1;
	if (cn && !cameo_known(cn->str))
		return free_list(vs, nvs), af_yerr(err, cn, "code '%s' is not a CAMEO event code", cn->str);
	if (!cn) {
		/* no default: the block only adds patterns */
		snprintf(hdr, sizeof hdr, "--- %s [x] ---", vs[0]);
	}
	for (char *p = hdr; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if (cn)
		r.line = cn->line;
	if (ev_block_header(&r, d, hdr) < 0)
		return free_list(vs, nvs), -1;
	int block = (int)d->nblocks - 1;
	if (!cn)
		d->blocks[block].code[0] = 0;
	for (size_t i = 0; i < nvs; i++) {
		r.line = vn->type == AF_Y_SEQ ? vn->kids[i]->line : vn->line;
		if (ev_add_verb_line(&r, d, block, vs[i]) < 0)
			return free_list(vs, nvs), -1;
	}
	free_list(vs, nvs);
	if (pn) {
		if (yaml_list(pn, "patterns", err) < 0)
			return -1;
		for (size_t i = 0; i < pn->n; i++) {
			if (af_yscalar(pn->kids[i], "pattern", err) < 0)
				return -1;
			char line[1100];
			snprintf(line, sizeof line, "- %s", pn->kids[i]->str);
			for (char *p = line; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			r.line = pn->kids[i]->line;
			if (ev_pattern_line(&r, d, block, line) < 0)
				return -1;
			const struct ev_pattern *p = &d->pats[d->npats - 1];
			if (!cameo_known(p->code) || !cameo_known(p->pcode))
				return af_yerr(err, pn->kids[i], "pattern code [%s%s%s] is not a CAMEO event code",
				               p->code, p->pcode[0] ? ":" : "", p->pcode);
		}
	}
	return 0;
}

int af_evdict_load_yaml(struct af_evdict *d, const char *buf, size_t len, const char *file,
                        struct af_error *err)
{
	file = ev_keep_file(d, file);
	struct af_ynode *root = af_yaml_parse(buf, len, file, err);
	if (!root)
		return -1;
	d->order++;
	int rc = 0;
	static const char *const keys[] = {"actors",   "agents", "verbs",    "synsets",
	                                   "discards", "speech", "partners", "posted", "documents", NULL};
	if (root->type != AF_Y_MAP) {
		rc = af_yerr(err, root, "an events dictionary must be a map (actors, agents, verbs, ...)");
		goto out;
	}
	if ((rc = af_ymap_check(root, keys, err)) < 0)
		goto out;
	const struct af_ynode *n;
	if ((n = af_ymap_get(root, "synsets"))) {
		if (n->type != AF_Y_MAP) {
			rc = af_yerr(err, n, "synsets must be a map NAME: [members]");
			goto out;
		}
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			const struct af_ynode *k = n->kids[i], *v = n->kids[i + 1];
			char **m;
			size_t nm;
			if ((rc = af_yscalar(k, "synset name", err)) < 0)
				goto out;
			if ((rc = yaml_phrases(v, "synset members", &m, &nm, err)) < 0) {
				free_list(m, nm);
				goto out;
			}
			char name[64];
			snprintf(name, sizeof name, "%s", k->str[0] == '&' ? k->str + 1 : k->str);
			for (char *p = name; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			int si = ev_new_synset(d, name, strlen(name), file);
			for (size_t j = 0; j < nm; j++)
				ev_syn_add_raw(&d->syns[si], m[j], v->type == AF_Y_SEQ ? v->kids[j]->line : v->line);
			free_list(m, nm);
		}
	}
	if ((n = af_ymap_get(root, "actors"))) {
		if ((rc = yaml_list(n, "actors", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_actor(d, n->kids[i], err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "agents"))) {
		if ((rc = yaml_list(n, "agents", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_agent(d, n->kids[i], err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "verbs"))) {
		if ((rc = yaml_list(n, "verbs", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n && !rc; i++)
			rc = yaml_verb(d, n->kids[i], file, err);
		if (rc)
			goto out;
	}
	if ((n = af_ymap_get(root, "discards"))) {
		if ((rc = yaml_list(n, "discards", err)) < 0)
			goto out;
		for (size_t i = 0; i < n->n; i++) {
			const struct af_ynode *x = n->kids[i];
			if ((rc = af_yscalar(x, "discard", err)) < 0)
				goto out;
			int story = x->str[0] == '+';
			char up[256];
			snprintf(up, sizeof up, "%s", x->str + story);
			for (char *p = up; *p; p++)
				*p = (char)toupper((unsigned char)*p);
			if (ev_add_discard(d, up, strlen(up), story) <= 0) {
				rc = af_yerr(err, x, "bad discard phrase");
				goto out;
			}
		}
	}
	/* word lists: speech verbs; the prepositions whose object is a party to an act; offices
	 * held abroad or for another body; the head words of documents */
	static const char *const lists[] = {"speech", "partners", "posted", "documents"};
	static const int bits[] = {0, EV_WF_PARTNER, EV_WF_POSTED, EV_WF_DOCUMENT};
	for (int l = 0; l < 4; l++) {
		if (!(n = af_ymap_get(root, lists[l])))
			continue;
		char **m;
		size_t nm;
		if ((rc = yaml_phrases(n, lists[l], &m, &nm, err)) < 0) {
			free_list(m, nm);
			goto out;
		}
		for (size_t j = 0; j < nm; j++) {
			int id = ev_wtab_add(&d->w, m[j], strlen(m[j]));
			if (l == 0)
				ev_set_flag(&d->speech, &d->speechcap, id);
			else
				ev_set_bits(&d->wflag, &d->wflagcap, id, bits[l]);
		}
		free_list(m, nm);
	}
	rc = ev_resolve_all(d, err);
out:
	af_yaml_free(root);
	return rc;
}
