/* pipeline_jobs.c - af-run --jobs: the input cut into batches of whole lines, each through a copy of
 * the pipeline of its own or fed to long-lived workers between marks, the outputs written
 * in input order. */
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
	if (r->nbatches == r->bcap)
		r->batches = af_grow(r->batches, &r->bcap, r->nbatches + 1, sizeof *r->batches);
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

size_t pl_running(const struct run *r)
{
	size_t k = 0;
	for (size_t i = 0; i < r->ninsts; i++)
		if (r->insts[i])
			k++;
	return k;
}

/* ---- --jobs: workers ---- */

/* Whether every stage is an af filter, which reads and writes af-run's marks
 * (af_filter_stream): the marks carry the input line numbers from stage to stage. */
int pl_all_filters(const struct run *r)
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
int pl_workers_fit(const struct run *r)
{
	return r->o->jobs > 1 && !r->o->keep && !r->o->stats && pl_all_filters(r);
}

static long count_nonblank(const char *s, size_t n)
{
	struct pump tmp = {0};
	long c = 0;
	tmp.count = &c;
	pl_count_lines(&tmp, s, n);
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
			pl_add_inst(r, I);
			if (pl_start_copy(r, I, &I->feed, &I->out) < 0)
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
		if (w->qn == w->qcap)
			w->q = af_grow(w->q, &w->qcap, w->qn + 1, sizeof *w->q);
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
int pl_start_batches(struct run *r)
{
	size_t jobs = (size_t)r->o->jobs;
	if (r->workers)
		return feed_workers(r);
	while (!r->stop_batches && pl_running(r) < jobs && r->nbatches - r->bhead < 2 * jobs) {
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
		pl_add_inst(r, I);
		bt->inst = I;
		bt->state = 1;
		if (pl_start_copy(r, I, &bt->in, &bt->out) < 0)
			return 0;
	}
	return 0;
}

/* Batches that finished: their processes are gone; write them out in order. */
void pl_finish_batches(struct run *r, int can_write)
{
	for (size_t i = 0; i < r->ninsts; i++) {
		struct inst *I = r->insts[i];
		if (I && I->worker) {
			take_marks(r, I);
			/* its stages are gone: nothing more can go in */
			if (!I->live && I->pumps[0] && !I->pumps[0]->done)
				pl_pump_abandon(I->pumps[0]);
			if (!pl_inst_done(I, r->n))
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
			pl_inst_free(I, r->n);
			r->insts[i] = NULL;
		} else if (I && I->batch >= 0 && pl_inst_done(I, r->n)) {
			r->batches[I->batch]->state = 2;
			r->batches[I->batch]->inst = NULL;
			pl_inst_free(I, r->n);
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
				pl_stop_all(r, SIGTERM);
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

