#!/usr/bin/env bats
# Many machines for real (docs/distributed.md): GNU parallel runs af-run over ssh on two
# hosts. The hosts are two ssh aliases of one throwaway sshd on a free port of 127.0.0.1,
# with a temporary host key and an authorized key made for the test; the pipeline file
# travels with --basefile into a directory that has nothing else. The output must be the
# bytes one local af-run writes; a stage failing on one host must fail the whole run, and
# the message must name the stage. Skipped, with the reason, when sshd cannot start.

load test_helper
bats_require_minimum_version 1.5.0

SSHD_PID=

# start_sshd: sets $SSH_CFG (an ssh config with the aliases host-a and host-b) or skips
start_sshd() {
	command -v parallel >/dev/null || skip "GNU parallel is absent (scripts/deps test installs it)"
	command -v rsync >/dev/null || skip "rsync is absent (parallel --basefile needs it; scripts/deps test installs it)"
	local sshd
	sshd=$(command -v sshd || echo /usr/sbin/sshd)
	[ -x "$sshd" ] || skip "sshd is absent (openssh-server; scripts/deps test installs it)"
	command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || skip "ssh is absent (openssh-client)"
	D=$T/ssh
	mkdir -p "$D" && chmod 700 "$D"
	ssh-keygen -q -t ed25519 -N '' -C af-test-host -f "$D/host_key"
	ssh-keygen -q -t ed25519 -N '' -C af-test-user -f "$D/user_key"
	cp "$D/user_key.pub" "$D/authorized_keys"
	chmod 600 "$D/authorized_keys"
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	# privilege separation wants /run/sshd when run as root
	[ "$(id -u)" != 0 ] || mkdir -p /run/sshd
	cat >"$D/sshd_config" <<-CFG
	ListenAddress 127.0.0.1
	Port $port
	HostKey $D/host_key
	PidFile $D/sshd.pid
	AuthorizedKeysFile $D/authorized_keys
	AuthenticationMethods publickey
	PubkeyAuthentication yes
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	PermitRootLogin prohibit-password
	AllowUsers $(id -un)
	UsePAM no
	StrictModes no
	AcceptEnv AF_TEST_HOST
	MaxStartups 50
	MaxSessions 50
	LogLevel ERROR
	CFG
	"$sshd" -f "$D/sshd_config" -E "$D/sshd.log" || skip "sshd did not start: $(tail -1 "$D/sshd.log" 2>/dev/null)"
	local i
	for i in $(seq 50); do
		[ -s "$D/sshd.pid" ] && break
		sleep 0.1
	done
	SSHD_PID=$(cat "$D/sshd.pid" 2>/dev/null)
	[ -n "$SSHD_PID" ] || skip "sshd did not start: $(tail -1 "$D/sshd.log" 2>/dev/null)"
	printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$D/host_key.pub")" >"$D/known_hosts"
	SSH_CFG=$D/ssh_config
	cat >"$SSH_CFG" <<-CFG
	Host host-a host-b
	  HostName 127.0.0.1
	  Port $port
	  User $(id -un)
	  IdentityFile $D/user_key
	  IdentitiesOnly yes
	  UserKnownHostsFile $D/known_hosts
	  StrictHostKeyChecking yes
	  BatchMode yes
	  LogLevel ERROR
	Host host-a
	  SetEnv AF_TEST_HOST=a
	Host host-b
	  SetEnv AF_TEST_HOST=b
	CFG
	for i in $(seq 50); do
		ssh -F "$SSH_CFG" host-a true 2>/dev/null && break
		sleep 0.2
	done
	ssh -F "$SSH_CFG" host-b true 2>"$D/ssh.err" || skip "cannot log in to the test sshd: $(tail -1 "$D/ssh.err")"
	[ "$(ssh -F "$SSH_CFG" host-b 'echo $AF_TEST_HOST')" = b ] || skip "the test sshd does not pass AF_TEST_HOST"
}

teardown() {
	[ -z "$SSHD_PID" ] || kill "$SSHD_PID" 2>/dev/null || true
}

# N records of varied text, some with the sample's words so entities and events are found
records() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) {
		printf "{\"id\":\"r%d\",\"text\":\"Article %d: Iran condemned Pakistan on Monday in Kabul, \\u00e9 %s. The Taliban attacked police.\"}\n", i, i, (i % 7 ? "x" : "y")
		if (i % 97 == 0) print ""
	} }'
}

@test "parallel over ssh on two hosts: --basefile, the bytes of one local af-run" {
	start_sshd
	need() { [ -x "$AF_BIN/$1" ] || skip "$1 is not built"; }
	need af-entities; need af-events
	mkdir -p "$T/local" "$T/remote"
	printf 'name: dist\nstages:\n  - run: [af-entities]\n  - run: [af-events]\n' >"$T/local/p.yaml"
	records 3000 >"$T/in"
	(cd "$T/local" && af-run p.yaml) <"$T/in" >"$T/a"
	[ "$(wc -l <"$T/a")" = 3000 ]
	# the remote side starts in $T/remote, where p.yaml arrives only by --basefile
	(cd "$T/local" && parallel --will-cite --ssh "ssh -F $SSH_CFG" -S 2/host-a,2/host-b \
		--workdir "$T/remote" --basefile p.yaml --pipe --keep-order -N 250 --joblog "$T/jobs" \
		"$AF_BIN/af-run" p.yaml) <"$T/in" >"$T/b" 2>"$T/err"
	cmp "$T/a" "$T/b"
	[ -f "$T/remote/p.yaml" ]
	[ ! -s "$T/err" ] || { cat "$T/err"; false; }
	# every block of 250 lines ran, with status 0, and both hosts had some
	[ "$(awk -F'\t' 'NR > 1 && $7 == 0' "$T/jobs" | wc -l)" = $((($(wc -l <"$T/in") + 249) / 250)) ]
	awk -F'\t' 'NR > 1 {print $2}' "$T/jobs" | sort -u | tr '\n' ' ' | grep -qx 'host-a host-b '
}

@test "parallel over ssh: a stage failing on one host fails the run and is named" {
	start_sshd
	mkdir -p "$T/local" "$T/remote"
	cat >"$T/local/p.yaml" <<-'EOF'
	name: flaky
	stages:
	  - run: [af-clean]
	  - name: only-on-a
	    sh: 'cat; [ "$AF_TEST_HOST" != b ] || exit 3'
	EOF
	records 2000 >"$T/in"
	(cd "$T/local" && AF_TEST_HOST=a af-run p.yaml) <"$T/in" >/dev/null
	# parallel's exit status counts the failed blocks; each failed af-run's message is relayed
	run --separate-stderr bash -c "cd '$T/local' && parallel --will-cite --ssh 'ssh -F $SSH_CFG' \
		-S 2/host-a,2/host-b --workdir '$T/remote' --basefile p.yaml \
		--pipe --keep-order -N 250 '$AF_BIN/af-run' p.yaml <'$T/in'"
	assert_failure
	grep -q "af-run: stage 2 'only-on-a' (sh -c .*) exited with status 3" <<<"$stderr" ||
		fail "no message naming the stage: $stderr"
	# --halt now,fail=1 stops at the first failed block (parallel then names the command only)
	run --separate-stderr bash -c "cd '$T/local' && parallel --will-cite --ssh 'ssh -F $SSH_CFG' \
		-S 2/host-a,2/host-b --workdir '$T/remote' --basefile p.yaml --halt now,fail=1 \
		--pipe --keep-order -N 250 '$AF_BIN/af-run' p.yaml <'$T/in'"
	assert_failure
	grep -q "This job failed" <<<"$stderr"
}
