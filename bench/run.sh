#!/usr/bin/env bash
# Benchmark: authenticated GET /api/4.0/user through Overlook against a bare
# net/http handler answering the same bytes (bench/bare).
#
# Each server runs alone on core 0 with GOMAXPROCS=1; the load client runs
# on core 1. Overlook starts on a fresh data dir with known admin
# credentials; the script logs in, saves the `me` body for the bare server,
# and drives both targets with the same token after a warm-up.
#
#   bench/run.sh              10 s per target, 32 connections
#   DURATION=20s CONNS=64 WARMUP=3s bench/run.sh
#   PROFILE=1 bench/run.sh    then one more Overlook run under bench/profile
#                             (a CPU profile; the top functions are printed)
#
# Results also go to bench/results/<timestamp>.txt (git-ignored). Run it on
# a quiet machine: other work on cores 0-1 skews the figures.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
GO="${GO:-go}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
CONNS="${CONNS:-32}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"

work="$(mktemp -d "${TMPDIR:-/tmp}/overlook-bench.XXXXXX")"
pids=()
cleanup() {
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_alive() {
	local url="$1" i
	for i in $(seq 1 300); do
		curl -fsS -o /dev/null "$url/alive" 2>/dev/null && return 0
		sleep 0.2
	done
	echo "bench: $url/alive did not answer" >&2
	return 1
}

# pinned runs a server on SERVER_CPU with one P, in the background.
pinned() {
	taskset -c "$SERVER_CPU" env GOMAXPROCS=1 "$@" &
	pids+=($!)
}

load() {
	local name="$1" url="$2"
	taskset -c "$CLIENT_CPU" "$work/load" -name "$name" -url "$url" -token "$token" \
		-c "$CONNS" -warmup "$WARMUP" -d "$DURATION" -json
}

echo "bench: building overlook, bare and load" >&2
(cd "$repo" && "$GO" build -o "$work/overlook" ./cmd/overlook &&
	"$GO" build -o "$work/bare" ./bench/bare && "$GO" build -o "$work/load" ./bench/load)
if [[ "${PROFILE:-}" == 1 ]]; then
	(cd "$repo" && "$GO" build -o "$work/profile" ./bench/profile)
fi

client_id="bench-admin"
client_secret="bench-secret-$(date +%s)"
ol_port="$(free_port)"
ol="http://127.0.0.1:$ol_port"
mkdir -p "$work/data"
# The per-request log goes to /dev/null; it is still formatted.
OVERLOOK_DEMO_SCALE=0 OVERLOOK_ADMIN_CLIENT_ID="$client_id" OVERLOOK_ADMIN_CLIENT_SECRET="$client_secret" \
	pinned "$work/overlook" serve --addr "127.0.0.1:$ol_port" --data-dir "$work/data" \
	>/dev/null 2>/dev/null
wait_alive "$ol"

token="$(curl -fsS -X POST "$ol/api/4.0/login" \
	--data-urlencode "client_id=$client_id" --data-urlencode "client_secret=$client_secret" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
curl -fsS -H "Authorization: Bearer $token" -o "$work/me.json" "$ol/api/4.0/user"

bare_port="$(free_port)"
bare="http://127.0.0.1:$bare_port"
pinned "$work/bare" -addr "127.0.0.1:$bare_port" -body "$work/me.json" -token "$token" 2>/dev/null
wait_alive "$bare"

echo "bench: $CONNS connections, $WARMUP warm-up, $DURATION measured; servers on cpu $SERVER_CPU, client on cpu $CLIENT_CPU" >&2
r_bare="$(load bare "$bare/api/4.0/user")"
r_ol="$(load overlook "$ol/api/4.0/user")"
ol_pid="${pids[0]}"

mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ).txt"
python3 - "$r_bare" "$r_ol" "$(wc -c <"$work/me.json")" <<'EOF' | tee "$out"
import json, sys
bare, ol, size = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
print(f"GET /api/4.0/user, {size}-byte body, one core per server (GOMAXPROCS=1)")
for r in (bare, ol):
    print(f"  {r['name']:<9} {r['rps']:>9.0f} req/s   p50 {r['p50_ms']:.3f} ms   p99 {r['p99_ms']:.3f} ms   "
          f"({r['requests']} requests, {r['errors']} errors)")
ratio = bare['rps'] / ol['rps']
print(f"  bare/overlook throughput ratio: {ratio:.2f}x  (goal: <= 2x and overlook >= 20000 req/s)")
ok = ratio <= 2 and ol['rps'] >= 20000
print("  goal met" if ok else "  goal NOT met")
EOF

[[ "${PROFILE:-}" == 1 ]] || exit 0

# The same node again (same data dir, so the token still works) under the
# profiling harness, for one measured run.
kill "$ol_pid" && wait "$ol_pid" 2>/dev/null || true
pr_port="$(free_port)"
OVERLOOK_DEMO_SCALE=0 pinned "$work/profile" -cpuprofile "$work/cpu.out" --addr "127.0.0.1:$pr_port" --data-dir "$work/data" 2>/dev/null
pr_pid=$!
wait_alive "http://127.0.0.1:$pr_port"
load overlook-profiled "http://127.0.0.1:$pr_port/api/4.0/user" >/dev/null
kill -TERM "$pr_pid" && wait "$pr_pid" 2>/dev/null || true
cp "$work/cpu.out" "${out%.txt}.cpu.out"
"$GO" tool pprof -top -nodecount=30 "$work/profile" "$work/cpu.out" 2>/dev/null | tee -a "$out"
"$GO" tool pprof -top -cum -nodecount=40 "$work/profile" "$work/cpu.out" 2>/dev/null | tee -a "$out"
echo "bench: profile saved to ${out%.txt}.cpu.out (binary: build ./bench/profile to read it)" >&2
