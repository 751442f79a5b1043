/* record_filter.c - the filter loop every stage runs over its records (record.h): lines
 * read and named, marks of af-run passed on, rejects reported and kept, records written,
 * stopping signals taken between two records; and the checked writes to stdout. */
#define _POSIX_C_SOURCE 200809L
#include "af/record.h"
#include "af/util.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- output ---- */

static int sigpipe_ignored;

static void check_stdout(void)
{
	if (!ferror(stdout))
		return;
	if (errno == EPIPE)
		exit(AF_EX_OK);
	af_die(AF_EX_IOERR, "writing output failed: %s", strerror(errno));
}

void af_output(const char *s, size_t n)
{
	if (!sigpipe_ignored) {
		signal(SIGPIPE, SIG_IGN);
		sigpipe_ignored = 1;
	}
	errno = 0;
	if (n && fwrite(s, 1, n, stdout) != n)
		check_stdout();
	check_stdout();
}

void af_output_flush(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE)
			exit(AF_EX_OK);
		af_die(AF_EX_IOERR, "writing output failed: %s", strerror(errno ? errno : EIO));
	}
}

/* ---- the filter loop ---- */

static void where(struct af_buf *b, const char *name, long lineno)
{
	if (name)
		af_buf_printf(b, "%s: ", name);
	if (lineno > 0)
		af_buf_printf(b, "line %ld: ", lineno);
}

/* --reject FILE is created (emptied) when the run starts, so that it never holds an older run's lines. */
static void reject_open(struct af_filter *f)
{
	if (!f->reject_path || f->reject)
		return;
	f->reject = fopen(f->reject_path, "w");
	if (!f->reject)
		af_die(AF_EX_IOERR, "%s: %s", f->reject_path, strerror(errno));
}

void af_filter_reject(struct af_filter *f, const char *name, long lineno, const char *data, size_t len,
                      const char *why)
{
	struct af_buf msg = {0};
	where(&msg, name, lineno);
	af_warn("%s%s", msg.p ? msg.p : "", why);
	af_buf_free(&msg);
	f->nrejected++;
	reject_open(f);
	if (f->reject && data) {
		if (fwrite(data, 1, len, f->reject) != len || fputc('\n', f->reject) == EOF)
			af_die(AF_EX_IOERR, "%s: write failed: %s", f->reject_path, strerror(errno));
	}
	if (f->strict)
		f->stopped = 1;
}

/* Under af-run, a line that went in and made no line out (blank, rejected) would shift the next
 * stage's count: "MARK N" before the next line written tells it that line's number. */
static void mark_line(struct af_filter *f, long lineno)
{
	if (!f->mark || f->quiet || lineno <= 0 || lineno == f->mark_next)
		return;
	struct af_buf b = {0};
	af_buf_printf(&b, "%s %ld\n", f->mark, lineno);
	af_output(b.p, b.len);
	af_buf_free(&b);
	f->mark_next = lineno;
}

void af_filter_record(struct af_filter *f, struct af_record *r, const char *name, long lineno)
{
	struct af_error why = {{0}};
	f->cur_name = name;
	f->cur_line = lineno;
	reject_open(f);
	enum af_verdict v = f->process(r, f->ctx, &why);
	if (v == AF_REJECT) {
		af_filter_reject(f, name, lineno, r->line, r->len, why.msg[0] ? why.msg : "rejected");
		return;
	}
	if (v == AF_PASS || v == AF_PASS_BAD) {
		if (!f->quiet) {
			mark_line(f, lineno);
			f->mark_next++;
			af_output(r->line, r->len);
			af_output("\n", 1);
		}
		if (v == AF_PASS_BAD) {
			struct af_buf msg = {0};
			where(&msg, name, lineno);
			af_warn("%s%s (passed through unchanged)", msg.p ? msg.p : "", why.msg[0] ? why.msg : "bad record");
			af_buf_free(&msg);
			f->npassbad++;
			if (f->strict)
				f->stopped = 1;
		}
		return;
	}
	if (f->quiet)
		return;
	mark_line(f, lineno);
	f->mark_next++;
	af_buf_reset(&f->out);
	af_record_write(r, f->stage, &f->out);
	af_buf_addc(&f->out, '\n');
	af_output(f->out.p, f->out.len);
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* SIGINT, SIGTERM and SIGHUP stop a filter between two records: what it wrote ends on a
 * line boundary (af(7)); then it dies of the signal, as without the handler. The signals are
 * blocked but while waiting for input, so that a read is interrupted and a record being
 * worked on or written is finished first. */
static volatile sig_atomic_t stop_sig;
static sigset_t stop_set;

static void on_stop(int sig)
{
	stop_sig = sig;
}

static void catch_stops(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	sigemptyset(&stop_set);
	for (size_t i = 0; i < 3; i++) {
		struct sigaction sa, old;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue; /* ignored by whoever started us: stays ignored */
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_stop;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns */
		sigaction(sigs[i], &sa, NULL);
		sigaddset(&stop_set, sigs[i]);
	}
}

static _Noreturn void stop_now(void)
{
	int sig = stop_sig;
	fflush(stdout);
	signal(sig, SIG_DFL);
	raise(sig);
	_Exit(128 + sig);
}

int af_filter_stream(struct af_filter *f, FILE *in, const char *name)
{
	catch_stops();
	sigprocmask(SIG_BLOCK, &stop_set, NULL);
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long lineno = f->lines_before;
	f->lines_before = 0;
	struct af_record r;
	af_record_init(&r);
	reject_open(f);
	/* af-run --jobs sends several batches through one copy of a pipeline, each between
	 * two mark lines (MARK from the environment): "MARK N" before it, N the input line
	 * number it starts at, and "MARK 0" after it. They go on unchanged and at once, and
	 * the line count follows N. A stage writes "MARK N" itself before a line whose number
	 * the next stage would not count right (mark_line), so that every stage names a
	 * record by its input line; AF_MARKS_OUT=0 (af-run's last stage without --jobs):
	 * marks are read, none is written. */
	const char *mark = getenv("AF_BATCH_MARK");
	size_t marklen = mark ? strlen(mark) : 0;
	const char *mo = getenv("AF_MARKS_OUT");
	f->mark = marklen && !(mo && !strcmp(mo, "0")) ? mark : NULL;
	if (!f->mark_next)
		f->mark_next = 1;
	for (;;) {
		if (f->stopped)
			break;
		sigprocmask(SIG_UNBLOCK, &stop_set, NULL);
		got = stop_sig ? -1 : getline(&line, &cap, in);
		sigprocmask(SIG_BLOCK, &stop_set, NULL);
		if (got < 0)
			break;
		size_t n = (size_t)got;
		lineno++;
		if (n && line[n - 1] == '\n')
			n--;
		if (n && line[n - 1] == '\r')
			n--;
		char *p = line;
		if (lineno == 1 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) { /* a byte-order mark: skipped */
			p += 3;
			n -= 3;
		}
		if (marklen && n > marklen && p[marklen] == ' ' && memcmp(p, mark, marklen) == 0) {
			long first = strtol(p + marklen + 1, NULL, 10);
			if (f->mark) {
				af_output(p, n);
				af_output("\n", 1);
				af_output_flush();
				f->mark_next = first > 0 ? first : f->mark_next + 1;
			}
			if (first > 0)
				lineno = first - 1;
			continue;
		}
		if (blank(p, n))
			continue;
		f->nin++;
		struct af_error why = {{0}};
		if (af_record_parse(&r, p, n, &why) < 0) {
			af_filter_reject(f, name, lineno, p, n, why.msg);
			continue;
		}
		af_filter_record(f, &r, name, lineno);
	}
	sigprocmask(SIG_UNBLOCK, &stop_set, NULL);
	if (stop_sig)
		stop_now();
	if (ferror(in))
		af_die(AF_EX_IOERR, "%s: read error: %s", name ? name : "stdin", strerror(errno));
	af_record_free(&r);
	free(line);
	return f->stopped ? -1 : 0;
}

int af_filter_finish(struct af_filter *f)
{
	af_output_flush();
	if (f->reject && fclose(f->reject) != 0)
		af_die(AF_EX_IOERR, "%s: %s", f->reject_path, strerror(errno));
	f->reject = NULL;
	af_buf_free(&f->out);
	if (f->stopped)
		af_warn("stopped at the first rejected record (--strict)");
	else {
		if (f->nrejected)
			af_warn("%ld of %ld records rejected%s%s", f->nrejected, f->nin,
			        f->reject_path ? ", kept in " : "", f->reject_path ? f->reject_path : "");
		if (f->npassbad)
			af_warn("%ld of %ld records passed through unchanged with a problem", f->npassbad, f->nin);
	}
	return f->nrejected || f->npassbad ? AF_EX_DATAERR : AF_EX_OK;
}
