#!/usr/bin/env bats
# The date resolver (lib/dateres.c) through both tools that use it: every row of
# fixtures/dates.tsv gives the same value in af-entities (the DATE mention) and in af-events
# (the date of the sentence's events, alone and after af-entities); ranges and deadlines are
# marked and never date an event. Then the one reader of `published` refuses invalid dates.

bats_require_minimum_version 1.5.0
load test_helper

TABLE=$FIX/dates.tsv

# the table's rows as records, published Wednesday 2025-12-10
rows() {
	grep -v '^#' "$TABLE" | while IFS=$'\t' read -r s _; do
		jq -nc --arg t "$s" '{text: $t, published: "2025-12-10"}'
	done
}

# what each row must give: [expression, value, kind, noevent]
wants() {
	grep -v '^#' "$TABLE" | jq -Rc 'split("\t") | {e: .[0+1], v: .[2], k: .[3], noevent: (.[4] == "noevent")}'
}

@test "the table has a row for every expression of the issue" {
	run cut -f2 <(grep -v '^#' "$TABLE")
	for e in Thursday "last Thursday" "next Thursday" "last week" "this week" "next month" \
		"Earlier this month" "Earlier this year" "This year" "Three days ago" "two weeks ago" \
		"10 years ago" "early July" "mid-July" "late July" Yesterday Today tomorrow \
		"since the late 1980s" "until September 11" "between May and July" "by the end of the year"; do
		assert_line "$e"
	done
}

@test "af-entities: every expression of the table, with its value and kind" {
	rows | af-entities >"$T/ent"
	paste -d '\n' <(wants) <(jq -c '[.entities[] | select(.type == "DATE")]' "$T/ent") |
		jq -nc '[inputs] | _nwise(2) | . as [$w, $got]
			| select(any($got[]; .text == $w.e and .value == $w.v
				and (.kind // "point") == $w.k) | not) | [$w, $got]' >"$T/bad"
	[ ! -s "$T/bad" ] || { cat "$T/bad"; false; }
	[ "$(wc -l <"$T/ent")" -eq "$(grep -vc '^#' "$TABLE")" ]
}

# events of each row against the table: a point dates them ("text"), a range or deadline
# never does (the publication date, "published")
check_events() {
	paste -d '\n' <(wants) <(jq -c '.events' "$1") |
		jq -nc '[inputs] | _nwise(2) | . as [$w, $ev] | select($w.noevent | not)
			| select(($ev | length) == 0
				or ($w.k == "point" and any($ev[]; .date != $w.v or .date_source != "text"))
				or ($w.k != "point" and any($ev[]; .date != "2025-12-10" or .date_source != "published")))
			| [$w, $ev]' >"$T/bad"
	[ ! -s "$T/bad" ] || { cat "$T/bad"; false; }
}

@test "af-events alone (its own reading of the text): the same dates as af-entities" {
	rows | af-events >"$T/ev"
	check_events "$T/ev"
}

@test "af-events after af-entities (the DATE entities): the same dates" {
	rows | af-entities | af-events >"$T/ev"
	check_events "$T/ev"
}

@test "af-events: with no date in the sentence, the publication date, else the dateline's; else none" {
	run bash -c "jq -nc '{text: \"Iran accused Pakistan of harbouring militants.\", published: \"2025-12-10T08:00:00+04:30\"}' | af-events | jq -c '[.events[] | [.date, .date_source]]'"
	assert_output '[["2025-12-10","published"]]'
	run bash -c "jq -nc '{text: \"Iran accused Pakistan of harbouring militants.\", dateline: {place: \"Kabul\", date: \"2025-12-09\"}}' | af-events | jq -c '[.events[] | [.date, .date_source]]'"
	assert_output '[["2025-12-09","dateline"]]'
	run bash -c "jq -nc '{text: \"Iran accused Pakistan of harbouring militants.\"}' | af-events | jq -c '[.events[] | [.date, .date_source]]'"
	assert_output '[[null,null]]'
	# no publication date: what the words alone fix still dates the event
	run bash -c "jq -nc '{text: \"Iran accused Pakistan in March 2021 of harbouring militants.\"}' | af-events | jq -c '[.events[] | [.date, .date_source]]'"
	assert_output '[["2021-03","text"]]'
}

@test "no publication date: relative expressions are found without a value, ranges stay open" {
	jq -nc '{text: "Last week, since 2015 and in 2022, three days ago."}' | af-entities >"$T/out"
	run jq -c '[.entities[] | [.text, .value, .kind]]' "$T/out"
	assert_output '[["Last week",null,null],["since 2015","2015/..","range"],["2022","2022",null],["three days ago",null,null]]'
}

@test "invalid published dates are refused with a message, taken as absent, never passed on" {
	for bad in 2025-02-30 0000-01-01 2025-12-10T10:00:00+99:99 2025-13-01 yesterday; do
		for tool in af-entities af-events; do
			run --separate-stderr bash -c "printf '%s\n' '{\"text\":\"x\"}' \
				'{\"text\":\"Iran accused Pakistan on Tuesday of harbouring militants.\",\"published\":\"$bad\"}' | $tool"
			[ "$status" -eq 0 ]
			[[ "$stderr" == *"line 2: published: \"$bad\" is not a valid date"*"taken as absent"* ]] ||
				{ echo "$tool $bad: $stderr"; false; }
			# the value is not used: no date resolved against it, no event dated by it
			run jq -c '[(.entities // [])[] | select(.type == "DATE") | .value], [(.events // [])[] | .date]' <<<"${lines[1]}"
			refute_output --partial "$bad"
			refute_output --partial '"-0'
		done
	done
	# the record itself still carries the field unchanged
	run bash -c "jq -nc '{text: \"x\", published: \"2025-02-30\"}' | af-entities 2>/dev/null | jq -r .published"
	assert_output 2025-02-30
}

@test "valid published forms are accepted quietly" {
	for ok in 2025-12-10 2025-12-10T18:53:26+05:30 2025-12-10T18:53:26Z "2025-12-10 18:53" 2025-12-10T18:53:26.120-04:00 20251210 2024-02-29; do
		run --separate-stderr bash -c "jq -nc --arg p '$ok' '{text: \"Iran accused Pakistan on Tuesday.\", published: \$p}' | af-entities"
		[ "$status" -eq 0 ]
		[ -z "$stderr" ] || { echo "$ok: $stderr"; false; }
	done
}

@test "a user's lexicon adds words to the resolver; a misspelt key is refused with file:line:col" {
	printf 'resolve:\n  relative_days: {overmorrow: 2}\n' >"$T/lex.yaml"
	run bash -c "jq -nc '{text: \"They meet overmorrow.\", published: \"2025-12-10\"}' | af-entities --lexicon $T/lex.yaml | jq -c '[.entities[] | [.text, .value]]'"
	assert_output '[["overmorrow","2025-12-12"]]'
	printf 'resolve:\n  relative_dayz: {overmorrow: 2}\n' >"$T/bad.yaml"
	run --separate-stderr af-entities --lexicon "$T/bad.yaml" </dev/null
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"bad.yaml:2:3"*"unknown key 'relative_dayz'"* ]]
}
