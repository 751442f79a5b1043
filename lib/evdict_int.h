/* evdict_int.h - what the dictionary readers share (lib/evdict*.c): the dictionary core in
 * evdict.c (words, phrase trie, actor codes, agents, discards, synsets, the line reader of the
 * text formats) and the verb-block builders of evdict_petrarch.c that the YAML reader reuses.
 * Private to lib/. */
#ifndef AF_EVDICT_INT_H
#define AF_EVDICT_INT_H

#include "events_int.h"

/* ---- core (evdict.c) ---- */

void ev_set_flag(int **tab, size_t *cap, int id);
/* Word-id bit tables: tab[id] |= bits; the bits of id (0 when none). */
void ev_set_bits(int **tab, size_t *cap, int id, int bits);
int ev_bits(const int *tab, size_t cap, int id);
/* The file name, kept for the dictionary's lifetime (pattern error positions). */
const char *ev_keep_file(struct af_evdict *d, const char *file);

/* The line reader of the text formats: comments ("#", "<!", "<!-- -->") removed, upper-cased. */
struct ev_rd {
	const char *buf, *file;
	size_t len, pos;
	int line, incomment;
	char *s; /* the current line, comments removed, upper-cased, trimmed on the right */
	size_t cap;
	struct af_error *err;
	int cline, ccol; /* where an open "<!--" began */
	int failed;      /* ev_rd_next met an error (an unclosed comment): err holds it */
};
int ev_rd_begin(struct ev_rd *r, const char *buf, size_t len, const char *file, struct af_error *err);
/* ev_rd_begin for a verb file: its name kept (d's files), a new load order. */
int ev_rd_begin_verbs(struct ev_rd *r, struct af_evdict *d, const char *buf, size_t len, const char *file,
                      struct af_error *err);
/* Cuts the trailing blanks of the o bytes in r->s and ends the line there; the offset of its
 * first non-blank byte (at the NUL when the line is blank). */
size_t ev_rd_trim(struct ev_rd *r, size_t o);
int ev_rd_line(struct ev_rd *r, size_t *b, size_t *e);
int ev_rd_err(struct ev_rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The error "file:line:col: what" (col from 1 in the line). */
int ev_rd_errc(struct ev_rd *r, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The next line into r->s: 1, or 0 at the end (r->failed when the end is an error). */
int ev_rd_next(struct ev_rd *r);
/* A dictionary text must be UTF-8 without NUL bytes: 0, or -1 naming the first bad byte. */
int ev_check_bytes(struct ev_rd *r);

/* Phrases: words as ids into the trie. */
int ev_phrase_words(struct af_evdict *d, const char *s, size_t n, int *ids, int max, int *final);
void ev_plural(const char *w, char *out);
int ev_add_phrase_node(struct af_evdict *d, const int *ids, int n);

/* Actors, agents, discards. */
int ev_parse_codes(struct ev_rd *r, struct ev_actor *a, const char *s);
/* "YYMMDD" (YY <= 30 -> 20YY) or "YYYYMMDD" -> yyyymmdd; -1 when not a date, -2 when its month
 * or day is out of range. */
long ev_parse_date(const char *s, size_t n);
char *ev_title_case(const char *s, size_t n);
int ev_new_actor(struct af_evdict *d);
int ev_add_actor_phrase(struct ev_rd *r, struct af_evdict *d, const char *s, size_t n, int actor);
int ev_finish_actor(struct ev_rd *r, struct af_evdict *d, int actor, int line);
/* Is seg (its first 3 letters) a CAMEO role (GOV, ELI, REB ...), not a country or group? */
int ev_role_seg(const char *seg);
int ev_agent_code(struct ev_rd *r, const char *s, size_t n, struct ev_agent *ag);
int ev_add_agent_phrase(struct af_evdict *d, const char *phrase, int agent);
int ev_add_discard(struct af_evdict *d, const char *s, size_t n, int story);

/* Synsets: members kept raw until ev_resolve_all expands them (after each file). */
int ev_new_synset(struct af_evdict *d, const char *name, size_t n, const char *file);
void ev_syn_add_raw(struct ev_synset *s, const char *m, int line);
int ev_resolve_all(struct af_evdict *d, struct af_error *err);

/* ---- verb blocks (evdict_petrarch.c) ---- */

int ev_block_header(struct ev_rd *r, struct af_evdict *d, const char *s);
int ev_add_verb_line(struct ev_rd *r, struct af_evdict *d, int block, const char *s);
int ev_pattern_line(struct ev_rd *r, struct af_evdict *d, int block, const char *s);
/* A form (words, the inflected one at head) of the verb, unless it has it already. */
void ev_add_form(struct af_evdict *d, int verb, int kind, const int *words, int nwords, int head);

#endif
