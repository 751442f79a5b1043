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
