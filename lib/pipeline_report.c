/* pipeline_report.c - what af-run tells: --progress, the failed stages, --stats. */
#define _XOPEN_SOURCE 700
#include "pipeline_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static const char *sig_name(int sig)
{
	static const struct {
		int sig;
		const char *name;
	} names[] = {{SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
	             {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},
	             {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
	             {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGXCPU, "SIGXCPU"},
	             {SIGXFSZ, "SIGXFSZ"}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].sig == sig)
			return names[i].name;
	return "an unknown signal";
}

/* ---- progress ---- */

/* The input's size in bytes when every input (stdin too) is a regular file, for the
 * progress line's percentage and ETA; -1 when any is a pipe, a terminal or unreadable. */
long long pl_input_size(const struct af_run_opts *o)
{
	long long total = 0;
	int n = o->nfiles > 0 ? o->nfiles : 1;
	for (int i = 0; i < n; i++) {
		const char *f = o->nfiles > 0 ? o->files[i] : "-";
		int std = strcmp(f, "-") == 0;
		struct stat st;
		if ((std ? fstat(0, &st) : stat(f, &st)) != 0 || !S_ISREG(st.st_mode))
			return -1;
		off_t at = std ? lseek(0, 0, SEEK_CUR) : 0;
		total += (long long)st.st_size - (at > 0 ? (long long)at : 0);
	}
	return total;
}

/* CPU seconds a live process used so far (Linux /proc), or 0. */
static double proc_cpu(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	if (!p)
		return 0;
	/* after ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
	unsigned long ut = 0, st = 0;
	if (sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return 0;
	long hz = sysconf(_SC_CLK_TCK);
	return hz > 0 ? (double)(ut + st) / (double)hz : 0;
}

/* On a terminal one line redrawn in place and cleared at the end; elsewhere (--progress
 * into a file) a plain line each second and a last one at the end. */
void pl_show_progress(struct run *r, int final)
{
	double t = pl_now() - r->t0;
	if (final && r->tty) {
		if (r->progress_shown)
			fputs("\r\033[K", stderr);
		return;
	}
	size_t slow = 0;
	double best = -1;
	for (size_t i = 0; i < r->n; i++) {
		double c = r->cpu[i];
		for (size_t k = 0; k < r->ninsts; k++)
			if (r->insts[k] && r->insts[k]->pid[i])
				c += proc_cpu(r->insts[k]->pid[i]);
		if (c > best) {
			best = c;
			slow = i;
		}
	}
	fprintf(stderr, "%s%s: %ld records in, %ld out, %.0f/s, %.1f s", r->tty ? "\r" : "", af_prog(), r->lines[0],
	        r->lines[r->n], t > 0 ? (double)r->lines[r->n] / t : 0.0, t);
	if (r->in_size > 0) {
		/* the share of the input read so far; the ETA assumes the rest goes as fast */
		double f = (double)r->in_bytes / (double)r->in_size;
		f = f > 1 ? 1 : f;
		fprintf(stderr, ", %.0f%%", 100 * f);
		if (!final && f > 0 && f < 1 && t >= 1) {
			long eta = (long)(t * (1 - f) / f + 0.5);
			if (eta < 60)
				fprintf(stderr, ", ETA %lds", eta);
			else if (eta < 3600)
				fprintf(stderr, ", ETA %ldm%02lds", eta / 60, eta % 60);
			else
				fprintf(stderr, ", ETA %ldh%02ldm", eta / 3600, eta % 3600 / 60);
		}
	}
	if (r->n > 1 && best > 0.05)
		fprintf(stderr, ", slowest: %s", r->p->stages[slow].name);
	fputs(r->tty ? "\033[K" : "\n", stderr);
	fflush(stderr);
	r->progress_shown = 1;
}

/* ---- reports ---- */

static void describe(struct af_buf *b, const struct af_stage *s)
{
	if (s->sh) {
		af_buf_adds(b, "sh -c ");
		af_shell_quote(b, s->sh);
		return;
	}
	for (size_t a = 0; s->argv[a]; a++) {
		if (a)
			af_buf_addc(b, ' ');
		af_shell_quote(b, s->argv[a]);
	}
}

void pl_report_failures(struct run *r)
{
	for (size_t k = 0; k < r->nfails && k < MAX_REPORTED; k++) {
		const struct failure *f = &r->fails[k];
		const struct af_stage *s = &r->p->stages[f->stage];
		/* the same stage failing alike in several --jobs copies is said once */
		size_t same = 0;
		while (same < k && !(r->fails[same].stage == f->stage && r->fails[same].status == f->status &&
		                     f->batch < 0 && r->fails[same].batch < 0))
			same++;
		if (same < k)
			continue;
		struct af_buf b = {0};
		af_buf_printf(&b, "stage %zu '%s' (", f->stage + 1, s->name);
		describe(&b, s);
		af_buf_adds(&b, ")");
		if (WIFSIGNALED(f->status))
			af_buf_printf(&b, " was killed by signal %d (%s)", WTERMSIG(f->status), sig_name(WTERMSIG(f->status)));
		else
			af_buf_printf(&b, " exited with status %d", WEXITSTATUS(f->status));
		if (f->batch >= 0)
			af_buf_printf(&b, " on input lines %ld-%ld", f->first, f->last);
		af_warn("%s", b.p);
		af_buf_free(&b);
	}
	if (r->nfails > MAX_REPORTED)
		af_warn("... and %zu more stage failures", r->nfails - MAX_REPORTED);
}

void pl_report_stats(struct run *r)
{
	double wall = pl_now() - r->t0;
	size_t w = 5;
	for (size_t i = 0; i < r->n; i++)
		if (strlen(r->p->stages[i].name) > w)
			w = strlen(r->p->stages[i].name);
	fprintf(stderr, "%s: %s: %ld records in, %ld out, %.3f s", af_prog(), r->p->name, r->lines[0], r->lines[r->n],
	        wall);
	if (r->o->jobs > 1)
		fprintf(stderr, ", %d jobs, %zu batches", r->o->jobs, r->nbatches);
	fputc('\n', stderr);
	fprintf(stderr, "%3s  %-*s %10s %10s %8s %9s %9s\n", "#", (int)w, "stage", "in", "out", "dropped", "wall s",
	        "cpu s");
	for (size_t i = 0; i < r->n; i++) {
		long in = r->lines[i], out = r->lines[i + 1];
		double wt = r->first[i] >= 0 && r->last[i] >= r->first[i] ? r->last[i] - r->first[i] : 0;
		fprintf(stderr, "%3zu  %-*s %10ld %10ld %8ld %9.3f %9.3f\n", i + 1, (int)w, r->p->stages[i].name, in, out,
		        in - out, wt, r->cpu[i]);
	}
}

