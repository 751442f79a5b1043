#!/usr/bin/env bats
# af-entities: the sample's gold entities (canonical names, date values, roles, must_not),
# offsets that slice the text, transliteration variants, within-article canonical names,
# dates, --lexicon (adds; errors with file:line:col and status 78), and bad input.

load test_helper
bats_require_minimum_version 1.5.0

# the sample cleaned, then through af-entities, into $T/out
sample_entities() {
	af-clean "$SAMPLE" >"$T/clean"
	af-entities <"$T/clean" >"$T/out"
}

# one record {"text": $1, "published": $2} through af-entities; entities as compact lines
ents() {
	jq -nc --arg t "$1" --arg p "${2:-2025-12-10T18:53:26+05:30}" '{text: $t, published: $p}' >"$T/in"
	af-entities "${@:3}" <"$T/in" >"$T/out"
	jq -c '.entities[]' "$T/out"
}

@test "the sample: every gold entity with its canonical name (DATE: its value)" {
	sample_entities
	# one line "TYPE<TAB>canonical<TAB>surface" per gold mention
	jq -r '.entities | to_entries[] | select(.key != "roles" and .key != "must_not")
	       | .key as $t | .value | to_entries[] | .key as $c | .value[] | [$t, $c, .] | @tsv' "$GOLD" >"$T/gold"
	[ -s "$T/gold" ] || fail "no gold entities read"
	missing=""
	while IFS=$'\t' read -r type canon surface; do
		if [ "$type" = DATE ]; then
			want='any(.entities[]; .type == "DATE" and .text == $s and .value == $c)'
		else
			want='any(.entities[]; .type == $t and .text == $s and .canonical == $c)'
		fi
		jq -e --arg t "$type" --arg c "$canon" --arg s "$surface" "$want" "$T/out" >/dev/null ||
			missing="$missing | $type $surface -> $canon"
	done <"$T/gold"
	[ -z "$missing" ] || fail "missing:$missing"
}

@test "the sample: the gold roles and organisations" {
	sample_entities
	n=$(jq '.entities.roles | length' "$GOLD")
	[ "$n" -ge 4 ]
	for i in $(seq 0 $((n - 1))); do
		jq -e --argjson g "$(jq -c ".entities.roles[$i]" "$GOLD")" '
			any(.entities[]; .canonical == $g.canonical
			    and ((.role // "") | ascii_downcase | contains($g.role | ascii_downcase))
			    and ((.org // "") | ascii_downcase | contains($g.org | ascii_downcase)))' "$T/out" >/dev/null ||
			fail "role of $(jq -c ".entities.roles[$i]" "$GOLD") not found"
	done
}

@test "the sample: nothing in must_not (the quoted title is not an ORG)" {
	sample_entities
	run jq -c --argjson mn "$(jq -c '.entities.must_not' "$GOLD")" '
		[.entities[] as $e | $mn[] | select($e.text == .text and (.type == "*" or .type == $e.type))]' "$T/out"
	assert_output '[]'
	run jq -r '.entities[] | select(.text | test("National Consensus")) | .text' "$T/out"
	assert_output ''
}

@test "the sample: offsets are code points and slice the text exactly" {
	sample_entities
	run jq -c '[.text as $t | .entities[] | select($t[.start:.end] != .text)]' "$T/out"
	assert_output '[]'
	# Tehran’s: a curly apostrophe before an entity is counted as one code point
	run jq -c '[.text as $t | .entities[] | select(.text == "Kabul" or .text == "Iran") | .start] | length > 3' "$T/out"
	assert_output true
}

@test "the sample passes af-sample-check and af-contract-check" {
	need_shared
	run "$SHARED/tools/af-sample-check" "$AF_BIN" entities
	assert_success
	assert_output --partial "checks pass"
	af-clean "$SAMPLE" >"$T/clean"
	af-entities <"$T/clean" >"$T/out"
	run "$SHARED/tools/af-contract-check" entities "$T/clean" "$T/out"
	assert_success
}

@test "running twice gives the same line; other fields untouched" {
	sample_entities
	af-entities <"$T/out" >"$T/out2"
	cmp "$T/out" "$T/out2"
	run jq -c '[.af.stages, (.removed | length > 0), .id]' "$T/out"
	assert_output '[["clean","entities"],true,"ians-afghan-opposition"]'
}

@test "transliteration variants match the lexicon by rule" {
	run ents "Mohaqqeq met Haibatullah Akhundzada, Amir Khan Mutaqi, Yunus Qanooni and Gulbuddin Hikmatyar in Qunduz."
	assert_line --partial '"text":"Mohaqqeq","type":"PERSON"'
	assert_line --partial '"text":"Haibatullah Akhundzada","type":"PERSON"'
	assert_line --partial '"text":"Amir Khan Mutaqi","type":"PERSON"'
	assert_line --partial '"text":"Yunus Qanooni","type":"PERSON"'
	assert_line --partial '"text":"Gulbuddin Hikmatyar","type":"PERSON"'
	assert_line --partial '"text":"Qunduz","type":"LOC"'
	# the lexicon's codes come along
	run jq -r '.entities[] | select(.text == "Mohaqqeq") | .code' "$T/out"
	assert_output AFGOPP
}

@test "short names take the full name; people sharing a surname stay apart" {
	run ents "Ahmad Massoud met Ahmad Shah Massoud's old allies. Later Massoud said the front would fight. Abdul Rashid Dostum agreed, and Dostum left."
	assert_line --partial '"text":"Ahmad Massoud","type":"PERSON","start":0,"end":13,"canonical":"Ahmad Massoud"'
	assert_line --partial '"text":"Ahmad Shah Massoud","type":"PERSON","start":18,"end":36,"canonical":"Ahmad Shah Massoud"'
	assert_line --partial '"text":"Dostum","type":"PERSON","start":125,"end":131,"canonical":"Abdul Rashid Dostum"'
	# an unknown name: the surname alone later takes the full name
	run ents "Rahmatullah Zadran, a local elder, told reporters the road was closed. Zadran said he fled."
	assert_line --partial '"text":"Zadran","type":"PERSON","start":71,"end":77,"canonical":"Rahmatullah Zadran"'
}

@test "roles: title before the name, after it, and led by" {
	run ents "Taliban Foreign Minister Amir Khan Muttaqi met Iranian President Masoud Pezeshkian."
	assert_line --partial '"text":"Amir Khan Muttaqi","type":"PERSON","start":25,"end":42,"canonical":"Amir Khan Muttaqi","id":"person:amir-khan-muttaqi","code":"AFGGOV","role":"Foreign Minister","org":"Taliban"'
	assert_line --partial '"role":"President","org":"Iran"'
	run ents "Hamdullah Fitrat, deputy spokesman of the Islamic Emirate, spoke. A spokesman for the Taliban government, Zabihullah Mujahid, said so."
	assert_line --partial '"text":"Hamdullah Fitrat","type":"PERSON","start":0,"end":16,"canonical":"Hamdullah Fitrat","id":"person:hamdullah-fitrat","code":"AFGGOV","role":"deputy spokesman","org":"Islamic Emirate"'
	assert_line --partial '"text":"Zabihullah Mujahid","type":"PERSON","start":106,"end":124,"canonical":"Zabihullah Mujahid","id":"person:zabihullah-mujahid","code":"AFGGOV","role":"spokesman","org":"Taliban"'
	run ents "They joined the Kabul Traders Union, led by Haji Karim Nazari and Ahmad Wali."
	assert_line --partial '"text":"Karim Nazari","type":"PERSON","start":49,"end":61,"canonical":"Karim Nazari","id":"person:karam-nazara","role":"leader","org":"Kabul Traders Union"'
	assert_line --partial '"text":"Ahmad Wali","type":"PERSON","start":66,"end":76,"canonical":"Ahmad Wali","id":"person:ahmad-wala","role":"leader","org":"Kabul Traders Union"'
}

@test "dates resolve against published" {
	# published Wednesday 2025-12-10
	run ents "It was released on Tuesday. Talks on December 10 and 3 January 2024 in 2022, 1989-90, the 1990s and 2001-2021. Next Friday he will go. It rose 2021 troops."
	assert_line --partial '"text":"Tuesday","type":"DATE","start":19,"end":26,"canonical":"2025-12-09","value":"2025-12-09"'
	assert_line --partial '"text":"December 10","type":"DATE","start":37,"end":48,"canonical":"2025-12-10","value":"2025-12-10"'
	assert_line --partial '"text":"3 January 2024","type":"DATE","start":53,"end":67,"canonical":"2024-01-03","value":"2024-01-03"'
	assert_line --partial '"value":"2022"'
	assert_line --partial '"value":"1989-90"'
	assert_line --partial '"value":"1990-1999"'
	assert_line --partial '"value":"2001-2021"'
	# the whole expression, "Next" included (it says which Friday)
	assert_line --partial '"text":"Next Friday","type":"DATE","start":111,"end":122,"canonical":"2025-12-12","value":"2025-12-12"'
	refute_line --partial '"text":"2021"'
	# without published: years still resolve, a weekday is found without a value
	jq -nc '{text: "On Tuesday, in 2022, they met."}' | af-entities >"$T/out"
	run jq -c '[.entities[] | [.text, .value]]' "$T/out"
	assert_output '[["Tuesday",null],["2022","2022"]]'
}

@test "DATE ranges: an ISO 8601 interval start/end, an open end as .. (docs/decisions.md)" {
	run ents "Prices have risen since March 2015, and from 2001 to 2003."
	assert_line --partial '"text":"since March 2015","type":"DATE","start":18,"end":34,"canonical":"2015-03/2025-12-10","value":"2015-03/2025-12-10","kind":"range"'
	assert_line --partial '"value":"2001/2003","kind":"range"'
	jq -nc '{text: "Prices have risen since March 2015."}' | af-entities >"$T/out"
	run jq -c '[.entities[] | [.text, .value, .kind]]' "$T/out"
	assert_output '[["since March 2015","2015-03/..","range"]]'
	# every value is a date or an interval of two dates, ".." standing for an open end
	run jq -r '.entities[] | select(.type == "DATE" and .value != null) | .value' "$T/out"
	for v in "${lines[@]}"; do
		[[ $v =~ ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|\.\.))?$ ]]
	done
}

@test "--lexicon adds people, organisations and titles" {
	cat >"$T/lex.yaml" <<-'EOF'
	people:
	  - {name: Gul Pacha Zadran, code: AFGXXX, aliases: [Pacha]}
	orgs:
	  - {name: Spinghar Traders Shura, aliases: [STS]}
	titles: [trade envoy]
	EOF
	run ents "STS trade envoy Gul Pacha Zadran arrived. Pacha said little." "" --lexicon "$T/lex.yaml"
	assert_line --partial '"text":"STS","type":"ORG","start":0,"end":3,"canonical":"STS"'
	assert_line --partial '"text":"Gul Pacha Zadran","type":"PERSON","start":16,"end":32,"canonical":"Gul Pacha Zadran","id":"person:gul-pacha-zadran","code":"AFGXXX","role":"trade envoy","org":"STS"'
	assert_line --partial '"text":"Pacha","type":"PERSON","start":42,"end":47,"canonical":"Gul Pacha Zadran","id":"person:gul-pacha-zadran","code":"AFGXXX"'
	# and the defaults stay
	run ents "Karzai spoke." "" -l "$T/lex.yaml"
	assert_line --partial '"text":"Karzai","type":"PERSON"'
}

@test "lexicon errors name file:line:col and exit 78" {
	printf 'people:\n  - {name: A B, colour: red}\n' >"$T/bad1.yaml"
	run --separate-stderr af-entities --lexicon "$T/bad1.yaml" </dev/null
	assert_equal "$status" 78
	[[ "$stderr" == "af-entities: $T/bad1.yaml:2:"*colour* ]] || fail "got: $stderr"
	printf 'people:\n  - name: [oops\n' >"$T/bad2.yaml"
	run --separate-stderr af-entities -l "$T/bad2.yaml" </dev/null
	assert_equal "$status" 78
	[[ "$stderr" =~ ^af-entities:\ .*bad2.yaml:[0-9]+:[0-9]+:\  ]] || fail "got: $stderr"
	printf 'weekday_names:\n  9: [Blursday]\n' >"$T/bad3.yaml"
	run --separate-stderr af-entities -l "$T/bad3.yaml" </dev/null
	assert_equal "$status" 78
	[[ "$stderr" == "af-entities: $T/bad3.yaml:2:3: "* ]] || fail "got: $stderr"
	printf 'peeple:\n  - Someone\n' >"$T/bad4.yaml"
	run --separate-stderr af-entities -l "$T/bad4.yaml" </dev/null
	assert_equal "$status" 78
	assert_equal "$stderr" "af-entities: $T/bad4.yaml:1:1: no section af-entities reads (people, orgs, places, groups, misc, titles, ...; see docs/lexicons.md)"
	run --separate-stderr af-entities -l "$T/none.yaml" </dev/null
	assert_equal "$status" 78
	assert_output ''
}

@test "bad input: no text is passed through unchanged and counted; not a string, not JSON rejected" {
	{
		echo '{"id":1,"text":"Kabul is calm."}'
		echo '{"id":2,"title":"no text here"}'
		echo '{"id":3,"text":42}'
		echo 'not json'
		echo '{"id":5,"text":""}'
		echo '{"id": 6,  "title" : "spaces kept"}'
	} >"$T/in"
	run --separate-stderr bash -c 'af-entities --reject "$1" <"$2" >"$3"' _ "$T/rej" "$T/in" "$T/out"
	assert_equal "$status" 65
	[[ "$stderr" == *'line 2: no "text" field: nothing to read (passed through unchanged)'* ]] || fail "got: $stderr"
	[[ "$stderr" == *'line 6: no "text" field'* ]] || fail "got: $stderr"
	[[ "$stderr" == *'line 3: "text" is not a string'* ]] || fail "got: $stderr"
	[[ "$stderr" == *"line 4: "* ]] || fail "got: $stderr"
	[[ "$stderr" == *"2 of 6 records rejected"* ]] || fail "got: $stderr"
	[[ "$stderr" == *"2 of 6 records passed through unchanged with a problem"* ]] || fail "got: $stderr"
	# the records without text come out byte for byte, in their place
	run cat "$T/out"
	assert_line --index 1 '{"id":2,"title":"no text here"}'
	assert_line --index 3 '{"id": 6,  "title" : "spaces kept"}'
	run jq -c '[.id, has("entities"), (.entities | length)]' "$T/out"
	assert_output $'[1,true,1]\n[2,false,0]\n[5,true,0]\n[6,false,0]'
	run cat "$T/rej"
	assert_output $'{"id":3,"text":42}\nnot json'
}

@test "bad input: only records without text: one line out per line in, exit 65" {
	printf '{"id":1}\n{"id":2,"raw":"<p>x</p>"}\n' >"$T/in"
	run --separate-stderr bash -c 'af-entities <"$1"' _ "$T/in"
	assert_equal "$status" 65
	assert_output $'{"id":1}\n{"id":2,"raw":"<p>x</p>"}'
	run --separate-stderr bash -c 'af-entities --strict <"$1"' _ "$T/in"
	assert_equal "$status" 65
	assert_output '{"id":1}'
}

@test "bad input: an empty text gets an empty list" {
	run bash -c 'echo "{\"text\":\"\"}" | af-entities | jq -c "[.text, .entities]"'
	assert_success
	assert_output '["",[]]'
}

@test "bad input: a 5 MB text" {
	python3 -c 'import json; print(json.dumps({"text": ("Taliban Foreign Minister Amir Khan Muttaqi met “Dostum” in Kabul on Tuesday, said spokesman Zabihullah Mujahid. " * 50000)[:5 * 1048576]}))' >"$T/big5" 2>/dev/null ||
		skip "python3 is absent"
	run --separate-stderr bash -c 'af-entities <"$1" >"$2"' _ "$T/big5" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	run python3 -c 'import json, sys
r = json.load(open(sys.argv[1])); t, e = r["text"], r["entities"]
print(json.dumps([len(t) == 5 * 1048576, len(e) > 200000, sum(t[x["start"]:x["end"]] != x["text"] for x in e)], separators=(",", ":")))' "$T/out"
	assert_output '[true,true,0]'
}

@test "bad input: a 1 MB text, a text without spaces, a text of quotes" {
	python3 -c 'import json; print(json.dumps({"text": ("Taliban spokesman Zabihullah Mujahid said on Tuesday that Iran and Pakistan met in Kabul in 2022. " * 11000)[:1048576]}))' >"$T/big" 2>/dev/null ||
		skip "python3 is absent"
	run --separate-stderr bash -c 'af-entities <"$1" >"$2"' _ "$T/big" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	# (python slices a long string in constant time per span; jq does not)
	run python3 -c 'import json, sys
r = json.load(open(sys.argv[1])); t, e = r["text"], r["entities"]
print(json.dumps([len(e) > 50000, sum(t[x["start"]:x["end"]] != x["text"] for x in e)], separators=(",", ":")))' "$T/out"
	assert_output '[true,0]'
	python3 -c 'import json; print(json.dumps({"text": "Kabul" * 200000}))' >"$T/nospace"
	python3 -c 'import json; print(json.dumps({"text": "\"“”‘’«»" * 100000}))' >"$T/quotes"
	for f in nospace quotes; do
		run --separate-stderr bash -c 'af-entities <"$1" | jq -c "[.entities | type]"' _ "$T/$f"
		assert_equal "$status" 0
		assert_output '["array"]'
	done
}

# the id of the first mention whose text is $2, in the sentence $1 published on ${3:-2023-05-01}
id_of() {
	ents "$1" "${3:-2023-05-01T10:00:00+04:30}" | jq -r --arg t "$2" 'select(.text == $t) | .id' | head -n 1
}

@test "identity: each spelling family of a person or country gives one id in every article" {
	while IFS='|' read -r a b; do
		ia=$(id_of "$a said so on Monday." "$a")
		ib=$(id_of "$b said so on Monday." "$b")
		[ -n "$ia" ] || fail "no id for '$a'"
		[ "$ia" = "$ib" ] || fail "'$a' is $ia but '$b' is $ib"
	done <<'LIST'
Amir Khan Muttaqi|Amir Khan Motaqqi
Muttaqi|Mutaqi
Zabihullah Mujahid|Zabiullah Mujahid
Ata Mohammad Noor|Atta Mohammad Noor
Hanif Atmar|Mohammad Hanif Atmar
Abdul Ghani Baradar|Mullah Baradar
Abbas Araghchi|Abbas Araqchi
Hossein Amir-Abdollahian|Hossein Amir Abdollahian
Hassan Rouhani|Hassan Rohani
Mohammad Javad Zarif|Zarif
Mohammad Karimi|Muhammad Karimi
Mohammed Karimi|Muhammad Karimi
LIST
	[ "$(id_of "The United States said so." "United States")" = loc:united-states ]
	[ "$(id_of "The U.S. said so." "U.S.")" = loc:united-states ]
	[ "$(id_of "America said so." "America")" = loc:united-states ]
	[ "$(id_of "The US said so." "US")" = loc:united-states ]
}

@test "identity: canonical names are the lexicon's spelling of the same name, ids never a fragment" {
	run ents "Zabiullah Mujahid, the spokesman, said so. Mujahid added more."
	assert_line --partial '"text":"Zabiullah Mujahid","type":"PERSON","start":0,"end":17,"canonical":"Zabihullah Mujahid","id":"person:zabihullah-mujahid"'
	assert_line --partial '"text":"Mujahid","type":"PERSON","start":43,"end":50,"canonical":"Zabihullah Mujahid","id":"person:zabihullah-mujahid"'
	# a person the lexicon does not know: the transliteration key of the fullest name
	[ "$(id_of "Nasrullah Haqyar spoke." "Nasrullah Haqyar")" = "$(id_of "Nasrulla Hakyar spoke." "Nasrulla Hakyar")" ]
	# a longer name the tagger finds is not the lexicon's shorter one inside it
	[ "$(id_of "She studied at Kabul University for years." "Kabul University")" = org:kabul-university ]
}

@test "identity: a short transliteration key alone is no lexicon name (Moody is not Modi; Mottaki still Muttaqi)" {
	[ "$(id_of "Moody said the team was ready." "Moody")" != person:narendra-modi ]
	[ "$(id_of "Tom Moody, the coach, arrived. Moody said so." "Moody")" = "$(id_of "Tom Moody, the coach, arrived." "Tom Moody")" ]
	[ "$(id_of "Modi said the talks went well." "Modi")" = person:narendra-modi ]
	[ "$(id_of "Motaqi met the envoy." "Motaqi")" = person:amir-khan-muttaqi ]
}

@test "identity: Iran's Manouchehr Mottaki (foreign minister 2005-2010) is not the Taliban's Amir Khan Muttaqi" {
	[ "$(id_of "Manouchehr Mottaki met the envoy." "Manouchehr Mottaki" 2008-05-01)" = person:manouchehr-mottaki ]
	[ "$(id_of "Mottaki said the talks were useful." "Mottaki" 2008-05-01)" = person:manouchehr-mottaki ]
	run ents "Manouchehr Mottaki visited Kabul. Amir Khan Muttaqi met him. Mottaki said so. Muttaqi agreed." 2008-05-01
	assert_line --partial '"text":"Mottaki","type":"PERSON","start":61,"end":68,"canonical":"Manouchehr Mottaki","id":"person:manouchehr-mottaki","code":"IRNGOV"'
	assert_line --partial '"text":"Muttaqi","type":"PERSON","start":78,"end":85,"canonical":"Amir Khan Muttaqi","id":"person:amir-khan-muttaqi"'
	# his office by date: in government while foreign minister, out of office after
	run ents "Manouchehr Mottaki spoke." 2015-05-01
	assert_line --partial '"code":"IRNELI"'
	# the Taliban minister's spellings stay his
	for v in Mutaqi Motaqqi Mottaqi "Amir Khan Motaqqi"; do
		[ "$(id_of "$v met the envoy." "$v")" = person:amir-khan-muttaqi ] || fail "$v"
	done
}

@test "identity: a generic organisation after a country takes the country's code (two foreign ministries, two ids)" {
	run ents "Iran's Foreign Ministry condemned the attack. Pakistan's Foreign Ministry said it was studying the report."
	assert_line --partial '"text":"Foreign Ministry","type":"ORG","start":7,"end":23,"canonical":"Foreign Ministry","id":"org:irn-foreign-ministry"'
	assert_line --partial '"text":"Foreign Ministry","type":"ORG","start":57,"end":73,"canonical":"Foreign Ministry","id":"org:pak-foreign-ministry"'
	# the same body named again without its country keeps it
	run ents "The Pakistani Foreign Ministry issued a statement. The Foreign Ministry said more."
	refute_output --partial '"id":"org:foreign-ministry"'
	[ "$(id_of "The Foreign Ministry said nothing." "Foreign Ministry")" = org:foreign-ministry ]
}

@test "codes by date: the office held on the date the sentence speaks of, else on publication" {
	run ents "Imran Khan met the Taliban." 2020-01-10T09:00:00+05:00
	assert_line --partial '"text":"Imran Khan","type":"PERSON","start":0,"end":10,"canonical":"Imran Khan","id":"person:imran-khan","code":"PAKGOV"'
	assert_line --partial '"canonical":"Taliban","id":"org:taliban","code":"AFGREB"'
	run ents "Imran Khan met the Taliban." 2023-01-10T09:00:00+05:00
	assert_line --partial '"canonical":"Imran Khan","id":"person:imran-khan","code":"PAKOPP"'
	assert_line --partial '"canonical":"Taliban","id":"org:taliban","code":"AFGGOV"'
	# history told later: the sentence's own date chooses
	run ents "In 1998 the Taliban ruled Kabul. In 2010 the Taliban fought on." 2023-01-10T09:00:00+05:00
	[ "$(printf '%s\n' "$output" | jq -r 'select(.text == "Taliban") | .code' | tr '\n' ' ')" = "AFGGOV AFGREB " ]
}

@test "codes by date: a user's lexicon gives them; a bad date is file:line:col and status 78" {
	cat >"$T/lex.yaml" <<'YAML'
people:
  - {name: Gul Pacha Zadran, code: AFGOPP, codes: [{code: AFGGOV, from: 2022-01-01, until: 2023-01-01}]}
YAML
	run ents "Gul Pacha Zadran spoke." 2022-06-01T09:00:00+04:30 --lexicon "$T/lex.yaml"
	assert_line --partial '"code":"AFGGOV"'
	run ents "Gul Pacha Zadran spoke." 2024-06-01T09:00:00+04:30 --lexicon "$T/lex.yaml"
	assert_line --partial '"code":"AFGOPP"'
	printf 'people:\n  - {name: X Y, codes: [{code: AFGGOV, from: 2022-13-01}]}\n' >"$T/bad.yaml"
	run af-entities --lexicon "$T/bad.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "bad.yaml:2:"
	assert_output --partial "expected a date YYYY-MM-DD"
	printf 'people:\n  - {name: X Y, codes: [{code: AFGGOV, from: 2022-01-01, until: 2021-01-01}]}\n' >"$T/bad.yaml"
	run af-entities --lexicon "$T/bad.yaml" </dev/null
	[ "$status" -eq 78 ]
	assert_output --partial "'until' must come after 'from'"
}

@test "a misspelt section of a user's lexicon is refused with file:line:col and exit 78" {
	printf 'people:\n  - Ashraf Ghani\npeopel:\n  - X\n' >"$T/bad.yaml"
	run af-entities -l "$T/bad.yaml" </dev/null
	assert_failure 78
	assert_output --partial "bad.yaml:3:1: unknown section 'peopel' (did you mean 'people'?)"
}

@test "the tagger's names over titles, folds and hyphens: John Major, Tom Moody, Ohio-based" {
	# a title inside a person's name where no name follows it is a word of the name
	ents "Prime Minister John Major said on Monday the union would hold." >"$T/e"
	grep -q '"text":"John Major","type":"PERSON"' "$T/e" || fail "$(cat "$T/e")"
	grep -q '"role":"Prime Minister"' "$T/e" || fail "role lost: $(cat "$T/e")"
	# a one-word lexicon match by transliteration key only does not cut the tagger's name
	ents "Australian Tom Moody took six wickets for 82 on Friday." >"$T/e"
	grep -q '"text":"Tom Moody","type":"PERSON"' "$T/e" || fail "$(cat "$T/e")"
	! grep -q 'narendra-modi' "$T/e" || fail "Moody taken for Modi: $(cat "$T/e")"
	# a compound adjective is MISC whole, keeping its head's code
	ents "Shares of the Ohio-based bank rose as U.S.-led talks went on." >"$T/e"
	grep -q '"text":"Ohio-based","type":"MISC"' "$T/e" || fail "$(cat "$T/e")"
	grep -q '"text":"U.S.-led","type":"MISC".*"code":"USA"' "$T/e" || fail "$(cat "$T/e")"
	# so is a lexicon name the tagger left alone, joined to a lower-case word
	ents "A London-based spokesman spoke of the mainly-Moslem region." >"$T/e"
	grep -q '"text":"London-based","type":"MISC"' "$T/e" || fail "$(cat "$T/e")"
	# a headline in capitals makes no name of capitals alone
	ents "CRICKET - CLUB FINED AFTER DEFEAT ." >"$T/e"
	! grep -q '"CLUB FINED"' "$T/e" || fail "$(cat "$T/e")"
}

@test "AF_NER_MODEL: another model file is used; one that does not load is an error, not a silent fallback" {
	local rec='{"id":"a","text":"Angela Merkel met Emmanuel Macron in Paris."}'
	af-entities <<<"$rec" >"$T/builtin"
	AF_NER_MODEL=$BATS_TEST_DIRNAME/../data/ner.bin af-entities <<<"$rec" >"$T/file"
	cmp "$T/builtin" "$T/file"
	AF_NER_MODEL=$T/none run -70 af-entities <<<'{"id":"a","text":"Angela Merkel met Emmanuel Macron in Paris."}'
	assert_output --partial "AF_NER_MODEL: $T/none"
	printf 'AFNER\0\0\0garbage' >"$T/bad.bin"
	AF_NER_MODEL=$T/bad.bin run -70 af-entities </dev/null
	assert_output --partial 'AF_NER_MODEL'
}

@test "af-train-ner --seeds N averages N runs into a model af-entities loads; --seeds 0 and too little text for clusters are refused" {
	printf -- '-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nTaliban NNP I-NP B-ORG\nmet VBD B-VP O\nIran NNP B-NP B-LOC\n. . O O\n\n' >"$T/train.txt"
	printf 'The O\nTaliban B-org\nmet O\nIran B-geo\n. O\n\n' >"$T/gmb.conll"
	# clusters written by hand: c WORD FREQ FINE MID COARSE
	printf 'c\tTaliban\t9\t1\t1\t1\nc\tIran\t9\t2\t2\t2\nc\tmet\t9\t3\t3\t3\n' >"$T/clusters.tsv"
	af-train-ner -c "$T/clusters.tsv" -t "$T/train.txt" -g "$T/gmb.conll" --gmb-dev 0 --seeds 3 -e 2 -o "$T/m.bin" 2>/dev/null
	AF_NER_MODEL=$T/m.bin run -0 af-entities <<<'{"id":"a","text":"The Taliban met Iran."}'
	run -64 af-train-ner -c "$T/clusters.tsv" -t "$T/train.txt" --seeds 0 -o "$T/m2.bin"
	assert_output --partial 'seeds'
	run -1 af-train-ner --clusters <<<'The Taliban met Iran in Kabul .'
	assert_output --partial 'too little text'
}

@test "a lexicon organisation ending a longer name lends its code only to a name that says whose it is" {
	# "Security Council" is an alias of the UN's; Iran's Supreme National Security Council is another body
	ents "Ali Shamkhani, secretary of Iran's Supreme National Security Council, met the Afghan Taliban." >"$T/e"
	grep -q '"text":"Supreme National Security Council"' "$T/e" || fail "$(cat "$T/e")"
	! grep -q '"text":"Supreme National Security Council","type":"ORG"[^}]*"code":"IGOUNO"' "$T/e" || fail "fragment code: $(cat "$T/e")"
	# a nationality before the lexicon name keeps its entry, and so does a place
	grep -q '"text":"Afghan Taliban","type":"ORG"[^}]*"code":"AFG' "$T/e" || fail "$(cat "$T/e")"
	ents "Iran and the Republic of Azerbaijan held talks in Baku." >"$T/e"
	grep -q '"text":"Republic of Azerbaijan","type":"LOC"[^}]*"code":"AZE"' "$T/e" || fail "$(cat "$T/e")"
}
