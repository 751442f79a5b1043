# Loaded by every bats suite: assertions, the tools under test, a temp dir per test.
load /usr/lib/bats/bats-support/load.bash
load /usr/lib/bats/bats-assert/load.bash

TOP=$(cd "$BATS_TEST_DIRNAME/.." && pwd)
AF_BIN=${AF_BIN:-$TOP/bin}
PATH="$AF_BIN:$PATH"
FIX=$TOP/tests/fixtures
SAMPLE=$FIX/ians-afghan-opposition.txt
GOLD=$FIX/ians-afghan-opposition.gold.json
SHARED=${AF_SHARED:-$TOP/../shared}

setup() {
	T=$BATS_TEST_TMPDIR
}

# skip unless ../shared (the training/dev data and contract tools) is beside the project
need_shared() {
	[ -d "$SHARED/tools" ] || skip "../shared is absent"
	command -v python3 >/dev/null || skip "python3 is absent"
}

# the sample as one NDJSON record {"raw": ...}
sample_record() {
	jq -Rsc '{raw: .}' "$SAMPLE"
}
