#!/usr/bin/env bats
# af-events: acts said in non-finite and dependent clauses (lib/events_clauses.c,
# docs/af-events.1): purpose infinitives, intent words before "to", participles.

load test_helper
bats_require_minimum_version 1.5.0

# "SOURCE-TEXT|SOURCE-CODE|CODE|TARGET-TEXT|TARGET-CODE" of each event of the chain on $1
events() {
	jq -nc --arg t "$1" --arg p "${2:-2024-05-01}" '{text: $t, published: $p}' | af-entities | af-quotes | af-events |
		jq -r '.events[] | "\(.source.text)|\(.source.actor)|\(.code)|\(.target.text)|\(.target.actor)"'
}

@test "clauses: a purpose after the verb's phrase is the subject's act (a meeting, force)" {
	run events 'The Iraqi foreign minister arrived in Tehran on Sunday to confer with Iranian officials.'
	[[ "$output" == *'Iraqi foreign minister|IRQGOV|04'*'|Iranian officials|IRNGOV'* ]]
	run events 'Russian bombers took off from an airbase in Iran on Monday to attack Daesh in Syria.'
	[[ "$output" == *'Russian bombers|RUSMIL|19'*'|Daesh|'* ]]
}

@test "clauses: no purpose act after an object, a 'for X', a passive or a complement verb" {
	# a noun's complement: an effort is no act
	run events 'Iran made an effort to reduce tension between Pakistan and India.'
	[ "$output" = '' ]
	# what is asked of others: the appeal only
	run events 'Russia asked other countries to meet Iran.'
	[ "$output" = 'Russia|RUS|020|Iran|IRN' ]
	# an offer for someone else to act
	run events 'Russia supported an offer for Iraq to hold talks with Iran.'
	[[ "$output" != *'Iraq|IRQ|04'* ]]
	# a passive's task is not done
	run events 'Russian bombers were sent by Moscow to attack Daesh.'
	[[ "$output" != *'|19'* ]]
	# an aim of cooperation is no act ("to mend ties")
	run events 'Iran and Saudi Arabia held private talks in Baghdad to mend ties.'
	[[ "$output" != *'|05'* ]]
}

@test "clauses: an intent word after 'be' codes the infinitive's act as the intent (03x); a capability is none" {
	run events 'Turkey is willing to meet with Iran.'
	[[ "$output" == 'Turkey|TUR|03'*'|Iran|IRN' ]]
	run events 'Turkey is able to meet with Iran.'
	[ "$output" = '' ]
	run events 'Turkey is not ready to meet with Iran.'
	[ "$output" = '' ]
}

@test "clauses: an act on a timetable ('is scheduled / due / set to') is its announced intent (03x)" {
	run events 'The Chilean president is scheduled to visit Peru next month.'
	[[ "$output" == *'|CHL'*'|036|Peru|PER'* ]]
	run events 'Chile is due to hold talks with Peru.'
	[[ "$output" == 'Chile|CHL|036|Peru|PER' ]]
	run events 'The Peruvian foreign minister is set to travel to Chile.'
	[[ "$output" == *'|PERGOV|036|Chile|CHL'* ]]
	# a timetable of no cooperation is no intent
	run events 'Chile is set to impose sanctions on Peru.'
	[[ "$output" != *'|03'* ]]
}

@test "clauses: a verb of aspect before 'to' ('continued / began to') is the act of the verb after it" {
	run events 'Chile continued to attack Peru.'
	[[ "$output" == 'Chile|CHL|19'*'|Peru|PER' ]]
	run events 'Chile began to withdraw its forces from Peru.'
	[[ "$output" == 'Chile|CHL|087'*'|Peru|PER' ]]
	# with the aspect verb's modal: an announced act is the intent
	run events 'Chile will continue to support Peru.'
	[[ "$output" == 'Chile|CHL|03'*'|Peru|PER' ]]
	# the noun after the aspect verb is no infinitive
	run events 'Prices continued to rise in Chile.'
	[ "$output" = '' ]
}

@test "clauses: 'is determined to' and a verb of aim ('seeks / plans to') code the infinitive's cooperation as the intent; hostile aims are none" {
	run events 'Turkey is determined to expand cooperation with Iran.'
	[[ "$output" == 'Turkey|TUR|03'*'|Iran|IRN' ]]
	run events 'Turkey seeks to expand relations with Iran.'
	[[ "$output" == 'Turkey|TUR|03'*'|Iran|IRN' ]]
	run events 'Chile and Peru plan to hold talks on trade.'
	[[ "$output" == *'Chile|CHL|036|Peru|PER'* ]]
	run events 'Turkey seeks to topple the Syrian government.'
	[ "$output" = '' ]
	# "plan", "intend", "aim" have no code of their own: a hostile plan is no intent to cooperate
	run events 'Israel plans to attack Iran.'
	[ "$output" = '' ]
	run events 'Turkey intended to punish Syria.'
	[ "$output" = '' ]
	run events 'Turkey intends to hold talks with Iran.'
	[[ "$output" == 'Turkey|TUR|036|Iran|IRN' ]]
	# said of a thing, not an actor's aim
	run events 'The new plant is intended to increase cooperation between Iran and Tajikistan.'
	[ "$output" = '' ]
	# the intended act's party is in the infinitive's own phrases, not a later clause's
	run events 'Chile is seeking to improve its air defense after the Peruvian army launched attacks.'
	[[ "$output" != *'|03'* ]]
	# widening ties with no party named: the members' with each other
	run events 'Chilean and Peruvian diplomats are determined to expand cooperation.'
	[[ "$output" == *'Chilean|CHL|03'*'|Peruvian diplomats|PERGOV'* ]]
	[[ "$output" == *'Peruvian diplomats|PERGOV|03'*'|Chilean|CHL'* ]]
	run events 'Iran and Russia are determined to help Syria.'
	[[ "$output" != *'Iran|IRN|03'*'|Russia|'* ]]
}

@test "clauses: a participle after a message is its author's act; other nouns' participles are background" {
	run events 'France issued a statement condemning Israel.'
	[ "$output" = 'France|FRA|111|Israel|ISR' ]
	run events 'Pakistan rejected a recent Indian report accusing China.'
	[[ "$output" == *'Indian|IND|112|China|CHN'* ]]
	run events 'The bill is U.S. legislation exposing OPEC members to lawsuits.'
	[[ "$output" != *'|05'* ]]
	run events 'The summit had some Western and Saudi figures serving as guests.'
	[ "$output" = '' ]
}

@test "clauses: 'forces' after an actor joins its chunk as its military; the verb 'forces' does not" {
	run events 'Paris announced the withdrawal of French forces from Mali.'
	[ "$output" = 'French forces|FRAMIL|0874|Mali|MLI' ]
	run events 'The Taliban forces attacked the city of Kunduz.' 2020-05-01
	[[ "$output" == 'Taliban forces|AFGREB|19'* ]]
	run events 'Iran forces the U.S. to leave Iraq.'
	[[ "$output" == 'Iran|IRN|'* ]]
}

@test "clauses: the owner of a readiness voiced is whose intent it is; the party is the actor after it" {
	run events "The Chilean minister expressed Chile's readiness to help Peru."
	[[ "$output" == *'|CHLGOV|030|Peru|PER' ]]
	run events "The Chilean minister announced his country's full readiness to expand ties with Peru."
	[[ "$output" == *'|CHLGOV|030|Peru|PER' ]]
	# with no party after it, no event: the owner is not the party
	run events "The Chilean minister expressed Peru's readiness."
	[ "$output" = '' ]
}
