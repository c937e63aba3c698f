#!/usr/bin/env bash
# CPU per request, two Parley jars side by side (bench/README.md, "Framework CPU per request").
#
#   bench/cpu-ab.sh start   BEFORE_JAR AFTER_JAR   # the mock, both Parleys, fixtures for each
#   bench/cpu-ab.sh warm    SECONDS                # wrk on gateway, chat list and ping, each arm in turn
#   bench/cpu-ab.sh measure ROUNDS SECONDS [CASES] # CASES: ping,chats,gateway; arms alternated A B A B
#   bench/cpu-ab.sh rate    SECONDS [--stream]     # RateLoad at 1000/s, mock then each arm; the latency
#                                                  # tail lined up with the arm's GC log (bench/lib/gc_tail.py)
#   bench/cpu-ab.sh streams ROUNDS SECONDS [RATE]  # streamed chat turns (openai/mock-c50-i20, 50 chunks 20 ms
#                                                  # apart) at RATE a second (20), arms alternated: CPU per stream
#   bench/cpu-ab.sh stop
#
# Ports and databases: AB_PORT_A (8520), AB_PORT_B (8521), AB_MOCK_PORT (9520), AB_DB_A/B
# (parley_framework_a/_b), AB_DIR (/tmp/parley-cpu-ab) for logs, pids and fixtures. Parley runs as
# run.sh's start_parley runs it (taskset -c 0, the README's JVM options, the same environment, GC log
# on); the mock, wrk and RateLoad on core 1. Every timed run holds a benchmark lock (AB_LOCK,
# $TMPDIR/parley-bench.lock), so that benchmarks started side by side wait for each other. CPU per
# request = Parley's utime+stime delta from /proc/<pid>/stat over the run ÷ the requests wrk counted. One TSV line per run goes to $AB_DIR/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=${AB_DIR:-/tmp/parley-cpu-ab}
PORT_A=${AB_PORT_A:-8520} PORT_B=${AB_PORT_B:-8521} MOCK_PORT=${AB_MOCK_PORT:-9520}
DB_A=${AB_DB_A:-parley_framework_a} DB_B=${AB_DB_B:-parley_framework_b}
LOCK=${AB_LOCK:-${TMPDIR:-/tmp}/parley-bench.lock}
JAVA=${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JVM_OPTS=${AB_JVM:--XX:+UseSerialGC -Xms32m -Xmx512m -XX:TrimNativeHeapInterval=1000}
MOCK=http://127.0.0.1:$MOCK_PORT
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$DIR"

port_of() { [[ $1 == A ]] && echo "$PORT_A" || echo "$PORT_B"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
locked() { flock "$LOCK" "$@"; }

start_arm() { # start_arm ARM JAR DB
  local arm=$1 jar=$2 db=$3 port; port=$(port_of "$1")
  psql "postgres://postgres@127.0.0.1:5432/postgres" -q -v ON_ERROR_STOP=1 \
    -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
  cp "$jar" "$DIR/$arm.jar"
  # shellcheck disable=SC2086
  env PORT="$port" DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" DATABASE_POOL_SIZE=8 \
    SECRET_KEY="bench-signing-key-of-at-least-32-bytes-0123456789" PARLEY_DATA_DIR="$DIR/data-$arm" \
    ACCESS_TOKEN_EXPIRE_MINUTES=240 PARLEY_MAX_CONCURRENT_GENERATIONS=100000 \
    PARLEY_LIMIT_USER_MESSAGES=100000000 PARLEY_LIMIT_AUTH_PER_ADDRESS=100000000 \
    PARLEY_ADMIN_EMAIL=bench-admin@example.com PARLEY_AI_ECHO_DELAY=0ms OPENAI_API_KEY=bench-key \
    OPENAI_BASE_URL="$MOCK/v1" LOG_FORMAT=text MALLOC_ARENA_MAX=2 \
    taskset -c 0 "$JAVA" $JVM_OPTS "-Xlog:gc:file=$DIR/gc-$arm.log:utctime,uptimemillis" \
    -XX:FlightRecorderOptions:stackdepth=512 ${AB_EXTRA_JVM:-} \
    -jar "$DIR/$arm.jar" > "$DIR/parley-$arm.log" 2>&1 &
  echo $! > "$DIR/$arm.pid"
  for _ in $(seq 1 1200); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && return 0; sleep 0.25; done
  echo "arm $arm did not start" >&2; tail -20 "$DIR/parley-$arm.log" >&2; exit 1
}

fixtures() { # fixtures ARM: one user, 50 chats, an API key
  local arm=$1 base; base=http://127.0.0.1:$(port_of "$1")
  local token key
  token=$(curl -sS -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password-Argon2id-7","name":"Bench"}' | jq -r .access_token)
  for i in $(seq 1 50); do
    curl -sS -o /dev/null -X POST "$base/api/v1/chats" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"title\":\"bench chat $i\"}"
  done
  curl -sS "$base/api/v1/chats?limit=50" -H "Authorization: Bearer $token" | jq -r '.items[].id' > "$DIR/$arm.chats"
  key=$(curl -sS -X POST "$base/api/v1/api-keys" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | jq -r .key)
  echo "$token" > "$DIR/$arm.token"; echo "$key" > "$DIR/$arm.key"
}

GW_BODY='{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
GW_STREAM='{"model":"openai/gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
MOCK_BODY='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
MOCK_STREAM='{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What should I see in Alfama?"}]}'

wrk_case() { # wrk_case ARM CASE SECONDS: prints wrk's JSON line
  local arm=$1 case=$2 secs=$3 base; base=http://127.0.0.1:$(port_of "$1")
  case $case in
    ping) env taskset -c 1 wrk -t1 -c64 -d"${secs}s" --timeout 10s -s bench/lib/wrk.lua "$base/health/ping" ;;
    chats) env WRK_TOKEN="$(cat "$DIR/$arm.token")" taskset -c 1 wrk -t1 -c64 -d"${secs}s" --timeout 10s \
      -s bench/lib/wrk.lua "$base/api/v1/chats?limit=20" ;;
    gateway) env WRK_METHOD=POST WRK_TOKEN="$(cat "$DIR/$arm.key")" WRK_BODY="$GW_BODY" taskset -c 1 wrk -t1 -c32 \
      -d"${secs}s" --timeout 10s -s bench/lib/wrk.lua "$base/v1/chat/completions" ;;
  esac | grep '^{"tool":"wrk"'
}

measure_one() { # measure_one ARM CASE SECONDS ROUND
  local arm=$1 case=$2 secs=$3 round=$4 pid; pid=$(cat "$DIR/$arm.pid")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local t0; t0=$(cpu_ticks "$pid")
  local out; out=$(wrk_case "$arm" "$case" "$secs")
  local t1; t1=$(cpu_ticks "$pid")
  python3 - "$arm" "$case" "$round" "$load" "$t0" "$t1" "$CLK_TCK" "$out" <<'EOF' | tee -a "$DIR/results.tsv"
import json, sys
arm, case, rnd, load, t0, t1, tck, out = sys.argv[1:]
w = json.loads(out)
cpu_s = (int(t1) - int(t0)) / int(tck)
n = w["requests"]
print(f"{arm}\t{case}\tround {rnd}\tload {load}\t{n / w['duration_s']:.0f}/s\t{1000 * cpu_s / n:.3f} ms CPU/req"
      f"\tcore {100 * cpu_s / w['duration_s']:.0f} %\tp50 {w['p50_ms']:.1f}\tp99 {w['p99_ms']:.1f} ms\tnon2xx {w['non2xx']}"
      f"\terrors {w['socket_errors'] + w['timeouts']}")
EOF
}

# Scenario 3's streamed turn: 49 words in, 50 chunks 20 ms apart out.
STREAM_BODY="{\"model\":\"openai/mock-c50-i20\",\"stream\":true,\"content\":\"$(printf 'word%d ' $(seq 1 49))\"}"

streams_one() { # streams_one ARM SECONDS RATE ROUND: CPU per completed stream over SECONDS at RATE streams/s
  local arm=$1 secs=$2 rate=$3 round=$4 pid; pid=$(cat "$DIR/$arm.pid")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local t0; t0=$(cpu_ticks "$pid")
  local out; out=$(taskset -c 1 "$JAVA" -XX:+UseSerialGC -Xss256k -cp bench/loadgen/target SseLoad \
    --url "http://127.0.0.1:$(port_of "$arm")/api/v1/chats/{chat}/completions" --chats "$DIR/$arm.chats" \
    --header "Authorization: Bearer $(cat "$DIR/$arm.token")" --body "$STREAM_BODY" --rate "$rate" --duration-s "$secs" \
    --token-event delta --done-match "event:done" --expect-tokens 1 --timeout-s 60)
  local t1; t1=$(cpu_ticks "$pid")
  python3 - "$arm" "$round" "$load" "$t0" "$t1" "$CLK_TCK" "$out" <<'EOF2' | tee -a "$DIR/streams.tsv"
import json, sys
arm, rnd, load, t0, t1, tck, out = sys.argv[1:]
s = json.loads(out)
cpu_s = (int(t1) - int(t0)) / int(tck)
ok = s["completed"]
print(f"{arm}\tstreams\tround {rnd}\tload {load}\t{ok}/{s['requests']} complete\t"
      f"{1000 * cpu_s / max(ok, 1):.2f} ms CPU/stream\tTTFT p50 {s['ttft_ms']['p50']} p99 {s['ttft_ms']['p99']} ms"
      f"\tgap p99 {s['gap_ms']['p99']} ms")
EOF2
}

case ${1:-} in
  start)
    [[ -f $DIR/mock.pid ]] && kill -0 "$(cat "$DIR/mock.pid")" 2>/dev/null || {
      taskset -c 1 "$JAVA" -XX:+UseSerialGC -Xmx256m -jar bench/mock-llm/target/mock-llm.jar --port "$MOCK_PORT" \
        --threads 1 --chunks 20 --chunk-interval-ms 0 > "$DIR/mock.log" 2>&1 &
      echo $! > "$DIR/mock.pid"; }
    mkdir -p bench/loadgen/target
    "$(dirname "$JAVA")/javac" -d bench/loadgen/target bench/loadgen/RateLoad.java bench/loadgen/SseLoad.java
    start_arm A "$2" "$DB_A"; fixtures A
    start_arm B "$3" "$DB_B"; fixtures B
    echo "arms up: A $(cat "$DIR/A.pid") on $PORT_A, B $(cat "$DIR/B.pid") on $PORT_B" ;;
  warm)
    secs=${2:-150}
    for arm in A B; do locked "$0" _warm "$arm" "$secs"; done ;;
  _warm)
    wrk_case "$2" gateway $(( $3 * 6 / 10 )) >/dev/null; wrk_case "$2" chats $(( $3 * 3 / 10 )) >/dev/null
    wrk_case "$2" ping $(( $3 / 10 )) >/dev/null ;;
  measure)
    rounds=${2:-2} secs=${3:-15} cases=${4:-ping,chats,gateway}
    for r in $(seq 1 "$rounds"); do
      for case in ${cases//,/ }; do
        for arm in A B; do locked "$0" _measure "$arm" "$case" "$secs" "$r"; done
      done
    done ;;
  _measure) measure_one "$2" "$3" "$4" "$5" ;;
  streams)
    rounds=${2:-3} secs=${3:-30} rate=${4:-20}
    for r in $(seq 1 "$rounds"); do
      for arm in A B; do locked "$0" _streams "$arm" "$secs" "$rate" "$r"; done
    done ;;
  _streams) streams_one "$2" "$3" "$4" "$5" ;;
  rate)
    secs=${2:-10} stream=${3:-}
    body=$GW_BODY mbody=$MOCK_BODY
    [[ $stream == --stream ]] && { body=$GW_STREAM; mbody=$MOCK_STREAM; }
    rl=("$JAVA" -XX:+UseSerialGC -Xss256k -cp bench/loadgen/target RateLoad --rate 1000 --duration-s "$secs" --warmup-s 3)
    for arm in mock A B; do
      if [[ $arm == mock ]]; then url=$MOCK/v1/chat/completions; b=$mbody; key=x
      else url=http://127.0.0.1:$(port_of $arm)/v1/chat/completions; b=$body; key=$(cat "$DIR/$arm.key"); fi
      pid=$([[ $arm == mock ]] && cat "$DIR/mock.pid" || cat "$DIR/$arm.pid")
      load=$(cut -d' ' -f1 /proc/loadavg)
      start=$(date -u +%H:%M:%S.%N)
      t0=$(cpu_ticks "$pid")
      tl=$DIR/timeline-$arm${stream:+-stream}-$(date -u +%H%M%S).txt
      out=$(locked taskset -c 1 "${rl[@]}" --url "$url" --header "Authorization: Bearer $key" --body "$b" --timeline "$tl" $stream)
      t1=$(cpu_ticks "$pid")
      printf '%s\trate%s\tload %s\tstarted %s\tcpu %s %%\t%s\n' "$arm" "$stream" "$load" "$start" \
        "$(( (t1 - t0) * 100 / CLK_TCK / (secs + 3) ))" "$out" | tee -a "$DIR/rate.tsv"
      [[ $arm == mock ]] || python3 bench/lib/gc_tail.py "$tl" "$DIR/gc-$arm.log" | tee -a "$DIR/rate.tsv"
    done ;;
  restart) # restart ARM JAR: a new jar for one arm (fresh database and fixtures)
    kill "$(cat "$DIR/$2.pid")" 2>/dev/null || true
    while kill -0 "$(cat "$DIR/$2.pid")" 2>/dev/null; do sleep 0.2; done
    start_arm "$2" "$3" "$([[ $2 == A ]] && echo "$DB_A" || echo "$DB_B")"; fixtures "$2" ;;
  profile) # profile ARM CASE SECONDS: JFR (profile settings) during a wrk run, then a summary by layer
    pid=$(cat "$DIR/$2.pid") out=$DIR/$2-$3-$(date -u +%H%M%S).jfr
    locked bash -c "'$(dirname "$JAVA")/jcmd' $pid JFR.start name=ab settings=profile filename=$out >/dev/null
      '$0' _measure $2 $3 $4 profiled; '$(dirname "$JAVA")/jcmd' $pid JFR.stop name=ab >/dev/null"
    echo "$out" ;;
  stop)
    for p in A B mock; do [[ -f $DIR/$p.pid ]] && { kill "$(cat "$DIR/$p.pid")" 2>/dev/null || true; rm -f "$DIR/$p.pid"; }; done ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
