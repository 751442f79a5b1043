#!/usr/bin/env bats
# af-run: pipeline files, the runner, --print/--keep/--jobs/..., af.mk, GNU parallel.

load test_helper
bats_require_minimum_version 1.5.0

PIPES=$TOP/pipelines

# a pipeline file in $T from stdin
pipeline() { cat > "$T/${1:-p}.yaml"; }

# af-run with a pipeline whose stages are all present
three_cats() {
	pipeline <<-'EOF'
	name: cats
	stages:
	  - run: [cat]
	  - name: middle
	    run: [cat]
	  - name: last
	    run: [cat]
	EOF
}

# N NDJSON records that af-clean passes through, with blank and CRLF lines among them
records() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) {
		printf "{\"id\":\"r%d\",\"text\":\"Article %d: Kabul, \\u00e9 %s\"}%s\n", i, i, (i % 7 ? "x" : "y"), (i % 13 ? "" : "\r")
		if (i % 97 == 0) print ""
		if (i % 211 == 0) print "   "
	} }'
}

need_tools() {
	local t
	for t in "$@"; do
		[ -x "$AF_BIN/$t" ] || skip "$t is not built yet"
	done
}

# ---- pipeline files: every mistake is file:line:col, exit 78, before anything runs ----

@test "a YAML syntax error names file:line:col" {
	pipeline <<-'EOF'
	name: x
	stages:
	  - run: [cat
	EOF
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[[ "$stderr" =~ ^af-run:\ $T/p.yaml:[0-9]+:[0-9]+:\  ]]
}

@test "an unknown top-level key is named with what was expected" {
	pipeline <<-'EOF'
	name: x
	stagez: []
	EOF
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:1: unknown key 'stagez' (expected one of: name, description, env, stages)" ]
}

@test "an unknown stage key is named with what was expected" {
	pipeline <<-'EOF'
	stages:
	  - run: [cat]
	    args: [-u]
	EOF
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:3:5: unknown key 'args' (expected one of: name, description, run, sh, include, enabled, env, lexicon)" ]
}

@test "stages must be a non-empty list" {
	printf 'name: x\nstages: []\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:9: expected at least one stage, found an empty list" ]
	printf 'name: x\nstages: {a: b}\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:9: expected a list of stages, found a mapping" ]
	printf 'name: x\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:1:1: expected a stages: list in the pipeline, found none" ]
}

@test "wrong types are named: run as a spaced string, enabled, env, a stage that is not a mapping" {
	printf 'stages:\n  - run: "cat -u"\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[[ "$stderr" == "af-run: $T/p.yaml:2:10: expected a list: the tool and its arguments"* ]]
	printf 'stages:\n  - run: [cat]\n    enabled: maybe\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:3:14: expected true or false, found 'maybe'" ]
	printf 'stages:\n  - run: [cat]\n    env: {X: [1]}\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:3:14: expected a string value for the environment variable, found a list" ]
	printf 'stages:\n  - cat\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:5: expected a stage (a mapping with run:, sh: or include:), found a scalar" ]
	printf 'stages:\n  - run: [cat, [x]]\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:16: expected a string (a tool or an argument), found a list" ]
	printf 'stages:\n  - run: [cat]\n    sh: cat\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:5: expected exactly one of run:, sh: or include: in a stage, found more than one" ]
}

@test "an unknown tool is an error at its position, and nothing starts" {
	pipeline <<-EOF
	stages:
	  - sh: 'touch $T/started'
	  - run: [af-no-such-tool, -x]
	EOF
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[[ "$stderr" == "af-run: $T/p.yaml:3:11: unknown tool 'af-no-such-tool': not found next to af-run ("*") nor in PATH" ]]
	[ ! -e "$T/started" ]
}

@test "duplicate stage names are refused; derived names get -2" {
	printf 'stages:\n  - name: a\n    run: [cat]\n  - name: a\n    run: [cat]\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:4:11: duplicate stage name 'a' (also at $T/p.yaml:3:11); stage names must be unique" ]
	printf 'stages:\n  - run: [cat]\n  - run: [cat]\n' > "$T/p.yaml"
	run --separate-stderr af-run --list "$T/p.yaml"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '1\tcat\tcat\n2\tcat-2\tcat')" ]
}

@test "a missing pipeline file exits 66; a missing lexicon or include is named where it is written" {
	run --separate-stderr af-run "$T/none.yaml" </dev/null
	[ "$status" -eq 66 ]
	[ "$stderr" = "af-run: $T/none.yaml: No such file or directory" ]
	printf 'stages:\n  - run: [cat]\n    lexicon: [lex/none.yaml]\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:3:15: cannot read lexicon 'lex/none.yaml' ($T/lex/none.yaml): No such file or directory" ]
	printf 'stages:\n  - include: other.yaml\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/p.yaml:2:14: cannot read pipeline 'other.yaml' ($T/other.yaml): No such file or directory" ]
}

@test "an include cycle is an error naming the chain" {
	printf 'stages:\n  - include: b.yaml\n' > "$T/a.yaml"
	printf 'stages:\n  - run: [cat]\n  - include: a.yaml\n' > "$T/b.yaml"
	run --separate-stderr af-run "$T/a.yaml" </dev/null
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-run: $T/b.yaml:3:14: include cycle: $T/a.yaml -> $T/b.yaml -> $T/a.yaml" ]
}

@test "include splices another file's stages; its paths are relative to it" {
	mkdir -p "$T/sub/lex"
	echo 'x: 1' > "$T/sub/lex/my.yaml"
	printf 'stages:\n  - name: echoargs\n    sh: echo "$@"\n    env: {A: b}\n  - run: [cat]\n    lexicon: lex/my.yaml\n' > "$T/sub/inner.yaml"
	printf 'stages:\n  - run: [cat]\n    name: first\n  - include: sub/inner.yaml\n' > "$T/p.yaml"
	run --separate-stderr af-run --list "$T/p.yaml"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf '1\tfirst\tcat')" ]
	[ "${lines[1]}" = "$(printf "2\techoargs\tsh -c 'echo \"\$@\"'")" ]
	[ "${lines[2]}" = "$(printf "3\tcat\tcat --lexicon $T/sub/lex/my.yaml")" ]
}

# ---- the runner ----

@test "stages run as a pipeline: stdin in, stdout out, blank lines kept for non-af stages" {
	pipeline <<-'EOF'
	stages:
	  - run: [cat]
	  - name: upper
	    sh: tr a-z A-Z
	  - run: [sed, -e, 's/B/[b]/']
	EOF
	run --separate-stderr af-run "$T/p.yaml" < <(printf 'abc\n\ndef\n')
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'A[b]C\n\nDEF')" ]
	[ "$stderr" = "" ]
}

@test "FILE operands are read in order; a missing one exits 66 before any stage starts" {
	three_cats
	printf 'one\n' > "$T/1"
	printf 'two\n' > "$T/2"
	run --separate-stderr af-run "$T/p.yaml" "$T/1" "$T/2" "$T/1"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'one\ntwo\none')" ]
	run --separate-stderr af-run "$T/p.yaml" "$T/1"
	[ "$output" = "one" ]
	printf 'stages:\n  - sh: touch %s/started\n' "$T" > "$T/q.yaml"
	run --separate-stderr af-run "$T/q.yaml" "$T/1" "$T/missing"
	[ "$status" -eq 66 ]
	[ "$stderr" = "af-run: $T/missing: No such file or directory" ]
	[ ! -e "$T/started" ]
}

@test "af-clean runs as a stage on a record of the sample" {
	printf 'stages:\n  - run: [af-clean]\n  - run: [cat]\n' > "$T/p.yaml"
	sample_record > "$T/in.ndjson"
	run --separate-stderr af-run "$T/p.yaml" "$T/in.ndjson"
	[ "$status" -eq 0 ]
	[ "$output" = "$(af-clean < "$T/in.ndjson")" ]
	[ "$(jq -r .source <<<"$output")" = IANS ]
}

@test "pipefail: a failing stage is named with its command and status; af-run exits 1" {
	pipeline <<-'EOF'
	stages:
	  - run: [cat]
	  - name: broken
	    sh: 'cat >/dev/null; exit 3'
	  - run: [cat]
	EOF
	run --separate-stderr af-run "$T/p.yaml" < <(printf 'x\n')
	[ "$status" -eq 1 ]
	[ "$stderr" = "af-run: stage 2 'broken' (sh -c 'cat >/dev/null; exit 3') exited with status 3" ]
}

@test "a stage killed by a signal is named with the signal" {
	printf 'stages:\n  - run: [cat]\n  - name: crash\n    sh: kill -SEGV $$\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" < <(printf 'x\n')
	[ "$status" -eq 1 ]
	[ "$stderr" = "af-run: stage 2 'crash' (sh -c 'kill -SEGV \$\$') was killed by signal 11 (SIGSEGV)" ]
}

@test "a stage that rejected records (65) makes af-run exit 65" {
	printf 'stages:\n  - run: [af-clean]\n' > "$T/p.yaml"
	run --separate-stderr af-run "$T/p.yaml" < <(printf '{"text":"a"}\nnot json\n{"text":"b"}\n')
	[ "$status" -eq 65 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "$stderr" == *"af-run: stage 1 'clean' (af-clean) exited with status 65" ]]
}

@test "upstream stages stopped by SIGPIPE are not failures (a stage like head)" {
	three_cats
	run --separate-stderr bash -c "seq 1 2000000 | af-run '$T/p.yaml' --stage 'head -n 2'"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '1\n2')" ]
	[ "$stderr" = "" ]
}

@test "| head after af-run: af-run is not a failure, in every mode" {
	three_cats
	for opts in "" "--stats" "--jobs 2" "--keep $T/k"; do
		run --separate-stderr bash -c "seq 1 2000000 | af-run $opts '$T/p.yaml' | head -n 1; echo \"\${PIPESTATUS[1]}\""
		[ "$output" = "$(printf '1\n0')" ]
	done
}

@test "SIGTERM stops every stage and their children; af-run dies of SIGTERM; no orphans" {
	pipeline <<-EOF
	stages:
	  - sh: 'echo \$\$ > $T/pid1; exec sleep 300'
	  - sh: 'sleep 300 & echo \$! > $T/pid2; wait'
	  - run: [cat]
	EOF
	af-run "$T/p.yaml" </dev/null >/dev/null 2>"$T/err" &
	local run=$!
	for _ in $(seq 100); do [ -s "$T/pid1" ] && [ -s "$T/pid2" ] && break; sleep 0.05; done
	kill -0 "$(cat "$T/pid1")"
	kill -0 "$(cat "$T/pid2")"
	kill -TERM "$run"
	local st=0
	wait "$run" || st=$?
	[ "$st" -eq 143 ]
	sleep 0.2
	! kill -0 "$(cat "$T/pid1")" 2>/dev/null
	! kill -0 "$(cat "$T/pid2")" 2>/dev/null
	[ ! -s "$T/err" ]
}

@test "SIGINT reaches the stages too, with --jobs 2 as well" {
	pipeline <<-EOF
	stages:
	  - sh: 'echo \$\$ >> $T/pids; cat >/dev/null; exec sleep 300'
	EOF
	seq 1 10 > "$T/in"
	af-run --jobs 2 --batch 5 "$T/p.yaml" "$T/in" >/dev/null 2>"$T/err" &
	local run=$!
	for _ in $(seq 100); do [ "$(wc -l < "$T/pids" 2>/dev/null)" = 2 ] && break; sleep 0.05; done
	kill -INT "$run"
	local st=0
	wait "$run" || st=$?
	[ "$st" -eq 130 ]
	sleep 0.2
	for p in $(cat "$T/pids"); do ! kill -0 "$p" 2>/dev/null; done
}

@test "--jobs 2 with af filters: SIGINT stops every copy; a failing stage is named once" {
	need_tools af-clean af-entities
	printf 'stages:\n  - run: [af-clean]\n  - run: [af-entities]\n' > "$T/p.yaml"
	mkfifo "$T/fifo"
	af-run --jobs 2 --batch 5 "$T/p.yaml" < "$T/fifo" >/dev/null 2>"$T/err" &
	local run=$!
	exec 7>"$T/fifo"
	records 12 >&7
	local kids=""
	for _ in $(seq 100); do
		kids=$(for p in /proc/[0-9]*; do
			if [ "$(cut -d' ' -f4 "$p/stat" 2>/dev/null)" = "$run" ]; then echo "${p#/proc/}"; fi
		done)
		[ "$(wc -w <<<"$kids")" -eq 4 ] && break
		sleep 0.05
	done
	[ "$(wc -w <<<"$kids")" -eq 4 ]
	kill -INT "$run"
	local st=0
	wait "$run" || st=$?
	exec 7>&-
	[ "$st" -eq 130 ]
	sleep 0.2
	for p in $kids; do ! kill -0 "$p" 2>/dev/null; done
	printf 'stages:\n  - run: [af-clean]\n  - run: [af-entities, --lexicon, %s/absent.yaml]\n' "$T" > "$T/p.yaml"
	records 30 > "$T/in"
	run --separate-stderr af-run --jobs 2 --batch 5 "$T/p.yaml" "$T/in"
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[ "$(grep -c "^af-run: stage 2 'entities' (af-entities --lexicon $T/absent.yaml) exited with status 78\$" <<<"$stderr")" -eq 1 ]
}

@test "--jobs 2: a copy whose stage stops early (--strict) ends the run, exit 65" {
	printf 'stages:\n  - run: [af-clean, --strict]\n' > "$T/p.yaml"
	{ records 7; echo bad; records 30; } > "$T/in"
	run --separate-stderr timeout 20 af-run --jobs 2 --batch 2 "$T/p.yaml" "$T/in"
	[ "$status" -eq 65 ]
	[ "$(head -n 7 <<<"$output")" = "$(records 7)" ]
	[[ "$stderr" == *"af-clean: line 8: invalid JSON"* ]]
}

@test "a stage that ignores SIGTERM is killed after the grace period" {
	pipeline <<-EOF
	stages:
	  - sh: 'trap "" TERM; echo \$\$ > $T/pid; while :; do sleep 1; done'
	EOF
	af-run "$T/p.yaml" </dev/null >/dev/null 2>&1 &
	local run=$!
	for _ in $(seq 100); do [ -s "$T/pid" ] && break; sleep 0.05; done
	kill -TERM "$run"
	local st=0
	wait "$run" || st=$?
	[ "$st" -eq 143 ]
	! kill -0 "$(cat "$T/pid")" 2>/dev/null
}

@test "--print gives a POSIX shell pipeline, quoted, that gives the same bytes" {
	pipeline <<-'EOF'
	stages:
	  - run: [cat]
	  - name: tag
	    run: [sed, -e, "s/^/it's a \"line\": /"]
	    env: {LC_ALL: C, X: 'a b'}
	  - sh: 'tr a-z A-Z | cat'
	EOF
	printf 'one\ntwo\n' > "$T/in 1"
	run --separate-stderr af-run --print "$T/p.yaml" "$T/in 1"
	[ "$status" -eq 0 ]
	[ "$output" = "cat < '$T/in 1' | LC_ALL=C X='a b' sed -e 's/^/it'\\''s a \"line\": /' | sh -c 'tr a-z A-Z | cat'" ]
	[ "$(sh -c "$output")" = "$(af-run "$T/p.yaml" "$T/in 1")" ]
	[ "$(af-run "$T/p.yaml" "$T/in 1")" = "$(printf 'IT'"'"'S A "LINE": ONE\nIT'"'"'S A "LINE": TWO')" ]
	run af-run --print "$T/p.yaml" a b
	[ "$output" = "cat -- a b | cat | LC_ALL=C X='a b' sed -e 's/^/it'\\''s a \"line\": /' | sh -c 'tr a-z A-Z | cat'" ]
}

@test "--print names a tool found next to af-run by its path" {
	mkdir "$T/bin"
	cp "$(command -v af-run)" "$T/bin/"
	printf '#!/bin/sh\nexec cat\n' > "$T/bin/af-echo-test"
	chmod +x "$T/bin/af-echo-test"
	printf 'stages:\n  - run: [af-echo-test]\n' > "$T/p.yaml"
	run --separate-stderr "$T/bin/af-run" --print "$T/p.yaml"
	[ "$status" -eq 0 ]
	[ "$output" = "$T/bin/af-echo-test" ]
	# found beside af-run though it is not in PATH
	run --separate-stderr "$T/bin/af-run" "$T/p.yaml" < <(echo hi)
	[ "$output" = hi ]
	# a name with a slash is relative to the pipeline file
	mkdir "$T/sub"
	printf 'stages:\n  - run: [../bin/af-echo-test]\n' > "$T/sub/p.yaml"
	run --separate-stderr bash -c "cd / && af-run '$T/sub/p.yaml' <<<hey"
	[ "$output" = hey ]
}

@test "--skip, --only, --from, --to choose stages; unknown names exit 64" {
	pipeline <<-'EOF'
	stages:
	  - {name: a, sh: 'sed s/$/a/'}
	  - {name: b, sh: 'sed s/$/b/'}
	  - {name: c, sh: 'sed s/$/c/', enabled: false}
	  - {name: d, sh: 'sed s/$/d/'}
	EOF
	[ "$(echo x | af-run "$T/p.yaml")" = xabd ]
	[ "$(echo x | af-run --skip b "$T/p.yaml")" = xad ]
	[ "$(echo x | af-run --skip a,d "$T/p.yaml")" = xb ]
	[ "$(echo x | af-run --only c "$T/p.yaml")" = xc ]
	[ "$(echo x | af-run --only d --only a "$T/p.yaml")" = xad ]
	[ "$(echo x | af-run --from b "$T/p.yaml")" = xbd ]
	[ "$(echo x | af-run --to b "$T/p.yaml")" = xab ]
	[ "$(echo x | af-run --from b --to c "$T/p.yaml")" = xb ]
	run --separate-stderr af-run --skip z "$T/p.yaml" </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --skip z: no such stage in $T/p.yaml (its stages: a, b, c, d)" ]
	[ "${stderr_lines[1]}" = "Try 'af-run --help' for more information." ]
	run --separate-stderr af-run --from d --to a "$T/p.yaml" </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --from d comes after --to a in $T/p.yaml" ]
	run --separate-stderr af-run --only a --from b "$T/p.yaml" </dev/null
	[ "$status" -eq 64 ]
	run --separate-stderr af-run --skip a,b,d "$T/p.yaml" </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: $T/p.yaml: no stage left to run" ]
}

@test "--stage appends a command split with shell quoting, run without a shell" {
	three_cats
	run --separate-stderr af-run "$T/p.yaml" --stage "sed -e 's/a/[x y]/' -e \"s/b/\\\"q\\\"/\"" --stage 'tr a-z A-Z' < <(echo abc)
	[ "$status" -eq 0 ]
	[ "$output" = '[X Y]"Q"C' ]
	run --separate-stderr af-run --list "$T/p.yaml" --stage 'printf %s\\n a\ b' --stage "cat ''"
	[ "${lines[3]}" = "$(printf "4\tprintf\tprintf '%%s\\\\n' 'a b'")" ]
	[ "${lines[4]}" = "$(printf "5\tcat-2\tcat ''")" ]
	run --separate-stderr af-run "$T/p.yaml" --stage-sh 'tr a-z A-Z | rev' < <(echo abc)
	[ "$output" = CBA ]
}

@test "--stage refuses what needs a shell, and unknown tools, with exit 64" {
	three_cats
	run --separate-stderr af-run "$T/p.yaml" --stage 'grep a | wc -l' </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --stage 'grep a | wc -l': unquoted '|': --stage runs one command without a shell (no pipes, redirections or expansions); quote it, or use --stage-sh" ]
	run --separate-stderr af-run "$T/p.yaml" --stage "sed 's/a/b" </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --stage 'sed 's/a/b': a ' is not closed" ]
	run --separate-stderr af-run "$T/p.yaml" --stage 'echo $HOME' </dev/null
	[ "$status" -eq 64 ]
	run --separate-stderr af-run "$T/p.yaml" --stage '  ' </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --stage '  ': expected a command, found nothing" ]
	run --separate-stderr af-run "$T/p.yaml" --stage 'af-no-such-tool' </dev/null
	[ "$status" -eq 64 ]
	[[ "${stderr_lines[0]}" == "af-run: --stage 'af-no-such-tool': unknown tool 'af-no-such-tool'"* ]]
}

@test "--keep DIR saves each stage's output as DIR/NN-name.ndjson" {
	pipeline <<-'EOF'
	stages:
	  - run: [af-clean]
	  - name: upper
	    sh: tr a-z A-Z
	  - name: head
	    sh: head -n 2
	EOF
	records 5 > "$T/in"
	run --separate-stderr af-run --keep "$T/k" "$T/p.yaml" "$T/in"
	[ "$status" -eq 0 ]
	[ "$(ls "$T/k")" = "$(printf '01-clean.ndjson\n02-upper.ndjson\n03-head.ndjson')" ]
	cmp "$T/k/01-clean.ndjson" <(af-clean < "$T/in")
	cmp "$T/k/02-upper.ndjson" <(af-clean < "$T/in" | tr a-z A-Z)
	[ "$(cat "$T/k/03-head.ndjson")" = "$output" ]
	[ "$(wc -l < "$T/k/03-head.ndjson")" -eq 2 ]
	run --separate-stderr af-run --keep "$T/k" --jobs 2 "$T/p.yaml" </dev/null
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --keep works with --jobs 1 only (the kept files would be the same)" ]
	touch "$T/file"
	run --separate-stderr af-run --keep "$T/file/k" "$T/p.yaml" </dev/null
	[ "$status" -eq 74 ]
	[ "$stderr" = "af-run: --keep $T/file/k: Not a directory" ]
}

@test "--jobs 2 gives the same bytes as --jobs 1 on thousands of records" {
	pipeline <<-'EOF'
	stages:
	  - run: [af-clean]
	  - name: n
	    sh: awk '{ print length($0) "\t" $0 }'
	  - run: [cut, -f, '2-']
	EOF
	records 5000 > "$T/in"
	printf '{"id":"last","text":"no newline"}' >> "$T/in"
	af-run --jobs 1 "$T/p.yaml" < "$T/in" > "$T/one"
	[ "$(wc -l < "$T/one")" -eq 5001 ]
	af-run --jobs 2 "$T/p.yaml" < "$T/in" > "$T/two"
	cmp "$T/one" "$T/two"
	af-run --jobs 2 --batch 77 "$T/p.yaml" "$T/in" > "$T/two"
	cmp "$T/one" "$T/two"
	af-run --jobs 3 --batch 1000 --stats "$T/p.yaml" < "$T/in" > "$T/three" 2>/dev/null
	cmp "$T/one" "$T/three"
	# non-af stages see blank lines in both modes alike
	three_cats
	af-run --jobs 2 --batch 10 "$T/p.yaml" < "$T/in" | cmp - "$T/in"
}

@test "--jobs keeps the order when a stage rejects records, and exits 65 as --jobs 1" {
	printf 'stages:\n  - run: [af-clean]\n' > "$T/p.yaml"
	{ records 300; echo 'not json'; records 300; echo '[1]'; } > "$T/in"
	run --separate-stderr af-run --jobs 1 "$T/p.yaml" "$T/in"
	[ "$status" -eq 65 ]
	local one=$output where
	where=$(grep '^af-clean: line ' <<<"$stderr" | sort)
	[ "$(wc -l <<<"$where")" -eq 2 ]
	run --separate-stderr af-run --jobs 2 --batch 50 "$T/p.yaml" "$T/in"
	[ "$status" -eq 65 ]
	[ "$output" = "$one" ]
	# the stages' messages name input lines as with --jobs 1 (the batch marks carry them);
	# two copies write to one stderr, so their messages come in either order
	[ "$(grep '^af-clean: line ' <<<"$stderr" | sort)" = "$where" ]
	[[ "$stderr" == *"af-run: stage 1 'clean' (af-clean) exited with status 65"* ]]
}

@test "af filters pass af-run's batch marks on at once and number lines from them" {
	need_tools af-clean af-entities af-quotes af-events
	for t in af-clean af-entities af-quotes af-events; do
		run --separate-stderr bash -c "printf 'M 7\n{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\nM 0\n' | AF_BATCH_MARK=M $t"
		[ "$status" -eq 65 ]
		[ "${#lines[@]}" -eq 3 ]
		[ "${lines[0]}" = "M 7" ]
		[[ "${lines[1]}" == '{"id":"a",'* ]]
		[ "${lines[2]}" = "M 0" ]
		[[ "$stderr" == "$t: line 9: invalid JSON"* ]]
	done
	# without the variable a mark is a bad line like any other
	run --separate-stderr bash -c "printf 'M 7\n' | af-clean"
	[ "$status" -eq 65 ]
	[ -z "$output" ]
}

@test "--jobs: a failing stage is named with the input lines of its batch" {
	printf 'stages:\n  - {name: f, sh: "grep -q boom && exit 4; exit 0"}\n' > "$T/p.yaml"
	{ seq 1 30; echo boom; seq 1 30; } > "$T/in"
	run --separate-stderr af-run --jobs 2 --batch 10 "$T/p.yaml" "$T/in"
	[ "$status" -eq 1 ]
	[ "${stderr_lines[0]}" = "af-run: stage 1 'f' (sh -c 'grep -q boom && exit 4; exit 0') exited with status 4 on input lines 31-40" ]
}

@test "GNU parallel --pipe --keep-order -N 100 gives the same bytes as af-run" {
	command -v parallel >/dev/null || skip "GNU parallel is absent"
	pipeline <<-'EOF'
	stages:
	  - run: [af-clean]
	  - sh: tr a-z A-Z
	EOF
	records 2000 > "$T/in"
	af-run "$T/p.yaml" < "$T/in" > "$T/a"
	parallel --will-cite --pipe --keep-order -N 100 af-run "$T/p.yaml" < "$T/in" > "$T/b"
	cmp "$T/a" "$T/b"
}

@test "GNU parallel on pipelines/news.yaml gives the same bytes" {
	command -v parallel >/dev/null || skip "GNU parallel is absent"
	need_tools af-clean af-entities af-quotes af-events
	{ sample_record; records 300; } > "$T/in"
	af-run "$PIPES/news.yaml" < "$T/in" > "$T/a"
	parallel --will-cite --pipe --keep-order -N 100 af-run "$PIPES/news.yaml" < "$T/in" > "$T/b"
	cmp "$T/a" "$T/b"
	af-run --jobs 2 --batch 50 "$PIPES/news.yaml" < "$T/in" | cmp - "$T/a"
}

@test "--stats: records in and out, dropped, wall and CPU time per stage" {
	pipeline <<-'EOF'
	name: counting
	stages:
	  - run: [af-clean]
	  - name: evens
	    sh: awk 'NR % 2 == 0'
	EOF
	{ records 10; echo bad; } > "$T/in"
	run --separate-stderr af-run --stats "$T/p.yaml" "$T/in"
	[ "$status" -eq 65 ]
	[ "${#lines[@]}" -eq 5 ]
	local stats
	stats=$(sed -n '/^af-run: counting: /,$p' <<<"$stderr")
	[ "$(wc -l <<<"$stats")" -eq 4 ]
	[[ "$(sed -n 1p <<<"$stats")" =~ ^"af-run: counting: 11 records in, 5 out, "[0-9.]+" s"$ ]]
	[[ "$(sed -n 2p <<<"$stats")" =~ ^\ +#\ +stage\ +in\ +out\ +dropped\ +wall\ s\ +cpu\ s$ ]]
	read -r n name in out dropped wall cpu <<<"$(sed -n 3p <<<"$stats")"
	[ "$n $name $in $out $dropped" = "1 clean 11 10 1" ]
	[[ "$wall $cpu" =~ ^[0-9]+\.[0-9]{3}\ [0-9]+\.[0-9]{3}$ ]]
	read -r n name in out dropped wall cpu <<<"$(sed -n 4p <<<"$stats")"
	[ "$n $name $in $out $dropped" = "2 evens 10 5 5" ]
	run --separate-stderr af-run --stats --jobs 2 --batch 3 "$T/p.yaml" "$T/in"
	# (awk 'NR % 2' is not a line-by-line stage: it sees each batch alone)
	[[ "$stderr" == *"af-run: counting: 11 records in, "*" out, "*" s, 2 jobs, 4 batches"* ]]
}

@test "progress is off when stderr is not a terminal; --progress forces it, --quiet wins" {
	three_cats
	records 100 > "$T/in"
	run --separate-stderr af-run "$T/p.yaml" "$T/in"
	[ "$stderr" = "" ]
	run --separate-stderr af-run --progress "$T/p.yaml" "$T/in"
	[ "$status" -eq 0 ]
	# the input is a file: its share read comes last (100% at the end); a run slower
	# than a second (a loaded machine) also prints a line each second before it
	local line last=
	while IFS= read -r line; do
		[[ "$line" =~ ^"af-run: "[0-9]+" records in, "[0-9]+" out, "[0-9]+"/s, "[0-9.]+" s, "[0-9]+"%"(", ETA "[0-9hms]+)?$ ]]
		last=$line
	done <<<"$stderr"
	[[ "$last" =~ ^"af-run: 100 records in, 100 out, "[0-9]+"/s, "[0-9.]+" s, 100%"$ ]]
	cmp <(printf '%s\n' "$output") "$T/in"
	run --separate-stderr af-run --progress --quiet "$T/p.yaml" "$T/in"
	[ "$stderr" = "" ]
}

@test "progress shows on a terminal (script(1))" {
	command -v script >/dev/null || skip "script is absent"
	three_cats
	run script -qec "af-run --stage 'sleep 0.6' '$T/p.yaml' </dev/null" /dev/null
	[[ "$output" == *"af-run: 0 records in, 0 out"* ]]
}

@test "env: and AF_PIPELINE_DIR reach the stages" {
	mkdir "$T/sub"
	printf 'env: {A: pipeline, B: one}\nstages:\n  - sh: echo "$A $B $AF_PIPELINE_DIR"\n    env: {B: two}\n' > "$T/sub/p.yaml"
	run --separate-stderr af-run "$T/sub/p.yaml" </dev/null
	[ "$status" -eq 0 ]
	[ "$output" = "pipeline two $(cd "$T/sub" && pwd -P)" ]
}

@test "--deps lists the pipeline files, lexicons, tools and af-run" {
	echo 'x: 1' > "$T/lex.yaml"
	printf 'stages:\n  - run: [cat]\n    lexicon: lex.yaml\n  - include: q.yaml\n' > "$T/p.yaml"
	printf 'stages:\n  - sh: cat\n' > "$T/q.yaml"
	run --separate-stderr af-run --deps "$T/p.yaml"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$T/p.yaml" ]
	[ "${lines[1]}" = "$T/lex.yaml" ]
	[ "${lines[2]}" = "$T/q.yaml" ]
	[ "${lines[3]}" = "$(command -v cat)" ]
	[ "${lines[4]}" = /bin/sh ]
	[ "${lines[5]}" = "$(readlink -f "$(command -v af-run)")" ]
}

@test "usage errors exit 64 with a hint" {
	run --separate-stderr af-run
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: expected a pipeline file (e.g. pipelines/news.yaml)" ]
	[ "${stderr_lines[1]}" = "Try 'af-run --help' for more information." ]
	three_cats
	run --separate-stderr af-run --jobs 0 "$T/p.yaml"
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: --jobs: expected a number from 1 to 1024, found '0'" ]
	run --separate-stderr af-run --batch x "$T/p.yaml"
	[ "$status" -eq 64 ]
	run --separate-stderr af-run --bogus "$T/p.yaml"
	[ "$status" -eq 64 ]
}

@test "--help and --version (docs.bats checks the options against docs/af-run.1)" {
	run af-run --help
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "usage: af-run [OPTION]... PIPELINE [FILE]..." ]
	run af-run --version
	[ "$output" = "af-run 0.1.0" ]
}

# ---- shipped pipelines ----

@test "the shipped pipelines load, and list their stages" {
	for f in "$PIPES"/*.yaml; do
		run --separate-stderr af-run --only "$(af-run --list "$f" 2>/dev/null | head -n 1 | cut -f 2 || echo x)" --print "$f"
		# loading errors would be 78; a missing tool also is (until it is built)
		[ "$status" -eq 0 ] || [[ "$stderr" == *"unknown tool"* ]]
	done
	run --separate-stderr af-run --only clean --print "$PIPES/news.yaml"
	[ "$status" -eq 0 ]
	[[ "$output" == *af-clean ]]
}

@test "pipelines/example.yaml documents the format and runs" {
	run --separate-stderr af-run --list "$PIPES/example.yaml"
	[ "$status" -eq 0 ] || [[ "$stderr" == *"unknown tool"* ]]
	[ "$(grep -c '^ *#' "$PIPES/example.yaml")" -gt 20 ]
}

@test "news.yaml runs on the sample: every stage's fields" {
	need_tools af-clean af-entities af-quotes af-events
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-run '$PIPES/news.yaml'"
	[ "$status" -eq 0 ]
	[ "$(jq -c '[has("text"), has("entities"), has("quotes"), has("events")]' <<<"$output")" = '[true,true,true,true]' ]
	[ "$(jq -c .af.stages <<<"$output")" = '["clean","entities","quotes","events"]' ]
}

@test "entities.yaml and quotes.yaml run on the sample" {
	need_tools af-clean af-entities
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-run '$PIPES/entities.yaml'"
	[ "$status" -eq 0 ]
	[ "$(jq -c .af.stages <<<"$output")" = '["clean","entities"]' ]
	need_tools af-quotes
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-run '$PIPES/quotes.yaml'"
	[ "$status" -eq 0 ]
	[ "$(jq -c .af.stages <<<"$output")" = '["clean","entities","quotes"]' ]
}

# ---- af.mk ----

mk_setup() {
	mkdir -p "$T/in"
	printf 'name: up\nstages:\n  - run: [af-clean]\n  - sh: tr a-z A-Z\n' > "$T/up.yaml"
	records 3 > "$T/in/a.ndjson"
	records 5 > "$T/in/b.ndjson"
	cp "$SAMPLE" "$T/in/c.txt"
	MK=(make --no-print-directory -f "$TOP/pipelines/af.mk" -C "$T" IN=in OUT=out PIPELINE=up.yaml
	    AF_RUN="$AF_BIN/af-run" AF_CLEAN="$AF_BIN/af-clean")
}

@test "af.mk builds OUT/x.ndjson for .ndjson and .txt inputs with make -j2" {
	mk_setup
	run "${MK[@]}" -j2
	[ "$status" -eq 0 ]
	cmp "$T/out/a.ndjson" <(af-run "$T/up.yaml" "$T/in/a.ndjson")
	cmp "$T/out/b.ndjson" <(af-run "$T/up.yaml" "$T/in/b.ndjson")
	cmp "$T/out/c.ndjson" <(af-clean "$T/in/c.txt" | af-run "$T/up.yaml")
	[ "$(ls "$T/out")" = "$(printf 'a.ndjson\nb.ndjson\nc.ndjson')" ]
}

@test "af.mk rebuilds only what changed: an input, the pipeline file, a binary" {
	mk_setup
	"${MK[@]}" -j2 >/dev/null
	run "${MK[@]}" -j2
	[[ "$output" == *"Nothing to be done"* ]]
	sleep 1.1
	touch "$T/in/b.ndjson"
	run "${MK[@]}" -j2
	[[ "$output" == *"out/b.ndjson.tmp"* ]]
	[[ "$output" != *"out/a.ndjson.tmp"* ]]
	sleep 1.1
	touch "$T/up.yaml"
	run "${MK[@]}" -j2
	[[ "$output" == *"out/a.ndjson.tmp"* && "$output" == *"out/b.ndjson.tmp"* && "$output" == *"out/c.ndjson.tmp"* ]]
	# a newer tool of the pipeline (here af-run itself, as a copy) remakes everything
	mkdir "$T/bin"
	cp "$AF_BIN/af-run" "$AF_BIN/af-clean" "$T/bin/"
	run "${MK[@]}" AF_RUN="$T/bin/af-run" -j2
	[[ "$output" == *"out/a.ndjson.tmp"* && "$output" == *"out/c.ndjson.tmp"* ]]
}

@test "af.mk: a failed run leaves no output and no temporary file" {
	mk_setup
	"${MK[@]}" >/dev/null
	printf 'stages:\n  - run: [af-clean]\n  - sh: "cat; exit 5"\n' > "$T/up.yaml"
	rm "$T/out/a.ndjson"
	run --separate-stderr "${MK[@]}" -j2 -k
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"exited with status 5"* ]]
	# nothing half-written: a is not there, b and c keep their last good build
	[ ! -e "$T/out/a.ndjson" ]
	[ "$(ls "$T/out")" = "$(printf 'b.ndjson\nc.ndjson')" ]
	cmp "$T/out/b.ndjson" <(af-clean "$T/in/b.ndjson" | tr a-z A-Z)
}

@test "af-run with its arguments swapped says the file is not a pipeline file and shows the usage" {
	printf '{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n' >"$T/articles.ndjson"
	run --separate-stderr af-run "$T/articles.ndjson"
	[ "$status" -eq 64 ]
	[ "${stderr_lines[0]}" = "af-run: $T/articles.ndjson is not a pipeline file: it holds JSON records (the pipeline file comes first)" ]
	[[ "${stderr_lines[1]}" == "usage: af-run [OPTION]... PIPELINE [FILE]..." ]]
	[[ "${stderr_lines[2]}" == "Try 'af-run --help' for more information." ]]
	# a pipeline file written as JSON is still a pipeline file
	printf '{"stages": [{"run": ["af-clean"]}]}\n' >"$T/p.json"
	run af-run "$T/p.json" "$T/articles.ndjson"
	assert_success
	# and a broken YAML pipeline still gets the YAML error, file:line:col
	printf 'stages:\n  - run: [af-clean\n' >"$T/bad.yaml"
	run --separate-stderr af-run "$T/bad.yaml"
	[ "$status" -eq 78 ]
	[[ "${stderr_lines[0]}" == "af-run: $T/bad.yaml:"* ]]
}

@test "--progress on a file of known size: a percentage, and an ETA while it runs; none on a pipe" {
	pipeline <<-'EOF'
	stages:
	  - run: [af-clean]
	EOF
	records 3000 >"$T/in"
	run --separate-stderr af-run --progress "$T/p.yaml" "$T/in"
	assert_success
	[[ "${stderr_lines[-1]}" =~ ^af-run:\ [0-9]+\ records\ in,\ [0-9]+\ out,.*,\ 100%$ ]] || fail "$stderr"
	# stdin redirected from a file is a file of known size too
	run --separate-stderr bash -c "af-run --progress '$T/p.yaml' <'$T/in' >/dev/null"
	[[ "${stderr_lines[-1]}" == *", 100%" ]] || fail "$stderr"
	# from a pipe the size is unknown: no percentage
	run --separate-stderr bash -c "cat '$T/in' | af-run --progress '$T/p.yaml' >/dev/null"
	assert_success
	[[ "$stderr" != *%* ]] || fail "$stderr"
	# a stage that holds the input back for 2 s: the lines before the end give an ETA
	pipeline slow <<-'EOF'
	stages:
	  - sh: 'sleep 2; cat'
	EOF
	records 30000 >"$T/big"
	run --separate-stderr af-run --progress "$T/slow.yaml" "$T/big"
	assert_success
	grep -qE ', [0-9]+%, ETA [0-9]+(s|m[0-9]{2}s)$' <<<"$stderr" || fail "no ETA: $stderr"
}

@test "12: behind a stage that dropped lines, every stage names a record by its input line, with or without --jobs" {
	need_tools af-entities af-events
	printf 'stages:\n  - run: [af-entities]\n  - run: [af-events]\n' >"$T/p.yaml"
	# line 2 is rejected by af-entities and line 3 is blank: af-events sees line 4 as its second
	printf '{"text":"a"}\n{"text":5}\n\n{"text":"x","published":"2025-02-30"}\n{"text":"b"}\n' >"$T/in"
	for args in "" "--jobs 2 --batch 1" "--jobs 2 --batch 2" "--progress"; do
		run --separate-stderr af-run $args "$T/p.yaml" "$T/in"
		[ "$status" -eq 65 ]
		[ "${#lines[@]}" -eq 3 ] || fail "$args: ${#lines[@]} records out"
		[[ "$output" != *$'\036'* ]] || fail "$args: a mark in the output"
		[[ "$stderr" == *"af-entities: line 4: published:"* ]] || fail "$args: $stderr"
		[[ "$stderr" == *"af-events: line 4: published:"* ]] || fail "$args: $stderr"
		[[ "$stderr" != *"af-events: line 2"* && "$stderr" != *"af-events: line 3"* ]] || fail "$args: $stderr"
	done
}
