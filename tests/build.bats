#!/usr/bin/env bats
# The Makefile's header dependencies (-MMD -MP): a changed header, public or private
# (lib/*.h), rebuilds exactly the objects that include it. Asked of make with -n -W
# (what would run if the header had just changed), so the tree itself is not touched.

load test_helper

would_rebuild() { # HEADER OBJECT...: the compile commands make would run
	make -C "$TOP" --no-print-directory -n -W "$@" 2>&1
}

@test "a changed private header (lib/events_int.h) rebuilds the lib objects that include it" {
	[ -f "$TOP/build/lib/events.o" ] || skip "not built"
	run would_rebuild lib/events_int.h build/lib/events.o build/lib/util.o
	assert_success
	assert_output --partial "-o build/lib/events.o"
	refute_output --partial "-o build/lib/util.o"
}

@test "a changed public header rebuilds the lib and tool objects that include it" {
	[ -f "$TOP/build/lib/clean.o" ] || skip "not built"
	run would_rebuild include/af/clean.h build/lib/clean.o build/cmd/af-clean/main.o build/lib/utf8.o
	assert_success
	assert_output --partial "-o build/lib/clean.o"
	assert_output --partial "-o build/cmd/af-clean/main.o"
	refute_output --partial "-o build/lib/utf8.o"
}

@test "a removed header does not break the build (-MP gives each header an empty rule)" {
	[ -f "$TOP/build/lib/events.o" ] || skip "not built"
	grep -q '^lib/events_int.h:$' "$TOP/build/lib/events.d"
}
