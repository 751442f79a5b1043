#!/usr/bin/env bats
# The record library (lib/record.c, lib/cli.c) seen through bin/af-clean:
# line reading, validation and its messages, --reject / --strict, splice-on-write
# pass-through, one line out per line in, EPIPE and write errors, the common options,
# and af-clean's inputs (--raw, file operands, ids).
#
# Records with "text" and no "raw" pass through af-clean untouched, so most tests
# here do not depend on what the cleaner makes of an article.

load test_helper
bats_require_minimum_version 1.5.0

# nonblank FILE: the number of lines that are not blank (spaces, tabs, CR only)
nonblank() {
	LC_ALL=C grep -acv $'^[ \t\r]*$' "$1" || true
}

# lines FILE: the number of newline-terminated lines (0 when FILE is absent)
lines() {
	if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi
}

# conserved IN OUT REJ: every non-blank input line is either out or rejected
conserved() {
	local in out rej
	in=$(nonblank "$1") out=$(lines "$2") rej=$(lines "$3")
	[ "$in" -eq $((out + rej)) ] || fail "lines in ($in) != lines out ($out) + lines rejected ($rej)"
}

# ---- line reading ----

@test "a 20 MB line passes through byte for byte" {
	head -c 20971520 /dev/zero | tr '\0' 'a' | { printf '{"text":"'; cat; printf '"}\n'; } >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	cmp "$T/in" "$T/out"
}

@test "a 20 MB unknown field is spliced through unchanged beside a cleaned raw" {
	{
		printf '{"blob":"'
		head -c 20971520 /dev/zero | tr '\0' 'b'
		printf '","raw":"Kabul, Dec 10 A short story.\\n\\nIt has two paragraphs."}\n'
	} >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$(lines "$T/out")" 1
	# the output starts with the blob, byte for byte
	cmp -n 20971529 "$T/in" "$T/out"
	run jq -r '.text | length > 0' "$T/out"
	assert_output true
}

@test "CRLF line ends and blank lines are tolerated; a last line without newline is read" {
	printf '{"text":"a"}\r\n\r\n   \n\t \r\n\n{"text":"b"}\r\n{"text":"c"}' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	printf '{"text":"a"}\n{"text":"b"}\n{"text":"c"}\n' >"$T/want"
	cmp "$T/want" "$T/out"
}

@test "blank lines still count in line numbers" {
	printf '\n{"text":"a"}\r\n\r\n[]\n' >"$T/in"
	run --separate-stderr af-clean <"$T/in"
	assert_equal "$status" 65
	assert_output '{"text":"a"}'
	assert_equal "$stderr" "$(printf '%s\n' 'af-clean: line 4: not a JSON object' 'af-clean: 1 of 2 records rejected')"
}

# ---- rejected lines ----

@test "invalid UTF-8 is rejected with the byte offset; the run goes on; exit 65" {
	{
		printf '{"text":"ok 1"}\n'
		printf '{"text":"caf\xe9"}\n'        # Latin-1
		printf '{"text":"\xc0\xaf"}\n'       # overlong '/'
		printf '{"text":"ok 2"}\n'
		printf '{"text":"\xed\xa0\x80"}\n'   # an encoded surrogate
		printf '{"text":"\xf4\x90\x80\x80"}\n' # above U+10FFFF
		printf '{"text":"x"}\xe2\x82\n'      # truncated at the end of the line
		printf '\xef\xbb\xbf{"text":"bom"}\n' # a BOM is valid UTF-8 but not JSON
		printf '{"text":"ok 3"}\n'
	} >"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' \
		'af-clean: line 2: invalid UTF-8 at byte 13' \
		'af-clean: line 3: invalid UTF-8 at byte 10' \
		'af-clean: line 5: invalid UTF-8 at byte 10' \
		'af-clean: line 6: invalid UTF-8 at byte 10' \
		'af-clean: line 7: invalid UTF-8 at byte 13' \
		'af-clean: line 8: invalid JSON at column 1: expected a JSON value' \
		"af-clean: 6 of 9 records rejected, kept in $T/rej")"
	printf '{"text":"ok 1"}\n{"text":"ok 2"}\n{"text":"ok 3"}\n' >"$T/want"
	cmp "$T/want" "$T/out"
	sed -n '2,3p;5,8p' "$T/in" >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
	conserved "$T/in" "$T/out" "$T/rej"
}

@test "lines that are not JSON objects are rejected and kept verbatim" {
	{
		printf '{"text":"first"}\n'
		printf '[1,2,3]\n'
		printf '"a string"\n'
		printf '42\n'
		printf 'null\n'
		printf '  {"text":"spaced"}  \n'
		printf 'plain text, not JSON\n'
		printf '{"text":"last"}\n'
	} >"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' \
		'af-clean: line 2: not a JSON object' \
		'af-clean: line 3: not a JSON object' \
		'af-clean: line 4: not a JSON object' \
		'af-clean: line 5: not a JSON object' \
		'af-clean: line 7: invalid JSON at column 1: expected a JSON value' \
		"af-clean: 5 of 8 records rejected, kept in $T/rej")"
	# surrounding blanks are allowed; the line passes through as it was
	printf '{"text":"first"}\n  {"text":"spaced"}  \n{"text":"last"}\n' >"$T/want"
	cmp "$T/want" "$T/out"
	sed -n '2,5p;7p' "$T/in" >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
	conserved "$T/in" "$T/out" "$T/rej"
}

@test "JSON syntax errors are rejected with the column and what was expected" {
	cat >"$T/in" <<-'EOF'
	{"text":"a"
	{"text":"a",}
	{'text':'a'}
	{"text":"a"} x
	{"text":"a\q"}
	{"n":01,"text":"a"}
	{"text":"\ud800"}
	{"text":"\udc00"}
	{"t":tru,"text":"a"}
	{"text" "a"}
	{"text":1.}
	{"text":1e+}
	{"text":"\u12G4"}
	{"text":"good"}
	EOF
	printf '{"text":"a\tb"}\n{"text":"a\0b"}\n{"text":"é"}\0\n' >>"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' \
		"af-clean: line 1: invalid JSON: unexpected end of line, expected ',' or '}'" \
		"af-clean: line 2: invalid JSON at column 13: expected a '\"' starting a key" \
		"af-clean: line 3: invalid JSON at column 2: expected a '\"' starting a key" \
		"af-clean: line 4: invalid JSON at column 14: expected the end of the line after the object" \
		"af-clean: line 5: invalid JSON at column 12: expected a valid escape" \
		"af-clean: line 6: invalid JSON at column 7: expected ',' or '}'" \
		"af-clean: line 7: invalid JSON at column 16: expected a low surrogate after a high one" \
		"af-clean: line 8: invalid JSON at column 16: expected no lone low surrogate" \
		"af-clean: line 9: invalid JSON at column 6: expected a JSON value" \
		"af-clean: line 10: invalid JSON at column 9: expected ':'" \
		"af-clean: line 11: invalid JSON at column 11: expected a digit after '.'" \
		"af-clean: line 12: invalid JSON at column 12: expected a digit in the exponent" \
		"af-clean: line 13: invalid JSON at column 12: expected four hex digits after \\u" \
		"af-clean: line 15: invalid JSON at column 11: expected no raw control character in a string" \
		"af-clean: line 16: invalid JSON at column 11: expected no raw control character in a string" \
		"af-clean: line 17: invalid JSON at column 13: expected the end of the line after the object" \
		"af-clean: 16 of 17 records rejected, kept in $T/rej")"
	assert_equal "$(cat "$T/out")" '{"text":"good"}'
	sed '14d' "$T/in" >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
	conserved "$T/in" "$T/out" "$T/rej"
}

@test "a record without the field the stage needs is rejected, the rest goes on" {
	printf '{"text":"a"}\n{"title":"no body"}\n{"raw":42}\n{"raw":null}\n{"text":"b"}\n' >"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' \
		'af-clean: line 2: no "raw" or "html" field (and no "text"): nothing to clean' \
		'af-clean: line 3: "raw" is not a string' \
		'af-clean: line 4: "raw" is not a string' \
		"af-clean: 3 of 5 records rejected, kept in $T/rej")"
	printf '{"title":"no body"}\n{"raw":42}\n{"raw":null}\n' >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
	conserved "$T/in" "$T/out" "$T/rej"
}

@test "a CRLF bad line is kept without its line end" {
	printf '{"text":"a"}\r\n[1]\r\n' >"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	printf '[1]\n' >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
}

@test "without --reject the messages still come and the exit status is 65" {
	printf '{"text":"a"}\n[1]\n{"text":"b"}\n' >"$T/in"
	run --separate-stderr af-clean <"$T/in"
	assert_equal "$status" 65
	assert_equal "$output" "$(printf '%s\n' '{"text":"a"}' '{"text":"b"}')"
	assert_equal "$stderr" "$(printf '%s\n' 'af-clean: line 2: not a JSON object' 'af-clean: 1 of 3 records rejected')"
}

@test "--reject FILE is emptied at the start even when nothing is rejected" {
	echo 'stale line from an older run' >"$T/rej"
	printf '{"text":"a"}\n' >"$T/in"
	run --separate-stderr af-clean --reject "$T/rej" <"$T/in"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	[ -f "$T/rej" ] && [ ! -s "$T/rej" ]
}

@test "--reject into a directory that does not exist is an I/O error" {
	run --separate-stderr af-clean --reject "$T/no/such/dir/rej" <<<'{"text":"a"}'
	assert_equal "$status" 74
	assert_equal "$stderr" "af-clean: $T/no/such/dir/rej: No such file or directory"
}

@test "--strict stops at the first rejected line" {
	printf '{"text":"a"}\n{"text":"b"}\n[3]\n{"text":"d"}\n\xff\n{"text":"f"}\n' >"$T/in"
	run --separate-stderr bash -c 'af-clean --strict --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' 'af-clean: line 3: not a JSON object' \
		'af-clean: stopped at the first rejected record (--strict)')"
	printf '{"text":"a"}\n{"text":"b"}\n' >"$T/want"
	cmp "$T/want" "$T/out"
	printf '[3]\n' >"$T/want-rej"
	cmp "$T/want-rej" "$T/rej"
}

@test "--strict with clean input changes nothing" {
	printf '{"text":"a"}\n{"text":"b"}\n' >"$T/in"
	run --separate-stderr bash -c 'af-clean --strict <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	cmp "$T/in" "$T/out"
}

@test "--strict stops before the next file operand" {
	printf '{"text":"a"}\n[2]\n' >"$T/one.ndjson"
	printf '{"text":"c"}\n' >"$T/two.ndjson"
	run --separate-stderr af-clean --strict "$T/one.ndjson" "$T/two.ndjson"
	assert_equal "$status" 65
	assert_output '{"text":"a"}'
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: $T/one.ndjson: line 2: not a JSON object" \
		'af-clean: stopped at the first rejected record (--strict)')"
}

@test "nesting: 1000 levels are accepted, 1001 rejected" {
	python3 -c 'print("{\"text\":\"x\",\"d\":" + "[" * 999 + "]" * 999 + "}")' >"$T/in"
	python3 -c 'print("{\"text\":\"x\",\"d\":" + "[" * 1000 + "]" * 1000 + "}")' >>"$T/in"
	run --separate-stderr bash -c 'af-clean --reject "$2" <"$1" >"$3"' _ "$T/in" "$T/rej" "$T/out"
	assert_equal "$status" 65
	assert_equal "$stderr" "$(printf '%s\n' \
		'af-clean: line 2: invalid JSON at column 1016: expected less nesting (over 1000 levels)' \
		"af-clean: 1 of 2 records rejected, kept in $T/rej")"
	head -1 "$T/in" | cmp - "$T/out"
	tail -1 "$T/in" | cmp - "$T/rej"
}

# ---- the record contract ----

@test "unknown fields pass through byte for byte and in their order" {
	printf '%s\n' '{"url" : "http:\/\/example.com\/a?b=1" , "n":1.50E+2,"big":123456789012345678901234567890,"raw":"Kabul, Dec 10 A story.\n\nIt goes on.","z":{"a":[1, 2,{"b":null}]},"caf\u00e9":"\u00e9\ud83d\ude00","empty":{},"t":true}' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	want='{"url":"http:\/\/example.com\/a?b=1","n":1.50E+2,"big":123456789012345678901234567890,"raw":"Kabul, Dec 10 A story.\n\nIt goes on.","z":{"a":[1, 2,{"b":null}]},"caf\u00e9":"\u00e9\ud83d\ude00","empty":{},"t":true,'
	got=$(cat "$T/out")
	assert_equal "${got:0:${#want}}" "$want"
	# the stage's own fields come after, "af" last
	run jq -c '[keys_unsorted[]] | .[0:9], .[-1], (index("id") == 8), (index("text") > 8)' "$T/out"
	assert_line -n 0 '["url","n","big","raw","z","café","empty","t","id"]'
	assert_line -n 1 '"af"'
	assert_line -n 2 true
	assert_line -n 3 true
	run jq -c .af "$T/out"
	assert_output "{\"version\":\"$(sed -n 's/^#define AF_VERSION "\(.*\)"$/\1/p' "$TOP/include/af/af.h")\",\"stages\":[\"clean\"]}"
}

@test "the stage's fields replace old ones in place; earlier stages in af.stages are kept" {
	printf '%s\n' '{"id":"a1","text":"old text","raw":"Kabul, Dec 10 New story.","x":1,"af":{"version":"0.0.1","stages":["fetch"],"note":"kept"}}' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	run jq -c '[keys_unsorted[]][0:5], .id, (.text != "old text"), .af' "$T/out"
	assert_line -n 0 '["id","text","raw","x","af"]'
	assert_line -n 1 '"a1"'
	assert_line -n 2 true
	assert_line -n 3 '{"version":"0.1.0","stages":["fetch","clean"],"note":"kept"}'
}

@test "running af-clean twice gives the same line" {
	{
		sample_record
		printf '%s\n' '{"raw":"Kabul, Dec 10 Another story.\n\nWith a second paragraph.","k":[1,2]}'
		printf '%s\n' '{"id":7,"raw":"One line only."}'
		printf '%s\n' '{"text":"already clean","q":"x"}'
	} >"$T/in"
	af-clean <"$T/in" >"$T/once"
	af-clean <"$T/once" >"$T/twice"
	cmp "$T/once" "$T/twice"
	assert_equal "$(lines "$T/once")" 4
}

@test "one output line per non-blank input line, in input order" {
	for i in $(seq 1 300); do
		case $((i % 4)) in
		0) printf '{"n":%d,"raw":"Story number %d.\\n\\nSecond paragraph %d."}\n' "$i" "$i" "$i" ;;
		1) printf '{"n":%d,"text":"text %d"}\n' "$i" "$i" ;;
		2) printf '\r\n{"n":%d,"raw":"Only %d"}\r\n' "$i" "$i" ;;
		3) printf '{"n":%d,"raw":"Brief %d."}\n\n' "$i" "$i" ;;
		esac
	done >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$(lines "$T/out")" 300
	assert_equal "$(jq -r .n "$T/out" | tr '\n' ' ')" "$(seq 1 300 | tr '\n' ' ')"
}

@test "escaped keys are decoded: \"r\\u0061w\" is raw, \"t\\u0065xt\" is text" {
	printf '%s\n' '{"r\u0061w":"Kabul, Dec 10 A story."}' '{"t\u0065xt":"x","o":1}' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >"$2"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_equal "$(sed -n 2p "$T/out")" '{"t\u0065xt":"x","o":1}'
	run jq -r '.id | test("^h[0-9a-f]{16}$")' <(head -1 "$T/out")
	assert_output true
}

# ---- output errors ----

@test "| head -1 on a large input ends quietly with status 0" {
	for i in $(seq 1 20000); do
		printf '{"raw":"Kabul, Dec %d The story of day %d goes on for a while here.","pad":"%0200d"}\n' "$i" "$i" 0
	done >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" | head -1 >"$2"; echo "${PIPESTATUS[0]}"' _ "$T/in" "$T/out"
	assert_equal "$status" 0
	assert_output 0
	assert_equal "$stderr" ""
	assert_equal "$(lines "$T/out")" 1
}

@test "| head -1 quietly, with text pass-through input too" {
	seq 1 100000 | sed 's/.*/{"text":"line &"}/' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" | head -1; echo "status ${PIPESTATUS[0]}"' _ "$T/in"
	assert_output "$(printf '%s\n' '{"text":"line 1"}' 'status 0')"
	assert_equal "$stderr" ""
}

@test "> /dev/full is an error: status 74 and a message" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr bash -c 'printf "{\"text\":\"a\"}\n" | af-clean >/dev/full'
	assert_equal "$status" 74
	assert_equal "$stderr" "af-clean: writing output failed: No space left on device"
}

@test "> /dev/full on a large input fails early with 74" {
	[ -w /dev/full ] || skip "no /dev/full"
	seq 1 100000 | sed 's/.*/{"text":"line &"}/' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" >/dev/full' _ "$T/in"
	assert_equal "$status" 74
	assert_equal "$stderr" "af-clean: writing output failed: No space left on device"
}

@test "--help > /dev/full is an error too" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr bash -c 'af-clean --help >/dev/full'
	assert_equal "$status" 74
	assert_equal "$stderr" "af-clean: writing output failed: No space left on device"
}

# ---- options ----

@test "--help and -h print the usage on stdout and exit 0" {
	run --separate-stderr af-clean --help
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_line -n 0 'usage: af-clean [OPTION]... [FILE]...'
	assert_output --partial '--reject FILE'
	assert_output --partial '--strict'
	help=$output
	run --separate-stderr af-clean -h
	assert_equal "$status" 0
	assert_equal "$output" "$help"
}

@test "--version and -V print the name and AF_VERSION" {
	v=$(sed -n 's/^#define AF_VERSION "\(.*\)"$/\1/p' "$TOP/include/af/af.h")
	run --separate-stderr af-clean --version
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_output "af-clean $v"
	run --separate-stderr af-clean -V
	assert_output "af-clean $v"
}

@test "an unknown option is a usage error: 64" {
	run --separate-stderr af-clean --bogus </dev/null
	assert_equal "$status" 64
	assert_equal "$output" ""
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: unrecognized option '--bogus'" \
		"Try 'af-clean --help' for more information.")"
	run --separate-stderr af-clean -x </dev/null
	assert_equal "$status" 64
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: invalid option -- 'x'" \
		"Try 'af-clean --help' for more information.")"
}

@test "an option without its argument is a usage error: 64" {
	run --separate-stderr af-clean --reject
	assert_equal "$status" 64
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: option '--reject' requires an argument" \
		"Try 'af-clean --help' for more information.")"
	run --separate-stderr af-clean -i
	assert_equal "$status" 64
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: option requires an argument -- 'i'" \
		"Try 'af-clean --help' for more information.")"
}

@test "a missing input file: 66 and its name" {
	run --separate-stderr af-clean "$T/missing.txt"
	assert_equal "$status" 66
	assert_equal "$output" ""
	assert_equal "$stderr" "af-clean: $T/missing.txt: No such file or directory"
	run --separate-stderr af-clean "$T/missing.ndjson"
	assert_equal "$status" 66
	assert_equal "$stderr" "af-clean: $T/missing.ndjson: No such file or directory"
}

@test "--raw with FILE operands, or --id without --raw, is a usage error" {
	run --separate-stderr af-clean --raw "$SAMPLE"
	assert_equal "$status" 64
	assert_equal "$stderr" "$(printf '%s\n' 'af-clean: --raw reads stdin; it takes no FILE operands' \
		"Try 'af-clean --help' for more information.")"
	run --separate-stderr af-clean --id x </dev/null
	assert_equal "$status" 64
	assert_equal "$stderr" "$(printf '%s\n' 'af-clean: --id is for --raw input' \
		"Try 'af-clean --help' for more information.")"
}

# ---- af-clean's inputs and ids ----

@test "a FILE operand is one article, its id from the file name" {
	mkdir -p "$T/wire.d"
	cp "$SAMPLE" "$T/wire.d/ians-afghan-opposition.txt"
	printf 'Kabul, Dec 10 A second story.\n\nIt has two paragraphs.\n' >"$T/second"
	run --separate-stderr bash -c 'af-clean "$1" "$2" >"$3"' _ "$T/wire.d/ians-afghan-opposition.txt" "$T/second" "$T/out"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$(jq -r .id "$T/out" | tr '\n' ' ')" "ians-afghan-opposition second "
	run jq -r '(.text | length > 0), (.af.stages == ["clean"])' "$T/out"
	assert_output "$(printf 'true\ntrue\ntrue\ntrue')"
}

@test "FILE operands ending in .ndjson or .jsonl are NDJSON, named in messages" {
	printf '{"text":"a"}\n[2]\n' >"$T/one.ndjson"
	printf '{"text":"c"}\n7\n' >"$T/two.jsonl"
	run --separate-stderr af-clean "$T/one.ndjson" "$T/two.jsonl"
	assert_equal "$status" 65
	assert_equal "$output" "$(printf '%s\n' '{"text":"a"}' '{"text":"c"}')"
	assert_equal "$stderr" "$(printf '%s\n' "af-clean: $T/one.ndjson: line 2: not a JSON object" \
		"af-clean: $T/two.jsonl: line 2: not a JSON object" 'af-clean: 2 of 4 records rejected')"
}

@test "- reads stdin among FILE operands, in order" {
	printf '{"text":"from a file"}\n' >"$T/a.ndjson"
	run --separate-stderr bash -c 'printf "{\"text\":\"from stdin\"}\n" | af-clean "$1" -' _ "$T/a.ndjson"
	assert_equal "$status" 0
	assert_equal "$output" "$(printf '%s\n' '{"text":"from a file"}' '{"text":"from stdin"}')"
}

@test "--raw reads stdin as one article; id from a hash of it, or --id" {
	run --separate-stderr bash -c 'af-clean --raw <"$1"' _ "$SAMPLE"
	assert_equal "$status" 0
	assert_equal "$stderr" ""
	assert_equal "$(printf '%s\n' "$output" | wc -l)" 1
	id=$(jq -r .id <<<"$output")
	[[ $id =~ ^h[0-9a-f]{16}$ ]] || fail "id '$id' is not h + 16 hex digits"
	# the same content as an NDJSON record without id hashes to the same id
	run bash -c 'jq -Rsc "{raw: .}" "$1" | af-clean | jq -r .id' _ "$SAMPLE"
	assert_output "$id"
	# a different article, a different id
	run bash -c 'printf "Another article.\n" | af-clean --raw | jq -r .id'
	[ "$output" != "$id" ]
	run bash -c 'af-clean --raw --id my-id <"$1" | jq -r .id' _ "$SAMPLE"
	assert_output my-id
	run bash -c 'af-clean -r -i short <"$1" | jq -r .id' _ "$SAMPLE"
	assert_output short
}

@test "an input id is kept, whatever its type" {
	printf '%s\n' '{"id":"keep-me","raw":"Kabul, Dec 10 A story."}' '{"id":42,"raw":"Another."}' \
		'{"id":null,"raw":"Null id."}' '{"raw":"No id."}' >"$T/in"
	run --separate-stderr bash -c 'af-clean <"$1" | jq -c .id' _ "$T/in"
	assert_equal "$status" 0
	assert_line -n 0 '"keep-me"'
	assert_line -n 1 '42'
	assert_line -n 2 --regexp '^"h[0-9a-f]{16}"$'
	assert_line -n 3 --regexp '^"h[0-9a-f]{16}"$'
}

@test "a FILE operand that is not UTF-8 is rejected, named, with a hint" {
	printf 'caf\xe9 au lait\n' >"$T/latin1.txt"
	printf 'Good article.\n' >"$T/good.txt"
	run --separate-stderr bash -c 'af-clean --reject "$3" "$1" "$2"' _ "$T/latin1.txt" "$T/good.txt" "$T/rej"
	assert_equal "$status" 65
	assert_equal "$(jq -r .id <<<"$output")" good
	assert_equal "$stderr" "$(printf '%s\n' \
		"af-clean: $T/latin1.txt: invalid UTF-8 at byte 4 (convert it first, e.g. iconv -f WINDOWS-1252)" \
		"af-clean: 1 of 2 records rejected, kept in $T/rej")"
	# the file itself stays where it is: nothing to copy into --reject
	[ -f "$T/rej" ] && [ ! -s "$T/rej" ]
}
