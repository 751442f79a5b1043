/* test_syntax.c - unit tests of the syntax layer (af/syntax.h): the compiled-in model, tags
 * and lemmas of news sentences, clauses (subject, objects, passive agent, coordination,
 * apposition, relative clauses, negation, modality, questions), the "sentences" field read
 * back, and bad input (a 100,000-word sentence, capitals, non-Latin scripts). TAP on stdout. */
#include "af/syntax.h"
#include "af/text.h"

#include <stdlib.h>
#include <string.h>
#include "tap.h"

static struct af_syntax *M;
static struct af_tokens toks;
static struct af_sentences sents;
static struct af_parse P;
static const char *T;

static int parse(const char *text)
{
	struct af_error err;
	T = text;
	size_t n = strlen(text);
	if (af_tokenize(text, n, &toks, &err) < 0 || af_sentences(text, n, &toks, &sents, &err) < 0 ||
	    af_syntax_parse(M, text, n, &toks, &sents, &P, &err) < 0) {
		printf("# %s\n", err.msg);
		return -1;
	}
	return 0;
}

/* the token whose text is w (the k-th such), or SIZE_MAX */
static size_t tok(const char *w, int k)
{
	for (size_t i = 0; i < toks.n; i++)
		if (toks.v[i].end - toks.v[i].start == strlen(w) && memcmp(T + toks.v[i].start, w, strlen(w)) == 0 &&
		    k-- == 0)
			return i;
	return SIZE_MAX;
}

static const char *tag(const char *w)
{
	size_t i = tok(w, 0);
	return i == SIZE_MAX ? "(none)" : af_pos_name(P.tok[i].tag);
}

/* the clause whose head verb is the word w */
static const struct af_clause *clause(const char *w)
{
	size_t i = tok(w, 0);
	for (size_t c = 0; c < P.ncl; c++)
		if (P.cl[c].verb.head == i)
			return &P.cl[c];
	return NULL;
}

static char npbuf[8][256];
static int npk;
/* the text of NP x, or "-" */
static const char *np(int32_t x)
{
	char *b = npbuf[npk++ % 8];
	if (x < 0 || (size_t)x >= P.nnp)
		return "-";
	size_t a = toks.v[P.np[x].start].start, e = toks.v[P.np[x].end - 1].end;
	snprintf(b, 256, "%.*s", (int)(e - a), T + a);
	return b;
}

static const char *obj(const struct af_clause *c, size_t k)
{
	return c && k < c->nobj ? np(P.objs[c->obj_start + k]) : "-";
}

static const char *lemma_of(const char *w, int tg)
{
	static char buf[64];
	size_t n = af_lemmatize(M, w, strlen(w), tg, buf, sizeof buf - 1);
	buf[n] = 0;
	return buf;
}

static int valid_chunks(void)
{
	for (size_t i = 0; i < P.ntok; i++) {
		if (P.tok[i].tag >= AF_POS_COUNT || P.tok[i].chunk >= AF_CH_COUNT)
			return 0;
		if (P.tok[i].chunk != AF_CH_O && !P.tok[i].begin && (i == 0 || P.tok[i - 1].chunk != P.tok[i].chunk))
			return 0;
	}
	return 1;
}

int main(void)
{
	struct af_error err;
	if (!ok(af_syntax_load(&M, NULL, &err) == 0, "the compiled-in model loads")) {
		printf("# %s\n", err.msg);
		printf("1..%d\n", ntests);
		return 1;
	}
	struct af_syntax *bad;
	ok(af_syntax_load_mem(&bad, "AFSYNTAX\1\0\0\0", 12, &err) < 0 && strstr(err.msg, "syntax model"),
	   "a truncated model is refused: %s", err.msg);
	ok(af_syntax_load(&bad, "/nonexistent/syntax.bin", &err) < 0 && strstr(err.msg, "/nonexistent/syntax.bin"),
	   "a missing model file is named");
	int round = 1;
	for (int t = 0; t < AF_POS_COUNT; t++)
		round &= af_pos_code(af_pos_name(t), strlen(af_pos_name(t))) == t;
	ok(round && af_pos_code("-LRB-", 5) == AF_POS_LRB && af_pos_code("XX", 2) == -1, "tag names round-trip");

	/* tags of a news sentence (the IANS sample) */
	parse("He was assassinated by the Taliban in 2001.");
	ok(!strcmp(tag("He"), "PRP") && !strcmp(tag("was"), "VBD") && !strcmp(tag("assassinated"), "VBN") &&
	       !strcmp(tag("by"), "IN") && !strcmp(tag("the"), "DT") && !strcmp(tag("Taliban"), "NNP") &&
	       !strcmp(tag("2001"), "CD") && !strcmp(tag("."), "."),
	   "tags: He/%s was/%s assassinated/%s by/%s the/%s Taliban/%s 2001/%s", tag("He"), tag("was"),
	   tag("assassinated"), tag("by"), tag("the"), tag("Taliban"), tag("2001"));
	const struct af_clause *c = clause("assassinated");
	ok(c && (c->verb.flags & AF_VG_PASSIVE) && c->verb.tense == AF_TENSE_PAST && !strcmp(np(c->subj), "He") &&
	       !strcmp(np(c->agent), "the Taliban") && c->kind == AF_CL_MAIN,
	   "passive: subject He, agent %s", c ? np(c->agent) : "-");
	ok(c && c->npp == 2 && P.pps[c->pp_start + 1].np >= 0 && !strcmp(np(P.pps[c->pp_start + 1].np), "2001"),
	   "prepositional attachments: by the Taliban, in 2001");
	ok(valid_chunks(), "chunks are well formed");

	/* some sentences only (af-events parses those that may make an event): the others are
	 * left untagged, with no lemma and no clause; the parsed ones come out as in a full parse */
	parse("Iran criticized the deal. The Taliban attacked Kabul on Monday.");
	uint8_t full[32];
	size_t nt = toks.n < 32 ? toks.n : 32, ncl = P.ncl, head = ncl ? P.cl[ncl - 1].verb.head : 0;
	for (size_t i = 0; i < nt; i++)
		full[i] = P.tok[i].tag;
	const uint8_t want[2] = {0, 1};
	int part = sents.n == 2 && af_syntax_parse_some(M, T, strlen(T), &toks, &sents, want, &P, &err) == 0;
	for (size_t i = 0; part && i < nt; i++)
		part = i < sents.v[1].tok_start ? P.tok[i].tag == AF_POS_SYM && !P.tok[i].lemma_len
		                                : P.tok[i].tag == full[i] && P.tok[i].lemma_len;
	ok(part && ncl == 2 && P.ncl == 1 && P.cl[0].sent == 1 && P.cl[0].verb.head == head,
	   "af_syntax_parse_some: the second sentence parsed as in a full parse, the first left out");
	/* the next call clears what this one wrote (it clears only that, so a call costs in
	 * proportion to the sentences asked for): the second sentence is left out again */
	const uint8_t want0[2] = {1, 0};
	part = af_syntax_parse_some(M, T, strlen(T), &toks, &sents, want0, &P, &err) == 0;
	for (size_t i = 0; part && i < nt; i++)
		part = i < sents.v[1].tok_start ? P.tok[i].tag == full[i] && P.tok[i].lemma_len
		                                : P.tok[i].tag == AF_POS_SYM && !P.tok[i].lemma_len &&
		                                      P.tok[i].chunk == AF_CH_O && P.tok[i].np == -1;
	ok(part && P.ncl == 1 && P.cl[0].sent == 0, "af_syntax_parse_some again: the first sentence only");

	/* lemmas */
	struct {
		const char *w;
		int tag;
		const char *lemma;
	} lem[] = {{"killed", AF_POS_VBD, "kill"},     {"assassinated", AF_POS_VBN, "assassinate"},
	           {"agreed", AF_POS_VBD, "agree"},    {"went", AF_POS_VBD, "go"},
	           {"was", AF_POS_VBD, "be"},          {"forces", AF_POS_NNS, "force"},
	           {"countries", AF_POS_NNS, "country"}, {"taking", AF_POS_VBG, "take"},
	           {"visited", AF_POS_VBD, "visit"},   {"stopped", AF_POS_VBD, "stop"},
	           {"men", AF_POS_NNS, "man"},         {"n't", AF_POS_RB, "not"},
	           {"Talks", AF_POS_NNS, "talks"},     {"seized", AF_POS_VBD, "seize"},
	           {"captured", AF_POS_VBN, "capture"}, {"hosted", AF_POS_VBD, "host"},
	           {"says", AF_POS_VBZ, "say"},        {"Kabul", AF_POS_NNP, "Kabul"},
	           {"fled", AF_POS_VBD, "flee"},       {"lay", AF_POS_VB, "lay"}};
	int lbad = 0;
	for (size_t k = 0; k < sizeof lem / sizeof lem[0]; k++)
		if (strcmp(lemma_of(lem[k].w, lem[k].tag), lem[k].lemma)) {
			printf("# lemma of %s/%s: %s, expected %s\n", lem[k].w, af_pos_name(lem[k].tag),
			       lemma_of(lem[k].w, lem[k].tag), lem[k].lemma);
			lbad++;
		}
	ok(lbad == 0, "lemmas of regular and irregular forms");

	/* apposition; coordination; the coordinated verb shares the subject */
	parse("Ahmad Shah Massoud, the commander of the Northern Alliance, was assassinated in 2001.");
	c = clause("assassinated");
	ok(c && !strcmp(np(c->subj), "Ahmad Shah Massoud"), "subject past an apposition: %s", c ? np(c->subj) : "-");
	size_t cmd = tok("commander", 0);
	ok(cmd != SIZE_MAX && P.tok[cmd].np >= 0 && !strcmp(np(P.np[P.tok[cmd].np].appos), "Ahmad Shah Massoud"),
	   "the commander is in apposition to Massoud");

	parse("Taliban fighters attacked a police checkpoint in Kandahar and killed five officers, officials said.");
	c = clause("attacked");
	const struct af_clause *c2 = clause("killed");
	ok(c && !strcmp(np(c->subj), "Taliban fighters") && !strcmp(obj(c, 0), "a police checkpoint"),
	   "attacked: subject %s, object %s", c ? np(c->subj) : "-", obj(c, 0));
	ok(c2 && c2->kind == AF_CL_COORD && c2->subj_inherited && !strcmp(np(c2->subj), "Taliban fighters") &&
	       !strcmp(obj(c2, 0), "five officers") && !(c2->verb.flags & AF_VG_PASSIVE) &&
	       c2->verb.tense == AF_TENSE_PAST,
	   "killed: coordinated, subject inherited, active past, object %s", obj(c2, 0));
	c = clause("said");
	ok(c && !strcmp(np(c->subj), "officials"), "said: subject officials");

	parse("Iran, Pakistan and India signed an agreement that will not be ratified.");
	c = clause("signed");
	ok(c && c->subj >= 0 && P.np[c->subj].list >= 0, "a list as subject");
	int members = 0;
	if (c && c->subj >= 0)
		for (size_t x = 0; x < P.nnp; x++)
			members += P.np[x].list == P.np[c->subj].list;
	ok(members == 3, "the list has three members: %d", members);
	c2 = clause("ratified");
	ok(c2 && c2->kind == AF_CL_REL && !strcmp(np(c2->antecedent), "an agreement") &&
	       (c2->verb.flags & AF_VG_NEG) && (c2->verb.flags & AF_VG_PASSIVE) && c2->verb.tense == AF_TENSE_FUTURE,
	   "relative clause: negated future passive on an agreement");

	parse("\"We will not negotiate with the government,\" said Zabihullah Mujahid, a spokesman for the group.");
	c = clause("said");
	ok(c && !strcmp(np(c->subj), "Zabihullah Mujahid"), "inverted said: subject %s", c ? np(c->subj) : "-");
	c = clause("negotiate");
	ok(c && (c->verb.flags & AF_VG_NEG) && c->verb.tense == AF_TENSE_FUTURE && !strcmp(np(c->subj), "We"),
	   "negated future in the quote");

	parse("The European Commission said on Thursday it disagreed with German advice to consumers.");
	c = clause("disagreed");
	ok(c && c->kind == AF_CL_SUB && c->parent >= 0 && P.cl[c->parent].verb.head == tok("said", 0) &&
	       !strcmp(np(c->subj), "it"),
	   "a complement clause under said");

	/* a participle on the subject of a complement clause: the clause's parent is the verb
	 * before (said), not the participle, which points up to it (no loop of parents) */
	parse("A report said that Ebtekar speaking on the occasion of Environment Week added that the prize will "
	      "be awarded.");
	c = clause("added");
	c2 = clause("speaking");
	ok(c && c2 && c->kind == AF_CL_SUB && c->parent >= 0 && P.cl[c->parent].verb.head == tok("said", 0) &&
	       c2->kind == AF_CL_PART && c2->parent >= 0 && &P.cl[c2->parent] == c,
	   "a participle on a complement clause's subject: added under said, speaking under added");

	parse("The government could ban the group, which has carried out attacks in the capital.");
	c = clause("ban");
	ok(c && (c->verb.flags & AF_VG_MODAL) && c->verb.modal == tok("could", 0), "modal could");
	c2 = clause("carried");
	ok(c2 && c2->kind == AF_CL_REL && !strcmp(np(c2->subj), "the group") && (c2->verb.flags & AF_VG_PERFECT),
	   "which-clause: subject the group, perfect");

	parse("Officials agreed to withdraw the troops.");
	c = clause("withdraw");
	ok(c && c->kind == AF_CL_INF && !strcmp(np(c->subj), "Officials") && !strcmp(obj(c, 0), "the troops"),
	   "infinitive takes the subject of agreed");

	parse("Why did the Taliban close the schools?");
	c = NULL;
	for (size_t k = 0; k < P.ncl; k++)
		if (P.cl[k].verb.flags & AF_VG_QUESTION)
			c = &P.cl[k];
	ok(c != NULL, "a question is marked");

	/* the "sentences" field read back gives the same clauses */
	const char *text = "Police arrested three men in Kabul on Monday. The men, who were armed, were taken to a prison.";
	parse(text);
	struct af_buf j1 = {0}, j2 = {0};
	af_parse_write(&P, text, &toks, &sents, &j1);
	struct af_parse Q = {0};
	int rc = af_parse_read(j1.p, j1.len, text, strlen(text), &toks, &sents, &Q, &err);
	af_parse_write(&Q, text, &toks, &sents, &j2);
	ok(rc == 0 && j1.len == j2.len && memcmp(j1.p, j2.p, j1.len) == 0, "sentences written, read back, written again: same");
	rc = af_parse_read("[]", 2, text, strlen(text), &toks, &sents, &Q, &err);
	ok(rc == 1, "a field that does not match the tokens is not used");
	rc = af_parse_read("[{", 2, text, strlen(text), &toks, &sents, &Q, &err);
	ok(rc == -1, "malformed JSON is an error");
	af_buf_free(&j1);
	af_buf_free(&j2);
	af_parse_free(&Q);

	/* the per-thread caches of partial scores change nothing: the same text tagged and
	 * chunked by a fresh struct af_parse and by one that has seen other text */
	{
		const char *t2 = "The Taliban said on Tuesday they had captured the district of Musa Qala after "
		                 "heavy fighting, but officials in Helmand denied the claim and said that government "
		                 "forces were still in control of the town's centre.";
		parse(t2);
		size_t n2 = P.ntok;
		uint8_t *tg = malloc(n2 + 1), *ch = malloc(n2 + 1);
		for (size_t i = 0; i < n2; i++) {
			tg[i] = P.tok[i].tag;
			ch[i] = (uint8_t)(P.tok[i].chunk << 1 | P.tok[i].begin);
		}
		af_parse_free(&P);
		memset(&P, 0, sizeof P);
		parse(t2); /* fresh scratch: the caches empty */
		int same = P.ntok == n2;
		for (size_t i = 0; same && i < n2; i++)
			same = P.tok[i].tag == tg[i] && (P.tok[i].chunk << 1 | P.tok[i].begin) == ch[i];
		ok(same, "tags and chunks the same with a fresh and a used scratch");
		free(tg);
		free(ch);
	}

	/* bad input */
	size_t nw = 100000;
	char *big = malloc(nw * 8 + 1);
	size_t o = 0;
	static const char *const w[] = {"the", "army", "attacked", "villages", "near", "Kabul", "and", "said"};
	for (size_t k = 0; k < nw; k++)
		o += (size_t)sprintf(big + o, "%s ", w[k % 8]);
	big[o] = 0;
	rc = parse(big);
	ok(rc == 0 && toks.n == nw && valid_chunks() && P.ncl > 0 && P.ncl <= nw,
	   "100,000 words without punctuation: %zu tokens, %zu clauses", toks.n, P.ncl);
	free(big);
	rc = parse("TALIBAN FIGHTERS ATTACKED A POLICE CHECKPOINT IN KANDAHAR AND KILLED FIVE OFFICERS");
	ok(rc == 0 && valid_chunks() && P.ntok == toks.n && P.ntok == 12, "all capitals: %zu tokens tagged, %zu clauses", P.ntok, P.ncl);
	rc = parse("قتل خمسة من رجال الشرطة في قندهار 塔利班袭击了坎大哈的一个检查站 Талибы атаковали");
	ok(rc == 0 && valid_chunks() && P.ntok == toks.n && P.ntok > 8, "Arabic, Chinese, Cyrillic: tagged, %zu clauses", P.ncl);
	parse("");
	ok(P.ntok == 0 && P.ncl == 0, "empty text");
	char junk[300];
	for (int k = 0; k < 299; k++)
		junk[k] = (char)(k % 2 ? 0xff : 'a');
	junk[299] = 0;
	rc = parse(junk);
	ok(rc == 0 && valid_chunks() && P.ntok == toks.n, "invalid UTF-8 bytes");

	af_parse_free(&P);
	af_tokens_free(&toks);
	af_sentences_free(&sents);
	af_syntax_free(M);
	printf("1..%d\n", ntests);
	return nfailed ? 1 : 0;
}
