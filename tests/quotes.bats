#!/usr/bin/env bats
# af-quotes: the sample's quotes and non-quotes (gold file), the shapes of direct, mixed,
# split and indirect quotes, speakers with and without entities, the lexicon option, and
# bad input (records without text, unbalanced quote marks anywhere, text of only quote
# marks, a 5 MB quote): a message, an exact status, nothing lost.

load test_helper
bats_require_minimum_version 1.5.0

# rec TEXT: one NDJSON record {"id":"t","text":TEXT}
rec() {
	jq -cn --arg t "$1" '{id: "t", text: $t}'
}

# quotes TEXT [OPTIONS]: the quotes af-quotes finds in TEXT, compact JSON, one a line
quotes() {
	local t=$1
	shift
	rec "$t" | af-quotes "$@" | jq -c '.quotes[]'
}

# every span's text is text[start:end] (code points)
spans_ok() {
	jq -e '. as $r | [.quotes[] | (., .speaker // empty, (.quoted // [])[], (.parts // [])[])
		| select(.start != null) | ($r.text[.start:.end] == .text)] | all' "$1" >/dev/null
}

@test "the sample: the quotes and non-quotes of the gold file" {
	command -v python3 >/dev/null || skip "python3 is absent"
	af-clean "$SAMPLE" | af-quotes >"$T/out"
	spans_ok "$T/out"
	run python3 - "$T/out" "$GOLD" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
gold = json.load(open(sys.argv[2]))['quotes']
qs = r['quotes']
bad = []
low = lambda s: (s or '').lower()
for g in gold['must']:
    hits = [q for q in qs if g['contains'] in q['text']]
    if not hits:
        bad.append('missing: ' + g['contains']); continue
    q = hits[0]
    if q['kind'] != g['kind']: bad.append(f"kind {q['kind']} for {g['contains']}")
    sp = q.get('speaker') or {}
    names = [low(sp.get('text')), low(sp.get('canonical'))]
    want = [g['speaker']] if 'speaker' in g else g['speaker_any']
    if not any(low(w) in n for w in want for n in names if n): bad.append(f"speaker {sp} for {g['contains']}")
    if 'cue' in g and low(q.get('cue')) != g['cue']: bad.append(f"cue {q.get('cue')} for {g['contains']}")
for m in gold['must_not']:
    if any(q['text'].strip() == m['text'] for q in qs): bad.append('not a quote: ' + m['text'])
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
	assert_success
	assert_output ""
}

@test "the sample with af-contract-check" {
	[ -x "$SHARED/tools/af-contract-check" ] || skip "../shared/tools is absent"
	af-clean "$SAMPLE" >"$T/in"
	af-quotes <"$T/in" >"$T/out"
	run "$SHARED/tools/af-contract-check" quotes "$T/in" "$T/out"
	assert_success
}

@test "a direct quote with the speaker after it, and its continuation as one split quote" {
	run quotes '"We will not give up," Smith said. "The talks go on."'
	assert_success
	assert_equal "${#lines[@]}" 1
	run jq -r '[.kind, .speaker.text, .cue, (.parts | length)] | @tsv' <<<"$output"
	assert_output $'direct\tSmith\tsaid\t2'
}

@test "an inverted attribution with an apposition: said X, a spokesman" {
	run quotes '“The border is closed,” said Zabihullah Mujahid, a spokesman for the government.'
	run jq -r '[.kind, .text, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tThe border is closed,\tZabihullah Mujahid'
}

@test "a colon cue: Muttaqi: \"...\"" {
	run quotes 'Muttaqi: "We want good relations with all our neighbours."'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tMuttaqi'
}

@test "a mixed quote keeps its quoted fragment with offsets" {
	rec 'The minister described the deal as a "golden opportunity for lasting peace" on Monday.' | af-quotes >"$T/out"
	spans_ok "$T/out"
	run jq -r '.quotes[0] | [.kind, .speaker.text, .cue, .quoted[0].text] | @tsv' "$T/out"
	assert_output $'mixed\tThe minister\tdescribed\tgolden opportunity for lasting peace'
}

@test "indirect speech: X said that ..., according to X, X told Y that ..." {
	run quotes 'The governor said that the road would reopen next week.'
	run jq -r '[.kind, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'indirect\tThe governor\tthat the road would reopen next week'
	run quotes 'According to the report, three districts fell in July.'
	run jq -r '[.kind, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'indirect\tthe report\tthree districts fell in July'
	run quotes 'Karimi told reporters that the ceasefire held.'
	run jq -r '[.kind, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'indirect\tKarimi\tthat the ceasefire held'
}

@test "CONTENT, according to X, an appositive: the words that describe X are not content" {
	run quotes 'Exports rose by a third this year, according to Reza Karimi, an economist at the central bank.'
	run jq -r '[.kind, .speaker.text, .text, (.parts | length)] | @tsv' <<<"$output"
	assert_output $'indirect\tReza Karimi\tExports rose by a third this year\t0'
	run quotes 'Exports rose by a third, according to Reza Karimi, who runs the trade office.'
	run jq -r '[.speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'Reza Karimi\tExports rose by a third'
	# a clause after the source is content, the second part of it
	run quotes 'The new road, according to Reza Karimi, will open in the spring after long delays.'
	run jq -r '[.speaker.text, (.parts | map(.text) | join("|"))] | @tsv' <<<"$output"
	assert_output $'Reza Karimi\tThe new road|will open in the spring after long delays'
}

@test "a pronoun speaker resolves to the person named before it" {
	run quotes 'Ahmad Massoud spoke in Dushanbe. "We are ready for talks," he said.'
	run jq -r 'select(.kind == "direct") | [.speaker.text, .speaker.canonical] | @tsv' <<<"$output"
	assert_output $'he\tAhmad Massoud'
}

@test "entities from af-entities give the speaker's canonical name" {
	jq -cn '{text: "\"We are ready,\" Dostum said.",
	         entities: [{text: "Dostum", type: "PERSON", start: 16, end: 22, canonical: "Abdul Rashid Dostum"}]}' |
		af-quotes >"$T/out"
	run jq -r '.quotes[0].speaker | [.text, .canonical, .type] | @tsv' "$T/out"
	assert_output $'Dostum\tAbdul Rashid Dostum\tPERSON'
}

@test "a name after a dash closing the line is the speaker" {
	run quotes $'“Trump must stop portraying Latinos as dangerous gangsters.”― Carla Sanchez.\n\n"I helped write that bill, and I am proud of it."\n\n- Sanders'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\t―\tCarla Sanchez\ndirect\t-\tSanders'
	# a dash that goes on into a sentence is no attribution
	run quotes 'She used the words "make America great again" — Trump said it first.'
	run jq -r 'select(.cue == "—")' <<<"$output"
	assert_output ""
}

@test "a cue in an opening subordinate clause does not take the main clause's quote" {
	run quotes 'After Trump argued that Medicare should not be cut, Rubio said only that his “numbers don’t add up.”'
	run jq -r '[.kind, .cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'indirect\targued\tTrump\tthat Medicare should not be cut\nmixed\tsaid\tRubio\tthat his “numbers don’t add up.”'
	# a clause linked to the frame's content reports its own words
	run quotes 'The minister said that he would go ahead with the meeting, although his deputy tweeted that he "rejects the latest comments."'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'indirect\tsaid\tThe minister\nmixed\ttweeted\this deputy'
	run quotes 'Eric Ferrero said observers were sent with the marchers, whom he described as "peaceful," for the length of the route.'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'indirect\tsaid\tEric Ferrero\nmixed\tdescribed\the'
}

@test "speakers: adverbs before the cue, listeners, the reporting clause of a pronoun, infinitives" {
	run quotes 'Ohio Gov. John Kasich has also broadly called for "boots on the ground."'
	run jq -r '.speaker.text' <<<"$output"
	assert_output 'Ohio Gov. John Kasich'
	run quotes 'Carson did not mention his opponents by name, but told his supporters, "Our nation is in horrible trouble. Why talk about each other?"'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tCarson'
	run quotes 'Benjamin said he believes "there may be some generals who are beating their chest."'
	run jq -r '.speaker.text' <<<"$output"
	assert_output 'Benjamin'
	run quotes 'The senator is expected to announce that he will visit Mexico next week.'
	run jq -r 'select(.cue == "expected") | [.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'indirect\tThe senator'
}

@test "speakers after a quote: a lone determiner, ages, of-phrases, appositions, an unknown verb" {
	for t in '“America is great! Trump is disgusting,” read one.|one' \
		'“Donald is an amazing leader,” said the 46-year-old.|the 46-year-old' \
		'“It was awful,” said one of two witnesses who relayed the story.|one of two witnesses' \
		'"Thanks for welcoming these refugees," said master of ceremonies Asab Al-Tabchi, a Syrian engineer.|Asab Al-Tabchi' \
		'"He should resign now!" the presumptive nominee, Donald Trump, tweeted Sunday.|the presumptive nominee' \
		'"Friend, let me be blunt. I can win this race," the email read.|the email'; do
		run quotes "${t%|*}"
		run jq -r 'select(.kind == "direct") | .speaker.text' <<<"$output"
		assert_output "${t#*|}"
	done
}

@test "doubled apostrophes are apostrophes, not quote marks" {
	run quotes "As boos erupt, the executive says, ''Please quiet down now, all of you.''"
	run jq -r '[.kind, .cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output "indirect	says	the executive	''Please quiet down now, all of you.''"
}

@test "speakers before the cue: asides after the name, time phrases, an opening time adverbial" {
	for t in 'Cory James, 22, of Flint, Mich., said he had not given up hope of a convention "surprise."|Cory James' \
		'Clinton, during a town hall meeting in Columbus, Ohio, said she was "going to put a lot of coal miners out of business."|Clinton' \
		'District Judge Carlton W. Reeves late Thursday night issued an order blocking a "religious liberty" law.|District Judge Carlton W. Reeves' \
		'The State Department less than two weeks ago said that “top secret” intelligence had passed through the server.|The State Department' \
		'But a few days later, Trump reversed himself yet again, telling CBS that the laws on abortion "are set."|Trump' \
		'Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” clearly intended it.|Beck'; do
		run quotes "${t%|*}"
		run jq -r 'select(.kind == "mixed") | .speaker.text' <<<"$output"
		assert_output "${t#*|}"
	done
}

@test "a quote after a sentence that ends with its speaker's cue: that speaker" {
	run quotes $'"Cruz is a strong candidate," said Craig Robinson, an editor.\n\nDianne Bystrom agreed. "Mainstream Republicans are running out of time to find an alternative."'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tCraig Robinson\ndirect\tDianne Bystrom'
}

@test "a quote inside a quote with the same marks stays inside it" {
	run quotes 'Jeff tweeted: “People behind her wearing “Settle For Hillary” shirts at her event in Hudson. Ouch.”'
	run jq -r '[.kind, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'direct\tJeff\tPeople behind her wearing “Settle For Hillary” shirts at her event in Hudson. Ouch.'
}

@test "titles and scare quotes are not quotes" {
	run quotes 'The statement, issued under the title “National Consensus of Afghan Political Parties,” was released on Tuesday. They call it a "deal".'
	assert_success
	assert_output ""
}

@test "a multi-paragraph quote is one quote" {
	run quotes $'Karzai said:\n\n“The first paragraph goes on.\n\n“The second one closes it.”'
	assert_equal "${#lines[@]}" 1
	run jq -r '[.kind, .speaker.text, (.text | test("first.*second"; "p"))] | @tsv' <<<"$output"
	assert_output $'direct\tKarzai\ttrue'
}

@test "running af-quotes twice gives the same line" {
	af-clean "$SAMPLE" | af-quotes >"$T/once"
	af-quotes <"$T/once" >"$T/twice"
	cmp "$T/once" "$T/twice"
}

@test "--lexicon adds a cue verb" {
	printf 'cues:\n  - harrumphed\n' >"$T/lex.yaml"
	run quotes 'The envoy harrumphed that the talks would fail.'
	assert_output ""
	run quotes 'The envoy harrumphed that the talks would fail.' --lexicon "$T/lex.yaml"
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'indirect\tharrumphed\tThe envoy'
}

@test "a bad lexicon names file:line:col and exits 78" {
	printf 'cues:\n  - said\nverbs: [x]\n' >"$T/bad.yaml"
	run --separate-stderr af-quotes --lexicon "$T/bad.yaml" </dev/null
	assert_equal "$status" 78
	[[ $stderr == *"bad.yaml:3:1:"* ]] || fail "stderr: $stderr"
	printf 'cues: [said\n' >"$T/bad2.yaml"
	run --separate-stderr af-quotes --lexicon "$T/bad2.yaml" </dev/null
	assert_equal "$status" 78
	[[ $stderr == *"bad2.yaml:"*:*": "* ]] || fail "stderr: $stderr"
}

# ---- bad input ----

@test "a record without text goes on unchanged and counted; text that is not a string is rejected" {
	printf '%s\n' '{"id":"a","text":"He said it."}' '{"id":"b"}' '{"id":"c","text":7}' '{"id":"d","text":"x"}' >"$T/in"
	run --separate-stderr bash -c 'af-quotes --reject "$1" <"$2" >"$3"' _ "$T/rej" "$T/in" "$T/out"
	assert_equal "$status" 65
	[[ $stderr == *'line 2: no "text" field: nothing to read (passed through unchanged)'* ]] || fail "stderr: $stderr"
	[[ $stderr == *'line 3: "text" is not a string'* ]] || fail "stderr: $stderr"
	run jq -r .id "$T/out"
	assert_output $'a\nb\nd'
	sed -n 2p "$T/out" | grep -qx '{"id":"b"}'
	run cat "$T/rej"
	assert_output '{"id":"c","text":7}'
}

@test "unbalanced quote marks in every position: no crash, valid spans, one line each" {
	for t in '"' '“' '”' '"Unclosed at the start, he said.' 'He said "unclosed at the end' \
		'Closed only” at the middle, he said.' 'He said: “one “two” three' \
		$'He said: “one\n\nNo mark here.\n\n”Stray close.' '«Guillemets» and „low“ marks, she said.' \
		'"a" "b" "c' '‘single’ ’ ‘ and straight '"'"' marks' ':"' ',"' '" said' 'said "' '“”“”“' \
		'He said, "It was ''great'' and "really" good."'; do
		rec "$t"
	done >"$T/in"
	run --separate-stderr bash -c 'af-quotes <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$(wc -l <"$T/out")" "$(wc -l <"$T/in")"
	while IFS= read -r line; do
		printf '%s\n' "$line" >"$T/one"
		spans_ok "$T/one" || fail "bad span in: $line"
	done <"$T/out"
}

@test "text of only quote marks, and empty text, give no quotes" {
	printf '%s\n' '{"text":"\"\"\"\"\"\""}' '{"text":"“”“”‘’«»"}' '{"text":""}' '{"text":"  \n\n "}' >"$T/in"
	run --separate-stderr bash -c 'af-quotes <"$1" | jq -c .quotes' _ "$T/in"
	assert_equal "$status" 0
	assert_output $'[]\n[]\n[]\n[]'
}

@test "a 5 MB quote: found whole, nothing lost" {
	head -c 5000000 /dev/zero | tr '\0' 'a' | sed 's/aaaaaaa/word a /g' |
		{ printf '{"id":"big","text":"Karzai said: \\"'; cat; printf '.\\" Then he left."}\n'; } >"$T/in"
	printf '%s\n' '{"id":"after","text":"\"Yes,\" she said."}' >>"$T/in"
	run --separate-stderr bash -c 'af-quotes <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	run jq -r '[.id, (.quotes | length), (.quotes[0].kind), (.quotes[0].text | length > 4000000)] | @tsv' "$T/out"
	assert_output $'big\t1\tdirect\ttrue\nafter\t1\tdirect\tfalse'
	# the text field went through unchanged
	cmp <(jq -r .text "$T/in") <(jq -r .text "$T/out")
}

@test "a source named by \"according to\" after a direct quote's attribution is its via, else the speaker" {
	run quotes '“I ask you not to engage in any kind of protest,” Sanders said, according to CNN.'
	run jq -r '[.kind, .cue, .speaker.text, .via.text] | @tsv' <<<"$output"
	assert_output $'direct\tsaid\tSanders\tCNN'
	run quotes 'She later compared the conversation to a “root canal,” according to Axelrod’s memoir.'
	run jq -r 'select(.kind == "mixed") | .speaker.text' <<<"$output"
	assert_output 'Axelrod'
	# without it, the speaker stays
	run quotes '“I ask you not to engage in any kind of protest,” Sanders said on Sunday.'
	run jq -r '.speaker.text' <<<"$output"
	assert_output 'Sanders'
}

@test "a verb after a quoted apposition is no inverted attribution when an object follows" {
	run quotes 'Washington, star of television’s “Scandal,” thanked Obama for “taking these steps.”'
	run jq -r '[.kind, .cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'mixed\tthanked\tWashington\tObama for “taking these steps.”'
	run quotes 'This is a "raw time," said Democratic strategist David Axelrod.'
	run jq -r '[.kind, .cue, .text] | @tsv' <<<"$output"
	assert_output $'mixed\tsaid\tThis is a "raw time,"'
}

@test "a cue in an opening participle clause: the main clause's subject speaks" {
	for t in 'Holding signs calling Christie “New Jersey’s Biggest Loser,” the protesters chanted outside.|the protesters' \
		'Citing “obligations in Tennessee,” the former vice president’s spokeswoman told POLITICO that Gore would skip it.|the former vice president’s spokeswoman' \
		'While Will acknowledges Trump’s appeal as a “forceful persona,” he sees Christie as tougher.|Will' \
		'Led by the speaker, the rally denounced the call for "a total and complete shutdown."|the rally' \
		'Acknowledging that Trump “says a lot of stupid stuff,” though, Allen did suggest that his wealth helps.|Allen'; do
		run quotes "${t%|*}"
		run jq -r 'select(.kind == "mixed") | .speaker.text' <<<"$output"
		assert_output "${t#*|}"
	done
}

@test "quoted words inside a clause that a cue after them reports are a mixed quote" {
	run quotes 'Nothing the president said "will assuage people'"'"'s fears," the Florida senator said.'
	run jq -r '[.kind, .cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'mixed\tsaid\tthe Florida senator\tNothing the president said "will assuage people\'s fears,"'
	run quotes '"Boots on the ground" would be appropriate, Republican candidate Ben Carson said after the attacks.'
	run jq -r '[.kind, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'mixed\tRepublican candidate Ben Carson\t"Boots on the ground" would be appropriate'
}

@test "shouts before a short quote; the subject of the clause a participle hangs on" {
	run quotes 'The first incident came during a speech, when Sanders protesters interrupted her speech, shouting “she wins, we lose!”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tshouting\tSanders'
	run quotes 'Some of his supporters punched a protester, with Trump reportedly yelling: “Get him the hell out of here!”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tyelling\tTrump'
	run quotes 'Warren appeared with Rachel Maddow and officially endorsed Clinton, saying, “I think having a fighter in the lead is what this country needs.”'
	run jq -r 'select(.kind == "direct") | .speaker.text' <<<"$output"
	assert_output 'Warren'
}

@test "a cue coordinated by \"and\": the subject of the first verb's clause" {
	run quotes 'When Robby Mook, the campaign manager, was asked if Clinton would hold a press conference, he laughed and said, “We’ll see.”'
	run jq -r 'select(.kind == "direct") | [.cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'said\the'
	run quotes 'Eight years ago, he supported Barack Obama over Clinton and said, “Hillary Clinton has never done nothing for us.”'
	run jq -r 'select(.kind == "direct") | [.cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'said\the'
}

@test "a dateline is no speaker" {
	run quotes 'WASHINGTON, Dec. 8 (UPI) — In response to the proposal, Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tHillary Clinton'
	run quotes 'On Friday, Gingrich — mentioned as a choice — told Bill O’Reilly that “you have to look at it very seriously.”'
	run jq -r '.speaker.text' <<<"$output"
	assert_output 'Gingrich'
}

@test "a poll that opens the sentence speaks for the share of people it counts" {
	run quotes 'In a September Washington Post-ABC News poll, 75 percent of Republicans said "most people in politics" cannot be trusted.'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\ta September Washington Post-ABC News poll'
	run quotes 'In Iowa, 75 percent of Republicans said "most people in politics" cannot be trusted.'
	run jq -r '.speaker.text' <<<"$output"
	assert_output 'Republicans'
}

@test "an attribution after the content, followed by a participle: the content is before it" {
	run quotes 'Grayson said Randolph “would have no chance to win,” the source recalled, adding that Grayson wanted to marry her.'
	run jq -r 'select(.kind == "mixed") | [.cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'recalled\tthe source\tGrayson said Randolph “would have no chance to win,”'
}

@test "an opening adverb in -ly and a comma before \"and\" do not hide the subject" {
	run quotes 'Hastily politicizing the tragedy in Nice, Trump cast the blame on his rivals, and emphasized the threat that “Islamic terrorism” poses.'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\temphasized\tTrump'
	run quotes 'Shortly after the call ended, Rubio’s campaign sent out a press release saying Murphy owes “Florida an explanation.”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\tsaying\tRubio'
}

@test "a relative clause between a cue and its colon does not hide the cue" {
	run quotes 'Asked about the campaign, Sanders responded with a phrase that could have come from Trump himself: “Do not moan to me about Hillary Clinton’s problems.”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tresponded\tSanders'
}

@test "an attribution between quoted words and the rest of the clause: a comma inside the marks" {
	run quotes 'Bernie Sanders'"'"' plan would "end all the kinds of health care we know," Hillary Clinton declared in an interview Thursday, in the latest escalation.'
	run jq -r '[.kind, .cue, .speaker.text, .parts[0].text] | @tsv' <<<"$output"
	assert_output $'mixed\tdeclared\tHillary Clinton\tBernie Sanders\' plan would "end all the kinds of health care we know,"'
}

@test "a party tag in brackets between the name and the cue" {
	run quotes 'Saturday at the Massachusetts Democratic state party convention Sen. Elizabeth Warren (D-MA) said Trump was a “proven failure” in business.'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\tsaid\tSen. Elizabeth Warren'
}

@test "a participle after a noun is no cue, and its agent no speaker" {
	run quotes 'Then, in a statement issued in his name shortly after the article was published, Carson said he has “100 percent confidence in my campaign team.”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\tsaid\tCarson'
	run quotes 'A Feb. 1 letter from the American Legion obtained by The Associated Press warns that “any further communication will be through our attorney.”'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'mixed\twarns\tthe American Legion'
}

@test "a title credited after it (\"...,\" by X) is no quote" {
	run quotes 'BROADWAY BEAT—"Matthew Morrison is leaving the show after one season," by Times'"'"' Michael Paulson: "Matthew Morrison is leaving."'
	run jq -r '.text' <<<"$output"
	assert_output 'Matthew Morrison is leaving.'
}

@test "a title in title case with short function words is no quote" {
	run quotes '“Orange is the New Black” star Dascha Polanco opened up about her insecurities growing up.'
	run jq -r 'select(.kind != "indirect") | .text' <<<"$output"
	assert_output ''
}

@test "quoted words with no cue before them and an attribution after: its speaker, not a possessive" {
	run quotes 'Acs is a student. Trump'"'"'s support nationwide means "he must be doing something right," she says, "but I don'"'"'t know if I would vote for him."'
	run jq -r 'select(.kind == "mixed") | [.cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'says\tshe\tTrump\'s support nationwide means "he must be doing something right,"'
}

@test "a sentence adverb before the attribution is no speaker" {
	run quotes $'Rather, he said, continued struggles by the campaign will coalesce support around stopping him.\n\n“To my knowledge, there is no heavy-hitter as yet involved. My opinion is, if this effort becomes more serious, it will get money.”'
	run jq -r 'select(.kind == "direct") | .speaker.text' <<<"$output"
	assert_output 'he'
}

@test "a name with a party tag and an apposition after the quote is its speaker" {
	run quotes $'\u201cThey would just go get them,\u201d Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview. \u201cIt\u2019s the strangest stuff I have ever seen.\u201d'
	run jq -r '[.kind, .cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tsaid\tRep. Jim Jordan'
}

@test "a preposition after an inverted cue opens no speaker" {
	run quotes 'The economy is strong and getting stronger, said in an interview on Monday.'
	assert_output ''
}

@test "a name after a preposition before a colon is no speaker" {
	run quotes 'Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It is time to quit attacking various people and get on message."'
	run jq -r '[.cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $':\tSenate Majority Leader Mitch McConnell'
}

@test "a long opening adverbial is passed over before the subject" {
	run quotes 'With Democratic leaders increasingly worried about a lack of passion for Hillary Clinton among young black voters, President Obama is rolling out a new and more personal campaign message: "It is about me and my legacy now."'
	run jq -r 'select(.kind == "direct") | [.cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $':\tPresident Obama'
}

# the speakers' canonical names of TEXT through af-entities and af-quotes, one a line
speakers() {
	jq -cn --arg t "$1" '{id: "t", text: $t, published: "2023-05-01T10:00:00+04:30"}' |
		af-entities | af-quotes | jq -r '.quotes[] | .speaker.canonical // "null"'
}

@test "speakers: a pronoun never resolves to a listener or a place's namesake" {
	run speakers 'Bagheri told Pakistani envoy Nadeem Reza that the border was open. "We are ready," he added.'
	assert_line --index 1 "Bagheri"
	run speakers 'Raisi prayed at the shrine of Imam Khomeini. "It is a good day," he said.'
	assert_line --index 0 "Raisi"
	run speakers 'Muttaqi met with Iranian envoy Hassan Kazemi Qomi in Kabul. "Relations are good," he said.'
	assert_line --index 0 "Muttaqi"
}

@test "speakers: a nationality is never the canonical; the title's holder of that country is" {
	run speakers 'Iranian President Ebrahim Raisi arrived in Kabul. "We will help," the Iranian president said.'
	assert_line --index 0 "Ebrahim Raisi"
	# no holder of that title named before: no canonical rather than "Iranian"
	run speakers '"We will help," the Iranian president said.'
	assert_line --index 0 "null"
}

@test "a title with no name is the person named before; a name inside a quote is no antecedent" {
	run speakers 'Saeed Khatibzadeh, the spokesman for the Foreign Ministry, spoke on Friday. "Not a day goes by without an offer of talks," the spokesman said in an interview.'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "Saeed Khatibzadeh" ] || fail "the spokesman: $output"
	run speakers 'Mikhail Ulyanov, the Russian envoy, spoke on Sunday. "The talks are underway," he said. "To my surprise the press calls it a deadlock," the Russian diplomat said.'
	[ "${lines[1]}" = "Mikhail Ulyanov" ] || fail "the Russian diplomat: $output"
	run speakers 'Abbas Araqchi spoke at the conference. "[Donald Trump'"'"'s] move is not only unfair, but illegal," he added.'
	[ "${lines[0]}" = "Abbas Araqchi" ] || fail "he after a quote naming Trump: $output"
}

@test "speakers: he after a quote of one person is that person, though someone was named since" {
	run speakers 'Ayatollah Ali Khamenei spoke to clerics. "Fear of God is a strategy," he said. He listed the taste of the audience as a requirement of God'"'"'s work. "The language you use with the young is different," he said.'
	assert_line --index 1 "Ayatollah Ali Khamenei"
	# another speaker named since breaks the run
	run speakers 'Ali Rezaei spoke first. "We are ready," he said. "Prices rose," Hassan Karimi, a trader, said. "Nothing changed," he added.'
	assert_line --index 2 "Hassan Karimi"
}

@test "speakers: the one quoted, not the medium; a ministry keeps its country" {
	run speakers 'Pompeo spoke at the Heritage Foundation. "Sanctions are going back in full effect," CNN quoted Pompeo as saying.'
	assert_line --index 0 "Pompeo"
	run speakers 'The Chinese Foreign Ministry said in a statement that "China proposes a regional platform." Iran'"'"'s Foreign Ministry said, "We will study it."'
	assert_line --index 0 "Chinese Foreign Ministry"
	assert_line --index 1 "Iran's Foreign Ministry"
}

@test "speakers: the ministry, the statement and it go with the body named before; a name before a description" {
	run speakers 'Iran'"'"'s Foreign Ministry issued a statement on Monday. "The report was prepared under U.S. direction," the statement read. "Such reports fail," it added. "Nothing will change," the ministry warned.'
	assert_line --index 0 "Iran's Foreign Ministry"
	assert_line --index 1 "Iran's Foreign Ministry"
	assert_line --index 2 "Iran's Foreign Ministry"
	run speakers '"About 50 MOUs have been signed," Reza Padidar, another TCCIMA member, said.'
	assert_line --index 0 "Reza Padidar"
}

@test "speakers: the Iraqi foreign minister is the foreign minister named before, though of no known country" {
	run speakers 'Iraqi Foreign Minister Fuad Hussein met Donald Trump. Trump said nothing. During the meeting, the Iraqi foreign minister said that his country will never forget it. He said, "Saddam could not drive a wedge between the two nations."'
	assert_line --index 1 "Fuad Hussein"
}

@test "speakers: said Title in Place Name is the person" {
	run speakers '"WFP is very grateful to China for its contribution," said WFP Representative in Iran Negar Gerami.'
	assert_line --index 0 "Negar Gerami"
}

@test "questions: an interviewer's question is kind question with no speaker; the answer keeps its own" {
	run quotes 'The professor spoke to us. Q: Do you think the talks will resume soon? A: I believe they will, since both sides need a deal.'
	run jq -r '[.kind, .cue, (.speaker.text // "null")] | @tsv' <<<"$output"
	assert_line $'question\tthink\tnull'
	assert_line $'indirect\tbelieve\tI'
	refute_output --partial 'Do you'
	run quotes 'Why do you think Washington wants the deal? The reason is plain.'
	run jq -r '[.kind, (.speaker.text // "null")] | @tsv' <<<"$output"
	assert_output $'question\tnull'
	run quotes 'Q. White House has threatened to review its support; how serious is this threat? I do not take it seriously.'
	run jq -r '[.kind, (.speaker.text // "null")] | @tsv' <<<"$output"
	assert_output $'question\tnull'
	# not a question: a statement, and a speaker who asks
	run quotes 'Do not believe them, he said. Q Anon has said this clearly: the plan failed.'
	refute_output --partial '"question"'
	run quotes '"Do you think that is fair?" she asked.'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'direct\tshe'
}

@test "reported speech: the parse gives the subject the word rules miss past a time or an adverb" {
	run quotes 'The Trump campaign on Tuesday responded that it had expanded into larger quarters.'
	run jq -r '[.kind, .speaker.text, .text, .confidence] | @tsv' <<<"$output"
	assert_output $'indirect\tThe Trump campaign\tthat it had expanded into larger quarters\t0.45'
	run quotes 'Two House Committees on Monday called for an inquiry into the matter.'
	run jq -r '[.kind, .speaker.text] | @tsv' <<<"$output"
	assert_output $'indirect\tTwo House Committees'
	# no subject from the parse: a preposition's object, a participle after a comma, a time
	run quotes 'Similar attempts were made, with at least one confirmed instance in 2022, when Iran hosted talks.'
	assert_output ''
	run quotes 'The statement, issued under the title of the council, was released on Tuesday.'
	assert_output ''
}

@test "reported speech: the content opens at a 'that' only before any verb of the content" {
	run quotes 'Sen. Rand Paul said officials are in possession of video that shows the explosion.'
	run jq -r '.text' <<<"$output"
	assert_output 'officials are in possession of video that shows the explosion'
	run quotes 'Paul called for changing any of the provisions that benefit him.'
	run jq -r '.text' <<<"$output"
	refute_output 'that benefit him'
	run quotes 'The commission said on its website that the sound level was affected.'
	run jq -r '.text' <<<"$output"
	assert_output 'that the sound level was affected'
}

@test "reported speech: the attributed clause ends where a coordinated or participle cue of the same speaker begins" {
	run quotes "Chief Williams later admitted that open-carry wasn't a problem, noting that nobody had been arrested."
	run jq -r '[.cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_line --index 0 $'admitted\tChief Williams\tthat open-carry wasn\'t a problem'
	assert_line --index 1 $'noting\tChief Williams\tthat nobody had been arrested'
	run quotes 'She says people may not like the answer, but insists Sanders is mounting a phony attack.'
	run jq -r '[.cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_line --index 0 $'says\tShe\tpeople may not like the answer'
	assert_line --index 1 $'insists\tShe\tSanders is mounting a phony attack'
	# a participle that may be the content's own stays in it
	run quotes 'The two leaders, the report said, had joined others, calling for talks.'
	run jq -r 'select(.cue == "said") | .text' <<<"$output"
	assert_output --partial 'calling for talks'
}

@test "reported speech: a cue the parse tags as a noun in a noun phrase is no cue" {
	run quotes 'The base price for each ton at this offering is set at $581.'
	refute_output --partial '"cue":"offering"'
	run quotes 'His martyrdom anniversary is, beyond a doubt, considered a defining event in the movement.'
	refute_output --partial '"cue":"doubt"'
	# the verb of a headline the tagger takes for a plural stays a cue
	run quotes 'Trump says Clinton is unfit to be president.'
	run jq -r '[.cue, .speaker.text] | @tsv' <<<"$output"
	assert_output $'says\tTrump'
}

@test "reported speech: the parse's subject speaks only for the cue lemmas learned from PolNeAR" {
	# respond is one of data/quotes.yaml's parse_subject_cues
	run quotes 'The Trump campaign on Tuesday responded that the report was false.'
	run jq -r '[.cue, .speaker.text, .text] | @tsv' <<<"$output"
	assert_output $'responded\tThe Trump campaign\tthat the report was false'
	# issue, welcome, expect and vote are not (there, or never seen): no statement, no quote
	run quotes 'The government has not issued visas to the reporters.'
	assert_output ''
	run quotes 'Trump on Tuesday welcomed the crown prince to the White House.'
	assert_output ''
	run quotes 'He did not expect to win in 2016 and Kushner destroyed the plans.'
	assert_output ''
	run quotes 'In a dangerous move the European Parliament on Wednesday voted for a resolution against the guards.'
	refute_output --partial '"cue":"voted"'
}

@test "reported speech: a relative that (WDT) after the cue's object opens no content" {
	run quotes 'Mr Li and his Indian host, Pranab Mukherjee, also discussed the border dispute that led to the 1962 conflict.'
	refute_output --partial '"text":"that led to the 1962 conflict"'
	# after a time or a proper noun the content opens at "that"
	run quotes "General Hossein Rahimi, Tehran's police chief, said on Tuesday that the neighborhood is calm."
	run jq -r '.text' <<<"$output"
	assert_output 'that the neighborhood is calm'
}

@test "syntax: an upstream 'sentences' field (af-parse) gives the same quotes as af-quotes' own parse, and is used" {
	k='Kerry did not mention Trump by name but said democracy is measured not by a particular vote, but by “whether we have the maturity to place the needs of the country above partisan concerns.”'
	{ af-clean "$BATS_TEST_DIRNAME/fixtures/ians-afghan-opposition.txt" | af-entities; rec "$k"; } >"$T/in.json"
	af-quotes <"$T/in.json" | jq -c .quotes >"$T/own.json"
	af-parse <"$T/in.json" | af-quotes | jq -c .quotes >"$T/up.json"
	[ "$(jq -s 'map(length) | add' "$T/own.json")" -gt 5 ]
	cmp "$T/own.json" "$T/up.json"
	# the cue's subject comes from the parse (coordinated "but said", its lemma "say"): a mixed
	# quote of confidence 0.8; tags that read every verb as a noun leave the word rules alone (0.5)
	[ "$(tail -n 1 "$T/up.json" | jq -c 'map([.kind, .confidence, .speaker.text])')" = '[["mixed",0.8,"Kerry"]]' ]
	rec "$k" | af-parse | jq -c '.sentences[].tokens |= map(.tag |= if startswith("VB") then "NN" else . end)' |
		af-quotes | jq -c '.quotes | map([.kind, .confidence])' >"$T/nn.json"
	[ "$(cat "$T/nn.json")" = '[["mixed",0.5]]' ]
}
