#!/usr/bin/env bats
# The man pages agree with the tools: every bin/af-* has docs/TOOL.1, every option in
# --help is in the page and every option in the page is in --help; the pages render
# without errors or warnings (mandoc -T lint, else man -l; skipped when neither exists).

load test_helper
bats_require_minimum_version 1.5.0

# the tools under test, one name a line
tools() {
	local t
	for t in "$AF_BIN"/af-*; do
		[ -x "$t" ] && [ -f "$t" ] && printf '%s\n' "${t##*/}"
	done
}

# options in a --help text: "--long" and "-x", sorted, one a line
help_options() {
	grep -oE -- '(^|[^[:alnum:]-])--?[[:alnum:]][[:alnum:]-]*' | sed -E 's/^[^-]*//' |
		grep -vE -- '^-[0-9]' | LC_ALL=C sort -u
}

# options in an mdoc page: the argument after each Fl macro ("Fl -raw" is --raw, "Fl r" is -r)
man_options() {
	awk '/^\./ {
		for (i = 1; i < NF; i++)
			if ($i == "Fl" || $i == ".Fl") {
				a = $(i + 1)
				gsub(/^\\&/, "", a)
				if (a ~ /^-[[:alnum:]][[:alnum:]-]*$/) print "-" a
				else if (a ~ /^[[:alnum:]]$/) print "-" a
			}
	}' "$1" | LC_ALL=C sort -u
}

@test "every tool has a man page in docs/" {
	missing=""
	for t in $(tools); do
		[ -f "$TOP/docs/$t.1" ] || missing="$missing $t"
	done
	[ -z "$missing" ] || fail "no docs/TOOL.1 for:$missing"
	[ -f "$TOP/docs/af.7" ] || fail "docs/af.7 is missing"
}

@test "every option in --help is in the man page" {
	bad=""
	for t in $(tools); do
		[ -f "$TOP/docs/$t.1" ] || continue
		have=$(man_options "$TOP/docs/$t.1")
		for o in $("$t" --help | help_options); do
			grep -qxF -- "$o" <<<"$have" || bad="$bad $t:$o"
		done
	done
	[ -z "$bad" ] || fail "options in --help but not in docs/TOOL.1 (as .Fl):$bad"
}

@test "every option in the man page is in --help" {
	bad=""
	for t in $(tools); do
		[ -f "$TOP/docs/$t.1" ] || continue
		have=$("$t" --help | help_options)
		for o in $(man_options "$TOP/docs/$t.1"); do
			grep -qxF -- "$o" <<<"$have" || bad="$bad $t:$o"
		done
	done
	[ -z "$bad" ] || fail "options in docs/TOOL.1 but not in --help:$bad"
}

@test "the option extractors see what they should (af-clean)" {
	[ -x "$AF_BIN/af-clean" ] || skip "no af-clean"
	run bash -c "$(declare -f help_options); af-clean --help | help_options | tr '\n' ' '"
	assert_output --partial '--features --help --html --id --lexicon --model --prefer-page --raw --reject --strict --version -V -h -i -l -r '
	run bash -c "$(declare -f man_options); man_options '$TOP/docs/af-clean.1' | tr '\n' ' '"
	assert_output --partial '--features --help --html --id --lexicon --model --prefer-page --raw --reject --strict --version -V -h -i -l -r '
}

@test "--help names the man page and exits 0 with nothing on stderr" {
	for t in $(tools); do
		run --separate-stderr "$t" --help
		assert_equal "$status" 0
		assert_equal "$stderr" ""
		assert_line -n 0 --regexp "^usage: $t "
		assert_output --partial "$t(1)"
	done
}

@test "the man pages render without errors or warnings" {
	pages=("$TOP"/docs/*.[1-9])
	[ -e "${pages[0]}" ] || fail "no man pages in docs/"
	if command -v mandoc >/dev/null; then
		# warnings and worse; STYLE notes (such as a referenced page not installed here) are not failures
		run --separate-stderr mandoc -T lint -W warning "${pages[@]}"
		assert_equal "$stderr$output" ""
		assert_equal "$status" 0
	elif command -v man >/dev/null; then
		for p in "${pages[@]}"; do
			run --separate-stderr env MANWIDTH=80 man --warnings -l "$p"
			assert_equal "$status" 0
			assert_equal "$stderr" ""
			[ -n "$output" ] || fail "$p rendered empty"
		done
	else
		skip "neither mandoc nor man is installed"
	fi
}

@test "man -l renders af-clean(1) with its sections" {
	command -v mandoc >/dev/null || command -v man >/dev/null || skip "neither mandoc nor man is installed"
	if command -v mandoc >/dev/null; then
		text=$(mandoc -T ascii "$TOP/docs/af-clean.1" | col -b)
	else
		text=$(MANWIDTH=80 man -l "$TOP/docs/af-clean.1" 2>/dev/null | col -b)
	fi
	for s in NAME SYNOPSIS DESCRIPTION "FIELDS ADDED" "EXIT STATUS" EXAMPLES "SEE ALSO"; do
		grep -qx "$s" <<<"$text" || fail "af-clean(1) has no $s section"
	done
}

@test "af(7) lists the exit codes of include/af/af.h" {
	codes=$(sed -n 's/^[[:space:]]*AF_EX_[A-Z]* = \([0-9]*\).*/\1/p' "$TOP/include/af/af.h")
	[ -n "$codes" ] || fail "no AF_EX_ codes found in af.h"
	for c in $codes; do
		grep -qx "\.It $c" "$TOP/docs/af.7" || fail "exit status $c of af.h is not in docs/af.7"
	done
	# and no code in the page that af.h does not have
	for c in $(sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/s/^\.It \([0-9][0-9]*\)$/\1/p' "$TOP/docs/af.7"); do
		grep -qx "$c" <<<"$codes" || fail "docs/af.7 lists exit status $c, which af.h does not define"
	done
}

# the literal blocks of a man page's EXAMPLES section, each block followed by a line "@@@"
examples() {
	awk '/^\.Sh EXAMPLES/ { e = 1; next } /^\.Sh/ { e = 0 }
		e && /^\.Bd -literal/ { b = 1; next }
		b && /^\.Ed/ { b = 0; print "@@@"; next }
		b { gsub(/\\e/, "\\"); print }' "$1"
}

# a directory with every file the examples name, made from the bundled sample
example_dir() {
	local W=$1
	mkdir -p "$W/wire" "$W/tests" "$W/lexicons" "$W/debug"
	cp -r "$TOP/tests/fixtures" "$W/tests/"
	cp -r "$TOP/pipelines" "$W/"
	cp "$SAMPLE" "$W/wire/ians.txt"
	cp "$SAMPLE" "$W/story.txt"
	sed 's/Afghanistan/Pakistan/g' "$SAMPLE" >"$W/wire/second.txt"
	af-clean "$W"/wire/*.txt >"$W/articles.ndjson"
	jq -Rsc '{raw: .}' "$SAMPLE" >"$W/scraped.ndjson"
	cp "$W/scraped.ndjson" "$W/dump.ndjson"
	cp "$W/scraped.ndjson" "$W/in.ndjson"
	cp "$W/articles.ndjson" "$W/wire.ndjson"
	cp "$W/articles.ndjson" "$W/big.ndjson"
	af-clean "$SAMPLE" | af-entities | af-quotes | af-events >"$W/facts.ndjson"
	printf '<html><head><title>A story</title></head><body><article><h1>A story</h1><p>KABUL, Dec 1 - The Taliban said on Monday they met Iranian officials.</p></article></body></html>\n' >"$W/story.html"
	# lexicons in the shapes the pages describe
	printf 'agencies:\n  - {name: Kabul Wire, aliases: [Kabul Wire], zone: "+04:30"}\n' >"$W/my-portals.yaml"
	printf 'people:\n  - {name: Sirajuddin Haqqani, code: AFGINS}\n' >"$W/commanders.yaml"
	cp "$W/commanders.yaml" "$W/lexicons/our-actors.yaml"
	# af-train-ner's inputs, tiny: the CoNLL column format and unlabeled text
	printf -- '-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nTaliban NNP I-NP B-ORG\nmet VBD B-VP O\nIran NNP B-NP B-LOC\n. . O O\n\n' >"$W/train.txt"
	cp "$W/train.txt" "$W/dev.txt"
	printf 'The O\nTaliban B-org\nmet O\nIran B-geo\n. O\n\n' >"$W/gmb.train.conll"
	printf 'The Taliban met Iran in Kabul .\nIran and Pakistan met in Tehran .\n' | gzip >"$W/tehrantimes.txt.gz"
}

@test "every example of every man page runs as written (on the bundled sample)" {
	W=$T/ex
	example_dir "$W"
	n=0 bad=""
	for page in "$TOP"/docs/*.[1-9]; do
		block=""
		while IFS= read -r line; do
			if [ "$line" != "@@@" ]; then
				block+="$line"$'\n'
				continue
			fi
			n=$((n + 1))
			if grep -q '^stages:' <<<"$block"; then
				# a pipeline file (pipeline(5)): it must load
				printf '%s' "$block" >"$W/example.yaml"
				(cd "$W" && af-run --list example.yaml) >"$T/out" 2>&1 || bad="$bad
${page##*/}: $(head -1 <<<"$block"): $(tail -1 "$T/out")"
			else
				(cd "$W" && PAGER=cat timeout 300 bash -o pipefail -c "$block") >"$T/out" 2>&1 </dev/null ||
					bad="$bad
${page##*/}: $(head -1 <<<"$block"): $(tail -1 "$T/out")"
			fi
			block=""
		done < <(examples "$page")
	done
	[ "$n" -ge 20 ] || fail "only $n examples found"
	[ -z "$bad" ] || fail "examples that fail:$bad"
	# the examples' outputs are really there
	[ -s "$W/report.html" ] && [ -s "$W/day.html" ] && [ -s "$W/tagged.ndjson" ]
}

@test "af(7)'s example messages are what af-clean prints" {
	msgs=$(awk '/^\.Sh MESSAGES/ { m = 1 } /^\.Sh EXIT/ { m = 0 } m' "$TOP/docs/af.7" |
		awk '/^For example:/ { e = 1; next } e && /^\.Bd/ { b = 1; next } b && /^\.Ed/ { exit } b')
	[ "$(wc -l <<<"$msgs")" -ge 7 ]
	cd "$T"
	{
		{ echo '{"raw":"a"}'; echo '{"raw":"b"}'; echo '[1]'; } | af-clean >/dev/null
		{ for i in 1 2 3 4 5 6; do echo '{"raw":"a"}'; done; printf '{"raw":"abcd\377"}\n'; } | af-clean >/dev/null
		{ echo '{"raw":"a"}'; echo '{"raw":"abc" "x"}'; } >wire.ndjson
		af-clean wire.ndjson >/dev/null
		{ for i in 1 2 3 4 5 6 7 8; do echo '{"raw":"a"}'; done; echo '{"id":"x"}'; } | af-clean >/dev/null
		{ for i in $(seq 117); do echo '{"raw":"a"}'; done; printf 'x\nx\nx\n'; } | af-clean --reject bad.ndjson >/dev/null
		echo '{"raw":"a"}' | af-clean >/dev/full
		{ for i in $(seq 9); do echo "# $i"; done; printf 'rules:\n  - match: a\n    match: b\n'; } >lexicon.yaml
		echo '{"raw":"a"}' | af-clean -l lexicon.yaml
	} 2>"$T/said" || true
	while IFS= read -r m; do
		grep -qxF -- "$m" "$T/said" || fail "af(7) quotes a message no tool printed: $m
printed:
$(cat "$T/said")"
	done <<<"$msgs"
}
