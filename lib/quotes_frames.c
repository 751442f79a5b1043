/* quotes_frames.c - attribution frames: a cue verb with its speaker and content in every
 * sentence (indirect, or mixed when the content holds a quote span), nested frames, the
 * candidates no frame took, and "according to" sources. */
#include "quotes_int.h"

#include <limits.h>
#include <stdlib.h>

/* A frame at a cue: its speaker [sa, sb), its content [ca, cb) and a second part of the
 * content [ca2, cb2) ("The two leaders, X said in a report, had joined ..."); -1 for none. */
struct frame {
	int sa, sb, ca, cb, ca2, cb2;
	int parsed; /* the speaker is the parse's subject (qt_parse_subject): a lower confidence */
};

/* A participle after a noun is no cue: "a statement issued in his name", "a letter obtained
 * by The Associated Press". */
static int participle_after_noun(const struct af_quoter *q, int s0, int i, int l, unsigned cb)
{
	return !(cb & L_SRC) && l == 1 && K(i).klen > 3 && !memcmp(q->keys.p + K(i).koff + K(i).klen - 2, "ed", 2) &&
	       (tok_is(q, i + 1, "by") || tok_is(q, i + 1, "in")) && i - 2 >= s0 && is_lower(q, i - 1) &&
	       !(K(i - 1).bits & (L_SKIP | L_PRON | L_ANYCUE)) &&
	       ((K(i - 2).bits & L_DET) || (i - 3 >= s0 && (K(i - 3).bits & L_DET)) || (T(i - 2).flags & AF_TF_CLITIC));
}

/* Whether the words from a on describe the source just named, not more of the content:
 * "..., according to X, an economist at Y" (a determiner and, within four words, a
 * speaker or person noun, before any cue verb), "..., according to X, who ...". */
static int source_apposition(const struct af_quoter *q, int a, int s1)
{
	if (tok_is(q, a, "who") || tok_is(q, a, "whose"))
		return 1;
	if (!(K(a).bits & L_DET))
		return 0;
	int l;
	for (int k = a + 1; k < s1 && k <= a + 4 && is_word(q, k); k++) {
		if (cue_at(q, k, &l) & L_ANYCUE)
			return 0;
		if (K(k).bits & (L_SPKN | L_PERSN))
			return 1;
	}
	return 0;
}

/* "According to X, CONTENT" / "CONTENT, according to X(, CONTENT)": 1 and the frame. */
static int source_frame(const struct af_quoter *q, int s0, int s1, int i, int l, struct frame *f)
{
	if (!qt_np_fwd(q, i + l, s1, &f->sa, &f->sb))
		return 0;
	int first = i == s0 || (i - s0 <= 2 && !is_word(q, i - 1)) || (K(i - 1).bits & L_NOTNAME);
	if (first) {
		int c = f->sb;
		while (c < s1 && !is_punct(q, c, ',') && c < f->sb + 15)
			c++;
		f->ca = c + 1;
		f->cb = s1;
	} else {
		f->ca = s0;
		f->cb = i;
		if (is_punct(q, f->sb, ',') && f->sb + 3 < s1 && !source_apposition(q, f->sb + 1, s1)) {
			f->ca2 = f->sb + 1;
			f->cb2 = s1;
		}
	}
	return 1;
}

/* "CONTENT, X said (...)": the content before the speaker at f->sa, unless a clause follows
 * the cue at i (its length l). */
static void content_before(const struct af_quoter *q, int s0, int s1, int i, int l, struct frame *f)
{
	int sa = f->sa, rest = 0, hasthat = 0, l3;
	for (int k = i + l; k < s1 && !is_end_punct(q, k); k++) {
		if (is_punct(q, k, ',') && is_ing(q, k + 1) && (cue_at(q, k + 1, &l3) & L_CUE))
			break; /* "..., the source recalled, adding that ...": a frame of its own */
		rest++;
		if (tok_is(q, k, "that"))
			hasthat = 1;
	}
	int before = 0; /* "Around that time, 47 percent said they would ...": no clause before */
	for (int k = s0; k < sa - 1; k++)
		before += T(k).kind == AF_TOK_WORD || K(k).q >= 0;
	/* "As recently as an October interview, Trump said he ...": an opening adverbial is no
	 * content */
	if ((before < 4 || (qt_opens_adverbial(q, s0, sa) && !hasthat)) && rest >= 3) {
		/* the content follows */
	} else if (!hasthat && rest <= 8) {
		f->ca = s0;
		f->cb = sa - 1;
	} else if (!hasthat && (is_punct(q, sa - 1, ',') ||
	                        (T(sa - 1).kind == AF_TOK_QUOTE_CLOSE && is_punct(q, sa - 2, ',')))) {
		/* "The two leaders, X said in a report, had joined ...", "Trump's support means "he
		 * must be doing something right," she says, "but ..."" */
		int c = i + l;
		while (c < s1 && !is_punct(q, c, ',') && c < i + l + 10)
			c++;
		if (c < s1 && is_punct(q, c, ',')) {
			f->ca = s0;
			f->cb = sa - 1;
			f->ca2 = c + 1;
			f->cb2 = s1;
		}
	}
}

/* "CONTENT, said X.": the subject after the cue at i (ending the clause: in "Washington,
 * star of "Scandal," thanked Obama for ..." the words after the verb are its object), the
 * content before j, where the cue's skip words begin. 1 and the frame. */
static int inverted_subject(const struct af_quoter *q, int s0, int s1, int i, int l, int j, struct frame *f)
{
	if (!qt_np_fwd(q, i + l, s1, &f->sa, &f->sb) || is_prep(q, f->sa))
		return 0;
	int sb = f->sb;
	if (sb < s1 && ((T(sb).flags & AF_TF_CLITIC) || tok_is(q, sb, "for") || tok_is(q, sb, "to") ||
	                tok_is(q, sb, "with") || tok_is(q, sb, "about") || tok_is(q, sb, "into") ||
	                tok_is(q, sb, "that") || tok_is(q, sb, "as")))
		return 0;
	f->ca = s0;
	f->cb = j - 1;
	return 1;
}

/* The content after the cue at i (its length l, its bits cb) when none was found before it:
 * from "that" in its first words, else from the cue (after the listener of "told X"). */
static void content_after(const struct af_quoter *q, int s1, int i, int l, unsigned cb, struct frame *f)
{
	int c = i + l;
	if (cb & L_LISTEN) {
		int x, y;
		if (!tok_is(q, c, "that") && qt_np_fwd(q, c, s1, &x, &y))
			c = y;
	}
	for (int k = c; k < s1 && k < c + 9; k++) {
		/* "that" opening the content, not one after a verb of the content ("called for
		 * changing the provisions that benefit him": the parse's tags) */
		if (tok_is(q, k, "that")) {
			/* a relative "that" after the cue's object ("announced the measures that
			 * will be taken", "criticized him for policies that") opens no content; after
			 * a time, a proper noun or a phrase of where it was said ("said on Monday
			 * that", "wrote in Arabic that", "is said in the message that") the tagger's
			 * WDT is mostly wrong: the content opens there */
			if (k > c && qt_tag(q, k) == AF_POS_WDT && qt_tag(q, k - 1) != AF_POS_NNP &&
			    !(K(k - 1).bits & (L_TIME | L_NOTNAME)) && !tok_is(q, c, "in") && !tok_is(q, c, "on") &&
			    !tok_is(q, c, "at"))
				break;
			int verb = 0;
			for (int v = c; v < k && !verb; v++)
				verb = af_pos_is_verb(qt_tag(q, v)) || qt_tag(q, v) == AF_POS_MD;
			if (!verb)
				c = k;
			break;
		}
		int l2;
		/* "X said he thinks that ...": the content is the whole clause, the inner cue a
		 * frame of its own */
		if (is_end_punct(q, k) || K(k).q >= 0 || (k > c && (cue_at(q, k, &l2) & L_CUE)))
			break;
	}
	f->ca = c;
	f->cb = s1;
}

/* "Trump claimed Clinton had helped her, but offered no proof": a cue coordinated by "and" or
 * "but" at j - 1 with a frame before it in its sentence (the parse: a coordinated clause with
 * no subject of its own) has that frame's speaker. 1 and the speaker in f. */
static int coord_speaker(const struct af_quoter *q, int s0, int i, int j, struct frame *f)
{
	int k = j - 1;
	if (k <= s0 || !(tok_is(q, k, "and") || tok_is(q, k, "but")))
		return 0;
	if (qt_clause_kind(q, i) != AF_CL_COORD)
		return 0;
	for (size_t x = q->na; x-- > 0;) {
		const struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop || A->cue < 0)
			continue;
		if (A->cue < s0)
			break; /* the frames are in text order */
		if (A->sa >= 0 && A->cue < k && A->np == 1 && A->pa[0] <= k && k <= A->pb[0]) {
			f->sa = A->sa;
			f->sb = A->sb;
			return 1;
		}
	}
	return 0;
}

/* The frame of the cue verb at i (its length l, its bits cb) in the sentence [s0, s1): its
 * subject (before it, of the clause it hangs on, or inverted after it) and its content
 * (before the speaker, or after the cue). 1 and the frame; 0 when it has no speaker. */
static int verb_frame(const struct af_quoter *q, int s0, int s1, int i, int l, unsigned cb, struct frame *f)
{
	int j = i;
	while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
		j--;
	int ing = is_ing(q, i);
	int have = ing ? qt_ing_subject(q, s0, i, &f->sa, &f->sb) : qt_np_back_appos(q, j, s0, &f->sa, &f->sb);
	if (!have && !ing && j - 1 > s0 && tok_is(q, j - 1, "and"))
		have = qt_and_subject(q, s0, j - 1, &f->sa, &f->sb);
	if (!have && !ing && j - 1 > s0 && tok_is(q, j - 1, "to"))
		/* "Trump is expected to announce that ...": the clause's subject */
		have = ing = qt_ing_subject(q, s0, j - 1, &f->sa, &f->sb);
	int sa = f->sa;
	if (have && sa > s0 + 2 && sa < j && !ing && is_cap(q, sa) && is_word(q, sa - 1) && !(K(sa - 1).bits & L_DET)) {
		/* ""Boots on the ground" would be appropriate, Republican candidate Ben Carson
		 * said": a title before the name, back to the comma */
		int p = sa - 1;
		while (p > s0 && p > sa - 5 && is_word(q, p) && K(p).q < 0 &&
		       !(K(p).bits & (L_ANYCUE | L_SUB | L_LINK | L_PRON)) && !tok_is(q, p, "that"))
			p--;
		if (p > s0 && p < sa - 1 && (is_punct(q, p, ',') || T(p).kind == AF_TOK_QUOTE_CLOSE))
			f->sa = sa = p + 1;
	}
	if (have && sa > s0 && sa < j && !ing && (is_punct(q, sa - 1, ',') || T(sa - 1).kind == AF_TOK_QUOTE_CLOSE))
		content_before(q, s0, s1, i, l, f);
	else if (!have && j - 1 >= s0 && (is_punct(q, j - 1, ',') || T(j - 1).kind == AF_TOK_QUOTE_CLOSE) && !ing)
		have = inverted_subject(q, s0, s1, i, l, j, f);
	/* the parse's subject (a sentence is parsed only when asked): after a word that may end
	 * a subject or an adverbial before the verb; not after a comma, a possessive, an
	 * article, "to" or a relative pronoun ("the proposed", "to say", "who said") */
	if (!have && !ing && j - 1 > s0 && !is_punct(q, j - 1, ',') && T(j - 1).kind != AF_TOK_QUOTE_CLOSE &&
	    T(j - 1).kind != AF_TOK_QUOTE_OPEN && !(T(j - 1).flags & AF_TF_CLITIC) && !tok_is(q, j - 1, "the") &&
	    !tok_is(q, j - 1, "a") && !tok_is(q, j - 1, "an") && !tok_is(q, j - 1, "no") && !tok_is(q, j - 1, "to") &&
	    !tok_is(q, j - 1, "who") && !tok_is(q, j - 1, "which") && !tok_is(q, j - 1, "that"))
		have = coord_speaker(q, s0, i, j, f) || (f->parsed = qt_parse_subject(q, s0, i, &f->sa, &f->sb));
	if (!have)
		return 0;
	if (f->ca < 0)
		content_after(q, s1, i, l, cb, f);
	return 1;
}

/* The frame f of the cue at i (its length l) as an attribution: its content cut at a direct
 * quote (or its cue) and trimmed; mixed when the content holds a candidate span (a span
 * running on past the sentence carries the content with it), else indirect. 1 when added. */
static int add_frame(struct af_quoter *q, int i, int l, struct frame *f)
{
	for (int k = f->ca; k < f->cb; k++)
		if (in_direct(q, k) || (K(k).used == 2 && k > f->ca)) {
			f->cb = k;
			break;
		}
	trim(q, &f->ca, &f->cb);
	if (f->ca2 >= 0) {
		for (int k = f->ca2; k < f->cb2; k++)
			if (in_direct(q, k)) {
				f->cb2 = k;
				break;
			}
		trim(q, &f->ca2, &f->cb2);
		if (f->cb2 - f->ca2 < 2)
			f->ca2 = -1;
	}
	if (f->cb - f->ca < 2)
		return 0;
	int mixed = 0;
	for (int k = f->ca; k < f->cb; k++)
		if (K(k).q >= 0 && q->qs[K(k).q].status != Q_DIRECT && q->qs[K(k).q].status != Q_DROP &&
		    !q->qs[K(k).q].single) {
			mixed = 1;
			int e = span_end(&q->qs[K(k).q]);
			if (e > f->cb)
				f->cb = e;
			k = e - 1;
		}
	struct attr *a = qt_attr_new(q);
	a->kind = mixed ? Q_MIXED : K_INDIRECT;
	a->pa[0] = f->ca;
	a->pb[0] = f->cb;
	a->np = 1;
	if (f->ca2 >= 0) {
		a->pa[1] = f->ca2;
		a->pb[1] = f->cb2;
		a->np = 2;
	}
	a->cue = i;
	a->cl = l;
	a->sa = f->sa;
	a->sb = f->sb;
	/* a subject only the parse found is often no speaker of a statement ("the government
	 * has not issued visas"): below the word rules' indirect speech, so users may filter */
	a->conf = mixed ? 0.8 : f->parsed ? 0.45 : 0.6;
	for (int k = i; k < i + l; k++)
		K(k).used = 1;
	return 1;
}

/* Frames of one sentence [s0, s1): cue verbs with their speaker and content. */
static void frames(struct af_quoter *q, int s0, int s1)
{
	for (int i = s0; i < s1; i++) {
		if (K(i).q >= 0 || K(i).used)
			continue;
		int l;
		unsigned cb = cue_at(q, i, &l);
		if (!(cb & (L_CUE | L_MCUE | L_SRC)) || participle_after_noun(q, s0, i, l, cb) ||
		    (!(cb & L_SRC) && qt_noun_cue(q, i)))
			continue;
		struct frame f = {-1, -1, -1, -1, -1, -1, 0};
		int have = cb & L_SRC ? source_frame(q, s0, s1, i, l, &f) : verb_frame(q, s0, s1, i, l, cb, &f);
		if (have && add_frame(q, i, l, &f))
			i += l - 1;
	}
}

/* a frame whose content was cut: mixed when it still holds a candidate span, else indirect */
static void mixed_or_indirect(const struct af_quoter *q, struct attr *A)
{
	A->kind = K_INDIRECT;
	for (int k = A->pa[0]; k < A->pb[0]; k++)
		if (K(k).q >= 0 && q->qs[K(k).q].status != Q_DIRECT && q->qs[K(k).q].status != Q_DROP &&
		    !q->qs[K(k).q].single)
			A->kind = Q_MIXED;
	A->conf = A->kind == Q_MIXED ? 0.8 : A->conf < 0.6 ? A->conf : 0.6; /* (0.45: the parse's speaker) */
}

struct same_content {
	int pa, pb, cue;
	size_t x;
};

static int by_content(const void *a, const void *b)
{
	const struct same_content *x = a, *y = b;
	if (x->pa != y->pa)
		return x->pa < y->pa ? -1 : 1;
	if (x->pb != y->pb)
		return x->pb < y->pb ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

struct by_cue {
	int cue;
	size_t x;
};

static int by_cue_order(const void *a, const void *b)
{
	const struct by_cue *x = a, *y = b;
	if (x->cue != y->cue)
		return x->cue < y->cue ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

static int by_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The frames of bc (sorted by key) whose key is in [lo, hi), into ys in the frames' order;
 * their number. */
static size_t keyed_in(const struct by_cue *bc, size_t nc, int lo, int hi, size_t *ys)
{
	size_t a = 0, b = nc, n = 0;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		if (bc[mid].cue < lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (size_t k = a; k < nc && bc[k].cue < hi; k++)
		ys[n++] = bc[k].x;
	qsort(ys, n, sizeof *ys, by_index);
	return n;
}

/* Two cues with the same content ("quoted X claiming that ..."): the nearer one, the last
 * cue before the content; the frames grouped by content, sorted (linear time on thousands of
 * frames, issue 15). */
static void drop_far_cues(struct af_quoter *q, size_t first)
{
	size_t ng = 0;
	struct same_content *g = af_malloc((q->na - first + 1) * sizeof *g);
	for (size_t x = first; x < q->na; x++)
		if (!q->at[x].drop && q->at[x].kind != Q_DIRECT)
			g[ng++] = (struct same_content){q->at[x].pa[0], q->at[x].pb[0], q->at[x].cue, x};
	qsort(g, ng, sizeof *g, by_content);
	for (size_t a = 0, b; a < ng; a = b) {
		int near = INT_MIN;
		for (b = a; b < ng && g[b].pa == g[a].pa && g[b].pb == g[a].pb; b++)
			if (g[b].cue < g[b].pa && g[b].cue > near)
				near = g[b].cue;
		for (size_t k = a; k < b; k++)
			if (g[k].cue < near)
				q->at[g[k].x].drop = 1;
	}
	free(g);
}

/* "After Trump argued that ..., Rubio said only that his "numbers don't add up"": a frame in
 * a subordinate clause that opens the sentence ends at the comma before the main clause's
 * speaker, and the quoted words there are the main clause's. bs: the nc frames from first
 * on by speaker start; ys: room for nc. */
static void cut_subordinate(struct af_quoter *q, size_t first, const struct by_cue *bs, size_t nc, size_t *ys)
{
	for (size_t x = first; x < q->na; x++) {
		struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop || A->np != 1 || A->cue < 0)
			continue;
		int s0 = sent_start(q, A->cue);
		while (s0 < A->cue && (T(s0).kind != AF_TOK_WORD || ((K(s0).bits & L_LINK) && is_word(q, s0 + 1))))
			s0++; /* "And after the court refused ..., McCrory blamed ..." */
		if (!(K(s0).bits & L_SUB) || s0 == A->cue)
			continue;
		int comma = 0;
		for (int i = s0; i < A->cue; i++)
			comma |= is_punct(q, i, ',') || K(i).q >= 0;
		if (comma)
			continue;
		size_t ny = keyed_in(bs, nc, A->pa[0] + 1, A->pb[0] + 1, ys); /* B->sa - 1 inside A */
		for (size_t j = 0; j < ny; j++) {
			size_t y = ys[j];
			struct attr *B = &q->at[y];
			if (y == x || B->kind == Q_DIRECT || B->drop || B->sa < 0 || B->sa >= B->cue ||
			    B->sa - 1 <= A->cue || !is_punct(q, B->sa - 1, ',') || B->sa - 1 < A->pa[0] ||
			    B->sa - 1 >= A->pb[0] || K(B->sa).q >= 0)
				continue;
			int a = A->pa[0], b = B->sa - 1;
			trim(q, &a, &b);
			if (b - a < 2)
				break;
			A->pa[0] = a;
			A->pb[0] = b;
			mixed_or_indirect(q, A);
			break;
		}
	}
}

/* "Chief Williams admitted that X, noting that Y", "She says X, but insists Y": a frame B
 * whose cue lies in the content after frame A's cue and whose speaker is A's (B continues
 * A's clause; it is not said inside A's content): A's content ends before B's cue and the
 * comma or conjunction that joins them, so that A's attributed clause is whole and only
 * its own. bc: the nc frames from first on by cue; ys: room for nc. */
static void cut_at_sibling(struct af_quoter *q, size_t first, const struct by_cue *bc, size_t nc, size_t *ys)
{
	for (size_t x = first; x < q->na; x++) {
		struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop || A->np != 1 || A->sa < 0 || A->cue < 0 || A->pa[0] <= A->cue)
			continue;
		size_t ny = keyed_in(bc, nc, A->pa[0] + 1, A->pb[0], ys); /* B's cue inside A */
		for (size_t k = 0; k < ny; k++) {
			const struct attr *B = &q->at[ys[k]];
			if (ys[k] == x || B->kind == Q_DIRECT || B->drop || B->sa != A->sa || B->sb != A->sb)
				continue;
			/* joined by "and" or "but", or a reporting participle after a comma ("to
			 * discuss", "by adding" are inside the content; so is "..., calling for",
			 * which may be the content's subject's) */
			int a = A->pa[0], b = B->cue, l;
			while (b > a && (K(b - 1).bits & L_SKIP))
				b--;
			if (tok_is(q, b - 1, "and") || tok_is(q, b - 1, "but"))
				b--;
			else if (!(is_punct(q, b - 1, ',') && is_ing(q, B->cue) && (cue_at(q, B->cue, &l) & L_CUE)))
				continue;
			trim(q, &a, &b);
			if (b - a >= 2) {
				A->pa[0] = a;
				A->pb[0] = b;
				mixed_or_indirect(q, A);
			}
			break;
		}
	}
}

/* A frame B whose cue lies in frame A's content: B nested in A, or A's content ending
 * before B's attribution. bc: the nc frames from first on by cue; ys: room for nc. */
static void nest_inner(struct af_quoter *q, size_t first, const struct by_cue *bc, size_t nc, size_t *ys)
{
	for (size_t x = first; x < q->na; x++) {
		struct attr *A = &q->at[x];
		if (A->kind == Q_DIRECT || A->drop)
			continue;
		size_t ny = keyed_in(bc, nc, A->pa[0], A->pb[0], ys); /* B's cue inside A */
		for (size_t j = 0; j < ny; j++) {
			size_t y = ys[j];
			struct attr *B = &q->at[y];
			if (y == x || B->kind == Q_DIRECT || B->drop)
				continue;
			int lo = B->sa >= 0 && B->sa < B->cue ? B->sa : B->cue;
			if (!(lo >= A->pa[0] && B->cue < A->pb[0]))
				continue;
			/* B inside A */
			if (B->pb[0] <= A->pb[0] && B->pa[0] > A->pa[0] && B->pa[0] > B->cue) {
				/* A's content runs over B's: fine, B is nested. A mixed A loses its
				 * fragments to B when B holds them all. */
				int lk = B->sa - 1;
				if (A->kind == Q_MIXED && B->kind == Q_MIXED && B->sa >= 0 && B->sa < B->cue &&
				    lk > A->pa[0] + 1 && (K(lk).bits & (L_SUB | L_LINK)) && A->np == 1) {
					/* B's clause is linked to A's, not A's content: "X said ..., although
					 * he tweeted that he "rejects ..."", "..., whom he described as
					 * "peaceful"": A ends before the link, the fragments are B's */
					int a = A->pa[0], b = lk;
					trim(q, &a, &b);
					if (b - a >= 2) {
						A->pb[0] = b;
						mixed_or_indirect(q, A);
						continue;
					}
				}
				if (A->kind == Q_MIXED && B->kind == Q_MIXED && B->pb[0] >= A->pb[0]) {
					/* the outer frame keeps them, unless its cue only introduces
					 * the inner speaker: "X quoted Y claiming that ..." */
					int l;
					if (!(cue_at(q, A->cue, &l) & L_CUE) && (cue_at(q, B->cue, &l) & L_CUE))
						A->drop = 1;
					else
						B->drop = 1;
				}
			} else if (B->pa[0] < B->cue && B->pb[0] < A->pb[0] && B->pb[0] > A->pa[0]) {
				/* "A said X..., B added": A's content ends before B's attribution */
				A->pb[0] = B->pb[0];
				int a = A->pa[0], b = A->pb[0];
				trim(q, &a, &b);
				A->pa[0] = a;
				A->pb[0] = b;
				/* both mixed: the quoted words are B's, whose attribution closes
				 * the sentence ("they asked ..., and X is "...," Hoover said") */
				if (B->kind == Q_MIXED && A->kind == Q_MIXED) {
					/* unless A's cue is one for quoted words: "They described it as
					 * a "golden opportunity", added the report" */
					int l;
					if (cue_at(q, A->cue, &l) & L_MCUE)
						B->drop = 1;
					else
						A->drop = 1;
				}
			}
		}
	}
}

/* Nested frames: a frame whose content holds another frame's cue and speaker gives its
 * quoted fragments to the inner one and ends where the inner one's content ends. */
static void nest(struct af_quoter *q, size_t first)
{
	drop_far_cues(q, first);
	/* the frames by speaker start and by cue: a frame inside another is found among the
	 * few whose start or cue lies in the other's content (linear time on thousands of
	 * frames, issue 15); the bounds only narrow while they are used */
	size_t nc = q->na - first;
	struct by_cue *bs = af_malloc((nc + 1) * sizeof *bs), *bc = af_malloc((nc + 1) * sizeof *bc);
	size_t *ys = af_malloc((nc + 1) * sizeof *ys);
	for (size_t x = first; x < q->na; x++) {
		bs[x - first] = (struct by_cue){q->at[x].sa, x};
		bc[x - first] = (struct by_cue){q->at[x].cue, x};
	}
	qsort(bs, nc, sizeof *bs, by_cue_order);
	qsort(bc, nc, sizeof *bc, by_cue_order);
	cut_subordinate(q, first, bs, nc, ys);
	cut_at_sibling(q, first, bc, nc, ys);
	nest_inner(q, first, bc, nc, ys);
	free(bs);
	free(bc);
	free(ys);
}

/* A candidate span k after a cue in its sentence that no frame took ("Clinton has decried
 * the issue of "systemic racism" and ..."): a mixed quote whose content is the clause from
 * the cue to the sentence's end. 1 when made. */
static int cue_clause(struct af_quoter *q, int k)
{
	struct qspan *s = &q->qs[k];
	int s0 = sent_start(q, s->o), s1 = sent_end(q, s->o);
	int ci = -1, cl = 0;
	for (int i = s->o - 1; i >= s0 && i >= s->o - 25; i--) {
		if (in_direct(q, i) || (K(i).q >= 0 && K(i).q != k && q->qs[K(i).q].status == Q_MIXED))
			break;
		int l;
		unsigned b = cue_at(q, i, &l);
		if ((b & L_ANYCUE) && i + l <= s->o) {
			ci = i;
			cl = l;
			break;
		}
	}
	if (ci < 0 && s->tail == 2 && s->tsa >= 0 && s->tsb > s->tsa && s->tcue > s->o && s->c >= 0 &&
	    ((s->b > s->a && is_punct(q, s->b - 1, ',')) || is_punct(q, s->c + 1, ','))) {
		/* no cue before, an attribution after: "Nancy's "single most defining role
		 * was ...," Anthony says, ...": the clause up to the quote is the content, the
		 * attribution after it gives cue and speaker (not the possessive) */
		int ca = s0, cbd = span_end(s);
		trim(q, &ca, &cbd);
		if (cbd - ca >= 2) {
			struct attr *a = qt_attr_new(q);
			a->kind = Q_MIXED;
			a->pa[0] = ca;
			a->pb[0] = cbd;
			a->np = 1;
			a->cue = s->tcue;
			a->cl = s->tcl;
			a->sa = s->tsa;
			a->sb = s->tsb;
			a->conf = 0.8;
			for (int i = ca; i < cbd; i++)
				if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
					q->qs[K(i).q].status = Q_MIXED;
					q->qs[K(i).q].attr = (int)(a - q->at);
				}
			return 1;
		}
	}
	if (ci < 0) {
		/* no cue: a named subject and the word after it as the verb ("Ryan lamented the
		 * "disheartened" state of the campaign") */
		int sa, sb;
		if (span_words(q, s) < 2 || !qt_subject_of(q, s0, s->o, &sa, &sb) || !(is_cap(q, sa) || (K(sa).bits & L_PRON)))
			return 0;
		ci = sb;
		while (ci < s->o && (K(ci).bits & L_SKIP) && is_lower(q, ci))
			ci++; /* "Trump also criticised ..." */
		cl = 1;
		if (ci >= s->o || ci + 1 > s->o || !is_lower(q, ci) || K(ci).q >= 0 || (K(ci).bits & (L_NOTNAME | L_DET | L_PART)))
			return 0;
	}
	int ca = ci + cl, cbd = s1, l2;
	if (cue_at(q, ci, &l2) & L_LISTEN) {
		int x, y;
		if (!tok_is(q, ca, "that") && qt_np_fwd(q, ca, s->o, &x, &y))
			ca = y;
	}
	for (int i = s->o; i < cbd; i++)
		if (in_direct(q, i)) {
			cbd = i;
			break;
		}
	trim(q, &ca, &cbd);
	if (cbd <= span_end(s) - 1 || ca > s->o)
		return 0;
	struct attr *a = qt_attr_new(q);
	a->kind = Q_MIXED;
	a->pa[0] = ca;
	a->pb[0] = cbd;
	a->np = 1;
	a->cue = ci;
	a->cl = cl;
	a->conf = 0.5;
	int j = ci, sa, sb;
	while (j - 1 >= s0 && (K(j - 1).bits & L_SKIP))
		j--;
	if (qt_opener_subject(q, s0, ci, &sa, &sb) || qt_np_back_appos(q, j, s0, &sa, &sb) ||
	    (s0 < ci && qt_subject_of(q, s0, ci, &sa, &sb))) {
		a->sa = sa;
		a->sb = sb;
	}
	for (int i = ca; i < cbd; i++)
		if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
			q->qs[K(i).q].status = Q_MIXED;
			q->qs[K(i).q].attr = (int)(a - q->at);
		}
	return 1;
}

/* "X compared it to a "root canal," according to Axelrod's memoir", "According to the
 * poll, most voters said ...": the source named by "according to" is the speaker, as with
 * direct quotes (source_after). */
void qt_according_sources(struct af_quoter *q)
{
	for (size_t x = 0; x < q->na; x++) {
		struct attr *a = &q->at[x];
		int l;
		if (a->drop || a->cue < 0 || a->sa < 0 || (cue_at(q, a->cue, &l) & L_SRC) || a->kind == Q_DIRECT)
			continue;
		int sa, sb, s0 = sent_start(q, a->cue);
		if (a->pb[a->np - 1] > a->cue && qt_source_after(q, a->pb[a->np - 1], &sa, &sb) && K(sa).sent == K(a->cue).sent) {
			a->sa = sa;
			a->sb = sb;
			continue;
		}
		while (s0 < a->sa && T(s0).kind == AF_TOK_PUNCT)
			s0++;
		if (s0 < a->sa && (cue_at(q, s0, &l) & L_SRC) && is_punct(q, a->sa - 1, ',') && a->sa < a->cue &&
		    qt_np_fwd(q, s0 + l, a->sa - 1, &sa, &sb) && sb == a->sa - 1) {
			a->sa = sa;
			a->sb = sb;
			continue;
		}
		/* "In a national CNN/ORC poll released Monday, 31% of Republicans said ...": the
		 * poll (a speaker noun after "in"), when the speaker is a share of people */
		int share = 0, c = a->sa - 1;
		while (c > s0 && c > a->sa - 6 && !is_punct(q, c, ','))
			c--;
		for (int k = c + 1; k < a->sb && !share; k++)
			share = T(k).kind == AF_TOK_NUMBER || tok_is(q, k, "percent") || tok_is(q, k, "%");
		if (share && tok_is(q, s0, "in") && a->sa < a->cue && is_punct(q, c, ',') && c - s0 <= 12) {
			for (int k = s0 + 2; k < c; k++)
				if ((K(k).bits & L_SPKN) && is_lower(q, k)) {
					a->sa = s0 + 1;
					a->sb = k + 1;
					break;
				}
		}
	}
}

void qt_indirect_and_mixed(struct af_quoter *q)
{
	size_t first = q->na;
	for (size_t si = 0; si < q->sents.n; si++) {
		int s0 = (int)q->sents.v[si].tok_start, s1 = (int)q->sents.v[si].tok_end;
		int outside = 0;
		for (int i = s0; i < s1; i++)
			if (!in_direct(q, i)) {
				outside = 1;
				break;
			}
		if (outside)
			frames(q, s0, s1);
	}
	nest(q, first);
	/* spans the frames took */
	for (size_t x = first; x < q->na; x++) {
		struct attr *a = &q->at[x];
		if (a->drop || a->kind != Q_MIXED)
			continue;
		for (int p = 0; p < a->np; p++)
			for (int i = a->pa[p]; i < a->pb[p]; i++)
				if (K(i).q >= 0 && q->qs[K(i).q].status == Q_CAND) {
					q->qs[K(i).q].status = Q_MIXED;
					q->qs[K(i).q].attr = (int)x;
				}
	}
	/* candidates no frame took */
	for (size_t k = 0; k < q->nq; k++) {
		struct qspan *s = &q->qs[k];
		if (s->status != Q_CAND)
			continue;
		int by = s->c >= 0 ? s->c + 1 : s->b, comma = s->c > 0 && is_punct(q, s->c - 1, ',');
		if (is_punct(q, by, ','))
			by++, comma = 1;
		if (qt_title_before(q, s) || qt_title_case(q, s) || s->single || (s->c >= 0 && comma && tok_is(q, by, "by"))) {
			/* ... and a title credited after it: ""Hamilton' to play Chicago," by
			 * Variety's Gordon Cox" */
			s->status = Q_DROP;
			continue;
		}
		if (s->head != 1 && cue_clause(q, (int)k))
			continue;
		if (span_words(q, s) < 5) {
			s->status = Q_DROP;
			continue;
		}
		struct attr *a = qt_attr_new(q);
		a->kind = s->head == 1 ? Q_DIRECT : Q_MIXED;
		int ca = s->head == 1 ? s->a : s->o, cbd = s->head == 1 ? s->b : span_end(s);
		a->pa[0] = ca;
		a->pb[0] = cbd;
		a->np = 1;
		a->conf = 0.4;
		s->status = a->kind;
		s->attr = (int)(a - q->at);
		int sa, sb, s0 = sent_start(q, s->o);
		if (s0 < s->o && qt_subject_of(q, s0, s->o, &sa, &sb) && (K(sa).bits & L_PRON || is_cap(q, sa))) {
			a->sa = sa;
			a->sb = sb;
		}
	}
}
