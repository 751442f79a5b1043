#!/usr/bin/env bats
# af-events: the sides of clause verbs (issue 12): targets behind a preposition the verb
# pattern names (data/events.yaml), and what must stay as it was.

load test_helper
bats_require_minimum_version 1.5.0

# "SOURCE-TEXT|SOURCE-CODE|CODE|TARGET-TEXT|TARGET-CODE" of each event of the chain on $1
events() {
	jq -nc --arg t "$1" --arg p "${2:-2024-05-01}" '{text: $t, published: $p}' | af-entities | af-quotes | af-events |
		jq -r '.events[] | "\(.source.text)|\(.source.actor)|\(.code)|\(.target.text)|\(.target.actor)"'
}

@test "targets: blame put or pinned on an actor accuses it (112), the actor after 'on'" {
	run events 'The Chilean president also put the blame on Peru.'
	[ "$output" = 'Chilean president|CHLGOV|112|Peru|PER' ]
	run events 'Chile pinned the blame for the attack on Peru.'
	[ "$output" = 'Chile|CHL|112|Peru|PER' ]
	run events 'Chile placed the blame on Peru.'
	[ "$output" = 'Chile|CHL|112|Peru|PER' ]
	# the actor blamed as the object keeps CAMEO.2.0's pattern
	run events 'Chile blamed Peru for the attack.'
	[ "$output" = 'Chile|CHL|1124|Peru|PER' ]
}

@test "targets: pressure put, exerted or applied on an actor coerces it (170)" {
	run events 'The Chilean government put the maximum pressure on Peru.'
	[ "$output" = 'Chilean government|CHLGOV|170|Peru|PER' ]
	run events 'Chile is putting pressure on the Peruvian government.'
	[ "$output" = 'Chile|CHL|170|Peruvian government|PERGOV' ]
	run events 'Chile exerted pressure on Peru.'
	[ "$output" = 'Chile|CHL|170|Peru|PER' ]
	run events 'Chile applied pressure on Peru.'
	[ "$output" = 'Chile|CHL|170|Peru|PER' ]
	# the verbs keep their CAMEO.2.0 codes without "pressure"
	run events 'Chile applied to join the OAS.'
	[[ "$output" == 'Chile|CHL|020|OAS|'* ]]
	run events 'Chile imposed sanctions on Peru.'
	[ "$output" = 'Chile|CHL|163|Peru|PER' ]
}
