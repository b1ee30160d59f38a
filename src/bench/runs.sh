#!/usr/bin/env bash
# The server's cost of one run response, as CPU time per request under wrk (one thread, a few
# connections, keep-alive), beside the plain-text route in the same rounds:
#   plain   GET /healthz
#   cached  GET /api/runs for the lesson's default 500-step Adam run (the same request each time)
#   fresh   GET /api/runs for a 500-step Adam run that no one asked for before (src/bench/fresh-runs.lua)
# The run requests accept gzip, as browsers do.
# Usage: bash src/bench/runs.sh [rounds]   (from the project folder, after mvn package)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
PORT=${PORT:-7393}
BASE="http://127.0.0.1:$PORT"
FIELDS="params,loss,grad,grad_norm,lr"
SPEC='{"problem":{"name":"rosenbrock"},"start":[-1.5,2],"optimizer":{"name":"adam","lr":0.05},"stop":{"max_steps":500}}'
ENCODED=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$SPEC")
java -Xmx512m -jar target/downhill.jar --host 127.0.0.1 --port "$PORT" >target/bench-runs.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
cpu() { awk '{print ($14 + $15) * 10}' "/proc/$SERVER/stat"; }
# one round: prints "requests cpu-ms-per-request"
measure() {
  local before after out requests
  before=$(cpu)
  out=$(wrk -t1 -c4 -d"${SECONDS_PER:-5}"s "$@")
  after=$(cpu)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v r="$requests" -v c=$((after - before)) 'BEGIN {printf "%d %.4f\n", r, c / r}'
}
CACHED_URL="$BASE/api/runs?fields=$FIELDS&spec=$ENCODED"
curl -s -o /dev/null "$CACHED_URL"
echo "warming up"; SECONDS_PER=10 measure "$CACHED_URL" >/dev/null; SECONDS_PER=10 measure -s src/bench/fresh-runs.lua "$BASE" >/dev/null
: >target/bench-runs.txt
for round in $(seq 1 "$ROUNDS"); do
  echo "plain $(measure "$BASE/healthz")" >>target/bench-runs.txt
  echo "cached $(measure -H 'Accept-Encoding: gzip' "$CACHED_URL")" >>target/bench-runs.txt
  echo "fresh $(FIELDS=$FIELDS measure -H 'Accept-Encoding: gzip' -s src/bench/fresh-runs.lua "$BASE")" >>target/bench-runs.txt
done
cat target/bench-runs.txt
median() { grep "^$1 " target/bench-runs.txt | awk -v f="$2" '{print $f}' | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for kind in plain cached fresh; do
  printf '%s: median %s requests per round, %s ms server CPU per request\n' "$kind" "$(median "$kind" 2)" "$(median "$kind" 3)"
done
awk -v p="$(median plain 3)" -v c="$(median cached 3)" -v f="$(median fresh 3)" \
  'BEGIN {printf "ratio to the plain-text route: cached run %.1fx, fresh run %.1fx\n", c / p, f / p}'
