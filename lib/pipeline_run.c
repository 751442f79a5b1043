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
 * (a shell stage's background job) is left behind. */
#define _XOPEN_SOURCE 700
#include "af/pipeline.h"
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

#define PUMP_BUF (128 * 1024)
#define KILL_GRACE 5.0      /* seconds between the forwarded signal and SIGKILL */
#define MAX_REPORTED 10     /* failures reported one by one */

struct pump {
	int in, out;           /* pipe ends read and written; -1 when closed or not used */
	int in_nb, out_nb;     /* the fd is non-blocking (ours), so it may be retried */
	const char *src;       /* memory source (a batch), or NULL */
	size_t srclen, srcoff;
	struct af_buf *feed;   /* growing memory source (a worker's batches), or NULL */
	int feed_more;         /* more may be added to feed: its end is not the end */
	int from_input;        /* source: the run's input files */
	struct af_buf *sink;   /* memory sink (a batch's output), or NULL */
	int to_stdout;
	int keep;              /* --keep file, or -1 */
	long *count;           /* non-blank lines that went through, or NULL */
	int content;           /* the current line has a non-blank byte */
	char *buf;
	size_t lo, hi;
	int src_eof, done;
};

struct inst {
	pid_t *pid;            /* 0 once reaped */
	int live;              /* stages not yet reaped */
	pid_t pgid;
	struct pump **pumps;   /* n + 1 links, NULL where the stages talk directly */
	long batch;            /* --jobs: the batch it runs, else -1 */
	/* a worker (--jobs with af filters only): batches fed, their output cut at the marks */
	int worker;
	struct af_buf feed, out;
	size_t scan;           /* bytes of out already searched for marks */
	size_t *q;             /* the batches fed whose mark has not come back, oldest first */
	size_t qhead, qn, qcap;
};

struct batch {
	struct af_buf in, out;
	long first, last;      /* input line numbers it holds */
	int state;             /* 0 waiting, 1 running, 2 done */
	struct inst *inst;
};

struct failure {
	size_t stage;
	int status;
	long batch, first, last;
};

struct run {
	const struct af_pipeline *p;
	const struct af_run_opts *o;
	size_t n;
	char *pdir;            /* the pipeline file's directory, absolute */
	struct rusage ru;      /* children's usage at the last reap */
	int *relay;            /* per link 0..n: a pump sits on it */
	int *keep;             /* per stage: its --keep file, or -1 */
	long *lines;           /* per link: non-blank lines through it */
	double *cpu, *first, *last;
	double t0;
	/* input */
	int infile;            /* index of the next input file */
	int infd;              /* open input, -1 when none */
	int in_eof;
	/* processes */
	struct inst **insts;
	size_t ninsts;
	struct failure *fails;
	size_t nfails;
	int status;            /* af-run's own error status (input, output), 0 if none */
	int sig;               /* the signal that stops the run, 0 if none */
	int stop_sig;          /* the signal af-run sent to stop the stages, 0 if none */
	double kill_at;        /* when to send SIGKILL (0: not yet asked) */
	int out_closed;        /* stdout's reader went away */
	int stop_batches;      /* start no more batches */
	/* --jobs */
	struct batch **batches;
	size_t nbatches, bhead; /* batches made, first not yet written */
	struct af_buf pending; /* input read but not in a batch yet */
	size_t pend_off;
	size_t scan_end;       /* bytes after pend_off already scanned by cut_batch */
	long scan_got, scan_lines;
	long lineno;           /* input lines cut into batches */
	size_t out_off;        /* bytes of the head batch already written */
	int workers;           /* batches go through long-lived workers */
	int workers_done;      /* the last batch was cut: no new worker */
	struct af_run_opts capped; /* o with --jobs capped (JOBS_PER_CPU) */
	char mark[64];         /* the marks between the stages (AF_BATCH_MARK), "" when none */
	/* progress */
	double next_progress;
	int progress_shown;
	int tty;               /* stderr is a terminal */
	long long in_bytes;    /* input bytes read so far */
	long long in_size;     /* the whole input's size when it is all regular files, else -1 */
	int guard;             /* the watchdog's pipe (pipeline_guard.c), -1 when none */
};

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

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void set_flags(int fd, int nonblock)
{
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (nonblock)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* pipe() with both ends close-on-exec; rd_nb / wr_nb make af-run's own end non-blocking. */
static int make_pipe(int fds[2], int rd_nb, int wr_nb)
{
	if (pipe(fds) < 0)
		return -1;
	set_flags(fds[0], rd_nb);
	set_flags(fds[1], wr_nb);
	return 0;
}

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

/* ---- input ---- */

/* Opens the next input file when none is open; 0, or -1 at the end or on error. */
static int input_open(struct run *r)
{
	if (r->infd >= 0)
		return 0;
	if (r->in_eof)
		return -1;
	if (r->o->nfiles == 0 && r->infile == 0) {
		r->infile = 1;
		r->infd = 0;
		return 0;
	}
	if (r->infile >= r->o->nfiles) {
		r->in_eof = 1;
		return -1;
	}
	const char *f = r->o->files[r->infile++];
	if (strcmp(f, "-") == 0) {
		r->infd = 0;
		return 0;
	}
	r->infd = open(f, O_RDONLY | O_CLOEXEC);
	if (r->infd < 0) {
		af_warn("%s: %s", f, strerror(errno));
		r->status = AF_EX_NOINPUT;
		r->in_eof = 1;
		return -1;
	}
	return 0;
}

static void input_close(struct run *r)
{
	if (r->infd > 0)
		close(r->infd);
	r->infd = -1;
}

/* Reads input into buf: bytes read, 0 at the end of all input, -1 to retry later. */
static ssize_t input_read(struct run *r, char *buf, size_t cap)
{
	while (input_open(r) == 0) {
		ssize_t got = read(r->infd, buf, cap);
		if (got > 0) {
			r->in_bytes += got;
			return got;
		}
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			return -1;
		if (got < 0) {
			af_warn("%s: read error: %s",
			        r->infd == 0 ? "stdin" : r->o->files[r->infile - 1], strerror(errno));
			r->status = AF_EX_IOERR;
			input_close(r);
			r->in_eof = 1;
			return 0;
		}
		input_close(r);
		if (r->o->nfiles == 0)
			r->in_eof = 1;
	}
	return 0;
}

/* ---- pumps ---- */

static void count_lines(struct pump *pu, const char *s, size_t n)
{
	const char *end = s + n;
	while (s < end) {
		if (!pu->content) {
			while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
				s++;
			if (s == end)
				return;
			if (*s != '\n')
				pu->content = 1;
		}
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			return;
		if (pu->content)
			(*pu->count)++;
		pu->content = 0;
		s = nl + 1;
	}
}

static struct pump *pump_new(void)
{
	struct pump *pu = af_calloc(1, sizeof *pu);
	pu->in = pu->out = pu->keep = -1;
	pu->buf = af_malloc(PUMP_BUF);
	return pu;
}

static void pump_free(struct pump *pu)
{
	if (!pu)
		return;
	close_fd(&pu->in);
	if (!pu->to_stdout)
		close_fd(&pu->out);
	free(pu->buf);
	free(pu);
}

static void write_all(int fd, const char *s, size_t n, const char *what, struct run *r)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			if (!r->status)
				af_warn("%s: write failed: %s", what, strerror(errno));
			r->status = AF_EX_IOERR;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

/* The pump stops: what it holds is dropped and its ends are closed. */
static void pump_abandon(struct pump *pu)
{
	close_fd(&pu->in);
	if (!pu->to_stdout)
		close_fd(&pu->out);
	else
		pu->out = -1;
	if (pu->from_input)
		pu->from_input = 0;
	pu->lo = pu->hi = 0;
	pu->src_eof = pu->done = 1;
}

/* Fills the empty buffer: 1 if bytes came, 0 if not now. */
static int pump_fill(struct run *r, struct pump *pu)
{
	ssize_t got;
	if (pu->src) {
		size_t left = pu->srclen - pu->srcoff;
		got = (ssize_t)(left < PUMP_BUF ? left : PUMP_BUF);
		memcpy(pu->buf, pu->src + pu->srcoff, (size_t)got);
		pu->srcoff += (size_t)got;
	} else if (pu->feed) {
		size_t left = pu->feed->len - pu->srcoff;
		if (!left && pu->feed_more)
			return 0;
		got = (ssize_t)(left < PUMP_BUF ? left : PUMP_BUF);
		if (got) /* an empty feed may have no buffer yet: memcpy from NULL is undefined */
			memcpy(pu->buf, pu->feed->p + pu->srcoff, (size_t)got);
		pu->srcoff += (size_t)got;
		if (pu->srcoff == pu->feed->len)
			pu->feed->len = pu->srcoff = 0;
	} else if (pu->from_input) {
		got = input_read(r, pu->buf, PUMP_BUF);
		if (got < 0)
			return 0;
	} else {
		got = read(pu->in, pu->buf, PUMP_BUF);
		if (got < 0) {
			if (errno == EINTR || errno == EAGAIN)
				return 0;
			got = 0; /* read errors on a pipe: treat as its end */
		}
	}
	if (got == 0) {
		pu->src_eof = 1;
		close_fd(&pu->in);
		return 0;
	}
	pu->lo = 0;
	pu->hi = (size_t)got;
	if (pu->count)
		count_lines(pu, pu->buf, pu->hi);
	if (pu->keep >= 0)
		write_all(pu->keep, pu->buf, pu->hi, "--keep file", r);
	return 1;
}

/* Writes what the buffer holds: 1 if bytes went, 0 if not now. */
static int pump_drain(struct run *r, struct pump *pu)
{
	if (pu->sink) {
		af_buf_add(pu->sink, pu->buf + pu->lo, pu->hi - pu->lo);
		pu->lo = pu->hi;
		return 1;
	}
	ssize_t w = write(pu->out, pu->buf + pu->lo, pu->hi - pu->lo);
	if (w < 0) {
		if (errno == EINTR || errno == EAGAIN)
			return 0;
		if (errno == EPIPE) {
			if (pu->to_stdout)
				r->out_closed = 1;
		} else if (pu->to_stdout) {
			af_warn("writing output failed: %s", strerror(errno));
			r->status = AF_EX_IOERR;
		}
		pump_abandon(pu);
		return 0;
	}
	pu->lo += (size_t)w;
	return w > 0;
}

/* Moves what can be moved now; can_read / can_write say poll found the fds ready. */
static void pump_step(struct run *r, struct pump *pu, int can_read, int can_write)
{
	for (int round = 0; round < 64 && !pu->done; round++) {
		int moved = 0;
		if (pu->lo == pu->hi && !pu->src_eof && (can_read || pu->src || pu->feed || pu->in_nb)) {
			moved |= pump_fill(r, pu);
			if (!pu->in_nb)
				can_read = 0; /* a blocking fd is read once per poll */
		}
		if (pu->lo < pu->hi && (can_write || pu->sink || pu->out_nb)) {
			moved |= pump_drain(r, pu);
			if (!pu->out_nb && !pu->sink)
				can_write = 0;
		}
		if (pu->src_eof && pu->lo == pu->hi && !pu->done) {
			if (!pu->to_stdout)
				close_fd(&pu->out);
			pu->done = 1;
		}
		if (!moved)
			break;
	}
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
	double t = now() - r->t0;
	if (r->first[i] < 0)
		r->first[i] = t;
	return pid;
}

/* Starts one copy of the pipeline. Link 0 reads from src (a batch) or from the input;
 * link n writes into sink (a batch's output) or to stdout. 0, or -1 with errno. */
static int inst_start(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink)
{
	size_t n = r->n;
	I->pid = af_calloc(n, sizeof *I->pid);
	I->pumps = af_calloc(n + 1, sizeof *I->pumps);
	int prev = -1; /* what the next stage reads */
	int fds[2];
	if (r->relay[0]) {
		if (make_pipe(fds, 0, 1) < 0)
			return -1;
		struct pump *pu = I->pumps[0] = pump_new();
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
			if (make_pipe(fds, r->relay[link], 0) < 0)
				return -1;
			out = fds[1];
			if (r->relay[link]) {
				struct pump *pu = I->pumps[link] = pump_new();
				pu->in = fds[0];
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
					if (make_pipe(f2, 0, 1) < 0)
						return -1;
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

static int inst_done(const struct inst *I, size_t n)
{
	if (I->live)
		return 0;
	for (size_t k = 0; k <= n; k++)
		if (I->pumps[k] && !I->pumps[k]->done)
			return 0;
	return 1;
}

static void inst_free(struct inst *I, size_t n)
{
	if (!I)
		return;
	for (size_t k = 0; k <= n; k++)
		pump_free(I->pumps[k]);
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
static void stop_all(struct run *r, int sig)
{
	r->stop_batches = 1;
	for (size_t i = 0; i < r->ninsts; i++) {
		struct inst *I = r->insts[i];
		if (!I)
			continue;
		for (size_t k = 0; k <= r->n; k++)
			if (I->pumps[k])
				pump_abandon(I->pumps[k]);
	}
	if (sig) {
		if (!r->stop_sig)
			r->stop_sig = sig;
		signal_all(r, sig);
	}
}

static void record_failure(struct run *r, struct inst *I, size_t i, int status)
{
	r->fails = af_realloc(r->fails, (r->nfails + 1) * sizeof *r->fails);
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
				r->last[i] = now() - r->t0;
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

/* ---- --jobs: batches ---- */

/* Cuts the next batch from the pending input: 1 if one was made, 0 if more input is needed. */
static int cut_batch(struct run *r)
{
	const char *s = r->pending.p ? r->pending.p + r->pend_off : "";
	size_t len = r->pending.len - r->pend_off, i = r->scan_end, end = r->scan_end;
	long got = r->scan_got, lines = r->scan_lines;
	while (i < len && got < r->o->batch) {
		const char *nl = memchr(s + i, '\n', len - i);
		if (!nl)
			break;
		size_t j = i;
		while (j < (size_t)(nl - s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
			j++;
		if (s + j != nl)
			got++;
		lines++;
		i = end = (size_t)(nl - s) + 1;
	}
	r->scan_end = end;
	r->scan_got = got;
	r->scan_lines = lines;
	if (got < r->o->batch && !r->in_eof)
		return 0;
	r->scan_end = 0;
	r->scan_got = r->scan_lines = 0;
	if (r->in_eof && end < len) { /* the last line has no newline */
		end = len;
		lines++;
	}
	if (end == 0)
		return 0;
	r->batches = af_realloc(r->batches, (r->nbatches + 1) * sizeof *r->batches);
	struct batch *b = r->batches[r->nbatches++] = af_calloc(1, sizeof *b);
	af_buf_add(&b->in, s, end);
	b->first = r->lineno + 1;
	b->last = r->lineno + lines;
	r->lineno += lines;
	r->pend_off += end;
	if (r->pend_off > r->pending.len / 2) {
		memmove(r->pending.p, r->pending.p + r->pend_off, r->pending.len - r->pend_off);
		r->pending.len -= r->pend_off;
		r->pend_off = 0;
	}
	return 1;
}

static size_t running(const struct run *r)
{
	size_t k = 0;
	for (size_t i = 0; i < r->ninsts; i++)
		if (r->insts[i])
			k++;
	return k;
}

static void add_inst(struct run *r, struct inst *I)
{
	for (size_t i = 0; i < r->ninsts; i++)
		if (!r->insts[i]) {
			r->insts[i] = I;
			return;
		}
	r->insts = af_realloc(r->insts, (r->ninsts + 1) * sizeof *r->insts);
	r->insts[r->ninsts++] = I;
}

/* inst_start, and when it fails: the message, the status, every stage stopped. */
static int start_copy(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink)
{
	if (inst_start(r, I, src, sink) == 0)
		return 0;
	if (errno)
		af_warn("cannot start the pipeline: %s", strerror(errno));
	if (!r->status)
		r->status = AF_EX_SOFTWARE;
	stop_all(r, SIGTERM);
	return -1;
}

/* ---- --jobs: workers ---- */

/* Whether every stage is an af filter, which reads and writes af-run's marks
 * (af_filter_stream): the marks carry the input line numbers from stage to stage. */
static int all_filters(const struct run *r)
{
	static const char *const filters[] = {"af-clean", "af-entities", "af-quotes", "af-events"};
	for (size_t i = 0; i < r->n; i++) {
		const struct af_stage *s = &r->p->stages[i];
		if (s->sh || !s->path)
			return 0;
		const char *base = strrchr(s->path, '/');
		base = base ? base + 1 : s->path;
		size_t k = 0;
		while (k < sizeof filters / sizeof filters[0] && strcmp(base, filters[k]) != 0)
			k++;
		if (k == sizeof filters / sizeof filters[0])
			return 0;
	}
	return 1;
}

/* Whether the batches can go through long-lived workers: every stage is an af filter,
 * which passes the marks on; --keep and --stats, which look between the stages, keep to
 * one copy per batch. */
static int workers_fit(const struct run *r)
{
	return r->o->jobs > 1 && !r->o->keep && !r->o->stats && all_filters(r);
}

static long count_nonblank(const char *s, size_t n)
{
	struct pump tmp = {0};
	long c = 0;
	tmp.count = &c;
	count_lines(&tmp, s, n);
	if (tmp.content)
		c++; /* a last line without a newline */
	return c;
}

/* The end marks that came back in a worker's output end its oldest batches; the start
 * marks are dropped. */
static void take_marks(struct run *r, struct inst *I)
{
	size_t ml = strlen(r->mark), start = 0, i = I->scan;
	char *p = I->out.p;
	while (i < I->out.len) {
		char *nl = memchr(p + i, '\n', I->out.len - i);
		if (!nl)
			break;
		size_t end = (size_t)(nl - p);
		if (end - i > ml && p[i] == r->mark[0] && p[i + ml] == ' ' && memcmp(p + i, r->mark, ml) == 0 &&
		    I->qhead < I->qn) {
			/* what came before a mark is the oldest batch's; a start mark or a stage's
			 * line mark ("MARK N") is dropped, an end mark ("MARK 0") ends the batch */
			struct batch *b = r->batches[I->q[I->qhead]];
			af_buf_add(&b->out, p + start, i - start);
			r->lines[r->n] += count_nonblank(p + start, i - start);
			if (end - i == ml + 2 && p[i + ml + 1] == '0') {
				I->qhead++;
				b->state = 2;
				b->inst = NULL;
			}
			start = end + 1;
		}
		i = end + 1;
	}
	if (start) {
		memmove(p, p + start, I->out.len - start);
		I->out.len -= start;
	}
	I->scan = i - start;
}

/* Starts the workers, then feeds them batches, two at most waiting per worker; 1 when more
 * input must be read first. */
static int feed_workers(struct run *r)
{
	size_t jobs = (size_t)r->o->jobs;
	int want = 0;
	while (!r->stop_batches && r->nbatches - r->bhead < 2 * jobs) {
		struct inst *w = NULL;
		size_t nworkers = 0;
		for (size_t k = 0; k < r->ninsts; k++) {
			struct inst *I = r->insts[k];
			if (I && I->worker)
				nworkers++;
			if (I && I->worker && !I->pumps[0]->src_eof && I->qn - I->qhead < 2 &&
			    (!w || I->qn - I->qhead < w->qn - w->qhead))
				w = I;
		}
		/* a new copy only when every copy is busy and a batch is there for it: no more
		 * copies than batches (issue 15) */
		int start_new = (!w || w->qn > w->qhead) && nworkers < jobs && !r->workers_done;
		if (!w && !start_new)
			break;
		if (!cut_batch(r)) {
			want = !r->in_eof;
			break;
		}
		if (start_new) {
			struct inst *I = af_calloc(1, sizeof *I);
			I->batch = -1;
			I->worker = 1;
			add_inst(r, I);
			if (start_copy(r, I, &I->feed, &I->out) < 0)
				return 0;
			struct pump *in = I->pumps[0], *out = I->pumps[r->n];
			in->src = NULL;
			in->feed = &I->feed;
			in->feed_more = 1;
			in->count = NULL;
			out->count = NULL;
			w = I;
		}
		size_t b = r->nbatches - 1;
		struct batch *bt = r->batches[b];
		r->lines[0] += count_nonblank(bt->in.p, bt->in.len);
		af_buf_printf(&w->feed, "%s %ld\n", r->mark, bt->first);
		af_buf_add(&w->feed, bt->in.p, bt->in.len);
		if (bt->in.len && bt->in.p[bt->in.len - 1] != '\n')
			af_buf_addc(&w->feed, '\n');
		af_buf_printf(&w->feed, "%s 0\n", r->mark);
		af_buf_free(&bt->in);
		bt->state = 1;
		bt->inst = w;
		if (w->qn == w->qcap) {
			w->qcap = w->qcap ? 2 * w->qcap : 8;
			w->q = af_realloc(w->q, w->qcap * sizeof *w->q);
		}
		if (w->qhead == w->qn)
			w->qhead = w->qn = 0;
		w->q[w->qn++] = b;
	}
	/* no more batches: the workers' input ends after what they have */
	if (r->stop_batches || (r->in_eof && r->pending.len == r->pend_off)) {
		r->workers_done = 1;
		for (size_t k = 0; k < r->ninsts; k++)
			if (r->insts[k] && r->insts[k]->worker && r->insts[k]->pumps[0])
				r->insts[k]->pumps[0]->feed_more = 0;
	}
	return want;
}

/* Starts batches while there are free slots; 1 when more input must be read first. */
static int start_batches(struct run *r)
{
	size_t jobs = (size_t)r->o->jobs;
	if (r->workers)
		return feed_workers(r);
	while (!r->stop_batches && running(r) < jobs && r->nbatches - r->bhead < 2 * jobs) {
		size_t b = r->nbatches;
		/* a waiting batch first */
		for (size_t k = r->bhead; k < r->nbatches; k++)
			if (r->batches[k]->state == 0) {
				b = k;
				break;
			}
		if (b == r->nbatches && !cut_batch(r))
			return !r->in_eof;
		struct batch *bt = r->batches[b];
		struct inst *I = af_calloc(1, sizeof *I);
		I->batch = (long)b;
		add_inst(r, I);
		bt->inst = I;
		bt->state = 1;
		if (start_copy(r, I, &bt->in, &bt->out) < 0)
			return 0;
	}
	return 0;
}

/* Batches that finished: their processes are gone; write them out in order. */
static void finish_batches(struct run *r, int can_write)
{
	for (size_t i = 0; i < r->ninsts; i++) {
		struct inst *I = r->insts[i];
		if (I && I->worker) {
			take_marks(r, I);
			/* its stages are gone: nothing more can go in */
			if (!I->live && I->pumps[0] && !I->pumps[0]->done)
				pump_abandon(I->pumps[0]);
			if (!inst_done(I, r->n))
				continue;
			/* the worker ended before all its marks came back (a stage failed or was
			 * stopped): what it wrote goes with the first of them */
			if (I->qhead < I->qn) {
				if (!r->stop_batches && !r->sig && !r->nfails && !r->out_closed)
					af_warn("a copy of the pipeline ended before all its input was through");
				r->stop_batches = 1;
				if (!r->status && !r->nfails && !r->sig && !r->out_closed)
					r->status = AF_EX_SOFTWARE;
				af_buf_add(&r->batches[I->q[I->qhead]]->out, I->out.p, I->out.len);
				for (; I->qhead < I->qn; I->qhead++) {
					r->batches[I->q[I->qhead]]->state = 2;
					r->batches[I->q[I->qhead]]->inst = NULL;
				}
			}
			inst_free(I, r->n);
			r->insts[i] = NULL;
		} else if (I && I->batch >= 0 && inst_done(I, r->n)) {
			r->batches[I->batch]->state = 2;
			r->batches[I->batch]->inst = NULL;
			inst_free(I, r->n);
			r->insts[i] = NULL;
		}
	}
	while (r->bhead < r->nbatches && r->batches[r->bhead]->state == 2) {
		struct batch *b = r->batches[r->bhead];
		if (r->out_closed || r->sig || r->status == AF_EX_IOERR) {
			b->out.len = r->out_off = 0;
		}
		if (r->out_off < b->out.len) {
			if (!can_write)
				return;
			ssize_t w = write(1, b->out.p + r->out_off, b->out.len - r->out_off);
			can_write = 0;
			if (w < 0) {
				if (errno == EINTR || errno == EAGAIN)
					return;
				if (errno == EPIPE) {
					r->out_closed = 1;
				} else {
					af_warn("writing output failed: %s", strerror(errno));
					r->status = AF_EX_IOERR;
				}
				stop_all(r, SIGTERM);
				continue;
			}
			r->out_off += (size_t)w;
			if (r->out_off < b->out.len)
				return;
		}
		af_buf_free(&b->in);
		af_buf_free(&b->out);
		free(b);
		r->batches[r->bhead] = NULL;
		r->out_off = 0;
		r->bhead++;
	}
}

/* ---- progress ---- */

/* The input's size in bytes when every input (stdin too) is a regular file, for the
 * progress line's percentage and ETA; -1 when any is a pipe, a terminal or unreadable. */
static long long input_size(const struct af_run_opts *o)
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
static void show_progress(struct run *r, int final)
{
	double t = now() - r->t0;
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

/* ---- the loop ---- */

static int all_done(struct run *r)
{
	if (r->o->jobs > 1) {
		if (running(r))
			return 0;
		if (r->bhead < r->nbatches)
			return 0;
		return r->stop_batches || (r->in_eof && r->pending.len == r->pend_off);
	}
	for (size_t i = 0; i < r->ninsts; i++)
		if (r->insts[i] && !inst_done(r->insts[i], r->n))
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
				r->kill_at = now() + KILL_GRACE;
				stop_all(r, 0);
			}
			signal_all(r, sigs[i]);
		}
	}
	reap(r);
}

static void loop(struct run *r)
{
	size_t cap = 16;
	struct pollfd *pfd = af_malloc(cap * sizeof *pfd);
	struct pump **who = af_malloc(cap * sizeof *who);
	for (;;) {
		handle_signals(r);
		int want_input = 0;
		if (r->o->jobs > 1) {
			finish_batches(r, 0);
			want_input = start_batches(r);
		}
		/* memory sources and sinks need no waiting */
		for (size_t i = 0; i < r->ninsts; i++)
			for (size_t k = 0; r->insts[i] && k <= r->n; k++)
				if (r->insts[i]->pumps[k])
					pump_step(r, r->insts[i]->pumps[k], 0, 0);
		if (r->o->jobs > 1)
			finish_batches(r, 0);
		if (all_done(r))
			break;
		size_t np = 0;
		int retry = 0;
		pfd[np].fd = sigpipe_fd[0];
		pfd[np].events = POLLIN;
		who[np++] = NULL;
		for (size_t i = 0; i < r->ninsts; i++) {
			for (size_t k = 0; r->insts[i] && k <= r->n; k++) {
				struct pump *pu = r->insts[i]->pumps[k];
				if (!pu || pu->done)
					continue;
				int fd = -1;
				short ev = 0;
				if (pu->lo < pu->hi && !pu->sink && pu->out >= 0) {
					fd = pu->out;
					ev = POLLOUT;
				} else if (pu->lo == pu->hi && !pu->src_eof && !pu->src && !pu->feed) {
					if (pu->from_input) {
						if (input_open(r) < 0) {
							pu->src_eof = 1;
							retry = 1;
							continue;
						}
						fd = r->infd;
					} else {
						fd = pu->in;
					}
					ev = POLLIN;
				}
				if (fd < 0)
					continue;
				if (np + 2 >= cap) {
					cap *= 2;
					pfd = af_realloc(pfd, cap * sizeof *pfd);
					who = af_realloc(who, cap * sizeof *who);
				}
				pfd[np].fd = fd;
				pfd[np].events = ev;
				who[np++] = pu;
			}
		}
		int out_slot = -1, in_slot = -1;
		if (r->o->jobs > 1) {
			if (r->bhead < r->nbatches && r->batches[r->bhead]->state == 2) {
				out_slot = (int)np;
				pfd[np].fd = 1;
				pfd[np].events = POLLOUT;
				who[np++] = NULL;
			}
			if (want_input) {
				if (input_open(r) == 0) {
					in_slot = (int)np;
					pfd[np].fd = r->infd;
					pfd[np].events = POLLIN;
					who[np++] = NULL;
				} else {
					retry = 1;
				}
			}
		}
		if (retry)
			continue;
		int timeout = -1;
		double t = now();
		if (r->o->progress) {
			if (t >= r->next_progress) {
				show_progress(r, 0);
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
		int rc = poll(pfd, (nfds_t)np, timeout);
		if (rc < 0) {
			if (errno == EINTR)
				continue;
			af_die(AF_EX_SOFTWARE, "poll: %s", strerror(errno));
		}
		for (size_t i = 1; i < np; i++) {
			if (!pfd[i].revents)
				continue;
			struct pump *pu = who[i];
			if (pu) {
				int ready = pfd[i].revents & (POLLIN | POLLOUT | POLLHUP | POLLERR);
				pump_step(r, pu, ready && pfd[i].events == POLLIN, ready && pfd[i].events == POLLOUT);
			} else if ((int)i == out_slot) {
				finish_batches(r, 1);
			} else if ((int)i == in_slot) {
				af_buf_grow(&r->pending, PUMP_BUF);
				ssize_t got = input_read(r, r->pending.p + r->pending.len, PUMP_BUF);
				if (got > 0) {
					r->pending.len += (size_t)got;
					r->pending.p[r->pending.len] = '\0';
				}
			}
		}
	}
	free(pfd);
	free(who);
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

static void report_failures(struct run *r)
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

static void report_stats(struct run *r)
{
	double wall = now() - r->t0;
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

int af_pipeline_run(struct af_pipeline *p, const struct af_run_opts *o)
{
	struct run r = {.p = p, .o = o, .n = p->n, .infd = -1, .guard = -1};
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int max_jobs = (int)(ncpu > 2 ? ncpu : 2) * JOBS_PER_CPU;
	if (o->jobs > max_jobs) {
		af_warn("--jobs %d: at most %d copies run at once here (%d per processor)", o->jobs, max_jobs,
		        JOBS_PER_CPU);
		r.capped = *o;
		r.capped.jobs = max_jobs;
		r.o = o = &r.capped;
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
	size_t n = p->n;
	r.relay = af_calloc(n + 1, sizeof *r.relay);
	r.keep = af_malloc(n * sizeof *r.keep);
	r.lines = af_calloc(n + 1, sizeof *r.lines);
	r.cpu = af_calloc(n, sizeof *r.cpu);
	r.first = af_malloc(n * sizeof *r.first);
	r.last = af_malloc(n * sizeof *r.last);
	for (size_t i = 0; i < n; i++) {
		r.keep[i] = -1;
		r.first[i] = r.last[i] = -1;
	}
	r.t0 = now();
	r.tty = isatty(2);
	r.next_progress = r.t0 + 0.25; /* a run that ends at once shows nothing */
	r.in_size = o->progress ? input_size(o) : -1;
	int status = AF_EX_OK;
	char real[PATH_MAX];
	r.pdir = realpath(p->dir, real) ? af_strdup(real) : NULL;
	getrusage(RUSAGE_CHILDREN, &r.ru);

	/* every input file must be there before anything starts */
	for (int i = 0; i < o->nfiles; i++) {
		struct stat st;
		if (strcmp(o->files[i], "-") == 0)
			continue;
		if (stat(o->files[i], &st) < 0 || access(o->files[i], R_OK) < 0) {
			af_warn("%s: %s", o->files[i], strerror(errno));
			status = AF_EX_NOINPUT;
			goto out;
		}
		if (S_ISDIR(st.st_mode)) {
			af_warn("%s: %s", o->files[i], strerror(EISDIR));
			status = AF_EX_NOINPUT;
			goto out;
		}
	}
	if (o->keep && open_keep(&r) < 0) {
		status = AF_EX_IOERR;
		goto out;
	}
	/* where af-run has to sit between the stages */
	int see_all = o->keep || o->stats;
	r.relay[0] = o->jobs > 1 || see_all || o->progress || o->nfiles > 1 || isatty(0);
	for (size_t k = 1; k < n; k++)
		r.relay[k] = see_all;
	r.relay[n] = o->jobs > 1 || see_all || o->progress || isatty(1);
	/* marks between the stages: the batches of --jobs, and the input line numbers (a stage
	 * that drops a line tells the next the number of the line after it) */
	r.workers = workers_fit(&r);
	if (r.workers || (o->jobs <= 1 && !see_all && all_filters(&r)))
		snprintf(r.mark, sizeof r.mark, "\036af-run batch mark %ld", (long)getpid());

	r.guard = af_guard_start(); /* before the handlers: af-run waits for its first fork here */
	if (make_pipe(sigpipe_fd, 1, 1) < 0) {
		af_warn("pipe: %s", strerror(errno));
		status = AF_EX_SOFTWARE;
		goto out;
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

	if (o->jobs <= 1) {
		struct inst *I = af_calloc(1, sizeof *I);
		I->batch = -1;
		add_inst(&r, I);
		start_copy(&r, I, NULL, NULL);
	}
	loop(&r);
	if (o->progress)
		show_progress(&r, 1);
	for (size_t i = 0; i < r.ninsts; i++)
		inst_free(r.insts[i], n);
	input_close(&r);
	close_fd(&r.guard);

	for (size_t k = 0; k < 4; k++)
		sigaction(sigs[k], &old[k], NULL);
	sigaction(SIGPIPE, &old[4], NULL);
	close_fd(&sigpipe_fd[0]);
	close_fd(&sigpipe_fd[1]);

	if (r.sig) {
		fflush(NULL);
		signal(r.sig, SIG_DFL);
		raise(r.sig);
		status = 128 + r.sig;
		goto out;
	}
	report_failures(&r);
	if (o->stats)
		report_stats(&r);
	if (r.status)
		status = r.status;
	else if (r.out_closed)
		status = AF_EX_OK;
	else if (r.nfails) {
		status = AF_EX_DATAERR;
		for (size_t k = 0; k < r.nfails; k++)
			if (!(WIFEXITED(r.fails[k].status) && WEXITSTATUS(r.fails[k].status) == AF_EX_DATAERR))
				status = AF_EX_FAIL;
		/* the last stage, writing af-run's own output, could not: af-run's output failed */
		for (size_t k = 0; k < r.nfails; k++)
			if (r.fails[k].stage == n - 1 && !r.relay[n] && WIFEXITED(r.fails[k].status) &&
			    WEXITSTATUS(r.fails[k].status) == AF_EX_IOERR)
				status = AF_EX_IOERR;
	}
out:
	close_fd(&r.guard);
	for (size_t i = 0; i < n; i++)
		if (r.keep[i] >= 0 && close(r.keep[i]) < 0 && !status) {
			af_warn("--keep: %s", strerror(errno));
			status = AF_EX_IOERR;
		}
	for (size_t b = r.bhead; b < r.nbatches; b++) {
		af_buf_free(&r.batches[b]->in);
		af_buf_free(&r.batches[b]->out);
		free(r.batches[b]);
	}
	free(r.batches);
	af_buf_free(&r.pending);
	free(r.insts);
	free(r.fails);
	free(r.relay);
	free(r.keep);
	free(r.lines);
	free(r.cpu);
	free(r.first);
	free(r.last);
	free(r.pdir);
	return status;
}
