#!/usr/bin/env bash
# Query benchmarks of issue 4, each run once against its baseline. Servers
# run on core 0 with GOMAXPROCS=1; load runs on core 1.
#
#  (a) POST /api/4.0/queries/run/json?cache=false (products.count by
#      products.brand, thelook at scale 1), 1 client, against bench/queries/direct
#      running the SQL Overlook generates straight through duckdb-go.
#      Goal: median overhead under 0.5 ms.
#  (b) the same query cached, 8 clients. Goal: median under 0.3 ms and at
#      least 10,000 req/s.
#  (c) csv of a 10M-row table through the SQL Runner (overlook under
#      /usr/bin/time -v) against DuckDB's own COPY … TO csv of the table
#      (bench/queries/gentable -copy, pinned to core 0, same 2 threads).
#      Goal: at least half DuckDB's speed, peak RSS under 200 MB.
#
#   bench/queries.sh
#   DURATION=20s WARMUP=3s ROWS=10000000 bench/queries.sh
#
# Results also go to bench/results/queries-<timestamp>.txt (git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
GO="${GO:-go}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
ROWS="${ROWS:-10000000}"
SERVER_CPU="${SERVER_CPU:-0}"
CLIENT_CPU="${CLIENT_CPU:-1}"

work="$(mktemp -d "${TMPDIR:-/tmp}/overlook-qbench.XXXXXX")"
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
	for i in $(seq 1 1500); do
		curl -fsS -o /dev/null "$url/alive" 2>/dev/null && return 0
		sleep 0.2
	done
	echo "bench: $url/alive did not answer" >&2
	return 1
}

# stop ends one server started here and waits for it.
stop() {
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

client_id="bench-admin"
client_secret="bench-secret-$(date +%s)"

# overlook starts a server in the background on SERVER_CPU with one P;
# its pid is left in $srv. Extra arguments go to `overlook serve`.
overlook() {
	local port="$1" data="$2"
	shift 2
	mkdir -p "$data"
	OVERLOOK_ADMIN_CLIENT_ID="$client_id" OVERLOOK_ADMIN_CLIENT_SECRET="$client_secret" \
		taskset -c "$SERVER_CPU" env GOMAXPROCS=1 "$work/overlook" serve \
		--addr "127.0.0.1:$port" --data-dir "$data" "$@" >"$data.log" 2>&1 &
	srv=$!
	pids+=("$srv")
}

login() {
	curl -fsS -X POST "$1/api/4.0/login" \
		--data-urlencode "client_id=$client_id" --data-urlencode "client_secret=$client_secret" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

load() {
	local name="$1" url="$2" conns="$3"
	taskset -c "$CLIENT_CPU" "$work/load" -name "$name" -url "$url" -token "$token" -body "$body" \
		-c "$conns" -warmup "$WARMUP" -d "$DURATION" -json
}

echo "bench: building overlook, direct, gentable and load" >&2
(cd "$repo" && "$GO" build -o "$work/overlook" ./cmd/overlook &&
	"$GO" build -o "$work/" ./bench/queries/direct ./bench/queries/gentable ./bench/load)

echo "bench: generating the $ROWS-row table" >&2
"$work/gentable" -db "$work/big.duckdb" -rows "$ROWS"

# --- (a) and (b) -----------------------------------------------------------
# The demo is generated on the first start, unpinned, then the server is
# restarted pinned on the same data dir.
port="$(free_port)"
ol="http://127.0.0.1:$port"
echo "bench: generating thelook at scale 1" >&2
OVERLOOK_DEMO_SCALE=1 OVERLOOK_ADMIN_CLIENT_ID="$client_id" OVERLOOK_ADMIN_CLIENT_SECRET="$client_secret" \
	"$work/overlook" serve --addr "127.0.0.1:$port" --data-dir "$work/demo" >"$work/demo-gen.log" 2>&1 &
gen=$!
pids+=("$gen")
wait_alive "$ol"
token="$(login "$ol")"
body='{"model":"thelook","view":"products","fields":["products.brand","products.count"],"limit":"500"}'
for i in $(seq 1 1500); do
	curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		--data "$body" "$ol/api/4.0/queries/run/json?cache=false" 2>/dev/null && break
	sleep 0.2
done
stop "$gen"

port="$(free_port)"
ol="http://127.0.0.1:$port"
OVERLOOK_DEMO_SCALE=1 overlook "$port" "$work/demo"
wait_alive "$ol"
token="$(login "$ol")"
curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	--data "$body" -o "$work/query.sql" "$ol/api/4.0/queries/run/sql"
curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	--data "$body" -o "$work/overlook.json" "$ol/api/4.0/queries/run/json?cache=false"
echo "bench: the SQL Overlook runs:" >&2
cat "$work/query.sql" >&2
echo >&2
echo "bench: (a)/(b) $WARMUP warm-up, $DURATION measured; servers on cpu $SERVER_CPU, client on cpu $CLIENT_CPU" >&2
r_uncached="$(load overlook-uncached "$ol/api/4.0/queries/run/json?cache=false" 1)"
r_cached="$(load overlook-cached "$ol/api/4.0/queries/run/json" 8)"
stop "$srv"

dport="$(free_port)"
taskset -c "$SERVER_CPU" env GOMAXPROCS=1 "$work/direct" -addr "127.0.0.1:$dport" \
	-db "$work/demo/thelook.duckdb" -sql "$work/query.sql" 2>"$work/direct.log" &
srv=$!
pids+=("$srv")
wait_alive "http://127.0.0.1:$dport"
curl -fsS -X POST --data "$body" -o "$work/direct.json" "http://127.0.0.1:$dport/query"
r_direct="$(load direct "http://127.0.0.1:$dport/query" 1)"
stop "$srv"

# --- (c) -------------------------------------------------------------------
port="$(free_port)"
ol="http://127.0.0.1:$port"
mkdir -p "$work/big-data"
OVERLOOK_ADMIN_CLIENT_ID="$client_id" OVERLOOK_ADMIN_CLIENT_SECRET="$client_secret" OVERLOOK_DEMO_SCALE=0 \
	taskset -c "$SERVER_CPU" /usr/bin/time -v -o "$work/time.txt" env GOMAXPROCS=1 "$work/overlook" serve \
	--addr "127.0.0.1:$port" --data-dir "$work/big-data" --connection "big=duckdb://$work/big.duckdb" \
	>"$work/big.log" 2>&1 &
timer=$!
pids+=("$timer")
wait_alive "$ol"
token="$(login "$ol")"
slug="$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	--data '{"connection_name":"big","sql":"SELECT i, d, s, dt, ts FROM big"}' "$ol/api/4.0/sql_queries" |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])')"
echo "bench: (c) SQL Runner csv of big (slug $slug)" >&2
r_runner="$(taskset -c "$CLIENT_CPU" curl -fsS -X POST -H "Authorization: Bearer $token" \
	-o /dev/null -w '%{size_download} %{time_total} %{http_code}' "$ol/api/4.0/sql_queries/$slug/run/csv")"
# The server is time's child: end it, so time writes its report.
ol_pid="$(pgrep -P "$timer" || true)"
[[ -n "$ol_pid" ]] && kill "$ol_pid"
wait "$timer" 2>/dev/null || true
rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
r_copy="$(taskset -c "$SERVER_CPU" "$work/gentable" -db "$work/big.duckdb" -copy "$work/copy.csv")"
copy_bytes="$(wc -c <"$work/copy.csv")"
rm -f "$work/copy.csv"

mkdir -p "$here/results"
out="$here/results/queries-$(date -u +%Y%m%dT%H%M%SZ).txt"
python3 - "$r_direct" "$r_uncached" "$r_cached" "$r_runner" "$rss_kb" "$r_copy" "$ROWS" "$copy_bytes" <<'PY' | tee "$out"
import json, sys
direct, unc, cac = (json.loads(a) for a in sys.argv[1:4])
size, secs, code = sys.argv[4].split()
size, secs, rss_mb = int(size), float(secs), int(sys.argv[5]) / 1024
copy, rows, copy_bytes = json.loads(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
def line(r):
    print(f"  {r['name']:<17} {r['rps']:>8.0f} req/s   p50 {r['p50_ms']:.3f} ms   p99 {r['p99_ms']:.3f} ms   "
          f"({r['requests']} requests, {r['errors']} errors, {r['body_bytes']}-byte bodies)")
def goal(ok): return "goal met" if ok else "goal NOT met"
print("(a) run_inline_query json, products.count by products.brand, uncached, 1 client")
line(direct); line(unc)
over = unc['p50_ms'] - direct['p50_ms']
print(f"  median overhead {over:.3f} ms (goal < 0.5 ms): {goal(over < 0.5)}")
print("(b) the same query cached, 8 clients")
line(cac)
print(f"  goal median < 0.3 ms and >= 10000 req/s: {goal(cac['p50_ms'] < 0.3 and cac['rps'] >= 10000)}")
# 8 clients each waiting for its answer: mean latency = 8 / throughput.
print(f"  mean latency of 8 closed-loop clients (8 / req/s): {8 / cac['rps'] * 1000:.3f} ms")
print(f"(c) csv of {rows} rows")
o_mbs, c_mbs = size / secs / 1e6, copy_bytes / copy['seconds'] / 1e6
print(f"  overlook SQL Runner  {size} bytes in {secs:.2f} s: {o_mbs:.1f} MB/s, {rows/secs:,.0f} rows/s (HTTP {code})")
print(f"  duckdb COPY TO csv   {copy_bytes} bytes in {copy['seconds']:.2f} s: {c_mbs:.1f} MB/s, {rows/copy['seconds']:,.0f} rows/s")
ratio = (rows / secs) / (rows / copy['seconds'])
print(f"  overlook/duckdb speed {ratio:.2f} (goal >= 0.5): {goal(ratio >= 0.5)}")
print(f"  overlook peak RSS {rss_mb:.0f} MB (goal < 200 MB): {goal(rss_mb < 200)}")
PY
