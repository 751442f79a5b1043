/* pipeline_io.c - af-run's input and its pumps: the links where af-run copies the bytes between
 * two stages (or from the input, or into a batch's output), counting lines on the way. */
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

double pl_now(void)
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

void pl_close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* pipe() with both ends close-on-exec; rd_nb / wr_nb make af-run's own end non-blocking. */
int pl_make_pipe(int fds[2], int rd_nb, int wr_nb)
{
	if (pipe(fds) < 0)
		return -1;
	set_flags(fds[0], rd_nb);
	set_flags(fds[1], wr_nb);
	return 0;
}

/* ---- input ---- */

/* Opens the next input file when none is open; 0, or -1 at the end or on error. */
int pl_input_open(struct run *r)
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

void pl_input_close(struct run *r)
{
	if (r->infd > 0)
		close(r->infd);
	r->infd = -1;
}

/* Reads input into buf: bytes read, 0 at the end of all input, -1 to retry later. */
ssize_t pl_input_read(struct run *r, char *buf, size_t cap)
{
	while (pl_input_open(r) == 0) {
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
			pl_input_close(r);
			r->in_eof = 1;
			return 0;
		}
		pl_input_close(r);
		if (r->o->nfiles == 0)
			r->in_eof = 1;
	}
	return 0;
}

/* ---- pumps ---- */

void pl_count_lines(struct pump *pu, const char *s, size_t n)
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

struct pump *pl_pump_new(void)
{
	struct pump *pu = af_calloc(1, sizeof *pu);
	pu->in = pu->out = pu->keep = -1;
	pu->buf = af_malloc(PUMP_BUF);
	return pu;
}

void pl_pump_free(struct pump *pu)
{
	if (!pu)
		return;
	pl_close_fd(&pu->in);
	if (!pu->to_stdout)
		pl_close_fd(&pu->out);
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
void pl_pump_abandon(struct pump *pu)
{
	pl_close_fd(&pu->in);
	if (!pu->to_stdout)
		pl_close_fd(&pu->out);
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
		if (pu->srcoff == pu->feed->len) {
			pu->feed->len = pu->srcoff = 0;
		} else if (pu->srcoff >= PUMP_BUF * 8 && pu->srcoff > pu->feed->len / 2) {
			/* what was sent goes, or a worker that never runs dry would keep every batch of
			 * a long --jobs run (the feed is refilled before it empties) */
			memmove(pu->feed->p, pu->feed->p + pu->srcoff, pu->feed->len - pu->srcoff);
			pu->feed->len -= pu->srcoff;
			pu->srcoff = 0;
		}
	} else if (pu->from_input) {
		got = pl_input_read(r, pu->buf, PUMP_BUF);
		if (got < 0)
			return 0;
	} else {
		got = read(pu->in, pu->buf, PUMP_BUF);
		if (got < 0) {
			if (errno == EINTR || errno == EAGAIN)
				return 0;
			/* not the pipe's end: what the stage wrote after it is lost, so the run fails */
			af_warn("reading the output of stage '%s' failed: %s", pu->what ? pu->what : "?", strerror(errno));
			r->status = AF_EX_IOERR;
			pl_stop_all(r, SIGTERM);
			return 0;
		}
	}
	if (got == 0) {
		pu->src_eof = 1;
		pl_close_fd(&pu->in);
		return 0;
	}
	pu->lo = 0;
	pu->hi = (size_t)got;
	if (pu->count)
		pl_count_lines(pu, pu->buf, pu->hi);
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
		pl_pump_abandon(pu);
		return 0;
	}
	pu->lo += (size_t)w;
	return w > 0;
}

/* Moves what can be moved now; can_read / can_write say poll found the fds ready. */
void pl_pump_step(struct run *r, struct pump *pu, int can_read, int can_write)
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
				pl_close_fd(&pu->out);
			pu->done = 1;
		}
		if (!moved)
			break;
	}
}

