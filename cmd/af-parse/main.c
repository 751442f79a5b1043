/* af-parse - parts of speech, chunks, lemmas and clauses of article records (af/syntax.h). */
#include "af/cli.h"
#include "af/syntax.h"
#include "af/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-parse [OPTION]... [FILE]...\n"
	"Tag the words of the \"text\" of NDJSON article records (stdin or FILE operands)\n"
	"with Penn Treebank parts of speech, lemmas and chunks (NP, VP, PP ...), find\n"
	"the clauses of each sentence (verb group, subject, objects, prepositional\n"
	"phrases, passive agent), and add them as \"sentences\".\n"
	"\n"
	"  -m, --model FILE     use this syntax model instead of the compiled-in one\n"
	"      --conllu         write CoNLL-U instead of records: one block per sentence,\n"
	"                       the chunk in MISC, no dependencies (HEAD and DEPREL _)\n"
	"      --reject FILE    write rejected input lines to FILE, verbatim\n"
	"      --strict         stop at the first bad record\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Adds: sentences, a list of {start, end, tokens, clauses}: tokens {start, end,\n"
	"tag, lemma, chunk}; clauses {kind, text, start, end, verb, subject, objects,\n"
	"preps, agent, parent, marker, antecedent}. Offsets count code points into text.\n"
	"A record without \"text\" is passed through unchanged, with a message, and counted.\n"
	"Exit status: 0 ok, 64 usage, 65 a bad record (rejected, or passed through\n"
	"without \"text\"), 66 an input file could not be read, 74 I/O error,\n"
	"78 bad model. See af-parse(1), docs/syntax.md, af(7).\n";

struct ctx {
	struct af_syntax *m;
	struct af_tokens toks;
	struct af_sentences sents;
	struct af_parse p;
	struct af_buf conllu;
	int conllu_mode;
	long nrec;
};

/* Universal POS from Penn */
static const char *upos(int tag)
{
	switch (tag) {
	case AF_POS_CC: return "CCONJ";
	case AF_POS_CD: return "NUM";
	case AF_POS_DT: case AF_POS_PDT: case AF_POS_WDT: return "DET";
	case AF_POS_EX: case AF_POS_PRP: case AF_POS_WP: return "PRON";
	case AF_POS_PRPS: case AF_POS_WPS: return "PRON";
	case AF_POS_FW: return "X";
	case AF_POS_IN: return "ADP";
	case AF_POS_JJ: case AF_POS_JJR: case AF_POS_JJS: return "ADJ";
	case AF_POS_LS: return "X";
	case AF_POS_MD: return "AUX";
	case AF_POS_NN: case AF_POS_NNS: return "NOUN";
	case AF_POS_NNP: case AF_POS_NNPS: return "PROPN";
	case AF_POS_POS: case AF_POS_RP: case AF_POS_TO: return "PART";
	case AF_POS_RB: case AF_POS_RBR: case AF_POS_RBS: case AF_POS_WRB: return "ADV";
	case AF_POS_UH: return "INTJ";
	case AF_POS_VB: case AF_POS_VBD: case AF_POS_VBG: case AF_POS_VBN: case AF_POS_VBP: case AF_POS_VBZ:
		return "VERB";
	case AF_POS_DOLLAR: case AF_POS_HASH: case AF_POS_SYM: return "SYM";
	default: return "PUNCT";
	}
}

/* a CoNLL-U field: no tabs or line breaks, never empty */
static void field(struct af_buf *o, const char *s, size_t n)
{
	if (!n) {
		af_buf_addc(o, '_');
		return;
	}
	for (size_t i = 0; i < n; i++)
		af_buf_addc(o, (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i]);
}

static void write_conllu(struct ctx *c, const char *id, const char *text)
{
	struct af_buf *o = &c->conllu;
	af_buf_reset(o);
	if (id) {
		af_buf_adds(o, "# newdoc id = ");
		field(o, id, strlen(id));
		af_buf_addc(o, '\n');
	}
	for (size_t s = 0; s < c->sents.n; s++) {
		const struct af_sentence *se = &c->sents.v[s];
		af_buf_printf(o, "# sent_id = %s-%zu\n# text = ", id ? id : "doc", s + 1);
		field(o, text + se->start, se->end - se->start);
		af_buf_addc(o, '\n');
		for (size_t i = se->tok_start; i < se->tok_end; i++) {
			const struct af_token *t = &c->toks.v[i];
			const struct af_syn_tok *y = &c->p.tok[i];
			af_buf_printf(o, "%zu\t", i - se->tok_start + 1);
			field(o, text + t->start, t->end - t->start);
			af_buf_addc(o, '\t');
			field(o, c->p.lemmas.p + y->lemma, y->lemma_len);
			af_buf_printf(o, "\t%s\t%s\t_\t_\t_\t_\t", upos(y->tag), af_pos_name(y->tag));
			if (y->chunk == AF_CH_O)
				af_buf_adds(o, "Chunk=O");
			else
				af_buf_printf(o, "Chunk=%s-%s", y->begin ? "B" : "I", af_chunk_name(y->chunk));
			if (i + 1 < se->tok_end && !(c->toks.v[i + 1].flags & AF_TF_SPACE))
				af_buf_adds(o, "|SpaceAfter=No");
			af_buf_addc(o, '\n');
		}
		af_buf_addc(o, '\n');
	}
	af_output(o->p ? o->p : "", o->len);
}

static enum af_verdict process(struct af_record *r, void *vctx, struct af_error *why)
{
	struct ctx *c = vctx;
	size_t len;
	enum af_verdict bad;
	char *text = af_record_text(r, &len, &bad, why);
	c->nrec++;
	if (!text)
		return bad;
	struct af_error err;
	if (af_tokenize(text, len, &c->toks, &err) < 0 || af_sentences(text, len, &c->toks, &c->sents, &err) < 0 ||
	    af_syntax_parse(c->m, text, len, &c->toks, &c->sents, &c->p, &err) < 0) {
		free(text);
		af_error_set(why, "%s", err.msg);
		return AF_REJECT;
	}
	if (c->conllu_mode) {
		char *id = af_record_string(r, "id", NULL);
		char buf[32];
		if (!id)
			snprintf(buf, sizeof buf, "%ld", c->nrec);
		write_conllu(c, id ? id : buf, text);
		free(id);
	} else
		af_parse_write(&c->p, text, &c->toks, &c->sents, af_record_set_json(r, "sentences"));
	free(text);
	return AF_WRITE;
}

int main(int argc, char **argv)
{
	af_setprog(argv);
	static struct ctx c;
	struct af_filter f = {.stage = "parse", .process = process, .ctx = &c};
	struct af_cli cli = {.usage = usage};
	enum { OPT_CONLLU = AF_OPT_FIRST_TOOL };
	static const struct option opts[] = {AF_COMMON_OPTIONS,
	                                     {"model", required_argument, NULL, 'm'},
	                                     {"conllu", no_argument, NULL, OPT_CONLLU},
	                                     {NULL, 0, NULL, 0}};
	const char *model = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "hVm:", opts, NULL)) != -1) {
		if (af_cli_common(&cli, &f, ch, optarg))
			continue;
		if (ch == 'm')
			model = optarg;
		else if (ch == OPT_CONLLU)
			c.conllu_mode = 1;
	}
	struct af_error err;
	if (af_syntax_load(&c.m, model, &err) < 0)
		af_die(model ? AF_EX_CONFIG : AF_EX_SOFTWARE, "%s", err.msg);
	/* with --conllu, process() writes CoNLL-U and the records themselves are not written */
	f.quiet = c.conllu_mode;
	int status = af_cli_run_files(&f, argc - optind, argv + optind);
	af_parse_free(&c.p);
	af_tokens_free(&c.toks);
	af_sentences_free(&c.sents);
	af_buf_free(&c.conllu);
	af_syntax_free(c.m);
	return status;
}
