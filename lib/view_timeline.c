/* view_timeline.c - af-view's pages over many articles: the index of the articles and the
 * timeline of their events (a track per actor pair with a dot per dated event, then a table
 * of every event by date), with the filters the page's script reads (docs/af-view.1). */
#include "af/dates.h"
#include "af/events.h"
#include "af/util.h"
#include "view_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vw_render_index(struct af_buf *b, const struct art *arts, size_t n)
{
	af_buf_printf(b, "<nav id=\"index\"><h2>Articles (%zu)</h2><table><thead><tr><th>#</th><th>title</th>"
	                 "<th>source</th><th>published</th><th>entities</th><th>quotes</th><th>events</th>"
	                 "</tr></thead><tbody>\n", n);
	for (size_t i = 0; i < n; i++) {
		const json_t *r = arts[i].rec;
		const char *t = vw_jstr0(r, "title"), *id = vw_jstr0(r, "id"), *src = vw_jstr0(r, "source"),
		           *pub = vw_jstr0(r, "published");
		af_buf_printf(b, "<tr class=\"idx\"><td>%zu</td><td><a href=\"#a%zu\"><bdi>", i + 1, i);
		vw_esc(b, t ? t : id ? id : "(untitled)");
		af_buf_adds(b, "</bdi></a></td><td><bdi>");
		vw_esc(b, src ? src : "");
		af_buf_adds(b, "</bdi></td><td>");
		vw_esc(b, pub ? pub : "");
		af_buf_printf(b, "</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n", json_array_size(arts[i].ents),
		              json_array_size(arts[i].quotes), json_array_size(arts[i].events));
	}
	af_buf_adds(b, "</tbody></table></nav>\n");
}

/* one event on the timeline */
struct tev {
	size_t art, ev;
	const json_t *e;
	const char *date;
	long day;
	int prec; /* 1 year, 2 month, 3 day; 0 undated */
};

/* every event of the articles, sorted by date, with the filters' choices */
struct timeline {
	struct tev *tv;
	size_t nev;
	const char **actors, **roots; /* sorted, unique */
	size_t na, nr;
	char (*rootbuf)[8];
	long dmin, dmax; /* the dated events' range, when any */
	int any;
};

static int tev_cmp(const void *pa, const void *pb)
{
	const struct tev *a = pa, *b = pb;
	if (!a->date != !b->date)
		return a->date ? -1 : 1;
	if (a->date) {
		int c = strcmp(a->date, b->date);
		if (c)
			return c;
	}
	if (a->art != b->art)
		return a->art < b->art ? -1 : 1;
	return a->ev < b->ev ? -1 : a->ev > b->ev;
}

static int str_cmp(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* sorted unique strings */
static size_t uniq(const char **v, size_t n)
{
	qsort(v, n, sizeof *v, str_cmp);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || strcmp(v[k - 1], v[i]))
			v[k++] = v[i];
	return k;
}

/* days since 1970-01-01 of "YYYY", "YYYY-MM" or "YYYY-MM-DD..."; -1 when s is not such a
 * date. *prec gets 1 (year), 2 (month) or 3 (day). */
static int date_days(const char *s, long *days, int *prec)
{
	int y, m = 1, d = 1, p = 1;
	if (!s || strlen(s) < 4)
		return -1;
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (s[4] == '-' && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' && s[6] <= '9') {
		m = (s[5] - '0') * 10 + (s[6] - '0');
		p = 2;
		if (s[7] == '-' && s[8] >= '0' && s[8] <= '3' && s[9] >= '0' && s[9] <= '9') {
			d = (s[8] - '0') * 10 + (s[9] - '0');
			p = 3;
		}
	} else if (s[4] && s[4] != 'T' && s[4] != ' ')
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*days = af_dt_days(y, m, d);
	*prec = p;
	return 0;
}

/* Phase 1: every event of the articles with its day, the actors and roots of the filters. */
static void collect(struct timeline *tl, const struct art *arts, size_t n)
{
	size_t nev = 0;
	for (size_t i = 0; i < n; i++)
		nev += json_array_size(arts[i].events);
	tl->nev = nev;
	tl->tv = af_malloc((nev ? nev : 1) * sizeof *tl->tv);
	tl->actors = af_malloc((2 * nev + 1) * sizeof *tl->actors);
	tl->roots = af_malloc((nev + 1) * sizeof *tl->roots);
	tl->rootbuf = af_malloc((nev + 1) * sizeof *tl->rootbuf);
	size_t k = 0, na = 0, nr = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j;
		json_t *e;
		json_array_foreach(arts[i].events, j, e) {
			struct tev *t = &tl->tv[k];
			t->art = i, t->ev = j, t->e = e;
			t->date = vw_jstr0(e, "date");
			if (t->date && date_days(t->date, &t->day, &t->prec) == 0) {
				if (!tl->any || t->day < tl->dmin)
					tl->dmin = t->day;
				if (!tl->any || t->day > tl->dmax)
					tl->dmax = t->day;
				tl->any = 1;
			} else
				t->prec = 0;
			tl->actors[na++] = vw_actor_key(json_object_get(e, "source"));
			tl->actors[na++] = vw_actor_key(json_object_get(e, "target"));
			vw_event_root(e, tl->rootbuf[k]);
			if (tl->rootbuf[k][0])
				tl->roots[nr++] = tl->rootbuf[k];
			k++;
		}
	}
	tl->na = uniq(tl->actors, na);
	tl->nr = uniq(tl->roots, nr);
	qsort(tl->tv, nev, sizeof *tl->tv, tev_cmp);
}

/* Phase 2: the filters (actor, root code) and the count the script updates. */
static void render_filters(struct af_buf *b, const struct timeline *tl)
{
	af_buf_printf(b, "<section id=\"timeline\"><h2>Events by date and actor pair</h2>\n"
	                 "<form class=\"filters\"><label>actor <select id=\"f-actor\"><option value=\"\">all "
	                 "(%zu)</option>", tl->na);
	for (size_t i = 0; i < tl->na; i++) {
		af_buf_adds(b, "<option value=\"");
		vw_esc(b, tl->actors[i]);
		af_buf_adds(b, "\">");
		vw_esc(b, tl->actors[i]);
		af_buf_adds(b, "</option>");
	}
	af_buf_printf(b, "</select></label> <label>root code <select id=\"f-root\"><option value=\"\">all "
	                 "(%zu)</option>", tl->nr);
	for (size_t i = 0; i < tl->nr; i++) {
		const struct af_cameo *cm = af_cameo_find(tl->roots[i]);
		af_buf_adds(b, "<option value=\"");
		vw_esc(b, tl->roots[i]);
		af_buf_adds(b, "\">");
		vw_esc(b, tl->roots[i]);
		if (cm && cm->label && strcmp(cm->code, tl->roots[i]) == 0) {
			af_buf_addc(b, ' ');
			vw_esc(b, cm->label);
		}
		af_buf_adds(b, "</option>");
	}
	af_buf_printf(b, "</select></label> <output id=\"f-count\">%zu of %zu events</output></form>\n", tl->nev,
	              tl->nev);
}

/* the dots of the dated events of the pair s -> t, from the i-th event on */
static void render_track(struct af_buf *b, const struct timeline *tl, size_t i, const char *s, const char *t)
{
	for (size_t j = i; j < tl->nev; j++) {
		const struct tev *v = &tl->tv[j];
		if (!v->prec || strcmp(vw_actor_key(json_object_get(v->e, "source")), s) ||
		    strcmp(vw_actor_key(json_object_get(v->e, "target")), t))
			continue;
		double x = tl->dmax > tl->dmin ? 100.0 * (double)(v->day - tl->dmin) / (double)(tl->dmax - tl->dmin)
		                               : 50.0;
		const char *code = vw_jstr0(v->e, "code"), *label = vw_jstr0(v->e, "label");
		af_buf_printf(b, "<a class=\"dot%s\" href=\"#a%zu-e%zu\" style=\"left:%.2f%%\"",
		              v->prec < 3 ? " approx" : "", v->art, v->ev, x);
		vw_ev_attrs(b, v->e);
		af_buf_adds(b, " title=\"");
		vw_esc(b, v->date);
		af_buf_adds(b, " ");
		vw_esc(b, code ? code : "?");
		if (label) {
			af_buf_adds(b, " ");
			vw_esc(b, label);
		}
		af_buf_printf(b, " (article %zu)\"></a>", v->art + 1);
	}
}

/* Phase 3: one track per actor pair, in order of their first dated event, a dot per dated
 * event on an axis from the first date to the last. */
static void render_tracks(struct af_buf *b, const struct timeline *tl)
{
	if (!tl->any)
		return;
	char d0[32], d1[32];
	int y, m, d;
	af_dt_from_days(tl->dmin, &y, &m, &d);
	snprintf(d0, sizeof d0, "%04d-%02d-%02d", y % 10000, m, d);
	af_dt_from_days(tl->dmax, &y, &m, &d);
	snprintf(d1, sizeof d1, "%04d-%02d-%02d", y % 10000, m, d);
	af_buf_printf(b, "<div class=\"tracks\"><div class=\"axis\"><span>%s</span><span>%s</span></div>\n", d0, d1);
	const char **pairs = af_malloc(2 * (tl->nev ? tl->nev : 1) * sizeof *pairs);
	size_t np = 0;
	for (size_t i = 0; i < tl->nev; i++) {
		if (!tl->tv[i].prec)
			continue;
		const char *s = vw_actor_key(json_object_get(tl->tv[i].e, "source")),
		           *t = vw_actor_key(json_object_get(tl->tv[i].e, "target"));
		size_t p = 0;
		while (p < np && (strcmp(pairs[2 * p], s) || strcmp(pairs[2 * p + 1], t)))
			p++;
		if (p < np)
			continue;
		pairs[2 * np] = s, pairs[2 * np + 1] = t, np++;
		af_buf_adds(b, "<div class=\"pair\"><span class=\"pl\"><bdi>");
		vw_esc(b, s);
		af_buf_adds(b, "</bdi> \xE2\x86\x92 <bdi>");
		vw_esc(b, t);
		af_buf_adds(b, "</bdi></span><span class=\"track\">");
		render_track(b, tl, i, s, t);
		af_buf_adds(b, "</span></div>\n");
	}
	free(pairs);
	af_buf_adds(b, "</div>\n");
}

/* Phase 4: the table of every event by date. */
static void render_table(struct af_buf *b, const struct timeline *tl)
{
	af_buf_adds(b, "<table class=\"tltable\"><thead><tr><th>date</th><th>source</th><th>event</th>"
	               "<th>target</th><th>article</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < tl->nev; i++) {
		const struct tev *v = &tl->tv[i];
		af_buf_adds(b, "<tr class=\"tl-row\"");
		vw_ev_attrs(b, v->e);
		af_buf_adds(b, "><td>");
		vw_esc(b, v->date ? v->date : "\xE2\x80\x94");
		af_buf_adds(b, "</td>");
		vw_actor_cell(b, json_object_get(v->e, "source"));
		const char *code = vw_jstr0(v->e, "code"), *label = vw_jstr0(v->e, "label");
		af_buf_adds(b, "<td><code>");
		vw_esc(b, code ? code : "?");
		af_buf_adds(b, "</code> ");
		vw_esc(b, label ? label : "");
		af_buf_adds(b, "</td>");
		vw_actor_cell(b, json_object_get(v->e, "target"));
		af_buf_printf(b, "<td><a href=\"#a%zu-e%zu\">%zu</a></td></tr>\n", v->art, v->ev, v->art + 1);
	}
	af_buf_adds(b, "</tbody></table></section>\n");
}

void vw_render_timeline(struct af_buf *b, const struct art *arts, size_t n)
{
	struct timeline tl = {0};
	collect(&tl, arts, n);
	render_filters(b, &tl);
	render_tracks(b, &tl);
	render_table(b, &tl);
	free(tl.tv);
	free(tl.actors);
	free(tl.roots);
	free(tl.rootbuf);
}
