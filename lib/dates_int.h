/* dates_int.h - what lib/dates.c and lib/dateres.c (the date resolver) share; private. */
#ifndef AF_DATES_INT_H
#define AF_DATES_INT_H

#include "af/dates.h"

struct af_daterules;

/* The resolver's words (the `resolve` key of data/dates.yaml or of a user's lexicon). */
struct af_daterules *af_daterules_new(void);
int af_daterules_merge(struct af_daterules *r, const struct af_ynode *resolve, struct af_error *err);
void af_daterules_free(struct af_daterules *r);
/* The shared English words the resolver takes (relative days, number words), before its
 * own. */
struct af_english;
void af_daterules_english(struct af_daterules *r, const struct af_english *en);

/* The parts of struct af_dates the resolver reads. */
struct af_daterules *af_dates_rules(struct af_dates *d);
/* The weekday (1 = Monday) a name stands for, 0 if none. */
int af_dates_weekday(struct af_dates *d, const char *name, size_t n);

#endif
