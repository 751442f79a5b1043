/* events_dates.c - the dates of af-events: the record's DATE entities, a sentence's point dates
 * from the one date resolver (lib/dates.c), the date of an event, and the date that chooses the
 * actors' dated codes (with the rule af-entities follows, af_date_ymd / af_date_aside). */
#include "events_coder.h"

#include "af/util.h"

#include <stdlib.h>
#include <string.h>

static int cmp_edate(const void *x, const void *y)
{
	const struct edate *p = x, *q = y;
	return (p->cstart > q->cstart) - (p->cstart < q->cstart);
}

void ev_read_entity_dates(struct af_coder *c, const struct af_mentions *ents)
{
	c->ned = 0;
	c->ent_dates = 0;
	for (size_t i = 0; ents && i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (e->type != AF_E_DATE)
			continue;
		c->ent_dates = 1;
		if (c->ned == c->capd)
			c->ed = af_grow(c->ed, &c->capd, c->ned + 1, sizeof *c->ed);
		c->ed[c->ned++] = (struct edate){e->cstart, e->cend, e->value, e->date_kind == AF_DATE_POINT};
	}
	/* by start, so that each sentence takes its dates from a cursor (linear over the record) */
	int sorted = 1;
	for (size_t i = 1; i < c->ned && sorted; i++)
		sorted = c->ed[i - 1].cstart <= c->ed[i].cstart;
	if (!sorted)
		qsort(c->ed, c->ned, sizeof *c->ed, cmp_edate);
	c->ed_next = 0;
}

static void add_sentence_date(const struct af_datex *e, void *arg)
{
	struct af_coder *c = arg;
	if (e->kind != AF_DATE_POINT || !e->resolved)
		return;
	if (c->nsd == c->capsd)
		c->sd = af_grow(c->sd, &c->capsd, c->nsd + 1, sizeof *c->sd);
	c->sd[c->nsd].at = e->start;
	c->sd[c->nsd].bstart = e->start;
	c->sd[c->nsd].bend = e->end;
	memcpy(c->sd[c->nsd++].value, e->value, sizeof e->value);
}

/* The point dates of the sentence [a, b) (not ranges or deadlines, resolved only), once per
 * sentence: from the record's DATE entities when it has them (sorted by start; sentences come
 * in order, so a cursor passes over each date once), else from the date resolver. */
static void sentence_dates(struct af_coder *c, size_t a, size_t b)
{
	if (c->sd_a == a && c->sd_b == b && c->sd_valid)
		return;
	c->sd_a = a;
	c->sd_b = b;
	c->sd_valid = 1;
	c->nsd = 0;
	if (c->ent_dates) {
		size_t cs = c->toks.v[a].cstart, ce = c->toks.v[b - 1].cend;
		if (c->ed_next > c->ned || (c->ed_next > 0 && c->ed[c->ed_next - 1].cstart >= cs))
			c->ed_next = 0; /* a sentence before the last one: start over */
		while (c->ed_next < c->ned && c->ed[c->ed_next].cstart < cs)
			c->ed_next++;
		for (size_t i = c->ed_next; i < c->ned && c->ed[i].cstart < ce; i++) {
			const struct edate *e = &c->ed[i];
			if (e->cend > ce || !e->point || !e->value)
				continue;
			if (c->nsd == c->capsd)
				c->sd = af_grow(c->sd, &c->capsd, c->nsd + 1, sizeof *c->sd);
			c->sd[c->nsd].at = e->cstart;
			c->sd[c->nsd].bstart = c->sd[c->nsd].bend = c->toks.v[a].start;
			for (size_t k = a; k < b; k++) {
				if (c->toks.v[k].cstart < e->cstart)
					c->sd[c->nsd].bstart = c->toks.v[k + 1 < b ? k + 1 : k].start;
				if (c->toks.v[k].cend <= e->cend)
					c->sd[c->nsd].bend = c->toks.v[k].end;
			}
			snprintf(c->sd[c->nsd++].value, sizeof c->sd->value, "%s", e->value);
		}
		return;
	}
	af_dates_each(c->dates, c->text, c->toks.v[a].start, c->toks.v[b - 1].end, c->pub_y ? &c->pub : NULL,
	              add_sentence_date, c);
}

/* The date of an event whose verb is token `near` of the sentence [a, b), and its source:
 * the date expression of the sentence nearest the verb ("text"), never a range or a deadline
 * ("since 2001", "until September 11"); else the publication date ("published", or
 * "dateline" when only the dateline has one); else NULL. */
const char *ev_event_date(struct af_coder *c, size_t a, size_t b, size_t near, char *buf, size_t n,
                              const char **source)
{
	sentence_dates(c, a, b);
	size_t at = c->ent_dates ? c->toks.v[near].cstart : c->toks.v[near].start;
	long best = -1;
	for (size_t i = 0; i < c->nsd; i++) {
		long dist = c->sd[i].at > at ? (long)(c->sd[i].at - at) : (long)(at - c->sd[i].at);
		if (best < 0 || dist < best) {
			best = dist;
			snprintf(buf, n, "%s", c->sd[i].value);
		}
	}
	if (best >= 0) {
		*source = "text";
		return buf;
	}
	if (!c->pub_y) {
		*source = NULL;
		return NULL;
	}
	snprintf(buf, n, "%04d-%02d-%02d", c->pub_y, c->pub_m, c->pub_d);
	*source = c->pub_source;
	return buf;
}

/* The date that chooses the actors' codes in sentence [a, b): its first point date (outside a
 * "who/which" clause), the rule af-entities follows for its codes, so both stages give one
 * mention one code; else the article's date; else none (0). */
void ev_actor_date(struct af_coder *c, size_t a, size_t b)
{
	sentence_dates(c, a, b);
	c->adate = c->pub_y ? (long)c->pub_y * 10000 + c->pub_m * 100 + c->pub_d : 0;
	size_t first = (size_t)-1;
	for (size_t i = 0; i < c->nsd; i++) {
		long ymd = af_date_ymd(c->sd[i].value);
		if (ymd && c->sd[i].at < first &&
		    !af_date_aside(c->text, c->toks.v[a].start, c->toks.v[b - 1].end, c->sd[i].bstart, c->sd[i].bend)) {
			first = c->sd[i].at;
			c->adate = ymd;
		}
	}
}

/* The actor's code on date c->adate (ev_actor_date): the first restriction that holds, else
 * the plain code. With no date at all: the plain code, else the last restriction, which
 * stands for the present (af-entities' lexicon reads its `code` and `codes` the same way). */
const char *ev_actor_code(const struct af_coder *c, const struct ev_actor *a)
{
	const char *def = NULL;
	for (size_t i = 0; i < a->ncodes; i++) {
		const struct ev_code *k = &a->codes[i];
		if (k->kind == EV_DATE_ANY) {
			if (!def)
				def = k->code;
			continue;
		}
		if (!c->adate)
			continue;
		long t = c->adate;
		if ((k->kind == EV_DATE_BEFORE && t < k->d1) || (k->kind == EV_DATE_AFTER && t >= k->d1) ||
		    (k->kind == EV_DATE_BETWEEN && t >= k->d1 && t <= k->d2))
			return k->code;
	}
	if (def)
		return def;
	return a->ncodes ? a->codes[a->ncodes - 1].code : NULL;
}
