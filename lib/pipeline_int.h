/* pipeline_int.h - what the files of af-run's runner (lib/pipeline_*.c) share. */
#ifndef AF_PIPELINE_INT_H
#define AF_PIPELINE_INT_H

#include <sys/types.h>

/* pipeline_guard.c: the watchdog that ends the stages' process groups when af-run is gone,
 * even by SIGKILL. af_guard_start: the pipe's write end (close-on-exec), or -1 when no
 * watchdog could be started. */
int af_guard_start(void);
void af_guard_add(int fd, pid_t pgid);  /* a group of stages started */
void af_guard_drop(int fd, pid_t pgid); /* its stages reaped */

#endif
