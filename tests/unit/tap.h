/* tap.h - the TAP output of the C unit tests: "ok N - what" / "not ok N - what" on stdout,
 * the plan "1..N" at the end (tap_done), exit status 1 when a test failed. */
#ifndef AF_TAP_H
#define AF_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int ntests, nfailed;

static int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3), unused));

static int ok(int cond, const char *fmt, ...)
{
	va_list ap;
	ntests++;
	if (!cond)
		nfailed++;
	printf("%sok %d - ", cond ? "" : "not ", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	return cond;
}

#endif
