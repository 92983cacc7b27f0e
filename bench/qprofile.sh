#!/usr/bin/env bash
# CPU profile of one query benchmark of bench/queries.sh, run under
# bench/profile (Overlook's own serve path), server on core 0 with
# GOMAXPROCS=1, load from core 1. Prints the top functions.
#
#   bench/qprofile.sh cached      run_inline_query json, cached, 8 clients
#   bench/qprofile.sh uncached    the same with cache=false, 1 client
#   bench/qprofile.sh csv         SQL Runner csv of the ROWS-row table
#
# The demo data and the table are kept in QPROF_DIR (default
# /tmp/overlook-qprof) between runs; the profile is left there as
# <case>.pprof.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
GO="${GO:-go}"
case_="${1:-cached}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"
ROWS="${ROWS:-2000000}"
dir="${QPROF_DIR:-/tmp/overlook-qprof}"
mkdir -p "$dir"

client_id="qprof-admin"
client_secret="qprof-secret"
pids=()
cleanup() {
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_alive() {
	local i
	for i in $(seq 1 1500); do
		curl -fsS -o /dev/null "$1/alive" 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}

login() {
	curl -fsS -X POST "$1/api/4.0/login" \
		--data-urlencode "client_id=$client_id" --data-urlencode "client_secret=$client_secret" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

(cd "$repo" && "$GO" build -o "$dir/" ./bench/profile ./bench/load ./bench/queries/gentable)
export OVERLOOK_ADMIN_CLIENT_ID="$client_id" OVERLOOK_ADMIN_CLIENT_SECRET="$client_secret"
port="$(free_port)"
ol="http://127.0.0.1:$port"
out="$dir/$case_.pprof"
args=(--addr "127.0.0.1:$port" --data-dir "$dir/demo")
if [[ "$case_" == csv ]]; then
	[[ -f "$dir/big-$ROWS.duckdb" ]] || "$dir/gentable" -db "$dir/big-$ROWS.duckdb" -rows "$ROWS"
	args=(--addr "127.0.0.1:$port" --data-dir "$dir/big-data" --connection "big=duckdb://$dir/big-$ROWS.duckdb")
	export OVERLOOK_DEMO_SCALE=0
else
	export OVERLOOK_DEMO_SCALE=1
fi
taskset -c 0 env GOMAXPROCS=1 "$dir/profile" -cpuprofile "$out" "${args[@]}" >"$dir/server.log" 2>&1 &
srv=$!
pids+=("$srv")
wait_alive "$ol"
token="$(login "$ol")"
body='{"model":"thelook","view":"products","fields":["products.brand","products.count"],"limit":"500"}'
case "$case_" in
cached | uncached)
	url="$ol/api/4.0/queries/run/json" conns=8
	[[ "$case_" == uncached ]] && url="$url?cache=false" conns=1
	for _ in $(seq 1 1500); do
		curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
			--data "$body" "$url" 2>/dev/null && break
		sleep 0.2
	done
	taskset -c 1 "$dir/load" -name "$case_" -url "$url" -token "$token" -body "$body" \
		-c "$conns" -warmup "$WARMUP" -d "$DURATION" -json
	;;
csv)
	slug="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data '{"connection_name":"big","sql":"SELECT i, d, s, dt, ts FROM big"}' "$ol/api/4.0/sql_queries" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')"
	taskset -c 1 curl -fsS -X POST -H "Authorization: Bearer $token" -o /dev/null \
		-w '%{size_download} bytes in %{time_total} s\n' "$ol/api/4.0/sql_queries/$slug/run/csv"
	;;
esac
kill -INT "$srv"
wait "$srv" || true
"$GO" tool pprof -top -nodecount="${NODES:-35}" "$dir/profile" "$out" 2>/dev/null | head -n "$((${NODES:-35} + 6))"
