#!/usr/bin/env bats
# af-events' references to actors named before them (lib/events_refs.c, docs/af-events.1):
# pronouns, "the country", titles' later mentions; and the check that the sentences af-events
# passes over unparsed change nothing that later sentences resolve.

load test_helper
bats_require_minimum_version 1.5.0

# one record {"text": $1, "published": $2} through af-entities and af-quotes
up() {
	jq -nc --arg t "$1" --arg p "${2:-2024-05-01}" '{text: $t, published: $p}' | af-entities | af-quotes
}

# "SOURCE-TEXT SOURCE-CODE CODE TARGET-TEXT TARGET-CODE" of each event of the chain on $1
events() {
	up "$@" | af-events | jq -r '.events[] | "\(.source.text)|\(.source.actor)|\(.code)|\(.target.text)|\(.target.actor)"'
}

@test "refs: a sentence that names an actor but makes no event resolves later mentions as when every sentence is parsed" {
	# "Stephen Bannon, President Trump's brain" makes no event; the apposition, read from the
	# parse, codes Bannon, and "Bannon" in the next sentence takes that code in both modes
	up 'These are dangerous days for Stephen Bannon, President Trump’s brain. During the campaign, Bannon encouraged Trump to toss all convention overboard.' 2017-08-10 >"$T/up.json"
	af-events <"$T/up.json" >"$T/some.json"
	AF_EVENTS_ALL_SENTENCES=1 af-events <"$T/up.json" >"$T/all.json"
	cmp "$T/some.json" "$T/all.json"
	[ "$(jq -c '[.events[] | .source.actor]' "$T/some.json")" = '["USAGOV"]' ]
}
