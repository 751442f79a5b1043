/* pipeline_guard.c - af-run's watchdog: the process groups of the stages end with af-run,
 * even when af-run is killed with SIGKILL and can do nothing itself.
 *
 * PR_SET_PDEATHSIG reaches the stages af-run forks, not what they fork in turn (a shell
 * stage's background job). So af-run starts one small watchdog process (a grandchild, in a
 * session of its own, so that neither af-run's waits nor the terminal's signals reach it)
 * and keeps the write end of a pipe to it. af-run tells it each stage group it starts and
 * each it has reaped; when the pipe ends, af-run is gone (exit, crash or SIGKILL: the kernel
 * closes the pipe either way), and the watchdog sends SIGTERM to every group still listed,
 * and SIGKILL to those still there a few seconds later. A group is listed only while its
 * stages run, so a run that ends normally signals nothing. */
#define _XOPEN_SOURCE 700
#include "pipeline_int.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GUARD_GRACE_MS 3000 /* between SIGTERM and SIGKILL */

struct guard_msg {
	int add; /* 1: a group started, 0: a group reaped */
	pid_t pgid;
};

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* The watchdog itself: reads the groups until the pipe ends, then ends what is left. */
static void guard_main(int rd)
{
	pid_t *pg = NULL;
	size_t n = 0, cap = 0;
	struct guard_msg m;
	ssize_t got;
	while ((got = read(rd, &m, sizeof m)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got != (ssize_t)sizeof m)
			break;
		if (m.add) {
			if (n == cap) {
				/* not af_grow, which dies: out of memory, the watchdog still ends the groups it has */
				if (cap > SIZE_MAX / 2 / sizeof *pg)
					break;
				cap = cap ? 2 * cap : 16;
				pid_t *np = realloc(pg, cap * sizeof *pg);
				if (!np)
					break;
				pg = np;
			}
			pg[n++] = m.pgid;
		} else {
			for (size_t i = 0; i < n; i++)
				if (pg[i] == m.pgid) {
					pg[i] = pg[--n];
					break;
				}
		}
	}
	for (size_t i = 0; i < n; i++)
		kill(-pg[i], SIGTERM);
	for (long t = 0; n && t < GUARD_GRACE_MS; t += 50) {
		size_t left = 0;
		for (size_t i = 0; i < n; i++)
			if (kill(-pg[i], 0) == 0)
				pg[left++] = pg[i];
		n = left;
		if (n)
			sleep_ms(50);
	}
	for (size_t i = 0; i < n; i++)
		kill(-pg[i], SIGKILL);
	_exit(0);
}

/* In the watchdog: nothing of af-run's but the pipe; no terminal, no inherited handlers. */
static void guard_detach(int rd)
{
	setsid();
	struct rlimit rl;
	int top = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < 65536
	              ? (int)rl.rlim_cur
	              : 1024;
	for (int fd = 0; fd < top; fd++)
		if (fd != rd)
			close(fd);
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
	}
	struct sigaction sa = {0};
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	int ign[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT};
	for (size_t k = 0; k < sizeof ign / sizeof ign[0]; k++)
		sigaction(ign[k], &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

int af_guard_start(void)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);
	pid_t mid = fork();
	if (mid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (mid == 0) {
		close(fds[1]);
		if (fork() != 0) /* the watchdog is the grandchild: af-run never waits for it */
			_exit(0);
		guard_detach(fds[0]);
		guard_main(fds[0]);
	}
	close(fds[0]);
	while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
		;
	int fl = fcntl(fds[1], F_GETFD);
	if (fl < 0 || fcntl(fds[1], F_SETFD, fl | FD_CLOEXEC) < 0) { /* the stages must not hold it */
		close(fds[1]);
		return -1;
	}
	return fds[1];
}

static void guard_send(int fd, int add, pid_t pgid)
{
	if (fd < 0 || pgid <= 0)
		return;
	struct guard_msg m = {add, pgid};
	while (write(fd, &m, sizeof m) < 0 && errno == EINTR)
		;
}

void af_guard_add(int fd, pid_t pgid)
{
	guard_send(fd, 1, pgid);
}

void af_guard_drop(int fd, pid_t pgid)
{
	guard_send(fd, 0, pgid);
}
