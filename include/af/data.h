/* data.h - the default lexicons and models compiled into the tools (data/). */
#ifndef AF_DATA_H
#define AF_DATA_H

#include <stddef.h>

struct af_datafile {
	const char *name; /* base name under data/, e.g. "clean.yaml" */
	const char *data;
	size_t len;
};

extern const struct af_datafile af_datafiles[]; /* ends with a NULL name */

/* The compiled-in file of that name, or NULL. */
const struct af_datafile *af_data_find(const char *name);

#endif
