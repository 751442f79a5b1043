# af - news articles to structured facts with small Unix filters.
#
#   make            build bin/af-* (installs missing Debian packages when root)
#   make demo       run the bundled sample through every stage
#   make check      build and run every test (unit + bats), then the same under ASan+UBSan
#   make asan       sanitizer build in build/asan/bin
#   make bench      benchmarks (bench/README.md)
#   make fuzz       libFuzzer on every reader, make fuzz-ci a minute of it (tests/fuzz/README.md)
#   make eval-clean dev evaluations (need ../shared/data; skip cleanly without it)
#   make install PREFIX=/usr/local DESTDIR=   /   make uninstall   (docs, LICENSE, THIRD-PARTY in DOCDIR)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/af
DOCDIR  ?= $(PREFIX)/share/doc/af

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes
PKGS     = yaml-0.1 libpcre2-8 jansson libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
AF_CFLAGS = $(WARN) $(if $(WERROR),-Werror) -D_POSIX_C_SOURCE=200809L -Iinclude $(PKG_CFLAGS) $(CFLAGS)
LDLIBS  += $(PKG_LIBS) -lmodest -lm

# BUILD holds objects, BIN the tools; `make asan` points both elsewhere.
BUILD   ?= build
BIN     ?= bin

TOOLS    = $(notdir $(wildcard cmd/af-*))
LIB_SRC  = $(wildcard lib/*.c)
DATA     = $(sort $(wildcard data/*.yaml data/*.bin))
DATA_OBJ = $(DATA:data/%=$(BUILD)/gen/data/%.o) $(BUILD)/gen/data-index.o
LIB_OBJ  = $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o) $(DATA_OBJ) $(BUILD)/gen/evsnap.o
# every object also writes its header dependencies (-MMD -MP) beside it as .d; these
# are read at the end of this file, so touching any header, public or lib/*.h, rebuilds
# exactly what includes it
DEPFLAGS = -MMD -MP -MT $@ -MF $(@:%.o=%.d)
CMD_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cmd/af-*/*.c))
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# kept after the link: they are what the next build compares against
.SECONDARY: $(CMD_OBJ) $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%.o)
MANPAGES = $(wildcard docs/*.1 docs/*.5 docs/*.7)
PIPELINES = $(wildcard pipelines/*.yaml pipelines/*.mk)
# the licence, the third-party notices and the format notes, installed in DOCDIR
DOCS     = LICENSE THIRD-PARTY README.md $(wildcard docs/*.md)

.PHONY: all deps demo check check-build test test-asan asan bench install uninstall clean \
        eval eval-clean eval-quotes eval-speakers eval-ner eval-identity eval-events eval-syntax model fuzz fuzz-ci

all: deps
	@$(MAKE) --no-print-directory build-tools

deps:
	@scripts/deps build

.PHONY: build-tools
build-tools: $(TOOLS:%=$(BIN)/%) $(UNIT_BIN)

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

$(BUILD)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

$(BUILD)/embed: scripts/embed.c scripts/cbytes.h
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $<

# each data file its own object, linked into the tools whose modules say AF_DATA_USE
$(BUILD)/gen/data/%.c: data/% $(BUILD)/embed
	@mkdir -p $(@D)
	$(BUILD)/embed --one $@ $<

$(BUILD)/gen/data/%.o: $(BUILD)/gen/data/%.c
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

$(BUILD)/gen/data-index.c: $(BUILD)/embed $(DATA)
	@mkdir -p $(@D)
	$(BUILD)/embed --index $@ $(DATA)

$(BUILD)/gen/data-index.o: $(BUILD)/gen/data-index.c
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

# af-events' start-up snapshot of its compiled-in dictionaries (lib/evsnap.c): made by a
# generator linked with the library's other objects, which reads the dictionary texts once
EVSNAP_DEPS = $(filter-out $(BUILD)/gen/evsnap.o,$(LIB_OBJ))
$(BUILD)/scripts/evsnap.o: scripts/evsnap.c
	@mkdir -p $(@D)
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

$(BUILD)/evsnap: $(BUILD)/scripts/evsnap.o $(EVSNAP_DEPS)
	$(CC) $(LDFLAGS) -o $@.$$$$.tmp $^ $(LDLIBS) && mv -f $@.$$$$.tmp $@

$(BUILD)/gen/evsnap.c: $(BUILD)/evsnap
	@mkdir -p $(@D)
	$(BUILD)/evsnap $@

$(BUILD)/gen/evsnap.o: $(BUILD)/gen/evsnap.c
	$(CC) $(AF_CFLAGS) $(DEPFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

# archives and binaries are written aside and renamed: a build never leaves half a file
$(BUILD)/libaf.a: $(LIB_OBJ)
	rm -f $@.$$$$.tmp
	$(AR) rcs $@.$$$$.tmp $^ && mv -f $@.$$$$.tmp $@

# Each tool: the objects of cmd/af-NAME/*.c linked with libaf.a.
.SECONDEXPANSION:
cmd_obj = $(patsubst %.c,$(BUILD)/%.o,$(wildcard cmd/$1/*.c))
$(BIN)/%: $$(call cmd_obj,$$*) $(BUILD)/libaf.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@.$$$$.tmp $(filter %.o,$^) $(BUILD)/libaf.a $(LDLIBS) && mv -f $@.$$$$.tmp $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libaf.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@.$$$$.tmp $< $(BUILD)/libaf.a $(LDLIBS) && mv -f $@.$$$$.tmp $@

# the stages in pipeline order, those that exist in cmd/
CHAIN = $(filter $(TOOLS),af-entities af-quotes af-events)

demo: all
	@mkdir -p $(BUILD)/demo
	@$(BIN)/af-clean tests/fixtures/ians-afghan-opposition.txt \
	  $(foreach t,$(CHAIN),| $(BIN)/$(t)) > $(BUILD)/demo/sample.ndjson
	@{ command -v jq >/dev/null && jq . || cat; } < $(BUILD)/demo/sample.ndjson
	@$(BIN)/af-view -t 'af demo: the bundled sample' -o $(BUILD)/demo/report.html $(BUILD)/demo/sample.ndjson
	@echo "report: $(abspath $(BUILD)/demo/report.html)"

# The test command of the README: every unit and bats test, normal build then ASan+UBSan.
check:
	@scripts/deps test
	@$(MAKE) --no-print-directory build-tools
	@$(MAKE) --no-print-directory asan
	@scripts/run-tests $(BIN) $(BUILD) build/asan/bin build/asan

test: build-tools
	@scripts/run-tests $(BIN) $(BUILD)

asan:
	@$(MAKE) --no-print-directory build-tools BUILD=build/asan BIN=build/asan/bin \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined"

test-asan: asan
	@scripts/run-tests build/asan/bin build/asan

bench: all
	@bench/run

# libFuzzer on every reader (tests/fuzz/README.md; needs clang; never part of check):
# make fuzz runs each target FUZZ_SECONDS, make fuzz-ci each 6 s from a fixed seed (about
# a minute in all; .ci/run runs it)
FUZZ_SECONDS ?= 300
fuzz:
	@scripts/deps fuzz
	@tests/fuzz/run $(FUZZ_SECONDS)

fuzz-ci:
	@scripts/deps fuzz
	@tests/fuzz/run 6 -- -seed=1

# dev evaluations: each needs ../shared/data and says so (and exits 0) without it
eval: eval-clean eval-quotes eval-speakers eval-ner eval-identity eval-events eval-syntax

eval-clean: all $(BUILD)/train-lr
	@bench/eval-clean
	@scripts/train-clean --cv

eval-quotes: all
	@bench/eval-quotes

eval-speakers: all
	@bench/eval-speakers

eval-ner: all
	@bench/eval-ner

# one id per official over the unlabeled Tehran Times corpus (about a minute)
eval-identity: all
	@bench/eval-identity

eval-events: all
	@bench/eval-events
	@bench/eval-events-news
	@bench/eval-event-actors
	@bench/events-news-errors
	@bench/events-side-coverage
	@bench/events-coded/score --open --by-root
	@bench/events-coded/score --blind --by-root

eval-syntax: all
	@bench/eval-syntax

# retrain data/ner.bin, data/syntax.bin, data/clean-model.yaml and data/events-assert.yaml from ../shared/data
# (reproducible: same data and seed, same bytes)
model: all $(BUILD)/train-lr
	@scripts/train-model
	@scripts/train-syntax
	@scripts/train-clean
	@scripts/train-events-assert

$(BUILD)/train-lr: scripts/train-lr.c
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $< -lm

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(SHAREDIR)/pipelines $(DESTDIR)$(SHAREDIR)/data
	install -m 755 $(TOOLS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)/
	for m in $(MANPAGES); do s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	$(if $(PIPELINES),install -m 644 $(PIPELINES) $(DESTDIR)$(SHAREDIR)/pipelines/)
	$(if $(DATA),install -m 644 $(DATA) $(DESTDIR)$(SHAREDIR)/data/)
	install -d $(DESTDIR)$(DOCDIR)
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%)
	for m in $(MANPAGES); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	rm -f $(PIPELINES:pipelines/%=$(DESTDIR)$(SHAREDIR)/pipelines/%) $(DATA:data/%=$(DESTDIR)$(SHAREDIR)/data/%)
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	-rmdir $(DESTDIR)$(SHAREDIR)/pipelines $(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf build bin

# header dependencies written by -MMD (absent before the first build: nothing to read)
-include $(shell find $(BUILD) -name '*.d' -not -path '*/seeds/*' -not -path '*/corpus/*' 2>/dev/null)
