/* data.h - the default lexicons and models compiled into the tools (data/). */
#ifndef AF_DATA_H
#define AF_DATA_H

#include <stddef.h>

struct af_datafile {
	const char *name; /* base name under data/, e.g. "clean.yaml" */
	const char *data;
	size_t len;
};

/* A library module that reads a compiled-in file names it here, by its base name with
 * other characters than letters and digits as '_': AF_DATA_USE(clean_yaml). The reference
 * links that file into every tool that links the module, and only into those. */
#define AF_DATA_USE(ident)                                                                         \
	extern const struct af_datafile af_data_##ident;                                           \
	__attribute__((used)) static const struct af_datafile *const af_data_use_##ident = &af_data_##ident

/* The compiled-in file of that name, or NULL (not in data/, or no module of this tool
 * said AF_DATA_USE for it). */
const struct af_datafile *af_data_find(const char *name);

#endif
