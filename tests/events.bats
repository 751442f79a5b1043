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

@test "each event names the coder's path that made it (rule): frame, pairing, the subject's origin" {
	rule_of() {
		rec "$1" | af-events | jq -c '[.events[] | [.code, .source.text, .target.text, .rule]]'
	}
	[ "$(rule_of 'Iran and Pakistan signed an agreement on Monday.')" = '[["057","Iran","Pakistan","pattern+compound"],["057","Pakistan","Iran","pattern+compound"]]' ]
	[ "$(rule_of 'The Iranian foreign minister told his Pakistani counterpart that the border would reopen.')" = '[["010","Iranian foreign minister","Pakistani counterpart","told"]]' ]
	[ "$(rule_of "Iran's president called Turkey's president on Friday to discuss trade.")" = '[["041","Iran'"'"'s president","Turkey'"'"'s president","call"]]' ]
	[ "$(rule_of 'Iran met Iraq and criticized Israel.')" = '[["040","Iran","Iraq","verb"],["111","Iran","Israel","verb+shared"]]' ]
	# the member is read back by the events reader (tests/unit/test_fields.c) and is af-events' own
	rec 'China held talks with India on Sunday.' >"$T/in.json"
	af-events <"$T/in.json" >"$T/out.json"
	[ "$(jq -c '[.events[].rule]' "$T/out.json")" = '["pattern"]' ]
}

@test "an impersonal passive ('it was expected that ...') with neither participant is no event" {
	local s='Smith writes. Though it was expected that the new British cabinet play a useful role in East Africa, such as ending the war, it did not.'
	for conv in news petrarch; do
		run --separate-stderr bash -c "$(declare -f rec); rec '$s' | af-entities | af-events --conventions $conv | jq -c '[.events[] | select(.source == null and .target == null)]'"
		[ "$status" -eq 0 ]
		[ "$output" = '[]' ]
	done
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

@test "a record without text goes on unchanged and counted; --reject keeps what is not JSON" {
	run --separate-stderr bash -c "printf '%s\n' '{\"raw\":\"x\"}' '{\"text\":\"Iran attacked Pakistan.\"}' 'nope' | af-events --reject '$T/rej'"
	[ "$status" -eq 65 ]
	[[ "$stderr" == *'line 1: no "text" field: run af-clean first (passed through unchanged)'* ]]
	[ "$(wc -l <<<"$output")" -eq 2 ]
	[ "$(head -1 <<<"$output")" = '{"raw":"x"}' ]
	[ "$(cat "$T/rej")" = 'nope' ]
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
@test "verbs: TABARI-era lines are read as TABARI reads them" {
	# no [CODE] (the block's code), no '*' (words after the verb), a second '*' (a gap),
	# "VERB [CODE] {FORMS}" and a header without a code ("--- NAME ###")
	printf -- '--- RESTORE [064] ---\nRESTORE\n- * FULL\n- TIES [065]\n- * COMMIT * AID [033]\n--- SNUB ###\nSNUB [111] {SNUBS SNUBBING SNUBBED} ;shan 8/30/93\n' >"$T/v.txt"
	printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$T/a.txt"
	run --separate-stderr af-events --no-defaults --verbs "$T/v.txt" --check
	[ "$status" -eq 0 ]
	[[ "$output" == *"patterns 3"* ]]
	# (the asserted-act filter's judgement aside: this is about how the dictionary's lines read)
	export AF_EVENTS_ASSERT=off
	run --separate-stderr bash -c "$(declare -f rec); { rec 'Arnor restored full relations with Gondor.'; rec 'Arnor restored ties with Gondor.'; rec 'Arnor snubbed Gondor.'; rec 'Arnor restored a commitment of military aid to Gondor.'; } | af-events --no-defaults --verbs '$T/v.txt' --actors '$T/a.txt' | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[["ARN","GON","064"]]' ]
	[ "${lines[1]}" = '[["ARN","GON","065"]]' ]
	[ "${lines[2]}" = '[["ARN","GON","111"]]' ]
	[ "${lines[3]}" = '[["ARN","GON","064"]]' ]
}
@test "verbs: pattern with only a verb marker is still a mistake" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- [064]\n' 'empty pattern'
}
@test "verbs: stray ] in a pattern without a code" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE\n- * TIES 064]\n' "']' without '['"
}
@test "verbs: text after verb forms" {
	dict_error verbs '--- RESTORE [064] ---\nRESTORE {RESTORES} RESTORED\n' 'after the verb forms'
}
@test "verbs: bad event code" {
	dict_error verbs '--- RESTORE [06 4] ---\nRESTORE\n' 'bad event code'
}
@test "verbs: block header without a code and more than a name" {
	dict_error verbs '--- RESTORE THE TIES ---\nRESTORE\n' 'header without a code'
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

@test "a user's YAML lexicon names acts by a noun (ACT_ and JOINT_ synsets)" {
	cat >"$T/my.yaml" <<-'Y'
	synsets:
	  ACT_172_ON: [embargo]
	  JOINT_043: [summit]
	Y
	run --separate-stderr bash -c "$(declare -f rec); rec \"Canada's embargo on Peru hurt farmers last year.\" | af-events --lexicon '$T/my.yaml' | jq -c '[.events[] | select(.code == \"172\") | [.source.actor, .target.actor]]'"
	[ "$output" = '[["CAN","PER"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile hosted a summit with Peru on Friday.' | af-events --lexicon '$T/my.yaml' | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["CHL","PER","043"]]' ]
}

@test "TABARI-style patterns with source and target markers" {
	printf -- '--- FREE [066] ---\nFREE\n- + * FROM $ [066]\n' >"$T/v.txt"
	# (the asserted-act filter's judgement aside: this is about the pattern's markers)
	export AF_EVENTS_ASSERT=off
	printf 'ARNOR [ARN]\nGONDOR [GON]\n' >"$T/a.txt"
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor freed from Gondor.' | af-events --no-defaults --verbs '$T/v.txt' --actors '$T/a.txt' | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["GON","ARN","066"]]' ]
}

@test "PETRARCH validation dictionaries load (when ../shared is present)" {
	# the asserted-act filter's judgement aside (session 16's threshold drops this one-sentence record's
	# event): the test is about another mechanism
	export AF_EVENTS_ASSERT=off
	[ -d "$SHARED/data/events" ] || skip "../shared/data is absent"
	D=$SHARED/data/events/petrarch2/dictionaries
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor is about to restore full diplomatic ties with Gondor.' 1995-01-01 | af-events --no-defaults --verbs $D/PETR.Validate.verbs.txt --actors $D/PETR.Validate.actors.txt --agents $D/PETR.Validate.agents.txt --discards $D/PETR.Validate.discards.txt | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["ARN","GON","064"]]' ]
	# the largest public CAMEO verb file, TABARI style, loads as users bring it
	run --separate-stderr af-events --no-defaults --verbs "$D/CAMEO.verbpatterns.150430.txt" --check
	[ "$status" -eq 0 ]
	[[ "$output" == *"patterns 11011"* ]]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Iran accused Pakistan of harbouring militants.' | af-events --no-defaults --verbs $D/CAMEO.verbpatterns.150430.txt --actors $D/PETR.Validate.actors.txt | jq -c '[.events[] | .code[0:2]]'"
	[ "$status" -eq 0 ]
	[ "$output" = '["11"]' ]

}

@test "location: the place the sentence states" {
	run --separate-stderr bash -c "$(declare -f rec); { rec 'Taliban fighters attacked a police post in Helmand province on Monday.'; rec 'Iran condemned the Taliban in Kabul.'; rec 'Pakistan attacked Afghanistan in the Kurram district.'; rec 'Iran condemned Pakistan.'; } | af-events | jq -c '[.events[] | .location | if . then [.text, .country] else null end] | unique'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '[["Helmand province","AFG"]]' ]
	[ "${lines[1]}" = '[["Kabul","AFG"]]' ]
	[ "${lines[2]}" = '[["Kurram district",null]]' ]
	[ "${lines[3]}" = '[null]' ]
	# offsets slice the text
	run bash -c "$(declare -f rec); rec 'Iran condemned the Taliban in Kabul.' | af-events | jq -r '.text[.events[0].location.start:.events[0].location.end]'"
	[ "$output" = "Kabul" ]
}

@test "start-up: the built-in snapshot codes exactly as the dictionary texts do" {
	# the defaults come from a snapshot made at build time; the same files read as text
	# (--no-defaults and every file given) must give the same dictionary and the same events
	run af-events --check
	[ "$status" -eq 0 ]
	snap=$output
	run af-events --no-defaults --verbs "$TOP/data/events-verbs.bin" --actors "$TOP/data/events-actors.bin" \
		--agents "$TOP/data/events-agents.bin" --discards "$TOP/data/events-discards.bin" \
		-l "$TOP/data/events.yaml" -l "$TOP/data/events-world.yaml" -l "$TOP/data/events-afghanistan.yaml" --check
	[ "$status" -eq 0 ]
	[ "$output" = "$snap" ]
	af-clean "$SAMPLE" | af-events >"$T/snap.json"
	af-clean "$SAMPLE" | af-events --no-defaults --verbs "$TOP/data/events-verbs.bin" --actors "$TOP/data/events-actors.bin" \
		--agents "$TOP/data/events-agents.bin" --discards "$TOP/data/events-discards.bin" \
		-l "$TOP/data/events.yaml" -l "$TOP/data/events-world.yaml" -l "$TOP/data/events-afghanistan.yaml" >"$T/text.json"
	cmp "$T/snap.json" "$T/text.json"
	# and start-up stays quick: one empty record well under a second even under ASan
	start=$(date +%s%N)
	echo '{"text":""}' | af-events >/dev/null
	[ $(( ($(date +%s%N) - start) / 1000000 )) -lt 3000 ]
}

@test "sample: the should events reached by general rules" {
	af-clean "$SAMPLE" | af-events >"$T/s.json"
	# "blocs ... have reached an agreement": the blocs with each other, root 03 (the asserted-act
	# filter does not judge a joint act whose source and target are one mention)
	jq -e '[.events[] | select(.trigger | test("reached")) | select(.code | startswith("03"))] | length > 0' "$T/s.json"
	# "calling for UN-supervised intra-Afghan peace talks": an appeal to no actor, so no event
	# under the news conventions; PETRARCH's code it as an appeal, root 02
	jq -e '[.events[] | select(.trigger == "calling")] | length == 0' "$T/s.json"
	af-clean "$SAMPLE" | af-events --conventions petrarch >"$T/p.json"
	jq -e '[.events[] | select(.trigger == "calling") | select(.code | startswith("02"))] | length > 0' "$T/p.json"
}

# [source, target, code] of each event of one record coded with the default dictionaries
triples() {
	rec "$1" 2024-05-01 | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'
}

@test "passive: coordinated adverbs stay in the verb group, so the by-phrase is the source" {
	run triples 'Iran was strongly condemned by the United States on Monday.'
	[ "$output" = '[["USA","IRN","111"]]' ]
	run triples 'Iran was strongly and repeatedly condemned by the United States on Monday.'
	[ "$output" = '[["USA","IRN","111"]]' ]
	run bash -c "$(declare -f rec); rec 'Iran was strongly and repeatedly condemned by the United States.' | af-events | jq -r '.events[0].trigger'"
	[ "$output" = "was strongly and repeatedly condemned by" ]
	# a floating "both" too; "both" before a compound still opens it
	run triples 'Iran and Kuwait were both attacked by Iraq.'
	[ "$output" = '[["IRQ","IRN","190"],["IRQ","KWT","190"]]' ]
	run triples 'Both Iran and Pakistan condemned Israel.'
	[ "$output" = '[["IRN","ISR","111"],["PAK","ISR","111"]]' ]
}

@test "a verb form inside a noun phrase is a noun: after a preposition and adjectives, after 'other'" {
	run triples 'Iran called for financial support for the Afghan army.'
	[ "$output" = '[["IRN","AFGMIL","100"]]' ]
	run triples 'The United States and other states support Israel.'
	[ "$(jq -c '[.[] | select(.[2] == "032")]' <<<"$output")" = '[]' ]
	# two finite verbs do not follow each other; "May" the month is no modal
	run bash -c "$(declare -f rec); rec 'Israeli occupation forces have killed three Palestinians in Gaza.' | af-events | jq -c '[.events[].trigger]'"
	[ "$output" = '["have killed"]' ]
}

@test "an actor does not act on itself under the same name in two mentions" {
	run triples 'Russia and China agree with Iran and Russia on trade.'
	[ "$output" = '[["RUS","IRN","0311"],["CHN","IRN","0311"],["CHN","RUS","0311"]]' ]
}

@test "parenthetical clauses between commas are passed over by the verbs outside them" {
	# a non-restrictive relative clause: the subject is the noun phrase before it
	run triples 'Pakistan, which has long backed the Taliban, condemned Iran on Monday.'
	[ "$output" = '[["PAK","AFGGOV","050"],["PAK","IRN","111"]]' ]
	run triples 'The Taliban, who seized Kabul in 2021, accused Pakistan of supporting rebels.'
	[ "$(jq -c '.[1]' <<<"$output")" = '["AFGGOV","PAK","112"]' ]
	# an attribution is not a member of the compound, and its speaker is the speaker
	run bash -c "$(declare -f rec); rec 'Russia, Iranian officials said, attacked Ukraine.' | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code, .reported, .speaker.text]]'"
	[ "$output" = '[["RUS","UKR","190",true,"Iranian officials"]]' ]
	# an attribution ends the target search of the verb before it
	run triples 'Iran and China agree on many issues, Ahmadinejad said, after meeting Pakistan.'
	[ "$output" = '[["IRN","CHN","050"],["CHN","IRN","050"]]' ]
	# a main-clause predicate between commas is not an attribution
	run triples 'The Iraqi government, meanwhile, announced new measures against Iran.'
	[ "$output" = '[["IRQGOV","IRN","130"]]' ]
	# the antecedent is the subject's head: a plain noun there has no actor
	run triples 'The petition, which Iran signed, condemns Israel.'
	[ "$output" = '[]' ]
	# a list is still a compound
	run triples 'Iran, Saudi Arabia, Qatar and Turkey condemned Israel.'
	[ "$output" = '[["IRN","ISR","111"],["SAU","ISR","111"],["QAT","ISR","111"],["TUR","ISR","111"]]' ]
}

@test "a subordinate clause: its subject is never the target, a plain noun is its own subject" {
	# the target of "restored" is not the subject of the clause after "after"
	run triples 'Pakistan restored ties several years after Iranian crowds attacked its embassy.'
	[ "$(of_code 050)" = '[]' ]
	run triples 'Pakistan retaliated after Iran attacked its border posts.'
	[ "$output" = '[]' ]
	# "crowds" is the subject of "attacked": it does not inherit Pakistan
	run triples 'Pakistan restored ties with Iran years after crowds attacked its embassy.'
	[ "$output" = '[["PAK","IRN","050"]]' ]
	# a prepositional "after" is not a clause
	run triples 'Pakistan condemned India after the attack.'
	[ "$output" = '[["PAK","IND","111"]]' ]
}

@test "a compound subject acts on itself only when the verb has no object of its own" {
	run triples 'Iran and Pakistan clashed on the border.'
	[ "$output" = '[["IRN","PAK","190"],["PAK","IRN","190"]]' ]
	run triples 'Iran and Pakistan agreed on many issues.'
	[ "$(of_code 050)" = '[["IRN","PAK","050"],["PAK","IRN","050"]]' ]
	# agreeing to do something is agreeing with each other (as PLOVER's gold codes "Trump and
	# Putin have agreed to share information"), as an intent (030, CAMEO's "agree to"); a
	# direct object is not
	run triples 'Iran and Pakistan have agreed to share information.'
	[ "$output" = '[["IRN","PAK","030"],["PAK","IRN","030"]]' ]
	# an intent or vote is each member's own, never one on the other
	run triples 'China and Russia did not vote.'
	[ "$output" = '[]' ]
	run triples 'Iran and Pakistan held talks in Kabul.'
	[ "$output" = '[["IRN","PAK","046"],["PAK","IRN","046"]]' ]
	# a direct object: the members do something to it, not to each other
	run triples 'Iran, Russia and Syria are determined to fight terrorism.'
	[ "$output" = '[]' ]
	# a pattern of the verb's own still says they act together
	run triples 'Iran and Pakistan signed an agreement.'
	[ "$output" = '[["IRN","PAK","057"],["PAK","IRN","057"]]' ]
}

@test "an -s form after a nationality adjective is a noun: 'Syrian forces', 'Iranian exports'" {
	run triples 'Syrian forces attacked Turkey.'
	[ "$output" = '[["SYRMIL","TUR","190"]]' ]
	run triples 'Pakistani exports to India rose.'
	[ "$output" = '[]' ]
	# a country is no adjective, and a name that ends like one is a person's
	run triples 'Mali attacks Niger.'
	[ "$output" = '[["MLI","NER","190"]]' ]
	run bash -c "$(declare -f rec); rec 'Ayatollah Ali Khamenei says the United States attacked Iran.' | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .reported]]'"
	[ "$output" = '[["USA","IRN",true]]' ]
	# "Saudi attacks on Yemen" stays an event, as TABARI codes it
	run triples 'Iran condemned the Saudi attacks on Yemen.'
	[ "$(of_code 190)" = '[["SAU","YEM","190"]]' ]
}

# [source, target, code, symmetric, hypothetical] of each event, through af-entities
news() {
	rec "$1" 2024-05-01 | af-entities | af-events "${@:2}" | jq -c '[.events[] | [.source.actor, .target.actor, .code, .symmetric, .hypothetical]]'
}

# news's rows of one event code in the last run's output
of_code() {
	jq -c --arg k "$1" 'map(select(.[2] == $k))' <<<"$output"
}

@test "news: no mirror pairs; a compound subject's joint act both ways, marked symmetric" {
	run news "Iran's foreign minister visited Kabul on Monday."
	[ "$output" = '[["IRNGOV","AFG","042",false,false]]' ]
	# PETRARCH's conventions code the pattern's reverse code too
	run news "Iran's foreign minister visited Kabul on Monday." --conventions petrarch
	[ "$output" = '[["IRNGOVFRM","AFG","042",false,false],["AFG","IRNGOVFRM","043",false,false]]' ]
	# "discussed X": a consultation is joint even with an object; the topic is no target
	run news 'Iran and Pakistan discussed the latest developments in Afghanistan.'
	[ "$output" = '[["IRN","PAK","040",true,false],["PAK","IRN","040",true,false]]' ]
	# list members share the verb's role and never act on each other
	run news 'Iran, China and Russia condemned the United States.'
	[ "$output" = '[["IRN","USA","111",false,false],["CHN","USA","111",false,false],["RUS","USA","111",false,false]]' ]
	run af-events --conventions mirror </dev/null
	[ "$status" -eq 64 ]
}

@test "news: capabilities, conditionals, questions and targetless speech are no events" {
	run news 'Iran can help Afghanistan rebuild its economy.'
	[ "$output" = '[]' ]
	run news 'If Pakistan attacks India, the whole region will suffer.'
	[ "$output" = '[]' ]
	run news 'Did Iran attack Pakistan?'
	[ "$output" = '[]' ]
	run news 'Q: Has Iran accused Pakistan of anything.'
	[ "$output" = '[]' ]
	# a speech verb's clause subject is not its target
	run news 'The spokesman said Pakistan is a reliable partner.'
	[ "$output" = '[]' ]
	# speculation is coded, flagged hypothetical
	run news 'Iran may attack Pakistan.'
	[ "$output" = '[["IRN","PAK","190",false,true]]' ]
	# a participle clause is background; a purpose infinitive is no act
	run news 'The United States kept soldiers fighting in Afghanistan.'
	[ "$(of_code 190)" = '[]' ]
	run news 'The summit is an opportunity for Iran to support Afghanistan.'
	[ "$output" = '[]' ]
}

@test "news: the dateline is never an actor; a title and the name after it are one actor" {
	run news 'TEHRAN – The spokesman strongly condemned the Taliban on Monday.'
	[ "$(jq -c 'map(.[0])' <<<"$output")" = '["---GOV"]' ]
	run news 'KABUL, Afghanistan - Pakistan condemned the Taliban.'
	[ "$output" = '[["PAK","AFGGOV","111",false,false]]' ]
	run bash -c "$(declare -f rec); rec 'Afghan President Ashraf Ghani met Turkish Foreign Minister Mevlut Cavusoglu in Ankara.' 2019-01-01 | af-entities | af-events | jq -c '[.events[] | [.source.text, .target.text, .target.actor]]'"
	[ "$output" = '[["Afghan President Ashraf Ghani","Turkish Foreign Minister Mevlut Cavusoglu","TURGOV"]]' ]
}

@test "news: events named by nouns, with the clause's subject or the actors before and after" {
	run news "In a meeting with Pakistan's foreign minister on Monday, Iran's president said the border would stay open."
	[ "$output" = '[["IRNGOV","PAKGOV","040",false,false]]' ]
	run news 'There have been reports of talks between Iran and the Taliban.'
	[ "$output" = '[["IRN","AFGGOV","040",true,false],["AFGGOV","IRN","040",true,false]]' ]
	run news 'The Soviet invasion of Afghanistan began in 1979.'
	[ "$(jq -c 'map(.[1:3])' <<<"$output")" = '[["AFG","192"]]' ]
	# the object of a coded verb is what that verb is about
	run news 'Iran called for the withdrawal of American troops from Afghanistan.'
	[ "$(of_code 0874)" = '[]' ]
	# hosting refugees is giving them asylum
	run news 'Iran has hosted Afghan refugees for four decades.'
	[ "$output" = '[["IRN","AFGREF","075",false,false]]' ]
	# urging and calling on an actor are demands
	run news 'Iran urged Pakistan to release the prisoners.'
	[ "$output" = '[["IRN","PAK","100",false,false]]' ]
}

@test "news: a visit or meeting the noun phrase names the owner of is the owner's: before the noun, or after 'of' / 'by'; still to come when its clause is" {
	run news "The minister praised the recent visit by Pakistan's president to Tehran."
	[ "$(of_code 042)" = '[["PAKGOV","IRN","042",false,false]]' ]
	run news 'The visit of the Iraqi foreign minister to Ankara ended on Tuesday.'
	[ "$output" = '[["IRQGOV","TURGOV","042",false,false]]' ]
	# the owner, not the clause's subject, is the visitor
	run news "Iran's foreign minister said the Turkish president's visit to Tehran was a success."
	[ "$(of_code 042)" = '[["TURGOV","IRN","042",false,false]]' ]
	# a visit whose clause is in the future is its owner's intent (036)
	run news "Iran's foreign minister said the Turkish president's visit to Tehran will take place next week."
	[ "$(jq -c 'map(select(.[0] == "TURGOV"))' <<<"$output")" = '[["TURGOV","IRN","036",false,false]]' ]
	# an owner that names no actor is nobody's visit, not the speaker's
	run news "Iran's foreign minister said the outgoing president's visit to Kabul was a success."
	[ "$(of_code 042)" = '[]' ]
}

@test "news: a pair named in one hyphenated word before a joint noun ('Chile-Peru talks') acts with each other, symmetric; not when still to come, nor when 'between' names the parties" {
	run news 'The Chile-Peru talks in Lima ended on Friday.'
	[ "$(jq -c 'map(.[0:4])' <<<"$output")" = '[["CHL","PER","040",true],["PER","CHL","040",true]]' ]
	run news 'Chile-Peru talks will resume next week.'
	[ "$output" = '[]' ]
	run news 'The Lima-Quito summit between Chile and Peru ended on Friday.'
	[ "$(jq -c 'map(.[0:2])' <<<"$output")" = '[["CHL","PER"],["PER","CHL"]]' ]
}

@test "news: ties whose growth is wished ('expressed Chile's eagerness for expansion of ties with Peru', 'has no limit to expand ties with') are the wisher's intent to cooperate (030); not ties between others" {
	run news "Foreign Minister Ahmadi expressed Chile's eagerness for expansion of scientific ties with Peru."
	[ "$output" = '[["CHL","PER","030",false,false]]' ]
	run news 'Chile has no limit to expand political, economic and cultural ties with Peru, the minister said.'
	[ "$output" = '[["CHL","PER","030",false,false]]' ]
	run news "The Chilean foreign minister welcomed the strengthening of Chile-Peru relations."
	[ "$(of_code 030)" = '[["CHLGOV","PER","030",false,false]]' ]
	# growth of ties between others is no intent of the wisher's; growth with no wish is none
	run news 'Chile has welcomed improvement of relations between Peru and Bolivia.'
	[ "$(of_code 030)" = '[]' ]
	run news 'Chile discussed the expansion of ties with Peru.'
	[ "$(of_code 030)" = '[]' ]
}

@test "news: ties with no partner named, wished by a pair ('Chile and Peru stressed the need to expand bilateral ties', 'the two sides stressed the importance of'), are each one's intent toward the other (030, symmetric); not when the pair is another clause's subject" {
	run news "Chilean President Boric and his Peruvian counterpart Castillo on Tuesday stressed the need to expand bilateral relations."
	[ "$(jq -c 'map(select(.[2] == "030")) | map([.[0][0:3], .[1][0:3], .[3]])' <<<"$output")" = '[["CHL","PER",true],["PER","CHL",true]]' ]
	run news "Chilean Foreign Minister Ahmadi met with his Peruvian counterpart in Lima. Both sides emphasized the importance of widening cooperation in farming."
	[ "$(jq -c 'map(select(.[2] == "030")) | map([.[0][0:3], .[1][0:3], .[3]])' <<<"$output")" = '[["CHL","PER",true],["PER","CHL",true]]' ]
	# the wisher is the speaker, not the pair of an earlier clause
	run news "The Chilean official said Chile and Peru enjoy warm ties thanks to their presidents, and underlined the need to strengthen bilateral ties further."
	[ "$(jq -c 'map(select(.[2] == "030" and .[0] == "PER"))' <<<"$output")" = '[]' ]
	# review: cooperation "between countries" or "international" is with others, not the pair's
	run news "The foreign ministers of Chile, Peru and Bolivia emphasized the need for active cooperation between countries."
	[ "$(of_code 030)" = '[]' ]
	run news "The foreign ministers of Chile and Peru stressed the need for comprehensive international cooperation."
	[ "$(of_code 030)" = '[]' ]
}

@test "news: a meeting between parties a noun wishes for is not held ('the importance of consultations between Chile and Peru'); an agreement sought is not made ('any agreement between', 'talks on a deal between')" {
	run news "The minister attached special importance to consultations between Chile and Peru."
	[ "$(jq -c 'map(select(.[2] | startswith("04")))' <<<"$output")" = '[]' ]
	# review: what a verb welcomes was made ("welcomed the agreement between")
	run news "Chile welcomed the ceasefire agreement between Peru and Bolivia."
	[ "$(jq -c 'map(select(.[2] == "057")) | length' <<<"$output")" = 2 ]
	run news "A bill gives Congress a voice in any agreement between Chile and Peru."
	[ "$(of_code 057)" = '[]' ]
	run news "The envoy described progress in talks on a trade deal between Chile and Peru."
	[ "$(of_code 057)" = '[]' ]
	# any one-word member of the TALKS synset ("dialogue on a deal")
	run news "Bolivia hosted a dialogue on a new deal between Chile and Peru."
	[ "$(of_code 057)" = '[]' ]
	# a deal made is one
	run news "The trade deal between Chile and Peru took effect in May."
	[ "$(jq -c 'map(select(.[2] == "057")) | map(.[0:2])' <<<"$output")" = '[["CHL","PER"],["PER","CHL"]]' ]
}

@test "news: an act a noun names reaches each member of a list after its preposition; a war or an airstrike on an actor is force (190, 195); an owner's act keeps going past an 'of' phrase; a planned withdrawal is an intent (0356), other planned acts none" {
	run news 'The minister condemned the Chilean attacks on Peru and Bolivia.'
	[ "$(jq -c 'map(select(.[2] == "190")) | map(.[1])' <<<"$output")" = '["PER","BOL"]' ]
	run news "Chile's war against Peru lasted five years."
	[ "$output" = '[["CHL","PER","190",false,false]]' ]
	run news 'Chilean airstrikes on Peru killed 20 people.'
	[ "$(jq -c 'map(select(.[2] == "195")) | map(.[0:2])' <<<"$output")" = '[["CHL","PER"]]' ]
	run news "Chile's withdrawal of troops from Peru began on Monday."
	[ "$output" = '[["CHL","PER","0874",false,false]]' ]
	run news "Observers fear that Chile's planned withdrawal of troops from Peru will weaken Lima."
	[ "$(jq -c 'map(select(.[0] == "CHL" and .[1] == "PER")) | map(.[2])' <<<"$output")" = '["0356"]' ]
	run news 'The planned Chilean sanctions on Peru were discussed.'
	[ "$(of_code 163)" = '[]' ]
}

@test "news: ties a wish names with no growth word ('voiced his country's readiness for economic cooperation with Peru') are an intent (030); a denied wish is none; a meeting with a 'visiting' official is one with the official" {
	run news "The Chilean minister voiced Chile's readiness for economic cooperation with Peru in all areas."
	# (the speaker's or the wisher's: the country, CHL or CHLGOV)
	[ "$(jq -c 'map(select(.[2] == "030")) | map([.[0][0:3], .[1]])' <<<"$output")" = '[["CHL","PER"]]' ]
	run news 'The Chilean minister said there is no need to expand ties with Peru.'
	[ "$(of_code 030)" = '[]' ]
	run news 'The Chilean foreign minister made the remarks during a meeting with visiting Peruvian President Pedro Castillo.'
	[ "$output" = '[["CHLGOV","PERGOV","040",false,false]]' ]
	# an owner's agreement with an actor is the owner's (057); an agent's word is no party
	run news "Saudi Arabia was angered by Chile's deal with Peru over mining."
	[ "$output" = '[["CHL","PER","057",false,false]]' ]
	run news 'The minister pledged to support business deals with Peru.'
	[ "$output" = '[]' ]
}

@test "news: a meeting with a title's holder after its 'of' ('during a meeting with head of Peruvian intelligence X') is one with that actor" {
	run news 'During a meeting with head of Peruvian intelligence service Jorge Chavez on Tuesday, Chilean Foreign Minister Alberto van Klaveren said the talks went well.'
	[ "$output" = '[["CHLGOV","PERSPY","040",false,false]]' ]
}

@test "syntax: an upstream 'sentences' field (af-parse) and af-events' own parse give the same events" {
	# (the asserted-act filter's judgement aside: this is about which parse is read)
	export AF_EVENTS_ASSERT=off
	run --separate-stderr bash -c "af-clean '$SAMPLE' | af-entities | af-quotes > '$T/in.json'"
	[ "$status" -eq 0 ]
	af-events <"$T/in.json" | jq -c .events >"$T/own.json"
	af-parse <"$T/in.json" | af-events | jq -c .events >"$T/up.json"
	[ "$(jq length "$T/own.json")" -gt 5 ]
	cmp "$T/own.json" "$T/up.json"
	# the field is used: tags that read every verb as a noun (and each sentence's last token as
	# its verb) leave fewer verbs to code
	af-parse <"$T/in.json" |
		jq -c '.sentences[].tokens |= (map(.tag |= if startswith("VB") then "NN" else . end | .chunk = "B-NP") | last.tag = "VBZ")' |
		af-events | jq -c .events >"$T/nn.json"
	[ "$(jq length "$T/nn.json")" -lt "$(jq length "$T/own.json")" ]
}

@test "syntax: a 'sentences' field of other tokens is passed over: af-events parses the text itself" {
	rec "Iran condemned the attack on Pakistan." >"$T/r.json"
	af-events <"$T/r.json" | jq -c .events >"$T/own.json"
	jq -c --argjson s "$(rec 'Completely different words here.' | af-parse | jq -c .sentences)" '.sentences = $s' "$T/r.json" |
		af-events | jq -c .events >"$T/other.json"
	cmp "$T/own.json" "$T/other.json"
}

@test "syntax: 'X said Y should ...' is X's appeal to Y (020), 'should not' a demand (100)" {
	run bash -c "$(declare -f rec); rec 'Iran said Western countries should help the Afghan refugees.' | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["IRN","WST","020"]]' ]
	run bash -c "$(declare -f rec); rec 'The spokesman added, \"India should not carry out any further attacks in Pakistan.\"' | af-events | jq -c '[.events[] | select(.code == \"100\") | .target.actor]'"
	[ "$output" = '["IND"]' ]
	# the subject of a passive obligation is acted on, not appealed to
	run bash -c "$(declare -f rec); rec 'Iran said ISIL must be confronted.' | af-events | jq -c '[.events[] | select(.code == \"020\")]'"
	[ "$output" = '[]' ]
	# an obligation nobody voices is no appeal
	run bash -c "$(declare -f rec); rec 'Western countries should help the Afghan refugees.' | af-events | jq -c '[.events[] | select(.code == \"020\")]'"
	[ "$output" = '[]' ]
}

@test "syntax: an appeal to a group that holds the speaker's own state is the speaker's intent to cooperate with the others (030); to one's own government alone it stays an appeal" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president said Chile and Peru should expand trade.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","030"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president said Chile and Peru should not expand trade.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president said Peru and Bolivia should expand trade.' | af-events | jq -c '$j'"
	[[ "$output" == *'["CHL","PER","020"]'* ]]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean senator said the Chilean government should expand trade.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","CHL","020"]]' ]
}

@test "syntax: a comment reaches its target through its topic ('concern over attacks in Afghanistan')" {
	run bash -c "$(declare -f rec); rec 'Iran expressed concern over a surge in terrorist attacks on worshippers in Afghanistan.' | af-events | jq -c '[.events[] | select(.code == \"012\") | [.source.actor, .target.actor, .target.text]]'"
	[ "$output" = '[["IRN","AFGREL","worshippers in Afghanistan"]]' ]
}

@test "syntax: pattern words after a verb stay in its clause ('met ... to end the conflict' is no 190)" {
	run bash -c "$(declare -f rec); rec 'The Taliban also met with the United States in the United Arab Emirates to end the conflict.' 2022-01-10 | af-events | jq -c '[.events[] | .code] | unique'"
	[ "$output" = '["040"]' ]
}

@test "syntax: a verb with no pattern words codes only sides where the parse has its arguments" {
	# "left" has Afghans in a participle's result, not as its object; al-Qaeda is not what was taken
	run triples 'Iran condemned the bombing in Kabul, which left 41 Afghans dead.'
	[ "$(jq -c '[.[] | select(.[2] == "040")]' <<<"$output")" = '[]' ]
	run triples 'The leaders of both the Democratic and Republican parties took the tactic of preserving al-Qaeda in Afghanistan.'
	[ "$output" = '[]' ]
	# the by-phrase of a passive, an object, and a subject before a relative clause still agree
	run triples 'Iran was condemned by the United States.'
	[ "$output" = '[["USA","IRN","111"]]' ]
	run triples 'The Taliban, who seized Kabul in 2021, accused Pakistan of supporting rebels.'
	[ "$(jq -c '.[1]' <<<"$output")" = '["AFGGOV","PAK","112"]' ]
}

@test "syntax: 'going to' + a verb is the future, no act of going" {
	run bash -c "$(declare -f rec); rec 'Beijing is going to build an alliance with Tehran.' | af-events | jq -c '[.events[].trigger] | unique'"
	[ "$output" = '["is going to build"]' ]
}

@test "actors: a person the entity layer names as someone else keeps the entity's code ('Abdullah' is not the Saudi king here)" {
	run bash -c "$(declare -f rec); rec 'Abdullah Abdullah chairs the peace council. According to Reuters, Afghan President Ashraf Ghani and his rival Abdullah signed a power-sharing deal.' 2020-05-18 |
		af-entities | af-events | jq -c '[.events[] | select(.code == \"057\") | [.source.actor, .target.actor]]'"
	[ "$(jq -c 'map(.[1]) | map(select(startswith("SAU")))' <<<"$output")" = '[]' ]
	# the opening attribution is no member of the compound: both leaders sign, each with the other
	[ "$(jq length <<<"$output")" = 2 ]
}

@test "forces leaving a country withdraw (0874); a bombing that 'left' people dead is no event of theirs" {
	run triples 'The last U.S. soldiers left Kabul.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["0874"]' ]
	run triples 'Iran condemned the bombing in Kabul, which left 41 Afghans dead.'
	[ "$(jq -c 'map(select(.[2] == "0874" or .[2] == "040"))' <<<"$output")" = '[]' ]
}

@test "hosting a people ('millions of Afghans') is asylum (075); hosting a visitor stays 043" {
	run bash -c "$(declare -f rec); rec 'Iran and Pakistan have been hosting millions of Afghans.' | af-entities | af-events | jq -c '[.events[].code] | unique'"
	[ "$output" = '["075"]' ]
	run triples 'Iran hosted Afghan President Ashraf Ghani.'
	[ "$(jq -c 'map(.[2]) | unique' <<<"$output")" = '["043"]' ]
}

@test "default senses reviewed on unlabeled news: 'made a visit to' is 042; 'attached importance to' is no event" {
	run triples 'President Hassan Rouhani made a visit to Oman.'
	[ "$(jq -c 'map(.[2]) | unique' <<<"$output")" = '["042"]' ]
	run triples 'Iran attached great importance to the role of Pakistan.'
	[ "$output" = '[]' ]
}

@test "news: one state under two names does not act on itself; two officials, its rebels or its people do" {
	ents() { rec "$1" "$2" | af-entities | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'; }
	# (no IRNGOV -> IRN; Tehran's wish to boost ties with Turkey is its intent, 030)
	run ents 'Iranian Foreign Minister Hossein Amir Abdollahian reaffirmed Tehran’s determination to boost ties with Turkey.' 2024-05-01
	# (the speaker's intent when the owner of the wish is his state: IRNGOV, verb_roles)
	[[ "$output" = '[["IRN","TUR","030"]]' || "$output" = '[["IRNGOV","TUR","030"]]' ]]
	run ents 'The Islamic Republic of Iran negotiated with Iran.' 2024-05-01
	[ "$output" = '[]' ]
	run ents 'The Taliban attacked Kabul.' 2019-05-01
	[ "$output" = '[["AFGREB","AFG","190"]]' ]
	run ents 'Raisi met Iranians living in Qatar.' 2024-05-01
	[ "$output" = '[["IRNGOV","IRN","040"]]' ]
	run ents 'Iranian Foreign Minister Hossein Amir Abdollahian met Iranian Defense Minister Amir Hatami.' 2024-05-01
	[ "$(jq length <<<"$output")" = 1 ]
}

@test "news: a place after 'in'/'at' is the scene of a meeting, posture or fight, not its target" {
	run triples 'American troops will remain in Iraq until the government asks them to leave.'
	[ "$output" = '[]' ]
	run triples 'Turkish forces are fighting in Syria.'
	[ "$output" = '[]' ]
	run triples 'Iranian diplomats met in Kabul.'
	[ "$output" = '[]' ]
	# other verbs take their argument there
	run triples 'Russia intervened in Syria.'
	[ "$output" = '[["RUS","SYR","070"]]' ]
	# and a direct object stays the target
	run triples 'Turkish forces attacked Syria.'
	[ "$(jq -c 'map(.[1])' <<<"$output")" = '["SYR"]' ]
}

@test "news: an 'until' clause in the present is a condition, no event; in the past it reports one" {
	run triples 'Iran will keep its program until Washington meets Iran.'
	[ "$output" = '[]' ]
	run triples 'Iran waited until Washington met Iran.'
	[ "$output" = '[["USAGOV","IRN","040"]]' ]
}

@test "news: an expectation is no act; 'want' with a request pattern still is one" {
	run triples 'The Israelis did not expect such a reaction from Russia.'
	[ "$output" = '[]' ]
	# (the asserted-act filter's judgement aside: this is about the request pattern)
	export AF_EVENTS_ASSERT=off
	run triples 'Afghanistan wants help from Iran.'
	[ "$(of_code 023)" = '[["AFG","IRN","023"]]' ]
}

@test "news: a verb whose object is an act named by a noun makes one event, the noun's" {
	run triples 'In April 2021 Iran started negotiations with Russia and China.'
	[ "$output" = '[["IRN","RUS","046"],["IRN","CHN","046"]]' ]
}

@test "news: calling for an act is a demand (10x, the appeal's parallel code); a refused act is a rejection (12x)" {
	run news 'Iran called for the withdrawal of American troops from Afghanistan.'
	[ "$(jq -c 'map(.[2][0:2]) | unique' <<<"$output")" = '["10"]' ]
	run news 'Pakistan asked Iran for help.'
	[ "$(jq -c 'map(.[2][0:2]) | unique' <<<"$output")" = '["02"]' ]
	run news 'The Taliban refused to meet Iran.'
	[ "$(jq -c 'map(.[1:3])' <<<"$output")" = '[["IRN","125"]]' ]
	run news 'The Taliban refused to attack Iran.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["120"]' ]
	# an infinitive no refusal governs is still a plan, no act
	run news 'The Taliban hoped to meet Iran.'
	[ "$(of_code 040)" = '[]' ]
}

@test "news: a visit named before its clause is the clause subject's; no list across that comma" {
	run news 'During his visit to Kabul, Zarif emphasized his support.'
	[ "$(jq -c 'map(.[1:3])' <<<"$output")" = '[["AFG","042"]]' ]
}

@test "news: the parse's clauses: a coordinated verb shares the first one's subject; a consultation's party is its 'with' phrase; a condemnation's target may own its object" {
	run news 'Iran met Pakistan and criticized India.'
	[ "$output" = '[["IRN","PAK","040",false,false],["IRN","IND","111",false,false]]' ]
	run news "The Taliban discussed Afghanistan's situation with Iran in their latest meeting."
	[ "$(jq -c 'map(.[0:2])' <<<"$output")" = '[["AFGGOV","IRN"]]' ]
	run news 'Zarif condemned the brutal crime of the Taliban.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["111"]' ]
}

@test "news: verbs reviewed from unlabeled news: heading to a place is a visit, slam criticizes, sever breaks ties, normalizing relations, a vow is an intent" {
	run news 'Iran headed to Pakistan.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["042"]' ]
	run news 'Iran slammed Pakistan.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["111"]' ]
	run news 'Iran severed relations with Pakistan.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["161"]' ]
	run news 'Iran normalized relations with Pakistan.'
	[ "$(jq -c 'map(.[2][0:2]) | unique' <<<"$output")" = '["05"]' ]
	run news 'Iran vowed to help Afghanistan.'
	[ "$(jq -c 'map(.[2][0:2])' <<<"$output")" = '["03"]' ]
	# heading a delegation is no visit
	run news 'Iran headed the delegation.'
	[ "$output" = '[]' ]
}

@test "news: an announced act of cooperation is the intent (03x), not hypothetical; 'it' in what a state says is the state" {
	run news 'Iran will visit Pakistan.'
	[ "$output" = '[["IRN","PAK","036",false,false]]' ]
	run news 'Pakistan said it would help Afghanistan.'
	[ "$output" = '[["PAK","AFG","033",false,false]]' ]
	# "would" outside reported speech is a counterfactual; a threat stays as it was
	run news 'Pakistan would help Afghanistan.'
	[ "$output" = '[]' ]
	run news 'Iran will not help Afghanistan.'
	[ "$(jq -c 'map(.[2][0:2])' <<<"$output")" = '["07"]' ]
	# "it" is never a person speaking
	run news 'Zarif said it would help Afghanistan.'
	[ "$output" = '[]' ]
}

@test "news: a material act whose pattern names its object is aimed past that object ('imposed sanctions on Iran'); sanctions put back are imposed (163)" {
	run news 'The United States imposed new sanctions on Iran.'
	[ "$output" = '[["USA","IRN","163",false,false]]' ]
	run news 'The U.S. reinstated sanctions against Iran.'
	[ "$output" = '[["USA","IRN","163",false,false]]' ]
	# a scene is no recipient
	run news 'The U.S. imposed sanctions in Iran.'
	[ "$output" = '[]' ]
}

@test "news: aid reduced, cut or suspended is 162" {
	run news 'Chile reduced military aid to Peru.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","PER","162"]]' ]
	run news 'Chile suspended its assistance to Peru.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","PER","162"]]' ]
}

@test "news: an agent's role that is an infinitive's object is no party of the verb governing it; the actor after its 'to' or 'with' is" {
	run news 'Chile promised to select ministers.'
	[ "$output" = '[]' ]
	run news 'Chile failed to oust the government.'
	[ "$output" = '[]' ]
	run news 'Chile has offered to send troops to Peru.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","PER","030"]]' ]
	# the infinitive's own party after a preposition is the intent's, as before
	# (the asserted-act filter's judgement aside: this is about the intent's party)
	export AF_EVENTS_ASSERT=off
	run news 'Chile is ready to provide assistance to the refugees.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","---REF","030"]]' ]
}

@test "news: the act announced or refused keeps its recipient past the pattern's object ('will lift sanctions on', 'refused to lift the ban on')" {
	run news 'Chile will lift sanctions on Peru.'
	[ "$output" = '[["CHL","PER","035",false,false]]' ]
	run news 'Chile refused to lift the ban on Peru.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","PER","120"]]' ]
	run news 'Chile refuses to remove the embargo on Peru.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHL","PER","120"]]' ]
}

@test "news: a participle heading an adverbial clause acts with the main clause's subject; one describing a noun, a list's gerund or a speech participle does not" {
	run news 'Pakistan criticized Iran, praising Iraq.'
	[ "$output" = '[["PAK","IRN","111",false,false],["PAK","IRQ","051",false,false]]' ]
	run news 'Before heading to Russia, Larijani met Putin.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["042","040"]' ]
	run news 'The soldiers fighting in Afghanistan attacked Pakistan.'
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["190"]' ]
	run news 'Iran criticized issues such as security, praising Pakistan and trade.'
	[ "$(of_code 051)" = '[]' ]
}

@test "news: a subject the parse misses behind a time phrase ('The speaker of X on Saturday condemned') is the noun phrase before it" {
	run news 'TEHRAN - The speaker of the Iranian Parliament on Saturday condemned the Taliban.'
	[ "$(jq -c 'map(.[0][0:3] + .[1][0:3] + .[2])' <<<"$output")" = '["IRNAFG111"]' ]
	# a prepositional object is still no subject
	run news 'Talks with Pakistan on Monday attacked India.'
	[ "$output" = '[]' ]
}

@test "sentences passed over unparsed lose no event (AF_EVENTS_ALL_SENTENCES parses them all)" {
	t='President Ashraf Ghani met Pakistani officials in Kabul. He was in Doha last week. The joint statement was released on Monday. Iran and Pakistan agreed. Officials of India said talks with China should resume. Nothing happened. She condemned the attack on Kabul by the Taliban. Imran Khan said Iran is playing a positive role.'
	rec "$t" | af-events >"$T/some.json"
	rec "$t" | AF_EVENTS_ALL_SENTENCES=1 af-events >"$T/all.json"
	cmp "$T/some.json" "$T/all.json"
	[ "$(jq '.events | length' "$T/some.json")" -gt 2 ]
	af-clean "$SAMPLE" | af-entities | af-quotes >"$T/up.json"
	af-events <"$T/up.json" >"$T/some2.json"
	AF_EVENTS_ALL_SENTENCES=1 af-events <"$T/up.json" >"$T/all2.json"
	cmp "$T/some2.json" "$T/all2.json"
}


@test "news: an evaluation of another actor reported by its speaker is praise (051) or criticism (111)" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'Turkish President Recep Tayyip Erdogan said Qatar had played a constructive part in the talks.' | af-events | jq -c '[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'"
	[ "$status" -eq 0 ]
	[ "$output" = '[["TUR","QAT","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec \"Kazakhstan's president said Russia had created problems for its neighbours.\" | af-events | jq -c '[.events[] | [.target.actor[:3], .code]]'"
	[ "$output" = '[["RUS","111"]]' ]
	# said in a relative clause of the actor; "no" in a noun phrase is no negation of the clause
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Turkish foreign minister said the Western states, which have brought chaos to Libya, must pay.' | af-events | jq -c '[.events[] | select(.code == \"111\") | .target.actor]'"
	[ "$output" = '["WST"]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec \"Venezuela's president said the U.S. government had carried out an illegal blockade with no legal basis.\" | af-events | jq -c '[.events[] | select(.code == \"111\") | .target.actor[:3]]'"
	[ "$output" = '["USA"]' ]
	# not when negated, predicted, said of the speaker's own country, or inside a relative clause
	# nor when the subject undergoes what is named (face, suffer)
	for t in 'The Kazakh president said Russia has not created problems for its neighbours.' \
		'The Kazakh president said Russia will see progress.' \
		'The Kazakh president said Kazakhstan had played a constructive part in the talks.' \
		'The Kazakh president said the killing of the Russian ambassador was a cruel crime.' \
		'The Iranian foreign minister said Pakistan faced many problems.' \
		'The Iranian foreign minister said Afghanistan is suffering from chaos.'; do
		run --separate-stderr bash -c "$(declare -f rec); rec '$t' | af-events | jq -c '[.events[] | select(.code == \"051\" or .code == \"111\")]'"
		[ "$output" = '[]' ]
	done
}

@test "news: a subject set off by an apposition the parse takes for the subject ('X, Iran's foreign minister, has praised')" {
	run --separate-stderr bash -c "$(declare -f rec); rec \"Imran Khan, Pakistan's prime minister, has praised Iran's support for a deal.\" | af-events | jq -c '[.events[] | [.source.text, .target.actor, .code]]'"
	[ "$status" -eq 0 ]
	[ "$output" = '[["Imran Khan","IRN","051"]]' ]
}

@test "an act a noun names through its dictionary verb: actor before it or after 'by', target after a preposition" {
	run --separate-stderr bash -c "$(declare -f rec); rec \"Peru's condemnation of Chile angered voters.\" | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["PER","CHL","111"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The bombardment of Chile by Peru went on for a week.' | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .code]]'"
	[ "$output" = '[["PER","CHL","190"]]' ]
	# a plural that is a verb plus -s names things; an agent's word alone is no actor; a state is no act
	run --separate-stderr bash -c "$(declare -f rec); for t in 'Peruvian forces against Chile were few.' 'The military threats against Chile worried Bolivia.' \"Peru's relations with Chile are good.\"; do rec \"\$t\"; done | af-events | jq -c '[.events[] | .code]'"
	[ "$output" = $'[]\n[]\n[]' ]
}

@test "news: no evaluation in a condition, nor praise from a word outside the clause's objects" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean foreign minister said trade will stop if Peru causes problems for the region.' | af-events | jq -c '[.events[] | select(.code == \"111\")]'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean foreign minister said Peru holds the key to positive change in the region.' | af-events | jq -c '[.events[] | select(.code == \"051\")]'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean foreign minister said Peru has played a constructive and positive role in the region.' | af-events | jq -c '[.events[] | [.source.actor[:3], .target.actor, .code]]'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	# a predicate adjective after a linking verb is the clause's predicate
	for t in 'The Chilean foreign minister said Bolivia has been very constructive.' \
		'The Chilean foreign minister said Bolivia remained positive throughout the talks.'; do
		run --separate-stderr bash -c "$(declare -f rec); rec '$t' | af-events | jq -c '[.events[] | [.source.actor[:3], .target.actor, .code]]'"
		[ "$output" = '[["CHL","BOL","051"]]' ]
	done
}

@test "news: the JOINT_ nouns take their plurals and the class's other nouns ('a phone call with', 'a trip to')" {
	run --separate-stderr bash -c "$(declare -f rec); rec 'In a phone call with his Peruvian counterpart, the Chilean foreign minister said trade would grow.' | af-events | jq -c '[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'"
	[ "$output" = '[["CHL","PER","041"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Peruvian President Pedro Castillo began a three-day trip to Santiago on Monday.' | af-events | jq -c '[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'"
	[ "$output" = '[["PER","CHL","042"]]' ]
}

@test "news: a noun's act by the actor a possessive pronoun stands for ('its troops', 'upon his arrival in'), its place after 'at ... in'" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Canada announced the withdrawal of its troops from Mali.' | af-events | jq -c '$j'"
	[ "$output" = '[["CAN","MLI","0874"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Upon her arrival at the airport in Lima, the Chilean foreign minister praised the ties.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","042"]]' ]
	# the clause's subject names no actor: no event of another's
	run --separate-stderr bash -c "$(declare -f rec); rec 'The minister added that the enemies want to see the results of their pressure on Cuba.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	# a ship's arrival is no visit
	run --separate-stderr bash -c "$(declare -f rec); rec 'The arrival of Iranian tankers in Venezuela was a victory.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
}

@test "news: an act after 'under' is done to its clause's subject; 'of French forces' is the parse's noun phrase" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Venezuela came under U.S. attack on Monday.' | af-events | jq -c '$j'"
	[ "$output" = '[["USA","VEN","190"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Venezuela came under U.S. sanctions in 2019.' | af-events | jq -c '$j'"
	[ "$output" = '[["USA","VEN","163"]]' ]
	# being under sanctions is an ongoing condition (events-unseen.bats: named sanctions)
	run --separate-stderr bash -c "$(declare -f rec); rec 'Venezuela has been under U.S. sanctions for years.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'After the withdrawal of French forces from Mali, the junta took power.' | af-events | jq -c '$j'"
	[ "$output" = '[["FRA","MLI","0874"]]' ]
}

@test "news: a statement's target after 'to' and its determiners ('offered condolences to the Peruvian government')" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile offered condolences to the Peruvian government.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","018"]]' ]
}

@test "the default dictionary: residing is no occupation (192), a bare 'engage' no use of force (190), fighting still is" {
	# the asserted-act filter's judgement aside (session 16's threshold drops this one-sentence record's
	# event): the test is about another mechanism
	export AF_EVENTS_ASSERT=off
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Venezuelan refugees reside in Colombia.' | af-events --conventions petrarch | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Afghan nomads inhabit Pakistan.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chilean diplomats engaged Peruvian officials in Lima on Monday.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Syrian army engaged in an intense battle with ISIL in the town.' | af-events | jq -c '$j'"
	[ "$output" = '[["SYR","IMG","190"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile engaged Peru in a dialogue on trade.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","046"]]' ]
}

@test "news: a joint press conference or summit with X is a meeting (040); one still to come is the subject's intent (036), none between its parties" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'In a joint press conference with his Peruvian counterpart, the Chilean foreign minister said trade would grow.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","040"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean foreign minister described next week'\''s meeting with Peru as an opportunity.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","036"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Officials praised the upcoming summit between Chile and Peru.' | af-events | jq -c '[.events[] | select(.code == \"040\")]'"
	[ "$output" = '[]' ]
}

@test "news: a possessive names the clause's subject only when no other agreeing actor stands between ('praised Russia for its invasion'); an act noun opening the text" {
	run news 'China praised Russia for its invasion of Ukraine.'
	[ "$output" = '[["CHN","RUS","051",false,false]]' ]
	run news 'Germany condemned Turkey over its attacks on Syria.'
	[ "$output" = '[["DEU","TUR","111",false,false]]' ]
	# no other actor between: the subject's own act
	run news 'Iran announced the withdrawal of its troops from Syria.'
	[[ "$output" == *'"IRN","SYR","0874"'* ]]
	# an act noun as the text's first word (read t[-1] before)
	run news 'Withdrawal of U.S. forces continued on Monday.'
	[ "$status" -eq 0 ]
	[ "$output" = '[]' ]
}

@test "news: an act with neither side is no event unless a message did it ('the joint statement was released' stays)" {
	j='[.events[] | [.source, .target, .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Two new bridges were opened in the last days of the festival.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'As we have said often, the war on drugs must not serve as an excuse.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The joint statement, issued under the title National Consensus, was released on Tuesday.' | af-events | jq -c '$j'"
	[ "$output" = '[[null,null,"010"]]' ]
}

@test "news: praise of what an actor did is 051, not the WELCOME patterns' hosting (043); encouraging efforts is 051" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile praised Peru for its contribution to peace.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president hailed the visit by the Peruvian president.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile encouraged Peruvian efforts to end the war.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile praised the Peruvian minister for taking a stand against the attempt to divide the region.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	# welcoming a visitor is still hosting
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile welcomed the Peruvian president to Santiago.' | af-events | jq -c '$j'"
	[[ "$output" == *'"043"'* ]]
}

@test "news verb senses: an act ordered by name is the orderer's; a ceasefire agreed is declared by each party" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president ordered the assassination of the Peruvian general.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","186"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president ordered the invasion of Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","192"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president ordered the cowardly assassination of the Peruvian general.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","186"]]' ]
	# an inquiry ordered into an assassination is not one
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president ordered an inquiry into the assassination of the Peruvian general.' | af-events | jq -c '$j'"
	[[ "$output" != *'"186"'* ]]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile and Peru agreed to a ceasefire on Saturday.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","0871"],["PER","CHL","0871"]]' ]
}

@test "news verb senses: a message sent is the act it names (congratulation 051, condolences 018), not a meeting" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president sent a congratulatory message to the Peruvian president.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president sent a message of condolence to the Peruvian president.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","018"]]' ]
	# any other message stays CAMEO.2.0's
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president sent a message to the Peruvian president.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","040"]]' ]
}

@test "news verb senses: 'called Y (on Saturday) to discuss Z' is a phone call to Y (041), not the caller's act on Z" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called the Peruvian president on Saturday to discuss Bolivia.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","041"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called his Peruvian counterpart to congratulate him.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","041"]]' ]
	# naming and "called on" (a demand) stay as they were
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called Peru a threat to the region.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called on Peru to discuss the border.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","100"]]' ]
}

@test "news verb senses: an intent or threat to use force ('vowed to attack', 'threatened to attack') is 138" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president vowed to attack Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","138"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean army threatened to attack Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","138"]]' ]
	# an intent of cooperation stays 030
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president vowed to help Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","030"]]' ]
	# revenge vowed for a killing is not aimed at the victim; against its author it is a threat
	run --separate-stderr bash -c "$(declare -f rec); AF_EVENTS_ASSERT=off rec 'The Chilean president vowed revenge for the assassination of the Peruvian general.' | AF_EVENTS_ASSERT=off af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president vowed revenge against Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","138"]]' ]
}

@test "news verb senses mined from unlabeled news: naming is no phone call, 'called on' only right after the verb, ordered sanctions 163, seeking tension no intent, voiced support 051, the importance of ties 030, encouraged X to 020" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called Peru a reliable partner.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called Peruvian officials on Monday.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president called on Peru to end the dispute.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","100"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean government ordered sanctions against Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","163"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile is seeking tension with Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister served as ambassador to Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister expressed support for Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","051"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister stressed the importance of expanding ties with Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","030"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister stressed the need for closer cooperation with Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","030"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister stressed the need for Peru to end the dispute.' | af-events | jq -c '$j'"
	[[ "$output" != *'"030"'* ]]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile encouraged Peru to join the talks.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","020"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile is interested in expanding ties with Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","030"]]' ]
	# an aim that is no cooperation is no intent to cooperate
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile is determined to isolate Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile is interested in toppling the Peruvian government.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean court determined that Peru owed Bolivia money.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile will need to import gas from Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean minister said stability in Peru directly affects Chile.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile has taken a harsh stance toward Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile extended waivers of economic sanctions on Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","085"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile launched a military campaign against Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","190"]]' ]
}

@test "news: running or commanding something is no cooperation (OVERSEE_MANAGE's 060); what is conducted with another actor keeps its code; words traded are a war of words" {
	j='[.events[] | [.source.actor[:3], .target.actor[:3], .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile effectively ruled Peru through a puppet king.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president directed the Peruvian minister to investigate the case.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean rebels now control Peru.' | af-events | jq -c '$j'"
	[ "$output" = '[]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile and Peru are conducting talks on the border.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","040"],["PER","CHL","040"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean Navy and the Peruvian Navy conducted a joint military exercise.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","062"],["PER","CHL","062"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'The Chilean president and the Peruvian president have traded insults.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","111"],["PER","CHL","111"]]' ]
	run --separate-stderr bash -c "$(declare -f rec); rec 'Chile and Peru traded goods worth a billion dollars.' | af-events | jq -c '$j'"
	[ "$output" = '[["CHL","PER","060"],["PER","CHL","060"]]' ]
}

@test "news: an appeal to two organisations is no proposal of one of them: the UN and the EU are two parties, though both codes begin IGO" {
	j='[.events[] | [.source.actor, .target.actor, .code]]'
	run --separate-stderr bash -c "$(declare -f rec); rec 'UN Secretary-General Antonio Guterres said the European Union and Iran should expand trade.' | af-events | jq -c '$j'"
	[[ "$output" == *'"IGOUNO","IRN","020"'* ]]
	[[ "$output" == *'"IGOUNO","IGOEUREEC","020"'* ]]
	# the speaker's own party in the group: its proposal, an intent to cooperate with the others
	run --separate-stderr bash -c "$(declare -f rec); rec 'UN Secretary-General Antonio Guterres said the UN and Iran should expand cooperation.' | af-events | jq -c '$j'"
	[ "$output" = '[["IGOUNO","IRN","030"]]' ]
}

@test "news: force a noun names between two sides ('the war between Chile and Peru has intensified') is each side's on the other (190, symmetric); not when feared, wanted, a kind ('a war between'), unarmed, or a quarrel of two persons" {
	run news "The war between Chile and Peru has intensified in recent weeks."
	[ "$output" = '[["CHL","PER","190",true,false],["PER","CHL","190",true,false]]' ]
	run news "Ongoing clashes between Chile and Peru hurt the talks."
	[ "$(of_code 190)" = '[["CHL","PER","190",true,false],["PER","CHL","190",true,false]]' ]
	run news "Analysts warned of the risk of war between Chile and Peru."
	[ "$(of_code 190)" = '[]' ]
	run news "A war between Chile and Peru would be a disaster."
	[ "$(of_code 190)" = '[]' ]
	run news "The trade war between Chile and Peru hurt markets."
	[ "$(of_code 190)" = '[]' ]
	run news "A clash between President Alvaro Mendez and Prime Minister Lucia Torres seems likely."
	[ "$(of_code 190)" = '[]' ]
	# a list run past the two sides after a comma is not a third side
	run news "After the clashes between the Chilean and Peruvian border guards, a Bolivian spokesman spoke."
	[ "$(jq -c 'map(select(.[2] == "190") | .[0][:3])' <<<"$output")" = '["CHL","PER"]' ]
}

@test "news: condoling with an actor, sympathy voiced with it or condolences extended to it, are an empathetic comment (018)" {
	run news "The Chilean foreign minister condoled with Peru over the floods."
	[ "$(of_code 018)" = '[["CHLGOV","PER","018",false,false]]' ]
	run news "Chile expressed sympathy with Peru over the floods."
	[ "$(of_code 018)" = '[["CHL","PER","018",false,false]]' ]
}

@test "news: arriving in a place is visiting it (042), a companion 'with' is no host; goods, crowds and a people's numbers make no visit" {
	run news 'The Chilean foreign minister arrived in Lima on Monday.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHLGOV","PER","042"]]' ]
	run news 'The Chilean foreign minister arrived in Peru as part of a joint trip with the UN chief.'
	[ "$(jq -c 'map(.[1:3])' <<<"$output")" = '[["PER","042"]]' ]
	run news 'Some 20,000 Chilean nationals arrived in Peru during the holidays.'
	[ "$output" = '[]' ]
	run news 'About 30,000 Chileans visited Peru last year.'
	[ "$output" = '[]' ]
	run news 'The Chilean tankers arrived in Peru in July.'
	[ "$output" = '[]' ]
}

@test "news: a condemned attack is condemnation of its owner (111: 'condemned the Peruvian attack on Bolivia', 'attacks committed by X'), never of its victims; with no attacker named, no condemnation event" {
	run news "Chile condemned the Peruvian attack on Bolivia."
	[ "$(of_code 111)" = '[["CHL","PER","111",false,false]]' ]
	[ "$(jq -c 'map(select(.[0] == "CHL" and .[1] == "BOL"))' <<<"$output")" = '[]' ]
	run news "Chile condemned a suicide attack on a mosque in Peru."
	[ "$(jq -c 'map(select(.[0] == "CHL"))' <<<"$output")" = '[]' ]
	run news "Chile condemned the attack on a mosque in Lima by the Shining Path."
	[ "$(jq -c 'map(select(.[0] == "CHL") | .[1:3])' <<<"$output")" = '[["PERREB","111"]]' ]
}

@test "news: a time or place between a meeting noun and its 'with' ('a meeting on Sunday with', 'talks in Lima with') keeps the party" {
	run news 'The Chilean foreign minister made the remarks during a meeting on Sunday with the Peruvian president.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHLGOV","PERGOV","040"]]' ]
	run news 'The Chilean foreign minister made the remarks during a meeting in Lima with the Peruvian president.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHLGOV","PERGOV","040"]]' ]
	run news 'The Chilean foreign minister spoke during a phone conversation late on Thursday with the Peruvian president.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHLGOV","PERGOV","041"]]' ]
}

@test "news: a pair that talks an actor over consults each other, not the actor ('X and Y discussed the Peru crisis'); 'explored ways' is consulting; 'They discussed' after a meeting is its two sides" {
	run news 'The Chilean foreign minister and the Bolivian foreign minister discussed the Peru crisis.'
	[ "$(jq -c 'map(.[0:4])' <<<"$output")" = '[["CHLGOV","BOLGOV","040",true],["BOLGOV","CHLGOV","040",true]]' ]
	run news 'Chile and Bolivia explored ways to expand cooperation.'
	[ "$(jq -c 'map(.[0:4])' <<<"$output")" = '[["CHL","BOL","040",true],["BOL","CHL","040",true]]' ]
	# the object's own head is the party of a meeting
	run news 'Chile and Bolivia met the Peruvian president.'
	[ "$(jq -c 'map(.[1]) | unique' <<<"$output")" = '["PERGOV"]' ]
	run news 'The Chilean foreign minister met the Bolivian president in La Paz on Monday. They also discussed the situation in Peru.'
	[ "$(jq -c 'map(select(.[3])) | map(.[0:2] + [.[2][0:2]])' <<<"$output")" = '[["BOLGOV","CHLGOV","04"],["CHLGOV","BOLGOV","04"]]' ]
}

@test "news: 'X, the new envoy, on Monday met Y': a time between the apposition's comma and the verb is passed over; talks a host or conditions are readied for are not held" {
	run news 'Pablo Mendez, the new Chilean ambassador to Peru, on Monday met with the Peruvian foreign minister.'
	[ "$(jq -c 'map(.[0:3])' <<<"$output")" = '[["CHLGOV","PERGOV","040"]]' ]
	run news 'Bolivia has voiced its readiness to host talks between the Chilean government and the Peruvian government.'
	[ "$(jq -c 'map(select(.[3]))' <<<"$output")" = '[]' ]
	run news 'The prospect for direct talks between the Chilean government and the Peruvian government is uncertain.'
	[ "$output" = '[]' ]
}

@test "news: land captured or seized ('captured Lima', 'seized Peru') is territory occupied (192); a ship or people seized stay 171" {
	run news "The rebels of the Shining Path captured Lima on Friday."
	[ "$(jq -c 'map(.[1:3])' <<<"$output")" = '[["PER","192"]]' ]
	run news "Chile seized a Peruvian tanker in the Pacific."
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["171"]' ]
}

@test "news: what an actor is thanked or praised for ('thanked Peru for hosting Bolivian refugees') is its act (075); hosting immigrants is asylum too" {
	run news "Chile thanked Peru for hosting Bolivian refugees."
	[ "$(of_code 075)" = '[["PER","BOLREF","075",false,false]]' ]
	run news "The UN chief praised the actions of Peru in hosting Bolivian refugees."
	[ "$(jq -c 'map(select(.[2] == "075") | .[0])' <<<"$output")" = '["PER"]' ]
	run news "Peru hosts millions of Bolivian immigrants."
	[ "$(jq -c 'map(.[2])' <<<"$output")" = '["075"]' ]
}
