/* events_coder.h - the event coder's internal state, shared by lib/events*.c (private to lib/).
 *
 * events.c        the coder: life cycle, records, and each sentence as a list of phases
 * events_actors.c actor phrases, chunks, compound groups, entities, pronouns, dates
 * events_verbs.c  verb groups and the dictionaries' patterns around them
 * events_clauses.c subjects, targets, parenthetical clauses, what is an event
 * events_emit.c   events into the typed af_events, places, nominal events
 * events_setup.c  closed-class words, verb blocks, pattern signatures; af_coder_new/free
 * events_refs.c   references: titled people's later mentions, pronouns, "the country", a
 *                 quote's "I", "his country", "the two countries", "the group", "the spokesman" */
#ifndef AF_EVENTS_CODER_H
#define AF_EVENTS_CODER_H

#include "events_int.h"
#include "english.h"

#include "af/dates.h"
#include "af/syntax.h"
#include "af/text.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

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
	int tag;         /* the syntax layer's part of speech (enum af_pos) */
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
	int titled;  /* a person named with the title of an office ("President Ghani") */
	const struct ev_agent *ag[4]; /* agents linked to the actor ("ambassadors of A, B and C") */
	int nag, linked;
	int npartial; /* extra members from "A/B" codes */
	char partial[4][64];
	int dropped; /* names no actor (an agent's word modifying a noun): in no group */
	int named;   /* a PERSON or ORG af-entities found (its own chunk, not a pronoun) */
	int document; /* an ORG af-entities found that names a treaty, law or deal: no side */
	int place;    /* events_sides.c: 1 a city or region af-entities names alone, not its
	               * country; 2 a word of a longer place name with no code ("Manama Dialogue") */
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
	int be;       /* a form of "be" among its auxiliaries, or a verb of going on before an -ing form */
	int subj;     /* group index of the subject, -1 */
	int coded;    /* produced an event */
	char code[8]; /* the code of its event ("" when none or not known) */
	int speech;   /* a speech verb */
	int reduced;  /* a reduced relative ("the movement, led by X") */
	int untagged; /* the syntax layer reads none of its words as a verb: an event only through a
	               * pattern with words of its own ("- INCHING &ACCORDSYN *") */
	int adverbial; /* a participle heading an adverbial clause on the main clause's subject
	                * ("Before heading to Russia, X said", "..., welcoming the agreement") */
	int purpose;   /* an infinitive whose act the sentence reports (ev_infinitive_subject): INF_* */
	int addressed; /* a statement told to an actor ("told his Iraqi counterpart that"): its 010
	                * stays beside what it reports (ev_told_party) */
	int carried;   /* ev_find_subject took the subject of a verb before it (coordinated or governing) */
};

/* How an infinitive no coded verb governs is read (vgroup.purpose). */
enum {
	INF_NONE,
	INF_PURPOSE, /* a purpose after the governing verb's adjunct: "arrived in Tehran to confer with X" */
	INF_INTENT,  /* after an intent word: "is ready to help", coded as the intent (03x) */
	INF_MEANS    /* after the governing verb's object, no actor, the means of a move or of force:
	              * "exploited the attacks to invade X", "boarded a plane to leave Kabul" */
};

/* A noun naming an act (data/events.yaml's synsets JOINT_<code>, ACT_<code>_<PREP>). */
struct ev_nominal {
	int syn;      /* its nouns' synset */
	char code[8]; /* the act's CAMEO code */
	int joint;    /* done together (JOINT_), else done to the target after prep (ACT_) */
	int prep;     /* ACT_: the preposition's word id */
};

struct af_coder {
	const struct af_evdict *d;
	size_t dl_end; /* tokens [0, dl_end) are the dateline ("TEHRAN –"): never actors */
	int mirror; /* emit a pattern's reverse code (PETRARCH dictionaries) */
	int news;   /* af's news defaults: the news conventions of docs/af-events.1 apply */
	struct af_tokens toks;
	struct af_sentences sents;
	struct af_syntax *syn;   /* the syntax layer's model (the compiled-in one), loaded on first use */
	struct af_parse parse;   /* this record's parse: from the upstream "sentences" field or our own */
	int parse_upstream;      /* the parse came from the record's "sentences" field */
	uint8_t *want;           /* per sentence: ev_may_code's answer (1: parsed and coded) */
	size_t wantcap;
	const struct af_english *en; /* English's word classes (data/english.yaml), shared */
	uint8_t *vcodable;       /* per verb: has a code of its own (ev_select_init) */
	int all_sentences;       /* parse and code every sentence (AF_EVENTS_ALL_SENTENCES) */
	int show_chunks;         /* each sentence's actors on stderr (AF_EVENTS_CHUNKS: bench/events-side-coverage) */
	size_t nrecords;         /* records coded so far (their number in show_chunks' lines) */
	int syn_praise, syn_blame, syn_undergo; /* synsets PRAISE_WORD, BLAME_WORD and UNDERGO_VERB
	                                         * (ev_code_evaluations), -1 */
	struct ev_nominal *nom;  /* the nouns naming acts (ev_nominal_init) */
	size_t nnom;
	int syn_future;          /* synset FUTURE_WORD: a noun's act still to come ("the upcoming summit"), -1 */
	int syn_intent;          /* synset INTENT_WORD: an adjective of intent before "to" ("ready to help"), -1 */
	int syn_aim;             /* synset AIM_VERB: a verb of aim before "to" ("seeks to expand"), -1 */
	int syn_callpurpose;     /* synset CALL_PURPOSE_VERB: what a phone call is made for ("called X to discuss"), -1 */
	int syn_means;           /* synset MEANS_VERB: a verb whose object serves the infinitive after it ("used X to attack"), -1 */
	int syn_ties;            /* synset COOPTIES: ties between actors ("cooperation", "relations"), -1 */
	int syn_party;           /* synset PARTY_NOUN: an agent that is an actor only with its country ("delegation"), -1 */
	int syn_aspect;          /* synset ASPECT_VERB: a verb of aspect before "to" ("continued to attack"), -1 */
	int syn_continue;        /* synset CONTINUE_VERB: a verb of going on before an -ing form ("kept attacking"), -1 */
	int syn_weapon;          /* the verb dictionary's synset &WEAPON ("missiles", "rockets"), -1 */
	int syn_hold;            /* synset HOLD_VERB: a verb of holding talks ("had a phone call"), -1 */
	int syn_announced;       /* synset ANNOUNCED_ONLY_VERB: an act coded only as an announced intent ("work"), -1 */
	int syn_message;         /* synset MESSAGE_WORD: a message whose participle is its author's act, -1 */
	int syn_thing;           /* synset THING_NOUN: a noun a demonym before it qualifies, no people ("the
	                          * Indian crude imports"; events.c drop_modifier_agents), -1 */
	int syn_unarmed;         /* synset UNARMED_WORD: a war or attack fought without arms ("economic
	                          * war", "media attacks"): no force (events_emit.c code_act), -1 */
	int syn_talks;           /* synset TALKS: talks whose topic is a deal sought (events_emit.c deal_sought), -1 */
	int syn_many;            /* synset MANY_PARTY_WORD: cooperation among many ("international",
	                          * "regional"), not a pair's own (events_emit.c wished_ties), -1 */
	int syn_mutual;          /* synset MUTUAL_FORCE_VERB: fighting each other, "clashed"
	                          * (events_clauses.c ev_joint_act), -1 */
	int syn_oneway;          /* synset ONEWAY_VERB: a one-way transfer, "imported", "sold"
	                          * (events_clauses.c ev_joint_act), -1 */
	int syn_traveler;        /* synset TRAVELER_NOUN: tourists, pilgrims (events_emit.c ev_emit_event), -1 */
	int syn_risk;            /* synset RISK_WORD: force named as a danger, not done ("the risk of war between") */
	int syn_prospect;        /* synset PROSPECT_WORD: talks wanted, not held ("to broker talks
	                          * between", "support for"; events_emit.c ev_code_nominal), -1 */
	int syn_standing, syn_onset; /* synsets STANDING_NOUN ("sanctions") and ONSET_WORD ("imposed",
	                              * "took effect"): a named measure is an act only when it comes
	                              * into force (events_emit.c standing_named), -1 */
	int syn_growth, syn_wish; /* synsets GROWTH_WORD ("expansion", "boosting") and WISH_WORD
	                           * ("readiness", "no limit") before ties (events_emit.c wished_ties), -1 */
	int syn_address, syn_audience; /* synsets ADDRESS_VERB ("told", "informed") and AUDIENCE_NOUN
	                                 * ("meeting": an audience) (events_clauses.c ev_told_party), -1 */
	int syn_backing;          /* synset BACKING_WORD: "support", "solidarity": an owned one is the
	                           * owner's stance, not its party (events.c verb_roles), -1 */
	int32_t *vclause;        /* per token: the parse's clause whose verb group holds it, -1 */
	size_t vclausecap;
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
	long adate; /* the date choosing actor codes (ev_actor_date): yyyymmdd, 0 */
	int pub_y, pub_m, pub_d;
	struct af_dt pub;       /* the same, for the date resolver */
	const char *pub_source; /* "published" or "dateline" */
	struct af_dates *dates; /* the date resolver's words */
	struct edate *ed;       /* the record's DATE entities */
	int quotes_sorted;      /* the record's quotes in order, none inside another */
	size_t q_next;          /* mark_reported's first quote that may be open */
	size_t ned, capd, ed_next; /* ed sorted by cstart; ed_next: the first not before the last sentence */
	int ent_dates;          /* the record has DATE entities: they date the events */
	struct sdate *sd;       /* the dates of sentence [sd_a, sd_b) */
	size_t nsd, capsd, sd_a, sd_b;
	int sd_valid;
	const char *last_person_canon;
	char last_person_code[64];
	char last_country[4]; /* the last country named before the sentence ("" none): "the country" */
	int assert_genre; /* events_assert.c: the record's genre cues as bits, -1 until read */
};

/* The record's DATE entities (af-entities ran upstream): code points and value. */
struct edate {
	size_t cstart, cend;
	const char *value; /* NULL when unresolved */
	int point;         /* not a range or deadline */
};

/* A date the sentence states: where (byte or code point, as the source counts) and what. */
struct sdate {
	size_t at;
	size_t bstart, bend; /* its bytes */
	char value[48];
};

struct span {
	size_t a, b;
	int actor, agent;
};

struct pmatch {
	int src, tgt; /* chunk indices from $ / + markers, -1 */
	int compound;
	int score;
	size_t wend; /* after the last word the pattern matched after the verb, 0 when none */
};

/* The path of the coder that made an event: the frame that chose its code and sides. With the
 * verb path's reading (how its sides pair) and its subject's origin it is the event's "rule"
 * ("pattern", "verb+mirror", "pattern+compound+carried": ev_emit_event writes it), which the
 * asserted-act filter reads (events_assert.c). The names are ev_frame_names'. */
enum ev_frame {
	EV_F_PATTERN,       /* a verb dictionary pattern with words of its own ("- * SANCTIONS ON") */
	EV_F_VERB,          /* a verb's own code (its block's; no pattern words matched) */
	EV_F_CALL,          /* "X called Y to discuss ...": a phone call (ev_call_purpose) */
	EV_F_TOLD,          /* "X told Y that ...": a statement to Y (ev_told_party) */
	EV_F_ACT_NOUN,      /* an act a noun names, "U.S. sanctions on Iran" (code_act) */
	EV_F_JOINT_NOUN,    /* "talks with X", "talks between X and Y", "a visit to X" (ev_code_nominal) */
	EV_F_PAIR_WORD,     /* "Iran-Tajikistan talks" (code_pair_word) */
	EV_F_TIES,          /* ties wished, "stressed the need to expand ties with X" (wished_ties) */
	EV_F_PAIR_TIES,     /* a pair's ties wished, "the two sides stressed ... ties" (pair_wish) */
	EV_F_SAID_APPEAL,   /* "X said Y should ..." (ev_code_appeals) */
	EV_F_SAID_PROPOSAL, /* "X said X and Y should ...": the speaker's intent (ev_code_appeals) */
	EV_F_SAID_EVAL,     /* "X said Y played a positive role" (ev_code_evaluations) */
	EV_F_N
};
extern const char *const ev_frame_names[EV_F_N];

struct emit {
	struct af_events *events;
	int sentence;
	const char *date;
	const char *date_source; /* "text", "published", "dateline" */
	size_t nev;
	int symmetric; /* a compound subject's joint act, coded both ways */
	enum ev_frame frame;
	const char *reading; /* the verb path's pairing of sides (compound, recip, appeal, mirror); NULL one to one */
	const char *subject; /* where the verb path's subject came from (carried, parse, ...); NULL its own */
};

struct place {
	size_t a, b;  /* the place's words */
	char code[8]; /* a country code from the actor dictionaries, "" */
};

static inline int is_word(const struct tok *t)
{
	return t->kind == AF_TOK_WORD || t->kind == AF_TOK_NUMBER;
}

/* Does an actor code name an actor of its own (a country, group or organisation: "IRN",
 * "IGOUNO"), not only an agent's role ("---MIL") or nothing? */
static inline int ev_real_code(const char *k)
{
	return k[0] && strncmp(k, "---", 3);
}

/* Is token i's word, or the coder's word id (upper case), in English's class k? */
static inline int ev_word_in(const struct af_coder *c, size_t i, enum af_en_class k)
{
	const struct af_token *t = &c->toks.v[i];
	return af_english_is(c->en, c->text + t->start, t->end - t->start, k);
}
static inline int ev_id_in(const struct af_coder *c, int id, enum af_en_class k)
{
	return id >= 0 && (size_t)id < c->d->w.nwords && af_english_is(c->en, c->d->w.words[id], strlen(c->d->w.words[id]), k);
}

/* events_actors.c */
int ev_word_is(const struct af_coder *c, size_t i, const char *w);
/* Is token i's text the n bytes at s, ignoring case? */
int ev_tok_is(const struct af_coder *c, size_t i, const char *s, size_t n);
void ev_read_entity_dates(struct af_coder *c, const struct af_mentions *ents);
const char *ev_event_date(struct af_coder *c, size_t a, size_t b, size_t near, char *buf, size_t n,
                              const char **source);
void ev_actor_date(struct af_coder *c, size_t a, size_t b);
const char *ev_actor_code(const struct af_coder *c, const struct ev_actor *a);
size_t ev_match_phrase(const struct af_coder *c, size_t i, size_t end, int *actor, int *agent);
int ev_sentence_discard(const struct af_coder *c, size_t a, size_t b);
int ev_modifier(const struct af_coder *c, size_t i);
void ev_build_chunks(struct af_coder *c, const struct span *sp, size_t nsp);
size_t ev_chunk_text_start(const struct af_coder *c, const struct chunk *ch, size_t a);
void ev_build_groups(struct af_coder *c, size_t first_chunk, size_t a, size_t b);
void ev_titled_people(struct af_coder *c, size_t ch0);
void ev_add_pronouns(struct af_coder *c, size_t ch0, size_t a, size_t b);
void ev_add_anaphors(struct af_coder *c, size_t ch0, size_t a, size_t b);
void ev_add_refs(struct af_coder *c, const struct af_evinput *in, size_t ch0, size_t a, size_t b);
size_t ev_ref_at(const struct af_coder *c, size_t i, size_t b); /* events_refs.c: a reference's tokens at i */
int ev_two_sided(const struct af_coder *c, int k); /* events_refs.c: "the two sides", both at once */
int ev_new_chunk(struct af_coder *c, size_t a, size_t b); /* a chunk of tokens [a, b), no actor yet */
int ev_country_mention(const struct chunk *ch);
size_t ev_first_entity(const struct af_mentions *ents, size_t cs);
void ev_add_entities(struct af_coder *c, const struct af_mentions *ents, size_t a, size_t b);
/* May chunk k be an event's side under code: a code, or (news) a person or organisation
 * af-entities found that no dictionary codes (the side is written with actor null)? */
int ev_named_side(const struct af_coder *c, int k, const char *code);
/* An organisation's acronym the text defined before ("the Iranian Red Crescent Society (IRCS)
 * ... the IRCS"): chunk ch (the acronym, no code yet) takes the code of the name it stands for. */
void ev_acronym_code(struct af_coder *c, struct chunk *ch);
/* Do tokens [ta, tb) name a document: its head word (the last, or the last before "of") one
 * of `documents` in data/events-world.yaml ("... Treaty", "Plan of Action"), naming no actor? */
int ev_document(const struct af_coder *c, size_t ta, size_t tb);
/* Is chunk ch an acronym the text defined for a document ("the Joint Comprehensive Plan of
 * Action (JCPOA) ... the JCPOA")? */
int ev_acronym_document(const struct af_coder *c, const struct chunk *ch);
/* The tokens [*ta, *tb) of entity e inside the sentence's tokens [a, b); 0 when it has none. */
int ev_entity_tokens(const struct af_coder *c, const struct af_mention *e, size_t a, size_t b, size_t *ta, size_t *tb);
/* events_sides.c: marks the chunk a LOC entity e (tokens [ta, tb)) covers as a place (chunk.place). */
void ev_mark_place(struct af_coder *c, const struct af_mention *e, size_t ta, size_t tb);
/* events_sides.c (news): places that name no side leave their chunks (chunk.dropped): a word of
 * a longer place name, a city modifying a noun ("the Ahvaz attack", "the Vienna talks"). */
int ev_party_key(const char *code, char out[8]);
ssize_t ev_noun_after(const struct af_coder *c, const struct chunk *ch);
void ev_drop_chunk(struct af_coder *c, size_t k);
void ev_drop_places(struct af_coder *c, size_t first_chunk);
/* events_sides.c (news): the member chunk (of this sentence's groups from first_chunk) that
 * chunk i renames in an apposition ("Ali Bagheri, Iran's chief negotiator,"), else -1. */
int ev_appos_host(const struct af_coder *c, size_t first_chunk, size_t i);
/* Chunk i renames member chunk h: one actor. The apposition joins h's group as words, not as a
 * member, and gives h its code when h has none of a country or organisation. */
void ev_absorb_apposition(struct af_coder *c, size_t i, int h);
const char *ev_guideline_code(const struct af_coder *c, const char *code, char *buf, size_t n);

/* events_verbs.c */
int ev_verb_is_noun(const struct af_coder *c, size_t s, size_t a, int kind);
int ev_is_adverb(const struct af_coder *c, size_t i);
void ev_find_verbs(struct af_coder *c, size_t a, size_t b);
const struct ev_pattern *ev_best_pattern(struct af_coder *c, const struct vgroup *v, size_t a, size_t b,
                                             struct pmatch *out);
void ev_verb_codes(const struct af_coder *c, const struct vgroup *v, const char **code, const char **pcode);

/* events_clauses.c */
const struct af_clause *ev_clause_of(const struct af_coder *c, const struct vgroup *v);
int ev_np_group(const struct af_coder *c, int32_t np, int head_only);
int ev_topic_target(const struct af_coder *c, const struct vgroup *v, int sg);
int ev_args_agree(const struct af_coder *c, const struct vgroup *v, int sg, int tg);
int ev_is_comma(const struct af_coder *c, size_t i);
int ev_find_subject(struct af_coder *c, int vi, size_t a);
int ev_find_after(struct af_coder *c, size_t from, size_t lim, int want_by, int skip_group);
int ev_aimed_weapon(const struct af_coder *c, size_t i, size_t from); /* "at"/"on" aiming a weapon object */
/* Is code k use of force, CAMEO 18x-20x (assault, fight, mass violence)? */
static inline int ev_force_code(const char *k)
{
	return (k[0] == '1' && k[1] >= '8') || k[0] == '2';
}
int ev_has_object(const struct af_coder *c, const struct vgroup *v, size_t b);
void ev_mark_parens(struct af_coder *c, size_t a, size_t b);
int ev_member_then_verb(const struct af_coder *c, size_t i, size_t b);
int ev_list_then_verb(const struct af_coder *c, size_t i, size_t b);
int ev_opens_clause(const struct af_coder *c, const struct chunk *m, size_t a);
int ev_joint_code(const char *code);
int ev_joint_act(const struct af_coder *c, const struct vgroup *v, const char *code, size_t b);
int ev_question(const struct af_coder *c, size_t a, size_t b);
int ev_news_event(const struct af_coder *c, const struct vgroup *v, const struct ev_pattern *p,
                      const char *code, int tg, size_t a);

/* The sentence being coded [a, b) and the events its verb groups made (events.c's phases). */
struct sent {
	size_t a, b;
	int sidx;
	const struct af_evinput *in;
	struct af_events *events;
	size_t first_event;
	int *ev_verb; /* the verb group of each event from first_event on */
	size_t nevv, capv;
};
/* An appeal reported by its speaker: "X said Y should help" (020), "... should not" (100). */
void ev_code_appeals(struct af_coder *c, const struct sent *s);
void ev_code_evaluations(struct af_coder *c, const struct sent *s);
size_t ev_first_clause(const struct af_coder *c, size_t sent); /* events_said.c: sentence sent's first clause */
size_t ev_syn_match(const struct af_coder *c, int si, size_t i, size_t b); /* words of synset si at token i */
int ev_aspect_verb(const struct af_coder *c, size_t s); /* a verb of aspect (ASPECT_VERB) at token s */
int ev_continue_verb(const struct af_coder *c, size_t s); /* a verb of going on (CONTINUE_VERB) at token s */

int ev_parse_subject(const struct af_coder *c, const struct vgroup *v, int *shared);
int ev_adverbial_participle(struct af_coder *c, size_t vi, size_t a, size_t b);
/* An infinitive whose act the sentence reports: its kind (INF_*) in v->purpose and its
 * subject group (the governing clause's), -1 when it is none. */
int ev_infinitive_subject(struct af_coder *c, size_t vi, size_t a, size_t b);
int ev_call_purpose(const struct af_coder *c, const struct vgroup *v, size_t b);
int ev_told_party(const struct af_coder *c, const struct vgroup *v, size_t b);
int ev_speaker_pronoun(const struct af_coder *c, const struct vgroup *v);
int ev_with_party(const struct af_coder *c, const struct vgroup *v, int sg);
int ev_object_owner(const struct af_coder *c, const struct vgroup *v, int sg);
int ev_condemned_attacker(const struct af_coder *c, const struct vgroup *v, int sg);
int ev_force_noun(const struct af_coder *c, size_t i); /* a noun of force (an ACT_ or JOINT_ synset of 18x-19x) at token i */

/* events_verbs.c: the news conventions' codes */
int ev_refused(const struct af_coder *c, const struct vgroup *v);
int ev_announced(const struct af_coder *c, const struct vgroup *v);
const char *ev_news_code(const struct af_coder *c, const struct vgroup *v, const char *code, char *buf, size_t n);
int ev_agreed_to(const struct af_coder *c, const struct vgroup *v); /* "agreed to VERB": an intent (03x) */
const char *ev_intent_code(const char *code); /* the intent (03x) of an act of cooperation, "" */

/* events_emit.c */
void ev_actor(const struct af_coder *c, struct af_events *ev, int chunk, const char *code, struct af_ev_actor *a);
void ev_emit_event(struct af_coder *c, struct emit *em, const struct vgroup *v, const char *code, int src,
                       const char *scode, int tgt, const char *tcode, int reported, int speaker);
int ev_members(const struct af_coder *c, int g, int *chunks, const char **codes, int max);
int ev_group_has_real(const struct af_coder *c, int g);
int ev_group_has_code(const struct af_coder *c, int g);
int ev_subject_before(const struct af_coder *c, size_t pos, size_t a);
int ev_plural_group(const struct af_coder *c, int g);
int ev_speaker_of(struct af_coder *c, int vi, size_t b);
size_t ev_find_places(struct af_coder *c, size_t a, size_t b, const struct af_mentions *ents,
                          struct place *out, size_t max);
void ev_place(const struct af_coder *c, struct af_events *ev, const struct place *p, struct af_ev_place *out);
void ev_code_nominal(struct af_coder *c, size_t a, size_t b, int sidx, struct af_events *events);
int ev_act_noun(const struct af_coder *c, size_t i); /* a noun ev_code_nominal reads at token i */
void ev_nominal_init(struct af_coder *c); /* c->nom from the dictionary's synsets */
void ev_join_forces(struct af_coder *c, size_t ch0, size_t b);

/* events_parse.c: which sentences are parsed and coded, and their parse */
void ev_select_init(struct af_coder *c);
int ev_may_code(const struct af_coder *c, const struct af_evinput *in, size_t a, size_t b);
int ev_parse_text(struct af_coder *c, const struct af_evinput *in, struct af_error *err);

/* events_assert.c: the learned asserted-act filter (news conventions) over the events of
 * sentence [a, b) from first on */
void ev_assert_filter(struct af_coder *c, size_t a, size_t b, int sidx, struct af_events *events, size_t first);
/* reads AF_EVENTS_ASSERT and the model once (af_coder_new): a bad setting or model file ends the run */
void ev_assert_init(void);

#endif
