#!/usr/bin/env bats
# af-view: the page as a person sees it. Headless Chromium (Debian's chromium) loads each
# page from a file with the network shut off; tests/view_dom.py checks the DOM it built
# against the records (the text shown, one mark per entity, quote and trigger holding
# exactly text[start:end], one table row per event, the counts, the filters). The sample's
# screenshot is kept in build/af-view-sample.png. Hostile text (markup, quotes, RTL
# controls, NUL, 5 MB) must come out as text; bad lines get a message and an exact status.

load test_helper
bats_require_minimum_version 1.5.0

need_chromium() {
	CHROME=$(command -v chromium || command -v chromium-browser) ||
		skip "chromium is absent (scripts/deps test installs it)"
	command -v python3 >/dev/null || skip "python3 is absent"
}

# chrome ARGS... URL: headless, no profile left behind, every network request refused
chrome() {
	timeout 300 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$T/chrome" --proxy-server=127.0.0.1:9 \
		--host-resolver-rules='MAP * ~NOTFOUND' "$@" 2>"$T/chrome.err"
}

# dom PAGE [QUERY]: the DOM after Chromium loaded PAGE (and ran its script)
dom() {
	chrome --dump-dom "file://$1${2:+?$2}"
}

sample_facts() {
	af-clean "$SAMPLE" | af-entities | af-quotes | af-events
}

# three more articles through the real pipeline, for the index and timeline
more_facts() {
	jq -cn '{id:"k1",published:"2024-03-05T10:00:00Z",title:"Kabul talks",
		text:"KABUL, March 4 (Reuters) - Iran condemned Pakistan on Monday. The Taliban attacked police in Kandahar on Tuesday, officials said. \"We will not negotiate,\" Zabihullah Mujahid said."},
		{id:"k2",published:"2024-05-20",title:"Aid",
		text:"The United Nations sent aid to Afghanistan on May 2. Pakistan accused India of shelling the border on Friday."},
		{id:"k3",published:"2023-11-02",title:"Border",
		text:"Pakistan criticized Iran over the border. Iran rejected the claim."}' |
		af-entities | af-quotes | af-events
}

@test "help, version, a bad option" {
	run af-view --help
	assert_success
	assert_output --partial "usage: af-view [OPTION]... [FILE]..."
	for o in --output --title --reject --strict; do
		grep -q -- "$o" <<<"$output" || fail "--help does not mention $o"
	done
	run af-view --version
	assert_output "af-view 0.1.0"
	run af-view --bogus
	assert_failure 64
}

@test "the sample: one page with every mark (no browser: the page as written)" {
	sample_facts >"$T/s.ndjson"
	af-view -o "$T/s.html" "$T/s.ndjson"
	run python3 "$TOP/tests/view_dom.py" "$T/s.html" "$T/s.ndjson"
	assert_success
	# the sample has entities, quotes and events: the marks are really there
	assert_output --regexp "marks: [1-9][0-9]* entities, [1-9][0-9]* quotes, [1-9][0-9]* triggers"
	# self-contained: no address a browser would fetch
	run grep -Eio '[[:space:]](src|href)="[^"#][^"]*"' "$T/s.html"
	assert_output ""
	grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$T/s.html"
}

@test "the sample in Chromium: DOM matches the records; screenshot kept" {
	need_chromium
	sample_facts >"$T/s.ndjson"
	af-view -t "IANS sample" "$T/s.ndjson" >"$T/s.html"
	dom "$T/s.html" >"$T/s.dom"
	run python3 "$TOP/tests/view_dom.py" "$T/s.dom" "$T/s.ndjson"
	assert_success
	echo "# $output" >&3
	# the removed lines and the events table are in the side panel
	n=$(jq '.removed | length' "$T/s.ndjson")
	[ "$(grep -o '<span class="kind">' "$T/s.dom" | wc -l)" = "$n" ]
	mkdir -p "$TOP/build"
	chrome --window-size=1400,1600 --screenshot="$T/shot.png" "file://$T/s.html" >/dev/null
	[ -s "$T/shot.png" ]
	mv "$T/shot.png" "$TOP/build/af-view-sample.png"
	echo "# screenshot: $TOP/build/af-view-sample.png" >&3
}

@test "many articles in Chromium: index, timeline, filters by actor and root code" {
	need_chromium
	{ sample_facts; more_facts; } >"$T/m.ndjson"
	af-view "$T/m.ndjson" >"$T/m.html"
	dom "$T/m.html" >"$T/m.dom"
	run python3 "$TOP/tests/view_dom.py" "$T/m.dom" "$T/m.ndjson"
	assert_success
	# the filters, preset from the address: only the events with PAK on either side and
	# root code 11 (disapprove) show, in the timeline and in the articles' tables
	want=$(jq -s '[.[].events[] | select((.source.actor == "PAK" or .target.actor == "PAK") and .code[:2] == "11")] | length' "$T/m.ndjson")
	[ "$want" -gt 0 ]
	dom "$T/m.html" "actor=PAK&root=11" >"$T/f.dom"
	run python3 "$TOP/tests/view_dom.py" "$T/f.dom" "$T/m.ndjson"
	assert_success
	total=$(jq -s '[.[].events[]] | length' "$T/m.ndjson")
	[ "$want" -lt "$total" ]
	grep -q "id=\"f-count\">$want of $total events<" "$T/f.dom" || fail "count: $(grep -o 'f-count">[^<]*' "$T/f.dom")"
	[ "$(grep -o '<tr class="ev"[^>]*>' "$T/f.dom" | grep -vc hidden)" = "$want" ]
}

# a record whose every string is hostile, and whose fields have shapes af-view does not know
hostile() {
	python3 - <<'PY'
import json
text = ('<script>alert(1)</script> "quoted" \'single\' & &amp; </div></article><!-- '
        '\u202eRTL override\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 e\u0301 \U0001F600 '
        'NUL\u0000 bell\u0007 del\u007f c1\u0085 CR\r\nLF\n\tTab Zabihullah Mujahid said it.')
i = text.index('Zabihullah')
bad = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
rec = {
    'id': bad, 'title': '</title><script>alert(3)</script>\u202e', 'source': bad, 'authors': [bad, 7],
    'text': text,
    'removed': [{'kind': bad, 'text': '<b>bold</b>\u0000'}, 'just a string'],
    'entities': [
        {'text': 'Zabihullah Mujahid', 'type': 'PERSON', 'start': i, 'end': i + 18,
         'canonical': bad, 'id': bad, 'code': 'x" onmouseover="alert(4)'},
        {'text': 'script', 'type': 'x" onmouseover="alert(5)', 'start': 1, 'end': 7},
        {'text': 'RTL', 'type': 'DATE', 'kind': 'relative', 'start': text.index('RTL'), 'end': text.index('RTL') + 3},
        {'text': 'out of range', 'type': 'ORG', 'start': 5, 'end': 10 ** 9},
        {'text': 'backwards', 'type': 'ORG', 'start': 9, 'end': 3},
        {'text': 'floats', 'type': 'LOC', 'start': 1.5, 'end': 3},
        'not an object',
    ],
    'quotes': [{'text': text[:30], 'start': 0, 'end': 30, 'kind': bad, 'speaker': {'text': bad}},
               {'start': 'a', 'end': None}],
    'events': [
        {'code': '<19>', 'label': bad, 'source': {'text': bad, 'actor': bad}, 'target': 'not an object',
         'date': '2024-02-30', 'date_source': {'from': bad}, 'symmetric': True, 'reported': True,
         'trigger_start': i + 19, 'trigger_end': i + 23, 'new_field': [bad]},
        {'code': None, 'date': bad},
        {},
        42,
    ],
    'future_field': {'x': bad},
}
print(json.dumps(rec))
print(json.dumps({'id': 'plain', 'raw': 'not cleaned yet'}))
PY
}

@test "hostile text in Chromium: markup, quotes, RTL, controls stay text; odd shapes shown" {
	need_chromium
	hostile >"$T/h.ndjson"
	run --separate-stderr af-view -t '<script>alert(6)</script>' "$T/h.ndjson"
	assert_success
	printf '%s' "$output" >"$T/h.html"
	dom "$T/h.html" >"$T/h.dom"
	run python3 "$TOP/tests/view_dom.py" "$T/h.dom" "$T/h.ndjson"
	assert_success
	# nothing from the record became an element: no <img>, no second <script>
	! grep -q '<img' "$T/h.dom"
	[ "$(grep -c '<script' "$T/h.dom")" = 1 ]
	# the new fields are shown, not dropped
	grep -q 'date_source' "$T/h.html" || grep -q '{&quot;from&quot;' "$T/h.html"
	grep -q '<span class="flag">symmetric</span>' "$T/h.html"
	grep -q 'new_field' "$T/h.html"
	grep -q 'kind: relative' "$T/h.html"
	grep -q 'future_field' "$T/h.html"
	grep -q 'has no text' "$T/h.html"
}

@test "5 MB of text in Chromium: every mark placed, text intact" {
	need_chromium
	python3 - >"$T/big.ndjson" <<'PY'
import json
unit = 'Caf\u00e9 \u0645\u0631\u062d\u0628\u0627 <b>&amp;</b> "Iran" met Pakistan \U0001F600.\n'
n = 5 * 1024 * 1024 // len(unit.encode()) + 1
text = unit * n
ents = []
for k in range(0, n, 50):
    s = k * len(unit) + unit.index('Iran')
    ents.append({'text': 'Iran', 'type': 'LOC', 'start': s, 'end': s + 4, 'canonical': 'Iran', 'code': 'IRN'})
print(json.dumps({'id': 'big', 'text': text, 'entities': ents}))
PY
	[ "$(jq -r .text "$T/big.ndjson" | wc -c)" -gt 5000000 ]
	af-view -o "$T/big.html" "$T/big.ndjson"
	dom "$T/big.html" >"$T/big.dom"
	run python3 "$TOP/tests/view_dom.py" "$T/big.dom" "$T/big.ndjson"
	assert_success
	assert_output --partial "marks: $(jq '.entities | length' "$T/big.ndjson") entities"
}

@test "bad lines: a message naming the line, the page made from the rest, exit 65" {
	sample_facts >"$T/s.ndjson"
	{ echo 'not json'; cat "$T/s.ndjson"; echo '[1,2]'; } >"$T/in.ndjson"
	run --separate-stderr af-view --reject "$T/bad" -o "$T/p.html" "$T/in.ndjson"
	assert_failure 65
	assert_equal "$(sed -n 1p <<<"$stderr")" "af-view: $T/in.ndjson: line 1: invalid JSON at column 1: expected a JSON value"
	grep -q "line 3: not a JSON object" <<<"$stderr"
	assert_equal "$(wc -l <"$T/bad")" 2
	run python3 "$TOP/tests/view_dom.py" "$T/p.html" "$T/s.ndjson"
	assert_success
	# --strict: no page at all
	rm -f "$T/p.html"
	run af-view --strict -o "$T/p.html" "$T/in.ndjson"
	assert_failure 65
	[ ! -e "$T/p.html" ]
	ls "$T" | grep -qv '\.tmp$'
	run af-view "$T/missing.ndjson"
	assert_failure 66
}

@test "offsets count code points: marks land on the right words after accents and emoji" {
	printf '%s\n' '{"text":"\u00c9t\u00e9 \ud83d\ude00 \u0645\u0631 Kabul, e\u0301 Herat.","entities":[{"text":"Kabul","type":"LOC","start":9,"end":14},{"text":"Herat","type":"LOC","start":19,"end":24}]}' >"$T/u.ndjson"
	jq -e '.text[9:14] == "Kabul" and .text[19:24] == "Herat"' "$T/u.ndjson"
	af-view "$T/u.ndjson" >"$T/u.html"
	grep -q '>Kabul</mark>' "$T/u.html"
	grep -q '>Herat</mark>' "$T/u.html"
	run python3 "$TOP/tests/view_dom.py" "$T/u.html" "$T/u.ndjson"
	assert_success
}

@test "make demo writes the sample's report and prints its path" {
	[ -x "$TOP/bin/af-view" ] || skip "not built"
	run --separate-stderr make -C "$TOP" --no-print-directory demo
	assert_success
	path=$(sed -n 's/^report: //p' <<<"$output")
	[ "$path" = "$TOP/build/demo/report.html" ]
	[ -s "$path" ]
	grep -q '<title>af demo: the bundled sample</title>' "$path"
	run python3 "$TOP/tests/view_dom.py" "$path" "$TOP/build/demo/sample.ndjson"
	assert_success
}
