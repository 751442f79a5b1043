#!/usr/bin/env bats
# make install / make uninstall into a scratch DESTDIR: binaries, man pages,
# pipelines and data land where PREFIX says, and all of it goes away again.

load test_helper
bats_require_minimum_version 1.5.0

@test "make install puts tools, man pages, pipelines and data under DESTDIR/PREFIX" {
	[ -x "$TOP/bin/af-clean" ] || skip "not built"
	run make -C "$TOP" --no-print-directory install PREFIX=/opt/af DESTDIR="$T/root"
	assert_success
	for t in "$TOP"/bin/af-*; do
		[ -x "$T/root/opt/af/bin/${t##*/}" ] || fail "missing bin/${t##*/}"
	done
	for m in "$TOP"/docs/*.[157]; do
		s=${m##*.}
		[ -f "$T/root/opt/af/share/man/man$s/${m##*/}" ] || fail "missing man page ${m##*/}"
	done
	[ -f "$T/root/opt/af/share/af/data/clean.yaml" ]
	[ -f "$T/root/opt/af/share/af/pipelines/news.yaml" ] || [ ! -f "$TOP/pipelines/news.yaml" ]
	# the installed tool runs from anywhere: its lexicons are compiled in
	run bash -c "cd / && '$T/root/opt/af/bin/af-clean' '$SAMPLE' | jq -r .source"
	assert_output IANS
}

@test "make uninstall removes what make install put there" {
	[ -x "$TOP/bin/af-clean" ] || skip "not built"
	make -C "$TOP" --no-print-directory install PREFIX=/opt/af DESTDIR="$T/root" >/dev/null
	run make -C "$TOP" --no-print-directory uninstall PREFIX=/opt/af DESTDIR="$T/root"
	assert_success
	run find "$T/root" -type f
	assert_output ""
}

@test "make install puts LICENSE, THIRD-PARTY and the format notes in DOCDIR" {
	[ -x "$TOP/bin/af-clean" ] || skip "not built"
	run make -C "$TOP" --no-print-directory install PREFIX=/opt/af DESTDIR="$T/root"
	assert_success
	d=$T/root/opt/af/share/doc/af
	cmp "$TOP/LICENSE" "$d/LICENSE"
	cmp "$TOP/THIRD-PARTY" "$d/THIRD-PARTY"
	for f in "$TOP"/docs/*.md; do
		[ -f "$d/${f##*/}" ] || fail "missing doc ${f##*/}"
	done
	grep -q '^MIT License' "$d/LICENSE"
}

@test "THIRD-PARTY names every shipped data file, and the terms the issue lists" {
	for f in "$TOP"/data/*; do
		grep -qF "data/${f##*/}" "$TOP/THIRD-PARTY" || fail "THIRD-PARTY does not name data/${f##*/}"
	done
	for t in "PETRARCH" "Phoenix" "MIT" "CC BY-SA 4.0" "PLOVER" "CoNLL-2003" "Groningen Meaning Bank" \
		"UD English EWT" "ians-afghan-opposition.txt"; do
		grep -qF "$t" "$TOP/THIRD-PARTY" || fail "THIRD-PARTY does not mention $t"
	done
	# the MIT attribution the PETRARCH/Phoenix licence asks for, in full
	grep -qF "Copyright (c) 2014 Open Event Data" "$TOP/THIRD-PARTY"
	grep -qF "The above copyright notice and this permission notice shall be included" "$TOP/THIRD-PARTY"
}
