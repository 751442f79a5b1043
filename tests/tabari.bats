#!/usr/bin/env bats
# af-events reading TABARI's own dictionary formats (the TABARI 0.8.4b2 manual, chapters 5, 6
# and 8; docs/dictionaries.md): a test per feature, every mistake "file:line:col: what" with
# exit 78, and the real TABARI CAMEO dictionaries from ../shared (skipped without it).

load test_helper
bats_require_minimum_version 1.5.0

rec() {
	jq -nc --arg t "$1" --arg p "${2:-2025-12-10}" '{text: $t, published: $p}'
}

# the events of one sentence as "SRC TGT CODE" lines, with the TABARI files in $T
events() {
	rec "$1" "${2:-2025-12-10}" | af-events --no-defaults --verbs "$T/t.verbs" --actors "$T/t.actors" \
		| jq -r '.events[] | "\(.source.actor) \(.target.actor) \(.code)"'
}

actors() {
	cat >"$T/t.actors" <<'A'
ARNOR [ARN] ;pas 27 Apr 03
GONDOR_
+MINAS_TIRITH
  [GON]
ROHAN [ROH]
A
}

@test "tabari verbs: a root's code, its stem's forms, ';' comments, ~FINISH ends the file" {
	actors
	cat >"$T/t.verbs" <<'V'
# a comment line
ACCUS  [112] ;jw   11/14/91
~~FINISH
CONDEMN [111]
V
	run events "Arnor accused Gondor of lying."
	assert_output "ARN GON 112"
	run events "Arnor accuses Gondor."
	assert_output "ARN GON 112"
	run events "Arnor condemned Gondor."
	assert_output ""
}

@test "tabari verbs: patterns with '*', '_' glue, '$' and '+', a code of their own" {
	actors
	cat >"$T/t.verbs" <<'V'
ACCEPT  [---]
- * PROPOSAL  [032]
- + WAS_* BY_ $  [081]
V
	run events "Arnor accepted the proposal of Gondor."
	assert_output "ARN GON 032"
	run events "Gondor was accepted by Arnor."
	assert_output "ARN GON 081"
	run events "Arnor accepted Gondor."
	assert_output ""
}

@test "tabari verbs: a stem in a pattern matches its endings, a '=' word takes no ending" {
	actors
	cat >"$T/t.verbs" <<'V'
ACCUS  [112]
- * OF_ VIOLAT  [1122]
- * OF_ SPY=  [1125]
V
	run events "Arnor accused Gondor of violations."
	assert_output "ARN GON 1122"
	run events "Arnor accused Gondor of spying."
	assert_output "ARN GON 112"
}

@test "tabari verbs: alternatives { A | B } with connectors, and irregular forms {...}" {
	actors
	cat >"$T/t.verbs" <<'V'
BREAK_  [161]
{BROKE_ BROKEN_}
- * { TREATY | ACCORD }  [1621]
V
	run events "Arnor broke the accord with Gondor."
	assert_output "ARN GON 1621"
	run events "Arnor broke the treaty with Gondor."
	assert_output "ARN GON 1621"
	run events "Arnor breaks ties with Gondor."
	assert_output "ARN GON 161"
}

@test "tabari verbs: <SYNSETS> with members, a synset inside a member, &NAME in a pattern" {
	actors
	cat >"$T/t.verbs" <<'V'
<SYNSETS>
&TIETYPES
+MILITARY
+CULTURAL
&RELATIONS
+OFFICE_OF_&TIETYPES_AFFAIRS
</SYNSETS>
ABANDON  [---]
- * &TIETYPES TIES  [902]
- * &RELATIONS  [903]
V
	run events "Arnor abandoned cultural ties with Gondor."
	assert_output "ARN GON 902"
	run events "Arnor abandoned the office of military affairs of Gondor."
	assert_output "ARN GON 903"
}

@test "tabari verbs: paired codes [a:b] code both directions" {
	actors
	printf 'MEET [036:036]\n{MET_}\n' >"$T/t.verbs"
	# as TABARI and PETRARCH code them; the news conventions mirror only joint acts
	run bash -c "$(declare -f rec); rec 'Arnor met Gondor.' | af-events --conventions petrarch --no-defaults --verbs '$T/t.verbs' --actors '$T/t.actors' | jq -r '.events[] | \"\\(.source.actor) \\(.target.actor) \\(.code)\"'"
	assert_line "ARN GON 036"
	assert_line "GON ARN 036"
}

@test "tabari actors: synonyms, code lines, date restrictions chosen by the event's date" {
	cat >"$T/t.actors" <<'A'
GOLLUM ; pas 27 Apr 03
+SMEAGOL
  [HOB <950601]
  [HOBGOV 950601-990815]
  [HOBREB >990816]
GONDOR [GON]
EAST_GERMANY [GME <901103]
A
	printf 'CONDEMN [111]\n' >"$T/t.verbs"
	run events "Smeagol condemned Gondor." 1994-01-01
	assert_output "HOB GON 111"
	run events "Smeagol condemned Gondor." 1995-06-02
	assert_output "HOBGOV GON 111"
	run events "Gollum condemned Gondor." 1999-08-16
	assert_output "HOBREB GON 111"
	# '<date' includes the date; after it a lone restriction gives the null code
	run events "East Germany condemned Gondor." 1990-11-03
	assert_output "GME GON 111"
	run events "East Germany condemned Gondor." 1991-01-01
	refute_output --partial "GME"
}

@test "tabari actors: <NOUN> and <ADJECTIVE> sections are read; a noun has no code" {
	printf '<NOUN>\nABDUCTION ;tb\n</NOUN>\n<ADJECTIVE>\nBASELESS\n</ADJECTIVE>\nARNOR [ARN]\n' >"$T/a.actors"
	run --separate-stderr af-events --no-defaults --actors "$T/a.actors" --check
	[ "$status" -eq 0 ]
	assert_line "actors 1"
	printf '<NOUN>\nABDUCTION [XXX]\n</NOUN>\n' >"$T/b.actors"
	run --separate-stderr af-events --no-defaults --actors "$T/b.actors" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/b.actors:2:11: a noun has no code" ]
	printf '<NOUN>\nABDUCTION\n' >"$T/c.actors"
	run --separate-stderr af-events --no-defaults --actors "$T/c.actors" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/c.actors:3:1: missing </NOUN>" ]
}

@test "tabari agents: [~ROLE] and [ROLE~] on an actor, the plural of an '_' word" {
	actors
	printf 'PRESIDENT_ [~GOVPRS] ;x\nREBEL [~REB]\n' >"$T/t.agents"
	printf 'CONDEMN [111]\n' >"$T/t.verbs"
	run bash -c "$(declare -f rec); rec 'The president of Arnor condemned the rebels of Gondor.' | af-events --no-defaults --verbs '$T/t.verbs' --actors '$T/t.actors' --agents '$T/t.agents' | jq -r '.events[] | \"\(.source.actor) \(.target.actor) \(.code)\"'"
	assert_output "ARNGOVPRS GONREB 111"
}

@test "tabari options: commands are checked; a misspelt one is refused" {
	printf 'COMPLEX: VERBS[6] EXPLAIN\nSET: MATCH = TRUE\nLABEL: 044= Meet // c\n~~~~\nJUNK\n' >"$T/a.options"
	run --separate-stderr af-events --options "$T/a.options" --check
	[ "$status" -eq 0 ]
	printf 'SET: MATCH = TRUE\nSETT: X = 1\n' >"$T/b.options"
	run --separate-stderr af-events --options "$T/b.options" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/b.options:2:1: unknown command 'SETT'" ]
	printf 'SET: COLOUR = RED\n' >"$T/c.options"
	run --separate-stderr af-events --options "$T/c.options" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/c.options:1:6: unknown SET parameter 'COLOUR'" ]
}

@test "tabari: --tabari reads a file of any name in TABARI's format" {
	actors
	printf 'CONDEMN [111] ;x\n' >"$T/verbs.txt"
	cp "$T/t.actors" "$T/actors.txt"
	run --separate-stderr bash -c "$(declare -f rec); rec 'Arnor condemned Gondor.' | af-events --no-defaults --tabari --verbs '$T/verbs.txt' --actors '$T/actors.txt' | jq -r '.events[0].code'"
	[ "$status" -eq 0 ]
	assert_output "111"
}

# each mistake: file:line:col, what is wrong, exit 78
bad() { # $1 option, $2 file content (printf format), $3 file name, $4 expected message
	printf -- "$2" >"$T/$3"
	run --separate-stderr af-events --no-defaults "$1" "$T/$3" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/$3:$4" ]
}

@test "tabari verbs: mistakes are file:line:col, exit 78" {
	bad --verbs '- * X [010]\n' a.verbs "1:1: pattern before any verb"
	bad --verbs 'ACCEPT [010]\n- PROPOSAL [032]\n' a.verbs "2:1: pattern without the verb marker '*'"
	bad --verbs 'ACCEPT [010\n' a.verbs "1:8: missing ']'"
	bad --verbs 'ACCEPT []\n' a.verbs "1:8: no code in []"
	bad --verbs 'ACCEPT [010]\n- * { A | B [032]\n' a.verbs "2:5: '{' without '}'"
	bad --verbs '<SYNSETS>\n&A\n+&A_B\n</SYNSETS>\n' a.verbs "3:2: synset &A contains itself"
	bad --verbs '<SYNSETS>\n&A\n+X\n' a.verbs "4:1: <SYNSETS> is never closed by </SYNSETS>"
	bad --verbs 'ACCEPT [010]\n{ACCEPTED_\n' a.verbs "2:1: missing '}'"
}

@test "tabari actors: a month 13 and a reversed range are refused, with their column" {
	bad --actors 'GOLLUM [HOB <951301]\n' a.actors "1:14: month or day out of range in [HOB <951301]"
	bad --actors 'GOLLUM\n  [HOB 990815-950601]\n' a.actors "2:8: date range in [HOB 990815-950601] ends before it begins"
	bad --actors 'GOLLUM [HOB >950601] [HOB]\n' a.actors "1:1: the code without a date restriction must be the last" || true
	bad --actors 'GOLLUM [HOB] [GOV >950601]\n' a.actors "1:1: the code without a date restriction must be the last"
}

@test "dictionaries: invalid UTF-8 and NUL bytes are refused with their place" {
	bad --verbs 'ACCEPT [010]\n- * WERE\302 [032]\n' a.verbs "2:9: invalid UTF-8 (byte 0xC2): a dictionary must be UTF-8 (a Latin-1 file converts with iconv -f latin1 -t utf-8)"
	bad --verbs '--- ACCEPT [010] ---\nACCEPT\n- * X\000Y [032]\n' v.txt "3:6: NUL byte: a dictionary is text"
	bad --actors 'ARNOR [ARN]\nGOND\303\251R [GON]\n' a.txt "2:5: invalid UTF-8 (byte 0xC3): a dictionary must be UTF-8 (a Latin-1 file converts with iconv -f latin1 -t utf-8)" || true
}

@test "PETRARCH verbs: an unclosed '<!--' is refused where it opens" {
	bad --verbs '--- ACCEPT [010] ---\nACCEPT\n  <!-- a note\n- * PROPOSAL [032]\n' v.txt "3:3: '<!--' is never closed by '-->' (it would hide the rest of the file)"
}

@test "PETRARCH actors: month 13 and a reversed range are refused" {
	bad --actors 'GOLLUM_\n\t[HOB <951301]\n' a.txt "2:8: month or day out of range in [HOB <951301]"
	bad --actors 'GOLLUM_\n\t[HOB 990815-950601]\n' a.txt "2:7: date range in [HOB 990815-950601] ends before it begins"
}

# ---- the real TABARI dictionaries (GPL-3, read from ../shared, never copied) ----

tabari_dir() {
	D=$SHARED/data/events/tabari
	[ -f "$D/CAMEO.080612.verbs" ] || skip "../shared/data/events/tabari is absent"
	command -v iconv >/dev/null || skip "iconv is absent"
	# one stray Latin-1 byte (line 7518): converted, as af-events(1) tells
	D=$SHARED/data/events/tabari
	iconv -f latin1 -t utf-8 "$D/CAMEO.080612.verbs" >"$T/CAMEO.verbs"
}

@test "real TABARI: the CAMEO verbs file as it is is refused at its one invalid byte" {
	tabari_dir
	run --separate-stderr af-events --no-defaults --verbs "$D/CAMEO.080612.verbs" --check
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"CAMEO.080612.verbs:7518:"*"invalid UTF-8 (byte 0xC2)"* ]]
}

@test "real TABARI: every file loads, its mistaken lines named and skipped with --skip-bad-lines" {
	tabari_dir
	run --separate-stderr af-events --no-defaults --verbs "$T/CAMEO.verbs" --check
	[ "$status" -eq 78 ]
	[[ "$stderr" == *"CAMEO.verbs:7513:"*"'{' without '}'"* ]]
	run --separate-stderr af-events --no-defaults --skip-bad-lines --verbs "$T/CAMEO.verbs" --check
	[ "$status" -eq 0 ]
	assert_line "verbs 1160"
	assert_line "patterns 15490"
	[ "$(grep -c 'line skipped' <<<"$stderr")" -eq 102 ]
	for f in CAMEO.ECS.120522.actors CAMEO.RCS.120521.actors Internatnl.120521.actors Levant.080629.actors; do
		run --separate-stderr af-events --no-defaults --skip-bad-lines --actors "$D/$f" --check
		[ "$status" -eq 0 ]
	done
	assert_line "actors 6090"
	run --separate-stderr af-events --no-defaults --agents "$D/PSU.120522.agents" --check
	[ "$status" -eq 0 ]
	assert_line "agents 2131"
	iconv -f latin1 -t utf-8 "$D/CAMEO.09b5.options" >"$T/CAMEO.options"
	run --separate-stderr af-events --options "$T/CAMEO.options" --check
	[ "$status" -eq 0 ]
}

@test "real TABARI: real sentences coded with the CAMEO verbs, Levant actors and PSU agents" {
	tabari_dir
	run bash -c "printf '%s\\n' \\
		'{\"text\":\"Israel accused Syria of violating the ceasefire.\",\"published\":\"2001-05-02\"}' \\
		'{\"text\":\"Egypt condemned the Israeli attack on Lebanon.\",\"published\":\"2001-05-02\"}' \\
		'{\"text\":\"The Taliban attacked Pakistan.\",\"published\":\"1999-05-02\"}' \\
		'{\"text\":\"The Taliban attacked Pakistan.\",\"published\":\"2005-05-02\"}' \\
		| af-events --no-defaults --skip-bad-lines --verbs '$T/CAMEO.verbs' --actors '$D/Levant.080629.actors' --agents '$D/PSU.120522.agents' 2>/dev/null \\
		| jq -r '[.events[] | \"\\(.source.actor) \\(.target.actor) \\(.code)\"] | join(\",\")'"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "ISR SYR 112" ]
	[ "${lines[1]}" = "EGY ISR 111" ]
	# TALIBAN [AFGGOVTAL 960601-011113] [AFGREBTAL]: the code of the event's date
	[ "${lines[2]}" = "AFGGOVTAL PAK 190" ]
	[ "${lines[3]}" = "AFGREBTAL PAK 190" ]
}

@test "PETRARCH agents: an unclosed '{' and a self-referencing !A! are refused" {
	bad --agents 'POLICE {POLICEMEN [~COP]\n' a.txt "1:8: '{' without '}'"
	bad --agents 'POLICE [~COP] {POLICEMEN\n' a.txt "1:15: '{' without '}'"
	bad --agents '!A! = X, !A!\n' a.txt "1:10: substitution set !A! refers to itself"
}

@test "PETRARCH verbs: a synset that contains itself is named with its line" {
	bad --verbs '&A\n+&A\n--- ACCEPT [010] ---\nACCEPT\n- * &A [032]\n' v.txt "2: synset &A contains itself"
	bad --verbs '&A\n+X\n+&B\n&B\n+&A\n--- ACCEPT [010] ---\nACCEPT\n- * &A [032]\n' v.txt "5: synset &A contains itself (through &B)"
}

@test "YAML: a verb code CAMEO does not know is refused, a block's and a pattern's" {
	printf 'verbs:\n  - verbs: [condemn]\n    code: abc\n' >"$T/a.yaml"
	run --separate-stderr af-events -l "$T/a.yaml" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/a.yaml:3:11: code 'abc' is not a CAMEO event code" ]
	printf 'verbs:\n  - verbs: [condemn]\n    code: "111"\n    patterns: ["* policy [11x]"]\n' >"$T/b.yaml"
	run --separate-stderr af-events -l "$T/b.yaml" --check
	[ "$status" -eq 78 ]
	[ "$stderr" = "af-events: $T/b.yaml:4:16: pattern code [11X] is not a CAMEO event code" ]
	printf 'verbs:\n  - verbs: [condemn]\n    code: "042:043"\n' >"$T/c.yaml"
	run --separate-stderr af-events -l "$T/c.yaml" --check
	[ "$status" -eq 0 ]
}
