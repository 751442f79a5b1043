/* events_int.h - the dictionary structures shared by evdict*.c (readers) and events.c (coder).
 * Private to lib/. */
#ifndef AF_EVENTS_INT_H
#define AF_EVENTS_INT_H

#include <stddef.h>

#include "af/events.h"
#include "af/util.h"

/* Interned upper-case words: every dictionary word gets an id; a text token is looked up once. */
struct ev_wtab {
	char **keys;
	int *ids;
	size_t cap, n;
	char **words; /* id -> word */
	size_t nwords, wcap;
};
int ev_wtab_get(const struct ev_wtab *t, const char *s, size_t n); /* -1 when absent */
int ev_wtab_add(struct ev_wtab *t, const char *s, size_t n);

/* A (key, value) hash of two ints to an int: the phrase trie's edges. */
struct ev_edges {
	long long *keys;
	int *vals;
	size_t cap, n;
};
int ev_edges_get(const struct ev_edges *e, int node, int word);

/* A dated actor code: [CODE], [CODE <d], [CODE >d], [CODE d1-d2]; dates as yyyymmdd. */
enum { EV_DATE_ANY, EV_DATE_BEFORE, EV_DATE_AFTER, EV_DATE_BETWEEN };
struct ev_code {
	char code[24];
	int kind;
	long d1, d2;
};

struct ev_actor {
	struct ev_code *codes;
	size_t ncodes;
	char *canonical;
	int person; /* a person (pronouns may refer to it) */
	int capital; /* a capital city: its government when it acts (events_actors.c) */
};

struct ev_agent {
	char pre[16], post[16]; /* "NGO~" -> pre NGO; "~GOV" -> post GOV */
};

/* Trie node: the phrase ending here (last definition wins). */
struct ev_node {
	int actor, agent; /* indices or -1 */
	int discard;      /* 0 none, 1 sentence, 2 story */
	int stem;         /* a discard that matches as a word prefix */
};

/* Pattern elements. */
enum { PE_WORD, PE_SYN, PE_VERB, PE_SOURCE, PE_TARGET, PE_COMPOUND, PE_SKIP };
struct ev_pelem {
	int kind;
	int glue;  /* joined by '_' to the next element */
	int word;  /* PE_WORD: word id */
	int plural[3]; /* other acceptable ids (regular plurals), -1 when none */
	int syn;   /* PE_SYN: synset index */
};

struct ev_pattern {
	struct ev_pelem *el;
	size_t nel;
	int verbpos;     /* index of PE_VERB */
	char code[12];   /* active code ("" = none: passive only) */
	char pcode[12];  /* passive code ("" = same as active) */
	int score;       /* literal words, for choosing the most specific match */
	int line;
	const char *file;
};

struct ev_block {
	char name[48];
	char code[12], pcode[12]; /* "" when the header gave none */
	size_t pat0, npat;       /* patterns [pat0, pat0 + npat) */
	int order;               /* load order: later dictionaries win ties */
};

/* A verb: words with the inflected head at position head. */
struct ev_verb {
	int block;
	int words[6];
	int nwords, head;
	char code[12], pcode[12]; /* per-verb override, "" when none */
};

/* A verb form: the head word's id points to (verb, form kind). */
enum { VF_BASE, VF_S, VF_ED, VF_ING, VF_IRR };
struct ev_form {
	int verb;
	int kind;
	int heads[6]; /* the words of this form (head inflected) */
	int nwords, head;
	int next; /* next form with the same head word, -1 */
};

/* A synset member: a word sequence; the last word may take plurals. */
struct ev_synalt {
	int words[8];
	int plural[3];
	int nwords;
};
struct ev_synset {
	char *name;
	struct ev_synalt *alts;
	size_t nalts, cap;
	/* raw members before resolution: */
	char **raw;
	int *rawline;
	size_t nraw, rawcap;
	const char *file;
	int resolved, resolving, noplural;
};

/* Word flags (af_evdict.wflag): a preposition whose object is a party to an act ("talks with
 * X"); the head word of an office held abroad or for another body ("ambassador", "envoy"). */
enum { EV_WF_PARTNER = 1, EV_WF_POSTED = 2, EV_WF_DOCUMENT = 4 }; /* DOCUMENT: names a treaty, law or deal (no actor) */

struct af_evdict {
	struct ev_wtab w;
	struct ev_edges edges; /* trie: (node, word) -> node */
	struct ev_node *nodes;
	size_t nnodes, nodecap;
	struct ev_actor *actors;
	size_t nactors, actorcap;
	struct ev_agent *agents;
	size_t nagents, agentcap;
	struct ev_block *blocks;
	size_t nblocks, blockcap;
	struct ev_verb *verbs;
	size_t nverbs, verbcap;
	struct ev_pattern *pats;
	size_t npats, patcap;
	struct ev_form *forms;
	size_t nforms, formcap;
	int *formhead; /* word id -> first form index, grown with w.nwords */
	size_t formheadcap;
	struct ev_synset *syns;
	size_t nsyns, syncap;
	struct af_map synmap; /* synset name -> index + 1 */
	int *speech; /* word ids of speech-verb forms (say, said ...): flags per word id */
	size_t speechcap;
	int *pronoun; /* word id -> 1 for he/she/him/her */
	size_t pronouncap;
	int *wflag; /* word id -> EV_WF_* bits from data/events-world.yaml */
	size_t wflagcap;
	char **files; /* names kept for pattern error positions */
	size_t nfiles;
	int order;
	int ntransforms;
	int own_actors; /* actors or agents came from a TABARI file: their codes are written as the
	                 * file has them (af's own formats follow the news conventions' actor codes) */
	int skip_bad; /* TABARI readers: a bad line is reported (af_warn) and skipped, as TABARI can */
	char *pool; /* strings restored from the start-up snapshot (evsnap.c), freed as one */
	size_t poolcap;
};

/* The start-up snapshot of the compiled-in dictionaries (evsnap.c; built by scripts/evsnap.c
 * into build/gen/evsnap.c). ev_snap_write: the dictionary as a new buffer. ev_snap_usable: is
 * buf a snapshot of this build's layout and compiled-in texts? ev_snap_read: fills a zeroed
 * dictionary from it; -1 when it is not usable (then free d's contents with ev_dict_release). */
int ev_snap_write(const struct af_evdict *d, char **out, size_t *outlen);
int ev_snap_usable(const char *buf, size_t len);
int ev_snap_read(struct af_evdict *d, const char *buf, size_t len);
extern const char af_evsnap[];
extern const size_t af_evsnap_len;

/* Frees what d holds (not d itself). */
void ev_dict_release(struct af_evdict *d);

/* Interns the closed-class words the coder knows (events.c). */
void ev_closed_words(struct af_evdict *d);

/* Word-id flag tables grown on demand. */
int ev_flag(const int *tab, size_t cap, int id);

#endif
