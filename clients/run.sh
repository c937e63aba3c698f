#!/usr/bin/env bash
# Real client SDKs through Parley (issue 10): starts the fake upstream (clients/fake) and Parley, each
# on a free port, Parley on an embedded PostgreSQL in a temporary directory, with a named
# OpenAI-compatible server `fake` and Anthropic both pointed at the fake; registers a user, creates an
# API key, runs every test case directly against the fake and then through Parley, prints the
# per-case table, and exits non-zero when a case that passes directly fails through Parley.
#
#   ./mvnw -B package -DskipTests && clients/run.sh      (it builds nothing: needs target/parley-*.jar)
#
# Environment: CLIENTS_JAVA (a JDK 21+ java; default the JDK 25 of this machine, else $JAVA_HOME or
# java), CLIENTS_KEEP=1 keeps the temporary directory (logs, the fake's request log).
set -euo pipefail
cd "$(dirname "$0")"
CLIENTS=$PWD
ROOT=$(cd .. && pwd)

JAVA=${CLIENTS_JAVA:-}
if [[ -z $JAVA ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ${JAVA_HOME:+$JAVA_HOME/bin/java} $(command -v java || true); do
    if [[ -x $candidate ]] && "$candidate" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA=$candidate; break; fi
  done
fi
[[ -n $JAVA ]] || { echo "clients: needs a JDK 21+ (set CLIENTS_JAVA)" >&2; exit 1; }
JAR=$(ls "$ROOT"/target/parley-*.jar 2>/dev/null | grep -v -e '-plain.jar$' -e '.original$' | head -1 || true)
[[ -n $JAR ]] || { echo "clients: no target/parley-*.jar; run ./mvnw -B package -DskipTests first" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "clients: needs node and npm" >&2; exit 1; }
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "clients: needs $tool" >&2; exit 1; }; done

WORK=$(mktemp -d -t parley-clients.XXXXXX)
RESULTS=$CLIENTS/results
mkdir -p "$RESULTS"
log() { printf '%s [clients] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

FAKE_PID= PARLEY_PID=
stop_pid() { local pid=$1; [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true; }
cleanup() {
  stop_pid "$PARLEY_PID"
  # Parley stops its embedded PostgreSQL on a clean stop; after a kill -9 the postmaster would stay.
  local postmaster=$WORK/data/postgres/postmaster.pid
  [[ -f $postmaster ]] && stop_pid "$(head -1 "$postmaster")"
  [[ -n $FAKE_PID ]] && curl -s "$FAKE_URL/__requests" > "$RESULTS/fake-requests.json" 2>/dev/null || true
  stop_pid "$FAKE_PID"
  [[ -f $WORK/parley.log ]] && cp "$WORK/parley.log" "$RESULTS/parley.log"
  if [[ ${CLIENTS_KEEP:-0} == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---- the fake upstream (it picks a free port itself and prints it)
node fake/server.js --port 0 > "$WORK/fake.log" 2>&1 &
FAKE_PID=$!
for _ in $(seq 1 100); do grep -q 'listening on' "$WORK/fake.log" 2>/dev/null && break; sleep 0.05; done
FAKE_URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/fake.log" | head -1)
[[ -n $FAKE_URL ]] || { log "the fake upstream did not start: $(cat "$WORK/fake.log")"; exit 1; }
log "fake upstream on $FAKE_URL"

# ---- Parley: an embedded PostgreSQL under $WORK/data; the named OpenAI-compatible server `fake` and
# Anthropic both at the fake; every other setting at its default, except the circuit breaker, which
# is set out of reach: the error cases make the fake fail on purpose, and a breaker opened by them
# would fail unrelated cases after them.
PARLEY_PORT=$(free_port)
PARLEY_URL=http://127.0.0.1:$PARLEY_PORT
PROVIDERS=$(jq -nc --arg u "$FAKE_URL/v1" '{parley: {ai: {providers: {fake: {"base-url": $u, "api-key": "fake-key"}}}}}')
env PORT="$PARLEY_PORT" PARLEY_DATA_DIR="$WORK/data" SECRET_KEY="clients-signing-key-of-at-least-32-bytes-0123456789" \
  SPRING_APPLICATION_JSON="$PROVIDERS" ANTHROPIC_API_KEY=fake-key ANTHROPIC_BASE_URL="$FAKE_URL" \
  PARLEY_AI_BREAKER_WINDOW=1000 PARLEY_AI_BREAKER_MIN_CALLS=1000 LOG_FORMAT=text \
  "$JAVA" -XX:TieredStopAtLevel=1 -jar "$JAR" > "$WORK/parley.log" 2>&1 &
PARLEY_PID=$!
log "starting Parley ($(basename "$JAR")) on $PARLEY_URL"
deadline=$(( $(date +%s) + 240 ))
until curl -fs -o /dev/null "$PARLEY_URL/health"; do
  if ! kill -0 "$PARLEY_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
    log "Parley did not become healthy: $(tail -30 "$WORK/parley.log")"; exit 1
  fi
  sleep 0.2
done
log "Parley is up"

api() { # api METHOD PATH TOKEN [JSON]
  curl -sS -X "$1" "$PARLEY_URL$2" ${3:+-H "Authorization: Bearer $3"} -H 'Content-Type: application/json' ${4:+-d "$4"}
}
TOKEN=$(api POST /api/v1/auth/register "" '{"email":"clients@example.com","password":"clients-password-Argon2id-7","name":"Clients"}' | jq -r .access_token)
[[ -n $TOKEN && $TOKEN != null ]] || { log "could not register the user"; exit 1; }
PARLEY_API_KEY=$(api POST /api/v1/api-keys "$TOKEN" '{"name":"clients"}' | jq -r '.key // empty')
[[ -n $PARLEY_API_KEY ]] || { log "could not create an API key"; exit 1; }

# ---- the SDKs, exactly as package-lock.json pins them
log "npm ci"
npm ci --no-audit --no-fund --loglevel=error > "$WORK/npm.log" 2>&1 || { cat "$WORK/npm.log" >&2; exit 1; }

run_target() { # run_target direct|parley: every test file, the cases into results/<target>.jsonl
  log "cases against $1"
  CLIENTS_TARGET=$1 FAKE_URL=$FAKE_URL PARLEY_URL=$PARLEY_URL PARLEY_API_KEY=$PARLEY_API_KEY \
    node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./lib/cases-reporter.js --test-reporter-destination="$RESULTS/$1.jsonl" test/*.test.js || true
}
run_target direct
run_target parley
node lib/compare.js "$RESULTS/direct.jsonl" "$RESULTS/parley.jsonl"
