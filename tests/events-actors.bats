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
	[ "${lines[-1]}" = 'IRNGOV IND' ]
}

@test "actors: a title after a group keeps the group's code; one of no country takes the person's" {
	run sides 'Taliban spokesman Zabihullah Mujahid criticized Pakistan.' 2019-05-01
	[ "$output" = 'AFGREB PAK' ]
	# "Deputy" alone is a police deputy in the Phoenix agents; af-entities knows Araghchi is Iranian
	run sides 'Deputy Foreign Minister Abbas Araghchi criticized Pakistan.' ''
	[ "$output" = 'IRNGOV PAK' ]
}

@test "actors: an actor's own role is not stacked with an agent's" {
	run sides 'A Taliban commander attacked Pakistani troops.' 2015-03-01
	[ "$output" = 'AFGREB PAKMIL' ]
}

# "SOURCE-TEXT SOURCE-CODE > TARGET-TEXT TARGET-CODE" of each event
pairs() {
	chain "$@" | jq -r '.events[] | "\(.source.text) \(.source.actor) > \(.target.text) \(.target.actor)"'
}

@test "actors: a capital that acts is its government, a capital that is a place its country" {
	run pairs 'Tehran rejected the accusation by Washington.' ''
	[ "$output" = 'Tehran IRNGOV > Washington USA' ]
	run pairs 'India will hold a meeting with Tehran and Moscow.' ''
	[ "${lines[0]}" = 'India IND > Tehran IRNGOV' ]
	[ "${lines[1]}" = 'India IND > Moscow RUSGOV' ]
	run pairs 'Iranian Foreign Minister Zarif traveled to Moscow.' ''
	[ "$output" = 'Iranian Foreign Minister Zarif IRNGOV > Moscow RUS' ]
	run pairs 'The U.S. attacked Kabul.' ''
	[ "$output" = 'U.S. USA > Kabul AFG' ]
}

@test "actors: a YAML actor of type capital acts as its government (partners: with); a bad type is refused" {
	printf 'actors:\n  - {phrases: [Gondor City], type: kapital, code: GON}\n' > "$BATS_TEST_TMPDIR/x.yaml"
	run af-events --lexicon "$BATS_TEST_TMPDIR/x.yaml" </dev/null
	[ "$status" -eq 78 ]
	[[ "$output" == *"x.yaml:2:"*"type must be person, org, group, place or capital"* ]]
	printf 'actors:\n  - {phrases: [Osgiliath], type: capital, code: GON}\n  - {phrases: [Mordor], code: MOR}\npartners: [with]\n' > "$BATS_TEST_TMPDIR/y.yaml"
	run sh -c "echo '{\"text\":\"Osgiliath attacked Mordor. Mordor attacked Osgiliath.\"}' | af-events --lexicon '$BATS_TEST_TMPDIR/y.yaml' | jq -r '.events[] | \"\(.source.actor) \(.target.actor)\"'"
	[ "${lines[0]}" = 'GONGOV MOR' ]
	[ "${lines[1]}" = 'MOR GON' ]
}

@test "actors: a country with dated state codes is no person: its title and a name are one official" {
	run pairs 'Tajik Foreign Minister Sirojiddin Muhriddin met Amir Abdollahian.' ''
	[ "${lines[0]}" = 'Tajik Foreign Minister Sirojiddin Muhriddin TJKGOV > Amir Abdollahian IRNGOV' ]
}

@test "actors: each member of a list of titled names is coded" {
	run pairs 'Amir Abdollahian met with Uzbek Foreign Minister Bakhtiar Saidov, Tajik counterpart Sirojiddin Muhriddin, and Pakistani Foreign Minister Bilawal Bhutto Zardari.' ''
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = 'Amir Abdollahian IRNGOV > Uzbek Foreign Minister Bakhtiar Saidov UZBGOV' ]
	[ "${lines[1]}" = 'Amir Abdollahian IRNGOV > Tajik counterpart Sirojiddin Muhriddin TJKGOV' ]
	[[ "${lines[2]}" == 'Amir Abdollahian IRNGOV > Pakistani Foreign Minister '*' PAKGOV' ]]
	# later mentions keep the office
	run pairs 'Tajik Foreign Minister Sirojiddin Muhriddin arrived. Amir Abdollahian and Muhriddin discussed ties.' ''
	[[ "$output" == *'Muhriddin TJKGOV'* ]]
}

@test "actors: a ministry's name with 'and' in it does not hide the minister's country" {
	run pairs 'Iranian Transport and Urban Development Minister Mohammad Eslami and his Afghan counterpart Mohammad Yama Shams discussed the railway.' ''
	[[ "${lines[0]}" == *'Mohammad Eslami IRNGOV > '*'Mohammad Yama Shams AFGGOV' ]]
}

@test "actors: a person the dictionaries do not know keeps the code of an earlier mention" {
	run pairs 'Josep Borrell, the EU foreign policy chief, met Abdollahian. Borrell appreciated the efforts of Iran.' ''
	[ "${lines[1]}" = 'Borrell IGOEUREEC > Iran IRN' ]
}

@test "actors: a person af-entities gives an office and a country is coded from them, an envoy is not" {
	run pairs 'Sirojiddin Muhriddin, the Foreign Minister of Tajikistan, met Amir Abdollahian.' ''
	[ "${lines[0]}" = 'Sirojiddin Muhriddin TJKGOV > Amir Abdollahian IRNGOV' ]
	# the organisation of an office held abroad may be the host (data/events-world.yaml posted)
	run pairs 'Hans Grundberg, the UN Special Envoy for Yemen, met Amir Abdollahian.' ''
	[[ "$output" != *'YEMGOV'* ]]
}

@test "actors: an agent's word modifying a noun is no list member either" {
	# "military support" names no actor: the list is India alone
	run sides 'Pakistan condemned India and military support for the rebels.'
	[ "$output" = 'PAK IND' ]
}

@test "actors: 'as well as' joins a list, of subjects and of objects" {
	run sides 'Turkey as well as Qatar denounced Egypt.'
	[ "${lines[*]}" = 'TUR EGY QAT EGY' ]
	run sides 'Turkey denounced Egypt as well as Libya.'
	[ "${lines[*]}" = 'TUR EGY TUR LBY' ]
}

@test "actors: a relative clause on the first member does not cut the list" {
	# both act; the relative clause's verb is the first member's alone
	run sides 'Nigeria, which borders Chad, and Ghana condemned Togo.'
	[[ "$output" == *'NGA TGO'* ]]
	[[ "$output" == *'GHA TGO'* ]]
	[[ "$output" != *'GHA TCD'* ]]
}

@test "actors: 'the country' is the country named before it, not its own clause's subject" {
	# the asserted-act filter's judgement aside (session 16's threshold drops the third record's event, its
	# sentence eighth in the text): the test is about the reference
	export AF_EVENTS_ASSERT=off
	# an earlier sentence's first country ("Peru", the subject), not its last
	run sides 'Peru accused Chile of spying. The country also condemned Bolivia.'
	[ "${lines[1]}" = 'PER BOL' ]
	# in its own sentence, the country named before it that is not its clause's subject
	run sides 'Kenya hosted talks on Somalia, where Ethiopia attacked the country.'
	[ "$output" = 'ETH SOM' ]
	# the same after enough earlier actors that the chunk table grows while the code is copied
	# (a heap use after free under ASan before the fix)
	run sides "$(for i in 1 2 3 4 5 6; do printf 'Iran met Iraq. '; done)Syria protested. Kenya hosted talks on Somalia, where Ethiopia attacked the country."
	[ "$status" -eq 0 ]
	[ "${lines[${#lines[@]}-1]}" = 'ETH SOM' ]
}

@test "actors: 'officials' is a government's agent: 'officials from A' acts, 'A's officials' are A's government" {
	run sides 'Officials from Kenya met Ugandan diplomats.'
	[ "$output" = 'KENGOV UGAGOV' ]
	run sides 'Kenyan officials accused Uganda.'
	[ "$output" = 'KENGOV UGA' ]
}

@test "actors: an organisation under an agent keeps its own code ('EU officials', 'NATO officials')" {
	run sides 'EU officials criticized Serbia.'
	[ "$output" = 'IGOEUREEC SRB' ]
	run sides 'NATO officials denounced Belarus.'
	[ "$output" = 'IGOWSTNAT BLR' ]
	run sides 'UN officials met Sudanese diplomats.'
	[ "$output" = 'IGOUNO SDNGOV' ]
}

@test "actors: a relative clause on an object does not make the next clause's subject its list's member" {
	# Libya is condemned, not a subject: Tunisia acts alone in its own clause
	run sides 'Egypt condemned Libya, which borders Sudan, and Tunisia then praised Algeria.'
	[[ "$output" == *'EGY LBY'* ]]
	[[ "$output" == *'TUN DZA'* ]]
	[[ "$output" != *'LBY DZA'* ]]
	run sides 'Egypt condemned Libya, which borders Sudan, and Tunisia attacked Niger.'
	[[ "$output" == *'EGY LBY'* ]]
	[[ "$output" == *'TUN NER'* ]]
	[[ "$output" != *'LBY NER'* ]]
}

@test "actors: a person or organisation af-entities found with no code is a side of a meeting or visit (actor null)" {
	run sides 'Jonas Verhoeven said during a meeting with the Kenyan foreign minister on Monday that trade will grow.'
	[ "$output" = 'null KENGOV' ]
	run sides 'During her visit to Nairobi, Maria Lindqvist said the talks went well.'
	[ "$output" = 'null KEN' ]
	# two sides with no code are no event: one must name a country or an organisation's code
	run sides 'Jonas Verhoeven held a meeting with Maria Lindqvist on Monday.'
	[ "$output" = '' ]
}

@test "actors: a people is its civilians and terrorists are rebels, as the news guidelines code them" {
	run sides 'Kenya praised the Ugandan people.'
	[ "$output" = 'KEN UGACVL' ]
	run sides 'Kenya condemned the terrorists.'
	[ "$output" = 'KEN ---REB' ]
}

@test "actors: a country before an NGO is the country's NGO; an acronym the text defined takes its name's code" {
	run sides 'The Kenyan Red Cross helped Ugandan refugees.'
	[ "$output" = 'KENNGO UGAREF' ]
	run sides 'The Kenyan Red Cross Society (KRCS) helped Ugandan refugees. Tanzania later praised the KRCS.'
	[ "${lines[-1]}" = 'TZA KENNGO' ]
	# letters that are not the name's initials: no code
	run sides 'The Kenyan Red Cross Society (KRX) helped Ugandan refugees. Tanzania later praised the KRX.'
	[ "${lines[-1]}" = 'TZA null' ]
}

@test "actors: a treaty, law or deal af-entities found is no side ('the Non-Proliferation Treaty', 'the JCPOA')" {
	run sides 'Kenya will withdraw from the Non-Proliferation Treaty.'
	[ "$output" = '' ]
	run sides 'Kenya and Uganda said they support the JCPOA.'
	[ "$output" = '' ]
	# the other actor of the clause stays a side
	run sides 'Kenya signed a Memorandum of Understanding with Uganda.'
	[[ "$output" != *null* ]]
	# the head before "of" ("Plan of Action"), a name with a place in it, and an acronym the
	# text defines for a document
	run sides 'The deal, officially called the Joint Comprehensive Plan of Action, helped Uganda.'
	[ "$output" = '' ]
	run sides 'The Nairobi Framework Agreement (NFA) was signed in 2015. Uganda praised the NFA.'
	[ "$output" = '' ]
	run sides 'The Nairobi Joint Plan of Action (NJPA) was signed in 2015. Uganda praised the NJPA.'
	[ "$output" = '' ]
	# an organisation's acronym stays a side
	run sides 'The Kenyan Red Cross Society (KRCS) helped Ugandan refugees. Tanzania later praised the KRCS.'
	[ "${lines[-1]}" = 'TZA KENNGO' ]
}

@test "actors: 'South American', 'Latin American', 'North American' are regions (SAM, LAM, NMR), never 'American' (USA)" {
	run sides 'Kenya and the South American country signed a trade deal.'
	[[ "$output" == *SAM* ]]
	[[ "$output" != *USA* ]]
	run sides 'Latin American leaders met Kenyan officials.'
	[ "${lines[0]}" = 'LAMELI KENGOV' ]
	# the country's own adjective stays the country
	run sides 'American officials met Kenyan officials.'
	[ "${lines[0]}" = 'USAGOV KENGOV' ]
}

@test "actors: a city naming where something happens is no side ('the Mombasa talks', 'the Nairobi Dialogue'); a country or its adjective is" {
	run sides 'Uganda said it would decide on the Mombasa talks after the election.'
	[ "$output" = '' ]
	run sides 'Tanzania will decide on the Nairobi talks after the election.'
	[ "$output" = '' ]
	# a word of a longer place name af-entities gives no code
	run sides 'The Ugandan minister attended the Mombasa Dialogue.'
	[ "$output" = '' ]
	# (the asserted-act filter's judgement aside: this is about which words are sides)
	export AF_EVENTS_ASSERT=off
	run sides 'While Kenyans mourned in the wake of the Mombasa attack, Ugandan politicians hosted rebels.'
	[ "$output" = 'UGAELI ---REB' ]
	# a country's adjective before the act is its actor; a city after a preposition stays a side
	run sides 'Kenyans mourned the Ugandan attack.'
	[ "$output" = 'KEN UGA' ]
	# (not 'condemned the attack on Mombasa': a condemnation of an attack no one is named for
	# is no event, events.bats)
	run sides 'Uganda launched airstrikes on Mombasa.'
	[ "$output" = 'UGA KEN' ]
}

@test "actors: a state does not coerce itself ('pulled Kenya out of the deal', 17x); force against a place of its own stays" {
	run sides 'Kenyan President William Ruto pulled Kenya out of the deal in May.'
	[ "$output" = '' ]
	run sides 'The Taliban attacked Kabul.'
	[ "$output" = 'AFGGOV AFG' ]
}

@test "actors: an office between commas after a person renames the person, even with 'and' in its title; a list or a new clause does not" {
	run sides 'Jonas Verhoeven, the spokesman of the Kenyan parliament’s Security and Foreign Policy Committee, has condemned Uganda.'
	[ "$output" = 'KENGOV UGA' ]
	run sides 'Jonas Verhoeven, Chinese officials and Kenyan officials condemned Uganda.'
	[ "${#lines[@]}" = 3 ]
	run sides 'During his meeting with Jonas Verhoeven, the Kenyan foreign minister praised Uganda.'
	[[ "$output" == *'KENGOV UGA'* ]]
}

@test "AF_EVENTS_CHUNKS writes each coded sentence's actors to stderr and leaves the output as it was" {
	rec='{"text":"Pakistan criticized India on Monday. Officials met."}'
	plain=$(printf '%s\n' "$rec" | af-entities | af-events)
	run --separate-stderr bash -c "printf '%s\n' '$rec' | af-entities | AF_EVENTS_CHUNKS=1 af-events"
	[ "$status" -eq 0 ]
	[ "$output" = "$plain" ]
	# record 1, sentence 0: Pakistan (0-8) and India (20-25), in code points
	[[ "$stderr" == *"af-events: chunk 1 0 0 8 PAK 0 0"* ]]
	[[ "$stderr" == *"af-events: chunk 1 0 20 25 IND 0 0"* ]]
}

@test "actors: a title whose office follows it with 'for' or 'to', then the name, is one official" {
	# the complement ("to Iran", "for Legal and International Affairs") is no actor of its
	# own; without the join an organisation's name in it kept the title from the person
	run pairs 'Peru'"'"'s Ambassador to Chile Juan Perez met with Zarif.' ''
	[ "$output" = 'Peru'"'"'s Ambassador to Chile Juan Perez PERGOV > Zarif IRNELI' ]
	run sides 'Chile'"'"'s Deputy Foreign Minister for Legal and International Affairs Pedro Gomez criticized Canada.' ''
	[ "$output" = 'CHLGOV CAN' ]
	# such an official heads a compound subject: its complement's dropped chunk is inside it
	run sides 'Chilean Deputy Foreign Minister for United Nations Affairs Pedro Gomez and Peruvian Foreign Minister Juan Perez held talks.' ''
	[ "$output" = 'CHLGOV PERGOV
PERGOV CHLGOV' ]
}
