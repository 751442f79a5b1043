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
