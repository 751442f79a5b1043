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

@test "targets: a subject keeps its verb across a modifier clause and a coordinated verb" {
	# the scan's nearest actor sits in a relative or participle clause on the subject
	run events 'Chilean Foreign Minister Andres Allamand who visited Lima on Monday also met with the Peruvian president.'
	[[ "$output" == *'Chilean Foreign Minister Andres Allamand|CHLGOV|040|Peruvian president|PERGOV'* ]]
	run events "A Chilean delegation led by deputy head of the ministry's political bureau Andres Allamand met with the Peruvian president on Sunday in Lima."
	# (the delegation with its country is its government, PARTY_NOUN: CHLGOV)
	[[ "$output" == *'Chilean'*'|CHL'*'|040|Peruvian president|PERGOV'* ]]
	# a coordinated verb shares a subject whose head has an "of" phrase ("The commander of
	# the Chilean army, ..., visited Lima ... and met"): not Lima's meeting
	run events 'The commander of the Chilean army, Andres Allamand, visited Lima a few days ago and met with the Peruvian president.'
	[[ "$output" == *'commander of the Chilean army|CHLMIL|040|Peruvian president|PERGOV'* ]]
}

@test "targets: a gerund is a direct object, so a list backing one acts each on its own" {
	run events 'The foreign ministers of Chile, Peru and Bolivia met in Lima and backed expanding the ceasefire.'
	[[ "$output" == *'|040|'* ]]
	[[ "$output" != *'|050|'* ]]
}

@test "targets: force launched, waged or conducted on an actor (190, 195), the actor after 'on' / 'against'" {
	run events 'Chile launched a devastating war on Peru in March 2015.'
	[ "$output" = 'Chile|CHL|190|Peru|PER' ]
	run events 'Chilean forces conducted airstrikes against Peruvian militias.'
	[ "$output" = 'Chilean forces|CHLMIL|195|Peruvian militias|PERUAF' ]
	run events 'Chile has launched fresh attacks on Peru.'
	[ "$output" = 'Chile|CHL|190|Peru|PER' ]
}

@test "targets: 'X told Y that ...' is X's statement to Y (010), beside what it reports; an audience or a channel told is none" {
	run events 'The Chilean president told his Peruvian counterpart that Chile will open the border.'
	[ "$output" = 'Chilean president|CHLGOV|010|Peruvian counterpart|PERGOV' ]
	run events 'Chile informed the United Nations that it will leave the treaty.'
	[ "$output" = 'Chile|CHL|010|the United Nations|IGOUNO' ]
	run events 'The Chilean president told Peru that Bolivia attacked Argentina.'
	[ "$output" = 'Chilean president|CHLGOV|010|Peru|PER
Bolivia|BOL|190|Argentina|ARG' ]
	run events 'The Chilean president told reporters that Chile will open the border.'
	[ "$output" = '' ]
	run events 'The Chilean president told the Peruvian News Agency that Chile will open the border.'
	[ "$output" = '' ]
	# a meeting told is an audience: only the demand it reports
	run events 'The Chilean president told a cabinet meeting that Peru should open the border.'
	[ "$output" = 'Chilean president|CHLGOV|020|Peru|PER' ]
}

@test "targets: a backing voiced or pledged with its owner ('pledged Chile's support for Peru') is the owner's stance; the party is after it" {
	run events "The Chilean president pledged Chile's support for Peru."
	[ "$output" = 'Chilean president|CHLGOV|032|Peru|PER' ]
	run events "The Bolivian envoy expressed Bolivia's solidarity with the people of Peru."
	[ "$output" = 'Bolivian envoy|BOLGOV|051|people of Peru|PERCVL' ]
	# praise of an owner's support praises the owner; thanks for it thank it
	run events "The Chilean president praised Peru's support for Bolivia."
	[ "$output" = 'Chilean president|CHLGOV|051|Peru|PER' ]
	run events "The Chilean president hailed Peru's support to Bolivia."
	[ "$output" = 'Chilean president|CHLGOV|051|Peru|PER' ]
	run events "The Chilean president expressed gratitude for Peru's support."
	[ "$output" = 'Chilean president|CHLGOV|051|Peru|PER' ]
}

@test "targets: a title's complement chunk in no group is passed over, not read (it crashed af-events)" {
	jq -nc --arg t "Addressing the meeting, Chilean Deputy Oil Minister for International Affairs and Trading Pedro Gomez touched upon the two countries' long history of cooperation and said Chile and Peru have great potentials." '{text: $t}' |
		af-entities | af-quotes >"$BATS_TEST_TMPDIR/in.json"
	run af-events "$BATS_TEST_TMPDIR/in.json"
	[ "$status" -eq 0 ]
	[ -n "$output" ]
}

@test "targets: a message's participle after a time ('issued a statement on Sunday condemning X') is its author's act" {
	run events 'France issued a statement on Sunday condemning Israel.'
	[ "$output" = 'France|FRA|111|Israel|ISR' ]
	run events 'France issued a statement on November 5 condemning Israel.'
	[ "$output" = 'France|FRA|111|Israel|ISR' ]
	# a comma before the time ends the message's phrase
	run events 'France issued a statement, on Sunday condemning Israel.'
	[ "$output" = '' ]
}
