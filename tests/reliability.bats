#!/usr/bin/env bats
# Reliability (issue 15): inputs that crashed, hung, lost data or were silently accepted.
# Each test names the item of the issue it guards.

load test_helper
bats_require_minimum_version 1.5.0

# ---- crashes ----

@test "1: a control character between a month and a number does not crash af-entities" {
	printf '{"text":"Dec\\u0000 5"}\n{"text":"On Dec\\u0001 5 they met"}\n{"text":"Dec"}\n' >"$T/in"
	run af-entities "$T/in"
	assert_success
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 3 ]
}

@test "2: a YAML file nested 50,000 deep is an error with file:line:col, not a crash" {
	python3 -c "print('x: ' + '[' * 50000)" >"$T/deep.yaml"
	run af-entities -l "$T/deep.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --regexp "deep\.yaml:1:[0-9]+: nested more than [0-9]+ levels deep"
	printf 'stages:\n  - run: %s\n' "$(python3 -c "print('[' * 50000)")" >"$T/deep-pipe.yaml"
	run af-run "$T/deep-pipe.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "nested more than"
}

# ---- silently accepted mistakes ----

@test "10: a misspelt section beside a known one is an error (af-entities)" {
	printf 'people:\n  - name: Foo Bar\npeple:\n  - name: Baz Qux\n' >"$T/l.yaml"
	run af-entities -l "$T/l.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "l.yaml:3:1: unknown section 'peple' (did you mean 'people'?)"
	printf 'People:\n  - name: Foo Bar\ntitles: [Envoy]\n' >"$T/l.yaml"
	run af-entities -l "$T/l.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "l.yaml:1:1: unknown section 'People'"
	# other tools' sections stay allowed: one file can serve several tools
	printf 'people:\n  - name: Foo Bar\ncues: [said]\nmonths: {1: [Janvier]}\n' >"$T/l.yaml"
	run af-entities -l "$T/l.yaml" </dev/null
	assert_success
}

@test "10: YAML anchors on scalars and YAML tags are refused with file:line:col" {
	printf 'people:\n  - name: &a Foo Bar\n' >"$T/a.yaml"
	run af-entities -l "$T/a.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "a.yaml:2:11: anchors and aliases are not supported"
	printf 'people:\n  - name: !!str Foo Bar\n' >"$T/t.yaml"
	run af-entities -l "$T/t.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "t.yaml:2:11: YAML tags"
	printf 'stages:\n  - run: !mytag [af-entities]\n' >"$T/p.yaml"
	run af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "p.yaml:2:10: YAML tags"
}

@test "10: a NUL inside a pipeline string is an error, not a truncated argument" {
	printf 'stages:\n  - run: [af-entities, "--lexicon=x\\0y"]\n' >"$T/p.yaml"
	run af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "p.yaml:2:24: a NUL character"
	printf 'stages:\n  - sh: "cat\\0 /etc/passwd"\n' >"$T/p.yaml"
	run af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
}

@test "5: a YAML mapping with 100,000 keys loads, and its duplicate key is found" {
	python3 -c "
print('x:')
for i in range(100000): print('  k%d: v' % i)
print('  k77: v')" >"$T/k.yaml"
	run af-entities -l "$T/k.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "k.yaml:100002:3: duplicate key 'k77'"
	printf 'x:\n  a: 1\n  b: 2\n  a: 3\n' >"$T/k.yaml"
	run af-entities -l "$T/k.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "k.yaml:4:3: duplicate key 'a'"
}

# ---- wrong exit status or message ----

@test "12: a directory as a pipeline's lexicon is refused at load time (78)" {
	mkdir "$T/dir"
	printf 'stages:\n  - run: [af-entities]\n    lexicon: dir\n' >"$T/p.yaml"
	run af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "p.yaml:3:14: cannot read lexicon 'dir'"
	assert_output --partial "Is a directory"
}

# ---- hangs and runaway resources ----

# a pipeline of one af filter through a wrapper that logs each start into $T/starts
counting_pipeline() {
	mkdir -p "$T/w"
	printf '#!/bin/sh\necho started >>"%s/starts"\nexec "%s/af-entities" "$@"\n' "$T" "$AF_BIN" >"$T/w/af-entities"
	chmod +x "$T/w/af-entities"
	printf 'stages:\n  - run: [./w/af-entities]\n' >"$T/p.yaml"
}

# tests/fixtures/faults.c built as a preload (not with a sanitizer's runtime, which must come first)
faults() {
	command -v cc >/dev/null || skip "no C compiler for the fault preload"
	ldd "$AF_BIN/af-run" 2>/dev/null | grep -q 'libasan\|libubsan' && skip "a sanitizer build: no preload"
	cc -shared -fPIC -o "$T/faults.so" "$FIX/faults.c" -ldl || skip "the fault preload does not build"
	printf 'name: cats\nstages:\n  - run: [cat]\n  - name: middle\n    run: [cat]\n  - name: last\n    run: [cat]\n' >"$T/cats.yaml"
	seq 1 100000 | sed 's/.*/{"id":"&"}/' >"$T/in"
}

@test "5: a read error on a stage's pipe fails the run with a message naming the stage (not taken as its end)" {
	faults
	for opts in "--stats" "--jobs 2"; do
		for n in 1 4 20; do
			run --separate-stderr timeout 60 env AF_FAULT_READ=$n LD_PRELOAD="$T/faults.so" af-run $opts "$T/cats.yaml" "$T/in"
			[ "$status" -eq 74 ] || fail "af-run $opts, read $n failing: status $status (lines out: ${#lines[@]})"
			[[ "$stderr" == *"reading the output of stage '"*"' failed: Input/output error"* ]] ||
				fail "af-run $opts, read $n failing: $stderr"
		done
	done
	run env AF_FAULT_READ=0 LD_PRELOAD="$T/faults.so" af-run --stats "$T/cats.yaml" "$T/in"
	[ "$status" -eq 0 ] && [ "${#lines[@]}" -gt 100000 ] # no fault: every line (and the stats)
}

@test "5: a pipe that cannot be made while the stages start leaks no descriptor" {
	faults
	# the pipes open before af-run starts (inherited) are the baseline
	env AF_FAULT_PIPE=0 AF_FAULT_FDS="$T/fds0" LD_PRELOAD="$T/faults.so" af-run --stats "$T/cats.yaml" "$T/in" >/dev/null 2>&1
	local failed=0
	for n in 2 3 4 5 6 7 8 9 10; do
		run --separate-stderr env AF_FAULT_PIPE=$n AF_FAULT_FDS="$T/fds" LD_PRELOAD="$T/faults.so" af-run --stats "$T/cats.yaml" "$T/in"
		[ "$status" -eq 0 ] && continue # past the last pipe
		failed=$((failed + 1))
		[ "$status" -eq 70 ] || fail "pipe $n failing: status $status"
		[[ "$stderr" == *"Too many open files"* ]] || fail "pipe $n failing: $stderr"
		diff "$T/fds0" "$T/fds" || fail "pipe $n failing: pipe ends left open at exit (above)"
	done
	[ "$failed" -ge 5 ] # every pipe of the start was made to fail
}

@test "3: af-run with a closed stdout exits 74 with a message (--jobs, --stats, --keep, plain)" {
	printf '{"text":"Kabul, Dec. 5"}\n%.0s' $(seq 30) >"$T/in"
	printf 'stages:\n  - run: [af-entities]\n' >"$T/p.yaml"
	mkdir "$T/keep"
	for opts in "--jobs 2" "--stats" "--keep $T/keep" ""; do
		run timeout 60 bash -c "af-run $opts '$T/p.yaml' '$T/in' >&-"
		[ "$status" -eq 74 ] || fail "af-run $opts: status $status"
		assert_output --partial "standard output is closed"
	done
}

@test "4: --jobs N starts no more copies than batches, and a huge N is capped with a message" {
	counting_pipeline
	printf '{"text":"a"}\n{"text":"b"}\n{"text":"c"}\n' >"$T/in"
	run af-run --jobs 8 --batch 1 "$T/p.yaml" "$T/in"
	assert_success
	[ "$(grep -c '"text"' <<<"$output")" -eq 3 ]
	[ "$(wc -l <"$T/starts")" -le 3 ] || fail "$(wc -l <"$T/starts") copies for 3 batches"
	rm -f "$T/starts"
	run af-run --jobs 8 --batch 100 "$T/p.yaml" "$T/in"
	assert_success
	[ "$(wc -l <"$T/starts")" -eq 1 ] || fail "$(wc -l <"$T/starts") copies for 1 batch"
	rm -f "$T/starts"
	seq 40 | sed 's/.*/{"text":"x"}/' >"$T/in"
	run --separate-stderr af-run --jobs 1000 --batch 1 "$T/p.yaml" "$T/in"
	assert_success
	[[ "$stderr" == *"--jobs 1000: at most "*" copies run at once"* ]] || fail "stderr: $stderr"
	[ "$(wc -l <"$T/starts")" -lt 40 ]
	[ "$(grep -c '"text"' <<<"$output")" -eq 40 ]
}

# ---- data lost or changed ----

@test "6: --reject naming an input is refused before anything is emptied" {
	printf '{"text":"Kabul"}\n' >"$T/x.ndjson"
	for tool in af-clean af-entities af-quotes af-events; do
		run "$tool" --reject "$T/x.ndjson" "$T/x.ndjson"
		[ "$status" -eq 64 ] || fail "$tool: status $status"
		assert_output --partial "is also an input"
		run "$tool" --reject "$T/x.ndjson" <"$T/x.ndjson"
		[ "$status" -eq 64 ]
		assert_output --partial "is the standard input"
		[ "$(cat "$T/x.ndjson")" = '{"text":"Kabul"}' ]
	done
}

# ---- wrong exit status or message ----

@test "12: af-run's last stage failing to write its output is af-run's output error: 74" {
	[ -w /dev/full ] || skip "no /dev/full"
	printf '{"text":"Kabul"}\n' >"$T/in"
	printf 'stages:\n  - run: [af-entities]\n' >"$T/p.yaml"
	run bash -c "af-run '$T/p.yaml' '$T/in' >/dev/full"
	[ "$status" -eq 74 ]
	run bash -c "af-run --jobs 2 '$T/p.yaml' '$T/in' >/dev/full"
	[ "$status" -eq 74 ]
}

@test "12: a directory as FILE operand or as pipeline file: 66" {
	mkdir "$T/dir"
	for tool in af-clean af-entities af-quotes af-events; do
		run "$tool" "$T/dir"
		[ "$status" -eq 66 ] || fail "$tool: status $status"
		assert_output --partial "dir: Is a directory"
	done
	run af-run "$T/dir" </dev/null
	[ "$status" -eq 66 ]
	assert_output --partial "dir: Is a directory"
}

@test "12: a byte-order mark at the start of the input is skipped" {
	printf '\357\273\277{"text":"Kabul"}\n{"text":"Herat"}\n' >"$T/in.ndjson"
	for tool in af-clean af-entities af-quotes af-events; do
		run --separate-stderr "$tool" "$T/in.ndjson"
		assert_success
		[ "$(grep -c '"text"' <<<"$output")" -eq 2 ] || fail "$tool: $output"
	done
}

@test "12: a synset that contains itself is named with its line" {
	printf '&A\n+bomb\n+&B\n\n&B\n+shell\n+&A\n\n--- RESTORE [064] ---\nRESTORE\n- * &A [064]\n' >"$T/v.txt"
	run af-events --no-defaults --verbs "$T/v.txt" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "v.txt:7: synset &A contains itself (through &B)"
	printf '&A\n+bomb\n+&A\n\n--- RESTORE [064] ---\nRESTORE\n- * &A [064]\n' >"$T/v.txt"
	run af-events --no-defaults --verbs "$T/v.txt" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "v.txt:3: synset &A contains itself"
}

@test "7: af-clean keeps an id jansson cannot represent, byte for byte" {
	printf '{"id":123456789012345678901234567890,"raw":"Kabul"}\n{"id":1e400,"raw":"x"}\n{"id":"a\\u00e9","raw":"x"}\n' >"$T/in.ndjson"
	run af-clean "$T/in.ndjson"
	assert_success
	assert_line --index 0 --partial '{"id":123456789012345678901234567890,'
	assert_line --index 1 --partial '{"id":1e400,'
	assert_line --index 2 --partial '{"id":"a\u00e9",'
}

@test "7: every stage keeps the other keys under af byte for byte" {
	printf '{"raw":"Kabul","af":{"version":"0.0","x":1.50,"y":"\\u00e9","z":1e400,"n":123456789012345678901234567890}}\n' >"$T/in.ndjson"
	af-clean "$T/in.ndjson" | af-entities | af-quotes | af-events >"$T/out"
	run grep -o '"af":{[^}]*}' "$T/out"
	assert_output '"af":{"version":"0.1.0","x":1.50,"y":"\u00e9","z":1e400,"n":123456789012345678901234567890,"stages":["clean","entities","quotes","events"]}'
}

@test "8: a text holding NUL (\\u0000) goes through every stage" {
	printf '{"raw":"\\"We will\\u0000 win,\\" said Ahmad Shah, the minister, in Kabul on Dec. 5."}\n' >"$T/in.ndjson"
	run --separate-stderr bash -c "af-clean '$T/in.ndjson' | af-entities | af-quotes | af-events"
	assert_success
	[ "$(printf '%s\n' "$output" | jq -r '.af.stages | join(",")')" = "clean,entities,quotes,events" ]
	[ "$(printf '%s\n' "$output" | jq '.quotes | length')" -ge 1 ]
}

@test "5: af-quotes' output on one 8,000-word sentence is bounded by the record, not its square" {
	python3 -c "
import json
ws = [('Ahmad' if i % 4 == 0 else ('said' if i % 9 == 0 else 'the')) for i in range(8000)]
print(json.dumps({'text': ' '.join(ws) + '.'}))" >"$T/in"
	af-quotes "$T/in" >"$T/out"
	in=$(wc -c <"$T/in") out=$(wc -c <"$T/out")
	[ "$out" -lt $((in * 30)) ] || fail "$out bytes out for $in in"
	jq -e '.quotes | length > 100' "$T/out" >/dev/null
}

@test "9: stopped by SIGTERM, a plain af-run's output ends on a line boundary" {
	python3 -c "
import json
t = open('$SAMPLE').read() * 20
print('\n'.join(json.dumps({'text': t}) for _ in range(400)))" >"$T/in"
	printf 'stages:\n  - run: [af-entities]\n  - run: [af-quotes]\n' >"$T/p.yaml"
	af-run "$T/p.yaml" "$T/in" >"$T/out" 2>/dev/null &
	pid=$!
	for _ in $(seq 300); do [ "$(wc -c <"$T/out")" -gt 100000 ] && break; sleep 0.1; done
	kill -TERM "$pid"
	wait "$pid" || true
	[ -s "$T/out" ] || skip "nothing written before the signal"
	[ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" = '\n' ] || fail "the output ends mid-line"
	jq -c . "$T/out" >/dev/null
}

@test "9: after SIGKILL of af-run, nothing a stage started is left (a shell stage's background job)" {
	command -v pgrep >/dev/null || skip "pgrep is absent"
	local secs=$((4000 + RANDOM % 1000)).5
	printf 'stages:\n  - {name: bg, sh: "sleep %s & cat"}\n' "$secs" >"$T/bg.yaml"
	sleep 30 3>&- 2>/dev/null | af-run "$T/bg.yaml" >/dev/null 2>&1 3>&- &
	local pid=$!
	for _ in $(seq 50); do pgrep -f "^sleep $secs\$" >/dev/null && break; sleep 0.1; done
	pgrep -f "^sleep $secs\$" >/dev/null || fail "the stage's background job never started"
	kill -KILL "$pid"
	for _ in $(seq 20); do pgrep -f "^sleep $secs\$" >/dev/null || break; sleep 0.1; done
	if pgrep -f "^sleep $secs\$" >/dev/null; then
		pkill -f "^sleep $secs\$"
		fail "the background job outlived af-run by 2 s"
	fi
	# a run that ends normally leaves no watchdog behind
	printf '{"text":"x"}\n' | af-run "$T/bg.yaml" >/dev/null 2>&1
	pkill -f "^sleep $secs\$" || true
	for _ in $(seq 20); do pgrep -f "af-run $T/bg.yaml" >/dev/null || break; sleep 0.1; done
	! pgrep -f "af-run $T/bg.yaml" >/dev/null || fail "a watchdog is left"
}

@test "fuzz: an agent phrase over 255 bytes is refused with its line, not read past its buffer" {
	printf 'POLICE%0300d [~COP]\n' 0 >"$T/a.txt"
	run --separate-stderr af-events --agents "$T/a.txt" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/a.txt:1: agent phrase longer than 255 bytes" ]
}

@test "fuzz: NUL bytes next to U+FFFD in a page do not crash af-clean (the parser's broken UTF-8 is repaired)" {
	run --separate-stderr bash -c 'printf "{\"html\":\"\\\\u0000\\\\u0000\\\\ufffd\\\\u0000y <p>Kabul is calm today, officials said.</p>\"}\n" | af-clean'
	[ "$status" -eq 0 ]
	jq -e '.text | type == "string"' <<<"$output" >/dev/null
}

@test "no hang: clauses whose parents point at each other end af-events' walk up them" {
	# found on Tehran Times text: a participle and a fronted clause were each other's parent
	run --separate-stderr timeout 60 af-events <<<'{"text":"that problems facing nation must"}'
	[ "$status" -eq 0 ]
	run --separate-stderr timeout 60 af-events <<<'{"text":"Rahmani, a deputy representing Takestan, told the Mehr News Agency that the problems facing the nation must be promptly dealt with, saying this is of the utmost importance."}'
	[ "$status" -eq 0 ]
	jq -e '.events | type == "array"' <<<"$output" >/dev/null
}

@test "messages: two copies sharing one stderr (af-run --jobs, GNU parallel) never cut into each other's lines" {
	# each message was three writes ("af-clean: ", the text, the newline): side by side, the
	# copies' pieces interleaved ("af-clean: af-clean: line 5822: ..."); now one write a message
	{ echo '{"id":"a","text":"x"}'; yes '[1]' | head -n 20000; } >"$T/in"
	: >"$T/err"
	af-clean <"$T/in" >/dev/null 2>>"$T/err" &
	af-clean <"$T/in" >/dev/null 2>>"$T/err" &
	wait || true
	[ "$(grep -c '^af-clean: line [0-9]*: not a JSON object$' "$T/err")" -eq 40000 ]
	[ "$(wc -l <"$T/err")" -eq 40002 ]
}
