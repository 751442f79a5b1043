/* scripts/cbytes.h - writing bytes into a C string literal, for the build's generators
 * (embed.c, evsnap.c). */
#ifndef AF_SCRIPTS_CBYTES_H
#define AF_SCRIPTS_CBYTES_H

#include <stdio.h>

/* Byte c, escaped, into the open literal; *col counts the line's length, and the literal is
 * closed and reopened on a new line past 100 columns. Octal escapes are always three digits,
 * so a following digit cannot join them; '?' is escaped against trigraphs. */
static void cbytes_put(FILE *out, int c, int *col)
{
	if (c == '"' || c == '\\')
		*col += fprintf(out, "\\%c", c);
	else if (c < 0x20 || c >= 0x7f || c == '?')
		*col += fprintf(out, "\\%03o", c);
	else
		*col += fprintf(out, "%c", c);
	if (*col > 100) {
		fputs("\"\n\"", out);
		*col = 0;
	}
}

#endif
