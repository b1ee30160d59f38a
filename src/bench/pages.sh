#!/usr/bin/env bash
# Lesson pages against the server's plain-text route and against Debian's nginx serving the very
# same gzip bytes as a static file (gzip_static). Starts the jar and nginx on free loopback ports,
# warms both up, runs wrk on the three URLs in turn ROUNDS times, prints the median requests per
# second of each and the two ratios, and stops what it started.
#
#   mvn -q package -DskipTests && src/bench/pages.sh
#
# Environment: JAR (default target/downhill.jar), LESSON (default adaptive-methods), ROUNDS (5),
# DURATION (5s), WARMUP (10s, twice per URL), THREADS (2), CONNECTIONS (50), NGINX (nginx on the
# PATH or /usr/sbin/nginx).
# Nothing is asserted: on a shared machine the figures move; compare the ratios of one run.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${JAR:-target/downhill.jar}
LESSON=${LESSON:-adaptive-methods}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

for tool in java wrk curl "$NGINX"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "pages.sh: $tool is missing" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "pages.sh: no $JAR; run: mvn -q package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/downhill-pages.XXXXXX")
# nginx workers drop to an unprivileged user when started as root: let them read the files
chmod 755 "$WORK"
JAVA_PID=""
NGINX_PID=""
stop_all() {
  [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null && wait "$JAVA_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop_all EXIT INT TERM

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
}

wait_for() {
  local url=$1
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "pages.sh: $url did not answer" >&2
  exit 1
}

JAVA_PORT=$(free_port)
java -Xmx512m -jar "$JAR" --host 127.0.0.1 --port "$JAVA_PORT" >"$WORK/server.log" 2>&1 &
JAVA_PID=$!
wait_for "http://127.0.0.1:$JAVA_PORT/healthz"

PAGE="http://127.0.0.1:$JAVA_PORT/lessons/$LESSON"
PLAIN="http://127.0.0.1:$JAVA_PORT/healthz"

# nginx gets exactly the bytes the server sends: the page's gzip body, served by gzip_static.
mkdir -p "$WORK/www/lessons" "$WORK/logs"
curl -fsS -H 'Accept-Encoding: gzip' -o "$WORK/www/lessons/$LESSON.gz" "$PAGE"
touch "$WORK/www/lessons/$LESSON"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path $WORK/tmp;
    proxy_temp_path $WORK/tmp;
    fastcgi_temp_path $WORK/tmp;
    uwsgi_temp_path $WORK/tmp;
    scgi_temp_path $WORK/tmp;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/www;
        location /lessons/ {
            default_type "text/html; charset=utf-8";
            gzip_static on;
            add_header Cache-Control no-cache;
        }
    }
}
EOF
mkdir -p "$WORK/tmp"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
STATIC="http://127.0.0.1:$NGINX_PORT/lessons/$LESSON"
wait_for "$STATIC"

served=$(curl -fsS -H 'Accept-Encoding: gzip' -D - -o /dev/null "$PAGE" | tr -d '\r')
static=$(curl -fsS -H 'Accept-Encoding: gzip' -D - -o /dev/null "$STATIC" | tr -d '\r')
echo "page:   $(echo "$served" | grep -i -E '^(content-length|transfer-encoding|content-encoding):' | tr '\n' ' ')"
echo "nginx:  $(echo "$static" | grep -i -E '^(content-length|transfer-encoding|content-encoding):' | tr '\n' ' ')"

rps() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" -H 'Accept-Encoding: gzip' "$2" | awk '/^Requests\/sec:/ {print $2}'
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "warming up"
for _ in 1 2; do
  for url in "$PAGE" "$PLAIN" "$STATIC"; do rps "$WARMUP" "$url" >/dev/null; done
done

: >"$WORK/page"; : >"$WORK/plain"; : >"$WORK/static"
for round in $(seq 1 "$ROUNDS"); do
  p=$(rps "$DURATION" "$PAGE"); echo "$p" >>"$WORK/page"
  h=$(rps "$DURATION" "$PLAIN"); echo "$h" >>"$WORK/plain"
  s=$(rps "$DURATION" "$STATIC"); echo "$s" >>"$WORK/static"
  echo "round $round: page $p  healthz $h  nginx $s req/s"
done

P=$(median <"$WORK/page"); H=$(median <"$WORK/plain"); S=$(median <"$WORK/static")
echo "median of $ROUNDS (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, gzip):"
echo "  lesson page /lessons/$LESSON  $P req/s"
echo "  plain-text route /healthz     $H req/s"
echo "  nginx, same gzip bytes        $S req/s"
awk -v p="$P" -v h="$H" -v s="$S" 'BEGIN {
  printf "  page / healthz = %.2f   (goal >= 0.90)\n", p / h
  printf "  page / nginx   = %.2f   (goal >= 0.70)\n", p / s
}'
