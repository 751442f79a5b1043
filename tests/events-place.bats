#!/usr/bin/env bats
# af-events: sides lost to their kind (issue 12): the owner of
# frozen assets, a force sent to a place, force taken up by means of a thing; and what a
# participle or a standing measure named is not.

load test_helper
bats_require_minimum_version 1.5.0

# "SOURCE-TEXT|SOURCE-CODE|CODE|TARGET-TEXT|TARGET-CODE" of each event of the chain on $1
events() {
	jq -nc --arg t "$1" --arg p "2024-05-01" '{text: $t, published: $p}' | af-entities | af-quotes |
		AF_EVENTS_ASSERT=off af-events |
		jq -r '.events[] | "\(.source.text)|\(.source.actor)|\(.code)|\(.target.text)|\(.target.actor)"'
}

@test "place: frozen assets or funds are a sanction on their owner (163)" {
	run events "Chile froze Peru's assets."
	[ "$output" = 'Chile|CHL|163|Peru|PER' ]
	run events 'Chile has frozen 2 billion dollars of Peruvian funds.'
	[ "$output" = 'Chile|CHL|163|Peruvian|PER' ]
	# a participle before its noun is an adjective, no act of freezing
	run events 'Chile plans to use frozen Peruvian assets.'
	[ "$output" = '' ]
}

@test "place: a participle right after a verb, before a noun, is no verb of its own" {
	run events 'Bolivia rejected repeated calls by Peru for joint operations.'
	[[ "$output" != *'|111|'* ]]
}

@test "place: a blockade named, with no word of its onset, is an ongoing condition" {
	run events "Chile's ongoing blockade on Peru killed hundreds."
	[[ "$output" != *'|170|'* ]]
	run events 'Chile imposed new sanctions on Peru.'
	[ "$output" = 'Chile|CHL|163|Peru|PER' ]
}

@test "place: troops sent to a place: the place is the party, not the troops" {
	run events 'Chile deployed 230 troops to Bolivia.'
	[ "$output" = 'Chile|CHL|062|Bolivia|BOL' ]
}

@test "place: force taken up by means of a thing ('exploited the attacks to invade X')" {
	run events 'Chile exploited the attacks to invade Peru.'
	[ "$output" = 'Chile|CHL|192|Peru|PER' ]
	# what follows another verb's object is the object's complement, no act
	run events 'Chile has the capability to harm Peru.'
	[ "$output" = '' ]
	run events 'Chile took measures to counter Peru.'
	[ "$output" = '' ]
}

@test "place: an aggression against a place or an actor is force on it (190); 'any' such act is none" {
	run events "Chile's aggression against Peru killed 40 people."
	[[ "$output" == *'Chile|CHL|190|Peru|PER'* ]]
	run events 'The Chilean aggression on Peru began in May.'
	[ "$output" = 'Chilean|CHL|190|Peru|PER' ]
	run events 'Peru will respond to any Chilean attack on Peru.'
	[ "$output" = '' ]
}

@test "place: a verb of means' infinitive is no joint act of the subject's members; troops sent into a country are no cooperation with it" {
	run events 'Some rioters used pistols to attack police and fire at protesters.'
	[ "$status" -eq 0 ]
	refute_output --regexp 'rioters\|[^|]*\|[0-9]+\|rioters\|'
	run events 'Turkey sent troops into Syria.'
	[ "$status" -eq 0 ]
	refute_output --regexp 'TUR\|06[0-9]\|Syria\|'
}
