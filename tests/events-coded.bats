#!/usr/bin/env bats
# bench/events-coded: hand codings kept as offsets (the news text never ships), rebuilt from the
# unlabeled news. The round trip on an invented two-article corpus: what pack.py keeps,
# unpack.py gives back exactly; a mention that is not in its sentence stops pack.py with file:line.

load test_helper
bats_require_minimum_version 1.5.0

EC=$TOP/bench/events-coded

# an invented corpus in ../shared's layout: line n of data/unlabeled/tehrantimes.txt.gz is tt-unl-n
corpus() {
	command -v python3 >/dev/null || skip "python3 is absent"
	mkdir -p "$T/shared/data/unlabeled"
	printf '%s\n' \
		'TEHRAN - Kestovia condemned the raid on Varnel. Both sides met in Lurin. Tail sentence here.' \
		'ISLAMABAD - Ministers of Dorvia and Kestovia held talks on Sunday; the talks were long.' |
		gzip > "$T/shared/data/unlabeled/tehrantimes.txt.gz"
	jq -nc '{id: "tt-unl-0", text: "TEHRAN - Kestovia condemned the raid on Varnel. Both sides met in Lurin.",
	         sentences: [
	           {i: 0, start: 0, end: 47, text: "TEHRAN - Kestovia condemned the raid on Varnel.",
	            events: [{source: {text: "Kestovia", code: "KST"}, target: {text: "Varnel", code: "VRN"},
	                      code: "111", root: "11", plover: "DISAPPROVE", negated: false,
	                      hypothetical: false, reported: false, symmetric: false}]},
	           {i: 1, start: 48, end: 72, text: "Both sides met in Lurin.", events: []}]}' > "$T/coded.jsonl"
	jq -nc '{id: "tt-unl-1", text: "ISLAMABAD - Ministers of Dorvia and Kestovia held talks on Sunday; the talks were long.",
	         sentences: [{i: 0, start: 0, end: 87,
	           text: "ISLAMABAD - Ministers of Dorvia and Kestovia held talks on Sunday; the talks were long.",
	           events: [{source: {text: "Ministers of Dorvia", code: "DRVGOV"}, target: {text: "Kestovia", code: "KST"},
	                     code: "040", root: "04", plover: "CONSULT", negated: false,
	                     hypothetical: false, reported: false, symmetric: true}]}]}' >> "$T/coded.jsonl"
}

@test "events-coded: pack keeps no text, unpack gives the coding back exactly" {
	corpus
	run python3 "$EC/pack.py" "$T/coded.jsonl"
	[ "$status" -eq 0 ]
	refute_output --partial "Kestovia"
	refute_output --partial "text"
	printf '%s\n' "$output" > "$T/packed.jsonl"
	run python3 "$EC/unpack.py" "$T/shared" "$T/packed.jsonl"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/back.jsonl"
	# the same records, field for field (plover and flags included)
	run bash -c "diff <(jq -S . '$T/coded.jsonl') <(jq -S . '$T/back.jsonl')"
	[ "$status" -eq 0 ]
}

@test "events-coded: a mention that is not in its sentence stops pack with file:line" {
	corpus
	sed -i '2s/"Ministers of Dorvia"/"Ministers of Dorvania"/' "$T/coded.jsonl"
	run python3 "$EC/pack.py" "$T/coded.jsonl"
	[ "$status" -ne 0 ]
	assert_output --partial "coded.jsonl:2"
	assert_output --partial "Ministers of Dorvania"
}

@test "events-coded: agree.py scores a coding against itself at 1.000 and a thinned one below" {
	need_shared
	corpus
	run python3 "$EC/agree.py" "$SHARED" "$T/coded.jsonl" "$T/coded.jsonl"
	[ "$status" -eq 0 ]
	assert_line --partial "root P 1.0000 R 1.0000"
	jq -c 'if .id == "tt-unl-1" then .sentences[0].events = [] else . end' "$T/coded.jsonl" > "$T/thin.jsonl"
	run python3 "$EC/agree.py" "$SHARED" "$T/thin.jsonl" "$T/coded.jsonl"
	[ "$status" -eq 0 ]
	assert_line --partial "root P 1.0000 R 0.5000"
}
