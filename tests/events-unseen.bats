#!/usr/bin/env bats
# af-events on sentences of the kinds that went wrong on unseen news (issue 12, the blind draws
# of bench/events-heldout/): each class with sentences written for the test, not taken from
# news-gold-dev. Each test failed on the binary before the change it checks.

load test_helper
bats_require_minimum_version 1.5.0

# af-entities | af-quotes | af-events on one record; its events as "SOURCE CODE TARGET" lines
# (the actor code, else the text)
triples() {
	jq -nc --arg t "$1" --arg p "${2:-2024-03-10}" '{text: $t, published: $p}' |
		af-entities | af-quotes | af-events |
		jq -r '.events[] | "\(.source.actor // .source.text) \(.code) \(.target.actor // .target.text)"'
}

@test "unseen: a past verb after 'on <day> and' that the tagger read as an adjective is a coordinated verb" {
	run triples "The Iranian government condemned an attack by Israeli forces in south Lebanon on Friday and promised aid to the Lebanese villages."
	[ "$status" -eq 0 ]
	assert_line "IRNGOV 111 ISRMIL"
	assert_line "IRNGOV 033 LBNCVL"
	refute_output --partial "112"
}

@test "unseen: an apposition renames its actor: one side, not a list of two" {
	run triples "The Chinese foreign minister, Wang Yi, hosted his counterparts from Iran and Saudi Arabia in Beijing."
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	refute_output --partial "Wang Yi"
	run triples "Iraqi Prime Minister, Mohammed Shia al-Sudani, met the Iranian president on Tuesday."
	[ "${#lines[@]}" -eq 1 ]
}

@test "unseen: a possessive that opens its chunk ('s) belongs to the noun phrase before it: the apposition is one actor" {
	run triples "Pakistan's army chief, General Asim Munir, criticized India on Monday."
	[ "$status" -eq 0 ]
	assert_output "PAKMIL 111 IND"
}

@test "unseen: a participle coordinated with a passive, or after a linking verb, is passive: its by-phrase acts" {
	run triples "Pakistan was criticized and threatened by India on Monday."
	[ "$status" -eq 0 ]
	assert_line "IND 130 PAK"
	refute_line "PAK 130 IND"
	run triples "Israel feels threatened by Iran, the minister said."
	assert_line "IRN 130 ISR"
	refute_line "ISR 130 IRN"
}

@test "unseen: a list agreeing on a stance towards a third actor agrees with itself, not with the third" {
	run triples "Pakistan and China agreed on a joint approach to Afghanistan on Monday."
	[ "$status" -eq 0 ]
	assert_line "PAK 050 CHN"
	assert_line "CHN 050 PAK"
	refute_output --partial "AFG"
	# a partner preposition still names the other party
	run triples "Russia and China signed an agreement with Iran on Tuesday."
	assert_line "RUS 057 IRN"
}

@test "unseen: an agent's word that modifies a noun is no actor ('military advice', 'military equipment')" {
	run triples "Russia is supplying military equipment to Syria, the minister said."
	[ "$status" -eq 0 ]
	assert_output "RUS 072 SYR"
	run triples "Tehran has been giving military advice to the Iraqi government for years."
	assert_output "IRNGOV 072 IRQGOV"
}

@test "unseen: a state's actor code is its country and one role, as the news guidelines and af-entities write it" {
	run triples "Iran's foreign minister criticized Pakistan on Monday."
	[ "$status" -eq 0 ]
	assert_output "IRNGOV 111 PAK"
	# PETRARCH's conventions keep the dictionaries' whole code
	run bash -c "jq -nc '{text: \"Iran'\"'\"'s foreign minister criticized Pakistan on Monday.\"}' | af-events --conventions petrarch | jq -r '.events[0].source.actor'"
	assert_output "IRNGOVFRM"
}

@test "unseen: 'but', 'yet' and 'so' join clauses, not list members" {
	run triples "Pakistan criticized India, but China stayed silent."
	[ "$status" -eq 0 ]
	assert_output "PAK 111 IND"
	run triples "There were talks between Egypt and Turkey, but Qatari officials said little."
	refute_output --partial "QAT"
}

@test "unseen: an organisation under two names does not act on itself" {
	run triples "The UN chief will meet UN staff in Kyiv to discuss aid."
	[ "$status" -eq 0 ]
	refute_output --partial "IGOUNO"
}

@test "unseen: the place where a compound subject signed or agreed is its scene, not the other party" {
	run triples "Last month, Turkish and Syrian negotiators signed a deal in Qatar on prisoner exchanges."
	[ "$status" -eq 0 ]
	refute_output --partial "QAT"
	assert_line "TUR 057 SYR"
	assert_line "SYR 057 TUR"
	run triples "Iran and Armenia agreed to cooperate in Georgia on energy."
	refute_output --partial "GEO"
}

@test "unseen: the object of an opening prepositional phrase is no member of the list after its comma" {
	run triples "In talks with Iranian Foreign Minister Hossein Amir Abdollahian, Britain and Germany said the deal must be saved."
	[ "$status" -eq 0 ]
	assert_line "GBR 040 IRNGOV"
	assert_line "DEU 040 IRNGOV"
	# a list inside the phrase stays a list: each ambassador met, none with another
	run triples "In separate meetings with the ambassadors of Kuwait, Syria and Sudan, Iranian President Hassan Rouhani said unity was needed."
	refute_output --partial "KWTGOV 040"
	refute_output --partial "SYRGOV 040"
}

@test "unseen: an opening attribution does not govern the meeting noun after it" {
	run triples "According to the Russian Foreign Ministry, in a phone conversation with Iranian Foreign Minister Hossein Amir Abdollahian, Russian Foreign Minister Sergei Lavrov said the deal must be saved."
	[ "$status" -eq 0 ]
	assert_line "RUSGOV 041 IRNGOV"
}

@test "unseen: a phone call is 041 (discuss by telephone), whatever names it" {
	run triples "Iranian President Hassan Rouhani telephoned Turkish President Recep Tayyip Erdogan on Monday."
	[ "$status" -eq 0 ]
	assert_output "IRNGOV 041 TURGOV"
	run triples "Iranian President Hassan Rouhani and Turkish President Recep Tayyip Erdogan spoke by phone on Monday."
	assert_line "IRNGOV 041 TURGOV"
	assert_line "TURGOV 041 IRNGOV"
	run triples "Iranian President Hassan Rouhani made a phone call to Turkish President Recep Tayyip Erdogan on Monday."
	assert_output "IRNGOV 041 TURGOV"
	# one call, one event: "telephone conversation" is no call and a conversation too
	run triples "Iranian President Hassan Rouhani held a telephone conversation with Turkish President Recep Tayyip Erdogan."
	assert_output "IRNGOV 041 TURGOV"
	# "phone" modifying a noun is no verb: the talks are held, nothing is phoned
	run triples "The foreign ministers of Iran and Turkey held phone talks on Friday over the trip to Ankara by the President of Iraq."
	refute_output --partial "041"
}

@test "unseen: a pronoun refers to the first person named before it in its own sentence, else to the last one before" {
	run triples "Iranian Foreign Minister Hossein Amir-Abdollahian spoke to reporters in Tehran on Monday. U.S. President Joe Biden said on Tuesday that he would visit Israel next month."
	[ "$status" -eq 0 ]
	[ "$output" = "USAGOV 036 ISR" ]
	# a sentence that names no one: the last person of the sentences before
	run triples "U.S. President Joe Biden spoke to reporters in Washington on Monday. On Tuesday he said he would visit Israel next month."
	[ "$status" -eq 0 ]
	[ "$output" = "USAGOV 036 ISR" ]
}

@test "news: the speaker's code is written as the sides' are (a country and one role)" {
	run --separate-stderr bash -c "jq -nc '{text: \"The Turkish foreign minister said Armenia attacked Azerbaijan.\", published: \"2024-03-10\"}' | af-entities | af-events | jq -c '[.events[] | [.source.actor, .target.actor, .speaker.actor]]'"
	[ "$status" -eq 0 ]
	[ "$output" = '[["ARM","AZE","TURGOV"]]' ]
}

# The learned asserted-act filter (lib/events_assert.c): its mechanics, with small models written
# for the test through AF_EVENTS_ASSERT_MODEL (the shipped model's weights change with each retraining).
model() {
	printf '%s\n' "$1" >"$BATS_TEST_TMPDIR/model.yaml"
	export AF_EVENTS_ASSERT_MODEL="$BATS_TEST_TMPDIR/model.yaml"
}

@test "unseen: the asserted-act filter drops an event whose features score below the threshold; AF_EVENTS_ASSERT=off keeps it" {
	s="The Dutch trade minister met her Chilean counterpart in Rotterdam on Thursday."
	model '{threshold: 0, features: {bias: 1}}'
	run triples "$s"
	assert_output "NLDGOV 040 CHLGOV"
	model '{threshold: 0, features: {bias: 1, "lem=meet": -4.5}}'
	run triples "$s"
	[ "$status" -eq 0 ]
	assert_output ""
	AF_EVENTS_ASSERT=off run triples "$s"
	assert_output "NLDGOV 040 CHLGOV"
	# the threshold is the line: 1 - 4.5 is above -4
	model '{threshold: -4, features: {bias: 1, "lem=meet": -4.5}}'
	run triples "$s"
	assert_output "NLDGOV 040 CHLGOV"
}

@test "unseen: AF_EVENTS_ASSERT=features keeps every event and writes each one's features to stderr" {
	model '{threshold: 0, features: {bias: 1, "lem=meet": -4.5}}'
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "The Dutch trade minister met her Chilean counterpart in Rotterdam on Thursday."
	assert_output "NLDGOV 040 CHLGOV"
	[[ "$stderr" == *"lem=meet"* ]]
	[[ "$stderr" == *"root=04"* ]]
	[[ "$stderr" == *$'\t-3.5000\t'* ]]
}

@test "unseen: the events of one trigger are all scored before any is removed ('fanout' counts them all)" {
	s="Norway condemned Chile, Peru and Bolivia."
	AF_EVENTS_ASSERT=off run triples "$s"
	[ "${#lines[@]}" -eq 3 ]
	model '{threshold: 0, features: {bias: 1, fanout: -2}}'
	run triples "$s"
	[ "$status" -eq 0 ]
	assert_output ""
}

@test "unseen: the filter judges only events with a side: an agentless 'was released' (010, no source, no target) stays" {
	# news-gold-dev codes dyads only, so every sideless event in the training data is spurious and a
	# model learns to drop it (session 8's filterfix model dropped the sample's "was released" so)
	s="A joint statement by Iran and Iraq was released on Tuesday."
	AF_EVENTS_ASSERT=off run triples "$s"
	assert_output "null 010 null"
	model '{threshold: 0, features: {bias: 1, "root=01": -4}}'
	run triples "$s"
	[ "$status" -eq 0 ]
	assert_output "null 010 null"
	# an event with a side is still judged
	model '{threshold: 0, features: {bias: 1, "lem=meet": -4.5}}'
	run triples "The Dutch trade minister met her Chilean counterpart in Rotterdam on Thursday."
	assert_output ""
	# its sides are "absent", not "none" (no code): the features of an uncoded actor are not its
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "$s"
	[[ "$stderr" == *"src=absent tgt=absent"* ]]
}

@test "unseen: a trigger verb that names a state or relation ('affect', 'need') carries trig=state; an act does not" {
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "Iran considers Israel an enemy."
	[[ "$stderr" == *"lem=consider"* ]]
	[[ "$stderr" == *"trig=state"* ]]
	run --separate-stderr triples "The Dutch trade minister met her Chilean counterpart in Rotterdam on Thursday."
	[[ "$stderr" == *"lem=meet"* ]]
	[[ "$stderr" != *"trig=state"* ]]
	# its weight is learned like any feature's
	unset AF_EVENTS_ASSERT
	model '{threshold: 0, features: {bias: 1, "trig=state": -2}}'
	run triples "Iran considers Israel an enemy."
	[ "$status" -eq 0 ]
	assert_output ""
}

@test "unseen: the filter reads a noun's governing verb, the word after the trigger with its lemma, the sides' form and distance" {
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "Iran condemned the U.S. attack on Iraq."
	[[ "$stderr" == *"gov=condemn"* ]]
	run --separate-stderr triples "Iran's foreign minister called on Iraq to expel U.S. forces."
	[[ "$stderr" == *"lemnxt=call_on"* ]]
	[[ "$stderr" == *"src=form_name"* ]]
	[[ "$stderr" == *"tdist=near"* ]]
	[[ "$stderr" != *"gov="* ]]
	run --separate-stderr triples "Iranian President Hassan Rouhani arrived in Baghdad on Sunday. He met the Iraqi president on Monday."
	[[ "$stderr" == *"src=form_pron"* ]]
	[[ "$stderr" == *"lemnxt=meet_det"* ]]
	# their weights are learned like any feature's
	unset AF_EVENTS_ASSERT
	model '{threshold: 0, features: {bias: 1, "lemnxt=meet_det": -2}}'
	run triples "Iranian President Hassan Rouhani arrived in Baghdad on Sunday. He met the Iraqi president on Monday."
	# (the arrival, a visit of its own, stays)
	assert_output "IRNGOV 042 IRQ"
	run triples "Iran's foreign minister called on Iraq to expel U.S. forces."
	refute_output ""
}

@test "unseen: the filter reads the full code, the trigger's lemma with its root, a verb's object noun, a common side's last word" {
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "The Omani foreign minister expressed hope that the talks between Iran and Egypt would resume soon."
	[[ "$stderr" == *"code=013"* ]]
	[[ "$stderr" == *"lr=express_01"* ]]
	[[ "$stderr" == *"obj=express_hope"* ]]
	run --separate-stderr triples "The French president defended the right to mock religion."
	[[ "$stderr" == *"tw=religion"* ]]
	[[ "$stderr" != *"sw="* ]]
	# a name side has no word feature, and a noun trigger no object
	run --separate-stderr triples "Iran condemned the U.S. attack on Iraq."
	[[ "$stderr" != *"tw="* ]]
	# their weights are learned like any feature's
	unset AF_EVENTS_ASSERT
	model '{threshold: 0, features: {bias: 1, "obj=express_hope": -2}}'
	run triples "The Omani foreign minister expressed hope that the talks between Iran and Egypt would resume soon."
	[ "$status" -eq 0 ]
	assert_output ""
	run triples "The Omani foreign minister expressed condolences to Iran."
	refute_output ""
}

@test "unseen: no article-level cue of topic words (art=exhibition was a topic of two training articles)" {
	export AF_EVENTS_ASSERT=features
	run --separate-stderr triples "The Dutch trade minister met her Chilean counterpart in Rotterdam on Friday. The exhibition closes on Friday."
	assert_output --partial "NLDGOV 040 CHLGOV"
	[[ "$stderr" == *"lem=meet"* ]]
	[[ "$stderr" != *"art=exhibition"* ]]
}

# scripts/train-events-assert's own choices, on examples made up for the test (its module imported)
train_assert() {
	command -v python3 >/dev/null || skip "python3 is absent"
	run python3 - "$TOP/scripts/train-events-assert" "$BATS_TEST_TMPDIR" <<PY
import importlib.machinery, importlib.util, os, sys
spec = importlib.util.spec_from_loader("tea", importlib.machinery.SourceFileLoader("tea", sys.argv[1]))
T = importlib.util.module_from_spec(spec)
spec.loader.exec_module(T)
tmp = sys.argv[2]
$1
PY
	[ "$status" -eq 0 ] || fail "$output"
}

@test "train-events-assert: the threshold reaches the target on the draws weighted to their mix as read, not as they align today" {
	# draw a was read 6 right and 6 wrong; rules written since took 4 of its wrong events, so today it
	# aligns 6 right and 2 wrong (0.75): weighted as read (each wrong event 3) the same events are 0.50
	train_assert '
T.read_labels = lambda: dict([(("r", i), ("R", "a")) for i in range(6)] + [(("w", i), ("W", "a")) for i in range(6)])
ex = [{"set": "draw", "file": "a", "y": 1, "s": s} for s in (2.0, 1.5, 1.2, 0.8, 0.6, 0.4)] + \
     [{"set": "draw", "file": "a", "y": 0, "s": s} for s in (1.0, -1.0)]
T.read_time_weights(ex)
print(sorted({(e["y"], e["w"]) for e in ex}))
T.TARGET_P = 0.70
print(T.choose_threshold(ex))'
	assert_equal "$output" "$(printf '%s\n' '[(0, 3.0), (1, 1.0)]' '1.1')"
}

@test "train-events-assert: the example cache is keyed on the code that writes the features, never on the model" {
	train_assert '
for d in ("cmd", "include", "lib", "data"):
    os.makedirs(os.path.join(tmp, "top", d), exist_ok=True)
    open(os.path.join(tmp, "top", d, "x"), "w").write("1")
os.makedirs(os.path.join(tmp, "bin"), exist_ok=True)
T.TOP, T.BIN = os.path.join(tmp, "top"), os.path.join(tmp, "bin")
def write(path, text):
    open(os.path.join(T.TOP, path), "w").write(text)
def build():
    for n in T.UPSTREAM + ["af-events"]:
        open(os.path.join(T.BIN, n), "w").write("binary")
write("data/events-assert.yaml", "threshold: 0\n")
build()
k, kf = T.code_key(True), T.code_key(False)
write("data/events-assert.yaml", "threshold: 1\n")
build()
print(T.code_key(True) == k)
write("lib/events_y.c", "int y;")
build()
print(T.code_key(True) == k, T.code_key(False) == kf)
write("lib/x", "2")
later = os.path.getmtime(os.path.join(T.BIN, "af-clean")) + 10
os.utime(os.path.join(T.TOP, "lib", "x"), (later, later))
try:
    T.code_key(True)
except SystemExit as e:
    print(str(e).replace(tmp, "TMP"))'
	assert_equal "${lines[0]}" "True"
	assert_equal "${lines[1]}" "False True"
	[[ "${lines[2]}" == *"TMP/bin/af-clean is older than its sources: make build-tools first" ]] || fail "$output"
}

@test "unseen: a model file that is no model, or an unknown AF_EVENTS_ASSERT, is an error (status 78), not a silent fallback" {
	s="The Dutch trade minister met her Chilean counterpart in Rotterdam on Thursday."
	rec=$(jq -nc --arg t "$s" '{text: $t, published: "2024-03-10"}' | af-entities | af-quotes)
	for m in '{threshold: 0, features: [[a], 1]}' '{threshold: 0, features: {[a]: 1}}' '{threshold: abc, features: {bias: 1}}' \
		'{threshold: 1e400, features: {bias: 1}}' '{threshold: 0, features: 5}' '{threshold: 0, features: [bias, 1]}' \
		'{threshold: 0, features: {bias: nan}}' '[1, 2]' '{features: {bias: 1}}'; do
		model "$m"
		run --separate-stderr af-events <<<"$rec"
		echo "$m: $status $stderr"
		[ "$status" -eq 78 ]
		[[ "$stderr" == *"AF_EVENTS_ASSERT_MODEL"* ]]
	done
	# an empty input too: the model is read before the first record
	run --separate-stderr af-events </dev/null
	[ "$status" -eq 78 ]
	export AF_EVENTS_ASSERT_MODEL="$BATS_TEST_TMPDIR/no-such-model.yaml"
	run --separate-stderr af-events <<<"$rec"
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"no-such-model.yaml"* ]]
	unset AF_EVENTS_ASSERT_MODEL
	for v in OFF 0 no Features; do
		AF_EVENTS_ASSERT=$v run --separate-stderr af-events <<<"$rec"
		echo "$v: $status $stderr"
		[ "$status" -eq 78 ]
		[[ "$stderr" == *"AF_EVENTS_ASSERT: '$v'"* ]]
	done
	AF_EVENTS_ASSERT= run --separate-stderr af-events <<<"$rec"
	[ "$status" -eq 0 ]
}

# the events with their negation: "SOURCE CODE TARGET negated"
triples_neg() {
	jq -nc --arg t "$1" '{text: $t, published: "2020-01-10"}' | af-entities | af-quotes | af-events |
		jq -r '.events[] | "\(.source.actor // .source.text) \(.code) \(.target.actor // .target.text) \(.negated)"'
}

@test "unseen: talks a source rejects or rules out are its rejection (125), not talks held" {
	run triples_neg "Iran has rejected any talks with the United States."
	[ "$status" -eq 0 ]
	assert_output "IRN 125 USA false"
	run triples_neg "Ayatollah Khamenei ruled out on Friday the possibility of talks with the U.S., saying dialogue is deceit."
	assert_output --regexp "^IRN[A-Z]* 125 USA false$"
	# a refusal that is itself negated changes nothing
	run triples_neg "Iran has not ruled out talks with France."
	assert_output "IRN 040 FRA false"
}

@test "unseen: denied acts, claims rebuffed and 'no talks' are the act with negated true" {
	run triples_neg "Iran denied holding secret talks with the United States."
	assert_output "IRN 040 USA true"
	run triples_neg "The Iranian foreign minister said there will be no other talks with the U.S."
	assert_output "IRNGOV 040 USA true"
	run triples_neg "The minister rebuffed allegations that Iran was siding with Armenia."
	assert_line --regexp "^IRN 05[0-9] ARM true$"
	# someone else's act that a third party rejects keeps its source and code
	run triples_neg "The Security Council rejected a U.S. draft resolution against Iran."
	refute_output --partial "120"
}

@test "unseen: going, joining and attending are no meetings between a list's members; going to a place is a visit" {
	# CAMEO.2.0's base 040 of GO_SOMEWHERE and ASSEMBLE made these meetings (draw 24, mining)
	run triples "The treaty, signed by Brazil, Chile and Peru, went into force in March."
	[ "$status" -eq 0 ]
	assert_output ""
	run triples "Teams from Kenya, Ghana and Norway joined the five-day festival."
	assert_output ""
	run triples "Chile and Peru will attend the conference, the spokesman said."
	assert_output ""
	run triples "The Chilean foreign minister went to Lima on Monday."
	assert_output --regexp "^CHLGOV 042 PER$"
	# what a pattern names stays: forces joined are material cooperation
	run triples "Chile and Peru joined forces against drug trafficking."
	assert_line --regexp "^CHL 06[0-9] PER$"
}

@test "unseen: visits exchanged are visits, a deal left is relations reduced (161), not a retreat" {
	run triples "Chile and Peru exchanged visits last year."
	[ "$status" -eq 0 ]
	assert_line "CHL 042 PER"
	assert_line "PER 042 CHL"
	run triples "The Brazilian president withdrew from Peru's trade deal in May."
	assert_output --regexp "^BRAGOV 161 PER$"
	# forces withdrawn keep 0874
	run triples "Brazil withdrew its forces from Peru."
	assert_output --regexp "^BRA[A-Z]* 0874 PER$"
}

@test "unseen: the subject of a clause coordinated by 'and' is no target of the verb before it" {
	run triples "Brazil and Chile voted against the plan and Peru, Bolivia and Ecuador abstained."
	[ "$status" -eq 0 ]
	refute_output --partial "PER"
	run triples "Chile opposed the plan and Peru abstained."
	assert_output ""
	# a list after the verb is still its target
	run triples "Chile criticized Peru and Bolivia on Monday."
	assert_line "CHL 111 PER"
	assert_line "CHL 111 BOL"
}

@test "unseen: a 'between' pair is what a consultation is about, not its party" {
	run triples "The two ministers discussed bilateral ties as well as the talks between Lima and La Paz."
	[ "$status" -eq 0 ]
	refute_output --regexp "---GOV 04[0-9] (PER|BOL)"
	assert_line --regexp "^PER[A-Z]* 04[0-9] BOL[A-Z]*$"
	# a host's guests are its targets
	run triples "Kenya hosted talks between Chile and Peru."
	assert_line --regexp "^KEN 04[0-9] CHL$"
}

@test "unseen: talks an appeal asks for are not held; 'called his visit' names, it asks nothing" {
	run triples "Kenya called for negotiations between Chile and Peru."
	[ "$status" -eq 0 ]
	refute_output --partial "046"
	refute_line --regexp "^CHL .* PER$"
	run triples "Chile urged talks with Peru."
	assert_output "CHL 100 PER"
	run triples "The Chilean president called his visit to Peru fruitful."
	assert_output --regexp "^CHLGOV 042 PER$"
}

@test "unseen: an own group's appeal to act against a third party is no intent to cooperate" {
	run triples "Chile and Peru should impose sanctions on Bolivia, the Chilean minister said."
	[ "$status" -eq 0 ]
	refute_output --partial "030"
	# cooperation proposed to one's own group stays the intent (030)
	run triples "The Chilean minister said Chile and Peru should expand their cooperation."
	assert_output --regexp "^CHLGOV 030 PER$"
}

@test "unseen: cooperation documents and MoUs signed or inked are agreements; a phone conversation held by two is a consultation" {
	run triples "Chile and Peru signed four cooperation documents on Sunday."
	assert_line "CHL 057 PER"
	assert_line "PER 057 CHL"
	run triples "Chile inked two MoUs with Peru."
	assert_line "CHL 057 PER"
	run triples "Chile and Peru inked a trade agreement."
	assert_line "CHL 057 PER"
	run triples "Chile and Peru held a telephone conversation on Monday."
	assert_line "CHL 040 PER"
	assert_line "PER 040 CHL"
	# held somewhere is no act of holding
	run triples "Chilean diplomats were held in Peru."
	refute_output --partial "170"
}

@test "unseen: a lone MOU, which af-entities reads as an organisation, is the act's object, no side" {
	# the commonest spelling in the news (Tehran Times lines 3001-6000: 187 "MOU", 53 "MOUs")
	run triples "Chile and Peru signed an MOU on trade cooperation on Tuesday."
	assert_line "CHL 057 PER"
	assert_line "PER 057 CHL"
	run triples "Chile's trade minister signed an MOU with Peru on Monday."
	assert_output "CHLGOV 057 PER"
	# a comment on a document has no party through it
	run triples "The Chilean minister expressed satisfaction with the MOU."
	assert_output ""
	run triples "The Chilean minister expressed hope that the MOU would boost trade with Peru."
	assert_output ""
	# review: past the document only "with X" is the party, not an actor further on
	run triples "Chile struck the JCPOA in 2015, with Boric acting as Peru's chief negotiator."
	assert_output ""
}

@test "unseen: 'warned X against / of' doing something is a threat to X (130); a danger warned of is no target" {
	run triples "The Chilean foreign minister warned Peru against closing the border."
	assert_output "CHLGOV 130 PER"
	run triples "Chile has warned Bolivia of the consequences of the new law."
	assert_output "CHL 130 BOL"
	run triples "Chile warned of the danger of Peruvian military plans."
	assert_output ""
}

@test "unseen: a delegation from a country is its government's; a delegation alone is no actor" {
	run triples "A delegation from Chile met Peruvian officials in Lima."
	assert_line "CHLGOV 040 PERGOV"
	run triples "A Chilean delegation is scheduled to visit Peru next week."
	assert_line "CHLGOV 036 PER"
	run triples "The delegation met Peruvian officials."
	refute_output --partial "---"
}

@test "unseen: a demonym before a noun of goods or a topic names no actor; before a place it stays the state" {
	run triples "Chile has granted waivers to five Peruvian oil buyers."
	[ "$status" -eq 0 ]
	refute_output --partial "PER"
	run triples "Chilean copper imports from Peru are expected to grow."
	refute_output --partial "CHL"
	run triples "Brazil and Chile disagree on the Peruvian crisis."
	refute_output --partial "PER"
	# a state's territory, its delegation and its attacks keep the state
	run triples "Chile occupied a large part of Peruvian territory in 1880."
	assert_output --regexp "^CHL 19[0-9] PER$"
	run triples "The Chilean minister met the Peruvian delegation."
	# (a delegation with its country is its government: PERGOV)
	assert_output --regexp "^CHLGOV 04[0-9] PER(GOV)?$"
}

@test "review: what sanctions and attacks hit a state through keeps the state as target; an unarmed war is no force" {
	run triples "Chile imposed new sanctions on the Peruvian economy on Monday."
	[ "$status" -eq 0 ]
	assert_output "CHL 163 PER"
	run triples "Peruvian officials condemned the Chilean economic war against Peru."
	refute_output --partial "190"
	# an armed war stays force
	run triples "Peruvian officials recalled the Chilean war against Peru in 1879."
	assert_line --regexp "^CHL 19[0-9] PER$"
}

@test "review: a mediator's talks between two actors are its targets (045); a possible withdrawal is no intent" {
	run triples "Chile has brokered a deal between Peru and Bolivia."
	[ "$status" -eq 0 ]
	assert_line "CHL 045 PER"
	assert_line "CHL 045 BOL"
	run triples "Bolivia is worried about a possible Chilean withdrawal from Peru."
	refute_output --partial "0356"
	run triples "Bolivia is worried about the planned Chilean withdrawal from Peru."
	assert_line "CHL 0356 PER"
}

@test "review: a named person is a party of a call between three; a wisher named after the ties is no wisher" {
	run triples "The talks came days after a phone call between Chilean President Gabriel Boric, Peruvian President Pedro Castillo and Sheikh Mohammed bin Zayed Al Nahyan on Thursday."
	[ "$status" -eq 0 ]
	assert_line --partial "Sheikh Mohammed 041"
	run triples "Chile is very interested in boosting relations with Peru, and Bolivia will send a delegation."
	refute_output --partial "BOL 030"
	run triples "Stressing the need to boost cooperation with Peru, the Chilean foreign minister said trade would grow."
	assert_line "CHLGOV 030 PER"
}

@test "unseen: a word the tagger reads as a noun before 'of' is no verb ('head of', 'states of')" {
	run triples "Chile treats its migrants well, said Ana Torres, head of the Red Cross mission in Santiago."
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# a verb the tagger reads as one keeps its pattern
	run triples "The Chilean foreign minister will head to Lima on Monday."
	assert_output --regexp "^CHLGOV 0(36|42) PER"
}

@test "unseen: criticizing an actor for its sanctions is criticism of it (111), not CAMEO.2.0's rallying 053" {
	run triples "Chile criticized Peru for imposing new sanctions on Bolivia."
	[ "$status" -eq 0 ]
	assert_output "CHL 111 PER"
	run triples "Chile has strongly denounced the new Peruvian sanctions bill."
	assert_output "CHL 111 PER"
}

@test "unseen: leaving a place for another is a trip to the other; 'came to' and 'introduced' are no meetings" {
	run triples "The Chilean foreign minister left Santiago for Lima on Monday to attend a conference."
	[ "$status" -eq 0 ]
	assert_output --regexp "^CHLGOV 042 PER"
	run triples "Chile came to the assistance of the Peruvian forces."
	refute_output --partial "040"
	run triples "Chile and Peru introduced sanctions on Bolivia."
	refute_output --partial "040"
	assert_line "CHL 163 BOL"
}

@test "unseen: a plain verb of reporting makes no event through its dictionary patterns; what it reports does" {
	# CAMEO.2.0's SAY block holds "* VISIT" (036): the speaker was taken to intend a meeting
	run triples "Rouhani said Slovenian President Borut Pahor's visit to Iran brought positive developments in relations."
	[ "$status" -eq 0 ]
	refute_output --partial " 036 "
	run triples "The Iranian foreign ministry official added that the threat of force by the United States was illegal."
	[ "$status" -eq 0 ]
	refute_output --partial " 130 "
	# the report's own acts stay, and warn keeps its patterns
	run triples "Rouhani said Iraq attacked Kuwait on Monday."
	assert_line "IRQ 190 KWT"
	run triples "The Iranian spokesman warned France of the repercussions of hosting terrorists."
	assert_line --partial " 130 FRA"
}

@test "unseen: sanctions only named are an ongoing condition, no act; their coming into force is one (163)" {
	run triples "Chile will not join the Peruvian sanctions against Bolivia."
	[ "$status" -eq 0 ]
	refute_output --partial "163"
	run triples "Peruvian sanctions on Bolivia are unjust, the Chilean minister said."
	refute_output --partial "163"
	run triples "New Peruvian sanctions on Bolivia took effect on Monday."
	assert_output "PER 163 BOL"
	run triples "Peruvian sanctions against Bolivia were restored last year."
	assert_output "PER 163 BOL"
	# a word of onset in the noun phrase or a phrasal verb before it; a year, not any number
	run triples "Chile stepped up its sanctions on Peru."
	assert_output "CHL 163 PER"
	run triples "The latest Chilean sanctions on Peru hurt its farmers."
	assert_line "CHL 163 PER"
	run triples "Chilean sanctions on Peru in 2018 hurt trade."
	assert_output "CHL 163 PER"
	run triples "Chilean sanctions on Peru in 10 sectors hurt trade."
	refute_output --partial "163"
	# a country under sanctions is in an ongoing condition too
	run triples "Peru has been under Chilean sanctions for years."
	refute_output --partial "163"
}

@test "unseen: UN sanctions brought back by a word outside their noun phrase are no act of the UN's" {
	run triples "Chile demanded a return of all UN sanctions on Peru."
	[ "$status" -eq 0 ]
	refute_output --partial "IGOUNO 163"
	run triples "Chile is seeking to restore the UN sanctions on Peru."
	refute_output --partial "IGOUNO 163"
	# the UN's own act, and an onset word inside the noun phrase, stay; so does a state's measure
	run triples "The UN imposed sanctions on Peru."
	assert_output "IGOUNO 163 PER"
	run triples "New UN sanctions on Peru took effect on Monday."
	assert_output "IGOUNO 163 PER"
	run triples "Peruvian sanctions against Bolivia were restored last year."
	assert_output "PER 163 BOL"
	# the organisation itself named in the clause restores them (review, session 15)
	run triples "The UN Security Council restored the UN sanctions on Peru."
	assert_line --regexp "^IGOUNO 163 PER$"
}

@test "unseen: a sports story codes no events (national teams are no actors); politics stays" {
	run triples "Chile's team arrived in Lima for the FIVB tournament on Thursday. Chile defeated Peru 3-1 on Friday."
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# a word that also stands in political stories discards only its own sentence
	run triples "A former basketball star visited Lima. Chile attacked Peru on Friday."
	assert_line --regexp "^CHL 19[0-9] PER$"
	run triples "Chile's volleyball team beat Peru."
	[ -z "$output" ]
	run triples "Chile defeated Peru in straight sets on Friday."
	[ -z "$output" ]
	run triples "Chile's army arrived in Lima on Thursday. Chile attacked Peru on Friday."
	assert_line --regexp "^CHL 19[0-9] PER$"
}

@test "unseen: a past participle with a by-phrase right after a noun phrase describes it, with or without a comma: no act of its own" {
	# "the armed groups backed by Turkey" is Turkey's backing told as a description, never
	# the groups backing Turkey (the reading before: ---UAF 050 TUR)
	run triples "The armed groups backed by Turkey attacked Kurdish fighters in northern Syria on Monday."
	[ "$status" -eq 0 ]
	refute_output --partial "050 TUR"
	run triples "The armed groups, backed by Turkey, attacked Kurdish fighters in northern Syria on Monday."
	refute_output --partial "050 TUR"
	# a by-phrase of means ("by launching") is no actor: the verb keeps its reading
	run triples "The Pakistani army retaliated by shelling Indian army posts."
	assert_output "PAKMIL 190 INDMIL"
	# a finite verb before "by" is no participle: "stands by" is support
	run triples "Chile stands by Peru."
	assert_output "CHL 051 PER"
}

@test "unseen: a sanctions waiver granted, given or allowed eases sanctions for its holder (085), not aid (060)" {
	run triples "Chile granted a six-month waiver to Peru to keep buying oil from Bolivia."
	[ "$status" -eq 0 ]
	assert_line "CHL 085 PER"
	refute_output --partial " 060 "
	run triples "Peru had been given temporary exemptions by Chile."
	assert_line "CHL 085 PER"
}

@test "unseen: cooperation or trade continued with an actor is cooperation with it (05x/06x), announced an intent (03x)" {
	# the asserted-act filter's judgement aside (session 16's threshold drops this one-sentence record's
	# event): the test is about another mechanism
	export AF_EVENTS_ASSERT=off
	run triples "Brazil will continue its cooperation with Argentina."
	[ "$status" -eq 0 ]
	assert_line "BRA 032 ARG"
	run triples "Chile continued oil trade with Peru last year."
	assert_line "CHL 061 PER"
	# CAMEO.2.0's own CONTINUE patterns stay
	run triples "Chile will continue talks with Peru."
	assert_line --regexp "^CHL 03. PER$"
}

@test "unseen: appointing an envoy or promoting an officer is no event; a message carried from an actor is no meeting with it" {
	run triples "Chile has appointed a new ambassador to Peru."
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run triples "The Chilean president promoted General Ramon Diaz to the rank of major general."
	[ -z "$output" ]
	run triples "The Chilean foreign minister was carrying a message from the Peruvian president."
	[ -z "$output" ]
	run triples "The Chilean prime minister also delivered a message from Peruvian President Pedro Castillo to the Bolivian leadership."
	refute_output --partial "PERGOV"
}

@test "unseen: a list's members use force on each other only with a verb of fighting each other" {
	# the members' missiles are fired at a target the clause names, never at each other
	run triples "Chile, Peru and Bolivia fired about 100 rockets at Paraguay on Saturday."
	[ "$status" -eq 0 ]
	refute_output --partial "CHL 190 PER"
	refute_output --partial "PER 190 BOL"
	run triples "Chilean and Peruvian troops clashed on the border on Sunday."
	assert_line --regexp "^CHL[A-Z]* 190 PER[A-Z]*$"
	assert_line --regexp "^PER[A-Z]* 190 CHL[A-Z]*$"
}

@test "unseen: working with an actor is coded only announced, as an intent (032); 'is working with' is a state" {
	run triples "Chile will work with Peru to end the smuggling."
	[ "$status" -eq 0 ]
	assert_line "CHL 032 PER"
	run triples "Chile will continue to work with Peru."
	assert_line "CHL 032 PER"
	run triples "Chile is working closely with Peru on the border."
	[ -z "$output" ]
}

@test "unseen: a war waged or launched without arms is no force (190); an armed one is" {
	run triples "The Chilean government has waged a full economic war against Peru."
	[ "$status" -eq 0 ]
	refute_output --partial " 190 "
	run triples "Chile launched a psychological war on the Peruvian nation."
	refute_output --partial " 190 "
	run triples "Chile launched a war on Peru in 1879."
	assert_output "CHL 190 PER"
	# a cyber attack is force (PLOVER's ASSAULT), named or launched
	run triples "The Chilean cyber attacks on Peru continued for a week."
	assert_line "CHL 190 PER"
	run triples "Chile launched cyber attacks on Peru."
	assert_output "CHL 190 PER"
}

@test "unseen: a list that gives examples of a group (including, such as) never acts on itself; one after namely does" {
	run triples "Bolivia and the South American powers, including Chile, Peru, Brazil and Paraguay, reached an agreement in 2019."
	[ "$status" -eq 0 ]
	refute_output --partial "CHL 030 PER"
	refute_output --partial "PER 030 BRA"
	# a plain list of parties still agrees with itself
	run triples "Chile and Peru reached an agreement in 2019."
	assert_line "CHL 030 PER"
	# "namely" lists the whole group, whose members meet each other
	run triples "The leaders of the three countries, namely Chile, Peru and Bolivia, met in Lima."
	assert_line --regexp "^CHL 04[0-9] PER$"
}

@test "unseen: 'at' or 'on' after a fired weapon aims the force; a pattern's own 'at' is no scene; a weapon object is no criticism" {
	run triples "The Netherlands and Belgium fired about 40 missiles at Chile on Sunday."
	[ "$status" -eq 0 ]
	assert_line "NLD 190 CHL"
	assert_line "BEL 190 CHL"
	run triples "Peru fired nearly 20 rockets at Ecuador."
	assert_output "PER 190 ECU"
	run triples "Peru fired at Ecuador."
	assert_output "PER 190 ECU"
	run triples "Peru fired dozens of rockets at Ecuador in retaliation for the attack."
	assert_output "PER 190 ECU"
	# a verb of no force keeps its topic ("at the border" is a scene); an owner's weapons are
	# talked about, not fired (review, session 15)
	run triples "Chile deployed missiles at the Peruvian border."
	refute_output --partial "PER"
	run triples "Peru blasted Chile's nuclear weapons for threatening the region."
	assert_output "PER 111 CHL"
	# another verb's object keeps its topic: no force by the accuser
	run triples "Peru accused Bolivia of firing rockets on Ecuador."
	refute_output --partial "ECU"
	# the criticism pattern stands without a weapon; a scene stays a scene
	run triples "Peru blasted Ecuador for its remarks."
	assert_output "PER 111 ECU"
	run triples "Peruvian troops clashed with rebels at Ecuador's border."
	refute_output --partial "190 ECU"
}

@test "unseen: a verb of going on before a dictionary verb's -ing form is that verb's act; to-infinitive and bare ones are not facts" {
	run triples "Peru kept attacking Ecuador on Monday."
	[ "$status" -eq 0 ]
	assert_output "PER 190 ECU"
	run triples "Peru has continued shelling Ecuador."
	assert_output "PER 190 ECU"
	# a permission or a wish: no act, as with 'to import'
	run triples "The waiver will allow Peru to continue importing oil from Ecuador."
	refute_output --partial "PER"
	run triples "The waiver will allow Peru to continue to import oil from Ecuador."
	refute_output --partial "PER"
	# a bare 'continue' coordinated with an infinitive: what was urged, no fact
	run triples "Chile urged Peru not to yield to the pressure and continue buying oil from Ecuador."
	refute_output --partial "PER 06"
	refute_output --partial "CHL 06"
}

@test "unseen: an actor after 'despite' is a concession, never the target" {
	run triples "Peru continues to comply with the deal despite the Chilean withdrawal."
	[ "$status" -eq 0 ]
	refute_output --partial "CHL"
	run triples "Peru said it will keep buying oil from Ecuador despite Chile's pressure."
	refute_output --partial "CHL"
}

@test "unseen: an actor inside a subordinate clause is that clause's, never the target of the verb before it (session 17)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chile launched a military campaign immediately after four airplanes crashed into Peruvian buildings."
	[ "$status" -eq 0 ]
	refute_output --partial "PER"
	# a phrase after 'after' is no clause: its actor stays the target
	run triples "Chile launched a military campaign after the attack on Peru."
	assert_line "CHL 190 PER"
}

@test "unseen: failing to do an act is no rejection (CAMEO.2.0's bare 'fail' 120); refusing is" {
	run triples "Chile failed to defeat Peru."
	[ "$status" -eq 0 ]
	refute_output --partial "120"
	run triples "If Chile and Peru failed to facilitate Bolivia's exports, the law would apply."
	refute_output --partial "120"
	run triples "Chile refused to meet Peru."
	assert_output "CHL 125 PER"
}

@test "unseen: paying a price for an act is no payment; the act named stays (review, session 15)" {
	run triples "Chile will pay a high price for its war on Peru."
	[ "$status" -eq 0 ]
	refute_output --partial " 03"
	refute_output --partial " 07"
	run triples "Chile paid a heavy price for its war on Peru."
	refute_output --partial " 07"
	# a payment made stays one
	run triples "Chile paid Peru 10 million dollars in compensation."
	assert_output --regexp "^CHL 0[67][0-9] PER$"
}

@test "unseen: a list's one-way trade (import, sell) is each member's own, never with each other (session 16)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chile, Peru and Bolivia imported 2 million barrels of oil in May."
	[ "$status" -eq 0 ]
	assert_output ""
	# a partner named stays each member's target; trading is joint
	run triples "Chile and Peru imported goods from Bolivia."
	assert_line "CHL 061 BOL"
	assert_line "PER 061 BOL"
	run triples "Chile and Peru traded goods worth 3 million dollars last year."
	assert_line "CHL 060 PER"
}

@test "unseen: talks between X and Y that a word wants brought about or weighs are not held (session 16)" {
	export AF_EVENTS_ASSERT=off
	run triples "Brazil is ready to broker talks between Chile and Peru."
	[ "$status" -eq 0 ]
	refute_output --partial "CHL 040 PER"
	run triples "Brazil reiterated its support for talks between Chile and Peru."
	refute_output --partial "CHL 040 PER"
	run triples "Brazil said Lima is a good place for negotiations between Chile and Bolivia."
	refute_output --partial "CHL 046 BOL"
	# brokered, hosted or held: held
	run triples "Brazil brokered talks between Chile and Peru."
	assert_line "CHL 040 PER"
	run triples "Talks between Chile and Peru were held in Lima."
	assert_line "PER 040 CHL"
	# talks resumed are held
	run triples "Brazil welcomed the resumption of talks between Chile and Peru in Lima."
	assert_line "CHL 040 PER"
}

@test "unseen: an invitation is an appeal to meet or visit (026), not a meeting held (040) (session 16)" {
	export AF_EVENTS_ASSERT=off
	run triples "The Chilean president has invited the Peruvian president to hold the next summit in Santiago."
	[ "$status" -eq 0 ]
	assert_output "CHLGOV 026 PERGOV"
	run triples "Chile invited Peru to visit Santiago."
	assert_output "CHL 026 PER"
}

@test "unseen: two businesses' dealings are commerce, no political event; a business with a government stays (session 16)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chilean companies signed a memorandum of understanding with Peruvian companies on Monday."
	[ "$status" -eq 0 ]
	assert_output ""
	run triples "Foreign companies from Chile, Peru and Bolivia will gather with domestic exhibitors at the fair."
	assert_output ""
	run triples "Chilean companies signed a memorandum of understanding with the Peruvian government on Monday."
	assert_output "CHLBUS 057 PERGOV"
	# multinationals (MNC codes) are businesses too
	run triples "Exxon signed a deal with the Italian company Eni."
	assert_output ""
}

@test "unseen: tourists' and pilgrims' trips are counts and habits, no political event; an official's visit stays (session 16)" {
	export AF_EVENTS_ASSERT=off
	run triples "Over 2 million foreign tourists visited Chile last year."
	[ "$status" -eq 0 ]
	assert_output ""
	run triples "Tourists from Peru, Bolivia and Ecuador arrived in Santiago on Tuesday."
	assert_output ""
	run triples "Peruvian pilgrims headed to Chile."
	assert_output ""
	run triples "The Peruvian foreign minister visited Chile last year."
	assert_output "PERGOV 042 CHL"
}

@test "unseen: a compound subject that had or held a call or talks did it with each other" {
	run triples "The Chilean foreign minister and his Peruvian counterpart had a telephone conversation on Tuesday."
	[ "$status" -eq 0 ]
	assert_line "CHLGOV 041 PERGOV"
	assert_line "PERGOV 041 CHLGOV"
	run triples "Chile and Peru had a meeting in Lima on Monday."
	assert_line "CHL 040 PER"
	assert_line "PER 040 CHL"
	# still to come, denied or none: no event
	run triples "Chile and Peru would have a meeting next week."
	refute_output --partial " 04"
	run triples "Chile and Peru do not have any direct talks."
	refute_output --partial " 04"
	run triples "Chile and Peru have had no talks since 2018."
	refute_output --partial " 04"
	# a party named after an adjunct: the talks are with it, not between the subject's members
	run triples "Chile and Peru held talks in Lima with Bolivia."
	refute_line "CHL 040 PER"
	refute_line "PER 040 CHL"
}

@test "unseen: agreeing to act is an intent to cooperate (030), not diplomatic cooperation (050) (session 17)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chile agreed to send humanitarian aid to Peru."
	[ "$status" -eq 0 ]
	assert_line "CHL 030 PER"
	refute_output --partial " 050 "
	# a compound subject agrees with each other, as agreeing (05x) did
	run triples "Chile and Peru agreed to expand economic cooperation."
	assert_line "CHL 030 PER"
	assert_line "PER 030 CHL"
	# agreeing with someone, or to a noun, keeps its own code
	run triples "Chile and Peru agreed to a ceasefire."
	assert_line "CHL 0871 PER"
}

@test "unseen: a clause opened by 'once' or 'in case' is a condition, no act (session 17)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chile will send aid to Peru once Peru lifts its sanctions on Chile."
	[ "$status" -eq 0 ]
	assert_line "CHL 033 PER"
	refute_line "PER 085 CHL"
	run triples "Chile will send aid to Peru in case the United States lifts its sanctions on Peru."
	assert_line "CHL 033 PER"
	refute_output --partial " 085 "
	# the adverb is no condition
	run triples "Chile once again condemned Peru."
	assert_line "CHL 111 PER"
	run triples "Chile once condemned Peru."
	assert_line "CHL 111 PER"
}

@test "unseen: the infinitive after a verb of intent or agreement is the intent toward its own party (session 17)" {
	export AF_EVENTS_ASSERT=off
	run triples "Chile agreed to lift sanctions on Peru."
	[ "$status" -eq 0 ]
	assert_line "CHL 035 PER"
	run triples "Chile has decided to lift sanctions on Peru."
	assert_line "CHL 035 PER"
	# the governing verb's own party stands: one intent a pair
	run triples "Chile agreed to send humanitarian aid to Peru."
	assert_line "CHL 030 PER"
	refute_line "CHL 033 PER"
}
