/* events.c - the event coder: shallow parsing of each sentence in the TABARI tradition.
 *
 * Per sentence: tokens (lib/text.c) are looked up as interned words; actor and agent phrases
 * (longest match in the phrase trie, plus `entities` when present) form actor chunks, chunks
 * joined by "and" / "," form compound groups; verb forms from the verb dictionaries, less
 * those that read as nouns, head verb groups (auxiliaries, modals, negation, passive). For
 * each verb group the most specific pattern of its block is matched around it; the source is
 * the subject found by scanning left (skipping prepositional phrases and appositions, or
 * inherited from a coordinated or governing verb), the target the first chunk after it (or
 * the by-phrase's chunk and the subject when passive). Parenthetical clauses between commas
 * (relative clauses, attributions) are passed over, and a subordinate clause's subject is
 * never a target. Speech verbs and quotes make the events they govern `reported`, with the
 * speaker. docs/af-events.1 says what is decided; docs/decisions.md why. */
#include "events_int.h"

#include "af/text.h"
#include "af/dates.h"
#include "af/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>

/* Closed-class words, by class bit. */
enum {
	W_DET = 1 << 0,
	W_PREP = 1 << 1,
	W_CONJ = 1 << 2,
	W_AUX = 1 << 3, /* be, have, do forms */
	W_BE = 1 << 4,
	W_MODAL = 1 << 5,
	W_NEG = 1 << 6,
	W_WH = 1 << 7,
	W_PRON = 1 << 8,
	W_ADV = 1 << 9, /* adverbs that may sit in a verb group */
	W_TO = 1 << 10,
	W_BY = 1 << 11,
	W_POSS = 1 << 12, /* 's */
	W_TIME = 1 << 13, /* weekday, month, today ... (never chunk words) */
	W_LINK = 1 << 14  /* of, from, in: agent-of-actor links */
};

static const struct {
	const char *w;
	unsigned cls;
} closed[] = {
	{"THE", W_DET}, {"A", W_DET}, {"AN", W_DET}, {"THIS", W_DET}, {"THESE", W_DET},
	{"THOSE", W_DET}, {"ITS", W_DET}, {"THEIR", W_DET}, {"HIS", W_DET}, {"OUR", W_DET},
	{"MY", W_DET}, {"YOUR", W_DET}, {"SOME", W_DET}, {"ANY", W_DET}, {"EACH", W_DET},
	{"EVERY", W_DET}, {"SEVERAL", W_DET}, {"MANY", W_DET}, {"FEW", W_DET}, {"NO", W_DET | W_NEG},
	{"ANOTHER", W_DET}, {"SUCH", W_DET}, {"OTHER", W_DET},
	{"OF", W_PREP | W_LINK}, {"IN", W_PREP | W_LINK}, {"FROM", W_PREP | W_LINK}, {"ON", W_PREP},
	{"AT", W_PREP}, {"BY", W_PREP | W_BY}, {"FOR", W_PREP}, {"WITH", W_PREP}, {"TO", W_TO},
	{"INTO", W_PREP}, {"ONTO", W_PREP}, {"OVER", W_PREP}, {"UNDER", W_PREP}, {"ABOUT", W_PREP},
	{"AGAINST", W_PREP}, {"BETWEEN", W_PREP}, {"AMONG", W_PREP}, {"DURING", W_PREP},
	{"AFTER", W_PREP}, {"BEFORE", W_PREP}, {"SINCE", W_PREP}, {"UNTIL", W_PREP},
	{"THROUGH", W_PREP}, {"TOWARD", W_PREP}, {"TOWARDS", W_PREP}, {"NEAR", W_PREP},
	{"ACROSS", W_PREP}, {"WITHIN", W_PREP}, {"WITHOUT", W_PREP}, {"AMID", W_PREP},
	{"AMIDST", W_PREP}, {"ALONG", W_PREP}, {"UPON", W_PREP}, {"BEHIND", W_PREP},
	{"BEYOND", W_PREP}, {"DESPITE", W_PREP}, {"VIA", W_PREP}, {"OUTSIDE", W_PREP},
	{"INSIDE", W_PREP}, {"AROUND", W_PREP}, {"LIKE", W_PREP}, {"UNLIKE", W_PREP},
	{"AND", W_CONJ}, {"OR", W_CONJ}, {"NOR", W_CONJ}, {"BUT", W_CONJ}, {"NEITHER", W_CONJ},
	{"EITHER", W_CONJ},
	{"IS", W_AUX | W_BE}, {"ARE", W_AUX | W_BE}, {"WAS", W_AUX | W_BE}, {"WERE", W_AUX | W_BE},
	{"BE", W_AUX | W_BE}, {"BEEN", W_AUX | W_BE}, {"BEING", W_AUX | W_BE}, {"AM", W_AUX | W_BE},
	{"'RE", W_AUX | W_BE}, {"GET", W_AUX | W_BE}, {"GOT", W_AUX | W_BE},
	{"HAS", W_AUX}, {"HAVE", W_AUX}, {"HAD", W_AUX}, {"HAVING", W_AUX}, {"'VE", W_AUX},
	{"DO", W_AUX}, {"DOES", W_AUX}, {"DID", W_AUX},
	{"WILL", W_MODAL}, {"WOULD", W_MODAL}, {"MAY", W_MODAL}, {"MIGHT", W_MODAL},
	{"CAN", W_MODAL}, {"COULD", W_MODAL}, {"SHOULD", W_MODAL}, {"MUST", W_MODAL},
	{"SHALL", W_MODAL}, {"WO", W_MODAL}, {"CA", W_MODAL}, {"'LL", W_MODAL}, {"'D", W_MODAL},
	{"NOT", W_NEG}, {"N'T", W_NEG}, {"N’T", W_NEG}, {"NEVER", W_NEG | W_ADV},
	{"WHO", W_WH}, {"WHICH", W_WH}, {"THAT", W_WH | W_DET}, {"WHOM", W_WH}, {"WHOSE", W_WH},
	{"WHERE", W_WH}, {"WHEN", W_WH}, {"WHILE", W_WH}, {"WHETHER", W_WH}, {"IF", W_WH},
	{"BECAUSE", W_WH}, {"ALTHOUGH", W_WH}, {"THOUGH", W_WH}, {"AS", W_WH}, {"SO", W_WH},
	{"HE", W_PRON}, {"SHE", W_PRON}, {"IT", W_PRON}, {"THEY", W_PRON}, {"WE", W_PRON},
	{"I", W_PRON}, {"YOU", W_PRON}, {"HIM", W_PRON}, {"THEM", W_PRON}, {"US", W_PRON},
	{"HER", W_PRON | W_DET}, {"HIMSELF", W_PRON}, {"THEMSELVES", W_PRON}, {"ITSELF", W_PRON},
	{"ALSO", W_ADV}, {"BOTH", W_ADV}, {"NOW", W_ADV}, {"EVER", W_ADV}, {"EVEN", W_ADV}, {"JUST", W_ADV},
	{"STILL", W_ADV}, {"ALREADY", W_ADV}, {"AGAIN", W_ADV}, {"THEN", W_ADV}, {"SOON", W_ADV},
	{"YET", W_ADV}, {"ONCE", W_ADV}, {"LATER", W_ADV}, {"EARLIER", W_ADV},
	{"FINALLY", W_ADV}, {"REPORTEDLY", W_ADV}, {"RECENTLY", W_ADV}, {"ALLEGEDLY", W_ADV},
	{"'S", W_POSS}, {"’S", W_POSS}, {"'", W_POSS}, {"’", W_POSS},
	{"MONDAY", W_TIME}, {"TUESDAY", W_TIME}, {"WEDNESDAY", W_TIME}, {"THURSDAY", W_TIME},
	{"FRIDAY", W_TIME}, {"SATURDAY", W_TIME}, {"SUNDAY", W_TIME}, {"TODAY", W_TIME},
	{"YESTERDAY", W_TIME}, {"TOMORROW", W_TIME}, {"TONIGHT", W_TIME}, {"JANUARY", W_TIME},
	{"FEBRUARY", W_TIME}, {"MARCH", W_TIME}, {"APRIL", W_TIME}, {"JUNE", W_TIME},
	{"JULY", W_TIME}, {"AUGUST", W_TIME}, {"SEPTEMBER", W_TIME}, {"OCTOBER", W_TIME},
	{"NOVEMBER", W_TIME}, {"DECEMBER", W_TIME}, {"WEEK", W_TIME}, {"MONTH", W_TIME},
	{"YEAR", W_TIME}, {"NIGHT", W_TIME}, {"MORNING", W_TIME}, {"EVENING", W_TIME},
	{"AFTERNOON", W_TIME}, {"DAY", W_TIME}, {"DAYS", W_TIME}, {"YEARS", W_TIME},
	{"MONTHS", W_TIME}, {"WEEKS", W_TIME},
};

void ev_closed_words(struct af_evdict *d)
{
	for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++)
		ev_wtab_add(&d->w, closed[i].w, strlen(closed[i].w));
}

/* Window sizes: patterns, subjects and targets are looked for this close to the verb, which
 * keeps a sentence of any length linear. */
enum { PRE_WIN = 14, POST_WIN = 28, SUBJ_WIN = 40, MAX_EVENTS = 200, MAX_MEMBERS = 16, PAREN_MAX = 12 };

struct tok {
	int id;          /* word id, -1 when unknown */
	unsigned cls;    /* W_* */
	unsigned flags;  /* AF_TF_* */
	int kind;        /* af_tok_kind */
	int chunk;       /* chunk index or -1 */
	int verb;        /* verb group index or -1 (on the head token) */
	int inquote;     /* inside quote marks */
	int boundary;    /* ; : ( ) " and the like: clauses do not cross it */
	int pverb;       /* has a verb form (before chunks are built) */
	int speech;      /* a speech verb form (say, said ...) */
	int paren;       /* the parenthetical clause holding it (1, 2 ... in its sentence), 0 */
};

struct chunk {
	size_t a, b;   /* token range [a, b) */
	char code[64]; /* "" when none */
	char base[64]; /* the actor's code without the agents' roles, "" when only agents */
	const char *canonical;
	char *owned; /* canonical we allocated (entities) */
	int person;
	int group;   /* compound group index */
	int pron;    /* a resolved pronoun */
	const struct ev_agent *ag[4]; /* agents linked to the actor ("ambassadors of A, B and C") */
	int nag, linked;
	int npartial; /* extra members from "A/B" codes */
	char partial[4][64];
};

struct group {
	int members[MAX_MEMBERS];
	int n;
	size_t a, b;
};

struct vgroup {
	size_t head, hend; /* the verb's tokens [head, hend) */
	size_t a;          /* group start (auxiliaries) */
	int form;          /* ev_form index */
	int passive, negated, modal, inf, perfect;
	int mword;    /* the modal's word id (WILL, CAN ...), -1 */
	int be;       /* a form of "be" among its auxiliaries */
	int subj;     /* group index of the subject, -1 */
	int coded;    /* produced an event */
	int speech;   /* a speech verb */
	int reduced;  /* a reduced relative ("the movement, led by X") */
};

struct af_coder {
	const struct af_evdict *d;
	size_t dl_end; /* tokens [0, dl_end) are the dateline ("TEHRAN –"): never actors */
	int mirror; /* emit a pattern's reverse code (PETRARCH dictionaries) */
	int news;   /* af's news defaults: the news conventions of docs/af-events.1 apply */
	struct af_tokens toks;
	struct af_sentences sents;
	struct tok *t;
	size_t tcap;
	int ents_sorted; /* the record's entities are in text order (by start) */
	struct chunk *ch;
	size_t nch, chcap;
	struct group *gr;
	size_t ngr, grcap;
	struct vgroup *vg;
	size_t nvg, vgcap;
	int *vb;      /* for each verb: the blocks of verbs with the same words, at vb + vboff[v] */
	size_t *vboff;
	int *vbn;
	int *wcls_ids; /* closed-class word ids */
	unsigned *wcls;
	size_t nwcls;
	unsigned *clsw; /* word id -> W_* class bits */
	size_t nclsw;
	uint64_t *tokbits; /* word id -> the pattern-element bits a token of it can satisfy */
	uint64_t *pmask;   /* pattern -> the bits its words and synsets need */
	unsigned *synseen; /* per synset: the verb-window stamp when it may match there */
	unsigned *syntried;
	unsigned stamp;
	char *up;
	size_t upcap;
	/* article state */
	const char *text;
	long adate; /* article date yyyymmdd, 0 */
	int pub_y, pub_m, pub_d;
	struct af_dt pub;       /* the same, for the date resolver */
	const char *pub_source; /* "published" or "dateline" */
	struct af_dates *dates; /* the date resolver's words */
	struct edate *ed;       /* the record's DATE entities */
	size_t ned, capd;
	int ent_dates;          /* the record has DATE entities: they date the events */
	struct sdate *sd;       /* the dates of sentence [sd_a, sd_b) */
	size_t nsd, capsd, sd_a, sd_b;
	int sd_valid;
	const char *last_person_canon;
	char last_person_code[64];
};

static unsigned closed_class(const struct af_coder *c, int id)
{
	return id >= 0 && (size_t)id < c->nclsw ? c->clsw[id] : 0;
}

static const struct af_evdict *sort_dict;

static int cmp_verb(const void *x, const void *y)
{
	const struct ev_verb *p = &sort_dict->verbs[*(const int *)x], *q = &sort_dict->verbs[*(const int *)y];
	if (p->nwords != q->nwords)
		return p->nwords - q->nwords;
	int r = memcmp(p->words, q->words, (size_t)p->nwords * sizeof *p->words);
	if (r)
		return r;
	return p->block - q->block;
}

/* For each verb, the blocks holding a verb with the same words (its patterns all apply). */
static void build_verb_blocks(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	size_t n = d->nverbs;
	int *idx = af_malloc((n + 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++)
		idx[i] = (int)i;
	sort_dict = d;
	qsort(idx, n, sizeof *idx, cmp_verb);
	c->vb = af_malloc((n + 1) * sizeof *c->vb);
	c->vboff = af_malloc((n + 1) * sizeof *c->vboff);
	c->vbn = af_malloc((n + 1) * sizeof *c->vbn);
	size_t nvb = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		const struct ev_verb *p = &d->verbs[idx[i]];
		while (j < n && d->verbs[idx[j]].nwords == p->nwords &&
		       !memcmp(d->verbs[idx[j]].words, p->words, (size_t)p->nwords * sizeof *p->words))
			j++;
		size_t off = nvb;
		for (size_t k = i; k < j; k++) {
			int bl = d->verbs[idx[k]].block;
			if (nvb == off || c->vb[nvb - 1] != bl)
				c->vb[nvb++] = bl;
		}
		for (size_t k = i; k < j; k++) {
			c->vboff[idx[k]] = off;
			c->vbn[idx[k]] = (int)(nvb - off);
		}
		i = j;
	}
	free(idx);
}

/* A 64-bit signature per pattern: one bit per literal word or synset it needs (hashed), so
 * that a pattern whose words are not all around a verb is skipped with one AND. */
static uint64_t ebit(unsigned v)
{
	uint64_t x = v * 0x9e3779b97f4a7c15ull;
	return 1ull << (x >> 58);
}

static void build_masks(struct af_coder *c)
{
	const struct af_evdict *d = c->d;
	c->tokbits = af_calloc(d->w.nwords + 1, sizeof *c->tokbits);
	c->pmask = af_calloc(d->npats + 1, sizeof *c->pmask);
#define TB(id, bit)                                                                                \
	do {                                                                                       \
		if ((id) >= 0 && (size_t)(id) < d->w.nwords)                                      \
			c->tokbits[id] |= (bit);                                                   \
	} while (0)
	for (size_t i = 0; i < d->nsyns; i++) {
		uint64_t bit = ebit((unsigned)i * 2 + 1);
		for (size_t k = 0; k < d->syns[i].nalts; k++) {
			const struct ev_synalt *al = &d->syns[i].alts[k];
			TB(al->words[0], bit);
			if (al->nwords == 1)
				TB(al->plural[0], bit);
		}
	}
	for (size_t i = 0; i < d->npats; i++) {
		const struct ev_pattern *p = &d->pats[i];
		uint64_t m = 0;
		for (size_t k = 0; k < p->nel; k++) {
			const struct ev_pelem *e = &p->el[k];
			if (e->kind == PE_WORD && e->word >= 0) {
				uint64_t bit = ebit((unsigned)e->word * 2);
				TB(e->word, bit);
				for (int q = 0; q < 3; q++)
					TB(e->plural[q], bit);
				m |= bit;
			} else if (e->kind == PE_SYN)
				m |= ebit((unsigned)e->syn * 2 + 1);
		}
		c->pmask[i] = m;
	}
#undef TB
}

struct af_coder *af_coder_new(const struct af_evdict *d)
{
	struct af_coder *c = af_calloc(1, sizeof *c);
	c->d = d;
	af_coder_conventions(c, AF_EVC_NEWS);
	size_t n = sizeof closed / sizeof closed[0];
	c->wcls_ids = af_malloc(n * sizeof *c->wcls_ids);
	c->wcls = af_malloc(n * sizeof *c->wcls);
	for (size_t i = 0; i < n; i++) {
		int id = ev_wtab_get(&d->w, closed[i].w, strlen(closed[i].w));
		c->wcls_ids[c->nwcls] = id;
		c->wcls[c->nwcls] = closed[i].cls;
		if (id >= 0) {
			/* merge duplicates */
			size_t k;
			for (k = 0; k < c->nwcls; k++)
				if (c->wcls_ids[k] == id) {
					c->wcls[k] |= closed[i].cls;
					break;
				}
			if (k == c->nwcls)
				c->nwcls++;
		}
	}
	c->nclsw = d->w.nwords;
	c->clsw = af_calloc(c->nclsw ? c->nclsw : 1, sizeof *c->clsw);
	for (size_t i = 0; i < c->nwcls; i++)
		c->clsw[c->wcls_ids[i]] = c->wcls[i];
	build_masks(c);
	c->synseen = af_calloc(d->nsyns + 1, sizeof *c->synseen);
	c->syntried = af_calloc(d->nsyns + 1, sizeof *c->syntried);
	build_verb_blocks(c);
	return c;
}

void af_coder_conventions(struct af_coder *c, enum af_evconventions conv)
{
	/* news: the news coding guidelines (docs/af-events.1): only a compound subject's joint act
	 * is coded both ways, non-events are not coded. petrarch: as PETRARCH's validation suite
	 * codes, [active:reverse] codes both ways, a speech verb's actor object its target. */
	c->news = conv == AF_EVC_NEWS;
	c->mirror = !c->news;
}

void af_coder_free(struct af_coder *c)
{
	if (!c)
		return;
	af_dates_free(c->dates);
	free(c->ed);
	free(c->sd);
	af_tokens_free(&c->toks);
	af_sentences_free(&c->sents);
	free(c->t);
	for (size_t i = 0; i < c->nch; i++)
		free(c->ch[i].owned);
	free(c->ch);
	free(c->gr);
	free(c->vg);
	free(c->vb);
	free(c->vboff);
	free(c->vbn);
	free(c->wcls_ids);
	free(c->wcls);
	free(c->clsw);
	free(c->tokbits);
	free(c->pmask);
	free(c->synseen);
	free(c->syntried);
	free(c->up);
	free(c);
}

/* ---- words ---- */

static int lookup(struct af_coder *c, const char *s, size_t n, unsigned *cls)
{
	if (n + 1 > c->upcap) {
		c->upcap = n + 64;
		c->up = af_realloc(c->up, c->upcap);
	}
	for (size_t i = 0; i < n; i++)
		c->up[i] = (char)toupper((unsigned char)s[i]);
	c->up[n] = 0;
	int id = ev_wtab_get(&c->d->w, c->up, n);
	*cls = 0;
	if (id >= 0) {
		*cls = closed_class(c, id);
	} else if (n >= 3 && !memcmp(s + n - 3, "’s", 3 < n ? 3 : n)) {
		*cls = 0;
	}
	return id;
}

static int is_word(const struct tok *t)
{
	return t->kind == AF_TOK_WORD || t->kind == AF_TOK_NUMBER;
}

/* ---- dates ---- */

static int word_is(const struct af_coder *c, size_t i, const char *w)
{
	const struct af_token *k = &c->toks.v[i];
	size_t n = k->end - k->start;
	if (n != strlen(w))
		return 0;
	for (size_t j = 0; j < n; j++)
		if (toupper((unsigned char)c->text[k->start + j]) != w[j])
			return 0;
	return 1;
}

/* The record's DATE entities (af-entities ran upstream): code points and value. */
struct edate {
	size_t cstart, cend;
	const char *value; /* NULL when unresolved */
	int point;         /* not a range or deadline */
};

static void read_entity_dates(struct af_coder *c, const struct af_mentions *ents)
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
}

/* A date the sentence states: where (byte or code point, as the source counts) and what. */
struct sdate {
	size_t at;
	char value[48];
};

/* The point dates of the sentence [a, b) (not ranges or deadlines, resolved only), once per
 * sentence: from the record's DATE entities when it has them, else from the date resolver. */
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
		for (size_t i = 0; i < c->ned; i++) {
			const struct edate *e = &c->ed[i];
			if (e->cstart < cs || e->cend > ce || !e->point || !e->value)
				continue;
			if (c->nsd == c->capsd)
				c->sd = af_grow(c->sd, &c->capsd, c->nsd + 1, sizeof *c->sd);
			c->sd[c->nsd].at = e->cstart;
			snprintf(c->sd[c->nsd++].value, sizeof c->sd->value, "%s", e->value);
		}
		return;
	}
	struct af_datex ex[64];
	size_t from = c->toks.v[a].start, to = c->toks.v[b - 1].end;
	while (from < to) {
		size_t k = af_dates_find(c->dates, c->text, from, to, c->pub_y ? &c->pub : NULL, ex, 64);
		for (size_t i = 0; i < k; i++) {
			if (ex[i].kind != AF_DATE_POINT || !ex[i].resolved)
				continue;
			if (c->nsd == c->capsd)
				c->sd = af_grow(c->sd, &c->capsd, c->nsd + 1, sizeof *c->sd);
			c->sd[c->nsd].at = ex[i].start;
			memcpy(c->sd[c->nsd++].value, ex[i].value, sizeof ex[i].value);
		}
		from = k == 64 ? ex[63].end : to;
	}
}

/* The date of an event whose verb is token `near` of the sentence [a, b), and its source:
 * the date expression of the sentence nearest the verb ("text"), never a range or a deadline
 * ("since 2001", "until September 11"); else the publication date ("published", or
 * "dateline" when only the dateline has one); else NULL. */
static const char *event_date(struct af_coder *c, size_t a, size_t b, size_t near, char *buf, size_t n,
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

/* ---- actors ---- */

static const char *actor_code(const struct af_coder *c, const struct ev_actor *a)
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
	/* no date: the last restriction stands for the present */
	return a->ncodes ? a->codes[a->ncodes - 1].code : NULL;
}

/* Has code the 3-letter segment seg? */
static int has_seg(const char *code, const char *seg)
{
	size_t n = strlen(code);
	for (size_t i = 0; i + 3 <= n; i += 3)
		if (!strncmp(code + i, seg, 3))
			return 1;
	return 0;
}

static void append_agent(char *code, size_t cap, const struct ev_agent *ag)
{
	size_t n = strlen(ag->post);
	for (size_t i = 0; i + 3 <= n; i += 3) {
		char seg[4] = {ag->post[i], ag->post[i + 1], ag->post[i + 2], 0};
		if (!has_seg(code, seg) && strlen(code) + 3 < cap)
			strcat(code, seg);
	}
	if (n % 3 && strlen(code) + n < cap && !strstr(code, ag->post))
		strcat(code, ag->post + n - n % 3);
}

struct span {
	size_t a, b;
	int actor, agent;
};

/* Longest actor or agent phrase starting at i (tokens < end); 0 when none. */
static size_t match_phrase(const struct af_coder *c, size_t i, size_t end, int *actor, int *agent)
{
	const struct af_evdict *d = c->d;
	int node = 0;
	size_t best = 0;
	*actor = *agent = -1;
	int cap = 0, skipped = 0;
	for (size_t j = i; j < end && j < i + 24; j++) {
		int nx = c->t[j].id < 0 ? -1 : ev_edges_get(&d->edges, node, c->t[j].id);
		/* a hyphenated modifier inside a name: "Ithilen state-run television" is the
		 * dictionary's "ITHILEN TELEVISION" (once per phrase, never first or last) */
		if (nx < 0 && j > i && !skipped && j + 1 < end && (c->t[j].flags & AF_TF_HYPHEN) &&
		    (c->t[j].flags & AF_TF_LOWER) && c->t[j].kind == AF_TOK_WORD && c->t[j + 1].id >= 0 &&
		    ev_edges_get(&d->edges, node, c->t[j + 1].id) >= 0) {
			skipped = 1;
			continue;
		}
		if (nx < 0)
			break;
		node = nx;
		if ((c->t[j].flags & AF_TF_ALPHA) && !(c->t[j].flags & AF_TF_LOWER))
			cap = 1; /* an upper-case letter somewhere: Kabul, anti-Taliban, al-Qaeda */
		const struct ev_node *nd = &d->nodes[node];
		if (nd->actor >= 0 && cap) {
			best = j + 1 - i;
			*actor = nd->actor;
			*agent = -1;
		} else if (nd->agent >= 0 && !(c->t[i].cls & (W_PREP | W_CONJ | W_AUX | W_TO))) {
			best = j + 1 - i;
			*agent = nd->agent;
			*actor = -1;
		}
	}
	return best;
}

static int sentence_discard(const struct af_coder *c, size_t a, size_t b)
{
	const struct af_evdict *d = c->d;
	int worst = 0;
	for (size_t i = a; i < b; i++) {
		int node = 0;
		for (size_t j = i; j < b && j < i + 16; j++) {
			int id = c->t[j].id;
			if (id < 0)
				break;
			node = ev_edges_get(&d->edges, node, id);
			if (node < 0)
				break;
			if (d->nodes[node].discard > worst)
				worst = d->nodes[node].discard;
		}
	}
	return worst;
}

/* Can token i sit inside a noun phrase as a modifier? */
static int modifier(const struct af_coder *c, size_t i)
{
	const struct tok *t = &c->t[i];
	if (t->kind != AF_TOK_WORD && t->kind != AF_TOK_NUMBER)
		return 0;
	if (t->cls & (W_PREP | W_CONJ | W_AUX | W_MODAL | W_NEG | W_WH | W_PRON | W_TO | W_POSS | W_TIME | W_ADV))
		return 0;
	if (t->cls & W_DET)
		return 0;
	if (t->verb >= 0 || t->pverb)
		return 0;
	return 1;
}

static int new_chunk(struct af_coder *c, size_t a, size_t b)
{
	if (c->nch == c->chcap) {
		c->chcap = c->chcap ? c->chcap * 2 : 32;
		c->ch = af_realloc(c->ch, c->chcap * sizeof *c->ch);
	}
	struct chunk *k = &c->ch[c->nch];
	memset(k, 0, sizeof *k);
	k->a = a;
	k->b = b;
	k->group = -1;
	return (int)c->nch++;
}

/* Builds chunks over s[a, b) from the phrase spans. */
static void build_chunks(struct af_coder *c, const struct span *sp, size_t nsp)
{
	size_t k = 0;
	while (k < nsp) {
		/* a chunk: spans joined by modifiers, possessives and agent-of-actor links */
		size_t start = sp[k].a, end = sp[k].b;
		char code[64] = "", pre[32] = "";
		const char *canon = NULL;
		int person = 0, have_actor = 0, person_set = 0;
		const struct ev_agent *agents[8];
		int nag = 0;
		int npart = 0, linked_any = 0;
		char parts[4][24];
		size_t m = k;
		for (;;) {
			const struct span *s = &sp[m];
			if (s->actor >= 0) {
				const struct ev_actor *ac = &c->d->actors[s->actor];
				const char *cd = actor_code(c, ac);
				if (!have_actor && cd) {
					const char *slash = strchr(cd, '/');
					if (slash) {
						/* "FRO/BIL/SAM": several actors */
						const char *p = cd;
						while (*p && npart < 4) {
							size_t n = strcspn(p, "/");
							snprintf(parts[npart++], 24, "%.*s", (int)n, p);
							p += n + (p[n] == '/');
						}
						snprintf(code, sizeof code, "%s", parts[0]);
					} else
						snprintf(code, sizeof code, "%s", cd);
					have_actor = 1;
					canon = ac->canonical;
				}
				if (ac->person && !person_set) {
					person = 1;
					person_set = 1;
					canon = ac->canonical;
				}
			} else if (s->agent >= 0 && nag < 8) {
				agents[nag++] = &c->d->agents[s->agent];
			}
			end = s->b;
			/* what follows: another span after modifiers / 's / a link? */
			if (m + 1 >= nsp)
				break;
			size_t j = s->b;
			int ok = 1, link = 0;
			while (j < sp[m + 1].a) {
				const struct tok *t = &c->t[j];
				if (t->cls & W_POSS)
					j++;
				else if (modifier(c, j))
					j++;
				else if ((t->cls & W_LINK) && !have_actor && j + 1 <= sp[m + 1].a && !link) {
					link = 1;
					linked_any = 1;
					j++;
				} else if ((t->cls & W_DET) && link)
					j++;
				else if ((t->cls & W_CONJ) && (c->t[s->b].cls & W_POSS) && j > s->b + 1 &&
				         modifier(c, j - 1) && j + 1 < sp[m + 1].a && modifier(c, j + 1))
					j++; /* "Ithilen's awful and evil minister" */
				else {
					ok = 0;
					break;
				}
			}
			if (!ok || j - s->b > 4)
				break;
			/* a second actor after a link or 's belongs to this chunk only when we have none yet,
			 * or when it follows directly (names: "Taliban Minister ... Nadim") */
			m++;
		}
		/* the code: agent prefixes + actor + agent roles */
		for (int g = 0; g < nag; g++)
			if (agents[g]->pre[0] && strlen(pre) + strlen(agents[g]->pre) < sizeof pre)
				strcat(pre, agents[g]->pre);
		char full[64];
		if (have_actor)
			snprintf(full, sizeof full, "%.16s%.40s", pre, code);
		else if (pre[0])
			snprintf(full, sizeof full, "%s", pre);
		else if (nag)
			snprintf(full, sizeof full, "---");
		else
			full[0] = 0;
		for (int g = 0; g < nag; g++)
			append_agent(full, sizeof full, agents[g]);
		int ci = new_chunk(c, start, end);
		struct chunk *ch = &c->ch[ci];
		snprintf(ch->code, sizeof ch->code, "%s", full);
		if (have_actor)
			snprintf(ch->base, sizeof ch->base, "%.16s%.40s", pre, code);
		ch->canonical = canon;
		ch->person = person;
		for (int p = 1; p < npart; p++) {
			char x[64];
			snprintf(x, sizeof x, "%s%s", pre, parts[p]);
			for (int g = 0; g < nag; g++)
				append_agent(x, sizeof x, agents[g]);
			snprintf(ch->partial[ch->npartial++], sizeof ch->partial[0], "%s", x);
		}
		for (int g = 0; g < nag && g < 4; g++)
			ch->ag[ch->nag++] = agents[g];
		ch->linked = linked_any && nag > 0;
		for (size_t i = start; i < end; i++)
			c->t[i].chunk = ci;
		k = m + 1;
	}
}

/* Extends each chunk left over its modifiers (for its text) without changing its code. */
static size_t chunk_text_start(const struct af_coder *c, const struct chunk *ch, size_t a)
{
	size_t s = ch->a;
	int n = 0;
	while (s > a && n < 3 && modifier(c, s - 1) && c->t[s - 1].chunk < 0 &&
	       !(c->t[s - 1].flags & AF_TF_DIGIT))
		s--, n++;
	return s;
}

/* code = actor base + the roles of agents ag[0..n) */
static void agent_code_of(char *out, size_t cap, const char *base, const struct ev_agent *const *ag, int n)
{
	char t[64];
	snprintf(t, sizeof t, "%s", base);
	for (int g = 0; g < n; g++)
		append_agent(t, sizeof t, ag[g]);
	snprintf(out, cap, "%s", t);
}

static void add_partial(struct chunk *ch, const char *code)
{
	if (ch->npartial < 4 && strcmp(ch->code, code))
		snprintf(ch->partial[ch->npartial++], sizeof ch->partial[0], "%s", code);
}

/* Agents shared across a compound: "Lawmakers and officials in Fornost and Gondor" (each role
 * of each country), "Danish media and government" (the government is Danish too). */
static void share_agents(struct af_coder *c, const struct group *g)
{
	int link = -1;
	for (int i = 0; i < g->n && link < 0; i++) {
		const struct chunk *ch = &c->ch[g->members[i]];
		if (ch->linked && ch->base[0] && ch->nag)
			link = i;
	}
	if (link >= 0) {
		struct chunk *l = &c->ch[g->members[link]];
		/* the actors after the link, with no roles of their own */
		int ys[MAX_MEMBERS], ny = 0;
		for (int i = link + 1; i < g->n; i++) {
			const struct chunk *ch = &c->ch[g->members[i]];
			if (ch->base[0] && (!ch->nag || !strcmp(ch->code, ch->base) || ch->linked == 2))
				ys[ny++] = g->members[i];
			else
				break;
		}
		int nagentonly = 0;
		for (int i = 0; i < link; i++) {
			const struct chunk *ch = &c->ch[g->members[i]];
			if (!ch->base[0] && ch->nag)
				nagentonly++;
		}
		if (nagentonly == link && (nagentonly || ny)) {
			char x[64];
			for (int i = 0; i < link; i++) {
				struct chunk *m = &c->ch[g->members[i]];
				agent_code_of(m->code, sizeof m->code, l->base, m->ag, m->nag);
				for (int k = 0; k < ny; k++) {
					agent_code_of(x, sizeof x, c->ch[ys[k]].base, m->ag, m->nag);
					add_partial(m, x);
				}
			}
			for (int k = 0; k < ny; k++) {
				struct chunk *y = &c->ch[ys[k]];
				agent_code_of(y->code, sizeof y->code, y->base, l->ag, l->nag);
				y->linked = 2;
			}
		}
	}
	/* an agent alone after an actor with roles takes that actor */
	for (int i = 1; i < g->n; i++) {
		struct chunk *m = &c->ch[g->members[i]], *p = &c->ch[g->members[i - 1]];
		if (!m->base[0] && m->nag && p->base[0] && p->nag && !p->linked && !m->linked) {
			agent_code_of(m->code, sizeof m->code, p->base, m->ag, m->nag);
			memcpy(m->base, p->base, sizeof m->base);
		}
	}
}

/* Groups chunks joined by "and", "or", "," into compounds. */
static void build_groups(struct af_coder *c, size_t first_chunk, size_t a)
{
	size_t first_group = c->ngr; /* this sentence's groups: the record's earlier ones are done */
	for (size_t i = first_chunk; i < c->nch; i++) {
		struct chunk *ch = &c->ch[i];
		int joined = 0;
		if (i > first_chunk && c->t[ch->a].paren == c->t[c->ch[i - 1].a].paren) {
			struct chunk *pv = &c->ch[i - 1];
			size_t s = chunk_text_start(c, ch, a);
			size_t j = pv->b;
			int conj = 0, comma = 0, other = 0;
			for (; j < s; j++) {
				const struct tok *t = &c->t[j];
				if (t->cls & W_CONJ)
					conj++;
				else if (t->kind == AF_TOK_PUNCT && c->text[c->toks.v[j].start] == ',')
					comma++;
				else if (t->cls & W_DET)
					;
				else
					other++;
			}
			/* "A, B and C"; an apposition "A, the state's foe," has no actor of its own */
			if (!other && (conj || (comma == 1 && ch->code[0] && strncmp(ch->code, "---", 3))) &&
			    pv->group >= 0 && c->gr[pv->group].n < MAX_MEMBERS && s - pv->b <= 3)
				joined = 1;
			if (!other && comma == 1 && !conj && !(ch->code[0] && strncmp(ch->code, "---", 3)))
				joined = 0;
			/* "Ithilen's sheep and goats of Gondor": two noun phrases, each with its actor */
			if (!joined && pv->group >= 0 && c->gr[pv->group].n < MAX_MEMBERS && ch->code[0] &&
			    strncmp(ch->code, "---", 3) && pv->code[0] && strncmp(pv->code, "---", 3)) {
				size_t k = pv->b;
				int nm = 0, nm2 = 0, ok2 = 0;
				if (k < s && (c->t[k].cls & W_POSS))
					k++;
				while (k < s && nm < 2 && modifier(c, k) && (c->t[k].flags & AF_TF_LOWER))
					k++, nm++;
				if (nm && k < s && (c->t[k].cls & W_CONJ)) {
					k++;
					if (k < s && (c->t[k].cls & W_DET))
						k++;
					while (k < s && nm2 < 2 && modifier(c, k) && (c->t[k].flags & AF_TF_LOWER))
						k++, nm2++;
					ok2 = nm2 && k + 1 == s && word_is(c, k, "OF");
				}
				if (ok2)
					joined = 1;
			}
			/* "..., the Taliban said": a speaker, not a member ("A and B said" are both) */
			for (size_t k = ch->b; k < ch->b + 3 && k < c->toks.n && joined && !conj; k++) {
				if (c->t[k].speech)
					joined = 0;
				else if (!(c->t[k].cls & (W_AUX | W_ADV)))
					break;
			}
		}
		if (joined) {
			struct group *g = &c->gr[c->ch[i - 1].group];
			struct chunk *head = &c->ch[g->members[0]];
			if (head->linked && !ch->nag && ch->code[0] && strncmp(ch->code, "---", 3)) {
				for (int k = 0; k < head->nag; k++)
					append_agent(ch->code, sizeof ch->code, head->ag[k]);
			}
			g->members[g->n++] = (int)i;
			g->b = ch->b;
			ch->group = c->ch[i - 1].group;
			continue;
		}
		if (c->ngr == c->grcap) {
			c->grcap = c->grcap ? c->grcap * 2 : 32;
			c->gr = af_realloc(c->gr, c->grcap * sizeof *c->gr);
		}
		struct group *g = &c->gr[c->ngr];
		memset(g, 0, sizeof *g);
		g->members[g->n++] = (int)i;
		g->a = ch->a;
		g->b = ch->b;
		ch->group = (int)c->ngr++;
	}
	/* "A, the state's fiercest foe," - drop an agent-only apposition joined by comma: done above */
	for (size_t i = first_group; i < c->ngr; i++)
		if (c->gr[i].n > 1 && (size_t)c->gr[i].members[0] >= first_chunk)
			share_agents(c, &c->gr[i]);
}

/* ---- verbs ---- */

static int form_matches(const struct af_coder *c, const struct ev_form *f, size_t i, size_t a, size_t b,
                        size_t *s, size_t *e)
{
	if ((size_t)f->head > i - a)
		return 0;
	size_t st = i - (size_t)f->head;
	if (st + (size_t)f->nwords > b)
		return 0;
	for (int k = 0; k < f->nwords; k++)
		if (c->t[st + (size_t)k].id != f->heads[k])
			return 0;
	*s = st;
	*e = st + (size_t)f->nwords;
	return 1;
}

/* Is token i a nationality or regional adjective ("Syrian", "Chinese", "Turkish", "Iraqi",
 * "American", "European", "Afghan")? An actor of the dictionaries, not a person, with an
 * ending no country's name has, or one of a few common ones without such an ending. */
static int demonym(const struct af_coder *c, size_t i)
{
	static const char *const ends[] = {"IAN", "EAN", "CAN", "ESE", "ISH", NULL};
	static const char *const words[] = {"AFGHAN", "GERMAN", "ARAB", "SOVIET", "FRENCH", "DUTCH", "GREEK",
	                                    "THAI", "SWISS", "CUBAN", "KENYAN", "IRAQI", "ISRAELI", "PAKISTANI",
	                                    "SAUDI", "KUWAITI", "YEMENI", "OMANI", "QATARI", "BAHRAINI",
	                                    "EMIRATI", "SOMALI", "BANGLADESHI", "AZERI", "NEPALI", NULL};
	const struct tok *t = &c->t[i];
	if (t->kind != AF_TOK_WORD || !(t->flags & AF_TF_CAP) || (t->flags & AF_TF_DIGIT))
		return 0;
	/* the dictionaries know it as an actor that is not a person (names end like adjectives
	 * too: Khamenei, Velayati, Karbasian), and it ends its chunk */
	if (t->chunk < 0 || c->ch[t->chunk].person || c->ch[t->chunk].b != i + 1)
		return 0;
	const struct af_token *k = &c->toks.v[i];
	size_t n = k->end - k->start;
	if (n < 4)
		return 0;
	/* "IRAQI" but not an all-capitals acronym or a word in capitals ("MALI") */
	if (isupper((unsigned char)c->text[k->start + 1]))
		return 0;
	for (int w = 0; words[w]; w++)
		if (word_is(c, i, words[w]))
			return 1;
	for (int e = 0; ends[e]; e++) {
		size_t m = strlen(ends[e]);
		if (n > m + 2 && !strncasecmp(c->text + k->end - m, ends[e], m))
			return 1;
	}
	return 0;
}

/* A plain lower-case word with an ending of adjectives: "financial", "military", "economic",
 * "massive", "joint" is not one, and that is the safe side. */
static int adjective_like(const struct af_coder *c, size_t i)
{
	static const char *const ends[] = {"al", "ic", "ive", "ous", "ary", "ful", "less", "ian", "ese", "ish", NULL};
	const struct tok *p = &c->t[i];
	if (p->kind != AF_TOK_WORD || p->cls || p->chunk >= 0 || !(p->flags & AF_TF_LOWER))
		return 0;
	size_t n = c->toks.v[i].end - c->toks.v[i].start;
	for (int e = 0; ends[e]; e++) {
		size_t m = strlen(ends[e]);
		if (n > m + 2 && !strncasecmp(c->text + c->toks.v[i].end - m, ends[e], m))
			return 1;
	}
	return 0;
}

static int verb_is_noun(const struct af_coder *c, size_t s, size_t a, int kind)
{
	/* two finite verbs do not follow each other: "occupation forces have killed", "littoral
	 * states were listed", "bilateral trade has grown" */
	if ((kind == VF_S || kind == VF_BASE) && s + 1 < c->toks.n && (c->t[s + 1].cls & (W_AUX | W_MODAL)) &&
	    (c->t[s + 1].flags & AF_TF_LOWER)) /* ("celebrate May Day") */
		return 1;
	if (s == a)
		return 0;
	const struct tok *p = &c->t[s - 1];
	if (p->cls & (W_DET | W_POSS)) {
		if (p->cls & W_WH) /* "that" */
			return 0;
		if ((p->cls & W_NEG) && kind != VF_BASE && kind != VF_S) /* "no" + -ed/-ing */
			return 0;
		return 1;
	}
	if ((p->cls & W_PREP) && !(p->cls & W_TO))
		return kind != VF_ED && kind != VF_IRR ? 1 : (p->cls & W_BY) ? 0 : 1;
	/* an -s form right after a verb (over a plain word or two) is its object: "promised raids",
	 * "following daylight raids" */
	if (kind == VF_S) {
		size_t k = s;
		int n = 0;
		while (k > a && n < 2) {
			const struct tok *q = &c->t[k - 1];
			size_t ql = c->toks.v[k - 1].end - c->toks.v[k - 1].start;
			if (q->kind == AF_TOK_WORD && !q->cls && q->chunk < 0 && q->verb < 0 && !q->pverb &&
			    (q->flags & AF_TF_LOWER) &&
			    !(ql > 4 && !strncasecmp(c->text + c->toks.v[k - 1].end - 3, "ing", 3))) {
				k--;
				n++;
				continue;
			}
			break;
		}
		if (k > a && (c->t[k - 1].verb >= 0 || (n > 0 && (c->t[k - 1].pverb || (c->t[k - 1].cls & W_PREP)))))
			return 1;
		if (k > a && n > 0 && c->t[k - 1].kind == AF_TOK_WORD && (c->t[k - 1].flags & AF_TF_LOWER) &&
		    c->toks.v[k - 1].end - c->toks.v[k - 1].start > 4 &&
		    !strncasecmp(c->text + c->toks.v[k - 1].end - 3, "ing", 3))
			return 1;
	}
	/* an -s form after a nationality adjective is a plural noun: "Syrian forces", "Iranian
	 * exports", "Afghan forces", "Lebanese protests", "European states" */
	if ((kind == VF_S || (kind == VF_IRR && (c->text[c->toks.v[s].end - 1] | 32) == 's')) && demonym(c, s - 1) &&
	    !(s + 1 < c->toks.n && (word_is(c, s + 1, "ON") || word_is(c, s + 1, "AGAINST"))))
		return 1; /* but "Saudi attacks on Yemen" is an event, as TABARI codes it */
	/* after a degree adverb it is an adjective: "very close to" */
	if (word_is(c, s - 1, "VERY") || word_is(c, s - 1, "TOO") || word_is(c, s - 1, "QUITE") ||
	    word_is(c, s - 1, "RATHER") || word_is(c, s - 1, "EXTREMELY"))
		return 1;
	/* adjectives (or a number) between a determiner and a base or -s form: "a brief private visit" */
	if (kind == VF_S || kind == VF_BASE) {
		size_t k = s;
		int n = 0;
		while (k > a && n < 4) {
			const struct tok *q = &c->t[k - 1];
			if (q->kind == AF_TOK_NUMBER || (q->kind == AF_TOK_WORD && !q->cls && q->chunk < 0 &&
			                                 (q->flags & AF_TF_LOWER))) {
				k--;
				n++;
				continue;
			}
			break;
		}
		if (n > 0 && k > a && (c->t[k - 1].cls & W_DET) && !(c->t[k - 1].cls & (W_WH | W_PRON)))
			return 1;
		/* after a possessive, a preposition or a verb only when the word before it is
		 * adjective-like, since the words passed over may hold the head noun of a subject
		 * ("Galadhon's new mayor left"): "the EU's military forces", "for financial support",
		 * "to strengthen bilateral trade" */
		if (n > 0 && k > a && adjective_like(c, s - 1) &&
		    ((c->t[k - 1].cls & W_POSS) || ((c->t[k - 1].cls & W_PREP) && !(c->t[k - 1].cls & (W_TO | W_BY))) ||
		     c->t[k - 1].verb >= 0))
			return 1;
	}
	return 0;
}

static int is_comma(const struct af_coder *c, size_t i);

/* An adverb that may sit in a verb group: a listed one ("also", "never") or a plain -ly word. */
static int is_adverb(const struct af_coder *c, size_t i)
{
	const struct tok *p = &c->t[i];
	if (p->kind != AF_TOK_WORD)
		return 0;
	if (p->cls & W_ADV)
		return 1;
	size_t n = c->toks.v[i].end - c->toks.v[i].start;
	return !p->cls && p->chunk < 0 && p->verb < 0 && n > 4 &&
	       !strncasecmp(c->text + c->toks.v[i].end - 2, "ly", 2);
}

static void find_verbs(struct af_coder *c, size_t a, size_t b)
{
	const struct af_evdict *d = c->d;
	for (size_t i = a; i < b; i++) {
		int id = c->t[i].id;
		if (id < 0 || (size_t)id >= d->formheadcap || d->formhead[id] < 0 || c->t[i].chunk >= 0)
			continue;
		if (c->t[i].cls & (W_AUX | W_MODAL | W_DET | W_PREP | W_TO | W_PRON))
			continue;
		int best = -1;
		size_t bs = 0, be = 0;
		for (int f = d->formhead[id]; f >= 0; f = d->forms[f].next) {
			size_t s, e;
			if (!form_matches(c, &d->forms[f], i, a, b, &s, &e))
				continue;
			int overlap = 0;
			for (size_t k = s; k < e; k++)
				if (c->t[k].chunk >= 0 || c->t[k].verb >= 0)
					overlap = 1;
			if (overlap)
				continue;
			/* longest wins; then the latest-loaded dictionary */
			if (best < 0 || e - s > be - bs ||
			    (e - s == be - bs && d->blocks[d->verbs[d->forms[f].verb].block].order >
			                             d->blocks[d->verbs[d->forms[best].verb].block].order)) {
				best = f;
				bs = s;
				be = e;
			}
		}
		if (best < 0)
			continue;
		int kind = d->forms[best].kind;
		if (verb_is_noun(c, bs, a, kind))
			continue;
		if (c->nvg == c->vgcap) {
			c->vgcap = c->vgcap ? c->vgcap * 2 : 32;
			c->vg = af_realloc(c->vg, c->vgcap * sizeof *c->vg);
		}
		struct vgroup *v = &c->vg[c->nvg];
		memset(v, 0, sizeof *v);
		v->head = bs;
		v->hend = be;
		v->form = best;
		v->subj = -1;
		v->mword = -1;
		v->speech = ev_flag(d->speech, d->speechcap, c->t[bs + (size_t)d->forms[best].head].id);
		/* the auxiliaries before it */
		size_t g = bs;
		int be_aux = 0;
		while (g > a && bs - g < 8) {
			const struct tok *p = &c->t[g - 1];
			int adv = p->kind == AF_TOK_WORD && (p->cls & W_ADV);
			size_t plen = c->toks.v[g - 1].end - c->toks.v[g - 1].start;
			if (!adv && p->kind == AF_TOK_WORD && !p->cls && p->chunk < 0 && p->verb < 0 && plen > 4 &&
			    !strncasecmp(c->text + c->toks.v[g - 1].end - 2, "ly", 2))
				adv = 1;
			if (p->cls & W_BE)
				be_aux = 1;
			if (p->cls & W_MODAL) {
				v->modal = 1;
				v->mword = p->id;
			}
			if (p->cls & W_NEG && !(p->cls & W_DET))
				v->negated = 1;
			if ((p->cls & W_AUX) && !(p->cls & W_BE))
				v->perfect = 1;
			if (p->cls & W_TO) {
				v->inf = 1;
				g--;
				/* "is about to", "going to": the group goes on */
				if (g > a && (word_is(c, g - 1, "ABOUT") || word_is(c, g - 1, "GOING")))
					g--;
				continue;
			}
			/* coordinated adverbs stay in the group: "was strongly and repeatedly condemned" */
			if (!adv && (p->cls & W_CONJ) && g < bs && g - 1 > a && is_adverb(c, g) &&
			    is_adverb(c, g - 2)) {
				g--;
				continue;
			}
			if (!(p->cls & (W_AUX | W_MODAL | W_NEG)) && !adv)
				break;
			if ((p->cls & W_DET) && (p->cls & W_NEG))
				break;
			g--;
		}
		v->a = g;
		v->be = be_aux;
		if (be_aux && (kind == VF_ED || kind == VF_IRR)) {
			const char *hw = d->w.words[c->t[bs + (size_t)d->forms[best].head].id];
			size_t hl = strlen(hw);
			if (!(hl > 3 && !strcmp(hw + hl - 3, "ING")))
				v->passive = 1;
		}
		/* "Rebuked by X, ...": a participle with a by-phrase */
		if (!be_aux && (kind == VF_ED || kind == VF_IRR) && be < b && (c->t[be].cls & W_BY)) {
			if (bs == a)
				v->passive = 1; /* "Rebuked by X, ..." */
			else if (g == bs && is_comma(c, bs - 1))
				v->reduced = 1; /* "..., led by X": describes, reports no event */
		}
		for (size_t k = bs; k < be; k++)
			c->t[k].verb = (int)c->nvg;
		c->nvg++;
	}
}

/* ---- patterns ---- */

struct pmatch {
	int src, tgt; /* chunk indices from $ / + markers, -1 */
	int compound;
	int score;
};

static int elem_word(const struct ev_pelem *e, int id)
{
	return id >= 0 && (id == e->word || id == e->plural[0] || id == e->plural[1] || id == e->plural[2]);
}

/* Does element e match at token i going forward? Returns the tokens consumed (0 = no). */
static size_t elem_at(const struct af_coder *c, const struct ev_pelem *e, size_t i, size_t b, int *chunk)
{
	const struct af_evdict *d = c->d;
	*chunk = -1;
	if (i >= b)
		return 0;
	switch (e->kind) {
	case PE_WORD:
		return elem_word(e, c->t[i].id) ? 1 : 0;
	case PE_SYN: {
		const struct ev_synset *s = &d->syns[e->syn];
		size_t best = 0;
		for (size_t k = 0; k < s->nalts; k++) {
			const struct ev_synalt *al = &s->alts[k];
			if (i + (size_t)al->nwords > b)
				continue;
			int ok = 1;
			for (int w = 0; w < al->nwords && ok; w++) {
				int id = c->t[i + (size_t)w].id;
				if (id == al->words[w])
					continue;
				if (w == al->nwords - 1 && id >= 0 && (id == al->plural[0]))
					continue;
				ok = 0;
			}
			if (ok && (size_t)al->nwords > best)
				best = (size_t)al->nwords;
		}
		return best;
	}
	case PE_SKIP:
		/* '^' skips a noun phrase: an actor, or a few plain words ("their ^ about") */
		if (!(c->t[i].chunk >= 0 && c->ch[c->t[i].chunk].a == i)) {
			size_t k = i;
			while (k < b && k < i + 4 && c->t[k].chunk < 0 && c->t[k].kind == AF_TOK_WORD && !c->t[k].cls &&
			       c->t[k].verb < 0)
				k++;
			return k - i;
		}
		/* fall through */
	case PE_SOURCE:
	case PE_TARGET:
	case PE_COMPOUND:
		if (c->t[i].chunk >= 0 && c->ch[c->t[i].chunk].a == i) {
			*chunk = c->t[i].chunk;
			const struct group *g = &c->gr[c->ch[*chunk].group];
			if (e->kind == PE_COMPOUND && g->n < 2)
				return 0;
			return c->ch[*chunk].b - i;
		}
		return 0;
	}
	return 0;
}

/* Match elements el[from..to) forward starting at or after pos (exactly at pos when glued),
 * within [pos, lim). */
static int match_fwd(const struct af_coder *c, const struct ev_pattern *p, size_t from, size_t to, size_t pos,
                     size_t lim, int glued, struct pmatch *m)
{
	if (from == to)
		return 1;
	const struct ev_pelem *e = &p->el[from];
	size_t last = glued ? pos + 1 : lim;
	for (size_t i = pos; i < last && i < lim; i++) {
		int ch;
		size_t n = elem_at(c, e, i, lim, &ch);
		if (!n || i + n > lim)
			continue;
		struct pmatch save = *m;
		if (e->kind == PE_TARGET)
			m->tgt = ch;
		else if (e->kind == PE_SOURCE)
			m->src = ch;
		else if (e->kind == PE_COMPOUND)
			m->compound = 1;
		if (match_fwd(c, p, from + 1, to, i + n, lim, e->glue, m))
			return 1;
		*m = save;
	}
	return 0;
}

/* Match elements el[from..to) backward: the last one ends at or before end (exactly when glued),
 * starting at or after lim. */
static int match_bwd(const struct af_coder *c, const struct ev_pattern *p, size_t from, size_t to, size_t end,
                     size_t lim, int glued, struct pmatch *m)
{
	if (from == to)
		return 1;
	const struct ev_pelem *e = &p->el[to - 1];
	for (size_t i = end; i-- > lim;) {
		int ch;
		size_t n = elem_at(c, e, i, end, &ch);
		if (!n || i + n > end) {
			if (glued && end - i > 8)
				break;
			continue;
		}
		if (glued && i + n != end)
			continue;
		struct pmatch save = *m;
		if (e->kind == PE_TARGET)
			m->tgt = ch;
		else if (e->kind == PE_SOURCE)
			m->src = ch;
		else if (e->kind == PE_COMPOUND)
			m->compound = 1;
		int g2 = to - 1 > from ? p->el[to - 2].glue : 0;
		if (match_bwd(c, p, from, to - 1, i, lim, g2, m))
			return 1;
		*m = save;
		if (glued)
			break;
	}
	return 0;
}

static const struct ev_pattern *best_pattern(struct af_coder *c, const struct vgroup *v, size_t a, size_t b,
                                             struct pmatch *out)
{
	const struct af_evdict *d = c->d;
	const struct ev_form *f = &d->forms[v->form];
	int headword = d->verbs[f->verb].words[d->verbs[f->verb].head];
	const struct ev_pattern *best = NULL;
	int bestorder = -1;
	size_t plim = v->a > a + PRE_WIN ? v->a - PRE_WIN : a;
	size_t qlim = v->hend + POST_WIN < b ? v->hend + POST_WIN : b;
	(void)headword;
	const int *blocks = c->vb + c->vboff[f->verb];
	int nblocks = c->vbn[f->verb];
	/* the words around the verb, for a quick rejection of patterns that cannot match */
	uint64_t seen[64] = {0};
	uint64_t wmask = 0;
	for (size_t i = plim; i < qlim; i++)
		if (c->t[i].id >= 0) {
			seen[(c->t[i].id >> 6) & 63] |= 1ull << (c->t[i].id & 63);
			wmask |= c->tokbits[c->t[i].id];
		}
#define SEEN(id) ((id) >= 0 && (seen[((id) >> 6) & 63] >> ((id) & 63) & 1))
	if (++c->stamp == 0) {
		memset(c->syntried, 0, (d->nsyns + 1) * sizeof *c->syntried);
		c->stamp = 1;
	}
	for (int bk = 0; bk < nblocks; bk++) {
		const struct ev_block *bl = &d->blocks[blocks[bk]];
		for (size_t pi = bl->pat0; pi < bl->pat0 + bl->npat; pi++) {
			const struct ev_pattern *p = &d->pats[pi];
			if (c->pmask[pi] & ~wmask)
				continue;
			if (best && (p->score < best->score || (p->score == best->score && bl->order <= bestorder)))
				continue;
			int possible = 1;
			for (size_t k = 0; k < p->nel && possible; k++) {
				const struct ev_pelem *e = &p->el[k];
				if (e->kind == PE_WORD && !SEEN(e->word) && !SEEN(e->plural[0]))
					possible = 0;
				else if (e->kind == PE_SYN) {
					/* a synset can match only when one of its members' first words is here */
					if (c->syntried[e->syn] != c->stamp) {
						const struct ev_synset *sy = &d->syns[e->syn];
						c->syntried[e->syn] = c->stamp;
						for (size_t q = 0; q < sy->nalts; q++) {
							const struct ev_synalt *al = &sy->alts[q];
							if (SEEN(al->words[0]) || (al->nwords == 1 && SEEN(al->plural[0]))) {
								c->synseen[e->syn] = c->stamp;
								break;
							}
						}
					}
					if (c->synseen[e->syn] != c->stamp)
						possible = 0;
				}
			}
			if (!possible)
				continue;
			struct pmatch m = {.src = -1, .tgt = -1};
			size_t vp = (size_t)p->verbpos;
			int preglue = vp > 0 && p->el[vp - 1].glue;
			if (!match_bwd(c, p, 0, vp, v->head, plim, preglue, &m))
				continue;
			if (!match_fwd(c, p, vp + 1, p->nel, v->hend, qlim, p->el[vp].glue, &m))
				continue;
			best = p;
			bestorder = bl->order;
			*out = m;
		}
	}
	return best;
}

/* The verb's block and codes (with the per-verb override). */
static void verb_codes(const struct af_coder *c, const struct vgroup *v, const char **code, const char **pcode)
{
	const struct af_evdict *d = c->d;
	const struct ev_form *f = &d->forms[v->form];
	const struct ev_verb *vb = &d->verbs[f->verb];
	int headword = vb->words[vb->head];
	*code = *pcode = "";
	if (vb->code[0] || vb->pcode[0]) {
		*code = vb->code;
		*pcode = vb->pcode;
		return;
	}
	const struct ev_block *bl = &d->blocks[vb->block];
	if (bl->code[0] || bl->pcode[0]) {
		*code = bl->code;
		*pcode = bl->pcode;
		return;
	}
	/* a block that only adds patterns: the code of the same verb in another dictionary */
	(void)headword;
	const int *blocks = c->vb + c->vboff[f->verb];
	for (int k = c->vbn[f->verb]; k-- > 0;) {
		const struct ev_block *ob = &d->blocks[blocks[k]];
		if (ob->code[0] || ob->pcode[0]) {
			*code = ob->code;
			*pcode = ob->pcode;
			return;
		}
	}
}

/* ---- subject and target ---- */

static int is_comma(const struct af_coder *c, size_t i)
{
	return c->t[i].kind == AF_TOK_PUNCT && c->text[c->toks.v[i].start] == ',';
}

/* Does token i open a subordinate clause when a subject and a finite verb follow it? */
static int subordinator(const struct af_coder *c, size_t i)
{
	static const char *const subs[] = {"AFTER", "BEFORE", "SINCE", "UNTIL", "WHEN", "WHILE", "BECAUSE",
	                                   "ALTHOUGH", "THOUGH", "UNLESS", "WHEREAS", NULL};
	for (int k = 0; subs[k]; k++)
		if (word_is(c, i, subs[k]))
			return 1;
	return 0;
}

/* The subject group of verb group vi, scanning left from its start. */
static int find_subject(struct af_coder *c, int vi, size_t a)
{
	struct vgroup *v = &c->vg[vi];
	size_t i = v->a;
	size_t lim = i > a + SUBJ_WIN ? i - SUBJ_WIN : a;
	/* "X, an ally of Y, has travelled": skip the apposition; "X, the agency said in a report,
	 * had joined": skip the attribution */
	if (i > a && is_comma(c, i - 1)) {
		size_t j = i - 1;
		int said = 0;
		while (j > lim && !is_comma(c, j - 1) && !c->t[j - 1].boundary &&
		       (c->t[j - 1].verb < 0 || (c->vg[c->t[j - 1].verb].speech && !said++)))
			j--;
		if (j > lim && is_comma(c, j - 1))
			i = j - 1;
	}
	int vp = c->t[v->head].paren;
	/* "... years after crowds attacked its embassy": a finite verb whose subject is a plain
	 * noun after a subordinating conjunction has a subject of its own, with no actor */
	if (!v->inf && (v->a < v->head || c->d->forms[v->form].kind != VF_ING)) {
		size_t j = i;
		int n = 0;
		while (j > lim && n < 2 && c->t[j - 1].kind == AF_TOK_WORD && !c->t[j - 1].cls &&
		       c->t[j - 1].chunk < 0 && c->t[j - 1].verb < 0 && !c->t[j - 1].pverb &&
		       (c->t[j - 1].flags & AF_TF_LOWER))
			j--, n++;
		while (n && j > lim && (c->t[j - 1].cls & W_DET) && !(c->t[j - 1].cls & W_WH))
			j--;
		if (n && j > lim && subordinator(c, j - 1))
			return -1;
	}
	while (i > lim) {
		size_t k = i - 1;
		const struct tok *t = &c->t[k];
		/* a parenthetical clause the verb is not in is skipped: "Pakistan, which backs X,
		 * condemned Y" */
		if (t->paren && t->paren != vp) {
			/* its antecedent is the subject's head: a plain noun there has no actor ("A
			 * collection of Iranian illustrations, which was displayed ..., will go") */
			if (is_comma(c, k) && (k == a || !c->t[k - 1].paren)) {
				const struct tok *h = &c->t[k - 1 > a ? k - 1 : a];
				if (k > a && h->chunk < 0 && h->kind == AF_TOK_WORD && !h->cls && h->verb < 0)
					return -1;
			}
			i = k;
			continue;
		}
		/* "the European Union (EU) agree": a bracketed aside is skipped */
		if (t->boundary && c->text[c->toks.v[k].start] == ')') {
			size_t j = k;
			while (j > lim && k - j < 8 && c->text[c->toks.v[j - 1].start] != '(')
				j--;
			if (j > lim && c->t[j - 1].boundary && c->text[c->toks.v[j - 1].start] == '(') {
				i = j - 1;
				continue;
			}
		}
		if (t->boundary)
			return -1;
		if (t->verb >= 0 && t->verb != vi) {
			const struct vgroup *pv = &c->vg[t->verb];
			/* coordinated ("X condemned ... and promised") or governing ("X vowed to ...") */
			if (pv->speech && !v->inf)
				return -1;
			return pv->subj;
		}
		if (t->chunk >= 0) {
			const struct chunk *ch = &c->ch[t->chunk];
			const struct group *g = &c->gr[ch->group];
			size_t s = chunk_text_start(c, &c->ch[g->members[0]], a);
			size_t before = s;
			while (before > a && (c->t[before - 1].cls & W_DET))
				before--;
			int absolute = before > a && word_is(c, before - 1, "WITH") && ch->b == v->a &&
			               c->d->forms[v->form].kind == VF_ING; /* "with their followers launching" */
			/* "the population of Gondor warned": the actor of the subject's head noun */
			if (before > a + 1 && word_is(c, before - 1, "OF") && g->b == v->a && modifier(c, before - 2) &&
			    (c->t[before - 2].flags & AF_TF_LOWER) && c->t[before - 2].chunk < 0)
				absolute = 1;
			/* "after Calenardhon (crowds) attacked Osgiliath": a subordinating AFTER, BEFORE,
			 * SINCE or UNTIL with a finite verb right after its noun phrase opens a clause, and
			 * that noun phrase is the clause's subject, not a prepositional object */
			if (!absolute && before > a && !v->inf && c->d->forms[v->form].kind != VF_ING &&
			    (word_is(c, before - 1, "AFTER") || word_is(c, before - 1, "BEFORE") ||
			     word_is(c, before - 1, "SINCE") || word_is(c, before - 1, "UNTIL"))) {
				size_t e = g->b;
				while (e < v->a && e < g->b + 2 && c->t[e].kind == AF_TOK_WORD && !c->t[e].cls &&
				       c->t[e].chunk < 0 && c->t[e].verb < 0)
					e++;
				if (e == v->a)
					absolute = 1;
			}
			if (!absolute && before > a && (c->t[before - 1].cls & (W_PREP | W_LINK | W_TO)) &&
			    !(c->t[before - 1].cls & W_WH)) {
				i = before - 1;
				continue;
			}
			/* "blocs opposing the Taliban have reached": the object of a participle that
			 * describes the subject is not the subject */
			if (before > a && c->t[before - 1].verb >= 0 && c->t[before - 1].verb != vi) {
				const struct vgroup *pv = &c->vg[c->t[before - 1].verb];
				if (c->d->forms[pv->form].kind == VF_ING && pv->a == pv->head && pv->hend == before &&
				    pv->subj >= 0)
					return pv->subj;
			}
			return ch->group;
		}
		i = k;
	}
	return -1;
}

/* Does verb group v start a new clause (its own subject before it, or a complementizer)? */
static int new_clause(const struct af_coder *c, const struct vgroup *v, size_t from)
{
	if (v->inf)
		return 0;
	if (v->a <= from)
		return 0;
	const struct tok *p = &c->t[v->a - 1];
	if (v->a < v->head)
		return 1; /* has auxiliaries: "was reported", "could be" */
	/* a participle after its noun modifies it: "the roads leading into Mordor" */
	if (c->d->forms[v->form].kind == VF_ING && p->kind == AF_TOK_WORD && !p->cls && p->chunk < 0)
		return 0;
	return p->chunk >= 0 || (p->cls & (W_WH | W_PRON)) ||
	       (p->kind == AF_TOK_WORD && (p->flags & AF_TF_LOWER) && !p->cls && !p->pverb && v->a >= from + 2 &&
	        (c->t[v->a - 2].cls & (W_DET | W_POSS)));
}

/* Is the chunk followed by a speech verb ("..., a senior official said")? */
static int is_speaker(const struct af_coder *c, const struct chunk *ch, size_t lim)
{
	for (size_t j = ch->b; j < lim && j < ch->b + 3; j++) {
		if (c->t[j].speech)
			return 1;
		if (!(c->t[j].cls & (W_AUX | W_ADV | W_MODAL)))
			return 0;
	}
	return 0;
}

/* Is group g the subject of a subordinate clause ("... with Gxndor, several years after
 * Calenardhon crowds burned down its embassy")? A subordinating conjunction before it (over
 * determiners) and a finite verb after it (over a noun or two and auxiliaries). The target
 * of a verb is never inside such a clause. */
static int clause_subject(const struct af_coder *c, int g, size_t from, size_t lim)
{
	const struct group *gr = &c->gr[g];
	size_t s = chunk_text_start(c, &c->ch[gr->members[0]], from);
	while (s > from && (c->t[s - 1].cls & W_DET) && !(c->t[s - 1].cls & W_WH))
		s--;
	if (s <= from)
		return 0;
	if (!subordinator(c, s - 1))
		return 0;
	size_t e = gr->b;
	int n = 0;
	while (e < lim && n < 2 && c->t[e].kind == AF_TOK_WORD && !c->t[e].cls && c->t[e].chunk < 0 &&
	       c->t[e].verb < 0 && (c->t[e].flags & AF_TF_LOWER))
		e++, n++;
	n = 0;
	while (e < lim && n < 4 && c->t[e].verb < 0 &&
	       ((c->t[e].cls & (W_AUX | W_MODAL | W_NEG)) || is_adverb(c, e)))
		e++, n++;
	if (e >= lim || c->t[e].verb < 0)
		return 0;
	const struct vgroup *v = &c->vg[c->t[e].verb];
	return !v->inf && (v->a < v->head || c->d->forms[v->form].kind != VF_ING);
}

/* The first group in [from, lim) (preceded by "by" when want_by), stopping at boundaries, speech
 * and verbs that start a new clause. */
/* Token i links a common noun before it to what follows as its topic or setting ("discussed
 * the latest developments in Afghanistan", "condemned the attack on worshippers"): an actor
 * after it is what the object is about, not the verb's target. */
static int topic_link(const struct af_coder *c, size_t i, size_t from)
{
	static const char *const links[] = {"IN", "ON", "ABOUT", "OVER", "INCLUDING", "REGARDING", "CONCERNING",
	                                    "AT", "DURING", "AMONG", "ACROSS", "INSIDE", "NEAR", "WITHIN",
	                                    "AMID", NULL};
	if (i <= from || c->t[i].kind != AF_TOK_WORD)
		return 0;
	int k;
	for (k = 0; links[k]; k++)
		if (word_is(c, i, links[k]))
			break;
	if (!links[k])
		return 0;
	const struct tok *n = &c->t[i - 1];
	return n->kind == AF_TOK_WORD && !n->cls && n->chunk < 0 && (n->flags & AF_TF_LOWER) && !is_adverb(c, i - 1);
}

static int find_after(struct af_coder *c, size_t from, size_t lim, int want_by, int skip_group)
{
	int vp = from > 0 ? c->t[from - 1].paren : 0;
	for (size_t i = from; i < lim; i++) {
		const struct tok *t = &c->t[i];
		if (t->boundary)
			return -1;
		/* a parenthetical clause ends the search, from inside or outside: an attribution
		 * ends its clause ("..., Ahmadinejad said, after holding talks with ...") */
		if (t->paren != vp)
			return -1;
		if (t->verb >= 0 && c->vg[t->verb].head == i && new_clause(c, &c->vg[t->verb], from))
			return -1;
		if (t->speech)
			return -1;
		if (c->news && !want_by && topic_link(c, i, from))
			return -1;
		if (t->chunk >= 0 && c->ch[t->chunk].a == i) {
			int g = c->ch[t->chunk].group;
			if (g == skip_group)
				continue;
			if (is_speaker(c, &c->ch[c->gr[g].members[c->gr[g].n - 1]], lim))
				return -1;
			if (clause_subject(c, g, from, lim))
				return -1;
			int by = i > from && (c->t[i - 1].cls & W_BY);
			if (i > from + 1 && (c->t[i - 1].cls & W_DET) && (c->t[i - 2].cls & W_BY))
				by = 1;
			if (want_by && !by)
				continue;
			return g;
		}
	}
	return -1;
}

/* Has verb group v a direct object: a noun phrase right after it ("fight terrorism", "plan
 * new pavilions"), not a preposition, an infinitive or the clause's end ("clashed on the
 * border", "agreed to expand trade")? */
static int has_object(const struct af_coder *c, const struct vgroup *v, size_t b)
{
	size_t k = v->hend;
	while (k < b && k < v->hend + 2 && c->t[k].verb < 0 && is_adverb(c, k))
		k++;
	if (k >= b)
		return 0;
	const struct tok *t = &c->t[k];
	if (!is_word(t) || (t->cls & (W_PREP | W_TO | W_CONJ | W_WH | W_TIME | W_AUX | W_MODAL)))
		return 0;
	return t->verb < 0;
}

/* ---- output ---- */

static json_t *actor_json(const struct af_coder *c, int chunk, const char *code)
{
	if (chunk < 0)
		return json_null();
	const struct chunk *ch = &c->ch[chunk];
	size_t s = ch->pron ? ch->a : chunk_text_start(c, ch, 0);
	const struct af_token *ta = &c->toks.v[s], *tb = &c->toks.v[ch->b - 1];
	json_t *o = json_object();
	json_object_set_new(o, "text", json_stringn(c->text + ta->start, tb->end - ta->start));
	json_object_set_new(o, "start", json_integer((json_int_t)ta->cstart));
	json_object_set_new(o, "end", json_integer((json_int_t)tb->cend));
	json_object_set_new(o, "actor", code && code[0] ? json_string(code) : json_null());
	if (ch->canonical)
		json_object_set_new(o, "canonical", json_string(ch->canonical));
	else
		json_object_set_new(o, "canonical", json_stringn(c->text + ta->start, tb->end - ta->start));
	return o;
}

static int valid_cameo(const char *code)
{
	size_t n = strlen(code);
	if (n < 2 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)code[i]))
			return 0;
	return 1;
}

struct emit {
	json_t *events;
	int sentence;
	const char *date;
	const char *date_source; /* "text", "published", "dateline" */
	size_t nev;
	int symmetric; /* a compound subject's joint act, coded both ways */
};

static void emit_event(struct af_coder *c, struct emit *em, const struct vgroup *v, const char *code, int src,
                       const char *scode, int tgt, const char *tcode, int reported, int speaker)
{
	if (em->nev >= MAX_EVENTS)
		return;
	/* an actor does not act on itself under the same name, in two mentions: "Russia, China
	 * agree ... Iran, China and Russia" is no event of Russia's with Russia (one plural
	 * mention acting with itself, "three blocs have reached an agreement", is) */
	if (src >= 0 && tgt >= 0 && src != tgt && scode && tcode && scode[0] && !strcmp(scode, tcode)) {
		const struct chunk *x = &c->ch[src], *y = &c->ch[tgt];
		size_t xs = x->pron ? x->a : chunk_text_start(c, x, 0), ys = y->pron ? y->a : chunk_text_start(c, y, 0);
		size_t xa = c->toks.v[xs].start, xb = c->toks.v[x->b - 1].end;
		size_t ya = c->toks.v[ys].start, yb = c->toks.v[y->b - 1].end;
		if (xb - xa == yb - ya && !strncasecmp(c->text + xa, c->text + ya, xb - xa))
			return;
	}
	/* one person under two mentions ("I assured him ..., he tweeted") does not act on itself */
	if (c->news && src >= 0 && tgt >= 0 && c->ch[src].canonical && c->ch[tgt].canonical &&
	    (c->ch[src].pron || c->ch[tgt].pron) && !strcmp(c->ch[src].canonical, c->ch[tgt].canonical))
		return;
	/* no duplicates */
	size_t n = json_array_size(em->events);
	for (size_t i = n > 64 ? n - 64 : 0; i < n; i++) {
		json_t *e = json_array_get(em->events, i);
		if (json_integer_value(json_object_get(e, "sentence")) != em->sentence)
			continue;
		if (strcmp(json_string_value(json_object_get(e, "code")), code))
			continue;
		json_t *s = json_object_get(e, "source"), *t = json_object_get(e, "target");
		const char *sa = json_is_object(s) ? json_string_value(json_object_get(s, "actor")) : NULL;
		const char *ta = json_is_object(t) ? json_string_value(json_object_get(t, "actor")) : NULL;
		if (!sa != !(scode && scode[0]) || !ta != !(tcode && tcode[0]))
			continue;
		if ((!sa || !strcmp(sa, scode)) && (!ta || !strcmp(ta, tcode)))
			return;
	}
	/* hosting refugees is giving them asylum (075), not hosting a visit (043) */
	if (c->news && !strcmp(code, "043") && tcode && strlen(tcode) >= 6 && !strcmp(tcode + strlen(tcode) - 3, "REF"))
		code = "075";
	json_t *e = json_object();
	json_object_set_new(e, "code", json_string(code));
	char root[3] = {code[0], code[1] ? code[1] : 0, 0};
	json_object_set_new(e, "root", json_string(root));
	const struct af_cameo *cm = valid_cameo(code) ? af_cameo_find(code) : NULL;
	json_object_set_new(e, "label", cm ? json_string(cm->label) : json_null());
	json_object_set_new(e, "quad", cm ? json_integer(cm->quad) : json_null());
	json_object_set_new(e, "goldstein", cm ? json_real(cm->goldstein) : json_null());
	json_object_set_new(e, "plover", cm && cm->plover ? json_string(cm->plover) : json_null());
	json_object_set_new(e, "source", actor_json(c, src, scode));
	json_object_set_new(e, "target", actor_json(c, tgt, tcode));
	json_object_set_new(e, "date", em->date ? json_string(em->date) : json_null());
	json_object_set_new(e, "date_source", em->date_source ? json_string(em->date_source) : json_null());
	json_object_set_new(e, "location", json_null());
	json_object_set_new(e, "sentence", json_integer(em->sentence));
	const struct af_token *ta = &c->toks.v[v->a], *tb = &c->toks.v[v->hend - 1];
	size_t tend = tb->end, tcend = tb->cend;
	if (v->passive && v->hend < c->toks.n && c->t[v->hend].cls & W_BY) {
		tend = c->toks.v[v->hend].end;
		tcend = c->toks.v[v->hend].cend;
	}
	json_object_set_new(e, "trigger", json_stringn(c->text + ta->start, tend - ta->start));
	json_object_set_new(e, "trigger_start", json_integer((json_int_t)ta->cstart));
	json_object_set_new(e, "trigger_end", json_integer((json_int_t)tcend));
	json_object_set_new(e, "negated", json_boolean(v->negated));
	json_object_set_new(e, "hypothetical", json_boolean(v->modal));
	json_object_set_new(e, "reported", json_boolean(reported));
	json_object_set_new(e, "symmetric", json_boolean(em->symmetric));
	if (reported && speaker >= 0)
		json_object_set_new(e, "speaker", actor_json(c, speaker, c->ch[speaker].code));
	json_array_append_new(em->events, e);
	em->nev++;
}

/* Members of group g: (chunk, code) pairs, "A/B" actors expanded. */
static int members(const struct af_coder *c, int g, int *chunks, const char **codes, int max)
{
	int n = 0;
	if (g < 0) {
		chunks[0] = -1;
		codes[0] = NULL;
		return 1;
	}
	const struct group *gr = &c->gr[g];
	for (int i = 0; i < gr->n && n < max; i++) {
		const struct chunk *ch = &c->ch[gr->members[i]];
		chunks[n] = gr->members[i];
		codes[n++] = ch->code;
		for (int p = 0; p < ch->npartial && n < max; p++) {
			chunks[n] = gr->members[i];
			codes[n++] = ch->partial[p];
		}
	}
	return n;
}

/* A member with an actor code of its own (not only an agent's "---ROLE"). */
static int group_has_real(const struct af_coder *c, int g)
{
	if (g < 0)
		return 0;
	for (int i = 0; i < c->gr[g].n; i++) {
		const char *k = c->ch[c->gr[g].members[i]].code;
		if (k[0] && strncmp(k, "---", 3))
			return 1;
	}
	return 0;
}

static int group_has_code(const struct af_coder *c, int g)
{
	if (g < 0)
		return 0;
	for (int i = 0; i < c->gr[g].n; i++)
		if (c->ch[c->gr[g].members[i]].code[0])
			return 1;
	return 0;
}

/* The subject before token pos: of the nearest verb group, or the nearest actor group. */
static int subject_before(const struct af_coder *c, size_t pos, size_t a)
{
	for (size_t k = pos; k-- > a && pos - k < SUBJ_WIN;) {
		if (c->t[k].boundary)
			break;
		if (c->t[k].verb >= 0)
			return c->vg[c->t[k].verb].subj;
		if (c->t[k].chunk >= 0)
			return c->ch[c->t[k].chunk].group;
	}
	return -1;
}

/* Is group g one plural noun phrase ("three major political blocs")? */
static int plural_group(const struct af_coder *c, int g)
{
	const struct chunk *ch = &c->ch[c->gr[g].members[0]];
	const struct af_token *k = &c->toks.v[ch->b - 1];
	const struct tok *t = &c->t[ch->b - 1];
	return !ch->person && (t->flags & AF_TF_LOWER) && k->end - k->start > 3 &&
	       (c->text[k->end - 1] == 's' || c->text[k->end - 1] == 'S');
}

/* The speaker of events in s[a, b) governed by a speech verb: its subject, or the chunk after
 * it ("..., said the minister"), or "according to X". -1 when none. */
static int speaker_of(struct af_coder *c, int vi, size_t b)
{
	struct vgroup *v = &c->vg[vi];
	if (v->subj >= 0)
		return c->gr[v->subj].members[0];
	int g = find_after(c, v->hend, v->hend + 6 < b ? v->hend + 6 : b, 0, -1);
	return g >= 0 ? c->gr[g].members[0] : -1;
}

/* Pronoun chunks: "he", "she" referring to the last person named. */
static void add_pronouns(struct af_coder *c, size_t a, size_t b)
{
	if (!c->last_person_canon)
		return;
	for (size_t i = a; i < b; i++) {
		if (c->t[i].chunk >= 0 || !ev_flag(c->d->pronoun, c->d->pronouncap, c->t[i].id))
			continue;
		int ci = new_chunk(c, i, i + 1);
		struct chunk *ch = &c->ch[ci];
		snprintf(ch->code, sizeof ch->code, "%s", c->last_person_code);
		ch->canonical = c->last_person_canon;
		ch->person = 1;
		ch->pron = 1;
		c->t[i].chunk = ci;
	}
}

static int cmp_chunk(const void *x, const void *y)
{
	const struct chunk *p = x, *q = y;
	return p->a < q->a ? -1 : p->a > q->a;
}

/* The first of the entities (in text order, as af-entities writes them: c->ents_sorted)
 * that starts at code point cs or later. */
static size_t first_entity(const struct af_mentions *ents, size_t cs)
{
	size_t lo = 0, hi = ents->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ents->v[mid].cstart < cs)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Entities not covered by an actor phrase become chunks without a code. */
static void add_entities(struct af_coder *c, const struct af_mentions *ents, size_t a, size_t b)
{
	if (!ents || a >= b)
		return;
	size_t ca = c->toks.v[a].cstart, cb = c->toks.v[b - 1].cend;
	for (size_t i = c->ents_sorted ? first_entity(ents, ca) : 0; i < ents->n; i++) {
		const struct af_mention *e = &ents->v[i];
		if (c->ents_sorted && e->cstart >= cb)
			break; /* in text order: the rest start after the sentence */
		if (e->type != AF_E_PERSON && e->type != AF_E_ORG && e->type != AF_E_NORP)
			continue;
		size_t es = e->cstart, ee = e->cend;
		if (es < ca || ee > cb || es >= ee)
			continue;
		size_t ta = b, tb = a;
		for (size_t k = a; k < b; k++) {
			if (c->toks.v[k].cstart >= es && c->toks.v[k].cend <= ee) {
				if (ta == b)
					ta = k;
				tb = k + 1;
			}
		}
		if (ta >= tb || ta < c->dl_end)
			continue;
		const char *canon = e->canonical;
		const char *ecode = e->code;
		if (ecode && (!ecode[0] || strlen(ecode) >= sizeof c->ch[0].code))
			ecode = NULL;
		int covered = -1;
		for (size_t k = ta; k < tb; k++)
			if (c->t[k].chunk >= 0)
				covered = c->t[k].chunk;
		if (covered >= 0) {
			struct chunk *ch = &c->ch[covered];
			/* the chunk is a fragment of the entity's name ("Abdullah" of "Abdullah Abdullah"):
			 * the entity layer's code, or none (a fragment's dictionary code is another
			 * person's); the whole name keeps the dictionary's code, which follows the date
			 * (the Taliban), else takes the entity's; a chunk wider than the name ("Pakistan's
			 * Prime Minister Imran Khan") keeps its own code unless it has none */
			if (ch->a >= ta && ch->b <= tb && (ch->a > ta || ch->b < tb)) {
				snprintf(ch->code, sizeof ch->code, "%s", ecode ? ecode : "");
				snprintf(ch->base, sizeof ch->base, "%s", ecode ? ecode : "");
				ch->npartial = 0;
				ch->nag = 0;
				for (size_t k = ta; k < tb; k++)
					c->t[k].chunk = covered;
				ch->a = ta;
				ch->b = tb;
			} else if (!ch->code[0] && ecode) {
				snprintf(ch->code, sizeof ch->code, "%s", ecode);
				snprintf(ch->base, sizeof ch->base, "%s", ecode);
			}
			if (e->type == AF_E_PERSON && canon && !ch->owned) {
				ch->owned = af_strdup(canon);
				ch->canonical = ch->owned;
				ch->person = 1;
			}
			continue;
		}
		int verbish = 0;
		for (size_t k = ta; k < tb; k++)
			if (c->t[k].verb >= 0)
				verbish = 1;
		if (verbish)
			continue;
		/* a title before the name is the same actor: "Turkish Foreign Minister Mevlüt Çavusoglu",
		 * "his Turkish counterpart Mevlüt Çavusoglu" */
		if (e->type == AF_E_PERSON && c->news) {
			size_t j = ta;
			while (j > a && ta - j < 3 && c->t[j - 1].chunk < 0 && modifier(c, j - 1) &&
			       (c->t[j - 1].flags & AF_TF_LOWER))
				j--;
			int prev = j > a ? c->t[j - 1].chunk : -1;
			if (prev >= 0 && c->ch[prev].b == j && !c->ch[prev].person && c->ch[prev].code[0]) {
				struct chunk *ch = &c->ch[prev];
				for (size_t k = j; k < tb; k++)
					c->t[k].chunk = prev;
				ch->b = tb;
				ch->person = 1;
				if (canon) {
					free(ch->owned);
					ch->owned = af_strdup(canon);
					ch->canonical = ch->owned;
				}
				continue;
			}
		}
		int ci = new_chunk(c, ta, tb);
		struct chunk *ch = &c->ch[ci];
		if (canon) {
			ch->owned = af_strdup(canon);
			ch->canonical = ch->owned;
		}
		if (ecode) {
			snprintf(ch->code, sizeof ch->code, "%s", ecode);
			snprintf(ch->base, sizeof ch->base, "%s", ecode);
		}
		ch->person = e->type == AF_E_PERSON;
		for (size_t k = ta; k < tb; k++)
			c->t[k].chunk = ci;
	}
}

/* ---- location ---- */

struct place {
	size_t a, b;  /* the place's words */
	char code[8]; /* a country code from the actor dictionaries, "" */
};

static int is_place_noun(const struct af_coder *c, size_t i)
{
	static const char *const nouns[] = {"PROVINCE", "PROVINCES", "CITY", "DISTRICT", "REGION", "VALLEY",
	                                    "TOWN", "VILLAGE", "AREA", "CAPITAL", "BORDER", "COUNTY", "STATE",
	                                    "GOVERNORATE", "PREFECTURE", "PASS", NULL};
	for (int k = 0; nouns[k]; k++)
		if (word_is(c, i, nouns[k]))
			return 1;
	return 0;
}

/* Is the entity at token i (from the record's entities) a place? */
static int entity_loc(const struct af_coder *c, const struct af_mentions *ents, size_t i, size_t *end)
{
	if (!ents)
		return 0;
	size_t cs = c->toks.v[i].cstart;
	for (size_t k = c->ents_sorted ? first_entity(ents, cs) : 0; k < ents->n; k++) {
		const struct af_mention *e = &ents->v[k];
		if (c->ents_sorted && e->cstart > cs)
			break;
		if (e->type != AF_E_LOC || e->cstart != cs)
			continue;
		size_t ce = e->cend, j = i;
		while (j < c->toks.n && c->toks.v[j].cend <= ce)
			j++;
		*end = j;
		return j > i;
	}
	return 0;
}

/* Places the sentence s[a, b) states: "in Kabul", "in Helmand province", "near the Pakistan
 * border", "at Bagram" - a place preposition, then a place from the actor dictionaries (a
 * country code), a LOC entity, or capitalised words followed by a place noun. */
static size_t find_places(struct af_coder *c, size_t a, size_t b, const struct af_mentions *ents,
                          struct place *out, size_t max)
{
	size_t n = 0;
	for (size_t i = a; i + 1 < b && n < max; i++) {
		if (c->t[i].kind != AF_TOK_WORD || !(c->t[i + 1].flags & AF_TF_CAP || word_is(c, i + 1, "THE")))
			continue;
		if (!(word_is(c, i, "IN") || word_is(c, i, "AT") || word_is(c, i, "NEAR") || word_is(c, i, "OUTSIDE") ||
		      word_is(c, i, "INSIDE") || word_is(c, i, "ACROSS") || word_is(c, i, "THROUGHOUT")))
			continue;
		size_t j = i + 1;
		if (j < b && word_is(c, j, "THE"))
			j++;
		if (j >= b || c->t[j].kind != AF_TOK_WORD || !(c->toks.v[j].end > c->toks.v[j].start) ||
		    !(c->t[j].flags & AF_TF_CAP) || (c->t[j].cls & (W_TIME | W_PRON | W_DET)))
			continue;
		struct place pl = {.a = j, .b = j};
		size_t e;
		int actor, agent;
		size_t pn = match_phrase(c, j, b, &actor, &agent);
		if (pn && actor >= 0) {
			/* a dictionary actor: a place when its code is a bare country code */
			const char *code = actor_code(c, &c->d->actors[actor]);
			if (!code || strlen(code) != 3 || !isupper((unsigned char)code[0]) || !strncmp(code, "IGO", 3) ||
			    !strncmp(code, "NGO", 3))
				continue;
			pl.b = j + pn;
			memcpy(pl.code, code, 4);
		} else if (entity_loc(c, ents, j, &e) && e <= b) {
			pl.b = e;
		} else {
			size_t k = j;
			while (k < b && k < j + 4 && c->t[k].kind == AF_TOK_WORD && (c->t[k].flags & AF_TF_CAP) &&
			       !c->t[k].cls && c->t[k].chunk < 0)
				k++;
			if (k == j || k >= b || !is_place_noun(c, k))
				continue;
			pl.b = k;
		}
		/* "Helmand province", "Kabul city": the place noun belongs to it */
		if (pl.b < b && is_place_noun(c, pl.b) && (c->t[pl.b].flags & AF_TF_LOWER))
			pl.b++;
		else if (pl.b < b && is_place_noun(c, pl.b))
			pl.b++;
		out[n++] = pl;
		i = pl.b - 1;
	}
	return n;
}

static json_t *place_json(const struct af_coder *c, const struct place *p)
{
	const struct af_token *ta = &c->toks.v[p->a], *tb = &c->toks.v[p->b - 1];
	json_t *o = json_object();
	json_object_set_new(o, "text", json_stringn(c->text + ta->start, tb->end - ta->start));
	json_object_set_new(o, "start", json_integer((json_int_t)ta->cstart));
	json_object_set_new(o, "end", json_integer((json_int_t)tb->cend));
	json_object_set_new(o, "country", p->code[0] ? json_string(p->code) : json_null());
	return o;
}

/* Does a finite verb group start at token i (over an adverb or two)? */
static int finite_at(const struct af_coder *c, size_t i, size_t b)
{
	int n = 0;
	while (i < b && n < 2 && c->t[i].verb < 0 && is_adverb(c, i))
		i++, n++;
	if (i >= b)
		return 0;
	if (c->t[i].cls & (W_AUX | W_MODAL))
		return 1;
	if (c->t[i].verb < 0)
		return 0;
	const struct vgroup *v = &c->vg[c->t[i].verb];
	int kind = c->d->forms[v->form].kind;
	return v->a == i && (kind == VF_ED || kind == VF_S || kind == VF_IRR);
}

/* Parenthetical clauses between two commas, which the subject and target searches of the
 * verbs outside them pass over (TABARI deletes short comma-delimited clauses for the same end):
 * a non-restrictive relative clause ("Pakistan, which has long backed the Taliban, condemned
 * Iran"), an attribution ("Russia, Iranian officials said, attacked Ukraine"; "according to
 * X") and a hedge ("it seems"). Lists and appositions are left to the compound rules. */
static void mark_parens(struct af_coder *c, size_t a, size_t b)
{
	int pid = 0;
	for (size_t i = a; i < b; i++)
		c->t[i].paren = 0;
	for (size_t i = a; i + 2 < b; i++) {
		if (!is_comma(c, i))
			continue;
		size_t j = i + 1, f = i + 1;
		int words = 0, speech = 0;
		while (j < b && !is_comma(c, j) && !c->t[j].boundary && words <= PAREN_MAX) {
			if (is_word(&c->t[j]))
				words++;
			if (c->t[j].speech)
				speech++;
			j++;
		}
		if (j >= b || !is_comma(c, j) || !words || words > PAREN_MAX || !is_word(&c->t[f]))
			continue;
		/* a relative clause closes where the main clause's finite verb goes on */
		int rel = word_is(c, f, "WHO") || word_is(c, f, "WHICH") || word_is(c, f, "WHOSE") ||
		          word_is(c, f, "WHOM") || word_is(c, f, "WHERE");
		int hedge = words <= 3 && f + 1 < j && word_is(c, f, "IT") &&
		            (word_is(c, f + 1, "SEEMS") || word_is(c, f + 1, "SEEMED") ||
		             word_is(c, f + 1, "APPEARS") || word_is(c, f + 1, "APPEARED"));
		/* "officials said", "he told reporters", "said the minister", "according to X"; not
		 * a predicate of the main clause ("..., meanwhile, announced new measures,") */
		int attrib = 0;
		if (speech && words <= 6 && !(j + 1 < b && (c->t[j + 1].kind == AF_TOK_QUOTE_OPEN ||
		                                             c->t[j + 1].kind == AF_TOK_QUOTE))) {
			if (word_is(c, f, "ACCORDING"))
				attrib = 1;
			else if (c->t[f].speech)
				/* "said the minister" */
				attrib = f + 1 < j && ((c->t[f + 1].cls & W_DET) || c->t[f + 1].chunk >= 0 ||
				                       (c->t[f + 1].flags & AF_TF_CAP));
			else {
				/* "officials said", "he said on Tuesday", "it told AFP": what follows the
				 * speech verb is no object or clause ("the Leader said the West, led by") */
				size_t k = f;
				while (k < j && !c->t[k].speech)
					k++;
				k++;
				attrib = k >= j || (c->t[k].cls & (W_PREP | W_TIME | W_TO)) ||
				         (k + 1 == j && (c->t[k].chunk >= 0 || (c->t[k].flags & AF_TF_CAP)));
			}
		}
		/* an aside between a subject and its verb: the main clause's finite verb follows */
		if ((!rel && !hedge && !attrib) || !finite_at(c, j + 1, b))
			continue;
		pid++;
		for (size_t k = i; k < j; k++)
			c->t[k].paren = pid;
		i = j - 1; /* the closing comma may open the next clause */
	}
}

/* Codes one sentence s[a, b). */
/* ---- is it an event? (the news conventions) ---- */

/* Codes whose act two parties do together whatever the verb's object ("X and Y discussed
 * the situation", "signed an agreement"): consult, negotiate, sign. */
static int joint_code(const char *code)
{
	return !strcmp(code, "040") || !strcmp(code, "041") || !strcmp(code, "046") || !strcmp(code, "057") ||
	       !strcmp(code, "030") || !strcmp(code, "036");
}


/* A question ("...?") or an interviewer's line ("Q: ...", "Q. ..."): reports no event. */
static int question(const struct af_coder *c, size_t a, size_t b)
{
	size_t e = b;
	while (e > a && c->t[e - 1].kind != AF_TOK_WORD && c->t[e - 1].kind != AF_TOK_NUMBER &&
	       c->t[e - 1].kind != AF_TOK_PUNCT)
		e--;
	if (e > a && c->text[c->toks.v[e - 1].start] == '?')
		return 1;
	for (size_t i = a; i + 1 < b && i < a + 12; i++)
		if (c->toks.v[i].end - c->toks.v[i].start == 1 && c->text[c->toks.v[i].start] == 'Q' &&
		    (c->text[c->toks.v[i + 1].start] == ':' || c->text[c->toks.v[i].end] == '.'))
			return 1;
	return 0;
}

/* The verb group's clause starts with a conditional ("if", "unless") or is a "whether" clause. */
static int conditional(const struct af_coder *c, const struct vgroup *v, size_t a)
{
	for (size_t k = v->a; k-- > a && v->a - k < SUBJ_WIN;) {
		if (c->t[k].boundary || is_comma(c, k) || c->t[k].verb >= 0)
			return 0;
		if (word_is(c, k, "IF") || word_is(c, k, "UNLESS") || word_is(c, k, "WHETHER"))
			return 1;
	}
	return 0;
}

/* Is verb group v's act, coded `code` with target group tg, an event a news coder would list?
 * Capabilities, obligations and counterfactuals (can, could, would, should, must) and
 * conditionals are not ("may", "might" are, flagged hypothetical); a statement (01x) is one only when a pattern names
 * its subject matter and a target actor stands after a preposition ("spoke about Iran"). */
static int news_event(const struct af_coder *c, const struct vgroup *v, const struct ev_pattern *p,
                      const char *code, int tg, size_t a)
{
	if (v->mword >= 0) {
		static const char *const weak[] = {"CAN", "CA", "COULD", "WOULD", "SHOULD", "MUST", NULL};
		for (int k = 0; weak[k]; k++)
			if (word_is(c, v->a, weak[k]) || ev_wtab_get(&c->d->w, weak[k], strlen(weak[k])) == v->mword)
				return 0;
	}
	if (conditional(c, v, a))
		return 0;
	/* a participle with no "be" heads a modifier or adverbial clause ("the soldiers fighting
	 * in Afghanistan", "..., paying compensation"): background, not the sentence's report */
	if (c->d->forms[v->form].kind == VF_ING && !v->be)
		return 0;
	/* an infinitive no coded verb governs is a purpose or plan ("an opportunity to exchange
	 * views", "refused to meet"): not an act */
	if (v->inf) {
		int future = 0; /* "is going to", "is about to" */
		for (size_t k = v->a; k < v->head; k++)
			future |= word_is(c, k, "GOING") || word_is(c, k, "ABOUT");
		if (!future)
			return 0;
	}
	if (code[0] == '0' && code[1] == '1') {
		if (p && p->score > 0 && tg < 0 && v->passive)
			return 1; /* "the joint statement was released": made public, by its pattern */
		if (!(p && p->score > 0) || tg < 0)
			return 0;
		size_t t0 = c->gr[tg].a;
		if (t0 == 0 || !(c->t[t0 - 1].cls & (W_PREP | W_TO)) || t0 < v->hend)
			return 0;
	}
	return 1;
}

/* ---- nominal events: "in a meeting with X", "talks between X and Y" ---- */

static const struct {
	const char *noun;
	const char *code;
} nominal[] = {
	{"MEETING", "040"}, {"MEETINGS", "040"}, {"TALKS", "040"}, {"CONVERSATION", "040"},
	{"DISCUSSIONS", "040"}, {"CONSULTATIONS", "040"}, {"NEGOTIATIONS", "046"}, {"VISIT", "042"},
	{"AGREEMENT", "057"}, {"ACCORD", "057"}, {"DEAL", "057"}, {"TREATY", "057"},
};

/* Acts named by a noun whose actor stands before it and whose target follows a preposition:
 * "the Soviet invasion of Afghanistan", "U.S. sanctions against Iran", "the withdrawal of U.S.
 * troops from Afghanistan" (the actor after "of", the target after "from"). */
static const struct {
	const char *noun, *prep, *code;
} acts[] = {
	{"INVASION", "OF", "192"}, {"OCCUPATION", "OF", "192"}, {"SANCTIONS", "AGAINST", "163"},
	{"SANCTIONS", "ON", "163"}, {"ATTACK", "ON", "190"}, {"ATTACKS", "ON", "190"},
	{"ATTACK", "AGAINST", "190"}, {"ATTACKS", "AGAINST", "190"}, {"WITHDRAWAL", "FROM", "0874"},
};

/* Is there an event of this root between these actor codes in the sentence already? */
static int have_event(json_t *events, size_t from, const char *code, const char *s, const char *t)
{
	for (size_t i = from; i < json_array_size(events); i++) {
		json_t *e = json_array_get(events, i);
		const char *ec = json_string_value(json_object_get(e, "code"));
		json_t *es = json_object_get(e, "source"), *et = json_object_get(e, "target");
		const char *sa = json_is_object(es) ? json_string_value(json_object_get(es, "actor")) : NULL;
		const char *ta = json_is_object(et) ? json_string_value(json_object_get(et, "actor")) : NULL;
		if (ec && !strncmp(ec, code, 2) && sa && ta && !strcmp(sa, s) && !strcmp(ta, t))
			return 1;
	}
	return 0;
}

/* The clause subject a noun at i belongs to: the subject of the verb before it in its clause,
 * else of the first verb after it ("In a meeting with X, the minister said"). */
static int nominal_subject(const struct af_coder *c, size_t i, size_t a, size_t b)
{
	for (size_t k = i; k-- > a && i - k < SUBJ_WIN;) {
		if (c->t[k].boundary)
			break;
		if (c->t[k].verb >= 0 && c->vg[c->t[k].verb].head == k)
			return c->vg[c->t[k].verb].passive ? -1 : c->vg[c->t[k].verb].subj;
	}
	for (size_t k = i; k < b && k - i < SUBJ_WIN; k++) {
		if (c->t[k].boundary)
			break;
		if (c->t[k].verb >= 0 && c->vg[c->t[k].verb].head == k)
			return c->vg[c->t[k].verb].passive ? -1 : c->vg[c->t[k].verb].subj;
	}
	return -1;
}

/* The chunk starting at or just after k (over determiners and modifiers), -1. */
static int chunk_near(const struct af_coder *c, size_t k, size_t b)
{
	size_t e = k + 4;
	while (k < b && k < e && c->t[k].chunk < 0 && (c->t[k].cls & W_DET || modifier(c, k)))
		k++;
	return k < b && c->t[k].chunk >= 0 && c->ch[c->t[k].chunk].a == k ? c->t[k].chunk : -1;
}

/* An act named by the noun at i (acts[]): its actor the chunk before it ("U.S. sanctions",
 * "Iran's invasion") or after "of" ("the withdrawal of U.S. troops from"), its target after
 * the act's preposition. 1 when the noun is one of them. */
static int code_act(struct af_coder *c, size_t i, size_t a, size_t b, int sidx, json_t *events, size_t first)
{
	size_t n;
	for (n = 0; n < sizeof acts / sizeof acts[0]; n++)
		if (word_is(c, i, acts[n].noun))
			break;
	if (n == sizeof acts / sizeof acts[0])
		return 0;
	int src = -1, tgt = -1;
	size_t k = i;
	while (k > a && i - k < 3 && c->t[k - 1].chunk < 0 && modifier(c, k - 1))
		k--;
	if (k > a && (c->t[k - 1].cls & W_POSS))
		k--;
	if (k > a && c->t[k - 1].chunk >= 0)
		src = c->t[k - 1].chunk;
	size_t j = i + 1;
	if (src < 0 && j < b && word_is(c, j, "OF") && strcmp(acts[n].prep, "OF")) {
		src = chunk_near(c, j + 1, b);
		j = src >= 0 ? c->ch[src].b : b;
	}
	for (size_t q = 0; q < sizeof acts / sizeof acts[0]; q++)
		if (j < b && !strcmp(acts[q].noun, acts[n].noun) && word_is(c, j, acts[q].prep)) {
			tgt = chunk_near(c, j + 1, b);
			n = q;
			break;
		}
	if (src < 0 || tgt < 0 || !c->ch[src].code[0] || !c->ch[tgt].code[0] || !strcmp(c->ch[src].code, c->ch[tgt].code))
		return 1;
	/* the object of a coded verb is what that verb is about ("called for the withdrawal of") */
	for (size_t q = k; q-- > a && k - q < 8;) {
		if (c->t[q].boundary)
			break;
		if (c->t[q].verb >= 0) {
			if (c->vg[c->t[q].verb].coded)
				return 1;
			break;
		}
	}
	if (have_event(events, first, acts[n].code, c->ch[src].code, c->ch[tgt].code))
		return 1;
	struct vgroup v = {.head = i, .hend = i + 1, .a = i, .subj = -1, .mword = -1};
	struct emit em = {.events = events, .sentence = sidx};
	emit_event(c, &em, &v, acts[n].code, src, c->ch[src].code, tgt, c->ch[tgt].code, 0, -1);
	return 1;
}

/* Events named by a noun and its participants: "N with X" (the clause's subject meets X),
 * "N between X and Y" (each with the other, symmetric), "visit to X". */
static void code_nominal(struct af_coder *c, size_t a, size_t b, int sidx, json_t *events)
{
	size_t first = json_array_size(events);
	while (first > 0 &&
	       json_integer_value(json_object_get(json_array_get(events, first - 1), "sentence")) == sidx)
		first--;
	for (size_t i = a; i + 2 < b; i++) {
		if (c->t[i].kind != AF_TOK_WORD || c->t[i].chunk >= 0 || (c->t[i].verb >= 0 && c->vg[c->t[i].verb].head == i &&
		                                                          !verb_is_noun(c, i, a, c->d->forms[c->vg[c->t[i].verb].form].kind)))
			continue;
		if (code_act(c, i, a, b, sidx, events, first))
			continue;
		size_t n;
		for (n = 0; n < sizeof nominal / sizeof nominal[0]; n++)
			if (word_is(c, i, nominal[n].noun))
				break;
		if (n == sizeof nominal / sizeof nominal[0])
			continue;
		const char *code = nominal[n].code;
		int between = word_is(c, i + 1, "BETWEEN");
		if (!between && !word_is(c, i + 1, "WITH") && !(code[2] == '2' && word_is(c, i + 1, "TO")))
			continue;
		size_t k = i + 2;
		while (k < b && k < i + 5 && c->t[k].chunk < 0 && (c->t[k].cls & W_DET || modifier(c, k)))
			k++;
		if (k >= b || c->t[k].chunk < 0 || c->ch[c->t[k].chunk].a != k)
			continue;
		int tg = c->ch[c->t[k].chunk].group;
		int sg = between ? tg : nominal_subject(c, i, a, b);
		if (tg < 0 || sg < 0 || (between && c->gr[tg].n < 2) || (!between && sg == tg))
			continue;
		if (!between && code[2] == '7')
			continue; /* "an agreement with X": whose, the clause does not say */
		struct vgroup v = {.head = i, .hend = i + 1, .a = i, .subj = sg, .mword = -1};
		struct emit em = {.events = events, .sentence = sidx, .symmetric = between};
		int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
		const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
		int ns = members(c, sg, sc, scd, MAX_MEMBERS * 2), nt = members(c, tg, tc, tcd, MAX_MEMBERS * 2);
		for (int x = 0; x < ns; x++)
			for (int y = 0; y < nt; y++) {
				if (sc[x] == tc[y] || !scd[x] || !tcd[y] || !scd[x][0] || !tcd[y][0] || !strcmp(scd[x], tcd[y]))
					continue;
				if (have_event(events, first, code, scd[x], tcd[y]))
					continue;
				emit_event(c, &em, &v, code, sc[x], scd[x], tc[y], tcd[y], 0, -1);
			}
	}
}

static void code_sentence(struct af_coder *c, size_t a, size_t b, int sidx, const struct af_evinput *in,
                          json_t *events)
{
	size_t ch0 = c->nch, gr0 = c->ngr;
	c->nvg = 0;
	if (c->news && question(c, a, b))
		return;
	/* words that may be verbs are never noun-phrase modifiers */
	for (size_t i = a; i < b; i++) {
		int id = c->t[i].id;
		c->t[i].pverb = id >= 0 && (size_t)id < c->d->formheadcap && c->d->formhead[id] >= 0 &&
		                !(c->t[i].cls & (W_DET | W_PREP));
		c->t[i].speech = ev_flag(c->d->speech, c->d->speechcap, id);
	}
	/* phrases */
	struct span *sp = NULL;
	size_t nsp = 0, spcap = 0;
	for (size_t i = a; i < b;) {
		int actor, agent;
		size_t n = is_word(&c->t[i]) && i >= c->dl_end ? match_phrase(c, i, b, &actor, &agent) : 0;
		if (!n) {
			i++;
			continue;
		}
		if (nsp == spcap) {
			spcap = spcap ? spcap * 2 : 16;
			sp = af_realloc(sp, spcap * sizeof *sp);
		}
		sp[nsp++] = (struct span){i, i + n, actor, agent};
		i += n;
	}
	build_chunks(c, sp, nsp);
	free(sp);
	add_entities(c, in->entities, a, b);
	add_pronouns(c, a, b);
	if (c->nch - ch0 > 1) {
		qsort(c->ch + ch0, c->nch - ch0, sizeof *c->ch, cmp_chunk);
		for (size_t k = ch0; k < c->nch; k++)
			for (size_t i = c->ch[k].a; i < c->ch[k].b; i++)
				c->t[i].chunk = (int)k;
	}
	find_verbs(c, a, b);
	mark_parens(c, a, b);
	build_groups(c, ch0, a);

	char datebuf[48];
	const char *datesrc;
	size_t first_event = json_array_size(events);
	int *ev_verb = NULL; /* verb group of each event of this sentence */
	size_t nevv = 0;
	for (size_t vi = 0; vi < c->nvg; vi++) {
		struct vgroup *v = &c->vg[vi];
		v->subj = find_subject(c, (int)vi, a);
		/* an infinitive governed by a verb that made an event is part of that event */
		if (v->inf && v->a > a) {
			int gov = -1;
			for (size_t k = v->a; k-- > a && k + POST_WIN > v->a;) {
				if (c->t[k].boundary)
					break;
				if (c->t[k].verb >= 0) {
					gov = c->t[k].verb;
					break;
				}
			}
			if (gov >= 0 && c->vg[gov].coded) {
				v->coded = 1; /* "called on X to be allowed to leave": the chain goes on */
				continue;
			}
		}
		struct pmatch m = {.src = -1, .tgt = -1};
		const struct ev_pattern *p = best_pattern(c, v, a, b, &m);
		/* a speech verb codes an event only through a pattern of its own, or when an actor is
		 * its object ("clerics believe Dagolath and Osgiliath can cope": 023 to them) */
		int speech_obj = 0;
		if (v->speech && !(p && p->score > 0)) {
			size_t k = v->hend;
			while (k < b && k < v->hend + 2 && (c->t[k].cls & W_DET))
				k++;
			speech_obj = k < b && c->t[k].chunk >= 0 && c->ch[c->t[k].chunk].a == k;
		}
		if (v->reduced || (v->speech && !(p && p->score > 0) && (!speech_obj || c->news)))
			continue;
		const char *code, *pcode;
		if (p) {
			code = p->code;
			pcode = p->pcode;
		} else
			verb_codes(c, v, &code, &pcode);
		int sg, tg;
		if (m.src >= 0)
			sg = c->ch[m.src].group;
		else if (v->passive)
			sg = find_after(c, v->hend, v->hend + POST_WIN < b ? v->hend + POST_WIN : b, 1, -1);
		else
			sg = v->subj;
		if (m.tgt >= 0)
			tg = c->ch[m.tgt].group;
		else if (v->passive)
			tg = v->subj;
		else
			tg = find_after(c, v->hend, v->hend + POST_WIN < b ? v->hend + POST_WIN : b, 0, sg);
		/* "Falastur noted that Cirith Ungol regretted" with "- NOTED + *": the pattern's target
		 * stands before the verb, so the source is the subject before it (of "noted") */
		if (tg >= 0 && tg == sg && m.tgt >= 0 && m.src < 0 && !v->passive && c->ch[m.tgt].a < v->head)
			sg = subject_before(c, c->gr[tg].a, a);
		if (tg == sg)
			tg = -1;
		if (c->news && !news_event(c, v, p, code[0] ? code : pcode, tg, a))
			continue;
		/* [active:reverse]: the second code is the event in the other direction ("X arrived in Y":
		 * X 032 Y and Y 033 X); passive voice keeps the logical roles */
		const char *fwd = code, *rev = pcode;
		if (!fwd[0] && !rev[0])
			continue;
		if (!strcmp(fwd, "---"))
			fwd = "";
		if (!strcmp(rev, "---"))
			rev = "";
		/* a compound subject with no target acts on itself ("Iran and Pakistan agreed", "clashed
		 * on the border") when nothing else is the verb's object: a pattern of its own, a '%'
		 * or a reciprocal code say so, a direct object says not ("China, Iran and Russia are
		 * determined to fight terrorism", "ten countries are attending the forum"); with a
		 * target each member acts on it ("- % HAVE POSTPONED *" with a target after the verb) */
		int compound = tg < 0 && sg >= 0 && c->gr[sg].n > 1 && !v->passive &&
		               (m.compound || (p && p->score > 0) || (fwd[0] && !strcmp(fwd, rev)) ||
		                !has_object(c, v, b) || (c->news && joint_code(fwd)));
		int real = group_has_real(c, sg) || group_has_real(c, tg);
		int both = sg >= 0 && tg >= 0 && (group_has_code(c, sg) || group_has_code(c, tg));
		int actorless = p && p->score > 0 && sg < 0 && tg < 0 && v->passive;
		/* a pattern with a reciprocal code ([030:030]) and a plural subject with no other party:
		 * the members act with each other ("three blocs have reached an agreement") */
		int recip = p && p->score > 0 && tg < 0 && sg >= 0 && c->gr[sg].n == 1 && !v->passive && fwd[0] &&
		            !strcmp(fwd, rev) && plural_group(c, sg) && group_has_code(c, sg);
		/* an appeal or statement by a known actor needs no recipient ("calling for talks") */
		int appeal = p && p->score > 0 && tg < 0 && sg >= 0 && !v->passive && fwd[0] == '0' &&
		             (fwd[1] == '1' || fwd[1] == '2') && group_has_code(c, sg) && !compound;
		/* news: both sides or no event; a joint act of a compound subject or of one plural
		 * mention ("the two sides held talks") is its own target; a statement its own pattern
		 * names, made public with no actor named ("the joint statement was released"), stays */
		if (c->news && !recip && (sg < 0 || (tg < 0 && !compound)) && !(actorless && fwd[0] == '0' && fwd[1] == '1'))
			continue;
		if (recip || appeal) {
			v->coded = 1;
			const char *date = event_date(c, a, b, v->head, datebuf, sizeof datebuf, &datesrc);
			struct emit em = {.events = events, .sentence = sidx, .date = date, .date_source = datesrc};
			int sc[MAX_MEMBERS * 2];
			const char *scd[MAX_MEMBERS * 2];
			int ns = members(c, sg, sc, scd, MAX_MEMBERS * 2);
			size_t before = json_array_size(events);
			for (int x = 0; x < ns; x++)
				emit_event(c, &em, v, fwd, sc[x], scd[x], recip ? sc[x] : -1, recip ? scd[x] : NULL, 0, -1);
			for (size_t k = before; k < json_array_size(events); k++) {
				ev_verb = af_realloc(ev_verb, (nevv + 1) * sizeof *ev_verb);
				ev_verb[nevv++] = (int)vi;
			}
			continue;
		}
		if (!(real && (both || compound)) && !actorless)
			continue;
		if (!fwd[0] && !rev[0])
			continue;
		v->coded = 1;
		const char *date = event_date(c, a, b, v->head, datebuf, sizeof datebuf, &datesrc);
		struct emit em = {.events = events, .sentence = sidx, .date = date, .date_source = datesrc};
		int sc[MAX_MEMBERS * 2], tc[MAX_MEMBERS * 2];
		const char *scd[MAX_MEMBERS * 2], *tcd[MAX_MEMBERS * 2];
		int ns = members(c, sg, sc, scd, MAX_MEMBERS * 2), nt = members(c, tg, tc, tcd, MAX_MEMBERS * 2);
		size_t before = json_array_size(events);
		if (compound) {
			em.symmetric = 1;
			for (int x = 0; x < ns; x++)
				for (int y = 0; y < ns; y++)
					if (x != y && strcmp(scd[x], scd[y]) && fwd[0])
						emit_event(c, &em, v, fwd, sc[x], scd[x], sc[y], scd[y], 0, -1);
		} else {
			for (int x = 0; x < ns; x++)
				for (int y = 0; y < nt; y++) {
					if (sc[x] >= 0 && sc[x] == tc[y])
						continue;
					if (fwd[0])
						emit_event(c, &em, v, fwd, sc[x], scd[x], tc[y], tcd[y], 0, -1);
					if (rev[0] && !v->passive && tc[y] >= 0 && c->mirror)
						emit_event(c, &em, v, rev, tc[y], tcd[y], sc[x], scd[x], 0, -1);
				}
		}
		for (size_t k = before; k < json_array_size(events); k++) {
			ev_verb = af_realloc(ev_verb, (nevv + 1) * sizeof *ev_verb);
			ev_verb[nevv++] = (int)vi;
		}
	}
	/* location: the place the sentence states nearest the trigger, in the trigger's clause
	 * when it has one (no boundary between them) */
	if (nevv) {
		struct place pls[16];
		size_t npl = find_places(c, a, b, in->entities, pls, 16);
		for (size_t k = 0; k < nevv && npl; k++) {
			json_t *e = json_array_get(events, first_event + k);
			const struct vgroup *v = &c->vg[ev_verb[k]];
			long bestd = -1;
			size_t bi = 0;
			for (size_t q = 0; q < npl; q++) {
				size_t lo = pls[q].a < v->head ? pls[q].a : v->head, hi = pls[q].a < v->head ? v->head : pls[q].a;
				int cut = 0;
				for (size_t x = lo; x < hi && !cut; x++)
					cut = c->t[x].boundary;
				if (cut)
					continue;
				long dd = (long)(hi - lo) + (pls[q].a < v->head ? 8 : 0); /* after the verb first */
				if (bestd < 0 || dd < bestd) {
					bestd = dd;
					bi = q;
				}
			}
			if (bestd >= 0)
				json_object_set_new(e, "location", place_json(c, &pls[bi]));
		}
	}
	/* reported speech: events governed by a speech verb or inside quotes */
	for (size_t k = 0; k < nevv; k++) {
		json_t *e = json_array_get(events, first_event + k);
		const struct vgroup *v = &c->vg[ev_verb[k]];
		int speaker = -1, reported = 0;
		if (!v->speech) {
			for (size_t si = 0; si < c->nvg; si++) {
				if ((int)si == ev_verb[k] || !c->vg[si].speech)
					continue;
				reported = 1;
				speaker = speaker_of(c, (int)si, b);
				break;
			}
		}
		if (c->t[v->head].inquote)
			reported = 1;
		/* the quotes field: the quote holding the trigger names the speaker */
		const struct af_quote_ref *qspeaker = NULL;
		size_t cs = c->toks.v[v->head].cstart;
		for (size_t qi = 0; in->quotes && qi < in->quotes->n; qi++) {
			const struct af_quote_ref *q = &in->quotes->v[qi];
			if (q->cstart <= cs && cs < q->cend) {
				reported = 1;
				if (q->speaker)
					qspeaker = q;
			}
		}
		if (!reported)
			continue;
		json_object_set_new(e, "reported", json_true());
		if (qspeaker)
			json_object_set_new(e, "speaker",
			                    json_loadb(qspeaker->speaker, qspeaker->speaker_len, JSON_ALLOW_NUL, NULL));
		else if (speaker >= 0)
			json_object_set_new(e, "speaker", actor_json(c, speaker, c->ch[speaker].code));
	}
	/* a speech verb's own event goes when it governs others */
	if (nevv > 1) {
		int others = 0;
		for (size_t k = 0; k < nevv; k++)
			if (!c->vg[ev_verb[k]].speech)
				others = 1;
		if (others)
			for (size_t k = nevv; k-- > 0;)
				if (c->vg[ev_verb[k]].speech)
					json_array_remove(events, first_event + k);
	}
	free(ev_verb);
	if (c->news)
		code_nominal(c, a, b, sidx, events);
	/* remember the last person named, for pronouns */
	for (size_t k = ch0; k < c->nch; k++)
		if (c->ch[k].person && !c->ch[k].pron && c->ch[k].canonical) {
			c->last_person_canon = c->ch[k].canonical;
			snprintf(c->last_person_code, sizeof c->last_person_code, "%s", c->ch[k].code);
		}
	(void)gr0;
}

/* The article's date: published, else the dateline's (af_dt_parse, the one reader). */
static void parse_pubdate(struct af_coder *c, const char *published, const char *dateline)
{
	c->pub_y = c->pub_m = c->pub_d = 0;
	c->adate = 0;
	const char *why;
	const char *s = published ? published : dateline;
	if (!s || af_dt_parse(s, &c->pub, &why) < 0 || !c->pub.mo || !c->pub.d)
		return;
	c->pub_y = c->pub.y;
	c->pub_m = c->pub.mo;
	c->pub_d = c->pub.d;
	c->adate = (long)c->pub_y * 10000 + c->pub_m * 100 + c->pub_d;
	c->pub_source = published ? "published" : "dateline";
}

/* Words joined by '_' ("Dol_Amroth", as TABARI-era texts write names) are dictionary phrases:
 * the '_' between them (a token of its own) goes before sentences are found. */
static void drop_joiners(struct af_coder *c, const char *text)
{
	size_t o = 0, n = c->toks.n;
	struct af_token *v = c->toks.v;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == AF_TOK_PUNCT && v[i].end == v[i].start + 1 && text[v[i].start] == '_' && o > 0 &&
		    i + 1 < n && v[o - 1].kind == AF_TOK_WORD && v[i + 1].kind == AF_TOK_WORD &&
		    v[o - 1].end == v[i].start && v[i + 1].start == v[i].end)
			continue;
		v[o++] = v[i];
	}
	c->toks.n = o;
}

/* The dateline at the text's start: up to four capitalised words, all capitals among them,
 * then a dash ("TEHRAN –", "KABUL, Afghanistan -"): the place of writing, never an actor.
 * Its end token, 0 when none. */
static size_t dateline_end(const struct af_coder *c)
{
	size_t n = c->toks.n, words = 0;
	int caps = 0;
	for (size_t i = 0; i < n && i < 8; i++) {
		const struct af_token *k = &c->toks.v[i];
		if (k->kind == AF_TOK_WORD && (k->flags & AF_TF_CAP)) {
			caps |= (k->flags & AF_TF_ALLCAPS) && k->end - k->start > 1;
			if (++words > 4)
				return 0;
			continue;
		}
		if (k->kind == AF_TOK_PUNCT && c->text[k->start] == ',' && words)
			continue;
		if (k->kind == AF_TOK_PUNCT && words && caps) {
			const char *p = c->text + k->start;
			if (*p == '-' || !strncmp(p, "\xe2\x80\x93", 3) || !strncmp(p, "\xe2\x80\x94", 3))
				return i + 1;
		}
		return 0;
	}
	return 0;
}

json_t *af_coder_code(struct af_coder *c, const struct af_evinput *in, size_t *nsent, struct af_error *err)
{
	if (af_cameo_init(err) < 0)
		return NULL;
	if (af_tokenize(in->text, in->len, &c->toks, err) < 0)
		return NULL;
	drop_joiners(c, in->text);
	if (af_sentences(in->text, in->len, &c->toks, &c->sents, err) < 0)
		return NULL;
	c->text = in->text;
	c->ents_sorted = 1;
	for (size_t i = 1; in->entities && i < in->entities->n; i++)
		if (in->entities->v[i].cstart < in->entities->v[i - 1].cstart)
			c->ents_sorted = 0;
	if (!c->dates && !(c->dates = af_dates_new(err)))
		return NULL;
	parse_pubdate(c, in->published, in->dateline);
	read_entity_dates(c, in->entities);
	c->sd_valid = 0;
	c->last_person_canon = NULL;
	for (size_t i = 0; i < c->nch; i++)
		free(c->ch[i].owned);
	c->nch = c->ngr = 0;
	size_t n = c->toks.n;
	if (n + 1 > c->tcap) {
		c->tcap = n + 64;
		c->t = af_realloc(c->t, c->tcap * sizeof *c->t);
	}
	memset(c->t, 0, (n + 1) * sizeof *c->t); /* this record's tokens, not the largest record's */
	int quote = 0;
	for (size_t i = 0; i < n; i++) {
		const struct af_token *k = &c->toks.v[i];
		struct tok *t = &c->t[i];
		t->kind = (int)k->kind;
		t->flags = k->flags;
		t->chunk = t->verb = -1;
		t->id = lookup(c, in->text + k->start, k->end - k->start, &t->cls);
		if (k->kind == AF_TOK_QUOTE_OPEN)
			quote = 1;
		else if (k->kind == AF_TOK_QUOTE_CLOSE)
			quote = 0;
		else if (k->kind == AF_TOK_QUOTE)
			quote = !quote;
		t->inquote = quote;
		if (k->kind == AF_TOK_PUNCT) {
			char ch = in->text[k->start];
			if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '[' || ch == ']')
				t->boundary = 1;
			/* the ';' of an HTML entity a scraper left ("&amp;", "&#39;") ends no clause */
			if (ch == ';' && k->start > 1) {
				size_t q = k->start;
				while (q > 0 && q + 12 > k->start && (isalnum((unsigned char)in->text[q - 1]) || in->text[q - 1] == '#'))
					q--;
				if (q < k->start && q > 0 && in->text[q - 1] == '&')
					t->boundary = 0;
			}
		}
	}
	c->dl_end = dateline_end(c);
	json_t *events = json_array();
	/* story-level discards */
	if (sentence_discard(c, 0, n) == 2) {
		if (nsent)
			*nsent = c->sents.n;
		return events;
	}
	for (size_t s = 0; s < c->sents.n; s++) {
		const struct af_sentence *se = &c->sents.v[s];
		if (se->tok_end <= se->tok_start)
			continue;
		if (sentence_discard(c, se->tok_start, se->tok_end))
			continue;
		code_sentence(c, se->tok_start, se->tok_end, (int)s, in, events);
	}
	if (nsent)
		*nsent = c->sents.n;
	return events;
}
