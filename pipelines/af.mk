# pipelines/af.mk - build OUT/x.ndjson from IN/x.txt or IN/x.ndjson through an af pipeline.
#
# From the shell:
#   make -f pipelines/af.mk IN=wire OUT=facts                 # pipelines/news.yaml
#   make -f pipelines/af.mk IN=wire OUT=facts PIPELINE=pipelines/quotes.yaml -j2
#
# From your own Makefile (its first target stays the default one):
#   IN       = wire
#   OUT      = facts
#   PIPELINE = pipelines/news.yaml
#   include pipelines/af.mk
#   all: af-all
#
# Variables: IN (input directory, default in), OUT (output directory, default out),
# PIPELINE (default news.yaml beside this file), AF_RUN and AF_CLEAN (the tools; default
# bin/ of this checkout when built, else found in PATH), AF_RUN_FLAGS (e.g. --jobs 2).
#
# IN/x.ndjson (articles, one per line) goes through `af-run PIPELINE`; IN/x.txt (one raw
# article) is first made a record by af-clean, which the pipeline's own af-clean passes
# on unchanged. OUT/x.ndjson is remade when its input, the pipeline file, a file the
# pipeline includes or names as a lexicon, af-run or any stage's tool is newer: the
# list comes from `af-run --deps`. Each output is written to OUT/x.ndjson.tmp and renamed
# when af-run succeeded, so a failed run leaves the old output (or none), never half of
# one. Targets are independent, so make -j N builds N outputs at once.
#
# Targets: af-all (every output), af-clean-out (remove OUT's outputs and temporaries).

AF_MK_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
PIPELINE ?= $(AF_MK_DIR)/news.yaml
IN ?= in
OUT ?= out
AF_RUN ?= $(firstword $(wildcard $(AF_MK_DIR)/../bin/af-run) af-run)
AF_CLEAN ?= $(firstword $(wildcard $(dir $(AF_RUN))af-clean) af-clean)
AF_RUN_FLAGS ?=

AF_INPUTS := $(wildcard $(IN)/*.ndjson $(IN)/*.txt)
AF_OUTPUTS := $(sort $(patsubst $(IN)/%,$(OUT)/%.ndjson,$(basename $(AF_INPUTS))))
# pipeline files, lexicons, tools, af-run itself (empty if the pipeline is broken: the
# recipe then fails with af-run's message)
AF_DEPS := $(PIPELINE) $(shell $(AF_RUN) $(AF_RUN_FLAGS) --deps $(PIPELINE) 2>/dev/null)

.PHONY: af-all af-clean-out
af-all: $(AF_OUTPUTS)

$(OUT):
	mkdir -p $@

$(OUT)/%.ndjson: $(IN)/%.ndjson $(AF_DEPS) | $(OUT)
	$(AF_RUN) $(AF_RUN_FLAGS) $(PIPELINE) $< > $@.tmp || { rm -f $@.tmp; exit 1; }
	mv -f $@.tmp $@

$(OUT)/%.ndjson: $(IN)/%.txt $(AF_DEPS) $(wildcard $(AF_CLEAN)) | $(OUT)
	$(AF_CLEAN) $< > $@.in.tmp || { rm -f $@.in.tmp; exit 1; }
	$(AF_RUN) $(AF_RUN_FLAGS) $(PIPELINE) $@.in.tmp > $@.tmp || { rm -f $@.in.tmp $@.tmp; exit 1; }
	rm -f $@.in.tmp
	mv -f $@.tmp $@

af-clean-out:
	rm -f $(AF_OUTPUTS) $(AF_OUTPUTS:=.tmp) $(AF_OUTPUTS:=.in.tmp)
