#!/usr/bin/env bats
# af-parse: the "sentences" field (tags, lemmas, chunks, clauses), the record contract,
# CoNLL-U output, bad input.

load test_helper
bats_require_minimum_version 1.5.0

rec() { jq -nc --arg t "$1" '{id: "t", text: $t}'; }

@test "adds sentences with tokens and clauses; offsets slice the text" {
	rec 'He was assassinated by the Taliban in 2001. Police arrested three men.' | af-parse >"$T/out"
	run jq -r '.sentences | length' "$T/out"
	assert_output 2
	# every token's offsets slice its word out of the text, and tags are Penn tags
	run jq -r '.text as $t | [.sentences[].tokens[] | $t[.start:.end]] | join(" ")' "$T/out"
	assert_output 'He was assassinated by the Taliban in 2001 . Police arrested three men .'
	run jq -r '[.sentences[0].tokens[] | .tag] | join(" ")' "$T/out"
	assert_output 'PRP VBD VBN IN DT NNP IN CD .'
	run jq -c '.sentences[0].clauses[0] | [.verb.lemma, .verb.voice, .verb.tense, .subject.text, .agent.text]' "$T/out"
	assert_output '["assassinate","passive","past","He","the Taliban"]'
	run jq -c '.sentences[1].clauses[0] | [.verb.lemma, .subject.text, .objects[0].text]' "$T/out"
	assert_output '["arrest","Police","three men"]'
	run jq -r '.af.stages | join(",")' "$T/out"
	assert_output parse
}

@test "the sample: every sentence parsed, chunks well formed, other fields kept" {
	af-clean "$SAMPLE" >"$T/in"
	af-parse <"$T/in" >"$T/out"
	run jq -r '[.sentences[].tokens[]] | length > 500' "$T/out"
	assert_output true
	# I-X only after B-X or I-X
	run jq -r '[.sentences[] | .tokens | [range(1; length) as $i | select(.[$i].chunk | startswith("I-")) |
	              select((.[$i - 1].chunk | .[2:]) != (.[$i].chunk | .[2:]))] | length] | add' "$T/out"
	assert_output 0
	# the input's fields unchanged, in order (../shared/tools/af-contract-check knows no parse stage)
	run jq -c 'del(.sentences, .af)' "$T/out"
	assert_output "$(jq -c 'del(.af)' "$T/in")"
	run jq -c '.af.stages' "$T/out"
	assert_output '["clean","parse"]'
}

@test "running af-parse twice gives the same line" {
	af-clean "$SAMPLE" | af-parse >"$T/once"
	af-parse <"$T/once" >"$T/twice"
	run cmp "$T/once" "$T/twice"
	assert_success
}

@test "--conllu writes CoNLL-U: ten columns, sentence comments, chunks in MISC" {
	rec 'Taliban fighters attacked a checkpoint. Five officers were killed.' | af-parse --conllu >"$T/out"
	run grep -c '^# sent_id = t-' "$T/out"
	assert_output 2
	run awk -F'\t' 'NF && !/^#/ && NF != 10' "$T/out"
	assert_output ''
	run awk -F'\t' '$2 == "killed" {print $3, $4, $5, $10}' "$T/out"
	assert_output 'kill VERB VBN Chunk=I-VP|SpaceAfter=No'
	run grep -c '^# newdoc id = t$' "$T/out"
	assert_output 1
}

@test "a record without text passes through, counted; bad JSON is rejected" {
	printf '%s\n' '{"id":"x"}' '{"text":' '{"text":"Kabul fell."}' >"$T/in"
	run -65 --separate-stderr af-parse "$T/in"
	assert_line --index 0 '{"id":"x"}'
	assert_line --index 1 --partial '"sentences":[{'
	run -65 --separate-stderr af-parse --conllu "$T/in"
	refute_output --partial '{"id"'
	assert_output --partial '# text = Kabul fell.'
}

@test "a missing model file is a configuration error" {
	run -78 af-parse -m "$T/nonexistent.bin" </dev/null
	assert_output --partial nonexistent.bin
}

@test "bad input: 100,000 words without punctuation, capitals, non-Latin scripts, empty text" {
	python3 -c 'import json; print(json.dumps({"text": " ".join(["the army attacked villages near Kabul and said"] * 12500)}))' >"$T/big"
	af-parse <"$T/big" >"$T/out"
	run jq -r '[.sentences[].tokens[]] | length' "$T/out"
	assert_output 100000
	# 14,000 fronted subordinate clauses with no main clause: linear, each its own clause
	python3 -c 'import json; print(json.dumps({"text": " ".join(["after the army attacked villages near Kabul"] * 14000)}))' >"$T/subs"
	af-parse <"$T/subs" >"$T/out"
	run jq -r '.sentences[0].clauses | length' "$T/out"
	assert_output 14000
	rec 'TALIBAN FIGHTERS ATTACKED A POLICE CHECKPOINT IN KANDAHAR' | af-parse >"$T/caps"
	run jq -r '[.sentences[].tokens[] | .tag] | length' "$T/caps"
	assert_output 8
	rec 'قتل خمسة من رجال الشرطة في قندهار. 塔利班袭击了坎大哈的一个检查站。' | af-parse >"$T/intl"
	run jq -r '.text as $t | [.sentences[].tokens[] | $t[.start:.end]] | join("")' "$T/intl"
	assert_output 'قتلخمسةمنرجالالشرطةفيقندهار.塔利班袭击了坎大哈的一个检查站。'
	rec '' | af-parse >"$T/empty"
	run jq -c .sentences "$T/empty"
	assert_output '[]'
}

@test "af-train-syntax --pos-extra: GMB's tag names and capitalised plurals read as CoNLL-2003's" {
	for i in 1 2 3; do printf 'The DT B-NP O\nmen NNS I-NP O\nmet VBD B-VP O\nthem PRP B-NP O\n. . O O\n\n'; done >"$T/main.txt"
	for i in 1 2 3 4 5 6; do printf 'They PRP O\nmet VBD O\nIranians NNS B-gpe\n( LRB O\ntoday NN O\n) RRB O\n. . O\n\n'; done >"$T/extra.txt"
	run af-train-syntax -t "$T/main.txt" --pos-extra "$T/extra.txt" -e 2 --chunk-epochs 1 -o "$T/m.bin"
	assert_success
	run bash -c "jq -nc '{id: \"t\", text: \"They met Iranians (today).\"}' | af-parse -m '$T/m.bin' --conllu | awk -F'\t' 'NF > 5 { printf \"%s/%s \", \$2, \$5 }'"
	assert_output --partial 'Iranians/NNPS (/( today/NN )/)'
	run -64 af-train-syntax -t "$T/main.txt" --pos-extra "$T/extra.txt" --extra-share 0 -o "$T/m.bin"
}

@test "af-train-syntax --beam: the chunker trained with a beam learns the chunks, reproducibly; a width outside 1..16 is refused" {
	for i in 1 2 3 4; do
		printf 'The DT B-NP O\nold JJ I-NP O\nmen NNS I-NP O\nmet VBD B-VP O\nin IN B-PP O\nKabul NNP B-NP O\n. . O O\n\n'
		printf 'Police NNS B-NP O\nhave VBP B-VP O\narrested VBN I-VP O\nthe DT B-NP O\nmen NNS I-NP O\n. . O O\n\n'
	done >"$T/main.txt"
	run af-train-syntax -t "$T/main.txt" -e 3 --chunk-epochs 3 --beam 4 -o "$T/a.bin"
	assert_success
	assert_output --partial 'chunker epoch 3 (beam 4)'
	af-train-syntax -t "$T/main.txt" -e 3 --chunk-epochs 3 --beam 4 -o "$T/b.bin" 2>/dev/null
	cmp "$T/a.bin" "$T/b.bin"
	run bash -c "jq -nc '{id: \"t\", text: \"The old men met in Kabul.\"}' | af-parse -m '$T/a.bin' | jq -r '[.sentences[0].tokens[] | .chunk] | join(\" \")'"
	assert_output 'B-NP I-NP I-NP B-VP B-PP B-NP O'
	run -64 af-train-syntax -t "$T/main.txt" --beam 17 -o "$T/c.bin"
	run -64 af-train-syntax -t "$T/main.txt" --beam 0 -o "$T/c.bin"
}

@test "af-train-syntax AF_SYNTAX_ORACLE=top2: a wrong tag that is the tagger's second best becomes the gold one; AF_SYNTAX_JOINT=1 keeps the tags" {
	# "met" VBD three times, VBN twice in the same words: VBD first, VBN second
	for t in VBD VBN VBD VBN VBD; do printf 'The DT B-NP O\nmen NNS I-NP O\nmet %s B-VP O\nthem PRP B-NP O\n. . O O\n\n' $t; done >"$T/main.txt"
	af-train-syntax -t "$T/main.txt" -e 2 --chunk-epochs 1 -o "$T/m.bin" 2>/dev/null
	printf 'The DT B-NP O\nmen NNS I-NP O\nmet VBN B-VP O\nthem PRP B-NP O\n. . O O\n\n' >"$T/dev.txt"
	run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_success
	assert_output --partial 'pos accuracy (gold tokens): 0.8000 (4/5)'
	refute_output --partial 'oracle'
	AF_SYNTAX_ORACLE=top2 run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_success
	assert_output --partial 'oracle top2: 1 tags set to gold'
	assert_output --partial 'pos accuracy (gold tokens): 1.0000 (5/5)'
	# the oracle's chunks are over its tags (session 9: they were the tagger's since AF_SYNTAX_JOINT
	# came in): "met" NN in an NP three times, VBD in a VP twice; the oracle's VBD gives the VP
	for t in "NN I-NP" "VBD B-VP" "NN I-NP" "VBD B-VP" "NN I-NP"; do
		set -- $t
		printf 'The DT B-NP O\nmen NNS I-NP O\nmet %s %s O\nthem PRP B-NP O\n. . O O\n\n' "$1" "$2"
	done >"$T/np.txt"
	af-train-syntax -t "$T/np.txt" -e 2 --chunk-epochs 1 -o "$T/np.bin" 2>/dev/null
	printf 'The DT B-NP O\nmen NNS I-NP O\nmet VBD B-VP O\nthem PRP B-NP O\n. . O O\n\n' >"$T/npdev.txt"
	AF_SYNTAX_ORACLE=top2 run af-train-syntax --eval-conll "$T/npdev.txt" -m "$T/np.bin"
	assert_success
	assert_output --partial 'oracle top2: 1 tags set to gold'
	assert_output --partial 'chunk F1 (predicted tags): 1.0000'
	# the experimental joint chunker (AF_SYNTAX_JOINT=1) leaves the tags alone
	AF_SYNTAX_JOINT=1 run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_success
	assert_output --partial 'pos accuracy (gold tokens): 0.8000 (4/5)'
	assert_output --partial 'chunk F1 (predicted tags): '
}

@test "af-train-syntax AF_SYNTAX_ALTDUMP writes each word's two best tags, margin and chunk gain; AF_SYNTAX_TAGS reads the tags to score" {
	for t in VBD VBN VBD VBN VBD; do printf 'The DT B-NP O\nmen NNS I-NP O\nmet %s B-VP O\nthem PRP B-NP O\n. . O O\n\n' $t; done >"$T/main.txt"
	af-train-syntax -t "$T/main.txt" -e 2 --chunk-epochs 1 -o "$T/m.bin" 2>/dev/null
	printf 'The DT B-NP O\nmen NNS I-NP O\nmet VBN B-VP O\nthem PRP B-NP O\n. . O O\n\n' >"$T/dev.txt"
	AF_SYNTAX_ALTDUMP="$T/alt.tsv" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_success
	[ "$(wc -l <"$T/alt.tsv")" -eq 5 ]
	[ "$(awk -F'\t' 'NF == 10' "$T/alt.tsv" | wc -l)" -eq 5 ]
	# met: gold VBN, tagged VBD, second VBN; first word flagged
	run awk -F'\t' '$1 == "met" { print $2, $3, $4 } NR == 1 { print "first", $8 }' "$T/alt.tsv"
	assert_output $'first 1\nVBN VBD VBN'
	printf 'DT\nNNS\nVBN\nPRP\n.\n' >"$T/tags"
	AF_SYNTAX_TAGS="$T/tags" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_success
	assert_output --partial 'pos accuracy (gold tokens): 1.0000 (5/5)'
	printf 'DT\nNNS\nXYZ\nPRP\n.\n' >"$T/bad"
	AF_SYNTAX_TAGS="$T/bad" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_failure 65
	assert_output --partial 'line 3: not a tag: XYZ'
	printf 'DT\nNNS\n' >"$T/short"
	AF_SYNTAX_TAGS="$T/short" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_failure 65
	assert_output --partial '2 tags for 5 words'
	printf 'DT\nNNS\nVBN\nPRP\n.\nNN\nNN\n' >"$T/long"
	AF_SYNTAX_TAGS="$T/long" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_failure 65
	assert_output --partial 'more tags than the 5 words'
	{ printf 'DT\n'; printf 'N%.0s' $(seq 80); printf '\n'; } >"$T/wide"
	AF_SYNTAX_TAGS="$T/wide" run af-train-syntax --eval-conll "$T/dev.txt" -m "$T/m.bin"
	assert_failure 65
	assert_output --partial 'line 2: not a tag (too long)'
}

@test "bench/syntax-tag-choice skips cleanly without ../shared/data and refuses a bad label" {
	AF_SHARED_DATA="$T/none" run "$BATS_TEST_DIRNAME/../bench/syntax-tag-choice"
	assert_success
	assert_output --partial 'skipped (needs ../shared/data)'
	run "$BATS_TEST_DIRNAME/../bench/syntax-tag-choice" --label nonsense
	assert_failure 2
}
