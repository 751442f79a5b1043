#!/usr/bin/env bats
# af-events: the sample's gold events, the dictionary readers' errors (file:line: what),
# the record contract, and bad input (a 10,000-word sentence, text without verbs).

load test_helper
bats_require_minimum_version 1.5.0

# one record {"text": $1, "published": $2}
rec() {
	jq -nc --arg t "$1" --arg p "${2:-2025-12-10}" '{text: $t, published: $p}'
}

# af-events with only the dictionaries given (the argument list) on a record made by rec
code_with() {
	local text=$1
	shift
	rec "$text" | af-events --no-defaults "$@"
}

@test "sample: every gold 'must' event is found" {
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-events"
	[ "$status" -eq 0 ]
	echo "$output" >"$T/out.json"
	jq -e --slurpfile g "$GOLD" '
		def low: ascii_downcase;
		def names(x): [(x.text // "" | low), (x.canonical // "" | low)];
		def has(x; w): any(names(x)[]; . != "" and contains(w | low));
		def ok($e; $g):
			($g.code_any == null or any($g.code_any[]; . == $e.code))
			and ($g.root == null or ($e.code | startswith($g.root)))
			and ($g.date == null or (($e.date // "") | startswith($g.date)))
			and (([$g.source // empty] + ($g.source_any // [])) as $s | $s == [] or any($s[]; . as $w | has($e.source // {}; $w)))
			and (([$g.target // empty] + ($g.target_any // [])) as $t | $t == [] or any($t[]; . as $w | has($e.target // {}; $w)));
		.events as $ev | all($g[0].events.must[]; . as $g1 | any($ev[]; ok(.; $g1)))' "$T/out.json"
}

@test "sample: Massoud's assassination is passive, dated 2001, the target resolved from 'He'" {
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-events | jq -c '.events[] | select(.code == \"186\")'"
	[ "$status" -eq 0 ]
	[ "$(jq -r .source.canonical <<<"$output")" = Taliban ]
	[ "$(jq -r .target.text <<<"$output")" = He ]
	[ "$(jq -r .target.canonical <<<"$output")" = "Ahmad Shah Massoud" ]
	[ "$(jq -r .date <<<"$output")" = 2001 ]
	[ "$(jq -r .trigger <<<"$output")" = "was assassinated by" ]
	[ "$(jq -r .plover <<<"$output")" = ASSAULT ]
}

@test "offsets slice the text: .text[start:end] is the actor's text" {
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-events | jq -e '.text as \$t | all(.events[] | (.source, .target) | select(. != null); \$t[.start:.end] == .text)'"
	[ "$status" -eq 0 ]
}

@test "the Taliban's code follows the article's date" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Taliban attacked Pakistan.' 2019-05-01 | af-events | jq -r '.events[0].source.actor'"
	[ "$output" = AFGREB ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Taliban attacked Pakistan.' 2023-05-01 | af-events | jq -r '.events[0].source.actor'"
	[ "$output" = AFGGOV ]
}

@test "negation, modals and reported speech set the flags" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran did not attack Pakistan.' | af-events | jq -c '.events[0] | [.negated, .hypothetical]'"
	[ "$output" = '[true,false]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran may attack Pakistan.' | af-events | jq -c '.events[0] | [.negated, .hypothetical]'"
	[ "$output" = '[false,true]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran attacked Pakistan, the Taliban said.' | af-events | jq -c '.events[0] | [.reported, .speaker.canonical]'"
	[ "$output" = '[true,"Taliban"]' ]
}

@test "compound actors: one event per member" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran and Pakistan attacked India.' | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]] | sort'"
	[ "$output" = '[["IRN","IND","190"],["PAK","IND","190"]]' ]
}

@test "running twice gives the same line; other fields pass through in order" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran attacked Pakistan.' | jq -c '. + {x: 1}' | af-events | af-events"
	[ "$status" -eq 0 ]
	[ "$(jq -c 'keys_unsorted' <<<"$output")" = '["text","published","x","events","af"]' ]
	[ "$(jq '.events | length' <<<"$output")" -eq 1 ]
}

@test "a record without text is rejected with its line number; --reject keeps it" {
	run --separate-stderr bash -c "printf '%s\n' '{\"raw\":\"x\"}' '{\"text\":\"Iran attacked Pakistan.\"}' | af-events --reject '$T/rej'"
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"line 1"*"af-clean"* ]]
	[ "$(wc -l <<<"$output")" -eq 1 ]
	[ "$(cat "$T/rej")" = '{"raw":"x"}' ]
}

@test "text with no verbs gives no events" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'Kabul, Herat and Kandahar. Iran; Pakistan. 2025.' | af-events | jq -c .events"
	[ "$status" -eq 0 ]
	[ "$output" = '[]' ]
}

@test "a sentence of 10,000 words is coded quickly, without a crash" {
	python3 -c 'import json; print(json.dumps({"text": " ".join(["Iran attacked Pakistan and"] * 2500) + " India."}))' >"$T/long.json"
	run --separate-stderr timeout 20 af-events "$T/long.json"
	[ "$status" -eq 0 ]
	[ "$(jq '.events | length' <<<"$output")" -gt 0 ]
}

@test "empty text and an empty article" {
	run --separate-stderr bash -c "printf '%s\n' '{\"text\":\"\"}' '{\"text\":\"   \"}' | af-events | jq -c .events"
	[ "$status" -eq 0 ]
	[ "$output" = $'[]\n[]' ]
}

@test "--check reports dictionary sizes; --help and --version work" {
	run --separate-stderr af-events --check
	[ "$status" -eq 0 ]
	[[ "$output" == *"patterns "* ]]
	run af-events --help
	[ "$status" -eq 0 ]
	[[ "$output" == usage:* ]]
	run af-events --version
	[ "$status" -eq 0 ]
	run --separate-stderr af-events --frobnicate
	[ "$status" -eq 64 ]
}

# ---- the dictionary readers: every mistake is file:line: what is wrong, exit 78

dict_error() { # kind, file content, expected message part
	printf '%b' "$2" >"$T/d.txt"
	run --separate-stderr bash -c "echo '{\"text\":\"x\"}' | af-events --no-defaults --$1 '$T/d.txt'"
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"d.txt:"*"$3"* ]] || { echo "stderr: $stderr" >&2; return 1; }
}

@test "verbs: pattern outside a block" {
	dict_error verbs '- * TIES [064]\n' 'pattern outside a verb block'
}
@test "verbs: pattern without a code" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * TIES\n' 'pattern without a code'
}
@test "verbs: pattern without a verb marker" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- TIES [064]\n' "no '*'"
}
@test "verbs: two verb markers" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * TIES * [064]\n' "more than one '*'"
}
@test "verbs: bad event code" {
	dict_error verbs '--- RESTORE [06 4] ---\nRESTORE\n' 'bad event code'
}
@test "verbs: block header without a code" {
	dict_error verbs '--- RESTORE ---\nRESTORE\n' 'header without a code'
}
@test "verbs: missing bracket" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * TIES [064\n' "missing ']'"
}
@test "verbs: unknown synset, reported where it is used" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * &NOSUCH [064]\n' 'unknown synset &NOSUCH'
}
@test "verbs: synset defined twice" {
	dict_error verbs '&A\n+X\n&A\n+Y\n' 'defined twice'
}
@test "verbs: verb outside a block" {
	dict_error verbs 'RESTORE\n' 'outside a verb block'
}
@test "verbs: forms with a different word count" {
	dict_error verbs '--- ASK [020] ---\n+ASK_FOR {+ASKED}\n' 'has 1 words, the verb 2'
}
@test "verbs: text after the code" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * TIES [064] junk\n' 'unexpected text after the code'
}
@test "actors: code line before any actor" {
	dict_error actors '\t[ARN]\n' 'code line before any actor'
}
@test "actors: synonym before any actor" {
	dict_error actors '+ARNOR\n' 'before any actor'
}
@test "actors: actor without any code" {
	dict_error actors 'ARNOR\n' 'has no code'
}
@test "actors: bad date in a restriction" {
	dict_error actors 'ARNOR\n\t[ARN >95x601]\n' 'bad date'
}
@test "actors: restriction without a code" {
	dict_error actors 'ARNOR\n\t[950601-990815]\n' 'code missing'
}
@test "actors: missing bracket" {
	dict_error actors 'ARNOR [ARN\n' "missing ']'"
}
@test "actors: stray ]" {
	dict_error actors 'ARN]OR\n' "']' without '['"
}
@test "agents: no code" {
	dict_error agents 'SOLDIER\n' 'without a code'
}
@test "agents: code without ~" {
	dict_error agents 'SOLDIER [MIL]\n' "has no '~'"
}
@test "agents: unknown substitution set" {
	dict_error agents 'CONGRESS!PERSON! [~LEG]\n' 'unknown substitution set'
}
@test "discards: codes are not allowed" {
	dict_error discards 'BASEBALL [123]\n' 'plain phrase'
}
@test "YAML dictionary: errors name file:line:col" {
	printf 'actors:\n  - phrases: [Arnor]\n    codes:\n      - {code: ARN, from: 1995-13-01}\n' >"$T/d.yaml"
	run --separate-stderr bash -c "echo '{\"text\":\"x\"}' | af-events --lexicon '$T/d.yaml'"
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"d.yaml:4:"*"bad date"* ]]
	printf 'actors:\n  - phrases: [Arnor]\n' >"$T/d.yaml"
	run --separate-stderr bash -c "echo '{\"text\":\"x\"}' | af-events --lexicon '$T/d.yaml'"
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"d.yaml:2:"*"without code"* ]]
}

@test "a user's YAML lexicon adds actors and verbs, date-restricted" {
	cat >"$T/my.yaml" <<-'Y'
	actors:
	  - phrases: [Arnor]
	    codes:
	      - {code: ARNGOV, from: 2020-01-01}
	      - {code: ARN}
	verbs:
	  - verbs: [befriend]
	    code: "051"
	Y
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor befriended Iran.' 2021-01-01 | af-events --lexicon '$T/my.yaml' | jq -c '.events[0] | [.source.actor, .target.actor, .code]'"
	[ "$output" = '["ARNGOV","IRN","051"]' ]
}

@test "TABARI-style patterns with source and target markers" {
	printf -- '--- FREE [066] ---\nFREE\n- + * FROM $ [066]\n' >"$T/v.txt"
	printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$T/a.txt"
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor freed from Gondor.' | af-events --no-defaults --verbs '$T/v.txt' --actors '$T/a.txt' | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["GON","ARN","066"]]' ]
}

@test "PETRARCH validation dictionaries load (when ../shared is present)" {
	[ -d "$SHARED/data/events" ] || skip "../shared/data is absent"
	D=$SHARED/data/events/petrarch2/dictionaries
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor is about to restore full diplomatic ties with Gondor.' 1995-01-01 | af-events --no-defaults --verbs $D/PETR.Validate.verbs.txt --actors $D/PETR.Validate.actors.txt --agents $D/PETR.Validate.agents.txt --discards $D/PETR.Validate.discards.txt | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["ARN","GON","064"]]' ]
	# the TABARI-style CAMEO file has malformed lines: the first is reported with file:line
	run --separate-stderr af-events --no-defaults --verbs "$D/CAMEO.verbpatterns.150430.txt" --check
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"CAMEO.verbpatterns.150430.txt:4387: pattern has more than one '*'"* ]]

}
