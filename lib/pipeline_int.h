/* pipeline_int.h - what the files of af-run's runner (lib/pipeline_*.c) share. */
#ifndef AF_PIPELINE_INT_H
#define AF_PIPELINE_INT_H

#include "af/pipeline.h"
#include "af/util.h"

#include <sys/resource.h>
#include <sys/types.h>

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
	const char *what;      /* the stage it reads from, for messages (NULL: not a stage) */
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
	size_t nbatches, bcap, bhead; /* batches made (room for bcap), first not yet written */
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


/* pipeline_io.c: the input, pipes and pumps */
double pl_now(void);
void pl_close_fd(int *fd);
int pl_make_pipe(int fds[2], int rd_nb, int wr_nb);
int pl_input_open(struct run *r);
void pl_input_close(struct run *r);
ssize_t pl_input_read(struct run *r, char *buf, size_t cap);
void pl_count_lines(struct pump *pu, const char *s, size_t n);
struct pump *pl_pump_new(void);
void pl_pump_free(struct pump *pu);
void pl_pump_abandon(struct pump *pu);
void pl_pump_step(struct run *r, struct pump *pu, int can_read, int can_write);

/* pipeline_jobs.c: --jobs, its batches and workers */
size_t pl_running(const struct run *r);
int pl_all_filters(const struct run *r);
int pl_workers_fit(const struct run *r);
int pl_start_batches(struct run *r);
void pl_finish_batches(struct run *r, int can_write);

/* pipeline_report.c: --progress, failures, --stats */
long long pl_input_size(const struct af_run_opts *o);
void pl_show_progress(struct run *r, int final);
void pl_report_failures(struct run *r);
void pl_report_stats(struct run *r);

/* pipeline_run.c: the copies of the pipeline, their stages and signals */
int pl_inst_start(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink);
int pl_inst_done(const struct inst *I, size_t n);
void pl_inst_free(struct inst *I, size_t n);
void pl_stop_all(struct run *r, int sig);
void pl_add_inst(struct run *r, struct inst *I);
int pl_start_copy(struct run *r, struct inst *I, const struct af_buf *src, struct af_buf *sink);


/* pipeline_guard.c: the watchdog that ends the stages' process groups when af-run is gone,
 * even by SIGKILL. af_guard_start: the pipe's write end (close-on-exec), or -1 when no
 * watchdog could be started. */
int af_guard_start(void);
void af_guard_add(int fd, pid_t pgid);  /* a group of stages started */
void af_guard_drop(int fd, pid_t pgid); /* its stages reaped */

#endif
