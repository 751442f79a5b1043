#!/usr/bin/env bats
# af-events' actor codes (docs/af-events.1, ACTORS): chosen by the date the sentence speaks of
# with the rule af-entities follows, so one mention gets one code in both stages; titles of
# office; one scheme for the Taliban.

load test_helper
bats_require_minimum_version 1.5.0

# af-entities | af-events on one record; published omitted when $2 is ""
chain() {
	jq -nc --arg t "$1" --arg p "${2-2024-05-01}" 'if $p == "" then {text: $t} else {text: $t, published: $p} end' |
		af-entities | af-events
}

# "SOURCE-CODE TARGET-CODE" of each event
sides() {
	chain "$@" | jq -r '.events[] | "\(.source.actor) \(.target.actor)"'
}

# the code af-entities and af-events give the same mention: "TEXT ENTITY-CODE EVENT-CODE"
both() {
	chain "$@" | jq -r '.entities as $e | .events[] | .source as $s
		| ($e[] | select(.start == $s.start and .end == $s.end) | .code) as $c
		| "\($s.text) \($c) \($s.actor)"'
}

@test "actors: a date in the sentence chooses the codes, else the publication date" {
	run sides 'In 2010 the Taliban attacked Pakistani troops.'
	[ "$output" = 'AFGREB PAKMIL' ]
	run sides 'The Taliban attacked Pakistani troops.'
	[ "$output" = 'AFGGOV PAKMIL' ]
	run sides 'The Taliban attacked Pakistani troops.' 2015-03-01
	[ "$output" = 'AFGREB PAKMIL' ]
}

@test "actors: a date inside a 'who/which' aside is its clause's, not the sentence's" {
	run sides 'The Taliban, who seized Kabul in 2019, accused Pakistan of supporting rebels.'
	[ "${lines[-1]}" = 'AFGGOV PAK' ]
}

@test "actors: af-entities and af-events give the Taliban one code, dated or not" {
	run both 'In 2010 the Taliban attacked Pakistani troops.'
	[ "$output" = 'Taliban AFGREB AFGREB' ]
	run both 'The Taliban attacked Pakistani troops.'
	[ "$output" = 'Taliban AFGGOV AFGGOV' ]
	run both 'The Taliban, who seized Kabul in 2019, accused Pakistan of supporting rebels.'
	[ "${lines[-1]}" = 'Taliban AFGGOV AFGGOV' ]
	# no date at all: what the Taliban were for most of their history, in both stages
	run both 'The Taliban attacked Pakistani troops.' ''
	[ "$output" = 'Taliban AFGREB AFGREB' ]
}

@test "actors: the Taliban named as a government are one on any date" {
	run sides 'The Islamic Emirate criticized Pakistan.' ''
	[ "$output" = 'AFGGOV PAK' ]
	run sides 'The Taliban administration criticized Pakistan.' 2015-03-01
	[ "$output" = 'AFGGOV PAK' ]
}

@test "actors: a title gives the office held; later mentions of the person keep it" {
	# Ghani's dictionary code out of office is AFGELI; the text says he is president
	run sides 'President Ashraf Ghani criticized Pakistan. Ghani also praised Iran.' ''
	[ "$output" = $'AFGGOV PAK\nAFGGOV IRN' ]
	run sides 'Former President Hamid Karzai criticized Pakistan.'
	[ "$output" = 'AFGELI PAK' ]
	run sides 'Iranian Foreign Minister Mohammad Javad Zarif met Pakistani officials. Zarif later criticized India.' ''
	[ "${lines[-1]}" = 'IRNGOVFRM IND' ]
}

@test "actors: a title after a group keeps the group's code; one of no country takes the person's" {
	run sides 'Taliban spokesman Zabihullah Mujahid criticized Pakistan.' 2019-05-01
	[ "$output" = 'AFGREB PAK' ]
	# "Deputy" alone is a police deputy in the Phoenix agents; af-entities knows Araghchi is Iranian
	run sides 'Deputy Foreign Minister Abbas Araghchi criticized Pakistan.' ''
	[ "$output" = 'IRNGOVFRM PAK' ]
}

@test "actors: an actor's own role is not stacked with an agent's" {
	run sides 'A Taliban commander attacked Pakistani troops.' 2015-03-01
	[ "$output" = 'AFGREB PAKMIL' ]
}
