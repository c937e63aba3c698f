#!/usr/bin/env bash
# Parley's benchmark harness (bench/README.md): builds Parley and the mock LLM provider, starts both
# pinned to separate cores against a fresh PostgreSQL database, runs the scenarios with their arms
# alternated (A B A B) and writes bench/results/<timestamp>/{results.md,summary.json,raw.jsonl}.
#
#   bench/run.sh                      full run (minutes; needs an otherwise idle machine)
#   bench/run.sh --smoke              every scenario for a few seconds at tiny load (CI): exits non-zero
#                                     when a scenario's plumbing fails, never because of a target
#   bench/run.sh --scenarios 2,4,9 --rounds 5 --duration 15 --warmup 30 --no-build
#                                     (--warmup: unrecorded seconds of each scenario's load first;
#                                     wrk loads then go on in 10 s slices until steady, --warmup-max 240 in all)
#
# Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/parley_bench; the database is
# dropped and created), BENCH_SERVER_CORES (0), BENCH_LOAD_CORES (1), BENCH_PARLEY_PORT (8100),
# BENCH_MOCK_PORT (9100), BENCH_JAVA (a JDK 21+ java), BENCH_PARLEY_JVM (Parley's memory and GC flags; default
# the README's "Running in production" ones, -XX:+UseSerialGC -Xms32m -Xmx512m -XX:TrimNativeHeapInterval=1000; empty: the JVM's own),
# BENCH_PARLEY_JAVA_OPTS (extra JVM flags for Parley),
# BENCH_QUOTAS (1: scenario 2 also runs each round with a generous quota on the bench user, arm parley-quotas),
# BENCH_START_TIMEOUT (180: seconds Parley may take to become healthy; more on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MODE=full ROUNDS=3 DURATION=10 WARMUP=30 WARMUP_MAX=240 WARM_SLICE=10 SCENARIOS=1,2,3,4,5,6,7,8,9 BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --smoke) MODE=smoke ;;
    --rounds) ROUNDS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --warmup-max) WARMUP_MAX=$2; shift ;;
    --scenarios) SCENARIOS=$2; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ $MODE == smoke ]]; then ROUNDS=1; DURATION=2; WARMUP=1; fi

DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/parley_bench}
DB_NAME=${DB_URL##*/}
DB_SERVER=${DB_URL%/*}/postgres
SERVER_CORES=${BENCH_SERVER_CORES:-0}
LOAD_CORES=${BENCH_LOAD_CORES:-1}
# Scenario 6 also starts Parley on every core: nothing else runs while it starts.
ALL_CORES=0-$(( $(nproc) - 1 ))
PARLEY_PORT=${BENCH_PARLEY_PORT:-8100}
MOCK_PORT=${BENCH_MOCK_PORT:-9100}
PARLEY=http://127.0.0.1:$PARLEY_PORT
MOCK=http://127.0.0.1:$MOCK_PORT
JAVA=${BENCH_JAVA:-}
if [[ -z $JAVA ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ${JAVA_HOME:+$JAVA_HOME/bin/java} $(command -v java || true); do
    if [[ -x $candidate ]] && "$candidate" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA=$candidate; break; fi
  done
fi
[[ -n $JAVA ]] || { echo "bench: needs a JDK 21+ (set BENCH_JAVA)" >&2; exit 1; }
JAVAC=$(dirname "$JAVA")/javac

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results/$STAMP-$MODE
mkdir -p "$RESULTS"
RAW=$RESULTS/raw.jsonl
WORK=$RESULTS/work
mkdir -p "$WORK"
FAILURES=()
log() { printf '%s [bench] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RESULTS/run.log" >&2; }
fail() { log "PLUMBING FAILURE: $*"; FAILURES+=("$*"); }

# ---------------------------------------------------------------- processes (always stopped)
MOCK_PID= PARLEY_PID= BG_PIDS=()
stop_pid() { local pid=$1; [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true; }
cleanup() {
  for pid in "${BG_PIDS[@]}"; do stop_pid "$pid"; done
  stop_pid "$PARLEY_PID"; stop_pid "$MOCK_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
need_packages=()
for tool in wrk hey curl jq taskset psql python3; do
  command -v "$tool" >/dev/null || case $tool in
    taskset) need_packages+=(util-linux) ;; psql) need_packages+=(postgresql-client) ;; *) need_packages+=("$tool") ;;
  esac
done
if [[ ${#need_packages[@]} -gt 0 ]]; then
  log "installing ${need_packages[*]} (Debian packages)"
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get install -y -q "${need_packages[@]}" >/dev/null 2>&1 ||
    { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${need_packages[@]}" >/dev/null; }
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- build
JAR=$ROOT/target/parley-0.1.0-SNAPSHOT.jar
MOCK_JAR=$ROOT/bench/mock-llm/target/mock-llm.jar
if [[ $BUILD == 1 || ! -f $JAR ]]; then log "building Parley"; ./mvnw -B -q -DskipTests package; fi
if [[ $BUILD == 1 || ! -f $MOCK_JAR ]]; then log "building the mock"; ./mvnw -B -q -f bench/mock-llm/pom.xml package; fi
mkdir -p bench/loadgen/target
"$JAVAC" -d bench/loadgen/target bench/loadgen/SseLoad.java bench/loadgen/RateLoad.java bench/loadgen/WsLoad.java
LOADGEN=("$JAVA" -XX:+UseSerialGC -Xss256k -cp "$ROOT/bench/loadgen/target" SseLoad)
RATELOAD=("$JAVA" -XX:+UseSerialGC -Xss256k -cp "$ROOT/bench/loadgen/target" RateLoad)
WSLOAD=("$JAVA" -XX:+UseSerialGC -cp "$ROOT/bench/loadgen/target" WsLoad)
on_load() { taskset -c "$LOAD_CORES" "$@"; }

python3 - "$RESULTS/environment.json" <<EOF
import json, os, platform, subprocess, sys
def out(cmd):
    try: return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception: return "?"
json.dump({"mode": "$MODE", "started": "$STAMP", "rounds": $ROUNDS, "duration_s": $DURATION,
           "cpus": os.cpu_count(), "cpu": out("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip(),
           "server_cores": "$SERVER_CORES", "load_cores": "$LOAD_CORES",
           "java": out("'$JAVA' -version 2>&1 | head -1"), "commit": out("git rev-parse --short HEAD"),
           "load_avg_at_start": out("cut -d' ' -f1-3 /proc/loadavg")}, open(sys.argv[1], "w"))
EOF

# ---------------------------------------------------------------- measurement helpers
cpu_ticks() { [[ -n $PARLEY_PID ]] && awk '{print $14+$15}' "/proc/$PARLEY_PID/stat" 2>/dev/null || echo 0; }
rss_mb() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
SAMPLER=
sampler_start() { # peak VmRSS of Parley, sampled every 100 ms, into $WORK/rss.peak
  echo 0 > "$WORK/rss.peak"
  ( peak=0; while kill -0 "$PARLEY_PID" 2>/dev/null; do
      r=$(awk '/VmRSS/{print $2}' "/proc/$PARLEY_PID/status" 2>/dev/null || echo 0)
      # Written to a new file and renamed, so that sampler_stop never reads a half-written one.
      if (( r > peak )); then peak=$r; echo "$peak" > "$WORK/rss.peak.new" && mv "$WORK/rss.peak.new" "$WORK/rss.peak"; fi
      sleep 0.1; done ) &
  SAMPLER=$!
}
sampler_stop() { kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  local peak; peak=$(cat "$WORK/rss.peak" 2>/dev/null); echo $(( ${peak:-0} / 1024 )); }

# measure META_JSON EXTRA_JSON COMMAND...: runs the load tool, records Parley's CPU and peak RSS.
measure() {
  local meta=$1 extra=$2; shift 2
  local out=$WORK/out.$RANDOM
  local t0 c0 c1 wall rss
  t0=$(date +%s%N); c0=$(cpu_ticks); sampler_start
  "$@" > "$out" 2> "$out.err" || true
  rss=$(sampler_stop); c1=$(cpu_ticks); wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  local cpu_pct; cpu_pct=$(python3 -c "print(round(100*($c1-$c0)/$CLK_TCK/max($wall,1)*1000,1))")
  extra=$(jq -c ". + {parley_cpu_pct: $cpu_pct, parley_rss_peak_mb: $rss, wall_ms: $wall}" <<< "$extra")
  if ! python3 bench/lib/bench.py record "$RAW" "$meta" "$out" "$extra" >> "$RESULTS/run.log"; then
    fail "$meta produced no result: $(tail -3 "$out.err" | tr '\n' ' ')"
  fi
  tail -1 "$RAW" | jq -c '{scenario, case, arm, round, rps, errors, lat: .lat.p99, ttft: .ttft.p99, cpu: .parley_cpu_pct, rss: .parley_rss_peak_mb}' >&2
}
# wait_idle: before a scenario, until Parley's CPU falls under 20 % over a second (at most 60 s), so
# work left over from the previous scenario (queued requests, GC) is not charged to the next one.
wait_idle() {
  local a b i
  for i in $(seq 1 60); do
    a=$(cpu_ticks); sleep 1; b=$(cpu_ticks)
    (( (b - a) * 100 < CLK_TCK * 20 )) && return 0
  done
  log "Parley is still busy after 60 s; measuring anyway"
}
meta() { jq -nc --arg s "$1" --arg c "$2" --arg a "$3" --argjson r "$4" '{scenario: $s, case: $c, arm: $a, round: $r}'; }
skip() { jq -nc --arg s "$1" --arg r "$2" '{scenario: $s, reason: $r}' >> "$RESULTS/skipped.jsonl"; log "scenario $1 skipped: $2"; }
want() { [[ ",$SCENARIOS," == *",$1,"* ]]; }

wrk_run() { # wrk_run CONNECTIONS URL [env assignments...]: one wrk thread on the load core
  local conns=$1 url=$2; shift 2
  env "$@" taskset -c "$LOAD_CORES" wrk -t1 -c"$conns" -d"${WRK_SECONDS:-$DURATION}s" --timeout 10s -s bench/lib/wrk.lua "$url"
}
# warm_wrk CONNECTIONS URL [env...]: unrecorded load until Parley's JIT has settled: --warmup seconds,
# then 10 s slices until three slices in a row are within 3 % of each other's throughput, at most
# --warmup-max seconds in all (on a slow core the JIT needs minutes: bench/README.md, "Warm-up").
warm_wrk() {
  WRK_SECONDS=$WARMUP wrk_run "$@" > /dev/null
  [[ $MODE == smoke ]] && return 0
  local spent=$WARMUP slices=() rps
  while (( spent + WARM_SLICE <= WARMUP_MAX )); do
    rps=$(WRK_SECONDS=$WARM_SLICE wrk_run "$@" | grep '^{"tool":"wrk"' | jq -r '.requests / .duration_s | floor' || true)
    spent=$(( spent + WARM_SLICE ))
    log "warm-up $2: ${rps:-?} requests/s after ${spent} s"
    slices+=("${rps:-0}")
    if (( ${#slices[@]} >= 3 )) && python3 -c "import sys; r = [int(x) for x in sys.argv[1:]]
sys.exit(0 if min(r) > 0 and max(r) <= 1.03 * min(r) else 1)" "${slices[@]: -3}"; then
      return 0
    fi
  done
  log "warm-up $2: not settled after ${spent} s; measuring anyway"
}
# hey_rate RPS URL [hey flags...]: a fixed rate from 50 workers, CSV stats as JSON. The workers tick
# together: the rate arrives in bursts of 50 requests (bench/README.md, Results).
hey_rate() {
  local rps=$1 url=$2; shift 2
  local workers=$(( rps < 50 ? rps : 50 ))
  taskset -c "$LOAD_CORES" hey -z "${DURATION}s" -c "$workers" -q $(( rps / workers )) -t 10 -o csv "$@" "$url" > "$WORK/hey.csv" &&
    # Expected: the planned requests less one a worker (its last tick may fall on the deadline).
    python3 bench/lib/bench.py hey "$WORK/hey.csv" $(( rps / workers * workers * DURATION - workers ))
}

# ---------------------------------------------------------------- mock and Parley
start_mock() {
  if curl -s -o /dev/null "$MOCK/health"; then log "something already listens on $MOCK"; exit 1; fi
  # taskset execs java, so $! is the mock's own pid (stopped by the trap).
  taskset -c "$LOAD_CORES" "$JAVA" -XX:+UseSerialGC -Xmx256m -jar "$MOCK_JAR" --port "$MOCK_PORT" --threads 1 \
    --chunks 20 --chunk-interval-ms 0 > "$RESULTS/mock.log" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 1 100); do curl -fs "$MOCK/health" >/dev/null && return 0; sleep 0.1; done
  log "the mock did not start: $(tail -5 "$RESULTS/mock.log")"; exit 1
}

reset_database() {
  psql "$DB_SERVER" -q -v ON_ERROR_STOP=1 -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME" >/dev/null
}

STARTS=0
# How Parley is started: the fat jar, or (use_aot_cache) the extracted jar with a JDK 25 AOT cache.
# shellcheck disable=SC2206
# The JVM options the README recommends (Running in production), unless BENCH_PARLEY_JVM says otherwise.
PARLEY_JAVA_OPTS="${BENCH_PARLEY_JVM--XX:+UseSerialGC -Xms32m -Xmx512m -XX:TrimNativeHeapInterval=1000} ${BENCH_PARLEY_JAVA_OPTS:-}"
PARLEY_JAR_CMD=("$JAVA" $PARLEY_JAVA_OPTS -jar "$JAR")
PARLEY_CMD=("${PARLEY_JAR_CMD[@]}")
AOT_DIR=$WORK/aot
# train_aot_cache: extracts the jar and records an AOT cache with a training start that stops once
# the context has refreshed (README "Running in production"); the training needs the database.
train_aot_cache() {
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT_DIR" > "$RESULTS/aot-extract.log" 2>&1
  env PORT="$PARLEY_PORT" DATABASE_URL="$DB_URL" SECRET_KEY="bench-signing-key-of-at-least-32-bytes-0123456789" \
    PARLEY_DATA_DIR="$WORK/data" OPENAI_API_KEY=bench-key OPENAI_BASE_URL="$MOCK/v1" \
    taskset -c "$SERVER_CORES" "$JAVA" $PARLEY_JAVA_OPTS -XX:AOTCacheOutput="$AOT_DIR/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$AOT_DIR/$(basename "$JAR")" > "$RESULTS/aot-training.log" 2>&1
  [[ -f $AOT_DIR/app.aot ]]
}
use_aot_cache() { PARLEY_CMD=("$JAVA" $PARLEY_JAVA_OPTS -XX:AOTCache="$AOT_DIR/app.aot" -jar "$AOT_DIR/$(basename "$JAR")"); }
use_fat_jar() { PARLEY_CMD=("${PARLEY_JAR_CMD[@]}"); }
# start_parley [ENV=VALUE ...]: starts Parley on the server core, records start-up time and idle RSS.
# The load comes from one user on one address, so the per-user turn limit and the per-address sign-in
# limit are lifted: the scenarios measure throughput, the limits have their own tests.
start_parley() {
  if curl -s -o /dev/null "$PARLEY/health"; then log "something already listens on $PARLEY"; exit 1; fi
  STARTS=$((STARTS + 1))
  local t0; t0=$(date +%s%N)
  env PORT="$PARLEY_PORT" DATABASE_URL="$DB_URL" SECRET_KEY="bench-signing-key-of-at-least-32-bytes-0123456789" \
    PARLEY_DATA_DIR="$WORK/data" ACCESS_TOKEN_EXPIRE_MINUTES=240 PARLEY_MAX_CONCURRENT_GENERATIONS=100000 \
    PARLEY_LIMIT_USER_MESSAGES=100000000 PARLEY_LIMIT_AUTH_PER_ADDRESS=100000000 \
    PARLEY_ADMIN_EMAIL=bench-admin@example.com \
    PARLEY_AI_ECHO_DELAY=0ms OPENAI_API_KEY=bench-key OPENAI_BASE_URL="$MOCK/v1" LOG_FORMAT=text \
    MALLOC_ARENA_MAX=2 "$@" \
    taskset -c "${PARLEY_CORES:-$SERVER_CORES}" "${PARLEY_CMD[@]}" > "$RESULTS/parley-$STARTS.log" 2>&1 &
  PARLEY_PID=$!
  local deadline=$(( $(date +%s) + ${BENCH_START_TIMEOUT:-180} ))
  until curl -fs -o /dev/null "$PARLEY/health"; do
    if ! kill -0 "$PARLEY_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
      log "Parley did not become healthy: $(tail -20 "$RESULTS/parley-$STARTS.log")"; exit 1
    fi
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 2
  IDLE_RSS_MB=$(rss_mb "$PARLEY_PID")
  log "Parley up in ${STARTUP_MS} ms, idle RSS ${IDLE_RSS_MB} MB (pid $PARLEY_PID, start $STARTS)"
}
stop_parley() { stop_pid "$PARLEY_PID"; PARLEY_PID=; }

api() { # api METHOD PATH TOKEN [JSON]
  curl -sS -X "$1" "$PARLEY$2" ${3:+-H "Authorization: Bearer $3"} -H 'Content-Type: application/json' ${4:+-d "$4"}
}
PASSWORD=bench-password-Argon2id-7
register() { api POST /api/v1/auth/register "" "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"name\":\"Bench\"}" | jq -r .access_token; }

# fixtures: one user with CHATS chats (paths files for wrk and chat ids for SseLoad)
setup_fixtures() {
  local chats=$1
  TOKEN=$(register "bench@example.com")
  [[ -n $TOKEN && $TOKEN != null ]] || { log "could not register the bench user"; exit 1; }
  : > "$WORK/chats.txt"
  for i in $(seq 1 "$chats"); do
    api POST /api/v1/chats "$TOKEN" "{\"title\":\"bench chat $i\"}" | jq -r .id >> "$WORK/chats.txt"
  done
  sed 's|.*|/api/v1/chats/&/completions|' "$WORK/chats.txt" > "$WORK/turn-paths.txt"
  API_KEY=$(api POST /api/v1/api-keys "$TOKEN" '{"name":"bench"}' | jq -r '.key // empty' 2>/dev/null || true)
  if [[ ${BENCH_QUOTAS:-0} == 1 ]]; then
    ADMIN_TOKEN=$(register "bench-admin@example.com")
    BENCH_USER_ID=$(api GET /api/v1/users/me "$TOKEN" | jq -r .id)
  fi
  log "fixtures: $chats chats, API key: $([[ -n $API_KEY ]] && echo "${API_KEY:0:11}…" || echo "none (POST /api/v1/api-keys not available)")"
}

# Which model a Parley turn uses: the OpenAI provider pointed at the mock when it is on this build,
# else the built-in local/echo model as a stand-in (reported as such).
pick_model() {
  local chat; chat=$(head -1 "$WORK/chats.txt")
  local reply; reply=$(api POST "/api/v1/chats/$chat/completions" "$TOKEN" '{"content":"probe","model":"openai/mock-d0"}' || true)
  if jq -e '.assistant_message.status == "completed"' <<< "$reply" >/dev/null 2>&1; then
    PROVIDER=openai
  else
    PROVIDER=echo
    log "the OpenAI provider is not available on this build ($(jq -r '.detail // .title // "?"' <<< "$reply" 2>/dev/null | head -c 120)); turns use local/echo"
  fi
  echo "$PROVIDER" > "$WORK/provider"
}

# quota_arm ARM: for arm parley-quotas puts a quota on the bench user that no turn reaches (every
# limit set, so each turn reserves and settles on all its counters); for any other arm removes it.
# Waits out the nodes' one-second cache of quota definitions.
BENCH_QUOTA='{"tokens_per_day":1000000000000,"tokens_per_month":1000000000000,"usd_per_day":1000000,"usd_per_month":1000000,"requests_per_minute":1000000}'
quota_arm() {
  [[ ${BENCH_QUOTAS:-0} == 1 ]] || return 0
  if [[ $1 == parley-quotas ]]; then
    api PUT "/api/v1/admin/quotas/users/$BENCH_USER_ID" "$ADMIN_TOKEN" "$BENCH_QUOTA" | jq -e .tokens_per_day >/dev/null ||
      fail "2: the bench quota was not set"
  else
    api DELETE "/api/v1/admin/quotas/users/$BENCH_USER_ID" "$ADMIN_TOKEN" >/dev/null || true
  fi
  sleep 2
}

# ================================================================ scenarios
reset_database
start_mock
log "results in $RESULTS (mode $MODE, $ROUNDS round(s) of ${DURATION}s)"

# ---- 6. start-up (the first start migrates an empty database: cold; the others are warm). In a full
# run, starts from the fat jar and from the extracted jar with an AOT cache alternate (A B A B).
if want 6; then
  ARMS=jar
  if [[ $MODE == full ]]; then
    log "scenario 6: training the AOT cache"
    if train_aot_cache; then ARMS="jar aot jar-1core aot-1core"; else fail "6: the AOT cache training failed (see aot-training.log)"; fi
  fi
  STARTUP_ROUNDS=$(( ROUNDS + 1 ))
  [[ $MODE == smoke ]] && STARTUP_ROUNDS=1
  for r in $(seq 1 "$STARTUP_ROUNDS"); do
    for arm in $ARMS; do
      [[ $r -eq 1 && $arm != jar ]] && continue   # the cold start is the fat jar's
      if [[ $arm == aot* ]]; then use_aot_cache; else use_fat_jar; fi
      # Arms without -1core start on every core; -1core ones on the server core the load scenarios use.
      if [[ $arm == *-1core ]]; then cores=$SERVER_CORES; else cores=$ALL_CORES; fi
      [[ -n $PARLEY_PID ]] && stop_parley
      PARLEY_CORES=$cores start_parley
      jq -nc --argjson r "$r" --arg a "$arm" --argjson s "$STARTUP_MS" --argjson m "$IDLE_RSS_MB" --argjson w "$([[ $r -gt 1 ]] && echo true || echo false)" \
        '{scenario: "6", case: "start", arm: $a, round: $r, startup_ms: $s, idle_rss_mb: $m, warm: $w}' >> "$RAW"
    done
  done
  # The other scenarios run on the fat jar, as `java -jar` starts it, on the server core alone.
  use_fat_jar; stop_parley; start_parley
else
  start_parley
fi

CHATS=$([[ $MODE == smoke ]] && echo 25 || echo 200)
setup_fixtures "$CHATS"
pick_model
if [[ $PROVIDER == openai ]]; then TURN_MODEL='"model":"openai/mock-d0",'; else TURN_MODEL=''; fi

# ---- 4. authenticated reads vs a trivial unauthenticated endpoint (GET /health/ping: no database)
if want 4; then
  wait_idle
  log "scenario 4: GET /api/v1/chats?limit=20 (bearer) vs GET /health/ping, 64 connections"
  [[ $(api GET "/api/v1/chats?limit=20" "$TOKEN" | jq '.items | length') == 20 ]] || fail "4: the chat list does not return 20 items"
  warm_wrk 64 "$PARLEY/health/ping"
  warm_wrk 64 "$PARLEY/api/v1/chats?limit=20" WRK_TOKEN="$TOKEN"
  for r in $(seq 1 "$ROUNDS"); do
    measure "$(meta 4 64-connections trivial "$r")" '{}' wrk_run 64 "$PARLEY/health/ping"
    measure "$(meta 4 64-connections chats "$r")" '{}' wrk_run 64 "$PARLEY/api/v1/chats?limit=20" WRK_TOKEN="$TOKEN"
  done
fi

# ---- 2. full chat turn, non-streamed, at saturation
if want 2; then
  wait_idle
  CONNS=$([[ $MODE == smoke ]] && echo 4 || echo 64)
  log "scenario 2: POST /api/v1/chats/{id}/completions non-streamed ($PROVIDER), $CONNS connections"
  export_body="{${TURN_MODEL}\"content\":\"What should I see in Alfama?\"}"
  # Turns go to fresh chats, so that each chat holds a short history, as most chats do; the report
  # gives the longest history a turn saw. Created in SQL: 20,000 chats through the API take minutes.
  TURN_CHATS=$([[ $MODE == smoke ]] && echo 200 || echo 20000)
  psql "$DB_URL" -q -v ON_ERROR_STOP=1 -c "insert into chats (id, user_id, title, created_at, updated_at, version)
    select gen_random_uuid(), u.id, 'turn chat ' || g, now(), now(), 0
    from users u cross join generate_series(1, $TURN_CHATS) g where u.email = 'bench@example.com'"
  psql "$DB_URL" -tAc "select '/api/v1/chats/' || id || '/completions' from chats where title like 'turn chat %' order by random()" \
    > "$WORK/turn-paths-2.txt"
  warm_wrk "$CONNS" "$PARLEY/" WRK_METHOD=POST WRK_TOKEN="$TOKEN" WRK_PATHS="$WORK/turn-paths-2.txt" WRK_BODY="$export_body"
  ARMS_2=(parley); [[ ${BENCH_QUOTAS:-0} == 1 ]] && ARMS_2=(parley parley-quotas)
  for r in $(seq 1 "$ROUNDS"); do for arm in "${ARMS_2[@]}"; do
    quota_arm "$arm"
    before=$(psql "$DB_URL" -tAc "select count(*) from messages where role = 'ASSISTANT' and status = 'COMPLETED' and total_tokens is not null")
    users_before=$(psql "$DB_URL" -tAc "select count(*) from messages where role = 'USER'")
    measure "$(meta 2 "$CONNS-connections-$PROVIDER" "$arm" "$r")" '{}' \
      wrk_run "$CONNS" "$PARLEY/" WRK_METHOD=POST WRK_TOKEN="$TOKEN" WRK_PATHS="$WORK/turn-paths-2.txt" WRK_BODY="$export_body"
    sleep 1
    history=$(psql "$DB_URL" -tAc "select coalesce(max(message_count), 0) from chats where title like 'turn chat %'")
    after=$(psql "$DB_URL" -tAc "select count(*) from messages where role = 'ASSISTANT' and status = 'COMPLETED' and total_tokens is not null")
    users_after=$(psql "$DB_URL" -tAc "select count(*) from messages where role = 'USER'")
    ok=$(tail -1 "$RAW" | jq '.ok // 0')
    persisted=$(( after - before )) users=$(( users_after - users_before ))
    # Every answered turn stored its user message and its completed reply with usage.
    if (( persisted >= ok && users >= ok && ok > 0 )); then p=true; else p=false; fail "2: $ok turns answered, $users user messages and $persisted completed replies with usage stored"; fi
    python3 - "$RAW" "$p" "$persisted" "$history" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
last = json.loads(lines[-1]); last["persisted_ok"] = sys.argv[2] == "true"; last["persisted_replies"] = int(sys.argv[3])
last["chat_messages_max"] = int(sys.argv[4])
lines[-1] = json.dumps(last); open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF
  done; done
  quota_arm parley
fi

# ---- 1. gateway overhead: mock directly vs Parley /v1/chat/completions -> mock
if want 1; then
  wait_idle
  if [[ -z ${API_KEY:-} ]]; then
    skip 1 "POST /api/v1/api-keys is not on this build, so /v1/chat/completions cannot be called with a pk_ key"
  elif [[ $PROVIDER != openai ]]; then
    skip 1 "the OpenAI provider (OPENAI_BASE_URL) is not on this build, so Parley cannot forward to the mock"
  else
    RATES=$([[ $MODE == smoke ]] && echo 20 || echo "500 1000")
    BODY='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
    PBODY='{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
    SBODY='{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
    SPBODY='{"model":"openai/gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What should I see in Alfama?"}]}'
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$PARLEY/v1/chat/completions" -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' -d "$PBODY")
    [[ $code == 200 ]] || fail "1: Parley /v1/chat/completions answered $code"
    warm_wrk 32 "$PARLEY/v1/chat/completions" WRK_METHOD=POST WRK_TOKEN="$API_KEY" WRK_BODY="$PBODY"
    on_load "${LOADGEN[@]}" --url "$PARLEY/v1/chat/completions" --header "Authorization: Bearer $API_KEY" --body "$SPBODY" \
      --rate 200 --duration-s "$WARMUP" > /dev/null 2>&1 || true
    for rate in $RATES; do
      log "scenario 1: $rate requests/s, not streamed (hey) and streamed (SseLoad)"
      hey_rate "$rate" "$PARLEY/v1/chat/completions" -m POST -T application/json -H "Authorization: Bearer $API_KEY" -d "$PBODY" > /dev/null || true
      for r in $(seq 1 "$ROUNDS"); do
        measure "$(meta 1 "$rate-rps" mock "$r")" '{}' hey_rate "$rate" "$MOCK/v1/chat/completions" -m POST -T application/json -d "$BODY"
        measure "$(meta 1 "$rate-rps" parley "$r")" '{}' hey_rate "$rate" "$PARLEY/v1/chat/completions" -m POST -T application/json -H "Authorization: Bearer $API_KEY" -d "$PBODY"
      done
      for r in $(seq 1 "$ROUNDS"); do
        measure "$(meta 1 "$rate-rps-stream" mock "$r")" '{}' on_load "${LOADGEN[@]}" --url "$MOCK/v1/chat/completions" \
          --body "$SBODY" --rate "$rate" --duration-s "$DURATION" --warmup 50 --expect-tokens 20
        measure "$(meta 1 "$rate-rps-stream" parley "$r")" '{}' on_load "${LOADGEN[@]}" --url "$PARLEY/v1/chat/completions" \
          --header "Authorization: Bearer $API_KEY" --body "$SPBODY" --rate "$rate" --duration-s "$DURATION" --warmup 50
      done
    done
  fi
fi

# ---- 8. gateway overhead with an even-rate open-loop generator (issue 10): RateLoad sends one
# request every 1/rate s over keep-alive connections, latency from each request's planned start
# (bench/README.md, "The even-rate generator"); mock directly vs Parley /v1/chat/completions -> mock,
# arms alternated, plain and streamed (TTFT); then saturation (wrk, 32 connections, closed loop).
if want 8; then
  wait_idle
  if [[ -z ${API_KEY:-} ]]; then
    skip 8 "POST /api/v1/api-keys is not on this build, so /v1/chat/completions cannot be called with a pk_ key"
  elif [[ $PROVIDER != openai ]]; then
    skip 8 "the OpenAI provider (OPENAI_BASE_URL) is not on this build, so Parley cannot forward to the mock"
  else
    RATE8=$([[ $MODE == smoke ]] && echo 50 || echo 1000)
    Q='"messages":[{"role":"user","content":"What should I see in Alfama?"}]'
    B8="{\"model\":\"gpt-4o-mini\",$Q}"
    PB8="{\"model\":\"openai/gpt-4o-mini\",$Q}"
    SB8="{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},$Q}"
    SPB8="{\"model\":\"openai/gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},$Q}"
    AUTH="Authorization: Bearer $API_KEY"
    # Each measurement is a new JVM: --warmup-s first runs its own load unrecorded, so the generator's
    # JIT and its keep-alive connections are warm when it counts.
    GEN_WARMUP=$([[ $MODE == smoke ]] && echo 0.5 || echo 3)
    rate8() { on_load "${RATELOAD[@]}" --rate "$RATE8" --duration-s "$DURATION" --warmup-s "$GEN_WARMUP" "$@"; }
    probe=$(curl -sN -X POST "$PARLEY/v1/chat/completions" -H "$AUTH" -H 'Content-Type: application/json' -d "$SPB8" | tail -c 200)
    [[ $probe == *'[DONE]'* ]] || fail "8: a streamed /v1/chat/completions through Parley did not end with [DONE]"
    log "scenario 8: warm-up (Parley's JIT with wrk until steady, then ${WARMUP}s of each load, unrecorded)"
    warm_wrk 32 "$PARLEY/v1/chat/completions" WRK_METHOD=POST WRK_TOKEN="$API_KEY" WRK_BODY="$PB8"
    for arm in "$MOCK/v1/chat/completions" "$PARLEY/v1/chat/completions"; do
      on_load "${RATELOAD[@]}" --url "$arm" --header "$AUTH" --body "$([[ $arm == $MOCK* ]] && echo "$B8" || echo "$PB8")" \
        --rate "$RATE8" --duration-s "$WARMUP" > /dev/null 2>&1 || true
      on_load "${RATELOAD[@]}" --url "$arm" --header "$AUTH" --body "$([[ $arm == $MOCK* ]] && echo "$SB8" || echo "$SPB8")" \
        --rate "$RATE8" --duration-s "$WARMUP" --stream > /dev/null 2>&1 || true
    done
    log "scenario 8: $RATE8 requests/s even-rate open loop, not streamed and streamed"
    for r in $(seq 1 "$ROUNDS"); do
      measure "$(meta 8 "$RATE8-rps" mock "$r")" '{}' rate8 --url "$MOCK/v1/chat/completions" --header "$AUTH" --body "$B8"
      measure "$(meta 8 "$RATE8-rps" parley "$r")" '{}' rate8 --url "$PARLEY/v1/chat/completions" --header "$AUTH" --body "$PB8"
    done
    for r in $(seq 1 "$ROUNDS"); do
      measure "$(meta 8 "$RATE8-rps-stream" mock "$r")" '{}' rate8 --url "$MOCK/v1/chat/completions" --header "$AUTH" --body "$SB8" --stream
      measure "$(meta 8 "$RATE8-rps-stream" parley "$r")" '{}' rate8 --url "$PARLEY/v1/chat/completions" --header "$AUTH" --body "$SPB8" --stream
    done
    log "scenario 8: saturation, 32 connections (wrk)"
    warm_wrk 32 "$PARLEY/v1/chat/completions" WRK_METHOD=POST WRK_TOKEN="$API_KEY" WRK_BODY="$PB8"
    for r in $(seq 1 "$ROUNDS"); do
      measure "$(meta 8 saturation mock "$r")" '{}' wrk_run 32 "$MOCK/v1/chat/completions" WRK_METHOD=POST WRK_BODY="$B8"
      measure "$(meta 8 saturation parley "$r")" '{}' wrk_run 32 "$PARLEY/v1/chat/completions" WRK_METHOD=POST WRK_TOKEN="$API_KEY" WRK_BODY="$PB8"
    done
    # Plumbing: every Parley arm answered something.
    for case in "$RATE8-rps" "$RATE8-rps-stream" saturation; do
      jq -se --arg c "$case" '[.[] | select(.scenario == "8" and .case == $c and .arm == "parley") | .ok // 0] | add > 0' "$RAW" >/dev/null ||
        fail "8: no request of $case through Parley succeeded"
    done
  fi
fi

# Overload in scenarios 1 and 8 can leave Parley's heap grown; later scenarios start from a fresh process.
if { want 1 || want 8; } && [[ $MODE == full ]]; then stop_parley; start_parley; fi

# ---- 5. logins (Argon2id): logins/s at 200 connections; another endpoint's p99 idle vs during logins
if want 5; then
  wait_idle
  LOGIN_CONNS=$([[ $MODE == smoke ]] && echo 8 || echo 200)
  OTHER_RATE=$([[ $MODE == smoke ]] && echo 20 || echo 100)
  log "scenario 5: $LOGIN_CONNS concurrent logins; GET /api/v1/chats at $OTHER_RATE/s idle vs during logins"
  LOGIN_BODY="{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
  other() { hey_rate "$OTHER_RATE" "$PARLEY/api/v1/chats?limit=20" -H "Authorization: Bearer $TOKEN"; }
  warm_wrk 64 "$PARLEY/api/v1/chats?limit=20" WRK_TOKEN="$TOKEN"
  other > /dev/null
  for r in $(seq 1 "$ROUNDS"); do
    measure "$(meta 5 "$LOGIN_CONNS-logins" idle "$r")" '{}' other
    # Not through wrk_run: started directly so that $! is wrk itself (stopped by the trap on failure).
    WRK_METHOD=POST WRK_BODY="$LOGIN_BODY" taskset -c "$LOAD_CORES" wrk -t1 -c"$LOGIN_CONNS" -d"$(( DURATION + 2 ))s" \
      --timeout 10s -s bench/lib/wrk.lua "$PARLEY/api/v1/auth/login" > "$WORK/logins.out" 2>&1 &
    BG_PIDS+=($!); sleep 1
    measure "$(meta 5 "$LOGIN_CONNS-logins" loaded "$r")" '{}' other
    wait "${BG_PIDS[-1]}" || true; unset 'BG_PIDS[-1]'
    python3 bench/lib/bench.py record "$RAW" "$(meta 5 "$LOGIN_CONNS-logins" logins "$r")" "$WORK/logins.out" \
      '{}' >> "$RESULTS/run.log" ||
      fail "5: the login load produced no result"
  done
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$PARLEY/api/v1/auth/login" -H 'Content-Type: application/json' -d "$LOGIN_BODY")
  [[ $code == 200 ]] || fail "5: a login after the load answered $code"
fi

# ---- 3. concurrent streamed replies (50 chunks 20 ms apart); Parley's SSE vs the mock's own
if want 3; then
  wait_idle
  WORDS=$(printf 'word%d ' $(seq 1 49))
  if [[ $PROVIDER == openai ]]; then
    MOCK_MODEL=mock-c50-i20
    PBODY3="{\"model\":\"openai/mock-c50-i20\",\"stream\":true,\"content\":\"$WORDS\"}"
  else
    # local/echo stand-in: 'Echo:' + 49 words = 50 chunks, each delayed 20 ms (also the first).
    MOCK_MODEL=mock-d20-c50-i20
    PBODY3="{\"stream\":true,\"content\":\"$WORDS\"}"
    stop_parley; start_parley PARLEY_AI_ECHO_DELAY=20ms
  fi
  MBODY3="{\"model\":\"$MOCK_MODEL\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"$WORDS\"}]}"
  # The JIT needs minutes of load on a slow core (bench/README.md, "Warm-up"): at least 120 s of streams,
  # at 10 a second, which a slow core keeps up with (at 50 a second it fell behind for good, and the
  # measured rounds only timed out behind the backlog).
  STREAM_WARMUP=$WARMUP; [[ $MODE == smoke ]] || (( WARMUP >= 120 )) || STREAM_WARMUP=120
  stream_round() { # stream_round CASE ROUND STREAMS
    measure "$(meta 3 "$1" mock "$2")" '{}' on_load "${LOADGEN[@]}" --url "$MOCK/v1/chat/completions" --body "$MBODY3" \
      --streams "$3" --ramp-ms 500 --warmup 20 --expect-tokens 50 --timeout-s 60
    measure "$(meta 3 "$1" parley "$2")" '{}' on_load "${LOADGEN[@]}" --url "$PARLEY/api/v1/chats/{chat}/completions" \
      --chats "$WORK/chats.txt" --header "Authorization: Bearer $TOKEN" --body "$PBODY3" --streams "$3" --ramp-ms 500 \
      --warmup 20 --token-event delta --done-match "event:done" --expect-tokens 1 --timeout-s 60
  }
  on_load "${LOADGEN[@]}" --url "$PARLEY/api/v1/chats/{chat}/completions" --chats "$WORK/chats.txt" \
    --header "Authorization: Bearer $TOKEN" --body "$PBODY3" --rate 10 --duration-s "$STREAM_WARMUP" --token-event delta \
    --done-match "event:done" --expect-tokens 1 --timeout-s 60 > /dev/null 2>&1 || true
  STREAMS=$([[ $MODE == smoke ]] && echo 20 || echo 1000)
  log "scenario 3: $STREAMS concurrent streams ($PROVIDER)"
  for r in $(seq 1 "$ROUNDS"); do stream_round "$STREAMS-streams" "$r" "$STREAMS"; done
  if [[ $MODE == full ]]; then
    # The largest concurrency that still meets the target: one round per step, upwards from 1000 while
    # it is met, else downwards until it is.
    python3 bench/lib/bench.py report "$RESULTS" > /dev/null
    met() { jq -e --arg c "$1-streams" '.scenarios["3"][$c].met == true' "$RESULTS/summary.json" >/dev/null; }
    if met "$STREAMS"; then STEPS="1500 2000 3000 4000 6000"; UP=1; else STEPS="500 250 100 50"; UP=0; fi
    for n in $STEPS; do
      log "scenario 3 search: $n streams"
      stream_round "$n-streams" 1 "$n"
      python3 bench/lib/bench.py report "$RESULTS" > /dev/null
      if met "$n"; then [[ $UP == 1 ]] || break; else [[ $UP == 0 ]] || break; fi
    done
  fi
fi

# ---- 7. recommendations for one user with 10,000 products and 1,000,000 swipes: the data is
# generated into the test database (the embedded PostgreSQL of the test harness) by
# RecommendationSpeedBenchmark, which times the calls in-process on the server core (no HTTP: the
# target is the recommender's). Smoke: 500 products and 200 people's swipes, plumbing only.
if want 7; then
  if [[ $MODE == smoke ]]; then SIZES=(-Dparley.recommendation.bench.products=500 -Dparley.recommendation.bench.people=200); else SIZES=(); fi
  log "scenario 7: recommendations for one user (${SIZES[*]:-10,000 products, 1,000,000 swipes})"
  taskset -c "$SERVER_CORES" ./mvnw -B -q test -Dtest=RecommendationSpeedBenchmark -Dparley.recommendation.bench=true \
    -Dsurefire.failIfNoSpecifiedTests=false "${SIZES[@]}" > "$RESULTS/recommendations.log" 2>&1 || true
  OUT=target/surefire-reports/dev.parley.catalog.recommendation.RecommendationSpeedBenchmark-output.txt
  found=0
  for case in rank feed; do
    line=$(grep -E "^$case " "$OUT" 2>/dev/null | tail -1)
    if [[ -n $line ]]; then
      found=1
      p50=$(sed -E 's/.* p50 ([0-9.]+) ms.*/\1/' <<< "$line"); p99=$(sed -E 's/.* p99 ([0-9.]+) ms.*/\1/' <<< "$line")
      n=$(sed -E 's/.* n=([0-9]+) .*/\1/' <<< "$line")
      jq -nc --arg c "$case" --argjson n "$n" --argjson p50 "$p50" --argjson p99 "$p99" --arg g "$(grep -E '^Generated' "$OUT" | tail -1)" \
        '{scenario: "7", case: $c, arm: "parley", round: 1, calls: $n, p50: $p50, p99: $p99, generated: $g}' >> "$RAW"
    fi
  done
  [[ $found == 1 ]] || fail "7: RecommendationSpeedBenchmark printed no timings (see recommendations.log)"
fi

# ---- 9. WebSocket broadcast: N sockets of one user on one node, all subscribed to one chat; each
# reply's frames (local/echo, 50 words 20 ms apart) reach every socket. Delivery = a frame's arrival
# on a socket minus its first arrival on any socket; created = chat.send to the user message's
# message.created on each socket. The session limit is raised for the scenario (one user holds them all).
if want 9; then
  SOCKETS=$([[ $MODE == smoke ]] && echo 20 || echo 1000)
  MESSAGES=$([[ $MODE == smoke ]] && echo 2 || echo 5)
  stop_parley; start_parley PARLEY_REALTIME_MAX_SESSIONS=$(( SOCKETS + 10 )) PARLEY_AI_ECHO_DELAY=20ms
  wait_idle
  # The fixtures' user, logged in afresh (an access token lasts 15 minutes).
  WS_TOKEN=$(api POST /api/v1/auth/login "" "{\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | jq -r .access_token)
  WS_CHAT=$(api POST /api/v1/chats "$WS_TOKEN" '{"title":"broadcast"}' | jq -r .id)
  WS_WORDS=$(printf 'word%d ' $(seq 1 49))
  log "scenario 9: $SOCKETS sockets subscribed to one chat, $MESSAGES replies broadcast"
  for r in $(seq 1 "$ROUNDS"); do
    measure "$(meta 9 "$SOCKETS-sockets" parley "$r")" '{}' on_load "${WSLOAD[@]}" --url "ws://127.0.0.1:$PARLEY_PORT/ws" \
      --token "$WS_TOKEN" --chat "$WS_CHAT" --sockets "$SOCKETS" --messages "$MESSAGES" --content "${WS_WORDS% }" --timeout-s 60
    # Every socket of the round has closed before the next opens (the limit counts them until then).
    for _ in $(seq 1 100); do
      [[ $(api GET /api/v1/sessions "$WS_TOKEN" | jq '.items | length') == 0 ]] && break; sleep 0.2
    done
  done
fi

# ---------------------------------------------------------------- report
grep -h -E 'ERROR|Exception' "$RESULTS"/parley-*.log | sort | uniq -c | sort -rn | head -20 > "$RESULTS/parley-errors.txt" || true
jq --arg l "$(cut -d' ' -f1-3 /proc/loadavg)" '. + {load_avg_at_end: $l}' "$RESULTS/environment.json" > "$WORK/env.json" &&
  mv "$WORK/env.json" "$RESULTS/environment.json"
python3 bench/lib/bench.py report "$RESULTS" > /dev/null
log "report: $RESULTS/results.md"
cat "$RESULTS/results.md"
if [[ ${#FAILURES[@]} -gt 0 ]]; then
  log "${#FAILURES[@]} plumbing failure(s):"; printf '  - %s\n' "${FAILURES[@]}" >&2
  exit 1
fi
log "all scenarios ran"
