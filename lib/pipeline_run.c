/* pipeline_run.c - runs a pipeline's stages as processes connected by pipes.
 *
 * Every stage is forked and exec'd with its stdin and stdout on pipes; af-run itself only
 * sits on a link between two stages when it has to see the bytes (--keep, --stats,
 * --progress, several input files, a terminal): such a link is a "pump" that copies
 * from one pipe to the next, counting lines. Otherwise the stages talk to each other and
 * af-run only waits, so a plain run costs nothing over a shell pipeline.
 *
 * With --jobs N the input is cut into batches of whole lines; the outputs are written in
 * input order. When every stage is an af filter (af-clean, af-entities, af-quotes,
 * af-events), N copies of the pipeline ("workers") are started once and fed batch after
 * batch, each between two mark lines that the filters pass on unchanged (see
 * af_filter_stream): "MARK N" before a batch gives its first input line number, for the
 * stages' messages, and "MARK 0" after it cuts the worker's output back into batches.
 * Otherwise each batch goes through its own copy of the pipeline, N at a time, and a
 * batch's output is everything its copy wrote before exiting. Neither depends on counting
 * lines, so both stay right when a stage drops a bad record.
 *
 * Each copy of the pipeline runs in its own process group; SIGINT, SIGTERM and SIGHUP
 * are sent on to every group (and SIGKILL 5 s later if a stage ignores them), and on
 * Linux each stage also gets SIGTERM if af-run dies. A watchdog process (pipeline_guard.c)
 * ends the groups when af-run is gone, even by SIGKILL, so that nothing a stage started
 * (a shell stage's background job) is left behind.
 *
 * The runner's files: pipeline_run.c (this: the copies of the pipeline, their stages, the
 * loop, the entry), pipeline_io.c (the input and the pumps), pipeline_jobs.c (--jobs:
 * batches and workers), pipeline_report.c (--progress, failures, --stats),
 * pipeline_guard.c (the watchdog); pipeline_int.h holds what they share. */
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

static int sigpipe_fd[2] = {-1, -1};

static void on_signal(int sig)
{
	int e = errno;
	unsigned char c = (unsigned char)sig;
	if (write(sigpipe_fd[1], &c, 1) < 0) {
		/* full: a wake-up is already pending */
	}
	errno = e;
}

/* ---- stages ---- */

static void child_fail(const struct af_stage *s, const char *what)
{
	dprintf(2, "%s: stage '%s': %s %s: %s\n", af_prog(), s->name, what, s->path, strerror(errno));
	_exit(127);
}

/* fork + exec stage i with stdin fd_in and stdout fd_out; the pid, or -1. */
static pid_t spawn(struct run *r, struct inst *I, size_t i, int fd_in, int fd_out)
{
	const struct af_stage *s = &r->p->stages[i];
	pid_t parent = getpid();
	fflush(NULL);
	/* no handler of af-run's may run in the child before it has reset them */
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid_t pid = fork();
	if (pid != 0) {
		int e = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = e;
	}
	if (pid < 0)
		return -1;
	if (pid == 0) {
		setpgid(0, I->pgid);
#ifdef __linux__
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != parent)
			_exit(127);
#endif
		(void)parent;
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_DFL;
		sigemptyset(&sa.sa_mask);
		int sigs[] = {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD};
		for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
			sigaction(sigs[k], &sa, NULL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		/* move both out of the way first, so that dup2 cannot clobber one with the other */
		int in = fd_in, out = fd_out;
		if (in != 0 && (in = fcntl(fd_in, F_DUPFD_CLOEXEC, 3)) < 0)
			child_fail(s, "cannot set up stdin of");
		if (out != 1 && (out = fcntl(fd_out, F_DUPFD_CLOEXEC, 3)) < 0)
			child_fail(s, "cannot set up stdout of");
		if ((in != 0 && dup2(in, 0) < 0) || (out != 1 && dup2(out, 1) < 0))
			child_fail(s, "cannot set up");
		for (size_t e = 0; e < s->nenv; e++) {
			char *eq = strchr(s->env[e], '=');
			*eq = '\0';
			setenv(s->env[e], eq + 1, 1);
			*eq = '=';
		}
		if (r->pdir)
			setenv("AF_PIPELINE_DIR", r->pdir, 1);
		if (r->mark[0])
			setenv("AF_BATCH_MARK", r->mark, 1);
		else
			unsetenv("AF_BATCH_MARK");
		if (r->mark[0] && !r->workers && i + 1 == r->n)
			setenv("AF_MARKS_OUT", "0", 1); /* the last stage writes to the output: no marks */
		else
			unsetenv("AF_MARKS_OUT");
		execv(s->path, s->argv);
		child_fail(s, "cannot run");
	}
	if (!I->pgid) {
		I->pgid = pid;
		af_guard_add(r->guard, pid);
	}
	setpgid(pid, I->pgid); /* also done by the child: whichever comes first */
	double t = pl_now() - r->t0;
	if (r->first[i] < 0)
		r->first[i] = t;
	return pid;
}

/* pl_inst_start's way out when a pipe cannot be made: the ends it holds that no pump owns
 * (what the next stage would read, prev unless it is stdin; what this one would write, out)
 * closed, errno kept. -1. */
static int start_fail(int prev, int out)
{
	int e = errno;
	if (prev > 0)
		close(prev);
	if (out > 1)
		close(out);
	errno = e;
	return -1;
}

/* Starts one copy of the pipeline. Link 0 reads from src (a batch) or from the input;
 * link n writes into sink (a batch's output) or to stdout. 0, or -1 with errno. */
int pl_inst_start(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink)
{
	size_t n = r->n;
	I->pid = af_calloc(n, sizeof *I->pid);
	I->pumps = af_calloc(n + 1, sizeof *I->pumps);
	int prev = -1; /* what the next stage reads */
	int fds[2];
	if (r->relay[0]) {
		if (pl_make_pipe(fds, 0, 1) < 0)
			return -1;
		struct pump *pu = I->pumps[0] = pl_pump_new();
		pu->out = fds[1];
		pu->out_nb = 1;
		if (src) {
			pu->src = src->p ? src->p : "";
			pu->srclen = src->len;
		} else {
			pu->from_input = 1;
		}
		pu->count = &r->lines[0];
		prev = fds[0];
	} else if (r->o->nfiles == 1 && strcmp(r->o->files[0], "-") != 0) {
		prev = open(r->o->files[0], O_RDONLY | O_CLOEXEC);
		if (prev < 0) {
			af_warn("%s: %s", r->o->files[0], strerror(errno));
			r->status = AF_EX_NOINPUT;
			errno = 0;
			return -1;
		}
	} else {
		prev = 0;
	}
	for (size_t i = 0; i < n; i++) {
		int out, next = -1;
		size_t link = i + 1;
		if (link == n && !r->relay[n]) {
			out = 1;
		} else {
			if (pl_make_pipe(fds, r->relay[link], 0) < 0)
				return start_fail(prev, -1);
			out = fds[1];
			if (r->relay[link]) {
				struct pump *pu = I->pumps[link] = pl_pump_new();
				pu->in = fds[0];
				pu->what = r->p->stages[i].name;
				pu->in_nb = 1;
				pu->count = &r->lines[link];
				pu->keep = r->keep[i];
				if (link == n) {
					if (sink) {
						pu->sink = sink;
					} else {
						pu->out = 1;
						pu->to_stdout = 1;
					}
				} else {
					int f2[2];
					if (pl_make_pipe(f2, 0, 1) < 0)
						return start_fail(prev, out);
					pu->out = f2[1];
					pu->out_nb = 1;
					next = f2[0];
				}
			} else {
				next = fds[0];
			}
		}
		pid_t pid = spawn(r, I, i, prev, out);
		int e = errno;
		if (prev != 0)
			close(prev);
		if (out != 1)
			close(out);
		if (pid < 0) {
			if (next >= 0)
				close(next);
			errno = e;
			return -1;
		}
		I->pid[i] = pid;
		I->live++;
		prev = next;
	}
	return 0;
}

int pl_inst_done(const struct inst *I, size_t n)
{
	if (I->live)
		return 0;
	for (size_t k = 0; k <= n; k++)
		if (I->pumps[k] && !I->pumps[k]->done)
			return 0;
	return 1;
}

void pl_inst_free(struct inst *I, size_t n)
{
	if (!I)
		return;
	for (size_t k = 0; k <= n; k++)
		pl_pump_free(I->pumps[k]);
	free(I->pumps);
	free(I->pid);
	af_buf_free(&I->feed);
	af_buf_free(&I->out);
	free(I->q);
	free(I);
}

static void signal_all(struct run *r, int sig)
{
	for (size_t i = 0; i < r->ninsts; i++)
		if (r->insts[i] && r->insts[i]->live && r->insts[i]->pgid > 0)
			kill(-r->insts[i]->pgid, sig);
}

/* Stop everything: no more input goes in, every pump is dropped, every stage told. */
void pl_stop_all(struct run *r, int sig)
{
	r->stop_batches = 1;
	for (size_t i = 0; i < r->ninsts; i++) {
		struct inst *I = r->insts[i];
		if (!I)
			continue;
		for (size_t k = 0; k <= r->n; k++)
			if (I->pumps[k])
				pl_pump_abandon(I->pumps[k]);
	}
	if (sig) {
		if (!r->stop_sig)
			r->stop_sig = sig;
		signal_all(r, sig);
	}
}

static void record_failure(struct run *r, struct inst *I, size_t i, int status)
{
	r->fails = af_reallocarray(r->fails, r->nfails + 1, sizeof *r->fails);
	struct failure *f = &r->fails[r->nfails++];
	f->stage = i;
	f->status = status;
	f->batch = I->batch;
	f->first = f->last = 0;
	if (I->batch >= 0) {
		f->first = r->batches[I->batch]->first;
		f->last = r->batches[I->batch]->last;
	}
	if (r->o->jobs > 1 && !(WIFEXITED(status) && WEXITSTATUS(status) == AF_EX_DATAERR))
		r->stop_batches = 1; /* rejected records go on, as in one pipeline; a broken stage stops it */
}

static void reap(struct run *r)
{
	struct rusage before = r->ru;
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);
		if (pid <= 0)
			return;
		struct rusage after;
		getrusage(RUSAGE_CHILDREN, &after);
		double cpu = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
		             (double)(after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
		             (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec) / 1e6 +
		             (double)(after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6;
		before = r->ru = after;
		for (size_t k = 0; k < r->ninsts; k++) {
			struct inst *I = r->insts[k];
			if (!I)
				continue;
			for (size_t i = 0; i < r->n; i++) {
				if (I->pid[i] != pid)
					continue;
				I->pid[i] = 0;
				if (!--I->live)
					af_guard_drop(r->guard, I->pgid);
				r->cpu[i] += cpu;
				r->last[i] = pl_now() - r->t0;
				const struct af_stage *s = &r->p->stages[i];
				int pipe_death = (WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE) ||
				                 (s->sh && WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGPIPE);
				int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
				int stopped = (r->sig || r->stop_sig) && WIFSIGNALED(status) &&
				              (WTERMSIG(status) == r->sig || WTERMSIG(status) == r->stop_sig ||
				               WTERMSIG(status) == SIGKILL);
				if (!ok && !pipe_death && !stopped && !r->out_closed)
					record_failure(r, I, i, status);
				goto next;
			}
		}
	next:;
	}
}

void pl_add_inst(struct run *r, struct inst *I)
{
	for (size_t i = 0; i < r->ninsts; i++)
		if (!r->insts[i]) {
			r->insts[i] = I;
			return;
		}
	r->insts = af_reallocarray(r->insts, r->ninsts + 1, sizeof *r->insts);
	r->insts[r->ninsts++] = I;
}

/* inst_start, and when it fails: the message, the status, every stage stopped. */
int pl_start_copy(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink)
{
	if (pl_inst_start(r, I, src, sink) == 0)
		return 0;
	if (errno)
		af_warn("cannot start the pipeline: %s", strerror(errno));
	if (!r->status)
		r->status = AF_EX_SOFTWARE;
	pl_stop_all(r, SIGTERM);
	return -1;
}

/* ---- the loop ---- */

static int all_done(struct run *r)
{
	if (r->o->jobs > 1) {
		if (pl_running(r))
			return 0;
		if (r->bhead < r->nbatches)
			return 0;
		return r->stop_batches || (r->in_eof && r->pending.len == r->pend_off);
	}
	for (size_t i = 0; i < r->ninsts; i++)
		if (r->insts[i] && !pl_inst_done(r->insts[i], r->n))
			return 0;
	return 1;
}

static void handle_signals(struct run *r)
{
	unsigned char sigs[64];
	ssize_t got;
	while ((got = read(sigpipe_fd[0], sigs, sizeof sigs)) > 0) {
		for (ssize_t i = 0; i < got; i++) {
			if (sigs[i] == SIGCHLD)
				continue;
			if (!r->sig) {
				r->sig = sigs[i];
				r->kill_at = pl_now() + KILL_GRACE;
				pl_stop_all(r, 0);
			}
			signal_all(r, sigs[i]);
		}
	}
	reap(r);
}

/* What loop waits on: the signal pipe, the pumps, and with --jobs stdout and the input. */
struct poller {
	struct pollfd *pfd;
	struct pump **who; /* the pump of each fd, NULL for the others */
	size_t n, cap;
	int out_slot, in_slot; /* --jobs: the slots of stdout and of the input, -1 */
};

static void poll_add(struct poller *pl, int fd, short ev, struct pump *pu)
{
	if (pl->n + 1 >= pl->cap) {
		pl->pfd = af_grow(pl->pfd, &pl->cap, pl->n + 2, sizeof *pl->pfd);
		pl->who = af_reallocarray(pl->who, pl->cap, sizeof *pl->who);
	}
	pl->pfd[pl->n].fd = fd;
	pl->pfd[pl->n].events = ev;
	pl->pfd[pl->n].revents = 0;
	pl->who[pl->n++] = pu;
}

/* The fds to wait on. 0, or -1 when an input could not be opened: go round again. */
static int poll_fill(struct run *r, struct poller *pl, int want_input)
{
	int retry = 0;
	pl->n = 0;
	pl->out_slot = pl->in_slot = -1;
	poll_add(pl, sigpipe_fd[0], POLLIN, NULL);
	for (size_t i = 0; i < r->ninsts; i++) {
		for (size_t k = 0; r->insts[i] && k <= r->n; k++) {
			struct pump *pu = r->insts[i]->pumps[k];
			if (!pu || pu->done)
				continue;
			if (pu->lo < pu->hi && !pu->sink && pu->out >= 0) {
				poll_add(pl, pu->out, POLLOUT, pu);
			} else if (pu->lo == pu->hi && !pu->src_eof && !pu->src && !pu->feed) {
				if (!pu->from_input) {
					if (pu->in >= 0)
						poll_add(pl, pu->in, POLLIN, pu);
				} else if (pl_input_open(r) < 0) {
					pu->src_eof = 1;
					retry = 1;
				} else {
					poll_add(pl, r->infd, POLLIN, pu);
				}
			}
		}
	}
	if (r->o->jobs > 1) {
		if (r->bhead < r->nbatches && r->batches[r->bhead]->state == 2) {
			pl->out_slot = (int)pl->n;
			poll_add(pl, 1, POLLOUT, NULL);
		}
		if (want_input) {
			if (pl_input_open(r) == 0) {
				pl->in_slot = (int)pl->n;
				poll_add(pl, r->infd, POLLIN, NULL);
			} else {
				retry = 1;
			}
		}
	}
	return retry ? -1 : 0;
}

/* How long poll may wait (ms, -1 for ever): the next progress line, the SIGKILL due. */
static int poll_timeout(struct run *r)
{
	int timeout = -1;
	double t = pl_now();
	if (r->o->progress) {
		if (t >= r->next_progress) {
			pl_show_progress(r, 0);
			r->next_progress = t + (r->tty ? 0.25 : 1.0);
		}
		timeout = (int)((r->next_progress - t) * 1000) + 1;
	}
	if (r->kill_at > 0) {
		if (t >= r->kill_at) {
			signal_all(r, SIGKILL);
			r->kill_at = t + 1;
		}
		int k = (int)((r->kill_at - t) * 1000) + 1;
		if (timeout < 0 || k < timeout)
			timeout = k;
	}
	return timeout;
}

/* Serves what poll found ready. */
static void poll_serve(struct run *r, struct poller *pl)
{
	for (size_t i = 1; i < pl->n; i++) {
		short rev = pl->pfd[i].revents;
		if (!rev)
			continue;
		struct pump *pu = pl->who[i];
		if (pu) {
			int ready = rev & (POLLIN | POLLOUT | POLLHUP | POLLERR);
			pl_pump_step(r, pu, ready && pl->pfd[i].events == POLLIN, ready && pl->pfd[i].events == POLLOUT);
		} else if ((int)i == pl->out_slot) {
			pl_finish_batches(r, 1);
		} else if ((int)i == pl->in_slot) {
			af_buf_grow(&r->pending, PUMP_BUF);
			ssize_t got = pl_input_read(r, r->pending.p + r->pending.len, PUMP_BUF);
			if (got > 0) {
				r->pending.len += (size_t)got;
				r->pending.p[r->pending.len] = '\0';
			}
		}
	}
}

static void loop(struct run *r)
{
	struct poller pl = {0};
	for (;;) {
		handle_signals(r);
		int want_input = 0;
		if (r->o->jobs > 1) {
			pl_finish_batches(r, 0);
			want_input = pl_start_batches(r);
		}
		/* memory sources and sinks need no waiting */
		for (size_t i = 0; i < r->ninsts; i++)
			for (size_t k = 0; r->insts[i] && k <= r->n; k++)
				if (r->insts[i]->pumps[k])
					pl_pump_step(r, r->insts[i]->pumps[k], 0, 0);
		if (r->o->jobs > 1)
			pl_finish_batches(r, 0);
		if (all_done(r))
			break;
		if (poll_fill(r, &pl, want_input) < 0)
			continue;
		int timeout = poll_timeout(r);
		if (poll(pl.pfd, (nfds_t)pl.n, timeout) < 0) {
			if (errno == EINTR)
				continue;
			af_die(AF_EX_SOFTWARE, "poll: %s", strerror(errno));
		}
		poll_serve(r, &pl);
	}
	free(pl.pfd);
	free(pl.who);
}

/* ---- entry ---- */

static int open_keep(struct run *r)
{
	const char *dir = r->o->keep;
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		af_warn("--keep %s: %s", dir, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct af_buf path = {0};
		af_buf_printf(&path, "%s/%02zu-%s.ndjson", dir, i + 1, r->p->stages[i].name);
		r->keep[i] = open(path.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		if (r->keep[i] < 0) {
			af_warn("--keep: %s: %s", path.p, strerror(errno));
			af_buf_free(&path);
			return -1;
		}
		af_buf_free(&path);
	}
	return 0;
}

/* --jobs beyond this many copies per online processor only costs memory: capped, said once */
#define JOBS_PER_CPU 4

/* --jobs capped, the standard fds checked, the tables of the stages made. 0, or the
 * status to end with. */
static int run_init(struct run *r)
{
	const struct af_run_opts *o = r->o;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int max_jobs = (int)(ncpu > 2 ? ncpu : 2) * JOBS_PER_CPU;
	if (o->jobs > max_jobs) {
		af_warn("--jobs %d: at most %d copies run at once here (%d per processor)", o->jobs, max_jobs,
		        JOBS_PER_CPU);
		r->capped = *o;
		r->capped.jobs = max_jobs;
		r->o = o = &r->capped;
	}
	/* a closed standard output or error would be taken by the first pipe opened, and the
	 * output lost: a closed stdout is an output error; a closed stderr gets /dev/null */
	if (fcntl(2, F_GETFD) < 0 && errno == EBADF) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0 && fd != 2)
			close(fd);
	}
	if (fcntl(1, F_GETFD) < 0 && errno == EBADF) {
		af_warn("writing output failed: standard output is closed");
		return AF_EX_IOERR;
	}
	size_t n = r->n;
	r->relay = af_calloc(n + 1, sizeof *r->relay);
	r->keep = af_malloc(n * sizeof *r->keep);
	r->lines = af_calloc(n + 1, sizeof *r->lines);
	r->cpu = af_calloc(n, sizeof *r->cpu);
	r->first = af_malloc(n * sizeof *r->first);
	r->last = af_malloc(n * sizeof *r->last);
	for (size_t i = 0; i < n; i++) {
		r->keep[i] = -1;
		r->first[i] = r->last[i] = -1;
	}
	r->t0 = pl_now();
	r->tty = isatty(2);
	r->next_progress = r->t0 + 0.25; /* a run that ends at once shows nothing */
	r->in_size = o->progress ? pl_input_size(o) : -1;
	char real[PATH_MAX];
	r->pdir = realpath(r->p->dir, real) ? af_strdup(real) : NULL;
	getrusage(RUSAGE_CHILDREN, &r->ru);
	return 0;
}

/* Every input file must be there before anything starts: 0, or AF_EX_NOINPUT. */
static int check_inputs(const struct af_run_opts *o)
{
	for (int i = 0; i < o->nfiles; i++) {
		struct stat st;
		if (strcmp(o->files[i], "-") == 0)
			continue;
		if (stat(o->files[i], &st) < 0 || access(o->files[i], R_OK) < 0) {
			af_warn("%s: %s", o->files[i], strerror(errno));
			return AF_EX_NOINPUT;
		}
		if (S_ISDIR(st.st_mode)) {
			af_warn("%s: %s", o->files[i], strerror(EISDIR));
			return AF_EX_NOINPUT;
		}
	}
	return 0;
}

/* Where af-run has to sit between the stages, and whether they pass marks. */
static void set_links(struct run *r)
{
	const struct af_run_opts *o = r->o;
	size_t n = r->n;
	int see_all = o->keep || o->stats;
	r->relay[0] = o->jobs > 1 || see_all || o->progress || o->nfiles > 1 || isatty(0);
	for (size_t k = 1; k < n; k++)
		r->relay[k] = see_all;
	r->relay[n] = o->jobs > 1 || see_all || o->progress || isatty(1);
	/* marks between the stages: the batches of --jobs, and the input line numbers (a stage
	 * that drops a line tells the next the number of the line after it) */
	r->workers = pl_workers_fit(r);
	if (r->workers || (o->jobs <= 1 && !see_all && pl_all_filters(r)))
		snprintf(r->mark, sizeof r->mark, "\036af-run batch mark %ld", (long)getpid());
}

/* Starts the stages and runs the loop to its end, with af-run's handlers. 0, or
 * AF_EX_SOFTWARE. */
static int run_stages(struct run *r)
{
	r->guard = af_guard_start(); /* before the handlers: af-run waits for its first fork here */
	if (pl_make_pipe(sigpipe_fd, 1, 1) < 0) {
		af_warn("pipe: %s", strerror(errno));
		return AF_EX_SOFTWARE;
	}
	struct sigaction sa, old[5];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked write returns so the signal is seen */
	int sigs[] = {SIGCHLD, SIGINT, SIGTERM, SIGHUP};
	for (size_t k = 0; k < 4; k++)
		sigaction(sigs[k], &sa, &old[k]);
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old[4]);

	if (r->o->jobs <= 1) {
		struct inst *I = af_calloc(1, sizeof *I);
		I->batch = -1;
		pl_add_inst(r, I);
		pl_start_copy(r, I, NULL, NULL);
	}
	loop(r);
	if (r->o->progress)
		pl_show_progress(r, 1);
	for (size_t i = 0; i < r->ninsts; i++)
		pl_inst_free(r->insts[i], r->n);
	pl_input_close(r);
	pl_close_fd(&r->guard);

	for (size_t k = 0; k < 4; k++)
		sigaction(sigs[k], &old[k], NULL);
	sigaction(SIGPIPE, &old[4], NULL);
	pl_close_fd(&sigpipe_fd[0]);
	pl_close_fd(&sigpipe_fd[1]);
	return 0;
}

/* After the run: the reports, and the status (af-run's own error, the stages'). */
static int run_status(struct run *r)
{
	size_t n = r->n;
	if (r->sig) {
		fflush(NULL);
		signal(r->sig, SIG_DFL);
		raise(r->sig);
		return 128 + r->sig;
	}
	pl_report_failures(r);
	if (r->o->stats)
		pl_report_stats(r);
	if (r->status)
		return r->status;
	if (r->out_closed || !r->nfails)
		return AF_EX_OK;
	int status = AF_EX_DATAERR;
	for (size_t k = 0; k < r->nfails; k++)
		if (!(WIFEXITED(r->fails[k].status) && WEXITSTATUS(r->fails[k].status) == AF_EX_DATAERR))
			status = AF_EX_FAIL;
	/* the last stage, writing af-run's own output, could not: af-run's output failed */
	for (size_t k = 0; k < r->nfails; k++)
		if (r->fails[k].stage == n - 1 && !r->relay[n] && WIFEXITED(r->fails[k].status) &&
		    WEXITSTATUS(r->fails[k].status) == AF_EX_IOERR)
			status = AF_EX_IOERR;
	return status;
}

/* Frees the run; an error closing a --keep file turns a status of 0 into AF_EX_IOERR. */
static int run_free(struct run *r, int status)
{
	pl_close_fd(&r->guard);
	for (size_t i = 0; i < r->n; i++)
		if (r->keep[i] >= 0 && close(r->keep[i]) < 0 && !status) {
			af_warn("--keep: %s", strerror(errno));
			status = AF_EX_IOERR;
		}
	for (size_t b = r->bhead; b < r->nbatches; b++) {
		af_buf_free(&r->batches[b]->in);
		af_buf_free(&r->batches[b]->out);
		free(r->batches[b]);
	}
	free(r->batches);
	af_buf_free(&r->pending);
	free(r->insts);
	free(r->fails);
	free(r->relay);
	free(r->keep);
	free(r->lines);
	free(r->cpu);
	free(r->first);
	free(r->last);
	free(r->pdir);
	return status;
}

int af_pipeline_run(struct af_pipeline *p, const struct af_run_opts *o)
{
	struct run r = {.p = p, .o = o, .n = p->n, .infd = -1, .guard = -1};
	int status = run_init(&r);
	if (status)
		return status;
	if (!(status = check_inputs(r.o)) && r.o->keep && open_keep(&r) < 0)
		status = AF_EX_IOERR;
	if (!status) {
		set_links(&r);
		status = run_stages(&r);
	}
	if (!status)
		status = run_status(&r);
	return run_free(&r, status);
}

