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
