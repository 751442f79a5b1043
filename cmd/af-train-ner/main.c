/* af-train-ner - derive word clusters, train the named-entity tagger's model, tag
 * CoNLL files for evaluation (docs/af-train-ner.1, docs/ner.md). */
#include "af/ner_train.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: af-train-ner -c CLUSTERS -t CONLL [-g GMB] [OPTION]... -o MODEL\n"
	"       af-train-ner --clusters [--seed N] < TEXT > CLUSTERS\n"
	"       af-train-ner --tag FILE [-m MODEL] [--gmb-format]\n"
	"Train the model of af's named-entity tagger (PER, ORG, LOC, MISC), derive the\n"
	"word clusters it uses, or tag a labelled file for evaluation.\n"
	"\n"
	"  -o, --output FILE      write the model to FILE (through FILE.tmp)\n"
	"  -c, --cluster-file FILE  word clusters made with --clusters\n"
	"  -t, --train FILE       CoNLL-2003 training file (word POS chunk TAG)\n"
	"  -g, --gmb FILE         GMB file (word POS tag): its entities, mapped to CoNLL\n"
	"                         types, become a gazetteer; its last sentences are held out\n"
	"      --gmb-dev N        sentences held out at the end of the GMB file (4000)\n"
	"      --gmb-dev-out FILE write the held-out GMB slice, mapped, in CoNLL format\n"
	"  -e, --epochs N         training epochs (12)\n"
	"  -f, --folds N          folds for the jackknifed gazetteer and first pass (5)\n"
	"      --min-count N      drop features seen fewer than N times (1)\n"
	"      --load PERCENT     how full the model's weight tables are (80)\n"
	"      --quant N          quantise weights N times coarser than the finest step (1)\n"
	"  -s, --seed N           random seed for clusters and training (1)\n"
	"      --seeds N          average the weights of N training runs, each its own\n"
	"                         order of the sentences (1)\n"
	"      --clusters         read unlabeled text, one article a line, on stdin and\n"
	"                         write word clusters and capitalisation counts on stdout\n"
	"      --tag FILE         tag a CoNLL file and print \"word gold predicted\" lines\n"
	"  -m, --model FILE       the model for --tag (default: the compiled-in one)\n"
	"      --gmb-format       --tag FILE is a GMB file\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Training is reproducible: the same files and seed give the same model bytes.\n"
	"Exit status: 0 ok, 1 failure, 64 usage. See af-train-ner(1), docs/ner.md.\n";

enum { OPT_CLUSTERS = 1000, OPT_TAG, OPT_GMB_DEV, OPT_GMB_DEV_OUT, OPT_MIN_COUNT, OPT_GMB_FORMAT, OPT_LOAD,
       OPT_QUANT, OPT_SEEDS };

static long num(const char *opt, const char *arg, long min, long max)
{
	long v;
	if (af_parse_long(arg, min, max, &v) < 0)
		af_die(AF_EX_USAGE, "%s: not a number in [%ld, %ld]: %s", opt, min, max, arg);
	return v;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"output", required_argument, NULL, 'o'},
		{"cluster-file", required_argument, NULL, 'c'},
		{"train", required_argument, NULL, 't'},
		{"gmb", required_argument, NULL, 'g'},
		{"gmb-dev", required_argument, NULL, OPT_GMB_DEV},
		{"gmb-dev-out", required_argument, NULL, OPT_GMB_DEV_OUT},
		{"epochs", required_argument, NULL, 'e'},
		{"folds", required_argument, NULL, 'f'},
		{"min-count", required_argument, NULL, OPT_MIN_COUNT},
		{"load", required_argument, NULL, OPT_LOAD},
		{"quant", required_argument, NULL, OPT_QUANT},
		{"seeds", required_argument, NULL, OPT_SEEDS},
		{"seed", required_argument, NULL, 's'},
		{"clusters", no_argument, NULL, OPT_CLUSTERS},
		{"tag", required_argument, NULL, OPT_TAG},
		{"model", required_argument, NULL, 'm'},
		{"gmb-format", no_argument, NULL, OPT_GMB_FORMAT},
		{NULL, 0, NULL, 0},
	};
	struct af_ner_train_opts o = {0};
	const char *tag = NULL, *model = NULL;
	int clusters = 0, gmbfmt = 0, c;
	o.gmb_dev = 4000;
	o.epochs = 12;
	o.folds = 5;
	o.min_count = 1;
	o.load = 80;
	o.quant = 1;
	o.seed = 1;
	o.seeds = 1;
	af_setprog(argv);
	while ((c = getopt_long(argc, argv, "hVo:c:t:g:e:f:s:m:", opts, NULL)) != -1) {
		switch (c) {
		case 'h': fputs(usage, stdout); return 0;
		case 'V': printf("af-train-ner %s\n", AF_VERSION); return 0;
		case 'o': o.out = optarg; break;
		case 'c': o.clusters = optarg; break;
		case 't': o.conll = optarg; break;
		case 'g': o.gmb = optarg; break;
		case OPT_GMB_DEV: o.gmb_dev = (size_t)num("--gmb-dev", optarg, 0, 1000000); break;
		case OPT_GMB_DEV_OUT: o.gmb_dev_out = optarg; break;
		case 'e': o.epochs = (int)num("--epochs", optarg, 1, 1000); break;
		case 'f': o.folds = (int)num("--folds", optarg, 2, 16); break;
		case OPT_MIN_COUNT: o.min_count = (int)num("--min-count", optarg, 1, 1000000); break;
		case OPT_LOAD: o.load = (int)num("--load", optarg, 10, 95); break;
		case OPT_QUANT: o.quant = (float)num("--quant", optarg, 1, 1000); break;
		case OPT_SEEDS: o.seeds = (int)num("--seeds", optarg, 1, 64); break;
		case 's': o.seed = (uint64_t)num("--seed", optarg, 0, 0x7fffffffL); break;
		case OPT_CLUSTERS: clusters = 1; break;
		case OPT_TAG: tag = optarg; break;
		case 'm': model = optarg; break;
		case OPT_GMB_FORMAT: gmbfmt = 1; break;
		default: fprintf(stderr, "Try 'af-train-ner --help'.\n"); return AF_EX_USAGE;
		}
	}
	if (optind < argc) {
		af_warn("unexpected operand: %s", argv[optind]);
		fprintf(stderr, "Try 'af-train-ner --help'.\n");
		return AF_EX_USAGE;
	}
	if (clusters)
		return af_ner_make_clusters(stdin, stdout, 1000, 200, 40, o.seed) < 0 ? AF_EX_FAIL : 0;
	if (tag) {
		struct af_error err;
		double secs;
		size_t nw;
		if (af_ner_tag_conll(model, tag, gmbfmt, stdout, &secs, &nw, &err) < 0) {
			af_warn("%s", err.msg);
			return AF_EX_FAIL;
		}
		af_warn("tagged %zu words in %.3f s of CPU: %.0f words/s", nw, secs, secs > 0 ? (double)nw / secs : 0);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			af_warn("writing output failed");
			return AF_EX_IOERR;
		}
		return 0;
	}
	if (!o.out || !o.clusters || !o.conll) {
		af_warn("training needs -o MODEL, -c CLUSTERS and -t CONLL");
		fprintf(stderr, "Try 'af-train-ner --help'.\n");
		return AF_EX_USAGE;
	}
	struct af_error err;
	if (af_ner_train(&o, &err) < 0) {
		af_warn("%s", err.msg);
		return AF_EX_FAIL;
	}
	return 0;
}
