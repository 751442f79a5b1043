/* evdict_phoenix.c - actors, agents and discards in PETRARCH's text format (the Phoenix
 * dictionaries: docs/dictionaries.md). Every mistake is an error "file:line: what is wrong". */
#include "evdict_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int af_evdict_load_actors(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err)
{
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	int actor = -1, aline = 0, rc = 0;
	while (ev_rd_next(&r)) {
		const char *s = r.s;
		if (isspace((unsigned char)s[0])) {
			while (isspace((unsigned char)*s))
				s++;
		}
		if (*s == '[') {
			if (actor < 0) {
				rc = ev_rd_err(&r, "code line before any actor");
				break;
			}
			if ((rc = ev_parse_codes(&r, &d->actors[actor], s)) < 0)
				break;
			continue;
		}
		const char *br = strchr(s, '[');
		size_t pn = br ? (size_t)(br - s) : strlen(s);
		if (memchr(s, ']', pn)) {
			rc = ev_rd_err(&r, "']' without '[': %s", s);
			break;
		}
		if (s[0] == '+') {
			if (actor < 0) {
				rc = ev_rd_err(&r, "synonym '%s' before any actor", s);
				break;
			}
			if ((rc = ev_add_actor_phrase(&r, d, s + 1, pn - 1, actor)) < 0)
				break;
			if (br && (rc = ev_parse_codes(&r, &d->actors[actor], br)) < 0)
				break;
			continue;
		}
		if (s[0] == '-' || s[0] == '&' || s[0] == '~' || s[0] == '{') {
			rc = ev_rd_err(&r, "not an actor line (verb or agent dictionary?): %s", s);
			break;
		}
		if (actor >= 0 && d->actors[actor].ncodes == 0) {
			/* consecutive names before their code lines share them (Phoenix style) */
			if ((rc = ev_add_actor_phrase(&r, d, s, pn, actor)) < 0)
				break;
			if (br && (rc = ev_parse_codes(&r, &d->actors[actor], br)) < 0)
				break;
			continue;
		}
		if ((rc = ev_finish_actor(&r, d, actor, aline)) < 0)
			break;
		actor = ev_new_actor(d);
		aline = r.line;
		size_t cn = pn;
		while (cn > 0 && (isspace((unsigned char)s[cn - 1]) || s[cn - 1] == '_'))
			cn--;
		d->actors[actor].canonical = ev_title_case(s, cn);
		if ((rc = ev_add_actor_phrase(&r, d, s, pn, actor)) < 0)
			break;
		if (br && (rc = ev_parse_codes(&r, &d->actors[actor], br)) < 0)
			break;
	}
	if (!rc)
		rc = ev_finish_actor(&r, d, actor, aline);
	if (!rc && r.failed)
		rc = -1;
	free(r.s);
	return rc;
}

struct subst {
	char name[32];
	char *alts[16];
	int n;
};

/* "!NAME! = WORD, WORD ...": a substitution set; 0 when s is not one, 1 when read, -1 on error. */
static int subst_line(struct ev_rd *r, char *s, struct subst *subs, int *nsubs)
{
	char *bang2 = s[0] == '!' ? strchr(s + 1, '!') : NULL;
	char *after = bang2 ? bang2 + 1 : NULL;
	while (after && isspace((unsigned char)*after))
		after++;
	if (!after || *after != '=')
		return 0;
	char *eq = after;
	char *close = bang2;
	if (!eq || !close || close > eq)
		return ev_rd_err(r, "substitution set must be !NAME! = WORD, WORD ...: %s", s);
	if (*nsubs == 16)
		return ev_rd_err(r, "too many substitution sets (16 at most)");
	struct subst *sb = &subs[(*nsubs)++];
	memset(sb, 0, sizeof *sb);
	snprintf(sb->name, sizeof sb->name, "%.*s", (int)(close - s + 1), s);
	char *p = eq + 1;
	while (*p) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		char *b = p;
		while (*p && *p != ',')
			p++;
		char *e = p;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (e > b && sb->n < 16)
			sb->alts[sb->n++] = af_strndup(b, (size_t)(e - b));
	}
	for (int k = 0; k < sb->n; k++)
		if (strstr(sb->alts[k], sb->name))
			return ev_rd_errc(r, (int)(strstr(s, ",") ? strstr(strstr(s, "="), sb->name) - r->s : 0) + 1,
			                  "substitution set %s refers to itself", sb->name);
	if (!sb->n)
		return ev_rd_err(r, "empty substitution set %s", sb->name);
	return 1;
}

/* The forms of an agent phrase: itself, its plural (or the {} list); at most 8. */
static int agent_forms(struct ev_rd *r, const char *s, const char *phrase, size_t pn,
                       const char *brace, const char *br, char forms[8][256])
{
	int nf = 0;
	snprintf(forms[nf++], 256, "%s", phrase);
	if (brace && brace < br) {
		const char *ce = strchr(brace, '}');
		if (!ce || ce > br)
			return ev_rd_err(r, "missing '}' in %s", s);
		const char *p = brace + 1;
		while (p < ce && nf < 8) {
			while (p < ce && isspace((unsigned char)*p))
				p++;
			const char *b = p;
			while (p < ce && !isspace((unsigned char)*p))
				p++;
			if (p > b)
				snprintf(forms[nf++], 256, "%.*s", (int)(p - b), b);
		}
	} else if (!strchr(phrase, '!') && phrase[pn - 1] != '_') {
		/* regular plural of the last word */
		const char *last = strrchr(phrase, '_');
		const char *sp = strrchr(phrase, ' ');
		if (sp > last)
			last = sp;
		last = last ? last + 1 : phrase;
		char p[64];
		ev_plural(last, p);
		if (p[0])
			snprintf(forms[nf++], 256, "%.*s%s", (int)(last - phrase), phrase, p);
	}
	return nf;
}

/* Each form into the trie, with !SUBST! expanded. */
static int agent_phrases(struct ev_rd *r, struct af_evdict *d, char forms[8][256], int nf,
                         const struct subst *subs, int nsubs, int agent)
{
	for (int f = 0; f < nf; f++) {
		char *bang = strchr(forms[f], '!');
		if (!bang) {
			ev_add_agent_phrase(d, forms[f], agent);
			continue;
		}
		char *bang3 = strchr(bang + 1, '!');
		const struct subst *sb = NULL;
		for (int k = 0; k < nsubs && bang3; k++)
			if (!strncmp(subs[k].name, bang, (size_t)(bang3 - bang + 1)) &&
			    strlen(subs[k].name) == (size_t)(bang3 - bang + 1))
				sb = &subs[k];
		if (!sb)
			return ev_rd_err(r, "unknown substitution set in %s", forms[f]);
		for (int k = 0; k < sb->n; k++) {
			char x[512];
			snprintf(x, sizeof x, "%.*s%s%s", (int)(bang - forms[f]), forms[f], sb->alts[k],
			         bang3 + 1);
			ev_add_agent_phrase(d, x, agent);
		}
	}
	return 0;
}

/* "PHRASE {FORMS} [~CODE]": one agent. */
static int agent_line(struct ev_rd *r, struct af_evdict *d, const char *s, const struct subst *subs,
                      int nsubs)
{
	const char *ob = strchr(s, '{');
	if (ob && !strchr(ob, '}'))
		return ev_rd_errc(r, (int)(ob - r->s) + 1, "'{' without '}'");
	const char *br = strchr(s, '[');
	if (!br)
		return ev_rd_err(r, "agent without a code [~ROLE]: %s", s);
	const char *cb = strchr(br, ']');
	if (!cb)
		return ev_rd_err(r, "missing ']' in %s", s);
	struct ev_agent ag;
	if (ev_agent_code(r, br + 1, (size_t)(cb - br - 1), &ag) < 0)
		return -1;
	const char *brace = strchr(s, '{');
	size_t pn = (size_t)((brace && brace < br ? brace : br) - s);
	while (pn > 0 && isspace((unsigned char)s[pn - 1]))
		pn--;
	if (!pn)
		return ev_rd_err(r, "agent code without a phrase");
	char phrase[256];
	if (pn >= sizeof phrase)
		return ev_rd_err(r, "agent phrase longer than %zu bytes", sizeof phrase - 1);
	snprintf(phrase, sizeof phrase, "%.*s", (int)pn, s);
	d->agents = af_grow(d->agents, &d->agentcap, d->nagents + 1, sizeof *d->agents);
	int agent = (int)d->nagents;
	d->agents[d->nagents++] = ag;
	char forms[8][256];
	int nf = agent_forms(r, s, phrase, pn, brace, br, forms);
	if (nf < 0)
		return -1;
	return agent_phrases(r, d, forms, nf, subs, nsubs, agent);
}

int af_evdict_load_agents(struct af_evdict *d, const char *buf, size_t len, const char *file,
                          struct af_error *err)
{
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	struct subst subs[16];
	int nsubs = 0, rc = 0;
	while (ev_rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		int k = subst_line(&r, s, subs, &nsubs);
		if (k < 0) {
			rc = -1;
			break;
		}
		if (k > 0)
			continue;
		if ((rc = agent_line(&r, d, s, subs, nsubs)) < 0)
			break;
	}
	for (int i = 0; i < nsubs; i++)
		for (int k = 0; k < subs[i].n; k++)
			free(subs[i].alts[k]);
	if (!rc && r.failed)
		rc = -1;
	free(r.s);
	return rc;
}

int af_evdict_load_discards(struct af_evdict *d, const char *buf, size_t len, const char *file,
                            struct af_error *err)
{
	struct ev_rd r;
	if (ev_rd_begin(&r, buf, len, file, err) < 0)
		return -1;
	int rc = 0;
	while (ev_rd_next(&r)) {
		char *s = r.s;
		while (isspace((unsigned char)*s))
			s++;
		int story = s[0] == '+';
		if (story)
			s++;
		if (strpbrk(s, "[]{}")) {
			rc = ev_rd_err(&r, "a discard is a plain phrase, without [codes] or {forms}: %s", s);
			break;
		}
		int k = ev_add_discard(d, s, strlen(s), story);
		if (k < 0) {
			rc = ev_rd_err(&r, "discard phrase too long (16 words at most)");
			break;
		}
		if (k == 0) {
			rc = ev_rd_err(&r, "empty discard phrase");
			break;
		}
	}
	if (!rc && r.failed)
		rc = -1;
	free(r.s);
	return rc;
}
