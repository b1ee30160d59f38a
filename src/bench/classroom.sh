#!/usr/bin/env bash
# The classroom benchmarks against the packaged server on this machine's loopback:
#   a class of 300 behind one address (run cache on, then off), a heavy neighbour,
#   the server's time for a fresh and a cached run, and 10,000 run streams open at once.
# Usage: bash src/bench/classroom.sh   (from the project folder; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-7391}
BASE="http://127.0.0.1:$PORT"
mvn -q -B -DskipTests package
mvn -q -B -Pbench compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:$(cat target/bench-classpath.txt)"

start() {
  java -Xmx512m -Xlog:gc:file=target/bench-gc.log -jar target/downhill.jar --host 127.0.0.1 --port "$PORT" "$@" >target/bench-server.log 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "$BASE/healthz" >/dev/null && return; sleep 0.2; done
  echo "server did not start"; exit 1
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
peak_heap() { grep -o '[0-9]*M->[0-9]*M' target/bench-gc.log | cut -d'>' -f1 | tr -d 'M-' | sort -n | tail -1; }
trap 'kill $SERVER 2>/dev/null || true' EXIT

echo "== run cache on"
start
java -cp "$CP" io.downhill.bench.Classroom burst "$BASE" "$SERVER" 300
java -cp "$CP" io.downhill.bench.Classroom timing "$BASE" "$SERVER"
java -cp "$CP" io.downhill.bench.Classroom neighbour "$BASE" "$SERVER"
echo "peak heap before a collection: $(peak_heap) MB"
stop

echo "== run cache off"
start --run-cache-mb 0
java -cp "$CP" io.downhill.bench.Classroom burst "$BASE" "$SERVER" 300
echo "peak heap before a collection: $(peak_heap) MB"
stop

echo "== 10,000 run streams of 2,000 steps at once, from 300 learner addresses behind a proxy"
start --trust-proxy
java -cp "$CP" io.downhill.bench.StreamLoad "$BASE" 10000 2000 same 300
echo "peak heap before a collection: $(peak_heap) MB"
stop
